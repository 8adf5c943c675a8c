//! ConsumerGroupDescribe (KIP-848): a consumer-protocol group's state, epochs, assignor and
//! members, each with its subscription, current assignment and target assignment.

use std::collections::BTreeMap;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::consumer_group_describe_response::{
    Assignment, DescribedGroup, Member, TopicPartitions as DescribedTopicPartitions,
};
use kafka_protocol::messages::{ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse};
use kafka_protocol::protocol::StrBytes;
use uuid::Uuid;

use super::assignor::TopicPartitions;
use super::consumer::ConsumerGroup;
use crate::broker::context::RequestContext;
use crate::broker::Broker;
use crate::security::acl::Operation;

/// Kafka's "member type" of a member using the consumer protocol (v1).
const MEMBER_TYPE_CONSUMER: i8 = 1;

/// A group the principal may not DESCRIBE answers GROUP_AUTHORIZATION_FAILED.
pub fn handle(
    broker: &Broker,
    req: ConsumerGroupDescribeRequest,
    version: i16,
    ctx: &RequestContext,
) -> ConsumerGroupDescribeResponse {
    let names = broker.topic_names_by_id();
    let groups = broker.groups.lock();
    let described = req
        .group_ids
        .into_iter()
        .map(|id| {
            let described = DescribedGroup::default().with_group_id(id.clone());
            if !broker.security.allows_group(ctx, &id, Operation::Describe) {
                return described
                    .with_error_code(ResponseError::GroupAuthorizationFailed.code())
                    .with_error_message(Some(StrBytes::from_static_str(
                        "Group authorization failed.",
                    )));
            }
            match groups.get(id.as_str()).map(|g| g.consumer.as_ref()) {
                Some(Some(consumer)) => describe(consumer, &names, version)
                    .with_group_id(id)
                    .with_authorized_operations(i32::MIN),
                Some(None) => described
                    .with_error_code(ResponseError::GroupIdNotFound.code())
                    .with_error_message(Some(StrBytes::from_string(format!(
                        "Group {} is not a consumer group.",
                        id.as_str()
                    )))),
                None => described
                    .with_error_code(ResponseError::GroupIdNotFound.code())
                    .with_error_message(Some(StrBytes::from_string(format!(
                        "Group {} not found.",
                        id.as_str()
                    )))),
            }
        })
        .collect();
    ConsumerGroupDescribeResponse::default().with_groups(described)
}

fn describe(
    consumer: &ConsumerGroup,
    names: &BTreeMap<Uuid, String>,
    version: i16,
) -> DescribedGroup {
    let members = consumer
        .members
        .values()
        .map(|m| {
            let target = consumer
                .target
                .get(&m.member_id)
                .cloned()
                .unwrap_or_default();
            Member::default()
                .with_member_id(StrBytes::from_string(m.member_id.clone()))
                .with_instance_id(m.instance_id.clone().map(StrBytes::from_string))
                .with_rack_id(m.rack_id.clone().map(StrBytes::from_string))
                .with_member_epoch(m.member_epoch)
                .with_client_id(StrBytes::from_string(m.client_id.clone()))
                .with_client_host(StrBytes::from_string(m.client_host.clone()))
                .with_subscribed_topic_names(
                    m.subscribed_topic_names
                        .iter()
                        .map(|n| StrBytes::from_string(n.clone()).into())
                        .collect(),
                )
                .with_subscribed_topic_regex(
                    m.subscribed_topic_regex.clone().map(StrBytes::from_string),
                )
                .with_assignment(assignment(&m.assigned, names))
                .with_target_assignment(assignment(&target, names))
                .with_member_type(if version >= 1 {
                    MEMBER_TYPE_CONSUMER
                } else {
                    -1
                })
        })
        .collect();
    DescribedGroup::default()
        .with_group_state(StrBytes::from_static_str(consumer.state_name()))
        .with_group_epoch(consumer.group_epoch)
        .with_assignment_epoch(consumer.assignment_epoch)
        .with_assignor_name(StrBytes::from_string(consumer.assignor.clone()))
        .with_members(members)
}

fn assignment(partitions: &TopicPartitions, names: &BTreeMap<Uuid, String>) -> Assignment {
    Assignment::default().with_topic_partitions(
        partitions
            .iter()
            .map(|(id, parts)| {
                DescribedTopicPartitions::default()
                    .with_topic_id(*id)
                    .with_topic_name(
                        StrBytes::from_string(names.get(id).cloned().unwrap_or_default()).into(),
                    )
                    .with_partitions(parts.iter().copied().collect())
            })
            .collect(),
    )
}
