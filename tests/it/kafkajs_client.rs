//! KafkaJS (v2.2, from npm; the README's test command installs it) over TLS, mTLS and SASL
//! (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512): each case creates a topic, produces and reads back in
//! a consumer group; a wrong password and an untrusted CA are refused.

use std::process::Command;

use crate::common::secure::{Secured, ALICE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafkajs_over_tls_and_sasl() {
    let s = Secured::start(|_| {}).await;
    let (cert, key) = s.client_certificate("kafkajs");
    let other = tempfile::tempdir().unwrap();
    let (_, other_files) =
        streamline::security::dev_certs::write_all(other.path(), &["localhost"], 30).unwrap();
    let case = |name: &str, listener: &str, mechanism: &str| {
        serde_json::json!({
            "name": name, "bootstrap": s.addr(listener), "protocol": listener,
            "mechanism": mechanism, "user": ALICE.0, "password": ALICE.1,
        })
    };
    let mut mtls = case("mtls", "SSL", "");
    mtls["cert"] = cert.to_str().unwrap().into();
    mtls["key"] = key.to_str().unwrap().into();
    let spec = serde_json::json!({
        "ca": s.files.ca, "other_ca": other_files.ca,
        "cases": [
            mtls,
            case("plain", "SASL_SSL", "PLAIN"),
            case("scram256", "SASL_SSL", "SCRAM-SHA-256"),
            case("scram512", "SASL_PLAINTEXT", "SCRAM-SHA-512"),
        ],
        "bad": case("bad", "SASL_SSL", "SCRAM-SHA-512"),
    });
    let path = s.dir.path().join("kafkajs.json");
    std::fs::write(&path, spec.to_string()).unwrap();
    let cache = std::env::var("STREAMLINE_TEST_CACHE").unwrap_or_else(|_| {
        format!(
            "{}/.cache/streamline-tests",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .env("NODE_PATH", format!("{cache}/npm/node_modules"))
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/clients/kafkajs_security.js"
            ))
            .arg(&path)
            .output()
            .expect("node runs")
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "KafkaJS failed (is it installed? tests/reference/prepare.sh does): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for name in ["mtls", "plain", "scram256", "scram512"] {
        assert_eq!(seen["read"][name], format!("hello {name}"), "{seen}");
    }
    assert_ne!(seen["refused"]["wrong_password"], "accepted", "{seen}");
    assert_ne!(seen["refused"]["untrusted_ca"], "accepted", "{seen}");
}
