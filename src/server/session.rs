//! One connection's security session: who the client is and whether it may send requests yet.
//!
//! On a SASL listener a connection starts unauthenticated and, as in Kafka's
//! `SaslServerAuthenticator`, may send only ApiVersions and SaslHandshake; after the handshake,
//! the mechanism's tokens — in SaslAuthenticate requests (handshake v1), or raw, length-prefixed
//! without a request header (handshake v0). Anything else before authentication closes the
//! connection. A failure is answered with SASL_AUTHENTICATION_FAILED and a generic message,
//! then the connection is closed.
//!
//! With `connections_max_reauth_ms` (KIP-368) a session lasts that long: SaslAuthenticate v1+
//! tells the client, which re-authenticates on the same connection with a new handshake, as
//! the same principal and mechanism; a request after the session expired closes the
//! connection.
//!
//! On other listeners the connection is authenticated from the start (`User:ANONYMOUS`, or the
//! client certificate's principal), and SaslHandshake/SaslAuthenticate get ILLEGAL_SASL_STATE,
//! as Kafka answers them there.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::{
    ApiKey, SaslAuthenticateRequest, SaslAuthenticateResponse, SaslHandshakeRequest,
    SaslHandshakeResponse,
};
use kafka_protocol::protocol::{Decodable, StrBytes};

use super::dispatch::{encode, Outcome};
use super::listener_config::SecurityProtocol;
use super::sasl::{Exchange, SaslMechanism, Step};
use crate::broker::context::RequestContext;
use crate::broker::Broker;
use crate::protocol::frame;
use crate::protocol::versions;
use crate::security::principal::Principal;

/// What a listener asks of its connections.
#[derive(Debug)]
pub struct ListenerSecurity {
    pub name: Arc<str>,
    pub protocol: SecurityProtocol,
    /// Offered on SASL listeners.
    pub mechanisms: Vec<SaslMechanism>,
    /// How long a SASL session lasts (`connections_max_reauth_ms`), if limited.
    pub reauth: Option<Duration>,
}

enum State {
    /// Requests are served.
    Open,
    /// A SASL connection before (or between, when re-authenticating) handshakes.
    AwaitHandshake,
    /// Tokens of `mechanism` are expected.
    AwaitToken {
        mechanism: SaslMechanism,
        /// After a v0 handshake: tokens come raw, without a request header.
        raw: bool,
        exchange: Exchange,
        /// Re-authenticating an open session (requests are still served meanwhile).
        reauth: bool,
    },
}

/// What the connection does with a frame.
pub enum Intercept {
    /// Dispatch it as a request, in [`Session::context`].
    Dispatch,
    /// Answered here.
    Answer(Outcome),
}

/// One connection's session.
pub struct Session {
    listener: Arc<ListenerSecurity>,
    ctx: RequestContext,
    state: State,
    /// When the SASL session ends (KIP-368).
    expires: Option<Instant>,
    /// The mechanism the session authenticated with; re-authentication must use it again.
    mechanism: Option<SaslMechanism>,
    /// How long the current session lasts, told to the client in SaslAuthenticate v1+.
    lifetime: Option<Duration>,
}

/// What Kafka tells a client whose credentials were refused.
fn failed_message(mechanism: SaslMechanism) -> String {
    format!(
        "Authentication failed during authentication due to invalid credentials with SASL \
         mechanism {}",
        mechanism.name()
    )
}

impl Session {
    /// A new connection from `peer`, with the principal its client certificate maps to, if any.
    pub fn new(
        listener: Arc<ListenerSecurity>,
        peer: SocketAddr,
        certificate_principal: Option<Principal>,
    ) -> Session {
        let state = if listener.protocol.uses_sasl() {
            State::AwaitHandshake
        } else {
            State::Open
        };
        Session {
            ctx: RequestContext {
                principal: certificate_principal.unwrap_or_else(Principal::anonymous),
                listener: Some(listener.name.clone()),
                peer: Some(peer),
            },
            listener,
            state,
            expires: None,
            mechanism: None,
            lifetime: None,
        }
    }

    /// The context requests of this connection are served in.
    pub fn context(&self) -> &RequestContext {
        &self.ctx
    }

    /// Decides what to do with `frame`: SASL requests are answered here, other requests
    /// pass once the connection is authenticated.
    pub fn intercept(&mut self, broker: &Broker, frame: &Bytes) -> Intercept {
        if matches!(self.state, State::AwaitToken { raw: true, .. }) {
            return self.raw_token(broker, frame);
        }
        let Ok(prefix) = frame::peek_header_prefix(frame) else {
            // The dispatcher closes the connection with the reason.
            return Intercept::Dispatch;
        };
        let sasl = self.listener.protocol.uses_sasl();
        match ApiKey::try_from(prefix.api_key) {
            Ok(ApiKey::ApiVersions) => Intercept::Dispatch,
            // Elsewhere the dispatcher answers them, as Kafka does there.
            Ok(ApiKey::SaslHandshake | ApiKey::SaslAuthenticate) if !sasl => Intercept::Dispatch,
            Ok(ApiKey::SaslHandshake)
                if versions::is_supported(ApiKey::SaslHandshake, prefix.api_version) =>
            {
                self.handshake(broker, frame.clone())
            }
            Ok(ApiKey::SaslAuthenticate)
                if versions::is_supported(ApiKey::SaslAuthenticate, prefix.api_version) =>
            {
                self.authenticate(broker, frame.clone())
            }
            api => match self.state {
                State::Open | State::AwaitToken { reauth: true, .. } => match self.expires {
                    Some(at) if Instant::now() >= at => Intercept::Answer(Outcome::Close(format!(
                        "the SASL session of {} expired without re-authentication",
                        self.ctx.principal
                    ))),
                    _ => Intercept::Dispatch,
                },
                _ => Intercept::Answer(Outcome::Close(format!(
                    "{} before SASL authentication completed",
                    api.map_or_else(
                        |_| format!("API key {}", prefix.api_key),
                        |a| format!("{a:?}")
                    )
                ))),
            },
        }
    }

    fn handshake(&mut self, broker: &Broker, mut frame: Bytes) -> Intercept {
        let api = ApiKey::SaslHandshake;
        let (correlation_id, version, req) = match decode::<SaslHandshakeRequest>(&mut frame, api) {
            Ok(decoded) => decoded,
            Err(reason) => return Intercept::Answer(Outcome::Close(reason)),
        };
        let names: Vec<StrBytes> = self
            .listener
            .mechanisms
            .iter()
            .map(|m| StrBytes::from_static_str(m.name()))
            .collect();
        let answer = |error: i16| {
            let resp = SaslHandshakeResponse::default()
                .with_error_code(error)
                .with_mechanisms(names.clone());
            encode(&broker.metrics, correlation_id, api, version, &resp)
        };
        let reauth = match self.state {
            State::AwaitHandshake => self.mechanism.is_some(),
            // KIP-368: an authenticated client re-authenticates with a new handshake (v1+).
            State::Open if version >= 1 && self.mechanism.is_some() => true,
            _ => return Intercept::Answer(Outcome::Close("SaslHandshake out of turn".to_string())),
        };
        let wanted = req.mechanism.as_str();
        let Some(mechanism) = self
            .listener
            .mechanisms
            .iter()
            .copied()
            .find(|m| m.name() == wanted)
        else {
            tracing::info!(peer = ?self.ctx.peer, mechanism = wanted, "SASL mechanism not enabled");
            return Intercept::Answer(final_answer(answer(
                ResponseError::UnsupportedSaslMechanism.code(),
            )));
        };
        if reauth && self.mechanism != Some(mechanism) {
            return Intercept::Answer(final_answer(answer(
                ResponseError::UnsupportedSaslMechanism.code(),
            )));
        }
        self.state = State::AwaitToken {
            mechanism,
            raw: version == 0,
            exchange: Exchange::new(mechanism),
            reauth,
        };
        Intercept::Answer(answer(0))
    }

    fn authenticate(&mut self, broker: &Broker, mut frame: Bytes) -> Intercept {
        let api = ApiKey::SaslAuthenticate;
        let (correlation_id, version, req) =
            match decode::<SaslAuthenticateRequest>(&mut frame, api) {
                Ok(decoded) => decoded,
                Err(reason) => return Intercept::Answer(Outcome::Close(reason)),
            };
        let respond = |resp: SaslAuthenticateResponse| {
            encode(&broker.metrics, correlation_id, api, version, &resp)
        };
        let State::AwaitToken { raw: false, .. } = self.state else {
            return Intercept::Answer(Outcome::Close(
                "SaslAuthenticate before a SaslHandshake".to_string(),
            ));
        };
        match self.step(broker, &req.auth_bytes) {
            Ok((token, done)) => {
                let mut resp = SaslAuthenticateResponse::default().with_auth_bytes(token.into());
                if done && version >= 1 {
                    resp.session_lifetime_ms = self.lifetime.map_or(0, |d| {
                        i64::try_from(d.as_millis()).unwrap_or(i64::MAX).max(1)
                    });
                }
                Intercept::Answer(respond(resp))
            }
            Err(mechanism) => Intercept::Answer(final_answer(respond(
                SaslAuthenticateResponse::default()
                    .with_error_code(ResponseError::SaslAuthenticationFailed.code())
                    .with_error_message(Some(StrBytes::from_string(failed_message(mechanism)))),
            ))),
        }
    }

    /// A token after a v0 handshake: the whole frame, answered with a bare length-prefixed
    /// token; a failure closes the connection without an answer, as Kafka does.
    fn raw_token(&mut self, broker: &Broker, frame: &Bytes) -> Intercept {
        match self.step(broker, frame) {
            Ok((token, _)) => {
                let mut buf = BytesMut::with_capacity(frame::LENGTH_PREFIX_BYTES + token.len());
                buf.put_i32(token.len() as i32);
                buf.put_slice(&token);
                Intercept::Answer(Outcome::Respond(buf.freeze()))
            }
            Err(_) => Intercept::Answer(Outcome::Close(
                "SASL authentication failed (raw tokens)".to_string(),
            )),
        }
    }

    /// Feeds `token` to the exchange. `Ok((response, done))`, or `Err(mechanism)` when
    /// authentication failed (logged here).
    fn step(&mut self, broker: &Broker, token: &[u8]) -> Result<(Vec<u8>, bool), SaslMechanism> {
        let State::AwaitToken {
            mechanism,
            exchange,
            reauth,
            ..
        } = &mut self.state
        else {
            return Err(SaslMechanism::Plain);
        };
        let (mechanism, reauth) = (*mechanism, *reauth);
        let step = {
            let credentials = broker.security.credentials();
            let oauth = broker.security.oauth();
            exchange.step(
                token,
                &super::sasl::Authority {
                    credentials: &credentials,
                    oauth: &oauth,
                },
            )
        };
        match step {
            Step::Challenge(challenge) => Ok((challenge, false)),
            Step::Done {
                user,
                response,
                expires_ms,
            } => {
                let principal = Principal::user(&user);
                if reauth && principal != self.ctx.principal {
                    tracing::warn!(peer = ?self.ctx.peer, from = %self.ctx.principal, to = %principal, "re-authentication as another principal refused");
                    return Err(mechanism);
                }
                tracing::debug!(peer = ?self.ctx.peer, %principal, mechanism = mechanism.name(), reauth, "authenticated");
                if reauth {
                    broker
                        .metrics
                        .connections
                        .reauthentications
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                self.ctx.principal = principal;
                self.mechanism = Some(mechanism);
                // The session ends with the reauthentication interval or the token, whichever
                // comes first (KIP-368).
                let token_left = expires_ms.map(|at| {
                    Duration::from_millis(u64::try_from(at - crate::broker::now_ms()).unwrap_or(0))
                });
                let lifetime = match (self.listener.reauth, token_left) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                self.lifetime = lifetime;
                self.expires = lifetime.map(|d| Instant::now() + d);
                self.state = State::Open;
                Ok((response, true))
            }
            Step::Failed(reason) => {
                tracing::info!(peer = ?self.ctx.peer, mechanism = mechanism.name(), %reason, "SASL authentication failed");
                broker.metrics.authentication_failed();
                Err(mechanism)
            }
        }
    }
}

/// Sends `outcome`'s response, then closes the connection.
fn final_answer(outcome: Outcome) -> Outcome {
    match outcome {
        Outcome::Respond(bytes) => Outcome::Final(bytes),
        other => other,
    }
}

/// Decodes a request this module answers: (correlation id, version, body).
fn decode<R: Decodable>(frame: &mut Bytes, api: ApiKey) -> Result<(i32, i16, R), String> {
    let prefix = frame::peek_header_prefix(frame).map_err(|e| e.to_string())?;
    let version = prefix.api_version;
    let header = frame::decode_request_header(frame, api, version).map_err(|e| e.to_string())?;
    let body = R::decode(frame, version).map_err(|e| {
        format!(
            "malformed {api:?} v{version} request (correlation id {}): {e}",
            header.correlation_id
        )
    })?;
    Ok((header.correlation_id, version, body))
}
