//! ListOffsets (API key 2): earliest, latest, max-timestamp and by-timestamp lookups.
//!
//! Special timestamps, as the protocol defines them: -1 latest (the high watermark, or the last
//! stable offset under read_committed), -2 earliest (log start), -3 the record with the largest
//! timestamp (v7+), -4 earliest local (v8+; all data is local, so the log start), -5 latest
//! tiered (v9+; nothing is tiered, so no offset).

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::list_offsets_request::ListOffsetsRequest;
use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsResponse, ListOffsetsTopicResponse,
};

use super::context::RequestContext;
use super::lookup::partition_at_epoch;
use super::partition::Partition;
use super::Broker;
use crate::security::acl::Operation;

const LATEST: i64 = -1;
const EARLIEST: i64 = -2;
const MAX_TIMESTAMP: i64 = -3;
const EARLIEST_LOCAL: i64 = -4;
const LATEST_TIERED: i64 = -5;

/// Handles a ListOffsets request; a topic the principal may not DESCRIBE answers
/// TOPIC_AUTHORIZATION_FAILED.
pub fn handle(
    broker: &Broker,
    req: ListOffsetsRequest,
    version: i16,
    ctx: &RequestContext,
) -> ListOffsetsResponse {
    let topics = req
        .topics
        .into_iter()
        .map(|t| {
            let denied = !broker
                .security
                .allows_topic(ctx, &t.name, Operation::Describe);
            let topic = broker.topic(&t.name);
            let partitions = t
                .partitions
                .into_iter()
                .map(|p| {
                    let response = ListOffsetsPartitionResponse::default()
                        .with_partition_index(p.partition_index);
                    if denied {
                        return failed(response, ResponseError::TopicAuthorizationFailed);
                    }
                    let partition = match partition_at_epoch(
                        topic.as_ref(),
                        p.partition_index,
                        p.current_leader_epoch,
                    ) {
                        Ok(partition) => partition,
                        Err(code) => return failed(response, code),
                    };
                    let read_committed = version >= 2 && req.isolation_level == 1;
                    match lookup(&partition, p.timestamp, version, read_committed) {
                        // The leader epoch field exists from v4 on.
                        Ok(Some((offset, timestamp))) => response
                            .with_offset(offset)
                            .with_timestamp(timestamp)
                            .with_leader_epoch(if version >= 4 { 0 } else { -1 }),
                        Ok(None) => response
                            .with_offset(-1)
                            .with_timestamp(-1)
                            .with_leader_epoch(-1),
                        Err(code) => failed(response, code),
                    }
                })
                .collect();
            ListOffsetsTopicResponse::default()
                .with_name(t.name)
                .with_partitions(partitions)
        })
        .collect();
    ListOffsetsResponse::default().with_topics(topics)
}

fn failed(
    response: ListOffsetsPartitionResponse,
    code: ResponseError,
) -> ListOffsetsPartitionResponse {
    response
        .with_error_code(code.code())
        .with_offset(-1)
        .with_timestamp(-1)
        .with_leader_epoch(-1)
}

/// Resolves one lookup to (offset, timestamp), `None` when no record matches.
/// read_committed (ListOffsets v2+) sees the last stable offset as the end.
pub(crate) fn lookup(
    partition: &Partition,
    timestamp: i64,
    version: i16,
    read_committed: bool,
) -> Result<Option<(i64, i64)>, ResponseError> {
    let offsets = partition.offsets();
    match timestamp {
        LATEST if read_committed => Ok(Some((offsets.last_stable_offset, -1))),
        LATEST => Ok(Some((offsets.log_end_offset, -1))),
        EARLIEST => Ok(Some((offsets.log_start_offset, -1))),
        EARLIEST_LOCAL if version >= 8 => Ok(Some((offsets.log_start_offset, -1))),
        LATEST_TIERED if version >= 9 => Ok(None),
        MAX_TIMESTAMP if version >= 7 => partition
            .log()
            .max_timestamp()
            .map_err(|e| e.response_error()),
        t if t >= 0 => {
            let found = partition
                .log()
                .offset_for_timestamp(t)
                .map_err(|e| e.response_error())?;
            // read_committed sees no record at or past the last stable offset.
            Ok(found.filter(|(offset, _)| !read_committed || *offset < offsets.last_stable_offset))
        }
        _ => Err(ResponseError::UnsupportedVersion),
    }
}
