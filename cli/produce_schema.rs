//! `produce --value-schema FILE | --value-schema-id N | --value-subject S` (and the same for
//! keys): JSON input encoded with a registered schema and framed as the registry's
//! serializers frame it (magic byte 0, the schema id, for Protobuf the message indexes).
//!
//! A schema file is registered first under its subject (`TOPIC-value` / `TOPIC-key`, the
//! serializers' default naming, unless `--value-subject` says otherwise), as serializers do
//! with auto-registration: the same schema answers its existing id, an incompatible one is
//! refused with the registry's reasons before anything is sent.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context};
use serde_json::{json, Value};
use streamline::schema::client::{encode_segment, RegistryClient};
use streamline::schema::parsed::ParsedSchema;
use streamline::schema::wire;

/// The schema flags of `produce`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SchemaFlags {
    /// Encode each value (a JSON line) with this schema — Avro .avsc (the default), .proto,
    /// or JSON Schema .json — registered first under the value subject
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "value_schema_id",
        help_heading = "Schemas"
    )]
    value_schema: Option<PathBuf>,

    /// Encode each value with the registered schema of this id
    #[arg(long, value_name = "ID", help_heading = "Schemas")]
    value_schema_id: Option<i32>,

    /// Subject of the value schema: where --value-schema is registered, or, alone, whose
    /// latest version encodes the values [default: TOPIC-value]
    #[arg(
        long,
        value_name = "SUBJECT",
        conflicts_with = "value_schema_id",
        help_heading = "Schemas"
    )]
    value_subject: Option<String>,

    /// Encode each key (JSON) with this schema, registered first under the key subject
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "key_schema_id",
        help_heading = "Schemas"
    )]
    key_schema: Option<PathBuf>,

    /// Encode each key with the registered schema of this id
    #[arg(long, value_name = "ID", help_heading = "Schemas")]
    key_schema_id: Option<i32>,

    /// Subject of the key schema [default: TOPIC-key]
    #[arg(
        long,
        value_name = "SUBJECT",
        conflicts_with = "key_schema_id",
        help_heading = "Schemas"
    )]
    key_subject: Option<String>,

    /// The Protobuf message the values are (full or short name) [default: the schema's first
    /// message]
    #[arg(long, value_name = "NAME", help_heading = "Schemas")]
    value_message: Option<String>,

    /// The Protobuf message the keys are [default: the schema's first message]
    #[arg(long, value_name = "NAME", help_heading = "Schemas")]
    key_message: Option<String>,
}

/// Encodes one side (key or value) of every record.
pub struct Encoder {
    /// `key` or `value`, for messages.
    side: &'static str,
    id: i32,
    schema: Arc<ParsedSchema>,
    /// The Protobuf message to encode.
    message: Option<String>,
}

/// The key and value encoders the flags ask for.
#[derive(Default)]
pub struct Encoders {
    pub key: Option<Encoder>,
    pub value: Option<Encoder>,
}

impl SchemaFlags {
    pub fn any(&self) -> bool {
        self.value_schema.is_some()
            || self.value_schema_id.is_some()
            || self.value_subject.is_some()
            || self.key_schema.is_some()
            || self.key_schema_id.is_some()
            || self.key_subject.is_some()
    }

    /// Registers or looks up the schemas and fetches them.
    pub async fn encoders(
        &self,
        topic: &str,
        registry: &RegistryClient,
    ) -> anyhow::Result<Encoders> {
        Ok(Encoders {
            value: encoder(
                "value",
                registry,
                self.value_schema.as_ref(),
                self.value_schema_id,
                self.value_subject.clone(),
                &format!("{topic}-value"),
                self.value_message.clone(),
            )
            .await?,
            key: encoder(
                "key",
                registry,
                self.key_schema.as_ref(),
                self.key_schema_id,
                self.key_subject.clone(),
                &format!("{topic}-key"),
                self.key_message.clone(),
            )
            .await?,
        })
    }
}

async fn encoder(
    side: &'static str,
    registry: &RegistryClient,
    file: Option<&PathBuf>,
    id: Option<i32>,
    subject: Option<String>,
    default_subject: &str,
    message: Option<String>,
) -> anyhow::Result<Option<Encoder>> {
    let id = match (file, id, subject) {
        (None, None, None) => return Ok(None),
        (Some(file), _, subject) => {
            let subject = subject.unwrap_or_else(|| default_subject.to_owned());
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the {side} schema {}", file.display()))?;
            let mut request = json!({"schema": text});
            match file.extension().and_then(|e| e.to_str()) {
                Some("proto") => request["schemaType"] = json!("PROTOBUF"),
                Some("json") => request["schemaType"] = json!("JSON"),
                _ => {}
            }
            let answer = registry
                .call(
                    "POST",
                    &format!("/subjects/{}/versions", encode_segment(&subject)),
                    Some(&request),
                )
                .await
                .with_context(|| {
                    format!(
                        "registering the {side} schema {} under {subject}",
                        file.display()
                    )
                })?;
            schema_id(&answer)?
        }
        (None, Some(id), _) => id,
        (None, None, Some(subject)) => {
            let answer = registry
                .call(
                    "GET",
                    &format!("/subjects/{}/versions/latest", encode_segment(&subject)),
                    None,
                )
                .await
                .with_context(|| format!("the latest {side} schema of {subject}"))?;
            schema_id(&answer)?
        }
    };
    let schema = registry
        .schema(id)
        .await
        .with_context(|| format!("fetching {side} schema {id}"))?;
    if message.is_some() && schema.schema_type() != streamline::schema::types::SchemaType::Protobuf
    {
        bail!("--{side}-message names a Protobuf message, but {side} schema {id} is not Protobuf");
    }
    Ok(Some(Encoder {
        side,
        id,
        schema,
        message,
    }))
}

fn schema_id(answer: &Value) -> anyhow::Result<i32> {
    answer
        .get("id")
        .and_then(Value::as_i64)
        .and_then(|id| i32::try_from(id).ok())
        .with_context(|| format!("the registry's answer has no schema id: {answer}"))
}

impl Encoder {
    /// `input` (JSON text) encoded and framed; the error names the input line and the field.
    pub fn encode(&self, input: &[u8], line: u64) -> anyhow::Result<Vec<u8>> {
        let json: Value = serde_json::from_slice(input).map_err(|e| {
            anyhow::anyhow!(
                "input line {line}: the {} is not JSON ({e}), and schema {} needs JSON",
                self.side,
                self.id
            )
        })?;
        let encoded = self
            .schema
            .encode(&json, self.message.as_deref())
            .map_err(|e| {
                anyhow::anyhow!(
                    "input line {line}: the {} does not fit schema {}: {e}",
                    self.side,
                    self.id
                )
            })?;
        let mut out = wire::frame_header(self.id);
        out.extend_from_slice(&encoded);
        Ok(out)
    }
}

impl Encoders {
    /// The key and value of input line `line`, encoded where a schema says so.
    #[allow(clippy::type_complexity)]
    pub fn encode(
        &self,
        key: Option<Vec<u8>>,
        value: Vec<u8>,
        line: u64,
    ) -> anyhow::Result<(Option<Vec<u8>>, Vec<u8>)> {
        let key = match (&self.key, key) {
            (Some(encoder), Some(k)) => Some(encoder.encode(&k, line)?),
            (Some(_), None) => bail!("input line {line} has no key for the key schema"),
            (None, key) => key,
        };
        let value = match &self.value {
            Some(encoder) => encoder.encode(&value, line)?,
            None => value,
        };
        Ok((key, value))
    }
}

/// Refuses the combinations that cannot work, before anything is sent.
pub fn check_flags(flags: &SchemaFlags, has_key_source: bool) -> anyhow::Result<()> {
    let key_schema =
        flags.key_schema.is_some() || flags.key_schema_id.is_some() || flags.key_subject.is_some();
    if key_schema && !has_key_source {
        bail!("a key schema needs keys: -k, --key-template, -K or an --input-format with %k");
    }
    Ok(())
}
