//! KafkaJS (v2.2, from npm; the README's test command installs it) over TLS, mTLS and SASL
//! (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER): each case creates a topic, produces and
//! reads back in a consumer group, sessions lasting 2.5 s so that KafkaJS re-authenticates; a wrong password, an untrusted CA, an expired token, a client
//! certificate from an unknown CA and a mechanism the broker does not enable are refused.

use std::process::Command;

use crate::common::secure::{Secured, ALICE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafkajs_over_tls_and_sasl() {
    let s = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER".into();
        c.connections_max_reauth_ms = 2500;
    })
    .await;
    let scram_only = Secured::start(|c| c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into()).await;
    let (cert, key) = s.client_certificate("kafkajs");
    let (stranger_cert, stranger_key) = s.stranger_certificate("kafkajs");
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
    let mut strange = case("stranger", "SSL", "");
    strange["cert"] = stranger_cert.to_str().unwrap().into();
    strange["key"] = stranger_key.to_str().unwrap().into();
    let mut slow = case("reauth", "SASL_SSL", "SCRAM-SHA-512");
    slow["slow"] = true.into();
    let mut not_enabled = case("not-enabled", "SASL_PLAINTEXT", "PLAIN");
    not_enabled["bootstrap"] = scram_only.addr("SASL_PLAINTEXT").into();
    let spec = serde_json::json!({
        "ca": s.files.ca, "other_ca": other_files.ca,
        "cases": [
            mtls,
            case("plain", "SASL_SSL", "PLAIN"),
            case("scram256", "SASL_SSL", "SCRAM-SHA-256"),
            case("scram512", "SASL_PLAINTEXT", "SCRAM-SHA-512"),
            case("oauth", "SASL_SSL", "OAUTHBEARER"),
            slow,
        ],
        "bad": case("bad", "SASL_SSL", "SCRAM-SHA-512"),
        "oauth": case("expired", "SASL_PLAINTEXT", "OAUTHBEARER"),
        "stranger": strange,
        "not_enabled": not_enabled,
    });
    let path = s.dir.path().join("kafkajs.json");
    std::fs::write(&path, spec.to_string()).unwrap();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .env("NODE_PATH", crate::common::reference::npm_modules())
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
    for name in ["mtls", "plain", "scram256", "scram512", "oauth", "reauth"] {
        assert_eq!(seen["read"][name], format!("hello {name}"), "{seen}");
    }
    let refused = |what: &str| {
        seen["refused"][what]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    for (what, expected) in [
        ("wrong_password", "SASL SCRAM SHA512 authentication failed"),
        // KafkaJS takes RFC 7628's error challenge for success and sends its next request,
        // which closes the connection, as on Apache Kafka.
        ("expired_token", "Closed connection"),
        (
            "mechanism_not_enabled",
            "does not support the requested SASL mechanism",
        ),
        ("untrusted_ca", "certificate"),
        ("untrusted_client_certificate", "unknown ca"),
    ] {
        let r = refused(what);
        assert!(r != "accepted" && r.contains(expected), "{what}: {seen}");
    }
    let renewed = s.reauthentications();
    assert!(renewed > 0, "KafkaJS never re-authenticated");
}
