//! Producing through the client: records are encoded into one v2 batch per partition (with
//! the chosen compression) and sent to the partition's leader, retrying once on a stale
//! leader. An idempotent producer (`enable.idempotence`) numbers its batches per partition and
//! sends one again when the connection failed under it; the broker writes it once.

use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{InitProducerIdRequest, ProduceRequest, ProducerId, TopicName};
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::Compression;

use super::admin::check;
use super::Client;
use crate::protocol::records::{self, RecordRef};
use crate::{Error, Result};

/// One record to send.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutgoingRecord {
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
    pub headers: Vec<(String, Option<Bytes>)>,
    /// Epoch ms; the producer's clock when not set by the user.
    pub timestamp: i64,
}

/// Where a produced batch landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub partition: i32,
    /// Offset of the first record; `None` for acks=0, which gets no answer.
    pub base_offset: Option<i64>,
}

/// Encodes records as one v2 batch.
pub fn encode_batch(records: &[OutgoingRecord], compression: Compression) -> Result<Bytes> {
    records::encode_batch(&refs(records), compression)
}

fn refs(records: &[OutgoingRecord]) -> Vec<RecordRef<'_>> {
    records
        .iter()
        .map(|r| RecordRef {
            timestamp: r.timestamp,
            key: r.key.as_deref(),
            value: r.value.as_deref(),
            headers: &r.headers,
        })
        .collect()
}

/// An idempotent producer's identity (from InitProducerId) and its next sequence number per
/// partition.
#[derive(Debug, Clone)]
pub struct Idempotence {
    pub producer_id: i64,
    pub epoch: i16,
    next_sequence: std::collections::HashMap<(String, i32), i32>,
}

/// How often an idempotent produce is sent again after the connection failed under it: the
/// broker writes a retried batch once, so retrying cannot duplicate.
const IDEMPOTENT_RETRIES: u32 = 5;

impl Client {
    /// A producer id for idempotent produce (InitProducerId without a transactional id).
    pub async fn init_idempotence(&self) -> Result<Idempotence> {
        let req = InitProducerIdRequest::default()
            .with_transactional_id(None)
            .with_transaction_timeout_ms(-1)
            .with_producer_id(ProducerId(-1))
            .with_producer_epoch(-1);
        let resp = self.send(&req, None).await?;
        check(resp.error_code, None, "getting a producer id")?;
        Ok(Idempotence {
            producer_id: resp.producer_id.0,
            epoch: resp.producer_epoch,
            next_sequence: Default::default(),
        })
    }

    /// Sends `records` as the next batch of the idempotent producer `idempotence` (acks=all),
    /// sending it again if the connection fails before the answer.
    pub async fn produce_idempotent(
        &self,
        topic: &str,
        partition: i32,
        records: &[OutgoingRecord],
        compression: Compression,
        idempotence: &mut Idempotence,
    ) -> Result<Appended> {
        let key = (topic.to_string(), partition);
        let sequence = idempotence.next_sequence.get(&key).copied().unwrap_or(0);
        let batch = records::encode_idempotent_batch(
            &refs(records),
            compression,
            idempotence.producer_id,
            idempotence.epoch,
            sequence,
        )?;
        let mut attempts = 0;
        let appended = loop {
            attempts += 1;
            match self
                .produce_batch(topic, partition, batch.clone(), -1)
                .await
            {
                Err(Error::Connection(e)) if attempts <= IDEMPOTENT_RETRIES => {
                    tracing::debug!(%topic, partition, error = %e, "sending the batch again");
                    self.invalidate_leaders().await;
                }
                other => break other?,
            }
        };
        let count = i32::try_from(records.len()).unwrap_or(i32::MAX);
        idempotence
            .next_sequence
            .insert(key, sequence.wrapping_add(count) & i32::MAX);
        Ok(appended)
    }

    /// Sends `records` to `topic`/`partition` as one batch with the given acks.
    pub async fn produce(
        &self,
        topic: &str,
        partition: i32,
        records: &[OutgoingRecord],
        compression: Compression,
        acks: i16,
    ) -> Result<Appended> {
        let batch = encode_batch(records, compression)?;
        self.produce_batch(topic, partition, batch, acks).await
    }

    /// Sends one encoded batch to `topic`/`partition`, following a moved leader.
    async fn produce_batch(
        &self,
        topic: &str,
        partition: i32,
        batch: Bytes,
        acks: i16,
    ) -> Result<Appended> {
        let req = ProduceRequest::default()
            .with_acks(acks)
            .with_timeout_ms(30_000)
            .with_topic_data(vec![TopicProduceData::default()
                .with_name(TopicName(StrBytes::from_string(topic.to_string())))
                .with_partition_data(vec![PartitionProduceData::default()
                    .with_index(partition)
                    .with_records(Some(batch))])]);
        let mut attempts = 0;
        loop {
            attempts += 1;
            let node = self.leader(topic, partition).await?;
            // Produce v13 addresses topics by id; names are enough for us.
            let response = self
                .send_to(&node, &req, Some(12), Duration::ZERO, acks != 0)
                .await?;
            let Some(response) = response else {
                return Ok(Appended {
                    partition,
                    base_offset: None,
                });
            };
            let p = response
                .responses
                .first()
                .and_then(|t| t.partition_responses.first())
                .ok_or_else(|| Error::Client("Produce answered no partition".into()))?;
            let stale = matches!(
                ResponseError::try_from_code(p.error_code),
                Some(ResponseError::NotLeaderOrFollower | ResponseError::LeaderNotAvailable)
            );
            if stale && attempts < 3 {
                self.invalidate_leaders().await;
                continue;
            }
            check(
                p.error_code,
                p.error_message.as_ref(),
                &format!("producing to {topic}/{partition}"),
            )?;
            return Ok(Appended {
                partition,
                base_offset: Some(p.base_offset),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::batch::split_batches;

    #[test]
    fn many_records_make_one_batch() {
        let records: Vec<OutgoingRecord> = (0..50)
            .map(|i| OutgoingRecord {
                key: Some(Bytes::from(format!("k{i}"))),
                value: Some(Bytes::from(format!("v{i}"))),
                headers: vec![("h".into(), None)],
                timestamp: 1_700_000_000_000 + i,
            })
            .collect();
        for compression in [Compression::None, Compression::Gzip, Compression::Zstd] {
            let batch = encode_batch(&records, compression).unwrap();
            let batches = split_batches(&batch).unwrap();
            assert_eq!(batches.len(), 1);
            assert_eq!(batches[0].0.records_count, 50);
            assert_eq!(batches[0].0.base_sequence, -1);
        }
    }
}
