//! JSON Schema schemas: the schema a JSON value must satisfy before a serializer sends it.
//!
//! The canonical form is the schema's JSON written compactly with its keys in their original
//! order, as Confluent's registry stores it. A framed value is plain UTF-8 JSON after the
//! schema id; encoding checks it against the schema first and names every place it fails.
//! `$ref`s to other registered schemas are the schema's references, found by their names;
//! nothing is fetched from the network or the file system.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;

use super::parsed::ResolvedReference;

/// At most this many validation failures are listed in one error.
const MAX_ERRORS_LISTED: usize = 5;

/// A compiled JSON Schema.
pub struct JsonSchema {
    pub schema: Value,
    /// Referenced schemas by reference name, for `$ref`s and the compatibility check.
    pub references: HashMap<String, Value>,
    validator: jsonschema::Validator,
}

impl std::fmt::Debug for JsonSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "JsonSchema({})", self.schema)
    }
}

/// Serves the references to the validator by the URI a `$ref` resolves to.
struct References(Arc<HashMap<String, Value>>);

impl jsonschema::Retrieve for References {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let wanted = uri.as_str();
        self.0
            .iter()
            .find(|(name, _)| wanted == name.as_str() || wanted.ends_with(&format!("/{name}")))
            .map(|(_, v)| v.clone())
            .ok_or_else(|| format!("{wanted} is not among the schema's references").into())
    }
}

impl JsonSchema {
    pub fn parse(text: &str, references: &[ResolvedReference]) -> Result<JsonSchema, String> {
        let schema: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        if !(schema.is_object() || schema.is_boolean()) {
            return Err("a JSON Schema is an object or a boolean".into());
        }
        let mut parsed = HashMap::new();
        for r in references {
            let value: Value = serde_json::from_str(&r.schema)
                .map_err(|e| format!("reference {} is not JSON: {e}", r.name))?;
            parsed.insert(r.name.clone(), value);
        }
        let shared = Arc::new(parsed.clone());
        let validator = jsonschema::options()
            .with_retriever(References(shared))
            .build(&schema)
            .map_err(|e| e.to_string())?;
        Ok(JsonSchema {
            schema,
            references: parsed,
            validator,
        })
    }

    pub fn canonical(&self) -> String {
        serde_json::to_string(&self.schema).unwrap_or_default()
    }

    /// The value as the serializers write it: JSON text, once it satisfies the schema.
    pub fn encode(&self, value: &Value) -> Result<Vec<u8>, String> {
        let failures: Vec<String> = self
            .validator
            .iter_errors(value)
            .take(MAX_ERRORS_LISTED + 1)
            .map(|e| {
                let at = e.instance_path().to_string();
                let at = if at.is_empty() {
                    "$".to_owned()
                } else {
                    format!("${}", at.replace('/', "."))
                };
                format!("{at}: {e}")
            })
            .collect();
        if !failures.is_empty() {
            let more = if failures.len() > MAX_ERRORS_LISTED {
                "; …"
            } else {
                ""
            };
            let shown: Vec<&str> = failures
                .iter()
                .take(MAX_ERRORS_LISTED)
                .map(String::as_str)
                .collect();
            return Err(format!("{}{more}", shown.join("; ")));
        }
        serde_json::to_vec(value).map_err(|e| e.to_string())
    }

    /// A framed payload (after the schema id) as JSON.
    pub fn decode(&self, payload: &[u8]) -> Result<Value, String> {
        serde_json::from_slice(payload).map_err(|e| format!("not JSON: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PERSON: &str = r#"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
        "properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}},
        "required":["name"]}"#;

    #[test]
    fn values_are_checked_and_failures_named() {
        let s = JsonSchema::parse(PERSON, &[]).unwrap();
        assert_eq!(
            s.canonical(),
            r#"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}},"required":["name"]}"#
        );
        assert_eq!(
            s.encode(&json!({"name": "ann", "age": 3})).unwrap(),
            br#"{"name":"ann","age":3}"#
        );
        let e = s.encode(&json!({"age": -1})).unwrap_err();
        assert!(e.contains("\"name\" is a required property"), "{e}");
        assert!(e.contains("$.age: -1 is less than the minimum of 0"), "{e}");
        assert!(JsonSchema::parse(r#"{"type": 12}"#, &[]).is_err());
        assert!(JsonSchema::parse("[1]", &[]).is_err());
    }

    #[test]
    fn references_resolve_by_name() {
        let address = ResolvedReference {
            name: "address.json".into(),
            schema_type: super::super::types::SchemaType::Json,
            schema:
                r#"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#
                    .into(),
        };
        let text = r#"{"type":"object","properties":{"home":{"$ref":"address.json"}}}"#;
        let s = JsonSchema::parse(text, &[address]).unwrap();
        assert!(s.encode(&json!({"home": {"city": "Oslo"}})).is_ok());
        assert!(s.encode(&json!({"home": {}})).is_err());
    }
}
