//! File descriptors stay bounded however many partitions there are: a broker with 10,000
//! partitions starts, serves and restarts under `ulimit -n 1024`, a laptop's default, holding
//! at most half the limit in segment files; below a workable limit it refuses to start with
//! a message saying so, instead of refusing clients later.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use bytes::Bytes;
use kafka_protocol::records::Compression;
use streamline::broker::{Broker, BrokerSettings, Endpoint};
use streamline::client::offsets::OffsetSpec;
use streamline::client::produce::OutgoingRecord;
use streamline::client::Client;
use streamline::config::{FsyncPolicy, ServerConfig};

const TOPICS: usize = 100;
const PARTITIONS: i32 = 100;

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `serve` on `dir` under an open-file limit of `limit`; its address, or its standard error
/// if it did not start.
fn serve_limited(dir: &std::path::Path, limit: u32) -> Result<(Serve, String), String> {
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -n {limit} && exec \"$0\" serve --listen-addr 127.0.0.1:0 --fsync never \
             --data-dir \"$1\""
        ))
        .arg(env!("CARGO_BIN_EXE_streamline"))
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("read");
    if first.trim().is_empty() {
        let out = child.wait_with_output().expect("wait");
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok((Serve(child), first.trim().to_string()))
}

/// Open descriptors of `pid` that are segment files, and in all.
fn descriptors(pid: u32) -> (usize, usize) {
    let mut segments = 0;
    let mut all = 0;
    for entry in std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("fd dir")
        .flatten()
    {
        all += 1;
        // Segment files live in partition directories (the journals are .log files too).
        if std::fs::read_link(entry.path()).is_ok_and(|t| {
            t.extension().is_some_and(|e| e == "log")
                && t.parent()
                    .and_then(|d| d.file_name())
                    .is_some_and(|d| d.to_string_lossy().starts_with("partition-"))
        }) {
            segments += 1;
        }
    }
    (segments, all)
}

/// A scratch directory on tmpfs where there is one: creating 10,000 segment files fsyncs each.
fn scratch() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).expect("tempdir")
    } else {
        tempfile::tempdir().expect("tempdir")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_partitions_serve_under_a_laptops_open_file_limit() {
    let tmp = scratch();
    let dir = tmp.path().join("data");
    // The topics are created in-process (this process has a higher limit).
    {
        let config = ServerConfig {
            data_dir: dir.clone(),
            fsync: FsyncPolicy::Never,
            ..ServerConfig::default()
        };
        let endpoint = Endpoint {
            host: "127.0.0.1".into(),
            port: 9092,
        };
        let broker = Broker::open(BrokerSettings::from_config(&config, endpoint)).expect("open");
        for t in 0..TOPICS {
            broker
                .create_topic(&format!("t{t:03}"), PARTITIONS, Default::default(), false)
                .expect("create");
        }
        broker.checkpoint().expect("checkpoint");
    }

    let (server, addr) = serve_limited(&dir, 1024).expect("serve starts under ulimit -n 1024");
    let client = Client::remote(&addr).await.expect("connect");
    // One record in every partition: each segment file is opened (and others closed) in turn.
    let record = [OutgoingRecord {
        key: None,
        value: Some(Bytes::from_static(b"x")),
        headers: vec![],
        timestamp: 1_700_000_000_000,
    }];
    for t in 0..TOPICS {
        let topic = format!("t{t:03}");
        for p in 0..PARTITIONS {
            client
                .produce(&topic, p, &record, Compression::None, 1)
                .await
                .unwrap_or_else(|e| panic!("{topic}/{p}: {e}"));
        }
    }
    let (segments, all) = descriptors(server.0.id());
    assert!(segments <= 512, "{segments} segment files open");
    assert!(all < 1024, "{all} descriptors open");

    // Fresh clients are served meanwhile.
    let mut others = Vec::new();
    for _ in 0..20 {
        let c = Client::remote(&addr).await.expect("another client");
        assert_eq!(
            c.partitions("t042", false).await.expect("metadata").len(),
            100
        );
        others.push(c);
    }
    drop(others);

    // A clean stop and a start under the same limit: every record is there.
    let pid = server.0.id().to_string();
    drop(client);
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    let mut server = server;
    let stopped = tokio::task::spawn_blocking(move || {
        let status = server.0.wait().expect("wait");
        std::mem::forget(server);
        status
    })
    .await
    .expect("stop");
    assert!(stopped.success(), "{stopped:?}");
    let (server, addr) = serve_limited(&dir, 1024).expect("restarts under ulimit -n 1024");
    let client = Client::remote(&addr).await.expect("connect");
    for t in [0, 57, 99] {
        let topic = format!("t{t:03}");
        let partitions: Vec<i32> = (0..PARTITIONS).collect();
        let topics = vec![(topic.clone(), partitions)];
        let ends = client
            .offsets_of(&topics, OffsetSpec::Latest)
            .await
            .expect("offsets");
        assert_eq!(ends.len(), PARTITIONS as usize);
        assert!(ends.values().all(|&end| end == 1), "{topic}: {ends:?}");
    }
    drop(server);
}

#[test]
fn a_limit_too_low_to_serve_is_refused_at_start_saying_so() {
    let tmp = scratch();
    let Err(stderr) = serve_limited(&tmp.path().join("data"), 40) else {
        panic!("serve started with 40 open files");
    };
    assert!(
        stderr.contains("open-file limit is 40") && stderr.contains("ulimit -n"),
        "{stderr}"
    );
}
