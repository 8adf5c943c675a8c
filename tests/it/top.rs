//! `streamline top` for real: the binary in a pseudo-terminal against a live server while a
//! producer writes, read back through a terminal emulator. Topic names and a non-zero message
//! rate must appear, Tab must switch views, and `q` must quit with the terminal restored; a
//! broker that goes away shows in the status line and one that comes back is picked up. Plus
//! `topics watch`, the same rates as plain lines.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::common::cli::ok;
use crate::common::pty::Terminal;
use crate::common::{producer, TestServer};
use rdkafka::producer::FutureRecord;

/// Keeps producing to `topic` until `stop` is set.
fn keep_producing(
    bootstrap: String,
    topic: &'static str,
    stop: Arc<AtomicBool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let p = producer(&bootstrap, &[("linger.ms", "0")]);
        let mut i = 0u64;
        while !stop.load(Ordering::Relaxed) {
            let value = format!("live-{i}");
            let _ = p
                .send(
                    FutureRecord::<str, str>::to(topic).payload(&value),
                    Duration::from_secs(5),
                )
                .await;
            i += 1;
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
}

/// The MSG/S column of `topic`'s row in the topics table.
fn rate_of(text: &str, topic: &str) -> Option<f64> {
    let line = text.lines().find(|l| {
        l.trim_start_matches(['▶', ' '])
            .split_whitespace()
            .next()
            .is_some_and(|w| w == topic)
    })?;
    let fields: Vec<&str> = line
        .trim_start_matches(['▶', ' '])
        .split_whitespace()
        .collect();
    let raw = fields.get(2)?;
    let (number, scale) = match raw.strip_suffix('k') {
        Some(n) => (n, 1000.0),
        None => (*raw, 1.0),
    };
    number.parse::<f64>().ok().map(|n| n * scale)
}

/// Runs `check` on a blocking thread (it polls the screen).
async fn blocking<T: Send + 'static>(check: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(check).await.expect("check")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn top_shows_live_topics_and_rates_and_quits_on_q() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("live-orders", 2, Default::default(), false)
        .expect("topic");
    let stop = Arc::new(AtomicBool::new(false));
    let producing = keep_producing(bootstrap.clone(), "live-orders", stop.clone());

    let b = bootstrap.clone();
    let top = blocking(move || {
        let mut top = Terminal::start(&["top", "-b", &b, "-i", "300ms"], &[]);
        let overview = top.wait_for("the overview with the topic", |s| {
            s.contains("live-orders") && s.contains("Partitions 2")
        });
        assert!(overview.contains("streamline top"), "{overview}");
        top.send(b"\t");
        let topics = top.wait_for("a non-zero rate for live-orders", |s| {
            s.contains("PARTITIONS") && rate_of(s, "live-orders").is_some_and(|r| r > 0.0)
        });
        assert!(topics.contains("Topics (1 of 1)"), "{topics}");
        top.send(b"q");
        assert!(top.wait_exit(), "top exits 0 on q");
        top
    })
    .await;
    // Left the alternate screen: the terminal is back to normal.
    assert!(!top.parser.lock().unwrap().screen().alternate_screen());
    stop.store(true, Ordering::Relaxed);
    producing.await.expect("producer");
    server.stop().await;
}

/// Given the broker's HTTP address, the header shows its readiness and open connections.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn top_shows_the_brokers_http_health() {
    let server = TestServer::start_with(|c| {
        c.http_addr = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let bootstrap = server.bootstrap();
    let http = server.server.http_addr().expect("HTTP").to_string();
    let top = blocking(move || {
        let mut top = Terminal::start(
            &["top", "-b", &bootstrap, "--http-addr", &http, "-i", "300ms"],
            &[],
        );
        let overview = top.wait_for("the health in the header", |s| {
            s.contains("Health ready") && s.contains("Connections ")
        });
        // top's own connections, as the broker's metrics count them.
        assert!(!overview.contains("Connections 0"), "{overview}");
        top.send(b"q");
        assert!(top.wait_exit());
        top
    })
    .await;
    drop(top);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_broker_shows_in_the_status_line_and_a_returning_one_is_picked_up() {
    let server = TestServer::start_with(|c| c.in_memory = true).await;
    let addr = server.addr();
    server
        .server
        .broker()
        .create_topic("before", 1, Default::default(), false)
        .expect("topic");
    let a = addr.to_string();
    let top = blocking(move || {
        let mut top = Terminal::start(&["top", "-b", &a, "-i", "250ms"], &[]);
        top.send(b"\t");
        top.wait_for("the topic", |s| s.contains("before"));
        top
    })
    .await;
    server.stop().await;
    let top = blocking(move || {
        top.wait_for("the status line", |s| {
            s.contains("⚠") && s.contains("retrying")
        });
        top
    })
    .await;
    // A broker on the same address again, with another topic.
    let server = TestServer::start_with(move |c| {
        c.in_memory = true;
        c.listen_addr = addr;
    })
    .await;
    server
        .server
        .broker()
        .create_topic("after", 1, Default::default(), false)
        .expect("topic");
    blocking(move || {
        let mut top = top;
        top.wait_for("the new broker's topic", |s| {
            s.contains("after") && !s.contains("⚠")
        });
        top.send(b"q");
        assert!(top.wait_exit());
    })
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_watch_prints_rates_as_lines_and_top_refuses_a_pipe() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("watched", 1, Default::default(), false)
        .expect("topic");
    let stop = Arc::new(AtomicBool::new(false));
    let producing = keep_producing(bootstrap.clone(), "watched", stop.clone());
    // Until records are flowing.
    let broker = server.server.broker().clone();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while broker
        .partition("watched", 0)
        .is_none_or(|p| p.offsets().log_end_offset < 10)
    {
        assert!(std::time::Instant::now() < deadline, "nothing was produced");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let b = bootstrap.clone();
    let (json, refused) = blocking(move || {
        let json = ok(&[
            "topics", "watch", "watched", "-n", "2", "-i", "500ms", "--format", "json", "-b", &b,
        ]);
        let refused = assert_cmd::Command::cargo_bin("streamline")
            .expect("binary")
            .args(["top", "-b", &b])
            .output()
            .expect("run");
        (json, refused)
    })
    .await;
    stop.store(true, Ordering::Relaxed);
    producing.await.expect("producer");
    let reports: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(reports.len(), 2, "{json}");
    for r in &reports {
        assert_eq!(r["topic"], "watched");
        assert!(
            r["messages_per_sec"].as_f64().is_some_and(|m| m > 0.0),
            "{r}"
        );
        assert!(r["messages"].as_i64().is_some_and(|m| m > 0), "{r}");
    }
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("top needs a terminal"));
    server.stop().await;
}

/// `top` against a SASL_SSL listener: the same live view, through TLS and SCRAM.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn top_reaches_a_secured_listener() {
    use crate::common::secure::{Secured, ALICE};
    let s = Secured::start(|_| {}).await;
    s.server
        .server
        .broker()
        .create_topic("secured-live", 1, Default::default(), false)
        .expect("topic");
    let stop = Arc::new(AtomicBool::new(false));
    let producing = keep_producing(s.addr("PLAINTEXT"), "secured-live", stop.clone());
    let (b, ca) = (s.addr("SASL_SSL"), s.files.ca.display().to_string());
    let top = blocking(move || {
        let env = [
            ("STREAMLINE_SECURITY_PROTOCOL", "SASL_SSL"),
            ("STREAMLINE_SASL_MECHANISM", "SCRAM-SHA-512"),
            ("STREAMLINE_SASL_USERNAME", ALICE.0),
            ("STREAMLINE_SASL_PASSWORD", ALICE.1),
            ("STREAMLINE_SSL_CA_LOCATION", ca.as_str()),
        ];
        let mut top = Terminal::start(&["top", "-b", &b, "-i", "300ms"], &env);
        top.wait_for("the secured topic", |s| s.contains("secured-live"));
        top.send(b"\t");
        top.wait_for("a non-zero rate through TLS", |s| {
            rate_of(s, "secured-live").is_some_and(|r| r > 0.0)
        });
        top.send(b"q");
        assert!(top.wait_exit(), "top exits 0 on q");
        top
    })
    .await;
    drop(top);
    stop.store(true, Ordering::Relaxed);
    producing.await.expect("producer");
}

/// With a schema registry, a topic's detail names its subjects' latest schemas and its tail
/// shows framed Avro values decoded to JSON.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn top_decodes_a_tail_of_avro_records_and_names_the_schema() {
    let server = TestServer::start_with(|c| {
        c.schema_registry_addr = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let bootstrap = server.bootstrap();
    let registry = format!("http://{}", server.server.schema_registry_addr().unwrap());
    let tmp = tempfile::tempdir().unwrap();
    let schema = tmp.path().join("reading.avsc");
    std::fs::write(
        &schema,
        r#"{"type":"record","name":"Reading","fields":[{"name":"sensor","type":"string"},{"name":"celsius","type":"double"}]}"#,
    )
    .unwrap();
    let (b, r, s) = (
        bootstrap.clone(),
        registry.clone(),
        schema.display().to_string(),
    );
    let top = blocking(move || {
        crate::common::cli::ok(&[
            "produce",
            "readings",
            "-b",
            &b,
            "--schema-registry",
            &r,
            "--value-schema",
            &s,
            "-m",
            r#"{"sensor":"s-17","celsius":21.5}"#,
        ]);
        let mut top = Terminal::start(
            &["top", "-b", &b, "-i", "300ms", "--schema-registry", &r],
            &[],
        );
        top.send(b"\t");
        // `_schemas` sorts first; readings is the second row.
        top.wait_for("the topics view", |s| {
            s.contains("Topics (2 of 2)") && s.contains("readings")
        });
        top.send(b"\x1b[B");
        top.send(b"\r");
        let detail = top.wait_for("the decoded tail and the schema", |s| {
            s.contains(r#"{"sensor":"s-17","celsius":21.5}"#)
                && s.contains("value: readings-value v1 (AVRO)")
        });
        assert!(detail.contains("Newest records"), "{detail}");
        top.send(b"q");
        assert!(top.wait_exit(), "top exits 0 on q");
        top
    })
    .await;
    drop(top);
    server.stop().await;
}
