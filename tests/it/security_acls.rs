//! ACLs as Kafka enforces them, seen by real clients: each API family denied with Kafka's exact
//! error code and allowed once an ACL grants it; LITERAL, PREFIXED and `*` patterns; DENY over
//! ALLOW; super users; `allow.everyone.if.no.acl.found`; Metadata hiding what a principal may
//! not describe; the ACL and user APIs themselves (SECURITY_DISABLED without an authorizer,
//! CLUSTER_AUTHORIZATION_FAILED for others than super users) and both stores surviving a
//! restart.

use std::time::Duration;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
use kafka_protocol::messages::{
    DescribeGroupsRequest, FindCoordinatorRequest, InitProducerIdRequest, MetadataRequest,
    TopicName,
};
use kafka_protocol::protocol::StrBytes;
use rdkafka::consumer::Consumer;
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use streamline::client::security::{ClientSecurity, SaslLogin};
use streamline::client::transport::Timeouts;
use streamline::client::Client;
use streamline::security::acl::{
    Acl, AclFilter, Operation, PatternFilter, PatternType, Permission, ResourceType,
};
use streamline::security::mechanism::SaslMechanism;
use streamline::security::scram::Mechanism;

use crate::common::secure::{Secured, ADMIN, ALICE};
use crate::common::TestServer;

/// A client of the SASL_PLAINTEXT listener logged in as `user`.
async fn as_user(s: &Secured, user: (&str, &str)) -> Client {
    let security = ClientSecurity {
        tls: None,
        sasl: Some(SaslLogin {
            mechanism: SaslMechanism::Scram(Mechanism::Sha256),
            username: user.0.into(),
            password: user.1.into(),
        }),
        oidc: None,
    };
    Client::remote_secured(
        &s.addr("SASL_PLAINTEXT"),
        Timeouts::default(),
        "acl-test",
        &security,
    )
    .await
    .expect("logs in")
}

fn acl(
    resource_type: ResourceType,
    name: &str,
    pattern_type: PatternType,
    principal: &str,
    operation: Operation,
    permission: Permission,
) -> Acl {
    Acl {
        resource_type,
        resource_name: name.into(),
        pattern_type,
        principal: principal.into(),
        host: "*".into(),
        operation,
        permission,
    }
}

fn kafka_error(e: streamline::Error) -> ResponseError {
    match e {
        streamline::Error::Kafka { error, .. } => error,
        other => panic!("expected a Kafka error, got {other}"),
    }
}

/// Topic names a Metadata request for every topic returns to `client`.
async fn visible_topics(client: &Client) -> Vec<String> {
    let resp = client
        .send(&MetadataRequest::default().with_topics(None), None)
        .await
        .unwrap();
    let mut names: Vec<String> = resp
        .topics
        .iter()
        .filter_map(|t| t.name.as_ref().map(|n| n.to_string()))
        .collect();
    names.sort();
    names
}

/// Produces one record as `user` on the SASL listener with librdkafka (in a transaction when
/// `txn` names one); the error, if any.
async fn rdkafka_produce(
    s: &Secured,
    user: (&str, &str),
    topic: &str,
    txn: Option<&str>,
) -> Result<(), String> {
    let mut config = s.client("SASL_PLAINTEXT", "SCRAM-SHA-512", user);
    config.set("message.timeout.ms", "5000");
    if let Some(id) = txn {
        config.set("transactional.id", id);
    }
    let producer: FutureProducer = config.create().map_err(|e| e.to_string())?;
    if txn.is_some() {
        tokio::task::block_in_place(|| {
            producer.init_transactions(Duration::from_secs(8))?;
            producer.begin_transaction()
        })
        .map_err(|e| e.to_string())?;
    }
    producer
        .send(
            FutureRecord::<(), str>::to(topic).payload("x"),
            Duration::from_secs(8),
        )
        .await
        .map_err(|(e, _)| e.to_string())?;
    if txn.is_some() {
        tokio::task::block_in_place(|| producer.commit_transaction(Duration::from_secs(8)))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn each_api_family_is_denied_with_kafkas_code_and_allowed_by_an_acl() {
    let s = Secured::start(|c| c.authorizer_enable = true).await;
    let admin = as_user(&s, ADMIN).await;
    for t in ["app-orders", "app-secret", "other", "public"] {
        admin.create_topic(t, 1, -1, &[]).await.unwrap();
    }
    use Operation::*;
    use PatternType::*;
    use Permission::*;
    use ResourceType::*;
    admin
        .create_acls(&[
            acl(Topic, "app-", Prefixed, "User:alice", Read, Allow),
            acl(Topic, "app-", Prefixed, "User:alice", Write, Allow),
            acl(Topic, "app-secret", Literal, "User:alice", All, Deny),
            acl(Topic, "public", Literal, "User:*", Describe, Allow),
            acl(Group, "g-", Prefixed, "User:alice", Read, Allow),
        ])
        .await
        .unwrap();
    let alice = as_user(&s, ALICE).await;

    // Metadata: READ and WRITE imply DESCRIBE; DENY ALL hides app-secret; `User:*` shows
    // public; other is left out; named, it is TOPIC_AUTHORIZATION_FAILED.
    assert_eq!(visible_topics(&alice).await, vec!["app-orders", "public"]);
    let named = alice
        .send(
            &MetadataRequest::default()
                .with_topics(Some(vec![MetadataRequestTopic::default()
                    .with_name(Some(TopicName(StrBytes::from_static_str("other"))))]))
                .with_allow_auto_topic_creation(false),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        named.topics[0].error_code,
        ResponseError::TopicAuthorizationFailed.code()
    );
    // A missing topic alice may not create: TOPIC_AUTHORIZATION_FAILED, and nothing created.
    let auto = alice
        .send(
            &MetadataRequest::default()
                .with_topics(Some(vec![MetadataRequestTopic::default()
                    .with_name(Some(TopicName(StrBytes::from_static_str("app-auto"))))]))
                .with_allow_auto_topic_creation(true),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        auto.topics[0].error_code,
        ResponseError::TopicAuthorizationFailed.code()
    );
    assert!(s.server.server.broker().topic("app-auto").is_none());

    // Produce, through librdkafka.
    rdkafka_produce(&s, ALICE, "app-orders", None)
        .await
        .expect("alice writes app-orders");
    let denied = rdkafka_produce(&s, ALICE, "other", None).await.unwrap_err();
    assert!(denied.contains("uthoriz"), "{denied}");
    let denied = rdkafka_produce(&s, ALICE, "app-secret", None)
        .await
        .unwrap_err();
    assert!(
        denied.contains("uthoriz"),
        "DENY beats the prefixed ALLOW: {denied}"
    );

    // Topic admin: CREATE, DELETE, ALTER, DESCRIBE_CONFIGS are not implied by READ/WRITE.
    let e = alice.create_topic("app-new", 1, -1, &[]).await.unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::TopicAuthorizationFailed);
    let e = alice.delete_topic("app-orders").await.unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::TopicAuthorizationFailed);
    let e = alice.create_partitions("app-orders", 3).await.unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::TopicAuthorizationFailed);
    let e = alice
        .describe_topic_configs("app-orders")
        .await
        .unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::TopicAuthorizationFailed);
    admin
        .create_acls(&[acl(Topic, "app-", Prefixed, "User:alice", Create, Allow)])
        .await
        .unwrap();
    alice
        .create_topic("app-new", 1, -1, &[])
        .await
        .expect("CREATE granted");
    // Without DESCRIBE_CONFIGS the answer does not describe the topic, as Kafka's does not.
    let created = alice
        .send(
            &kafka_protocol::messages::CreateTopicsRequest::default().with_topics(vec![
                kafka_protocol::messages::create_topics_request::CreatableTopic::default()
                    .with_name(TopicName(StrBytes::from_static_str("app-raw")))
                    .with_num_partitions(2)
                    .with_replication_factor(-1),
            ]),
            Some(7),
        )
        .await
        .unwrap();
    let t = &created.topics[0];
    assert_eq!(t.error_code, 0);
    assert_eq!(
        t.topic_config_error_code,
        ResponseError::TopicAuthorizationFailed.code()
    );
    assert_eq!(t.num_partitions, -1);
    assert_eq!(t.configs.as_ref().map(Vec::len), Some(0));
    assert_eq!(
        s.server
            .server
            .broker()
            .topic("app-raw")
            .unwrap()
            .partition_count(),
        2
    );

    // Groups: FindCoordinator and DescribeGroups need DESCRIBE (READ implies it).
    let found = alice
        .send(
            &FindCoordinatorRequest::default()
                .with_key_type(0)
                .with_coordinator_keys(vec![
                    StrBytes::from_static_str("g-1"),
                    StrBytes::from_static_str("other-group"),
                ]),
            None,
        )
        .await
        .unwrap();
    assert_eq!(found.coordinators[0].error_code, 0);
    assert_eq!(
        found.coordinators[1].error_code,
        ResponseError::GroupAuthorizationFailed.code()
    );
    let described = alice
        .send(
            &DescribeGroupsRequest::default()
                .with_groups(vec![StrBytes::from_static_str("other-group").into()]),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        described.groups[0].error_code,
        ResponseError::GroupAuthorizationFailed.code()
    );
    // KIP-848: a subscription naming a topic the member may not describe is refused.
    let heartbeat = alice
        .send(
            &kafka_protocol::messages::ConsumerGroupHeartbeatRequest::default()
                .with_group_id(StrBytes::from_static_str("g-848").into())
                .with_member_id(StrBytes::from_static_str("m-1"))
                .with_member_epoch(0)
                .with_rebalance_timeout_ms(30_000)
                .with_subscribed_topic_names(Some(vec![
                    StrBytes::from_static_str("app-orders").into(),
                    StrBytes::from_static_str("other").into(),
                ])),
            Some(1),
        )
        .await
        .unwrap();
    assert_eq!(
        heartbeat.error_code,
        ResponseError::TopicAuthorizationFailed.code()
    );
    assert!(heartbeat
        .error_message
        .as_ref()
        .is_some_and(|m| m.contains("other") && !m.contains("app-orders")));
    // A consumer in an allowed group reads; in another group it gets GROUP_AUTHORIZATION_FAILED.
    let config_for = |group: &str| {
        let mut config = s.client("SASL_PLAINTEXT", "SCRAM-SHA-256", ALICE);
        config
            .set("group.id", group)
            .set("auto.offset.reset", "earliest")
            .set("enable.auto.commit", "false");
        config
    };
    let read_in = |config: rdkafka::config::ClientConfig| {
        let consumer: rdkafka::consumer::BaseConsumer = config.create().unwrap();
        consumer.subscribe(&["app-orders"]).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while std::time::Instant::now() < deadline {
            match consumer.poll(Duration::from_millis(300)) {
                Some(Ok(_)) => return Ok(()),
                Some(Err(e)) => return Err(e.to_string()),
                None => {}
            }
        }
        Err("nothing read".to_string())
    };
    let allowed = config_for("g-1");
    tokio::task::spawn_blocking(move || read_in(allowed))
        .await
        .unwrap()
        .expect("alice reads in g-1");
    let denied = config_for("h-1");
    let e = tokio::task::spawn_blocking(move || read_in(denied))
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        e.contains("Group authorization failed") || e.contains("GroupAuthorization"),
        "{e}"
    );

    // Transactions: WRITE on the transactional id.
    let init = |id: &'static str| {
        InitProducerIdRequest::default()
            .with_transactional_id(Some(kafka_protocol::messages::TransactionalId(
                StrBytes::from_static_str(id),
            )))
            .with_transaction_timeout_ms(10_000)
    };
    let r = alice.send(&init("tx-1"), None).await.unwrap();
    assert_eq!(
        r.error_code,
        ResponseError::TransactionalIdAuthorizationFailed.code()
    );
    admin
        .create_acls(&[acl(
            TransactionalId,
            "tx-",
            Prefixed,
            "User:alice",
            Write,
            Allow,
        )])
        .await
        .unwrap();
    let r = alice.send(&init("tx-1"), None).await.unwrap();
    assert_eq!(r.error_code, 0);
    rdkafka_produce(&s, ALICE, "app-orders", Some("tx-2"))
        .await
        .expect("a transaction");

    // The super user needs no ACL; the cluster's own resources need cluster ACLs.
    admin.delete_topic("other").await.expect("admin deletes");
    let e = alice
        .create_acls(&[acl(Topic, "x", Literal, "User:alice", Read, Allow)])
        .await
        .unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::ClusterAuthorizationFailed);
    let e = alice.describe_scram_users(&[]).await.unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::ClusterAuthorizationFailed);
}

#[tokio::test(flavor = "multi_thread")]
async fn resources_no_acl_names_follow_allow_everyone_if_no_acl_found() {
    let s = Secured::start(|c| {
        c.authorizer_enable = true;
        c.allow_everyone_if_no_acl_found = true;
    })
    .await;
    let admin = as_user(&s, ADMIN).await;
    admin.create_topic("free", 1, -1, &[]).await.unwrap();
    admin.create_topic("guarded", 1, -1, &[]).await.unwrap();
    admin
        .create_acls(&[acl(
            ResourceType::Topic,
            "guarded",
            PatternType::Literal,
            "User:admin",
            Operation::Read,
            Permission::Allow,
        )])
        .await
        .unwrap();
    let alice = as_user(&s, ALICE).await;
    assert_eq!(visible_topics(&alice).await, vec!["free"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn acls_and_users_need_the_authorizer_and_survive_a_restart() {
    // Without the authorizer, the ACL APIs answer SECURITY_DISABLED, as Kafka's do.
    let s = Secured::start(|_| {}).await;
    let admin = as_user(&s, ADMIN).await;
    let e = admin.describe_acls(&AclFilter::any()).await.unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::SecurityDisabled);
    drop(admin);
    let dir = s.server.data_dir.clone();
    let tmp = s.dir;
    let (_, keep) = s.server.stop().await;

    let (cert, key, ca) = (
        tmp.path().join("server.pem"),
        tmp.path().join("server.key"),
        tmp.path().join("ca.pem"),
    );
    let start = |dir: std::path::PathBuf| {
        let (cert, key, ca) = (cert.clone(), key.clone(), ca.clone());
        async move {
            TestServer::start_in(&dir, move |c| {
                c.listeners = vec!["SASL_PLAINTEXT://127.0.0.1:0".into()];
                c.ssl_certificate_location = Some(cert);
                c.ssl_key_location = Some(key);
                c.ssl_ca_location = Some(ca);
                c.super_users = vec!["User:admin".into()];
                c.authorizer_enable = true;
            })
            .await
        }
    };
    let login = |addr: String, user: (&'static str, &'static str)| async move {
        let security = ClientSecurity {
            tls: None,
            sasl: Some(SaslLogin {
                mechanism: SaslMechanism::Scram(Mechanism::Sha512),
                username: user.0.into(),
                password: user.1.into(),
            }),
            oidc: None,
        };
        Client::remote_secured(&addr, Timeouts::default(), "acl-test", &security).await
    };
    let server = start(dir.clone()).await;
    // The users seeded at the first start are still there (no sasl_users this time).
    let admin = login(server.bootstrap(), ADMIN)
        .await
        .expect("admin logs in");
    admin
        .upsert_scram_credential("bob", Mechanism::Sha512, "bob-pw", 4096)
        .await
        .unwrap();
    admin
        .create_acls(&[acl(
            ResourceType::Topic,
            "*",
            PatternType::Literal,
            "User:bob",
            Operation::Describe,
            Permission::Allow,
        )])
        .await
        .unwrap();
    drop(admin);
    server.stop().await;

    let server = start(dir.clone()).await;
    let admin = login(server.bootstrap(), ADMIN).await.unwrap();
    let acls = admin.describe_acls(&AclFilter::any()).await.unwrap();
    assert_eq!(acls.len(), 1, "{acls:?}");
    let users: Vec<String> = admin
        .describe_scram_users(&[])
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(users, vec!["admin", "alice", "bob"]);
    login(server.bootstrap(), ("bob", "bob-pw"))
        .await
        .expect("bob's credential survived");
    // Deleting by filter reports what went, and a MATCH filter finds the wildcard ACL.
    let matching = admin
        .describe_acls(&AclFilter {
            resource_type: Some(ResourceType::Topic),
            resource_name: Some("anything".into()),
            pattern: PatternFilter::Match,
            ..AclFilter::any()
        })
        .await
        .unwrap();
    assert_eq!(matching.len(), 1);
    let removed = admin
        .delete_acls(&[AclFilter {
            principal: Some("User:bob".into()),
            ..AclFilter::any()
        }])
        .await
        .unwrap();
    assert_eq!(removed[0].len(), 1);
    admin
        .delete_scram_credential("bob", Mechanism::Sha512)
        .await
        .unwrap();
    let e = admin
        .delete_scram_credential("bob", Mechanism::Sha512)
        .await
        .unwrap_err();
    assert_eq!(kafka_error(e), ResponseError::ResourceNotFound);
    assert!(login(server.bootstrap(), ("bob", "bob-pw")).await.is_err());
    drop(keep);
}
