//! Log compaction (`cleanup.policy=compact`): one pass of the cleaner over one partition, with
//! Apache Kafka's semantics (its LogCleaner). A pass:
//!
//! 1. takes a snapshot of the sealed segments under the log lock (cheap: the bytes are shared
//!    memory maps) and decides whether the partition is due (`plan.rs`);
//! 2. builds a key → latest offset map over the dirty section (`offset_map.rs`), leaving out
//!    aborted transactions (`txn.rs`), until the map is full or the section ends;
//! 3. rewrites the segments below that end, in groups of at most `segment.bytes`, keeping the
//!    records the map and the transaction state say to keep (`filter.rs`), into a new file per
//!    group — without holding the log lock, so produce and fetch go on;
//! 4. under the log lock, checks the group is still what it read (retention may have deleted
//!    it meanwhile) and swaps the new segment in (`swap.rs`): the only moment the partition
//!    waits on the cleaner.
//!
//! Offsets never change: survivors keep their offsets, so the log gets gaps, which every reader
//! already steps over. The active segment is never touched, and neither is anything at or past
//! the last stable offset. Memory is the offset map (bounded by `log_cleaner_dedupe_buffer_size`)
//! plus one batch at a time; I/O is paced by [`Throttle`].

mod filter;
mod offset_map;
mod plan;
pub(crate) mod state;
pub(crate) mod swap;
#[cfg(test)]
mod tests;
mod throttle;
mod txn;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::MutexGuard;
use std::time::{Duration, Instant, UNIX_EPOCH};

use bytes::Bytes;

use crate::protocol::batch::BatchHeader;
use crate::protocol::records::decode_batch;
use crate::{Error, Result};

use super::index::IndexBuilder;
use super::log::PartitionLog;
use super::sealed::SealedSegment;
use super::segment::{
    encode_header, offset_index_path, time_index_path, MaxTimestamp, SEGMENT_HEADER_LEN,
};
use super::{file, LogConfig};

pub use filter::LastBatch;
pub use plan::{Cleanability, Due};
pub use state::CleanerState;
pub use throttle::Throttle;
pub use txn::AbortedRange;

use filter::{Kept, Retention};
use offset_map::OffsetMap;
use plan::SegmentInfo;
use txn::TxnTracker;

/// A compacted partition as `topics describe` shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompactionStatus {
    /// The share of its closed segments' bytes not cleaned yet.
    pub dirty_ratio: f64,
    /// When its last cleaning pass finished (epoch ms).
    pub last_cleaned_ms: Option<i64>,
}

/// The compaction status of the partition directory `dir` from its files alone, for a broker
/// that runs in another process: segment sizes and the cleaner state it saved. It leaves out
/// what only the running broker knows (open transactions, `min.compaction.lag.ms`), so the
/// ratio may count a little more as dirty than the cleaner does.
pub fn status_in_dir(dir: &std::path::Path) -> Result<CompactionStatus> {
    let mut segments: Vec<SegmentInfo> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if let Some((base, true)) = name.to_str().and_then(super::segment::parse_file_name) {
            segments.push(SegmentInfo {
                base_offset: base,
                size_bytes: entry.metadata()?.len(),
                first_timestamp_ms: -1,
                newest_timestamp_ms: -1,
            });
        }
    }
    segments.sort_by_key(|s| s.base_offset);
    let state = state::read(dir);
    let Some(active) = segments.pop() else {
        return Ok(CompactionStatus {
            dirty_ratio: 0.0,
            last_cleaned_ms: state.last_cleaned_ms,
        });
    };
    let start = segments
        .first()
        .map_or(active.base_offset, |s| s.base_offset);
    let c = plan::assess(
        &segments,
        active.base_offset,
        start,
        state.first_dirty_offset,
        i64::MAX,
        &LogConfig::default(),
        0,
    );
    Ok(CompactionStatus {
        dirty_ratio: c.dirty_ratio(),
        last_cleaned_ms: state.last_cleaned_ms,
    })
}

/// Settings of the cleaner, shared by every partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanerSettings {
    /// Memory for the key → offset map of one pass.
    pub dedupe_buffer_bytes: usize,
}

/// What the broker knows of a partition that its log does not: transactions and producers.
#[derive(Debug, Clone, Default)]
pub struct PassInputs {
    pub last_stable_offset: i64,
    /// Aborted transactions of the partition.
    pub aborted: Vec<AbortedRange>,
    /// Each producer's last batch.
    pub producers: HashMap<i64, LastBatch>,
    pub now_ms: i64,
}

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassSummary {
    /// Why it ran.
    pub due: Option<Due>,
    /// The dirty section it covered: `[first_dirty_offset, end_offset)`.
    pub first_dirty_offset: i64,
    pub end_offset: i64,
    /// Segments read and written.
    pub segments_in: usize,
    pub segments_out: usize,
    /// Groups not swapped in because the log changed under them (retention).
    pub groups_abandoned: usize,
    pub bytes_read: u64,
    pub bytes_written: u64,
    pub records_read: u64,
    pub records_kept: u64,
    /// Memory of the offset map.
    pub map_bytes: usize,
    pub duration: Duration,
    /// Aborted transactions none of whose data is left: read_committed fetches need them no
    /// longer, and must not get them once their marker goes (see [`AbortedRange`]).
    pub settled_aborts: Vec<AbortedRange>,
}

/// Access to a partition's log under its lock.
pub trait LogLock {
    fn lock_log(&self) -> MutexGuard<'_, PartitionLog>;
}

/// One sealed segment as a pass sees it.
struct Seg {
    base: i64,
    next: i64,
    data: Bytes,
    last_modified_ms: i64,
    info: SegmentInfo,
}

impl Seg {
    fn of(segment: &SealedSegment) -> Seg {
        let first_timestamp_ms = segment
            .data
            .get(SEGMENT_HEADER_LEN as usize..)
            .and_then(|rest| BatchHeader::parse(rest).ok())
            .filter(|h| h.records_count > 0)
            .map_or(-1, |h| h.max_timestamp);
        Seg {
            base: segment.base_offset,
            next: segment.next_offset,
            data: segment.data.clone(),
            last_modified_ms: segment.last_modified_ms,
            info: SegmentInfo {
                base_offset: segment.base_offset,
                size_bytes: segment.size_bytes(),
                first_timestamp_ms,
                newest_timestamp_ms: segment.newest_timestamp_ms(),
            },
        }
    }

    /// The segment's batches as (header, bytes); damage stops the pass with an error.
    fn batches(&self) -> impl Iterator<Item = Result<(BatchHeader, Bytes)>> + '_ {
        let mut pos = SEGMENT_HEADER_LEN as usize;
        std::iter::from_fn(move || {
            let rest = self.data.get(pos..).filter(|r| !r.is_empty())?;
            let parsed = BatchHeader::parse(rest).and_then(|h| {
                let end = pos + h.total_len();
                if end > self.data.len() {
                    return Err(Error::CorruptBatch(format!(
                        "batch at position {pos} of segment {} overruns it",
                        self.base
                    )));
                }
                Ok((h, self.data.slice(pos..end)))
            });
            match &parsed {
                Ok((h, _)) => pos += h.total_len(),
                Err(_) => pos = self.data.len(),
            }
            Some(parsed)
        })
    }
}

impl PartitionLog {
    fn segment_infos(&self) -> Vec<SegmentInfo> {
        self.sealed.iter().map(|s| Seg::of(s).info).collect()
    }

    fn assess(&self, infos: &[SegmentInfo], last_stable_offset: i64, now_ms: i64) -> Cleanability {
        plan::assess(
            infos,
            self.active_base_offset(),
            self.log_start_offset(),
            self.cleaner.first_dirty_offset,
            last_stable_offset,
            &self.config,
            now_ms,
        )
    }

    /// The clean and dirty sections of the log now, for `topics describe` and the scheduler.
    pub fn cleanability(&self, last_stable_offset: i64, now_ms: i64) -> Cleanability {
        self.assess(&self.segment_infos(), last_stable_offset, now_ms)
    }

    /// The sections a pass would clean now, and why it is due; None when it is not, and
    /// always for a log that is not compacted or whose last pass failed.
    pub fn cleaning_due(
        &self,
        last_stable_offset: i64,
        now_ms: i64,
    ) -> Option<(Cleanability, Due)> {
        if !self.config.compact || self.cleaner.failed.is_some() {
            return None;
        }
        let infos = self.segment_infos();
        let c = self.assess(&infos, last_stable_offset, now_ms);
        let due = plan::due(
            &c,
            &infos,
            &self.config,
            self.cleaner.next_delete_horizon_ms,
            now_ms,
        )?;
        Some((c, due))
    }

    /// The dirty ratio and the last pass, for `topics describe`.
    pub fn compaction_status(&self, last_stable_offset: i64, now_ms: i64) -> CompactionStatus {
        CompactionStatus {
            dirty_ratio: self.cleanability(last_stable_offset, now_ms).dirty_ratio(),
            last_cleaned_ms: self.cleaner.last_cleaned_ms,
        }
    }

    /// What the cleaner remembers of this log.
    pub fn cleaner_state(&self) -> &CleanerState {
        &self.cleaner
    }

    /// Stops cleaning this log until the next start, after a pass failed for `reason`.
    pub fn cleaning_failed(&mut self, reason: String) {
        self.cleaner.failed = Some(reason);
    }
}

/// The log as a pass starts from.
struct Snapshot {
    dir: Option<PathBuf>,
    config: LogConfig,
    segments: Vec<Seg>,
}

fn snapshot(log: &PartitionLog) -> Snapshot {
    Snapshot {
        dir: log.dir.clone(),
        config: log.config,
        segments: log.sealed.iter().map(Seg::of).collect(),
    }
}

/// Runs one pass over the partition if it is due. Returns what it did, or None when it was
/// not due.
pub fn clean(
    log: &dyn LogLock,
    inputs: &PassInputs,
    settings: &CleanerSettings,
    throttle: &mut Throttle,
) -> Result<Option<PassSummary>> {
    let started = Instant::now();
    let (snap, c, due) = {
        let log = log.lock_log();
        let Some((c, due)) = log.cleaning_due(inputs.last_stable_offset, inputs.now_ms) else {
            return Ok(None);
        };
        (snapshot(&log), c, due)
    };
    let mut summary = PassSummary {
        due: Some(due),
        first_dirty_offset: c.first_dirty_offset,
        ..PassSummary::default()
    };
    let (map, end) = build_offset_map(&snap, &c, inputs, settings, throttle, &mut summary)?;
    summary.end_offset = end;
    summary.map_bytes = map.size_bytes();
    let retention = Retention {
        map: &map,
        producers: &inputs.producers,
        now_ms: inputs.now_ms,
        delete_retention_ms: snap.config.delete_retention_ms,
    };
    let mut horizon: Option<i64> = None;
    let to_clean: Vec<&Seg> = snap.segments.iter().filter(|s| s.base < end).collect();
    // One walk over the whole cleaned range, as Kafka's: a transaction's data and its marker
    // may lie in different groups.
    let mut txn = TxnTracker::new(
        inputs
            .aborted
            .iter()
            .filter(|a| a.first_offset < end)
            .copied()
            .collect(),
    );
    for group in groups(&to_clean, snap.config.segment_bytes) {
        let cleaned = match clean_group(&snap, group, &retention, &mut txn, throttle, &mut summary)
        {
            Ok(cleaned) => cleaned,
            Err(e) => {
                // Nothing of the group was committed: its partial files go.
                if let (Some(dir), Some(first)) = (&snap.dir, group.first()) {
                    swap::discard(dir, first.base);
                }
                return Err(e);
            }
        };
        horizon = match (horizon, cleaned.horizon_ms) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if swap_in(log, &snap, group, cleaned)? {
            summary.segments_in += group.len();
            summary.segments_out += 1;
        } else {
            summary.groups_abandoned += 1;
        }
    }
    summary.settled_aborts = txn.settled();
    let state = CleanerState {
        first_dirty_offset: Some(end),
        last_cleaned_ms: Some(inputs.now_ms),
        next_delete_horizon_ms: horizon,
        failed: None,
    };
    let mut log = log.lock_log();
    // A log deleted (its directory perhaps re-created for a new topic) keeps nothing of ours.
    if !log.closed {
        if let Some(dir) = &snap.dir {
            state::write(dir, &state)?;
        }
        log.cleaner = state;
    }
    summary.duration = started.elapsed();
    Ok(Some(summary))
}

/// Maps each key of the dirty section to its latest offset. Returns the map and the offset
/// where the dirty section it covers ends (the first uncleanable offset, or where it filled).
fn build_offset_map(
    snap: &Snapshot,
    c: &Cleanability,
    inputs: &PassInputs,
    settings: &CleanerSettings,
    throttle: &mut Throttle,
    summary: &mut PassSummary,
) -> Result<(OffsetMap, i64)> {
    let first_dirty = c.first_dirty_offset;
    let uncleanable = c.first_uncleanable_offset;
    let span = usize::try_from(uncleanable.saturating_sub(first_dirty)).unwrap_or(usize::MAX);
    let mut map = OffsetMap::new(settings.dedupe_buffer_bytes, span);
    // Everything below the dirty section has been mapped by earlier passes.
    map.advance_to(first_dirty - 1);
    // Only transactions that end in the dirty section: one whose marker lies below it would
    // never be closed by this walk and would make its producer's later data look aborted.
    let mut txn = TxnTracker::new(
        inputs
            .aborted
            .iter()
            .filter(|a| a.last_offset >= first_dirty && a.first_offset < uncleanable)
            .copied()
            .collect(),
    );
    let dirty = snap
        .segments
        .iter()
        .filter(|s| s.next > first_dirty && s.base < uncleanable);
    for segment in dirty {
        for batch in segment.batches() {
            let (h, bytes) = batch?;
            throttle.account(bytes.len() as u64)?;
            summary.bytes_read += bytes.len() as u64;
            if h.last_offset() < first_dirty {
                continue;
            }
            if h.is_control() {
                txn.on_marker(&h, filter::marker_of(&h, &bytes)?);
            } else if !txn.on_data(&h) {
                for record in decode_batch(&bytes)? {
                    let Some(key) = record.key.filter(|_| record.offset >= first_dirty) else {
                        continue;
                    };
                    // Full: this pass ends before the record; the next maps it.
                    if !map.put(&key, record.offset) {
                        return Ok((map, record.offset));
                    }
                }
            }
            map.advance_to(h.last_offset());
        }
    }
    Ok((map, uncleanable))
}

/// Consecutive segments whose sizes add up to at most `segment_bytes` (and what a segment
/// index can address) are cleaned into one, as Kafka groups them: the log does not fragment
/// into ever smaller segments as compaction shrinks them.
fn groups<'a>(segments: &'a [&'a Seg], segment_bytes: u64) -> Vec<&'a [&'a Seg]> {
    let limit = segment_bytes.min(u64::from(u32::MAX));
    let mut out = Vec::new();
    let mut start = 0;
    while start < segments.len() {
        let mut end = start + 1;
        let first_base = segments.get(start).map_or(0, |s| s.base);
        let mut size = segments.get(start).map_or(0, |s| s.data.len() as u64);
        while let Some(next) = segments.get(end) {
            let with = size + next.data.len() as u64 - SEGMENT_HEADER_LEN;
            // Index entries hold offsets relative to the group's base in 32 bits.
            if with > limit || next.next - first_base > i64::from(u32::MAX) {
                break;
            }
            size = with;
            end += 1;
        }
        if let Some(group) = segments.get(start..end) {
            out.push(group);
        }
        start = end;
    }
    out
}

/// Where a group's cleaned segment is being written.
enum Sink {
    File(BufWriter<File>),
    Memory(Vec<u8>),
}

/// A group's cleaned segment, written but not yet part of the log.
struct Cleaned {
    base: i64,
    end: i64,
    sink: Sink,
    index: IndexBuilder,
    last_modified_ms: i64,
    horizon_ms: Option<i64>,
}

fn clean_group(
    snap: &Snapshot,
    group: &[&Seg],
    retention: &Retention<'_>,
    txn: &mut TxnTracker,
    throttle: &mut Throttle,
    summary: &mut PassSummary,
) -> Result<Cleaned> {
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return Err(Error::Storage("an empty group of segments to clean".into()));
    };
    let (base, end) = (first.base, last.next);
    let header = encode_header(base);
    let sink = match &snap.dir {
        Some(dir) => {
            let mut out =
                BufWriter::with_capacity(1 << 20, File::create(swap::cleaned_path(dir, base))?);
            out.write_all(&header)?;
            Sink::File(out)
        }
        None => Sink::Memory(header.to_vec()),
    };
    let mut cleaned = Cleaned {
        base,
        end,
        sink,
        index: IndexBuilder::new(snap.config.index_interval_bytes),
        last_modified_ms: group.iter().map(|s| s.last_modified_ms).max().unwrap_or(0),
        horizon_ms: None,
    };
    let mut position = SEGMENT_HEADER_LEN;
    for segment in group {
        for batch in segment.batches() {
            let (h, bytes) = batch?;
            let read = bytes.len() as u64;
            summary.bytes_read += read;
            let filtered = retention.filter(&bytes, &h, txn)?;
            summary.records_read += filtered.records_in as u64;
            summary.records_kept += filtered.records_out as u64;
            if let Some(at) = filtered.horizon_ms {
                cleaned.horizon_ms = Some(cleaned.horizon_ms.map_or(at, |h| h.min(at)));
            }
            let out = match filtered.kept {
                Kept::Verbatim => bytes,
                Kept::Rewritten(batch) => batch,
                Kept::Dropped => {
                    throttle.account(read)?;
                    continue;
                }
            };
            let out_header = BatchHeader::parse(&out)?;
            let (Ok(rel), Ok(pos)) = (
                u32::try_from(out_header.base_offset - base),
                u32::try_from(position),
            ) else {
                return Err(Error::Storage(format!(
                    "cleaned segment {base} outgrows what an index can address"
                )));
            };
            cleaned
                .index
                .on_batch(rel, pos, &out_header, out.len() as u64);
            match &mut cleaned.sink {
                Sink::File(file) => file.write_all(&out)?,
                Sink::Memory(buf) => buf.extend_from_slice(&out),
            }
            position += out.len() as u64;
            summary.bytes_written += out.len() as u64;
            throttle.account(read + out.len() as u64)?;
        }
    }
    cleaned.index.seal();
    if let (Sink::File(out), Some(dir)) = (&mut cleaned.sink, &snap.dir) {
        out.flush()?;
        let file = out.get_ref();
        // Retention by time falls back to the file's age: keep the group's newest.
        let modified = UNIX_EPOCH + Duration::from_millis(cleaned.last_modified_ms.max(0) as u64);
        if let Err(e) = file.set_modified(modified) {
            tracing::debug!(error = %e, "cannot set a cleaned segment's modification time");
        }
        file.sync_all()?;
        // The indexes too, before the swap: what remains to do under the log lock is
        // renames and deletions, which need no space on the disk.
        swap::write_indexes(dir, base, cleaned.index.offsets(), cleaned.index.times())?;
    }
    Ok(cleaned)
}

/// Swaps a cleaned group into the log, under its lock, if the group is still there. Returns
/// false (and discards the cleaned file) when the log changed under it.
fn swap_in(log: &dyn LogLock, snap: &Snapshot, group: &[&Seg], cleaned: Cleaned) -> Result<bool> {
    let mut log = log.lock_log();
    let start = log
        .sealed
        .iter()
        .position(|s| s.base_offset == cleaned.base);
    let unchanged = start.is_some_and(|start| {
        group.len() <= log.sealed.len() - start
            && group
                .iter()
                .zip(log.sealed.range(start..))
                .all(|(old, now)| old.base == now.base_offset && old.next == now.next_offset)
    });
    let Some(start) = start.filter(|_| unchanged) else {
        drop(log);
        if let (Sink::File(_), Some(dir)) = (&cleaned.sink, &snap.dir) {
            swap::discard(dir, cleaned.base);
        }
        return Ok(false);
    };
    let max_timestamp = cleaned
        .index
        .max_timestamp()
        .map(|(timestamp, rel)| MaxTimestamp {
            timestamp,
            batch_offset: cleaned.base + i64::from(rel),
        });
    let (offsets, times) = cleaned.index.into_parts();
    let segment = match cleaned.sink {
        Sink::File(out) => {
            drop(out);
            let dir = snap
                .dir
                .as_deref()
                .ok_or_else(|| Error::Storage("a cleaned file for an in-memory log".into()))?;
            let committed = swap::commit(dir, cleaned.base, cleaned.end).and_then(|path| {
                Ok(SealedSegment {
                    base_offset: cleaned.base,
                    next_offset: cleaned.end,
                    max_timestamp,
                    data: file::map(&File::open(&path)?)?,
                    offset_index: file::map(&File::open(offset_index_path(&path))?)?,
                    time_index: file::map(&File::open(time_index_path(&path))?)?,
                    path: Some(path),
                    last_modified_ms: cleaned.last_modified_ms,
                })
            });
            match committed {
                Ok(segment) => segment,
                Err(e) => {
                    // Past the commit point the files on disk are the new segment's (the next
                    // open finishes the swap), while memory still holds the old ones: deleting
                    // those by name could now delete the new file. Keep every segment until
                    // the broker restarts.
                    log.segments_pinned = true;
                    return Err(e);
                }
            }
        }
        Sink::Memory(data) => SealedSegment {
            base_offset: cleaned.base,
            next_offset: cleaned.end,
            max_timestamp,
            data: Bytes::from(data),
            offset_index: Bytes::from(offsets),
            time_index: Bytes::from(times),
            path: None,
            last_modified_ms: cleaned.last_modified_ms,
        },
    };
    log.sealed.drain(start..start + group.len());
    log.sealed.insert(start, segment);
    Ok(true)
}
