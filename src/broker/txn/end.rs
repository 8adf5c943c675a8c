//! EndTxn: the producer commits or aborts its open transaction. The decision is recorded in
//! the transaction log (Prepare*); then the markers are written and the groups' offsets
//! settled before the answer, so that once a commit is acknowledged every read_committed
//! consumer sees the transaction's records and offsets. A retried EndTxn of a
//! transaction already completed the same way succeeds again.

use std::future::Future;
use std::sync::Arc;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{EndTxnRequest, EndTxnResponse};

use super::state::{TxnMeta, TxnState};
use super::{check_producer_at, settled, spawn_completion, visible};
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

/// Handles an EndTxn request. The answer comes once the outcome is visible — markers written,
/// group offsets settled — and the decision durable; the markers become durable right after,
/// before the producer's next transaction may begin.
pub fn handle(
    broker: &Arc<Broker>,
    req: EndTxnRequest,
    version: i16,
) -> impl Future<Output = EndTxnResponse> + Send + 'static {
    let broker = broker.clone();
    async move {
        let id = req.transactional_id.to_string();
        let outcome = match settled(&broker, &id).await {
            Err(code) => Err(code),
            Ok(()) => match decide(&broker, &req, version) {
                Ok(None) => Ok(()),
                // Completed on a task of its own, which a client hanging up cannot cancel.
                Ok(Some((prepared, seq))) => {
                    visible(spawn_completion(&broker, prepared, seq)).await
                }
                Err(code) => Err(code),
            },
        };
        EndTxnResponse::default().with_error_code(outcome.err().map_or(0, |c| c.code()))
    }
}
