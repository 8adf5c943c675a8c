//! The active segment: the only one appended to. Owns the roll decision, the in-memory indexes
//! (written to disk once, when sealed), and the handle group commit fsyncs.
//!
//! Invariants: batches are contiguous and their offsets consecutive from `base_offset` to
//! `next_offset - 1`; positions fit in u32 and relative offsets in u32 (the log rolls before
//! either could overflow); sealing makes the log and both index files durable before the
//! caller creates the next segment, so a segment that is not last is always complete on disk.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use crate::protocol::batch::BatchHeader;
use crate::{Error, Result};

use super::clean_shutdown::CleanRecord;
use super::descriptors::Slot;
use super::file::{self, FileStore};
use super::index::IndexBuilder;
use super::memory::MemoryStore;
use super::sealed::SealedSegment;
use super::segment::{
    log_path, offset_index_path, time_index_path, MaxTimestamp, SegmentBytes, SegmentView,
    SEGMENT_HEADER_LEN,
};
use super::LogConfig;

/// Largest segment file: positions are u32 and a batch may still follow the last one, so cap
/// where Kafka caps `segment.bytes` (i32::MAX).
const MAX_SEGMENT_BYTES: u64 = i32::MAX as u64;

/// A handle to fsync the active segment without holding the log's lock (group commit).
pub struct SyncTarget {
    slot: Arc<Slot>,
    /// Every offset below this is durable once [`SyncTarget::sync`] returns.
    pub end_offset: i64,
}

impl SyncTarget {
    /// fdatasync of the segment. Segments sealed meanwhile were fsynced when they were sealed
    /// (and a sealed one's closed slot reopens its file for this, harmlessly).
    pub fn sync(&self) -> Result<()> {
        let file = self.slot.file()?;
        Ok(crate::metrics::timed_fsync(|| file.sync_data())?)
    }
}

pub(crate) enum ActiveStore {
    File(FileStore),
    Memory(MemoryStore),
}

impl ActiveStore {
    fn bytes(&self) -> &dyn SegmentBytes {
        match self {
            ActiveStore::File(store) => store,
            ActiveStore::Memory(store) => store,
        }
    }
}

pub(crate) struct ActiveSegment {
    base_offset: i64,
    next_offset: i64,
    index: IndexBuilder,
    /// Max timestamp of the first batch: time-based rolling measures from it, as Kafka does.
    first_batch_timestamp: Option<i64>,
    /// Wall-clock creation time, for rolling when batches carry no timestamp. Unknown for a
    /// segment recovered at startup until the first append supplies `now_ms`.
    created_ms: Option<i64>,
    store: ActiveStore,
}

impl ActiveSegment {
    /// A new empty segment file at `base_offset` under `dir`, durably created.
    pub(crate) fn create_file(
        dir: &Path,
        base_offset: i64,
        config: &LogConfig,
        now_ms: Option<i64>,
    ) -> Result<ActiveSegment> {
        let store = FileStore::create(dir, log_path(dir, base_offset), base_offset)?;
        Ok(Self::empty(
            ActiveStore::File(store),
            base_offset,
            config,
            now_ms,
        ))
    }

    /// A new empty in-memory segment at `base_offset`.
    pub(crate) fn in_memory(
        base_offset: i64,
        config: &LogConfig,
        now_ms: Option<i64>,
    ) -> ActiveSegment {
        Self::empty(
            ActiveStore::Memory(MemoryStore::new(base_offset)),
            base_offset,
            config,
            now_ms,
        )
    }

    fn empty(
        store: ActiveStore,
        base_offset: i64,
        config: &LogConfig,
        now_ms: Option<i64>,
    ) -> ActiveSegment {
        ActiveSegment {
            base_offset,
            next_offset: base_offset,
            index: IndexBuilder::new(config.index_interval_bytes),
            first_batch_timestamp: None,
            created_ms: now_ms,
            store,
        }
    }

    /// A segment file recovered at startup, with the scan's results.
    pub(crate) fn recovered(
        store: FileStore,
        base_offset: i64,
        next_offset: i64,
        index: IndexBuilder,
        first_batch_timestamp: Option<i64>,
    ) -> ActiveSegment {
        ActiveSegment {
            base_offset,
            next_offset,
            index,
            first_batch_timestamp,
            created_ms: None,
            store: ActiveStore::File(store),
        }
    }

    pub(crate) fn base_offset(&self) -> i64 {
        self.base_offset
    }

    pub(crate) fn next_offset(&self) -> i64 {
        self.next_offset
    }

    pub(crate) fn size_bytes(&self) -> u64 {
        self.store.bytes().len()
    }

    pub(crate) fn set_index_interval(&mut self, interval_bytes: u32) {
        self.index.set_interval(interval_bytes);
    }

    pub(crate) fn view(&self) -> SegmentView<'_> {
        SegmentView {
            base_offset: self.base_offset,
            next_offset: self.next_offset,
            max_timestamp: self.max_timestamp(),
            bytes: self.store.bytes(),
            offset_index: self.index.offsets(),
            time_index: self.index.times(),
            path: match &self.store {
                ActiveStore::File(store) => Some(store.path()),
                ActiveStore::Memory(_) => None,
            },
        }
    }

    fn max_timestamp(&self) -> Option<MaxTimestamp> {
        self.index
            .max_timestamp()
            .map(|(timestamp, rel)| MaxTimestamp {
                timestamp,
                batch_offset: self.base_offset + i64::from(rel),
            })
    }

    /// Whether the batch `header` (`len` bytes, about to be appended) must go into a new
    /// segment: size or age limits, or offsets that would overflow the indexes.
    /// An empty segment never rolls, so an oversized batch still gets a segment of its own.
    pub(crate) fn should_roll(
        &mut self,
        header: &BatchHeader,
        len: usize,
        config: &LogConfig,
        now_ms: i64,
    ) -> bool {
        let created_ms = *self.created_ms.get_or_insert(now_ms);
        let size = self.size_bytes();
        if size <= SEGMENT_HEADER_LEN {
            return false;
        }
        let limit_bytes = config.segment_bytes.min(MAX_SEGMENT_BYTES);
        let too_big = size.saturating_add(len as u64) > limit_bytes;
        let waited_ms = match self.first_batch_timestamp {
            Some(first) if first >= 0 => header.max_timestamp.saturating_sub(first),
            _ => now_ms.saturating_sub(created_ms),
        };
        let too_old = config.segment_ms >= 0 && waited_ms > config.segment_ms;
        let last_rel = self
            .next_offset
            .saturating_add(i64::from(header.last_offset_delta))
            - self.base_offset;
        too_big || too_old || last_rel > i64::from(u32::MAX)
    }

    /// Appends a whole batch, assigning it `self.next_offset()` as base offset.
    pub(crate) fn append(&mut self, batch: &[u8], header: &BatchHeader) -> Result<()> {
        let base_offset = self.next_offset;
        let next_offset = base_offset
            .checked_add(i64::from(header.last_offset_delta) + 1)
            .ok_or_else(|| Error::Storage("offsets exhausted".into()))?;
        let pos = self.size_bytes();
        let (Ok(rel), Ok(pos32)) = (
            u32::try_from(base_offset - self.base_offset),
            u32::try_from(pos),
        ) else {
            return Err(Error::Storage(format!(
                "segment {} cannot index offset {base_offset} at position {pos}",
                self.base_offset
            )));
        };
        match &mut self.store {
            ActiveStore::File(store) => store.append(batch, base_offset)?,
            ActiveStore::Memory(store) => store.append(batch, base_offset)?,
        }
        self.index.on_batch(rel, pos32, header, batch.len() as u64);
        self.first_batch_timestamp
            .get_or_insert(header.max_timestamp);
        self.next_offset = next_offset;
        Ok(())
    }

    /// Turns the contents into a sealed segment. For a file this makes the log and both index
    /// files durable and maps them, leaving this segment usable if a later step fails; in
    /// memory it takes the buffer (creating the next in-memory segment cannot fail).
    pub(crate) fn seal(&mut self, now_ms: i64) -> Result<SealedSegment> {
        self.index.seal();
        let (offsets, times) = (self.index.offsets(), self.index.times());
        let max_timestamp = self.max_timestamp();
        match &mut self.store {
            ActiveStore::File(store) => {
                store.sync()?;
                let offset_path = offset_index_path(store.path());
                let time_path = time_index_path(store.path());
                file::write_file_synced(&offset_path, offsets)?;
                file::write_file_synced(&time_path, times)?;
                Ok(SealedSegment {
                    base_offset: self.base_offset,
                    next_offset: self.next_offset,
                    max_timestamp,
                    data: store.map()?,
                    offset_index: file::map(&File::open(&offset_path)?)?,
                    time_index: file::map(&File::open(&time_path)?)?,
                    path: Some(store.path().to_path_buf()),
                    last_modified_ms: now_ms,
                })
            }
            ActiveStore::Memory(store) => Ok(SealedSegment {
                base_offset: self.base_offset,
                next_offset: self.next_offset,
                max_timestamp,
                data: store.freeze(),
                offset_index: offsets.to_vec().into(),
                time_index: times.to_vec().into(),
                path: None,
                last_modified_ms: now_ms,
            }),
        }
    }

    pub(crate) fn sync_target(&self) -> Option<SyncTarget> {
        match &self.store {
            ActiveStore::File(store) => Some(SyncTarget {
                slot: store.slot(),
                end_offset: self.next_offset,
            }),
            ActiveStore::Memory(_) => None,
        }
    }

    /// What the startup scan would find in this segment, for the clean-shutdown record; None
    /// in memory.
    pub(crate) fn clean_record(&self) -> Option<CleanRecord> {
        match &self.store {
            ActiveStore::File(store) => Some(CleanRecord {
                base_offset: self.base_offset,
                next_offset: self.next_offset,
                valid_len: store.len(),
                first_batch_timestamp: self.first_batch_timestamp,
                index: self.index.state(),
            }),
            ActiveStore::Memory(_) => None,
        }
    }

    pub(crate) fn sync(&self) -> Result<()> {
        match &self.store {
            ActiveStore::File(store) => store.sync(),
            ActiveStore::Memory(_) => Ok(()),
        }
    }
}
