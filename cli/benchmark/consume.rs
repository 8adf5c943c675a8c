//! The consuming side of a benchmark: consumers reading the topic from the start, each
//! fetch timed; and end to end, a producer at a fixed rate with a consumer timing each
//! record's arrival against the stamp in its value.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use streamline::client::fetch::FetchPosition;
use streamline::client::offsets::OffsetSpec;
use streamline::client::records::decode;
use streamline::client::Client;

use super::produce::{ensure_topic, produce_loop, ProducerTask};
use super::report::Tally;
use super::settings::Settings;

pub(super) async fn run_consume(
    client: Arc<Client>,
    s: &Settings,
    tally: Arc<Tally>,
) -> anyhow::Result<()> {
    let partitions = client.partitions(&s.topic, false).await.with_context(|| {
        format!(
            "nothing to read: produce first (streamline benchmark produce -t {})",
            s.topic
        )
    })?;
    let topics = vec![(s.topic.clone(), partitions.clone())];
    let starts = client.offsets_of(&topics, OffsetSpec::Earliest).await?;
    let ends = client.offsets_of(&topics, OffsetSpec::Latest).await?;
    let available: i64 = ends
        .iter()
        .map(|(k, e)| e - starts.get(k).copied().unwrap_or(0))
        .sum();
    if available <= 0 {
        bail!(
            "topic '{}' is empty: produce first (streamline benchmark produce -t {})",
            s.topic,
            s.topic
        );
    }
    let wanted = s
        .messages
        .map_or(available as u64, |m| m.min(available as u64));
    let mut tasks = Vec::new();
    for c in 0..s.consumers {
        let mine: Vec<FetchPosition> = partitions
            .iter()
            .enumerate()
            .filter(|(i, _)| i % s.consumers == c)
            .map(|(_, &p)| FetchPosition {
                topic: s.topic.clone(),
                partition: p,
                offset: starts.get(&(s.topic.clone(), p)).copied().unwrap_or(0),
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let ends: BTreeMap<i32, i64> = mine
            .iter()
            .map(|p| {
                (
                    p.partition,
                    ends.get(&(s.topic.clone(), p.partition))
                        .copied()
                        .unwrap_or(0),
                )
            })
            .collect();
        let (client, tally) = (client.clone(), tally.clone());
        tasks.push(tokio::spawn(async move {
            let mut positions = mine;
            loop {
                positions.retain(|p| p.offset < ends[&p.partition]);
                if positions.is_empty()
                    || tally.records.load(Ordering::Relaxed) >= wanted
                    || tally.expired()
                {
                    return anyhow::Ok(());
                }
                let asked = Instant::now();
                let fetched = client.fetch(&positions, 100).await?;
                let took = asked.elapsed();
                for part in fetched {
                    let Some(pos) = positions.iter_mut().find(|p| p.partition == part.partition)
                    else {
                        continue;
                    };
                    let decoded = decode(&part.records, pos.offset)?;
                    let end = ends[&part.partition];
                    let records: Vec<_> =
                        decoded.records.iter().filter(|r| r.offset < end).collect();
                    let bytes: u64 = records
                        .iter()
                        .map(|r| r.value.as_ref().map_or(0, |v| v.len() as u64))
                        .sum();
                    let left = wanted.saturating_sub(tally.records.load(Ordering::Relaxed));
                    let counted = (records.len() as u64).min(left);
                    if counted > 0 {
                        tally.add(counted, bytes, took);
                    }
                    if let Some(next) = decoded.next_offset {
                        pos.offset = next;
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await??;
    }
    Ok(())
}

pub(super) async fn run_end_to_end(
    client: Arc<Client>,
    s: &Settings,
    tally: Arc<Tally>,
) -> anyhow::Result<()> {
    let partitions = ensure_topic(&client, s).await?;
    let topics = vec![(s.topic.clone(), partitions.clone())];
    let ends = client.offsets_of(&topics, OffsetSpec::Latest).await?;
    // The producer gets its own connections, as a separate producer process would: on a
    // shared one its requests would queue behind the consumer's long polls.
    let producer_client = match client.mode() {
        streamline::client::Mode::Remote { .. } => Arc::new(client.reconnect().await?),
        streamline::client::Mode::Local { .. } | streamline::client::Mode::InProcess => {
            client.clone()
        }
    };
    let start = Instant::now();
    let producer = tokio::spawn(produce_loop(ProducerTask {
        client: producer_client,
        s: s.clone(),
        partitions: partitions.clone(),
        share: s.messages,
        rate: s.rate,
        tally: tally.clone(),
        start,
        stamp: true,
    }));
    let mut positions: Vec<FetchPosition> = partitions
        .iter()
        .map(|&p| FetchPosition {
            topic: s.topic.clone(),
            partition: p,
            offset: ends.get(&(s.topic.clone(), p)).copied().unwrap_or(0),
        })
        .collect();
    let wanted = s.messages;
    loop {
        if wanted.is_some_and(|n| tally.records.load(Ordering::Relaxed) >= n)
            || (wanted.is_none() && tally.expired() && producer.is_finished())
        {
            break;
        }
        for part in client.fetch(&positions, 500).await? {
            let arrived = start.elapsed();
            let Some(pos) = positions.iter_mut().find(|p| p.partition == part.partition) else {
                continue;
            };
            let decoded = decode(&part.records, pos.offset)?;
            for r in &decoded.records {
                let sent = r
                    .value
                    .as_ref()
                    .and_then(|v| v.get(..8))
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes)
                    .unwrap_or(0);
                let latency = arrived.saturating_sub(Duration::from_nanos(sent));
                tally.add(1, r.value.as_ref().map_or(0, |v| v.len() as u64), latency);
            }
            if let Some(next) = decoded.next_offset {
                pos.offset = next;
            }
        }
    }
    producer.await??;
    Ok(())
}
