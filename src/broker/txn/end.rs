//! EndTxn: the producer commits or aborts its open transaction. The decision is recorded in
//! the transaction log (Prepare*), then [`super::complete`] writes the markers and settles the
//! groups' offsets before the answer, so that once a commit is acknowledged every
//! read_committed consumer sees the transaction's records and offsets. A retried EndTxn of a
//! transaction already completed the same way succeeds again.

use std::future::Future;
use std::sync::Arc;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{EndTxnRequest, EndTxnResponse};

use super::state::{TxnMeta, TxnState};
use super::{check_producer_at, completed, spawn_completion};
use crate::broker::{now_ms, Broker};

/// Records the decision; `None` when a retry finds the transaction already ended that way.
fn decide(
    broker: &Broker,
    req: &EndTxnRequest,
    version: i16,
) -> Result<Option<(TxnMeta, u64)>, ResponseError> {
    let id = req.transactional_id.to_string();
    let coordinator = &broker.txns;
    let mut txns = coordinator.lock();
    let meta = check_producer_at(
        txns.by_id.get(&id),
        req.producer_id.0,
        req.producer_epoch,
        version,
        2,
    )?
    .clone();
    if txns.completing.contains(&id) {
        return Err(ResponseError::ConcurrentTransactions);
    }
    let prepared_state = match (meta.state, req.committed) {
        (TxnState::Ongoing, true) => TxnState::PrepareCommit,
        (TxnState::Ongoing, false) => TxnState::PrepareAbort,
        (TxnState::PrepareCommit | TxnState::PrepareAbort, _) => {
            return Err(ResponseError::ConcurrentTransactions)
        }
        (TxnState::CompleteCommit, true) | (TxnState::CompleteAbort, false) => return Ok(None),
        (TxnState::CompleteCommit | TxnState::CompleteAbort | TxnState::Empty, _) => {
            return Err(ResponseError::InvalidTxnState)
        }
    };
    let mut prepared = meta;
    prepared.state = prepared_state;
    prepared.last_update_ms = now_ms();
    txns.completing.insert(id);
    match coordinator.persist(&mut txns, prepared.clone()) {
        Ok(seq) => Ok(Some((prepared, seq))),
        Err(e) => {
            txns.completing.remove(&prepared.transactional_id);
            Err(e.response_error())
        }
    }
}

/// Handles an EndTxn request; the answer comes once the transaction is complete.
pub fn handle(
    broker: &Arc<Broker>,
    req: EndTxnRequest,
    version: i16,
) -> impl Future<Output = EndTxnResponse> + Send + 'static {
    let decided = decide(broker, &req, version);
    let broker = broker.clone();
    async move {
        let outcome = match decided {
            Ok(None) => Ok(()),
            // Completed on a task of its own, which a client hanging up cannot cancel.
            Ok(Some((prepared, seq))) => completed(spawn_completion(&broker, prepared, seq)).await,
            Err(code) => Err(code),
        };
        EndTxnResponse::default().with_error_code(outcome.err().map_or(0, |c| c.code()))
    }
}
