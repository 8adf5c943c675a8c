//! The toolbox end to end: `topics`, `produce` and `consume` run as the real binary, both
//! in-process on a data directory (Local) and against a running server (Remote, via -b and via
//! the server found on the data directory).

use std::path::Path;
use std::process::Output;

use crate::common::TestServer;
use assert_cmd::Command;
use serde_json::Value;

fn streamline() -> Command {
    let mut cmd = Command::cargo_bin("streamline").expect("binary");
    cmd.env_remove("STREAMLINE_BROKERS")
        .env_remove("STREAMLINE_DATA_DIR");
    cmd
}

fn run(args: &[&str], target: &[&str]) -> Output {
    streamline()
        .args(args)
        .args(target)
        .output()
        .expect("run streamline")
}

fn ok(args: &[&str], target: &[&str]) -> String {
    let out = run(args, target);
    assert!(
        out.status.success(),
        "streamline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn ndjson(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

/// The whole produce/consume/topics story against one target.
fn exercise(target: &[&str]) {
    let created = ok(
        &[
            "topics",
            "create",
            "orders",
            "-p",
            "3",
            "-c",
            "retention.ms=3600000",
        ],
        target,
    );
    assert!(
        created.contains("Created topic orders with 3 partition(s)"),
        "{created}"
    );
    let listed = ok(&["topics", "list", "--format", "json"], target);
    let listed: Value = serde_json::from_str(&listed).expect("json list");
    assert_eq!(
        listed,
        serde_json::json!([{"name": "orders", "partitions": 3}])
    );

    ok(
        &[
            "produce",
            "orders",
            "-p",
            "1",
            "-k",
            "customer-1",
            "-H",
            "source=test",
            "-m",
            "first",
            "-m",
            "second",
        ],
        target,
    );
    let summary = ok(
        &[
            "produce", "orders", "-p", "1", "-m", "third", "--format", "json",
        ],
        target,
    );
    let summary: Value = serde_json::from_str(&summary).expect("json summary");
    assert_eq!(summary["messages"], 1);
    assert_eq!(summary["partitions"]["1"]["first_offset"], 2);

    let records = ndjson(&ok(
        &["consume", "orders", "-p", "1", "--format", "ndjson"],
        target,
    ));
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["key"], "customer-1");
    assert_eq!(records[0]["value"], "first");
    assert_eq!(records[0]["offset"], 0);
    assert_eq!(records[0]["headers"][0]["key"], "source");
    assert_eq!(records[0]["headers"][0]["value"], "test");
    assert_eq!(records[2]["value"], "third");
    assert_eq!(records[2]["key"], Value::Null);

    let last = ok(&["consume", "orders", "-p", "1", "-o", "-1"], target);
    assert_eq!(last, "third\n");
    let from = ok(
        &[
            "consume",
            "orders",
            "-p",
            "1",
            "-o",
            "1",
            "-n",
            "1",
            "--show-offsets",
            "--show-keys",
        ],
        target,
    );
    assert_eq!(from, "1:1\tcustomer-1\tsecond\n");

    let described: Value = serde_json::from_str(&ok(
        &["topics", "describe", "orders", "--format", "json"],
        target,
    ))
    .expect("json");
    assert_eq!(described["partitions"][1]["end_offset"], 3);
    assert_eq!(described["partitions"][1]["messages"], 3);
    let retention = described["configs"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == "retention.ms"))
        .expect("retention.ms described");
    assert_eq!(retention["value"], "3600000");

    ok(
        &[
            "topics",
            "alter",
            "orders",
            "--retention-ms",
            "1000",
            "--partitions",
            "4",
        ],
        target,
    );
    let described: Value = serde_json::from_str(&ok(
        &["topics", "describe", "orders", "--format", "json"],
        target,
    ))
    .expect("json");
    assert_eq!(described["partitions"].as_array().map(Vec::len), Some(4));

    let refused = run(&["topics", "delete", "orders"], target);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "deleting without -y on a pipe is refused"
    );
    ok(&["topics", "delete", "orders", "-y"], target);
    let listed: Value =
        serde_json::from_str(&ok(&["topics", "list", "--format", "json"], target)).expect("json");
    assert_eq!(listed, serde_json::json!([]));
}

#[test]
fn local_mode_works_on_a_data_directory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    exercise(&["--data-dir", dir]);
    assert!(Path::new(dir).join("topics").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remote_mode_works_against_a_server() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    tokio::task::spawn_blocking(move || exercise(&["-b", &bootstrap]))
        .await
        .expect("cli run");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_server_on_the_data_directory_is_used_automatically() {
    let server = TestServer::start().await;
    let dir = server.data_dir.to_str().expect("utf-8").to_string();
    let listed = tokio::task::spawn_blocking({
        let dir = dir.clone();
        move || {
            ok(
                &["produce", "auto", "-m", "via the server"],
                &["--data-dir", &dir],
            );
            ok(&["consume", "auto"], &["--data-dir", &dir])
        }
    })
    .await
    .expect("cli run");
    assert_eq!(listed, "via the server\n");
    assert!(
        server.server.broker().topic("auto").is_some(),
        "the server itself holds the topic"
    );
    server.stop().await;
}

#[test]
fn templates_are_reproducible_with_a_seed_and_checked_before_sending() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    let target = ["--data-dir", dir];
    let template = r#"{"id":"{{uuid}}","n":{{i}},"qty":{{random:1:100}},"sku":"{{choice:a,b,c}}"}"#;
    for topic in ["seeded-1", "seeded-2"] {
        ok(
            &[
                "produce",
                topic,
                "--template",
                template,
                "-n",
                "20",
                "--seed",
                "7",
                "-p",
                "0",
            ],
            &target,
        );
    }
    let a = ok(&["consume", "seeded-1"], &target);
    let b = ok(&["consume", "seeded-2"], &target);
    assert_eq!(a.lines().count(), 20);
    assert_eq!(a, b, "the same seed renders the same messages");
    let first: Value =
        serde_json::from_str(a.lines().next().expect("a line")).expect("template renders JSON");
    assert_eq!(first["n"], 0);

    let bad = run(&["produce", "never", "--template", "x {{nope}}"], &target);
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("column"),
        "the error names the position: {stderr}"
    );
    let listed: Value =
        serde_json::from_str(&ok(&["topics", "list", "--format", "json"], &target)).expect("json");
    assert!(
        listed
            .as_array()
            .is_some_and(|t| t.iter().all(|t| t["name"] != "never")),
        "nothing was sent for an invalid template"
    );
}

#[test]
fn keyed_messages_follow_the_java_partitioner_and_stdin_lines_are_messages() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    let target = ["--data-dir", dir];
    ok(&["topics", "create", "keyed", "-p", "4"], &target);
    streamline()
        .args(["produce", "keyed", "-K", ":"])
        .args(target)
        .write_stdin("foobar:one\nfoobar:two\n21:three\n")
        .assert()
        .success();
    // murmur2("foobar") = -790332482 → partition 2 of 4; murmur2("21") = -973932308 → 0.
    let p2 = ndjson(&ok(
        &["consume", "keyed", "-p", "2", "--format", "ndjson"],
        &target,
    ));
    let values: Vec<&str> = p2.iter().filter_map(|r| r["value"].as_str()).collect();
    assert_eq!(values, ["one", "two"]);
    let p0 = ndjson(&ok(
        &["consume", "keyed", "-p", "0", "--format", "ndjson"],
        &target,
    ));
    assert_eq!(p0.len(), 1);
    assert_eq!(p0[0]["key"], "21");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_travel_resolves_moments_through_the_time_index() {
    use rdkafka::producer::FutureRecord;
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let p = crate::common::producer(&bootstrap, &[("linger.ms", "0")]);
    for i in 0..10i64 {
        let value = format!("minute-{i}");
        p.send(
            FutureRecord::<str, str>::to("timed")
                .partition(0)
                .payload(&value)
                .timestamp(1_700_000_000_000 + i * 60_000),
            std::time::Duration::from_secs(15),
        )
        .await
        .expect("delivered");
    }
    let (window, from_rfc3339, recent) = tokio::task::spawn_blocking(move || {
        let target = ["-b", bootstrap.as_str()];
        (
            ok(
                &[
                    "consume",
                    "timed",
                    "--at",
                    "1700000180000",
                    "--until",
                    "1700000360000",
                ],
                &target,
            ),
            ok(
                &["consume", "timed", "--at", "2023-11-14T22:16:20Z"],
                &target,
            ),
            ok(&["consume", "timed", "--last", "1h"], &target),
        )
    })
    .await
    .expect("cli run");
    assert_eq!(window, "minute-3\nminute-4\nminute-5\n");
    assert_eq!(from_rfc3339.lines().count(), 7);
    assert!(from_rfc3339.starts_with("minute-3\n"));
    assert_eq!(recent, "", "nothing was written in the last hour");
    server.stop().await;
}

#[test]
fn a_closed_pipe_ends_consume_quietly() {
    use std::io::Read;
    use std::process::{Command as StdCommand, Stdio};
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    ok(
        &[
            "produce",
            "many",
            "--template",
            "{{string:200}}",
            "-n",
            "20000",
            "-p",
            "0",
        ],
        &["--data-dir", dir],
    );
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_streamline"))
        .args(["consume", "many", "--format", "json", "--data-dir", dir])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // Dropping our end of the pipe is what `| head -1` does.
    let out = child.wait_with_output().expect("exit");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn filters_and_samples_select_records() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    let target = ["--data-dir", dir];
    ok(
        &[
            "produce",
            "events",
            "-p",
            "0",
            "-n",
            "100",
            "--key-template",
            "user-{{i}}",
            "--template",
            r#"{"n":{{i}},"kind":"{{choice:Click,view}}"}"#,
            "--seed",
            "3",
        ],
        &target,
    );
    ok(&["produce", "events", "-p", "0", "-m", "not json"], &target);
    let all = ok(&["consume", "events"], &target);
    let clicks = all.lines().filter(|l| l.contains("Click")).count();
    assert!(clicks > 0 && clicks < 100);

    let grep = ok(&["consume", "events", "--grep", "click", "-i"], &target);
    assert_eq!(grep.lines().count(), clicks);
    let inverted = ok(&["consume", "events", "--grep", "Click", "-v"], &target);
    assert_eq!(
        inverted.lines().count(),
        101 - clicks,
        "-v keeps the rest, non-JSON included"
    );
    let by_key = ok(
        &["consume", "events", "--grep-key", "^user-9[0-9]$"],
        &target,
    );
    assert_eq!(by_key.lines().count(), 10);

    let jq = ok(
        &["consume", "events", "--jq", "select(.n >= 97) | .n"],
        &target,
    );
    assert_eq!(
        jq, "97\n98\n99\n",
        "jq transforms, filters, and skips the non-JSON value"
    );
    let path = ok(&["consume", "events", "--jq", "$.n", "-n", "2"], &target);
    assert_eq!(path, "0\n1\n");
    let bad = run(&["consume", "events", "--jq", ".["], &target);
    assert_eq!(bad.status.code(), Some(2), "a bad filter is a usage error");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("jq"));

    let sample = ok(
        &["consume", "events", "--sample", "7", "--format", "ndjson"],
        &target,
    );
    let offsets: Vec<i64> = ndjson(&sample)
        .iter()
        .filter_map(|r| r["offset"].as_i64())
        .collect();
    assert_eq!(offsets.len(), 7, "exactly the requested count");
    assert!(
        offsets.windows(2).all(|w| w[0] < w[1]),
        "in offset order, without repeats"
    );
    let refused = run(&["consume", "events", "--sample", "7", "-f"], &target);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "conflicting flags are a usage error"
    );
}

#[test]
fn export_and_import_round_trip_losslessly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    let target = ["--data-dir", dir];
    let source = tmp.path().join("source.jsonl");
    let lines = [
        r#"{"partition":0,"timestamp":1000,"key":"k0","value":"text","headers":[{"key":"h","value":"v"},{"key":"nul","value":null}]}"#,
        r#"{"partition":0,"timestamp":2000,"key":null,"value":null,"headers":[]}"#,
        r#"{"partition":1,"timestamp":3000,"key":{"base64":"/wA="},"value":"","headers":[]}"#,
        r#"{"partition":2,"timestamp":4000,"key":"k2","value":{"base64":"AAEC/w=="},"headers":[{"key":"bin","value":{"base64":"gA=="}}]}"#,
    ];
    std::fs::write(&source, lines.join("\n") + "\n").expect("write source");
    ok(
        &[
            "topics",
            "import",
            "copied",
            "-i",
            source.to_str().expect("utf-8"),
        ],
        &target,
    );
    let exported = tmp.path().join("exported.jsonl");
    ok(
        &[
            "topics",
            "export",
            "copied",
            "-o",
            exported.to_str().expect("utf-8"),
        ],
        &target,
    );

    let strip = |v: Value| {
        let mut v = v;
        if let Some(o) = v.as_object_mut() {
            o.remove("topic");
            o.remove("offset");
        }
        v
    };
    let expected: Vec<Value> = lines
        .iter()
        .map(|l| strip(serde_json::from_str(l).expect("json")))
        .collect();
    let got: Vec<Value> = ndjson(&std::fs::read_to_string(&exported).expect("read export"))
        .into_iter()
        .map(strip)
        .collect();
    assert_eq!(got, expected, "every field survives the round trip");

    let broken = tmp.path().join("broken.jsonl");
    std::fs::write(&broken, format!("{}\nnot json\n", lines[0])).expect("write");
    let refused = run(
        &[
            "topics",
            "import",
            "never",
            "-i",
            broken.to_str().expect("utf-8"),
        ],
        &target,
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("line 2"));
    let listed: Value =
        serde_json::from_str(&ok(&["topics", "list", "--format", "json"], &target)).expect("json");
    assert!(
        listed
            .as_array()
            .is_some_and(|t| t.iter().all(|t| t["name"] != "never")),
        "a bad file sends nothing"
    );
}

#[test]
fn output_goes_to_the_file_given_and_export_defaults_to_stdout() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let target = ["--data-dir", dir.to_str().expect("utf-8 path")];
    // Input lines are bytes: a non-UTF-8 value and a CRLF line arrive intact.
    streamline()
        .args(["produce", "bin", "-K", ":"])
        .args(target)
        .write_stdin(b"k:\xff\x00v\nplain\r\n".to_vec())
        .assert()
        .success();

    let listing = tmp.path().join("topics.txt");
    let printed = ok(
        &[
            "topics",
            "list",
            "--output",
            listing.to_str().expect("utf-8"),
        ],
        &target,
    );
    assert_eq!(printed, "", "nothing on standard output");
    assert_eq!(
        std::fs::read_to_string(&listing).expect("written"),
        "TOPIC  PARTITIONS\nbin    1\n"
    );

    let exported = ndjson(&ok(&["topics", "export", "bin"], &target));
    let values: Vec<&Value> = exported.iter().map(|r| &r["value"]).collect();
    assert_eq!(
        values,
        [
            &serde_json::json!({"base64": "/wB2"}),
            &Value::from("plain")
        ]
    );
    assert_eq!(exported[0]["key"], "k");

    let consumed = tmp.path().join("consumed.ndjson");
    ok(
        &[
            "consume",
            "bin",
            "--format",
            "ndjson",
            "--output",
            consumed.to_str().expect("utf-8"),
        ],
        &target,
    );
    let from_file = ndjson(&std::fs::read_to_string(&consumed).expect("written"));
    assert_eq!(from_file.len(), 2);

    let refused = run(
        &["topics", "list", "--output", "/nonexistent/dir/x"],
        &target,
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("cannot create /nonexistent/dir/x"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}

#[test]
fn profiles_save_connection_flags() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let config = tmp.path().join("config");
    let dir = tmp.path().join("data");
    let with_config = |args: &[&str]| {
        streamline()
            .env("XDG_CONFIG_HOME", &config)
            .env_remove("STREAMLINE_PROFILE")
            .args(args)
            .output()
            .expect("run")
    };
    let saved = with_config(&[
        "profile",
        "add",
        "dev",
        "--data-dir",
        dir.to_str().expect("utf-8"),
    ]);
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    assert!(config.join("streamline").join("profiles.toml").exists());
    assert!(
        with_config(&["topics", "create", "via-profile", "-P", "dev"])
            .status
            .success()
    );
    let listed = with_config(&["topics", "list", "-P", "dev", "--format", "json"]);
    let listed: Value = serde_json::from_slice(&listed.stdout).expect("json");
    assert_eq!(listed[0]["name"], "via-profile");
    let profiles: Value =
        serde_json::from_slice(&with_config(&["profile", "list", "--format", "json"]).stdout)
            .expect("json");
    assert!(profiles["dev"]["data_dir"]
        .as_str()
        .is_some_and(|d| d.ends_with("data")));
    let unknown = with_config(&["topics", "list", "-P", "nope"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no profile named 'nope'"));
    assert!(with_config(&["profile", "remove", "dev"]).status.success());
    assert_eq!(
        with_config(&["profile", "remove", "dev"]).status.code(),
        Some(1)
    );
}

#[test]
fn colour_follows_the_color_flag_and_never_touches_json() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8 path");
    let target = ["--data-dir", dir];
    ok(&["produce", "painted", "-k", "k", "-m", "v"], &target);
    let plain = ok(&["consume", "painted", "--show-keys"], &target);
    assert_eq!(plain, "k\tv\n", "no colour when piped");
    let forced = ok(
        &["consume", "painted", "--show-keys", "--color", "always"],
        &target,
    );
    assert!(forced.contains("\u{1b}["), "colour when forced: {forced:?}");
    assert!(forced.ends_with("\tv\n"));
    let json = ok(
        &[
            "consume", "painted", "--format", "ndjson", "--color", "always",
        ],
        &target,
    );
    assert!(!json.contains('\u{1b}'), "JSON is never coloured");
}

#[test]
fn a_header_key_that_repeats_survives_produce_consume_export_and_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let target = ["--data-dir", data.to_str().expect("utf-8")];
    ok(
        &[
            "produce", "spans", "-H", "trace=a", "-H", "trace=b", "-m", "x",
        ],
        &target,
    );
    let exported = ok(&["topics", "export", "spans"], &target);
    let file = dir.path().join("spans.jsonl");
    std::fs::write(&file, &exported).expect("write");
    ok(
        &[
            "topics",
            "import",
            "spans-copy",
            "-i",
            file.to_str().expect("utf-8"),
        ],
        &target,
    );
    for topic in ["spans", "spans-copy"] {
        let records = ndjson(&ok(&["consume", topic, "--format", "ndjson"], &target));
        assert_eq!(
            records[0]["headers"],
            serde_json::json!([{"key": "trace", "value": "a"}, {"key": "trace", "value": "b"}]),
            "{topic}"
        );
    }
}

/// Connection, format and confirmation options work before the command as after it, here and
/// against a server through a profile; --no-color is --color never.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn options_before_the_command_mean_what_they_mean_after_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let d = dir.to_str().expect("utf-8").to_string();
    let config = tmp.path().join("config");
    let server = TestServer::start().await;
    let b = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        let created = ok(&["--data-dir", &d, "topics", "create", "o", "-p", "1"], &[]);
        assert!(created.contains("Created topic o"), "{created}");
        ok(
            &["--data-dir", &d, "--no-color", "produce", "o", "-m", "a"],
            &[],
        );
        let listed: Value = serde_json::from_str(&ok(
            &["--format", "json", "--data-dir", &d, "topics", "list"],
            &[],
        ))
        .expect("json");
        assert_eq!(listed[0]["name"], "o", "{listed}");
        let records = ok(
            &[
                &format!("--data-dir={d}"),
                "--format",
                "json",
                "consume",
                "o",
            ],
            &[],
        );
        assert_eq!(ndjson(&records)[0]["value"], "a");
        ok(&["-y", "--data-dir", &d, "topics", "delete", "o"], &[]);
        assert_eq!(
            ok(
                &["topics", "list", "--data-dir", &d, "--format", "json"],
                &[]
            )
            .trim(),
            "[]"
        );

        // A profile and -b ahead of the command reach the server.
        let with_config = |args: &[&str]| {
            streamline()
                .env("XDG_CONFIG_HOME", &config)
                .args(args)
                .output()
                .expect("run")
        };
        assert!(with_config(&["profile", "add", "dev", "-b", &b])
            .status
            .success());
        let out = with_config(&["-P", "dev", "topics", "create", "remote", "-p", "2"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let listed = ok(&["-b", &b, "topics", "list"], &[]);
        assert!(listed.contains("remote"), "{listed}");

        // --no-color and --color conflict; an option the command lacks is still a usage error.
        assert_eq!(
            run(
                &["--no-color", "--color", "always", "topics", "list"],
                &["--data-dir", &d]
            )
            .status
            .code(),
            Some(2)
        );
        assert_eq!(
            run(&["-y", "topics", "list"], &["--data-dir", &d])
                .status
                .code(),
            Some(2)
        );
    })
    .await
    .expect("cli");
    server.stop().await;
}

/// Unkeyed records are spread over the partitions in 16 KiB runs, as the Java client's sticky
/// partitioner does, not all sent to the first one.
#[test]
fn unkeyed_records_spread_over_every_partition() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let target = ["--data-dir", dir.to_str().expect("utf-8")];
    ok(&["topics", "create", "spread", "-p", "3"], &target);
    let summary: Value = serde_json::from_str(&ok(
        &[
            "produce",
            "spread",
            "-n",
            "1000",
            "--template",
            r#"{"n":{{i}},"pad":"0123456789012345678901234567890123456789012345678901234567890123456789"}"#,
            "--format",
            "json",
        ],
        &target,
    ))
    .expect("json summary");
    let counts: Vec<u64> = (0..3)
        .map(|p| {
            summary["partitions"][p.to_string()]["messages"]
                .as_u64()
                .unwrap_or(0)
        })
        .collect();
    assert_eq!(counts.iter().sum::<u64>(), 1000, "{summary}");
    // ~90-byte values: 16 KiB is ~180 records, so six runs over three partitions.
    for (p, n) in counts.iter().enumerate() {
        assert!(*n >= 150, "partition {p} got {n} of 1000: {summary}");
    }
}

/// A bad value for any flag is a usage error, exit 2 with clap's message naming the flag —
/// times and durations included; a failure while running is exit 1.
#[test]
fn bad_flag_values_exit_2_and_runtime_failures_exit_1() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let target = ["--data-dir", dir.to_str().expect("utf-8")];
    ok(&["topics", "create", "orders", "-p", "1"], &target);
    let usage: &[&[&str]] = &[
        &["produce", "orders", "--acks", "2", "-m", "x"],
        &["consume", "orders", "-o", "abc"],
        &["consume", "orders", "--sample", "150%"],
        &["consume", "orders", "--at", "nonsense"],
        &["consume", "orders", "--last", "nonsense"],
        &["consume", "orders", "--until", "later"],
        &[
            "groups",
            "reset",
            "g",
            "-t",
            "orders",
            "--to-datetime",
            "nonsense",
        ],
        &[
            "groups",
            "reset",
            "g",
            "-t",
            "orders",
            "--by-duration",
            "long",
        ],
        &["topics", "watch", "orders", "-i", "soon"],
        &["top", "-i", "soon"],
        &["benchmark", "-d", "forever"],
    ];
    for args in usage {
        let out = run(args, &target);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("invalid value"), "{args:?}: {stderr}");
    }
    let out = run(&["consume", "nowhere"], &target);
    assert_eq!(out.status.code(), Some(1));
}

/// `consume -n N` that reaches the end first says so on a terminal, and stays quiet in a pipe.
#[test]
fn a_short_bounded_consume_says_where_it_stopped_on_a_terminal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let d = dir.to_str().expect("utf-8").to_string();
    ok(&["topics", "create", "few", "-p", "3"], &["--data-dir", &d]);
    ok(
        &["produce", "few", "-m", "a", "-m", "b", "-m", "c"],
        &["--data-dir", &d],
    );
    let mut term =
        crate::common::pty::Terminal::start(&["consume", "few", "-n", "10", "--data-dir", &d], &[]);
    term.wait_for("the note", |s| {
        s.contains("reached the end of 3 partitions after 3 of 10 records")
    });
    assert!(term.wait_exit(), "exits 0");
    let piped = run(&["consume", "few", "-n", "10"], &["--data-dir", &d]);
    assert!(piped.status.success());
    assert_eq!(String::from_utf8_lossy(&piped.stdout), "a\nb\nc\n");
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
}

/// An error names the problem once, in words: no Kafka code names, no repeated clauses.
#[test]
fn errors_say_what_went_wrong_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let target = ["--data-dir", dir.to_str().expect("utf-8")];
    ok(&["topics", "create", "orders", "-p", "1"], &target);
    let cases: &[(&[&str], &str)] = &[
        (
            &["topics", "create", "orders"],
            "error: topic 'orders' already exists\n",
        ),
        (
            &["topics", "describe", "nope"],
            "error: topic 'nope' does not exist (see `streamline topics list`)\n",
        ),
        (&["topics", "delete", "nope", "-y"], "error: topic 'nope' does not exist\n"),
        (
            &["groups", "delete", "nog", "-y"],
            "error: deleting group 'nog': no such group\n",
        ),
        (
            &["topics", "create", "bad name"],
            "error: topic name 'bad name' contains ' '; only ASCII letters, digits, '.', '_' and '-' are allowed\n",
        ),
    ];
    for (args, expected) in cases {
        let out = run(args, &target);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), *expected, "{args:?}");
    }
    // A bad JSONPath is one line with its column, as a bad jq filter is.
    let out = run(&["consume", "orders", "--jq", "$..["], &target);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: invalid value '$..[' for '--jq <EXPR>': invalid JSONPath expression at line 1, column 5: expected selector\n"),
        "{stderr}"
    );
}

/// kcat's format strings and JSON values that stay JSON, for kcat and jq habits.
#[test]
fn kcat_formats_and_json_values() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let target = ["--data-dir", dir.to_str().expect("utf-8")];
    ok(&["topics", "create", "k", "-p", "1"], &target);
    ok(
        &[
            "produce",
            "k",
            "-k",
            "c-1",
            "-H",
            "src=cli",
            "-m",
            r#"{"total": 12.5}"#,
        ],
        &target,
    );
    ok(&["produce", "k", "-m", "plain text"], &target);
    let out = ok(
        &[
            "consume",
            "k",
            "--format",
            r"%t [%p] %o %k (%K) %h: %s (%S)\n",
        ],
        &target,
    );
    assert_eq!(
        out,
        "k [0] 0 c-1 (3) src=cli: {\"total\": 12.5} (15)\nk [0] 1  (-1) : plain text (10)\n"
    );
    let json = ok(
        &["consume", "k", "--format", "ndjson", "--json-values"],
        &target,
    );
    let records = ndjson(&json);
    assert_eq!(records[0]["value"]["total"], 12.5, "{json}");
    assert_eq!(records[1]["value"], "plain text");
    // The lossless form is unchanged without the flag.
    let plain = ok(&["consume", "k", "--format", "ndjson"], &target);
    assert_eq!(ndjson(&plain)[0]["value"], r#"{"total": 12.5}"#);
    assert_eq!(
        run(&["consume", "k", "--json-values"], &target)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["consume", "k", "--format", "%q"], &target)
            .status
            .code(),
        Some(2)
    );
}

/// Every legal topic name deletes, for good (249 characters: the graveyard name must not pass
/// the file-name limit), and a create that fails for want of file descriptors leaves nothing.
#[test]
fn long_names_delete_and_failed_creates_leave_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let d = dir.to_str().expect("utf-8").to_string();
    let target = ["--data-dir", d.as_str()];
    let long = "t".repeat(249);
    ok(&["topics", "create", &long, "-p", "2"], &target);
    ok(&["topics", "delete", &long, "-y"], &target);
    // The next open (a restart) does not bring it back.
    assert_eq!(
        ok(&["topics", "list", "--format", "json"], &target).trim(),
        "[]"
    );

    let bin = env!("CARGO_BIN_EXE_streamline");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            // 22 descriptors run out a few partitions in; at 30 some machines (fewer inherited
            // descriptors) got through all 200, since segment files are evicted at 16 open.
            "ulimit -n 22; exec {bin} topics create big -p 200 --data-dir {d}"
        ))
        .env_remove("STREAMLINE_BROKERS")
        .output()
        .expect("bash");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Too many open files"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<_> = std::fs::read_dir(dir.join("topics"))
        .expect("topics dir")
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let deep = run(&["doctor", "--deep"], &target);
    assert!(
        deep.status.success(),
        "{}",
        String::from_utf8_lossy(&deep.stdout)
    );
}
