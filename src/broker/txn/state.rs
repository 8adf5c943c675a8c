//! One transactional id's state, as the transaction coordinator keeps it and as its journal
//! records it: the producer id and epoch it holds, where its transaction stands, and what the
//! transaction touched (partitions written, groups whose offsets it commits).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Where a transaction stands (Kafka's TransactionState, without Dead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxnState {
    /// No transaction since the producer id was handed out.
    Empty,
    /// Partitions or groups were added; neither committed nor aborted yet.
    Ongoing,
    /// Commit decided and recorded; markers being written.
    PrepareCommit,
    /// Abort decided and recorded; markers being written.
    PrepareAbort,
    CompleteCommit,
    CompleteAbort,
}

impl TxnState {
    /// The name Kafka's admin APIs use.
    pub fn name(self) -> &'static str {
        match self {
            TxnState::Empty => "Empty",
            TxnState::Ongoing => "Ongoing",
            TxnState::PrepareCommit => "PrepareCommit",
            TxnState::PrepareAbort => "PrepareAbort",
            TxnState::CompleteCommit => "CompleteCommit",
            TxnState::CompleteAbort => "CompleteAbort",
        }
    }

    /// Whether the transaction's end was decided and its markers may still be missing.
    pub fn is_prepared(self) -> bool {
        matches!(self, TxnState::PrepareCommit | TxnState::PrepareAbort)
    }
}

fn no_epoch() -> i16 {
    -1
}

/// A transactional id's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxnMeta {
    pub transactional_id: String,
    pub producer_id: i64,
    pub epoch: i16,
    /// The epoch before the last InitProducerId bumped it, so that a producer retrying an
    /// InitProducerId whose answer it lost (KIP-360) is recognised, not fenced; -1 if none.
    #[serde(default = "no_epoch")]
    pub last_epoch: i16,
    pub timeout_ms: i32,
    pub state: TxnState,
    /// Partitions written in the current transaction.
    pub partitions: BTreeSet<(String, i32)>,
    /// Groups whose offsets the current transaction commits (AddOffsetsToTxn).
    pub groups: BTreeSet<String>,
    /// When the current transaction began (epoch ms), -1 without one.
    pub start_ms: i64,
    pub last_update_ms: i64,
}

impl TxnMeta {
    pub fn new(transactional_id: String, producer_id: i64, timeout_ms: i32, now: i64) -> TxnMeta {
        TxnMeta {
            transactional_id,
            producer_id,
            epoch: 0,
            last_epoch: -1,
            timeout_ms,
            state: TxnState::Empty,
            partitions: BTreeSet::new(),
            groups: BTreeSet::new(),
            start_ms: -1,
            last_update_ms: now,
        }
    }

    /// Starts a transaction if none is open (the first AddPartitionsToTxn or AddOffsetsToTxn).
    pub fn begin(&mut self, now: i64) {
        if self.state != TxnState::Ongoing {
            self.state = TxnState::Ongoing;
            self.partitions.clear();
            self.groups.clear();
            self.start_ms = now;
        }
        self.last_update_ms = now;
    }

    /// Whether the open transaction ran past its timeout at `now`.
    pub fn expired(&self, now: i64) -> bool {
        self.state == TxnState::Ongoing
            && self.start_ms >= 0
            && now.saturating_sub(self.start_ms) > i64::from(self.timeout_ms)
    }
}

/// One entry of the transaction log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum TxnRecord {
    /// The whole metadata of a transactional id after a change.
    Meta(TxnMeta),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transaction_begins_once_and_expires_after_its_timeout() {
        let mut m = TxnMeta::new("t".into(), 7, 1000, 0);
        assert!(!m.expired(10_000));
        m.begin(100);
        m.partitions.insert(("a".into(), 0));
        m.begin(200);
        assert_eq!((m.start_ms, m.partitions.len()), (100, 1));
        assert!(!m.expired(1100));
        assert!(m.expired(1101));
        m.state = TxnState::PrepareCommit;
        assert!(!m.expired(5000) && m.state.is_prepared());
    }
}
