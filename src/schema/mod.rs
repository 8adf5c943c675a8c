//! The schema registry: Confluent's model of subjects, versions and global schema ids, kept
//! in the compacted `_schemas` topic, and the codecs that read and write the values its
//! schemas describe.
//!
//! - `avro_codec` — Avro binary ↔ JSON, driven by a writer schema.
//! - `avro_compat` — whether one Avro schema reads another's data (Avro's resolution rules).

pub mod avro_codec;
pub mod avro_compat;
