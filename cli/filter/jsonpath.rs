//! JSONPath queries (`--jq` starting with `$`), parsed once and run per record.
//!
//! A record is kept when the path selects at least one node; its value is then replaced by the
//! selection: the node itself when there is exactly one, otherwise a JSON array of the nodes in
//! document order. Unlike jq there is always exactly one output value.

use jsonpath_rust::parser::model::JpQuery;
use jsonpath_rust::parser::parse_json_path;
use jsonpath_rust::query::js_path_process;
use serde_json::Value;

use super::error::{FilterError, Position};
use super::Verdict;

/// A parsed JSONPath query.
pub(super) struct JsonPathFilter {
    query: JpQuery,
}

impl JsonPathFilter {
    pub(super) fn new(path: &str) -> Result<JsonPathFilter, FilterError> {
        parse_json_path(path)
            .map(|query| JsonPathFilter { query })
            .map_err(|error| one_line(&error.to_string()))
    }

    /// Runs the query on one record value; a value that is not JSON is dropped.
    pub(super) fn apply(&self, value: &[u8]) -> Verdict {
        // serde_json stops at 128 levels of nesting, so hostile values cannot overflow the stack.
        let Ok(document) = serde_json::from_slice::<Value>(value) else {
            return Verdict::Drop;
        };
        let selected = match js_path_process(&self.query, &document) {
            Ok(selected) => selected,
            Err(error) => return Verdict::Error(format!("JSONPath error: {error}")),
        };
        let output = match selected.as_slice() {
            [] => return Verdict::Drop,
            [only] => serde_json::to_vec(only.val),
            several => serde_json::to_vec(&several.iter().map(|node| node.val).collect::<Vec<_>>()),
        };
        match output {
            Ok(output) => Verdict::Replace(vec![output]),
            Err(error) => Verdict::Error(format!("cannot serialize JSONPath result: {error}")),
        }
    }
}

/// The JSONPath parser reports a syntax error as a drawing over several lines
/// (` --> 1:5`, the expression, a caret, `= expected selector`); the user gets its gist on one
/// line, with the position, as jq errors are shown.
fn one_line(report: &str) -> FilterError {
    let position = report.split_once("--> ").and_then(|(_, rest)| {
        let (line, rest) = rest.split_once(':')?;
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some(Position {
            line: line.trim().parse().ok()?,
            column: column.parse().ok()?,
        })
    });
    let message = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .unwrap_or_else(|| report.lines().next().unwrap_or(report))
        .trim()
        .to_string();
    FilterError::JsonPath { message, position }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(expression: &str) -> JsonPathFilter {
        match JsonPathFilter::new(expression) {
            Ok(filter) => filter,
            Err(error) => panic!("{expression:?} should parse: {error}"),
        }
    }

    fn replaced(verdict: Verdict) -> String {
        match verdict {
            Verdict::Replace(values) if values.len() == 1 => {
                String::from_utf8_lossy(&values[0]).into_owned()
            }
            other => panic!("expected one replacement value, got {other:?}"),
        }
    }

    #[test]
    fn single_node_replaces_the_value() {
        let filter = path("$.a.b");
        assert_eq!(
            replaced(filter.apply(br#"{"a": {"b": {"c": [1, 2]}}}"#)),
            r#"{"c":[1,2]}"#
        );
        assert_eq!(replaced(filter.apply(br#"{"a": {"b": null}}"#)), "null");
    }

    #[test]
    fn nothing_selected_drops_the_record() {
        let filter = path("$.a.b");
        assert!(matches!(filter.apply(br#"{"a": {}}"#), Verdict::Drop));
        assert!(matches!(filter.apply(b"[1, 2]"), Verdict::Drop));
        assert!(matches!(filter.apply(b"42"), Verdict::Drop));
    }

    #[test]
    fn several_nodes_become_one_array() {
        let filter = path("$..id");
        assert_eq!(
            replaced(filter.apply(br#"{"id": 1, "items": [{"id": 2}, {"id": "three"}]}"#)),
            r#"[1,2,"three"]"#
        );
        assert_eq!(replaced(filter.apply(br#"{"x": {"id": 7}}"#)), "7");
    }

    #[test]
    fn filter_expressions_work() {
        let filter = path("$.items[?@.n > 1].name");
        assert_eq!(
            replaced(filter.apply(br#"{"items": [{"n": 1, "name": "a"}, {"n": 2, "name": "b"}]}"#)),
            r#""b""#
        );
    }

    #[test]
    fn values_that_are_not_json_are_dropped() {
        let filter = path("$..id");
        for value in [&b""[..], b"id=1", b"{\"id\":", b"\xff\xfe\x00"] {
            assert!(
                matches!(filter.apply(value), Verdict::Drop),
                "{value:?} must be dropped"
            );
        }
        let depth = 100_000;
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(filter.apply(deep.as_bytes()), Verdict::Drop));
    }

    #[test]
    fn invalid_path_is_reported_at_construction() {
        for expression in ["$.a[", "$..", "$[?@.a ==]", "$.a.[0]", "$$"] {
            match JsonPathFilter::new(expression) {
                Err(FilterError::JsonPath { message, .. }) => assert!(!message.is_empty()),
                Err(other) => panic!("expected a JSONPath error, got {other}"),
                Ok(_) => panic!("{expression:?} must not parse"),
            }
        }
        // One line, with where the parser stopped.
        let error = JsonPathFilter::new("$..[").err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("invalid JSONPath expression at line 1, column 5: expected selector")
        );
    }
}
