//! Connection profiles: named sets of connection flags (`-b`, `--data-dir`) saved in
//! `$XDG_CONFIG_HOME/streamline/profiles.toml` (`~/.config/streamline/` by default), used with
//! `-P NAME`, and managed by `streamline profile list|add|remove`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

use crate::output::{write_json, write_table, Format};

/// One saved profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bootstrap: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// `--connect-timeout` for commands using this profile, e.g. "5s".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connect_timeout: Option<String>,
    /// `--request-timeout` for commands using this profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_timeout: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

/// Where profiles are stored.
pub fn profiles_path() -> anyhow::Result<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(
            std::env::var_os("HOME").context("neither XDG_CONFIG_HOME nor HOME is set")?,
        )
        .join(".config"),
    };
    Ok(base.join("streamline").join("profiles.toml"))
}

fn load() -> anyhow::Result<ProfileFile> {
    let path = profiles_path()?;
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text)
            .with_context(|| format!("{} is not a valid profiles file", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ProfileFile::default()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

fn save(file: &ProfileFile) -> anyhow::Result<()> {
    let path = profiles_path()?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let text = toml::to_string_pretty(file)?;
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Saves (or replaces) profile `name`; returns the file it is in.
pub fn put(name: &str, profile: Profile) -> anyhow::Result<PathBuf> {
    let mut file = load()?;
    file.profiles.insert(name.to_string(), profile);
    save(&file)?;
    profiles_path()
}

/// The profile called `name`.
pub fn get(name: &str) -> anyhow::Result<Profile> {
    let file = load()?;
    match file.profiles.get(name) {
        Some(p) => Ok(p.clone()),
        None => bail!(
            "no profile named '{name}' in {} (see `streamline profile list`)",
            profiles_path()?.display()
        ),
    }
}

/// Flags of `streamline profile`.
#[derive(Debug, clap::Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    command: ProfileCommand,

    /// Output format
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Format,
}

#[derive(Debug, clap::Subcommand)]
enum ProfileCommand {
    /// List saved profiles
    List,
    /// Save (or replace) a profile
    Add {
        /// Profile name, used as -P NAME
        name: String,
        /// Kafka bootstrap servers (HOST:PORT[,HOST:PORT...])
        #[arg(short = 'b', long = "bootstrap-server", value_name = "HOST:PORT")]
        bootstrap: Option<String>,
        /// Data directory for in-process access
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// How long commands wait for a connection and its first answer (e.g. 5s)
        #[arg(long, value_name = "DURATION", value_parser = crate::timespec::duration_arg)]
        connect_timeout: Option<String>,
        /// How long commands wait for each answer (e.g. 10s)
        #[arg(long, value_name = "DURATION", value_parser = crate::timespec::duration_arg)]
        request_timeout: Option<String>,
    },
    /// Delete a profile
    Remove {
        /// Profile name
        name: String,
    },
}

/// Runs a `profile` subcommand.
pub fn run(args: ProfileArgs) -> anyhow::Result<()> {
    let mut out = anstream::stdout().lock();
    match args.command {
        ProfileCommand::List => {
            let file = load()?;
            match args.format {
                Format::Json => write_json(&mut out, &file.profiles)?,
                Format::Text => {
                    let rows: Vec<Vec<String>> = file
                        .profiles
                        .iter()
                        .map(|(name, p)| {
                            vec![
                                name.clone(),
                                p.bootstrap.clone().unwrap_or_else(|| "-".into()),
                                p.data_dir
                                    .as_ref()
                                    .map_or_else(|| "-".into(), |d| d.display().to_string()),
                            ]
                        })
                        .collect();
                    write_table(&mut out, &["PROFILE", "BOOTSTRAP", "DATA DIR"], &rows)?;
                }
            }
        }
        ProfileCommand::Add {
            name,
            bootstrap,
            data_dir,
            connect_timeout,
            request_timeout,
        } => {
            if bootstrap.is_none() && data_dir.is_none() {
                bail!("a profile needs -b/--bootstrap-server or --data-dir");
            }
            if name.trim().is_empty() {
                bail!("a profile needs a name");
            }
            let mut file = load()?;
            let data_dir = data_dir.map(|d| std::path::absolute(&d).unwrap_or(d));
            file.profiles.insert(
                name.clone(),
                Profile {
                    bootstrap,
                    data_dir,
                    connect_timeout,
                    request_timeout,
                },
            );
            save(&file)?;
            if args.format == Format::Text {
                writeln!(
                    out,
                    "Saved profile {name} in {}",
                    profiles_path()?.display()
                )?;
            }
        }
        ProfileCommand::Remove { name } => {
            let mut file = load()?;
            if file.profiles.remove(&name).is_none() {
                bail!("no profile named '{name}'");
            }
            save(&file)?;
            if args.format == Format::Text {
                writeln!(out, "Removed profile {name}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
