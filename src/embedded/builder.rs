//! [`Builder`]: what an embedded broker starts with — memory or a data directory, the
//! listening address, topics to create, any server setting — and starting it.

use std::net::SocketAddr;
use std::path::PathBuf;

use super::{BlockingEmbedded, Embedded};
use crate::config::ServerConfig;
use crate::server::Server;
use crate::Result;

/// How to start an [`Embedded`] broker; from [`Embedded::builder`].
///
/// Unless told otherwise the broker keeps its logs in memory, listens on an ephemeral port
/// of 127.0.0.1, and otherwise has `streamline serve`'s defaults (topics are auto-created
/// with one partition, as Kafka's are).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> streamline::Result<()> {
/// use streamline::embedded::Message;
///
/// let broker = streamline::Embedded::builder()
///     .in_memory()
///     .topic("orders", 3)
///     .configure(|config| config.auto_create_topics = false)
///     .start()
///     .await?;
/// assert!(broker.produce("unknown", Message::new("x")).await.is_err(), "not created");
/// broker.shutdown().await
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until started"]
pub struct Builder {
    config: ServerConfig,
    topics: Vec<(String, i32)>,
}

impl Builder {
    pub(super) fn new() -> Builder {
        Builder {
            config: ServerConfig {
                listen_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                in_memory: true,
                ..ServerConfig::default()
            },
            topics: Vec::new(),
        }
    }

    /// Keeps every log in memory: nothing touches the disk and everything is gone when the
    /// broker stops (the default).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().in_memory().start().await?;
    /// assert!(broker.data_dir().is_none());
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn in_memory(mut self) -> Builder {
        self.config.in_memory = true;
        self
    }

    /// Keeps the logs in `dir` (created if missing), so a broker started again on it finds
    /// every topic and record. One broker owns a directory at a time; a second one fails to
    /// start with [`Error::DataDirLocked`](crate::Error::DataDirLocked).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// use streamline::embedded::{Embedded, Message};
    ///
    /// let dir = std::env::temp_dir().join(format!("streamline-doc-{}", std::process::id()));
    /// let broker = Embedded::builder().data_dir(&dir).topic("orders", 1).start().await?;
    /// broker.produce("orders", Message::new("kept")).await?;
    /// broker.shutdown().await?;
    ///
    /// let broker = Embedded::builder().data_dir(&dir).start().await?;
    /// assert_eq!(broker.end_offset("orders", 0).await?, 1);
    /// broker.shutdown().await?;
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn data_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.config.in_memory = false;
        self.config.data_dir = dir.into();
        self
    }

    /// Listens on `addr` instead of an ephemeral loopback port (port 0 still picks a free
    /// one).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let addr: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    /// let broker = streamline::Embedded::builder().listen_addr(addr).start().await?;
    /// assert_ne!(broker.local_addr().port(), 0);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn listen_addr(mut self, addr: SocketAddr) -> Builder {
        self.config.listen_addr = addr;
        self
    }

    /// Creates `name` with `partitions` partitions when the broker starts, unless it exists
    /// already (a data directory from an earlier run).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder()
    ///     .topic("orders", 3)
    ///     .topic("payments", 1)
    ///     .start()
    ///     .await?;
    /// assert_eq!(broker.topics().await?, ["orders", "payments"]);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn topic(mut self, name: impl Into<String>, partitions: i32) -> Builder {
        self.topics.push((name.into(), partitions));
        self
    }

    /// Changes any server setting — the same ones `streamline serve` takes (see
    /// `docs/CONFIG.md`) — before start.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder()
    ///     .configure(|config| config.default_partitions = 4)
    ///     .start()
    ///     .await?;
    /// broker.produce("auto", streamline::embedded::Message::new("x")).await?;
    /// assert_eq!(broker.partitions("auto").await?, 4);
    /// broker.shutdown().await
    /// # }
    /// ```
    pub fn configure(mut self, change: impl FnOnce(&mut ServerConfig)) -> Builder {
        change(&mut self.config);
        self
    }

    /// Starts the broker on the current tokio runtime (any flavour) and returns once it
    /// serves: the listener is bound and the topics exist.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> streamline::Result<()> {
    /// let broker = streamline::Embedded::builder().start().await?;
    /// broker.shutdown().await
    /// # }
    /// ```
    pub async fn start(self) -> Result<Embedded> {
        self.config.validate()?;
        let data_dir = (!self.config.in_memory).then(|| self.config.data_dir.clone());
        let server = Server::start(self.config).await?;
        let broker = Embedded::new(server, data_dir);
        let existing = broker.topics().await?;
        for (name, partitions) in &self.topics {
            if !existing.contains(name) {
                broker.create_topic(name, *partitions).await?;
            }
        }
        Ok(broker)
    }

    /// Starts the broker on a runtime of its own, for a caller without one (a plain `#[test]`
    /// or `fn main`). Fails when called from inside a tokio runtime: use
    /// [`start`](Builder::start) there.
    ///
    /// ```
    /// let broker = streamline::Embedded::builder().topic("orders", 1).start_blocking()?;
    /// assert_eq!(broker.partitions("orders")?, 1);
    /// broker.shutdown()?;
    /// # Ok::<(), streamline::Error>(())
    /// ```
    pub fn start_blocking(self) -> Result<BlockingEmbedded> {
        BlockingEmbedded::start(self)
    }
}
