//! The integration tests, as one test binary (linking librdkafka and the library once): each
//! module is one area, driving a real server with real clients or the built `streamline`
//! executable. `cargo test --test it MODULE::` runs one area.

// As the `streamline` executable does: in-process servers here are sent hostile frames.
#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: streamline::alloc::LazyLargeAlloc = streamline::alloc::LazyLargeAlloc;

mod common;

mod admin;
mod apache_kafka;
mod apache_kafka_secure;
mod bad_input;
mod bounded;
mod cli_benchmark;
mod cli_ci;
mod cli_doctor;
mod cli_groups;
mod cli_schemas;
mod cli_security;
mod cli_serve;
mod cli_toolbox;
mod cli_transactions;
mod compaction;
mod completions;
mod config_docs;
mod consumer_protocol;
mod durability;
mod embedded;
mod every_version;
mod fuzz;
mod go_clients;
mod group_protocol;
mod groups;
mod guide;
mod help_snapshots;
mod history;
mod idempotence;
mod java_client;
mod kafkajs_client;
mod metrics_http;
mod migrate;
mod open_files;
mod output_snapshots;
mod pipelining;
mod playground;
mod produce_consume;
mod python_client;
mod quickstart;
mod schema_registry;
mod schema_registry_rest;
mod security_acls;
mod security_auth;
mod security_oauth;
mod shell;
mod third_party;
mod top;
mod transactions;
mod transactions_protocol;
