//! The broker: the registry of topics and partitions that every Kafka API handler works on.
//! One file per Kafka API family lives beside this one; each exposes a `handle` function that
//! takes the decoded request and returns the response for the negotiated version.
//!
//! On disk a broker owns `<data>/meta.json` (cluster id), `<data>/topics/` (one directory per
//! topic), `<data>/groups/` (committed offsets), `<data>/transactions/` (the transaction log),
//! `<data>/security/` (SCRAM credentials and ACLs) and `<data>/deleted/` (topics being
//! removed). In memory mode it owns nothing on disk.

pub mod acls;
pub mod api_versions;
pub mod cluster;
pub mod configs;
pub mod context;
pub mod delete_records;
pub mod describe_configs_v0;
pub mod describe_producers;
pub mod fetch;
pub mod groups;
pub mod init_producer_id;
pub mod leader_epoch;
pub mod list_offsets;
pub mod list_offsets_v0;
pub mod log_dirs;
pub mod lookup;
pub mod metadata;
pub mod names;
pub mod offset_commit_v0;
pub mod partition;
pub mod produce;
pub mod producer_ids;
pub mod producer_state;
pub mod security;
pub mod topic;
pub mod topic_config;
pub mod topics;
pub mod txn;
pub mod users;
pub mod write_txn_markers;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::config::{FsyncPolicy, ServerConfig};
use crate::storage::cleaner::{self, CleanerSettings, Throttle};
use crate::storage::LogConfig;
use crate::{Error, Result};
use partition::Partition;
use topic::Topic;
use topic_config::{TopicConfig, TopicDefaults};

/// The most partitions one topic may have; larger requests are refused as absurd.
pub const MAX_PARTITIONS_PER_TOPIC: i32 = 10_000;

/// Where clients reach this broker, as published in Metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub host: String,
    pub port: i32,
}

/// A listener's advertised endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerEndpoint {
    pub name: String,
    pub endpoint: Endpoint,
}

/// Broker-wide settings derived from the server configuration.
#[derive(Debug, Clone)]
pub struct BrokerSettings {
    pub node_id: i32,
    /// Where clients are told to connect when their listener is not known (in process).
    pub endpoint: Endpoint,
    /// Each listener's advertised endpoint: a client is told the addresses of the listener it
    /// came in on, as Kafka does.
    pub listeners: Vec<ListenerEndpoint>,
    /// How requests are authorized.
    pub authorizer: security::AuthorizerSettings,
    pub data_dir: Option<PathBuf>,
    pub default_partitions: i32,
    pub auto_create_topics: bool,
    pub fsync: FsyncPolicy,
    pub defaults: TopicDefaults,
    pub consumer_groups: groups::ConsumerGroupConfig,
    /// The log cleaner's settings (compaction).
    pub cleaner: CleanerSettings,
}

impl BrokerSettings {
    /// Settings for `config`, published at `endpoint`.
    pub fn from_config(config: &ServerConfig, endpoint: Endpoint) -> BrokerSettings {
        // Validated with the config; an unparsable policy cannot get here.
        let policy =
            topic_config::parse_policy(&config.log_cleanup_policy).unwrap_or((true, false));
        BrokerSettings {
            cleaner: CleanerSettings {
                dedupe_buffer_bytes: usize::try_from(config.log_cleaner_dedupe_buffer_size)
                    .unwrap_or(usize::MAX),
            },
            node_id: config.node_id,
            endpoint,
            listeners: Vec::new(),
            authorizer: security::AuthorizerSettings {
                enable: config.authorizer_enable,
                super_users: config.super_users.clone(),
                allow_if_no_acl: config.allow_everyone_if_no_acl_found,
            },
            data_dir: (!config.in_memory).then(|| config.data_dir.clone()),
            default_partitions: config.default_partitions,
            auto_create_topics: config.auto_create_topics,
            fsync: config.fsync,
            defaults: TopicDefaults {
                log: LogConfig {
                    segment_bytes: config.log_segment_bytes,
                    segment_ms: config.log_segment_ms,
                    retention_ms: config.log_retention_ms,
                    retention_bytes: config.log_retention_bytes,
                    delete: policy.0,
                    compact: policy.1,
                    min_cleanable_dirty_ratio: config.log_cleaner_min_cleanable_ratio,
                    min_compaction_lag_ms: config.log_cleaner_min_compaction_lag_ms,
                    max_compaction_lag_ms: config.log_cleaner_max_compaction_lag_ms,
                    delete_retention_ms: config.log_cleaner_delete_retention_ms,
                    ..LogConfig::default()
                },
                max_message_bytes: config.message_max_bytes,
            },
            consumer_groups: groups::ConsumerGroupConfig {
                session_timeout: Duration::from_millis(config.group_consumer_session_timeout_ms),
                heartbeat_interval: Duration::from_millis(
                    config.group_consumer_heartbeat_interval_ms,
                ),
            },
        }
    }
}

#[derive(Default)]
struct Registry {
    by_name: HashMap<String, Arc<Topic>>,
    by_id: HashMap<Uuid, Arc<Topic>>,
}

#[derive(Serialize, Deserialize)]
struct BrokerMeta {
    cluster_id: String,
}

/// The broker core shared by every connection.
pub struct Broker {
    pub settings: BrokerSettings,
    pub cluster_id: String,
    pub producer_ids: producer_ids::ProducerIds,
    pub groups: groups::GroupCoordinator,
    pub txns: txn::TransactionCoordinator,
    /// SCRAM credentials, ACLs and the authorization check.
    pub security: security::BrokerSecurity,
    /// Counters for `GET /metrics`.
    pub metrics: crate::metrics::BrokerMetrics,
    topics: RwLock<Registry>,
    /// The data directory's lock, held for as long as anything uses this broker: a server
    /// stopped without waiting (an embedded broker dropped) may still have requests finishing,
    /// and the directory must not pass to another broker before they are done.
    data_dir_lock: std::sync::OnceLock<crate::lock::DataDirLock>,
}

/// Milliseconds since the Unix epoch, as Kafka timestamps are.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

impl Broker {
    /// Opens the broker: loads every topic from the data directory (recovering logs) or starts
    /// empty in memory.
    pub fn open(settings: BrokerSettings) -> Result<Broker> {
        let mut registry = Registry::default();
        let cluster_id = match &settings.data_dir {
            Some(dir) => {
                fs::create_dir_all(dir.join("topics"))?;
                remove_deleted(dir);
                for topic in load_topics(&dir.join("topics"), &settings.defaults)? {
                    let topic = Arc::new(topic);
                    registry.by_id.insert(topic.id, topic.clone());
                    registry.by_name.insert(topic.name.clone(), topic);
                }
                load_cluster_id(dir)?
            }
            None => new_cluster_id(),
        };
        let producer_ids = producer_ids::ProducerIds::open(settings.data_dir.as_deref())?;
        let groups =
            groups::GroupCoordinator::open(settings.data_dir.as_deref(), settings.consumer_groups)?;
        let txns = txn::TransactionCoordinator::open(settings.data_dir.as_deref())?;
        let security =
            security::BrokerSecurity::open(settings.data_dir.as_deref(), &settings.authorizer)?;
        Ok(Broker {
            security,
            settings,
            cluster_id,
            producer_ids,
            groups,
            txns,
            metrics: crate::metrics::BrokerMetrics::default(),
            topics: RwLock::new(registry),
            data_dir_lock: std::sync::OnceLock::new(),
        })
    }

    /// Keeps the data directory's lock until this broker is dropped (once; a second lock is
    /// released at once, as it would be by its owner).
    pub fn hold_lock(&self, lock: crate::lock::DataDirLock) {
        let _ = self.data_dir_lock.set(lock);
    }

    fn registry(&self) -> std::sync::RwLockReadGuard<'_, Registry> {
        self.topics.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Where a client that came in on `ctx`'s listener is told to connect.
    pub fn endpoint_for(&self, ctx: &context::RequestContext) -> &Endpoint {
        ctx.listener
            .as_deref()
            .and_then(|name| self.settings.listeners.iter().find(|l| l.name == name))
            .map_or(&self.settings.endpoint, |l| &l.endpoint)
    }

    /// A topic by name.
    pub fn topic(&self, name: &str) -> Option<Arc<Topic>> {
        self.registry().by_name.get(name).cloned()
    }

    /// A topic by its UUID.
    pub fn topic_by_id(&self, id: Uuid) -> Option<Arc<Topic>> {
        self.registry().by_id.get(&id).cloned()
    }

    /// Every topic, sorted by name.
    pub fn topics(&self) -> Vec<Arc<Topic>> {
        let mut all: Vec<_> = self.registry().by_name.values().cloned().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }

    /// Every topic's name by its topic ID.
    pub fn topic_names_by_id(&self) -> std::collections::BTreeMap<Uuid, String> {
        self.topics()
            .iter()
            .map(|t| (t.id, t.name.clone()))
            .collect()
    }

    /// A partition by topic name and index.
    pub fn partition(&self, topic: &str, index: i32) -> Option<Arc<Partition>> {
        self.topic(topic).and_then(|t| t.partition(index))
    }

    /// Creates a topic. `partitions` of -1 means the broker default.
    pub fn create_topic(
        &self,
        name: &str,
        partitions: i32,
        configs: BTreeMap<String, String>,
        validate_only: bool,
    ) -> Result<Arc<Topic>> {
        names::validate_topic_name(name)?;
        let partitions = if partitions == -1 {
            self.settings.default_partitions
        } else {
            partitions
        };
        check_partition_count(partitions)?;
        let config = TopicConfig::from_overrides(configs)?;
        let mut registry = self.topics.write().unwrap_or_else(|e| e.into_inner());
        if registry.by_name.contains_key(name) {
            return Err(Error::TopicAlreadyExists(format!(
                "topic '{name}' already exists"
            )));
        }
        let key = names::collision_key(name);
        if let Some(other) = registry
            .by_name
            .keys()
            .find(|n| names::collision_key(n) == key)
        {
            return Err(Error::InvalidTopic(format!(
                "topic '{name}' collides with existing topic '{other}' ('.' and '_' are interchangeable)"
            )));
        }
        // A diskless topic has no directory: its partitions are in memory, and without its
        // metadata file it is not there after a restart.
        let topics_dir = match config.diskless() {
            true => None,
            false => self.settings.data_dir.as_ref().map(|d| d.join("topics")),
        };
        if validate_only {
            return Ok(Arc::new(Topic::create(
                None,
                name,
                0,
                config,
                &self.settings.defaults,
            )?));
        }
        let topic = Arc::new(Topic::create(
            topics_dir.as_deref(),
            name,
            partitions,
            config,
            &self.settings.defaults,
        )?);
        registry.by_id.insert(topic.id, topic.clone());
        registry.by_name.insert(name.to_string(), topic.clone());
        tracing::info!(
            topic = name,
            partitions,
            diskless = topic.dir().is_none() && self.settings.data_dir.is_some(),
            "created topic"
        );
        Ok(topic)
    }

    /// Returns the topic, creating it with the default partition count when auto-creation is
    /// enabled and `allow` says the request permits it.
    pub fn topic_or_auto_create(&self, name: &str, allow: bool) -> Result<Arc<Topic>> {
        if let Some(t) = self.topic(name) {
            return Ok(t);
        }
        if !(allow && self.settings.auto_create_topics) {
            return Err(Error::UnknownTopicOrPartition(name.to_string()));
        }
        match self.create_topic(name, -1, BTreeMap::new(), false) {
            Ok(t) => Ok(t),
            // Another connection created it between our lookup and the create.
            Err(Error::TopicAlreadyExists(_)) => self
                .topic(name)
                .ok_or_else(|| Error::UnknownTopicOrPartition(name.to_string())),
            Err(e) => Err(e),
        }
    }

    /// Deletes a topic and its data.
    pub fn delete_topic(&self, topic: &Arc<Topic>) -> Result<()> {
        let mut removed = None;
        if let (Some(data), Some(dir)) = (&self.settings.data_dir, topic.dir()) {
            // Renaming first makes the deletion atomic: a crash mid-way leaves a directory
            // under deleted/ that the next start removes, never a half-deleted topic. The
            // topic id alone names it there — a legal name of up to 249 characters plus an id
            // would pass the file-name limit — and only a completed rename removes the topic
            // from the running broker, so a failed delete leaves it whole in both places.
            let graveyard = data.join("deleted");
            fs::create_dir_all(&graveyard)?;
            let target = graveyard.join(topic.id.to_string());
            fs::rename(dir, &target)?;
            removed = Some(target);
        }
        // A compaction pass in flight must not swap files into the old path, where a new
        // topic of the same name may soon live.
        for p in topic.partitions() {
            p.log().close_for_deletion();
        }
        {
            let mut registry = self.topics.write().unwrap_or_else(|e| e.into_inner());
            registry.by_name.remove(&topic.name);
            registry.by_id.remove(&topic.id);
        }
        for p in topic.partitions() {
            p.wake_fetchers();
        }
        if let Some(target) = removed {
            if let Err(e) = fs::remove_dir_all(&target) {
                tracing::warn!(path = %target.display(), error = %e, "could not remove deleted topic data");
            }
        }
        tracing::info!(topic = %topic.name, "deleted topic");
        Ok(())
    }

    /// fsyncs every partition (shutdown and `--fsync interval`).
    pub fn flush_all(&self) -> Result<()> {
        for t in self.topics() {
            for p in t.partitions() {
                p.flush()?;
            }
        }
        Ok(())
    }

    /// The clean-shutdown checkpoint of every partition (see [`Partition::close_cleanly`]):
    /// everything fsynced, producer state and the active segments recorded.
    pub fn checkpoint(&self) -> Result<()> {
        for t in self.topics() {
            for p in t.partitions() {
                p.close_cleanly()?;
            }
        }
        Ok(())
    }

    /// Snapshots every partition's idempotent-producer state (failures are logged: a missing
    /// snapshot only makes the next start read more of the log).
    pub fn snapshot_producers(&self) {
        for t in self.topics() {
            for p in t.partitions() {
                if let Err(e) = p.snapshot_producers() {
                    tracing::warn!(topic = %t.name, partition = p.index, error = %e, "producer state snapshot failed");
                }
            }
        }
    }

    /// The coordinators' timers, every [`groups::TICK_MS`]: group sessions and rebalances,
    /// transaction timeouts and decided transactions still to complete.
    pub fn tick(self: &Arc<Self>) {
        self.groups.tick();
        txn::tick(self);
    }

    /// Compacts the partitions due for it, filthiest first, until none is due, the throttle
    /// says stop or `MAX_PASSES` passes ran (the rest wait for the next round). Returns the
    /// passes run.
    pub fn clean_logs(&self, throttle: &mut Throttle) -> usize {
        const MAX_PASSES: usize = 64;
        let mut passes = 0;
        while passes < MAX_PASSES && !throttle.stopping() {
            let now = now_ms();
            let mut filthiest: Option<(f64, Arc<Topic>, Arc<Partition>)> = None;
            for t in self.topics() {
                for p in t.partitions() {
                    if !p.log().config().compact {
                        continue;
                    }
                    let lso = p.offsets().last_stable_offset;
                    let Some((c, _)) = p.log().cleaning_due(lso, now) else {
                        continue;
                    };
                    let ratio = c.dirty_ratio();
                    if filthiest.as_ref().is_none_or(|(best, _, _)| ratio > *best) {
                        filthiest = Some((ratio, t.clone(), p));
                    }
                }
            }
            let Some((_, t, p)) = filthiest else {
                break;
            };
            passes += 1;
            let inputs = p.cleaner_inputs(now);
            match cleaner::clean(p.as_ref(), &inputs, &self.settings.cleaner, throttle) {
                Ok(Some(summary)) => {
                    tracing::info!(
                        topic = %t.name, partition = p.index, due = ?summary.due,
                        read_bytes = summary.bytes_read, written_bytes = summary.bytes_written,
                        records_kept = summary.records_kept, records_read = summary.records_read,
                        map_bytes = summary.map_bytes, ms = summary.duration.as_millis() as u64,
                        "compacted a partition"
                    );
                    if let Err(e) = p.settle_aborted(&summary.settled_aborts) {
                        tracing::warn!(topic = %t.name, partition = p.index, error = %e, "cannot record settled transactions");
                    }
                }
                Ok(None) => {}
                Err(_) if throttle.stopping() => break,
                Err(e) => {
                    tracing::error!(topic = %t.name, partition = p.index, error = %e, "compaction failed; the partition is not cleaned again until the broker restarts");
                    p.log().cleaning_failed(e.to_string());
                }
            }
        }
        passes
    }

    /// Applies retention to every partition; returns the number of segments deleted.
    pub fn apply_retention(&self) -> usize {
        let now = now_ms();
        let mut deleted = 0;
        for t in self.topics() {
            for p in t.partitions() {
                match p.log().apply_retention(now) {
                    Ok(n) => deleted += n,
                    Err(e) => {
                        tracing::warn!(topic = %t.name, partition = p.index, error = %e, "retention failed")
                    }
                }
            }
        }
        deleted
    }
}

/// Refuses partition counts below one or above [`MAX_PARTITIONS_PER_TOPIC`].
pub fn check_partition_count(partitions: i32) -> Result<()> {
    if !(1..=MAX_PARTITIONS_PER_TOPIC).contains(&partitions) {
        return Err(Error::InvalidPartitions(format!(
            "number of partitions must be between 1 and {MAX_PARTITIONS_PER_TOPIC}, got {partitions}"
        )));
    }
    Ok(())
}

fn load_topics(topics_dir: &Path, defaults: &TopicDefaults) -> Result<Vec<Topic>> {
    let mut topics = Vec::new();
    for entry in fs::read_dir(topics_dir)? {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        if !path.join("metadata.json").exists() {
            // A crash during creation left a directory without metadata: nothing was ever
            // acknowledged in it.
            tracing::warn!(path = %path.display(), "ignoring topic directory without metadata.json");
            continue;
        }
        topics.push(Topic::open(&path, defaults)?);
    }
    Ok(topics)
}

fn remove_deleted(data_dir: &Path) {
    let graveyard = data_dir.join("deleted");
    if graveyard.exists() {
        if let Err(e) = fs::remove_dir_all(&graveyard) {
            tracing::warn!(path = %graveyard.display(), error = %e, "could not remove deleted topics");
        }
    }
}

fn new_cluster_id() -> String {
    // Kafka cluster ids are 22-character URL-safe base64 UUIDs; a simple UUID string serves
    // the same purpose for clients, which only compare it.
    Uuid::new_v4().simple().to_string()
}

fn load_cluster_id(data_dir: &Path) -> Result<String> {
    let path = data_dir.join("meta.json");
    match fs::read(&path) {
        Ok(raw) => {
            let meta: BrokerMeta = serde_json::from_slice(&raw).map_err(|e| Error::CorruptLog {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            Ok(meta.cluster_id)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let meta = BrokerMeta {
                cluster_id: new_cluster_id(),
            };
            let json = serde_json::to_vec_pretty(&meta)
                .map_err(|e| Error::Storage(format!("encoding meta.json: {e}")))?;
            topic::write_atomically(&path, &json)?;
            Ok(meta.cluster_id)
        }
        Err(e) => Err(e.into()),
    }
}

/// An in-memory broker for unit tests of the request handlers.
#[cfg(test)]
pub(crate) fn test_broker() -> Broker {
    let config = crate::config::ServerConfig {
        in_memory: true,
        ..crate::config::ServerConfig::default()
    };
    let endpoint = Endpoint {
        host: "h".into(),
        port: 1,
    };
    Broker::open(BrokerSettings::from_config(&config, endpoint)).expect("in-memory broker")
}
