//! Fetching OAUTHBEARER's JWK set from `sasl_oauthbearer_jwks_endpoint_url`: a `file://`
//! path, or an `http://` or `https://` URL (HTTP/1.1 GET with hyper; TLS trusts the system's
//! CAs). The server fetches it at start — a set it cannot get is a start-up error — and again
//! every hour, keeping the old keys when a refetch fails.

use std::time::Duration;

use crate::security::jwks::Jwks;
use crate::{Error, Result};

/// How often the set is refetched (Kafka's `sasl.oauthbearer.jwks.endpoint.refresh.ms`).
pub const REFRESH: Duration = Duration::from_secs(3600);

/// The most bytes a JWK set fetched over HTTP may have.
#[cfg(feature = "http")]
const MAX_JWKS_BYTES: usize = 1024 * 1024;

/// How long one fetch may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

/// Fetches and parses the JWK set at `url`.
pub async fn fetch(url: &str) -> Result<Jwks> {
    let bad = |why: String| Error::InvalidConfig(format!("JWK set {url}: {why}"));
    let body = match url.strip_prefix("file://") {
        Some(path) => {
            let path = path.to_string();
            tokio::task::spawn_blocking(move || std::fs::read(path))
                .await
                .map_err(|e| bad(format!("cannot read it: {e}")))?
                .map_err(|e| bad(format!("cannot read it: {e}")))?
        }
        None => tokio::time::timeout(FETCH_TIMEOUT, http_get(url))
            .await
            .map_err(|_| bad(format!("no answer within {FETCH_TIMEOUT:?}")))?
            .map_err(bad)?,
    };
    Jwks::parse(&body).map_err(bad)
}

#[cfg(feature = "http")]
async fn http_get(url: &str) -> std::result::Result<Vec<u8>, String> {
    use http_body_util::{BodyExt, Empty, Limited};
    use hyper_util::rt::TokioIo;

    let uri: hyper::Uri = url.parse().map_err(|e| format!("not a URL: {e}"))?;
    let https = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err("the URL must be https://, http:// or file://".into()),
    };
    let host = uri.host().ok_or("the URL has no host")?.to_string();
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    let request = hyper::Request::get(uri.path_and_query().map_or("/", |p| p.as_str()))
        .header(hyper::header::HOST, host.as_str())
        .header(hyper::header::ACCEPT, "application/json")
        .body(Empty::<bytes::Bytes>::new())
        .map_err(|e| e.to_string())?;
    macro_rules! send {
        ($io:expr) => {{
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new($io))
                .await
                .map_err(|e| format!("HTTP: {e}"))?;
            tokio::spawn(conn);
            sender
                .send_request(request)
                .await
                .map_err(|e| format!("HTTP: {e}"))?
        }};
    }
    let response = if https {
        let security = crate::client::security::ClientSecurity {
            tls: Some(crate::client::security::ClientTls::default()),
            sasl: None,
        };
        let config = security
            .tls_config()
            .map_err(|e| e.to_string())?
            .ok_or("no TLS configuration")?;
        let name = rustls_pki_types::ServerName::try_from(host.clone())
            .map_err(|e| format!("TLS: {e}"))?;
        let tls = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS handshake failed: {e}"))?;
        send!(tls)
    } else {
        send!(tcp)
    };
    if !response.status().is_success() {
        return Err(format!("answered {}", response.status()));
    }
    let body = Limited::new(response.into_body(), MAX_JWKS_BYTES)
        .collect()
        .await
        .map_err(|e| format!("reading the answer: {e}"))?;
    Ok(body.to_bytes().to_vec())
}

#[cfg(not(feature = "http"))]
async fn http_get(_url: &str) -> std::result::Result<Vec<u8>, String> {
    Err("fetching over HTTP needs the `http` feature; use a file:// URL".into())
}
