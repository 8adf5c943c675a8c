//! The migration scenario `migrate from-kafka` is held to, whatever the source (our own
//! server or an Apache Kafka cluster) and the destination (a server or a data directory): three
//! topics with keys, headers, timestamps, a config override and a moved log start; two groups'
//! offsets; a plan that changes nothing; a run killed mid-copy that resumes without
//! duplicates; every record verified in place; offsets translated; a second run with nothing
//! left to copy.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use rdkafka::admin::{AdminOptions, NewTopic, TopicReplication};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::FutureRecord;
use rdkafka::{Offset, TopicPartitionList};
use serde_json::Value;

use super::cli::ok;
use super::TestServer;

/// Where a migration writes: a running server, or a data directory no server has open.
pub enum Destination {
    Server(String),
    DataDir(PathBuf),
}

impl Destination {
    /// The toolbox arguments that address the destination.
    pub fn args(&self) -> Vec<String> {
        match self {
            Destination::Server(b) => vec!["-b".into(), b.clone()],
            Destination::DataDir(p) => vec!["--data-dir".into(), p.display().to_string()],
        }
    }

    /// Runs `check` with a bootstrap address serving the destination's data: the server's, or
    /// one started on the data directory for the check and stopped after it.
    pub async fn inspect<T: Send + 'static>(
        &self,
        check: impl FnOnce(String) -> T + Send + 'static,
    ) -> T {
        match self {
            Destination::Server(b) => {
                let b = b.clone();
                tokio::task::spawn_blocking(move || check(b))
                    .await
                    .expect("check")
            }
            Destination::DataDir(p) => {
                let server = TestServer::start_in(p, |_| {}).await;
                let b = server.bootstrap();
                let out = tokio::task::spawn_blocking(move || check(b))
                    .await
                    .expect("check");
                server.stop().await;
                out
            }
        }
    }
}

/// Topics, partitions and records per partition of the source.
pub const TOPICS: [(&str, i32, usize); 3] =
    [("orders", 3, 120), ("clicks", 2, 150), ("logs", 1, 200)];
pub const TIMESTAMP: i64 = 1_700_000_000_000;

/// Creates the three topics (orders with a retention override, `replication` copies of each
/// partition) and fills them: keys (some
/// null), three headers (one with a null value, one key twice), explicit timestamps, logs
/// compressed.
pub async fn fill_source(bootstrap: &str, replication: i32) {
    let admin = super::admin(bootstrap);
    let topics: Vec<NewTopic> = TOPICS
        .iter()
        .map(|(name, partitions, _)| {
            let t = NewTopic::new(name, *partitions, TopicReplication::Fixed(replication));
            if *name == "orders" {
                t.set("retention.ms", "3600000")
            } else {
                t
            }
        })
        .collect();
    for r in admin
        .create_topics(&topics, &AdminOptions::new())
        .await
        .expect("create")
    {
        r.expect("topic created");
    }
    for (topic, partitions, per_partition) in TOPICS {
        let compression = if topic == "logs" { "zstd" } else { "none" };
        let producer = super::producer(bootstrap, &[("compression.type", compression)]);
        let mut deliveries = Vec::new();
        for p in 0..partitions {
            for i in 0..per_partition {
                let key = format!("{topic}-{p}-{i}");
                let value = format!("{{\"topic\":\"{topic}\",\"n\":{i}}}");
                let headers = OwnedHeaders::new()
                    .insert(Header {
                        key: "trace",
                        value: Some(format!("t{i}").as_str()),
                    })
                    .insert(Header {
                        key: "empty",
                        value: None::<&str>,
                    })
                    .insert(Header {
                        key: "trace",
                        value: Some(format!("u{i}").as_str()),
                    });
                let mut record = FutureRecord::to(topic)
                    .partition(p)
                    .payload(&value)
                    .headers(headers)
                    .timestamp(TIMESTAMP + i as i64 * 1000 + i64::from(p));
                if i % 10 != 0 {
                    record = record.key(&key);
                }
                deliveries.push(producer.send_result(record).expect("enqueue"));
            }
        }
        for d in deliveries {
            d.await.expect("not cancelled").expect("delivered");
        }
    }
}

/// Commits `offsets` for `group` as a consumer would.
pub fn commit(bootstrap: &str, group: &str, offsets: &[(&str, i32, i64)]) {
    let consumer = super::consumer(bootstrap, &[("group.id", group)]);
    let mut tpl = TopicPartitionList::new();
    for (topic, p, offset) in offsets {
        tpl.add_partition_offset(topic, *p, Offset::Offset(*offset))
            .expect("tpl");
    }
    consumer.commit(&tpl, CommitMode::Sync).expect("commit");
}

/// The committed offsets of `group` on `bootstrap`.
pub fn committed(bootstrap: &str, group: &str, offsets: &[(&str, i32)]) -> Vec<i64> {
    let consumer: BaseConsumer = super::consumer(bootstrap, &[("group.id", group)]);
    let mut tpl = TopicPartitionList::new();
    for (topic, p) in offsets {
        tpl.add_partition(topic, *p);
    }
    let got = consumer
        .committed_offsets(tpl, Duration::from_secs(10))
        .expect("committed offsets");
    offsets
        .iter()
        .map(
            |(t, p)| match got.find_partition(t, *p).expect("partition").offset() {
                Offset::Offset(o) => o,
                other => panic!("{t}/{p}: no committed offset: {other:?}"),
            },
        )
        .collect()
}

/// Everything a copy must keep of a record.
pub type Kept = (
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Vec<(String, Option<Vec<u8>>)>,
    i64,
);

pub fn kept(m: &OwnedMessage) -> Kept {
    let headers = m
        .headers()
        .map(|h| {
            h.iter()
                .map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec)))
                .collect()
        })
        .unwrap_or_default();
    (
        m.key().map(<[u8]>::to_vec),
        m.payload().map(<[u8]>::to_vec),
        headers,
        m.timestamp().to_millis().expect("timestamp"),
    )
}

/// End offset of each partition of `topic`.
pub fn end_offsets(bootstrap: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let consumer = super::consumer(bootstrap, &[]);
    (0..partitions)
        .map(|p| {
            consumer
                .fetch_watermarks(topic, p, Duration::from_secs(10))
                .expect("watermarks")
                .1
        })
        .collect()
}

pub fn migrate(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .arg("migrate")
        .arg("from-kafka")
        .args(args)
        .output()
        .expect("run")
}

/// Migrates the filled source `s` (see [`fill_source`]) into `dest` through every stage of the
/// scenario, asserting each.
pub async fn copy_resume_and_verify(s: &str, dest: Destination) {
    let s = s.to_string();
    // The source's log start of orders/1 moves to 20, so translation is not the identity.
    let mut cut = TopicPartitionList::new();
    cut.add_partition_offset("orders", 1, Offset::Offset(20))
        .expect("tpl");
    super::admin(&s)
        .delete_records(&cut, &AdminOptions::new())
        .await
        .expect("delete records");
    {
        let s = s.clone();
        tokio::task::spawn_blocking(move || {
            commit(
                &s,
                "billing",
                &[("orders", 0, 30), ("orders", 1, 50), ("orders", 2, 120)],
            );
            commit(&s, "audit", &[("clicks", 1, 7)]);
        })
        .await
        .expect("commit");
    }
    let total: i64 = TOPICS
        .iter()
        .map(|(_, p, n)| i64::from(*p) * *n as i64)
        .sum::<i64>()
        - 20;
    let run = |extra: &[&str]| {
        let mut args = vec!["migrate", "from-kafka", "--kafka-servers", s.as_str()];
        args.extend(extra);
        args.iter().map(|a| a.to_string()).collect::<Vec<String>>()
    };
    let dest_args = dest.args();
    let with_dest = |extra: &[&str]| {
        let mut args = run(extra);
        args.extend(dest_args.iter().cloned());
        args
    };

    // The plan shows what will happen and changes nothing.
    let plan_args = with_dest(&["--topics", "orders,clicks,logs", "--format", "json"]);
    let plan = tokio::task::spawn_blocking(move || ok(&strs(&plan_args)))
        .await
        .expect("plan");
    let plan: Value = serde_json::from_str(&plan).expect("json");
    assert_eq!(plan["executed"], false);
    let topics = plan["plan"]["topics"].as_array().expect("topics");
    let names: Vec<&str> = topics.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["orders", "clicks", "logs"]);
    assert_eq!(topics[0]["partitions"].as_array().unwrap().len(), 3);
    assert_eq!(topics[0]["configs"]["retention.ms"], "3600000");
    assert_eq!(topics[0]["destination"]["action"], "create");
    assert_eq!(topics[0]["partitions"][1]["source_start"], 20);
    let records: i64 = topics
        .iter()
        .flat_map(|t| t["partitions"].as_array().unwrap())
        .map(|p| p["source_end"].as_i64().unwrap() - p["source_start"].as_i64().unwrap())
        .sum();
    assert_eq!(records, total);
    assert!(topics.iter().all(|t| t["bytes"].as_i64().unwrap() > 0));
    let groups: Vec<&str> = plan["plan"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["audit", "billing"]);
    let mut list_args = vec!["topics".to_string(), "list".to_string()];
    list_args.extend(dest_args.iter().cloned());
    let listed = tokio::task::spawn_blocking(move || ok(&strs(&list_args)))
        .await
        .expect("list");
    assert!(
        !listed.contains("orders"),
        "the plan created topics: {listed}"
    );

    // A throttled run killed (SIGKILL) mid-copy leaves part of the records behind.
    let killed_args = with_dest(&["--execute", "--rate", "600"]);
    tokio::task::spawn_blocking(move || {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("streamline"))
            .args(&killed_args)
            .env_remove("STREAMLINE_BROKERS")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stderr = BufReader::new(child.stderr.take().expect("stderr"));
        for line in stderr.lines() {
            let line = line.expect("line");
            if line.starts_with("orders/0: copied") {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(150));
        child.kill().expect("kill");
        child.wait().expect("wait");
    })
    .await
    .expect("interrupted run");
    let copied: i64 = dest
        .inspect(|d| {
            TOPICS
                .iter()
                .map(|(t, p, _)| end_offsets(&d, t, *p).iter().sum::<i64>())
                .sum()
        })
        .await;
    assert!(
        copied > 0 && copied < total,
        "{copied} of {total} copied before the kill"
    );

    // Run again: the rest is copied, both sides verified, group offsets translated.
    let resume_args = with_dest(&["--execute"]);
    let out = tokio::task::spawn_blocking(move || migrate(&strs(&resume_args)[2..]))
        .await
        .expect("resume");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("6 of 6 partition(s) verified"), "{stdout}");
    assert!(
        stdout.contains("offsets of 2 group(s) translated"),
        "{stdout}"
    );

    // Every record is there once, in its partition, with key, value, headers and timestamp;
    // the topic config override came along; offsets point at the same records (orders/1
    // shifted by the 20 deleted ones).
    let source = s.clone();
    dest.inspect(move |d| {
        let s = source;
        for (topic, partitions, _) in TOPICS {
            let source_ends = end_offsets(&s, topic, partitions);
            let dest_ends = end_offsets(&d, topic, partitions);
            for p in 0..partitions {
                let start = if (topic, p) == ("orders", 1) { 20 } else { 0 };
                let n = usize::try_from(source_ends[p as usize] - start).unwrap();
                assert_eq!(dest_ends[p as usize], n as i64, "{topic}/{p} end offset");
                let want: Vec<Kept> = super::consume(&s, topic, p, start, n)
                    .iter()
                    .map(kept)
                    .collect();
                let got: Vec<Kept> = super::consume(&d, topic, p, 0, n)
                    .iter()
                    .map(kept)
                    .collect();
                assert_eq!(got, want, "{topic}/{p}");
                assert!(want.iter().any(|k| k.0.is_none()) && want[1].2.len() == 3);
            }
        }
        let described = ok(&["topics", "describe", "orders", "-b", &d, "--format", "json"]);
        let described: Value = serde_json::from_str(&described).expect("json");
        let retention = described["configs"]
            .as_array()
            .expect("configs")
            .iter()
            .find(|c| c["name"] == "retention.ms")
            .expect("retention.ms")
            .clone();
        assert_eq!(retention["value"], "3600000");
        assert_eq!(retention["is_default"], false);
        let offsets = (
            committed(
                &d,
                "billing",
                &[("orders", 0), ("orders", 1), ("orders", 2)],
            ),
            committed(&d, "audit", &[("clicks", 1)]),
        );
        assert_eq!(offsets, (vec![30, 30, 120], vec![7]));
    })
    .await;

    // A second run finds nothing left and verifies again.
    let again_args = with_dest(&["--execute"]);
    let again = tokio::task::spawn_blocking(move || ok(&strs(&again_args)))
        .await
        .expect("again");
    assert!(
        again.contains("Copied 0 record(s); 6 of 6 partition(s) verified"),
        "{again}"
    );
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}
