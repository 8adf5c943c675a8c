//! The network server: binds the listeners, opens the broker on the data directory (holding its
//! lock), runs an accept loop per listener and the background duties (retention, compaction,
//! interval fsync, TLS certificate reloads), and shuts all of it down in order — stop
//! accepting, stop the cleaner, finish requests, fsync every log, release the lock.

pub mod connection;
pub mod dispatch;
#[cfg(feature = "http")]
pub mod http;
pub mod jwks_fetch;
pub mod listener;
pub mod listener_config;
pub mod sasl;
#[cfg(feature = "schema-registry")]
pub mod schema_http;
pub mod session;
mod warn_limit;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::broker::{Broker, BrokerSettings, Endpoint, ListenerEndpoint};
use crate::config::{FsyncPolicy, ServerConfig};
use crate::lock::DataDirLock;
use crate::security::credentials::Change;
use crate::security::scram::{Credential, Mechanism};
use crate::security::ssl_principal::PrincipalMapper;
use crate::security::tls::{ServerTls, TlsFiles};
use crate::storage::cleaner::Throttle;
use crate::{Error, Result};
use listener_config::{ListenerSpec, SecurityProtocol};

/// How often the TLS files are checked for changes.
const TLS_RELOAD_CHECK: Duration = Duration::from_secs(10);

/// The PBKDF2 iterations of users created from `sasl_users` (Kafka's tools' default).
pub const SEEDED_USER_ITERATIONS: u32 = 4096;

/// A listener the server is serving on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundListener {
    pub name: String,
    pub protocol: SecurityProtocol,
    pub addr: SocketAddr,
    /// Whether clients must prove who they are (SASL, or required client certificates).
    pub authenticates: bool,
}

/// A running broker: listening, serving connections.
pub struct Server {
    addr: SocketAddr,
    listeners: Vec<BoundListener>,
    tls: Option<Arc<ServerTls>>,
    broker: Arc<Broker>,
    shutdown: watch::Sender<bool>,
    /// Tells the log cleaner to abandon its pass, so that shutdown does not wait for it.
    cleaner_stop: Arc<AtomicBool>,
    tasks: Vec<JoinHandle<()>>,
    #[cfg(feature = "http")]
    http: Option<http::HttpListener>,
    schema_registry_addr: Option<SocketAddr>,
}

impl Server {
    /// Opens the data directory (taking its lock), binds the listener and starts serving.
    pub async fn start(config: ServerConfig) -> Result<Server> {
        check_open_file_limit(&config)?;
        let mut lock = if config.in_memory {
            None
        } else {
            Some(DataDirLock::acquire(&config.data_dir)?)
        };
        let specs = listener_config::listeners_of(&config)?;
        let mechanisms = sasl::parse_mechanisms(&config.sasl_enabled_mechanisms)
            .map_err(Error::InvalidConfig)?;
        let principal_mapper = Arc::new(
            PrincipalMapper::parse(&config.ssl_principal_mapping_rules)
                .map_err(|e| Error::InvalidConfig(format!("ssl_principal_mapping_rules: {e}")))?,
        );
        let tls = if specs.iter().any(|s| s.protocol.uses_tls()) {
            let (Some(certificate), Some(key)) = (
                config.ssl_certificate_location.clone(),
                config.ssl_key_location.clone(),
            ) else {
                return Err(Error::InvalidConfig(
                    "TLS listeners need ssl_certificate_location and ssl_key_location".into(),
                ));
            };
            Some(Arc::new(ServerTls::load(TlsFiles {
                certificate,
                key,
                client_ca: config.ssl_ca_location.clone(),
                client_auth: config.ssl_client_auth,
            })?))
        } else {
            None
        };
        let mut bound = Vec::with_capacity(specs.len());
        for spec in &specs {
            let socket = TcpListener::bind(spec.addr)
                .await
                .map_err(|reason| Error::Listen {
                    addr: spec.addr,
                    http: false,
                    reason,
                })?;
            let addr = socket.local_addr()?;
            bound.push((spec.clone(), socket, addr));
        }
        let endpoints = bound
            .iter()
            .map(|(spec, _, addr)| {
                Ok(ListenerEndpoint {
                    name: spec.name.clone(),
                    endpoint: advertised_endpoint(spec.advertised.as_deref(), *addr)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let (Some(first), Some(first_endpoint)) = (bound.first(), endpoints.first()) else {
            return Err(Error::InvalidConfig("no listener is configured".into()));
        };
        let addr = first.2;
        let endpoint = first_endpoint.endpoint.clone();
        // The address the toolbox finds in the lock file: a PLAINTEXT listener if there is
        // one, since it connects there without credentials.
        let serving_addr = bound
            .iter()
            .find(|(spec, _, _)| spec.protocol == SecurityProtocol::Plaintext)
            .map_or(addr, |(_, _, a)| *a);
        // Up before the broker opens, so that readiness probes see the recovery.
        #[cfg(feature = "http")]
        let http = match config.http_addr {
            Some(http_addr) => Some(
                http::HttpListener::start(
                    http_addr,
                    crate::metrics::collect::ScrapeSettings {
                        partition_series: config.metrics_partition_series,
                        max_series: config.metrics_max_series,
                    },
                )
                .await?,
            ),
            None => None,
        };
        #[cfg(not(feature = "http"))]
        if config.http_addr.is_some() {
            return Err(Error::InvalidConfig(
                "http_addr needs the HTTP listener, which this build leaves out (the `http` \
                 feature)"
                    .into(),
            ));
        }
        let mut settings = BrokerSettings::from_config(&config, endpoint);
        settings.listeners = endpoints;
        let broker = tokio::task::spawn_blocking(move || Broker::open(settings))
            .await
            .map_err(|e| Error::Start(format!("opening the broker: {e}")))??;
        let broker = Arc::new(broker);
        seed_users(&broker, &config.sasl_users)?;
        let oauth_url = if mechanisms.contains(&sasl::SaslMechanism::OAuthBearer) {
            configure_oauth(&broker, &config).await?
        } else {
            None
        };
        #[cfg(feature = "http")]
        if let Some(http) = &http {
            http.state().serving(broker.clone());
        }
        let (shutdown, shutdown_rx) = watch::channel(false);
        // Up before the lock file names the server, which then names its address too.
        let registry = match config.schema_registry_addr {
            Some(addr) => Some(start_schema_registry(addr, &broker, &shutdown_rx).await?),
            None => None,
        };
        let schema_registry_addr = registry.as_ref().map(|(addr, _)| *addr);
        if let Some(mut lock) = lock.take() {
            lock.set_serving_addrs(serving_addr, schema_registry_addr)?;
            // Released with the broker, when its last user is done with it.
            broker.hold_lock(lock);
        }
        let limits = listener::Limits {
            max_connections: config.max_connections,
            max_connections_per_ip: config.max_connections_per_ip,
            queued_max_request_bytes: config.queued_max_request_bytes,
            connection: connection::Limits {
                max_frame_bytes: config.max_frame_bytes,
                idle: Duration::from_millis(config.connections_max_idle_ms),
                first_request: Duration::from_millis(config.first_request_timeout_ms),
            },
        };
        let admission = listener::Admission::new(&limits);
        let reauth = (config.connections_max_reauth_ms > 0)
            .then(|| Duration::from_millis(config.connections_max_reauth_ms));
        let mut tasks = Vec::new();
        let mut listeners = Vec::new();
        for (spec, socket, bound_addr) in bound {
            let authenticates = spec.authenticates(config.ssl_client_auth);
            let ListenerSpec { name, protocol, .. } = spec;
            listeners.push(BoundListener {
                name: name.clone(),
                protocol,
                addr: bound_addr,
                authenticates,
            });
            let runtime = Arc::new(listener::ListenerRuntime {
                security: Arc::new(session::ListenerSecurity {
                    name: Arc::from(name.as_str()),
                    protocol,
                    mechanisms: mechanisms.clone(),
                    reauth,
                }),
                tls: protocol.uses_tls().then(|| tls.clone()).flatten(),
                principal_mapper: principal_mapper.clone(),
            });
            tasks.push(tokio::spawn(listener::accept_loop(
                socket,
                runtime,
                admission.clone(),
                broker.clone(),
                limits,
                shutdown_rx.clone(),
            )));
        }
        if let Some(url) = oauth_url {
            tasks.push(tokio::spawn(refresh_jwks(
                broker.clone(),
                url,
                shutdown_rx.clone(),
            )));
        }
        tasks.extend(registry.map(|(_, task)| task));
        if let Some(tls) = &tls {
            let tls = tls.clone();
            tasks.push(tokio::spawn(every(
                TLS_RELOAD_CHECK,
                shutdown_rx.clone(),
                move || reload_tls(&tls, false),
            )));
        }
        tasks.push(tokio::spawn(every(
            Duration::from_millis(config.log_retention_check_interval_ms.max(1)),
            shutdown_rx.clone(),
            {
                let broker = broker.clone();
                move || {
                    broker.snapshot_producers();
                    let deleted = broker.apply_retention();
                    if deleted > 0 {
                        tracing::info!(segments = deleted, "retention deleted segments");
                    }
                }
            },
        )));
        let cleaner_stop = Arc::new(AtomicBool::new(false));
        if config.log_cleaner_enable {
            let throttle = Throttle::new(Some(config.log_cleaner_io_max_bytes_per_second))
                .stopped_by(cleaner_stop.clone());
            let throttle = Arc::new(std::sync::Mutex::new(throttle));
            let broker = broker.clone();
            tasks.push(tokio::spawn(every(
                Duration::from_millis(config.log_cleaner_backoff_ms.max(1)),
                shutdown_rx.clone(),
                move || {
                    let mut throttle = throttle.lock().unwrap_or_else(|e| e.into_inner());
                    broker.clean_logs(&mut throttle);
                },
            )));
        }
        tasks.push(tokio::spawn(tick_groups(
            broker.clone(),
            shutdown_rx.clone(),
        )));
        if config.fsync == FsyncPolicy::Interval {
            let broker = broker.clone();
            tasks.push(tokio::spawn(every(
                Duration::from_millis(config.fsync_interval_ms.max(1)),
                shutdown_rx,
                move || {
                    if let Err(e) = broker.flush_all() {
                        tracing::error!(error = %e, "interval fsync failed");
                    }
                },
            )));
        }
        Ok(Server {
            addr,
            listeners,
            tls,
            broker,
            shutdown,
            cleaner_stop,
            tasks,
            #[cfg(feature = "http")]
            http,
            schema_registry_addr,
        })
    }

    /// The address the HTTP listener is bound to, when there is one.
    #[cfg(feature = "http")]
    pub fn http_addr(&self) -> Option<SocketAddr> {
        self.http.as_ref().map(http::HttpListener::addr)
    }

    /// The address the first listener is bound to (useful when port 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every listener, in the order configured, with its bound address.
    pub fn listeners(&self) -> &[BoundListener] {
        &self.listeners
    }

    /// The bound address of the listener named `name` (case-insensitive).
    pub fn listener_addr(&self, name: &str) -> Option<SocketAddr> {
        self.listeners
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(name))
            .map(|l| l.addr)
    }

    /// Rereads the TLS certificate, key and CA files now (SIGHUP); new handshakes use them,
    /// open connections carry on. On an error the old files stay in force, and it is logged.
    pub fn reload_tls(&self) {
        if let Some(tls) = &self.tls {
            reload_tls(tls, true);
        }
    }

    /// When the TLS listeners' certificate expires (Unix seconds), if there are any.
    pub fn certificate_expiry(&self) -> Option<i64> {
        self.tls.as_ref().and_then(|t| t.not_after())
    }

    /// The address the schema registry's listener is bound to, when there is one.
    pub fn schema_registry_addr(&self) -> Option<SocketAddr> {
        self.schema_registry_addr
    }

    /// The broker core this server serves.
    pub fn broker(&self) -> &Arc<Broker> {
        &self.broker
    }

    /// Stops accepting, closes connections and flushes every log to disk; the data directory's
    /// lock goes with the broker core, when the last handle on it (this server's, an embedded
    /// broker's client) is dropped.
    pub async fn shutdown(self) -> Result<()> {
        #[cfg(feature = "http")]
        if let Some(http) = &self.http {
            http.state().shutting_down();
        }
        self.cleaner_stop.store(true, Ordering::Relaxed);
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
        let broker = self.broker.clone();
        tokio::task::spawn_blocking(move || broker.checkpoint())
            .await
            .map_err(|e| Error::Start(format!("flushing logs: {e}")))??;
        #[cfg(feature = "http")]
        if let Some(http) = self.http {
            http.stop().await;
        }
        Ok(())
    }
}

impl Server {
    /// Stops at once, without waiting: for a `Drop`, where nothing can be awaited. Requests
    /// in flight are cut off (their clients retry, as after any lost connection) and every
    /// log is flushed to disk. The listener closes, and the data directory is released, once
    /// the runtime has wound down the cancelled tasks (and any request still writing).
    pub fn stop_now(self) {
        #[cfg(feature = "http")]
        if let Some(http) = &self.http {
            http.state().shutting_down();
        }
        self.cleaner_stop.store(true, Ordering::Relaxed);
        let _ = self.shutdown.send(true);
        for task in &self.tasks {
            task.abort();
        }
        if let Err(e) = self.broker.checkpoint() {
            tracing::error!(error = %e, "flushing logs at shutdown failed");
        }
        #[cfg(feature = "http")]
        if let Some(http) = self.http {
            http.stop_now();
        }
    }
}

/// Opens the schema registry on the broker's `_schemas` topic and serves it on `addr`.
#[cfg(feature = "schema-registry")]
async fn start_schema_registry(
    addr: SocketAddr,
    broker: &Arc<Broker>,
    stop: &watch::Receiver<bool>,
) -> Result<(SocketAddr, JoinHandle<()>)> {
    // Created up front, so that it is there (compacted, one partition) before any client looks.
    crate::schema::store::partition(broker)
        .map_err(|e| Error::Start(format!("opening the schema registry: {}", e.message)))?;
    let registry = crate::schema::registry::Registry::open(broker.clone())
        .map_err(|e| Error::Start(format!("opening the schema registry: {}", e.message)))?;
    schema_http::start(addr, Arc::new(registry), stop.clone()).await
}

#[cfg(not(feature = "schema-registry"))]
async fn start_schema_registry(
    _addr: SocketAddr,
    _broker: &Arc<Broker>,
    _stop: &watch::Receiver<bool>,
) -> Result<(SocketAddr, JoinHandle<()>)> {
    Err(Error::InvalidConfig(
        "schema_registry_addr needs the schema registry, which this build leaves out (the \
         `schema-registry` feature)"
            .into(),
    ))
}

/// Sets how OAUTHBEARER tokens are checked; returns the JWK set's URL when it is to be
/// refetched periodically.
async fn configure_oauth(broker: &Broker, config: &ServerConfig) -> Result<Option<String>> {
    let keys = match &config.sasl_oauthbearer_jwks_endpoint_url {
        Some(url) => Some(jwks_fetch::fetch(url).await?),
        None => {
            tracing::warn!(
                "OAUTHBEARER accepts unsecured tokens (no sasl_oauthbearer_jwks_endpoint_url): \
                 for development only"
            );
            None
        }
    };
    broker
        .security
        .set_oauth(crate::security::oauthbearer::Validation {
            keys,
            issuer: config.sasl_oauthbearer_expected_issuer.clone(),
            audience: config.sasl_oauthbearer_expected_audience.clone(),
            subject_claim: config.sasl_oauthbearer_sub_claim_name.clone(),
        });
    Ok(config
        .sasl_oauthbearer_jwks_endpoint_url
        .clone()
        .filter(|u| !u.starts_with("file://")))
}

/// Refetches the JWK set every [`jwks_fetch::REFRESH`]; a failure keeps the keys in force.
async fn refresh_jwks(broker: Arc<Broker>, url: String, mut shutdown: watch::Receiver<bool>) {
    let mut ticker = tokio::time::interval(jwks_fetch::REFRESH);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    loop {
        tokio::select! {
            _ = ticker.tick() => match jwks_fetch::fetch(&url).await {
                Ok(keys) => {
                    let mut validation = broker.security.oauth().clone();
                    validation.keys = Some(keys);
                    broker.security.set_oauth(validation);
                }
                Err(e) => tracing::warn!(error = %e, "cannot refetch the JWK set; the keys in force stay"),
            },
            _ = shutdown.changed() => return,
        }
    }
}

/// Rereads the TLS files: always when `now`, else only if they changed.
fn reload_tls(tls: &ServerTls, now: bool) {
    let outcome = if now {
        tls.reload().map(|()| true)
    } else {
        tls.reload_if_changed()
    };
    match outcome {
        Ok(true) => tracing::info!("TLS certificate reloaded"),
        Ok(false) => {}
        Err(e) => {
            tracing::error!(error = %e, "cannot reload the TLS certificate; the old one stays in force")
        }
    }
}

/// Creates the `NAME=PASSWORD` users of `sasl_users` that do not exist yet, with SCRAM-SHA-256
/// and SCRAM-SHA-512 credentials; an existing user keeps the credentials it has (changed since
/// with `streamline users`).
fn seed_users(broker: &Broker, users: &[String]) -> Result<()> {
    let mut changes = Vec::new();
    {
        let store = broker.security.credentials();
        for entry in users {
            let (name, password) = parse_seeded_user(entry)?;
            if store.has_user(name) {
                continue;
            }
            for mechanism in [Mechanism::Sha256, Mechanism::Sha512] {
                let credential = Credential::new(mechanism, password, SEEDED_USER_ITERATIONS)
                    .map_err(|e| Error::Start(format!("creating user {name}: {e}")))?;
                changes.push(Change::Upsert {
                    user: name.to_string(),
                    credential,
                });
            }
            tracing::info!(user = name, "created SASL user from sasl_users");
        }
    }
    if !changes.is_empty() {
        broker.security.credentials_mut().apply(changes)?;
    }
    Ok(())
}

/// Splits a `sasl_users` entry into its name and password.
pub fn parse_seeded_user(entry: &str) -> Result<(&str, &str)> {
    match entry.split_once('=') {
        Some((name, password)) if !name.trim().is_empty() && !password.is_empty() => {
            Ok((name.trim(), password))
        }
        _ => Err(Error::InvalidConfig(format!(
            "sasl_users entries are NAME=PASSWORD, not {:?}",
            entry.split_once('=').map_or(entry, |(name, _)| name)
        ))),
    }
}

/// The fewest open files a broker can serve with: its journals, the segment files it keeps
/// open at the least, and a few dozen connections.
const MIN_OPEN_FILES: u64 = 64;

/// Fails loudly at start when the open-file limit cannot work, rather than later by refusing
/// clients; warns when it leaves less room for connections than `max_connections` asks.
fn check_open_file_limit(config: &ServerConfig) -> Result<()> {
    let Some(limit) = crate::storage::descriptors::soft_limit() else {
        return Ok(());
    };
    if limit < MIN_OPEN_FILES {
        return Err(Error::Start(format!(
            "the open-file limit is {limit}, too low to serve (at least {MIN_OPEN_FILES} are \
             needed): raise it with `ulimit -n`"
        )));
    }
    // Half the limit goes to segment files (storage::descriptors), the rest to connections.
    // Said only when that is few: a laptop's 1,024 leaves ~500, plenty for development.
    let for_connections = limit / 2;
    if for_connections < 128 && config.max_connections as u64 > for_connections {
        tracing::warn!(
            "the open-file limit ({limit}) leaves room for about {for_connections} client \
             connections, fewer than max_connections ({}); raise it with `ulimit -n` or lower \
             --max-connections",
            config.max_connections
        );
    }
    Ok(())
}

/// Runs `duty` every `period` (on a blocking thread, since it does file I/O) until shutdown.
async fn every<F>(period: Duration, mut shutdown: watch::Receiver<bool>, duty: F)
where
    F: Fn() + Send + Sync + Clone + 'static,
{
    let mut ticker = tokio::time::interval(period);
    // A duty that overran its period runs again one period later, not in a burst.
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    loop {
        tokio::select! {
            _ = ticker.tick() => {
                let duty = duty.clone();
                let _ = tokio::task::spawn_blocking(duty).await;
            }
            _ = shutdown.changed() => return,
        }
    }
}

/// Drives group timers: expires members whose session lapsed and completes rebalances whose
/// timeout passed. The work is a short in-memory pass, so it runs on the async thread.
async fn tick_groups(broker: Arc<Broker>, mut shutdown: watch::Receiver<bool>) {
    let mut ticker = tokio::time::interval(Duration::from_millis(crate::broker::groups::TICK_MS));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticker.tick() => broker.tick(),
            _ = shutdown.changed() => return,
        }
    }
}

/// Where clients are told to connect: `--advertised-addr` if given, else the bound address,
/// with an unspecified IP (0.0.0.0 / ::) replaced by this machine's host name.
fn advertised_endpoint(advertised: Option<&str>, bound: SocketAddr) -> Result<Endpoint> {
    if let Some(a) = advertised {
        let invalid = |why: &str| Error::InvalidConfig(format!("advertised address '{a}' {why}"));
        let (host, port) = a
            .rsplit_once(':')
            .ok_or_else(|| invalid("must be host:port"))?;
        let port: u16 = port.parse().map_err(|_| invalid("has an invalid port"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(invalid("has no host"));
        }
        return Ok(Endpoint {
            host: host.to_string(),
            port: i32::from(port),
        });
    }
    let host = if bound.ip().is_unspecified() {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|h| h.trim().to_string())
            .ok()
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "localhost".to_string())
    } else {
        bound.ip().to_string()
    };
    Ok(Endpoint {
        host,
        port: i32::from(bound.port()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertised_endpoint_prefers_the_flag() {
        let bound: SocketAddr = "127.0.0.1:9092".parse().unwrap();
        let e = advertised_endpoint(Some("kafka.example:19092"), bound).unwrap();
        assert_eq!(
            e,
            Endpoint {
                host: "kafka.example".into(),
                port: 19092
            }
        );
        let e = advertised_endpoint(Some("[::1]:9093"), bound).unwrap();
        assert_eq!(e.host, "::1");
        assert!(advertised_endpoint(Some("nohost"), bound).is_err());
        assert!(advertised_endpoint(Some("h:99999"), bound).is_err());
        let e = advertised_endpoint(None, bound).unwrap();
        assert_eq!(
            e,
            Endpoint {
                host: "127.0.0.1".into(),
                port: 9092
            }
        );
    }
}
