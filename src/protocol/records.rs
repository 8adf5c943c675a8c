//! The records inside a v2 batch, whole: decoding every field, encoding a batch from records,
//! and the transaction markers (control batches) that commit or abort a transaction. Headers are an ordered list, so a key that repeats (legal in Kafka, and used for
//! tracing and lineage) survives a round trip — kafka-protocol's record type keeps headers in
//! a map and would merge them. The client uses this; the broker's hot paths never decode
//! records.
//!
//! Record layout inside the (possibly compressed) records block:
//!
//! ```text
//! length varint, attributes i8 (unused), timestampDelta varlong, offsetDelta varint,
//! keyLength varint (-1 = null), key, valueLength varint (-1 = null), value,
//! headerCount varint, then per header: keyLength varint, key (UTF-8),
//! valueLength varint (-1 = null), value
//! ```

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::compression::{Compressor, Gzip, Lz4, Snappy, Zstd};
use kafka_protocol::records::Compression;

use super::batch::{
    read_varint, read_varlong, validate_stored, BatchHeader, BATCH_HEADER_LEN, DELETE_HORIZON_BIT,
};
use crate::{Error, Result};

/// One record with everything a consumer sees of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Its offset in the partition.
    pub offset: i64,
    /// Epoch ms: the record's own, or the batch's under LogAppendTime.
    pub timestamp: i64,
    /// The key; `None` for a null key.
    pub key: Option<Bytes>,
    /// The value; `None` for a null value (a tombstone).
    pub value: Option<Bytes>,
    /// In record order; a key may repeat.
    pub headers: Vec<(String, Option<Bytes>)>,
}

/// What an encoded record is made of (offsets are assigned in order from 0).
#[derive(Debug, Clone, Copy)]
pub struct RecordRef<'a> {
    pub timestamp: i64,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: &'a [(String, Option<Bytes>)],
}

fn corrupt(what: &str) -> Error {
    Error::CorruptBatch(what.to_string())
}

/// Reads a length-prefixed byte string (-1 = null) as a slice of `block`.
fn read_bytes(cursor: &mut &[u8], block: &Bytes) -> Result<Option<Bytes>> {
    let len = read_varint(cursor)?;
    if len < 0 {
        return Ok(None);
    }
    let len = usize::try_from(len).map_err(|_| corrupt("negative length"))?;
    if cursor.len() < len {
        return Err(corrupt("a key, value or header overruns its record"));
    }
    let (bytes, rest) = cursor.split_at(len);
    let out = block.slice_ref(bytes);
    *cursor = rest;
    Ok(Some(out))
}

/// Decodes every record of one whole batch (header included), checking its CRC first.
/// Control batches decode too; callers skip them by header.
pub fn decode_batch(batch: &Bytes) -> Result<Vec<Record>> {
    // As a broker serves it: a compacted batch holds fewer records than its offsets span.
    let header = validate_stored(batch)?;
    let payload = batch
        .get(BATCH_HEADER_LEN..header.total_len())
        .ok_or_else(|| corrupt("batch shorter than its length field"))?;
    let block = if header.compression() == 0 {
        batch.slice_ref(payload)
    } else {
        super::inflate::read_all(
            header.compression(),
            payload,
            super::inflate::MAX_INFLATED_BATCH_BYTES,
        )?
    };
    let mut cursor: &[u8] = &block;
    // No allocation is sized by the claimed count: each record consumes at least one byte.
    let mut records = Vec::new();
    for _ in 0..header.records_count.max(0) {
        let len = usize::try_from(read_varint(&mut cursor)?)
            .map_err(|_| corrupt("negative record length"))?;
        if cursor.len() < len {
            return Err(corrupt("record overruns its batch"));
        }
        let (mut record, rest) = cursor.split_at(len);
        cursor = rest;
        record = record.get(1..).ok_or_else(|| corrupt("empty record"))?; // attributes
        let timestamp_delta = read_varlong(&mut record)?;
        let offset_delta = read_varint(&mut record)?;
        let key = read_bytes(&mut record, &block)?;
        let value = read_bytes(&mut record, &block)?;
        let count = read_varint(&mut record)?;
        let mut headers = Vec::new();
        for _ in 0..count.max(0) {
            let name = read_bytes(&mut record, &block)?
                .ok_or_else(|| corrupt("a header without a key"))?;
            let value = read_bytes(&mut record, &block)?;
            headers.push((String::from_utf8_lossy(&name).into_owned(), value));
        }
        records.push(Record {
            offset: header.base_offset.saturating_add(i64::from(offset_delta)),
            timestamp: if header.timestamp_type_log_append() {
                header.max_timestamp
            } else {
                header.base_timestamp.saturating_add(timestamp_delta)
            },
            key,
            value,
            headers,
        });
    }
    Ok(records)
}

pub(crate) fn put_varint(buf: &mut BytesMut, value: i64) {
    let mut zigzag = ((value << 1) ^ (value >> 63)) as u64;
    while zigzag >= 0x80 {
        buf.put_u8((zigzag as u8 & 0x7f) | 0x80);
        zigzag >>= 7;
    }
    buf.put_u8(zigzag as u8);
}

fn put_bytes(buf: &mut BytesMut, bytes: Option<&[u8]>) {
    match bytes {
        None => put_varint(buf, -1),
        Some(b) => {
            put_varint(buf, b.len() as i64);
            buf.put_slice(b);
        }
    }
}

/// Encodes `records` as one v2 batch: base offset 0, no producer id (not idempotent), the
/// smallest timestamp as the base, compressed with `compression`. At least one record.
pub fn encode_batch(records: &[RecordRef<'_>], compression: Compression) -> Result<Bytes> {
    encode(records, compression, &Producer::NONE)
}

/// Encodes records as one v2 batch of an idempotent producer: `producer_id` at `epoch`, the
/// first record numbered `base_sequence`, so a retried batch is recognised and written once.
pub fn encode_idempotent_batch(
    records: &[RecordRef<'_>],
    compression: Compression,
    producer_id: i64,
    epoch: i16,
    base_sequence: i32,
) -> Result<Bytes> {
    encode(
        records,
        compression,
        &Producer {
            attributes: 0,
            id: producer_id,
            epoch,
            base_sequence,
        },
    )
}

/// Who wrote a batch, as its header records it.
struct Producer {
    /// Attribute bits beyond the codec: transactional, control.
    attributes: i16,
    id: i64,
    epoch: i16,
    base_sequence: i32,
}

impl Producer {
    const NONE: Producer = Producer {
        attributes: 0,
        id: -1,
        epoch: -1,
        base_sequence: -1,
    };
}

/// Attribute bits of a transaction marker: transactional (4) and control (5).
const MARKER_ATTRIBUTES: i16 = (1 << 4) | (1 << 5);

/// A transaction marker: the control batch that commits or aborts what `producer_id` wrote
/// to a partition in its transaction. One record, key `[version 0, type]` (type 0 abort,
/// 1 commit), value `[version 0, coordinator epoch]`, never compressed.
pub fn encode_marker(
    producer_id: i64,
    producer_epoch: i16,
    commit: bool,
    coordinator_epoch: i32,
    timestamp: i64,
) -> Bytes {
    let mut key = [0u8; 4];
    key[2..].copy_from_slice(&i16::from(commit).to_be_bytes());
    let mut value = [0u8; 6];
    value[2..].copy_from_slice(&coordinator_epoch.to_be_bytes());
    let record = RecordRef {
        timestamp,
        key: Some(&key),
        value: Some(&value),
        headers: &[],
    };
    let producer = Producer {
        attributes: MARKER_ATTRIBUTES,
        id: producer_id,
        epoch: producer_epoch,
        base_sequence: -1,
    };
    // One small uncompressed record always encodes.
    encode(&[record], Compression::None, &producer).unwrap_or_default()
}

/// Whether a control batch commits (`Some(true)`) or aborts (`Some(false)`) a transaction;
/// `None` for other control records (a kind this broker does not write).
pub fn marker_kind(batch: &Bytes) -> Result<Option<bool>> {
    let records = decode_batch(batch)?;
    let key = records
        .first()
        .and_then(|r| r.key.clone())
        .ok_or_else(|| corrupt("a control batch without a key"))?;
    let kind = key
        .get(2..)
        .and_then(|t| t.first_chunk::<2>())
        .map(|t| i16::from_be_bytes(*t))
        .ok_or_else(|| corrupt("a control record key shorter than 4 bytes"))?;
    Ok(match kind {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    })
}

fn encode(
    records: &[RecordRef<'_>],
    compression: Compression,
    producer: &Producer,
) -> Result<Bytes> {
    if records.is_empty() {
        return Err(Error::Client(
            "a record batch needs at least one record".into(),
        ));
    }
    let base_timestamp = records.iter().map(|r| r.timestamp).min().unwrap_or(-1);
    let max_timestamp = records.iter().map(|r| r.timestamp).max().unwrap_or(-1);
    let count = i32::try_from(records.len()).map_err(|_| corrupt("too many records"))?;
    let layout = Layout {
        base_offset: 0,
        partition_leader_epoch: -1,
        attributes: compression as i16 | producer.attributes,
        last_offset_delta: count.saturating_sub(1),
        base_timestamp,
        max_timestamp,
        producer_id: producer.id,
        producer_epoch: producer.epoch,
        base_sequence: producer.base_sequence,
    };
    let numbered = records.iter().enumerate().map(|(i, r)| (i as i64, *r));
    write_batch(&layout, numbered, compression)
}

/// Re-encodes a stored batch with only `retained` of its records (log compaction), as Kafka's
/// cleaner does: same codec, base offset, last offset (so the producer's sequence range is
/// unchanged), producer id, epoch and base sequence, leader epoch and flags; each record keeps
/// its offset, timestamp, key, value and headers. With `delete_horizon_ms` the batch carries
/// that horizon in `baseTimestamp` and the records' timestamp deltas are taken from it.
pub fn encode_retained(
    original: &BatchHeader,
    retained: &[Record],
    delete_horizon_ms: Option<i64>,
) -> Result<Bytes> {
    let compression = match original.compression() {
        0 => Compression::None,
        1 => Compression::Gzip,
        2 => Compression::Snappy,
        3 => Compression::Lz4,
        4 => Compression::Zstd,
        other => return Err(corrupt(&format!("unknown compression codec {other}"))),
    };
    let log_append_time = original.timestamp_type_log_append();
    let first_timestamp = retained.first().map_or(-1, |r| r.timestamp);
    let max_timestamp = if log_append_time {
        original.max_timestamp
    } else {
        retained.iter().map(|r| r.timestamp).max().unwrap_or(-1)
    };
    let mut attributes = original.attributes & !DELETE_HORIZON_BIT;
    if delete_horizon_ms.is_some() {
        attributes |= DELETE_HORIZON_BIT;
    }
    let layout = Layout {
        base_offset: original.base_offset,
        partition_leader_epoch: original.partition_leader_epoch,
        attributes,
        last_offset_delta: original.last_offset_delta,
        base_timestamp: delete_horizon_ms.unwrap_or(first_timestamp),
        max_timestamp,
        producer_id: original.producer_id,
        producer_epoch: original.producer_epoch,
        base_sequence: original.base_sequence,
    };
    let records = retained.iter().map(|r| {
        (
            r.offset.saturating_sub(original.base_offset),
            RecordRef {
                timestamp: r.timestamp,
                key: r.key.as_deref(),
                value: r.value.as_deref(),
                headers: &r.headers,
            },
        )
    });
    write_batch(&layout, records, compression)
}

/// The header of a batch whose records compaction all removed, kept because it is its
/// producer's last (its sequence numbers must stay known): no records, no codec, no base
/// timestamp, the original's max timestamp, offsets, producer fields and flags.
pub fn encode_empty(original: &BatchHeader) -> Result<Bytes> {
    let layout = Layout {
        base_offset: original.base_offset,
        partition_leader_epoch: original.partition_leader_epoch,
        attributes: original.attributes & !(DELETE_HORIZON_BIT | 0x07),
        last_offset_delta: original.last_offset_delta,
        base_timestamp: -1,
        max_timestamp: original.max_timestamp,
        producer_id: original.producer_id,
        producer_epoch: original.producer_epoch,
        base_sequence: original.base_sequence,
    };
    write_batch(&layout, std::iter::empty(), Compression::None)
}

/// The header fields of a batch to write.
struct Layout {
    base_offset: i64,
    partition_leader_epoch: i32,
    /// All attribute bits, the codec's included.
    attributes: i16,
    last_offset_delta: i32,
    base_timestamp: i64,
    max_timestamp: i64,
    producer_id: i64,
    producer_epoch: i16,
    base_sequence: i32,
}

/// Writes one v2 batch: `records` as (offset delta, record), compressed with `compression`,
/// under a header laid out as `layout` says, with its length and CRC filled in.
fn write_batch<'a>(
    layout: &Layout,
    records: impl Iterator<Item = (i64, RecordRef<'a>)>,
    compression: Compression,
) -> Result<Bytes> {
    let mut block = BytesMut::new();
    let mut record = BytesMut::new();
    let mut count: i32 = 0;
    for (offset_delta, r) in records {
        record.clear();
        record.put_i8(0);
        put_varint(&mut record, r.timestamp.wrapping_sub(layout.base_timestamp));
        put_varint(&mut record, offset_delta);
        put_bytes(&mut record, r.key);
        put_bytes(&mut record, r.value);
        put_varint(&mut record, r.headers.len() as i64);
        for (name, value) in r.headers {
            put_bytes(&mut record, Some(name.as_bytes()));
            put_bytes(&mut record, value.as_deref());
        }
        put_varint(&mut block, record.len() as i64);
        block.put_slice(&record);
        count = count
            .checked_add(1)
            .ok_or_else(|| corrupt("too many records"))?;
    }
    let mut buf = BytesMut::with_capacity(BATCH_HEADER_LEN + block.len());
    buf.put_i64(layout.base_offset);
    buf.put_i32(0); // batch length, set below
    buf.put_i32(layout.partition_leader_epoch);
    buf.put_i8(2); // magic
    buf.put_u32(0); // CRC, set below
    buf.put_i16(layout.attributes);
    buf.put_i32(layout.last_offset_delta);
    buf.put_i64(layout.base_timestamp);
    buf.put_i64(layout.max_timestamp);
    buf.put_i64(layout.producer_id);
    buf.put_i16(layout.producer_epoch);
    buf.put_i32(layout.base_sequence);
    buf.put_i32(count);
    let keep = |tmp: &mut BytesMut| {
        tmp.put_slice(&block);
        Ok(())
    };
    let compressed = match compression {
        _ if count == 0 => Ok(()),
        Compression::None => {
            buf.put_slice(&block);
            Ok(())
        }
        Compression::Gzip => Gzip::compress(&mut buf, keep),
        Compression::Snappy => Snappy::compress(&mut buf, keep),
        Compression::Lz4 => Lz4::compress(&mut buf, keep),
        Compression::Zstd => Zstd::compress(&mut buf, keep),
    };
    compressed.map_err(|e| Error::Client(format!("cannot compress the record batch: {e:#}")))?;
    let batch_length = i32::try_from(buf.len().saturating_sub(12))
        .map_err(|_| corrupt("batch larger than 2 GiB"))?;
    let crc_from = buf.len().min(21);
    let crc = {
        let (header, attributes_on) = buf.split_at_mut(crc_from);
        if let Some(slot) = header.get_mut(8..12) {
            slot.copy_from_slice(&batch_length.to_be_bytes());
        }
        crc32c::crc32c(attributes_on)
    };
    if let Some(slot) = buf.get_mut(17..21) {
        slot.copy_from_slice(&crc.to_be_bytes());
    }
    Ok(buf.freeze())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::records::RecordBatchDecoder;

    fn sample() -> Vec<Record> {
        (0..20)
            .map(|i| Record {
                offset: i,
                timestamp: 1_700_000_000_000 + (i * 7919) % 50 - 25,
                key: (i % 3 != 0).then(|| Bytes::from(format!("k{i}"))),
                value: match i % 4 {
                    0 => None,
                    1 => Some(Bytes::new()),
                    _ => Some(Bytes::from(vec![b'v'; i as usize * 100])),
                },
                headers: vec![
                    ("trace".into(), Some(Bytes::from(format!("a{i}")))),
                    ("trace".into(), Some(Bytes::from(format!("b{i}")))),
                    ("null".into(), None),
                ],
            })
            .collect()
    }

    fn refs(records: &[Record]) -> Vec<RecordRef<'_>> {
        records
            .iter()
            .map(|r| RecordRef {
                timestamp: r.timestamp,
                key: r.key.as_deref(),
                value: r.value.as_deref(),
                headers: &r.headers,
            })
            .collect()
    }

    #[test]
    fn every_codec_round_trips_with_repeated_header_keys() {
        let records = sample();
        for compression in [
            Compression::None,
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            let batch = encode_batch(&refs(&records), compression).unwrap();
            assert_eq!(decode_batch(&batch).unwrap(), records, "{compression:?}");
            // kafka-protocol reads the same batch (its map merges the repeated header).
            let mut buf = batch.clone();
            let set = RecordBatchDecoder::decode(&mut buf).unwrap();
            assert_eq!(set.records.len(), records.len());
            assert_eq!(set.records[5].timestamp, records[5].timestamp);
            assert_eq!(set.records[5].value, records[5].value);
        }
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let batch = encode_batch(&refs(&sample()), Compression::None).unwrap();
        for cut in [0, 10, 61, batch.len() - 1] {
            assert!(decode_batch(&batch.slice(..cut)).is_err(), "cut at {cut}");
        }
        let mut flipped = batch.to_vec();
        flipped[100] ^= 0xff;
        assert!(decode_batch(&Bytes::from(flipped)).is_err());
    }

    #[test]
    fn markers_say_commit_or_abort() {
        for commit in [true, false] {
            let marker = encode_marker(42, 3, commit, 0, 1_700_000_000_000);
            let header = crate::protocol::batch::validate(&marker).unwrap();
            assert!(header.is_control() && header.is_transactional());
            assert_eq!((header.producer_id, header.producer_epoch), (42, 3));
            assert_eq!(marker_kind(&marker).unwrap(), Some(commit));
        }
    }

    #[test]
    fn an_empty_batch_is_refused() {
        assert!(encode_batch(&[], Compression::None).is_err());
    }
}
