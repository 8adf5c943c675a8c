//! The clean-shutdown record of a partition's active segment: what the startup scan would
//! find (valid length, next offset, indexes), written after the segment was fsynced at a
//! clean shutdown, so the next start can skip re-reading and re-checking the whole segment.
//! Without it, start-up time grows with the active segment (up to `segment.bytes`).
//!
//! On-disk format of `active-segment.clean` (big endian):
//!
//! ```text
//! @0  magic               4 bytes "STCS"
//! @4  version             u16     1
//! @6  base_offset         i64     the active segment this describes
//! @14 next_offset         i64
//! @22 valid_len           u64     the segment file's length
//! @30 first_batch_ts      i64     i64::MIN for none
//! @38 bytes_since_entry   u64     index builder state
//! @46 max_ts              i64     i64::MIN for none
//! @54 max_ts_rel          u32
//! @58 offsets_len         u32     then that many bytes of offset index
//! @62 times_len           u32     then that many bytes of time index
//! @66 offsets, times
//!     checksum            u32     CRC-32C of everything before it
//! ```
//!
//! The record is trusted only if its checksum holds, it names the current active segment, the
//! file is exactly `valid_len` long and the batches after the last index entry still pass
//! their CRC (recovery.rs). It is removed when read, so a crash after the next
//! start always means a full scan. It needs no fsync: the segment was durable before it was
//! written, and a lost or torn record only costs the scan it would have saved.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::Result;

use super::file;
use super::index::{check_offset_index, check_time_index, IndexBuilder, IndexState};

const FILE_NAME: &str = "active-segment.clean";
const MAGIC: &[u8; 4] = b"STCS";
const VERSION: u16 = 1;
const FIXED_LEN: usize = 66;

/// The active segment's state at a clean shutdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CleanRecord {
    pub base_offset: i64,
    pub next_offset: i64,
    pub valid_len: u64,
    pub first_batch_timestamp: Option<i64>,
    pub index: IndexState,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

fn encode(record: &CleanRecord) -> Vec<u8> {
    let index = &record.index;
    let mut buf = Vec::with_capacity(FIXED_LEN + index.offsets.len() + index.times.len() + 4);
    buf.extend_from_slice(MAGIC);
    buf.extend_from_slice(&VERSION.to_be_bytes());
    buf.extend_from_slice(&record.base_offset.to_be_bytes());
    buf.extend_from_slice(&record.next_offset.to_be_bytes());
    buf.extend_from_slice(&record.valid_len.to_be_bytes());
    buf.extend_from_slice(
        &record
            .first_batch_timestamp
            .unwrap_or(i64::MIN)
            .to_be_bytes(),
    );
    buf.extend_from_slice(&index.bytes_since_entry.to_be_bytes());
    let (max_ts, max_rel) = index.max_timestamp.unwrap_or((i64::MIN, 0));
    buf.extend_from_slice(&max_ts.to_be_bytes());
    buf.extend_from_slice(&max_rel.to_be_bytes());
    for part in [&index.offsets, &index.times] {
        let len = u32::try_from(part.len()).unwrap_or(u32::MAX);
        buf.extend_from_slice(&len.to_be_bytes());
    }
    buf.extend_from_slice(&index.offsets);
    buf.extend_from_slice(&index.times);
    let checksum = crc32c::crc32c(&buf);
    buf.extend_from_slice(&checksum.to_be_bytes());
    buf
}

/// Reads big-endian fields off the front of a byte slice.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn i64(&mut self) -> Option<i64> {
        self.array().map(i64::from_be_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_be_bytes)
    }

    fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_be_bytes)
    }
}

fn decode(bytes: &[u8]) -> Option<CleanRecord> {
    let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(4)?)?;
    if crc32c::crc32c(body).to_be_bytes() != checksum {
        return None;
    }
    let mut fields = Fields(body);
    if fields.take(4)? != MAGIC || fields.array::<2>()? != VERSION.to_be_bytes() {
        return None;
    }
    let base_offset = fields.i64()?;
    let next_offset = fields.i64()?;
    let valid_len = fields.u64()?;
    let first_batch_timestamp = Some(fields.i64()?).filter(|&ts| ts != i64::MIN);
    let bytes_since_entry = fields.u64()?;
    let max_ts = fields.i64()?;
    let max_rel = fields.u32()?;
    let offsets_len = fields.u32()? as usize;
    let times_len = fields.u32()? as usize;
    let offsets = fields.take(offsets_len)?.to_vec();
    let times = fields.take(times_len)?.to_vec();
    if !fields.0.is_empty() || next_offset < base_offset {
        return None;
    }
    let offsets_count = u64::try_from(next_offset - base_offset).ok()?;
    check_offset_index(&offsets, offsets_count, valid_len).ok()?;
    check_time_index(&times, offsets_count).ok()?;
    Some(CleanRecord {
        base_offset,
        next_offset,
        valid_len,
        first_batch_timestamp,
        index: IndexState {
            bytes_since_entry,
            offsets,
            times,
            max_timestamp: (max_ts != i64::MIN).then_some((max_ts, max_rel)),
        },
    })
}

/// Records the active segment's state. The caller has made the segment durable first.
pub(crate) fn write(dir: &Path, record: &CleanRecord) -> Result<()> {
    let path = path(dir);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, encode(record))?;
    std::fs::rename(&tmp, &path)?;
    Ok(())
}

/// Removes and returns the record for the active segment at `base_offset` whose file is
/// `file_len` bytes long, if there is a valid one: appends after this start must never be
/// covered by it.
pub(crate) fn take(dir: &Path, base_offset: i64, file_len: u64) -> Result<Option<CleanRecord>> {
    let path = path(dir);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    file::remove_if_exists(&path)?;
    let record = decode(&bytes);
    if record.is_none() {
        tracing::warn!(file = %path.display(), "ignoring a damaged clean-shutdown record");
    }
    Ok(record.filter(|r| r.base_offset == base_offset && r.valid_len == file_len))
}

/// Removes a stale record (the active segment is about to change without one).
pub(crate) fn discard(dir: &Path) -> Result<()> {
    file::remove_if_exists(&path(dir))
}

impl CleanRecord {
    /// The index builder the record describes, continuing with `interval_bytes`.
    pub(crate) fn index_builder(&self, interval_bytes: u32) -> IndexBuilder {
        IndexBuilder::restore(interval_bytes, self.index.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> CleanRecord {
        let mut offsets = Vec::from(3u32.to_be_bytes());
        offsets.extend_from_slice(&200u32.to_be_bytes());
        let mut times = Vec::from(1_700_000_000_000i64.to_be_bytes());
        times.extend_from_slice(&3u32.to_be_bytes());
        CleanRecord {
            base_offset: 100,
            next_offset: 110,
            valid_len: 400,
            first_batch_timestamp: Some(1_699_999_999_000),
            index: IndexState {
                bytes_since_entry: 77,
                offsets,
                times,
                max_timestamp: Some((1_700_000_000_001, 9)),
            },
        }
    }

    #[test]
    fn round_trips_once_and_only_for_the_same_segment() -> Result<()> {
        let dir = tempfile::tempdir()?;
        assert_eq!(take(dir.path(), 100, 400)?, None);
        write(dir.path(), &record())?;
        assert_eq!(take(dir.path(), 100, 400)?, Some(record()));
        assert_eq!(take(dir.path(), 100, 400)?, None, "taken means removed");

        write(dir.path(), &record())?;
        assert_eq!(take(dir.path(), 100, 401)?, None, "appended since");
        write(dir.path(), &record())?;
        assert_eq!(take(dir.path(), 110, 400)?, None, "another segment");
        Ok(())
    }

    #[test]
    fn damage_anywhere_is_rejected() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let good = encode(&record());
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            std::fs::write(path(dir.path()), &bad)?;
            assert_eq!(take(dir.path(), 100, 400)?, None, "flip at {at}");
        }
        for len in 0..good.len() {
            std::fs::write(path(dir.path()), &good[..len])?;
            assert_eq!(take(dir.path(), 100, 400)?, None, "cut at {len}");
        }
        Ok(())
    }
}
