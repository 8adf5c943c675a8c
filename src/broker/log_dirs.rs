//! DescribeLogDirs (API key 35): the one data directory and the size of every partition in it.
//! In memory mode the directory is reported as `memory`.

use kafka_protocol::messages::describe_log_dirs_request::DescribeLogDirsRequest;
use kafka_protocol::messages::describe_log_dirs_response::{
    DescribeLogDirsPartition, DescribeLogDirsResponse, DescribeLogDirsResult, DescribeLogDirsTopic,
};
use kafka_protocol::messages::TopicName;
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::Broker;
use crate::security::acl::Operation;

/// Handles a DescribeLogDirs request; `topics` of null means every topic. It needs DESCRIBE on
/// the cluster (CLUSTER_AUTHORIZATION_FAILED otherwise, with no directories).
pub fn handle(
    broker: &Broker,
    req: DescribeLogDirsRequest,
    ctx: &RequestContext,
) -> DescribeLogDirsResponse {
    if !broker.security.authorize_cluster(ctx, Operation::Describe) {
        return DescribeLogDirsResponse::default().with_error_code(
            kafka_protocol::error::ResponseError::ClusterAuthorizationFailed.code(),
        );
    }
    let wanted: Vec<(String, Option<Vec<i32>>)> = match req.topics {
        None => broker
            .topics()
            .iter()
            .map(|t| (t.name.clone(), None))
            .collect(),
        Some(topics) => topics
            .into_iter()
            .map(|t| (t.topic.to_string(), Some(t.partitions)))
            .collect(),
    };
    let topics = wanted
        .into_iter()
        .filter_map(|(name, partitions)| {
            let topic = broker.topic(&name)?;
            let described = topic
                .partitions()
                .iter()
                .filter(|p| partitions.as_ref().is_none_or(|w| w.contains(&p.index)))
                .map(|p| {
                    DescribeLogDirsPartition::default()
                        .with_partition_index(p.index)
                        .with_partition_size(p.log().size_bytes() as i64)
                })
                .collect();
            Some(
                DescribeLogDirsTopic::default()
                    .with_name(TopicName(StrBytes::from_string(name)))
                    .with_partitions(described),
            )
        })
        .collect();
    let dir = broker.settings.data_dir.as_ref().map_or_else(
        || "memory".to_string(),
        |d| {
            std::fs::canonicalize(d)
                .unwrap_or_else(|_| d.clone())
                .display()
                .to_string()
        },
    );
    DescribeLogDirsResponse::default().with_results(vec![DescribeLogDirsResult::default()
        .with_log_dir(StrBytes::from_string(dir))
        .with_topics(topics)])
}
