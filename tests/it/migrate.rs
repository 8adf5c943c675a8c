//! `streamline migrate from-kafka` between two real servers: the shared scenario (see
//! `crate::common::migration`: a plan that changes nothing, three topics copied intact, group offsets
//! translated, a run killed mid-copy resumed without duplicates); a destination that no longer
//! matches fails the run; a data directory as destination; transactional sources. The same
//! scenario runs from an Apache Kafka cluster in `apache_kafka.rs`.

use std::time::Duration;

use crate::common::cli::ok;
use crate::common::migration::*;
use crate::common::TestServer;
use rdkafka::admin::AdminOptions;
use rdkafka::{Offset, TopicPartitionList};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_topics_migrate_intact_and_an_interrupted_run_resumes_without_duplicates() {
    let source = TestServer::start().await;
    let dest = TestServer::start().await;
    fill_source(&source.bootstrap(), 1).await;
    copy_resume_and_verify(&source.bootstrap(), Destination::Server(dest.bootstrap())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_destination_that_no_longer_matches_fails_the_run() {
    let source = TestServer::start().await;
    let dest = TestServer::start().await;
    let (s, d) = (source.bootstrap(), dest.bootstrap());
    crate::common::produce_to_partitions(&s, "events", 1, 10).await;
    let run = |extra: &'static [&'static str]| {
        let (s, d) = (s.clone(), d.clone());
        tokio::task::spawn_blocking(move || {
            let mut args = vec!["--kafka-servers", s.as_str(), "-b", d.as_str(), "--execute"];
            args.extend_from_slice(extra);
            migrate(&args)
        })
    };
    let first = run(&[]).await.expect("first");
    assert!(first.status.success());

    // Records deleted on the destination: the verification fails and says where.
    let mut cut = TopicPartitionList::new();
    cut.add_partition_offset("events", 0, Offset::Offset(3))
        .expect("tpl");
    crate::common::admin(&d)
        .delete_records(&cut, &AdminOptions::new())
        .await
        .expect("delete records");
    let damaged = run(&[]).await.expect("damaged");
    assert_eq!(damaged.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&damaged.stdout);
    assert!(stdout.contains("MISMATCH"), "{stdout}");
    assert!(
        String::from_utf8_lossy(&damaged.stderr).contains("verification failed for events/0"),
        "{}",
        String::from_utf8_lossy(&damaged.stderr)
    );

    // A record written to the destination by someone else: refused, nothing copied twice.
    crate::common::produce_to_partitions(&d, "events", 1, 1).await;
    let foreign = run(&[]).await.expect("foreign");
    assert_eq!(foreign.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&foreign.stderr).contains("1 more record(s) than the source"),
        "{}",
        String::from_utf8_lossy(&foreign.stderr)
    );

    // Pointing a migration at its own source is refused before anything happens.
    let same = tokio::task::spawn_blocking({
        let s = s.clone();
        move || migrate(&["--kafka-servers", &s, "-b", &s])
    })
    .await
    .expect("same");
    assert_eq!(same.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&same.stderr).contains("same cluster"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_data_directory_is_a_destination_too() {
    let source = TestServer::start().await;
    let s = source.bootstrap();
    tokio::task::spawn_blocking({
        let s = s.clone();
        move || ok(&["topics", "create", "metrics", "-p", "2", "-b", &s])
    })
    .await
    .expect("create");
    crate::common::produce_to_partitions(&s, "metrics", 2, 40).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let data = data.to_str().expect("utf-8").to_string();
    let out = tokio::task::spawn_blocking({
        let (s, data) = (s.clone(), data.clone());
        move || {
            ok(&[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &s,
                "--data-dir",
                &data,
                "--execute",
            ]);
            ok(&[
                "consume",
                "metrics",
                "-p",
                "1",
                "--data-dir",
                &data,
                "-n",
                "40",
            ])
        }
    })
    .await
    .expect("migrate");
    let values: Vec<String> = (0..40)
        .filter(|i| i % 2 == 1)
        .map(|i| format!("m{i}"))
        .collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), values);
}

/// A source with transactions: only committed records are copied; an aborted transaction is
/// left behind, and one still open stops the copy where it began until it ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_committed_transactional_records_are_migrated() {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    let source = TestServer::start().await;
    let dest = TestServer::start().await;
    let (s, d) = (source.bootstrap(), dest.bootstrap());
    let timeout = Duration::from_secs(20);
    let producer = tokio::task::spawn_blocking({
        let s = s.clone();
        move || {
            ok(&["topics", "create", "ledger", "-p", "1", "-b", &s]);
            let mut c = crate::common::client_config(&s);
            c.set("transactional.id", "ledger-tx");
            let p: BaseProducer = c.create().expect("producer");
            p.init_transactions(timeout).expect("init");
            let send = |p: &BaseProducer, v: &str| {
                p.send(BaseRecord::<(), str>::to("ledger").partition(0).payload(v))
                    .expect("enqueue");
            };
            p.begin_transaction().expect("begin");
            send(&p, "kept-1");
            send(&p, "kept-2");
            p.commit_transaction(timeout).expect("commit");
            p.begin_transaction().expect("begin");
            send(&p, "dropped");
            p.flush(timeout).expect("flush");
            p.abort_transaction(timeout).expect("abort");
            p.begin_transaction().expect("begin");
            send(&p, "later");
            p.flush(timeout).expect("flush");
            p
        }
    })
    .await
    .expect("source");
    let run = {
        let (s, d) = (s.clone(), d.clone());
        move || {
            ok(&[
                "migrate",
                "from-kafka",
                "--kafka-servers",
                &s,
                "-b",
                &d,
                "--execute",
            ]);
            ok(&["consume", "ledger", "-b", &d])
        }
    };
    let copied = tokio::task::spawn_blocking(run.clone())
        .await
        .expect("first run");
    assert_eq!(copied, "kept-1\nkept-2\n");
    tokio::task::spawn_blocking(move || producer.commit_transaction(timeout).expect("commit"))
        .await
        .expect("commit");
    let copied = tokio::task::spawn_blocking(run).await.expect("second run");
    assert_eq!(copied, "kept-1\nkept-2\nlater\n");
}
