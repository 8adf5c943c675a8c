//! A topic: its stable UUID, its partitions and its config overrides, and the `metadata.json`
//! that keeps the first and last across restarts.
//!
//! On disk: `<data>/topics/<name>/metadata.json` beside `partition-<n>/` directories. The
//! metadata file is replaced atomically (write to a temporary file, fsync, rename, fsync the
//! directory), so a crash leaves either the old or the new version, never a torn one.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::partition::Partition;
use super::topic_config::{TopicConfig, TopicDefaults};
use crate::storage::PartitionLog;
use crate::{Error, Result};

const METADATA_FILE: &str = "metadata.json";

/// What `metadata.json` records.
#[derive(Debug, Serialize, Deserialize)]
struct TopicMetadata {
    id: Uuid,
    partitions: i32,
    #[serde(default)]
    configs: BTreeMap<String, String>,
}

/// A topic and its partitions.
pub struct Topic {
    pub name: String,
    pub id: Uuid,
    partitions: RwLock<Vec<Arc<Partition>>>,
    config: RwLock<TopicConfig>,
    dir: Option<PathBuf>,
    /// Bytes and records in and out, for `GET /metrics`; they leave with the topic.
    pub traffic: crate::metrics::TopicTraffic,
}

impl Topic {
    /// Creates a new topic (and, when `topics_dir` is given, its directories and metadata).
    pub fn create(
        topics_dir: Option<&Path>,
        name: &str,
        partition_count: i32,
        config: TopicConfig,
        defaults: &TopicDefaults,
    ) -> Result<Topic> {
        let dir = topics_dir.map(|d| d.join(name));
        let topic = Topic {
            name: name.to_string(),
            id: Uuid::new_v4(),
            partitions: RwLock::new(Vec::new()),
            config: RwLock::new(config),
            dir,
            traffic: Default::default(),
        };
        if let Some(dir) = &topic.dir {
            fs::create_dir_all(dir)?;
        }
        if let Err(e) = topic.add_partitions(partition_count, defaults) {
            // Nothing of a topic that failed to come into being stays behind: no directory
            // without metadata for every later start (and `doctor --deep`) to trip over.
            // Close the partitions opened so far first: out of file descriptors, removing
            // the directory needs the ones they hold.
            topic
                .partitions
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .clear();
            if let Some(dir) = &topic.dir {
                if let Err(cleanup) = fs::remove_dir_all(dir) {
                    tracing::warn!(path = %dir.display(), error = %cleanup, "could not remove a topic whose creation failed");
                }
            }
            return Err(e);
        }
        Ok(topic)
    }

    /// Opens a topic directory written by [`Topic::create`], recovering each partition's log.
    pub fn open(dir: &Path, defaults: &TopicDefaults) -> Result<Topic> {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| corrupt(dir, "directory name is not UTF-8"))?
            .to_string();
        let raw = fs::read(dir.join(METADATA_FILE))?;
        let meta: TopicMetadata = serde_json::from_slice(&raw)
            .map_err(|e| corrupt(dir, &format!("{METADATA_FILE}: {e}")))?;
        let config = TopicConfig::from_overrides(meta.configs)?;
        let log_config = config.log_config(defaults);
        let mut partitions = Vec::new();
        for index in 0..meta.partitions {
            let (log, report) =
                PartitionLog::open(&dir.join(format!("partition-{index}")), log_config)?;
            if report.truncated_bytes > 0 || report.rebuilt_indexes > 0 {
                tracing::warn!(
                    topic = %name,
                    partition = index,
                    truncated_bytes = report.truncated_bytes,
                    rebuilt_indexes = report.rebuilt_indexes,
                    reason = report.reason.as_deref().unwrap_or(""),
                    "recovered partition log"
                );
            }
            partitions.push(Arc::new(Partition::open(index, log)?));
        }
        Ok(Topic {
            name,
            id: meta.id,
            partitions: RwLock::new(partitions),
            config: RwLock::new(config),
            dir: Some(dir.to_path_buf()),
            traffic: Default::default(),
        })
    }

    /// The topic's directory, when it lives on disk.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// A snapshot of the partitions.
    pub fn partitions(&self) -> Vec<Arc<Partition>> {
        self.partitions
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// One partition, if it exists.
    pub fn partition(&self, index: i32) -> Option<Arc<Partition>> {
        let parts = self.partitions.read().unwrap_or_else(|e| e.into_inner());
        usize::try_from(index)
            .ok()
            .and_then(|i| parts.get(i))
            .cloned()
    }

    /// The number of partitions.
    pub fn partition_count(&self) -> i32 {
        self.partitions
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .len() as i32
    }

    /// A copy of the config overrides.
    pub fn config(&self) -> TopicConfig {
        self.config
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Grows the topic by `count` partitions and persists the new count.
    pub fn add_partitions(&self, count: i32, defaults: &TopicDefaults) -> Result<()> {
        let log_config = self.config().log_config(defaults);
        let mut parts = self.partitions.write().unwrap_or_else(|e| e.into_inner());
        let first = parts.len() as i32;
        for index in first..first.saturating_add(count) {
            let log = match &self.dir {
                Some(dir) => {
                    PartitionLog::open(&dir.join(format!("partition-{index}")), log_config)?.0
                }
                None => PartitionLog::in_memory(log_config),
            };
            parts.push(Arc::new(Partition::open(index, log)?));
        }
        let total = parts.len() as i32;
        drop(parts);
        self.persist(total, &self.config())
    }

    /// Replaces the config overrides, applies them to every partition's log and persists them.
    pub fn set_config(&self, config: TopicConfig, defaults: &TopicDefaults) -> Result<()> {
        self.persist(self.partition_count(), &config)?;
        let log_config = config.log_config(defaults);
        for p in self.partitions() {
            p.log().set_config(log_config);
        }
        *self.config.write().unwrap_or_else(|e| e.into_inner()) = config;
        Ok(())
    }

    fn persist(&self, partitions: i32, config: &TopicConfig) -> Result<()> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let meta = TopicMetadata {
            id: self.id,
            partitions,
            configs: config.overrides().clone(),
        };
        let json = serde_json::to_vec_pretty(&meta)
            .map_err(|e| Error::Storage(format!("encoding topic metadata: {e}")))?;
        write_atomically(&dir.join(METADATA_FILE), &json)
    }
}

fn corrupt(dir: &Path, reason: &str) -> Error {
    Error::CorruptLog {
        path: dir.display().to_string(),
        reason: reason.to_string(),
    }
}

/// Replaces `path` with `contents` so that a crash leaves the old or the new file whole.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    if let Some(parent) = path.parent() {
        fs::File::open(parent)?.sync_all()?;
    }
    Ok(())
}
