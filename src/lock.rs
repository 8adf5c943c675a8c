//! Exclusive ownership of a data directory by one process.
//!
//! The owner holds an exclusive advisory lock (`flock` on Unix, `LockFileEx` on Windows) on
//! `<data dir>/streamline.lock` for as long as it lives, and keeps a small JSON description of
//! itself in that file: its pid, when it started and, once listening, the address it serves.
//! The operating system releases the lock when the file is closed — on drop, on exit or on a
//! crash — so a stale lock file never blocks a restart. Readers trust the file's content only
//! while the lock is really held, which they check with a non-blocking lock attempt.

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Name of the lock file inside the data directory.
pub const LOCK_FILE_NAME: &str = "streamline.lock";

/// Longest holder description we read; a real one is under 200 bytes, so anything longer is
/// not ours and is not worth reading whole.
const HOLDER_BYTES_MAX: u64 = 4096;

/// The process holding a data directory, as recorded in its lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    /// Operating-system process id of the holder.
    pub pid: u32,
    /// When the holder took the lock, in milliseconds since the Unix epoch.
    pub started_at_ms: u64,
    /// The Kafka listener address the holder serves, once it listens; `None` for a process
    /// that opened the directory without serving it.
    pub serving_addr: Option<SocketAddr>,
    /// The schema registry's HTTP address, when the holder serves one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_registry_addr: Option<SocketAddr>,
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "process {}", self.pid)?;
        if let Some(addr) = self.serving_addr {
            write!(f, " (serving {addr})")?;
        }
        Ok(())
    }
}

/// Exclusive ownership of a data directory; released when dropped.
#[derive(Debug)]
pub struct DataDirLock {
    file: File,
    holder: LockHolder,
}

impl DataDirLock {
    /// Takes ownership of `dir`, creating it if needed. Fails with [`Error::DataDirLocked`],
    /// naming the holder, if another process (or another `DataDirLock` in this process) owns it.
    pub fn acquire(dir: &Path) -> Result<DataDirLock> {
        std::fs::create_dir_all(dir)?;
        // Not truncated on open: until we hold the lock, the content belongs to the holder.
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK_FILE_NAME))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let holder = read_description(&file)
                    .map_or_else(|| "another process".to_owned(), |h| h.to_string());
                return Err(Error::DataDirLocked {
                    path: dir.display().to_string(),
                    holder,
                });
            }
            Err(TryLockError::Error(e)) => return Err(Error::Io(e)),
        }
        let started_at_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        let mut lock = DataDirLock {
            file,
            holder: LockHolder {
                pid: std::process::id(),
                started_at_ms,
                serving_addr: None,
                schema_registry_addr: None,
            },
        };
        lock.write_description()?;
        Ok(lock)
    }

    /// Records the address this process serves, so CLI commands can find and connect to it.
    pub fn set_serving_addr(&mut self, addr: SocketAddr) -> Result<()> {
        self.set_serving_addrs(addr, None)
    }

    /// The Kafka address and the schema registry's, recorded together.
    pub fn set_serving_addrs(
        &mut self,
        addr: SocketAddr,
        registry: Option<SocketAddr>,
    ) -> Result<()> {
        self.holder.serving_addr = Some(addr);
        self.holder.schema_registry_addr = registry;
        self.write_description()
    }

    /// The description this lock records.
    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }

    /// Replaces the file's content in place. It cannot be replaced by renaming a new file over
    /// it: the lock belongs to this inode, and a renamed file would be unlocked. A shorter
    /// description is first written padded with spaces to the old length, so a reader that
    /// looks before the truncation still sees valid JSON (trailing whitespace is allowed).
    fn write_description(&mut self) -> Result<()> {
        let mut content = serde_json::to_vec(&self.holder).map_err(std::io::Error::from)?;
        let len = content.len() as u64;
        let old_len = self.file.metadata()?.len().min(HOLDER_BYTES_MAX);
        content.resize(content.len().max(old_len as usize), b' ');
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(&content)?;
        self.file.set_len(len)?;
        Ok(())
    }
}

/// Who holds `dir`'s lock, if anyone does right now. A lock file left behind by a process that
/// has exited is not held and yields `None`, as does a holder whose description is unreadable.
pub fn read_holder(dir: &Path) -> Option<LockHolder> {
    let file = File::open(dir.join(LOCK_FILE_NAME)).ok()?;
    match file.try_lock() {
        // Nobody holds it; our probe lock is released when `file` is dropped just below.
        Ok(()) => None,
        Err(TryLockError::WouldBlock) => read_description(&file),
        Err(TryLockError::Error(_)) => None,
    }
}

/// Parses the holder description from the start of `file`.
fn read_description(mut file: &File) -> Option<LockHolder> {
    file.seek(SeekFrom::Start(0)).ok()?;
    let mut text = String::new();
    file.take(HOLDER_BYTES_MAX).read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_acquisition_fails_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = DataDirLock::acquire(dir.path()).unwrap();
        first
            .set_serving_addr("127.0.0.1:9092".parse().unwrap())
            .unwrap();
        let err = DataDirLock::acquire(dir.path()).unwrap_err();
        match &err {
            Error::DataDirLocked { path, holder } => {
                assert_eq!(path, &dir.path().display().to_string());
                let expected = format!("process {} (serving 127.0.0.1:9092)", std::process::id());
                assert_eq!(holder, &expected);
            }
            other => panic!("expected DataDirLocked, got {other:?}"),
        }
    }

    #[test]
    fn holder_without_address_is_named_by_pid() {
        let dir = tempfile::tempdir().unwrap();
        let _first = DataDirLock::acquire(dir.path()).unwrap();
        let message = DataDirLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            message.ends_with(&format!("in use by process {}", std::process::id())),
            "{message}"
        );
    }

    #[test]
    fn dropping_the_lock_releases_it() {
        let dir = tempfile::tempdir().unwrap();
        drop(DataDirLock::acquire(dir.path()).unwrap());
        DataDirLock::acquire(dir.path()).unwrap();
    }

    #[test]
    fn creates_missing_directories() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a").join("b");
        let _lock = DataDirLock::acquire(&nested).unwrap();
        assert!(nested.join(LOCK_FILE_NAME).is_file());
    }

    #[test]
    fn read_holder_reports_the_live_holder_and_its_address() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_holder(dir.path()), None, "no lock file yet");
        let mut lock = DataDirLock::acquire(dir.path()).unwrap();
        let holder = read_holder(dir.path()).unwrap();
        assert_eq!(holder.pid, std::process::id());
        assert_eq!(holder.serving_addr, None);
        let addr: SocketAddr = "127.0.0.1:19092".parse().unwrap();
        lock.set_serving_addr(addr).unwrap();
        assert_eq!(read_holder(dir.path()).as_ref(), Some(lock.holder()));
        assert_eq!(lock.holder().serving_addr, Some(addr));
    }

    #[test]
    fn stale_lock_file_is_not_a_holder() {
        let dir = tempfile::tempdir().unwrap();
        let mut lock = DataDirLock::acquire(dir.path()).unwrap();
        lock.set_serving_addr("127.0.0.1:9092".parse().unwrap())
            .unwrap();
        drop(lock);
        assert!(
            dir.path().join(LOCK_FILE_NAME).is_file(),
            "the file stays behind"
        );
        assert_eq!(read_holder(dir.path()), None);
    }

    #[test]
    fn shorter_description_leaves_no_trailing_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let mut lock = DataDirLock::acquire(dir.path()).unwrap();
        lock.set_serving_addr("[2001:db8::1234:5678]:65535".parse().unwrap())
            .unwrap();
        lock.set_serving_addr("1.2.3.4:5".parse().unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(LOCK_FILE_NAME)).unwrap();
        let holder: LockHolder = serde_json::from_str(&text).unwrap();
        assert_eq!(holder.serving_addr, Some("1.2.3.4:5".parse().unwrap()));
    }
}
