//! One client connection: the TLS handshake on SSL listeners, then frames in, responses out,
//! strictly in request order, each frame passing the connection's security [`Session`] first
//! (SASL requests are answered there; nothing else passes before authentication).
//!
//! Requests are dispatched as they arrive, in order — so Produce appends happen in request
//! order — and what they still wait for (an fsync for acks=all, a Fetch long poll) runs
//! concurrently, up to [`MAX_IN_FLIGHT_REQUESTS`]; responses leave in request order. A client
//! pipelining acks=all produces thus gets one fsync for many requests (group commit).
//! Frame bodies are read into a buffer that grows only as bytes actually arrive, so
//! a length prefix claiming a huge frame costs nothing until the bytes exist — and the prefix
//! is checked against `max_frame_bytes` before any of that.

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::{Buf, BytesMut};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tokio::time::{Duration, Instant};

use futures_util::stream::{FuturesOrdered, StreamExt};

use super::dispatch::{dispatch_pipelined, Dispatched, Outcome};
use super::listener::ListenerRuntime;
use super::listener_config::SecurityProtocol;
use super::session::{Intercept, Session};
use crate::broker::Broker;
use crate::protocol::frame::{check_frame_length, LENGTH_PREFIX_BYTES};
use crate::security::principal::Principal;
use crate::security::ssl_principal::subject_dn;

/// Requests of one connection dispatched but not yet answered.
pub const MAX_IN_FLIGHT_REQUESTS: usize = 32;

/// Buffer added when waiting for a frame's length prefix.
const READ_CHUNK_BYTES: usize = 64 * 1024;

/// The most buffer added at once while a frame body is incomplete: memory follows the bytes
/// that actually arrive, not the length a peer claims.
const BODY_CHUNK_BYTES: usize = 1024 * 1024;

/// What one connection may do.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest frame accepted.
    pub max_frame_bytes: usize,
    /// How long it may sit with nothing in flight and no new request.
    pub idle: Duration,
    /// How long it has for its first complete request.
    pub first_request: Duration,
}

/// Serves one connection until the peer closes it, it misbehaves, goes idle past its limits,
/// or the server shuts down.
pub async fn serve(
    broker: Arc<Broker>,
    stream: TcpStream,
    peer: SocketAddr,
    listener: Arc<ListenerRuntime>,
    limits: Limits,
    budget: Arc<Semaphore>,
    shutdown: watch::Receiver<bool>,
) {
    if let Err(e) = stream.set_nodelay(true) {
        tracing::debug!(%peer, error = %e, "could not set TCP_NODELAY");
    }
    let Some(tls) = &listener.tls else {
        let session = Session::new(listener.security.clone(), peer, None);
        return serve_stream(broker, stream, peer, session, limits, budget, shutdown).await;
    };
    let acceptor = tokio_rustls::TlsAcceptor::from(tls.config());
    // The handshake counts against the first request's deadline: a peer that never finishes
    // it cannot hold a slot.
    let stream = match tokio::time::timeout(limits.first_request, acceptor.accept(stream)).await {
        Ok(Ok(stream)) => stream,
        Ok(Err(e)) => {
            broker
                .metrics
                .connections
                .tls_handshake_failures
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let Some(held_back) = super::warn_limit::TLS_FAILED.admit() {
                tracing::warn!(%peer, error = %e, held_back, "TLS handshake failed");
            }
            return;
        }
        Err(_) => {
            tracing::debug!(%peer, "TLS handshake timed out");
            return;
        }
    };
    // On SSL listeners the client certificate (if any) names the principal; on SASL_SSL, SASL
    // does, as in Kafka.
    let mut principal = None;
    if listener.security.protocol == SecurityProtocol::Ssl {
        if let Some(cert) = stream
            .get_ref()
            .1
            .peer_certificates()
            .and_then(|c| c.first())
        {
            let Some(dn) = subject_dn(cert) else {
                tracing::warn!(%peer, "the client certificate's subject cannot be read; closing");
                return;
            };
            match listener.principal_mapper.map(&dn) {
                Some(name) => {
                    tracing::debug!(%peer, dn, principal = name, "client certificate");
                    principal = Some(Principal::user(&name));
                }
                None => {
                    tracing::warn!(%peer, dn, "no ssl_principal_mapping_rules rule applies to the client certificate; closing");
                    return;
                }
            }
        }
    }
    let session = Session::new(listener.security.clone(), peer, principal);
    serve_stream(broker, stream, peer, session, limits, budget, shutdown).await;
}

/// The request loop over a (plain or TLS) stream.
async fn serve_stream<S: AsyncRead + AsyncWrite + Unpin>(
    broker: Arc<Broker>,
    mut stream: S,
    peer: SocketAddr,
    mut session: Session,
    limits: Limits,
    budget: Arc<Semaphore>,
    mut shutdown: watch::Receiver<bool>,
) {
    let max_frame_bytes = limits.max_frame_bytes;
    // This connection's share of the shared budget for the frame being read.
    let mut held: Option<OwnedSemaphorePermit> = None;
    // Until the first request, the deadline counts from the accept, whatever trickles in;
    // after it, from the last request or answer.
    let mut idle_deadline = Instant::now() + limits.first_request;
    let mut spoken = false;
    let mut buf = BytesMut::with_capacity(READ_CHUNK_BYTES);
    let mut in_flight: FuturesOrdered<
        std::pin::Pin<Box<dyn std::future::Future<Output = Outcome> + Send>>,
    > = FuturesOrdered::new();
    let mut reading = true;
    loop {
        if !reading && in_flight.is_empty() {
            return;
        }
        tokio::select! {
            // Answer what is ready first, so responses are not held back by reading.
            biased;
            _ = shutdown.changed() => return,
            Some(outcome) = in_flight.next(), if !in_flight.is_empty() => {
                match outcome {
                    Outcome::Respond(response) => {
                        if let Err(e) = write_response(&mut stream, &response).await {
                            tracing::debug!(%peer, error = %e, "write failed; closing connection");
                            return;
                        }
                        if spoken {
                            idle_deadline = Instant::now() + limits.idle;
                        }
                    }
                    Outcome::Silent => {}
                    Outcome::Final(response) => {
                        // The answer (a refused authentication) is the last word.
                        let _ = stream.write_all(&response).await;
                        let _ = stream.flush().await;
                        return;
                    }
                    Outcome::Close(reason) => {
                        if let Some(held_back) = super::warn_limit::CLOSED_BAD_PEER.admit() {
                            tracing::warn!(%peer, %reason, held_back, "closing connection");
                        }
                        return;
                    }
                }
            }
            // read_frame keeps its progress in `buf`, so being cancelled by another branch
            // loses nothing.
            frame = read_frame(&mut stream, &mut buf, max_frame_bytes, &budget, &mut held),
                if reading && in_flight.len() < MAX_IN_FLIGHT_REQUESTS =>
            {
                match frame {
                    Ok(Some(frame)) => {
                        spoken = true;
                        idle_deadline = Instant::now() + limits.idle;
                        let dispatched = match session.intercept(&broker, &frame) {
                            Intercept::Answer(outcome) => Dispatched::Now(outcome),
                            Intercept::Dispatch => dispatch_pipelined(&broker, frame, session.context()),
                        };
                        match dispatched {
                            Dispatched::Now(outcome) => in_flight.push_back(Box::pin(std::future::ready(outcome))),
                            Dispatched::Later(wait) => in_flight.push_back(wait),
                        }
                    }
                    Ok(None) => {
                        tracing::debug!(%peer, "connection closed by client");
                        // Finish answering what was asked before the close.
                        reading = false;
                    }
                    Err(reason) => {
                        if let Some(held_back) = super::warn_limit::CLOSED_BAD_PEER.admit() {
                            tracing::warn!(%peer, %reason, held_back, "closing connection");
                        }
                        return;
                    }
                }
            }
            // Nothing in flight and nothing asked for too long: free the slot.
            _ = tokio::time::sleep_until(idle_deadline), if in_flight.is_empty() => {
                tracing::debug!(%peer, first_request = !spoken, "closing idle connection");
                return;
            }
        }
    }
}

/// Writes one response and flushes it: a TLS stream may hold encrypted bytes back until
/// flushed (a plain socket's flush does nothing).
async fn write_response<S: AsyncWrite + Unpin>(
    stream: &mut S,
    response: &[u8],
) -> std::io::Result<()> {
    stream.write_all(response).await?;
    stream.flush().await
}

/// Reads the next frame body. `Ok(None)` is a clean end of stream between frames.
///
/// Before each chunk of a body is read, the bytes it will occupy are taken from `budget`
/// (kept in `held` across cancellations, returned once the frame is whole): when all
/// connections together hold the budget, this one waits, and TCP slows its sender.
async fn read_frame<S: AsyncRead + Unpin>(
    stream: &mut S,
    buf: &mut BytesMut,
    max_frame_bytes: usize,
    budget: &Arc<Semaphore>,
    held: &mut Option<OwnedSemaphorePermit>,
) -> Result<Option<bytes::Bytes>, String> {
    while buf.len() < LENGTH_PREFIX_BYTES {
        if buf.capacity() - buf.len() < LENGTH_PREFIX_BYTES {
            buf.reserve(READ_CHUNK_BYTES);
        }
        let n = match stream.read_buf(buf).await {
            Ok(n) => n,
            // A TLS peer that leaves without close_notify, as most Kafka clients do: between
            // frames that is an ordinary end of the connection.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => 0,
            Err(e) => return Err(e.to_string()),
        };
        if n == 0 {
            return if buf.is_empty() {
                Ok(None)
            } else {
                Err(format!(
                    "connection closed inside a frame length ({} bytes)",
                    buf.len()
                ))
            };
        }
    }
    let Some(&claimed) = buf.first_chunk::<LENGTH_PREFIX_BYTES>() else {
        return Err("a frame length cut short".into());
    };
    let claimed = i32::from_be_bytes(claimed);
    let len = check_frame_length(claimed, max_frame_bytes).map_err(|e| e.to_string())?;
    let total = LENGTH_PREFIX_BYTES + len;
    while buf.len() < total {
        let missing = total - buf.len();
        // The body only: a frame of max_frame_bytes fits a budget of exactly that.
        let wanted = buf.len() - LENGTH_PREFIX_BYTES + missing.min(BODY_CHUNK_BYTES);
        let have = held.as_ref().map_or(0, OwnedSemaphorePermit::num_permits);
        if wanted > have {
            let more = u32::try_from(wanted - have).unwrap_or(u32::MAX);
            let permit = budget
                .clone()
                .acquire_many_owned(more)
                .await
                .map_err(|_| "the server is shutting down".to_string())?;
            match held.as_mut() {
                Some(h) => h.merge(permit),
                None => *held = Some(permit),
            }
        }
        buf.reserve(missing.min(BODY_CHUNK_BYTES));
        let n = stream.read_buf(buf).await.map_err(|e| e.to_string())?;
        if n == 0 {
            return Err(format!(
                "connection closed inside a frame ({} of {len} bytes received)",
                buf.len() - LENGTH_PREFIX_BYTES
            ));
        }
    }
    let mut frame = buf.split_to(total);
    frame.advance(LENGTH_PREFIX_BYTES);
    *held = None;
    Ok(Some(frame.freeze()))
}
