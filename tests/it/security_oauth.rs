//! SASL/OAUTHBEARER: librdkafka's unsecured development tokens name the principal ACLs see;
//! expired and malformed tokens are refused as RFC 7628 says (an error challenge, then
//! SASL_AUTHENTICATION_FAILED); the session ends with the token; signed tokens are checked
//! against a JWK set served over HTTP (or from a file) with the expected issuer and audience;
//! and the toolbox authenticates with a token.

use std::time::Duration;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use bytes::Bytes;
use kafka_protocol::messages::{
    ApiKey, SaslAuthenticateRequest, SaslAuthenticateResponse, SaslHandshakeRequest,
    SaslHandshakeResponse,
};
use kafka_protocol::protocol::StrBytes;
use rdkafka::producer::{FutureProducer, FutureRecord};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::raw::read_frame;
use crate::common::secure::Secured;
use crate::common::{call, TestServer};

fn unsecured(claims: &str) -> String {
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(claims)
    )
}

fn now_s() -> i64 {
    streamline::broker::now_ms() / 1000
}

/// Handshake and one OAUTHBEARER message carrying `token`.
async fn send_token(stream: &mut TcpStream, token: &str) -> SaslAuthenticateResponse {
    let hs: SaslHandshakeResponse = call(
        stream,
        ApiKey::SaslHandshake,
        1,
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("OAUTHBEARER")),
    )
    .await;
    assert_eq!(hs.error_code, 0);
    call(
        stream,
        ApiKey::SaslAuthenticate,
        2,
        &SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from(format!(
            "n,,\u{1}auth=Bearer {token}\u{1}\u{1}"
        ))),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn unsecured_tokens_name_the_principal_and_expired_ones_are_refused() {
    let s = Secured::start(|c| {
        c.sasl_enabled_mechanisms = "SCRAM-SHA-512,OAUTHBEARER".into();
        c.authorizer_enable = true;
    })
    .await;
    let broker = s.server.server.broker();
    broker
        .security
        .acls_mut()
        .create(vec![streamline::security::acl::Acl {
            resource_type: streamline::security::acl::ResourceType::Topic,
            resource_name: "tokens".into(),
            pattern_type: streamline::security::acl::PatternType::Literal,
            principal: "User:svc-orders".into(),
            host: "*".into(),
            operation: streamline::security::acl::Operation::All,
            permission: streamline::security::acl::Permission::Allow,
        }])
        .unwrap();
    broker
        .create_topic("tokens", 1, Default::default(), false)
        .unwrap();
    // librdkafka makes the unsecured token itself; only svc-orders may write.
    for (principal, allowed) in [("svc-orders", true), ("someone-else", false)] {
        let mut config = s.client("SASL_SSL", "OAUTHBEARER", ("", ""));
        config
            .set("enable.sasl.oauthbearer.unsecure.jwt", "true")
            .set("sasl.oauthbearer.config", format!("principal={principal}"))
            .set("message.timeout.ms", "5000");
        let producer: FutureProducer = config.create().unwrap();
        let sent = producer
            .send(
                FutureRecord::<(), str>::to("tokens").payload(principal),
                Duration::from_secs(8),
            )
            .await;
        assert_eq!(sent.is_ok(), allowed, "{principal}: {sent:?}");
    }

    let addr = s.addr("SASL_PLAINTEXT");
    // An expired token: RFC 7628's error challenge, then failure and a closed connection.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let expired = unsecured(&format!(
        r#"{{"sub":"a","exp":{},"iat":{}}}"#,
        now_s() - 120,
        now_s() - 200
    ));
    let first = send_token(&mut stream, &expired).await;
    assert_eq!(first.error_code, 0);
    assert_eq!(&first.auth_bytes[..], br#"{"status":"invalid_token"}"#);
    let ack: SaslAuthenticateResponse = call(
        &mut stream,
        ApiKey::SaslAuthenticate,
        2,
        &SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from_static(&[1])),
    )
    .await;
    assert_eq!(ack.error_code, 58, "SASL_AUTHENTICATION_FAILED");
    assert!(read_frame(&mut stream).await.is_none());

    // A token that expires soon bounds the session.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let short = unsecured(&format!(r#"{{"sub":"a","exp":{}}}"#, now_s() + 3));
    let ok = send_token(&mut stream, &short).await;
    assert_eq!(ok.error_code, 0);
    assert!(
        ok.session_lifetime_ms > 0 && ok.session_lifetime_ms <= 3000,
        "{}",
        ok.session_lifetime_ms
    );

    // The toolbox, with an unsecured token of its own making.
    let b = addr.clone();
    let out = tokio::task::spawn_blocking(move || {
        assert_cmd::Command::cargo_bin("streamline")
            .unwrap()
            .args([
                "topics",
                "list",
                "-b",
                &b,
                "-X",
                "security.protocol=SASL_PLAINTEXT",
                "-X",
                "sasl.mechanism=OAUTHBEARER",
                "-X",
                "sasl.oauthbearer.config=principal=svc-orders",
            ])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .unwrap_or_default()
            .split_whitespace()
            .next(),
        Some("tokens")
    );
}

/// Serves `body` as JSON to every HTTP request on an ephemeral port; the URL.
async fn serve_json(body: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let body = body.clone();
            tokio::spawn(async move {
                let mut request = vec![0u8; 4096];
                let _ = socket.read(&mut request).await;
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/.well-known/jwks.json")
}

#[tokio::test(flavor = "multi_thread")]
async fn signed_tokens_are_checked_against_a_jwk_set_issuer_and_audience() {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref()).unwrap();
    let point = pair.public_key().as_ref().to_vec();
    let jwks = format!(
        r#"{{"keys":[{{"kty":"EC","crv":"P-256","kid":"idp-1","use":"sig","alg":"ES256","x":"{}","y":"{}"}}]}}"#,
        URL_SAFE_NO_PAD.encode(&point[1..33]),
        URL_SAFE_NO_PAD.encode(&point[33..65])
    );
    let url = serve_json(jwks).await;
    let server = TestServer::start_with(move |c| {
        c.listeners = vec!["SASL_PLAINTEXT://127.0.0.1:0".into()];
        c.sasl_enabled_mechanisms = "OAUTHBEARER".into();
        c.sasl_oauthbearer_jwks_endpoint_url = Some(url);
        c.sasl_oauthbearer_expected_issuer = Some("https://idp.example".into());
        c.sasl_oauthbearer_expected_audience = Some("kafka".into());
    })
    .await;
    let sign = |claims: String| {
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"ES256","kid":"idp-1","typ":"JWT"}"#),
            URL_SAFE_NO_PAD.encode(claims)
        );
        let signature = pair.sign(&rng, input.as_bytes()).unwrap();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.as_ref()))
    };
    let claims = |iss: &str, aud: &str| {
        format!(
            r#"{{"sub":"svc-billing","iss":"{iss}","aud":"{aud}","exp":{},"iat":{}}}"#,
            now_s() + 600,
            now_s()
        )
    };
    let list = |token: String| {
        let b = server.bootstrap();
        std::thread::spawn(move || {
            assert_cmd::Command::cargo_bin("streamline")
                .unwrap()
                .env("STREAMLINE_SASL_OAUTHBEARER_TOKEN", token)
                .args([
                    "topics",
                    "list",
                    "-b",
                    &b,
                    "--security-protocol",
                    "SASL_PLAINTEXT",
                    "--sasl-mechanism",
                    "OAUTHBEARER",
                ])
                .output()
                .unwrap()
        })
        .join()
        .unwrap()
    };
    let good = list(sign(claims("https://idp.example", "kafka")));
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    for (token, why) in [
        (
            sign(claims("https://evil.example", "kafka")),
            "another issuer",
        ),
        (
            sign(claims("https://idp.example", "web")),
            "another audience",
        ),
        (
            unsecured(&claims("https://idp.example", "kafka")),
            "unsigned",
        ),
    ] {
        let refused = list(token);
        assert!(!refused.status.success(), "{why} was accepted");
        let e = String::from_utf8_lossy(&refused.stderr);
        assert!(e.contains("OAUTHBEARER"), "{why}: {e}");
    }
    server.stop().await;
}

/// A token endpoint: answers the client-credentials grant of `app`/`s3cret` with `token`,
/// anything else with 401 and OAuth's error.
async fn token_endpoint(token: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("app:s3cret")
    );
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let (token, expected) = (token.clone(), expected.clone());
            tokio::spawn(async move {
                let mut request = vec![0u8; 8192];
                let n = socket.read(&mut request).await.unwrap_or(0);
                let text = String::from_utf8_lossy(&request[..n]).to_lowercase();
                let authorized = text
                    .contains(&format!("authorization: {}", expected.to_lowercase()))
                    && text.contains("grant_type=client_credentials")
                    && text.starts_with("post /oauth2/token");
                let (status, body) = if authorized {
                    (
                        "200 OK",
                        format!(
                            r#"{{"access_token":"{token}","token_type":"Bearer","expires_in":3600}}"#
                        ),
                    )
                } else {
                    ("401 Unauthorized", r#"{"error":"invalid_client","error_description":"bad client credentials"}"#.to_string())
                };
                let response = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/oauth2/token")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_toolbox_gets_its_token_from_an_oidc_endpoint() {
    let server = TestServer::start_with(|c| {
        c.listeners = vec!["SASL_PLAINTEXT://127.0.0.1:0".into()];
        c.sasl_enabled_mechanisms = "OAUTHBEARER".into();
    })
    .await;
    let token = unsecured(&format!(r#"{{"sub":"svc-app","exp":{}}}"#, now_s() + 600));
    let url = token_endpoint(token).await;
    let list = |secret: &'static str| {
        let (b, url) = (server.bootstrap(), url.clone());
        std::thread::spawn(move || {
            assert_cmd::Command::cargo_bin("streamline")
                .unwrap()
                .env("STREAMLINE_SASL_OAUTHBEARER_CLIENT_SECRET", secret)
                .args([
                    "topics",
                    "list",
                    "-b",
                    &b,
                    "-X",
                    "security.protocol=SASL_PLAINTEXT",
                    "-X",
                    "sasl.mechanism=OAUTHBEARER",
                    "-X",
                    "sasl.oauthbearer.method=oidc",
                    "-X",
                    &format!("sasl.oauthbearer.token.endpoint.url={url}"),
                    "-X",
                    "sasl.oauthbearer.client.id=app",
                    "-X",
                    "sasl.oauthbearer.scope=kafka read",
                ])
                .output()
                .unwrap()
        })
        .join()
        .unwrap()
    };
    let ok = list("s3cret");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let refused = list("wrong");
    assert!(!refused.status.success());
    let e = String::from_utf8_lossy(&refused.stderr);
    assert!(e.contains("answered 401: bad client credentials"), "{e}");
    server.stop().await;
}
