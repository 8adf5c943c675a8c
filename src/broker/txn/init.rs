//! InitProducerId for a transactional id: the first call gets a new producer id at epoch 0;
//! every later one bumps the epoch, which fences any older producer with the same id. A
//! transaction the previous producer left open is aborted first (with markers at the bumped
//! epoch), so the new producer starts clean. With KIP-360 (v3+) a producer that names its
//! current id and epoch gets the same treatment; one naming anything else is fenced.

use std::sync::Arc;

use kafka_protocol::error::ResponseError;

use super::state::{TxnMeta, TxnState};
use super::{completed, prepare_abort_fenced, settled, spawn_completion, MAX_TIMEOUT_MS};
use crate::broker::{now_ms, Broker};

/// The producer id and epoch for `transactional_id`; `given` is the (id, epoch) the producer
/// already holds, or (-1, -1).
pub async fn init(
    broker: Arc<Broker>,
    transactional_id: String,
    timeout_ms: i32,
    given: (i64, i16),
) -> Result<(i64, i16), ResponseError> {
    if transactional_id.is_empty() {
        return Err(ResponseError::InvalidRequest);
    }
    if timeout_ms <= 0 || timeout_ms > MAX_TIMEOUT_MS {
        return Err(ResponseError::InvalidTransactionTimeout);
    }
    settled(&broker, &transactional_id).await?;
    let coordinator = &broker.txns;
    // Decided under the lock, awaited after it: a new id is granted at once; an open
    // transaction left by a predecessor is aborted first.
    enum First {
        Granted((i64, i16), u64),
        Abort(TxnMeta, u64),
        Bump,
    }
    let first = {
        let mut txns = coordinator.lock();
        match txns.by_id.get(&transactional_id).cloned() {
            None => {
                let producer_id = broker.producer_ids.next().map_err(|e| e.response_error())?;
                let meta =
                    TxnMeta::new(transactional_id.clone(), producer_id, timeout_ms, now_ms());
                let seq = coordinator
                    .persist(&mut txns, meta)
                    .map_err(|e| e.response_error())?;
                First::Granted((producer_id, 0), seq)
            }
            Some(meta) => {
                if given.0 >= 0 && given.0 == meta.producer_id && given.1 == meta.last_epoch {
                    // A retry of the InitProducerId that already bumped the epoch: its answer
                    // was lost, so it gets the same one again.
                    if meta.state == TxnState::Empty {
                        return Ok((meta.producer_id, meta.epoch));
                    }
                    return Err(ResponseError::ProducerFenced);
                }
                if given.0 >= 0 && (given.0 != meta.producer_id || given.1 != meta.epoch) {
                    return Err(ResponseError::ProducerFenced);
                }
                if meta.state.is_prepared() || txns.completing.contains(&transactional_id) {
                    return Err(ResponseError::ConcurrentTransactions);
                }
                if meta.state == TxnState::Ongoing {
                    let (prepared, seq) = prepare_abort_fenced(coordinator, &mut txns, &meta)
                        .map_err(|e| e.response_error())?;
                    First::Abort(prepared, seq)
                } else {
                    First::Bump
                }
            }
        }
    };
    let open = match first {
        First::Granted(granted, seq) => {
            wait(&broker, seq).await?;
            return Ok(granted);
        }
        First::Abort(prepared, seq) => Some((prepared, seq)),
        First::Bump => None,
    };
    // The epoch the abort fenced with, which the new producer gets.
    let aborted_at = open.as_ref().map(|(prepared, _)| prepared.epoch);
    if let Some((prepared, seq)) = open {
        tracing::info!(%transactional_id, producer_id = prepared.producer_id, "a new producer aborts the transaction its predecessor left open");
        completed(spawn_completion(&broker, prepared, seq)).await?;
    }
    let (result, seq) = {
        let mut txns = coordinator.lock();
        let mut meta = txns
            .by_id
            .get(&transactional_id)
            .cloned()
            .ok_or(ResponseError::ConcurrentTransactions)?;
        if meta.state.is_prepared() || meta.state == TxnState::Ongoing {
            return Err(ResponseError::ConcurrentTransactions);
        }
        match aborted_at {
            // Another InitProducerId got in between the abort and now: let the client retry
            // rather than hand out an epoch twice.
            Some(epoch) if meta.epoch != epoch || meta.state != TxnState::CompleteAbort => {
                return Err(ResponseError::ConcurrentTransactions);
            }
            Some(_) => {}
            None if meta.epoch >= i16::MAX - 1 => {
                // Epochs are exhausted: a new producer id starts again at 0.
                meta.producer_id = broker.producer_ids.next().map_err(|e| e.response_error())?;
                meta.epoch = 0;
                meta.last_epoch = -1;
            }
            None => {
                meta.last_epoch = meta.epoch;
                meta.epoch += 1;
            }
        }
        meta.state = TxnState::Empty;
        meta.timeout_ms = timeout_ms;
        meta.last_update_ms = now_ms();
        let result = (meta.producer_id, meta.epoch);
        let seq = coordinator
            .persist(&mut txns, meta)
            .map_err(|e| e.response_error())?;
        (result, seq)
    };
    wait(&broker, seq).await?;
    Ok(result)
}

async fn wait(broker: &Broker, seq: u64) -> Result<(), ResponseError> {
    broker
        .txns
        .journal
        .wait_durable(seq)
        .await
        .map_err(|e| e.response_error())
}
