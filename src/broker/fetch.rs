//! Fetch (API key 1): whole stored batches, never re-encoded, with long polling. With
//! `isolation_level` read_committed the answer stops at the last stable offset (the first
//! record of any open transaction) and lists the aborted transactions among what it returns.
//!
//! A fetch that finds fewer than `min_bytes` waits on the notifiers of the partitions it asked
//! for — never a sleep loop — until data arrives or `max_wait_ms` passes, then reads again.
//! Fetch sessions (KIP-227) are not kept: a client asking for one gets session id 0, which the
//! protocol defines as "no session", and keeps sending full requests; an incremental request
//! naming a session we never created gets FETCH_SESSION_ID_NOT_FOUND.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchRequest};
use kafka_protocol::messages::fetch_response::{
    AbortedTransaction, FetchResponse, FetchableTopicResponse, PartitionData,
};
use kafka_protocol::messages::ProducerId;
use tokio::sync::futures::Notified;

use super::context::RequestContext;
use super::lookup::partition_at_epoch;
use super::partition::Partition;
use super::topic::Topic;
use super::Broker;
use crate::metrics::BrokerMetrics;
use crate::protocol::batch;
use crate::security::acl::{Operation, ResourceType};
use crate::Error;

/// The longest a fetch may wait, whatever the client asks (Kafka clients use up to ~30 s).
pub const MAX_WAIT_MS_LIMIT: i32 = 60_000;

/// The largest response we build, whatever the client asks.
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// What one requested partition resolved to.
struct Target {
    topic_slot: usize,
    request: FetchPartition,
    partition: Result<Arc<Partition>, ResponseError>,
}

/// Handles a Fetch request, waiting for data as `min_bytes` and `max_wait_ms` ask. A topic the
/// principal may not READ answers TOPIC_AUTHORIZATION_FAILED for its partitions.
pub async fn handle(
    broker: &Broker,
    req: FetchRequest,
    version: i16,
    ctx: &RequestContext,
) -> FetchResponse {
    let enforced = broker.security.enforced_for(ctx);
    if version >= 7 && req.session_id != 0 {
        return FetchResponse::default()
            .with_error_code(ResponseError::FetchSessionIdNotFound.code())
            .with_session_id(0);
    }
    let mut topics = Vec::with_capacity(req.topics.len());
    // The topic behind each response slot, whose traffic counters the answer moves.
    let mut counted: Vec<Option<Arc<Topic>>> = Vec::with_capacity(req.topics.len());
    let mut targets = Vec::new();
    for fetch_topic in req.topics {
        let topic = if version >= 13 {
            broker
                .topic_by_id(fetch_topic.topic_id)
                .ok_or(ResponseError::UnknownTopicId)
        } else if enforced
            && !broker.security.authorize(
                ctx,
                ResourceType::Topic,
                &fetch_topic.topic,
                Operation::Read,
            )
        {
            Err(ResponseError::TopicAuthorizationFailed)
        } else {
            broker
                .topic(&fetch_topic.topic)
                .ok_or(ResponseError::UnknownTopicOrPartition)
        };
        let topic = topic.and_then(|t| {
            if enforced
                && version >= 13
                && !broker
                    .security
                    .authorize(ctx, ResourceType::Topic, &t.name, Operation::Read)
            {
                Err(ResponseError::TopicAuthorizationFailed)
            } else {
                Ok(t)
            }
        });
        let mut response = FetchableTopicResponse::default();
        if version >= 13 {
            response.topic_id = fetch_topic.topic_id;
        } else {
            response.topic = fetch_topic.topic;
        }
        let topic_slot = topics.len();
        topics.push(response);
        counted.push(topic.as_ref().ok().cloned());
        for p in fetch_topic.partitions {
            let partition = match &topic {
                Ok(t) => partition_at_epoch(Some(t), p.partition, p.current_leader_epoch),
                Err(code) => Err(*code),
            };
            targets.push(Target {
                topic_slot,
                request: p,
                partition,
            });
        }
    }

    let max_bytes = usize::try_from(req.max_bytes)
        .unwrap_or(0)
        .min(MAX_RESPONSE_BYTES);
    let min_bytes = usize::try_from(req.min_bytes).unwrap_or(0);
    let max_wait = Duration::from_millis(req.max_wait_ms.clamp(0, MAX_WAIT_MS_LIMIT) as u64);
    let deadline = tokio::time::Instant::now() + max_wait;
    let read_committed = req.isolation_level == 1;

    loop {
        // Subscribe before reading so that an append between the read and the wait wakes us.
        let partitions: Vec<Arc<Partition>> = targets
            .iter()
            .filter_map(|t| t.partition.as_ref().ok().cloned())
            .collect();
        let mut waiters: Vec<Pin<Box<Notified<'_>>>> =
            partitions.iter().map(|p| Box::pin(p.appended())).collect();
        for w in &mut waiters {
            w.as_mut().enable();
        }

        let (results, total_bytes, any_error) =
            read_all(&targets, max_bytes, read_committed, version);
        let now = tokio::time::Instant::now();
        if total_bytes >= min_bytes || any_error || now >= deadline || waiters.is_empty() {
            for (slot, data) in results {
                if let (Some(Some(topic)), Some(records)) = (counted.get(slot), &data.records) {
                    let (bytes, count) = batch::complete_batches(records);
                    if bytes > 0 {
                        topic.traffic.fetched(bytes, count);
                    }
                }
                if let Some(t) = topics.get_mut(slot) {
                    t.partitions.push(data);
                }
            }
            return FetchResponse::default()
                .with_responses(topics)
                .with_session_id(0);
        }
        let any_appended = std::future::poll_fn(|cx| {
            for w in waiters.iter_mut() {
                if w.as_mut().poll(cx).is_ready() {
                    return Poll::Ready(());
                }
            }
            Poll::Pending
        });
        // Either data arrived or the deadline passed; the next iteration reads again and
        // answers if the deadline is reached.
        let _waiting = BrokerMetrics::waiting(&broker.metrics.fetch_waiting);
        let _ = tokio::time::timeout_at(deadline, any_appended).await;
    }
}

/// Reads every target once. Returns the per-partition results, the bytes gathered and whether
/// any partition reported an error (errors are answered at once, as Kafka does).
fn read_all(
    targets: &[Target],
    max_bytes: usize,
    read_committed: bool,
    version: i16,
) -> (Vec<(usize, PartitionData)>, usize, bool) {
    let mut results = Vec::with_capacity(targets.len());
    let mut total = 0usize;
    let mut any_error = false;
    for t in targets {
        let mut data = PartitionData::default().with_partition_index(t.request.partition);
        let partition = match &t.partition {
            Ok(p) => p,
            Err(code) => {
                any_error = true;
                results.push((t.topic_slot, error_data(data, *code)));
                continue;
            }
        };
        // The response limit is soft for the first partition with data: Kafka returns at
        // least one whole batch so that a consumer can always make progress.
        let remaining = max_bytes.saturating_sub(total);
        let partition_max = usize::try_from(t.request.partition_max_bytes).unwrap_or(0);
        let budget = remaining.min(partition_max);
        let offsets = partition.offsets();
        data.high_watermark = offsets.log_end_offset;
        data.last_stable_offset = offsets.last_stable_offset;
        if version >= 5 {
            data.log_start_offset = offsets.log_start_offset;
        }
        let records = if budget == 0 && total > 0 {
            Ok(Bytes::new())
        } else {
            partition.read(t.request.fetch_offset, budget.max(1))
        };
        // read_committed sees nothing at or past the first open transaction, and learns which
        // transactions in what it reads were aborted, so the client can skip their records.
        let records = match records {
            Ok(bytes) if read_committed => {
                let (stable, next) = batch::batches_below(&bytes, offsets.last_stable_offset);
                let aborted = next.map_or_else(Vec::new, |to| {
                    partition.aborted_between(t.request.fetch_offset, to)
                });
                data.aborted_transactions = Some(
                    aborted
                        .into_iter()
                        .map(|a| {
                            AbortedTransaction::default()
                                .with_producer_id(ProducerId(a.producer_id))
                                .with_first_offset(a.first_offset)
                        })
                        .collect(),
                );
                Ok(stable)
            }
            other => other,
        };
        match records {
            Ok(bytes) if total > 0 && bytes.len() > remaining => {
                // Only the first partition with data may exceed the response limit.
                data.records = Some(Bytes::new());
            }
            Ok(bytes) => {
                total += bytes.len();
                data.records = Some(bytes);
            }
            Err(e @ Error::OffsetOutOfRange { .. }) => {
                any_error = true;
                data.error_code = e.kafka_code();
                data.records = Some(Bytes::new());
            }
            Err(e) => {
                tracing::error!(partition = t.request.partition, error = %e, "fetch read failed");
                any_error = true;
                data.error_code = e.kafka_code();
                data.records = Some(Bytes::new());
            }
        }
        results.push((t.topic_slot, data));
    }
    (results, total, any_error)
}

fn error_data(data: PartitionData, code: ResponseError) -> PartitionData {
    data.with_error_code(code.code())
        .with_high_watermark(-1)
        .with_last_stable_offset(-1)
        .with_log_start_offset(-1)
        .with_records(Some(Bytes::new()))
}
