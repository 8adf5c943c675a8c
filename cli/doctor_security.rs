//! `doctor`'s security checks: weak setups a demanding operator would flag — PLAIN offered
//! without TLS, a listener without authentication off loopback, credential or ACL files others
//! can read, a TLS certificate that expired or expires within 30 days, OAUTHBEARER accepting
//! unsecured tokens — and, against a cluster,
//! how the toolbox's own connection is secured.

use std::path::Path;

use streamline::client::security::ClientSecurity;
use streamline::config::ServerConfig;
use streamline::security::mechanism::SaslMechanism;
use streamline::server::listener_config::{listeners_of, SecurityProtocol};

use crate::doctor::{fail, pass, warn, Check};

/// Days of certificate validity below which `doctor` warns.
const EXPIRY_WARNING_DAYS: i64 = 30;

/// The broker side: listeners, credential files, the certificate.
pub fn check_broker(config: &ServerConfig, data_dir: &Path) -> Vec<Check> {
    let mut checks = Vec::new();
    match listeners_of(config) {
        Err(e) => checks.push(fail(
            "listeners",
            e.to_string(),
            "fix the listener settings (see docs/CONFIG.md, Listeners and security)",
        )),
        Ok(listeners) => {
            let plain = config
                .sasl_enabled_mechanisms
                .split(',')
                .any(|m| SaslMechanism::parse(m.trim()) == Some(SaslMechanism::Plain));
            let mut weak = false;
            for l in &listeners {
                if l.protocol == SecurityProtocol::SaslPlaintext && plain {
                    weak = true;
                    checks.push(warn(
                        "listeners",
                        format!(
                            "{} ({}) offers PLAIN: passwords cross the network in clear",
                            l.name, l.addr
                        ),
                        "use SASL_SSL for it, or leave PLAIN out of sasl_enabled_mechanisms",
                    ));
                }
                if !l.addr.ip().is_loopback() && !l.authenticates(config.ssl_client_auth) {
                    weak = true;
                    checks.push(warn(
                        "listeners",
                        format!(
                            "{} ({}, {}) is reachable from other machines without authentication",
                            l.name,
                            l.protocol.name(),
                            l.addr
                        ),
                        "use a SASL listener or SSL with ssl_client_auth = required there",
                    ));
                }
            }
            if !weak {
                let names: Vec<String> = listeners
                    .iter()
                    .map(|l| {
                        if l.name == l.protocol.name() {
                            format!("{} on {}", l.name, l.addr)
                        } else {
                            format!("{} ({}) on {}", l.name, l.protocol.name(), l.addr)
                        }
                    })
                    .collect();
                checks.push(pass("listeners", names.join(", ")));
            }
        }
    }
    let oauth = config
        .sasl_enabled_mechanisms
        .split(',')
        .any(|m| SaslMechanism::parse(m.trim()) == Some(SaslMechanism::OAuthBearer));
    if oauth && config.sasl_oauthbearer_jwks_endpoint_url.is_none() {
        checks.push(warn(
            "oauthbearer",
            "OAUTHBEARER accepts unsecured tokens: anyone can claim any principal",
            "set sasl_oauthbearer_jwks_endpoint_url to check signed tokens",
        ));
    }
    checks.extend(check_private_files(data_dir));
    if let Some(cert) = &config.ssl_certificate_location {
        checks.push(check_certificate(cert));
    }
    checks
}

/// The files under `<data_dir>/security/` must be the broker's user's alone.
fn check_private_files(data_dir: &Path) -> Vec<Check> {
    use std::os::unix::fs::PermissionsExt;
    let dir = data_dir.join("security");
    let mut checks = Vec::new();
    for name in ["scram-credentials.json", "acls.json"] {
        let path = dir.join(name);
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let mode = meta.permissions().mode() & 0o777;
        let check = if mode & 0o004 != 0 {
            fail(
                "security files",
                format!("{} can be read by anyone (mode {mode:o})", path.display()),
                format!("chmod 600 {}", path.display()),
            )
        } else if mode & 0o070 != 0 {
            warn(
                "security files",
                format!(
                    "{} can be read by its group (mode {mode:o})",
                    path.display()
                ),
                format!("chmod 600 {}", path.display()),
            )
        } else {
            pass(
                "security files",
                format!("{} is private (mode {mode:o})", path.display()),
            )
        };
        checks.push(check);
    }
    checks
}

/// The broker certificate's expiry.
fn check_certificate(path: &Path) -> Check {
    let certs = match streamline::security::tls::read_certificates(path) {
        Ok(c) => c,
        Err(e) => {
            return fail(
                "certificate",
                e.to_string(),
                "point ssl_certificate_location at a PEM certificate chain",
            )
        }
    };
    let Some(not_after) = certs
        .first()
        .and_then(|c| streamline::security::tls::expiry_of(c))
    else {
        return fail(
            "certificate",
            format!("{}: the certificate cannot be read", path.display()),
            "check the file is a PEM certificate",
        );
    };
    let date = chrono::DateTime::from_timestamp(not_after, 0).map_or_else(
        || not_after.to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    let left_days = (not_after - chrono::Utc::now().timestamp()) / 86_400;
    if not_after <= chrono::Utc::now().timestamp() {
        fail(
            "certificate",
            format!("{} expired on {date}", path.display()),
            "renew it; clients refuse an expired certificate (the broker rereads the file when it changes)",
        )
    } else if left_days < EXPIRY_WARNING_DAYS {
        warn(
            "certificate",
            format!("{} expires on {date}, in {left_days} days", path.display()),
            "renew it soon; the broker rereads the file when it changes, or on SIGHUP",
        )
    } else {
        pass(
            "certificate",
            format!("{} valid until {date}", path.display()),
        )
    }
}

/// How the toolbox's connection to a cluster is secured.
pub fn check_connection(security: &ClientSecurity) -> Check {
    let protocol = security.protocol_name();
    match &security.sasl {
        Some(login) if login.mechanism == SaslMechanism::Plain && security.tls.is_none() => warn(
            "connection",
            format!(
                "{protocol} with PLAIN as {}: the password crosses the network in clear",
                login.username
            ),
            "use SASL_SSL, or a SCRAM mechanism",
        ),
        Some(login) => pass(
            "connection",
            format!(
                "{protocol}, {} as {}",
                login.mechanism.name(),
                login.username
            ),
        ),
        None => pass("connection", protocol),
    }
}
