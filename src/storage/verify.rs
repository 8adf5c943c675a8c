//! Read-only verification of stored data, for `streamline doctor --deep`: every segment's
//! header, every batch's CRC, length and offset continuity (within a segment and from one
//! segment to the next), and every sealed segment's index files against what the log says
//! they should hold. Nothing is repaired — opening a log would truncate a damaged active
//! segment — so it can run beside a server; the active segment of a running server may then
//! end in a batch still being written.

use std::collections::HashMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::Result;

use super::file;
use super::index::{OFFSET_ENTRY_LEN, TIME_ENTRY_LEN};
use super::recovery::{scan_batches, Continuity};
use super::segment::{
    check_header, offset_index_path, parse_file_name, time_index_path, SEGMENT_HEADER_LEN,
};
use super::LogConfig;
use crate::protocol::batch::BatchHeader;

/// One problem found, by file and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub file: PathBuf,
    /// Byte position in the file where the problem starts.
    pub position: u64,
    /// The offset the damaged batch should have held, when known.
    pub offset: Option<i64>,
    pub reason: String,
}

/// What a verification covered and found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub partitions: usize,
    pub segments: usize,
    pub batches: u64,
    pub bytes: u64,
    pub damage: Vec<Damage>,
}

/// Verifies every partition under `<data_dir>/topics/<topic>/partition-<n>/`.
pub fn verify_data_dir(data_dir: &Path) -> Result<VerifyReport> {
    let mut report = VerifyReport::default();
    let topics = data_dir.join("topics");
    if !topics.is_dir() {
        return Ok(report);
    }
    let mut partition_dirs = Vec::new();
    for topic in fs::read_dir(&topics)? {
        let topic = topic?.path();
        if !topic.is_dir() {
            continue;
        }
        for partition in fs::read_dir(&topic)? {
            let partition = partition?.path();
            let is_partition = partition
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("partition-"));
            if partition.is_dir() && is_partition {
                partition_dirs.push(partition);
            }
        }
    }
    partition_dirs.sort();
    for dir in partition_dirs {
        verify_partition_dir(&dir, &mut report)?;
    }
    Ok(report)
}

/// Verifies one partition directory, adding to `report`.
pub fn verify_partition_dir(dir: &Path, report: &mut VerifyReport) -> Result<()> {
    report.partitions += 1;
    let mut bases: Vec<i64> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name();
        if let Some((base, true)) = name.to_str().and_then(parse_file_name) {
            bases.push(base);
        }
    }
    bases.sort_unstable();
    let config = LogConfig::default();
    let mut expected_base: Option<i64> = None;
    for (i, &base) in bases.iter().enumerate() {
        let path = super::segment::log_path(dir, base);
        let sealed = i + 1 < bases.len();
        report.segments += 1;
        if let Some(expected) = expected_base {
            // Compaction may remove a segment's last batches, leaving a gap before the next.
            if expected > base {
                report.damage.push(Damage {
                    file: path.clone(),
                    position: 0,
                    offset: Some(expected),
                    reason: format!(
                        "the previous segment runs to offset {expected}, past the start of this one at {base}"
                    ),
                });
            }
        }
        let data = file::map(&File::open(&path)?)?;
        report.bytes += data.len() as u64;
        if let Err(reason) = check_header(&data, base) {
            report.damage.push(Damage {
                file: path.clone(),
                position: 0,
                offset: Some(base),
                reason,
            });
            expected_base = None;
            continue;
        }
        // Only sealed segments are ever compacted, so only they may have gaps.
        let continuity = if sealed {
            Continuity::Gaps
        } else {
            Continuity::Dense
        };
        let mut scan = scan_batches(&data, base, &config, true, continuity);
        report.batches += scan.index.batches();
        // The batches by their length fields alone, past a damaged one too: a bad CRC spoils
        // one batch, not where the others are, so neither the index checks nor the next
        // segment's continuity may blame them for it.
        let walk = walk_headers(&data);
        expected_base = match scan.stop.take() {
            None => Some(scan.next_offset),
            Some(stop) => {
                report.damage.push(Damage {
                    file: path.clone(),
                    position: scan.valid_len,
                    offset: Some(scan.next_offset),
                    reason: stop,
                });
                // Known only if the walk reached the end of the file through whole headers.
                walk.end_offset
            }
        };
        if sealed {
            check_offset_index(&offset_index_path(&path), base, &walk.batches, report);
            check_time_index(&time_index_path(&path), base, &walk.batches, report);
        }
    }
    Ok(())
}

/// The batches of a segment found by walking their length fields.
struct Walk {
    /// File position → (base offset, max timestamp), for every header reached.
    batches: HashMap<u64, (i64, i64)>,
    /// The offset after the last batch, when the walk ended exactly at the end of the file.
    end_offset: Option<i64>,
}

/// Walks a segment's batch headers by their lengths, without checking CRCs, so that batches
/// after a damaged one are still found.
fn walk_headers(data: &[u8]) -> Walk {
    let mut batches = HashMap::new();
    let mut pos = SEGMENT_HEADER_LEN;
    let mut end_offset = None;
    let len = data.len() as u64;
    while pos < len {
        let Some(header) = data
            .get(pos as usize..)
            .and_then(|rest| BatchHeader::parse(rest).ok())
            .filter(|h| pos + h.total_len() as u64 <= len)
        else {
            return Walk {
                batches,
                end_offset: None,
            };
        };
        batches.insert(pos, (header.base_offset, header.max_timestamp));
        end_offset = Some(header.base_offset + i64::from(header.last_offset_delta) + 1);
        pos += header.total_len() as u64;
    }
    Walk {
        batches,
        end_offset,
    }
}

fn index_damage(path: &Path, position: u64, reason: String) -> Damage {
    Damage {
        file: path.to_path_buf(),
        position,
        offset: None,
        reason: format!("{reason}; the index is rebuilt on the next start if implausible, otherwise reads fall back to scanning"),
    }
}

/// The index file's bytes if it reads as whole entries of `entry_len`; otherwise the damage
/// is reported and `None` returned.
fn read_entries(path: &Path, entry_len: usize, report: &mut VerifyReport) -> Option<Vec<u8>> {
    match fs::read(path) {
        Err(e) => {
            report
                .damage
                .push(index_damage(path, 0, format!("cannot be read ({e})")));
            None
        }
        Ok(bytes) if bytes.len() % entry_len != 0 => {
            report.damage.push(index_damage(
                path,
                0,
                format!("size {} is not whole entries", bytes.len()),
            ));
            None
        }
        Ok(bytes) => Some(bytes),
    }
}

/// Every entry (relative offset, position) must point at the start of the batch holding
/// exactly that offset. The interval between entries is not checked: it is a setting.
fn check_offset_index(
    path: &Path,
    base: i64,
    batches: &HashMap<u64, (i64, i64)>,
    report: &mut VerifyReport,
) {
    let Some(bytes) = read_entries(path, OFFSET_ENTRY_LEN, report) else {
        return;
    };
    for (i, entry) in bytes.as_chunks::<OFFSET_ENTRY_LEN>().0.iter().enumerate() {
        let &[r0, r1, r2, r3, p0, p1, p2, p3] = entry;
        let rel = u32::from_be_bytes([r0, r1, r2, r3]);
        let pos = u32::from_be_bytes([p0, p1, p2, p3]);
        let offset = base + i64::from(rel);
        if batches.get(&u64::from(pos)).map(|b| b.0) != Some(offset) {
            report.damage.push(index_damage(
                path,
                (i * OFFSET_ENTRY_LEN) as u64,
                format!("entry {i} says offset {offset} is at position {pos}, where no batch with it starts"),
            ));
            return;
        }
    }
}

/// Every entry (timestamp, relative offset) must name a batch with that max timestamp.
fn check_time_index(
    path: &Path,
    base: i64,
    batches: &HashMap<u64, (i64, i64)>,
    report: &mut VerifyReport,
) {
    let Some(bytes) = read_entries(path, TIME_ENTRY_LEN, report) else {
        return;
    };
    let by_offset: HashMap<i64, i64> = batches.values().copied().collect();
    for (i, entry) in bytes.as_chunks::<TIME_ENTRY_LEN>().0.iter().enumerate() {
        let &[t0, t1, t2, t3, t4, t5, t6, t7, r0, r1, r2, r3] = entry;
        let timestamp = i64::from_be_bytes([t0, t1, t2, t3, t4, t5, t6, t7]);
        let rel = u32::from_be_bytes([r0, r1, r2, r3]);
        let offset = base + i64::from(rel);
        if by_offset.get(&offset) != Some(&timestamp) {
            report.damage.push(index_damage(
                path,
                (i * TIME_ENTRY_LEN) as u64,
                format!("entry {i} says the batch at offset {offset} has timestamp {timestamp}, which no batch there has"),
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use kafka_protocol::records::Compression;

    use super::*;
    use crate::protocol::batch::tests::encode_batch;
    use crate::storage::PartitionLog;

    fn small() -> LogConfig {
        LogConfig {
            segment_bytes: 1024,
            index_interval_bytes: 128,
            ..LogConfig::default()
        }
    }

    fn partition(root: &Path) -> PathBuf {
        let dir = root.join("topics/t/partition-0");
        let (mut log, _) = PartitionLog::open(&dir, small()).expect("log");
        for i in 0..40 {
            log.append_batch(&encode_batch(&[i, i, i], Compression::None), 0)
                .expect("append");
        }
        log.flush().expect("flush");
        dir
    }

    fn logs(dir: &Path) -> Vec<PathBuf> {
        let mut logs: Vec<PathBuf> = fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "log"))
            .collect();
        logs.sort();
        logs
    }

    #[test]
    fn a_healthy_directory_has_no_damage() {
        let root = tempfile::tempdir().expect("tempdir");
        partition(root.path());
        let report = verify_data_dir(root.path()).expect("verified");
        assert!(report.damage.is_empty(), "{:?}", report.damage);
        assert_eq!((report.partitions, report.batches), (1, 40));
        assert!(report.segments > 2);
    }

    #[test]
    fn damage_is_reported_by_file_position_and_offset_without_repairing() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = partition(root.path());
        let files = logs(&dir);
        let sealed = &files[1];
        let mut bytes = fs::read(sealed).expect("read");
        let at = bytes.len() - 3;
        bytes[at] ^= 0x20;
        fs::write(sealed, &bytes).expect("write");
        fs::remove_file(offset_index_path(&files[0])).expect("remove index");

        let report = verify_data_dir(root.path()).expect("verified");
        let crc = report
            .damage
            .iter()
            .find(|d| &d.file == sealed)
            .expect("the flipped byte is found");
        assert!(crc.reason.contains("CRC"), "{crc:?}");
        assert!(crc.position > 0 && crc.offset.is_some());
        assert!(report
            .damage
            .iter()
            .any(|d| d.file == offset_index_path(&files[0])));
        // Only that batch is damaged: no false follow-ons — neither a gap before the next
        // segment nor index entries "where no batch starts" in the damaged segment.
        assert!(
            !report
                .damage
                .iter()
                .any(|d| d.reason.contains("previous segment runs")),
            "{:?}",
            report.damage
        );
        assert!(
            !report
                .damage
                .iter()
                .any(|d| d.file == offset_index_path(sealed) || d.file == time_index_path(sealed)),
            "{:?}",
            report.damage
        );
        assert_eq!(report.damage.len(), 2, "{:?}", report.damage);
        assert_eq!(
            fs::read(sealed).expect("read"),
            bytes,
            "nothing was repaired"
        );
    }
}
