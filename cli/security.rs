//! The security settings of a client command's connection, from (lowest to highest) a profile,
//! `-X` properties with librdkafka's names, and the `--security-protocol`, `--sasl-*` and
//! `--ssl-*` flags or their `STREAMLINE_*` variables. A password comes from `-X sasl.password`,
//! `STREAMLINE_SASL_PASSWORD`, a file only its owner can read (`--sasl-password-file`, or a
//! profile's `sasl_password_file`), a profile that was asked to store it, or — on a terminal —
//! a prompt; it never has to be on the command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use streamline::client::security::{ClientSecurity, ClientTls, SaslLogin};
use streamline::security::mechanism::SaslMechanism;

use crate::connect::Property;
use crate::profile::Profile;

/// The security flags every client command takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SecurityArgs {
    /// How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka's
    /// security.protocol) [default: PLAINTEXT]
    #[arg(
        long,
        env = "STREAMLINE_SECURITY_PROTOCOL",
        value_name = "PROTOCOL",
        global = true,
        help_heading = "Security"
    )]
    pub security_protocol: Option<String>,

    /// SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
    #[arg(
        long,
        env = "STREAMLINE_SASL_MECHANISM",
        value_name = "MECHANISM",
        global = true,
        help_heading = "Security"
    )]
    pub sasl_mechanism: Option<String>,

    /// SASL user name
    #[arg(
        long,
        env = "STREAMLINE_SASL_USERNAME",
        value_name = "NAME",
        global = true,
        help_heading = "Security"
    )]
    pub sasl_username: Option<String>,

    /// File holding the SASL password (its first line), readable by its owner only; or set
    /// STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it
    #[arg(
        long,
        env = "STREAMLINE_SASL_PASSWORD_FILE",
        value_name = "FILE",
        global = true,
        help_heading = "Security"
    )]
    pub sasl_password_file: Option<PathBuf>,

    /// PEM CA certificates to trust for TLS instead of the system's
    #[arg(
        long,
        env = "STREAMLINE_SSL_CA_LOCATION",
        value_name = "FILE",
        global = true,
        help_heading = "Security"
    )]
    pub ssl_ca_location: Option<PathBuf>,

    /// PEM client certificate, for brokers that require one (mTLS)
    #[arg(
        long,
        env = "STREAMLINE_SSL_CERTIFICATE_LOCATION",
        value_name = "FILE",
        global = true,
        help_heading = "Security"
    )]
    pub ssl_certificate_location: Option<PathBuf>,

    /// PEM private key of the client certificate
    #[arg(
        long,
        env = "STREAMLINE_SSL_KEY_LOCATION",
        value_name = "FILE",
        global = true,
        help_heading = "Security"
    )]
    pub ssl_key_location: Option<PathBuf>,
}

/// The variable a password may come from.
pub const PASSWORD_VARIABLE: &str = "STREAMLINE_SASL_PASSWORD";

/// librdkafka's `sasl.oauthbearer.*` OIDC properties as given.
#[derive(Debug, Default)]
struct OidcParts {
    method: Option<String>,
    endpoint: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scope: Option<String>,
}

/// Settings gathered from every source before they are checked.
#[derive(Debug, Default)]
struct Gathered {
    protocol: Option<String>,
    mechanism: Option<String>,
    username: Option<String>,
    password: Option<String>,
    password_file: Option<PathBuf>,
    oauthbearer_config: Option<String>,
    oidc: Option<streamline::client::oidc::OidcClient>,
    oidc_parts: OidcParts,
    ca: Option<PathBuf>,
    certificate: Option<PathBuf>,
    key: Option<PathBuf>,
    verify_hostname: Option<bool>,
    verify_certificate: Option<bool>,
}

/// The connection security `args`, `-X` properties and `profile` describe.
pub fn client_security(
    args: &SecurityArgs,
    properties: &[Property],
    profile: &Profile,
) -> anyhow::Result<ClientSecurity> {
    let mut g = Gathered {
        protocol: profile.security_protocol.clone(),
        mechanism: profile.sasl_mechanism.clone(),
        username: profile.sasl_username.clone(),
        password: profile.sasl_password.clone(),
        password_file: profile.sasl_password_file.clone(),
        ca: profile.ssl_ca_location.clone(),
        certificate: profile.ssl_certificate_location.clone(),
        key: profile.ssl_key_location.clone(),
        ..Gathered::default()
    };
    for property in properties {
        match property {
            Property::SecurityProtocol(v) => g.protocol = Some(v.clone()),
            Property::SaslMechanism(v) => g.mechanism = Some(v.clone()),
            Property::SaslUsername(v) => g.username = Some(v.clone()),
            Property::SaslPassword(v) => g.password = Some(v.0.clone()),
            Property::SaslOAuthBearerConfig(v) => g.oauthbearer_config = Some(v.clone()),
            Property::SaslOAuthBearerMethod(v) => g.oidc_parts.method = Some(v.clone()),
            Property::SaslOAuthBearerTokenEndpoint(v) => g.oidc_parts.endpoint = Some(v.clone()),
            Property::SaslOAuthBearerClientId(v) => g.oidc_parts.client_id = Some(v.clone()),
            Property::SaslOAuthBearerClientSecret(v) => {
                g.oidc_parts.client_secret = Some(v.0.clone())
            }
            Property::SaslOAuthBearerScope(v) => g.oidc_parts.scope = Some(v.clone()),
            Property::SslCaLocation(v) => g.ca = Some(v.clone()),
            Property::SslCertificateLocation(v) => g.certificate = Some(v.clone()),
            Property::SslKeyLocation(v) => g.key = Some(v.clone()),
            Property::SslEndpointIdentification(v) => g.verify_hostname = Some(*v),
            Property::SslCertificateVerification(v) => g.verify_certificate = Some(*v),
            _ => {}
        }
    }
    if let Ok(password) = std::env::var(PASSWORD_VARIABLE) {
        if !password.is_empty() {
            g.password = Some(password);
        }
    }
    macro_rules! flag {
        ($field:ident, $target:ident) => {
            if let Some(v) = &args.$field {
                g.$target = Some(v.clone());
            }
        };
    }
    flag!(security_protocol, protocol);
    flag!(sasl_mechanism, mechanism);
    flag!(sasl_username, username);
    flag!(ssl_ca_location, ca);
    flag!(ssl_certificate_location, certificate);
    flag!(ssl_key_location, key);
    if let Some(file) = &args.sasl_password_file {
        g.password_file = Some(file.clone());
        g.password = None;
    }
    resolve(g)
}

fn resolve(mut g: Gathered) -> anyhow::Result<ClientSecurity> {
    if g.oidc_parts
        .method
        .as_deref()
        .is_some_and(|m| m.eq_ignore_ascii_case("oidc"))
    {
        let p = std::mem::take(&mut g.oidc_parts);
        let missing = |what: &str| format!("sasl.oauthbearer.method=oidc needs {what}");
        let client_secret = match p.client_secret {
            Some(secret) => secret,
            None => std::env::var(CLIENT_SECRET_VARIABLE)
                .ok()
                .filter(|s| !s.is_empty())
                .with_context(|| {
                    missing(&format!(
                        "sasl.oauthbearer.client.secret or {CLIENT_SECRET_VARIABLE}"
                    ))
                })?,
        };
        g.oidc = Some(streamline::client::oidc::OidcClient {
            token_endpoint_url: p
                .endpoint
                .with_context(|| missing("sasl.oauthbearer.token.endpoint.url"))?,
            client_id: p
                .client_id
                .with_context(|| missing("sasl.oauthbearer.client.id"))?,
            client_secret,
            scope: p.scope,
        });
        g.mechanism.get_or_insert_with(|| "OAUTHBEARER".into());
        g.username.get_or_insert_with(|| "(oidc)".into());
    } else if let Some(method) = &g.oidc_parts.method {
        if !method.eq_ignore_ascii_case("default") {
            bail!("sasl.oauthbearer.method must be default or oidc, not '{method}'");
        }
    }
    let protocol = g
        .protocol
        .as_deref()
        .map(|p| p.trim().to_ascii_uppercase())
        .unwrap_or_else(|| {
            // librdkafka's default is PLAINTEXT; a SASL mechanism or TLS file named without a
            // protocol is taken as asking for them, rather than ignored.
            match (
                g.mechanism.is_some() || g.username.is_some(),
                g.ca.is_some() || g.certificate.is_some(),
            ) {
                (true, true) => "SASL_SSL".into(),
                (true, false) => "SASL_PLAINTEXT".into(),
                (false, true) => "SSL".into(),
                (false, false) => "PLAINTEXT".into(),
            }
        });
    let (tls, sasl) = match protocol.as_str() {
        "PLAINTEXT" => (false, false),
        "SSL" => (true, false),
        "SASL_PLAINTEXT" => (false, true),
        "SASL_SSL" => (true, true),
        other => bail!(
            "security.protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not '{other}'"
        ),
    };
    let tls = tls.then(|| ClientTls {
        ca_location: g.ca.clone(),
        certificate_location: g.certificate.clone(),
        key_location: g.key.clone(),
        verify_hostname: g.verify_hostname.unwrap_or(true),
        verify_certificate: g.verify_certificate.unwrap_or(true),
    });
    let sasl = if sasl {
        let name = g
            .mechanism
            .as_deref()
            .unwrap_or("PLAIN")
            .trim()
            .to_ascii_uppercase();
        let mechanism = SaslMechanism::parse(&name).with_context(|| {
            format!(
                "sasl.mechanism '{name}' is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, \
                 OAUTHBEARER"
            )
        })?;
        if mechanism == SaslMechanism::OAuthBearer {
            if let Some(oidc) = g.oidc.take() {
                return Ok(ClientSecurity {
                    tls,
                    sasl: Some(SaslLogin {
                        mechanism,
                        username: oidc.client_id.clone(),
                        // Fetched from the token endpoint when connecting.
                        password: String::new(),
                    }),
                    oidc: Some(oidc),
                });
            }
            return Ok(ClientSecurity {
                tls,
                sasl: Some(oauthbearer_login(g.oauthbearer_config.as_deref())?),
                oidc: None,
            });
        }
        let username = g.username.clone().filter(|u| !u.is_empty()).context(
            "SASL needs a user name: --sasl-username, STREAMLINE_SASL_USERNAME or -X sasl.username",
        )?;
        let password = match (g.password, &g.password_file) {
            (Some(p), _) => p,
            (None, Some(file)) => read_password_file(file)?,
            (None, None) => prompt_password(&username)?,
        };
        Some(SaslLogin {
            mechanism,
            username,
            password,
        })
    } else {
        None
    };
    Ok(ClientSecurity {
        tls,
        sasl,
        oidc: None,
    })
}

/// The variable an OIDC client secret may come from.
pub const CLIENT_SECRET_VARIABLE: &str = "STREAMLINE_SASL_OAUTHBEARER_CLIENT_SECRET";

/// The variable a bearer token may come from.
pub const TOKEN_VARIABLE: &str = "STREAMLINE_SASL_OAUTHBEARER_TOKEN";

/// An OAUTHBEARER login: the token in `STREAMLINE_SASL_OAUTHBEARER_TOKEN`, or an unsecured
/// one made from `sasl.oauthbearer.config` (`principal=NAME [lifeSeconds=N] [scope=S]`).
fn oauthbearer_login(config: Option<&str>) -> anyhow::Result<SaslLogin> {
    if let Ok(token) = std::env::var(TOKEN_VARIABLE) {
        if !token.trim().is_empty() {
            return Ok(SaslLogin {
                mechanism: SaslMechanism::OAuthBearer,
                username: "(token)".into(),
                password: token.trim().to_string(),
            });
        }
    }
    let config = config.with_context(|| {
        format!(
            "OAUTHBEARER needs a token: set {TOKEN_VARIABLE}, or -X \
             sasl.oauthbearer.config=principal=NAME for an unsecured development token"
        )
    })?;
    let mut principal = None;
    let mut life = 3600;
    let mut scope = None;
    for pair in config.split_whitespace() {
        match pair.split_once('=') {
            Some(("principal", v)) => principal = Some(v.to_string()),
            Some(("lifeSeconds", v)) => {
                life =
                    v.parse().ok().filter(|s| *s > 0).with_context(|| {
                        format!("lifeSeconds must be a positive number, not '{v}'")
                    })?
            }
            Some(("scope", v)) => scope = Some(v.to_string()),
            _ => bail!(
                "sasl.oauthbearer.config takes principal=NAME, lifeSeconds=N and scope=S, not \
                 '{pair}'"
            ),
        }
    }
    let principal = principal.context("sasl.oauthbearer.config needs principal=NAME")?;
    Ok(SaslLogin {
        mechanism: SaslMechanism::OAuthBearer,
        password: streamline::client::security::unsecured_token(&principal, life, scope.as_deref()),
        username: principal,
    })
}

/// The first line of a password file, which must not be readable by others.
pub fn read_password_file(path: &Path) -> anyhow::Result<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path)
            .with_context(|| format!("cannot read the password file {}", path.display()))?;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            bail!(
                "the password file {} can be read by others (mode {:o}): chmod 600 it",
                path.display(),
                mode & 0o777
            );
        }
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the password file {}", path.display()))?;
    let password = text.lines().next().unwrap_or_default().to_string();
    if password.is_empty() {
        bail!("the password file {} is empty", path.display());
    }
    Ok(password)
}

/// The password `profile add --store-password` stores: from the variable, or asked for.
pub fn password_to_store(username: &str) -> anyhow::Result<String> {
    match std::env::var(PASSWORD_VARIABLE) {
        Ok(p) if !p.is_empty() => Ok(p),
        _ => prompt_password(username),
    }
}

/// Asks for the password on the terminal, without echoing it.
fn prompt_password(username: &str) -> anyhow::Result<String> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(
            "SASL needs a password for '{username}': set {PASSWORD_VARIABLE}, \
             --sasl-password-file or -X sasl.password"
        );
    }
    prompt(&format!("Password for {username}: "), username)
}

/// Shows `question` and reads an answer without echoing it; off a terminal, an error saying
/// where else a password can come from.
pub fn prompt(question: &str, username: &str) -> anyhow::Result<String> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(
            "a password is needed for '{username}' and standard input is not a terminal: set \
             {PASSWORD_VARIABLE} (or STREAMLINE_NEW_PASSWORD for a new one), or give a password \
             file"
        );
    }
    let mut stderr = std::io::stderr();
    write!(stderr, "{question}")?;
    stderr.flush()?;
    read_hidden_line()
}

/// Reads one line from standard input with echo off.
fn read_hidden_line() -> anyhow::Result<String> {
    let fd = libc::STDIN_FILENO;
    // SAFETY: termios is plain data, filled in by tcgetattr before it is read.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd is standard input, and `saved` is a valid termios to write into.
    let have_terminal = unsafe { libc::tcgetattr(fd, &mut saved) } == 0;
    if have_terminal {
        let mut quiet = saved;
        quiet.c_lflag &= !libc::ECHO;
        quiet.c_lflag |= libc::ECHONL;
        // SAFETY: as above; `quiet` is a copy of the terminal's own settings.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
    }
    let mut line = String::new();
    let read = std::io::stdin().read_line(&mut line);
    if have_terminal {
        // SAFETY: restores the settings read above.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
    }
    read.context("cannot read the password")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gathered() -> Gathered {
        Gathered {
            password: Some("pw".into()),
            ..Gathered::default()
        }
    }

    #[test]
    fn protocols_and_what_they_imply() {
        assert_eq!(
            resolve(Gathered::default()).unwrap(),
            ClientSecurity::default()
        );
        let s = resolve(Gathered {
            protocol: Some("sasl_ssl".into()),
            mechanism: Some("scram-sha-512".into()),
            username: Some("alice".into()),
            ..gathered()
        })
        .unwrap();
        assert!(s.tls.is_some());
        let login = s.sasl.unwrap();
        assert_eq!(login.mechanism.name(), "SCRAM-SHA-512");
        assert_eq!(login.password, "pw");
        // A user name without a protocol means SASL_PLAINTEXT with PLAIN.
        let s = resolve(Gathered {
            username: Some("bob".into()),
            ..gathered()
        })
        .unwrap();
        assert_eq!(s.protocol_name(), "SASL_PLAINTEXT");
        assert!(resolve(Gathered {
            protocol: Some("TLS".into()),
            ..gathered()
        })
        .is_err());
        assert!(resolve(Gathered {
            protocol: Some("SASL_PLAINTEXT".into()),
            ..gathered()
        })
        .unwrap_err()
        .to_string()
        .contains("user name"));
    }

    #[test]
    fn password_files_must_be_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        std::fs::write(&path, "s3cret\nignored\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(read_password_file(&path)
            .unwrap_err()
            .to_string()
            .contains("chmod 600"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(read_password_file(&path).unwrap(), "s3cret");
    }
}
