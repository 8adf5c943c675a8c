//! Topic-name rules, as Apache Kafka enforces them: 1 to 249 characters from `[a-zA-Z0-9._-]`,
//! not `.` or `..`, and no two topics whose names differ only by `.` versus `_` (they would
//! collide in metric names).

use crate::{Error, Result};

/// Kafka's maximum topic-name length.
pub const MAX_TOPIC_NAME_CHARS: usize = 249;

/// Checks `name` against Kafka's legal-name rules.
pub fn validate_topic_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::InvalidTopic("topic name is empty".into()));
    }
    if name == "." || name == ".." {
        return Err(Error::InvalidTopic(format!(
            "topic name cannot be '{name}'"
        )));
    }
    if name.len() > MAX_TOPIC_NAME_CHARS {
        return Err(Error::InvalidTopic(format!(
            "topic name is {} characters long; the limit is {MAX_TOPIC_NAME_CHARS}",
            name.len()
        )));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(Error::InvalidTopic(format!(
            "topic name '{name}' contains '{bad}'; only ASCII letters, digits, '.', '_' and '-' are allowed"
        )));
    }
    Ok(())
}

/// The form under which two names collide: `.` and `_` are interchangeable.
pub fn collision_key(name: &str) -> String {
    name.replace('.', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_names() {
        for n in ["orders", "a.b_c-d", "X9", &"x".repeat(249)] {
            assert!(validate_topic_name(n).is_ok(), "{n}");
        }
    }

    #[test]
    fn illegal_names() {
        for n in ["", ".", "..", "a b", "ä", "a/b", &"x".repeat(250)] {
            assert!(validate_topic_name(n).is_err(), "{n}");
        }
    }

    #[test]
    fn collisions() {
        assert_eq!(collision_key("a.b"), collision_key("a_b"));
        assert_ne!(collision_key("a.b"), collision_key("a-b"));
    }
}
