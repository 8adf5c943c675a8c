//! A group's membership as written to and read back from the offsets log: what
//! [`GroupMetadata`] holds and how a group is rebuilt from it after a restart.

use std::time::{Duration, Instant};

use bytes::Bytes;

use super::group::{Group, GroupState, Member};
use super::store::{GroupMetadata, MemberMetadata, StoredGroup};

impl Group {
    /// A group as the offsets log left it: members of the last completed rebalance are back,
    /// Stable, with a fresh session to heartbeat in (those that do not are expired).
    pub fn restore(id: String, stored: StoredGroup, now: Instant) -> Group {
        let mut group = Group::new(id, stored.offsets);
        group.pending_txn = stored.pending_txn;
        if let Some(consumer) = stored.consumer {
            // Members get a fresh session (their last heartbeat counts as now) to come back.
            group.protocol_type = Some("consumer".into());
            group.consumer = Some(consumer);
            return group;
        }
        let Some(meta) = stored.metadata else {
            return group;
        };
        group.recorded = Some(meta.clone());
        group.generation_id = meta.generation_id;
        group.protocol_type = meta.protocol_type;
        for m in meta.members {
            if let Some(instance) = &m.group_instance_id {
                group
                    .static_members
                    .insert(instance.clone(), m.member_id.clone());
            }
            group.members.insert(
                m.member_id.clone(),
                Member {
                    member_id: m.member_id,
                    group_instance_id: m.group_instance_id,
                    client_id: m.client_id,
                    client_host: m.client_host,
                    session_timeout: Duration::from_millis(m.session_timeout_ms),
                    rebalance_timeout: Duration::from_millis(m.rebalance_timeout_ms),
                    protocols: m
                        .protocols
                        .into_iter()
                        .map(|(n, p)| (n, Bytes::from(p)))
                        .collect(),
                    assignment: Bytes::from(m.assignment),
                    last_heartbeat: now,
                    join_waiter: None,
                    sync_waiter: None,
                },
            );
        }
        if !group.members.is_empty() {
            group.state = GroupState::Stable;
            group.protocol_name = meta.protocol_name;
            group.leader = meta.leader.filter(|l| group.members.contains_key(l));
        }
        group
    }

    /// What [`Group::restore`] rebuilds the group from.
    pub fn metadata(&self) -> GroupMetadata {
        GroupMetadata {
            generation_id: self.generation_id,
            protocol_type: self.protocol_type.clone(),
            protocol_name: self.protocol_name.clone(),
            leader: self.leader.clone(),
            members: self
                .members
                .values()
                .map(|m| MemberMetadata {
                    member_id: m.member_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    client_id: m.client_id.clone(),
                    client_host: m.client_host.clone(),
                    session_timeout_ms: m.session_timeout.as_millis() as u64,
                    rebalance_timeout_ms: m.rebalance_timeout.as_millis() as u64,
                    protocols: m
                        .protocols
                        .iter()
                        .map(|(n, p)| (n.clone(), p.to_vec()))
                        .collect(),
                    assignment: m.assignment.to_vec(),
                })
                .collect(),
        }
    }
}
