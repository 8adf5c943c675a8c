//! `streamline migrate from-kafka`: moves topics and consumer groups from any
//! Kafka-compatible cluster to the destination every command uses (`-b` or the data
//! directory). Without `--execute` it prints the plan and changes nothing; with it, it
//! creates the topics, copies every record (resumably, see [`checkpoint`]), verifies both
//! sides partition by partition and translates the groups' committed offsets.

mod checkpoint;
mod copy;
mod plan;
mod read;
mod verify;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use streamline::client::{Client, Mode};

use crate::connect::ConnectArgs;
use crate::output::{human_bytes, write_json, write_table, Format};
use plan::{Destination, Plan, Selection};

/// Flags of `streamline migrate`.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    #[command(subcommand)]
    command: MigrateCommand,
}

#[derive(Debug, clap::Subcommand)]
enum MigrateCommand {
    /// Copy topics (partitions, configs, every record) and consumer group offsets from a
    /// Kafka-compatible cluster; prints the plan unless --execute
    FromKafka(Box<FromKafkaArgs>),
}

/// Flags of `streamline migrate from-kafka`.
#[derive(Debug, clap::Args)]
pub struct FromKafkaArgs {
    /// Bootstrap servers of the source cluster
    #[arg(long, value_name = "HOST:PORT[,...]")]
    kafka_servers: String,

    /// Topics to migrate, comma-separated [default: every topic but internal ones]
    #[arg(short = 't', long, value_delimiter = ',', value_name = "TOPIC,...")]
    topics: Vec<String>,

    /// Migrate the topics whose whole name matches this regular expression
    #[arg(long, value_name = "REGEX", conflicts_with = "topics")]
    topics_regex: Option<String>,

    /// A topic config override not to copy, such as one the destination does not support
    /// (repeatable)
    #[arg(long, value_name = "NAME")]
    skip_config: Vec<String>,

    /// Copy at most this many records per second, to spare a busy source
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    rate: Option<u64>,

    /// Copy (without it, only print the plan)
    #[arg(long)]
    execute: bool,

    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub async fn run(args: MigrateArgs) -> anyhow::Result<()> {
    match args.command {
        MigrateCommand::FromKafka(args) => from_kafka(*args).await,
    }
}

/// One translated committed offset.
#[derive(Debug, Serialize)]
struct TranslatedOffset {
    group: String,
    topic: String,
    partition: i32,
    source_offset: i64,
    new_offset: i64,
}

/// What an executed migration did.
#[derive(Debug, Serialize)]
struct Outcome {
    copied: u64,
    already_there: u64,
    verification: Vec<verify::PartitionCheck>,
    groups: Vec<TranslatedOffset>,
    /// Groups whose offsets could not be committed, with why.
    group_failures: Vec<String>,
}

async fn from_kafka(args: FromKafkaArgs) -> anyhow::Result<()> {
    let selection = match (&args.topics_regex, args.topics.is_empty()) {
        (Some(re), _) => Selection::Pattern(
            regex::Regex::new(re).with_context(|| format!("--topics-regex '{re}'"))?,
        ),
        (None, false) => Selection::Named(args.topics.clone()),
        (None, true) => Selection::All,
    };
    let source = args
        .connect
        .remote(&args.kafka_servers)
        .await
        .with_context(|| format!("cannot reach the source cluster at {}", args.kafka_servers))?;
    let dest = args.connect.connect().await?;
    let dest_label = match dest.mode() {
        Mode::Remote { bootstrap } => bootstrap.clone(),
        Mode::Local { data_dir } => format!("{} (in-process)", data_dir.display()),
        Mode::InProcess => "the broker of this process".to_string(),
    };
    let plan = plan::make(
        &source,
        &dest,
        (args.kafka_servers.clone(), dest_label),
        &selection,
        &args.skip_config,
    )
    .await?;
    let mut out = anstream::stdout().lock();
    if !args.execute {
        match args.format {
            Format::Json => write_json(
                &mut out,
                &serde_json::json!({ "plan": plan, "executed": false }),
            )?,
            Format::Text => {
                print_plan(&mut out, &plan)?;
                writeln!(out, "\nDry run: nothing changed; add --execute to migrate")?;
            }
        }
        out.flush()?;
        return Ok(());
    }
    let conflicts = plan.conflicts();
    if !conflicts.is_empty() {
        bail!(
            "cannot migrate as things stand:\n  {}\nleave those topics out with --topics or --topics-regex",
            conflicts.join("\n  ")
        );
    }
    if args.format == Format::Text {
        print_plan(&mut out, &plan)?;
        writeln!(out)?;
        out.flush()?;
    }
    let outcome = execute(&source, &dest, &plan, args.rate).await?;
    let failed: Vec<String> = outcome
        .verification
        .iter()
        .filter(|c| !c.ok)
        .map(|c| format!("{}/{}", c.topic, c.partition))
        .collect();
    match args.format {
        Format::Json => write_json(
            &mut out,
            &serde_json::json!({ "plan": plan, "executed": true, "outcome": outcome,
                "ok": failed.is_empty() && outcome.group_failures.is_empty() }),
        )?,
        Format::Text => print_outcome(&mut out, &plan, &outcome)?,
    }
    out.flush()?;
    if !failed.is_empty() {
        bail!(
            "verification failed for {}: the destination does not hold the same records as the source",
            failed.join(", ")
        );
    }
    if !outcome.group_failures.is_empty() {
        bail!(
            "group offsets not migrated:\n  {}",
            outcome.group_failures.join("\n  ")
        );
    }
    Ok(())
}

/// Creates, copies, verifies and translates, as planned.
async fn execute(
    source: &Client,
    dest: &Client,
    plan: &Plan,
    rate: Option<u64>,
) -> anyhow::Result<Outcome> {
    for topic in plan
        .topics
        .iter()
        .filter(|t| t.destination == Destination::Create)
    {
        let configs: Vec<(String, String)> = topic
            .configs
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let partitions = i32::try_from(topic.partitions.len()).unwrap_or(i32::MAX);
        dest.create_topic(&topic.name, partitions, -1, &configs)
            .await
            .with_context(|| format!("creating '{}' on the destination", topic.name))?;
    }
    let remaining: i64 = plan
        .topics
        .iter()
        .flat_map(|t| &t.partitions)
        .map(plan::PartitionPlan::remaining)
        .sum();
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(u64::try_from(remaining).unwrap_or(0));
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {pos}/{len} records copied [{elapsed}, {eta} left] {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        copy::Progress::Bar(bar)
    } else {
        copy::Progress::Lines
    };
    let mut throttle = copy::Throttle::new(rate);
    let mut outcome = Outcome {
        copied: 0,
        already_there: 0,
        verification: Vec::new(),
        groups: Vec::new(),
        group_failures: Vec::new(),
    };
    let mut dest_ends = BTreeMap::new();
    for topic in &plan.topics {
        for p in &topic.partitions {
            if let copy::Progress::Bar(bar) = &progress {
                bar.set_message(format!("{}/{}", topic.name, p.partition));
            }
            let copied = copy::partition(
                source,
                dest,
                &topic.name,
                p,
                &plan.source_cluster,
                &mut throttle,
                &progress,
            )
            .await?;
            outcome.copied += copied.records;
            outcome.already_there += copied.already_there;
            dest_ends.insert((topic.name.clone(), p.partition), copied.dest_end);
        }
    }
    if let copy::Progress::Bar(bar) = &progress {
        bar.finish_and_clear();
    }

    // Offsets committed while the copy ran are translated too: an offset past what was
    // copied maps to the destination's end, where the next run's records will land.
    let mut group_offsets: BTreeMap<(String, i32), Vec<(String, i64)>> = BTreeMap::new();
    for g in &plan.groups {
        let committed = source
            .committed_offsets(&g.group)
            .await
            .unwrap_or_else(|_| g.offsets.clone());
        for (tp, offset) in committed
            .into_iter()
            .filter(|(tp, _)| g.offsets.contains_key(tp))
        {
            group_offsets
                .entry(tp)
                .or_default()
                .push((g.group.clone(), offset));
        }
    }
    for topic in &plan.topics {
        for p in &topic.partitions {
            let key = (topic.name.clone(), p.partition);
            let to_translate = group_offsets.get(&key).cloned().unwrap_or_default();
            let offsets: Vec<i64> = to_translate.iter().map(|(_, o)| *o).collect();
            let ranges = verify::Ranges {
                source: p.source_start..p.source_end,
                destination: p.dest_start..dest_ends.get(&key).copied().unwrap_or(p.dest_end),
            };
            let (check, translated) =
                verify::partition(source, dest, &topic.name, p.partition, ranges, &offsets).await?;
            if check.ok {
                for ((group, source_offset), new_offset) in to_translate.into_iter().zip(translated)
                {
                    outcome.groups.push(TranslatedOffset {
                        group,
                        topic: topic.name.clone(),
                        partition: p.partition,
                        source_offset,
                        new_offset,
                    });
                }
            }
            outcome.verification.push(check);
        }
    }
    if outcome.verification.iter().all(|c| c.ok) {
        let mut by_group: BTreeMap<&str, BTreeMap<(String, i32), i64>> = BTreeMap::new();
        for t in &outcome.groups {
            by_group
                .entry(&t.group)
                .or_default()
                .insert((t.topic.clone(), t.partition), t.new_offset);
        }
        for (group, offsets) in by_group {
            if let Err(e) = dest.commit_offsets(group, &offsets).await {
                outcome.group_failures.push(format!(
                    "{group}: {e} (a group with active members on the destination keeps its own offsets)"
                ));
            }
        }
    }
    Ok(outcome)
}

fn print_plan(out: &mut impl Write, plan: &Plan) -> anyhow::Result<()> {
    let partitions: usize = plan.topics.iter().map(|t| t.partitions.len()).sum();
    let records: i64 = plan.topics.iter().map(plan::TopicPlan::records).sum();
    writeln!(
        out,
        "Migrate {} topic(s) ({partitions} partitions, {records} records) and {} group(s) from {} to {}\n",
        plan.topics.len(),
        plan.groups.len(),
        plan.source,
        plan.destination
    )?;
    let rows: Vec<Vec<String>> = plan
        .topics
        .iter()
        .map(|t| {
            let mut configs: Vec<String> =
                t.configs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            configs.extend(t.skipped_configs.iter().map(|k| format!("{k} (skipped)")));
            let action = match &t.destination {
                Destination::Create => "create".to_string(),
                Destination::Resume if t.copied_before() => {
                    let left: i64 = t
                        .partitions
                        .iter()
                        .map(plan::PartitionPlan::remaining)
                        .sum();
                    if left == 0 {
                        "copied; verify again".to_string()
                    } else {
                        format!("resume ({left} left)")
                    }
                }
                Destination::Resume => "exists, empty: fill".to_string(),
                Destination::Conflict(why) => format!("CONFLICT: {why}"),
            };
            vec![
                t.name.clone(),
                t.partitions.len().to_string(),
                t.records().to_string(),
                t.bytes.map_or_else(|| "-".into(), human_bytes),
                if configs.is_empty() {
                    "-".into()
                } else {
                    configs.join(",")
                },
                action,
            ]
        })
        .collect();
    write_table(
        out,
        &[
            "TOPIC",
            "PARTITIONS",
            "RECORDS",
            "SIZE",
            "CONFIGS",
            "DESTINATION",
        ],
        &rows,
    )?;
    if !plan.groups.is_empty() {
        writeln!(out)?;
        let rows: Vec<Vec<String>> = plan
            .groups
            .iter()
            .map(|g| {
                let mut topics: Vec<&str> = g.offsets.keys().map(|(t, _)| t.as_str()).collect();
                topics.dedup();
                vec![
                    g.group.clone(),
                    g.offsets.len().to_string(),
                    topics.join(","),
                ]
            })
            .collect();
        write_table(out, &["GROUP", "PARTITIONS", "TOPICS"], &rows)?;
    }
    Ok(())
}

fn print_outcome(out: &mut impl Write, plan: &Plan, outcome: &Outcome) -> anyhow::Result<()> {
    let rows: Vec<Vec<String>> = outcome
        .verification
        .iter()
        .map(|c| {
            let checksum = if c.source.crc32c == c.destination.crc32c {
                format!("{:08x}", c.source.crc32c)
            } else {
                format!("{:08x}/{:08x}", c.source.crc32c, c.destination.crc32c)
            };
            vec![
                c.topic.clone(),
                c.partition.to_string(),
                c.source.records.to_string(),
                c.destination.records.to_string(),
                checksum,
                if c.ok { "ok" } else { "MISMATCH" }.to_string(),
            ]
        })
        .collect();
    write_table(
        out,
        &[
            "TOPIC",
            "PARTITION",
            "SOURCE",
            "DESTINATION",
            "CRC32C",
            "RESULT",
        ],
        &rows,
    )?;
    if !outcome.groups.is_empty() {
        writeln!(out)?;
        let rows: Vec<Vec<String>> = outcome
            .groups
            .iter()
            .map(|t| {
                vec![
                    t.group.clone(),
                    t.topic.clone(),
                    t.partition.to_string(),
                    t.source_offset.to_string(),
                    t.new_offset.to_string(),
                ]
            })
            .collect();
        write_table(
            out,
            &["GROUP", "TOPIC", "PARTITION", "SOURCE OFFSET", "NEW OFFSET"],
            &rows,
        )?;
    }
    let verified = outcome.verification.iter().filter(|c| c.ok).count();
    writeln!(
        out,
        "\nCopied {} record(s){}; {verified} of {} partition(s) verified; offsets of {} group(s) translated",
        outcome.copied,
        if outcome.already_there > 0 {
            format!(" ({} were already there)", outcome.already_there)
        } else {
            String::new()
        },
        outcome.verification.len(),
        plan.groups.len() - outcome.group_failures.len()
    )?;
    Ok(())
}
