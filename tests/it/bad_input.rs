//! Hostile and malformed input over a raw socket: each case gets a Kafka error code or a closed
//! connection, and the broker keeps serving everyone else.

use std::time::Duration;

use crate::common::raw::{frame, read_frame};
use crate::common::{consume, producer, value_str, TestServer};
use bytes::{Buf, BufMut, Bytes, BytesMut};
use kafka_protocol::messages::create_topics_request::CreatableTopic;
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::CreateTopicsResponse;
use kafka_protocol::messages::{
    ApiKey, ApiVersionsResponse, CreateTopicsRequest, MetadataRequest, ProduceRequest,
    ProduceResponse, RequestHeader, ResponseHeader, TopicName,
};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use kafka_protocol::records::{
    Compression, Record, RecordBatchEncoder, RecordEncodeOptions, TimestampType,
};
use rdkafka::producer::FutureRecord;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

async fn connect(server: &TestServer) -> TcpStream {
    TcpStream::connect(server.addr()).await.expect("connect")
}

async fn assert_closed(mut stream: TcpStream, what: &str) {
    assert!(
        read_frame(&mut stream).await.is_none(),
        "{what}: connection should be closed"
    );
}

/// The broker still serves a real client.
async fn assert_still_serving(server: &TestServer, topic: &str) {
    let p = producer(&server.bootstrap(), &[]);
    p.send(
        FutureRecord::<str, str>::to(topic)
            .partition(0)
            .payload("still alive"),
        Duration::from_secs(15),
    )
    .await
    .expect("a normal client still works");
    let got = consume(&server.bootstrap(), topic, 0, 0, 1);
    assert_eq!(value_str(&got[0]), "still alive");
}

fn record_batch(value: &str) -> BytesMut {
    let record = Record {
        transactional: false,
        control: false,
        delete_horizon: false,
        partition_leader_epoch: -1,
        producer_id: -1,
        producer_epoch: -1,
        timestamp_type: TimestampType::Creation,
        offset: 0,
        sequence: -1,
        timestamp: 1_700_000_000_000,
        key: None,
        value: Some(Bytes::copy_from_slice(value.as_bytes())),
        headers: Default::default(),
    };
    let mut buf = BytesMut::new();
    RecordBatchEncoder::encode(
        &mut buf,
        [record].iter(),
        &RecordEncodeOptions {
            version: 2,
            compression: Compression::None,
        },
    )
    .unwrap();
    buf
}

fn produce_request(topic: &str, records: Bytes) -> ProduceRequest {
    ProduceRequest::default()
        .with_acks(1)
        .with_timeout_ms(5000)
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(TopicName(StrBytes::from_string(topic.to_string())))
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(0)
                .with_records(Some(records))])])
}

async fn produce_error(server: &TestServer, records: Bytes) -> i16 {
    let mut s = connect(server).await;
    s.write_all(&frame(
        ApiKey::Produce,
        9,
        7,
        &produce_request("corrupt", records),
    ))
    .await
    .unwrap();
    let mut resp = read_frame(&mut s).await.expect("produce is answered");
    let header =
        ResponseHeader::decode(&mut resp, ApiKey::Produce.response_header_version(9)).unwrap();
    assert_eq!(header.correlation_id, 7);
    let body = ProduceResponse::decode(&mut resp, 9).unwrap();
    body.responses[0].partition_responses[0].error_code
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_frames_close_only_their_connection() {
    let server = TestServer::start().await;

    let mut s = connect(&server).await;
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    assert_closed(s, "HTTP garbage").await;

    let mut s = connect(&server).await;
    s.write_all(&i32::MAX.to_be_bytes()).await.unwrap();
    assert_closed(s, "a frame claiming 2 GiB").await;

    let mut s = connect(&server).await;
    s.write_all(&(-1i32).to_be_bytes()).await.unwrap();
    assert_closed(s, "a negative frame length").await;

    let mut s = connect(&server).await;
    s.write_all(&[0, 0, 0, 100, 0, 3, 0]).await.unwrap();
    drop(s);

    let mut s = connect(&server).await;
    let mut unknown = BytesMut::new();
    unknown.put_i32(8);
    unknown.put_i16(9999);
    unknown.put_i16(0);
    unknown.put_i32(1);
    s.write_all(&unknown).await.unwrap();
    assert_closed(s, "an unknown API key").await;

    let mut s = connect(&server).await;
    let mut old = frame(ApiKey::Produce, 3, 1, &produce_request("t", Bytes::new()));
    old[6..8].copy_from_slice(&2i16.to_be_bytes());
    s.write_all(&old).await.unwrap();
    assert_closed(s, "an unsupported Produce version").await;

    // A Metadata request whose topic array claims two billion entries.
    let mut s = connect(&server).await;
    let mut claim = BytesMut::new();
    let header = RequestHeader::default()
        .with_request_api_key(ApiKey::Metadata as i16)
        .with_request_api_version(4)
        .with_correlation_id(3);
    header.encode(&mut claim, 1).unwrap();
    claim.put_i32(i32::MAX);
    claim.put_slice(&[0, 1, b'x']);
    let mut framed = (claim.len() as i32).to_be_bytes().to_vec();
    framed.extend_from_slice(&claim);
    s.write_all(&framed).await.unwrap();
    assert_closed(s, "an array length claim far beyond the frame").await;

    assert_still_serving(&server, "survivor").await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_versions_from_the_future_gets_the_kip_511_answer() {
    let server = TestServer::start().await;
    let mut s = connect(&server).await;
    s.write_all(&frame(
        ApiKey::ApiVersions,
        3,
        42,
        &kafka_protocol::messages::ApiVersionsRequest::default(),
    ))
    .await
    .unwrap();
    // Rewrite the version field to one from the future, keeping the v3 header layout.
    let mut req = frame(
        ApiKey::ApiVersions,
        3,
        43,
        &kafka_protocol::messages::ApiVersionsRequest::default(),
    );
    req[6..8].copy_from_slice(&99i16.to_be_bytes());
    let mut first = read_frame(&mut s).await.expect("v3 answered");
    let header = ResponseHeader::decode(&mut first, 0).unwrap();
    assert_eq!(header.correlation_id, 42);
    let v3 = ApiVersionsResponse::decode(&mut first, 3).unwrap();
    assert_eq!(v3.error_code, 0);
    s.write_all(&req).await.unwrap();
    let mut resp = read_frame(&mut s).await.expect("answered, not closed");
    let header = ResponseHeader::decode(&mut resp, 0).unwrap();
    assert_eq!(header.correlation_id, 43);
    let body = ApiVersionsResponse::decode(&mut resp, 0).unwrap();
    assert_eq!(body.error_code, 35, "UNSUPPORTED_VERSION");
    let api_versions = body
        .api_keys
        .iter()
        .find(|k| k.api_key == 18)
        .expect("ApiVersions listed");
    assert_eq!((api_versions.min_version, api_versions.max_version), (0, 4));
    assert_eq!(resp.remaining(), 0);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrupt_batches_are_refused_and_nothing_is_stored() {
    let server = TestServer::start().await;
    let good = record_batch("fine");

    let mut bad_crc = good.clone();
    let last = bad_crc.len() - 1;
    bad_crc[last] ^= 0xff;
    assert_eq!(
        produce_error(&server, bad_crc.freeze()).await,
        2,
        "CORRUPT_MESSAGE for a bad CRC"
    );

    let mut bad_length = good.clone();
    bad_length[8..12].copy_from_slice(&10_000i32.to_be_bytes());
    assert_ne!(
        produce_error(&server, bad_length.freeze()).await,
        0,
        "a wrong batch length is refused"
    );

    let truncated = good.clone().freeze().slice(..good.len() - 5);
    assert_ne!(
        produce_error(&server, truncated).await,
        0,
        "a truncated batch is refused"
    );

    let mut old_magic = good.clone();
    old_magic[16] = 1;
    assert_ne!(
        produce_error(&server, old_magic.freeze()).await,
        0,
        "magic 1 is refused"
    );

    let topic = server
        .server
        .broker()
        .topic("corrupt")
        .expect("auto-created");
    let partition = topic.partition(0).expect("partition 0");
    assert_eq!(
        partition.offsets().log_end_offset,
        0,
        "nothing was appended"
    );

    assert_eq!(
        produce_error(&server, good.freeze()).await,
        0,
        "the intact batch is accepted"
    );
    assert_eq!(partition.offsets().log_end_offset, 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn absurd_create_topics_requests_get_error_codes() {
    let server = TestServer::start().await;
    let mut s = connect(&server).await;
    let topics = vec![
        CreatableTopic::default()
            .with_name(TopicName(StrBytes::from_static_str("huge")))
            .with_num_partitions(i32::MAX)
            .with_replication_factor(1),
        CreatableTopic::default()
            .with_name(TopicName(StrBytes::from_static_str("../../etc")))
            .with_num_partitions(1)
            .with_replication_factor(1),
        CreatableTopic::default()
            .with_name(TopicName(StrBytes::from_string("y".repeat(250))))
            .with_num_partitions(1)
            .with_replication_factor(1),
    ];
    let req = CreateTopicsRequest::default()
        .with_topics(topics)
        .with_timeout_ms(5000);
    s.write_all(&frame(ApiKey::CreateTopics, 5, 9, &req))
        .await
        .unwrap();
    let mut resp = read_frame(&mut s).await.expect("answered");
    ResponseHeader::decode(&mut resp, ApiKey::CreateTopics.response_header_version(5)).unwrap();
    let body = CreateTopicsResponse::decode(&mut resp, 5).unwrap();
    let codes: Vec<i16> = body.topics.iter().map(|t| t.error_code).collect();
    assert_eq!(
        codes,
        [37, 17, 17],
        "INVALID_PARTITIONS, INVALID_TOPIC_EXCEPTION twice"
    );

    let meta = MetadataRequest::default().with_topics(None);
    s.write_all(&frame(ApiKey::Metadata, 9, 10, &meta))
        .await
        .unwrap();
    assert!(
        read_frame(&mut s).await.is_some(),
        "the connection stays usable"
    );
    assert!(server.server.broker().topics().is_empty());
    server.stop().await;
}
