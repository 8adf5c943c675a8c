//! What an embedder produces ([`Message`]) and where it landed ([`Produced`]). A message is
//! a plain value: key, value, headers, timestamp and an optional partition, built with
//! chained calls so a test reads like the record it writes.

use bytes::Bytes;

/// One record to produce through [`Embedded::produce`](super::Embedded::produce).
///
/// Without [`partition`](Message::partition), a keyed message goes where the Java client
/// and librdkafka's `murmur2_random` partitioner put it (murmur2 of the key), so tests that
/// mix embedded and network producers see the same placement; a message without a key goes
/// to the partitions in turn.
///
/// ```
/// use streamline::embedded::Message;
///
/// let message = Message::new("{\"id\":1}")
///     .key("order-1")
///     .header("source", "checkout")
///     .timestamp(1_700_000_000_000);
/// assert_eq!(message.value.as_deref(), Some(&b"{\"id\":1}"[..]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// The record key; `None` for a null key.
    pub key: Option<Bytes>,
    /// The record value; `None` for a null value (a tombstone).
    pub value: Option<Bytes>,
    /// Headers in order; a key may repeat, a value may be null.
    pub headers: Vec<(String, Option<Bytes>)>,
    /// Milliseconds since the epoch; the time of the produce call when `None`.
    pub timestamp: Option<i64>,
    /// The partition to write to; chosen from the key (or in turn) when `None`.
    pub partition: Option<i32>,
}

impl Message {
    /// A message carrying `value`, with no key, headers or timestamp yet.
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let message = Message::new(vec![1u8, 2, 3]);
    /// assert_eq!(message.value.as_deref(), Some(&[1u8, 2, 3][..]));
    /// ```
    pub fn new(value: impl Into<Bytes>) -> Message {
        Message {
            value: Some(value.into()),
            ..Message::default()
        }
    }

    /// A tombstone: a message for `key` with a null value, which a compacted topic reads as
    /// "delete this key".
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let deletion = Message::tombstone("order-1");
    /// assert_eq!(deletion.value, None);
    /// ```
    pub fn tombstone(key: impl Into<Bytes>) -> Message {
        Message {
            key: Some(key.into()),
            ..Message::default()
        }
    }

    /// Sets the key (which also picks the partition, unless one is set).
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let message = Message::new("shipped").key("order-7");
    /// assert_eq!(message.key.as_deref(), Some(&b"order-7"[..]));
    /// ```
    pub fn key(mut self, key: impl Into<Bytes>) -> Message {
        self.key = Some(key.into());
        self
    }

    /// Adds a header; a key may repeat, and order is kept.
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let message = Message::new("v").header("trace", "a").header("trace", "b");
    /// assert_eq!(message.headers.len(), 2);
    /// ```
    pub fn header(mut self, key: impl Into<String>, value: impl Into<Bytes>) -> Message {
        self.headers.push((key.into(), Some(value.into())));
        self
    }

    /// Sets the record timestamp in milliseconds since the epoch (the time of the produce
    /// call when unset).
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let message = Message::new("v").timestamp(1_700_000_000_000);
    /// assert_eq!(message.timestamp, Some(1_700_000_000_000));
    /// ```
    pub fn timestamp(mut self, epoch_ms: i64) -> Message {
        self.timestamp = Some(epoch_ms);
        self
    }

    /// Sends the message to this partition, whatever its key.
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let message = Message::new("v").partition(2);
    /// assert_eq!(message.partition, Some(2));
    /// ```
    pub fn partition(mut self, partition: i32) -> Message {
        self.partition = Some(partition);
        self
    }
}

/// Where a produced message was written.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> streamline::Result<()> {
/// use streamline::embedded::{Embedded, Message};
///
/// let broker = Embedded::builder().topic("orders", 1).start().await?;
/// let produced = broker.produce("orders", Message::new("first")).await?;
/// assert_eq!((produced.partition, produced.offset), (0, 0));
/// broker.shutdown().await
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Produced {
    /// The partition the message went to.
    pub partition: i32,
    /// Its offset in that partition.
    pub offset: i64,
}
