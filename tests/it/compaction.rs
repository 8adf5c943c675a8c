//! Log compaction (`cleanup.policy=compact`) end to end with librdkafka: overwrites and
//! tombstones cleaned within the configured lag to the exact surviving set and offsets,
//! key-less records refused as Kafka refuses them, transactions on a compacted topic, a policy
//! altered on an existing topic, and `kill -9` in the middle of cleaning, repeatedly.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{ApiKey, ProduceRequest, ProduceResponse, TopicName};
use kafka_protocol::protocol::StrBytes;
use rdkafka::admin::{AdminOptions, AlterConfig, NewTopic, ResourceSpecifier, TopicReplication};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};

use crate::common::{self, admin, client_config, serving_addr, TestServer};

/// (offset, key, value) of a record as a consumer sees it; `None` value for a tombstone.
type Seen = (i64, String, Option<String>);

/// Every record of partition 0 from the log start to the end, as `isolation` reads them.
fn read_all(bootstrap: &str, topic: &str, isolation: &str) -> Vec<Seen> {
    let consumer: BaseConsumer = client_config(bootstrap)
        .set("group.id", "compaction-reader")
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "true")
        .set("isolation.level", isolation)
        .set("fetch.wait.max.ms", "50")
        .create()
        .expect("consumer");
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, 0, Offset::Beginning)
        .expect("partition");
    consumer.assign(&tpl).expect("assign");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    loop {
        assert!(Instant::now() < deadline, "no end of {topic} in sight");
        match consumer.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => seen.push((
                m.offset(),
                String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned(),
                m.payload().map(|v| String::from_utf8_lossy(v).into_owned()),
            )),
            Some(Err(KafkaError::PartitionEOF(_))) => return seen,
            // librdkafka reports a dropped connection and then reconnects by itself (on a
            // loaded machine a first connection may time out): only the deadline is fatal.
            Some(Err(KafkaError::MessageConsumption(
                RDKafkaErrorCode::BrokerTransportFailure | RDKafkaErrorCode::AllBrokersDown,
            ))) => {}
            Some(Err(e)) => panic!("consume error: {e}"),
            None => {}
        }
    }
}

/// Polls until `read_all` gives `expected`, failing with the last reading after `within`.
fn wait_for_log(
    bootstrap: &str,
    topic: &str,
    isolation: &str,
    expected: &[Seen],
    within: Duration,
) {
    let deadline = Instant::now() + within;
    loop {
        let seen = read_all(bootstrap, topic, isolation);
        if seen == expected {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{topic} never compacted to\n{expected:?}\nlast read\n{seen:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits, off the async runtime, until `topic` reads as `expected` (read_uncommitted).
async fn wait_compacted(bootstrap: &str, topic: &'static str, expected: Vec<Seen>) {
    wait_read_as(bootstrap, topic, "read_uncommitted", expected).await;
}

/// Waits, off the async runtime, until `topic` reads as `expected` at `isolation`.
async fn wait_read_as(
    bootstrap: &str,
    topic: &'static str,
    isolation: &'static str,
    expected: Vec<Seen>,
) {
    let b = bootstrap.to_string();
    tokio::task::spawn_blocking(move || {
        wait_for_log(&b, topic, isolation, &expected, Duration::from_secs(30))
    })
    .await
    .expect("reader");
}

/// An async producer with transactional id `id`, its transactions initialised (the
/// `transactions` module's helper is a blocking `BaseProducer`).
async fn transactional_producer(bootstrap: &str, id: &str) -> FutureProducer {
    let producer: FutureProducer = client_config(bootstrap)
        .set("transactional.id", id)
        .create()
        .expect("transactional producer");
    let p = producer.clone();
    tokio::task::spawn_blocking(move || p.init_transactions(Duration::from_secs(10)))
        .await
        .expect("thread")
        .expect("init");
    producer
}

/// One transaction of `producer` writing `records` to `topic`, committed or aborted.
async fn transaction(
    producer: &FutureProducer,
    topic: &str,
    records: &[(&str, Option<&str>)],
    commit: bool,
) -> rdkafka::error::KafkaResult<()> {
    producer.begin_transaction()?;
    send(producer, topic, records).await;
    let p = producer.clone();
    tokio::task::spawn_blocking(move || {
        if commit {
            p.commit_transaction(Duration::from_secs(10))
        } else {
            p.abort_transaction(Duration::from_secs(10))
        }
    })
    .await
    .expect("thread")
}

/// Writes `key` = r0, r1, ... in `rounds` batches 150 ms apart (so each starts a segment under
/// `segment.ms=100`), then `end` = x, which seals the last round's segment.
async fn overwrite_rounds(producer: &FutureProducer, topic: &str, key: &str, rounds: usize) {
    for round in 0..rounds {
        let value = format!("r{round}");
        send(producer, topic, &[(key, Some(value.as_str()))]).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    send(producer, topic, &[("end", Some("x"))]).await;
}

async fn create_compacted(bootstrap: &str, topic: &str, configs: &[(&str, &str)]) {
    let mut new = NewTopic::new(topic, 1, TopicReplication::Fixed(1));
    for (k, v) in configs {
        new = new.set(k, v);
    }
    let results = admin(bootstrap)
        .create_topics(&[new], &AdminOptions::new())
        .await
        .expect("create topics");
    for r in results {
        r.expect("created");
    }
}

/// Sends `records` (key, value) and waits for each acknowledgement.
async fn send(producer: &FutureProducer, topic: &str, records: &[(&str, Option<&str>)]) {
    let mut acks = Vec::new();
    for (key, value) in records {
        let mut record = FutureRecord::<str, str>::to(topic).key(key).partition(0);
        if let Some(v) = value {
            record = record.payload(v);
        }
        acks.push(producer.send_result(record).expect("queued"));
    }
    for ack in acks {
        ack.await.expect("not cancelled").expect("acknowledged");
    }
}

/// Segments roll after 100 ms, any dirt makes a partition due, and the cleaner looks every
/// 100 ms: a test sees compaction within about a second.
const EAGER: &[(&str, &str)] = &[
    ("cleanup.policy", "compact"),
    ("segment.ms", "100"),
    ("min.cleanable.dirty.ratio", "0.01"),
    ("delete.retention.ms", "1500"),
];

async fn eager_server() -> TestServer {
    TestServer::start_with(|c| c.log_cleaner_backoff_ms = 100).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overwrites_and_tombstones_compact_to_the_latest_value_per_key() {
    let server = eager_server().await;
    let bootstrap = server.bootstrap();
    create_compacted(&bootstrap, "table", EAGER).await;
    let producer = common::producer(&bootstrap, &[("acks", "all")]);
    for round in 0..5 {
        let values: Vec<String> = (0..10).map(|k| format!("v{round}-{k}")).collect();
        let keys: Vec<String> = (0..10).map(|k| format!("k{k}")).collect();
        let records: Vec<(&str, Option<&str>)> = keys
            .iter()
            .zip(&values)
            .map(|(k, v)| (k.as_str(), Some(v.as_str())))
            .collect();
        send(&producer, "table", &records).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    send(&producer, "table", &[("k3", None)]).await; // offset 50
    tokio::time::sleep(Duration::from_millis(150)).await;
    send(&producer, "table", &[("end", Some("x"))]).await; // 51, rolls the tombstone's segment

    let mut expected: Vec<Seen> = (0..10)
        .filter(|&k| k != 3)
        .map(|k| (40 + k, format!("k{k}"), Some(format!("v4-{k}"))))
        .collect();
    expected.push((50, "k3".into(), None));
    expected.push((51, "end".into(), Some("x".into())));
    wait_compacted(&bootstrap, "table", expected.clone()).await;

    // After delete.retention.ms the tombstone goes too; the log keeps its start offset.
    expected.retain(|r| r.0 != 50);
    wait_compacted(&bootstrap, "table", expected).await;
    let b = bootstrap.clone();
    tokio::task::spawn_blocking(move || {
        let consumer: BaseConsumer = client_config(&b).create().expect("client");
        let (low, high) = consumer
            .fetch_watermarks("table", 0, Duration::from_secs(5))
            .expect("watermarks");
        assert_eq!((low, high), (0, 52));
    })
    .await
    .expect("reader");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_without_a_key_is_refused_as_kafka_refuses_it() {
    let server = eager_server().await;
    let bootstrap = server.bootstrap();
    create_compacted(&bootstrap, "keyed", &[("cleanup.policy", "compact,delete")]).await;
    let producer = common::producer(&bootstrap, &[("retries", "0")]);
    let refused = producer
        .send(
            FutureRecord::<str, str>::to("keyed").payload("no key"),
            Duration::from_secs(10),
        )
        .await;
    match refused {
        Err((KafkaError::MessageProduction(code), _)) => {
            assert_eq!(code, RDKafkaErrorCode::InvalidRecord)
        }
        other => panic!("expected INVALID_RECORD, got {other:?}"),
    }
    send(&producer, "keyed", &[("k", Some("kept"))]).await;

    // On the wire: the record's index and Kafka's messages.
    let records = streamline::protocol::records::encode_batch(
        &[
            streamline::protocol::records::RecordRef {
                timestamp: 1,
                key: Some(b"a"),
                value: Some(b"1"),
                headers: &[],
            },
            streamline::protocol::records::RecordRef {
                timestamp: 1,
                key: None,
                value: Some(b"2"),
                headers: &[],
            },
        ],
        kafka_protocol::records::Compression::Gzip,
    )
    .expect("batch");
    let request = ProduceRequest::default()
        .with_acks(1)
        .with_timeout_ms(5000)
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(TopicName(StrBytes::from_static_str("keyed")))
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(0)
                .with_records(Some(records))])]);
    let mut stream = tokio::net::TcpStream::connect(server.addr())
        .await
        .expect("connect");
    let response: ProduceResponse = common::call(&mut stream, ApiKey::Produce, 9, &request).await;
    let partition = &response.responses[0].partition_responses[0];
    assert_eq!(partition.error_code, 87, "INVALID_RECORD");
    assert_eq!(partition.record_errors.len(), 1);
    assert_eq!(partition.record_errors[0].batch_index, 1);
    assert_eq!(
        partition.record_errors[0]
            .batch_index_error_message
            .as_deref(),
        Some("Compacted topic cannot accept message without key in topic partition keyed-0")
    );
    assert_eq!(
        partition.error_message.as_deref(),
        Some(
            "One or more records have been rejected due to 1 record errors in total, and only \
             showing the first three errors at most: [RecordError(batchIndex=1, \
             message='Compacted topic cannot accept message without key in topic partition \
             keyed-0')]"
        )
    );
    let b = bootstrap.clone();
    let seen = tokio::task::spawn_blocking(move || read_all(&b, "keyed", "read_uncommitted"))
        .await
        .expect("reader");
    assert_eq!(seen, vec![(0, "k".to_string(), Some("kept".to_string()))]);

    // Records may be deleted while the policy holds `delete`, and not once it is compact only.
    create_compacted(&bootstrap, "only-compact", &[("cleanup.policy", "compact")]).await;
    send(&producer, "only-compact", &[("k", Some("v"))]).await;
    for (topic, refused) in [("keyed", false), ("only-compact", true)] {
        let mut cut = TopicPartitionList::new();
        cut.add_partition_offset(topic, 0, Offset::Offset(1))
            .expect("tpl");
        let result = admin(&bootstrap)
            .delete_records(&cut, &AdminOptions::new())
            .await
            .expect("delete records");
        let error = result.find_partition(topic, 0).expect("partition").error();
        if refused {
            assert_eq!(
                error,
                Err(KafkaError::OffsetFetch(RDKafkaErrorCode::PolicyViolation)),
                "{topic}"
            );
        } else {
            assert_eq!(error, Ok(()), "{topic}");
        }
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compaction_drops_aborted_records_and_keeps_committed_answers() {
    let server = eager_server().await;
    let bootstrap = server.bootstrap();
    create_compacted(&bootstrap, "txns", EAGER).await;
    let producer = transactional_producer(&bootstrap, "compaction-txn").await;
    // Committed a=1 (0, marker 1), aborted a=2 (2, marker 3), committed b=1 (4, marker 5).
    for (key, value, commit) in [("a", "1", true), ("a", "2", false), ("b", "1", true)] {
        transaction(&producer, "txns", &[(key, Some(value))], commit)
            .await
            .expect("ended");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let plain = common::producer(&bootstrap, &[]);
    send(&plain, "txns", &[("end", Some("x"))]).await; // 6

    // Compacted, even an uncommitted reader no longer meets the aborted record.
    let expected: Vec<Seen> = vec![
        (0, "a".into(), Some("1".into())),
        (4, "b".into(), Some("1".into())),
        (6, "end".into(), Some("x".into())),
    ];
    wait_compacted(&bootstrap, "txns", expected.clone()).await;
    let b = bootstrap.clone();
    let committed = tokio::task::spawn_blocking(move || read_all(&b, "txns", "read_committed"))
        .await
        .expect("reader");
    assert_eq!(committed, expected);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delete_topic_altered_to_compact_is_compacted() {
    let server = eager_server().await;
    let bootstrap = server.bootstrap();
    create_compacted(
        &bootstrap,
        "altered",
        &[("segment.ms", "100"), ("min.cleanable.dirty.ratio", "0.01")],
    )
    .await;
    let producer = common::producer(&bootstrap, &[]);
    overwrite_rounds(&producer, "altered", "k", 3).await; // k at 0..=2, end at 3
    let b = bootstrap.clone();
    let before = tokio::task::spawn_blocking(move || read_all(&b, "altered", "read_uncommitted"))
        .await
        .expect("reader");
    assert_eq!(before.len(), 4, "delete policy: nothing compacted");

    let alter = AlterConfig::new(ResourceSpecifier::Topic("altered"))
        .set("cleanup.policy", "compact")
        .set("segment.ms", "100")
        .set("min.cleanable.dirty.ratio", "0.01");
    for r in admin(&bootstrap)
        .alter_configs(&[alter], &AdminOptions::new())
        .await
        .expect("alter")
    {
        r.expect("altered");
    }
    let expected: Vec<Seen> = vec![
        (2, "k".into(), Some("r2".into())),
        (3, "end".into(), Some("x".into())),
    ];
    wait_compacted(&bootstrap, "altered", expected).await;
    server.stop().await;
}

/// A `streamline serve` child that is killed when dropped, so a failing test leaves no broker
/// running behind it.
struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `--in-memory` compacts with the same cleaner, its segments swapped in memory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_in_memory_broker_compacts_too() {
    let server = TestServer::start_with(|c| {
        c.in_memory = true;
        c.log_cleaner_backoff_ms = 100;
    })
    .await;
    let bootstrap = server.bootstrap();
    create_compacted(&bootstrap, "memory", EAGER).await;
    let producer = common::producer(&bootstrap, &[]);
    for round in 0..3 {
        let value = format!("r{round}");
        send(
            &producer,
            "memory",
            &[("k", Some(value.as_str())), ("j", Some("same"))],
        )
        .await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    send(&producer, "memory", &[("end", Some("x"))]).await; // 6
    let expected: Vec<Seen> = vec![
        (4, "k".into(), Some("r2".into())),
        (5, "j".into(), Some("same".into())),
        (6, "end".into(), Some("x".into())),
    ];
    wait_compacted(&bootstrap, "memory", expected).await;
    server.stop().await;
}

fn spawn_serve(dir: &Path) -> Serve {
    spawn_serve_on(dir, "127.0.0.1:0")
}

fn spawn_serve_on(dir: &Path, listen_addr: &str) -> Serve {
    // The broker's log beside the data directory, for the failure message.
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.with_extension("log"))
        .expect("log file");
    Command::new(env!("CARGO_BIN_EXE_streamline"))
        .args(["serve", "--listen-addr", listen_addr, "--data-dir"])
        .arg(dir)
        // Passes back to back, paced to last a while: a kill lands inside one.
        .args([
            "--log-cleaner-backoff-ms",
            "20",
            "--log-cleaner-io-max-bytes-per-second",
            "3000000",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map(Serve)
        .expect("spawn streamline serve")
}

/// Files of the partition that only exist while a pass writes or swaps a segment.
fn cleaning_files(partition: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(partition)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.to_string_lossy();
                    name.ends_with(".cleaned") || name.ends_with(".swap")
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The latest acknowledged value of each key must be the last value a reader meets for it,
/// after every `kill -9` in the middle of a cleaning pass.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_in_the_middle_of_cleaning_loses_no_latest_value() {
    const KEYS: usize = 300;
    const CYCLES: usize = 10;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let partition = dir.join("topics").join("kv").join("partition-0");
    let mut latest: std::collections::BTreeMap<String, String> = Default::default();
    let mut killed_mid_pass = 0;
    for cycle in 0..CYCLES {
        let mut child = spawn_serve(&dir);
        let bootstrap = serving_addr(&dir);
        if cycle == 0 {
            create_compacted(
                &bootstrap,
                "kv",
                &[
                    ("cleanup.policy", "compact"),
                    ("segment.bytes", "65536"),
                    ("segment.ms", "300"),
                    ("min.cleanable.dirty.ratio", "0.01"),
                ],
            )
            .await;
        }
        // What the previous cycles acknowledged is all there, latest value per key.
        let b = bootstrap.clone();
        let seen = tokio::task::spawn_blocking(move || read_all(&b, "kv", "read_uncommitted"))
            .await
            .expect("reader");
        let mut last: std::collections::BTreeMap<String, String> = Default::default();
        for (_, key, value) in seen {
            last.insert(key, value.unwrap_or_default());
        }
        assert_eq!(last, latest, "cycle {cycle}: latest values after kill -9");

        let producer = common::producer(&bootstrap, &[("acks", "all"), ("linger.ms", "20")]);
        for round in 0..4 {
            let values: Vec<(String, String)> = (0..KEYS)
                .map(|k| {
                    (
                        format!("key-{k:04}"),
                        format!("cycle-{cycle}-round-{round}-{}", "v".repeat(100)),
                    )
                })
                .collect();
            let records: Vec<(&str, Option<&str>)> = values
                .iter()
                .map(|(k, v)| (k.as_str(), Some(v.as_str())))
                .collect();
            send(&producer, "kv", &records).await;
            latest.extend(values);
        }
        // A record after segment.ms seals the last round's segment: a pass is then due.
        tokio::time::sleep(Duration::from_millis(350)).await;
        let tick = format!("cycle-{cycle}");
        send(&producer, "kv", &[("tick", Some(tick.as_str()))]).await;
        latest.insert("tick".into(), tick);
        // Kill as soon as a pass is writing (or swapping) a cleaned segment.
        let deadline = Instant::now() + Duration::from_secs(20);
        while cleaning_files(&partition).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        if !cleaning_files(&partition).is_empty() {
            killed_mid_pass += 1;
        }
        child.0.kill().expect("SIGKILL");
        child.0.wait().expect("reaped");
    }
    let child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    let seen = tokio::task::spawn_blocking(move || read_all(&bootstrap, "kv", "read_uncommitted"))
        .await
        .expect("reader");
    let mut last: std::collections::BTreeMap<String, String> = Default::default();
    for (_, key, value) in &seen {
        last.insert(key.clone(), value.clone().unwrap_or_default());
    }
    assert_eq!(last, latest, "after the last kill -9");
    assert!(
        seen.len() < CYCLES * 4 * KEYS,
        "compaction removed superseded values ({} records left)",
        seen.len()
    );
    assert_eq!(killed_mid_pass, CYCLES, "every kill landed inside a pass");
    drop(child);
}

/// `topics alter` turns compaction on, `topics describe` shows the policy, each partition's
/// dirty ratio and last pass (through a running server and in-process), and `doctor --deep`
/// verifies the compacted segments.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_toolbox_alters_describes_and_verifies_compacted_topics() {
    use crate::common::cli::ok;
    let server = eager_server().await;
    let bootstrap = server.bootstrap();
    let dir = server.data_dir.display().to_string();
    let d = ["--data-dir", dir.as_str()];
    ok(&[
        &["topics", "create", "ledger", "-c", "segment.ms=100"][..],
        &["-c", "min.cleanable.dirty.ratio=0.01"],
        &d,
    ]
    .concat());
    let producer = common::producer(&bootstrap, &[]);
    overwrite_rounds(&producer, "ledger", "k", 3).await;
    let described = ok(&[&["topics", "describe", "ledger"][..], &d].concat());
    assert!(!described.contains("DIRTY"), "{described}");

    ok(&[
        &[
            "topics",
            "alter",
            "ledger",
            "--config",
            "cleanup.policy=compact",
        ][..],
        &d,
    ]
    .concat());
    let expected: Vec<Seen> = vec![
        (2, "k".into(), Some("r2".into())),
        (3, "end".into(), Some("x".into())),
    ];
    wait_compacted(&bootstrap, "ledger", expected).await;
    let check = |described: &str| {
        assert!(described.contains("Cleanup:    compact"), "{described}");
        let header = described
            .lines()
            .find(|l| l.starts_with("PARTITION"))
            .expect("table");
        assert!(header.ends_with("DIRTY  CLEANED"), "{header}");
        let row = described
            .lines()
            .find(|l| l.starts_with("0 "))
            .expect("partition 0");
        assert!(row.contains("0%") && row.ends_with(" ago"), "{row}");
    };
    check(&ok(&[&["topics", "describe", "ledger"][..], &d].concat()));
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        &["topics", "describe", "ledger", "--format", "json"][..],
        &d,
    ]
    .concat()))
    .expect("json");
    let partition = &json["partitions"][0];
    assert!(partition["last_cleaned_ms"].as_i64().is_some(), "{json}");
    assert_eq!(partition["dirty_ratio"].as_f64(), Some(0.0), "{json}");
    // Keeps the directory (its owner) past the server.
    let (_, _tmp) = server.stop().await;

    // In-process, from the broker core itself; then a deep check of every segment.
    check(&ok(&[&["topics", "describe", "ledger"][..], &d].concat()));
    let doctor = ok(&[&["doctor", "--deep"][..], &d].concat());
    assert!(!doctor.contains("damage"), "{doctor}");
}

/// A transactional producer whose only record was superseded keeps its sequence numbers: the
/// cleaner keeps its last batch as an empty batch, so a broker recovering from `kill -9` reads
/// the producer's state back from the log and the producer's next transaction is accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_producer_whose_records_were_compacted_away_carries_on_after_kill_9() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .to_string();
    let mut child = spawn_serve_on(&dir, &addr);
    let bootstrap = serving_addr(&dir);
    create_compacted(&bootstrap, "seq", EAGER).await;
    let producer = transactional_producer(&bootstrap, "seq-a").await;
    transaction(&producer, "seq", &[("k", Some("from-a"))], true)
        .await
        .expect("committed"); // 0, marker 1
    tokio::time::sleep(Duration::from_millis(150)).await;
    let plain = common::producer(&bootstrap, &[("enable.idempotence", "false")]);
    send(&plain, "seq", &[("k", Some("from-b"))]).await; // 2
    tokio::time::sleep(Duration::from_millis(150)).await;
    send(&plain, "seq", &[("tick", Some("x"))]).await; // 3
    let compacted: Vec<Seen> = vec![
        (2, "k".into(), Some("from-b".into())),
        (3, "tick".into(), Some("x".into())),
    ];
    wait_read_as(&bootstrap, "seq", "read_committed", compacted).await;

    // No producer snapshot was taken: the restarted broker rebuilds the state from the log.
    child.0.kill().expect("SIGKILL");
    child.0.wait().expect("reaped");
    let _child = spawn_serve_on(&dir, &addr);
    assert_eq!(serving_addr(&dir), addr);
    transaction(&producer, "seq", &[("k", Some("from-a-again"))], true)
        .await
        .expect("the producer's next transaction commits");
    let b = bootstrap.clone();
    let seen = tokio::task::spawn_blocking(move || read_all(&b, "seq", "read_committed"))
        .await
        .expect("reader");
    assert_eq!(
        seen.last().map(|r| (r.1.as_str(), r.2.as_deref())),
        Some(("k", Some("from-a-again"))),
        "{seen:?}"
    );
}

/// Once compaction has removed an aborted transaction's data and then, after
/// `delete.retention.ms`, its marker, read_committed consumers still read the producer's
/// later committed records: the broker stops listing the transaction as aborted before the
/// marker goes (a consumer told of an abort it never sees the marker of skips that producer).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_committed_reads_past_a_cleaned_away_abort() {
    let server = eager_server().await;
    let bootstrap = server.bootstrap();
    create_compacted(&bootstrap, "aborts", EAGER).await;
    let producer = transactional_producer(&bootstrap, "aborts-p").await;
    // Aborted a (0, marker 1), committed b (2, marker 3).
    for (key, commit) in [("a", false), ("b", true)] {
        transaction(&producer, "aborts", &[(key, Some("1"))], commit)
            .await
            .expect("ended");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let plain = common::producer(&bootstrap, &[]);
    send(&plain, "aborts", &[("c", Some("1"))]).await; // 4
    tokio::time::sleep(Duration::from_millis(150)).await;
    send(&plain, "aborts", &[("d", Some("1"))]).await; // 5
    let mut expected: Vec<Seen> = vec![
        (2, "b".into(), Some("1".into())),
        (4, "c".into(), Some("1".into())),
        (5, "d".into(), Some("1".into())),
    ];
    wait_compacted(&bootstrap, "aborts", expected.clone()).await;
    // New dirt: the next pass finds the abort marker guarding nothing and gives it its
    // horizon; a pass after the horizon removes it, leaving five batches (b, its commit
    // marker, c, d, e).
    tokio::time::sleep(Duration::from_millis(150)).await;
    send(&plain, "aborts", &[("e", Some("1"))]).await; // 6
    expected.push((6, "e".into(), Some("1".into())));
    let dir = server.data_dir.display().to_string();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let doctor = std::process::Command::new(env!("CARGO_BIN_EXE_streamline"))
            .args(["doctor", "--deep", "--data-dir", &dir])
            .env_remove("STREAMLINE_BROKERS")
            .output()
            .expect("doctor");
        let out = String::from_utf8_lossy(&doctor.stdout).into_owned();
        if out.contains(" 5 batches ") {
            break;
        }
        assert!(Instant::now() < deadline, "the abort marker stayed:\n{out}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let b = bootstrap.clone();
    let committed = tokio::task::spawn_blocking(move || read_all(&b, "aborts", "read_committed"))
        .await
        .expect("reader");
    assert_eq!(committed, expected);
    server.stop().await;
}
