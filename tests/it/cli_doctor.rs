//! `streamline doctor` end to end: a healthy data directory passes every check; a planted
//! corrupt batch in a sealed segment fails `--deep`, named by file and offset; a live broker
//! passes the broker and API checks, an unreachable one and a broken config file fail — each
//! failure with exit code 1.

use std::path::Path;

use crate::common::cli::ok;
use crate::common::TestServer;
use assert_cmd::Command;
use serde_json::Value;

fn doctor(args: &[&str]) -> (Option<i32>, Value) {
    let out = Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .env_remove("STREAMLINE_CONFIG")
        .arg("doctor")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run doctor");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), json)
}

/// The check called `name` in a doctor report.
fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report}"))
}

fn status<'a>(report: &'a Value, name: &str) -> &'a str {
    check(report, name)["status"].as_str().unwrap_or_default()
}

fn detail<'a>(report: &'a Value, name: &str) -> &'a str {
    check(report, name)["detail"].as_str().unwrap_or_default()
}

/// A topic in small segments, so that several are sealed.
fn fill(dir: &Path) {
    let d = dir.to_str().expect("utf-8");
    ok(&[
        "topics",
        "create",
        "t",
        "-p",
        "1",
        "-c",
        "segment.bytes=1024",
        "--data-dir",
        d,
    ]);
    for i in 0..30 {
        ok(&[
            "produce",
            "t",
            "-m",
            &format!("record number {i} with some padding"),
            "--data-dir",
            d,
        ]);
    }
}

#[test]
fn a_healthy_data_directory_passes_and_a_corrupt_batch_fails_deep() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    fill(&dir);
    let d = dir.to_str().expect("utf-8");
    let (code, report) = doctor(&["--data-dir", d, "--deep"]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["ok"], true);
    for name in [
        "config file",
        "data directory",
        "writable",
        "free space",
        "open-file limit",
        "lock holder",
        "clock",
        "segments",
    ] {
        assert_ne!(status(&report, name), "FAIL", "{name}: {report}");
    }
    assert!(
        detail(&report, "segments").contains("30 batches"),
        "{report}"
    );

    // Flip a byte inside the first (sealed) segment's first batch.
    let mut logs: Vec<_> = std::fs::read_dir(dir.join("topics/t/partition-0"))
        .expect("partition dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    logs.sort();
    assert!(logs.len() > 2, "several segments: {logs:?}");
    let mut bytes = std::fs::read(&logs[0]).expect("read");
    bytes[40] ^= 0x01;
    std::fs::write(&logs[0], &bytes).expect("write");

    let (code, report) = doctor(&["--data-dir", d, "--deep"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["ok"], false);
    assert_eq!(status(&report, "segments"), "FAIL");
    let found = detail(&report, "segments");
    assert!(
        found.contains(&logs[0].display().to_string())
            && found.contains("offset 0")
            && found.contains("CRC"),
        "{found}"
    );
    // Without --deep nothing reads the segments.
    let (code, _) = doctor(&["--data-dir", d]);
    assert_eq!(code, Some(0));
}

#[test]
fn a_broken_config_file_fails_naming_the_key() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = tmp.path().join("streamline.toml");
    std::fs::write(&config, "default_partitions = 0\n").expect("write");
    let dir = tmp.path().join("data");
    let (code, report) = doctor(&[
        "--data-dir",
        dir.to_str().expect("utf-8"),
        "-c",
        config.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(status(&report, "config file"), "FAIL");
    assert!(
        detail(&report, "config file").contains("default_partitions"),
        "{report}"
    );
    assert_eq!(status(&report, "data directory"), "WARN", "not created yet");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_broker_passes_and_an_unreachable_one_fails() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    let (live, gone) =
        tokio::task::spawn_blocking(move || (doctor(&["-b", &b]), doctor(&["-b", "127.0.0.1:1"])))
            .await
            .expect("doctor");
    let (code, report) = live;
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(status(&report, "broker"), "PASS");
    assert_eq!(status(&report, "APIs"), "PASS", "{report}");
    let (code, report) = gone;
    assert_eq!(code, Some(1));
    assert_eq!(status(&report, "broker"), "FAIL");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_holding_the_data_directory_is_found_and_checked() {
    let server = TestServer::start().await;
    let dir = server.data_dir.clone();
    let report =
        tokio::task::spawn_blocking(move || doctor(&["--data-dir", dir.to_str().expect("utf-8")]))
            .await
            .expect("doctor");
    let (code, report) = report;
    assert_eq!(code, Some(0), "{report}");
    assert!(
        detail(&report, "lock holder").contains("serving on"),
        "{report}"
    );
    assert_eq!(status(&report, "broker"), "PASS");
    assert_eq!(status(&report, "APIs"), "PASS");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn info_names_the_build_and_summarizes_the_data_directory() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("seen", 3, Default::default(), false)
        .expect("topic");
    let dir = server.data_dir.clone();
    let info = tokio::task::spawn_blocking(move || {
        let d = dir.to_str().expect("utf-8").to_string();
        ok(&["produce", "seen", "-m", "a", "-m", "b", "--data-dir", &d]);
        ok(&["info", "--format", "json", "--data-dir", &d])
    })
    .await
    .expect("info");
    let info: Value = serde_json::from_str(&info).expect("json");
    assert_eq!(info["build"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(info["build"]["features"]
        .as_array()
        .is_some_and(|f| !f.is_empty()));
    let data = &info["data"];
    assert!(
        data["held_by"]
            .as_str()
            .is_some_and(|h| h.contains(&server.bootstrap())),
        "{info}"
    );
    assert_eq!(
        (data["topics"].as_i64(), data["partitions"].as_i64()),
        (Some(1), Some(3))
    );
    assert_eq!(data["records"], 2);
    assert!(data["size_bytes"].as_i64().is_some_and(|s| s > 0), "{info}");
    server.stop().await;
}

/// The open-file check weighs the limit against this data directory's partitions: serve keeps
/// half the limit in segment files, and works (reopening idle ones) beyond that.
#[test]
fn the_open_file_limit_is_checked_against_the_data_directory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let d = dir.to_str().expect("utf-8");
    ok(&["topics", "create", "many", "-p", "150", "--data-dir", d]);
    let bin = env!("CARGO_BIN_EXE_streamline");
    let low = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -n 200; exec {bin} doctor --data-dir {d} --format json"
        ))
        .env_remove("STREAMLINE_BROKERS")
        .output()
        .expect("bash");
    let report: Value = serde_json::from_slice(&low.stdout).expect("json");
    assert_eq!(status(&report, "open-file limit"), "WARN", "{report}");
    assert!(
        detail(&report, "open-file limit").starts_with("200 keeps 100 of 150 partitions'"),
        "{report}"
    );
    let (_, report) = doctor(&["--data-dir", d]);
    assert_eq!(status(&report, "open-file limit"), "PASS", "{report}");
}

#[test]
fn weak_security_setups_are_flagged() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let certs = tmp.path().join("certs");
    // A certificate valid for ten more days, PLAIN offered without TLS, an ACL file anyone
    // can read.
    let (_, files) =
        streamline::security::dev_certs::write_all(&certs, &["localhost"], 10).unwrap();
    let config = tmp.path().join("streamline.toml");
    std::fs::write(
        &config,
        format!(
            "data_dir = {:?}\nlisteners = [\"SASL_PLAINTEXT://127.0.0.1:0\", \"SSL://127.0.0.1:0\"]\n\
             ssl_certificate_location = {:?}\nssl_key_location = {:?}\n",
            data.display().to_string(),
            files.certificate.display().to_string(),
            files.key.display().to_string()
        ),
    )
    .unwrap();
    ok(&[
        "acls",
        "create",
        "--data-dir",
        data.to_str().unwrap(),
        "--resource-type",
        "topic",
        "--resource-name",
        "t",
        "--principal",
        "User:a",
        "--operation",
        "read",
    ]);
    let acls = data.join("security").join("acls.json");
    assert_eq!(
        std::fs::metadata(&acls).unwrap().permissions().mode() & 0o777,
        0o600,
        "written private"
    );
    let (code, report) = doctor(&["-c", config.to_str().unwrap()]);
    assert_eq!(code, Some(0), "warnings only: {report}");
    assert_eq!(status(&report, "listeners"), "WARN");
    assert!(
        detail(&report, "listeners").contains("offers PLAIN"),
        "{report}"
    );
    assert_eq!(status(&report, "certificate"), "WARN");
    assert!(detail(&report, "certificate").contains("days"), "{report}");
    assert_eq!(status(&report, "security files"), "PASS");
    std::fs::set_permissions(&acls, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, report) = doctor(&["-c", config.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{report}");
    assert_eq!(status(&report, "security files"), "FAIL");
    assert!(check(&report, "security files")["hint"]
        .as_str()
        .unwrap()
        .contains("chmod 600"));
}
