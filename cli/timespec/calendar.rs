//! Calendar dates and wall-clock times, and how a wall-clock time becomes an instant.
//!
//! Grammar (ASCII, hand-parsed so that errors can say which field is wrong):
//!
//! ```text
//! datetime = date [ ("T" | " "+) clock [" "*] [zone] ]
//! date     = YYYY "-" M[M] "-" D[D]
//! clock    = H[H] ":" MM [ ":" SS [ "." fraction ] ]
//! zone     = "Z" | ("+" | "-") HH [":"] MM
//! ```
//!
//! With a zone the text is an RFC 3339 instant; without one it is wall-clock time in the
//! user's zone. Daylight-saving transitions are resolved like Temporal's "compatible"
//! disambiguation: a time repeated when clocks go back means its first occurrence, and a
//! time skipped when clocks go forward is moved forward by the length of the gap.

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Utc,
};

/// Fraction digits beyond nanoseconds are dropped.
const FRACTION_DIGITS_MAX: u32 = 9;

/// A parsed date-time: wall-clock fields plus the zone offset, if the text named one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Civil {
    pub(super) datetime: NaiveDateTime,
    pub(super) offset: Option<FixedOffset>,
}

/// True when `text` starts like a date (`YYYY-`), so its errors should be about dates.
pub(super) fn looks_like_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 4 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-'
}

/// Parses a date with an optional time and zone; the error is the reason, for a message.
pub(super) fn parse_civil(text: &str) -> Result<Civil, String> {
    let mut cursor = Cursor { text, at: 0 };
    let date = date(&mut cursor)?;
    if cursor.done() {
        return Ok(Civil {
            datetime: date.and_time(NaiveTime::MIN),
            offset: None,
        });
    }
    if !(cursor.eat('T') || cursor.eat('t') || cursor.eat_spaces()) {
        return Err(cursor.unexpected("after the date"));
    }
    let time = clock(&mut cursor)?;
    cursor.eat_spaces();
    let offset = if cursor.done() {
        None
    } else {
        Some(zone(&mut cursor)?)
    };
    if !cursor.done() {
        return Err(cursor.unexpected("at the end"));
    }
    Ok(Civil {
        datetime: date.and_time(time),
        offset,
    })
}

/// Parses a wall-clock time `H[H]:MM[:SS[.fraction]]`, as in `today 09:00`.
pub(super) fn parse_clock(text: &str) -> Result<NaiveTime, String> {
    let mut cursor = Cursor { text, at: 0 };
    let time = clock(&mut cursor)?;
    if cursor.done() {
        Ok(time)
    } else {
        Err(cursor.unexpected("after the time"))
    }
}

/// The instant wall-clock `naive` denotes in `tz`, resolving DST overlaps and gaps; `None`
/// only at the edges of chrono's range.
pub(super) fn resolve<Tz: TimeZone>(tz: &Tz, naive: NaiveDateTime) -> Option<DateTime<Tz>> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(instant) => Some(instant),
        // chrono documents the pair as (earliest, latest), but its Unix `Local` orders it by
        // offset, which is the reverse west of Greenwich; compare the instants instead.
        LocalResult::Ambiguous(first, second) => Some(if first <= second { first } else { second }),
        LocalResult::None => {
            // The offset in force a day earlier is the one before the gap; reading the
            // wall-clock time with it lands as far past the gap as the time was into it.
            let before = naive.checked_sub_signed(TimeDelta::days(1))?;
            let offset = tz.from_local_datetime(&before).earliest()?.offset().fix();
            let utc =
                naive.checked_sub_signed(TimeDelta::seconds(offset.local_minus_utc().into()))?;
            Some(tz.from_utc_datetime(&utc))
        }
    }
}

fn date(cursor: &mut Cursor<'_>) -> Result<NaiveDate, String> {
    let year = cursor.number("a 4-digit year", 4, 4)?;
    cursor.expect('-', "after the year")?;
    let month = cursor.number("a month", 1, 2)?;
    cursor.expect('-', "after the month")?;
    let day = cursor.number("a day", 1, 2)?;
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} is out of range (1-12)"));
    }
    // `year` has four digits, so it always fits an i32.
    let year = i32::try_from(year).unwrap_or_default();
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let last = (28..=31)
            .rev()
            .find(|&last| NaiveDate::from_ymd_opt(year, month, last).is_some())
            .unwrap_or(28);
        format!("day {day} is out of range for {year:04}-{month:02} (1-{last})")
    })
}

fn clock(cursor: &mut Cursor<'_>) -> Result<NaiveTime, String> {
    let hour = cursor.number("an hour", 1, 2)?;
    cursor.expect(':', "after the hour")?;
    let minute = cursor.number("2-digit minutes", 2, 2)?;
    let mut second = 0;
    let mut nanos = 0;
    if cursor.eat(':') {
        second = cursor.number("2-digit seconds", 2, 2)?;
        if cursor.eat('.') {
            nanos = cursor.fraction()?;
        }
    }
    check_range("hour", hour, 23)?;
    check_range("minute", minute, 59)?;
    check_range("second", second, 59)?;
    NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
        .ok_or_else(|| format!("invalid time {hour:02}:{minute:02}:{second:02}"))
}

fn zone(cursor: &mut Cursor<'_>) -> Result<FixedOffset, String> {
    if cursor.eat('Z') || cursor.eat('z') {
        return Ok(Utc.fix());
    }
    let sign = if cursor.eat('+') {
        1
    } else if cursor.eat('-') {
        -1
    } else {
        return Err(cursor.unexpected("after the time (expected Z or an offset like +01:00)"));
    };
    let hours = cursor.exact_digits("2-digit offset hours", 2)?;
    cursor.eat(':');
    let minutes = cursor.exact_digits("2-digit offset minutes", 2)?;
    check_range("offset hour", hours, 23)?;
    check_range("offset minute", minutes, 59)?;
    let seconds = i32::try_from(hours * 3_600 + minutes * 60).unwrap_or_default();
    FixedOffset::east_opt(sign * seconds).ok_or_else(|| "invalid offset".to_string())
}

fn check_range(what: &str, value: u32, max: u32) -> Result<(), String> {
    if value <= max {
        Ok(())
    } else {
        Err(format!("{what} {value} is out of range (0-{max})"))
    }
}

/// A position in ASCII-grammar text.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn done(&self) -> bool {
        self.rest().is_empty()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn eat_spaces(&mut self) -> bool {
        let spaces = self.rest().len() - self.rest().trim_start_matches(' ').len();
        self.at += spaces;
        spaces > 0
    }

    fn expect(&mut self, c: char, context: &str) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected '{c}' {context}, found {}", self.found()))
        }
    }

    /// Reads `min..=max` ASCII digits as a number.
    fn number(&mut self, what: &str, min: usize, max: usize) -> Result<u32, String> {
        let digits = self.digits();
        if digits.len() < min || digits.len() > max {
            return Err(format!("expected {what}, found {}", self.found()));
        }
        self.at += digits.len();
        // At most 4 ASCII digits, so this cannot overflow.
        digits
            .parse()
            .map_err(|_| format!("expected {what}, found '{digits}'"))
    }

    /// Reads exactly `count` ASCII digits even if more follow, as in the offset `-0800`.
    fn exact_digits(&mut self, what: &str, count: usize) -> Result<u32, String> {
        let digits = self.digits();
        let Some(digits) = digits.get(..count) else {
            return Err(format!("expected {what}, found {}", self.found()));
        };
        self.at += count;
        digits
            .parse()
            .map_err(|_| format!("expected {what}, found '{digits}'"))
    }

    /// Reads the digits after a decimal point as nanoseconds.
    fn fraction(&mut self) -> Result<u32, String> {
        let digits = self.digits();
        if digits.is_empty() {
            return Err(format!(
                "expected fraction digits after '.', found {}",
                self.found()
            ));
        }
        self.at += digits.len();
        let mut nanos = 0;
        let mut scale = 100_000_000;
        for digit in digits.bytes().take(FRACTION_DIGITS_MAX as usize) {
            nanos += u32::from(digit - b'0') * scale;
            scale /= 10;
        }
        Ok(nanos)
    }

    fn digits(&self) -> &'a str {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        &rest[..len]
    }

    fn found(&self) -> String {
        match self.rest() {
            "" => "the end".to_string(),
            rest => format!("'{rest}'"),
        }
    }

    fn unexpected(&self, context: &str) -> String {
        format!("unexpected {} {context}", self.found())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|date| date.and_hms_opt(h, mi, s))
            .expect("valid date")
    }

    fn civil(text: &str) -> Civil {
        parse_civil(text).unwrap_or_else(|reason| panic!("'{text}' failed: {reason}"))
    }

    fn reason(text: &str) -> String {
        match parse_civil(text) {
            Ok(civil) => panic!("'{text}' parsed as {civil:?}"),
            Err(reason) => reason,
        }
    }

    #[test]
    fn dates_and_local_times() {
        let midnight = naive(2024, 1, 15, 0, 0, 0);
        assert_eq!(
            civil("2024-01-15"),
            Civil {
                datetime: midnight,
                offset: None
            }
        );
        assert_eq!(civil("2024-1-5").datetime, naive(2024, 1, 5, 0, 0, 0));
        let expected = naive(2024, 1, 15, 14, 30, 0);
        for text in [
            "2024-01-15 14:30",
            "2024-01-15 14:30:00",
            "2024-01-15T14:30:00",
            "2024-01-15t14:30",
        ] {
            assert_eq!(
                civil(text),
                Civil {
                    datetime: expected,
                    offset: None
                },
                "{text}"
            );
        }
        assert_eq!(
            civil("2024-01-15  9:05:07").datetime,
            naive(2024, 1, 15, 9, 5, 7)
        );
    }

    #[test]
    fn fractions_keep_nanoseconds() {
        let parsed = civil("2024-01-15T14:30:00.123456789123Z").datetime;
        assert_eq!(parsed.and_utc().timestamp_subsec_nanos(), 123_456_789);
        assert_eq!(
            civil("2024-01-15 14:30:00.5")
                .datetime
                .and_utc()
                .timestamp_subsec_millis(),
            500
        );
    }

    #[test]
    fn zones() {
        assert_eq!(
            civil("2024-01-15T14:30:00Z").offset,
            FixedOffset::east_opt(0)
        );
        assert_eq!(
            civil("2024-01-15T14:30:00z").offset,
            FixedOffset::east_opt(0)
        );
        assert_eq!(
            civil("2024-01-15T14:30:00+05:30").offset,
            FixedOffset::east_opt(19_800)
        );
        assert_eq!(
            civil("2024-01-15T14:30:00-0800").offset,
            FixedOffset::east_opt(-28_800)
        );
        assert_eq!(
            civil("2024-01-15 14:30 +01:00").offset,
            FixedOffset::east_opt(3_600)
        );
    }

    #[test]
    fn field_errors_name_the_field() {
        assert_eq!(reason("2024-13-01"), "month 13 is out of range (1-12)");
        assert_eq!(reason("2024-00-10"), "month 0 is out of range (1-12)");
        assert_eq!(
            reason("2023-02-29"),
            "day 29 is out of range for 2023-02 (1-28)"
        );
        assert_eq!(
            reason("2024-04-31"),
            "day 31 is out of range for 2024-04 (1-30)"
        );
        assert_eq!(reason("2024-01-15 24:00"), "hour 24 is out of range (0-23)");
        assert_eq!(
            reason("2024-01-15 23:60"),
            "minute 60 is out of range (0-59)"
        );
        assert_eq!(
            reason("2024-01-15 23:59:60"),
            "second 60 is out of range (0-59)"
        );
        assert_eq!(
            reason("2024-01-15T14:30:00+24:00"),
            "offset hour 24 is out of range (0-23)"
        );
    }

    #[test]
    fn shape_errors_show_what_was_found() {
        assert_eq!(
            reason("2024-01"),
            "expected '-' after the month, found the end"
        );
        assert_eq!(reason("2024-01-15x"), "unexpected 'x' after the date");
        assert_eq!(
            reason("2024-01-15 14"),
            "expected ':' after the hour, found the end"
        );
        assert_eq!(
            reason("2024-01-15 14:3"),
            "expected 2-digit minutes, found '3'"
        );
        assert_eq!(
            reason("2024-01-15 14:30:00."),
            "expected fraction digits after '.', found the end"
        );
        assert_eq!(
            reason("2024-01-15 14:30 PST"),
            "unexpected 'PST' after the time (expected Z or an offset like +01:00)"
        );
        assert_eq!(
            reason("2024-01-15T14:30:00Z junk"),
            "unexpected ' junk' at the end"
        );
        assert_eq!(
            reason("20245-01-01"),
            "expected a 4-digit year, found '20245-01-01'"
        );
        assert_eq!(
            reason("2024-01-15T14:30:00+1"),
            "expected 2-digit offset hours, found '1'"
        );
        assert_eq!(
            reason("2024-01-15T14:30:00+01:000"),
            "unexpected '0' at the end"
        );
    }

    #[test]
    fn clocks() {
        let at = |text: &str| parse_clock(text).unwrap_or_else(|reason| panic!("{text}: {reason}"));
        assert_eq!(
            at("09:00"),
            NaiveTime::from_hms_opt(9, 0, 0).expect("valid")
        );
        assert_eq!(at("9:00"), NaiveTime::from_hms_opt(9, 0, 0).expect("valid"));
        assert_eq!(
            at("18:30:15"),
            NaiveTime::from_hms_opt(18, 30, 15).expect("valid")
        );
        assert_eq!(
            parse_clock("9"),
            Err("expected ':' after the hour, found the end".to_string())
        );
        assert_eq!(
            parse_clock("09:00pm"),
            Err("unexpected 'pm' after the time".to_string())
        );
    }

    #[test]
    fn looks_like_date_needs_year_and_dash() {
        assert!(looks_like_date("2024-13-01"));
        assert!(!looks_like_date("2024"));
        assert!(!looks_like_date("1705329000000"));
        assert!(!looks_like_date("1h30m"));
    }

    /// A zone at UTC+1 that springs forward to UTC+2 at 2024-03-31T01:00Z (02:00 local
    /// becomes 03:00) and falls back at 2024-10-27T01:00Z (03:00 local becomes 02:00), like
    /// Central Europe; chrono has no such zone without the tz database.
    #[derive(Debug, Clone, Copy)]
    struct Cet;

    impl Cet {
        fn offset_at(utc: &NaiveDateTime) -> FixedOffset {
            let summer = naive(2024, 3, 31, 1, 0, 0) <= *utc && *utc < naive(2024, 10, 27, 1, 0, 0);
            FixedOffset::east_opt(if summer { 7_200 } else { 3_600 }).expect("valid offset")
        }
    }

    impl TimeZone for Cet {
        type Offset = FixedOffset;

        fn from_offset(_: &FixedOffset) -> Cet {
            Cet
        }

        fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<FixedOffset> {
            self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
        }

        fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
            let fits: Vec<FixedOffset> = [3_600, 7_200]
                .into_iter()
                .filter_map(FixedOffset::east_opt)
                .filter(|offset| {
                    let utc = *local - TimeDelta::seconds(offset.local_minus_utc().into());
                    Cet::offset_at(&utc) == *offset
                })
                .collect();
            match fits.as_slice() {
                [one] => LocalResult::Single(*one),
                // The summer reading is the earlier instant.
                [winter, summer] => LocalResult::Ambiguous(*summer, *winter),
                _ => LocalResult::None,
            }
        }

        fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
            Cet::offset_at(&utc.and_time(NaiveTime::MIN))
        }

        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            Cet::offset_at(utc)
        }
    }

    fn utc(naive: NaiveDateTime) -> DateTime<Utc> {
        naive.and_utc()
    }

    #[test]
    fn ordinary_times_resolve_directly() {
        let resolved = resolve(&Cet, naive(2024, 1, 15, 14, 30, 0)).expect("resolves");
        assert_eq!(
            resolved.with_timezone(&Utc),
            utc(naive(2024, 1, 15, 13, 30, 0))
        );
    }

    #[test]
    fn times_in_the_spring_gap_move_forward_by_the_gap() {
        let resolved = resolve(&Cet, naive(2024, 3, 31, 2, 30, 0)).expect("resolves");
        assert_eq!(
            resolved.with_timezone(&Utc),
            utc(naive(2024, 3, 31, 1, 30, 0))
        );
        assert_eq!(resolved.naive_local(), naive(2024, 3, 31, 3, 30, 0));
    }

    /// `Cet` with the overlap reported latest-first, as chrono's Unix `Local` does in
    /// zones west of Greenwich.
    #[derive(Debug, Clone, Copy)]
    struct CetReversed;

    impl TimeZone for CetReversed {
        type Offset = FixedOffset;

        fn from_offset(_: &FixedOffset) -> CetReversed {
            CetReversed
        }

        fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<FixedOffset> {
            Cet.offset_from_local_date(local)
        }

        fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
            match Cet.offset_from_local_datetime(local) {
                LocalResult::Ambiguous(earliest, latest) => {
                    LocalResult::Ambiguous(latest, earliest)
                }
                other => other,
            }
        }

        fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
            Cet.offset_from_utc_date(utc)
        }

        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            Cet.offset_from_utc_datetime(utc)
        }
    }

    #[test]
    fn repeated_autumn_times_take_the_first_occurrence() {
        let reversed = resolve(&CetReversed, naive(2024, 10, 27, 2, 30, 0)).expect("resolves");
        assert_eq!(
            reversed.with_timezone(&Utc),
            utc(naive(2024, 10, 27, 0, 30, 0))
        );
        let resolved = resolve(&Cet, naive(2024, 10, 27, 2, 30, 0)).expect("resolves");
        assert_eq!(
            resolved.with_timezone(&Utc),
            utc(naive(2024, 10, 27, 0, 30, 0))
        );
    }
}
