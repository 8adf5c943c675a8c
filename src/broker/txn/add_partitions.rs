//! AddPartitionsToTxn: a producer names the partitions it is about to write in its
//! transaction (v0–3), or, in the batched form of v4+, several transactions at once, each
//! either adding or only verifying (`verify_only`) its partitions. The first addition opens
//! the transaction; the answer waits until the transaction log holds it.

use std::future::Future;
use std::sync::Arc;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::add_partitions_to_txn_request::AddPartitionsToTxnTopic;
use kafka_protocol::messages::add_partitions_to_txn_response::{
    AddPartitionsToTxnPartitionResult, AddPartitionsToTxnResult, AddPartitionsToTxnTopicResult,
};
use kafka_protocol::messages::{AddPartitionsToTxnRequest, AddPartitionsToTxnResponse};

use super::state::TxnState;
use super::{check_producer_at, settled};
use crate::broker::context::RequestContext;
use crate::broker::{now_ms, Broker};
use crate::security::acl::Operation;

/// One transaction's partitions with their error codes.
type TopicCodes = Vec<AddPartitionsToTxnTopicResult>;

/// What one transaction of the request asked.
struct Addition {
    transactional_id: String,
    producer_id: i64,
    epoch: i16,
    verify_only: bool,
    topics: Vec<AddPartitionsToTxnTopic>,
    /// Why it is refused before anything is looked at: Kafka's authorization codes.
    denied: Option<Denied>,
}

/// What the principal may not do.
enum Denied {
    /// WRITE on the transactional id: every partition gets
    /// TRANSACTIONAL_ID_AUTHORIZATION_FAILED.
    Transaction,
    /// WRITE on these topics: their partitions get TOPIC_AUTHORIZATION_FAILED, the others
    /// OPERATION_NOT_ATTEMPTED.
    Topics(Vec<String>),
}

impl Denied {
    fn of(broker: &Broker, ctx: &RequestContext, a: &Addition) -> Option<Denied> {
        let security = &broker.security;
        if !security.allows_transactional_id(ctx, &a.transactional_id, Operation::Write) {
            return Some(Denied::Transaction);
        }
        let topics: Vec<String> = a
            .topics
            .iter()
            .filter(|t| !security.allows_topic(ctx, &t.name, Operation::Write))
            .map(|t| t.name.to_string())
            .collect();
        (!topics.is_empty()).then_some(Denied::Topics(topics))
    }

    fn codes(&self, topics: &[AddPartitionsToTxnTopic]) -> TopicCodes {
        match self {
            Denied::Transaction => codes(topics, |_, _| {
                ResponseError::TransactionalIdAuthorizationFailed.code()
            }),
            Denied::Topics(denied) => codes(topics, |t, _| {
                if denied.iter().any(|d| d == t) {
                    ResponseError::TopicAuthorizationFailed.code()
                } else {
                    ResponseError::OperationNotAttempted.code()
                }
            }),
        }
    }
}

fn codes(topics: &[AddPartitionsToTxnTopic], code: impl Fn(&str, i32) -> i16) -> TopicCodes {
    topics
        .iter()
        .map(|t| {
            AddPartitionsToTxnTopicResult::default()
                .with_name(t.name.clone())
                .with_results_by_partition(
                    t.partitions
                        .iter()
                        .map(|&p| {
                            AddPartitionsToTxnPartitionResult::default()
                                .with_partition_index(p)
                                .with_partition_error_code(code(&t.name, p))
                        })
                        .collect(),
                )
        })
        .collect()
}

/// Adds (or verifies) one transaction's partitions; returns the codes and the transaction
/// log sequence to wait for, if anything was recorded.
fn add(broker: &Broker, a: &Addition, version: i16) -> (TopicCodes, Option<u64>) {
    let coordinator = &broker.txns;
    let mut txns = coordinator.lock();
    let meta = match check_producer_at(
        txns.by_id.get(&a.transactional_id),
        a.producer_id,
        a.epoch,
        version,
        2,
    ) {
        Ok(meta) => meta.clone(),
        Err(code) => return (codes(&a.topics, |_, _| code.code()), None),
    };
    if meta.state.is_prepared() || txns.completing.contains(&a.transactional_id) {
        let code = ResponseError::ConcurrentTransactions.code();
        return (codes(&a.topics, |_, _| code), None);
    }
    if a.verify_only {
        let open = meta.state == TxnState::Ongoing;
        return (
            codes(&a.topics, |t, p| {
                if open && meta.partitions.contains(&(t.to_string(), p)) {
                    0
                } else {
                    ResponseError::InvalidTxnState.code()
                }
            }),
            None,
        );
    }
    let exists = |t: &str, p: i32| broker.partition(t, p).is_some();
    if a.topics
        .iter()
        .any(|t| t.partitions.iter().any(|&p| !exists(&t.name, p)))
    {
        return (
            codes(&a.topics, |t, p| {
                if exists(t, p) {
                    ResponseError::OperationNotAttempted.code()
                } else {
                    ResponseError::UnknownTopicOrPartition.code()
                }
            }),
            None,
        );
    }
    let mut updated = meta.clone();
    updated.begin(now_ms());
    for t in &a.topics {
        for &p in &t.partitions {
            updated.partitions.insert((t.name.to_string(), p));
        }
    }
    if updated.partitions == meta.partitions && meta.state == TxnState::Ongoing {
        // Nothing new, but an earlier request's record may not be on disk yet.
        let appended = coordinator.journal.last_written();
        return (codes(&a.topics, |_, _| 0), Some(appended));
    }
    match coordinator.persist(&mut txns, updated) {
        Ok(seq) => (codes(&a.topics, |_, _| 0), Some(seq)),
        Err(e) => {
            tracing::error!(transactional_id = %a.transactional_id, error = %e, "cannot record partitions added to a transaction");
            let code = e.response_error().code();
            (codes(&a.topics, |_, _| code), None)
        }
    }
}

/// Sets every partition's code to `code` (a failed fsync after the fact).
fn fail_all(topics: &mut TopicCodes, code: i16) {
    for t in topics {
        for p in &mut t.results_by_partition {
            p.partition_error_code = code;
        }
    }
}

/// Handles an AddPartitionsToTxn request; the answer waits for the transaction log. v4+ is the
/// brokers' batched form, which needs CLUSTER_ACTION.
pub fn handle(
    broker: &Arc<Broker>,
    req: AddPartitionsToTxnRequest,
    version: i16,
    ctx: &RequestContext,
) -> impl Future<Output = AddPartitionsToTxnResponse> + Send + 'static {
    let cluster_denied = version >= 4
        && !broker
            .security
            .authorize_cluster(ctx, Operation::ClusterAction);
    let mut additions: Vec<Addition> = if version <= 3 {
        vec![Addition {
            transactional_id: req.v3_and_below_transactional_id.to_string(),
            producer_id: req.v3_and_below_producer_id.0,
            epoch: req.v3_and_below_producer_epoch,
            verify_only: false,
            topics: req.v3_and_below_topics,
            denied: None,
        }]
    } else {
        req.transactions
            .into_iter()
            .map(|t| Addition {
                transactional_id: t.transactional_id.to_string(),
                producer_id: t.producer_id.0,
                epoch: t.producer_epoch,
                verify_only: t.verify_only,
                topics: t.topics,
                denied: None,
            })
            .collect()
    };
    for a in &mut additions {
        a.denied = Denied::of(broker, ctx, a);
    }
    let broker = broker.clone();
    async move {
        if cluster_denied {
            return AddPartitionsToTxnResponse::default()
                .with_error_code(ResponseError::ClusterAuthorizationFailed.code());
        }
        let mut results: Vec<(String, TopicCodes, Option<u64>)> = Vec::new();
        for a in &additions {
            // The producer's previous transaction may still be settling: wait for it rather
            // than send the client into a retry round.
            if let Some(denied) = &a.denied {
                results.push((a.transactional_id.clone(), denied.codes(&a.topics), None));
                continue;
            }
            let (topics, seq) = match settled(&broker, &a.transactional_id).await {
                Ok(()) => add(&broker, a, version),
                Err(code) => (codes(&a.topics, |_, _| code.code()), None),
            };
            results.push((a.transactional_id.clone(), topics, seq));
        }
        if let Some(seq) = results.iter().filter_map(|r| r.2).max() {
            if let Err(e) = broker.txns.journal.wait_durable(seq).await {
                tracing::error!(error = %e, "cannot fsync the transaction log");
                for r in results.iter_mut().filter(|r| r.2.is_some()) {
                    fail_all(&mut r.1, e.response_error().code());
                }
            }
        }
        if version <= 3 {
            let topics = results.into_iter().next().map(|r| r.1).unwrap_or_default();
            return AddPartitionsToTxnResponse::default()
                .with_results_by_topic_v3_and_below(topics);
        }
        AddPartitionsToTxnResponse::default().with_results_by_transaction(
            results
                .into_iter()
                .map(|(id, topics, _)| {
                    AddPartitionsToTxnResult::default()
                        .with_transactional_id(kafka_protocol::messages::TransactionalId(
                            kafka_protocol::protocol::StrBytes::from_string(id),
                        ))
                        .with_topic_results(topics)
                })
                .collect(),
        )
    }
}
