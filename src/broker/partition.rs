//! One partition of a topic: its log behind a lock, its producers' state (sequences, open and
//! aborted transactions), the notifier that wakes long-polling fetches when data arrives, and
//! the group-commit state that makes acks=all durable.
//!
//! Group commit: an acks=all producer waits until `durable_end` passes its last offset. The
//! first waiter takes `sync_lock`, fsyncs the active segment (outside the log lock, so appends
//! continue), and advances `durable_end` to the end offset the fsync covered; everyone who was
//! waiting meanwhile finds their offsets already durable and returns without another fsync.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};

use bytes::Bytes;
use tokio::sync::futures::Notified;
use tokio::sync::Notify;

use super::producer_state::{
    is_idempotent, AbortedTxn, ProducerInfo, ProducerStates, SequenceCheck, TRANSACTIONS_SEEN_FILE,
};
use crate::protocol::batch::BatchHeader;
use crate::protocol::records::encode_marker;
use crate::storage::cleaner::{AbortedRange, LogLock, PassInputs};
use crate::storage::{AppendInfo, PartitionLog};
use crate::{Error, Result};

/// A partition's log and the signals around it.
pub struct Partition {
    pub index: i32,
    /// Whether `transactions.seen` was written by this process (see
    /// [`TRANSACTIONS_SEEN_FILE`]); checked at the first transactional batch, not at open,
    /// so start-up reads nothing more.
    transactions_seen: AtomicBool,
    /// Lock order: `producers` before `log`, everywhere both are taken.
    producers: Mutex<ProducerStates>,
    log: Mutex<PartitionLog>,
    appended: Notify,
    durable_end: AtomicI64,
    sync_lock: tokio::sync::Mutex<()>,
}

/// Where an appended batch landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub info: AppendInfo,
    /// A retried idempotent batch that was already in the log: nothing was written.
    pub duplicate: bool,
}

/// A consistent view of a partition's offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offsets {
    pub log_start_offset: i64,
    /// Below the first record of any open transaction: what read_committed consumers may see.
    pub last_stable_offset: i64,
    pub log_end_offset: i64,
}

impl Partition {
    /// Wraps an opened log, rebuilding its idempotent-producer state. Whatever the log holds
    /// on open counts as durable.
    pub fn open(index: i32, log: PartitionLog) -> Result<Partition> {
        let end = log.log_end_offset();
        let producers = ProducerStates::recover(&log)?;
        Ok(Partition {
            index,
            transactions_seen: AtomicBool::new(false),
            producers: Mutex::new(producers),
            log: Mutex::new(log),
            appended: Notify::new(),
            durable_end: AtomicI64::new(end),
            sync_lock: tokio::sync::Mutex::new(()),
        })
    }

    /// Locks the log. A panic while holding the lock cannot leave the log half-written in
    /// memory (appends update state only after the write succeeds), so poisoning is ignored.
    pub fn log(&self) -> MutexGuard<'_, PartitionLog> {
        self.log.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends one validated batch and wakes fetches waiting for data. Batches of idempotent
    /// producers are checked against their sequence state first: a retry is answered with
    /// the original offsets and not written again.
    pub fn append(&self, batch: &[u8], now_ms: i64) -> Result<Appended> {
        let header = BatchHeader::parse(batch)?;
        if !is_idempotent(&header) {
            let info = self.log().append_batch(batch, now_ms)?;
            self.appended.notify_waiters();
            return Ok(Appended {
                info,
                duplicate: false,
            });
        }
        if header.is_transactional() && !self.transactions_seen.load(Ordering::Acquire) {
            self.note_transactions()?;
        }
        let mut producers = self.producers.lock().unwrap_or_else(|e| e.into_inner());
        match producers.check(&header)? {
            SequenceCheck::Duplicate {
                base_offset,
                last_offset,
            } => Ok(Appended {
                info: AppendInfo {
                    base_offset,
                    last_offset,
                },
                duplicate: true,
            }),
            SequenceCheck::Append => {
                let info = self.log().append_batch(batch, now_ms)?;
                producers.record(&header, info.base_offset);
                drop(producers);
                self.appended.notify_waiters();
                Ok(Appended {
                    info,
                    duplicate: false,
                })
            }
        }
    }

    /// Records on disk, before the first transactional batch is written, that this partition
    /// holds transactions, so that recovery without a snapshot reads all of its log.
    fn note_transactions(&self) -> Result<()> {
        if let Some(dir) = self
            .log()
            .dir()
            .filter(|d| !d.join(TRANSACTIONS_SEEN_FILE).exists())
        {
            let file = std::fs::File::create(dir.join(TRANSACTIONS_SEEN_FILE))?;
            file.sync_all()?;
            std::fs::File::open(dir)?.sync_all()?;
        }
        self.transactions_seen.store(true, Ordering::Release);
        Ok(())
    }

    /// Appends a transaction marker for `producer_id` (commit or abort) and returns the end
    /// offset to wait on for durability. The producer's open transaction here ends; an abort
    /// is remembered for read_committed fetches.
    pub fn append_marker(
        &self,
        producer_id: i64,
        epoch: i16,
        commit: bool,
        coordinator_epoch: i32,
        now_ms: i64,
    ) -> Result<i64> {
        let mut producers = self.producers.lock().unwrap_or_else(|e| e.into_inner());
        producers.check_marker(producer_id, epoch)?;
        let marker = encode_marker(producer_id, epoch, commit, coordinator_epoch, now_ms);
        let info = self.log().append_batch(&marker, now_ms)?;
        producers.record_marker(producer_id, epoch, commit, info.base_offset);
        drop(producers);
        self.appended.notify_waiters();
        Ok(info.last_offset + 1)
    }

    /// The aborted transactions overlapping offsets `from..to`, for a read_committed fetch.
    pub fn aborted_between(&self, from: i64, to: i64) -> Vec<AbortedTxn> {
        self.producers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .aborted_between(from, to)
    }

    /// What a compaction pass needs to know of the partition's transactions and producers.
    pub fn cleaner_inputs(&self, now_ms: i64) -> PassInputs {
        let last_stable_offset = self.offsets().last_stable_offset;
        let producers = self.producers.lock().unwrap_or_else(|e| e.into_inner());
        PassInputs {
            last_stable_offset,
            aborted: producers.aborted_ranges(),
            producers: producers.last_batches(),
            now_ms,
        }
    }

    /// Forgets aborted transactions none of whose data is left (a compaction pass found only
    /// their marker), before that marker may be removed: a read_committed fetch given an aborted
    /// transaction whose marker is gone would skip its producer's later committed records. The
    /// producer snapshot is written at once, so a restart does not bring them back.
    pub fn settle_aborted(&self, settled: &[AbortedRange]) -> Result<()> {
        if settled.is_empty() {
            return Ok(());
        }
        self.producers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .forget_aborted(settled);
        self.snapshot_producers()
    }

    /// Every producer that wrote here, for DescribeProducers.
    pub fn producers(&self) -> Vec<ProducerInfo> {
        self.producers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .describe()
    }

    /// Writes the idempotent-producer snapshot (if any producer wrote here), so the next
    /// start rebuilds state without reading the log.
    pub fn snapshot_producers(&self) -> Result<()> {
        let mut producers = self.producers.lock().unwrap_or_else(|e| e.into_inner());
        if producers.is_empty() {
            return Ok(());
        }
        let mut log = self.log();
        producers.prune_aborted(log.log_start_offset());
        // The snapshot must never be ahead of what is on disk: after a power loss a snapshot
        // past the log end is unusable, and recovery would have to read far more.
        log.flush()?;
        self.durable_end
            .fetch_max(log.log_end_offset(), Ordering::AcqRel);
        match log.dir() {
            Some(dir) => producers.save_snapshot(dir, log.log_end_offset()),
            None => Ok(()),
        }
    }

    /// The clean-shutdown checkpoint: producer state snapshotted (or a stale snapshot
    /// removed when no producer wrote idempotently), then the log made durable and its active
    /// segment recorded, so the next start reads neither.
    pub fn close_cleanly(&self) -> Result<()> {
        let producers = self.producers.lock().unwrap_or_else(|e| e.into_inner());
        let mut log = self.log();
        if let Some(dir) = log.dir() {
            if producers.is_empty() {
                ProducerStates::remove_snapshot(dir)?;
            } else {
                producers.save_snapshot(dir, log.log_end_offset())?;
            }
        }
        log.close_cleanly()?;
        self.durable_end
            .fetch_max(log.log_end_offset(), Ordering::AcqRel);
        Ok(())
    }

    /// Whole batches from the one containing `offset`, up to about `max_bytes`.
    pub fn read(&self, offset: i64, max_bytes: usize) -> Result<Bytes> {
        self.log().read(offset, max_bytes)
    }

    /// Log start, stable and end offsets, read under one lock.
    pub fn offsets(&self) -> Offsets {
        let producers = self.producers.lock().unwrap_or_else(|e| e.into_inner());
        let log = self.log();
        let log_end_offset = log.log_end_offset();
        let log_start_offset = log.log_start_offset();
        Offsets {
            log_start_offset,
            // Never below the log start, where deleted records took an open transaction's
            // beginning with them.
            last_stable_offset: producers
                .first_unstable_offset()
                .map_or(log_end_offset, |o| o.min(log_end_offset))
                .max(log_start_offset),
            log_end_offset,
        }
    }

    /// A future that completes at the next append. Create (and `enable`) it before checking
    /// for data so that an append in between is not missed.
    pub fn appended(&self) -> Notified<'_> {
        self.appended.notified()
    }

    /// Wakes every waiting fetch, e.g. when the partition is deleted or truncated.
    pub fn wake_fetchers(&self) {
        self.appended.notify_waiters();
    }

    /// Returns once every offset below `end_offset` is on stable storage (group commit).
    pub async fn wait_durable(&self, end_offset: i64) -> Result<()> {
        if self.durable_end.load(Ordering::Acquire) >= end_offset {
            return Ok(());
        }
        let _turn = self.sync_lock.lock().await;
        if self.durable_end.load(Ordering::Acquire) >= end_offset {
            return Ok(());
        }
        let Some(target) = self.log().sync_target() else {
            // In-memory logs have nothing to fsync.
            self.durable_end.fetch_max(end_offset, Ordering::AcqRel);
            return Ok(());
        };
        let covered = target.end_offset;
        tokio::task::spawn_blocking(move || target.sync())
            .await
            .map_err(|e| Error::Storage(format!("fsync task failed: {e}")))??;
        self.durable_end.fetch_max(covered, Ordering::AcqRel);
        Ok(())
    }

    /// fsyncs everything (shutdown, interval flushing) and marks it durable.
    pub fn flush(&self) -> Result<()> {
        let mut log = self.log();
        log.flush()?;
        self.durable_end
            .fetch_max(log.log_end_offset(), Ordering::AcqRel);
        Ok(())
    }
}

impl LogLock for Partition {
    fn lock_log(&self) -> MutexGuard<'_, PartitionLog> {
        self.log()
    }
}
