//! DescribeProducers (API key 61): the idempotent and transactional producers that wrote to
//! each partition, with their epoch, last sequence and timestamp, and the first offset of any
//! transaction they hold open — what an operator needs to find a hanging transaction.

use kafka_protocol::messages::describe_producers_response::{
    PartitionResponse, ProducerState, TopicResponse,
};
use kafka_protocol::messages::{DescribeProducersRequest, DescribeProducersResponse, ProducerId};

use super::lookup::partition_of;
use kafka_protocol::error::ResponseError;

use super::context::RequestContext;
use super::Broker;
use crate::security::acl::Operation;

/// A topic the principal may not READ answers TOPIC_AUTHORIZATION_FAILED, as in Kafka.
pub fn handle(
    broker: &Broker,
    req: DescribeProducersRequest,
    ctx: &RequestContext,
) -> DescribeProducersResponse {
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let denied = !broker.security.allows_topic(ctx, &t.name, Operation::Read);
            let topic = broker.topic(&t.name);
            let partitions = t
                .partition_indexes
                .into_iter()
                .map(|index| {
                    let response = PartitionResponse::default().with_partition_index(index);
                    if denied {
                        return response
                            .with_error_code(ResponseError::TopicAuthorizationFailed.code());
                    }
                    let partition = match partition_of(topic.as_ref(), index) {
                        Ok(partition) => partition,
                        Err(code) => return response.with_error_code(code.code()),
                    };
                    response.with_active_producers(
                        partition
                            .producers()
                            .into_iter()
                            .map(|p| {
                                ProducerState::default()
                                    .with_producer_id(ProducerId(p.producer_id))
                                    .with_producer_epoch(i32::from(p.epoch))
                                    .with_last_sequence(p.last_sequence)
                                    .with_last_timestamp(p.last_timestamp)
                                    .with_coordinator_epoch(if p.txn_start_offset >= 0 {
                                        0
                                    } else {
                                        -1
                                    })
                                    .with_current_txn_start_offset(p.txn_start_offset)
                            })
                            .collect(),
                    )
                })
                .collect();
            TopicResponse::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    DescribeProducersResponse::default().with_topics(topics)
}
