//! Resolving a request's partition — a topic looked up once per request topic, a partition
//! index, the leader epoch the client believes in — to the partition, or to the error Kafka
//! answers: UNKNOWN_TOPIC_OR_PARTITION for a topic or partition this broker does not have,
//! UNKNOWN_LEADER_EPOCH for an epoch after ours (we are leader epoch 0 forever, so a client
//! that believes in a later one has metadata from elsewhere).

use std::sync::Arc;

use kafka_protocol::error::ResponseError;

use super::partition::Partition;
use super::topic::Topic;

/// Partition `index` of `topic`, if both exist.
pub fn partition_of(
    topic: Option<&Arc<Topic>>,
    index: i32,
) -> Result<Arc<Partition>, ResponseError> {
    topic
        .and_then(|t| t.partition(index))
        .ok_or(ResponseError::UnknownTopicOrPartition)
}

/// [`partition_of`], also refusing a `current_leader_epoch` after ours (-1 means "not said").
pub fn partition_at_epoch(
    topic: Option<&Arc<Topic>>,
    index: i32,
    current_leader_epoch: i32,
) -> Result<Arc<Partition>, ResponseError> {
    let partition = partition_of(topic, index)?;
    if current_leader_epoch > 0 {
        return Err(ResponseError::UnknownLeaderEpoch);
    }
    Ok(partition)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::topic_config::{TopicConfig, TopicDefaults};

    #[test]
    fn missing_topics_partitions_and_later_epochs_are_refused() {
        let defaults = TopicDefaults {
            log: Default::default(),
            max_message_bytes: 1 << 20,
        };
        let topic = Arc::new(
            Topic::create(None, "t", 2, TopicConfig::default(), &defaults).expect("topic"),
        );
        assert!(partition_of(Some(&topic), 1).is_ok());
        assert_eq!(
            partition_of(Some(&topic), 2).err(),
            Some(ResponseError::UnknownTopicOrPartition)
        );
        assert_eq!(
            partition_of(None, 0).err(),
            Some(ResponseError::UnknownTopicOrPartition)
        );
        assert!(partition_at_epoch(Some(&topic), 0, 0).is_ok());
        assert!(partition_at_epoch(Some(&topic), 0, -1).is_ok());
        assert_eq!(
            partition_at_epoch(Some(&topic), 0, 3).err(),
            Some(ResponseError::UnknownLeaderEpoch)
        );
    }
}
