//! The durable record of committed offsets and of each group's membership as of its last
//! rebalance: an append-only log under `<data>/groups/`,
//! replayed on start, rewritten atomically (compacted) when it holds mostly superseded records.
//!
//! On-disk format of `offsets.log`, a sequence of records:
//!
//! ```text
//! @0  length   u32 big endian   bytes of the payload
//! @4  checksum u32 big endian   CRC-32C of the payload
//! @8  payload  JSON             one [`Record`]
//! ```
//!
//! A torn or corrupt tail (a crash mid-write) ends the replay; the file is truncated there, so
//! later appends never follow garbage. An OffsetCommit is acknowledged only after its record
//! is fsynced; commits arriving while an fsync runs share the next one (group commit, as for
//! acks=all produces). In memory mode nothing is written and everything counts as durable.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::consumer::ConsumerGroup;
use crate::storage::file;
use crate::{Error, Result};

const FILE_NAME: &str = "offsets.log";
const HEADER_BYTES: usize = 8;
/// A record larger than this is corruption, not data (metadata is capped far below it).
const MAX_RECORD_BYTES: usize = 1 << 20;
/// Compaction is considered once this many records were appended since the last one...
const COMPACT_AFTER_RECORDS: u64 = 10_000;
/// ...and runs when the live offsets are fewer than this fraction (1/N) of the records.
const COMPACT_RATIO: u64 = 2;

/// One committed offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Committed {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<String>,
    pub commit_timestamp_ms: i64,
}

/// Committed offsets of one group, by topic and partition.
pub type GroupOffsets = BTreeMap<(String, i32), Committed>;

/// A group's membership as of its last completed rebalance, so members keep their
/// generation and assignment across a broker restart instead of all rejoining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMetadata {
    pub generation_id: i32,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub leader: Option<String>,
    pub members: Vec<MemberMetadata>,
}

/// One member in [`GroupMetadata`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberMetadata {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub session_timeout_ms: u64,
    pub rebalance_timeout_ms: u64,
    pub protocols: Vec<(String, Vec<u8>)>,
    pub assignment: Vec<u8>,
}

/// What the log holds for one group.
#[derive(Debug, Default)]
pub struct StoredGroup {
    pub offsets: GroupOffsets,
    pub metadata: Option<GroupMetadata>,
    pub consumer: Option<ConsumerGroup>,
}

/// One entry of the log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Record {
    Commit {
        group: String,
        topic: String,
        partition: i32,
        committed: Committed,
    },
    /// OffsetDelete of one partition.
    Delete {
        group: String,
        topic: String,
        partition: i32,
    },
    /// A completed rebalance (or the group becoming empty).
    Metadata {
        group: String,
        metadata: GroupMetadata,
    },
    /// DeleteGroups: every offset of the group.
    DeleteGroup { group: String },
    /// A consumer-protocol group's membership, epochs and assignments after a change.
    Consumer { group: String, state: ConsumerGroup },
}

/// Applies `record` to the replayed state.
pub fn apply(state: &mut BTreeMap<String, StoredGroup>, record: Record) {
    match record {
        Record::Commit {
            group,
            topic,
            partition,
            committed,
        } => {
            state
                .entry(group)
                .or_default()
                .offsets
                .insert((topic, partition), committed);
        }
        Record::Delete {
            group,
            topic,
            partition,
        } => {
            if let Some(stored) = state.get_mut(&group) {
                stored.offsets.remove(&(topic, partition));
            }
        }
        Record::Metadata { group, metadata } => {
            state.entry(group).or_default().metadata = Some(metadata);
        }
        Record::DeleteGroup { group } => {
            state.remove(&group);
        }
        Record::Consumer {
            group,
            state: consumer,
        } => {
            state.entry(group).or_default().consumer = Some(consumer);
        }
    }
}

struct Writer {
    file: File,
    /// Records appended since the file was last rewritten.
    records_since_compaction: u64,
}

/// The offsets log; `None` inside in memory mode.
pub struct OffsetStore {
    path: Option<PathBuf>,
    writer: Mutex<Option<Writer>>,
    /// Sequence number of the last record written (to the page cache).
    written: AtomicU64,
    /// Every record up to this sequence number is fsynced.
    durable: AtomicU64,
    sync_lock: tokio::sync::Mutex<()>,
}

impl OffsetStore {
    /// Opens (creating) `<data_dir>/groups/offsets.log` and replays it, or an in-memory store.
    pub fn open(data_dir: Option<&Path>) -> Result<(OffsetStore, BTreeMap<String, StoredGroup>)> {
        let mut state = BTreeMap::new();
        let Some(data_dir) = data_dir else {
            return Ok((OffsetStore::new(None, None), state));
        };
        let dir = data_dir.join("groups");
        fs::create_dir_all(&dir)?;
        let path = dir.join(FILE_NAME);
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)?;
        let mut raw = Vec::new();
        file.read_to_end(&mut raw)?;
        let (records, valid_len) = decode_all(&raw);
        if valid_len < raw.len() {
            tracing::warn!(
                file = %path.display(),
                kept_bytes = valid_len,
                dropped_bytes = raw.len() - valid_len,
                "truncating a torn or corrupt tail of the group offsets log"
            );
            file.set_len(valid_len as u64)?;
            file.sync_all()?;
        }
        let count = records.len() as u64;
        for r in records {
            apply(&mut state, r);
        }
        let store = OffsetStore::new(
            Some(path),
            Some(Writer {
                file,
                records_since_compaction: count,
            }),
        );
        Ok((store, state))
    }

    fn new(path: Option<PathBuf>, writer: Option<Writer>) -> OffsetStore {
        OffsetStore {
            path,
            writer: Mutex::new(writer),
            written: AtomicU64::new(0),
            durable: AtomicU64::new(0),
            sync_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Appends records (to the page cache) and returns the sequence number to wait for with
    /// [`OffsetStore::wait_durable`]. `live` is called only when the log is compacted: it
    /// returns every offset currently committed, which replaces the file's contents.
    pub fn append(&self, records: &[Record], live: impl FnOnce() -> Vec<Record>) -> Result<u64> {
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let Some(writer) = guard.as_mut() else {
            return Ok(self.written.fetch_add(1, Ordering::AcqRel) + 1);
        };
        let mut buf = Vec::new();
        for r in records {
            encode(r, &mut buf)?;
        }
        writer.file.write_all(&buf)?;
        writer.records_since_compaction += records.len() as u64;
        if writer.records_since_compaction >= COMPACT_AFTER_RECORDS {
            let live = live();
            if (live.len() as u64) * COMPACT_RATIO < writer.records_since_compaction {
                self.compact(writer, &live)?;
            } else {
                writer.records_since_compaction = live.len() as u64;
            }
        }
        Ok(self.written.fetch_add(1, Ordering::AcqRel) + 1)
    }

    /// Rewrites the log as exactly `live`, atomically; the result is already durable.
    fn compact(&self, writer: &mut Writer, live: &[Record]) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut buf = Vec::new();
        for r in live {
            encode(r, &mut buf)?;
        }
        file::replace_file_atomically(path, &buf)?;
        writer.file = OpenOptions::new().read(true).append(true).open(path)?;
        writer.records_since_compaction = live.len() as u64;
        tracing::info!(file = %path.display(), records = live.len(), "compacted the group offsets log");
        Ok(())
    }

    /// Returns once record `seq` (and every one before it) is on stable storage.
    pub async fn wait_durable(&self, seq: u64) -> Result<()> {
        if self.durable.load(Ordering::Acquire) >= seq {
            return Ok(());
        }
        let _turn = self.sync_lock.lock().await;
        if self.durable.load(Ordering::Acquire) >= seq {
            return Ok(());
        }
        let (handle, covered) = {
            let guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
            let covered = self.written.load(Ordering::Acquire);
            match guard.as_ref() {
                Some(w) => (Some(Arc::new(w.file.try_clone()?)), covered),
                None => (None, covered),
            }
        };
        if let Some(handle) = handle {
            tokio::task::spawn_blocking(move || handle.sync_data())
                .await
                .map_err(|e| Error::Storage(format!("fsync task failed: {e}")))??;
        }
        self.durable.fetch_max(covered, Ordering::AcqRel);
        Ok(())
    }
}

fn encode(record: &Record, buf: &mut Vec<u8>) -> Result<()> {
    let payload = serde_json::to_vec(record)
        .map_err(|e| Error::Storage(format!("encoding an offsets record: {e}")))?;
    let len = u32::try_from(payload.len())
        .map_err(|_| Error::Storage("offsets record too large".into()))?;
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(&crc32c::crc32c(&payload).to_be_bytes());
    buf.extend_from_slice(&payload);
    Ok(())
}

/// Decodes records up to the first damaged one; returns them and the valid prefix length.
fn decode_all(raw: &[u8]) -> (Vec<Record>, usize) {
    let mut records = Vec::new();
    let mut pos = 0;
    while let Some(header) = raw.get(pos..pos + HEADER_BYTES) {
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let crc = u32::from_be_bytes([header[4], header[5], header[6], header[7]]);
        if len > MAX_RECORD_BYTES {
            break;
        }
        let Some(payload) = raw.get(pos + HEADER_BYTES..pos + HEADER_BYTES + len) else {
            break;
        };
        if crc32c::crc32c(payload) != crc {
            break;
        }
        let Ok(record) = serde_json::from_slice::<Record>(payload) else {
            break;
        };
        records.push(record);
        pos += HEADER_BYTES + len;
    }
    (records, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(group: &str, partition: i32, offset: i64) -> Record {
        Record::Commit {
            group: group.into(),
            topic: "t".into(),
            partition,
            committed: Committed {
                offset,
                leader_epoch: -1,
                metadata: None,
                commit_timestamp_ms: 0,
            },
        }
    }

    #[tokio::test]
    async fn replays_and_truncates_a_torn_tail() -> Result<()> {
        let dir = tempfile::tempdir()?;
        {
            let (store, state) = OffsetStore::open(Some(dir.path()))?;
            assert!(state.is_empty());
            let seq = store.append(&[commit("g", 0, 5), commit("g", 1, 7)], Vec::new)?;
            store.append(&[commit("g", 0, 9), commit("h", 0, 1)], Vec::new)?;
            store.append(&[Record::DeleteGroup { group: "h".into() }], Vec::new)?;
            store.append(
                &[Record::Metadata {
                    group: "g".into(),
                    metadata: GroupMetadata {
                        generation_id: 3,
                        protocol_type: Some("consumer".into()),
                        protocol_name: Some("range".into()),
                        leader: None,
                        members: Vec::new(),
                    },
                }],
                Vec::new,
            )?;
            store.wait_durable(seq + 3).await?;
        }
        let path = dir.path().join("groups").join(FILE_NAME);
        let mut raw = fs::read(&path)?;
        raw.extend_from_slice(&[0, 0, 0, 40, 1, 2]);
        fs::write(&path, &raw)?;
        let (_, state) = OffsetStore::open(Some(dir.path()))?;
        let g = &state.get("g").expect("group g").offsets;
        assert_eq!(g.get(&("t".into(), 0)).map(|c| c.offset), Some(9));
        assert_eq!(g.get(&("t".into(), 1)).map(|c| c.offset), Some(7));
        assert!(!state.contains_key("h"));
        let meta = state.get("g").and_then(|g| g.metadata.as_ref());
        assert_eq!(meta.map(|m| m.generation_id), Some(3));
        assert_eq!(fs::metadata(&path)?.len() as usize, raw.len() - 6);
        Ok(())
    }

    #[test]
    fn compacts_to_the_live_offsets() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (store, _) = OffsetStore::open(Some(dir.path()))?;
        for i in 0..COMPACT_AFTER_RECORDS as i64 {
            store.append(&[commit("g", 0, i)], || vec![commit("g", 0, i)])?;
        }
        let path = dir.path().join("groups").join(FILE_NAME);
        let (records, _) = decode_all(&fs::read(&path)?);
        assert_eq!(records.len(), 1);
        store.append(&[commit("g", 1, 3)], Vec::new)?;
        let (_, state) = OffsetStore::open(Some(dir.path()))?;
        let g = &state.get("g").expect("group g").offsets;
        assert_eq!(g.len(), 2);
        assert_eq!(
            g.get(&("t".into(), 0)).map(|c| c.offset),
            Some(COMPACT_AFTER_RECORDS as i64 - 1)
        );
        Ok(())
    }
}
