//! Why a time or duration was rejected. Every message quotes the input and lists the forms
//! that are accepted, so the user can fix the flag without reading the docs.

/// The forms `parse_when` accepts, as listed in error messages.
pub(super) const WHEN_FORMS: &str = "epoch milliseconds (1705329000000), a local date \
     (2024-01-15) or date-time (2024-01-15 14:30, 2024-01-15 14:30:00, 2024-01-15T14:30:00), \
     RFC 3339 (2024-01-15T14:30:00Z, 2024-01-15T14:30:00+01:00), now, today, yesterday, \
     'today 09:00', 'yesterday 18:30:15', or a duration followed by 'ago' \
     (30m ago, 2 hours ago, 1h30m ago)";
/// The forms `parse_duration` accepts, as listed in error messages.
pub(super) const DURATION_FORMS: &str = "whole numbers with units, e.g. 500ms, 30s, 5m, 2h, \
     1d, 1w, 1h30m, '2 hours', '90 seconds'";
/// The unit spellings, as listed in error messages.
pub(super) const UNITS: &str =
    "ms, s, m, h, d, w (or milliseconds, seconds, minutes, hours, days, weeks)";

/// A time or duration that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("empty time; expected {forms}", forms = WHEN_FORMS)]
    EmptyTime,
    #[error("empty duration; expected {forms}", forms = DURATION_FORMS)]
    EmptyDuration,
    #[error("unrecognized time '{input}'; expected {forms}", forms = WHEN_FORMS)]
    Unrecognized { input: String },
    #[error(
        "'{input}' is a duration, not a point in time; write '{input} ago' for a time in the past"
    )]
    MissingAgo { input: String },
    #[error("invalid date/time '{input}': {reason}; expected {forms}", forms = WHEN_FORMS)]
    InvalidDate { input: String, reason: String },
    #[error("invalid duration '{input}': {reason}; expected {forms}", forms = DURATION_FORMS)]
    InvalidDuration { input: String, reason: String },
    #[error("unknown time unit '{unit}' in '{input}'; accepted units: {units}", units = UNITS)]
    UnknownUnit { input: String, unit: String },
    #[error("duration '{input}' must be greater than zero")]
    NotPositive { input: String },
    #[error("time '{input}' is before 1970-01-01T00:00:00Z; Kafka timestamps cannot be negative")]
    BeforeEpoch { input: String },
    #[error("time '{input}' is out of range")]
    OutOfRange { input: String },
}
