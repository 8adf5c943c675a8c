//! `streamline topics`: list, create, describe, alter and delete topics, in-process or on any
//! Kafka-compatible cluster.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Serialize;
use streamline::client::offsets::OffsetSpec;
use streamline::client::Client;

use crate::connect::ConnectArgs;
use crate::output::{confirm, human_bytes, write_json, write_table, Format};
use crate::style::{paint, DIM, HEADING};
use crate::transfer;

/// Flags of `streamline topics`.
#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    #[command(subcommand)]
    command: TopicsCommand,

    #[command(flatten)]
    connect: ConnectArgs,

    #[command(flatten)]
    registry: crate::registry::RegistryArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

/// Where a new topic's records live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum StorageMode {
    Disk,
    Diskless,
}

#[derive(Debug, clap::Subcommand)]
enum TopicsCommand {
    /// List topics with their partition counts
    List {
        /// Also list the cluster's internal topics (Kafka's __consumer_offsets,
        /// __transaction_state, ...), which are left out by default
        #[arg(short, long)]
        internal: bool,
    },
    /// Create a topic
    Create {
        /// Topic name
        name: String,
        /// Number of partitions (broker default when omitted)
        #[arg(short, long)]
        partitions: Option<i32>,
        /// Replication factor (broker default when omitted)
        #[arg(short, long)]
        replication_factor: Option<i16>,
        /// Topic config override, KEY=VALUE (repeatable), e.g. retention.ms=86400000
        #[arg(short, long = "config", value_name = "KEY=VALUE", value_parser = parse_key_value)]
        configs: Vec<(String, String)>,
        /// Where the records live: disk (the broker's data directory) or diskless (in memory
        /// only, lost when the broker restarts; the topic config diskless.enable=true)
        #[arg(long, value_enum, default_value = "disk")]
        storage_mode: StorageMode,
    },
    /// Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and
    /// last cleaning) and configs of a topic
    Describe {
        /// Topic name
        name: String,
    },
    /// Change a topic's configs or grow its partition count
    Alter {
        /// Topic name
        name: String,
        /// Set retention.ms (milliseconds; -1 keeps records forever)
        #[arg(long, value_name = "MS", allow_hyphen_values = true)]
        retention_ms: Option<i64>,
        /// Set retention.bytes (per partition; -1 for no limit)
        #[arg(long, value_name = "BYTES", allow_hyphen_values = true)]
        retention_bytes: Option<i64>,
        /// Set a config, KEY=VALUE (repeatable)
        #[arg(short, long = "config", value_name = "KEY=VALUE", value_parser = parse_key_value)]
        configs: Vec<(String, String)>,
        /// Return a config to its default (repeatable)
        #[arg(long = "delete-config", value_name = "KEY")]
        delete_configs: Vec<String>,
        /// Grow the topic to this many partitions
        #[arg(short, long)]
        partitions: Option<i32>,
    },
    /// Write every record (partition, timestamp, key, value, headers) to a JSON Lines file
    Export {
        /// Topic name
        name: String,
        /// File to write (made durable before the command returns); standard output
        /// without it
        #[arg(short = 'o', value_name = "FILE.jsonl")]
        file: Option<PathBuf>,
    },
    /// Produce the records of a JSON Lines file (from export or consume --format ndjson),
    /// each to the partition it names; creates the topic if needed
    Import {
        /// Topic name
        name: String,
        /// File to read
        #[arg(short, long = "input", value_name = "FILE.jsonl")]
        input: PathBuf,
    },
    /// Print every topic's rates (messages/s, bytes/s), messages held and size each
    /// interval, as plain lines for scripts: the figures `streamline top` shows
    Watch {
        /// Topics to show (every topic when none is named)
        names: Vec<String>,
        /// Time between reports, e.g. 500ms, 1s, 1m
        #[arg(short = 'i', long, value_name = "DURATION", default_value = "1s", value_parser = crate::timespec::duration_arg)]
        interval: String,
        /// Stop after this many reports (default: until interrupted)
        #[arg(short = 'n', long, value_name = "N")]
        count: Option<u64>,
    },
    /// Delete a topic and all its records
    Delete {
        /// Topic name
        name: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

/// Parses `KEY=VALUE`.
pub fn parse_key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("'{s}' is not KEY=VALUE")),
    }
}

#[derive(Serialize)]
struct TopicSummary {
    name: String,
    partitions: usize,
}

#[derive(Serialize)]
struct PartitionDetail {
    partition: i32,
    leader: i32,
    /// The brokers holding a copy, and those of them in sync with the leader.
    replicas: Vec<i32>,
    isr: Vec<i32>,
    start_offset: i64,
    end_offset: i64,
    messages: i64,
    size_bytes: Option<i64>,
    /// Compacted topics, where known: the share of closed segments not yet cleaned.
    #[serde(skip_serializing_if = "Option::is_none")]
    dirty_ratio: Option<f64>,
    /// Compacted topics, where known: when the last cleaning pass ended (epoch ms; null
    /// before the first).
    #[serde(skip_serializing_if = "Option::is_none")]
    last_cleaned_ms: Option<Option<i64>>,
}

#[derive(Serialize)]
struct ConfigDetail {
    name: String,
    value: Option<String>,
    is_default: bool,
}

#[derive(Serialize)]
struct TopicDetail {
    name: String,
    id: String,
    partitions: Vec<PartitionDetail>,
    configs: Vec<ConfigDetail>,
    /// The latest schemas of the topic's subjects (`TOPIC-key`, `TOPIC-value`), when a
    /// schema registry is known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    schemas: Vec<crate::registry::TopicSchema>,
}

impl TopicDetail {
    /// The topic's `cleanup.policy`, as its configs say.
    fn cleanup_policy(&self) -> Option<&str> {
        self.configs
            .iter()
            .find(|c| c.name == "cleanup.policy")
            .and_then(|c| c.value.as_deref())
    }

    fn compacted(&self) -> bool {
        self.cleanup_policy()
            .and_then(streamline::broker::topic_config::parse_policy)
            .is_some_and(|(_, compact)| compact)
    }

    /// Whether the broker keeps the topic in memory only (`diskless.enable=true`).
    fn diskless(&self) -> bool {
        self.configs
            .iter()
            .any(|c| c.name == "diskless.enable" && c.value.as_deref() == Some("true"))
    }
}

/// Runs a `topics` subcommand.
pub async fn run(args: TopicsArgs) -> anyhow::Result<()> {
    let client = args.connect.connect().await?;
    let mut out = anstream::stdout().lock();
    match args.command {
        TopicsCommand::List { internal } => {
            let topics = list(&client, internal).await?;
            match args.format {
                Format::Json => write_json(&mut out, &topics)?,
                Format::Text => {
                    let rows: Vec<Vec<String>> = topics
                        .iter()
                        .map(|t| vec![t.name.clone(), t.partitions.to_string()])
                        .collect();
                    write_table(&mut out, &["TOPIC", "PARTITIONS"], &rows)?;
                }
            }
        }
        TopicsCommand::Create {
            name,
            partitions,
            replication_factor,
            mut configs,
            storage_mode,
        } => {
            if storage_mode == StorageMode::Diskless {
                configs.push(("diskless.enable".into(), "true".into()));
            }
            client
                .create_topic(
                    &name,
                    partitions.unwrap_or(-1),
                    replication_factor.unwrap_or(-1),
                    &configs,
                )
                .await?;
            let count = partition_count(&client, &name).await?;
            match args.format {
                Format::Json => write_json(
                    &mut out,
                    &TopicSummary {
                        name,
                        partitions: count,
                    },
                )?,
                Format::Text => writeln!(out, "Created topic {name} with {count} partition(s)")?,
            }
        }
        TopicsCommand::Describe { name } => {
            let mut detail = describe(&client, &name).await?;
            if let Some(registry) = args.registry.resolve(&args.connect, &client)? {
                detail.schemas = crate::registry::topic_schemas(&registry, &name).await;
            }
            match args.format {
                Format::Json => write_json(&mut out, &detail)?,
                Format::Text => print_detail(&mut out, &detail)?,
            }
        }
        TopicsCommand::Alter {
            name,
            retention_ms,
            retention_bytes,
            mut configs,
            delete_configs,
            partitions,
        } => {
            if let Some(ms) = retention_ms {
                configs.push(("retention.ms".into(), ms.to_string()));
            }
            if let Some(bytes) = retention_bytes {
                configs.push(("retention.bytes".into(), bytes.to_string()));
            }
            if configs.is_empty() && delete_configs.is_empty() && partitions.is_none() {
                bail!("nothing to change: pass --config, --delete-config, --retention-ms, --retention-bytes or --partitions");
            }
            if !configs.is_empty() || !delete_configs.is_empty() {
                client
                    .alter_topic_configs(&name, &configs, &delete_configs)
                    .await?;
            }
            if let Some(total) = partitions {
                client.create_partitions(&name, total).await?;
            }
            if args.format == Format::Text {
                writeln!(out, "Altered topic {name}")?;
            } else {
                write_json(&mut out, &describe(&client, &name).await?)?;
            }
        }
        TopicsCommand::Export { name, file } => {
            let n = transfer::export(&client, &name, file.as_deref()).await?;
            match &file {
                Some(file) => report_transfer(&mut out, args.format, "exported", n, &name, file)?,
                // The records are the output: the summary goes beside them, to stderr.
                None => report_transfer(
                    &mut std::io::stderr(),
                    args.format,
                    "exported",
                    n,
                    &name,
                    Path::new("-"),
                )?,
            }
        }
        TopicsCommand::Import { name, input } => {
            let n = transfer::import(&client, &name, &input).await?;
            report_transfer(&mut out, args.format, "imported", n, &name, &input)?;
        }
        TopicsCommand::Watch {
            names,
            interval,
            count,
        } => {
            drop(out);
            return crate::watch::run(&client, &names, &interval, count, args.format).await;
        }
        TopicsCommand::Delete { name, yes } => {
            if !yes && !confirm(&format!("Delete topic '{name}' and all its records?"))? {
                bail!("not deleted");
            }
            client.delete_topic(&name).await?;
            if args.format == Format::Text {
                writeln!(out, "Deleted topic {name}")?;
            } else {
                write_json(&mut out, &serde_json::json!({ "deleted": name }))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn report_transfer(
    out: &mut impl Write,
    format: Format,
    verb: &str,
    records: u64,
    topic: &str,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json(
            out,
            &serde_json::json!({ verb: records, "topic": topic, "file": file.display().to_string() }),
        ),
        Format::Text if std::io::stderr().is_terminal() => {
            eprintln!(
                "{} {records} record(s) of {topic} ({})",
                capitalize(verb),
                file.display()
            );
            Ok(())
        }
        Format::Text => Ok(()),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The topics, sorted; a cluster's internal topics only with `internal`.
async fn list(client: &Client, internal: bool) -> anyhow::Result<Vec<TopicSummary>> {
    let metadata = client.metadata(None).await?;
    let mut topics: Vec<TopicSummary> = metadata
        .topics
        .iter()
        .filter(|t| internal || !t.is_internal)
        .filter_map(|t| {
            Some(TopicSummary {
                name: t.name.as_ref()?.to_string(),
                partitions: t.partitions.len(),
            })
        })
        .collect();
    topics.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(topics)
}

async fn partition_count(client: &Client, name: &str) -> anyhow::Result<usize> {
    let metadata = client.metadata(Some(&[name.to_string()])).await?;
    Ok(metadata.topics.first().map_or(0, |t| t.partitions.len()))
}

async fn describe(client: &Client, name: &str) -> anyhow::Result<TopicDetail> {
    let metadata = client.metadata(Some(&[name.to_string()])).await?;
    let topic = metadata
        .topics
        .first()
        .with_context(|| format!("no metadata for topic '{name}'"))?;
    streamline::client::admin::check_topic(topic.error_code, name)?;
    let mut layout: Vec<(i32, i32, Vec<i32>, Vec<i32>)> = topic
        .partitions
        .iter()
        .map(|p| {
            let ids = |nodes: &[kafka_protocol::messages::BrokerId]| {
                nodes.iter().map(|n| n.0).collect::<Vec<i32>>()
            };
            (
                p.partition_index,
                p.leader_id.0,
                ids(&p.replica_nodes),
                ids(&p.isr_nodes),
            )
        })
        .collect();
    layout.sort_unstable();
    let indexes: Vec<i32> = layout.iter().map(|(p, ..)| *p).collect();
    let starts = client
        .list_offsets(name, &indexes, OffsetSpec::Earliest)
        .await?;
    let ends = client
        .list_offsets(name, &indexes, OffsetSpec::Latest)
        .await?;
    let sizes = client
        .partition_sizes(name, &indexes)
        .await
        .unwrap_or_default();
    let partitions = layout
        .into_iter()
        .map(|(partition, leader, replicas, isr)| {
            let start = starts
                .iter()
                .find(|o| o.partition == partition)
                .map_or(-1, |o| o.offset);
            let end = ends
                .iter()
                .find(|o| o.partition == partition)
                .map_or(-1, |o| o.offset);
            PartitionDetail {
                partition,
                leader,
                replicas,
                isr,
                start_offset: start,
                end_offset: end,
                messages: (end - start).max(0),
                size_bytes: sizes.get(&partition).copied(),
                dirty_ratio: None,
                last_cleaned_ms: None,
            }
        })
        .collect();
    let configs = client
        .describe_topic_configs(name)
        .await?
        .into_iter()
        .map(|c| ConfigDetail {
            name: c.name,
            value: c.value,
            is_default: c.is_default,
        })
        .collect();
    let mut detail = TopicDetail {
        name: name.to_string(),
        id: topic.topic_id.to_string(),
        partitions,
        configs,
        schemas: Vec::new(),
    };
    if detail.compacted() {
        if let Some(status) = client.compaction_status(name, &indexes).await {
            for p in &mut detail.partitions {
                if let Some(s) = status.get(&p.partition) {
                    p.dirty_ratio = Some(s.dirty_ratio);
                    p.last_cleaned_ms = Some(s.last_cleaned_ms);
                }
            }
        }
    }
    Ok(detail)
}

/// A past moment as its distance from now: "4s ago", "12m ago", "3h ago", "2d ago".
fn ago(elapsed_ms: i64) -> String {
    let s = elapsed_ms.max(0) / 1000;
    match s {
        0..60 => format!("{s}s ago"),
        60..3600 => format!("{}m ago", s / 60),
        3600..86400 => format!("{}h ago", s / 3600),
        _ => format!("{}d ago", s / 86400),
    }
}

/// Broker ids as kafka-topics prints them: "1,2,3".
fn join_ids(ids: &[i32]) -> String {
    ids.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}

fn print_detail(out: &mut impl Write, d: &TopicDetail) -> anyhow::Result<()> {
    writeln!(out, "Topic:      {}", d.name)?;
    writeln!(out, "Topic ID:   {}", d.id)?;
    writeln!(out, "Partitions: {}", d.partitions.len())?;
    for s in &d.schemas {
        writeln!(
            out,
            "Schema:     {} {} version {} (id {}, {})",
            s.side, s.subject, s.version, s.id, s.schema_type
        )?;
    }
    if d.diskless() {
        writeln!(
            out,
            "Storage:    diskless (in memory only; lost when the broker restarts)"
        )?;
    }
    let compacted = d.compacted();
    if compacted {
        // Offsets become sparse: the span between start and end is at most the count.
        writeln!(
            out,
            "Cleanup:    {} (the latest record of each key is kept; MESSAGES counts offsets)",
            d.cleanup_policy().unwrap_or("compact")
        )?;
    }
    writeln!(out)?;
    let now_ms = streamline::broker::now_ms();
    let rows: Vec<Vec<String>> = d
        .partitions
        .iter()
        .map(|p| {
            let mut row = vec![
                p.partition.to_string(),
                p.leader.to_string(),
                join_ids(&p.replicas),
                join_ids(&p.isr),
                p.start_offset.to_string(),
                p.end_offset.to_string(),
                p.messages.to_string(),
                p.size_bytes.map_or_else(|| "-".to_string(), human_bytes),
            ];
            if compacted {
                row.push(
                    p.dirty_ratio
                        .map_or_else(|| "-".to_string(), |r| format!("{:.0}%", r * 100.0)),
                );
                row.push(match p.last_cleaned_ms {
                    None => "-".to_string(),
                    Some(None) => "never".to_string(),
                    Some(Some(at)) => ago(now_ms.saturating_sub(at)),
                });
            }
            row
        })
        .collect();
    let mut header = vec![
        "PARTITION",
        "LEADER",
        "REPLICAS",
        "ISR",
        "START",
        "END",
        "MESSAGES",
        "SIZE",
    ];
    if compacted {
        header.extend(["DIRTY", "CLEANED"]);
    }
    write_table(out, &header, &rows)?;
    writeln!(out)?;
    writeln!(out, "{}", paint(HEADING, "Configs:"))?;
    for c in &d.configs {
        let value = c.value.as_deref().unwrap_or("(null)");
        let note = if c.is_default {
            paint(DIM, "  (default)")
        } else {
            String::new()
        };
        writeln!(out, "  {} = {value}{note}", c.name)?;
    }
    Ok(())
}
