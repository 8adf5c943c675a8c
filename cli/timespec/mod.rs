//! The time grammar shared by `consume --at/--until/--last` and
//! `groups reset --to-datetime/--by-duration`.
//!
//! `parse_when` turns a flag value into a moment (epoch milliseconds, what Kafka's
//! ListOffsets takes); `parse_duration` turns one into a span. Accepted moments:
//!
//! - epoch milliseconds: `1705329000000` (any all-digit input is read as milliseconds)
//! - RFC 3339: `2024-01-15T14:30:00Z`, `2024-01-15T14:30:00.250+01:00`
//! - local wall-clock time: `2024-01-15 14:30:00`, `2024-01-15 14:30`, `2024-01-15T14:30:00`,
//!   `2024-01-15` (midnight)
//! - keywords: `now`, `today`, `yesterday` (local midnight), `today 09:00`,
//!   `yesterday 18:30:15`
//! - a span before now: `2 hours ago`, `30m ago`, `1d ago`, `90 seconds ago`, `1h30m ago`
//!
//! Invariant: a moment is never negative. ListOffsets gives timestamps -1 and -2 special
//! meanings (latest, earliest), so a time before 1970 must fail here rather than silently
//! become one of them. "Local" means the zone of the `now` passed in; `1d ago` is exactly 24
//! hours before now, while `yesterday` follows the calendar.

mod calendar;
mod duration;
mod error;

pub use duration::parse_duration;
pub use error::TimeError;

use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeZone};

/// Checks a moment flag while the command line is parsed, so a value no moment matches is a
/// usage error (exit 2) like any other bad flag value; the command reads it again against its
/// own `now`.
pub fn when_arg(input: &str) -> Result<String, TimeError> {
    parse_when(input, Local::now()).map(|_| input.to_string())
}

/// Checks a duration flag while the command line is parsed (see [`when_arg`]).
pub fn duration_arg(input: &str) -> Result<String, TimeError> {
    parse_duration(input).map(|_| input.to_string())
}

/// A moment as epoch milliseconds, read relative to `now` and in its time zone.
pub fn parse_when(input: &str, now: DateTime<Local>) -> Result<i64, TimeError> {
    parse_when_in(input, &now)
}

/// `parse_when` for any zone, so tests can pin the zone instead of depending on the
/// machine's.
fn parse_when_in<Tz: TimeZone>(input: &str, now: &DateTime<Tz>) -> Result<i64, TimeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TimeError::EmptyTime);
    }
    let out_of_range = || TimeError::OutOfRange {
        input: text.to_string(),
    };
    // ASCII lowercasing keeps byte offsets, so slices of `lower` map back onto `text`.
    let lower = text.to_ascii_lowercase();
    let ms = if lower == "now" {
        now.timestamp_millis()
    } else if let Some(clock) = after_keyword(&lower, "today") {
        day_at(now.date_naive(), clock, text, now)?
    } else if let Some(clock) = after_keyword(&lower, "yesterday") {
        let yesterday = now.date_naive().pred_opt().ok_or_else(out_of_range)?;
        day_at(yesterday, clock, text, now)?
    } else if let Some(span_len) = span_before_ago(&lower) {
        let span_ms = duration::span_ms(&text[..span_len], text)?;
        if span_ms == 0 {
            return Err(TimeError::NotPositive {
                input: text.to_string(),
            });
        }
        i64::try_from(span_ms)
            .ok()
            .and_then(|span_ms| now.timestamp_millis().checked_sub(span_ms))
            .ok_or_else(out_of_range)?
    } else if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<i64>().map_err(|_| out_of_range())?
    } else if calendar::looks_like_date(text) {
        absolute(text, now)?
    } else if duration::span_ms(text, text).is_ok() {
        return Err(TimeError::MissingAgo {
            input: text.to_string(),
        });
    } else {
        return Err(TimeError::Unrecognized {
            input: text.to_string(),
        });
    };
    if ms < 0 {
        return Err(TimeError::BeforeEpoch {
            input: text.to_string(),
        });
    }
    Ok(ms)
}

/// The (trimmed) text after `keyword` when `lower` is the keyword alone or the keyword, a
/// space and more.
fn after_keyword<'a>(lower: &'a str, keyword: &str) -> Option<&'a str> {
    let rest = lower.strip_prefix(keyword)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// The byte length of the span in `<span> ago`, if `lower` has that shape.
fn span_before_ago(lower: &str) -> Option<usize> {
    let span = lower.strip_suffix("ago")?;
    span.ends_with(char::is_whitespace)
        .then(|| span.trim_end().len())
}

/// `date` at wall-clock `clock` (midnight when empty) in `now`'s zone.
fn day_at<Tz: TimeZone>(
    date: NaiveDate,
    clock: &str,
    input: &str,
    now: &DateTime<Tz>,
) -> Result<i64, TimeError> {
    let time = if clock.is_empty() {
        NaiveTime::MIN
    } else {
        calendar::parse_clock(clock).map_err(|reason| TimeError::InvalidDate {
            input: input.to_string(),
            reason: format!("{reason} (give a time like 09:00 or 18:30:15)"),
        })?
    };
    calendar::resolve(&now.timezone(), date.and_time(time))
        .map(|instant| instant.timestamp_millis())
        .ok_or_else(|| TimeError::OutOfRange {
            input: input.to_string(),
        })
}

/// A calendar date-time: an instant when it names a zone, wall-clock time in `now`'s zone
/// otherwise.
fn absolute<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Result<i64, TimeError> {
    let civil = calendar::parse_civil(text).map_err(|reason| TimeError::InvalidDate {
        input: text.to_string(),
        reason,
    })?;
    let ms = match civil.offset {
        Some(offset) => offset
            .from_local_datetime(&civil.datetime)
            .single()
            .map(|instant| instant.timestamp_millis()),
        None => calendar::resolve(&now.timezone(), civil.datetime)
            .map(|instant| instant.timestamp_millis()),
    };
    ms.ok_or_else(|| TimeError::OutOfRange {
        input: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    const MS_PER_HOUR: i64 = 3_600_000;

    /// 2024-01-16 10:00:00 on the machine's own clock.
    fn local_now() -> DateTime<Local> {
        Local
            .with_ymd_and_hms(2024, 1, 16, 10, 0, 0)
            .earliest()
            .expect("a valid local time")
    }

    fn local_ms(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> i64 {
        Local
            .with_ymd_and_hms(y, mo, d, h, mi, s)
            .earliest()
            .expect("a valid local time")
            .timestamp_millis()
    }

    /// 2024-01-16 10:00:00 at UTC+01:00, i.e. 2024-01-16T09:00:00Z.
    fn fixed_now() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(3_600)
            .and_then(|zone| zone.with_ymd_and_hms(2024, 1, 16, 10, 0, 0).single())
            .expect("a valid time")
    }

    fn when(input: &str) -> i64 {
        parse_when(input, local_now()).unwrap_or_else(|error| panic!("'{input}': {error}"))
    }

    fn when_fixed(input: &str) -> i64 {
        parse_when_in(input, &fixed_now()).unwrap_or_else(|error| panic!("'{input}': {error}"))
    }

    fn error(input: &str) -> TimeError {
        match parse_when(input, local_now()) {
            Ok(ms) => panic!("'{input}' parsed as {ms}"),
            Err(error) => error,
        }
    }

    #[test]
    fn epoch_milliseconds() {
        assert_eq!(when("1705329000000"), 1_705_329_000_000);
        assert_eq!(when(" 1705329000 "), 1_705_329_000);
        assert_eq!(when("0"), 0);
    }

    #[test]
    fn rfc3339_is_independent_of_the_local_zone() {
        assert_eq!(when("2024-01-15T14:30:00Z"), 1_705_329_000_000);
        assert_eq!(when("2024-01-15T15:30:00+01:00"), 1_705_329_000_000);
        assert_eq!(when("2024-01-15T14:30:00.250Z"), 1_705_329_000_250);
        assert_eq!(when("2024-01-15 06:30:00-08:00"), 1_705_329_000_000);
    }

    #[test]
    fn local_date_times_follow_the_machine_zone() {
        let expected = local_ms(2024, 1, 15, 14, 30, 0);
        assert_eq!(when("2024-01-15 14:30:00"), expected);
        assert_eq!(when("2024-01-15 14:30"), expected);
        assert_eq!(when("2024-01-15T14:30:00"), expected);
        assert_eq!(when("2024-01-15"), local_ms(2024, 1, 15, 0, 0, 0));
    }

    #[test]
    fn local_date_times_in_a_fixed_zone() {
        // 14:30 at UTC+1 is 13:30Z.
        assert_eq!(when_fixed("2024-01-15 14:30"), 1_705_325_400_000);
        assert_eq!(when_fixed("2024-01-15"), 1_705_273_200_000);
    }

    #[test]
    fn keywords() {
        assert_eq!(when("now"), local_now().timestamp_millis());
        assert_eq!(when("NOW"), local_now().timestamp_millis());
        assert_eq!(when("today"), local_ms(2024, 1, 16, 0, 0, 0));
        assert_eq!(when("yesterday"), local_ms(2024, 1, 15, 0, 0, 0));
        assert_eq!(when("today 09:00"), local_ms(2024, 1, 16, 9, 0, 0));
        assert_eq!(
            when("Yesterday  18:30:15"),
            local_ms(2024, 1, 15, 18, 30, 15)
        );
        // Fixed zone: yesterday 18:30:15 at UTC+1 is 2024-01-15T17:30:15Z.
        assert_eq!(when_fixed("yesterday 18:30:15"), 1_705_339_815_000);
        assert_eq!(when_fixed("today"), 1_705_359_600_000);
    }

    #[test]
    fn spans_ago() {
        let now = local_now().timestamp_millis();
        assert_eq!(when("2 hours ago"), now - 2 * MS_PER_HOUR);
        assert_eq!(when("30m ago"), now - MS_PER_HOUR / 2);
        assert_eq!(when("1d ago"), now - 24 * MS_PER_HOUR);
        assert_eq!(when("90 seconds ago"), now - 90_000);
        assert_eq!(when("1h30m ago"), now - 3 * MS_PER_HOUR / 2);
        assert_eq!(when("1H30M AGO"), now - 3 * MS_PER_HOUR / 2);
    }

    #[test]
    fn garbage_lists_the_accepted_forms() {
        let message = error("tomorrowish").to_string();
        assert!(message.starts_with("unrecognized time 'tomorrowish'; expected epoch milliseconds"));
        assert!(message.contains("2024-01-15T14:30:00Z") && message.contains("30m ago"));
        assert_eq!(error(""), TimeError::EmptyTime);
        assert_eq!(error("   "), TimeError::EmptyTime);
        assert!(error("")
            .to_string()
            .starts_with("empty time; expected epoch milliseconds"));
        assert_eq!(
            error("ago"),
            TimeError::Unrecognized {
                input: "ago".to_string()
            }
        );
        assert_eq!(
            error("-1000"),
            TimeError::Unrecognized {
                input: "-1000".to_string()
            }
        );
    }

    #[test]
    fn unknown_units_are_named() {
        let parsecs = error("5 parsecs ago");
        assert_eq!(
            parsecs,
            TimeError::UnknownUnit {
                input: "5 parsecs ago".to_string(),
                unit: "parsecs".to_string()
            }
        );
        assert!(parsecs.to_string().starts_with(
            "unknown time unit 'parsecs' in '5 parsecs ago'; accepted units: ms, s, m, h, d, w"
        ));
    }

    #[test]
    fn invalid_dates_say_which_field() {
        let month = error("2024-13-01");
        assert!(
            month.to_string().starts_with(
                "invalid date/time '2024-13-01': month 13 is out of range (1-12); expected"
            ),
            "{month}"
        );
        assert!(error("2024-02-30")
            .to_string()
            .contains("day 30 is out of range for 2024-02 (1-29)"));
        assert!(error("today 25:00")
            .to_string()
            .contains("hour 25 is out of range (0-23)"));
        assert!(error("today at 9")
            .to_string()
            .contains("give a time like 09:00"));
    }

    #[test]
    fn a_bare_duration_asks_for_ago() {
        assert_eq!(
            error("5m"),
            TimeError::MissingAgo {
                input: "5m".to_string()
            }
        );
        assert_eq!(
            error("5m").to_string(),
            "'5m' is a duration, not a point in time; write '5m ago' for a time in the past"
        );
    }

    #[test]
    fn moments_before_the_epoch_are_rejected() {
        assert!(matches!(
            error("1969-12-31T23:59:59Z"),
            TimeError::BeforeEpoch { .. }
        ));
        assert!(matches!(
            error("1970-01-01T00:30:00+01:00"),
            TimeError::BeforeEpoch { .. }
        ));
        assert!(matches!(
            error("100000 weeks ago"),
            TimeError::BeforeEpoch { .. }
        ));
        assert_eq!(when("1970-01-01T00:00:00Z"), 0);
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        assert!(matches!(
            error("99999999999999999999"),
            TimeError::OutOfRange { .. }
        ));
        assert!(matches!(
            error("15250284453 weeks ago"),
            TimeError::OutOfRange { .. }
        ));
        assert!(matches!(error("0s ago"), TimeError::NotPositive { .. }));
        assert!(matches!(
            error("99999999999999999999999w ago"),
            TimeError::InvalidDuration { .. }
        ));
    }
}
