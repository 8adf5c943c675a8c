//! Record selection for `streamline consume`: `--grep`, `-i`, `-v`, `--grep-key`, `--jq` and
//! `--sample`.
//!
//! Everything is compiled once in [`RecordFilter::new`], so a bad expression fails before any
//! record is fetched and nothing is recompiled per record. [`RecordFilter::apply`] then decides
//! about one record at a time and never fails or panics on record data: payloads that cannot
//! be read are dropped, and per-record evaluation errors come back as [`Verdict::Error`].
//!
//! All conditions must hold for a record to be kept; the regexes run first because they are the
//! cheapest, and the JSON expression runs last because it may rewrite the value.

mod error;
mod grep;
mod jq;
mod jsonpath;
mod sample;

// `Position` is reachable through `FilterError::Jq` without being re-exported, which would be
// an unused import in a binary that only prints the error.
pub use error::FilterError;
pub use sample::{parse_sample, SampleSpec, Sampler};

use grep::Grep;
use jq::JqFilter;
use jsonpath::JsonPathFilter;

/// The filter flags as given on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct FilterSpec<'a> {
    /// `--grep`: regex matched against the value.
    pub grep: Option<&'a str>,
    /// `-i`: every regex is case-insensitive.
    pub ignore_case: bool,
    /// `-v`: keep records whose value does *not* match `--grep` (affects nothing else).
    pub invert: bool,
    /// `--grep-key`: regex matched against the key.
    pub grep_key: Option<&'a str>,
    /// `--jq`: JSONPath when it starts with `$`, a jq filter otherwise.
    pub jq: Option<&'a str>,
}

/// What to do with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Skip the record.
    Drop,
    /// Print the record as it is.
    Keep,
    /// Print the record once per value given here, each replacing the record's value
    /// (compact JSON from `--jq`).
    Replace(Vec<Vec<u8>>),
    /// Skip the record because evaluating `--jq` on it failed; the message says why.
    Error(String),
}

/// All filters of one `consume` invocation, compiled.
pub struct RecordFilter {
    value_grep: Option<Grep>,
    invert: bool,
    key_grep: Option<Grep>,
    json: Option<JsonExpression>,
}

enum JsonExpression {
    Jq(JqFilter),
    JsonPath(JsonPathFilter),
}

impl RecordFilter {
    /// Compiles everything up front so that a bad expression fails before any record is read.
    pub fn new(spec: &FilterSpec) -> Result<RecordFilter, FilterError> {
        let value_grep = spec
            .grep
            .map(|pattern| Grep::new(pattern, spec.ignore_case, "--grep"))
            .transpose()?;
        let key_grep = spec
            .grep_key
            .map(|pattern| Grep::new(pattern, spec.ignore_case, "--grep-key"))
            .transpose()?;
        let json = spec.jq.map(JsonExpression::new).transpose()?;
        Ok(RecordFilter {
            value_grep,
            invert: spec.invert,
            key_grep,
            json,
        })
    }

    /// Checks `--grep` while the command line is parsed, so a bad expression is a usage error
    /// (exit 2) like any bad flag value; the filter is built again with `-i` known.
    pub fn grep_arg(pattern: &str) -> Result<String, FilterError> {
        Grep::new(pattern, false, "--grep").map(|_| pattern.to_string())
    }

    /// [`RecordFilter::grep_arg`] for `--grep-key`.
    pub fn grep_key_arg(pattern: &str) -> Result<String, FilterError> {
        Grep::new(pattern, false, "--grep-key").map(|_| pattern.to_string())
    }

    /// [`RecordFilter::grep_arg`] for `--jq` (jq or JSONPath).
    pub fn jq_arg(expression: &str) -> Result<String, FilterError> {
        JsonExpression::new(expression).map(|_| expression.to_string())
    }

    /// Decides about one record; `None` means the record has no key, or no value (a tombstone).
    ///
    /// `--grep` matches the value as lossy UTF-8 and `-v` inverts just that test; `--grep-key`
    /// matches the key. A part that is absent never matches, so `-v` keeps tombstones.
    /// `--jq` drops records whose value is absent or not JSON, and otherwise returns
    /// [`Verdict::Replace`] with its output, [`Verdict::Drop`] when there is none, or
    /// [`Verdict::Error`] when evaluation failed.
    pub fn apply(&self, key: Option<&[u8]>, value: Option<&[u8]>) -> Verdict {
        if let Some(grep) = &self.value_grep {
            if grep.is_match(value) == self.invert {
                return Verdict::Drop;
            }
        }
        if let Some(grep) = &self.key_grep {
            if !grep.is_match(key) {
                return Verdict::Drop;
            }
        }
        match (&self.json, value) {
            (None, _) => Verdict::Keep,
            (Some(_), None) => Verdict::Drop,
            (Some(json), Some(value)) => json.apply(value),
        }
    }

    /// Whether no filter was given, so that every record is kept unchanged.
    pub fn is_pass_through(&self) -> bool {
        self.value_grep.is_none() && self.key_grep.is_none() && self.json.is_none()
    }
}

impl JsonExpression {
    fn new(expression: &str) -> Result<JsonExpression, FilterError> {
        // Leading blanks are tolerated so that `--jq ' $.a'` is still recognised as JSONPath.
        if expression.trim_start().starts_with('$') {
            JsonPathFilter::new(expression.trim_start()).map(JsonExpression::JsonPath)
        } else {
            JqFilter::new(expression).map(JsonExpression::Jq)
        }
    }

    fn apply(&self, value: &[u8]) -> Verdict {
        match self {
            JsonExpression::Jq(filter) => filter.apply(value),
            JsonExpression::JsonPath(filter) => filter.apply(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(spec: FilterSpec) -> RecordFilter {
        match RecordFilter::new(&spec) {
            Ok(filter) => filter,
            Err(error) => panic!("{spec:?} should compile: {error}"),
        }
    }

    fn grep(pattern: &str) -> FilterSpec<'_> {
        FilterSpec {
            grep: Some(pattern),
            ..FilterSpec::default()
        }
    }

    fn jq(expression: &str) -> FilterSpec<'_> {
        FilterSpec {
            jq: Some(expression),
            ..FilterSpec::default()
        }
    }

    #[test]
    fn no_flags_is_pass_through_and_keeps_everything() {
        let filter = filter(FilterSpec::default());
        assert!(filter.is_pass_through());
        assert_eq!(filter.apply(None, None), Verdict::Keep);
        assert_eq!(filter.apply(Some(b"k"), Some(b"\xff")), Verdict::Keep);
    }

    #[test]
    fn any_flag_turns_pass_through_off() {
        for spec in [grep("x"), jq(".")] {
            assert!(!filter(spec).is_pass_through());
        }
        let key_only = FilterSpec {
            grep_key: Some("x"),
            ..FilterSpec::default()
        };
        assert!(!filter(key_only).is_pass_through());
        // -i and -v alone select nothing.
        let flags_only = FilterSpec {
            ignore_case: true,
            invert: true,
            ..FilterSpec::default()
        };
        assert!(filter(flags_only).is_pass_through());
    }

    #[test]
    fn grep_matches_value_only() {
        let filter = filter(grep("error"));
        assert_eq!(filter.apply(None, Some(b"an error")), Verdict::Keep);
        assert_eq!(filter.apply(Some(b"error"), Some(b"fine")), Verdict::Drop);
        assert_eq!(filter.apply(Some(b"error"), None), Verdict::Drop);
    }

    #[test]
    fn ignore_case_applies_to_value_and_key() {
        let filter = filter(FilterSpec {
            grep: Some("error"),
            grep_key: Some("^user-"),
            ignore_case: true,
            ..FilterSpec::default()
        });
        assert_eq!(filter.apply(Some(b"USER-1"), Some(b"ERROR")), Verdict::Keep);
        assert_eq!(
            filter.apply(Some(b"order-1"), Some(b"ERROR")),
            Verdict::Drop
        );
    }

    #[test]
    fn invert_flips_the_value_grep_only() {
        let filter = filter(FilterSpec {
            grep: Some("debug"),
            invert: true,
            grep_key: Some("^a"),
            ..FilterSpec::default()
        });
        assert_eq!(filter.apply(Some(b"a1"), Some(b"info: ok")), Verdict::Keep);
        assert_eq!(filter.apply(Some(b"a1"), Some(b"debug: x")), Verdict::Drop);
        // The key grep is not inverted.
        assert_eq!(filter.apply(Some(b"b1"), Some(b"info: ok")), Verdict::Drop);
        // A tombstone has no value to match, so -v keeps it.
        assert_eq!(filter.apply(Some(b"a1"), None), Verdict::Keep);
    }

    #[test]
    fn invert_without_grep_does_nothing() {
        let filter = filter(FilterSpec {
            invert: true,
            grep_key: Some("k"),
            ..FilterSpec::default()
        });
        assert_eq!(filter.apply(Some(b"k"), Some(b"v")), Verdict::Keep);
    }

    #[test]
    fn record_without_key_never_matches_grep_key() {
        let filter = filter(FilterSpec {
            grep_key: Some(""),
            ..FilterSpec::default()
        });
        assert_eq!(filter.apply(None, Some(b"v")), Verdict::Drop);
        assert_eq!(filter.apply(Some(b""), Some(b"v")), Verdict::Keep);
    }

    #[test]
    fn non_utf8_values_and_keys_are_matched_lossily() {
        let filter = filter(FilterSpec {
            grep: Some("^caf.\u{FFFD}$"),
            grep_key: Some("k\u{FFFD}"),
            ..FilterSpec::default()
        });
        assert_eq!(
            filter.apply(Some(b"k\x80"), Some(b"cafe\xc3")),
            Verdict::Keep
        );
        assert_eq!(filter.apply(Some(b"k"), Some(b"cafe\xc3")), Verdict::Drop);
    }

    #[test]
    fn greps_and_jq_must_all_hold() {
        let filter = filter(FilterSpec {
            grep: Some("\"n\""),
            grep_key: Some("^k"),
            jq: Some("select(.n > 2) | .n"),
            ..FilterSpec::default()
        });
        assert_eq!(
            filter.apply(Some(b"k1"), Some(br#"{"n": 3}"#)),
            Verdict::Replace(vec![b"3".to_vec()])
        );
        assert_eq!(
            filter.apply(Some(b"k1"), Some(br#"{"n": 1}"#)),
            Verdict::Drop
        );
        assert_eq!(
            filter.apply(Some(b"x1"), Some(br#"{"n": 3}"#)),
            Verdict::Drop
        );
        assert_eq!(
            filter.apply(Some(b"k1"), Some(br#"{"m": 3}"#)),
            Verdict::Drop
        );
    }

    #[test]
    fn jq_outputs_replace_the_value() {
        let filter = filter(jq(".items[]"));
        assert_eq!(
            filter.apply(None, Some(br#"{"items": [1, [2]]}"#)),
            Verdict::Replace(vec![b"1".to_vec(), b"[2]".to_vec()])
        );
    }

    #[test]
    fn jq_skips_absent_and_non_json_values() {
        let filter = filter(jq(".a"));
        assert_eq!(filter.apply(Some(b"k"), None), Verdict::Drop);
        assert_eq!(filter.apply(None, Some(b"\xff{")), Verdict::Drop);
        assert_eq!(filter.apply(None, Some(b"plain text")), Verdict::Drop);
    }

    #[test]
    fn jq_runtime_error_is_a_verdict() {
        let filter = filter(jq(".a | keys"));
        assert!(matches!(
            filter.apply(None, Some(br#"{"a": 1}"#)),
            Verdict::Error(_)
        ));
    }

    #[test]
    fn dollar_selects_jsonpath() {
        let filter = filter(jq("$..id"));
        assert_eq!(
            filter.apply(None, Some(br#"[{"id": 1}, {"id": 2}]"#)),
            Verdict::Replace(vec![b"[1,2]".to_vec()])
        );
        assert_eq!(filter.apply(None, Some(b"not json")), Verdict::Drop);
        assert_eq!(filter.apply(None, None), Verdict::Drop);
        let padded = self::filter(jq("  $.a.b"));
        assert_eq!(
            padded.apply(None, Some(br#"{"a": {"b": true}}"#)),
            Verdict::Replace(vec![b"true".to_vec()])
        );
    }

    #[test]
    fn bad_expressions_fail_at_construction() {
        assert!(matches!(
            RecordFilter::new(&grep("(")),
            Err(FilterError::Regex { flag: "--grep", .. })
        ));
        let bad_key = FilterSpec {
            grep_key: Some("[z-a]"),
            ..FilterSpec::default()
        };
        assert!(matches!(
            RecordFilter::new(&bad_key),
            Err(FilterError::Regex {
                flag: "--grep-key",
                ..
            })
        ));
        assert!(matches!(
            RecordFilter::new(&jq(".[")),
            Err(FilterError::Jq {
                position: Some(_),
                ..
            })
        ));
        assert!(matches!(
            RecordFilter::new(&jq("$.a[")),
            Err(FilterError::JsonPath { .. })
        ));
    }

    #[test]
    fn compiled_filter_can_move_to_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<RecordFilter>();
        assert_send::<Sampler<Vec<u8>>>();
    }
}
