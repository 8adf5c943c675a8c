//! `streamline transactions`: list the transactional ids of a cluster with their state, and
//! describe one — its producer id and epoch, timeout, how long its open transaction has run,
//! and the partitions it holds with the offset where it began in each (the records that
//! read_committed consumers wait for).

use std::io::Write;

use serde::Serialize;

use crate::connect::ConnectArgs;
use crate::output::{write_json, write_table, Format};
use crate::style::{paint, HEADING};

/// Flags of `streamline transactions`.
#[derive(Debug, clap::Args)]
pub struct TransactionsArgs {
    #[command(subcommand)]
    command: TransactionsCommand,

    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

#[derive(Debug, clap::Subcommand)]
enum TransactionsCommand {
    /// List transactional ids with their producer id and state
    List,
    /// Show a transactional id: producer, epoch, state, timeout and the partitions of its
    /// open transaction
    Describe {
        /// Transactional id
        transactional_id: String,
    },
}

#[derive(Serialize)]
struct OpenPartition {
    topic: String,
    partition: i32,
    /// Where the open transaction began in this partition.
    start_offset: i64,
}

#[derive(Serialize)]
struct Detail {
    transactional_id: String,
    state: String,
    producer_id: i64,
    producer_epoch: i16,
    timeout_ms: i32,
    start_time_ms: i64,
    partitions: Vec<OpenPartition>,
}

/// Runs a `transactions` subcommand.
pub async fn run(args: TransactionsArgs) -> anyhow::Result<()> {
    let client = args.connect.connect().await?;
    let mut out = anstream::stdout().lock();
    match args.command {
        TransactionsCommand::List => {
            let all = client.list_transactions().await?;
            match args.format {
                Format::Json => write_json(&mut out, &all)?,
                Format::Text => {
                    let rows: Vec<Vec<String>> = all
                        .iter()
                        .map(|t| {
                            vec![
                                t.transactional_id.clone(),
                                t.producer_id.to_string(),
                                t.state.clone(),
                            ]
                        })
                        .collect();
                    write_table(
                        &mut out,
                        &["TRANSACTIONAL ID", "PRODUCER ID", "STATE"],
                        &rows,
                    )?;
                }
            }
        }
        TransactionsCommand::Describe { transactional_id } => {
            let t = client.describe_transaction(&transactional_id).await?;
            let mut partitions = Vec::new();
            for (topic, partition) in &t.partitions {
                let start_offset = client
                    .open_transaction_start(topic, *partition, t.producer_id)
                    .await?;
                partitions.push(OpenPartition {
                    topic: topic.clone(),
                    partition: *partition,
                    start_offset,
                });
            }
            let detail = Detail {
                transactional_id: t.transactional_id,
                state: t.state,
                producer_id: t.producer_id,
                producer_epoch: t.producer_epoch,
                timeout_ms: t.timeout_ms,
                start_time_ms: t.start_ms,
                partitions,
            };
            match args.format {
                Format::Json => write_json(&mut out, &detail)?,
                Format::Text => print_detail(&mut out, &detail)?,
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn print_detail(out: &mut impl Write, d: &Detail) -> anyhow::Result<()> {
    writeln!(out, "Transactional id: {}", d.transactional_id)?;
    writeln!(out, "State:            {}", d.state)?;
    writeln!(
        out,
        "Producer:         id {}, epoch {}",
        d.producer_id, d.producer_epoch
    )?;
    writeln!(out, "Timeout:          {} ms", d.timeout_ms)?;
    if d.start_time_ms >= 0 {
        let started = chrono::DateTime::from_timestamp_millis(d.start_time_ms)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_else(|| d.start_time_ms.to_string());
        let age_ms = (chrono::Utc::now().timestamp_millis() - d.start_time_ms).max(0);
        writeln!(
            out,
            "Started:          {started} ({:.1} s ago)",
            age_ms as f64 / 1000.0
        )?;
    }
    if !d.partitions.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(HEADING, "Open in:"))?;
        let rows: Vec<Vec<String>> = d
            .partitions
            .iter()
            .map(|p| {
                vec![
                    p.topic.clone(),
                    p.partition.to_string(),
                    if p.start_offset >= 0 {
                        p.start_offset.to_string()
                    } else {
                        "-".into()
                    },
                ]
            })
            .collect();
        write_table(out, &["TOPIC", "PARTITION", "START OFFSET"], &rows)?;
    }
    Ok(())
}
