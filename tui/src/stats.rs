//! Rates and histories from successive snapshots: messages/s per topic and partition from the
//! end offsets, bytes/s from the sizes, a group's consume rate from its committed offsets, and
//! the recent history the charts and sparklines draw. Counters that go backwards (a topic
//! recreated, records deleted) give a rate of 0, never a negative one.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use crate::model::{GroupSnapshot, Snapshot, TopicSnapshot};

/// Samples kept: ten minutes at the default one-second refresh.
pub const HISTORY: usize = 600;

/// One topic's current rates.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TopicRates {
    pub messages_per_sec: f64,
    /// Growth on disk, when sizes are known.
    pub bytes_per_sec: Option<f64>,
}

/// Cluster-wide rates at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sample {
    pub at_ms: i64,
    /// Records produced per second, over every topic.
    pub in_messages: f64,
    /// Records consumed per second: the committed offsets' progress over every group.
    pub out_messages: f64,
    pub in_bytes: Option<f64>,
    /// Bytes consumed per second, estimated from the committed offsets' progress and each
    /// topic's average record size on disk.
    pub out_bytes: Option<f64>,
}

#[derive(Debug, Default)]
pub struct Stats {
    previous: Option<Snapshot>,
    pub topics: BTreeMap<String, TopicRates>,
    pub partitions: BTreeMap<(String, i32), f64>,
    /// Committed records per second, per group.
    pub groups: BTreeMap<String, f64>,
    pub history: VecDeque<Sample>,
    /// Total lag per group, oldest first.
    pub lag_history: BTreeMap<String, VecDeque<i64>>,
}

fn per_second(now: i64, before: i64, seconds: f64) -> f64 {
    ((now - before).max(0) as f64) / seconds
}

impl Stats {
    /// Takes in a new snapshot; rates compare it with the previous one. Lookups go through
    /// maps, so thousands of topics and partitions cost a lookup each, not a scan each.
    pub fn update(&mut self, snapshot: &Snapshot) {
        for g in &snapshot.groups {
            let lags = self.lag_history.entry(g.name.clone()).or_default();
            lags.push_back(g.lag());
            if lags.len() > HISTORY {
                lags.pop_front();
            }
        }
        let current: HashSet<&str> = snapshot.groups.iter().map(|g| g.name.as_str()).collect();
        self.lag_history
            .retain(|name, _| current.contains(name.as_str()));
        let Some(previous) = self.previous.replace(snapshot.clone()) else {
            return;
        };
        let seconds = (snapshot.taken_at_ms - previous.taken_at_ms) as f64 / 1000.0;
        if seconds <= 0.0 {
            return;
        }
        self.topics.clear();
        self.partitions.clear();
        let before_topics: HashMap<&str, &TopicSnapshot> = previous
            .topics
            .iter()
            .map(|t| (t.name.as_str(), t))
            .collect();
        for t in &snapshot.topics {
            let Some(before) = before_topics.get(t.name.as_str()) else {
                continue;
            };
            let before_ends: HashMap<i32, i64> = before
                .partitions
                .iter()
                .map(|b| (b.partition, b.end_offset))
                .collect();
            for p in &t.partitions {
                if let Some(&end) = before_ends.get(&p.partition) {
                    self.partitions.insert(
                        (t.name.clone(), p.partition),
                        per_second(p.end_offset, end, seconds),
                    );
                }
            }
            let bytes = match (t.size_bytes(), before.size_bytes()) {
                (Some(now), Some(then)) => Some(per_second(now, then, seconds)),
                _ => None,
            };
            self.topics.insert(
                t.name.clone(),
                TopicRates {
                    messages_per_sec: per_second(t.end_offsets(), before.end_offsets(), seconds),
                    bytes_per_sec: bytes,
                },
            );
        }
        self.groups.clear();
        let before_groups: HashMap<&str, &GroupSnapshot> = previous
            .groups
            .iter()
            .map(|g| (g.name.as_str(), g))
            .collect();
        // Average bytes per record on disk, by topic, where the size is known.
        let record_bytes: HashMap<&str, f64> = snapshot
            .topics
            .iter()
            .filter_map(|t| {
                let (size, messages) = (t.size_bytes()?, t.messages());
                (messages > 0).then(|| (t.name.as_str(), size as f64 / messages as f64))
            })
            .collect();
        let mut out_bytes: Option<f64> = None;
        for g in &snapshot.groups {
            let Some(before) = before_groups.get(g.name.as_str()) else {
                continue;
            };
            self.groups.insert(
                g.name.clone(),
                per_second(g.committed(), before.committed(), seconds),
            );
            let committed_before: HashMap<(&str, i32), i64> = before
                .partitions
                .iter()
                .map(|p| ((p.topic.as_str(), p.partition), p.committed_offset))
                .collect();
            for p in &g.partitions {
                let (Some(&then), Some(&avg)) = (
                    committed_before.get(&(p.topic.as_str(), p.partition)),
                    record_bytes.get(p.topic.as_str()),
                ) else {
                    continue;
                };
                *out_bytes.get_or_insert(0.0) +=
                    per_second(p.committed_offset, then, seconds) * avg;
            }
        }
        let in_bytes: Option<f64> = self.topics.values().map(|r| r.bytes_per_sec).sum();
        self.history.push_back(Sample {
            at_ms: snapshot.taken_at_ms,
            in_messages: self.topics.values().map(|r| r.messages_per_sec).sum(),
            out_messages: self.groups.values().sum(),
            in_bytes,
            out_bytes,
        });
        if self.history.len() > HISTORY {
            self.history.pop_front();
        }
    }

    /// The latest cluster-wide rates (zero before two snapshots have been seen).
    pub fn current(&self) -> Sample {
        self.history.back().copied().unwrap_or_default()
    }

    /// Seconds until `group` has no lag at its current pace: its lag over how much faster it
    /// consumes than its topics grow. `None` when it is not catching up (or has no lag: 0).
    pub fn catch_up_secs(&self, group: &GroupSnapshot) -> Option<f64> {
        let lag = group.lag();
        if lag == 0 {
            return Some(0.0);
        }
        let consumed = self.groups.get(&group.name).copied().unwrap_or(0.0);
        let mut topics: Vec<&str> = group.partitions.iter().map(|p| p.topic.as_str()).collect();
        topics.sort_unstable();
        topics.dedup();
        let produced: f64 = topics
            .iter()
            .filter_map(|t| self.topics.get(*t))
            .map(|r| r.messages_per_sec)
            .sum();
        let gaining = consumed - produced;
        (gaining > 0.0).then(|| lag as f64 / gaining)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GroupPartition, PartitionSnapshot, TopicSnapshot};

    fn snapshot(at_ms: i64, end: i64, size: i64, committed: i64) -> Snapshot {
        Snapshot {
            taken_at_ms: at_ms,
            topics: vec![TopicSnapshot {
                name: "t".into(),
                partitions: vec![PartitionSnapshot {
                    partition: 0,
                    start_offset: 0,
                    end_offset: end,
                    size_bytes: Some(size),
                }],
                retention_ms: None,
                diskless: false,
                compacted: false,
            }],
            groups: vec![GroupSnapshot {
                name: "g".into(),
                state: "Stable".into(),
                members: 1,
                partitions: vec![GroupPartition {
                    topic: "t".into(),
                    partition: 0,
                    committed_offset: committed,
                    end_offset: end,
                }],
            }],
            ..Snapshot::default()
        }
    }

    #[test]
    fn rates_come_from_the_difference_of_two_snapshots() {
        let mut stats = Stats::default();
        stats.update(&snapshot(0, 100, 1000, 0));
        assert_eq!(stats.current(), Sample::default());
        stats.update(&snapshot(2000, 300, 5000, 300));
        let t = stats.topics["t"];
        assert_eq!(t.messages_per_sec, 100.0);
        assert_eq!(t.bytes_per_sec, Some(2000.0));
        assert_eq!(stats.groups["g"], 150.0);
        let s = stats.current();
        assert_eq!((s.in_messages, s.out_messages), (100.0, 150.0));
        // 150 records/s of a topic averaging 5000 B / 300 records on disk.
        assert_eq!(s.out_bytes.map(f64::round), Some(2500.0));
        assert_eq!(stats.lag_history["g"], [100, 0]);
    }

    #[test]
    fn counters_going_back_give_zero_and_catch_up_needs_progress() {
        let mut stats = Stats::default();
        stats.update(&snapshot(0, 500, 1000, 0));
        stats.update(&snapshot(1000, 100, 100, 0));
        assert_eq!(stats.topics["t"].messages_per_sec, 0.0);
        assert_eq!(stats.topics["t"].bytes_per_sec, Some(0.0));
        // Consuming 100/s faster than the topic grows, with 600 to go: 6 s.
        let mut stats = Stats::default();
        stats.update(&snapshot(0, 1000, 0, 0));
        stats.update(&snapshot(1000, 1100, 0, 200));
        let g = &snapshot(1000, 800, 0, 200).groups[0];
        assert_eq!(stats.catch_up_secs(g), Some(6.0));
        stats.update(&snapshot(2000, 1300, 0, 200));
        assert_eq!(stats.catch_up_secs(g), None, "not consuming: never");
    }
}
