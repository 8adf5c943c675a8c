//! Rate-limited warnings for what a client can cause over and over — refused connections,
//! malformed frames, a failing accept loop — so that no peer can fill the disk with logs: at
//! most one warning per kind per interval, the next one saying how many were held back.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One kind of warning and its budget.
pub struct WarnLimit {
    interval: Duration,
    last: Mutex<Option<Instant>>,
    suppressed: AtomicU64,
}

impl WarnLimit {
    pub const fn new(interval: Duration) -> WarnLimit {
        WarnLimit {
            interval,
            last: Mutex::new(None),
            suppressed: AtomicU64::new(0),
        }
    }

    /// `Some(n)` when a warning may be written now, `n` being how many were held back since
    /// the last one; `None` when it is to be counted and dropped.
    pub fn admit(&self) -> Option<u64> {
        let now = Instant::now();
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|at| now.duration_since(at) < self.interval) {
            self.suppressed.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        *last = Some(now);
        Some(self.suppressed.swap(0, Ordering::Relaxed))
    }
}

/// The budget of each kind: one warning every 10 s.
pub const INTERVAL: Duration = Duration::from_secs(10);

pub static REFUSED: WarnLimit = WarnLimit::new(INTERVAL);
pub static ACCEPT_FAILED: WarnLimit = WarnLimit::new(INTERVAL);
pub static CLOSED_BAD_PEER: WarnLimit = WarnLimit::new(INTERVAL);
pub static TLS_FAILED: WarnLimit = WarnLimit::new(INTERVAL);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_per_interval_and_the_next_counts_the_rest() {
        let limit = WarnLimit::new(Duration::from_millis(50));
        assert_eq!(limit.admit(), Some(0));
        for _ in 0..1000 {
            assert_eq!(limit.admit(), None);
        }
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(limit.admit(), Some(1000));
    }
}
