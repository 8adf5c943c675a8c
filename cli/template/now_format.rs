//! The FORMAT of `{{now:FORMAT}}`: validating a strftime format once, at parse time, and
//! preparing it for fast rendering.
//!
//! chrono reports an unknown specifier only as "bad format", so the offending `%` is found
//! by trying each specifier alone, to put the caret in the right place.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, Utc};

use super::arguments::Arg;
use super::error::Fault;
use super::placeholder::Placeholder;

/// What `{{now}}` without a format prints: RFC 3339 with milliseconds.
const NOW_FORMAT_DEFAULT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";

/// Parses the FORMAT of `{{now:FORMAT}}` (`None` for a bare `{{now}}`).
pub(super) fn parse_now(format: Option<Arg>) -> Result<Placeholder, Fault> {
    let (format, column) = match format {
        // Never reported: the default format is valid.
        None => (NOW_FORMAT_DEFAULT.to_string(), 0),
        Some(arg) if arg.text.is_empty() => {
            return Err(Fault::new(
                arg.column,
                "now needs a strftime FORMAT after the colon, e.g. {{now:%Y-%m-%d}}",
            ));
        }
        Some(arg) => (arg.text, arg.column),
    };
    let bad_format = |offset: usize| {
        Fault::new(
            column + offset,
            format!("invalid strftime format '{format}' (e.g. {{{{now:%Y-%m-%dT%H:%M:%S}}}})"),
        )
    };
    let items = StrftimeItems::new(&format)
        .parse_to_owned()
        .map_err(|_| bad_format(bad_specifier(&format)))?;
    let (items, with_offset) = fold_zone_items(items).ok_or_else(|| bad_format(0))?;
    Ok(Placeholder::Now { items, with_offset })
}

/// Prepares strftime items for rendering UTC times. The naive (zone-less) formatter is the
/// fast one but cannot print zones; since the zone is always UTC, an item such as `%z` or
/// `%Z` prints the same text at every instant and is replaced by that text. Only items that
/// mix the zone with the time (`%+`) keep the zone-aware formatter (`with_offset`). `None`
/// when an item cannot be printed at all.
fn fold_zone_items(items: Vec<Item<'static>>) -> Option<(Vec<Item<'static>>, bool)> {
    let samples = [
        DateTime::<Utc>::UNIX_EPOCH,
        DateTime::from_timestamp_millis(1_705_329_000_123)?,
    ];
    let mut with_offset = false;
    let mut folded = Vec::with_capacity(items.len());
    for item in items {
        let mut text = String::new();
        let naive_ok = samples[0]
            .naive_utc()
            .format_with_items(std::iter::once(&item))
            .write_to(&mut text)
            .is_ok();
        if naive_ok {
            folded.push(item);
            continue;
        }
        let [first, second] = samples.map(|sample| {
            let mut text = String::new();
            sample
                .format_with_items(std::iter::once(&item))
                .write_to(&mut text)
                .ok()
                .map(|()| text)
        });
        match (first?, second?) {
            (first, second) if first == second => {
                folded.push(Item::OwnedLiteral(first.into_boxed_str()));
            }
            _ => {
                with_offset = true;
                folded.push(item);
            }
        }
    }
    Some((folded, with_offset))
}

/// The char offset of the first `%` specifier chrono rejects, or 0 if none stands out alone.
fn bad_specifier(format: &str) -> usize {
    let chars: Vec<char> = format.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        if chars[at] != '%' {
            at += 1;
            continue;
        }
        // A specifier runs to its conversion letter (or `%`), past flags like `-`, `.3`, `:`.
        let end = chars[at + 1..]
            .iter()
            .position(|c| c.is_ascii_alphabetic() || *c == '%')
            .map_or(chars.len(), |offset| at + 1 + offset + 1);
        let specifier: String = chars[at..end].iter().collect();
        if StrftimeItems::new(&specifier).parse().is_err() {
            return at;
        }
        at = end;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(text: &str) -> Option<Arg> {
        Some(Arg {
            text: text.to_string(),
            column: 6,
        })
    }

    fn fails(format: Option<Arg>) -> Fault {
        match parse_now(format) {
            Ok(placeholder) => panic!("parsed as {placeholder:?}"),
            Err(fault) => fault,
        }
    }

    fn with_offset(format: Option<Arg>) -> bool {
        match parse_now(format) {
            Ok(Placeholder::Now { with_offset, .. }) => with_offset,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn plain_formats_use_the_naive_formatter() {
        assert!(!with_offset(arg("%Y-%m-%d %H:%M:%S%.6f")));
        assert!(!with_offset(None));
    }

    #[test]
    fn constant_zone_items_are_folded() {
        let Ok(Placeholder::Now { items, with_offset }) = parse_now(arg("%H %z%Z%:z")) else {
            panic!("did not parse");
        };
        assert!(!with_offset);
        let literals: Vec<&str> = items
            .iter()
            .filter_map(|item| match item {
                Item::OwnedLiteral(text) => Some(&**text),
                _ => None,
            })
            .collect();
        assert_eq!(literals, ["+0000", "UTC", "+00:00"]);
    }

    #[test]
    fn rfc3339_item_keeps_the_zone_aware_formatter() {
        assert!(with_offset(arg("%+")));
    }

    #[test]
    fn bad_specifiers_are_pinpointed() {
        let bad = fails(arg("%Y-%Q"));
        assert_eq!(bad.position, 9);
        assert!(bad.message.starts_with("invalid strftime format '%Y-%Q'"));
        assert_eq!(fails(arg("abc%")).position, 9);
        assert_eq!(fails(arg("%.3q")).position, 6);
        assert!(fails(arg(""))
            .message
            .starts_with("now needs a strftime FORMAT"));
    }
}
