//! `consume --format json|ndjson --json-values`: a record whose value (or key) is valid JSON
//! carries it as JSON — `jq .value.total` works — written exactly as stored, not re-encoded;
//! anything else stays a string (or `{"base64": …}`) as in the lossless form `topics export`
//! keeps.

use serde::Serialize;
use serde_json::value::RawValue;
use streamline::client::records::Record;

use crate::jsonl::{JsonBytes, JsonHeader};

/// A key or value: JSON as itself, anything else as [`JsonBytes`].
#[derive(Serialize)]
#[serde(untagged)]
enum Part<'a> {
    Json(&'a RawValue),
    Bytes(JsonBytes),
}

impl<'a> Part<'a> {
    fn of(bytes: &'a [u8]) -> Part<'a> {
        match serde_json::from_slice::<&RawValue>(bytes) {
            Ok(raw) => Part::Json(raw),
            Err(_) => Part::Bytes(JsonBytes::from_bytes(bytes)),
        }
    }
}

/// One record, in the field order of [`crate::jsonl::JsonRecord`].
#[derive(Serialize)]
pub struct JsonValuesRecord<'a> {
    topic: &'a str,
    partition: i32,
    offset: i64,
    timestamp: i64,
    key: Option<Part<'a>>,
    value: Option<Part<'a>>,
    headers: Vec<JsonHeader>,
}

impl<'a> JsonValuesRecord<'a> {
    pub fn new(topic: &'a str, partition: i32, r: &'a Record) -> JsonValuesRecord<'a> {
        JsonValuesRecord {
            topic,
            partition,
            offset: r.offset,
            timestamp: r.timestamp,
            key: r.key.as_deref().map(Part::of),
            value: r.value.as_deref().map(Part::of),
            headers: r
                .headers
                .iter()
                .map(|(k, v)| JsonHeader {
                    key: k.clone(),
                    value: v.as_deref().map(JsonBytes::from_bytes),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[test]
    fn json_stays_json_verbatim_and_the_rest_stays_strings() {
        let r = Record {
            offset: 3,
            timestamp: 9,
            key: Some(Bytes::from_static(b"customer-7")),
            value: Some(Bytes::from_static(br#"{"total": 12.50, "items":[1,2]}"#)),
            headers: vec![],
        };
        let line = serde_json::to_string(&JsonValuesRecord::new("orders", 1, &r)).expect("json");
        assert_eq!(
            line,
            r#"{"topic":"orders","partition":1,"offset":3,"timestamp":9,"key":"customer-7","value":{"total": 12.50, "items":[1,2]},"headers":[]}"#
        );
        let binary = Record {
            value: Some(Bytes::from_static(b"\xff\x00")),
            key: Some(Bytes::from_static(b"42")),
            ..r
        };
        let line = serde_json::to_string(&JsonValuesRecord::new("t", 0, &binary)).expect("json");
        assert!(line.contains(r#""key":42"#), "{line}");
        assert!(line.contains(r#""value":{"base64":"/wA="}"#), "{line}");
    }
}
