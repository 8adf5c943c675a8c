//! How the toolbox secures its connections to a cluster — librdkafka's settings, so a kcat
//! user's configuration carries over: `security.protocol` (PLAINTEXT, SSL, SASL_PLAINTEXT,
//! SASL_SSL), `sasl.mechanism` with `sasl.username` / `sasl.password`, and for TLS the CA
//! (`ssl.ca.location`, else the system's CAs), a client certificate and key for mTLS, host name
//! checking (`ssl.endpoint.identification.algorithm`) and certificate checking
//! (`enable.ssl.certificate.verification`).
//!
//! A connection is set up in steps — TCP, the TLS handshake, SASL — and a failure says which
//! step failed and why.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use crate::security::mechanism::SaslMechanism;
use crate::security::tls::{provider, read_certificates, read_key};
use crate::{Error, Result};

/// TLS settings of a client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientTls {
    /// PEM CA certificates to trust instead of the system's.
    pub ca_location: Option<PathBuf>,
    /// PEM client certificate (chain) and key, for brokers that ask for one (mTLS).
    pub certificate_location: Option<PathBuf>,
    pub key_location: Option<PathBuf>,
    /// Check that the certificate names the host connected to (`https`, the default).
    pub verify_hostname: bool,
    /// Check the certificate at all (`enable.ssl.certificate.verification`).
    pub verify_certificate: bool,
}

impl Default for ClientTls {
    fn default() -> ClientTls {
        ClientTls {
            ca_location: None,
            certificate_location: None,
            key_location: None,
            verify_hostname: true,
            verify_certificate: true,
        }
    }
}

/// A SASL login. For OAUTHBEARER, `password` is the bearer token and `username` the
/// principal it names, for messages.
#[derive(Clone, PartialEq, Eq)]
pub struct SaslLogin {
    pub mechanism: SaslMechanism,
    pub username: String,
    pub password: String,
}

/// An unsecured OAUTHBEARER token (a JWT with `alg` `none`), as librdkafka makes one from
/// `sasl.oauthbearer.config=principal=NAME` for development brokers.
pub fn unsecured_token(principal: &str, life_seconds: u64, scope: Option<&str>) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let now = crate::broker::now_ms() / 1000;
    let mut claims = serde_json::json!({
        "sub": principal,
        "iat": now,
        "exp": now + i64::try_from(life_seconds).unwrap_or(3600),
    });
    if let (Some(scope), Some(map)) = (scope, claims.as_object_mut()) {
        map.insert("scope".into(), serde_json::Value::String(scope.to_string()));
    }
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

impl fmt::Debug for SaslLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SaslLogin")
            .field("mechanism", &self.mechanism)
            .field("username", &self.username)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// How a client secures its connections; the default is PLAINTEXT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientSecurity {
    pub tls: Option<ClientTls>,
    pub sasl: Option<SaslLogin>,
    /// For OAUTHBEARER: get the token from this OAuth endpoint when connecting.
    pub oidc: Option<super::oidc::OidcClient>,
}

impl ClientSecurity {
    /// librdkafka's `security.protocol` name for these settings.
    pub fn protocol_name(&self) -> &'static str {
        match (&self.tls, &self.sasl) {
            (None, None) => "PLAINTEXT",
            (Some(_), None) => "SSL",
            (None, Some(_)) => "SASL_PLAINTEXT",
            (Some(_), Some(_)) => "SASL_SSL",
        }
    }

    /// The rustls configuration for these TLS settings (read from their files now).
    pub fn tls_config(&self) -> Result<Option<Arc<ClientConfig>>> {
        let Some(tls) = &self.tls else {
            return Ok(None);
        };
        let builder = ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::Client(format!("TLS: {e}")))?;
        let verifier: Arc<dyn ServerCertVerifier> = if tls.verify_certificate {
            let mut roots = RootCertStore::empty();
            match &tls.ca_location {
                Some(ca) => {
                    for cert in read_certificates(ca)? {
                        roots.add(cert).map_err(|e| {
                            Error::Client(format!("{}: not a usable CA: {e}", ca.display()))
                        })?;
                    }
                }
                None => {
                    let found = rustls_native_certs::load_native_certs();
                    for cert in found.certs {
                        let _ = roots.add(cert);
                    }
                    if roots.is_empty() {
                        return Err(Error::Client(
                            "no CA certificates found on this system: set ssl.ca.location".into(),
                        ));
                    }
                }
            }
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .map_err(|e| Error::Client(format!("TLS: {e}")))?;
            if tls.verify_hostname {
                webpki
            } else {
                Arc::new(AnyName(webpki))
            }
        } else {
            Arc::new(Unverified(provider()))
        };
        let builder = builder
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let config = match (&tls.certificate_location, &tls.key_location) {
            (Some(cert), Some(key)) => builder
                .with_client_auth_cert(read_certificates(cert)?, read_key(key)?)
                .map_err(|e| {
                    Error::Client(format!(
                        "{} and {} are not a usable client certificate and key: {e}",
                        cert.display(),
                        key.display()
                    ))
                })?,
            (None, None) => builder.with_no_client_auth(),
            _ => {
                return Err(Error::Client(
                    "a client certificate needs both ssl.certificate.location and \
                     ssl.key.location"
                        .into(),
                ))
            }
        };
        Ok(Some(Arc::new(config)))
    }
}

/// The name TLS checks the certificate against: the host part of `host:port`.
pub fn server_name(addr: &str) -> Result<ServerName<'static>> {
    let host = addr
        .rsplit_once(':')
        .map_or(addr, |(host, _)| host)
        .trim_start_matches('[')
        .trim_end_matches(']');
    ServerName::try_from(host.to_string())
        .map_err(|e| Error::Client(format!("'{host}' cannot be checked by TLS: {e}")))
}

/// Checks the chain but not the name (`ssl.endpoint.identification.algorithm=none`).
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
            | Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// Trusts any certificate (`enable.ssl.certificate.verification=false`), still checking that
/// the server holds its key.
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
