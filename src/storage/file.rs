//! File-backend primitives: the append-only file of the active segment, read-only memory maps
//! of sealed files, and durable (fsynced) writes of whole files.
//!
//! Invariants: the active file holds exactly `len` valid bytes (a failed append is rolled back
//! by truncation, so the log never keeps a partial batch it did not acknowledge); files are
//! mapped only once nothing will write to them again.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, IoSlice, Write};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;

use crate::{Error, Result};

use super::descriptors::{self, Slot};
use super::segment::{encode_header, SegmentBytes, SEGMENT_HEADER_LEN};

/// The active segment's file, opened for appending when used (see [`super::descriptors`]).
pub(crate) struct FileStore {
    /// Shared with [`super::SyncTarget`]s so group commit can fsync outside the log's lock.
    slot: Arc<Slot>,
    len: u64,
}

impl Drop for FileStore {
    fn drop(&mut self) {
        self.slot.close();
    }
}

impl FileStore {
    /// Creates a new segment file holding only its header, durably: the file is fsynced and so
    /// is the directory entry, so acknowledged appends never land in a file that may vanish.
    pub(crate) fn create(dir: &Path, path: PathBuf, base_offset: i64) -> Result<FileStore> {
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| match e.raw_os_error() {
                Some(libc::EMFILE | libc::ENFILE) => descriptors::out_of_descriptors(&path, &e),
                _ => e.into(),
            })?;
        file.write_all(&encode_header(base_offset))?;
        file.sync_all()?;
        sync_dir(dir)?;
        Ok(FileStore {
            slot: Slot::with_file(path, file),
            len: SEGMENT_HEADER_LEN,
        })
    }

    /// A recovered segment whose valid length is `len` (the file is already that long),
    /// opened when first used.
    pub(crate) fn open(path: PathBuf, len: u64) -> Result<FileStore> {
        if !path.is_file() {
            return Err(Error::Storage(format!(
                "segment {} is missing",
                path.display()
            )));
        }
        Ok(FileStore {
            slot: Slot::closed(path),
            len,
        })
    }

    pub(crate) fn path(&self) -> &Path {
        self.slot.path()
    }

    pub(crate) fn slot(&self) -> Arc<Slot> {
        Arc::clone(&self.slot)
    }

    /// Appends `batch` with its first 8 bytes (the base offset) replaced by `base_offset`,
    /// in one vectored write rather than copying the batch to patch it.
    pub(crate) fn append(&mut self, batch: &[u8], base_offset: i64) -> Result<()> {
        let rest = batch
            .get(8..)
            .ok_or_else(|| Error::CorruptBatch("batch shorter than its base offset".into()))?;
        let patched = base_offset.to_be_bytes();
        let file = self.slot.file()?;
        if let Err(e) = write_all_vectored(&file, &mut [IoSlice::new(&patched), IoSlice::new(rest)])
        {
            // Cut off whatever part was written so the next append starts at a batch boundary.
            if let Err(undo) = file.set_len(self.len) {
                tracing::error!(path = %self.path().display(), error = %undo,
                    "cannot truncate a partial append; the segment tail is torn until restart");
            }
            return Err(e.into());
        }
        self.len += batch.len() as u64;
        Ok(())
    }

    pub(crate) fn sync(&self) -> Result<()> {
        let file = self.slot.file()?;
        Ok(crate::metrics::timed_fsync(|| file.sync_data())?)
    }

    /// Maps the valid part of the file read-only, for a segment that is being sealed.
    pub(crate) fn map(&self) -> Result<Bytes> {
        let bytes = map(&*self.slot.file()?)?;
        // Past `len` there can only be the remains of a failed append whose rollback failed.
        let len = usize::try_from(self.len).map_or(bytes.len(), |len| len.min(bytes.len()));
        Ok(bytes.slice(..len))
    }
}

impl SegmentBytes for FileStore {
    fn len(&self) -> u64 {
        self.len
    }

    fn read(&self, range: Range<u64>) -> Result<Bytes> {
        if range.start > range.end || range.end > self.len {
            return Err(Error::Storage(format!(
                "range {range:?} is outside the segment"
            )));
        }
        let len = usize::try_from(range.end - range.start)
            .map_err(|_| Error::Storage(format!("range {range:?} does not fit in memory")))?;
        let mut buf = vec![0u8; len];
        self.slot.file()?.read_exact_at(&mut buf, range.start)?;
        Ok(Bytes::from(buf))
    }
}

fn write_all_vectored(mut file: &File, mut slices: &mut [IoSlice<'_>]) -> std::io::Result<()> {
    while !slices.is_empty() {
        match file.write_vectored(slices) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(written) => IoSlice::advance_slices(&mut slices, written),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Maps a whole file read-only as zero-copy [`Bytes`].
pub(crate) fn map(file: &File) -> Result<Bytes> {
    // SAFETY: the mapping is only created for files nothing writes to anymore (sealed segments
    // and their indexes), inside a data directory this process owns exclusively (see the data
    // directory lock). Unlinking a mapped file on deletion keeps the mapping valid.
    let map = unsafe { memmap2::Mmap::map(file)? };
    Ok(Bytes::from_owner(map))
}

/// Writes `contents` to `path`, replacing it, and fsyncs the file.
pub(crate) fn write_file_synced(path: &Path, contents: &[u8]) -> Result<()> {
    write_synced_with_mode(path, contents, None)
}

/// [`write_file_synced`], creating the file with `mode` (Unix permissions) when given.
fn write_synced_with_mode(path: &Path, contents: &[u8], mode: Option<u32>) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    if let Some(mode) = mode {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    }
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()?;
    Ok(())
}

/// Replaces `path` atomically: write a temporary sibling, fsync it, rename it over `path`,
/// fsync the directory. A crash leaves either the old or the new contents.
pub(crate) fn replace_file_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    replace_atomically(path, contents, None)
}

/// [`replace_file_atomically`] for a file only its owner may read (0600): credentials, ACLs.
pub(crate) fn replace_private_file_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    replace_atomically(path, contents, Some(0o600))
}

fn replace_atomically(path: &Path, contents: &[u8], mode: Option<u32>) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    write_synced_with_mode(&tmp, contents, mode)?;
    fs::rename(&tmp, path)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Fsyncs a directory so entries created, renamed or removed in it are durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    Ok(File::open(dir)?.sync_all()?)
}

/// Removes a file, treating "already gone" as success.
pub(crate) fn remove_if_exists(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
