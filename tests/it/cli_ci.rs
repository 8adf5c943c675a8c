//! What a CI script leans on: `serve` telling where it listens (first line of standard output,
//! `--ready-file`) and `streamline wait` returning as soon as the broker, or a topic, is ready —
//! and failing within its timeout when it is not, even against a peer that never answers.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::rss_kib;

fn streamline() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_streamline"));
    cmd.env_remove("STREAMLINE_BROKERS")
        .env_remove("STREAMLINE_DATA_DIR")
        .env_remove("STREAMLINE_PROFILE");
    cmd
}

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait(args: &[&str]) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let out = streamline()
        .arg("wait")
        .args(args)
        .output()
        .expect("run wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn serve_tells_its_address_and_wait_waits_for_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ready = tmp.path().join("ready");
    let mut child = streamline()
        .args([
            "serve",
            "--in-memory",
            "--listen-addr",
            "127.0.0.1:0",
            "--ready-file",
        ])
        .arg(&ready)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let stdout = child.stdout.take().expect("stdout");
    let server = Serve(child);
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    let addr = first.trim().to_string();
    assert!(
        addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"),
        "{first:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&ready).expect("ready file"),
        format!("{addr}\n")
    );

    let (code, stderr, _) = wait(&["-b", &addr, "--timeout", "10s"]);
    assert_eq!(code, Some(0), "{stderr}");

    // A topic that is not there: exit 1 once the timeout passes, saying what was seen.
    let (code, stderr, took) = wait(&["-b", &addr, "-t", "later", "--timeout", "300ms"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("not ready after 300ms"), "{stderr}");
    assert!(stderr.contains("'later'"), "{stderr}");
    assert!(took < Duration::from_secs(5), "{took:?}");

    let created = streamline()
        .args(["topics", "create", "later", "-p", "2", "-b", &addr])
        .output()
        .expect("create");
    assert!(created.status.success());
    let (code, stderr, _) = wait(&["-b", &addr, "-t", "later", "-p", "2"]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, _) = wait(&["-b", &addr, "-t", "later", "-p", "3", "--timeout", "200ms"]);
    assert_eq!(code, Some(1));

    // A clean stop removes the ready file.
    let pid = server.0.id().to_string();
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    let deadline = Instant::now() + Duration::from_secs(20);
    while ready.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!ready.exists(), "the ready file outlived the server");
}

#[test]
fn wait_gives_up_in_time_on_nobody_and_on_a_silent_peer() {
    // Nobody listens on a port just released.
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let nobody = free.local_addr().expect("addr").to_string();
    drop(free);
    let (code, stderr, took) = wait(&["-b", &nobody, "--timeout", "500ms"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("not ready after 500ms"), "{stderr}");
    assert!(took < Duration::from_secs(5), "{took:?}");

    // A peer that accepts and never answers must not hold wait past its timeout.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = silent.local_addr().expect("addr").to_string();
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for conn in silent.incoming().take(64) {
            match conn {
                Ok(c) => open.push(c),
                Err(_) => break,
            }
        }
    });
    let (code, stderr, took) = wait(&["-b", &addr, "--timeout", "500ms"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    drop(held);
}

/// The script of the guide's "Streamline in CI" section, run as written with `streamline` on
/// the PATH.
#[test]
fn the_guides_ci_script_passes() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/GUIDE.md"))
        .expect("GUIDE.md");
    let script = guide
        .split("<!-- ci-script -->\n```bash\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the CI script block");
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("ci.sh");
    std::fs::write(&path, script).expect("write script");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_streamline"))
        .parent()
        .expect("binary dir")
        .to_path_buf();
    let search = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let out = Command::new("bash")
        .arg(&path)
        .env("PATH", search)
        .env_remove("STREAMLINE_BROKERS")
        .env_remove("STREAMLINE_DATA_DIR")
        .current_dir(tmp.path())
        .stdin(Stdio::null())
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.ends_with("all checks passed\n"), "{stdout}");
}

fn consume(args: &[&str]) -> (Option<i32>, String, String, Duration) {
    let started = Instant::now();
    let out = streamline()
        .arg("consume")
        .args(args)
        .output()
        .expect("run consume");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        started.elapsed(),
    )
}

/// `consume --expect-*` turns a read into an assertion: 0 as soon as it holds (with -f too),
/// 1 with what was seen at the end or at --timeout.
#[test]
fn consume_expectations_pass_fail_and_time_out() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let d = dir.to_str().expect("utf-8").to_string();
    let produced = streamline()
        .args([
            "produce",
            "orders",
            "-n",
            "5",
            "--template",
            r#"{"n":{{i}}}"#,
            "--data-dir",
            &d,
        ])
        .output()
        .expect("produce");
    assert!(produced.status.success());
    let t = ["orders", "--data-dir", d.as_str()];
    let with = |extra: &[&str]| consume(&[&t[..], extra].concat());

    let (code, stdout, stderr, _) = with(&["--expect-count", "5"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 5);
    // It stops as soon as the expectation holds.
    let (code, stdout, _, _) = with(&["--expect-jq", ".n == 2"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout, "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");
    let (code, _, _, _) = with(&["--expect-match", r#""n":4"#, "--expect-count", "3"]);
    assert_eq!(code, Some(0));

    let (code, _, stderr, _) = with(&["--expect-count", "6"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(
            "expectation not met (expected 6 record(s)): reached the end after 5 record(s)"
        ),
        "{stderr}"
    );
    let (code, _, stderr, _) = with(&["--expect-match", "nowhere", "--expect-jq", ".n > 9"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("no record matched /nowhere/"), "{stderr}");
    assert!(stderr.contains("no record made `.n > 9` true"), "{stderr}");

    // Following: a record that never comes fails at --timeout, in time.
    let (code, _, stderr, took) = with(&["-f", "--expect-jq", ".n == 99", "--timeout", "700ms"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("--timeout passed"), "{stderr}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    // And one already there succeeds at once.
    let (code, _, _, took) = with(&["-f", "--expect-count", "2", "--timeout", "10s"]);
    assert_eq!(code, Some(0));
    assert!(took < Duration::from_secs(5), "{took:?}");
    // A bad expression is a usage error.
    assert_eq!(with(&["--expect-jq", ".["]).0, Some(2));
}

/// `produce` fails (exit 1) when the broker does not acknowledge its records.
#[test]
fn produce_fails_when_records_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path().join("data");
    let d = d.to_str().expect("utf-8");
    let created = streamline()
        .args([
            "topics",
            "create",
            "small",
            "-c",
            "max.message.bytes=200",
            "--data-dir",
            d,
        ])
        .output()
        .expect("create");
    assert!(created.status.success());
    let big = "x".repeat(1000);
    let out = streamline()
        .args(["produce", "small", "-m", &big, "--data-dir", d])
        .output()
        .expect("produce");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exceeds max.message.bytes 200"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A peer that accepts and never answers, and one that answers HTTP: client commands give up
/// within their connect timeout (flag, -X, environment or profile) and say what they met.
#[test]
fn client_timeouts_and_peers_that_are_not_kafka() {
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let quiet = silent.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        let mut open = Vec::new();
        for c in silent.incoming().flatten() {
            open.push(c);
        }
    });
    let http = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let web = http.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for mut c in http.incoming().flatten() {
            let mut buf = [0u8; 64];
            let _ = c.read(&mut buf);
            let _ = c.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = tmp.path().join("config");
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let started = Instant::now();
        let mut cmd = streamline();
        cmd.env("XDG_CONFIG_HOME", &config).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            started.elapsed(),
        )
    };
    let expected = format!("{quiet}: accepted the connection but sent no answer within 400ms");
    let added = run(
        &[
            "profile",
            "add",
            "slow",
            "-b",
            &quiet,
            "--connect-timeout",
            "400ms",
        ],
        &[],
    );
    assert_eq!(added.0, Some(0), "{}", added.1);
    for (args, env) in [
        (
            vec!["topics", "list", "-b", &quiet, "--connect-timeout", "400ms"],
            vec![],
        ),
        (
            vec![
                "topics",
                "list",
                "-b",
                &quiet,
                "-X",
                "socket.connection.setup.timeout.ms=400",
            ],
            vec![],
        ),
        (
            vec!["topics", "list", "-b", &quiet],
            vec![("STREAMLINE_CONNECT_TIMEOUT", "400ms")],
        ),
        (vec!["topics", "list", "-P", "slow"], vec![]),
    ] {
        let (code, stderr, took) = run(&args, &env);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(&expected), "{args:?}: {stderr}");
        assert!(took < Duration::from_secs(5), "{args:?}: {took:?}");
    }
    let (code, stderr, _) = run(&["topics", "list", "-b", &web], &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        format!("error: {web}: this is not a Kafka broker (it answered like HTTP)\n")
    );
    // An unknown -X key is a usage error naming it.
    let (code, stderr, _) = run(&["topics", "list", "-b", &web, "-X", "no.such.key=1"], &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("'no.such.key'"), "{stderr}");
}

/// Refusing connections over and over logs one warning per interval, not one per refusal.
#[test]
fn refused_connections_do_not_flood_the_log() {
    let mut child = streamline()
        .args([
            "serve",
            "--in-memory",
            "--listen-addr",
            "127.0.0.1:0",
            "--max-connections",
            "2",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("address");
    let addr = first.trim().to_string();
    // Connections are accepted in the order they were made, so the two held ones take the
    // slots before any of the rest is looked at.
    let held: Vec<_> = (0..2)
        .map(|_| std::net::TcpStream::connect(&addr).expect("connect"))
        .collect();
    for _ in 0..300 {
        if let Ok(s) = std::net::TcpStream::connect(&addr) {
            drop(s);
        }
    }
    // Once a last one is refused, every earlier one has been too.
    let mut last = std::net::TcpStream::connect(&addr).expect("connect");
    assert!(closed_within(&mut last, Duration::from_secs(10)));
    drop(held);
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let out = child.wait_with_output().expect("serve output");
    let log = String::from_utf8_lossy(&out.stderr);
    let warnings = log.matches("refusing connection").count();
    assert!((1..=2).contains(&warnings), "{warnings} warnings:\n{log}");
}

/// Starts `serve` in memory with `extra` flags; returns the process and its address.
fn serve_with(extra: &[&str]) -> (Serve, String) {
    let mut child = streamline()
        .args(["serve", "--in-memory", "--listen-addr", "127.0.0.1:0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("address");
    (Serve(child), first.trim().to_string())
}

/// Whether the server closed `socket` within `within` (a read returns end of stream).
fn closed_within(socket: &mut std::net::TcpStream, within: Duration) -> bool {
    use std::io::Read;
    socket.set_read_timeout(Some(within)).expect("timeout");
    let mut byte = [0u8; 1];
    matches!(socket.read(&mut byte), Ok(0))
        || matches!(socket.read(&mut byte), Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset)
}

/// Sockets that never speak lose their slots after the first-request timeout, so a fresh client
/// is served even when they had taken every one; one address cannot exceed its own limit.
#[test]
fn silent_sockets_cannot_lock_everyone_out() {
    let (_server, addr) = serve_with(&[
        "--max-connections",
        "4",
        "--first-request-timeout-ms",
        "300",
    ]);
    let mut silent: Vec<_> = (0..4)
        .map(|_| std::net::TcpStream::connect(&addr).expect("connect"))
        .collect();
    for s in &mut silent {
        assert!(
            closed_within(s, Duration::from_secs(5)),
            "a silent socket stayed open"
        );
    }
    let listed = streamline()
        .args(["topics", "list", "-b", &addr])
        .output()
        .expect("topics list");
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );

    let (_server, addr) = serve_with(&["--max-connections-per-ip", "2"]);
    // Accepted in order: the two take the address's slots before the third is looked at.
    let _two: Vec<_> = (0..2)
        .map(|_| std::net::TcpStream::connect(&addr).expect("connect"))
        .collect();
    let mut third = std::net::TcpStream::connect(&addr).expect("connect");
    assert!(
        closed_within(&mut third, Duration::from_secs(2)),
        "a third connection from one address was kept"
    );
}

/// Many connections each sending part of a large frame hold no more than the shared budget,
/// and once the silent ones are closed a fresh client is served.
#[test]
fn partial_frames_across_connections_are_bounded() {
    use std::io::Write;
    let (server, addr) = serve_with(&[
        "--max-frame-bytes",
        "4194304",
        "--queued-max-request-bytes",
        "8388608",
        "--first-request-timeout-ms",
        "3000",
    ]);
    let pid = server.0.id();
    std::thread::sleep(Duration::from_millis(200));
    let before = rss_kib(pid);
    let chunk = vec![7u8; 1 << 20];
    let mut senders = Vec::new();
    for _ in 0..40 {
        let mut s = std::net::TcpStream::connect(&addr).expect("connect");
        // Claims a 4 MiB frame, sends 1 MiB of it (without blocking on a full socket).
        s.set_nonblocking(true).expect("nonblocking");
        let _ = s.write_all(&(4_194_304i32).to_be_bytes());
        let _ = s.write(&chunk);
        senders.push(s);
    }
    std::thread::sleep(Duration::from_millis(800));
    let grown_mib = rss_kib(pid).saturating_sub(before) / 1024;
    assert!(
        grown_mib < 24,
        "40 partial frames grew the broker by {grown_mib} MiB"
    );
    // The silent senders are closed at their first-request timeout; then a client is served.
    let started = Instant::now();
    let listed = streamline()
        .args(["topics", "list", "-b", &addr, "--request-timeout", "20s"])
        .output()
        .expect("topics list");
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(15));
    drop(senders);
}

/// `-X` with librdkafka's property names takes effect: compression.type and batch.size shape
/// what produce writes, acks=0 waits for nothing, client.id reaches the broker.
#[test]
fn client_properties_with_librdkafka_names_take_effect() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path().join("data");
    let d = d.to_str().expect("utf-8");
    let run = |args: &[&str]| {
        let out = streamline()
            .args(args)
            .args(["--data-dir", d])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let size = |topic: &str| -> i64 {
        let json: serde_json::Value =
            serde_json::from_str(&run(&["topics", "describe", topic, "--format", "json"]))
                .expect("json");
        json["partitions"][0]["size_bytes"].as_i64().expect("size")
    };
    let template = r#"{"n":{{i}},"text":"the same words again and again and again"}"#;
    for (topic, extra) in [
        ("plain", vec![]),
        ("zipped", vec!["-X", "compression.type=zstd"]),
        ("small-batches", vec!["-X", "batch.size=200"]),
    ] {
        run(&["topics", "create", topic, "-p", "1"]);
        let mut args = vec!["produce", topic, "-n", "2000", "--template", template];
        args.extend(extra);
        run(&args);
    }
    let (plain, zipped, small) = (size("plain"), size("zipped"), size("small-batches"));
    assert!(zipped * 4 < plain, "zstd {zipped} vs none {plain}");
    // A batch header (61 bytes) for every ~4 records instead of every 1,000.
    assert!(
        small > plain + 20_000,
        "batch.size=200 {small} vs default {plain}"
    );

    let summary: serde_json::Value = serde_json::from_str(&run(&[
        "produce", "plain", "-m", "x", "-X", "acks=0", "--format", "json",
    ]))
    .expect("json");
    assert!(
        summary["partitions"]["0"]["first_offset"].is_null(),
        "{summary}"
    );
    // The command's own flag wins over -X.
    let summary: serde_json::Value = serde_json::from_str(&run(&[
        "produce", "plain", "-m", "x", "-X", "acks=0", "--acks", "all", "--format", "json",
    ]))
    .expect("json");
    assert!(
        summary["partitions"]["0"]["first_offset"].is_i64(),
        "{summary}"
    );
}

/// `-X client.id` is what the broker sees: a group member carries it.
#[test]
fn the_client_id_reaches_the_broker() {
    let (_server, addr) = serve_with(&[]);
    let created = streamline()
        .args(["topics", "create", "ids", "-b", &addr])
        .output()
        .expect("create");
    assert!(created.status.success());
    let mut member = streamline()
        .args([
            "consume",
            "ids",
            "-g",
            "watchers",
            "-f",
            "-b",
            &addr,
            "-X",
            "client.id=my-app",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("consume");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    while Instant::now() < deadline {
        let out = streamline()
            .args([
                "groups", "describe", "watchers", "--format", "json", "-b", &addr,
            ])
            .output()
            .expect("describe");
        seen = String::from_utf8_lossy(&out.stdout).into_owned();
        if seen.contains("\"client_id\":\"my-app\"") {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = member.kill();
    let _ = member.wait();
    assert!(seen.contains("\"client_id\":\"my-app\""), "{seen}");
}

/// With `--http-addr 127.0.0.1:0` the HTTP address is the second line of standard output and
/// of the ready file, and its readiness probe answers 200 once the broker serves.
#[test]
fn serve_tells_its_http_address_second() {
    use std::io::{Read, Write};
    let tmp = tempfile::tempdir().expect("tempdir");
    let ready = tmp.path().join("ready");
    let mut child = streamline()
        .args([
            "serve",
            "--in-memory",
            "--listen-addr",
            "127.0.0.1:0",
            "--http-addr",
            "127.0.0.1:0",
            "--ready-file",
        ])
        .arg(&ready)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let _server = Serve(child);
    let kafka = lines.next().expect("first line").expect("utf-8");
    let http = lines.next().expect("second line").expect("utf-8");
    assert!(http.starts_with("127.0.0.1:") && http != kafka, "{http}");
    assert_eq!(
        std::fs::read_to_string(&ready).expect("ready file"),
        format!("{kafka}\n{http}\n")
    );
    let mut probe = std::net::TcpStream::connect(&http).expect("connect");
    probe
        .write_all(b"GET /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    probe.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("ready\n"), "{answer}");
}

/// `-X enable.idempotence=true` writes batches stamped with a producer id and sequence numbers
/// (and needs acks=all); `-X fetch.min.bytes` makes a consumer's fetch wait for that much.
#[test]
fn idempotence_and_fetch_min_bytes_take_effect() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path().join("data");
    let ds = d.to_str().expect("utf-8");
    let run = |args: &[&str]| {
        streamline()
            .args(args)
            .args(["--data-dir", ds])
            .output()
            .expect("run")
    };
    assert!(run(&["topics", "create", "idem", "-p", "1"])
        .status
        .success());
    let out = run(&[
        "produce",
        "idem",
        "-n",
        "50",
        "--template",
        "r{{i}}",
        "-X",
        "enable.idempotence=true",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The batch header: producer id at byte 43, epoch at 51, base sequence at 53 (after the
    // segment file's 18-byte header).
    let segment =
        std::fs::read(d.join("topics/idem/partition-0/00000000000000000000.log")).expect("segment");
    let batch = &segment[18..];
    let producer_id = i64::from_be_bytes(batch[43..51].try_into().unwrap());
    let base_sequence = i32::from_be_bytes(batch[53..57].try_into().unwrap());
    assert!(producer_id >= 0, "producer id {producer_id}");
    assert_eq!(base_sequence, 0);

    let refused = run(&[
        "produce",
        "idem",
        "-m",
        "x",
        "-X",
        "enable.idempotence=true",
        "--acks",
        "1",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("needs acks=all"));
    assert_eq!(
        run(&["consume", "idem", "-X", "fetch.min.bytes=0"])
            .status
            .code(),
        Some(2)
    );

    // Waiting for 10 MB that never come: each fetch is answered only after its 1.5 s wait.
    let started = Instant::now();
    let out = run(&[
        "consume",
        "idem",
        "-f",
        "--expect-count",
        "50",
        "--timeout",
        "20s",
        "-X",
        "fetch.min.bytes=10000000",
        "-X",
        "fetch.wait.max.ms=1500",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        started.elapsed() >= Duration::from_millis(1400),
        "{:?}",
        started.elapsed()
    );
}

/// What `consume --format FMT` prints, `produce --input-format FMT` reads back: key, value,
/// partition, timestamp and headers survive the round trip through a file; a line that does
/// not match stops produce with exit 1, naming the line.
#[test]
fn kcat_formats_read_back_in_produce() {
    use std::io::Write;
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path().join("data");
    let ds = d.to_str().expect("utf-8");
    let run = |args: &[&str], input: Option<&[u8]>| {
        let mut child = streamline()
            .args(args)
            .args(["--data-dir", ds])
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        if let Some(input) = input {
            child.stdin.take().unwrap().write_all(input).unwrap();
        }
        child.wait_with_output().expect("run")
    };
    for topic in ["source", "copy"] {
        assert!(run(&["topics", "create", topic, "-p", "3"], None)
            .status
            .success());
    }
    for (p, key) in [("0", "a"), ("2", "b"), ("1", "c")] {
        let out = run(
            &[
                "produce",
                "source",
                "-p",
                p,
                "-k",
                key,
                "-H",
                "origin=test",
                "-m",
                &format!("value of {key}, with | inside"),
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let format = r"%p|%T|%k|%h|%s\n";
    let dumped = run(&["consume", "source", "-n", "3", "--format", format], None);
    assert!(dumped.status.success());
    let out = run(
        &["produce", "copy", "--input-format", format],
        Some(&dumped.stdout),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = |topic: &str| -> Vec<serde_json::Value> {
        let out = run(&["consume", topic, "-n", "3", "--format", "ndjson"], None);
        let mut records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(records.len(), 3);
        for r in &mut records {
            r.as_object_mut().unwrap().remove("topic");
            r.as_object_mut().unwrap().remove("offset");
        }
        records.sort_by_key(|r| r["partition"].as_i64());
        records
    };
    assert_eq!(json("copy"), json("source"));

    let bad = run(
        &["produce", "copy", "--input-format", "%k:%s"],
        Some(b"k:v\nno colon here\n"),
    );
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("input line 2 does not match"), "{stderr}");
    let refused = run(&["produce", "copy", "--input-format", "%k%s"], Some(b""));
    assert_eq!(refused.status.code(), Some(2));
}

/// The guide's GitHub Actions job, run step by step as the runner would: each `run` script with
/// `bash -e` (steps' `env` and the job's `$GITHUB_ENV` exports applied, `$RUNNER_TEMP` set),
/// the job failing at the first failing step, `if: failure()` steps only then, background
/// processes left running between steps and killed at the end. `uses:` steps (checkout) have
/// nothing to do here, and the install step is replaced by the binary under test on `PATH`.
#[test]
fn the_guides_github_actions_job_passes() {
    use std::os::unix::process::CommandExt;
    use yaml_rust2::{Yaml, YamlLoader};
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/GUIDE.md"))
        .expect("GUIDE.md");
    let workflow = guide
        .split("<!-- github-actions -->\n```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the GitHub Actions block");
    let docs = YamlLoader::load_from_str(workflow).expect("valid YAML");
    let jobs = docs[0]["jobs"].as_hash().expect("jobs");
    assert_eq!(jobs.len(), 1);
    let job = jobs.values().next().unwrap();
    assert_eq!(job["runs-on"].as_str(), Some("ubuntu-latest"));
    let steps = job["steps"].as_vec().expect("steps");

    let tmp = tempfile::tempdir().expect("tempdir");
    let runner_temp = tmp.path().join("runner-temp");
    std::fs::create_dir(&runner_temp).unwrap();
    let github_env = tmp.path().join("github-env");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_streamline"))
        .parent()
        .expect("binary dir")
        .to_path_buf();
    let search = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let mut exported: Vec<(String, String)> = Vec::new();
    let mut groups: Vec<u32> = Vec::new();
    let mut failed: Option<String> = None;
    let mut ran = Vec::new();
    for step in steps {
        let Some(script) = step["run"].as_str() else {
            assert!(
                step["uses"].as_str().is_some(),
                "a step runs or uses: {step:?}"
            );
            continue;
        };
        let name = step["name"].as_str().unwrap_or(script).to_string();
        if script.trim_start().starts_with("cargo install") {
            continue; // the binary under test is on PATH instead
        }
        let only_on_failure = step["if"].as_str() == Some("failure()");
        if failed.is_some() != only_on_failure {
            continue;
        }
        std::fs::write(&github_env, "").unwrap();
        let mut cmd = Command::new("bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .env("PATH", &search)
            .env_remove("STREAMLINE_BROKERS")
            .env_remove("STREAMLINE_DATA_DIR")
            .env("RUNNER_TEMP", &runner_temp)
            .env("GITHUB_ENV", &github_env)
            .env("CI", "true")
            .current_dir(tmp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0);
        for (k, v) in &exported {
            cmd.env(k, v);
        }
        if let Some(env) = step["env"].as_hash() {
            for (k, v) in env {
                let value = match v {
                    Yaml::Integer(n) => n.to_string(),
                    other => other.as_str().expect("env value").to_string(),
                };
                cmd.env(k.as_str().expect("env name"), value);
            }
        }
        let child = cmd.spawn().expect("bash");
        groups.push(child.id());
        let out = child.wait_with_output().expect("step");
        ran.push(name.clone());
        if !out.status.success() && failed.is_none() {
            failed = Some(format!("{name}: {}", String::from_utf8_lossy(&out.stderr)));
        }
        for line in std::fs::read_to_string(&github_env).unwrap().lines() {
            if let Some((k, v)) = line.split_once('=') {
                exported.push((k.to_string(), v.to_string()));
            }
        }
    }
    // The runner's clean-up: whatever the steps left running.
    for group in groups {
        let _ = Command::new("kill")
            .args(["--", &format!("-{group}")])
            .status();
    }
    assert_eq!(failed, None, "the job failed");
    assert_eq!(
        ran,
        [
            "Start a Kafka-compatible broker",
            "Create the topics",
            "Run the application",
            "Check what reached the topic"
        ]
    );
    assert!(exported
        .iter()
        .any(|(k, v)| k == "KAFKA_BOOTSTRAP" && v.starts_with("127.0.0.1:")));
}

/// `topics create --storage-mode diskless` on a disk-backed broker: the topic works, is shown
/// as diskless, writes nothing under the data directory, cannot be switched to disk, and is
/// gone after a restart while the disk topics stay.
#[test]
fn diskless_topics_live_in_memory_only() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let start = || {
        let mut child = streamline()
            .args(["serve", "--listen-addr", "127.0.0.1:0", "--data-dir"])
            .arg(&data)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn serve");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("address");
        (Serve(child), first.trim().to_string())
    };
    let (server, addr) = start();
    let run = |args: &[&str]| {
        let out = streamline()
            .args(args)
            .args(["-b", &addr])
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&[
        "topics",
        "create",
        "cache",
        "-p",
        "2",
        "--storage-mode",
        "diskless",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(run(&["topics", "create", "kept", "-p", "1"]).0, Some(0));
    for topic in ["cache", "kept"] {
        assert_eq!(
            run(&["produce", topic, "-n", "5", "--template", "v{{i}}"]).0,
            Some(0)
        );
    }
    let (_, described, _) = run(&["topics", "describe", "cache"]);
    assert!(described.contains("Storage:    diskless"), "{described}");
    let (_, described, _) = run(&["topics", "describe", "kept"]);
    assert!(!described.contains("diskless ("), "{described}");
    let (_, consumed, _) = run(&["consume", "cache", "-n", "5"]);
    assert_eq!(consumed.lines().count(), 5);
    assert!(!data.join("topics/cache").exists(), "nothing of it on disk");
    let (code, _, err) = run(&[
        "topics",
        "alter",
        "cache",
        "--config",
        "diskless.enable=false",
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("fixed when the topic is created"), "{err}");

    drop(server);
    let (_server, addr) = start();
    let out = streamline()
        .args(["topics", "list", "--format", "json", "-b", &addr])
        .output()
        .expect("list");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("\"kept\"") && !listed.contains("\"cache\""),
        "{listed}"
    );
}
