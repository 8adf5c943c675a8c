//! A broker's HTTP health, as `top` shows it: `GET /health/ready` (and the open connections
//! from `GET /metrics`) on the address `serve --http-addr` listens on.

use std::time::Duration;

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper_util::rt::TokioIo;

/// How long one probe may take in all.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// What the probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// "ready", "recovering", "shutting down", or why the probe failed.
    pub status: String,
    pub ready: bool,
    /// `streamline_connections_active`, when the metrics could be read.
    pub connections: Option<u64>,
}

/// Probes the HTTP listener at `addr` (`HOST:PORT`).
pub async fn probe(addr: &str) -> Health {
    let ready = tokio::time::timeout(PROBE_TIMEOUT, get(addr, "/health/ready")).await;
    let (status, ready) = match ready {
        Ok(Ok((200, _))) => ("ready".to_string(), true),
        Ok(Ok((code, body))) => {
            let reason = body
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let reason = if reason.is_empty() {
                format!("HTTP {code}")
            } else {
                reason
            };
            (reason, false)
        }
        Ok(Err(e)) => (format!("unreachable ({e:#})"), false),
        Err(_) => ("no answer".to_string(), false),
    };
    let connections = match tokio::time::timeout(PROBE_TIMEOUT, get(addr, "/metrics")).await {
        Ok(Ok((200, body))) => body.lines().find_map(|line| {
            line.strip_prefix("streamline_connections_active ")
                .and_then(|v| v.trim().parse().ok())
        }),
        _ => None,
    };
    Health {
        status,
        ready,
        connections,
    }
}

/// One GET over a fresh HTTP/1.1 connection: (status, body).
async fn get(addr: &str, path: &str) -> anyhow::Result<(u16, String)> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .with_context(|| format!("cannot connect to {addr}"))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .context("HTTP handshake")?;
    let driver = tokio::spawn(connection);
    let request = Request::get(path)
        .header(hyper::header::HOST, addr)
        .body(Empty::<Bytes>::new())
        .context("building the request")?;
    let response = sender.send_request(request).await.context("HTTP request")?;
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .context("reading the answer")?
        .to_bytes();
    driver.abort();
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn nothing_listening_is_unreachable() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        drop(listener);
        let h = probe(&addr).await;
        assert!(!h.ready);
        assert!(h.status.starts_with("unreachable"), "{}", h.status);
        assert_eq!(h.connections, None);
    }
}
