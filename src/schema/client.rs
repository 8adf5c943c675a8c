//! The toolbox's side of a schema registry: the same REST calls against a remote registry
//! (Confluent's, Karapace, Apicurio's Confluent API, Redpanda's, ours over HTTP) or the
//! registry of a data directory opened in-process, and the decoding and encoding of framed
//! values through it.
//!
//! Schemas fetched by id are parsed once and kept: an id names one schema forever.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::parsed::{ParsedSchema, ResolvedReference};
use super::registry::Registry;
use super::rest::{self, Body};
use super::types::{SchemaReference, SchemaType};
use super::wire;
use crate::client::security::ClientTls;

/// The largest answer read from a registry (`GET /schemas` of a big registry).
const MAX_ANSWER_BYTES: usize = 64 << 20;

/// References are followed this deep at most.
const MAX_REFERENCE_DEPTH: usize = 32;

/// Where the registry is.
#[derive(Clone)]
pub enum Endpoint {
    Http {
        /// `http(s)://host:port[/path]`, without a trailing slash.
        url: String,
        /// Basic authentication.
        user: Option<(String, String)>,
        tls: ClientTls,
    },
    InProcess(Arc<Registry>),
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Endpoint::Http { url, .. } => write!(f, "{url}"),
            Endpoint::InProcess(_) => f.write_str("the data directory's registry"),
        }
    }
}

/// A failed call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// The registry answered with an error.
    #[error("{message} (HTTP {status}, error code {code})")]
    Refused {
        status: u16,
        code: i32,
        message: String,
    },
    /// No answer, or not one a registry gives.
    #[error("{0}")]
    Unreachable(String),
}

impl CallError {
    pub fn code(&self) -> Option<i32> {
        match self {
            CallError::Refused { code, .. } => Some(*code),
            CallError::Unreachable(_) => None,
        }
    }
}

/// A registry client with its schema cache.
pub struct RegistryClient {
    endpoint: Endpoint,
    parsed: Mutex<HashMap<i32, Arc<ParsedSchema>>>,
}

impl RegistryClient {
    pub fn new(endpoint: Endpoint) -> RegistryClient {
        RegistryClient {
            endpoint,
            parsed: Mutex::new(HashMap::new()),
        }
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// One REST call: `path` with its query (`/subjects?deleted=true`), a JSON body or none.
    /// Raw-text answers (`…/schema`) come back as a JSON string.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, CallError> {
        let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        match &self.endpoint {
            Endpoint::InProcess(registry) => {
                let (path, query) = path.split_once('?').unwrap_or((path, ""));
                match rest::handle(registry, method, path, query, &body).await {
                    Ok(Body::Json(v)) => Ok(v),
                    Ok(Body::Raw(text)) => Ok(Value::String(text)),
                    Err(e) => Err(CallError::Refused {
                        status: e.status,
                        code: e.code,
                        message: e.message,
                    }),
                }
            }
            Endpoint::Http { url, user, tls } => {
                let mut headers = vec![
                    (
                        "Accept",
                        "application/vnd.schemaregistry.v1+json".to_owned(),
                    ),
                    (
                        "Content-Type",
                        "application/vnd.schemaregistry.v1+json".to_owned(),
                    ),
                ];
                if let Some((name, password)) = user {
                    use base64::Engine;
                    let token = base64::engine::general_purpose::STANDARD
                        .encode(format!("{name}:{password}"));
                    headers.push(("Authorization", format!("Basic {token}")));
                }
                let target = format!("{url}{path}");
                let (status, answer) = crate::http_client::request_with(
                    method,
                    &target,
                    &headers,
                    body,
                    tls,
                    MAX_ANSWER_BYTES,
                )
                .await
                .map_err(|e| CallError::Unreachable(format!("schema registry {url}: {e}")))?;
                let json = serde_json::from_slice::<Value>(&answer);
                if (200..300).contains(&status) {
                    return Ok(json.unwrap_or_else(|_| {
                        Value::String(String::from_utf8_lossy(&answer).into_owned())
                    }));
                }
                let (code, message) = match &json {
                    Ok(v) => (
                        v.get("error_code")
                            .and_then(Value::as_i64)
                            .and_then(|c| i32::try_from(c).ok())
                            .unwrap_or(i32::from(status)),
                        v.get("message")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                    ),
                    Err(_) => (
                        i32::from(status),
                        String::from_utf8_lossy(&answer)
                            .trim()
                            .chars()
                            .take(300)
                            .collect(),
                    ),
                };
                let message = match (status, user) {
                    (401, None) => format!(
                        "{message} (the schema registry wants credentials: --schema-registry-user)"
                    ),
                    (401, Some((name, _))) => {
                        format!("{message} (the schema registry refused the credentials of {name})")
                    }
                    (403, _) => format!("{message} (these credentials may not do this)"),
                    _ => message,
                };
                Err(CallError::Refused {
                    status,
                    code,
                    message,
                })
            }
        }
    }

    /// The schema with this id, parsed (its references fetched by subject and version).
    pub async fn schema(&self, id: i32) -> Result<Arc<ParsedSchema>, CallError> {
        if let Some(parsed) = self
            .parsed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
        {
            return Ok(parsed.clone());
        }
        let answer = self
            .call("GET", &format!("/schemas/ids/{id}"), None)
            .await?;
        let (schema_type, text, references) = schema_parts(&answer)?;
        let mut resolved = Vec::new();
        self.resolve(&references, &mut resolved, 0).await?;
        let parsed = ParsedSchema::parse(schema_type, &text, &resolved).map_err(|e| {
            CallError::Unreachable(format!("schema {id} from the registry does not parse: {e}"))
        })?;
        let parsed = Arc::new(parsed);
        self.parsed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, parsed.clone());
        Ok(parsed)
    }

    async fn resolve(
        &self,
        references: &[SchemaReference],
        out: &mut Vec<ResolvedReference>,
        depth: usize,
    ) -> Result<(), CallError> {
        if depth > MAX_REFERENCE_DEPTH {
            return Err(CallError::Unreachable(format!(
                "schema references nest more than {MAX_REFERENCE_DEPTH} deep"
            )));
        }
        for r in references {
            let version = if r.version == -1 {
                "latest".to_owned()
            } else {
                r.version.to_string()
            };
            let answer = self
                .call(
                    "GET",
                    &format!(
                        "/subjects/{}/versions/{version}?deleted=true",
                        encode_segment(&r.subject)
                    ),
                    None,
                )
                .await?;
            let (schema_type, text, nested) = schema_parts(&answer)?;
            Box::pin(self.resolve(&nested, out, depth + 1)).await?;
            if !out.iter().any(|o| o.name == r.name) {
                out.push(ResolvedReference {
                    name: r.name.clone(),
                    schema_type,
                    schema: text,
                });
            }
        }
        Ok(())
    }

    /// A framed value decoded to JSON: `None` when the bytes carry no registry header, else
    /// the value or why it could not be decoded.
    pub async fn decode(&self, bytes: &[u8]) -> Option<Result<Value, String>> {
        let framed = wire::unframe(bytes)?;
        Some(match self.schema(framed.schema_id).await {
            Ok(schema) => schema
                .decode(framed.rest)
                .map_err(|e| format!("schema {}: {e}", framed.schema_id)),
            Err(e) => Err(format!("schema {}: {e}", framed.schema_id)),
        })
    }
}

/// `schemaType`, `schema` and `references` of a registry answer.
fn schema_parts(answer: &Value) -> Result<(SchemaType, String, Vec<SchemaReference>), CallError> {
    let schema_type = match answer.get("schemaType").and_then(Value::as_str) {
        None => SchemaType::Avro,
        Some(t) => SchemaType::parse(t)
            .ok_or_else(|| CallError::Unreachable(format!("unknown schema type {t}")))?,
    };
    let text = answer
        .get("schema")
        .and_then(Value::as_str)
        .ok_or_else(|| CallError::Unreachable("the registry's answer has no schema".into()))?
        .to_owned();
    let references = match answer.get("references") {
        Some(r) => serde_json::from_value(r.clone())
            .map_err(|e| CallError::Unreachable(format!("unreadable references: {e}")))?,
        None => Vec::new(),
    };
    Ok((schema_type, text, references))
}

/// A subject as one path segment (`/` and other reserved characters escaped).
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
