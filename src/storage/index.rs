//! Sparse offset and time indexes of one segment: their on-disk encoding, lookups, the cheap
//! plausibility check run when a sealed segment is opened, and the builder that produces them.
//!
//! On-disk format (big endian, no header, entries appended in log order):
//!
//! ```text
//! <base>.index      entries of 8 bytes:  relative offset u32 | file position u32
//!                   one per batch that starts after `index_interval_bytes` of unindexed data;
//!                   the relative offset is the batch's base offset minus the segment's.
//! <base>.timeindex  entries of 12 bytes: max timestamp so far i64 | relative offset u32
//!                   written alongside offset entries when the max timestamp grew, plus a final
//!                   entry when the segment is sealed, so the last entry is the segment's max
//!                   timestamp and the relative base offset of the batch that first reached it.
//! ```
//!
//! Invariants: both indexes are strictly increasing in every field; positions point at batch
//! starts inside the segment file. The active segment keeps its indexes in memory (they are
//! rebuilt by the recovery scan anyway) and writes the files once, when it is sealed; sealed
//! segments memory-map them. Every reader treats the bytes as untrusted: lookups never panic,
//! and callers verify that an entry points at the batch it claims.

use crate::protocol::batch::BatchHeader;

use super::segment::SEGMENT_HEADER_LEN;

pub(crate) const OFFSET_ENTRY_LEN: usize = 8;
pub(crate) const TIME_ENTRY_LEN: usize = 12;

/// One offset index entry: (relative offset, file position).
pub(crate) type OffsetEntry = (u32, u32);
/// One time index entry: (timestamp, relative offset).
pub(crate) type TimeEntry = (i64, u32);

fn offset_entry(index: &[u8], i: usize) -> Option<OffsetEntry> {
    let raw = index.get(i * OFFSET_ENTRY_LEN..(i + 1) * OFFSET_ENTRY_LEN)?;
    let (rel, pos) = raw.split_at(4);
    Some((
        u32::from_be_bytes(rel.try_into().ok()?),
        u32::from_be_bytes(pos.try_into().ok()?),
    ))
}

fn time_entry(index: &[u8], i: usize) -> Option<TimeEntry> {
    let raw = index.get(i * TIME_ENTRY_LEN..(i + 1) * TIME_ENTRY_LEN)?;
    let (ts, rel) = raw.split_at(8);
    Some((
        i64::from_be_bytes(ts.try_into().ok()?),
        u32::from_be_bytes(rel.try_into().ok()?),
    ))
}

/// Index of the first entry for which `is_after` holds, assuming entries are sorted so that it
/// holds for a suffix (binary search; a damaged index just yields a wrong but bounded answer).
fn partition_point(entries: usize, is_after: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, entries);
    while low < high {
        let mid = low + (high - low) / 2;
        if is_after(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    low
}

/// The last entry whose relative offset is <= `rel`: where a scan for `rel` may start.
pub(crate) fn offset_floor(index: &[u8], rel: u32) -> Option<OffsetEntry> {
    let entries = index.len() / OFFSET_ENTRY_LEN;
    let after = partition_point(entries, |i| {
        offset_entry(index, i).is_none_or(|(r, _)| r > rel)
    });
    offset_entry(index, after.checked_sub(1)?)
}

/// The last entry whose timestamp is < `timestamp`: every record up to that entry's batch is
/// older than `timestamp`, so a search for it may start at that batch.
pub(crate) fn time_floor_below(index: &[u8], timestamp: i64) -> Option<TimeEntry> {
    let entries = index.len() / TIME_ENTRY_LEN;
    let after = partition_point(entries, |i| {
        time_entry(index, i).is_none_or(|(ts, _)| ts >= timestamp)
    });
    time_entry(index, after.checked_sub(1)?)
}

/// The segment's max timestamp and the relative offset of the batch holding it.
pub(crate) fn last_offset_entry(index: &[u8]) -> Option<OffsetEntry> {
    offset_entry(index, (index.len() / OFFSET_ENTRY_LEN).checked_sub(1)?)
}

pub(crate) fn last_time_entry(index: &[u8]) -> Option<TimeEntry> {
    time_entry(index, (index.len() / TIME_ENTRY_LEN).checked_sub(1)?)
}

/// Cheap check of a sealed segment's offset index: whole entries, the last two increasing, and
/// the last one inside the segment (`offsets` = next segment's base minus this one's).
pub(crate) fn check_offset_index(index: &[u8], offsets: u64, log_len: u64) -> Result<(), String> {
    if !index.len().is_multiple_of(OFFSET_ENTRY_LEN) {
        return Err(format!(
            "size {} is not a multiple of {OFFSET_ENTRY_LEN}",
            index.len()
        ));
    }
    let entries = index.len() / OFFSET_ENTRY_LEN;
    let Some(last) = entries.checked_sub(1).and_then(|i| offset_entry(index, i)) else {
        return Ok(());
    };
    if u64::from(last.0) >= offsets {
        return Err(format!(
            "last entry offset +{} is beyond the segment",
            last.0
        ));
    }
    if u64::from(last.1) < SEGMENT_HEADER_LEN || u64::from(last.1) >= log_len {
        return Err(format!(
            "last entry position {} is outside the log file",
            last.1
        ));
    }
    if let Some(prev) = entries.checked_sub(2).and_then(|i| offset_entry(index, i)) {
        if prev.0 >= last.0 || prev.1 >= last.1 {
            return Err("last entries are not increasing".into());
        }
    }
    Ok(())
}

/// Cheap check of a sealed segment's time index, like [`check_offset_index`].
pub(crate) fn check_time_index(index: &[u8], offsets: u64) -> Result<(), String> {
    if !index.len().is_multiple_of(TIME_ENTRY_LEN) {
        return Err(format!(
            "size {} is not a multiple of {TIME_ENTRY_LEN}",
            index.len()
        ));
    }
    let entries = index.len() / TIME_ENTRY_LEN;
    let Some(last) = entries.checked_sub(1).and_then(|i| time_entry(index, i)) else {
        return Ok(());
    };
    if u64::from(last.1) >= offsets {
        return Err(format!(
            "last entry offset +{} is beyond the segment",
            last.1
        ));
    }
    if let Some(prev) = entries.checked_sub(2).and_then(|i| time_entry(index, i)) {
        if prev.0 >= last.0 || prev.1 >= last.1 {
            return Err("last entries are not increasing".into());
        }
    }
    Ok(())
}

/// An [`IndexBuilder`]'s state apart from its interval, as the clean-shutdown record keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexState {
    pub bytes_since_entry: u64,
    pub offsets: Vec<u8>,
    pub times: Vec<u8>,
    pub max_timestamp: Option<TimeEntry>,
}

/// Builds a segment's two indexes batch by batch. Live appends, the recovery scan and index
/// rebuilds all go through it, so they produce identical files.
#[derive(Debug, Clone)]
pub(crate) struct IndexBuilder {
    interval_bytes: u64,
    bytes_since_entry: u64,
    offsets: Vec<u8>,
    times: Vec<u8>,
    /// Largest batch max timestamp so far and the relative offset of the first batch with it.
    max_timestamp: Option<TimeEntry>,
    /// Batches seen by this builder (not by a restored one's predecessor).
    batches: u64,
}

impl IndexBuilder {
    pub(crate) fn new(interval_bytes: u32) -> IndexBuilder {
        IndexBuilder {
            interval_bytes: u64::from(interval_bytes),
            bytes_since_entry: 0,
            offsets: Vec::new(),
            times: Vec::new(),
            max_timestamp: None,
            batches: 0,
        }
    }

    /// Continues from a saved state, as if every batch it covers had been seen again.
    pub(crate) fn restore(interval_bytes: u32, state: IndexState) -> IndexBuilder {
        IndexBuilder {
            interval_bytes: u64::from(interval_bytes),
            bytes_since_entry: state.bytes_since_entry,
            offsets: state.offsets,
            times: state.times,
            max_timestamp: state.max_timestamp,
            batches: 0,
        }
    }

    pub(crate) fn state(&self) -> IndexState {
        IndexState {
            bytes_since_entry: self.bytes_since_entry,
            offsets: self.offsets.clone(),
            times: self.times.clone(),
            max_timestamp: self.max_timestamp,
        }
    }

    pub(crate) fn set_interval(&mut self, interval_bytes: u32) {
        self.interval_bytes = u64::from(interval_bytes);
    }

    /// Records a batch of `len` bytes at file position `pos`, `rel` offsets past the base.
    pub(crate) fn on_batch(&mut self, rel: u32, pos: u32, header: &BatchHeader, len: u64) {
        self.batches += 1;
        // Empty batches hold no record that could carry the timestamp, and -1 means "none".
        let has_timestamp = header.records_count > 0 && header.max_timestamp >= 0;
        if has_timestamp
            && self
                .max_timestamp
                .is_none_or(|(ts, _)| header.max_timestamp > ts)
        {
            self.max_timestamp = Some((header.max_timestamp, rel));
        }
        if self.bytes_since_entry >= self.interval_bytes {
            self.offsets.extend_from_slice(&rel.to_be_bytes());
            self.offsets.extend_from_slice(&pos.to_be_bytes());
            self.push_time_entry();
            self.bytes_since_entry = 0;
        }
        self.bytes_since_entry = self.bytes_since_entry.saturating_add(len);
    }

    /// Adds the final time entry so the sealed time index ends with the segment's maximum.
    pub(crate) fn seal(&mut self) {
        self.push_time_entry();
    }

    fn push_time_entry(&mut self) {
        let Some((ts, rel)) = self.max_timestamp else {
            return;
        };
        if last_time_entry(&self.times).is_none_or(|(last, _)| ts > last) {
            self.times.extend_from_slice(&ts.to_be_bytes());
            self.times.extend_from_slice(&rel.to_be_bytes());
        }
    }

    pub(crate) fn offsets(&self) -> &[u8] {
        &self.offsets
    }

    pub(crate) fn times(&self) -> &[u8] {
        &self.times
    }

    pub(crate) fn batches(&self) -> u64 {
        self.batches
    }

    pub(crate) fn max_timestamp(&self) -> Option<TimeEntry> {
        self.max_timestamp
    }

    pub(crate) fn into_parts(self) -> (Vec<u8>, Vec<u8>) {
        (self.offsets, self.times)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(max_timestamp: i64) -> BatchHeader {
        BatchHeader {
            base_offset: 0,
            batch_length: 100,
            partition_leader_epoch: 0,
            magic: 2,
            crc: 0,
            attributes: 0,
            last_offset_delta: 0,
            base_timestamp: max_timestamp,
            max_timestamp,
            producer_id: -1,
            producer_epoch: -1,
            base_sequence: -1,
            records_count: 1,
        }
    }

    /// Ten 112-byte batches, one offset each, with an interval of 200 bytes.
    fn built() -> IndexBuilder {
        let mut builder = IndexBuilder::new(200);
        for (i, ts) in [5, 3, 8, 8, 9, 1, 12, 2, 2, 20].into_iter().enumerate() {
            let pos = SEGMENT_HEADER_LEN as u32 + 112 * i as u32;
            builder.on_batch(i as u32, pos, &header(ts), 112);
        }
        builder
    }

    #[test]
    fn entries_follow_the_interval() {
        let builder = built();
        // Entries at batches 2, 4, 6, 8: each after >= 200 unindexed bytes.
        assert_eq!(builder.offsets().len(), 4 * OFFSET_ENTRY_LEN);
        assert_eq!(offset_floor(builder.offsets(), 0), None);
        assert_eq!(offset_floor(builder.offsets(), 5), Some((4, 18 + 4 * 112)));
        assert_eq!(
            offset_floor(builder.offsets(), 100),
            Some((8, 18 + 8 * 112))
        );
    }

    #[test]
    fn time_entries_track_the_running_maximum() {
        let mut builder = built();
        // At batches 2, 4, 6 the max was 8 (first reached at 2), 9 (at 4), 12 (at 6); at 8 it
        // had not grown, so no entry.
        assert_eq!(last_time_entry(builder.times()), Some((12, 6)));
        assert_eq!(time_floor_below(builder.times(), 9), Some((8, 2)));
        assert_eq!(time_floor_below(builder.times(), 8), None);
        builder.seal();
        assert_eq!(last_time_entry(builder.times()), Some((20, 9)));
        assert_eq!(builder.max_timestamp(), Some((20, 9)));
    }

    #[test]
    fn plausibility_checks_catch_damage() {
        let mut builder = built();
        builder.seal();
        let (offsets, times) = builder.into_parts();
        let log_len = 18 + 10 * 112;
        assert!(check_offset_index(&offsets, 10, log_len).is_ok());
        assert!(check_time_index(&times, 10).is_ok());
        assert!(check_offset_index(&offsets[..7], 10, log_len).is_err());
        assert!(check_offset_index(&offsets, 8, log_len).is_err());
        assert!(check_offset_index(&offsets, 10, 100).is_err());
        assert!(check_time_index(&times, 9).is_err());
        let mut swapped = offsets.clone();
        let tail = swapped.len() - 2 * OFFSET_ENTRY_LEN;
        swapped[tail..].rotate_right(OFFSET_ENTRY_LEN);
        assert!(check_offset_index(&swapped, 10, log_len).is_err());
        assert!(check_offset_index(&[], 10, log_len).is_ok());
    }

    #[test]
    fn lookups_on_garbage_do_not_panic() {
        // Three whole 0xff offset entries and two time entries (timestamp -1) plus a ragged tail:
        // lookups answer from whole entries only and leave range checks to the caller.
        let garbage = [0xffu8; 29];
        assert_eq!(offset_floor(&garbage, 7), None);
        assert_eq!(offset_floor(&garbage, u32::MAX), Some((u32::MAX, u32::MAX)));
        assert_eq!(time_floor_below(&garbage, 0), Some((-1, u32::MAX)));
        assert_eq!(last_time_entry(&garbage[..5]), None);
    }
}
