//! Fetching through the client: many partitions per request, grouped by leader, long-polling
//! up to `max_wait_ms` on the broker, as a read_committed or read_uncommitted consumer.
//!
//! Each leader gets its own request, all in flight at once, as Kafka's consumers keep one
//! fetch in flight per broker: a call returns as soon as any leader answers, and the fetches
//! still waiting on quiet leaders stay in flight for the next call (kept while the positions
//! they ask for are still the caller's). So data on one broker is never held back by another
//! broker's long poll. A leader that moved or a broker that went away is looked up again and
//! the fetch retried, for up to [`super::LEADER_WAIT`].

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::future::select_all;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::{BrokerId, FetchRequest, FetchResponse, TopicName};
use kafka_protocol::protocol::StrBytes;
use tokio::task::JoinHandle;

use super::offsets::Isolation;
use super::{node_key, round_trip, Client, Node};
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

/// A fetch sent to one leader and not yet collected.
pub(crate) struct PendingFetch {
    node: Arc<Node>,
    isolation: Isolation,
    /// What it asked for, sorted: its answer is used only while these are still wanted.
    positions: Vec<FetchPosition>,
    answer: JoinHandle<Result<Option<FetchResponse>>>,
}

impl Drop for PendingFetch {
    fn drop(&mut self) {
        // Nobody will read this answer; cancelling drops its connection mid-exchange, which
        // the transport then reopens, rather than leaving a stale long poll in the way.
        if !self.answer.is_finished() {
            self.answer.abort();
        }
    }
}

/// Errors after which the partition is served elsewhere or soon: look the leader up again.
fn is_leadership_error(error: ResponseError) -> bool {
    matches!(
        error,
        ResponseError::NotLeaderOrFollower
            | ResponseError::LeaderNotAvailable
            | ResponseError::FencedLeaderEpoch
            | ResponseError::UnknownLeaderEpoch
            | ResponseError::ReplicaNotAvailable
            | ResponseError::KafkaStorageError
            | ResponseError::NotCoordinator
    )
}

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

    /// Fetches from every position as a consumer with `isolation`. With `max_wait_ms` 0 every
    /// leader's answer is collected; otherwise the call returns with the first leader that
    /// answers (and any other that already has), and partitions whose leader has not answered
    /// yet are missing from the result.
    pub async fn fetch_as(
        &self,
        positions: &[FetchPosition],
        max_wait_ms: i32,
        isolation: Isolation,
    ) -> Result<Vec<FetchedPartition>> {
        let mut retry = super::retry::Retry::new();
        loop {
            let (out, failure) = self.fetch_round(positions, max_wait_ms, isolation).await?;
            let Some(failure) = failure else {
                return Ok(out);
            };
            // Something moved: return what did arrive, or wait a little and look again.
            if !out.is_empty() {
                return Ok(out);
            }
            if retry.expired() {
                return Err(failure);
            }
            retry.pause().await;
        }
    }

    /// One round: sends what is not in flight, collects what answered. The error, if any, is
    /// a retriable one (a moved leader, a lost broker) that left some partitions unanswered.
    async fn fetch_round(
        &self,
        positions: &[FetchPosition],
        max_wait_ms: i32,
        isolation: Isolation,
    ) -> Result<(Vec<FetchedPartition>, Option<Error>)> {
        let mut failure = None;
        let mut by_leader: HashMap<usize, (Arc<Node>, Vec<FetchPosition>)> = HashMap::new();
        for pos in positions {
            match self.leader(&pos.topic, pos.partition).await {
                Ok(node) => by_leader
                    .entry(node_key(&node))
                    .or_insert_with(|| (node.clone(), Vec::new()))
                    .1
                    .push(pos.clone()),
                Err(
                    e @ (Error::Connection(_)
                    | Error::Kafka {
                        error: ResponseError::LeaderNotAvailable,
                        ..
                    }),
                ) => {
                    self.invalidate_leaders().await;
                    failure = Some(e);
                }
                Err(e) => return Err(e),
            }
        }
        let mut pending = std::mem::take(&mut *self.pending_fetches.lock().await);
        // A fetch in flight is kept only if it asks exactly for what this call wants from its
        // leader; anything else is cancelled (dropped) and asked for again.
        pending.retain(|key, p| {
            by_leader.get(key).is_some_and(|(_, wanted)| {
                p.isolation == isolation && p.positions == sorted(wanted.clone())
            })
        });
        for (key, (node, wanted)) in by_leader {
            if pending.contains_key(&key) {
                continue;
            }
            let wanted = sorted(wanted);
            let min_bytes = self
                .fetch_min_bytes
                .load(std::sync::atomic::Ordering::Relaxed);
            let req = fetch_request(&wanted, max_wait_ms, min_bytes, isolation);
            // Fetch v13+ addresses topics by id; names are enough for us.
            let prepared = self.prepare(&node, &req, Some(12))?;
            let extra = Duration::from_millis(u64::try_from(max_wait_ms).unwrap_or(0));
            let conn = node.clone();
            let answer = tokio::spawn(async move {
                round_trip::<FetchRequest>(&conn.transport, prepared, true, extra).await
            });
            pending.insert(
                key,
                PendingFetch {
                    node,
                    isolation,
                    positions: wanted,
                    answer,
                },
            );
        }
        // Each answered fetch with its answer: select_all hands over the first one's answer
        // itself (its handle must not be polled again); the others are finished and ready.
        let mut answered: Vec<(PendingFetch, Option<_>)> = Vec::new();
        if max_wait_ms <= 0 {
            answered = pending.drain().map(|(_, p)| (p, None)).collect();
        } else if !pending.is_empty() {
            let (first_answer, first, _) =
                select_all(pending.values_mut().map(|p| &mut p.answer)).await;
            let keys: Vec<usize> = pending.keys().copied().collect();
            let mut first_answer = Some(first_answer);
            for (i, key) in keys.into_iter().enumerate() {
                if i == first {
                    if let Some(p) = pending.remove(&key) {
                        answered.push((p, first_answer.take()));
                    }
                } else if pending.get(&key).is_some_and(|p| p.answer.is_finished()) {
                    if let Some(p) = pending.remove(&key) {
                        answered.push((p, None));
                    }
                }
            }
        }
        *self.pending_fetches.lock().await = pending;

        let mut out = Vec::with_capacity(positions.len());
        for (mut p, answer) in answered {
            let answer = match answer {
                Some(answer) => answer,
                None => (&mut p.answer).await,
            }
            .map_err(|e| Error::Client(format!("fetch task failed: {e}")))?;
            let response = match answer {
                Ok(Some(response)) => response,
                Ok(None) => return Err(Error::Client("Fetch got no response".into())),
                Err(e @ Error::Connection(_)) => {
                    self.forget_node(&p.node).await;
                    failure = Some(e);
                    continue;
                }
                Err(e) => return Err(e),
            };
            if let Some(error) = ResponseError::try_from_code(response.error_code) {
                return Err(Error::Kafka {
                    error,
                    context: "fetch".into(),
                    message: None,
                });
            }
            for t in response.responses {
                for part in t.partitions {
                    let error = ResponseError::try_from_code(part.error_code);
                    if let Some(e) = error.filter(|e| is_leadership_error(*e)) {
                        self.invalidate_leaders().await;
                        failure = Some(Error::Kafka {
                            error: e,
                            context: format!(
                                "fetching {}/{}",
                                t.topic.as_str(),
                                part.partition_index
                            ),
                            message: None,
                        });
                        continue;
                    }
                    // An answer for a position the caller has since moved from is stale.
                    let asked = p.positions.iter().find(|q| {
                        q.topic == t.topic.as_str() && q.partition == part.partition_index
                    });
                    if !asked.is_some_and(|q| positions.contains(q)) {
                        continue;
                    }
                    out.push(FetchedPartition {
                        topic: t.topic.to_string(),
                        partition: part.partition_index,
                        error,
                        high_watermark: part.high_watermark,
                        log_start_offset: part.log_start_offset,
                        last_stable_offset: part.last_stable_offset,
                        records: part.records.unwrap_or_default(),
                        aborted: (isolation == Isolation::ReadCommitted).then(|| {
                            part.aborted_transactions
                                .unwrap_or_default()
                                .into_iter()
                                .map(|a| (a.producer_id.0, a.first_offset))
                                .collect()
                        }),
                    });
                }
            }
        }
        Ok((out, failure))
    }
}

fn sorted(mut positions: Vec<FetchPosition>) -> Vec<FetchPosition> {
    positions.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    positions
}

fn fetch_request(
    positions: &[FetchPosition],
    max_wait_ms: i32,
    min_bytes: i32,
    isolation: Isolation,
) -> FetchRequest {
    let mut topics: Vec<FetchTopic> = Vec::new();
    for pos in positions {
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
    FetchRequest::default()
        .with_replica_id(BrokerId(-1))
        .with_max_wait_ms(max_wait_ms)
        .with_min_bytes(min_bytes)
        .with_max_bytes(FETCH_MAX_BYTES)
        .with_isolation_level(isolation.wire())
        .with_session_id(0)
        .with_session_epoch(-1)
        .with_topics(topics)
}
