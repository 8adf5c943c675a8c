//! `streamline produce TOPIC`: sends messages from `-m`, a file, standard input or a template,
//! batching them per partition, routing keys like the Java client does, and reporting where
//! they landed. With a schema (`produce_schema`), JSON input is encoded for a schema registry;
//! a line that does not fit stops the run with an error naming it, and is not sent.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use bytes::Bytes;
use indicatif::{ProgressBar, ProgressStyle};
use kafka_protocol::records::Compression;
use serde::Serialize;
use streamline::broker::now_ms;
use streamline::client::partitioner::partition_for_key;
use streamline::client::produce::{Idempotence, OutgoingRecord};
use streamline::client::Client;
use tokio::io::AsyncBufReadExt;

use crate::connect::{ConnectArgs, Property};
use crate::kcat_input::InputFormat;
use crate::output::{human_bytes, write_json, Format};
use crate::template::{RenderContext, Template};
use crate::topics::parse_key_value;
use crate::usage::usage_bail;

/// Records per batch before it is sent.
const BATCH_RECORDS_MAX: usize = 1000;
/// Bytes per batch before it is sent.
const BATCH_BYTES_MAX: usize = 512 * 1024;
/// Unkeyed records go to one partition until this many bytes have gone there, then to the
/// next: the Java client's default `batch.size`, as its sticky partitioner (KIP-480) and
/// librdkafka's spread unkeyed records. Batches keep filling per partition meanwhile.
const STICKY_BYTES: usize = 16 * 1024;
/// How long a partly filled batch waits for more input (interactive standard input).
const LINGER: Duration = Duration::from_millis(20);

/// Flags of `streamline produce`.
#[derive(Debug, clap::Args)]
pub struct ProduceArgs {
    /// Topic to produce to (created on first use if the broker allows it)
    topic: String,

    /// A message to send (repeatable); without -m, --file or --template, lines are read from
    /// standard input
    #[arg(short = 'm', long = "message", value_name = "MSG")]
    messages: Vec<String>,

    /// Send each line of this file as a message
    #[arg(long, value_name = "FILE", conflicts_with_all = ["messages", "template"])]
    file: Option<PathBuf>,

    /// Render each message from this template, e.g. '{"id":"{{uuid}}","n":{{i}}}'
    #[arg(long, value_name = "TEMPLATE", conflicts_with = "messages")]
    template: Option<String>,

    /// Key for every message
    #[arg(short = 'k', long, value_name = "KEY", conflicts_with_all = ["key_template", "key_delimiter"])]
    key: Option<String>,

    /// Render each message's key from this template
    #[arg(long, value_name = "TEMPLATE", conflicts_with = "key_delimiter")]
    key_template: Option<String>,

    /// Split each input line at the first DELIM into key and value
    #[arg(short = 'K', long = "key-delimiter", value_name = "DELIM")]
    key_delimiter: Option<String>,

    /// Read each input line with a kcat format string, e.g. '%k:%s' or '%p|%T|%k|%s': %k key,
    /// %s value, %p partition, %T timestamp, %h headers (n=v,…); %t and %o are matched and
    /// ignored, so what `consume --format FMT` printed reads back with the same FMT
    #[arg(long, value_name = "FMT", value_parser = InputFormat::parse, conflicts_with_all = ["key_delimiter", "template"])]
    input_format: Option<InputFormat>,

    /// Header for every message, KEY=VALUE (repeatable)
    #[arg(short = 'H', long = "header", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    headers: Vec<(String, String)>,

    /// Send every message to this partition (default: by key hash, or spread when unkeyed)
    #[arg(short, long)]
    partition: Option<i32>,

    /// Number of messages: renders of --template (default 1), repetitions of the -m list, or
    /// at most this many input lines
    #[arg(short = 'n', long, value_name = "COUNT")]
    count: Option<u64>,

    /// Acknowledgements to wait for: 0 (none), 1 (leader) or all [default: all, or -X acks]
    #[arg(long, value_parser = parse_acks)]
    acks: Option<i16>,

    /// Compression codec for the batches [default: none, or -X compression.type]
    #[arg(long, value_enum)]
    compression: Option<Codec>,

    /// Send at most this many messages per second
    #[arg(long, value_name = "N")]
    rate: Option<f64>,

    /// Seed for every random template value, for reproducible data
    #[arg(long, value_name = "N")]
    seed: Option<u64>,

    /// Summary format (text goes to the terminal only; json always prints)
    #[arg(long, value_enum, default_value = "text")]
    format: Format,

    #[command(flatten)]
    schemas: crate::produce_schema::SchemaFlags,

    #[command(flatten)]
    registry: crate::registry::RegistryArgs,

    #[command(flatten)]
    connect: ConnectArgs,
}

/// Compression codecs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Codec {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl From<Codec> for Compression {
    fn from(c: Codec) -> Compression {
        match c {
            Codec::None => Compression::None,
            Codec::Gzip => Compression::Gzip,
            Codec::Snappy => Compression::Snappy,
            Codec::Lz4 => Compression::Lz4,
            Codec::Zstd => Compression::Zstd,
        }
    }
}

fn parse_acks(s: &str) -> Result<i16, String> {
    match s {
        "0" => Ok(0),
        "1" => Ok(1),
        "all" | "-1" => Ok(-1),
        other => Err(format!("'{other}' is not 0, 1 or all")),
    }
}

/// Where the messages come from.
enum Source {
    Messages(Vec<String>),
    Template(Template),
    Lines(Box<dyn tokio::io::AsyncBufRead + Unpin + Send>),
}

/// The next line of a file or standard input, without its terminator (nor the \r of a CRLF
/// file). Lines are bytes, not text: a message may be any bytes but a newline.
async fn next_line(
    reader: &mut (dyn tokio::io::AsyncBufRead + Unpin + Send),
) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    if reader.read_until(b'\n', &mut line).await? == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    Ok(Some(line))
}

#[derive(Default, Serialize)]
struct PartitionSummary {
    messages: u64,
    first_offset: Option<i64>,
    last_offset: Option<i64>,
}

#[derive(Serialize)]
struct Summary {
    topic: String,
    messages: u64,
    bytes: u64,
    elapsed_ms: u128,
    messages_per_sec: f64,
    partitions: BTreeMap<i32, PartitionSummary>,
}

/// Batches per partition and sends them.
struct Sender<'a> {
    client: &'a Client,
    topic: &'a str,
    acks: i16,
    /// Set with -X enable.idempotence=true.
    idempotence: Option<Idempotence>,
    compression: Compression,
    /// Bytes per batch before it is sent (-X batch.size).
    batch_bytes: usize,
    pending: BTreeMap<i32, (Vec<OutgoingRecord>, usize)>,
    summary: Summary,
    progress: Option<ProgressBar>,
}

impl Sender<'_> {
    /// Queues a record, sending its partition's batch once that is full.
    async fn push(&mut self, partition: i32, record: OutgoingRecord) -> anyhow::Result<()> {
        let size =
            record.key.as_ref().map_or(0, Bytes::len) + record.value.as_ref().map_or(0, Bytes::len);
        let entry = self.pending.entry(partition).or_default();
        entry.0.push(record);
        entry.1 += size;
        if entry.0.len() >= BATCH_RECORDS_MAX || entry.1 >= self.batch_bytes {
            self.flush_partition(partition).await?;
        }
        Ok(())
    }

    async fn flush(&mut self) -> anyhow::Result<()> {
        let partitions: Vec<i32> = self.pending.keys().copied().collect();
        for p in partitions {
            self.flush_partition(p).await?;
        }
        Ok(())
    }

    async fn flush_partition(&mut self, partition: i32) -> anyhow::Result<()> {
        let Some((records, bytes)) = self.pending.remove(&partition) else {
            return Ok(());
        };
        if records.is_empty() {
            return Ok(());
        }
        let appended = match self.idempotence.as_mut() {
            Some(idempotence) => {
                self.client
                    .produce_idempotent(
                        self.topic,
                        partition,
                        &records,
                        self.compression,
                        idempotence,
                    )
                    .await?
            }
            None => {
                self.client
                    .produce(self.topic, partition, &records, self.compression, self.acks)
                    .await?
            }
        };
        let n = records.len() as u64;
        let s = self.summary.partitions.entry(partition).or_default();
        s.messages += n;
        if let Some(base) = appended.base_offset {
            s.first_offset.get_or_insert(base);
            s.last_offset = Some(base + n as i64 - 1);
        }
        self.summary.messages += n;
        self.summary.bytes += bytes as u64;
        if let Some(bar) = &self.progress {
            bar.inc(n);
        }
        Ok(())
    }
}

/// Runs `produce`.
pub async fn run(args: ProduceArgs) -> anyhow::Result<()> {
    // Templates are checked before anything connects or is sent.
    let template = args.template.as_deref().map(Template::parse).transpose()?;
    let key_template = args
        .key_template
        .as_deref()
        .map(Template::parse)
        .transpose()?;
    if let Some(rate) = args.rate {
        if !(rate.is_finite() && rate > 0.0) {
            bail!("--rate must be a positive number of messages per second");
        }
    }
    let mut source = if let Some(t) = template {
        Source::Template(t)
    } else if !args.messages.is_empty() {
        Source::Messages(args.messages.clone())
    } else if let Some(path) = &args.file {
        let file = tokio::fs::File::open(path)
            .await
            .with_context(|| format!("cannot open {}", path.display()))?;
        Source::Lines(Box::new(tokio::io::BufReader::new(file)))
    } else {
        Source::Lines(Box::new(tokio::io::BufReader::new(tokio::io::stdin())))
    };
    let total = match &source {
        Source::Template(_) => Some(args.count.unwrap_or(1)),
        Source::Messages(m) => Some(args.count.unwrap_or(m.len() as u64)),
        Source::Lines(_) => args.count,
    };

    let acks = args
        .acks
        .or_else(|| {
            args.connect.property(|p| match p {
                Property::Acks(a) => Some(*a),
                _ => None,
            })
        })
        .unwrap_or(-1);
    let idempotent = args
        .connect
        .property(|p| match p {
            Property::Idempotence(on) => Some(*on),
            _ => None,
        })
        .unwrap_or(false);
    if idempotent && acks != -1 {
        usage_bail!(
            "enable.idempotence=true needs acks=all: an idempotent producer's batches are \
             acknowledged by the log, as Kafka's producers require"
        );
    }
    crate::produce_schema::check_flags(
        &args.schemas,
        args.key.is_some()
            || args.key_template.is_some()
            || args.key_delimiter.is_some()
            || args.input_format.is_some(),
    )?;
    let client = args.connect.connect().await?;
    let encoders = if args.schemas.any() {
        let Some(registry) = args.registry.resolve(&args.connect, &client)? else {
            bail!(
                "the schema flags need a schema registry: give --schema-registry URL, or run \
                 `serve --schema-registry-addr` on the data directory"
            );
        };
        let encoders = args.schemas.encoders(&args.topic, &registry).await?;
        // -m messages are all checked before any is sent.
        if let (Some(value), Source::Messages(messages)) = (&encoders.value, &source) {
            for (n, m) in messages.iter().enumerate() {
                value.encode(m.as_bytes(), n as u64 + 1)?;
            }
        }
        encoders
    } else {
        crate::produce_schema::Encoders::default()
    };
    let partitions = client.partitions(&args.topic, true).await?;
    let partition_count = partitions.len() as i32;
    if partition_count == 0 {
        bail!("topic '{}' has no partitions", args.topic);
    }
    if let Some(p) = args.partition {
        if !partitions.contains(&p) {
            bail!(
                "topic '{}' has no partition {p} (it has {partition_count})",
                args.topic
            );
        }
    }
    let progress = (std::io::stderr().is_terminal() && args.format == Format::Text).then(|| {
        let bar = match total {
            Some(n) => ProgressBar::new(n),
            None => ProgressBar::new_spinner(),
        };
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos}/{len} messages [{elapsed}] {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let headers: Vec<(String, Option<Bytes>)> = args
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Some(Bytes::from(v.clone()))))
        .collect();
    let mut ctx = RenderContext::new(args.seed);
    let mut key_ctx = RenderContext::new(args.seed.map(|s| s.wrapping_add(1)));
    // The command's flags first, then -X with librdkafka's names, then the defaults.
    let compression = args
        .compression
        .or_else(|| {
            args.connect.property(|p| match p {
                Property::Compression(c) => clap::ValueEnum::from_str(c, true).ok(),
                _ => None,
            })
        })
        .unwrap_or(Codec::None);
    let batch_bytes = args
        .connect
        .property(|p| match p {
            Property::BatchSize(b) => Some(*b),
            _ => None,
        })
        .unwrap_or(BATCH_BYTES_MAX);
    let linger = args
        .connect
        .property(|p| match p {
            Property::Linger(l) => Some(*l),
            _ => None,
        })
        .unwrap_or(LINGER);
    let idempotence = match idempotent {
        true => Some(client.init_idempotence().await?),
        false => None,
    };
    let mut sender = Sender {
        client: &client,
        topic: &args.topic,
        acks,
        idempotence,
        compression: compression.into(),
        batch_bytes,
        pending: BTreeMap::new(),
        summary: Summary {
            topic: args.topic.clone(),
            messages: 0,
            bytes: 0,
            elapsed_ms: 0,
            messages_per_sec: 0.0,
            partitions: BTreeMap::new(),
        },
        progress,
    };
    let started = Instant::now();
    let mut round_robin = 0i32;
    let mut sticky_bytes = 0usize;
    let mut i: u64 = 0;
    loop {
        if total.is_some_and(|t| i >= t) {
            break;
        }
        if let Some(rate) = args.rate {
            let due = started + Duration::from_secs_f64(i as f64 / rate);
            if due > Instant::now() {
                sender.flush().await?;
                tokio::time::sleep_until(due.into()).await;
            }
        }
        let line = match &mut source {
            Source::Template(t) => {
                ctx.set_index(i);
                t.render(&mut ctx).into_bytes()
            }
            Source::Messages(m) => m[(i as usize) % m.len()].clone().into_bytes(),
            Source::Lines(lines) => {
                let next = match tokio::time::timeout(linger, next_line(lines.as_mut())).await {
                    Ok(line) => line,
                    Err(_) => {
                        // Input is slow (a person typing): send what we have, then wait.
                        sender.flush().await?;
                        next_line(lines.as_mut()).await
                    }
                };
                match next.context("reading input")? {
                    Some(line) => line,
                    None => break,
                }
            }
        };
        let parsed = match &args.input_format {
            Some(format) => Some(format.read(&line).map_err(|e| {
                anyhow::anyhow!("input line {} does not match --input-format: {e}", i + 1)
            })?),
            None => None,
        };
        let (line, line_partition, line_timestamp, line_headers, line_key) = match parsed {
            Some(p) => (p.value, p.partition, p.timestamp, p.headers, p.key),
            None => (line, None, None, Vec::new(), None),
        };
        let (key, value): (Option<Vec<u8>>, Vec<u8>) =
            match (&args.key_delimiter, &args.key, &key_template) {
                (_, None, None) if line_key.is_some() => (line_key, line),
                (Some(delim), _, _) => match split_once(&line, delim.as_bytes()) {
                    Some((k, v)) => (Some(k.to_vec()), v.to_vec()),
                    None => (None, line),
                },
                (None, Some(k), _) => (Some(k.clone().into_bytes()), line),
                (None, None, Some(t)) => {
                    key_ctx.set_index(i);
                    (Some(t.render(&mut key_ctx).into_bytes()), line)
                }
                (None, None, None) => (None, line),
            };
        let (key, value) = match encoders.encode(key, value, i + 1) {
            Ok(encoded) => encoded,
            Err(e) => {
                // What came before the line is sent, the line itself is not.
                sender.flush().await?;
                return Err(e.context(format!(
                    "nothing from line {} on was sent ({} message(s) before it were)",
                    i + 1,
                    sender.summary.messages
                )));
            }
        };
        let partition = match (args.partition.or(line_partition), &key) {
            (Some(p), _) if !partitions.contains(&p) => bail!(
                "input line {} names partition {p}, but topic '{}' has {partition_count}",
                i + 1,
                args.topic
            ),
            (Some(p), _) => p,
            (None, Some(k)) => partitions[partition_for_key(k, partition_count) as usize],
            // Unkeyed: STICKY_BYTES to one partition, then the next (sticky partitioning).
            (None, None) => {
                if sticky_bytes >= STICKY_BYTES {
                    round_robin = (round_robin + 1) % partition_count;
                    sticky_bytes = 0;
                }
                sticky_bytes += value.len();
                partitions[round_robin as usize]
            }
        };
        let record = OutgoingRecord {
            key: key.map(Bytes::from),
            value: Some(Bytes::from(value)),
            headers: if line_headers.is_empty() {
                headers.clone()
            } else {
                line_headers
                    .into_iter()
                    .chain(headers.iter().cloned())
                    .collect()
            },
            timestamp: line_timestamp.unwrap_or_else(now_ms),
        };
        sender.push(partition, record).await?;
        i += 1;
    }
    sender.flush().await?;
    if let Some(bar) = &sender.progress {
        bar.finish_and_clear();
    }
    let elapsed = started.elapsed();
    sender.summary.elapsed_ms = elapsed.as_millis();
    sender.summary.messages_per_sec =
        sender.summary.messages as f64 / elapsed.as_secs_f64().max(1e-9);
    report(&sender.summary, args.format)
}

/// `line` split at the first `delimiter`, if it occurs.
fn split_once<'a>(line: &'a [u8], delimiter: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    if delimiter.is_empty() {
        return None;
    }
    let at = line
        .windows(delimiter.len())
        .position(|window| window == delimiter)?;
    Some((&line[..at], &line[at + delimiter.len()..]))
}

fn report(summary: &Summary, format: Format) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            write_json(&mut out, summary)?;
            out.flush()?;
        }
        Format::Text if std::io::stderr().is_terminal() => {
            let mut err = std::io::stderr().lock();
            writeln!(
                err,
                "Produced {} message(s), {}, to {} in {:.2} s ({:.0} msg/s)",
                summary.messages,
                human_bytes(summary.bytes as i64),
                summary.topic,
                summary.elapsed_ms as f64 / 1000.0,
                summary.messages_per_sec
            )?;
            for (p, s) in &summary.partitions {
                match (s.first_offset, s.last_offset) {
                    (Some(first), Some(last)) => writeln!(
                        err,
                        "  partition {p}: {} message(s), offsets {first} to {last}",
                        s.messages
                    )?,
                    _ => writeln!(
                        err,
                        "  partition {p}: {} message(s) (acks=0: offsets unknown)",
                        s.messages
                    )?,
                }
            }
        }
        Format::Text => {}
    }
    Ok(())
}
