//! `serve --http-addr`: health probes and Prometheus metrics, scraped with a real text-format
//! parser (Python's prometheus_client, installed by the README's test command) while
//! librdkafka clients produce and consume, asserting that counters move by exactly what was
//! sent and that a deleted topic's series leave with it.

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::admin::AdminOptions;
use rdkafka::consumer::{CommitMode, Consumer};
use serde_json::Value;
use streamline::metrics::collect::ScrapeSettings;
use streamline::server::http::{self, HttpState};

use crate::common::TestServer;

/// One HTTP/1.1 request over a plain socket: (status code, body).
fn get(addr: SocketAddr, method: &str, path: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("answer");
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

/// Creates a topic through librdkafka's admin client (which runs its own runtime).
async fn create(bootstrap: &str, topic: &'static str, partitions: i32) {
    let b = bootstrap.to_string();
    tokio::task::spawn_blocking(move || crate::common::admin_create(&b, topic, partitions))
        .await
        .unwrap();
}

/// Every sample of a scrape, parsed by prometheus_client.
struct Scrape(Value);

impl Scrape {
    fn take(addr: SocketAddr) -> Scrape {
        let out = Command::new("python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/clients/scrape_metrics.py"
            ))
            .arg(format!("http://{addr}/metrics"))
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "the scrape did not parse (is prometheus_client installed? the README's test \
             command installs it): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Scrape(serde_json::from_slice(&out.stdout).expect("JSON"))
    }

    /// The value of `name` with exactly these labels among its labels.
    fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        self.0["samples"].as_array()?.iter().find_map(|s| {
            let matches = s[0] == name
                && labels
                    .iter()
                    .all(|(k, v)| s[1].get(*k).and_then(Value::as_str) == Some(*v));
            matches.then(|| s[2].as_f64()).flatten()
        })
    }

    fn has_label(&self, key: &str, value: &str) -> bool {
        self.0["samples"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s[1].get(key).and_then(Value::as_str) == Some(value))
    }

    fn family_type(&self, name: &str) -> Option<&str> {
        self.0["families"][name].as_str()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counters_move_by_exactly_what_clients_sent() {
    let server = TestServer::start_with(|c| {
        c.http_addr = Some("127.0.0.1:0".parse().unwrap());
        c.metrics_partition_series = true;
    })
    .await;
    let http = server.server.http_addr().expect("an HTTP listener");
    let bootstrap = server.bootstrap();

    assert_eq!(get(http, "GET", "/health/live"), (200, "live\n".into()));
    assert_eq!(get(http, "GET", "/health/ready"), (200, "ready\n".into()));
    assert_eq!(get(http, "GET", "/nowhere").0, 404);
    assert_eq!(get(http, "POST", "/metrics").0, 405);
    assert_eq!(get(http, "HEAD", "/health/ready"), (200, String::new()));

    create(&bootstrap, "metered", 3).await;
    create(&bootstrap, "doomed", 1).await;
    let before = tokio::task::spawn_blocking(move || Scrape::take(http))
        .await
        .unwrap();
    assert_eq!(
        before.value("streamline_topic_records_in_total", &[("topic", "metered")]),
        Some(0.0)
    );
    assert!(before.has_label("topic", "doomed"));
    assert!(
        before.content_type_is_prometheus(),
        "{:?}",
        before.0["content_type"]
    );

    // 120 records over 3 partitions, acknowledged with acks=all (librdkafka's default).
    crate::common::produce_to_partitions(&bootstrap, "metered", 3, 120).await;
    crate::common::produce_to_partitions(&bootstrap, "doomed", 1, 5).await;

    // A group consumes all of them and commits.
    let b = bootstrap.clone();
    let consumed = tokio::task::spawn_blocking(move || {
        let consumer = crate::common::consumer(
            &b,
            &[
                ("group.id", "meters"),
                ("auto.offset.reset", "earliest"),
                ("enable.auto.offset.store", "true"),
            ],
        );
        consumer.subscribe(&["metered"]).unwrap();
        let mut seen = 0;
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while seen < 120 {
            assert!(std::time::Instant::now() < deadline, "saw {seen} of 120");
            if let Some(m) = consumer.poll(Duration::from_millis(200)) {
                m.expect("message");
                seen += 1;
            }
        }
        consumer.commit_consumer_state(CommitMode::Sync).unwrap();
        // Still a member while the scrape runs.
        consumer
    })
    .await
    .unwrap();

    let after = tokio::task::spawn_blocking(move || Scrape::take(http))
        .await
        .unwrap();
    let topic = [("topic", "metered")];
    assert_eq!(
        after.value("streamline_topic_records_in_total", &topic),
        Some(120.0)
    );
    assert_eq!(
        after.value("streamline_topic_records_out_total", &topic),
        Some(120.0),
        "each record was sent to the consumer exactly once"
    );
    let bytes_in = after
        .value("streamline_topic_bytes_in_total", &topic)
        .unwrap();
    assert!(bytes_in > 120.0 * 2.0, "{bytes_in}");
    assert_eq!(
        after.value("streamline_topic_log_size_bytes", &topic),
        Some(bytes_in),
        "every produced byte is in the log"
    );
    assert_eq!(
        after.value("streamline_topic_log_end_offset", &topic),
        Some(120.0)
    );
    assert_eq!(
        after.value("streamline_topic_log_start_offset", &topic),
        Some(0.0)
    );
    assert_eq!(
        after.value("streamline_topic_partitions", &topic),
        Some(3.0)
    );
    assert_eq!(
        after.value(
            "streamline_partition_log_end_offset",
            &[("topic", "metered"), ("partition", "2")]
        ),
        Some(40.0)
    );
    assert_eq!(
        after.value(
            "streamline_consumer_group_lag_sum",
            &[("group", "meters"), ("topic", "metered")]
        ),
        Some(0.0)
    );
    assert_eq!(
        after.value("streamline_consumer_group_members", &[("group", "meters")]),
        Some(1.0)
    );
    assert!(
        after
            .value(
                "streamline_consumer_group_rebalances_total",
                &[("group", "meters")]
            )
            .unwrap()
            >= 1.0
    );
    let produces = after
        .value("streamline_requests_total", &[("api", "Produce")])
        .unwrap();
    assert!(produces >= 1.0);
    assert_eq!(
        after.value(
            "streamline_request_duration_seconds_count",
            &[("api", "Produce")]
        ),
        Some(produces)
    );
    assert_eq!(
        after.family_type("streamline_request_duration_seconds"),
        Some("histogram")
    );
    assert!(
        after
            .value("streamline_fsync_duration_seconds_count", &[])
            .unwrap()
            >= 1.0
    );
    assert!(after.value("streamline_connections_active", &[]).unwrap() >= 1.0);
    assert!(
        after
            .value("streamline_connections_opened_total", &[])
            .unwrap()
            >= 2.0
    );
    assert!(after.value("process_resident_memory_bytes", &[]).unwrap() > 1e6);
    assert!(after.value("process_open_fds", &[]).unwrap() >= 3.0);
    assert_eq!(
        after.value(
            "streamline_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))]
        ),
        Some(1.0)
    );

    // 30 more records: the committed group now lags by exactly them.
    crate::common::produce_to_partitions(&bootstrap, "metered", 3, 30).await;
    // An error answer is counted under its Kafka name.
    let admin = crate::common::admin(&bootstrap);
    let doomed = admin
        .delete_topics(&["doomed"], &AdminOptions::new())
        .await
        .unwrap();
    assert!(doomed.iter().all(Result::is_ok));
    let again = admin
        .delete_topics(&["doomed"], &AdminOptions::new())
        .await
        .unwrap();
    assert!(again.iter().all(Result::is_err));

    let last = tokio::task::spawn_blocking(move || Scrape::take(http))
        .await
        .unwrap();
    assert_eq!(
        last.value(
            "streamline_consumer_group_lag_sum",
            &[("group", "meters"), ("topic", "metered")]
        ),
        Some(30.0)
    );
    assert_eq!(
        last.value(
            "streamline_consumer_group_lag_max",
            &[("group", "meters"), ("topic", "metered")]
        ),
        Some(10.0)
    );
    assert!(
        !last.has_label("topic", "doomed"),
        "a deleted topic's series are gone"
    );
    assert_eq!(
        last.value(
            "streamline_request_errors_total",
            &[
                ("api", "DeleteTopics"),
                ("error", "UNKNOWN_TOPIC_OR_PARTITION")
            ]
        ),
        Some(1.0)
    );
    drop(consumed);
    server.stop().await;
}

impl Scrape {
    fn content_type_is_prometheus(&self) -> bool {
        self.0["content_type"]
            .as_str()
            .is_some_and(|t| t.starts_with("text/plain; version=0.0.4"))
    }
}

/// The series cap holds: labelled series beyond it are left out and counted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_series_cap_leaves_out_and_counts() {
    let server = TestServer::start_with(|c| {
        c.http_addr = Some("127.0.0.1:0".parse().unwrap());
        c.metrics_max_series = 5;
    })
    .await;
    let http = server.server.http_addr().unwrap();
    create(&server.bootstrap(), "capped", 1).await;
    let scrape = tokio::task::spawn_blocking(move || Scrape::take(http))
        .await
        .unwrap();
    let labelled = scrape.0["samples"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            let name = s[0].as_str().unwrap();
            let histogram_line = ["_bucket", "_sum", "_count"]
                .iter()
                .any(|suffix| name.ends_with(suffix));
            !histogram_line && s[1].as_object().is_some_and(|l| !l.is_empty())
        })
        .count();
    assert!(labelled <= 5, "{labelled} labelled series");
    assert!(
        scrape
            .value("streamline_metrics_series_dropped", &[])
            .unwrap()
            > 0.0
    );
    server.stop().await;
}

/// Readiness is 503 until the broker serves and again once it shuts down, while liveness
/// answers throughout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_follows_the_broker() {
    let listener = http::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = Arc::new(HttpState::new(ScrapeSettings {
        partition_series: false,
        max_series: 100,
    }));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(http::serve(listener, state.clone(), stopped));
    let probe =
        move |path: &'static str| tokio::task::spawn_blocking(move || get(addr, "GET", path));

    let (status, body) = probe("/health/ready").await.unwrap();
    assert_eq!(status, 503);
    assert!(body.starts_with("recovering"), "{body}");
    assert_eq!(probe("/health/live").await.unwrap().0, 200);
    // Metrics answer during recovery too, with the process figures.
    let (status, body) = probe("/metrics").await.unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("process_resident_memory_bytes"), "{body}");

    let server = TestServer::start().await;
    state.serving(server.server.broker().clone());
    assert_eq!(probe("/health/ready").await.unwrap().0, 200);
    state.shutting_down();
    assert_eq!(
        probe("/health/ready").await.unwrap(),
        (503, "shutting down\n".into())
    );
    let _ = stop.send(true);
    task.await.unwrap();
    server.stop().await;
}

/// Transactions count as they end, an open one shows as open, and a deleted group's series
/// leave with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transactions_and_deleted_groups_show_in_the_scrape() {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    let server = TestServer::start_with(|c| {
        c.http_addr = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let http = server.server.http_addr().unwrap();
    let bootstrap = server.bootstrap();
    create(&bootstrap, "txns", 1).await;
    let b = bootstrap.clone();
    let producer = tokio::task::spawn_blocking(move || {
        let mut c = crate::common::client_config(&b);
        c.set("transactional.id", "metered-tx");
        let p: BaseProducer = c.create().expect("producer");
        let timeout = Duration::from_secs(20);
        p.init_transactions(timeout).expect("init");
        for commit in [true, false] {
            p.begin_transaction().expect("begin");
            p.send(BaseRecord::<(), str>::to("txns").partition(0).payload("x"))
                .expect("send");
            p.flush(timeout).expect("flush");
            if commit {
                p.commit_transaction(timeout).expect("commit");
            } else {
                p.abort_transaction(timeout).expect("abort");
            }
        }
        // A third, left open.
        p.begin_transaction().expect("begin");
        p.send(BaseRecord::<(), str>::to("txns").partition(0).payload("y"))
            .expect("send");
        p.flush(timeout).expect("flush");
        p
    })
    .await
    .unwrap();
    // A group with a committed offset, then deleted.
    let b = bootstrap.clone();
    tokio::task::spawn_blocking(move || {
        let consumer = crate::common::consumer(&b, &[("group.id", "short-lived")]);
        let mut tpl = rdkafka::TopicPartitionList::new();
        tpl.add_partition_offset("txns", 0, rdkafka::Offset::Offset(1))
            .unwrap();
        consumer.commit(&tpl, CommitMode::Sync).expect("commit");
    })
    .await
    .unwrap();
    let scrape = tokio::task::spawn_blocking(move || Scrape::take(http))
        .await
        .unwrap();
    assert_eq!(
        scrape.value("streamline_transactions_committed_total", &[]),
        Some(1.0)
    );
    assert_eq!(
        scrape.value("streamline_transactions_aborted_total", &[]),
        Some(1.0)
    );
    assert_eq!(scrape.value("streamline_transactions_open", &[]), Some(1.0));
    assert!(scrape.has_label("group", "short-lived"));

    let admin = crate::common::admin(&bootstrap);
    let deleted = admin
        .delete_groups(&["short-lived"], &AdminOptions::new())
        .await
        .unwrap();
    assert!(deleted.iter().all(Result::is_ok), "{deleted:?}");
    let scrape = tokio::task::spawn_blocking(move || Scrape::take(http))
        .await
        .unwrap();
    assert!(
        !scrape.has_label("group", "short-lived"),
        "a deleted group's series are gone"
    );
    drop(producer);
    server.stop().await;
}
