//! InitProducerId (API key 22). Without a transactional id (an idempotent producer) every
//! call gets a fresh producer id at epoch 0, as Kafka does; with one, the transaction
//! coordinator answers (see [`super::txn::init`]).

use std::future::Future;
use std::sync::Arc;

use futures_util::future::Either;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::init_producer_id_request::InitProducerIdRequest;
use kafka_protocol::messages::init_producer_id_response::InitProducerIdResponse;
use kafka_protocol::messages::ProducerId;

use super::Broker;

fn failed(code: ResponseError) -> InitProducerIdResponse {
    InitProducerIdResponse::default()
        .with_error_code(code.code())
        .with_producer_id(ProducerId(-1))
        .with_producer_epoch(-1)
}

fn granted(producer_id: i64, epoch: i16) -> InitProducerIdResponse {
    InitProducerIdResponse::default()
        .with_producer_id(ProducerId(producer_id))
        .with_producer_epoch(epoch)
}

/// Handles an InitProducerId request.
pub fn handle(
    broker: &Arc<Broker>,
    req: InitProducerIdRequest,
    version: i16,
) -> impl Future<Output = InitProducerIdResponse> + Send + 'static {
    let Some(transactional_id) = req.transactional_id else {
        let response = match broker.producer_ids.next() {
            Ok(id) => granted(id, 0),
            Err(e) => {
                tracing::error!(error = %e, "cannot allocate a producer id");
                failed(ResponseError::CoordinatorNotAvailable)
            }
        };
        return Either::Left(std::future::ready(response));
    };
    let given = if version >= 3 {
        (req.producer_id.0, req.producer_epoch)
    } else {
        (-1, -1)
    };
    let broker = broker.clone();
    Either::Right(async move {
        match super::txn::init::init(
            broker,
            transactional_id.to_string(),
            req.transaction_timeout_ms,
            given,
        )
        .await
        {
            Ok((id, epoch)) => granted(id, epoch),
            // Before KIP-588 (v4) clients know fencing as INVALID_PRODUCER_EPOCH.
            Err(ResponseError::ProducerFenced) if version < 4 => {
                failed(ResponseError::InvalidProducerEpoch)
            }
            Err(code) => failed(code),
        }
    })
}
