//! Consumer groups through librdkafka: members of one group share a topic's partitions and
//! receive every message exactly once; a member that goes silent loses its partitions;
//! committed offsets survive a broker restart; a restarted consumer resumes after its last
//! commit; cooperative-sticky members split partitions and take them over; a static member
//! that restarts within its session timeout gets its partitions back without a rebalance.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{
    call, consumer, produce_to_partitions, value_str, wait_for_assignment, TestServer,
};
use bytes::Bytes;
use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
use kafka_protocol::messages::{
    ApiKey, GroupId, JoinGroupRequest, JoinGroupResponse, SyncGroupRequest, SyncGroupResponse,
};
use kafka_protocol::protocol::StrBytes;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};
use tokio::net::TcpStream;

const TIMEOUT: Duration = Duration::from_secs(60);

fn group_consumer(bootstrap: &str, group: &str, extra: &[(&str, &str)]) -> BaseConsumer {
    let mut settings = vec![
        ("group.id", group),
        ("auto.offset.reset", "earliest"),
        ("session.timeout.ms", "6000"),
        ("heartbeat.interval.ms", "300"),
    ];
    settings.extend_from_slice(extra);
    consumer(bootstrap, &settings)
}

/// What one consumer thread saw.
#[derive(Default)]
struct Seen {
    assigned: usize,
    messages: Vec<(i32, i64)>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_consumers_share_six_partitions_exactly_once() {
    let server = TestServer::start().await;
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
        .map(|seen| {
            let (bootstrap, stop, seen) = (bootstrap.clone(), stop.clone(), seen.clone());
            std::thread::spawn(move || {
                let c = group_consumer(&bootstrap, "three", &[]);
                c.subscribe(&["shared"]).expect("subscribe");
                while !stop.load(Ordering::Relaxed) {
                    let polled = c.poll(Duration::from_millis(100));
                    let assigned = c.assignment().map(|a| a.count()).unwrap_or(0);
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
            })
        })
        .collect();

    // Wait until the group is stable with two partitions each, then produce.
    let deadline = Instant::now() + TIMEOUT;
    while seen.iter().any(|s| s.lock().unwrap().assigned != 2) {
        assert!(Instant::now() < deadline, "the group never settled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    produce_to_partitions(&bootstrap, "shared", 6, 600).await;
    let total = || {
        seen.iter()
            .map(|s| s.lock().unwrap().messages.len())
            .sum::<usize>()
    };
    while total() < 600 {
        assert!(
            Instant::now() < deadline,
            "only {} of 600 messages consumed",
            total()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Give duplicates a chance to show up.
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().expect("consumer thread");
    }
    let mut all = BTreeSet::new();
    for s in &seen {
        let s = s.lock().unwrap();
        assert!(!s.messages.is_empty(), "every consumer got messages");
        let partitions: BTreeSet<i32> = s.messages.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            partitions.len(),
            2,
            "each consumer reads its own two partitions"
        );
        for m in &s.messages {
            assert!(all.insert(*m), "message {m:?} was delivered twice");
        }
    }
    assert_eq!(all.len(), 600);

    // Every partition's committed offset is its end.
    let c = group_consumer(&bootstrap, "three", &[]);
    let mut tpl = TopicPartitionList::new();
    for p in 0..6 {
        tpl.add_partition("shared", p);
    }
    let committed = c
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_member_loses_its_partitions() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("silent", 4, Default::default(), false)
        .expect("topic");
    // A raw member joins, takes every partition, and then never heartbeats again.
    let mut raw = TcpStream::connect(server.addr()).await.expect("connect");
    let join = |member: &str| {
        JoinGroupRequest::default()
            .with_group_id(GroupId(StrBytes::from_static_str("silent-group")))
            .with_session_timeout_ms(2000)
            .with_rebalance_timeout_ms(2000)
            .with_member_id(StrBytes::from_string(member.to_string()))
            .with_protocol_type(StrBytes::from_static_str("consumer"))
            .with_protocols(vec![JoinGroupRequestProtocol::default()
                .with_name(StrBytes::from_static_str("range"))
                .with_metadata(Bytes::from_static(
                    b"\0\0\0\0\0\x01\0\x06silent\xff\xff\xff\xff",
                ))])
    };
    let first: JoinGroupResponse = call(&mut raw, ApiKey::JoinGroup, 5, &join("")).await;
    assert_eq!(first.error_code, 79, "MEMBER_ID_REQUIRED");
    let joined: JoinGroupResponse =
        call(&mut raw, ApiKey::JoinGroup, 5, &join(&first.member_id)).await;
    assert_eq!(joined.error_code, 0);
    let synced: SyncGroupResponse = call(
        &mut raw,
        ApiKey::SyncGroup,
        3,
        &SyncGroupRequest::default()
            .with_group_id(GroupId(StrBytes::from_static_str("silent-group")))
            .with_generation_id(joined.generation_id)
            .with_member_id(joined.member_id.clone()),
    )
    .await;
    assert_eq!(synced.error_code, 0);

    let other = group_consumer(&bootstrap, "silent-group", &[]);
    other.subscribe(&["silent"]).expect("subscribe");
    let took = wait_for_assignment(&other, 4, "the silent member kept its partitions");
    // Removed by its 2 s session timeout, not by some much later cleanup.
    assert!(took < Duration::from_secs(10), "took {took:?}");
    {
        let groups = server.server.broker().groups.lock();
        let group = groups.get("silent-group").expect("group");
        assert_eq!(group.members.len(), 1);
        assert!(!group.members.contains_key(joined.member_id.as_str()));
    }
    drop(other);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn committed_offsets_survive_a_restart() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("durable", 3, Default::default(), false)
        .expect("topic");
    produce_to_partitions(&bootstrap, "durable", 3, 30).await;
    let c = group_consumer(&bootstrap, "keeper", &[]);
    let mut tpl = TopicPartitionList::new();
    for p in 0..3 {
        tpl.add_partition_offset("durable", p, Offset::Offset(3 + p as i64))
            .expect("offset");
    }
    // A consumer that assigns partitions itself commits with generation -1.
    c.commit(&tpl, CommitMode::Sync).expect("commit");
    drop(c);
    let (dir, tmp) = server.stop().await;

    let server = TestServer::start_in(&dir, |_| {}).await;
    let c = group_consumer(&server.bootstrap(), "keeper", &[]);
    let mut ask = TopicPartitionList::new();
    for p in 0..3 {
        ask.add_partition("durable", p);
    }
    let committed = c
        .committed_offsets(ask, Duration::from_secs(10))
        .expect("committed");
    let got: BTreeMap<i32, Offset> = committed
        .elements()
        .iter()
        .map(|e| (e.partition(), e.offset()))
        .collect();
    let want: BTreeMap<i32, Offset> = (0..3).map(|p| (p, Offset::Offset(3 + p as i64))).collect();
    assert_eq!(got, want);
    drop(c);
    server.stop().await;
    drop(tmp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_consumer_resumes_after_its_last_commit() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    produce_to_partitions(&bootstrap, "resume", 1, 10).await;
    let read = |count: usize, commit: bool| {
        let c = group_consumer(&bootstrap, "resumer", &[]);
        c.subscribe(&["resume"]).expect("subscribe");
        let deadline = Instant::now() + TIMEOUT;
        let mut got = Vec::new();
        while got.len() < count {
            assert!(Instant::now() < deadline, "timed out reading");
            if let Some(m) = c.poll(Duration::from_millis(100)) {
                let m = m.expect("message");
                if commit {
                    c.commit_message(&m, CommitMode::Sync).expect("commit");
                }
                got.push((m.offset(), value_str(&m.detach())));
            }
        }
        got
    };
    let first = read(5, true);
    assert_eq!(first.first().map(|m| m.0), Some(0));
    let second = read(5, false);
    assert_eq!(
        second,
        (5..10).map(|i| (i, format!("m{i}"))).collect::<Vec<_>>()
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cooperative_sticky_members_split_and_take_over_partitions() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("coop", 4, Default::default(), false)
        .expect("topic");
    let strategy = [("partition.assignment.strategy", "cooperative-sticky")];
    let first = group_consumer(&bootstrap, "coop-group", &strategy);
    first.subscribe(&["coop"]).expect("subscribe");
    let count = |c: &BaseConsumer| c.assignment().map(|a| a.count()).unwrap_or(0);
    let deadline = Instant::now() + TIMEOUT;
    while count(&first) != 4 {
        assert!(
            Instant::now() < deadline,
            "first member never got partitions"
        );
        first.poll(Duration::from_millis(50));
    }
    let second = group_consumer(&bootstrap, "coop-group", &strategy);
    second.subscribe(&["coop"]).expect("subscribe");
    while (count(&first), count(&second)) != (2, 2) {
        assert!(
            Instant::now() < deadline,
            "partitions were not split: {} and {}",
            count(&first),
            count(&second)
        );
        first.poll(Duration::from_millis(50));
        second.poll(Duration::from_millis(50));
    }
    second.unsubscribe();
    drop(second);
    while count(&first) != 4 {
        assert!(
            Instant::now() < deadline,
            "the remaining member did not take over"
        );
        first.poll(Duration::from_millis(50));
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_member_restarting_within_its_session_keeps_its_partitions() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    server
        .server
        .broker()
        .create_topic("static-classic", 4, Default::default(), false)
        .expect("topic");
    let partitions = |c: &BaseConsumer| -> BTreeSet<i32> {
        c.assignment()
            .map(|a| a.elements().iter().map(|e| e.partition()).collect())
            .unwrap_or_default()
    };
    // `stay` joins first and leads: a returning leader rebalances (it assigns), a returning
    // follower must not.
    let stay = group_consumer(&bootstrap, "statics", &[("group.instance.id", "stay")]);
    stay.subscribe(&["static-classic"]).expect("subscribe");
    let deadline = Instant::now() + TIMEOUT;
    while partitions(&stay).len() != 4 {
        assert!(Instant::now() < deadline, "the first member got nothing");
        stay.poll(Duration::from_millis(20));
    }
    let first = group_consumer(&bootstrap, "statics", &[("group.instance.id", "returns")]);
    first.subscribe(&["static-classic"]).expect("subscribe");
    while (partitions(&stay).len(), partitions(&first).len()) != (2, 2) {
        assert!(Instant::now() < deadline, "the group never settled");
        stay.poll(Duration::from_millis(20));
        first.poll(Duration::from_millis(20));
    }
    let before = partitions(&first);
    let generation = server.server.broker().groups.lock()["statics"].generation_id;
    // A static member sends no LeaveGroup when it closes: its session (6 s) keeps its place.
    drop(first);
    let again = group_consumer(&bootstrap, "statics", &[("group.instance.id", "returns")]);
    again.subscribe(&["static-classic"]).expect("subscribe");
    while partitions(&again).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the returning member got nothing"
        );
        stay.poll(Duration::from_millis(20));
        again.poll(Duration::from_millis(20));
    }
    assert_eq!(partitions(&again), before, "the same partitions");
    assert_eq!(partitions(&stay).len(), 2, "the other member kept its own");
    let after = server.server.broker().groups.lock()["statics"].generation_id;
    assert_eq!(after, generation, "no rebalance");
    drop((stay, again));
    server.stop().await;
}
