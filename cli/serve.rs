//! `streamline serve`: resolves the [`ServerConfig`], sets up logging, runs the broker until a
//! stop signal and shuts it down cleanly. Every setting is declared once, in
//! [`ConfigLayer`]; this file only adds the flags that are about `serve` itself.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context};
use streamline::config::{generate_config, ConfigLayer, ServerConfig};
use streamline::server::Server;
use tracing::{info, warn};
use tracing_subscriber::EnvFilter;

use crate::signal::StopSignals;

/// Flags of `streamline serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Read settings from this TOML file; flags and STREAMLINE_* variables override it
    #[arg(short = 'c', long, env = "STREAMLINE_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,

    /// Print a commented config file with every setting at its default, then exit
    #[arg(long)]
    generate_config: bool,

    /// Also create demo topics (orders, clickstream, sensors, logs) fed with live data, and a
    /// consumer group that lags, so `top`, `consume -f` and `groups describe` show something
    /// at once; the schema registry runs (on 127.0.0.1:8081 when free) and `payments` carries
    /// Avro records of a registered schema; `--playground secure` adds a SASL_SSL listener
    /// with a demo user and a certificate, and prints the client settings
    #[arg(long, env = "STREAMLINE_PLAYGROUND", value_name = "MODE", value_parser = playground_arg, num_args = 0..=1, default_missing_value = "true", default_value = "false")]
    playground: Playground,

    /// Once serving, write the bound address (HOST:PORT and a newline) to this file, so a
    /// script can wait for it; removed again at a clean stop
    #[arg(long, value_name = "PATH")]
    ready_file: Option<PathBuf>,

    #[command(flatten)]
    settings: ConfigLayer,
}

/// The playground's schema registry: Confluent's port when it is free, else any free one (the
/// welcome text prints it).
fn playground_registry_addr() -> std::net::SocketAddr {
    let preferred = std::net::SocketAddr::from(([127, 0, 0, 1], 8081));
    match std::net::TcpListener::bind(preferred) {
        Ok(_) => preferred,
        Err(_) => std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
    }
}

/// What `--playground` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Playground {
    Off,
    On,
    Secure,
}

fn playground_arg(text: &str) -> Result<Playground, String> {
    match text.to_ascii_lowercase().as_str() {
        "secure" => Ok(Playground::Secure),
        "true" | "yes" | "on" | "1" | "y" => Ok(Playground::On),
        "false" | "no" | "off" | "0" | "n" => Ok(Playground::Off),
        other => Err(format!("'{other}' is not true, false or secure")),
    }
}

/// A TLS certificate expiring sooner than this is warned about at start (and by `doctor`).
const CERTIFICATE_WARNING_DAYS: i64 = 30;

/// Runs `serve` to completion: until the server stops after a signal, or fails.
pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    if args.generate_config {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(generate_config().as_bytes())?;
        stdout.flush()?;
        return Ok(());
    }
    let mut config = ServerConfig::load(args.settings, args.config.as_deref())?;
    let secure_playground = if args.playground == Playground::Secure {
        Some(crate::playground_secure::prepare(&mut config)?)
    } else {
        None
    };
    if args.playground != Playground::Off && config.schema_registry_addr.is_none() {
        config.schema_registry_addr = Some(playground_registry_addr());
    }
    init_logging(&config.log_level)?;
    let mut signals = StopSignals::install().context("cannot install signal handlers")?;

    let storage = if config.in_memory {
        "in memory only (nothing is written to disk)".to_owned()
    } else {
        let dir = std::path::absolute(&config.data_dir).unwrap_or(config.data_dir.clone());
        format!("in {}", dir.display())
    };
    let advertised = config.advertised_addr.clone();
    info!("starting streamline {}", env!("CARGO_PKG_VERSION"));
    if let Some(http) = config.http_addr.filter(|a| !a.ip().is_loopback()) {
        warn!(
            "HTTP listener on {http}, reachable from other machines: /metrics names every \
             topic and consumer group"
        );
    }
    if let Some(registry) = config
        .schema_registry_addr
        .filter(|a| !a.ip().is_loopback())
    {
        warn!(
            "schema registry on {registry}, reachable from other machines without \
             authentication: anyone there can register and delete schemas"
        );
    }
    let listen_addr = config.listen_addr;
    let (in_memory, data_dir) = (config.in_memory, config.data_dir.clone());
    let server = match Server::start(config).await {
        Ok(server) => server,
        // Already says which address it could not listen on.
        Err(e @ streamline::Error::Listen { .. }) => return Err(e.into()),
        Err(e) => {
            return Err(
                anyhow::Error::new(e).context(format!("cannot start the server on {listen_addr}"))
            )
        }
    };
    if let Some(path) = &args.ready_file {
        write_ready_file(path, server.local_addr(), server.http_addr())
            .with_context(|| format!("cannot write the ready file {}", path.display()))?;
    }
    // Then the bound address first on standard output, for scripts (`--listen-addr
    // 127.0.0.1:0` picks a free port): read one line and connect. The HTTP address, when
    // there is a listener, is the second line; the schema registry's comes next.
    {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{}", server.local_addr())?;
        if let Some(http) = server.http_addr() {
            writeln!(stdout, "{http}")?;
        }
        if let Some(registry) = server.schema_registry_addr() {
            writeln!(stdout, "{registry}")?;
        }
        stdout.flush()?;
    }
    if let Some(http) = server.http_addr() {
        info!(
            "serving health and metrics on http://{http}/ (/health/live, /health/ready, /metrics)"
        );
    }
    if let Some(registry) = server.schema_registry_addr() {
        info!("serving a schema registry on http://{registry}/ (schema.registry.url)");
    }
    if server.listeners().len() == 1 && server.listeners()[0].name == "PLAINTEXT" {
        match advertised {
            Some(advertised) => info!(
                "serving Kafka on {} (advertised as {advertised}), data {storage}",
                server.local_addr()
            ),
            None => info!("serving Kafka on {}, data {storage}", server.local_addr()),
        }
    } else {
        for listener in server.listeners() {
            info!(
                "serving Kafka on {} as listener {} ({})",
                listener.addr,
                listener.name,
                listener.protocol.name()
            );
        }
        info!("data {storage}");
    }
    // Only with --allow-unauthenticated-remote can a listener like this start.
    for l in server
        .listeners()
        .iter()
        .filter(|l| !l.addr.ip().is_loopback() && !l.authenticates)
    {
        warn!(
            "listener {} ({}, {}) is reachable from other machines without authentication \
             (--allow-unauthenticated-remote): anyone who can connect can read, write and \
             delete every topic",
            l.name,
            l.protocol.name(),
            l.addr
        );
    }
    if let Some(expiry) = server.certificate_expiry() {
        let left_s = expiry - chrono::Utc::now().timestamp();
        if left_s <= 0 {
            warn!("the TLS certificate has expired: clients will refuse it");
        } else if left_s < CERTIFICATE_WARNING_DAYS * 86_400 {
            warn!("the TLS certificate expires in {} days", left_s / 86_400);
        }
    }

    let playground = if args.playground != Playground::Off {
        let playground = crate::playground::start(&server)?;
        // The CLI finds a server through its data directory; in memory, or elsewhere than the
        // default one, it needs the address.
        let found_by_data_dir = !in_memory && data_dir == std::path::Path::new("./data");
        let welcome = crate::playground::welcome(
            server.local_addr(),
            !found_by_data_dir,
            server.schema_registry_addr(),
        );
        anstream::println!("{welcome}");
        if let Some(secure) = &secure_playground {
            let sasl_ssl = server
                .listeners()
                .iter()
                .find(|l| l.name == "SASL_SSL")
                .map(|l| l.addr)
                .context("the secured playground has no SASL_SSL listener")?;
            anstream::println!("{}", secure.client_settings(sasl_ssl)?);
        }
        Some(playground)
    } else {
        None
    };

    let signal = loop {
        match signals.recv_or_reload().await? {
            Some(stop) => break stop,
            None => {
                info!("SIGHUP received: rereading the TLS certificate");
                server.reload_tls();
            }
        }
    };
    info!("{signal} received, shutting down");
    if let Some(playground) = playground {
        playground.stop().await;
    }
    // A second request while shutting down means the user will not wait: leave now, since
    // installing handlers has disabled the default of dying on the signal.
    tokio::select! {
        stopped = server.shutdown() => stopped.context("shutdown failed")?,
        again = signals.recv() => bail!(
            "{} received during shutdown; exited without finishing it",
            again?
        ),
    }
    if let Some(path) = &args.ready_file {
        if let Err(e) = std::fs::remove_file(path) {
            warn!("cannot remove the ready file {}: {e}", path.display());
        }
    }
    info!("stopped");
    Ok(())
}

/// Writes the address to a temporary file beside `path` and renames it into place, so a
/// reader never sees a half-written address.
fn write_ready_file(
    path: &std::path::Path,
    addr: std::net::SocketAddr,
    http: Option<std::net::SocketAddr>,
) -> std::io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let contents = match http {
        Some(http) => format!("{addr}\n{http}\n"),
        None => format!("{addr}\n"),
    };
    std::fs::write(&temporary, contents)?;
    std::fs::rename(&temporary, path)
}

/// Logs to stderr, one compact line per event, coloured only on a terminal.
fn init_logging(filter: &str) -> anyhow::Result<()> {
    let filter = EnvFilter::try_new(filter).context("invalid log level")?;
    tracing_subscriber::fmt()
        .compact()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(crate::style::stderr_colored())
        .try_init()
        .map_err(|e| anyhow::anyhow!("cannot set up logging: {e}"))
}
