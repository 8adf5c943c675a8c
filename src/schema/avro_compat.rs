//! Whether a reader schema can read what a writer schema wrote: Avro's schema resolution
//! rules, checked the way Apache Avro's Java `SchemaCompatibility` checks them, so that the
//! registry refuses the same changes Confluent's does and reports them in its words.
//!
//! Every incompatibility found is reported (not only the first), each with its type, its
//! location as a JSON-pointer-like path (`/fields/2/type`), and the detail Avro gives it.
//! Logical types are compared by their underlying types, as Avro does. Recursive schemas
//! terminate: a (reader, writer) pair of named types already being compared is assumed to be
//! compatible, as in Avro.

use std::collections::{BTreeSet, HashMap, HashSet};

use apache_avro::schema::{DecimalSchema, InnerDecimalSchema, Name, RecordSchema, UuidSchema};
use apache_avro::Schema;

/// Avro's names for kinds of incompatibility (`SchemaIncompatibilityType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncompatibilityType {
    NameMismatch,
    FixedSizeMismatch,
    MissingEnumSymbols,
    ReaderFieldMissingDefaultValue,
    TypeMismatch,
    MissingUnionBranch,
}

impl IncompatibilityType {
    pub fn as_str(self) -> &'static str {
        match self {
            IncompatibilityType::NameMismatch => "NAME_MISMATCH",
            IncompatibilityType::FixedSizeMismatch => "FIXED_SIZE_MISMATCH",
            IncompatibilityType::MissingEnumSymbols => "MISSING_ENUM_SYMBOLS",
            IncompatibilityType::ReaderFieldMissingDefaultValue => {
                "READER_FIELD_MISSING_DEFAULT_VALUE"
            }
            IncompatibilityType::TypeMismatch => "TYPE_MISMATCH",
            IncompatibilityType::MissingUnionBranch => "MISSING_UNION_BRANCH",
        }
    }
}

/// One reason the reader cannot read the writer's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incompatibility {
    pub kind: IncompatibilityType,
    /// Where, from the root of the reader schema: `/fields/1/type/items`.
    pub location: String,
    /// Avro's detail: a field name, `expected: demo.User`, `reader type: INT not compatible
    /// with writer type: STRING`, …
    pub message: String,
}

impl Incompatibility {
    /// Confluent's rendering of one difference, with `reader` and `writer` naming the two
    /// schemas (`new` / `old` when a new version is read by old consumers, and so on).
    pub fn render(&self, reader: &str, writer: &str) -> String {
        let path = &self.location;
        let description = match self.kind {
            IncompatibilityType::FixedSizeMismatch => format!(
                "The size of FIXED type field at path '{path}' in the {reader} schema does not match with the {writer} schema"
            ),
            IncompatibilityType::TypeMismatch => format!(
                "The type (path '{path}') of a field in the {reader} schema does not match with the {writer} schema"
            ),
            IncompatibilityType::NameMismatch => {
                format!("The name of the schema has changed (path '{path}')")
            }
            IncompatibilityType::MissingEnumSymbols => format!(
                "The {reader} schema is missing enum symbols '{}' at path '{path}' in the {writer} schema",
                self.message
            ),
            IncompatibilityType::MissingUnionBranch => format!(
                "The {reader} schema is missing a type inside a union field at path '{path}' in the {writer} schema"
            ),
            IncompatibilityType::ReaderFieldMissingDefaultValue => format!(
                "The field '{}' at path '{path}' in the {reader} schema has no default value and is missing in the {writer} schema",
                self.message
            ),
        };
        format!(
            "{{errorType:'{}', description:'{description}', additionalInfo:'{}'}}",
            self.kind.as_str(),
            self.message
        )
    }
}

/// Everything that keeps `reader` from reading data written with `writer`; empty when it can.
/// `reader_names` and `writer_names` resolve the named types each schema refers to (its own
/// and its references'): the two may define the same name differently.
pub fn check(
    reader: &Schema,
    writer: &Schema,
    reader_names: &HashMap<Name, Schema>,
    writer_names: &HashMap<Name, Schema>,
) -> Vec<Incompatibility> {
    let mut checker = Checker {
        reader_names,
        writer_names,
        in_progress: HashSet::new(),
        location: Vec::new(),
        found: Vec::new(),
    };
    checker.compare(reader, writer);
    checker.found
}

/// The type Avro compares: logical types by their underlying type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Array,
    Map,
    Fixed,
    Enum,
    Record,
    Union,
}

impl Kind {
    /// As Java's `Schema.Type` prints in messages.
    fn java_name(self) -> &'static str {
        match self {
            Kind::Null => "NULL",
            Kind::Boolean => "BOOLEAN",
            Kind::Int => "INT",
            Kind::Long => "LONG",
            Kind::Float => "FLOAT",
            Kind::Double => "DOUBLE",
            Kind::Bytes => "BYTES",
            Kind::String => "STRING",
            Kind::Array => "ARRAY",
            Kind::Map => "MAP",
            Kind::Fixed => "FIXED",
            Kind::Enum => "ENUM",
            Kind::Record => "RECORD",
            Kind::Union => "UNION",
        }
    }
}

fn kind(schema: &Schema) -> Kind {
    match schema {
        Schema::Null => Kind::Null,
        Schema::Boolean => Kind::Boolean,
        Schema::Int | Schema::Date | Schema::TimeMillis => Kind::Int,
        Schema::Long
        | Schema::TimeMicros
        | Schema::TimestampMillis
        | Schema::TimestampMicros
        | Schema::TimestampNanos
        | Schema::LocalTimestampMillis
        | Schema::LocalTimestampMicros
        | Schema::LocalTimestampNanos => Kind::Long,
        Schema::Float => Kind::Float,
        Schema::Double => Kind::Double,
        Schema::Bytes
        | Schema::BigDecimal
        | Schema::Uuid(UuidSchema::Bytes)
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Bytes,
            ..
        }) => Kind::Bytes,
        Schema::String | Schema::Uuid(UuidSchema::String) => Kind::String,
        Schema::Array(_) => Kind::Array,
        Schema::Map(_) => Kind::Map,
        Schema::Fixed(_)
        | Schema::Duration(_)
        | Schema::Uuid(UuidSchema::Fixed(_))
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(_),
            ..
        }) => Kind::Fixed,
        Schema::Enum(_) => Kind::Enum,
        Schema::Record(_) => Kind::Record,
        Schema::Union(_) => Kind::Union,
        // Resolved before `kind` is asked; an unresolvable reference compares as a record.
        Schema::Ref { .. } => Kind::Record,
    }
}

/// A named type's full name and aliases, whatever variant carries it.
fn named(schema: &Schema) -> Option<(&Name, Vec<String>)> {
    let fixed_aliases = |aliases: &Option<Vec<apache_avro::schema::Alias>>| {
        aliases
            .iter()
            .flatten()
            .map(|a| a.fullname(None))
            .collect::<Vec<_>>()
    };
    match schema {
        Schema::Record(r) => Some((&r.name, fixed_aliases(&r.aliases))),
        Schema::Enum(e) => Some((&e.name, fixed_aliases(&e.aliases))),
        Schema::Fixed(f)
        | Schema::Duration(f)
        | Schema::Uuid(UuidSchema::Fixed(f))
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(f),
            ..
        }) => Some((&f.name, fixed_aliases(&f.aliases))),
        _ => None,
    }
}

fn fixed_size(schema: &Schema) -> Option<usize> {
    match schema {
        Schema::Fixed(f)
        | Schema::Duration(f)
        | Schema::Uuid(UuidSchema::Fixed(f))
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(f),
            ..
        }) => Some(f.size),
        _ => None,
    }
}

struct Checker<'a> {
    reader_names: &'a HashMap<Name, Schema>,
    writer_names: &'a HashMap<Name, Schema>,
    /// Pairs of named types under comparison, by full name: recursion stops at them.
    in_progress: HashSet<(String, String)>,
    location: Vec<String>,
    found: Vec<Incompatibility>,
}

impl<'a> Checker<'a> {
    fn resolve_in(names: &'a HashMap<Name, Schema>, schema: &'a Schema) -> &'a Schema {
        match schema {
            Schema::Ref { name } => names.get(name).unwrap_or(schema),
            other => other,
        }
    }

    fn reader(&self, schema: &'a Schema) -> &'a Schema {
        Self::resolve_in(self.reader_names, schema)
    }

    fn writer(&self, schema: &'a Schema) -> &'a Schema {
        Self::resolve_in(self.writer_names, schema)
    }

    fn report(&mut self, kind: IncompatibilityType, message: String) {
        self.found.push(Incompatibility {
            kind,
            location: format!("/{}", self.location.join("/")),
            message,
        });
    }

    /// Whether `reader` reads `writer`, without recording anything (for union branches).
    fn compatible(&self, reader: &'a Schema, writer: &'a Schema) -> bool {
        let mut probe = Checker {
            reader_names: self.reader_names,
            writer_names: self.writer_names,
            in_progress: self.in_progress.clone(),
            location: Vec::new(),
            found: Vec::new(),
        };
        probe.compare(reader, writer);
        probe.found.is_empty()
    }

    fn compare(&mut self, reader: &'a Schema, writer: &'a Schema) {
        let (reader, writer) = (self.reader(reader), self.writer(writer));
        let pair = match (named(reader), named(writer)) {
            (Some((r, _)), Some((w, _))) => Some((r.fullname(None), w.fullname(None))),
            _ => None,
        };
        if let Some(pair) = &pair {
            if !self.in_progress.insert(pair.clone()) {
                return;
            }
        }
        self.compare_resolved(reader, writer);
        if let Some(pair) = pair {
            self.in_progress.remove(&pair);
        }
    }

    fn compare_resolved(&mut self, reader: &'a Schema, writer: &'a Schema) {
        let (rk, wk) = (kind(reader), kind(writer));
        if rk == wk {
            match (reader, writer) {
                (Schema::Array(r), Schema::Array(w)) => {
                    self.at("items", |c| c.compare(&r.items, &w.items))
                }
                (Schema::Map(r), Schema::Map(w)) => {
                    self.at("values", |c| c.compare(&r.types, &w.types))
                }
                (Schema::Enum(r), Schema::Enum(w)) => {
                    self.check_names(reader, writer);
                    if r.default.is_none() {
                        let missing: BTreeSet<&String> = w
                            .symbols
                            .iter()
                            .filter(|s| !r.symbols.contains(s))
                            .collect();
                        if !missing.is_empty() {
                            let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
                            self.at("symbols", |c| {
                                c.report(
                                    IncompatibilityType::MissingEnumSymbols,
                                    format!("[{}]", list.join(", ")),
                                )
                            });
                        }
                    }
                }
                (Schema::Record(r), Schema::Record(w)) => {
                    self.check_names(reader, writer);
                    self.check_fields(r, w);
                }
                (Schema::Union(r), Schema::Union(w)) => {
                    // Every branch the writer may have used must be readable.
                    for (i, branch) in w.variants().iter().enumerate() {
                        self.at(&i.to_string(), |c| {
                            if !c.compatible(reader, branch) {
                                let message = format!(
                                    "reader union lacking writer type: {}",
                                    kind(c.writer(branch)).java_name()
                                );
                                c.report(IncompatibilityType::MissingUnionBranch, message);
                            }
                        });
                    }
                    let _ = r;
                }
                _ if rk == Kind::Fixed => {
                    self.check_names(reader, writer);
                    let (rs, ws) = (fixed_size(reader), fixed_size(writer));
                    if rs != ws {
                        self.at("size", |c| {
                            c.report(
                                IncompatibilityType::FixedSizeMismatch,
                                format!(
                                    "expected: {}, found: {}",
                                    ws.unwrap_or(0),
                                    rs.unwrap_or(0)
                                ),
                            )
                        });
                    }
                }
                _ => {}
            }
            return;
        }
        // A writer union: every branch must be readable by the (non-union) reader.
        if let Schema::Union(w) = writer {
            for branch in w.variants() {
                self.compare(reader, branch);
            }
            return;
        }
        let promotable = matches!(
            (rk, wk),
            (Kind::Long, Kind::Int)
                | (Kind::Float, Kind::Int | Kind::Long)
                | (Kind::Double, Kind::Int | Kind::Long | Kind::Float)
                | (Kind::Bytes, Kind::String)
                | (Kind::String, Kind::Bytes)
        );
        if promotable {
            return;
        }
        if let Schema::Union(r) = reader {
            if r.variants().iter().any(|b| self.compatible(b, writer)) {
                return;
            }
            self.report(
                IncompatibilityType::MissingUnionBranch,
                format!("reader union lacking writer type: {}", wk.java_name()),
            );
            return;
        }
        self.report(
            IncompatibilityType::TypeMismatch,
            format!(
                "reader type: {} not compatible with writer type: {}",
                rk.java_name(),
                wk.java_name()
            ),
        );
    }

    fn check_names(&mut self, reader: &Schema, writer: &Schema) {
        if let (Some((r, aliases)), Some((w, _))) = (named(reader), named(writer)) {
            let (r, w) = (r.fullname(None), w.fullname(None));
            if r != w && !aliases.contains(&w) {
                self.at("name", |c| {
                    c.report(IncompatibilityType::NameMismatch, format!("expected: {w}"))
                });
            }
        }
    }

    fn check_fields(&mut self, reader: &'a RecordSchema, writer: &'a RecordSchema) {
        self.location.push("fields".into());
        for (i, field) in reader.fields.iter().enumerate() {
            self.location.push(i.to_string());
            let written = writer
                .fields
                .iter()
                .find(|w| w.name == field.name)
                .or_else(|| {
                    writer
                        .fields
                        .iter()
                        .find(|w| field.aliases.contains(&w.name))
                });
            match written {
                Some(w) => self.at("type", |c| c.compare(&field.schema, &w.schema)),
                None if field.default.is_some() => {}
                None => {
                    // An enum with a default symbol can stand in for a missing field.
                    let enum_default = matches!(
                        self.reader(&field.schema),
                        Schema::Enum(e) if e.default.is_some()
                    );
                    if !enum_default {
                        self.report(
                            IncompatibilityType::ReaderFieldMissingDefaultValue,
                            field.name.clone(),
                        );
                    }
                }
            }
            self.location.pop();
        }
        self.location.pop();
    }

    fn at(&mut self, step: &str, f: impl FnOnce(&mut Self)) {
        self.location.push(step.to_string());
        f(self);
        self.location.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(reader: &str, writer: &str) -> Vec<String> {
        let (r, w) = (
            Schema::parse_str(reader).unwrap(),
            Schema::parse_str(writer).unwrap(),
        );
        check(&r, &w, &HashMap::new(), &HashMap::new())
            .iter()
            .map(|i| i.render("new", "old"))
            .collect()
    }

    const V1: &str =
        r#"{"type":"record","name":"User","fields":[{"name":"name","type":"string"}]}"#;

    #[test]
    fn a_new_field_needs_a_default_as_confluent_words_it() {
        let v2 = r#"{"type":"record","name":"User","fields":[{"name":"name","type":"string"},{"name":"age","type":"int"}]}"#;
        assert_eq!(
            diff(v2, V1),
            vec!["{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'age' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'age'}"]
        );
        let v2 = r#"{"type":"record","name":"User","fields":[{"name":"name","type":"string"},{"name":"age","type":"int","default":0}]}"#;
        assert!(diff(v2, V1).is_empty());
        // Removing a field is fine for a reader.
        assert!(diff(V1, v2).is_empty());
    }

    #[test]
    fn type_changes_promotions_and_unions() {
        let long = r#"{"type":"record","name":"User","fields":[{"name":"name","type":"long"}]}"#;
        assert_eq!(
            diff(long, V1),
            vec!["{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema does not match with the old schema', additionalInfo:'reader type: LONG not compatible with writer type: STRING'}"]
        );
        assert!(diff(r#""long""#, r#""int""#).is_empty());
        assert!(diff(r#""double""#, r#""float""#).is_empty());
        assert_eq!(diff(r#""int""#, r#""long""#).len(), 1);
        assert!(diff(r#"["null","string"]"#, r#""string""#).is_empty());
        let missing = diff(r#""string""#, r#"["null","string"]"#);
        assert_eq!(missing.len(), 1);
        assert!(missing[0].contains("TYPE_MISMATCH"), "{missing:?}");
        let union = diff(r#"["null","string"]"#, r#"["null","string","int"]"#);
        assert_eq!(
            union,
            vec!["{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a union field at path '/2' in the old schema', additionalInfo:'reader union lacking writer type: INT'}"]
        );
    }

    #[test]
    fn enums_fixed_names_and_recursion() {
        let e = |symbols: &str, default: &str| {
            format!(r#"{{"type":"enum","name":"E","symbols":[{symbols}]{default}}}"#)
        };
        let found = diff(&e(r#""A""#, ""), &e(r#""A","B","C""#, ""));
        assert!(
            found[0].contains("MISSING_ENUM_SYMBOLS") && found[0].contains("'[B, C]'"),
            "{found:?}"
        );
        assert!(diff(&e(r#""A""#, r#","default":"A""#), &e(r#""A","B""#, "")).is_empty());
        let f = |n: &str, size: u32| format!(r#"{{"type":"fixed","name":"{n}","size":{size}}}"#);
        assert!(diff(&f("F", 4), &f("F", 8))[0].contains("'expected: 8, found: 4'"));
        assert!(diff(&f("G", 4), &f("F", 4))[0].contains("NAME_MISMATCH"));
        let aliased = r#"{"type":"fixed","name":"G","aliases":["F"],"size":4}"#;
        assert!(diff(aliased, &f("F", 4)).is_empty());
        let list =
            r#"{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}"#;
        assert!(diff(list, list).is_empty());
    }
}
