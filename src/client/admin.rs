//! Admin operations over the wire protocol: create, delete and grow topics, describe and
//! alter their configs. Errors come back as [`Error::Kafka`] with the broker's message.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::create_partitions_request::CreatePartitionsTopic;
use kafka_protocol::messages::create_topics_request::{CreatableTopic, CreatableTopicConfig};
use kafka_protocol::messages::delete_topics_request::DeleteTopicState;
use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
use kafka_protocol::messages::incremental_alter_configs_request::{
    AlterConfigsResource, AlterableConfig,
};
use kafka_protocol::messages::{
    CreatePartitionsRequest, CreateTopicsRequest, DeleteTopicsRequest, DescribeConfigsRequest,
    IncrementalAlterConfigsRequest, TopicName,
};
use kafka_protocol::protocol::StrBytes;

use super::Client;
use crate::{Error, Result};

/// How long the broker may take to apply an admin change.
const ADMIN_TIMEOUT_MS: i32 = 30_000;

const RESOURCE_TOPIC: i8 = 2;

/// One config entry of a topic, as DescribeConfigs reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub is_default: bool,
    /// Set on this topic itself (DYNAMIC_TOPIC_CONFIG), not inherited from the broker.
    pub topic_override: bool,
    pub read_only: bool,
}

fn topic_name(name: &str) -> TopicName {
    TopicName(StrBytes::from_string(name.to_string()))
}

/// Turns a response error code (and message) into a result.
pub fn check(code: i16, message: Option<&StrBytes>, context: &str) -> Result<()> {
    match ResponseError::try_from_code(code) {
        None => Ok(()),
        Some(error) => Err(Error::Kafka {
            error,
            context: context.to_string(),
            message: message
                .map(|m| m.as_str().to_string())
                .filter(|m| !m.is_empty()),
        }),
    }
}

/// Turns a topic's error code in a Metadata answer into a result, saying plainly when the
/// topic does not exist.
pub fn check_topic(code: i16, topic: &str) -> Result<()> {
    if code == ResponseError::UnknownTopicOrPartition.code() {
        return Err(Error::Kafka {
            error: ResponseError::UnknownTopicOrPartition,
            context: format!("topic '{topic}'"),
            message: Some(format!(
                "topic '{topic}' does not exist (see `streamline topics list`)"
            )),
        });
    }
    check(code, None, &format!("topic '{topic}'"))
}

impl Client {
    /// Creates a topic. `partitions` and `replication_factor` of -1 take the broker defaults.
    pub async fn create_topic(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: i16,
        configs: &[(String, String)],
    ) -> Result<()> {
        self.create_topic_as(name, partitions, replication_factor, configs, false)
            .await?;
        self.await_topic_leaders(name).await
    }

    /// Waits until the metadata shows `name` with a leader for every partition: a cluster
    /// answers CreateTopics once its controller has the topic, before its brokers do, and
    /// the next command may ask any of them.
    async fn await_topic_leaders(&self, name: &str) -> Result<()> {
        let mut retry = super::retry::Retry::new();
        loop {
            let metadata = self.metadata(Some(&[name.to_string()])).await?;
            let ready = metadata.topics.iter().any(|t| {
                t.error_code == 0
                    && !t.partitions.is_empty()
                    && t.partitions.iter().all(|p| p.leader_id.0 >= 0)
            });
            if ready || retry.expired() {
                return Ok(());
            }
            retry.pause().await;
        }
    }

    /// Asks the broker whether [`Client::create_topic`] with these arguments would succeed,
    /// creating nothing (CreateTopics with `validate_only`).
    pub async fn validate_topic(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: i16,
        configs: &[(String, String)],
    ) -> Result<()> {
        self.create_topic_as(name, partitions, replication_factor, configs, true)
            .await
    }

    async fn create_topic_as(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: i16,
        configs: &[(String, String)],
        validate_only: bool,
    ) -> Result<()> {
        let topic = CreatableTopic::default()
            .with_name(topic_name(name))
            .with_num_partitions(partitions)
            .with_replication_factor(replication_factor)
            .with_configs(
                configs
                    .iter()
                    .map(|(k, v)| {
                        CreatableTopicConfig::default()
                            .with_name(StrBytes::from_string(k.clone()))
                            .with_value(Some(StrBytes::from_string(v.clone())))
                    })
                    .collect(),
            );
        let req = CreateTopicsRequest::default()
            .with_topics(vec![topic])
            .with_timeout_ms(ADMIN_TIMEOUT_MS)
            .with_validate_only(validate_only);
        let response = self.send(&req, None).await?;
        let result = response
            .topics
            .first()
            .ok_or_else(|| Error::Client("CreateTopics answered no topic".into()))?;
        check(
            result.error_code,
            result.error_message.as_ref(),
            &format!("creating topic '{name}'"),
        )
    }

    /// Deletes a topic and all its data.
    pub async fn delete_topic(&self, name: &str) -> Result<()> {
        let req = DeleteTopicsRequest::default()
            .with_topic_names(vec![topic_name(name)])
            .with_topics(vec![
                DeleteTopicState::default().with_name(Some(topic_name(name)))
            ])
            .with_timeout_ms(ADMIN_TIMEOUT_MS);
        let response = self.send(&req, None).await?;
        let result = response
            .responses
            .first()
            .ok_or_else(|| Error::Client("DeleteTopics answered no topic".into()))?;
        check(
            result.error_code,
            result.error_message.as_ref(),
            &format!("deleting topic '{name}'"),
        )
    }

    /// Grows a topic to `total` partitions.
    pub async fn create_partitions(&self, name: &str, total: i32) -> Result<()> {
        let req = CreatePartitionsRequest::default()
            .with_topics(vec![CreatePartitionsTopic::default()
                .with_name(topic_name(name))
                .with_count(total)
                .with_assignments(None)])
            .with_timeout_ms(ADMIN_TIMEOUT_MS);
        let response = self.send(&req, None).await?;
        let result = response
            .results
            .first()
            .ok_or_else(|| Error::Client("CreatePartitions answered no topic".into()))?;
        check(
            result.error_code,
            result.error_message.as_ref(),
            &format!("adding partitions to '{name}'"),
        )
    }

    /// Every config of a topic with its effective value.
    pub async fn describe_topic_configs(&self, name: &str) -> Result<Vec<ConfigEntry>> {
        let req = DescribeConfigsRequest::default().with_resources(vec![
            DescribeConfigsResource::default()
                .with_resource_type(RESOURCE_TOPIC)
                .with_resource_name(StrBytes::from_string(name.to_string()))
                .with_configuration_keys(None),
        ]);
        let response = self.send(&req, None).await?;
        let result = response
            .results
            .first()
            .ok_or_else(|| Error::Client("DescribeConfigs answered no resource".into()))?;
        check(
            result.error_code,
            result.error_message.as_ref(),
            &format!("describing topic '{name}'"),
        )?;
        let mut entries: Vec<ConfigEntry> = result
            .configs
            .iter()
            .map(|c| ConfigEntry {
                name: c.name.to_string(),
                value: c.value.as_ref().map(|v| v.to_string()),
                // DEFAULT_CONFIG (5) and STATIC_BROKER_CONFIG (4) are not topic overrides.
                is_default: c.config_source == 5 || c.config_source == 4,
                topic_override: c.config_source == 1,
                read_only: c.read_only,
            })
            .collect();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    /// Sets and removes topic config overrides in one IncrementalAlterConfigs request.
    pub async fn alter_topic_configs(
        &self,
        name: &str,
        set: &[(String, String)],
        delete: &[String],
    ) -> Result<()> {
        let mut configs: Vec<AlterableConfig> = set
            .iter()
            .map(|(k, v)| {
                AlterableConfig::default()
                    .with_name(StrBytes::from_string(k.clone()))
                    .with_config_operation(0)
                    .with_value(Some(StrBytes::from_string(v.clone())))
            })
            .collect();
        configs.extend(delete.iter().map(|k| {
            AlterableConfig::default()
                .with_name(StrBytes::from_string(k.clone()))
                .with_config_operation(1)
                .with_value(None)
        }));
        let req = IncrementalAlterConfigsRequest::default().with_resources(vec![
            AlterConfigsResource::default()
                .with_resource_type(RESOURCE_TOPIC)
                .with_resource_name(StrBytes::from_string(name.to_string()))
                .with_configs(configs),
        ]);
        let response = self.send(&req, None).await?;
        let result = response
            .responses
            .first()
            .ok_or_else(|| Error::Client("IncrementalAlterConfigs answered no resource".into()))?;
        check(
            result.error_code,
            result.error_message.as_ref(),
            &format!("altering topic '{name}'"),
        )
    }
}

impl Client {
    /// Bytes on disk per partition of `topic`, as the partitions' leaders report them.
    /// Each partition's compaction status (dirty ratio, last pass), where this client can know
    /// it: in-process, or from the data directory of the local server it reached. `None`
    /// for any other cluster, whose brokers do not publish it over the wire.
    pub async fn compaction_status(
        &self,
        topic: &str,
        partitions: &[i32],
    ) -> Option<std::collections::HashMap<i32, crate::storage::cleaner::CompactionStatus>> {
        if let Some(broker) = self.local_broker() {
            let topic = broker.topic(topic)?;
            let now = crate::broker::now_ms();
            return Some(
                topic
                    .partitions()
                    .iter()
                    .filter(|p| partitions.contains(&p.index))
                    .map(|p| {
                        let lso = p.offsets().last_stable_offset;
                        (p.index, p.log().compaction_status(lso, now))
                    })
                    .collect(),
            );
        }
        let topic_dir = self.served_dir.as_ref()?.join("topics").join(topic);
        let dirs: Vec<(i32, std::path::PathBuf)> = partitions
            .iter()
            .map(|&p| (p, topic_dir.join(format!("partition-{p}"))))
            .collect();
        tokio::task::spawn_blocking(move || {
            dirs.into_iter()
                .filter_map(|(p, dir)| {
                    crate::storage::cleaner::status_in_dir(&dir)
                        .ok()
                        .map(|status| (p, status))
                })
                .collect()
        })
        .await
        .ok()
    }

    pub async fn partition_sizes(
        &self,
        topic: &str,
        partitions: &[i32],
    ) -> Result<std::collections::HashMap<i32, i64>> {
        use kafka_protocol::messages::describe_log_dirs_request::DescribableLogDirTopic;
        use kafka_protocol::messages::DescribeLogDirsRequest;
        let mut sizes = std::collections::HashMap::new();
        let mut asked: Vec<usize> = Vec::new();
        for &p in partitions {
            let node = self.leader(topic, p).await?;
            if asked.contains(&super::node_key(&node)) {
                continue;
            }
            asked.push(super::node_key(&node));
            let req = DescribeLogDirsRequest::default().with_topics(Some(vec![
                DescribableLogDirTopic::default()
                    .with_topic(topic_name(topic))
                    .with_partitions(partitions.to_vec()),
            ]));
            let response = self
                .send_to(&node, &req, None, std::time::Duration::ZERO, true)
                .await?
                .ok_or_else(|| Error::Client("DescribeLogDirs got no response".into()))?;
            for dir in response.results {
                for t in dir.topics {
                    for part in t.partitions {
                        if !part.is_future_key {
                            sizes.insert(part.partition_index, part.partition_size);
                        }
                    }
                }
            }
        }
        Ok(sizes)
    }
}
