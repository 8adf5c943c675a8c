//! Per-topic configuration: which Kafka topic configs the broker honours, their validation,
//! and how they combine with the broker-wide defaults into a partition's [`LogConfig`].
//!
//! Only keys that take effect are accepted; anything else is rejected with INVALID_CONFIG so
//! that a user never believes a setting is in force when it is not.

use std::collections::BTreeMap;

use crate::storage::LogConfig;
use crate::{Error, Result};

/// How a record's timestamp is assigned (Kafka's `message.timestamp.type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampType {
    CreateTime,
    LogAppendTime,
}

/// Broker-wide defaults a topic falls back to for every key it does not override.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicDefaults {
    pub log: LogConfig,
    pub max_message_bytes: usize,
}

/// Kafka's config value types, as reported by DescribeConfigs v3+.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigType {
    Boolean = 1,
    Int = 3,
    Long = 5,
    String = 2,
    List = 7,
}

/// One supported topic config key.
#[derive(Debug, Clone, Copy)]
pub struct ConfigKey {
    pub name: &'static str,
    pub kind: ConfigType,
    pub doc: &'static str,
}

/// Every topic config the broker honours.
pub const TOPIC_CONFIG_KEYS: &[ConfigKey] = &[
    ConfigKey {
        name: "cleanup.policy",
        kind: ConfigType::List,
        doc: "Only \"delete\": old segments are removed by retention.ms / retention.bytes.",
    },
    ConfigKey {
        name: "diskless.enable",
        kind: ConfigType::Boolean,
        doc: "true keeps the topic in memory only, on a broker that writes its other topics to disk: nothing of it is written and it is gone after a restart. Fixed at creation.",
    },
    ConfigKey {
        name: "max.message.bytes",
        kind: ConfigType::Int,
        doc: "Largest record batch the topic accepts, in bytes.",
    },
    ConfigKey {
        name: "message.timestamp.type",
        kind: ConfigType::String,
        doc: "CreateTime keeps the producer's timestamps; LogAppendTime stamps batches on append.",
    },
    ConfigKey {
        name: "min.insync.replicas",
        kind: ConfigType::Int,
        doc: "Replicas that must hold an acks=all write; a single node has one, so only 1 lets acks=all succeed.",
    },
    ConfigKey {
        name: "retention.bytes",
        kind: ConfigType::Long,
        doc: "Per-partition size above which the oldest segments are deleted; -1 for no limit.",
    },
    ConfigKey {
        name: "retention.ms",
        kind: ConfigType::Long,
        doc: "Age after which a segment's records are deleted; -1 to keep them forever.",
    },
    ConfigKey {
        name: "segment.bytes",
        kind: ConfigType::Int,
        doc: "Size at which the active segment is rolled.",
    },
    ConfigKey {
        name: "segment.ms",
        kind: ConfigType::Long,
        doc: "Age at which the active segment is rolled, even if not full.",
    },
];

/// A topic's explicit overrides; every other key takes the broker default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicConfig {
    overrides: BTreeMap<String, String>,
}

impl TopicConfig {
    /// Builds a config from overrides, validating every key and value.
    pub fn from_overrides(overrides: BTreeMap<String, String>) -> Result<TopicConfig> {
        for (k, v) in &overrides {
            validate(k, v)?;
        }
        Ok(TopicConfig { overrides })
    }

    /// The explicit overrides, as stored in the topic's metadata.
    pub fn overrides(&self) -> &BTreeMap<String, String> {
        &self.overrides
    }

    /// Whether the topic lives in memory only (`diskless.enable=true`).
    pub fn diskless(&self) -> bool {
        self.overrides.get("diskless.enable").map(String::as_str) == Some("true")
    }

    /// The whole set of overrides replaced by `overrides`, as AlterConfigs replaces it —
    /// except the keys fixed at creation: leaving one out keeps it, changing it is refused.
    pub fn replaced_by(&self, mut overrides: BTreeMap<String, String>) -> Result<TopicConfig> {
        for key in FIXED_AT_CREATION {
            let current = self.overrides.get(*key);
            let current_value = current.map_or("false", String::as_str);
            match overrides.get(*key) {
                Some(asked) if asked.trim() != current_value => {
                    return Err(fixed_error(key));
                }
                _ => match current {
                    Some(v) => {
                        overrides.insert((*key).to_string(), v.clone());
                    }
                    None => {
                        overrides.remove(*key);
                    }
                },
            }
        }
        TopicConfig::from_overrides(overrides)
    }

    /// Sets one key after validating it.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        fixed_at_creation(key)?;
        validate(key, value)?;
        self.overrides.insert(key.to_string(), value.to_string());
        Ok(())
    }

    /// Removes an override, returning the key to its default. Unknown keys are an error.
    pub fn unset(&mut self, key: &str) -> Result<()> {
        lookup(key)?;
        fixed_at_creation(key)?;
        self.overrides.remove(key);
        Ok(())
    }

    /// The effective value of `key` (override or default) and whether it is the default.
    pub fn effective(&self, key: &str, defaults: &TopicDefaults) -> Option<(String, bool)> {
        if let Some(v) = self.overrides.get(key) {
            return Some((v.clone(), false));
        }
        let v = match key {
            "cleanup.policy" => "delete".to_string(),
            "diskless.enable" => "false".to_string(),
            "max.message.bytes" => defaults.max_message_bytes.to_string(),
            "message.timestamp.type" => "CreateTime".to_string(),
            "min.insync.replicas" => "1".to_string(),
            "retention.bytes" => defaults.log.retention_bytes.to_string(),
            "retention.ms" => defaults.log.retention_ms.to_string(),
            "segment.bytes" => defaults.log.segment_bytes.to_string(),
            "segment.ms" => defaults.log.segment_ms.to_string(),
            _ => return None,
        };
        Some((v, true))
    }

    fn int(&self, key: &str) -> Option<i64> {
        self.overrides.get(key).and_then(|v| v.parse().ok())
    }

    /// The storage settings for this topic's partitions.
    pub fn log_config(&self, defaults: &TopicDefaults) -> LogConfig {
        let mut log = defaults.log;
        if let Some(v) = self.int("segment.bytes") {
            log.segment_bytes = v.max(0) as u64;
        }
        if let Some(v) = self.int("segment.ms") {
            log.segment_ms = v;
        }
        if let Some(v) = self.int("retention.ms") {
            log.retention_ms = v;
        }
        if let Some(v) = self.int("retention.bytes") {
            log.retention_bytes = v;
        }
        log
    }

    /// The largest batch this topic accepts.
    pub fn max_message_bytes(&self, defaults: &TopicDefaults) -> usize {
        self.int("max.message.bytes")
            .map_or(defaults.max_message_bytes, |v| v.max(0) as usize)
    }

    /// How record timestamps are assigned.
    pub fn timestamp_type(&self) -> TimestampType {
        match self
            .overrides
            .get("message.timestamp.type")
            .map(String::as_str)
        {
            Some("LogAppendTime") => TimestampType::LogAppendTime,
            _ => TimestampType::CreateTime,
        }
    }

    /// Replicas an acks=all write needs; more than one can never be met on a single node.
    pub fn min_insync_replicas(&self) -> i64 {
        self.int("min.insync.replicas").unwrap_or(1)
    }
}

/// The definition of a supported key.
pub fn lookup(key: &str) -> Result<&'static ConfigKey> {
    TOPIC_CONFIG_KEYS
        .iter()
        .find(|k| k.name == key)
        .ok_or_else(|| {
            Error::InvalidConfig(format!(
                "unknown or unsupported topic config '{key}' (supported: {})",
                TOPIC_CONFIG_KEYS
                    .iter()
                    .map(|k| k.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

/// Keys a topic keeps from its creation: where its data lives cannot move afterwards.
const FIXED_AT_CREATION: &[&str] = &["diskless.enable"];

fn fixed_at_creation(key: &str) -> Result<()> {
    if FIXED_AT_CREATION.contains(&key) {
        return Err(fixed_error(key));
    }
    Ok(())
}

fn fixed_error(key: &str) -> Error {
    Error::InvalidConfig(format!("{key} is fixed when the topic is created"))
}

fn parse_int(key: &str, value: &str, min: i64, max: i64) -> Result<()> {
    let v: i64 = value
        .trim()
        .parse()
        .map_err(|_| Error::InvalidConfig(format!("{key}: '{value}' is not an integer")))?;
    if v < min || v > max {
        return Err(Error::InvalidConfig(format!(
            "{key}: {v} is outside [{min}, {max}]"
        )));
    }
    Ok(())
}

/// Validates one key/value pair the way Kafka's LogConfig does.
pub fn validate(key: &str, value: &str) -> Result<()> {
    lookup(key)?;
    let int_max = i64::from(i32::MAX);
    match key {
        "cleanup.policy" => match value.trim() {
            "delete" => Ok(()),
            other => Err(Error::InvalidConfig(format!(
                "cleanup.policy: '{other}' is not supported; only 'delete' (log compaction is not available)"
            ))),
        },
        "diskless.enable" => match value.trim() {
            "true" | "false" => Ok(()),
            other => Err(Error::InvalidConfig(format!(
                "diskless.enable: '{other}' must be true or false"
            ))),
        },
        "max.message.bytes" => parse_int(key, value, 0, int_max),
        "message.timestamp.type" => match value {
            "CreateTime" | "LogAppendTime" => Ok(()),
            other => Err(Error::InvalidConfig(format!(
                "message.timestamp.type: '{other}' must be CreateTime or LogAppendTime"
            ))),
        },
        "min.insync.replicas" => parse_int(key, value, 1, int_max),
        "retention.bytes" | "retention.ms" => parse_int(key, value, -1, i64::MAX),
        "segment.bytes" => parse_int(key, value, 14, int_max),
        "segment.ms" => parse_int(key, value, 1, i64::MAX),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_the_configs_keeps_what_is_fixed_at_creation() {
        let diskless = TopicConfig::from_overrides(BTreeMap::from([
            ("diskless.enable".to_string(), "true".to_string()),
            ("retention.ms".to_string(), "1000".to_string()),
        ]))
        .unwrap();
        let replaced = diskless
            .replaced_by(BTreeMap::from([(
                "segment.ms".to_string(),
                "5000".to_string(),
            )]))
            .unwrap();
        assert!(replaced.diskless(), "left out, kept");
        assert_eq!(replaced.overrides().get("retention.ms"), None, "replaced");
        assert!(diskless
            .replaced_by(BTreeMap::from([(
                "diskless.enable".to_string(),
                "false".to_string()
            )]))
            .is_err());
        let on_disk = TopicConfig::default();
        assert!(on_disk
            .replaced_by(BTreeMap::from([(
                "diskless.enable".to_string(),
                "false".to_string()
            )]))
            .is_ok_and(|c| !c.diskless()));
        assert!(on_disk
            .replaced_by(BTreeMap::from([(
                "diskless.enable".to_string(),
                "true".to_string()
            )]))
            .is_err());
    }

    fn defaults() -> TopicDefaults {
        TopicDefaults {
            log: LogConfig::default(),
            max_message_bytes: 1_048_588,
        }
    }

    #[test]
    fn overrides_take_effect_in_the_log_config() {
        let mut c = TopicConfig::default();
        c.set("retention.ms", "1000").unwrap();
        c.set("segment.bytes", "4096").unwrap();
        let log = c.log_config(&defaults());
        assert_eq!(log.retention_ms, 1000);
        assert_eq!(log.segment_bytes, 4096);
        assert_eq!(
            c.effective("retention.ms", &defaults()),
            Some(("1000".into(), false))
        );
        assert_eq!(
            c.effective("cleanup.policy", &defaults()),
            Some(("delete".into(), true))
        );
    }

    #[test]
    fn invalid_values_and_unknown_keys_are_rejected() {
        let mut c = TopicConfig::default();
        assert!(c.set("retention.ms", "soon").is_err());
        assert!(c.set("retention.ms", "-2").is_err());
        assert!(c.set("segment.bytes", "10").is_err());
        assert!(c.set("cleanup.policy", "compact").is_err());
        assert!(c.set("message.timestamp.type", "Now").is_err());
        assert!(c.set("flush.messages", "1").is_err());
        assert!(c.unset("no.such.key").is_err());
        assert!(c.overrides().is_empty());
    }

    #[test]
    fn timestamp_type_and_limits() {
        let mut c = TopicConfig::default();
        assert_eq!(c.timestamp_type(), TimestampType::CreateTime);
        c.set("message.timestamp.type", "LogAppendTime").unwrap();
        c.set("max.message.bytes", "100").unwrap();
        assert_eq!(c.timestamp_type(), TimestampType::LogAppendTime);
        assert_eq!(c.max_message_bytes(&defaults()), 100);
        c.unset("max.message.bytes").unwrap();
        assert_eq!(c.max_message_bytes(&defaults()), 1_048_588);
    }
}
