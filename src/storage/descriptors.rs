//! Open files of active segments, bounded: a partition's segment file is opened when it is
//! used and closed again when too many are open, so a broker with 10,000 partitions runs under
//! an open-file limit of 1,024 (a laptop's default) instead of needing a descriptor per
//! partition. Sealed segments and indexes are memory-mapped and hold no descriptor at all.
//!
//! The budget is process-wide, as the limit is: half the soft `RLIMIT_NOFILE` at first use
//! (the other half is left to client connections and the journals), at least
//! [`MIN_BUDGET`]. Eviction is the clock ("second chance") algorithm over the open slots: a
//! slot used since the hand last passed is kept once more, so busy partitions keep their file
//! while idle ones give theirs up; a slot whose lock is held (an append or read in progress) is
//! skipped. A file evicted while a reader or fsync still holds a clone closes when that ends.
//!
//! Closing a file loses nothing: written bytes are in the page cache, and an fsync through a
//! new descriptor flushes the file's dirty pages whichever descriptor wrote them.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::{Error, Result};

/// The fewest segment files kept open, whatever the limit says.
pub const MIN_BUDGET: usize = 16;

/// One active segment file: open or not.
pub struct Slot {
    path: PathBuf,
    file: Mutex<Option<Arc<File>>>,
    /// Used since the clock hand last passed.
    referenced: AtomicBool,
}

/// The open slots, in clock order, and how many hold a file.
struct OpenFiles {
    budget: usize,
    ring: Mutex<VecDeque<Arc<Slot>>>,
    open: AtomicUsize,
}

fn open_files() -> &'static OpenFiles {
    static OPEN: OnceLock<OpenFiles> = OnceLock::new();
    OPEN.get_or_init(|| OpenFiles {
        budget: budget_from_limit(soft_limit()),
        ring: Mutex::new(VecDeque::new()),
        open: AtomicUsize::new(0),
    })
}

/// The process's soft limit on open files, if it has one.
pub fn soft_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we own.
    let rc = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) };
    (rc == 0 && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

fn budget_from_limit(limit: Option<u64>) -> usize {
    limit
        .map_or(usize::MAX, |l| usize::try_from(l / 2).unwrap_or(usize::MAX))
        .max(MIN_BUDGET)
}

/// Segment files open now, and at most.
pub fn open_counts() -> (usize, usize) {
    let files = open_files();
    (files.open.load(Ordering::Relaxed), files.budget)
}

impl Slot {
    /// A slot for `path`, holding `file` already opened (a segment just created).
    pub fn with_file(path: PathBuf, file: File) -> Arc<Slot> {
        let slot = Arc::new(Slot {
            path,
            file: Mutex::new(Some(Arc::new(file))),
            referenced: AtomicBool::new(true),
        });
        admitted(&slot);
        slot
    }

    /// A slot for an existing file, opened when first used.
    pub fn closed(path: PathBuf) -> Arc<Slot> {
        Arc::new(Slot {
            path,
            file: Mutex::new(None),
            referenced: AtomicBool::new(false),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open file, opening it (and closing another if the budget is spent) if needed.
    pub fn file(self: &Arc<Self>) -> Result<Arc<File>> {
        self.referenced.store(true, Ordering::Relaxed);
        let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(file) = guard.as_ref() {
            return Ok(Arc::clone(file));
        }
        let file = Arc::new(open(&self.path)?);
        *guard = Some(Arc::clone(&file));
        drop(guard);
        admitted(self);
        Ok(file)
    }

    /// Closes the file for good (the segment was sealed or deleted).
    pub fn close(&self) {
        let mut guard = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if guard.take().is_some() {
            open_files().open.fetch_sub(1, Ordering::Relaxed);
        }
        // Its entry in the ring is dropped when the hand reaches it.
    }
}

/// Opens a segment file for reading and appending; out of descriptors, closes idle segment
/// files and tries again before giving up with an error that says what to do.
fn open(path: &Path) -> Result<File> {
    let attempt = || OpenOptions::new().read(true).append(true).open(path);
    match attempt() {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE)) => {
            let files = open_files();
            let open_now = files.open.load(Ordering::Relaxed);
            for _ in 0..open_now.div_ceil(4).max(1) {
                if !evict_one(files) {
                    break;
                }
            }
            attempt().map_err(|e| out_of_descriptors(path, &e))
        }
        other => other.map_err(Error::from),
    }
}

/// The error for a file that cannot be opened for want of descriptors, saying what to do.
pub(crate) fn out_of_descriptors(path: &Path, e: &std::io::Error) -> Error {
    let (open, budget) = open_counts();
    Error::Storage(format!(
        "cannot open {}: {e} ({open} segment files open of at most {budget}; the process's \
         open-file limit is {}: raise it with `ulimit -n`)",
        path.display(),
        soft_limit().map_or("unlimited".to_string(), |l| l.to_string())
    ))
}

/// Counts a newly opened slot and keeps the count within the budget.
fn admitted(slot: &Arc<Slot>) {
    let files = open_files();
    let open = files.open.fetch_add(1, Ordering::Relaxed) + 1;
    {
        let mut ring = files.ring.lock().unwrap_or_else(|e| e.into_inner());
        // Entries of closed slots leave when the hand passes; if it rarely does (the budget is
        // not reached), sweep them so the ring follows the open files, not every segment ever.
        if ring.len() > 2 * open + 64 {
            ring.retain(|s| s.file.try_lock().map_or(true, |f| f.is_some()));
        }
        ring.push_back(Arc::clone(slot));
    }
    if open > files.budget {
        evict_one(files);
    }
}

/// Closes the file of one slot the clock hand finds idle; false when none could be.
fn evict_one(files: &OpenFiles) -> bool {
    let mut ring = files.ring.lock().unwrap_or_else(|e| e.into_inner());
    // Twice round: the first pass may only clear reference bits.
    for _ in 0..ring.len().saturating_mul(2) {
        let Some(slot) = ring.pop_front() else {
            return false;
        };
        let Ok(mut guard) = slot.file.try_lock() else {
            ring.push_back(slot); // in use right now
            continue;
        };
        if guard.is_none() {
            continue; // closed meanwhile: its entry leaves the ring
        }
        if slot.referenced.swap(false, Ordering::Relaxed) {
            drop(guard);
            ring.push_back(slot);
            continue;
        }
        *guard = None;
        files.open.fetch_sub(1, Ordering::Relaxed);
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_half_the_limit_and_never_tiny() {
        assert_eq!(budget_from_limit(Some(1024)), 512);
        assert_eq!(budget_from_limit(Some(20)), MIN_BUDGET);
        assert_eq!(budget_from_limit(None), usize::MAX);
    }

    #[test]
    fn a_slot_reopens_its_file_after_eviction() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.log");
        std::fs::write(&path, b"abc").unwrap();
        let slot = Slot::closed(path);
        let f = slot.file().unwrap();
        drop(f);
        // Evict it by hand as the clock would, then use it again.
        *slot.file.lock().unwrap() = None;
        open_files().open.fetch_sub(1, Ordering::Relaxed);
        let mut buf = [0u8; 3];
        use std::os::unix::fs::FileExt;
        slot.file().unwrap().read_exact_at(&mut buf, 0).unwrap();
        assert_eq!(&buf, b"abc");
        slot.close();
    }
}
