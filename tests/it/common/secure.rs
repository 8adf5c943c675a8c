//! A server with every kind of listener — SASL_SSL, SSL (client certificates requested),
//! SASL_PLAINTEXT and PLAINTEXT — on ephemeral loopback ports, a throwaway CA and its
//! certificates, users `admin` (a super user) and `alice`, and librdkafka settings for each
//! listener.

use std::path::PathBuf;

use rdkafka::config::ClientConfig;
use streamline::config::ServerConfig;
use streamline::security::dev_certs::{self, DevCa, DevFiles};

use super::TestServer;

pub const ADMIN: (&str, &str) = ("admin", "admin-secret");
pub const ALICE: (&str, &str) = ("alice", "alice-secret");

pub struct Secured {
    pub server: TestServer,
    pub ca: DevCa,
    pub files: DevFiles,
    pub dir: tempfile::TempDir,
}

impl Secured {
    /// Starts it; `tune` may change the configuration last (the authorizer, reauth, ...).
    pub async fn start(tune: impl FnOnce(&mut ServerConfig)) -> Secured {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ca, files) =
            dev_certs::write_all(dir.path(), &["localhost", "127.0.0.1"], 30).expect("certs");
        let (ca_path, cert, key) = (
            files.ca.clone(),
            files.certificate.clone(),
            files.key.clone(),
        );
        let server = TestServer::start_with(move |c| {
            c.listeners = vec![
                "SASL_SSL://127.0.0.1:0".into(),
                "SSL://127.0.0.1:0".into(),
                "SASL_PLAINTEXT://127.0.0.1:0".into(),
                "PLAINTEXT://127.0.0.1:0".into(),
            ];
            c.ssl_certificate_location = Some(cert);
            c.ssl_key_location = Some(key);
            c.ssl_ca_location = Some(ca_path);
            c.ssl_client_auth = streamline::security::tls::ClientAuth::Requested;
            c.sasl_users = vec![
                format!("{}={}", ADMIN.0, ADMIN.1),
                format!("{}={}", ALICE.0, ALICE.1),
            ];
            c.super_users = vec!["User:admin".into()];
            tune(c);
        })
        .await;
        Secured {
            server,
            ca,
            files,
            dir,
        }
    }

    /// `127.0.0.1:port` of a listener.
    pub fn addr(&self, listener: &str) -> String {
        self.server
            .server
            .listener_addr(listener)
            .unwrap_or_else(|| panic!("no listener {listener}"))
            .to_string()
    }

    /// librdkafka settings for `listener`, logging in as `user` with `mechanism` on SASL
    /// listeners.
    pub fn client(&self, listener: &str, mechanism: &str, user: (&str, &str)) -> ClientConfig {
        let mut c = super::client_config(&self.addr(listener));
        c.set("security.protocol", listener);
        if listener.starts_with("SASL") {
            c.set("sasl.mechanism", mechanism)
                .set("sasl.username", user.0)
                .set("sasl.password", user.1);
        }
        if listener.ends_with("SSL") {
            c.set(
                "ssl.ca.location",
                self.files.ca.to_str().expect("utf-8 path"),
            );
        }
        c
    }

    /// Writes a client certificate for `CN=<common_name>` (signed by the test CA) and returns
    /// the certificate and key paths.
    pub fn client_certificate(&self, common_name: &str) -> (PathBuf, PathBuf) {
        let made = self
            .ca
            .client(common_name, Some("Streamline Tests"), 30)
            .expect("client certificate");
        let cert = self.dir.path().join(format!("{common_name}.pem"));
        let key = self.dir.path().join(format!("{common_name}.key"));
        std::fs::write(&cert, made.cert_pem).expect("write");
        dev_certs::write_private(&key, &made.key_pem).expect("write");
        (cert, key)
    }

    /// A client certificate for `common_name` signed by a CA the broker does not trust; the
    /// certificate and key paths.
    pub fn stranger_certificate(&self, common_name: &str) -> (PathBuf, PathBuf) {
        let made = DevCa::new("Stranger CA", 30)
            .expect("CA")
            .client(common_name, None, 30)
            .expect("client certificate");
        let cert = self.dir.path().join(format!("stranger-{common_name}.pem"));
        let key = self.dir.path().join(format!("stranger-{common_name}.key"));
        std::fs::write(&cert, made.cert_pem).expect("write");
        dev_certs::write_private(&key, &made.key_pem).expect("write");
        (cert, key)
    }

    /// SASL sessions renewed on the same connection so far (KIP-368).
    pub fn reauthentications(&self) -> u64 {
        self.connection_metric(|c| &c.reauthentications)
    }

    /// SASL logins refused so far.
    pub fn authentication_failures(&self) -> u64 {
        self.connection_metric(|c| &c.authentication_failures)
    }

    /// Connections closed by a failed TLS handshake so far.
    pub fn tls_handshake_failures(&self) -> u64 {
        self.connection_metric(|c| &c.tls_handshake_failures)
    }

    fn connection_metric(
        &self,
        pick: impl Fn(&streamline::metrics::ConnectionMetrics) -> &std::sync::atomic::AtomicU64,
    ) -> u64 {
        pick(&self.server.server.broker().metrics.connections)
            .load(std::sync::atomic::Ordering::Relaxed)
    }
}
