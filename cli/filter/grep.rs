//! Regular-expression matching of record keys and values (`--grep`, `--grep-key`, `-i`, `-v`).
//!
//! Bytes are matched as lossy UTF-8: a valid UTF-8 payload is matched in place without copying,
//! and invalid sequences become U+FFFD instead of making the record unmatchable. A record part
//! that is absent (no key, or a tombstone's value) never matches anything.

use std::borrow::Cow;

use regex::{Regex, RegexBuilder};

use super::error::{FilterError, Position};

/// One compiled regex for one part of the record.
#[derive(Debug)]
pub(super) struct Grep {
    regex: Regex,
}

impl Grep {
    /// Compiles `pattern`; `flag` names the option it came from for the error message.
    pub(super) fn new(
        pattern: &str,
        ignore_case: bool,
        flag: &'static str,
    ) -> Result<Grep, FilterError> {
        RegexBuilder::new(pattern)
            .case_insensitive(ignore_case)
            .build()
            .map(|regex| Grep { regex })
            .map_err(|error| one_line(flag, &error.to_string()))
    }

    /// Whether the regex matches anywhere in `bytes`; an absent part never matches.
    pub(super) fn is_match(&self, bytes: Option<&[u8]>) -> bool {
        bytes.is_some_and(|bytes| {
            let text: Cow<'_, str> = String::from_utf8_lossy(bytes);
            self.regex.is_match(&text)
        })
    }
}

/// The regex compiler draws a syntax error over several lines (the pattern indented by four,
/// a caret under the place, then `error: …`); the user gets it on one line with the column,
/// as jq errors are shown.
fn one_line(flag: &'static str, report: &str) -> FilterError {
    let lines: Vec<&str> = report.lines().collect();
    let message = lines
        .iter()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or_else(|| lines.first().copied().unwrap_or(report))
        .trim()
        .to_string();
    // Only a one-line pattern is drawn as "    PATTERN" over "    ^".
    let position = match lines.as_slice() {
        [_, _, caret, _] if caret.trim() == "^" || caret.trim().starts_with('^') => {
            caret.find('^').filter(|&at| at >= 4).map(|at| Position {
                line: 1,
                column: at - 4 + 1,
            })
        }
        _ => None,
    };
    FilterError::Regex {
        flag,
        message,
        position,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grep(pattern: &str, ignore_case: bool) -> Grep {
        match Grep::new(pattern, ignore_case, "--grep") {
            Ok(grep) => grep,
            Err(error) => panic!("{pattern:?} should compile: {error}"),
        }
    }

    #[test]
    fn matches_anywhere_in_the_payload() {
        let grep = grep("err(or)?", false);
        assert!(grep.is_match(Some(b"an error happened")));
        assert!(!grep.is_match(Some(b"all good")));
    }

    #[test]
    fn case_sensitivity_follows_the_flag() {
        assert!(!grep("error", false).is_match(Some(b"ERROR")));
        assert!(grep("error", true).is_match(Some(b"ERROR")));
    }

    #[test]
    fn absent_part_never_matches_even_an_empty_pattern() {
        assert!(!grep("", false).is_match(None));
        assert!(grep("", false).is_match(Some(b"")));
    }

    #[test]
    fn invalid_utf8_is_matched_as_replacement_characters() {
        let payload: &[u8] = b"id=\xff\xfe42";
        assert!(grep("id=.*42", false).is_match(Some(payload)));
        assert!(grep("\u{FFFD}", false).is_match(Some(payload)));
        assert!(!grep("\u{FFFD}", false).is_match(Some(b"plain")));
    }

    #[test]
    fn invalid_pattern_reports_flag_and_compiler_message() {
        let Err(error) = Grep::new("a(b", false, "--grep-key") else {
            panic!("an unclosed group must not compile");
        };
        // One line, with where the compiler points.
        assert_eq!(
            error.to_string(),
            "invalid regular expression for --grep-key at line 1, column 2: unclosed group"
        );
    }
}
