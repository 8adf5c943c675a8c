//! The HTTP listener of `serve --http-addr`: health probes and Prometheus metrics.
//!
//! - `GET /health/live` answers 200 whenever the event loop runs (a liveness probe).
//! - `GET /health/ready` answers 503 while the broker recovers its logs or shuts down and
//!   200 while it serves Kafka clients (a readiness probe, and what `streamline wait` and
//!   `top` can look at).
//! - `GET /metrics` is the Prometheus text format, gathered on the blocking pool since a
//!   scrape reads every partition's state.
//!
//! The listener starts before the broker opens, so probes see the recovery; it stops after
//! the broker has finished shutting down.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ALLOW, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use crate::broker::Broker;
use crate::metrics::collect::{self, ScrapeSettings};
use crate::metrics::text::CONTENT_TYPE as METRICS_CONTENT_TYPE;

/// HTTP connections served at once; probes and scrapers need a handful.
const MAX_CONNECTIONS: usize = 64;

/// How long a client has to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the broker stands, as `/health/ready` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Readiness {
    Recovering = 0,
    Serving = 1,
    ShuttingDown = 2,
}

/// What the HTTP handlers share with the server.
pub struct HttpState {
    readiness: AtomicU8,
    broker: OnceLock<Arc<Broker>>,
    scrape: ScrapeSettings,
}

impl HttpState {
    pub fn new(scrape: ScrapeSettings) -> HttpState {
        HttpState {
            readiness: AtomicU8::new(Readiness::Recovering as u8),
            broker: OnceLock::new(),
            scrape,
        }
    }

    /// The broker is open: metrics cover it and readiness turns to serving.
    pub fn serving(&self, broker: Arc<Broker>) {
        let _ = self.broker.set(broker);
        self.readiness
            .store(Readiness::Serving as u8, Ordering::Release);
    }

    pub fn shutting_down(&self) {
        self.readiness
            .store(Readiness::ShuttingDown as u8, Ordering::Release);
    }

    fn readiness(&self) -> Readiness {
        match self.readiness.load(Ordering::Acquire) {
            1 => Readiness::Serving,
            2 => Readiness::ShuttingDown,
            _ => Readiness::Recovering,
        }
    }
}

/// Serves HTTP on `listener` until `stop` flips to true.
pub async fn serve(listener: TcpListener, state: Arc<HttpState>, stop: watch::Receiver<bool>) {
    let limits = ConnectionLimits {
        max_connections: MAX_CONNECTIONS,
        header_timeout: HEADER_TIMEOUT,
        what: "HTTP",
    };
    serve_connections(listener, stop, limits, move |req| {
        let state = state.clone();
        async move { answer(&state, &req).await }
    })
    .await;
}

/// What an HTTP listener allows.
pub struct ConnectionLimits {
    /// Connections served at once; more are closed on arrival.
    pub max_connections: usize,
    /// How long a client has to send its request headers.
    pub header_timeout: Duration,
    /// The listener, in log lines.
    pub what: &'static str,
}

/// Accepts HTTP/1.1 connections on `listener` and answers each request with `handle` until
/// `stop` flips to true; connections over the limit are closed on arrival.
pub async fn serve_connections<H, F>(
    listener: TcpListener,
    mut stop: watch::Receiver<bool>,
    limits: ConnectionLimits,
    handle: H,
) where
    H: Fn(Request<Incoming>) -> F + Clone + Send + Sync + 'static,
    F: std::future::Future<Output = Response<Full<Bytes>>> + Send + 'static,
{
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut connections = JoinSet::new();
    let what = limits.what;
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.changed() => break,
        };
        while connections.try_join_next().is_some() {}
        let Ok((stream, peer)) = accepted else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            tracing::debug!(%peer, "too many {what} connections; refusing one");
            continue;
        };
        let handle = handle.clone();
        let header_timeout = limits.header_timeout;
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let answer = handle(req);
                async move { Ok::<_, Infallible>(answer.await) }
            });
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(%peer, error = %e, "{what} connection ended with an error");
            }
            drop(permit);
        });
    }
    connections.abort_all();
}

async fn answer(state: &HttpState, req: &Request<Incoming>) -> Response<Full<Bytes>> {
    let head = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head {
        let mut r = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served\n",
        );
        r.headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let mut response = match req.uri().path() {
        "/health/live" => text(StatusCode::OK, "live\n"),
        "/health/ready" => match state.readiness() {
            Readiness::Serving => text(StatusCode::OK, "ready\n"),
            Readiness::Recovering => text(
                StatusCode::SERVICE_UNAVAILABLE,
                "recovering: the broker is opening its logs\n",
            ),
            Readiness::ShuttingDown => text(StatusCode::SERVICE_UNAVAILABLE, "shutting down\n"),
        },
        "/metrics" => {
            let broker = state.broker.get().cloned();
            let scrape = state.scrape;
            let rendered =
                tokio::task::spawn_blocking(move || collect::render(broker.as_deref(), scrape))
                    .await;
            match rendered {
                Ok(body) => {
                    let mut r = Response::new(Full::new(Bytes::from(body)));
                    r.headers_mut()
                        .insert(CONTENT_TYPE, HeaderValue::from_static(METRICS_CONTENT_TYPE));
                    r
                }
                Err(e) => text(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    &format!("the scrape failed: {e}\n"),
                ),
            }
        }
        _ => text(
            StatusCode::NOT_FOUND,
            "not found: try /health/live, /health/ready or /metrics\n",
        ),
    };
    if head {
        *response.body_mut() = Full::new(Bytes::new());
    }
    response
}

fn text(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body.to_owned())));
    *r.status_mut() = status;
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// The running HTTP listener of a server: stopped on its own signal, after the broker has
/// shut down, so that readiness probes see the shutdown.
pub struct HttpListener {
    addr: SocketAddr,
    state: Arc<HttpState>,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl HttpListener {
    /// Binds `addr` and serves probes (reporting recovery) until the broker is handed over.
    pub async fn start(addr: SocketAddr, scrape: ScrapeSettings) -> crate::Result<HttpListener> {
        let listener = bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(HttpState::new(scrape));
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(serve(listener, state.clone(), stopped));
        Ok(HttpListener {
            addr,
            state,
            stop,
            task,
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// What the handlers read: readiness and the broker.
    pub fn state(&self) -> &HttpState {
        &self.state
    }

    /// Stops serving and waits for the listener task.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }

    /// Stops serving without waiting.
    pub fn stop_now(self) {
        let _ = self.stop.send(true);
        self.task.abort();
    }
}

/// Binds the HTTP listener.
pub async fn bind(addr: SocketAddr) -> crate::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .map_err(|reason| crate::Error::Listen {
            addr,
            http: true,
            reason,
        })
}
