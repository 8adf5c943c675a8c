//! Cluster-wide looks for `top` and `topics watch`: every topic's partitions with their start
//! and end offsets and sizes, in as few requests as possible — one Metadata, one ListOffsets
//! per leader and offset kind, one DescribeLogDirs per broker — so that thousands of
//! partitions cost a handful of round trips, not thousands.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::{BrokerId, DescribeLogDirsRequest, ListOffsetsRequest, TopicName};
use kafka_protocol::protocol::StrBytes;

use super::offsets::{Isolation, OffsetSpec};
use super::{node_key, Client, Node};
use crate::broker::topic_config::parse_policy;
use crate::{Error, Result};

/// Partitions by (topic, partition).
pub type PartitionMap<T> = HashMap<(String, i32), T>;

/// The partitions of each topic asked of one leader.
type TopicPartitions<'a> = HashMap<&'a str, Vec<i32>>;

impl Client {
    /// Every topic (internal ones, such as `__consumer_offsets`, left out) with its sorted
    /// partitions, from one Metadata request.
    pub async fn all_partitions(&self) -> Result<Vec<(String, Vec<i32>)>> {
        let metadata = self.metadata(None).await?;
        let mut topics: Vec<(String, Vec<i32>)> = metadata
            .topics
            .iter()
            .filter(|t| !t.is_internal && t.error_code == 0)
            .filter_map(|t| {
                let name = t.name.as_ref()?.to_string();
                let mut partitions: Vec<i32> =
                    t.partitions.iter().map(|p| p.partition_index).collect();
                partitions.sort_unstable();
                Some((name, partitions))
            })
            .collect();
        topics.sort();
        Ok(topics)
    }

    /// `spec` for every listed partition, as read_uncommitted sees it: one ListOffsets request
    /// per leader. Partitions that answer with an error are left out.
    pub async fn offsets_of(
        &self,
        topics: &[(String, Vec<i32>)],
        spec: OffsetSpec,
    ) -> Result<PartitionMap<i64>> {
        self.offsets_of_as(topics, spec, Isolation::ReadUncommitted)
            .await
    }

    /// [`Client::offsets_of`] as a reader with `isolation` sees it.
    pub async fn offsets_of_as(
        &self,
        topics: &[(String, Vec<i32>)],
        spec: OffsetSpec,
        isolation: Isolation,
    ) -> Result<PartitionMap<i64>> {
        let mut by_leader: HashMap<usize, (Arc<Node>, TopicPartitions)> = HashMap::new();
        for (topic, partitions) in topics {
            for &p in partitions {
                let node = self.leader(topic, p).await?;
                by_leader
                    .entry(node_key(&node))
                    .or_insert_with(|| (node.clone(), HashMap::new()))
                    .1
                    .entry(topic.as_str())
                    .or_default()
                    .push(p);
            }
        }
        let wire = spec.wire();
        let mut out = PartitionMap::new();
        for (node, topics) in by_leader.into_values() {
            let req = ListOffsetsRequest::default()
                .with_replica_id(BrokerId(-1))
                .with_isolation_level(isolation.wire())
                .with_timeout_ms(30_000)
                .with_topics(
                    topics
                        .into_iter()
                        .map(|(name, partitions)| {
                            ListOffsetsTopic::default()
                                .with_name(TopicName(StrBytes::from_string(name.to_string())))
                                .with_partitions(
                                    partitions
                                        .into_iter()
                                        .map(|p| {
                                            ListOffsetsPartition::default()
                                                .with_partition_index(p)
                                                .with_current_leader_epoch(-1)
                                                .with_timestamp(wire)
                                        })
                                        .collect(),
                                )
                        })
                        .collect(),
                );
            let response = self
                .send_to(&node, &req, None, Duration::ZERO, true)
                .await?
                .ok_or_else(|| Error::Client("ListOffsets got no response".into()))?;
            for t in response.topics {
                for p in t.partitions.into_iter().filter(|p| p.error_code == 0) {
                    out.insert((t.name.to_string(), p.partition_index), p.offset);
                }
            }
        }
        Ok(out)
    }

    /// Bytes on disk of every partition, from each broker's log directories (the largest
    /// replica when several brokers hold one). Empty when the brokers do not report them.
    pub async fn all_sizes(&self) -> PartitionMap<i64> {
        let mut sizes = PartitionMap::new();
        let ids: Vec<i32> = if self.local.is_some() {
            vec![]
        } else {
            self.brokers.lock().await.keys().copied().collect()
        };
        let nodes: Vec<Arc<Node>> = if ids.is_empty() {
            vec![self.bootstrap.clone()]
        } else {
            let mut nodes = Vec::new();
            for id in ids {
                if let Ok(node) = self.node(id).await {
                    nodes.push(node);
                }
            }
            nodes
        };
        for node in nodes {
            let req = DescribeLogDirsRequest::default().with_topics(None);
            let Ok(Some(response)) = self.send_to(&node, &req, None, Duration::ZERO, true).await
            else {
                continue;
            };
            for dir in response.results.into_iter().filter(|d| d.error_code == 0) {
                for t in dir.topics {
                    for p in t.partitions.into_iter().filter(|p| !p.is_future_key) {
                        let size = sizes
                            .entry((t.name.to_string(), p.partition_index))
                            .or_insert(0);
                        *size = (*size).max(p.partition_size);
                    }
                }
            }
        }
        sizes
    }

    /// `retention.ms` of each of `topics`, from one DescribeConfigs request (topics the
    /// broker does not describe are left out).
    pub async fn retentions(&self, topics: &[String]) -> Result<HashMap<String, i64>> {
        Ok(self
            .topic_config_values(topics, "retention.ms")
            .await?
            .into_iter()
            .filter_map(|(topic, v)| Some((topic, v.parse().ok()?)))
            .collect())
    }

    /// The topics among `topics` the broker keeps in memory only (`diskless.enable=true`);
    /// none on a broker that does not know the setting.
    pub async fn diskless_topics(&self, topics: &[String]) -> Result<HashSet<String>> {
        Ok(self
            .topic_config_values(topics, "diskless.enable")
            .await?
            .into_iter()
            .filter(|(_, v)| v == "true")
            .map(|(topic, _)| topic)
            .collect())
    }

    /// Which of `topics` are compacted (`cleanup.policy` holds `compact`).
    pub async fn compacted_topics(&self, topics: &[String]) -> Result<HashSet<String>> {
        Ok(self
            .topic_config_values(topics, "cleanup.policy")
            .await?
            .into_iter()
            .filter(|(_, v)| parse_policy(v).is_some_and(|(_, compact)| compact))
            .map(|(topic, _)| topic)
            .collect())
    }

    /// The value of config `key` for each of `topics`, from one DescribeConfigs request
    /// (topics the broker does not describe, or without the key, are left out).
    async fn topic_config_values(
        &self,
        topics: &[String],
        key: &'static str,
    ) -> Result<HashMap<String, String>> {
        use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
        use kafka_protocol::messages::DescribeConfigsRequest;
        const RESOURCE_TOPIC: i8 = 2;
        if topics.is_empty() {
            return Ok(HashMap::new());
        }
        let req = DescribeConfigsRequest::default().with_resources(
            topics
                .iter()
                .map(|t| {
                    DescribeConfigsResource::default()
                        .with_resource_type(RESOURCE_TOPIC)
                        .with_resource_name(StrBytes::from_string(t.clone()))
                        .with_configuration_keys(Some(vec![StrBytes::from_static_str(key)]))
                })
                .collect(),
        );
        let response = self.send(&req, None).await?;
        Ok(response
            .results
            .into_iter()
            .filter(|r| r.error_code == 0)
            .filter_map(|r| {
                let value = r
                    .configs
                    .iter()
                    .find(|c| c.name.as_str() == key)?
                    .value
                    .as_ref()?
                    .to_string();
                Some((r.resource_name.to_string(), value))
            })
            .collect())
    }

    /// Brokers in the cluster as of the last metadata (1 in-process).
    pub async fn broker_count(&self) -> usize {
        if self.local.is_some() {
            1
        } else {
            self.brokers.lock().await.len().max(1)
        }
    }
}
