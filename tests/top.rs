//! `streamline top` for real: the binary in a pseudo-terminal against a live server while a
//! producer writes, read back through a terminal emulator (vt100). Topic names and a non-zero
//! message rate must appear, Tab must switch views, and `q` must quit with the terminal
//! restored. Plus `topics watch`, the same rates as plain lines.

mod common;

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::cli::ok;
use common::{producer, TestServer};
use portable_pty::{native_pty_system, CommandBuilder, PtySize};
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

/// The screen as text, one line per row.
fn screen(parser: &Mutex<vt100::Parser>) -> String {
    parser.lock().unwrap().screen().contents()
}

fn wait_for(parser: &Mutex<vt100::Parser>, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = screen(parser);
        if ok(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "never saw {what}; screen:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
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

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_streamline"));
    cmd.args(["top", "-b", &bootstrap, "-i", "300ms"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("STREAMLINE_BROKERS");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn top");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(40).expect("rows"),
        std::num::NonZeroU16::new(120).expect("cols"),
        0,
    )));
    let feeding = {
        let parser = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
            }
        })
    };

    let overview = tokio::task::spawn_blocking({
        let parser = parser.clone();
        move || {
            wait_for(&parser, "the overview with the topic", |s| {
                s.contains("live-orders") && s.contains("Partitions 2")
            })
        }
    })
    .await
    .expect("overview");
    assert!(overview.contains("streamline top"), "{overview}");
    writer.write_all(b"\t").expect("Tab");
    let topics = tokio::task::spawn_blocking({
        let parser = parser.clone();
        move || {
            wait_for(&parser, "a non-zero rate for live-orders", |s| {
                s.contains("PARTITIONS") && rate_of(s, "live-orders").is_some_and(|r| r > 0.0)
            })
        }
    })
    .await
    .expect("topics view");
    assert!(topics.contains("Topics (1 of 1)"), "{topics}");

    writer.write_all(b"q").expect("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "top did not quit on q");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    drop(writer);
    drop(pty.master);
    let _ = feeding.join();
    // Left the alternate screen: the terminal is back to normal.
    assert!(!parser.lock().unwrap().screen().alternate_screen());

    stop.store(true, Ordering::Relaxed);
    producing.await.expect("producer");
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
    tokio::time::sleep(Duration::from_millis(300)).await;
    let b = bootstrap.clone();
    let (json, refused) = tokio::task::spawn_blocking(move || {
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
    .await
    .expect("cli");
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
