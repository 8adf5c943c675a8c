//! `topics export` and `topics import`: a topic to a JSON Lines file and back, losslessly —
//! partition, timestamp, key, value and headers of every committed record (null and empty
//! kept apart, non-UTF-8 bytes as base64), so a round trip reproduces the topic's content as
//! consumers see it.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use kafka_protocol::records::Compression;
use streamline::client::fetch::FetchPosition;
use streamline::client::offsets::{Isolation, OffsetSpec};
use streamline::client::produce::OutgoingRecord;
use streamline::client::records::decode_fetched;
use streamline::client::Client;

use crate::jsonl::JsonRecord;

/// Records per produce request during import.
const IMPORT_BATCH_RECORDS: usize = 1000;

fn progress(total: u64, what: &str) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} records {what} [{{elapsed}}, {{eta}} left]"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Exports `topic` to the file at `path` (made durable before returning), or to standard
/// output when there is none. Returns the number of records written.
pub async fn export(client: &Client, topic: &str, path: Option<&Path>) -> anyhow::Result<u64> {
    let Some(path) = path else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = export_to(client, topic, &mut out).await?;
        out.flush()?;
        return Ok(written);
    };
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let written = export_to(client, topic, &mut out).await?;
    out.flush()?;
    out.into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()
        .with_context(|| format!("cannot sync {}", path.display()))?;
    Ok(written)
}

/// Writes every record of `topic`, partition by partition, from the start of each partition
/// to the end offset seen when the export began. Returns the number of records written.
async fn export_to(client: &Client, topic: &str, out: &mut impl Write) -> anyhow::Result<u64> {
    let partitions = client.partitions(topic, false).await?;
    let starts = client
        .list_offsets(topic, &partitions, OffsetSpec::Earliest)
        .await?;
    // Committed records only, as consumers see them: export stops before open transactions.
    let ends = client
        .list_offsets_as(
            topic,
            &partitions,
            OffsetSpec::Latest,
            Isolation::ReadCommitted,
        )
        .await?;
    let total: i64 = starts
        .iter()
        .zip(&ends)
        .map(|(s, e)| (e.offset - s.offset).max(0))
        .sum();
    let bar = progress(total.max(0) as u64, "exported");
    let mut written = 0u64;
    for (start, end) in starts.iter().zip(&ends) {
        let mut position = FetchPosition {
            topic: topic.to_string(),
            partition: start.partition,
            offset: start.offset,
        };
        while position.offset < end.offset {
            let fetched = client
                .fetch_as(std::slice::from_ref(&position), 0, Isolation::ReadCommitted)
                .await?;
            let Some(part) = fetched.into_iter().next() else {
                bail!("no fetch answer for {topic}/{}", position.partition);
            };
            if let Some(e) = part.error {
                bail!(
                    "reading {topic}/{}: {}",
                    position.partition,
                    streamline::error::in_words(e)
                );
            }
            let decoded = decode_fetched(&part, position.offset)?;
            let Some(next) = decoded.next_offset else {
                // Nothing more is readable although the end offset is ahead: the tail was
                // deleted meanwhile (retention); what exists has been exported.
                break;
            };
            for record in decoded.records.iter().filter(|r| r.offset < end.offset) {
                serde_json::to_writer(
                    &mut *out,
                    &JsonRecord::from_record(topic, position.partition, record),
                )?;
                out.write_all(b"\n")?;
                written += 1;
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
            }
            position.offset = next;
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(written)
}

/// Reads `path` line by line; `f` sees each record with its 1-based line number.
fn for_each_line(
    path: &Path,
    mut f: impl FnMut(usize, JsonRecord) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: JsonRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}: line {} is not a record", path.display(), i + 1))?;
        f(i + 1, record)?;
    }
    Ok(())
}

fn outgoing(record: JsonRecord) -> anyhow::Result<(i32, OutgoingRecord)> {
    let headers = record
        .headers
        .into_iter()
        .map(|h| Ok((h.key, h.value.map(|v| v.into_bytes()).transpose()?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((
        record.partition,
        OutgoingRecord {
            key: record.key.map(|k| k.into_bytes()).transpose()?,
            value: record.value.map(|v| v.into_bytes()).transpose()?,
            headers,
            timestamp: record.timestamp,
        },
    ))
}

/// Produces every record of `path` to `topic`, into the partition it names. The file is
/// checked completely before anything is sent; a missing topic is created with enough
/// partitions. Returns the number of records imported.
pub async fn import(client: &Client, topic: &str, path: &Path) -> anyhow::Result<u64> {
    let mut total = 0u64;
    let mut max_partition = -1i32;
    for_each_line(path, |line, record| {
        if record.partition < 0 {
            bail!(
                "{}: line {line} has negative partition {}",
                path.display(),
                record.partition
            );
        }
        outgoing(record.clone()).with_context(|| format!("{}: line {line}", path.display()))?;
        max_partition = max_partition.max(record.partition);
        total += 1;
        Ok(())
    })?;
    let needed = max_partition + 1;
    let existing = match client.partitions(topic, false).await {
        Ok(p) => p.len() as i32,
        Err(streamline::Error::Kafka {
            error: kafka_protocol::error::ResponseError::UnknownTopicOrPartition,
            ..
        }) => {
            client.create_topic(topic, needed.max(1), -1, &[]).await?;
            needed.max(1)
        }
        Err(e) => return Err(e.into()),
    };
    if existing < needed {
        bail!("topic '{topic}' has {existing} partition(s) but the file has records for partition {max_partition}; grow it first (topics alter {topic} --partitions {needed})");
    }
    let bar = progress(total, "imported");
    let mut pending: BTreeMap<i32, Vec<OutgoingRecord>> = BTreeMap::new();
    let mut imported = 0u64;
    let mut send = async |partition: i32, records: Vec<OutgoingRecord>| -> anyhow::Result<()> {
        client
            .produce(topic, partition, &records, Compression::None, -1)
            .await?;
        imported += records.len() as u64;
        if let Some(bar) = &bar {
            bar.inc(records.len() as u64);
        }
        Ok(())
    };
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let (partition, record) = outgoing(serde_json::from_str(&line)?)?;
        let queue = pending.entry(partition).or_default();
        queue.push(record);
        if queue.len() >= IMPORT_BATCH_RECORDS {
            let full = std::mem::take(queue);
            send(partition, full).await?;
        }
    }
    for (partition, records) in pending {
        if !records.is_empty() {
            send(partition, records).await?;
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(imported)
}
