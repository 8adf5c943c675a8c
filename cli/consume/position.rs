//! Where `consume` reads in each partition: the start (an offset, the end, the last N, a
//! moment, or a group's committed offset) and the stop (the end seen at start unless
//! following, or the first offset at --until).

use std::collections::{BTreeMap, HashMap};

use streamline::client::fetch::FetchPosition;
use streamline::client::member::GroupMember;
use streamline::client::offsets::{Isolation, OffsetSpec, PartitionOffset};
use streamline::client::Client;

use super::{ConsumeArgs, Start};

/// Where to start reading `partitions`: for a group member, its committed offsets where it
/// has them; otherwise (and for partitions without one) as `start` says.
pub async fn positions_for(
    client: &Client,
    args: &ConsumeArgs,
    member: &Option<GroupMember>,
    partitions: &[i32],
    start: Start,
) -> anyhow::Result<Vec<FetchPosition>> {
    if partitions.is_empty() {
        return Ok(Vec::new());
    }
    let mut positions = start_positions(
        client,
        &args.topic,
        partitions,
        start,
        args.isolation.into(),
    )
    .await?;
    if let (Some(_), Some(group)) = (member, &args.group) {
        let committed = client.committed_offsets(group).await?;
        for p in &mut positions {
            if let Some(offset) = committed.get(&(args.topic.clone(), p.partition)) {
                p.offset = *offset;
            }
        }
    }
    Ok(positions)
}

/// Where each partition stops (exclusive): the end offset seen now unless following; with
/// --until, the first offset at or after that moment, resolved by the broker's time index. A
/// partition with no stop is followed until --until's moment shows up in its records.
pub async fn stops_for(
    client: &Client,
    args: &ConsumeArgs,
    partitions: &[i32],
    until: Option<i64>,
) -> anyhow::Result<HashMap<i32, i64>> {
    let mut stops = HashMap::new();
    if partitions.is_empty() {
        return Ok(stops);
    }
    if !args.follow {
        for o in client
            .list_offsets_as(
                &args.topic,
                partitions,
                OffsetSpec::Latest,
                args.isolation.into(),
            )
            .await?
        {
            stops.insert(o.partition, o.offset);
        }
    }
    if let Some(ts) = until {
        for o in client
            .list_offsets(&args.topic, partitions, OffsetSpec::Timestamp(ts))
            .await?
        {
            if o.offset >= 0 {
                stops.insert(o.partition, o.offset);
            }
        }
    }
    Ok(stops)
}

/// The next offset to read per partition, as committed offsets.
pub fn next_offsets(positions: &[FetchPosition]) -> BTreeMap<(String, i32), i64> {
    positions
        .iter()
        .map(|p| ((p.topic.clone(), p.partition), p.offset))
        .collect()
}

/// Where each partition starts; the end is the last stable offset under read_committed.
async fn start_positions(
    client: &Client,
    topic: &str,
    partitions: &[i32],
    start: Start,
    isolation: Isolation,
) -> anyhow::Result<Vec<FetchPosition>> {
    let earliest = client
        .list_offsets(topic, partitions, OffsetSpec::Earliest)
        .await?;
    let latest = client
        .list_offsets_as(topic, partitions, OffsetSpec::Latest, isolation)
        .await?;
    let by_time = match start {
        Start::Timestamp(ts) => Some(
            client
                .list_offsets(topic, partitions, OffsetSpec::Timestamp(ts))
                .await?,
        ),
        _ => None,
    };
    let find = |list: &[PartitionOffset], p: i32| {
        list.iter()
            .find(|o| o.partition == p)
            .map_or(0, |o| o.offset)
    };
    Ok(partitions
        .iter()
        .map(|&p| {
            let (lo, hi) = (find(&earliest, p), find(&latest, p));
            let offset = match start {
                Start::Beginning => lo,
                Start::End => hi,
                Start::Offset(n) => n.clamp(lo, hi),
                Start::Last(n) => (hi - n).max(lo),
                Start::Timestamp(_) => {
                    let o = by_time.as_deref().map_or(-1, |l| find(l, p));
                    if o < 0 {
                        hi
                    } else {
                        o
                    }
                }
            };
            FetchPosition {
                topic: topic.to_string(),
                partition: p,
                offset,
            }
        })
        .collect())
}
