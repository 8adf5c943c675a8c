//! Transactions as the admin APIs report them: every transactional id of the cluster
//! (ListTransactions, asked of every broker) and one transaction in detail
//! (DescribeTransactions, asked of its coordinator).

use std::time::Duration;

use kafka_protocol::messages::{
    DescribeTransactionsRequest, ListTransactionsRequest, TransactionalId,
};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;

use super::admin::check;
use super::Client;
use crate::{Error, Result};

/// One transactional id, as ListTransactions reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransactionListing {
    pub transactional_id: String,
    pub producer_id: i64,
    pub state: String,
}

/// One transactional id in detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransactionDescription {
    pub transactional_id: String,
    pub state: String,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub timeout_ms: i32,
    /// When the open transaction began (epoch ms), -1 without one.
    pub start_ms: i64,
    /// Partitions of the open transaction.
    pub partitions: Vec<(String, i32)>,
}

impl Client {
    /// Every transactional id on every broker, sorted by id.
    pub async fn list_transactions(&self) -> Result<Vec<TransactionListing>> {
        let mut all = Vec::new();
        for node in self.all_nodes().await? {
            let req = ListTransactionsRequest::default().with_duration_filter(-1);
            let resp = self
                .send_to(&node, &req, None, Duration::ZERO, true)
                .await?
                .ok_or_else(|| Error::Client("ListTransactions got no response".into()))?;
            check(resp.error_code, None, "listing transactions")?;
            all.extend(
                resp.transaction_states
                    .into_iter()
                    .map(|t| TransactionListing {
                        transactional_id: t.transactional_id.to_string(),
                        producer_id: t.producer_id.0,
                        state: t.transaction_state.to_string(),
                    }),
            );
        }
        all.sort_by(|a, b| a.transactional_id.cmp(&b.transactional_id));
        Ok(all)
    }

    /// The state of `transactional_id`, from its coordinator.
    pub async fn describe_transaction(
        &self,
        transactional_id: &str,
    ) -> Result<TransactionDescription> {
        let req =
            &DescribeTransactionsRequest::default().with_transactional_ids(vec![TransactionalId(
                StrBytes::from_string(transactional_id.to_string()),
            )]);
        let t = self
            .on_coordinator_of(transactional_id, 1, "transactional id", |node| async move {
                let resp = self
                    .send_to(&node, req, None, Duration::ZERO, true)
                    .await?
                    .ok_or_else(|| Error::Client("DescribeTransactions got no response".into()))?;
                let t =
                    resp.transaction_states.into_iter().next().ok_or_else(|| {
                        Error::Client("DescribeTransactions answered nothing".into())
                    })?;
                check(
                    t.error_code,
                    None,
                    &format!("describing transactional id '{transactional_id}'"),
                )?;
                Ok(t)
            })
            .await?;
        let mut partitions: Vec<(String, i32)> = t
            .topics
            .iter()
            .flat_map(|topic| {
                topic
                    .partitions
                    .iter()
                    .map(|p| (topic.topic.to_string(), *p))
            })
            .collect();
        partitions.sort();
        Ok(TransactionDescription {
            transactional_id: t.transactional_id.to_string(),
            state: t.transaction_state.to_string(),
            producer_id: t.producer_id.0,
            producer_epoch: t.producer_epoch,
            timeout_ms: t.transaction_timeout_ms,
            start_ms: t.transaction_start_time_ms,
            partitions,
        })
    }
}

impl Client {
    /// The first offset of `producer_id`'s open transaction in `topic`/`partition` (-1 when
    /// it holds none there), from DescribeProducers on the partition's leader.
    pub async fn open_transaction_start(
        &self,
        topic: &str,
        partition: i32,
        producer_id: i64,
    ) -> Result<i64> {
        use kafka_protocol::messages::describe_producers_request::TopicRequest;
        use kafka_protocol::messages::{DescribeProducersRequest, TopicName};
        let node = self.leader(topic, partition).await?;
        let req = DescribeProducersRequest::default().with_topics(vec![TopicRequest::default()
            .with_name(TopicName(StrBytes::from_string(topic.to_string())))
            .with_partition_indexes(vec![partition])]);
        let resp = self
            .send_to(&node, &req, None, Duration::ZERO, true)
            .await?
            .ok_or_else(|| Error::Client("DescribeProducers got no response".into()))?;
        let p = resp
            .topics
            .first()
            .and_then(|t| t.partitions.first())
            .ok_or_else(|| Error::Client("DescribeProducers answered no partition".into()))?;
        check(
            p.error_code,
            p.error_message.as_ref(),
            &format!("describing the producers of {topic}/{partition}"),
        )?;
        Ok(p.active_producers
            .iter()
            .find(|s| s.producer_id.0 == producer_id)
            .map_or(-1, |s| s.current_txn_start_offset))
    }
}
