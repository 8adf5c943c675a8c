//! Produce (API key 0): validate each partition's record batch without decompressing it,
//! append it verbatim, and acknowledge according to `acks` and the fsync policy.
//!
//! Since Produce v3 a partition's records must be exactly one v2 batch (as Kafka requires);
//! anything else is INVALID_RECORD and nothing is appended for that partition. A
//! transactional batch is accepted only inside its producer's open transaction holding the
//! partition (checked with the transaction coordinator), so no write leaves a transaction
//! hanging.

use std::sync::Arc;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::produce_request::{PartitionProduceData, ProduceRequest};
use kafka_protocol::messages::produce_response::{
    BatchIndexAndErrorMessage, PartitionProduceResponse, ProduceResponse, TopicProduceResponse,
};
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::partition::Partition;
use super::topic::Topic;
use super::topic_config::TimestampType;
use super::{now_ms, Broker};
use crate::config::FsyncPolicy;
use crate::protocol::inflate::MAX_INFLATED_BATCH_BYTES;
use crate::protocol::{batch, declared};
use crate::security::acl::{Operation, ResourceType};
use crate::Error;

/// Where an appended partition stands before the response is sent.
struct Appended {
    partition: Arc<Partition>,
    end_offset: i64,
    /// Position of the partition's entry in the response: (topic, partition).
    slot: (usize, usize),
}

/// A Produce request whose batches are appended and whose answer may still wait for fsync.
/// Appending happens when it is created, in request order; waiting happens in [`finish`],
/// so a connection can read and append its next requests meanwhile and one fsync covers
/// them all (group commit across pipelined requests).
///
/// [`finish`]: PendingProduce::finish
pub struct PendingProduce {
    acks: i16,
    version: i16,
    wait_for_fsync: bool,
    responses: Vec<TopicProduceResponse>,
    appended: Vec<Appended>,
}

/// Validates and appends every batch of a Produce request at once.
///
/// Authorization is Kafka's: WRITE on the transactional id, if there is one (else every
/// partition gets TRANSACTIONAL_ID_AUTHORIZATION_FAILED), and WRITE on each topic (else its
/// partitions get TOPIC_AUTHORIZATION_FAILED); a topic is auto-created only for a principal
/// that may create it.
pub fn append(
    broker: &Broker,
    req: ProduceRequest,
    version: i16,
    ctx: &RequestContext,
) -> PendingProduce {
    let acks = req.acks;
    let security = &broker.security;
    let enforced = security.enforced_for(ctx);
    let transaction_denied = enforced
        && req.transactional_id.as_ref().is_some_and(|id| {
            !security.authorize(ctx, ResourceType::TransactionalId, id, Operation::Write)
        });
    let mut responses = Vec::with_capacity(req.topic_data.len());
    let mut appended = Vec::new();
    for topic_data in req.topic_data {
        let topic = if transaction_denied {
            Err(ResponseError::TransactionalIdAuthorizationFailed)
        } else if version >= 13 {
            broker
                .topic_by_id(topic_data.topic_id)
                .ok_or(ResponseError::UnknownTopicId)
                .and_then(|t| {
                    if !enforced
                        || security.authorize(ctx, ResourceType::Topic, &t.name, Operation::Write)
                    {
                        Ok(t)
                    } else {
                        Err(ResponseError::TopicAuthorizationFailed)
                    }
                })
        } else if enforced
            && !security.authorize(ctx, ResourceType::Topic, &topic_data.name, Operation::Write)
        {
            Err(ResponseError::TopicAuthorizationFailed)
        } else {
            let may_create = !enforced || security.may_create_topic(ctx, &topic_data.name);
            broker
                .topic_or_auto_create(&topic_data.name, may_create)
                .map_err(|e| match e {
                    Error::InvalidTopic(_) => ResponseError::InvalidTopicException,
                    _ => ResponseError::UnknownTopicOrPartition,
                })
        };
        let topic_slot = responses.len();
        let partition_responses = topic_data
            .partition_data
            .into_iter()
            .enumerate()
            .map(|(partition_slot, data)| {
                let index = data.index;
                let result = match (&topic, acks) {
                    (_, a) if !matches!(a, -1..=1) => {
                        Err(refused(ResponseError::InvalidRequiredAcks, None))
                    }
                    (Err(code), _) => Err(refused(*code, None)),
                    (Ok(topic), _) => append_partition(broker, topic, data, acks),
                };
                match result {
                    Ok((response, mut done)) => {
                        done.slot = (topic_slot, partition_slot);
                        appended.push(done);
                        response
                    }
                    Err(refusal) => error_response(index, refusal, version),
                }
            })
            .collect();
        let mut response =
            TopicProduceResponse::default().with_partition_responses(partition_responses);
        if version >= 13 {
            response.topic_id = topic_data.topic_id;
        } else {
            response.name = topic_data.name;
        }
        responses.push(response);
    }

    let wait_for_fsync = match broker.settings.fsync {
        FsyncPolicy::Acks => acks == -1,
        FsyncPolicy::Always => true,
        FsyncPolicy::Interval | FsyncPolicy::Never => false,
    };
    PendingProduce {
        acks,
        version,
        wait_for_fsync,
        responses,
        appended,
    }
}

impl PendingProduce {
    /// Whether the answer must wait for an fsync.
    pub fn must_wait(&self) -> bool {
        self.wait_for_fsync && !self.appended.is_empty()
    }

    /// Waits for durability as `acks` and the fsync policy demand, then builds the response;
    /// `None` for acks=0, which gets no response at all.
    pub async fn finish(mut self) -> Option<ProduceResponse> {
        if self.wait_for_fsync {
            for done in &self.appended {
                if let Err(e) = done.partition.wait_durable(done.end_offset).await {
                    tracing::error!(partition = done.partition.index, error = %e, "fsync failed; failing the produce");
                    let (t, p) = done.slot;
                    if let Some(slot) = self
                        .responses
                        .get_mut(t)
                        .and_then(|t| t.partition_responses.get_mut(p))
                    {
                        *slot = error_response(
                            done.partition.index,
                            refused(e.response_error(), Some(e.to_string())),
                            self.version,
                        );
                    }
                }
            }
        }
        if self.acks == 0 {
            return None;
        }
        Some(ProduceResponse::default().with_responses(self.responses))
    }
}

type PartitionResult = Result<(PartitionProduceResponse, Appended), Refused>;

/// Why a partition's batch was not appended.
struct Refused {
    code: ResponseError,
    message: Option<String>,
    /// The records at fault, by index in the batch (Produce v8+).
    record_errors: Vec<(i32, String)>,
}

fn refused(code: ResponseError, message: Option<String>) -> Refused {
    Refused {
        code,
        message,
        record_errors: Vec::new(),
    }
}

impl From<(ResponseError, Option<String>)> for Refused {
    fn from((code, message): (ResponseError, Option<String>)) -> Refused {
        refused(code, message)
    }
}

fn append_partition(
    broker: &Broker,
    topic: &Topic,
    data: PartitionProduceData,
    acks: i16,
) -> PartitionResult {
    let partition = topic
        .partition(data.index)
        .ok_or((ResponseError::UnknownTopicOrPartition, None))?;
    let config = topic.config();
    if acks == -1 && config.min_insync_replicas() > 1 {
        return Err(refused(
            ResponseError::NotEnoughReplicas,
            Some(format!(
                "min.insync.replicas is {} but this broker holds one replica",
                config.min_insync_replicas()
            )),
        ));
    }
    let records: Bytes = data.records.unwrap_or_default();
    let limit = config.max_message_bytes(&broker.settings.defaults);
    if records.len() > limit {
        return Err(refused(
            ResponseError::MessageTooLarge,
            Some(format!(
                "batch of {} bytes exceeds max.message.bytes {limit}",
                records.len()
            )),
        ));
    }
    let batches =
        batch::split_batches(&records).map_err(|e| (e.response_error(), Some(e.to_string())))?;
    if batches.len() != 1 {
        return Err(refused(
            ResponseError::InvalidRecord,
            Some(format!(
                "produce requests must carry exactly one record batch per partition, got {}",
                batches.len()
            )),
        ));
    }
    if batches.iter().any(|(header, _)| header.records_count == 0) {
        return Err(refused(
            ResponseError::InvalidRecord,
            Some("record batch holds no records".to_string()),
        ));
    }
    // A compressed batch is appended as it came, never inflated here; what its framing says
    // it inflates to is bounded, so a bomb (kilobytes declaring a gigabyte) never reaches the
    // log and the consumers behind it.
    for (header, range) in &batches {
        let payload = records
            .get(range.start + batch::BATCH_HEADER_LEN..range.end)
            .unwrap_or_default();
        if header.compression() == 0 {
            continue;
        }
        if let Some(size) = declared::inflated_size(header.compression(), payload)
            .filter(|&size| size > MAX_INFLATED_BATCH_BYTES)
        {
            return Err(refused(
                ResponseError::InvalidRecord,
                Some(format!(
                    "the compressed batch declares {size} bytes of records, more than the {} MiB \
                     a batch may inflate to",
                    MAX_INFLATED_BATCH_BYTES >> 20
                )),
            ));
        }
    }
    if batches.iter().any(|(h, _)| h.is_control()) {
        // Only the transaction coordinator writes markers.
        return Err(refused(
            ResponseError::InvalidRecord,
            Some("producers may not write control batches".to_string()),
        ));
    }
    if config.compacted_with(&broker.settings.defaults) {
        refuse_keyless(&topic.name, data.index, &records)?;
    }
    // A transactional batch is checked and appended under the coordinator's lock, so that
    // EndTxn cannot write its marker in between and leave the batch after it, hanging.
    let _txns = match batches.first().map(|(h, _)| h) {
        Some(h) if h.is_transactional() => {
            let txns = broker.txns.lock();
            txns.verify_write(h.producer_id, h.producer_epoch, &topic.name, data.index)
                .map_err(|(code, message)| (code, Some(message)))?;
            Some(txns)
        }
        _ => None,
    };
    let now = now_ms();
    let log_append_time = config.timestamp_type() == TimestampType::LogAppendTime;
    let appended = if log_append_time {
        let mut owned = records.to_vec();
        batch::set_log_append_time(&mut owned, now);
        partition.append(&owned, now)
    } else {
        partition.append(&records, now)
    }
    .map_err(|e| {
        // Sequence and epoch refusals are the protocol working as intended, not failures.
        if !matches!(e, Error::Kafka { .. }) {
            tracing::error!(topic = %topic.name, partition = data.index, error = %e, "append failed");
        }
        (e.response_error(), Some(e.to_string()))
    })?;
    let info = appended.info;
    if !appended.duplicate {
        let records_count = batches.first().map_or(0, |(h, _)| h.records_count);
        topic
            .traffic
            .produced(records.len(), u64::try_from(records_count).unwrap_or(0));
    }
    let log_start_offset = partition.offsets().log_start_offset;
    let response = PartitionProduceResponse::default()
        .with_index(data.index)
        .with_base_offset(info.base_offset)
        .with_log_append_time_ms(if log_append_time { now } else { -1 })
        .with_log_start_offset(log_start_offset);
    Ok((
        response,
        Appended {
            partition,
            end_offset: info.last_offset + 1,
            slot: (0, 0),
        },
    ))
}

fn error_response(index: i32, refusal: Refused, version: i16) -> PartitionProduceResponse {
    let mut r = PartitionProduceResponse::default()
        .with_index(index)
        .with_error_code(refusal.code.code())
        .with_base_offset(-1)
        .with_log_append_time_ms(-1)
        .with_log_start_offset(-1);
    if version >= 8 {
        r.error_message = refusal.message.map(StrBytes::from_string);
        r.record_errors = refusal
            .record_errors
            .into_iter()
            .map(|(batch_index, message)| {
                BatchIndexAndErrorMessage::default()
                    .with_batch_index(batch_index)
                    .with_batch_index_error_message(Some(StrBytes::from_string(message)))
            })
            .collect();
    }
    r
}

/// Kafka's refusal of key-less records on a compacted topic (its LogValidator): every such
/// record is named by its index in the batch, and the message shows the first three.
fn refuse_keyless(topic: &str, partition: i32, batch: &Bytes) -> Result<(), Refused> {
    let records = crate::protocol::records::decode_batch(batch)
        .map_err(|e| refused(e.response_error(), Some(e.to_string())))?;
    let record_errors: Vec<(i32, String)> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.key.is_none())
        .map(|(i, _)| {
            (
                i32::try_from(i).unwrap_or(i32::MAX),
                format!(
                    "Compacted topic cannot accept message without key in topic partition \
                     {topic}-{partition}"
                ),
            )
        })
        .collect();
    if record_errors.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = record_errors
        .iter()
        .take(3)
        .map(|(i, m)| format!("RecordError(batchIndex={i}, message='{m}')"))
        .collect();
    Err(Refused {
        code: ResponseError::InvalidRecord,
        message: Some(format!(
            "One or more records have been rejected due to {} record errors in total, and only \
             showing the first three errors at most: [{}]",
            record_errors.len(),
            shown.join(", ")
        )),
        record_errors,
    })
}
