//! `streamline groups`: list consumer groups, describe one (members, assignments, committed
//! offsets, end offsets and lag per partition), and delete one.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{bail, Context};
use serde::Serialize;
use streamline::client::offsets::OffsetSpec;
use streamline::client::Client;

use crate::connect::ConnectArgs;
use crate::output::{confirm, write_json, write_table, Format};
use crate::style::{paint, HEADING};
use crate::timespec::{parse_duration, parse_when};

/// Flags of `streamline groups`.
#[derive(Debug, clap::Args)]
pub struct GroupsArgs {
    #[command(subcommand)]
    command: GroupsCommand,

    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

#[derive(Debug, clap::Subcommand)]
enum GroupsCommand {
    /// List consumer groups with their state
    List,
    /// Show a group's members and assignments, and committed offset, end offset and lag per
    /// partition
    Describe {
        /// Group id
        group: String,
    },
    /// Plan (and with --execute, apply) new committed offsets for a group with no members
    #[command(group(clap::ArgGroup::new("target").required(true).args(
        ["to_earliest", "to_latest", "to_offset", "shift_by", "to_datetime", "by_duration"]
    )))]
    Reset {
        /// Group id
        group: String,
        /// Topic to reset, optionally with partitions: TOPIC or TOPIC:0,2,5 (repeatable)
        #[arg(
            short = 't',
            long = "topic",
            value_name = "TOPIC[:P,...]",
            required_unless_present = "all_topics"
        )]
        topics: Vec<String>,
        /// Reset every topic the group has committed offsets for
        #[arg(long, conflicts_with = "topics")]
        all_topics: bool,
        /// To each partition's earliest offset
        #[arg(long)]
        to_earliest: bool,
        /// To each partition's end offset
        #[arg(long)]
        to_latest: bool,
        /// To this offset (clamped to what each partition holds)
        #[arg(long, value_name = "N")]
        to_offset: Option<i64>,
        /// By this many records from the committed offset (negative goes back)
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        shift_by: Option<i64>,
        /// To the first record at or after a moment (same forms as consume --at)
        #[arg(long, value_name = "WHEN", value_parser = crate::timespec::when_arg)]
        to_datetime: Option<String>,
        /// To the first record written at most this long ago: 30m, 2h, 1d
        #[arg(long, value_name = "DURATION", value_parser = crate::timespec::duration_arg)]
        by_duration: Option<String>,
        /// Apply the plan (without it, only print it)
        #[arg(long)]
        execute: bool,
    },
    /// Delete a group that has no members, with its committed offsets
    Delete {
        /// Group id
        group: String,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

#[derive(Serialize)]
struct GroupRow {
    group: String,
    state: String,
    protocol_type: String,
}

#[derive(Serialize)]
struct MemberRow {
    member_id: String,
    group_instance_id: Option<String>,
    client_id: String,
    client_host: String,
    assignment: BTreeMap<String, Vec<i32>>,
}

#[derive(Serialize)]
struct PartitionLag {
    topic: String,
    partition: i32,
    committed_offset: i64,
    end_offset: i64,
    lag: i64,
}

#[derive(Serialize)]
struct GroupDetail {
    group: String,
    state: String,
    protocol_type: String,
    protocol: String,
    members: Vec<MemberRow>,
    offsets: Vec<PartitionLag>,
    total_lag: i64,
}

/// Runs a `groups` subcommand.
pub async fn run(args: GroupsArgs) -> anyhow::Result<()> {
    let client = args.connect.connect().await?;
    let mut out = anstream::stdout().lock();
    match args.command {
        GroupsCommand::List => {
            let groups: Vec<GroupRow> = client
                .list_groups()
                .await?
                .into_iter()
                .map(|g| GroupRow {
                    group: g.group_id,
                    state: g.state,
                    protocol_type: g.protocol_type,
                })
                .collect();
            match args.format {
                Format::Json => write_json(&mut out, &groups)?,
                Format::Text => {
                    let rows: Vec<Vec<String>> = groups
                        .iter()
                        .map(|g| vec![g.group.clone(), g.state.clone(), g.protocol_type.clone()])
                        .collect();
                    write_table(&mut out, &["GROUP", "STATE", "PROTOCOL TYPE"], &rows)?;
                }
            }
        }
        GroupsCommand::Describe { group } => {
            let detail = describe(&client, &group).await?;
            match args.format {
                Format::Json => write_json(&mut out, &detail)?,
                Format::Text => print_detail(&mut out, &detail)?,
            }
        }
        GroupsCommand::Reset {
            group,
            topics,
            all_topics,
            to_earliest,
            to_latest,
            to_offset,
            shift_by,
            to_datetime,
            by_duration,
            execute,
        } => {
            let now = chrono::Local::now();
            let target = if to_earliest {
                ResetTo::Earliest
            } else if to_latest {
                ResetTo::Latest
            } else if let Some(n) = to_offset {
                ResetTo::Offset(n)
            } else if let Some(n) = shift_by {
                ResetTo::Shift(n)
            } else if let Some(when) = to_datetime {
                ResetTo::Time(parse_when(&when, now).context("--to-datetime")?)
            } else if let Some(span) = by_duration {
                let span = parse_duration(&span).context("--by-duration")?;
                ResetTo::Time(
                    now.timestamp_millis() - i64::try_from(span.as_millis()).unwrap_or(i64::MAX),
                )
            } else {
                bail!("choose where to reset to (--to-earliest, --to-latest, --to-offset, --shift-by, --to-datetime or --by-duration)");
            };
            if execute {
                // Checked first: a live member would overwrite the new offsets at its next
                // commit, whatever the plan.
                let members = client
                    .describe_group(&group)
                    .await
                    .map(|d| d.members.len())
                    .unwrap_or(0);
                if members > 0 {
                    bail!("group '{group}' has {members} active member(s); stop its consumers first, then run the reset again");
                }
            }
            let plan = reset_plan(&client, &group, &topics, all_topics, target).await?;
            if execute {
                let offsets = plan
                    .iter()
                    .map(|p| ((p.topic.clone(), p.partition), p.new_offset))
                    .collect();
                client.commit_offsets(&group, &offsets).await?;
            }
            match args.format {
                Format::Json => write_json(
                    &mut out,
                    &serde_json::json!({ "group": group, "executed": execute, "partitions": plan }),
                )?,
                Format::Text => {
                    let rows: Vec<Vec<String>> = plan
                        .iter()
                        .map(|p| {
                            vec![
                                p.topic.clone(),
                                p.partition.to_string(),
                                p.current_offset
                                    .map_or_else(|| "-".into(), |o| o.to_string()),
                                p.new_offset.to_string(),
                            ]
                        })
                        .collect();
                    write_table(&mut out, &["TOPIC", "PARTITION", "CURRENT", "NEW"], &rows)?;
                    if execute {
                        writeln!(out, "Reset {} partition(s) of group {group}", plan.len())?;
                    } else {
                        writeln!(out, "Dry run: nothing changed; add --execute to apply")?;
                    }
                }
            }
        }
        GroupsCommand::Delete { group, yes } => {
            if !yes
                && !confirm(&format!(
                    "Delete group '{group}' and its committed offsets?"
                ))?
            {
                bail!("not deleted");
            }
            client.delete_group(&group).await?;
            match args.format {
                Format::Json => write_json(&mut out, &serde_json::json!({ "deleted": group }))?,
                Format::Text => writeln!(out, "Deleted group {group}")?,
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Where `groups reset` moves offsets.
#[derive(Debug, Clone, Copy)]
enum ResetTo {
    Earliest,
    Latest,
    Offset(i64),
    Shift(i64),
    Time(i64),
}

#[derive(Serialize)]
struct PlannedReset {
    topic: String,
    partition: i32,
    current_offset: Option<i64>,
    new_offset: i64,
}

/// Parses `TOPIC` or `TOPIC:0,1,2`.
fn parse_topic_spec(spec: &str) -> anyhow::Result<(String, Option<Vec<i32>>)> {
    match spec.split_once(':') {
        None => Ok((spec.to_string(), None)),
        Some((topic, parts)) => {
            let parts = parts
                .split(',')
                .map(|p| {
                    p.trim()
                        .parse::<i32>()
                        .map_err(|_| anyhow::anyhow!("'{spec}': '{p}' is not a partition number"))
                })
                .collect::<anyhow::Result<Vec<i32>>>()?;
            Ok((topic.to_string(), Some(parts)))
        }
    }
}

async fn reset_plan(
    client: &Client,
    group: &str,
    topics: &[String],
    all_topics: bool,
    target: ResetTo,
) -> anyhow::Result<Vec<PlannedReset>> {
    let committed = client.committed_offsets(group).await?;
    let mut selected: BTreeMap<String, Vec<i32>> = BTreeMap::new();
    if all_topics {
        for (topic, partition) in committed.keys() {
            selected.entry(topic.clone()).or_default().push(*partition);
        }
        if selected.is_empty() {
            bail!("group '{group}' has no committed offsets; name the topics with --topic");
        }
    }
    for spec in topics {
        let (topic, parts) = parse_topic_spec(spec)?;
        let all = client.partitions(&topic, false).await?;
        let parts = match parts {
            Some(p) => {
                if let Some(bad) = p.iter().find(|p| !all.contains(p)) {
                    bail!("topic '{topic}' has no partition {bad}");
                }
                p
            }
            None => all,
        };
        selected.entry(topic).or_default().extend(parts);
    }
    let mut plan = Vec::new();
    for (topic, mut parts) in selected {
        parts.sort_unstable();
        parts.dedup();
        let earliest = client
            .list_offsets(&topic, &parts, OffsetSpec::Earliest)
            .await?;
        let latest = client
            .list_offsets(&topic, &parts, OffsetSpec::Latest)
            .await?;
        let by_time = match target {
            ResetTo::Time(ts) => Some(
                client
                    .list_offsets(&topic, &parts, OffsetSpec::Timestamp(ts))
                    .await?,
            ),
            _ => None,
        };
        for &partition in &parts {
            let find = |list: &[streamline::client::offsets::PartitionOffset]| {
                list.iter()
                    .find(|o| o.partition == partition)
                    .map_or(0, |o| o.offset)
            };
            let (lo, hi) = (find(&earliest), find(&latest));
            let current = committed.get(&(topic.clone(), partition)).copied();
            let new_offset = match target {
                ResetTo::Earliest => lo,
                ResetTo::Latest => hi,
                ResetTo::Offset(n) => n,
                ResetTo::Shift(n) => current.unwrap_or(lo).saturating_add(n),
                ResetTo::Time(_) => {
                    let o = by_time.as_deref().map_or(-1, find);
                    if o < 0 {
                        hi
                    } else {
                        o
                    }
                }
            }
            .clamp(lo, hi);
            plan.push(PlannedReset {
                topic: topic.clone(),
                partition,
                current_offset: current,
                new_offset,
            });
        }
    }
    Ok(plan)
}

async fn describe(client: &Client, group: &str) -> anyhow::Result<GroupDetail> {
    let description = client.describe_group(group).await?;
    let committed = client.committed_offsets(group).await?;
    // End offsets for every partition the group has committed or been assigned.
    let mut partitions: BTreeMap<String, Vec<i32>> = BTreeMap::new();
    for (topic, partition) in committed.keys() {
        partitions
            .entry(topic.clone())
            .or_default()
            .push(*partition);
    }
    for m in &description.members {
        for (topic, parts) in &m.assignment {
            partitions.entry(topic.clone()).or_default().extend(parts);
        }
    }
    let mut offsets = Vec::new();
    for (topic, mut parts) in partitions {
        parts.sort_unstable();
        parts.dedup();
        let ends = client
            .list_offsets(&topic, &parts, OffsetSpec::Latest)
            .await?;
        for end in ends {
            let committed = committed
                .get(&(topic.clone(), end.partition))
                .copied()
                .unwrap_or(-1);
            let lag = if committed < 0 {
                end.offset
            } else {
                (end.offset - committed).max(0)
            };
            offsets.push(PartitionLag {
                topic: topic.clone(),
                partition: end.partition,
                committed_offset: committed,
                end_offset: end.offset,
                lag,
            });
        }
    }
    let total_lag = offsets.iter().map(|o| o.lag).sum();
    Ok(GroupDetail {
        group: description.group_id,
        state: description.state,
        protocol_type: description.protocol_type,
        protocol: description.protocol,
        members: description
            .members
            .into_iter()
            .map(|m| MemberRow {
                member_id: m.member_id,
                group_instance_id: m.group_instance_id,
                client_id: m.client_id,
                client_host: m.client_host,
                assignment: m.assignment,
            })
            .collect(),
        offsets,
        total_lag,
    })
}

fn print_detail(out: &mut impl Write, d: &GroupDetail) -> anyhow::Result<()> {
    writeln!(out, "Group:     {}", d.group)?;
    writeln!(out, "State:     {}", d.state)?;
    writeln!(
        out,
        "Protocol:  {}",
        format!("{} {}", d.protocol_type, d.protocol).trim_end()
    )?;
    writeln!(out, "Members:   {}", d.members.len())?;
    writeln!(out, "Total lag: {}", d.total_lag)?;
    if !d.members.is_empty() {
        writeln!(out)?;
        let rows: Vec<Vec<String>> = d
            .members
            .iter()
            .map(|m| {
                let assignment = m
                    .assignment
                    .iter()
                    .map(|(t, p)| {
                        let parts: Vec<String> = p.iter().map(i32::to_string).collect();
                        format!("{t}:{}", parts.join(","))
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                vec![
                    m.member_id.clone(),
                    m.client_id.clone(),
                    m.client_host.clone(),
                    assignment,
                ]
            })
            .collect();
        write_table(out, &["MEMBER", "CLIENT ID", "HOST", "ASSIGNMENT"], &rows)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", paint(HEADING, "Offsets:"))?;
    let rows: Vec<Vec<String>> = d
        .offsets
        .iter()
        .map(|o| {
            vec![
                o.topic.clone(),
                o.partition.to_string(),
                if o.committed_offset < 0 {
                    "-".into()
                } else {
                    o.committed_offset.to_string()
                },
                o.end_offset.to_string(),
                o.lag.to_string(),
            ]
        })
        .collect();
    write_table(
        out,
        &["TOPIC", "PARTITION", "COMMITTED", "END", "LAG"],
        &rows,
    )?;
    Ok(())
}
