//! Security: who a client is and what it may do. So far Kafka's ACL model and its
//! authorization decision (`acl.rs`) and the SCRAM credentials and server exchange
//! (`scram.rs`); the listeners, the SASL APIs and the ACL and user APIs that use them come
//! next, into the broker.

pub mod acl;
pub mod scram;
