//! The toolbox and transactions: `consume` reads committed records by default (stopping before
//! an open transaction, never printing markers) and everything with `--isolation
//! read_uncommitted`; `transactions list` and `describe` show a live transaction.

use std::time::Duration;

use crate::common::cli::ok;
use crate::common::TestServer;
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use serde_json::Value;

const TIMEOUT: Duration = Duration::from_secs(20);

fn send(p: &BaseProducer, value: &str) {
    p.send(BaseRecord::<(), str>::to("tx").partition(0).payload(value))
        .expect("enqueue");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consume_reads_committed_records_and_transactions_shows_the_open_one() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        ok(&["topics", "create", "tx", "-p", "1", "-b", &b]);
        let mut c = crate::common::client_config(&b);
        c.set("transactional.id", "tx-cli");
        let p: BaseProducer = c.create().expect("producer");
        p.init_transactions(TIMEOUT).expect("init");
        p.begin_transaction().expect("begin");
        send(&p, "c1");
        send(&p, "c2");
        p.commit_transaction(TIMEOUT).expect("commit");
        p.begin_transaction().expect("begin");
        send(&p, "a1");
        p.flush(TIMEOUT).expect("flush");
        p.abort_transaction(TIMEOUT).expect("abort");
        p.begin_transaction().expect("begin");
        send(&p, "o1");
        p.flush(TIMEOUT).expect("flush");

        // Offsets: c1 0, c2 1, commit 2, a1 3, abort 4, o1 5 (open).
        assert_eq!(ok(&["consume", "tx", "-b", &b]), "c1\nc2\n");
        assert_eq!(
            ok(&["consume", "tx", "--isolation", "read_uncommitted", "-b", &b]),
            "c1\nc2\na1\no1\n"
        );
        assert_eq!(
            ok(&[
                "consume",
                "tx",
                "--isolation",
                "read_uncommitted",
                "--show-offsets",
                "-b",
                &b
            ]),
            "0:0\tc1\n0:1\tc2\n0:3\ta1\n0:5\to1\n"
        );

        let listed = ok(&["transactions", "list", "-b", &b]);
        let row = listed
            .lines()
            .find(|l| l.starts_with("tx-cli"))
            .unwrap_or_else(|| panic!("{listed}"));
        assert!(row.ends_with("Ongoing"), "{listed}");
        let described = ok(&["transactions", "describe", "tx-cli", "-b", &b]);
        assert!(
            described.contains("State:            Ongoing"),
            "{described}"
        );
        assert!(described.contains("tx     0          5"), "{described}");
        let json: Value = serde_json::from_str(&ok(&[
            "transactions",
            "describe",
            "tx-cli",
            "--format",
            "json",
            "-b",
            &b,
        ]))
        .expect("json");
        assert_eq!(json["state"], "Ongoing");
        assert_eq!(json["partitions"][0]["start_offset"], 5);
        assert!(json["start_time_ms"].as_i64().unwrap() > 0);

        p.commit_transaction(TIMEOUT).expect("commit");
        assert_eq!(ok(&["consume", "tx", "-b", &b]), "c1\nc2\no1\n");
        // The commit is answered once visible; Complete follows when the markers are on disk.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let json = loop {
            let json: Value = serde_json::from_str(&ok(&[
                "transactions",
                "describe",
                "tx-cli",
                "--format",
                "json",
                "-b",
                &b,
            ]))
            .expect("json");
            if json["state"] == "CompleteCommit" || std::time::Instant::now() > deadline {
                break json;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(json["state"], "CompleteCommit");
        assert_eq!(json["partitions"], serde_json::json!([]));
        let missing = assert_cmd::Command::cargo_bin("streamline")
            .expect("binary")
            .args(["transactions", "describe", "nobody", "-b", &b])
            .output()
            .expect("run");
        assert_eq!(missing.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&missing.stderr).contains("nobody"));
    })
    .await
    .expect("test");
}
