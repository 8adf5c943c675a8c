//! A realistic request for every advertised API at every advertised version — naming a topic
//! that exists, a member of a stable group, an initialised transactional id — for the tests
//! that must cover the whole protocol surface: `every_version` (each answer decodes to the
//! success it asks for) and `fuzz` (mutations of every one of them never panic the broker).
#![allow(dead_code)]

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::create_partitions_request::CreatePartitionsTopic;
use kafka_protocol::messages::create_topics_request::CreatableTopic;
use kafka_protocol::messages::delete_records_request::{
    DeleteRecordsPartition, DeleteRecordsTopic,
};
use kafka_protocol::messages::delete_topics_request::DeleteTopicState;
use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
use kafka_protocol::messages::describe_log_dirs_request::DescribableLogDirTopic;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
use kafka_protocol::messages::offset_for_leader_epoch_request::{
    OffsetForLeaderPartition, OffsetForLeaderTopic,
};
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::{Encodable, StrBytes};
use streamline::client::produce::{encode_batch, OutgoingRecord};

pub fn name(s: &str) -> TopicName {
    TopicName(StrBytes::from_string(s.to_string()))
}

pub fn frame<R: Encodable>(key: ApiKey, version: i16, body: &R) -> Bytes {
    let header = RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(version as i32)
        .with_client_id(Some(StrBytes::from_static_str("versions-test")));
    let mut buf = BytesMut::new();
    header
        .encode(&mut buf, key.request_header_version(version))
        .expect("header");
    body.encode(&mut buf, version).expect("body");
    buf.freeze()
}

/// A request header for a hand-coded version (always header v1).
pub fn legacy_header(key: ApiKey, version: i16) -> BytesMut {
    let mut body = BytesMut::new();
    RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(version as i32)
        .encode(&mut body, 1)
        .expect("header");
    body
}

pub fn put_str(buf: &mut BytesMut, s: &str) {
    buf.extend_from_slice(&(s.len() as i16).to_be_bytes());
    buf.extend_from_slice(s.as_bytes());
}

/// What requests refer to: the topic's id and a member of the stable group `GROUP`.
pub struct Ctx {
    pub topic_id: uuid::Uuid,
    pub member_id: StrBytes,
    pub generation_id: i32,
    /// The producer id and epoch of the transactional id `TXN`.
    pub txn_producer: (i64, i16),
}

/// A transactional id initialised before the loop.
pub const TXN: &str = "every-txn";

pub fn txn_id() -> TransactionalId {
    TransactionalId(StrBytes::from_static_str(TXN))
}

/// A stable group with one static member, set up before the loop.
pub const GROUP: &str = "every-group";

pub fn gid(s: &str) -> GroupId {
    GroupId(StrBytes::from_string(s.to_string()))
}

pub fn join_request(version: i16, group: &str, instance: &str) -> JoinGroupRequest {
    JoinGroupRequest::default()
        .with_group_id(gid(group))
        .with_session_timeout_ms(30_000)
        .with_rebalance_timeout_ms(30_000)
        .with_member_id(StrBytes::default())
        .with_group_instance_id((version >= 5).then(|| StrBytes::from_string(instance.to_string())))
        .with_protocol_type(StrBytes::from_static_str("consumer"))
        .with_protocols(vec![join_group_request::JoinGroupRequestProtocol::default(
        )
        .with_name(StrBytes::from_static_str("range"))
        .with_metadata(Bytes::from_static(b"m"))])
}

/// A request for `key` at `version` that reaches the success path of its handler.
pub fn request(key: ApiKey, version: i16, ctx: &Ctx) -> Bytes {
    let topic_id = ctx.topic_id;
    let member = || ctx.member_id.clone();
    let batch = encode_batch(
        &[OutgoingRecord {
            key: None,
            value: Some(Bytes::from_static(b"v")),
            headers: vec![],
            timestamp: 1_700_000_000_000,
        }],
        kafka_protocol::records::Compression::None,
    )
    .expect("batch");
    let by_id = |t: TopicName| {
        if version >= 13 {
            TopicName::default()
        } else {
            t
        }
    };
    match key {
        ApiKey::Produce => frame(
            key,
            version,
            &ProduceRequest::default()
                .with_acks(1)
                .with_timeout_ms(1000)
                .with_topic_data(vec![TopicProduceData::default()
                    .with_name(by_id(name("t")))
                    .with_topic_id(if version >= 13 {
                        topic_id
                    } else {
                        uuid::Uuid::nil()
                    })
                    .with_partition_data(vec![PartitionProduceData::default()
                        .with_index(0)
                        .with_records(Some(batch))])]),
        ),
        ApiKey::Fetch => frame(
            key,
            version,
            &FetchRequest::default()
                .with_max_wait_ms(0)
                .with_max_bytes(1 << 20)
                .with_topics(vec![FetchTopic::default()
                    .with_topic(by_id(name("t")))
                    .with_topic_id(if version >= 13 {
                        topic_id
                    } else {
                        uuid::Uuid::nil()
                    })
                    .with_partitions(vec![FetchPartition::default()
                        .with_partition(0)
                        .with_partition_max_bytes(1 << 20)])]),
        ),
        ApiKey::ListOffsets if version == 0 => {
            // v0 is hand-coded: replica id, [topic, [partition, timestamp, max offsets]].
            let mut body = BytesMut::new();
            let header = RequestHeader::default()
                .with_request_api_key(key as i16)
                .with_request_api_version(0)
                .with_correlation_id(0);
            header.encode(&mut body, 1).expect("header");
            body.extend_from_slice(&(-1i32).to_be_bytes());
            body.extend_from_slice(&1i32.to_be_bytes());
            body.extend_from_slice(&1i16.to_be_bytes());
            body.extend_from_slice(b"t");
            body.extend_from_slice(&1i32.to_be_bytes());
            body.extend_from_slice(&0i32.to_be_bytes());
            body.extend_from_slice(&(-1i64).to_be_bytes());
            body.extend_from_slice(&1i32.to_be_bytes());
            body.freeze()
        }
        ApiKey::OffsetCommit if version <= 1 => {
            // Hand-coded: group, [v1: generation, member], [topic, [partition, offset,
            // v1: timestamp, metadata]].
            let mut body = legacy_header(key, version);
            put_str(&mut body, GROUP);
            if version == 1 {
                body.extend_from_slice(&ctx.generation_id.to_be_bytes());
                put_str(&mut body, ctx.member_id.as_str());
            }
            body.extend_from_slice(&1i32.to_be_bytes());
            put_str(&mut body, "t");
            body.extend_from_slice(&1i32.to_be_bytes());
            body.extend_from_slice(&0i32.to_be_bytes());
            body.extend_from_slice(&1i64.to_be_bytes());
            if version == 1 {
                body.extend_from_slice(&(-1i64).to_be_bytes());
            }
            put_str(&mut body, "md");
            body.freeze()
        }
        ApiKey::DescribeConfigs if version == 0 => {
            // Hand-coded: [resource type, name, keys (null: all)].
            let mut body = legacy_header(key, version);
            body.extend_from_slice(&1i32.to_be_bytes());
            body.extend_from_slice(&[2u8]);
            put_str(&mut body, "t");
            body.extend_from_slice(&(-1i32).to_be_bytes());
            body.freeze()
        }
        ApiKey::ListOffsets => frame(
            key,
            version,
            &ListOffsetsRequest::default().with_topics(vec![ListOffsetsTopic::default()
                .with_name(name("t"))
                .with_partitions(vec![ListOffsetsPartition::default()
                    .with_partition_index(0)
                    .with_timestamp(1_600_000_000_000)])]),
        ),
        ApiKey::Metadata => frame(
            key,
            version,
            &MetadataRequest::default().with_topics(Some(vec![
                MetadataRequestTopic::default().with_name(Some(name("t")))
            ])),
        ),
        ApiKey::ApiVersions => frame(key, version, &ApiVersionsRequest::default()),
        ApiKey::CreateTopics => frame(
            key,
            version,
            &CreateTopicsRequest::default().with_topics(vec![CreatableTopic::default()
                .with_name(name(&format!("created-{version}")))
                .with_num_partitions(1)
                .with_replication_factor(1)]),
        ),
        ApiKey::DeleteTopics => {
            // The topic CreateTopics made at the next version (CreateTopics starts at v2).
            let gone = name(&format!("created-{}", version + 1));
            frame(
                key,
                version,
                &DeleteTopicsRequest::default()
                    .with_topic_names(if version < 6 {
                        vec![gone.clone()]
                    } else {
                        vec![]
                    })
                    .with_topics(if version >= 6 {
                        vec![DeleteTopicState::default().with_name(Some(gone))]
                    } else {
                        vec![]
                    }),
            )
        }
        ApiKey::DeleteRecords => frame(
            key,
            version,
            &DeleteRecordsRequest::default().with_topics(vec![DeleteRecordsTopic::default()
                .with_name(name("t"))
                .with_partitions(vec![DeleteRecordsPartition::default()
                    .with_partition_index(0)
                    .with_offset(0)])]),
        ),
        ApiKey::OffsetForLeaderEpoch => frame(
            key,
            version,
            &OffsetForLeaderEpochRequest::default().with_topics(vec![
                OffsetForLeaderTopic::default()
                    .with_topic(name("t"))
                    .with_partitions(vec![OffsetForLeaderPartition::default()
                        .with_partition(0)
                        .with_leader_epoch(0)]),
            ]),
        ),
        ApiKey::DescribeConfigs => frame(
            key,
            version,
            &DescribeConfigsRequest::default()
                .with_include_documentation(version >= 3)
                .with_resources(vec![
                    DescribeConfigsResource::default()
                        .with_resource_type(2)
                        .with_resource_name(StrBytes::from_static_str("t"))
                        .with_configuration_keys(None),
                    DescribeConfigsResource::default()
                        .with_resource_type(4)
                        .with_resource_name(StrBytes::from_static_str("0"))
                        .with_configuration_keys(None),
                ]),
        ),
        ApiKey::AlterConfigs => frame(
            key,
            version,
            &AlterConfigsRequest::default().with_resources(vec![
                alter_configs_request::AlterConfigsResource::default()
                    .with_resource_type(2)
                    .with_resource_name(StrBytes::from_static_str("t"))
                    .with_configs(vec![alter_configs_request::AlterableConfig::default()
                        .with_name(StrBytes::from_static_str("retention.ms"))
                        .with_value(Some(StrBytes::from_static_str("100000")))]),
            ]),
        ),
        ApiKey::DescribeLogDirs => frame(
            key,
            version,
            &DescribeLogDirsRequest::default().with_topics(Some(vec![
                DescribableLogDirTopic::default()
                    .with_topic(name("t"))
                    .with_partitions(vec![0]),
            ])),
        ),
        ApiKey::CreatePartitions => frame(
            key,
            version,
            &CreatePartitionsRequest::default().with_topics(vec![CreatePartitionsTopic::default()
                .with_name(name("grow"))
                .with_count(2 + version as i32)
                .with_assignments(None)]),
        ),
        ApiKey::IncrementalAlterConfigs => frame(
            key,
            version,
            &IncrementalAlterConfigsRequest::default().with_resources(vec![
                incremental_alter_configs_request::AlterConfigsResource::default()
                    .with_resource_type(2)
                    .with_resource_name(StrBytes::from_static_str("t"))
                    .with_configs(vec![
                        incremental_alter_configs_request::AlterableConfig::default()
                            .with_name(StrBytes::from_static_str("retention.ms"))
                            .with_config_operation(0)
                            .with_value(Some(StrBytes::from_static_str("200000"))),
                    ]),
            ]),
        ),
        ApiKey::DescribeCluster => frame(key, version, &DescribeClusterRequest::default()),
        ApiKey::InitProducerId => frame(
            key,
            version,
            &InitProducerIdRequest::default()
                .with_transactional_id(None)
                .with_transaction_timeout_ms(60_000),
        ),
        ApiKey::FindCoordinator => frame(
            key,
            version,
            &FindCoordinatorRequest::default()
                .with_key(if version < 4 {
                    StrBytes::from_static_str(GROUP)
                } else {
                    StrBytes::default()
                })
                .with_coordinator_keys(if version >= 4 {
                    vec![StrBytes::from_static_str(GROUP)]
                } else {
                    vec![]
                }),
        ),
        // v0-4 answer MEMBER_ID_REQUIRED or wait for the initial rebalance delay; v5+ join
        // as static members, which need no member id round.
        ApiKey::JoinGroup => frame(
            key,
            version,
            &join_request(version, &format!("join-{version}"), "static"),
        ),
        ApiKey::SyncGroup => frame(
            key,
            version,
            &SyncGroupRequest::default()
                .with_group_id(gid(GROUP))
                .with_generation_id(ctx.generation_id)
                .with_member_id(member())
                .with_protocol_type((version >= 5).then(|| StrBytes::from_static_str("consumer")))
                .with_protocol_name((version >= 5).then(|| StrBytes::from_static_str("range")))
                .with_assignments(vec![
                    sync_group_request::SyncGroupRequestAssignment::default()
                        .with_member_id(member())
                        .with_assignment(Bytes::from_static(b"a")),
                ]),
        ),
        ApiKey::Heartbeat => frame(
            key,
            version,
            &HeartbeatRequest::default()
                .with_group_id(gid(GROUP))
                .with_generation_id(ctx.generation_id)
                .with_member_id(member()),
        ),
        ApiKey::LeaveGroup => frame(
            key,
            version,
            &LeaveGroupRequest::default()
                // Groups joined by JoinGroup v5–v9 with the static member; v5 leaves the
                // static member of join-5, whose v0 request named no real member.
                .with_group_id(gid(&format!("join-{}", 5 + version % 5)))
                .with_member_id(if version < 3 {
                    StrBytes::from_static_str("gone")
                } else {
                    StrBytes::default()
                })
                .with_members(if version >= 3 {
                    vec![leave_group_request::MemberIdentity::default()
                        .with_group_instance_id(Some(StrBytes::from_static_str("static")))]
                } else {
                    vec![]
                }),
        ),
        ApiKey::OffsetCommit => frame(
            key,
            version,
            &OffsetCommitRequest::default()
                .with_group_id(gid(GROUP))
                .with_generation_id_or_member_epoch(ctx.generation_id)
                .with_member_id(member())
                .with_topics(vec![
                    offset_commit_request::OffsetCommitRequestTopic::default()
                        .with_name(name("t"))
                        .with_partitions(vec![
                            offset_commit_request::OffsetCommitRequestPartition::default()
                                .with_partition_index(0)
                                .with_committed_offset(1)
                                .with_committed_metadata(Some(StrBytes::from_static_str("md"))),
                        ]),
                ]),
        ),
        ApiKey::OffsetFetch => frame(
            key,
            version,
            &if version < 8 {
                OffsetFetchRequest::default()
                    .with_group_id(gid(GROUP))
                    .with_topics(Some(vec![
                        offset_fetch_request::OffsetFetchRequestTopic::default()
                            .with_name(name("t"))
                            .with_partition_indexes(vec![0]),
                    ]))
            } else {
                OffsetFetchRequest::default().with_groups(vec![
                    offset_fetch_request::OffsetFetchRequestGroup::default()
                        .with_group_id(gid(GROUP))
                        .with_topics(None),
                ])
            },
        ),
        ApiKey::ListGroups => frame(
            key,
            version,
            &ListGroupsRequest::default()
                .with_states_filter(if version >= 4 {
                    vec![StrBytes::from_static_str("Stable")]
                } else {
                    vec![]
                })
                .with_types_filter(if version >= 5 {
                    vec![StrBytes::from_static_str("classic")]
                } else {
                    vec![]
                }),
        ),
        ApiKey::DescribeGroups => frame(
            key,
            version,
            &DescribeGroupsRequest::default().with_groups(vec![gid(GROUP)]),
        ),
        ApiKey::DeleteGroups => frame(
            key,
            version,
            &DeleteGroupsRequest::default()
                .with_groups_names(vec![gid(&format!("simple-{version}"))]),
        ),
        ApiKey::OffsetDelete => frame(
            key,
            version,
            &OffsetDeleteRequest::default()
                .with_group_id(gid(GROUP))
                .with_topics(vec![
                    offset_delete_request::OffsetDeleteRequestTopic::default()
                        .with_name(name("t"))
                        .with_partitions(vec![
                            offset_delete_request::OffsetDeleteRequestPartition::default()
                                .with_partition_index(0),
                        ]),
                ]),
        ),
        ApiKey::ConsumerGroupHeartbeat => frame(
            key,
            version,
            // v0 lets the coordinator pick the member id; v1 clients bring their own.
            &ConsumerGroupHeartbeatRequest::default()
                .with_group_id(gid(&format!("kip848-{version}")))
                .with_member_id(if version >= 1 {
                    StrBytes::from_static_str("client-chosen-id")
                } else {
                    StrBytes::default()
                })
                .with_member_epoch(0)
                .with_rebalance_timeout_ms(5000)
                .with_subscribed_topic_names(Some(vec![name("t")]))
                .with_subscribed_topic_regex(if version >= 1 {
                    Some(StrBytes::from_static_str("gr.*"))
                } else {
                    None
                })
                .with_topic_partitions(Some(vec![])),
        ),
        ApiKey::ConsumerGroupDescribe => frame(
            key,
            version,
            &ConsumerGroupDescribeRequest::default()
                .with_group_ids(vec![gid("kip848-0"), gid(GROUP)]),
        ),
        // One transaction runs through the API keys in order: partitions and a group are
        // added, EndTxn commits (later versions retry the commit, which succeeds again), and
        // TxnOffsetCommit commits offsets in the next one (opened before each version).
        ApiKey::AddPartitionsToTxn => {
            let topics = vec![
                add_partitions_to_txn_request::AddPartitionsToTxnTopic::default()
                    .with_name(name("t"))
                    .with_partitions(vec![0]),
            ];
            let (pid, epoch) = ctx.txn_producer;
            let req = if version <= 3 {
                AddPartitionsToTxnRequest::default()
                    .with_v3_and_below_transactional_id(txn_id())
                    .with_v3_and_below_producer_id(ProducerId(pid))
                    .with_v3_and_below_producer_epoch(epoch)
                    .with_v3_and_below_topics(topics)
            } else {
                AddPartitionsToTxnRequest::default().with_transactions(vec![
                    add_partitions_to_txn_request::AddPartitionsToTxnTransaction::default()
                        .with_transactional_id(txn_id())
                        .with_producer_id(ProducerId(pid))
                        .with_producer_epoch(epoch)
                        .with_topics(topics),
                ])
            };
            frame(key, version, &req)
        }
        ApiKey::AddOffsetsToTxn => frame(
            key,
            version,
            &AddOffsetsToTxnRequest::default()
                .with_transactional_id(txn_id())
                .with_producer_id(ProducerId(ctx.txn_producer.0))
                .with_producer_epoch(ctx.txn_producer.1)
                .with_group_id(gid("txn-group")),
        ),
        ApiKey::EndTxn => frame(
            key,
            version,
            &EndTxnRequest::default()
                .with_transactional_id(txn_id())
                .with_producer_id(ProducerId(ctx.txn_producer.0))
                .with_producer_epoch(ctx.txn_producer.1)
                .with_committed(true),
        ),
        ApiKey::WriteTxnMarkers => frame(
            key,
            version,
            &WriteTxnMarkersRequest::default().with_markers(vec![
                write_txn_markers_request::WritableTxnMarker::default()
                    .with_producer_id(ProducerId(ctx.txn_producer.0))
                    .with_producer_epoch(ctx.txn_producer.1)
                    .with_transaction_result(false)
                    .with_topics(vec![
                        write_txn_markers_request::WritableTxnMarkerTopic::default()
                            .with_name(name("t"))
                            .with_partition_indexes(vec![0]),
                    ]),
            ]),
        ),
        ApiKey::TxnOffsetCommit => frame(
            key,
            version,
            &TxnOffsetCommitRequest::default()
                .with_transactional_id(txn_id())
                .with_group_id(gid("txn-group"))
                .with_producer_id(ProducerId(ctx.txn_producer.0))
                .with_producer_epoch(ctx.txn_producer.1)
                .with_generation_id(-1)
                .with_topics(vec![
                    txn_offset_commit_request::TxnOffsetCommitRequestTopic::default()
                        .with_name(name("t"))
                        .with_partitions(vec![
                            txn_offset_commit_request::TxnOffsetCommitRequestPartition::default()
                                .with_committed_offset(0),
                        ]),
                ]),
        ),
        ApiKey::DescribeProducers => frame(
            key,
            version,
            &DescribeProducersRequest::default().with_topics(vec![
                describe_producers_request::TopicRequest::default()
                    .with_name(name("t"))
                    .with_partition_indexes(vec![0]),
            ]),
        ),
        ApiKey::DescribeTransactions => frame(
            key,
            version,
            &DescribeTransactionsRequest::default().with_transactional_ids(vec![txn_id()]),
        ),
        ApiKey::ListTransactions => frame(
            key,
            version,
            &ListTransactionsRequest::default().with_duration_filter(-1),
        ),
        ApiKey::SaslHandshake => frame(
            key,
            version,
            &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
        ),
        ApiKey::SaslAuthenticate => frame(
            key,
            version,
            &SaslAuthenticateRequest::default()
                .with_auth_bytes(Bytes::from_static(b"\0user\0password")),
        ),
        ApiKey::CreateAcls => frame(
            key,
            version,
            &CreateAclsRequest::default().with_creations(vec![
                create_acls_request::AclCreation::default()
                    .with_resource_type(2)
                    .with_resource_name(StrBytes::from_static_str("t"))
                    .with_resource_pattern_type(3)
                    .with_principal(StrBytes::from_static_str("User:alice"))
                    .with_host(StrBytes::from_static_str("*"))
                    .with_operation(3)
                    .with_permission_type(3),
            ]),
        ),
        ApiKey::DescribeAcls => frame(
            key,
            version,
            &DescribeAclsRequest::default()
                .with_resource_type_filter(1)
                .with_pattern_type_filter(1)
                .with_operation(1)
                .with_permission_type(1),
        ),
        ApiKey::DeleteAcls => frame(
            key,
            version,
            &DeleteAclsRequest::default().with_filters(vec![
                delete_acls_request::DeleteAclsFilter::default()
                    .with_resource_type_filter(2)
                    .with_resource_name_filter(Some(StrBytes::from_static_str("nothing-here")))
                    .with_pattern_type_filter(3)
                    .with_operation(1)
                    .with_permission_type(1),
            ]),
        ),
        ApiKey::DescribeUserScramCredentials => frame(
            key,
            version,
            &DescribeUserScramCredentialsRequest::default(),
        ),
        ApiKey::AlterUserScramCredentials => frame(
            key,
            version,
            &AlterUserScramCredentialsRequest::default().with_upsertions(vec![
                alter_user_scram_credentials_request::ScramCredentialUpsertion::default()
                    .with_name(StrBytes::from_static_str("alice"))
                    .with_mechanism(2)
                    .with_iterations(4096)
                    .with_salt(Bytes::from_static(b"salt"))
                    .with_salted_password(Bytes::from_static(&[7; 64])),
            ]),
        ),
        other => panic!("{other:?} is advertised but this test has no request for it"),
    }
}
