//! The group protocol in exact frames: static membership (KIP-345), error codes for bad
//! input (unknown topics, stale generations, unknown members), the rebalance timeout, group
//! membership across a restart, and the admin APIs.

use crate::common::{call, TestServer};
use bytes::Bytes;
use kafka_protocol::messages::delete_groups_request::DeleteGroupsRequest;
use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
use kafka_protocol::messages::leave_group_request::MemberIdentity;
use kafka_protocol::messages::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use kafka_protocol::messages::offset_delete_request::{
    OffsetDeleteRequestPartition, OffsetDeleteRequestTopic,
};
use kafka_protocol::messages::offset_fetch_request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopics,
};
use kafka_protocol::messages::sync_group_request::SyncGroupRequestAssignment;
use kafka_protocol::messages::*;
use kafka_protocol::protocol::StrBytes;
use tokio::net::TcpStream;

const GROUP: &str = "raw-group";

fn s(v: &str) -> StrBytes {
    StrBytes::from_string(v.to_string())
}

fn gid(v: &str) -> GroupId {
    GroupId(s(v))
}

/// ConsumerProtocolSubscription v0 for `topic`.
fn subscription(topic: &str) -> Bytes {
    let mut b = vec![0, 0, 0, 0, 0, 1];
    b.extend_from_slice(&(topic.len() as i16).to_be_bytes());
    b.extend_from_slice(topic.as_bytes());
    b.extend_from_slice(&[0xff; 4]);
    Bytes::from(b)
}

fn join(member: &str, instance: Option<&str>) -> JoinGroupRequest {
    JoinGroupRequest::default()
        .with_group_id(gid(GROUP))
        .with_session_timeout_ms(10_000)
        .with_rebalance_timeout_ms(10_000)
        .with_member_id(s(member))
        .with_group_instance_id(instance.map(s))
        .with_protocol_type(s("consumer"))
        .with_protocols(vec![JoinGroupRequestProtocol::default()
            .with_name(s("range"))
            .with_metadata(subscription("t"))])
}

fn commit(generation: i32, member: &str, topic: &str, offset: i64) -> OffsetCommitRequest {
    OffsetCommitRequest::default()
        .with_group_id(gid(GROUP))
        .with_generation_id_or_member_epoch(generation)
        .with_member_id(s(member))
        .with_topics(vec![OffsetCommitRequestTopic::default()
            .with_name(TopicName(s(topic)))
            .with_partitions(vec![OffsetCommitRequestPartition::default()
                .with_partition_index(0)
                .with_committed_offset(offset)
                .with_committed_metadata(Some(s("meta")))])])
}

async fn commit_error(stream: &mut TcpStream, req: &OffsetCommitRequest) -> i16 {
    let resp: OffsetCommitResponse = call(stream, ApiKey::OffsetCommit, 8, req).await;
    resp.topics[0].partitions[0].error_code
}

async fn connect(server: &TestServer) -> TcpStream {
    TcpStream::connect(server.addr()).await.expect("connect")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn static_members_rejoin_without_a_rebalance_and_keep_their_assignment() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("t", 2, Default::default(), false)
        .expect("topic");
    let (mut a, mut b) = (connect(&server).await, connect(&server).await);
    // Both join together: static members need no MEMBER_ID_REQUIRED round.
    let (join_a, join_b) = (join("", Some("ia")), join("", Some("ib")));
    let (ja, jb): (JoinGroupResponse, JoinGroupResponse) = tokio::join!(
        call(&mut a, ApiKey::JoinGroup, 5, &join_a),
        call(&mut b, ApiKey::JoinGroup, 5, &join_b),
    );
    assert_eq!((ja.error_code, jb.error_code), (0, 0));
    assert_eq!(ja.generation_id, jb.generation_id);
    let (leader, follower, mut lead_conn, mut follow_conn) = if ja.leader == ja.member_id {
        (ja, jb, a, b)
    } else {
        (jb, ja, b, a)
    };
    assert_eq!(leader.members.len(), 2, "the leader learns every member");
    assert!(follower.members.is_empty());
    let generation = leader.generation_id;
    let sync = |member: &StrBytes, assignments: Vec<SyncGroupRequestAssignment>| {
        SyncGroupRequest::default()
            .with_group_id(gid(GROUP))
            .with_generation_id(generation)
            .with_member_id(member.clone())
            .with_protocol_type(Some(s("consumer")))
            .with_protocol_name(Some(s("range")))
            .with_assignments(assignments)
    };
    let assignments = vec![
        SyncGroupRequestAssignment::default()
            .with_member_id(leader.member_id.clone())
            .with_assignment(Bytes::from_static(b"L")),
        SyncGroupRequestAssignment::default()
            .with_member_id(follower.member_id.clone())
            .with_assignment(Bytes::from_static(b"F")),
    ];
    let (sync_l, sync_f) = (
        sync(&leader.member_id, assignments),
        sync(&follower.member_id, vec![]),
    );
    let (sl, sf): (SyncGroupResponse, SyncGroupResponse) = tokio::join!(
        call(&mut lead_conn, ApiKey::SyncGroup, 5, &sync_l),
        call(&mut follow_conn, ApiKey::SyncGroup, 5, &sync_f),
    );
    assert_eq!((sl.error_code, sf.error_code), (0, 0));
    assert_eq!(sl.assignment, Bytes::from_static(b"L"));
    assert_eq!(sf.assignment, Bytes::from_static(b"F"));
    assert_eq!(sf.protocol_name.as_deref(), Some("range"));

    // The follower restarts: a new connection, no member id, same instance id.
    let instance = leader
        .members
        .iter()
        .find(|m| m.member_id == follower.member_id)
        .and_then(|m| m.group_instance_id.clone())
        .expect("the leader sees the follower's instance id")
        .to_string();
    let instance = instance.as_str();
    let mut restarted = connect(&server).await;
    let rejoined: JoinGroupResponse = call(
        &mut restarted,
        ApiKey::JoinGroup,
        5,
        &join("", Some(instance)),
    )
    .await;
    assert_eq!(rejoined.error_code, 0);
    assert_eq!(rejoined.generation_id, generation, "no rebalance");
    assert_ne!(rejoined.member_id, follower.member_id);
    let again: SyncGroupResponse = call(
        &mut restarted,
        ApiKey::SyncGroup,
        5,
        &sync(&rejoined.member_id, vec![]),
    )
    .await;
    assert_eq!(
        again.assignment,
        Bytes::from_static(b"F"),
        "same partitions"
    );
    let beat = |member: &StrBytes, instance: Option<&str>| {
        HeartbeatRequest::default()
            .with_group_id(gid(GROUP))
            .with_generation_id(generation)
            .with_member_id(member.clone())
            .with_group_instance_id(instance.map(s))
    };
    let hb: HeartbeatResponse = call(
        &mut lead_conn,
        ApiKey::Heartbeat,
        4,
        &beat(&leader.member_id, None),
    )
    .await;
    assert_eq!(hb.error_code, 0, "the leader was not disturbed");
    let fenced: HeartbeatResponse = call(
        &mut follow_conn,
        ApiKey::Heartbeat,
        4,
        &beat(&follower.member_id, Some(instance)),
    )
    .await;
    assert_eq!(
        fenced.error_code, 82,
        "FENCED_INSTANCE_ID for the old identity"
    );

    // A static member leaves by instance id (v3+ batch form).
    let left: LeaveGroupResponse = call(
        &mut restarted,
        ApiKey::LeaveGroup,
        4,
        &LeaveGroupRequest::default()
            .with_group_id(gid(GROUP))
            .with_members(vec![MemberIdentity::default()
                .with_member_id(s(""))
                .with_group_instance_id(Some(s(instance)))]),
    )
    .await;
    assert_eq!(left.error_code, 0);
    assert_eq!(left.members[0].error_code, 0);
    let hb: HeartbeatResponse = call(
        &mut lead_conn,
        ApiKey::Heartbeat,
        4,
        &beat(&leader.member_id, None),
    )
    .await;
    assert_eq!(
        hb.error_code, 27,
        "REBALANCE_IN_PROGRESS after a member left"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_the_right_error_codes() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("t", 1, Default::default(), false)
        .expect("topic");
    let mut c = connect(&server).await;

    let tx: FindCoordinatorResponse = call(
        &mut c,
        ApiKey::FindCoordinator,
        4,
        &FindCoordinatorRequest::default()
            .with_key_type(2)
            .with_coordinator_keys(vec![s("share")]),
    )
    .await;
    assert_eq!(
        tx.coordinators[0].error_code, 42,
        "INVALID_REQUEST: key types are 0 (group) and 1 (transaction)"
    );
    let fc: FindCoordinatorResponse = call(
        &mut c,
        ApiKey::FindCoordinator,
        2,
        &FindCoordinatorRequest::default().with_key(s(GROUP)),
    )
    .await;
    assert_eq!((fc.error_code, fc.port), (0, server.addr().port() as i32));

    // Simple commits (generation -1) while the group has no members.
    assert_eq!(commit_error(&mut c, &commit(-1, "", "t", 5)).await, 0);
    assert_eq!(
        commit_error(&mut c, &commit(-1, "", "nope", 5)).await,
        3,
        "UNKNOWN_TOPIC_OR_PARTITION"
    );

    let first: JoinGroupResponse = call(&mut c, ApiKey::JoinGroup, 6, &join("", None)).await;
    assert_eq!(first.error_code, 79, "MEMBER_ID_REQUIRED");
    assert!(!first.member_id.is_empty());
    let unknown: JoinGroupResponse =
        call(&mut c, ApiKey::JoinGroup, 6, &join("made-up", None)).await;
    assert_eq!(unknown.error_code, 25, "UNKNOWN_MEMBER_ID");
    let joined: JoinGroupResponse =
        call(&mut c, ApiKey::JoinGroup, 6, &join(&first.member_id, None)).await;
    assert_eq!(joined.error_code, 0);
    let member = joined.member_id.to_string();
    let generation = joined.generation_id;

    let sync = |generation: i32, member: &str| {
        SyncGroupRequest::default()
            .with_group_id(gid(GROUP))
            .with_generation_id(generation)
            .with_member_id(s(member))
    };
    let stale: SyncGroupResponse =
        call(&mut c, ApiKey::SyncGroup, 3, &sync(generation + 7, &member)).await;
    assert_eq!(stale.error_code, 22, "ILLEGAL_GENERATION");
    let synced: SyncGroupResponse =
        call(&mut c, ApiKey::SyncGroup, 3, &sync(generation, &member)).await;
    assert_eq!(synced.error_code, 0);

    assert_eq!(
        commit_error(&mut c, &commit(generation, &member, "t", 9)).await,
        0
    );
    assert_eq!(
        commit_error(&mut c, &commit(generation - 1, &member, "t", 9)).await,
        22,
        "ILLEGAL_GENERATION"
    );
    assert_eq!(
        commit_error(&mut c, &commit(generation, "stranger", "t", 9)).await,
        25,
        "UNKNOWN_MEMBER_ID"
    );
    assert_eq!(
        commit_error(&mut c, &commit(-1, "", "t", 9)).await,
        25,
        "no simple commits while the group has members"
    );
    assert_eq!(
        commit_error(&mut c, &commit(generation, &member, "nope", 9)).await,
        3
    );
    let hb = |generation: i32, member: &str| {
        HeartbeatRequest::default()
            .with_group_id(gid(GROUP))
            .with_generation_id(generation)
            .with_member_id(s(member))
    };
    let r: HeartbeatResponse =
        call(&mut c, ApiKey::Heartbeat, 2, &hb(generation, "stranger")).await;
    assert_eq!(r.error_code, 25);
    let r: HeartbeatResponse =
        call(&mut c, ApiKey::Heartbeat, 2, &hb(generation + 1, &member)).await;
    assert_eq!(r.error_code, 22);

    // Offsets of two groups in one OffsetFetch (v8).
    let fetched: OffsetFetchResponse = call(
        &mut c,
        ApiKey::OffsetFetch,
        8,
        &OffsetFetchRequest::default().with_groups(vec![
            OffsetFetchRequestGroup::default()
                .with_group_id(gid(GROUP))
                .with_topics(Some(vec![OffsetFetchRequestTopics::default()
                    .with_name(TopicName(s("t")))
                    .with_partition_indexes(vec![0])])),
            OffsetFetchRequestGroup::default()
                .with_group_id(gid("never-used"))
                .with_topics(None),
        ]),
    )
    .await;
    let p = &fetched.groups[0].topics[0].partitions[0];
    assert_eq!(
        (p.committed_offset, p.metadata.as_deref()),
        (9, Some("meta"))
    );
    assert!(fetched.groups[1].topics.is_empty());

    // Admin APIs see the member and refuse to delete what is in use.
    let listed: ListGroupsResponse = call(
        &mut c,
        ApiKey::ListGroups,
        4,
        &ListGroupsRequest::default().with_states_filter(vec![s("Stable")]),
    )
    .await;
    assert_eq!(listed.groups.len(), 1);
    assert_eq!(listed.groups[0].group_id.as_str(), GROUP);
    let described: DescribeGroupsResponse = call(
        &mut c,
        ApiKey::DescribeGroups,
        5,
        &DescribeGroupsRequest::default().with_groups(vec![gid(GROUP)]),
    )
    .await;
    let g = &described.groups[0];
    assert_eq!(
        (g.group_state.as_str(), g.protocol_data.as_str()),
        ("Stable", "range")
    );
    assert_eq!(g.members[0].client_id.as_str(), "raw-test");
    assert_eq!(g.members[0].client_host.as_str(), "/127.0.0.1");
    assert_eq!(g.members[0].member_metadata, subscription("t"));
    let od: OffsetDeleteResponse = call(
        &mut c,
        ApiKey::OffsetDelete,
        0,
        &OffsetDeleteRequest::default()
            .with_group_id(gid(GROUP))
            .with_topics(vec![OffsetDeleteRequestTopic::default()
                .with_name(TopicName(s("t")))
                .with_partitions(vec![
                    OffsetDeleteRequestPartition::default().with_partition_index(0)
                ])]),
    )
    .await;
    assert_eq!(
        od.topics[0].partitions[0].error_code, 86,
        "GROUP_SUBSCRIBED_TO_TOPIC"
    );
    let delete = DeleteGroupsRequest::default().with_groups_names(vec![gid(GROUP), gid("ghost")]);
    let dg: DeleteGroupsResponse = call(&mut c, ApiKey::DeleteGroups, 2, &delete).await;
    assert_eq!(dg.results[0].error_code, 68, "NON_EMPTY_GROUP");
    assert_eq!(dg.results[1].error_code, 69, "GROUP_ID_NOT_FOUND");

    let left: LeaveGroupResponse = call(
        &mut c,
        ApiKey::LeaveGroup,
        1,
        &LeaveGroupRequest::default()
            .with_group_id(gid(GROUP))
            .with_member_id(s(&member)),
    )
    .await;
    assert_eq!(left.error_code, 0);
    let dg: DeleteGroupsResponse = call(&mut c, ApiKey::DeleteGroups, 2, &delete).await;
    assert_eq!(dg.results[0].error_code, 0);
    let fetched: OffsetFetchResponse = call(
        &mut c,
        ApiKey::OffsetFetch,
        7,
        &OffsetFetchRequest::default()
            .with_group_id(gid(GROUP))
            .with_topics(None),
    )
    .await;
    assert!(
        fetched.topics.is_empty(),
        "deleting the group deleted its offsets"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_keeps_the_group_generation_and_assignments() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("t", 1, Default::default(), false)
        .expect("topic");
    let mut c = connect(&server).await;
    // v3 needs no MEMBER_ID_REQUIRED round.
    let joined: JoinGroupResponse = call(&mut c, ApiKey::JoinGroup, 3, &join("", None)).await;
    assert_eq!(joined.error_code, 0);
    let sync = SyncGroupRequest::default()
        .with_group_id(gid(GROUP))
        .with_generation_id(joined.generation_id)
        .with_member_id(joined.member_id.clone())
        .with_assignments(vec![SyncGroupRequestAssignment::default()
            .with_member_id(joined.member_id.clone())
            .with_assignment(Bytes::from_static(b"mine"))]);
    let synced: SyncGroupResponse = call(&mut c, ApiKey::SyncGroup, 3, &sync).await;
    assert_eq!(synced.error_code, 0);
    drop(c);
    let (dir, tmp) = server.stop().await;

    let server = TestServer::start_in(&dir, |_| {}).await;
    let mut c = connect(&server).await;
    let hb: HeartbeatResponse = call(
        &mut c,
        ApiKey::Heartbeat,
        3,
        &HeartbeatRequest::default()
            .with_group_id(gid(GROUP))
            .with_generation_id(joined.generation_id)
            .with_member_id(joined.member_id.clone()),
    )
    .await;
    assert_eq!(hb.error_code, 0, "the member carries on without rejoining");
    let again: SyncGroupResponse = call(&mut c, ApiKey::SyncGroup, 3, &sync).await;
    assert_eq!(again.assignment, Bytes::from_static(b"mine"));
    assert_eq!(
        commit_error(
            &mut c,
            &commit(joined.generation_id, &joined.member_id, "t", 4)
        )
        .await,
        0
    );
    server.stop().await;
    drop(tmp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_that_heartbeats_but_never_rejoins_is_dropped_at_the_rebalance_timeout() {
    let server = TestServer::start().await;
    let mut a = connect(&server).await;
    let slow = join("", None).with_rebalance_timeout_ms(1500);
    let joined: JoinGroupResponse = call(&mut a, ApiKey::JoinGroup, 3, &slow).await;
    assert_eq!(joined.error_code, 0);
    let synced: SyncGroupResponse = call(
        &mut a,
        ApiKey::SyncGroup,
        3,
        &SyncGroupRequest::default()
            .with_group_id(gid(GROUP))
            .with_generation_id(joined.generation_id)
            .with_member_id(joined.member_id.clone()),
    )
    .await;
    assert_eq!(synced.error_code, 0);
    // A different protocol type cannot join this consumer group.
    let mut other = connect(&server).await;
    let connect_join = join("", None).with_protocol_type(s("connect"));
    let refused: JoinGroupResponse = call(&mut other, ApiKey::JoinGroup, 3, &connect_join).await;
    assert_eq!(refused.error_code, 23, "INCONSISTENT_GROUP_PROTOCOL");

    // B joins; A is told to rejoin but only keeps heartbeating.
    let mut b = connect(&server).await;
    let started = std::time::Instant::now();
    let b_join = tokio::spawn(async move {
        // The rebalance timeout is the longest of the members'.
        let quick = join("", None).with_rebalance_timeout_ms(1500);
        let r: JoinGroupResponse = call(&mut b, ApiKey::JoinGroup, 3, &quick).await;
        r
    });
    let heartbeat = HeartbeatRequest::default()
        .with_group_id(gid(GROUP))
        .with_generation_id(joined.generation_id)
        .with_member_id(joined.member_id.clone());
    let mut saw_rebalance = false;
    while !b_join.is_finished() {
        let hb: HeartbeatResponse = call(&mut a, ApiKey::Heartbeat, 3, &heartbeat).await;
        saw_rebalance |= hb.error_code == 27;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(saw_rebalance, "A was told a rebalance is in progress");
    let b_joined = b_join.await.expect("join task");
    assert_eq!(b_joined.error_code, 0);
    assert_eq!(b_joined.generation_id, joined.generation_id + 1);
    assert_eq!(b_joined.members.len(), 1, "A was dropped");
    assert!(started.elapsed() >= std::time::Duration::from_millis(1400));
    let hb: HeartbeatResponse = call(&mut a, ApiKey::Heartbeat, 3, &heartbeat).await;
    assert_eq!(hb.error_code, 25, "UNKNOWN_MEMBER_ID once dropped");
    server.stop().await;
}
