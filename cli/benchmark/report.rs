//! What a benchmark run counts while it runs (records, bytes, an HDR histogram of latencies,
//! a progress bar on a terminal, the deadline) and the report made of it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::settings::Settings;

#[derive(Debug, Serialize)]
pub(super) struct Latency {
    pub(super) avg: f64,
    pub(super) max: f64,
    pub(super) p50: f64,
    pub(super) p95: f64,
    pub(super) p99: f64,
    pub(super) p999: f64,
}

#[derive(Debug, Serialize)]
pub(super) struct Report {
    #[serde(flatten)]
    pub(super) settings: Settings,
    pub(super) records: u64,
    pub(super) bytes: u64,
    pub(super) elapsed_ms: u64,
    pub(super) records_per_sec: f64,
    pub(super) mb_per_sec: f64,
    /// Milliseconds.
    pub(super) latency_ms: Latency,
}

pub(super) fn histogram() -> Histogram<u64> {
    // Microseconds from 1 µs to an hour, 3 significant digits.
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid histogram bounds")
}

pub(super) fn progress(total: Option<u64>, what: &'static str) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = match total {
            Some(n) => ProgressBar::new(n),
            None => ProgressBar::new_spinner(),
        };
        bar.set_style(
            ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} records {what} [{{elapsed}}] {{per_sec}}"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Shared progress of a run: records and bytes done, the latencies, when to stop.
pub(super) struct Tally {
    pub(super) records: AtomicU64,
    pub(super) bytes: AtomicU64,
    pub(super) latencies: Mutex<Histogram<u64>>,
    pub(super) bar: Option<ProgressBar>,
    pub(super) deadline: Option<Instant>,
}

impl Tally {
    pub(super) fn add(&self, records: u64, bytes: u64, latency: Duration) {
        self.records.fetch_add(records, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        let micros = (latency.as_micros() as u64).clamp(1, 3_600_000_000);
        let _ = self
            .latencies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .record_n(micros, records);
        if let Some(bar) = &self.bar {
            bar.inc(records);
        }
    }

    pub(super) fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

pub(super) fn report(s: Settings, tally: &Tally, elapsed: Duration) -> Report {
    let records = tally.records.load(Ordering::Relaxed);
    let bytes = tally.bytes.load(Ordering::Relaxed);
    let secs = elapsed.as_secs_f64().max(1e-9);
    let h = tally.latencies.lock().unwrap_or_else(|e| e.into_inner());
    let ms = |micros: u64| micros as f64 / 1000.0;
    Report {
        settings: s,
        records,
        bytes,
        elapsed_ms: elapsed.as_millis() as u64,
        records_per_sec: records as f64 / secs,
        mb_per_sec: bytes as f64 / secs / (1024.0 * 1024.0),
        latency_ms: Latency {
            avg: h.mean() / 1000.0,
            max: ms(h.max()),
            p50: ms(h.value_at_quantile(0.50)),
            p95: ms(h.value_at_quantile(0.95)),
            p99: ms(h.value_at_quantile(0.99)),
            p999: ms(h.value_at_quantile(0.999)),
        },
    }
}
