//! Apache Kafka 4.4 as a test fixture: `tests/reference/kafka/kafka.sh` (fetched by
//! `tests/reference/prepare.sh`, which the README's test command runs) starts one combined
//! broker+controller or a three-broker cluster on loopback ephemeral ports, each node its own
//! JVM; dropping the fixture stops every node by PID.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A running Apache Kafka: one node, or three with node 1 the only controller.
pub struct Kafka {
    dir: tempfile::TempDir,
    /// Every broker's address, comma-separated.
    pub bootstrap: String,
    pub nodes: usize,
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/kafka/kafka.sh")
}

fn kafka_sh(args: &[&str]) -> std::process::Output {
    Command::new(script())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("kafka.sh runs")
}

impl Kafka {
    /// One combined broker and controller.
    pub fn single() -> Kafka {
        Self::start("single", 1)
    }

    /// Three brokers (node 1 also the controller); internal topics have 3 replicas and
    /// min.insync.replicas 2, so one broker can stop without losing a write.
    pub fn cluster() -> Kafka {
        Self::start("cluster", 3)
    }

    /// One node whose clients use SASL_SSL with SCRAM-SHA-512 (`admin`/`admin-secret`, a super
    /// user) and the StandardAuthorizer; `certs` holds `server.pem` and `server.key`.
    /// `bootstrap` is the SASL_SSL address.
    pub fn secure(certs: &Path) -> Kafka {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().to_str().expect("utf-8 path");
        let out = kafka_sh(&["start", "secure", path, certs.to_str().expect("utf-8 path")]);
        let kafka = Kafka {
            bootstrap: String::from_utf8_lossy(&out.stdout).trim().to_string(),
            dir,
            nodes: 1,
        };
        assert!(
            out.status.success() && !kafka.bootstrap.is_empty(),
            "Apache Kafka (secure) did not start: {}{}",
            String::from_utf8_lossy(&out.stderr),
            kafka.logs_tail()
        );
        kafka
    }

    fn start(shape: &str, nodes: usize) -> Kafka {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().to_str().expect("utf-8 path");
        let out = kafka_sh(&["start", shape, path]);
        let kafka = Kafka {
            bootstrap: String::from_utf8_lossy(&out.stdout).trim().to_string(),
            dir,
            nodes,
        };
        assert!(
            out.status.success() && !kafka.bootstrap.is_empty(),
            "Apache Kafka ({shape}) did not start (run tests/reference/prepare.sh first; the \
             README's test command does): {}{}",
            String::from_utf8_lossy(&out.stderr),
            kafka.logs_tail()
        );
        kafka
    }

    /// The address of node `n` (1-based) alone.
    pub fn node_address(&self, n: usize) -> String {
        let port = std::fs::read_to_string(self.node_dir(n).join("port")).expect("node port");
        format!("127.0.0.1:{}", port.trim())
    }

    /// Stops node `n` with a controlled shutdown: the partitions it led get new leaders.
    pub fn stop_node(&self, n: usize) {
        let out = kafka_sh(&["stop-node", self.path(), &n.to_string()]);
        assert!(
            out.status.success(),
            "kafka.sh stop-node {n}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn path(&self) -> &str {
        self.dir.path().to_str().expect("utf-8 path")
    }

    fn node_dir(&self, n: usize) -> PathBuf {
        self.dir.path().join(format!("node-{n}"))
    }

    /// The last lines of every node's log, for a failure message.
    fn logs_tail(&self) -> String {
        (1..=self.nodes)
            .map(|n| {
                let log = self.node_dir(n).join("server.log");
                format!("\n--- node {n}: {}\n{}", log.display(), tail(&log, 20))
            })
            .collect()
    }
}

fn tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

impl Drop for Kafka {
    fn drop(&mut self) {
        let _ = kafka_sh(&["stop", self.path()]);
    }
}
