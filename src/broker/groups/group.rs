//! One consumer group of the classic protocol: its members, generation, chosen protocol and
//! committed offsets, and the state machine
//! `Empty → PreparingRebalance → CompletingRebalance → Stable` (`Dead` once deleted).
//!
//! Invariants: `leader`, when set, names a member; in `CompletingRebalance` and `Stable`
//! `protocol_name` is one every member supports. Responses that wait (JoinGroup until the
//! rebalance completes, SyncGroup until the leader's assignment arrives) hold a oneshot sender
//! in the member; completing the step answers them all, and dropping a sender (the member was
//! removed) tells the waiter its membership is gone.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use tokio::sync::oneshot;

use super::consumer::ConsumerGroup;
use super::store::{GroupMetadata, GroupOffsets, PendingTxnOffsets};

/// How long the first rebalance of an empty group waits for more members (Kafka's
/// `group.initial.rebalance.delay.ms`, shorter: clients here usually start together).
pub const INITIAL_REBALANCE_DELAY: Duration = Duration::from_millis(500);

/// The classic group states, named as Kafka names them in DescribeGroups and ListGroups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupState {
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}

impl GroupState {
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
        }
    }
}

/// What a waiting JoinGroup is answered with.
#[derive(Debug, Clone)]
pub struct JoinResult {
    pub error: Option<ResponseError>,
    pub generation_id: i32,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub leader: String,
    pub member_id: String,
    /// Every member with its metadata for the chosen protocol: for the leader only.
    pub members: Vec<(String, Option<String>, Bytes)>,
}

/// What a waiting SyncGroup is answered with.
#[derive(Debug, Clone)]
pub struct SyncResult {
    pub error: Option<ResponseError>,
    pub assignment: Bytes,
}

/// One member of a group.
#[derive(Debug)]
pub struct Member {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub session_timeout: Duration,
    pub rebalance_timeout: Duration,
    /// Protocols in the member's order of preference, each with its metadata.
    pub protocols: Vec<(String, Bytes)>,
    pub assignment: Bytes,
    pub last_heartbeat: Instant,
    pub join_waiter: Option<oneshot::Sender<JoinResult>>,
    pub sync_waiter: Option<oneshot::Sender<SyncResult>>,
}

impl Member {
    /// The metadata this member sent for `protocol`.
    pub fn metadata(&self, protocol: Option<&str>) -> Bytes {
        protocol
            .and_then(|p| self.protocols.iter().find(|(n, _)| n == p))
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    fn supports(&self, protocol: &str) -> bool {
        self.protocols.iter().any(|(n, _)| n == protocol)
    }
}

/// A consumer group.
#[derive(Debug)]
pub struct Group {
    pub id: String,
    pub state: GroupState,
    pub generation_id: i32,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub leader: Option<String>,
    pub members: BTreeMap<String, Member>,
    /// group.instance.id → member id of static members (KIP-345).
    pub static_members: HashMap<String, String>,
    /// Member ids handed out with MEMBER_ID_REQUIRED (KIP-394) and when that expires.
    pub pending_members: HashMap<String, Instant>,
    /// When a rebalance in progress completes even without every member.
    pub rebalance_deadline: Option<Instant>,
    /// A rebalance of an empty group waits until then for more members, so consumers
    /// started together land in one generation instead of a rebalance each.
    pub join_not_before: Option<Instant>,
    pub offsets: GroupOffsets,
    /// Offsets committed inside open transactions (TxnOffsetCommit), by producer id.
    pub pending_txn: PendingTxnOffsets,
    /// The membership last written to the offsets log (what compaction keeps).
    pub recorded: Option<GroupMetadata>,
    /// Set for a group of the consumer protocol (KIP-848); the classic fields above are then
    /// unused, apart from the offsets.
    pub consumer: Option<ConsumerGroup>,
}

impl Group {
    pub fn new(id: String, offsets: GroupOffsets) -> Group {
        Group {
            id,
            state: GroupState::Empty,
            generation_id: 0,
            protocol_type: None,
            protocol_name: None,
            leader: None,
            members: BTreeMap::new(),
            static_members: HashMap::new(),
            pending_members: HashMap::new(),
            rebalance_deadline: None,
            join_not_before: None,
            offsets,
            pending_txn: PendingTxnOffsets::new(),
            recorded: None,
            consumer: None,
        }
    }

    /// Whether a new member offering `protocol_type` and `protocols` could join: same type,
    /// and at least one protocol every member (and it) supports.
    pub fn accepts(&self, protocol_type: &str, protocols: &[(String, Bytes)]) -> bool {
        if self.members.is_empty() {
            return !protocol_type.is_empty() && !protocols.is_empty();
        }
        if self.protocol_type.as_deref() != Some(protocol_type) {
            return false;
        }
        protocols
            .iter()
            .any(|(name, _)| self.members.values().all(|m| m.supports(name)))
    }

    /// Starts a rebalance: every member must rejoin (JoinGroup) before `rebalance_timeout`.
    /// SyncGroups waiting for an assignment learn the rebalance started.
    pub fn prepare_rebalance(&mut self, now: Instant) {
        for m in self.members.values_mut() {
            if let Some(w) = m.sync_waiter.take() {
                let _ = w.send(SyncResult {
                    error: Some(ResponseError::RebalanceInProgress),
                    assignment: Bytes::new(),
                });
            }
        }
        if self.state != GroupState::PreparingRebalance {
            let timeout = self
                .members
                .values()
                .map(|m| m.rebalance_timeout)
                .max()
                .unwrap_or_default();
            self.rebalance_deadline = Some(now + timeout);
            self.join_not_before = (self.state == GroupState::Empty)
                .then(|| now + INITIAL_REBALANCE_DELAY.min(timeout));
            self.state = GroupState::PreparingRebalance;
        }
    }

    /// Completes the join phase if every member has rejoined, or — past the deadline or when
    /// `force` is set — with the members that did (the others are removed).
    pub fn maybe_complete_join(&mut self, now: Instant) {
        if self.state != GroupState::PreparingRebalance {
            return;
        }
        let all_joined = self.members.values().all(|m| m.join_waiter.is_some());
        let expired = self.rebalance_deadline.is_some_and(|d| now >= d);
        let delayed = self.join_not_before.is_some_and(|d| now < d);
        if !expired && (!all_joined || delayed) {
            return;
        }
        self.join_not_before = None;
        let missing: Vec<String> = self
            .members
            .values()
            .filter(|m| m.join_waiter.is_none())
            .map(|m| m.member_id.clone())
            .collect();
        for id in missing {
            tracing::info!(group = %self.id, member = %id, "removing a member that did not rejoin in time");
            self.remove_member(&id);
        }
        self.rebalance_deadline = None;
        self.generation_id = self.generation_id.wrapping_add(1);
        if self.members.is_empty() {
            // The protocol type stays: it still says what kind of group this is.
            self.state = GroupState::Empty;
            self.protocol_name = None;
            self.leader = None;
            return;
        }
        self.protocol_name = self.select_protocol();
        if !self
            .leader
            .as_ref()
            .is_some_and(|l| self.members.contains_key(l))
        {
            self.leader = self.members.keys().next().cloned();
        }
        self.state = GroupState::CompletingRebalance;
        let leader = self.leader.clone().unwrap_or_default();
        let all: Vec<(String, Option<String>, Bytes)> = self
            .members
            .values()
            .map(|m| {
                (
                    m.member_id.clone(),
                    m.group_instance_id.clone(),
                    m.metadata(self.protocol_name.as_deref()),
                )
            })
            .collect();
        for m in self.members.values_mut() {
            m.last_heartbeat = now;
            if let Some(w) = m.join_waiter.take() {
                let _ = w.send(JoinResult {
                    error: None,
                    generation_id: self.generation_id,
                    protocol_type: self.protocol_type.clone(),
                    protocol_name: self.protocol_name.clone(),
                    leader: leader.clone(),
                    member_id: m.member_id.clone(),
                    members: if m.member_id == leader {
                        all.clone()
                    } else {
                        Vec::new()
                    },
                });
            }
        }
        tracing::info!(group = %self.id, generation = self.generation_id, members = self.members.len(), "rebalance completed join phase");
    }

    /// The protocol every member supports that members rank highest (Kafka's vote: each
    /// member votes for its most preferred candidate, the most votes win).
    fn select_protocol(&self) -> Option<String> {
        let first = self.members.values().next()?;
        let candidates: Vec<&str> = first
            .protocols
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| self.members.values().all(|m| m.supports(n)))
            .collect();
        let mut votes: Vec<(usize, &str)> = candidates.iter().map(|c| (0, *c)).collect();
        for m in self.members.values() {
            if let Some((n, _)) = m
                .protocols
                .iter()
                .find(|(n, _)| candidates.contains(&n.as_str()))
            {
                if let Some(v) = votes.iter_mut().find(|(_, c)| c == n) {
                    v.0 += 1;
                }
            }
        }
        // Stable order: most votes, then the first member's preference.
        let best = votes.iter().map(|(v, _)| *v).max()?;
        votes
            .into_iter()
            .find(|(v, _)| *v == best)
            .map(|(_, c)| c.to_string())
    }

    /// Installs the leader's assignments and answers every waiting SyncGroup.
    pub fn complete_sync(&mut self, assignments: HashMap<String, Bytes>) {
        for m in self.members.values_mut() {
            m.assignment = assignments.get(&m.member_id).cloned().unwrap_or_default();
            if let Some(w) = m.sync_waiter.take() {
                let _ = w.send(SyncResult {
                    error: None,
                    assignment: m.assignment.clone(),
                });
            }
        }
        self.state = GroupState::Stable;
    }

    /// Removes a member; its waiting requests see their sender dropped.
    pub fn remove_member(&mut self, member_id: &str) -> Option<Member> {
        let m = self.members.remove(member_id)?;
        if let Some(instance) = &m.group_instance_id {
            if self.static_members.get(instance).map(String::as_str) == Some(member_id) {
                self.static_members.remove(instance);
            }
        }
        if self.leader.as_deref() == Some(member_id) {
            self.leader = None;
        }
        Some(m)
    }

    /// Removes a member and rebalances the rest (or empties the group).
    pub fn remove_member_and_rebalance(&mut self, member_id: &str, now: Instant) {
        if self.remove_member(member_id).is_none() {
            return;
        }
        match self.state {
            GroupState::Stable | GroupState::CompletingRebalance => {
                self.prepare_rebalance(now);
                self.maybe_complete_join(now);
            }
            GroupState::PreparingRebalance => self.maybe_complete_join(now),
            GroupState::Empty | GroupState::Dead => {}
        }
        if self.members.is_empty() && self.state != GroupState::Dead {
            self.state = GroupState::Empty;
        }
    }

    /// Expires silent members, stale pending member ids and overdue rebalances.
    pub fn tick(&mut self, now: Instant) {
        self.pending_members.retain(|_, expiry| *expiry > now);
        let silent: Vec<String> = self
            .members
            .values()
            // A member waiting in JoinGroup or SyncGroup is alive: it is waiting for us.
            .filter(|m| {
                // A waiter whose connection closed is no sign of life.
                let waiting = m.join_waiter.as_ref().is_some_and(|w| !w.is_closed())
                    || m.sync_waiter.as_ref().is_some_and(|w| !w.is_closed());
                !waiting && now >= m.last_heartbeat + m.session_timeout
            })
            .map(|m| m.member_id.clone())
            .collect();
        for id in silent {
            tracing::info!(group = %self.id, member = %id, "member session expired");
            self.remove_member_and_rebalance(&id, now);
        }
        self.maybe_complete_join(now);
    }

    /// Topics the members subscribe to, from consumer-protocol metadata.
    pub fn subscribed_topics(&self) -> Vec<String> {
        if self.protocol_type.as_deref() != Some("consumer") {
            return Vec::new();
        }
        let mut topics = Vec::new();
        for m in self.members.values() {
            topics.extend(super::subscription::topics(
                &m.metadata(self.protocol_name.as_deref()),
            ));
        }
        topics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, protocols: &[&str]) -> Member {
        Member {
            member_id: id.into(),
            group_instance_id: None,
            client_id: String::new(),
            client_host: String::new(),
            session_timeout: Duration::from_secs(10),
            rebalance_timeout: Duration::from_secs(10),
            protocols: protocols
                .iter()
                .map(|p| (p.to_string(), Bytes::new()))
                .collect(),
            assignment: Bytes::new(),
            last_heartbeat: Instant::now(),
            join_waiter: None,
            sync_waiter: None,
        }
    }

    #[test]
    fn selects_a_protocol_every_member_supports() {
        let mut g = Group::new("g".into(), GroupOffsets::new());
        g.protocol_type = Some("consumer".into());
        g.members
            .insert("a".into(), member("a", &["range", "roundrobin"]));
        g.members
            .insert("b".into(), member("b", &["roundrobin", "range"]));
        g.members
            .insert("c".into(), member("c", &["sticky", "roundrobin"]));
        assert_eq!(g.select_protocol().as_deref(), Some("roundrobin"));
        assert!(!g.accepts("consumer", &[("range".into(), Bytes::new())]));
        assert!(g.accepts("consumer", &[("roundrobin".into(), Bytes::new())]));
        assert!(!g.accepts("connect", &[("roundrobin".into(), Bytes::new())]));
    }
}
