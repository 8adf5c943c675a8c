//! `streamline benchmark`: producer, consumer and end-to-end latency runs against the data
//! directory in-process or any cluster, reported as Kafka's perf-test tools do — records/s,
//! MB/s, average and maximum latency, p50, p95, p99, p99.9 — from an HDR histogram.
//!
//! - `produce`: `--producers` tasks send batches of about 16 KiB round-robin over the
//!   partitions; a record's latency is its batch's time from send to acknowledgement.
//! - `consume`: `--consumers` tasks read the topic from the start (partitions split between
//!   them) up to `--messages` records; latency is each fetch's round trip.
//! - `end-to-end`: one producer at `--rate`, one consumer reading what it writes; latency is
//!   from the send to the record's arrival at the consumer (one process, one clock).
//!
//! `--scenario NAME` picks a named set of defaults (`--list-scenarios`), and flags given
//! explicitly override it.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use bytes::Bytes;
use hdrhistogram::Histogram;
use indicatif::{ProgressBar, ProgressStyle};
use kafka_protocol::records::Compression;
use serde::Serialize;
use streamline::client::fetch::FetchPosition;
use streamline::client::offsets::OffsetSpec;
use streamline::client::produce::OutgoingRecord;
use streamline::client::records::decode;
use streamline::client::Client;

use crate::connect::ConnectArgs;
use crate::output::{write_json, Format};
use crate::produce::Codec;
use crate::timespec::parse_duration;

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

/// A named set of defaults.
struct Scenario {
    name: &'static str,
    about: &'static str,
    mode: Mode,
    messages: u64,
    size: usize,
    partitions: i32,
    acks: &'static str,
    producers: usize,
    rate: Option<f64>,
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "quick",
        about: "a first look: 10,000 records of 100 B, acks=all",
        mode: Mode::Produce,
        messages: 10_000,
        size: 100,
        partitions: 1,
        acks: "all",
        producers: 1,
        rate: None,
    },
    Scenario {
        name: "throughput",
        about: "1,000,000 records of 100 B over 4 partitions from 2 producers, acks=1",
        mode: Mode::Produce,
        messages: 1_000_000,
        size: 100,
        partitions: 4,
        acks: "1",
        producers: 2,
        rate: None,
    },
    Scenario {
        name: "durable",
        about: "200,000 records of 1 KiB, acks=all: what fsync costs",
        mode: Mode::Produce,
        messages: 200_000,
        size: 1024,
        partitions: 1,
        acks: "all",
        producers: 1,
        rate: None,
    },
    Scenario {
        name: "large",
        about: "2,000 records of 100 KiB, acks=all",
        mode: Mode::Produce,
        messages: 2_000,
        size: 100 * 1024,
        partitions: 1,
        acks: "all",
        producers: 1,
        rate: None,
    },
    Scenario {
        name: "latency",
        about: "end to end at 1,000 records/s for 10,000 records of 100 B",
        mode: Mode::EndToEnd,
        messages: 10_000,
        size: 100,
        partitions: 1,
        acks: "1",
        producers: 1,
        rate: Some(1000.0),
    },
];

/// The settings of one run, scenario and flags merged.
#[derive(Debug, Clone, Serialize)]
struct Settings {
    mode: Mode,
    topic: String,
    messages: Option<u64>,
    duration_ms: Option<u64>,
    size: usize,
    partitions: i32,
    acks: i16,
    #[serde(serialize_with = "codec_name")]
    compression: Codec,
    producers: usize,
    consumers: usize,
    rate: Option<f64>,
}

/// A codec as `--compression` names it.
fn codec_name<S: serde::Serializer>(codec: &Codec, serializer: S) -> Result<S::Ok, S::Error> {
    use clap::ValueEnum;
    let name = codec
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string());
    serializer.serialize_str(&name)
}

#[derive(Debug, Serialize)]
struct Latency {
    avg: f64,
    max: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    p999: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    #[serde(flatten)]
    settings: Settings,
    records: u64,
    bytes: u64,
    elapsed_ms: u64,
    records_per_sec: f64,
    mb_per_sec: f64,
    /// Milliseconds.
    latency_ms: Latency,
}

fn settings(args: &BenchmarkArgs) -> anyhow::Result<Settings> {
    let scenario = match &args.scenario {
        None => None,
        Some(name) => Some(
            SCENARIOS
                .iter()
                .find(|s| s.name == name)
                .with_context(|| format!("no scenario '{name}' (see --list-scenarios)"))?,
        ),
    };
    let mode = match scenario {
        // A scenario's mode applies unless another one is named (produce is the default).
        Some(s) if args.mode == Mode::Produce => s.mode,
        _ => args.mode,
    };
    let duration = args.duration.as_deref().map(parse_duration).transpose()?;
    let acks = args
        .acks
        .as_deref()
        .or(scenario.map(|s| s.acks))
        .unwrap_or("all");
    let settings = Settings {
        mode,
        topic: args.topic.clone(),
        messages: match duration {
            Some(_) => args.messages,
            None => Some(
                args.messages
                    .or(scenario.map(|s| s.messages))
                    .unwrap_or(100_000),
            ),
        },
        duration_ms: duration.map(|d| d.as_millis() as u64),
        size: args.size.or(scenario.map(|s| s.size)).unwrap_or(100),
        partitions: args
            .partitions
            .or(scenario.map(|s| s.partitions))
            .unwrap_or(1),
        acks: match acks {
            "0" => 0,
            "1" => 1,
            _ => -1,
        },
        compression: args.compression.unwrap_or(Codec::None),
        producers: args
            .producers
            .or(scenario.map(|s| s.producers))
            .unwrap_or(1),
        consumers: args.consumers.unwrap_or(1),
        rate: args.rate.or(scenario.and_then(|s| s.rate)).or(match mode {
            Mode::EndToEnd => Some(1000.0),
            _ => None,
        }),
    };
    // Flags that mean nothing in this mode are refused rather than silently ignored.
    let irrelevant: &[(&str, bool)] = match mode {
        Mode::Produce => &[("--consumers", args.consumers.is_some())],
        Mode::Consume => &[
            ("--producers", args.producers.is_some()),
            ("--acks", args.acks.is_some()),
            ("--compression", args.compression.is_some()),
            ("--size", args.size.is_some()),
            ("--rate", args.rate.is_some()),
        ],
        Mode::EndToEnd => &[
            ("--producers", args.producers.is_some()),
            ("--consumers", args.consumers.is_some()),
        ],
    };
    if let Some((flag, _)) = irrelevant.iter().find(|(_, given)| *given) {
        bail!(
            "{flag} does not apply to a {} run",
            match mode {
                Mode::Produce => "produce",
                Mode::Consume => "consume",
                Mode::EndToEnd => "end-to-end (one producer, one consumer)",
            }
        );
    }
    if settings.messages == Some(0) {
        bail!("--messages must be at least 1");
    }
    if settings.size < 8 {
        bail!("--size must be at least 8 bytes (end-to-end stamps each value)");
    }
    if settings.producers == 0 || settings.consumers == 0 || settings.partitions < 1 {
        bail!("--producers, --consumers and --partitions must be at least 1");
    }
    if settings.rate.is_some_and(|r| !(r.is_finite() && r > 0.0)) {
        bail!("--rate must be a positive number of records per second");
    }
    Ok(settings)
}

fn histogram() -> Histogram<u64> {
    // Microseconds from 1 µs to an hour, 3 significant digits.
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid histogram bounds")
}

fn progress(total: Option<u64>, what: &'static str) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = match total {
            Some(n) => ProgressBar::new(n),
            None => ProgressBar::new_spinner(),
        };
        bar.set_style(
            ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} records {what} [{{elapsed}}] {{per_sec}}"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Shared progress of a run: records and bytes done, the latencies, when to stop.
struct Tally {
    records: AtomicU64,
    bytes: AtomicU64,
    latencies: Mutex<Histogram<u64>>,
    bar: Option<ProgressBar>,
    deadline: Option<Instant>,
}

impl Tally {
    fn add(&self, records: u64, bytes: u64, latency: Duration) {
        self.records.fetch_add(records, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        let micros = (latency.as_micros() as u64).clamp(1, 3_600_000_000);
        let _ = self
            .latencies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .record_n(micros, records);
        if let Some(bar) = &self.bar {
            bar.inc(records);
        }
    }

    fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

async fn ensure_topic(client: &Client, s: &Settings) -> anyhow::Result<Vec<i32>> {
    if client.partitions(&s.topic, false).await.is_err() {
        client
            .create_topic(&s.topic, s.partitions, -1, &[])
            .await
            .with_context(|| format!("creating topic '{}'", s.topic))?;
    }
    Ok(client.partitions(&s.topic, false).await?)
}

/// A value of `size` bytes starting with the time since `start` in nanoseconds.
fn stamped_value(pattern: &Bytes, start: Instant) -> Bytes {
    let mut value = pattern.to_vec();
    value[..8].copy_from_slice(&(start.elapsed().as_nanos() as u64).to_be_bytes());
    Bytes::from(value)
}

/// One producer's part of a run.
struct ProducerTask {
    client: Arc<Client>,
    s: Settings,
    partitions: Vec<i32>,
    /// Records to send; `None` until the deadline.
    share: Option<u64>,
    /// This producer's records per second, if limited.
    rate: Option<f64>,
    tally: Arc<Tally>,
    start: Instant,
    /// End-to-end: stamp each value with its send time and leave latency to the consumer.
    stamp: bool,
}

async fn produce_loop(task: ProducerTask) -> anyhow::Result<()> {
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
    let per_batch = if rate.is_some() {
        1
    } else {
        (BATCH_BYTES / s.size.max(1)).max(1) as u64
    };
    let pattern = Bytes::from(
        (0..s.size)
            .map(|i| b'a' + (i % 26) as u8)
            .collect::<Vec<u8>>(),
    );
    let compression = Compression::from(s.compression);
    let mut sent = 0u64;
    let mut next = 0usize;
    while share.is_none_or(|n| sent < n) && !tally.expired() {
        if let Some(rate) = rate {
            let due = start + Duration::from_secs_f64(sent as f64 / rate);
            tokio::time::sleep_until(due.into()).await;
        }
        let count = share.map_or(per_batch, |n| per_batch.min(n - sent));
        let now_ms = chrono::Utc::now().timestamp_millis();
        let records: Vec<OutgoingRecord> = (0..count)
            .map(|_| OutgoingRecord {
                key: None,
                value: Some(if stamp {
                    stamped_value(&pattern, start)
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

async fn run_produce(client: Arc<Client>, s: &Settings, tally: Arc<Tally>) -> anyhow::Result<()> {
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

async fn run_consume(client: Arc<Client>, s: &Settings, tally: Arc<Tally>) -> anyhow::Result<()> {
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

async fn run_end_to_end(
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
        streamline::client::Mode::Remote { bootstrap } => {
            Arc::new(Client::remote_as(bootstrap, client.timeouts(), client.client_id()).await?)
        }
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

fn report(s: Settings, tally: &Tally, elapsed: Duration) -> Report {
    let records = tally.records.load(Ordering::Relaxed);
    let bytes = tally.bytes.load(Ordering::Relaxed);
    let secs = elapsed.as_secs_f64().max(1e-9);
    let h = tally.latencies.lock().unwrap_or_else(|e| e.into_inner());
    let ms = |micros: u64| micros as f64 / 1000.0;
    Report {
        settings: s,
        records,
        bytes,
        elapsed_ms: elapsed.as_millis() as u64,
        records_per_sec: records as f64 / secs,
        mb_per_sec: bytes as f64 / secs / (1024.0 * 1024.0),
        latency_ms: Latency {
            avg: h.mean() / 1000.0,
            max: ms(h.max()),
            p50: ms(h.value_at_quantile(0.50)),
            p95: ms(h.value_at_quantile(0.95)),
            p99: ms(h.value_at_quantile(0.99)),
            p999: ms(h.value_at_quantile(0.999)),
        },
    }
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
