//! OffsetCommit, OffsetFetch and OffsetDelete: a group's committed offsets.
//!
//! A commit from a group member is checked against the member id and generation; a commit
//! with generation -1 (a consumer that assigns partitions itself) is allowed while the group
//! has no members. Commits are applied in memory and acknowledged once the offsets log is
//! fsynced (commits waiting at the same time share one fsync).

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use kafka_protocol::messages::offset_delete_response::{
    OffsetDeleteResponsePartition, OffsetDeleteResponseTopic,
};
use kafka_protocol::messages::offset_fetch_response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions,
    OffsetFetchResponseTopic, OffsetFetchResponseTopics,
};
use kafka_protocol::messages::{
    GroupId, OffsetCommitRequest, OffsetCommitResponse, OffsetDeleteRequest, OffsetDeleteResponse,
    OffsetFetchRequest, OffsetFetchResponse, TopicName,
};
use kafka_protocol::protocol::StrBytes;

use super::consumer::ConsumerGroup;
use super::group::{Group, GroupState};
use super::store::{Committed, Record};
use crate::broker::context::RequestContext;
use crate::broker::{now_ms, Broker};
use crate::security::acl::Operation;

/// Per topic, each partition's error (None: fine, or waiting for the fsync).
type TopicAnswers = (TopicName, Vec<(i32, Option<ResponseError>)>);

/// The longest metadata string a commit may carry (Kafka's offset.metadata.max.bytes).
pub const OFFSET_METADATA_MAX_BYTES: usize = 4096;

fn partition_exists(broker: &Broker, topic: &str, partition: i32) -> bool {
    broker
        .topic(topic)
        .is_some_and(|t| t.partition(partition).is_some())
}

/// Why one partition's commit (plain or transactional) cannot be recorded, if it cannot.
pub(super) fn partition_commit_error(
    broker: &Broker,
    topic: &str,
    partition: i32,
    metadata: Option<&StrBytes>,
) -> Option<ResponseError> {
    if !partition_exists(broker, topic, partition) {
        Some(ResponseError::UnknownTopicOrPartition)
    } else if metadata.is_some_and(|m| m.len() > OFFSET_METADATA_MAX_BYTES) {
        Some(ResponseError::OffsetMetadataTooLarge)
    } else {
        None
    }
}

/// Whether a member (by generation or member epoch) may commit to the group now — for
/// TxnOffsetCommit v3+, whose members say who they are.
pub(super) fn check_member(
    group: Option<&Group>,
    generation_id: i32,
    member_id: &str,
    instance: Option<&str>,
) -> Result<(), ResponseError> {
    check_commit(group, generation_id, member_id, instance, 9)
}

/// Whether a commit may change the group's offsets, and if not, why.
fn check_commit(
    group: Option<&Group>,
    generation_id: i32,
    member_id: &str,
    instance: Option<&str>,
    version: i16,
) -> Result<(), ResponseError> {
    let Some(group) = group else {
        return if generation_id < 0 {
            Ok(())
        } else {
            Err(ResponseError::IllegalGeneration)
        };
    };
    if let Some(consumer) = &group.consumer {
        return check_member_epoch(consumer, member_id, generation_id, version);
    }
    if generation_id < 0 && group.state == GroupState::Empty {
        return Ok(());
    }
    if let Some(instance) = instance {
        if group
            .static_members
            .get(instance)
            .is_some_and(|id| id != member_id)
        {
            return Err(ResponseError::FencedInstanceId);
        }
    }
    if group.state == GroupState::CompletingRebalance {
        return Err(ResponseError::RebalanceInProgress);
    }
    if !group.members.contains_key(member_id) {
        return Err(ResponseError::UnknownMemberId);
    }
    if generation_id != group.generation_id {
        return Err(ResponseError::IllegalGeneration);
    }
    Ok(())
}

/// Whether `member_id` at `epoch` may commit to (or read the offsets of) a consumer-protocol
/// group: the member must exist with exactly that epoch. A commit with no member and a
/// negative epoch (a consumer assigning partitions itself, or an admin tool) is allowed only
/// while the group has no members.
fn check_member_epoch(
    consumer: &ConsumerGroup,
    member_id: &str,
    epoch: i32,
    version: i16,
) -> Result<(), ResponseError> {
    if epoch < 0 && member_id.is_empty() {
        return if consumer.members.is_empty() {
            Ok(())
        } else {
            Err(ResponseError::UnknownMemberId)
        };
    }
    let member = consumer
        .members
        .get(member_id)
        .ok_or(ResponseError::UnknownMemberId)?;
    if epoch != member.member_epoch {
        return Err(if version >= 9 {
            ResponseError::StaleMemberEpoch
        } else {
            ResponseError::IllegalGeneration
        });
    }
    Ok(())
}

/// Handles an OffsetCommit; the returned future completes once the offsets are durable. It
/// needs READ on the group (GROUP_AUTHORIZATION_FAILED for every partition otherwise) and on
/// each topic (TOPIC_AUTHORIZATION_FAILED for its partitions).
pub fn commit(
    broker: &Arc<Broker>,
    req: OffsetCommitRequest,
    version: i16,
    ctx: &RequestContext,
) -> impl Future<Output = OffsetCommitResponse> + Send + 'static {
    let security = &broker.security;
    let group_denied = !security.allows_group(ctx, &req.group_id, Operation::Read);
    let group_id = req.group_id.to_string();
    let member_id = req.member_id.to_string();
    let instance = req
        .group_instance_id
        .as_ref()
        .filter(|_| version >= 7)
        .map(|i| i.to_string());
    let coordinator = &broker.groups;
    let mut groups = coordinator.lock();
    let group_error = if group_denied {
        Err(ResponseError::GroupAuthorizationFailed)
    } else if group_id.is_empty() {
        Err(ResponseError::InvalidGroupId)
    } else {
        check_commit(
            groups.get(&group_id),
            req.generation_id_or_member_epoch,
            &member_id,
            instance.as_deref(),
            version,
        )
    };
    let timestamp = now_ms();
    let mut records = Vec::new();
    let mut answers: Vec<TopicAnswers> = Vec::new();
    for topic in req.topics {
        let topic_denied = !security.allows_topic(ctx, &topic.name, Operation::Read);
        let mut parts = Vec::with_capacity(topic.partitions.len());
        for p in topic.partitions {
            let error = group_error.err().or_else(|| {
                if topic_denied {
                    return Some(ResponseError::TopicAuthorizationFailed);
                }
                partition_commit_error(
                    broker,
                    &topic.name,
                    p.partition_index,
                    p.committed_metadata.as_ref(),
                )
            });
            if error.is_none() {
                records.push(Record::Commit {
                    group: group_id.clone(),
                    topic: topic.name.to_string(),
                    partition: p.partition_index,
                    committed: Committed::new(
                        p.committed_offset,
                        if version >= 6 {
                            p.committed_leader_epoch
                        } else {
                            -1
                        },
                        p.committed_metadata,
                        timestamp,
                    ),
                });
            }
            parts.push((p.partition_index, error));
        }
        answers.push((topic.name, parts));
    }
    let mut written = None;
    if !records.is_empty() {
        match coordinator.persist(&groups, &records) {
            Ok(seq) => {
                let group = groups
                    .entry(group_id.clone())
                    .or_insert_with(|| Group::new(group_id.clone(), Default::default()));
                if let Some(m) = group.members.get_mut(&member_id) {
                    m.last_heartbeat = Instant::now();
                }
                for r in records {
                    if let Record::Commit {
                        topic,
                        partition,
                        committed,
                        ..
                    } = r
                    {
                        group.offsets.insert((topic, partition), committed);
                    }
                }
                written = Some(Ok(seq));
            }
            Err(e) => {
                tracing::error!(group = %group_id, error = %e, "cannot write committed offsets");
                written = Some(Err(e.response_error()));
            }
        }
    }
    drop(groups);
    let broker = broker.clone();
    async move {
        let durable = match written {
            Some(Ok(seq)) => match broker.groups.store.wait_durable(seq).await {
                Ok(()) => None,
                Err(e) => {
                    tracing::error!(error = %e, "cannot fsync committed offsets");
                    Some(e.response_error())
                }
            },
            Some(Err(e)) => Some(e),
            None => None,
        };
        let topics = answers
            .into_iter()
            .map(|(name, parts)| {
                OffsetCommitResponseTopic::default()
                    .with_name(name)
                    .with_partitions(
                        parts
                            .into_iter()
                            .map(|(index, error)| {
                                OffsetCommitResponsePartition::default()
                                    .with_partition_index(index)
                                    .with_error_code(error.or(durable).map_or(0, |e| e.code()))
                            })
                            .collect(),
                    )
            })
            .collect();
        OffsetCommitResponse::default().with_topics(topics)
    }
}

/// UNSTABLE_OFFSET_COMMIT when a reader that requires stable offsets asks for a partition
/// with offsets pending in an open transaction (it retries once the transaction ends).
fn unstable(group: Option<&Group>, topic: &str, partition: i32, require_stable: bool) -> i16 {
    let key = (topic.to_string(), partition);
    if require_stable && group.is_some_and(|g| g.pending_txn.values().any(|o| o.contains_key(&key)))
    {
        ResponseError::UnstableOffsetCommit.code()
    } else {
        0
    }
}

/// One partition's committed offset, or -1 when there is none.
fn fetched(group: Option<&Group>, topic: &str, partition: i32) -> (i64, i32, String) {
    group
        .and_then(|g| g.offsets.get(&(topic.to_string(), partition)))
        .map_or((-1, -1, String::new()), |c| {
            (
                c.offset,
                c.leader_epoch,
                c.metadata.clone().unwrap_or_default(),
            )
        })
}

/// The partitions asked for, or every partition with a committed offset when `topics` is None.
fn wanted(
    group: Option<&Group>,
    topics: Option<Vec<(TopicName, Vec<i32>)>>,
) -> Vec<(TopicName, Vec<i32>)> {
    match topics {
        Some(t) => t,
        None => {
            let mut all: BTreeMap<String, Vec<i32>> = BTreeMap::new();
            for (topic, partition) in group.map(|g| g.offsets.keys()).into_iter().flatten() {
                all.entry(topic.clone()).or_default().push(*partition);
            }
            all.into_iter()
                .map(|(t, p)| (TopicName(StrBytes::from_string(t)), p))
                .collect()
        }
    }
}

/// Handles an OffsetFetch. It needs DESCRIBE on each group (GROUP_AUTHORIZATION_FAILED
/// otherwise); a topic the principal may not DESCRIBE answers TOPIC_AUTHORIZATION_FAILED when
/// named, and is left out when every topic was asked for, as Kafka does.
pub fn fetch(
    broker: &Broker,
    req: OffsetFetchRequest,
    version: i16,
    ctx: &RequestContext,
) -> OffsetFetchResponse {
    let security = &broker.security;
    let may_describe = |name: &TopicName| security.allows_topic(ctx, name, Operation::Describe);
    let groups = broker.groups.lock();
    if version < 8 {
        if !security.allows_group(ctx, &req.group_id, Operation::Describe) {
            return OffsetFetchResponse::default()
                .with_error_code(ResponseError::GroupAuthorizationFailed.code());
        }
        let group = groups.get(req.group_id.as_str());
        let named = req.topics.is_some();
        let topics = req.topics.map(|ts| {
            ts.into_iter()
                .map(|t| (t.name, t.partition_indexes))
                .collect()
        });
        let topics = wanted(group, topics)
            .into_iter()
            .filter(|(name, _)| named || may_describe(name))
            .map(|(name, partitions)| {
                let denied = !may_describe(&name);
                OffsetFetchResponseTopic::default()
                    .with_partitions(
                        partitions
                            .into_iter()
                            .map(|p| {
                                if denied {
                                    return OffsetFetchResponsePartition::default()
                                        .with_partition_index(p)
                                        .with_committed_offset(-1)
                                        .with_error_code(
                                            ResponseError::TopicAuthorizationFailed.code(),
                                        );
                                }
                                let (offset, epoch, metadata) = fetched(group, &name, p);
                                OffsetFetchResponsePartition::default()
                                    .with_error_code(unstable(
                                        group,
                                        &name,
                                        p,
                                        version >= 7 && req.require_stable,
                                    ))
                                    .with_partition_index(p)
                                    .with_committed_offset(offset)
                                    .with_committed_leader_epoch(if version >= 5 {
                                        epoch
                                    } else {
                                        -1
                                    })
                                    .with_metadata(Some(StrBytes::from_string(metadata)))
                            })
                            .collect(),
                    )
                    .with_name(name)
            })
            .collect();
        return OffsetFetchResponse::default().with_topics(topics);
    }
    let results = req
        .groups
        .into_iter()
        .map(|g| {
            if !security.allows_group(ctx, &g.group_id, Operation::Describe) {
                return OffsetFetchResponseGroup::default()
                    .with_group_id(g.group_id)
                    .with_error_code(ResponseError::GroupAuthorizationFailed.code());
            }
            let group = groups.get(g.group_id.as_str());
            // v9 members of consumer-protocol groups say who they are: a stale epoch must not
            // read offsets (KIP-848).
            let member_error = match (group.and_then(|g| g.consumer.as_ref()), &g.member_id) {
                (Some(consumer), Some(member_id)) if g.member_epoch >= 0 => {
                    check_member_epoch(consumer, member_id, g.member_epoch, version).err()
                }
                _ => None,
            };
            if let Some(error) = member_error {
                return OffsetFetchResponseGroup::default()
                    .with_group_id(g.group_id)
                    .with_error_code(error.code());
            }
            let named = g.topics.is_some();
            let topics = g.topics.map(|ts| {
                ts.into_iter()
                    .map(|t| (t.name, t.partition_indexes))
                    .collect()
            });
            let topics = wanted(group, topics)
                .into_iter()
                .filter(|(name, _)| named || may_describe(name))
                .map(|(name, partitions)| {
                    let denied = !may_describe(&name);
                    OffsetFetchResponseTopics::default()
                        .with_partitions(
                            partitions
                                .into_iter()
                                .map(|p| {
                                    if denied {
                                        return OffsetFetchResponsePartitions::default()
                                            .with_partition_index(p)
                                            .with_committed_offset(-1)
                                            .with_error_code(
                                                ResponseError::TopicAuthorizationFailed.code(),
                                            );
                                    }
                                    let (offset, epoch, metadata) = fetched(group, &name, p);
                                    OffsetFetchResponsePartitions::default()
                                        .with_error_code(unstable(
                                            group,
                                            &name,
                                            p,
                                            req.require_stable,
                                        ))
                                        .with_partition_index(p)
                                        .with_committed_offset(offset)
                                        .with_committed_leader_epoch(epoch)
                                        .with_metadata(Some(StrBytes::from_string(metadata)))
                                })
                                .collect(),
                        )
                        .with_name(name)
                })
                .collect();
            OffsetFetchResponseGroup::default()
                .with_group_id(g.group_id)
                .with_topics(topics)
        })
        .collect();
    OffsetFetchResponse::default().with_groups(results)
}

/// Handles an OffsetDelete; the returned future completes once the deletion is durable. It
/// needs DELETE on the group and READ on each topic.
pub fn delete(
    broker: &Arc<Broker>,
    req: OffsetDeleteRequest,
    ctx: &RequestContext,
) -> impl Future<Output = OffsetDeleteResponse> + Send + 'static {
    if !broker
        .security
        .allows_group(ctx, &req.group_id, Operation::Delete)
    {
        return futures_util::future::Either::Left(std::future::ready(
            OffsetDeleteResponse::default()
                .with_error_code(ResponseError::GroupAuthorizationFailed.code()),
        ));
    }
    let coordinator = &broker.groups;
    let mut groups = coordinator.lock();
    let group_id: GroupId = req.group_id;
    let Some(group) = groups.get(group_id.as_str()) else {
        return futures_util::future::Either::Left(std::future::ready(
            OffsetDeleteResponse::default().with_error_code(ResponseError::GroupIdNotFound.code()),
        ));
    };
    let subscribed = group.subscribed_topics();
    let mut records = Vec::new();
    let mut answers = Vec::new();
    for topic in req.topics {
        let mut parts = Vec::new();
        let topic_denied = !broker
            .security
            .allows_topic(ctx, &topic.name, Operation::Read);
        for p in topic.partitions {
            let error = if topic_denied {
                Some(ResponseError::TopicAuthorizationFailed)
            } else if !partition_exists(broker, &topic.name, p.partition_index) {
                Some(ResponseError::UnknownTopicOrPartition)
            } else if subscribed.iter().any(|s| s.as_str() == topic.name.as_str()) {
                Some(ResponseError::GroupSubscribedToTopic)
            } else {
                records.push(Record::Delete {
                    group: group_id.to_string(),
                    topic: topic.name.to_string(),
                    partition: p.partition_index,
                });
                None
            };
            parts.push((p.partition_index, error));
        }
        answers.push((topic.name, parts));
    }
    let mut top_error = None;
    let mut seq = None;
    if !records.is_empty() {
        match coordinator.persist(&groups, &records) {
            Ok(s) => {
                seq = Some(s);
                if let Some(group) = groups.get_mut(group_id.as_str()) {
                    for r in records {
                        if let Record::Delete {
                            topic, partition, ..
                        } = r
                        {
                            group.offsets.remove(&(topic, partition));
                        }
                    }
                }
            }
            Err(e) => top_error = Some(e.response_error()),
        }
    }
    drop(groups);
    let broker = broker.clone();
    futures_util::future::Either::Right(async move {
        if let Some(seq) = seq {
            if let Err(e) = broker.groups.store.wait_durable(seq).await {
                top_error = Some(e.response_error());
            }
        }
        OffsetDeleteResponse::default()
            .with_error_code(top_error.map_or(0, |e| e.code()))
            .with_topics(
                answers
                    .into_iter()
                    .map(|(name, parts)| {
                        OffsetDeleteResponseTopic::default()
                            .with_name(name)
                            .with_partitions(
                                parts
                                    .into_iter()
                                    .map(|(index, error)| {
                                        OffsetDeleteResponsePartition::default()
                                            .with_partition_index(index)
                                            .with_error_code(error.map_or(0, |e| e.code()))
                                    })
                                    .collect(),
                            )
                    })
                    .collect(),
            )
    })
}
