//! The consumer protocol's payloads that travel inside other messages as bytes
//! (ConsumerProtocolSubscription in JoinGroup metadata, ConsumerProtocolAssignment in
//! SyncGroup and DescribeGroups): a big-endian i16 version, then the body at that version.

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::protocol::Encodable;

use crate::{Error, Result};

/// `value` encoded at `version`, prefixed with the version.
pub fn versioned<T: Encodable>(version: i16, value: &T) -> Result<Bytes> {
    let mut buf = BytesMut::new();
    buf.put_i16(version);
    value
        .encode(&mut buf, version)
        .map_err(|e| Error::Client(format!("encoding a consumer protocol payload: {e}")))?;
    Ok(buf.freeze())
}
