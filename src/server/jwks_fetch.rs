//! Fetching OAUTHBEARER's JWK set from `sasl_oauthbearer_jwks_endpoint_url`: a `file://`
//! path, or an `http://` or `https://` URL (HTTP/1.1 GET with hyper; TLS trusts the system's
//! CAs). The server fetches it at start — a set it cannot get is a start-up error — and again
//! every hour, keeping the old keys when a refetch fails.

use std::time::Duration;

use crate::security::jwks::Jwks;
use crate::{Error, Result};

/// How often the set is refetched (Kafka's `sasl.oauthbearer.jwks.endpoint.refresh.ms`).
pub const REFRESH: Duration = Duration::from_secs(3600);

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
    let accept = [("accept", "application/json".to_string())];
    match crate::http_client::request("GET", url, &accept, Vec::new()).await? {
        (200..=299, body) => Ok(body),
        (status, _) => Err(format!("answered {status}")),
    }
}

#[cfg(not(feature = "http"))]
async fn http_get(_url: &str) -> std::result::Result<Vec<u8>, String> {
    Err("fetching over HTTP needs the `http` feature; use a file:// URL".into())
}
