//! Reading the bodies of request versions the `kafka-protocol` crate no longer models (Kafka 4
//! dropped them, KIP-896) but older clients still send. Only the non-flexible encoding exists
//! for those versions: big-endian integers, i16-length strings, i32-length arrays. Every read
//! is checked against the bytes that remain, and array lengths against what those bytes could
//! hold, so a hostile length allocates nothing.

use bytes::{Buf, BufMut, Bytes, BytesMut};

/// Longest array a legacy request may carry.
const MAX_ARRAY_LEN: usize = 100_000;

/// A cursor over a request body.
pub struct Reader(pub Bytes);

impl Reader {
    pub fn i8(&mut self) -> Option<i8> {
        (self.0.remaining() >= 1).then(|| self.0.get_i8())
    }

    pub fn i16(&mut self) -> Option<i16> {
        (self.0.remaining() >= 2).then(|| self.0.get_i16())
    }

    pub fn i32(&mut self) -> Option<i32> {
        (self.0.remaining() >= 4).then(|| self.0.get_i32())
    }

    pub fn i64(&mut self) -> Option<i64> {
        (self.0.remaining() >= 8).then(|| self.0.get_i64())
    }

    /// A string; `None` when malformed (a null is malformed here).
    pub fn string(&mut self) -> Option<String> {
        self.nullable_string()?
    }

    /// A nullable string: `Some(None)` for null, `None` when malformed.
    pub fn nullable_string(&mut self) -> Option<Option<String>> {
        let len = self.i16()?;
        if len == -1 {
            return Some(None);
        }
        let len = usize::try_from(len).ok()?;
        if self.0.remaining() < len {
            return None;
        }
        String::from_utf8(self.0.split_to(len).to_vec())
            .ok()
            .map(Some)
    }

    /// An array length (`None` for -1 is left to the caller via [`Reader::nullable_len`]),
    /// checked against what the remaining bytes could hold at `min_element_bytes` each.
    pub fn len(&mut self, min_element_bytes: usize) -> Option<usize> {
        self.nullable_len(min_element_bytes)?
    }

    /// A nullable array length: `Some(None)` for -1.
    pub fn nullable_len(&mut self, min_element_bytes: usize) -> Option<Option<usize>> {
        let len = self.i32()?;
        if len == -1 {
            return Some(None);
        }
        let len = usize::try_from(len).ok()?;
        (len <= MAX_ARRAY_LEN && len.saturating_mul(min_element_bytes) <= self.0.remaining())
            .then_some(Some(len))
    }

    /// Whether every byte was read (trailing bytes make a request malformed).
    pub fn is_done(&self) -> bool {
        !self.0.has_remaining()
    }
}

/// Writes a string; `None` when it is too long for an i16 length.
pub fn put_string(out: &mut BytesMut, s: &str) -> Option<()> {
    out.put_i16(i16::try_from(s.len()).ok()?);
    out.put_slice(s.as_bytes());
    Some(())
}

/// Writes a nullable string.
pub fn put_nullable_string(out: &mut BytesMut, s: Option<&str>) -> Option<()> {
    match s {
        Some(s) => put_string(out, s),
        None => {
            out.put_i16(-1);
            Some(())
        }
    }
}

/// Writes an array length.
pub fn put_len(out: &mut BytesMut, len: usize) -> Option<()> {
    out.put_i32(i32::try_from(len).ok()?);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_lying_input_reads_as_none() {
        assert_eq!(Reader(Bytes::from_static(&[0])).i16(), None);
        assert_eq!(Reader(Bytes::from_static(&[0, 5, b'a'])).string(), None);
        assert_eq!(Reader(Bytes::from_static(&[0xff, 0xff])).string(), None);
        assert_eq!(
            Reader(Bytes::from_static(&[0xff, 0xff])).nullable_string(),
            Some(None)
        );
        // A claimed billion elements in four remaining bytes.
        assert_eq!(
            Reader(Bytes::from_static(&[0x3b, 0x9a, 0xca, 0x00, 0, 0, 0, 0])).len(4),
            None
        );
        assert_eq!(
            Reader(Bytes::from_static(&[0, 0, 0, 1, 0, 0, 0, 0])).len(4),
            Some(1)
        );
    }
}
