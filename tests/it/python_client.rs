//! Transactions with a Kafka client that is not librdkafka: kafka-python (from PyPI; the
//! README's test command installs it) commits, aborts and sends offsets to a transaction, and
//! its read_committed consumer sees only what was committed.

use std::process::Command;

use crate::common::TestServer;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_python_transactions_commit_abort_and_send_offsets() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/clients/kafka_python_transactions.py"
            ))
            .arg(&bootstrap)
            .output()
            .expect("python3 runs")
    })
    .await
    .expect("client");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "kafka-python failed (is it installed? `python3 -m pip install kafka-python==2.2.15`, as the README's test command does): {stderr}"
    );
    let seen: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(seen["group_offset"], 7);
    assert_eq!(
        seen["read_committed"],
        serde_json::json!(["committed", "with-offsets"])
    );
    assert_eq!(
        seen["read_uncommitted"],
        serde_json::json!(["committed", "aborted", "with-offsets"])
    );
}

/// kafka-python over SSL (with a client certificate), SASL_SSL with PLAIN, both SCRAMs and
/// OAUTHBEARER, and SASL_PLAINTEXT; a wrong password, an unknown user, an untrusted CA, an
/// expired token, a client certificate from an unknown CA and a mechanism the broker does not
/// enable are refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_python_over_tls_and_sasl() {
    use crate::common::secure::{Secured, ALICE};
    let s = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER".into();
    })
    .await;
    // A second broker offering SCRAM-SHA-512 only, for a mechanism it does not enable.
    let scram_only = Secured::start(|c| c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into()).await;
    let (cert, key) = s.client_certificate("py-client");
    let (stranger_cert, stranger_key) = s.stranger_certificate("py-client");
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
    let mut not_enabled = case("not-enabled", "SASL_PLAINTEXT", "PLAIN");
    not_enabled["bootstrap"] = scram_only.addr("SASL_PLAINTEXT").into();
    let spec = serde_json::json!({
        "ca": s.files.ca, "other_ca": other_files.ca,
        "cases": [
            mtls,
            case("plain-ssl", "SASL_SSL", "PLAIN"),
            case("scram256-ssl", "SASL_SSL", "SCRAM-SHA-256"),
            case("scram512-ssl", "SASL_SSL", "SCRAM-SHA-512"),
            case("scram512", "SASL_PLAINTEXT", "SCRAM-SHA-512"),
            case("oauth-ssl", "SASL_SSL", "OAUTHBEARER"),
        ],
        "bad": case("bad", "SASL_SSL", "SCRAM-SHA-512"),
        "oauth": case("expired", "SASL_PLAINTEXT", "OAUTHBEARER"),
        "stranger": strange,
        "not_enabled": not_enabled,
    });
    let path = s.dir.path().join("cases.json");
    std::fs::write(&path, spec.to_string()).unwrap();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/clients/kafka_python_security.py"
            ))
            .arg(&path)
            .output()
            .expect("python3 runs")
    })
    .await
    .expect("client");
    assert!(
        out.status.success(),
        "kafka-python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for name in [
        "mtls",
        "plain-ssl",
        "scram256-ssl",
        "scram512-ssl",
        "scram512",
    ] {
        assert_eq!(
            seen["read"][name],
            serde_json::json!([format!("hello {name}")]),
            "{seen}"
        );
    }
    for refusal in [
        "wrong_password",
        "unknown_user",
        "untrusted_ca",
        "expired_token",
        "untrusted_client_certificate",
        "mechanism_not_enabled",
    ] {
        assert_ne!(seen["refused"][refusal], "accepted", "{seen}");
    }
    // kafka-python retries a refused login until its own timeout; the broker counted them.
    let failures = s.authentication_failures();
    assert!(failures >= 3, "{failures} refused logins counted");
    assert_eq!(seen["refused"]["untrusted_ca"], "SSLCertVerificationError");
}
