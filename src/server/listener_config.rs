//! The Kafka listeners a server opens, from `listeners` / `advertised_listeners` (or the single
//! PLAINTEXT `listen_addr` when no listener is named), with Kafka's grammar:
//! `NAME=PROTOCOL://HOST:PORT`, or `PROTOCOL://HOST:PORT` for a listener named after its
//! protocol. An empty host means every interface, as in Kafka.
//!
//! Invariants checked here, before anything binds: names and ports are unique, every TLS
//! listener has a certificate and key, and a listener without authentication binds to a
//! non-loopback address only when `allow_unauthenticated_remote` says so.

use std::net::{SocketAddr, ToSocketAddrs};

use crate::config::ServerConfig;
use crate::security::tls::ClientAuth;
use crate::{Error, Result};

/// How a listener secures its connections (Kafka's `SecurityProtocol`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityProtocol {
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

impl SecurityProtocol {
    pub fn parse(text: &str) -> Option<SecurityProtocol> {
        Some(match text.to_ascii_uppercase().as_str() {
            "PLAINTEXT" => SecurityProtocol::Plaintext,
            "SSL" => SecurityProtocol::Ssl,
            "SASL_PLAINTEXT" => SecurityProtocol::SaslPlaintext,
            "SASL_SSL" => SecurityProtocol::SaslSsl,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            SecurityProtocol::Plaintext => "PLAINTEXT",
            SecurityProtocol::Ssl => "SSL",
            SecurityProtocol::SaslPlaintext => "SASL_PLAINTEXT",
            SecurityProtocol::SaslSsl => "SASL_SSL",
        }
    }

    /// Kafka's code for it (DescribeCluster and Metadata do not carry it; KIP-919's
    /// endpoints do).
    pub fn code(self) -> i16 {
        match self {
            SecurityProtocol::Plaintext => 0,
            SecurityProtocol::Ssl => 1,
            SecurityProtocol::SaslPlaintext => 2,
            SecurityProtocol::SaslSsl => 3,
        }
    }

    pub fn uses_tls(self) -> bool {
        matches!(self, SecurityProtocol::Ssl | SecurityProtocol::SaslSsl)
    }

    pub fn uses_sasl(self) -> bool {
        matches!(
            self,
            SecurityProtocol::SaslPlaintext | SecurityProtocol::SaslSsl
        )
    }
}

/// One listener to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerSpec {
    pub name: String,
    pub protocol: SecurityProtocol,
    pub addr: SocketAddr,
    /// `host:port` to advertise, when not the bound address.
    pub advertised: Option<String>,
}

impl ListenerSpec {
    /// Whether a client must prove who it is to use this listener.
    pub fn authenticates(&self, client_auth: ClientAuth) -> bool {
        self.protocol.uses_sasl()
            || (self.protocol == SecurityProtocol::Ssl && client_auth == ClientAuth::Required)
    }
}

/// The listeners `config` asks for, checked.
pub fn listeners_of(config: &ServerConfig) -> Result<Vec<ListenerSpec>> {
    let mut specs = if config.listeners.is_empty() {
        vec![ListenerSpec {
            name: "PLAINTEXT".into(),
            protocol: SecurityProtocol::Plaintext,
            addr: config.listen_addr,
            advertised: config.advertised_addr.clone(),
        }]
    } else {
        config
            .listeners
            .iter()
            .map(|text| parse_listener(text))
            .collect::<Result<Vec<_>>>()?
    };
    for text in &config.advertised_listeners {
        let (name, address) = text
            .split_once("://")
            .or_else(|| text.split_once('='))
            .ok_or_else(|| {
                invalid(format!(
                    "advertised listener '{text}' is not NAME=HOST:PORT"
                ))
            })?;
        let spec = specs
            .iter_mut()
            .find(|s| s.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                invalid(format!(
                    "advertised listener '{text}' names no listener (listeners: {})",
                    config.listeners.join(", ")
                ))
            })?;
        let (host, port) = address
            .rsplit_once(':')
            .ok_or_else(|| invalid(format!("advertised listener '{text}' has no port")))?;
        if host.is_empty() || port.parse::<u16>().is_err() {
            return Err(invalid(format!(
                "advertised listener '{text}' must be NAME=HOST:PORT"
            )));
        }
        spec.advertised = Some(address.to_string());
    }
    check(config, &specs)?;
    Ok(specs)
}

fn invalid(message: String) -> Error {
    Error::InvalidConfig(message)
}

/// Parses `NAME=PROTOCOL://HOST:PORT` or `PROTOCOL://HOST:PORT`.
pub fn parse_listener(text: &str) -> Result<ListenerSpec> {
    let text = text.trim();
    let bad = |why: &str| {
        invalid(format!(
            "listener '{text}' {why}: write NAME=PROTOCOL://HOST:PORT, PROTOCOL being PLAINTEXT, \
             SSL, SASL_PLAINTEXT or SASL_SSL"
        ))
    };
    let (name, url) = match text.split_once('=') {
        Some((name, url)) => (Some(name.trim()), url.trim()),
        None => (None, text),
    };
    let (protocol, address) = url.split_once("://").ok_or_else(|| bad("has no ://"))?;
    let protocol =
        SecurityProtocol::parse(protocol).ok_or_else(|| bad("has an unknown protocol"))?;
    let name = name.unwrap_or(protocol.name());
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(bad("has an invalid name"));
    }
    let (host, port) = address.rsplit_once(':').ok_or_else(|| bad("has no port"))?;
    let port: u16 = port.parse().map_err(|_| bad("has an invalid port"))?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let host = if host.is_empty() { "0.0.0.0" } else { host };
    let addr = (host, port)
        .to_socket_addrs()
        .map_err(|e| invalid(format!("listener '{text}': cannot resolve {host}: {e}")))?
        .next()
        .ok_or_else(|| invalid(format!("listener '{text}': {host} has no address")))?;
    Ok(ListenerSpec {
        name: name.to_ascii_uppercase(),
        protocol,
        addr,
        advertised: None,
    })
}

fn check(config: &ServerConfig, specs: &[ListenerSpec]) -> Result<()> {
    for (i, spec) in specs.iter().enumerate() {
        let earlier = specs.iter().take(i);
        if earlier.clone().any(|other| other.name == spec.name) {
            return Err(invalid(format!("two listeners are named {}", spec.name)));
        }
        if spec.addr.port() != 0 && earlier.clone().any(|other| other.addr == spec.addr) {
            return Err(invalid(format!(
                "two listeners bind to {} ({})",
                spec.addr, spec.name
            )));
        }
        if spec.protocol.uses_tls()
            && (config.ssl_certificate_location.is_none() || config.ssl_key_location.is_none())
        {
            return Err(invalid(format!(
                "listener {} uses TLS ({}): set ssl_certificate_location and ssl_key_location",
                spec.name,
                spec.protocol.name()
            )));
        }
        if !spec.addr.ip().is_loopback()
            && !spec.authenticates(config.ssl_client_auth)
            && !config.allow_unauthenticated_remote
        {
            return Err(invalid(format!(
                "listener {} on {} would let anyone who can reach it read, write and delete \
                 every topic without authentication: use a SASL listener (or SSL with \
                 ssl_client_auth = required), bind it to loopback, or allow this with \
                 --allow-unauthenticated-remote",
                spec.name, spec.addr
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(listeners: &[&str]) -> ServerConfig {
        ServerConfig {
            listeners: listeners.iter().map(|s| s.to_string()).collect(),
            ..ServerConfig::default()
        }
    }

    #[test]
    fn kafka_listener_grammar() {
        let l = parse_listener("client=SASL_SSL://127.0.0.1:9093").unwrap();
        assert_eq!(l.name, "CLIENT");
        assert_eq!(l.protocol, SecurityProtocol::SaslSsl);
        assert_eq!(l.addr, "127.0.0.1:9093".parse().unwrap());
        let l = parse_listener("PLAINTEXT://localhost:0").unwrap();
        assert_eq!(l.name, "PLAINTEXT");
        assert!(l.addr.ip().is_loopback());
        assert_eq!(
            parse_listener("SSL://:9094").unwrap().addr.ip().to_string(),
            "0.0.0.0"
        );
        for bad in [
            "HTTP://x:1",
            "PLAINTEXT:/x:1",
            "a b=PLAINTEXT://x:1",
            "PLAINTEXT://x",
        ] {
            assert!(parse_listener(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_default_is_one_plaintext_listener_on_listen_addr() {
        let specs = listeners_of(&ServerConfig::default()).unwrap();
        assert_eq!(specs.len(), 1);
        assert_eq!(specs[0].protocol, SecurityProtocol::Plaintext);
        assert_eq!(specs[0].addr, "127.0.0.1:9092".parse().unwrap());
    }

    #[test]
    fn unauthenticated_listeners_stay_on_loopback_unless_allowed() {
        let open = config(&["PLAINTEXT://0.0.0.0:0"]);
        let e = listeners_of(&open).unwrap_err().to_string();
        assert!(e.contains("--allow-unauthenticated-remote"), "{e}");
        let allowed = ServerConfig {
            allow_unauthenticated_remote: true,
            ..open
        };
        assert!(listeners_of(&allowed).is_ok());
        assert!(listeners_of(&config(&["SASL_PLAINTEXT://0.0.0.0:0"])).is_ok());
    }

    #[test]
    fn duplicates_tls_without_certificates_and_advertised_names_are_checked() {
        let e = listeners_of(&config(&[
            "A=PLAINTEXT://127.0.0.1:0",
            "a=SSL://127.0.0.1:0",
        ]))
        .unwrap_err();
        assert!(e.to_string().contains("two listeners"), "{e}");
        let e = listeners_of(&config(&["SSL://127.0.0.1:0"])).unwrap_err();
        assert!(e.to_string().contains("ssl_certificate_location"), "{e}");
        let mut c = config(&["INTERNAL=PLAINTEXT://127.0.0.1:0"]);
        c.advertised_listeners = vec!["INTERNAL://broker:19092".into()];
        assert_eq!(
            listeners_of(&c).unwrap()[0].advertised.as_deref(),
            Some("broker:19092")
        );
        c.advertised_listeners = vec!["OTHER=broker:1".into()];
        assert!(listeners_of(&c).is_err());
    }
}
