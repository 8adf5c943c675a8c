//! `streamline top`: the live dashboard (the `streamline-tui` crate), fed by a [`Source`] built
//! on the client layer — the data directory in-process, the `serve` running on it, or any
//! cluster via `-b`. Rates come from ListOffsets, lag from OffsetFetch, sizes from
//! DescribeLogDirs where the broker answers it.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use anyhow::bail;
use streamline::client::fetch::FetchPosition;
use streamline::client::offsets::OffsetSpec;
use streamline::client::records::decode;
use streamline::client::Client;
use streamline::schema::client::RegistryClient;
use streamline_tui::{
    GroupPartition, GroupSnapshot, PartitionSnapshot, RunOptions, Snapshot, Source, TailRecord,
    TopicSnapshot,
};
use tokio::runtime::Handle;

use crate::connect::ConnectArgs;
use crate::timespec::parse_duration;

#[derive(Debug, clap::Args)]
pub struct TopArgs {
    #[command(flatten)]
    pub connect: ConnectArgs,

    /// The broker's HTTP address (`serve --http-addr`): shows its readiness and open
    /// connections in the header
    #[arg(long, env = "STREAMLINE_HTTP_ADDR", value_name = "HOST:PORT")]
    pub http_addr: Option<String>,

    /// How often to refresh (change it live with + and -), e.g. 500ms, 1s, 5s
    #[arg(short = 'i', long, value_name = "DURATION", default_value = "1s", value_parser = crate::timespec::duration_arg)]
    pub interval: String,

    #[command(flatten)]
    pub registry: crate::registry::RegistryArgs,
}

/// The client layer as the dashboard's data source. A failed call drops the client, so the
/// next one connects afresh (a restarted broker is picked up by itself).
pub struct ClientSource {
    runtime: Handle,
    connect: ConnectArgs,
    client: Option<Arc<Client>>,
    /// Where the broker's HTTP listener is, for its health.
    http_addr: Option<String>,
    /// The schema registry the tail decodes framed values through, and the topic detail
    /// shows the subjects of.
    registry: Option<Arc<RegistryClient>>,
    /// The detail topic's schema lines, and when they were fetched (refetched every 10 s).
    schemas: Option<(String, std::time::Instant, Vec<String>)>,
}

impl ClientSource {
    pub fn new(runtime: Handle, connect: ConnectArgs, client: Arc<Client>) -> ClientSource {
        ClientSource {
            runtime,
            connect,
            client: Some(client),
            http_addr: None,
            registry: None,
            schemas: None,
        }
    }

    /// Decodes the tail's framed values through `registry`, and shows the topic's schemas.
    pub fn with_registry(mut self, registry: Option<Arc<RegistryClient>>) -> ClientSource {
        self.registry = registry;
        self
    }

    /// Also probes the broker's HTTP health at `addr` with every snapshot.
    pub fn with_http(mut self, addr: Option<String>) -> ClientSource {
        self.http_addr = addr;
        self
    }

    fn target_label(&self) -> String {
        match &self.connect.bootstrap {
            Some(b) => b.clone(),
            None => match &self.client {
                Some(c) if c.local_broker().is_none() => "serve on the data directory".into(),
                _ => format!(
                    "{} (in-process)",
                    self.connect
                        .data_dir
                        .as_deref()
                        .unwrap_or(std::path::Path::new("./data"))
                        .display()
                ),
            },
        }
    }

    /// Runs `work` with a connected client, reconnecting first if the last call failed.
    fn with_client<T>(
        &mut self,
        work: impl AsyncFnOnce(&Client) -> anyhow::Result<T>,
    ) -> Result<T, String> {
        let runtime = self.runtime.clone();
        let result = runtime.block_on(async {
            if self.client.is_none() {
                self.client = Some(self.connect.connect().await?);
            }
            match &self.client {
                Some(client) => work(client).await,
                None => bail!("not connected"),
            }
        });
        result.map_err(|e| {
            self.client = None;
            format!("{e:#}; retrying")
        })
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

pub async fn take_snapshot(client: &Client) -> anyhow::Result<Snapshot> {
    let topics = client.all_partitions().await?;
    let starts = client.offsets_of(&topics, OffsetSpec::Earliest).await?;
    let ends = client.offsets_of(&topics, OffsetSpec::Latest).await?;
    let taken_at_ms = now_ms();
    let sizes = client.all_sizes().await;
    let names: Vec<String> = topics.iter().map(|(t, _)| t.clone()).collect();
    let retentions = client.retentions(&names).await.unwrap_or_default();
    let diskless = client.diskless_topics(&names).await.unwrap_or_default();
    let compacted = client.compacted_topics(&names).await.unwrap_or_default();
    let topic_snapshots = topics
        .iter()
        .map(|(name, partitions)| TopicSnapshot {
            name: name.clone(),
            retention_ms: retentions.get(name).copied(),
            diskless: diskless.contains(name),
            compacted: compacted.contains(name),
            partitions: partitions
                .iter()
                .map(|&p| {
                    let key = (name.clone(), p);
                    PartitionSnapshot {
                        partition: p,
                        start_offset: starts.get(&key).copied().unwrap_or(0),
                        end_offset: ends.get(&key).copied().unwrap_or(0),
                        size_bytes: sizes.get(&key).copied(),
                    }
                })
                .collect(),
        })
        .collect();
    let mut groups = Vec::new();
    for listing in client.list_groups().await? {
        let committed = client
            .committed_offsets(&listing.group_id)
            .await
            .unwrap_or_default();
        let members = client
            .describe_group(&listing.group_id)
            .await
            .map(|d| d.members.len())
            .unwrap_or(0);
        groups.push(GroupSnapshot {
            name: listing.group_id.clone(),
            state: listing.state.clone(),
            members,
            partitions: committed
                .into_iter()
                .map(|((topic, partition), offset)| GroupPartition {
                    end_offset: ends
                        .get(&(topic.clone(), partition))
                        .copied()
                        .unwrap_or(offset),
                    topic,
                    partition,
                    committed_offset: offset,
                })
                .collect(),
        });
    }
    Ok(Snapshot {
        taken_at_ms,
        target: String::new(),
        brokers: client.broker_count().await,
        connections: None,
        health: None,
        topics: topic_snapshots,
        groups,
    })
}

/// Text for the tail: UTF-8 as is, anything else with its bytes escaped.
fn text(bytes: Option<&[u8]>) -> Option<String> {
    bytes.map(|b| match std::str::from_utf8(b) {
        Ok(s) => s.replace(['\n', '\r'], " "),
        Err(_) => b.escape_ascii().to_string(),
    })
}

/// A tail value as text: decoded through the registry when it is framed for one.
async fn tail_text(bytes: Option<&[u8]>, registry: Option<&RegistryClient>) -> Option<String> {
    if let (Some(b), Some(registry)) = (bytes, registry) {
        if let Some(Ok(json)) = registry.decode(b).await {
            return Some(json.to_string());
        }
    }
    text(bytes)
}

async fn take_tail(
    client: &Client,
    topic: &str,
    max: usize,
    registry: Option<&RegistryClient>,
) -> anyhow::Result<Vec<TailRecord>> {
    let partitions = client.partitions(topic, false).await?;
    let topics = vec![(topic.to_string(), partitions.clone())];
    let starts = client.offsets_of(&topics, OffsetSpec::Earliest).await?;
    let ends = client.offsets_of(&topics, OffsetSpec::Latest).await?;
    let per_partition = max.div_ceil(partitions.len().max(1)) as i64;
    let positions: Vec<FetchPosition> = partitions
        .iter()
        .filter_map(|&p| {
            let key = (topic.to_string(), p);
            let (start, end) = (*starts.get(&key)?, *ends.get(&key)?);
            (end > start).then(|| FetchPosition {
                topic: topic.to_string(),
                partition: p,
                offset: (end - per_partition).max(start),
            })
        })
        .collect();
    if positions.is_empty() {
        return Ok(Vec::new());
    }
    let mut records = Vec::new();
    for part in client.fetch(&positions, 0).await? {
        let from = positions
            .iter()
            .find(|p| p.partition == part.partition)
            .map_or(0, |p| p.offset);
        for r in decode(&part.records, from)?.records {
            records.push(TailRecord {
                partition: part.partition,
                offset: r.offset,
                timestamp_ms: r.timestamp,
                key: tail_text(r.key.as_deref(), registry).await,
                value: tail_text(r.value.as_deref(), registry).await,
            });
        }
    }
    records.sort_by_key(|r| (r.timestamp_ms, r.partition, r.offset));
    let excess = records.len().saturating_sub(max);
    records.drain(..excess);
    Ok(records)
}

impl Source for ClientSource {
    fn snapshot(&mut self) -> Result<Snapshot, String> {
        let mut snapshot = self.with_client(take_snapshot)?;
        snapshot.target = self.target_label();
        if let Some(addr) = &self.http_addr {
            let health = self.runtime.block_on(crate::health::probe(addr));
            snapshot.connections = health.connections.or(snapshot.connections);
            snapshot.health = Some((health.status, health.ready));
        }
        Ok(snapshot)
    }

    fn tail(&mut self, topic: &str, max: usize) -> Result<Vec<TailRecord>, String> {
        let topic = topic.to_string();
        let registry = self.registry.clone();
        self.with_client(async move |client| {
            take_tail(client, &topic, max, registry.as_deref()).await
        })
    }

    fn schemas(&mut self, topic: &str) -> Result<Vec<String>, String> {
        let Some(registry) = self.registry.clone() else {
            return Ok(Vec::new());
        };
        if let Some((cached, at, lines)) = &self.schemas {
            if cached == topic && at.elapsed() < Duration::from_secs(10) {
                return Ok(lines.clone());
            }
        }
        let found = self
            .runtime
            .block_on(crate::registry::topic_schemas_quiet(&registry, topic));
        let lines: Vec<String> = found
            .iter()
            .map(|s| {
                format!(
                    "{}: {} v{} ({})",
                    s.side, s.subject, s.version, s.schema_type
                )
            })
            .collect();
        self.schemas = Some((topic.to_owned(), std::time::Instant::now(), lines.clone()));
        Ok(lines)
    }
}

/// Whether the dashboard may use colour: `--color`, `NO_COLOR` and whether stdout is a
/// terminal, as for every other command.
fn colour() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

pub async fn run(args: TopArgs) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!("top needs a terminal; for plain lines use `streamline topics watch`");
    }
    let refresh = parse_duration(&args.interval)?;
    if refresh < Duration::from_millis(100) {
        bail!("--interval must be at least 100ms");
    }
    let client = args.connect.connect().await?;
    let registry = args.registry.resolve(&args.connect, &client)?;
    let source = ClientSource::new(Handle::current(), args.connect.clone(), client)
        .with_http(args.http_addr.clone())
        .with_registry(registry);
    let options = RunOptions {
        refresh,
        color: colour(),
    };
    tokio::task::spawn_blocking(move || streamline_tui::run(Box::new(source), options)).await??;
    Ok(())
}
