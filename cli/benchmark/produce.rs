//! The producing side of a benchmark: the topic set up, producer tasks sending batches of
//! stamped values round-robin over the partitions, each batch's acknowledgement timed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use bytes::Bytes;
use kafka_protocol::records::Compression;
use streamline::client::produce::OutgoingRecord;
use streamline::client::Client;

use super::report::Tally;
use super::settings::Settings;
use super::BATCH_BYTES;

pub(super) async fn ensure_topic(client: &Client, s: &Settings) -> anyhow::Result<Vec<i32>> {
    if client.partitions(&s.topic, false).await.is_err() {
        client
            .create_topic(&s.topic, s.partitions, -1, &[])
            .await
            .with_context(|| format!("creating topic '{}'", s.topic))?;
    }
    Ok(client.partitions(&s.topic, false).await?)
}

/// A value of `size` bytes starting with `nanos`, a send time since the run's start.
pub(super) fn stamped_value(pattern: &Bytes, nanos: u64) -> Bytes {
    let mut value = pattern.to_vec();
    if let Some(stamp) = value.first_chunk_mut::<8>() {
        *stamp = nanos.to_be_bytes();
    }
    Bytes::from(value)
}

/// One producer's part of a run.
pub(super) struct ProducerTask {
    pub(super) client: Arc<Client>,
    pub(super) s: Settings,
    pub(super) partitions: Vec<i32>,
    /// Records to send; `None` until the deadline.
    pub(super) share: Option<u64>,
    /// This producer's records per second, if limited.
    pub(super) rate: Option<f64>,
    pub(super) tally: Arc<Tally>,
    pub(super) start: Instant,
    /// End-to-end: stamp each value with its send time and leave latency to the consumer.
    pub(super) stamp: bool,
}

pub(super) async fn produce_loop(task: ProducerTask) -> anyhow::Result<()> {
    let ProducerTask {
        client,
        s,
        partitions,
        share,
        rate,
        tally,
        start,
        stamp,
    } = task;
    let per_batch = (BATCH_BYTES / s.size.max(1)).max(1) as u64;
    let pattern = Bytes::from(
        (0..s.size)
            .map(|i| b'a' + (i % 26) as u8)
            .collect::<Vec<u8>>(),
    );
    let compression = Compression::from(s.compression);
    let mut sent = 0u64;
    let mut next = 0usize;
    while share.is_none_or(|n| sent < n) && !tally.expired() {
        // At a rate, a request carries every record due by now: one when the answers keep
        // up, more while a slow acknowledgement (acks=all on a replicated cluster) held the
        // last one — as a Kafka producer's batch fills while the one before is in flight.
        let due_now = match rate {
            Some(rate) => {
                let due = start + Duration::from_secs_f64(sent as f64 / rate);
                tokio::time::sleep_until(due.into()).await;
                ((start.elapsed().as_secs_f64() * rate) as u64 + 1).saturating_sub(sent)
            }
            None => per_batch,
        };
        let count = due_now.clamp(1, per_batch);
        let count = share.map_or(count, |n| count.min(n - sent));
        let now_ms = chrono::Utc::now().timestamp_millis();
        let records: Vec<OutgoingRecord> = (0..count)
            .map(|i| OutgoingRecord {
                key: None,
                value: Some(if stamp {
                    // The moment the record was due, so that end-to-end latency includes the
                    // time it waited for its request, as a producer's send() call would.
                    let due = match rate {
                        Some(rate) => Duration::from_secs_f64((sent + i) as f64 / rate),
                        None => start.elapsed(),
                    };
                    stamped_value(&pattern, due.as_nanos() as u64)
                } else {
                    pattern.clone()
                }),
                headers: Vec::new(),
                timestamp: now_ms,
            })
            .collect();
        let partition = partitions[next % partitions.len()];
        next += 1;
        let sent_at = Instant::now();
        client
            .produce(&s.topic, partition, &records, compression, s.acks)
            .await?;
        if !stamp {
            tally.add(count, count * s.size as u64, sent_at.elapsed());
        }
        sent += count;
    }
    Ok(())
}

pub(super) async fn run_produce(
    client: Arc<Client>,
    s: &Settings,
    tally: Arc<Tally>,
) -> anyhow::Result<()> {
    let partitions = ensure_topic(&client, s).await?;
    let start = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..s.producers as u64 {
        let share = s.messages.map(|n| {
            let base = n / s.producers as u64;
            base + u64::from(i < n % s.producers as u64)
        });
        let rate = s.rate.map(|r| r / s.producers as f64);
        tasks.push(tokio::spawn(produce_loop(ProducerTask {
            client: client.clone(),
            s: s.clone(),
            partitions: partitions.clone(),
            share,
            rate,
            tally: tally.clone(),
            start,
            stamp: false,
        })));
    }
    for t in tasks {
        t.await??;
    }
    Ok(())
}
