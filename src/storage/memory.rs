//! The in-memory backend's active segment: the same bytes a segment file would hold (header
//! included, so positions and indexes mean the same as on disk) in a growable buffer. Sealing
//! freezes the buffer into shared [`Bytes`] without copying; nothing ever touches disk.

use std::ops::Range;

use bytes::{Bytes, BytesMut};

use crate::{Error, Result};

use super::segment::{encode_header, SegmentBytes};

pub(crate) struct MemoryStore {
    buf: BytesMut,
}

impl MemoryStore {
    pub(crate) fn new(base_offset: i64) -> MemoryStore {
        MemoryStore {
            buf: BytesMut::from(&encode_header(base_offset)[..]),
        }
    }

    /// Appends `batch` with its base offset field replaced by `base_offset`.
    pub(crate) fn append(&mut self, batch: &[u8], base_offset: i64) -> Result<()> {
        let rest = batch
            .get(8..)
            .ok_or_else(|| Error::CorruptBatch("batch shorter than its base offset".into()))?;
        self.buf.reserve(batch.len());
        self.buf.extend_from_slice(&base_offset.to_be_bytes());
        self.buf.extend_from_slice(rest);
        Ok(())
    }

    /// Takes the segment's bytes, leaving the store empty (it is discarded right after).
    pub(crate) fn freeze(&mut self) -> Bytes {
        self.buf.split().freeze()
    }
}

impl SegmentBytes for MemoryStore {
    fn len(&self) -> u64 {
        self.buf.len() as u64
    }

    fn read(&self, range: Range<u64>) -> Result<Bytes> {
        let (Ok(start), Ok(end)) = (usize::try_from(range.start), usize::try_from(range.end))
        else {
            return Err(Error::Storage(format!(
                "range {range:?} does not fit in memory"
            )));
        };
        let bytes = self
            .buf
            .get(start..end)
            .ok_or_else(|| Error::Storage(format!("range {range:?} is outside the segment")))?;
        Ok(Bytes::copy_from_slice(bytes))
    }
}
