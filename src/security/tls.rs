//! The broker's side of TLS: a rustls server configuration read from PEM files (certificate
//! chain, private key, and the CAs client certificates must chain to), client authentication
//! `none`, `requested` or `required` (Kafka's `ssl.client.auth`), and reloading when the files
//! change — checked by [`ServerTls::reload_if_changed`], which the server runs periodically and
//! on SIGHUP — without dropping connections: each new handshake takes the configuration then in
//! force.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::{Error, Result};

/// Whether and how clients present certificates (Kafka's `ssl.client.auth`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ClientAuth {
    /// No client certificate is asked for
    #[default]
    None,
    /// A certificate is asked for; a client without one connects as User:ANONYMOUS
    Requested,
    /// A client without a trusted certificate cannot connect
    Required,
}

/// Where the TLS material is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// PEM certificate chain, the broker's own certificate first.
    pub certificate: PathBuf,
    /// PEM private key (PKCS#8, PKCS#1 or SEC1).
    pub key: PathBuf,
    /// PEM CA certificates client certificates are checked against.
    pub client_ca: Option<PathBuf>,
    pub client_auth: ClientAuth,
}

/// The configuration in force and what it was read from.
pub struct ServerTls {
    files: TlsFiles,
    current: RwLock<Arc<ServerConfig>>,
    /// Modification times (and sizes) of the files when last read.
    stamps: Mutex<Vec<Option<(SystemTime, u64)>>>,
    /// When the broker's certificate stops being valid (Unix seconds).
    not_after: RwLock<Option<i64>>,
}

impl ServerTls {
    /// Reads the files; any problem is an error naming the file.
    pub fn load(files: TlsFiles) -> Result<ServerTls> {
        if files.client_auth != ClientAuth::None && files.client_ca.is_none() {
            return Err(Error::InvalidConfig(
                "ssl_client_auth needs ssl_ca_location: the CA certificates client \
                 certificates are checked against"
                    .into(),
            ));
        }
        let stamps = stamps_of(&files);
        let (config, not_after) = build(&files)?;
        Ok(ServerTls {
            files,
            current: RwLock::new(Arc::new(config)),
            stamps: Mutex::new(stamps),
            not_after: RwLock::new(not_after),
        })
    }

    /// The configuration for the next handshake.
    pub fn config(&self) -> Arc<ServerConfig> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// When the broker's certificate expires (Unix seconds).
    pub fn not_after(&self) -> Option<i64> {
        *self.not_after.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Rereads the files if any changed since they were read. Returns whether a new
    /// configuration is in force; on an error the old one stays.
    pub fn reload_if_changed(&self) -> Result<bool> {
        let now = stamps_of(&self.files);
        {
            let stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
            if *stamps == now {
                return Ok(false);
            }
        }
        self.reload().map(|()| true)
    }

    /// Rereads the files now; on an error the old configuration stays.
    pub fn reload(&self) -> Result<()> {
        let stamps = stamps_of(&self.files);
        // Remembered even when the files are bad, so that one bad edit is reported once.
        *self.stamps.lock().unwrap_or_else(|e| e.into_inner()) = stamps;
        let (config, not_after) = build(&self.files)?;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(config);
        *self.not_after.write().unwrap_or_else(|e| e.into_inner()) = not_after;
        Ok(())
    }
}

fn stamps_of(files: &TlsFiles) -> Vec<Option<(SystemTime, u64)>> {
    [
        Some(&files.certificate),
        Some(&files.key),
        files.client_ca.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|p| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())))
    })
    .collect()
}

/// The crypto every TLS configuration here uses: aws-lc-rs, rustls's default.
pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

fn build(files: &TlsFiles) -> Result<(ServerConfig, Option<i64>)> {
    let chain = read_certificates(&files.certificate)?;
    let not_after = chain.first().and_then(|c| expiry_of(c));
    let key = read_key(&files.key)?;
    let builder = ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::InvalidConfig(format!("TLS: {e}")))?;
    let builder = match (files.client_auth, &files.client_ca) {
        (ClientAuth::None, _) | (_, None) => builder.with_no_client_auth(),
        (auth, Some(ca)) => {
            let mut roots = RootCertStore::empty();
            for cert in read_certificates(ca)? {
                roots.add(cert).map_err(|e| {
                    Error::InvalidConfig(format!("{}: not a usable CA: {e}", ca.display()))
                })?;
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider());
            let verifier = if auth == ClientAuth::Requested {
                verifier.allow_unauthenticated()
            } else {
                verifier
            };
            let verifier = verifier
                .build()
                .map_err(|e| Error::InvalidConfig(format!("{}: {e}", ca.display())))?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let config = builder.with_single_cert(chain, key).map_err(|e| {
        Error::InvalidConfig(format!(
            "{} and {} do not make a usable certificate and key: {e}",
            files.certificate.display(),
            files.key.display()
        ))
    })?;
    Ok((config, not_after))
}

/// Every certificate of a PEM file; none is an error.
pub fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let bad = |why: String| Error::InvalidConfig(format!("{}: {why}", path.display()));
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| bad(format!("cannot read it: {e}")))?
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| bad(format!("not a PEM certificate file: {e}")))?;
    if certs.is_empty() {
        return Err(bad("holds no PEM certificate".into()));
    }
    Ok(certs)
}

/// The private key of a PEM file.
pub fn read_key(path: &Path) -> Result<PrivateKeyDer<'static>> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| {
        Error::InvalidConfig(format!(
            "{}: no usable PEM private key (PKCS#8, PKCS#1 or SEC1): {e}",
            path.display()
        ))
    })
}

/// When a DER certificate stops being valid (Unix seconds).
pub fn expiry_of(der: &[u8]) -> Option<i64> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    Some(cert.validity().not_after.timestamp())
}
