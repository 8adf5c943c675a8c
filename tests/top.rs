//! `streamline top` for real: the binary in a pseudo-terminal against a live server while a
//! producer writes, read back through a terminal emulator (vt100). Topic names and a non-zero
//! message rate must appear, Tab must switch views, and `q` must quit with the terminal
//! restored; a broker that goes away shows in the status line and one that comes back is
//! picked up. Plus `topics watch`, the same rates as plain lines.

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

    let mut top = Top::start(&["-b", &bootstrap, "-i", "300ms"]);
    let parser = top.parser.clone();
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
    top.writer.write_all(b"\t").expect("Tab");
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

    top.writer.write_all(b"q").expect("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = top.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "top did not quit on q");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    // Give the last bytes (leaving the alternate screen) time to arrive.
    std::thread::sleep(Duration::from_millis(200));
    // Left the alternate screen: the terminal is back to normal.
    assert!(!parser.lock().unwrap().screen().alternate_screen());

    stop.store(true, Ordering::Relaxed);
    producing.await.expect("producer");
    server.stop().await;
}

/// `top` in a pseudo-terminal, with a thread feeding its output into a terminal emulator.
struct Top {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Top {
    fn start(args: &[&str]) -> Top {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_streamline"));
        cmd.arg("top");
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("STREAMLINE_BROKERS");
        let child = pty.slave.spawn_command(cmd).expect("spawn top");
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(40).expect("rows"),
            std::num::NonZeroU16::new(120).expect("cols"),
            0,
        )));
        let feed = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Top {
            child,
            writer,
            parser,
            _master: pty.master,
        }
    }

    async fn wait_for(&self, what: &'static str, ok: fn(&str) -> bool) {
        let parser = self.parser.clone();
        tokio::task::spawn_blocking(move || wait_for(&parser, what, ok))
            .await
            .expect("screen");
    }
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
    let mut top = Top::start(&["-b", &addr.to_string(), "-i", "250ms"]);
    top.writer.write_all(b"\t").expect("Tab");
    top.wait_for("the topic", |s| s.contains("before")).await;
    server.stop().await;
    top.wait_for("the status line", |s| {
        s.contains("⚠") && s.contains("retrying")
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
    top.wait_for("the new broker's topic", |s| {
        s.contains("after") && !s.contains("⚠")
    })
    .await;
    top.writer.write_all(b"q").expect("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    while top.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < deadline, "top did not quit");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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
