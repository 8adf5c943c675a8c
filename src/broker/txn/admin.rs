//! DescribeTransactions and ListTransactions: what the transaction coordinator knows, for
//! admin tools (`streamline transactions`, `kafka-transactions.sh`).

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::describe_transactions_response::{
    TopicData, TransactionState as DescribedState,
};
use kafka_protocol::messages::list_transactions_response::TransactionState as ListedState;
use kafka_protocol::messages::{
    DescribeTransactionsRequest, DescribeTransactionsResponse, ListTransactionsRequest,
    ListTransactionsResponse, ProducerId, TopicName, TransactionalId,
};
use kafka_protocol::protocol::StrBytes;

use super::state::{TxnMeta, TxnState};
use crate::broker::context::RequestContext;
use crate::broker::{now_ms, Broker};
use crate::security::acl::Operation;

const STATES: [TxnState; 6] = [
    TxnState::Empty,
    TxnState::Ongoing,
    TxnState::PrepareCommit,
    TxnState::PrepareAbort,
    TxnState::CompleteCommit,
    TxnState::CompleteAbort,
];

fn describe_one(meta: Option<&TxnMeta>, id: TransactionalId) -> DescribedState {
    let Some(meta) = meta else {
        return DescribedState::default()
            .with_transactional_id(id)
            .with_error_code(ResponseError::TransactionalIdNotFound.code())
            .with_transaction_state(StrBytes::from_static_str("Dead"))
            .with_producer_id(ProducerId(-1))
            .with_producer_epoch(-1)
            .with_transaction_start_time_ms(-1);
    };
    let mut topics: Vec<TopicData> = Vec::new();
    for (topic, partition) in &meta.partitions {
        match topics.iter_mut().find(|t| t.topic.as_str() == topic) {
            Some(t) => t.partitions.push(*partition),
            None => topics.push(
                TopicData::default()
                    .with_topic(TopicName(StrBytes::from_string(topic.clone())))
                    .with_partitions(vec![*partition]),
            ),
        }
    }
    DescribedState::default()
        .with_transactional_id(id)
        .with_transaction_state(StrBytes::from_static_str(meta.state.name()))
        .with_transaction_timeout_ms(meta.timeout_ms)
        .with_transaction_start_time_ms(meta.start_ms)
        .with_producer_id(ProducerId(meta.producer_id))
        .with_producer_epoch(meta.epoch)
        .with_topics(topics)
}

/// A transactional id the principal may not DESCRIBE answers
/// TRANSACTIONAL_ID_AUTHORIZATION_FAILED.
pub fn describe(
    broker: &Broker,
    req: DescribeTransactionsRequest,
    ctx: &RequestContext,
) -> DescribeTransactionsResponse {
    let txns = broker.txns.lock();
    DescribeTransactionsResponse::default().with_transaction_states(
        req.transactional_ids
            .into_iter()
            .map(|id| {
                if broker
                    .security
                    .allows_transactional_id(ctx, &id, Operation::Describe)
                {
                    describe_one(txns.by_id.get(id.as_str()), id)
                } else {
                    DescribedState::default()
                        .with_transactional_id(id)
                        .with_error_code(ResponseError::TransactionalIdAuthorizationFailed.code())
                }
            })
            .collect(),
    )
}

/// Lists the transactions whose ids the principal may DESCRIBE.
pub fn list(
    broker: &Broker,
    req: ListTransactionsRequest,
    version: i16,
    ctx: &RequestContext,
) -> ListTransactionsResponse {
    let unknown: Vec<StrBytes> = req
        .state_filters
        .iter()
        .filter(|f| !STATES.iter().any(|s| s.name() == f.as_str()))
        .cloned()
        .collect();
    let pattern = match req
        .transactional_id_pattern
        .as_deref()
        .filter(|_| version >= 2)
    {
        Some(p) if !p.is_empty() => match regex::Regex::new(&format!("^(?:{p})$")) {
            Ok(re) => Some(re),
            Err(_) => {
                return ListTransactionsResponse::default()
                    .with_error_code(ResponseError::InvalidRegularExpression.code())
            }
        },
        _ => None,
    };
    let now = now_ms();
    let txns = broker.txns.lock();
    let states = txns
        .by_id
        .values()
        .filter(|m| {
            req.state_filters.is_empty()
                || req
                    .state_filters
                    .iter()
                    .any(|f| f.as_str() == m.state.name())
        })
        .filter(|m| {
            broker
                .security
                .allows_transactional_id(ctx, &m.transactional_id, Operation::Describe)
        })
        .filter(|m| {
            req.producer_id_filters.is_empty()
                || req.producer_id_filters.iter().any(|p| p.0 == m.producer_id)
        })
        // v1+: only transactions running longer than this (ms); -1 means no filter.
        .filter(|m| {
            version < 1
                || req.duration_filter < 0
                || (m.state == TxnState::Ongoing
                    && m.start_ms >= 0
                    && now.saturating_sub(m.start_ms) > req.duration_filter)
        })
        .filter(|m| {
            pattern
                .as_ref()
                .is_none_or(|re| re.is_match(&m.transactional_id))
        })
        .map(|m| {
            ListedState::default()
                .with_transactional_id(TransactionalId(StrBytes::from_string(
                    m.transactional_id.clone(),
                )))
                .with_producer_id(ProducerId(m.producer_id))
                .with_transaction_state(StrBytes::from_static_str(m.state.name()))
        })
        .collect();
    ListTransactionsResponse::default()
        .with_unknown_state_filters(unknown)
        .with_transaction_states(states)
}
