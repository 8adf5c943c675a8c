//! DeleteRecords (API key 21): advance a partition's log start offset. Offset -1 means "up to
//! the high watermark", as the protocol defines it. A topic whose `cleanup.policy` does not
//! hold `delete` is refused with POLICY_VIOLATION, as Kafka refuses it.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::delete_records_request::DeleteRecordsRequest;
use kafka_protocol::messages::delete_records_response::{
    DeleteRecordsPartitionResult, DeleteRecordsResponse, DeleteRecordsTopicResult,
};

use super::context::RequestContext;
use super::lookup::partition_of;
use super::Broker;
use crate::security::acl::Operation;

/// Handles a DeleteRecords request; a topic the principal may not DELETE answers
/// TOPIC_AUTHORIZATION_FAILED.
pub fn handle(
    broker: &Broker,
    req: DeleteRecordsRequest,
    ctx: &RequestContext,
) -> DeleteRecordsResponse {
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let denied = !broker.security.allows_topic(ctx, &t.name, Operation::Delete);
            let topic = broker.topic(&t.name);
            let partitions = t
                .partitions
                .into_iter()
                .map(|p| {
                    let result = DeleteRecordsPartitionResult::default()
                        .with_partition_index(p.partition_index);
                    if denied {
                        return result
                            .with_low_watermark(-1)
                            .with_error_code(ResponseError::TopicAuthorizationFailed.code());
                    }
                    let partition = match partition_of(topic.as_ref(), p.partition_index) {
                        Ok(partition) => partition,
                        Err(code) => return result.with_low_watermark(-1).with_error_code(code.code()),
                    };
                    let mut log = partition.log();
                    // Kafka refuses to delete records of a topic that is only compacted.
                    if !log.config().delete {
                        return result
                            .with_low_watermark(-1)
                            .with_error_code(ResponseError::PolicyViolation.code());
                    }
                    let target = if p.offset == -1 { log.log_end_offset() } else { p.offset };
                    if target < 0 || target > log.log_end_offset() {
                        return result
                            .with_low_watermark(-1)
                            .with_error_code(ResponseError::OffsetOutOfRange.code());
                    }
                    match log.delete_records_before(target) {
                        Ok(low) => {
                            tracing::info!(topic = %t.name.as_str(), partition = p.partition_index, log_start_offset = low, "deleted records");
                            result.with_low_watermark(low)
                        }
                        Err(e) => result.with_low_watermark(-1).with_error_code(e.kafka_code()),
                    }
                })
                .collect();
            DeleteRecordsTopicResult::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    DeleteRecordsResponse::default().with_topics(topics)
}
