//! Membership of a consumer group, client side, with the classic protocol: join (answering
//! MEMBER_ID_REQUIRED), assign partitions with the range assignor when chosen leader, sync,
//! heartbeat, commit with the member's generation, and leave. The caller drives heartbeats
//! from its fetch loop and rejoins when a heartbeat reports a rebalance.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use crate::protocol::embedded::versioned;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition;
use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
use kafka_protocol::messages::leave_group_request::MemberIdentity;
use kafka_protocol::messages::sync_group_request::SyncGroupRequestAssignment;
use kafka_protocol::messages::{
    ConsumerProtocolAssignment, ConsumerProtocolSubscription, GroupId, HeartbeatRequest,
    JoinGroupRequest, LeaveGroupRequest, SyncGroupRequest, TopicName,
};
use kafka_protocol::protocol::{Decodable, StrBytes};

use super::admin::check;
use super::groups::{coordinator_moved, decode_assignment};
use super::{Client, Node};
use crate::{Error, Result};

/// How long the coordinator waits for a heartbeat before dropping the member.
pub const SESSION_TIMEOUT_MS: i32 = 10_000;
/// How long a rebalance may take.
pub const REBALANCE_TIMEOUT_MS: i32 = 30_000;
/// How often the member should heartbeat.
pub const HEARTBEAT_INTERVAL: Duration = Duration::from_secs(1);

const PROTOCOL_TYPE: &str = "consumer";
const ASSIGNOR: &str = "range";

/// This process's membership of a group.
pub struct GroupMember {
    group: String,
    topics: Vec<String>,
    coordinator: Arc<Node>,
    member_id: String,
    generation: i32,
    /// Partitions assigned in the current generation, by topic.
    pub assignment: BTreeMap<String, Vec<i32>>,
}

/// What a heartbeat said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heartbeat {
    Ok,
    /// The group is rebalancing (or forgot us): rejoin.
    Rejoin,
}

fn sid(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

/// Kafka's RangeAssignor: per topic, members sorted by id take contiguous ranges, the first
/// `partitions % members` one partition more.
pub fn range_assign(
    subscriptions: &BTreeMap<String, Vec<String>>,
    partition_counts: &BTreeMap<String, i32>,
) -> BTreeMap<String, BTreeMap<String, Vec<i32>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Vec<i32>>> = subscriptions
        .keys()
        .map(|m| (m.clone(), BTreeMap::new()))
        .collect();
    for (topic, &count) in partition_counts {
        let members: Vec<&String> = subscriptions
            .iter()
            .filter(|(_, topics)| topics.contains(topic))
            .map(|(m, _)| m)
            .collect();
        if members.is_empty() || count <= 0 {
            continue;
        }
        let n = members.len() as i32;
        let (per, extra) = (count / n, count % n);
        for (i, member) in members.into_iter().enumerate() {
            let i = i as i32;
            let start = i * per + i.min(extra);
            let len = per + i32::from(i < extra);
            if len > 0 {
                out.entry(member.clone())
                    .or_default()
                    .insert(topic.clone(), (start..start + len).collect());
            }
        }
    }
    out
}

impl Client {
    /// Joins `group` as a consumer of `topics` and waits for this member's assignment.
    pub async fn join_group(&self, group: &str, topics: &[String]) -> Result<GroupMember> {
        let coordinator = self.coordinator(group).await?;
        let mut member = GroupMember {
            group: group.to_string(),
            topics: topics.to_vec(),
            coordinator,
            member_id: String::new(),
            generation: -1,
            assignment: BTreeMap::new(),
        };
        member.rejoin(self).await?;
        Ok(member)
    }
}

impl GroupMember {
    /// The member's generation, for display.
    pub fn generation(&self) -> i32 {
        self.generation
    }

    /// (Re)joins the group and syncs, replacing the assignment. A coordinator that moved, is
    /// loading or went away is found again (for up to [`super::LEADER_WAIT`]); a group that keeps
    /// rebalancing under us fails after five rounds.
    pub async fn rejoin(&mut self, client: &Client) -> Result<()> {
        let mut retry = super::retry::Retry::new();
        let mut rounds = 0;
        loop {
            match self.join_and_sync(client).await {
                Ok(true) => return Ok(()),
                Ok(false) => {
                    rounds += 1;
                    if rounds >= 5 {
                        return Err(Error::Client(format!(
                            "group '{}' kept rebalancing; could not join",
                            self.group
                        )));
                    }
                }
                Err(e) if coordinator_moved(&e) && !retry.expired() => {
                    retry.pause().await;
                    self.coordinator = client.coordinator(&self.group).await?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// One JoinGroup and SyncGroup round: true once this member has its assignment, false
    /// when the coordinator asks for another round (a member id to use, a rebalance).
    async fn join_and_sync(&mut self, client: &Client) -> Result<bool> {
        let subscription = ConsumerProtocolSubscription::default()
            .with_topics(self.topics.iter().map(|t| sid(t)).collect());
        let version = client.version_for::<JoinGroupRequest>(&self.coordinator, None)?;
        let mut req = JoinGroupRequest::default()
            .with_group_id(GroupId(sid(&self.group)))
            .with_session_timeout_ms(SESSION_TIMEOUT_MS)
            .with_member_id(sid(&self.member_id))
            .with_protocol_type(sid(PROTOCOL_TYPE))
            .with_protocols(vec![JoinGroupRequestProtocol::default()
                .with_name(sid(ASSIGNOR))
                .with_metadata(versioned(0, &subscription)?)]);
        if version >= 1 {
            req.rebalance_timeout_ms = REBALANCE_TIMEOUT_MS;
        }
        let extra = Duration::from_millis(REBALANCE_TIMEOUT_MS as u64);
        let joined = client
            .send_to(&self.coordinator, &req, None, extra, true)
            .await?
            .ok_or_else(|| Error::Client("JoinGroup got no response".into()))?;
        match ResponseError::try_from_code(joined.error_code) {
            Some(ResponseError::MemberIdRequired) => {
                self.member_id = joined.member_id.to_string();
                return Ok(false);
            }
            Some(ResponseError::UnknownMemberId) => {
                self.member_id.clear();
                return Ok(false);
            }
            Some(ResponseError::RebalanceInProgress) => return Ok(false),
            _ => check(
                joined.error_code,
                None,
                &format!("joining group '{}'", self.group),
            )?,
        }
        self.member_id = joined.member_id.to_string();
        self.generation = joined.generation_id;
        let assignments = if joined.leader.as_str() == self.member_id {
            self.assign(client, &joined.members).await?
        } else {
            Vec::new()
        };
        let sync_version = client.version_for::<SyncGroupRequest>(&self.coordinator, None)?;
        let mut sync = SyncGroupRequest::default()
            .with_group_id(GroupId(sid(&self.group)))
            .with_generation_id(self.generation)
            .with_member_id(sid(&self.member_id))
            .with_assignments(assignments);
        if sync_version >= 5 {
            sync.protocol_type = Some(sid(PROTOCOL_TYPE));
            sync.protocol_name = Some(sid(ASSIGNOR));
        }
        let synced = client
            .send_to(&self.coordinator, &sync, None, extra, true)
            .await?
            .ok_or_else(|| Error::Client("SyncGroup got no response".into()))?;
        if synced.error_code == ResponseError::RebalanceInProgress.code() {
            return Ok(false);
        }
        check(
            synced.error_code,
            None,
            &format!("syncing group '{}'", self.group),
        )?;
        self.assignment = decode_assignment(&synced.assignment);
        Ok(true)
    }

    /// The leader's job: assign every subscribed topic's partitions with the range assignor.
    async fn assign(
        &self,
        client: &Client,
        members: &[kafka_protocol::messages::join_group_response::JoinGroupResponseMember],
    ) -> Result<Vec<SyncGroupRequestAssignment>> {
        let mut subscriptions = BTreeMap::new();
        for m in members {
            let mut raw = m.metadata.clone();
            let topics = if raw.len() >= 2 {
                let version = bytes::Buf::get_i16(&mut raw);
                ConsumerProtocolSubscription::decode(&mut raw, version.clamp(0, 3))
                    .map(|s| s.topics.iter().map(|t| t.to_string()).collect())
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            subscriptions.insert(m.member_id.to_string(), topics);
        }
        let mut counts = BTreeMap::new();
        for topics in subscriptions.values() {
            for t in topics {
                if !counts.contains_key(t) {
                    let n = client
                        .partitions(t, false)
                        .await
                        .map_or(0, |p| p.len() as i32);
                    counts.insert(t.clone(), n);
                }
            }
        }
        range_assign(&subscriptions, &counts)
            .into_iter()
            .map(|(member, topics)| {
                let assignment = ConsumerProtocolAssignment::default().with_assigned_partitions(
                    topics
                        .into_iter()
                        .map(|(t, partitions)| {
                            TopicPartition::default()
                                .with_topic(TopicName(sid(&t)))
                                .with_partitions(partitions)
                        })
                        .collect(),
                );
                Ok(SyncGroupRequestAssignment::default()
                    .with_member_id(sid(&member))
                    .with_assignment(versioned(0, &assignment)?))
            })
            .collect()
    }

    /// Tells the coordinator this member is alive.
    pub async fn heartbeat(&self, client: &Client) -> Result<Heartbeat> {
        let req = HeartbeatRequest::default()
            .with_group_id(GroupId(sid(&self.group)))
            .with_generation_id(self.generation)
            .with_member_id(sid(&self.member_id));
        let resp = match client
            .send_to(&self.coordinator, &req, None, Duration::ZERO, true)
            .await
        {
            Ok(resp) => resp.ok_or_else(|| Error::Client("Heartbeat got no response".into()))?,
            // The coordinator's broker went away: rejoining finds the new coordinator.
            Err(e) if coordinator_moved(&e) => return Ok(Heartbeat::Rejoin),
            Err(e) => return Err(e),
        };
        match ResponseError::try_from_code(resp.error_code) {
            None => Ok(Heartbeat::Ok),
            Some(
                ResponseError::RebalanceInProgress
                | ResponseError::IllegalGeneration
                | ResponseError::UnknownMemberId
                | ResponseError::NotCoordinator
                | ResponseError::CoordinatorNotAvailable
                | ResponseError::CoordinatorLoadInProgress,
            ) => Ok(Heartbeat::Rejoin),
            Some(error) => Err(Error::Kafka {
                error,
                context: format!("heartbeat to group '{}'", self.group),
                message: None,
            }),
        }
    }

    /// Commits `offsets` ((topic, partition) → next offset to read) in this generation.
    pub async fn commit(
        &self,
        client: &Client,
        offsets: &BTreeMap<(String, i32), i64>,
    ) -> Result<()> {
        client
            .commit_for(&self.group, self.generation, &self.member_id, offsets)
            .await
    }

    /// Leaves the group so its partitions are reassigned at once.
    pub async fn leave(&self, client: &Client) -> Result<()> {
        let version = client.version_for::<LeaveGroupRequest>(&self.coordinator, None)?;
        let mut req = LeaveGroupRequest::default().with_group_id(GroupId(sid(&self.group)));
        if version >= 3 {
            req.members = vec![MemberIdentity::default().with_member_id(sid(&self.member_id))];
        } else {
            req.member_id = sid(&self.member_id);
        }
        client
            .send_to(&self.coordinator, &req, None, Duration::ZERO, true)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_assignment_matches_kafka() {
        let subs: BTreeMap<String, Vec<String>> = [
            ("a".to_string(), vec!["t".to_string(), "u".to_string()]),
            ("b".to_string(), vec!["t".to_string()]),
        ]
        .into();
        let counts: BTreeMap<String, i32> = [("t".to_string(), 5), ("u".to_string(), 2)].into();
        let got = range_assign(&subs, &counts);
        assert_eq!(got["a"]["t"], vec![0, 1, 2]);
        assert_eq!(got["b"]["t"], vec![3, 4]);
        assert_eq!(got["a"]["u"], vec![0, 1]);
        assert!(!got["b"].contains_key("u"));
    }
}
