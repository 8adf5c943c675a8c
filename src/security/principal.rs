//! Who a connection is: Kafka's `KafkaPrincipal`, written as `Type:name` (`User:alice`).
//!
//! A connection on a PLAINTEXT listener (or SSL without a client certificate) is
//! `User:ANONYMOUS`; SASL makes it `User:<authenticated name>`; a client certificate makes it
//! `User:<the subject's DN, mapped by ssl.principal.mapping.rules>`.

use std::fmt;
use std::sync::Arc;

/// The principal of a connection that has not authenticated.
pub const ANONYMOUS: &str = "User:ANONYMOUS";

/// An authenticated identity, shared by every request of its connection.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Principal(Arc<str>);

impl Principal {
    /// `User:<name>`.
    pub fn user(name: &str) -> Principal {
        Principal(Arc::from(format!("User:{name}")))
    }

    /// `User:ANONYMOUS`.
    pub fn anonymous() -> Principal {
        Principal(Arc::from(ANONYMOUS))
    }

    /// `Type:name`, as ACLs name principals.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name after the type (`alice` of `User:alice`).
    pub fn name(&self) -> &str {
        self.0.split_once(':').map_or(&self.0, |(_, name)| name)
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a principal as ACL requests write it: `Type:name` with both parts present
/// (Kafka's `SecurityUtils.parseKafkaPrincipal`).
pub fn parse(text: &str) -> Option<(&str, &str)> {
    let (kind, name) = text.split_once(':')?;
    (!kind.is_empty() && !name.is_empty()).then_some((kind, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_and_their_names() {
        let p = Principal::user("alice");
        assert_eq!(p.as_str(), "User:alice");
        assert_eq!(p.name(), "alice");
        assert_eq!(Principal::user("CN=a,O=b").name(), "CN=a,O=b");
        assert_eq!(Principal::anonymous().to_string(), "User:ANONYMOUS");
        assert_eq!(parse("User:bob"), Some(("User", "bob")));
        assert_eq!(parse("User:"), None);
        assert_eq!(parse("bob"), None);
    }
}
