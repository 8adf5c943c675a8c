//! The registry of one broker and its reads: looking a schema up, by id, by subject and
//! version, listing subjects and versions — with the rules and answers of Confluent's
//! Schema Registry. Registering is in `register`, deleting in `deletes`, settings in
//! `settings`.
//!
//! Reads take the replica's lock briefly after catching up with the topic; writes are
//! serialised by `writer`, so that two registrations never pick the same id or version.
//! Answers are JSON values shaped as Confluent's 7.x registry shapes them (`schemaType`
//! left out for AVRO), which every client reads.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{json, Value};

use super::error::RegistryError;
use super::records::RegistryRecord;
use super::register::parse_request;
use super::state::{fingerprint, State};
use super::store::{self, Replica};
use super::types::{SchemaReference, SchemaType};
use crate::broker::Broker;

/// A schema as a client sends it to register, look up or check.
#[derive(Debug, Clone, Default)]
pub struct SchemaRequest {
    pub schema: String,
    pub schema_type: SchemaType,
    pub references: Vec<SchemaReference>,
    /// Asked-for version (imports); 0 when not given.
    pub version: i32,
    /// Asked-for id (imports); `None` when not given.
    pub id: Option<i32>,
}

/// A version in a request path: a number or `latest` (also `-1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionId {
    Latest,
    Number(i32),
}

impl VersionId {
    pub fn parse(s: &str) -> Result<VersionId, RegistryError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("latest") {
            return Ok(VersionId::Latest);
        }
        match t.parse::<i32>() {
            Ok(-1) => Ok(VersionId::Latest),
            Ok(n) if n >= 1 => Ok(VersionId::Number(n)),
            _ => Err(RegistryError::invalid_version(s)),
        }
    }
}

/// The schema registry of one broker.
pub struct Registry {
    broker: Arc<Broker>,
    replica: Mutex<Replica>,
    /// Held across a write's decision and its append, so that writes never interleave.
    pub(super) writer: tokio::sync::Mutex<()>,
}

/// Subject names Confluent refuses.
pub(super) fn check_subject(subject: &str) -> Result<(), RegistryError> {
    if subject.chars().any(char::is_control) || subject == "__GLOBAL" || subject == "__EMPTY" {
        return Err(RegistryError::invalid_subject(subject));
    }
    Ok(())
}

/// The 7.x `Schema` entity.
pub(super) fn schema_entity(
    subject: &str,
    version: i32,
    id: i32,
    stored: &super::state::StoredSchema,
) -> Value {
    let mut v = json!({"subject": subject, "version": version, "id": id});
    if stored.schema_type != SchemaType::Avro {
        set(&mut v, "schemaType", json!(stored.schema_type.as_str()));
    }
    if !stored.references.is_empty() {
        set(&mut v, "references", json!(stored.references));
    }
    set(&mut v, "schema", json!(stored.schema));
    v
}

impl Registry {
    /// Opens the registry on `broker`, reading `_schemas` if there is one (the first write
    /// creates it).
    pub fn open(broker: Arc<Broker>) -> Result<Registry, RegistryError> {
        let registry = Registry {
            broker,
            replica: Mutex::new(Replica::default()),
            writer: tokio::sync::Mutex::new(()),
        };
        drop(registry.read()?);
        Ok(registry)
    }

    /// The state, caught up with the topic.
    pub(super) fn read(&self) -> Result<MutexGuard<'_, Replica>, RegistryError> {
        let mut replica = self.replica.lock().unwrap_or_else(|e| e.into_inner());
        replica.catch_up(&self.broker)?;
        Ok(replica)
    }

    pub(super) async fn write(&self, records: &[RegistryRecord]) -> Result<(), RegistryError> {
        store::append(&self.broker, records).await?;
        self.read().map(drop)
    }

    /// `POST /subjects/{subject}`: the version of this subject holding the schema.
    pub fn lookup(
        &self,
        subject: &str,
        request: &SchemaRequest,
        deleted: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        let parsed = parse_request(state, request)?;
        let print = fingerprint(&parsed.canonical(), &request.references);
        let versions = state.subjects.get(subject);
        let visible = versions
            .map(|v| {
                v.iter()
                    .filter(|(_, e)| deleted || !e.deleted)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let found = state.id_of(&print).and_then(|id| {
            visible
                .iter()
                .rev()
                .find(|(_, e)| e.id == id)
                .map(|(v, e)| (**v, e.id))
        });
        match found {
            Some((version, id)) => {
                let stored = state
                    .schemas
                    .get(&id)
                    .ok_or_else(|| RegistryError::schema_not_found(None))?;
                Ok(schema_entity(subject, version, id, stored))
            }
            None if visible.is_empty() => Err(RegistryError::subject_not_found(subject)),
            None => Err(RegistryError::schema_not_found(None)),
        }
    }

    /// `GET /schemas/ids/{id}`.
    pub fn schema_by_id(&self, id: i32, fetch_max_id: bool) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        let stored = state
            .schemas
            .get(&id)
            .filter(|_| state.is_used(id))
            .ok_or_else(|| RegistryError::schema_not_found(Some(id)))?;
        let mut v = json!({});
        if stored.schema_type != SchemaType::Avro {
            set(&mut v, "schemaType", json!(stored.schema_type.as_str()));
        }
        set(&mut v, "schema", json!(stored.schema));
        if !stored.references.is_empty() {
            set(&mut v, "references", json!(stored.references));
        }
        if fetch_max_id {
            set(&mut v, "maxId", json!(state.max_id));
        }
        Ok(v)
    }

    /// An answer's `schema` in the `format` asked for: `serialized` gives a Protobuf schema
    /// as the base64 `FileDescriptorProto` confluent-kafka's Python deserializer reads; other
    /// formats (and other types) keep the stored text.
    pub fn in_format(
        &self,
        mut answer: Value,
        id: i32,
        format: Option<&str>,
    ) -> Result<Value, RegistryError> {
        if format != Some("serialized") {
            return Ok(answer);
        }
        let replica = self.read()?;
        let state = &replica.state;
        let Some(stored) = state.schemas.get(&id) else {
            return Ok(answer);
        };
        if stored.schema_type != SchemaType::Protobuf {
            return Ok(answer);
        }
        let parsed = state
            .parse(stored)
            .map_err(|e| RegistryError::store(format!("Error while parsing schema {id}: {e}")))?;
        if let crate::schema::parsed::ParsedSchema::Protobuf(proto) = parsed {
            set(&mut answer, "schema", json!(proto.serialized()));
        }
        Ok(answer)
    }

    /// `GET /schemas/ids/{id}/versions` (`subjects_only`: `/subjects`).
    pub fn id_usage(
        &self,
        id: i32,
        deleted: bool,
        subjects_only: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        if !state.is_used(id) {
            return Err(RegistryError::schema_not_found(None));
        }
        let mut out = Vec::new();
        for (subject, versions) in &state.subjects {
            for (version, entry) in versions {
                if entry.id == id && (deleted || !entry.deleted) {
                    if subjects_only {
                        if !out.contains(&json!(subject)) {
                            out.push(json!(subject));
                        }
                    } else {
                        out.push(json!({"subject": subject, "version": version}));
                    }
                }
            }
        }
        Ok(Value::Array(out))
    }

    /// `GET /schemas`: every version (or the latest) of the matching subjects.
    pub fn schemas(
        &self,
        prefix: &str,
        deleted: bool,
        latest_only: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        let mut out = Vec::new();
        for (subject, versions) in state.subjects.range(prefix.to_owned()..) {
            if !subject.starts_with(prefix) {
                break;
            }
            let visible: Vec<_> = versions
                .iter()
                .filter(|(_, e)| deleted || !e.deleted)
                .collect();
            let chosen: Vec<_> = if latest_only {
                visible.last().into_iter().copied().collect()
            } else {
                visible
            };
            for (version, entry) in chosen {
                if let Some(stored) = state.schemas.get(&entry.id) {
                    out.push(schema_entity(subject, *version, entry.id, stored));
                }
            }
        }
        Ok(Value::Array(out))
    }

    /// `GET /subjects`.
    pub fn subjects(
        &self,
        prefix: &str,
        deleted: bool,
        deleted_only: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let names: Vec<&String> = replica
            .state
            .subjects
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .filter(|(_, versions)| {
                let live = versions.values().any(|e| !e.deleted);
                if deleted_only {
                    !live
                } else {
                    live || deleted
                }
            })
            .map(|(name, _)| name)
            .collect();
        Ok(json!(names))
    }

    /// `GET /subjects/{subject}/versions`.
    pub fn versions(
        &self,
        subject: &str,
        deleted: bool,
        deleted_only: bool,
        deleted_as_negative: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let versions: Vec<i32> = replica
            .state
            .subjects
            .get(subject)
            .map(|v| {
                v.iter()
                    .filter(|(_, e)| {
                        if deleted_only {
                            e.deleted
                        } else {
                            deleted || !e.deleted
                        }
                    })
                    .map(|(version, e)| {
                        if e.deleted && deleted_as_negative {
                            -version
                        } else {
                            *version
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        if versions.is_empty() {
            return Err(RegistryError::subject_not_found(subject));
        }
        Ok(json!(versions))
    }

    /// Finds a version as `GET /subjects/{subject}/versions/{version}` does.
    fn find_version(
        state: &State,
        subject: &str,
        version: VersionId,
        deleted: bool,
    ) -> Result<(i32, i32), RegistryError> {
        let versions = state.subjects.get(subject);
        let any_visible = versions.is_some_and(|v| v.values().any(|e| deleted || !e.deleted));
        let found = match version {
            VersionId::Latest => state.latest_live(subject),
            VersionId::Number(n) => versions
                .and_then(|v| v.get(&n))
                .filter(|e| deleted || !e.deleted)
                .map(|e| (n, e.id)),
        };
        found.ok_or_else(|| {
            if !any_visible {
                RegistryError::subject_not_found(subject)
            } else {
                RegistryError::version_not_found(match version {
                    VersionId::Latest => -1,
                    VersionId::Number(n) => n,
                })
            }
        })
    }

    /// `GET /subjects/{subject}/versions/{version}`; with `raw`, the `/schema` text alone.
    pub fn version(
        &self,
        subject: &str,
        version: VersionId,
        deleted: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        let (v, id) = Self::find_version(state, subject, version, deleted)?;
        let stored = state
            .schemas
            .get(&id)
            .ok_or_else(|| RegistryError::schema_not_found(Some(id)))?;
        Ok(schema_entity(subject, v, id, stored))
    }

    /// `GET /subjects/{subject}/versions/{version}/referencedby`.
    pub fn referenced_by(
        &self,
        subject: &str,
        version: VersionId,
        deleted: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        let (v, _) = Self::find_version(state, subject, version, true)?;
        Ok(json!(state.referenced_by(subject, v, deleted)))
    }
}

/// Adds a field to a JSON object answer.
pub(super) fn set(object: &mut Value, key: &str, value: Value) {
    if let Some(map) = object.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}
