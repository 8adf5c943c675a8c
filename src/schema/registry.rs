//! The registry's operations, with the rules and answers of Confluent's Schema Registry:
//! registering (the same schema keeps its id, across subjects too), looking up, reading by
//! id or version, soft and permanent deletes, compatibility levels and modes.
//!
//! Reads take the replica's lock briefly after catching up with the topic; writes are
//! serialised by `writer`, so that two registrations never pick the same id or version.
//! Answers are JSON values shaped as Confluent's 7.x registry shapes them (`schemaType`
//! left out for AVRO), which every client reads.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{json, Value};

use super::error::RegistryError;
use super::parsed::ParsedSchema;
use super::records::{
    ConfigValue, DeleteSubjectValue, ModeValue, RegistryKey, RegistryRecord, SchemaValue,
};
use super::state::{fingerprint, State};
use super::store::{self, Replica};
use super::types::{CompatibilityLevel, Mode, SchemaReference, SchemaType};
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
    writer: tokio::sync::Mutex<()>,
}

/// Subject names Confluent refuses.
fn check_subject(subject: &str) -> Result<(), RegistryError> {
    if subject.chars().any(char::is_control) || subject == "__GLOBAL" || subject == "__EMPTY" {
        return Err(RegistryError::invalid_subject(subject));
    }
    Ok(())
}

/// The 7.x `Schema` entity.
fn schema_entity(
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
    /// Opens the registry on `broker`, creating `_schemas` if needed and reading it.
    pub fn open(broker: Arc<Broker>) -> Result<Registry, RegistryError> {
        store::partition(&broker)?;
        let registry = Registry {
            broker,
            replica: Mutex::new(Replica::default()),
            writer: tokio::sync::Mutex::new(()),
        };
        drop(registry.read()?);
        Ok(registry)
    }

    /// The state, caught up with the topic.
    fn read(&self) -> Result<MutexGuard<'_, Replica>, RegistryError> {
        let mut replica = self.replica.lock().unwrap_or_else(|e| e.into_inner());
        replica.catch_up(&self.broker)?;
        Ok(replica)
    }

    async fn write(&self, records: &[RegistryRecord]) -> Result<(), RegistryError> {
        store::append(&self.broker, records).await?;
        self.read().map(drop)
    }

    /// `POST /subjects/{subject}/versions`.
    pub async fn register(
        &self,
        subject: &str,
        request: SchemaRequest,
        force: bool,
    ) -> Result<Value, RegistryError> {
        check_subject(subject)?;
        let _turn = self.writer.lock().await;
        let (records, id) = {
            let replica = self.read()?;
            let state = &replica.state;
            if request.schema.trim().is_empty() {
                return Err(RegistryError::invalid_schema("Empty schema"));
            }
            let parsed = parse_request(state, &request)?;
            let canonical = parsed.canonical();
            let print = fingerprint(&canonical, &request.references);
            let existing = state.id_of(&print);
            if let Some(id) = existing {
                let live = state.live_versions(subject);
                if let Some(&(_, found)) = live.iter().find(|(_, i)| *i == id) {
                    if request.id.is_none_or(|asked| asked == found) {
                        return Ok(json!({"id": found}));
                    }
                }
            }
            let mode = state.mode(Some(subject));
            if mode.read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {subject} is in read-only mode"
                )));
            }
            let importing = mode == Mode::Import;
            if request.id.is_some() && !importing {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {subject} is not in import mode"
                )));
            }
            if importing && request.id.is_none() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {subject} is not in read-write mode"
                )));
            }
            if !importing && !force {
                let level = state.compatibility(Some(subject));
                let messages = check_compatibility(state, subject, &parsed, level, None)?;
                if !messages.is_empty() {
                    return Err(RegistryError::incompatible(subject, &messages));
                }
            }
            let next = state.next_version(subject);
            let version = if request.version > 0 {
                if !importing && request.version != next {
                    return Err(RegistryError::invalid_schema(
                        "Version is not one more than previous version",
                    ));
                }
                request.version
            } else {
                next
            };
            let id = match (request.id, existing) {
                (Some(asked), _) => {
                    if let Some(stored) = state.schemas.get(&asked) {
                        if stored.schema != canonical || stored.schema_type != request.schema_type {
                            return Err(RegistryError::not_permitted(format!(
                                "Overwrite new schema with id {asked} is not permitted."
                            )));
                        }
                    }
                    asked
                }
                (None, Some(id)) => id,
                (None, None) => {
                    let mut id = state.max_id + 1;
                    while state.schemas.contains_key(&id) {
                        id += 1;
                    }
                    id
                }
            };
            let schema = state
                .schemas
                .get(&id)
                .map_or(canonical, |s| s.schema.clone());
            let mut records = vec![RegistryRecord::Schema(
                RegistryKey::Schema {
                    subject: subject.to_owned(),
                    version,
                },
                Some(SchemaValue {
                    subject: subject.to_owned(),
                    version,
                    id,
                    schema_type: request.schema_type,
                    references: request.references.clone(),
                    schema,
                    deleted: false,
                }),
            )];
            // A soft-deleted version of this schema in this subject is superseded.
            if let Some(versions) = state.subjects.get(subject) {
                for (v, entry) in versions {
                    if entry.deleted
                        && entry.id == id
                        && state.referenced_by(subject, *v, true).is_empty()
                    {
                        records.push(RegistryRecord::Schema(
                            RegistryKey::Schema {
                                subject: subject.to_owned(),
                                version: *v,
                            },
                            None,
                        ));
                    }
                }
            }
            (records, id)
        };
        self.write(&records).await?;
        Ok(json!({"id": id}))
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

    /// `DELETE /subjects/{subject}/versions/{version}`.
    pub async fn delete_version(
        &self,
        subject: &str,
        version: VersionId,
        permanent: bool,
    ) -> Result<Value, RegistryError> {
        let _turn = self.writer.lock().await;
        let (records, number) = {
            let replica = self.read()?;
            let state = &replica.state;
            let versions = state.subjects.get(subject);
            let (number, entry) = match version {
                VersionId::Latest => match state.latest_live(subject) {
                    Some((v, id)) => (v, super::state::VersionEntry { id, deleted: false }),
                    None if versions.is_none() => {
                        return Err(RegistryError::subject_not_found(subject))
                    }
                    None => return Err(RegistryError::version_not_found(-1)),
                },
                VersionId::Number(n) => match versions.and_then(|v| v.get(&n)) {
                    Some(e) => (n, e.clone()),
                    None if versions.is_none() => {
                        return Err(RegistryError::subject_not_found(subject))
                    }
                    None => return Err(RegistryError::version_not_found(n)),
                },
            };
            if !permanent && entry.deleted {
                return Err(RegistryError::version_soft_deleted(subject, number));
            }
            if state.mode(Some(subject)).read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {subject} is in read-only mode"
                )));
            }
            if !state.referenced_by(subject, number, permanent).is_empty() {
                return Err(RegistryError::referenced(subject, number));
            }
            if permanent && !entry.deleted {
                return Err(RegistryError::version_not_soft_deleted(subject, number));
            }
            let key = RegistryKey::Schema {
                subject: subject.to_owned(),
                version: number,
            };
            let mut records = Vec::new();
            if permanent {
                records.push(RegistryRecord::Schema(key, None));
                let last = versions.is_some_and(|v| v.len() == 1);
                if last {
                    records.extend(settings_tombstones(state, subject));
                }
            } else {
                let stored = state
                    .schemas
                    .get(&entry.id)
                    .ok_or_else(|| RegistryError::schema_not_found(Some(entry.id)))?;
                records.push(RegistryRecord::Schema(
                    key,
                    Some(SchemaValue {
                        subject: subject.to_owned(),
                        version: number,
                        id: entry.id,
                        schema_type: stored.schema_type,
                        references: stored.references.clone(),
                        schema: stored.schema.clone(),
                        deleted: true,
                    }),
                ));
            }
            (records, number)
        };
        self.write(&records).await?;
        Ok(json!(number))
    }

    /// `DELETE /subjects/{subject}`.
    pub async fn delete_subject(
        &self,
        subject: &str,
        permanent: bool,
    ) -> Result<Value, RegistryError> {
        let _turn = self.writer.lock().await;
        let (records, deleted) = {
            let replica = self.read()?;
            let state = &replica.state;
            let Some(versions) = state.subjects.get(subject).filter(|v| !v.is_empty()) else {
                return Err(RegistryError::subject_not_found(subject));
            };
            let live: Vec<i32> = versions
                .iter()
                .filter(|(_, e)| !e.deleted)
                .map(|(v, _)| *v)
                .collect();
            if !permanent && live.is_empty() {
                return Err(RegistryError::subject_soft_deleted(subject));
            }
            if state.mode(Some(subject)).read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {subject} is in read-only mode"
                )));
            }
            for version in versions.keys() {
                let referrers = state.referenced_by(subject, *version, permanent);
                let from_others = referrers.iter().any(|id| {
                    state
                        .subjects
                        .iter()
                        .any(|(s, vs)| s != subject && vs.values().any(|e| e.id == *id))
                });
                if from_others {
                    return Err(RegistryError::referenced(subject, *version));
                }
            }
            if permanent && !live.is_empty() {
                return Err(RegistryError::subject_not_soft_deleted(subject));
            }
            if permanent {
                let all: Vec<i32> = versions.keys().copied().collect();
                let mut records: Vec<RegistryRecord> = all
                    .iter()
                    .rev()
                    .map(|v| {
                        RegistryRecord::Schema(
                            RegistryKey::Schema {
                                subject: subject.to_owned(),
                                version: *v,
                            },
                            None,
                        )
                    })
                    .collect();
                records.extend(settings_tombstones(state, subject));
                (records, all)
            } else {
                let highest = live.last().copied().unwrap_or_default();
                (
                    vec![RegistryRecord::DeleteSubject(DeleteSubjectValue {
                        subject: subject.to_owned(),
                        version: highest,
                    })],
                    live,
                )
            }
        };
        self.write(&records).await?;
        Ok(json!(deleted))
    }

    /// `GET /config` and `GET /config/{subject}`.
    pub fn config(
        &self,
        subject: Option<&str>,
        default_to_global: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        match subject {
            Some(s) if !default_to_global => {
                let config = state
                    .configs
                    .get(&Some(s.to_owned()))
                    .ok_or_else(|| RegistryError::subject_config_not_found(s))?;
                Ok(config_entity(
                    config.compatibility_level.unwrap_or_default(),
                    config.normalize,
                    "compatibilityLevel",
                ))
            }
            _ => Ok(json!({"compatibilityLevel": state.compatibility(subject).as_str()})),
        }
    }

    /// `PUT /config` and `PUT /config/{subject}`.
    pub async fn set_config(
        &self,
        subject: Option<&str>,
        level: Option<&str>,
        normalize: Option<bool>,
    ) -> Result<Value, RegistryError> {
        if let Some(s) = subject {
            check_subject(s)?;
        }
        let level = match level {
            Some(l) => Some(
                CompatibilityLevel::parse(l)
                    .ok_or_else(RegistryError::invalid_compatibility_level)?,
            ),
            None => None,
        };
        let _turn = self.writer.lock().await;
        let value = {
            let replica = self.read()?;
            let state = &replica.state;
            if state.mode(subject).read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {} is in read-only mode",
                    subject.unwrap_or("null")
                )));
            }
            let old = state.configs.get(&subject.map(str::to_owned));
            ConfigValue {
                subject: subject.map(str::to_owned),
                compatibility_level: level.or(old.and_then(|c| c.compatibility_level)),
                normalize: normalize.or(old.and_then(|c| c.normalize)),
            }
        };
        let answer = config_entity(
            value.compatibility_level.unwrap_or_default(),
            value.normalize,
            "compatibility",
        );
        self.write(&[RegistryRecord::Config(
            subject.map(str::to_owned),
            Some(value),
        )])
        .await?;
        Ok(answer)
    }

    /// `DELETE /config` and `DELETE /config/{subject}`: the previous setting.
    pub async fn delete_config(&self, subject: Option<&str>) -> Result<Value, RegistryError> {
        let _turn = self.writer.lock().await;
        let previous = {
            let replica = self.read()?;
            let state = &replica.state;
            let key = subject.map(str::to_owned);
            let old = state.configs.get(&key);
            if let (Some(s), None) = (subject, old) {
                return Err(RegistryError::subject_not_found(s));
            }
            if state.mode(subject).read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {} is in read-only mode",
                    subject.unwrap_or("null")
                )));
            }
            old.and_then(|c| c.compatibility_level).unwrap_or_default()
        };
        self.write(&[RegistryRecord::Config(subject.map(str::to_owned), None)])
            .await?;
        Ok(json!({"compatibilityLevel": previous.as_str()}))
    }

    /// `GET /mode` and `GET /mode/{subject}`.
    pub fn mode(
        &self,
        subject: Option<&str>,
        default_to_global: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        match subject {
            Some(s) if !default_to_global => {
                let mode = state
                    .modes
                    .get(&Some(s.to_owned()))
                    .ok_or_else(|| RegistryError::subject_mode_not_found(s))?;
                Ok(json!({"mode": mode.as_str()}))
            }
            _ => Ok(json!({"mode": state.mode(subject).as_str()})),
        }
    }

    /// `PUT /mode` and `PUT /mode/{subject}`; the answer echoes the request.
    pub async fn set_mode(
        &self,
        subject: Option<&str>,
        mode: &str,
        force: bool,
    ) -> Result<Value, RegistryError> {
        if let Some(s) = subject {
            check_subject(s)?;
        }
        let parsed = Mode::parse(mode).ok_or_else(RegistryError::invalid_mode)?;
        let _turn = self.writer.lock().await;
        let records = {
            let replica = self.read()?;
            let state = &replica.state;
            let key = subject.map(str::to_owned);
            let mut records = Vec::new();
            if parsed == Mode::Import && state.mode(subject) != Mode::Import {
                let matching: Vec<&String> = state
                    .subjects
                    .keys()
                    .filter(|s| subject.is_none_or(|want| want == s.as_str()))
                    .collect();
                let live = matching.iter().any(|s| !state.live_versions(s).is_empty());
                if live && !force {
                    return Err(RegistryError::not_permitted(
                        "Cannot import since found existing subjects",
                    ));
                }
                if matching.iter().any(|s| {
                    state
                        .subjects
                        .get(*s)
                        .is_some_and(|v| v.values().any(|e| e.deleted))
                }) {
                    records.push(RegistryRecord::ClearSubject(key.clone()));
                }
            }
            records.push(RegistryRecord::Mode(
                key.clone(),
                Some(ModeValue {
                    subject: key,
                    mode: parsed,
                }),
            ));
            records
        };
        self.write(&records).await?;
        Ok(json!({"mode": mode}))
    }

    /// `DELETE /mode` and `DELETE /mode/{subject}`: the previous mode.
    pub async fn delete_mode(&self, subject: Option<&str>) -> Result<Value, RegistryError> {
        let _turn = self.writer.lock().await;
        let previous = {
            let replica = self.read()?;
            let state = &replica.state;
            let old = state.modes.get(&subject.map(str::to_owned)).copied();
            if let (Some(s), None) = (subject, old) {
                return Err(RegistryError::subject_not_found(s));
            }
            old.unwrap_or_default()
        };
        self.write(&[RegistryRecord::Mode(subject.map(str::to_owned), None)])
            .await?;
        Ok(json!({"mode": previous.as_str()}))
    }

    /// `POST /compatibility/subjects/{subject}/versions[/{version}]`.
    pub fn check(
        &self,
        subject: &str,
        request: &SchemaRequest,
        version: Option<VersionId>,
        verbose: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        if request.schema.trim().is_empty() {
            return Err(RegistryError::invalid_schema("Empty schema"));
        }
        let parsed = match parse_request(state, request) {
            Ok(p) => p,
            Err(e) if verbose => {
                return Ok(json!({"is_compatible": false, "messages": [e.message]}))
            }
            Err(e) => return Err(e),
        };
        let target = match version {
            None | Some(VersionId::Latest) => None,
            Some(VersionId::Number(n)) => {
                let found = state
                    .subjects
                    .get(subject)
                    .and_then(|v| v.get(&n))
                    .filter(|e| !e.deleted)
                    .ok_or_else(|| RegistryError::version_not_found(n))?;
                Some((n, found.id))
            }
        };
        let level = state.compatibility(Some(subject));
        // One version named (or `latest`): that version alone, whatever the level.
        let against = match (version, target) {
            (Some(_), Some(t)) => Some(vec![t]),
            (Some(VersionId::Latest), None) => {
                Some(state.latest_live(subject).into_iter().collect())
            }
            _ => None,
        };
        let messages = check_compatibility(state, subject, &parsed, level, against)?;
        let mut answer = json!({"is_compatible": messages.is_empty()});
        if verbose {
            set(&mut answer, "messages", json!(messages));
        }
        Ok(answer)
    }
}

/// Adds a field to a JSON object answer.
fn set(object: &mut Value, key: &str, value: Value) {
    if let Some(map) = object.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

fn config_entity(level: CompatibilityLevel, normalize: Option<bool>, key: &str) -> Value {
    let mut v = json!({ key: level.as_str() });
    if let Some(n) = normalize {
        set(&mut v, "normalize", json!(n));
    }
    v
}

/// Tombstones for a subject's settings, written when its last version goes for good.
fn settings_tombstones(state: &State, subject: &str) -> Vec<RegistryRecord> {
    let key = Some(subject.to_owned());
    let mut records = Vec::new();
    if state.modes.contains_key(&key) {
        records.push(RegistryRecord::Mode(key.clone(), None));
    }
    if state.configs.contains_key(&key) {
        records.push(RegistryRecord::Config(key, None));
    }
    records
}

/// Resolves a request's references and parses its schema (42201 when either fails).
fn parse_request(state: &State, request: &SchemaRequest) -> Result<ParsedSchema, RegistryError> {
    let type_name = request.schema_type.as_str();
    if !ParsedSchema::supports(request.schema_type) {
        return Err(RegistryError::invalid_schema(format!(
            "Invalid schema type {type_name}"
        )));
    }
    let references = state.resolve(&request.references).map_err(|e| {
        RegistryError::invalid_schema(format!("Invalid schema of type {type_name}, details: {e}"))
    })?;
    ParsedSchema::parse(request.schema_type, &request.schema, &references).map_err(|e| {
        RegistryError::invalid_schema(format!(
            "Invalid schema {} with refs {:?} of type {type_name}, details: {e}",
            request.schema,
            request
                .references
                .iter()
                .map(|r| &r.name)
                .collect::<Vec<_>>()
        ))
    })
}

/// Confluent's compatibility messages for `new` against the subject's history (or the
/// versions given), newest first; empty when compatible.
fn check_compatibility(
    state: &State,
    subject: &str,
    new: &ParsedSchema,
    level: CompatibilityLevel,
    against: Option<Vec<(i32, i32)>>,
) -> Result<Vec<String>, RegistryError> {
    if level == CompatibilityLevel::None {
        return Ok(Vec::new());
    }
    let mut history = against.unwrap_or_else(|| state.live_versions(subject));
    history.reverse();
    if !level.transitive() {
        history.truncate(1);
    }
    for (version, id) in history {
        let Some(stored) = state.schemas.get(&id) else {
            continue;
        };
        let mut messages = Vec::new();
        if stored.schema_type != new.schema_type() {
            messages.push("Incompatible because of different schema type".to_owned());
        } else {
            let old = state.parse(stored).map_err(|e| {
                RegistryError::store(format!(
                    "Error while parsing schema {id} of subject {subject}: {e}"
                ))
            })?;
            // FORWARD: the old schema reads the new one's data; BACKWARD: the reverse.
            if level.forward() {
                messages.extend(old.differences(new, ("old", "new")));
            }
            if level.backward() {
                messages.extend(new.differences(&old, ("new", "old")));
            }
            if !messages.is_empty() {
                messages.push(format!("{{oldSchemaVersion: {version}}}"));
                messages.push(format!("{{oldSchema: '{}'}}", stored.schema));
            }
        }
        if !messages.is_empty() {
            messages.push(format!(
                "{{validateFields: 'false', compatibility: '{}'}}",
                level.as_str()
            ));
            return Ok(messages);
        }
    }
    Ok(Vec::new())
}
