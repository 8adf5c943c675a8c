//! How large a compressed records payload says it is, read from the codec's framing alone —
//! no byte is inflated — so that Produce can refuse a decompression bomb (970 KB of gzip
//! declaring 1 GB) while the append path stays free of decompression.
//!
//! The figure is what the framing declares or implies, an upper bound for real encoders:
//! gzip's trailer (`ISIZE`), each snappy block's length preamble, an lz4 or zstd frame's content
//! size when it carries one, else its blocks each counted at their largest possible size (a
//! block's maximum for compressed ones, its exact size for stored and RLE ones). Encoders fill
//! blocks, so for real data the bound is close to the truth; a bomb made of many tiny blocks
//! each inflating to the maximum is bounded by exactly that. Framing this reader does not
//! recognise yields `None`: the decoders on the read paths judge it, in bounded memory.

/// The uncompressed size `payload`'s framing declares for Kafka codec `codec`, if it can tell.
pub fn inflated_size(codec: u8, payload: &[u8]) -> Option<u64> {
    match codec {
        1 => gzip(payload),
        2 => snappy(payload),
        3 => lz4(payload),
        4 => zstd(payload),
        _ => None,
    }
}

fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le_u64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// A gzip member ends with the size of its input modulo 2^32. Kafka's producers write one
/// member; a batch under `message.max.bytes` cannot inflate past 4 GiB (deflate's ratio is at
/// most ~1032:1), so the figure is exact for them.
fn gzip(p: &[u8]) -> Option<u64> {
    if p.len() < 18 || p.get(..2)? != [0x1f, 0x8b] {
        return None;
    }
    le_u32(p, p.len() - 4).map(u64::from)
}

/// Xerial framing (Kafka's): a 16-byte header, then blocks each prefixed by their compressed
/// length and starting with their uncompressed length; or one raw snappy block.
fn snappy(p: &[u8]) -> Option<u64> {
    const MAGIC: &[u8] = b"\x82SNAPPY\x00";
    if !p.starts_with(MAGIC) {
        return snap::raw::decompress_len(p).ok().map(|n| n as u64);
    }
    let mut at = 16;
    let mut total = 0u64;
    while at < p.len() {
        let len = u32::from_be_bytes(p.get(at..at + 4)?.try_into().ok()?) as usize;
        let block = p.get(at + 4..at + 4 + len)?;
        total += snap::raw::decompress_len(block).ok()? as u64;
        at += 4 + len;
    }
    Some(total)
}

/// LZ4 frames: the content size if the frame declares it, else each block at most the frame's
/// block maximum (stored blocks at their size).
fn lz4(p: &[u8]) -> Option<u64> {
    let mut at = 0;
    let mut total = 0u64;
    while at < p.len() {
        if le_u32(p, at)? != 0x184D_2204 {
            return None;
        }
        let flg = *p.get(at + 4)?;
        let bd = *p.get(at + 5)?;
        let (block_checksum, content_size, content_checksum, dict_id) = (
            flg & 0x10 != 0,
            flg & 0x08 != 0,
            flg & 0x04 != 0,
            flg & 0x01 != 0,
        );
        let block_max: u64 = match (bd >> 4) & 0x07 {
            4 => 64 << 10,
            5 => 256 << 10,
            6 => 1 << 20,
            7 => 4 << 20,
            _ => return None,
        };
        let declared = if content_size {
            Some(le_u64(p, at + 6)?)
        } else {
            None
        };
        at += 6 + if content_size { 8 } else { 0 } + if dict_id { 4 } else { 0 } + 1;
        let mut bound = 0u64;
        loop {
            let word = le_u32(p, at)?;
            at += 4;
            if word == 0 {
                break;
            }
            let (stored, size) = (word & 0x8000_0000 != 0, u64::from(word & 0x7FFF_FFFF));
            bound += if stored { size } else { block_max };
            at += usize::try_from(size).ok()? + if block_checksum { 4 } else { 0 };
        }
        if content_checksum {
            at += 4;
        }
        total += declared.unwrap_or(bound);
    }
    Some(total)
}

/// Zstandard frames: the frame content size if present, else each block at most 128 KiB
/// (stored and RLE blocks at their size); skippable frames hold no content.
fn zstd(p: &[u8]) -> Option<u64> {
    const BLOCK_MAX: u64 = 128 << 10;
    let mut at = 0;
    let mut total = 0u64;
    while at < p.len() {
        let magic = le_u32(p, at)?;
        if magic & 0xFFFF_FFF0 == 0x184D_2A50 {
            at += 8 + le_u32(p, at + 4)? as usize;
            continue;
        }
        if magic != 0xFD2F_B528 {
            return None;
        }
        let fhd = *p.get(at + 4)?;
        let single_segment = fhd & 0x20 != 0;
        let checksum = fhd & 0x04 != 0;
        let dict_len = match fhd & 0x03 {
            0 => 0,
            1 => 1,
            2 => 2,
            _ => 4,
        };
        let fcs_len = match fhd >> 6 {
            0 if single_segment => 1,
            0 => 0,
            1 => 2,
            2 => 4,
            _ => 8,
        };
        let fcs_at = at + 5 + usize::from(!single_segment) + dict_len;
        let declared = match fcs_len {
            0 => None,
            1 => Some(u64::from(*p.get(fcs_at)?)),
            2 => Some(
                u64::from(u16::from_le_bytes(
                    p.get(fcs_at..fcs_at + 2)?.try_into().ok()?,
                )) + 256,
            ),
            4 => Some(u64::from(le_u32(p, fcs_at)?)),
            _ => Some(le_u64(p, fcs_at)?),
        };
        at = fcs_at + fcs_len;
        let mut bound = 0u64;
        loop {
            let &[b0, b1, b2] = p.get(at..)?.first_chunk::<3>()?;
            let header = u32::from(b0) | u32::from(b1) << 8 | u32::from(b2) << 16;
            at += 3;
            let (last, kind, size) = (header & 1 != 0, (header >> 1) & 3, u64::from(header >> 3));
            let (content, stored) = match kind {
                0 => (size, size),
                1 => (size, 1),
                2 => (BLOCK_MAX, size),
                _ => return None,
            };
            bound += content;
            at += usize::try_from(stored).ok()?;
            if last {
                break;
            }
        }
        if checksum {
            at += 4;
        }
        total += declared.unwrap_or(bound);
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn data(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i % 251) as u8 ^ (i / 7919) as u8).collect()
    }

    #[test]
    fn gzip_declares_its_input_size() {
        let input = data(300_000);
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&input).unwrap();
        let out = e.finish().unwrap();
        assert_eq!(inflated_size(1, &out), Some(300_000));
    }

    #[test]
    fn snappy_sums_its_blocks() {
        let input = data(100_000);
        let raw = snap::raw::Encoder::new().compress_vec(&input).unwrap();
        assert_eq!(inflated_size(2, &raw), Some(100_000));
        // Xerial: header, then two length-prefixed blocks.
        let mut xerial = b"\x82SNAPPY\x00\0\0\0\x01\0\0\0\x01".to_vec();
        for chunk in input.chunks(60_000) {
            let block = snap::raw::Encoder::new().compress_vec(chunk).unwrap();
            xerial.extend_from_slice(&(block.len() as u32).to_be_bytes());
            xerial.extend_from_slice(&block);
        }
        assert_eq!(inflated_size(2, &xerial), Some(100_000));
    }

    #[test]
    fn lz4_bounds_by_blocks_or_declares() {
        let input = data(1_000_000);
        let mut e = lz4::EncoderBuilder::new().build(Vec::new()).unwrap();
        e.write_all(&input).unwrap();
        let (out, result) = e.finish();
        result.unwrap();
        let bound = inflated_size(3, &out).unwrap();
        assert!(
            (1_000_000..=1_000_000 + (4 << 20)).contains(&bound),
            "{bound}"
        );
    }

    #[test]
    fn zstd_declares_or_bounds_by_blocks() {
        let input = data(1_000_000);
        let declared = zstd::bulk::compress(&input, 3).unwrap();
        assert_eq!(inflated_size(4, &declared), Some(1_000_000));
        // A streamed frame carries no content size: blocks bound it.
        let mut e = zstd::stream::write::Encoder::new(Vec::new(), 3).unwrap();
        e.include_contentsize(false).unwrap();
        e.write_all(&input).unwrap();
        let streamed = e.finish().unwrap();
        let bound = inflated_size(4, &streamed).unwrap();
        // The streaming encoder does not fill every block: an upper bound, within a factor.
        assert!((1_000_000..=2_000_000).contains(&bound), "{bound}");
    }

    #[test]
    fn unknown_framing_says_nothing() {
        assert_eq!(inflated_size(1, b"not gzip at all, not at all"), None);
        assert_eq!(inflated_size(3, b"nope"), None);
        assert_eq!(inflated_size(4, &[0x28, 0xb5, 0x2f, 0xfd]), None);
        assert_eq!(inflated_size(9, b""), None);
    }
}
