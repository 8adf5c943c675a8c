//! The accept loop of one listener: admits connections up to `max_connections` (and
//! `max_connections_per_ip` from any one address) — limits all listeners share — spawns one
//! task per connection, and on shutdown stops accepting and waits (briefly) for connections to
//! finish their current request.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use super::session::ListenerSecurity;
use super::{connection, warn_limit};
use crate::broker::Broker;
use crate::security::ssl_principal::PrincipalMapper;
use crate::security::tls::ServerTls;

/// How long shutdown waits for in-flight requests before dropping connections.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// What the accept loop admits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_connections: usize,
    pub max_connections_per_ip: usize,
    /// Bytes of incomplete requests all connections may hold together.
    pub queued_max_request_bytes: usize,
    pub connection: connection::Limits,
}

/// What one listener does with its connections.
pub struct ListenerRuntime {
    pub security: Arc<ListenerSecurity>,
    /// The TLS configuration of SSL and SASL_SSL listeners.
    pub tls: Option<Arc<ServerTls>>,
    /// How client certificates name principals (SSL listeners).
    pub principal_mapper: Arc<PrincipalMapper>,
}

/// What every listener's connections share: the connection slots, the per-address counts and
/// the budget of bytes of incomplete requests.
pub struct Admission {
    slots: Arc<Semaphore>,
    per_address: Arc<PerAddress>,
    budget: Arc<Semaphore>,
}

impl Admission {
    pub fn new(limits: &Limits) -> Arc<Admission> {
        Arc::new(Admission {
            slots: Arc::new(Semaphore::new(limits.max_connections)),
            per_address: Arc::new(PerAddress::default()),
            budget: Arc::new(Semaphore::new(
                limits.queued_max_request_bytes.min(Semaphore::MAX_PERMITS),
            )),
        })
    }
}

/// Open connections per peer address; an entry leaves with its last connection.
#[derive(Default)]
struct PerAddress(Mutex<HashMap<IpAddr, usize>>);

impl PerAddress {
    /// Counts a new connection from `ip`, unless it already has `limit`.
    fn admit(&self, ip: IpAddr, limit: usize) -> bool {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = open.entry(ip).or_insert(0);
        if *n >= limit {
            return false;
        }
        *n += 1;
        true
    }

    fn release(&self, ip: IpAddr) {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = open.get_mut(&ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&ip);
            }
        }
    }
}

/// Accepts connections until `shutdown` flips to true.
pub async fn accept_loop(
    listener: TcpListener,
    runtime: Arc<ListenerRuntime>,
    admission: Arc<Admission>,
    broker: Arc<Broker>,
    limits: Limits,
    mut shutdown: watch::Receiver<bool>,
) {
    let max_connections = limits.max_connections;
    let slots = admission.slots.clone();
    let per_address = admission.per_address.clone();
    let budget = admission.budget.clone();
    let mut connections = JoinSet::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.changed() => break,
        };
        // Reap finished connection tasks so the set does not grow without bound.
        while connections.try_join_next().is_some() {}
        let (stream, peer) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // Typically EMFILE: back off briefly instead of spinning.
                if let Some(held_back) = warn_limit::ACCEPT_FAILED.admit() {
                    tracing::warn!(error = %e, held_back, "accept failed");
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            if let Some(held_back) = warn_limit::REFUSED.admit() {
                tracing::warn!(%peer, max_connections, held_back, "connection limit reached; refusing connection");
            }
            broker
                .metrics
                .connections
                .refused
                .fetch_add(1, Ordering::Relaxed);
            drop(stream);
            continue;
        };
        if !per_address.admit(peer.ip(), limits.max_connections_per_ip) {
            if let Some(held_back) = warn_limit::REFUSED.admit() {
                tracing::warn!(%peer, max_connections_per_ip = limits.max_connections_per_ip, held_back, "connection limit for this address reached; refusing connection");
            }
            broker
                .metrics
                .connections
                .refused
                .fetch_add(1, Ordering::Relaxed);
            drop(stream);
            continue;
        }
        tracing::debug!(%peer, "accepted connection");
        let counts = &broker.metrics.connections;
        counts.opened.fetch_add(1, Ordering::Relaxed);
        counts.active.fetch_add(1, Ordering::Relaxed);
        let broker = broker.clone();
        let shutdown = shutdown.clone();
        let per_address = per_address.clone();
        let budget = budget.clone();
        let runtime = runtime.clone();
        connections.spawn(async move {
            connection::serve(
                broker.clone(),
                stream,
                peer,
                runtime,
                limits.connection,
                budget,
                shutdown,
            )
            .await;
            let counts = &broker.metrics.connections;
            counts.active.fetch_sub(1, Ordering::Relaxed);
            counts.closed.fetch_add(1, Ordering::Relaxed);
            per_address.release(peer.ip());
            drop(permit);
        });
    }
    drop(listener);
    let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        connections.abort_all();
    }
}
