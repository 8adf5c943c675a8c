//! Security: who a client is and what it may do. So far Kafka's ACL model and its
//! authorization decision (`acl.rs`); the listeners, SASL mechanisms and the ACL APIs that
//! use it come with it into the broker.

pub mod acl;
