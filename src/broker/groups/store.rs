//! The durable record of committed offsets and of each group's membership as of its last
//! rebalance: `<data>/groups/offsets.log`, a [`Journal`] of [`Record`]s replayed on start.
//! An OffsetCommit is acknowledged only after its record is fsynced; commits arriving while an
//! fsync runs share the next one.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::consumer::ConsumerGroup;
use crate::storage::journal::Journal;
use crate::Result;

const FILE_NAME: &str = "offsets.log";

/// One committed offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Committed {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<String>,
    pub commit_timestamp_ms: i64,
}

impl Committed {
    /// A commit as a request carries it, stamped `now`; `leader_epoch` is -1 where the request
    /// version has none.
    pub fn new(
        offset: i64,
        leader_epoch: i32,
        metadata: Option<kafka_protocol::protocol::StrBytes>,
        now: i64,
    ) -> Committed {
        Committed {
            offset,
            leader_epoch,
            metadata: metadata.map(|m| m.to_string()),
            commit_timestamp_ms: now,
        }
    }
}

/// Committed offsets of one group, by topic and partition.
pub type GroupOffsets = BTreeMap<(String, i32), Committed>;

/// A group's membership as of its last completed rebalance, so members keep their
/// generation and assignment across a broker restart instead of all rejoining.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMetadata {
    pub generation_id: i32,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub leader: Option<String>,
    pub members: Vec<MemberMetadata>,
}

/// One member in [`GroupMetadata`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberMetadata {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub session_timeout_ms: u64,
    pub rebalance_timeout_ms: u64,
    pub protocols: Vec<(String, Vec<u8>)>,
    pub assignment: Vec<u8>,
}

/// Offsets committed inside open transactions, by producer id: they take effect when the
/// transaction commits and vanish when it aborts.
pub type PendingTxnOffsets = BTreeMap<i64, GroupOffsets>;

/// What the log holds for one group.
#[derive(Debug, Default)]
pub struct StoredGroup {
    pub offsets: GroupOffsets,
    pub metadata: Option<GroupMetadata>,
    pub consumer: Option<ConsumerGroup>,
    pub pending_txn: PendingTxnOffsets,
}

/// One entry of the log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Record {
    Commit {
        group: String,
        topic: String,
        partition: i32,
        committed: Committed,
    },
    /// OffsetDelete of one partition.
    Delete {
        group: String,
        topic: String,
        partition: i32,
    },
    /// A completed rebalance (or the group becoming empty).
    Metadata {
        group: String,
        metadata: GroupMetadata,
    },
    /// DeleteGroups: every offset of the group.
    DeleteGroup { group: String },
    /// A consumer-protocol group's membership, epochs and assignments after a change.
    Consumer { group: String, state: ConsumerGroup },
    /// TxnOffsetCommit: an offset committed inside `producer_id`'s open transaction.
    TxnCommit {
        group: String,
        producer_id: i64,
        topic: String,
        partition: i32,
        committed: Committed,
    },
    /// The end of `producer_id`'s transaction for this group: its pending offsets take effect
    /// (`commit`) or are dropped.
    TxnEnd {
        group: String,
        producer_id: i64,
        commit: bool,
    },
}

/// Applies `record` to the replayed state.
pub fn apply(state: &mut BTreeMap<String, StoredGroup>, record: Record) {
    match record {
        Record::Commit {
            group,
            topic,
            partition,
            committed,
        } => {
            state
                .entry(group)
                .or_default()
                .offsets
                .insert((topic, partition), committed);
        }
        Record::Delete {
            group,
            topic,
            partition,
        } => {
            if let Some(stored) = state.get_mut(&group) {
                stored.offsets.remove(&(topic, partition));
            }
        }
        Record::Metadata { group, metadata } => {
            state.entry(group).or_default().metadata = Some(metadata);
        }
        Record::DeleteGroup { group } => {
            state.remove(&group);
        }
        Record::Consumer {
            group,
            state: consumer,
        } => {
            state.entry(group).or_default().consumer = Some(consumer);
        }
        Record::TxnCommit {
            group,
            producer_id,
            topic,
            partition,
            committed,
        } => {
            state
                .entry(group)
                .or_default()
                .pending_txn
                .entry(producer_id)
                .or_default()
                .insert((topic, partition), committed);
        }
        Record::TxnEnd {
            group,
            producer_id,
            commit,
        } => {
            if let Some(stored) = state.get_mut(&group) {
                end_txn(
                    &mut stored.pending_txn,
                    &mut stored.offsets,
                    producer_id,
                    commit,
                );
            }
        }
    }
}

/// Ends `producer_id`'s transaction on a group's offsets: on commit its pending offsets take
/// effect; either way they stop being pending.
pub fn end_txn(
    pending: &mut PendingTxnOffsets,
    offsets: &mut GroupOffsets,
    producer_id: i64,
    commit: bool,
) {
    if let Some(committed) = pending.remove(&producer_id) {
        if commit {
            offsets.extend(committed);
        }
    }
}

/// The offsets log: a [`Journal`] of [`Record`]s under `<data>/groups/`.
pub type OffsetStore = Journal<Record>;

/// Opens (creating) `<data_dir>/groups/offsets.log` and replays it, or an in-memory store.
pub fn open(data_dir: Option<&Path>) -> Result<(OffsetStore, BTreeMap<String, StoredGroup>)> {
    let (store, records) = Journal::open(data_dir.map(|d| d.join("groups").join(FILE_NAME)))?;
    let mut state = BTreeMap::new();
    for r in records {
        apply(&mut state, r);
    }
    Ok((store, state))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(group: &str, partition: i32, offset: i64) -> Record {
        Record::Commit {
            group: group.into(),
            topic: "t".into(),
            partition,
            committed: Committed {
                offset,
                leader_epoch: -1,
                metadata: None,
                commit_timestamp_ms: 0,
            },
        }
    }

    #[tokio::test]
    async fn replays_commits_deletions_and_metadata() -> Result<()> {
        let dir = tempfile::tempdir()?;
        {
            let (store, state) = open(Some(dir.path()))?;
            assert!(state.is_empty());
            let seq = store.append(&[commit("g", 0, 5), commit("g", 1, 7)], Vec::new)?;
            store.append(&[commit("g", 0, 9), commit("h", 0, 1)], Vec::new)?;
            store.append(&[Record::DeleteGroup { group: "h".into() }], Vec::new)?;
            store.append(
                &[Record::Metadata {
                    group: "g".into(),
                    metadata: GroupMetadata {
                        generation_id: 3,
                        protocol_type: Some("consumer".into()),
                        protocol_name: Some("range".into()),
                        leader: None,
                        members: Vec::new(),
                    },
                }],
                Vec::new,
            )?;
            store.wait_durable(seq + 3).await?;
        }
        let (_, state) = open(Some(dir.path()))?;
        let g = &state.get("g").expect("group g").offsets;
        assert_eq!(g.get(&("t".into(), 0)).map(|c| c.offset), Some(9));
        assert_eq!(g.get(&("t".into(), 1)).map(|c| c.offset), Some(7));
        assert!(!state.contains_key("h"));
        let meta = state.get("g").and_then(|g| g.metadata.as_ref());
        assert_eq!(meta.map(|m| m.generation_id), Some(3));
        Ok(())
    }
}
