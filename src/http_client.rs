//! A minimal HTTP/1.1 client (hyper) for the fetches security needs — a broker's JWK set
//! (OAUTHBEARER) and the toolbox's OAuth token (OIDC client credentials) — and the toolbox's
//! calls to a schema registry. `https://` URLs are checked with rustls against the system's
//! CAs, or the ones given; answers are size-bounded.

use http_body_util::{BodyExt, Full, Limited};
use hyper_util::rt::TokioIo;

/// The most bytes an answer may have.
const MAX_ANSWER_BYTES: usize = 1024 * 1024;

/// One request: (status, body), or why it could not be made.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Vec<u8>,
) -> Result<(u16, Vec<u8>), String> {
    let tls = crate::client::security::ClientTls::default();
    request_with(method, url, headers, body, &tls, MAX_ANSWER_BYTES).await
}

/// [`request`] trusting `tls`'s CAs (and presenting its client certificate) for `https://`,
/// reading at most `max_answer_bytes`.
pub async fn request_with(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Vec<u8>,
    tls: &crate::client::security::ClientTls,
    max_answer_bytes: usize,
) -> Result<(u16, Vec<u8>), String> {
    let uri: hyper::Uri = url.parse().map_err(|e| format!("not a URL: {e}"))?;
    let https = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err("the URL must be https:// or http://".into()),
    };
    let host = uri.host().ok_or("the URL has no host")?.to_string();
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    let mut builder = hyper::Request::builder()
        .method(method)
        .uri(uri.path_and_query().map_or("/", |p| p.as_str()))
        .header(hyper::header::HOST, host.as_str());
    for (name, value) in headers {
        builder = builder.header(*name, value.as_str());
    }
    let request = builder
        .body(Full::new(bytes::Bytes::from(body)))
        .map_err(|e| e.to_string())?;
    macro_rules! send {
        ($io:expr) => {{
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new($io))
                .await
                .map_err(|e| format!("HTTP: {e}"))?;
            tokio::spawn(conn);
            sender
                .send_request(request)
                .await
                .map_err(|e| format!("HTTP: {e}"))?
        }};
    }
    let response = if https {
        let security = crate::client::security::ClientSecurity {
            tls: Some(tls.clone()),
            ..Default::default()
        };
        let config = security
            .tls_config()
            .map_err(|e| e.to_string())?
            .ok_or("no TLS configuration")?;
        let name = rustls_pki_types::ServerName::try_from(host.clone())
            .map_err(|e| format!("TLS: {e}"))?;
        let tls = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS handshake failed: {e}"))?;
        send!(tls)
    } else {
        send!(tcp)
    };
    let status = response.status().as_u16();
    let body = Limited::new(response.into_body(), max_answer_bytes)
        .collect()
        .await
        .map_err(|e| format!("reading the answer: {e}"))?;
    Ok((status, body.to_bytes().to_vec()))
}
