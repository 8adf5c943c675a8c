//! Apache Kafka's own Java client (kafka-clients 4.4) and Kafka Streams 4.4 against a fresh
//! broker: the programs under `tests/reference/java` (built by `tests/reference/prepare.sh`,
//! which the README's test command runs) check each scenario themselves and print a summary.
//! Every summary asserted here is exactly what the same program prints against Apache Kafka
//! 4.4, and every warning the client logs beyond those Kafka causes too is a broker defect.

use std::time::Duration;

use crate::common::reference::{java, java_warnings};
use crate::common::TestServer;
use serde_json::{json, Value};
use streamline::config::ServerConfig;

/// Runs one Java program against a fresh server and returns its summary.
async fn run_java(class: &'static str, extra: &'static [&'static str]) -> Value {
    run_java_with(class, extra, |_| {}).await
}

/// Runs one Java program against a fresh server configured by `tune`.
async fn run_java_with(
    class: &'static str,
    extra: &'static [&'static str],
    tune: impl FnOnce(&mut ServerConfig),
) -> Value {
    let server = TestServer::start_with(tune).await;
    let bootstrap = server.bootstrap();
    let run = tokio::task::spawn_blocking(move || {
        let mut args = vec![bootstrap.as_str()];
        args.extend_from_slice(extra);
        java(class, &args, Duration::from_secs(180))
    })
    .await
    .expect("java program");
    let warnings = java_warnings(&run.stderr);
    assert!(
        warnings.is_empty(),
        "the Java client logged {} unexpected warning(s):\n{}",
        warnings.len(),
        warnings.join("\n")
    );
    server.stop().await;
    run.json
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_producer_acknowledges_10000_keyed_records_with_exact_offsets() {
    let summary = run_java("ProducerDefaults", &[]).await;
    // murmur2 of "key-0".."key-9999" over 3 partitions, as Apache Kafka places them.
    assert_eq!(
        summary,
        json!({"records": 10000, "partitions": 3, "per_partition": [3296, 3425, 3279],
               "end_offsets": [3296, 3425, 3279], "read_back": 10000})
    );
}

fn groups_summary(protocol: &str) -> Value {
    json!({"protocol": protocol, "partitions": 4, "first_round": 200, "second_round": 100,
           "first_split": [2, 2], "second_split": [2, 2], "committed": [75, 75, 75, 75]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn classic_group_members_split_commit_and_a_restarted_member_resumes() {
    let summary = run_java("ConsumerGroups", &["classic"]).await;
    assert_eq!(summary, groups_summary("classic"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consumer_protocol_group_members_split_commit_and_a_restarted_member_resumes() {
    let summary = run_java("ConsumerGroups", &["consumer"]).await;
    assert_eq!(summary, groups_summary("consumer"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_client_calls_answer_as_apache_kafka_does() {
    let summary = run_java("AdminOps", &[]).await;
    assert_eq!(
        summary,
        json!({"topics_created": 3, "topic_ids_distinct": true,
               "partitions_after_create_partitions": 4, "retention_ms_after_delete": "604800000",
               "earliest": 0, "latest": 5, "max_timestamp_offset": 2,
               "for_timestamp_1500_offset": 1, "for_timestamp_after_end_offset": -1,
               "low_watermark": 2, "group_consumed_offsets": [2, 3, 4],
               "committed_before_alter": 5, "committed_after_alter": 3,
               "group_after_delete": "GroupIdNotFound", "cluster_nodes": 1,
               "describe_producers_last_sequence": 4,
               "transaction_states": "Ongoing,CompleteCommit",
               "topics_after_delete": ["admin-ts"]})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transactions_commit_abort_send_offsets_and_read_committed() {
    let summary = run_java("Transactions", &[]).await;
    assert_eq!(
        summary,
        json!({"input_committed": ["0:a0", "1:a1", "2:a2", "7:c0", "8:c1", "9:c2"],
               "input_uncommitted": ["0:a0", "1:a1", "2:a2", "4:b0", "5:b1", "7:c0", "8:c1", "9:c2"],
               "input_end_offset": 11,
               "output_committed": ["0:A0", "1:A1", "2:A2", "3:C0", "4:C1", "5:C2"],
               "output_uncommitted": ["0:A0", "1:A1", "2:A2", "3:C0", "4:C1", "5:C2", "7:X"],
               "output_end_offset": 9, "group_offset": 10})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_streams_repartition_under_exactly_once_v2() {
    let summary = run_java("StreamsRepartition", &[]).await;
    assert_eq!(
        summary,
        json!({"input": 40, "output": 40, "repartition_partitions": 2,
               "keys": {"g0": 10, "g1": 10, "g2": 10, "g3": 10}, "committed": [11, 15, 14]})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_streams_word_count_with_compacted_changelogs_under_exactly_once_v2() {
    // The cleaner looks for work every 100 ms, as Apache Kafka's does every 200 ms in the
    // reference run, so the changelog is compacted before the application restores from it.
    let summary = run_java_with("StreamsWordCount", &[], |c| c.log_cleaner_backoff_ms = 100).await;
    assert_eq!(
        summary,
        json!({"lines": 250, "words": 871, "distinct": 12,
               "counts": {"alpha": 70, "bravo": 82, "charlie": 66, "delta": 76, "echo": 67,
                          "foxtrot": 85, "golf": 59, "hotel": 74, "india": 78, "juliett": 78,
                          "kilo": 69, "lima": 67},
               "changelog_partitions": 2, "changelog_policy": "compact",
               "repartition_policy": "delete", "changelog_compacted": true,
               "changelog_ok": true, "restored_ok": true})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_connect_distributed_worker_runs_a_source_and_a_sink_connector() {
    let summary = run_java("ConnectDistributed", &[]).await;
    assert_eq!(
        summary,
        json!({"lines": 600, "sink_lines": 600, "in_order": true,
               "connectors_after_restart": ["line-sink", "line-source"],
               "source_offset": 600, "sink_offset": 600,
               "connectors_after_delete": ["line-sink"],
               "internal_topics": {"config": "compact", "offset": "compact", "status": "compact"},
               "internal_partitions": {"config": 1, "offset": 25, "status": 5}})
    );
}

/// Apache Kafka's Java client (Admin, the default idempotent producer, a consumer group) over
/// SASL_SSL with SCRAM-SHA-512 and with PLAIN, SSL with a client certificate (PEM key store),
/// and OAUTHBEARER with its unsecured development tokens, re-authenticating every 1.5 s
/// (KIP-368); a wrong password is a SaslAuthenticationException, an untrusted broker
/// certificate an SslAuthenticationException.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_java_client_over_tls_and_sasl() {
    use crate::common::secure::Secured;
    let s = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "PLAIN,SCRAM-SHA-512,OAUTHBEARER".into();
        c.connections_max_reauth_ms = 1500;
    })
    .await;
    let (cert, key) = s.client_certificate("java-app");
    let key_store = s.dir.path().join("java-app-keystore.pem");
    std::fs::write(
        &key_store,
        std::fs::read_to_string(&key).unwrap() + &std::fs::read_to_string(&cert).unwrap(),
    )
    .unwrap();
    let ca = s.files.ca.display().to_string();
    let trust = format!("ssl.truststore.type=PEM\nssl.truststore.location={ca}\n");
    let jaas = |module: &str, password: &str| {
        format!(
            "sasl.jaas.config=org.apache.kafka.common.security.{module} required \
             username=\"alice\" password=\"{password}\";\n"
        )
    };
    let cases = vec![
        (
            "SASL_SSL",
            "scram",
            format!(
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n{}{trust}",
                jaas("scram.ScramLoginModule", "alice-secret")
            ),
        ),
        (
            "SASL_SSL",
            "plain",
            format!(
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n{}{trust}",
                jaas("plain.PlainLoginModule", "alice-secret")
            ),
        ),
        (
            "SSL",
            "mtls",
            format!(
                "security.protocol=SSL\n{trust}ssl.keystore.type=PEM\nssl.keystore.location={}\n",
                key_store.display()
            ),
        ),
        (
            "SASL_PLAINTEXT",
            "oauth",
            "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=OAUTHBEARER\n\
             sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule \
             required unsecuredLoginStringClaim_sub=\"alice\";\n"
                .to_string(),
        ),
    ];
    for (listener, name, properties) in cases {
        let file = s.dir.path().join(format!("{name}.properties"));
        std::fs::write(&file, properties).unwrap();
        let bootstrap = s.addr(listener);
        let run = tokio::task::spawn_blocking(move || {
            java(
                "SecureClients",
                &[&bootstrap, file.to_str().unwrap(), &format!("java-{name}")],
                Duration::from_secs(120),
            )
        })
        .await
        .unwrap();
        assert_eq!(
            run.json,
            serde_json::json!({"ok": true, "values": ["v0", "v1", "v2", "v3", "v4"]}),
            "{name}"
        );
        let warnings = java_warnings(&run.stderr);
        assert!(warnings.is_empty(), "{name}: {}", warnings.join("\n"));
    }
    let wrong = s.dir.path().join("wrong.properties");
    std::fs::write(
        &wrong,
        format!(
            "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n{}{trust}",
            jaas("scram.ScramLoginModule", "not-it")
        ),
    )
    .unwrap();
    let bootstrap = s.addr("SASL_SSL");
    let run = tokio::task::spawn_blocking(move || {
        java(
            "SecureClients",
            &[&bootstrap, wrong.to_str().unwrap(), "x", "refused"],
            Duration::from_secs(120),
        )
    })
    .await
    .unwrap();
    assert_eq!(run.json["sasl"], true, "{}", run.json);
    // An untrusted broker certificate: the handshake fails, nothing is sent.
    let other = tempfile::tempdir().unwrap();
    let (_, other_files) =
        streamline::security::dev_certs::write_all(other.path(), &["localhost"], 30).unwrap();
    let untrusted = s.dir.path().join("untrusted.properties");
    std::fs::write(
        &untrusted,
        format!(
            "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location={}\n",
            other_files.ca.display()
        ),
    )
    .unwrap();
    let bootstrap = s.addr("SSL");
    let run = tokio::task::spawn_blocking(move || {
        java(
            "SecureClients",
            &[&bootstrap, untrusted.to_str().unwrap(), "x", "refused"],
            Duration::from_secs(120),
        )
    })
    .await
    .unwrap();
    assert_eq!(
        run.json["refused"], "SslAuthenticationException",
        "{}",
        run.json
    );
    let renewed = s.reauthentications();
    assert!(renewed > 0, "the Java client never re-authenticated");

    // A client certificate from another CA, an unknown user, an expired token, and a
    // mechanism this broker does not enable. The second broker offers SCRAM-SHA-512 only and requires client
    // certificates: under `requested` the Java client offers no certificate the broker's CAs
    // did not issue, and connects anonymously, as TLS has it.
    let scram_only = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into();
        c.ssl_client_auth = streamline::security::tls::ClientAuth::Required;
    })
    .await;
    let (stranger_cert, stranger_key) = s.stranger_certificate("java-app");
    let stranger_store = s.dir.path().join("stranger-keystore.pem");
    std::fs::write(
        &stranger_store,
        std::fs::read_to_string(stranger_key).unwrap()
            + &std::fs::read_to_string(stranger_cert).unwrap(),
    )
    .unwrap();
    let refusals = vec![
        (
            scram_only.addr("SSL"),
            format!(
                "security.protocol=SSL\n{trust}ssl.keystore.type=PEM\nssl.keystore.location={}\n",
                stranger_store.display()
            ),
            "SslAuthenticationException",
        ),
        (
            s.addr("SASL_SSL"),
            format!(
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n{trust}\
                 sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule \
                 required username=\"mallory\" password=\"x\";\n"
            ),
            "SaslAuthenticationException",
        ),
        // The unsecured login module's token, issued already expired.
        (
            s.addr("SASL_PLAINTEXT"),
            "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=OAUTHBEARER\n\
             sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule \
             required unsecuredLoginStringClaim_sub=\"alice\" \
             unsecuredLoginLifetimeSeconds=\"-120\";\n"
                .to_string(),
            "SaslAuthenticationException",
        ),
        (
            scram_only.addr("SASL_PLAINTEXT"),
            format!(
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n{}",
                jaas("plain.PlainLoginModule", "alice-secret")
            ),
            "UnsupportedSaslMechanismException",
        ),
    ];
    for (n, (bootstrap, properties, expected)) in refusals.into_iter().enumerate() {
        let file = s.dir.path().join(format!("refused-{n}.properties"));
        std::fs::write(&file, properties).unwrap();
        let run = tokio::task::spawn_blocking(move || {
            java(
                "SecureClients",
                &[&bootstrap, file.to_str().unwrap(), "x", "refused"],
                Duration::from_secs(120),
            )
        })
        .await
        .unwrap();
        assert_eq!(run.json["refused"], expected, "{}", run.json);
    }
}
