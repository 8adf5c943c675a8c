//! Registering a schema under a subject, and checking one for compatibility: Confluent's
//! order of checks (an already registered schema answers its id before any mode or
//! compatibility rule applies), its id and version assignment, and its messages.

use serde_json::{json, Value};

use super::error::RegistryError;
use super::parsed::ParsedSchema;
use super::records::{RegistryKey, RegistryRecord, SchemaValue};
use super::registry::{check_subject, set, Registry, SchemaRequest, VersionId};
use super::state::{fingerprint, State};
use super::types::{CompatibilityLevel, Mode};

impl Registry {
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

/// Resolves a request's references and parses its schema (42201 when either fails).
pub(super) fn parse_request(
    state: &State,
    request: &SchemaRequest,
) -> Result<ParsedSchema, RegistryError> {
    let type_name = request.schema_type.as_str();
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
    let lenient = state.lenient(Some(subject));
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
                messages.extend(old.differences(new, ("old", "new"), lenient));
            }
            if level.backward() {
                messages.extend(new.differences(&old, ("new", "old"), lenient));
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
