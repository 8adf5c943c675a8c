//! `streamline acls`: list, create and delete ACLs with Kafka's model and `kafka-acls`'s
//! vocabulary (resource type and name, LITERAL or PREFIXED pattern, principal, host, operation,
//! ALLOW or DENY), on our broker, any Kafka cluster, or a data directory in-process. A delete
//! takes the same filter as a list; `--dry-run` shows what it would remove.

use std::io::Write;

use anyhow::{bail, Context};
use serde::Serialize;
use streamline::security::acl::{
    Acl, AclFilter, Operation, PatternFilter, PatternType, Permission, ResourceType,
};

use crate::connect::ConnectArgs;
use crate::output::{confirm, write_json, write_table, Format};

/// Flags of `streamline acls`.
#[derive(Debug, clap::Args)]
pub struct AclsArgs {
    #[command(subcommand)]
    command: AclsCommand,

    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

/// The fields that select ACLs (every one optional: unset matches anything).
#[derive(Debug, Clone, clap::Args)]
struct FilterArgs {
    /// topic, group, cluster, transactional-id, delegation-token or user
    #[arg(long, value_name = "TYPE", value_parser = resource_type_arg)]
    resource_type: Option<ResourceType>,
    /// Resource name (for a cluster: kafka-cluster)
    #[arg(long, value_name = "NAME")]
    resource_name: Option<String>,
    /// literal, prefixed, any, or match (every ACL that applies to --resource-name)
    #[arg(long, value_name = "PATTERN", value_parser = pattern_filter_arg, default_value = "any")]
    pattern: PatternFilter,
    /// Principal, e.g. User:alice (User:* is anyone)
    #[arg(long, value_name = "PRINCIPAL")]
    principal: Option<String>,
    /// Client host (* for any)
    #[arg(long, value_name = "HOST")]
    host: Option<String>,
    /// Operation: all, read, write, create, delete, alter, describe, cluster-action,
    /// describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens
    #[arg(long, value_name = "OPERATION", value_parser = operation_arg)]
    operation: Option<Operation>,
    /// allow or deny
    #[arg(long, value_name = "PERMISSION", value_parser = permission_arg)]
    permission: Option<Permission>,
}

impl FilterArgs {
    fn filter(&self) -> AclFilter {
        AclFilter {
            resource_type: self.resource_type,
            resource_name: self.resource_name.clone(),
            pattern: self.pattern,
            principal: self.principal.clone(),
            host: self.host.clone(),
            operation: self.operation,
            permission: self.permission,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
enum AclsCommand {
    /// List ACLs, all or those the filter flags select
    List {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Create ACLs: one per --operation (and per --principal)
    Create {
        /// topic, group, cluster, transactional-id, delegation-token or user
        #[arg(long, value_name = "TYPE", value_parser = resource_type_arg)]
        resource_type: ResourceType,
        /// Resource name; * for every resource of the type [default for a cluster: kafka-cluster]
        #[arg(long, value_name = "NAME")]
        resource_name: Option<String>,
        /// literal or prefixed
        #[arg(long, value_name = "PATTERN", value_parser = pattern_type_arg, default_value = "literal")]
        pattern: PatternType,
        /// Principal, e.g. User:alice, or User:* for anyone (repeatable)
        #[arg(long, value_name = "PRINCIPAL", required = true)]
        principal: Vec<String>,
        /// Client host the ACL applies to
        #[arg(long, value_name = "HOST", default_value = "*")]
        host: String,
        /// Operation (repeatable): all, read, write, create, delete, alter, describe,
        /// cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens,
        /// describe-tokens
        #[arg(long, value_name = "OPERATION", value_parser = operation_arg, required = true)]
        operation: Vec<Operation>,
        /// allow or deny
        #[arg(long, value_name = "PERMISSION", value_parser = permission_arg, default_value = "allow")]
        permission: Permission,
    },
    /// Delete the ACLs the filter flags select
    Delete {
        #[command(flatten)]
        filter: FilterArgs,
        /// Show what would be deleted, and delete nothing
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

fn resource_type_arg(text: &str) -> Result<ResourceType, String> {
    ResourceType::parse(text).ok_or_else(|| {
        format!("'{text}' is not topic, group, cluster, transactional-id, delegation-token or user")
    })
}

fn pattern_type_arg(text: &str) -> Result<PatternType, String> {
    PatternType::parse(text).ok_or_else(|| format!("'{text}' is not literal or prefixed"))
}

fn pattern_filter_arg(text: &str) -> Result<PatternFilter, String> {
    match text.to_ascii_lowercase().as_str() {
        "any" => Ok(PatternFilter::Any),
        "match" => Ok(PatternFilter::Match),
        other => PatternType::parse(other)
            .map(PatternFilter::Exactly)
            .ok_or_else(|| format!("'{text}' is not literal, prefixed, any or match")),
    }
}

fn operation_arg(text: &str) -> Result<Operation, String> {
    Operation::parse(text).ok_or_else(|| format!("'{text}' is not an ACL operation"))
}

fn permission_arg(text: &str) -> Result<Permission, String> {
    Permission::parse(text).ok_or_else(|| format!("'{text}' is not allow or deny"))
}

#[derive(Serialize)]
struct AclRow {
    resource_type: &'static str,
    resource_name: String,
    pattern_type: &'static str,
    principal: String,
    host: String,
    operation: &'static str,
    permission: &'static str,
}

impl From<&Acl> for AclRow {
    fn from(a: &Acl) -> AclRow {
        AclRow {
            resource_type: a.resource_type.name(),
            resource_name: a.resource_name.clone(),
            pattern_type: a.pattern_type.name(),
            principal: a.principal.clone(),
            host: a.host.clone(),
            operation: a.operation.name(),
            permission: a.permission.name(),
        }
    }
}

fn print_acls(out: &mut impl Write, format: Format, acls: &[Acl]) -> anyhow::Result<()> {
    let rows: Vec<AclRow> = acls.iter().map(AclRow::from).collect();
    match format {
        Format::Json => write_json(out, &rows)?,
        Format::Text => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.resource_type.to_string(),
                        r.resource_name.clone(),
                        r.pattern_type.to_string(),
                        r.principal.clone(),
                        r.host.clone(),
                        r.operation.to_string(),
                        r.permission.to_string(),
                    ]
                })
                .collect();
            write_table(
                out,
                &[
                    "RESOURCE TYPE",
                    "NAME",
                    "PATTERN",
                    "PRINCIPAL",
                    "HOST",
                    "OPERATION",
                    "PERMISSION",
                ],
                &table,
            )?;
        }
    }
    Ok(())
}

/// Runs an `acls` subcommand.
pub async fn run(args: AclsArgs) -> anyhow::Result<()> {
    let client = args.connect.connect().await?;
    let mut out = anstream::stdout().lock();
    match args.command {
        AclsCommand::List { filter } => {
            let mut acls = client.describe_acls(&filter.filter()).await?;
            acls.sort();
            print_acls(&mut out, args.format, &acls)?;
        }
        AclsCommand::Create {
            resource_type,
            resource_name,
            pattern,
            principal,
            host,
            operation,
            permission,
        } => {
            let resource_name = match (resource_name, resource_type) {
                (Some(name), _) => name,
                (None, ResourceType::Cluster) => "kafka-cluster".to_string(),
                (None, _) => bail!("--resource-name is needed (or * for every {resource_type})"),
            };
            for p in &principal {
                if streamline::security::principal::parse(p).is_none() {
                    bail!("principal '{p}' must be TYPE:NAME, e.g. User:alice");
                }
            }
            let acls: Vec<Acl> = principal
                .iter()
                .flat_map(|p| {
                    operation.iter().map(|op| Acl {
                        resource_type,
                        resource_name: resource_name.clone(),
                        pattern_type: pattern,
                        principal: p.clone(),
                        host: host.clone(),
                        operation: *op,
                        permission,
                    })
                })
                .collect();
            client.create_acls(&acls).await.context("creating ACLs")?;
            match args.format {
                Format::Json => print_acls(&mut out, args.format, &acls)?,
                Format::Text => {
                    writeln!(out, "Created {} ACL(s):", acls.len())?;
                    print_acls(&mut out, args.format, &acls)?;
                }
            }
        }
        AclsCommand::Delete {
            filter,
            dry_run,
            yes,
        } => {
            let filter = filter.filter();
            let mut matching = client.describe_acls(&filter).await?;
            matching.sort();
            if dry_run {
                if args.format == Format::Text {
                    writeln!(
                        out,
                        "Would delete {} ACL(s) (dry run: nothing deleted):",
                        matching.len()
                    )?;
                }
                print_acls(&mut out, args.format, &matching)?;
                out.flush()?;
                return Ok(());
            }
            if matching.is_empty() {
                bail!("no ACL matches");
            }
            if !yes && !confirm(&format!("Delete {} ACL(s)?", matching.len()))? {
                bail!("not deleted");
            }
            let mut deleted: Vec<Acl> = client
                .delete_acls(std::slice::from_ref(&filter))
                .await?
                .into_iter()
                .flatten()
                .collect();
            deleted.sort();
            if args.format == Format::Text {
                writeln!(out, "Deleted {} ACL(s):", deleted.len())?;
            }
            print_acls(&mut out, args.format, &deleted)?;
        }
    }
    out.flush()?;
    Ok(())
}
