//! The registry's storage: the compacted, single-partition `_schemas` topic of the broker it
//! runs in, read and written in-process.
//!
//! Before answering, the registry reads whatever the topic gained since it last looked
//! (another registry's writes, a `migrate` of a cluster's `_schemas`), so every answer
//! reflects the whole topic. Writes are appended as one batch and acknowledged once durable
//! under the broker's fsync policy, as an `acks=all` produce is; the registry's state is then
//! updated by reading them back, the same path a restart takes.

use std::collections::BTreeMap;
use std::sync::Arc;

use kafka_protocol::records::Compression;

use super::error::RegistryError;
use super::records::RegistryRecord;
use super::state::State;
use crate::broker::partition::Partition;
use crate::broker::{now_ms, Broker};
use crate::client::records;
use crate::protocol::records::{encode_batch, RecordRef};

/// The topic Confluent's registry keeps its schemas in (`kafkastore.topic`).
pub const SCHEMAS_TOPIC: &str = "_schemas";

/// Bytes read from the topic per step while catching up.
const READ_BYTES: usize = 1 << 20;

/// The topic as the registry last read it.
#[derive(Default)]
pub struct Replica {
    pub state: State,
    /// The next offset to read.
    next_offset: i64,
    /// The topic's id: a topic deleted and created again is read from scratch.
    topic_id: Option<uuid::Uuid>,
}

/// The `_schemas` partition, created (compacted, one partition) when missing.
pub fn partition(broker: &Broker) -> Result<Arc<Partition>, RegistryError> {
    if broker.topic(SCHEMAS_TOPIC).is_none() {
        let configs = BTreeMap::from([("cleanup.policy".to_owned(), "compact".to_owned())]);
        if let Err(e) = broker.create_topic(SCHEMAS_TOPIC, 1, configs, false) {
            // Another caller may have created it in between.
            if broker.topic(SCHEMAS_TOPIC).is_none() {
                return Err(RegistryError::store(format!(
                    "Error creating the schemas topic {SCHEMAS_TOPIC}: {e}"
                )));
            }
        }
    }
    let topic = broker
        .topic(SCHEMAS_TOPIC)
        .ok_or_else(|| RegistryError::store(format!("the topic {SCHEMAS_TOPIC} is gone")))?;
    if topic.partition_count() != 1 {
        return Err(RegistryError::store(format!(
            "The schema topic {SCHEMAS_TOPIC} should have only 1 partition but has {}",
            topic.partition_count()
        )));
    }
    broker
        .partition(SCHEMAS_TOPIC, 0)
        .ok_or_else(|| RegistryError::store(format!("the topic {SCHEMAS_TOPIC} is gone")))
}

impl Replica {
    /// Applies every record the topic holds beyond what was read.
    pub fn catch_up(&mut self, broker: &Broker) -> Result<(), RegistryError> {
        let topic_id = broker.topic(SCHEMAS_TOPIC).map(|t| t.id);
        if topic_id != self.topic_id {
            *self = Replica {
                topic_id,
                ..Replica::default()
            };
        }
        let Some(partition) = broker.partition(SCHEMAS_TOPIC, 0) else {
            return Ok(());
        };
        loop {
            let offsets = partition.offsets();
            if self.next_offset < offsets.log_start_offset {
                self.next_offset = offsets.log_start_offset;
            }
            if self.next_offset >= offsets.log_end_offset {
                return Ok(());
            }
            let raw = partition
                .read(self.next_offset, READ_BYTES)
                .map_err(|e| RegistryError::store(format!("reading {SCHEMAS_TOPIC}: {e}")))?;
            let decoded = records::decode(&raw, self.next_offset)
                .map_err(|e| RegistryError::store(format!("reading {SCHEMAS_TOPIC}: {e}")))?;
            for record in decoded.records {
                let Some(key) = record.key.as_deref() else {
                    continue;
                };
                match RegistryRecord::decode(key, record.value.as_deref()) {
                    Some(r) => self.state.apply(r),
                    None => tracing::debug!(
                        offset = record.offset,
                        "skipping a {SCHEMAS_TOPIC} record that is not a schema registry record"
                    ),
                }
            }
            match decoded.next_offset {
                Some(next) if next > self.next_offset => self.next_offset = next,
                // Nothing whole to read (a transaction marker or a gap): step over it.
                _ => self.next_offset += 1,
            }
        }
    }
}

/// Appends `records` as one batch and waits until they are durable.
pub async fn append(broker: &Broker, records: &[RegistryRecord]) -> Result<(), RegistryError> {
    if records.is_empty() {
        return Ok(());
    }
    let partition = partition(broker)?;
    let encoded: Vec<(Vec<u8>, Option<Vec<u8>>)> = records.iter().map(|r| r.encode()).collect();
    let now = now_ms();
    let refs: Vec<RecordRef<'_>> = encoded
        .iter()
        .map(|(k, v)| RecordRef {
            timestamp: now,
            key: Some(k.as_slice()),
            value: v.as_deref(),
            headers: &[],
        })
        .collect();
    let failed = |e: crate::Error| {
        RegistryError::store(format!(
            "Register schema operation failed while writing to the Kafka store: {e}"
        ))
    };
    let batch = encode_batch(&refs, Compression::None).map_err(failed)?;
    let appended = partition.append(&batch, now).map_err(failed)?;
    partition
        .wait_durable(appended.info.last_offset + 1)
        .await
        .map_err(failed)
}
