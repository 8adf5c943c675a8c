//! Transactions with librdkafka: committed records become visible to read_committed consumers
//! and aborted ones never do; offsets sent to a transaction take effect with its commit; a
//! second producer with the same transactional id fences the first; a transaction past its
//! timeout is aborted; an open transaction survives a broker restart.

use std::time::{Duration, Instant};

use crate::common::TestServer;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::Message;
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};

const TIMEOUT: Duration = Duration::from_secs(20);

fn transactional_producer(bootstrap: &str, id: &str, extra: &[(&str, &str)]) -> BaseProducer {
    let mut c = crate::common::client_config(bootstrap);
    c.set("transactional.id", id).set("linger.ms", "1");
    for (k, v) in extra {
        c.set(*k, *v);
    }
    let p: BaseProducer = c.create().expect("producer");
    p.init_transactions(TIMEOUT).expect("init_transactions");
    p
}

fn send(p: &BaseProducer, topic: &str, partition: i32, value: &str) {
    loop {
        match p.send(
            BaseRecord::<(), str>::to(topic)
                .partition(partition)
                .payload(value),
        ) {
            Ok(()) => return,
            Err((
                KafkaError::MessageProduction(rdkafka::types::RDKafkaErrorCode::QueueFull),
                _,
            )) => {
                p.poll(Duration::from_millis(10));
            }
            Err((e, _)) => panic!("send: {e}"),
        }
    }
}

/// Every value a consumer with `isolation` reads from the start of `topic` (all partitions)
/// until nothing new arrives for a second.
fn read_all(bootstrap: &str, topic: &str, partitions: i32, isolation: &str) -> Vec<String> {
    let consumer = crate::common::consumer(bootstrap, &[("isolation.level", isolation)]);
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition_offset(topic, p, Offset::Beginning)
            .expect("tpl");
    }
    consumer.assign(&tpl).expect("assign");
    let mut out = Vec::new();
    let mut quiet_since = Instant::now();
    let started = Instant::now();
    while quiet_since.elapsed() < Duration::from_secs(1) && started.elapsed() < TIMEOUT {
        match consumer.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => {
                out.push(String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned());
                quiet_since = Instant::now();
            }
            Some(Err(e)) => panic!("consume: {e}"),
            None => {}
        }
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn committed_transactions_are_visible_and_aborted_ones_never_are() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        crate::common::admin_create(&b, "tx", 2);
        let p = transactional_producer(&b, "tx-1", &[]);
        p.begin_transaction().expect("begin");
        for i in 0..10 {
            send(&p, "tx", i % 2, &format!("committed-a{i}"));
        }
        p.commit_transaction(TIMEOUT).expect("commit");
        p.begin_transaction().expect("begin");
        for i in 0..5 {
            send(&p, "tx", i % 2, &format!("aborted-{i}"));
        }
        p.flush(TIMEOUT).expect("flush");
        p.abort_transaction(TIMEOUT).expect("abort");
        p.begin_transaction().expect("begin");
        for i in 0..3 {
            send(&p, "tx", i % 2, &format!("committed-b{i}"));
        }
        p.commit_transaction(TIMEOUT).expect("commit");

        let committed = read_all(&b, "tx", 2, "read_committed");
        let mut want: Vec<String> = (0..10)
            .map(|i| format!("committed-a{i}"))
            .chain((0..3).map(|i| format!("committed-b{i}")))
            .collect();
        want.sort();
        assert_eq!(committed, want);
        let everything = read_all(&b, "tx", 2, "read_uncommitted");
        assert_eq!(everything.len(), 18, "{everything:?}");
        assert_eq!(
            everything
                .iter()
                .filter(|v| v.starts_with("aborted"))
                .count(),
            5
        );
    })
    .await
    .expect("test");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_transaction_holds_back_read_committed_consumers() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        crate::common::admin_create(&b, "held", 1);
        let p = transactional_producer(&b, "held-1", &[]);
        p.begin_transaction().expect("begin");
        send(&p, "held", 0, "pending");
        p.flush(TIMEOUT).expect("flush");
        assert!(read_all(&b, "held", 1, "read_committed").is_empty());
        assert_eq!(read_all(&b, "held", 1, "read_uncommitted"), ["pending"]);
        p.commit_transaction(TIMEOUT).expect("commit");
        assert_eq!(read_all(&b, "held", 1, "read_committed"), ["pending"]);
        let consumer: BaseConsumer =
            crate::common::consumer(&b, &[("isolation.level", "read_committed")]);
        let (_, high) = consumer
            .fetch_watermarks("held", 0, TIMEOUT)
            .expect("watermarks");
        assert_eq!(high, 2, "one record and its commit marker");
    })
    .await
    .expect("test");
}

/// Reads up to 10 records, then writes their transformation and their offsets in one
/// transaction. Returns the number of records processed, or stops with a transaction open
/// (leaking the producer, as a process that dies would) after `crash_after` records.
fn process(b: &str, crash_after: Option<usize>) -> usize {
    let consumer = crate::common::consumer(
        b,
        &[
            ("group.id", "etl"),
            ("isolation.level", "read_committed"),
            ("auto.offset.reset", "earliest"),
        ],
    );
    let mut tpl = TopicPartitionList::new();
    for p in 0..2 {
        tpl.add_partition_offset("in", p, Offset::Stored)
            .expect("tpl");
    }
    consumer.assign(&tpl).expect("assign");
    let producer = transactional_producer(b, "etl-tx", &[]);
    let mut processed = 0;
    loop {
        let mut batch = Vec::new();
        let deadline = Instant::now() + Duration::from_millis(1500);
        while batch.len() < 10 && Instant::now() < deadline {
            match consumer.poll(Duration::from_millis(100)) {
                Some(Ok(m)) => batch.push(m.detach()),
                Some(Err(e)) => panic!("consume: {e}"),
                None => {}
            }
        }
        if batch.is_empty() {
            return processed;
        }
        producer.begin_transaction().expect("begin");
        let mut next = TopicPartitionList::new();
        for m in &batch {
            let value = String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned();
            send(&producer, "out", m.partition(), &format!("out-{value}"));
            next.add_partition_offset("in", m.partition(), Offset::Offset(m.offset() + 1))
                .expect("offset");
        }
        if crash_after.is_some_and(|n| processed + batch.len() > n) {
            producer.flush(TIMEOUT).expect("flush");
            std::mem::forget(producer);
            return processed;
        }
        let metadata = consumer.group_metadata().expect("group metadata");
        producer
            .send_offsets_to_transaction(&next, &metadata, TIMEOUT)
            .expect("send offsets");
        producer.commit_transaction(TIMEOUT).expect("commit");
        processed += batch.len();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consume_transform_produce_is_exactly_once_across_a_crash() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    {
        let b = b.clone();
        tokio::task::spawn_blocking(move || {
            crate::common::admin_create(&b, "in", 2);
            crate::common::admin_create(&b, "out", 2);
        })
        .await
        .expect("topics");
    }
    crate::common::produce_to_partitions(&b, "in", 2, 100).await;
    tokio::task::spawn_blocking(move || {
        let first = process(&b, Some(35));
        assert_eq!(first, 30, "three transactions committed before the crash");
        // The restarted processor fences the dead one (aborting its open transaction) and
        // carries on from the committed offsets.
        let second = process(&b, None);
        assert_eq!(first + second, 100);
        let out = read_all(&b, "out", 2, "read_committed");
        let mut want: Vec<String> = (0..100).map(|i| format!("out-m{i}")).collect();
        want.sort();
        assert_eq!(out, want, "every input exactly once");
        let everything = read_all(&b, "out", 2, "read_uncommitted");
        assert_eq!(
            everything.len(),
            110,
            "the crashed transaction's 10 records, aborted"
        );
    })
    .await
    .expect("test");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_producer_with_the_same_id_fences_the_first() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        crate::common::admin_create(&b, "fenced", 1);
        let first = transactional_producer(&b, "shared-id", &[]);
        first.begin_transaction().expect("begin");
        send(&first, "fenced", 0, "from-the-zombie");
        first.flush(TIMEOUT).expect("flush");
        let second = transactional_producer(&b, "shared-id", &[]);
        let refused = first
            .commit_transaction(TIMEOUT)
            .expect_err("the fenced producer cannot commit");
        let code = match &refused {
            KafkaError::Transaction(e) => e.code(),
            other => panic!("unexpected error {other:?}"),
        };
        assert_eq!(code, rdkafka::types::RDKafkaErrorCode::Fenced, "{refused}");
        second.begin_transaction().expect("begin");
        send(&second, "fenced", 0, "from-the-new-producer");
        second.commit_transaction(TIMEOUT).expect("commit");
        assert_eq!(
            read_all(&b, "fenced", 1, "read_committed"),
            ["from-the-new-producer"]
        );
    })
    .await
    .expect("test");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_past_its_timeout_is_aborted() {
    let server = TestServer::start().await;
    let b = server.bootstrap();
    let broker = server.server.broker().clone();
    tokio::task::spawn_blocking(move || {
        crate::common::admin_create(&b, "slow", 1);
        let p = transactional_producer(
            &b,
            "slow-1",
            &[
                ("transaction.timeout.ms", "1000"),
                ("socket.timeout.ms", "1000"),
                ("message.timeout.ms", "1000"),
            ],
        );
        p.begin_transaction().expect("begin");
        send(&p, "slow", 0, "too-late");
        p.flush(TIMEOUT).expect("flush");
        // Until the coordinator's timer has aborted it (its timeout is 1 s).
        let deadline = std::time::Instant::now() + TIMEOUT;
        while broker
            .txns
            .lock()
            .by_id
            .get("slow-1")
            .is_none_or(|t| t.state != streamline::broker::txn::state::TxnState::CompleteAbort)
        {
            assert!(std::time::Instant::now() < deadline, "never aborted");
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            p.commit_transaction(TIMEOUT).is_err(),
            "the coordinator aborted it"
        );
        assert!(read_all(&b, "slow", 1, "read_committed").is_empty());
        assert_eq!(read_all(&b, "slow", 1, "read_uncommitted"), ["too-late"]);
    })
    .await
    .expect("test");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_transaction_survives_a_broker_restart() {
    let server = TestServer::start().await;
    let addr = server.addr();
    let b = server.bootstrap();
    let p = {
        let b = b.clone();
        tokio::task::spawn_blocking(move || {
            crate::common::admin_create(&b, "restart", 1);
            let p = transactional_producer(&b, "restart-1", &[]);
            p.begin_transaction().expect("begin");
            send(&p, "restart", 0, "before");
            p.flush(TIMEOUT).expect("flush");
            p
        })
        .await
        .expect("before")
    };
    let (dir, tmp) = server.stop().await;
    let server = TestServer::start_in(&dir, |c| c.listen_addr = addr).await;
    tokio::task::spawn_blocking(move || {
        send(&p, "restart", 0, "after");
        p.commit_transaction(TIMEOUT)
            .expect("commit after the restart");
        assert_eq!(
            read_all(&b, "restart", 1, "read_committed"),
            ["after", "before"]
        );
    })
    .await
    .expect("after");
    drop(server);
    drop(tmp);
}
