//! Range checks on a resolved [`ServerConfig`]. Every rule names the key it concerns and the
//! value it got, so the user can find the offending flag, variable or file line.

use std::fmt::Display;

use super::{ServerConfig, KIB};
use crate::{Error, Result};

/// Levels accepted on their own as `log_level`.
const LOG_LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

impl ServerConfig {
    /// Checks every key against its allowed range.
    pub(crate) fn validate(&self) -> Result<()> {
        if let Some(addr) = &self.advertised_addr {
            check_host_port(addr)?;
        }
        ensure(
            self.in_memory || !self.data_dir.as_os_str().is_empty(),
            "data_dir",
            "must not be empty",
            self.data_dir.display(),
        )?;
        check_log_filter(&self.log_level)?;
        ensure(
            self.fsync_interval_ms >= 1,
            "fsync_interval_ms",
            "must be at least 1",
            self.fsync_interval_ms,
        )?;
        ensure(
            self.default_partitions >= 1,
            "default_partitions",
            "must be at least 1",
            self.default_partitions,
        )?;
        ensure(
            self.max_connections >= 1,
            "max_connections",
            "must be at least 1",
            self.max_connections,
        )?;
        ensure(
            self.max_connections_per_ip >= 1,
            "max_connections_per_ip",
            "must be at least 1",
            self.max_connections_per_ip,
        )?;
        ensure(
            self.metrics_max_series >= 1,
            "metrics_max_series",
            "must be at least 1",
            self.metrics_max_series,
        )?;
        if let Some(registry) = self.schema_registry_addr {
            ensure(
                (registry != self.listen_addr && Some(registry) != self.http_addr)
                    || registry.port() == 0,
                "schema_registry_addr",
                "must differ from listen_addr and http_addr",
                registry,
            )?;
        }
        if let Some(http) = self.http_addr {
            ensure(
                http != self.listen_addr || http.port() == 0,
                "http_addr",
                "must differ from listen_addr",
                http,
            )?;
        }
        ensure(
            self.connections_max_idle_ms >= 100,
            "connections_max_idle_ms",
            "must be at least 100",
            self.connections_max_idle_ms,
        )?;
        ensure(
            self.first_request_timeout_ms >= 100,
            "first_request_timeout_ms",
            "must be at least 100",
            self.first_request_timeout_ms,
        )?;
        // Kafka frames carry an i32 length prefix, so nothing larger can be framed at all.
        let frame_max = usize::try_from(i32::MAX).unwrap_or(usize::MAX);
        ensure(
            (KIB..=frame_max).contains(&self.max_frame_bytes),
            "max_frame_bytes",
            "must be between 1024 (1 KiB) and 2147483647",
            self.max_frame_bytes,
        )?;
        // A whole frame must fit in the budget, or it could never be read.
        ensure(
            (self.max_frame_bytes..=frame_max).contains(&self.queued_max_request_bytes),
            "queued_max_request_bytes",
            &format!(
                "must be between max_frame_bytes ({}) and 2147483647",
                self.max_frame_bytes
            ),
            self.queued_max_request_bytes,
        )?;
        // A batch must fit in a produce request frame, or no producer could ever send one.
        ensure(
            (KIB..=self.max_frame_bytes).contains(&self.message_max_bytes),
            "message_max_bytes",
            &format!(
                "must be between 1024 and max_frame_bytes ({})",
                self.max_frame_bytes
            ),
            self.message_max_bytes,
        )?;
        // Positions inside a segment are 32-bit in Kafka's index format, as here.
        ensure(
            (KIB as u64..=i32::MAX as u64).contains(&self.log_segment_bytes),
            "log_segment_bytes",
            "must be between 1024 (1 KiB) and 2147483647",
            self.log_segment_bytes,
        )?;
        ensure(
            self.log_segment_ms >= 1,
            "log_segment_ms",
            "must be at least 1",
            self.log_segment_ms,
        )?;
        ensure(
            self.log_retention_ms >= -1,
            "log_retention_ms",
            "must be -1 (keep forever) or a duration in milliseconds",
            self.log_retention_ms,
        )?;
        ensure(
            self.log_retention_bytes >= -1,
            "log_retention_bytes",
            "must be -1 (no limit) or a size in bytes",
            self.log_retention_bytes,
        )?;
        ensure(
            self.log_retention_check_interval_ms >= 1,
            "log_retention_check_interval_ms",
            "must be at least 1",
            self.log_retention_check_interval_ms,
        )?;
        ensure(
            crate::broker::topic_config::parse_policy(&self.log_cleanup_policy).is_some(),
            "log_cleanup_policy",
            "must be delete, compact or compact,delete",
            &self.log_cleanup_policy,
        )?;
        ensure(
            self.log_cleaner_backoff_ms >= 1,
            "log_cleaner_backoff_ms",
            "must be at least 1",
            self.log_cleaner_backoff_ms,
        )?;
        // Kafka's floor: enough for a useful map, and more than one batch's keys.
        ensure(
            self.log_cleaner_dedupe_buffer_size >= 1024 * 1024,
            "log_cleaner_dedupe_buffer_size",
            "must be at least 1048576 (1 MiB)",
            self.log_cleaner_dedupe_buffer_size,
        )?;
        ensure(
            (0.0..=1.0).contains(&self.log_cleaner_min_cleanable_ratio),
            "log_cleaner_min_cleanable_ratio",
            "must be between 0 and 1",
            self.log_cleaner_min_cleanable_ratio,
        )?;
        ensure(
            self.log_cleaner_min_compaction_lag_ms >= 0,
            "log_cleaner_min_compaction_lag_ms",
            "must not be negative",
            self.log_cleaner_min_compaction_lag_ms,
        )?;
        ensure(
            self.log_cleaner_max_compaction_lag_ms >= 1
                && self.log_cleaner_max_compaction_lag_ms >= self.log_cleaner_min_compaction_lag_ms,
            "log_cleaner_max_compaction_lag_ms",
            "must be at least 1 and at least log_cleaner_min_compaction_lag_ms",
            self.log_cleaner_max_compaction_lag_ms,
        )?;
        ensure(
            self.log_cleaner_delete_retention_ms >= 0,
            "log_cleaner_delete_retention_ms",
            "must not be negative",
            self.log_cleaner_delete_retention_ms,
        )?;
        ensure(
            self.group_consumer_heartbeat_interval_ms >= 1,
            "group_consumer_heartbeat_interval_ms",
            "must be at least 1",
            self.group_consumer_heartbeat_interval_ms,
        )?;
        ensure(
            self.group_consumer_session_timeout_ms > self.group_consumer_heartbeat_interval_ms,
            "group_consumer_session_timeout_ms",
            "must be greater than group_consumer_heartbeat_interval_ms",
            self.group_consumer_session_timeout_ms,
        )?;
        ensure(
            self.node_id >= 0,
            "node_id",
            "must not be negative",
            self.node_id,
        )
    }
}

/// Fails with a message naming `key`, its `rule` and the value it `got` unless `ok`.
fn ensure(ok: bool, key: &str, rule: &str, got: impl Display) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidConfig(format!("{key} {rule}, got {got}")))
    }
}

/// Accepts `host:port` with a non-empty host and a non-zero port; an IPv6 host needs brackets
/// (`[::1]:9092`), as clients parse it that way.
fn check_host_port(addr: &str) -> Result<()> {
    let invalid = |why: &str| {
        Error::InvalidConfig(format!(
            "advertised_addr must be host:port ({why}), got {addr:?}"
        ))
    };
    let (host, port) = addr.rsplit_once(':').ok_or_else(|| invalid("no port"))?;
    if host.is_empty() || host.chars().any(char::is_whitespace) {
        return Err(invalid("bad host"));
    }
    if host.contains(':') && !(host.starts_with('[') && host.ends_with(']')) {
        return Err(invalid("an IPv6 host needs brackets"));
    }
    match port.parse::<u16>() {
        Ok(p) if p != 0 => Ok(()),
        _ => Err(invalid("port must be 1-65535")),
    }
}

/// Accepts a tracing filter. A lone word must be a level: as a filter it would otherwise mean
/// "only the target named so", and a typo like `--log-level inf` would silence every log line.
fn check_log_filter(filter: &str) -> Result<()> {
    let word = filter.trim();
    let is_lone_word = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if is_lone_word && !LOG_LEVELS.contains(&word.to_ascii_lowercase().as_str()) {
        return Err(Error::InvalidConfig(format!(
            "log_level {word:?} is neither a level ({}) nor a target=level directive",
            LOG_LEVELS.join(", ")
        )));
    }
    // The filter is parsed by the subscriber the executable installs; a library build has
    // none, and no use for the setting.
    #[cfg(feature = "cli")]
    tracing_subscriber::EnvFilter::try_new(filter)
        .map(drop)
        .map_err(|e| {
            Error::InvalidConfig(format!("log_level {filter:?} is not a valid filter: {e}"))
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(config: ServerConfig, key: &str) {
        let message = config.validate().unwrap_err().to_string();
        assert!(message.contains(key), "error should name {key}: {message}");
    }

    #[test]
    fn defaults_are_valid() {
        ServerConfig::default().validate().unwrap();
    }

    #[test]
    fn out_of_range_values_are_rejected_by_name() {
        let d = ServerConfig::default;
        rejected(
            ServerConfig {
                default_partitions: 0,
                ..d()
            },
            "default_partitions",
        );
        rejected(
            ServerConfig {
                max_connections: 0,
                ..d()
            },
            "max_connections",
        );
        rejected(
            ServerConfig {
                max_frame_bytes: 1023,
                ..d()
            },
            "max_frame_bytes",
        );
        rejected(
            ServerConfig {
                message_max_bytes: 200 * 1024 * 1024,
                ..d()
            },
            "message_max_bytes",
        );
        rejected(
            ServerConfig {
                log_segment_bytes: 100,
                ..d()
            },
            "log_segment_bytes",
        );
        rejected(
            ServerConfig {
                log_segment_bytes: 1 << 31,
                ..d()
            },
            "log_segment_bytes",
        );
        rejected(
            ServerConfig {
                log_segment_ms: 0,
                ..d()
            },
            "log_segment_ms",
        );
        rejected(
            ServerConfig {
                log_retention_ms: -2,
                ..d()
            },
            "log_retention_ms",
        );
        rejected(
            ServerConfig {
                log_retention_bytes: -5,
                ..d()
            },
            "log_retention_bytes",
        );
        rejected(
            ServerConfig {
                fsync_interval_ms: 0,
                ..d()
            },
            "fsync_interval_ms",
        );
        rejected(
            ServerConfig {
                log_retention_check_interval_ms: 0,
                ..d()
            },
            "log_retention_check_interval_ms",
        );
        rejected(ServerConfig { node_id: -1, ..d() }, "node_id");
        rejected(
            ServerConfig {
                group_consumer_session_timeout_ms: 5000,
                ..d()
            },
            "group_consumer_session_timeout_ms",
        );
        rejected(
            ServerConfig {
                data_dir: "".into(),
                ..d()
            },
            "data_dir",
        );
    }

    #[test]
    fn boundary_values_are_accepted() {
        let config = ServerConfig {
            max_frame_bytes: 1024,
            message_max_bytes: 1024,
            log_segment_bytes: i32::MAX as u64,
            log_retention_ms: -1,
            log_retention_bytes: -1,
            in_memory: true,
            data_dir: "".into(),
            ..ServerConfig::default()
        };
        config.validate().unwrap();
    }

    #[test]
    fn advertised_addr_must_be_host_and_port() {
        for good in [
            "localhost:9092",
            "10.0.0.5:19092",
            "[::1]:9092",
            "kafka.example.com:1",
        ] {
            check_host_port(good).unwrap();
        }
        for bad in [
            "localhost",
            ":9092",
            "host:0",
            "host:99999",
            "host:port",
            "::1:9092",
            "a b:1",
        ] {
            assert!(check_host_port(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn log_level_accepts_levels_and_directives_only() {
        for good in [
            "info",
            "DEBUG",
            "off",
            "warn,streamline=trace",
            "streamline::server=debug",
        ] {
            check_log_filter(good).unwrap();
        }
        for bad in ["inf", "verbose", "streamline=loud"] {
            assert!(check_log_filter(bad).is_err(), "{bad} should be rejected");
        }
    }
}
