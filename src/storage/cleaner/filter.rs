//! Which records of a batch compaction keeps, and the batch it writes for them — Kafka's
//! LogCleaner rules (`shouldRetainRecord`, `checkBatchRetention`, `MemoryRecords.filterTo`):
//!
//! - a record after the offset map's end was not looked at and is kept; a record without a key
//!   is removed; a keyed record is kept if no later record of its key is in the map, and, when
//!   it is a tombstone (null value), until its batch's delete horizon has passed;
//! - data of an aborted transaction is removed; a marker follows `txn.rs`, and once it may go
//!   it is removed after its delete horizon;
//! - a batch that is its producer's last is kept, empty if need be, so the producer's sequence
//!   numbers survive a restart; any other batch left with no record is removed;
//! - a batch that keeps all its records is copied byte for byte, unless it holds a tombstone or
//!   a marker that may go and has no delete horizon yet: then it is rewritten with one,
//!   `now + delete.retention.ms`. A batch that lost records is rewritten in its own codec.

use std::collections::HashMap;

use bytes::Bytes;

use crate::protocol::batch::BatchHeader;
use crate::protocol::records::{decode_batch, encode_empty, encode_retained, marker_kind};
use crate::Result;

use super::offset_map::OffsetMap;
use super::txn::{Marker, TxnTracker};

/// What the control batch `batch` (header `h`) is; one emptied by compaction has no record.
pub(crate) fn marker_of(h: &BatchHeader, batch: &Bytes) -> Result<Marker> {
    if h.records_count == 0 {
        return Ok(Marker::Emptied);
    }
    Ok(match marker_kind(batch)? {
        Some(true) => Marker::Commit,
        Some(false) => Marker::Abort,
        None => Marker::Other,
    })
}

/// A producer's last batch in the partition, as its idempotence state knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastBatch {
    /// The last offset of its last data batch, if it wrote one.
    pub last_data_offset: Option<i64>,
    pub epoch: i16,
}

/// What becomes of one batch.
pub(crate) enum Kept {
    /// Copied unchanged.
    Verbatim,
    /// Replaced by this batch.
    Rewritten(Bytes),
    /// Removed whole.
    Dropped,
}

pub(crate) struct Filtered {
    pub kept: Kept,
    pub records_in: usize,
    pub records_out: usize,
    /// The delete horizon of the written batch when it still holds something a later pass
    /// removes after it (a tombstone, a marker that may go).
    pub horizon_ms: Option<i64>,
}

/// The rules of one cleaning pass.
pub(crate) struct Retention<'a> {
    pub map: &'a OffsetMap,
    pub producers: &'a HashMap<i64, LastBatch>,
    pub now_ms: i64,
    pub delete_retention_ms: i64,
}

impl Retention<'_> {
    fn is_last_of_producer(&self, h: &BatchHeader) -> bool {
        if h.producer_id < 0 {
            return false;
        }
        self.producers
            .get(&h.producer_id)
            .is_some_and(|last| match last.last_data_offset {
                Some(offset) => h.last_offset() == offset,
                None => h.is_control() && h.producer_epoch == last.epoch,
            })
    }

    fn horizon_passed(&self, h: &BatchHeader) -> bool {
        h.delete_horizon_ms()
            .is_some_and(|horizon| horizon <= self.now_ms)
    }

    /// Decides about `batch` (header `h`), walking it through `txn`.
    pub(crate) fn filter(
        &self,
        batch: &Bytes,
        h: &BatchHeader,
        txn: &mut TxnTracker,
    ) -> Result<Filtered> {
        let records = decode_batch(batch)?;
        let records_in = records.len();
        let may_go = if h.is_control() {
            txn.on_marker(h, marker_of(h, batch)?)
        } else {
            txn.on_data(h)
        };
        let discard_all = if h.is_control() {
            may_go && self.horizon_passed(h)
        } else {
            may_go
        };
        let keep_empty = self.is_last_of_producer(h);
        let retained: Vec<_> = if discard_all {
            Vec::new()
        } else if h.is_control() {
            records
        } else {
            records
                .into_iter()
                .filter(|r| self.keep_record(h, r))
                .collect()
        };
        let records_out = retained.len();
        let marker_may_go = may_go && h.is_control();
        let has_tombstone = !h.is_control() && retained.iter().any(|r| r.value.is_none());
        let removable_later = has_tombstone || marker_may_go;
        let needs_horizon = removable_later && h.delete_horizon_ms().is_none();
        let filtered = |kept, horizon_ms| Filtered {
            kept,
            records_in,
            records_out,
            horizon_ms,
        };
        if retained.is_empty() {
            return Ok(if keep_empty {
                filtered(Kept::Rewritten(encode_empty(h)?), None)
            } else {
                filtered(Kept::Dropped, None)
            });
        }
        if records_out == records_in && !needs_horizon {
            let horizon = h.delete_horizon_ms().filter(|_| removable_later);
            return Ok(filtered(Kept::Verbatim, horizon));
        }
        let horizon = if needs_horizon {
            Some(self.now_ms.saturating_add(self.delete_retention_ms))
        } else {
            h.delete_horizon_ms()
        };
        let rewritten = encode_retained(h, &retained, horizon)?;
        Ok(filtered(
            Kept::Rewritten(rewritten),
            horizon.filter(|_| removable_later),
        ))
    }

    fn keep_record(&self, h: &BatchHeader, r: &crate::protocol::records::Record) -> bool {
        if r.offset > self.map.latest_offset() {
            return true;
        }
        let Some(key) = &r.key else {
            return false;
        };
        let latest = self.map.get(key);
        r.offset >= latest && (r.value.is_some() || !self.horizon_passed(h))
    }
}
