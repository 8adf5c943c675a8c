//! ConsumerGroupHeartbeat (KIP-848): joining, staying in, and leaving a consumer group, and
//! the one call through which a member learns its assignment. See consumer.rs for the model.
//!
//! Version 0 lets the coordinator choose the member id; from version 1 (what librdkafka 2.12
//! sends) the client generates it and sends it with its first heartbeat, and the request may
//! subscribe with a regular expression.

use std::collections::BTreeMap;
use std::time::Instant;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::consumer_group_heartbeat_response::{
    Assignment, TopicPartitions as ResponseTopicPartitions,
};
use kafka_protocol::messages::{ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};
use kafka_protocol::protocol::StrBytes;
use uuid::Uuid;

use super::assignor::{TopicPartitions, ASSIGNORS};
use super::consumer::{full_match_regex, ConsumerGroup, ConsumerMember};
use super::group::{Group, GroupState};
use super::store::Record;
use super::Client;
use super::GroupCoordinator;
use crate::broker::Broker;
use crate::Error;

/// Member epoch of a member leaving the group for good.
const LEAVE_EPOCH: i32 = -1;
/// Member epoch of a static member leaving for now (it may come back with the same instance id).
const LEAVE_STATIC_EPOCH: i32 = -2;

fn fail<T>(error: ResponseError, message: impl Into<String>) -> Result<T, Error> {
    Err(Error::refused(error, message))
}

pub fn handle(
    broker: &Broker,
    req: ConsumerGroupHeartbeatRequest,
    version: i16,
    client: Client<'_>,
) -> ConsumerGroupHeartbeatResponse {
    let interval_ms = broker.groups.config.heartbeat_interval.as_millis() as i32;
    match beat(broker, req, version, client).map_err(|e| e.refusal()) {
        Ok(response) => response.with_heartbeat_interval_ms(interval_ms),
        Err((error, message)) => ConsumerGroupHeartbeatResponse::default()
            .with_error_code(error.code())
            .with_error_message(Some(StrBytes::from_string(message)))
            .with_heartbeat_interval_ms(interval_ms),
    }
}

/// Every topic: name → (id, partition count).
fn topic_metadata(broker: &Broker) -> BTreeMap<String, (Uuid, i32)> {
    broker
        .topics()
        .iter()
        .map(|t| (t.name.clone(), (t.id, t.partition_count())))
        .collect()
}

fn owned_partitions(req: &ConsumerGroupHeartbeatRequest) -> Option<TopicPartitions> {
    req.topic_partitions.as_ref().map(|topics| {
        topics
            .iter()
            .map(|t| (t.topic_id, t.partitions.iter().copied().collect()))
            .collect()
    })
}

fn validate(req: &ConsumerGroupHeartbeatRequest, version: i16) -> Result<(), Error> {
    if req.group_id.is_empty() {
        return fail(ResponseError::InvalidRequest, "GroupId can't be empty.");
    }
    if version >= 1 && req.member_id.is_empty() {
        return fail(ResponseError::InvalidRequest, "MemberId can't be empty.");
    }
    if req.member_epoch == 0 {
        if req.rebalance_timeout_ms == -1 {
            return fail(
                ResponseError::InvalidRequest,
                "RebalanceTimeoutMs must be provided in first request.",
            );
        }
        if req.topic_partitions.as_ref().is_some_and(|t| !t.is_empty()) {
            return fail(
                ResponseError::InvalidRequest,
                "TopicPartitions must be empty when (re-)joining.",
            );
        }
        if req.subscribed_topic_names.is_none() && req.subscribed_topic_regex.is_none() {
            return fail(
                ResponseError::InvalidRequest,
                "SubscribedTopicNames or SubscribedTopicRegex must be set in first request.",
            );
        }
    } else if req.member_epoch < LEAVE_STATIC_EPOCH {
        return fail(
            ResponseError::InvalidRequest,
            format!("MemberEpoch {} is invalid.", req.member_epoch),
        );
    } else if req.member_id.is_empty() {
        return fail(ResponseError::InvalidRequest, "MemberId can't be empty.");
    }
    if let Some(assignor) = req.server_assignor.as_deref() {
        if !ASSIGNORS.contains(&assignor) {
            return fail(
                ResponseError::UnsupportedAssignor,
                format!(
                    "ServerAssignor {assignor} is not supported. Supported assignors: {}.",
                    ASSIGNORS.join(", ")
                ),
            );
        }
    }
    if let Some(regex) = req
        .subscribed_topic_regex
        .as_deref()
        .filter(|r| !r.is_empty())
    {
        if let Err(e) = full_match_regex(regex) {
            return fail(
                ResponseError::InvalidRegularExpression,
                format!("SubscribedTopicRegex `{regex}` is not a valid regular expression: {e}."),
            );
        }
    }
    Ok(())
}

/// The consumer part of `group`, turning an empty classic group into a consumer group;
/// a classic group with members cannot be joined this way.
fn consumer_part(group: &mut Group) -> Result<&mut ConsumerGroup, Error> {
    if group.consumer.is_none() {
        if !group.members.is_empty() || group.state != GroupState::Empty {
            return fail(
                ResponseError::GroupIdNotFound,
                format!("Group {} is not a consumer group.", group.id),
            );
        }
        group.consumer = Some(ConsumerGroup::default());
        group.protocol_type = Some("consumer".into());
    }
    group.consumer.as_mut().ok_or(Error::refused(
        ResponseError::UnknownServerError,
        String::new(),
    ))
}

fn beat(
    broker: &Broker,
    req: ConsumerGroupHeartbeatRequest,
    version: i16,
    client: Client<'_>,
) -> Result<ConsumerGroupHeartbeatResponse, Error> {
    validate(&req, version)?;
    let now = Instant::now();
    let topics = topic_metadata(broker);
    let coordinator = &broker.groups;
    let mut groups = coordinator.lock();
    let group_id = req.group_id.to_string();
    if matches!(req.member_epoch, LEAVE_EPOCH | LEAVE_STATIC_EPOCH) {
        let response = leave(&mut groups, &group_id, &req)?;
        persist(coordinator, &mut groups, &group_id);
        return Ok(response);
    }
    let group = groups
        .entry(group_id.clone())
        .or_insert_with(|| Group::new(group_id.clone(), Default::default()));
    let consumer = consumer_part(group)?;
    let member_id = if req.member_id.is_empty() {
        Uuid::new_v4().to_string()
    } else {
        req.member_id.to_string()
    };
    let owned = owned_partitions(&req);
    let joining = req.member_epoch == 0;
    let mut membership_changed = false;
    if joining {
        membership_changed = join(consumer, &member_id, &req, now)?;
    } else {
        let member = consumer.members.get(&member_id).ok_or_else(|| {
            Error::refused(
                ResponseError::UnknownMemberId,
                format!("Member {member_id} is not a member of group {group_id}."),
            )
        })?;
        check_epoch(member, req.member_epoch, owned.as_ref())?;
    }
    let member = consumer.members.get_mut(&member_id).ok_or(Error::refused(
        ResponseError::UnknownServerError,
        String::new(),
    ))?;
    member.last_heartbeat = now;
    member.client_id = client.client_id.to_string();
    member.client_host = client.client_host.to_string();
    membership_changed |= update_member(member, &req);
    let epochs = (consumer.group_epoch, consumer.assignment_epoch);
    consumer.refresh(&topics, membership_changed);
    let changed = consumer.reconcile(&member_id, owned.as_ref(), now);
    let Some(member) = consumer.members.get(&member_id) else {
        // The member was just inserted above and nothing removes it in between.
        return fail(
            ResponseError::UnknownMemberId,
            format!("member {member_id} left while its heartbeat was answered"),
        );
    };
    let send_assignment =
        joining || changed || owned.as_ref().is_some_and(|o| *o != member.assigned);
    let response = ConsumerGroupHeartbeatResponse::default()
        .with_member_id(Some(StrBytes::from_string(member_id)))
        .with_member_epoch(member.member_epoch)
        .with_assignment(send_assignment.then(|| assignment(&member.assigned)));
    if changed || joining || epochs != (consumer.group_epoch, consumer.assignment_epoch) {
        persist(coordinator, &mut groups, &group_id);
    }
    Ok(response)
}

/// Adds `member_id` (epoch 0), or lets it take over the partitions of the static member
/// that left with the same instance id. Returns whether the membership changed (a returning
/// static member does not change it).
fn join(
    consumer: &mut ConsumerGroup,
    member_id: &str,
    req: &ConsumerGroupHeartbeatRequest,
    now: Instant,
) -> Result<bool, Error> {
    if let Some(instance) = req.instance_id.as_deref() {
        if let Some(previous) = consumer.static_member(instance) {
            if !previous.left_static && previous.member_id != member_id {
                return fail(
                    ResponseError::UnreleasedInstanceId,
                    format!("Static member {} with instance id {instance} cannot be replaced because it has not left the group.", previous.member_id),
                );
            }
            // The same instance back: it continues with the previous member's epoch and
            // partitions, without a rebalance.
            let previous_id = previous.member_id.clone();
            if let Some(mut member) = consumer.members.remove(&previous_id) {
                member.member_id = member_id.to_string();
                member.left_static = false;
                member.last_heartbeat = now;
                if let Some(target) = consumer.target.remove(&previous_id) {
                    consumer.target.insert(member_id.to_string(), target);
                }
                consumer.members.insert(member_id.to_string(), member);
                return Ok(false);
            }
        }
    }
    if consumer.members.contains_key(member_id) {
        // Rejoining after being fenced: it starts over and its partitions are released.
        consumer.remove_member(member_id);
    }
    let mut member = ConsumerMember::new(member_id.to_string(), now);
    member.instance_id = req.instance_id.as_ref().map(|i| i.to_string());
    consumer.members.insert(member_id.to_string(), member);
    Ok(true)
}

/// A heartbeat must carry the member's epoch — or its previous one, if the answer that
/// bumped it was lost and the member owns nothing it no longer should.
fn check_epoch(
    member: &ConsumerMember,
    epoch: i32,
    owned: Option<&TopicPartitions>,
) -> Result<(), Error> {
    let fenced = || {
        fail(
            ResponseError::FencedMemberEpoch,
            format!(
                "The member epoch {epoch} is fenced; the coordinator has epoch {}.",
                member.member_epoch
            ),
        )
    };
    if epoch == member.member_epoch {
        return Ok(());
    }
    if epoch > member.member_epoch || epoch != member.previous_member_epoch {
        return fenced();
    }
    let within = owned.is_none_or(|o| {
        o.iter().all(|(topic, parts)| {
            member
                .assigned
                .get(topic)
                .is_some_and(|a| parts.is_subset(a))
        })
    });
    if within {
        Ok(())
    } else {
        fenced()
    }
}

/// Applies what the heartbeat changes; returns whether the subscription changed.
fn update_member(member: &mut ConsumerMember, req: &ConsumerGroupHeartbeatRequest) -> bool {
    if let Some(rack) = &req.rack_id {
        member.rack_id = Some(rack.to_string());
    }
    if req.rebalance_timeout_ms != -1 {
        member.rebalance_timeout_ms = req.rebalance_timeout_ms;
    }
    if let Some(assignor) = &req.server_assignor {
        member.server_assignor = Some(assignor.to_string());
    }
    let mut changed = false;
    if let Some(names) = &req.subscribed_topic_names {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort_unstable();
        names.dedup();
        changed |= names != member.subscribed_topic_names;
        member.subscribed_topic_names = names;
    }
    if let Some(regex) = &req.subscribed_topic_regex {
        let regex = Some(regex.to_string()).filter(|r| !r.is_empty());
        changed |= regex != member.subscribed_topic_regex;
        member.subscribed_topic_regex = regex;
    }
    changed
}

fn leave(
    groups: &mut BTreeMap<String, Group>,
    group_id: &str,
    req: &ConsumerGroupHeartbeatRequest,
) -> Result<ConsumerGroupHeartbeatResponse, Error> {
    let member_id = req.member_id.to_string();
    let unknown = || {
        Error::refused(
            ResponseError::UnknownMemberId,
            format!("Member {member_id} is not a member of group {group_id}."),
        )
    };
    let consumer = groups
        .get_mut(group_id)
        .and_then(|g| g.consumer.as_mut())
        .ok_or_else(unknown)?;
    let member = consumer.members.get_mut(&member_id).ok_or_else(unknown)?;
    if req.member_epoch == LEAVE_STATIC_EPOCH && member.instance_id.is_some() {
        // Kept, partitions and all, until its session expires or its instance rejoins.
        member.left_static = true;
    } else {
        consumer.remove_member(&member_id);
    }
    Ok(ConsumerGroupHeartbeatResponse::default()
        .with_member_id(Some(StrBytes::from_string(member_id)))
        .with_member_epoch(req.member_epoch))
}

fn assignment(assigned: &TopicPartitions) -> Assignment {
    Assignment::default().with_topic_partitions(
        assigned
            .iter()
            .map(|(topic, parts)| {
                ResponseTopicPartitions::default()
                    .with_topic_id(*topic)
                    .with_partitions(parts.iter().copied().collect())
            })
            .collect(),
    )
}

/// Records the group's consumer state (membership, epochs, assignments) so a restart keeps
/// it; like classic membership, a failure is logged and costs only a rejoin.
pub fn persist(coordinator: &GroupCoordinator, groups: &mut BTreeMap<String, Group>, id: &str) {
    let Some(state) = groups.get(id).and_then(|g| g.consumer.clone()) else {
        return;
    };
    let record = Record::Consumer {
        group: id.to_string(),
        state,
    };
    if let Err(e) = coordinator.persist(groups, &[record]) {
        tracing::warn!(group = id, error = %e, "cannot record consumer group state");
    }
}
