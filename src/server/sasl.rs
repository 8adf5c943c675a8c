//! The SASL mechanisms a SASL listener offers, as exchanges of tokens independent of how
//! Kafka frames them (SaslAuthenticate, or raw after a v0 SaslHandshake):
//!
//! - PLAIN: one token; the password is checked against the user's SCRAM credentials (either
//!   mechanism), so one user store serves both, and no password is ever stored.
//! - SCRAM-SHA-256 / SCRAM-SHA-512: client-first → server-first, client-final → server-final.
//! - OAUTHBEARER: one message with a bearer token (`security::oauthbearer`); a refused token is
//!   answered with RFC 7628's error, and the client's acknowledgement ends the exchange.
//!
//! Whatever fails, the client learns only that authentication failed; the reason is for the
//! broker's log (Kafka's `SaslAuthenticationException` with its generic message).

use crate::security::credentials::CredentialStore;
pub use crate::security::mechanism::{parse_mechanisms, SaslMechanism};
use crate::security::oauthbearer::{self, Validation};
use crate::security::plain;
use crate::security::scram::{self, ClientFirst, ServerExchange};

/// What one token leads to.
#[derive(Debug)]
pub enum Step {
    /// Send this challenge and wait for the next token.
    Challenge(Vec<u8>),
    /// Authenticated as the user `user`; send `response` (possibly empty). A bearer token
    /// bounds the session by its expiry (ms since the epoch).
    Done {
        user: String,
        response: Vec<u8>,
        expires_ms: Option<i64>,
    },
    /// Authentication failed; the reason is for the log only.
    Failed(String),
}

/// One authentication in progress.
#[derive(Debug)]
pub enum Exchange {
    Plain,
    ScramFirst(scram::Mechanism),
    ScramFinal {
        exchange: Box<ServerExchange>,
        user: String,
    },
    OAuthBearer,
    /// A token was refused and the refusal sent; the client's acknowledgement ends the
    /// exchange in failure (RFC 7628 §3.2.3).
    OAuthRefused(String),
    /// Done or failed: any further token fails.
    Over,
}

/// What the mechanisms check logins against.
pub struct Authority<'a> {
    pub credentials: &'a CredentialStore,
    pub oauth: &'a Validation,
}

impl Exchange {
    pub fn new(mechanism: SaslMechanism) -> Exchange {
        match mechanism {
            SaslMechanism::Plain => Exchange::Plain,
            SaslMechanism::Scram(m) => Exchange::ScramFirst(m),
            SaslMechanism::OAuthBearer => Exchange::OAuthBearer,
        }
    }

    /// Takes the client's next token.
    pub fn step(&mut self, token: &[u8], authority: &Authority<'_>) -> Step {
        let credentials = authority.credentials;
        match std::mem::replace(self, Exchange::Over) {
            Exchange::OAuthBearer => {
                let checked = oauthbearer::token_of(token).and_then(|t| {
                    oauthbearer::validate(t, authority.oauth, crate::broker::now_ms())
                });
                match checked {
                    Ok(accepted) => Step::Done {
                        user: accepted.principal,
                        response: Vec::new(),
                        expires_ms: Some(accepted.expires_ms),
                    },
                    Err(reason) => {
                        *self = Exchange::OAuthRefused(reason);
                        Step::Challenge(oauthbearer::REFUSAL.to_vec())
                    }
                }
            }
            Exchange::OAuthRefused(reason) => Step::Failed(reason),
            Exchange::Plain => match plain::parse(token) {
                Ok(login) => {
                    let valid = credentials
                        .all_of(login.user)
                        .any(|c| c.verifies_password(login.password));
                    if valid {
                        Step::Done {
                            user: login.user.to_string(),
                            response: Vec::new(),
                            expires_ms: None,
                        }
                    } else if credentials.has_user(login.user) {
                        Step::Failed(format!("wrong password for {}", login.user))
                    } else {
                        Step::Failed(format!("unknown user {}", login.user))
                    }
                }
                Err(e) => Step::Failed(e.to_string()),
            },
            Exchange::ScramFirst(mechanism) => {
                let Ok(text) = std::str::from_utf8(token) else {
                    return Step::Failed("a SCRAM message that is not UTF-8".into());
                };
                let first = match ClientFirst::parse(text) {
                    Ok(first) => first,
                    Err(e) => return Step::Failed(e.to_string()),
                };
                if first.authzid.as_ref().is_some_and(|id| *id != first.user) {
                    return Step::Failed(format!(
                        "{} asked for another authorization id",
                        first.user
                    ));
                }
                let Some(credential) = credentials.get(&first.user, mechanism).cloned() else {
                    return Step::Failed(format!(
                        "unknown user {} (no {} credential)",
                        first.user,
                        mechanism.name()
                    ));
                };
                let user = first.user.clone();
                match ServerExchange::start(first, credential) {
                    Ok(exchange) => {
                        let challenge = exchange.server_first().as_bytes().to_vec();
                        *self = Exchange::ScramFinal {
                            exchange: Box::new(exchange),
                            user,
                        };
                        Step::Challenge(challenge)
                    }
                    Err(e) => Step::Failed(e.to_string()),
                }
            }
            Exchange::ScramFinal { exchange, user } => {
                let Ok(text) = std::str::from_utf8(token) else {
                    return Step::Failed("a SCRAM message that is not UTF-8".into());
                };
                match exchange.finish(text) {
                    Ok(server_final) => Step::Done {
                        user,
                        response: server_final.into_bytes(),
                        expires_ms: None,
                    },
                    Err(e) => Step::Failed(format!("{user}: {e}")),
                }
            }
            Exchange::Over => Step::Failed("a token after the exchange ended".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::credentials::Change;
    use crate::security::scram::{Credential, Mechanism};

    fn authority(store: &CredentialStore) -> Authority<'_> {
        static OAUTH: std::sync::OnceLock<Validation> = std::sync::OnceLock::new();
        Authority {
            credentials: store,
            oauth: OAUTH.get_or_init(Validation::default),
        }
    }

    fn store() -> CredentialStore {
        let mut store = CredentialStore::open(None).unwrap();
        store
            .apply(vec![Change::Upsert {
                user: "alice".into(),
                credential: Credential::new(Mechanism::Sha512, "secret", 4096).unwrap(),
            }])
            .unwrap();
        store
    }

    #[test]
    fn plain_checks_against_scram_credentials() {
        let store = store();
        let mut ok = Exchange::new(SaslMechanism::Plain);
        assert!(
            matches!(ok.step(b"\0alice\0secret", &authority(&store)), Step::Done { user, .. } if user == "alice")
        );
        assert!(matches!(
            ok.step(b"\0alice\0secret", &authority(&store)),
            Step::Failed(_)
        ));
        let mut bad = Exchange::new(SaslMechanism::Plain);
        assert!(
            matches!(bad.step(b"\0alice\0nope", &authority(&store)), Step::Failed(r) if r.contains("wrong password"))
        );
        let mut unknown = Exchange::new(SaslMechanism::Plain);
        assert!(
            matches!(unknown.step(b"\0bob\0secret", &authority(&store)), Step::Failed(r) if r.contains("unknown user"))
        );
    }

    #[test]
    fn scram_needs_a_credential_of_its_own_mechanism() {
        let store = store();
        let mut other = Exchange::new(SaslMechanism::Scram(Mechanism::Sha256));
        assert!(matches!(
            other.step(b"n,,n=alice,r=abc", &authority(&store)),
            Step::Failed(_)
        ));
        let mut first = Exchange::new(SaslMechanism::Scram(Mechanism::Sha512));
        assert!(
            matches!(first.step(b"n,,n=alice,r=abc", &authority(&store)), Step::Challenge(c) if c.starts_with(b"r=abc"))
        );
        let mut authz = Exchange::new(SaslMechanism::Scram(Mechanism::Sha512));
        assert!(matches!(
            authz.step(b"n,a=bob,n=alice,r=abc", &authority(&store)),
            Step::Failed(_)
        ));
    }
}
