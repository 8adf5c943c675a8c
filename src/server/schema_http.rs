//! The HTTP listener of `serve --schema-registry-addr`: Confluent Schema Registry's REST API
//! over the broker's own registry, for the serializers of every client library.
//!
//! The routes are `schema::rest`'s; this file owns the HTTP side: connections, media types
//! (answers are `application/vnd.schemaregistry.v1+json`, or `application/json` when that is
//! all the client accepts; bodies in other types are 415) and body size.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::schema::error::RegistryError;
use crate::schema::registry::Registry;
use crate::schema::rest::{self, Body};

/// Registry connections served at once: every client keeps one or two.
const MAX_CONNECTIONS: usize = 256;

/// How long a client has to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest request body read (a schema and its JSON envelope).
const MAX_BODY_BYTES: usize = 16 << 20;

const V1_JSON: &str = "application/vnd.schemaregistry.v1+json";

/// Binds `addr` and serves `registry` until `stop` flips to true; returns the bound address
/// and the serving task.
pub async fn start(
    addr: SocketAddr,
    registry: Arc<Registry>,
    stop: watch::Receiver<bool>,
) -> crate::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = super::http::bind(addr).await?;
    let addr = listener.local_addr()?;
    Ok((addr, tokio::spawn(serve(listener, registry, stop))))
}

async fn serve(listener: TcpListener, registry: Arc<Registry>, stop: watch::Receiver<bool>) {
    let limits = super::http::ConnectionLimits {
        max_connections: MAX_CONNECTIONS,
        header_timeout: HEADER_TIMEOUT,
        what: "schema registry",
    };
    super::http::serve_connections(listener, stop, limits, move |req| {
        let registry = registry.clone();
        async move { answer(&registry, req).await }
    })
    .await;
}

async fn answer(registry: &Registry, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let content_type = match negotiate(req.headers().get(ACCEPT)) {
        Some(t) => t,
        None => {
            return respond(
                V1_JSON,
                Err(RegistryError::http(406, "HTTP 406 Not Acceptable")),
            )
        }
    };
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or_default().to_owned();
    let body = if method == Method::POST || method == Method::PUT {
        if let Some(t) = req.headers().get(CONTENT_TYPE) {
            if !accepted_content_type(t) {
                return respond(
                    content_type,
                    Err(RegistryError::http(415, "HTTP 415 Unsupported Media Type")),
                );
            }
        }
        match Limited::new(req.into_body(), MAX_BODY_BYTES)
            .collect()
            .await
        {
            Ok(b) => b.to_bytes(),
            Err(_) => {
                return respond(
                    content_type,
                    Err(RegistryError::http(
                        413,
                        "the request body is larger than 16 MiB",
                    )),
                )
            }
        }
    } else {
        Bytes::new()
    };
    let result = rest::handle(registry, method.as_str(), &path, &query, &body).await;
    respond(content_type, result)
}

fn respond(
    content_type: &'static str,
    result: Result<Body, RegistryError>,
) -> Response<Full<Bytes>> {
    let (status, bytes) = match result {
        Ok(Body::Json(v)) => (200, serde_json::to_vec(&v).unwrap_or_default()),
        Ok(Body::Raw(text)) => (200, text.into_bytes()),
        Err(e) => (
            e.status,
            serde_json::to_vec(&json!({"error_code": e.code, "message": e.message}))
                .unwrap_or_default(),
        ),
    };
    let mut r = Response::new(Full::new(Bytes::from(bytes)));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

/// The media type to answer in, `None` when the client accepts none of the registry's.
fn negotiate(accept: Option<&HeaderValue>) -> Option<&'static str> {
    let Some(accept) = accept.and_then(|a| a.to_str().ok()) else {
        return Some(V1_JSON);
    };
    let types: Vec<&str> = accept
        .split(',')
        .map(|t| t.split(';').next().unwrap_or_default().trim())
        .collect();
    if types.iter().any(|t| {
        matches!(
            *t,
            V1_JSON | "application/vnd.schemaregistry+json" | "*/*" | "application/*" | "*"
        )
    }) || accept.trim().is_empty()
    {
        Some(V1_JSON)
    } else if types.contains(&"application/json") {
        Some("application/json")
    } else {
        None
    }
}

fn accepted_content_type(value: &HeaderValue) -> bool {
    let t = value
        .to_str()
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(
        t.as_str(),
        V1_JSON
            | "application/vnd.schemaregistry+json"
            | "application/json"
            | "application/octet-stream"
            | ""
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        assert_eq!(negotiate(None), Some(V1_JSON));
        assert_eq!(
            negotiate(Some(&HeaderValue::from_static("application/json"))),
            Some("application/json")
        );
        assert_eq!(
            negotiate(Some(&HeaderValue::from_static("text/html"))),
            None
        );
        assert!(accepted_content_type(&HeaderValue::from_static(
            "application/vnd.schemaregistry.v1+json; charset=utf-8"
        )));
        assert!(!accepted_content_type(&HeaderValue::from_static(
            "text/plain"
        )));
    }
}
