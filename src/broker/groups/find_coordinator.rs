//! FindCoordinator: this broker coordinates every consumer group and every transactional id.
//! Any other key type gets INVALID_REQUEST.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::find_coordinator_response::Coordinator;
use kafka_protocol::messages::{BrokerId, FindCoordinatorRequest, FindCoordinatorResponse};
use kafka_protocol::protocol::StrBytes;

use crate::broker::context::RequestContext;
use crate::broker::Broker;
use crate::security::acl::Operation;

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
    // DESCRIBE on the group or transactional id, else Kafka's authorization error for it.
    let denied = |key: &str| -> Option<ResponseError> {
        match req.key_type {
            KEY_TYPE_GROUP if !broker.security.allows_group(ctx, key, Operation::Describe) => {
                Some(ResponseError::GroupAuthorizationFailed)
            }
            KEY_TYPE_TRANSACTION
                if !broker
                    .security
                    .allows_transactional_id(ctx, key, Operation::Describe) =>
            {
                Some(ResponseError::TransactionalIdAuthorizationFailed)
            }
            _ => None,
        }
    };
    let refused = |code: ResponseError| {
        Coordinator::default()
            .with_node_id(BrokerId(-1))
            .with_port(-1)
            .with_error_code(code.code())
    };
    if version >= 4 {
        let coordinators = req
            .coordinator_keys
            .iter()
            .map(|key| match denied(key) {
                Some(code) if error == 0 => refused(code).with_key(key.clone()),
                _ => Coordinator::default()
                    .with_key(key.clone())
                    .with_node_id(BrokerId(node))
                    .with_host(host.clone())
                    .with_port(port)
                    .with_error_code(error)
                    .with_error_message(message.clone()),
            })
            .collect();
        return FindCoordinatorResponse::default().with_coordinators(coordinators);
    }
    if let Some(code) = denied(&req.key).filter(|_| error == 0) {
        return FindCoordinatorResponse::default()
            .with_error_code(code.code())
            .with_node_id(BrokerId(-1))
            .with_port(-1);
    }
    FindCoordinatorResponse::default()
        .with_error_code(error)
        .with_error_message(if version >= 1 { message } else { None })
        .with_node_id(BrokerId(node))
        .with_host(host)
        .with_port(port)
}
