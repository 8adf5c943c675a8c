//! [`BlockingEmbedded`]: the embedded broker for callers without a tokio runtime. It owns a
//! small runtime of its own (two worker threads) that serves the broker's connections, and
//! each call blocks on it.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use tokio::runtime::{Handle, Runtime};

use super::{Builder, Embedded, Message, Produced, Record};
use crate::{Error, Result};

/// Worker threads of the runtime a blocking broker brings: enough that Kafka clients are
/// served while the caller's thread waits on a call.
const WORKER_THREADS: usize = 2;

/// An [`Embedded`] broker with blocking calls, started by [`Builder::start_blocking`].
/// Dropping it stops the broker and its runtime.
///
/// ```
/// use streamline::embedded::Message;
///
/// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
/// broker.produce("orders", Message::new("hello"))?;
/// let records = broker.consume("orders", 0, 0, 10)?;
/// assert_eq!(records.len(), 1);
/// broker.shutdown()?;
/// # Ok::<(), streamline::Error>(())
/// ```
pub struct BlockingEmbedded {
    /// `None` once shut down; dropped before the runtime that drives it.
    broker: Option<Embedded>,
    runtime: Option<Runtime>,
}

impl BlockingEmbedded {
    pub(super) fn start(builder: Builder) -> Result<BlockingEmbedded> {
        if Handle::try_current().is_ok() {
            return Err(inside_a_runtime());
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(WORKER_THREADS)
            .thread_name("streamline-embedded")
            .enable_all()
            .build()?;
        let broker = runtime.block_on(builder.start())?;
        Ok(BlockingEmbedded {
            broker: Some(broker),
            runtime: Some(runtime),
        })
    }

    fn call<'a, T, F>(&'a self, call: impl FnOnce(&'a Embedded) -> F) -> Result<T>
    where
        F: std::future::Future<Output = Result<T>>,
    {
        if Handle::try_current().is_ok() {
            return Err(inside_a_runtime());
        }
        match (&self.broker, &self.runtime) {
            (Some(broker), Some(runtime)) => runtime.block_on(call(broker)),
            _ => Err(Error::Client(
                "the embedded broker has been shut down".into(),
            )),
        }
    }

    /// See [`Embedded::bootstrap`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().start_blocking()?;
    /// assert!(broker.bootstrap().starts_with("127.0.0.1:"));
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn bootstrap(&self) -> String {
        self.local_addr().to_string()
    }

    /// See [`Embedded::local_addr`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().start_blocking()?;
    /// assert!(broker.local_addr().ip().is_loopback());
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn local_addr(&self) -> SocketAddr {
        self.broker
            .as_ref()
            .map(Embedded::local_addr)
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// See [`Embedded::data_dir`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().start_blocking()?;
    /// assert!(broker.data_dir().is_none());
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn data_dir(&self) -> Option<&Path> {
        self.broker.as_ref().and_then(Embedded::data_dir)
    }

    /// See [`Embedded::create_topic`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().start_blocking()?;
    /// broker.create_topic("payments", 2)?;
    /// assert_eq!(broker.partitions("payments")?, 2);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn create_topic(&self, name: &str, partitions: i32) -> Result<()> {
        self.call(|b| b.create_topic(name, partitions))
    }

    /// See [`Embedded::create_topic_with_configs`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().start_blocking()?;
    /// broker.create_topic_with_configs("audit", 1, &[("retention.ms", "60000")])?;
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn create_topic_with_configs(
        &self,
        name: &str,
        partitions: i32,
        configs: &[(&str, &str)],
    ) -> Result<()> {
        self.call(|b| b.create_topic_with_configs(name, partitions, configs))
    }

    /// See [`Embedded::topics`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// assert_eq!(broker.topics()?, ["orders"]);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn topics(&self) -> Result<Vec<String>> {
        self.call(|b| b.topics())
    }

    /// See [`Embedded::partitions`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().topic("orders", 3).start_blocking()?;
    /// assert_eq!(broker.partitions("orders")?, 3);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn partitions(&self, topic: &str) -> Result<i32> {
        self.call(|b| b.partitions(topic))
    }

    /// See [`Embedded::produce`].
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// assert_eq!(broker.produce("orders", Message::new("a"))?.offset, 0);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn produce(&self, topic: &str, message: Message) -> Result<Produced> {
        self.call(|b| b.produce(topic, message))
    }

    /// See [`Embedded::produce_all`].
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// let produced = broker.produce_all("orders", [Message::new("a"), Message::new("b")])?;
    /// assert_eq!(produced.len(), 2);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn produce_all(
        &self,
        topic: &str,
        messages: impl IntoIterator<Item = Message>,
    ) -> Result<Vec<Produced>> {
        self.call(|b| b.produce_all(topic, messages))
    }

    /// See [`Embedded::consume`].
    ///
    /// ```
    /// use streamline::embedded::Message;
    ///
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// broker.produce("orders", Message::new("a"))?;
    /// assert_eq!(broker.consume("orders", 0, 0, 10)?.len(), 1);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn consume(
        &self,
        topic: &str,
        partition: i32,
        offset: i64,
        max_records: usize,
    ) -> Result<Vec<Record>> {
        self.call(|b| b.consume(topic, partition, offset, max_records))
    }

    /// See [`Embedded::consume_wait`].
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// let records = broker.consume_wait("orders", 0, 0, 1, Duration::from_millis(50))?;
    /// assert!(records.is_empty(), "nothing arrived");
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn consume_wait(
        &self,
        topic: &str,
        partition: i32,
        offset: i64,
        max_records: usize,
        timeout: Duration,
    ) -> Result<Vec<Record>> {
        self.call(|b| b.consume_wait(topic, partition, offset, max_records, timeout))
    }

    /// See [`Embedded::end_offset`].
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// assert_eq!(broker.end_offset("orders", 0)?, 0);
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn end_offset(&self, topic: &str, partition: i32) -> Result<i64> {
        self.call(|b| b.end_offset(topic, partition))
    }

    /// See [`Embedded::shutdown`]; the broker's runtime stops too.
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().start_blocking()?;
    /// broker.shutdown()?;
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn shutdown(mut self) -> Result<()> {
        if Handle::try_current().is_ok() {
            // Dropped instead: stopped without waiting, as blocking is not allowed here.
            return Err(inside_a_runtime());
        }
        let result = match (self.broker.take(), &self.runtime) {
            (Some(broker), Some(runtime)) => runtime.block_on(broker.shutdown()),
            _ => Ok(()),
        };
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(Duration::from_secs(5));
        }
        result
    }
}

/// A blocking call from inside a tokio runtime would stall (or panic) it.
fn inside_a_runtime() -> Error {
    Error::Client(
        "a blocking embedded broker was called inside a tokio runtime; use Embedded and \
         start().await there"
            .into(),
    )
}

impl Drop for BlockingEmbedded {
    fn drop(&mut self) {
        let Some(runtime) = self.runtime.take() else {
            return;
        };
        if let Some(broker) = self.broker.take() {
            // Blocking on the runtime is not allowed from inside another one (a blocking
            // broker dropped in async code): there the broker stops without waiting.
            if Handle::try_current().is_ok() {
                drop(broker);
            } else if let Err(e) = runtime.block_on(broker.shutdown()) {
                tracing::error!(error = %e, "stopping the embedded broker failed");
            }
        }
        runtime.shutdown_background();
    }
}
