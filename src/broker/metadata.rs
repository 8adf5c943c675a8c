//! Metadata (API key 3): this broker as the only node and the leader of every partition
//! (leader epoch 0), topics by name or by topic ID, and auto-creation where the request and the
//! configuration allow it.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::metadata_request::MetadataRequest;
use kafka_protocol::messages::metadata_response::{
    MetadataResponse, MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{BrokerId, TopicName};
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::security::CLUSTER_NAME;
use super::topic::Topic;
use super::Broker;
use crate::security::acl::{Operation, ResourceType};
use crate::Error;

/// "Authorized operations were not requested", as the protocol encodes it.
pub const OPERATIONS_NOT_REQUESTED: i32 = i32::MIN;

/// The topic operations, as ACLs name them.
pub const TOPIC_OPERATION_LIST: [Operation; 8] = [
    Operation::Read,
    Operation::Write,
    Operation::Create,
    Operation::Delete,
    Operation::Alter,
    Operation::Describe,
    Operation::DescribeConfigs,
    Operation::AlterConfigs,
];

/// Every topic operation as `authorized_operations` bits: without ACLs every client may do
/// all of them.
pub const TOPIC_OPERATIONS: i32 = operation_bits(&TOPIC_OPERATION_LIST);

/// The cluster operations, as ACLs name them.
pub const CLUSTER_OPERATION_LIST: [Operation; 9] = [
    Operation::Create,
    Operation::Alter,
    Operation::Describe,
    Operation::ClusterAction,
    Operation::DescribeConfigs,
    Operation::AlterConfigs,
    Operation::IdempotentWrite,
    Operation::CreateTokens,
    Operation::DescribeTokens,
];

/// Every cluster operation as `authorized_operations` bits.
pub const CLUSTER_OPERATIONS: i32 = operation_bits(&CLUSTER_OPERATION_LIST);

/// The `authorized_operations` bit field of `ops` (bit = the operation's code).
pub const fn operation_bits(ops: &[Operation]) -> i32 {
    let mut bits = 0;
    let mut rest = ops;
    while let [op, tail @ ..] = rest {
        bits |= 1 << op.code();
        rest = tail;
    }
    bits
}

/// Handles a Metadata request.
pub fn handle(
    broker: &Broker,
    req: MetadataRequest,
    version: i16,
    ctx: &RequestContext,
) -> MetadataResponse {
    let node_id = broker.settings.node_id;
    let endpoint = broker.endpoint_for(ctx);
    let brokers = vec![MetadataResponseBroker::default()
        .with_node_id(BrokerId(node_id))
        .with_host(StrBytes::from_string(endpoint.host.clone()))
        .with_port(endpoint.port)];
    // v0 has no null: an empty list means every topic. From v1 an empty list means none.
    let all_topics = match &req.topics {
        None => true,
        Some(t) => t.is_empty() && version == 0,
    };
    let allow_auto_create = version < 4 || req.allow_auto_topic_creation;
    let security = &broker.security;
    let enforced = security.enforced_for(ctx);
    let want_ops = version >= 8 && req.include_topic_authorized_operations;
    let topic_ops = |name: &str| {
        if want_ops {
            security.authorized_operations(
                ctx,
                ResourceType::Topic,
                name,
                &TOPIC_OPERATION_LIST,
                TOPIC_OPERATIONS,
            )
        } else {
            OPERATIONS_NOT_REQUESTED
        }
    };
    let may_describe = |name: &str| {
        !enforced || security.authorize(ctx, ResourceType::Topic, name, Operation::Describe)
    };
    let denied = |name: Option<TopicName>, id: uuid::Uuid| {
        MetadataResponseTopic::default()
            .with_name(name)
            .with_topic_id(id)
            .with_error_code(ResponseError::TopicAuthorizationFailed.code())
            .with_topic_authorized_operations(if want_ops {
                0
            } else {
                OPERATIONS_NOT_REQUESTED
            })
    };
    let topics: Vec<MetadataResponseTopic> = if all_topics {
        // Topics the principal may not describe are left out, as Kafka does.
        broker
            .topics()
            .iter()
            .filter(|t| may_describe(&t.name))
            .map(|t| describe(broker, t, topic_ops(&t.name), version))
            .collect()
    } else {
        req.topics
            .unwrap_or_default()
            .into_iter()
            // A topic asked for by id (v10+) is looked up by id whatever its name says: the
            // Java client sends an empty name, not a null one, beside the id.
            .map(
                |requested| match requested.name.filter(|_| requested.topic_id.is_nil()) {
                    Some(name) if !may_describe(&name) => denied(Some(name), uuid::Uuid::nil()),
                    // Auto-creation needs CREATE; Kafka answers TOPIC_AUTHORIZATION_FAILED for
                    // a missing topic the principal could not create.
                    Some(name)
                        if enforced
                            && allow_auto_create
                            && broker.settings.auto_create_topics
                            && broker.topic(&name).is_none()
                            && !security.may_create_topic(ctx, &name) =>
                    {
                        denied(Some(name), uuid::Uuid::nil())
                    }
                    Some(name) => match broker.topic_or_auto_create(&name, allow_auto_create) {
                        Ok(t) => describe(broker, &t, topic_ops(&t.name), version),
                        Err(e) => {
                            let code = match e {
                                Error::InvalidTopic(_) => ResponseError::InvalidTopicException,
                                Error::UnknownTopicOrPartition(_) => {
                                    ResponseError::UnknownTopicOrPartition
                                }
                                other => other.response_error(),
                            };
                            let ops = topic_ops(&name);
                            MetadataResponseTopic::default()
                                .with_name(Some(name))
                                .with_error_code(code.code())
                                .with_topic_authorized_operations(ops)
                        }
                    },
                    None => match broker.topic_by_id(requested.topic_id) {
                        Some(t) if !may_describe(&t.name) => denied(None, requested.topic_id),
                        Some(t) => describe(broker, &t, topic_ops(&t.name), version),
                        None => MetadataResponseTopic::default()
                            .with_topic_id(requested.topic_id)
                            .with_error_code(ResponseError::UnknownTopicId.code())
                            .with_topic_authorized_operations(if want_ops {
                                0
                            } else {
                                OPERATIONS_NOT_REQUESTED
                            }),
                    },
                },
            )
            .collect()
    };
    let cluster_ops = if (8..=10).contains(&version) && req.include_cluster_authorized_operations {
        security.authorized_operations(
            ctx,
            ResourceType::Cluster,
            CLUSTER_NAME,
            &CLUSTER_OPERATION_LIST,
            CLUSTER_OPERATIONS,
        )
    } else {
        OPERATIONS_NOT_REQUESTED
    };
    MetadataResponse::default()
        .with_brokers(brokers)
        .with_cluster_id(Some(StrBytes::from_string(broker.cluster_id.clone())))
        .with_controller_id(BrokerId(node_id))
        .with_topics(topics)
        .with_cluster_authorized_operations(cluster_ops)
}

fn describe(broker: &Broker, topic: &Topic, topic_ops: i32, version: i16) -> MetadataResponseTopic {
    let node = BrokerId(broker.settings.node_id);
    let partitions = topic
        .partitions()
        .iter()
        .map(|p| {
            MetadataResponsePartition::default()
                .with_partition_index(p.index)
                .with_leader_id(node)
                .with_leader_epoch(0)
                .with_replica_nodes(vec![node])
                .with_isr_nodes(vec![node])
        })
        .collect();
    let mut response = MetadataResponseTopic::default()
        .with_name(Some(TopicName(StrBytes::from_string(topic.name.clone()))))
        .with_partitions(partitions)
        .with_topic_authorized_operations(topic_ops);
    if version >= 10 {
        response.topic_id = topic.id;
    }
    response
}
