//! Consumer-group administration through the client: list groups on every broker, and for one
//! group find its coordinator, describe its members (decoding their consumer-protocol
//! assignments), fetch its committed offsets, and delete it. A coordinator that moved, is
//! still loading its offsets partition or went away is found again, as Kafka's clients do.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{
    ConsumerProtocolAssignment, DeleteGroupsRequest, DescribeGroupsRequest, FindCoordinatorRequest,
    GroupId, ListGroupsRequest, OffsetFetchRequest,
};
use kafka_protocol::protocol::{Decodable, StrBytes};

use super::admin::check;
use super::{Client, Node};
use crate::{Error, Result};

/// A group as ListGroups reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupListing {
    pub group_id: String,
    pub protocol_type: String,
    pub state: String,
}

/// One member of a described group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    /// Assigned partitions by topic, when the group uses the consumer protocol.
    pub assignment: BTreeMap<String, Vec<i32>>,
}

/// A described group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDescription {
    pub group_id: String,
    pub state: String,
    pub protocol_type: String,
    pub protocol: String,
    pub members: Vec<GroupMember>,
}

/// Whether `e` says the group's coordinator is elsewhere, not ready yet or unreachable: Kafka's
/// clients then find the coordinator again and retry, and so do we.
pub(crate) fn coordinator_moved(e: &Error) -> bool {
    match e {
        Error::Connection(_) => true,
        Error::Kafka { error, .. } => matches!(
            error,
            ResponseError::NotCoordinator
                | ResponseError::CoordinatorNotAvailable
                | ResponseError::CoordinatorLoadInProgress
        ),
        _ => false,
    }
}

fn group_id(id: &str) -> GroupId {
    GroupId(StrBytes::from_string(id.to_string()))
}

/// Decodes a consumer-protocol assignment; other protocols (or garbage) give an empty map.
pub(crate) fn decode_assignment(raw: &Bytes) -> BTreeMap<String, Vec<i32>> {
    let mut buf = raw.clone();
    let Some(version) = buf.first_chunk::<2>().copied().map(i16::from_be_bytes) else {
        return BTreeMap::new();
    };
    let _ = bytes::Buf::get_i16(&mut buf);
    match ConsumerProtocolAssignment::decode(&mut buf, version.clamp(0, 3)) {
        Ok(a) => a
            .assigned_partitions
            .into_iter()
            .map(|tp| (tp.topic.to_string(), tp.partitions))
            .collect(),
        Err(_) => BTreeMap::new(),
    }
}

impl Client {
    /// A connection to every broker of the cluster (the in-process core alone, locally), for
    /// the APIs each broker answers only for itself.
    pub(crate) async fn all_nodes(&self) -> Result<Vec<Arc<Node>>> {
        if self.local.is_some() {
            return Ok(vec![self.bootstrap.clone()]);
        }
        let metadata = self.metadata(Some(&[])).await?;
        let mut nodes = Vec::new();
        for b in &metadata.brokers {
            nodes.push(self.node(b.node_id.0).await?);
        }
        Ok(nodes)
    }

    /// The coordinator of `group`.
    pub(crate) async fn coordinator(&self, group: &str) -> Result<Arc<Node>> {
        self.find_coordinator(group, 0, "group").await
    }

    /// The coordinator of `key`: a group (key type 0) or a transactional id (1).
    pub(crate) async fn find_coordinator(
        &self,
        key: &str,
        key_type: i8,
        what: &str,
    ) -> Result<Arc<Node>> {
        if self.local.is_some() {
            return Ok(self.bootstrap.clone());
        }
        let req = FindCoordinatorRequest::default()
            .with_key(StrBytes::from_string(key.to_string()))
            .with_key_type(key_type);
        // A cluster creates its offsets or transaction log on first use and elects its
        // leaders: until then it answers COORDINATOR_NOT_AVAILABLE, and Kafka's clients retry.
        let mut retry = super::retry::Retry::new();
        let resp = loop {
            // v4+ batches keys; one key at v3 is all we need.
            let resp = self.send(&req, Some(3)).await?;
            let retriable = matches!(
                ResponseError::try_from_code(resp.error_code),
                Some(
                    ResponseError::CoordinatorNotAvailable
                        | ResponseError::CoordinatorLoadInProgress
                        | ResponseError::NotCoordinator
                )
            );
            if !retriable || retry.expired() {
                break resp;
            }
            retry.pause().await;
        };
        check(
            resp.error_code,
            resp.error_message.as_ref(),
            &format!("finding the coordinator of {what} '{key}'"),
        )?;
        self.brokers.lock().await.insert(
            resp.node_id.0,
            format!("{}:{}", resp.host.as_str(), resp.port),
        );
        self.node(resp.node_id.0).await
    }

    /// Runs `op` on the coordinator of `group`, finding the coordinator again (with backoff,
    /// for up to [`super::LEADER_WAIT`]) while the outcome says it moved, is loading or went away.
    pub(crate) async fn on_coordinator<T, F, Fut>(&self, group: &str, op: F) -> Result<T>
    where
        F: FnMut(Arc<Node>) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        self.on_coordinator_of(group, 0, "group", op).await
    }

    /// [`Client::on_coordinator`] for any coordinator key: a group (key type 0) or a
    /// transactional id (1).
    pub(crate) async fn on_coordinator_of<T, F, Fut>(
        &self,
        key: &str,
        key_type: i8,
        what: &str,
        mut op: F,
    ) -> Result<T>
    where
        F: FnMut(Arc<Node>) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let mut retry = super::retry::Retry::new();
        loop {
            let node = self.find_coordinator(key, key_type, what).await?;
            match op(node).await {
                Err(e) if coordinator_moved(&e) && !retry.expired() => {
                    retry.pause().await;
                }
                outcome => return outcome,
            }
        }
    }

    /// Every group on every broker of the cluster, sorted by id.
    pub async fn list_groups(&self) -> Result<Vec<GroupListing>> {
        let mut groups = Vec::new();
        for node in self.all_nodes().await? {
            let resp = self
                .send_to(
                    &node,
                    &ListGroupsRequest::default(),
                    None,
                    Duration::ZERO,
                    true,
                )
                .await?
                .ok_or_else(|| Error::Client("ListGroups got no response".into()))?;
            check(resp.error_code, None, "listing groups")?;
            groups.extend(resp.groups.into_iter().map(|g| GroupListing {
                group_id: g.group_id.to_string(),
                protocol_type: g.protocol_type.to_string(),
                state: g.group_state.to_string(),
            }));
        }
        groups.sort_by(|a, b| a.group_id.cmp(&b.group_id));
        Ok(groups)
    }

    /// The state and members of `group`.
    pub async fn describe_group(&self, group: &str) -> Result<GroupDescription> {
        let req = DescribeGroupsRequest::default().with_groups(vec![group_id(group)]);
        let req = &req;
        let g = self
            .on_coordinator(group, |node| async move {
                let resp = self
                    .send_to(&node, req, None, Duration::ZERO, true)
                    .await?
                    .ok_or_else(|| Error::Client("DescribeGroups got no response".into()))?;
                let g = resp
                    .groups
                    .into_iter()
                    .next()
                    .ok_or_else(|| Error::Client("DescribeGroups answered no group".into()))?;
                check(
                    g.error_code,
                    g.error_message.as_ref(),
                    &format!("describing group '{group}'"),
                )?;
                Ok(g)
            })
            .await?;
        Ok(GroupDescription {
            group_id: g.group_id.to_string(),
            state: g.group_state.to_string(),
            protocol_type: g.protocol_type.to_string(),
            protocol: g.protocol_data.to_string(),
            members: g
                .members
                .into_iter()
                .map(|m| GroupMember {
                    member_id: m.member_id.to_string(),
                    group_instance_id: m.group_instance_id.map(|i| i.to_string()),
                    client_id: m.client_id.to_string(),
                    client_host: m.client_host.to_string(),
                    assignment: decode_assignment(&m.member_assignment),
                })
                .collect(),
        })
    }

    /// Committed offsets of `group`: (topic, partition) → offset.
    pub async fn committed_offsets(&self, group: &str) -> Result<BTreeMap<(String, i32), i64>> {
        Ok(self
            .committed_offsets_with_metadata(group)
            .await?
            .into_iter()
            .map(|(tp, (offset, _))| (tp, offset))
            .collect())
    }

    /// Committed offsets of `group` with the metadata string committed alongside each:
    /// (topic, partition) → (offset, metadata).
    pub async fn committed_offsets_with_metadata(
        &self,
        group: &str,
    ) -> Result<BTreeMap<(String, i32), (i64, Option<String>)>> {
        let req = OffsetFetchRequest::default()
            .with_group_id(group_id(group))
            .with_topics(None);
        let req = &req;
        let resp = self
            .on_coordinator(group, |node| async move {
                // v8+ is the multi-group form; the single-group form up to v7 is enough here.
                let resp = self
                    .send_to(&node, req, Some(7), Duration::ZERO, true)
                    .await?
                    .ok_or_else(|| Error::Client("OffsetFetch got no response".into()))?;
                check(
                    resp.error_code,
                    None,
                    &format!("fetching the offsets of group '{group}'"),
                )?;
                Ok(resp)
            })
            .await?;
        let mut offsets = BTreeMap::new();
        for t in resp.topics {
            for p in t.partitions {
                if p.error_code == 0 && p.committed_offset >= 0 {
                    offsets.insert(
                        (t.name.to_string(), p.partition_index),
                        (p.committed_offset, p.metadata.map(|m| m.to_string())),
                    );
                }
            }
        }
        Ok(offsets)
    }

    /// Deletes a group with no members, and its committed offsets.
    pub async fn delete_group(&self, group: &str) -> Result<()> {
        let req = &DeleteGroupsRequest::default().with_groups_names(vec![group_id(group)]);
        self.on_coordinator(group, |node| async move {
            let resp = self
                .send_to(&node, req, None, Duration::ZERO, true)
                .await?
                .ok_or_else(|| Error::Client("DeleteGroups got no response".into()))?;
            let r = resp
                .results
                .first()
                .ok_or_else(|| Error::Client("DeleteGroups answered no group".into()))?;
            check(r.error_code, None, &format!("deleting group '{group}'"))
        })
        .await
    }
}

impl Client {
    /// Commits offsets for `group` as an administrator (generation -1, no member), which a
    /// coordinator accepts only while the group has no members.
    pub async fn commit_offsets(
        &self,
        group: &str,
        offsets: &BTreeMap<(String, i32), i64>,
    ) -> Result<()> {
        self.commit_for(group, -1, "", offsets).await
    }

    /// Commits offsets with a metadata string each ((topic, partition) → (offset, metadata))
    /// as an administrator, like [`Client::commit_offsets`].
    pub async fn commit_offsets_with_metadata(
        &self,
        group: &str,
        offsets: &BTreeMap<(String, i32), (i64, String)>,
    ) -> Result<()> {
        let entries = offsets
            .iter()
            .map(|((t, p), (o, m))| (t.as_str(), *p, *o, Some(m.as_str())));
        self.commit_entries(group, -1, "", entries).await
    }

    /// Commits `offsets` ((topic, partition) → next offset to read) for `group`, as the member
    /// `member_id` of `generation` (or as an administrator with -1 and "").
    pub(crate) async fn commit_for(
        &self,
        group: &str,
        generation: i32,
        member_id: &str,
        offsets: &BTreeMap<(String, i32), i64>,
    ) -> Result<()> {
        let entries = offsets.iter().map(|((t, p), o)| (t.as_str(), *p, *o, None));
        self.commit_entries(group, generation, member_id, entries)
            .await
    }

    /// Commits (topic, partition, offset, metadata) entries in one OffsetCommit request.
    async fn commit_entries<'a>(
        &self,
        group: &str,
        generation: i32,
        member_id: &str,
        entries: impl Iterator<Item = (&'a str, i32, i64, Option<&'a str>)>,
    ) -> Result<()> {
        use kafka_protocol::messages::offset_commit_request::{
            OffsetCommitRequestPartition, OffsetCommitRequestTopic,
        };
        use kafka_protocol::messages::{OffsetCommitRequest, TopicName};
        let mut topics: BTreeMap<&str, Vec<OffsetCommitRequestPartition>> = BTreeMap::new();
        for (topic, partition, offset, metadata) in entries {
            topics.entry(topic).or_default().push(
                OffsetCommitRequestPartition::default()
                    .with_partition_index(partition)
                    .with_committed_offset(offset)
                    .with_committed_leader_epoch(-1)
                    .with_committed_metadata(metadata.map(|m| StrBytes::from_string(m.into()))),
            );
        }
        if topics.is_empty() {
            return Ok(());
        }
        let req = OffsetCommitRequest::default()
            .with_group_id(group_id(group))
            .with_generation_id_or_member_epoch(generation)
            .with_member_id(StrBytes::from_string(member_id.to_string()))
            .with_topics(
                topics
                    .into_iter()
                    .map(|(name, partitions)| {
                        OffsetCommitRequestTopic::default()
                            .with_name(TopicName(StrBytes::from_string(name.to_string())))
                            .with_partitions(partitions)
                    })
                    .collect(),
            );
        let req = &req;
        self.on_coordinator(group, |node| async move {
            // v10 addresses topics by id; names are enough for us.
            let resp = self
                .send_to(&node, req, Some(9), Duration::ZERO, true)
                .await?
                .ok_or_else(|| Error::Client("OffsetCommit got no response".into()))?;
            for t in resp.topics {
                for p in t.partitions {
                    check(
                        p.error_code,
                        None,
                        &format!(
                            "committing {}/{} for group '{group}'",
                            t.name.as_str(),
                            p.partition_index
                        ),
                    )?;
                }
            }
            Ok(())
        })
        .await
    }
}
