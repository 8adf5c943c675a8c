//! `streamline benchmark`: producer, consumer and end-to-end latency runs against the data
//! directory in-process or any cluster, reported as Kafka's perf-test tools do — records/s,
//! MB/s, average and maximum latency, p50, p95, p99, p99.9 — from an HDR histogram.
//!
//! - `produce`: `--producers` tasks send batches of about 16 KiB round-robin over the
//!   partitions; a record's latency is its batch's time from send to acknowledgement.
//! - `consume`: `--consumers` tasks read the topic from the start (partitions split between
//!   them) up to `--messages` records; latency is each fetch's round trip.
//! - `end-to-end`: one producer at `--rate`, one consumer reading what it writes; latency is
//!   from the moment a record was due to be sent to its arrival at the consumer (one process,
//!   one clock). When acknowledgements are slower than the rate, the next request carries
//!   every record due by then, so the rate holds on a replicated cluster.
//!
//! `--scenario NAME` picks a named set of defaults (`--list-scenarios`), and flags given
//! explicitly override it.
//!
//! This file holds the flags and [`run`]; the parts are `settings` (scenarios and flags
//! merged), `produce`, `consume` (with end to end) and `report` (what a run counts, and the
//! report made of it).

mod consume;
mod produce;
mod report;
mod settings;

use std::io::Write;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::connect::ConnectArgs;
use crate::output::{write_json, Format};
use crate::produce::Codec;
use consume::{run_consume, run_end_to_end};
use produce::run_produce;
use report::{histogram, progress, report, Tally};
use settings::{settings, SCENARIOS};

/// Bytes of records per produce request.
const BATCH_BYTES: usize = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Producer throughput and acknowledgement latency
    Produce,
    /// Consumer throughput, reading the topic from the start
    Consume,
    /// Latency from send to arrival at a consumer, at a fixed rate
    EndToEnd,
}

#[derive(Debug, clap::Args)]
pub struct BenchmarkArgs {
    /// What to measure
    #[arg(value_enum, default_value = "produce")]
    mode: Mode,

    /// Topic to use (created with --partitions if it does not exist)
    #[arg(short, long, default_value = "benchmark")]
    topic: String,

    /// Records to send or read [default: 100000, or the scenario's]
    #[arg(short = 'n', long, value_name = "N")]
    messages: Option<u64>,

    /// Run for this long instead of a number of records (e.g. 30s, 2m)
    #[arg(short, long, value_name = "DURATION", value_parser = crate::timespec::duration_arg)]
    duration: Option<String>,

    /// Value size in bytes [default: 100, or the scenario's]
    #[arg(short, long, value_name = "BYTES")]
    size: Option<usize>,

    /// Partitions of the topic when it is created [default: 1, or the scenario's]
    #[arg(short, long, value_name = "N")]
    partitions: Option<i32>,

    /// Acknowledgements: 0, 1 or all [default: all, or the scenario's]
    #[arg(long, value_parser = ["0", "1", "all"])]
    acks: Option<String>,

    /// Compression of produced batches [default: none]
    #[arg(long, value_enum)]
    compression: Option<Codec>,

    /// Concurrent producers [default: 1]
    #[arg(long, value_name = "N")]
    producers: Option<usize>,

    /// Concurrent consumers [default: 1]
    #[arg(long, value_name = "N")]
    consumers: Option<usize>,

    /// Records per second in all (default: as fast as possible; end-to-end: 1000)
    #[arg(long, value_name = "N")]
    rate: Option<f64>,

    /// Start from a named set of defaults (see --list-scenarios); flags still override
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,

    /// List the scenarios and exit
    #[arg(long)]
    list_scenarios: bool,

    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,

    #[command(flatten)]
    connect: ConnectArgs,
}

pub async fn run(args: BenchmarkArgs) -> anyhow::Result<()> {
    let mut out = anstream::stdout().lock();
    if args.list_scenarios {
        for s in SCENARIOS {
            writeln!(out, "{:<12} {}", s.name, s.about)?;
        }
        return Ok(());
    }
    let s = settings(&args)?;
    let client = args.connect.connect().await?;
    let tally = Arc::new(Tally {
        records: AtomicU64::new(0),
        bytes: AtomicU64::new(0),
        latencies: Mutex::new(histogram()),
        bar: progress(
            s.messages,
            match s.mode {
                Mode::Consume => "read",
                _ => "sent",
            },
        ),
        deadline: s
            .duration_ms
            .map(|ms| Instant::now() + Duration::from_millis(ms)),
    });
    let started = Instant::now();
    match s.mode {
        Mode::Produce => run_produce(client, &s, tally.clone()).await?,
        Mode::Consume => run_consume(client, &s, tally.clone()).await?,
        Mode::EndToEnd => run_end_to_end(client, &s, tally.clone()).await?,
    }
    let elapsed = started.elapsed();
    if let Some(bar) = &tally.bar {
        bar.finish_and_clear();
    }
    let r = report(s, &tally, elapsed);
    match args.format {
        Format::Json => write_json(&mut out, &r)?,
        Format::Text => {
            let verb = match r.settings.mode {
                Mode::Produce => "sent",
                Mode::Consume => "read",
                Mode::EndToEnd => "sent and received",
            };
            let l = &r.latency_ms;
            writeln!(
                out,
                "{} records {verb}, {:.1} records/sec ({:.2} MB/sec), {:.2} ms avg latency, {:.2} ms max latency, {:.2} ms 50th, {:.2} ms 95th, {:.2} ms 99th, {:.2} ms 99.9th.",
                r.records, r.records_per_sec, r.mb_per_sec, l.avg, l.max, l.p50, l.p95, l.p99, l.p999
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
