//! Certificates for development and tests: a throwaway CA, a broker certificate for the given
//! host names and addresses, and client certificates, all signed by that CA. What
//! `serve --playground secure` uses, so a developer can try an application's TLS settings
//! without a PKI; never meant for production.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SanType,
};

use crate::{Error, Result};

/// A CA able to sign more certificates.
pub struct DevCa {
    issuer: Issuer<'static, KeyPair>,
    /// The CA certificate, PEM.
    pub ca_pem: String,
}

/// A certificate and its private key, PEM.
pub struct CertAndKey {
    pub cert_pem: String,
    pub key_pem: String,
}

fn failed(e: rcgen::Error) -> Error {
    Error::Start(format!("cannot make a certificate: {e}"))
}

impl DevCa {
    /// A new CA named `name`, valid for `days`.
    pub fn new(name: &str, days: i64) -> Result<DevCa> {
        let key = KeyPair::generate().map_err(failed)?;
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, name);
        params.distinguished_name = dn;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        validity(&mut params, days);
        let cert = params.self_signed(&key).map_err(failed)?;
        Ok(DevCa {
            ca_pem: cert.pem(),
            issuer: Issuer::new(params, key),
        })
    }

    /// A server certificate for `hosts` (names or IP addresses), valid for `days`.
    pub fn server(&self, hosts: &[&str], days: i64) -> Result<CertAndKey> {
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(
            DnType::CommonName,
            hosts.first().copied().unwrap_or("localhost"),
        );
        params.distinguished_name = dn;
        params.subject_alt_names = hosts
            .iter()
            .map(|h| match h.parse::<IpAddr>() {
                Ok(ip) => Ok(SanType::IpAddress(ip)),
                Err(_) => Ok(SanType::DnsName((*h).try_into().map_err(failed)?)),
            })
            .collect::<Result<Vec<_>>>()?;
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        validity(&mut params, days);
        self.sign(params)
    }

    /// A client certificate whose subject is `CN=<common_name>` plus `org`'s `O=` if given.
    pub fn client(&self, common_name: &str, org: Option<&str>, days: i64) -> Result<CertAndKey> {
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        if let Some(org) = org {
            dn.push(DnType::OrganizationName, org);
        }
        dn.push(DnType::CommonName, common_name);
        params.distinguished_name = dn;
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        validity(&mut params, days);
        self.sign(params)
    }

    fn sign(&self, params: CertificateParams) -> Result<CertAndKey> {
        let key = KeyPair::generate().map_err(failed)?;
        let cert = params.signed_by(&key, &self.issuer).map_err(failed)?;
        Ok(CertAndKey {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
        })
    }
}

/// Valid from a day ago (clocks differ) for `days` from now; a negative `days` makes a
/// certificate that has expired.
fn validity(params: &mut CertificateParams, days: i64) {
    let on = |offset_days: i64| {
        let day = chrono::Utc::now().date_naive() + chrono::Duration::days(offset_days);
        use chrono::Datelike;
        rcgen::date_time_ymd(day.year(), day.month() as u8, day.day() as u8)
    };
    params.not_before = on(-1.min(days - 1));
    params.not_after = on(days);
}

/// Where [`write_all`] put the files.
pub struct DevFiles {
    pub ca: PathBuf,
    pub certificate: PathBuf,
    pub key: PathBuf,
}

/// Writes a CA and a server certificate for `hosts` into `dir` (`ca.pem`, `server.pem`,
/// `server.key`, the key readable by its owner only); returns the CA too, to sign client
/// certificates with.
pub fn write_all(dir: &Path, hosts: &[&str], days: i64) -> Result<(DevCa, DevFiles)> {
    std::fs::create_dir_all(dir)?;
    let ca = DevCa::new("Streamline development CA", days)?;
    let server = ca.server(hosts, days)?;
    let files = DevFiles {
        ca: dir.join("ca.pem"),
        certificate: dir.join("server.pem"),
        key: dir.join("server.key"),
    };
    std::fs::write(&files.ca, &ca.ca_pem)?;
    std::fs::write(&files.certificate, &server.cert_pem)?;
    write_private(&files.key, &server.key_pem)?;
    Ok((ca, files))
}

/// Writes a private key readable by its owner only.
pub fn write_private(path: &Path, contents: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}
