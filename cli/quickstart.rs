//! `streamline quickstart`: a first set-up in one go — where the Kafka is (this machine's data
//! directory, or a cluster's address), a connection check, a saved profile, optionally a demo
//! topic with a few records, and the commands to try next.
//!
//! On a terminal it asks for whatever the flags leave open; without one it never prompts: the
//! flags (or `-y` for every default) must say it all, or it stops with a usage error naming
//! what is missing.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use bytes::Bytes;
use kafka_protocol::records::Compression;
use streamline::broker::now_ms;
use streamline::client::partitioner::partition_for_key;
use streamline::client::produce::OutgoingRecord;

use crate::connect::ConnectArgs;
use crate::profile::Profile;
use crate::usage::usage_bail;

/// The demo topic's name unless told otherwise.
const DEMO_TOPIC: &str = "quickstart";

/// Flags of `streamline quickstart`.
#[derive(Debug, clap::Args)]
pub struct QuickstartArgs {
    /// Save the connection as this profile [default: local, or remote for -b]
    #[arg(long, value_name = "NAME")]
    name: Option<String>,

    /// Create this demo topic with a few records [default on a terminal: asked, quickstart]
    #[arg(long, value_name = "TOPIC", conflicts_with = "no_demo")]
    demo_topic: Option<String>,

    /// Create no demo topic
    #[arg(long)]
    no_demo: bool,

    /// Take the default for everything the flags leave open (a local data directory ./data,
    /// profile local, demo topic quickstart) instead of asking
    #[arg(short = 'y', long)]
    yes: bool,

    #[command(flatten)]
    connect: ConnectArgs,
}

/// Asks on the terminal; every question has a default, taken on an empty answer.
struct Asker {
    editor: Option<rustyline::DefaultEditor>,
}

impl Asker {
    fn ask(&mut self, question: &str, default: &str) -> anyhow::Result<String> {
        let Some(editor) = self.editor.as_mut() else {
            return Ok(default.to_string());
        };
        let answer = editor
            .readline(&format!("{question} [{default}]: "))
            .context("reading the answer")?;
        let answer = answer.trim();
        Ok(if answer.is_empty() {
            default.to_string()
        } else {
            answer.to_string()
        })
    }

    fn confirm(&mut self, question: &str) -> anyhow::Result<bool> {
        loop {
            match self.ask(question, "Y/n")?.to_ascii_lowercase().as_str() {
                "y/n" | "y" | "yes" => return Ok(true),
                "n" | "no" => return Ok(false),
                _ => println!("  answer y or n"),
            }
        }
    }
}

/// Runs `quickstart`.
pub async fn run(args: QuickstartArgs) -> anyhow::Result<()> {
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let given = args.connect.bootstrap.is_some() || args.connect.data_dir.is_some();
    if !terminal && !args.yes && !(given && (args.demo_topic.is_some() || args.no_demo)) {
        usage_bail!(
            "quickstart asks its questions on a terminal; without one, say it all with flags: \
             -b HOST:PORT or --data-dir DIR, --demo-topic NAME or --no-demo (and --name NAME), \
             or -y for every default"
        );
    }
    let mut asker = Asker {
        editor: (terminal && !args.yes)
            .then(rustyline::DefaultEditor::new)
            .transpose()?,
    };
    if asker.editor.is_some() {
        println!("Streamline quickstart: a saved connection, a demo topic and what to try next.\n");
    }

    let (bootstrap, data_dir) = match (&args.connect.bootstrap, &args.connect.data_dir) {
        (Some(b), _) => (Some(b.clone()), None),
        (None, Some(d)) => (None, Some(d.clone())),
        (None, None) => {
            let where_ = asker.ask(
                "Where is your Kafka? local (a data directory on this machine, with or without \
                 `streamline serve`) or remote (a cluster's address)",
                "local",
            )?;
            match where_.as_str() {
                "local" | "l" => (
                    None,
                    Some(PathBuf::from(asker.ask("Data directory", "./data")?)),
                ),
                "remote" | "r" => (
                    Some(asker.ask(
                        "Bootstrap servers (HOST:PORT[,HOST:PORT...])",
                        "127.0.0.1:9092",
                    )?),
                    None,
                ),
                other => usage_bail!("'{other}' is neither local nor remote"),
            }
        }
    };
    let data_dir = data_dir.map(|d| std::path::absolute(&d).unwrap_or(d));

    // The connection, checked before anything is saved.
    let mut connect = args.connect.clone();
    connect.bootstrap = bootstrap.clone();
    connect.data_dir = data_dir.clone();
    connect.profile = None;
    let target = bootstrap
        .clone()
        .or_else(|| data_dir.as_ref().map(|d| d.display().to_string()))
        .unwrap_or_default();
    let client = connect
        .connect()
        .await
        .with_context(|| format!("cannot connect to {target}"))?;
    let topics = client.all_partitions().await?;
    let brokers = client.broker_count().await;
    println!(
        "✓ connected to {target}: {brokers} broker(s), {} topic(s)",
        topics.len()
    );

    let default_name = if bootstrap.is_some() {
        "remote"
    } else {
        "local"
    };
    let name = match &args.name {
        Some(n) => n.clone(),
        None => asker.ask("Save it as profile", default_name)?,
    };
    if name.trim().is_empty() {
        usage_bail!("a profile needs a name");
    }
    let path = crate::profile::put(
        &name,
        Profile {
            bootstrap: bootstrap.clone(),
            data_dir: data_dir.clone(),
            connect_timeout: args.connect.connect_timeout.clone(),
            request_timeout: args.connect.request_timeout.clone(),
            security_protocol: args.connect.security.security_protocol.clone(),
            sasl_mechanism: args.connect.security.sasl_mechanism.clone(),
            sasl_username: args.connect.security.sasl_username.clone(),
            sasl_password_file: args.connect.security.sasl_password_file.clone(),
            ssl_ca_location: args.connect.security.ssl_ca_location.clone(),
            ssl_certificate_location: args.connect.security.ssl_certificate_location.clone(),
            ssl_key_location: args.connect.security.ssl_key_location.clone(),
            ..Profile::default()
        },
    )?;
    println!("✓ saved profile {name} in {}", path.display());

    let demo = match (&args.demo_topic, args.no_demo) {
        (Some(t), _) => Some(t.clone()),
        (None, true) => None,
        (None, false) if asker.editor.is_some() => asker
            .confirm(&format!(
                "Create a demo topic '{DEMO_TOPIC}' with a few records?"
            ))?
            .then(|| DEMO_TOPIC.to_string()),
        (None, false) => Some(DEMO_TOPIC.to_string()),
    };
    if let Some(topic) = &demo {
        if topics.iter().any(|(t, _)| t == topic) {
            println!("✓ topic {topic} is there already");
        } else {
            client.create_topic(topic, 3, -1, &[]).await?;
            let records: Vec<OutgoingRecord> = (1..=5)
                .map(|i| OutgoingRecord {
                    key: Some(Bytes::from(format!("user-{i}"))),
                    value: Some(Bytes::from(format!(
                        "{{\"event\":\"signup\",\"user\":\"user-{i}\",\"n\":{i}}}"
                    ))),
                    headers: vec![],
                    timestamp: now_ms(),
                })
                .collect();
            for record in records {
                let key = record.key.clone().unwrap_or_default();
                let partition = partition_for_key(&key, 3);
                client
                    .produce(topic, partition, &[record], Compression::None, -1)
                    .await?;
            }
            println!("✓ created topic {topic} (3 partitions) with 5 records");
        }
    }

    let p = if name.contains(char::is_whitespace) {
        format!("'{name}'")
    } else {
        name.clone()
    };
    let topic = demo.as_deref().unwrap_or("TOPIC");
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nNext:")?;
    if bootstrap.is_none() {
        writeln!(
            out,
            "  streamline serve --data-dir {}      # serve it to Kafka clients on 127.0.0.1:9092",
            data_dir
                .as_ref()
                .map_or(".".into(), |d| d.display().to_string())
        )?;
    }
    writeln!(out, "  streamline -P {p} topics list")?;
    writeln!(out, "  streamline -P {p} consume {topic} -f")?;
    writeln!(out, "  streamline -P {p} produce {topic} -m 'hello'")?;
    writeln!(out, "  streamline -P {p} top")?;
    writeln!(out, "  streamline -P {p} shell")?;
    Ok(())
}
