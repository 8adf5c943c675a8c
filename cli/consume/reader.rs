//! The reading side of `consume`: one fetch after another over the partitions still short of
//! their stop, each partition's records handed to the printer in offset order, the position
//! moved past what was looked at, and — with `-g` — the group kept: heartbeats, a rejoin when
//! the group rebalances, offsets committed after every fetch and at the end.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::{bail, Context};
use kafka_protocol::error::ResponseError;
use streamline::client::fetch::{FetchPosition, FetchedPartition};
use streamline::client::member::{GroupMember, Heartbeat, HEARTBEAT_INTERVAL};
use streamline::client::offsets::OffsetSpec;
use streamline::client::records::decode_fetched;
use streamline::client::Client;

use super::position::{next_offsets, positions_for, stops_for};
use super::printer::Printer;
use super::{ConsumeArgs, Ended, Window};
use crate::connect::Property;

/// How long one fetch waits for new data while following.
const FOLLOW_WAIT_MS: i32 = 500;
/// How long one fetch waits when reading up to the end.
const CATCH_UP_WAIT_MS: i32 = 100;

/// What the group asked of this member at a turn of the loop.
enum Membership {
    /// Nothing: read on.
    Steady,
    /// The group rebalanced: positions and stops were set up again.
    Rejoined,
    /// Nothing is assigned to this member while following: it stays a member, idle.
    Idle,
}

/// The partitions being read and where each one stands.
pub struct Reader<'a> {
    client: &'a Client,
    args: &'a ConsumeArgs,
    window: Window,
    member: Option<GroupMember>,
    positions: Vec<FetchPosition>,
    /// Per partition, the offset reading stops before; none while following.
    stops: HashMap<i32, i64>,
    last_heartbeat: Instant,
    /// How long a fetch may wait while following (-X fetch.wait.max.ms).
    follow_wait_ms: i32,
}

impl<'a> Reader<'a> {
    /// Chooses the partitions (all, -p, or the group's assignment) and their positions.
    pub async fn open(
        client: &'a Client,
        args: &'a ConsumeArgs,
        window: Window,
    ) -> anyhow::Result<Reader<'a>> {
        let all = client.partitions(&args.topic, false).await?;
        let member = match &args.group {
            Some(group) => Some(
                client
                    .join_group(group, std::slice::from_ref(&args.topic))
                    .await?,
            ),
            None => None,
        };
        let partitions = if let Some(m) = &member {
            m.assignment.get(&args.topic).cloned().unwrap_or_default()
        } else if args.partitions.is_empty() {
            all.clone()
        } else {
            for p in &args.partitions {
                if !all.contains(p) {
                    bail!("topic '{}' has no partition {p}", args.topic);
                }
            }
            args.partitions.clone()
        };
        let positions = positions_for(client, args, &member, &partitions, window.start).await?;
        let stops = stops_for(client, args, &partitions, window.until).await?;
        // -X fetch.min.bytes, set on every run: inside the shell the client outlives this
        // command.
        client.set_fetch_min_bytes(
            args.connect
                .property(|p| match p {
                    Property::FetchMinBytes(b) => Some(*b),
                    _ => None,
                })
                .unwrap_or(1),
        );
        // -X fetch.wait.max.ms: librdkafka's name for how long a fetch may wait for records.
        let follow_wait_ms = args
            .connect
            .property(|p| match p {
                Property::FetchWaitMax(d) => Some(i32::try_from(d.as_millis()).unwrap_or(i32::MAX)),
                _ => None,
            })
            .unwrap_or(FOLLOW_WAIT_MS);
        Ok(Reader {
            client,
            args,
            window,
            member,
            positions,
            stops,
            last_heartbeat: Instant::now(),
            follow_wait_ms,
        })
    }

    /// How many partitions are read.
    pub fn partition_count(&self) -> usize {
        self.positions.len()
    }

    /// Reads until the printer has enough, every partition reached its stop, or `deadline`.
    pub async fn read(
        &mut self,
        printer: &mut Printer<'_>,
        deadline: Option<Instant>,
    ) -> anyhow::Result<Ended> {
        loop {
            let active: Vec<FetchPosition> = self
                .positions
                .iter()
                .filter(|p| !self.is_done(p))
                .cloned()
                .collect();
            if printer.enough() {
                return Ok(Ended::Enough);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(Ended::TimedOut);
            }
            match self.keep_membership(active.is_empty()).await? {
                Membership::Steady => {}
                Membership::Rejoined => continue,
                Membership::Idle => {
                    tokio::time::sleep(HEARTBEAT_INTERVAL).await;
                    continue;
                }
            }
            if active.is_empty() {
                return Ok(Ended::AtEnd);
            }
            let wait = if self.args.follow {
                self.follow_wait_ms
            } else {
                CATCH_UP_WAIT_MS.min(self.follow_wait_ms)
            };
            // A long poll never outlasts --timeout.
            let wait = match deadline {
                Some(d) => wait.min(
                    i32::try_from(d.saturating_duration_since(Instant::now()).as_millis())
                        .unwrap_or(i32::MAX),
                ),
                None => wait,
            };
            let fetched = self
                .client
                .fetch_as(&active, wait, self.args.isolation.into())
                .await?;
            for part in fetched {
                self.take(part, printer).await?;
            }
            printer.flush()?;
            if let Some(m) = &self.member {
                m.commit(self.client, &next_offsets(&self.positions))
                    .await?;
            }
        }
    }

    /// Commits the group's offsets and leaves it.
    pub async fn close(&mut self) -> anyhow::Result<()> {
        if let Some(m) = self.member.take() {
            m.commit(self.client, &next_offsets(&self.positions))
                .await?;
            m.leave(self.client).await?;
        }
        Ok(())
    }

    fn is_done(&self, pos: &FetchPosition) -> bool {
        self.stops
            .get(&pos.partition)
            .is_some_and(|stop| pos.offset >= *stop)
    }

    /// Heartbeats when due, and rejoins when the group rebalanced.
    async fn keep_membership(&mut self, nothing_to_read: bool) -> anyhow::Result<Membership> {
        let Some(m) = self.member.as_mut() else {
            return Ok(Membership::Steady);
        };
        if self.last_heartbeat.elapsed() >= HEARTBEAT_INTERVAL {
            self.last_heartbeat = Instant::now();
            if m.heartbeat(self.client).await? == Heartbeat::Rejoin {
                // Best effort: a commit after the group moved on is refused, and the records
                // since the last commit are read again by their new owner.
                let _ = m.commit(self.client, &next_offsets(&self.positions)).await;
                m.rejoin(self.client).await?;
                let partitions = m
                    .assignment
                    .get(&self.args.topic)
                    .cloned()
                    .unwrap_or_default();
                self.positions = positions_for(
                    self.client,
                    self.args,
                    &self.member,
                    &partitions,
                    self.window.start,
                )
                .await?;
                self.stops =
                    stops_for(self.client, self.args, &partitions, self.window.until).await?;
                return Ok(Membership::Rejoined);
            }
        }
        if nothing_to_read && self.args.follow {
            return Ok(Membership::Idle);
        }
        Ok(Membership::Steady)
    }

    /// Hands one partition's fetched records to the printer, up to its stop, and moves its
    /// position past what was looked at.
    async fn take(
        &mut self,
        part: FetchedPartition,
        printer: &mut Printer<'_>,
    ) -> anyhow::Result<()> {
        let topic = &self.args.topic;
        let Some(pos) = self
            .positions
            .iter_mut()
            .find(|p| p.partition == part.partition)
        else {
            return Ok(());
        };
        match part.error {
            None => {}
            Some(ResponseError::OffsetOutOfRange) => {
                // Retention moved the start (or the log was truncated): resume at the nearest
                // valid offset, as Kafka's auto.offset.reset=earliest would.
                let spec = if pos.offset < part.log_start_offset.max(0) {
                    OffsetSpec::Earliest
                } else {
                    OffsetSpec::Latest
                };
                let reset = self
                    .client
                    .list_offsets_as(topic, &[pos.partition], spec, self.args.isolation.into())
                    .await?;
                if let Some(r) = reset.first() {
                    pos.offset = r.offset;
                }
                return Ok(());
            }
            Some(e) => bail!(
                "reading {topic}/{}: {}",
                part.partition,
                streamline::error::in_words(e)
            ),
        }
        let decoded = decode_fetched(&part, pos.offset)
            .with_context(|| format!("decoding {topic}/{}", part.partition))?;
        // Where this partition's reading stopped inside the fetched records, if it did: the
        // committed position must not pass records that were never looked at.
        let mut stopped_at = None;
        for record in &decoded.records {
            if printer.enough() {
                stopped_at = Some(record.offset);
                break;
            }
            if self.window.until.is_some_and(|ts| record.timestamp >= ts)
                && !self.stops.contains_key(&part.partition)
            {
                // Following towards a future --until: this record is the first past it.
                self.stops.insert(part.partition, record.offset);
            }
            if self
                .stops
                .get(&part.partition)
                .is_some_and(|stop| record.offset >= *stop)
            {
                stopped_at = Some(record.offset);
                break;
            }
            printer.take(part.partition, record).await?;
        }
        match (stopped_at, decoded.next_offset) {
            (Some(at), _) => pos.offset = pos.offset.max(at),
            (None, Some(next)) => pos.offset = pos.offset.max(next),
            (None, None) => {}
        }
        Ok(())
    }
}
