//! Transactions while cleaning, after Kafka's CleanedTransactionMetadata: which data batches
//! belong to aborted transactions (dropped), and when a transaction marker may go.
//!
//! Walking a group of segments in offset order, an aborted transaction becomes "ongoing" once
//! the walk reaches its first offset and ends at its abort marker. The rules:
//! - a transactional data batch of an ongoing aborted transaction is removed;
//! - an abort marker is kept while this walk still met data of its transaction (that data is
//!   being removed now; consumers of an older copy of the log may still need the marker), and
//!   may go once no data is left;
//! - a commit marker may go once the walk met no data of its transaction since the previous
//!   marker of that producer;
//! - a marker that may go is first stamped with a delete horizon and removed by a later pass
//!   after it (see `filter.rs`).

use std::collections::{HashMap, HashSet, VecDeque};

use crate::protocol::batch::BatchHeader;

/// An aborted transaction: its records lie from `first_offset` to its marker at `last_offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbortedRange {
    pub producer_id: i64,
    pub first_offset: i64,
    pub last_offset: i64,
}

/// The state of one walk over a group of segments.
pub(crate) struct TxnTracker {
    /// Aborted transactions not yet reached, by first offset.
    pending: VecDeque<AbortedRange>,
    /// Producer → whether data of its ongoing aborted transaction was met.
    ongoing_aborted: HashMap<i64, bool>,
    /// Producers whose committed (or still open) transaction had data in this walk.
    ongoing_committed: HashSet<i64>,
}

impl TxnTracker {
    pub(crate) fn new(mut aborted: Vec<AbortedRange>) -> TxnTracker {
        aborted.sort_by_key(|a| a.first_offset);
        TxnTracker {
            pending: aborted.into(),
            ongoing_aborted: HashMap::new(),
            ongoing_committed: HashSet::new(),
        }
    }

    fn reach(&mut self, offset: i64) {
        while let Some(next) = self.pending.front().filter(|a| a.first_offset <= offset) {
            self.ongoing_aborted.insert(next.producer_id, false);
            self.pending.pop_front();
        }
    }

    /// A data batch: true when it belongs to an aborted transaction and must go.
    pub(crate) fn on_data(&mut self, h: &BatchHeader) -> bool {
        self.reach(h.last_offset());
        if !h.is_transactional() {
            return false;
        }
        match self.ongoing_aborted.get_mut(&h.producer_id) {
            Some(met) => {
                *met = true;
                true
            }
            None => {
                self.ongoing_committed.insert(h.producer_id);
                false
            }
        }
    }

    /// A control batch; `commit` is the marker's kind (None for a kind we do not know, which
    /// is kept). True when the marker no longer guards any data and may go after its horizon.
    pub(crate) fn on_marker(&mut self, h: &BatchHeader, commit: Option<bool>) -> bool {
        self.reach(h.last_offset());
        match commit {
            Some(false) => !self.ongoing_aborted.remove(&h.producer_id).unwrap_or(false),
            Some(true) => !self.ongoing_committed.remove(&h.producer_id),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(pid: i64, base: i64, transactional: bool) -> BatchHeader {
        BatchHeader {
            base_offset: base,
            batch_length: 49,
            partition_leader_epoch: 0,
            magic: 2,
            crc: 0,
            attributes: if transactional { 1 << 4 } else { 0 },
            last_offset_delta: 0,
            base_timestamp: 0,
            max_timestamp: 0,
            producer_id: pid,
            producer_epoch: 0,
            base_sequence: 0,
            records_count: 1,
        }
    }

    #[test]
    fn aborted_data_goes_and_its_marker_stays_while_data_was_met() {
        let aborted = vec![AbortedRange {
            producer_id: 7,
            first_offset: 2,
            last_offset: 5,
        }];
        let mut walk = TxnTracker::new(aborted.clone());
        assert!(
            !walk.on_data(&header(7, 0, true)),
            "before the aborted range"
        );
        assert!(!walk.on_marker(&header(7, 1, true), Some(true)));
        assert!(walk.on_data(&header(7, 2, true)));
        assert!(!walk.on_data(&header(8, 3, false)), "not transactional");
        assert!(!walk.on_data(&header(9, 4, true)), "another producer");
        assert!(
            !walk.on_marker(&header(7, 5, true), Some(false)),
            "data was met"
        );
        assert!(!walk.on_marker(&header(9, 6, true), Some(true)));

        // A later pass finds the data gone: the abort marker may go.
        let mut walk = TxnTracker::new(aborted);
        assert!(walk.on_marker(&header(7, 5, true), Some(false)));
    }

    #[test]
    fn a_commit_marker_may_go_once_its_data_is_gone() {
        let mut walk = TxnTracker::new(Vec::new());
        assert!(walk.on_marker(&header(3, 10, true), Some(true)));
        assert!(!walk.on_data(&header(3, 11, true)));
        assert!(!walk.on_marker(&header(3, 12, true), Some(true)));
        assert!(
            !walk.on_marker(&header(3, 13, true), None),
            "unknown kinds stay"
        );
    }
}
