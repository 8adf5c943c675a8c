//! The cleaner's pace: its I/O limit (Kafka's `log.cleaner.io.max.bytes.per.second`) and its
//! stop signal. Bytes read and written are counted, and the cleaner thread sleeps whenever it
//! is ahead of the rate, so a pass over a large log cannot starve produce and fetch of disk
//! bandwidth; a broker shutting down stops a pass at its next batch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::{Error, Result};

pub struct Throttle {
    bytes_per_second: Option<u64>,
    since: Instant,
    bytes: u64,
    stop: Arc<AtomicBool>,
}

impl Throttle {
    /// A throttle at `bytes_per_second`; `None` or 0 for no limit.
    pub fn new(bytes_per_second: Option<u64>) -> Throttle {
        Throttle {
            bytes_per_second: bytes_per_second.filter(|&b| b > 0),
            since: Instant::now(),
            bytes: 0,
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The same throttle, stopping passes once `stop` is set.
    pub fn stopped_by(mut self, stop: Arc<AtomicBool>) -> Throttle {
        self.stop = stop;
        self
    }

    /// Whether the cleaner has been told to stop.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Counts `bytes` of I/O, sleeping until they fit the rate. Fails once the cleaner is
    /// told to stop, which abandons the pass (its unfinished file is removed).
    pub fn account(&mut self, bytes: u64) -> Result<()> {
        if self.stopping() {
            return Err(Error::Storage("the log cleaner is stopping".into()));
        }
        let Some(rate) = self.bytes_per_second else {
            return Ok(());
        };
        self.bytes = self.bytes.saturating_add(bytes);
        let due = Duration::from_secs_f64(self.bytes as f64 / rate as f64);
        let elapsed = self.since.elapsed();
        // In slices, so that a stop is heard within one even at a low rate.
        let mut wait = due.saturating_sub(elapsed);
        while !wait.is_zero() {
            if self.stopping() {
                return Err(Error::Storage("the log cleaner is stopping".into()));
            }
            let slice = wait.min(Duration::from_millis(100));
            std::thread::sleep(slice);
            wait -= slice;
        }
        // Restart the window now and then, so an idle spell does not bank a burst.
        if elapsed > Duration::from_secs(1) {
            self.since = Instant::now();
            self.bytes = 0;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_paces_the_bytes() {
        let mut paced = Throttle::new(Some(1_000_000));
        let start = Instant::now();
        for _ in 0..5 {
            paced.account(10_000).expect("not stopped");
        }
        // 50 KB at 1 MB/s takes at least 50 ms, however fast the machine.
        assert!(start.elapsed() >= Duration::from_millis(50));
    }

    #[test]
    fn a_stop_fails_the_next_account() {
        let stop = Arc::new(AtomicBool::new(false));
        let mut throttle = Throttle::new(None).stopped_by(stop.clone());
        assert!(throttle.account(1).is_ok());
        stop.store(true, Ordering::Relaxed);
        assert!(throttle.account(1).is_err());
    }
}
