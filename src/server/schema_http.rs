//! The HTTP listener of `serve --schema-registry-addr`: Confluent Schema Registry's REST API
//! over the broker's own registry, for the serializers of every client library.
//!
//! Routing, query parameters and bodies follow Confluent's server: paths are
//! percent-decoded (a `/` in a subject arrives as `%2F`), a trailing slash is tolerated,
//! booleans are `true` in any case and anything else is false, unknown parameters and body
//! fields are ignored, and every error is `{"error_code": …, "message": …}` with the HTTP
//! status Confluent gives it. Answers are `application/vnd.schemaregistry.v1+json`, or
//! `application/json` when that is all the client accepts.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use crate::schema::error::RegistryError;
use crate::schema::parsed::ParsedSchema;
use crate::schema::registry::{Registry, SchemaRequest, VersionId};
use crate::schema::types::{SchemaReference, SchemaType};

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

async fn serve(listener: TcpListener, registry: Arc<Registry>, mut stop: watch::Receiver<bool>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut connections = JoinSet::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.changed() => break,
        };
        while connections.try_join_next().is_some() {}
        let Ok((stream, peer)) = accepted else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            tracing::debug!(%peer, "too many schema registry connections; refusing one");
            continue;
        };
        let registry = registry.clone();
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let registry = registry.clone();
                async move { Ok::<_, Infallible>(answer(&registry, req).await) }
            });
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(%peer, error = %e, "registry connection ended with an error");
            }
            drop(permit);
        });
    }
    connections.abort_all();
}

/// What an answer carries: JSON, or a schema's text as-is (`…/schema`).
enum Body {
    Json(Value),
    Raw(String),
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
    let query = Query::parse(req.uri().query().unwrap_or_default());
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
    let segments: Vec<String> = path
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();
    let result = route(registry, &method, &segments, &query, &body).await;
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

fn not_found() -> RegistryError {
    RegistryError::http(404, "HTTP 404 Not Found")
}

fn not_allowed() -> RegistryError {
    RegistryError::http(405, "HTTP 405 Method Not Allowed")
}

async fn route(
    registry: &Registry,
    method: &Method,
    segments: &[String],
    query: &Query,
    body: &[u8],
) -> Result<Body, RegistryError> {
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let get = method == Method::GET;
    let json = Body::Json;
    match segs.as_slice() {
        [] => match *method {
            Method::GET | Method::POST => Ok(json(json!({}))),
            _ => Err(not_allowed()),
        },
        ["schemas", "types"] if get => Ok(json(json!(ParsedSchema::supported()
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()))),
        ["schemas"] if get => registry
            .schemas(
                query.get("subjectPrefix").unwrap_or_default(),
                query.flag("deleted"),
                query.flag("latestOnly"),
            )
            .map(|v| json(query.page(v, 1000))),
        ["schemas", "ids", id] if get => registry
            .schema_by_id(parse_id(id)?, query.flag("fetchMaxId"))
            .map(json),
        ["schemas", "ids", id, "schema"] if get => {
            registry.schema_by_id(parse_id(id)?, false).map(raw_schema)
        }
        ["schemas", "ids", id, "versions"] if get => registry
            .id_usage(parse_id(id)?, query.flag("deleted"), false)
            .map(|v| json(query.page(v, usize::MAX))),
        ["schemas", "ids", id, "subjects"] if get => registry
            .id_usage(parse_id(id)?, query.flag("deleted"), true)
            .map(|v| json(query.page(v, usize::MAX))),
        ["subjects"] if get => registry
            .subjects(
                query.get("subjectPrefix").unwrap_or_default(),
                query.flag("deleted"),
                query.flag("deletedOnly"),
            )
            .map(|v| json(query.page(v, usize::MAX))),
        ["subjects", subject] => match *method {
            Method::POST => registry
                .lookup(subject, &schema_request(body)?, query.flag("deleted"))
                .map(json),
            Method::DELETE => registry
                .delete_subject(subject, query.flag("permanent"))
                .await
                .map(json),
            _ => Err(not_allowed()),
        },
        ["subjects", subject, "versions"] => match *method {
            Method::GET => registry
                .versions(
                    subject,
                    query.flag("deleted"),
                    query.flag("deletedOnly"),
                    query.flag("deletedAsNegative"),
                )
                .map(|v| json(query.page(v, usize::MAX))),
            Method::POST => registry
                .register(subject, schema_request(body)?, query.flag("force"))
                .await
                .map(json),
            _ => Err(not_allowed()),
        },
        ["subjects", subject, "versions", version] => {
            let version = VersionId::parse(version)?;
            match *method {
                Method::GET => registry
                    .version(subject, version, query.flag("deleted"))
                    .map(json),
                Method::DELETE => registry
                    .delete_version(subject, version, query.flag("permanent"))
                    .await
                    .map(json),
                _ => Err(not_allowed()),
            }
        }
        ["subjects", subject, "versions", version, "schema"] if get => registry
            .version(subject, VersionId::parse(version)?, query.flag("deleted"))
            .map(raw_schema),
        ["subjects", subject, "versions", version, "referencedby"] if get => registry
            .referenced_by(subject, VersionId::parse(version)?, query.flag("deleted"))
            .map(|v| json(query.page(v, 1000))),
        ["config"] => config(registry, method, None, query, body).await.map(json),
        ["config", subject] => config(registry, method, Some(subject), query, body)
            .await
            .map(json),
        ["mode"] => mode(registry, method, None, query, body).await.map(json),
        ["mode", subject] => mode(registry, method, Some(subject), query, body)
            .await
            .map(json),
        ["compatibility", "subjects", subject, "versions"] if method == Method::POST => registry
            .check(subject, &schema_request(body)?, None, query.flag("verbose"))
            .map(json),
        ["compatibility", "subjects", subject, "versions", version] if method == Method::POST => {
            let version = VersionId::parse(version)?;
            registry
                .check(
                    subject,
                    &schema_request(body)?,
                    Some(version),
                    query.flag("verbose"),
                )
                .map(json)
        }
        _ => Err(not_found()),
    }
}

async fn config(
    registry: &Registry,
    method: &Method,
    subject: Option<&str>,
    query: &Query,
    body: &[u8],
) -> Result<Value, RegistryError> {
    match *method {
        Method::GET => registry.config(subject, query.flag("defaultToGlobal")),
        Method::PUT => {
            #[derive(Deserialize)]
            struct Update {
                compatibility: Option<String>,
                normalize: Option<bool>,
            }
            let update: Update = parse_body(body)?;
            registry
                .set_config(subject, update.compatibility.as_deref(), update.normalize)
                .await
        }
        Method::DELETE => registry.delete_config(subject).await,
        _ => Err(not_allowed()),
    }
}

async fn mode(
    registry: &Registry,
    method: &Method,
    subject: Option<&str>,
    query: &Query,
    body: &[u8],
) -> Result<Value, RegistryError> {
    match *method {
        Method::GET => registry.mode(subject, query.flag("defaultToGlobal")),
        Method::PUT => {
            #[derive(Deserialize)]
            struct Update {
                mode: Option<String>,
            }
            let update: Update = parse_body(body)?;
            match update.mode {
                Some(m) => registry.set_mode(subject, &m, query.flag("force")).await,
                None => registry.delete_mode(subject).await,
            }
        }
        Method::DELETE => registry.delete_mode(subject).await,
        _ => Err(not_allowed()),
    }
}

/// The `schema` field of an answer, as the raw text `…/schema` endpoints return.
fn raw_schema(answer: Value) -> Body {
    Body::Raw(
        answer
            .get("schema")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    )
}

fn parse_id(id: &str) -> Result<i32, RegistryError> {
    id.parse().map_err(|_| not_found())
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, RegistryError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(RegistryError::unprocessable("the request body is empty"));
    }
    serde_json::from_slice(body).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            RegistryError::http(400, e.to_string())
        } else {
            RegistryError::unprocessable(e.to_string())
        }
    })
}

fn schema_request(body: &[u8]) -> Result<SchemaRequest, RegistryError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Wire {
        #[serde(default)]
        schema: Option<String>,
        #[serde(default)]
        schema_type: Option<String>,
        #[serde(default)]
        references: Option<Vec<SchemaReference>>,
        #[serde(default)]
        version: Option<i32>,
        #[serde(default)]
        id: Option<i32>,
    }
    let wire: Wire = parse_body(body)?;
    let schema_type = match wire.schema_type.as_deref() {
        None => SchemaType::Avro,
        Some(t) => SchemaType::parse(t)
            .ok_or_else(|| RegistryError::invalid_schema(format!("Invalid schema type {t}")))?,
    };
    Ok(SchemaRequest {
        schema: wire.schema.unwrap_or_default(),
        schema_type,
        references: wire.references.unwrap_or_default(),
        version: wire.version.unwrap_or(0),
        id: wire.id.filter(|id| *id >= 0),
    })
}

/// Decoded query parameters.
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(raw: &str) -> Query {
        Query(
            raw.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (
                        percent_decode(&k.replace('+', " ")),
                        percent_decode(&v.replace('+', " ")),
                    )
                })
                .collect(),
        )
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Java's `Boolean.valueOf`: `true` in any case, else false.
    fn flag(&self, key: &str) -> bool {
        self.get(key)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    }

    /// `offset` and `limit` applied to a list answer (`limit` outside 1..=max: `max`).
    fn page(&self, value: Value, max: usize) -> Value {
        let Value::Array(items) = value else {
            return value;
        };
        let offset = self
            .get("offset")
            .and_then(|o| o.parse::<usize>().ok())
            .unwrap_or(0);
        let limit = self
            .get("limit")
            .and_then(|l| l.parse::<usize>().ok())
            .filter(|l| (1..=max).contains(l))
            .unwrap_or(max);
        Value::Array(items.into_iter().skip(offset).take(limit).collect())
    }
}

/// `%XX` escapes decoded; invalid escapes are kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = (b == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_paths_and_media_types() {
        let q = Query::parse("deleted=True&normalize=False&subjectPrefix=a%2Fb&limit=2&offset=1");
        assert!(q.flag("deleted"));
        assert!(!q.flag("normalize"));
        assert!(!q.flag("absent"));
        assert_eq!(q.get("subjectPrefix"), Some("a/b"));
        assert_eq!(q.page(json!([1, 2, 3, 4]), 10), json!([2, 3]));
        assert_eq!(percent_decode("orders%2Dvalue%zz"), "orders-value%zz");
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
