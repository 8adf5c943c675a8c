//! SyncGroup: after the join phase, the leader sends every member's assignment; each member
//! waits for its own. The assignments are opaque bytes computed by the client-side assignor
//! (range, roundrobin, cooperative-sticky, ...): the broker only hands them out.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{SyncGroupRequest, SyncGroupResponse};
use kafka_protocol::protocol::StrBytes;
use tokio::sync::oneshot;

use super::group::{GroupState, SyncResult};
use super::GroupCoordinator;
use crate::broker::Broker;

struct Answer {
    result: Result<SyncResult, oneshot::Receiver<SyncResult>>,
    /// The leader's answer waits until the new membership is recorded.
    recorded: Option<u64>,
    protocol_type: Option<String>,
    protocol_name: Option<String>,
}

/// Handles a SyncGroup; the returned future completes once the member's assignment is known.
pub fn handle(
    broker: &Arc<Broker>,
    req: SyncGroupRequest,
    version: i16,
) -> impl Future<Output = SyncGroupResponse> + Send + 'static {
    let answer = sync(&broker.groups, req, version, Instant::now());
    let broker = broker.clone();
    async move {
        if let Some(seq) = answer.recorded {
            if let Err(e) = broker.groups.store.wait_durable(seq).await {
                tracing::warn!(error = %e, "cannot fsync group membership");
            }
        }
        let result = match answer.result {
            Ok(r) => r,
            Err(rx) => rx
                .await
                .unwrap_or_else(|_| error(ResponseError::RebalanceInProgress)),
        };
        let ok = result.error.is_none();
        let name = |v: Option<String>| v.filter(|_| ok && version >= 5).map(StrBytes::from_string);
        SyncGroupResponse::default()
            .with_error_code(result.error.map_or(0, |e| e.code()))
            .with_protocol_type(name(answer.protocol_type))
            .with_protocol_name(name(answer.protocol_name))
            .with_assignment(result.assignment)
    }
}

fn error(e: ResponseError) -> SyncResult {
    SyncResult {
        error: Some(e),
        assignment: Bytes::new(),
    }
}

fn sync(
    coordinator: &GroupCoordinator,
    req: SyncGroupRequest,
    version: i16,
    now: Instant,
) -> Answer {
    let fail = |e: ResponseError| Answer {
        result: Ok(error(e)),
        recorded: None,
        protocol_type: None,
        protocol_name: None,
    };
    let mut groups = coordinator.lock();
    let group_id = req.group_id.to_string();
    let Some(group) = groups.get_mut(&group_id) else {
        return fail(ResponseError::UnknownMemberId);
    };
    let member_id = req.member_id.as_str();
    let instance = req.group_instance_id.filter(|_| version >= 3);
    if let Some(instance) = &instance {
        if group
            .static_members
            .get(instance.as_str())
            .is_some_and(|id| id != member_id)
        {
            return fail(ResponseError::FencedInstanceId);
        }
    }
    if !group.members.contains_key(member_id) {
        return fail(ResponseError::UnknownMemberId);
    }
    if req.generation_id != group.generation_id {
        return fail(ResponseError::IllegalGeneration);
    }
    if version >= 5 {
        let mismatch = |asked: &Option<StrBytes>, ours: &Option<String>| {
            asked
                .as_ref()
                .is_some_and(|a| ours.as_deref() != Some(a.as_str()))
        };
        if mismatch(&req.protocol_type, &group.protocol_type)
            || mismatch(&req.protocol_name, &group.protocol_name)
        {
            return fail(ResponseError::InconsistentGroupProtocol);
        }
    }
    let protocol_type = group.protocol_type.clone();
    let protocol_name = group.protocol_name.clone();
    let is_leader = group.leader.as_deref() == Some(member_id);
    let mut completed = false;
    let result = match group.state {
        GroupState::PreparingRebalance => Ok(error(ResponseError::RebalanceInProgress)),
        GroupState::Empty | GroupState::Dead => Ok(error(ResponseError::UnknownMemberId)),
        GroupState::Stable => {
            let member = group.members.get_mut(member_id);
            Ok(SyncResult {
                error: None,
                assignment: member
                    .map(|m| {
                        m.last_heartbeat = now;
                        m.assignment.clone()
                    })
                    .unwrap_or_default(),
            })
        }
        GroupState::CompletingRebalance => {
            let (tx, rx) = oneshot::channel();
            if let Some(m) = group.members.get_mut(member_id) {
                m.sync_waiter = Some(tx);
                m.last_heartbeat = now;
            }
            if is_leader {
                let assignments: HashMap<String, Bytes> = req
                    .assignments
                    .into_iter()
                    .map(|a| (a.member_id.to_string(), a.assignment))
                    .collect();
                group.complete_sync(assignments);
                completed = true;
                tracing::info!(group = %group.id, generation = group.generation_id, "group is stable");
            }
            Err(rx)
        }
    };
    let recorded = completed
        .then(|| coordinator.persist_metadata(&mut groups, &group_id))
        .flatten();
    Answer {
        result,
        recorded,
        protocol_type,
        protocol_name,
    }
}
