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

/// What a control batch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Commit,
    Abort,
    /// A control record of a kind this broker does not write: kept.
    Other,
    /// A marker an earlier pass emptied (kept as its producer's last batch): it guards nothing.
    Emptied,
}

/// The state of one walk over the segments a pass cleans, in offset order.
pub(crate) struct TxnTracker {
    /// Aborted transactions not yet reached, by first offset.
    pending: VecDeque<AbortedRange>,
    /// Producer → its ongoing aborted transaction, and whether data of it was met.
    ongoing_aborted: HashMap<i64, (AbortedRange, bool)>,
    /// Producers whose committed (or still open) transaction had data in this walk.
    ongoing_committed: HashSet<i64>,
    /// Aborted transactions whose marker was met with none of their data left.
    settled: Vec<AbortedRange>,
}

impl TxnTracker {
    pub(crate) fn new(mut aborted: Vec<AbortedRange>) -> TxnTracker {
        aborted.sort_by_key(|a| a.first_offset);
        TxnTracker {
            pending: aborted.into(),
            ongoing_aborted: HashMap::new(),
            ongoing_committed: HashSet::new(),
            settled: Vec::new(),
        }
    }

    fn reach(&mut self, offset: i64) {
        while let Some(next) = self.pending.front().filter(|a| a.first_offset <= offset) {
            self.ongoing_aborted
                .insert(next.producer_id, (*next, false));
            self.pending.pop_front();
        }
    }

    /// The aborted transactions no data of which is left: read_committed consumers need
    /// them no longer, and must not get them once their marker is removed.
    pub(crate) fn settled(self) -> Vec<AbortedRange> {
        self.settled
    }

    /// A data batch: true when it belongs to an aborted transaction and must go.
    pub(crate) fn on_data(&mut self, h: &BatchHeader) -> bool {
        self.reach(h.last_offset());
        if !h.is_transactional() {
            return false;
        }
        match self.ongoing_aborted.get_mut(&h.producer_id) {
            Some((_, met)) => {
                *met = true;
                true
            }
            None => {
                self.ongoing_committed.insert(h.producer_id);
                false
            }
        }
    }

    /// A control batch. True when the marker no longer guards any data and may go after its
    /// delete horizon.
    pub(crate) fn on_marker(&mut self, h: &BatchHeader, marker: Marker) -> bool {
        self.reach(h.last_offset());
        match marker {
            Marker::Abort => match self.ongoing_aborted.remove(&h.producer_id) {
                Some((_, true)) => false,
                Some((range, false)) => {
                    self.settled.push(range);
                    true
                }
                None => true,
            },
            Marker::Commit => !self.ongoing_committed.remove(&h.producer_id),
            Marker::Other => false,
            Marker::Emptied => true,
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
        assert!(!walk.on_marker(&header(7, 1, true), Marker::Commit));
        assert!(walk.on_data(&header(7, 2, true)));
        assert!(!walk.on_data(&header(8, 3, false)), "not transactional");
        assert!(!walk.on_data(&header(9, 4, true)), "another producer");
        assert!(
            !walk.on_marker(&header(7, 5, true), Marker::Abort),
            "data was met"
        );
        assert!(!walk.on_marker(&header(9, 6, true), Marker::Commit));

        assert!(walk.settled().is_empty());

        // A later pass finds the data gone: the abort marker may go, and the transaction is
        // settled (read_committed consumers need it no longer).
        let mut walk = TxnTracker::new(aborted.clone());
        assert!(walk.on_marker(&header(7, 5, true), Marker::Abort));
        assert_eq!(walk.settled(), aborted);
    }

    #[test]
    fn a_commit_marker_may_go_once_its_data_is_gone() {
        let mut walk = TxnTracker::new(Vec::new());
        assert!(walk.on_marker(&header(3, 10, true), Marker::Commit));
        assert!(!walk.on_data(&header(3, 11, true)));
        assert!(!walk.on_marker(&header(3, 12, true), Marker::Commit));
        assert!(
            !walk.on_marker(&header(3, 13, true), Marker::Other),
            "unknown kinds stay"
        );
        assert!(walk.on_marker(&header(3, 14, true), Marker::Emptied));
    }
}
