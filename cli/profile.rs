//! Connection profiles: named sets of connection flags (`-b`, `--data-dir`, timeouts, security
//! settings — a password file's path rather than the password, unless asked) saved in
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
    /// librdkafka's `security.protocol`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_protocol: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sasl_mechanism: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sasl_username: Option<String>,
    /// Where the password is: a file only its owner can read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sasl_password_file: Option<PathBuf>,
    /// The password itself, only when `profile add --store-password` asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sasl_password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssl_ca_location: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssl_certificate_location: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssl_key_location: Option<PathBuf>,
    /// The schema registry's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_registry_url: Option<String>,
    /// The schema registry's basic-authentication user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_registry_user: Option<String>,
    /// Where that user's password is: a file only its owner can read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_registry_password_file: Option<PathBuf>,
    /// PEM CA certificates to trust for an https:// registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_registry_ca_location: Option<PathBuf>,
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
    // Profiles may hold a stored password: the file is its owner's alone.
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        out.write_all(text.as_bytes())
            .with_context(|| format!("cannot write {}", tmp.display()))?;
    }
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
// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
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
        /// PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
        #[arg(long, value_name = "PROTOCOL")]
        security_protocol: Option<String>,
        /// PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
        #[arg(long, value_name = "MECHANISM")]
        sasl_mechanism: Option<String>,
        /// SASL user name
        #[arg(long, value_name = "NAME")]
        sasl_username: Option<String>,
        /// File holding the password (readable by its owner only); the profile stores this
        /// path, not the password
        #[arg(long, value_name = "FILE")]
        sasl_password_file: Option<PathBuf>,
        /// Store the password itself in the profile (from STREAMLINE_SASL_PASSWORD, or asked
        /// for on the terminal); the profiles file is then made readable by you only
        #[arg(long)]
        store_password: bool,
        /// PEM CA certificates to trust
        #[arg(long, value_name = "FILE")]
        ssl_ca_location: Option<PathBuf>,
        /// PEM client certificate (mTLS)
        #[arg(long, value_name = "FILE")]
        ssl_certificate_location: Option<PathBuf>,
        /// PEM private key of the client certificate
        #[arg(long, value_name = "FILE")]
        ssl_key_location: Option<PathBuf>,
        /// Schema registry URL (http:// or https://)
        #[arg(long, value_name = "URL")]
        schema_registry: Option<String>,
        /// Schema registry basic-authentication user
        #[arg(long, value_name = "USER")]
        schema_registry_user: Option<String>,
        /// File holding the schema registry password (readable by its owner only)
        #[arg(long, value_name = "FILE")]
        schema_registry_password_file: Option<PathBuf>,
        /// PEM CA certificates to trust for an https:// schema registry
        #[arg(long, value_name = "FILE")]
        schema_registry_ca: Option<PathBuf>,
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
            security_protocol,
            sasl_mechanism,
            sasl_username,
            sasl_password_file,
            store_password,
            ssl_ca_location,
            ssl_certificate_location,
            ssl_key_location,
            schema_registry,
            schema_registry_user,
            schema_registry_password_file,
            schema_registry_ca,
        } => {
            if bootstrap.is_none() && data_dir.is_none() {
                bail!("a profile needs -b/--bootstrap-server or --data-dir");
            }
            if name.trim().is_empty() {
                bail!("a profile needs a name");
            }
            let absolute = |p: Option<PathBuf>| p.map(|p| std::path::absolute(&p).unwrap_or(p));
            let sasl_password = if store_password {
                let user = sasl_username
                    .as_deref()
                    .context("--store-password needs --sasl-username")?;
                Some(crate::security::password_to_store(user)?)
            } else {
                None
            };
            let mut file = load()?;
            let data_dir = absolute(data_dir);
            file.profiles.insert(
                name.clone(),
                Profile {
                    bootstrap,
                    data_dir,
                    connect_timeout,
                    request_timeout,
                    security_protocol,
                    sasl_mechanism,
                    sasl_username,
                    sasl_password_file: absolute(sasl_password_file),
                    sasl_password,
                    ssl_ca_location: absolute(ssl_ca_location),
                    ssl_certificate_location: absolute(ssl_certificate_location),
                    ssl_key_location: absolute(ssl_key_location),
                    schema_registry_url: schema_registry,
                    schema_registry_user,
                    schema_registry_password_file: absolute(schema_registry_password_file),
                    schema_registry_ca_location: absolute(schema_registry_ca),
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
