//! `streamline migrate from-kafka` between two real servers: the plan changes nothing; an
//! executed migration copies three topics with keys, headers, timestamps and partitions
//! intact and translates group offsets; a run killed mid-copy resumes without duplicates;
//! a destination that no longer matches fails the run.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::cli::ok;
use common::TestServer;
use rdkafka::admin::{AdminOptions, NewTopic, TopicReplication};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::FutureRecord;
use rdkafka::{Offset, TopicPartitionList};
use serde_json::Value;

/// Topics, partitions and records per partition of the source.
const TOPICS: [(&str, i32, usize); 3] = [("orders", 3, 120), ("clicks", 2, 150), ("logs", 1, 200)];
const TIMESTAMP: i64 = 1_700_000_000_000;

/// Creates the three topics (orders with a retention override) and fills them: keys (some
/// null), three headers (one with a null value, one key twice), explicit timestamps, logs
/// compressed.
async fn fill_source(bootstrap: &str) {
    let admin = common::admin(bootstrap);
    let topics: Vec<NewTopic> = TOPICS
        .iter()
        .map(|(name, partitions, _)| {
            let t = NewTopic::new(name, *partitions, TopicReplication::Fixed(1));
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
        let producer = common::producer(bootstrap, &[("compression.type", compression)]);
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
fn commit(bootstrap: &str, group: &str, offsets: &[(&str, i32, i64)]) {
    let consumer = common::consumer(bootstrap, &[("group.id", group)]);
    let mut tpl = TopicPartitionList::new();
    for (topic, p, offset) in offsets {
        tpl.add_partition_offset(topic, *p, Offset::Offset(*offset))
            .expect("tpl");
    }
    consumer.commit(&tpl, CommitMode::Sync).expect("commit");
}

/// The committed offsets of `group` on `bootstrap`.
fn committed(bootstrap: &str, group: &str, offsets: &[(&str, i32)]) -> Vec<i64> {
    let consumer: BaseConsumer = common::consumer(bootstrap, &[("group.id", group)]);
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
type Kept = (
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Vec<(String, Option<Vec<u8>>)>,
    i64,
);

fn kept(m: &OwnedMessage) -> Kept {
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
fn end_offsets(bootstrap: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let consumer = common::consumer(bootstrap, &[]);
    (0..partitions)
        .map(|p| {
            consumer
                .fetch_watermarks(topic, p, Duration::from_secs(10))
                .expect("watermarks")
                .1
        })
        .collect()
}

fn migrate(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .arg("migrate")
        .arg("from-kafka")
        .args(args)
        .output()
        .expect("run")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_topics_migrate_intact_and_an_interrupted_run_resumes_without_duplicates() {
    let source = TestServer::start().await;
    let dest = TestServer::start().await;
    let (s, d) = (source.bootstrap(), dest.bootstrap());
    fill_source(&s).await;
    // The source's log start of orders/1 moves to 20, so translation is not the identity.
    let mut cut = TopicPartitionList::new();
    cut.add_partition_offset("orders", 1, Offset::Offset(20))
        .expect("tpl");
    common::admin(&s)
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

    // The plan shows what will happen and changes nothing.
    let plan = tokio::task::spawn_blocking({
        let (s, d) = (s.clone(), d.clone());
        move || {
            ok(&[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &s,
                "--topics",
                "orders,clicks,logs",
                "-b",
                &d,
                "--format",
                "json",
            ])
        }
    })
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
    let listed = tokio::task::spawn_blocking({
        let d = d.clone();
        move || ok(&["topics", "list", "-b", &d])
    })
    .await
    .expect("list");
    assert!(
        !listed.contains("orders"),
        "the plan created topics: {listed}"
    );

    // A throttled run killed mid-copy leaves part of the records behind.
    let partial = tokio::task::spawn_blocking({
        let (s, d) = (s.clone(), d.clone());
        move || {
            let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("streamline"))
                .args(["migrate", "from-kafka", "--kafka-servers", &s, "-b", &d])
                .args(["--execute", "--rate", "600"])
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
        }
    })
    .await;
    partial.expect("interrupted run");
    let copied: i64 = TOPICS
        .iter()
        .map(|(t, p, _)| end_offsets(&d, t, *p).iter().sum::<i64>())
        .sum();
    assert!(
        copied > 0 && copied < total,
        "{copied} of {total} copied before the kill"
    );

    // Run again: the rest is copied, both sides verified, group offsets translated.
    let out = tokio::task::spawn_blocking({
        let (s, d) = (s.clone(), d.clone());
        move || migrate(&["--kafka-servers", &s, "-b", &d, "--execute"])
    })
    .await
    .expect("resume");
    let stdout = String::from_utf8_lossy(&out.stdout);
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

    // Every record is there once, in its partition, with key, value, headers and timestamp.
    for (topic, partitions, _) in TOPICS {
        let source_ends = end_offsets(&s, topic, partitions);
        let dest_ends = end_offsets(&d, topic, partitions);
        for p in 0..partitions {
            let start = if (topic, p) == ("orders", 1) { 20 } else { 0 };
            let n = usize::try_from(source_ends[p as usize] - start).unwrap();
            assert_eq!(dest_ends[p as usize], n as i64, "{topic}/{p} end offset");
            let want: Vec<Kept> = common::consume(&s, topic, p, start, n)
                .iter()
                .map(kept)
                .collect();
            let got: Vec<Kept> = common::consume(&d, topic, p, 0, n)
                .iter()
                .map(kept)
                .collect();
            assert_eq!(got, want, "{topic}/{p}");
            assert!(want.iter().any(|k| k.0.is_none()) && want[1].2.len() == 3);
        }
    }

    // The topic config override came along.
    let described = tokio::task::spawn_blocking({
        let d = d.clone();
        move || ok(&["topics", "describe", "orders", "-b", &d, "--format", "json"])
    })
    .await
    .expect("describe");
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

    // Offsets point at the same records: orders/1 shifted by the 20 deleted ones.
    let billing = tokio::task::spawn_blocking({
        let d = d.clone();
        move || {
            (
                committed(
                    &d,
                    "billing",
                    &[("orders", 0), ("orders", 1), ("orders", 2)],
                ),
                committed(&d, "audit", &[("clicks", 1)]),
            )
        }
    })
    .await
    .expect("committed");
    assert_eq!(billing, (vec![30, 30, 120], vec![7]));

    // A second run finds nothing left and verifies again.
    let again = tokio::task::spawn_blocking({
        let (s, d) = (s.clone(), d.clone());
        move || {
            ok(&[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &s,
                "-b",
                &d,
                "--execute",
            ])
        }
    })
    .await
    .expect("again");
    assert!(
        again.contains("Copied 0 record(s); 6 of 6 partition(s) verified"),
        "{again}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_destination_that_no_longer_matches_fails_the_run() {
    let source = TestServer::start().await;
    let dest = TestServer::start().await;
    let (s, d) = (source.bootstrap(), dest.bootstrap());
    common::produce_to_partitions(&s, "events", 1, 10).await;
    let run = |extra: &'static [&'static str]| {
        let (s, d) = (s.clone(), d.clone());
        tokio::task::spawn_blocking(move || {
            let mut args = vec!["--kafka-servers", s.as_str(), "-b", d.as_str(), "--execute"];
            args.extend_from_slice(extra);
            migrate(&args)
        })
    };
    let first = run(&[]).await.expect("first");
    assert!(first.status.success());

    // Records deleted on the destination: the verification fails and says where.
    let mut cut = TopicPartitionList::new();
    cut.add_partition_offset("events", 0, Offset::Offset(3))
        .expect("tpl");
    common::admin(&d)
        .delete_records(&cut, &AdminOptions::new())
        .await
        .expect("delete records");
    let damaged = run(&[]).await.expect("damaged");
    assert_eq!(damaged.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&damaged.stdout);
    assert!(stdout.contains("MISMATCH"), "{stdout}");
    assert!(
        String::from_utf8_lossy(&damaged.stderr).contains("verification failed for events/0"),
        "{}",
        String::from_utf8_lossy(&damaged.stderr)
    );

    // A record written to the destination by someone else: refused, nothing copied twice.
    common::produce_to_partitions(&d, "events", 1, 1).await;
    let foreign = run(&[]).await.expect("foreign");
    assert_eq!(foreign.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&foreign.stderr).contains("1 more record(s) than the source"),
        "{}",
        String::from_utf8_lossy(&foreign.stderr)
    );

    // Pointing a migration at its own source is refused before anything happens.
    let same = tokio::task::spawn_blocking({
        let s = s.clone();
        move || migrate(&["--kafka-servers", &s, "-b", &s])
    })
    .await
    .expect("same");
    assert_eq!(same.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&same.stderr).contains("same cluster"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_data_directory_is_a_destination_too() {
    let source = TestServer::start().await;
    let s = source.bootstrap();
    tokio::task::spawn_blocking({
        let s = s.clone();
        move || ok(&["topics", "create", "metrics", "-p", "2", "-b", &s])
    })
    .await
    .expect("create");
    common::produce_to_partitions(&s, "metrics", 2, 40).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let data = data.to_str().expect("utf-8").to_string();
    let out = tokio::task::spawn_blocking({
        let (s, data) = (s.clone(), data.clone());
        move || {
            ok(&[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &s,
                "--data-dir",
                &data,
                "--execute",
            ]);
            ok(&[
                "consume",
                "metrics",
                "-p",
                "1",
                "--data-dir",
                &data,
                "-n",
                "40",
            ])
        }
    })
    .await
    .expect("migrate");
    let values: Vec<String> = (0..40)
        .filter(|i| i % 2 == 1)
        .map(|i| format!("m{i}"))
        .collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), values);
}

/// A source with transactions: only committed records are copied; an aborted transaction is
/// left behind, and one still open stops the copy where it began until it ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_committed_transactional_records_are_migrated() {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    let source = TestServer::start().await;
    let dest = TestServer::start().await;
    let (s, d) = (source.bootstrap(), dest.bootstrap());
    let timeout = Duration::from_secs(20);
    let producer = tokio::task::spawn_blocking({
        let s = s.clone();
        move || {
            ok(&["topics", "create", "ledger", "-p", "1", "-b", &s]);
            let mut c = common::client_config(&s);
            c.set("transactional.id", "ledger-tx");
            let p: BaseProducer = c.create().expect("producer");
            p.init_transactions(timeout).expect("init");
            let send = |p: &BaseProducer, v: &str| {
                p.send(BaseRecord::<(), str>::to("ledger").partition(0).payload(v))
                    .expect("enqueue");
            };
            p.begin_transaction().expect("begin");
            send(&p, "kept-1");
            send(&p, "kept-2");
            p.commit_transaction(timeout).expect("commit");
            p.begin_transaction().expect("begin");
            send(&p, "dropped");
            p.flush(timeout).expect("flush");
            p.abort_transaction(timeout).expect("abort");
            p.begin_transaction().expect("begin");
            send(&p, "later");
            p.flush(timeout).expect("flush");
            p
        }
    })
    .await
    .expect("source");
    let run = {
        let (s, d) = (s.clone(), d.clone());
        move || {
            ok(&[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &s,
                "-b",
                &d,
                "--execute",
            ]);
            ok(&["consume", "ledger", "-b", &d])
        }
    };
    let copied = tokio::task::spawn_blocking(run.clone())
        .await
        .expect("first run");
    assert_eq!(copied, "kept-1\nkept-2\n");
    tokio::task::spawn_blocking(move || producer.commit_transaction(timeout).expect("commit"))
        .await
        .expect("commit");
    let copied = tokio::task::spawn_blocking(run).await.expect("second run");
    assert_eq!(copied, "kept-1\nkept-2\nlater\n");
}
