//! `serve --playground` as users start it: the binary, in memory, on an ephemeral port. The
//! welcome names the commands to try; the demo topics exist and keep growing; the demo group
//! has a member and a lag; `payments` holds Avro records that decode through the registry;
//! SIGTERM stops it cleanly, the member leaving first.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::cli::ok;
use serde_json::Value;

#[test]
fn the_playground_has_live_topics_and_a_lagging_group() {
    let mut serve = Command::new(env!("CARGO_BIN_EXE_streamline"))
        .args([
            "serve",
            "--playground",
            "--in-memory",
            "--listen-addr",
            "127.0.0.1:0",
            // Not Confluent's 8081, which tests running at once would contend for.
            "--schema-registry-addr",
            "127.0.0.1:0",
        ])
        .env_remove("STREAMLINE_BROKERS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let stdout = serve.stdout.take().expect("stdout");
    let mut welcome = Vec::new();
    let mut bootstrap = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("welcome line");
        if let Some(addr) = line.trim().strip_prefix("streamline top -b ") {
            bootstrap = Some(addr.to_string());
        }
        let done = line.contains("Stop with Ctrl-C");
        welcome.push(line);
        if done {
            break;
        }
    }
    let welcome = welcome.join("\n");
    let b = bootstrap.unwrap_or_else(|| panic!("no address in the welcome:\n{welcome}"));
    assert!(
        welcome.contains(&format!("streamline consume orders -f -b {b}")),
        "{welcome}"
    );
    assert!(
        welcome.contains(&format!(
            "streamline groups describe playground-analytics -b {b}"
        )),
        "{welcome}"
    );

    let topics: Value =
        serde_json::from_str(&ok(&["topics", "list", "--format", "json", "-b", &b])).expect("json");
    let names: Vec<&str> = topics
        .as_array()
        .expect("topics")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    for topic in ["orders", "clickstream", "sensors", "logs"] {
        assert!(names.contains(&topic), "{topic} missing from {names:?}");
    }
    // Live: the orders topic grows, and the group falls behind while it reads.
    let held = |topic: &str| -> i64 {
        let d: Value = serde_json::from_str(&ok(&[
            "topics", "describe", topic, "--format", "json", "-b", &b,
        ]))
        .expect("json");
        d["partitions"]
            .as_array()
            .expect("partitions")
            .iter()
            .map(|p| p["messages"].as_i64().unwrap_or(0))
            .sum()
    };
    let first = held("orders");
    let deadline = Instant::now() + Duration::from_secs(30);
    let group = loop {
        let g: Value = serde_json::from_str(&ok(&[
            "groups",
            "describe",
            "playground-analytics",
            "--format",
            "json",
            "-b",
            &b,
        ]))
        .expect("json");
        if g["members"].as_array().is_some_and(|m| m.len() == 1)
            && g["total_lag"].as_i64().is_some_and(|l| l > 0)
            && held("orders") > first
        {
            break g;
        }
        assert!(Instant::now() < deadline, "no live data or lag: {g}");
        std::thread::sleep(Duration::from_millis(300));
    };
    assert_eq!(group["state"], "Stable");
    let record: Value = serde_json::from_str(
        ok(&[
            "consume", "orders", "-n", "1", "--format", "ndjson", "-b", &b,
        ])
        .trim(),
    )
    .expect("ndjson");
    assert!(
        record["key"]
            .as_str()
            .is_some_and(|k| k.starts_with("customer-")),
        "{record}"
    );
    let value: Value =
        serde_json::from_str(record["value"].as_str().expect("text")).expect("JSON value");
    assert!(
        value["order_id"].is_string() && value["total"].is_number(),
        "{value}"
    );
    assert!(!record["headers"].as_array().expect("headers").is_empty());

    // payments: Avro of a registered schema, decoded through the registry the welcome names.
    let registry = welcome
        .split("--schema-registry ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no registry in the welcome:\n{welcome}"))
        .to_string();
    let deadline = Instant::now() + Duration::from_secs(30);
    let payment = loop {
        let out = ok(&[
            "consume",
            "payments",
            "-n",
            "1",
            "--format",
            "ndjson",
            "-b",
            &b,
            "--schema-registry",
            &registry,
        ]);
        if let Some(line) = out.lines().next() {
            break serde_json::from_str::<Value>(line).expect("ndjson");
        }
        assert!(Instant::now() < deadline, "payments stays empty");
        std::thread::sleep(Duration::from_millis(300));
    };
    assert!(
        payment["value"]["payment_id"].is_string() && payment["value"]["amount"].is_number(),
        "{payment}"
    );

    // SIGTERM: a clean stop.
    // SAFETY: kill(2) with a pid we spawned and a valid signal number.
    unsafe {
        libc::kill(serve.id() as i32, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = serve.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}
