//! JSON Web Key Sets (RFC 7517) and JWS signature checks (RFC 7515/7518) for OAUTHBEARER
//! tokens: RSA keys (RS256, RS384, RS512) and EC keys on P-256 and P-384 (ES256, ES384), checked
//! with aws-lc-rs, the crypto rustls already brings. A key is chosen by the token's `kid`, or is
//! the only key of a set without ids.

use aws_lc_rs::signature::{
    RsaPublicKeyComponents, UnparsedPublicKey, ECDSA_P256_SHA256_FIXED, ECDSA_P384_SHA384_FIXED,
    RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_2048_8192_SHA384, RSA_PKCS1_2048_8192_SHA512,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

/// One public key of a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    /// An uncompressed point (0x04 ‖ x ‖ y) on P-256 or P-384.
    Ec {
        curve: Curve,
        point: Vec<u8>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    P256,
    P384,
}

/// A key with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jwk {
    pub kid: Option<String>,
    pub key: PublicKey,
}

/// A parsed key set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

#[derive(Deserialize)]
struct RawSet {
    keys: Vec<RawKey>,
}

#[derive(Deserialize)]
struct RawKey {
    kty: String,
    kid: Option<String>,
    #[serde(rename = "use")]
    usage: Option<String>,
    n: Option<String>,
    e: Option<String>,
    crv: Option<String>,
    x: Option<String>,
    y: Option<String>,
}

fn b64(field: &str, value: Option<&String>) -> Result<Vec<u8>, String> {
    let value = value.ok_or_else(|| format!("a key without '{field}'"))?;
    URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .map_err(|_| format!("'{field}' is not base64url"))
}

impl Jwks {
    /// Parses a JWK set; keys of other types (or for encryption) are skipped, and a set with
    /// no usable key is an error.
    pub fn parse(json: &[u8]) -> Result<Jwks, String> {
        let raw: RawSet =
            serde_json::from_slice(json).map_err(|e| format!("not a JWK set: {e}"))?;
        let mut keys = Vec::new();
        for k in raw.keys {
            if k.usage.as_deref().is_some_and(|u| u != "sig") {
                continue;
            }
            let key = match k.kty.as_str() {
                "RSA" => PublicKey::Rsa {
                    n: b64("n", k.n.as_ref())?,
                    e: b64("e", k.e.as_ref())?,
                },
                "EC" => {
                    let curve = match k.crv.as_deref() {
                        Some("P-256") => Curve::P256,
                        Some("P-384") => Curve::P384,
                        _ => continue,
                    };
                    let mut point = vec![0x04];
                    point.extend(b64("x", k.x.as_ref())?);
                    point.extend(b64("y", k.y.as_ref())?);
                    PublicKey::Ec { curve, point }
                }
                _ => continue,
            };
            keys.push(Jwk { kid: k.kid, key });
        }
        if keys.is_empty() {
            return Err("the JWK set holds no RSA or EC signing key".into());
        }
        Ok(Jwks { keys })
    }

    /// The key a token names with `kid` (or the only key, when neither names one).
    pub fn find(&self, kid: Option<&str>) -> Option<&Jwk> {
        match kid {
            Some(kid) => self.keys.iter().find(|k| k.kid.as_deref() == Some(kid)),
            None if self.keys.len() == 1 => self.keys.first(),
            None => None,
        }
    }
}

/// Checks a JWS signature over `signing_input` (`header.payload`) with `alg`.
pub fn verify(alg: &str, key: &PublicKey, signing_input: &[u8], signature: &[u8]) -> bool {
    match (alg, key) {
        ("RS256" | "RS384" | "RS512", PublicKey::Rsa { n, e }) => {
            let params = match alg {
                "RS256" => &RSA_PKCS1_2048_8192_SHA256,
                "RS384" => &RSA_PKCS1_2048_8192_SHA384,
                _ => &RSA_PKCS1_2048_8192_SHA512,
            };
            RsaPublicKeyComponents {
                n: n.as_slice(),
                e: e.as_slice(),
            }
            .verify(params, signing_input, signature)
            .is_ok()
        }
        (
            "ES256",
            PublicKey::Ec {
                curve: Curve::P256,
                point,
            },
        ) => UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
            .verify(signing_input, signature)
            .is_ok(),
        (
            "ES384",
            PublicKey::Ec {
                curve: Curve::P384,
                point,
            },
        ) => UnparsedPublicKey::new(&ECDSA_P384_SHA384_FIXED, point)
            .verify(signing_input, signature)
            .is_ok(),
        _ => false,
    }
}
