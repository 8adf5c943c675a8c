//! How a request reaches a broker: over TCP to a remote Kafka-compatible broker, or straight
//! into the in-process broker core through the same dispatcher the server uses — so Local mode
//! answers exactly as `streamline serve` would, byte for byte.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

use crate::broker::Broker;
use crate::protocol::frame::LENGTH_PREFIX_BYTES;
use crate::server::dispatch::{dispatch, Outcome};
use crate::{Error, Result};

/// Largest response frame the client accepts (fetches are bounded well below this).
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024 * 1024;

/// How long to wait for a connection: TCP, then the broker's first answer (ApiVersions), as
/// Kafka's `socket.connection.setup.timeout.ms` (10 s).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long to wait for one response, beyond any wait the request itself asks for, as Kafka's
/// `request.timeout.ms` (30 s).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A client's patience with a broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// For a connection to be set up: TCP connect plus the first answer.
    pub connect: Duration,
    /// For each answer, beyond the wait a request asks for (a fetch long poll).
    pub request: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            connect: CONNECT_TIMEOUT,
            request: REQUEST_TIMEOUT,
        }
    }
}

/// The supported API version ranges a broker reported: api key → (min, max).
pub type ApiRanges = HashMap<i16, (i16, i16)>;

/// One broker connection.
pub enum Transport {
    /// The in-process broker core.
    Local(Arc<Broker>),
    /// A TCP connection; requests on it are serialised.
    Remote(RemoteConnection),
}

/// A TCP connection to one broker.
///
/// The stream is taken out of its slot for the length of one exchange and put back only when
/// the whole response was read. A failed, timed-out or cancelled exchange (Ctrl-C, a dropped
/// future) therefore leaves no half-read response behind to be mistaken for the next one: the
/// stream is dropped, and the next request opens a new connection.
pub struct RemoteConnection {
    pub addr: String,
    pub timeouts: Timeouts,
    stream: Mutex<Option<TcpStream>>,
}

impl RemoteConnection {
    /// Connects to `addr` (host:port).
    pub async fn connect(addr: &str, timeouts: Timeouts) -> Result<RemoteConnection> {
        let stream = open_stream(addr, timeouts.connect).await?;
        Ok(RemoteConnection {
            addr: addr.to_string(),
            timeouts,
            stream: Mutex::new(Some(stream)),
        })
    }
}

async fn open_stream(addr: &str, timeout: Duration) -> Result<TcpStream> {
    let stream = tokio::time::timeout(timeout, TcpStream::connect(addr))
        .await
        .map_err(|_| Error::Connection(format!("timed out connecting to {addr} ({timeout:?})")))?
        .map_err(|e| Error::Connection(format!("cannot connect to {addr}: {e}")))?;
    stream.set_nodelay(true)?;
    Ok(stream)
}

impl Transport {
    /// Sends one request frame (length prefix included) and returns the response body
    /// (after the length prefix), or `None` when `expect_response` is false (acks=0).
    pub async fn round_trip(
        &self,
        frame: Bytes,
        expect_response: bool,
        extra_wait: Duration,
    ) -> Result<Option<Bytes>> {
        match self {
            Transport::Local(broker) => {
                let request = frame.slice(LENGTH_PREFIX_BYTES.min(frame.len())..);
                match dispatch(broker, request).await {
                    Outcome::Respond(response) | Outcome::Final(response) => Ok(Some(
                        response.slice(LENGTH_PREFIX_BYTES.min(response.len())..),
                    )),
                    Outcome::Silent => Ok(None),
                    Outcome::Close(reason) => Err(Error::Client(format!(
                        "the broker refused the request: {reason}"
                    ))),
                }
            }
            Transport::Remote(conn) => {
                let mut slot = conn.stream.lock().await;
                let mut stream = match slot.take() {
                    Some(stream) => stream,
                    None => open_stream(&conn.addr, conn.timeouts.connect).await?,
                };
                let exchange = async {
                    stream.write_all(&frame).await?;
                    if !expect_response {
                        return Ok(None);
                    }
                    let mut prefix = [0u8; LENGTH_PREFIX_BYTES];
                    stream.read_exact(&mut prefix).await?;
                    let len = i32::from_be_bytes(prefix);
                    let len = usize::try_from(len)
                        .ok()
                        .filter(|l| *l <= MAX_RESPONSE_BYTES)
                        .ok_or_else(|| {
                            std::io::Error::new(
                                std::io::ErrorKind::InvalidData,
                                not_kafka(&prefix, len),
                            )
                        })?;
                    let mut body = BytesMut::zeroed(len);
                    stream.read_exact(&mut body).await?;
                    Ok::<_, std::io::Error>(Some(body.freeze()))
                };
                let limit = conn.timeouts.request + extra_wait;
                let outcome = tokio::time::timeout(limit, exchange).await;
                match outcome {
                    Ok(Ok(r)) => {
                        *slot = Some(stream);
                        Ok(r)
                    }
                    Ok(Err(e)) => Err(Error::Connection(format!("{}: {e}", conn.addr))),
                    Err(_) => Err(Error::Connection(format!(
                        "{}: no response within {limit:?}",
                        conn.addr
                    ))),
                }
            }
        }
    }
}

/// What to say when the first bytes of an answer cannot be a Kafka frame's length.
fn not_kafka(prefix: &[u8; LENGTH_PREFIX_BYTES], len: i32) -> String {
    if prefix == b"HTTP" {
        "this is not a Kafka broker (it answered like HTTP)".to_string()
    } else if prefix.iter().all(|b| b.is_ascii_graphic() || *b == b' ') {
        format!(
            "this is not a Kafka broker (it answered with text: {:?})",
            String::from_utf8_lossy(prefix)
        )
    } else {
        format!("this is not a Kafka broker (it announced an answer of {len} bytes)")
    }
}
