//! `streamline top`: a live dashboard of a Kafka-compatible cluster in the terminal.
//!
//! This crate knows nothing of Kafka clients. The binary implements [`Source`] on top of its
//! client layer (in-process data directory, a running `serve`, or any cluster) and hands it
//! to [`run`]; tests hand it a fake. The pieces, each in its own file:
//!
//! - `model`: plain snapshots of the cluster (topics, partitions, offsets, sizes, groups);
//! - `stats`: rates and histories computed from successive snapshots (`topics watch` uses it
//!   too);
//! - `keymap`: every key and what it does, as data — for the handler and the help alike;
//! - `app`: the dashboard's state and what every command does — no drawing, no terminal;
//! - `view`: drawing the state into a ratatui frame, one file per view;
//! - `run`: the terminal (raw mode, alternate screen, restored on every exit) and the event
//!   loop, with the source polled on its own thread so input never waits for the network.

pub mod app;
pub mod keymap;
pub mod model;
pub mod run;
pub mod source;
pub mod stats;
pub mod view;

pub use app::App;
pub use model::{
    GroupPartition, GroupSnapshot, PartitionSnapshot, Snapshot, TailRecord, TopicSnapshot,
};
pub use run::{run, RunOptions};
pub use source::Source;
pub use stats::{Stats, TopicRates};
pub use view::format;
