//! What `migrate from-kafka` will do, worked out without changing anything: the source topics
//! chosen, with their partitions, topic config overrides, record and byte counts; what the
//! destination already holds of each (nothing, a checkpointed partial copy, or something in
//! the way); and the consumer groups whose committed offsets will be translated.

use std::collections::{BTreeMap, HashMap};

use anyhow::{bail, Context};
use regex::Regex;
use serde::Serialize;
use streamline::client::offsets::{Isolation, OffsetSpec};
use streamline::client::Client;

use super::checkpoint::{self, Checkpoint};

/// Which source topics to migrate.
pub enum Selection {
    /// Every topic but the internal ones.
    All,
    /// Exactly these, each of which must exist.
    Named(Vec<String>),
    /// Topics whose whole name matches.
    Pattern(Regex),
}

/// One partition: the source's range and what the destination holds.
#[derive(Debug, Clone, Serialize)]
pub struct PartitionPlan {
    pub partition: i32,
    pub source_start: i64,
    pub source_end: i64,
    pub dest_start: i64,
    pub dest_end: i64,
    #[serde(skip)]
    pub checkpoint: Option<Checkpoint>,
}

impl PartitionPlan {
    /// Source records not yet copied (at most; compaction and transactions leave gaps).
    pub fn remaining(&self) -> i64 {
        let from = self
            .checkpoint
            .as_ref()
            .map_or(self.source_start, |c| c.source_next.max(self.source_start));
        (self.source_end - from).max(0)
    }
}

/// What the destination does with a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "action", content = "reason")]
pub enum Destination {
    /// Created with the source's partitions and configs.
    Create,
    /// Already there, empty or partly copied by an earlier run: the copy continues.
    Resume,
    /// Cannot be migrated as things stand.
    Conflict(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicPlan {
    pub name: String,
    pub partitions: Vec<PartitionPlan>,
    /// Topic config overrides set on the destination when it is created.
    pub configs: BTreeMap<String, String>,
    /// Overrides left out by --skip-config.
    pub skipped_configs: Vec<String>,
    /// Bytes on the source's disks, when the source reports them.
    pub bytes: Option<i64>,
    pub destination: Destination,
}

impl TopicPlan {
    /// Records in the source's offset ranges (an upper bound under compaction).
    pub fn records(&self) -> i64 {
        self.partitions
            .iter()
            .map(|p| p.source_end - p.source_start)
            .sum()
    }

    pub fn copied_before(&self) -> bool {
        self.partitions.iter().any(|p| p.checkpoint.is_some())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupPlan {
    pub group: String,
    /// Committed offsets on the migrated topics: (topic, partition) → source offset.
    #[serde(serialize_with = "serialize_offsets")]
    pub offsets: BTreeMap<(String, i32), i64>,
}

fn serialize_offsets<S: serde::Serializer>(
    offsets: &BTreeMap<(String, i32), i64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(offsets.len()))?;
    for ((topic, partition), offset) in offsets {
        seq.serialize_element(&serde_json::json!({
            "topic": topic, "partition": partition, "offset": offset
        }))?;
    }
    seq.end()
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub source: String,
    pub source_cluster: String,
    pub destination: String,
    pub topics: Vec<TopicPlan>,
    pub groups: Vec<GroupPlan>,
}

impl Plan {
    pub fn conflicts(&self) -> Vec<String> {
        self.topics
            .iter()
            .filter_map(|t| match &t.destination {
                Destination::Conflict(why) => Some(format!("{}: {why}", t.name)),
                _ => None,
            })
            .collect()
    }
}

/// The topics of `source` that `selection` picks, with their partitions.
async fn select_topics(
    source: &Client,
    selection: &Selection,
) -> anyhow::Result<Vec<(String, Vec<i32>)>> {
    let all = source.all_partitions().await?;
    let chosen: Vec<(String, Vec<i32>)> = match selection {
        Selection::All => all,
        Selection::Named(names) => {
            let by_name: HashMap<&str, &Vec<i32>> =
                all.iter().map(|(n, p)| (n.as_str(), p)).collect();
            let missing: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|n| !by_name.contains_key(n))
                .collect();
            if !missing.is_empty() {
                bail!("the source has no topic {}", missing.join(", "));
            }
            names
                .iter()
                .map(|n| (n.clone(), by_name[n.as_str()].clone()))
                .collect()
        }
        Selection::Pattern(re) => all
            .into_iter()
            .filter(|(name, _)| re.find(name).is_some_and(|m| m.len() == name.len()))
            .collect(),
    };
    if chosen.is_empty() {
        bail!("no source topic matches; nothing to migrate");
    }
    Ok(chosen)
}

/// Works out the plan. `skip_configs` names config overrides not to copy.
pub async fn make(
    source: &Client,
    dest: &Client,
    labels: (String, String),
    selection: &Selection,
    skip_configs: &[String],
) -> anyhow::Result<Plan> {
    let source_cluster = cluster_id(source).await?;
    if cluster_id(dest).await? == source_cluster {
        bail!("the source and the destination are the same cluster ({source_cluster})");
    }
    let chosen = select_topics(source, selection).await?;
    let starts = source.offsets_of(&chosen, OffsetSpec::Earliest).await?;
    // Committed records only: the copy stops before any transaction still open.
    let ends = source
        .offsets_of_as(&chosen, OffsetSpec::Latest, Isolation::ReadCommitted)
        .await?;
    let existing: HashMap<String, Vec<i32>> = dest.all_partitions().await?.into_iter().collect();
    let dest_topics: Vec<(String, Vec<i32>)> = chosen
        .iter()
        .filter_map(|(t, _)| existing.get(t).map(|p| (t.clone(), p.clone())))
        .collect();
    let dest_starts = dest.offsets_of(&dest_topics, OffsetSpec::Earliest).await?;
    let dest_ends = dest.offsets_of(&dest_topics, OffsetSpec::Latest).await?;
    let checkpoints = checkpoint::load(dest)
        .await
        .context("reading the migration checkpoints on the destination")?;

    let mut topics = Vec::new();
    for (name, partitions) in &chosen {
        let offset = |map: &streamline::client::watch::PartitionMap<i64>, p: i32| {
            map.get(&(name.clone(), p)).copied()
        };
        let mut parts = Vec::new();
        for &p in partitions {
            let (Some(source_start), Some(source_end)) = (offset(&starts, p), offset(&ends, p))
            else {
                bail!("the source did not report the offsets of {name}/{p}");
            };
            parts.push(PartitionPlan {
                partition: p,
                source_start,
                source_end,
                dest_start: offset(&dest_starts, p).unwrap_or(0),
                dest_end: offset(&dest_ends, p).unwrap_or(0),
                checkpoint: checkpoints.get(&(name.clone(), p)).cloned(),
            });
        }
        let mut configs = BTreeMap::new();
        let mut skipped_configs = Vec::new();
        for entry in source
            .describe_topic_configs(name)
            .await
            .with_context(|| format!("reading the configs of source topic '{name}'"))?
        {
            let Some(value) = entry
                .value
                .filter(|_| entry.topic_override && !entry.read_only)
            else {
                continue;
            };
            if skip_configs.contains(&entry.name) {
                skipped_configs.push(entry.name);
            } else {
                configs.insert(entry.name, value);
            }
        }
        let bytes = source
            .partition_sizes(name, partitions)
            .await
            .ok()
            .filter(|sizes| sizes.len() == partitions.len())
            .map(|sizes| sizes.values().sum());
        let mut topic = TopicPlan {
            name: name.clone(),
            partitions: parts,
            configs,
            skipped_configs,
            bytes,
            destination: Destination::Create,
        };
        topic.destination = match existing.get(name) {
            Some(dest_partitions) => resume_or_conflict(&topic, dest_partitions, &source_cluster),
            None => {
                let configs: Vec<(String, String)> = topic
                    .configs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let partitions = i32::try_from(partitions.len()).unwrap_or(i32::MAX);
                match dest.validate_topic(name, partitions, -1, &configs).await {
                    Ok(()) => Destination::Create,
                    Err(e) => Destination::Conflict(format!(
                        "the destination would refuse to create it: {e} (leave a config out with --skip-config NAME)"
                    )),
                }
            }
        };
        topics.push(topic);
    }
    let groups = groups_on(source, &chosen).await?;
    Ok(Plan {
        source: labels.0,
        source_cluster,
        destination: labels.1,
        topics,
        groups,
    })
}

/// Whether an existing destination topic can take (the rest of) the copy.
fn resume_or_conflict(topic: &TopicPlan, dest_partitions: &[i32], source: &str) -> Destination {
    if dest_partitions.len() != topic.partitions.len() {
        return Destination::Conflict(format!(
            "the destination topic has {} partitions, the source {}",
            dest_partitions.len(),
            topic.partitions.len()
        ));
    }
    for p in &topic.partitions {
        match &p.checkpoint {
            None if p.dest_end > p.dest_start => {
                return Destination::Conflict(format!(
                    "partition {} of the destination topic already holds records that migrate did not copy",
                    p.partition
                ))
            }
            None => {}
            Some(c) if c.source_cluster != source => {
                return Destination::Conflict(format!(
                    "it was copied from another cluster ({}); delete the destination topic to start over",
                    c.source_cluster
                ))
            }
            Some(c) if p.dest_end < c.dest_at => {
                return Destination::Conflict(format!(
                    "partition {} of the destination lost records since the last run (end offset {}, checkpoint {})",
                    p.partition, p.dest_end, c.dest_at
                ))
            }
            Some(c) if c.source_next < p.source_start && p.dest_end > c.dest_at => {
                return Destination::Conflict(format!(
                    "partition {} cannot be resumed: the source deleted records past the checkpoint (offset {}, log start {})",
                    p.partition, c.source_next, p.source_start
                ))
            }
            Some(_) => {}
        }
    }
    Destination::Resume
}

/// The id the cluster reports in Metadata.
pub async fn cluster_id(client: &Client) -> anyhow::Result<String> {
    let metadata = client.metadata(Some(&[])).await?;
    Ok(metadata
        .cluster_id
        .map(|c| c.to_string())
        .unwrap_or_default())
}

/// Source groups with committed offsets on the chosen topics.
async fn groups_on(
    source: &Client,
    topics: &[(String, Vec<i32>)],
) -> anyhow::Result<Vec<GroupPlan>> {
    let mut groups = Vec::new();
    // A source that was itself a migration's destination keeps that migration's checkpoints,
    // which mean nothing here.
    for listing in source
        .list_groups()
        .await?
        .into_iter()
        .filter(|g| g.group_id != checkpoint::GROUP)
    {
        let offsets: BTreeMap<(String, i32), i64> = source
            .committed_offsets(&listing.group_id)
            .await
            .with_context(|| format!("reading the offsets of source group '{}'", listing.group_id))?
            .into_iter()
            .filter(|((t, _), _)| topics.iter().any(|(name, _)| name == t))
            .collect();
        if !offsets.is_empty() {
            groups.push(GroupPlan {
                group: listing.group_id,
                offsets,
            });
        }
    }
    Ok(groups)
}
