//! The framing schema registry serializers put around a value: a magic byte 0, the schema id
//! as a 4-byte big-endian integer, then (Protobuf only) the message indexes, then the
//! encoded value.
//!
//! Message indexes name which message of a `.proto` file the value is: a count and that many
//! indexes, as zig-zag varints, from the file's top-level messages down through nested ones.
//! The common case, the first top-level message (`[0]`), is written as a single 0 byte.

/// The longest index path read (Confluent's Python deserializer stops at 100,000; nesting in
/// real files is a handful).
const MAX_INDEXES: usize = 1_000;

/// A framed value's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Framed<'a> {
    pub schema_id: i32,
    /// After the 5-byte header: the message indexes (Protobuf) and the encoded value.
    pub rest: &'a [u8],
}

/// The header, if `bytes` starts with one (magic 0 and at least the id).
pub fn unframe(bytes: &[u8]) -> Option<Framed<'_>> {
    match bytes {
        [0, a, b, c, d, rest @ ..] => Some(Framed {
            schema_id: i32::from_be_bytes([*a, *b, *c, *d]),
            rest,
        }),
        _ => None,
    }
}

/// Magic byte and id, to which the encoded value is appended.
pub fn frame_header(schema_id: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.push(0);
    out.extend_from_slice(&schema_id.to_be_bytes());
    out
}

/// Appends Protobuf message indexes (`[0]` as one 0 byte).
pub fn write_message_indexes(out: &mut Vec<u8>, indexes: &[i32]) {
    if indexes == [0] {
        out.push(0);
        return;
    }
    write_varint(out, i32::try_from(indexes.len()).unwrap_or(i32::MAX));
    for &i in indexes {
        write_varint(out, i);
    }
}

/// Reads message indexes from the front of `bytes`: (indexes, what follows).
pub fn read_message_indexes(bytes: &[u8]) -> Result<(Vec<i32>, &[u8]), String> {
    let (count, mut rest) = read_varint(bytes)?;
    if count == 0 {
        return Ok((vec![0], rest));
    }
    let count = usize::try_from(count)
        .ok()
        .filter(|c| *c <= MAX_INDEXES)
        .ok_or_else(|| format!("{count} message indexes (at most {MAX_INDEXES} are read)"))?;
    let mut indexes = Vec::with_capacity(count);
    for _ in 0..count {
        let (i, after) = read_varint(rest)?;
        indexes.push(i);
        rest = after;
    }
    Ok((indexes, rest))
}

fn write_varint(out: &mut Vec<u8>, n: i32) {
    let mut z = ((n << 1) ^ (n >> 31)) as u32;
    while z >= 0x80 {
        out.push((z as u8) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

fn read_varint(bytes: &[u8]) -> Result<(i32, &[u8]), String> {
    let mut z: u32 = 0;
    for (i, b) in bytes.iter().enumerate().take(5) {
        z |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let n = (z >> 1) as i32 ^ -((z & 1) as i32);
            return Ok((n, bytes.get(i + 1..).unwrap_or_default()));
        }
    }
    Err("a message index that is not a valid varint".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_indexes_as_confluent_writes_them() {
        let mut framed = frame_header(258);
        framed.extend_from_slice(b"x");
        assert_eq!(framed, vec![0, 0, 0, 1, 2, b'x']);
        assert_eq!(
            unframe(&framed),
            Some(Framed {
                schema_id: 258,
                rest: b"x"
            })
        );
        assert_eq!(unframe(b"\x01\0\0\0\x01x"), None);
        assert_eq!(unframe(b"\0\0\0"), None);
        for (indexes, bytes) in [
            (vec![0], vec![0x00]),
            (vec![1], vec![0x02, 0x02]),
            (vec![0, 2], vec![0x04, 0x00, 0x04]),
            (vec![64], vec![0x02, 0x80, 0x01]),
        ] {
            let mut out = Vec::new();
            write_message_indexes(&mut out, &indexes);
            assert_eq!(out, bytes, "{indexes:?}");
            out.push(9);
            assert_eq!(read_message_indexes(&out).unwrap(), (indexes, &[9u8][..]));
        }
        assert!(read_message_indexes(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).is_err());
    }
}
