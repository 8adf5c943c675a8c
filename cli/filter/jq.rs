//! jq filters (`--jq` not starting with `$`), compiled once with jaq and run per record.
//!
//! Semantics are jq's: the record's value is the filter's input, and each output becomes one
//! output value, printed as compact JSON. No output drops the record, which is what makes
//! `select(...)` work as a filter. A runtime error, or a `halt`, skips just that record.
//!
//! Record values are parsed with `serde_json` rather than jaq's own reader on purpose: jaq's
//! reader accepts a JSON superset (comments, `NaN`, byte strings) and recurses without a depth
//! limit, so a hostile, deeply nested value could overflow the stack. `serde_json` is strict and
//! stops at 128 levels, so such a value is simply "not JSON" and skipped.

use jaq_core::load::{self, Arena, File, Loader};
use jaq_core::{compile, data, Compiler, Ctx, Exn, Vars};
use jaq_json::Val;

use super::error::{FilterError, Position};
use super::Verdict;

/// jaq's execution data: only the look-up table, since `input`/`inputs` make no sense here.
type Data = data::JustLut<Val>;

/// Beyond this many outputs for one record the record is reported as an error: a generator
/// such as `repeat(.)` would otherwise never return and grow memory without bound.
const OUTPUTS_PER_RECORD_MAX: usize = 100_000;

/// A compiled jq program.
pub(super) struct JqFilter {
    filter: jaq_core::Filter<Data>,
}

impl JqFilter {
    /// Parses and compiles `code` together with jq's standard library definitions.
    pub(super) fn new(code: &str) -> Result<JqFilter, FilterError> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs());
        let arena = Arena::default();
        let modules = Loader::new(defs)
            .load(&arena, File { code, path: () })
            .map_err(|errors| load_error(code, errors))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errors| compile_error(code, errors))?;
        Ok(JqFilter { filter })
    }

    /// Runs the filter on one record value.
    pub(super) fn apply(&self, value: &[u8]) -> Verdict {
        let Ok(input) = serde_json::from_slice::<Val>(value) else {
            return Verdict::Drop;
        };
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new([]));
        let mut outputs = Vec::new();
        for output in self.filter.id.run((ctx, input)) {
            if outputs.len() == OUTPUTS_PER_RECORD_MAX {
                return Verdict::Error(format!(
                    "jq filter produced more than {OUTPUTS_PER_RECORD_MAX} outputs for one record"
                ));
            }
            match output {
                Ok(output) => outputs.push(to_json(&output)),
                Err(exception) => return Verdict::Error(describe_exception(exception)),
            }
        }
        if outputs.is_empty() {
            Verdict::Drop
        } else {
            Verdict::Replace(outputs)
        }
    }
}

/// Compact JSON, as jaq prints it. Values JSON cannot represent (NaN, byte strings) are printed
/// the way jaq prints them rather than being silently changed.
fn to_json(value: &Val) -> Vec<u8> {
    // `Val`'s `Display` is jaq's compact printer; writing into a `String` cannot fail.
    value.to_string().into_bytes()
}

/// Turns a jaq exception into a message. `jaq_core::unwrap_valr` is deliberately not used: it
/// calls `std::process::exit` when the filter says `halt`, which a consumer must not do.
fn describe_exception(exception: Exn<'_, Val>) -> String {
    match exception.get_err() {
        // Like jq, show a string error's text without JSON quotes.
        Ok(error) => match error.into_val() {
            Val::TStr(text) => format!("jq error: {}", String::from_utf8_lossy(&text)),
            other => format!("jq error: {other}"),
        },
        Err(other) => match other.get_halt() {
            Ok(exit_code) => format!("jq filter halted with exit code {exit_code}"),
            Err(_) => "jq filter raised an unexpected exception".to_owned(),
        },
    }
}

/// Errors from lexing or parsing, with the position jaq points at.
fn load_error(code: &str, errors: load::Errors<&str, ()>) -> FilterError {
    let mut problems: Vec<(String, Option<usize>)> = Vec::new();
    for (_file, error) in errors {
        match error {
            load::Error::Io(io) => {
                problems.extend(io.into_iter().map(|(path, message)| {
                    (format!("cannot load module {path:?}: {message}"), None)
                }))
            }
            load::Error::Lex(lex) => problems.extend(lex.into_iter().map(|(expect, found)| {
                (
                    format!("expected {}", describe_lex_expect(&expect)),
                    offset_in(code, found),
                )
            })),
            load::Error::Parse(parse) => {
                problems.extend(parse.into_iter().map(|(expect, found)| {
                    (
                        format!(
                            "expected {}, found {}",
                            expect.as_str(),
                            describe_found(found)
                        ),
                        offset_in(code, found),
                    )
                }))
            }
        }
    }
    jq_error(code, problems)
}

/// Errors from compiling, i.e. names that are not defined.
fn compile_error(code: &str, errors: compile::Errors<&str, ()>) -> FilterError {
    let problems = errors
        .into_iter()
        .flat_map(|(_file, undefined)| undefined)
        .map(|(name, undefined)| {
            let arity = match undefined {
                compile::Undefined::Filter(arity) => format!("/{arity}"),
                _ => String::new(),
            };
            (
                format!("undefined {} {name}{arity}", undefined.as_str()),
                offset_in(code, name),
            )
        })
        .collect();
    jq_error(code, problems)
}

fn jq_error(code: &str, problems: Vec<(String, Option<usize>)>) -> FilterError {
    let position = problems
        .iter()
        .find_map(|(_, offset)| *offset)
        .and_then(|offset| Position::of_offset(code, offset));
    let message = if problems.is_empty() {
        "jaq rejected the filter without saying why".to_owned()
    } else {
        problems
            .into_iter()
            .map(|(message, _)| message)
            .collect::<Vec<_>>()
            .join("; ")
    };
    FilterError::Jq { message, position }
}

/// jaq reports where an error is by handing back a sub-slice of the source; recover its offset.
/// `None` if the slice does not actually lie inside `code` (e.g. it came from the prelude).
fn offset_in(code: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(code.as_ptr() as usize)?;
    (start + part.len() <= code.len()).then_some(start)
}

fn describe_found(found: &str) -> String {
    if found.is_empty() {
        "end of input".to_owned()
    } else {
        // The rest of the source follows the offending token; show only its start.
        let excerpt: String = found.chars().take(16).collect();
        format!("{excerpt:?}")
    }
}

/// jaq's own `Expect::as_str` panics on a delimiter it has no name for, so it is only asked
/// about the ones it names.
fn describe_lex_expect(expect: &load::lex::Expect<&str>) -> String {
    use load::lex::Expect::Delim;
    match expect {
        Delim("(" | "[" | "{" | "\"") => expect.as_str().to_owned(),
        Delim(open) => format!("closing delimiter for {open:?}"),
        other => other.as_str().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jq(code: &str) -> JqFilter {
        match JqFilter::new(code) {
            Ok(filter) => filter,
            Err(error) => panic!("{code:?} should compile: {error}"),
        }
    }

    fn replaced(verdict: Verdict) -> Vec<String> {
        match verdict {
            Verdict::Replace(values) => values
                .into_iter()
                .map(|value| String::from_utf8_lossy(&value).into_owned())
                .collect(),
            other => panic!("expected Replace, got {other:?}"),
        }
    }

    fn compile_failure(code: &str) -> (String, Option<Position>) {
        match JqFilter::new(code) {
            Err(FilterError::Jq { message, position }) => (message, position),
            Err(other) => panic!("expected a jq error, got {other}"),
            Ok(_) => panic!("{code:?} must not compile"),
        }
    }

    #[test]
    fn path_replaces_value_with_compact_json() {
        let filter = jq(".a");
        assert_eq!(
            replaced(filter.apply(br#"{"a": {"b": [1, 2], "c": "x"}}"#)),
            [r#"{"b":[1,2],"c":"x"}"#]
        );
        // jq yields null for a missing field, and null is an output like any other.
        assert_eq!(replaced(filter.apply(br#"{"z": 1}"#)), ["null"]);
    }

    #[test]
    fn select_keeps_or_drops_the_whole_value() {
        let filter = jq("select(.n > 2)");
        assert_eq!(
            replaced(filter.apply(r#"{"n": 3, "s": "é"}"#.as_bytes())),
            [r#"{"n":3,"s":"é"}"#]
        );
        assert!(matches!(filter.apply(br#"{"n": 1}"#), Verdict::Drop));
    }

    #[test]
    fn several_outputs_become_several_values() {
        let filter = jq(".items[]");
        assert_eq!(
            replaced(filter.apply(br#"{"items": [1, "two", {"three": 3}]}"#)),
            ["1", r#""two""#, r#"{"three":3}"#]
        );
        assert!(matches!(filter.apply(br#"{"items": []}"#), Verdict::Drop));
    }

    #[test]
    fn standard_library_is_available() {
        assert_eq!(replaced(jq("map(. * 2) | add").apply(b"[1, 2, 3]")), ["12"]);
        assert_eq!(
            replaced(jq(r#".[] | select(test("^a"; "i"))"#).apply(br#"["Apple", "pear"]"#)),
            [r#""Apple""#]
        );
        assert_eq!(
            replaced(jq("keys").apply(br#"{"b":1,"a":2}"#)),
            [r#"["a","b"]"#]
        );
    }

    #[test]
    fn values_that_are_not_json_are_dropped() {
        let filter = jq(".a");
        for value in [
            &b""[..],
            b"not json",
            b"{\"a\": 1",
            b"\xff\xfe",
            b"{\"a\": 1} trailing",
            b"NaN",
            b"# comment\n1",
        ] {
            assert!(
                matches!(filter.apply(value), Verdict::Drop),
                "{value:?} must be dropped"
            );
        }
    }

    #[test]
    fn hostile_nesting_is_dropped_not_a_stack_overflow() {
        let depth = 100_000;
        let value = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(jq(".").apply(value.as_bytes()), Verdict::Drop));
    }

    #[test]
    fn json_null_is_still_an_input() {
        assert_eq!(replaced(jq(".").apply(b"null")), ["null"]);
    }

    #[test]
    fn runtime_errors_are_reported_per_record() {
        let filter = jq(".a + 1");
        let Verdict::Error(message) = filter.apply(br#"{"a": "text"}"#) else {
            panic!("adding a string and a number must fail");
        };
        assert!(message.starts_with("jq error:"), "{message}");
        // The same filter still works on the next record.
        assert_eq!(replaced(filter.apply(br#"{"a": 1}"#)), ["2"]);
    }

    #[test]
    fn explicit_error_carries_its_message() {
        let Verdict::Error(message) = jq(r#"error("bad record")"#).apply(b"{}") else {
            panic!("error/1 must fail");
        };
        assert_eq!(message, "jq error: bad record");
    }

    #[test]
    fn halt_skips_the_record_instead_of_exiting() {
        let Verdict::Error(message) = jq("halt").apply(b"{}") else {
            panic!("halt must be reported");
        };
        assert_eq!(message, "jq filter halted with exit code 0");
    }

    #[test]
    fn endless_generators_are_cut_off() {
        let Verdict::Error(message) = jq("repeat(1)").apply(b"0") else {
            panic!("an endless generator must be reported");
        };
        assert!(message.contains("more than"), "{message}");
    }

    #[test]
    fn syntax_error_reports_message_and_position() {
        let (message, position) = compile_failure(".[");
        assert_eq!(message, "expected closing bracket");
        assert_eq!(position, Some(Position { line: 1, column: 3 }));
        let (message, position) = compile_failure(".a | | .b");
        assert!(message.contains("expected term"), "{message}");
        assert_eq!(position, Some(Position { line: 1, column: 6 }));
    }

    #[test]
    fn unclosed_string_is_a_lex_error() {
        let (message, position) = compile_failure(r#".a == "open"#);
        assert_eq!(message, "expected closing quote");
        assert_eq!(
            position,
            Some(Position {
                line: 1,
                column: 12
            })
        );
    }

    #[test]
    fn undefined_names_are_reported_with_arity_and_position() {
        let (message, position) = compile_failure(".a | nosuchfilter(1)");
        assert_eq!(message, "undefined filter nosuchfilter/1");
        assert_eq!(position, Some(Position { line: 1, column: 6 }));
        let (message, _) = compile_failure("$nosuchvar");
        assert!(message.contains("undefined variable"), "{message}");
    }

    #[test]
    fn module_loading_is_refused_at_compile_time() {
        let (message, _) = compile_failure(r#"include "x"; ."#);
        assert!(message.contains("cannot load module"), "{message}");
    }
}
