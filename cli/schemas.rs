//! `streamline schemas`: a schema registry's subjects and schemas — list them, show one,
//! register one from a file, check one for compatibility, delete, and read or set the
//! compatibility level — against `serve`'s registry, a data directory's in-process, or any
//! registry speaking Confluent's REST API (`--schema-registry URL`).

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use serde_json::{json, Value};
use streamline::schema::client::{encode_segment, CallError, RegistryClient};

use crate::connect::ConnectArgs;
use crate::output::{confirm, write_json, write_table, Format};
use crate::registry::RegistryArgs;

/// Flags of `streamline schemas`.
#[derive(Debug, clap::Args)]
pub struct SchemasArgs {
    #[command(subcommand)]
    command: SchemasCommand,

    #[command(flatten)]
    registry: RegistryArgs,

    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

/// `--type`: the registry's schema types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SchemaKind {
    Avro,
    Protobuf,
    Json,
}

impl SchemaKind {
    fn registry_name(self) -> &'static str {
        match self {
            SchemaKind::Avro => "AVRO",
            SchemaKind::Protobuf => "PROTOBUF",
            SchemaKind::Json => "JSON",
        }
    }
}

/// A schema to send: its text from a file (or `-`), its type and references.
#[derive(Debug, clap::Args)]
struct SchemaInput {
    /// File holding the schema (an Avro .avsc, a .proto, a JSON Schema); - reads standard
    /// input
    file: PathBuf,

    /// Schema type [default: from the file's extension, .proto and .json, else avro]
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    kind: Option<SchemaKind>,

    /// A schema this one refers to, NAME=SUBJECT:VERSION (repeatable): an Avro named type, a
    /// Protobuf import, a JSON Schema $ref; VERSION may be latest
    #[arg(long = "reference", value_name = "NAME=SUBJECT:VERSION", value_parser = parse_reference)]
    references: Vec<Value>,
}

#[derive(Debug, clap::Subcommand)]
enum SchemasCommand {
    /// List subjects with their latest version, id and type
    List {
        /// Only subjects starting with this
        #[arg(long, value_name = "PREFIX")]
        prefix: Option<String>,
        /// Include subjects whose versions are all soft-deleted
        #[arg(long)]
        deleted: bool,
    },
    /// Show a schema: a subject's version (latest by default), or the schema with an id
    Get {
        /// Subject (omit with --id)
        #[arg(required_unless_present = "id")]
        subject: Option<String>,
        /// Version number, or latest
        #[arg(
            short = 'V',
            long,
            value_name = "VERSION",
            default_value = "latest",
            conflicts_with = "id"
        )]
        version: String,
        /// The schema with this global id
        #[arg(long, value_name = "ID")]
        id: Option<i32>,
        /// Print the schema text alone
        #[arg(long)]
        schema_only: bool,
    },
    /// Register a schema under a subject (the same schema again answers its existing id)
    Register {
        /// Subject, e.g. orders-value
        subject: String,
        #[command(flatten)]
        input: SchemaInput,
    },
    /// Check a schema against a subject's compatibility level before registering it; exits 1
    /// when it is incompatible
    Check {
        /// Subject
        subject: String,
        #[command(flatten)]
        input: SchemaInput,
        /// Check against this version only [default: the versions the level names]
        #[arg(short = 'V', long, value_name = "VERSION")]
        version: Option<String>,
    },
    /// Delete a subject, or one version of it: soft first (hidden, id kept), then with
    /// --permanent for good
    Delete {
        /// Subject
        subject: String,
        /// Only this version (a number, or latest)
        #[arg(short = 'V', long, value_name = "VERSION")]
        version: Option<String>,
        /// Delete for good what was soft-deleted before
        #[arg(long)]
        permanent: bool,
        /// Say what would be deleted, and delete nothing
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
    /// Show or set the compatibility level, of the registry or of one subject
    Config {
        /// Subject [default: the registry's global setting]
        subject: Option<String>,
        /// Set it: none, backward, backward_transitive, forward, forward_transitive, full,
        /// full_transitive
        #[arg(long, value_name = "LEVEL", conflicts_with = "delete")]
        set: Option<String>,
        /// Set how JSON Schema changes are judged: strict (the default) or lenient
        #[arg(long, value_name = "POLICY", conflicts_with = "delete")]
        policy: Option<String>,
        /// Remove the subject's own setting (it follows the global one again)
        #[arg(long)]
        delete: bool,
    },
}

fn parse_reference(text: &str) -> Result<Value, String> {
    let bad = || format!("'{text}' is not NAME=SUBJECT:VERSION");
    let (name, target) = text.split_once('=').ok_or_else(bad)?;
    let (subject, version) = target.rsplit_once(':').ok_or_else(bad)?;
    let version = match version {
        "latest" => -1,
        v => v.parse::<i32>().ok().filter(|v| *v >= 1).ok_or_else(bad)?,
    };
    if name.is_empty() || subject.is_empty() {
        return Err(bad());
    }
    Ok(json!({"name": name, "subject": subject, "version": version}))
}

impl SchemaInput {
    fn request(&self) -> anyhow::Result<Value> {
        let text = if self.file.as_os_str() == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        } else {
            std::fs::read_to_string(&self.file)
                .with_context(|| format!("cannot read the schema file {}", self.file.display()))?
        };
        let kind =
            self.kind
                .unwrap_or_else(|| match self.file.extension().and_then(|e| e.to_str()) {
                    Some("proto") => SchemaKind::Protobuf,
                    Some("json") => SchemaKind::Json,
                    _ => SchemaKind::Avro,
                });
        let mut request = json!({"schema": text});
        if kind != SchemaKind::Avro {
            request["schemaType"] = json!(kind.registry_name());
        }
        if !self.references.is_empty() {
            request["references"] = json!(self.references);
        }
        Ok(request)
    }
}

/// Runs a `schemas` subcommand.
pub async fn run(args: SchemasArgs) -> anyhow::Result<()> {
    let registry = match args.registry.named(&args.connect)? {
        Some(named) => Some(named),
        None => {
            let client = args.connect.connect().await?;
            args.registry.resolve(&args.connect, &client)?
        }
    };
    let Some(registry) = registry else {
        bail!(
            "no schema registry: give --schema-registry URL (or STREAMLINE_SCHEMA_REGISTRY_URL), \
             or run `serve --schema-registry-addr` on the data directory"
        );
    };
    let mut out = anstream::stdout().lock();
    let format = args.format;
    match args.command {
        SchemasCommand::List { prefix, deleted } => {
            let mut path = format!("/subjects?deleted={deleted}");
            if let Some(p) = &prefix {
                path.push_str(&format!("&subjectPrefix={}", encode_segment(p)));
            }
            let subjects = call(&registry, "GET", &path, None).await?;
            let mut rows = Vec::new();
            for subject in subjects.as_array().into_iter().flatten() {
                let Some(subject) = subject.as_str() else {
                    continue;
                };
                let latest = latest_version(&registry, subject, deleted).await?;
                rows.push(json!({
                    "subject": subject,
                    "version": latest.get("version"),
                    "id": latest.get("id"),
                    "schemaType": latest.get("schemaType").and_then(Value::as_str).unwrap_or("AVRO"),
                }));
            }
            match format {
                Format::Json => write_json(&mut out, &rows)?,
                Format::Text => {
                    let table: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| {
                            ["subject", "version", "id", "schemaType"]
                                .iter()
                                .map(|k| match &r[*k] {
                                    Value::String(s) => s.clone(),
                                    Value::Null => "-".into(),
                                    v => v.to_string(),
                                })
                                .collect()
                        })
                        .collect();
                    write_table(&mut out, &["SUBJECT", "LATEST", "ID", "TYPE"], &table)?;
                }
            }
        }
        SchemasCommand::Get {
            subject,
            version,
            id,
            schema_only,
        } => {
            let answer = match (id, subject) {
                (Some(id), _) => {
                    let mut answer =
                        call(&registry, "GET", &format!("/schemas/ids/{id}"), None).await?;
                    answer["id"] = json!(id);
                    answer
                }
                (None, Some(subject)) => {
                    call(
                        &registry,
                        "GET",
                        &format!(
                            "/subjects/{}/versions/{}",
                            encode_segment(&subject),
                            encode_segment(&version)
                        ),
                        None,
                    )
                    .await?
                }
                (None, None) => bail!("name a subject, or --id"),
            };
            let text = answer["schema"].as_str().unwrap_or_default().to_owned();
            // Avro and JSON Schema texts are JSON: shown indented.
            let shown = serde_json::from_str::<Value>(&text)
                .ok()
                .filter(|v| v.is_object() || v.is_array())
                .map_or(text.clone(), |v| {
                    serde_json::to_string_pretty(&v).unwrap_or(text.clone())
                });
            match (format, schema_only) {
                (Format::Json, _) => write_json(&mut out, &answer)?,
                (Format::Text, true) => writeln!(out, "{shown}")?,
                (Format::Text, false) => {
                    let mut head = Vec::new();
                    for key in ["subject", "version", "id"] {
                        if let Some(v) = answer.get(key) {
                            head.push(format!(
                                "{key} {}",
                                v.as_str().map_or(v.to_string(), str::to_owned)
                            ));
                        }
                    }
                    head.push(format!(
                        "type {}",
                        answer["schemaType"].as_str().unwrap_or("AVRO")
                    ));
                    if let Some(refs) = answer["references"].as_array() {
                        for r in refs {
                            head.push(format!(
                                "reference {} = {}:{}",
                                r["name"].as_str().unwrap_or_default(),
                                r["subject"].as_str().unwrap_or_default(),
                                r["version"]
                            ));
                        }
                    }
                    writeln!(out, "{}\n{shown}", head.join("\n"))?;
                }
            }
        }
        SchemasCommand::Register { subject, input } => {
            let request = input.request()?;
            let path = format!("/subjects/{}/versions", encode_segment(&subject));
            let id = call(&registry, "POST", &path, Some(&request)).await?["id"].clone();
            // The version it landed at: the registry's lookup answers it.
            let found = call(
                &registry,
                "POST",
                &format!("/subjects/{}", encode_segment(&subject)),
                Some(&request),
            )
            .await?;
            let row = json!({"subject": subject, "version": found["version"], "id": id});
            match format {
                Format::Json => write_json(&mut out, &row)?,
                Format::Text => writeln!(
                    out,
                    "Registered {subject} version {} (schema id {id})",
                    found["version"]
                )?,
            }
        }
        SchemasCommand::Check {
            subject,
            input,
            version,
        } => {
            let request = input.request()?;
            let path = match &version {
                Some(v) => format!(
                    "/compatibility/subjects/{}/versions/{}?verbose=true",
                    encode_segment(&subject),
                    encode_segment(v)
                ),
                None => format!(
                    "/compatibility/subjects/{}/versions?verbose=true",
                    encode_segment(&subject)
                ),
            };
            let answer = call(&registry, "POST", &path, Some(&request)).await?;
            let compatible = answer["is_compatible"].as_bool().unwrap_or(false);
            match format {
                Format::Json => write_json(&mut out, &answer)?,
                Format::Text if compatible => writeln!(out, "compatible with {subject}")?,
                Format::Text => {
                    writeln!(out, "NOT compatible with {subject}:")?;
                    for m in answer["messages"].as_array().into_iter().flatten() {
                        writeln!(out, "  {}", m.as_str().unwrap_or_default())?;
                    }
                }
            }
            out.flush()?;
            if !compatible {
                std::process::exit(1);
            }
        }
        SchemasCommand::Delete {
            subject,
            version,
            permanent,
            dry_run,
            yes,
        } => {
            let what = match &version {
                Some(v) => format!("version {v} of {subject}"),
                None => format!("subject {subject}"),
            };
            let how = if permanent { "permanently" } else { "softly" };
            if dry_run {
                // What the subject holds now, so the dry run says what would go.
                let versions = call(
                    &registry,
                    "GET",
                    &format!(
                        "/subjects/{}/versions?deleted={permanent}",
                        encode_segment(&subject)
                    ),
                    None,
                )
                .await?;
                match format {
                    Format::Json => write_json(
                        &mut out,
                        &json!({"subject": subject, "version": version, "permanent": permanent, "versions": versions, "dry_run": true}),
                    )?,
                    Format::Text => writeln!(
                        out,
                        "Would delete {what} {how} (versions now: {versions}); nothing deleted"
                    )?,
                }
                return Ok(());
            }
            if !yes && !confirm(&format!("Delete {what} {how}?"))? {
                bail!("not deleted");
            }
            let mut path = match &version {
                Some(v) => format!(
                    "/subjects/{}/versions/{}",
                    encode_segment(&subject),
                    encode_segment(v)
                ),
                None => format!("/subjects/{}", encode_segment(&subject)),
            };
            if permanent {
                path.push_str("?permanent=true");
            }
            let deleted = call(&registry, "DELETE", &path, None).await?;
            match format {
                Format::Json => write_json(
                    &mut out,
                    &json!({"subject": subject, "deleted": deleted, "permanent": permanent}),
                )?,
                Format::Text => writeln!(out, "Deleted {what} {how}: {deleted}")?,
            }
        }
        SchemasCommand::Config {
            subject,
            set,
            policy,
            delete,
        } => {
            let path = match &subject {
                Some(s) => format!("/config/{}", encode_segment(s)),
                None => "/config".to_owned(),
            };
            let answer = if set.is_some() || policy.is_some() {
                let mut update = json!({});
                if let Some(level) = &set {
                    update["compatibility"] = json!(level);
                }
                if let Some(policy) = &policy {
                    update["compatibilityPolicy"] = json!(policy);
                }
                call(&registry, "PUT", &path, Some(&update)).await?
            } else if delete {
                call(&registry, "DELETE", &path, None).await?
            } else {
                match call(&registry, "GET", &path, None).await {
                    Ok(v) => v,
                    // No level of its own: the global one applies.
                    Err(e)
                        if e.downcast_ref::<CallError>().and_then(CallError::code)
                            == Some(40408) =>
                    {
                        let global = call(
                            &registry,
                            "GET",
                            &format!("{path}?defaultToGlobal=true"),
                            None,
                        )
                        .await?;
                        json!({"compatibilityLevel": global["compatibilityLevel"], "inherited": true})
                    }
                    Err(e) => return Err(e),
                }
            };
            let mut level = answer
                .get("compatibilityLevel")
                .or_else(|| answer.get("compatibility"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let policy = answer
                .get("compatibilityPolicy")
                .and_then(Value::as_str)
                .map(str::to_owned);
            if let Some(p) = &policy {
                level = format!("{level}, {p} policy");
            }
            match format {
                Format::Json => write_json(
                    &mut out,
                    &json!({"subject": subject, "compatibility": answer.get("compatibilityLevel").or_else(|| answer.get("compatibility")), "policy": policy, "inherited": answer.get("inherited").is_some()}),
                )?,
                Format::Text => {
                    let scope = subject
                        .as_deref()
                        .map_or("global".to_owned(), |s| format!("subject {s}"));
                    if delete {
                        writeln!(
                            out,
                            "{scope}: compatibility setting removed (it was {level})"
                        )?;
                    } else if answer.get("inherited").is_some() {
                        writeln!(out, "{scope}: {level} (the global level; none of its own)")?;
                    } else {
                        writeln!(out, "{scope}: {level}")?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// A subject's latest version — with `deleted`, the latest of all when every one is
/// soft-deleted.
async fn latest_version(
    registry: &RegistryClient,
    subject: &str,
    deleted: bool,
) -> anyhow::Result<Value> {
    let s = encode_segment(subject);
    match call(
        registry,
        "GET",
        &format!("/subjects/{s}/versions/latest"),
        None,
    )
    .await
    {
        Ok(v) => Ok(v),
        Err(_) if deleted => {
            let versions = call(
                registry,
                "GET",
                &format!("/subjects/{s}/versions?deleted=true"),
                None,
            )
            .await?;
            match versions.as_array().and_then(|v| v.last()) {
                Some(last) => {
                    call(
                        registry,
                        "GET",
                        &format!("/subjects/{s}/versions/{last}?deleted=true"),
                        None,
                    )
                    .await
                }
                None => Ok(Value::Null),
            }
        }
        Err(e) => Err(e),
    }
}

/// One call, its refusal turned into an error naming the registry's message and code.
async fn call(
    registry: &RegistryClient,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> anyhow::Result<Value> {
    registry
        .call(method, path, body)
        .await
        .map_err(anyhow::Error::new)
}
