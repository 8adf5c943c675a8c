//! What the wire needs beyond the `kafka-protocol` crate's generated message types: framing
//! and request-header parsing with limits checked before anything is allocated, the table of
//! API versions this broker answers, a zero-copy view over v2 RecordBatch headers, the
//! consumer protocol's embedded payloads, and a reader for request versions only hand-written
//! codecs handle.

pub mod batch;
pub mod declared;
pub mod embedded;
pub mod frame;
pub mod inflate;
pub mod legacy;
pub mod records;
pub mod versions;
