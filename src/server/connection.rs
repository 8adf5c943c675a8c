//! One client connection: frames in, responses out, strictly in request order.
//!
//! Requests on a connection are handled one at a time, as Apache Kafka does (it mutes a
//! channel until its response is sent); clients pipeline by keeping several connections or by
//! batching. Frame bodies are read into a buffer that grows only as bytes actually arrive, so
//! a length prefix claiming a huge frame costs nothing until the bytes exist — and the prefix
//! is checked against `max_frame_bytes` before any of that.

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::{Buf, BytesMut};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;

use super::dispatch::{dispatch, Outcome};
use crate::broker::Broker;
use crate::protocol::frame::{check_frame_length, LENGTH_PREFIX_BYTES};

/// Buffer added when waiting for a frame's length prefix.
const READ_CHUNK_BYTES: usize = 64 * 1024;

/// The most buffer added at once while a frame body is incomplete: memory follows the bytes
/// that actually arrive, not the length a peer claims.
const BODY_CHUNK_BYTES: usize = 1024 * 1024;

/// Serves one connection until the peer closes it, it misbehaves, or the server shuts down.
pub async fn serve(
    broker: Arc<Broker>,
    mut stream: TcpStream,
    peer: SocketAddr,
    max_frame_bytes: usize,
    mut shutdown: watch::Receiver<bool>,
) {
    if let Err(e) = stream.set_nodelay(true) {
        tracing::debug!(%peer, error = %e, "could not set TCP_NODELAY");
    }
    let mut buf = BytesMut::with_capacity(READ_CHUNK_BYTES);
    loop {
        let frame = tokio::select! {
            frame = read_frame(&mut stream, &mut buf, max_frame_bytes) => frame,
            _ = shutdown.changed() => return,
        };
        let frame = match frame {
            Ok(Some(frame)) => frame,
            Ok(None) => {
                tracing::debug!(%peer, "connection closed by client");
                return;
            }
            Err(reason) => {
                tracing::warn!(%peer, %reason, "closing connection");
                return;
            }
        };
        let outcome = tokio::select! {
            outcome = dispatch(&broker, frame) => outcome,
            _ = shutdown.changed() => return,
        };
        match outcome {
            Outcome::Respond(response) => {
                if let Err(e) = stream.write_all(&response).await {
                    tracing::debug!(%peer, error = %e, "write failed; closing connection");
                    return;
                }
            }
            Outcome::Silent => {}
            Outcome::Close(reason) => {
                tracing::warn!(%peer, %reason, "closing connection");
                return;
            }
        }
    }
}

/// Reads the next frame body. `Ok(None)` is a clean end of stream between frames.
async fn read_frame(
    stream: &mut TcpStream,
    buf: &mut BytesMut,
    max_frame_bytes: usize,
) -> Result<Option<bytes::Bytes>, String> {
    while buf.len() < LENGTH_PREFIX_BYTES {
        if buf.capacity() - buf.len() < LENGTH_PREFIX_BYTES {
            buf.reserve(READ_CHUNK_BYTES);
        }
        let n = stream.read_buf(buf).await.map_err(|e| e.to_string())?;
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
    let claimed = i32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]);
    let len = check_frame_length(claimed, max_frame_bytes).map_err(|e| e.to_string())?;
    let total = LENGTH_PREFIX_BYTES + len;
    while buf.len() < total {
        let missing = total - buf.len();
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
    Ok(Some(frame.freeze()))
}
