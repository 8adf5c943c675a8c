//! The client's SASL step of a connection: SaslHandshake v1, then the mechanism's tokens in
//! SaslAuthenticate v1 requests, right after TCP (and TLS) and before anything else, as every
//! Kafka client does. Errors say what went wrong in the user's terms: a mechanism the broker
//! does not offer (and which it does), a listener without SASL, credentials refused.

use bytes::{Bytes, BytesMut};
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{
    ApiKey, ResponseHeader, SaslAuthenticateRequest, SaslAuthenticateResponse,
    SaslHandshakeRequest, SaslHandshakeResponse,
};
use kafka_protocol::protocol::{Decodable, StrBytes};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::encode_request;
use super::security::SaslLogin;
use crate::security::mechanism::SaslMechanism;
use crate::security::scram_client::ScramClient;
use crate::{Error, Result};

/// The largest SASL answer read: tokens are small.
const MAX_SASL_RESPONSE_BYTES: usize = 1024 * 1024;

/// Authenticates `stream` (connected to `addr`) with `login`.
pub async fn authenticate<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    addr: &str,
    login: &SaslLogin,
    client_id: &StrBytes,
) -> Result<()> {
    let fail = |what: String| Error::Connection(format!("{addr}: SASL {what}"));
    let mechanism = login.mechanism.name();
    let handshake =
        SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str(mechanism));
    let frame = encode_request(ApiKey::SaslHandshake, 1, 1, client_id, &handshake)?;
    let mut body = exchange(stream, &frame)
        .await
        .map_err(|e| fail(format!("handshake failed: {e} (is this a SASL listener?)")))?;
    ResponseHeader::decode(&mut body, ApiKey::SaslHandshake.response_header_version(1))
        .map_err(|e| fail(format!("handshake answer is malformed: {e}")))?;
    let answer = SaslHandshakeResponse::decode(&mut body, 1)
        .map_err(|e| fail(format!("handshake answer is malformed: {e}")))?;
    if answer.error_code == ResponseError::UnsupportedSaslMechanism.code() {
        let offered: Vec<&str> = answer.mechanisms.iter().map(|m| m.as_str()).collect();
        return Err(fail(format!(
            "mechanism {mechanism} is not enabled on this listener (it offers: {})",
            if offered.is_empty() {
                "none".to_string()
            } else {
                offered.join(", ")
            }
        )));
    }
    if answer.error_code == ResponseError::IllegalSaslState.code() {
        return Err(fail(
            "is not used by this listener: set security.protocol to PLAINTEXT or SSL".into(),
        ));
    }
    if answer.error_code != 0 {
        return Err(fail(format!(
            "handshake refused with error code {}",
            answer.error_code
        )));
    }
    match login.mechanism {
        SaslMechanism::OAuthBearer => {
            // RFC 7628: the token in one message; a refusal comes back as an error challenge,
            // which the client acknowledges with ^A to end the exchange.
            let message = format!("n,,\u{1}auth=Bearer {}\u{1}\u{1}", login.password).into_bytes();
            let answer = round(stream, addr, login, client_id, 2, message).await?;
            if !answer.is_empty() {
                let refusal = String::from_utf8_lossy(&answer).into_owned();
                let outcome = round(stream, addr, login, client_id, 3, vec![1]).await;
                return Err(match outcome {
                    Err(e) => e,
                    Ok(_) => fail(format!("OAUTHBEARER token refused: {refusal}")),
                });
            }
        }
        SaslMechanism::Plain => {
            let token = format!("\0{}\0{}", login.username, login.password).into_bytes();
            round(stream, addr, login, client_id, 2, token).await?;
        }
        SaslMechanism::Scram(m) => {
            let mut client = ScramClient::new(m, &login.username, &login.password).map_err(fail)?;
            let first = client.client_first().into_bytes();
            let server_first = round(stream, addr, login, client_id, 2, first).await?;
            let server_first = String::from_utf8_lossy(&server_first).into_owned();
            let client_final = client.client_final(&server_first).map_err(fail)?;
            let client_final = client_final.into_bytes();
            let server_final = round(stream, addr, login, client_id, 3, client_final).await?;
            client
                .verify_server_final(&String::from_utf8_lossy(&server_final))
                .map_err(fail)?;
        }
    }
    Ok(())
}

/// One SaslAuthenticate round: sends `token`, returns the broker's.
async fn round<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    addr: &str,
    login: &SaslLogin,
    client_id: &StrBytes,
    correlation_id: i32,
    token: Vec<u8>,
) -> Result<Bytes> {
    let fail = |what: String| Error::Connection(format!("{addr}: SASL {what}"));
    let mechanism = login.mechanism.name();
    let req = SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from(token));
    let frame = encode_request(ApiKey::SaslAuthenticate, 1, correlation_id, client_id, &req)?;
    let mut body = exchange(stream, &frame).await.map_err(|e| {
        fail(format!(
            "authentication of user '{}' failed: the broker closed the connection ({e})",
            login.username
        ))
    })?;
    ResponseHeader::decode(
        &mut body,
        ApiKey::SaslAuthenticate.response_header_version(1),
    )
    .map_err(|e| fail(format!("answer is malformed: {e}")))?;
    let answer = SaslAuthenticateResponse::decode(&mut body, 1)
        .map_err(|e| fail(format!("answer is malformed: {e}")))?;
    if answer.error_code != 0 {
        let message = answer
            .error_message
            .as_ref()
            .map_or_else(String::new, |m| format!(": {m}"));
        return Err(fail(format!(
            "authentication of user '{}' with {mechanism} was refused{message}",
            login.username
        )));
    }
    Ok(answer.auth_bytes)
}

/// Writes one request frame and reads its response body.
async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    frame: &[u8],
) -> std::io::Result<Bytes> {
    stream.write_all(frame).await?;
    stream.flush().await?;
    let len = stream.read_i32().await?;
    let len = usize::try_from(len)
        .ok()
        .filter(|l| *l <= MAX_SASL_RESPONSE_BYTES)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "a bad length"))?;
    let mut body = BytesMut::zeroed(len);
    stream.read_exact(&mut body).await?;
    Ok(body.freeze())
}
