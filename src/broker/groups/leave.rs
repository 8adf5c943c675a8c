//! LeaveGroup: members leave at once instead of waiting for their session to expire; the rest
//! rebalance. v3+ removes a batch of members, each identified by member id or (static members)
//! group.instance.id.

use std::collections::BTreeMap;
use std::time::Instant;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::leave_group_response::MemberResponse;
use kafka_protocol::messages::{LeaveGroupRequest, LeaveGroupResponse};

use super::group::Group;
use super::GroupCoordinator;

pub fn handle(
    coordinator: &GroupCoordinator,
    req: LeaveGroupRequest,
    version: i16,
) -> LeaveGroupResponse {
    let now = Instant::now();
    let mut groups = coordinator.lock();
    let id = req.group_id.to_string();
    let had_members = groups.get(&id).is_some_and(|g| !g.members.is_empty());
    let response = leave(&mut groups, req, version, now);
    if had_members && groups.get(&id).is_some_and(|g| g.members.is_empty()) {
        coordinator.persist_metadata(&mut groups, &id);
    }
    response
}

fn leave(
    groups: &mut BTreeMap<String, Group>,
    req: LeaveGroupRequest,
    version: i16,
    now: Instant,
) -> LeaveGroupResponse {
    let Some(group) = groups.get_mut(req.group_id.as_str()) else {
        return LeaveGroupResponse::default()
            .with_error_code(ResponseError::UnknownMemberId.code());
    };
    if version < 3 {
        let id = req.member_id.to_string();
        let error = if group.members.contains_key(&id) {
            group.remove_member_and_rebalance(&id, now);
            0
        } else {
            ResponseError::UnknownMemberId.code()
        };
        return LeaveGroupResponse::default().with_error_code(error);
    }
    let mut members = Vec::with_capacity(req.members.len());
    for identity in req.members {
        let instance = identity.group_instance_id.as_ref().map(|i| i.to_string());
        let mut member_id = identity.member_id.to_string();
        let mut error = None;
        if let Some(instance) = &instance {
            match group.static_members.get(instance) {
                Some(known) if member_id.is_empty() || *known == member_id => {
                    member_id = known.clone();
                }
                Some(_) => error = Some(ResponseError::FencedInstanceId),
                None => error = Some(ResponseError::UnknownMemberId),
            }
        }
        if error.is_none() {
            if group.members.contains_key(&member_id) {
                group.remove_member_and_rebalance(&member_id, now);
                tracing::info!(group = %group.id, member = %member_id, "member left the group");
            } else {
                error = Some(ResponseError::UnknownMemberId);
            }
        }
        members.push(
            MemberResponse::default()
                .with_member_id(identity.member_id)
                .with_group_instance_id(identity.group_instance_id)
                .with_error_code(error.map_or(0, |e| e.code())),
        );
    }
    LeaveGroupResponse::default().with_members(members)
}
