//! DescribeCluster (API key 60): this broker as the whole cluster and its controller.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::describe_cluster_request::DescribeClusterRequest;
use kafka_protocol::messages::describe_cluster_response::{
    DescribeClusterBroker, DescribeClusterResponse,
};
use kafka_protocol::messages::BrokerId;
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::metadata::{CLUSTER_OPERATIONS, CLUSTER_OPERATION_LIST, OPERATIONS_NOT_REQUESTED};
use super::security::CLUSTER_NAME;
use super::Broker;
use crate::security::acl::ResourceType;

/// The endpoint type brokers serve (KIP-919); 2 would mean the controller endpoint.
const ENDPOINT_TYPE_BROKERS: i8 = 1;

/// Handles a DescribeCluster request.
pub fn handle(
    broker: &Broker,
    req: DescribeClusterRequest,
    version: i16,
    ctx: &RequestContext,
) -> DescribeClusterResponse {
    let mut response = DescribeClusterResponse::default()
        .with_cluster_id(StrBytes::from_string(broker.cluster_id.clone()))
        .with_controller_id(BrokerId(broker.settings.node_id))
        .with_cluster_authorized_operations(if req.include_cluster_authorized_operations {
            broker.security.authorized_operations(
                ctx,
                ResourceType::Cluster,
                CLUSTER_NAME,
                &CLUSTER_OPERATION_LIST,
                CLUSTER_OPERATIONS,
            )
        } else {
            OPERATIONS_NOT_REQUESTED
        });
    if version >= 1 {
        response.endpoint_type = ENDPOINT_TYPE_BROKERS;
        if req.endpoint_type != ENDPOINT_TYPE_BROKERS {
            return response
                .with_error_code(ResponseError::UnsupportedEndpointType.code())
                .with_error_message(Some(StrBytes::from_static_str(
                    "this broker serves only the brokers endpoint",
                )));
        }
    }
    let endpoint = broker.endpoint_for(ctx);
    response.with_brokers(vec![DescribeClusterBroker::default()
        .with_broker_id(BrokerId(broker.settings.node_id))
        .with_host(StrBytes::from_string(endpoint.host.clone()))
        .with_port(endpoint.port)])
}
