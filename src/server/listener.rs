//! The accept loop: admits connections up to `max_connections`, spawns one task per
//! connection, and on shutdown stops accepting and waits (briefly) for connections to finish
//! their current request.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use super::{connection, warn_limit};
use crate::broker::Broker;

/// How long shutdown waits for in-flight requests before dropping connections.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Accepts connections until `shutdown` flips to true.
pub async fn accept_loop(
    listener: TcpListener,
    broker: Arc<Broker>,
    max_connections: usize,
    max_frame_bytes: usize,
    mut shutdown: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(max_connections));
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
            drop(stream);
            continue;
        };
        tracing::debug!(%peer, "accepted connection");
        let broker = broker.clone();
        let shutdown = shutdown.clone();
        connections.spawn(async move {
            connection::serve(broker, stream, peer, max_frame_bytes, shutdown).await;
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
