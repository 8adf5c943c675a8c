//! The records of the `_schemas` topic, byte for byte as Confluent's registry writes them, so
//! that the topic can be copied between a Confluent registry's cluster and ours both ways.
//!
//! Keys are JSON objects with a fixed field order (`keytype`, `subject`, `version`, `magic`;
//! a null subject left out): compaction keeps the newest record per key *bytes*, so the order
//! matters. Values are JSON; a null value is a tombstone. Unknown fields are ignored when
//! reading, so values written by newer registries (`guid`, `ts`, `metadata`, …) still load.
//! AVRO is left out of `schemaType`, as Confluent's 7.x registries write it, and read back as
//! the default.

use serde::{Deserialize, Serialize};

use super::types::{CompatibilityLevel, Mode, SchemaReference, SchemaType};

/// A record key of the `_schemas` topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryKey {
    Schema {
        subject: String,
        version: i32,
    },
    /// Compatibility settings; `None` is the global one.
    Config {
        subject: Option<String>,
    },
    Mode {
        subject: Option<String>,
    },
    /// Soft-deletes every version of the subject up to the value's version.
    DeleteSubject {
        subject: String,
    },
    /// Forgets the soft-deleted versions of the subject (before an import).
    ClearSubject {
        subject: Option<String>,
    },
    /// Written by registries to find the end of the topic; carries nothing.
    Noop,
    /// Anything else a newer registry writes (contexts, associations): skipped.
    Other(String),
}

#[derive(Serialize, Deserialize)]
struct KeyJson {
    keytype: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
    magic: i32,
}

impl RegistryKey {
    pub fn encode(&self) -> Vec<u8> {
        let (keytype, subject, version, magic) = match self {
            RegistryKey::Schema { subject, version } => {
                ("SCHEMA", Some(subject.clone()), Some(*version), 1)
            }
            RegistryKey::Config { subject } => ("CONFIG", subject.clone(), None, 0),
            RegistryKey::Mode { subject } => ("MODE", subject.clone(), None, 0),
            RegistryKey::DeleteSubject { subject } => {
                ("DELETE_SUBJECT", Some(subject.clone()), None, 0)
            }
            RegistryKey::ClearSubject { subject } => ("CLEAR_SUBJECT", subject.clone(), None, 0),
            RegistryKey::Noop => ("NOOP", None, None, 0),
            RegistryKey::Other(keytype) => (keytype.as_str(), None, None, 0),
        };
        serde_json::to_vec(&KeyJson {
            keytype: keytype.to_owned(),
            subject,
            version,
            magic,
        })
        .unwrap_or_default()
    }

    /// `None` for bytes that are not a registry key at all.
    pub fn decode(bytes: &[u8]) -> Option<RegistryKey> {
        let key: KeyJson = serde_json::from_slice(bytes).ok()?;
        Some(match key.keytype.as_str() {
            "SCHEMA" => RegistryKey::Schema {
                subject: key.subject?,
                version: key.version?,
            },
            "CONFIG" => RegistryKey::Config {
                subject: key.subject,
            },
            "MODE" => RegistryKey::Mode {
                subject: key.subject,
            },
            "DELETE_SUBJECT" => RegistryKey::DeleteSubject {
                subject: key.subject?,
            },
            "CLEAR_SUBJECT" => RegistryKey::ClearSubject {
                subject: key.subject,
            },
            "NOOP" => RegistryKey::Noop,
            other => RegistryKey::Other(other.to_owned()),
        })
    }
}

/// The value of a SCHEMA record: one version of a subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaValue {
    pub subject: String,
    pub version: i32,
    pub id: i32,
    #[serde(
        rename = "schemaType",
        default,
        skip_serializing_if = "SchemaType::is_avro"
    )]
    pub schema_type: SchemaType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<SchemaReference>,
    pub schema: String,
    #[serde(default)]
    pub deleted: bool,
}

/// The value of a CONFIG record. Only the compatibility level is ours to act on; a
/// registry's other settings are kept as they were written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(
        rename = "compatibilityLevel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compatibility_level: Option<CompatibilityLevel>,
    /// `STRICT` (the default) or `LENIENT`: how JSON Schema changes are judged.
    #[serde(
        rename = "compatibilityPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compatibility_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalize: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub mode: Mode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteSubjectValue {
    pub subject: String,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClearSubjectValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// One record of the topic, decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum RegistryRecord {
    Schema(RegistryKey, Option<SchemaValue>),
    Config(Option<String>, Option<ConfigValue>),
    Mode(Option<String>, Option<ModeValue>),
    DeleteSubject(DeleteSubjectValue),
    ClearSubject(Option<String>),
}

impl RegistryRecord {
    /// The key and value bytes to append (`None` value: a tombstone).
    pub fn encode(&self) -> (Vec<u8>, Option<Vec<u8>>) {
        match self {
            RegistryRecord::Schema(key, value) => (key.encode(), value.as_ref().map(to_json)),
            RegistryRecord::Config(subject, value) => (
                RegistryKey::Config {
                    subject: subject.clone(),
                }
                .encode(),
                value.as_ref().map(to_json),
            ),
            RegistryRecord::Mode(subject, value) => (
                RegistryKey::Mode {
                    subject: subject.clone(),
                }
                .encode(),
                value.as_ref().map(to_json),
            ),
            RegistryRecord::DeleteSubject(value) => (
                RegistryKey::DeleteSubject {
                    subject: value.subject.clone(),
                }
                .encode(),
                Some(to_json(value)),
            ),
            RegistryRecord::ClearSubject(subject) => (
                RegistryKey::ClearSubject {
                    subject: subject.clone(),
                }
                .encode(),
                Some(to_json(&ClearSubjectValue {
                    subject: subject.clone(),
                })),
            ),
        }
    }

    /// Decodes one stored record; `None` for records the registry skips (NOOP, unknown key
    /// types, values that do not parse — as Confluent's registry logs and skips them).
    pub fn decode(key: &[u8], value: Option<&[u8]>) -> Option<RegistryRecord> {
        fn parse<T: serde::de::DeserializeOwned>(value: Option<&[u8]>) -> Option<Option<T>> {
            match value {
                None => Some(None),
                Some(bytes) => serde_json::from_slice(bytes).ok().map(Some),
            }
        }
        match RegistryKey::decode(key)? {
            key @ RegistryKey::Schema { .. } => Some(RegistryRecord::Schema(key, parse(value)?)),
            RegistryKey::Config { subject } => Some(RegistryRecord::Config(subject, parse(value)?)),
            RegistryKey::Mode { subject } => Some(RegistryRecord::Mode(subject, parse(value)?)),
            RegistryKey::DeleteSubject { .. } => {
                parse::<DeleteSubjectValue>(value)?.map(RegistryRecord::DeleteSubject)
            }
            RegistryKey::ClearSubject { subject } => Some(RegistryRecord::ClearSubject(subject)),
            RegistryKey::Noop | RegistryKey::Other(_) => None,
        }
    }
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_byte_exact_as_confluent_writes_them() {
        let schema = RegistryKey::Schema {
            subject: "t-value".into(),
            version: 3,
        };
        assert_eq!(
            String::from_utf8(schema.encode()).unwrap(),
            r#"{"keytype":"SCHEMA","subject":"t-value","version":3,"magic":1}"#
        );
        assert_eq!(
            String::from_utf8(RegistryKey::Config { subject: None }.encode()).unwrap(),
            r#"{"keytype":"CONFIG","magic":0}"#
        );
        assert_eq!(
            String::from_utf8(
                RegistryKey::DeleteSubject {
                    subject: "s".into()
                }
                .encode()
            )
            .unwrap(),
            r#"{"keytype":"DELETE_SUBJECT","subject":"s","magic":0}"#
        );
        assert_eq!(RegistryKey::decode(&schema.encode()), Some(schema));
        // Legacy magic 0 schema keys read too.
        assert!(matches!(
            RegistryKey::decode(br#"{"magic":0,"keytype":"SCHEMA","subject":"a","version":1}"#),
            Some(RegistryKey::Schema { .. })
        ));
    }

    #[test]
    fn values_round_trip_and_read_newer_registries() {
        let record = RegistryRecord::Schema(
            RegistryKey::Schema {
                subject: "t-value".into(),
                version: 1,
            },
            Some(SchemaValue {
                subject: "t-value".into(),
                version: 1,
                id: 1,
                schema_type: SchemaType::Avro,
                references: vec![],
                schema: "\"string\"".into(),
                deleted: false,
            }),
        );
        let (key, value) = record.encode();
        assert_eq!(
            String::from_utf8(value.clone().unwrap()).unwrap(),
            r#"{"subject":"t-value","version":1,"id":1,"schema":"\"string\"","deleted":false}"#
        );
        assert_eq!(RegistryRecord::decode(&key, value.as_deref()), Some(record));
        // An 8.x value: explicit AVRO, guid and timestamps.
        let newer = br#"{"subject":"s","version":2,"id":7,"guid":"x","schemaType":"AVRO","schema":"\"int\"","ts":5,"deleted":true}"#;
        let Some(RegistryRecord::Schema(_, Some(v))) = RegistryRecord::decode(
            br#"{"keytype":"SCHEMA","subject":"s","version":2,"magic":1}"#,
            Some(newer),
        ) else {
            panic!("not decoded")
        };
        assert!(v.deleted && v.id == 7 && v.schema_type == SchemaType::Avro);
        assert_eq!(
            RegistryRecord::decode(br#"{"keytype":"NOOP","magic":0}"#, None),
            None
        );
        let config = RegistryRecord::decode(
            br#"{"keytype":"CONFIG","magic":0}"#,
            Some(br#"{"compatibilityLevel":"FULL_TRANSITIVE"}"#),
        );
        assert!(matches!(
            config,
            Some(RegistryRecord::Config(
                None,
                Some(ConfigValue {
                    compatibility_level: Some(CompatibilityLevel::FullTransitive),
                    ..
                })
            ))
        ));
    }
}
