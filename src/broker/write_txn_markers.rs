//! WriteTxnMarkers (API key 27): writes a commit or abort marker for a producer into the named
//! partitions. Kafka's transaction coordinators send it to partition leaders; this broker's
//! coordinator writes its markers directly, so here it serves admin tools that abort a
//! transaction left hanging in a partition (`Admin.abortTransaction`,
//! `kafka-transactions.sh abort`). Answered once the markers are durable.

use std::future::Future;
use std::sync::Arc;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::write_txn_markers_response::{
    WritableTxnMarkerPartitionResult, WritableTxnMarkerResult, WritableTxnMarkerTopicResult,
};
use kafka_protocol::messages::{WriteTxnMarkersRequest, WriteTxnMarkersResponse};

use super::context::RequestContext;
use super::partition::Partition;
use super::{now_ms, Broker};

/// Handles a WriteTxnMarkers request, which needs CLUSTER_ACTION (the brokers' API):
/// CLUSTER_AUTHORIZATION_FAILED for every partition otherwise.
pub fn handle(
    broker: &Arc<Broker>,
    req: WriteTxnMarkersRequest,
    ctx: &RequestContext,
) -> impl Future<Output = WriteTxnMarkersResponse> + Send + 'static {
    let denied = !broker
        .security
        .authorize_cluster(ctx, crate::security::acl::Operation::ClusterAction);
    let now = now_ms();
    // Per marker, per topic, per partition: its code, or where to wait for durability.
    let mut results: Vec<WritableTxnMarkerResult> = Vec::new();
    let mut pending: Vec<(usize, usize, usize, Arc<Partition>, i64)> = Vec::new();
    for (m, marker) in req.markers.into_iter().enumerate() {
        let mut topics = Vec::new();
        for (t, topic) in marker.topics.into_iter().enumerate() {
            let mut partitions = Vec::new();
            for (i, index) in topic.partition_indexes.into_iter().enumerate() {
                let code = match broker.partition(&topic.name, index) {
                    _ if denied => ResponseError::ClusterAuthorizationFailed.code(),
                    None => ResponseError::UnknownTopicOrPartition.code(),
                    Some(partition) => match partition.append_marker(
                        marker.producer_id.0,
                        marker.producer_epoch,
                        marker.transaction_result,
                        marker.coordinator_epoch,
                        now,
                    ) {
                        Ok(end) => {
                            pending.push((m, t, i, partition, end));
                            0
                        }
                        Err(e) => e.response_error().code(),
                    },
                };
                partitions.push(
                    WritableTxnMarkerPartitionResult::default()
                        .with_partition_index(index)
                        .with_error_code(code),
                );
            }
            topics.push(
                WritableTxnMarkerTopicResult::default()
                    .with_name(topic.name)
                    .with_partitions(partitions),
            );
        }
        results.push(
            WritableTxnMarkerResult::default()
                .with_producer_id(marker.producer_id)
                .with_topics(topics),
        );
    }
    async move {
        for (m, t, i, partition, end) in pending {
            if let Err(e) = partition.wait_durable(end).await {
                let slot = results
                    .get_mut(m)
                    .and_then(|r| r.topics.get_mut(t))
                    .and_then(|t| t.partitions.get_mut(i));
                if let Some(slot) = slot {
                    slot.error_code = e.response_error().code();
                }
            }
        }
        WriteTxnMarkersResponse::default().with_markers(results)
    }
}
