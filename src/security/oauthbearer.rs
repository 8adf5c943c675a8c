//! SASL/OAUTHBEARER (RFC 7628) as Kafka's broker checks it: the client's one message
//! `n,[a=authzid],^Aauth=Bearer <token>^A[key=value^A...]^A`, and the token, a JWT:
//!
//! - **unsecured** (Kafka's development default, `OAuthBearerUnsecuredValidatorCallbackHandler`):
//!   `alg` is `none` and there is no signature; used when no JWKS is configured;
//! - **signed** (Kafka's `OAuthBearerValidatorCallbackHandler`): RS256/384/512 or ES256/384,
//!   checked against a JWK set, with the expected issuer and audience when configured.
//!
//! Either way the token must name its principal (`sub` by default), must not have expired
//! (`exp`, with 30 s of clock skew, as Kafka allows), nor be issued in the future (`iat`). The
//! principal is `User:<sub>`; the session lasts at most until `exp`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

use super::jwks::{self, Jwks};

/// Clock skew allowed on `exp`, `nbf` and `iat` (Kafka's default: 30 s).
pub const CLOCK_SKEW_MS: i64 = 30_000;

/// How tokens are checked.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// Signed tokens against these keys; `None` accepts unsecured tokens (development).
    pub keys: Option<Jwks>,
    /// `iss` must be this, when set.
    pub issuer: Option<String>,
    /// `aud` must hold this, when set.
    pub audience: Option<String>,
    /// The claim naming the principal.
    pub subject_claim: String,
}

/// A token that passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub principal: String,
    /// When it expires (ms since the epoch).
    pub expires_ms: i64,
}

/// The token in a client's initial response; the error is for the log.
pub fn token_of(message: &[u8]) -> Result<&str, String> {
    let text = std::str::from_utf8(message).map_err(|_| "not UTF-8".to_string())?;
    let (gs2, rest) = text
        .split_once('\u{1}')
        .ok_or_else(|| "no key/value pairs".to_string())?;
    if !(gs2.starts_with("n,") || gs2.starts_with("y,")) {
        return Err(format!("an unexpected GS2 header {gs2:?}"));
    }
    rest.split('\u{1}')
        .find_map(|kv| kv.strip_prefix("auth="))
        .and_then(|auth| {
            auth.strip_prefix("Bearer ")
                .or_else(|| auth.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| "no auth=Bearer <token>".to_string())
}

fn part(text: &str, what: &str) -> Result<Vec<u8>, String> {
    URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|_| format!("the token's {what} is not base64url"))
}

/// Checks `token` at `now_ms`.
pub fn validate(token: &str, v: &Validation, now_ms: i64) -> Result<Accepted, String> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("the token is not a JWT (header.payload.signature)".into());
    };
    let header_json: Value = serde_json::from_slice(&part(header, "header")?)
        .map_err(|_| "the token's header is not JSON".to_string())?;
    let claims: Value = serde_json::from_slice(&part(payload, "payload")?)
        .map_err(|_| "the token's payload is not JSON".to_string())?;
    let alg = header_json
        .get("alg")
        .unwrap_or(&Value::Null)
        .as_str()
        .unwrap_or_default();
    match &v.keys {
        None => {
            if alg != "none" || !signature.is_empty() {
                return Err(format!(
                    "an unsecured token must have alg 'none' and no signature (alg {alg:?})"
                ));
            }
        }
        Some(keys) => {
            let key = keys
                .find(header_json.get("kid").unwrap_or(&Value::Null).as_str())
                .ok_or_else(|| "no key of the JWK set matches the token's kid".to_string())?;
            let signature = part(signature, "signature")?;
            let signing_input = format!("{header}.{payload}");
            if !jwks::verify(alg, &key.key, signing_input.as_bytes(), &signature) {
                return Err(format!("the token's {alg} signature does not verify"));
            }
        }
    }
    let seconds = |name: &str| {
        claims
            .get(name)
            .and_then(Value::as_f64)
            .map(|s| (s * 1000.0) as i64)
    };
    let expires_ms = seconds("exp").ok_or("the token has no exp claim")?;
    if expires_ms + CLOCK_SKEW_MS <= now_ms {
        return Err("the token has expired".into());
    }
    if seconds("iat").is_some_and(|iat| iat - CLOCK_SKEW_MS > now_ms) {
        return Err("the token was issued in the future".into());
    }
    if seconds("nbf").is_some_and(|nbf| nbf - CLOCK_SKEW_MS > now_ms) {
        return Err("the token is not valid yet (nbf)".into());
    }
    if let Some(issuer) = &v.issuer {
        if claims.get("iss").unwrap_or(&Value::Null).as_str() != Some(issuer.as_str()) {
            return Err(format!("the token's issuer is not {issuer}"));
        }
    }
    if let Some(audience) = &v.audience {
        let holds = match claims.get("aud").unwrap_or(&Value::Null) {
            Value::String(a) => a == audience,
            Value::Array(all) => all.iter().any(|a| a.as_str() == Some(audience.as_str())),
            _ => false,
        };
        if !holds {
            return Err(format!("the token's audience does not include {audience}"));
        }
    }
    let principal = claims
        .get(v.subject_claim.as_str())
        .unwrap_or(&Value::Null)
        .as_str()
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("the token has no '{}' claim", v.subject_claim))?
        .to_string();
    Ok(Accepted {
        principal,
        expires_ms,
    })
}

/// What the server sends back when a token is refused (RFC 7628 §3.2.2); the client answers
/// with a single ^A and the exchange then fails.
pub const REFUSAL: &[u8] = br#"{"status":"invalid_token"}"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn unsecured(claims: &str) -> String {
        format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(claims.as_bytes())
        )
    }

    fn dev() -> Validation {
        Validation {
            subject_claim: "sub".into(),
            ..Validation::default()
        }
    }

    #[test]
    fn the_client_message_carries_the_token() {
        let token = unsecured(r#"{"sub":"alice","exp":2000000000}"#);
        let message = format!("n,,\u{1}auth=Bearer {token}\u{1}traceId=7\u{1}\u{1}");
        assert_eq!(token_of(message.as_bytes()).unwrap(), token);
        assert!(token_of(b"n,,\x01host=x\x01\x01").is_err());
        assert!(token_of(b"p=tls-unique,,\x01auth=Bearer x\x01\x01").is_err());
    }

    #[test]
    fn unsecured_tokens_as_kafka_checks_them() {
        let now = 1_900_000_000_000;
        let ok = validate(
            &unsecured(r#"{"sub":"alice","exp":2000000000,"iat":1800000000}"#),
            &dev(),
            now,
        )
        .unwrap();
        assert_eq!(ok.principal, "alice");
        assert_eq!(ok.expires_ms, 2_000_000_000_000);
        for (claims, why) in [
            (r#"{"sub":"alice","exp":1800000000}"#, "expired"),
            (r#"{"sub":"alice"}"#, "exp"),
            (r#"{"exp":2000000000}"#, "'sub'"),
            (r#"{"sub":"a","exp":2000000000,"iat":1950000000}"#, "future"),
        ] {
            let e = validate(&unsecured(claims), &dev(), now).unwrap_err();
            assert!(e.contains(why), "{claims}: {e}");
        }
        let signed_looking = format!("{}sig", unsecured(r#"{"sub":"a","exp":2000000000}"#));
        assert!(validate(&signed_looking, &dev(), now).is_err());
        assert!(validate("a.b", &dev(), now).is_err());
    }

    #[test]
    fn signed_tokens_need_a_matching_key_issuer_and_audience() {
        use aws_lc_rs::rand::SystemRandom;
        use aws_lc_rs::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
        let pair =
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref()).unwrap();
        let point = pair.public_key().as_ref();
        let jwks = format!(
            r#"{{"keys":[{{"kty":"EC","crv":"P-256","kid":"k1","use":"sig","x":"{}","y":"{}"}}]}}"#,
            URL_SAFE_NO_PAD.encode(&point[1..33]),
            URL_SAFE_NO_PAD.encode(&point[33..65])
        );
        let sign = |claims: &str, kid: &str| {
            let input = format!(
                "{}.{}",
                URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"ES256","kid":"{kid}"}}"#)),
                URL_SAFE_NO_PAD.encode(claims)
            );
            let sig = pair.sign(&rng, input.as_bytes()).unwrap();
            format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.as_ref()))
        };
        let v = Validation {
            keys: Some(Jwks::parse(jwks.as_bytes()).unwrap()),
            issuer: Some("https://idp".into()),
            audience: Some("kafka".into()),
            subject_claim: "sub".into(),
        };
        let now = 1_900_000_000_000;
        let good = r#"{"sub":"svc","exp":2000000000,"iss":"https://idp","aud":["x","kafka"]}"#;
        assert_eq!(
            validate(&sign(good, "k1"), &v, now).unwrap().principal,
            "svc"
        );
        assert!(validate(&sign(good, "k2"), &v, now)
            .unwrap_err()
            .contains("kid"));
        let other_iss = r#"{"sub":"svc","exp":2000000000,"iss":"https://evil","aud":"kafka"}"#;
        assert!(validate(&sign(other_iss, "k1"), &v, now)
            .unwrap_err()
            .contains("issuer"));
        let other_aud = r#"{"sub":"svc","exp":2000000000,"iss":"https://idp","aud":"web"}"#;
        assert!(validate(&sign(other_aud, "k1"), &v, now)
            .unwrap_err()
            .contains("audience"));
        let tampered = sign(good, "k1").replacen('.', ".e30", 1);
        assert!(validate(&tampered, &v, now).is_err());
        // An unsecured token is refused once keys are configured.
        let e = validate(&unsecured(good), &v, now).unwrap_err();
        assert!(e.contains("signature") || e.contains("kid"), "{e}");
    }
}
