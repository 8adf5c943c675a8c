//! One layer of server settings — what the command line, the environment or a config file
//! said — with every key optional. [`ServerConfig::resolve`](super::ServerConfig::resolve)
//! stacks layers into the effective configuration.
//!
//! This one type is both the clap argument group of `streamline serve` and the schema of the
//! TOML file, so each key is declared once for both: its field name is the TOML key, its doc
//! comment is the `--help` text and the generated file's comment, and its `env` attribute is the
//! `STREAMLINE_*` variable (clap resolves flag over variable before we ever see the value).
//! Unit tests in `config/template.rs` check that every key here has a matching
//! `ServerConfig` field, a `STREAMLINE_<KEY>` variable and an accurate `[default: …]`.

// The doc comments below are `serve --help` text first: written for a terminal, not rustdoc.
#![allow(rustdoc::broken_intra_doc_links)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::builder::BoolishValueParser;
use serde::Deserialize;

use super::FsyncPolicy;
use crate::{Error, Result};

/// Server settings from one source; `None` means "this source does not set the key".
#[derive(Debug, Clone, Default, PartialEq, clap::Args, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigLayer {
    /// Address the Kafka listener binds to; anything but loopback exposes the broker without
    /// authentication [default: 127.0.0.1:9092]
    #[arg(
        long,
        env = "STREAMLINE_LISTEN_ADDR",
        value_name = "HOST:PORT",
        help_heading = "Listener"
    )]
    pub listen_addr: Option<SocketAddr>,

    /// Address clients are told to connect to in Metadata responses (Kafka's
    /// advertised.listeners); unset means the listen address
    ///
    /// Unset with a wildcard listen address (0.0.0.0, [::]), this machine's host name is
    /// advertised. Set it when clients reach the broker through another name or port, e.g.
    /// from a container.
    #[arg(
        long,
        env = "STREAMLINE_ADVERTISED_ADDR",
        value_name = "HOST:PORT",
        help_heading = "Listener"
    )]
    pub advertised_addr: Option<String>,

    /// Address of the HTTP listener for health probes (/health/live, /health/ready) and
    /// Prometheus metrics (/metrics); unset means no HTTP listener, the flag alone means
    /// 127.0.0.1:9094
    ///
    /// Port 0 picks a free port; the bound address is printed on the second line of standard
    /// output (after the Kafka address) and written to the ready file's second line.
    #[arg(
        long,
        env = "STREAMLINE_HTTP_ADDR",
        value_name = "HOST:PORT",
        num_args = 0..=1,
        default_missing_value = "127.0.0.1:9094",
        help_heading = "Listener"
    )]
    pub http_addr: Option<SocketAddr>,

    /// Serve a schema registry speaking Confluent Schema Registry's REST API on this address
    /// (127.0.0.1:8081 when given without a value); schemas are kept in the `_schemas` topic
    ///
    /// Client serializers (KafkaAvroSerializer, confluent-kafka's AvroSerializer, …) point
    /// their `schema.registry.url` at http://HOST:PORT. Port 0 picks a free port; the bound
    /// address is printed on standard output after the Kafka (and HTTP) address.
    #[arg(
        long,
        env = "STREAMLINE_SCHEMA_REGISTRY_ADDR",
        value_name = "HOST:PORT",
        num_args = 0..=1,
        default_missing_value = "127.0.0.1:8081",
        help_heading = "Listener"
    )]
    pub schema_registry_addr: Option<SocketAddr>,

    /// A Kafka listener, NAME=PROTOCOL://HOST:PORT, repeatable (Kafka's listeners); PROTOCOL
    /// is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, and PROTOCOL://HOST:PORT alone is named
    /// after its protocol; set, these replace --listen-addr
    ///
    /// The first listener's address is the one printed on standard output and written to the
    /// ready file. Listeners without authentication (PLAINTEXT, SSL without required client
    /// certificates) bind only to loopback unless --allow-unauthenticated-remote is set.
    #[arg(
        long,
        visible_alias = "listener",
        env = "STREAMLINE_LISTENERS",
        value_name = "NAME=PROTO://HOST:PORT",
        value_delimiter = ',',
        help_heading = "Listener"
    )]
    pub listeners: Option<Vec<String>>,

    /// The address a listener is advertised as, NAME=HOST:PORT or NAME://HOST:PORT,
    /// repeatable (Kafka's advertised.listeners); a listener not named here is advertised as
    /// its bound address
    #[arg(
        long,
        visible_alias = "advertised-listener",
        env = "STREAMLINE_ADVERTISED_LISTENERS",
        value_name = "NAME=HOST:PORT",
        value_delimiter = ',',
        help_heading = "Listener"
    )]
    pub advertised_listeners: Option<Vec<String>>,

    /// Serve listeners without authentication on addresses other than loopback, where anyone
    /// who can connect can read, write and delete every topic [default: false]
    #[arg(
        long,
        env = "STREAMLINE_ALLOW_UNAUTHENTICATED_REMOTE",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = BoolishValueParser::new(),
        help_heading = "Listener"
    )]
    pub allow_unauthenticated_remote: Option<bool>,

    /// PEM certificate chain of SSL and SASL_SSL listeners, the broker's certificate first;
    /// reread when the file changes or on SIGHUP
    #[arg(
        long,
        env = "STREAMLINE_SSL_CERTIFICATE_LOCATION",
        value_name = "FILE",
        help_heading = "Security"
    )]
    pub ssl_certificate_location: Option<PathBuf>,

    /// PEM private key of the certificate (PKCS#8, PKCS#1 or SEC1)
    #[arg(
        long,
        env = "STREAMLINE_SSL_KEY_LOCATION",
        value_name = "FILE",
        help_heading = "Security"
    )]
    pub ssl_key_location: Option<PathBuf>,

    /// PEM CA certificates that client certificates must chain to (for --ssl-client-auth)
    #[arg(
        long,
        env = "STREAMLINE_SSL_CA_LOCATION",
        value_name = "FILE",
        help_heading = "Security"
    )]
    pub ssl_ca_location: Option<PathBuf>,

    /// Client certificates on SSL and SASL_SSL listeners: none, requested or required
    /// (Kafka's ssl.client.auth); a certificate's subject becomes the principal on SSL
    /// listeners [default: none]
    #[arg(
        long,
        env = "STREAMLINE_SSL_CLIENT_AUTH",
        value_name = "MODE",
        help_heading = "Security"
    )]
    pub ssl_client_auth: Option<crate::security::tls::ClientAuth>,

    /// How a client certificate's subject DN becomes a principal name (Kafka's
    /// ssl.principal.mapping.rules): RULE:PATTERN/REPLACEMENT/[LU] entries and DEFAULT,
    /// comma-separated [default: DEFAULT]
    #[arg(
        long,
        env = "STREAMLINE_SSL_PRINCIPAL_MAPPING_RULES",
        value_name = "RULES",
        help_heading = "Security"
    )]
    pub ssl_principal_mapping_rules: Option<String>,

    /// SASL mechanisms SASL listeners offer, comma-separated: PLAIN, SCRAM-SHA-256,
    /// SCRAM-SHA-512, OAUTHBEARER (PLAIN checks the password against the user's SCRAM
    /// credentials)
    /// [default: PLAIN,SCRAM-SHA-256,SCRAM-SHA-512]
    #[arg(
        long,
        env = "STREAMLINE_SASL_ENABLED_MECHANISMS",
        value_name = "MECHANISMS",
        help_heading = "Security"
    )]
    pub sasl_enabled_mechanisms: Option<String>,

    /// A SASL user to create at start if it does not exist yet, NAME=PASSWORD, repeatable;
    /// stored as SCRAM-SHA-256 and SCRAM-SHA-512 credentials (never the password), then managed
    /// with `streamline users`
    #[arg(
        long,
        visible_alias = "sasl-user",
        env = "STREAMLINE_SASL_USERS",
        value_name = "NAME=PASSWORD",
        value_delimiter = ',',
        help_heading = "Security"
    )]
    pub sasl_users: Option<Vec<String>>,

    /// Where OAUTHBEARER tokens' signing keys are: a JWK set at an https://, http:// or
    /// file:// URL (Kafka's sasl.oauthbearer.jwks.endpoint.url), refetched hourly; unset,
    /// OAUTHBEARER accepts unsecured tokens, for development only
    #[arg(
        long,
        env = "STREAMLINE_SASL_OAUTHBEARER_JWKS_ENDPOINT_URL",
        value_name = "URL",
        help_heading = "Security"
    )]
    pub sasl_oauthbearer_jwks_endpoint_url: Option<String>,

    /// The issuer (iss) OAUTHBEARER tokens must name (Kafka's
    /// sasl.oauthbearer.expected.issuer)
    #[arg(
        long,
        env = "STREAMLINE_SASL_OAUTHBEARER_EXPECTED_ISSUER",
        value_name = "ISSUER",
        help_heading = "Security"
    )]
    pub sasl_oauthbearer_expected_issuer: Option<String>,

    /// An audience (aud) OAUTHBEARER tokens must include (Kafka's
    /// sasl.oauthbearer.expected.audience)
    #[arg(
        long,
        env = "STREAMLINE_SASL_OAUTHBEARER_EXPECTED_AUDIENCE",
        value_name = "AUDIENCE",
        help_heading = "Security"
    )]
    pub sasl_oauthbearer_expected_audience: Option<String>,

    /// The token claim naming the principal (Kafka's sasl.oauthbearer.sub.claim.name)
    /// [default: sub]
    #[arg(
        long,
        env = "STREAMLINE_SASL_OAUTHBEARER_SUB_CLAIM_NAME",
        value_name = "CLAIM",
        help_heading = "Security"
    )]
    pub sasl_oauthbearer_sub_claim_name: Option<String>,

    /// Enforce ACLs: every request is authorized against the ACLs as Apache Kafka's
    /// StandardAuthorizer does [default: false]
    #[arg(
        long,
        env = "STREAMLINE_AUTHORIZER_ENABLE",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = BoolishValueParser::new(),
        help_heading = "Security"
    )]
    pub authorizer_enable: Option<bool>,

    /// Principals allowed everything whatever the ACLs say, e.g. User:admin, repeatable,
    /// semicolon-separated in the variable (Kafka's super.users)
    #[arg(
        long,
        visible_alias = "super-user",
        env = "STREAMLINE_SUPER_USERS",
        value_name = "PRINCIPAL",
        value_delimiter = ';',
        help_heading = "Security"
    )]
    pub super_users: Option<Vec<String>>,

    /// Allow an action on a resource no ACL names (Kafka's allow.everyone.if.no.acl.found)
    /// [default: false]
    #[arg(
        long,
        env = "STREAMLINE_ALLOW_EVERYONE_IF_NO_ACL_FOUND",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = BoolishValueParser::new(),
        help_heading = "Security"
    )]
    pub allow_everyone_if_no_acl_found: Option<bool>,

    /// Longest a SASL session lasts before the client must re-authenticate (KIP-368,
    /// Kafka's connections.max.reauth.ms); 0 for no limit [default: 0]
    #[arg(
        long,
        env = "STREAMLINE_CONNECTIONS_MAX_REAUTH_MS",
        value_name = "MS",
        help_heading = "Security"
    )]
    pub connections_max_reauth_ms: Option<u64>,

    /// Directory holding the topic logs; one server process owns it at a time
    /// [default: ./data]
    #[arg(
        long,
        env = "STREAMLINE_DATA_DIR",
        value_name = "DIR",
        help_heading = "Storage"
    )]
    pub data_dir: Option<PathBuf>,

    /// Keep every log in memory only: nothing is written to disk and all data is lost on exit
    /// [default: false]
    #[arg(
        long,
        env = "STREAMLINE_IN_MEMORY",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = BoolishValueParser::new(),
        help_heading = "Storage"
    )]
    pub in_memory: Option<bool>,

    /// Log filter: a level (off, error, warn, info, debug, trace) or tracing directives such as
    /// "info,streamline=debug"; RUST_LOG applies when neither this flag nor
    /// STREAMLINE_LOG_LEVEL is set [default: info]
    #[arg(long, env = "STREAMLINE_LOG_LEVEL", value_name = "FILTER")]
    pub log_level: Option<String>,

    /// When written data is fsynced to disk: acks, always, interval or never [default: acks]
    ///
    /// Under the default, a produce with acks=all is answered only after an fsync covering its
    /// batch (one fsync covers every batch waiting at that moment), and acks=1 is answered once
    /// the write reaches the operating system's page cache.
    #[arg(
        long,
        env = "STREAMLINE_FSYNC",
        value_name = "POLICY",
        help_heading = "Durability"
    )]
    pub fsync: Option<FsyncPolicy>,

    /// Period of the background fsync under --fsync interval, in milliseconds [default: 1000]
    #[arg(
        long,
        env = "STREAMLINE_FSYNC_INTERVAL_MS",
        value_name = "MS",
        help_heading = "Durability"
    )]
    pub fsync_interval_ms: Option<u64>,

    /// Partition count of topics created without an explicit count, including auto-created
    /// ones (Kafka's num.partitions) [default: 1]
    #[arg(
        long,
        env = "STREAMLINE_DEFAULT_PARTITIONS",
        value_name = "N",
        help_heading = "Topics"
    )]
    pub default_partitions: Option<i32>,

    /// Create a topic when a client produces to or asks metadata for one that does not exist
    /// (Kafka's auto.create.topics.enable) [default: true]
    #[arg(
        long,
        env = "STREAMLINE_AUTO_CREATE_TOPICS",
        value_name = "BOOL",
        value_parser = BoolishValueParser::new(),
        help_heading = "Topics"
    )]
    pub auto_create_topics: Option<bool>,

    /// Client connections served at once; further connections are refused until one closes
    /// [default: 1024]
    #[arg(
        long,
        env = "STREAMLINE_MAX_CONNECTIONS",
        value_name = "N",
        help_heading = "Limits"
    )]
    pub max_connections: Option<usize>,

    /// Connections served at once from one IP address, so that one host cannot take every
    /// slot (Kafka's max.connections.per.ip) [default: 2147483647]
    #[arg(
        long,
        env = "STREAMLINE_MAX_CONNECTIONS_PER_IP",
        value_name = "N",
        help_heading = "Limits"
    )]
    pub max_connections_per_ip: Option<usize>,

    /// Also publish each partition's log size, offsets and segment count in /metrics, not
    /// only each topic's [default: false]
    #[arg(
        long,
        env = "STREAMLINE_METRICS_PARTITION_SERIES",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = BoolishValueParser::new(),
        help_heading = "Metrics"
    )]
    pub metrics_partition_series: Option<bool>,

    /// Labelled series one /metrics scrape holds at most; those beyond are left out and
    /// counted in streamline_metrics_series_dropped [default: 10000]
    #[arg(
        long,
        env = "STREAMLINE_METRICS_MAX_SERIES",
        value_name = "N",
        help_heading = "Metrics"
    )]
    pub metrics_max_series: Option<usize>,

    /// A connection with nothing in flight is closed after this long without a request
    /// (Kafka's connections.max.idle.ms, 10 minutes) [default: 600000]
    #[arg(
        long,
        env = "STREAMLINE_CONNECTIONS_MAX_IDLE_MS",
        value_name = "MS",
        help_heading = "Limits"
    )]
    pub connections_max_idle_ms: Option<u64>,

    /// A new connection is closed if its first complete request has not arrived within this
    /// long, so sockets that never speak cannot hold slots [default: 10000]
    #[arg(
        long,
        env = "STREAMLINE_FIRST_REQUEST_TIMEOUT_MS",
        value_name = "MS",
        help_heading = "Limits"
    )]
    pub first_request_timeout_ms: Option<u64>,

    /// Largest request frame accepted, in bytes; a larger one closes the connection (Kafka's
    /// socket.request.max.bytes, 100 MiB) [default: 104857600]
    #[arg(
        long,
        env = "STREAMLINE_MAX_FRAME_BYTES",
        value_name = "BYTES",
        help_heading = "Limits"
    )]
    pub max_frame_bytes: Option<usize>,

    /// Bytes of incomplete requests held for all connections together; beyond it, connections
    /// wait before reading more (Kafka's queued.max.request.bytes). At least max_frame_bytes
    /// [default: 268435456]
    #[arg(
        long,
        env = "STREAMLINE_QUEUED_MAX_REQUEST_BYTES",
        value_name = "BYTES",
        help_heading = "Limits"
    )]
    pub queued_max_request_bytes: Option<usize>,

    /// Largest record batch a producer may send, in bytes; larger ones are rejected with
    /// MESSAGE_TOO_LARGE (Kafka's message.max.bytes) [default: 1048588]
    #[arg(
        long,
        env = "STREAMLINE_MESSAGE_MAX_BYTES",
        value_name = "BYTES",
        help_heading = "Limits"
    )]
    pub message_max_bytes: Option<usize>,

    /// Size at which a partition's active segment is closed and a new one started (Kafka's
    /// log.segment.bytes, 1 GiB) [default: 1073741824]
    #[arg(
        long,
        env = "STREAMLINE_LOG_SEGMENT_BYTES",
        value_name = "BYTES",
        help_heading = "Retention"
    )]
    pub log_segment_bytes: Option<u64>,

    /// Age at which a partition's active segment is rolled even if not full (Kafka's
    /// log.roll.ms, 7 days) [default: 604800000]
    #[arg(
        long,
        env = "STREAMLINE_LOG_SEGMENT_MS",
        value_name = "MS",
        help_heading = "Retention"
    )]
    pub log_segment_ms: Option<i64>,

    /// How long closed segments are kept before deletion; -1 keeps them forever (Kafka's
    /// log.retention.ms, 7 days) [default: 604800000]
    #[arg(
        long,
        env = "STREAMLINE_LOG_RETENTION_MS",
        value_name = "MS",
        allow_negative_numbers = true,
        help_heading = "Retention"
    )]
    pub log_retention_ms: Option<i64>,

    /// Size a partition may reach before its oldest closed segments are deleted; -1 means no
    /// limit (Kafka's log.retention.bytes) [default: -1]
    #[arg(
        long,
        env = "STREAMLINE_LOG_RETENTION_BYTES",
        value_name = "BYTES",
        allow_negative_numbers = true,
        help_heading = "Retention"
    )]
    pub log_retention_bytes: Option<i64>,

    /// How often retention limits are checked (Kafka's
    /// log.retention.check.interval.ms) [default: 300000]
    #[arg(
        long,
        env = "STREAMLINE_LOG_RETENTION_CHECK_INTERVAL_MS",
        value_name = "MS",
        help_heading = "Retention"
    )]
    pub log_retention_check_interval_ms: Option<u64>,

    /// Default cleanup.policy of topics: delete, compact or compact,delete (Kafka's
    /// log.cleanup.policy) [default: delete]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANUP_POLICY",
        value_name = "POLICY",
        help_heading = "Compaction"
    )]
    pub log_cleanup_policy: Option<String>,

    /// Run the log cleaner that compacts topics with cleanup.policy=compact (Kafka's
    /// log.cleaner.enable) [default: true]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_ENABLE",
        value_name = "BOOL",
        value_parser = BoolishValueParser::new(),
        help_heading = "Compaction"
    )]
    pub log_cleaner_enable: Option<bool>,

    /// How long the cleaner waits before looking again when no partition is due (Kafka's
    /// log.cleaner.backoff.ms) [default: 15000]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_BACKOFF_MS",
        value_name = "MS",
        help_heading = "Compaction"
    )]
    pub log_cleaner_backoff_ms: Option<u64>,

    /// Memory for the cleaner's key to offset map, in bytes: 24 bytes per key of the part
    /// of a log cleaned in one pass (Kafka's log.cleaner.dedupe.buffer.size) [default: 134217728]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_DEDUPE_BUFFER_SIZE",
        value_name = "BYTES",
        help_heading = "Compaction"
    )]
    pub log_cleaner_dedupe_buffer_size: Option<u64>,

    /// Bytes per second the cleaner may read and write, 0 for no limit (Kafka's
    /// log.cleaner.io.max.bytes.per.second) [default: 0]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_IO_MAX_BYTES_PER_SECOND",
        value_name = "BYTES",
        help_heading = "Compaction"
    )]
    pub log_cleaner_io_max_bytes_per_second: Option<u64>,

    /// Default min.cleanable.dirty.ratio of topics: the share of a log not yet compacted at
    /// which it is cleaned (Kafka's log.cleaner.min.cleanable.ratio) [default: 0.5]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_MIN_CLEANABLE_RATIO",
        value_name = "RATIO",
        help_heading = "Compaction"
    )]
    pub log_cleaner_min_cleanable_ratio: Option<f64>,

    /// Default min.compaction.lag.ms of topics: records younger than this are not compacted
    /// (Kafka's log.cleaner.min.compaction.lag.ms) [default: 0]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_MIN_COMPACTION_LAG_MS",
        value_name = "MS",
        help_heading = "Compaction"
    )]
    pub log_cleaner_min_compaction_lag_ms: Option<i64>,

    /// Default max.compaction.lag.ms of topics: records older than this are compacted
    /// whatever the dirty ratio (Kafka's log.cleaner.max.compaction.lag.ms)
    /// [default: 9223372036854775807]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_MAX_COMPACTION_LAG_MS",
        value_name = "MS",
        help_heading = "Compaction"
    )]
    pub log_cleaner_max_compaction_lag_ms: Option<i64>,

    /// Default delete.retention.ms of topics: how long compaction keeps tombstones and
    /// transaction markers (Kafka's log.cleaner.delete.retention.ms) [default: 86400000]
    #[arg(
        long,
        env = "STREAMLINE_LOG_CLEANER_DELETE_RETENTION_MS",
        value_name = "MS",
        help_heading = "Compaction"
    )]
    pub log_cleaner_delete_retention_ms: Option<i64>,

    /// Members of consumer-protocol groups (KIP-848, group.protocol=consumer) not heard from
    /// for this long are removed and their partitions reassigned (Kafka's
    /// group.consumer.session.timeout.ms) [default: 45000]
    #[arg(
        long,
        env = "STREAMLINE_GROUP_CONSUMER_SESSION_TIMEOUT_MS",
        value_name = "MS",
        help_heading = "Consumer groups"
    )]
    pub group_consumer_session_timeout_ms: Option<u64>,

    /// How often members of consumer-protocol groups (KIP-848) are told to heartbeat (Kafka's
    /// group.consumer.heartbeat.interval.ms) [default: 5000]
    #[arg(
        long,
        env = "STREAMLINE_GROUP_CONSUMER_HEARTBEAT_INTERVAL_MS",
        value_name = "MS",
        help_heading = "Consumer groups"
    )]
    pub group_consumer_heartbeat_interval_ms: Option<u64>,

    /// Broker id reported to clients in Metadata responses (Kafka's node.id) [default: 0]
    #[arg(long, env = "STREAMLINE_NODE_ID", value_name = "ID")]
    pub node_id: Option<i32>,
}

impl ConfigLayer {
    /// Parses a TOML config file's text. Unknown keys are an error naming the key, so a typo
    /// never silently leaves a setting at its default.
    pub fn from_toml(text: &str) -> Result<ConfigLayer> {
        toml::from_str(text).map_err(|e| Error::InvalidConfig(e.to_string()))
    }

    /// Reads and parses the TOML config file at `path`; errors name the file.
    pub fn from_file(path: &Path) -> Result<ConfigLayer> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::InvalidConfig(format!("cannot read config file {}: {e}", path.display()))
        })?;
        toml::from_str(&text).map_err(|e| {
            Error::InvalidConfig(format!(
                "config file {}: {}",
                path.display(),
                e.to_string().trim_end()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_an_error_naming_the_key() {
        let err = ConfigLayer::from_toml("listen_adr = \"127.0.0.1:1\"\n").unwrap_err();
        assert!(err.to_string().contains("listen_adr"), "{err}");
    }

    #[test]
    fn wrong_type_is_an_error() {
        let err = ConfigLayer::from_toml("default_partitions = \"three\"\n").unwrap_err();
        assert!(err.to_string().contains("default_partitions"), "{err}");
    }

    #[test]
    fn parses_every_kind_of_value() {
        let layer = ConfigLayer::from_toml(
            "listen_addr = \"0.0.0.0:19092\"\nfsync = \"never\"\nin_memory = true\n\
             log_retention_ms = -1\ndata_dir = \"/var/lib/streamline\"\n",
        )
        .unwrap();
        assert_eq!(layer.listen_addr, Some("0.0.0.0:19092".parse().unwrap()));
        assert_eq!(layer.fsync, Some(FsyncPolicy::Never));
        assert_eq!(layer.in_memory, Some(true));
        assert_eq!(layer.log_retention_ms, Some(-1));
        assert_eq!(layer.data_dir, Some(PathBuf::from("/var/lib/streamline")));
        assert_eq!(layer.node_id, None);
    }

    #[test]
    fn missing_file_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("absent.toml");
        let err = ConfigLayer::from_file(&path).unwrap_err();
        assert!(err.to_string().contains("absent.toml"), "{err}");
    }

    #[test]
    fn file_errors_name_the_file_and_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("streamline.toml");
        std::fs::write(&path, "bogus_key = 1\n").unwrap();
        let message = ConfigLayer::from_file(&path).unwrap_err().to_string();
        assert!(message.contains("streamline.toml"), "{message}");
        assert!(message.contains("bogus_key"), "{message}");
        assert_eq!(message.matches("invalid config").count(), 1, "{message}");
    }
}
