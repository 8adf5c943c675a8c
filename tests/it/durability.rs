//! Data survives: a clean restart keeps everything, an acknowledged acks=all record and an
//! acknowledged offset commit and committed transactions survive `kill -9` of the real
//! `streamline serve` process, and a log whose tail was torn or corrupted
//! opens with everything before the damage.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{consume, producer, serving_addr, value_str, TestServer};
use rdkafka::message::Message;
use rdkafka::producer::FutureRecord;

async fn produce_values(
    bootstrap: &str,
    topic: &str,
    values: impl Iterator<Item = String>,
    extra: &[(&str, &str)],
) {
    let p = producer(bootstrap, extra);
    let mut deliveries = Vec::new();
    for v in values {
        deliveries.push(
            p.send_result(FutureRecord::<str, str>::to(topic).partition(0).payload(&v))
                .expect("enqueue"),
        );
    }
    for d in deliveries {
        d.await.expect("not cancelled").expect("acknowledged");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_keeps_topics_ids_configs_and_records() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    produce_values(&bootstrap, "kept", (0..100).map(|i| format!("v{i}")), &[]).await;
    let topic = server.server.broker().topic("kept").expect("topic");
    let id = topic.id;
    // Configs set at creation and altered later, through Kafka's admin API.
    let admin = crate::common::admin(&bootstrap);
    let opts = rdkafka::admin::AdminOptions::new();
    let created = admin
        .create_topics(
            [&rdkafka::admin::NewTopic::new(
                "configured",
                2,
                rdkafka::admin::TopicReplication::Fixed(1),
            )
            .set("retention.ms", "3600000")
            .set("message.timestamp.type", "LogAppendTime")],
            &opts,
        )
        .await
        .expect("create");
    assert!(created.iter().all(Result::is_ok), "{created:?}");
    let altered = admin
        .alter_configs(
            [
                &rdkafka::admin::AlterConfig::new(rdkafka::admin::ResourceSpecifier::Topic(
                    "configured",
                ))
                // AlterConfigs replaces the whole set, as Kafka's does: what stays is said again.
                .set("retention.ms", "7200000")
                .set("max.message.bytes", "2000000")
                .set("message.timestamp.type", "LogAppendTime"),
            ],
            &opts,
        )
        .await
        .expect("alter");
    assert!(altered.iter().all(Result::is_ok), "{altered:?}");
    let before = topic_configs(&admin, "configured").await;
    assert_eq!(before["retention.ms"], ("7200000".to_string(), false));
    let (dir, tmp) = server.stop().await;

    let server = TestServer::start_in(&dir, |_| {}).await;
    let bootstrap = server.bootstrap();
    let topic = server
        .server
        .broker()
        .topic("kept")
        .expect("topic survives");
    assert_eq!(topic.id, id, "topic ids are stable across restarts");
    let got = consume(&bootstrap, "kept", 0, 0, 100);
    assert_eq!(value_str(&got[99]), "v99");
    produce_values(
        &bootstrap,
        "kept",
        std::iter::once("after".to_string()),
        &[],
    )
    .await;
    let got = consume(&bootstrap, "kept", 0, 100, 1);
    assert_eq!(got[0].offset(), 100, "offsets continue where they were");
    let admin = crate::common::admin(&bootstrap);
    let after = topic_configs(&admin, "configured").await;
    assert_eq!(
        after, before,
        "every config, overridden or default, is as it was"
    );
    assert_eq!(
        after["message.timestamp.type"],
        ("LogAppendTime".to_string(), false)
    );
    assert_eq!(after["max.message.bytes"], ("2000000".to_string(), false));
    assert!(after["segment.bytes"].1, "defaults stay defaults");
    server.stop().await;
    drop(tmp);
}

/// A topic's configs as DescribeConfigs reports them: name → (value, is_default).
async fn topic_configs(
    admin: &rdkafka::admin::AdminClient<rdkafka::client::DefaultClientContext>,
    topic: &str,
) -> std::collections::BTreeMap<String, (String, bool)> {
    let described = admin
        .describe_configs(
            [&rdkafka::admin::ResourceSpecifier::Topic(topic)],
            &rdkafka::admin::AdminOptions::new(),
        )
        .await
        .expect("describe");
    let resource = described
        .into_iter()
        .next()
        .expect("one resource")
        .expect("described");
    resource
        .entries
        .into_iter()
        .map(|e| (e.name, (e.value.unwrap_or_default(), e.is_default)))
        .collect()
}

fn spawn_serve(dir: &Path) -> Child {
    spawn_serve_with(dir, &[])
}

fn spawn_serve_with(dir: &Path, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_streamline"))
        .args(["serve", "--listen-addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn streamline serve")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_acks_all_records_survive_kill_9() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let mut child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    produce_values(
        &bootstrap,
        "durable",
        (0..2000).map(|i| format!("record-{i}")),
        &[("acks", "all")],
    )
    .await;
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let mut child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    let got = tokio::task::spawn_blocking(move || consume(&bootstrap, "durable", 0, 0, 2000))
        .await
        .expect("consumer thread");
    for (i, m) in got.iter().enumerate() {
        assert_eq!(value_str(m), format!("record-{i}"));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

fn active_segment(dir: &Path, topic: &str) -> std::path::PathBuf {
    let partition = dir.join("topics").join(topic).join("partition-0");
    let mut logs: Vec<_> = std::fs::read_dir(&partition)
        .expect("partition dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    logs.sort();
    logs.pop().expect("a segment file")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_torn_or_corrupt_tail_is_truncated_and_everything_before_it_is_kept() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    // linger 0 and one message at a time: one batch per record.
    for i in 0..10 {
        produce_values(
            &bootstrap,
            "torn",
            std::iter::once(format!("r{i}")),
            &[("linger.ms", "0")],
        )
        .await;
    }
    let (dir, tmp) = server.stop().await;

    // A torn write: half a batch header appended after the last complete batch.
    let segment = active_segment(&dir, "torn");
    let mut f = OpenOptions::new()
        .append(true)
        .open(&segment)
        .expect("open segment");
    f.write_all(&[0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 200, 0, 0])
        .expect("append garbage");
    drop(f);

    let server = TestServer::start_in(&dir, |_| {}).await;
    let bootstrap = server.bootstrap();
    let got = consume(&bootstrap, "torn", 0, 0, 10);
    assert_eq!(value_str(&got[9]), "r9");
    produce_values(
        &bootstrap,
        "torn",
        std::iter::once("after".to_string()),
        &[],
    )
    .await;
    let got = consume(&bootstrap, "torn", 0, 10, 1);
    assert_eq!(
        (got[0].offset(), value_str(&got[0]).as_str()),
        (10, "after")
    );
    server.stop().await;

    // A flipped byte inside the last batch: that batch is dropped, the rest is kept.
    let segment = active_segment(&dir, "torn");
    let len = std::fs::metadata(&segment).expect("size").len();
    let mut bytes = std::fs::read(&segment).expect("read");
    let last = bytes.len() - 2;
    bytes[last] ^= 0x55;
    std::fs::write(&segment, &bytes).expect("write");
    assert_eq!(std::fs::metadata(&segment).expect("size").len(), len);

    let server = TestServer::start_in(&dir, |_| {}).await;
    let partition = server
        .server
        .broker()
        .partition("torn", 0)
        .expect("partition");
    assert_eq!(
        partition.offsets().log_end_offset,
        10,
        "the corrupt last batch is gone"
    );
    let got = consume(&server.bootstrap(), "torn", 0, 0, 10);
    assert_eq!(value_str(&got[0]), "r0");
    assert_eq!(value_str(&got[9]), "r9");
    server.stop().await;
    drop(tmp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_offset_commits_survive_kill_9() {
    use rdkafka::consumer::{CommitMode, Consumer};
    use rdkafka::{Offset, TopicPartitionList};

    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let mut child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    produce_values(&bootstrap, "offsets", (0..10).map(|i| format!("v{i}")), &[]).await;
    let committed_at = |bootstrap: String| {
        let c = crate::common::consumer(&bootstrap, &[("group.id", "survivor")]);
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition("offsets", 0);
        let got = c
            .committed_offsets(tpl, Duration::from_secs(10))
            .expect("committed");
        got.elements()[0].offset()
    };
    let b = bootstrap.clone();
    tokio::task::spawn_blocking(move || {
        let c = crate::common::consumer(&b, &[("group.id", "survivor")]);
        for offset in 1..=50 {
            let mut tpl = TopicPartitionList::new();
            tpl.add_partition_offset("offsets", 0, Offset::Offset(offset))
                .expect("offset");
            c.commit(&tpl, CommitMode::Sync)
                .expect("acknowledged commit");
        }
    })
    .await
    .expect("committer");
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let mut child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    let offset = tokio::task::spawn_blocking(move || committed_at(bootstrap))
        .await
        .expect("reader");
    assert_eq!(offset, Offset::Offset(50));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

/// Committed transactions survive `kill -9` of the server, and the transaction left open
/// then is still known after the restart: the next producer with the same transactional id
/// aborts it, so read_committed consumers never see its records.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn committed_transactions_survive_kill_9_and_an_open_one_is_aborted_after() {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    const TIMEOUT: Duration = Duration::from_secs(20);
    fn transactional(bootstrap: &str) -> BaseProducer {
        let mut c = crate::common::client_config(bootstrap);
        c.set("transactional.id", "survivor-tx");
        let p: BaseProducer = c.create().expect("producer");
        p.init_transactions(TIMEOUT).expect("init");
        p
    }
    fn write(p: &BaseProducer, prefix: &str) {
        for i in 0..10 {
            p.send(
                BaseRecord::<(), str>::to("txns")
                    .partition(0)
                    .payload(&format!("{prefix}-{i}")),
            )
            .expect("enqueue");
        }
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let mut child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    let b = bootstrap.clone();
    let zombie = tokio::task::spawn_blocking(move || {
        let p = transactional(&b);
        for t in 0..5 {
            p.begin_transaction().expect("begin");
            write(&p, &format!("committed{t}"));
            p.commit_transaction(TIMEOUT).expect("commit");
        }
        p.begin_transaction().expect("begin");
        write(&p, "open");
        p.flush(TIMEOUT).expect("flush");
        p
    })
    .await
    .expect("producer");
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    drop(zombie);

    let mut child = spawn_serve(&dir);
    let bootstrap = serving_addr(&dir);
    let (committed, everything) = tokio::task::spawn_blocking(move || {
        let p = transactional(&bootstrap);
        drop(p);
        let read = |isolation: &str, n: usize| -> Vec<String> {
            let c = crate::common::consumer(&bootstrap, &[("isolation.level", isolation)]);
            let mut tpl = rdkafka::TopicPartitionList::new();
            tpl.add_partition_offset("txns", 0, rdkafka::Offset::Beginning)
                .expect("tpl");
            rdkafka::consumer::Consumer::assign(&c, &tpl).expect("assign");
            let mut out = Vec::new();
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline && out.len() <= n {
                if let Some(m) = c.poll(Duration::from_millis(100)) {
                    let m = m.expect("message");
                    out.push(String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned());
                }
            }
            out
        };
        (read("read_committed", 50), read("read_uncommitted", 60))
    })
    .await
    .expect("reader");
    assert_eq!(committed.len(), 50, "{committed:?}");
    assert!(committed.iter().all(|v| v.starts_with("committed")));
    assert_eq!(everything.len(), 60);
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

/// An aborted transaction in a sealed segment stays aborted after `kill -9` before any
/// producer-state snapshot: the partition has seen transactions, so its state is rebuilt from
/// the log start, not just the active segment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_aborted_transaction_in_a_sealed_segment_stays_aborted_after_kill_9() {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    const TIMEOUT: Duration = Duration::from_secs(20);
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let small = ["--log-segment-bytes", "4096"];
    let mut child = spawn_serve_with(&dir, &small);
    let bootstrap = serving_addr(&dir);
    let b = bootstrap.clone();
    tokio::task::spawn_blocking(move || {
        let mut c = crate::common::client_config(&b);
        c.set("transactional.id", "sealed-tx").set("linger.ms", "0");
        let p: BaseProducer = c.create().expect("producer");
        p.init_transactions(TIMEOUT).expect("init");
        let send = |p: &BaseProducer, v: &str| {
            p.send(BaseRecord::<(), str>::to("sealed").partition(0).payload(v))
                .expect("enqueue");
            p.flush(TIMEOUT).expect("flush");
        };
        p.begin_transaction().expect("begin");
        for i in 0..40 {
            send(&p, &format!("aborted-{i:03}-{}", "x".repeat(200)));
        }
        p.abort_transaction(TIMEOUT).expect("abort");
        // Enough committed data after it that the abort marker ends up in a sealed segment.
        for t in 0..4 {
            p.begin_transaction().expect("begin");
            for i in 0..10 {
                send(&p, &format!("committed-{t}-{i}-{}", "y".repeat(200)));
            }
            p.commit_transaction(TIMEOUT).expect("commit");
        }
    })
    .await
    .expect("producer");
    let segments = std::fs::read_dir(dir.join("topics"))
        .expect("topics")
        .flatten()
        .flat_map(|t| {
            std::fs::read_dir(t.path().join("partition-0"))
                .into_iter()
                .flatten()
        })
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "log"))
        .count();
    assert!(segments > 3, "the data spans several segments ({segments})");
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let mut child = spawn_serve_with(&dir, &small);
    let bootstrap = serving_addr(&dir);
    let values = tokio::task::spawn_blocking(move || {
        let c = crate::common::consumer(&bootstrap, &[("isolation.level", "read_committed")]);
        let mut tpl = rdkafka::TopicPartitionList::new();
        tpl.add_partition_offset("sealed", 0, rdkafka::Offset::Beginning)
            .expect("tpl");
        rdkafka::consumer::Consumer::assign(&c, &tpl).expect("assign");
        let mut out = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Some(m) = c.poll(Duration::from_millis(100)) {
                let m = m.expect("message");
                out.push(String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned());
            }
        }
        out
    })
    .await
    .expect("reader");
    assert_eq!(values.len(), 40, "only the committed records");
    assert!(values.iter().all(|v| v.starts_with("committed")));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}
