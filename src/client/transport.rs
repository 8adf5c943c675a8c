//! How a request reaches a broker: over TCP (with TLS and SASL as the connection's security
//! settings say) to a remote Kafka-compatible broker, or straight into the in-process broker
//! core through the same dispatcher the server uses — so Local mode answers exactly as
//! `streamline serve` would, byte for byte.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kafka_protocol::protocol::StrBytes;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

use super::security::{server_name, SaslLogin};
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

/// What setting up a connection takes beyond TCP, prepared once per client.
#[derive(Clone)]
pub struct ConnectionSetup {
    /// The TLS configuration, for SSL and SASL_SSL.
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// The SASL login, for SASL_PLAINTEXT and SASL_SSL.
    pub sasl: Option<SaslLogin>,
    /// Sent in the SASL requests' headers.
    pub client_id: StrBytes,
}

impl ConnectionSetup {
    /// PLAINTEXT.
    pub fn plaintext(client_id: &str) -> ConnectionSetup {
        ConnectionSetup {
            tls: None,
            sasl: None,
            client_id: StrBytes::from_string(client_id.to_string()),
        }
    }
}

/// A byte stream to a broker: plain TCP or TLS over it.
pub trait BrokerStream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> BrokerStream for T {}

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
    setup: ConnectionSetup,
    stream: Mutex<Option<Box<dyn BrokerStream>>>,
}

impl RemoteConnection {
    /// Connects to `addr` (host:port): TCP, then TLS and SASL as `setup` says.
    pub async fn connect(
        addr: &str,
        timeouts: Timeouts,
        setup: ConnectionSetup,
    ) -> Result<RemoteConnection> {
        let stream = open_stream(addr, timeouts.connect, &setup).await?;
        Ok(RemoteConnection {
            addr: addr.to_string(),
            timeouts,
            setup,
            stream: Mutex::new(Some(stream)),
        })
    }
}

/// Sets up a connection, all of it within `timeout`; an error says which step failed.
async fn open_stream(
    addr: &str,
    timeout: Duration,
    setup: &ConnectionSetup,
) -> Result<Box<dyn BrokerStream>> {
    tokio::time::timeout(timeout, open_stream_unbounded(addr, timeout, setup))
        .await
        .unwrap_or_else(|_| {
            Err(Error::Connection(format!(
                "{addr}: connection set-up ({}) did not finish within {timeout:?}",
                steps(setup)
            )))
        })
}

/// The steps of a connection's set-up, for messages.
fn steps(setup: &ConnectionSetup) -> &'static str {
    match (&setup.tls, &setup.sasl) {
        (None, None) => "TCP",
        (Some(_), None) => "TCP, TLS handshake",
        (None, Some(_)) => "TCP, SASL",
        (Some(_), Some(_)) => "TCP, TLS handshake, SASL",
    }
}

async fn open_stream_unbounded(
    addr: &str,
    timeout: Duration,
    setup: &ConnectionSetup,
) -> Result<Box<dyn BrokerStream>> {
    let tcp = tokio::time::timeout(timeout, TcpStream::connect(addr))
        .await
        .map_err(|_| Error::Connection(format!("timed out connecting to {addr} ({timeout:?})")))?
        .map_err(|e| Error::Connection(format!("cannot connect to {addr}: {e}")))?;
    tcp.set_nodelay(true)?;
    let mut stream: Box<dyn BrokerStream> = match &setup.tls {
        None => Box::new(tcp),
        Some(config) => {
            let name = server_name(addr)?;
            let connector = tokio_rustls::TlsConnector::from(config.clone());
            let tls = connector.connect(name, tcp).await.map_err(|e| {
                Error::Connection(format!("{addr}: TLS handshake failed: {}", tls_failure(&e)))
            })?;
            Box::new(tls)
        }
    };
    if let Some(login) = &setup.sasl {
        super::sasl::authenticate(&mut stream, addr, login, &setup.client_id).await?;
    }
    Ok(stream)
}

/// Why a TLS handshake failed, with what to do about the common causes.
fn tls_failure(e: &std::io::Error) -> String {
    let text = e.to_string();
    let hint = if text.contains("UnknownIssuer") {
        " (the broker's certificate is not signed by a trusted CA: set ssl.ca.location)"
    } else if text.contains("NotValidForName") {
        " (the certificate does not name this host: connect by a name it holds, or set \
         ssl.endpoint.identification.algorithm=none)"
    } else if text.contains("Expired") {
        " (the broker's certificate has expired)"
    } else if text.contains("InvalidContentType")
        || text.contains("corrupt message")
        || e.kind() == std::io::ErrorKind::UnexpectedEof
    {
        " (is this a TLS listener? for a plaintext one set security.protocol to PLAINTEXT or \
         SASL_PLAINTEXT)"
    } else if text.contains("CertificateRequired")
        || text.contains("certificate required")
        || text.contains("BadCertificate")
        || text.contains("UnknownCA")
    {
        " (the broker requires a client certificate it trusts: set ssl.certificate.location \
         and ssl.key.location)"
    } else {
        ""
    };
    format!("{text}{hint}")
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
                    None => open_stream(&conn.addr, conn.timeouts.connect, &conn.setup).await?,
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
                    Ok(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                        Err(Error::Connection(format!(
                            "{}: the broker closed the connection{}",
                            conn.addr,
                            match (&conn.setup.tls, &conn.setup.sasl) {
                                (_, None) =>
                                    " (if its listener needs authentication, set \
                                     security.protocol and the SASL settings)",
                                _ => "",
                            }
                        )))
                    }
                    Ok(Err(e)) => Err(Error::Connection(format!(
                        "{}: {}",
                        conn.addr,
                        if conn.setup.tls.is_some() {
                            tls_failure(&e)
                        } else {
                            e.to_string()
                        }
                    ))),
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
    if prefix[0] == 0x15 && prefix[1] == 0x03 {
        // A TLS alert record: the listener speaks TLS.
        "this listener speaks TLS: set security.protocol to SSL or SASL_SSL".to_string()
    } else if prefix == b"HTTP" {
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
