//! A consumer group of the KIP-848 protocol (`group.protocol=consumer`): the coordinator owns
//! the assignment. Each change of membership, subscriptions or subscribed topics' partition
//! counts bumps the group epoch; the target assignment is then recomputed by a server-side
//! assignor (assignor.rs) and each member is moved towards its target one heartbeat at a time
//! (incremental reconciliation, as Kafka's CurrentAssignmentBuilder does):
//!
//! 1. partitions the member holds but no longer should are taken away first
//!    (UnrevokedPartitions) and the member keeps its epoch until it reports, in a heartbeat,
//!    that it no longer owns them — or is removed once its rebalance timeout passes;
//! 2. then it moves to the target epoch and gets the new partitions that no other member still
//!    holds; those still held elsewhere follow on later heartbeats (UnreleasedPartitions).
//!
//! So a partition is never owned by two members at once. The group's committed offsets stay
//! in the enclosing [`super::group::Group`].

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::assignor::{self, MemberSubscription, TopicPartitions, DEFAULT_ASSIGNOR};

/// Where a member is on its way to its target assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberState {
    /// Holds exactly its target at the group's assignment epoch.
    Stable,
    /// Must give up `pending_revocation` before it moves on.
    UnrevokedPartitions,
    /// At the target epoch, waiting for partitions other members still hold.
    UnreleasedPartitions,
}

/// One member of a consumer group.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConsumerMember {
    pub member_id: String,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub member_epoch: i32,
    pub previous_member_epoch: i32,
    pub state: MemberState,
    pub rebalance_timeout_ms: i32,
    pub subscribed_topic_names: Vec<String>,
    pub subscribed_topic_regex: Option<String>,
    pub server_assignor: Option<String>,
    /// What the member owns now (as last told to it).
    pub assigned: TopicPartitions,
    /// What it was told to give up and has not yet confirmed giving up.
    pub pending_revocation: TopicPartitions,
    /// A static member that left with epoch -2: it keeps its partitions until its session
    /// expires or a member with the same instance id takes its place.
    pub left_static: bool,
    #[serde(skip, default = "Instant::now")]
    pub last_heartbeat: Instant,
    #[serde(skip)]
    pub revocation_deadline: Option<Instant>,
}

impl ConsumerMember {
    /// A member joining with epoch 0.
    pub fn new(member_id: String, now: Instant) -> ConsumerMember {
        ConsumerMember {
            member_id,
            instance_id: None,
            rack_id: None,
            client_id: String::new(),
            client_host: String::new(),
            member_epoch: 0,
            previous_member_epoch: 0,
            state: MemberState::Stable,
            rebalance_timeout_ms: 0,
            subscribed_topic_names: Vec::new(),
            subscribed_topic_regex: None,
            server_assignor: None,
            assigned: TopicPartitions::new(),
            pending_revocation: TopicPartitions::new(),
            left_static: false,
            last_heartbeat: now,
            revocation_deadline: None,
        }
    }

    /// Ids of the topics this member subscribes to, by name or by regular expression, among
    /// `topics` (name → (id, partitions)).
    fn subscribed_ids(&self, topics: &BTreeMap<String, (Uuid, i32)>) -> BTreeSet<Uuid> {
        let pattern = self
            .subscribed_topic_regex
            .as_deref()
            .and_then(|r| full_match_regex(r).ok());
        topics
            .iter()
            .filter(|(name, _)| {
                self.subscribed_topic_names.iter().any(|n| n == *name)
                    || pattern.as_ref().is_some_and(|p| p.is_match(name))
            })
            .map(|(_, (id, _))| *id)
            .collect()
    }
}

/// A topic-subscription regular expression, matched against whole topic names (as Kafka
/// matches them).
pub fn full_match_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&format!("^(?:{pattern})$"))
}

/// The consumer-protocol part of a group.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ConsumerGroup {
    pub group_epoch: i32,
    pub assignment_epoch: i32,
    pub assignor: String,
    pub members: BTreeMap<String, ConsumerMember>,
    /// Name → (id, partition count) of every subscribed topic, as the target last saw them.
    pub subscribed: BTreeMap<String, (Uuid, i32)>,
    /// The target assignment of each member at `assignment_epoch`.
    pub target: BTreeMap<String, TopicPartitions>,
}

/// `a ∖ b`.
fn minus(a: &TopicPartitions, b: &TopicPartitions) -> TopicPartitions {
    let mut out = TopicPartitions::new();
    for (topic, parts) in a {
        let other = b.get(topic);
        let rest: BTreeSet<i32> = parts
            .iter()
            .filter(|p| !other.is_some_and(|o| o.contains(p)))
            .copied()
            .collect();
        if !rest.is_empty() {
            out.insert(*topic, rest);
        }
    }
    out
}

/// `a ∩ b`.
fn intersect(a: &TopicPartitions, b: &TopicPartitions) -> TopicPartitions {
    minus(a, &minus(a, b))
}

fn is_empty(a: &TopicPartitions) -> bool {
    a.values().all(BTreeSet::is_empty)
}

impl ConsumerGroup {
    /// Kafka's consumer group states: Empty, Assigning (a new target is being computed),
    /// Reconciling (members are moving to it) or Stable.
    pub fn state_name(&self) -> &'static str {
        if self.members.is_empty() {
            "Empty"
        } else if self.group_epoch != self.assignment_epoch {
            "Assigning"
        } else if self
            .members
            .values()
            .any(|m| m.member_epoch != self.assignment_epoch || m.state != MemberState::Stable)
        {
            "Reconciling"
        } else {
            "Stable"
        }
    }

    /// The member holding `instance_id`, if any.
    pub fn static_member(&self, instance_id: &str) -> Option<&ConsumerMember> {
        self.members
            .values()
            .find(|m| m.instance_id.as_deref() == Some(instance_id))
    }

    /// Removes a member; its partitions go to the others with the next target.
    pub fn remove_member(&mut self, member_id: &str) -> bool {
        let removed = self.members.remove(member_id).is_some();
        if removed {
            self.target.remove(member_id);
            self.group_epoch += 1;
        }
        removed
    }

    /// Bumps the group epoch once if `changed` (membership or a subscription changed) or a
    /// subscribed topic's partitions changed, and then recomputes the target assignment.
    /// `topics` is every topic: name → (id, partition count).
    pub fn refresh(&mut self, topics: &BTreeMap<String, (Uuid, i32)>, changed: bool) {
        let mut subscribed = BTreeMap::new();
        for member in self.members.values() {
            for id in member.subscribed_ids(topics) {
                if let Some((name, meta)) = topics.iter().find(|(_, (t, _))| *t == id) {
                    subscribed.insert(name.clone(), *meta);
                }
            }
        }
        if changed || subscribed != self.subscribed {
            self.subscribed = subscribed;
            self.group_epoch += 1;
        }
        if self.group_epoch == self.assignment_epoch {
            return;
        }
        self.assignor = self
            .members
            .values()
            .find_map(|m| m.server_assignor.clone())
            .unwrap_or_else(|| DEFAULT_ASSIGNOR.to_string());
        let subscriptions: Vec<MemberSubscription> = self
            .members
            .values()
            .map(|m| MemberSubscription {
                member_id: m.member_id.clone(),
                topics: m.subscribed_ids(&self.subscribed),
            })
            .collect();
        let partitions: BTreeMap<Uuid, i32> = self.subscribed.values().copied().collect();
        self.target = assignor::assign(&self.assignor, &subscriptions, &partitions, &self.target);
        self.assignment_epoch = self.group_epoch;
    }

    /// Moves `member_id` one step towards its target (see the module documentation), given
    /// what it reports owning (`None`: unchanged since its last heartbeat). Returns whether
    /// its assignment or epoch changed.
    pub fn reconcile(
        &mut self,
        member_id: &str,
        owned: Option<&TopicPartitions>,
        now: Instant,
    ) -> bool {
        let target_epoch = self.assignment_epoch;
        let target = self.target.get(member_id).cloned().unwrap_or_default();
        let held_elsewhere: TopicPartitions = {
            let mut held = TopicPartitions::new();
            for m in self.members.values().filter(|m| m.member_id != member_id) {
                for source in [&m.assigned, &m.pending_revocation] {
                    for (topic, parts) in source {
                        held.entry(*topic).or_default().extend(parts);
                    }
                }
            }
            held
        };
        let Some(member) = self.members.get_mut(member_id) else {
            return false;
        };
        match member.state {
            MemberState::UnrevokedPartitions => {
                let still_owned =
                    owned.is_none_or(|o| !is_empty(&intersect(o, &member.pending_revocation)));
                if still_owned {
                    return false;
                }
                member.pending_revocation.clear();
                member.revocation_deadline = None;
            }
            MemberState::Stable if member.member_epoch == target_epoch => return false,
            _ => {}
        }
        let revoke = minus(&member.assigned, &target);
        if !is_empty(&revoke) {
            member.assigned = intersect(&member.assigned, &target);
            member.pending_revocation = revoke;
            member.state = MemberState::UnrevokedPartitions;
            let timeout = Duration::from_millis(member.rebalance_timeout_ms.max(0) as u64);
            member.revocation_deadline = Some(now + timeout);
            return true;
        }
        let wanted = minus(&target, &member.assigned);
        let free = minus(&wanted, &held_elsewhere);
        let before = (member.assigned.clone(), member.member_epoch);
        for (topic, parts) in &free {
            member.assigned.entry(*topic).or_default().extend(parts);
        }
        if member.member_epoch != target_epoch {
            member.previous_member_epoch = member.member_epoch;
            member.member_epoch = target_epoch;
        }
        member.state = if free == wanted {
            MemberState::Stable
        } else {
            MemberState::UnreleasedPartitions
        };
        before != (member.assigned.clone(), member.member_epoch)
    }

    /// Removes members whose session expired or who did not give up partitions within their
    /// rebalance timeout. Returns the ids removed.
    pub fn expire(&mut self, now: Instant, session_timeout: Duration) -> Vec<String> {
        let gone: Vec<String> = self
            .members
            .values()
            .filter(|m| {
                now.duration_since(m.last_heartbeat) > session_timeout
                    || m.revocation_deadline.is_some_and(|d| now > d)
            })
            .map(|m| m.member_id.clone())
            .collect();
        for id in &gone {
            self.remove_member(id);
        }
        gone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Uuid = Uuid::from_u128(7);

    fn topics(partitions: i32) -> BTreeMap<String, (Uuid, i32)> {
        BTreeMap::from([("orders".to_string(), (T, partitions))])
    }

    fn join(group: &mut ConsumerGroup, id: &str, now: Instant) {
        let mut m = ConsumerMember::new(id.into(), now);
        m.subscribed_topic_names = vec!["orders".into()];
        m.rebalance_timeout_ms = 1000;
        group.members.insert(id.into(), m);
    }

    fn parts(group: &ConsumerGroup, id: &str) -> BTreeSet<i32> {
        group.members[id]
            .assigned
            .get(&T)
            .cloned()
            .unwrap_or_default()
    }

    #[test]
    fn a_second_member_gets_partitions_only_after_the_first_revokes_them() {
        let now = Instant::now();
        let mut g = ConsumerGroup::default();
        join(&mut g, "a", now);
        g.refresh(&topics(4), true);
        assert!(g.reconcile("a", None, now));
        assert_eq!(parts(&g, "a"), BTreeSet::from([0, 1, 2, 3]));
        assert_eq!(g.state_name(), "Stable");

        join(&mut g, "b", now);
        g.refresh(&topics(4), true);
        assert_eq!(g.state_name(), "Reconciling");
        // b is at the new epoch but what it should get is still a's.
        g.reconcile("b", None, now);
        assert!(parts(&g, "b").is_empty());
        assert_eq!(g.members["b"].state, MemberState::UnreleasedPartitions);
        // a is told to give two up, and keeps its epoch until it confirms.
        let epoch = g.members["a"].member_epoch;
        assert!(g.reconcile("a", None, now));
        assert_eq!(g.members["a"].state, MemberState::UnrevokedPartitions);
        assert_eq!(g.members["a"].member_epoch, epoch);
        let kept = g.members["a"].assigned.clone();
        assert!(!g.reconcile("a", None, now), "no confirmation yet");
        // a reports owning only what it kept: it moves on, and b gets the rest.
        g.reconcile("a", Some(&kept), now);
        assert_eq!(g.members["a"].member_epoch, g.assignment_epoch);
        assert!(g.reconcile("b", None, now));
        let (a, b) = (parts(&g, "a"), parts(&g, "b"));
        assert_eq!(a.len() + b.len(), 4);
        assert!(a.is_disjoint(&b));
        assert_eq!(g.state_name(), "Stable");
    }

    #[test]
    fn silent_members_and_slow_revokers_are_removed() {
        let start = Instant::now();
        let mut g = ConsumerGroup::default();
        join(&mut g, "a", start);
        g.refresh(&topics(2), true);
        g.reconcile("a", None, start);
        join(&mut g, "b", start);
        g.refresh(&topics(2), true);
        g.reconcile("a", None, start);
        assert_eq!(g.members["a"].state, MemberState::UnrevokedPartitions);
        // a never confirms: past its rebalance timeout it is removed.
        let later = start + Duration::from_millis(1500);
        g.members.get_mut("b").expect("b").last_heartbeat = later;
        assert_eq!(g.expire(later, Duration::from_secs(45)), ["a"]);
        g.refresh(&topics(2), false);
        g.reconcile("b", None, later);
        assert_eq!(parts(&g, "b"), BTreeSet::from([0, 1]));
        // b then goes silent past the session timeout.
        let much_later = later + Duration::from_secs(46);
        assert_eq!(g.expire(much_later, Duration::from_secs(45)), ["b"]);
        assert_eq!(g.state_name(), "Empty");
    }

    #[test]
    fn new_partitions_bump_the_epoch_and_are_assigned() {
        let now = Instant::now();
        let mut g = ConsumerGroup::default();
        join(&mut g, "a", now);
        g.refresh(&topics(1), true);
        g.reconcile("a", None, now);
        let epoch = g.group_epoch;
        g.refresh(&topics(3), false);
        assert_eq!(g.group_epoch, epoch + 1);
        g.reconcile("a", None, now);
        assert_eq!(parts(&g, "a"), BTreeSet::from([0, 1, 2]));
    }

    #[test]
    fn regex_subscriptions_match_whole_names() {
        let now = Instant::now();
        let mut m = ConsumerMember::new("a".into(), now);
        m.subscribed_topic_regex = Some("ord.*".into());
        let all = BTreeMap::from([
            ("orders".to_string(), (Uuid::from_u128(1), 1)),
            ("reorders".to_string(), (Uuid::from_u128(2), 1)),
        ]);
        assert_eq!(m.subscribed_ids(&all), BTreeSet::from([Uuid::from_u128(1)]));
    }
}
