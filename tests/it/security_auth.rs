//! TLS and SASL against real clients: librdkafka over every listener and mechanism, wrong
//! passwords, unknown users and mechanisms, client certificates (trusted, untrusted, missing)
//! and their mapped principals, garbage where a TLS handshake belongs, the pre-authentication
//! gate, raw v0 SASL tokens and KIP-368 re-authentication, the toolbox's messages for each
//! failed step, and users kept across a restart.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::messages::{
    ApiKey, ApiVersionsRequest, ApiVersionsResponse, MetadataRequest, SaslAuthenticateRequest,
    SaslAuthenticateResponse, SaslHandshakeRequest, SaslHandshakeResponse,
};
use kafka_protocol::protocol::StrBytes;
use rdkafka::client::ClientContext;
use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::error::KafkaError;
use rdkafka::producer::{BaseRecord, DefaultProducerContext, Producer, ThreadedProducer};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::common::raw::{frame, read_frame};
use crate::common::secure::{Secured, ADMIN, ALICE};
use crate::common::{call, consume, value_str};

/// Records what librdkafka reports, to tell why a connection failed.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<String>>>);

impl ClientContext for Recorder {
    fn log(&self, _level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        self.0.lock().unwrap().push(format!("{fac}: {log_message}"));
    }
    fn error(&self, error: KafkaError, reason: &str) {
        self.0.lock().unwrap().push(format!("{error}: {reason}"));
    }
}

impl rdkafka::producer::ProducerContext for Recorder {
    type DeliveryOpaque = ();
    fn delivery(&self, result: &rdkafka::producer::DeliveryResult<'_>, _: ()) {
        if let Err((e, _)) = result {
            self.0.lock().unwrap().push(format!("delivery failed: {e}"));
        }
    }
}

impl Recorder {
    fn saw(&self, needle: &str) -> bool {
        self.0.lock().unwrap().iter().any(|l| l.contains(needle))
    }
    fn all(&self) -> String {
        self.0.lock().unwrap().join("\n")
    }
}

/// Produces one record through `config`; the error text librdkafka gave if it could not.
fn produce_one(mut config: ClientConfig, topic: &str, value: &str) -> Result<(), String> {
    let recorder = Recorder::default();
    config
        .set("message.timeout.ms", "6000")
        .set("log_level", "6");
    let producer: ThreadedProducer<Recorder> = config
        .create_with_context(recorder.clone())
        .map_err(|e| e.to_string())?;
    producer
        .send(BaseRecord::<(), str>::to(topic).payload(value))
        .map_err(|(e, _)| e.to_string())?;
    match producer.flush(Duration::from_secs(8)) {
        Ok(()) if producer.in_flight_count() == 0 && !recorder.saw("delivery failed") => Ok(()),
        _ => Err(recorder.all()),
    }
}

/// Fails to connect through `config`; returns what librdkafka said.
fn refused(mut config: ClientConfig) -> Recorder {
    let recorder = Recorder::default();
    config.set("log_level", "6");
    let producer: ThreadedProducer<Recorder> = config
        .create_with_context(recorder.clone())
        .expect("client");
    let metadata = producer
        .client()
        .fetch_metadata(None, Duration::from_secs(4));
    assert!(metadata.is_err(), "connected although it should not have");
    recorder
}

#[tokio::test(flavor = "multi_thread")]
async fn every_listener_and_mechanism_carries_records_and_bad_logins_fail() {
    let s = Secured::start(|_| {}).await;
    let cases = [
        ("SASL_SSL", "PLAIN"),
        ("SASL_SSL", "SCRAM-SHA-256"),
        ("SASL_SSL", "SCRAM-SHA-512"),
        ("SASL_PLAINTEXT", "SCRAM-SHA-512"),
        ("SASL_PLAINTEXT", "PLAIN"),
        ("SSL", ""),
        ("PLAINTEXT", ""),
    ];
    for (listener, mechanism) in cases {
        let config = s.client(listener, mechanism, ALICE);
        let value = format!("{listener}/{mechanism}");
        tokio::task::spawn_blocking(move || produce_one(config, "secured", &value))
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("{listener} {mechanism}: {e}"));
    }
    let plain = s.addr("PLAINTEXT");
    let values: Vec<String> =
        tokio::task::spawn_blocking(move || consume(&plain, "secured", 0, 0, 7))
            .await
            .unwrap()
            .iter()
            .map(value_str)
            .collect();
    assert_eq!(values.len(), 7, "{values:?}");
    assert!(values.contains(&"SASL_SSL/SCRAM-SHA-512".to_string()));

    for mechanism in ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] {
        let wrong = s.client("SASL_SSL", mechanism, (ALICE.0, "not-her-password"));
        let r = tokio::task::spawn_blocking(move || refused(wrong))
            .await
            .unwrap();
        assert!(r.saw("Authentication failed"), "{mechanism}: {}", r.all());
        let unknown = s.client("SASL_PLAINTEXT", mechanism, ("mallory", "whatever"));
        let r = tokio::task::spawn_blocking(move || refused(unknown))
            .await
            .unwrap();
        assert!(r.saw("Authentication failed"), "{mechanism}: {}", r.all());
    }
    assert!(s.authentication_failures() >= 6);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mechanism_the_listener_does_not_enable_is_refused_by_name() {
    let s = Secured::start(|c| c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into()).await;
    let plain = s.client("SASL_PLAINTEXT", "PLAIN", ALICE);
    let r = tokio::task::spawn_blocking(move || refused(plain))
        .await
        .unwrap();
    assert!(
        r.saw("not supported by broker") || r.saw("Unsupported SASL mechanism"),
        "{}",
        r.all()
    );
    // The raw answer lists what is enabled.
    let mut stream = TcpStream::connect(s.addr("SASL_PLAINTEXT")).await.unwrap();
    let resp: SaslHandshakeResponse = call(
        &mut stream,
        ApiKey::SaslHandshake,
        1,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
    )
    .await;
    assert_eq!(resp.error_code, 33, "UNSUPPORTED_SASL_MECHANISM");
    assert_eq!(
        resp.mechanisms,
        vec![StrBytes::from_static_str("SCRAM-SHA-512")]
    );
    assert!(
        read_frame(&mut stream).await.is_none(),
        "closed after refusing"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn client_certificates_name_the_principal_and_untrusted_ones_are_refused() {
    let s = Secured::start(|c| {
        c.ssl_client_auth = streamline::security::tls::ClientAuth::Required;
        c.listeners = vec!["SSL://127.0.0.1:0".into(), "PLAINTEXT://127.0.0.1:0".into()];
        c.ssl_principal_mapping_rules = "RULE:^CN=([^,]*),O=.*$/$1/L".into();
        c.authorizer_enable = true;
    })
    .await;
    // app1 may write "mtls"; the ACL names the principal the certificate maps to.
    let admin = streamline::client::Client::connect(&streamline::client::Target {
        data_dir: s.server.data_dir.clone(),
        ..Default::default()
    })
    .await
    .expect("in-process client through the served data directory");
    drop(admin);
    let broker = s.server.server.broker();
    broker
        .security
        .acls_mut()
        .create(vec![streamline::security::acl::Acl {
            resource_type: streamline::security::acl::ResourceType::Topic,
            resource_name: "mtls".into(),
            pattern_type: streamline::security::acl::PatternType::Literal,
            principal: "User:app1".into(),
            host: "*".into(),
            operation: streamline::security::acl::Operation::All,
            permission: streamline::security::acl::Permission::Allow,
        }])
        .unwrap();
    broker
        .create_topic("mtls", 1, Default::default(), false)
        .unwrap();
    let (cert, key) = s.client_certificate("App1");
    let mut with_cert = s.client("SSL", "", ADMIN);
    with_cert
        .set("ssl.certificate.location", cert.to_str().unwrap())
        .set("ssl.key.location", key.to_str().unwrap());
    tokio::task::spawn_blocking(move || produce_one(with_cert, "mtls", "by app1"))
        .await
        .unwrap()
        .expect("app1 writes with its certificate");

    // Another principal's certificate is authenticated but not authorized.
    let (cert2, key2) = s.client_certificate("app2");
    let mut other = s.client("SSL", "", ADMIN);
    other
        .set("ssl.certificate.location", cert2.to_str().unwrap())
        .set("ssl.key.location", key2.to_str().unwrap());
    let e = tokio::task::spawn_blocking(move || produce_one(other, "mtls", "by app2"))
        .await
        .unwrap()
        .expect_err("app2 may not write");
    assert!(e.contains("authoriz") || e.contains("Authoriz"), "{e}");

    // No certificate, and a certificate from another CA: no TLS session at all.
    let none = s.client("SSL", "", ADMIN);
    tokio::task::spawn_blocking(move || refused(none))
        .await
        .unwrap();
    let (cert3, key3) = s.stranger_certificate("app1");
    let mut untrusted = s.client("SSL", "", ADMIN);
    untrusted
        .set("ssl.certificate.location", cert3.to_str().unwrap())
        .set("ssl.key.location", key3.to_str().unwrap());
    tokio::task::spawn_blocking(move || refused(untrusted))
        .await
        .unwrap();
    let failures = s.tls_handshake_failures();
    assert!(failures >= 2, "{failures} TLS handshake failures counted");
}

#[tokio::test(flavor = "multi_thread")]
async fn garbage_where_a_tls_handshake_belongs_closes_only_that_connection() {
    let s = Secured::start(|_| {}).await;
    for garbage in [
        frame(ApiKey::ApiVersions, 3, 1, &ApiVersionsRequest::default()),
        b"GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        vec![0x16, 0x03, 0x01, 0xff, 0xff, 0, 0, 0],
    ] {
        let mut stream = TcpStream::connect(s.addr("SSL")).await.unwrap();
        stream.write_all(&garbage).await.unwrap();
        // The server answers with a TLS alert at most, never with a Kafka frame, and closes.
        let mut rest = Vec::new();
        let read = tokio::time::timeout(
            Duration::from_secs(10),
            tokio::io::AsyncReadExt::read_to_end(&mut stream, &mut rest),
        )
        .await
        .expect("closed within 10 s");
        assert!(read.is_ok() || read.is_err());
        assert!(rest.len() < 64, "{} bytes back", rest.len());
    }
    let ok = s.client("SASL_SSL", "SCRAM-SHA-256", ALICE);
    tokio::task::spawn_blocking(move || produce_one(ok, "after-garbage", "fine"))
        .await
        .unwrap()
        .expect("the listener still serves");
}

/// Reads a raw v0 SASL token answer (a bare length-prefixed token).
async fn raw_token(stream: &mut TcpStream, token: &[u8]) -> Option<Bytes> {
    let mut out = (token.len() as i32).to_be_bytes().to_vec();
    out.extend_from_slice(token);
    stream.write_all(&out).await.unwrap();
    read_frame(stream).await
}

#[tokio::test(flavor = "multi_thread")]
async fn only_api_versions_and_the_handshake_pass_before_authentication() {
    let s = Secured::start(|_| {}).await;
    let addr = s.addr("SASL_PLAINTEXT");
    // ApiVersions is answered; a Metadata before authenticating closes the connection.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let versions: ApiVersionsResponse = call(
        &mut stream,
        ApiKey::ApiVersions,
        3,
        &ApiVersionsRequest::default(),
    )
    .await;
    assert!(versions
        .api_keys
        .iter()
        .any(|k| k.api_key == ApiKey::SaslAuthenticate as i16 && k.max_version == 2));
    stream
        .write_all(&frame(ApiKey::Metadata, 12, 2, &MetadataRequest::default()))
        .await
        .unwrap();
    assert!(read_frame(&mut stream).await.is_none(), "closed");

    // SaslAuthenticate before a handshake: closed too.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream
        .write_all(&frame(
            ApiKey::SaslAuthenticate,
            2,
            1,
            &SaslAuthenticateRequest::default(),
        ))
        .await
        .unwrap();
    assert!(read_frame(&mut stream).await.is_none(), "closed");

    // v0 handshake: the PLAIN token goes raw, the answer is a bare empty token, and then
    // requests are served.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let hs: SaslHandshakeResponse = call(
        &mut stream,
        ApiKey::SaslHandshake,
        0,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
    )
    .await;
    assert_eq!(hs.error_code, 0);
    let answer = raw_token(
        &mut stream,
        format!("\0{}\0{}", ALICE.0, ALICE.1).as_bytes(),
    )
    .await
    .expect("a raw answer");
    assert!(answer.is_empty());
    let _: kafka_protocol::messages::MetadataResponse = call(
        &mut stream,
        ApiKey::Metadata,
        12,
        &MetadataRequest::default(),
    )
    .await;

    // A wrong raw token: the connection closes without an answer.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let _: SaslHandshakeResponse = call(
        &mut stream,
        ApiKey::SaslHandshake,
        0,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
    )
    .await;
    assert!(raw_token(&mut stream, b"\0alice\0wrong").await.is_none());

    // On a PLAINTEXT listener the SASL APIs answer ILLEGAL_SASL_STATE and nothing closes.
    let mut stream = TcpStream::connect(s.addr("PLAINTEXT")).await.unwrap();
    let hs: SaslHandshakeResponse = call(
        &mut stream,
        ApiKey::SaslHandshake,
        1,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
    )
    .await;
    assert_eq!(hs.error_code, 34, "ILLEGAL_SASL_STATE");
    let _: kafka_protocol::messages::MetadataResponse = call(
        &mut stream,
        ApiKey::Metadata,
        12,
        &MetadataRequest::default(),
    )
    .await;
}

/// Authenticates `stream` with PLAIN over SaslAuthenticate v2; returns the answer.
async fn plain_login(stream: &mut TcpStream, user: (&str, &str)) -> SaslAuthenticateResponse {
    let hs: SaslHandshakeResponse = call(
        stream,
        ApiKey::SaslHandshake,
        1,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")),
    )
    .await;
    assert_eq!(hs.error_code, 0);
    call(
        stream,
        ApiKey::SaslAuthenticate,
        2,
        &SaslAuthenticateRequest::default()
            .with_auth_bytes(Bytes::from(format!("\0{}\0{}", user.0, user.1))),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_expire_and_clients_re_authenticate_kip_368() {
    let s = Secured::start(|c| c.connections_max_reauth_ms = 1500).await;
    let addr = s.addr("SASL_PLAINTEXT");
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let auth = plain_login(&mut stream, ALICE).await;
    assert_eq!(auth.error_code, 0);
    assert_eq!(auth.session_lifetime_ms, 1500);
    // Re-authenticating in time as the same user keeps the connection.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(plain_login(&mut stream, ALICE).await.error_code, 0);
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let _: kafka_protocol::messages::MetadataResponse = call(
        &mut stream,
        ApiKey::Metadata,
        12,
        &MetadataRequest::default(),
    )
    .await;
    // Re-authenticating as someone else fails and closes.
    let other = plain_login(&mut stream, ADMIN).await;
    assert_eq!(other.error_code, 58, "SASL_AUTHENTICATION_FAILED");
    assert!(read_frame(&mut stream).await.is_none());
    // A session left to expire closes at the next request.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    assert_eq!(plain_login(&mut stream, ALICE).await.error_code, 0);
    tokio::time::sleep(Duration::from_millis(1700)).await;
    stream
        .write_all(&frame(ApiKey::Metadata, 12, 9, &MetadataRequest::default()))
        .await
        .unwrap();
    assert!(
        read_frame(&mut stream).await.is_none(),
        "expired session closed"
    );

    // librdkafka re-authenticates by itself and keeps producing across several lifetimes.
    let config = s.client("SASL_SSL", "SCRAM-SHA-512", ALICE);
    tokio::task::spawn_blocking(move || {
        let producer: ThreadedProducer<DefaultProducerContext> = config.create().unwrap();
        for i in 0..8 {
            producer
                .send(BaseRecord::<(), str>::to("reauth").payload(&format!("r{i}")))
                .unwrap();
            producer.flush(Duration::from_secs(5)).unwrap();
            std::thread::sleep(Duration::from_millis(600));
        }
    })
    .await
    .unwrap();
    let plain = s.addr("PLAINTEXT");
    let read = tokio::task::spawn_blocking(move || consume(&plain, "reauth", 0, 0, 8))
        .await
        .unwrap();
    assert_eq!(read.len(), 8);
    let renewed = s.reauthentications();
    // One by hand above, the rest librdkafka's own.
    assert!(
        renewed >= 2,
        "librdkafka never re-authenticated ({renewed})"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_replaced_certificate_is_served_after_a_reload_without_dropping_connections() {
    let s = Secured::start(|_| {}).await;
    // A connection made before the reload keeps working.
    let before = s.client("SASL_SSL", "SCRAM-SHA-256", ALICE);
    let producer: ThreadedProducer<DefaultProducerContext> =
        tokio::task::spawn_blocking(move || before.create().unwrap())
            .await
            .unwrap();
    producer
        .send(BaseRecord::<(), str>::to("reload").payload("before"))
        .unwrap();
    let producer = tokio::task::spawn_blocking(move || {
        producer.flush(Duration::from_secs(10)).unwrap();
        producer
    })
    .await
    .unwrap();

    // Another CA's certificate replaces the files; after the reload, clients trusting only
    // the old CA are refused and those trusting the new one connect.
    let new_dir = tempfile::tempdir().unwrap();
    let (_, new_files) =
        streamline::security::dev_certs::write_all(new_dir.path(), &["localhost", "127.0.0.1"], 30)
            .unwrap();
    std::fs::copy(&new_files.certificate, &s.files.certificate).unwrap();
    std::fs::copy(&new_files.key, &s.files.key).unwrap();
    s.server.server.reload_tls();
    let old_trust = s.client("SASL_SSL", "SCRAM-SHA-256", ALICE);
    let r = tokio::task::spawn_blocking(move || refused(old_trust))
        .await
        .unwrap();
    assert!(
        r.saw("certificate verify failed") || r.saw("SSL handshake failed"),
        "{}",
        r.all()
    );
    let mut new_trust = s.client("SASL_SSL", "SCRAM-SHA-256", ALICE);
    new_trust.set("ssl.ca.location", new_files.ca.to_str().unwrap());
    tokio::task::spawn_blocking(move || produce_one(new_trust, "reload", "after"))
        .await
        .unwrap()
        .expect("the new certificate is served");
    producer
        .send(BaseRecord::<(), str>::to("reload").payload("still"))
        .unwrap();
    tokio::task::spawn_blocking(move || producer.flush(Duration::from_secs(10)).unwrap())
        .await
        .unwrap();
    let plain = s.addr("PLAINTEXT");
    let read = tokio::task::spawn_blocking(move || consume(&plain, "reload", 0, 0, 3))
        .await
        .unwrap();
    assert_eq!(read.len(), 3);
}
