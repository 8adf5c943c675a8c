//! The transaction coordinator. This broker coordinates every transactional id: it hands out
//! producer ids and epochs (InitProducerId), records which partitions and groups a transaction
//! touches (AddPartitionsToTxn, AddOffsetsToTxn), and ends transactions (EndTxn) in two
//! phases — the decision is made durable in the transaction log first (Prepare*), then a
//! commit or abort marker is written to every partition and the groups' transactional offsets
//! take effect or vanish, and the transaction is Complete*. A restart finishes any decided
//! transaction whose markers may be missing; a transaction open longer than its timeout is
//! aborted and its producer fenced (epoch bumped), as Kafka does.
//!
//! The transaction log is `<data>/transactions/transactions.log`, a [`Journal`] of each
//! transactional id's whole metadata after every change. One file per API: `init`,
//! `add_partitions`, `add_offsets`, `end`, `admin` (DescribeTransactions, ListTransactions).

pub mod add_offsets;
pub mod add_partitions;
pub mod admin;
pub mod end;
pub mod init;
pub mod state;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};

use kafka_protocol::error::ResponseError;

use super::partition::Partition;
use super::{now_ms, Broker};
use crate::storage::journal::Journal;
use crate::Result;
use state::{TxnMeta, TxnRecord, TxnState};

/// The longest transaction timeout a producer may ask for (Kafka's transaction.max.timeout.ms).
pub const MAX_TIMEOUT_MS: i32 = 900_000;

/// Every transactional id, and which producer id each holds.
#[derive(Default)]
pub struct Txns {
    pub by_id: BTreeMap<String, TxnMeta>,
    by_producer: HashMap<i64, String>,
    /// Transactions whose markers a task is writing now.
    pub completing: HashSet<String>,
}

impl Txns {
    /// Inserts or replaces a transactional id's metadata.
    pub fn put(&mut self, meta: TxnMeta) {
        if let Some(old) = self.by_id.get(&meta.transactional_id) {
            if old.producer_id != meta.producer_id {
                self.by_producer.remove(&old.producer_id);
            }
        }
        self.by_producer
            .insert(meta.producer_id, meta.transactional_id.clone());
        self.by_id.insert(meta.transactional_id.clone(), meta);
    }

    /// The transaction of a producer id.
    pub fn by_producer(&self, producer_id: i64) -> Option<&TxnMeta> {
        self.by_id.get(self.by_producer.get(&producer_id)?)
    }

    /// Whether `producer_id` at `epoch` may write a transactional batch to this partition:
    /// its transaction must be open and hold the partition (added with AddPartitionsToTxn),
    /// so no write can leave a transaction hanging.
    pub fn verify_write(
        &self,
        producer_id: i64,
        epoch: i16,
        topic: &str,
        partition: i32,
    ) -> std::result::Result<(), (ResponseError, String)> {
        let Some(meta) = self.by_producer(producer_id) else {
            return Err((
                ResponseError::InvalidProducerIdMapping,
                format!("producer {producer_id} holds no transactional id"),
            ));
        };
        if epoch != meta.epoch {
            return Err((
                ResponseError::InvalidProducerEpoch,
                format!(
                    "producer {producer_id} wrote at epoch {epoch}, but its epoch is {}",
                    meta.epoch
                ),
            ));
        }
        if meta.state != TxnState::Ongoing
            || !meta.partitions.contains(&(topic.to_string(), partition))
        {
            return Err((
                ResponseError::InvalidTxnState,
                format!(
                    "{topic}/{partition} is not part of an open transaction of producer {producer_id}"
                ),
            ));
        }
        Ok(())
    }
}

/// The transaction coordinator's state and log.
pub struct TransactionCoordinator {
    txns: Mutex<Txns>,
    pub journal: Journal<TxnRecord>,
    /// Woken whenever a completion ends (see [`settled`]).
    settled: tokio::sync::Notify,
}

impl TransactionCoordinator {
    /// Opens (creating) the transaction log and replays it, or starts empty in memory.
    pub fn open(data_dir: Option<&Path>) -> Result<TransactionCoordinator> {
        let path = data_dir.map(|d| d.join("transactions").join("transactions.log"));
        let (journal, records) = Journal::open(path)?;
        let mut txns = Txns::default();
        for record in records {
            match record {
                TxnRecord::Meta(meta) => txns.put(meta),
            }
        }
        Ok(TransactionCoordinator {
            txns: Mutex::new(txns),
            journal,
            settled: tokio::sync::Notify::new(),
        })
    }

    /// Locks every transaction. Nothing panics while holding it, so poisoning is ignored.
    pub fn lock(&self) -> MutexGuard<'_, Txns> {
        self.txns.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records `meta` in the log and in memory; returns the sequence number to wait for.
    pub fn persist(&self, txns: &mut Txns, meta: TxnMeta) -> Result<u64> {
        let record = TxnRecord::Meta(meta.clone());
        let seq = self.journal.append(&[record], || {
            txns.by_id
                .values()
                .filter(|m| m.transactional_id != meta.transactional_id)
                .cloned()
                .chain(std::iter::once(meta.clone()))
                .map(TxnRecord::Meta)
                .collect()
        })?;
        txns.put(meta);
        Ok(seq)
    }
}

/// [`check_producer`] for a request whose versions before `fenced_from` know fencing only as
/// INVALID_PRODUCER_EPOCH (before KIP-588).
pub fn check_producer_at(
    meta: Option<&TxnMeta>,
    producer_id: i64,
    epoch: i16,
    version: i16,
    fenced_from: i16,
) -> std::result::Result<&TxnMeta, ResponseError> {
    match check_producer(meta, producer_id, epoch) {
        Err(ResponseError::ProducerFenced) if version < fenced_from => {
            Err(ResponseError::InvalidProducerEpoch)
        }
        other => other,
    }
}

/// Checks a request's producer id and epoch against the transactional id's metadata.
pub fn check_producer(
    meta: Option<&TxnMeta>,
    producer_id: i64,
    epoch: i16,
) -> std::result::Result<&TxnMeta, ResponseError> {
    let meta = meta.ok_or(ResponseError::InvalidProducerIdMapping)?;
    if meta.producer_id != producer_id {
        return Err(ResponseError::InvalidProducerIdMapping);
    }
    // Kafka answers any epoch but the current one as fencing.
    if epoch != meta.epoch {
        return Err(ResponseError::ProducerFenced);
    }
    Ok(meta)
}

/// Phase two of ending a transaction whose decision is recorded (`meta` is in a Prepare
/// state): a marker in every partition, the groups' offsets applied or dropped, everything
/// durable, then Complete. Safe to repeat: a second marker for a closed transaction changes
/// nothing a consumer sees.
pub async fn complete(
    broker: &Arc<Broker>,
    meta: TxnMeta,
) -> std::result::Result<(), ResponseError> {
    let result = match write_markers(broker, &meta) {
        Ok(written) => settle(broker, &meta, written).await,
        Err(code) => Err(code),
    };
    release(broker, &meta.transactional_id);
    result
}

/// Where the markers and group offsets of a transaction must become durable.
struct Written {
    partitions: Vec<(Arc<Partition>, i64)>,
    offsets_seq: Option<u64>,
}

/// The first half of [`complete`]: markers appended and group offsets settled, which makes
/// the outcome visible to consumers at once. Its durability is already guaranteed by the
/// recorded decision: after a crash the transaction is completed again.
fn write_markers(broker: &Broker, meta: &TxnMeta) -> std::result::Result<Written, ResponseError> {
    let commit = meta.state == TxnState::PrepareCommit;
    let now = now_ms();
    let mut partitions = Vec::new();
    for (topic, index) in &meta.partitions {
        // A partition deleted meanwhile has nothing left to mark.
        let Some(partition) = broker.partition(topic, *index) else {
            continue;
        };
        match partition.append_marker(meta.producer_id, meta.epoch, commit, 0, now) {
            Ok(end) => partitions.push((partition, end)),
            // The partition already saw a newer epoch of this producer: whatever this
            // transaction wrote there was closed by the marker that came with it.
            Err(e) if e.response_error() == ResponseError::InvalidProducerEpoch => {
                tracing::warn!(transactional_id = %meta.transactional_id, %topic, partition = index, "skipping the marker of a superseded epoch");
            }
            Err(e) => {
                tracing::error!(transactional_id = %meta.transactional_id, %topic, partition = index, error = %e, "cannot write a transaction marker");
                return Err(e.response_error());
            }
        }
    }
    let offsets_seq = broker
        .groups
        .end_txn(&meta.groups, meta.producer_id, commit)
        .map_err(|e| e.response_error())?;
    Ok(Written {
        partitions,
        offsets_seq,
    })
}

/// The second half of [`complete`]: waits until the markers and offsets are durable, then
/// records the transaction as Complete (only then may the decision be forgotten).
async fn settle(
    broker: &Arc<Broker>,
    meta: &TxnMeta,
    written: Written,
) -> std::result::Result<(), ResponseError> {
    for (partition, end) in written.partitions {
        partition
            .wait_durable(end)
            .await
            .map_err(|e| e.response_error())?;
    }
    if let Some(seq) = written.offsets_seq {
        broker
            .groups
            .store
            .wait_durable(seq)
            .await
            .map_err(|e| e.response_error())?;
    }
    let coordinator = &broker.txns;
    let mut txns = coordinator.lock();
    let current = txns.by_id.get(&meta.transactional_id).cloned();
    if let Some(mut current) = current.filter(|c| {
        c.producer_id == meta.producer_id && c.epoch == meta.epoch && c.state == meta.state
    }) {
        current.state = if meta.state == TxnState::PrepareCommit {
            broker
                .metrics
                .transactions_committed
                .fetch_add(1, Ordering::Relaxed);
            TxnState::CompleteCommit
        } else {
            broker
                .metrics
                .transactions_aborted
                .fetch_add(1, Ordering::Relaxed);
            TxnState::CompleteAbort
        };
        current.partitions.clear();
        current.groups.clear();
        current.start_ms = -1;
        current.last_update_ms = now_ms();
        // Not waited for: if it is lost, the next start completes the transaction again.
        coordinator
            .persist(&mut txns, current)
            .map_err(|e| e.response_error())?;
    }
    Ok(())
}

/// Ends the completion of `id` and wakes the requests waiting for it.
fn release(broker: &Broker, id: &str) {
    broker.txns.lock().completing.remove(id);
    broker.txns.settled.notify_waiters();
}

/// A completion running on its own task: `visible` answers once the outcome can be seen
/// (markers written), `done` once the transaction is Complete.
pub struct Completion {
    pub visible: tokio::sync::oneshot::Receiver<std::result::Result<(), ResponseError>>,
    pub done: tokio::task::JoinHandle<std::result::Result<(), ResponseError>>,
}

/// Completes a decision recorded at journal sequence `seq` on a task of its own, so that a
/// client going away mid-way cannot strand the transaction. If the decision cannot be made
/// durable, the id is released and the tick tries again.
pub fn spawn_completion(broker: &Arc<Broker>, prepared: TxnMeta, seq: u64) -> Completion {
    let (tell, visible) = tokio::sync::oneshot::channel();
    let broker = broker.clone();
    let done = tokio::spawn(async move {
        let id = prepared.transactional_id.clone();
        let result = async {
            broker.txns.journal.wait_durable(seq).await.map_err(|e| {
                tracing::error!(error = %e, "cannot fsync the transaction log");
                e.response_error()
            })?;
            let written = write_markers(&broker, &prepared);
            let _ = tell.send(written.as_ref().map(|_| ()).map_err(|c| *c));
            settle(&broker, &prepared, written?).await
        }
        .await;
        release(&broker, &id);
        result
    });
    Completion { visible, done }
}

/// Waits until the outcome of a completion is visible (EndTxn answers then).
pub async fn visible(completion: Completion) -> std::result::Result<(), ResponseError> {
    match completion.visible.await {
        Ok(result) => result,
        // The task ended before writing anything: its own result says why.
        Err(_) => completion
            .done
            .await
            .unwrap_or(Err(ResponseError::UnknownServerError)),
    }
}

/// Waits until a completion is done.
pub async fn completed(completion: Completion) -> std::result::Result<(), ResponseError> {
    completion
        .done
        .await
        .unwrap_or(Err(ResponseError::UnknownServerError))
}

/// How long a request waits for the previous transaction of its id to settle before it is
/// told CONCURRENT_TRANSACTIONS (and retries).
const SETTLE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Waits until no completion of `id` is running: the next transaction of a producer that
/// just committed starts as soon as its markers are durable, without a retry round.
pub async fn settled(broker: &Broker, id: &str) -> std::result::Result<(), ResponseError> {
    let wait = async {
        loop {
            let notified = broker.txns.settled.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if !broker.txns.lock().completing.contains(id) {
                return;
            }
            notified.await;
        }
    };
    tokio::time::timeout(SETTLE_WAIT, wait)
        .await
        .map_err(|_| ResponseError::ConcurrentTransactions)
}

/// Decides to abort `meta`'s open transaction, fencing its producer (epoch + 1), and records
/// the decision. Returns the prepared metadata for [`complete`] and the sequence to wait for.
pub fn prepare_abort_fenced(
    coordinator: &TransactionCoordinator,
    txns: &mut Txns,
    meta: &TxnMeta,
) -> Result<(TxnMeta, u64)> {
    let mut prepared = meta.clone();
    prepared.epoch = prepared.epoch.saturating_add(1);
    prepared.state = TxnState::PrepareAbort;
    prepared.last_update_ms = now_ms();
    txns.completing.insert(prepared.transactional_id.clone());
    let seq = coordinator.persist(txns, prepared.clone())?;
    Ok((prepared, seq))
}

/// The coordinator's timers (called every group tick): transactions past their timeout are
/// aborted and their producers fenced; decided transactions nobody is completing (after a
/// restart, or a failed attempt) are completed.
pub fn tick(broker: &Arc<Broker>) {
    let now = now_ms();
    let coordinator = &broker.txns;
    let mut work = Vec::new();
    {
        let mut txns = coordinator.lock();
        let expired: Vec<TxnMeta> = txns
            .by_id
            .values()
            .filter(|m| m.expired(now) && !txns.completing.contains(&m.transactional_id))
            .cloned()
            .collect();
        for meta in expired {
            tracing::info!(transactional_id = %meta.transactional_id, producer_id = meta.producer_id, timeout_ms = meta.timeout_ms, "aborting a transaction that exceeded its timeout");
            match prepare_abort_fenced(coordinator, &mut txns, &meta) {
                Ok((prepared, seq)) => work.push((prepared, Some(seq))),
                Err(e) => {
                    txns.completing.remove(&meta.transactional_id);
                    tracing::error!(transactional_id = %meta.transactional_id, error = %e, "cannot record a transaction abort");
                }
            }
        }
        let stranded: Vec<TxnMeta> = txns
            .by_id
            .values()
            .filter(|m| m.state.is_prepared() && !txns.completing.contains(&m.transactional_id))
            .cloned()
            .collect();
        for meta in stranded {
            txns.completing.insert(meta.transactional_id.clone());
            work.push((meta, None));
        }
    }
    for (meta, seq) in work {
        match seq {
            Some(seq) => {
                spawn_completion(broker, meta, seq);
            }
            None => {
                let broker = broker.clone();
                tokio::spawn(async move {
                    let id = meta.transactional_id.clone();
                    if let Err(e) = complete(&broker, meta).await {
                        tracing::error!(transactional_id = %id, error = ?e, "cannot complete a transaction; will retry");
                    }
                });
            }
        }
    }
}
