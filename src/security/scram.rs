//! SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677) as a Kafka broker speaks them: the
//! stored credential (salt, iteration count, StoredKey, ServerKey: never the password) and the
//! server's side of the exchange.
//!
//! ```text
//! client-first  n,,n=USER,r=CNONCE              (gs2 header "n,," or "y,,"; a=AUTHZID allowed)
//! server-first  r=CNONCE SNONCE,s=SALT,i=ITERATIONS
//! client-final  c=base64(gs2 header),r=CNONCE SNONCE,p=base64(ClientProof)
//! server-final  v=base64(ServerSignature)
//! ```
//!
//! The proof is checked in constant time: ClientKey = ClientProof XOR HMAC(StoredKey,
//! AuthMessage) must hash to StoredKey. Kafka's rules on top: 4096 to 16384 iterations, user
//! names with `=2C` and `=3D` escapes, unknown extensions in the client-first message ignored,
//! and any failure reported without saying which part was wrong.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256, Sha512};

/// The fewest and most PBKDF2 iterations Kafka accepts for a SCRAM credential.
pub const MIN_ITERATIONS: u32 = 4096;
pub const MAX_ITERATIONS: u32 = 16384;

/// Bytes of random server nonce (before base64) and of salt.
const NONCE_BYTES: usize = 24;
const SALT_BYTES: usize = 32;

/// The two SCRAM mechanisms Kafka offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mechanism {
    Sha256,
    Sha512,
}

impl Mechanism {
    /// The SASL mechanism name.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Sha256 => "SCRAM-SHA-256",
            Mechanism::Sha512 => "SCRAM-SHA-512",
        }
    }

    /// The mechanism named `name` (SASL names are case-sensitive upper case).
    pub fn from_name(name: &str) -> Option<Mechanism> {
        match name {
            "SCRAM-SHA-256" => Some(Mechanism::Sha256),
            "SCRAM-SHA-512" => Some(Mechanism::Sha512),
            _ => None,
        }
    }

    /// Kafka's wire code in DescribeUserScramCredentials / AlterUserScramCredentials.
    pub fn code(self) -> i8 {
        match self {
            Mechanism::Sha256 => 1,
            Mechanism::Sha512 => 2,
        }
    }

    pub fn from_code(code: i8) -> Option<Mechanism> {
        match code {
            1 => Some(Mechanism::Sha256),
            2 => Some(Mechanism::Sha512),
            _ => None,
        }
    }

    pub(crate) fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        match self {
            Mechanism::Sha256 => hmac_of::<Hmac<Sha256>>(key, data),
            Mechanism::Sha512 => hmac_of::<Hmac<Sha512>>(key, data),
        }
    }

    pub(crate) fn hash(self, data: &[u8]) -> Vec<u8> {
        match self {
            Mechanism::Sha256 => Sha256::digest(data).to_vec(),
            Mechanism::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    /// Hi() of RFC 5802: PBKDF2 with this mechanism's HMAC.
    pub fn salted_password(self, password: &[u8], salt: &[u8], iterations: u32) -> Vec<u8> {
        match self {
            Mechanism::Sha256 => {
                let mut out = [0u8; 32];
                pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, iterations, &mut out);
                out.to_vec()
            }
            Mechanism::Sha512 => {
                let mut out = [0u8; 64];
                pbkdf2::pbkdf2_hmac::<Sha512>(password, salt, iterations, &mut out);
                out.to_vec()
            }
        }
    }
}

fn hmac_of<M: Mac + hmac::digest::KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length, so this cannot fail.
    match <M as hmac::digest::KeyInit>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// A user's stored SCRAM credential for one mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub mechanism: Mechanism,
    pub salt: Vec<u8>,
    pub iterations: u32,
    pub stored_key: Vec<u8>,
    pub server_key: Vec<u8>,
}

/// Why a credential cannot be made or an exchange failed. The exchange's errors are for the
/// broker's log; a client is only ever told that authentication failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScramError {
    #[error("iterations must be between {MIN_ITERATIONS} and {MAX_ITERATIONS}, got {0}")]
    Iterations(u32),
    #[error("no randomness available: {0}")]
    Random(String),
    #[error("malformed SCRAM message: {0}")]
    Malformed(&'static str),
    #[error("unknown user")]
    UnknownUser,
    #[error("the client proof does not match")]
    BadProof,
}

impl Credential {
    /// The credential of `password` with a fresh random salt.
    pub fn new(
        mechanism: Mechanism,
        password: &str,
        iterations: u32,
    ) -> Result<Credential, ScramError> {
        let mut salt = vec![0u8; SALT_BYTES];
        getrandom::fill(&mut salt).map_err(|e| ScramError::Random(e.to_string()))?;
        Credential::with_salt(mechanism, password, salt, iterations)
    }

    /// The credential of `password` with the given salt (AlterUserScramCredentials sends the
    /// salted password and its salt; tests use known salts).
    pub fn with_salt(
        mechanism: Mechanism,
        password: &str,
        salt: Vec<u8>,
        iterations: u32,
    ) -> Result<Credential, ScramError> {
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(ScramError::Iterations(iterations));
        }
        let salted = mechanism.salted_password(password.as_bytes(), &salt, iterations);
        Ok(Credential::from_salted_password(
            mechanism, &salted, salt, iterations,
        ))
    }

    /// The credential of an already salted password (what AlterUserScramCredentials carries).
    pub fn from_salted_password(
        mechanism: Mechanism,
        salted_password: &[u8],
        salt: Vec<u8>,
        iterations: u32,
    ) -> Credential {
        let client_key = mechanism.hmac(salted_password, b"Client Key");
        Credential {
            mechanism,
            salt,
            iterations,
            stored_key: mechanism.hash(&client_key),
            server_key: mechanism.hmac(salted_password, b"Server Key"),
        }
    }
}

impl Credential {
    /// Whether `password` is the one this credential was made from: SASL/PLAIN logins are
    /// checked against the users' SCRAM credentials, so one user store serves both.
    pub fn verifies_password(&self, password: &str) -> bool {
        let m = self.mechanism;
        let salted = m.salted_password(password.as_bytes(), &self.salt, self.iterations);
        let client_key = m.hmac(&salted, b"Client Key");
        constant_time_eq(&m.hash(&client_key), &self.stored_key)
    }
}

/// The parsed client-first message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientFirst {
    /// The gs2 header as sent ("n,," or "y,," with an optional `a=` authzid).
    pub gs2_header: String,
    /// The user name, unescaped.
    pub user: String,
    pub client_nonce: String,
    /// The authorization id (`a=`), if the client asked for one.
    pub authzid: Option<String>,
    /// `client-first-message-bare`, part of the AuthMessage.
    bare: String,
}

/// Decodes a SCRAM name: `=2C` is `,` and `=3D` is `=`; any other `=` is an error.
fn unescape_name(raw: &str) -> Result<String, ScramError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('=') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let code = rest.get(at + 1..at + 3);
        match code {
            Some("2C") => out.push(','),
            Some("3D") => out.push('='),
            _ => return Err(ScramError::Malformed("a user name with a bad '=' escape")),
        }
        rest = rest.get(at + 3..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

impl ClientFirst {
    pub fn parse(message: &str) -> Result<ClientFirst, ScramError> {
        let (cbind, rest) = message
            .split_once(',')
            .ok_or(ScramError::Malformed("no gs2 header"))?;
        if cbind != "n" && cbind != "y" {
            // "p=" asks for channel binding, which Kafka does not offer.
            return Err(ScramError::Malformed("channel binding is not supported"));
        }
        let (authzid, bare) = rest
            .split_once(',')
            .ok_or(ScramError::Malformed("no gs2 header"))?;
        if !authzid.is_empty() && !authzid.starts_with("a=") {
            return Err(ScramError::Malformed("a bad authorization id"));
        }
        let mut fields = bare.split(',');
        let user = fields
            .next()
            .and_then(|f| f.strip_prefix("n="))
            .ok_or(ScramError::Malformed("no user name"))?;
        let nonce = fields
            .next()
            .and_then(|f| f.strip_prefix("r="))
            .filter(|n| !n.is_empty())
            .ok_or(ScramError::Malformed("no client nonce"))?;
        // Extensions (Kafka's `tokenauth=true`, ...) follow; they are ignored here.
        Ok(ClientFirst {
            gs2_header: format!("{cbind},{authzid},"),
            user: unescape_name(user)?,
            client_nonce: nonce.to_string(),
            authzid: match authzid.strip_prefix("a=") {
                Some(id) => Some(unescape_name(id)?),
                None => None,
            },
            bare: bare.to_string(),
        })
    }
}

/// The server's side of one exchange, between its first and final messages.
#[derive(Debug, Clone)]
pub struct ServerExchange {
    credential: Credential,
    client_first: ClientFirst,
    nonce: String,
    server_first: String,
}

impl ServerExchange {
    /// Answers `client_first` for a user with `credential`, with a fresh server nonce.
    pub fn start(
        client_first: ClientFirst,
        credential: Credential,
    ) -> Result<ServerExchange, ScramError> {
        let mut random = [0u8; NONCE_BYTES];
        getrandom::fill(&mut random).map_err(|e| ScramError::Random(e.to_string()))?;
        Ok(ServerExchange::with_server_nonce(
            client_first,
            credential,
            &STANDARD.encode(random),
        ))
    }

    fn with_server_nonce(
        client_first: ClientFirst,
        credential: Credential,
        server_nonce: &str,
    ) -> ServerExchange {
        let nonce = format!("{}{server_nonce}", client_first.client_nonce);
        let server_first = format!(
            "r={nonce},s={},i={}",
            STANDARD.encode(&credential.salt),
            credential.iterations
        );
        ServerExchange {
            credential,
            client_first,
            nonce,
            server_first,
        }
    }

    /// The server-first message to send.
    pub fn server_first(&self) -> &str {
        &self.server_first
    }

    /// Checks the client-final message and returns the server-final message (`v=...`).
    pub fn finish(&self, client_final: &str) -> Result<String, ScramError> {
        let (without_proof, proof) = client_final
            .rsplit_once(",p=")
            .ok_or(ScramError::Malformed("no client proof"))?;
        let mut fields = without_proof.split(',');
        let binding = fields
            .next()
            .and_then(|f| f.strip_prefix("c="))
            .ok_or(ScramError::Malformed("no channel binding"))?;
        let nonce = fields
            .next()
            .and_then(|f| f.strip_prefix("r="))
            .ok_or(ScramError::Malformed("no nonce"))?;
        if STANDARD.decode(binding).ok().as_deref() != Some(self.client_first.gs2_header.as_bytes())
        {
            return Err(ScramError::BadProof);
        }
        // The nonce must come back exactly (compared in constant time like the proof) — or
        // with the client's nonce once more in front, as librdkafka before 2.6.1 sends it
        // (Kafka 3.8.1 to 3.9 accepted that form too). The proof covers what was sent, so the
        // doubled form proves as much as the exact one.
        let doubled = nonce
            .strip_prefix(self.client_first.client_nonce.as_str())
            .filter(|rest| rest.len() == self.nonce.len());
        let exact = constant_time_eq(nonce.as_bytes(), self.nonce.as_bytes());
        let legacy =
            doubled.is_some_and(|rest| constant_time_eq(rest.as_bytes(), self.nonce.as_bytes()));
        if !(exact || legacy) {
            return Err(ScramError::BadProof);
        }
        let proof = STANDARD
            .decode(proof)
            .map_err(|_| ScramError::Malformed("a client proof that is not base64"))?;
        let auth_message = format!(
            "{},{},{without_proof}",
            self.client_first.bare, self.server_first
        );
        let m = self.credential.mechanism;
        let signature = m.hmac(&self.credential.stored_key, auth_message.as_bytes());
        if proof.len() != signature.len() {
            return Err(ScramError::BadProof);
        }
        let client_key: Vec<u8> = proof.iter().zip(&signature).map(|(p, s)| p ^ s).collect();
        if !constant_time_eq(&m.hash(&client_key), &self.credential.stored_key) {
            return Err(ScramError::BadProof);
        }
        let server_signature = m.hmac(&self.credential.server_key, auth_message.as_bytes());
        Ok(format!("v={}", STANDARD.encode(server_signature)))
    }
}

/// Compares without returning early on the first difference.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7677 §3: user "user", password "pencil".
    #[test]
    fn the_rfc_7677_exchange_verifies() {
        let salt = STANDARD.decode("W22ZaJ0SNY7soEsUEjb6gQ==").unwrap();
        let credential = Credential::with_salt(Mechanism::Sha256, "pencil", salt, 4096).unwrap();
        let first = ClientFirst::parse("n,,n=user,r=rOprNGfwEbeRWgbNEkqO").unwrap();
        assert_eq!(first.user, "user");
        let exchange =
            ServerExchange::with_server_nonce(first, credential, "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        assert_eq!(
            exchange.server_first(),
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        );
        let server_final = exchange
            .finish(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
                 p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            )
            .unwrap();
        assert_eq!(
            server_final,
            "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
        );
    }

    /// A client computing its proof as RFC 5802 says, for any mechanism and password.
    fn client_final(m: Mechanism, password: &str, first_bare: &str, server_first: &str) -> String {
        client_final_with_nonce(m, password, first_bare, server_first, "")
    }

    /// As [`client_final`], with `extra` in front of the nonce sent back.
    fn client_final_with_nonce(
        m: Mechanism,
        password: &str,
        first_bare: &str,
        server_first: &str,
        extra: &str,
    ) -> String {
        let fields: Vec<&str> = server_first.split(',').collect();
        let nonce = format!("{extra}{}", fields[0].strip_prefix("r=").unwrap());
        let salt = STANDARD
            .decode(fields[1].strip_prefix("s=").unwrap())
            .unwrap();
        let iterations: u32 = fields[2].strip_prefix("i=").unwrap().parse().unwrap();
        let salted = m.salted_password(password.as_bytes(), &salt, iterations);
        let client_key = m.hmac(&salted, b"Client Key");
        let stored_key = m.hash(&client_key);
        let without_proof = format!("c=biws,r={nonce}");
        let auth = format!("{first_bare},{server_first},{without_proof}");
        let signature = m.hmac(&stored_key, auth.as_bytes());
        let proof: Vec<u8> = client_key
            .iter()
            .zip(&signature)
            .map(|(k, s)| k ^ s)
            .collect();
        format!("{without_proof},p={}", STANDARD.encode(proof))
    }

    #[test]
    fn right_and_wrong_passwords_for_both_mechanisms() {
        for m in [Mechanism::Sha256, Mechanism::Sha512] {
            let credential = Credential::new(m, "s3cret", 4096).unwrap();
            assert_ne!(credential.stored_key, credential.server_key);
            let bare = "n=al=3Dice=2Cx,r=abc,tokenauth=true";
            let first = ClientFirst::parse(&format!("n,,{bare}")).unwrap();
            assert_eq!(first.user, "al=ice,x");
            let exchange = ServerExchange::start(first, credential).unwrap();
            let good = client_final(m, "s3cret", bare, exchange.server_first());
            assert!(exchange.finish(&good).unwrap().starts_with("v="), "{m:?}");
            let bad = client_final(m, "guess", bare, exchange.server_first());
            assert_eq!(exchange.finish(&bad), Err(ScramError::BadProof));
            // A nonce that is not the server's, even with a proof made for it, fails.
            let tampered = good.replacen("r=abc", "r=abd", 1);
            assert_eq!(exchange.finish(&tampered), Err(ScramError::BadProof));
        }
    }

    #[test]
    fn malformed_messages_and_iterations_are_refused() {
        assert!(ClientFirst::parse("n,,r=abc").is_err());
        assert!(ClientFirst::parse("p=tls-unique,,n=u,r=abc").is_err());
        assert!(ClientFirst::parse("n,,n=bad=escape,r=abc").is_err());
        assert!(ClientFirst::parse("n,,n=u,r=").is_err());
        assert_eq!(
            Credential::new(Mechanism::Sha256, "p", 4095),
            Err(ScramError::Iterations(4095))
        );
        assert!(Credential::new(Mechanism::Sha512, "p", 16385).is_err());
        assert_eq!(
            Mechanism::from_name("SCRAM-SHA-512"),
            Some(Mechanism::Sha512)
        );
        assert_eq!(
            Mechanism::from_code(Mechanism::Sha256.code()),
            Some(Mechanism::Sha256)
        );
    }

    #[test]
    fn the_nonce_librdkafka_doubled_before_2_6_1_is_accepted_and_nothing_else() {
        let m = Mechanism::Sha512;
        let credential = Credential::new(m, "pw", 4096).unwrap();
        assert!(credential.verifies_password("pw"));
        assert!(!credential.verifies_password("pW"));
        let bare = "n=u,r=client-nonce";
        let start = || {
            let first = ClientFirst::parse(&format!("n,,{bare}")).unwrap();
            ServerExchange::start(first, credential.clone()).unwrap()
        };
        let exchange = start();
        let doubled =
            client_final_with_nonce(m, "pw", bare, exchange.server_first(), "client-nonce");
        assert!(exchange.finish(&doubled).is_ok());
        let exchange = start();
        let other = client_final_with_nonce(m, "pw", bare, exchange.server_first(), "other-nonce");
        assert_eq!(exchange.finish(&other), Err(ScramError::BadProof));
        let exchange = start();
        let server_first = exchange.server_first().to_string();
        let truncated = server_first.replacen("r=client-nonce", "r=client-", 1);
        let short = client_final_with_nonce(m, "pw", bare, &truncated, "");
        assert_eq!(exchange.finish(&short), Err(ScramError::BadProof));
    }
}
