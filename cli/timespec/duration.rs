//! Spans of time: `500ms`, `30s`, `5m`, `2h`, `1d`, `1w`, `1h30m`, `2 hours`, `90 seconds`,
//! `1 hour 30 minutes`.
//!
//! Grammar: one or more terms `<whole number> [spaces] <unit>`, optionally separated by
//! whitespace, summed. Units are case-insensitive; `m` is minutes (nobody means months in a
//! Kafka flag). A day is 24 hours and a week 7 days, exactly, whatever the calendar says.
//! Fractions are rejected rather than rounded: `1.5h` is written `1h30m`.

use std::time::Duration;

use super::error::TimeError;

const MS_PER_SECOND: u64 = 1_000;
const MS_PER_MINUTE: u64 = 60 * MS_PER_SECOND;
const MS_PER_HOUR: u64 = 60 * MS_PER_MINUTE;
const MS_PER_DAY: u64 = 24 * MS_PER_HOUR;
const MS_PER_WEEK: u64 = 7 * MS_PER_DAY;

/// Unit spellings and their length in milliseconds.
const UNITS: [(&[&str], u64); 6] = [
    (
        &[
            "ms",
            "msec",
            "msecs",
            "millis",
            "millisecond",
            "milliseconds",
        ],
        1,
    ),
    (&["s", "sec", "secs", "second", "seconds"], MS_PER_SECOND),
    (&["m", "min", "mins", "minute", "minutes"], MS_PER_MINUTE),
    (&["h", "hr", "hrs", "hour", "hours"], MS_PER_HOUR),
    (&["d", "day", "days"], MS_PER_DAY),
    (&["w", "wk", "wks", "week", "weeks"], MS_PER_WEEK),
];

/// A span of time, e.g. for `consume --last` or `groups reset --by-duration`.
/// Zero and negative spans are errors.
pub fn parse_duration(input: &str) -> Result<Duration, TimeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TimeError::EmptyDuration);
    }
    match span_ms(text, text)? {
        0 => Err(TimeError::NotPositive {
            input: text.to_string(),
        }),
        ms => Ok(Duration::from_millis(ms)),
    }
}

/// The span `text` in milliseconds (zero allowed); errors quote `input`, the whole flag
/// value, which may be longer than the span (as in `5 parsecs ago`).
pub(super) fn span_ms(text: &str, input: &str) -> Result<u64, TimeError> {
    let invalid = |reason: String| TimeError::InvalidDuration {
        input: input.to_string(),
        reason,
    };
    if text.trim_start().starts_with('-') {
        return Err(TimeError::NotPositive {
            input: input.to_string(),
        });
    }
    let mut total: u64 = 0;
    let mut rest = text.trim_start();
    if rest.is_empty() {
        return Err(invalid("no duration given".to_string()));
    }
    while !rest.is_empty() {
        let digits_len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits_len == 0 {
            let word = rest.split_whitespace().next().unwrap_or(rest);
            return Err(invalid(format!("expected a number before '{word}'")));
        }
        let (digits, after) = rest.split_at(digits_len);
        if after.starts_with(['.', ',']) {
            return Err(invalid(
                "fractions are not supported; combine units instead, e.g. 1h30m for 1.5h"
                    .to_string(),
            ));
        }
        let amount: u64 = digits
            .parse()
            .map_err(|_| invalid(format!("{digits} is too large")))?;
        let after = after.trim_start();
        let unit_len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        if unit_len == 0 {
            return Err(invalid(format!(
                "{digits} has no unit; write e.g. {digits}s or {digits}m"
            )));
        }
        let (unit, remaining) = after.split_at(unit_len);
        let unit_ms = unit_ms(unit).ok_or_else(|| TimeError::UnknownUnit {
            input: input.to_string(),
            unit: unit.to_string(),
        })?;
        total = amount
            .checked_mul(unit_ms)
            .and_then(|ms| total.checked_add(ms))
            .ok_or_else(|| invalid("too large".to_string()))?;
        rest = remaining.trim_start();
    }
    Ok(total)
}

fn unit_ms(unit: &str) -> Option<u64> {
    let unit = unit.to_lowercase();
    UNITS
        .iter()
        .find(|(names, _)| names.contains(&unit.as_str()))
        .map(|(_, ms)| *ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> Duration {
        match parse_duration(input) {
            Ok(duration) => duration,
            Err(error) => panic!("'{input}' failed: {error}"),
        }
    }

    fn err(input: &str) -> String {
        match parse_duration(input) {
            Ok(duration) => panic!("'{input}' parsed as {duration:?}"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn short_units() {
        assert_eq!(ok("500ms"), Duration::from_millis(500));
        assert_eq!(ok("30s"), Duration::from_secs(30));
        assert_eq!(ok("5m"), Duration::from_secs(300));
        assert_eq!(ok("2h"), Duration::from_secs(7_200));
        assert_eq!(ok("1d"), Duration::from_secs(86_400));
        assert_eq!(ok("1w"), Duration::from_secs(604_800));
    }

    #[test]
    fn compound_and_long_units() {
        assert_eq!(ok("1h30m"), Duration::from_secs(5_400));
        assert_eq!(ok("2 hours"), Duration::from_secs(7_200));
        assert_eq!(ok("90 seconds"), Duration::from_secs(90));
        assert_eq!(ok("3 days"), Duration::from_secs(259_200));
        assert_eq!(ok("1 hour 30 minutes"), Duration::from_secs(5_400));
        assert_eq!(ok("  1H 30M 5S 250MS "), Duration::from_millis(5_405_250));
        assert_eq!(ok("0h1ms"), Duration::from_millis(1));
        assert_eq!(ok("1 week"), Duration::from_secs(604_800));
    }

    #[test]
    fn zero_and_negative_are_rejected() {
        assert_eq!(err("0s"), "duration '0s' must be greater than zero");
        assert_eq!(err("0h0m"), "duration '0h0m' must be greater than zero");
        assert_eq!(err("-5m"), "duration '-5m' must be greater than zero");
    }

    #[test]
    fn garbage_is_explained() {
        assert!(err("").starts_with("empty duration; expected whole numbers with units"));
        assert!(err("   ").starts_with("empty duration"));
        assert!(err("5 parsecs").starts_with(
            "unknown time unit 'parsecs' in '5 parsecs'; accepted units: ms, s, m, h, d, w"
        ));
        assert!(err("30").starts_with("invalid duration '30': 30 has no unit; write e.g. 30s"));
        assert!(err("1.5h").contains("fractions are not supported"));
        assert!(err("h").contains("expected a number before 'h'"));
        assert!(err("tomorrowish").contains("expected a number before 'tomorrowish'"));
        assert!(err("1h and 30m").contains("expected a number before 'and'"));
        assert!(err("5m30").contains("30 has no unit"));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert!(err("99999999999999999999999s").contains("is too large"));
        assert!(err("18446744073709551615w").contains("too large"));
        assert!(err("18446744073709551615ms 1ms").contains("too large"));
    }
}
