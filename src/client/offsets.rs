//! ListOffsets through the client: earliest, latest, max timestamp and by timestamp, for many
//! partitions at once, each asked of its leader.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::{BrokerId, ListOffsetsRequest, TopicName};
use kafka_protocol::protocol::StrBytes;

use super::admin::check;
use super::{node_key, Client, Node};
use crate::Result;

/// What a reader sees of transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Isolation {
    /// Committed records only, up to the last stable offset (Kafka's read_committed).
    #[default]
    ReadCommitted,
    /// Everything written, aborted and open transactions included.
    ReadUncommitted,
}

impl Isolation {
    /// The `isolation_level` field of Fetch and ListOffsets.
    pub(crate) fn wire(self) -> i8 {
        match self {
            Isolation::ReadCommitted => 1,
            Isolation::ReadUncommitted => 0,
        }
    }
}

/// Which offset to look up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetSpec {
    Earliest,
    Latest,
    /// The first record whose timestamp is at or after this epoch-ms moment.
    Timestamp(i64),
}

impl OffsetSpec {
    /// The timestamp field of a ListOffsets request for this spec.
    pub(crate) fn wire(self) -> i64 {
        match self {
            OffsetSpec::Earliest => -2,
            OffsetSpec::Latest => -1,
            OffsetSpec::Timestamp(t) => t,
        }
    }
}

/// The answer for one partition. `offset` is -1 when no record matches a timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartitionOffset {
    pub partition: i32,
    pub offset: i64,
    pub timestamp: i64,
}

impl Client {
    /// Looks up `spec` for each of `partitions` of `topic`, as a read_uncommitted consumer
    /// sees them (Latest is the high watermark).
    pub async fn list_offsets(
        &self,
        topic: &str,
        partitions: &[i32],
        spec: OffsetSpec,
    ) -> Result<Vec<PartitionOffset>> {
        self.list_offsets_as(topic, partitions, spec, Isolation::ReadUncommitted)
            .await
    }

    /// Looks up `spec` as a consumer with `isolation` sees it: under read_committed, Latest is
    /// the last stable offset.
    pub async fn list_offsets_as(
        &self,
        topic: &str,
        partitions: &[i32],
        spec: OffsetSpec,
        isolation: Isolation,
    ) -> Result<Vec<PartitionOffset>> {
        let mut by_leader: HashMap<usize, (Arc<Node>, Vec<i32>)> = HashMap::new();
        for &p in partitions {
            let node = self.leader(topic, p).await?;
            by_leader
                .entry(node_key(&node))
                .or_insert_with(|| (node.clone(), Vec::new()))
                .1
                .push(p);
        }
        let mut out = Vec::with_capacity(partitions.len());
        for (node, group) in by_leader.into_values() {
            let req = ListOffsetsRequest::default()
                .with_replica_id(BrokerId(-1))
                .with_isolation_level(isolation.wire())
                .with_timeout_ms(30_000)
                .with_topics(vec![ListOffsetsTopic::default()
                    .with_name(TopicName(StrBytes::from_string(topic.to_string())))
                    .with_partitions(
                        group
                            .iter()
                            .map(|&p| {
                                ListOffsetsPartition::default()
                                    .with_partition_index(p)
                                    .with_current_leader_epoch(-1)
                                    .with_timestamp(spec.wire())
                            })
                            .collect(),
                    )]);
            let response = self
                .send_to(&node, &req, None, Duration::ZERO, true)
                .await?
                .ok_or_else(|| crate::Error::Client("ListOffsets got no response".into()))?;
            for t in response.topics {
                for p in t.partitions {
                    check(
                        p.error_code,
                        None,
                        &format!("offsets of {topic}/{}", p.partition_index),
                    )?;
                    out.push(PartitionOffset {
                        partition: p.partition_index,
                        offset: p.offset,
                        timestamp: p.timestamp,
                    });
                }
            }
        }
        out.sort_by_key(|p| p.partition);
        Ok(out)
    }
}
