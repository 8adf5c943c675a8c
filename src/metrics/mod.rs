//! What the broker counts about itself, for `GET /metrics` on the HTTP listener.
//!
//! Counters that move on request paths (requests, latencies, bytes and records per topic,
//! connections) are relaxed atomics, bumped where the event happens. Everything that is a
//! state rather than an event (log sizes and offsets, consumer lag, group members, open
//! transactions, process figures) is read from the broker when a scrape asks, so a deleted
//! topic or group simply stops appearing and nothing has to be unregistered.

#[cfg(feature = "http")]
pub mod collect;
pub mod errors;
pub mod histogram;
#[cfg(feature = "http")]
mod process;
#[cfg(feature = "http")]
pub mod text;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kafka_protocol::messages::ApiKey;

pub use histogram::Histogram;

/// Latency of every fsync on the data path (group commit, segment seals, the journals).
/// Process-wide: it measures the disk, which brokers in one process share.
pub static FSYNC: Histogram = Histogram::new();

/// Times `sync` into [`FSYNC`].
pub fn timed_fsync<T>(sync: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = sync();
    FSYNC.observe(started.elapsed());
    result
}

/// One past the highest API key counted; requests for keys beyond are not served anyway.
const API_SLOTS: usize = 128;

/// Requests and latency of one API.
#[derive(Debug, Default)]
struct ApiMetrics {
    requests: AtomicU64,
    latency: Histogram,
}

/// Connection events of the listener.
#[derive(Debug, Default)]
pub struct ConnectionMetrics {
    pub active: AtomicI64,
    pub opened: AtomicU64,
    pub closed: AtomicU64,
    /// Refused at accept: over `max_connections` or `max_connections_per_ip`.
    pub refused: AtomicU64,
    /// Closed because a TLS handshake failed.
    pub tls_handshake_failures: AtomicU64,
    /// SASL authentications refused (bad credentials, unknown user, malformed exchange).
    pub authentication_failures: AtomicU64,
    /// Sessions renewed by re-authenticating on the same connection (KIP-368).
    pub reauthentications: AtomicU64,
}

/// Traffic of one topic, kept in the topic so it leaves with it.
#[derive(Debug, Default)]
pub struct TopicTraffic {
    pub bytes_in: AtomicU64,
    pub records_in: AtomicU64,
    pub bytes_out: AtomicU64,
    pub records_out: AtomicU64,
}

impl TopicTraffic {
    /// Counts one appended batch of `records` records in `bytes` bytes.
    pub fn produced(&self, bytes: usize, records: u64) {
        self.bytes_in.fetch_add(bytes as u64, Ordering::Relaxed);
        self.records_in.fetch_add(records, Ordering::Relaxed);
    }

    /// Counts record batches sent to a consumer.
    pub fn fetched(&self, bytes: usize, records: u64) {
        self.bytes_out.fetch_add(bytes as u64, Ordering::Relaxed);
        self.records_out.fetch_add(records, Ordering::Relaxed);
    }
}

/// The counters of one broker.
#[derive(Debug)]
pub struct BrokerMetrics {
    started: Instant,
    /// Read by the `/metrics` scrape only.
    #[cfg_attr(not(feature = "http"), allow(dead_code))]
    started_unix_seconds: f64,
    apis: Vec<ApiMetrics>,
    /// (API key, error code) → responses' occurrences of that code. Errors are the rare case,
    /// so a lock taken only when a response carries one costs the success path nothing.
    errors: Mutex<BTreeMap<(i16, i16), u64>>,
    pub connections: ConnectionMetrics,
    /// Produce requests waiting for their fsync.
    pub produce_waiting: AtomicI64,
    /// Fetch requests long-polling for data.
    pub fetch_waiting: AtomicI64,
    pub transactions_committed: AtomicU64,
    pub transactions_aborted: AtomicU64,
}

impl Default for BrokerMetrics {
    fn default() -> BrokerMetrics {
        BrokerMetrics {
            started: Instant::now(),
            started_unix_seconds: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64()),
            apis: (0..API_SLOTS).map(|_| ApiMetrics::default()).collect(),
            errors: Mutex::new(BTreeMap::new()),
            connections: ConnectionMetrics::default(),
            produce_waiting: AtomicI64::new(0),
            fetch_waiting: AtomicI64::new(0),
            transactions_committed: AtomicU64::new(0),
            transactions_aborted: AtomicU64::new(0),
        }
    }
}

impl BrokerMetrics {
    /// Counts one answered request of `api` that took `elapsed` from its arrival.
    pub fn request(&self, api: ApiKey, elapsed: Duration) {
        if let Some(m) = usize::try_from(api as i16)
            .ok()
            .and_then(|i| self.apis.get(i))
        {
            m.requests.fetch_add(1, Ordering::Relaxed);
            m.latency.observe(elapsed);
        }
    }

    /// Counts the non-zero error codes of a response to `api`.
    pub fn response_errors(&self, api: ApiKey, response: &dyn errors::ErrorCodes) {
        let mut found: Vec<i16> = Vec::new();
        response.error_codes(&mut |code| {
            if code != 0 {
                found.push(code);
            }
        });
        if found.is_empty() {
            return;
        }
        let mut errors = self.errors.lock().unwrap_or_else(|e| e.into_inner());
        for code in found {
            *errors.entry((api as i16, code)).or_insert(0) += 1;
        }
    }

    /// Counts a request that closed its connection (malformed, or a version not served).
    /// Counts a refused SASL authentication.
    pub fn authentication_failed(&self) {
        self.connections
            .authentication_failures
            .fetch_add(1, Ordering::Relaxed);
    }

    pub fn refused_request(&self, api: ApiKey) {
        let mut errors = self.errors.lock().unwrap_or_else(|e| e.into_inner());
        *errors.entry((api as i16, CLOSED_CONNECTION)).or_insert(0) += 1;
    }

    /// Marks one request waiting in `gauge` until the guard is dropped (answered or cancelled).
    pub fn waiting(gauge: &AtomicI64) -> Waiting<'_> {
        gauge.fetch_add(1, Ordering::Relaxed);
        Waiting(gauge)
    }

    pub fn uptime(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The pseudo error code under which requests that closed their connection are counted.
const CLOSED_CONNECTION: i16 = i16::MIN;

/// A request counted in a waiting gauge.
pub struct Waiting<'a>(&'a AtomicI64);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}
