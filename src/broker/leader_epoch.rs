//! OffsetForLeaderEpoch (API key 23). This broker has led every partition since it was created
//! and never changes leader, so there is one leader epoch, 0, and it ends at the log end offset.
//! Clients use this to detect log truncation (KIP-320); here none ever happens.

use kafka_protocol::messages::offset_for_leader_epoch_request::OffsetForLeaderEpochRequest;
use kafka_protocol::messages::offset_for_leader_epoch_response::{
    EpochEndOffset, OffsetForLeaderEpochResponse, OffsetForLeaderTopicResult,
};

use super::context::RequestContext;
use super::lookup::partition_at_epoch;
use super::Broker;
use crate::security::acl::Operation;
use kafka_protocol::error::ResponseError;

/// Handles an OffsetForLeaderEpoch request.
///
/// A topic the principal may not DESCRIBE answers TOPIC_AUTHORIZATION_FAILED.
pub fn handle(
    broker: &Broker,
    req: OffsetForLeaderEpochRequest,
    ctx: &RequestContext,
) -> OffsetForLeaderEpochResponse {
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let denied = !broker
                .security
                .allows_topic(ctx, &t.topic, Operation::Describe);
            let topic = broker.topic(&t.topic);
            let partitions = t
                .partitions
                .into_iter()
                .map(|p| {
                    let result = EpochEndOffset::default().with_partition(p.partition);
                    if denied {
                        return undefined(result)
                            .with_error_code(ResponseError::TopicAuthorizationFailed.code());
                    }
                    let partition = match partition_at_epoch(
                        topic.as_ref(),
                        p.partition,
                        p.current_leader_epoch,
                    ) {
                        Ok(partition) => partition,
                        Err(code) => return undefined(result).with_error_code(code.code()),
                    };
                    if p.leader_epoch == 0 {
                        result
                            .with_leader_epoch(0)
                            .with_end_offset(partition.offsets().log_end_offset)
                    } else {
                        // Epochs after ours are unknown; the protocol answers with undefined
                        // epoch and offset rather than an error.
                        undefined(result)
                    }
                })
                .collect();
            OffsetForLeaderTopicResult::default()
                .with_topic(t.topic)
                .with_partitions(partitions)
        })
        .collect();
    OffsetForLeaderEpochResponse::default().with_topics(topics)
}

fn undefined(r: EpochEndOffset) -> EpochEndOffset {
    r.with_leader_epoch(-1).with_end_offset(-1)
}
