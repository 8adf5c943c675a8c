//! The end of a migration: both sides of every partition read back and compared — record
//! count and a CRC-32C over each record's timestamp, key, value and headers in order — and,
//! from the same pass over the source, the source groups' committed offsets translated to
//! destination offsets (the destination offset of the first record at or after each).

use serde::Serialize;
use streamline::client::records::Record;
use streamline::client::Client;

use super::read::RangeReader;

/// Count and running checksum of a sequence of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Digest {
    pub records: i64,
    pub crc32c: u32,
}

impl Digest {
    fn add(&mut self, r: &Record) {
        fn bytes(crc: u32, b: Option<&[u8]>) -> u32 {
            match b {
                None => crc32c::crc32c_append(crc, &(-1i32).to_be_bytes()),
                Some(b) => {
                    let len = i32::try_from(b.len()).unwrap_or(i32::MAX);
                    crc32c::crc32c_append(crc32c::crc32c_append(crc, &len.to_be_bytes()), b)
                }
            }
        }
        let mut crc = crc32c::crc32c_append(self.crc32c, &r.timestamp.to_be_bytes());
        crc = bytes(crc, r.key.as_deref());
        crc = bytes(crc, r.value.as_deref());
        let count = i32::try_from(r.headers.len()).unwrap_or(i32::MAX);
        crc = crc32c::crc32c_append(crc, &count.to_be_bytes());
        for (k, v) in &r.headers {
            crc = bytes(crc, Some(k.as_bytes()));
            crc = bytes(crc, v.as_deref());
        }
        self.crc32c = crc;
        self.records += 1;
    }
}

/// The comparison of one partition.
#[derive(Debug, Clone, Serialize)]
pub struct PartitionCheck {
    pub topic: String,
    pub partition: i32,
    pub source: Digest,
    pub destination: Digest,
    pub ok: bool,
}

/// Where the source range of a partition sits on each side.
pub struct Ranges {
    pub source: std::ops::Range<i64>,
    /// The destination's whole range; the copy of the source range ends at its end.
    pub destination: std::ops::Range<i64>,
}

/// Reads a range, feeding each record to `visit`.
async fn scan(
    client: &Client,
    side: &'static str,
    topic: &str,
    partition: i32,
    range: std::ops::Range<i64>,
    mut visit: impl FnMut(&Record),
) -> anyhow::Result<()> {
    let mut reader = RangeReader::new(client, side, topic, partition, range);
    while let Some(chunk) = reader.next_chunk().await? {
        chunk.records.iter().for_each(&mut visit);
    }
    Ok(())
}

/// Compares the source range with the last records of the destination, and translates
/// `offsets` (source offsets of one partition) into destination offsets, which are only
/// meaningful when the check passes.
pub async fn partition(
    source: &Client,
    dest: &Client,
    topic: &str,
    partition: i32,
    ranges: Ranges,
    offsets: &[i64],
) -> anyhow::Result<(PartitionCheck, Vec<i64>)> {
    let mut source_digest = Digest::default();
    // How many source records lie below each offset to translate.
    let mut below = vec![0i64; offsets.len()];
    scan(source, "source", topic, partition, ranges.source, |r| {
        source_digest.add(r);
        for (n, &o) in below.iter_mut().zip(offsets) {
            if r.offset < o {
                *n += 1;
            }
        }
    })
    .await?;
    // The destination was written densely, so its copy of the source's records is the last
    // `records` offsets; anything before them was copied from records the source has since
    // deleted.
    let copy_start = ranges.destination.end - source_digest.records;
    let mut dest_digest = Digest::default();
    if copy_start >= ranges.destination.start {
        scan(
            dest,
            "destination",
            topic,
            partition,
            copy_start..ranges.destination.end,
            |r| dest_digest.add(r),
        )
        .await?;
    } else {
        scan(
            dest,
            "destination",
            topic,
            partition,
            ranges.destination,
            |r| dest_digest.add(r),
        )
        .await?;
    }
    let translated = below.iter().map(|n| copy_start + n).collect();
    Ok((
        PartitionCheck {
            topic: topic.to_string(),
            partition,
            ok: source_digest == dest_digest,
            source: source_digest,
            destination: dest_digest,
        },
        translated,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn record(key: Option<&str>, value: Option<&str>, headers: &[(&str, Option<&str>)]) -> Record {
        Record {
            offset: 0,
            timestamp: 1_700_000_000_000,
            key: key.map(|k| Bytes::from(k.to_string())),
            value: value.map(|v| Bytes::from(v.to_string())),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.map(|v| Bytes::from(v.to_string()))))
                .collect(),
        }
    }

    fn digest(records: &[Record]) -> Digest {
        let mut d = Digest::default();
        records.iter().for_each(|r| d.add(r));
        d
    }

    #[test]
    fn digests_tell_apart_what_a_copy_must_keep() {
        let base = digest(&[record(Some("k"), Some("v"), &[("h", Some("1"))])]);
        assert_eq!(
            base,
            digest(&[record(Some("k"), Some("v"), &[("h", Some("1"))])])
        );
        for other in [
            record(None, Some("v"), &[("h", Some("1"))]),
            record(Some(""), Some("v"), &[("h", Some("1"))]),
            record(Some("k"), None, &[("h", Some("1"))]),
            record(Some("k"), Some("v"), &[("h", None)]),
            record(Some("k"), Some("v"), &[]),
            record(Some("k"), Some("v"), &[("h", Some("1")), ("h", Some("1"))]),
            record(Some("kv"), Some(""), &[("h", Some("1"))]),
        ] {
            assert_ne!(base, digest(&[other]));
        }
        let mut later = record(Some("k"), Some("v"), &[("h", Some("1"))]);
        later.timestamp += 1;
        assert_ne!(base, digest(&[later]));
        let a = record(Some("a"), None, &[]);
        let b = record(Some("b"), None, &[]);
        assert_ne!(digest(&[a.clone(), b.clone()]), digest(&[b, a]));
    }
}
