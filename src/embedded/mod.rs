//! The broker as a library: [`Embedded`] starts a real Kafka-compatible broker inside the
//! calling process — no Docker, no second process — for a test suite or an application.
//!
//! It is the same broker `streamline serve` runs: a listener on loopback (an ephemeral port
//! unless told otherwise) that any Kafka client reaches through [`Embedded::bootstrap`], and
//! the same core answering in-process calls ([`Embedded::produce`], [`Embedded::consume`],
//! [`Embedded::create_topic`]) through the dispatcher the network path uses, without a
//! socket. Logs live in memory unless a data directory is given, in which case a restarted
//! broker finds every topic and record again. Brokers in one process share nothing but the
//! process's open-file budget, so a test suite can run one per test in parallel.
//!
//! [`BlockingEmbedded`] is the same broker for callers without a tokio runtime.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> streamline::Result<()> {
//! use streamline::embedded::{Embedded, Message};
//!
//! let broker = Embedded::builder().in_memory().topic("orders", 3).start().await?;
//! // Any Kafka client: `bootstrap.servers` = broker.bootstrap()
//! assert!(broker.bootstrap().starts_with("127.0.0.1:"));
//!
//! broker.produce("orders", Message::new("hello").partition(1)).await?;
//! let records = broker.consume("orders", 1, 0, 10).await?;
//! assert_eq!(records[0].value.as_deref(), Some(&b"hello"[..]));
//! broker.shutdown().await
//! # }
//! ```

mod blocking;
mod builder;
mod message;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use kafka_protocol::records::Compression;

pub use crate::protocol::records::Record;
pub use blocking::BlockingEmbedded;
pub use builder::Builder;
pub use message::{Message, Produced};

use crate::broker::Broker;
use crate::client::fetch::FetchPosition;
use crate::client::offsets::{Isolation, OffsetSpec};
use crate::client::partitioner::partition_for_key;
use crate::client::produce::OutgoingRecord;
use crate::client::records::decode_fetched;
use crate::client::Client;
use crate::server::Server;
use crate::{Error, Result};

/// acks=all: an in-process produce returns once the broker would acknowledge it to a
/// Kafka producer with the same setting.
const ACKS_ALL: i16 = -1;

/// A running embedded broker. Dropping it stops the broker too, without waiting: requests in
/// flight are cut off, and the port and the data directory are freed once the runtime has
/// wound the cancelled work down. [`Embedded::shutdown`] is the orderly way, which waits.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> streamline::Result<()> {
/// use streamline::embedded::Embedded;
///
/// let broker = Embedded::builder().start().await?;
/// println!("bootstrap.servers={}", broker.bootstrap());
/// broker.shutdown().await
/// # }
/// ```
pub struct Embedded {
    /// `None` once shut down (by `shutdown` or `Drop`).
    server: Option<Server>,
    client: Client,
    data_dir: Option<PathBuf>,
    /// Where the next message without key or partition goes: the partitions in turn, from one
    /// message to the next and across calls.
    next_unkeyed: AtomicU32,
}

impl Embedded {
    /// A [`Builder`] for a broker in memory on an ephemeral loopback port.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().topic("events", 2).start().await?;
    /// assert_eq!(broker.partitions("events").await?, 2);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn builder() -> Builder {
        Builder::new()
    }

    pub(crate) fn new(server: Server, data_dir: Option<PathBuf>) -> Embedded {
        let client = Client::in_process(server.broker().clone());
        Embedded {
            server: Some(server),
            client,
            data_dir,
            next_unkeyed: AtomicU32::new(0),
        }
    }

    /// The address Kafka clients connect to, as `host:port` (their `bootstrap.servers`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().start().await?;
    /// let bootstrap = broker.bootstrap();
    /// assert_eq!(bootstrap, broker.local_addr().to_string());
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn bootstrap(&self) -> String {
        self.local_addr().to_string()
    }

    /// The address the Kafka listener is bound to.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().start().await?;
    /// assert!(broker.local_addr().ip().is_loopback());
    /// assert_ne!(broker.local_addr().port(), 0);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn local_addr(&self) -> SocketAddr {
        self.server
            .as_ref()
            .map(Server::local_addr)
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// The data directory, or `None` for a broker in memory.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().in_memory().start().await?;
    /// assert_eq!(broker.data_dir(), None);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Creates a topic with `partitions` partitions and the broker's default configs.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().start().await?;
    /// broker.create_topic("payments", 4).await?;
    /// assert!(broker.create_topic("payments", 4).await.is_err(), "it exists");
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn create_topic(&self, name: &str, partitions: i32) -> Result<()> {
        self.create_topic_with_configs(name, partitions, &[]).await
    }

    /// Creates a topic with topic configs (Kafka's names: `retention.ms`,
    /// `max.message.bytes`, ...).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().start().await?;
    /// broker
    ///     .create_topic_with_configs("audit", 1, &[("retention.ms", "3600000")])
    ///     .await?;
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn create_topic_with_configs(
        &self,
        name: &str,
        partitions: i32,
        configs: &[(&str, &str)],
    ) -> Result<()> {
        let configs: Vec<(String, String)> = configs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        self.client
            .create_topic(name, partitions, -1, &configs)
            .await
    }

    /// The names of the topics, sorted.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().topic("b", 1).topic("a", 1).start().await?;
    /// assert_eq!(broker.topics().await?, ["a", "b"]);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn topics(&self) -> Result<Vec<String>> {
        let metadata = self.client.metadata(None).await?;
        let mut names: Vec<String> = metadata
            .topics
            .iter()
            .filter_map(|t| t.name.as_ref().map(|n| n.to_string()))
            .collect();
        names.sort();
        Ok(names)
    }

    /// The partition count of a topic.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().topic("orders", 3).start().await?;
    /// assert_eq!(broker.partitions("orders").await?, 3);
    /// assert!(broker.partitions("missing").await.is_err());
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn partitions(&self, topic: &str) -> Result<i32> {
        let partitions = self.client.partitions(topic, false).await?;
        Ok(i32::try_from(partitions.len()).unwrap_or(i32::MAX))
    }

    /// Writes one message with acks=all and says where it went. A topic that does not exist
    /// is created first, with the broker's default partition count, as a Kafka producer's
    /// first send does on a broker that auto-creates topics.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// use streamline::embedded::{Embedded, Message};
    ///
    /// let broker = Embedded::builder().topic("orders", 3).start().await?;
    /// let a = broker.produce("orders", Message::new("v1").key("order-1")).await?;
    /// let b = broker.produce("orders", Message::new("v2").key("order-1")).await?;
    /// assert_eq!(a.partition, b.partition, "one key, one partition");
    /// assert_eq!(b.offset, a.offset + 1);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn produce(&self, topic: &str, message: Message) -> Result<Produced> {
        let mut produced = self.produce_all(topic, [message]).await?;
        produced
            .pop()
            .ok_or_else(|| Error::Client("the produce wrote nothing".into()))
    }

    /// Writes several messages with acks=all, one batch per partition, and says where each
    /// went, in the order given. A partition that does not exist fails the call before
    /// anything is written; a failure while writing leaves the batches written before it
    /// in the log. No messages, no request (and no topic created).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// use streamline::embedded::{Embedded, Message};
    ///
    /// let broker = Embedded::builder().topic("orders", 1).start().await?;
    /// let produced = broker
    ///     .produce_all("orders", (0..3).map(|i| Message::new(format!("order {i}"))))
    ///     .await?;
    /// let offsets: Vec<i64> = produced.iter().map(|p| p.offset).collect();
    /// assert_eq!(offsets, [0, 1, 2]);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn produce_all(
        &self,
        topic: &str,
        messages: impl IntoIterator<Item = Message>,
    ) -> Result<Vec<Produced>> {
        let messages: Vec<Message> = messages.into_iter().collect();
        if messages.is_empty() {
            return Ok(Vec::new());
        }
        let partitions = self.client.partitions(topic, true).await?;
        let count = i32::try_from(partitions.len()).unwrap_or(i32::MAX);
        if count == 0 {
            return Err(Error::UnknownTopicOrPartition(topic.to_string()));
        }
        if let Some(p) = messages
            .iter()
            .filter_map(|m| m.partition)
            .find(|p| !(0..count).contains(p))
        {
            return Err(Error::UnknownTopicOrPartition(format!(
                "topic '{topic}' has no partition {p} (it has {count})"
            )));
        }
        let now = crate::broker::now_ms();
        // Batches keep the messages' order within each partition; `placed` remembers where
        // each message sits so the answer comes back in the caller's order.
        let mut batches: Vec<(i32, Vec<OutgoingRecord>)> = Vec::new();
        let mut placed: Vec<(usize, usize)> = Vec::new();
        for message in messages {
            let partition = match (message.partition, &message.key) {
                (Some(p), _) => p,
                (None, Some(key)) => partition_for_key(key, count),
                (None, None) => {
                    let turn = self.next_unkeyed.fetch_add(1, Ordering::Relaxed);
                    i32::try_from(turn % count.unsigned_abs()).unwrap_or(0)
                }
            };
            let record = OutgoingRecord {
                key: message.key,
                value: message.value,
                headers: message.headers,
                timestamp: message.timestamp.unwrap_or(now),
            };
            let slot = match batches.iter().position(|(p, _)| *p == partition) {
                Some(slot) => slot,
                None => {
                    batches.push((partition, Vec::new()));
                    batches.len() - 1
                }
            };
            let Some((_, batch)) = batches.get_mut(slot) else {
                continue;
            };
            placed.push((slot, batch.len()));
            batch.push(record);
        }
        let mut base_offsets = Vec::with_capacity(batches.len());
        for (partition, records) in &batches {
            let appended = self
                .client
                .produce(topic, *partition, records, Compression::None, ACKS_ALL)
                .await?;
            let base = appended.base_offset.ok_or_else(|| {
                Error::Client(format!("partition {partition} gave no offset for acks=all"))
            })?;
            base_offsets.push((*partition, base));
        }
        Ok(placed
            .into_iter()
            .filter_map(|(slot, index)| {
                let (partition, base) = base_offsets.get(slot)?;
                Some(Produced {
                    partition: *partition,
                    offset: base + i64::try_from(index).ok()?,
                })
            })
            .collect())
    }

    /// Reads up to `max_records` records of one partition from `offset` on, returning at
    /// once with what the log holds (possibly nothing). Records of transactions not yet
    /// committed are included, as a read_uncommitted consumer sees them.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// use streamline::embedded::{Embedded, Message};
    ///
    /// let broker = Embedded::builder().topic("orders", 1).start().await?;
    /// broker.produce("orders", Message::new("a")).await?;
    /// broker.produce("orders", Message::new("b")).await?;
    /// let records = broker.consume("orders", 0, 1, 100).await?;
    /// assert_eq!(records.len(), 1);
    /// assert_eq!((records[0].offset, records[0].value.as_deref()), (1, Some(&b"b"[..])));
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn consume(
        &self,
        topic: &str,
        partition: i32,
        offset: i64,
        max_records: usize,
    ) -> Result<Vec<Record>> {
        self.consume_wait(topic, partition, offset, max_records, Duration::ZERO)
            .await
    }

    /// Like [`consume`](Embedded::consume), but waits up to `timeout` for `max_records`
    /// records to arrive (a fetch long poll, woken by each produce), then returns what it has.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// use std::time::Duration;
    /// use streamline::embedded::{Embedded, Message};
    ///
    /// let broker = Embedded::builder().topic("orders", 1).start().await?;
    /// broker.produce("orders", Message::new("a")).await?;
    /// let records = broker
    ///     .consume_wait("orders", 0, 0, 2, Duration::from_millis(100))
    ///     .await?;
    /// assert_eq!(records.len(), 1, "one arrived before the timeout");
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn consume_wait(
        &self,
        topic: &str,
        partition: i32,
        offset: i64,
        max_records: usize,
        timeout: Duration,
    ) -> Result<Vec<Record>> {
        let now = tokio::time::Instant::now();
        // Duration::MAX means "as long as it takes": a deadline past any wait.
        let deadline = now
            .checked_add(timeout)
            .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 24 * 3600));
        let mut out: Vec<Record> = Vec::new();
        let mut next = offset;
        while out.len() < max_records {
            let wait = deadline.saturating_duration_since(tokio::time::Instant::now());
            let wait_ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
            let position = FetchPosition {
                topic: topic.to_string(),
                partition,
                offset: next,
            };
            let fetched = self
                .client
                .fetch_as(&[position], wait_ms, Isolation::ReadUncommitted)
                .await?;
            let Some(part) = fetched.into_iter().next() else {
                break;
            };
            if let Some(error) = part.error {
                return Err(Error::Kafka {
                    error,
                    context: format!("reading {topic}-{partition} at offset {next}"),
                    message: None,
                });
            }
            let decoded = decode_fetched(&part, next)?;
            let progressed = decoded.next_offset.is_some_and(|n| n > next);
            out.extend(decoded.records);
            if let Some(n) = decoded.next_offset {
                next = next.max(n);
            }
            // Nothing new: the wait (if any) has passed, so what there is, is all.
            if !progressed && (wait.is_zero() || tokio::time::Instant::now() >= deadline) {
                break;
            }
        }
        out.truncate(max_records);
        Ok(out)
    }

    /// The offset the next record of a partition will get (its high watermark).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// use streamline::embedded::{Embedded, Message};
    ///
    /// let broker = Embedded::builder().topic("orders", 1).start().await?;
    /// assert_eq!(broker.end_offset("orders", 0).await?, 0);
    /// broker.produce("orders", Message::new("a")).await?;
    /// assert_eq!(broker.end_offset("orders", 0).await?, 1);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn end_offset(&self, topic: &str, partition: i32) -> Result<i64> {
        let offsets = self
            .client
            .list_offsets(topic, &[partition], OffsetSpec::Latest)
            .await?;
        offsets
            .first()
            .map(|o| o.offset)
            .ok_or_else(|| Error::UnknownTopicOrPartition(format!("{topic}-{partition}")))
    }

    /// Stops the broker in order: no new connections, requests in flight finished, every
    /// log flushed to disk, the data directory released. Equivalent to dropping it, except
    /// that it waits for all of that and reports a failure to flush.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().start().await?;
    /// let addr = broker.local_addr();
    /// broker.shutdown().await?;
    /// assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "no longer listening");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn shutdown(mut self) -> Result<()> {
        match self.server.take() {
            Some(server) => server.shutdown().await,
            None => Ok(()),
        }
    }

    /// The broker core, for what the calls above do not cover (the `broker` module's API).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().topic("orders", 2).start().await?;
    /// assert!(broker.core().is_some());
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn core(&self) -> Option<&Arc<Broker>> {
        self.server.as_ref().map(Server::broker)
    }
}

impl Drop for Embedded {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop_now();
        }
    }
}
