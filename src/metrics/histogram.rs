//! A latency histogram with fixed buckets, updated with relaxed atomics only, so recording an
//! observation on a request path costs a few uncontended increments and never a lock.
//!
//! Buckets are cumulative only when rendered (each slot here counts the observations that fell
//! into it), which keeps recording to one bucket increment.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the buckets, in seconds: from 100 µs (a cached Metadata answer) to 30 s (the
/// longest Fetch long poll a client asks for).
pub const BOUNDS_SECONDS: [f64; 17] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0, 30.0,
];

/// The same bounds in nanoseconds, for comparing an observation without floating point.
const BOUNDS_NANOS: [u64; 17] = [
    100_000,
    250_000,
    500_000,
    1_000_000,
    2_500_000,
    5_000_000,
    10_000_000,
    25_000_000,
    50_000_000,
    100_000_000,
    250_000_000,
    500_000_000,
    1_000_000_000,
    2_500_000_000,
    5_000_000_000,
    10_000_000_000,
    30_000_000_000,
];

/// Observations of a duration.
#[derive(Debug)]
pub struct Histogram {
    /// One slot per bound, then one for observations above every bound.
    slots: [AtomicU64; BOUNDS_NANOS.len() + 1],
    sum_nanos: AtomicU64,
}

/// A histogram as read at one moment: cumulative bucket counts, total count and sum.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Observations at or below each of [`BOUNDS_SECONDS`], cumulatively.
    pub cumulative: Vec<u64>,
    pub count: u64,
    pub sum_seconds: f64,
}

impl Default for Histogram {
    fn default() -> Histogram {
        Histogram::new()
    }
}

impl Histogram {
    pub const fn new() -> Histogram {
        Histogram {
            slots: [const { AtomicU64::new(0) }; BOUNDS_NANOS.len() + 1],
            sum_nanos: AtomicU64::new(0),
        }
    }

    pub fn observe(&self, elapsed: Duration) {
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        let slot = BOUNDS_NANOS.partition_point(|&bound| bound < nanos);
        if let Some(s) = self.slots.get(slot) {
            s.fetch_add(1, Ordering::Relaxed);
        }
        self.sum_nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let mut running = 0u64;
        let mut cumulative = Vec::with_capacity(BOUNDS_SECONDS.len());
        for (i, slot) in self.slots.iter().enumerate() {
            running += slot.load(Ordering::Relaxed);
            if i < BOUNDS_SECONDS.len() {
                cumulative.push(running);
            }
        }
        Snapshot {
            cumulative,
            count: running,
            sum_seconds: self.sum_nanos.load(Ordering::Relaxed) as f64 / 1e9,
        }
    }

    /// Whether anything was observed: an API never asked for is left out of a scrape.
    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(|s| s.load(Ordering::Relaxed) == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observations_land_in_the_first_bucket_at_or_above_them() {
        let h = Histogram::new();
        h.observe(Duration::from_micros(100)); // exactly on the first bound: le="0.0001"
        h.observe(Duration::from_millis(3));
        h.observe(Duration::from_secs(60)); // above every bound: only in +Inf
        let s = h.snapshot();
        assert_eq!(s.count, 3);
        assert_eq!(s.cumulative[0], 1);
        assert_eq!(s.cumulative[4], 1, "2.5 ms holds only the first");
        assert_eq!(s.cumulative[5], 2, "5 ms holds the 3 ms one");
        assert_eq!(*s.cumulative.last().unwrap(), 2, "30 s does not hold 60 s");
        assert!((s.sum_seconds - 60.0031).abs() < 1e-9);
        assert!(!h.is_empty());
        assert!(Histogram::new().is_empty());
    }
}
