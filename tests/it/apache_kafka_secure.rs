//! The toolbox against Apache Kafka 4.4 secured with SASL_SSL, SCRAM-SHA-512 and the
//! StandardAuthorizer — and against `streamline serve` configured the same way, with the
//! same commands: topics, produce, consume in a group, groups, users, ACLs, what a principal
//! without ACLs is refused, a wrong password, `topics watch` (`top`'s figures) as a principal
//! who may see one topic, and `migrate` from the secured cluster. Where
//! the brokers' answers are Kafka's (error messages, users, ACL listings), both must print
//! the same.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use crate::common::kafka::Kafka;
use crate::common::TestServer;

/// Runs `streamline` with the connection's security in the environment, as `user`.
fn run(bootstrap: &str, ca: &Path, user: (&str, &str), args: &[&str]) -> Output {
    let mut command = Command::cargo_bin("streamline").expect("binary");
    command.env_remove("STREAMLINE_DATA_DIR");
    if bootstrap.is_empty() {
        command.env_remove("STREAMLINE_BROKERS");
    } else {
        command.env("STREAMLINE_BROKERS", bootstrap);
    }
    command
        .env("STREAMLINE_SECURITY_PROTOCOL", "SASL_SSL")
        .env("STREAMLINE_SASL_MECHANISM", "SCRAM-SHA-512")
        .env("STREAMLINE_SASL_USERNAME", user.0)
        .env("STREAMLINE_SASL_PASSWORD", user.1)
        .env("STREAMLINE_SSL_CA_LOCATION", ca)
        .env("STREAMLINE_NEW_PASSWORD", "alice-secret")
        .args(args)
        .write_stdin("")
        .output()
        .expect("run")
}

fn ok(bootstrap: &str, ca: &Path, user: (&str, &str), args: &[&str]) -> String {
    let out = run(bootstrap, ca, user, args);
    assert!(
        out.status.success(),
        "streamline {args:?} against {bootstrap}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn err(bootstrap: &str, ca: &Path, user: (&str, &str), args: &[&str]) -> String {
    let out = run(bootstrap, ca, user, args);
    assert!(!out.status.success(), "streamline {args:?} succeeded");
    String::from_utf8_lossy(&out.stderr).replace(bootstrap, "BROKER")
}

const ADMIN: (&str, &str) = ("admin", "admin-secret");
const ALICE: (&str, &str) = ("alice", "alice-secret");

/// What one broker answered to the scenario, for comparison.
#[derive(Debug, PartialEq)]
struct Seen {
    users: Value,
    acls: Value,
    denied_produce: String,
    wrong_password: String,
    deleted: Value,
    /// What `topics watch` (the figures `top` shows) reports to alice: (topic, partitions,
    /// messages) per line.
    watched: Vec<(String, u64, u64)>,
}

fn scenario(b: &str, ca: &Path) -> Seen {
    ok(b, ca, ADMIN, &["topics", "create", "orders", "-p", "2"]);
    ok(b, ca, ADMIN, &["topics", "create", "other"]);
    for i in 0..3 {
        ok(
            b,
            ca,
            ADMIN,
            &[
                "produce",
                "orders",
                "-k",
                &format!("k{i}"),
                "-m",
                &format!("v{i}"),
            ],
        );
    }
    let read = ok(
        b,
        ca,
        ADMIN,
        &[
            "consume",
            "orders",
            "-g",
            "audit",
            "--from-beginning",
            "-n",
            "3",
            "--format",
            "json",
        ],
    );
    assert_eq!(read.lines().count(), 3, "{read}");
    let group: Value = serde_json::from_str(&ok(
        b,
        ca,
        ADMIN,
        &["groups", "describe", "audit", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(group["total_lag"], 0, "{group}");

    ok(
        b,
        ca,
        ADMIN,
        &["users", "create", "alice", "--mechanism", "SCRAM-SHA-512"],
    );
    let users: Value =
        serde_json::from_str(&ok(b, ca, ADMIN, &["users", "list", "--format", "json"])).unwrap();
    for (rtype, name, pattern, op) in [
        ("topic", "ord", "prefixed", "read"),
        ("topic", "ord", "prefixed", "write"),
        ("group", "alice-", "prefixed", "read"),
    ] {
        ok(
            b,
            ca,
            ADMIN,
            &[
                "acls",
                "create",
                "--resource-type",
                rtype,
                "--resource-name",
                name,
                "--pattern",
                pattern,
                "--principal",
                "User:alice",
                "--operation",
                op,
            ],
        );
    }
    let acls: Value =
        serde_json::from_str(&ok(b, ca, ADMIN, &["acls", "list", "--format", "json"])).unwrap();

    // Alice reads and writes her topics in her groups; anything else is refused.
    ok(b, ca, ALICE, &["produce", "orders", "-m", "from alice"]);
    let read = ok(
        b,
        ca,
        ALICE,
        &[
            "consume",
            "orders",
            "-g",
            "alice-1",
            "--from-beginning",
            "-n",
            "4",
            "--format",
            "json",
        ],
    );
    assert_eq!(read.lines().count(), 4, "{read}");
    let listed = ok(b, ca, ALICE, &["topics", "list"]);
    assert!(
        listed.contains("orders") && !listed.contains("other"),
        "{listed}"
    );
    // `top`'s source: alice sees her topic's figures, and nothing of the others.
    let watch = ok(
        b,
        ca,
        ALICE,
        &[
            "topics", "watch", "-n", "2", "-i", "300ms", "--format", "json",
        ],
    );
    let watched = watch
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["topic"].as_str().unwrap().to_string(),
                v["partitions"].as_u64().unwrap(),
                v["messages"].as_u64().unwrap(),
            )
        })
        .collect::<Vec<_>>();
    let denied_produce = err(b, ca, ALICE, &["produce", "other", "-m", "no"]);
    let wrong_password = err(b, ca, ("alice", "wrong"), &["topics", "list"]);

    let deleted: Value = serde_json::from_str(&ok(
        b,
        ca,
        ADMIN,
        &[
            "acls",
            "delete",
            "--principal",
            "User:alice",
            "--operation",
            "write",
            "-y",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    ok(b, ca, ADMIN, &["users", "delete", "alice", "-y"]);
    Seen {
        users,
        acls,
        denied_produce,
        wrong_password,
        deleted,
        watched,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_toolbox_works_against_kafka_secured_with_sasl_ssl_scram_and_acls_as_against_ours() {
    let certs = tempfile::tempdir().unwrap();
    let (_, files) =
        streamline::security::dev_certs::write_all(certs.path(), &["localhost", "127.0.0.1"], 30)
            .unwrap();
    let certs_dir = certs.path().to_path_buf();
    let kafka = tokio::task::spawn_blocking(move || Kafka::secure(&certs_dir))
        .await
        .unwrap();
    let ca = files.ca.clone();
    let kb = kafka.bootstrap.clone();
    let ca2 = ca.clone();
    let from_kafka = tokio::task::spawn_blocking(move || scenario(&kb, &ca2))
        .await
        .unwrap();

    let (cert, key) = (files.certificate.clone(), files.key.clone());
    let ours = TestServer::start_with(move |c| {
        c.listeners = vec!["SASL_SSL://127.0.0.1:0".into()];
        c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into();
        c.ssl_certificate_location = Some(cert);
        c.ssl_key_location = Some(key);
        c.sasl_users = vec!["admin=admin-secret".into()];
        c.super_users = vec!["User:admin".into()];
        c.authorizer_enable = true;
    })
    .await;
    let sb = ours.bootstrap();
    let ca3 = ca.clone();
    let from_ours = tokio::task::spawn_blocking(move || scenario(&sb, &ca3))
        .await
        .unwrap();
    // Kafka's seeded admin has SCRAM-SHA-512 only; ours has both mechanisms. Compare alice.
    let alice = |users: &Value| {
        users
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["user"] == "alice")
            .cloned()
    };
    assert_eq!(alice(&from_kafka.users), alice(&from_ours.users));
    assert!(alice(&from_ours.users).is_some());
    assert_eq!(from_kafka.acls, from_ours.acls);
    assert_eq!(from_kafka.deleted, from_ours.deleted);
    assert_eq!(from_kafka.denied_produce, from_ours.denied_produce);
    assert_eq!(from_kafka.wrong_password, from_ours.wrong_password);
    assert_eq!(from_kafka.watched, from_ours.watched);
    assert_eq!(
        from_ours.watched,
        vec![("orders".to_string(), 2, 4), ("orders".to_string(), 2, 4)]
    );
    assert!(
        from_ours.wrong_password.contains("Authentication failed"),
        "{}",
        from_ours.wrong_password
    );

    // migrate copies from the secured cluster into a data directory.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let kb = kafka.bootstrap.clone();
    let copied = tokio::task::spawn_blocking(move || {
        let out = run(
            "",
            &ca,
            ADMIN,
            &[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &kb,
                "--topics",
                "orders",
                "--execute",
                "--data-dir",
                data.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        crate::common::cli::ok(&[
            "consume",
            "orders",
            "--data-dir",
            data.to_str().unwrap(),
            "--format",
            "json",
        ])
    })
    .await
    .unwrap();
    assert_eq!(copied.lines().count(), 4, "{copied}");
    ours.stop().await;
    drop(kafka);
}
