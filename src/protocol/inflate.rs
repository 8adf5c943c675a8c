//! Reading a compressed records payload as a stream, in bounded memory, for the lookups that
//! must look inside batches (ListOffsets by timestamp or max timestamp): a batch of 970 KB that
//! inflates to 1 GB is walked record by record through a few buffers of at most
//! [`MAX_BLOCK_BYTES`], never materialised. Each codec's own framing bounds its buffers: gzip
//! and lz4 frames stream natively, zstd with its window capped at [`ZSTD_WINDOW_LOG_MAX`], and
//! snappy in Kafka's (xerial) framing block by block, each block's declared size checked.

use std::io::{self, Read};

use crate::{Error, Result};

/// The largest snappy block (or raw snappy payload) inflated at once. Kafka's producers write
/// 32 KiB blocks.
pub const MAX_BLOCK_BYTES: usize = 16 << 20;

/// zstd frames may ask for a window of up to 2^this bytes (16 MiB); producers' defaults use far
/// less.
pub const ZSTD_WINDOW_LOG_MAX: u32 = 24;

const XERIAL_MAGIC: &[u8; 8] = b"\x82SNAPPY\x00";
const XERIAL_HEADER_LEN: usize = 16;

/// A reader of the records inside `payload`, compressed with Kafka codec `codec` (1-4).
pub fn reader(codec: u8, payload: &[u8]) -> Result<Box<dyn Read + '_>> {
    Ok(match codec {
        1 => Box::new(flate2::read::GzDecoder::new(payload)),
        2 => Box::new(SnappyReader::new(payload)),
        3 => Box::new(lz4::Decoder::new(payload).map_err(corrupt)?),
        4 => {
            let mut decoder = zstd::stream::read::Decoder::new(payload).map_err(corrupt)?;
            decoder
                .window_log_max(ZSTD_WINDOW_LOG_MAX)
                .map_err(corrupt)?;
            Box::new(decoder)
        }
        other => {
            return Err(Error::CorruptBatch(format!(
                "unknown compression codec {other}"
            )))
        }
    })
}

fn corrupt(e: io::Error) -> Error {
    Error::CorruptBatch(format!("cannot decompress records: {e}"))
}

/// Snappy as Kafka's clients write it: the xerial stream (a 16-byte header, then blocks each
/// prefixed by its compressed length), or one raw snappy block when the header is absent.
struct SnappyReader<'a> {
    rest: &'a [u8],
    raw: bool,
    block: Vec<u8>,
    at: usize,
}

impl<'a> SnappyReader<'a> {
    fn new(payload: &'a [u8]) -> SnappyReader<'a> {
        let xerial = payload.len() >= XERIAL_HEADER_LEN && payload.starts_with(XERIAL_MAGIC);
        SnappyReader {
            rest: if xerial {
                payload.get(XERIAL_HEADER_LEN..).unwrap_or_default()
            } else {
                payload
            },
            raw: !xerial,
            block: Vec::new(),
            at: 0,
        }
    }

    /// Inflates the next block into `self.block`; false at the end.
    fn next_block(&mut self) -> io::Result<bool> {
        if self.rest.is_empty() {
            return Ok(false);
        }
        let compressed = if self.raw {
            std::mem::take(&mut self.rest)
        } else {
            let (len, rest) = self
                .rest
                .split_first_chunk::<4>()
                .ok_or_else(|| invalid("snappy block length cut short"))?;
            let len = u32::from_be_bytes(*len) as usize;
            if rest.len() < len {
                return Err(invalid("snappy block cut short"));
            }
            let (block, after) = rest.split_at(len);
            self.rest = after;
            block
        };
        let size = snap::raw::decompress_len(compressed).map_err(|e| invalid(&e.to_string()))?;
        if size > MAX_BLOCK_BYTES {
            return Err(invalid(&format!(
                "a snappy block declares {size} bytes, more than {MAX_BLOCK_BYTES}"
            )));
        }
        self.block.resize(size, 0);
        snap::raw::Decoder::new()
            .decompress(compressed, &mut self.block)
            .map_err(|e| invalid(&e.to_string()))?;
        self.at = 0;
        Ok(true)
    }
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

impl Read for SnappyReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at == self.block.len() {
            if !self.next_block()? {
                return Ok(0);
            }
        }
        let available = self.block.get(self.at..).unwrap_or_default();
        let n = out.len().min(available.len());
        if let (Some(to), Some(from)) = (out.get_mut(..n), available.get(..n)) {
            to.copy_from_slice(from);
        }
        self.at += n;
        Ok(n)
    }
}

/// The most one batch may inflate to where its records are materialised (a client decoding a
/// fetch): a larger one is refused as corrupt rather than allowed to take the memory.
pub const MAX_INFLATED_BATCH_BYTES: u64 = 128 << 20;

/// The whole inflated payload, refused beyond `limit` bytes.
pub fn read_all(codec: u8, payload: &[u8], limit: u64) -> Result<bytes::Bytes> {
    let mut records = reader(codec, payload)?;
    let mut out = Vec::new();
    // Through a small buffer rather than read_to_end, which zero-fills the spare capacity it
    // hands the reader: memory follows what actually inflates.
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let n = match records.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(corrupt(e)),
        };
        if (out.len() + n) as u64 > limit {
            return Err(Error::CorruptBatch(format!(
                "the records inflate to more than {} MiB; refusing to read them",
                limit >> 20
            )));
        }
        out.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    Ok(bytes::Bytes::from(out))
}

/// Zig-zag varint read from a stream, at most 5 bytes.
pub fn read_varint(r: &mut dyn Read) -> Result<i32> {
    let raw = read_unsigned(r, 5)?;
    let raw = u32::try_from(raw).map_err(|_| Error::CorruptBatch("varint overflows i32".into()))?;
    Ok((raw >> 1) as i32 ^ -((raw & 1) as i32))
}

/// Zig-zag varlong read from a stream, at most 10 bytes.
pub fn read_varlong(r: &mut dyn Read) -> Result<i64> {
    let raw = read_unsigned(r, 10)?;
    Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
}

fn read_unsigned(r: &mut dyn Read, max_len: usize) -> Result<u64> {
    let mut value = 0u64;
    for i in 0..max_len {
        let mut byte = [0u8; 1];
        r.read_exact(&mut byte).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => {
                Error::CorruptBatch("record ends inside a varint".into())
            }
            _ => corrupt(e),
        })?;
        value |= u64::from(byte[0] & 0x7f) << (7 * i);
        if byte[0] & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(Error::CorruptBatch("varint is too long".into()))
}

/// Reads and drops `n` bytes of the stream, through a small buffer.
pub fn skip(r: &mut dyn Read, n: u64) -> Result<()> {
    let copied = io::copy(&mut r.take(n), &mut io::sink()).map_err(corrupt)?;
    if copied < n {
        return Err(Error::CorruptBatch("record overruns its batch".into()));
    }
    Ok(())
}
