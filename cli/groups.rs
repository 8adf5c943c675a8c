//! `streamline groups`: list consumer groups, describe one (members, assignments, committed
//! offsets, end offsets and lag per partition), and delete one.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::bail;
use serde::Serialize;
use streamline::client::offsets::OffsetSpec;
use streamline::client::Client;

use crate::connect::ConnectArgs;
use crate::output::{confirm, write_json, write_table, Format};
use crate::style::{paint, HEADING};

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
    writeln!(out, "Protocol:  {} {}", d.protocol_type, d.protocol)?;
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
