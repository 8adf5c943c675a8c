//! The embedded broker as an embedder uses it: Kafka clients (librdkafka) against its
//! bootstrap address next to in-process calls, several brokers in one process kept apart, a
//! data directory that survives a restart (after `shutdown` and after a plain drop), the
//! blocking variant, and what embedding costs (start to a served Metadata, idle memory),
//! measured in a child process of its own.

use std::time::{Duration, Instant};

use rdkafka::consumer::Consumer;
use rdkafka::producer::FutureRecord;
use rdkafka::Message as _;
use streamline::embedded::{Embedded, Message};

use crate::common::{consumer, producer};

fn text(bytes: &Option<bytes::Bytes>) -> String {
    String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn librdkafka_and_in_process_calls_see_the_same_log() {
    let broker = Embedded::builder()
        .topic("orders", 3)
        .start()
        .await
        .unwrap();
    let bootstrap = broker.bootstrap();

    // librdkafka writes by key (murmur2), the embedder's produce with the same key must land
    // in the same partition, after it.
    // librdkafka's default partitioner hashes with CRC32; murmur2_random is the Java client's.
    let p = producer(&bootstrap, &[("partitioner", "murmur2_random")]);
    let delivery = p
        .send(
            FutureRecord::to("orders")
                .key("order-42")
                .payload("from librdkafka"),
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    let (partition, offset) = (delivery.partition, delivery.offset);
    let produced = broker
        .produce("orders", Message::new("in-process").key("order-42"))
        .await
        .unwrap();
    assert_eq!(
        (produced.partition, produced.offset),
        (partition, offset + 1)
    );

    let records = broker.consume("orders", partition, 0, 10).await.unwrap();
    let values: Vec<String> = records.iter().map(|r| text(&r.value)).collect();
    assert_eq!(values, ["from librdkafka", "in-process"]);

    // And librdkafka reads what the embedder wrote.
    let c = consumer(&bootstrap, &[("auto.offset.reset", "earliest")]);
    let mut assignment = rdkafka::TopicPartitionList::new();
    assignment
        .add_partition_offset("orders", partition, rdkafka::Offset::Offset(1))
        .unwrap();
    c.assign(&assignment).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let message = loop {
        assert!(Instant::now() < deadline, "librdkafka read nothing");
        if let Some(m) = c.poll(Duration::from_millis(200)) {
            break m.unwrap().detach();
        }
    };
    assert_eq!(message.payload(), Some(&b"in-process"[..]));
    assert_eq!(message.key(), Some(&b"order-42"[..]));
    broker.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brokers_in_one_process_are_independent() {
    let mut brokers = Vec::new();
    for i in 0..3 {
        let broker = Embedded::builder()
            .topic("shared-name", i + 1)
            .start()
            .await
            .unwrap();
        broker
            .produce(
                "shared-name",
                Message::new(format!("broker {i}")).partition(0),
            )
            .await
            .unwrap();
        brokers.push(broker);
    }
    let ports: std::collections::HashSet<u16> =
        brokers.iter().map(|b| b.local_addr().port()).collect();
    assert_eq!(ports.len(), 3, "each broker listens on a port of its own");
    for (i, broker) in brokers.iter().enumerate() {
        assert_eq!(
            broker.partitions("shared-name").await.unwrap(),
            i as i32 + 1
        );
        let records = broker.consume("shared-name", 0, 0, 10).await.unwrap();
        let values: Vec<String> = records.iter().map(|r| text(&r.value)).collect();
        assert_eq!(values, [format!("broker {i}")]);
    }
    // Stopping one leaves the others serving.
    let first = brokers.remove(0);
    first.shutdown().await.unwrap();
    for broker in &brokers {
        broker
            .produce("shared-name", Message::new("after").partition(0))
            .await
            .unwrap();
        assert_eq!(broker.end_offset("shared-name", 0).await.unwrap(), 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_data_directory_survives_shutdown_and_drop_and_has_one_owner() {
    let dir = tempfile::tempdir().unwrap();
    let broker = Embedded::builder()
        .data_dir(dir.path())
        .topic("kept", 2)
        .start()
        .await
        .unwrap();
    broker
        .produce_all(
            "kept",
            (0..5).map(|i| Message::new(format!("v{i}")).partition(1)),
        )
        .await
        .unwrap();

    let second = Embedded::builder().data_dir(dir.path()).start().await;
    assert!(
        matches!(second, Err(streamline::Error::DataDirLocked { .. })),
        "a second broker on the same directory is refused"
    );
    let addr = broker.local_addr();
    drop(broker);
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "a dropped broker stops listening"
    );

    // Dropped rather than shut down: everything acknowledged is there.
    let broker = Embedded::builder()
        .data_dir(dir.path())
        .topic("kept", 9)
        .start()
        .await
        .unwrap();
    assert_eq!(
        broker.partitions("kept").await.unwrap(),
        2,
        "the topic existed"
    );
    let records = broker.consume("kept", 1, 0, 100).await.unwrap();
    let values: Vec<String> = records.iter().map(|r| text(&r.value)).collect();
    assert_eq!(values, ["v0", "v1", "v2", "v3", "v4"]);
    assert_eq!(broker.data_dir(), Some(dir.path()));
    broker.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consume_wait_is_woken_by_a_produce() {
    let broker = std::sync::Arc::new(Embedded::builder().topic("t", 1).start().await.unwrap());
    let reader = {
        let broker = broker.clone();
        tokio::spawn(async move {
            broker
                .consume_wait("t", 0, 0, 2, Duration::from_secs(30))
                .await
        })
    };
    // Produce once the read is waiting in the broker, so that the produce is what wakes it.
    let core = broker.core().unwrap().clone();
    while core
        .metrics
        .fetch_waiting
        .load(std::sync::atomic::Ordering::Relaxed)
        == 0
    {
        tokio::task::yield_now().await;
    }
    broker.produce("t", Message::new("a")).await.unwrap();
    broker.produce("t", Message::new("b")).await.unwrap();
    let started = Instant::now();
    let records = reader.await.unwrap().unwrap();
    assert_eq!(records.len(), 2);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the wait ended with the records, not the timeout"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_calls_are_errors() {
    let broker = Embedded::builder()
        .configure(|c| c.auto_create_topics = false)
        .start()
        .await
        .unwrap();
    assert!(broker.produce("absent", Message::new("x")).await.is_err());
    assert!(broker.consume("absent", 0, 0, 1).await.is_err());
    broker.create_topic("t", 1).await.unwrap();
    assert!(broker.create_topic("t", 1).await.is_err());
    assert!(broker.create_topic("bad/name", 1).await.is_err());
    assert!(broker
        .produce("t", Message::new("x").partition(7))
        .await
        .is_err());
    // A bad partition anywhere in the call fails it before anything is written.
    let mixed = [
        Message::new("ok").partition(0),
        Message::new("no").partition(7),
    ];
    assert!(broker.produce_all("t", mixed).await.is_err());
    assert_eq!(broker.end_offset("t", 0).await.unwrap(), 0);
    // Waiting "forever" is a wait until the records are there, not an overflow.
    broker.produce("t", Message::new("x")).await.unwrap();
    let forever = broker
        .consume_wait("t", 0, 0, 1, Duration::MAX)
        .await
        .unwrap();
    assert_eq!(forever.len(), 1);
    let bad = Embedded::builder()
        .configure(|c| c.default_partitions = 0)
        .start()
        .await;
    assert!(matches!(bad, Err(streamline::Error::InvalidConfig(_))));
    // The blocking variant refuses to start inside a runtime instead of panicking.
    assert!(Embedded::builder().start_blocking().is_err());
    broker.shutdown().await.unwrap();
}

#[test]
fn a_blocking_broker_used_inside_a_runtime_says_so() {
    let broker = Embedded::builder().topic("b", 1).start_blocking().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let err = broker.produce("b", Message::new("x")).unwrap_err();
        assert!(err.to_string().contains("inside a tokio runtime"), "{err}");
    });
    drop(runtime);
    assert_eq!(broker.end_offset("b", 0).unwrap(), 0, "nothing was written");
    broker.shutdown().unwrap();
}

#[test]
fn the_blocking_broker_serves_librdkafka_while_the_caller_waits() {
    let broker = Embedded::builder().topic("b", 1).start_blocking().unwrap();
    let admin = crate::common::admin(&broker.bootstrap());
    let metadata = admin
        .inner()
        .fetch_metadata(Some("b"), Duration::from_secs(10))
        .unwrap();
    assert_eq!(metadata.topics()[0].partitions().len(), 1);
    broker.produce("b", Message::new("x")).unwrap();
    assert_eq!(broker.end_offset("b", 0).unwrap(), 1);
    let addr = broker.local_addr();
    drop(broker);
    assert!(std::net::TcpStream::connect(addr).is_err());
}

/// The figures the cost probe prints, read back by the parent.
#[derive(Debug)]
struct Cost {
    start_to_metadata: Duration,
    idle_rss_growth_kib: u64,
}

/// Runs `embedder_cost_probe` in a child process of this test binary, alone, so that no other
/// test's memory or threads are counted.
#[test]
fn what_an_embedder_pays() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "embedded::embedder_cost_probe",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let field = |name: &str| -> u64 {
        stdout
            .split_whitespace()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {stdout}"))
    };
    let cost = Cost {
        start_to_metadata: Duration::from_micros(field("start_to_metadata_us")),
        idle_rss_growth_kib: field("idle_rss_growth_kib"),
    };
    println!("{cost:?}");
    // Bounds far above the figures in BENCHMARKS.md, to catch a regression by an order of
    // magnitude without flaking on a busy machine.
    assert!(cost.start_to_metadata < Duration::from_secs(5), "{cost:?}");
    assert!(cost.idle_rss_growth_kib < 64 * 1024, "{cost:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by what_an_embedder_pays in a process of its own"]
async fn embedder_cost_probe() {
    let rss_kib = || crate::common::rss_kib(std::process::id());
    let before = rss_kib();
    let started = Instant::now();
    let broker = Embedded::builder().start().await.unwrap();
    let client = streamline::client::Client::remote(&broker.bootstrap())
        .await
        .unwrap();
    client.metadata(None).await.unwrap();
    let start_to_metadata = started.elapsed();
    drop(client);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = rss_kib();
    println!("start_to_metadata_us={}", start_to_metadata.as_micros());
    println!("idle_rss_growth_kib={}", idle.saturating_sub(before));
    println!("idle_rss_kib={idle}");
    broker.shutdown().await.unwrap();
}

/// What an embedder compiles: the library without default features must not pull in the
/// toolbox's terminal crates (nor the HTTP listener's), by `cargo tree` over the lock file.
#[test]
fn the_library_alone_has_no_terminal_dependencies() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--manifest-path",
            concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
            "--package",
            "streamline",
            "--no-default-features",
            "--edges",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{lib}",
        ])
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let crates: std::collections::BTreeSet<&str> = tree.lines().map(str::trim).collect();
    for toolbox_crate in [
        "clap",
        "clap_complete",
        "anstream",
        "indicatif",
        "rustyline",
        "ratatui",
        "crossterm",
        "jaq_core",
        "jsonpath_rust",
        "chrono",
        "tracing_subscriber",
        "toml",
        "hyper",
        "streamline_tui",
    ] {
        assert!(
            !crates.contains(toolbox_crate),
            "{toolbox_crate} is in {crates:?}"
        );
    }
    for core_crate in ["tokio", "kafka_protocol", "memmap2"] {
        assert!(
            crates.contains(core_crate),
            "{core_crate} is missing from {crates:?}"
        );
    }
}
