//! The toolbox against the reference: Apache Kafka 4.4 as a three-broker cluster (see
//! `crate::common::kafka`), every topic with three replicas. Each client-side command works unchanged,
//! routing each partition to its leader: topics, produce, consume, groups, transactions, info,
//! doctor, benchmark, `topics watch` (top's data source), the shell, and `migrate from-kafka`
//! from the cluster into a server and into a data directory. A partition whose leader stops
//! during `consume -f` is followed to its new leader.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::cli::ok;
use crate::common::kafka::Kafka;
use crate::common::migration::{copy_resume_and_verify, fill_source, Destination};
use crate::common::TestServer;
use serde_json::{json, Value};

fn json_of(args: &[&str]) -> Value {
    let out = ok(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
}

fn ndjson(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// The `topics describe` JSON of `topic`.
fn describe(b: &str, topic: &str) -> Value {
    json_of(&["topics", "describe", topic, "--format", "json", "-b", b])
}

fn config<'a>(described: &'a Value, name: &str) -> &'a Value {
    described["configs"]
        .as_array()
        .expect("configs")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {described}"))
}

#[test]
fn the_toolbox_works_against_a_three_broker_kafka_cluster() {
    let kafka = Kafka::cluster();
    let b = kafka.bootstrap.as_str();

    // topics create / list / describe: three partitions led by the three brokers in turn,
    // each with three in-sync replicas.
    assert_eq!(
        ok(&[
            "topics",
            "create",
            "orders",
            "-p",
            "3",
            "-r",
            "3",
            "-c",
            "retention.ms=86400000",
            "-b",
            b
        ]),
        "Created topic orders with 3 partition(s)\n"
    );
    let listed = json_of(&["topics", "list", "--format", "json", "-b", b]);
    assert_eq!(listed, json!([{"name": "orders", "partitions": 3}]));
    let d = describe(b, "orders");
    let partitions = d["partitions"].as_array().expect("partitions");
    assert_eq!(partitions.len(), 3);
    let mut leaders: Vec<i64> = partitions
        .iter()
        .map(|p| p["leader"].as_i64().expect("leader"))
        .collect();
    leaders.sort_unstable();
    assert_eq!(leaders, [1, 2, 3], "{d}");
    for p in partitions {
        let mut replicas: Vec<i64> = p["replicas"]
            .as_array()
            .expect("replicas")
            .iter()
            .filter_map(Value::as_i64)
            .collect();
        replicas.sort_unstable();
        assert_eq!(replicas, [1, 2, 3], "{p}");
        assert_eq!(p["isr"].as_array().map(Vec::len), Some(3), "{p}");
        assert_eq!(p["leader"], p["replicas"][0], "{p}");
    }
    assert_eq!(config(&d, "retention.ms")["value"], "86400000");
    assert_eq!(config(&d, "retention.ms")["is_default"], false);
    assert_eq!(config(&d, "cleanup.policy")["is_default"], true);

    // topics alter: one more partition, a retention change, a config back to its default.
    ok(&["topics", "alter", "orders", "-p", "4", "-b", b]);
    ok(&[
        "topics",
        "alter",
        "orders",
        "--retention-ms",
        "3600000",
        "-b",
        b,
    ]);
    ok(&[
        "topics",
        "alter",
        "orders",
        "-c",
        "max.message.bytes=2000000",
        "-b",
        b,
    ]);
    ok(&[
        "topics",
        "alter",
        "orders",
        "--delete-config",
        "max.message.bytes",
        "-b",
        b,
    ]);
    let d = describe(b, "orders");
    assert_eq!(d["partitions"].as_array().map(Vec::len), Some(4));
    assert_eq!(config(&d, "retention.ms")["value"], "3600000");
    assert_eq!(config(&d, "max.message.bytes")["value"], "1048588");
    assert_eq!(config(&d, "max.message.bytes")["is_default"], true);

    // produce: keys and headers to a partition, templates, JSON values.
    ok(&[
        "produce",
        "orders",
        "-p",
        "1",
        "-k",
        "a",
        "-H",
        "origin=test",
        "-H",
        "n=1",
        "-m",
        "first",
        "-m",
        "second",
        "-b",
        b,
    ]);
    ok(&[
        "produce",
        "orders",
        "-p",
        "2",
        "-n",
        "5",
        "--template",
        "n={{i}}",
        "-b",
        b,
    ]);
    ok(&[
        "produce",
        "orders",
        "-p",
        "3",
        "-m",
        r#"{"a":1,"b":"x"}"#,
        "-m",
        r#"{"a":2,"b":"y"}"#,
        "-b",
        b,
    ]);
    // Keyed records without a partition land where Kafka's default partitioner puts them.
    ok(&["produce", "orders", "-k", "user-1", "-m", "keyed", "-b", b]);

    // consume: records with keys and headers, offsets, the last N, time travel, grep, jq.
    let records = ndjson(&ok(&[
        "consume", "orders", "-p", "1", "--format", "ndjson", "-b", b,
    ]));
    assert_eq!(records.len(), 2);
    assert_eq!(
        (
            &records[0]["key"],
            &records[0]["value"],
            &records[0]["offset"]
        ),
        (&json!("a"), &json!("first"), &json!(0))
    );
    assert_eq!(records[1]["value"], "second");
    assert_eq!(
        records[1]["headers"],
        json!([{"key": "origin", "value": "test"}, {"key": "n", "value": "1"}])
    );
    assert_eq!(
        ok(&["consume", "orders", "-p", "2", "-b", b]),
        "n=0\nn=1\nn=2\nn=3\nn=4\n"
    );
    assert_eq!(
        ok(&["consume", "orders", "-p", "2", "-o", "-2", "-b", b]),
        "n=3\nn=4\n"
    );
    assert_eq!(
        ok(&["consume", "orders", "-p", "2", "-o", "3", "-b", b]),
        "n=3\nn=4\n"
    );
    assert_eq!(
        ok(&["consume", "orders", "-p", "2", "--last", "1h", "-b", b])
            .lines()
            .count(),
        5
    );
    assert_eq!(
        ok(&[
            "consume",
            "orders",
            "-p",
            "2",
            "--at",
            "1 hour ago",
            "-b",
            b
        ])
        .lines()
        .count(),
        5
    );
    let later = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis()
        + 3_600_000;
    assert_eq!(
        ok(&[
            "consume",
            "orders",
            "-p",
            "2",
            "--at",
            &later.to_string(),
            "-b",
            b
        ]),
        ""
    );
    assert_eq!(
        ok(&["consume", "orders", "-p", "2", "--grep", "n=[13]", "-b", b]),
        "n=1\nn=3\n"
    );
    assert_eq!(
        ok(&["consume", "orders", "-p", "3", "--jq", ".b", "-b", b]),
        "\"x\"\n\"y\"\n"
    );
    // "user-1" hashes (murmur2) to partition 0 of 4, as the Java client would put it.
    assert_eq!(ok(&["consume", "orders", "-p", "0", "-b", b]), "keyed\n");
    let all = ok(&["consume", "orders", "-b", b]);
    assert_eq!(all.lines().count(), 10, "{all}");

    // consume -g: a group reads everything once and commits; groups describe shows no lag;
    // a second run has nothing left.
    let grouped = ok(&["consume", "orders", "-g", "billing", "-n", "10", "-b", b]);
    assert_eq!(grouped.lines().count(), 10, "{grouped}");
    let g = json_of(&["groups", "describe", "billing", "--format", "json", "-b", b]);
    assert_eq!(g["total_lag"], 0, "{g}");
    let committed: Vec<(i64, i64)> = g["offsets"]
        .as_array()
        .expect("offsets")
        .iter()
        .map(|o| {
            (
                o["committed_offset"].as_i64().unwrap(),
                o["end_offset"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(committed, [(1, 1), (2, 2), (5, 5), (2, 2)]);
    assert_eq!(
        ok(&["consume", "orders", "-g", "billing", "-e", "-b", b]),
        ""
    );
    let groups = ok(&["groups", "list", "-b", b]);
    assert!(
        groups.lines().any(|l| l.starts_with("billing ")),
        "{groups}"
    );

    // groups reset: the plan changes nothing, --execute moves the offsets back, and the lag
    // shows it.
    let plan = json_of(&[
        "groups",
        "reset",
        "billing",
        "--topic",
        "orders",
        "--to-earliest",
        "--format",
        "json",
        "-b",
        b,
    ]);
    assert_eq!(plan["executed"], false);
    let moves: Vec<(i64, i64)> = plan["partitions"]
        .as_array()
        .expect("partitions")
        .iter()
        .map(|p| {
            (
                p["current_offset"].as_i64().unwrap(),
                p["new_offset"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(moves, [(1, 0), (2, 0), (5, 0), (2, 0)]);
    let g = json_of(&["groups", "describe", "billing", "--format", "json", "-b", b]);
    assert_eq!(g["total_lag"], 0, "the plan changed offsets: {g}");
    ok(&[
        "groups",
        "reset",
        "billing",
        "--topic",
        "orders:2",
        "--to-offset",
        "3",
        "--execute",
        "-b",
        b,
    ]);
    let g = json_of(&["groups", "describe", "billing", "--format", "json", "-b", b]);
    assert_eq!(g["total_lag"], 2, "{g}");
    assert_eq!(
        ok(&["consume", "orders", "-g", "billing", "-e", "-b", b]),
        "n=3\nn=4\n"
    );

    // The groups made __consumer_offsets, which topics list leaves out unless -i asks.
    let names = |listed: Value| -> Vec<String> {
        listed
            .as_array()
            .expect("topics")
            .iter()
            .map(|t| t["name"].as_str().expect("name").to_string())
            .collect()
    };
    let listed = names(json_of(&["topics", "list", "--format", "json", "-b", b]));
    assert!(!listed.iter().any(|n| n.starts_with("__")), "{listed:?}");
    let all = names(json_of(&[
        "topics", "list", "-i", "--format", "json", "-b", b,
    ]));
    assert!(all.contains(&"__consumer_offsets".to_string()), "{all:?}");
    assert!(all.contains(&"orders".to_string()), "{all:?}");

    // transactions: a transactional producer (librdkafka) commits; list and describe show it.
    transactional_commit(b, "orders-writer");
    // Kafka answers EndTxn in PrepareCommit and writes the markers after: wait for them.
    let deadline = Instant::now() + Duration::from_secs(30);
    let ours = loop {
        let txns = json_of(&["transactions", "list", "--format", "json", "-b", b]);
        let ours = txns
            .as_array()
            .expect("list")
            .iter()
            .find(|t| t["transactional_id"] == "orders-writer")
            .unwrap_or_else(|| panic!("orders-writer not listed: {txns}"))
            .clone();
        if ours["state"] == "CompleteCommit" {
            break ours;
        }
        assert_eq!(ours["state"], "PrepareCommit", "{txns}");
        assert!(Instant::now() < deadline, "still {txns}");
        std::thread::sleep(Duration::from_millis(100));
    };
    let described = json_of(&[
        "transactions",
        "describe",
        "orders-writer",
        "--format",
        "json",
        "-b",
        b,
    ]);
    assert_eq!(described["state"], "CompleteCommit", "{described}");
    assert_eq!(described["producer_id"], ours["producer_id"]);
    assert_eq!(
        ok(&[
            "consume",
            "orders",
            "-p",
            "3",
            "-o",
            "2",
            "--isolation",
            "read_committed",
            "-b",
            b
        ]),
        "committed\n"
    );

    // info, doctor and benchmark against the cluster.
    let info = ok(&["info", "-b", b]);
    assert!(
        info.contains("1 topics, 4 partitions, 12 records"),
        "{info}"
    );
    let doctor = ok(&["doctor", "-b", b]);
    assert!(doctor.contains("answers (3 brokers)"), "{doctor}");
    assert!(!doctor.contains("FAIL"), "{doctor}");
    let produced = json_of(&[
        "benchmark",
        "produce",
        "-t",
        "bench",
        "-p",
        "3",
        "-n",
        "3000",
        "--format",
        "json",
        "-b",
        b,
    ]);
    assert_eq!(produced["records"], 3000, "{produced}");
    let consumed = json_of(&[
        "benchmark",
        "consume",
        "-t",
        "bench",
        "-n",
        "3000",
        "--format",
        "json",
        "-b",
        b,
    ]);
    assert_eq!(consumed["records"], 3000, "{consumed}");
    // At a rate, acks=all on three replicas (a few ms per answer) must not throttle the
    // producer to one record per round trip.
    let e2e = json_of(&[
        "benchmark",
        "end-to-end",
        "-t",
        "e2e",
        "-p",
        "3",
        "-n",
        "2000",
        "--rate",
        "1000",
        "--format",
        "json",
        "-b",
        b,
    ]);
    assert_eq!(e2e["records"], 2000, "{e2e}");
    let rate = e2e["records_per_sec"].as_f64().expect("records_per_sec");
    assert!(rate > 500.0, "asked for 1,000 records/s, got {rate}: {e2e}");

    // topics watch, the data source of `top`: message counts and rates per topic.
    let watched = ndjson(&ok(&[
        "topics", "watch", "orders", "-n", "1", "-i", "300ms", "--format", "json", "-b", b,
    ]));
    assert_eq!(watched.len(), 1);
    assert_eq!(watched[0]["topic"], "orders");
    assert_eq!(watched[0]["partitions"], 4);
    // 10 records and the committed transaction's record and marker.
    assert_eq!(watched[0]["messages"], 12, "{}", watched[0]);

    // export and import: a copy in another RF-3 topic, partition by partition.
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("orders.jsonl");
    let file = file.to_str().expect("utf-8");
    ok(&["topics", "export", "orders", "-o", file, "-b", b]);
    ok(&[
        "topics",
        "create",
        "orders-copy",
        "-p",
        "4",
        "-r",
        "3",
        "-b",
        b,
    ]);
    ok(&["topics", "import", "orders-copy", "-i", file, "-b", b]);
    assert_eq!(
        ok(&["consume", "orders-copy", "-p", "2", "-b", b]),
        "n=0\nn=1\nn=2\nn=3\nn=4\n"
    );
    assert_eq!(
        ok(&["consume", "orders-copy", "-p", "1", "--show-keys", "-b", b]),
        "a\tfirst\na\tsecond\n"
    );

    // topics delete.
    ok(&["topics", "delete", "orders-copy", "-y", "-b", b]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while ok(&["topics", "list", "-b", b]).contains("orders-copy") {
        assert!(Instant::now() < deadline, "orders-copy still listed");
        std::thread::sleep(Duration::from_millis(200));
    }

    // The shell, from a script.
    let script = "topics create sh -p 2 -r 3\nproduce sh -p 1 -k a -m one -m two\nconsume sh -p 1 --show-keys\n";
    let out = assert_cmd::Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .args(["shell", "-b", b])
        .write_stdin(script)
        .output()
        .expect("shell");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Created topic sh with 2 partition(s)\na\tone\na\ttwo\n"
    );

    leader_moves_during_a_follow(&kafka);
}

/// One transaction of one record on orders/3, committed with librdkafka.
fn transactional_commit(b: &str, id: &str) {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    let producer: BaseProducer = crate::common::client_config(b)
        .set("transactional.id", id)
        .create()
        .expect("transactional producer");
    let timeout = Duration::from_secs(30);
    producer.init_transactions(timeout).expect("init");
    producer.begin_transaction().expect("begin");
    producer
        .send(
            BaseRecord::<str, str>::to("orders")
                .partition(3)
                .payload("committed"),
        )
        .expect("send");
    producer.commit_transaction(timeout).expect("commit");
}

/// Lines a child prints, read on a thread so the test can wait for them with a deadline.
struct Lines {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Lines {
    fn spawn(args: &[&str]) -> Lines {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("streamline"))
            .args(args)
            .env_remove("STREAMLINE_BROKERS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Lines { child, lines }
    }

    fn expect(&self, want: &str, within: Duration) {
        let line = self
            .lines
            .recv_timeout(within)
            .unwrap_or_else(|_| panic!("no line '{want}' within {within:?}"));
        assert_eq!(line, want);
    }
}

impl Drop for Lines {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `consume -f` on a partition led by a broker that then stops: the consumer follows the
/// partition to its new leader and prints what is produced there. Node 1 is the cluster's
/// only controller, so the partition chosen is one led by node 2 or 3.
fn leader_moves_during_a_follow(kafka: &Kafka) {
    let b = kafka.bootstrap.as_str();
    ok(&["topics", "create", "moving", "-p", "3", "-r", "3", "-b", b]);
    let d = describe(b, "moving");
    let (partition, leader) = d["partitions"]
        .as_array()
        .expect("partitions")
        .iter()
        .map(|p| {
            (
                p["partition"].as_i64().unwrap(),
                p["leader"].as_i64().unwrap(),
            )
        })
        .find(|(_, leader)| *leader != 1)
        .expect("a partition not led by the controller");
    let p = partition.to_string();
    ok(&["produce", "moving", "-p", &p, "-m", "before", "-b", b]);
    let follow = Lines::spawn(&["consume", "moving", "-p", &p, "-f", "-b", b]);
    follow.expect("before", Duration::from_secs(30));

    kafka.stop_node(leader as usize);
    let survivors: Vec<String> = (1..=kafka.nodes)
        .filter(|n| *n != leader as usize)
        .map(|n| kafka.node_address(n))
        .collect();
    let rest = survivors.join(",");
    // The controller hands the partition to another replica; the survivors learn it soon.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let d = describe(&rest, "moving");
        let now = d["partitions"][partition as usize]["leader"].as_i64();
        if now.is_some_and(|l| l != leader && l >= 0) {
            break;
        }
        assert!(Instant::now() < deadline, "leadership did not move: {d}");
        std::thread::sleep(Duration::from_millis(200));
    }
    ok(&["produce", "moving", "-p", &p, "-m", "after", "-b", &rest]);
    follow.expect("after", Duration::from_secs(60));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_from_a_kafka_cluster_into_a_server_and_a_data_directory() {
    let kafka = tokio::task::spawn_blocking(Kafka::cluster)
        .await
        .expect("kafka");
    let s = kafka.bootstrap.clone();
    fill_source(&s, 3).await;

    let dest = TestServer::start().await;
    copy_resume_and_verify(&s, Destination::Server(dest.bootstrap())).await;
    dest.stop().await;

    let dir = tempfile::tempdir().expect("tempdir");
    copy_resume_and_verify(&s, Destination::DataDir(dir.path().join("data"))).await;
    drop(kafka);
}

/// A compacted topic on Apache Kafka after its log cleaner ran holds batches with fewer
/// records than the offsets they span (superseded records removed, base and last offset
/// kept): `consume` reads the survivors at their original offsets and steps over the gaps,
/// `migrate from-kafka` copies them with the topic's compaction settings, and Streamline's own
/// cleaner, fed the same records, leaves exactly the same survivors at the same offsets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_compacted_kafka_topic_is_read_across_its_gaps() {
    let kafka = Kafka::single();
    let b = kafka.bootstrap.as_str();
    let streamline = TestServer::start_with(|c| c.log_cleaner_backoff_ms = 200).await;
    let s = streamline.bootstrap();
    for bootstrap in [b, s.as_str()] {
        ok(&[
            "topics",
            "create",
            "table",
            "-p",
            "1",
            "-c",
            "cleanup.policy=compact",
            "-c",
            "segment.ms=100",
            "-c",
            "min.cleanable.dirty.ratio=0.01",
            "-b",
            bootstrap,
        ]);
        write_compaction_rounds(bootstrap).await;
    }
    let expected: Vec<(i64, String, String)> = (5..10)
        .map(|k| (10 + k, format!("k{k}"), "v2".to_string()))
        .chain((0..5).map(|k| (20 + k, format!("k{k}"), "v3".to_string())))
        .chain(std::iter::once((25, "z".to_string(), "end".to_string())))
        .collect();
    for bootstrap in [b, s.as_str()] {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            let out = ok(&["consume", "table", "--format", "ndjson", "-b", bootstrap]);
            let got: Vec<(i64, String, String)> = ndjson(&out)
                .iter()
                .map(|r| {
                    (
                        r["offset"].as_i64().expect("offset"),
                        r["key"].as_str().expect("key").to_string(),
                        r["value"].as_str().expect("value").to_string(),
                    )
                })
                .collect();
            if got == expected {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the cleaner of {bootstrap} never left the expected records; read {got:?}"
            );
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
    streamline.stop().await;

    // migrate copies the survivors, in order, and verifies the copy.
    let dest = TestServer::start().await;
    let d = dest.bootstrap();
    ok(&[
        "migrate",
        "from-kafka",
        "--kafka-servers",
        b,
        "--topics",
        "table",
        "--execute",
        "-b",
        &d,
    ]);
    let copied: Vec<(String, String)> =
        ndjson(&ok(&["consume", "table", "--format", "ndjson", "-b", &d]))
            .iter()
            .map(|r| {
                (
                    r["key"].as_str().expect("key").to_string(),
                    r["value"].as_str().expect("value").to_string(),
                )
            })
            .collect();
    let survivors: Vec<(String, String)> = expected.into_iter().map(|(_, k, v)| (k, v)).collect();
    assert_eq!(copied, survivors);
    let described = ok(&["topics", "describe", "table", "-b", &d]);
    assert!(
        described.contains("cleanup.policy = compact\n"),
        "{described}"
    );
    dest.stop().await;
}

/// Round 1 writes k0..k9, round 2 writes them again, round 3 only k0..k4: once cleaned, round
/// 2's batch keeps k5..k9 of its ten offsets. Each round is a batch of its own and, written
/// after segment.ms, starts a segment of its own; the last (active) one is never cleaned, so a
/// fourth record closes round 3's segment.
async fn write_compaction_rounds(bootstrap: &str) {
    use rdkafka::producer::FutureRecord;
    let producer = crate::common::producer(bootstrap, &[("linger.ms", "50")]);
    let rounds: [(&str, usize); 4] = [("v1", 10), ("v2", 10), ("v3", 5), ("end", 1)];
    for (value, keys) in rounds {
        let sends: Vec<_> = (0..keys)
            .map(|k| {
                let key = if value == "end" {
                    "z".to_string()
                } else {
                    format!("k{k}")
                };
                let value = value.to_string();
                let producer = producer.clone();
                async move {
                    producer
                        .send(
                            FutureRecord::to("table").key(&key).payload(&value),
                            Duration::from_secs(10),
                        )
                        .await
                }
            })
            .collect();
        for send in futures_util::future::join_all(sends).await {
            send.expect("delivered");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
