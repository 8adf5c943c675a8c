//! Idempotent and transactional producers, per partition: the producer epoch and the last few
//! batches (their sequence ranges and offsets) of every producer id that wrote here, so that a
//! retried batch is acknowledged with its original offsets instead of being written twice, a
//! gap in the sequence is refused with OUT_OF_ORDER_SEQUENCE_NUMBER, and an older epoch is
//! fenced. For transactions: the first offset of each producer's open transaction (the
//! smallest is where the last stable offset stops) and the aborted transactions whose records
//! read_committed consumers must skip, as transaction markers close them.
//!
//! The rules follow Kafka's ProducerStateManager. The state is kept in memory, snapshotted to
//! `producer-state.json` in the partition directory (at shutdown and periodically, always at
//! an offset already on disk), and on open rebuilt by reading batch headers from the
//! snapshot's offset — or, without a usable snapshot, from the start of the active segment, or
//! of the log for a partition that has seen transactions — to the log end.

use std::collections::{HashMap, VecDeque};
use std::path::Path;

use kafka_protocol::error::ResponseError;
use serde::{Deserialize, Serialize};

use crate::protocol::batch::BatchHeader;
use crate::protocol::records::marker_kind;
use crate::storage::cleaner::{AbortedRange, LastBatch};
use crate::storage::PartitionLog;
use crate::{Error, Result};

/// Batches remembered per producer for duplicate detection (Kafka keeps five, matching the
/// clients' max.in.flight.requests.per.connection limit for idempotence).
pub const BATCHES_PER_PRODUCER: usize = 5;

const SNAPSHOT_FILE: &str = "producer-state.json";

/// Present once a transactional batch was written to the partition: without a usable snapshot,
/// such a partition's state is rebuilt from the log start, since an aborted or open
/// transaction may lie in any segment. Other partitions rebuild from the active segment only.
pub const TRANSACTIONS_SEEN_FILE: &str = "transactions.seen";

/// Bytes read per step while rebuilding state from the log.
const REBUILD_READ_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct CachedBatch {
    first_seq: i32,
    last_seq: i32,
    base_offset: i64,
    last_offset: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ProducerEntry {
    epoch: i16,
    batches: VecDeque<CachedBatch>,
    /// The first offset of the producer's open transaction in this partition.
    #[serde(default)]
    txn_first_offset: Option<i64>,
    /// The max timestamp of its last batch.
    #[serde(default)]
    last_timestamp: i64,
}

/// An aborted transaction in this partition: its records lie between `first_offset` and the
/// abort marker at `last_offset`, and read_committed consumers skip them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbortedTxn {
    pub producer_id: i64,
    pub first_offset: i64,
    pub last_offset: i64,
}

/// One producer as DescribeProducers reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProducerInfo {
    pub producer_id: i64,
    pub epoch: i16,
    pub last_sequence: i32,
    pub last_timestamp: i64,
    /// The first offset of its open transaction, or -1.
    pub txn_start_offset: i64,
}

/// What to do with an idempotent batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SequenceCheck {
    /// New and in order: append it.
    Append,
    /// Already written (a retry): answer with these offsets, write nothing.
    Duplicate { base_offset: i64, last_offset: i64 },
}

/// The idempotent producers of one partition.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerStates {
    producers: HashMap<i64, ProducerEntry>,
    /// Aborted transactions, in marker order.
    #[serde(default)]
    aborted: Vec<AbortedTxn>,
}

#[derive(Serialize, Deserialize)]
struct Snapshot {
    /// Every batch below this offset is reflected in `states`.
    offset: i64,
    states: ProducerStates,
}

/// The sequence of a batch's last record, wrapping past i32::MAX to 0 as Kafka does.
fn last_sequence(h: &BatchHeader) -> i32 {
    let last = i64::from(h.base_sequence) + i64::from(h.last_offset_delta);
    (last % (i64::from(i32::MAX) + 1)) as i32
}

fn follows(last_seq: i32, next_seq: i32) -> bool {
    next_seq == last_seq.wrapping_add(1) || (last_seq == i32::MAX && next_seq == 0)
}

fn refuse(error: ResponseError, context: String) -> Error {
    Error::Kafka {
        error,
        context,
        message: None,
    }
}

/// Whether a batch carries an idempotent producer's identity.
pub fn is_idempotent(h: &BatchHeader) -> bool {
    h.producer_id >= 0 && !h.is_control()
}

impl ProducerStates {
    /// Decides about an idempotent batch before it is appended.
    pub fn check(&self, h: &BatchHeader) -> Result<SequenceCheck> {
        let first = h.base_sequence;
        let last = last_sequence(h);
        if first < 0 {
            return Err(refuse(
                ResponseError::InvalidRecord,
                format!(
                    "producer {} sent a batch without a sequence number",
                    h.producer_id
                ),
            ));
        }
        let Some(entry) = self.producers.get(&h.producer_id) else {
            if first == 0 {
                return Ok(SequenceCheck::Append);
            }
            return Err(refuse(
                ResponseError::UnknownProducerId,
                format!(
                    "no state for producer {} and its batch starts at sequence {first}",
                    h.producer_id
                ),
            ));
        };
        if entry.txn_first_offset.is_some() && !h.is_transactional() {
            // Its open transaction here must end (with a marker) before it writes outside one.
            return Err(refuse(
                ResponseError::InvalidTxnState,
                format!(
                    "producer {} has an open transaction here and sent a non-transactional batch",
                    h.producer_id
                ),
            ));
        }
        if h.producer_epoch < entry.epoch {
            return Err(refuse(
                ResponseError::InvalidProducerEpoch,
                format!(
                    "producer {} epoch {} is older than the current epoch {}",
                    h.producer_id, h.producer_epoch, entry.epoch
                ),
            ));
        }
        if h.producer_epoch > entry.epoch {
            if first != 0 {
                return Err(refuse(
                    ResponseError::OutOfOrderSequenceNumber,
                    format!(
                        "producer {} began epoch {} at sequence {first}, not 0",
                        h.producer_id, h.producer_epoch
                    ),
                ));
            }
            return Ok(SequenceCheck::Append);
        }
        if let Some(b) = entry
            .batches
            .iter()
            .find(|b| b.first_seq == first && b.last_seq == last)
        {
            return Ok(SequenceCheck::Duplicate {
                base_offset: b.base_offset,
                last_offset: b.last_offset,
            });
        }
        let expected_after = entry.batches.back().map_or(-1, |b| b.last_seq);
        if !follows(expected_after, first) {
            return Err(refuse(
                ResponseError::OutOfOrderSequenceNumber,
                format!(
                    "producer {} sent sequence {first} but {} was expected",
                    h.producer_id,
                    expected_after.wrapping_add(1)
                ),
            ));
        }
        Ok(SequenceCheck::Append)
    }

    /// Records an appended idempotent batch.
    pub fn record(&mut self, h: &BatchHeader, base_offset: i64) {
        let batch = CachedBatch {
            first_seq: h.base_sequence,
            last_seq: last_sequence(h),
            base_offset,
            last_offset: base_offset + i64::from(h.last_offset_delta),
        };
        let entry = self.entry(h.producer_id, h.producer_epoch);
        entry.batches.push_back(batch);
        while entry.batches.len() > BATCHES_PER_PRODUCER {
            entry.batches.pop_front();
        }
        entry.last_timestamp = h.max_timestamp;
        if h.is_transactional() && entry.txn_first_offset.is_none() {
            entry.txn_first_offset = Some(base_offset);
        }
    }

    /// The producer's entry at `epoch` or later: a newer epoch starts with no batches.
    fn entry(&mut self, producer_id: i64, epoch: i16) -> &mut ProducerEntry {
        let entry = self
            .producers
            .entry(producer_id)
            .or_insert_with(|| ProducerEntry {
                epoch,
                batches: VecDeque::new(),
                txn_first_offset: None,
                last_timestamp: -1,
            });
        if epoch > entry.epoch {
            entry.epoch = epoch;
            entry.batches.clear();
        }
        entry
    }

    /// Refuses a transaction marker from an epoch older than the producer's.
    pub fn check_marker(&self, producer_id: i64, epoch: i16) -> Result<()> {
        match self.producers.get(&producer_id) {
            Some(entry) if epoch < entry.epoch => Err(refuse(
                ResponseError::InvalidProducerEpoch,
                format!(
                    "marker for producer {producer_id} at epoch {epoch}, older than {}",
                    entry.epoch
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Records a transaction marker written at `offset`: the producer's open transaction here
    /// ends, and an abort is remembered for read_committed fetches. A marker at a newer epoch
    /// fences the producer's older epoch.
    pub fn record_marker(&mut self, producer_id: i64, epoch: i16, commit: bool, offset: i64) {
        let entry = self.entry(producer_id, epoch);
        let first = entry.txn_first_offset.take();
        if let (false, Some(first_offset)) = (commit, first) {
            self.aborted.push(AbortedTxn {
                producer_id,
                first_offset,
                last_offset: offset,
            });
        }
    }

    /// The first offset of the oldest open transaction, if any: the last stable offset.
    pub fn first_unstable_offset(&self) -> Option<i64> {
        self.producers
            .values()
            .filter_map(|e| e.txn_first_offset)
            .min()
    }

    /// The aborted transactions overlapping offsets `from..to`. The list is in marker order,
    /// so the ones that ended before `from` are skipped by a binary search.
    pub fn aborted_between(&self, from: i64, to: i64) -> Vec<AbortedTxn> {
        let start = self.aborted.partition_point(|a| a.last_offset < from);
        self.aborted
            .get(start..)
            .unwrap_or_default()
            .iter()
            .filter(|a| a.first_offset < to)
            .copied()
            .collect()
    }

    /// The aborted transactions, for the compaction cleaner.
    pub fn aborted_ranges(&self) -> Vec<AbortedRange> {
        self.aborted
            .iter()
            .map(|a| AbortedRange {
                producer_id: a.producer_id,
                first_offset: a.first_offset,
                last_offset: a.last_offset,
            })
            .collect()
    }

    /// Forgets the aborted transactions `settled` (matched by producer and marker offset).
    pub fn forget_aborted(&mut self, settled: &[AbortedRange]) {
        self.aborted.retain(|a| {
            !settled
                .iter()
                .any(|s| s.producer_id == a.producer_id && s.last_offset == a.last_offset)
        });
    }

    /// Each producer's last batch, which compaction keeps (empty if need be) so that its
    /// sequence numbers survive.
    pub fn last_batches(&self) -> HashMap<i64, LastBatch> {
        self.producers
            .iter()
            .map(|(&id, e)| {
                (
                    id,
                    LastBatch {
                        last_data_offset: e.batches.back().map(|b| b.last_offset),
                        epoch: e.epoch,
                    },
                )
            })
            .collect()
    }

    /// Forgets aborted transactions wholly below the log start (their records are gone).
    pub fn prune_aborted(&mut self, log_start_offset: i64) {
        self.aborted.retain(|a| a.last_offset >= log_start_offset);
    }

    /// Every producer that wrote here, for DescribeProducers.
    pub fn describe(&self) -> Vec<ProducerInfo> {
        let mut all: Vec<ProducerInfo> = self
            .producers
            .iter()
            .map(|(&producer_id, e)| ProducerInfo {
                producer_id,
                epoch: e.epoch,
                last_sequence: e.batches.back().map_or(-1, |b| b.last_seq),
                last_timestamp: e.last_timestamp,
                txn_start_offset: e.txn_first_offset.unwrap_or(-1),
            })
            .collect();
        all.sort_by_key(|p| p.producer_id);
        all
    }

    /// Whether no producer has written idempotently here and no aborted transaction is known.
    pub fn is_empty(&self) -> bool {
        self.producers.is_empty() && self.aborted.is_empty()
    }

    /// Rebuilds the state of `log` from its snapshot (if any) and the batches after it.
    pub fn recover(log: &PartitionLog) -> Result<ProducerStates> {
        let end = log.log_end_offset();
        let dir = log.dir();
        if log.opened_clean() && dir.is_none_or(|d| !d.join(SNAPSHOT_FILE).exists()) {
            // A clean shutdown snapshots any producer state it has, so none was there.
            return Ok(ProducerStates::default());
        }
        let (mut states, from) = match dir.and_then(load_snapshot) {
            Some(s) if s.offset <= end && s.offset >= log.log_start_offset() => {
                (s.states, s.offset)
            }
            _ if dir.is_some_and(|d| d.join(TRANSACTIONS_SEEN_FILE).exists()) => {
                (ProducerStates::default(), log.log_start_offset())
            }
            _ => (
                ProducerStates::default(),
                log.active_base_offset().max(log.log_start_offset()),
            ),
        };
        let mut offset = from;
        while offset < end {
            let bytes = log.read(offset, REBUILD_READ_BYTES)?;
            if bytes.is_empty() {
                break;
            }
            let mut pos = 0usize;
            let mut advanced = false;
            while let Some(rest) = bytes.get(pos..).filter(|r| !r.is_empty()) {
                let h = BatchHeader::parse(rest)?;
                if is_idempotent(&h) && h.last_offset() >= offset {
                    states.record(&h, h.base_offset);
                } else if h.is_control()
                    && h.producer_id >= 0
                    && h.records_count > 0
                    && h.last_offset() >= offset
                {
                    // (A marker compaction emptied, kept as its producer's last batch, no
                    // longer says anything.)
                    let batch = bytes.slice(pos..(pos + h.total_len()).min(bytes.len()));
                    match marker_kind(&batch) {
                        Ok(Some(commit)) => states.record_marker(
                            h.producer_id,
                            h.producer_epoch,
                            commit,
                            h.base_offset,
                        ),
                        Ok(None) => {}
                        // Never fatal: the partition opens, and the damage is reported.
                        Err(e) => {
                            tracing::warn!(offset = h.base_offset, error = %e, "skipping an unreadable control batch")
                        }
                    }
                }
                pos += h.total_len();
                if h.last_offset() >= offset {
                    offset = h.last_offset() + 1;
                    advanced = true;
                }
            }
            if !advanced {
                break;
            }
        }
        Ok(states)
    }

    /// Writes the snapshot for a log whose batches below `offset` are all reflected here.
    pub fn save_snapshot(&self, dir: &Path, offset: i64) -> Result<()> {
        let snapshot = Snapshot {
            offset,
            states: self.clone(),
        };
        let json = serde_json::to_vec(&snapshot)
            .map_err(|e| Error::Storage(format!("encoding producer state: {e}")))?;
        super::topic::write_atomically(&dir.join(SNAPSHOT_FILE), &json)
    }

    /// Removes the snapshot in `dir`, if any.
    pub fn remove_snapshot(dir: &Path) -> Result<()> {
        match std::fs::remove_file(dir.join(SNAPSHOT_FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

fn load_snapshot(dir: &Path) -> Option<Snapshot> {
    let raw = std::fs::read(dir.join(SNAPSHOT_FILE)).ok()?;
    match serde_json::from_slice(&raw) {
        Ok(s) => Some(s),
        Err(e) => {
            // A damaged snapshot is only an optimisation lost: state is rebuilt from the log.
            tracing::warn!(dir = %dir.display(), error = %e, "ignoring unreadable producer state snapshot");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(pid: i64, epoch: i16, first_seq: i32, records: i32) -> BatchHeader {
        BatchHeader {
            base_offset: 0,
            batch_length: 100,
            partition_leader_epoch: 0,
            magic: 2,
            crc: 0,
            attributes: 0,
            last_offset_delta: records - 1,
            base_timestamp: 0,
            max_timestamp: 0,
            producer_id: pid,
            producer_epoch: epoch,
            base_sequence: first_seq,
            records_count: records,
        }
    }

    #[test]
    fn in_order_batches_append_and_retries_are_duplicates() {
        let mut s = ProducerStates::default();
        let b0 = header(7, 0, 0, 3);
        assert_eq!(s.check(&b0).unwrap(), SequenceCheck::Append);
        s.record(&b0, 10);
        let b1 = header(7, 0, 3, 2);
        assert_eq!(s.check(&b1).unwrap(), SequenceCheck::Append);
        s.record(&b1, 13);
        assert_eq!(
            s.check(&b0).unwrap(),
            SequenceCheck::Duplicate {
                base_offset: 10,
                last_offset: 12
            }
        );
        assert_eq!(
            s.check(&b1).unwrap(),
            SequenceCheck::Duplicate {
                base_offset: 13,
                last_offset: 14
            }
        );
    }

    fn code(r: Result<SequenceCheck>) -> ResponseError {
        match r {
            Err(e) => e.response_error(),
            Ok(v) => panic!("expected an error, got {v:?}"),
        }
    }

    #[test]
    fn gaps_old_epochs_and_unknown_producers_are_refused() {
        let mut s = ProducerStates::default();
        assert_eq!(
            code(s.check(&header(1, 0, 5, 1))),
            ResponseError::UnknownProducerId
        );
        s.record(&header(1, 3, 0, 2), 0);
        assert_eq!(
            code(s.check(&header(1, 3, 5, 1))),
            ResponseError::OutOfOrderSequenceNumber
        );
        assert_eq!(
            code(s.check(&header(1, 2, 2, 1))),
            ResponseError::InvalidProducerEpoch
        );
        assert_eq!(
            code(s.check(&header(1, 4, 2, 1))),
            ResponseError::OutOfOrderSequenceNumber
        );
        assert_eq!(s.check(&header(1, 4, 0, 1)).unwrap(), SequenceCheck::Append);
        assert_eq!(
            code(s.check(&header(1, 3, -1, 1))),
            ResponseError::InvalidRecord
        );
    }

    fn transactional(pid: i64, epoch: i16, first_seq: i32, records: i32) -> BatchHeader {
        BatchHeader {
            attributes: 1 << 4,
            ..header(pid, epoch, first_seq, records)
        }
    }

    #[test]
    fn open_transactions_hold_the_stable_offset_and_aborts_are_remembered() {
        let mut s = ProducerStates::default();
        s.record(&header(1, 0, 0, 5), 0);
        assert_eq!(s.first_unstable_offset(), None);
        s.record(&transactional(2, 0, 0, 3), 5);
        s.record(&transactional(3, 0, 0, 2), 8);
        s.record(&transactional(2, 0, 3, 2), 10);
        assert_eq!(s.first_unstable_offset(), Some(5));
        s.record_marker(2, 0, false, 12);
        assert_eq!(s.first_unstable_offset(), Some(8));
        s.record_marker(3, 0, true, 13);
        assert_eq!(s.first_unstable_offset(), None);
        let aborted = AbortedTxn {
            producer_id: 2,
            first_offset: 5,
            last_offset: 12,
        };
        assert_eq!(s.aborted_between(0, 100), [aborted]);
        assert_eq!(s.aborted_between(12, 100), [aborted]);
        assert!(s.aborted_between(13, 100).is_empty());
        assert!(s.aborted_between(0, 5).is_empty());
        // No writing outside the open transaction.
        s.record(&transactional(4, 0, 0, 1), 20);
        assert_eq!(
            code(s.check(&header(4, 1, 0, 1))),
            ResponseError::InvalidTxnState
        );
        s.record_marker(4, 0, true, 21);
        // A marker at a newer epoch fences the old one.
        s.record_marker(3, 1, false, 14);
        assert!(s.check_marker(3, 0).is_err());
        assert_eq!(
            code(s.check(&transactional(3, 0, 2, 1))),
            ResponseError::InvalidProducerEpoch
        );
        s.prune_aborted(13);
        assert!(s.aborted_between(0, 100).is_empty());
    }

    #[test]
    fn only_the_last_five_batches_are_remembered_and_sequences_wrap() {
        let mut s = ProducerStates::default();
        for i in 0..7 {
            s.record(&header(2, 0, i, 1), i64::from(i));
        }
        assert!(
            s.check(&header(2, 0, 1, 1)).is_err(),
            "too old to be recognised"
        );
        assert!(matches!(
            s.check(&header(2, 0, 6, 1)).unwrap(),
            SequenceCheck::Duplicate { .. }
        ));
        let mut w = ProducerStates::default();
        w.record(&header(3, 0, i32::MAX - 1, 2), 0);
        assert_eq!(w.check(&header(3, 0, 0, 1)).unwrap(), SequenceCheck::Append);
    }
}
