//! Sealed segments: immutable, complete on disk, read through memory maps (or frozen buffers
//! in memory) so fetches are zero-copy slices.
//!
//! Opening one reads no batch data: the base offset comes from the file name, the end from the
//! next segment's base offset, the max timestamp from the last time index entry. Its index files
//! get a cheap plausibility check (see [`index::check_offset_index`]); when missing or damaged
//! they are rebuilt from the log with a header-only scan and rewritten.

use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use crate::{Error, Result};

use super::file;
use super::index;
use super::recovery::{scan_batches, Continuity};
use super::segment::{
    check_header, log_path, offset_index_path, time_index_path, MaxTimestamp, SegmentView,
};
use super::LogConfig;

pub(crate) struct SealedSegment {
    pub(crate) base_offset: i64,
    pub(crate) next_offset: i64,
    pub(crate) max_timestamp: Option<MaxTimestamp>,
    /// The whole segment, header included.
    pub(crate) data: Bytes,
    pub(crate) offset_index: Bytes,
    pub(crate) time_index: Bytes,
    /// The segment file; None in memory.
    pub(crate) path: Option<PathBuf>,
    /// Retention falls back to this when no batch carries a timestamp.
    pub(crate) last_modified_ms: i64,
}

impl SealedSegment {
    /// Opens the sealed segment `base_offset` of `dir`, whose offsets end where the next
    /// segment's begin (its last batches may have been removed by compaction, so the offsets
    /// up to there may be a gap). Returns whether its indexes had to be rebuilt.
    pub(crate) fn open(
        dir: &Path,
        base_offset: i64,
        next_offset: i64,
        config: &LogConfig,
    ) -> Result<(SealedSegment, bool)> {
        let path = log_path(dir, base_offset);
        let corrupt = |reason: String| Error::CorruptLog {
            path: path.display().to_string(),
            reason,
        };
        let file = File::open(&path)?;
        let metadata = file.metadata()?;
        if metadata.len() > u64::from(u32::MAX) {
            return Err(corrupt(format!(
                "{} bytes is more than a segment can index",
                metadata.len()
            )));
        }
        let data = file::map(&file)?;
        // A crash cannot damage a sealed header (it was fsynced before the next segment
        // existed), so a bad one means the file is not ours or was altered: refuse it.
        check_header(&data, base_offset).map_err(corrupt)?;
        let offsets = u64::try_from(next_offset - base_offset).unwrap_or(0);
        let offset_index_file = offset_index_path(&path);
        let time_index_file = time_index_path(&path);
        let loaded = load_index(&offset_index_file, |bytes| {
            index::check_offset_index(bytes, offsets, data.len() as u64)
        })
        .and_then(|offset_index| {
            let time_index = load_index(&time_index_file, |bytes| {
                index::check_time_index(bytes, offsets)
            })?;
            Ok((offset_index, time_index))
        });
        let (rebuilt, (offset_index, time_index)) = match loaded {
            Ok(indexes) => (false, indexes),
            Err(reason) => {
                tracing::warn!(file = %path.display(), %reason, "rebuilding segment indexes");
                (
                    true,
                    rebuild_indexes(&path, &data, base_offset, next_offset, config)?,
                )
            }
        };
        let max_timestamp =
            index::last_time_entry(&time_index).map(|(timestamp, rel)| MaxTimestamp {
                timestamp,
                batch_offset: base_offset + i64::from(rel),
            });
        let last_modified_ms = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map_or_else(now_ms, |age| {
                i64::try_from(age.as_millis()).unwrap_or(i64::MAX)
            });
        let segment = SealedSegment {
            base_offset,
            next_offset,
            max_timestamp,
            data,
            offset_index,
            time_index,
            path: Some(path),
            last_modified_ms,
        };
        Ok((segment, rebuilt))
    }

    pub(crate) fn view(&self) -> SegmentView<'_> {
        SegmentView {
            base_offset: self.base_offset,
            next_offset: self.next_offset,
            max_timestamp: self.max_timestamp,
            bytes: &self.data,
            offset_index: &self.offset_index,
            time_index: &self.time_index,
            path: self.path.as_deref(),
        }
    }

    pub(crate) fn size_bytes(&self) -> u64 {
        self.data.len() as u64
    }

    /// The newest record timestamp, or the last modification time when no batch has one.
    pub(crate) fn newest_timestamp_ms(&self) -> i64 {
        self.max_timestamp
            .map_or(self.last_modified_ms, |max| max.timestamp)
    }

    /// Removes the segment's files: the log first, so a crash in between leaves orphan index
    /// files (ignored and cleaned up on open) rather than a segment without indexes.
    pub(crate) fn delete(&self) -> Result<()> {
        if let Some(path) = &self.path {
            file::remove_if_exists(path)?;
            file::remove_if_exists(&offset_index_path(path))?;
            file::remove_if_exists(&time_index_path(path))?;
        }
        Ok(())
    }
}

/// Maps an index file and checks it; the error says why it cannot be used.
fn load_index(path: &Path, check: impl Fn(&[u8]) -> Result<(), String>) -> Result<Bytes, String> {
    let describe = |e: std::io::Error| match e.kind() {
        ErrorKind::NotFound => format!("{} is missing", path.display()),
        _ => format!("{}: {e}", path.display()),
    };
    let file = File::open(path).map_err(describe)?;
    let bytes = file::map(&file).map_err(|e| format!("{}: {e}", path.display()))?;
    check(&bytes).map_err(|reason| format!("{}: {reason}", path.display()))?;
    Ok(bytes)
}

/// Rebuilds both indexes from the log, writes them durably and maps them.
fn rebuild_indexes(
    path: &Path,
    data: &[u8],
    base_offset: i64,
    next_offset: i64,
    config: &LogConfig,
) -> Result<(Bytes, Bytes)> {
    let mut scan = scan_batches(data, base_offset, config, false, Continuity::Gaps);
    if let Some(stop) = &scan.stop {
        // Reads of the damaged part will fail with CorruptLog; the intact part stays readable.
        tracing::warn!(file = %path.display(), "sealed segment is damaged: {stop}");
    } else if scan.next_offset > next_offset {
        tracing::warn!(
            file = %path.display(), end_offset = scan.next_offset, next_segment = next_offset,
            "sealed segment runs past the start of the next one"
        );
    }
    scan.index.seal();
    let (offsets, times) = scan.index.into_parts();
    let (offset_path, time_path) = (offset_index_path(path), time_index_path(path));
    file::write_file_synced(&offset_path, &offsets)?;
    file::write_file_synced(&time_path, &times)?;
    // Mapped like every other sealed index, so they live in the page cache, not the heap.
    Ok((
        file::map(&File::open(offset_path)?)?,
        file::map(&File::open(time_path)?)?,
    ))
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        })
}
