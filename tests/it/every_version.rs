//! Every advertised API answers every advertised version: a realistic request (naming a topic
//! that exists and holds data) is dispatched to an in-memory broker at each version, the
//! response must encode — a field set that the version lacks would close the connection — and
//! it must decode with the protocol crate's response type to the success the request asks for:
//! no error code anywhere but those listed, with their reasons, in `expected_errors`.

use crate::common::requests;

use std::sync::Arc;

use bytes::Bytes;
use kafka_protocol::messages::*;
use kafka_protocol::protocol::Decodable;
use requests::*;
use streamline::broker::{Broker, BrokerSettings, Endpoint};
use streamline::config::ServerConfig;
use streamline::protocol::versions::SUPPORTED_APIS;
use streamline::server::dispatch::{dispatch, Outcome};

#[tokio::test]
async fn every_supported_version_of_every_api_answers() {
    let config = ServerConfig {
        in_memory: true,
        ..ServerConfig::default()
    };
    let broker = Arc::new(
        Broker::open(BrokerSettings::from_config(
            &config,
            Endpoint {
                host: "127.0.0.1".into(),
                port: 9092,
            },
        ))
        .expect("broker"),
    );
    let topic = broker
        .create_topic("t", 1, Default::default(), false)
        .expect("topic");
    broker
        .create_topic("grow", 1, Default::default(), false)
        .expect("topic");
    // Group timers (the initial rebalance delay) run as they do in the server.
    let ticking = broker.clone();
    tokio::spawn(async move {
        loop {
            ticking.groups.tick();
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    });
    let joined = dispatch(
        &broker,
        frame(
            ApiKey::JoinGroup,
            5,
            &join_request(5, GROUP, "every-member"),
        ),
    )
    .await;
    let Outcome::Respond(joined) = joined else {
        panic!("join failed: {joined:?}");
    };
    let mut joined = joined.slice(4..);
    ResponseHeader::decode(&mut joined, 0).expect("header");
    let joined = JoinGroupResponse::decode(&mut joined, 5).expect("join response");
    assert_eq!(joined.error_code, 0);
    // The leader hands out the assignment: the group is Stable, so commits with its
    // generation succeed.
    let sync = SyncGroupRequest::default()
        .with_group_id(gid(GROUP))
        .with_generation_id(joined.generation_id)
        .with_member_id(joined.member_id.clone())
        .with_assignments(vec![
            sync_group_request::SyncGroupRequestAssignment::default()
                .with_member_id(joined.member_id.clone())
                .with_assignment(Bytes::from_static(b"a")),
        ]);
    let Outcome::Respond(synced) = dispatch(&broker, frame(ApiKey::SyncGroup, 3, &sync)).await
    else {
        panic!("SyncGroup failed");
    };
    assert_eq!(error_codes(ApiKey::SyncGroup, 3, synced), [0]);
    let init = InitProducerIdRequest::default()
        .with_transactional_id(Some(txn_id()))
        .with_transaction_timeout_ms(60_000);
    let Outcome::Respond(init) = dispatch(&broker, frame(ApiKey::InitProducerId, 4, &init)).await
    else {
        panic!("InitProducerId for {TXN} failed");
    };
    let mut init = init.slice(4..);
    ResponseHeader::decode(&mut init, 1).expect("header");
    let init = InitProducerIdResponse::decode(&mut init, 4).expect("init response");
    assert_eq!(init.error_code, 0);
    let ctx = Ctx {
        topic_id: topic.id,
        member_id: joined.member_id,
        generation_id: joined.generation_id,
        txn_producer: (init.producer_id.0, init.producer_epoch),
    };
    for version in 0..=2 {
        // Empty groups with offsets for DeleteGroups to delete.
        let commit = OffsetCommitRequest::default()
            .with_group_id(gid(&format!("simple-{version}")))
            .with_generation_id_or_member_epoch(-1)
            .with_topics(vec![
                offset_commit_request::OffsetCommitRequestTopic::default()
                    .with_name(name("t"))
                    .with_partitions(vec![
                        offset_commit_request::OffsetCommitRequestPartition::default()
                            .with_committed_offset(0),
                    ]),
            ]);
        let outcome = dispatch(&broker, frame(ApiKey::OffsetCommit, 8, &commit)).await;
        assert!(matches!(outcome, Outcome::Respond(_)));
    }
    let mut unexpected = Vec::new();
    for api in SUPPORTED_APIS {
        for version in api.min_version..=api.max_version {
            // Keep data in the log for every version's fetch and offset lookups.
            let seed = request(ApiKey::Produce, 9, &ctx);
            assert!(matches!(dispatch(&broker, seed).await, Outcome::Respond(_)));
            if api.key == ApiKey::TxnOffsetCommit {
                // EndTxn closed the transaction: open the next one for the group's offsets.
                let (pid, epoch) = ctx.txn_producer;
                let add = AddOffsetsToTxnRequest::default()
                    .with_transactional_id(txn_id())
                    .with_producer_id(ProducerId(pid))
                    .with_producer_epoch(epoch)
                    .with_group_id(gid("txn-group"));
                let Outcome::Respond(added) =
                    dispatch(&broker, frame(ApiKey::AddOffsetsToTxn, 3, &add)).await
                else {
                    panic!("AddOffsetsToTxn failed");
                };
                assert_eq!(error_codes(ApiKey::AddOffsetsToTxn, 3, added), [0]);
            }
            let outcome = dispatch(&broker, request(api.key, version, &ctx)).await;
            let Outcome::Respond(answer) = outcome else {
                panic!("{:?} v{version} was not answered: {outcome:?}", api.key);
            };
            let codes = error_codes(api.key, version, answer);
            let expected = expected_errors(api.key, version);
            if !codes.iter().all(|c| *c == 0 || expected.contains(c)) {
                unexpected.push(format!("{:?} v{version}: {codes:?}", api.key));
            }
        }
    }
    assert!(
        unexpected.is_empty(),
        "answers with error codes the success path does not expect:\n{}",
        unexpected.join("\n")
    );
}

/// Versions answered by hand-written codecs that the protocol crate no longer decodes; their
/// bodies are checked by the tests of those codecs.
fn hand_written(key: ApiKey, version: i16) -> bool {
    matches!(
        (key, version),
        (ApiKey::ListOffsets, 0) | (ApiKey::DescribeConfigs, 0) | (ApiKey::OffsetCommit, 0..=1)
    )
}

/// The error codes a success-path answer may still carry, by API and version.
fn expected_errors(key: ApiKey, version: i16) -> Vec<i16> {
    const UNKNOWN_MEMBER_ID: i16 = 25;
    const GROUP_ID_NOT_FOUND: i16 = 69;
    const MEMBER_ID_REQUIRED: i16 = 79;
    const ILLEGAL_SASL_STATE: i16 = 34;
    match (key, version) {
        // KIP-394: from v4 a dynamic member's first join is answered with its member id to
        // join again with; v5+ join as a static member, which skips that step.
        (ApiKey::JoinGroup, 4) => vec![MEMBER_ID_REQUIRED],
        // Before v3 a member is named by its id only, which the loop does not keep: these
        // name one that never joined, and the answer is that it is unknown.
        (ApiKey::LeaveGroup, 0..=2) => vec![UNKNOWN_MEMBER_ID],
        // The request describes a consumer-protocol group and the classic GROUP; Kafka answers
        // a classic group's ConsumerGroupDescribe with GROUP_ID_NOT_FOUND.
        (ApiKey::ConsumerGroupDescribe, _) => vec![GROUP_ID_NOT_FOUND],
        // In process there is no SASL session to start: the answer is Kafka's for a listener
        // without SASL.
        (ApiKey::SaslHandshake | ApiKey::SaslAuthenticate, _) => vec![ILLEGAL_SASL_STATE],
        _ => Vec::new(),
    }
}

/// Every error code in the response frame `answer` (length prefix included) to `key` at
/// `version`, decoded with the protocol crate's response type.
fn error_codes(key: ApiKey, version: i16, answer: Bytes) -> Vec<i16> {
    use streamline::metrics::errors::ErrorCodes;
    if hand_written(key, version) {
        return Vec::new();
    }
    let mut body = answer.slice(4..);
    ResponseHeader::decode(&mut body, key.response_header_version(version))
        .unwrap_or_else(|e| panic!("{key:?} v{version} response header: {e}"));
    macro_rules! codes {
        ($ty:ty) => {{
            let decoded = <$ty>::decode(&mut body, version)
                .unwrap_or_else(|e| panic!("{key:?} v{version} response: {e}"));
            assert!(
                body.is_empty(),
                "{key:?} v{version}: bytes after the response"
            );
            let mut codes = Vec::new();
            decoded.error_codes(&mut |c| codes.push(c));
            codes
        }};
    }
    match key {
        ApiKey::Produce => codes!(ProduceResponse),
        ApiKey::Fetch => codes!(FetchResponse),
        ApiKey::ListOffsets => codes!(ListOffsetsResponse),
        ApiKey::Metadata => codes!(MetadataResponse),
        ApiKey::OffsetCommit => codes!(OffsetCommitResponse),
        ApiKey::OffsetFetch => codes!(OffsetFetchResponse),
        ApiKey::FindCoordinator => codes!(FindCoordinatorResponse),
        ApiKey::JoinGroup => codes!(JoinGroupResponse),
        ApiKey::Heartbeat => codes!(HeartbeatResponse),
        ApiKey::LeaveGroup => codes!(LeaveGroupResponse),
        ApiKey::SyncGroup => codes!(SyncGroupResponse),
        ApiKey::DescribeGroups => codes!(DescribeGroupsResponse),
        ApiKey::ListGroups => codes!(ListGroupsResponse),
        ApiKey::ApiVersions => codes!(ApiVersionsResponse),
        ApiKey::CreateTopics => codes!(CreateTopicsResponse),
        ApiKey::DeleteTopics => codes!(DeleteTopicsResponse),
        ApiKey::DeleteRecords => codes!(DeleteRecordsResponse),
        ApiKey::InitProducerId => codes!(InitProducerIdResponse),
        ApiKey::OffsetForLeaderEpoch => codes!(OffsetForLeaderEpochResponse),
        ApiKey::AddPartitionsToTxn => codes!(AddPartitionsToTxnResponse),
        ApiKey::AddOffsetsToTxn => codes!(AddOffsetsToTxnResponse),
        ApiKey::EndTxn => codes!(EndTxnResponse),
        ApiKey::WriteTxnMarkers => codes!(WriteTxnMarkersResponse),
        ApiKey::TxnOffsetCommit => codes!(TxnOffsetCommitResponse),
        ApiKey::DescribeConfigs => codes!(DescribeConfigsResponse),
        ApiKey::AlterConfigs => codes!(AlterConfigsResponse),
        ApiKey::DescribeLogDirs => codes!(DescribeLogDirsResponse),
        ApiKey::CreatePartitions => codes!(CreatePartitionsResponse),
        ApiKey::DeleteGroups => codes!(DeleteGroupsResponse),
        ApiKey::IncrementalAlterConfigs => codes!(IncrementalAlterConfigsResponse),
        ApiKey::OffsetDelete => codes!(OffsetDeleteResponse),
        ApiKey::DescribeCluster => codes!(DescribeClusterResponse),
        ApiKey::DescribeProducers => codes!(DescribeProducersResponse),
        ApiKey::DescribeTransactions => codes!(DescribeTransactionsResponse),
        ApiKey::ListTransactions => codes!(ListTransactionsResponse),
        ApiKey::ConsumerGroupHeartbeat => codes!(ConsumerGroupHeartbeatResponse),
        ApiKey::ConsumerGroupDescribe => codes!(ConsumerGroupDescribeResponse),
        ApiKey::SaslHandshake => codes!(SaslHandshakeResponse),
        ApiKey::SaslAuthenticate => codes!(SaslAuthenticateResponse),
        ApiKey::CreateAcls => codes!(CreateAclsResponse),
        ApiKey::DescribeAcls => codes!(DescribeAclsResponse),
        ApiKey::DeleteAcls => codes!(DeleteAclsResponse),
        ApiKey::DescribeUserScramCredentials => codes!(DescribeUserScramCredentialsResponse),
        ApiKey::AlterUserScramCredentials => codes!(AlterUserScramCredentialsResponse),
        other => panic!("{other:?} is advertised but this test cannot decode its response"),
    }
}
