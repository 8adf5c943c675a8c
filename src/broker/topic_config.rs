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
    Double = 6,
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
        doc: "\"delete\" removes old segments by retention.ms / retention.bytes; \"compact\" keeps the latest record of each key; \"compact,delete\" does both.",
    },
    ConfigKey {
        name: "delete.retention.ms",
        kind: ConfigType::Long,
        doc: "How long a compacted topic keeps a tombstone (and a transaction marker) once it is the latest of its key, so consumers see the delete.",
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
        name: "max.compaction.lag.ms",
        kind: ConfigType::Long,
        doc: "Longest a record may stay uncompacted: past it the partition is cleaned whatever its dirty ratio.",
    },
    ConfigKey {
        name: "min.cleanable.dirty.ratio",
        kind: ConfigType::Double,
        doc: "Share of the log not yet compacted at which the cleaner compacts it (0 to 1).",
    },
    ConfigKey {
        name: "min.compaction.lag.ms",
        kind: ConfigType::Long,
        doc: "Records younger than this are never compacted.",
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
        let config = TopicConfig { overrides };
        config.check_lags()?;
        Ok(config)
    }

    /// Kafka refuses a minimum compaction lag above the maximum (over the overrides; a broker
    /// default is checked when the broker starts).
    fn check_lags(&self) -> Result<()> {
        if let (Some(min), Some(max)) = (
            self.int("min.compaction.lag.ms"),
            self.int("max.compaction.lag.ms"),
        ) {
            if min > max {
                return Err(Error::InvalidConfig(format!(
                    "conflict topic config setting min.compaction.lag.ms ({min}) > max.compaction.lag.ms ({max})"
                )));
            }
        }
        Ok(())
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
        let mut next = self.clone();
        next.overrides.insert(key.to_string(), value.to_string());
        next.check_lags()?;
        *self = next;
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
        let log = &defaults.log;
        let v = match key {
            "cleanup.policy" => policy_name(log.delete, log.compact).to_string(),
            "delete.retention.ms" => log.delete_retention_ms.to_string(),
            "max.compaction.lag.ms" => log.max_compaction_lag_ms.to_string(),
            "min.cleanable.dirty.ratio" => log.min_cleanable_dirty_ratio.to_string(),
            "min.compaction.lag.ms" => log.min_compaction_lag_ms.to_string(),
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
        self.overrides.get(key).and_then(|v| v.trim().parse().ok())
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
        if let Some((delete, compact)) = self
            .overrides
            .get("cleanup.policy")
            .and_then(|v| parse_policy(v))
        {
            log.delete = delete;
            log.compact = compact;
        }
        if let Some(v) = self.int("delete.retention.ms") {
            log.delete_retention_ms = v;
        }
        if let Some(v) = self.int("min.compaction.lag.ms") {
            log.min_compaction_lag_ms = v;
        }
        if let Some(v) = self.int("max.compaction.lag.ms") {
            log.max_compaction_lag_ms = v;
        }
        if let Some(v) = self
            .overrides
            .get("min.cleanable.dirty.ratio")
            .and_then(|v| v.trim().parse().ok())
        {
            log.min_cleanable_dirty_ratio = v;
        }
        log
    }

    /// Whether the topic is compacted, by its `cleanup.policy` or else the broker's default.
    /// On the produce path: one lookup, not a whole [`LogConfig`].
    pub fn compacted_with(&self, defaults: &TopicDefaults) -> bool {
        self.overrides
            .get("cleanup.policy")
            .and_then(|v| parse_policy(v))
            .map_or(defaults.log.compact, |(_, compact)| compact)
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

/// A `cleanup.policy` list as (delete, compact): each of `delete` and `compact` at most once,
/// in any order, separated by commas.
pub fn parse_policy(value: &str) -> Option<(bool, bool)> {
    let mut delete = false;
    let mut compact = false;
    for part in value.split(',').map(str::trim) {
        match part {
            "delete" if !delete => delete = true,
            "compact" if !compact => compact = true,
            _ => return None,
        }
    }
    Some((delete, compact))
}

/// The `cleanup.policy` value for a combination, as Kafka lists it.
pub fn policy_name(delete: bool, compact: bool) -> &'static str {
    match (delete, compact) {
        (true, true) => "compact,delete",
        (false, true) => "compact",
        _ => "delete",
    }
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
        "cleanup.policy" => parse_policy(value).map(|_| ()).ok_or_else(|| {
            Error::InvalidConfig(format!(
                "cleanup.policy: '{}' must be delete, compact or compact,delete",
                value.trim()
            ))
        }),
        "delete.retention.ms" | "min.compaction.lag.ms" => parse_int(key, value, 0, i64::MAX),
        "max.compaction.lag.ms" => parse_int(key, value, 1, i64::MAX),
        "min.cleanable.dirty.ratio" => match value.trim().parse::<f64>() {
            Ok(ratio) if (0.0..=1.0).contains(&ratio) => Ok(()),
            _ => Err(Error::InvalidConfig(format!(
                "min.cleanable.dirty.ratio: '{}' must be a number from 0 to 1",
                value.trim()
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
        assert!(c.set("cleanup.policy", "compress").is_err());
        assert!(c.set("cleanup.policy", "delete,delete").is_err());
        assert!(c.set("min.cleanable.dirty.ratio", "1.5").is_err());
        assert!(c.set("max.compaction.lag.ms", "0").is_err());
        assert!(c.set("message.timestamp.type", "Now").is_err());
        assert!(c.set("flush.messages", "1").is_err());
        assert!(c.unset("no.such.key").is_err());
        assert!(c.overrides().is_empty());
    }

    #[test]
    fn compaction_settings_take_effect_and_lags_must_be_ordered() {
        let mut c = TopicConfig::default();
        c.set("cleanup.policy", "delete, compact").unwrap();
        c.set("min.cleanable.dirty.ratio", "0.01").unwrap();
        c.set("max.compaction.lag.ms", "5000").unwrap();
        let log = c.log_config(&defaults());
        assert!(log.compact && log.delete);
        assert_eq!(log.min_cleanable_dirty_ratio, 0.01);
        assert_eq!(log.max_compaction_lag_ms, 5000);
        assert!(c.set("min.compaction.lag.ms", "6000").is_err());
        assert_eq!(
            c.overrides().get("min.compaction.lag.ms"),
            None,
            "left unchanged"
        );
        c.set("cleanup.policy", "compact").unwrap();
        assert!(!c.log_config(&defaults()).delete);
        assert_eq!(
            TopicConfig::default().effective("min.cleanable.dirty.ratio", &defaults()),
            Some(("0.5".into(), true))
        );
        assert_eq!(
            TopicConfig::default().effective("max.compaction.lag.ms", &defaults()),
            Some((i64::MAX.to_string(), true))
        );
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
