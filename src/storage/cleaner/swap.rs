//! Replacing a group of sealed segments by their cleaned version, crash-safely (Kafka's
//! `.cleaned` → `.swap` → `.log` steps).
//!
//! ```text
//! <base>.log.cleaned        the cleaned segment being written; not yet part of the log
//! <base>.index.cleaned      its indexes, written and fsynced before the swap
//! <base>.timeindex.cleaned
//! <base>.<end>.swap         written and fsynced: it replaces every segment in [base, end)
//! ```
//!
//! The rename of `.log.cleaned` to `.swap` (then a directory fsync) is the commit point. After
//! it, the old segments of the range are deleted, the new indexes renamed into place and the
//! swap file renamed to `<base>.log` — renames and deletions only, which need no disk space,
//! under the log lock. A crash before the commit leaves the old segments and `.cleaned`
//! files, which the next open deletes; a crash after it leaves a `.swap` file, and the next
//! open finishes the replacement (an index not yet in place is rebuilt from the log). Either
//! way the log holds every record the old segments held or its compacted successor.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Result;

use crate::storage::file;
use crate::storage::segment::{log_path, offset_index_path, parse_file_name, time_index_path};

const CLEANED_SUFFIX: &str = ".log.cleaned";
const SWAP_SUFFIX: &str = ".swap";

/// Where the cleaned version of the group starting at `base` is written.
pub(crate) fn cleaned_path(dir: &Path, base: i64) -> PathBuf {
    dir.join(format!("{base:020}{CLEANED_SUFFIX}"))
}

/// The cleaned indexes beside the cleaned segment, and where each goes once committed.
fn cleaned_indexes(dir: &Path, base: i64) -> [(PathBuf, PathBuf); 2] {
    let log = log_path(dir, base);
    [offset_index_path(&log), time_index_path(&log)].map(|path| {
        let mut cleaned = path.clone().into_os_string();
        cleaned.push(".cleaned");
        (PathBuf::from(cleaned), path)
    })
}

/// Writes and fsyncs the cleaned segment's indexes, before the swap.
pub(crate) fn write_indexes(dir: &Path, base: i64, offsets: &[u8], times: &[u8]) -> Result<()> {
    let [(offset_index, _), (time_index, _)] = cleaned_indexes(dir, base);
    file::write_file_synced(&offset_index, offsets)?;
    file::write_file_synced(&time_index, times)?;
    Ok(())
}

/// Removes a group's cleaned files that will not be committed (failures are logged: the next
/// open removes what is left).
pub(crate) fn discard(dir: &Path, base: i64) {
    let [(offset_index, _), (time_index, _)] = cleaned_indexes(dir, base);
    for path in [cleaned_path(dir, base), offset_index, time_index] {
        if let Err(e) = file::remove_if_exists(&path) {
            tracing::warn!(file = %path.display(), error = %e, "cannot remove a cleaned file");
        }
    }
}

fn swap_path(dir: &Path, base: i64, end: i64) -> PathBuf {
    dir.join(format!("{base:020}.{end:020}{SWAP_SUFFIX}"))
}

/// The range a swap file name promises to replace.
fn parse_swap_name(name: &str) -> Option<(i64, i64)> {
    let stem = name.strip_suffix(SWAP_SUFFIX)?;
    let (base, end) = stem.split_once('.')?;
    let digits = |s: &str| s.len() == 20 && s.bytes().all(|b| b.is_ascii_digit());
    (digits(base) && digits(end)).then_some((base.parse().ok()?, end.parse().ok()?))
}

/// Commits the cleaned files of the group `[base, end)` and finishes the replacement: old
/// segments deleted, new indexes and segment renamed into place as `<base>.*`.
pub(crate) fn commit(dir: &Path, base: i64, end: i64) -> Result<PathBuf> {
    fs::rename(cleaned_path(dir, base), swap_path(dir, base, end))?;
    file::sync_dir(dir)?;
    finish(dir, base, end)?;
    file::sync_dir(dir)?;
    Ok(log_path(dir, base))
}

/// After the commit point: the old segments go, the new files take their names. Safe to run
/// again after a crash part way.
fn finish(dir: &Path, base: i64, end: i64) -> Result<()> {
    remove_range(dir, base, end)?;
    for (cleaned, path) in cleaned_indexes(dir, base) {
        match fs::rename(&cleaned, &path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    fs::rename(swap_path(dir, base, end), log_path(dir, base))?;
    Ok(())
}

/// Deletes the segment files whose base lies in `[base, end)`: each log before its indexes,
/// as a segment deletion does.
fn remove_range(dir: &Path, base: i64, end: i64) -> Result<()> {
    let mut bases = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name();
        if let Some((b, true)) = name.to_str().and_then(parse_file_name) {
            if (base..end).contains(&b) {
                bases.push(b);
            }
        }
    }
    for b in bases {
        let log = log_path(dir, b);
        file::remove_if_exists(&log)?;
        file::remove_if_exists(&offset_index_path(&log))?;
        file::remove_if_exists(&time_index_path(&log))?;
    }
    // Indexes of the base itself may outlive its log if an earlier attempt stopped here, or be
    // the new ones already in place: either way the log beside them is not theirs yet.
    let log = log_path(dir, base);
    file::remove_if_exists(&offset_index_path(&log))?;
    file::remove_if_exists(&time_index_path(&log))?;
    Ok(())
}

/// Finishes or discards what an interrupted pass left in `dir`: a `.swap` file completes its
/// replacement, a `.cleaned` file is deleted. Runs before the segments are listed on open.
pub(crate) fn recover(dir: &Path) -> Result<()> {
    let mut swaps = Vec::new();
    let mut cleaned = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if let Some(range) = parse_swap_name(name) {
            swaps.push(range);
        } else if name.ends_with(".cleaned") {
            cleaned.push(entry.path());
        }
    }
    if swaps.is_empty() && cleaned.is_empty() {
        return Ok(());
    }
    for (base, end) in &swaps {
        tracing::info!(dir = %dir.display(), base, end, "finishing an interrupted segment swap");
        finish(dir, *base, *end)?;
    }
    // What is left of a group that was never committed.
    for path in cleaned.iter().filter(|p| p.exists()) {
        tracing::info!(file = %path.display(), "removing an unfinished cleaned file");
        file::remove_if_exists(path)?;
    }
    file::sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swap_names_carry_the_range_they_replace() {
        let dir = Path::new("/d");
        let swap = swap_path(dir, 5, 1200);
        let name = swap
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert_eq!(name, "00000000000000000005.00000000000000001200.swap");
        assert_eq!(parse_swap_name(name), Some((5, 1200)));
        assert_eq!(parse_swap_name("5.1200.swap"), None);
        assert_eq!(parse_file_name(name), None, "never taken for a segment");
        let cleaned = cleaned_path(dir, 5);
        let cleaned = cleaned
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert_eq!(parse_file_name(cleaned), None);
    }
}
