//! Who is asking, and through which listener: what every request carries besides its body
//! (Kafka's `RequestContext`). Handlers use it to authorize and to answer with the addresses of
//! the listener the client came in on.

use std::net::SocketAddr;
use std::sync::Arc;

use crate::security::principal::Principal;

/// The context of one request.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The connection's authenticated principal (`User:ANONYMOUS` if it did not authenticate).
    pub principal: Principal,
    /// The listener the request arrived on; `None` for the in-process broker.
    pub listener: Option<Arc<str>>,
    /// The client's address; `None` in process.
    pub peer: Option<SocketAddr>,
}

impl RequestContext {
    /// A request made in process (the toolbox on a data directory, an embedding program): the
    /// owner of the data directory, which no ACL restricts.
    pub fn in_process() -> RequestContext {
        RequestContext {
            principal: Principal::user("ANONYMOUS"),
            listener: None,
            peer: None,
        }
    }

    /// Whether the request came from this process rather than over the network.
    pub fn is_in_process(&self) -> bool {
        self.listener.is_none()
    }

    /// The client's host as ACLs name hosts (its IP address).
    pub fn host(&self) -> String {
        self.peer
            .map(|p| p.ip().to_string())
            .unwrap_or_else(|| "127.0.0.1".to_string())
    }
}
