//! Connection flags shared by every client command, and the choice of backend they imply:
//! `-b` → the named cluster; a `serve` running on the data directory → that server; otherwise
//! the data directory opened in-process.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use std::time::Duration;

use anyhow::Context;
use streamline::client::transport::Timeouts;
use streamline::client::{Client, Target};

use crate::timespec::{duration_arg, parse_duration};

/// Where a command reads and writes.
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectArgs {
    /// Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is
    /// used, through the server running on it if there is one
    #[arg(
        short = 'b',
        long = "bootstrap-server",
        env = "STREAMLINE_BROKERS",
        value_name = "HOST:PORT",
        global = true
    )]
    pub bootstrap: Option<String>,

    /// Data directory to open in-process when no -b is given [default: ./data]
    #[arg(long, env = "STREAMLINE_DATA_DIR", value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Use a saved connection profile (see `streamline profile`); -b and --data-dir override it
    #[arg(
        short = 'P',
        long,
        env = "STREAMLINE_PROFILE",
        value_name = "NAME",
        global = true
    )]
    pub profile: Option<String>,

    /// How long to wait for a connection to a broker and its first answer [default: 10s]
    #[arg(
        long,
        env = "STREAMLINE_CONNECT_TIMEOUT",
        value_name = "DURATION",
        value_parser = duration_arg,
        global = true
    )]
    pub connect_timeout: Option<String>,

    /// How long to wait for each answer, beyond the wait a request asks for [default: 30s]
    #[arg(
        long,
        env = "STREAMLINE_REQUEST_TIMEOUT",
        value_name = "DURATION",
        value_parser = duration_arg,
        global = true
    )]
    pub request_timeout: Option<String>,

    /// A client property with librdkafka's name (repeatable): client.id, request.timeout.ms,
    /// socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol,
    /// sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config,
    /// sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and
    /// scope, ssl.ca.location,
    /// ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm,
    /// enable.ssl.certificate.verification; schema.registry.url,
    /// schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms,
    /// batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A
    /// command's own flags win over it;
    /// a property a command has no use for is accepted and ignored, as librdkafka does
    #[arg(short = 'X', value_name = "KEY=VALUE", value_parser = parse_property, global = true)]
    pub properties: Vec<Property>,

    #[command(flatten)]
    pub security: crate::security::SecurityArgs,
}

/// A secret given as a property: never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<hidden>")
    }
}

/// The client properties `-X` understands, with their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Property {
    /// `request.timeout.ms` and its librdkafka alias `socket.timeout.ms`.
    RequestTimeout(Duration),
    /// `socket.connection.setup.timeout.ms`.
    ConnectTimeout(Duration),
    /// `client.id`, sent in every request header.
    ClientId(String),
    /// `acks` (produce): 0, 1, or all / -1.
    Acks(i16),
    /// `compression.type` / `compression.codec` (produce).
    Compression(String),
    /// `linger.ms` (produce): how long a partly filled batch waits for more input.
    Linger(Duration),
    /// `batch.size` (produce): bytes per batch before it is sent.
    BatchSize(usize),
    /// `fetch.wait.max.ms` (consume): the longest a fetch waits for records.
    FetchWaitMax(Duration),
    /// `fetch.min.bytes` (consume): how much a fetch waits for, up to its wait.
    FetchMinBytes(i32),
    /// `enable.idempotence` (produce): a producer id and sequence numbers, so retried batches
    /// are written once.
    Idempotence(bool),
    /// `security.protocol`.
    SecurityProtocol(String),
    /// `sasl.mechanism` / `sasl.mechanisms`.
    SaslMechanism(String),
    /// `sasl.username`.
    SaslUsername(String),
    /// `sasl.password`.
    SaslPassword(Secret),
    /// `sasl.oauthbearer.config`: `principal=NAME [lifeSeconds=N] [scope=S]`, an unsecured
    /// OAUTHBEARER token for development brokers, as librdkafka makes one.
    SaslOAuthBearerConfig(String),
    /// `sasl.oauthbearer.method`: `default` or `oidc` (client credentials).
    SaslOAuthBearerMethod(String),
    /// `sasl.oauthbearer.token.endpoint.url`.
    SaslOAuthBearerTokenEndpoint(String),
    /// `sasl.oauthbearer.client.id`.
    SaslOAuthBearerClientId(String),
    /// `sasl.oauthbearer.client.secret`.
    SaslOAuthBearerClientSecret(Secret),
    /// `sasl.oauthbearer.scope`.
    SaslOAuthBearerScope(String),
    /// `ssl.ca.location`.
    SslCaLocation(PathBuf),
    /// `ssl.certificate.location`.
    SslCertificateLocation(PathBuf),
    /// `ssl.key.location`.
    SslKeyLocation(PathBuf),
    /// `ssl.endpoint.identification.algorithm`: `https` checks the host name, `none` does not.
    SslEndpointIdentification(bool),
    /// `enable.ssl.certificate.verification`.
    SslCertificateVerification(bool),
    /// `schema.registry.url`.
    SchemaRegistryUrl(String),
    /// `schema.registry.basic.auth.user.info`: `USER:PASSWORD`.
    SchemaRegistryUserInfo(Secret),
    /// `schema.registry.ssl.ca.location`.
    SchemaRegistryCaLocation(PathBuf),
}

const SUPPORTED: &str = "client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms, acks, compression.type, compression.codec, linger.ms, batch.size, enable.idempotence, fetch.wait.max.ms, fetch.min.bytes, security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method, sasl.oauthbearer.token.endpoint.url, sasl.oauthbearer.client.id, sasl.oauthbearer.client.secret, sasl.oauthbearer.scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification, schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location";

/// Parses `-X KEY=VALUE`; an unknown key or a bad value is a usage error naming it.
fn parse_property(text: &str) -> Result<Property, String> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not KEY=VALUE"))?;
    let (key, value) = (key.trim(), value.trim());
    let ms = |min: u64| {
        value
            .parse::<u64>()
            .ok()
            .filter(|ms| *ms >= min)
            .map(Duration::from_millis)
            .ok_or_else(|| {
                format!("{key} must be a number of milliseconds of at least {min}, not '{value}'")
            })
    };
    Ok(match key {
        "request.timeout.ms" | "socket.timeout.ms" => Property::RequestTimeout(ms(1)?),
        "socket.connection.setup.timeout.ms" => Property::ConnectTimeout(ms(1)?),
        "client.id" if !value.is_empty() => Property::ClientId(value.to_string()),
        "client.id" => return Err("client.id must not be empty".into()),
        "acks" => Property::Acks(match value {
            "0" => 0,
            "1" => 1,
            "all" | "-1" => -1,
            _ => return Err(format!("acks must be 0, 1, all or -1, not '{value}'")),
        }),
        "compression.type" | "compression.codec" => match value {
            "none" | "gzip" | "snappy" | "lz4" | "zstd" => Property::Compression(value.to_string()),
            _ => {
                return Err(format!(
                    "{key} must be none, gzip, snappy, lz4 or zstd, not '{value}'"
                ))
            }
        },
        "linger.ms" => Property::Linger(ms(0)?),
        "batch.size" => {
            Property::BatchSize(value.parse::<usize>().ok().filter(|b| *b >= 1).ok_or_else(
                || format!("batch.size must be a positive number of bytes, not '{value}'"),
            )?)
        }
        "fetch.wait.max.ms" => Property::FetchWaitMax(ms(0)?),
        "fetch.min.bytes" => {
            Property::FetchMinBytes(value.parse::<i32>().ok().filter(|b| *b >= 1).ok_or_else(
                || format!("fetch.min.bytes must be a positive number of bytes, not '{value}'"),
            )?)
        }
        "enable.idempotence" => Property::Idempotence(match value {
            "true" => true,
            "false" => false,
            _ => {
                return Err(format!(
                    "enable.idempotence must be true or false, not '{value}'"
                ))
            }
        }),
        "security.protocol" => Property::SecurityProtocol(value.to_string()),
        "sasl.mechanism" | "sasl.mechanisms" => Property::SaslMechanism(value.to_string()),
        "sasl.username" => Property::SaslUsername(value.to_string()),
        "sasl.password" => Property::SaslPassword(Secret(value.to_string())),
        "sasl.oauthbearer.config" => Property::SaslOAuthBearerConfig(value.to_string()),
        "sasl.oauthbearer.method" => Property::SaslOAuthBearerMethod(value.to_string()),
        "sasl.oauthbearer.token.endpoint.url" => {
            Property::SaslOAuthBearerTokenEndpoint(value.to_string())
        }
        "sasl.oauthbearer.client.id" => Property::SaslOAuthBearerClientId(value.to_string()),
        "sasl.oauthbearer.client.secret" => {
            Property::SaslOAuthBearerClientSecret(Secret(value.to_string()))
        }
        "sasl.oauthbearer.scope" => Property::SaslOAuthBearerScope(value.to_string()),
        "ssl.ca.location" => Property::SslCaLocation(PathBuf::from(value)),
        "ssl.certificate.location" => Property::SslCertificateLocation(PathBuf::from(value)),
        "ssl.key.location" => Property::SslKeyLocation(PathBuf::from(value)),
        "ssl.endpoint.identification.algorithm" => match value.to_ascii_lowercase().as_str() {
            "https" => Property::SslEndpointIdentification(true),
            "none" | "" => Property::SslEndpointIdentification(false),
            _ => {
                return Err(format!(
                    "ssl.endpoint.identification.algorithm must be https or none, not '{value}'"
                ))
            }
        },
        "enable.ssl.certificate.verification" => match value {
            "true" => Property::SslCertificateVerification(true),
            "false" => Property::SslCertificateVerification(false),
            _ => {
                return Err(format!(
                    "enable.ssl.certificate.verification must be true or false, not '{value}'"
                ))
            }
        },
        "schema.registry.url" => Property::SchemaRegistryUrl(value.to_string()),
        "schema.registry.basic.auth.user.info" | "basic.auth.user.info" => {
            Property::SchemaRegistryUserInfo(Secret(value.to_string()))
        }
        "schema.registry.ssl.ca.location" => {
            Property::SchemaRegistryCaLocation(PathBuf::from(value))
        }
        "ssl.key.password" => {
            return Err(
                "ssl.key.password: encrypted private keys are not supported; decrypt the key \
                 (openssl pkey -in key.pem -out plain.pem) and keep it readable by you only"
                    .into(),
            )
        }
        other => {
            return Err(format!(
                "unknown or unsupported client property '{other}' (supported: {SUPPORTED})"
            ))
        }
    })
}

impl ConnectArgs {
    /// The last `-X` value `pick` recognises.
    pub fn property<T>(&self, pick: impl Fn(&Property) -> Option<T>) -> Option<T> {
        self.properties.iter().rev().find_map(pick)
    }
}

impl ConnectArgs {
    /// The bootstrap servers and data directory the flags and the profile name, if any
    /// (the data directory `None` when neither names one).
    pub fn resolve(&self) -> anyhow::Result<(Option<String>, Option<PathBuf>)> {
        let profile = self.profile()?;
        Ok((
            self.bootstrap.clone().or(profile.bootstrap),
            self.data_dir.clone().or(profile.data_dir),
        ))
    }

    /// The profile named by -P, or an empty one.
    pub fn profile_settings(&self) -> anyhow::Result<crate::profile::Profile> {
        self.profile()
    }

    fn profile(&self) -> anyhow::Result<crate::profile::Profile> {
        match &self.profile {
            Some(name) => crate::profile::get(name),
            None => Ok(crate::profile::Profile::default()),
        }
    }

    /// The timeouts: the defaults, then the profile's, then -X, then the flags (or their
    /// environment variables).
    fn timeouts_with(&self, profile: &crate::profile::Profile) -> anyhow::Result<Timeouts> {
        let mut timeouts = Timeouts::default();
        let parse = |what: &str, text: &str| {
            parse_duration(text).with_context(|| format!("{what} '{text}'"))
        };
        if let Some(t) = &profile.connect_timeout {
            timeouts.connect = parse("the profile's connect_timeout", t)?;
        }
        if let Some(t) = &profile.request_timeout {
            timeouts.request = parse("the profile's request_timeout", t)?;
        }
        for property in &self.properties {
            match property {
                Property::RequestTimeout(value) => timeouts.request = *value,
                Property::ConnectTimeout(value) => timeouts.connect = *value,
                _ => {}
            }
        }
        if let Some(t) = &self.connect_timeout {
            timeouts.connect = parse("--connect-timeout", t)?;
        }
        if let Some(t) = &self.request_timeout {
            timeouts.request = parse("--request-timeout", t)?;
        }
        Ok(timeouts)
    }

    /// `-X client.id`, if given.
    fn client_id(&self) -> Option<String> {
        self.property(|p| match p {
            Property::ClientId(id) => Some(id.clone()),
            _ => None,
        })
    }

    /// How connections are secured, as the flags, -X and the profile say.
    pub fn security_settings(
        &self,
    ) -> anyhow::Result<streamline::client::security::ClientSecurity> {
        Ok(self.target()?.security)
    }

    /// Where and how to connect: the flags over the profile (read once), ./data by default.
    fn target(&self) -> anyhow::Result<Target> {
        let profile = self.profile()?;
        Ok(Target {
            bootstrap: self.bootstrap.clone().or_else(|| profile.bootstrap.clone()),
            data_dir: self
                .data_dir
                .clone()
                .or_else(|| profile.data_dir.clone())
                .unwrap_or_else(|| PathBuf::from("./data")),
            timeouts: self.timeouts_with(&profile)?,
            client_id: self.client_id(),
            security: crate::security::client_security(&self.security, &self.properties, &profile)?,
        })
    }

    /// A Remote client for `bootstrap` (another cluster than the target, such as a migration's
    /// source) with this command's timeouts and client id.
    pub async fn remote(&self, bootstrap: &str) -> streamline::Result<Client> {
        let target = self
            .target()
            .map_err(|e| streamline::Error::Client(format!("{e:#}")))?;
        Client::remote_secured(
            bootstrap,
            target.timeouts,
            target
                .client_id
                .as_deref()
                .unwrap_or(streamline::client::CLIENT_ID),
            &target.security,
        )
        .await
    }

    /// Connects as the flags (and the profile, if any) say — or, inside `streamline shell`,
    /// hands out the shell's connection when they name the same target.
    pub async fn connect(&self) -> anyhow::Result<Arc<Client>> {
        let target = self.target()?;
        let (bootstrap, data_dir) = (target.bootstrap.clone(), target.data_dir.clone());
        if let Some((session_target, client)) =
            SESSION.lock().unwrap_or_else(|e| e.into_inner()).as_ref()
        {
            // Inside the shell a command that names no target of its own uses the session's.
            let names_none =
                self.bootstrap.is_none() && self.data_dir.is_none() && self.profile.is_none();
            if names_none || *session_target == target {
                return Ok(client.clone());
            }
        }
        let client = match Client::connect(&target).await {
            Ok(client) => client,
            // One address: the error names it already.
            Err(e) if bootstrap.as_deref().is_some_and(|b| !b.contains(',')) => {
                return Err(e.into())
            }
            Err(e) => {
                return Err(anyhow::Error::from(e).context(match &bootstrap {
                    Some(b) => format!("cannot reach the Kafka cluster at {b}"),
                    None => format!("cannot open the data directory {}", data_dir.display()),
                }))
            }
        };
        Ok(Arc::new(client))
    }

    /// Connects and makes this connection the one every later [`ConnectArgs::connect`] to the
    /// same target returns (the shell's session).
    pub async fn connect_session(&self) -> anyhow::Result<Arc<Client>> {
        let client = self.connect().await?;
        let target = self.target()?;
        *SESSION.lock().unwrap_or_else(|e| e.into_inner()) = Some((target, client.clone()));
        Ok(client)
    }

    /// Ends the session: the connection closes once the last command holding it is done.
    pub fn end_session() {
        SESSION.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// The shell's connection and the target it was made for.
static SESSION: Mutex<Option<(Target, Arc<Client>)>> = Mutex::new(None);
