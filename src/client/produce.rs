//! Producing through the client: records are encoded into one v2 batch per partition (with
//! the chosen compression) and sent to the partition's leader, retrying once on a stale
//! leader.

use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{ProduceRequest, TopicName};
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
    let refs: Vec<RecordRef<'_>> = records
        .iter()
        .map(|r| RecordRef {
            timestamp: r.timestamp,
            key: r.key.as_deref(),
            value: r.value.as_deref(),
            headers: &r.headers,
        })
        .collect();
    records::encode_batch(&refs, compression)
}

impl Client {
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
