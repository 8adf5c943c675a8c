//! Property tests standing in for a fuzzer: arbitrary bytes and mutated valid requests fed to
//! the request dispatcher, and mutated record batches fed to the batch validator, must never
//! panic — they either decode or are refused. The valid requests are a realistic one for every
//! advertised API at every advertised version (`common/requests.rs`, shared with
//! `every_version`: transactions, configs, KIP-848 and the hand-written v0 codecs included),
//! plus a few aimed at a topic that does not exist yet.

use crate::common::requests;

use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::create_topics_request::CreatableTopic;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
use kafka_protocol::messages::leave_group_request::MemberIdentity;
use kafka_protocol::messages::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use kafka_protocol::messages::offset_fetch_request::OffsetFetchRequestGroup;
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{
    ApiKey, CreateTopicsRequest, DescribeGroupsRequest, FetchRequest, GroupId, JoinGroupRequest,
    LeaveGroupRequest, MetadataRequest, OffsetCommitRequest, OffsetFetchRequest, ProduceRequest,
    RequestHeader, SyncGroupRequest, TopicName,
};
use kafka_protocol::protocol::{Encodable, StrBytes};
use kafka_protocol::records::Compression;
use proptest::prelude::*;
use streamline::broker::{Broker, BrokerSettings, Endpoint};
use streamline::client::produce::{encode_batch, OutgoingRecord};
use streamline::config::ServerConfig;
use streamline::protocol::batch;
use streamline::protocol::versions::SUPPORTED_APIS;
use streamline::server::dispatch::dispatch;

fn broker() -> Arc<Broker> {
    let config = ServerConfig {
        in_memory: true,
        ..ServerConfig::default()
    };
    let endpoint = Endpoint {
        host: "127.0.0.1".into(),
        port: 9092,
    };
    Arc::new(Broker::open(BrokerSettings::from_config(&config, endpoint)).expect("broker"))
}

fn runtime() -> tokio::runtime::Runtime {
    // Paused time: a mutated Fetch asking to wait a minute completes instantly.
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("runtime")
}

fn batch_bytes(values: &[Vec<u8>], compression: Compression) -> BytesMut {
    let records: Vec<OutgoingRecord> = values
        .iter()
        .enumerate()
        .map(|(i, v)| OutgoingRecord {
            key: Some(Bytes::from_static(b"k")),
            value: Some(Bytes::copy_from_slice(v)),
            headers: Vec::new(),
            timestamp: 1_700_000_000_000 + i as i64,
        })
        .collect();
    BytesMut::from(&encode_batch(&records, compression).expect("encode batch")[..])
}

fn request<R: Encodable>(key: ApiKey, version: i16, body: &R) -> Vec<u8> {
    let header = RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(1)
        .with_client_id(Some(StrBytes::from_static_str("fuzz")));
    let mut buf = BytesMut::new();
    header
        .encode(&mut buf, key.request_header_version(version))
        .expect("header");
    body.encode(&mut buf, version).expect("body");
    buf.to_vec()
}

/// Every advertised API at every advertised version, then the hand-picked seeds below.
fn seed_requests() -> Vec<Vec<u8>> {
    let ctx = requests::Ctx {
        topic_id: uuid::Uuid::from_u128(7),
        member_id: StrBytes::from_static_str("member"),
        generation_id: 1,
        txn_producer: (0, 0),
    };
    let mut seeds: Vec<Vec<u8>> = SUPPORTED_APIS
        .iter()
        .flat_map(|api| (api.min_version..=api.max_version).map(move |v| (api.key, v)))
        .map(|(key, version)| requests::request(key, version, &ctx).to_vec())
        .collect();
    seeds.extend(picked_seeds());
    seeds
}

fn picked_seeds() -> Vec<Vec<u8>> {
    let name = TopicName(StrBytes::from_static_str("fuzz"));
    let produce = ProduceRequest::default()
        .with_acks(1)
        .with_timeout_ms(1000)
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(name.clone())
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(0)
                .with_records(Some(
                    batch_bytes(&[b"hello".to_vec()], Compression::None).freeze(),
                ))])]);
    let fetch = FetchRequest::default()
        .with_max_wait_ms(500)
        .with_min_bytes(1)
        .with_max_bytes(1 << 20)
        .with_topics(vec![FetchTopic::default()
            .with_topic(name.clone())
            .with_partitions(vec![FetchPartition::default()
                .with_partition(0)
                .with_fetch_offset(0)
                .with_partition_max_bytes(1 << 20)])]);
    let create = CreateTopicsRequest::default().with_topics(vec![CreatableTopic::default()
        .with_name(TopicName(StrBytes::from_static_str("made")))
        .with_num_partitions(2)
        .with_replication_factor(1)]);
    let group = GroupId(StrBytes::from_static_str("g"));
    let join = JoinGroupRequest::default()
        .with_group_id(group.clone())
        .with_session_timeout_ms(10_000)
        .with_group_instance_id(Some(StrBytes::from_static_str("i")))
        .with_protocol_type(StrBytes::from_static_str("consumer"))
        .with_protocols(vec![JoinGroupRequestProtocol::default()
            .with_name(StrBytes::from_static_str("range"))
            .with_metadata(Bytes::from_static(
                b"\0\0\0\0\0\x01\0\x04fuzz\xff\xff\xff\xff",
            ))]);
    let commit = OffsetCommitRequest::default()
        .with_group_id(group.clone())
        .with_generation_id_or_member_epoch(-1)
        .with_topics(vec![OffsetCommitRequestTopic::default()
            .with_name(name.clone())
            .with_partitions(vec![OffsetCommitRequestPartition::default()
                .with_committed_offset(1)
                .with_committed_metadata(Some(StrBytes::from_static_str("m")))])]);
    let fetch_offsets =
        OffsetFetchRequest::default().with_groups(vec![OffsetFetchRequestGroup::default()
            .with_group_id(group.clone())
            .with_topics(None)]);
    vec![
        request(ApiKey::Produce, 9, &produce),
        request(ApiKey::Produce, 3, &produce),
        request(ApiKey::Fetch, 12, &fetch),
        request(ApiKey::Fetch, 4, &fetch),
        request(ApiKey::Metadata, 12, &MetadataRequest::default()),
        request(ApiKey::Metadata, 1, &MetadataRequest::default()),
        request(ApiKey::CreateTopics, 7, &create),
        request(ApiKey::JoinGroup, 5, &join),
        request(ApiKey::OffsetCommit, 8, &commit),
        request(ApiKey::OffsetFetch, 8, &fetch_offsets),
        request(
            ApiKey::SyncGroup,
            5,
            &SyncGroupRequest::default()
                .with_group_id(group.clone())
                .with_member_id(StrBytes::from_static_str("m")),
        ),
        request(
            ApiKey::LeaveGroup,
            4,
            &LeaveGroupRequest::default()
                .with_group_id(group.clone())
                .with_members(vec![MemberIdentity::default()
                    .with_group_instance_id(Some(StrBytes::from_static_str("i")))]),
        ),
        request(
            ApiKey::DescribeGroups,
            5,
            &DescribeGroupsRequest::default().with_groups(vec![group]),
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_frames_never_panic_the_dispatcher(frame in proptest::collection::vec(any::<u8>(), 0..256)) {
        let rt = runtime();
        let broker = broker();
        let _ = rt.block_on(async {
            tokio::time::timeout(
                std::time::Duration::from_secs(600),
                dispatch(&broker, Bytes::from(frame)),
            )
            .await
        });
    }

    #[test]
    fn mutated_batches_never_panic_the_validator(
        values in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 1..5),
        gzip in any::<bool>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let compression = if gzip { Compression::Gzip } else { Compression::None };
        let mut bytes = batch_bytes(&values, compression).to_vec();
        // The encoder may emit several batches; the unmutated bytes must split cleanly.
        let verdict = batch::split_batches(&bytes);
        prop_assert!(verdict.is_ok(), "{:?}", verdict);
        for (at, byte) in &flips {
            let i = at.index(bytes.len());
            bytes[i] ^= byte;
        }
        let _ = batch::validate(&bytes);
        let _ = batch::split_batches(&bytes);
        bytes.truncate(cut.index(bytes.len() + 1));
        let _ = batch::validate(&bytes);
        let _ = batch::split_batches(&bytes);
    }
}

proptest! {
    // Several mutations of each of the ~260 seed requests.
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn mutated_valid_requests_never_panic_the_dispatcher(
        which in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let rt = runtime();
        let broker = broker();
        // The topic the realistic requests name, so they reach past the lookup.
        broker.create_topic("t", 1, Default::default(), false).expect("topic");
        let mut seeds = seed_requests();
        let mut frame = seeds.swap_remove(which.index(seeds.len()));
        for (at, byte) in flips {
            let i = at.index(frame.len());
            frame[i] ^= byte;
        }
        if truncate {
            frame.truncate(cut.index(frame.len() + 1));
        }
        // A JoinGroup waits for the group's timers, which nothing drives here: bound the wait
        // (paused time makes the bound instant). Waiting is fine; panicking is not.
        let _ = rt.block_on(async {
            tokio::time::timeout(
                std::time::Duration::from_secs(600),
                dispatch(&broker, Bytes::from(frame)),
            )
            .await
        });
    }
}
