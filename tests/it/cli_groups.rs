//! `streamline groups` against a live server: a group whose offsets were committed through
//! librdkafka is listed, described with committed and end offsets and lag, and deleted.

use std::time::Duration;

use crate::common::cli::ok;
use crate::common::TestServer;
use assert_cmd::Command;
use rdkafka::consumer::{CommitMode, Consumer};
use rdkafka::{Offset, TopicPartitionList};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_are_listed_described_with_lag_and_deleted() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    let summary = {
        let b = b.clone();
        tokio::task::spawn_blocking(move || {
            ok(&["topics", "create", "work", "-p", "2", "-b", &b]);
            ok(&[
                "produce",
                "work",
                "-p",
                "0",
                "-n",
                "10",
                "--template",
                "job {{i}}",
                "-b",
                &b,
            ]);
            ok(&[
                "produce",
                "work",
                "-p",
                "1",
                "-n",
                "4",
                "--template",
                "job {{i}}",
                "-b",
                &b,
            ])
        })
        .await
        .expect("cli")
    };
    assert_eq!(summary, "");

    // Commit 7 of 10 on partition 0 and nothing on partition 1, as a consumer would.
    let consumer = crate::common::consumer(&b, &[("group.id", "workers")]);
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset("work", 0, Offset::Offset(7))
        .expect("tpl");
    // A synchronous commit: durable and visible once it returns.
    consumer.commit(&tpl, CommitMode::Sync).expect("commit");
    drop(consumer);

    let (listed, described, refused, deleted, after, dry, unchanged, reset) =
        tokio::task::spawn_blocking(move || {
            let listed = ok(&["groups", "list", "--format", "json", "-b", &b]);
            let described = ok(&[
                "groups", "describe", "workers", "--format", "json", "-b", &b,
            ]);
            let dry = ok(&[
                "groups",
                "reset",
                "workers",
                "--topic",
                "work",
                "--to-earliest",
                "--format",
                "json",
                "-b",
                &b,
            ]);
            let unchanged = ok(&[
                "groups", "describe", "workers", "--format", "json", "-b", &b,
            ]);
            ok(&[
                "groups",
                "reset",
                "workers",
                "-t",
                "work:1",
                "--to-offset",
                "100",
                "--execute",
                "-b",
                &b,
            ]);
            ok(&[
                "groups",
                "reset",
                "workers",
                "--all-topics",
                "--shift-by",
                "-2",
                "--execute",
                "-b",
                &b,
            ]);
            let reset = ok(&[
                "groups", "describe", "workers", "--format", "json", "-b", &b,
            ]);
            let refused = Command::cargo_bin("streamline")
                .expect("binary")
                .args(["groups", "delete", "workers", "-b", &b])
                .output()
                .expect("run");
            let deleted = ok(&["groups", "delete", "workers", "-y", "-b", &b]);
            let after = ok(&["groups", "list", "--format", "json", "-b", &b]);
            (
                listed, described, refused, deleted, after, dry, unchanged, reset,
            )
        })
        .await
        .expect("cli");
    let listed: Value = serde_json::from_str(&listed).expect("json");
    assert_eq!(listed[0]["group"], "workers");
    let d: Value = serde_json::from_str(&described).expect("json");
    assert_eq!(d["state"], "Empty");
    assert_eq!(d["members"].as_array().map(Vec::len), Some(0));
    assert_eq!(d["offsets"][0]["partition"], 0);
    assert_eq!(d["offsets"][0]["committed_offset"], 7);
    assert_eq!(d["offsets"][0]["end_offset"], 10);
    assert_eq!(d["offsets"][0]["lag"], 3);
    assert_eq!(d["total_lag"], 3);
    let dry: Value = serde_json::from_str(&dry).expect("json");
    assert_eq!(dry["executed"], false);
    assert_eq!(dry["partitions"][0]["current_offset"], 7);
    assert_eq!(dry["partitions"][0]["new_offset"], 0);
    assert_eq!(dry["partitions"][1]["new_offset"], 0);
    let unchanged: Value = serde_json::from_str(&unchanged).expect("json");
    assert_eq!(
        unchanged["offsets"][0]["committed_offset"], 7,
        "a dry run changes nothing"
    );
    let reset: Value = serde_json::from_str(&reset).expect("json");
    let committed: Vec<(i64, i64)> = reset["offsets"]
        .as_array()
        .expect("offsets")
        .iter()
        .map(|o| {
            (
                o["partition"].as_i64().unwrap_or(-1),
                o["committed_offset"].as_i64().unwrap_or(-9),
            )
        })
        .collect();
    // p1: --to-offset 100 clamps to its end (4), then both shift back by 2.
    assert_eq!(committed, [(0, 5), (1, 2)]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "delete asks first, and a pipe cannot answer"
    );
    assert_eq!(deleted, "Deleted group workers\n");
    let after: Value = serde_json::from_str(&after).expect("json");
    assert_eq!(after, serde_json::json!([]));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consume_with_a_group_commits_as_it_goes_and_shares_partitions() {
    use std::process::{Command as StdCommand, Stdio};
    let server = TestServer::start().await;
    let b = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        ok(&["topics", "create", "jobs", "-p", "2", "-b", &b]);
        ok(&[
            "produce",
            "jobs",
            "-p",
            "0",
            "-n",
            "10",
            "--template",
            "a{{i}}",
            "-b",
            &b,
        ]);
        ok(&[
            "produce",
            "jobs",
            "-p",
            "1",
            "-n",
            "4",
            "--template",
            "b{{i}}",
            "-b",
            &b,
        ]);

        // Everything once, then nothing: the group's commits are where the next run starts.
        let first = ok(&["consume", "jobs", "-g", "g1", "-b", &b]);
        assert_eq!(first.lines().count(), 14);
        assert_eq!(ok(&["consume", "jobs", "-g", "g1", "-b", &b]), "");
        ok(&["produce", "jobs", "-p", "1", "-m", "late", "-b", &b]);
        assert_eq!(ok(&["consume", "jobs", "-g", "g1", "-b", &b]), "late\n");
        let d: Value = serde_json::from_str(&ok(&[
            "groups", "describe", "g1", "--format", "json", "-b", &b,
        ]))
        .expect("json");
        assert_eq!(d["total_lag"], 0);

        // -n stops mid-partition; the next run continues exactly after the last printed record.
        let head = ok(&["consume", "jobs", "-g", "g2", "-n", "3", "-b", &b]);
        let rest = ok(&["consume", "jobs", "-g", "g2", "-b", &b]);
        assert_eq!(
            head.lines().count() + rest.lines().count(),
            15,
            "nothing lost, nothing twice"
        );

        // Two following members share the two partitions.
        let spawn = || {
            StdCommand::new(env!("CARGO_BIN_EXE_streamline"))
                .args(["consume", "jobs", "-g", "g3", "-f", "-b", &b])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn consumer")
        };
        let mut first = spawn();
        let mut second = spawn();
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let shared = loop {
            // Until the consumers have joined, the group does not exist yet.
            let described = Command::cargo_bin("streamline")
                .expect("binary")
                .args(["groups", "describe", "g3", "--format", "json", "-b", &b])
                .output()
                .expect("run");
            let d: Value = serde_json::from_slice(&described.stdout).unwrap_or(Value::Null);
            let assigned: Vec<usize> = d["members"]
                .as_array()
                .map(|m| {
                    m.iter()
                        .map(|m| m["assignment"]["jobs"].as_array().map_or(0, Vec::len))
                        .collect()
                })
                .unwrap_or_default();
            if d["state"] == "Stable" && assigned == [1, 1] {
                break true;
            }
            if std::time::Instant::now() > deadline {
                break false;
            }
            std::thread::sleep(Duration::from_millis(200));
        };
        let _ = first.kill();
        let _ = second.kill();
        let _ = first.wait();
        let _ = second.wait();
        assert!(shared, "two members, one partition each");
    })
    .await
    .expect("cli");
    server.stop().await;
}

#[test]
fn consume_with_a_group_works_in_process() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let dir = dir.to_str().expect("utf-8");
    ok(&["produce", "local", "-m", "a", "-m", "b", "--data-dir", dir]);
    assert_eq!(
        ok(&["consume", "local", "-g", "mine", "--data-dir", dir]),
        "a\nb\n"
    );
    assert_eq!(
        ok(&["consume", "local", "-g", "mine", "--data-dir", dir]),
        ""
    );
    ok(&["produce", "local", "-m", "c", "--data-dir", dir]);
    assert_eq!(
        ok(&["consume", "local", "-g", "mine", "--data-dir", dir]),
        "c\n"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_protocol_group_is_shown_and_protected_while_it_has_members() {
    let server = TestServer::start_with(|c| c.group_consumer_heartbeat_interval_ms = 200).await;
    let b = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("jobs", 2, Default::default(), false)
        .expect("topic");
    // A live KIP-848 member (librdkafka, group.protocol=consumer) owning both partitions.
    let mut config = crate::common::client_config(&b);
    config
        .set("group.id", "modern")
        .set("group.protocol", "consumer")
        .set("enable.auto.commit", "false");
    let member: rdkafka::consumer::BaseConsumer = config.create().expect("consumer");
    member.subscribe(&["jobs"]).expect("subscribe");
    crate::common::wait_for_assignment(&member, 2, "never assigned");
    let (listed, described, refused) = {
        let b = b.clone();
        tokio::task::spawn_blocking(move || {
            let listed = ok(&["groups", "list", "-b", &b]);
            let described = ok(&["groups", "describe", "modern", "--format", "json", "-b", &b]);
            let refused = Command::cargo_bin("streamline")
                .expect("binary")
                .env_remove("STREAMLINE_BROKERS")
                .args(["groups", "reset", "modern", "--all-topics", "--to-earliest"])
                .args(["--execute", "-b", &b])
                .output()
                .expect("run");
            (listed, described, refused)
        })
        .await
        .expect("cli")
    };
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("modern") && l.contains("Stable")),
        "{listed}"
    );
    let described: Value = serde_json::from_str(&described).expect("JSON");
    assert_eq!(described["state"], "Stable", "{described}");
    let members = described["members"].as_array().expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(
        members[0]["assignment"],
        serde_json::json!({"jobs": [0, 1]}),
        "both partitions shown as the member's"
    );
    assert_eq!(described["protocol_type"], "consumer");
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("group 'modern' has 1 active member(s); stop its consumers first"),
        "{stderr}"
    );
    drop(member);
    server.stop().await;
}
