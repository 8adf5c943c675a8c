//! Heartbeat: keeps a member's session alive and tells it when to rejoin
//! (REBALANCE_IN_PROGRESS) or that its membership or generation is gone.

use std::time::Instant;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{HeartbeatRequest, HeartbeatResponse};

use super::group::GroupState;
use super::GroupCoordinator;

pub fn handle(
    coordinator: &GroupCoordinator,
    req: HeartbeatRequest,
    version: i16,
) -> HeartbeatResponse {
    let error = beat(coordinator, &req, version).err();
    HeartbeatResponse::default().with_error_code(error.map_or(0, |e| e.code()))
}

fn beat(
    coordinator: &GroupCoordinator,
    req: &HeartbeatRequest,
    version: i16,
) -> Result<(), ResponseError> {
    let mut groups = coordinator.lock();
    let group = groups
        .get_mut(req.group_id.as_str())
        .ok_or(ResponseError::UnknownMemberId)?;
    let member_id = req.member_id.as_str();
    if let Some(instance) = req.group_instance_id.as_ref().filter(|_| version >= 3) {
        if group
            .static_members
            .get(instance.as_str())
            .is_some_and(|id| id != member_id)
        {
            return Err(ResponseError::FencedInstanceId);
        }
    }
    let state = group.state;
    let generation = group.generation_id;
    let member = group
        .members
        .get_mut(member_id)
        .ok_or(ResponseError::UnknownMemberId)?;
    member.last_heartbeat = Instant::now();
    // As in Kafka, a stale generation is reported before a rebalance in progress.
    match state {
        _ if req.generation_id != generation => Err(ResponseError::IllegalGeneration),
        GroupState::PreparingRebalance => Err(ResponseError::RebalanceInProgress),
        GroupState::Empty | GroupState::Dead => Err(ResponseError::UnknownMemberId),
        GroupState::CompletingRebalance | GroupState::Stable => Ok(()),
    }
}
