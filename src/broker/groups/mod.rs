//! The group coordinator of the classic consumer-group protocol. This broker coordinates every
//! group. One file per concept: `group` (state machine), `store` (durable offsets), and one per
//! Kafka API family (`find_coordinator`, `join`, `sync`, `heartbeat`, `leave`, `offsets`,
//! `admin`).
//!
//! All groups live behind one lock: group operations are short and in memory, and the only
//! slow step — fsyncing a commit — happens after the lock is released.

pub mod admin;
pub mod find_coordinator;
pub mod group;
pub mod heartbeat;
pub mod join;
pub mod leave;
pub mod offsets;
pub mod store;
pub mod sync;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use group::Group;
use store::{OffsetStore, Record};

use crate::Result;

/// How often silent members and overdue rebalances are looked for.
pub const TICK_MS: u64 = 100;

/// Every group and the offsets log.
pub struct GroupCoordinator {
    groups: Mutex<BTreeMap<String, Group>>,
    pub store: OffsetStore,
}

impl GroupCoordinator {
    /// Opens the offsets log (replaying it) or starts empty in memory.
    pub fn open(data_dir: Option<&Path>) -> Result<GroupCoordinator> {
        let (store, offsets) = OffsetStore::open(data_dir)?;
        let groups = offsets
            .into_iter()
            .map(|(id, offsets)| (id.clone(), Group::new(id, offsets)))
            .collect();
        Ok(GroupCoordinator {
            groups: Mutex::new(groups),
            store,
        })
    }

    /// Locks every group. Nothing panics while holding it, so poisoning is ignored.
    pub fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Group>> {
        self.groups.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Expires silent members and completes overdue rebalances (called every [`TICK_MS`]).
    pub fn tick(&self) {
        let now = Instant::now();
        for g in self.lock().values_mut() {
            g.tick(now);
        }
    }

    /// Appends `records` to the offsets log; compaction rewrites it from `groups`.
    pub fn persist(&self, groups: &BTreeMap<String, Group>, records: &[Record]) -> Result<u64> {
        self.store.append(records, || live_records(groups))
    }
}

/// Every committed offset as commit records: the compacted contents of the log.
fn live_records(groups: &BTreeMap<String, Group>) -> Vec<Record> {
    groups
        .values()
        .flat_map(|g| {
            g.offsets
                .iter()
                .map(|((topic, partition), committed)| Record::Commit {
                    group: g.id.clone(),
                    topic: topic.clone(),
                    partition: *partition,
                    committed: committed.clone(),
                })
        })
        .collect()
}
