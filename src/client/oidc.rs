//! OAUTHBEARER tokens from an OAuth 2 token endpoint with the client-credentials grant, as
//! librdkafka's `sasl.oauthbearer.method=oidc` gets them (Confluent Cloud's OAuth, Okta, Azure
//! AD, Keycloak): a POST of `grant_type=client_credentials` (and the scope) with the client id
//! and secret as HTTP basic authentication; the answer's `access_token` is the bearer token.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::{Error, Result};

/// Where and as whom to get tokens.
#[derive(Clone, PartialEq, Eq)]
pub struct OidcClient {
    pub token_endpoint_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub scope: Option<String>,
}

impl std::fmt::Debug for OidcClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcClient")
            .field("token_endpoint_url", &self.token_endpoint_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<hidden>")
            .field("scope", &self.scope)
            .finish()
    }
}

/// `application/x-www-form-urlencoded` encoding of one value.
fn form(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

impl OidcClient {
    /// Gets a token; an error says what the endpoint answered.
    pub async fn token(&self) -> Result<String> {
        let fail = |why: String| {
            Error::Connection(format!(
                "OAuth token from {}: {why}",
                self.token_endpoint_url
            ))
        };
        let mut body = "grant_type=client_credentials".to_string();
        if let Some(scope) = &self.scope {
            body.push_str(&format!("&scope={}", form(scope)));
        }
        let basic = STANDARD.encode(format!("{}:{}", self.client_id, self.client_secret));
        let headers = [
            ("authorization", format!("Basic {basic}")),
            (
                "content-type",
                "application/x-www-form-urlencoded".to_string(),
            ),
            ("accept", "application/json".to_string()),
        ];
        let (status, answer) = fetch(&self.token_endpoint_url, &headers, body.into_bytes())
            .await
            .map_err(fail)?;
        let json: serde_json::Value = serde_json::from_slice(&answer)
            .map_err(|_| fail(format!("answered {status} with something that is not JSON")))?;
        if !(200..300).contains(&status) {
            let why = json
                .get("error_description")
                .or_else(|| json.get("error"))
                .and_then(|v| v.as_str())
                .unwrap_or("no reason given");
            return Err(fail(format!("answered {status}: {why}")));
        }
        json.get("access_token")
            .and_then(|t| t.as_str())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .ok_or_else(|| fail("the answer has no access_token".into()))
    }
}

#[cfg(feature = "http")]
async fn fetch(
    url: &str,
    headers: &[(&str, String)],
    body: Vec<u8>,
) -> std::result::Result<(u16, Vec<u8>), String> {
    crate::http_client::request("POST", url, headers, body).await
}

#[cfg(not(feature = "http"))]
async fn fetch(
    _url: &str,
    _headers: &[(&str, String)],
    _body: Vec<u8>,
) -> std::result::Result<(u16, Vec<u8>), String> {
    Err("fetching OAuth tokens needs the `http` feature".into())
}

#[cfg(test)]
mod tests {
    #[test]
    fn form_encoding() {
        assert_eq!(super::form("kafka read:all"), "kafka+read%3Aall");
    }
}
