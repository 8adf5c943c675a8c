//! Reading one partition's committed records over an offset range, a fetch at a time — what
//! both the copy and the verification walk through. Aborted transactions and markers are
//! skipped, as a read_committed consumer skips them.

use anyhow::{bail, Context};
use kafka_protocol::records::Compression;
use streamline::client::fetch::FetchPosition;
use streamline::client::offsets::Isolation;
use streamline::client::records::decode_fetched;
use streamline::client::records::Record;
use streamline::client::Client;

/// Empty fetches in a row below the end offset before giving up.
const EMPTY_FETCH_LIMIT: u32 = 20;

/// How long one fetch may wait for data.
const FETCH_WAIT_MS: i32 = 500;

/// Reads `topic`/`partition` from `position` up to (not including) `end`.
pub struct RangeReader<'a> {
    client: &'a Client,
    side: &'static str,
    topic: &'a str,
    partition: i32,
    /// The next offset to read.
    pub position: i64,
    end: i64,
}

/// One fetch's worth of records.
pub struct Chunk {
    pub records: Vec<Record>,
    /// The codec of the chunk's first batch.
    pub compression: Compression,
}

impl<'a> RangeReader<'a> {
    /// `side` names the cluster in errors: "source" or "destination".
    pub fn new(
        client: &'a Client,
        side: &'static str,
        topic: &'a str,
        partition: i32,
        range: std::ops::Range<i64>,
    ) -> RangeReader<'a> {
        RangeReader {
            client,
            side,
            topic,
            partition,
            position: range.start,
            end: range.end,
        }
    }

    /// The next records of the range, or `None` once it is read. A chunk may be empty when
    /// the fetch held only control batches.
    pub async fn next_chunk(&mut self) -> anyhow::Result<Option<Chunk>> {
        let (topic, p, side) = (self.topic, self.partition, self.side);
        let mut empty_fetches = 0;
        while self.position < self.end {
            let at = self.position;
            let fetched = self
                .client
                .fetch_as(
                    &[FetchPosition {
                        topic: topic.to_string(),
                        partition: p,
                        offset: at,
                    }],
                    FETCH_WAIT_MS,
                    Isolation::ReadCommitted,
                )
                .await
                .with_context(|| format!("reading {topic}/{p} at offset {at} from the {side}"))?
                .into_iter()
                .next()
                .with_context(|| format!("the {side} answered a fetch without the partition"))?;
            if let Some(error) = fetched.error {
                bail!("reading {topic}/{p} at offset {at} from the {side}: {error}");
            }
            let decoded = decode_fetched(&fetched, at)
                .with_context(|| format!("reading {topic}/{p} from the {side}"))?;
            let Some(next) = decoded.next_offset else {
                empty_fetches += 1;
                if empty_fetches >= EMPTY_FETCH_LIMIT {
                    bail!(
                        "the {side} returns no records for {topic}/{p} at offset {at}, below the end offset {}",
                        self.end
                    );
                }
                continue;
            };
            let end = self.end;
            self.position = next.clamp(at + 1, end);
            return Ok(Some(Chunk {
                records: decoded
                    .records
                    .into_iter()
                    .filter(|r| r.offset < end)
                    .collect(),
                compression: decoded.compression.unwrap_or(Compression::None),
            }));
        }
        Ok(None)
    }
}
