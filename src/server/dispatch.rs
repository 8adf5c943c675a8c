//! Request dispatch: one frame in, at most one encoded response frame out.
//!
//! [`dispatch_pipelined`] does a request's immediate work (decoding, and for Produce the
//! appends, in request order) and returns either the response or a future for the part that
//! waits — a Produce waiting for fsync, a Fetch long-polling. The connection keeps reading and
//! dispatching its next requests while such futures run, and sends responses in order.
//! [`dispatch`] is the same with the waiting done inline.
//!
//! The frame is decoded from `Bytes`, so record batches in a Produce request stay zero-copy
//! slices of the frame all the way to the log. Anything we cannot or will not decode — an
//! unknown API key, an unsupported version (other than ApiVersions, which gets the KIP-511
//! answer), a malformed header or body — closes the connection, as Apache Kafka does.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{
    AddOffsetsToTxnRequest, AddOffsetsToTxnResponse, AddPartitionsToTxnRequest,
    AlterConfigsRequest, AlterUserScramCredentialsRequest, ApiKey, ApiVersionsRequest,
    ConsumerGroupDescribeRequest, ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse,
    CreateAclsRequest, CreatePartitionsRequest, CreateTopicsRequest, DeleteAclsRequest,
    DeleteGroupsRequest, DeleteRecordsRequest, DeleteTopicsRequest, DescribeAclsRequest,
    DescribeClusterRequest, DescribeConfigsRequest, DescribeGroupsRequest, DescribeLogDirsRequest,
    DescribeProducersRequest, DescribeTransactionsRequest, DescribeUserScramCredentialsRequest,
    EndTxnRequest, EndTxnResponse, FetchRequest, FindCoordinatorRequest, HeartbeatRequest,
    HeartbeatResponse, IncrementalAlterConfigsRequest, InitProducerIdRequest,
    InitProducerIdResponse, JoinGroupRequest, JoinGroupResponse, LeaveGroupRequest,
    LeaveGroupResponse, ListGroupsRequest, ListOffsetsRequest, ListTransactionsRequest,
    MetadataRequest, OffsetCommitRequest, OffsetDeleteRequest, OffsetFetchRequest,
    OffsetForLeaderEpochRequest, ProduceRequest, ResponseHeader, SaslAuthenticateRequest,
    SaslAuthenticateResponse, SaslHandshakeRequest, SaslHandshakeResponse, SyncGroupRequest,
    SyncGroupResponse, TxnOffsetCommitRequest, WriteTxnMarkersRequest,
};
use kafka_protocol::protocol::{Decodable, Encodable};

use crate::broker::context::RequestContext;
use crate::broker::{self, Broker};
use crate::metrics::errors::ErrorCodes;
use crate::metrics::BrokerMetrics;
use crate::protocol::frame::{self, FrameError};
use crate::protocol::versions;
use crate::security::acl::Operation;

/// What the connection should do after a request.
#[derive(Debug)]
pub enum Outcome {
    /// Send this frame (length prefix included).
    Respond(Bytes),
    /// Send nothing (Produce with acks=0).
    Silent,
    /// Send this frame, then close the connection (a failed SASL authentication).
    Final(Bytes),
    /// Close the connection; the string says why, for the log.
    Close(String),
}

/// A request after its immediate work: answered, or with a wait still to run.
pub enum Dispatched {
    Now(Outcome),
    Later(Pin<Box<dyn Future<Output = Outcome> + Send>>),
}

impl From<Outcome> for Dispatched {
    fn from(o: Outcome) -> Dispatched {
        Dispatched::Now(o)
    }
}

/// Decodes and answers one request frame (without its length prefix), waiting for whatever
/// the answer waits for.
pub async fn dispatch(broker: &Arc<Broker>, frame: Bytes) -> Outcome {
    match dispatch_pipelined(broker, frame, &RequestContext::in_process()) {
        Dispatched::Now(outcome) => outcome,
        Dispatched::Later(wait) => wait.await,
    }
}

/// Decodes one request frame and does its immediate work; see the module documentation.
/// `ctx` says who asks and through which listener (the client's address is shown as a group
/// member's client host).
pub fn dispatch_pipelined(broker: &Arc<Broker>, frame: Bytes, ctx: &RequestContext) -> Dispatched {
    let started = Instant::now();
    let api = frame::peek_header_prefix(&frame)
        .ok()
        .and_then(|p| ApiKey::try_from(p.api_key).ok());
    let dispatched = route(broker, frame, ctx);
    let Some(api) = api else {
        return dispatched;
    };
    match dispatched {
        Dispatched::Now(outcome) => {
            observe(broker, api, started, &outcome);
            Dispatched::Now(outcome)
        }
        Dispatched::Later(wait) => {
            let broker = broker.clone();
            Dispatched::Later(Box::pin(async move {
                let outcome = wait.await;
                observe(&broker, api, started, &outcome);
                outcome
            }))
        }
    }
}

/// Counts an answered request (or one that closed its connection) for `GET /metrics`.
fn observe(broker: &Broker, api: ApiKey, started: Instant, outcome: &Outcome) {
    match outcome {
        Outcome::Close(_) => broker.metrics.refused_request(api),
        Outcome::Respond(_) | Outcome::Final(_) | Outcome::Silent => {
            broker.metrics.request(api, started.elapsed())
        }
    }
}

/// Decodes one request and routes it to its handler.
fn route(broker: &Arc<Broker>, mut frame: Bytes, ctx: &RequestContext) -> Dispatched {
    let peer = ctx.peer;
    let prefix = match frame::peek_header_prefix(&frame) {
        Ok(p) => p,
        Err(e) => return Outcome::Close(e.to_string()).into(),
    };
    let Ok(api_key) = ApiKey::try_from(prefix.api_key) else {
        return Outcome::Close(
            FrameError::UnknownApiKey {
                api_key: prefix.api_key,
                correlation_id: prefix.correlation_id,
            }
            .to_string(),
        )
        .into();
    };
    let version = prefix.api_version;
    if api_key == ApiKey::ApiVersions && !versions::is_supported(api_key, version) {
        // KIP-511: answer in v0, whose format every client can read, with our table.
        return encode(
            &broker.metrics,
            prefix.correlation_id,
            api_key,
            0,
            &broker::api_versions::unsupported_version_response(),
        )
        .into();
    }
    if !versions::is_supported(api_key, version) {
        return Outcome::Close(format!(
            "{api_key:?} v{version} is not supported (correlation id {})",
            prefix.correlation_id
        ))
        .into();
    }
    let header = match frame::decode_request_header(&mut frame, api_key, version) {
        Ok(h) => h,
        Err(e) => return Outcome::Close(e.to_string()).into(),
    };
    let correlation_id = header.correlation_id;
    let body = &mut frame;

    macro_rules! decode {
        ($ty:ty) => {
            match <$ty>::decode(body, version) {
                Ok(req) => req,
                Err(e) => {
                    return Outcome::Close(format!(
                        "malformed {api_key:?} v{version} request (correlation id {correlation_id}): {e}"
                    ))
                    .into()
                }
            }
        };
    }
    macro_rules! reply {
        ($resp:expr) => {
            Dispatched::Now(encode(
                &broker.metrics,
                correlation_id,
                api_key,
                version,
                &$resp,
            ))
        };
    }
    macro_rules! reply_later {
        ($wait:expr) => {
            reply_later!($wait, version)
        };
        // Encoded as `$as_version`, for hand-decoded versions whose response layout a later
        // version shares.
        ($wait:expr, $as_version:expr) => {{
            let wait = $wait;
            let as_version: i16 = $as_version;
            let broker = broker.clone();
            Dispatched::Later(Box::pin(async move {
                encode(
                    &broker.metrics,
                    correlation_id,
                    api_key,
                    as_version,
                    &wait.await,
                )
            }))
        }};
    }

    // Requests about one consumer group that the principal may not READ answer
    // GROUP_AUTHORIZATION_FAILED at once, as Kafka's do.
    macro_rules! unless_group_readable {
        ($group:expr, $denied:expr) => {
            if !broker.security.allows_group(ctx, $group, Operation::Read) {
                return reply!(
                    $denied.with_error_code(ResponseError::GroupAuthorizationFailed.code())
                );
            }
        };
    }

    match api_key {
        ApiKey::ApiVersions => {
            let _req = decode!(ApiVersionsRequest);
            reply!(broker::api_versions::response())
        }
        ApiKey::Metadata => reply!(broker::metadata::handle(
            broker,
            decode!(MetadataRequest),
            version,
            ctx
        )),
        ApiKey::Produce => {
            let pending = broker::produce::append(broker, decode!(ProduceRequest), version, ctx);
            let broker = broker.clone();
            Dispatched::Later(Box::pin(async move {
                let waiting = pending
                    .must_wait()
                    .then(|| BrokerMetrics::waiting(&broker.metrics.produce_waiting));
                let answer = pending.finish().await;
                drop(waiting);
                match answer {
                    Some(resp) => encode(&broker.metrics, correlation_id, api_key, version, &resp),
                    None => Outcome::Silent,
                }
            }))
        }
        ApiKey::Fetch => {
            let req = decode!(FetchRequest);
            let broker = broker.clone();
            let ctx = ctx.clone();
            Dispatched::Later(Box::pin(async move {
                let resp = broker::fetch::handle(&broker, req, version, &ctx).await;
                encode(&broker.metrics, correlation_id, api_key, version, &resp)
            }))
        }
        ApiKey::ListOffsets if version == 0 => {
            // On the blocking pool, as later versions: a lookup may walk compressed batches.
            let (body, broker, ctx) = (body.clone(), broker.clone(), ctx.clone());
            on_blocking_pool(
                move || match broker::list_offsets_v0::handle(&broker, body, &ctx) {
                    Some(resp) => encode_raw(correlation_id, &resp),
                    None => Outcome::Close(format!(
                        "malformed ListOffsets v0 request (correlation id {correlation_id})"
                    )),
                },
            )
        }
        ApiKey::DescribeConfigs if version == 0 => {
            match broker::describe_configs_v0::handle(broker, body.clone(), ctx) {
                Some(resp) => Dispatched::Now(encode_raw(correlation_id, &resp)),
                None => Outcome::Close(format!(
                    "malformed DescribeConfigs v0 request (correlation id {correlation_id})"
                ))
                .into(),
            }
        }
        ApiKey::OffsetCommit if version <= 1 => {
            let Some(req) = broker::offset_commit_v0::decode(body.clone(), version) else {
                return Outcome::Close(format!(
                    "malformed OffsetCommit v{version} request (correlation id {correlation_id})"
                ))
                .into();
            };
            // The v0 and v1 responses are laid out exactly as v2's.
            reply_later!(broker::groups::offsets::commit(broker, req, 2, ctx), 2)
        }
        ApiKey::ListOffsets => {
            // A lookup by timestamp may inflate batches: CPU work for the blocking pool, never
            // for the workers every other connection's requests wait on.
            let (req, broker, ctx) = (decode!(ListOffsetsRequest), broker.clone(), ctx.clone());
            on_blocking_pool(move || {
                let resp = broker::list_offsets::handle(&broker, req, version, &ctx);
                encode(&broker.metrics, correlation_id, api_key, version, &resp)
            })
        }
        ApiKey::CreateTopics => reply!(broker::topics::create(
            broker,
            decode!(CreateTopicsRequest),
            version,
            ctx
        )),
        ApiKey::DeleteTopics => reply!(broker::topics::delete(
            broker,
            decode!(DeleteTopicsRequest),
            version,
            ctx
        )),
        ApiKey::CreatePartitions => reply!(broker::topics::create_partitions(
            broker,
            decode!(CreatePartitionsRequest),
            ctx
        )),
        ApiKey::DeleteRecords => reply!(broker::delete_records::handle(
            broker,
            decode!(DeleteRecordsRequest),
            ctx
        )),
        ApiKey::InitProducerId => {
            let req = decode!(InitProducerIdRequest);
            // WRITE on the transactional id; without one, an idempotent producer needs
            // IDEMPOTENT_WRITE on the cluster or WRITE on some topic.
            let denied = match &req.transactional_id {
                Some(id)
                    if !broker
                        .security
                        .allows_transactional_id(ctx, id, Operation::Write) =>
                {
                    Some(ResponseError::TransactionalIdAuthorizationFailed)
                }
                None if !broker.security.may_write_idempotently(ctx) => {
                    Some(ResponseError::ClusterAuthorizationFailed)
                }
                _ => None,
            };
            if let Some(code) = denied {
                return reply!(InitProducerIdResponse::default()
                    .with_error_code(code.code())
                    .with_producer_id(kafka_protocol::messages::ProducerId(-1))
                    .with_producer_epoch(-1));
            }
            reply_later!(broker::init_producer_id::handle(broker, req, version))
        }
        ApiKey::AddPartitionsToTxn => reply_later!(broker::txn::add_partitions::handle(
            broker,
            decode!(AddPartitionsToTxnRequest),
            version,
            ctx
        )),
        ApiKey::AddOffsetsToTxn => {
            let req = decode!(AddOffsetsToTxnRequest);
            let security = &broker.security;
            let denied = if !security.allows_transactional_id(
                ctx,
                &req.transactional_id,
                Operation::Write,
            ) {
                Some(ResponseError::TransactionalIdAuthorizationFailed)
            } else if !security.allows_group(ctx, &req.group_id, Operation::Read) {
                Some(ResponseError::GroupAuthorizationFailed)
            } else {
                None
            };
            if let Some(code) = denied {
                return reply!(AddOffsetsToTxnResponse::default().with_error_code(code.code()));
            }
            reply_later!(broker::txn::add_offsets::handle(broker, req, version))
        }
        ApiKey::EndTxn => {
            let req = decode!(EndTxnRequest);
            if !broker.security.allows_transactional_id(
                ctx,
                &req.transactional_id,
                Operation::Write,
            ) {
                return reply!(EndTxnResponse::default()
                    .with_error_code(ResponseError::TransactionalIdAuthorizationFailed.code()));
            }
            reply_later!(broker::txn::end::handle(broker, req, version))
        }
        ApiKey::WriteTxnMarkers => reply_later!(broker::write_txn_markers::handle(
            broker,
            decode!(WriteTxnMarkersRequest),
            ctx
        )),
        ApiKey::TxnOffsetCommit => reply_later!(broker::groups::txn_offsets::commit(
            broker,
            decode!(TxnOffsetCommitRequest),
            version,
            ctx
        )),
        ApiKey::DescribeProducers => reply!(broker::describe_producers::handle(
            broker,
            decode!(DescribeProducersRequest),
            ctx
        )),
        ApiKey::DescribeTransactions => reply!(broker::txn::admin::describe(
            broker,
            decode!(DescribeTransactionsRequest),
            ctx
        )),
        ApiKey::ListTransactions => reply!(broker::txn::admin::list(
            broker,
            decode!(ListTransactionsRequest),
            version,
            ctx
        )),
        ApiKey::OffsetForLeaderEpoch => reply!(broker::leader_epoch::handle(
            broker,
            decode!(OffsetForLeaderEpochRequest),
            ctx
        )),
        ApiKey::DescribeConfigs => reply!(broker::configs::describe(
            broker,
            decode!(DescribeConfigsRequest),
            version,
            ctx
        )),
        ApiKey::AlterConfigs => reply!(broker::configs::alter(
            broker,
            decode!(AlterConfigsRequest),
            ctx
        )),
        ApiKey::IncrementalAlterConfigs => reply!(broker::configs::incremental_alter(
            broker,
            decode!(IncrementalAlterConfigsRequest),
            ctx
        )),
        // On a listener without SASL (and in process), as Kafka answers there.
        ApiKey::SaslHandshake => {
            let _ = decode!(SaslHandshakeRequest);
            reply!(SaslHandshakeResponse::default()
                .with_error_code(ResponseError::IllegalSaslState.code()))
        }
        ApiKey::SaslAuthenticate => {
            let _ = decode!(SaslAuthenticateRequest);
            reply!(SaslAuthenticateResponse::default()
                .with_error_code(ResponseError::IllegalSaslState.code())
                .with_error_message(Some(kafka_protocol::protocol::StrBytes::from_static_str(
                    "SaslAuthenticate request received after successful authentication"
                ))))
        }
        ApiKey::CreateAcls => reply!(broker::acls::create(
            broker,
            decode!(CreateAclsRequest),
            ctx
        )),
        ApiKey::DescribeAcls => reply!(broker::acls::describe(
            broker,
            decode!(DescribeAclsRequest),
            ctx
        )),
        ApiKey::DeleteAcls => reply!(broker::acls::delete(
            broker,
            decode!(DeleteAclsRequest),
            ctx
        )),
        ApiKey::DescribeUserScramCredentials => reply!(broker::users::describe(
            broker,
            decode!(DescribeUserScramCredentialsRequest),
            ctx
        )),
        ApiKey::AlterUserScramCredentials => reply!(broker::users::alter(
            broker,
            decode!(AlterUserScramCredentialsRequest),
            ctx
        )),
        ApiKey::DescribeCluster => reply!(broker::cluster::handle(
            broker,
            decode!(DescribeClusterRequest),
            version,
            ctx
        )),
        ApiKey::DescribeLogDirs => reply!(broker::log_dirs::handle(
            broker,
            decode!(DescribeLogDirsRequest),
            ctx
        )),
        ApiKey::FindCoordinator => reply!(broker::groups::find_coordinator::handle(
            broker,
            decode!(FindCoordinatorRequest),
            version,
            ctx
        )),
        ApiKey::JoinGroup => {
            let req = decode!(JoinGroupRequest);
            unless_group_readable!(&req.group_id, JoinGroupResponse::default());
            let client_id = header.client_id.as_deref().unwrap_or_default();
            let client_host = broker::groups::client_host(peer);
            reply_later!(broker::groups::join::handle(
                &broker.groups,
                req,
                version,
                broker::groups::Client {
                    client_id,
                    client_host: &client_host,
                },
            ))
        }
        ApiKey::ConsumerGroupHeartbeat => {
            let req = decode!(ConsumerGroupHeartbeatRequest);
            unless_group_readable!(&req.group_id, ConsumerGroupHeartbeatResponse::default());
            // Kafka refuses a subscription naming topics the member may not DESCRIBE.
            let unauthorized: Vec<String> = req
                .subscribed_topic_names
                .iter()
                .flatten()
                .filter(|t| !broker.security.allows_topic(ctx, t, Operation::Describe))
                .map(|t| t.to_string())
                .collect();
            if !unauthorized.is_empty() {
                return reply!(ConsumerGroupHeartbeatResponse::default()
                    .with_error_code(ResponseError::TopicAuthorizationFailed.code())
                    .with_error_message(Some(kafka_protocol::protocol::StrBytes::from_string(
                        format!(
                            "The following topics are unauthorized: {}",
                            unauthorized.join(", ")
                        )
                    ))));
            }
            let client_id = header.client_id.as_deref().unwrap_or_default();
            let client_host = broker::groups::client_host(peer);
            reply!(broker::groups::consumer_heartbeat::handle(
                broker,
                req,
                version,
                broker::groups::Client {
                    client_id,
                    client_host: &client_host,
                },
            ))
        }
        ApiKey::ConsumerGroupDescribe => reply!(broker::groups::consumer_describe::handle(
            broker,
            decode!(ConsumerGroupDescribeRequest),
            version,
            ctx
        )),
        ApiKey::SyncGroup => {
            let req = decode!(SyncGroupRequest);
            unless_group_readable!(&req.group_id, SyncGroupResponse::default());
            reply_later!(broker::groups::sync::handle(broker, req, version))
        }
        ApiKey::Heartbeat => {
            let req = decode!(HeartbeatRequest);
            unless_group_readable!(&req.group_id, HeartbeatResponse::default());
            reply!(broker::groups::heartbeat::handle(
                &broker.groups,
                req,
                version
            ))
        }
        ApiKey::LeaveGroup => {
            let req = decode!(LeaveGroupRequest);
            unless_group_readable!(&req.group_id, LeaveGroupResponse::default());
            reply!(broker::groups::leave::handle(&broker.groups, req, version))
        }
        ApiKey::OffsetCommit => reply_later!(broker::groups::offsets::commit(
            broker,
            decode!(OffsetCommitRequest),
            version,
            ctx
        )),
        ApiKey::OffsetFetch => reply!(broker::groups::offsets::fetch(
            broker,
            decode!(OffsetFetchRequest),
            version,
            ctx
        )),
        ApiKey::OffsetDelete => reply_later!(broker::groups::offsets::delete(
            broker,
            decode!(OffsetDeleteRequest),
            ctx
        )),
        ApiKey::ListGroups => reply!(broker::groups::admin::list(
            broker,
            decode!(ListGroupsRequest),
            version,
            ctx
        )),
        ApiKey::DescribeGroups => reply!(broker::groups::admin::describe(
            broker,
            decode!(DescribeGroupsRequest),
            version,
            ctx
        )),
        ApiKey::DeleteGroups => reply_later!(broker::groups::admin::delete(
            broker,
            decode!(DeleteGroupsRequest),
            ctx
        )),
        other => Outcome::Close(format!("{other:?} is advertised but has no handler")).into(),
    }
}

/// Frames a body encoded by hand: length prefix, response header v0, body.
/// Answers with `work` run on tokio's blocking pool: for requests whose handling is CPU work
/// (inflating batches) that must not hold an async worker.
fn on_blocking_pool(work: impl FnOnce() -> Outcome + Send + 'static) -> Dispatched {
    Dispatched::Later(Box::pin(async move {
        tokio::task::spawn_blocking(work)
            .await
            .unwrap_or_else(|e| Outcome::Close(format!("the request's handler failed: {e}")))
    }))
}

fn encode_raw(correlation_id: i32, body: &[u8]) -> Outcome {
    let Ok(len) = i32::try_from(body.len() + 4) else {
        return Outcome::Close("response is too large".into());
    };
    let mut buf = BytesMut::with_capacity(frame::LENGTH_PREFIX_BYTES + 4 + body.len());
    buf.put_i32(len);
    buf.put_i32(correlation_id);
    buf.put_slice(body);
    Outcome::Respond(buf.freeze())
}

/// Encodes a response frame: length prefix, response header, body; counts the body's error
/// codes.
pub(crate) fn encode<R: Encodable + ErrorCodes>(
    metrics: &BrokerMetrics,
    correlation_id: i32,
    api_key: ApiKey,
    version: i16,
    body: &R,
) -> Outcome {
    metrics.response_errors(api_key, body);
    let header = ResponseHeader::default().with_correlation_id(correlation_id);
    let header_version = api_key.response_header_version(version);
    let size = match (
        header.compute_size(header_version),
        body.compute_size(version),
    ) {
        (Ok(h), Ok(b)) => h + b,
        (Err(e), _) | (_, Err(e)) => {
            return Outcome::Close(format!(
                "cannot encode {api_key:?} v{version} response: {e}"
            ))
        }
    };
    let Ok(len) = i32::try_from(size) else {
        return Outcome::Close(format!("{api_key:?} response of {size} bytes is too large"));
    };
    let mut buf = BytesMut::with_capacity(frame::LENGTH_PREFIX_BYTES + size);
    buf.put_i32(len);
    if let Err(e) = header
        .encode(&mut buf, header_version)
        .and_then(|()| body.encode(&mut buf, version))
    {
        return Outcome::Close(format!(
            "cannot encode {api_key:?} v{version} response: {e}"
        ));
    }
    Outcome::Respond(buf.freeze())
}
