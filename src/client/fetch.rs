//! Fetching through the client: many partitions per request, grouped by leader, long-polling
//! up to `max_wait_ms` on the broker, as a read_committed or read_uncommitted consumer.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::{BrokerId, FetchRequest, TopicName};
use kafka_protocol::protocol::StrBytes;

use super::offsets::Isolation;
use super::{node_key, Client, Node};
use crate::{Error, Result};

/// Where to read next in one partition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FetchPosition {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
}

/// What one partition answered.
#[derive(Debug, Clone)]
pub struct FetchedPartition {
    pub topic: String,
    pub partition: i32,
    pub error: Option<ResponseError>,
    pub high_watermark: i64,
    pub log_start_offset: i64,
    /// The first offset of any open transaction (what read_committed may read up to).
    pub last_stable_offset: i64,
    /// Raw record batches; the last one may be cut short by the broker's size limit.
    pub records: Bytes,
    /// For a read_committed fetch, the aborted transactions among `records`:
    /// (producer id, first offset). `None` for read_uncommitted.
    pub aborted: Option<Vec<(i64, i64)>>,
}

/// Per-partition byte limit of a fetch.
pub const PARTITION_MAX_BYTES: i32 = 1024 * 1024;

/// Whole-response byte limit of a fetch.
pub const FETCH_MAX_BYTES: i32 = 50 * 1024 * 1024;

impl Client {
    /// Fetches from every position as a read_uncommitted consumer, waiting up to
    /// `max_wait_ms` for at least one byte.
    pub async fn fetch(
        &self,
        positions: &[FetchPosition],
        max_wait_ms: i32,
    ) -> Result<Vec<FetchedPartition>> {
        self.fetch_as(positions, max_wait_ms, Isolation::ReadUncommitted)
            .await
    }

    /// Fetches from every position as a consumer with `isolation`.
    pub async fn fetch_as(
        &self,
        positions: &[FetchPosition],
        max_wait_ms: i32,
        isolation: Isolation,
    ) -> Result<Vec<FetchedPartition>> {
        let mut by_leader: HashMap<usize, (Arc<Node>, Vec<&FetchPosition>)> = HashMap::new();
        for pos in positions {
            let node = self.leader(&pos.topic, pos.partition).await?;
            by_leader
                .entry(node_key(&node))
                .or_insert_with(|| (node.clone(), Vec::new()))
                .1
                .push(pos);
        }
        let mut out = Vec::with_capacity(positions.len());
        // Only the first leader is asked to wait; the others answer at once and are asked
        // again on the next call, so one quiet broker never delays data from another.
        let mut wait = max_wait_ms;
        for (node, group) in by_leader.into_values() {
            let mut topics: Vec<FetchTopic> = Vec::new();
            for pos in group {
                let partition = FetchPartition::default()
                    .with_partition(pos.partition)
                    .with_fetch_offset(pos.offset)
                    .with_current_leader_epoch(-1)
                    .with_last_fetched_epoch(-1)
                    .with_log_start_offset(-1)
                    .with_partition_max_bytes(PARTITION_MAX_BYTES);
                match topics.iter_mut().find(|t| t.topic.as_str() == pos.topic) {
                    Some(t) => t.partitions.push(partition),
                    None => topics.push(
                        FetchTopic::default()
                            .with_topic(TopicName(StrBytes::from_string(pos.topic.clone())))
                            .with_partitions(vec![partition]),
                    ),
                }
            }
            let req = FetchRequest::default()
                .with_replica_id(BrokerId(-1))
                .with_max_wait_ms(wait)
                .with_min_bytes(1)
                .with_max_bytes(FETCH_MAX_BYTES)
                .with_isolation_level(isolation.wire())
                .with_session_id(0)
                .with_session_epoch(-1)
                .with_topics(topics);
            let extra = Duration::from_millis(u64::try_from(wait).unwrap_or(0));
            wait = 0;
            // Fetch v13+ addresses topics by id; names are enough for us.
            let response = self
                .send_to(&node, &req, Some(12), extra, true)
                .await?
                .ok_or_else(|| Error::Client("Fetch got no response".into()))?;
            if let Some(error) = ResponseError::try_from_code(response.error_code) {
                return Err(Error::Kafka {
                    error,
                    context: "fetch".into(),
                });
            }
            for t in response.responses {
                for p in t.partitions {
                    let error = ResponseError::try_from_code(p.error_code);
                    if matches!(error, Some(ResponseError::NotLeaderOrFollower)) {
                        self.invalidate_leaders().await;
                    }
                    out.push(FetchedPartition {
                        topic: t.topic.to_string(),
                        partition: p.partition_index,
                        error,
                        high_watermark: p.high_watermark,
                        log_start_offset: p.log_start_offset,
                        last_stable_offset: p.last_stable_offset,
                        records: p.records.unwrap_or_default(),
                        aborted: (isolation == Isolation::ReadCommitted).then(|| {
                            p.aborted_transactions
                                .unwrap_or_default()
                                .into_iter()
                                .map(|a| (a.producer_id.0, a.first_offset))
                                .collect()
                        }),
                    });
                }
            }
        }
        Ok(out)
    }
}
