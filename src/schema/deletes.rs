//! Deleting versions and subjects: softly first (hidden, id kept), then permanently
//! (tombstones in `_schemas`), with Confluent's refusals for each step out of order and for
//! schemas other schemas still reference.

use serde_json::{json, Value};

use super::error::RegistryError;
use super::records::{DeleteSubjectValue, RegistryKey, RegistryRecord, SchemaValue};
use super::registry::{Registry, VersionId};
use super::state::{State, VersionEntry};

impl Registry {
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
                    Some((v, id)) => (v, VersionEntry { id, deleted: false }),
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
