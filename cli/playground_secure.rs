//! `serve --playground secure`: the playground behind a SASL_SSL listener, so a developer can
//! try an application's secured settings in one step. It makes (once, then reuses) a CA, a
//! certificate for localhost and a demo user with a random password, kept in
//! `<data_dir>/playground-tls/` (a temporary directory in memory mode); adds a SASL_SSL listener
//! beside the PLAINTEXT one the demo feeds use; and prints the client settings for
//! librdkafka/kcat, the Java client (a `client.properties` file) and `streamline` itself.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use streamline::config::ServerConfig;
use streamline::security::dev_certs;

/// The demo user.
pub const USER: &str = "demo";

/// How long the playground's certificates are valid.
const CERTIFICATE_DAYS: i64 = 365;

/// What the secured playground set up.
pub struct SecurePlayground {
    pub dir: PathBuf,
    pub password: String,
    /// Removed at exit in memory mode.
    _temporary: Option<Temporary>,
}

/// A directory removed when dropped.
struct Temporary(PathBuf);

impl Drop for Temporary {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Adds the SASL_SSL listener, the certificate and the demo user to `config`.
pub fn prepare(config: &mut ServerConfig) -> anyhow::Result<SecurePlayground> {
    let (dir, temporary) = if config.in_memory {
        let dir =
            std::env::temp_dir().join(format!("streamline-playground-tls-{}", std::process::id()));
        (dir.clone(), Some(Temporary(dir)))
    } else {
        let dir = config.data_dir.join("playground-tls");
        (std::path::absolute(&dir).unwrap_or(dir), None)
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    if !dir.join("server.pem").exists() {
        dev_certs::write_all(&dir, &["localhost", "127.0.0.1"], CERTIFICATE_DAYS)
            .context("cannot make the playground's certificates")?;
    }
    let password_file = dir.join("demo-password");
    let password = match std::fs::read_to_string(&password_file) {
        Ok(p) if !p.trim().is_empty() => p.trim().to_string(),
        _ => {
            let mut random = [0u8; 12];
            getrandom::fill(&mut random).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
            let password: String = random.iter().map(|b| format!("{b:02x}")).collect();
            dev_certs::write_private(&password_file, &password)?;
            password
        }
    };
    if config.listeners.is_empty() {
        let secure_port = match config.listen_addr.port() {
            0 => 0,
            p => p.saturating_add(1),
        };
        config.listeners = vec![
            format!("PLAINTEXT://{}", config.listen_addr),
            format!("SASL_SSL://127.0.0.1:{secure_port}"),
        ];
    }
    config.ssl_certificate_location = Some(dir.join("server.pem"));
    config.ssl_key_location = Some(dir.join("server.key"));
    config.sasl_users.push(format!("{USER}={password}"));
    Ok(SecurePlayground {
        dir,
        password,
        _temporary: temporary,
    })
}

impl SecurePlayground {
    /// Writes `client.properties` for the Java client and returns the settings to print.
    pub fn client_settings(&self, secure: SocketAddr) -> anyhow::Result<String> {
        let ca = self.dir.join("ca.pem");
        let properties = self.dir.join("client.properties");
        let password = &self.password;
        let text = format!(
            "bootstrap.servers={secure}\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n\
             sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
             username=\"{USER}\" password=\"{password}\";\nssl.truststore.type=PEM\n\
             ssl.truststore.location={}\n",
            ca.display()
        );
        dev_certs::write_private(&properties, &text)?;
        Ok(format!(
            "\nSecured: SASL_SSL on {secure}, user {USER}, password {password} (SCRAM-SHA-256, \
             SCRAM-SHA-512 or PLAIN), CA certificate {ca}\n\n  librdkafka, kcat: -b {secure} -X \
             security.protocol=SASL_SSL -X sasl.mechanism=SCRAM-SHA-512 -X sasl.username={USER} \
             -X sasl.password={password} -X ssl.ca.location={ca}\n  Java client: \
             {properties}\n  streamline: STREAMLINE_SASL_PASSWORD={password} streamline topics \
             list -b {secure} --security-protocol SASL_SSL --sasl-mechanism SCRAM-SHA-512 \
             --sasl-username {USER} --ssl-ca-location {ca}\n",
            ca = ca.display(),
            properties = properties.display(),
        ))
    }
}
