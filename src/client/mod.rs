//! The client layer every `streamline` command uses: one interface, two backends.
//!
//! - **Local** opens the data directory in-process (under its lock) and hands request frames
//!   straight to the broker core's dispatcher — no TCP, no server.
//! - **Remote** speaks the Kafka protocol over TCP to any Kafka-compatible cluster: bootstrap,
//!   ApiVersions negotiation per broker, metadata, and routing of every partition request to
//!   that partition's leader.
//!
//! Both go through [`Client::send`], which picks the highest version both sides support, so
//! the higher-level operations (admin, produce, fetch, offsets) are written once.

pub mod admin;
pub mod fetch;
pub mod groups;
pub mod member;
pub mod offsets;
pub mod oidc;
pub mod partitioner;
pub mod produce;
pub mod records;
mod retry;
mod sasl;
pub mod security;
pub mod security_admin;
pub mod transactions;
pub mod transport;
pub mod watch;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
use kafka_protocol::messages::{
    ApiKey, ApiVersionsRequest, MetadataRequest, MetadataResponse, RequestHeader, ResponseHeader,
    TopicName,
};
use kafka_protocol::protocol::{Decodable, Encodable, Request, StrBytes};
use tokio::sync::Mutex;

use crate::broker::{Broker, BrokerSettings, Endpoint};
use crate::config::ServerConfig;
use crate::lock::{read_holder, DataDirLock};
use crate::protocol::versions::SUPPORTED_APIS;
use crate::{Error, Result};
use transport::{ApiRanges, RemoteConnection, Timeouts, Transport};

/// How long a request waits for a partition to get a leader, or a group its coordinator.
pub const LEADER_WAIT: Duration = Duration::from_secs(30);

/// The first and the longest pause between retries of a retriable error.
pub const RETRY_BACKOFF_MIN: Duration = Duration::from_millis(50);
pub const RETRY_BACKOFF_MAX: Duration = Duration::from_secs(1);

/// The client id sent with every request.
pub const CLIENT_ID: &str = "streamline";

/// Where a command should connect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// `-b/--bootstrap-server`: a comma-separated list of host:port.
    pub bootstrap: Option<String>,
    /// `--data-dir`: the directory a Local client opens (or whose server it finds).
    pub data_dir: PathBuf,
    /// How long a Remote client waits for connections and answers.
    pub timeouts: Timeouts,
    /// The client id sent in request headers ([`CLIENT_ID`] when `None`).
    pub client_id: Option<String>,
    /// How Remote connections are secured (TLS, SASL).
    pub security: security::ClientSecurity,
}

/// One broker the client talks to, with the API versions it supports.
pub struct Node {
    transport: Transport,
    apis: ApiRanges,
}

/// Which backend a client ended up with, for messages to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Local {
        data_dir: PathBuf,
    },
    Remote {
        bootstrap: String,
    },
    /// A broker core running in this process (an embedded broker).
    InProcess,
}

/// A connected client. Cheap to share behind an `Arc`.
pub struct Client {
    mode: Mode,
    bootstrap: Arc<Node>,
    /// Broker addresses by node id, from the latest metadata.
    brokers: Mutex<HashMap<i32, String>>,
    /// Open connections by node id.
    nodes: Mutex<HashMap<i32, Arc<Node>>>,
    /// Leaders by (topic, partition), from the latest metadata.
    leaders: Mutex<HashMap<(String, i32), i32>>,
    correlation: AtomicI32,
    /// The patience of every connection this client opens.
    timeouts: Timeouts,
    /// Sent in every request header; shared bytes, so encoding a request copies nothing.
    client_id: StrBytes,
    /// `fetch.min.bytes`: how much a fetch waits for (up to its wait) before answering.
    fetch_min_bytes: AtomicI32,
    /// Fetches in flight on leaders that had not answered when the last fetch returned.
    pending_fetches: Mutex<HashMap<usize, fetch::PendingFetch>>,
    /// Held for a Local client: the data directory is ours until the client is dropped.
    lock: Option<DataDirLock>,
    /// The broker core of a Local or in-process client, which requests reach directly.
    local: Option<Arc<Broker>>,
    /// For a Local client: the task driving consumer-group timers (session expiry, rebalance
    /// completion), as the server does; stopped when the client is dropped.
    group_timers: Option<tokio::task::JoinHandle<()>>,
    /// The data directory of the server this Remote client found running on it: what the
    /// wire does not carry (compaction state) is read from its files.
    served_dir: Option<PathBuf>,
    /// How this client's Remote connections are set up (TLS, SASL).
    setup: transport::ConnectionSetup,
}

impl Client {
    /// Sets `fetch.min.bytes` for this client's fetches (at least 1).
    pub fn set_fetch_min_bytes(&self, bytes: i32) {
        self.fetch_min_bytes
            .store(bytes.max(1), std::sync::atomic::Ordering::Relaxed);
    }

    /// Connects as the target says: `bootstrap` → Remote; a server running on the data
    /// directory → Remote to it; otherwise → Local on the data directory.
    pub async fn connect(target: &Target) -> Result<Client> {
        let client_id = target.client_id.as_deref().unwrap_or(CLIENT_ID);
        if let Some(bootstrap) = &target.bootstrap {
            return Client::remote_secured(bootstrap, target.timeouts, client_id, &target.security)
                .await;
        }
        if let Some(holder) = read_holder(&target.data_dir) {
            return match holder.serving_addr {
                Some(addr) => {
                    let mut client = Client::remote_secured(
                        &addr.to_string(),
                        target.timeouts,
                        client_id,
                        &target.security,
                    )
                    .await?;
                    client.served_dir = Some(target.data_dir.clone());
                    Ok(client)
                }
                None => Err(Error::DataDirLocked {
                    path: target.data_dir.display().to_string(),
                    holder: format!(
                        "process {} (not serving; wait for it to finish, or pass -b to reach a broker)",
                        holder.pid
                    ),
                }),
            };
        }
        Client::local(&target.data_dir).await
    }

    /// Opens the data directory in-process.
    pub async fn local(data_dir: &std::path::Path) -> Result<Client> {
        let lock = DataDirLock::acquire(data_dir)?;
        let config = ServerConfig {
            data_dir: data_dir.to_path_buf(),
            ..ServerConfig::default()
        };
        let settings = BrokerSettings::from_config(
            &config,
            Endpoint {
                host: "local".into(),
                port: 0,
            },
        );
        let broker = tokio::task::spawn_blocking(move || Broker::open(settings))
            .await
            .map_err(|e| Error::Client(format!("opening the data directory: {e}")))??;
        let broker = Arc::new(broker);
        let group_timers = tokio::spawn(drive_group_timers(broker.clone()));
        let mut client = Client::over(
            broker.clone(),
            Mode::Local {
                data_dir: data_dir.to_path_buf(),
            },
        );
        client.lock = Some(lock);
        client.group_timers = Some(group_timers);
        Ok(client)
    }

    /// A client of a broker core this process already runs (an embedded broker): requests
    /// go straight to its dispatcher. Its owner drives its timers and flushes it.
    pub(crate) fn in_process(broker: Arc<Broker>) -> Client {
        Client::over(broker, Mode::InProcess)
    }

    fn over(broker: Arc<Broker>, mode: Mode) -> Client {
        let apis = SUPPORTED_APIS
            .iter()
            .map(|a| (a.key as i16, (a.min_version, a.max_version)))
            .collect();
        let node = Arc::new(Node {
            transport: Transport::Local(broker.clone()),
            apis,
        });
        Client {
            mode,
            bootstrap: node,
            brokers: Mutex::new(HashMap::new()),
            nodes: Mutex::new(HashMap::new()),
            leaders: Mutex::new(HashMap::new()),
            correlation: AtomicI32::new(1),
            timeouts: Timeouts::default(),
            client_id: StrBytes::from_static_str(CLIENT_ID),
            fetch_min_bytes: AtomicI32::new(1),
            pending_fetches: Mutex::new(HashMap::new()),
            lock: None,
            local: Some(broker),
            group_timers: None,
            served_dir: None,
            setup: transport::ConnectionSetup::plaintext(CLIENT_ID),
        }
    }

    /// Connects to the first reachable broker of a comma-separated bootstrap list.
    pub async fn remote(bootstrap: &str) -> Result<Client> {
        Client::remote_as(bootstrap, Timeouts::default(), CLIENT_ID).await
    }

    /// [`Client::remote`] with its own timeouts, sending `client_id` in its request headers.
    pub async fn remote_as(bootstrap: &str, timeouts: Timeouts, client_id: &str) -> Result<Client> {
        Client::remote_secured(
            bootstrap,
            timeouts,
            client_id,
            &security::ClientSecurity::default(),
        )
        .await
    }

    /// [`Client::remote_as`] over connections secured as `security` says.
    pub async fn remote_secured(
        bootstrap: &str,
        timeouts: Timeouts,
        client_id: &str,
        security: &security::ClientSecurity,
    ) -> Result<Client> {
        let mut sasl = security.sasl.clone();
        // OIDC: the bearer token comes from the token endpoint, once per client.
        if let (Some(oidc), Some(login)) = (&security.oidc, sasl.as_mut()) {
            login.password = oidc.token().await?;
        }
        let setup = transport::ConnectionSetup {
            tls: security.tls_config()?,
            sasl,
            client_id: StrBytes::from_string(client_id.to_string()),
        };
        Client::remote_with_setup(bootstrap, timeouts, setup).await
    }

    /// A second client of the same cluster, with its own connections, set up as this one's
    /// are (the same timeouts, client id and security); a Remote client only.
    pub async fn reconnect(&self) -> Result<Client> {
        match &self.mode {
            Mode::Remote { bootstrap } => {
                Client::remote_with_setup(bootstrap, self.timeouts, self.setup.clone()).await
            }
            _ => Err(Error::Client(
                "only a client of a remote cluster can open a second connection".into(),
            )),
        }
    }

    async fn remote_with_setup(
        bootstrap: &str,
        timeouts: Timeouts,
        setup: transport::ConnectionSetup,
    ) -> Result<Client> {
        let mut failures = Vec::new();
        for addr in bootstrap
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            let client_id = setup.client_id.clone();
            match open_node(addr, timeouts, &setup).await {
                Ok(node) => {
                    return Ok(Client {
                        mode: Mode::Remote {
                            bootstrap: bootstrap.to_string(),
                        },
                        bootstrap: Arc::new(node),
                        brokers: Mutex::new(HashMap::new()),
                        nodes: Mutex::new(HashMap::new()),
                        leaders: Mutex::new(HashMap::new()),
                        correlation: AtomicI32::new(1),
                        timeouts,
                        client_id,
                        fetch_min_bytes: AtomicI32::new(1),
                        pending_fetches: Mutex::new(HashMap::new()),
                        lock: None,
                        local: None,
                        group_timers: None,
                        served_dir: None,
                        setup,
                    })
                }
                Err(e) => failures.push(e),
            }
        }
        match failures.len() {
            0 => Err(Error::Client(format!("no broker address in '{bootstrap}'"))),
            // Its message names the address already.
            1 => Err(failures.remove(0)),
            _ => Err(Error::Connection(format!(
                "no broker reachable: {}",
                failures
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ))),
        }
    }

    /// Which backend this client uses.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The timeouts its connections use.
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// The client id its requests carry.
    pub fn client_id(&self) -> &str {
        self.client_id.as_str()
    }

    /// Sends `req` to the bootstrap broker (or the in-process core).
    pub async fn send<R>(&self, req: &R, max_version: Option<i16>) -> Result<R::Response>
    where
        R: Request + Encodable,
    {
        let first = self
            .send_to(&self.bootstrap, req, max_version, Duration::ZERO, true)
            .await;
        let failure = match first {
            Ok(response) => {
                return response.ok_or_else(|| Error::Client("the broker sent no response".into()))
            }
            Err(e @ Error::Connection(_)) if self.local.is_none() => e,
            Err(e) => return Err(e),
        };
        // The bootstrap broker is gone (stopped, restarted, unreachable): any other broker of
        // the cluster answers cluster-wide requests the same, as Kafka's clients assume.
        let known: Vec<i32> = self.brokers.lock().await.keys().copied().collect();
        for id in known {
            let Ok(node) = self.node(id).await else {
                continue;
            };
            if let Ok(Some(response)) = self
                .send_to(&node, req, max_version, Duration::ZERO, true)
                .await
            {
                return Ok(response);
            }
        }
        Err(failure)
    }

    /// Sends `req` to `node` at the highest version both sides support (capped at
    /// `max_version`). With `expect_response` false (Produce with acks=0, which the broker
    /// never answers) it returns `Ok(None)` once the request is written.
    pub async fn send_to<R>(
        &self,
        node: &Node,
        req: &R,
        max_version: Option<i16>,
        extra_wait: Duration,
        expect_response: bool,
    ) -> Result<Option<R::Response>>
    where
        R: Request + Encodable,
    {
        let prepared = self.prepare(node, req, max_version)?;
        round_trip::<R>(&node.transport, prepared, expect_response, extra_wait).await
    }

    /// Negotiates the version of `req` for `node` and encodes it with the next correlation id,
    /// for a request whose answer is awaited elsewhere (a spawned fetch).
    pub(crate) fn prepare<R>(
        &self,
        node: &Node,
        req: &R,
        max_version: Option<i16>,
    ) -> Result<Prepared>
    where
        R: Request + Encodable,
    {
        let key = ApiKey::try_from(R::KEY)
            .map_err(|_| Error::Client(format!("unknown api key {}", R::KEY)))?;
        let version = negotiate(
            &node.apis,
            key,
            R::VERSIONS.min,
            R::VERSIONS.max.min(max_version.unwrap_or(i16::MAX)),
        )?;
        let correlation_id = self.correlation.fetch_add(1, Ordering::Relaxed);
        let frame = encode_request(key, version, correlation_id, &self.client_id, req)?;
        Ok(Prepared {
            key,
            version,
            correlation_id,
            frame,
        })
    }

    /// The version `send_to` will use for `R` on `node`, for requests whose fields depend on it.
    pub fn version_for<R: Request>(&self, node: &Node, max_version: Option<i16>) -> Result<i16> {
        let key = ApiKey::try_from(R::KEY)
            .map_err(|_| Error::Client(format!("unknown api key {}", R::KEY)))?;
        negotiate(
            &node.apis,
            key,
            R::VERSIONS.min,
            R::VERSIONS.max.min(max_version.unwrap_or(i16::MAX)),
        )
    }

    /// The data directory of the server this client reached through its lock file.
    pub fn served_dir(&self) -> Option<&std::path::Path> {
        self.served_dir.as_deref()
    }

    /// The in-process broker core, for Local clients.
    pub fn local_broker(&self) -> Option<&Arc<Broker>> {
        self.local.as_ref()
    }

    /// Fetches metadata for `topics` (all topics when `None`) and refreshes the routing
    /// tables. Topics are never auto-created by this call.
    pub async fn metadata(&self, topics: Option<&[String]>) -> Result<MetadataResponse> {
        self.metadata_with(topics, false).await
    }

    /// The partitions of `topic`, sorted; the broker may create the topic when `auto_create`
    /// is set and its configuration allows it (as producers expect).
    pub async fn partitions(&self, topic: &str, auto_create: bool) -> Result<Vec<i32>> {
        let metadata = self
            .metadata_with(Some(&[topic.to_string()]), auto_create)
            .await?;
        let t = metadata
            .topics
            .first()
            .ok_or_else(|| Error::Client(format!("no metadata for topic '{topic}'")))?;
        admin::check_topic(t.error_code, topic)?;
        let mut partitions: Vec<i32> = t.partitions.iter().map(|p| p.partition_index).collect();
        partitions.sort_unstable();
        Ok(partitions)
    }

    async fn metadata_with(
        &self,
        topics: Option<&[String]>,
        auto_create: bool,
    ) -> Result<MetadataResponse> {
        let req = MetadataRequest::default()
            .with_topics(topics.map(|names| {
                names
                    .iter()
                    .map(|n| {
                        MetadataRequestTopic::default()
                            .with_name(Some(TopicName(StrBytes::from_string(n.clone()))))
                    })
                    .collect()
            }))
            .with_allow_auto_topic_creation(auto_create);
        let response = self.send(&req, Some(12)).await?;
        {
            let mut brokers = self.brokers.lock().await;
            for b in &response.brokers {
                brokers.insert(b.node_id.0, format!("{}:{}", b.host.as_str(), b.port));
            }
        }
        {
            let mut leaders = self.leaders.lock().await;
            for t in &response.topics {
                let Some(name) = &t.name else { continue };
                for p in &t.partitions {
                    leaders.insert((name.to_string(), p.partition_index), p.leader_id.0);
                }
            }
        }
        Ok(response)
    }

    /// The connection to the leader of `topic`/`partition`, refreshing metadata if needed.
    /// A partition without a leader (an election under way, a topic just created) is waited
    /// for up to [`LEADER_WAIT`], as Kafka's clients wait for metadata.
    pub async fn leader(&self, topic: &str, partition: i32) -> Result<Arc<Node>> {
        if self.local.is_some() {
            return Ok(self.bootstrap.clone());
        }
        let key = (topic.to_string(), partition);
        let mut retry = retry::Retry::new();
        loop {
            let cached = self.leaders.lock().await.get(&key).copied();
            if let Some(leader) = cached.filter(|id| *id >= 0) {
                return self.node(leader).await;
            }
            let metadata = self.metadata(Some(&[topic.to_string()])).await?;
            let known = metadata.topics.iter().any(|t| {
                t.name.as_ref().is_some_and(|n| n.as_str() == topic)
                    && t.error_code != ResponseError::UnknownTopicOrPartition.code()
            });
            let leader = self.leaders.lock().await.get(&key).copied();
            if let Some(leader) = leader.filter(|id| *id >= 0) {
                return self.node(leader).await;
            }
            if !known || retry.expired() {
                return Err(Error::Kafka {
                    error: if known {
                        ResponseError::LeaderNotAvailable
                    } else {
                        ResponseError::UnknownTopicOrPartition
                    },
                    context: format!("{topic}/{partition}"),
                    message: None,
                });
            }
            retry.pause().await;
        }
    }

    /// Forgets cached leaders, so the next request re-reads metadata (after NOT_LEADER errors).
    pub async fn invalidate_leaders(&self) {
        self.leaders.lock().await.clear();
    }

    /// Forgets the connection to broker `node` (after it failed) along with every cached
    /// leader, so the next request re-reads metadata and connects afresh.
    pub(crate) async fn forget_node(&self, node: &Arc<Node>) {
        self.nodes
            .lock()
            .await
            .retain(|_, n| node_key(n) != node_key(node));
        self.invalidate_leaders().await;
    }

    async fn node(&self, id: i32) -> Result<Arc<Node>> {
        if let Some(node) = self.nodes.lock().await.get(&id) {
            return Ok(node.clone());
        }
        let addr = self
            .brokers
            .lock()
            .await
            .get(&id)
            .cloned()
            .ok_or_else(|| Error::Client(format!("broker {id} is not in the metadata")))?;
        let node = Arc::new(open_node(&addr, self.timeouts, &self.setup).await?);
        self.nodes.lock().await.insert(id, node.clone());
        Ok(node)
    }
}

/// An encoded request, ready to be sent.
pub(crate) struct Prepared {
    key: ApiKey,
    version: i16,
    correlation_id: i32,
    frame: Bytes,
}

/// Sends a prepared request over `transport` and decodes the answer as `R::Response`.
pub(crate) async fn round_trip<R>(
    transport: &Transport,
    prepared: Prepared,
    expect_response: bool,
    extra_wait: Duration,
) -> Result<Option<R::Response>>
where
    R: Request,
{
    let Prepared {
        key,
        version,
        correlation_id,
        frame,
    } = prepared;
    let Some(mut body) = transport
        .round_trip(frame, expect_response, extra_wait)
        .await?
    else {
        return Ok(None);
    };
    let header = ResponseHeader::decode(&mut body, key.response_header_version(version))
        .map_err(|e| Error::Client(format!("malformed {key:?} response header: {e}")))?;
    if header.correlation_id != correlation_id {
        return Err(Error::Client(format!(
            "response correlation id {} does not match request {correlation_id}",
            header.correlation_id
        )));
    }
    R::Response::decode(&mut body, version)
        .map(Some)
        .map_err(|e| Error::Client(format!("malformed {key:?} v{version} response: {e}")))
}

/// A node's identity, for grouping requests by broker: its address as a number rather than a
/// raw pointer, so futures that hold it stay `Send`.
pub(crate) fn node_key(node: &Arc<Node>) -> usize {
    Arc::as_ptr(node) as usize
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(timers) = &self.group_timers {
            timers.abort();
        }
        // The owner of the directory flushes it: a Local client, not a client of a broker
        // core someone else runs (which flushes at its own shutdown).
        if let (Some(broker), Some(_)) = (&self.local, &self.lock) {
            if let Err(e) = broker.checkpoint() {
                tracing::error!(error = %e, "flushing the data directory failed");
            }
        }
    }
}

/// Ticks the consumer-group timers of an in-process broker until aborted.
async fn drive_group_timers(broker: Arc<Broker>) {
    let mut ticker = tokio::time::interval(std::time::Duration::from_millis(
        crate::broker::groups::TICK_MS,
    ));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        broker.tick();
    }
}

/// Opens a TCP connection and learns the broker's API versions (KIP-511 aware), all within
/// the connect timeout: a peer that accepts and never answers is not a broker to wait for.
async fn open_node(
    addr: &str,
    timeouts: Timeouts,
    setup: &transport::ConnectionSetup,
) -> Result<Node> {
    tokio::time::timeout(timeouts.connect, open_node_unbounded(addr, timeouts, setup))
        .await
        .unwrap_or_else(|_| {
            Err(Error::Connection(format!(
                "{addr}: accepted the connection but sent no answer within {:?} (is it a Kafka broker?)",
                timeouts.connect
            )))
        })
}

async fn open_node_unbounded(
    addr: &str,
    timeouts: Timeouts,
    setup: &transport::ConnectionSetup,
) -> Result<Node> {
    let client_id = &setup.client_id;
    let conn = RemoteConnection::connect(addr, timeouts, setup.clone()).await?;
    let transport = Transport::Remote(conn);
    let mut apis = ApiRanges::new();
    for version in [3i16, 0] {
        let req = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_static_str(CLIENT_ID))
            .with_client_software_version(StrBytes::from_static_str(env!("CARGO_PKG_VERSION")));
        let frame = encode_request(ApiKey::ApiVersions, version, 0, client_id, &req)?;
        let Some(mut body) = transport.round_trip(frame, true, Duration::ZERO).await? else {
            continue;
        };
        // ApiVersions responses always use header v0.
        ResponseHeader::decode(&mut body, 0)
            .map_err(|e| Error::Client(format!("{addr}: malformed ApiVersions header: {e}")))?;
        let response = kafka_protocol::messages::ApiVersionsResponse::decode(&mut body, version)
            .map_err(|e| Error::Client(format!("{addr}: malformed ApiVersions response: {e}")))?;
        if response.error_code == ResponseError::UnsupportedVersion.code() && version > 0 {
            continue;
        }
        if response.error_code != 0 {
            return Err(Error::Client(format!(
                "{addr}: ApiVersions failed with error {}",
                response.error_code
            )));
        }
        apis = response
            .api_keys
            .iter()
            .map(|k| (k.api_key, (k.min_version, k.max_version)))
            .collect();
        break;
    }
    if apis.is_empty() {
        return Err(Error::Client(format!(
            "{addr}: the broker reported no APIs"
        )));
    }
    Ok(Node { transport, apis })
}

/// The highest version in both our range and the broker's.
fn negotiate(apis: &ApiRanges, key: ApiKey, ours_min: i16, ours_max: i16) -> Result<i16> {
    let (theirs_min, theirs_max) = apis
        .get(&(key as i16))
        .copied()
        .ok_or_else(|| Error::Client(format!("the broker does not support {key:?}")))?;
    let version = ours_max.min(theirs_max);
    if version < ours_min.max(theirs_min) {
        return Err(Error::Client(format!(
            "no common {key:?} version: we speak {ours_min}..={ours_max}, the broker {theirs_min}..={theirs_max}"
        )));
    }
    Ok(version)
}

/// A whole request frame, length prefix included.
pub(crate) fn encode_request<R: Encodable>(
    key: ApiKey,
    version: i16,
    correlation_id: i32,
    client_id: &StrBytes,
    req: &R,
) -> Result<Bytes> {
    let header = RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(correlation_id)
        .with_client_id(Some(client_id.clone()));
    let mut buf = BytesMut::new();
    buf.put_i32(0);
    header
        .encode(&mut buf, key.request_header_version(version))
        .and_then(|()| req.encode(&mut buf, version))
        .map_err(|e| Error::Client(format!("cannot encode {key:?} v{version}: {e}")))?;
    let len = i32::try_from(buf.len() - 4)
        .map_err(|_| Error::Client(format!("{key:?} request is too large")))?;
    if let Some(prefix) = buf.first_chunk_mut::<4>() {
        *prefix = len.to_be_bytes();
    }
    Ok(buf.freeze())
}
