//! The schema registry: Confluent's model of subjects, versions and global schema ids, kept
//! in the compacted `_schemas` topic, and the codecs that read and write the values its
//! schemas describe.
//!
//! - `types` — schema types, references, compatibility levels, modes.
//! - `records` — the `_schemas` topic's keys and values, as Confluent writes them.
//! - `state` — the subjects, versions, ids and settings those records add up to.
//! - `store` — reading and appending `_schemas` inside the broker.
//! - `registry` — the REST API's operations (reads there; `register`, `deletes`,
//!   `settings`) and their errors (`error`).
//! - `client` — the toolbox's calls to a registry (remote or in-process), and decoding
//!   framed values through it.
//! - `rest` — Confluent's REST routes over the registry, for HTTP and in-process callers.
//! - `wire` — the magic byte, schema id and message indexes framing serialized values.
//! - `parsed` — a schema text validated, canonicalised and compared, whatever its type.
//! - `protobuf` — Protobuf schemas compiled in-process, their values read and written;
//!   `proto_text` prints a descriptor back as `.proto` text; `protobuf_compat` compares two.
//! - `json_schema` — JSON Schema schemas and the values they accept; `json_compat` compares
//!   two.
//! - `avro_codec` — Avro binary ↔ JSON, driven by a writer schema.
//! - `avro_compat` — whether one Avro schema reads another's data (Avro's resolution rules).

pub mod avro_codec;
pub mod avro_compat;
pub mod client;
mod deletes;
pub mod error;
pub mod json_compat;
pub mod json_schema;
pub mod parsed;
pub mod proto_text;
pub mod protobuf;
pub mod protobuf_compat;
pub mod records;
mod register;
pub mod registry;
pub mod rest;
mod settings;
pub mod state;
pub mod store;
pub mod types;
pub mod wire;
