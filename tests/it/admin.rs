//! Admin operations through librdkafka's AdminClient: create, describe, alter, delete topics,
//! add partitions, delete records, and the errors Kafka gives for bad requests.

use std::time::Duration;

use crate::common::{admin, consumer, producer, TestServer};
use rdkafka::admin::{
    AdminOptions, AlterConfig, NewPartitions, NewTopic, ResourceSpecifier, TopicReplication,
};
use rdkafka::consumer::Consumer;
use rdkafka::producer::FutureRecord;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};

const TIMEOUT: Duration = Duration::from_secs(15);

fn opts() -> AdminOptions {
    AdminOptions::new().request_timeout(Some(TIMEOUT))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_lifecycle() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let admin = admin(&bootstrap);

    let topic =
        NewTopic::new("lifecycle", 3, TopicReplication::Fixed(1)).set("retention.ms", "3600000");
    let results = admin
        .create_topics([&topic], &opts())
        .await
        .expect("request");
    assert_eq!(results, vec![Ok("lifecycle".to_string())]);

    let again = admin
        .create_topics([&topic], &opts())
        .await
        .expect("request");
    assert_eq!(
        again,
        vec![Err((
            "lifecycle".to_string(),
            RDKafkaErrorCode::TopicAlreadyExists
        ))]
    );

    let metadata = admin
        .inner()
        .fetch_metadata(Some("lifecycle"), TIMEOUT)
        .expect("metadata");
    assert_eq!(metadata.topics()[0].partitions().len(), 3);

    let described = admin
        .describe_configs([&ResourceSpecifier::Topic("lifecycle")], &opts())
        .await
        .expect("request");
    let resource = described[0].as_ref().expect("described");
    let retention = resource.get("retention.ms").expect("retention.ms listed");
    assert_eq!(retention.value.as_deref(), Some("3600000"));
    assert!(!retention.is_default);
    let cleanup = resource
        .get("cleanup.policy")
        .expect("cleanup.policy listed");
    assert_eq!(cleanup.value.as_deref(), Some("delete"));
    assert!(cleanup.is_default);

    let alter = AlterConfig::new(ResourceSpecifier::Topic("lifecycle")).set("retention.ms", "1000");
    let altered = admin
        .alter_configs([&alter], &opts())
        .await
        .expect("request");
    assert!(altered[0].is_ok(), "{altered:?}");
    let described = admin
        .describe_configs([&ResourceSpecifier::Topic("lifecycle")], &opts())
        .await
        .expect("request");
    let resource = described[0].as_ref().expect("described");
    assert_eq!(
        resource
            .get("retention.ms")
            .and_then(|e| e.value.as_deref()),
        Some("1000")
    );

    let bad = AlterConfig::new(ResourceSpecifier::Topic("lifecycle")).set("retention.ms", "soon");
    // The rdkafka crate reports every AlterConfigs resource as Ok, whatever the broker said,
    // so the refusal is checked by describing the topic again.
    admin.alter_configs([&bad], &opts()).await.expect("request");
    let described = admin
        .describe_configs([&ResourceSpecifier::Topic("lifecycle")], &opts())
        .await
        .expect("request");
    let resource = described[0].as_ref().expect("described");
    assert_eq!(
        resource
            .get("retention.ms")
            .and_then(|e| e.value.as_deref()),
        Some("1000"),
        "an invalid value is refused and the old one kept"
    );

    let grown = admin
        .create_partitions([&NewPartitions::new("lifecycle", 5)], &opts())
        .await
        .expect("request");
    assert_eq!(grown, vec![Ok("lifecycle".to_string())]);
    let shrink = admin
        .create_partitions([&NewPartitions::new("lifecycle", 2)], &opts())
        .await
        .expect("request");
    assert_eq!(
        shrink,
        vec![Err((
            "lifecycle".to_string(),
            RDKafkaErrorCode::InvalidPartitions
        ))]
    );
    let metadata = admin
        .inner()
        .fetch_metadata(Some("lifecycle"), TIMEOUT)
        .expect("metadata");
    assert_eq!(metadata.topics()[0].partitions().len(), 5);

    let deleted = admin
        .delete_topics(&["lifecycle"], &opts())
        .await
        .expect("request");
    assert_eq!(deleted, vec![Ok("lifecycle".to_string())]);
    let gone = admin
        .delete_topics(&["lifecycle"], &opts())
        .await
        .expect("request");
    assert_eq!(
        gone,
        vec![Err((
            "lifecycle".to_string(),
            RDKafkaErrorCode::UnknownTopicOrPartition
        ))]
    );
    let data = server.data_dir.join("topics").join("lifecycle");
    assert!(!data.exists(), "a deleted topic's data is removed");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_topic_requests_get_kafka_error_codes() {
    let server = TestServer::start().await;
    let admin = admin(&server.bootstrap());
    let cases = [
        (
            NewTopic::new("bad name", 1, TopicReplication::Fixed(1)),
            RDKafkaErrorCode::InvalidTopic,
        ),
        (
            NewTopic::new("absurd", 50_000, TopicReplication::Fixed(1)),
            RDKafkaErrorCode::InvalidPartitions,
        ),
        (
            NewTopic::new("replicated", 1, TopicReplication::Fixed(3)),
            RDKafkaErrorCode::InvalidReplicationFactor,
        ),
        (
            NewTopic::new("compressed", 1, TopicReplication::Fixed(1))
                .set("cleanup.policy", "compress"),
            RDKafkaErrorCode::InvalidConfig,
        ),
        (
            NewTopic::new("lags", 1, TopicReplication::Fixed(1))
                .set("min.compaction.lag.ms", "2000")
                .set("max.compaction.lag.ms", "1000"),
            RDKafkaErrorCode::InvalidConfig,
        ),
        (
            NewTopic::new("unknown-config", 1, TopicReplication::Fixed(1))
                .set("no.such.config", "1"),
            RDKafkaErrorCode::InvalidConfig,
        ),
    ];
    for (topic, code) in &cases {
        let result = admin
            .create_topics([topic], &opts())
            .await
            .expect("request");
        assert_eq!(
            result,
            vec![Err((topic.name.to_string(), *code))],
            "{}",
            topic.name
        );
    }
    let ok = NewTopic::new("a.b", 1, TopicReplication::Fixed(1));
    assert!(admin.create_topics([&ok], &opts()).await.expect("request")[0].is_ok());
    let collide = NewTopic::new("a_b", 1, TopicReplication::Fixed(1));
    assert_eq!(
        admin
            .create_topics([&collide], &opts())
            .await
            .expect("request"),
        vec![Err(("a_b".to_string(), RDKafkaErrorCode::InvalidTopic))]
    );
    let metadata = admin
        .inner()
        .fetch_metadata(None, TIMEOUT)
        .expect("metadata");
    let names: Vec<&str> = metadata.topics().iter().map(|t| t.name()).collect();
    assert_eq!(names, ["a.b"], "nothing else was created");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offsets_for_times_watermarks_and_delete_records() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let p = producer(&bootstrap, &[("linger.ms", "0")]);
    for i in 0..10i64 {
        let value = format!("t{i}");
        p.send(
            FutureRecord::<str, str>::to("times")
                .partition(0)
                .payload(&value)
                .timestamp(1_000_000 + i * 1000),
            TIMEOUT,
        )
        .await
        .expect("delivered");
    }
    let c = consumer(&bootstrap, &[]);
    let mut query = TopicPartitionList::new();
    query
        .add_partition_offset("times", 0, Offset::Offset(1_004_500))
        .expect("tpl");
    let found = c
        .offsets_for_times(query, TIMEOUT)
        .expect("offsets_for_times");
    assert_eq!(
        found
            .find_partition("times", 0)
            .expect("partition")
            .offset(),
        Offset::Offset(5),
        "the first record at or after the timestamp"
    );
    let mut exact = TopicPartitionList::new();
    exact
        .add_partition_offset("times", 0, Offset::Offset(1_003_000))
        .expect("tpl");
    let found = c
        .offsets_for_times(exact, TIMEOUT)
        .expect("offsets_for_times");
    assert_eq!(
        found
            .find_partition("times", 0)
            .expect("partition")
            .offset(),
        Offset::Offset(3)
    );
    let mut late = TopicPartitionList::new();
    late.add_partition_offset("times", 0, Offset::Offset(9_999_999))
        .expect("tpl");
    let found = c
        .offsets_for_times(late, TIMEOUT)
        .expect("offsets_for_times");
    assert_eq!(
        found
            .find_partition("times", 0)
            .expect("partition")
            .offset(),
        Offset::End
    );

    assert_eq!(
        c.fetch_watermarks("times", 0, TIMEOUT).expect("watermarks"),
        (0, 10)
    );

    let admin = admin(&bootstrap);
    let mut cut = TopicPartitionList::new();
    cut.add_partition_offset("times", 0, Offset::Offset(4))
        .expect("tpl");
    let result = admin
        .delete_records(&cut, &opts())
        .await
        .expect("delete records");
    assert_eq!(
        result
            .find_partition("times", 0)
            .expect("partition")
            .offset(),
        Offset::Offset(4)
    );
    assert_eq!(
        c.fetch_watermarks("times", 0, TIMEOUT).expect("watermarks"),
        (4, 10)
    );
    server.stop().await;
}
