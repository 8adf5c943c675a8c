//! Connection flags shared by every client command, and the choice of backend they imply:
//! `-b` → the named cluster; a `serve` running on the data directory → that server; otherwise
//! the data directory opened in-process.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use streamline::client::{Client, Target};

/// Where a command reads and writes.
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectArgs {
    /// Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is
    /// used, through the server running on it if there is one
    #[arg(
        short = 'b',
        long = "bootstrap-server",
        env = "STREAMLINE_BROKERS",
        value_name = "HOST:PORT",
        global = true
    )]
    pub bootstrap: Option<String>,

    /// Data directory to open in-process when no -b is given [default: ./data]
    #[arg(long, env = "STREAMLINE_DATA_DIR", value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Use a saved connection profile (see `streamline profile`); -b and --data-dir override it
    #[arg(
        short = 'P',
        long,
        env = "STREAMLINE_PROFILE",
        value_name = "NAME",
        global = true
    )]
    pub profile: Option<String>,
}

impl ConnectArgs {
    /// The bootstrap servers and data directory the flags and the profile name, if any
    /// (the data directory `None` when neither names one).
    pub fn resolve(&self) -> anyhow::Result<(Option<String>, Option<PathBuf>)> {
        let profile = match &self.profile {
            Some(name) => crate::profile::get(name)?,
            None => crate::profile::Profile::default(),
        };
        Ok((
            self.bootstrap.clone().or(profile.bootstrap),
            self.data_dir.clone().or(profile.data_dir),
        ))
    }

    /// Connects as the flags (and the profile, if any) say — or, inside `streamline shell`,
    /// hands out the shell's connection when they name the same target.
    pub async fn connect(&self) -> anyhow::Result<Arc<Client>> {
        let (bootstrap, data_dir) = self.resolve()?;
        let data_dir = data_dir.unwrap_or_else(|| PathBuf::from("./data"));
        let target = Target {
            bootstrap: bootstrap.clone(),
            data_dir: data_dir.clone(),
        };
        if let Some((session_target, client)) =
            SESSION.lock().unwrap_or_else(|e| e.into_inner()).as_ref()
        {
            // Inside the shell a command that names no target of its own uses the session's.
            let names_none =
                self.bootstrap.is_none() && self.data_dir.is_none() && self.profile.is_none();
            if names_none || *session_target == target {
                return Ok(client.clone());
            }
        }
        let client = Client::connect(&target)
            .await
            .with_context(|| match &bootstrap {
                Some(b) => format!("cannot reach the Kafka cluster at {b}"),
                None => format!("cannot open the data directory {}", data_dir.display()),
            })?;
        Ok(Arc::new(client))
    }

    /// Connects and makes this connection the one every later [`ConnectArgs::connect`] to the
    /// same target returns (the shell's session).
    pub async fn connect_session(&self) -> anyhow::Result<Arc<Client>> {
        let client = self.connect().await?;
        let (bootstrap, data_dir) = self.resolve()?;
        let target = Target {
            bootstrap,
            data_dir: data_dir.unwrap_or_else(|| PathBuf::from("./data")),
        };
        *SESSION.lock().unwrap_or_else(|e| e.into_inner()) = Some((target, client.clone()));
        Ok(client)
    }

    /// Ends the session: the connection closes once the last command holding it is done.
    pub fn end_session() {
        SESSION.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// The shell's connection and the target it was made for.
static SESSION: Mutex<Option<(Target, Arc<Client>)>> = Mutex::new(None);
