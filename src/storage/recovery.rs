//! Crash recovery: the scan that walks a segment's batches (checking CRCs for the active
//! segment, headers only for index rebuilds) and the repair of the active segment at startup.
//!
//! Invariant after [`recover_active`]: the active segment file is a valid header followed by
//! batches that all pass [`validate`], with consecutive offsets starting at the base offset in
//! the file name. Anything after the last such batch (a torn write, a flipped byte, garbage) is
//! truncated and reported; a damaged or missing header is rewritten from the file name. Only
//! the active segment is scanned, and not even that after a clean shutdown (clean_shutdown.rs):
//! sealed segments were made durable before the next segment was created, so startup time does
//! not grow with the data size.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;

use crate::protocol::batch::{validate, validate_stored, BatchHeader};
use crate::{Error, Result};

use super::active::ActiveSegment;
use super::clean_shutdown::{self, CleanRecord};
use super::file::{self, FileStore};
use super::index::{last_offset_entry, IndexBuilder};
use super::segment::{check_header, encode_header, log_path, SEGMENT_HEADER_LEN};
use super::LogConfig;

/// What opening a partition log found and repaired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecoveryReport {
    /// Bytes cut from the tail of the active segment.
    pub truncated_bytes: u64,
    /// Why anything was repaired, naming the file and position; None for a clean open.
    pub reason: Option<String>,
    /// Sealed segments whose index files were missing or damaged and rebuilt from the log.
    pub rebuilt_indexes: usize,
}

/// What a scan of a segment's batches found.
pub(crate) struct Scan {
    /// Position just past the last good batch: the segment's valid length.
    pub valid_len: u64,
    pub next_offset: i64,
    pub index: IndexBuilder,
    pub first_batch_timestamp: Option<i64>,
    /// Why the scan stopped before the end of `data`, if it did.
    pub stop: Option<String>,
}

/// Whether a segment's batches must continue each other's offsets exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Continuity {
    /// Appended as produced: each batch starts where the previous one ended (active segments).
    Dense,
    /// Cleaned by compaction, or possibly so (sealed segments): whole batches may be missing
    /// between two others, and a batch may hold fewer records than its offsets span.
    Gaps,
}

/// Walks the batches of a whole segment (`data` includes our header) while they are intact
/// and continue the offsets from `base_offset` (exactly, or past a gap, per `continuity`),
/// building the indexes as appends would. `verify_crc` also checks each batch's CRC
/// (recovery, doctor) rather than only its header (index rebuild).
pub(crate) fn scan_batches(
    data: &[u8],
    base_offset: i64,
    config: &LogConfig,
    verify_crc: bool,
    continuity: Continuity,
) -> Scan {
    let mut scan = Scan {
        valid_len: SEGMENT_HEADER_LEN,
        next_offset: base_offset,
        index: IndexBuilder::new(config.index_interval_bytes),
        first_batch_timestamp: None,
        stop: None,
    };
    while let Some(rest) = data
        .get(scan.valid_len as usize..)
        .filter(|rest| !rest.is_empty())
    {
        match next_batch(rest, scan.next_offset, verify_crc, continuity) {
            Ok((header, len)) => {
                let rel = u32::try_from(header.base_offset - base_offset);
                let pos = u32::try_from(scan.valid_len);
                let (Ok(rel), Ok(pos)) = (rel, pos) else {
                    scan.stop = Some(format!(
                        "batch at position {} overflows the index",
                        scan.valid_len
                    ));
                    break;
                };
                scan.index.on_batch(rel, pos, &header, len as u64);
                scan.first_batch_timestamp
                    .get_or_insert(header.max_timestamp);
                scan.next_offset = header.last_offset() + 1;
                scan.valid_len += len as u64;
            }
            Err(reason) => {
                scan.stop = Some(format!("batch at position {}: {reason}", scan.valid_len));
                break;
            }
        }
    }
    scan
}

/// The batch at the start of `rest` if it is whole, valid and has base offset `expected` (or,
/// with gaps allowed, at least `expected`).
fn next_batch(
    rest: &[u8],
    expected: i64,
    verify_crc: bool,
    continuity: Continuity,
) -> Result<(BatchHeader, usize), String> {
    let header = BatchHeader::parse(rest).map_err(|e| e.to_string())?;
    let len = header.total_len();
    let batch = rest
        .get(..len)
        .ok_or_else(|| format!("truncated: needs {len} bytes, {} remain", rest.len()))?;
    if verify_crc {
        match continuity {
            Continuity::Dense => validate(batch),
            Continuity::Gaps => validate_stored(batch),
        }
        .map_err(|e| e.to_string())?;
    }
    let in_order = match continuity {
        Continuity::Dense => header.base_offset == expected,
        Continuity::Gaps => header.base_offset >= expected,
    };
    if !in_order {
        return Err(format!(
            "base offset {} where {expected} was expected",
            header.base_offset
        ));
    }
    if header.last_offset_delta < 0 || header.last_offset() == i64::MAX {
        return Err(format!(
            "invalid last offset delta {}",
            header.last_offset_delta
        ));
    }
    Ok((header, len))
}

/// The active segment as recovery left it.
pub(crate) struct RecoveredActive {
    pub segment: ActiveSegment,
    /// Bytes cut from its tail.
    pub truncated_bytes: u64,
    /// Why anything was repaired; None for a clean open.
    pub reason: Option<String>,
    /// Taken from the clean-shutdown record, without a scan.
    pub clean: bool,
}

/// Repairs the active (last) segment of a partition and opens it for appending.
pub(crate) fn recover_active(
    dir: &Path,
    base_offset: i64,
    config: &LogConfig,
) -> Result<RecoveredActive> {
    let path = log_path(dir, base_offset);
    let file = OpenOptions::new().read(true).write(true).open(&path)?;
    let len = file.metadata()?.len();
    if len > u64::from(u32::MAX) {
        return Err(Error::CorruptLog {
            path: path.display().to_string(),
            reason: format!("{len} bytes is more than a segment can index"),
        });
    }
    if let Some(segment) = reopen_clean(dir, &file, base_offset, len, config)? {
        return Ok(RecoveredActive {
            segment,
            truncated_bytes: 0,
            reason: None,
            clean: true,
        });
    }
    let mut reasons = Vec::new();
    let (scan, header_ok) = if len < SEGMENT_HEADER_LEN {
        // A crash between creating the file and writing its header: nothing to keep.
        reasons.push(format!("incomplete segment header ({len} bytes)"));
        file.set_len(0)?;
        (
            scan_batches(&[], base_offset, config, true, Continuity::Dense),
            false,
        )
    } else {
        let data = file::map(&file)?;
        let header = check_header(&data, base_offset);
        if let Err(reason) = &header {
            reasons.push(reason.clone());
        }
        (
            scan_batches(&data, base_offset, config, true, Continuity::Dense),
            header.is_ok(),
        )
    };
    // A partial header counts as truncated; a damaged whole one is rewritten, not truncated.
    let truncated_bytes = if len < SEGMENT_HEADER_LEN {
        len
    } else {
        len.saturating_sub(scan.valid_len)
    };
    if let Some(stop) = &scan.stop {
        reasons.push(stop.clone());
    }
    if !header_ok {
        file.write_all_at(&encode_header(base_offset), 0)?;
    }
    if len > scan.valid_len {
        file.set_len(scan.valid_len)?;
    }
    let reason =
        (!reasons.is_empty()).then(|| format!("{}: {}", path.display(), reasons.join("; ")));
    if let Some(reason) = &reason {
        file.sync_all()?;
        tracing::warn!(
            file = %path.display(), valid_len = scan.valid_len, next_offset = scan.next_offset,
            truncated_bytes, "recovered active segment: {reason}"
        );
    }
    drop(file);
    let store = FileStore::open(path, scan.valid_len)?;
    let segment = ActiveSegment::recovered(
        store,
        base_offset,
        scan.next_offset,
        scan.index,
        scan.first_batch_timestamp,
    );
    Ok(RecoveredActive {
        segment,
        truncated_bytes,
        reason,
        clean: false,
    })
}

/// The active segment as the clean-shutdown record describes it, if the record matches the
/// file: the header is intact and the batches from the last offset index entry on (at most
/// an index interval plus one batch) pass their CRC and end exactly where the record says.
/// That bounded check catches a tail changed since the record was written, without reading
/// the whole segment.
fn reopen_clean(
    dir: &Path,
    file: &File,
    base_offset: i64,
    len: u64,
    config: &LogConfig,
) -> Result<Option<ActiveSegment>> {
    let Some(record) = clean_shutdown::take(dir, base_offset, len)? else {
        return Ok(None);
    };
    let mut header = [0u8; SEGMENT_HEADER_LEN as usize];
    if len < SEGMENT_HEADER_LEN
        || file.read_exact_at(&mut header, 0).is_err()
        || check_header(&header, base_offset).is_err()
    {
        return Ok(None);
    }
    if !tail_matches(file, base_offset, &record)? {
        tracing::warn!(dir = %dir.display(), "the active segment's tail changed since its clean-shutdown record; checking all of it");
        return Ok(None);
    }
    let store = FileStore::open(log_path(dir, base_offset), len)?;
    Ok(Some(ActiveSegment::recovered(
        store,
        base_offset,
        record.next_offset,
        record.index_builder(config.index_interval_bytes),
        record.first_batch_timestamp,
    )))
}

/// Whether the batches after the record's last offset index entry are intact and lead to the
/// record's next offset at exactly its valid length.
fn tail_matches(file: &File, base_offset: i64, record: &CleanRecord) -> Result<bool> {
    let (rel, pos) =
        last_offset_entry(&record.index.offsets).unwrap_or((0, SEGMENT_HEADER_LEN as u32));
    let data = file::map(file)?;
    let mut pos = pos as usize;
    let mut expected = base_offset + i64::from(rel);
    while let Some(rest) = data.get(pos..).filter(|rest| !rest.is_empty()) {
        match next_batch(rest, expected, true, Continuity::Dense) {
            Ok((header, len)) => {
                expected = header.last_offset() + 1;
                pos += len;
            }
            Err(_) => return Ok(false),
        }
    }
    Ok(pos as u64 == record.valid_len && expected == record.next_offset)
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::PathBuf;

    use kafka_protocol::records::Compression;

    use super::*;
    use crate::protocol::batch::split_batches;
    use crate::protocol::batch::tests::encode_batch;
    use crate::storage::segment::{self, offset_index_path, time_index_path};
    use crate::storage::{LogConfig, PartitionLog};

    fn small() -> LogConfig {
        LogConfig {
            segment_bytes: 1024,
            index_interval_bytes: 128,
            ..LogConfig::default()
        }
    }

    /// A partition of `batches` 3-record batches (several segments); returns its segment
    /// files, oldest first, and the size of the last batch.
    fn fixture(dir: &Path, batches: i64) -> Result<(Vec<PathBuf>, u64)> {
        let (mut log, _) = PartitionLog::open(dir, small())?;
        let mut last_len = 0;
        for i in 0..batches {
            let batch = encode_batch(&[i, i, i], Compression::Gzip);
            last_len = batch.len() as u64;
            log.append_batch(&batch, 0)?;
        }
        log.flush()?;
        Ok((segment_files(dir)?, last_len))
    }

    fn segment_files(dir: &Path) -> Result<Vec<PathBuf>> {
        let mut logs: Vec<PathBuf> = fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        logs.retain(|p| p.extension().is_some_and(|x| x == "log"));
        logs.sort();
        Ok(logs)
    }

    fn file_len(path: &Path) -> Result<u64> {
        Ok(fs::metadata(path)?.len())
    }

    /// Every offset from the log start to the end comes back in valid batches.
    fn assert_readable(log: &PartitionLog) -> Result<()> {
        let mut offset = log.log_start_offset();
        while offset < log.log_end_offset() {
            let bytes = log.read(offset, 1 << 20)?;
            let batches = split_batches(&bytes)?;
            let last = batches.last().map(|(h, _)| h.last_offset());
            assert!(
                last.is_some_and(|last| last >= offset),
                "no progress at {offset}"
            );
            offset = last.unwrap_or(i64::MAX) + 1;
        }
        Ok(())
    }

    #[test]
    fn truncated_tail_is_cut_at_the_last_whole_batch() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, last_len) = fixture(dir.path(), 20)?;
        let active = files.last().expect("segments");
        let len = file_len(active)?;
        fs::OpenOptions::new()
            .write(true)
            .open(active)?
            .set_len(len - 10)?;

        let (mut log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.truncated_bytes, last_len - 10);
        let reason = report.reason.expect("a reason");
        assert!(
            reason.contains(&active.display().to_string()) && reason.contains("truncated"),
            "{reason}"
        );
        assert_eq!(log.log_end_offset(), 57);
        assert_eq!(file_len(active)?, len - last_len);
        assert_readable(&log)?;
        assert_eq!(
            log.append_batch(&encode_batch(&[1], Compression::None), 0)?
                .base_offset,
            57
        );
        drop(log);
        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report, RecoveryReport::default());
        assert_eq!(log.log_end_offset(), 58);
        Ok(())
    }

    #[test]
    fn flipped_byte_in_the_last_batch_drops_that_batch() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, last_len) = fixture(dir.path(), 20)?;
        let active = files.last().expect("segments");
        let mut bytes = fs::read(active)?;
        let at = bytes.len() - 5;
        bytes[at] ^= 0x40;
        fs::write(active, &bytes)?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.truncated_bytes, last_len);
        assert!(
            report.reason.as_deref().is_some_and(|r| r.contains("CRC")),
            "{report:?}"
        );
        assert_eq!(log.log_end_offset(), 57);
        assert_readable(&log)
    }

    #[test]
    fn base_offset_damage_is_caught_by_offset_continuity() -> Result<()> {
        // The CRC does not cover the base offset, so recovery checks offsets follow on.
        let dir = tempfile::tempdir()?;
        let (files, last_len) = fixture(dir.path(), 20)?;
        let active = files.last().expect("segments");
        let mut bytes = fs::read(active)?;
        let at = bytes.len() - last_len as usize + 7;
        bytes[at] ^= 0x01;
        fs::write(active, &bytes)?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.truncated_bytes, last_len);
        assert_eq!(log.log_end_offset(), 57);
        Ok(())
    }

    #[test]
    fn trailing_garbage_is_truncated() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, _) = fixture(dir.path(), 5)?;
        let active = files.last().expect("segments");
        let len = file_len(active)?;
        let mut file = fs::OpenOptions::new().append(true).open(active)?;
        std::io::Write::write_all(&mut file, &[0xAB; 100])?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.truncated_bytes, 100);
        assert_eq!(file_len(active)?, len);
        assert_eq!(log.log_end_offset(), 15);
        Ok(())
    }

    #[test]
    fn missing_indexes_are_rebuilt_identically() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, _) = fixture(dir.path(), 40)?;
        let first = &files[0];
        let original = (
            fs::read(offset_index_path(first))?,
            fs::read(time_index_path(first))?,
        );
        assert!(!original.0.is_empty() && !original.1.is_empty());
        fs::remove_file(offset_index_path(first))?;
        fs::remove_file(time_index_path(&files[1]))?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.rebuilt_indexes, 2);
        assert_eq!(report.truncated_bytes, 0);
        assert_eq!(fs::read(offset_index_path(first))?, original.0);
        assert_eq!(fs::read(time_index_path(first))?, original.1);
        assert_eq!(log.log_end_offset(), 120);
        assert_eq!(log.max_timestamp()?, Some((117, 39)));
        assert_readable(&log)?;
        drop(log);
        let (_, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.rebuilt_indexes, 0);
        Ok(())
    }

    #[test]
    fn damaged_indexes_are_rebuilt_or_bypassed() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, _) = fixture(dir.path(), 80)?;
        assert!(files.len() > 3, "three sealed segments to damage");
        // Ragged size, and a last entry beyond the segment: both fail the open-time check.
        fs::write(offset_index_path(&files[0]), [0x5A; 13])?;
        let mut entry = Vec::from(1_000u32.to_be_bytes());
        entry.extend_from_slice(&100u32.to_be_bytes());
        fs::write(offset_index_path(&files[1]), &entry)?;
        // Plausible but wrong (points into the middle of a batch): reads fall back to a scan.
        let mut entry = Vec::from(1u32.to_be_bytes());
        entry.extend_from_slice(&30u32.to_be_bytes());
        fs::write(offset_index_path(&files[2]), &entry)?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.rebuilt_indexes, 2);
        assert_readable(&log)?;
        for offset in 0..log.log_end_offset() {
            let batches = split_batches(&log.read(offset, 1)?)?;
            assert_eq!(
                batches.first().map(|(h, _)| h.base_offset),
                Some(offset / 3 * 3)
            );
        }
        Ok(())
    }

    #[test]
    fn empty_or_missing_directory_starts_an_empty_log() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("topics/t/partition-3");
        let (log, report) = PartitionLog::open(&path, small())?;
        assert_eq!(report, RecoveryReport::default());
        assert_eq!((log.log_start_offset(), log.log_end_offset()), (0, 0));
        assert!(log.read(0, 100)?.is_empty());
        assert_eq!(log.offset_for_timestamp(0)?, None);
        assert_eq!(segment_files(&path)?.len(), 1);
        drop(log);
        let (log, report) = PartitionLog::open(&path, small())?;
        assert_eq!(report, RecoveryReport::default());
        assert_eq!(log.log_end_offset(), 0);
        Ok(())
    }

    #[test]
    fn a_lone_header_only_segment_sets_the_offsets() -> Result<()> {
        let dir = tempfile::tempdir()?;
        fs::write(log_path(dir.path(), 100), encode_header(100))?;
        let (mut log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report, RecoveryReport::default());
        assert_eq!((log.log_start_offset(), log.log_end_offset()), (100, 100));
        assert_eq!(
            log.append_batch(&encode_batch(&[1, 2], Compression::None), 0)?
                .last_offset,
            101
        );
        Ok(())
    }

    #[test]
    fn a_segment_created_without_its_header_is_repaired() -> Result<()> {
        for partial_header in [0, 5] {
            let dir = tempfile::tempdir()?;
            let (files, _) = fixture(dir.path(), 20)?;
            // The crash came right after creating the next segment's file.
            let next = log_path(dir.path(), 60);
            fs::write(&next, &encode_header(60)[..partial_header])?;

            let (mut log, report) = PartitionLog::open(dir.path(), small())?;
            assert_eq!(report.truncated_bytes, partial_header as u64);
            assert!(report.reason.is_some_and(|r| r.contains("header")));
            assert_eq!(log.log_end_offset(), 60);
            assert_eq!(fs::read(&next)?, encode_header(60));
            assert_eq!(segment_files(dir.path())?.len(), files.len() + 1);
            assert_readable(&log)?;
            assert_eq!(
                log.append_batch(&encode_batch(&[1], Compression::None), 0)?
                    .base_offset,
                60
            );
        }
        Ok(())
    }

    #[test]
    fn damaged_active_header_is_rewritten_and_batches_kept() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, _) = fixture(dir.path(), 20)?;
        let active = files.last().expect("segments");
        let mut bytes = fs::read(active)?;
        bytes[2] ^= 0xFF;
        fs::write(active, &bytes)?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report.truncated_bytes, 0);
        assert!(report.reason.is_some());
        assert_eq!(log.log_end_offset(), 60);
        assert_readable(&log)
    }

    #[test]
    fn damaged_sealed_header_refuses_to_open() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, _) = fixture(dir.path(), 20)?;
        let mut bytes = fs::read(&files[0])?;
        bytes[0] = b'X';
        fs::write(&files[0], &bytes)?;
        assert!(matches!(
            PartitionLog::open(dir.path(), small()),
            Err(Error::CorruptLog { .. })
        ));
        Ok(())
    }

    /// Appends `batches` more 3-record batches numbered from `from`.
    fn append(log: &mut PartitionLog, from: i64, batches: i64) -> Result<()> {
        for i in from..from + batches {
            log.append_batch(&encode_batch(&[i, i, i], Compression::Gzip), 0)?;
        }
        Ok(())
    }

    /// Every segment file and index, by name.
    fn files(dir: &Path) -> Result<Vec<(std::ffi::OsString, Vec<u8>)>> {
        let mut files = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name();
            if name.to_str().and_then(segment::parse_file_name).is_some() {
                files.push((name, fs::read(entry.path())?));
            }
        }
        files.sort();
        Ok(files)
    }

    #[test]
    fn a_clean_shutdown_reopens_without_a_scan_to_the_same_state() -> Result<()> {
        // The same appends, once in one go and once across a clean close in the middle of a
        // segment, must leave identical files: the record restores the index builder exactly.
        let straight = tempfile::tempdir()?;
        let (mut log, _) = PartitionLog::open(straight.path(), small())?;
        append(&mut log, 0, 47)?;
        log.flush()?;
        drop(log);

        let dir = tempfile::tempdir()?;
        let (mut log, _) = PartitionLog::open(dir.path(), small())?;
        append(&mut log, 0, 23)?;
        let max_timestamp = log.max_timestamp()?;
        log.close_cleanly()?;
        drop(log);

        let (mut log, report) = PartitionLog::open(dir.path(), small())?;
        assert!(log.opened_clean());
        assert_eq!(report, RecoveryReport::default());
        assert_eq!(log.log_end_offset(), 69);
        assert_eq!(log.max_timestamp()?, max_timestamp);
        assert_readable(&log)?;
        append(&mut log, 23, 24)?;
        log.flush()?;
        drop(log);
        assert_eq!(files(dir.path())?, files(straight.path())?);
        Ok(())
    }

    #[test]
    fn a_clean_record_is_used_once_and_never_after_more_appends() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (mut log, _) = PartitionLog::open(dir.path(), small())?;
        append(&mut log, 0, 5)?;
        log.close_cleanly()?;
        drop(log);
        let (log, _) = PartitionLog::open(dir.path(), small())?;
        assert!(log.opened_clean());
        drop(log);
        // Dropped without a clean close: the next open scans.
        let (log, _) = PartitionLog::open(dir.path(), small())?;
        assert!(!log.opened_clean());
        drop(log);

        // A torn append after a clean close (the record still on disk) is found and cut.
        let (mut log, _) = PartitionLog::open(dir.path(), small())?;
        log.close_cleanly()?;
        drop(log);
        let active = segment_files(dir.path())?.pop().expect("a segment");
        let mut file = fs::OpenOptions::new().append(true).open(&active)?;
        std::io::Write::write_all(&mut file, &[0xAB; 100])?;
        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert!(!log.opened_clean());
        assert_eq!(report.truncated_bytes, 100);
        assert_eq!(log.log_end_offset(), 15);
        Ok(())
    }

    #[test]
    fn a_tail_changed_after_a_clean_close_is_caught() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let (files, last_len) = fixture(dir.path(), 20)?;
        let (mut log, _) = PartitionLog::open(dir.path(), small())?;
        log.close_cleanly()?;
        drop(log);
        // Same length, one byte of the last batch flipped: the record alone would not see it.
        let active = files.last().expect("segments");
        let mut bytes = fs::read(active)?;
        let at = bytes.len() - 5;
        bytes[at] ^= 0x40;
        fs::write(active, &bytes)?;

        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert!(!log.opened_clean());
        assert_eq!(report.truncated_bytes, last_len);
        assert_eq!(log.log_end_offset(), 57);
        Ok(())
    }

    #[test]
    fn orphaned_index_files_are_removed() -> Result<()> {
        let dir = tempfile::tempdir()?;
        fixture(dir.path(), 3)?;
        let orphan = offset_index_path(&log_path(dir.path(), 999));
        fs::write(&orphan, [0u8; 8])?;
        let (log, report) = PartitionLog::open(dir.path(), small())?;
        assert_eq!(report, RecoveryReport::default());
        assert!(!orphan.exists());
        assert_eq!(log.log_end_offset(), 9);
        Ok(())
    }
}
