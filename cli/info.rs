//! `streamline info`: what this binary is (version, commit, build, platform, what it can
//! do) and what its data directory holds — topics, partitions, records, size on disk, consumer
//! groups — and whether a server holds it, and where.

use std::io::Write;

use serde::Serialize;
use streamline::client::offsets::OffsetSpec;
use streamline::client::Client;

use crate::connect::ConnectArgs;
use crate::output::{human_bytes, write_json, Format};
use crate::style::{paint, HEADING};

#[derive(Debug, clap::Args)]
pub struct InfoArgs {
    #[command(flatten)]
    connect: ConnectArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// What this build supports, for `info`.
const FEATURES: &[&str] = &[
    "Kafka protocol: every API and version in docs/PROTOCOL.md",
    "compression: gzip, snappy, lz4, zstd",
    "idempotent and transactional producers (exactly-once, read_committed consumers)",
    "consumer groups: classic protocol and KIP-848 consumer protocol",
    "storage: segment files with group-commit fsync, or in memory",
    "security: TLS (rustls), SASL PLAIN, SCRAM-SHA-256/512 and OAUTHBEARER, ACLs",
    "schema registry: Confluent's REST API; Avro, Protobuf and JSON Schema",
];

#[derive(Serialize)]
struct Build {
    version: &'static str,
    commit: Option<&'static str>,
    profile: &'static str,
    platform: String,
    features: &'static [&'static str],
}

#[derive(Serialize)]
struct Data {
    /// The data directory, or the cluster for `-b`.
    target: String,
    /// Who holds the data directory: a server and its address, another process, or nobody.
    held_by: Option<String>,
    topics: usize,
    partitions: usize,
    records: i64,
    size_bytes: Option<i64>,
    groups: usize,
    transactional_ids: usize,
}

async fn summarize(
    client: &Client,
    target: String,
    held_by: Option<String>,
) -> anyhow::Result<Data> {
    let topics = client.all_partitions().await?;
    let starts = client.offsets_of(&topics, OffsetSpec::Earliest).await?;
    let ends = client.offsets_of(&topics, OffsetSpec::Latest).await?;
    let records = ends
        .iter()
        .map(|(k, end)| end - starts.get(k).copied().unwrap_or(0))
        .sum();
    let sizes = client.all_sizes().await;
    Ok(Data {
        target,
        held_by,
        topics: topics.len(),
        partitions: topics.iter().map(|(_, p)| p.len()).sum(),
        records,
        size_bytes: (!sizes.is_empty() || topics.is_empty()).then(|| sizes.values().sum()),
        groups: client.list_groups().await.map(|g| g.len()).unwrap_or(0),
        transactional_ids: client
            .list_transactions()
            .await
            .map(|t| t.len())
            .unwrap_or(0),
    })
}

pub async fn run(args: InfoArgs) -> anyhow::Result<()> {
    let build = Build {
        version: env!("CARGO_PKG_VERSION"),
        commit: option_env!("STREAMLINE_GIT_COMMIT"),
        profile: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        platform: format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS),
        features: FEATURES,
    };
    let (bootstrap, data_dir) = args.connect.resolve()?;
    let data = match (&bootstrap, data_dir.unwrap_or_else(|| "./data".into())) {
        (Some(b), _) => Some(summarize(&*args.connect.connect().await?, b.clone(), None).await?),
        (None, dir) if dir.is_dir() => {
            let shown = std::path::absolute(&dir)
                .unwrap_or(dir.clone())
                .display()
                .to_string();
            let held_by = streamline::lock::read_holder(&dir).map(|h| match h.serving_addr {
                Some(addr) => format!("streamline serve (pid {}) on {addr}", h.pid),
                None => format!("pid {} (not serving)", h.pid),
            });
            Some(summarize(&*args.connect.connect().await?, shown, held_by).await?)
        }
        (None, _) => None,
    };
    let mut out = anstream::stdout().lock();
    match args.format {
        Format::Json => write_json(
            &mut out,
            &serde_json::json!({ "build": build, "data": data }),
        )?,
        Format::Text => {
            let label = |s: &str| paint(HEADING, &format!("{s:<10}"));
            writeln!(
                out,
                "{} {}{}",
                label("streamline"),
                build.version,
                build.commit.map_or(String::new(), |c| format!(" ({c})"))
            )?;
            writeln!(
                out,
                "{} {}, {}",
                label("build"),
                build.profile,
                build.platform
            )?;
            for (i, f) in build.features.iter().enumerate() {
                writeln!(out, "{} {f}", label(if i == 0 { "features" } else { "" }))?;
            }
            match &data {
                None => writeln!(
                    out,
                    "{} none yet (./data is created on first use)",
                    label("data")
                )?,
                Some(d) => {
                    writeln!(out, "{} {}", label("data"), d.target)?;
                    if bootstrap.is_none() {
                        writeln!(
                            out,
                            "{} {}",
                            label("held by"),
                            d.held_by
                                .as_deref()
                                .unwrap_or("nobody (opened in-process for this report)")
                        )?;
                    }
                    writeln!(
                        out,
                        "{} {} topics, {} partitions, {} records, {}",
                        label("contents"),
                        d.topics,
                        d.partitions,
                        d.records,
                        d.size_bytes.map_or("size unknown".into(), human_bytes)
                    )?;
                    writeln!(out, "{} {}", label("groups"), d.groups)?;
                    writeln!(
                        out,
                        "{} {} transactional ids",
                        label("producers"),
                        d.transactional_ids
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}
