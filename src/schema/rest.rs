//! Confluent Schema Registry's REST routes over a [`Registry`]: the same requests whether
//! they come over HTTP (`serve --schema-registry-addr`) or from the toolbox working on a data
//! directory in-process.
//!
//! Routing, query parameters and bodies follow Confluent's server: paths are
//! percent-decoded (a `/` in a subject arrives as `%2F`), a trailing slash is tolerated,
//! booleans are `true` in any case and anything else is false, unknown parameters and body
//! fields are ignored, and every error is a [`RegistryError`] with the HTTP status and code
//! Confluent gives it.

use serde::Deserialize;
use serde_json::{json, Value};

use super::error::RegistryError;
use super::registry::{Registry, SchemaRequest, VersionId};
use super::types::{SchemaReference, SchemaType};

/// What an answer carries: JSON, or a schema's text as-is (`…/schema`).
pub enum Body {
    Json(Value),
    Raw(String),
}

/// Answers one request: `method` as HTTP names it, `path` and `query` as in the URL.
pub async fn handle(
    registry: &Registry,
    method: &str,
    path: &str,
    query: &str,
    body: &[u8],
) -> Result<Body, RegistryError> {
    let segments: Vec<String> = path
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();
    route(registry, method, &segments, &Query::parse(query), body).await
}

fn not_found() -> RegistryError {
    RegistryError::http(404, "HTTP 404 Not Found")
}

fn not_allowed() -> RegistryError {
    RegistryError::http(405, "HTTP 405 Method Not Allowed")
}

async fn route(
    registry: &Registry,
    method: &str,
    segments: &[String],
    query: &Query,
    body: &[u8],
) -> Result<Body, RegistryError> {
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let get = method == "GET";
    let json = Body::Json;
    match segs.as_slice() {
        [] => match method {
            "GET" | "POST" => Ok(json(json!({}))),
            _ => Err(not_allowed()),
        },
        ["schemas", "types"] if get => Ok(json(json!(SchemaType::ALL
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()))),
        ["schemas"] if get => registry
            .schemas(
                query.subject_prefix(),
                query.flag("deleted"),
                query.flag("latestOnly"),
            )
            .map(|v| json(query.page(v, 1000))),
        ["schemas", "ids", id] if get => {
            let id = parse_id(id)?;
            let answer = registry.schema_by_id(id, query.flag("fetchMaxId"))?;
            registry
                .in_format(answer, id, query.get("format"))
                .map(json)
        }
        ["schemas", "ids", id, "schema"] if get => {
            let id = parse_id(id)?;
            let answer = registry.schema_by_id(id, false)?;
            registry
                .in_format(answer, id, query.get("format"))
                .map(raw_schema)
        }
        ["schemas", "ids", id, "versions"] if get => registry
            .id_usage(parse_id(id)?, query.flag("deleted"), false)
            .map(|v| json(query.page(v, usize::MAX))),
        ["schemas", "ids", id, "subjects"] if get => registry
            .id_usage(parse_id(id)?, query.flag("deleted"), true)
            .map(|v| json(query.page(v, usize::MAX))),
        ["subjects"] if get => registry
            .subjects(
                query.subject_prefix(),
                query.flag("deleted"),
                query.flag("deletedOnly"),
            )
            .map(|v| json(query.page(v, usize::MAX))),
        ["subjects", subject] => match method {
            "POST" => registry
                .lookup(subject, &schema_request(body)?, query.flag("deleted"))
                .map(json),
            "DELETE" => registry
                .delete_subject(subject, query.flag("permanent"))
                .await
                .map(json),
            _ => Err(not_allowed()),
        },
        ["subjects", subject, "versions"] => match method {
            "GET" => registry
                .versions(
                    subject,
                    query.flag("deleted"),
                    query.flag("deletedOnly"),
                    query.flag("deletedAsNegative"),
                )
                .map(|v| json(query.page(v, usize::MAX))),
            "POST" => registry
                .register(subject, schema_request(body)?, query.flag("force"))
                .await
                .map(json),
            _ => Err(not_allowed()),
        },
        ["subjects", subject, "versions", version] => {
            let version = VersionId::parse(version)?;
            match method {
                "GET" => {
                    let answer = registry.version(subject, version, query.flag("deleted"))?;
                    let id = answer
                        .get("id")
                        .and_then(Value::as_i64)
                        .and_then(|i| i32::try_from(i).ok());
                    match id {
                        Some(id) => registry
                            .in_format(answer, id, query.get("format"))
                            .map(json),
                        None => Ok(json(answer)),
                    }
                }
                "DELETE" => registry
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
        ["compatibility", "subjects", subject, "versions"] if method == "POST" => registry
            .check(subject, &schema_request(body)?, None, query.flag("verbose"))
            .map(json),
        ["compatibility", "subjects", subject, "versions", version] if method == "POST" => {
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
    method: &str,
    subject: Option<&str>,
    query: &Query,
    body: &[u8],
) -> Result<Value, RegistryError> {
    match method {
        "GET" => registry.config(subject, query.flag("defaultToGlobal")),
        "PUT" => {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct Update {
                compatibility: Option<String>,
                compatibility_policy: Option<String>,
                normalize: Option<bool>,
            }
            let update: Update = parse_body(body)?;
            registry
                .set_config(
                    subject,
                    update.compatibility.as_deref(),
                    update.compatibility_policy.as_deref(),
                    update.normalize,
                )
                .await
        }
        "DELETE" => registry.delete_config(subject).await,
        _ => Err(not_allowed()),
    }
}

async fn mode(
    registry: &Registry,
    method: &str,
    subject: Option<&str>,
    query: &Query,
    body: &[u8],
) -> Result<Value, RegistryError> {
    match method {
        "GET" => registry.mode(subject, query.flag("defaultToGlobal")),
        "PUT" => {
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
        "DELETE" => registry.delete_mode(subject).await,
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

    /// `subjectPrefix`: a plain prefix; Confluent's context wildcards (`:*:` every context,
    /// `:.:` the default one) are every subject here, which has one context.
    fn subject_prefix(&self) -> &str {
        match self.get("subjectPrefix") {
            None | Some(":*:") | Some(":.:") => "",
            Some(prefix) => prefix,
        }
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
    fn queries_and_paths() {
        let q = Query::parse("deleted=True&normalize=False&subjectPrefix=a%2Fb&limit=2&offset=1");
        assert!(q.flag("deleted"));
        assert!(!q.flag("normalize"));
        assert!(!q.flag("absent"));
        assert_eq!(q.get("subjectPrefix"), Some("a/b"));
        assert_eq!(q.subject_prefix(), "a/b");
        assert_eq!(Query::parse("subjectPrefix=%3A*%3A").subject_prefix(), "");
        assert_eq!(q.page(json!([1, 2, 3, 4]), 10), json!([2, 3]));
        assert_eq!(percent_decode("orders%2Dvalue%zz"), "orders-value%zz");
    }
}
