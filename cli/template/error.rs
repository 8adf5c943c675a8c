//! The error a template reports when it fails to parse, and how it is shown.
//!
//! Every parse failure names one character position (`position`, a 0-based char column
//! into the whole template) so the user sees exactly where the template went wrong. The
//! message shown to humans counts lines and columns from 1, like editors and compilers do,
//! and puts a caret under the offending character.

use std::fmt;

/// Long template lines are cut to this many characters either side of the error so the
/// caret stays on screen; a JSON template can easily be a few kilobytes on one line.
const CONTEXT_CHARS: usize = 40;

/// A template that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TemplateError {
    /// The char column (0-based, counted over the whole template) the error points at.
    pub position: usize,
    /// What is wrong, without location; `Display` adds the location and the caret.
    pub message: String,
    /// The template as the user wrote it.
    pub template: String,
}

/// A parse failure before the template text is attached; the parser works on fragments and
/// only the top level knows the whole template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fault {
    pub(super) position: usize,
    pub(super) message: String,
}

impl Fault {
    pub(super) fn new(position: usize, message: impl Into<String>) -> Fault {
        Fault {
            position,
            message: message.into(),
        }
    }

    pub(super) fn into_error(self, template: &str) -> TemplateError {
        TemplateError {
            position: self.position,
            message: self.message,
            template: template.to_string(),
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let spot = Spot::locate(&self.template, self.position);
        if spot.multiline {
            write!(
                f,
                "invalid template at line {}, column {}: {}",
                spot.line + 1,
                spot.column + 1,
                self.message
            )?;
        } else {
            write!(
                f,
                "invalid template at column {}: {}",
                spot.column + 1,
                self.message
            )?;
        }
        let (excerpt, caret_column) = excerpt(spot.line_text, spot.column);
        write!(f, "\n  {excerpt}\n  ")?;
        // Pad with the same whitespace the excerpt has so tabs keep the caret aligned.
        for c in excerpt.chars().take(caret_column) {
            f.write_str(if c == '\t' { "\t" } else { " " })?;
        }
        f.write_str("^")
    }
}

/// Where a char position falls: its line (0-based), its column within that line and the
/// text of that line.
struct Spot<'a> {
    line: usize,
    column: usize,
    line_text: &'a str,
    multiline: bool,
}

impl<'a> Spot<'a> {
    fn locate(template: &'a str, position: usize) -> Spot<'a> {
        let mut line = 0;
        let mut line_start_char = 0;
        let mut chars_seen = 0;
        let mut line_text = template;
        let mut line_len = template.chars().count();
        for (index, text) in template.split('\n').enumerate() {
            let len = text.chars().count();
            line = index;
            line_text = text;
            line_len = len;
            line_start_char = chars_seen;
            // A position on the newline itself (or past the end) belongs to this line.
            if position <= chars_seen + len {
                break;
            }
            chars_seen += len + 1;
        }
        Spot {
            line,
            // Clamped so a position past the end still gets a caret right after the text.
            column: position.saturating_sub(line_start_char).min(line_len),
            line_text: line_text.strip_suffix('\r').unwrap_or(line_text),
            multiline: template.contains('\n'),
        }
    }
}

/// Cuts `line` to a window around `column`, marking cuts with "...", and returns the
/// window with the caret column inside it.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let len = line.chars().count();
    let start = column.saturating_sub(CONTEXT_CHARS);
    let end = (column + CONTEXT_CHARS + 1).min(len);
    if start == 0 && end == len {
        return (line.to_string(), column);
    }
    let mut window = String::new();
    let mut caret = column - start;
    if start > 0 {
        window.push_str("...");
        caret += 3;
    }
    window.extend(line.chars().skip(start).take(end - start));
    if end < len {
        window.push_str("...");
    }
    (window, caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(template: &str, position: usize, message: &str) -> TemplateError {
        Fault::new(position, message).into_error(template)
    }

    #[test]
    fn shows_one_based_column_and_caret() {
        let shown = error("order-{{uid}}", 8, "unknown placeholder 'uid'").to_string();
        assert_eq!(
            shown,
            "invalid template at column 9: unknown placeholder 'uid'\n  order-{{uid}}\n          ^"
        );
    }

    #[test]
    fn caret_at_end_of_template() {
        let shown = error("ab{{", 4, "x").to_string();
        assert!(shown.ends_with("\n  ab{{\n      ^"), "{shown}");
    }

    #[test]
    fn tabs_keep_the_caret_aligned() {
        let shown = error("\t{{x}}", 3, "x").to_string();
        assert!(shown.ends_with("\n  \t{{x}}\n  \t  ^"), "{shown}");
    }

    #[test]
    fn multiline_templates_name_the_line() {
        let template = "{\n  \"id\": {{uid}}\n}";
        // Line 2 starts at char 2; "uid" starts 10 chars into it.
        let shown = error(template, 12, "bad").to_string();
        assert_eq!(
            shown,
            "invalid template at line 2, column 11: bad\n    \"id\": {{uid}}\n            ^"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_error() {
        let template = format!("{}{{{{bad}}}}{}", "a".repeat(100), "b".repeat(100));
        let shown = error(&template, 102, "bad").to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("  ...") && lines[1].ends_with("..."));
        let caret = lines[2].find('^').unwrap_or(0);
        assert_eq!(&lines[1][caret..caret + 3], "bad");
    }

    #[test]
    fn position_past_the_end_is_clamped_to_the_last_line() {
        let shown = error("a\nb", 10, "x").to_string();
        assert!(
            shown.starts_with("invalid template at line 2, column 2: x"),
            "{shown}"
        );
        assert!(shown.ends_with("\n  b\n   ^"), "{shown}");
    }
}
