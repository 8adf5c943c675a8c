//! A zero-copy view over a Kafka v2 RecordBatch: header parsing, validation of produced
//! batches, the few header fields the broker rewrites, and a walk over the records' offsets and
//! timestamps (for ListOffsets) that never trusts a claimed count or length.
//!
//! Wire layout (big endian), as stored verbatim in segments:
//!
//! ```text
//! @0  baseOffset           i64   \ LOG_OVERHEAD (12 bytes): not part of batchLength
//! @8  batchLength          i32   /  bytes after this field
//! @12 partitionLeaderEpoch i32      not covered by the CRC
//! @16 magic                i8       always 2
//! @17 crc                  u32      CRC-32C of bytes @21..end
//! @21 attributes           i16      bits 0-2 compression, 3 timestamp type (1 = LogAppendTime),
//!                                   4 transactional, 5 control, 6 delete horizon set
//!                                   (then baseTimestamp is that horizon: KIP-534)
//! @23 lastOffsetDelta      i32
//! @27 baseTimestamp        i64
//! @35 maxTimestamp         i64
//! @43 producerId           i64
//! @51 producerEpoch        i16
//! @53 baseSequence         i32
//! @57 recordsCount         i32
//! @61 records (possibly compressed as one block)
//! ```
//!
//! Invariant: every function here bounds-checks before it reads, so any byte string (network
//! input or a damaged file) yields an error, never a panic or an allocation sized by a claim.

use std::ops::{ControlFlow, Range};

use bytes::{Buf, Bytes};

use super::inflate;
use crate::{Error, Result};

/// Bytes of the v2 batch header, up to and including `recordsCount`.
pub const BATCH_HEADER_LEN: usize = 61;
/// Bytes before `batchLength` counts: the base offset and the length field itself.
pub const LOG_OVERHEAD: usize = 12;

/// The only record format accepted and stored.
const MAGIC_V2: i8 = 2;
/// Smallest legal `batchLength`: a header with no records.
const MIN_BATCH_LENGTH: usize = BATCH_HEADER_LEN - LOG_OVERHEAD;
/// Offsets of the fields this module reads or patches individually.
const MAGIC_AT: usize = 16;
const CRC_AT: usize = 17;
const ATTRIBUTES_AT: usize = 21;
const MAX_TIMESTAMP_AT: usize = 35;
/// A record is at least 7 bytes: length, attributes, timestamp delta, offset delta, key length,
/// value length and header count, each at least one byte. Bounds claimed record counts.
const MIN_RECORD_LEN: usize = 7;

const COMPRESSION_MASK: i16 = 0x07;
const TIMESTAMP_TYPE_BIT: i16 = 1 << 3;
const TRANSACTIONAL_BIT: i16 = 1 << 4;
const CONTROL_BIT: i16 = 1 << 5;
/// Attribute bit 6: `baseTimestamp` holds the batch's delete horizon (KIP-534), the time after
/// which compaction may remove its tombstones and transaction markers.
pub const DELETE_HORIZON_BIT: i16 = 1 << 6;

/// The decoded fixed header of one v2 record batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchHeader {
    pub base_offset: i64,
    pub batch_length: i32,
    pub partition_leader_epoch: i32,
    pub magic: i8,
    pub crc: u32,
    pub attributes: i16,
    pub last_offset_delta: i32,
    pub base_timestamp: i64,
    pub max_timestamp: i64,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub base_sequence: i32,
    pub records_count: i32,
}

impl BatchHeader {
    /// Reads the header at the start of `buf` without checking the CRC. Rejects buffers shorter
    /// than a header, any magic but 2, and a `batchLength` too small to hold the header, so
    /// [`BatchHeader::total_len`] is always at least [`BATCH_HEADER_LEN`].
    pub fn parse(buf: &[u8]) -> Result<BatchHeader> {
        if let Some(&magic) = buf.get(MAGIC_AT) {
            if magic as i8 != MAGIC_V2 {
                return Err(Error::UnsupportedMagic(magic as i8));
            }
        }
        let Some(mut b) = buf.get(..BATCH_HEADER_LEN) else {
            return Err(Error::CorruptBatch(format!(
                "{} bytes cannot hold a {BATCH_HEADER_LEN}-byte batch header",
                buf.len()
            )));
        };
        // `b` is exactly BATCH_HEADER_LEN bytes, so these sequential reads cannot run short.
        let header = BatchHeader {
            base_offset: b.get_i64(),
            batch_length: b.get_i32(),
            partition_leader_epoch: b.get_i32(),
            magic: b.get_i8(),
            crc: b.get_u32(),
            attributes: b.get_i16(),
            last_offset_delta: b.get_i32(),
            base_timestamp: b.get_i64(),
            max_timestamp: b.get_i64(),
            producer_id: b.get_i64(),
            producer_epoch: b.get_i16(),
            base_sequence: b.get_i32(),
            records_count: b.get_i32(),
        };
        if usize::try_from(header.batch_length).map_or(true, |len| len < MIN_BATCH_LENGTH) {
            return Err(Error::CorruptBatch(format!(
                "batch length {} is below the minimum {MIN_BATCH_LENGTH}",
                header.batch_length
            )));
        }
        Ok(header)
    }

    /// Bytes the whole batch occupies, including [`LOG_OVERHEAD`].
    pub fn total_len(&self) -> usize {
        // parse() guarantees batch_length >= MIN_BATCH_LENGTH, so the conversion cannot fail.
        LOG_OVERHEAD + usize::try_from(self.batch_length).unwrap_or(MIN_BATCH_LENGTH)
    }

    /// Offset of the last record the batch claims (saturating: the base offset comes from
    /// untrusted input until the log assigns it).
    pub fn last_offset(&self) -> i64 {
        self.base_offset
            .saturating_add(i64::from(self.last_offset_delta))
    }

    /// Compression codec id: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd.
    pub fn compression(&self) -> u8 {
        (self.attributes & COMPRESSION_MASK) as u8
    }

    pub fn is_transactional(&self) -> bool {
        self.attributes & TRANSACTIONAL_BIT != 0
    }

    pub fn is_control(&self) -> bool {
        self.attributes & CONTROL_BIT != 0
    }

    /// The delete horizon compaction set on the batch, if it did (see [`DELETE_HORIZON_BIT`]).
    pub fn delete_horizon_ms(&self) -> Option<i64> {
        (self.attributes & DELETE_HORIZON_BIT != 0).then_some(self.base_timestamp)
    }

    /// True when every record's timestamp is the batch's `maxTimestamp` (LogAppendTime).
    pub fn timestamp_type_log_append(&self) -> bool {
        self.attributes & TIMESTAMP_TYPE_BIT != 0
    }
}

/// Checks that `buf` is exactly one well-formed v2 batch as a producer sends it: magic,
/// length, CRC-32C, and one record for each offset the batch spans. Does not decompress.
pub fn validate(buf: &[u8]) -> Result<BatchHeader> {
    check(buf, Span::Dense)
}

/// Checks one v2 batch as a broker may store and serve it: like [`validate`], except that the
/// batch may hold fewer records than the offsets it spans, even none. Log compaction (Kafka's
/// cleaner) removes records from a batch but keeps its base and last offset, and keeps an
/// emptied batch where it is a producer's last, so that its sequence numbers stay valid.
pub fn validate_stored(buf: &[u8]) -> Result<BatchHeader> {
    check(buf, Span::Sparse)
}

/// Whether a batch must hold a record for every offset it spans.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Span {
    Dense,
    Sparse,
}

fn check(buf: &[u8], span: Span) -> Result<BatchHeader> {
    let header = BatchHeader::parse(buf)?;
    if header.total_len() != buf.len() {
        return Err(Error::CorruptBatch(format!(
            "batch length {} implies {} bytes but {} were given",
            header.batch_length,
            header.total_len(),
            buf.len()
        )));
    }
    let covered = buf.get(ATTRIBUTES_AT..).unwrap_or_default();
    let actual_crc = crc32c::crc32c(covered);
    if actual_crc != header.crc {
        return Err(Error::CorruptBatch(format!(
            "CRC-32C mismatch: header says {:#010x}, content is {actual_crc:#010x}",
            header.crc
        )));
    }
    if header.records_count < 0 || header.last_offset_delta < 0 {
        return Err(Error::CorruptBatch(format!(
            "negative record count {} or last offset delta {}",
            header.records_count, header.last_offset_delta
        )));
    }
    let spanned = i64::from(header.last_offset_delta) + 1;
    let count = i64::from(header.records_count);
    let consistent = match span {
        Span::Dense => count == 0 || count == spanned,
        Span::Sparse => count <= spanned,
    };
    if !consistent {
        return Err(Error::CorruptBatch(format!(
            "record count {} does not match last offset delta {}",
            header.records_count, header.last_offset_delta
        )));
    }
    if header.compression() > 4 {
        return Err(Error::CorruptBatch(format!(
            "unknown compression codec {}",
            header.compression()
        )));
    }
    // Uncompressed records are at least MIN_RECORD_LEN bytes each, so the count is checkable
    // without decoding; compressed payloads are bounded when they are walked instead.
    let payload_len = buf.len() - BATCH_HEADER_LEN;
    let records_count = usize::try_from(header.records_count).unwrap_or(usize::MAX);
    if header.compression() == 0 && records_count.saturating_mul(MIN_RECORD_LEN) > payload_len {
        return Err(Error::CorruptBatch(format!(
            "{records_count} records cannot fit in {payload_len} uncompressed bytes"
        )));
    }
    Ok(header)
}

/// Splits a Produce request's `records` field into its concatenated batches, validating each.
/// Rejects truncated batches and trailing bytes that are not a whole batch.
pub fn split_batches(records: &[u8]) -> Result<Vec<(BatchHeader, Range<usize>)>> {
    let mut batches = Vec::new();
    let mut start = 0;
    while start < records.len() {
        let rest = records.get(start..).unwrap_or_default();
        let header = BatchHeader::parse(rest)?;
        let end = start + header.total_len();
        let Some(batch) = records.get(start..end) else {
            return Err(Error::CorruptBatch(format!(
                "batch at byte {start} claims {} bytes but only {} remain",
                header.total_len(),
                rest.len()
            )));
        };
        batches.push((validate(batch)?, start..end));
        start = end;
    }
    Ok(batches)
}

/// The leading whole batches of stored `records` that start below `offset`, and the offset
/// after the last of them (`None` when there is none). Reads headers only; stops at anything
/// that is not a whole batch.
pub fn batches_below(records: &Bytes, offset: i64) -> (Bytes, Option<i64>) {
    let mut end = 0;
    let mut next = None;
    while let Some(rest) = records.get(end..).filter(|r| !r.is_empty()) {
        let Ok(header) = BatchHeader::parse(rest) else {
            break;
        };
        if header.base_offset >= offset || header.total_len() > rest.len() {
            break;
        }
        end += header.total_len();
        next = Some(header.last_offset() + 1);
    }
    (records.slice(..end), next)
}

/// Bytes and data records of the leading whole batches of stored `records` (control batches
/// count their bytes, not their records). Reads headers only; a trailing partial batch, which
/// the consumer will fetch again, counts nothing.
pub fn complete_batches(records: &[u8]) -> (usize, u64) {
    let (mut end, mut count) = (0usize, 0u64);
    while let Some(rest) = records.get(end..).filter(|r| !r.is_empty()) {
        let Ok(header) = BatchHeader::parse(rest) else {
            break;
        };
        if header.total_len() > rest.len() {
            break;
        }
        end += header.total_len();
        if !header.is_control() {
            count += u64::try_from(header.records_count).unwrap_or(0);
        }
    }
    (end, count)
}

/// Sets `baseOffset`. Not covered by the CRC. `buf` must start with a validated batch; shorter
/// buffers are left unchanged.
pub fn set_base_offset(buf: &mut [u8], base_offset: i64) {
    debug_assert!(buf.len() >= BATCH_HEADER_LEN, "not a batch");
    if let Some(field) = buf.get_mut(0..8) {
        field.copy_from_slice(&base_offset.to_be_bytes());
    }
}

/// Sets `partitionLeaderEpoch`. Not covered by the CRC. `buf` must start with a validated batch.
pub fn set_partition_leader_epoch(buf: &mut [u8], epoch: i32) {
    debug_assert!(buf.len() >= BATCH_HEADER_LEN, "not a batch");
    if let Some(field) = buf.get_mut(LOG_OVERHEAD..LOG_OVERHEAD + 4) {
        field.copy_from_slice(&epoch.to_be_bytes());
    }
}

/// Applies Kafka's LogAppendTime: marks the timestamp type, sets `maxTimestamp` to the append
/// time (which readers then use for every record), and recomputes the CRC over the change.
/// `buf` must be exactly one validated batch.
pub fn set_log_append_time(buf: &mut [u8], timestamp_ms: i64) {
    debug_assert!(buf.len() >= BATCH_HEADER_LEN, "not a batch");
    let Some(slot) = field::<2>(buf, ATTRIBUTES_AT) else {
        return;
    };
    *slot = (i16::from_be_bytes(*slot) | TIMESTAMP_TYPE_BIT).to_be_bytes();
    if let Some(max_timestamp) = field::<8>(buf, MAX_TIMESTAMP_AT) {
        *max_timestamp = timestamp_ms.to_be_bytes();
    }
    let crc = crc32c::crc32c(buf.get(ATTRIBUTES_AT..).unwrap_or_default());
    if let Some(slot) = field::<4>(buf, CRC_AT) {
        *slot = crc.to_be_bytes();
    }
}

/// The `N` bytes of `buf` at `at`, when it holds them.
fn field<const N: usize>(buf: &mut [u8], at: usize) -> Option<&mut [u8; N]> {
    buf.get_mut(at..)?.first_chunk_mut::<N>()
}

/// Calls `visit(offset, timestamp)` for each record of one stored batch, in offset order, until
/// it returns `Break`. Reads the payload as a stream — compressed ones through
/// [`inflate::reader`], so memory stays bounded whatever they inflate to — and decodes only
/// each record's offset and timestamp, skipping keys, values and headers unread. Under
/// LogAppendTime every record reports the batch's `maxTimestamp`.
pub fn for_each_record(
    batch: &[u8],
    mut visit: impl FnMut(i64, i64) -> ControlFlow<()>,
) -> Result<()> {
    let header = BatchHeader::parse(batch)?;
    let payload = batch
        .get(BATCH_HEADER_LEN..header.total_len())
        .ok_or_else(|| Error::CorruptBatch("batch shorter than its length field".into()))?;
    let mut records: Box<dyn std::io::Read + '_> = if header.compression() == 0 {
        Box::new(payload)
    } else {
        inflate::reader(header.compression(), payload)?
    };
    // The loop is bounded by the bytes actually present: each record consumes at least one.
    for _ in 0..header.records_count.max(0) {
        let len = u64::try_from(inflate::read_varint(&mut *records)?)
            .map_err(|_| Error::CorruptBatch("negative record length".into()))?;
        if len == 0 {
            return Err(Error::CorruptBatch("empty record".into()));
        }
        let mut record = Counted {
            inner: &mut *records,
            read: 0,
        };
        inflate::skip(&mut record, 1)?; // attributes: unused in v2
        let timestamp_delta = inflate::read_varlong(&mut record)?;
        let offset_delta = inflate::read_varint(&mut record)?;
        let used = record.read;
        let rest = len
            .checked_sub(used)
            .ok_or_else(|| Error::CorruptBatch("record overruns its length".into()))?;
        inflate::skip(&mut *records, rest)?;
        let timestamp = if header.timestamp_type_log_append() {
            header.max_timestamp
        } else {
            header.base_timestamp.saturating_add(timestamp_delta)
        };
        let offset = header.base_offset.saturating_add(i64::from(offset_delta));
        if visit(offset, timestamp).is_break() {
            return Ok(());
        }
    }
    Ok(())
}

/// Counts the bytes read through it.
struct Counted<'a> {
    inner: &'a mut dyn std::io::Read,
    read: u64,
}

impl std::io::Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// Zig-zag varint (Kafka's record encoding), at most 5 bytes.
pub(crate) fn read_varint(buf: &mut &[u8]) -> Result<i32> {
    let raw = read_unsigned_varint(buf, 5)?;
    let raw = u32::try_from(raw).map_err(|_| Error::CorruptBatch("varint overflows i32".into()))?;
    Ok((raw >> 1) as i32 ^ -((raw & 1) as i32))
}

/// Zig-zag varlong, at most 10 bytes.
pub(crate) fn read_varlong(buf: &mut &[u8]) -> Result<i64> {
    let raw = read_unsigned_varint(buf, 10)?;
    Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
}

fn read_unsigned_varint(buf: &mut &[u8], max_len: usize) -> Result<u64> {
    let mut value = 0u64;
    for i in 0..max_len {
        let (&byte, rest) = buf
            .split_first()
            .ok_or_else(|| Error::CorruptBatch("record ends inside a varint".into()))?;
        *buf = rest;
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(Error::CorruptBatch("varint is too long".into()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use bytes::BytesMut;
    use kafka_protocol::records::{
        Compression, Record, RecordBatchEncoder, RecordEncodeOptions, TimestampType,
    };

    /// Encodes one batch holding a record per timestamp, offsets starting at 0.
    pub(crate) fn encode_batch(timestamps: &[i64], compression: Compression) -> Vec<u8> {
        let records: Vec<Record> = timestamps
            .iter()
            .enumerate()
            .map(|(i, &timestamp)| Record {
                transactional: false,
                control: false,
                delete_horizon: false,
                partition_leader_epoch: -1,
                producer_id: -1,
                producer_epoch: -1,
                timestamp_type: TimestampType::Creation,
                offset: i as i64,
                // The encoder starts a new batch wherever offset minus sequence changes.
                sequence: i as i32 - 1,
                timestamp,
                key: Some(Bytes::from(format!("key-{i}"))),
                value: Some(Bytes::from(format!("value-{i}-{}", "x".repeat(i % 7)))),
                headers: Default::default(),
            })
            .collect();
        let mut buf = BytesMut::new();
        let options = RecordEncodeOptions {
            version: 2,
            compression,
        };
        RecordBatchEncoder::encode(&mut buf, &records, &options).expect("encode test batch");
        buf.to_vec()
    }

    fn records_of(batch: &[u8]) -> Vec<(i64, i64)> {
        let mut seen = Vec::new();
        for_each_record(batch, |offset, ts| {
            seen.push((offset, ts));
            ControlFlow::Continue(())
        })
        .expect("walk records");
        seen
    }

    #[test]
    fn validates_uncompressed_and_gzip_batches() {
        for compression in [Compression::None, Compression::Gzip] {
            let batch = encode_batch(&[10, 30, 20], compression);
            let header = validate(&batch).expect("valid batch");
            assert_eq!(header.records_count, 3);
            assert_eq!(header.last_offset_delta, 2);
            assert_eq!(header.max_timestamp, 30);
            assert_eq!(header.total_len(), batch.len());
            assert_eq!(header.compression(), compression as u8);
            assert!(!header.is_transactional() && !header.is_control());
            assert_eq!(records_of(&batch), vec![(0, 10), (1, 30), (2, 20)]);
        }
    }

    #[test]
    fn rejects_bad_crc() {
        let mut batch = encode_batch(&[1, 2], Compression::None);
        let last = batch.len() - 1;
        batch[last] ^= 0x01;
        assert!(matches!(validate(&batch), Err(Error::CorruptBatch(m)) if m.contains("CRC")));
    }

    #[test]
    fn rejects_wrong_length_and_truncation() {
        let batch = encode_batch(&[1, 2], Compression::None);
        let mut longer = batch.clone();
        longer.push(0);
        assert!(matches!(validate(&longer), Err(Error::CorruptBatch(_))));
        assert!(matches!(
            validate(&batch[..batch.len() - 1]),
            Err(Error::CorruptBatch(_))
        ));
        assert!(matches!(
            validate(&batch[..40]),
            Err(Error::CorruptBatch(_))
        ));
        let mut tiny_length = batch.clone();
        tiny_length[8..12].copy_from_slice(&10i32.to_be_bytes());
        assert!(matches!(
            validate(&tiny_length),
            Err(Error::CorruptBatch(_))
        ));
    }

    #[test]
    fn rejects_wrong_magic() {
        let mut batch = encode_batch(&[1], Compression::None);
        batch[MAGIC_AT] = 1;
        assert!(matches!(validate(&batch), Err(Error::UnsupportedMagic(1))));
        assert!(matches!(
            split_batches(&batch),
            Err(Error::UnsupportedMagic(1))
        ));
    }

    #[test]
    fn rejects_inconsistent_record_count() {
        let mut batch = encode_batch(&[1, 2], Compression::None);
        batch[57..61].copy_from_slice(&5i32.to_be_bytes());
        let crc = crc32c::crc32c(&batch[ATTRIBUTES_AT..]);
        batch[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(validate(&batch), Err(Error::CorruptBatch(m)) if m.contains("count")));
    }

    #[test]
    fn splits_concatenated_batches() {
        let first = encode_batch(&[1, 2], Compression::None);
        let second = encode_batch(&[3], Compression::Gzip);
        let joined = [first.clone(), second.clone()].concat();
        let batches = split_batches(&joined).expect("two batches");
        assert_eq!(batches.len(), 2);
        assert_eq!(batches[0].1, 0..first.len());
        assert_eq!(batches[1].1, first.len()..joined.len());
        assert_eq!(batches[1].0.records_count, 1);
        assert!(split_batches(&[]).expect("empty").is_empty());
    }

    #[test]
    fn split_rejects_trailing_garbage_and_truncation() {
        let batch = encode_batch(&[1, 2], Compression::None);
        let mut garbage = batch.clone();
        garbage.extend_from_slice(&[0, 0, 0]);
        assert!(matches!(
            split_batches(&garbage),
            Err(Error::CorruptBatch(_))
        ));
        let twice = [batch.clone(), batch.clone()].concat();
        assert!(matches!(
            split_batches(&twice[..twice.len() - 3]),
            Err(Error::CorruptBatch(_))
        ));
        let mut huge = batch.clone();
        huge[8..12].copy_from_slice(&i32::MAX.to_be_bytes());
        assert!(
            matches!(split_batches(&huge), Err(Error::CorruptBatch(m)) if m.contains("remain"))
        );
    }

    #[test]
    fn patches_fields_outside_and_inside_the_crc() {
        let mut batch = encode_batch(&[5, 9], Compression::Gzip);
        set_base_offset(&mut batch, 1234);
        set_partition_leader_epoch(&mut batch, 7);
        let header = validate(&batch).expect("still valid: fields are outside the CRC");
        assert_eq!(
            (header.base_offset, header.partition_leader_epoch),
            (1234, 7)
        );
        assert_eq!(header.last_offset(), 1235);

        set_log_append_time(&mut batch, 99_000);
        let header = validate(&batch).expect("CRC recomputed");
        assert!(header.timestamp_type_log_append());
        assert_eq!(header.max_timestamp, 99_000);
        assert_eq!(records_of(&batch), vec![(1234, 99_000), (1235, 99_000)]);
    }

    #[test]
    fn record_walk_rejects_a_lying_record_count() {
        let mut batch = encode_batch(&[1], Compression::Gzip);
        batch[23..27].copy_from_slice(&1_000_000i32.to_be_bytes());
        batch[57..61].copy_from_slice(&1_000_001i32.to_be_bytes());
        assert!(matches!(
            for_each_record(&batch, |_, _| ControlFlow::Continue(())),
            Err(Error::CorruptBatch(_))
        ));
    }
}
