//! Transaction figures for docs/BENCHMARKS.md (§10), with librdkafka against a real
//! `streamline serve` started in this process on a fresh data directory (disk, default fsync
//! policy: acks=all and every transaction step fsynced):
//!
//! 1. plain acks=all, idempotent producer: N 100-byte records, 3 partitions, as fast as the
//!    producer pipelines them;
//! 2. transactional producers writing the same records in transactions of 100 records
//!    (begin, 100 sends, commit), with 1, 4, 16 and 64 producers (distinct transactional ids)
//!    running at once;
//! 3. consuming the transactional topic — records interleaved with commit markers — with
//!    `isolation.level` read_committed against read_uncommitted.
//!
//! Run: `cargo bench --bench transactions` (RECORDS=N to change the record count).

use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::producer::{
    BaseRecord, DefaultProducerContext, FutureProducer, FutureRecord, Producer, ThreadedProducer,
};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientConfig, Offset, TopicPartitionList};
use streamline::config::ServerConfig;
use streamline::server::Server;

const PARTITIONS: i32 = 3;
const TXN_RECORDS: usize = 100;
const TIMEOUT: Duration = Duration::from_secs(60);

fn config(bootstrap: &str) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", bootstrap)
        .set("linger.ms", "5")
        .set("log_level", "3");
    c
}

async fn plain(bootstrap: &str, records: usize, value: &[u8]) -> anyhow::Result<f64> {
    let producer: FutureProducer = config(bootstrap)
        .set("acks", "all")
        .set("enable.idempotence", "true")
        .create()?;
    let started = Instant::now();
    let mut deliveries = Vec::with_capacity(records);
    for _ in 0..records {
        loop {
            match producer.send_result(FutureRecord::<(), [u8]>::to("plain").payload(value)) {
                Ok(d) => {
                    deliveries.push(d);
                    break;
                }
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                    tokio::time::sleep(Duration::from_micros(500)).await;
                }
                Err((e, _)) => return Err(e.into()),
            }
        }
    }
    for d in deliveries {
        d.await?.map_err(|(e, _)| e)?;
    }
    Ok(records as f64 / started.elapsed().as_secs_f64())
}

/// One transactional producer writing `transactions` transactions of 100 records.
///
/// The commit calls librdkafka directly: the `rdkafka` crate's `commit_transaction` first
/// flushes through a poll loop that always runs its full 100 ms, which would measure the
/// crate, not the broker. A `ThreadedProducer` serves delivery reports on its own thread.
fn transactional(
    bootstrap: &str,
    id: &str,
    transactions: usize,
    value: &[u8],
) -> anyhow::Result<()> {
    let producer: ThreadedProducer<DefaultProducerContext> =
        config(bootstrap).set("transactional.id", id).create()?;
    producer.init_transactions(TIMEOUT)?;
    for _ in 0..transactions {
        producer.begin_transaction()?;
        for _ in 0..TXN_RECORDS {
            loop {
                match producer.send(BaseRecord::<(), [u8]>::to("txn").payload(value)) {
                    Ok(()) => break,
                    Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                        std::thread::sleep(Duration::from_millis(1));
                    }
                    Err((e, _)) => return Err(e.into()),
                }
            }
        }
        // SAFETY: the handle is valid for the producer's lifetime; a returned error object is
        // read and destroyed here.
        unsafe {
            let error = rdkafka::bindings::rd_kafka_commit_transaction(
                producer.client().native_ptr(),
                TIMEOUT.as_millis() as i32,
            );
            if !error.is_null() {
                let message =
                    std::ffi::CStr::from_ptr(rdkafka::bindings::rd_kafka_error_string(error))
                        .to_string_lossy()
                        .into_owned();
                rdkafka::bindings::rd_kafka_error_destroy(error);
                anyhow::bail!("commit failed: {message}");
            }
        }
    }
    Ok(())
}

fn transactions(
    bootstrap: &str,
    records: usize,
    producers: usize,
    value: &[u8],
) -> anyhow::Result<f64> {
    let per_producer = records / producers / TXN_RECORDS;
    let started = Instant::now();
    std::thread::scope(|s| -> anyhow::Result<()> {
        let handles: Vec<_> = (0..producers)
            .map(|i| {
                let id = format!("bench-{producers}-{i}");
                s.spawn(move || transactional(bootstrap, &id, per_producer, value))
            })
            .collect();
        for h in handles {
            h.join()
                .map_err(|_| anyhow::anyhow!("producer thread panicked"))??;
        }
        Ok(())
    })?;
    Ok((per_producer * producers * TXN_RECORDS) as f64 / started.elapsed().as_secs_f64())
}

/// Reads every record of `topic` with `isolation`; returns records per second.
fn consume(bootstrap: &str, topic: &str, records: usize, isolation: &str) -> anyhow::Result<f64> {
    let consumer: BaseConsumer = config(bootstrap)
        .set("group.id", format!("bench-{isolation}"))
        .set("isolation.level", isolation)
        .set("enable.auto.commit", "false")
        .create()?;
    let mut tpl = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        tpl.add_partition_offset(topic, p, Offset::Beginning)?;
    }
    consumer.assign(&tpl)?;
    let started = Instant::now();
    let mut seen = 0;
    while seen < records {
        if let Some(m) = consumer.poll(Duration::from_millis(500)) {
            m?;
            seen += 1;
        }
        anyhow::ensure!(
            started.elapsed() < TIMEOUT,
            "consumed only {seen} of {records}"
        );
    }
    Ok(records as f64 / started.elapsed().as_secs_f64())
}

fn main() -> anyhow::Result<()> {
    let records: usize = std::env::var("RECORDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200_000);
    let runtime = tokio::runtime::Runtime::new()?;
    let tmp = tempfile::tempdir()?;
    let config = ServerConfig {
        listen_addr: "127.0.0.1:0".parse()?,
        data_dir: tmp.path().join("data"),
        log_level: "warn".into(),
        ..ServerConfig::default()
    };
    let server = runtime.block_on(Server::start(config))?;
    let bootstrap = server.local_addr().to_string();
    for topic in ["plain", "txn"] {
        server
            .broker()
            .create_topic(topic, PARTITIONS, Default::default(), false)?;
    }
    let value = vec![b'x'; 100];
    let plain_rate = runtime.block_on(plain(&bootstrap, records, &value))?;
    println!("plain acks=all idempotent, {records} x 100 B: {plain_rate:.0} records/s");
    let mut written = 0;
    for producers in [1, 4, 16, 64] {
        let rate = transactions(&bootstrap, records, producers, &value)?;
        written += records / producers / TXN_RECORDS * producers * TXN_RECORDS;
        println!(
            "transactional, {TXN_RECORDS}-record transactions, {producers} producer(s): {rate:.0} records/s ({:.0} % of plain)",
            rate / plain_rate * 100.0
        );
    }
    for isolation in ["read_uncommitted", "read_committed"] {
        let rate = consume(&bootstrap, "txn", written, isolation)?;
        println!("consume {written} transactional records, {isolation}: {rate:.0} records/s");
    }
    runtime.block_on(server.shutdown())?;
    Ok(())
}
