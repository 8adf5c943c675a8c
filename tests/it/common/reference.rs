//! Runs the reference clients built by `tests/reference/prepare.sh` (the README's test command
//! runs it first): the Java programs under `target/reference-java` and the Go programs under
//! `target/reference-go`. Every program takes its scenario and bootstrap address as arguments,
//! checks what it can itself, and prints one JSON object as the last line of standard output
//! for the test to assert on.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// What a reference program printed.
pub struct Run {
    /// The JSON object on the last line of standard output.
    pub json: Value,
    pub stderr: String,
}

/// Where prepare.sh installed the npm packages (KafkaJS and its registry client): NODE_PATH.
pub fn npm_modules() -> String {
    let cache = std::env::var("STREAMLINE_TEST_CACHE").unwrap_or_else(|_| {
        format!(
            "{}/.cache/streamline-tests",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    format!("{cache}/npm/node_modules")
}

fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target")
}

const PREPARE: &str = "run tests/reference/prepare.sh first (the README's test command does)";

/// Runs `streamline.reference.<class>` with the Java client, Kafka Streams and their
/// dependencies on the class path.
pub fn java(class: &str, args: &[&str], timeout: Duration) -> Run {
    let dir = target_dir().join("reference-java");
    assert!(
        dir.join("classes").is_dir(),
        "the Java test programs are not built: {PREPARE}"
    );
    let classpath = format!(
        "{}:{}/*",
        dir.join("classes").display(),
        dir.join("libs").display()
    );
    let mut cmd = Command::new("java");
    cmd.args(["-Xmx512m", "-XX:+UseSerialGC", "-cp", &classpath])
        .arg(format!("streamline.reference.{class}"))
        .args(args);
    run(cmd, &format!("java {class}"), timeout)
}

/// Runs the Go program `name` (franz-go or Sarama).
pub fn go(name: &str, args: &[&str], timeout: Duration) -> Run {
    go_with(name, args, &[], timeout)
}

/// [`go`] with `env` set for the program (the franz program's FRANZ_* security settings).
pub fn go_with(name: &str, args: &[&str], env: &[(&str, &str)], timeout: Duration) -> Run {
    let bin = target_dir().join("reference-go").join(name);
    assert!(
        bin.is_file(),
        "the Go test program {name} is not built: {PREPARE}"
    );
    let mut cmd = Command::new(bin);
    cmd.args(args);
    for (key, value) in env {
        cmd.env(key, value);
    }
    run(cmd, name, timeout)
}

/// Runs `cmd` to completion (killing it after `timeout`) and parses its last stdout line.
fn run(mut cmd: Command, what: &str, timeout: Duration) -> Run {
    let stdout_path = tempfile::NamedTempFile::new().expect("temp file");
    let stderr_path = tempfile::NamedTempFile::new().expect("temp file");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(stdout_path.reopen().expect("reopen"))
        .stderr(stderr_path.reopen().expect("reopen"))
        .spawn()
        .unwrap_or_else(|e| panic!("{what} does not start: {e}"));
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = std::fs::read_to_string(stderr_path.path()).unwrap_or_default();
            panic!("{what} did not finish within {timeout:?}; stderr:\n{stderr}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = std::fs::read_to_string(stdout_path.path()).unwrap_or_default();
    let stderr = std::fs::read_to_string(stderr_path.path()).unwrap_or_default();
    assert!(
        status.success(),
        "{what} failed ({status}); stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let last = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let json = serde_json::from_str(last)
        .unwrap_or_else(|e| panic!("{what} did not end with a JSON line ({e}): {stdout}"));
    Run { json, stderr }
}

/// Warnings the Java client, Kafka Streams and Kafka Connect log against Apache Kafka 4.4
/// itself, in the same runs: not defects of a broker. Each is known by the substrings a line
/// must all contain.
const REFERENCE_WARNINGS: &[&[&str]] = &[
    // Kafka Streams' advice about a configuration that changes default in 5.0, logged by a
    // StreamsConfig the application does not build itself.
    &["Processing exception handler is not enabled for the GlobalThread"],
    // A Streams consumer subscribes to its repartition topic before the rebalance that
    // creates it; the metadata answer says so until it exists.
    &["-repartition=UNKNOWN_TOPIC_OR_PARTITION"],
    // Kafka Streams' advice against a state.dir under java.io.tmpdir, where the programs keep
    // their throw-away state stores.
    &["Using an OS temp directory in the state.dir property"],
    // A stopping Connect worker closes its group coordinator without waiting, so its
    // LeaveGroup request is always still pending then.
    &[
        "WorkerCoordinator - ",
        "Close timed out with 1 pending requests to coordinator",
    ],
    // A restarted Connect worker's first assignment names the config topic offset it read
    // at start-up, ahead of the empty configuration its herder starts from.
    &[
        "DistributedHerder - ",
        "Catching up to assignment's config offset.",
    ],
];

/// Lines of a Java client's log (slf4j-simple on stderr) at WARN or ERROR that Apache Kafka
/// does not cause too: each is something the client found unexpected, and so a defect of the
/// broker unless the test caused it.
pub fn java_warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(" WARN ") || l.contains(" ERROR "))
        .filter(|l| {
            !REFERENCE_WARNINGS
                .iter()
                .any(|known| known.iter().all(|part| l.contains(part)))
        })
        .collect()
}
