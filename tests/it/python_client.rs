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
