//! The client's side of SCRAM-SHA-256/512 (RFC 5802), as the toolbox speaks it to any Kafka
//! broker: a fresh nonce, the proof computed from the password, and the server's signature
//! checked, so a broker that does not know the password cannot pass for one that does.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::scram::{constant_time_eq, Mechanism};

/// The most PBKDF2 iterations a server may ask for: a bound on the work a hostile server can
/// make the client do (Kafka allows at most 16384).
const MAX_SERVER_ITERATIONS: u32 = 100_000;

/// One client exchange.
pub struct ScramClient {
    mechanism: Mechanism,
    password: String,
    nonce: String,
    first_bare: String,
    /// The ServerSignature the server-final message must carry.
    expected_signature: Option<Vec<u8>>,
}

/// Escapes a SCRAM name: `=` is `=3D` and `,` is `=2C`.
fn escape(name: &str) -> String {
    name.replace('=', "=3D").replace(',', "=2C")
}

impl ScramClient {
    /// Starts an exchange for `user` with a random nonce.
    pub fn new(mechanism: Mechanism, user: &str, password: &str) -> Result<ScramClient, String> {
        let mut random = [0u8; 24];
        getrandom::fill(&mut random).map_err(|e| format!("no randomness available: {e}"))?;
        Ok(ScramClient::with_nonce(
            mechanism,
            user,
            password,
            &STANDARD.encode(random),
        ))
    }

    fn with_nonce(mechanism: Mechanism, user: &str, password: &str, nonce: &str) -> ScramClient {
        ScramClient {
            mechanism,
            password: password.to_string(),
            nonce: nonce.to_string(),
            first_bare: format!("n={},r={nonce}", escape(user)),
            expected_signature: None,
        }
    }

    /// The client-first message.
    pub fn client_first(&self) -> String {
        format!("n,,{}", self.first_bare)
    }

    /// Answers the server-first message with the client-final message.
    pub fn client_final(&mut self, server_first: &str) -> Result<String, String> {
        let mut nonce = None;
        let mut salt = None;
        let mut iterations = None;
        for field in server_first.split(',') {
            if let Some(v) = field.strip_prefix("r=") {
                nonce = Some(v);
            } else if let Some(v) = field.strip_prefix("s=") {
                salt = Some(
                    STANDARD
                        .decode(v)
                        .map_err(|_| "the server sent a salt that is not base64".to_string())?,
                );
            } else if let Some(v) = field.strip_prefix("i=") {
                iterations = v.parse::<u32>().ok();
            } else if let Some(v) = field.strip_prefix("e=") {
                return Err(format!("the server refused: {v}"));
            }
        }
        let (Some(nonce), Some(salt), Some(iterations)) = (nonce, salt, iterations) else {
            return Err(format!(
                "an unexpected SCRAM server-first message: {server_first:?}"
            ));
        };
        if !nonce.starts_with(&self.nonce) || nonce.len() == self.nonce.len() {
            return Err("the server's nonce does not extend ours".into());
        }
        if iterations == 0 || iterations > MAX_SERVER_ITERATIONS {
            return Err(format!("the server asks for {iterations} iterations"));
        }
        let m = self.mechanism;
        let salted = m.salted_password(self.password.as_bytes(), &salt, iterations);
        let client_key = m.hmac(&salted, b"Client Key");
        let stored_key = m.hash(&client_key);
        let without_proof = format!("c=biws,r={nonce}");
        let auth_message = format!("{},{server_first},{without_proof}", self.first_bare);
        let signature = m.hmac(&stored_key, auth_message.as_bytes());
        let proof: Vec<u8> = client_key
            .iter()
            .zip(&signature)
            .map(|(k, s)| k ^ s)
            .collect();
        let server_key = m.hmac(&salted, b"Server Key");
        self.expected_signature = Some(m.hmac(&server_key, auth_message.as_bytes()));
        Ok(format!("{without_proof},p={}", STANDARD.encode(proof)))
    }

    /// Checks the server-final message.
    pub fn verify_server_final(&self, server_final: &str) -> Result<(), String> {
        if let Some(error) = server_final.strip_prefix("e=") {
            return Err(format!("the server refused: {error}"));
        }
        let signature = server_final
            .strip_prefix("v=")
            .and_then(|v| STANDARD.decode(v).ok())
            .ok_or_else(|| format!("an unexpected SCRAM server-final message: {server_final:?}"))?;
        match &self.expected_signature {
            Some(expected) if constant_time_eq(expected, &signature) => Ok(()),
            _ => Err("the server's signature does not match: it does not know the password".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::scram::{ClientFirst, Credential, ServerExchange};

    /// RFC 7677 §3, the client's side.
    #[test]
    fn the_rfc_7677_exchange_from_the_client() {
        let mut client =
            ScramClient::with_nonce(Mechanism::Sha256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assert_eq!(client.client_first(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        let final_message = client
            .client_final(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            )
            .unwrap();
        assert_eq!(
            final_message,
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
        client
            .verify_server_final("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
            .unwrap();
        assert!(client.verify_server_final("v=AAAA").is_err());
    }

    #[test]
    fn our_client_and_server_agree_and_names_are_escaped() {
        for m in [Mechanism::Sha256, Mechanism::Sha512] {
            let credential = Credential::new(m, "pw", 4096).unwrap();
            let mut client = ScramClient::new(m, "a=b,c", "pw").unwrap();
            let first = ClientFirst::parse(&client.client_first()).unwrap();
            assert_eq!(first.user, "a=b,c");
            let server = ServerExchange::start(first, credential).unwrap();
            let client_final = client.client_final(server.server_first()).unwrap();
            let server_final = server.finish(&client_final).unwrap();
            client.verify_server_final(&server_final).unwrap();
        }
    }

    #[test]
    fn a_server_that_does_not_extend_the_nonce_is_refused() {
        let mut client = ScramClient::with_nonce(Mechanism::Sha256, "u", "p", "abc");
        assert!(client.client_final("r=xyz1,s=AAAA,i=4096").is_err());
        assert!(client.client_final("r=abc,s=AAAA,i=4096").is_err());
        assert!(client.client_final("r=abcd,s=AAAA,i=999999999").is_err());
        assert!(client.client_final("e=unknown-user").is_err());
    }
}
