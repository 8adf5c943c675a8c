//! What the wire needs beyond the `kafka-protocol` crate's generated message types: framing
//! and request-header parsing with limits checked before anything is allocated, the table of
//! API versions this broker answers, and a zero-copy view over v2 RecordBatch headers.

pub mod batch;
pub mod frame;
pub mod versions;
