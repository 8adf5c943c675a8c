//! `streamline topics watch`: the per-topic figures of `streamline top` as plain lines, one
//! report per interval — for scripts, logs and terminals without a dashboard. Rates are
//! measured between two looks at the cluster, so the first report comes after one interval.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;
use streamline::client::Client;
use streamline_tui::Stats;

use crate::output::{write_table, Format};
use crate::timespec::parse_duration;
use crate::top::take_snapshot;

#[derive(Serialize)]
struct TopicReport<'a> {
    time: String,
    topic: &'a str,
    partitions: usize,
    messages_per_sec: f64,
    bytes_per_sec: Option<f64>,
    messages: i64,
    size_bytes: Option<i64>,
}

pub async fn run(
    client: &Client,
    names: &[String],
    interval: &str,
    count: Option<u64>,
    format: Format,
) -> anyhow::Result<()> {
    let interval = parse_duration(interval)?;
    if interval.is_zero() {
        bail!("--interval must be more than 0");
    }
    let mut stats = Stats::default();
    let first = take_snapshot(client).await?;
    for name in names {
        if !first.topics.iter().any(|t| &t.name == name) {
            bail!("topic '{name}' does not exist (see `streamline topics list`)");
        }
    }
    stats.update(&first);
    let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
    let mut reports = 0u64;
    while count.is_none_or(|n| reports < n) {
        ticker.tick().await;
        let snapshot = take_snapshot(client).await?;
        stats.update(&snapshot);
        let time = chrono::DateTime::from_timestamp_millis(snapshot.taken_at_ms)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let rows: Vec<TopicReport> = snapshot
            .topics
            .iter()
            .filter(|t| names.is_empty() || names.contains(&t.name))
            .map(|t| {
                let rates = stats.topics.get(&t.name).copied().unwrap_or_default();
                TopicReport {
                    time: time.clone(),
                    topic: &t.name,
                    partitions: t.partitions.len(),
                    messages_per_sec: (rates.messages_per_sec * 10.0).round() / 10.0,
                    bytes_per_sec: rates.bytes_per_sec.map(|b| b.round()),
                    messages: t.messages(),
                    size_bytes: t.size_bytes(),
                }
            })
            .collect();
        // Through anstream, so headings are bold only where colour is wanted.
        let mut out = anstream::stdout().lock();
        match format {
            Format::Json => {
                for row in &rows {
                    serde_json::to_writer(&mut out, row)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Text => {
                let table: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.time.clone(),
                            r.topic.to_string(),
                            format!("{:.1}", r.messages_per_sec),
                            r.bytes_per_sec.map_or("-".into(), |b| format!("{b:.0}")),
                            r.messages.to_string(),
                            r.size_bytes.map_or("-".into(), |b| b.to_string()),
                        ]
                    })
                    .collect();
                write_table(
                    &mut out,
                    &[
                        "TIME",
                        "TOPIC",
                        "MSG/S",
                        "BYTES/S",
                        "MESSAGES",
                        "SIZE_BYTES",
                    ],
                    &table,
                )?;
            }
        }
        out.flush()?;
        reports += 1;
    }
    Ok(())
}
