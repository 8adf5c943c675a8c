//! Errors raised while compiling the `consume` filters (`--grep`, `--grep-key`, `--jq`).
//!
//! Every variant carries the underlying compiler's own message, so the user sees exactly what
//! the regex, jq or JSONPath parser complained about. These errors only ever occur in
//! [`super::RecordFilter::new`]; per-record problems are reported as [`super::Verdict::Error`].

use std::fmt;

/// An expression given on the command line that could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum FilterError {
    /// `--grep` or `--grep-key` is not a valid regular expression.
    #[error("invalid regular expression for {flag}{}: {message}", at(.position))]
    Regex {
        /// The flag the expression came from, e.g. `--grep-key`.
        flag: &'static str,
        /// The regex compiler's complaint, on one line.
        message: String,
        /// Where it points, when it does.
        position: Option<Position>,
    },
    /// `--jq` is not a valid jq program (syntax error or undefined name).
    #[error("invalid jq filter{}: {message}", at(.position))]
    Jq {
        /// What jaq reported; several problems are joined with `; `.
        message: String,
        /// Where the first problem is, when jaq points at a place in the source.
        position: Option<Position>,
    },
    /// `--jq` starts with `$` but is not a valid JSONPath query.
    #[error("invalid JSONPath expression{}: {message}", at(.position))]
    JsonPath {
        /// The JSONPath parser's complaint, on one line.
        message: String,
        /// Where the parser stopped, when it says.
        position: Option<Position>,
    },
}

/// A place in a filter expression, both counted from 1 as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Counted in lines of the expression, for multi-line filters.
    pub line: usize,
    /// Counted in characters, not bytes, so it lines up under non-ASCII text.
    pub column: usize,
}

impl Position {
    /// Locates `byte_offset` inside `source`; `None` if it is not on a character boundary
    /// inside (or just past the end of) `source`.
    pub fn of_offset(source: &str, byte_offset: usize) -> Option<Position> {
        let before = source.get(..byte_offset)?;
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Some(Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        })
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

fn at(position: &Option<Position>) -> String {
    position.map_or_else(String::new, |position| format!(" at {position}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters_from_one() {
        assert_eq!(
            Position::of_offset(".a | .b", 0),
            Some(Position { line: 1, column: 1 })
        );
        assert_eq!(
            Position::of_offset(".a\n| .b", 5),
            Some(Position { line: 2, column: 3 })
        );
        // "é" is two bytes but one column.
        assert_eq!(
            Position::of_offset("\"é\" x", 5),
            Some(Position { line: 1, column: 5 })
        );
    }

    #[test]
    fn position_past_the_end_is_allowed_but_not_beyond() {
        assert_eq!(
            Position::of_offset(".[", 2),
            Some(Position { line: 1, column: 3 })
        );
        assert_eq!(Position::of_offset(".[", 3), None);
        // Inside a multi-byte character.
        assert_eq!(Position::of_offset("é", 1), None);
    }

    #[test]
    fn jq_error_mentions_position_only_when_known() {
        let with = FilterError::Jq {
            message: "expected term".to_owned(),
            position: Some(Position { line: 1, column: 3 }),
        };
        assert_eq!(
            with.to_string(),
            "invalid jq filter at line 1, column 3: expected term"
        );
        let without = FilterError::Jq {
            message: "undefined filter foo/0".to_owned(),
            position: None,
        };
        assert_eq!(
            without.to_string(),
            "invalid jq filter: undefined filter foo/0"
        );
    }
}
