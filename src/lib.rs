//! Streamline: a Kafka-wire-compatible broker core and the client layer the `streamline`
//! toolbox drives.
//!
//! A tour of the layout, outside in:
//!
//! - [`server`] accepts TCP connections, reads length-prefixed frames and answers them in order;
//!   [`server::dispatch`] decodes each request and hands it to the broker.
//! - [`broker`] owns the topics and partitions and implements one Kafka API family per file.
//! - [`storage`] keeps each partition's log: segment files holding Kafka v2 record batches
//!   verbatim, sparse offset and time indexes, crash recovery and retention.
//! - [`protocol`] holds what the wire needs beyond the `kafka-protocol` crate's message types:
//!   framing limits, the table of supported API versions, and a zero-copy view over a
//!   RecordBatch header.
//! - [`config`] resolves the server configuration from flags, environment, a TOML file and
//!   defaults.

#[cfg(target_os = "linux")]
pub mod alloc;
pub mod broker;
pub mod client;
pub mod config;
pub mod error;
pub mod lock;
pub mod metrics;
pub mod protocol;
pub mod server;
pub mod storage;

pub use error::{Error, Result};

#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: alloc::LazyLargeAlloc = alloc::LazyLargeAlloc;
