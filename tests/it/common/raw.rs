//! Raw Kafka protocol over a socket, for tests that need exact frames: build a request frame,
//! read a response frame, or do both and decode.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::{ApiKey, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A whole request frame, length prefix included.
pub fn frame<R: Encodable>(key: ApiKey, version: i16, correlation_id: i32, body: &R) -> Vec<u8> {
    let header = RequestHeader::default()
        .with_request_api_key(key as i16)
        .with_request_api_version(version)
        .with_correlation_id(correlation_id)
        .with_client_id(Some(StrBytes::from_static_str("streamline-test")));
    let mut buf = BytesMut::new();
    header
        .encode(&mut buf, key.request_header_version(version))
        .expect("encode header");
    body.encode(&mut buf, version).expect("encode body");
    let mut out = (buf.len() as i32).to_be_bytes().to_vec();
    out.extend_from_slice(&buf);
    out
}

/// Reads one response frame body, or `None` if the server closed the connection.
pub async fn read_frame(stream: &mut TcpStream) -> Option<Bytes> {
    let mut len = [0u8; 4];
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_exact(&mut len))
        .await
        .expect("the server answers or closes within 10 s");
    read.ok()?;
    let mut body = vec![0u8; i32::from_be_bytes(len) as usize];
    stream.read_exact(&mut body).await.ok()?;
    Some(Bytes::from(body))
}

/// Sends one request and decodes its response.
pub async fn call<Req: Encodable, Resp: Decodable>(
    stream: &mut TcpStream,
    key: ApiKey,
    version: i16,
    req: &Req,
) -> Resp {
    stream
        .write_all(&frame(key, version, 1, req))
        .await
        .expect("send");
    let mut body = read_frame(stream).await.expect("a response");
    let header = ResponseHeader::decode(&mut body, key.response_header_version(version))
        .expect("response header");
    assert_eq!(header.correlation_id, 1);
    Resp::decode(&mut body, version).expect("response body")
}
