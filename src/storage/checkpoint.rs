//! The log start offset checkpoint: the one piece of partition state not derivable from the
//! segment files, because DeleteRecords may move the start into the middle of a segment.
//!
//! On-disk format of `log-start-offset.checkpoint` (18 bytes, big endian):
//!
//! ```text
//! @0  magic    4 bytes "STLS"
//! @4  version  u16     1
//! @6  offset   i64     the log start offset
//! @14 checksum u32     CRC-32C of bytes @0..14
//! ```
//!
//! Replaced atomically (temporary file, fsync, rename, directory fsync), so a crash leaves the
//! old or the new value. A damaged file is reported and ignored: the log then starts at its
//! first segment, which is what it held before any DeleteRecords.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::Result;

use super::file;

const FILE_NAME: &str = "log-start-offset.checkpoint";
const MAGIC: &[u8; 4] = b"STLS";
const VERSION: u16 = 1;
const LEN: usize = 18;

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

fn encode(offset: i64) -> [u8; LEN] {
    let mut buf = [0u8; LEN];
    buf[..4].copy_from_slice(MAGIC);
    buf[4..6].copy_from_slice(&VERSION.to_be_bytes());
    buf[6..14].copy_from_slice(&offset.to_be_bytes());
    let checksum = crc32c::crc32c(&buf[..14]);
    buf[14..].copy_from_slice(&checksum.to_be_bytes());
    buf
}

fn decode(bytes: &[u8]) -> Option<i64> {
    let offset = bytes.get(6..14)?.try_into().ok().map(i64::from_be_bytes)?;
    (bytes == encode(offset)).then_some(offset)
}

/// The persisted log start offset of the partition in `dir`, if there is a valid one.
pub(crate) fn read(dir: &Path) -> Result<Option<i64>> {
    let path = path(dir);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let offset = decode(&bytes);
    if offset.is_none() {
        tracing::warn!(file = %path.display(), "ignoring a damaged log start offset checkpoint");
    }
    Ok(offset)
}

/// Persists the log start offset durably before returning.
pub(crate) fn write(dir: &Path, offset: i64) -> Result<()> {
    file::replace_file_atomically(&path(dir), &encode(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() -> Result<()> {
        let dir = tempfile::tempdir()?;
        assert_eq!(read(dir.path())?, None);
        write(dir.path(), 1234)?;
        assert_eq!(read(dir.path())?, Some(1234));
        write(dir.path(), 5678)?;
        assert_eq!(read(dir.path())?, Some(5678));

        let mut bytes = std::fs::read(path(dir.path()))?;
        bytes[9] ^= 0x01;
        std::fs::write(path(dir.path()), &bytes)?;
        assert_eq!(read(dir.path())?, None);
        std::fs::write(path(dir.path()), &bytes[..10])?;
        assert_eq!(read(dir.path())?, None);
        Ok(())
    }
}
