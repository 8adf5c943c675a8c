//! The registry's view of the `_schemas` topic: every record applied in offset order, as
//! Confluent's registry applies them when it replays the topic, so that a topic written by
//! either registry loads into the same subjects, versions, ids and settings.
//!
//! Invariants: a (subject, version) holds one SCHEMA value, the newest; an id names one
//! schema (a later record giving an id a different schema is ignored, as Confluent's reader
//! rejects it); `max_id` never decreases while running, so ids are not reused until a
//! restart after compaction removed every use of them.

use std::collections::{BTreeMap, HashMap};

use sha2::{Digest, Sha256};

use super::parsed::{ParsedSchema, ResolvedReference};
use super::records::{ConfigValue, RegistryKey, RegistryRecord, SchemaValue};
use super::types::{CompatibilityLevel, Mode, SchemaReference, SchemaType};

/// One version of a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionEntry {
    pub id: i32,
    pub deleted: bool,
}

/// A schema as stored under its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSchema {
    pub schema_type: SchemaType,
    pub schema: String,
    pub references: Vec<SchemaReference>,
}

/// What identifies "the same schema": the canonical string and the references.
pub type Fingerprint = [u8; 32];

#[derive(Debug, Default)]
pub struct State {
    pub subjects: BTreeMap<String, BTreeMap<i32, VersionEntry>>,
    pub schemas: HashMap<i32, StoredSchema>,
    fingerprints: HashMap<Fingerprint, i32>,
    pub max_id: i32,
    pub configs: HashMap<Option<String>, ConfigValue>,
    pub modes: HashMap<Option<String>, Mode>,
}

pub fn fingerprint(canonical: &str, references: &[SchemaReference]) -> Fingerprint {
    let mut hash = Sha256::new();
    hash.update(canonical.as_bytes());
    for r in references {
        hash.update([0]);
        hash.update(r.name.as_bytes());
        hash.update([0]);
        hash.update(r.subject.as_bytes());
        hash.update(r.version.to_be_bytes());
    }
    hash.finalize().into()
}

impl State {
    /// Applies one record of the topic.
    pub fn apply(&mut self, record: RegistryRecord) {
        match record {
            RegistryRecord::Schema(RegistryKey::Schema { subject, version }, Some(value)) => {
                self.apply_schema(subject, version, value)
            }
            RegistryRecord::Schema(RegistryKey::Schema { subject, version }, None) => {
                if let Some(versions) = self.subjects.get_mut(&subject) {
                    versions.remove(&version);
                    if versions.is_empty() {
                        self.subjects.remove(&subject);
                    }
                }
            }
            RegistryRecord::Schema(..) => {}
            RegistryRecord::Config(subject, value) => match value {
                Some(v) => {
                    self.configs.insert(subject, v);
                }
                None => {
                    self.configs.remove(&subject);
                }
            },
            RegistryRecord::Mode(subject, value) => match value {
                Some(v) => {
                    self.modes.insert(subject, v.mode);
                }
                None => {
                    self.modes.remove(&subject);
                }
            },
            RegistryRecord::DeleteSubject(value) => {
                if let Some(versions) = self.subjects.get_mut(&value.subject) {
                    for (_, entry) in versions.range_mut(..=value.version) {
                        entry.deleted = true;
                    }
                }
            }
            RegistryRecord::ClearSubject(subject) => {
                for (name, versions) in self.subjects.iter_mut() {
                    if subject.as_ref().is_none_or(|s| s == name) {
                        versions.retain(|_, v| !v.deleted);
                    }
                }
                self.subjects.retain(|_, v| !v.is_empty());
            }
        }
    }

    fn apply_schema(&mut self, subject: String, version: i32, value: SchemaValue) {
        if let Some(existing) = self.schemas.get(&value.id) {
            if existing.schema != value.schema || existing.schema_type != value.schema_type {
                tracing::warn!(
                    id = value.id,
                    subject,
                    version,
                    "a _schemas record gives schema id {} a different schema; ignored",
                    value.id
                );
                return;
            }
        } else {
            let stored = StoredSchema {
                schema_type: value.schema_type,
                schema: value.schema.clone(),
                references: value.references.clone(),
            };
            // Re-canonicalised with our rules, so a schema stored by another registry is
            // found again when a client registers it here.
            let canonical = self
                .parse(&stored)
                .map(|p| p.canonical())
                .unwrap_or_else(|_| stored.schema.clone());
            self.fingerprints
                .insert(fingerprint(&canonical, &stored.references), value.id);
            self.schemas.insert(value.id, stored);
        }
        self.max_id = self.max_id.max(value.id);
        self.subjects.entry(subject).or_default().insert(
            version,
            VersionEntry {
                id: value.id,
                deleted: value.deleted,
            },
        );
    }

    /// The id a schema with this fingerprint has, if some subject-version still uses it.
    pub fn id_of(&self, fingerprint: &Fingerprint) -> Option<i32> {
        let id = *self.fingerprints.get(fingerprint)?;
        self.is_used(id).then_some(id)
    }

    pub fn is_used(&self, id: i32) -> bool {
        self.subjects
            .values()
            .any(|versions| versions.values().any(|v| v.id == id))
    }

    /// Resolves references (transitively, dependencies first) to their schemas.
    pub fn resolve(
        &self,
        references: &[SchemaReference],
    ) -> Result<Vec<ResolvedReference>, String> {
        let mut out = Vec::new();
        self.resolve_into(references, &mut out, 0)?;
        Ok(out)
    }

    fn resolve_into(
        &self,
        references: &[SchemaReference],
        out: &mut Vec<ResolvedReference>,
        depth: usize,
    ) -> Result<(), String> {
        if depth > 32 {
            return Err("references nest more than 32 deep".into());
        }
        for r in references {
            let versions = self.subjects.get(&r.subject);
            let entry = if r.version == -1 {
                versions.and_then(|v| v.values().rev().find(|e| !e.deleted))
            } else {
                versions.and_then(|v| v.get(&r.version))
            };
            let stored = entry.and_then(|e| self.schemas.get(&e.id)).ok_or_else(|| {
                format!(
                    "reference '{}' names version {} of subject '{}', which does not exist",
                    r.name, r.version, r.subject
                )
            })?;
            self.resolve_into(&stored.references, out, depth + 1)?;
            if !out.iter().any(|o| o.name == r.name) {
                out.push(ResolvedReference {
                    name: r.name.clone(),
                    schema_type: stored.schema_type,
                    schema: stored.schema.clone(),
                });
            }
        }
        Ok(())
    }

    pub fn parse(&self, stored: &StoredSchema) -> Result<ParsedSchema, String> {
        let references = self.resolve(&stored.references)?;
        ParsedSchema::parse(stored.schema_type, &stored.schema, &references)
    }

    /// The live (not soft-deleted) versions of a subject, ascending.
    pub fn live_versions(&self, subject: &str) -> Vec<(i32, i32)> {
        self.subjects
            .get(subject)
            .map(|v| {
                v.iter()
                    .filter(|(_, e)| !e.deleted)
                    .map(|(version, e)| (*version, e.id))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn latest_live(&self, subject: &str) -> Option<(i32, i32)> {
        self.live_versions(subject).last().copied()
    }

    /// The next version number: one past every stored version, soft-deleted included.
    pub fn next_version(&self, subject: &str) -> i32 {
        self.subjects
            .get(subject)
            .and_then(|v| v.keys().next_back())
            .map_or(1, |v| v + 1)
    }

    /// The compatibility level in force for a subject: its own, else the global one, else
    /// BACKWARD.
    pub fn compatibility(&self, subject: Option<&str>) -> CompatibilityLevel {
        subject
            .and_then(|s| self.configs.get(&Some(s.to_owned())))
            .and_then(|c| c.compatibility_level)
            .or_else(|| self.configs.get(&None).and_then(|c| c.compatibility_level))
            .unwrap_or_default()
    }

    /// Whether JSON Schema changes are judged by Confluent's LENIENT policy (subject's
    /// setting, else the global one; STRICT by default).
    pub fn lenient(&self, subject: Option<&str>) -> bool {
        subject
            .and_then(|s| self.configs.get(&Some(s.to_owned())))
            .and_then(|c| c.compatibility_policy.as_deref())
            .or_else(|| {
                self.configs
                    .get(&None)
                    .and_then(|c| c.compatibility_policy.as_deref())
            })
            == Some("LENIENT")
    }

    pub fn mode(&self, subject: Option<&str>) -> Mode {
        subject
            .and_then(|s| self.modes.get(&Some(s.to_owned())))
            .or_else(|| self.modes.get(&None))
            .copied()
            .unwrap_or_default()
    }

    /// Ids of schemas whose references name this subject-version (soft-deleted referrers only
    /// with `deleted`), ascending.
    pub fn referenced_by(&self, subject: &str, version: i32, deleted: bool) -> Vec<i32> {
        let mut ids: Vec<i32> = self
            .subjects
            .values()
            .flat_map(|versions| versions.values())
            .filter(|e| deleted || !e.deleted)
            .filter(|e| {
                self.schemas.get(&e.id).is_some_and(|s| {
                    s.references
                        .iter()
                        .any(|r| r.subject == subject && r.version == version)
                })
            })
            .map(|e| e.id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
