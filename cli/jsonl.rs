//! The JSON shape of a record, shared by `consume --format json|ndjson`, `topics export` and
//! `topics import`: topic, partition, offset, timestamp, key, value and headers, where byte
//! strings that are not UTF-8 become `{"base64": "..."}` so that nothing is lost and an
//! exported file imports back byte for byte.

use anyhow::Context;
use base64::Engine;
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use streamline::client::records::Record;

/// A byte string: text when it is UTF-8, otherwise base64 marked as such.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum JsonBytes {
    Text(String),
    Binary { base64: String },
}

impl JsonBytes {
    pub fn from_bytes(b: &[u8]) -> JsonBytes {
        match std::str::from_utf8(b) {
            Ok(s) => JsonBytes::Text(s.to_string()),
            Err(_) => JsonBytes::Binary {
                base64: base64::engine::general_purpose::STANDARD.encode(b),
            },
        }
    }

    pub fn into_bytes(self) -> anyhow::Result<Bytes> {
        match self {
            JsonBytes::Text(s) => Ok(Bytes::from(s)),
            JsonBytes::Binary { base64 } => base64::engine::general_purpose::STANDARD
                .decode(base64.as_bytes())
                .map(Bytes::from)
                .context("invalid base64"),
        }
    }
}

/// One header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonHeader {
    pub key: String,
    pub value: Option<JsonBytes>,
}

/// One record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub partition: i32,
    #[serde(default)]
    pub offset: i64,
    pub timestamp: i64,
    pub key: Option<JsonBytes>,
    pub value: Option<JsonBytes>,
    #[serde(default)]
    pub headers: Vec<JsonHeader>,
}

impl JsonRecord {
    /// The JSON form of a fetched record.
    pub fn from_record(topic: &str, partition: i32, r: &Record) -> JsonRecord {
        JsonRecord {
            topic: Some(topic.to_string()),
            partition,
            offset: r.offset,
            timestamp: r.timestamp,
            key: r.key.as_deref().map(JsonBytes::from_bytes),
            value: r.value.as_deref().map(JsonBytes::from_bytes),
            headers: r
                .headers
                .iter()
                .map(|(k, v)| JsonHeader {
                    key: k.to_string(),
                    value: v.as_deref().map(JsonBytes::from_bytes),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_losslessly() {
        for raw in [&b"hello"[..], &[0xff, 0x00, 0x80][..], &b""[..]] {
            let json = serde_json::to_string(&JsonBytes::from_bytes(raw)).unwrap();
            let back: JsonBytes = serde_json::from_str(&json).unwrap();
            assert_eq!(back.into_bytes().unwrap(), Bytes::copy_from_slice(raw));
        }
        assert_eq!(
            serde_json::to_string(&JsonBytes::from_bytes(&[0xff, 0x00])).unwrap(),
            r#"{"base64":"/wA="}"#
        );
    }

    #[test]
    fn a_record_line_parses_with_optional_fields_missing() {
        let line = r#"{"partition":2,"timestamp":5,"key":null,"value":"v"}"#;
        let r: JsonRecord = serde_json::from_str(line).unwrap();
        assert_eq!(r.partition, 2);
        assert!(r.headers.is_empty());
        assert_eq!(r.value, Some(JsonBytes::Text("v".into())));
    }
}
