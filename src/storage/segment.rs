//! Segment files: their names, our small file header, and the read-side walk over a segment's
//! batches (find the batch containing an offset, collect whole batches, search by timestamp)
//! shared by the active and sealed segments of both backends.
//!
//! On-disk format of `<base offset, 20 digits>.log`:
//!
//! ```text
//! @0  magic          4 bytes  "STRM"
//! @4  format version u16 BE   1
//! @6  base offset    i64 BE   equal to the number in the file name
//! @14 checksum       u32 BE   CRC-32C of bytes @0..14
//! @18 Kafka v2 record batches, verbatim, contiguous, offsets strictly increasing
//! ```
//!
//! The in-memory backend stores the same bytes, so file positions mean the same in both.
//! Invariant: every batch header read here is bounds-checked against the segment, so damaged
//! bytes surface as [`Error::CorruptLog`], never as a panic or an out-of-bounds read.

use std::ops::{ControlFlow, Range};
use std::path::{Path, PathBuf};

use bytes::Bytes;

use crate::protocol::batch::{for_each_record, BatchHeader, BATCH_HEADER_LEN};
use crate::{Error, Result};

use super::index;

pub(crate) const SEGMENT_HEADER_LEN: u64 = 18;
const SEGMENT_MAGIC: &[u8; 4] = b"STRM";
const FORMAT_VERSION: u16 = 1;
const LOG_SUFFIX: &str = ".log";
const OFFSET_DIGITS: usize = 20;

/// Encodes the header that starts every segment.
pub(crate) fn encode_header(base_offset: i64) -> [u8; SEGMENT_HEADER_LEN as usize] {
    let mut header = [0u8; SEGMENT_HEADER_LEN as usize];
    header[..4].copy_from_slice(SEGMENT_MAGIC);
    header[4..6].copy_from_slice(&FORMAT_VERSION.to_be_bytes());
    header[6..14].copy_from_slice(&base_offset.to_be_bytes());
    let checksum = crc32c::crc32c(&header[..14]);
    header[14..].copy_from_slice(&checksum.to_be_bytes());
    header
}

/// Checks a segment header against the base offset its file name promises.
pub(crate) fn check_header(bytes: &[u8], base_offset: i64) -> Result<(), String> {
    let header = bytes
        .get(..SEGMENT_HEADER_LEN as usize)
        .ok_or_else(|| format!("incomplete segment header ({} bytes)", bytes.len()))?;
    if header != encode_header(base_offset) {
        return Err(format!(
            "segment header is not STRM v{FORMAT_VERSION} with base offset {base_offset}"
        ));
    }
    Ok(())
}

pub(crate) fn log_path(dir: &Path, base_offset: i64) -> PathBuf {
    dir.join(format!("{base_offset:0OFFSET_DIGITS$}{LOG_SUFFIX}"))
}

/// The offset index beside the segment file at `log_path`.
pub(crate) fn offset_index_path(log_path: &Path) -> PathBuf {
    log_path.with_extension("index")
}

/// The time index beside the segment file at `log_path`.
pub(crate) fn time_index_path(log_path: &Path) -> PathBuf {
    log_path.with_extension("timeindex")
}

/// The base offset named by a segment-family file (`.log`, `.index`, `.timeindex`) and whether
/// it is the log itself; None for anything else in the directory.
pub(crate) fn parse_file_name(name: &str) -> Option<(i64, bool)> {
    let (stem, suffix) = name.split_once('.')?;
    let is_log = match suffix {
        "log" => true,
        "index" | "timeindex" => false,
        _ => return None,
    };
    if stem.len() != OFFSET_DIGITS || !stem.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((stem.parse().ok()?, is_log))
}

/// Random access to the bytes of one segment (header included), whichever backend holds them.
pub(crate) trait SegmentBytes {
    /// Length of the valid prefix: everything at or past it is not part of the log.
    fn len(&self) -> u64;
    /// The bytes in `range`, which lies within `len()`; zero-copy where the backend allows.
    fn read(&self, range: Range<u64>) -> Result<Bytes>;
}

impl SegmentBytes for Bytes {
    fn len(&self) -> u64 {
        Bytes::len(self) as u64
    }

    fn read(&self, range: Range<u64>) -> Result<Bytes> {
        let (Ok(start), Ok(end)) = (usize::try_from(range.start), usize::try_from(range.end))
        else {
            return Err(Error::Storage(format!(
                "range {range:?} does not fit in memory"
            )));
        };
        if start > end || end > Bytes::len(self) {
            return Err(Error::Storage(format!(
                "range {range:?} is outside the segment"
            )));
        }
        Ok(self.slice(start..end))
    }
}

/// A segment's largest batch max timestamp and the base offset of the first batch with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MaxTimestamp {
    pub timestamp: i64,
    pub batch_offset: i64,
}

/// A read-only view of one segment: its bytes, indexes and offset range.
pub(crate) struct SegmentView<'a> {
    pub base_offset: i64,
    /// One past the last offset the segment holds.
    pub next_offset: i64,
    pub max_timestamp: Option<MaxTimestamp>,
    pub bytes: &'a dyn SegmentBytes,
    pub offset_index: &'a [u8],
    pub time_index: &'a [u8],
    /// For error messages; None for in-memory segments.
    pub path: Option<&'a Path>,
}

impl SegmentView<'_> {
    fn corrupt(&self, reason: String) -> Error {
        let path = match self.path {
            Some(path) => path.display().to_string(),
            None => format!("in-memory segment {}", self.base_offset),
        };
        Error::CorruptLog { path, reason }
    }

    /// The header of the batch at `pos`, checked to lie wholly inside the segment.
    fn header_at(&self, pos: u64) -> Result<BatchHeader> {
        let end = pos.saturating_add(BATCH_HEADER_LEN as u64);
        if end > self.bytes.len() {
            return Err(self.corrupt(format!(
                "batch header at position {pos} overruns the segment"
            )));
        }
        let raw = self.bytes.read(pos..end)?;
        let header = BatchHeader::parse(&raw)
            .map_err(|e| self.corrupt(format!("bad batch at position {pos}: {e}")))?;
        if pos.saturating_add(header.total_len() as u64) > self.bytes.len() {
            return Err(self.corrupt(format!("batch at position {pos} overruns the segment")));
        }
        Ok(header)
    }

    /// Where a forward scan for `offset` may start: the offset index floor entry if it points
    /// at the batch it claims, else the first batch (a damaged index costs time, not answers).
    fn scan_start(&self, offset: i64) -> u64 {
        let rel = u32::try_from(offset.saturating_sub(self.base_offset)).unwrap_or(u32::MAX);
        let Some((entry_rel, pos)) = index::offset_floor(self.offset_index, rel) else {
            return SEGMENT_HEADER_LEN;
        };
        let pos = u64::from(pos);
        match self.header_at(pos) {
            Ok(header) if header.base_offset == self.base_offset + i64::from(entry_rel) => pos,
            _ => {
                tracing::warn!(
                    segment = ?self.path, base_offset = self.base_offset, entry_rel, pos,
                    "offset index entry does not point at its batch; scanning from the start"
                );
                SEGMENT_HEADER_LEN
            }
        }
    }

    /// Position and header of the batch containing `offset`, or None when the segment ends
    /// before it.
    pub(crate) fn find_batch(&self, offset: i64) -> Result<Option<(u64, BatchHeader)>> {
        let mut pos = self.scan_start(offset);
        while pos < self.bytes.len() {
            let header = self.header_at(pos)?;
            if header.last_offset() >= offset {
                return Ok(Some((pos, header)));
            }
            pos += header.total_len() as u64;
        }
        Ok(None)
    }

    /// Whole batches from the one at `pos` to at most `max_bytes`, but at least that one batch.
    /// Reads the span in one go and trims a partial last batch.
    pub(crate) fn batches_from(
        &self,
        pos: u64,
        first: &BatchHeader,
        max_bytes: usize,
    ) -> Result<Bytes> {
        let available = self.bytes.len().saturating_sub(pos);
        let want = (max_bytes as u64)
            .min(available)
            .max(first.total_len() as u64);
        let chunk = self.bytes.read(pos..pos + want)?;
        let mut end = 0;
        while let Some(rest) = chunk
            .get(end..)
            .filter(|rest| rest.len() >= BATCH_HEADER_LEN)
        {
            let header = BatchHeader::parse(rest).map_err(|e| {
                self.corrupt(format!("bad batch at position {}: {e}", pos + end as u64))
            })?;
            if header.total_len() > rest.len() {
                break;
            }
            end += header.total_len();
        }
        Ok(chunk.slice(..end))
    }

    /// The first record at or after `min_offset` whose timestamp is >= `timestamp`, as
    /// (offset, timestamp). Skips ahead with the time index, then scans batch headers and
    /// decodes only a batch whose max timestamp qualifies.
    pub(crate) fn find_timestamp(
        &self,
        timestamp: i64,
        min_offset: i64,
    ) -> Result<Option<(i64, i64)>> {
        let mut start = self.base_offset.max(min_offset);
        if let Some((_, rel)) = index::time_floor_below(self.time_index, timestamp) {
            start = start.max(self.base_offset.saturating_add(i64::from(rel)));
        }
        let Some((mut pos, _)) = self.find_batch(start)? else {
            return Ok(None);
        };
        while pos < self.bytes.len() {
            let header = self.header_at(pos)?;
            let len = header.total_len() as u64;
            if header.max_timestamp >= timestamp && header.last_offset() >= min_offset {
                let batch = self.bytes.read(pos..pos + len)?;
                let mut hit = None;
                for_each_record(&batch, |offset, ts| {
                    if offset >= min_offset && ts >= timestamp {
                        hit = Some((offset, ts));
                        return ControlFlow::Break(());
                    }
                    ControlFlow::Continue(())
                })
                .map_err(|e| self.corrupt(format!("batch at position {pos}: {e}")))?;
                if hit.is_some() {
                    return Ok(hit);
                }
            }
            pos += len;
        }
        Ok(None)
    }

    /// The record with the largest timestamp among those at or after `min_offset`, as
    /// (offset, timestamp); the first such record on ties.
    pub(crate) fn max_timestamp_record(&self, min_offset: i64) -> Result<Option<(i64, i64)>> {
        if self.base_offset >= min_offset {
            // Every record counts, so the tracked maximum names the batch to decode.
            let Some(max) = self.max_timestamp else {
                return Ok(None);
            };
            return match self.find_batch(max.batch_offset)? {
                Some((pos, header)) => self.max_in_batch(pos, &header, min_offset),
                None => Ok(None),
            };
        }
        // Part of the segment lies below the log start offset: scan what remains visible.
        let Some((mut pos, _)) = self.find_batch(min_offset)? else {
            return Ok(None);
        };
        let mut best: Option<(i64, i64)> = None;
        while pos < self.bytes.len() {
            let header = self.header_at(pos)?;
            let candidate = if header.base_offset >= min_offset {
                (header.records_count > 0 && header.max_timestamp >= 0)
                    .then_some((header.base_offset, header.max_timestamp))
            } else {
                self.max_in_batch(pos, &header, min_offset)?
            };
            if let Some((_, ts)) = candidate {
                if best.is_none_or(|(_, best_ts)| ts > best_ts) {
                    best = candidate;
                }
            }
            pos += header.total_len() as u64;
        }
        // Batch headers only give the batch; decode the winner for the exact record.
        match best {
            Some((offset, _)) => match self.find_batch(offset)? {
                Some((pos, header)) => self.max_in_batch(pos, &header, min_offset),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }

    fn max_in_batch(
        &self,
        pos: u64,
        header: &BatchHeader,
        min_offset: i64,
    ) -> Result<Option<(i64, i64)>> {
        let batch = self.bytes.read(pos..pos + header.total_len() as u64)?;
        let mut best: Option<(i64, i64)> = None;
        for_each_record(&batch, |offset, ts| {
            if offset >= min_offset && best.is_none_or(|(_, best_ts)| ts > best_ts) {
                best = Some((offset, ts));
            }
            ControlFlow::Continue(())
        })
        .map_err(|e| self.corrupt(format!("batch at position {pos}: {e}")))?;
        Ok(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips_and_detects_damage() {
        let header = encode_header(42);
        assert!(check_header(&header, 42).is_ok());
        assert!(check_header(&header, 43).is_err());
        assert!(check_header(&header[..10], 42).is_err());
        let mut flipped = header;
        flipped[15] ^= 0x10;
        assert!(check_header(&flipped, 42).is_err());
    }

    #[test]
    fn file_names_carry_twenty_digit_offsets() {
        let dir = Path::new("/data/t/partition-0");
        assert_eq!(log_path(dir, 7), dir.join("00000000000000000007.log"));
        assert_eq!(parse_file_name("00000000000000000007.log"), Some((7, true)));
        assert_eq!(
            parse_file_name("00000000000000000007.timeindex"),
            Some((7, false))
        );
        assert_eq!(parse_file_name("7.log"), None);
        assert_eq!(parse_file_name("0000000000000000000x.log"), None);
        assert_eq!(parse_file_name("00000000000000000007.log.tmp"), None);
        assert_eq!(parse_file_name("99999999999999999999.log"), None);
    }
}
