//! A small durable journal of metadata records — committed offsets, transaction states —
//! kept as an append-only file, replayed on start, and rewritten atomically (compacted) when it
//! holds mostly superseded records.
//!
//! On-disk format, a sequence of records:
//!
//! ```text
//! @0  length   u32 big endian   bytes of the payload
//! @4  checksum u32 big endian   CRC-32C of the payload
//! @8  payload  JSON             one record
//! ```
//!
//! A torn or corrupt tail (a crash mid-write) ends the replay; the file is truncated there, so
//! later appends never follow garbage. Appends go to the page cache; a caller that must not
//! answer before its record is on disk waits with [`Journal::wait_durable`], and callers
//! waiting at the same time share one fsync (group commit, as for acks=all produces). Without
//! a file (in memory mode) nothing is written and everything counts as durable.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::file;
use crate::{Error, Result};

const HEADER_BYTES: usize = 8;
/// A record larger than this is corruption, not data (metadata is capped far below it).
const MAX_RECORD_BYTES: usize = 1 << 20;
/// Compaction is considered once this many records were appended since the last one...
const COMPACT_AFTER_RECORDS: u64 = 10_000;
/// ...and runs when the live records are fewer than this fraction (1/N) of the records.
const COMPACT_RATIO: u64 = 2;

struct Writer {
    file: File,
    /// Records appended since the file was last rewritten.
    records_since_compaction: u64,
}

/// A journal of `R` records; `None` file inside in memory mode.
pub struct Journal<R> {
    path: Option<PathBuf>,
    writer: Mutex<Option<Writer>>,
    /// Sequence number of the last record written (to the page cache).
    written: AtomicU64,
    /// Every record up to this sequence number is fsynced.
    durable: AtomicU64,
    sync_lock: tokio::sync::Mutex<()>,
    _records: PhantomData<fn(R) -> R>,
}

impl<R: Serialize + DeserializeOwned + Clone> Journal<R> {
    /// Opens (creating) the journal at `path` and returns every record it holds, in order;
    /// an in-memory journal when `path` is `None`.
    pub fn open(path: Option<PathBuf>) -> Result<(Journal<R>, Vec<R>)> {
        let Some(path) = path else {
            return Ok((Journal::new(None, None), Vec::new()));
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)?;
        let mut raw = Vec::new();
        file.read_to_end(&mut raw)?;
        let (records, valid_len) = decode_all::<R>(&raw);
        if valid_len < raw.len() {
            tracing::warn!(
                file = %path.display(),
                kept_bytes = valid_len,
                dropped_bytes = raw.len() - valid_len,
                "truncating a torn or corrupt journal tail"
            );
            file.set_len(valid_len as u64)?;
            file.sync_all()?;
        }
        let count = records.len() as u64;
        let journal = Journal::new(
            Some(path),
            Some(Writer {
                file,
                records_since_compaction: count,
            }),
        );
        Ok((journal, records))
    }

    fn new(path: Option<PathBuf>, writer: Option<Writer>) -> Journal<R> {
        Journal {
            path,
            writer: Mutex::new(writer),
            written: AtomicU64::new(0),
            durable: AtomicU64::new(0),
            sync_lock: tokio::sync::Mutex::new(()),
            _records: PhantomData,
        }
    }

    /// Appends records (to the page cache) and returns the sequence number to wait for with
    /// [`Journal::wait_durable`]. `live` is called only when the journal may be compacted: it
    /// returns the records that reproduce the current state, which, followed by `records`,
    /// replace the file's contents. Records must therefore be idempotent on replay.
    pub fn append(&self, records: &[R], live: impl FnOnce() -> Vec<R>) -> Result<u64> {
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let Some(writer) = guard.as_mut() else {
            return Ok(self.written.fetch_add(1, Ordering::AcqRel) + 1);
        };
        let mut buf = Vec::new();
        for r in records {
            encode(r, &mut buf)?;
        }
        let before = writer.file.metadata()?.len();
        if let Err(e) = writer.file.write_all(&buf) {
            // A partial record (a full disk) must not stay in front of later appends, which
            // replay would then never reach.
            let _ = writer.file.set_len(before);
            return Err(e.into());
        }
        writer.records_since_compaction += records.len() as u64;
        if writer.records_since_compaction >= COMPACT_AFTER_RECORDS {
            let mut live = live();
            if (live.len() as u64) * COMPACT_RATIO < writer.records_since_compaction {
                // The caller may apply `records` to its state only after this call, so they
                // follow the live state; replaying a record twice changes nothing.
                live.extend(records.iter().cloned());
                self.compact(writer, &live)?;
            } else {
                writer.records_since_compaction = live.len() as u64;
            }
        }
        Ok(self.written.fetch_add(1, Ordering::AcqRel) + 1)
    }

    /// Rewrites the journal as exactly `live`, atomically; the result is already durable.
    fn compact(&self, writer: &mut Writer, live: &[R]) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut buf = Vec::new();
        for r in live {
            encode(r, &mut buf)?;
        }
        file::replace_file_atomically(path, &buf)?;
        writer.file = OpenOptions::new().read(true).append(true).open(path)?;
        writer.records_since_compaction = live.len() as u64;
        tracing::info!(file = %path.display(), records = live.len(), "compacted a journal");
        Ok(())
    }

    /// Returns once record `seq` (and every one before it) is on stable storage.
    pub async fn wait_durable(&self, seq: u64) -> Result<()> {
        if self.durable.load(Ordering::Acquire) >= seq {
            return Ok(());
        }
        let _turn = self.sync_lock.lock().await;
        if self.durable.load(Ordering::Acquire) >= seq {
            return Ok(());
        }
        let (handle, covered) = {
            let guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
            let covered = self.written.load(Ordering::Acquire);
            match guard.as_ref() {
                Some(w) => (Some(Arc::new(w.file.try_clone()?)), covered),
                None => (None, covered),
            }
        };
        if let Some(handle) = handle {
            tokio::task::spawn_blocking(move || crate::metrics::timed_fsync(|| handle.sync_data()))
                .await
                .map_err(|e| Error::Storage(format!("fsync task failed: {e}")))??;
        }
        self.durable.fetch_max(covered, Ordering::AcqRel);
        Ok(())
    }

    /// The sequence number of the last record appended: waiting for it covers everything
    /// appended so far.
    pub fn last_written(&self) -> u64 {
        self.written.load(Ordering::Acquire)
    }

    /// The file, if any (for messages).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

fn encode<R: Serialize>(record: &R, buf: &mut Vec<u8>) -> Result<()> {
    let payload = serde_json::to_vec(record)
        .map_err(|e| Error::Storage(format!("encoding a journal record: {e}")))?;
    let len = u32::try_from(payload.len())
        .map_err(|_| Error::Storage("journal record too large".into()))?;
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(&crc32c::crc32c(&payload).to_be_bytes());
    buf.extend_from_slice(&payload);
    Ok(())
}

/// Decodes records up to the first damaged one; returns them and the valid prefix length.
fn decode_all<R: DeserializeOwned>(raw: &[u8]) -> (Vec<R>, usize) {
    let mut records = Vec::new();
    let mut pos = 0;
    while let Some(&[l0, l1, l2, l3, c0, c1, c2, c3]) = raw
        .get(pos..)
        .and_then(|rest| rest.first_chunk::<HEADER_BYTES>())
    {
        let len = u32::from_be_bytes([l0, l1, l2, l3]) as usize;
        let crc = u32::from_be_bytes([c0, c1, c2, c3]);
        if len > MAX_RECORD_BYTES {
            break;
        }
        let Some(payload) = raw.get(pos + HEADER_BYTES..pos + HEADER_BYTES + len) else {
            break;
        };
        if crc32c::crc32c(payload) != crc {
            break;
        }
        let Ok(record) = serde_json::from_slice::<R>(payload) else {
            break;
        };
        records.push(record);
        pos += HEADER_BYTES + len;
    }
    (records, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn replays_and_truncates_a_torn_tail() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("j").join("test.log");
        {
            let (journal, records) = Journal::<(String, i64)>::open(Some(path.clone()))?;
            assert!(records.is_empty());
            let seq = journal.append(&[("a".into(), 1), ("b".into(), 2)], Vec::new)?;
            journal.append(&[("a".into(), 3)], Vec::new)?;
            journal.wait_durable(seq + 1).await?;
        }
        let mut raw = std::fs::read(&path)?;
        raw.extend_from_slice(&[0, 0, 0, 40, 1, 2]);
        std::fs::write(&path, &raw)?;
        let (_, records) = Journal::<(String, i64)>::open(Some(path.clone()))?;
        assert_eq!(
            records,
            [
                ("a".to_string(), 1),
                ("b".to_string(), 2),
                ("a".to_string(), 3)
            ]
        );
        assert_eq!(std::fs::metadata(&path)?.len() as usize, raw.len() - 6);
        Ok(())
    }

    #[test]
    fn compacts_to_the_live_records() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("test.log");
        let (journal, _) = Journal::<i64>::open(Some(path.clone()))?;
        for i in 0..COMPACT_AFTER_RECORDS as i64 {
            journal.append(&[i], || vec![i])?;
        }
        let (records, _) = decode_all::<i64>(&std::fs::read(&path)?);
        let last = COMPACT_AFTER_RECORDS as i64 - 1;
        assert_eq!(records, [last, last]);
        journal.append(&[-5], Vec::new)?;
        let (_, records) = Journal::<i64>::open(Some(path))?;
        assert_eq!(records, [last, last, -5]);
        Ok(())
    }
}
