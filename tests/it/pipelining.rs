//! Pipelined requests on one connection: appends happen in request order, responses leave in
//! request order, and acks=all produces that arrive together share fsyncs (they all complete).

use crate::common::raw::{frame, read_frame};
use crate::common::TestServer;
use bytes::Bytes;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{
    ApiKey, FetchRequest, MetadataRequest, ProduceRequest, ProduceResponse, ResponseHeader,
    TopicName,
};
use kafka_protocol::protocol::{Decodable, StrBytes};
use streamline::client::produce::{encode_batch, OutgoingRecord};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

fn produce(value: &str) -> ProduceRequest {
    let batch = encode_batch(
        &[OutgoingRecord {
            value: Some(Bytes::copy_from_slice(value.as_bytes())),
            timestamp: 1,
            ..Default::default()
        }],
        kafka_protocol::records::Compression::None,
    )
    .unwrap();
    ProduceRequest::default()
        .with_acks(-1)
        .with_timeout_ms(5000)
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(TopicName(StrBytes::from_static_str("piped")))
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(0)
                .with_records(Some(batch))])])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_requests_are_answered_in_order() {
    let server = TestServer::start().await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    let mut burst = Vec::new();
    for i in 0..20 {
        burst.extend(frame(ApiKey::Produce, 9, i, &produce(&format!("m{i}"))));
    }
    // A long-polling fetch for data that never comes, then a metadata request: the metadata
    // answer must wait for the fetch's, which ends at max_wait.
    let fetch = FetchRequest::default()
        .with_max_wait_ms(300)
        .with_min_bytes(1 << 30)
        .with_max_bytes(1 << 20)
        .with_topics(vec![FetchTopic::default()
            .with_topic(TopicName(StrBytes::from_static_str("piped")))
            .with_partitions(vec![FetchPartition::default()
                .with_partition(0)
                .with_fetch_offset(20)
                .with_partition_max_bytes(1 << 20)])]);
    burst.extend(frame(ApiKey::Fetch, 12, 20, &fetch));
    burst.extend(frame(
        ApiKey::Metadata,
        12,
        21,
        &MetadataRequest::default().with_topics(None),
    ));
    s.write_all(&burst).await.unwrap();

    for i in 0..20 {
        let mut resp = read_frame(&mut s).await.expect("a response");
        let header =
            ResponseHeader::decode(&mut resp, ApiKey::Produce.response_header_version(9)).unwrap();
        assert_eq!(
            header.correlation_id, i,
            "responses come back in request order"
        );
        let body = ProduceResponse::decode(&mut resp, 9).unwrap();
        let p = &body.responses[0].partition_responses[0];
        assert_eq!(
            (p.error_code, p.base_offset),
            (0, i64::from(i)),
            "appends happen in request order"
        );
    }
    for expected in [20, 21] {
        let mut resp = read_frame(&mut s).await.expect("a response");
        let header = ResponseHeader::decode(&mut resp, 1).unwrap();
        assert_eq!(header.correlation_id, expected);
    }
    server.stop().await;
}
