//! ApiVersions (API key 18): the table of supported APIs, including the KIP-511 fallback for
//! clients that ask with a newer version than we speak.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::api_versions_response::{ApiVersion, ApiVersionsResponse};

use crate::protocol::versions::SUPPORTED_APIS;

/// The full response listing every supported API.
pub fn response() -> ApiVersionsResponse {
    let api_keys = SUPPORTED_APIS
        .iter()
        .map(|a| {
            ApiVersion::default()
                .with_api_key(a.key as i16)
                .with_min_version(a.min_version)
                .with_max_version(a.max_version)
        })
        .collect();
    ApiVersionsResponse::default().with_api_keys(api_keys)
}

/// The answer to an ApiVersions request at a version we do not speak: encoded as v0 with
/// UNSUPPORTED_VERSION and our table, so the client can retry with a version we support.
pub fn unsupported_version_response() -> ApiVersionsResponse {
    response().with_error_code(ResponseError::UnsupportedVersion.code())
}
