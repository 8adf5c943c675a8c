//! The cleaner's I/O limit (Kafka's `log.cleaner.io.max.bytes.per.second`): bytes read and
//! written are counted, and the cleaner thread sleeps whenever it is ahead of the rate, so a
//! pass over a large log cannot starve produce and fetch of disk bandwidth.

use std::time::{Duration, Instant};

pub struct Throttle {
    bytes_per_second: Option<u64>,
    since: Instant,
    bytes: u64,
}

impl Throttle {
    /// A throttle at `bytes_per_second`; `None` or 0 for no limit.
    pub fn new(bytes_per_second: Option<u64>) -> Throttle {
        Throttle {
            bytes_per_second: bytes_per_second.filter(|&b| b > 0),
            since: Instant::now(),
            bytes: 0,
        }
    }

    /// Counts `bytes` of I/O, sleeping until they fit the rate.
    pub fn account(&mut self, bytes: u64) {
        let Some(rate) = self.bytes_per_second else {
            return;
        };
        self.bytes = self.bytes.saturating_add(bytes);
        let due = Duration::from_secs_f64(self.bytes as f64 / rate as f64);
        let elapsed = self.since.elapsed();
        if due > elapsed {
            std::thread::sleep(due - elapsed);
        }
        // Restart the window now and then, so an idle spell does not bank a burst.
        if elapsed > Duration::from_secs(1) {
            self.since = Instant::now();
            self.bytes = 0;
        }
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
            paced.account(10_000);
        }
        // 50 KB at 1 MB/s takes at least 50 ms, however fast the machine.
        assert!(start.elapsed() >= Duration::from_millis(50));
    }
}
