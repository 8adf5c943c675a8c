//! Idempotent producers: librdkafka with enable.idempotence works; a retried batch is
//! acknowledged with its original offset and not written twice; gaps and stale epochs are
//! refused; the state survives a restart.

use crate::common::raw::call;
use crate::common::{consume, producer, value_str, TestServer};
use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{
    ApiKey, InitProducerIdRequest, InitProducerIdResponse, ProduceRequest, ProduceResponse,
    TopicName,
};
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::{
    Compression, Record, RecordBatchEncoder, RecordEncodeOptions, TimestampType,
};
use rdkafka::producer::FutureRecord;
use tokio::net::TcpStream;

fn batch(producer_id: i64, epoch: i16, first_seq: i32, values: &[&str]) -> Bytes {
    let records: Vec<Record> = values
        .iter()
        .enumerate()
        .map(|(i, v)| Record {
            transactional: false,
            control: false,
            delete_horizon: false,
            partition_leader_epoch: -1,
            producer_id,
            producer_epoch: epoch,
            timestamp_type: TimestampType::Creation,
            offset: i as i64,
            sequence: first_seq + i as i32,
            timestamp: 1_700_000_000_000,
            key: None,
            value: Some(Bytes::copy_from_slice(v.as_bytes())),
            headers: Default::default(),
        })
        .collect();
    let mut buf = BytesMut::new();
    RecordBatchEncoder::encode(
        &mut buf,
        records.iter(),
        &RecordEncodeOptions {
            version: 2,
            compression: Compression::None,
        },
    )
    .unwrap();
    buf.freeze()
}

/// Produces one batch; returns (error code, base offset).
async fn produce(stream: &mut TcpStream, records: Bytes) -> (i16, i64) {
    let req = ProduceRequest::default()
        .with_acks(-1)
        .with_timeout_ms(5000)
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(TopicName(StrBytes::from_static_str("idem")))
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(0)
                .with_records(Some(records))])]);
    let resp: ProduceResponse = call(stream, ApiKey::Produce, 9, &req).await;
    let p = &resp.responses[0].partition_responses[0];
    (p.error_code, p.base_offset)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn librdkafka_idempotent_producer_works() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let p = producer(
        &bootstrap,
        &[("enable.idempotence", "true"), ("acks", "all")],
    );
    let mut deliveries = Vec::new();
    for i in 0..500 {
        let value = format!("idempotent-{i}");
        deliveries.push(
            p.send_result(
                FutureRecord::<str, str>::to("rdk-idem")
                    .partition(0)
                    .payload(&value),
            )
            .expect("enqueue"),
        );
    }
    for (i, d) in deliveries.into_iter().enumerate() {
        let delivery = d.await.expect("not cancelled").expect("delivered");
        assert_eq!(delivery.offset, i as i64);
    }
    let got = consume(&bootstrap, "rdk-idem", 0, 0, 500);
    assert_eq!(value_str(&got[499]), "idempotent-499");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retries_are_deduplicated_gaps_and_old_epochs_refused_across_restarts() {
    let server = TestServer::start().await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    let init: InitProducerIdResponse = call(
        &mut s,
        ApiKey::InitProducerId,
        4,
        &InitProducerIdRequest::default()
            .with_transactional_id(None)
            .with_transaction_timeout_ms(60_000),
    )
    .await;
    assert_eq!(init.error_code, 0);
    let pid = init.producer_id.0;
    assert!(pid >= 0);
    assert_eq!(init.producer_epoch, 0);

    assert_eq!(produce(&mut s, batch(pid, 0, 0, &["a", "b"])).await, (0, 0));
    assert_eq!(produce(&mut s, batch(pid, 0, 2, &["c"])).await, (0, 2));
    // A retry of the first batch: acknowledged with its original offset, not written again.
    assert_eq!(produce(&mut s, batch(pid, 0, 0, &["a", "b"])).await, (0, 0));
    let (gap, _) = produce(&mut s, batch(pid, 0, 5, &["x"])).await;
    assert_eq!(gap, 45, "OUT_OF_ORDER_SEQUENCE_NUMBER");
    let partition = server
        .server
        .broker()
        .partition("idem", 0)
        .expect("partition");
    assert_eq!(partition.offsets().log_end_offset, 3);

    let other: InitProducerIdResponse = call(
        &mut s,
        ApiKey::InitProducerId,
        4,
        &InitProducerIdRequest::default()
            .with_transactional_id(None)
            .with_transaction_timeout_ms(60_000),
    )
    .await;
    assert_ne!(other.producer_id.0, pid, "every producer gets its own id");
    drop(s);
    let (dir, tmp) = server.stop().await;

    let server = TestServer::start_in(&dir, |_| {}).await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    assert_eq!(
        produce(&mut s, batch(pid, 0, 2, &["c"])).await,
        (0, 2),
        "still a duplicate after restart"
    );
    assert_eq!(
        produce(&mut s, batch(pid, 0, 3, &["d"])).await,
        (0, 3),
        "the sequence continues"
    );
    assert_eq!(
        produce(&mut s, batch(pid, 0, 3, &["d"])).await,
        (0, 3),
        "and its retry is a duplicate"
    );
    assert_eq!(
        produce(&mut s, batch(pid, 1, 0, &["e"])).await,
        (0, 4),
        "a new epoch starts at sequence 0"
    );
    let (fenced, _) = produce(&mut s, batch(pid, 0, 4, &["f"])).await;
    assert_eq!(fenced, 47, "INVALID_PRODUCER_EPOCH for the old epoch");
    let got = consume(&server.bootstrap(), "idem", 0, 0, 5);
    let values: Vec<String> = got.iter().map(value_str).collect();
    assert_eq!(values, ["a", "b", "c", "d", "e"]);
    server.stop().await;
    drop(tmp);
}

/// The network loses the answer to a Produce: librdkafka reconnects and sends the batch again,
/// and the broker acknowledges it with its original offsets instead of writing it twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_produce_response_is_retried_without_duplicates() {
    use rdkafka::consumer::Consumer;
    let (proxy, listener) = crate::common::proxy::Proxy::bind().await;
    let advertised = proxy.addr.to_string();
    let server = TestServer::start_with(|c| c.advertised_addr = Some(advertised)).await;
    proxy.forward_to(listener, server.addr());
    let through_proxy = proxy.addr.to_string();
    let p = producer(
        &through_proxy,
        &[("enable.idempotence", "true"), ("linger.ms", "20")],
    );
    let timeout = std::time::Duration::from_secs(20);
    p.send(
        FutureRecord::<str, str>::to("lossy")
            .partition(0)
            .payload("m0"),
        timeout,
    )
    .await
    .expect("first record");
    proxy.drop_next_produce_response();
    let values: Vec<String> = (1..=20).map(|i| format!("m{i}")).collect();
    let deliveries: Vec<_> = values
        .iter()
        .map(|v| {
            p.send_result(
                FutureRecord::<str, str>::to("lossy")
                    .partition(0)
                    .payload(v),
            )
            .expect("enqueue")
        })
        .collect();
    let mut offsets = Vec::new();
    for d in deliveries {
        let delivery = d.await.expect("not cancelled").expect("delivered");
        offsets.push(delivery.offset);
    }
    assert_eq!(proxy.dropped(), 1, "one response was lost on the way");
    assert_eq!(offsets, (1..=20).collect::<Vec<i64>>());
    let direct = server.bootstrap();
    let got: Vec<String> = tokio::task::spawn_blocking(move || {
        let consumer = crate::common::consumer(&direct, &[]);
        let (_, high) = consumer
            .fetch_watermarks("lossy", 0, timeout)
            .expect("watermarks");
        assert_eq!(high, 21, "nothing was written twice");
        consume(&direct, "lossy", 0, 0, 21)
            .iter()
            .map(value_str)
            .collect()
    })
    .await
    .expect("consume");
    let want: Vec<String> = std::iter::once("m0".to_string()).chain(values).collect();
    assert_eq!(got, want);
}

/// `streamline produce -X enable.idempotence=true` through a network that loses the answer
/// to its first Produce: the client sends the batch again on a new connection, the broker
/// recognises it by its sequence numbers, and every record is in the log exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_toolbox_idempotent_producer_resends_without_duplicates() {
    let (proxy, listener) = crate::common::proxy::Proxy::bind().await;
    let advertised = proxy.addr.to_string();
    let server = TestServer::start_with(|c| c.advertised_addr = Some(advertised)).await;
    proxy.forward_to(listener, server.addr());
    server
        .server
        .broker()
        .create_topic("resent", 1, Default::default(), false)
        .expect("topic");
    proxy.drop_next_produce_response();
    let through_proxy = proxy.addr.to_string();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_streamline"))
            .args(["produce", "resent", "-n", "50", "--template", "r{{i}}"])
            .args(["-X", "enable.idempotence=true", "-b", &through_proxy])
            .args(["--request-timeout", "5s"])
            .env_remove("STREAMLINE_BROKERS")
            .env_remove("STREAMLINE_DATA_DIR")
            .output()
            .expect("produce")
    })
    .await
    .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(proxy.dropped(), 1, "the first answer was lost");
    let end = server
        .server
        .broker()
        .partition("resent", 0)
        .expect("partition")
        .offsets()
        .log_end_offset;
    assert_eq!(end, 50, "written once, though sent twice");
    server.stop().await;
}
