//! Transactions with librdkafka: committed records become visible to read_committed consumers
//! and aborted ones never do; offsets sent to a transaction take effect with its commit; a
//! second producer with the same transactional id fences the first; a transaction past its
//! timeout is aborted; an open transaction survives a broker restart.

mod common;

use std::time::{Duration, Instant};

use common::TestServer;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::Message;
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};

const TIMEOUT: Duration = Duration::from_secs(20);

fn transactional_producer(bootstrap: &str, id: &str, extra: &[(&str, &str)]) -> BaseProducer {
    let mut c = common::client_config(bootstrap);
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
    let consumer = common::consumer(bootstrap, &[("isolation.level", isolation)]);
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
        common::admin_create(&b, "tx", 2);
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
        common::admin_create(&b, "held", 1);
        let p = transactional_producer(&b, "held-1", &[]);
        p.begin_transaction().expect("begin");
        send(&p, "held", 0, "pending");
        p.flush(TIMEOUT).expect("flush");
        assert!(read_all(&b, "held", 1, "read_committed").is_empty());
        assert_eq!(read_all(&b, "held", 1, "read_uncommitted"), ["pending"]);
        p.commit_transaction(TIMEOUT).expect("commit");
        assert_eq!(read_all(&b, "held", 1, "read_committed"), ["pending"]);
        let consumer: BaseConsumer = common::consumer(&b, &[("isolation.level", "read_committed")]);
        let (_, high) = consumer
            .fetch_watermarks("held", 0, TIMEOUT)
            .expect("watermarks");
        assert_eq!(high, 2, "one record and its commit marker");
    })
    .await
    .expect("test");
}
