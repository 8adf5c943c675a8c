//! Turning fetched record batches into records: every codec is decoded (with
//! [`crate::protocol::records`], which keeps repeated header keys), control batches are skipped, records before the requested offset
//! (a fetch may start inside a batch) are dropped, records of a LogAppendTime batch take the
//! batch's timestamp (as Kafka's consumer does), and a batch cut short at the end of the
//! response is left for the next fetch. For a read_committed fetch the batches of aborted
//! transactions are skipped too, as Kafka's consumer does: a producer listed as aborted from
//! a first offset on has its transactional batches skipped until its abort marker.

use std::collections::HashSet;

use bytes::Bytes;
use kafka_protocol::records::Compression;

use super::fetch::FetchedPartition;
use crate::protocol::batch::{BatchHeader, BATCH_HEADER_LEN, LOG_OVERHEAD};
pub use crate::protocol::records::Record;
use crate::protocol::records::{decode_batch, marker_kind};
use crate::{Error, Result};

/// Records decoded from one fetch of one partition.
#[derive(Debug, Default)]
pub struct Decoded {
    pub records: Vec<Record>,
    /// Where the next fetch should start: after the last whole batch seen.
    pub next_offset: Option<i64>,
    /// The codec of the first data batch, so a copy can be written as the source was.
    pub compression: Option<Compression>,
}

/// The codec a batch header's compression id names (unknown ids read as none).
fn codec(id: u8) -> Compression {
    match id {
        1 => Compression::Gzip,
        2 => Compression::Snappy,
        3 => Compression::Lz4,
        4 => Compression::Zstd,
        _ => Compression::None,
    }
}

/// Decodes the whole batches in `raw`, keeping records at or after `from_offset`.
pub fn decode(raw: &Bytes, from_offset: i64) -> Result<Decoded> {
    decode_skipping(raw, from_offset, &[])
}

/// Decodes what a fetch returned, skipping aborted transactions when it was read_committed.
pub fn decode_fetched(part: &FetchedPartition, from_offset: i64) -> Result<Decoded> {
    decode_skipping(
        &part.records,
        from_offset,
        part.aborted.as_deref().unwrap_or_default(),
    )
}

/// Decodes, skipping the transactional batches of `aborted` (producer id, first offset).
fn decode_skipping(raw: &Bytes, from_offset: i64, aborted: &[(i64, i64)]) -> Result<Decoded> {
    let mut pending: Vec<(i64, i64)> = aborted.to_vec();
    // Taken from the end: the earliest first offset last.
    pending.sort_by_key(|&(_, first)| std::cmp::Reverse(first));
    let mut aborting: HashSet<i64> = HashSet::new();
    let mut out = Decoded::default();
    let mut pos = 0usize;
    while raw.len().saturating_sub(pos) >= BATCH_HEADER_LEN {
        let header = BatchHeader::parse(raw.get(pos..).unwrap_or_default())?;
        let end = pos + header.total_len();
        if end > raw.len() || header.total_len() < LOG_OVERHEAD {
            break;
        }
        out.next_offset = Some(header.last_offset() + 1);
        while pending
            .last()
            .is_some_and(|&(_, first)| first <= header.last_offset())
        {
            if let Some((producer_id, _)) = pending.pop() {
                aborting.insert(producer_id);
            }
        }
        if header.is_control() {
            // An abort marker ends that producer's aborted transaction.
            if aborting.contains(&header.producer_id)
                && marker_kind(&raw.slice(pos..end)).ok().flatten() == Some(false)
            {
                aborting.remove(&header.producer_id);
            }
        } else if header.is_transactional() && aborting.contains(&header.producer_id) {
            // A batch of an aborted transaction: never shown to read_committed readers.
        } else {
            out.compression.get_or_insert(codec(header.compression()));
            let batch = raw.slice(pos..end);
            let records = decode_batch(&batch).map_err(|e| {
                Error::Client(format!(
                    "cannot decode the batch at offset {}: {e}",
                    header.base_offset
                ))
            })?;
            out.records
                .extend(records.into_iter().filter(|r| r.offset >= from_offset));
        }
        pos = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::batch::set_base_offset;
    use crate::protocol::records::encode_marker;
    use bytes::BytesMut;
    use kafka_protocol::records::{Record as KafkaRecord, RecordBatchEncoder, RecordEncodeOptions};

    /// A batch of one record at `offset`, transactional for `producer_id` when it is >= 0.
    fn batch(offset: i64, producer_id: i64, value: &str) -> Vec<u8> {
        let record = KafkaRecord {
            transactional: producer_id >= 0,
            control: false,
            delete_horizon: false,
            partition_leader_epoch: -1,
            producer_id,
            producer_epoch: if producer_id >= 0 { 0 } else { -1 },
            timestamp_type: kafka_protocol::records::TimestampType::Creation,
            offset: 0,
            sequence: if producer_id >= 0 { 0 } else { -1 },
            timestamp: 1,
            key: None,
            value: Some(Bytes::from(value.to_string())),
            headers: Default::default(),
        };
        let mut buf = BytesMut::new();
        RecordBatchEncoder::encode(
            &mut buf,
            std::iter::once(&record),
            &RecordEncodeOptions {
                version: 2,
                compression: Compression::None,
            },
        )
        .unwrap();
        let mut out = buf.to_vec();
        set_base_offset(&mut out, offset);
        out
    }

    fn marker(offset: i64, producer_id: i64, commit: bool) -> Vec<u8> {
        let mut out = encode_marker(producer_id, 0, commit, 0, 1).to_vec();
        set_base_offset(&mut out, offset);
        out
    }

    /// Rewrites a batch's last offset delta (and, with `empty`, drops its records), as Kafka's
    /// log cleaner leaves batches it removed records from; the CRC is recomputed.
    fn compacted(mut batch: Vec<u8>, last_offset_delta: i32, empty: bool) -> Vec<u8> {
        batch[23..27].copy_from_slice(&last_offset_delta.to_be_bytes());
        if empty {
            batch.truncate(BATCH_HEADER_LEN);
            batch[57..61].copy_from_slice(&0i32.to_be_bytes());
            let length = (BATCH_HEADER_LEN - 12) as i32;
            batch[8..12].copy_from_slice(&length.to_be_bytes());
        }
        let crc = crc32c::crc32c(&batch[21..]);
        batch[17..21].copy_from_slice(&crc.to_be_bytes());
        batch
    }

    /// A batch of two keyed records at offset deltas 0 and 2, as the cleaner leaves it when
    /// the record at delta 1 was superseded (written by hand: encoders write dense batches).
    fn two_with_a_gap(offset: i64) -> Vec<u8> {
        use crate::protocol::records::put_varint;
        let mut records = BytesMut::new();
        for (delta, value) in [(0i64, "kept-0"), (2, "kept-2")] {
            let mut r = BytesMut::from(&[0u8][..]); // attributes
            put_varint(&mut r, 0); // timestamp delta
            put_varint(&mut r, delta);
            put_varint(&mut r, 2);
            r.extend_from_slice(format!("k{delta}").as_bytes());
            put_varint(&mut r, value.len() as i64);
            r.extend_from_slice(value.as_bytes());
            put_varint(&mut r, 0); // headers
            put_varint(&mut records, r.len() as i64);
            records.extend_from_slice(&r);
        }
        let mut b = Vec::new();
        b.extend_from_slice(&offset.to_be_bytes());
        b.extend_from_slice(&((BATCH_HEADER_LEN - 12 + records.len()) as i32).to_be_bytes());
        b.extend_from_slice(&(-1i32).to_be_bytes()); // partition leader epoch
        b.push(2); // magic
        b.extend_from_slice(&[0; 4]); // crc, below
        b.extend_from_slice(&0i16.to_be_bytes()); // attributes
        b.extend_from_slice(&2i32.to_be_bytes()); // last offset delta
        b.extend_from_slice(&1i64.to_be_bytes()); // base timestamp
        b.extend_from_slice(&1i64.to_be_bytes()); // max timestamp
        b.extend_from_slice(&(-1i64).to_be_bytes()); // producer id
        b.extend_from_slice(&(-1i16).to_be_bytes()); // producer epoch
        b.extend_from_slice(&(-1i32).to_be_bytes()); // base sequence
        b.extend_from_slice(&2i32.to_be_bytes()); // records count
        b.extend_from_slice(&records);
        let crc = crc32c::crc32c(&b[21..]);
        b[17..21].copy_from_slice(&crc.to_be_bytes());
        b
    }

    #[test]
    fn compacted_batches_with_gaps_and_empty_batches_decode() {
        // Offsets 10..=13 (records at 10 and 12 left), 14..=18 emptied, then 19.
        let raw: Vec<u8> = [
            compacted(two_with_a_gap(10), 3, false),
            compacted(batch(14, -1, "gone"), 4, true),
            batch(19, -1, "plain"),
        ]
        .concat();
        let decoded = decode(&Bytes::from(raw), 11).unwrap();
        let got: Vec<(i64, String)> = decoded
            .records
            .iter()
            .map(|r| {
                let value = r.value.as_deref().unwrap_or_default();
                (r.offset, String::from_utf8_lossy(value).into_owned())
            })
            .collect();
        assert_eq!(got, [(12, "kept-2".into()), (19, "plain".into())]);
        assert_eq!(decoded.next_offset, Some(20));
    }

    #[test]
    fn read_committed_skips_aborted_transactions_and_markers() {
        let raw: Vec<u8> = [
            batch(0, 1, "aborted"),
            batch(1, 2, "committed"),
            marker(2, 1, false),
            marker(3, 2, true),
            batch(4, -1, "plain"),
            batch(5, 1, "later-committed"),
            marker(6, 1, true),
        ]
        .concat();
        let raw = Bytes::from(raw);
        let values = |d: Decoded| -> Vec<String> {
            d.records
                .iter()
                .map(|r| String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into())
                .collect()
        };
        let committed = decode_skipping(&raw, 0, &[(1, 0)]).unwrap();
        assert_eq!(committed.next_offset, Some(7));
        assert_eq!(values(committed), ["committed", "plain", "later-committed"]);
        let everything = decode(&raw, 0).unwrap();
        assert_eq!(
            values(everything),
            ["aborted", "committed", "plain", "later-committed"]
        );
    }
}
