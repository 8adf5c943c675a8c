//! ListGroups, DescribeGroups and DeleteGroups: what tools such as `kafka-consumer-groups`
//! use to inspect and remove groups, classic and consumer-protocol (KIP-848) ones alike.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;

use futures_util::future::Either;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition;
use kafka_protocol::messages::delete_groups_response::DeletableGroupResult;
use kafka_protocol::messages::describe_groups_response::{DescribedGroup, DescribedGroupMember};
use kafka_protocol::messages::list_groups_response::ListedGroup;
use kafka_protocol::messages::{
    ConsumerProtocolAssignment, ConsumerProtocolSubscription, DeleteGroupsRequest,
    DeleteGroupsResponse, DescribeGroupsRequest, DescribeGroupsResponse, ListGroupsRequest,
    ListGroupsResponse,
};
use kafka_protocol::protocol::StrBytes;
use uuid::Uuid;

use super::consumer::ConsumerMember;
use super::group::{Group, GroupState};
use super::store::Record;
use crate::broker::context::RequestContext;
use crate::broker::Broker;
use crate::protocol::embedded::versioned;
use crate::security::acl::Operation;

/// The group types of KIP-848, as ListGroups v5 reports and filters them.
const CLASSIC: &str = "classic";
const CONSUMER: &str = "consumer";

fn group_type(g: &Group) -> &'static str {
    if g.consumer.is_some() {
        CONSUMER
    } else {
        CLASSIC
    }
}

/// The state ListGroups and DescribeGroups report: the classic state machine's, or the
/// consumer protocol's (Empty, Assigning, Reconciling, Stable).
fn state_name(g: &Group) -> &'static str {
    match &g.consumer {
        Some(consumer) => consumer.state_name(),
        None => g.state.name(),
    }
}

/// Handles ListGroups: DESCRIBE on the cluster lists every group; otherwise only the groups
/// the principal may DESCRIBE are listed, as in Kafka.
pub fn list(
    broker: &Broker,
    req: ListGroupsRequest,
    version: i16,
    ctx: &RequestContext,
) -> ListGroupsResponse {
    let security = &broker.security;
    let sees_all = security.authorize_cluster(ctx, Operation::Describe);
    let states: Vec<String> = if version >= 4 {
        req.states_filter.iter().map(|s| s.to_lowercase()).collect()
    } else {
        Vec::new()
    };
    let types: Vec<String> = if version >= 5 {
        req.types_filter.iter().map(|s| s.to_lowercase()).collect()
    } else {
        Vec::new()
    };
    let groups = broker.groups.lock();
    let listed = groups
        .values()
        .filter(|g| states.is_empty() || states.contains(&state_name(g).to_lowercase()))
        .filter(|g| types.is_empty() || types.iter().any(|t| t == group_type(g)))
        .filter(|g| sees_all || security.allows_group(ctx, &g.id, Operation::Describe))
        .map(|g| {
            ListedGroup::default()
                .with_group_id(StrBytes::from_string(g.id.clone()).into())
                .with_protocol_type(StrBytes::from_string(
                    g.protocol_type.clone().unwrap_or_default(),
                ))
                .with_group_state(if version >= 4 {
                    StrBytes::from_static_str(state_name(g))
                } else {
                    StrBytes::default()
                })
                .with_group_type(if version >= 5 {
                    StrBytes::from_static_str(group_type(g))
                } else {
                    StrBytes::default()
                })
        })
        .collect();
    ListGroupsResponse::default().with_groups(listed)
}

/// A consumer-protocol member as DescribeGroups shows members: its subscription and
/// assignment as the classic consumer protocol encodes them, so tools written for classic
/// groups show consumer groups too.
fn classic_member(
    m: &ConsumerMember,
    names: &BTreeMap<Uuid, String>,
    version: i16,
) -> DescribedGroupMember {
    let name = |id: &Uuid| StrBytes::from_string(names.get(id).cloned().unwrap_or_default());
    let subscription = ConsumerProtocolSubscription::default().with_topics(
        m.subscribed_topic_names
            .iter()
            .map(|n| StrBytes::from_string(n.clone()))
            .collect(),
    );
    let assignment = ConsumerProtocolAssignment::default().with_assigned_partitions(
        m.assigned
            .iter()
            .map(|(id, parts)| {
                TopicPartition::default()
                    .with_topic(name(id).into())
                    .with_partitions(parts.iter().copied().collect())
            })
            .collect(),
    );
    DescribedGroupMember::default()
        .with_member_id(StrBytes::from_string(m.member_id.clone()))
        .with_group_instance_id(
            m.instance_id
                .clone()
                .filter(|_| version >= 4)
                .map(StrBytes::from_string),
        )
        .with_client_id(StrBytes::from_string(m.client_id.clone()))
        .with_client_host(StrBytes::from_string(m.client_host.clone()))
        .with_member_metadata(versioned(0, &subscription).unwrap_or_default())
        .with_member_assignment(versioned(0, &assignment).unwrap_or_default())
}

/// Handles DescribeGroups; a group the principal may not DESCRIBE answers
/// GROUP_AUTHORIZATION_FAILED.
pub fn describe(
    broker: &Broker,
    req: DescribeGroupsRequest,
    version: i16,
    ctx: &RequestContext,
) -> DescribeGroupsResponse {
    let names = broker.topic_names_by_id();
    let groups = broker.groups.lock();
    let described = req
        .groups
        .into_iter()
        .map(|id| {
            if !broker.security.allows_group(ctx, &id, Operation::Describe) {
                return DescribedGroup::default()
                    .with_group_id(id)
                    .with_error_code(ResponseError::GroupAuthorizationFailed.code());
            }
            let Some(g) = groups.get(id.as_str()) else {
                // Kafka describes an unknown group as Dead; v6 also says it was not found.
                let error = if version >= 6 {
                    ResponseError::GroupIdNotFound.code()
                } else {
                    0
                };
                return DescribedGroup::default()
                    .with_error_code(error)
                    .with_group_id(id)
                    .with_group_state(StrBytes::from_static_str(GroupState::Dead.name()));
            };
            if let Some(consumer) = &g.consumer {
                return DescribedGroup::default()
                    .with_group_id(id)
                    .with_group_state(StrBytes::from_static_str(consumer.state_name()))
                    .with_protocol_type(StrBytes::from_static_str(CONSUMER))
                    .with_protocol_data(StrBytes::from_string(consumer.assignor.clone()))
                    .with_members(
                        consumer
                            .members
                            .values()
                            .map(|m| classic_member(m, &names, version))
                            .collect(),
                    );
            }
            let members = g
                .members
                .values()
                .map(|m| {
                    DescribedGroupMember::default()
                        .with_member_id(StrBytes::from_string(m.member_id.clone()))
                        .with_group_instance_id(
                            m.group_instance_id
                                .clone()
                                .filter(|_| version >= 4)
                                .map(StrBytes::from_string),
                        )
                        .with_client_id(StrBytes::from_string(m.client_id.clone()))
                        .with_client_host(StrBytes::from_string(m.client_host.clone()))
                        .with_member_metadata(m.metadata(g.protocol_name.as_deref()))
                        .with_member_assignment(m.assignment.clone())
                })
                .collect();
            DescribedGroup::default()
                .with_group_id(id)
                .with_group_state(StrBytes::from_static_str(g.state.name()))
                .with_protocol_type(StrBytes::from_string(
                    g.protocol_type.clone().unwrap_or_default(),
                ))
                .with_protocol_data(StrBytes::from_string(
                    g.protocol_name.clone().unwrap_or_default(),
                ))
                .with_members(members)
        })
        .collect();
    DescribeGroupsResponse::default().with_groups(described)
}

/// Handles DeleteGroups; the returned future completes once the deletions are durable. A group
/// the principal may not DELETE answers GROUP_AUTHORIZATION_FAILED.
pub fn delete(
    broker: &Arc<Broker>,
    req: DeleteGroupsRequest,
    ctx: &RequestContext,
) -> impl Future<Output = DeleteGroupsResponse> + Send + 'static {
    let coordinator = &broker.groups;
    let mut groups = coordinator.lock();
    let mut results = Vec::with_capacity(req.groups_names.len());
    let mut last_seq = None;
    for id in req.groups_names {
        if !broker.security.allows_group(ctx, &id, Operation::Delete) {
            results.push((id, Some(ResponseError::GroupAuthorizationFailed)));
            continue;
        }
        let error = match groups.get(id.as_str()) {
            None => Some(ResponseError::GroupIdNotFound),
            Some(g)
                if !g.members.is_empty()
                    || g.consumer.as_ref().is_some_and(|c| !c.members.is_empty()) =>
            {
                Some(ResponseError::NonEmptyGroup)
            }
            Some(_) => {
                let record = Record::DeleteGroup {
                    group: id.to_string(),
                };
                match coordinator.persist(&groups, &[record]) {
                    Ok(seq) => {
                        groups.remove(id.as_str());
                        tracing::info!(group = %id.as_str(), "deleted group");
                        last_seq = Some(seq);
                        None
                    }
                    Err(e) => Some(e.response_error()),
                }
            }
        };
        results.push((id, error));
    }
    drop(groups);
    let respond = |results: Vec<(kafka_protocol::messages::GroupId, Option<ResponseError>)>,
                   durable: Option<ResponseError>| {
        DeleteGroupsResponse::default().with_results(
            results
                .into_iter()
                .map(|(id, error)| {
                    let error = match error {
                        None => durable,
                        e => e,
                    };
                    DeletableGroupResult::default()
                        .with_group_id(id)
                        .with_error_code(error.map_or(0, |e| e.code()))
                })
                .collect(),
        )
    };
    let Some(seq) = last_seq else {
        return Either::Left(std::future::ready(respond(results, None)));
    };
    let broker = broker.clone();
    Either::Right(async move {
        let durable = broker.groups.store.wait_durable(seq).await.err();
        respond(results, durable.map(|e| e.response_error()))
    })
}
