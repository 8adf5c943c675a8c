//! The consumer group protocol of KIP-848 (`group.protocol=consumer`) through librdkafka:
//! members share partitions with every message consumed exactly once, a silent member's
//! partitions move to the others within the session timeout, committed offsets and the group
//! survive a broker restart, a static member that comes back keeps its partitions — and raw
//! requests get Kafka's error codes for what the protocol forbids.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{call, client_config, produce_to_partitions, wait_for_assignment, TestServer};
use kafka_protocol::messages::consumer_group_heartbeat_request::TopicPartitions;
use kafka_protocol::messages::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use kafka_protocol::messages::{
    ApiKey, ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse,
    ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse, GroupId, JoinGroupRequest,
    JoinGroupResponse, OffsetCommitRequest, OffsetCommitResponse, TopicName,
};
use kafka_protocol::protocol::StrBytes;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};
use streamline::config::ServerConfig;
use tokio::net::TcpStream;

const TIMEOUT: Duration = Duration::from_secs(60);

/// Short broker-side timeouts so rebalances and expiry happen within a test's patience.
fn tune(config: &mut ServerConfig) {
    config.group_consumer_heartbeat_interval_ms = 200;
    config.group_consumer_session_timeout_ms = 3000;
}

fn member(bootstrap: &str, group: &str, extra: &[(&str, &str)]) -> BaseConsumer {
    let mut c = client_config(bootstrap);
    c.set("group.id", group)
        .set("group.protocol", "consumer")
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set("fetch.wait.max.ms", "100");
    for (k, v) in extra {
        c.set(*k, *v);
    }
    c.create().expect("consumer")
}

fn sid(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

#[derive(Default)]
struct Seen {
    assigned: BTreeSet<i32>,
    messages: Vec<(i32, i64)>,
}

/// A member polling on its own thread until `stop`, committing each message synchronously.
fn spawn_member(
    bootstrap: &str,
    group: &str,
    topic: &str,
    stop: Arc<AtomicBool>,
    seen: Arc<Mutex<Seen>>,
) -> std::thread::JoinHandle<()> {
    let (bootstrap, group, topic) = (bootstrap.to_string(), group.to_string(), topic.to_string());
    std::thread::spawn(move || {
        let c = member(&bootstrap, &group, &[]);
        c.subscribe(&[topic.as_str()]).expect("subscribe");
        while !stop.load(Ordering::Relaxed) {
            let polled = c.poll(Duration::from_millis(50));
            let assigned: BTreeSet<i32> = c
                .assignment()
                .map(|a| a.elements().iter().map(|e| e.partition()).collect())
                .unwrap_or_default();
            let mut seen = seen.lock().unwrap();
            seen.assigned = assigned;
            match polled {
                Some(Ok(m)) => {
                    seen.messages.push((m.partition(), m.offset()));
                    drop(seen);
                    c.commit_message(&m, CommitMode::Sync).expect("commit");
                }
                Some(Err(e)) => panic!("consumer error: {e}"),
                None => {}
            }
        }
        c.unsubscribe();
    })
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + TIMEOUT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_members_share_six_partitions_exactly_once() {
    let server = TestServer::start_with(tune).await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("shared", 6, Default::default(), false)
        .expect("topic");
    let stop = Arc::new(AtomicBool::new(false));
    let seen: Vec<Arc<Mutex<Seen>>> = (0..3).map(|_| Arc::default()).collect();
    let threads: Vec<_> = seen
        .iter()
        .map(|s| spawn_member(&bootstrap, "kip848", "shared", stop.clone(), s.clone()))
        .collect();
    wait_until("each member owns two partitions", || {
        seen.iter().all(|s| s.lock().unwrap().assigned.len() == 2)
    });
    let owned: Vec<BTreeSet<i32>> = seen
        .iter()
        .map(|s| s.lock().unwrap().assigned.clone())
        .collect();
    let union: BTreeSet<i32> = owned.iter().flatten().copied().collect();
    assert_eq!(union.len(), 6, "no partition is owned twice: {owned:?}");

    produce_to_partitions(&bootstrap, "shared", 6, 600).await;
    let total = || {
        seen.iter()
            .map(|s| s.lock().unwrap().messages.len())
            .sum::<usize>()
    };
    wait_until("600 messages are consumed", || total() >= 600);
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().expect("member thread");
    }
    let mut all = BTreeSet::new();
    for s in &seen {
        for m in &s.lock().unwrap().messages {
            assert!(all.insert(*m), "message {m:?} was delivered twice");
        }
    }
    assert_eq!(all.len(), 600);

    let c = member(&bootstrap, "kip848-reader", &[]);
    let mut tpl = TopicPartitionList::new();
    for p in 0..6 {
        tpl.add_partition("shared", p);
    }
    let committed = c
        .committed_offsets(tpl.clone(), Duration::from_secs(10))
        .expect("committed");
    assert!(committed
        .elements()
        .iter()
        .all(|e| e.offset() == Offset::Invalid));
    let group_reader = member(&bootstrap, "kip848", &[]);
    let committed = group_reader
        .committed_offsets(tpl, Duration::from_secs(10))
        .expect("committed");
    for e in committed.elements() {
        assert_eq!(
            e.offset(),
            Offset::Offset(100),
            "partition {}",
            e.partition()
        );
    }
    server.stop().await;
}

/// Joins `group` over a raw connection, subscribing to `topic`; returns the member id and
/// the response.
async fn raw_join(
    stream: &mut TcpStream,
    group: &str,
    member_id: &str,
    topic: &str,
) -> ConsumerGroupHeartbeatResponse {
    let join = ConsumerGroupHeartbeatRequest::default()
        .with_group_id(GroupId(sid(group)))
        .with_member_id(sid(member_id))
        .with_member_epoch(0)
        .with_rebalance_timeout_ms(5000)
        .with_subscribed_topic_names(Some(vec![TopicName(sid(topic))]))
        .with_topic_partitions(Some(Vec::new()));
    call(stream, ApiKey::ConsumerGroupHeartbeat, 1, &join).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_member_loses_its_partitions_within_the_session_timeout() {
    let server = TestServer::start_with(tune).await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("silent", 4, Default::default(), false)
        .expect("topic");
    // A raw member joins, takes every partition, and then never heartbeats again.
    let mut raw = TcpStream::connect(server.addr()).await.expect("connect");
    let joined = raw_join(&mut raw, "quiet", "raw-member-1", "silent").await;
    assert_eq!(joined.error_code, 0, "{:?}", joined.error_message);
    assert_eq!(joined.member_epoch, 1);
    let partitions: usize = joined.assignment.as_ref().map_or(0, |a| {
        a.topic_partitions.iter().map(|t| t.partitions.len()).sum()
    });
    assert_eq!(partitions, 4);

    let other = member(&bootstrap, "quiet", &[]);
    other.subscribe(&["silent"]).expect("subscribe");
    let took = wait_for_assignment(&other, 4, "the silent member kept its partitions");
    // Freed by the 3 s session timeout, not by some much later cleanup.
    assert!(took < Duration::from_secs(10), "took {took:?}");
    drop(other);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offsets_and_the_group_survive_a_broker_restart() {
    let server = TestServer::start_with(tune).await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("kept", 2, Default::default(), false)
        .expect("topic");
    produce_to_partitions(&bootstrap, "kept", 2, 20).await;
    {
        let c = member(&bootstrap, "restart", &[]);
        c.subscribe(&["kept"]).expect("subscribe");
        let mut got = 0;
        let deadline = Instant::now() + TIMEOUT;
        while got < 10 {
            assert!(Instant::now() < deadline, "consumed only {got}");
            if let Some(Ok(m)) = c.poll(Duration::from_millis(50)) {
                got += 1;
                c.commit_message(&m, CommitMode::Sync).expect("commit");
            }
        }
        c.unsubscribe();
    }
    let (dir, tmp) = server.stop().await;
    let server = TestServer::start_in(&dir, tune).await;
    let bootstrap = server.bootstrap();
    {
        let groups = server.server.broker().groups.lock();
        let group = groups.get("restart").expect("the group is back");
        assert!(group.consumer.is_some(), "still a consumer-protocol group");
        let committed: i64 = group.offsets.values().map(|c| c.offset).sum();
        assert_eq!(committed, 10, "the ten commits are back");
    }
    // A member of the same group resumes after the commits: 10 of 20 are left.
    let c = member(&bootstrap, "restart", &[]);
    c.subscribe(&["kept"]).expect("subscribe");
    let mut values = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline && values.len() < 10 {
        if let Some(Ok(m)) = c.poll(Duration::from_millis(50)) {
            values.push((m.partition(), m.offset()));
        }
    }
    // Nothing more arrives (nothing committed is read again).
    let quiet = Instant::now() + Duration::from_millis(500);
    while Instant::now() < quiet {
        if let Some(Ok(m)) = c.poll(Duration::from_millis(50)) {
            values.push((m.partition(), m.offset()));
        }
    }
    assert_eq!(values.len(), 10, "{values:?}");
    drop(c);
    server.stop().await;
    drop(tmp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_member_that_returns_keeps_its_partitions() {
    let server = TestServer::start_with(tune).await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("static", 4, Default::default(), false)
        .expect("topic");
    let assigned = |c: &BaseConsumer| -> BTreeSet<i32> {
        c.assignment()
            .map(|a| a.elements().iter().map(|e| e.partition()).collect())
            .unwrap_or_default()
    };
    let stay = member(&bootstrap, "statics", &[("group.instance.id", "stay")]);
    stay.subscribe(&["static"]).expect("subscribe");
    let first = member(&bootstrap, "statics", &[("group.instance.id", "returns")]);
    first.subscribe(&["static"]).expect("subscribe");
    wait_until("both members own two partitions", || {
        stay.poll(Duration::from_millis(20));
        first.poll(Duration::from_millis(20));
        assigned(&stay).len() == 2 && assigned(&first).len() == 2
    });
    let before = assigned(&first);
    let epoch_before = {
        let groups = server.server.broker().groups.lock();
        groups["statics"]
            .consumer
            .as_ref()
            .expect("consumer group")
            .group_epoch
    };
    drop(first);
    let again = member(&bootstrap, "statics", &[("group.instance.id", "returns")]);
    again.subscribe(&["static"]).expect("subscribe");
    wait_until("the returning member owns partitions", || {
        stay.poll(Duration::from_millis(20));
        again.poll(Duration::from_millis(20));
        !assigned(&again).is_empty()
    });
    assert_eq!(
        assigned(&again),
        before,
        "the same partitions, no reshuffle"
    );
    assert_eq!(assigned(&stay).len(), 2);
    let epoch_after = {
        let groups = server.server.broker().groups.lock();
        groups["statics"]
            .consumer
            .as_ref()
            .expect("consumer group")
            .group_epoch
    };
    assert_eq!(epoch_after, epoch_before, "no rebalance");
    drop((stay, again));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn protocol_violations_get_kafka_error_codes() {
    let server = TestServer::start_with(tune).await;
    server
        .server
        .broker()
        .create_topic("rules", 2, Default::default(), false)
        .expect("topic");
    let mut raw = TcpStream::connect(server.addr()).await.expect("connect");
    let joined = raw_join(&mut raw, "strict", "m-1", "rules").await;
    assert_eq!(joined.error_code, 0);
    let beat = |member: &str, epoch: i32| {
        ConsumerGroupHeartbeatRequest::default()
            .with_group_id(GroupId(sid("strict")))
            .with_member_id(sid(member))
            .with_member_epoch(epoch)
            .with_rebalance_timeout_ms(-1)
    };
    let code = |r: ConsumerGroupHeartbeatResponse| r.error_code;
    // Unknown member, a future epoch, no member id at all.
    assert_eq!(
        code(
            call(
                &mut raw,
                ApiKey::ConsumerGroupHeartbeat,
                1,
                &beat("nobody", 1)
            )
            .await
        ),
        25
    );
    assert_eq!(
        code(call(&mut raw, ApiKey::ConsumerGroupHeartbeat, 1, &beat("m-1", 7)).await),
        110
    );
    assert_eq!(
        code(call(&mut raw, ApiKey::ConsumerGroupHeartbeat, 1, &beat("", 1)).await),
        42
    );
    // Joining without a subscription, with an unknown assignor, with a broken regex.
    let bare = beat("m-2", 0).with_rebalance_timeout_ms(5000);
    assert_eq!(
        code(call(&mut raw, ApiKey::ConsumerGroupHeartbeat, 1, &bare).await),
        42
    );
    let assignor = bare
        .clone()
        .with_subscribed_topic_names(Some(vec![TopicName(sid("rules"))]))
        .with_server_assignor(Some(sid("sticky-magic")));
    assert_eq!(
        code(call(&mut raw, ApiKey::ConsumerGroupHeartbeat, 1, &assignor).await),
        112
    );
    let regex = bare
        .clone()
        .with_subscribed_topic_regex(Some(sid("rul(es")));
    assert_eq!(
        code(call(&mut raw, ApiKey::ConsumerGroupHeartbeat, 1, &regex).await),
        128
    );
    // Rejoining must not claim partitions.
    let claims = bare
        .with_subscribed_topic_names(Some(vec![TopicName(sid("rules"))]))
        .with_topic_partitions(Some(vec![TopicPartitions::default()
            .with_topic_id(uuid::Uuid::new_v4())
            .with_partitions(vec![0])]));
    assert_eq!(
        code(call(&mut raw, ApiKey::ConsumerGroupHeartbeat, 1, &claims).await),
        42
    );

    // A classic member cannot join a consumer group that has members.
    let classic: JoinGroupResponse = call(
        &mut raw,
        ApiKey::JoinGroup,
        5,
        &JoinGroupRequest::default()
            .with_group_id(GroupId(sid("strict")))
            .with_session_timeout_ms(6000)
            .with_rebalance_timeout_ms(6000)
            .with_protocol_type(sid("consumer"))
            .with_protocols(vec![Default::default()]),
    )
    .await;
    assert_eq!(classic.error_code, 23, "INCONSISTENT_GROUP_PROTOCOL");

    // Commits must carry the member's current epoch.
    let commit = |member: &str, epoch: i32| {
        OffsetCommitRequest::default()
            .with_group_id(GroupId(sid("strict")))
            .with_member_id(sid(member))
            .with_generation_id_or_member_epoch(epoch)
            .with_topics(vec![OffsetCommitRequestTopic::default()
                .with_name(TopicName(sid("rules")))
                .with_partitions(vec![OffsetCommitRequestPartition::default()
                    .with_partition_index(0)
                    .with_committed_offset(1)])])
    };
    let commit_code = |r: OffsetCommitResponse| r.topics[0].partitions[0].error_code;
    let stale: OffsetCommitResponse =
        call(&mut raw, ApiKey::OffsetCommit, 9, &commit("m-1", 0)).await;
    assert_eq!(commit_code(stale), 113, "STALE_MEMBER_EPOCH");
    let unknown: OffsetCommitResponse =
        call(&mut raw, ApiKey::OffsetCommit, 9, &commit("ghost", 1)).await;
    assert_eq!(commit_code(unknown), 25);
    let good: OffsetCommitResponse = call(
        &mut raw,
        ApiKey::OffsetCommit,
        9,
        &commit("m-1", joined.member_epoch),
    )
    .await;
    assert_eq!(commit_code(good), 0);

    // Described as Kafka does, with the member's assignment by topic name.
    let described: ConsumerGroupDescribeResponse = call(
        &mut raw,
        ApiKey::ConsumerGroupDescribe,
        1,
        &ConsumerGroupDescribeRequest::default()
            .with_group_ids(vec![GroupId(sid("strict")), GroupId(sid("missing"))]),
    )
    .await;
    let group = &described.groups[0];
    assert_eq!(group.error_code, 0);
    assert_eq!(group.group_state.as_str(), "Stable");
    assert_eq!(group.assignor_name.as_str(), "uniform");
    assert_eq!(group.members.len(), 1);
    let assignment = &group.members[0].assignment.topic_partitions;
    assert_eq!(assignment[0].topic_name.as_str(), "rules");
    assert_eq!(assignment[0].partitions, [0, 1]);
    assert_eq!(described.groups[1].error_code, 69, "GROUP_ID_NOT_FOUND");

    // Leaving: the member is gone and the group is empty.
    let left: ConsumerGroupHeartbeatResponse = call(
        &mut raw,
        ApiKey::ConsumerGroupHeartbeat,
        1,
        &beat("m-1", -1),
    )
    .await;
    assert_eq!((left.error_code, left.member_epoch), (0, -1));
    let emptied = {
        let groups = server.server.broker().groups.lock();
        groups["strict"]
            .consumer
            .as_ref()
            .is_some_and(|c| c.members.is_empty())
    };
    assert!(emptied);
    server.stop().await;
}
