//! Streamline: a Kafka-wire-compatible broker core and the client layer the `streamline`
//! toolbox drives.
//!
//! To run a broker inside a program or a test suite, start with [`Embedded`]:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> streamline::Result<()> {
//! let broker = streamline::Embedded::builder().topic("orders", 3).start().await?;
//! // Point any Kafka client at broker.bootstrap().
//! broker.shutdown().await
//! # }
//! ```
//!
//! A tour of the layout, outside in:
//!
//! - [`server`] accepts TCP connections, reads length-prefixed frames and answers them in order;
//!   [`server::dispatch`] decodes each request and hands it to the broker.
//! - [`broker`] owns the topics and partitions and implements one Kafka API family per file.
//! - [`storage`] keeps each partition's log: segment files holding Kafka v2 record batches
//!   verbatim, sparse offset and time indexes, crash recovery, retention and compaction.
//! - [`security`] holds Kafka's access control model and its authorization decision.
//! - [`protocol`] holds what the wire needs beyond the `kafka-protocol` crate's message types:
//!   framing limits, the table of supported API versions, and a zero-copy view over a
//!   RecordBatch header.
//! - [`config`] resolves the server configuration from flags, environment, a TOML file and
//!   defaults.
//! - [`embedded`] wraps all of it as a library: a broker started and stopped by its caller.
//! - [`client`] is the one interface the toolbox's commands use, in-process or over the wire.
//!
//! Features: `cli` (on by default) adds what the `streamline` executable needs beside the
//! broker (the command-line definitions of the server settings and their TOML file); `http`
//! (on by default) adds the health and metrics listener. An embedder that wants the broker
//! alone depends on `streamline` with `default-features = false`.

// The house rule, enforced: nothing derived from input (network bytes, files, flags) may reach
// a panic, so the library's own code neither unwraps nor indexes unchecked. Tests may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

#[cfg(target_os = "linux")]
pub mod alloc;
pub mod broker;
pub mod client;
pub mod config;
// The embedding API is read on docs.rs: every public item is documented.
#[warn(missing_docs)]
pub mod embedded;
pub mod error;
#[cfg(feature = "http")]
pub mod http_client;
pub mod lock;
pub mod metrics;
pub mod protocol;
#[cfg(feature = "schema-registry")]
pub mod schema;
pub mod security;
pub mod server;
pub mod storage;

pub use embedded::Embedded;
pub use error::{Error, Result};

// The library's own unit tests are a program of their own, and some send hostile counts.
#[cfg(all(test, target_os = "linux"))]
#[global_allocator]
static GLOBAL: alloc::LazyLargeAlloc = alloc::LazyLargeAlloc;
