//! `streamline users`: SASL/SCRAM users — list them, create one, change a password, delete one
//! — through KIP-554's APIs on our broker or any Kafka cluster, or on a data directory
//! in-process. A new password comes from a file only its owner can read, the
//! `STREAMLINE_NEW_PASSWORD` variable, or a prompt; never from the command line. It is salted
//! and hashed here: the broker only ever receives the salted password.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context};
use serde::Serialize;
use streamline::security::scram::{Mechanism, MAX_ITERATIONS, MIN_ITERATIONS};

use crate::connect::ConnectArgs;
use crate::output::{confirm, write_json, write_table, Format};

/// The variable a new password may come from.
const NEW_PASSWORD_VARIABLE: &str = "STREAMLINE_NEW_PASSWORD";

/// Flags of `streamline users`.
#[derive(Debug, clap::Args)]
pub struct UsersArgs {
    #[command(subcommand)]
    command: UsersCommand,

    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

/// Which SCRAM mechanisms a command acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Mechanisms {
    /// SCRAM-SHA-256 and SCRAM-SHA-512
    Both,
    #[value(name = "SCRAM-SHA-256", alias = "scram-sha-256")]
    ScramSha256,
    #[value(name = "SCRAM-SHA-512", alias = "scram-sha-512")]
    ScramSha512,
}

impl Mechanisms {
    fn list(self) -> Vec<Mechanism> {
        match self {
            Mechanisms::Both => vec![Mechanism::Sha256, Mechanism::Sha512],
            Mechanisms::ScramSha256 => vec![Mechanism::Sha256],
            Mechanisms::ScramSha512 => vec![Mechanism::Sha512],
        }
    }
}

/// Where a new password comes from.
#[derive(Debug, clap::Args)]
struct NewPassword {
    /// Read the new password from this file (its first line; readable by its owner only);
    /// else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal
    #[arg(long, value_name = "FILE")]
    password_file: Option<PathBuf>,

    /// SCRAM mechanisms to set the password for
    #[arg(long, value_enum, default_value = "both")]
    mechanism: Mechanisms,

    /// PBKDF2 iterations (Kafka accepts 4096 to 16384)
    #[arg(long, default_value_t = 8192, value_parser = clap::value_parser!(u32).range(MIN_ITERATIONS as i64..=MAX_ITERATIONS as i64))]
    iterations: u32,
}

#[derive(Debug, clap::Subcommand)]
enum UsersCommand {
    /// List users and their SCRAM mechanisms
    List,
    /// Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)
    Create {
        /// User name
        name: String,
        #[command(flatten)]
        password: NewPassword,
    },
    /// Change a user's password
    Passwd {
        /// User name
        name: String,
        #[command(flatten)]
        password: NewPassword,
    },
    /// Delete a user's credentials
    Delete {
        /// User name
        name: String,
        /// SCRAM mechanisms to delete
        #[arg(long, value_enum, default_value = "both")]
        mechanism: Mechanisms,
        /// Say what would be deleted, and delete nothing
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

#[derive(Serialize)]
struct UserRow {
    user: String,
    mechanisms: Vec<MechanismRow>,
}

#[derive(Serialize)]
struct MechanismRow {
    mechanism: &'static str,
    iterations: i32,
}

/// Runs a `users` subcommand.
pub async fn run(args: UsersArgs) -> anyhow::Result<()> {
    let client = args.connect.connect().await?;
    let mut out = anstream::stdout().lock();
    let creating = matches!(args.command, UsersCommand::Create { .. });
    match args.command {
        UsersCommand::List => {
            let users = client.describe_scram_users(&[]).await?;
            let rows: Vec<UserRow> = users
                .into_iter()
                .map(|u| UserRow {
                    user: u.name,
                    mechanisms: u
                        .credentials
                        .into_iter()
                        .map(|(m, iterations)| MechanismRow {
                            mechanism: m.name(),
                            iterations,
                        })
                        .collect(),
                })
                .collect();
            match args.format {
                Format::Json => write_json(&mut out, &rows)?,
                Format::Text => {
                    let table: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| {
                            vec![
                                r.user.clone(),
                                r.mechanisms
                                    .iter()
                                    .map(|m| format!("{} ({})", m.mechanism, m.iterations))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            ]
                        })
                        .collect();
                    write_table(&mut out, &["USER", "MECHANISMS (ITERATIONS)"], &table)?;
                }
            }
        }
        UsersCommand::Create { name, password } | UsersCommand::Passwd { name, password } => {
            if name.is_empty() {
                bail!("a user needs a name");
            }
            let exists = match client
                .describe_scram_users(std::slice::from_ref(&name))
                .await
            {
                Ok(found) => !found.is_empty(),
                Err(streamline::Error::Kafka {
                    error: kafka_protocol::error::ResponseError::ResourceNotFound,
                    ..
                }) => false,
                Err(e) => return Err(e.into()),
            };
            if creating && exists {
                bail!("user '{name}' already exists (change its password with `streamline users passwd {name}`)");
            }
            if !creating && !exists {
                bail!("no user named '{name}' (create it with `streamline users create {name}`)");
            }
            let secret = new_password(&name, password.password_file.as_deref())?;
            let mechanisms = password.mechanism.list();
            for m in &mechanisms {
                client
                    .upsert_scram_credential(&name, *m, &secret, password.iterations)
                    .await
                    .with_context(|| format!("setting the {} password of '{name}'", m.name()))?;
            }
            let names: Vec<&str> = mechanisms.iter().map(|m| m.name()).collect();
            match args.format {
                Format::Json => write_json(
                    &mut out,
                    &serde_json::json!({
                        "user": name,
                        if creating { "created" } else { "updated" }: names,
                        "iterations": password.iterations,
                    }),
                )?,
                Format::Text => writeln!(
                    out,
                    "{} user {name} ({})",
                    if creating {
                        "Created"
                    } else {
                        "Changed the password of"
                    },
                    names.join(", ")
                )?,
            }
        }
        UsersCommand::Delete {
            name,
            mechanism,
            dry_run,
            yes,
        } => {
            let found = client
                .describe_scram_users(std::slice::from_ref(&name))
                .await?;
            let has: Vec<Mechanism> = found
                .iter()
                .flat_map(|u| u.credentials.iter().map(|(m, _)| *m))
                .filter(|m| mechanism.list().contains(m))
                .collect();
            if has.is_empty() {
                bail!("user '{name}' has no credential for {mechanism:?}");
            }
            let names: Vec<&str> = has.iter().map(|m| m.name()).collect();
            if dry_run {
                match args.format {
                    Format::Json => write_json(
                        &mut out,
                        &serde_json::json!({ "user": name, "would_delete": names }),
                    )?,
                    Format::Text => writeln!(
                        out,
                        "Would delete {} of user {name} (dry run: nothing deleted)",
                        names.join(", ")
                    )?,
                }
                return Ok(());
            }
            if !yes && !confirm(&format!("Delete {} of user '{name}'?", names.join(" and ")))? {
                bail!("not deleted");
            }
            for m in &has {
                client.delete_scram_credential(&name, *m).await?;
            }
            match args.format {
                Format::Json => write_json(
                    &mut out,
                    &serde_json::json!({ "user": name, "deleted": names }),
                )?,
                Format::Text => writeln!(out, "Deleted {} of user {name}", names.join(", "))?,
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The new password: from the file, the variable, or asked for twice.
fn new_password(user: &str, file: Option<&std::path::Path>) -> anyhow::Result<String> {
    if let Some(file) = file {
        return crate::security::read_password_file(file);
    }
    if let Ok(p) = std::env::var(NEW_PASSWORD_VARIABLE) {
        if !p.is_empty() {
            return Ok(p);
        }
    }
    let first = crate::security::prompt(&format!("New password for {user}: "), user)?;
    let second = crate::security::prompt("Again: ", user)?;
    if first != second {
        bail!("the passwords do not match");
    }
    if first.is_empty() {
        bail!("the password is empty");
    }
    Ok(first)
}
