//! Request dispatch: one frame in, at most one encoded response frame out.
//!
//! The frame is decoded from `Bytes`, so record batches in a Produce request stay zero-copy
//! slices of the frame all the way to the log. Anything we cannot or will not decode — an
//! unknown API key, an unsupported version (other than ApiVersions, which gets the KIP-511
//! answer), a malformed header or body — closes the connection, as Apache Kafka does.

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::{
    AlterConfigsRequest, ApiKey, ApiVersionsRequest, CreatePartitionsRequest, CreateTopicsRequest,
    DeleteRecordsRequest, DeleteTopicsRequest, DescribeClusterRequest, DescribeConfigsRequest,
    DescribeLogDirsRequest, FetchRequest, IncrementalAlterConfigsRequest, InitProducerIdRequest,
    ListOffsetsRequest, MetadataRequest, OffsetForLeaderEpochRequest, ProduceRequest,
    ResponseHeader,
};
use kafka_protocol::protocol::{Decodable, Encodable};

use crate::broker::{self, Broker};
use crate::protocol::frame::{self, FrameError};
use crate::protocol::versions;

/// What the connection should do after a request.
#[derive(Debug)]
pub enum Outcome {
    /// Send this frame (length prefix included).
    Respond(Bytes),
    /// Send nothing (Produce with acks=0).
    Silent,
    /// Close the connection; the string says why, for the log.
    Close(String),
}

/// Decodes and answers one request frame (without its length prefix).
pub async fn dispatch(broker: &Broker, mut frame: Bytes) -> Outcome {
    let prefix = match frame::peek_header_prefix(&frame) {
        Ok(p) => p,
        Err(e) => return Outcome::Close(e.to_string()),
    };
    let Ok(api_key) = ApiKey::try_from(prefix.api_key) else {
        return Outcome::Close(
            FrameError::UnknownApiKey {
                api_key: prefix.api_key,
                correlation_id: prefix.correlation_id,
            }
            .to_string(),
        );
    };
    let version = prefix.api_version;
    if api_key == ApiKey::ApiVersions && !versions::is_supported(api_key, version) {
        // KIP-511: answer in v0, whose format every client can read, with our table.
        return encode(
            prefix.correlation_id,
            api_key,
            0,
            &broker::api_versions::unsupported_version_response(),
        );
    }
    if !versions::is_supported(api_key, version) {
        return Outcome::Close(format!(
            "{api_key:?} v{version} is not supported (correlation id {})",
            prefix.correlation_id
        ));
    }
    let header = match frame::decode_request_header(&mut frame, api_key, version) {
        Ok(h) => h,
        Err(e) => return Outcome::Close(e.to_string()),
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
                }
            }
        };
    }
    macro_rules! reply {
        ($resp:expr) => {
            encode(correlation_id, api_key, version, &$resp)
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
            version
        )),
        ApiKey::Produce => {
            match broker::produce::handle(broker, decode!(ProduceRequest), version).await {
                Some(resp) => reply!(resp),
                None => Outcome::Silent,
            }
        }
        ApiKey::Fetch => {
            reply!(broker::fetch::handle(broker, decode!(FetchRequest), version).await)
        }
        ApiKey::ListOffsets => reply!(broker::list_offsets::handle(
            broker,
            decode!(ListOffsetsRequest),
            version
        )),
        ApiKey::CreateTopics => reply!(broker::topics::create(
            broker,
            decode!(CreateTopicsRequest),
            version
        )),
        ApiKey::DeleteTopics => reply!(broker::topics::delete(
            broker,
            decode!(DeleteTopicsRequest),
            version
        )),
        ApiKey::CreatePartitions => reply!(broker::topics::create_partitions(
            broker,
            decode!(CreatePartitionsRequest)
        )),
        ApiKey::DeleteRecords => reply!(broker::delete_records::handle(
            broker,
            decode!(DeleteRecordsRequest)
        )),
        ApiKey::InitProducerId => reply!(broker::init_producer_id::handle(
            broker,
            decode!(InitProducerIdRequest)
        )),
        ApiKey::OffsetForLeaderEpoch => reply!(broker::leader_epoch::handle(
            broker,
            decode!(OffsetForLeaderEpochRequest)
        )),
        ApiKey::DescribeConfigs => reply!(broker::configs::describe(
            broker,
            decode!(DescribeConfigsRequest),
            version
        )),
        ApiKey::AlterConfigs => {
            reply!(broker::configs::alter(broker, decode!(AlterConfigsRequest)))
        }
        ApiKey::IncrementalAlterConfigs => reply!(broker::configs::incremental_alter(
            broker,
            decode!(IncrementalAlterConfigsRequest)
        )),
        ApiKey::DescribeCluster => reply!(broker::cluster::handle(
            broker,
            decode!(DescribeClusterRequest),
            version
        )),
        ApiKey::DescribeLogDirs => reply!(broker::log_dirs::handle(
            broker,
            decode!(DescribeLogDirsRequest)
        )),
        other => Outcome::Close(format!("{other:?} is advertised but has no handler")),
    }
}

/// Encodes a response frame: length prefix, response header, body.
fn encode<R: Encodable>(correlation_id: i32, api_key: ApiKey, version: i16, body: &R) -> Outcome {
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
