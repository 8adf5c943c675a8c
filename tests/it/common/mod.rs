//! Shared test harness: a real `Server` on an ephemeral loopback port with its own data
//! directory, and librdkafka (the `rdkafka` crate) clients configured against it.
#![allow(dead_code)]

pub mod cli;
pub mod kafka;
pub mod migration;
pub mod proxy;
pub mod pty;
pub mod raw;
pub mod reference;
pub mod requests;
pub mod secure;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rdkafka::admin::AdminClient;
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Message, OwnedMessage};
use rdkafka::producer::FutureProducer;
use rdkafka::{Offset, TopicPartitionList};
use streamline::config::ServerConfig;
use streamline::server::Server;

/// A server under test and the directory it stores data in.
pub struct TestServer {
    pub server: Server,
    pub data_dir: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

impl TestServer {
    /// Starts a server on 127.0.0.1:0 with a fresh data directory.
    pub async fn start() -> TestServer {
        Self::start_with(|_| {}).await
    }

    /// Starts a server after letting `tune` adjust the configuration.
    pub async fn start_with(tune: impl FnOnce(&mut ServerConfig)) -> TestServer {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("data");
        let mut server = Self::start_in(&dir, tune).await;
        server._tmp = Some(tmp);
        server
    }

    /// Starts a server on an existing data directory (restarts).
    pub async fn start_in(dir: &Path, tune: impl FnOnce(&mut ServerConfig)) -> TestServer {
        let mut config = ServerConfig {
            listen_addr: "127.0.0.1:0".parse().expect("addr"),
            data_dir: dir.to_path_buf(),
            ..ServerConfig::default()
        };
        tune(&mut config);
        let server = Server::start(config).await.expect("server starts");
        TestServer {
            server,
            data_dir: dir.to_path_buf(),
            _tmp: None,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.server.local_addr()
    }

    pub fn bootstrap(&self) -> String {
        self.addr().to_string()
    }

    /// Stops the server and hands back the temporary directory so data outlives it.
    pub async fn stop(self) -> (PathBuf, Option<tempfile::TempDir>) {
        self.server.shutdown().await.expect("clean shutdown");
        (self.data_dir, self._tmp)
    }
}

/// Waits until a `streamline serve` child has recorded its listening address in the lock of
/// data directory `dir`, and returns it.
pub fn serving_addr(dir: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(addr) = streamline::lock::read_holder(dir).and_then(|h| h.serving_addr) {
            return addr.to_string();
        }
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Base client settings: fail fast instead of retrying for minutes.
pub fn client_config(bootstrap: &str) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", bootstrap)
        .set("socket.timeout.ms", "10000")
        .set("message.timeout.ms", "15000")
        .set("log_level", "3");
    c
}

pub fn producer(bootstrap: &str, extra: &[(&str, &str)]) -> FutureProducer {
    let mut c = client_config(bootstrap);
    c.set("linger.ms", "5");
    for (k, v) in extra {
        c.set(*k, *v);
    }
    c.create().expect("producer")
}

/// Produces `count` values `m0`, `m1`, ... round-robin over `partitions` and waits for every
/// delivery.
pub async fn produce_to_partitions(bootstrap: &str, topic: &str, partitions: i32, count: usize) {
    let p = producer(bootstrap, &[]);
    let mut deliveries = Vec::new();
    for i in 0..count {
        let value = format!("m{i}");
        deliveries.push(
            p.send_result(
                rdkafka::producer::FutureRecord::<str, str>::to(topic)
                    .partition(i as i32 % partitions)
                    .payload(&value),
            )
            .expect("enqueue"),
        );
    }
    for d in deliveries {
        d.await.expect("not cancelled").expect("delivered");
    }
}

/// Polls `consumer` until it owns exactly `partitions` partitions (failing the test after
/// 60 s with `what`); returns how long that took.
pub fn wait_for_assignment(consumer: &BaseConsumer, partitions: usize, what: &str) -> Duration {
    let started = Instant::now();
    while consumer.assignment().map(|a| a.count()).unwrap_or(0) != partitions {
        assert!(started.elapsed() < Duration::from_secs(60), "{what}");
        consumer.poll(Duration::from_millis(50));
    }
    started.elapsed()
}

pub fn admin(bootstrap: &str) -> AdminClient<DefaultClientContext> {
    client_config(bootstrap).create().expect("admin client")
}

pub fn consumer(bootstrap: &str, extra: &[(&str, &str)]) -> BaseConsumer {
    let mut c = client_config(bootstrap);
    c.set("group.id", "streamline-tests")
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("fetch.wait.max.ms", "100");
    for (k, v) in extra {
        c.set(*k, *v);
    }
    c.create().expect("consumer")
}

/// Reads `count` messages from `topic`/`partition` starting at `offset`, failing the test if
/// they do not arrive within 20 seconds.
pub fn consume(
    bootstrap: &str,
    topic: &str,
    partition: i32,
    offset: i64,
    count: usize,
) -> Vec<OwnedMessage> {
    let consumer = consumer(bootstrap, &[]);
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, partition, Offset::Offset(offset))
        .expect("partition offset");
    consumer.assign(&tpl).expect("assign");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        assert!(
            Instant::now() < deadline,
            "timed out after {} of {count} messages from {topic}/{partition}",
            out.len()
        );
        match consumer.poll(Duration::from_millis(200)) {
            Some(Ok(m)) => out.push(m.detach()),
            Some(Err(e)) => panic!("consume error: {e}"),
            None => {}
        }
    }
    out
}

/// The value of a message as UTF-8 (empty for null).
pub fn value_str(m: &OwnedMessage) -> String {
    String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned()
}

/// Sends one request on a raw connection and decodes the answer: for tests that need exact
/// frames (error codes, members that misbehave on purpose).
pub async fn call<Req, Resp>(
    stream: &mut tokio::net::TcpStream,
    key: kafka_protocol::messages::ApiKey,
    version: i16,
    req: &Req,
) -> Resp
where
    Req: kafka_protocol::protocol::Encodable,
    Resp: kafka_protocol::protocol::Decodable,
{
    use kafka_protocol::messages::{RequestHeader, ResponseHeader};
    use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let header = RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(1)
        .with_client_id(Some(StrBytes::from_static_str("raw-test")));
    let mut buf = bytes::BytesMut::new();
    header
        .encode(&mut buf, key.request_header_version(version))
        .expect("header");
    req.encode(&mut buf, version).expect("request");
    let mut frame = (buf.len() as i32).to_be_bytes().to_vec();
    frame.extend_from_slice(&buf);
    stream.write_all(&frame).await.expect("send");
    let mut len = [0u8; 4];
    stream.read_exact(&mut len).await.expect("answered");
    let mut body = vec![0u8; i32::from_be_bytes(len) as usize];
    stream.read_exact(&mut body).await.expect("body");
    let mut body = bytes::Bytes::from(body);
    ResponseHeader::decode(&mut body, key.response_header_version(version)).expect("header");
    Resp::decode(&mut body, version).expect("response")
}

/// Creates `topic` with `partitions` partitions through the admin API, waiting for it.
pub fn admin_create(bootstrap: &str, topic: &str, partitions: i32) {
    use rdkafka::admin::{AdminOptions, NewTopic, TopicReplication};
    let admin = admin(bootstrap);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let results = runtime
        .block_on(admin.create_topics(
            &[NewTopic::new(topic, partitions, TopicReplication::Fixed(1))],
            &AdminOptions::new(),
        ))
        .expect("create topics");
    for r in results {
        r.expect("topic created");
    }
}

/// The resident memory of process `pid`, in KiB (0 when it cannot be read).
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
