//! The Go clients franz-go (v1.22, with kadm) and Sarama (v1.61) against a fresh broker: the
//! programs under `tests/reference/go` (built by `tests/reference/prepare.sh`, which the
//! README's test command runs) check each scenario themselves — exact offsets, every record
//! exactly once, committed offsets equal to end offsets — and print a summary. The figures
//! asserted here are those the same programs print against Apache Kafka 4.4; only which group
//! member gets which partitions may differ from run to run.

use std::time::Duration;

use crate::common::reference::go;
use crate::common::TestServer;
use serde_json::{json, Value};

async fn run_go(program: &'static str, scenario: &'static str) -> Value {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let run = tokio::task::spawn_blocking(move || {
        go(program, &[scenario, &bootstrap], Duration::from_secs(240))
    })
    .await
    .expect("go program");
    server.stop().await;
    assert_eq!(run.json["ok"], true, "{}", run.json);
    run.json
}

/// The values of a JSON object, in key order.
fn values(v: &Value) -> Vec<Value> {
    let mut entries: Vec<(&String, &Value)> = v.as_object().expect("object").iter().collect();
    entries.sort_by_key(|(k, _)| k.to_string());
    entries.into_iter().map(|(_, v)| v.clone()).collect()
}

/// Two members, each with at least one partition, their record counts adding up to `total`.
fn assert_two_members(members: &Value, assignments: &Value, total: u64) {
    let counts: Vec<u64> = values(members).iter().filter_map(Value::as_u64).collect();
    assert_eq!(counts.len(), 2, "{members}");
    assert_eq!(counts.iter().sum::<u64>(), total, "{members}");
    let mut partitions: Vec<u64> = values(assignments)
        .iter()
        .flat_map(|a| {
            let a = a.as_array().expect("array");
            assert!(!a.is_empty(), "a member without partitions: {assignments}");
            a.iter().filter_map(Value::as_u64).collect::<Vec<_>>()
        })
        .collect();
    partitions.sort_unstable();
    assert_eq!(partitions, [0, 1, 2, 3], "{assignments}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn franz_go_produces_and_consumes_by_partition() {
    let s = run_go("franz", "produce").await;
    assert_eq!(s["produced"], 3000);
    assert_eq!(s["consumed"], 3000);
    assert_eq!(s["partitions"], json!({"0": 966, "1": 1071, "2": 963}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn franz_go_group_of_two_consumes_each_record_once_and_commits() {
    let s = run_go("franz", "group").await;
    assert_eq!(s["produced"], 2000);
    assert_eq!(s["consumed"], 2000);
    assert_eq!(
        s["committed"],
        json!({"0": 491, "1": 494, "2": 525, "3": 490})
    );
    assert_two_members(&s["members"], &s["assignments"], 2000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn franz_go_admin_creates_alters_and_deletes_topics() {
    let s = run_go("franz", "admin").await;
    assert_eq!(s["deleted"], 2);
    assert_eq!(s["retention_ms"], "3600000");
    assert_eq!(values(&s["partitions"]), [json!(2), json!(8)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn franz_go_transactions_commit_abort_and_consume_transform_produce() {
    let s = run_go("franz", "transactions").await;
    assert_eq!(s["read_committed"], 200);
    assert_eq!(s["read_uncommitted"], 250);
    // 250 data records and one marker per transaction (three) on each partition written.
    assert_eq!(s["txn_end_offsets"], json!({"0": 143, "1": 113}));
    assert_eq!(s["ctp_input"], 300);
    assert_eq!(s["ctp_output"], 300);
    assert!(s["ctp_transactions"].as_u64().unwrap_or(0) >= 3, "{s}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sarama_produces_and_consumes_by_partition() {
    let s = run_go("sarama", "produce").await;
    assert_eq!(s["produced"], 1000);
    assert_eq!(s["consumed"], 1000);
    assert_eq!(s["partitions"], json!({"0": 343, "1": 330, "2": 327}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sarama_group_of_two_consumes_each_record_once_and_commits() {
    let s = run_go("sarama", "group").await;
    assert_eq!(s["produced"], 1000);
    assert_eq!(s["consumed"], 1000);
    assert_eq!(
        s["committed"],
        json!({"0": 251, "1": 255, "2": 249, "3": 245})
    );
    assert_two_members(&s["members"], &s["claims"], 1000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sarama_admin_creates_alters_and_deletes_topics() {
    let s = run_go("sarama", "admin").await;
    assert_eq!(s["deleted"], 2);
    assert_eq!(s["retention_ms"], "3600000");
    assert_eq!(values(&s["partitions"]), [json!(2), json!(8)]);
}

/// A listener, a scenario, and the FRANZ_* settings for it.
type FranzCase = (&'static str, &'static str, Vec<(&'static str, String)>);

/// franz-go's produce and group scenarios over SASL_SSL (SCRAM-SHA-512, PLAIN, OAUTHBEARER),
/// SASL_PLAINTEXT with SCRAM-SHA-256, and SSL with a client certificate, re-authenticating
/// every 1.5 s (KIP-368); a wrong password, an expired token, an untrusted broker
/// certificate and an unknown user are refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn franz_go_over_tls_and_sasl() {
    use crate::common::reference::go_with;
    use crate::common::secure::{Secured, ALICE};
    // Sessions last 1.5 s, so the longer scenarios re-authenticate (KIP-368) as they go.
    let s = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER".into();
        c.connections_max_reauth_ms = 1500;
    })
    .await;
    let now = streamline::broker::now_ms() / 1000;
    let token = |exp: i64| {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"alice","exp":{exp},"iat":{now}}}"#))
        )
    };
    let (cert, key) = s.client_certificate("franz");
    let other = tempfile::tempdir().unwrap();
    let (_, other_files) =
        streamline::security::dev_certs::write_all(other.path(), &["localhost"], 30).unwrap();
    let other_ca = other_files.ca.to_str().unwrap().to_string();
    let ca = s.files.ca.to_str().unwrap().to_string();
    let (cert, key) = (
        cert.to_str().unwrap().to_string(),
        key.to_str().unwrap().to_string(),
    );
    let cases: Vec<FranzCase> = vec![
        (
            "SASL_SSL",
            "group",
            vec![
                ("FRANZ_TLS_CA", ca.clone()),
                ("FRANZ_SASL", "SCRAM-SHA-512".into()),
            ],
        ),
        (
            "SASL_SSL",
            "produce",
            vec![("FRANZ_TLS_CA", ca.clone()), ("FRANZ_SASL", "PLAIN".into())],
        ),
        (
            "SASL_PLAINTEXT",
            "produce",
            vec![("FRANZ_SASL", "SCRAM-SHA-256".into())],
        ),
        (
            "SSL",
            "produce",
            vec![
                ("FRANZ_TLS_CA", ca.clone()),
                ("FRANZ_TLS_CERT", cert.clone()),
                ("FRANZ_TLS_KEY", key.clone()),
            ],
        ),
        (
            "SASL_SSL",
            "produce",
            vec![
                ("FRANZ_TLS_CA", ca.clone()),
                ("FRANZ_SASL", "OAUTHBEARER".into()),
                ("FRANZ_TOKEN", token(now + 3600)),
            ],
        ),
        // Refused: a wrong password, an expired token, an untrusted broker certificate, an unknown
        // user.
        (
            "SASL_SSL",
            "refused",
            vec![
                ("FRANZ_TLS_CA", ca.clone()),
                ("FRANZ_SASL", "SCRAM-SHA-512".into()),
                ("FRANZ_PASSWORD_OVERRIDE", "wrong".into()),
            ],
        ),
        (
            "SASL_PLAINTEXT",
            "refused",
            vec![
                ("FRANZ_SASL", "OAUTHBEARER".into()),
                ("FRANZ_TOKEN", token(now - 120)),
            ],
        ),
        ("SSL", "refused", vec![("FRANZ_TLS_CA", other_ca.clone())]),
        (
            "SASL_SSL",
            "refused",
            vec![
                ("FRANZ_TLS_CA", ca.clone()),
                ("FRANZ_SASL", "SCRAM-SHA-256".into()),
                ("FRANZ_USER_OVERRIDE", "mallory".into()),
            ],
        ),
    ];
    for (listener, scenario, mut env) in cases {
        let user = env
            .iter()
            .find(|(k, _)| *k == "FRANZ_USER_OVERRIDE")
            .map_or(ALICE.0.to_string(), |(_, v)| v.clone());
        env.push(("FRANZ_USER", user));
        let password = env
            .iter()
            .find(|(k, _)| *k == "FRANZ_PASSWORD_OVERRIDE")
            .map_or(ALICE.1.to_string(), |(_, v)| v.clone());
        env.push(("FRANZ_PASSWORD", password));
        let bootstrap = s.addr(listener);
        let run = tokio::task::spawn_blocking(move || {
            let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
            go_with(
                "franz",
                &[scenario, &bootstrap],
                &env,
                Duration::from_secs(240),
            )
        })
        .await
        .expect("go program");
        assert_eq!(run.json["ok"], true, "{listener} {scenario}: {}", run.json);
    }
    let failures = s.authentication_failures();
    assert!(failures >= 2, "{failures} refused logins counted");
    let renewed = s.reauthentications();
    assert!(renewed > 0, "franz-go never re-authenticated");

    // A broker offering SCRAM-SHA-512 only and requiring client certificates refuses PLAIN
    // and a certificate from another CA.
    let strict = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into();
        c.ssl_client_auth = streamline::security::tls::ClientAuth::Required;
    })
    .await;
    let (stranger_cert, stranger_key) = strict.stranger_certificate("franz");
    let strict_ca = strict.files.ca.to_str().unwrap().to_string();
    let refusals: Vec<(String, Vec<(&str, String)>)> = vec![
        (
            strict.addr("SASL_PLAINTEXT"),
            vec![
                ("FRANZ_SASL", "PLAIN".into()),
                ("FRANZ_USER", ALICE.0.into()),
                ("FRANZ_PASSWORD", ALICE.1.into()),
            ],
        ),
        (
            strict.addr("SSL"),
            vec![
                ("FRANZ_TLS_CA", strict_ca),
                ("FRANZ_TLS_CERT", stranger_cert.to_str().unwrap().into()),
                ("FRANZ_TLS_KEY", stranger_key.to_str().unwrap().into()),
            ],
        ),
    ];
    for (bootstrap, env) in refusals {
        let run = tokio::task::spawn_blocking(move || {
            let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
            go_with(
                "franz",
                &["refused", &bootstrap],
                &env,
                Duration::from_secs(120),
            )
        })
        .await
        .expect("go program");
        assert_eq!(run.json["ok"], true, "{}", run.json);
    }
}
