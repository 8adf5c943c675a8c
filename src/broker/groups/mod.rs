//! The group coordinator, for the classic consumer-group protocol and the consumer protocol
//! of KIP-848. This broker coordinates every group. One file per concept: `group` (the classic
//! state machine), `consumer` (a KIP-848 group and its reconciliation), `assignor` (its
//! server-side assignors), `store` (the durable log), `snapshot` (membership as recorded
//! there), `subscription` (consumer metadata), and one per Kafka API family
//! (`find_coordinator`, `join`, `sync`, `heartbeat`, `leave`, `offsets`, `admin`,
//! `consumer_heartbeat`, `consumer_describe`).
//!
//! Membership is recorded in the offsets log whenever a rebalance completes or a group
//! empties, so after a restart members carry on with their generation and assignment.
//!
//! All groups live behind one lock: group operations are short and in memory, and the only
//! slow step — fsyncing a commit — happens after the lock is released.

pub mod admin;
pub mod assignor;
pub mod consumer;
pub mod consumer_describe;
pub mod consumer_heartbeat;
pub mod find_coordinator;
pub mod group;
pub mod heartbeat;
pub mod join;
pub mod leave;
pub mod offsets;
pub mod snapshot;
pub mod store;
pub mod subscription;
pub mod sync;
pub mod txn_offsets;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use group::{Group, GroupState};
use store::{OffsetStore, Record};

use crate::Result;

/// How often silent members and overdue rebalances are looked for.
pub const TICK_MS: u64 = 100;

/// Broker-side settings of consumer-protocol groups (Kafka's `group.consumer.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsumerGroupConfig {
    /// A member not heard from for this long is removed (`group.consumer.session.timeout.ms`).
    pub session_timeout: Duration,
    /// How often members are told to heartbeat (`group.consumer.heartbeat.interval.ms`).
    pub heartbeat_interval: Duration,
}

impl Default for ConsumerGroupConfig {
    fn default() -> Self {
        ConsumerGroupConfig {
            session_timeout: Duration::from_secs(45),
            heartbeat_interval: Duration::from_secs(5),
        }
    }
}

/// Who sent a group request (JoinGroup, ConsumerGroupHeartbeat), from its header and
/// connection, as DescribeGroups and ConsumerGroupDescribe show the member.
pub struct Client<'a> {
    pub client_id: &'a str,
    pub client_host: &'a str,
}

/// A member's host as Kafka shows it: "/address" (empty for an in-process client).
pub fn client_host(peer: Option<std::net::SocketAddr>) -> String {
    peer.map(|p| format!("/{}", p.ip())).unwrap_or_default()
}

/// Every group and the offsets log.
pub struct GroupCoordinator {
    groups: Mutex<BTreeMap<String, Group>>,
    pub store: OffsetStore,
    pub config: ConsumerGroupConfig,
}

impl GroupCoordinator {
    /// Opens the offsets log (replaying it) or starts empty in memory.
    pub fn open(data_dir: Option<&Path>, config: ConsumerGroupConfig) -> Result<GroupCoordinator> {
        let (store, stored) = store::open(data_dir)?;
        let now = Instant::now();
        let groups = stored
            .into_iter()
            .map(|(id, stored)| (id.clone(), Group::restore(id, stored, now)))
            .collect();
        Ok(GroupCoordinator {
            groups: Mutex::new(groups),
            store,
            config,
        })
    }

    /// Locks every group. Nothing panics while holding it, so poisoning is ignored.
    pub fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Group>> {
        self.groups.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Expires silent members and completes overdue rebalances (called every [`TICK_MS`]).
    pub fn tick(&self) {
        let now = Instant::now();
        let mut groups = self.lock();
        let mut emptied = Vec::new();
        for g in groups.values_mut() {
            let had_members = !g.members.is_empty();
            g.tick(now);
            if had_members && g.members.is_empty() {
                emptied.push(g.id.clone());
            }
        }
        for id in emptied {
            self.persist_metadata(&mut groups, &id);
        }
        let mut reconfigured = Vec::new();
        for g in groups.values_mut() {
            if let Some(consumer) = &mut g.consumer {
                let expired = consumer.expire(now, self.config.session_timeout);
                for member in &expired {
                    tracing::info!(group = %g.id, %member, "removing a consumer group member whose session or rebalance timeout expired");
                }
                if !expired.is_empty() {
                    reconfigured.push(g.id.clone());
                }
            }
        }
        for id in reconfigured {
            consumer_heartbeat::persist(self, &mut groups, &id);
        }
        // Groups with nothing left — no members, none joining, no offsets — are forgotten, as
        // Kafka turns them Dead; otherwise every group id ever tried would stay in memory.
        let forgotten: Vec<String> = groups
            .values()
            .filter(|g| {
                g.state == GroupState::Empty
                    && g.members.is_empty()
                    && g.consumer.as_ref().is_none_or(|c| c.members.is_empty())
                    && g.pending_members.is_empty()
                    && g.offsets.is_empty()
                    && g.pending_txn.is_empty()
            })
            .map(|g| g.id.clone())
            .collect();
        for id in forgotten {
            if groups.remove(&id).is_some_and(|g| g.recorded.is_some()) {
                let record = Record::DeleteGroup { group: id.clone() };
                if let Err(e) = self.persist(&groups, &[record]) {
                    tracing::warn!(group = %id, error = %e, "cannot record a forgotten group");
                }
            }
        }
    }

    /// Records `id`'s membership (after a completed rebalance, or once it is empty) so a
    /// restart restores it. Returns the sequence number to wait for; a failure is logged,
    /// since membership can always be rebuilt by members rejoining.
    pub fn persist_metadata(&self, groups: &mut BTreeMap<String, Group>, id: &str) -> Option<u64> {
        let metadata = groups.get(id)?.metadata();
        let record = Record::Metadata {
            group: id.to_string(),
            metadata: metadata.clone(),
        };
        match self.persist(groups, &[record]) {
            Ok(seq) => {
                if let Some(g) = groups.get_mut(id) {
                    g.recorded = Some(metadata);
                }
                Some(seq)
            }
            Err(e) => {
                tracing::warn!(group = id, error = %e, "cannot record group membership");
                None
            }
        }
    }

    /// Appends `records` to the offsets log; compaction rewrites it from `groups`.
    pub fn persist(&self, groups: &BTreeMap<String, Group>, records: &[Record]) -> Result<u64> {
        self.store.append(records, || live_records(groups))
    }
}

/// Every group's membership and committed offsets: the compacted contents of the log.
fn live_records(groups: &BTreeMap<String, Group>) -> Vec<Record> {
    let mut records = Vec::new();
    for g in groups.values() {
        // What was recorded, not the current state: a rebalance in progress is not yet
        // something to restore.
        if let Some(metadata) = &g.recorded {
            records.push(Record::Metadata {
                group: g.id.clone(),
                metadata: metadata.clone(),
            });
        }
        if let Some(consumer) = &g.consumer {
            records.push(Record::Consumer {
                group: g.id.clone(),
                state: consumer.clone(),
            });
        }
        records.extend(
            g.offsets
                .iter()
                .map(|((topic, partition), committed)| Record::Commit {
                    group: g.id.clone(),
                    topic: topic.clone(),
                    partition: *partition,
                    committed: committed.clone(),
                }),
        );
        for (producer_id, offsets) in &g.pending_txn {
            records.extend(offsets.iter().map(|((topic, partition), committed)| {
                Record::TxnCommit {
                    group: g.id.clone(),
                    producer_id: *producer_id,
                    topic: topic.clone(),
                    partition: *partition,
                    committed: committed.clone(),
                }
            }));
        }
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compaction_keeps_the_recorded_membership_and_offsets() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let coordinator = GroupCoordinator::open(Some(dir.path()), Default::default())?;
        {
            let mut groups = coordinator.lock();
            let mut g = Group::new("g".into(), Default::default());
            g.generation_id = 4;
            groups.insert("g".into(), g);
            coordinator.persist_metadata(&mut groups, "g");
            // A rebalance in progress is not what a restart should restore.
            if let Some(g) = groups.get_mut("g") {
                g.generation_id = 5;
            }
            let records = live_records(&groups);
            assert!(matches!(
                records.as_slice(),
                [Record::Metadata { metadata, .. }] if metadata.generation_id == 4
            ));
        }
        drop(coordinator);
        let reopened = GroupCoordinator::open(Some(dir.path()), Default::default())?;
        assert_eq!(reopened.lock().get("g").map(|g| g.generation_id), Some(4));
        Ok(())
    }

    #[test]
    fn empty_groups_without_offsets_are_forgotten() -> Result<()> {
        let coordinator = GroupCoordinator::open(None, Default::default())?;
        {
            let mut groups = coordinator.lock();
            groups.insert("gone".into(), Group::new("gone".into(), Default::default()));
            let mut kept = Group::new("kept".into(), Default::default());
            kept.offsets.insert(
                ("t".into(), 0),
                store::Committed {
                    offset: 1,
                    leader_epoch: -1,
                    metadata: None,
                    commit_timestamp_ms: 0,
                },
            );
            groups.insert("kept".into(), kept);
        }
        coordinator.tick();
        let groups = coordinator.lock();
        assert!(!groups.contains_key("gone"));
        assert!(groups.contains_key("kept"));
        Ok(())
    }
}
