//! TxnOffsetCommit: offsets a transactional producer commits for a group inside its
//! transaction (`send_offsets_to_transaction`). They are recorded as pending for that
//! producer and take effect only when the transaction commits (or vanish when it aborts);
//! meanwhile an OffsetFetch that requires stable offsets is told UNSTABLE_OFFSET_COMMIT.

use std::collections::BTreeSet;
use std::future::Future;
use std::sync::Arc;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::txn_offset_commit_response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use kafka_protocol::messages::{TxnOffsetCommitRequest, TxnOffsetCommitResponse};

use super::offsets::{check_member, partition_commit_error};
use super::store::{self, Committed, Record};
use super::{group::Group, GroupCoordinator};
use crate::broker::context::RequestContext;
use crate::broker::txn::state::TxnState;
use crate::broker::txn::{check_producer_at, Txns};
use crate::broker::{now_ms, Broker};
use crate::security::acl::Operation;
use crate::Result;

/// Whether the producer's open transaction may commit offsets for `group`.
fn check_txn(txns: &Txns, req: &TxnOffsetCommitRequest, version: i16) -> Option<ResponseError> {
    let meta = match check_producer_at(
        txns.by_id.get(req.transactional_id.as_str()),
        req.producer_id.0,
        req.producer_epoch,
        version,
        3,
    ) {
        Ok(meta) => meta,
        Err(code) => return Some(code),
    };
    if meta.state != TxnState::Ongoing || !meta.groups.contains(req.group_id.as_str()) {
        // AddOffsetsToTxn must come first, so that EndTxn knows to settle these offsets.
        return Some(ResponseError::InvalidTxnState);
    }
    None
}

/// Handles a TxnOffsetCommit; the answer waits until the pending offsets are durable. It needs
/// WRITE on the transactional id, READ on the group and on each topic (Kafka's
/// TRANSACTIONAL_ID_, GROUP_ and TOPIC_AUTHORIZATION_FAILED otherwise).
pub fn commit(
    broker: &Arc<Broker>,
    req: TxnOffsetCommitRequest,
    version: i16,
    ctx: &RequestContext,
) -> impl Future<Output = TxnOffsetCommitResponse> + Send + 'static {
    let security = &broker.security;
    let denied = if !security.allows_transactional_id(ctx, &req.transactional_id, Operation::Write)
    {
        Some(ResponseError::TransactionalIdAuthorizationFailed)
    } else if !security.allows_group(ctx, &req.group_id, Operation::Read) {
        Some(ResponseError::GroupAuthorizationFailed)
    } else {
        None
    };
    let group_id = req.group_id.to_string();
    let producer_id = req.producer_id.0;
    // Held until the offsets are recorded as pending: EndTxn and timeouts end a transaction
    // under this lock, so offsets recorded while it is held belong to a transaction that is
    // still open and will be settled with it.
    let txns = broker.txns.lock();
    let mut error = if denied.is_some() {
        denied
    } else if group_id.is_empty() {
        Some(ResponseError::InvalidGroupId)
    } else {
        check_txn(&txns, &req, version)
    };
    let coordinator = &broker.groups;
    let mut groups = coordinator.lock();
    // v3+ members say who they are; an older generation must not commit (KIP-447).
    if error.is_none() && version >= 3 && req.generation_id >= 0 {
        error = check_member(
            groups.get(&group_id),
            req.generation_id,
            req.member_id.as_str(),
            req.group_instance_id.as_deref(),
        )
        .err();
    }
    let now = now_ms();
    let mut records = Vec::new();
    let mut answers = Vec::new();
    for topic in req.topics {
        let topic_denied = !security.allows_topic(ctx, &topic.name, Operation::Read);
        let mut parts = Vec::new();
        for p in topic.partitions {
            let code = error.or_else(|| {
                if topic_denied {
                    return Some(ResponseError::TopicAuthorizationFailed);
                }
                partition_commit_error(
                    broker,
                    &topic.name,
                    p.partition_index,
                    p.committed_metadata.as_ref(),
                )
            });
            if code.is_none() {
                records.push(Record::TxnCommit {
                    group: group_id.clone(),
                    producer_id,
                    topic: topic.name.to_string(),
                    partition: p.partition_index,
                    committed: Committed::new(
                        p.committed_offset,
                        if version >= 2 {
                            p.committed_leader_epoch
                        } else {
                            -1
                        },
                        p.committed_metadata,
                        now,
                    ),
                });
            }
            parts.push((p.partition_index, code));
        }
        answers.push((topic.name, parts));
    }
    let mut written = None;
    if !records.is_empty() {
        match coordinator.persist(&groups, &records) {
            Ok(seq) => {
                let group = groups
                    .entry(group_id.clone())
                    .or_insert_with(|| Group::new(group_id.clone(), Default::default()));
                for r in records {
                    if let Record::TxnCommit {
                        topic,
                        partition,
                        committed,
                        ..
                    } = r
                    {
                        group
                            .pending_txn
                            .entry(producer_id)
                            .or_default()
                            .insert((topic, partition), committed);
                    }
                }
                written = Some(seq);
            }
            Err(e) => {
                tracing::error!(group = %group_id, error = %e, "cannot write transactional offsets");
                error = Some(e.response_error());
            }
        }
    }
    drop(groups);
    drop(txns);
    let broker = broker.clone();
    async move {
        let mut failed = error.filter(|_| written.is_none() && !answers.is_empty());
        if let Some(seq) = written {
            if let Err(e) = broker.groups.store.wait_durable(seq).await {
                failed = Some(e.response_error());
            }
        }
        let topics = answers
            .into_iter()
            .map(|(name, parts)| {
                TxnOffsetCommitResponseTopic::default()
                    .with_name(name)
                    .with_partitions(
                        parts
                            .into_iter()
                            .map(|(index, code)| {
                                TxnOffsetCommitResponsePartition::default()
                                    .with_partition_index(index)
                                    .with_error_code(code.or(failed).map_or(0, |e| e.code()))
                            })
                            .collect(),
                    )
            })
            .collect();
        TxnOffsetCommitResponse::default().with_topics(topics)
    }
}

impl GroupCoordinator {
    /// Ends `producer_id`'s transaction on `groups`: its pending offsets take effect
    /// (`commit`) or are dropped. Returns the offsets-log sequence to wait for, if anything
    /// changed.
    pub fn end_txn(
        &self,
        groups: &BTreeSet<String>,
        producer_id: i64,
        commit: bool,
    ) -> Result<Option<u64>> {
        let mut all = self.lock();
        let mut records = Vec::new();
        for id in groups {
            if let Some(group) = all.get_mut(id) {
                if group.pending_txn.contains_key(&producer_id) {
                    store::end_txn(
                        &mut group.pending_txn,
                        &mut group.offsets,
                        producer_id,
                        commit,
                    );
                    records.push(Record::TxnEnd {
                        group: id.clone(),
                        producer_id,
                        commit,
                    });
                }
            }
        }
        if records.is_empty() {
            return Ok(None);
        }
        self.persist(&all, &records).map(Some)
    }
}
