//! `PartitionLog`: one partition's sequence of segments — sealed ones, then the active one —
//! on disk or in memory, with the operations the broker calls.
//!
//! Invariants: segments are contiguous (each sealed segment ends where the next begins) and
//! only the last is appended to; `log_start_offset` lies in `[first segment base, log end
//! offset]`; the log end offset is the active segment's next offset. The caller serialises
//! access (e.g. a lock per partition): `&mut self` methods mutate, `&self` methods only read.

use std::collections::VecDeque;
use std::fs;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use crate::protocol::batch::BatchHeader;
use crate::{Error, Result};

use super::active::{ActiveSegment, SyncTarget};
use super::cleaner::{self, CleanerState};
use super::recovery::{self, RecoveryReport};
use super::retention::{self, SegmentStats};
use super::sealed::SealedSegment;
use super::segment::{self, SegmentView};
use super::{checkpoint, clean_shutdown, file, LogConfig};

/// Offsets assigned to an appended batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppendInfo {
    pub base_offset: i64,
    pub last_offset: i64,
}

/// The log of one partition.
pub struct PartitionLog {
    /// The partition directory; None for the in-memory backend.
    pub(super) dir: Option<PathBuf>,
    pub(super) config: LogConfig,
    pub(super) sealed: VecDeque<SealedSegment>,
    active: ActiveSegment,
    log_start_offset: i64,
    /// Opened from a clean-shutdown record: nothing was lost or repaired since it was written.
    opened_clean: bool,
    /// What the compaction cleaner remembers of this log (see `cleaner/state.rs`).
    pub(super) cleaner: CleanerState,
    /// The partition was deleted: its directory may already hold a new topic's partition.
    pub(super) closed: bool,
    /// A compaction swap failed past its commit point: the files on disk no longer match the
    /// sealed segments in memory, so none is deleted (by retention or DeleteRecords) until the
    /// next open has finished the swap.
    pub(super) segments_pinned: bool,
}

impl PartitionLog {
    /// Opens (or creates) the partition log in `dir`, repairing a torn tail of the active
    /// segment and missing or damaged indexes; see [`RecoveryReport`].
    pub fn open(dir: &Path, config: LogConfig) -> Result<(PartitionLog, RecoveryReport)> {
        if !dir.is_dir() {
            fs::create_dir_all(dir)?;
            if let Some(parent) = dir.parent() {
                file::sync_dir(parent)?;
            }
        }
        // An interrupted compaction pass is finished or discarded before segments are listed.
        cleaner::swap::recover(dir)?;
        let bases = list_segments(dir)?;
        let checkpoint = checkpoint::read(dir)?;
        let mut report = RecoveryReport::default();
        let mut sealed = VecDeque::with_capacity(bases.len());
        let mut opened_clean = false;
        let active = match bases.last() {
            None => {
                clean_shutdown::discard(dir)?;
                // Keep offsets monotonic even if every segment file vanished.
                let base = checkpoint.unwrap_or(0).max(0);
                ActiveSegment::create_file(dir, base, &config, None)?
            }
            Some(&last) => {
                for pair in bases.windows(2) {
                    if let [base, next] = *pair {
                        let (segment, rebuilt) = SealedSegment::open(dir, base, next, &config)?;
                        report.rebuilt_indexes += usize::from(rebuilt);
                        sealed.push_back(segment);
                    }
                }
                let recovered = recovery::recover_active(dir, last, &config)?;
                report.truncated_bytes = recovered.truncated_bytes;
                report.reason = recovered.reason;
                opened_clean = recovered.clean;
                recovered.segment
            }
        };
        let first_offset = sealed
            .front()
            .map_or(active.base_offset(), |s| s.base_offset);
        // A checkpoint beyond the end (the tail it covered was lost) stops at the end.
        let log_start_offset = checkpoint
            .unwrap_or(first_offset)
            .max(first_offset)
            .min(active.next_offset());
        let log = PartitionLog {
            dir: Some(dir.to_path_buf()),
            config,
            sealed,
            active,
            log_start_offset,
            opened_clean,
            cleaner: cleaner::state::read(dir),
            closed: false,
            segments_pinned: false,
        };
        Ok((log, report))
    }

    /// A log with the same semantics that never touches disk.
    pub fn in_memory(config: LogConfig) -> PartitionLog {
        PartitionLog {
            dir: None,
            active: ActiveSegment::in_memory(0, &config, None),
            config,
            sealed: VecDeque::new(),
            log_start_offset: 0,
            opened_clean: false,
            cleaner: CleanerState::default(),
            closed: false,
            segments_pinned: false,
        }
    }

    /// The limits and policies in force.
    pub fn config(&self) -> &LogConfig {
        &self.config
    }

    /// Applies new limits; a new index interval applies from the next batch on.
    pub fn set_config(&mut self, config: LogConfig) {
        self.active.set_index_interval(config.index_interval_bytes);
        self.config = config;
    }

    /// Appends one batch (already checked by `protocol::batch::validate`) at the log end
    /// offset, rolling the segment first when size or age limits say so.
    pub fn append_batch(&mut self, batch: &[u8], now_ms: i64) -> Result<AppendInfo> {
        let header = BatchHeader::parse(batch)?;
        if header.total_len() != batch.len() || header.last_offset_delta < 0 {
            return Err(Error::CorruptBatch(format!(
                "append needs one whole batch: got {} bytes, header says {} (offset delta {})",
                batch.len(),
                header.total_len(),
                header.last_offset_delta
            )));
        }
        if self
            .active
            .should_roll(&header, batch.len(), &self.config, now_ms)
        {
            self.roll(now_ms)?;
        }
        let base_offset = self.active.next_offset();
        self.active.append(batch, &header)?;
        Ok(AppendInfo {
            base_offset,
            last_offset: self.active.next_offset() - 1,
        })
    }

    /// Seals the active segment and starts a new one at the log end offset. The old segment
    /// is durable with its indexes before the new file exists (see `ActiveSegment::seal`).
    fn roll(&mut self, now_ms: i64) -> Result<()> {
        let next_offset = self.active.next_offset();
        let sealed = self.active.seal(now_ms)?;
        let next = match &self.dir {
            Some(dir) => ActiveSegment::create_file(dir, next_offset, &self.config, Some(now_ms))?,
            None => ActiveSegment::in_memory(next_offset, &self.config, Some(now_ms)),
        };
        self.active = next;
        self.sealed.push_back(sealed);
        tracing::debug!(dir = ?self.dir, base_offset = next_offset, "rolled to a new segment");
        Ok(())
    }

    /// Whole batches starting with the one containing `offset` (or, in a gap compaction left,
    /// the next one), from one segment, at most `max_bytes` but at least one batch. Empty at
    /// the log end offset, and where no batch follows `offset`.
    pub fn read(&self, offset: i64, max_bytes: usize) -> Result<Bytes> {
        self.check_offset(offset)?;
        if offset == self.log_end_offset() {
            return Ok(Bytes::new());
        }
        let candidates = self.sealed.partition_point(|s| s.base_offset <= offset);
        for view in self.views().skip(candidates.saturating_sub(1)) {
            if view.next_offset <= offset {
                continue;
            }
            // A segment can end before `offset` only if it is damaged; then the next one serves.
            if let Some((pos, header)) = view.find_batch(offset)? {
                return view.batches_from(pos, &header, max_bytes);
            }
        }
        // Compaction removed every batch from `offset` to the end of the sealed segments and
        // the active one holds none yet: nothing to read until the next append.
        Ok(Bytes::new())
    }

    /// The partition directory, `None` for an in-memory log.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The base offset of the active (last) segment: where a scan of recent batches starts.
    pub fn active_base_offset(&self) -> i64 {
        self.active.base_offset()
    }

    pub fn log_start_offset(&self) -> i64 {
        self.log_start_offset
    }

    pub fn log_end_offset(&self) -> i64 {
        self.active.next_offset()
    }

    /// Bytes of record batches held, as Kafka counts a log's size (its segments hold nothing
    /// else): our segment headers are not counted, so an empty partition has size 0.
    pub fn size_bytes(&self) -> u64 {
        self.sealed
            .iter()
            .map(|s| batch_bytes(s.size_bytes()))
            .sum::<u64>()
            + batch_bytes(self.active.size_bytes())
    }

    /// Segment files of the log: the sealed ones and the active one.
    pub fn segment_count(&self) -> usize {
        self.sealed.len() + 1
    }

    /// The first record (in offset order, at or after the log start offset) whose timestamp is
    /// >= `timestamp`, as (offset, timestamp).
    pub fn offset_for_timestamp(&self, timestamp: i64) -> Result<Option<(i64, i64)>> {
        for view in self.visible_views() {
            if view
                .max_timestamp
                .is_some_and(|max| max.timestamp >= timestamp)
            {
                if let Some(hit) = view.find_timestamp(timestamp, self.log_start_offset)? {
                    return Ok(Some(hit));
                }
            }
        }
        Ok(None)
    }

    /// The record with the largest timestamp (the first one on ties) at or after the log start
    /// offset, as (offset, timestamp).
    pub fn max_timestamp(&self) -> Result<Option<(i64, i64)>> {
        let start = self.log_start_offset;
        // Compare segments by their tracked maximum; only a segment straddling the log start
        // offset needs a scan, and only the winner needs a batch decoded.
        let mut best: Option<MaxCandidate<'_>> = None;
        for segment in self.visible_views() {
            let (timestamp, record) = if segment.base_offset >= start {
                match segment.max_timestamp {
                    Some(max) => (max.timestamp, None),
                    None => continue,
                }
            } else {
                match segment.max_timestamp_record(start)? {
                    Some(record) => (record.1, Some(record)),
                    None => continue,
                }
            };
            if best.as_ref().is_none_or(|best| timestamp > best.timestamp) {
                best = Some(MaxCandidate {
                    timestamp,
                    segment,
                    record,
                });
            }
        }
        match best {
            Some(MaxCandidate {
                record: Some(record),
                ..
            }) => Ok(Some(record)),
            Some(MaxCandidate { segment, .. }) => segment.max_timestamp_record(start),
            None => Ok(None),
        }
    }

    /// DeleteRecords: moves the log start offset up to `offset` (persisted before returning)
    /// and deletes the segments wholly below it. Returns the new log start offset.
    pub fn delete_records_before(&mut self, offset: i64) -> Result<i64> {
        if offset < 0 || offset > self.log_end_offset() {
            return Err(self.out_of_range(offset));
        }
        if offset <= self.log_start_offset {
            return Ok(self.log_start_offset);
        }
        if let Some(dir) = &self.dir {
            checkpoint::write(dir, offset)?;
        }
        self.log_start_offset = offset;
        let below = self
            .sealed
            .iter()
            .take_while(|s| s.next_offset <= offset)
            .count();
        if let Err(e) = self.delete_oldest(below) {
            // The records are already gone for readers; retention retries the files.
            tracing::warn!(
                dir = ?self.dir, error = %e,
                "cannot delete segments below the log start offset yet"
            );
        }
        Ok(self.log_start_offset)
    }

    /// Deletes the oldest sealed segments that retention.ms / retention.bytes (or the log
    /// start offset) no longer keep. Returns how many were deleted.
    pub fn apply_retention(&mut self, now_ms: i64) -> Result<usize> {
        let stats: Vec<SegmentStats> = self
            .sealed
            .iter()
            .map(|s| SegmentStats {
                size_bytes: batch_bytes(s.size_bytes()),
                newest_timestamp_ms: s.newest_timestamp_ms(),
                next_offset: s.next_offset,
            })
            .collect();
        let count = retention::deletable_prefix(
            &stats,
            self.size_bytes(),
            self.log_start_offset,
            &self.config,
            now_ms,
        );
        self.delete_oldest(count)
    }

    /// A handle to fsync the active segment outside the log's lock; None in memory.
    pub fn sync_target(&self) -> Option<SyncTarget> {
        self.active.sync_target()
    }

    /// Makes everything appended so far durable. Sealed segments already are.
    pub fn flush(&mut self) -> Result<()> {
        self.active.sync()
    }

    /// Makes everything durable and records the active segment's state, so that the next
    /// open need not scan it. Appends after this are still safe: the record then no longer
    /// matches the file and is ignored.
    pub fn close_cleanly(&mut self) -> Result<()> {
        self.flush()?;
        match (&self.dir, self.active.clean_record()) {
            (Some(dir), Some(record)) => clean_shutdown::write(dir, &record),
            _ => Ok(()),
        }
    }

    /// Whether this log was opened from a clean-shutdown record, i.e. the previous process
    /// closed it with [`PartitionLog::close_cleanly`] and nothing was appended since.
    pub fn opened_clean(&self) -> bool {
        self.opened_clean
    }

    /// Marks the log deleted with its partition: nothing may write to its directory anymore.
    pub fn close_for_deletion(&mut self) {
        self.closed = true;
    }

    /// Deletes the `count` oldest sealed segments, advancing the log start offset past each.
    fn delete_oldest(&mut self, count: usize) -> Result<usize> {
        if self.segments_pinned && count > 0 {
            return Err(Error::Storage(
                "segments are kept until the broker restarts: a compaction swap failed part way"
                    .into(),
            ));
        }
        for deleted in 0..count {
            let Some(segment) = self.sealed.front() else {
                return Ok(deleted);
            };
            segment.delete()?;
            self.log_start_offset = self.log_start_offset.max(segment.next_offset);
            self.sealed.pop_front();
        }
        if count > 0 {
            tracing::info!(
                dir = ?self.dir, count, log_start_offset = self.log_start_offset,
                "deleted old segments"
            );
        }
        Ok(count)
    }

    fn views(&self) -> impl Iterator<Item = SegmentView<'_>> {
        self.sealed
            .iter()
            .map(SealedSegment::view)
            .chain(std::iter::once(self.active.view()))
    }

    /// Segments holding at least one offset at or after the log start offset.
    fn visible_views(&self) -> impl Iterator<Item = SegmentView<'_>> {
        let start = self.log_start_offset;
        self.views().filter(move |view| view.next_offset > start)
    }

    fn check_offset(&self, offset: i64) -> Result<()> {
        if offset < self.log_start_offset || offset > self.log_end_offset() {
            return Err(self.out_of_range(offset));
        }
        Ok(())
    }

    fn out_of_range(&self, offset: i64) -> Error {
        Error::OffsetOutOfRange {
            offset,
            log_start_offset: self.log_start_offset,
            log_end_offset: self.log_end_offset(),
        }
    }
}

/// The segment holding the largest timestamp seen so far while answering `max_timestamp`.
struct MaxCandidate<'a> {
    timestamp: i64,
    segment: SegmentView<'a>,
    /// (offset, timestamp), when a scan of the segment already found the exact record.
    record: Option<(i64, i64)>,
}

/// The record-batch bytes of a segment of `segment_bytes` (our header excluded).
fn batch_bytes(segment_bytes: u64) -> u64 {
    segment_bytes.saturating_sub(segment::SEGMENT_HEADER_LEN)
}

/// Base offsets of the segment files in `dir`, ascending. Removes orphaned index files (left
/// by a crash while deleting a segment) so they cannot be mistaken for a later segment's.
fn list_segments(dir: &Path) -> Result<Vec<i64>> {
    let mut logs = Vec::new();
    let mut indexes = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        match name.to_str().and_then(segment::parse_file_name) {
            Some((base, true)) => logs.push(base),
            Some((base, false)) => indexes.push((base, entry.path())),
            None => {}
        }
    }
    logs.sort_unstable();
    for (base, path) in indexes {
        if logs.binary_search(&base).is_err() {
            tracing::info!(file = %path.display(), "removing an index file without a segment");
            file::remove_if_exists(&path)?;
        }
    }
    Ok(logs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::batch::tests::encode_batch;
    use crate::protocol::batch::{set_log_append_time, split_batches};
    use kafka_protocol::records::Compression;

    /// Segments of about seven 3-record batches, index entries every ~128 bytes.
    fn small() -> LogConfig {
        LogConfig {
            segment_bytes: 1024,
            index_interval_bytes: 128,
            ..LogConfig::default()
        }
    }

    /// Appends `batches` batches of 3 records; batch `i` has timestamps 1000*i + {0,1,2}.
    fn fill(log: &mut PartitionLog, batches: i64) -> Result<()> {
        for i in 0..batches {
            let ts = 1000 * i;
            let info =
                log.append_batch(&encode_batch(&[ts, ts + 1, ts + 2], Compression::None), ts)?;
            assert_eq!(
                info,
                AppendInfo {
                    base_offset: 3 * i,
                    last_offset: 3 * i + 2
                }
            );
        }
        Ok(())
    }

    /// (base offset, last offset) of each batch in `bytes`, checking every CRC on the way.
    fn batch_ranges(bytes: &[u8]) -> Vec<(i64, i64)> {
        let batches = split_batches(bytes).expect("reads return whole valid batches");
        batches
            .iter()
            .map(|(h, _)| (h.base_offset, h.last_offset()))
            .collect()
    }

    /// Reads the whole log from `from` in `max_bytes` steps; returns every batch seen.
    fn read_all(log: &PartitionLog, from: i64, max_bytes: usize) -> Result<Vec<(i64, i64)>> {
        let mut seen = Vec::new();
        let mut offset = from;
        while offset < log.log_end_offset() {
            let ranges = batch_ranges(&log.read(offset, max_bytes)?);
            let last = ranges
                .last()
                .map(|&(_, last)| last)
                .expect("progress before the end");
            seen.extend(ranges);
            offset = last + 1;
        }
        Ok(seen)
    }

    fn expected_batches(batches: i64) -> Vec<(i64, i64)> {
        (0..batches).map(|i| (3 * i, 3 * i + 2)).collect()
    }

    fn check_round_trip(log: &mut PartitionLog) -> Result<()> {
        fill(log, 40)?;
        assert_eq!(log.log_end_offset(), 120);
        assert!(
            log.sealed.len() >= 4,
            "small segments roll: {} sealed",
            log.sealed.len()
        );
        assert_eq!(read_all(log, 0, 1)?, expected_batches(40));
        assert_eq!(read_all(log, 0, 100_000)?, expected_batches(40));
        for offset in 0..120 {
            let ranges = batch_ranges(&log.read(offset, 1)?);
            assert_eq!(
                ranges,
                vec![(offset / 3 * 3, offset / 3 * 3 + 2)],
                "read at {offset}"
            );
        }
        // A large read stops at the end of the segment holding the first batch.
        let first_segment_end = log.sealed[0].next_offset;
        let ranges = batch_ranges(&log.read(0, 1 << 20)?);
        assert_eq!(ranges.last().map(|r| r.1 + 1), Some(first_segment_end));
        assert!(log.read(120, 100)?.is_empty());
        assert!(matches!(
            log.read(121, 100),
            Err(Error::OffsetOutOfRange { offset: 121, .. })
        ));
        assert!(matches!(
            log.read(-1, 100),
            Err(Error::OffsetOutOfRange { .. })
        ));
        // The size counts batches only, not the header of each of the segments.
        let segments = log.sealed.len() as u64 + 1;
        let total: u64 =
            log.sealed.iter().map(|s| s.size_bytes()).sum::<u64>() + log.active.size_bytes();
        assert_eq!(
            log.size_bytes(),
            total - segments * segment::SEGMENT_HEADER_LEN
        );
        Ok(())
    }

    #[test]
    fn logs_and_sync_targets_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<PartitionLog>();
        shareable::<SyncTarget>();
    }

    #[test]
    fn file_log_round_trips_across_rolls() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (mut log, report) = PartitionLog::open(&dir.path().join("partition-0"), small())?;
        assert_eq!(report, RecoveryReport::default());
        check_round_trip(&mut log)
    }

    #[test]
    fn memory_log_round_trips_across_rolls() -> Result<()> {
        let mut log = PartitionLog::in_memory(small());
        assert!(log.sync_target().is_none());
        check_round_trip(&mut log)
    }

    #[test]
    fn read_respects_max_bytes_but_returns_at_least_one_batch() -> Result<()> {
        let mut log = PartitionLog::in_memory(LogConfig::default());
        fill(&mut log, 5)?;
        let one = log.read(0, 0)?;
        assert_eq!(batch_ranges(&one), vec![(0, 2)]);
        assert_eq!(
            batch_ranges(&log.read(4, 2 * one.len())?),
            vec![(3, 5), (6, 8)]
        );
        assert_eq!(batch_ranges(&log.read(4, 2 * one.len() - 1)?), vec![(3, 5)]);
        Ok(())
    }

    #[test]
    fn reopen_keeps_data_offsets_and_appends_continue() -> Result<()> {
        let dir = tempfile::tempdir()?;
        {
            let (mut log, _) = PartitionLog::open(dir.path(), small())?;
            fill(&mut log, 25)?;
            log.flush()?;
        }
        let (mut log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report, RecoveryReport::default());
        assert_eq!((log.log_start_offset(), log.log_end_offset()), (0, 75));
        assert_eq!(read_all(&log, 0, 300)?, expected_batches(25));
        assert_eq!(log.offset_for_timestamp(7001)?, Some((22, 7001)));
        assert_eq!(log.max_timestamp()?, Some((74, 24_002)));
        let info = log.append_batch(&encode_batch(&[1], Compression::None), 0)?;
        assert_eq!(
            info,
            AppendInfo {
                base_offset: 75,
                last_offset: 75
            }
        );
        let target = log.sync_target().expect("file logs have a sync target");
        assert_eq!(target.end_offset, 76);
        target.sync()?;
        Ok(())
    }

    #[test]
    fn offset_for_timestamp_finds_records_inside_compressed_batches() -> Result<()> {
        let mut log = PartitionLog::in_memory(LogConfig {
            segment_bytes: 200,
            ..LogConfig::default()
        });
        log.append_batch(&encode_batch(&[100, 300, 200], Compression::Gzip), 0)?; // 0..=2
        log.append_batch(&encode_batch(&[400, 500], Compression::None), 0)?; // 3..=4
        log.append_batch(&encode_batch(&[50, 600, 550], Compression::Zstd), 0)?; // 5..=7
        assert!(!log.sealed.is_empty(), "batches spread over segments");
        assert_eq!(log.offset_for_timestamp(0)?, Some((0, 100)));
        assert_eq!(log.offset_for_timestamp(250)?, Some((1, 300)));
        assert_eq!(log.offset_for_timestamp(301)?, Some((3, 400)));
        assert_eq!(log.offset_for_timestamp(501)?, Some((6, 600)));
        assert_eq!(log.offset_for_timestamp(601)?, None);
        assert_eq!(log.max_timestamp()?, Some((6, 600)));
        Ok(())
    }

    #[test]
    fn timestamp_queries_over_many_segments_use_the_indexes() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (mut log, _) = PartitionLog::open(dir.path(), small())?;
        fill(&mut log, 60)?;
        for i in 0..60 {
            assert_eq!(log.offset_for_timestamp(1000 * i)?, Some((3 * i, 1000 * i)));
            assert_eq!(
                log.offset_for_timestamp(1000 * i + 2)?,
                Some((3 * i + 2, 1000 * i + 2))
            );
            assert_eq!(
                log.offset_for_timestamp(1000 * i + 3)?,
                (i < 59).then_some((3 * i + 3, 1000 * i + 1000))
            );
        }
        Ok(())
    }

    #[test]
    fn timestamps_ignore_records_below_the_log_start_offset() -> Result<()> {
        let mut log = PartitionLog::in_memory(LogConfig::default());
        assert_eq!(log.max_timestamp()?, None);
        log.append_batch(&encode_batch(&[10, 900, 20], Compression::Gzip), 0)?; // 0..=2
        log.append_batch(&encode_batch(&[500], Compression::None), 0)?; // 3
        assert_eq!(log.max_timestamp()?, Some((1, 900)));
        assert_eq!(log.delete_records_before(2)?, 2);
        assert_eq!(log.max_timestamp()?, Some((3, 500)));
        assert_eq!(log.offset_for_timestamp(800)?, None);
        assert_eq!(log.offset_for_timestamp(15)?, Some((2, 20)));
        // Fetching at the log start offset may return the containing batch whole.
        assert_eq!(batch_ranges(&log.read(2, 1)?), vec![(0, 2)]);
        assert!(matches!(
            log.read(1, 1),
            Err(Error::OffsetOutOfRange {
                log_start_offset: 2,
                ..
            })
        ));
        Ok(())
    }

    #[test]
    fn log_append_time_batches_report_the_append_time() -> Result<()> {
        let mut log = PartitionLog::in_memory(LogConfig::default());
        let mut batch = encode_batch(&[1, 2, 3], Compression::Snappy);
        set_log_append_time(&mut batch, 7_000);
        log.append_batch(&batch, 7_000)?;
        assert_eq!(log.offset_for_timestamp(5)?, Some((0, 7_000)));
        assert_eq!(log.max_timestamp()?, Some((0, 7_000)));
        Ok(())
    }

    #[test]
    fn rolls_by_time_measured_from_the_first_batch() -> Result<()> {
        let config = LogConfig {
            segment_ms: 1_000,
            ..LogConfig::default()
        };
        let mut log = PartitionLog::in_memory(config);
        for ts in [0, 500, 1_000] {
            log.append_batch(&encode_batch(&[ts], Compression::None), 0)?;
        }
        assert!(log.sealed.is_empty());
        log.append_batch(&encode_batch(&[1_001], Compression::None), 0)?;
        assert_eq!(log.sealed.len(), 1);

        // Without timestamps, wall-clock time since the segment was first used decides.
        let mut log = PartitionLog::in_memory(config);
        log.append_batch(&encode_batch(&[-1], Compression::None), 5_000)?;
        log.append_batch(&encode_batch(&[-1], Compression::None), 6_000)?;
        assert!(log.sealed.is_empty());
        log.append_batch(&encode_batch(&[-1], Compression::None), 6_001)?;
        assert_eq!(log.sealed.len(), 1);
        Ok(())
    }

    #[test]
    fn delete_records_is_persisted_across_reopen() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (mut log, _) = PartitionLog::open(dir.path(), small())?;
        fill(&mut log, 30)?;
        let third_segment = log.sealed[2].base_offset;
        let target = third_segment + 4;
        assert_eq!(log.delete_records_before(target)?, target);
        assert_eq!(log.log_start_offset(), target);
        assert_eq!(
            log.sealed.front().map(|s| s.base_offset),
            Some(third_segment)
        );
        let logs_on_disk = fs::read_dir(dir.path())?
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "log"))
            })
            .count();
        assert_eq!(logs_on_disk, log.sealed.len() + 1);
        assert!(matches!(
            log.read(target - 1, 1),
            Err(Error::OffsetOutOfRange { .. })
        ));
        assert_eq!(
            log.delete_records_before(1)?,
            target,
            "never moves backwards"
        );
        assert!(matches!(
            log.delete_records_before(91),
            Err(Error::OffsetOutOfRange { .. })
        ));
        drop(log);

        let (mut log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report, RecoveryReport::default());
        assert_eq!((log.log_start_offset(), log.log_end_offset()), (target, 90));
        assert_eq!(
            read_all(&log, target, 1)?.first(),
            Some(&(target / 3 * 3, target / 3 * 3 + 2))
        );
        // Deleting everything empties the sealed segments but keeps the active one.
        assert_eq!(log.delete_records_before(90)?, 90);
        assert!(log.sealed.is_empty());
        assert!(log.read(90, 1)?.is_empty());
        assert_eq!(
            log.append_batch(&encode_batch(&[1], Compression::None), 0)?
                .base_offset,
            90
        );
        Ok(())
    }

    #[test]
    fn retention_by_time_deletes_old_sealed_segments_only() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let config = LogConfig {
            retention_ms: 10_000,
            ..small()
        };
        let (mut log, _) = PartitionLog::open(dir.path(), config)?;
        fill(&mut log, 30)?;
        let sealed = log.sealed.len();
        assert_eq!(log.apply_retention(0)?, 0);
        // Newest timestamp 1000*i+2 for the last batch of a segment: expire those before 15_000.
        let expired = log
            .sealed
            .iter()
            .take_while(|s| s.newest_timestamp_ms() < 15_000)
            .count();
        assert!(expired > 0 && expired < sealed);
        assert_eq!(log.apply_retention(25_000)?, expired);
        assert_eq!(log.log_start_offset(), log.sealed[0].base_offset);
        assert_eq!(
            read_all(&log, log.log_start_offset(), 1 << 20)?.last(),
            Some(&(87, 89))
        );
        assert_eq!(log.apply_retention(i64::MAX)?, sealed - expired);
        assert!(log.sealed.is_empty());
        assert_eq!(log.log_start_offset(), log.active.base_offset());
        let (log, _) = PartitionLog::open(dir.path(), config)?;
        assert_eq!(log.log_start_offset(), log.active.base_offset());
        Ok(())
    }

    #[test]
    fn retention_by_bytes_keeps_at_least_the_limit() -> Result<()> {
        let mut log = PartitionLog::in_memory(LogConfig {
            retention_bytes: 2_500,
            ..small()
        });
        fill(&mut log, 40)?;
        let deleted = log.apply_retention(0)?;
        assert!(deleted > 0);
        let size = log.size_bytes();
        assert!(size >= 2_500, "{size} bytes left");
        assert!(
            size - log.sealed[0].size_bytes() < 2_500,
            "one more segment would go below"
        );
        assert_eq!(log.log_start_offset(), log.sealed[0].base_offset);
        assert_eq!(log.apply_retention(0)?, 0);
        Ok(())
    }

    #[test]
    fn in_memory_log_supports_delete_records_and_rejects_partial_batches() -> Result<()> {
        let mut log = PartitionLog::in_memory(small());
        fill(&mut log, 20)?;
        assert_eq!(log.delete_records_before(31)?, 31);
        assert!(log.sealed.iter().all(|s| s.next_offset > 31));
        assert_eq!(batch_ranges(&log.read(31, 1)?), vec![(30, 32)]);
        let batch = encode_batch(&[1], Compression::None);
        assert!(matches!(
            log.append_batch(&batch[..batch.len() - 1], 0),
            Err(Error::CorruptBatch(_))
        ));
        assert_eq!(log.log_end_offset(), 60);
        Ok(())
    }
}
