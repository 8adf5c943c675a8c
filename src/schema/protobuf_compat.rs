//! Whether a Protobuf schema reads what another wrote, by Confluent's rules (its
//! `protobuf/diff` package): messages matched by name, fields by number, scalar types by wire
//! compatibility group, oneofs by the fields they hold. Only the differences Confluent counts
//! as incompatible are reported — removing a message, changing a field's kind, scalar group,
//! message type or numeric label, adding or removing a required field, removing a oneof
//! member, moving fields into a oneof — each with its path (`#/Order/3`) and Confluent's text.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use prost_reflect::{Cardinality, FieldDescriptor, FileDescriptor, Kind, MessageDescriptor};

/// The kinds of difference that make two versions incompatible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DifferenceType {
    PackageChanged,
    MessageRemoved,
    FieldKindChanged,
    FieldScalarKindChanged,
    FieldNamedTypeChanged,
    FieldNumericLabelChanged,
    RequiredFieldAdded,
    RequiredFieldRemoved,
    OneofFieldRemoved,
    MultipleFieldsMovedToOneof,
    FieldMovedToExistingOneof,
}

impl DifferenceType {
    fn name(self) -> &'static str {
        match self {
            DifferenceType::PackageChanged => "PACKAGE_CHANGED",
            DifferenceType::MessageRemoved => "MESSAGE_REMOVED",
            DifferenceType::FieldKindChanged => "FIELD_KIND_CHANGED",
            DifferenceType::FieldScalarKindChanged => "FIELD_SCALAR_KIND_CHANGED",
            DifferenceType::FieldNamedTypeChanged => "FIELD_NAMED_TYPE_CHANGED",
            DifferenceType::FieldNumericLabelChanged => "FIELD_NUMERIC_LABEL_CHANGED",
            DifferenceType::RequiredFieldAdded => "REQUIRED_FIELD_ADDED",
            DifferenceType::RequiredFieldRemoved => "REQUIRED_FIELD_REMOVED",
            DifferenceType::OneofFieldRemoved => "ONEOF_FIELD_REMOVED",
            DifferenceType::MultipleFieldsMovedToOneof => "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
            DifferenceType::FieldMovedToExistingOneof => "FIELD_MOVED_TO_EXISTING_ONEOF",
        }
    }
}

/// One incompatible difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: DifferenceType,
    pub path: String,
}

impl Difference {
    /// Confluent's rendering, `reader` / `writer` naming the two schemas.
    pub fn render(&self, reader: &str, writer: &str) -> String {
        let p = &self.path;
        let description = match self.kind {
            DifferenceType::PackageChanged => format!(
                "The package at '{p}' in the {reader} schema does not match the package in the {writer} schema"
            ),
            DifferenceType::MessageRemoved => format!(
                "The {reader} schema is missing a MESSAGE type at path '{p}' in the {writer} schema"
            ),
            DifferenceType::FieldKindChanged => format!(
                "The type of a field at path '{p}' in the {reader} schema does not match the {writer} schema"
            ),
            DifferenceType::FieldScalarKindChanged => format!(
                "The kind of a SCALAR field at path '{p}' in the {reader} schema does not match its kind in the {writer} schema"
            ),
            DifferenceType::FieldNamedTypeChanged => format!(
                "The type of a MESSAGE field at path '{p}' in the {reader} schema does not match its type in the {writer} schema"
            ),
            DifferenceType::FieldNumericLabelChanged => format!(
                "The label for a NUMERIC field at path '{p}' in the {reader} schema does not match its label in the {writer} schema"
            ),
            DifferenceType::RequiredFieldAdded => format!(
                "A required field  at path '{p}' in the {reader} schema is missing in the {writer} schema"
            ),
            DifferenceType::RequiredFieldRemoved => format!(
                "The {reader} schema is missing a required field at path: '{p}' in the {writer} schema"
            ),
            DifferenceType::OneofFieldRemoved => format!(
                "The {reader} schema is missing a oneof field at path '{p}' in the {writer} schema"
            ),
            DifferenceType::MultipleFieldsMovedToOneof => format!(
                "Multiple fields in the oneof at path '{p}' in the {reader} schema are outside a oneof in the {writer} schema"
            ),
            DifferenceType::FieldMovedToExistingOneof => format!(
                "A field in the oneof at path '{p}' in the {reader} schema is outside an existing oneof in the {writer} schema"
            ),
        };
        format!(
            "{{errorType:\"{}\", description:\"{description}\"}}",
            self.kind.name()
        )
    }
}

/// What keeps data written with `original` from being read with `update`.
pub fn compare(original: &FileDescriptor, update: &FileDescriptor) -> Vec<Difference> {
    let mut ctx = Context::default();
    if original.package_name() != update.package_name() {
        ctx.add(DifferenceType::PackageChanged);
    }
    ctx.compare_types(original.messages().collect(), update.messages().collect());
    ctx.found
}

#[derive(Default)]
struct Context {
    path: Vec<String>,
    found: Vec<Difference>,
    /// Message pairs under comparison (recursive types end here).
    visiting: HashSet<(String, String)>,
}

/// Which wire-compatible family a scalar belongs to.
#[derive(Debug, PartialEq, Eq)]
enum ScalarGroup {
    GeneralNumber,
    SignedNumber,
    StringOrBytes,
    Fixed32,
    Fixed64,
    Float,
    Double,
}

fn scalar_group(kind: &Kind) -> Option<ScalarGroup> {
    Some(match kind {
        Kind::Int32 | Kind::Int64 | Kind::Uint32 | Kind::Uint64 | Kind::Bool | Kind::Enum(_) => {
            ScalarGroup::GeneralNumber
        }
        Kind::Sint32 | Kind::Sint64 => ScalarGroup::SignedNumber,
        Kind::String | Kind::Bytes => ScalarGroup::StringOrBytes,
        Kind::Fixed32 | Kind::Sfixed32 => ScalarGroup::Fixed32,
        Kind::Fixed64 | Kind::Sfixed64 => ScalarGroup::Fixed64,
        Kind::Float => ScalarGroup::Float,
        Kind::Double => ScalarGroup::Double,
        Kind::Message(_) => return None,
    })
}

/// A field's label as `.proto` text states it: none for a proto3 field without one.
fn label(field: &FieldDescriptor) -> Option<Cardinality> {
    let proto = field.field_descriptor_proto();
    let proto3 = field.parent_file().file_descriptor_proto().syntax() == "proto3";
    match field.cardinality() {
        Cardinality::Optional if proto3 && !proto.proto3_optional() => None,
        c => Some(c),
    }
}

/// The oneof a field is really in (not proto3 `optional`'s synthetic one).
fn oneof_of(field: &FieldDescriptor) -> Option<String> {
    field
        .containing_oneof()
        .filter(|o| !o.is_synthetic())
        .map(|o| o.name().to_owned())
}

impl Context {
    fn add(&mut self, kind: DifferenceType) {
        self.found.push(Difference {
            kind,
            path: format!("#/{}", self.path.join("/")),
        });
    }

    fn at(&mut self, step: impl Into<String>, f: impl FnOnce(&mut Self)) {
        self.path.push(step.into());
        f(self);
        self.path.pop();
    }

    fn compare_types(&mut self, original: Vec<MessageDescriptor>, update: Vec<MessageDescriptor>) {
        let by_name = |messages: Vec<MessageDescriptor>| -> BTreeMap<String, MessageDescriptor> {
            messages
                .into_iter()
                .filter(|m| !m.is_map_entry())
                .map(|m| (m.name().to_owned(), m))
                .collect()
        };
        let (original, update) = (by_name(original), by_name(update));
        for (name, o) in &original {
            self.at(name.clone(), |c| match update.get(name) {
                None => c.add(DifferenceType::MessageRemoved),
                Some(u) => {
                    c.compare_message(o, u);
                    c.compare_types(o.child_messages().collect(), u.child_messages().collect());
                }
            });
        }
    }

    fn compare_message(&mut self, original: &MessageDescriptor, update: &MessageDescriptor) {
        let key = (
            original.full_name().to_owned(),
            update.full_name().to_owned(),
        );
        if !self.visiting.insert(key.clone()) {
            return;
        }
        let fields = |m: &MessageDescriptor| -> BTreeMap<u32, FieldDescriptor> {
            m.fields().map(|f| (f.number(), f)).collect()
        };
        let (original_fields, update_fields) = (fields(original), fields(update));
        let oneofs = |m: &MessageDescriptor| -> HashMap<String, Vec<u32>> {
            m.oneofs()
                .filter(|o| !o.is_synthetic())
                .map(|o| {
                    (
                        o.name().to_owned(),
                        o.fields().map(|f| f.number()).collect(),
                    )
                })
                .collect()
        };
        let (original_oneofs, update_oneofs) = (oneofs(original), oneofs(update));
        // A oneof removed with every member gone is a deletion Confluent accepts.
        let deleted_oneofs: HashSet<&String> = original_oneofs
            .iter()
            .filter(|(name, members)| {
                !update_oneofs.contains_key(*name)
                    && members.iter().all(|n| !update_fields.contains_key(n))
            })
            .map(|(name, _)| name)
            .collect();
        // Fields that were independent before and now exclude each other.
        for oneof in update.oneofs().filter(|o| !o.is_synthetic()) {
            let mut groups = BTreeSet::new();
            let mut moved_in = 0;
            for field in oneof.fields() {
                if let Some(o) = original_fields.get(&field.number()) {
                    match oneof_of(o) {
                        Some(name) => {
                            groups.insert(format!("oneof:{name}"));
                        }
                        None => {
                            groups.insert(format!("field:{}", field.number()));
                            moved_in += 1;
                        }
                    }
                }
            }
            if groups.len() > 1 {
                self.at(oneof.name(), |c| {
                    c.add(if moved_in > 1 {
                        DifferenceType::MultipleFieldsMovedToOneof
                    } else {
                        DifferenceType::FieldMovedToExistingOneof
                    })
                });
            }
        }
        let numbers: BTreeSet<u32> = original_fields
            .keys()
            .chain(update_fields.keys())
            .copied()
            .collect();
        for number in numbers {
            match (original_fields.get(&number), update_fields.get(&number)) {
                (Some(o), None) => match oneof_of(o) {
                    Some(name) if !deleted_oneofs.contains(&name) => self.at(name, |c| {
                        c.at(number.to_string(), |c| {
                            c.add(DifferenceType::OneofFieldRemoved)
                        })
                    }),
                    Some(_) => {}
                    None if o.cardinality() == Cardinality::Required => self
                        .at(number.to_string(), |c| {
                            c.add(DifferenceType::RequiredFieldRemoved)
                        }),
                    None => {}
                },
                (None, Some(u)) => {
                    if oneof_of(u).is_none() && u.cardinality() == Cardinality::Required {
                        self.at(number.to_string(), |c| {
                            c.add(DifferenceType::RequiredFieldAdded)
                        });
                    }
                }
                (Some(o), Some(u)) => match oneof_of(u) {
                    Some(name) => self.at(name, |c| {
                        c.at(number.to_string(), |c| c.compare_field(o, u))
                    }),
                    None => self.at(number.to_string(), |c| c.compare_field(o, u)),
                },
                (None, None) => {}
            }
        }
        self.visiting.remove(&key);
    }

    fn compare_field(&mut self, original: &FieldDescriptor, update: &FieldDescriptor) {
        if original.is_map() && update.is_map() {
            let (Kind::Message(o), Kind::Message(u)) = (original.kind(), update.kind()) else {
                return;
            };
            for (o, u) in [
                (o.map_entry_key_field(), u.map_entry_key_field()),
                (o.map_entry_value_field(), u.map_entry_value_field()),
            ] {
                self.compare_kinds(None, None, &o.kind(), &u.kind());
            }
            return;
        }
        if original.is_map() != update.is_map() {
            self.add(DifferenceType::FieldKindChanged);
            return;
        }
        self.compare_kinds(
            label(original),
            label(update),
            &original.kind(),
            &update.kind(),
        );
    }

    fn compare_kinds(
        &mut self,
        original_label: Option<Cardinality>,
        update_label: Option<Cardinality>,
        original: &Kind,
        update: &Kind,
    ) {
        match (scalar_group(original), scalar_group(update)) {
            (Some(o), Some(u)) if o != u => self.add(DifferenceType::FieldScalarKindChanged),
            (Some(o), Some(_)) => {
                if let (Some(ol), Some(ul)) = (original_label, update_label) {
                    if ol != ul && o != ScalarGroup::StringOrBytes {
                        self.add(DifferenceType::FieldNumericLabelChanged);
                    }
                }
            }
            (None, None) => {
                let (Kind::Message(o), Kind::Message(u)) = (original, update) else {
                    return;
                };
                let local = |m: &MessageDescriptor| {
                    let package = m.package_name();
                    m.full_name()
                        .strip_prefix(package)
                        .and_then(|n| n.strip_prefix('.'))
                        .unwrap_or(m.full_name())
                        .to_owned()
                };
                if local(o) != local(u) {
                    self.add(DifferenceType::FieldNamedTypeChanged);
                    return;
                }
                let before = self.found.len();
                let path = std::mem::take(&mut self.path);
                self.path = vec![local(o)];
                self.compare_message(o, u);
                self.path = path;
                if self.found.len() > before {
                    self.add(DifferenceType::FieldNamedTypeChanged);
                }
            }
            _ => self.add(DifferenceType::FieldKindChanged),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::protobuf::ProtobufSchema;
    use super::*;

    fn diff(original: &str, update: &str) -> Vec<String> {
        let (o, u) = (
            ProtobufSchema::parse(original, &[]).unwrap(),
            ProtobufSchema::parse(update, &[]).unwrap(),
        );
        compare(o.file(), u.file())
            .iter()
            .map(|d| d.render("new", "old"))
            .collect()
    }

    const V1: &str = "syntax = \"proto3\"; package shop; message Order { string id = 1; int32 qty = 2; Item item = 3; } message Item { string sku = 1; }";

    #[test]
    fn compatible_changes_pass() {
        // A field added, one renamed, one removed, a message added, string <-> bytes.
        let v2 = "syntax = \"proto3\"; package shop; message Order { bytes id = 1; int32 count = 2; Item item = 3; string note = 4; } message Item { string sku = 1; } message Extra {}";
        assert!(diff(V1, v2).is_empty(), "{:?}", diff(V1, v2));
        let v3 = "syntax = \"proto3\"; package shop; message Order { string id = 1; Item item = 3; } message Item { string sku = 1; }";
        assert!(diff(V1, v3).is_empty());
    }

    #[test]
    fn incompatible_changes_as_confluent_words_them() {
        let kind = "syntax = \"proto3\"; package shop; message Order { string id = 1; string qty = 2; Item item = 3; } message Item { string sku = 1; }";
        assert_eq!(
            diff(V1, kind),
            vec!["{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path '#/Order/2' in the new schema does not match its kind in the old schema\"}"]
        );
        let removed =
            "syntax = \"proto3\"; package shop; message Order { string id = 1; int32 qty = 2; }";
        let found = diff(V1, removed);
        assert!(
            found
                .iter()
                .any(|d| d.contains("MESSAGE_REMOVED") && d.contains("'#/Item'")),
            "{found:?}"
        );
        let package = V1.replace("package shop;", "package store;");
        assert!(diff(V1, &package)[0].contains("PACKAGE_CHANGED"));
        let nested = "syntax = \"proto3\"; package shop; message Order { string id = 1; int32 qty = 2; Item item = 3; } message Item { int64 sku = 1; }";
        let found = diff(V1, nested);
        assert!(
            found
                .iter()
                .any(|d| d.contains("FIELD_NAMED_TYPE_CHANGED") && d.contains("'#/Order/3'")),
            "{found:?}"
        );
        let oneof = "syntax = \"proto3\"; package shop; message Order { oneof x { string id = 1; int32 qty = 2; } Item item = 3; } message Item { string sku = 1; }";
        assert!(diff(V1, oneof)[0].contains("MULTIPLE_FIELDS_MOVED_TO_ONEOF"));
        let required = "syntax = \"proto2\"; message R { required string a = 1; }";
        let optional =
            "syntax = \"proto2\"; message R { optional string a = 1; required int32 b = 2; }";
        let found = diff(required, optional);
        assert!(
            found.iter().any(|d| d.contains("REQUIRED_FIELD_ADDED")),
            "{found:?}"
        );
    }
}
