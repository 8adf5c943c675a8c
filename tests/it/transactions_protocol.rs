//! The transaction APIs on the wire, with exact error codes for what clients get wrong:
//! EndTxn without a transaction, stale epochs, writes to partitions outside the transaction,
//! sequence gaps, offsets without AddOffsetsToTxn, bad timeouts — and what the admin APIs
//! (DescribeTransactions, ListTransactions, DescribeProducers) report.

use crate::common::call;
use crate::common::TestServer;
use bytes::{Bytes, BytesMut};
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::add_partitions_to_txn_request::{
    AddPartitionsToTxnTopic, AddPartitionsToTxnTransaction,
};
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::txn_offset_commit_request::{
    TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic,
};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::{
    Compression, Record, RecordBatchEncoder, RecordEncodeOptions, TimestampType,
};
use tokio::net::TcpStream;

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

fn txn(id: &str) -> TransactionalId {
    TransactionalId(s(id))
}

fn code(e: ResponseError) -> i16 {
    e.code()
}

/// A transactional batch of `n` records from sequence `first_seq`.
fn batch(producer_id: i64, epoch: i16, first_seq: i32, n: usize) -> Bytes {
    let records: Vec<Record> = (0..n)
        .map(|i| Record {
            transactional: true,
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
            value: Some(Bytes::from(format!("v{i}"))),
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
    .expect("encode");
    buf.freeze()
}

async fn produce(c: &mut TcpStream, partition: i32, records: Bytes) -> i16 {
    let req = ProduceRequest::default()
        .with_acks(-1)
        .with_timeout_ms(5000)
        .with_transactional_id(Some(txn("raw")))
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(TopicName(s("t")))
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(partition)
                .with_records(Some(records))])]);
    let resp: ProduceResponse = call(c, ApiKey::Produce, 9, &req).await;
    resp.responses[0].partition_responses[0].error_code
}

async fn init(c: &mut TcpStream, id: &str, timeout_ms: i32) -> InitProducerIdResponse {
    call(
        c,
        ApiKey::InitProducerId,
        4,
        &InitProducerIdRequest::default()
            .with_transactional_id(Some(txn(id)))
            .with_transaction_timeout_ms(timeout_ms)
            .with_producer_id(ProducerId(-1))
            .with_producer_epoch(-1),
    )
    .await
}

async fn add_partitions(
    c: &mut TcpStream,
    version: i16,
    pid: i64,
    epoch: i16,
    partitions: Vec<i32>,
) -> i16 {
    let topics = vec![AddPartitionsToTxnTopic::default()
        .with_name(TopicName(s("t")))
        .with_partitions(partitions)];
    let req = if version <= 3 {
        AddPartitionsToTxnRequest::default()
            .with_v3_and_below_transactional_id(txn("raw"))
            .with_v3_and_below_producer_id(ProducerId(pid))
            .with_v3_and_below_producer_epoch(epoch)
            .with_v3_and_below_topics(topics)
    } else {
        AddPartitionsToTxnRequest::default().with_transactions(vec![
            AddPartitionsToTxnTransaction::default()
                .with_transactional_id(txn("raw"))
                .with_producer_id(ProducerId(pid))
                .with_producer_epoch(epoch)
                .with_topics(topics),
        ])
    };
    let resp: AddPartitionsToTxnResponse = call(c, ApiKey::AddPartitionsToTxn, version, &req).await;
    let results = if version <= 3 {
        resp.results_by_topic_v3_and_below
    } else {
        resp.results_by_transaction[0].topic_results.clone()
    };
    results[0].results_by_partition[0].partition_error_code
}

async fn end(c: &mut TcpStream, id: &str, pid: i64, epoch: i16, commit: bool) -> i16 {
    let resp: EndTxnResponse = call(
        c,
        ApiKey::EndTxn,
        3,
        &EndTxnRequest::default()
            .with_transactional_id(txn(id))
            .with_producer_id(ProducerId(pid))
            .with_producer_epoch(epoch)
            .with_committed(commit),
    )
    .await;
    resp.error_code
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transaction_misuse_gets_exact_error_codes() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("t", 2, Default::default(), false)
        .expect("topic");
    let mut c = TcpStream::connect(server.addr()).await.expect("connect");

    // Bad timeouts and unknown ids.
    let bad = init(&mut c, "raw", 0).await;
    assert_eq!(
        bad.error_code,
        code(ResponseError::InvalidTransactionTimeout)
    );
    let bad = init(&mut c, "raw", 900_001).await;
    assert_eq!(
        bad.error_code,
        code(ResponseError::InvalidTransactionTimeout)
    );
    assert_eq!(
        end(&mut c, "nobody", 5, 0, true).await,
        code(ResponseError::InvalidProducerIdMapping)
    );

    let first = init(&mut c, "raw", 60_000).await;
    assert_eq!(first.error_code, 0);
    let (pid, epoch) = (first.producer_id.0, first.producer_epoch);
    assert_eq!(epoch, 0);

    // EndTxn with nothing begun, and a write before the partition was added.
    assert_eq!(
        end(&mut c, "raw", pid, epoch, true).await,
        code(ResponseError::InvalidTxnState)
    );
    assert_eq!(
        produce(&mut c, 0, batch(pid, epoch, 0, 2)).await,
        code(ResponseError::InvalidTxnState)
    );

    // Partition 0 joins; partition 1 does not, so writing there is refused.
    assert_eq!(add_partitions(&mut c, 3, pid, epoch, vec![0]).await, 0);
    assert_eq!(
        add_partitions(&mut c, 3, pid, epoch, vec![7]).await,
        code(ResponseError::UnknownTopicOrPartition)
    );
    assert_eq!(produce(&mut c, 0, batch(pid, epoch, 0, 2)).await, 0);
    assert_eq!(
        produce(&mut c, 1, batch(pid, epoch, 0, 2)).await,
        code(ResponseError::InvalidTxnState)
    );
    // A gap in the sequence.
    assert_eq!(
        produce(&mut c, 0, batch(pid, epoch, 5, 1)).await,
        code(ResponseError::OutOfOrderSequenceNumber)
    );

    // Offsets before AddOffsetsToTxn are refused.
    let offsets = TxnOffsetCommitRequest::default()
        .with_transactional_id(txn("raw"))
        .with_group_id(GroupId(s("g")))
        .with_producer_id(ProducerId(pid))
        .with_producer_epoch(epoch)
        .with_generation_id(-1)
        .with_topics(vec![TxnOffsetCommitRequestTopic::default()
            .with_name(TopicName(s("t")))
            .with_partitions(vec![TxnOffsetCommitRequestPartition::default()
                .with_partition_index(0)
                .with_committed_offset(1)])]);
    let refused: TxnOffsetCommitResponse = call(&mut c, ApiKey::TxnOffsetCommit, 3, &offsets).await;
    assert_eq!(
        refused.topics[0].partitions[0].error_code,
        code(ResponseError::InvalidTxnState)
    );

    // What the admin APIs see of the open transaction.
    let described: DescribeTransactionsResponse = call(
        &mut c,
        ApiKey::DescribeTransactions,
        0,
        &DescribeTransactionsRequest::default()
            .with_transactional_ids(vec![txn("raw"), txn("nope")]),
    )
    .await;
    let state = &described.transaction_states[0];
    assert_eq!(state.transaction_state.as_str(), "Ongoing");
    assert_eq!((state.producer_id.0, state.producer_epoch), (pid, epoch));
    assert_eq!(state.topics[0].partitions, [0]);
    assert!(state.transaction_start_time_ms > 0);
    assert_eq!(
        described.transaction_states[1].error_code,
        code(ResponseError::TransactionalIdNotFound)
    );
    let listed: ListTransactionsResponse = call(
        &mut c,
        ApiKey::ListTransactions,
        1,
        &ListTransactionsRequest::default()
            .with_state_filters(vec![s("Ongoing"), s("Bogus")])
            .with_duration_filter(-1),
    )
    .await;
    assert_eq!(listed.transaction_states.len(), 1);
    assert_eq!(listed.unknown_state_filters, [s("Bogus")]);
    let producers: DescribeProducersResponse = call(
        &mut c,
        ApiKey::DescribeProducers,
        0,
        &DescribeProducersRequest::default().with_topics(vec![
            describe_producers_request::TopicRequest::default()
                .with_name(TopicName(s("t")))
                .with_partition_indexes(vec![0]),
        ]),
    )
    .await;
    let active = &producers.topics[0].partitions[0].active_producers[0];
    assert_eq!((active.producer_id.0, active.last_sequence), (pid, 1));
    assert_eq!(active.current_txn_start_offset, 0);

    // A second InitProducerId aborts the open transaction and fences the old epoch.
    let second = init(&mut c, "raw", 60_000).await;
    assert_eq!((second.error_code, second.producer_id.0), (0, pid));
    assert!(second.producer_epoch > epoch);
    assert_eq!(
        add_partitions(&mut c, 3, pid, epoch, vec![0]).await,
        code(ResponseError::ProducerFenced)
    );
    assert_eq!(
        add_partitions(&mut c, 1, pid, epoch, vec![0]).await,
        code(ResponseError::InvalidProducerEpoch)
    );
    assert_eq!(
        end(&mut c, "raw", pid, epoch, true).await,
        code(ResponseError::ProducerFenced)
    );
    assert_eq!(
        produce(&mut c, 0, batch(pid, epoch, 2, 1)).await,
        code(ResponseError::InvalidProducerEpoch)
    );

    // The new epoch works, through the batched v4 form too; a retried EndTxn succeeds again.
    let epoch = second.producer_epoch;
    assert_eq!(add_partitions(&mut c, 4, pid, epoch, vec![1]).await, 0);
    assert_eq!(produce(&mut c, 1, batch(pid, epoch, 0, 3)).await, 0);
    assert_eq!(end(&mut c, "raw", pid, epoch, true).await, 0);
    assert_eq!(end(&mut c, "raw", pid, epoch, true).await, 0);
    assert_eq!(
        end(&mut c, "raw", pid, epoch, false).await,
        code(ResponseError::InvalidTxnState)
    );
}

/// An admin tool aborts a transaction left open in a partition with WriteTxnMarkers: the last
/// stable offset moves past it, and the transaction's records are reported as aborted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn write_txn_markers_aborts_a_hanging_transaction() {
    use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
    use kafka_protocol::messages::write_txn_markers_request::{
        WritableTxnMarker, WritableTxnMarkerTopic,
    };
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("t", 1, Default::default(), false)
        .expect("topic");
    let mut c = TcpStream::connect(server.addr()).await.expect("connect");
    let init = init(&mut c, "raw", 60_000).await;
    let (pid, epoch) = (init.producer_id.0, init.producer_epoch);
    assert_eq!(add_partitions(&mut c, 3, pid, epoch, vec![0]).await, 0);
    assert_eq!(produce(&mut c, 0, batch(pid, epoch, 0, 3)).await, 0);
    let latest = |isolation: i8| {
        ListOffsetsRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_isolation_level(isolation)
            .with_topics(vec![ListOffsetsTopic::default()
                .with_name(TopicName(s("t")))
                .with_partitions(vec![ListOffsetsPartition::default()
                    .with_partition_index(0)
                    .with_current_leader_epoch(-1)
                    .with_timestamp(-1)])])
    };
    let stable: ListOffsetsResponse = call(&mut c, ApiKey::ListOffsets, 5, &latest(1)).await;
    assert_eq!(
        stable.topics[0].partitions[0].offset, 0,
        "held at the open transaction"
    );

    let marker = |epoch: i16| {
        WriteTxnMarkersRequest::default().with_markers(vec![WritableTxnMarker::default()
            .with_producer_id(ProducerId(pid))
            .with_producer_epoch(epoch)
            .with_transaction_result(false)
            .with_topics(vec![WritableTxnMarkerTopic::default()
                .with_name(TopicName(s("t")))
                .with_partition_indexes(vec![0, 9])])])
    };
    let written: WriteTxnMarkersResponse =
        call(&mut c, ApiKey::WriteTxnMarkers, 1, &marker(epoch)).await;
    let codes: Vec<i16> = written.markers[0].topics[0]
        .partitions
        .iter()
        .map(|p| p.error_code)
        .collect();
    assert_eq!(codes, [0, code(ResponseError::UnknownTopicOrPartition)]);
    let stable: ListOffsetsResponse = call(&mut c, ApiKey::ListOffsets, 5, &latest(1)).await;
    assert_eq!(
        stable.topics[0].partitions[0].offset, 4,
        "three records and the marker"
    );
    let fetch = FetchRequest::default()
        .with_replica_id(BrokerId(-1))
        .with_max_wait_ms(0)
        .with_max_bytes(1 << 20)
        .with_isolation_level(1)
        .with_topics(vec![fetch_request::FetchTopic::default()
            .with_topic(TopicName(s("t")))
            .with_partitions(vec![fetch_request::FetchPartition::default()
                .with_partition(0)
                .with_fetch_offset(0)
                .with_partition_max_bytes(1 << 20)])]);
    let fetched: FetchResponse = call(&mut c, ApiKey::Fetch, 11, &fetch).await;
    let p = &fetched.responses[0].partitions[0];
    assert_eq!(p.last_stable_offset, 4);
    let aborted = p
        .aborted_transactions
        .as_ref()
        .expect("read_committed lists them");
    assert_eq!(
        aborted
            .iter()
            .map(|a| (a.producer_id.0, a.first_offset))
            .collect::<Vec<_>>(),
        [(pid, 0)]
    );
    // A marker from an epoch older than the partition has seen is refused.
    let older: WriteTxnMarkersResponse =
        call(&mut c, ApiKey::WriteTxnMarkers, 1, &marker(epoch - 1)).await;
    assert_eq!(
        older.markers[0].topics[0].partitions[0].error_code,
        code(ResponseError::InvalidProducerEpoch)
    );
}

/// Markers are the coordinator's to write: a client that sends a control batch is refused and
/// nothing is appended.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_cannot_write_control_batches() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("t", 1, Default::default(), false)
        .expect("topic");
    let mut c = TcpStream::connect(server.addr()).await.expect("connect");
    let forged = streamline::protocol::records::encode_marker(7, 0, true, 0, 1_700_000_000_000);
    assert_eq!(
        produce(&mut c, 0, forged).await,
        code(ResponseError::InvalidRecord)
    );
    let partition = server.server.broker().partition("t", 0).expect("partition");
    assert_eq!(partition.offsets().log_end_offset, 0);
}

/// KIP-360: a producer that lost the answer to its InitProducerId retries with the id and
/// epoch it held before, and gets the same answer instead of being fenced.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retried_init_producer_id_gets_the_same_epoch() {
    let server = TestServer::start().await;
    let mut c = TcpStream::connect(server.addr()).await.expect("connect");
    let bump = |pid: i64, epoch: i16| {
        InitProducerIdRequest::default()
            .with_transactional_id(Some(txn("retry")))
            .with_transaction_timeout_ms(60_000)
            .with_producer_id(ProducerId(pid))
            .with_producer_epoch(epoch)
    };
    let first: InitProducerIdResponse =
        call(&mut c, ApiKey::InitProducerId, 4, &bump(-1, -1)).await;
    let pid = first.producer_id.0;
    let bumped: InitProducerIdResponse =
        call(&mut c, ApiKey::InitProducerId, 4, &bump(pid, 0)).await;
    assert_eq!((bumped.error_code, bumped.producer_epoch), (0, 1));
    let retried: InitProducerIdResponse =
        call(&mut c, ApiKey::InitProducerId, 4, &bump(pid, 0)).await;
    assert_eq!(
        (
            retried.error_code,
            retried.producer_id.0,
            retried.producer_epoch
        ),
        (0, pid, 1)
    );
    let again: InitProducerIdResponse =
        call(&mut c, ApiKey::InitProducerId, 4, &bump(pid, 1)).await;
    assert_eq!(again.producer_epoch, 2);
    let stale: InitProducerIdResponse =
        call(&mut c, ApiKey::InitProducerId, 4, &bump(pid, 0)).await;
    assert_eq!(stale.error_code, code(ResponseError::ProducerFenced));
}
