//! Avro's binary encoding, driven by a writer schema, to and from JSON.
//!
//! JSON is Avro's own JSON encoding, as Confluent's console tools, kcat and rpk print it: a
//! union's value is wrapped in an object naming its branch (`{"string": "x"}`), except
//! `null`; `bytes` and `fixed` are strings whose characters are the bytes (U+0000–U+00FF).
//! Input is more forgiving than output, so that hand-written lines work: a union value may
//! be given bare when exactly one branch takes it, a missing field takes its default, and a
//! decimal may be a number or a numeric string (and is printed as a string, `"12.50"`).
//!
//! Decoding reads untrusted bytes: every length is checked against what is left, item counts
//! are bounded, nesting is bounded, and a value must use the whole payload.

use std::collections::HashMap;

use apache_avro::schema::{DecimalSchema, InnerDecimalSchema, Name, RecordSchema, UuidSchema};
use apache_avro::Schema;
use serde_json::{Map, Number, Value};

/// Nesting deeper than this (records in records, arrays in arrays) is refused: recursive
/// schemas would otherwise let a payload or an input line exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Items an array or map may hold in one decoded value, whatever their size: a block of
/// zero-byte items (nulls) costs nothing to send.
const MAX_ITEMS: u64 = 10_000_000;

/// An input value the schema does not take, or a payload that does not decode, with the
/// path of the field where it went wrong (`$.address.zip`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct AvroError {
    pub path: String,
    pub message: String,
}

/// A parsed Avro schema with every named type it and its references define.
#[derive(Debug, Clone)]
pub struct AvroCodec {
    root: Schema,
    names: HashMap<Name, Schema>,
}

impl AvroCodec {
    /// `references` are the parsed schemas the root refers to by name.
    pub fn new(root: Schema, references: &[Schema]) -> AvroCodec {
        let mut names = HashMap::new();
        for schema in references.iter().chain(std::iter::once(&root)) {
            collect_names(schema, &mut names);
        }
        AvroCodec { root, names }
    }

    pub fn schema(&self) -> &Schema {
        &self.root
    }

    /// Every named type the schema and its references define.
    pub fn names(&self) -> &HashMap<Name, Schema> {
        &self.names
    }

    /// Encodes one JSON value as Avro binary, appending to `out`.
    pub fn encode(&self, value: &Value, out: &mut Vec<u8>) -> Result<(), AvroError> {
        let mut path = Path::default();
        self.encode_at(&self.root, value, out, &mut path)
    }

    /// Decodes one value that must fill `bytes` exactly.
    pub fn decode(&self, bytes: &[u8]) -> Result<Value, AvroError> {
        let mut input = Input { bytes, pos: 0 };
        let mut path = Path::default();
        let value = self.decode_at(&self.root, &mut input, &mut path)?;
        if input.pos != bytes.len() {
            return Err(path.error(format!(
                "{} bytes left over after the value",
                bytes.len() - input.pos
            )));
        }
        Ok(value)
    }

    fn resolve<'a>(&'a self, schema: &'a Schema, path: &Path) -> Result<&'a Schema, AvroError> {
        match schema {
            Schema::Ref { name } => self
                .names
                .get(name)
                .ok_or_else(|| path.error(format!("unknown type {}", name.fullname(None)))),
            other => Ok(other),
        }
    }

    fn encode_at(
        &self,
        schema: &Schema,
        value: &Value,
        out: &mut Vec<u8>,
        path: &mut Path,
    ) -> Result<(), AvroError> {
        if path.depth() > MAX_DEPTH {
            return Err(path.error("nested too deeply".into()));
        }
        let schema = self.resolve(schema, path)?;
        let mismatch = || {
            path.error(format!(
                "expected {}, got {}",
                describe(schema),
                kind(value)
            ))
        };
        match schema {
            Schema::Null => value.is_null().then_some(()).ok_or_else(mismatch),
            Schema::Boolean => {
                let b = value.as_bool().ok_or_else(mismatch)?;
                out.push(u8::from(b));
                Ok(())
            }
            Schema::Int | Schema::Date | Schema::TimeMillis => {
                let n = value.as_i64().ok_or_else(mismatch)?;
                let n = i32::try_from(n)
                    .map_err(|_| path.error(format!("{n} is out of int's range")))?;
                write_long(out, i64::from(n));
                Ok(())
            }
            Schema::Long
            | Schema::TimeMicros
            | Schema::TimestampMillis
            | Schema::TimestampMicros
            | Schema::TimestampNanos
            | Schema::LocalTimestampMillis
            | Schema::LocalTimestampMicros
            | Schema::LocalTimestampNanos => {
                let n = value.as_i64().ok_or_else(mismatch)?;
                write_long(out, n);
                Ok(())
            }
            Schema::Float => {
                let f = number(value).ok_or_else(mismatch)?;
                out.extend_from_slice(&(f as f32).to_le_bytes());
                Ok(())
            }
            Schema::Double => {
                let f = number(value).ok_or_else(mismatch)?;
                out.extend_from_slice(&f.to_le_bytes());
                Ok(())
            }
            Schema::String | Schema::Uuid(UuidSchema::String) => {
                let s = value.as_str().ok_or_else(mismatch)?;
                write_bytes(out, s.as_bytes());
                Ok(())
            }
            Schema::Bytes | Schema::Uuid(UuidSchema::Bytes) | Schema::BigDecimal => {
                let s = value.as_str().ok_or_else(mismatch)?;
                write_bytes(out, &latin1(s, path)?);
                Ok(())
            }
            Schema::Fixed(fixed)
            | Schema::Uuid(UuidSchema::Fixed(fixed))
            | Schema::Duration(fixed) => {
                let s = value.as_str().ok_or_else(mismatch)?;
                let bytes = latin1(s, path)?;
                if bytes.len() != fixed.size {
                    return Err(path.error(format!(
                        "{} takes exactly {} bytes, got {}",
                        fixed.name.fullname(None),
                        fixed.size,
                        bytes.len()
                    )));
                }
                out.extend_from_slice(&bytes);
                Ok(())
            }
            Schema::Decimal(decimal) => self.encode_decimal(decimal, value, out, path),
            Schema::Enum(e) => {
                let s = value.as_str().ok_or_else(mismatch)?;
                let index = e.symbols.iter().position(|x| x == s).ok_or_else(|| {
                    path.error(format!(
                        "{s:?} is not a symbol of {} ({})",
                        e.name.fullname(None),
                        e.symbols.join(", ")
                    ))
                })?;
                write_long(out, index as i64);
                Ok(())
            }
            Schema::Array(array) => {
                let items = value.as_array().ok_or_else(mismatch)?;
                if !items.is_empty() {
                    write_long(out, items.len() as i64);
                    for (i, item) in items.iter().enumerate() {
                        path.push(format!("[{i}]"));
                        self.encode_at(&array.items, item, out, path)?;
                        path.pop();
                    }
                }
                write_long(out, 0);
                Ok(())
            }
            Schema::Map(map) => {
                let entries = value.as_object().ok_or_else(mismatch)?;
                if !entries.is_empty() {
                    write_long(out, entries.len() as i64);
                    for (k, v) in entries {
                        write_bytes(out, k.as_bytes());
                        path.push(format!("[{k:?}]"));
                        self.encode_at(&map.types, v, out, path)?;
                        path.pop();
                    }
                }
                write_long(out, 0);
                Ok(())
            }
            Schema::Record(record) => self.encode_record(record, value, out, path),
            Schema::Union(union) => {
                let variants = union.variants();
                if value.is_null() {
                    if let Some(i) = variants.iter().position(|v| matches!(v, Schema::Null)) {
                        write_long(out, i as i64);
                        return Ok(());
                    }
                }
                // Avro's JSON encoding: {"branch": value}.
                if let Some((branch, inner)) = value
                    .as_object()
                    .filter(|o| o.len() == 1)
                    .and_then(|o| o.iter().next())
                {
                    if let Some((i, variant)) = variants.iter().enumerate().find(|(_, v)| {
                        self.branch_name(v) == *branch || short_name(&self.branch_name(v)) == branch
                    }) {
                        write_long(out, i as i64);
                        return self.encode_at(variant, inner, out, path);
                    }
                }
                // A bare value: the first branch that takes it.
                let mut errors = Vec::new();
                for (i, variant) in variants.iter().enumerate() {
                    let mut trial = Vec::new();
                    write_long(&mut trial, i as i64);
                    match self.encode_at(variant, value, &mut trial, path) {
                        Ok(()) => {
                            out.extend_from_slice(&trial);
                            return Ok(());
                        }
                        Err(e) => errors.push((variant, e)),
                    }
                }
                // An optional field (null and one type): that type's complaint says it best.
                let mut non_null = errors.iter().filter(|(v, _)| !matches!(v, Schema::Null));
                if let (Some((_, only)), None) = (non_null.next(), non_null.next()) {
                    return Err(only.clone());
                }
                let names: Vec<String> = variants.iter().map(|v| self.branch_name(v)).collect();
                Err(path.error(format!(
                    "{} fits no branch of the union [{}]",
                    kind(value),
                    names.join(", ")
                )))
            }
            Schema::Ref { .. } => Err(path.error("unresolved type reference".into())),
        }
    }

    fn encode_record(
        &self,
        record: &RecordSchema,
        value: &Value,
        out: &mut Vec<u8>,
        path: &mut Path,
    ) -> Result<(), AvroError> {
        let object = value.as_object().ok_or_else(|| {
            path.error(format!(
                "expected record {}, got {}",
                record.name.fullname(None),
                kind(value)
            ))
        })?;
        if let Some(unknown) = object
            .keys()
            .find(|k| !record.lookup.contains_key(k.as_str()))
        {
            let known: Vec<&str> = record.fields.iter().map(|f| f.name.as_str()).collect();
            return Err(path.error(format!(
                "{} has no field {unknown:?} (fields: {})",
                record.name.fullname(None),
                known.join(", ")
            )));
        }
        for field in &record.fields {
            path.push(format!(".{}", field.name));
            match (object.get(&field.name), &field.default) {
                (Some(v), _) => self.encode_at(&field.schema, v, out, path)?,
                (None, Some(default)) => self.encode_default(&field.schema, default, out, path)?,
                (None, None) => {
                    return Err(path.error("missing, and the field has no default".into()));
                }
            }
            path.pop();
        }
        Ok(())
    }

    /// A field default is given for a union's first branch, unwrapped.
    fn encode_default(
        &self,
        schema: &Schema,
        default: &Value,
        out: &mut Vec<u8>,
        path: &mut Path,
    ) -> Result<(), AvroError> {
        match self.resolve(schema, path)? {
            // Defaults are in Avro's JSON encoding: a decimal's is its raw bytes.
            Schema::Decimal(decimal) => {
                let raw = default.as_str().ok_or_else(|| {
                    path.error("a decimal default must be a string of bytes".into())
                })?;
                write_decimal_bytes(decimal, &latin1(raw, path)?, out, path)
            }
            Schema::Union(union) => {
                let first = union
                    .variants()
                    .first()
                    .ok_or_else(|| path.error("empty union".into()))?;
                write_long(out, 0);
                self.encode_default(first, default, out, path)
            }
            other => self.encode_at(other, default, out, path),
        }
    }

    fn encode_decimal(
        &self,
        decimal: &DecimalSchema,
        value: &Value,
        out: &mut Vec<u8>,
        path: &Path,
    ) -> Result<(), AvroError> {
        let text = match value {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            other => return Err(path.error(format!("expected a decimal, got {}", kind(other)))),
        };
        let unscaled = parse_decimal(&text, decimal.scale).ok_or_else(|| {
            path.error(format!(
                "{text:?} is not a decimal with at most {} digits after the point",
                decimal.scale
            ))
        })?;
        let digits = unscaled.unsigned_abs().to_string().len();
        if unscaled != 0 && digits > decimal.precision {
            return Err(path.error(format!(
                "{text} has more than {} significant digits",
                decimal.precision
            )));
        }
        write_decimal_bytes(decimal, &twos_complement(unscaled), out, path)
    }

    fn decode_at(
        &self,
        schema: &Schema,
        input: &mut Input,
        path: &mut Path,
    ) -> Result<Value, AvroError> {
        if path.depth() > MAX_DEPTH {
            return Err(path.error("nested too deeply".into()));
        }
        let schema = self.resolve(schema, path)?;
        Ok(match schema {
            Schema::Null => Value::Null,
            Schema::Boolean => match input.byte(path)? {
                0 => Value::Bool(false),
                1 => Value::Bool(true),
                b => return Err(path.error(format!("invalid boolean byte {b}"))),
            },
            Schema::Int | Schema::Date | Schema::TimeMillis => {
                let n = input.long(path)?;
                let n = i32::try_from(n)
                    .map_err(|_| path.error(format!("{n} is out of int's range")))?;
                Value::from(n)
            }
            Schema::Long
            | Schema::TimeMicros
            | Schema::TimestampMillis
            | Schema::TimestampMicros
            | Schema::TimestampNanos
            | Schema::LocalTimestampMillis
            | Schema::LocalTimestampMicros
            | Schema::LocalTimestampNanos => Value::from(input.long(path)?),
            Schema::Float => float_value(f64::from(f32::from_le_bytes(input.array(path)?))),
            Schema::Double => float_value(f64::from_le_bytes(input.array(path)?)),
            Schema::String | Schema::Uuid(UuidSchema::String) => {
                let b = input.length_prefixed(path)?;
                Value::String(
                    std::str::from_utf8(b)
                        .map_err(|_| path.error("a string that is not UTF-8".into()))?
                        .to_owned(),
                )
            }
            Schema::Bytes | Schema::Uuid(UuidSchema::Bytes) | Schema::BigDecimal => {
                Value::String(from_latin1(input.length_prefixed(path)?))
            }
            Schema::Fixed(fixed)
            | Schema::Uuid(UuidSchema::Fixed(fixed))
            | Schema::Duration(fixed) => Value::String(from_latin1(input.take(fixed.size, path)?)),
            Schema::Decimal(decimal) => {
                let bytes = match &decimal.inner {
                    InnerDecimalSchema::Bytes => input.length_prefixed(path)?,
                    InnerDecimalSchema::Fixed(fixed) => input.take(fixed.size, path)?,
                };
                Value::String(format_decimal(bytes, decimal.scale, path)?)
            }
            Schema::Enum(e) => {
                let i = input.long(path)?;
                let symbol = usize::try_from(i)
                    .ok()
                    .and_then(|i| e.symbols.get(i))
                    .ok_or_else(|| {
                        path.error(format!(
                            "enum index {i} out of range for {}",
                            e.name.fullname(None)
                        ))
                    })?;
                Value::String(symbol.clone())
            }
            Schema::Array(array) => {
                let mut items = Vec::new();
                let mut seen = 0u64;
                while let Some(count) = input.block(path, &mut seen)? {
                    for _ in 0..count {
                        path.push(format!("[{}]", items.len()));
                        items.push(self.decode_at(&array.items, input, path)?);
                        path.pop();
                    }
                }
                Value::Array(items)
            }
            Schema::Map(map) => {
                let mut entries = Map::new();
                let mut seen = 0u64;
                while let Some(count) = input.block(path, &mut seen)? {
                    for _ in 0..count {
                        let key = std::str::from_utf8(input.length_prefixed(path)?)
                            .map_err(|_| path.error("a map key that is not UTF-8".into()))?
                            .to_owned();
                        path.push(format!("[{key:?}]"));
                        let v = self.decode_at(&map.types, input, path)?;
                        path.pop();
                        entries.insert(key, v);
                    }
                }
                Value::Object(entries)
            }
            Schema::Record(record) => {
                let mut fields = Map::new();
                for field in &record.fields {
                    path.push(format!(".{}", field.name));
                    let v = self.decode_at(&field.schema, input, path)?;
                    path.pop();
                    fields.insert(field.name.clone(), v);
                }
                Value::Object(fields)
            }
            Schema::Union(union) => {
                let i = input.long(path)?;
                let variant = usize::try_from(i)
                    .ok()
                    .and_then(|i| union.variants().get(i))
                    .ok_or_else(|| path.error(format!("union branch {i} out of range")))?;
                let value = self.decode_at(variant, input, path)?;
                if matches!(variant, Schema::Null) {
                    Value::Null
                } else {
                    let mut wrapped = Map::new();
                    wrapped.insert(self.branch_name(variant), value);
                    Value::Object(wrapped)
                }
            }
            Schema::Ref { .. } => return Err(path.error("unresolved type reference".into())),
        })
    }

    /// The name Avro's JSON encoding gives a union branch: a named type's full name, else
    /// its (underlying) type name.
    fn branch_name(&self, schema: &Schema) -> String {
        match schema {
            Schema::Ref { name } => name.fullname(None),
            Schema::Record(r) => r.name.fullname(None),
            Schema::Enum(e) => e.name.fullname(None),
            Schema::Fixed(f) | Schema::Duration(f) | Schema::Uuid(UuidSchema::Fixed(f)) => {
                f.name.fullname(None)
            }
            Schema::Decimal(DecimalSchema {
                inner: InnerDecimalSchema::Fixed(f),
                ..
            }) => f.name.fullname(None),
            Schema::Decimal(_)
            | Schema::Bytes
            | Schema::BigDecimal
            | Schema::Uuid(UuidSchema::Bytes) => "bytes".into(),
            Schema::Null => "null".into(),
            Schema::Boolean => "boolean".into(),
            Schema::Int | Schema::Date | Schema::TimeMillis => "int".into(),
            Schema::Long
            | Schema::TimeMicros
            | Schema::TimestampMillis
            | Schema::TimestampMicros
            | Schema::TimestampNanos
            | Schema::LocalTimestampMillis
            | Schema::LocalTimestampMicros
            | Schema::LocalTimestampNanos => "long".into(),
            Schema::Float => "float".into(),
            Schema::Double => "double".into(),
            Schema::String | Schema::Uuid(UuidSchema::String) => "string".into(),
            Schema::Array(_) => "array".into(),
            Schema::Map(_) => "map".into(),
            Schema::Union(_) => "union".into(),
        }
    }
}

fn collect_names(schema: &Schema, names: &mut HashMap<Name, Schema>) {
    match schema {
        Schema::Record(r) => {
            names.insert(r.name.clone(), schema.clone());
            for f in &r.fields {
                collect_names(&f.schema, names);
            }
        }
        Schema::Enum(e) => {
            names.insert(e.name.clone(), schema.clone());
        }
        Schema::Fixed(f) | Schema::Duration(f) | Schema::Uuid(UuidSchema::Fixed(f)) => {
            names.insert(f.name.clone(), schema.clone());
        }
        Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(f),
            ..
        }) => {
            names.insert(f.name.clone(), schema.clone());
        }
        Schema::Array(a) => collect_names(&a.items, names),
        Schema::Map(m) => collect_names(&m.types, names),
        Schema::Union(u) => u.variants().iter().for_each(|v| collect_names(v, names)),
        _ => {}
    }
}

fn short_name(full: &str) -> &str {
    full.rsplit('.').next().unwrap_or(full)
}

fn describe(schema: &Schema) -> String {
    match schema {
        Schema::Record(r) => format!("record {}", r.name.fullname(None)),
        Schema::Enum(e) => format!("enum {}", e.name.fullname(None)),
        Schema::Fixed(f) => format!("fixed {}", f.name.fullname(None)),
        Schema::Null => "null".into(),
        Schema::Boolean => "a boolean".into(),
        Schema::Int | Schema::Date | Schema::TimeMillis => "an int".into(),
        Schema::Float | Schema::Double => "a number".into(),
        Schema::String | Schema::Uuid(UuidSchema::String) => "a string".into(),
        Schema::Bytes | Schema::BigDecimal | Schema::Uuid(_) | Schema::Duration(_) => {
            "a string of bytes".into()
        }
        Schema::Array(_) => "an array".into(),
        Schema::Map(_) => "an object (map)".into(),
        _ => "a long".into(),
    }
}

fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() <= 40 => format!("the string {s:?}"),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A JSON number, or Avro JSON's spellings of the values JSON has no number for.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

fn float_value(f: f64) -> Value {
    match Number::from_f64(f) {
        Some(n) => Value::Number(n),
        None if f.is_nan() => Value::String("NaN".into()),
        None if f > 0.0 => Value::String("Infinity".into()),
        None => Value::String("-Infinity".into()),
    }
}

fn latin1(s: &str, path: &Path) -> Result<Vec<u8>, AvroError> {
    s.chars()
        .map(|c| {
            u8::try_from(u32::from(c)).map_err(|_| {
                path.error(format!(
                    "{c:?} is not a byte (bytes are written as characters U+0000 to U+00FF)"
                ))
            })
        })
        .collect()
}

fn from_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// "12.5" at scale 2 → 1250. At most 38 digits (i128).
fn parse_decimal(text: &str, scale: usize) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
        || fraction.len() > scale
    {
        return None;
    }
    let mut unscaled: i128 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        unscaled = unscaled
            .checked_mul(10)?
            .checked_add(i128::from(b - b'0'))?;
    }
    for _ in fraction.len()..scale {
        unscaled = unscaled.checked_mul(10)?;
    }
    Some(if negative { -unscaled } else { unscaled })
}

/// The shortest big-endian two's complement of `n`.
fn twos_complement(n: i128) -> Vec<u8> {
    let bytes = n.to_be_bytes();
    let fill = if n < 0 { 0xff } else { 0 };
    // Drop a leading fill byte while the next byte still carries the sign.
    let redundant = bytes
        .windows(2)
        .take_while(|w| {
            w.first() == Some(&fill) && w.get(1).is_some_and(|b| b & 0x80 == fill & 0x80)
        })
        .count();
    bytes.iter().skip(redundant).copied().collect()
}

fn format_decimal(bytes: &[u8], scale: usize, path: &Path) -> Result<String, AvroError> {
    if bytes.len() > 16 {
        return Err(path.error(format!(
            "a decimal of {} bytes (at most 16 are read)",
            bytes.len()
        )));
    }
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let mut full = [if negative { 0xff } else { 0 }; 16];
    for (slot, b) in full.iter_mut().rev().zip(bytes.iter().rev()) {
        *slot = *b;
    }
    let n = i128::from_be_bytes(full);
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    if scale == 0 {
        return Ok(format!("{sign}{digits}"));
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (whole, fraction) = padded.split_at(padded.len() - scale);
    Ok(format!("{sign}{whole}.{fraction}"))
}

/// A decimal's two's complement bytes, as `bytes` or sign-extended to its `fixed` size.
fn write_decimal_bytes(
    decimal: &DecimalSchema,
    bytes: &[u8],
    out: &mut Vec<u8>,
    path: &Path,
) -> Result<(), AvroError> {
    match &decimal.inner {
        InnerDecimalSchema::Bytes => write_bytes(out, bytes),
        InnerDecimalSchema::Fixed(fixed) => {
            if bytes.len() > fixed.size {
                return Err(path.error(format!("the decimal does not fit {} bytes", fixed.size)));
            }
            let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
            let fill = if negative { 0xff } else { 0 };
            out.extend(std::iter::repeat_n(fill, fixed.size - bytes.len()));
            out.extend_from_slice(bytes);
        }
    }
    Ok(())
}

fn write_long(out: &mut Vec<u8>, n: i64) {
    let mut z = ((n << 1) ^ (n >> 63)) as u64;
    while z >= 0x80 {
        out.push((z as u8) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    write_long(out, bytes.len() as i64);
    out.extend_from_slice(bytes);
}

struct Input<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Input<'a> {
    fn byte(&mut self, path: &Path) -> Result<u8, AvroError> {
        let [b] = self.array(path)?;
        Ok(b)
    }

    fn array<const N: usize>(&mut self, path: &Path) -> Result<[u8; N], AvroError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, path)?);
        Ok(a)
    }

    fn take(&mut self, n: usize, path: &Path) -> Result<&'a [u8], AvroError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| {
                path.error(format!(
                    "the payload ends early ({n} bytes wanted at byte {})",
                    self.pos
                ))
            })?;
        let slice = self.bytes.get(self.pos..end).unwrap_or_default();
        self.pos = end;
        Ok(slice)
    }

    fn long(&mut self, path: &Path) -> Result<i64, AvroError> {
        let mut z: u64 = 0;
        for shift in (0..70).step_by(7) {
            let b = self.byte(path)?;
            if shift == 63 && b > 1 {
                break;
            }
            z |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok((z >> 1) as i64 ^ -((z & 1) as i64));
            }
        }
        Err(path.error("a variable-length number longer than 10 bytes".into()))
    }

    fn length_prefixed(&mut self, path: &Path) -> Result<&'a [u8], AvroError> {
        let n = self.long(path)?;
        let n = usize::try_from(n).map_err(|_| path.error(format!("negative length {n}")))?;
        self.take(n, path)
    }

    /// The item count of the next block of an array or map, `None` at the end. A negative
    /// count is followed by the block's size in bytes, which is skipped over here.
    fn block(&mut self, path: &Path, seen: &mut u64) -> Result<Option<u64>, AvroError> {
        let count = self.long(path)?;
        if count == 0 {
            return Ok(None);
        }
        if count < 0 {
            self.long(path)?;
        }
        let count = count.unsigned_abs();
        *seen = seen.saturating_add(count);
        if *seen > MAX_ITEMS {
            return Err(path.error(format!("more than {MAX_ITEMS} items")));
        }
        Ok(Some(count))
    }
}

/// Where in a value the codec is, for error messages.
#[derive(Default)]
struct Path(Vec<String>);

impl Path {
    fn push(&mut self, step: String) {
        self.0.push(step);
    }

    fn pop(&mut self) {
        self.0.pop();
    }

    fn depth(&self) -> usize {
        self.0.len()
    }

    fn error(&self, message: String) -> AvroError {
        AvroError {
            path: format!("${}", self.0.concat()),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codec(schema: &str) -> AvroCodec {
        AvroCodec::new(Schema::parse_str(schema).unwrap(), &[])
    }

    const USER: &str = r#"{"type":"record","name":"User","namespace":"demo","fields":[
        {"name":"name","type":"string"},
        {"name":"age","type":["null","int"],"default":null},
        {"name":"tags","type":{"type":"array","items":"string"},"default":[]},
        {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]},"default":"A"},
        {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":6,"scale":2},"default":"\u0000"}
    ]}"#;

    #[test]
    fn round_trips_avro_json_and_fills_defaults() {
        let c = codec(USER);
        let mut out = Vec::new();
        c.encode(
            &json!({"name":"ann","age":{"int":31},"tags":["x"],"kind":"B","price":"12.5"}),
            &mut out,
        )
        .unwrap();
        assert_eq!(
            c.decode(&out).unwrap(),
            json!({"name":"ann","age":{"int":31},"tags":["x"],"kind":"B","price":"12.50"})
        );
        // A bare union value and defaults for missing fields.
        let mut bare = Vec::new();
        c.encode(&json!({"name":"bob","age":7}), &mut bare).unwrap();
        assert_eq!(
            c.decode(&bare).unwrap(),
            json!({"name":"bob","age":{"int":7},"tags":[],"kind":"A","price":"0.00"})
        );
    }

    #[test]
    fn matches_avros_reference_bytes() {
        // "ann", null, [], "A" (0), decimal 0 as one zero byte: Avro's spec encodings.
        let c = codec(USER);
        let mut out = Vec::new();
        c.encode(&json!({"name":"ann"}), &mut out).unwrap();
        assert_eq!(out, vec![6, b'a', b'n', b'n', 0, 0, 0, 2, 0]);
        let mut n = Vec::new();
        write_long(&mut n, -64);
        assert_eq!(n, vec![0x7f]);
        let mut n = Vec::new();
        write_long(&mut n, 64);
        assert_eq!(n, vec![0x80, 0x01]);
    }

    #[test]
    fn input_errors_name_the_field() {
        let c = codec(USER);
        let e = c
            .encode(&json!({"name":"x","age":"old"}), &mut Vec::new())
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "$.age: expected an int, got the string \"old\""
        );
        let many = codec(r#"["null","int","boolean"]"#);
        let e = many.encode(&json!("x"), &mut Vec::new()).unwrap_err();
        assert!(
            e.message
                .contains("fits no branch of the union [null, int, boolean]"),
            "{e}"
        );
        let e = c.encode(&json!({"nme":"x"}), &mut Vec::new()).unwrap_err();
        assert!(e.message.contains("no field \"nme\""), "{e}");
        let e = c.encode(&json!({"age":null}), &mut Vec::new()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "$.name: missing, and the field has no default"
        );
        let e = c
            .encode(&json!({"name":"x","kind":"C"}), &mut Vec::new())
            .unwrap_err();
        assert!(e.message.contains("not a symbol"), "{e}");
        let e = c
            .encode(&json!({"name":"x","price":"1.234"}), &mut Vec::new())
            .unwrap_err();
        assert_eq!(e.path, "$.price");
    }

    #[test]
    fn decoding_refuses_truncated_and_oversized_payloads() {
        let c = codec(USER);
        assert!(c.decode(&[6, b'a']).is_err());
        assert!(c
            .decode(&[6, b'a', b'n', b'n', 0, 0, 0, 2, 0, 9])
            .unwrap_err()
            .message
            .contains("left over"));
        let nulls = codec(r#"{"type":"array","items":"null"}"#);
        // One block claiming 2^40 zero-byte items.
        let mut huge = Vec::new();
        write_long(&mut huge, 1 << 40);
        write_long(&mut huge, 0);
        assert!(nulls
            .decode(&huge)
            .unwrap_err()
            .message
            .contains("more than"));
        assert!(c.decode(&[0xff; 12]).is_err());
    }

    #[test]
    fn decimals_and_twos_complement() {
        assert_eq!(twos_complement(0), vec![0]);
        assert_eq!(twos_complement(127), vec![127]);
        assert_eq!(twos_complement(128), vec![0, 128]);
        assert_eq!(twos_complement(-1), vec![0xff]);
        assert_eq!(twos_complement(-129), vec![0xff, 0x7f]);
        let p = Path::default();
        assert_eq!(format_decimal(&[0xff, 0x7f], 2, &p).unwrap(), "-1.29");
        assert_eq!(format_decimal(&[5], 3, &p).unwrap(), "0.005");
        assert_eq!(parse_decimal("-0.5", 2), Some(-50));
        assert_eq!(parse_decimal("abc", 2), None);
    }
}
