//! Turning fetched record batches into records: every codec is decoded (with
//! [`crate::protocol::records`], which keeps repeated header keys), control batches are skipped, records before the requested offset
//! (a fetch may start inside a batch) are dropped, records of a LogAppendTime batch take the
//! batch's timestamp (as Kafka's consumer does), and a batch cut short at the end of the
//! response is left for the next fetch.

use bytes::Bytes;
use kafka_protocol::records::Compression;

use crate::protocol::batch::{BatchHeader, BATCH_HEADER_LEN, LOG_OVERHEAD};
use crate::protocol::records::decode_batch;
pub use crate::protocol::records::Record;
use crate::{Error, Result};

/// Records decoded from one fetch of one partition.
#[derive(Debug, Default)]
pub struct Decoded {
    pub records: Vec<Record>,
    /// Where the next fetch should start: after the last whole batch seen.
    pub next_offset: Option<i64>,
    /// The codec of the first data batch, so a copy can be written as the source was.
    pub compression: Option<Compression>,
}

/// The codec a batch header's compression id names (unknown ids read as none).
fn codec(id: u8) -> Compression {
    match id {
        1 => Compression::Gzip,
        2 => Compression::Snappy,
        3 => Compression::Lz4,
        4 => Compression::Zstd,
        _ => Compression::None,
    }
}

/// Decodes the whole batches in `raw`, keeping records at or after `from_offset`.
pub fn decode(raw: &Bytes, from_offset: i64) -> Result<Decoded> {
    let mut out = Decoded::default();
    let mut pos = 0usize;
    while raw.len().saturating_sub(pos) >= BATCH_HEADER_LEN {
        let header = BatchHeader::parse(&raw[pos..])?;
        let end = pos + header.total_len();
        if end > raw.len() || header.total_len() < LOG_OVERHEAD {
            break;
        }
        out.next_offset = Some(header.last_offset() + 1);
        if !header.is_control() {
            out.compression.get_or_insert(codec(header.compression()));
            let batch = raw.slice(pos..end);
            let records = decode_batch(&batch).map_err(|e| {
                Error::Client(format!(
                    "cannot decode the batch at offset {}: {e}",
                    header.base_offset
                ))
            })?;
            out.records
                .extend(records.into_iter().filter(|r| r.offset >= from_offset));
        }
        pos = end;
    }
    Ok(out)
}
