//! A schema text parsed by its type: validated, turned into the canonical string the
//! registry stores and compares, and checked for compatibility against another version.
//!
//! The canonical string is what makes two registrations "the same schema": whitespace, key
//! order and `{"type":"string"}` versus `"string"` do not matter; docs, defaults, aliases and
//! custom properties do, as in Confluent's registry (whose canonical form is Avro Java's
//! `Schema.toString()`; ours is apache-avro's equivalent rendering, so equality is decided by
//! re-canonicalising with ours, stored strings from another registry included).

use std::sync::Arc;

use apache_avro::Schema as AvroSchema;

use super::avro_codec::AvroCodec;
use super::avro_compat;
use super::json_compat;
use super::json_schema::JsonSchema;
use super::protobuf::ProtobufSchema;
use super::protobuf_compat;
use super::types::SchemaType;

/// A referenced schema, resolved: its text and type (and, transitively, its own references,
/// listed before it).
#[derive(Debug, Clone)]
pub struct ResolvedReference {
    pub name: String,
    pub schema_type: SchemaType,
    pub schema: String,
}

/// A schema ready to compare and to encode or decode with.
#[derive(Debug, Clone)]
pub enum ParsedSchema {
    Avro(Arc<AvroCodec>),
    Protobuf(Arc<ProtobufSchema>),
    Json(Arc<JsonSchema>),
}

impl ParsedSchema {
    /// Parses `text` of `schema_type`, its references given in dependency order. The error
    /// is the parser's, for the registry's "Invalid schema" message.
    pub fn parse(
        schema_type: SchemaType,
        text: &str,
        references: &[ResolvedReference],
    ) -> Result<ParsedSchema, String> {
        match schema_type {
            SchemaType::Avro => {
                let texts: Vec<&str> = references
                    .iter()
                    .filter(|r| r.schema_type == SchemaType::Avro)
                    .map(|r| r.schema.as_str())
                    .collect();
                let (schema, referenced) = if texts.is_empty() {
                    (
                        AvroSchema::parse_str(text).map_err(|e| e.to_string())?,
                        Vec::new(),
                    )
                } else {
                    AvroSchema::parse_str_with_list(text, texts).map_err(|e| e.to_string())?
                };
                Ok(ParsedSchema::Avro(Arc::new(AvroCodec::new(
                    schema,
                    &referenced,
                ))))
            }
            SchemaType::Protobuf => {
                let imports: Vec<ResolvedReference> = references
                    .iter()
                    .filter(|r| r.schema_type == SchemaType::Protobuf)
                    .cloned()
                    .collect();
                Ok(ParsedSchema::Protobuf(Arc::new(ProtobufSchema::parse(
                    text, &imports,
                )?)))
            }
            SchemaType::Json => {
                let referenced: Vec<ResolvedReference> = references
                    .iter()
                    .filter(|r| r.schema_type == SchemaType::Json)
                    .cloned()
                    .collect();
                Ok(ParsedSchema::Json(Arc::new(JsonSchema::parse(
                    text,
                    &referenced,
                )?)))
            }
        }
    }

    pub fn schema_type(&self) -> SchemaType {
        match self {
            ParsedSchema::Avro(_) => SchemaType::Avro,
            ParsedSchema::Protobuf(_) => SchemaType::Protobuf,
            ParsedSchema::Json(_) => SchemaType::Json,
        }
    }

    /// The string stored and compared.
    pub fn canonical(&self) -> String {
        match self {
            ParsedSchema::Avro(avro) => serde_json::to_string(avro.schema()).unwrap_or_default(),
            ParsedSchema::Protobuf(proto) => proto.canonical(),
            ParsedSchema::Json(json) => json.canonical(),
        }
    }

    /// The value after a framing header (`wire::unframe`'s rest), as JSON.
    pub fn decode(&self, payload: &[u8]) -> Result<serde_json::Value, String> {
        match self {
            ParsedSchema::Avro(avro) => avro.decode(payload).map_err(|e| e.to_string()),
            ParsedSchema::Protobuf(proto) => proto.decode(payload),
            ParsedSchema::Json(json) => json.decode(payload),
        }
    }

    /// A JSON value encoded for this schema, without the framing header (for Protobuf, with
    /// the message indexes of `message`, the first message by default); the error names the
    /// field that does not fit.
    pub fn encode(
        &self,
        value: &serde_json::Value,
        message: Option<&str>,
    ) -> Result<Vec<u8>, String> {
        match self {
            ParsedSchema::Protobuf(proto) => proto.encode(value, message),
            ParsedSchema::Json(json) => json.encode(value),
            ParsedSchema::Avro(avro) => {
                let mut out = Vec::new();
                avro.encode(value, &mut out).map_err(|e| e.to_string())?;
                Ok(out)
            }
        }
    }

    /// What keeps `self` (the reader) from reading data written with `writer`, rendered as
    /// Confluent renders each difference, with `reader` / `writer` naming the two sides.
    /// `lenient`: JSON Schema changes by Confluent's LENIENT policy instead of STRICT.
    pub fn differences(
        &self,
        writer: &ParsedSchema,
        labels: (&str, &str),
        lenient: bool,
    ) -> Vec<String> {
        match (self, writer) {
            (ParsedSchema::Avro(r), ParsedSchema::Avro(w)) => {
                avro_compat::check(r.schema(), w.schema(), r.names(), w.names())
                    .iter()
                    .map(|i| i.render(labels.0, labels.1))
                    .collect()
            }
            (ParsedSchema::Protobuf(r), ParsedSchema::Protobuf(w)) => {
                protobuf_compat::compare(w.file(), r.file())
                    .iter()
                    .map(|d| d.render(labels.0, labels.1))
                    .collect()
            }
            (ParsedSchema::Json(r), ParsedSchema::Json(w)) => {
                json_compat::compare(&w.schema, &r.schema, &w.references, &r.references)
                    .iter()
                    .filter(|d| !(lenient && json_compat::lenient_allows(d.kind)))
                    .map(|d| d.render(labels.0, labels.1))
                    .collect()
            }
            _ => vec!["Incompatible because of different schema type".to_owned()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> String {
        ParsedSchema::parse(SchemaType::Avro, text, &[])
            .unwrap()
            .canonical()
    }

    #[test]
    fn avro_canonical_form_ignores_layout_but_keeps_meaning() {
        assert_eq!(canonical(r#"{"type":"string"}"#), r#""string""#);
        assert_eq!(canonical(" \"string\" "), r#""string""#);
        let a = canonical(
            r#"{"type":"record","name":"U","fields":[{"name":"a","type":"int","default":1,"doc":"d"}]}"#,
        );
        let b = canonical(
            r#"{ "fields": [ {"doc":"d", "default":1, "type":"int", "name":"a"} ], "name":"U", "type":"record" }"#,
        );
        assert_eq!(a, b);
        let no_default = canonical(
            r#"{"type":"record","name":"U","fields":[{"name":"a","type":"int","doc":"d"}]}"#,
        );
        assert_ne!(a, no_default);
        // Canonical strings parse back to themselves.
        assert_eq!(canonical(&a), a);
    }

    #[test]
    fn references_resolve_named_types() {
        let address = ResolvedReference {
            name: "demo.Address".into(),
            schema_type: SchemaType::Avro,
            schema: r#"{"type":"record","name":"Address","namespace":"demo","fields":[{"name":"city","type":"string"}]}"#.into(),
        };
        let user = r#"{"type":"record","name":"User","namespace":"demo","fields":[{"name":"home","type":"Address"}]}"#;
        assert!(ParsedSchema::parse(SchemaType::Avro, user, &[]).is_err());
        let parsed = ParsedSchema::parse(SchemaType::Avro, user, &[address]).unwrap();
        assert!(
            parsed.canonical().contains(r#""type":"demo.Address""#)
                || parsed.canonical().contains(r#""type":"Address""#),
            "{}",
            parsed.canonical()
        );
        assert!(parsed
            .differences(&parsed, ("new", "old"), false)
            .is_empty());
    }
}
