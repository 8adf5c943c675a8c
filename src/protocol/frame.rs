//! Kafka framing: every request and response is a big-endian `i32` length followed by that many
//! bytes. This file owns the checks made on a frame before its body is decoded, so that a
//! malformed or hostile frame is rejected before anything proportional to a claimed size is
//! allocated.

use bytes::{Buf, Bytes};
use kafka_protocol::messages::{ApiKey, RequestHeader};
use kafka_protocol::protocol::Decodable;

/// Size of the length prefix in front of every frame.
pub const LENGTH_PREFIX_BYTES: usize = 4;

/// The smallest valid request: api key (2), api version (2), correlation id (4).
pub const MIN_REQUEST_BYTES: usize = 8;

/// Why a frame could not be turned into a request.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FrameError {
    #[error("frame of {claimed_bytes} bytes exceeds the limit of {limit_bytes} bytes")]
    TooLarge {
        claimed_bytes: i64,
        limit_bytes: usize,
    },
    #[error("frame of {0} bytes is too short to hold a request header")]
    TooShort(i64),
    #[error("unknown API key {api_key} (correlation id {correlation_id})")]
    UnknownApiKey { api_key: i16, correlation_id: i32 },
    #[error("malformed request header for {api_key:?} v{api_version}: {reason}")]
    MalformedHeader {
        api_key: ApiKey,
        api_version: i16,
        reason: String,
    },
}

/// Checks a frame's length prefix against the configured limit before its body is read.
pub fn check_frame_length(claimed: i32, limit_bytes: usize) -> Result<usize, FrameError> {
    let claimed_i64 = i64::from(claimed);
    if claimed_i64 < MIN_REQUEST_BYTES as i64 {
        return Err(FrameError::TooShort(claimed_i64));
    }
    let len = claimed as usize;
    if len > limit_bytes {
        return Err(FrameError::TooLarge {
            claimed_bytes: claimed_i64,
            limit_bytes,
        });
    }
    Ok(len)
}

/// The fixed leading fields of every request header, readable whatever the API version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderPrefix {
    pub api_key: i16,
    pub api_version: i16,
    pub correlation_id: i32,
}

/// Reads the api key, version and correlation id without consuming the frame.
pub fn peek_header_prefix(frame: &[u8]) -> Result<HeaderPrefix, FrameError> {
    let mut prefix = frame
        .get(..MIN_REQUEST_BYTES)
        .ok_or(FrameError::TooShort(frame.len() as i64))?;
    Ok(HeaderPrefix {
        api_key: prefix.get_i16(),
        api_version: prefix.get_i16(),
        correlation_id: prefix.get_i32(),
    })
}

/// Decodes the request header at the header version the API key and version call for, leaving
/// `frame` positioned at the request body.
pub fn decode_request_header(
    frame: &mut Bytes,
    api_key: ApiKey,
    api_version: i16,
) -> Result<RequestHeader, FrameError> {
    let header_version = api_key.request_header_version(api_version);
    RequestHeader::decode(frame, header_version).map_err(|e| FrameError::MalformedHeader {
        api_key,
        api_version,
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_length_limits() {
        assert_eq!(check_frame_length(8, 100), Ok(8));
        assert!(matches!(
            check_frame_length(i32::MAX, 1024),
            Err(FrameError::TooLarge { .. })
        ));
        assert!(matches!(
            check_frame_length(-5, 1024),
            Err(FrameError::TooShort(-5))
        ));
        assert!(matches!(
            check_frame_length(3, 1024),
            Err(FrameError::TooShort(3))
        ));
    }

    #[test]
    fn header_prefix_is_read_without_panicking_on_short_input() {
        assert!(peek_header_prefix(&[0, 18, 0]).is_err());
        let p = peek_header_prefix(&[0, 18, 0, 3, 0, 0, 0, 7, 9]).unwrap();
        assert_eq!(
            p,
            HeaderPrefix {
                api_key: 18,
                api_version: 3,
                correlation_id: 7
            }
        );
    }

    #[test]
    fn truncated_header_is_an_error() {
        // Metadata v9 uses a flexible header: client id and tagged fields must follow.
        let mut frame = Bytes::from_static(&[0, 3, 0, 9, 0, 0, 0, 1, 0]);
        assert!(decode_request_header(&mut frame, ApiKey::Metadata, 9).is_err());
    }
}
