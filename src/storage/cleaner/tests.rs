//! Cleaning passes over real logs, in memory and on disk: what survives, with which offsets,
//! in which batches, and what a crash at each step of a swap leaves.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use bytes::Bytes;
use kafka_protocol::records::Compression;

use super::*;
use crate::protocol::batch::BatchHeader;
use crate::protocol::records::{
    decode_batch, encode_batch, encode_idempotent_batch, encode_marker, RecordRef,
};
use crate::storage::LogConfig;

struct Locked(Mutex<PartitionLog>);

impl LogLock for Locked {
    fn lock_log(&self) -> MutexGuard<'_, PartitionLog> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Compacted, segments of about two small batches, cleaned at any dirty ratio.
fn compacted() -> LogConfig {
    LogConfig {
        compact: true,
        delete: false,
        segment_bytes: 250,
        min_cleanable_dirty_ratio: 0.01,
        delete_retention_ms: 1_000,
        ..LogConfig::default()
    }
}

fn settings() -> CleanerSettings {
    CleanerSettings {
        dedupe_buffer_bytes: 1 << 20,
    }
}

fn inputs(now_ms: i64) -> PassInputs {
    PassInputs {
        last_stable_offset: i64::MAX,
        now_ms,
        ..PassInputs::default()
    }
}

/// (key, value) pairs; `None` values are tombstones, `None` keys key-less records.
fn batch(pairs: &[(Option<&str>, Option<&str>)], compression: Compression) -> Bytes {
    let records: Vec<RecordRef<'_>> = pairs
        .iter()
        .enumerate()
        .map(|(i, (k, v))| RecordRef {
            timestamp: 1_000 + i as i64,
            key: k.map(str::as_bytes),
            value: v.map(str::as_bytes),
            headers: &[],
        })
        .collect();
    encode_batch(&records, compression).expect("encodes")
}

fn kv(key: &str, value: &str) -> (Option<&'static str>, Option<&'static str>) {
    (
        Some(Box::leak(key.to_string().into_boxed_str())),
        Some(Box::leak(value.to_string().into_boxed_str())),
    )
}

/// Every batch of the log from its start, through the read path fetches use.
fn batches(log: &PartitionLog) -> Vec<(BatchHeader, Bytes)> {
    let mut out = Vec::new();
    let mut offset = log.log_start_offset();
    while offset < log.log_end_offset() {
        let bytes = log.read(offset, 1 << 20).expect("reads");
        let split = split_stored(&bytes);
        let Some(last) = split.last().map(|(h, _)| h.last_offset()) else {
            break;
        };
        out.extend(split);
        offset = last + 1;
    }
    out
}

fn split_stored(bytes: &Bytes) -> Vec<(BatchHeader, Bytes)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rest) = bytes.get(pos..).filter(|r| !r.is_empty()) {
        let h = BatchHeader::parse(rest).expect("header");
        out.push((h, bytes.slice(pos..pos + h.total_len())));
        pos += h.total_len();
    }
    out
}

/// (offset, key, value) of every data record.
fn records(log: &PartitionLog) -> Vec<(i64, String, Option<String>)> {
    batches(log)
        .iter()
        .filter(|(h, _)| !h.is_control())
        .flat_map(|(_, b)| decode_batch(b).expect("decodes"))
        .map(|r| {
            let text = |b: Bytes| String::from_utf8_lossy(&b).into_owned();
            (
                r.offset,
                r.key.map(text).unwrap_or_default(),
                r.value.map(text),
            )
        })
        .collect()
}

/// The value of the record after the rounds: too big to share a segment with the last round.
const LATER: &str = concat!(
    "later-later-later-later-later-later-later-later-later-later-later-later-later-later-",
    "later-later-later-later-later-later-later-later-later-later-later-later-later-later-",
    "later-later-later-later-later-later-later-later-later-later-later-later-later-later-"
);

/// Five rounds over keys k0..k4, one batch of five records per round (offsets 0..25), then
/// one more batch (offset 25) so that the last round's segment is sealed.
fn overwrite_rounds(log: &mut PartitionLog, compression: Compression) {
    for round in 0..5 {
        let pairs: Vec<_> = (0..5)
            .map(|k| kv(&format!("k{k}"), &format!("v{round}")))
            .collect();
        log.append_batch(&batch(&pairs, compression), 0)
            .expect("append");
    }
    // Uncompressed, whatever the rounds use, so that its size rolls the segment.
    log.append_batch(&batch(&[kv("later", LATER)], Compression::None), 0)
        .expect("append");
}

fn pass(log: &Locked, inputs: &PassInputs) -> Option<PassSummary> {
    clean(log, inputs, &settings(), &mut Throttle::new(None)).expect("cleans")
}

#[test]
fn the_latest_record_of_each_key_survives_with_its_offset() {
    for compression in [Compression::None, Compression::Gzip, Compression::Zstd] {
        let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
        overwrite_rounds(&mut log.lock_log(), compression);
        let before_end = log.lock_log().log_end_offset();
        let summary = pass(&log, &inputs(10_000)).expect("due");
        assert_eq!(summary.due, Some(Due::DirtyRatio));
        assert!(summary.segments_in >= 2, "{summary:?}");
        let guard = log.lock_log();
        assert_eq!(guard.log_end_offset(), before_end);
        assert_eq!(guard.log_start_offset(), 0);
        let survivors = records(&guard);
        let expected: Vec<_> = (0..5)
            .map(|k| (20 + k, format!("k{k}"), Some("v4".to_string())))
            .chain([(25, "later".to_string(), Some(LATER.to_string()))])
            .collect();
        assert_eq!(survivors, expected, "{compression:?}");
        for (h, _) in batches(&guard).iter().filter(|(h, _)| h.base_offset < 25) {
            assert_eq!(h.compression(), compression as u8, "kept in its codec");
        }
        // Nothing more to do until new records arrive.
        drop(guard);
        assert_eq!(pass(&log, &inputs(10_000)), None);
    }
}

#[test]
fn a_partly_kept_batch_keeps_its_offsets_producer_and_sequence_range() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    {
        let mut guard = log.lock_log();
        let first = encode_idempotent_batch(
            &[
                RecordRef {
                    timestamp: 5,
                    key: Some(b"a"),
                    value: Some(b"1"),
                    headers: &[("h".to_string(), Some(Bytes::from_static(b"v")))],
                },
                RecordRef {
                    timestamp: 6,
                    key: Some(b"b"),
                    value: Some(b"1"),
                    headers: &[],
                },
            ],
            Compression::Snappy,
            42,
            3,
            0,
        )
        .expect("encodes");
        guard.append_batch(&first, 0).expect("append");
        guard
            .append_batch(&batch(&[kv("b", "2")], Compression::None), 0)
            .expect("append");
        guard
            .append_batch(&batch(&[kv("c", "1")], Compression::None), 0)
            .expect("append");
        guard
            .append_batch(&batch(&[kv("d", "1")], Compression::None), 0)
            .expect("append");
    }
    pass(&log, &inputs(10_000)).expect("due");
    let guard = log.lock_log();
    let all = batches(&guard);
    let (h, bytes) = all.first().expect("a first batch");
    assert_eq!((h.base_offset, h.last_offset()), (0, 1), "offsets kept");
    assert_eq!(
        (h.producer_id, h.producer_epoch, h.base_sequence),
        (42, 3, 0)
    );
    assert_eq!((h.records_count, h.compression()), (1, 2));
    let kept = decode_batch(bytes).expect("decodes");
    assert_eq!(kept.len(), 1);
    let a = kept.first().expect("record a");
    assert_eq!((a.offset, a.timestamp), (0, 5));
    assert_eq!(
        a.headers,
        vec![("h".to_string(), Some(Bytes::from_static(b"v")))]
    );
}

#[test]
fn tombstones_remove_their_key_and_go_after_the_delete_retention() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    append(
        &log,
        &[
            batch(&[kv("a", "1"), kv("b", "1")], Compression::None),
            batch(
                &[(Some("a"), None), (None, Some("keyless"))],
                Compression::None,
            ),
            batch(&[kv("c", "1")], Compression::None),
            batch(&[kv("d", "1")], Compression::None),
        ],
    );
    pass(&log, &inputs(10_000)).expect("due");
    {
        let guard = log.lock_log();
        let survivors = records(&guard);
        assert_eq!(
            survivors.iter().map(|r| r.0).collect::<Vec<_>>(),
            vec![1, 2, 4, 5],
            "a@0 superseded, the key-less record removed: {survivors:?}"
        );
        let tombstone = batches(&guard)
            .into_iter()
            .find(|(h, _)| h.base_offset == 2)
            .expect("the tombstone's batch");
        assert_eq!(tombstone.0.delete_horizon_ms(), Some(11_000));
        assert_eq!(guard.cleaner_state().next_delete_horizon_ms, Some(11_000));
        // Record timestamps are unchanged by the horizon in the base timestamp.
        let decoded = decode_batch(&tombstone.1).expect("decodes");
        assert_eq!(decoded.first().map(|r| r.timestamp), Some(1_000));
    }
    assert_eq!(pass(&log, &inputs(10_500)), None, "before the horizon");
    let summary = pass(&log, &inputs(11_000)).expect("due at the horizon");
    assert_eq!(summary.due, Some(Due::DeleteHorizon));
    let guard = log.lock_log();
    assert_eq!(
        records(&guard).iter().map(|r| r.0).collect::<Vec<_>>(),
        vec![1, 4, 5]
    );
    assert_eq!(guard.cleaner_state().next_delete_horizon_ms, None);
}

/// Marks an encoded batch transactional (attribute bit 4) and fixes its CRC.
/// Appends `batches` in order.
fn append(log: &Locked, batches: &[Bytes]) {
    let mut guard = log.lock_log();
    for b in batches {
        guard.append_batch(b, 0).expect("append");
    }
}

/// A transactional batch of producer `pid` (epoch 0) at sequence `seq`: one record `key`=v.
fn txn_record(pid: i64, seq: i32, key: &[u8]) -> Bytes {
    let record = RecordRef {
        timestamp: 1,
        key: Some(key),
        value: Some(b"v"),
        headers: &[],
    };
    let batch =
        encode_idempotent_batch(&[record], Compression::None, pid, 0, seq).expect("encodes");
    transactional(batch)
}

fn transactional(batch: Bytes) -> Bytes {
    let mut bytes = batch.to_vec();
    if let Some(attributes) = bytes.get_mut(22) {
        *attributes |= 1 << 4;
    }
    let crc = crc32c::crc32c(bytes.get(21..).unwrap_or_default());
    if let Some(slot) = bytes.get_mut(17..21) {
        slot.copy_from_slice(&crc.to_be_bytes());
    }
    Bytes::from(bytes)
}

#[test]
fn aborted_data_goes_first_then_its_marker_after_the_horizon() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    append(
        &log,
        &[
            txn_record(7, 0, b"x"),                    // 0
            encode_marker(7, 0, false, 0, 1),          // 1: abort
            txn_record(7, 1, b"y"),                    // 2
            encode_marker(7, 0, true, 0, 1),           // 3: commit
            batch(&[kv("z", "1")], Compression::None), // 4
            batch(&[kv("w", "1")], Compression::None), // 5
        ],
    );
    let with_txn = |now_ms| PassInputs {
        aborted: vec![AbortedRange {
            producer_id: 7,
            first_offset: 0,
            last_offset: 1,
        }],
        producers: HashMap::from([(
            7,
            LastBatch {
                last_data_offset: Some(2),
                epoch: 0,
            },
        )]),
        ..inputs(now_ms)
    };
    let offsets = |log: &Locked| -> Vec<(i64, bool)> {
        batches(&log.lock_log())
            .iter()
            .map(|(h, _)| (h.base_offset, h.is_control()))
            .collect()
    };
    pass(&log, &with_txn(10_000)).expect("due");
    // The aborted record is gone; its marker stays (data was met), the commit marker's
    // transaction still has data, so both markers are kept.
    assert_eq!(
        offsets(&log),
        vec![(1, true), (2, false), (3, true), (4, false), (5, false)]
    );
    // Force another pass: now the abort marker guards nothing and gets a horizon, and its
    // transaction is settled: read_committed fetches need it no longer.
    log.lock_log().cleaner.first_dirty_offset = Some(0);
    let summary = pass(&log, &with_txn(20_000)).expect("due");
    assert_eq!(
        summary.settled_aborts,
        vec![AbortedRange {
            producer_id: 7,
            first_offset: 0,
            last_offset: 1,
        }]
    );
    let horizon = batches(&log.lock_log())
        .into_iter()
        .find(|(h, _)| h.base_offset == 1)
        .and_then(|(h, _)| h.delete_horizon_ms());
    assert_eq!(horizon, Some(21_000));
    let summary = pass(&log, &with_txn(21_000)).expect("due at the horizon");
    assert_eq!(summary.due, Some(Due::DeleteHorizon));
    assert_eq!(
        offsets(&log),
        vec![(2, false), (3, true), (4, false), (5, false)]
    );
}

#[test]
fn a_producers_last_batch_stays_as_an_empty_batch() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    {
        let mut guard = log.lock_log();
        let record = RecordRef {
            timestamp: 1,
            key: Some(b"k"),
            value: Some(b"old"),
            headers: &[],
        };
        let idempotent = encode_idempotent_batch(&[record, record], Compression::Lz4, 9, 1, 10)
            .expect("encodes");
        guard.append_batch(&idempotent, 0).expect("append"); // 0..=1
        guard
            .append_batch(&batch(&[kv("k", "new")], Compression::None), 0)
            .expect("append"); // 2
        guard
            .append_batch(&batch(&[kv("m", "1")], Compression::None), 0)
            .expect("append"); // 3
    }
    let last = PassInputs {
        producers: HashMap::from([(
            9,
            LastBatch {
                last_data_offset: Some(1),
                epoch: 1,
            },
        )]),
        ..inputs(10_000)
    };
    pass(&log, &last).expect("due");
    let guard = log.lock_log();
    let all = batches(&guard);
    let (h, bytes) = all.first().expect("the empty batch");
    assert_eq!((h.base_offset, h.last_offset(), h.records_count), (0, 1, 0));
    assert_eq!(
        (h.producer_id, h.producer_epoch, h.base_sequence),
        (9, 1, 10)
    );
    assert_eq!(bytes.len(), crate::protocol::batch::BATCH_HEADER_LEN);
    assert!(crate::protocol::batch::validate_stored(bytes).is_ok());
}

#[test]
fn the_active_segment_and_unstable_records_are_never_cleaned() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(LogConfig {
        segment_bytes: 1 << 20,
        ..compacted()
    })));
    overwrite_rounds(&mut log.lock_log(), Compression::None);
    assert_eq!(
        pass(&log, &inputs(10_000)),
        None,
        "all in the active segment"
    );
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    overwrite_rounds(&mut log.lock_log(), Compression::None);
    let unstable = PassInputs {
        last_stable_offset: 0,
        ..inputs(10_000)
    };
    assert_eq!(pass(&log, &unstable), None);
}

#[test]
fn a_small_map_cleans_in_several_passes() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    overwrite_rounds(&mut log.lock_log(), Compression::None);
    // Room for three keys: a pass stops at the fourth and the next one goes on from there.
    let small = CleanerSettings {
        dedupe_buffer_bytes: 4 * offset_map::SLOT_BYTES,
    };
    let mut passes = 0;
    while clean(&log, &inputs(10_000), &small, &mut Throttle::new(None))
        .expect("cleans")
        .is_some()
    {
        passes += 1;
        assert!(passes < 20, "passes make progress");
    }
    assert!(passes > 1, "{passes}");
    let survivors = records(&log.lock_log());
    assert_eq!(survivors.len(), 6, "{survivors:?}");
    // A map too small for one batch's keys still makes progress, record by record.
    let tiny = CleanerSettings {
        dedupe_buffer_bytes: 3 * offset_map::SLOT_BYTES,
    };
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    overwrite_rounds(&mut log.lock_log(), Compression::None);
    let mut passes = 0;
    while clean(&log, &inputs(10_000), &tiny, &mut Throttle::new(None))
        .expect("cleans")
        .is_some()
    {
        passes += 1;
        assert!(passes < 40, "passes make progress");
    }
    assert_eq!(records(&log.lock_log()).len(), 6);
}

#[test]
fn a_cleaned_file_log_reopens_with_the_same_records_and_state() -> crate::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("p");
    let (opened, _) = PartitionLog::open(&path, compacted())?;
    let log = Locked(Mutex::new(opened));
    overwrite_rounds(&mut log.lock_log(), Compression::Gzip);
    pass(&log, &inputs(10_000)).expect("due");
    let expected = records(&log.lock_log());
    let segments = log.lock_log().segment_count();
    log.lock_log().flush()?;
    drop(log);
    let (reopened, report) = PartitionLog::open(&path, compacted())?;
    assert_eq!(
        report.rebuilt_indexes, 0,
        "indexes were written with the swap"
    );
    assert_eq!(records(&reopened), expected);
    assert_eq!(reopened.segment_count(), segments);
    assert_eq!(reopened.cleaner_state().first_dirty_offset, Some(25));
    assert_eq!(reopened.offset_for_timestamp(0)?.map(|h| h.0), Some(20));
    let mut verify = crate::storage::verify::VerifyReport::default();
    crate::storage::verify::verify_partition_dir(&path, &mut verify)?;
    assert!(verify.damage.is_empty(), "{:?}", verify.damage);
    Ok(())
}

/// The files of a partition directory, by name.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_crash_at_any_step_of_a_swap_opens_to_old_or_new_records() -> crate::Result<()> {
    // Run a pass on one copy, keep the old files of another: then assemble the directory as
    // each crash point would leave it and open it.
    let dir = tempfile::tempdir()?;
    let old = dir.path().join("old");
    let (mut opened, _) = PartitionLog::open(&old, compacted())?;
    overwrite_rounds(&mut opened, Compression::None);
    drop(opened);
    let old_records = {
        let (log, _) = PartitionLog::open(&old, compacted())?;
        records(&log)
    };
    let new = dir.path().join("new");
    std::fs::create_dir(&new)?;
    for name in names(&old) {
        std::fs::copy(old.join(&name), new.join(&name))?;
    }
    let (mut opened, _) = PartitionLog::open(&new, compacted())?;
    // Large segments from now on: the whole sealed log is cleaned as one group.
    opened.set_config(LogConfig {
        segment_bytes: 1 << 20,
        ..compacted()
    });
    let log = Locked(Mutex::new(opened));
    let summary = pass(&log, &inputs(10_000)).expect("due");
    assert_eq!(summary.segments_out, 1, "one group: {summary:?}");
    let new_records = records(&log.lock_log());
    drop(log);
    let cleaned_log = crate::storage::segment::log_path(&new, 0);
    let old_bases: Vec<i64> = names(&old)
        .iter()
        .filter_map(|n| crate::storage::segment::parse_file_name(n))
        .filter(|&(_, is_log)| is_log)
        .map(|(b, _)| b)
        .collect();
    let active = *old_bases.last().expect("segments");

    // Crash before the commit: a half-written .cleaned file beside the old segments.
    let before = dir.path().join("before");
    copy_dir(&old, &before)?;
    std::fs::write(swap::cleaned_path(&before, 0), b"STRM partial")?;
    let (log, _) = PartitionLog::open(&before, compacted())?;
    assert_eq!(records(&log), old_records);
    assert!(!names(&before).iter().any(|n| n.ends_with(".cleaned")));

    // Crash right after the commit: old segments and the complete swap file.
    let after = dir.path().join("after");
    copy_dir(&old, &after)?;
    let swap_name = format!("{:020}.{active:020}.swap", 0);
    std::fs::copy(&cleaned_log, after.join(&swap_name))?;
    let (log, _) = PartitionLog::open(&after, compacted())?;
    assert_eq!(records(&log), new_records);
    assert!(!names(&after).iter().any(|n| n.ends_with(".swap")));

    // Crash halfway through deleting the old segments.
    let halfway = dir.path().join("halfway");
    copy_dir(&old, &halfway)?;
    std::fs::copy(&cleaned_log, halfway.join(&swap_name))?;
    std::fs::remove_file(crate::storage::segment::log_path(&halfway, 0))?;
    let (log, _) = PartitionLog::open(&halfway, compacted())?;
    assert_eq!(records(&log), new_records);
    Ok(())
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> crate::Result<()> {
    std::fs::create_dir(to)?;
    for name in names(from) {
        std::fs::copy(from.join(&name), to.join(&name))?;
    }
    Ok(())
}

#[test]
fn retention_during_a_pass_abandons_the_swap() -> crate::Result<()> {
    let dir = tempfile::tempdir()?;
    let (opened, _) = PartitionLog::open(dir.path(), compacted())?;
    let log = Locked(Mutex::new(opened));
    overwrite_rounds(&mut log.lock_log(), Compression::None);
    let snap = snapshot(&log.lock_log());
    // Records are deleted below the second segment while the pass would run.
    let second = snap.segments.get(1).map(|s| s.base).expect("two segments");
    log.lock_log().delete_records_before(second)?;
    let group: Vec<&Seg> = snap.segments.iter().take(2).collect();
    let map = OffsetMap::new(1 << 20, 10);
    let retention = Retention {
        map: &map,
        producers: &HashMap::new(),
        now_ms: 0,
        delete_retention_ms: 0,
    };
    let mut summary = PassSummary::default();
    let mut txn = TxnTracker::new(Vec::new());
    let cleaned = clean_group(
        &snap,
        &group,
        &retention,
        &mut txn,
        &mut Throttle::new(None),
        &mut summary,
    )?;
    assert!(!swap_in(&log, &snap, &group, cleaned)?);
    assert!(!names(dir.path()).iter().any(|n| n.contains("cleaned")));
    assert_eq!(log.lock_log().log_start_offset(), second);
    Ok(())
}

#[test]
fn a_marker_kept_empty_as_its_producers_last_batch_cleans_again() {
    let log = Locked(Mutex::new(PartitionLog::in_memory(compacted())));
    append(
        &log,
        &[
            txn_record(9, 0, b"x"),                    // 0
            encode_marker(9, 0, false, 0, 1),          // 1: abort
            batch(&[kv("z", "1")], Compression::None), // 2
            batch(&[kv("w", "1")], Compression::None), // 3
        ],
    );
    // The producer's state knows no data batch of its epoch: its marker is its last batch.
    let inputs_at = |now_ms| PassInputs {
        aborted: vec![AbortedRange {
            producer_id: 9,
            first_offset: 0,
            last_offset: 1,
        }],
        producers: HashMap::from([(
            9,
            LastBatch {
                last_data_offset: None,
                epoch: 0,
            },
        )]),
        ..inputs(now_ms)
    };
    pass(&log, &inputs_at(10_000)).expect("due"); // the aborted record goes
    log.lock_log().cleaner.first_dirty_offset = Some(0);
    pass(&log, &inputs_at(20_000)).expect("due"); // the marker gets its horizon
    pass(&log, &inputs_at(21_000)).expect("due at the horizon"); // and is emptied
    let marker = |log: &Locked| {
        batches(&log.lock_log())
            .into_iter()
            .find(|(h, _)| h.base_offset == 1)
            .map(|(h, _)| (h.is_control(), h.records_count))
    };
    assert_eq!(marker(&log), Some((true, 0)), "kept, empty");
    // Later passes read the emptied marker like any other batch.
    log.lock_log().cleaner.first_dirty_offset = Some(0);
    pass(&log, &inputs_at(30_000)).expect("due");
    assert_eq!(marker(&log), Some((true, 0)));
    assert!(log.lock_log().cleaner_state().failed.is_none());
}
