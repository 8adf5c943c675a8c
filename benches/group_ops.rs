//! Consumer-group figures for docs/BENCHMARKS.md (§7), against a real `streamline serve`
//! started in this process on a fresh data directory (disk, default fsync policy):
//!
//! 1. OffsetCommit of 100 partitions, answered only after the offsets log is fsynced:
//!    latency of 1,000 sequential commits over one connection;
//! 2. `streamline groups describe` (the release binary, a whole process) of a group with
//!    committed offsets on 1,000 partitions;
//! 3. 10 librdkafka members joining a 100-partition topic at once, with the classic protocol
//!    and with KIP-848's: time until every member owns 10 partitions, and how many
//!    generations (classic) or group epochs (consumer protocol) that took.
//!
//! Run: `cargo bench --bench group_ops`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::ClientConfig;
use streamline::client::Client;
use streamline::config::ServerConfig;
use streamline::server::Server;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn offset_commit_latency(client: &Client) -> anyhow::Result<()> {
    let offsets: BTreeMap<(String, i32), i64> =
        (0..100).map(|p| (("p100".to_string(), p), 1)).collect();
    for _ in 0..50 {
        client.commit_offsets("committer", &offsets).await?;
    }
    let mut latencies = Vec::with_capacity(1000);
    for _ in 0..1000 {
        let started = Instant::now();
        client.commit_offsets("committer", &offsets).await?;
        latencies.push(started.elapsed());
    }
    latencies.sort_unstable();
    println!(
        "OffsetCommit, 100 partitions, fsynced, 1000 sequential: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.90)),
        ms(percentile(&latencies, 0.99)),
        ms(percentile(&latencies, 1.0)),
    );
    Ok(())
}

async fn describe_time(client: &Client, bootstrap: &str) -> anyhow::Result<()> {
    let offsets: BTreeMap<(String, i32), i64> =
        (0..1000).map(|p| (("p1000".to_string(), p), 0)).collect();
    client.commit_offsets("wide", &offsets).await?;
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..10 {
        let started = Instant::now();
        let bootstrap = bootstrap.to_string();
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_streamline"))
                .args(["groups", "describe", "wide", "-b", &bootstrap])
                .env_remove("STREAMLINE_BROKERS")
                .output()
        })
        .await??;
        times.push(started.elapsed());
        anyhow::ensure!(out.status.success(), "describe failed");
        rows = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with("p1000 "))
            .count();
    }
    times.sort_unstable();
    println!(
        "groups describe, 1000 partitions ({rows} rows), whole process, 10 runs: median {:.1} ms, max {:.1} ms",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 1.0)),
    );
    Ok(())
}

fn member(bootstrap: &str, group: &str, protocol: &str) -> BaseConsumer {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", bootstrap)
        .set("group.id", group)
        .set("group.protocol", protocol)
        .set("enable.auto.commit", "false")
        .set("log_level", "3");
    c.create().expect("consumer")
}

fn ten_members(server: &Server, bootstrap: &str, protocol: &str) -> anyhow::Result<()> {
    let group = format!("ten-{protocol}");
    let started = Instant::now();
    let members: Vec<BaseConsumer> = (0..10)
        .map(|_| member(bootstrap, &group, protocol))
        .collect();
    for m in &members {
        m.subscribe(&["p100"])?;
    }
    let deadline = started + Duration::from_secs(120);
    loop {
        let counts: Vec<usize> = members
            .iter()
            .map(|m| {
                m.poll(Duration::from_millis(1));
                m.assignment().map(|a| a.count()).unwrap_or(0)
            })
            .collect();
        if counts.iter().all(|&c| c == 10) {
            break;
        }
        anyhow::ensure!(Instant::now() < deadline, "not stable: {counts:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = started.elapsed();
    let groups = server.broker().groups.lock();
    let g = &groups[&group];
    let steps = match &g.consumer {
        Some(c) => format!(
            "group epoch {} (assignment epoch {})",
            c.group_epoch, c.assignment_epoch
        ),
        None => format!("generation {}", g.generation_id),
    };
    drop(groups);
    println!(
        "10 members, 100 partitions, group.protocol={protocol}: every member owns 10 partitions after {:.0} ms; {steps}",
        ms(elapsed)
    );
    drop(members);
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    let tmp = tempfile::tempdir()?;
    let config = ServerConfig {
        listen_addr: "127.0.0.1:0".parse()?,
        data_dir: tmp.path().join("data"),
        log_level: "warn".into(),
        group_consumer_heartbeat_interval_ms: 500,
        ..ServerConfig::default()
    };
    let server = runtime.block_on(Server::start(config))?;
    let bootstrap = server.local_addr().to_string();
    server
        .broker()
        .create_topic("p100", 100, Default::default(), false)?;
    server
        .broker()
        .create_topic("p1000", 1000, Default::default(), false)?;
    runtime.block_on(async {
        let client = Client::remote(&bootstrap).await?;
        offset_commit_latency(&client).await?;
        describe_time(&client, &bootstrap).await
    })?;
    ten_members(&server, &bootstrap, "classic")?;
    ten_members(&server, &bootstrap, "consumer")?;
    runtime.block_on(server.shutdown())?;
    Ok(())
}
