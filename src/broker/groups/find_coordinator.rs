//! FindCoordinator: this broker coordinates every consumer group and every transactional id.
//! Any other key type gets INVALID_REQUEST.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::find_coordinator_response::Coordinator;
use kafka_protocol::messages::{BrokerId, FindCoordinatorRequest, FindCoordinatorResponse};
use kafka_protocol::protocol::StrBytes;

use crate::broker::context::RequestContext;
use crate::broker::Broker;

const KEY_TYPE_GROUP: i8 = 0;
const KEY_TYPE_TRANSACTION: i8 = 1;

pub fn handle(
    broker: &Broker,
    req: FindCoordinatorRequest,
    version: i16,
    ctx: &RequestContext,
) -> FindCoordinatorResponse {
    let endpoint = broker.endpoint_for(ctx);
    let (error, message) = if matches!(req.key_type, KEY_TYPE_GROUP | KEY_TYPE_TRANSACTION) {
        (0, None)
    } else {
        (
            ResponseError::InvalidRequest.code(),
            Some(StrBytes::from_static_str(
                "key type must be 0 (group) or 1 (transaction)",
            )),
        )
    };
    let (node, host, port) = if error == 0 {
        (
            broker.settings.node_id,
            StrBytes::from_string(endpoint.host.clone()),
            endpoint.port,
        )
    } else {
        (-1, StrBytes::default(), -1)
    };
    if version >= 4 {
        let coordinators = req
            .coordinator_keys
            .into_iter()
            .map(|key| {
                Coordinator::default()
                    .with_key(key)
                    .with_node_id(BrokerId(node))
                    .with_host(host.clone())
                    .with_port(port)
                    .with_error_code(error)
                    .with_error_message(message.clone())
            })
            .collect();
        return FindCoordinatorResponse::default().with_coordinators(coordinators);
    }
    FindCoordinatorResponse::default()
        .with_error_code(error)
        .with_error_message(if version >= 1 { message } else { None })
        .with_node_id(BrokerId(node))
        .with_host(host)
        .with_port(port)
}
