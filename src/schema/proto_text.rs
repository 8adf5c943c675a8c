//! `.proto` text printed from a `FileDescriptorProto`: the registry's canonical form of a
//! Protobuf schema, and what clients that want text (the Java serializers, KafkaJS) get back
//! for a schema registered as a descriptor.
//!
//! The output compiles back to the same descriptor: types are written fully qualified
//! (`.shop.Order.Item`), map fields as `map<K, V>` (their entry types left out), oneofs at
//! their first field, proto3 `optional` where the descriptor says so, proto2 labels and
//! defaults, reserved ranges and names, extension ranges, extensions, enums, services and
//! the file options protoc knows. Options defined by extensions are not printed.

use std::fmt::Write;

use prost_types::field_descriptor_proto::{Label, Type};
use prost_types::{
    DescriptorProto, EnumDescriptorProto, FieldDescriptorProto, FileDescriptorProto,
    ServiceDescriptorProto,
};

/// Field numbers beyond this are written `max` in ranges.
const MAX_FIELD_NUMBER: i32 = 536_870_911;

pub fn print(file: &FileDescriptorProto) -> String {
    let mut out = String::new();
    let syntax = file.syntax.as_deref().unwrap_or("proto2");
    let proto3 = syntax == "proto3";
    let _ = writeln!(out, "syntax = \"{syntax}\";");
    if let Some(package) = file.package.as_deref().filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "package {package};");
    }
    if !file.dependency.is_empty() {
        out.push('\n');
    }
    for (i, dependency) in file.dependency.iter().enumerate() {
        let index = i32::try_from(i).unwrap_or(i32::MAX);
        let kind = if file.public_dependency.contains(&index) {
            "public "
        } else if file.weak_dependency.contains(&index) {
            "weak "
        } else {
            ""
        };
        let _ = writeln!(out, "import {kind}{};", quote(dependency));
    }
    let options = file_options(file);
    if !options.is_empty() {
        out.push('\n');
        for (name, value) in options {
            let _ = writeln!(out, "option {name} = {value};");
        }
    }
    for message in &file.message_type {
        out.push('\n');
        print_message(&mut out, message, 0, proto3);
    }
    for e in &file.enum_type {
        out.push('\n');
        print_enum(&mut out, e, 0);
    }
    print_extensions(&mut out, &file.extension, 0, proto3);
    for service in &file.service {
        out.push('\n');
        print_service(&mut out, service);
    }
    out
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn file_options(file: &FileDescriptorProto) -> Vec<(&'static str, String)> {
    let Some(o) = &file.options else {
        return Vec::new();
    };
    let mut options = Vec::new();
    let mut string = |name: &'static str, value: &Option<String>| {
        if let Some(v) = value {
            options.push((name, quote(v)));
        }
    };
    string("java_package", &o.java_package);
    string("java_outer_classname", &o.java_outer_classname);
    string("go_package", &o.go_package);
    string("objc_class_prefix", &o.objc_class_prefix);
    string("csharp_namespace", &o.csharp_namespace);
    string("swift_prefix", &o.swift_prefix);
    string("php_class_prefix", &o.php_class_prefix);
    string("php_namespace", &o.php_namespace);
    string("php_metadata_namespace", &o.php_metadata_namespace);
    string("ruby_package", &o.ruby_package);
    let mut boolean = |name: &'static str, value: Option<bool>| {
        if let Some(v) = value {
            options.push((name, v.to_string()));
        }
    };
    boolean("java_multiple_files", o.java_multiple_files);
    boolean("java_string_check_utf8", o.java_string_check_utf8);
    boolean("cc_generic_services", o.cc_generic_services);
    boolean("java_generic_services", o.java_generic_services);
    boolean("py_generic_services", o.py_generic_services);
    boolean("deprecated", o.deprecated);
    boolean("cc_enable_arenas", o.cc_enable_arenas);
    if o.optimize_for.is_some() {
        options.push(("optimize_for", o.optimize_for().as_str_name().to_owned()));
    }
    options
}

fn scalar_name(t: Type) -> Option<&'static str> {
    Some(match t {
        Type::Double => "double",
        Type::Float => "float",
        Type::Int64 => "int64",
        Type::Uint64 => "uint64",
        Type::Int32 => "int32",
        Type::Fixed64 => "fixed64",
        Type::Fixed32 => "fixed32",
        Type::Bool => "bool",
        Type::String => "string",
        Type::Bytes => "bytes",
        Type::Uint32 => "uint32",
        Type::Sfixed32 => "sfixed32",
        Type::Sfixed64 => "sfixed64",
        Type::Sint32 => "sint32",
        Type::Sint64 => "sint64",
        Type::Group | Type::Message | Type::Enum => return None,
    })
}

fn type_of(field: &FieldDescriptorProto) -> String {
    match scalar_name(field.r#type()) {
        Some(name) if field.type_name.is_none() => name.to_owned(),
        _ => field.type_name().to_owned(),
    }
}

/// The map entry type a field refers to, if it is a map field.
fn map_entry<'a>(
    field: &FieldDescriptorProto,
    message: &'a DescriptorProto,
) -> Option<&'a DescriptorProto> {
    if field.label() != Label::Repeated || field.r#type() != Type::Message {
        return None;
    }
    let short = field.type_name().rsplit('.').next()?;
    message
        .nested_type
        .iter()
        .find(|n| n.name() == short && n.options.as_ref().is_some_and(|o| o.map_entry()))
}

/// lowerCamelCase, as protoc derives `json_name`.
fn default_json_name(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn field_options(field: &FieldDescriptorProto, proto3: bool) -> String {
    let mut options = Vec::new();
    if !proto3 {
        if let Some(default) = &field.default_value {
            let value = match field.r#type() {
                Type::String => quote(default),
                Type::Bytes => quote(default),
                _ => default.clone(),
            };
            options.push(format!("default = {value}"));
        }
    }
    if let Some(json) = &field.json_name {
        if *json != default_json_name(field.name()) {
            options.push(format!("json_name = {}", quote(json)));
        }
    }
    if let Some(o) = &field.options {
        if let Some(packed) = o.packed {
            options.push(format!("packed = {packed}"));
        }
        if let Some(deprecated) = o.deprecated {
            options.push(format!("deprecated = {deprecated}"));
        }
        if let Some(lazy) = o.lazy {
            options.push(format!("lazy = {lazy}"));
        }
    }
    if options.is_empty() {
        String::new()
    } else {
        format!(" [{}]", options.join(", "))
    }
}

fn print_field(
    out: &mut String,
    field: &FieldDescriptorProto,
    message: Option<&DescriptorProto>,
    depth: usize,
    proto3: bool,
    in_oneof: bool,
) {
    indent(out, depth);
    if let Some(entry) = message.and_then(|m| map_entry(field, m)) {
        let key = entry.field.iter().find(|f| f.number() == 1);
        let value = entry.field.iter().find(|f| f.number() == 2);
        if let (Some(k), Some(v)) = (key, value) {
            let _ = writeln!(
                out,
                "map<{}, {}> {} = {}{};",
                type_of(k),
                type_of(v),
                field.name(),
                field.number(),
                field_options(field, proto3)
            );
            return;
        }
    }
    let label = match field.label() {
        _ if in_oneof => "",
        Label::Repeated => "repeated ",
        Label::Required => "required ",
        Label::Optional if proto3 && field.proto3_optional() => "optional ",
        Label::Optional if proto3 => "",
        Label::Optional => "optional ",
    };
    let _ = writeln!(
        out,
        "{label}{} {} = {}{};",
        type_of(field),
        field.name(),
        field.number(),
        field_options(field, proto3)
    );
}

fn ranges(out: &mut String, depth: usize, keyword: &str, ranges: &[(i32, i32)]) {
    if ranges.is_empty() {
        return;
    }
    let parts: Vec<String> = ranges
        .iter()
        .map(|&(start, end)| match end - 1 {
            last if last == start => start.to_string(),
            last if last >= MAX_FIELD_NUMBER => format!("{start} to max"),
            last => format!("{start} to {last}"),
        })
        .collect();
    indent(out, depth);
    let _ = writeln!(out, "{keyword} {};", parts.join(", "));
}

fn reserved_names(out: &mut String, depth: usize, names: &[String]) {
    if names.is_empty() {
        return;
    }
    indent(out, depth);
    let quoted: Vec<String> = names.iter().map(|n| quote(n)).collect();
    let _ = writeln!(out, "reserved {};", quoted.join(", "));
}

fn print_message(out: &mut String, message: &DescriptorProto, depth: usize, proto3: bool) {
    indent(out, depth);
    let _ = writeln!(out, "message {} {{", message.name());
    let inner = depth + 1;
    if message.options.as_ref().and_then(|o| o.deprecated) == Some(true) {
        indent(out, inner);
        out.push_str("option deprecated = true;\n");
    }
    let reserved: Vec<(i32, i32)> = message
        .reserved_range
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    ranges(out, inner, "reserved", &reserved);
    reserved_names(out, inner, &message.reserved_name);
    // Synthetic oneofs (proto3 `optional`) are not written as oneofs.
    let real_oneof = |field: &FieldDescriptorProto| {
        field
            .oneof_index
            .filter(|_| !(proto3 && field.proto3_optional()))
    };
    let mut printed_oneofs = Vec::new();
    for field in &message.field {
        match real_oneof(field) {
            None => print_field(out, field, Some(message), inner, proto3, false),
            Some(index) if printed_oneofs.contains(&index) => {}
            Some(index) => {
                printed_oneofs.push(index);
                let name = usize::try_from(index)
                    .ok()
                    .and_then(|i| message.oneof_decl.get(i))
                    .map_or("", |o| o.name());
                indent(out, inner);
                let _ = writeln!(out, "oneof {name} {{");
                for member in message
                    .field
                    .iter()
                    .filter(|f| real_oneof(f) == Some(index))
                {
                    print_field(out, member, Some(message), inner + 1, proto3, true);
                }
                indent(out, inner);
                out.push_str("}\n");
            }
        }
    }
    let extension_ranges: Vec<(i32, i32)> = message
        .extension_range
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    ranges(out, inner, "extensions", &extension_ranges);
    for nested in &message.nested_type {
        if nested.options.as_ref().is_some_and(|o| o.map_entry()) {
            continue;
        }
        print_message(out, nested, inner, proto3);
    }
    for e in &message.enum_type {
        print_enum(out, e, inner);
    }
    print_extensions(out, &message.extension, inner, proto3);
    indent(out, depth);
    out.push_str("}\n");
}

fn print_enum(out: &mut String, e: &EnumDescriptorProto, depth: usize) {
    indent(out, depth);
    let _ = writeln!(out, "enum {} {{", e.name());
    let inner = depth + 1;
    if let Some(o) = &e.options {
        if let Some(allow) = o.allow_alias {
            indent(out, inner);
            let _ = writeln!(out, "option allow_alias = {allow};");
        }
        if o.deprecated == Some(true) {
            indent(out, inner);
            out.push_str("option deprecated = true;\n");
        }
    }
    // Enum reserved ranges are inclusive.
    let reserved: Vec<(i32, i32)> = e
        .reserved_range
        .iter()
        .map(|r| (r.start(), r.end().saturating_add(1)))
        .collect();
    ranges(out, inner, "reserved", &reserved);
    reserved_names(out, inner, &e.reserved_name);
    for value in &e.value {
        indent(out, inner);
        let deprecated = value
            .options
            .as_ref()
            .and_then(|o| o.deprecated)
            .map_or(String::new(), |d| format!(" [deprecated = {d}]"));
        let _ = writeln!(out, "{} = {}{deprecated};", value.name(), value.number());
    }
    indent(out, depth);
    out.push_str("}\n");
}

fn print_extensions(
    out: &mut String,
    extensions: &[FieldDescriptorProto],
    depth: usize,
    proto3: bool,
) {
    let mut extendees: Vec<&str> = Vec::new();
    for field in extensions {
        if !extendees.contains(&field.extendee()) {
            extendees.push(field.extendee());
        }
    }
    for extendee in extendees {
        indent(out, depth);
        let _ = writeln!(out, "extend {extendee} {{");
        for field in extensions.iter().filter(|f| f.extendee() == extendee) {
            print_field(out, field, None, depth + 1, proto3, false);
        }
        indent(out, depth);
        out.push_str("}\n");
    }
}

fn print_service(out: &mut String, service: &ServiceDescriptorProto) {
    let _ = writeln!(out, "service {} {{", service.name());
    for method in &service.method {
        let stream = |yes: bool| if yes { "stream " } else { "" };
        let _ = writeln!(
            out,
            "  rpc {}({}{}) returns ({}{});",
            method.name(),
            stream(method.client_streaming()),
            method.input_type(),
            stream(method.server_streaming()),
            method.output_type()
        );
    }
    out.push_str("}\n");
}

#[cfg(test)]
mod tests {
    use super::super::protobuf::ProtobufSchema;

    #[test]
    fn proto2_features_survive_printing() {
        let text = r#"
            syntax = "proto2";
            package legacy;
            option java_package = "com.example";
            message M {
              reserved 4, 8 to 10;
              reserved "old";
              required string id = 1;
              optional int32 n = 2 [default = 7];
              repeated int32 xs = 3 [packed = true];
              extensions 100 to max;
              enum Kind { option allow_alias = true; A = 0; B = 1; C = 1; }
            }
            extend M { optional string note = 100; }
            service S { rpc Get(M) returns (stream M); }
        "#;
        let first = ProtobufSchema::parse(text, &[]).unwrap().canonical();
        for expected in [
            "required string id = 1;",
            "optional int32 n = 2 [default = 7];",
            "repeated int32 xs = 3 [packed = true];",
            "reserved 4, 8 to 10;",
            "reserved \"old\";",
            "extensions 100 to max;",
            "option allow_alias = true;",
            "extend .legacy.M {",
            "rpc Get(.legacy.M) returns (stream .legacy.M);",
            "option java_package = \"com.example\";",
        ] {
            assert!(
                first.contains(expected),
                "{expected} missing from:\n{first}"
            );
        }
        assert_eq!(
            ProtobufSchema::parse(&first, &[]).unwrap().canonical(),
            first
        );
    }

    #[test]
    fn proto3_optional_is_kept() {
        let text = "syntax = \"proto3\"; message P { optional string nick = 1; string name = 2; }";
        let printed = ProtobufSchema::parse(text, &[]).unwrap().canonical();
        assert!(printed.contains("optional string nick = 1;"), "{printed}");
        assert!(printed.contains("  string name = 2;"), "{printed}");
    }
}
