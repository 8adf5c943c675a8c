//! Whether a JSON Schema accepts what another one accepted, by Confluent's rules (its
//! `json/diff` package, STRICT policy): a changed or narrowed type; a bound added or
//! tightened (lengths, ranges, `multipleOf`, item and property counts, `pattern`,
//! `uniqueItems`); an enum narrowed; properties added to an open content model (Confluent
//! counts even an optional one as incompatible under STRICT) or removed from a closed one; a
//! property newly required without a default; `additionalProperties` taken away; fewer
//! alternatives in `anyOf`/`oneOf`, more constraints in `allOf`. Each comes with its JSON path
//! (`#/properties/age`) and Confluent's description.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

/// One incompatible difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: &'static str,
    pub path: String,
}

impl Difference {
    /// Confluent's rendering (its closing quote mismatch included, as clients see it).
    pub fn render(&self, reader: &str, writer: &str) -> String {
        let p = &self.path;
        let description = match self.kind {
            k if k.ends_with("_ADDED") && !k.contains("PROPERTY") => format!(
                "The keyword at path '{p}' in the {reader} schema is not present in the {writer} schema"
            ),
            "ADDITIONAL_PROPERTIES_REMOVED" | "REQUIRED_ATTRIBUTE_ADDED" => format!(
                "The keyword at path '{p}' in the {reader} schema is not present in the {writer} schema"
            ),
            k if k.ends_with("_INCREASED") || k == "MULTIPLE_OF_EXPANDED" => format!(
                "The value at path '{p}' in the {reader} schema is more than its value in the {writer} schema"
            ),
            k if k.ends_with("_DECREASED") => format!(
                "The value at path '{p}' in the {reader} schema is less than its value in the {writer} schema"
            ),
            "PATTERN_CHANGED" | "MULTIPLE_OF_CHANGED" => format!(
                "The value at path '{p}' is different between the {reader} and {writer} schema"
            ),
            "ENUM_ARRAY_NARROWED" | "SUM_TYPE_NARROWED" | "ADDITIONAL_PROPERTIES_NARROWED" => format!(
                "An array or combined type at path '{p}' has fewer elements in the {reader} schema than the {writer} schema"
            ),
            "PRODUCT_TYPE_EXTENDED" => format!(
                "An array or combined type at path '{p}' has more elements in the {reader} schema than the {writer} schema"
            ),
            "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
            | "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"
            | "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL" => format!(
                "The {reader} schema has an open content model and has a property or item at path '{p}' which is missing in the {writer} schema"
            ),
            "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL" => format!(
                "The {reader} schema has an unopen content model and has a required property at path '{p}' which is missing in the {writer} schema"
            ),
            "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL" => format!(
                "The {reader} has a closed content model and is missing a property or item present at path '{p}' in the {writer} schema"
            ),
            "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL" => format!(
                "A property or item is missing in the {reader} schema but present at path '{p}' in the {writer} schema and is not covered by its partially open content model"
            ),
            "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL" => format!(
                "The {reader} schema has a property or item at path '{p}' which is missing in the {writer} schema and is not covered by its partially open content model"
            ),
            _ => format!(
                "A type at path '{p}' is different between the {reader} schema and the {writer} schema"
            ),
        };
        format!(
            "{{errorType:\"{}\", description:\"{description}'}}",
            self.kind
        )
    }
}

/// Differences Confluent's LENIENT policy (`compatibilityPolicy`) accepts.
pub fn lenient_allows(kind: &str) -> bool {
    matches!(
        kind,
        "ADDITIONAL_PROPERTIES_NARROWED"
            | "ADDITIONAL_PROPERTIES_REMOVED"
            | "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"
            | "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
            | "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"
            | "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
            | "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
    )
}

/// What keeps `update` from accepting everything `original` accepted. `$ref`s resolve in
/// each document (`#/...`) and in its references by name.
pub fn compare(
    original: &Value,
    update: &Value,
    original_refs: &HashMap<String, Value>,
    update_refs: &HashMap<String, Value>,
) -> Vec<Difference> {
    let mut ctx = Context {
        roots: [original, update],
        refs: [original_refs, update_refs],
        path: vec!["#".to_owned()],
        found: Vec::new(),
        visiting: HashSet::new(),
    };
    ctx.compare(original, update);
    ctx.found
}

/// What a schema node is, as the comparison sees it.
#[derive(Debug, PartialEq)]
enum Kind<'a> {
    False,
    Empty,
    Combined(&'static str, Vec<Value>),
    Enum(&'a [Value]),
    Const(&'a Value),
    Not,
    Object,
    Array,
    String,
    Number { integer: bool },
    Boolean,
    Null,
}

fn kind(schema: &Value) -> Kind<'_> {
    let Some(o) = schema.as_object() else {
        return if schema.as_bool() == Some(false) {
            Kind::False
        } else {
            Kind::Empty
        };
    };
    if let Some(values) = o.get("enum").and_then(Value::as_array) {
        return Kind::Enum(values);
    }
    if let Some(value) = o.get("const") {
        return Kind::Const(value);
    }
    for criterion in ["anyOf", "oneOf", "allOf"] {
        if let Some(subs) = o.get(criterion).and_then(Value::as_array) {
            return Kind::Combined(
                match criterion {
                    "anyOf" => "anyOf",
                    "oneOf" => "oneOf",
                    _ => "allOf",
                },
                subs.clone(),
            );
        }
    }
    if o.contains_key("not") {
        return Kind::Not;
    }
    let types: Vec<&str> = match o.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.len() > 1 {
        // `"type": ["string", "null"]` is an anyOf of one schema per type.
        let subs = types
            .iter()
            .map(|t| {
                let mut single: Map<String, Value> = o.clone();
                single.insert("type".into(), Value::String((*t).to_owned()));
                Value::Object(single)
            })
            .collect();
        return Kind::Combined("anyOf", subs);
    }
    let has = |keys: &[&str]| keys.iter().any(|k| o.contains_key(*k));
    match types.first().copied() {
        Some("object") => Kind::Object,
        Some("array") => Kind::Array,
        Some("string") => Kind::String,
        Some("integer") => Kind::Number { integer: true },
        Some("number") => Kind::Number { integer: false },
        Some("boolean") => Kind::Boolean,
        Some("null") => Kind::Null,
        _ if has(&[
            "properties",
            "additionalProperties",
            "required",
            "patternProperties",
        ]) =>
        {
            Kind::Object
        }
        _ if has(&["items", "minItems", "maxItems", "uniqueItems"]) => Kind::Array,
        _ if has(&["minLength", "maxLength", "pattern"]) => Kind::String,
        _ if has(&[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ]) =>
        {
            Kind::Number { integer: false }
        }
        _ => Kind::Empty,
    }
}

fn same_kind(a: &Kind, b: &Kind) -> bool {
    matches!(
        (a, b),
        (Kind::Enum(_), Kind::Enum(_))
            | (Kind::Const(_), Kind::Const(_))
            | (Kind::Not, Kind::Not)
            | (Kind::Object, Kind::Object)
            | (Kind::Array, Kind::Array)
            | (Kind::String, Kind::String)
            | (Kind::Number { .. }, Kind::Number { .. })
            | (Kind::Boolean, Kind::Boolean)
            | (Kind::Null, Kind::Null)
            | (Kind::Empty, Kind::Empty)
            | (Kind::False, Kind::False)
            | (Kind::Combined(..), Kind::Combined(..))
    )
}

struct Context<'a> {
    roots: [&'a Value; 2],
    refs: [&'a HashMap<String, Value>; 2],
    path: Vec<String>,
    found: Vec<Difference>,
    /// (original, update) node pairs being compared: a cycle through `$ref` ends here.
    visiting: HashSet<(u64, u64)>,
}

impl Context<'_> {
    fn add(&mut self, kind: &'static str) {
        self.found.push(Difference {
            kind,
            path: self.path.join("/"),
        });
    }

    fn at(&mut self, step: &str, f: impl FnOnce(&mut Self)) {
        self.path.push(step.to_owned());
        f(self);
        self.path.pop();
    }

    /// Follows `$ref` (at most a few hops) within the document or to a reference.
    fn resolve(&self, mut schema: Value, update: bool) -> Value {
        let [original_root, update_root] = self.roots;
        let [original_refs, update_refs] = self.refs;
        let (root, refs) = if update {
            (update_root, update_refs)
        } else {
            (original_root, original_refs)
        };
        for _ in 0..16 {
            let Some(target) = schema
                .get("$ref")
                .and_then(Value::as_str)
                .map(str::to_owned)
            else {
                return schema;
            };
            let (document, pointer) = target.split_once('#').unwrap_or((target.as_str(), ""));
            let base = if document.is_empty() {
                Some(root)
            } else {
                refs.iter()
                    .find(|(name, _)| {
                        document == name.as_str() || document.ends_with(&format!("/{name}"))
                    })
                    .map(|(_, v)| v)
            };
            match base.and_then(|b| b.pointer(pointer)) {
                Some(found) => schema = found.clone(),
                None => return schema,
            }
        }
        schema
    }

    /// Whether `update` accepts all `original` did, with no difference recorded.
    fn compatible(&mut self, original: &Value, update: &Value) -> bool {
        let saved = (std::mem::take(&mut self.found), self.path.clone());
        self.compare(original, update);
        let ok = self.found.is_empty();
        self.found = saved.0;
        self.path = saved.1;
        ok
    }

    fn compare(&mut self, original: &Value, update: &Value) {
        let (original, update) = (
            self.resolve(original.clone(), false),
            self.resolve(update.clone(), true),
        );
        let key = (fingerprint(&original), fingerprint(&update));
        if self.path.len() > 64 || !self.visiting.insert(key) {
            return;
        }
        self.compare_resolved(&original, &update);
        self.visiting.remove(&key);
    }

    fn compare_resolved(&mut self, original: &Value, update: &Value) {
        let (ok, uk) = (kind(original), kind(update));
        match (&ok, &uk) {
            (o, Kind::Combined(criterion, subs)) if !matches!(o, Kind::Combined(..)) => {
                if subs.len() == 1 {
                    if let Some(only) = subs.first() {
                        if self.compatible(original, only) {
                            return;
                        }
                    }
                } else if *criterion != "allOf" && subs.iter().any(|s| self.compatible(original, s))
                {
                    return;
                }
            }
            (Kind::Combined(criterion, subs), u) if !matches!(u, Kind::Combined(..)) => {
                if subs.len() == 1 {
                    if let Some(only) = subs.first() {
                        if self.compatible(only, update) {
                            return;
                        }
                    }
                } else if *criterion == "allOf" && subs.iter().any(|s| self.compatible(s, update)) {
                    return;
                }
            }
            _ => {}
        }
        if !same_kind(&ok, &uk) {
            if ok == Kind::False || uk == Kind::Empty {
                return;
            }
            self.add("TYPE_CHANGED");
            return;
        }
        match (ok, uk) {
            (Kind::String, Kind::String) => {
                self.bound(
                    original,
                    update,
                    "maxLength",
                    (Tighter::Smaller, "MAX_LENGTH_ADDED", "MAX_LENGTH_DECREASED"),
                );
                self.bound(
                    original,
                    update,
                    "minLength",
                    (Tighter::Larger, "MIN_LENGTH_ADDED", "MIN_LENGTH_INCREASED"),
                );
                match (original.get("pattern"), update.get("pattern")) {
                    (None, Some(_)) => self.at("pattern", |c| c.add("PATTERN_ADDED")),
                    (Some(a), Some(b)) if a != b => {
                        self.at("pattern", |c| c.add("PATTERN_CHANGED"))
                    }
                    _ => {}
                }
            }
            (Kind::Number { integer: oi }, Kind::Number { integer: ui }) => {
                if !oi && ui {
                    self.add("TYPE_NARROWED");
                }
                self.bound(
                    original,
                    update,
                    "maximum",
                    (Tighter::Smaller, "MAXIMUM_ADDED", "MAXIMUM_DECREASED"),
                );
                self.bound(
                    original,
                    update,
                    "minimum",
                    (Tighter::Larger, "MINIMUM_ADDED", "MINIMUM_INCREASED"),
                );
                self.bound(
                    original,
                    update,
                    "exclusiveMaximum",
                    (
                        Tighter::Smaller,
                        "EXCLUSIVE_MAXIMUM_ADDED",
                        "EXCLUSIVE_MAXIMUM_DECREASED",
                    ),
                );
                self.bound(
                    original,
                    update,
                    "exclusiveMinimum",
                    (
                        Tighter::Larger,
                        "EXCLUSIVE_MINIMUM_ADDED",
                        "EXCLUSIVE_MINIMUM_INCREASED",
                    ),
                );
                let multiple = |v: &Value| v.get("multipleOf").and_then(Value::as_f64);
                match (multiple(original), multiple(update)) {
                    (None, Some(_)) => self.at("multipleOf", |c| c.add("MULTIPLE_OF_ADDED")),
                    (Some(a), Some(b)) if a != b => {
                        let ratio = b / a;
                        if (ratio - ratio.round()).abs() < 1e-9 {
                            self.at("multipleOf", |c| c.add("MULTIPLE_OF_EXPANDED"));
                        } else if ((a / b) - (a / b).round()).abs() >= 1e-9 {
                            self.at("multipleOf", |c| c.add("MULTIPLE_OF_CHANGED"));
                        }
                    }
                    _ => {}
                }
            }
            (Kind::Enum(a), Kind::Enum(b)) => {
                let extended = a.iter().all(|v| b.contains(v));
                let narrowed = b.iter().all(|v| a.contains(v));
                if !extended {
                    self.add(if narrowed {
                        "ENUM_ARRAY_NARROWED"
                    } else {
                        "ENUM_ARRAY_CHANGED"
                    });
                }
            }
            (Kind::Const(a), Kind::Const(b)) if a != b => self.add("ENUM_ARRAY_CHANGED"),
            (Kind::Object, Kind::Object) => self.compare_objects(original, update),
            (Kind::Array, Kind::Array) => {
                self.bound(
                    original,
                    update,
                    "maxItems",
                    (Tighter::Smaller, "MAX_ITEMS_ADDED", "MAX_ITEMS_DECREASED"),
                );
                self.bound(
                    original,
                    update,
                    "minItems",
                    (Tighter::Larger, "MIN_ITEMS_ADDED", "MIN_ITEMS_INCREASED"),
                );
                let unique =
                    |v: &Value| v.get("uniqueItems").and_then(Value::as_bool) == Some(true);
                if !unique(original) && unique(update) {
                    self.at("uniqueItems", |c| c.add("UNIQUE_ITEMS_ADDED"));
                }
                match (original.get("items"), update.get("items")) {
                    (Some(a), Some(b)) => {
                        let (a, b) = (a.clone(), b.clone());
                        self.at("items", |c| c.compare(&a, &b));
                    }
                    (None, Some(b)) if kind(b) != Kind::Empty => {
                        self.at("items", |c| c.add("TYPE_CHANGED"))
                    }
                    _ => {}
                }
            }
            (Kind::Combined(oc, os), Kind::Combined(uc, us)) => {
                if oc != uc {
                    self.add("COMBINED_TYPE_CHANGED");
                    return;
                }
                if us.len() < os.len() && oc != "allOf" {
                    self.add("SUM_TYPE_NARROWED");
                } else if us.len() > os.len() && oc == "allOf" {
                    self.add("PRODUCT_TYPE_EXTENDED");
                }
                // Every original alternative must still be accepted by some update one.
                let unmatched = os
                    .iter()
                    .filter(|o| !us.iter().any(|u| self.compatible(o, u)))
                    .count();
                if unmatched > 0 && us.len() >= os.len() {
                    self.add("COMBINED_TYPE_SUBSCHEMAS_CHANGED");
                }
            }
            _ => {}
        }
    }

    /// A numeric keyword that constrains more when it is `tighter` (or newly present):
    /// `added` and `tightened` name the two differences.
    fn bound(
        &mut self,
        original: &Value,
        update: &Value,
        keyword: &str,
        (tighter, added, tightened): (Tighter, &'static str, &'static str),
    ) {
        let get = |v: &Value| v.get(keyword).and_then(Value::as_f64);
        let change = match (get(original), get(update)) {
            (None, Some(_)) => Some(added),
            (Some(a), Some(b)) => match tighter {
                Tighter::Smaller if b < a => Some(tightened),
                Tighter::Larger if b > a => Some(tightened),
                _ => None,
            },
            _ => None,
        };
        if let Some(kind) = change {
            self.at(keyword, |c| c.add(kind));
        }
    }

    fn compare_objects(&mut self, original: &Value, update: &Value) {
        let props = |v: &Value| {
            v.get("properties")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default()
        };
        let required = |v: &Value| -> Vec<String> {
            v.get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let (op, up) = (props(original), props(update));
        let (or, ur) = (required(original), required(update));
        self.bound(
            original,
            update,
            "maxProperties",
            (
                Tighter::Smaller,
                "MAX_PROPERTIES_ADDED",
                "MAX_PROPERTIES_DECREASED",
            ),
        );
        self.bound(
            original,
            update,
            "minProperties",
            (
                Tighter::Larger,
                "MIN_PROPERTIES_ADDED",
                "MIN_PROPERTIES_INCREASED",
            ),
        );
        // additionalProperties: false where it was allowed; a schema where it was anything.
        let additional = |v: &Value| v.get("additionalProperties").cloned();
        match (additional(original), additional(update)) {
            (a, Some(Value::Bool(false))) if a != Some(Value::Bool(false)) => self
                .at("additionalProperties", |c| {
                    c.add("ADDITIONAL_PROPERTIES_REMOVED")
                }),
            (None | Some(Value::Bool(true)), Some(Value::Object(_))) => self
                .at("additionalProperties", |c| {
                    c.add("ADDITIONAL_PROPERTIES_NARROWED")
                }),
            (Some(a @ Value::Object(_)), Some(b @ Value::Object(_))) => {
                self.at("additionalProperties", |c| c.compare(&a, &b))
            }
            _ => {}
        }
        self.path.push("properties".into());
        let mut names: Vec<&String> = op.keys().collect();
        names.extend(up.keys().filter(|k| !op.contains_key(*k)));
        for name in names {
            self.path.push(name.clone());
            match (op.get(name), up.get(name)) {
                (Some(o), None) => match content_model(update) {
                    ContentModel::Open => {}
                    ContentModel::Partial(schema) => {
                        if !self.compatible(o, &schema) {
                            self.add(
                                "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                            );
                        }
                    }
                    ContentModel::Closed => self.add("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
                },
                (None, Some(u)) => {
                    let has_default = u.get("default").is_some();
                    let is_required = ur.contains(name);
                    match content_model(original) {
                        ContentModel::Open => {
                            if kind(u) != Kind::Empty {
                                self.add(match (is_required, has_default) {
                                    (true, false) => {
                                        "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
                                    }
                                    (true, true) => {
                                        "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"
                                    }
                                    (false, _) => "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                                });
                            }
                        }
                        model => {
                            if let ContentModel::Partial(schema) = model {
                                if !self.compatible(&schema, u) {
                                    self.add("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL");
                                }
                            }
                            if is_required && !has_default {
                                self.add("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
                            }
                        }
                    }
                }
                (Some(o), Some(u)) => {
                    let (o, u) = (o.clone(), u.clone());
                    self.compare(&o, &u);
                }
                (None, None) => {}
            }
            self.path.pop();
        }
        self.path.pop();
        self.path.push("required".into());
        for name in op.keys().filter(|k| up.contains_key(*k)) {
            if !or.contains(name)
                && ur.contains(name)
                && up.get(name).and_then(|p| p.get("default")).is_none()
            {
                self.at(name, |c| c.add("REQUIRED_ATTRIBUTE_ADDED"));
            }
        }
        self.path.pop();
    }
}

/// A node's identity for cycle detection: a hash of its JSON.
fn fingerprint(schema: &Value) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    schema.to_string().hash(&mut h);
    h.finish()
}

#[derive(Clone, Copy)]
enum Tighter {
    Smaller,
    Larger,
}

enum ContentModel {
    /// Any other property is allowed.
    Open,
    /// Other properties must match this schema (`additionalProperties` as a schema).
    Partial(Value),
    Closed,
}

fn content_model(object: &Value) -> ContentModel {
    match object.get("additionalProperties") {
        Some(Value::Bool(false)) => ContentModel::Closed,
        Some(schema @ Value::Object(_)) => ContentModel::Partial(schema.clone()),
        _ if object.get("patternProperties").is_some() => ContentModel::Closed,
        _ => ContentModel::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn diff(original: Value, update: Value) -> Vec<&'static str> {
        compare(&original, &update, &HashMap::new(), &HashMap::new())
            .iter()
            .map(|d| d.kind)
            .collect()
    }

    #[test]
    fn content_models_decide_property_changes_as_confluent_does() {
        let open = json!({"type":"object","properties":{"a":{"type":"string"}}});
        let open_more =
            json!({"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}});
        // STRICT: even an optional property added to an open content model is incompatible.
        assert_eq!(
            diff(open.clone(), open_more.clone()),
            vec!["OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"]
        );
        // Removing a property from an open model is fine.
        assert!(diff(open_more.clone(), open.clone()).is_empty());
        let closed = json!({"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false});
        let closed_more = json!({"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"additionalProperties":false});
        assert!(diff(closed.clone(), closed_more.clone()).is_empty());
        assert_eq!(
            diff(closed_more, closed),
            vec!["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"]
        );
        let required =
            json!({"type":"object","properties":{"a":{"type":"string"}},"required":["a"]});
        assert_eq!(diff(open, required), vec!["REQUIRED_ATTRIBUTE_ADDED"]);
    }

    #[test]
    fn types_bounds_and_enums() {
        assert_eq!(
            diff(json!({"type":"string"}), json!({"type":"integer"})),
            vec!["TYPE_CHANGED"]
        );
        assert!(diff(json!({"type":"integer"}), json!({"type":"number"})).is_empty());
        assert_eq!(
            diff(json!({"type":"number"}), json!({"type":"integer"})),
            vec!["TYPE_NARROWED"]
        );
        assert!(diff(json!({"type":"string"}), json!({"type":["string","null"]})).is_empty());
        assert_eq!(
            diff(json!({"type":["string","null"]}), json!({"type":"string"})),
            vec!["TYPE_CHANGED"]
        );
        assert_eq!(
            diff(
                json!({"type":"string","maxLength":10}),
                json!({"type":"string","maxLength":5})
            ),
            vec!["MAX_LENGTH_DECREASED"]
        );
        assert!(diff(
            json!({"type":"string","maxLength":5}),
            json!({"type":"string","maxLength":10})
        )
        .is_empty());
        assert_eq!(
            diff(
                json!({"type":"integer"}),
                json!({"type":"integer","minimum":0})
            ),
            vec!["MINIMUM_ADDED"]
        );
        assert!(diff(json!({"enum":["a"]}), json!({"enum":["a","b"]})).is_empty());
        assert_eq!(
            diff(json!({"enum":["a","b"]}), json!({"enum":["a"]})),
            vec!["ENUM_ARRAY_NARROWED"]
        );
        let d = &compare(
            &json!({"type":"string"}),
            &json!({"type":"integer"}),
            &HashMap::new(),
            &HashMap::new(),
        )[0];
        assert_eq!(
            d.render("new", "old"),
            "{errorType:\"TYPE_CHANGED\", description:\"A type at path '#' is different between the new schema and the old schema'}"
        );
    }

    #[test]
    fn references_and_recursion() {
        let tree = json!({"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#"}}}});
        assert!(diff(tree.clone(), tree).is_empty());
        let nested_old = json!({"type":"object","properties":{"p":{"$ref":"#/definitions/P"}},"definitions":{"P":{"type":"string"}}});
        let nested_new = json!({"type":"object","properties":{"p":{"$ref":"#/definitions/P"}},"definitions":{"P":{"type":"integer"}}});
        let found = compare(&nested_old, &nested_new, &HashMap::new(), &HashMap::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "#/properties/p");
    }
}
