//! Copying one partition from the source to the destination: records are read in order from
//! where the checkpoint says, written to the same partition number with their key, value,
//! headers and timestamp (in batches of the source's codec, acks=all), and the checkpoint is
//! advanced after every acknowledged batch. Optionally throttled to a record rate.

use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use indicatif::ProgressBar;
use streamline::client::produce::OutgoingRecord;
use streamline::client::records::Record;
use streamline::client::Client;

use super::checkpoint::{self, Checkpoint};
use super::plan::PartitionPlan;
use super::read::RangeReader;

/// Most records in one destination batch.
const BATCH_RECORDS: usize = 2000;
/// Most key, value and header bytes in one destination batch, well under the brokers'
/// default message size limit of 1 MiB even uncompressed.
const BATCH_BYTES: usize = 512 * 1024;

/// Keeps the copy at or below a record rate over the whole run.
pub struct Throttle {
    rate: Option<u64>,
    started: Instant,
    records: u64,
}

impl Throttle {
    pub fn new(rate: Option<u64>) -> Throttle {
        Throttle {
            rate: rate.filter(|r| *r > 0),
            started: Instant::now(),
            records: 0,
        }
    }

    /// Largest batch that keeps the rate smooth (a tenth of a second's worth).
    fn batch_limit(&self) -> usize {
        self.rate.map_or(BATCH_RECORDS, |r| {
            usize::try_from(r / 10)
                .unwrap_or(BATCH_RECORDS)
                .clamp(1, BATCH_RECORDS)
        })
    }

    /// Waits until `n` more records fit under the rate.
    async fn admit(&mut self, n: usize) {
        self.records += n as u64;
        if let Some(rate) = self.rate {
            let due = Duration::from_secs_f64(self.records as f64 / rate as f64);
            let elapsed = self.started.elapsed();
            if due > elapsed {
                tokio::time::sleep(due - elapsed).await;
            }
        }
    }
}

/// How progress is shown: a bar on a terminal, a line per partition otherwise.
pub enum Progress {
    Bar(ProgressBar),
    Lines,
}

/// What copying one partition did.
pub struct Copied {
    pub records: u64,
    /// Records found already on the destination past the checkpoint (an interrupted batch).
    pub already_there: u64,
    /// The destination's end offset afterwards.
    pub dest_end: i64,
}

fn outgoing(record: &Record) -> OutgoingRecord {
    OutgoingRecord {
        key: record.key.clone(),
        value: record.value.clone(),
        headers: record
            .headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        timestamp: record.timestamp,
    }
}

/// Splits `records` into destination batches by count and size.
fn batches(records: &[Record], max_records: usize) -> Vec<&[Record]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, r) in records.iter().enumerate() {
        let size = r.key.as_ref().map_or(0, |k| k.len())
            + r.value.as_ref().map_or(0, |v| v.len())
            + r.headers
                .iter()
                .map(|(k, v)| k.len() + v.as_ref().map_or(0, |v| v.len()))
                .sum::<usize>();
        if i > start && (i - start >= max_records || bytes + size > BATCH_BYTES) {
            out.push(&records[start..i]);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < records.len() {
        out.push(&records[start..]);
    }
    out
}

/// Copies what is left of one partition (up to the source end offset of the plan).
pub async fn partition(
    source: &Client,
    dest: &Client,
    topic: &str,
    plan: &PartitionPlan,
    source_cluster: &str,
    throttle: &mut Throttle,
    progress: &Progress,
) -> anyhow::Result<Copied> {
    let p = plan.partition;
    let (mut position, mut skip) = match &plan.checkpoint {
        Some(c) => (c.source_next, plan.dest_end - c.dest_at),
        None => (plan.source_start, 0),
    };
    if position < plan.source_start {
        // Only reached with nothing to skip: the plan refuses the other case.
        anstream::eprintln!(
            "warning: {topic}/{p}: the source deleted offsets {position}..{} before they were copied",
            plan.source_start
        );
        position = plan.source_start;
    }
    let mut dest_end = plan.dest_end;
    if plan.checkpoint.is_none() {
        // Written before any record, so that whatever lands on the destination from now on
        // is known to be ours.
        let start = Checkpoint {
            source_cluster: source_cluster.to_string(),
            source_next: position,
            dest_at: dest_end,
        };
        checkpoint::save(dest, topic, p, &start).await?;
    }
    let mut copied = Copied {
        records: 0,
        already_there: u64::try_from(skip).unwrap_or(0),
        dest_end,
    };
    let mut last_saved = plan.checkpoint.as_ref().map(|c| c.source_next);
    let mut reader = RangeReader::new(source, "source", topic, p, position..plan.source_end);
    while let Some(chunk) = reader.next_chunk().await? {
        let mut records = chunk.records;
        let present = usize::try_from(skip).unwrap_or(0).min(records.len());
        records.drain(..present);
        skip -= present as i64;
        let compression = chunk.compression;
        for batch in batches(&records, throttle.batch_limit()) {
            throttle.admit(batch.len()).await;
            let out: Vec<OutgoingRecord> = batch.iter().map(outgoing).collect();
            let appended = dest
                .produce(topic, p, &out, compression, -1)
                .await
                .with_context(|| format!("writing {topic}/{p} on the destination"))?;
            let base = appended.base_offset.unwrap_or(dest_end);
            if base != dest_end {
                bail!(
                    "{topic}/{p} on the destination was written to by someone else during the migration (expected offset {dest_end}, got {base}); stop those producers and run again"
                );
            }
            dest_end = base + batch.len() as i64;
            let last = batch.last().map_or(reader.position, |r| r.offset);
            let reached = Checkpoint {
                source_cluster: source_cluster.to_string(),
                source_next: last + 1,
                dest_at: dest_end,
            };
            checkpoint::save(dest, topic, p, &reached).await?;
            last_saved = Some(reached.source_next);
            copied.records += batch.len() as u64;
            if let Progress::Bar(bar) = progress {
                bar.inc(batch.len() as u64);
            }
        }
    }
    let position = reader.position;
    if skip > 0 {
        bail!(
            "{topic}/{p}: the destination holds {skip} more record(s) than the source has past the checkpoint"
        );
    }
    if last_saved != Some(position) {
        // Trailing control batches or gaps: remember them too, so the next run starts there.
        let reached = Checkpoint {
            source_cluster: source_cluster.to_string(),
            source_next: position,
            dest_at: dest_end,
        };
        checkpoint::save(dest, topic, p, &reached).await?;
    }
    copied.dest_end = dest_end;
    if let Progress::Lines = progress {
        anstream::eprintln!(
            "{topic}/{p}: copied {} record(s){}",
            copied.records,
            if copied.already_there > 0 {
                format!(" ({} already there)", copied.already_there)
            } else {
                String::new()
            }
        );
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn record(offset: i64, size: usize) -> Record {
        Record {
            offset,
            timestamp: 0,
            key: None,
            value: Some(Bytes::from(vec![b'x'; size])),
            headers: Default::default(),
        }
    }

    #[test]
    fn batches_respect_count_and_size() {
        let records: Vec<Record> = (0..10).map(|i| record(i, 10)).collect();
        let sizes: Vec<usize> = batches(&records, 4).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [4, 4, 2]);
        let big: Vec<Record> = (0..3).map(|i| record(i, BATCH_BYTES / 2 + 1)).collect();
        let sizes: Vec<usize> = batches(&big, 100).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [1, 1, 1]);
        assert!(batches(&[], 10).is_empty());
    }

    /// An earlier run wrote records 4 and 5 but died before checkpointing them: the next run
    /// finds them on the destination and copies only what follows.
    #[tokio::test]
    async fn a_batch_written_before_its_checkpoint_is_not_copied_twice() {
        let dir = tempfile::tempdir().unwrap();
        let source = Client::local(&dir.path().join("source")).await.unwrap();
        let dest = Client::local(&dir.path().join("dest")).await.unwrap();
        let records: Vec<OutgoingRecord> = (0..10)
            .map(|i| OutgoingRecord {
                key: Some(Bytes::from(format!("k{i}"))),
                value: Some(Bytes::from(format!("v{i}"))),
                headers: vec![("h".into(), None)],
                timestamp: 1_700_000_000_000 + i,
            })
            .collect();
        let none = kafka_protocol::records::Compression::None;
        for client in [&source, &dest] {
            client.create_topic("t", 1, -1, &[]).await.unwrap();
        }
        source.produce("t", 0, &records, none, -1).await.unwrap();
        dest.produce("t", 0, &records[..6], none, -1).await.unwrap();
        let stale = Checkpoint {
            source_cluster: "src".into(),
            source_next: 4,
            dest_at: 4,
        };
        checkpoint::save(&dest, "t", 0, &stale).await.unwrap();
        let plan = PartitionPlan {
            partition: 0,
            source_start: 0,
            source_end: 10,
            dest_start: 0,
            dest_end: 6,
            checkpoint: Some(stale),
        };
        let copied = partition(
            &source,
            &dest,
            "t",
            &plan,
            "src",
            &mut Throttle::new(None),
            &Progress::Lines,
        )
        .await
        .unwrap();
        assert_eq!(
            (copied.records, copied.already_there, copied.dest_end),
            (4, 2, 10)
        );
        let saved = checkpoint::load(&dest).await.unwrap();
        assert_eq!(saved[&("t".to_string(), 0)].source_next, 10);
        assert_eq!(saved[&("t".to_string(), 0)].dest_at, 10);
        let ranges = super::super::verify::Ranges {
            source: 0..10,
            destination: 0..10,
        };
        let (check, translated) =
            super::super::verify::partition(&source, &dest, "t", 0, ranges, &[0, 7, 12])
                .await
                .unwrap();
        assert!(check.ok);
        assert_eq!(check.source.records, 10);
        assert_eq!(translated, [0, 7, 10]);
    }

    #[test]
    fn throttle_batches_are_a_tenth_of_the_rate() {
        assert_eq!(Throttle::new(None).batch_limit(), BATCH_RECORDS);
        assert_eq!(Throttle::new(Some(500)).batch_limit(), 50);
        assert_eq!(Throttle::new(Some(3)).batch_limit(), 1);
    }
}
