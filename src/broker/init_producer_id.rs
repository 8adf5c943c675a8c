//! InitProducerId (API key 22) for idempotent producers: every call gets a fresh producer id
//! at epoch 0, as Kafka does for producers without a transactional id. Transactional ids
//! belong to a transaction coordinator, which this broker is not (it advertises no
//! FindCoordinator), so they get NOT_COORDINATOR.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::init_producer_id_request::InitProducerIdRequest;
use kafka_protocol::messages::init_producer_id_response::InitProducerIdResponse;
use kafka_protocol::messages::ProducerId;

use super::Broker;

/// Handles an InitProducerId request.
pub fn handle(broker: &Broker, req: InitProducerIdRequest) -> InitProducerIdResponse {
    let failed = |code: ResponseError| {
        InitProducerIdResponse::default()
            .with_error_code(code.code())
            .with_producer_id(ProducerId(-1))
            .with_producer_epoch(-1)
    };
    if req.transactional_id.is_some() {
        return failed(ResponseError::NotCoordinator);
    }
    match broker.producer_ids.next() {
        Ok(id) => InitProducerIdResponse::default()
            .with_producer_id(ProducerId(id))
            .with_producer_epoch(0),
        Err(e) => {
            tracing::error!(error = %e, "cannot allocate a producer id");
            failed(ResponseError::CoordinatorNotAvailable)
        }
    }
}
