//! Turning the text between `{{` and `}}` into a validated `Placeholder`.
//!
//! This is where every check on names and arguments happens, so that rendering never has to
//! fail: unknown names, missing or extra arguments, numbers that do not parse, empty ranges
//! and lengths over the limits. Each fault points at the character that caused it.
//!
//! Body syntax: `NAME` or `NAME:ARGS`, with whitespace around the name and each argument
//! ignored. Inside ARGS a backslash makes the next character literal, so `\,` is a comma
//! inside a `choice` item and `\ ` keeps a leading or trailing space.

use rand::distr::Uniform;

use super::error::Fault;
use super::now_format;
use super::placeholder::Placeholder;

/// Placeholder names with their argument syntax, as listed in error messages.
const KNOWN: &str = "uuid, timestamp, i, random:MIN:MAX, now:FORMAT, seq:START, \
                     choice:A,B,..., float:MIN:MAX:DIGITS, bool, hex:N, string:N";
const NAMES: [&str; 11] = [
    "uuid",
    "timestamp",
    "i",
    "random",
    "now",
    "seq",
    "choice",
    "float",
    "bool",
    "hex",
    "string",
];
/// More decimals than f64 can carry would print noise.
const DIGITS_MAX: usize = 15;
/// `hex:N` and `string:N` longer than this are almost certainly a typo, and would make
/// every message at least this big.
const LENGTH_MAX: usize = 1_000_000;
/// Keeps `choice` indexes within the `u32` the generator samples.
const CHOICE_ITEMS_MAX: usize = 100_000;

/// One argument after unescaping and trimming, with the column of its first character.
#[derive(Debug)]
pub(super) struct Arg {
    pub(super) text: String,
    pub(super) column: usize,
}

/// Parses a placeholder body whose first char sits at template column `column`.
pub(super) fn parse_placeholder(body: &[char], column: usize) -> Result<Placeholder, Fault> {
    let colon = body.iter().position(|&c| c == ':');
    let (name, name_column) = trim_name(&body[..colon.unwrap_or(body.len())], column);
    if name.is_empty() {
        let what = if colon.is_some() {
            "missing placeholder name before ':'"
        } else {
            "empty placeholder"
        };
        return Err(Fault::new(
            column.saturating_sub(2),
            format!("{what} (known: {KNOWN})"),
        ));
    }
    // The argument text and its column; `None` when there was no colon at all.
    let args = colon.map(|at| (&body[at + 1..], column + at + 1));
    let no_args = |placeholder: Placeholder| match args {
        None => Ok(placeholder),
        Some((_, args_column)) => Err(Fault::new(
            args_column - 1,
            format!("'{name}' takes no arguments"),
        )),
    };
    match name.as_str() {
        "uuid" => no_args(Placeholder::Uuid),
        "timestamp" => no_args(Placeholder::Timestamp),
        "i" => no_args(Placeholder::Index),
        "bool" => no_args(Placeholder::Bool),
        "random" => random(split(args, Some(':')), name_column),
        "now" => now_format::parse_now(split(args, None).pop()),
        "seq" => seq(split(args, Some(':')), name_column),
        "choice" => choice(split(args, Some(',')), name_column),
        "float" => float(split(args, Some(':')), name_column),
        "hex" => length(split(args, Some(':')), name_column, "hex").map(Placeholder::Hex),
        "string" => {
            length(split(args, Some(':')), name_column, "string").map(Placeholder::Alphanumeric)
        }
        _ => Err(unknown(&name, name_column)),
    }
}

fn random(args: Vec<Arg>, name_column: usize) -> Result<Placeholder, Fault> {
    const USAGE: &str = "random:MIN:MAX, e.g. {{random:1:100}}";
    let [min_arg, max_arg] = exact(args, name_column, USAGE)?;
    let min = integer(&min_arg, "MIN", USAGE)?;
    let max = integer(&max_arg, "MAX", USAGE)?;
    Uniform::new_inclusive(min, max)
        .map(Placeholder::Random)
        .map_err(|_| {
            Fault::new(
                min_arg.column,
                format!("MIN {min} is greater than MAX {max} (usage: {USAGE})"),
            )
        })
}

fn seq(args: Vec<Arg>, name_column: usize) -> Result<Placeholder, Fault> {
    const USAGE: &str = "seq:START, e.g. {{seq:1000}}";
    let [start] = exact(args, name_column, USAGE)?;
    integer(&start, "START", USAGE).map(Placeholder::Seq)
}

fn float(args: Vec<Arg>, name_column: usize) -> Result<Placeholder, Fault> {
    const USAGE: &str = "float:MIN:MAX:DIGITS, e.g. {{float:0:100:2}}";
    let [min_arg, max_arg, digits_arg] = exact(args, name_column, USAGE)?;
    let min = finite(&min_arg, "MIN", USAGE)?;
    let max = finite(&max_arg, "MAX", USAGE)?;
    let digits = bounded(&digits_arg, "DIGITS", 0, DIGITS_MAX, USAGE)?;
    if min >= max {
        return Err(Fault::new(
            min_arg.column,
            format!("MIN {min} must be less than MAX {max} (usage: {USAGE})"),
        ));
    }
    // Fails only when MAX - MIN overflows to infinity, e.g. -1e308:1e308.
    let range = Uniform::new(min, max).map_err(|_| {
        Fault::new(
            min_arg.column,
            format!("the range {min}..{max} is too wide (usage: {USAGE})"),
        )
    })?;
    Ok(Placeholder::Float { range, digits })
}

fn length(args: Vec<Arg>, name_column: usize, name: &str) -> Result<usize, Fault> {
    let usage = format!("{name}:N, e.g. {{{{{name}:16}}}}");
    let [len] = exact(args, name_column, &usage)?;
    bounded(&len, "N", 1, LENGTH_MAX, &usage)
}

fn choice(args: Vec<Arg>, name_column: usize) -> Result<Placeholder, Fault> {
    const USAGE: &str = "choice:A,B,..., e.g. {{choice:red,green,blue}}";
    if args.is_empty() || (args.len() == 1 && args[0].text.is_empty()) {
        let column = args.first().map_or(name_column, |arg| arg.column);
        return Err(Fault::new(
            column,
            format!("choice needs at least one item (usage: {USAGE})"),
        ));
    }
    if let Some(empty) = args.iter().find(|arg| arg.text.is_empty()) {
        return Err(Fault::new(
            empty.column,
            format!("empty choice item; remove the extra comma (usage: {USAGE})"),
        ));
    }
    if args.len() > CHOICE_ITEMS_MAX {
        return Err(Fault::new(
            name_column,
            format!(
                "choice has {} items; at most {CHOICE_ITEMS_MAX} are allowed",
                args.len()
            ),
        ));
    }
    let count = u32::try_from(args.len()).unwrap_or(u32::MAX);
    let pick = Uniform::new(0, count)
        .map_err(|_| Fault::new(name_column, "choice needs at least one item"))?;
    let items = args.into_iter().map(|arg| arg.text).collect();
    Ok(Placeholder::Choice { items, pick })
}

/// Takes exactly `N` arguments, or explains the usage.
fn exact<const N: usize>(
    args: Vec<Arg>,
    name_column: usize,
    usage: &str,
) -> Result<[Arg; N], Fault> {
    let count = args.len();
    args.try_into().map_err(|args: Vec<Arg>| {
        // Point at the first surplus argument, or at the name when some are missing.
        let column = args.get(N).map_or(name_column, |arg| arg.column);
        let plural = if N == 1 { "" } else { "s" };
        Fault::new(
            column,
            format!("expected {N} argument{plural}, found {count} (usage: {usage})"),
        )
    })
}

fn integer(arg: &Arg, what: &str, usage: &str) -> Result<i64, Fault> {
    arg.text.parse::<i64>().map_err(|_| {
        Fault::new(
            arg.column,
            format!(
                "{what} must be a whole number from {} to {}, found '{}' (usage: {usage})",
                i64::MIN,
                i64::MAX,
                arg.text
            ),
        )
    })
}

fn finite(arg: &Arg, what: &str, usage: &str) -> Result<f64, Fault> {
    match arg.text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(Fault::new(
            arg.column,
            format!(
                "{what} must be a finite number, found '{}' (usage: {usage})",
                arg.text
            ),
        )),
    }
}

fn bounded(arg: &Arg, what: &str, min: usize, max: usize, usage: &str) -> Result<usize, Fault> {
    match arg.text.parse::<usize>() {
        Ok(value) if (min..=max).contains(&value) => Ok(value),
        _ => Err(Fault::new(
            arg.column,
            format!(
                "{what} must be a whole number from {min} to {max}, found '{}' (usage: {usage})",
                arg.text
            ),
        )),
    }
}

fn unknown(name: &str, column: usize) -> Fault {
    let lower = name.to_lowercase();
    let suggestion = NAMES
        .iter()
        .map(|known| (edit_distance(&lower, known), known))
        .filter(|(distance, _)| *distance <= (name.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| format!("did you mean '{known}'? "))
        .unwrap_or_default();
    Fault::new(
        column,
        format!("unknown placeholder '{name}' ({suggestion}known: {KNOWN})"),
    )
}

/// Levenshtein distance; names are a few characters, so the quadratic table is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The name with surrounding whitespace removed, and the column where it starts.
fn trim_name(chars: &[char], column: usize) -> (String, usize) {
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let name: String = chars[start..].iter().collect();
    (name.trim_end().to_string(), column + start)
}

/// Splits argument text at unescaped `separator`s (or not at all for `None`), resolving
/// backslash escapes and trimming unescaped whitespace at both ends of each piece.
fn split(args: Option<(&[char], usize)>, separator: Option<char>) -> Vec<Arg> {
    let Some((chars, column)) = args else {
        return Vec::new();
    };
    let mut pieces = Vec::new();
    // (char, escaped, column) for the piece being built.
    let mut piece: Vec<(char, bool, usize)> = Vec::new();
    let mut piece_column = column;
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if c == '\\' && at + 1 < chars.len() {
            piece.push((chars[at + 1], true, column + at));
            at += 2;
            continue;
        }
        if Some(c) == separator {
            pieces.push(finish(&piece, piece_column));
            piece.clear();
            piece_column = column + at + 1;
        } else {
            piece.push((c, false, column + at));
        }
        at += 1;
    }
    pieces.push(finish(&piece, piece_column));
    pieces
}

fn finish(piece: &[(char, bool, usize)], fallback_column: usize) -> Arg {
    let blank = |entry: &&(char, bool, usize)| !entry.1 && entry.0.is_whitespace();
    let start = piece.iter().take_while(blank).count();
    let end = piece.len() - piece.iter().rev().take_while(blank).count();
    let kept = piece.get(start..end).unwrap_or_default();
    Arg {
        text: kept.iter().map(|entry| entry.0).collect(),
        column: kept.first().map_or(fallback_column, |entry| entry.2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<Placeholder, Fault> {
        let chars: Vec<char> = body.chars().collect();
        parse_placeholder(&chars, 2)
    }

    fn fails(body: &str) -> Fault {
        match parse(body) {
            Ok(placeholder) => panic!("'{body}' parsed as {placeholder:?}"),
            Err(fault) => fault,
        }
    }

    #[test]
    fn simple_names_with_spaces() {
        assert!(matches!(parse(" uuid "), Ok(Placeholder::Uuid)));
        assert!(matches!(parse("timestamp"), Ok(Placeholder::Timestamp)));
        assert!(matches!(parse("\ti\t"), Ok(Placeholder::Index)));
        assert!(matches!(parse("bool"), Ok(Placeholder::Bool)));
    }

    #[test]
    fn arguments_are_trimmed() {
        assert!(matches!(parse(" seq : -5 "), Ok(Placeholder::Seq(-5))));
        assert!(matches!(parse("hex: 8"), Ok(Placeholder::Hex(8))));
        assert!(matches!(
            parse("string:1000000"),
            Ok(Placeholder::Alphanumeric(1_000_000))
        ));
        assert!(matches!(
            parse("float: -1.5 : 2 : 15"),
            Ok(Placeholder::Float { digits: 15, .. })
        ));
        assert!(matches!(
            parse("random:-10:-10"),
            Ok(Placeholder::Random(_))
        ));
    }

    #[test]
    fn unknown_name_suggests_the_closest() {
        let fault = fails("uid");
        assert_eq!(fault.position, 2);
        assert!(
            fault
                .message
                .starts_with("unknown placeholder 'uid' (did you mean 'uuid'? known: uuid,"),
            "{}",
            fault.message
        );
        assert!(fails("UUID").message.contains("did you mean 'uuid'?"));
        assert!(!fails("ts").message.contains("did you mean"));
        assert_eq!(fails("  nope").position, 4);
    }

    #[test]
    fn empty_placeholder() {
        assert_eq!(fails("").position, 0);
        assert!(fails("  ").message.starts_with("empty placeholder"));
        assert!(fails(" :5")
            .message
            .starts_with("missing placeholder name before ':'"));
    }

    #[test]
    fn no_argument_names_reject_arguments() {
        let fault = fails("uuid:4");
        assert_eq!(fault.position, 6);
        assert_eq!(fault.message, "'uuid' takes no arguments");
    }

    #[test]
    fn random_validation() {
        let fault_min_max = fails("random:10:5");
        assert_eq!(fault_min_max.position, 9);
        assert!(fault_min_max
            .message
            .starts_with("MIN 10 is greater than MAX 5"));
        let fault_number = fails("random:1:x");
        assert_eq!(fault_number.position, 11);
        assert!(fault_number.message.contains("found 'x'"));
        assert!(fails("random:1:99999999999999999999")
            .message
            .contains("MAX must be"));
        assert!(fails("random:1")
            .message
            .starts_with("expected 2 arguments, found 1"));
        assert_eq!(fails("random:1:2:3").position, 13);
        assert!(fails("random").message.contains("found 0"));
        assert!(fails("random:")
            .message
            .starts_with("expected 2 arguments, found 1"));
    }

    #[test]
    fn float_validation() {
        assert!(fails("float:1:1:2")
            .message
            .starts_with("MIN 1 must be less than MAX 1"));
        assert!(fails("float:0:1:16")
            .message
            .starts_with("DIGITS must be a whole number from 0 to 15"));
        assert!(fails("float:nan:1:2")
            .message
            .starts_with("MIN must be a finite number"));
        assert!(fails("float:0:inf:2")
            .message
            .starts_with("MAX must be a finite number"));
        assert!(fails("float:-1e308:1e308:2").message.contains("too wide"));
        assert!(fails("float:0:1")
            .message
            .starts_with("expected 3 arguments"));
    }

    #[test]
    fn length_validation() {
        assert!(fails("hex:0")
            .message
            .starts_with("N must be a whole number from 1 to 1000000"));
        assert!(fails("string:1000001").message.contains("found '1000001'"));
        assert!(fails("hex:-1").message.contains("found '-1'"));
        assert!(fails("hex")
            .message
            .contains("usage: hex:N, e.g. {{hex:16}}"));
    }

    #[test]
    fn choice_items_keep_inner_spaces_and_escapes() {
        let Ok(Placeholder::Choice { items, .. }) = parse(r"choice: New York , a\,b,\ x\ ,c\\")
        else {
            panic!("choice did not parse");
        };
        assert_eq!(items, ["New York", "a,b", " x ", r"c\"]);
    }

    #[test]
    fn choice_validation() {
        let empty = fails("choice:");
        assert_eq!(empty.position, 9);
        assert!(empty.message.starts_with("choice needs at least one item"));
        assert!(fails("choice")
            .message
            .starts_with("choice needs at least one item"));
        let extra_comma = fails("choice:a,,b");
        assert_eq!(extra_comma.position, 11);
        assert!(extra_comma.message.starts_with("empty choice item"));
    }

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("uid", "uuid"), 1);
        assert_eq!(edit_distance("timestmap", "timestamp"), 2);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
