//! `streamline benchmark` end to end: produce, consume and end-to-end runs in-process and
//! against a live server, with the perf-test report's fields present and plausible, and the
//! scenarios listed and applied.

use crate::common::cli::ok;
use crate::common::TestServer;
use serde_json::Value;

fn run(args: &[&str]) -> Value {
    let out = ok(&[&["benchmark"], args, &["--format", "json"]].concat());
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The report's figures hang together: counts, rates and ordered percentiles.
fn check(report: &Value, records: u64, size: u64) {
    assert_eq!(report["records"], records, "{report}");
    assert_eq!(report["bytes"], records * size, "{report}");
    assert!(
        report["records_per_sec"].as_f64().is_some_and(|r| r > 0.0),
        "{report}"
    );
    assert!(
        report["mb_per_sec"].as_f64().is_some_and(|r| r > 0.0),
        "{report}"
    );
    let l = &report["latency_ms"];
    let v = |k: &str| {
        l[k].as_f64()
            .unwrap_or_else(|| panic!("latency {k}: {report}"))
    };
    assert!(v("p50") > 0.0, "{report}");
    assert!(
        v("p50") <= v("p95") && v("p95") <= v("p99") && v("p99") <= v("p999"),
        "{report}"
    );
    assert!(
        v("p999") <= v("max") * 1.001 && v("avg") <= v("max"),
        "{report}"
    );
}

#[test]
fn produce_then_consume_in_process_and_scenarios() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path().join("data");
    let d = d.to_str().expect("utf-8");
    let produced = run(&[
        "produce",
        "-n",
        "5000",
        "-s",
        "64",
        "-p",
        "3",
        "--producers",
        "2",
        "--data-dir",
        d,
    ]);
    check(&produced, 5000, 64);
    assert_eq!(produced["mode"], "produce");
    assert_eq!(
        (
            produced["producers"].as_u64(),
            produced["partitions"].as_u64()
        ),
        (Some(2), Some(3))
    );
    let consumed = run(&["consume", "--consumers", "2", "--data-dir", d]);
    check(&consumed, 5000, 64);

    let listed = ok(&["benchmark", "--list-scenarios"]);
    for name in ["quick", "throughput", "durable", "large", "latency"] {
        assert!(listed.lines().any(|l| l.starts_with(name)), "{listed}");
    }
    // Flags that mean nothing for a mode are refused, not ignored.
    let refused = assert_cmd::Command::cargo_bin("streamline")
        .expect("binary")
        .args(["benchmark", "consume", "--acks", "1", "--data-dir", d])
        .output()
        .expect("run");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--acks does not apply to a consume run")
    );
    // A scenario sets the defaults; explicit flags override it.
    let quick = run(&[
        "--scenario",
        "quick",
        "-n",
        "300",
        "-t",
        "q",
        "--data-dir",
        d,
    ]);
    check(&quick, 300, 100);
    assert_eq!(quick["acks"], -1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn end_to_end_latency_against_a_server() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    let report = tokio::task::spawn_blocking(move || {
        run(&["end-to-end", "-n", "200", "--rate", "2000", "-b", &b])
    })
    .await
    .expect("benchmark");
    check(&report, 200, 100);
    assert_eq!(report["mode"], "end-to-end");
    // 200 records at 2,000 a second take about 0.1 s, not much less.
    assert!(
        report["elapsed_ms"].as_u64().is_some_and(|ms| ms >= 90),
        "{report}"
    );
    server.stop().await;
}
