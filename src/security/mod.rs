//! Security: who a client is and what it may do.
//!
//! - `principal.rs` — the identity of a connection (`User:alice`).
//! - `tls.rs`, `ssl_principal.rs` — the broker's TLS configuration and the principal of a
//!   client certificate (Kafka's `ssl.principal.mapping.rules`).
//! - `mechanism.rs`, `plain.rs`, `scram.rs`, `scram_client.rs` — the SASL mechanisms PLAIN and
//!   SCRAM-SHA-256/512, the server's side and the client's.
//! - `oauthbearer.rs`, `jwks.rs` — SASL/OAUTHBEARER tokens: unsecured (development) or signed
//!   and checked against a JWK set.
//! - `credentials.rs` — the users' SCRAM credentials, stored durably (KIP-554).
//! - `acl.rs`, `acl_store.rs` — Kafka's ACL model, its authorization decision, and the ACLs
//!   in force, stored durably.
//! - `store_file.rs` — the private, atomically replaced files they are kept in.
//! - `dev_certs.rs` — a throwaway CA and certificates for development and tests.

pub mod acl;
pub mod acl_store;
pub mod credentials;
#[cfg(feature = "cli")]
pub mod dev_certs;
pub mod jwks;
pub mod mechanism;
pub mod oauthbearer;
pub mod plain;
pub mod principal;
pub mod scram;
pub mod scram_client;
pub mod ssl_principal;
mod store_file;
pub mod tls;
