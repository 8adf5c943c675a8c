//! Partition storage: an append-only log of Kafka v2 record batches per partition, in segment
//! files with sparse memory-mapped indexes (or entirely in memory), crash recovery, retention
//! and DeleteRecords.
//!
//! A partition directory holds:
//!
//! ```text
//! <base>.log                  segment: our 18-byte header + batches verbatim   (segment.rs)
//! <base>.index                sparse offset -> position index                 (index.rs)
//! <base>.timeindex            sparse max timestamp -> offset index            (index.rs)
//! log-start-offset.checkpoint set by DeleteRecords                            (checkpoint.rs)
//! active-segment.clean        the active segment's state at a clean shutdown  (clean_shutdown.rs)
//! ```
//!
//! `<base>` is the segment's first offset in 20 digits. The last segment is the active one;
//! only it is appended to and only it is scanned at startup (recovery.rs), unless the last
//! shutdown was clean.

mod active;
mod checkpoint;
mod clean_shutdown;
pub mod cleaner;
pub mod descriptors;
pub(crate) mod file;
mod index;
pub mod journal;
mod log;
mod memory;
mod recovery;
mod retention;
mod sealed;
mod segment;
pub mod verify;

pub use active::SyncTarget;
pub use log::{AppendInfo, PartitionLog};
pub use recovery::RecoveryReport;

/// Per-partition storage limits, named after Kafka's topic configs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogConfig {
    /// `segment.bytes`: roll when the active segment would exceed this (capped at i32::MAX).
    pub segment_bytes: u64,
    /// `segment.ms`: roll when the active segment spans more time than this.
    pub segment_ms: i64,
    /// `retention.ms`: delete segments whose newest record is older; -1 keeps forever.
    pub retention_ms: i64,
    /// `retention.bytes`: delete oldest segments while the log is larger; -1 is unlimited.
    pub retention_bytes: i64,
    /// `index.interval.bytes`: bytes of batches between two offset index entries.
    pub index_interval_bytes: u32,
    /// `cleanup.policy` holds `delete`: retention.ms / retention.bytes remove old segments.
    pub delete: bool,
    /// `cleanup.policy` holds `compact`: the cleaner keeps the latest record of each key.
    pub compact: bool,
    /// `min.cleanable.dirty.ratio`: the share of not yet cleaned bytes that makes a pass due.
    pub min_cleanable_dirty_ratio: f64,
    /// `min.compaction.lag.ms`: records younger than this are not compacted.
    pub min_compaction_lag_ms: i64,
    /// `max.compaction.lag.ms`: records older than this are due for compaction whatever the
    /// dirty ratio.
    pub max_compaction_lag_ms: i64,
    /// `delete.retention.ms`: how long compaction keeps tombstones and transaction markers
    /// once they are the latest of their kind.
    pub delete_retention_ms: i64,
}

impl Default for LogConfig {
    /// Kafka's defaults: 1 GiB segments rolled weekly, kept 7 days, no size limit, 4 KiB index
    /// interval; deleted by retention, not compacted (and, when compacted, at a dirty ratio of
    /// 0.5, with no lag limits and tombstones kept a day).
    fn default() -> LogConfig {
        const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;
        LogConfig {
            segment_bytes: 1 << 30,
            segment_ms: WEEK_MS,
            retention_ms: WEEK_MS,
            retention_bytes: -1,
            index_interval_bytes: 4096,
            delete: true,
            compact: false,
            min_cleanable_dirty_ratio: 0.5,
            min_compaction_lag_ms: 0,
            max_compaction_lag_ms: i64::MAX,
            delete_retention_ms: 24 * 60 * 60 * 1000,
        }
    }
}
