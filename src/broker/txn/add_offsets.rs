//! AddOffsetsToTxn: a producer announces that its transaction will commit offsets for a
//! consumer group (the `send_offsets_to_transaction` of the clients); the TxnOffsetCommit
//! that follows goes to the group coordinator, and the offsets take effect with the commit.

use std::future::Future;
use std::sync::Arc;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{AddOffsetsToTxnRequest, AddOffsetsToTxnResponse};

use super::state::TxnState;
use super::{check_producer_at, settled};
use crate::broker::{now_ms, Broker};

/// Adds the group to the transaction; returns the log sequence to wait for, if any.
fn add(
    broker: &Broker,
    req: &AddOffsetsToTxnRequest,
    version: i16,
) -> Result<Option<u64>, ResponseError> {
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
    if meta.state.is_prepared() || txns.completing.contains(&id) {
        return Err(ResponseError::ConcurrentTransactions);
    }
    if req.group_id.is_empty() {
        return Err(ResponseError::InvalidGroupId);
    }
    let group = req.group_id.to_string();
    if meta.state == TxnState::Ongoing && meta.groups.contains(&group) {
        // Nothing new, but an earlier request's record may not be on disk yet.
        return Ok(Some(coordinator.journal.last_written()));
    }
    let mut updated = meta;
    updated.begin(now_ms());
    updated.groups.insert(group);
    coordinator
        .persist(&mut txns, updated)
        .map(Some)
        .map_err(|e| e.response_error())
}

/// Handles an AddOffsetsToTxn request; the answer waits for the transaction log.
pub fn handle(
    broker: &Arc<Broker>,
    req: AddOffsetsToTxnRequest,
    version: i16,
) -> impl Future<Output = AddOffsetsToTxnResponse> + Send + 'static {
    let broker = broker.clone();
    async move {
        let outcome = match settled(&broker, req.transactional_id.as_str()).await {
            Ok(()) => add(&broker, &req, version),
            Err(code) => Err(code),
        };
        let code = match outcome {
            Ok(Some(seq)) => match broker.txns.journal.wait_durable(seq).await {
                Ok(()) => 0,
                Err(e) => e.response_error().code(),
            },
            Ok(None) => 0,
            Err(code) => code.code(),
        };
        AddOffsetsToTxnResponse::default().with_error_code(code)
    }
}
