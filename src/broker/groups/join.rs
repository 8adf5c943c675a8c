//! JoinGroup: a member (re)joins a group and waits until the rebalance's join phase
//! completes — every known member has rejoined, or the rebalance timeout passed.
//!
//! KIP-394: from v4 a first join without a member id is answered at once with
//! MEMBER_ID_REQUIRED and an id the client must join with, so the group never waits for a
//! member that crashed before learning its id. KIP-345: a static member (group.instance.id)
//! rejoining takes over its old identity; a follower whose protocols did not change gets
//! the current generation back without a rebalance.

use std::future::Future;
use std::time::{Duration, Instant};

use bytes::Bytes;
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::join_group_response::JoinGroupResponseMember;
use kafka_protocol::messages::{JoinGroupRequest, JoinGroupResponse};
use kafka_protocol::protocol::StrBytes;
use tokio::sync::oneshot;
use uuid::Uuid;

use super::group::{Group, GroupState, JoinResult, Member};
use super::Client;
use super::GroupCoordinator;

/// Accepted session timeouts (Kafka's group.min/max.session.timeout.ms; the minimum is
/// lower than Kafka's 6 s so tests can expire members quickly).
pub const SESSION_TIMEOUT_MS_MIN: i32 = 1_000;
pub const SESSION_TIMEOUT_MS_MAX: i32 = 1_800_000;

/// The most members (joined or holding a KIP-394 member id) one group may have (Kafka's
/// group.max.size); more get GROUP_MAX_SIZE_REACHED.
pub const GROUP_MAX_SIZE: usize = 1_000;

enum Joined {
    Now(JoinResult),
    Wait {
        rx: oneshot::Receiver<JoinResult>,
        member_id: String,
    },
}

/// Handles a JoinGroup; the returned future completes when the answer is known.
pub fn handle(
    coordinator: &GroupCoordinator,
    req: JoinGroupRequest,
    version: i16,
    client: Client<'_>,
) -> impl Future<Output = JoinGroupResponse> + Send + 'static {
    let joined = join(coordinator, req, version, client, Instant::now());
    async move {
        let result = match joined {
            Joined::Now(r) => r,
            Joined::Wait { rx, member_id } => rx
                .await
                .unwrap_or_else(|_| failed(ResponseError::UnknownMemberId, member_id)),
        };
        response(result, version)
    }
}

fn failed(error: ResponseError, member_id: String) -> JoinResult {
    JoinResult {
        error: Some(error),
        generation_id: -1,
        protocol_type: None,
        protocol_name: None,
        leader: String::new(),
        member_id,
        members: Vec::new(),
    }
}

fn new_member_id(client: &Client<'_>, instance: Option<&str>) -> String {
    format!(
        "{}-{}",
        instance.unwrap_or(client.client_id),
        Uuid::new_v4()
    )
}

fn join(
    coordinator: &GroupCoordinator,
    req: JoinGroupRequest,
    version: i16,
    client: Client<'_>,
    now: Instant,
) -> Joined {
    let member_id = req.member_id.to_string();
    let fail = |e: ResponseError| Joined::Now(failed(e, member_id.clone()));
    let group_id = req.group_id.0.to_string();
    if group_id.is_empty() {
        return fail(ResponseError::InvalidGroupId);
    }
    if !(SESSION_TIMEOUT_MS_MIN..=SESSION_TIMEOUT_MS_MAX).contains(&req.session_timeout_ms) {
        return fail(ResponseError::InvalidSessionTimeout);
    }
    let session_timeout = Duration::from_millis(req.session_timeout_ms as u64);
    let rebalance_timeout = if version >= 1 && req.rebalance_timeout_ms > 0 {
        Duration::from_millis(req.rebalance_timeout_ms as u64)
    } else {
        session_timeout
    };
    let protocol_type = req.protocol_type.to_string();
    let protocols: Vec<(String, Bytes)> = req
        .protocols
        .into_iter()
        .map(|p| (p.name.to_string(), p.metadata))
        .collect();
    let instance = req
        .group_instance_id
        .filter(|_| version >= 5)
        .map(|i| i.to_string());

    let mut groups = coordinator.lock();
    let group = groups
        .entry(group_id.clone())
        .or_insert_with(|| Group::new(group_id, Default::default()));
    if let Some(consumer) = &group.consumer {
        // A consumer-protocol group (KIP-848) takes classic members only once it is empty;
        // it then turns back into a classic group, keeping its offsets.
        if !consumer.members.is_empty() {
            return fail(ResponseError::InconsistentGroupProtocol);
        }
        group.consumer = None;
        group.protocol_type = None;
    }
    let fresh = |id: String| Member {
        member_id: id,
        group_instance_id: instance.clone(),
        client_id: client.client_id.to_string(),
        client_host: client.client_host.to_string(),
        session_timeout,
        rebalance_timeout,
        protocols: protocols.clone(),
        assignment: Bytes::new(),
        last_heartbeat: now,
        join_waiter: None,
        sync_waiter: None,
    };

    let joining_id = if member_id.is_empty() {
        if !group.accepts(&protocol_type, &protocols) {
            return fail(ResponseError::InconsistentGroupProtocol);
        }
        let known_instance = instance
            .as_ref()
            .is_some_and(|i| group.static_members.contains_key(i));
        if !known_instance && group.members.len() + group.pending_members.len() >= GROUP_MAX_SIZE {
            return fail(ResponseError::GroupMaxSizeReached);
        }
        if let Some(instance) = &instance {
            let new_id = new_member_id(&client, Some(instance));
            if let Some(old_id) = group.static_members.get(instance).cloned() {
                if let Some(skip) = replace_static(group, &old_id, fresh(new_id.clone()), now) {
                    // The new member id must survive a restart like the old one would have.
                    let id = group.id.clone();
                    coordinator.persist_metadata(&mut groups, &id);
                    return Joined::Now(skip);
                }
            } else {
                group.members.insert(new_id.clone(), fresh(new_id.clone()));
                group
                    .static_members
                    .insert(instance.clone(), new_id.clone());
            }
            new_id
        } else if version >= 4 {
            let new_id = new_member_id(&client, None);
            group
                .pending_members
                .insert(new_id.clone(), now + session_timeout);
            return fail_with_id(ResponseError::MemberIdRequired, new_id);
        } else {
            let new_id = new_member_id(&client, None);
            group.members.insert(new_id.clone(), fresh(new_id.clone()));
            new_id
        }
    } else {
        if let Some(instance) = &instance {
            match group.static_members.get(instance) {
                Some(known) if *known != member_id => return fail(ResponseError::FencedInstanceId),
                None if !group.pending_members.contains_key(&member_id) => {
                    return fail(ResponseError::UnknownMemberId)
                }
                _ => {}
            }
        }
        if group.pending_members.remove(&member_id).is_some() {
            if !group.accepts(&protocol_type, &protocols) {
                return fail(ResponseError::InconsistentGroupProtocol);
            }
            group
                .members
                .insert(member_id.clone(), fresh(member_id.clone()));
            if let Some(instance) = &instance {
                group
                    .static_members
                    .insert(instance.clone(), member_id.clone());
            }
        } else {
            let leader = group.leader.as_deref() == Some(member_id.as_str());
            let state = group.state;
            let Some(member) = group.members.get_mut(&member_id) else {
                return fail(ResponseError::UnknownMemberId);
            };
            let unchanged = member.protocols == protocols;
            member.protocols = protocols.clone();
            member.session_timeout = session_timeout;
            member.rebalance_timeout = rebalance_timeout;
            member.last_heartbeat = now;
            if unchanged
                && !leader
                && matches!(state, GroupState::Stable | GroupState::CompletingRebalance)
            {
                return Joined::Now(current(group, &member_id));
            }
        }
        member_id.clone()
    };

    let (tx, rx) = oneshot::channel();
    if let Some(member) = group.members.get_mut(&joining_id) {
        member.join_waiter = Some(tx);
        member.last_heartbeat = now;
    }
    if group.members.len() == 1 || group.protocol_type.is_none() {
        // The first member decides what kind of group this is.
        group.protocol_type = Some(protocol_type);
    }
    group.prepare_rebalance(now);
    group.maybe_complete_join(now);
    Joined::Wait {
        rx,
        member_id: joining_id,
    }
}

fn fail_with_id(error: ResponseError, member_id: String) -> Joined {
    Joined::Now(failed(error, member_id))
}

/// The current generation as a JoinGroup answer for `member_id` (no rebalance).
fn current(group: &Group, member_id: &str) -> JoinResult {
    JoinResult {
        error: None,
        generation_id: group.generation_id,
        protocol_type: group.protocol_type.clone(),
        protocol_name: group.protocol_name.clone(),
        leader: group.leader.clone().unwrap_or_default(),
        member_id: member_id.to_string(),
        members: Vec::new(),
    }
}

/// A static member rejoined under a new member id: the old identity is fenced and the new
/// one takes over its assignment. Returns the answer when no rebalance is needed.
fn replace_static(
    group: &mut Group,
    old_id: &str,
    mut new: Member,
    now: Instant,
) -> Option<JoinResult> {
    let new_id = new.member_id.clone();
    let old = group.members.remove(old_id);
    let mut unchanged = false;
    if let Some(mut old) = old {
        if let Some(w) = old.join_waiter.take() {
            let _ = w.send(failed(ResponseError::FencedInstanceId, old_id.to_string()));
        }
        if let Some(w) = old.sync_waiter.take() {
            let _ = w.send(super::group::SyncResult {
                error: Some(ResponseError::FencedInstanceId),
                assignment: Bytes::new(),
            });
        }
        unchanged = old.protocols == new.protocols;
        new.assignment = old.assignment;
    }
    let was_leader = group.leader.as_deref() == Some(old_id);
    if was_leader {
        group.leader = Some(new_id.clone());
    }
    if let Some(instance) = &new.group_instance_id {
        group
            .static_members
            .insert(instance.clone(), new_id.clone());
    }
    new.last_heartbeat = now;
    group.members.insert(new_id.clone(), new);
    tracing::info!(group = %group.id, old = old_id, new = %new_id, "static member rejoined");
    (unchanged && !was_leader && group.state == GroupState::Stable).then(|| current(group, &new_id))
}

fn response(r: JoinResult, version: i16) -> JoinGroupResponse {
    let str = |s: String| StrBytes::from_string(s);
    let protocol_name = match r.protocol_name {
        Some(p) => Some(str(p)),
        // Nullable only from v7.
        None if version < 7 => Some(StrBytes::default()),
        None => None,
    };
    JoinGroupResponse::default()
        .with_error_code(r.error.map_or(0, |e| e.code()))
        .with_generation_id(r.generation_id)
        .with_protocol_type(r.protocol_type.filter(|_| version >= 7).map(str))
        .with_protocol_name(protocol_name)
        .with_leader(str(r.leader))
        .with_member_id(str(r.member_id))
        .with_members(
            r.members
                .into_iter()
                .map(|(id, instance, metadata)| {
                    JoinGroupResponseMember::default()
                        .with_member_id(str(id))
                        .with_group_instance_id(instance.filter(|_| version >= 5).map(str))
                        .with_metadata(metadata)
                })
                .collect(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::join_group_request::JoinGroupRequestProtocol;
    use kafka_protocol::messages::GroupId;

    fn request() -> JoinGroupRequest {
        JoinGroupRequest::default()
            .with_group_id(GroupId(StrBytes::from_static_str("g")))
            .with_session_timeout_ms(10_000)
            .with_protocol_type(StrBytes::from_static_str("consumer"))
            .with_protocols(vec![
                JoinGroupRequestProtocol::default().with_name(StrBytes::from_static_str("range"))
            ])
    }

    fn error(joined: Joined) -> Option<ResponseError> {
        match joined {
            Joined::Now(r) => r.error,
            Joined::Wait { .. } => None,
        }
    }

    #[test]
    fn groups_are_bounded_and_session_timeouts_checked() -> crate::Result<()> {
        let coordinator = GroupCoordinator::open(None, Default::default())?;
        let client = || Client {
            client_id: "c",
            client_host: "",
        };
        let now = Instant::now();
        for _ in 0..GROUP_MAX_SIZE {
            let e = error(join(&coordinator, request(), 4, client(), now));
            assert_eq!(e, Some(ResponseError::MemberIdRequired));
        }
        let e = error(join(&coordinator, request(), 4, client(), now));
        assert_eq!(e, Some(ResponseError::GroupMaxSizeReached));
        // Handed-out member ids expire with the session timeout, making room again.
        coordinator.lock().values_mut().for_each(|g| {
            g.tick(now + Duration::from_secs(11));
        });
        let e = error(join(&coordinator, request(), 4, client(), now));
        assert_eq!(e, Some(ResponseError::MemberIdRequired));

        let short = request().with_session_timeout_ms(SESSION_TIMEOUT_MS_MIN - 1);
        let e = error(join(&coordinator, short, 4, client(), now));
        assert_eq!(e, Some(ResponseError::InvalidSessionTimeout));
        Ok(())
    }
}
