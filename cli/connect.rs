//! Connection flags shared by every client command, and the choice of backend they imply:
//! `-b` → the named cluster; a `serve` running on the data directory → that server; otherwise
//! the data directory opened in-process.

use std::path::PathBuf;

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

    /// Data directory to open in-process when no -b is given
    #[arg(
        long,
        env = "STREAMLINE_DATA_DIR",
        value_name = "DIR",
        default_value = "./data",
        global = true
    )]
    pub data_dir: PathBuf,
}

impl ConnectArgs {
    /// Connects as the flags say.
    pub async fn connect(&self) -> anyhow::Result<Client> {
        let target = Target {
            bootstrap: self.bootstrap.clone(),
            data_dir: self.data_dir.clone(),
        };
        Client::connect(&target)
            .await
            .with_context(|| match &self.bootstrap {
                Some(b) => format!("cannot reach the Kafka cluster at {b}"),
                None => format!("cannot open the data directory {}", self.data_dir.display()),
            })
    }
}
