//! The broker's configuration: [`ServerConfig`], the effective settings of one `serve`, and
//! (with the `cli` feature) how it is resolved from its sources.
//!
//! Precedence, highest first: command-line flag > `STREAMLINE_*` environment variable >
//! TOML config file (`-c/--config`) > built-in default. `RUST_LOG` is honoured for `log_level`
//! below `STREAMLINE_LOG_LEVEL` and above the file. Each source is a `ConfigLayer` (every key
//! optional); `ServerConfig::resolve` is the one place layers are merged, and it validates the
//! result so the server never starts on a nonsensical setting.

#[cfg(feature = "cli")]
mod layer;
#[cfg(feature = "cli")]
mod template;
mod validate;

use std::net::SocketAddr;
#[cfg(feature = "cli")]
use std::path::Path;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[cfg(feature = "cli")]
pub use layer::ConfigLayer;
#[cfg(feature = "cli")]
pub use template::generate_config;

#[cfg(feature = "cli")]
use crate::Result;

/// When the broker fsyncs written data. The default keeps Kafka's contract for acks=all
/// without an fsync per request, by letting one fsync cover every batch that is waiting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum FsyncPolicy {
    /// acks=all is answered only after an fsync (group commit); acks=1 right after the write
    #[default]
    Acks,
    /// Every produce is fsynced before it is acknowledged, whatever its acks
    Always,
    /// A background fsync runs every fsync_interval_ms; no request waits for it
    Interval,
    /// Never fsync; flushing to disk is left to the operating system
    Never,
}

/// The effective settings of one server. See `docs/CONFIG.md` for each key's meaning; the
/// same text is in `streamline serve --help`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServerConfig {
    /// Address the Kafka listener binds to.
    pub listen_addr: SocketAddr,
    /// `host:port` clients are told to connect to; `None` lets the server advertise the
    /// address it is listening on.
    pub advertised_addr: Option<String>,
    /// Address of the HTTP listener (health, metrics); `None` for none.
    pub http_addr: Option<SocketAddr>,
    /// Address of the schema registry's HTTP listener (Confluent's REST API); `None` for none.
    pub schema_registry_addr: Option<SocketAddr>,
    /// Kafka listeners, `NAME=PROTOCOL://HOST:PORT`; empty means one PLAINTEXT listener on
    /// `listen_addr`.
    pub listeners: Vec<String>,
    /// `NAME=HOST:PORT` advertised addresses of listeners.
    pub advertised_listeners: Vec<String>,
    /// Allow listeners without authentication on non-loopback addresses.
    pub allow_unauthenticated_remote: bool,
    /// PEM certificate chain of TLS listeners.
    pub ssl_certificate_location: Option<PathBuf>,
    /// PEM private key of TLS listeners.
    pub ssl_key_location: Option<PathBuf>,
    /// PEM CAs client certificates must chain to.
    pub ssl_ca_location: Option<PathBuf>,
    /// Whether TLS listeners ask for client certificates.
    pub ssl_client_auth: crate::security::tls::ClientAuth,
    /// Kafka's `ssl.principal.mapping.rules`.
    pub ssl_principal_mapping_rules: String,
    /// SASL mechanisms offered, comma-separated.
    pub sasl_enabled_mechanisms: String,
    /// `NAME=PASSWORD` users created at start when absent.
    pub sasl_users: Vec<String>,
    /// Where OAUTHBEARER tokens' JWK set is.
    pub sasl_oauthbearer_jwks_endpoint_url: Option<String>,
    /// The issuer OAUTHBEARER tokens must name.
    pub sasl_oauthbearer_expected_issuer: Option<String>,
    /// An audience OAUTHBEARER tokens must include.
    pub sasl_oauthbearer_expected_audience: Option<String>,
    /// The claim naming the principal.
    pub sasl_oauthbearer_sub_claim_name: String,
    /// Enforce ACLs.
    pub authorizer_enable: bool,
    /// Principals allowed everything.
    pub super_users: Vec<String>,
    /// Kafka's `allow.everyone.if.no.acl.found`.
    pub allow_everyone_if_no_acl_found: bool,
    /// Kafka's `connections.max.reauth.ms`; 0 for no limit.
    pub connections_max_reauth_ms: u64,
    /// Directory holding the topic logs and the lock file; unused when `in_memory`.
    pub data_dir: PathBuf,
    /// Keep logs in memory only.
    pub in_memory: bool,
    /// A tracing filter: a level or `target=level` directives.
    pub log_level: String,
    /// When written data is fsynced.
    pub fsync: FsyncPolicy,
    /// Period of the background fsync under [`FsyncPolicy::Interval`].
    pub fsync_interval_ms: u64,
    /// Partition count of topics created without one (Kafka's `num.partitions`).
    pub default_partitions: i32,
    /// Create unknown topics on produce or metadata requests.
    pub auto_create_topics: bool,
    /// Client connections served at once.
    pub max_connections: usize,
    /// Connections served at once from one IP address (Kafka's `max.connections.per.ip`).
    pub max_connections_per_ip: usize,
    /// Per-partition log series in /metrics.
    pub metrics_partition_series: bool,
    /// Labelled series per scrape at most.
    pub metrics_max_series: usize,
    /// Idle time after which a connection with nothing in flight is closed.
    pub connections_max_idle_ms: u64,
    /// Time a new connection has to complete its first request.
    pub first_request_timeout_ms: u64,
    /// Largest request frame accepted (Kafka's `socket.request.max.bytes`).
    pub max_frame_bytes: usize,
    /// Bytes of incomplete requests buffered across all connections.
    pub queued_max_request_bytes: usize,
    /// Largest record batch accepted (Kafka's `message.max.bytes`).
    pub message_max_bytes: usize,
    /// Size at which the active segment is rolled.
    pub log_segment_bytes: u64,
    /// Age at which the active segment is rolled.
    pub log_segment_ms: i64,
    /// Age after which closed segments are deleted; -1 keeps them forever.
    pub log_retention_ms: i64,
    /// Partition size above which the oldest closed segments are deleted; -1 means no limit.
    pub log_retention_bytes: i64,
    /// How often retention limits are enforced.
    pub log_retention_check_interval_ms: u64,
    /// Default `cleanup.policy` of topics.
    pub log_cleanup_policy: String,
    /// Run the log cleaner.
    pub log_cleaner_enable: bool,
    /// Wait between looks for a partition due for cleaning.
    pub log_cleaner_backoff_ms: u64,
    /// Memory of the cleaner's key → offset map.
    pub log_cleaner_dedupe_buffer_size: u64,
    /// The cleaner's I/O limit in bytes per second; 0 for none.
    pub log_cleaner_io_max_bytes_per_second: u64,
    /// Default `min.cleanable.dirty.ratio` of topics.
    pub log_cleaner_min_cleanable_ratio: f64,
    /// Default `min.compaction.lag.ms` of topics.
    pub log_cleaner_min_compaction_lag_ms: i64,
    /// Default `max.compaction.lag.ms` of topics.
    pub log_cleaner_max_compaction_lag_ms: i64,
    /// Default `delete.retention.ms` of topics.
    pub log_cleaner_delete_retention_ms: i64,
    /// Consumer-protocol (KIP-848) group members not heard from for this long are removed.
    pub group_consumer_session_timeout_ms: u64,
    /// How often consumer-protocol (KIP-848) group members are told to heartbeat.
    pub group_consumer_heartbeat_interval_ms: u64,
    /// Broker id reported to clients.
    pub node_id: i32,
}

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen_addr: SocketAddr::from(([127, 0, 0, 1], 9092)),
            advertised_addr: None,
            http_addr: None,
            schema_registry_addr: None,
            listeners: Vec::new(),
            advertised_listeners: Vec::new(),
            allow_unauthenticated_remote: false,
            ssl_certificate_location: None,
            ssl_key_location: None,
            ssl_ca_location: None,
            ssl_client_auth: crate::security::tls::ClientAuth::None,
            ssl_principal_mapping_rules: "DEFAULT".to_owned(),
            sasl_enabled_mechanisms: "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512".to_owned(),
            sasl_users: Vec::new(),
            sasl_oauthbearer_jwks_endpoint_url: None,
            sasl_oauthbearer_expected_issuer: None,
            sasl_oauthbearer_expected_audience: None,
            sasl_oauthbearer_sub_claim_name: "sub".to_owned(),
            authorizer_enable: false,
            super_users: Vec::new(),
            allow_everyone_if_no_acl_found: false,
            connections_max_reauth_ms: 0,
            data_dir: PathBuf::from("./data"),
            in_memory: false,
            log_level: "info".to_owned(),
            fsync: FsyncPolicy::Acks,
            fsync_interval_ms: 1000,
            default_partitions: 1,
            auto_create_topics: true,
            max_connections: 1024,
            max_connections_per_ip: 2_147_483_647,
            metrics_partition_series: false,
            metrics_max_series: 10_000,
            connections_max_idle_ms: 600_000,
            first_request_timeout_ms: 10_000,
            max_frame_bytes: 100 * MIB,
            queued_max_request_bytes: 256 * MIB,
            // Kafka's default: 1 MiB of records plus the 12-byte batch log overhead.
            message_max_bytes: 1_048_588,
            log_segment_bytes: 1 << 30,
            log_segment_ms: 7 * DAY_MS,
            log_retention_ms: 7 * DAY_MS,
            log_retention_bytes: -1,
            log_retention_check_interval_ms: 300_000,
            log_cleanup_policy: "delete".to_owned(),
            log_cleaner_enable: true,
            log_cleaner_backoff_ms: 15_000,
            log_cleaner_dedupe_buffer_size: 128 * MIB as u64,
            log_cleaner_io_max_bytes_per_second: 0,
            log_cleaner_min_cleanable_ratio: 0.5,
            log_cleaner_min_compaction_lag_ms: 0,
            log_cleaner_max_compaction_lag_ms: i64::MAX,
            log_cleaner_delete_retention_ms: DAY_MS,
            group_consumer_session_timeout_ms: 45_000,
            group_consumer_heartbeat_interval_ms: 5_000,
            node_id: 0,
        }
    }
}

#[cfg(feature = "cli")]
impl ServerConfig {
    /// Resolves the configuration of `streamline serve`. `flags` is what clap parsed, which
    /// already prefers a flag over its `STREAMLINE_*` variable; `config_file` is the
    /// `-c/--config` file, if any.
    pub fn load(flags: ConfigLayer, config_file: Option<&Path>) -> Result<ServerConfig> {
        let file = match config_file {
            Some(path) => ConfigLayer::from_file(path)?,
            None => ConfigLayer::default(),
        };
        let rust_log = ConfigLayer {
            log_level: std::env::var("RUST_LOG")
                .ok()
                .filter(|v| !v.trim().is_empty()),
            ..ConfigLayer::default()
        };
        ServerConfig::resolve(&[flags, rust_log, file])
    }

    /// Merges `layers`, highest precedence first: each key takes its value from the first layer
    /// that sets it, else the default. The result is validated.
    pub fn resolve(layers: &[ConfigLayer]) -> Result<ServerConfig> {
        let defaults = ServerConfig::default();
        macro_rules! pick {
            ($key:ident) => {
                layers
                    .iter()
                    .find_map(|layer| layer.$key.clone())
                    .unwrap_or(defaults.$key)
            };
        }
        let config = ServerConfig {
            listen_addr: pick!(listen_addr),
            advertised_addr: layers
                .iter()
                .find_map(|layer| layer.advertised_addr.clone())
                .or(defaults.advertised_addr),
            http_addr: layers
                .iter()
                .find_map(|layer| layer.http_addr)
                .or(defaults.http_addr),
            schema_registry_addr: layers
                .iter()
                .find_map(|layer| layer.schema_registry_addr)
                .or(defaults.schema_registry_addr),
            listeners: pick!(listeners),
            advertised_listeners: pick!(advertised_listeners),
            allow_unauthenticated_remote: pick!(allow_unauthenticated_remote),
            ssl_certificate_location: layers
                .iter()
                .find_map(|layer| layer.ssl_certificate_location.clone()),
            ssl_key_location: layers
                .iter()
                .find_map(|layer| layer.ssl_key_location.clone()),
            ssl_ca_location: layers
                .iter()
                .find_map(|layer| layer.ssl_ca_location.clone()),
            ssl_client_auth: pick!(ssl_client_auth),
            ssl_principal_mapping_rules: pick!(ssl_principal_mapping_rules),
            sasl_enabled_mechanisms: pick!(sasl_enabled_mechanisms),
            sasl_users: pick!(sasl_users),
            sasl_oauthbearer_jwks_endpoint_url: layers
                .iter()
                .find_map(|layer| layer.sasl_oauthbearer_jwks_endpoint_url.clone()),
            sasl_oauthbearer_expected_issuer: layers
                .iter()
                .find_map(|layer| layer.sasl_oauthbearer_expected_issuer.clone()),
            sasl_oauthbearer_expected_audience: layers
                .iter()
                .find_map(|layer| layer.sasl_oauthbearer_expected_audience.clone()),
            sasl_oauthbearer_sub_claim_name: pick!(sasl_oauthbearer_sub_claim_name),
            authorizer_enable: pick!(authorizer_enable),
            super_users: pick!(super_users),
            allow_everyone_if_no_acl_found: pick!(allow_everyone_if_no_acl_found),
            connections_max_reauth_ms: pick!(connections_max_reauth_ms),
            data_dir: pick!(data_dir),
            in_memory: pick!(in_memory),
            log_level: pick!(log_level),
            fsync: pick!(fsync),
            fsync_interval_ms: pick!(fsync_interval_ms),
            default_partitions: pick!(default_partitions),
            auto_create_topics: pick!(auto_create_topics),
            max_connections: pick!(max_connections),
            max_connections_per_ip: pick!(max_connections_per_ip),
            metrics_partition_series: pick!(metrics_partition_series),
            metrics_max_series: pick!(metrics_max_series),
            connections_max_idle_ms: pick!(connections_max_idle_ms),
            first_request_timeout_ms: pick!(first_request_timeout_ms),
            max_frame_bytes: pick!(max_frame_bytes),
            queued_max_request_bytes: pick!(queued_max_request_bytes),
            message_max_bytes: pick!(message_max_bytes),
            log_segment_bytes: pick!(log_segment_bytes),
            log_segment_ms: pick!(log_segment_ms),
            log_retention_ms: pick!(log_retention_ms),
            log_retention_bytes: pick!(log_retention_bytes),
            log_retention_check_interval_ms: pick!(log_retention_check_interval_ms),
            log_cleanup_policy: pick!(log_cleanup_policy),
            log_cleaner_enable: pick!(log_cleaner_enable),
            log_cleaner_backoff_ms: pick!(log_cleaner_backoff_ms),
            log_cleaner_dedupe_buffer_size: pick!(log_cleaner_dedupe_buffer_size),
            log_cleaner_io_max_bytes_per_second: pick!(log_cleaner_io_max_bytes_per_second),
            log_cleaner_min_cleanable_ratio: pick!(log_cleaner_min_cleanable_ratio),
            log_cleaner_min_compaction_lag_ms: pick!(log_cleaner_min_compaction_lag_ms),
            log_cleaner_max_compaction_lag_ms: pick!(log_cleaner_max_compaction_lag_ms),
            log_cleaner_delete_retention_ms: pick!(log_cleaner_delete_retention_ms),
            group_consumer_session_timeout_ms: pick!(group_consumer_session_timeout_ms),
            group_consumer_heartbeat_interval_ms: pick!(group_consumer_heartbeat_interval_ms),
            node_id: pick!(node_id),
        };
        config.validate()?;
        Ok(config)
    }
}

#[cfg(all(test, feature = "cli"))]
mod tests {
    use super::*;

    fn layer_with_partitions(n: i32) -> ConfigLayer {
        ConfigLayer {
            default_partitions: Some(n),
            ..ConfigLayer::default()
        }
    }

    #[test]
    fn no_layers_give_the_defaults() {
        assert_eq!(ServerConfig::resolve(&[]).unwrap(), ServerConfig::default());
    }

    #[test]
    fn first_layer_that_sets_a_key_wins() {
        let flags = layer_with_partitions(3);
        let env = layer_with_partitions(5);
        let file = ConfigLayer {
            node_id: Some(7),
            ..layer_with_partitions(9)
        };
        let config = ServerConfig::resolve(&[flags, env, file]).unwrap();
        assert_eq!(config.default_partitions, 3);
        assert_eq!(
            config.node_id, 7,
            "a key only the file sets comes from the file"
        );
        assert_eq!(
            config.max_connections, 1024,
            "unset keys keep their default"
        );
    }

    #[test]
    fn lower_layers_fill_keys_the_higher_ones_leave_unset() {
        let flags = ConfigLayer::default();
        let file = ConfigLayer::from_toml("fsync = \"always\"\ndefault_partitions = 4\n").unwrap();
        let config = ServerConfig::resolve(&[flags, file]).unwrap();
        assert_eq!(config.fsync, FsyncPolicy::Always);
        assert_eq!(config.default_partitions, 4);
    }

    #[test]
    fn optional_key_is_taken_from_any_layer() {
        let file = ConfigLayer {
            advertised_addr: Some("broker.internal:9092".to_owned()),
            ..ConfigLayer::default()
        };
        let config = ServerConfig::resolve(&[ConfigLayer::default(), file]).unwrap();
        assert_eq!(
            config.advertised_addr.as_deref(),
            Some("broker.internal:9092")
        );
    }

    #[test]
    fn resolve_rejects_an_invalid_result() {
        let err = ServerConfig::resolve(&[layer_with_partitions(0)]).unwrap_err();
        assert!(err.to_string().contains("default_partitions"), "{err}");
    }

    #[test]
    fn load_reads_the_file_below_the_flags() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("streamline.toml");
        std::fs::write(&path, "default_partitions = 6\nnode_id = 2\n").unwrap();
        let config = ServerConfig::load(layer_with_partitions(2), Some(&path)).unwrap();
        assert_eq!(config.default_partitions, 2);
        assert_eq!(config.node_id, 2);
    }
}
