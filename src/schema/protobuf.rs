//! Protobuf schemas: `.proto` text, or the base64 `FileDescriptorProto` confluent-kafka's
//! Python serializer registers, compiled in-process (protox, Google's well-known types
//! built in) with the schema's references as its imports.
//!
//! The canonical form is `.proto` text printed from the compiled descriptor (`proto_text`),
//! so a schema registered as text by one client and as a descriptor by another is one
//! schema. Values are read and written through the descriptor of the message the framing's
//! message indexes name; JSON uses the proto field names and keeps default values, so every
//! field shows, as Avro records do.

use std::collections::HashMap;

use base64::Engine;
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, FileDescriptor, MessageDescriptor};
use prost_types::FileDescriptorProto;
use protox::file::{File, FileResolver, GoogleFileResolver};

use super::parsed::ResolvedReference;
use super::proto_text;
use super::wire;

/// The name the schema's own file gets when its text does not come with one.
const MAIN_FILE: &str = "schema.proto";

/// A compiled `.proto` file and the pool holding it and its imports.
#[derive(Debug, Clone)]
pub struct ProtobufSchema {
    file: FileDescriptor,
}

/// The files a schema may import: its references by import name, then Google's.
struct Imports {
    files: HashMap<String, File>,
    google: GoogleFileResolver,
}

impl FileResolver for Imports {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        match self.files.get(name) {
            Some(file) => Ok(file.clone()),
            None => self.google.open_file(name),
        }
    }
}

/// `.proto` text, or else base64 of a serialized `FileDescriptorProto` (tried in that
/// order, as Confluent's registry does).
fn open(name: &str, input: &str) -> Result<File, String> {
    match File::from_source(name, input) {
        Ok(file) => Ok(file),
        Err(text_error) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(input.trim())
                .map_err(|_| text_error.to_string())?;
            let mut proto = FileDescriptorProto::decode(bytes.as_slice())
                .map_err(|_| text_error.to_string())?;
            if proto.name.as_deref().unwrap_or_default().is_empty() {
                proto.name = Some(name.to_owned());
            }
            Ok(File::from_file_descriptor_proto(proto))
        }
    }
}

impl ProtobufSchema {
    /// Compiles `input` with `references` (import name → schema text) available to import.
    pub fn parse(input: &str, references: &[ResolvedReference]) -> Result<ProtobufSchema, String> {
        let mut files = HashMap::new();
        for r in references {
            files.insert(r.name.clone(), open(&r.name, &r.schema)?);
        }
        let main = open(MAIN_FILE, input)?;
        let name = main.name().to_owned();
        files.insert(name.clone(), main);
        let mut compiler = protox::Compiler::with_file_resolver(Imports {
            files,
            google: GoogleFileResolver::new(),
        });
        compiler.include_source_info(false).include_imports(true);
        compiler.open_file(&name).map_err(|e| e.to_string())?;
        let pool: DescriptorPool = compiler.descriptor_pool();
        let file = pool
            .get_file_by_name(&name)
            .ok_or_else(|| format!("{name} did not compile"))?;
        Ok(ProtobufSchema { file })
    }

    pub fn file(&self) -> &FileDescriptor {
        &self.file
    }

    /// The `.proto` text stored and compared.
    pub fn canonical(&self) -> String {
        proto_text::print(self.file.file_descriptor_proto())
    }

    /// The serialized `FileDescriptorProto`, base64 (`GET /schemas/ids/{id}?format=serialized`).
    pub fn serialized(&self) -> String {
        let mut proto = self.file.file_descriptor_proto().clone();
        proto.source_code_info = None;
        base64::engine::general_purpose::STANDARD.encode(proto.encode_to_vec())
    }

    /// The message message indexes name: top-level messages, then nested ones.
    pub fn message_at(&self, indexes: &[i32]) -> Result<MessageDescriptor, String> {
        let mut indexes = indexes.iter();
        let first = indexes.next().copied().unwrap_or(0);
        let mut message = usize::try_from(first)
            .ok()
            .and_then(|i| self.file.messages().nth(i))
            .ok_or_else(|| format!("the schema has no message at index {first}"))?;
        for &i in indexes {
            message = usize::try_from(i)
                .ok()
                .and_then(|i| nested(&message).nth(i))
                .ok_or_else(|| {
                    format!("{} has no nested message at index {i}", message.full_name())
                })?;
        }
        Ok(message)
    }

    /// The indexes of a message by (full or short) name; the first message when `None`.
    pub fn indexes_of(&self, name: Option<&str>) -> Result<(Vec<i32>, MessageDescriptor), String> {
        let Some(name) = name else {
            let first = self
                .file
                .messages()
                .next()
                .ok_or("the schema defines no message")?;
            return Ok((vec![0], first));
        };
        fn search(
            messages: impl Iterator<Item = MessageDescriptor>,
            name: &str,
            path: &mut Vec<i32>,
        ) -> Option<MessageDescriptor> {
            for (i, m) in messages.enumerate() {
                path.push(i32::try_from(i).unwrap_or(i32::MAX));
                if m.full_name() == name || m.name() == name {
                    return Some(m);
                }
                if let Some(found) = search(nested(&m), name, path) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        let mut path = Vec::new();
        let found = search(self.file.messages(), name, &mut path)
            .ok_or_else(|| format!("the schema defines no message {name}"))?;
        Ok((path, found))
    }

    /// A framed payload (after the schema id): message indexes, then the message; as JSON.
    pub fn decode(&self, payload: &[u8]) -> Result<serde_json::Value, String> {
        let (indexes, body) = wire::read_message_indexes(payload)?;
        let message = self.message_at(&indexes)?;
        let decoded = DynamicMessage::decode(message.clone(), body)
            .map_err(|e| format!("not a valid {} message: {e}", message.full_name()))?;
        let options = prost_reflect::SerializeOptions::new()
            .use_proto_field_name(true)
            .stringify_64_bit_integers(false)
            .skip_default_fields(false);
        decoded
            .serialize_with_options(serde_json::value::Serializer, &options)
            .map_err(|e| e.to_string())
    }

    /// JSON encoded as `message` (the first message by default), with its message indexes
    /// in front, as the serializers write it after the schema id.
    pub fn encode(
        &self,
        value: &serde_json::Value,
        message: Option<&str>,
    ) -> Result<Vec<u8>, String> {
        let (indexes, descriptor) = self.indexes_of(message)?;
        let decoded = DynamicMessage::deserialize(descriptor.clone(), value)
            .map_err(|e| format!("{}: {e}", descriptor.full_name()))?;
        let mut out = Vec::new();
        wire::write_message_indexes(&mut out, &indexes);
        out.extend_from_slice(&decoded.encode_to_vec());
        Ok(out)
    }
}

/// A message's nested messages as message indexes count them: map entry types are not
/// messages of the schema (as in Confluent's Java serializers, which index `.proto` text).
fn nested(message: &MessageDescriptor) -> impl Iterator<Item = MessageDescriptor> + '_ {
    message.child_messages().filter(|m| !m.is_map_entry())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ORDER: &str = r#"
        syntax = "proto3";
        package shop;
        import "google/protobuf/timestamp.proto";
        message Order {
          string id = 1;
          repeated Item items = 2;
          map<string, string> tags = 3;
          google.protobuf.Timestamp at = 4;
          oneof payment { string card = 5; string iban = 6; }
          Status status = 7;
          message Item { string sku = 1; int64 qty = 2; }
        }
        enum Status { NEW = 0; PAID = 1; }
    "#;

    #[test]
    fn text_and_descriptor_inputs_canonicalise_alike() {
        let schema = ProtobufSchema::parse(ORDER, &[]).unwrap();
        let canonical = schema.canonical();
        assert!(
            canonical.contains("map<string, string> tags = 3;"),
            "{canonical}"
        );
        assert!(canonical.contains("oneof payment {"), "{canonical}");
        // The canonical text compiles to itself.
        assert_eq!(
            ProtobufSchema::parse(&canonical, &[]).unwrap().canonical(),
            canonical
        );
        // Python's serializer registers the descriptor, base64: the same schema.
        let from_descriptor = ProtobufSchema::parse(&schema.serialized(), &[]).unwrap();
        assert_eq!(from_descriptor.canonical(), canonical);
        assert!(ProtobufSchema::parse("message {", &[]).is_err());
    }

    #[test]
    fn values_round_trip_through_message_indexes() {
        let schema = ProtobufSchema::parse(ORDER, &[]).unwrap();
        let value = json!({"id": "o-1", "items": [{"sku": "a", "qty": 2}], "tags": {"k": "v"},
                           "card": "4111", "status": "PAID"});
        let encoded = schema.encode(&value, None).unwrap();
        assert_eq!(encoded[0], 0, "[0] is one zero byte");
        let decoded = schema.decode(&encoded).unwrap();
        assert_eq!(decoded["id"], "o-1");
        assert_eq!(decoded["items"][0]["qty"], 2);
        assert_eq!(decoded["status"], "PAID");
        assert_eq!(decoded["card"], "4111");
        let nested = schema
            .encode(&json!({"sku": "b"}), Some("shop.Order.Item"))
            .unwrap();
        assert_eq!(&nested[..3], &[4, 0, 0], "[0, 0]");
        assert_eq!(schema.decode(&nested).unwrap()["sku"], "b");
        let e = schema.encode(&json!({"idd": 1}), None).unwrap_err();
        assert!(e.contains("idd"), "{e}");
        assert!(schema.decode(&[2, 8, 0xff]).is_err());
    }
}
