//! One scrape: the broker's counters and its current state written in the Prometheus text
//! format. Names follow Prometheus conventions — a `streamline_` prefix, base units in the
//! name (`_bytes`, `_seconds`), `_total` on counters — and the process figures use the
//! standard `process_*` names.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

use kafka_protocol::messages::ApiKey;

use super::text::{Exposition, Kind};
use super::{errors, process, FSYNC};
use crate::broker::txn::state::TxnState;
use crate::broker::Broker;

/// What a scrape includes beyond the defaults.
#[derive(Debug, Clone, Copy)]
pub struct ScrapeSettings {
    /// Per-partition log series besides the per-topic ones.
    pub partition_series: bool,
    /// Labelled series written at most; the rest are counted in
    /// `streamline_metrics_series_dropped`.
    pub max_series: usize,
}

/// Writes a whole scrape. `broker` is `None` while the broker is still recovering its logs:
/// the process and build figures are there from the first moment.
pub fn render(broker: Option<&Broker>, settings: ScrapeSettings) -> String {
    let mut e = Exposition::new(settings.max_series);
    build_info(&mut e);
    process_figures(&mut e);
    fsync(&mut e);
    if let Some(broker) = broker {
        uptime(&mut e, broker);
        requests(&mut e, broker);
        connections(&mut e, broker);
        topics(&mut e, broker, settings.partition_series);
        groups(&mut e, broker);
        transactions(&mut e, broker);
    }
    let (_, dropped) = e.counts();
    e.family(
        "streamline_metrics_series_dropped",
        Kind::Gauge,
        "Labelled series left out of this scrape by metrics_max_series.",
    );
    e.sample("streamline_metrics_series_dropped", &[], dropped as f64);
    e.finish()
}

fn build_info(e: &mut Exposition) {
    e.family(
        "streamline_build_info",
        Kind::Gauge,
        "Always 1; the labels say which build is running.",
    );
    e.sample(
        "streamline_build_info",
        &[("version", env!("CARGO_PKG_VERSION"))],
        1.0,
    );
}

fn uptime(e: &mut Exposition, broker: &Broker) {
    let m = &broker.metrics;
    e.family(
        "process_start_time_seconds",
        Kind::Gauge,
        "Start time of the broker since the Unix epoch, in seconds.",
    );
    e.sample("process_start_time_seconds", &[], m.started_unix_seconds);
    e.family(
        "streamline_uptime_seconds",
        Kind::Gauge,
        "Seconds since the broker started serving.",
    );
    e.sample("streamline_uptime_seconds", &[], m.uptime().as_secs_f64());
}

fn process_figures(e: &mut Exposition) {
    let p = process::read();
    let figures = [
        (
            "process_resident_memory_bytes",
            Kind::Gauge,
            "Resident memory size in bytes.",
            p.resident_bytes.map(|v| v as f64),
        ),
        (
            "process_cpu_seconds_total",
            Kind::Counter,
            "User and system CPU time spent, in seconds.",
            p.cpu_seconds,
        ),
        (
            "process_open_fds",
            Kind::Gauge,
            "Open file descriptors.",
            p.open_fds.map(|v| v as f64),
        ),
        (
            "process_max_fds",
            Kind::Gauge,
            "The limit on open file descriptors.",
            p.max_fds.map(|v| v as f64),
        ),
    ];
    for (name, kind, help, value) in figures {
        if let Some(v) = value {
            e.family(name, kind, help);
            e.sample(name, &[], v);
        }
    }
}

fn fsync(e: &mut Exposition) {
    e.family(
        "streamline_fsync_duration_seconds",
        Kind::Histogram,
        "Time each fsync of log data took.",
    );
    e.histogram("streamline_fsync_duration_seconds", &[], &FSYNC.snapshot());
}

fn requests(e: &mut Exposition, broker: &Broker) {
    let m = &broker.metrics;
    let served: Vec<(String, &super::ApiMetrics)> = m
        .apis
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.latency.is_empty())
        .filter_map(|(key, a)| Some((api_name(i16::try_from(key).ok()?), a)))
        .collect();
    e.family(
        "streamline_requests_total",
        Kind::Counter,
        "Requests answered, by API.",
    );
    for (api, a) in &served {
        e.sample(
            "streamline_requests_total",
            &[("api", api)],
            a.requests.load(Ordering::Relaxed) as f64,
        );
    }
    e.family(
        "streamline_request_errors_total",
        Kind::Counter,
        "Error codes in responses (each topic's or partition's counts once), by API and \
         Kafka error name; CLOSED_CONNECTION counts requests that closed their connection.",
    );
    let errors = m.errors.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for ((api, code), count) in errors {
        let name = if code == super::CLOSED_CONNECTION {
            "CLOSED_CONNECTION".to_string()
        } else {
            errors::kafka_name(code)
        };
        e.sample(
            "streamline_request_errors_total",
            &[("api", &api_name(api)), ("error", &name)],
            count as f64,
        );
    }
    e.family(
        "streamline_request_duration_seconds",
        Kind::Histogram,
        "Time from a request's arrival to its answer (waits included), by API.",
    );
    for (api, a) in &served {
        e.histogram(
            "streamline_request_duration_seconds",
            &[("api", api)],
            &a.latency.snapshot(),
        );
    }
    let waiting = [
        (
            "streamline_produce_waiting",
            "Produce requests waiting for their fsync.",
            &m.produce_waiting,
        ),
        (
            "streamline_fetch_waiting",
            "Fetch requests long-polling for data.",
            &m.fetch_waiting,
        ),
    ];
    for (name, help, gauge) in waiting {
        e.family(name, Kind::Gauge, help);
        e.sample(name, &[], gauge.load(Ordering::Relaxed) as f64);
    }
}

fn api_name(key: i16) -> String {
    ApiKey::try_from(key).map_or_else(|_| format!("api_{key}"), |k| format!("{k:?}"))
}

fn connections(e: &mut Exposition, broker: &Broker) {
    let c = &broker.metrics.connections;
    e.family(
        "streamline_connections_active",
        Kind::Gauge,
        "Client connections open now.",
    );
    e.sample(
        "streamline_connections_active",
        &[],
        c.active.load(Ordering::Relaxed) as f64,
    );
    let counters = [
        (
            "streamline_connections_opened_total",
            "Client connections accepted.",
            &c.opened,
        ),
        (
            "streamline_connections_closed_total",
            "Client connections closed, by either side.",
            &c.closed,
        ),
        (
            "streamline_connections_refused_total",
            "Connections refused at accept by max_connections or max_connections_per_ip.",
            &c.refused,
        ),
        (
            "streamline_tls_handshake_failures_total",
            "Connections closed because their TLS handshake failed.",
            &c.tls_handshake_failures,
        ),
        (
            "streamline_authentication_failures_total",
            "SASL authentications refused.",
            &c.authentication_failures,
        ),
        (
            "streamline_reauthentications_total",
            "SASL sessions renewed on the same connection (KIP-368).",
            &c.reauthentications,
        ),
    ];
    for (name, help, counter) in counters {
        e.family(name, Kind::Counter, help);
        e.sample(name, &[], counter.load(Ordering::Relaxed) as f64);
    }
}

/// Per-topic state and traffic, read now; a topic deleted since the last scrape is gone.
struct TopicRow {
    name: String,
    partitions: Vec<PartitionRow>,
    traffic: [u64; 4],
}

struct PartitionRow {
    index: String,
    size: u64,
    segments: u64,
    start: i64,
    end: i64,
}

fn topics(e: &mut Exposition, broker: &Broker, partition_series: bool) {
    let rows: Vec<TopicRow> = broker
        .topics()
        .iter()
        .map(|t| TopicRow {
            name: t.name.clone(),
            partitions: t
                .partitions()
                .iter()
                .map(|p| {
                    let offsets = p.offsets();
                    let log = p.log();
                    PartitionRow {
                        index: p.index.to_string(),
                        size: log.size_bytes(),
                        segments: log.segment_count() as u64,
                        start: offsets.log_start_offset,
                        end: offsets.log_end_offset,
                    }
                })
                .collect(),
            traffic: [
                t.traffic.bytes_in.load(Ordering::Relaxed),
                t.traffic.records_in.load(Ordering::Relaxed),
                t.traffic.bytes_out.load(Ordering::Relaxed),
                t.traffic.records_out.load(Ordering::Relaxed),
            ],
        })
        .collect();
    let traffic = [
        (
            "streamline_topic_bytes_in_total",
            "Bytes of record batches appended by producers.",
        ),
        (
            "streamline_topic_records_in_total",
            "Records appended by producers.",
        ),
        (
            "streamline_topic_bytes_out_total",
            "Bytes of record batches sent to consumers.",
        ),
        (
            "streamline_topic_records_out_total",
            "Records sent to consumers (control records excluded).",
        ),
    ];
    for (i, (name, help)) in traffic.iter().enumerate() {
        e.family(name, Kind::Counter, help);
        for row in &rows {
            let value = row.traffic.get(i).copied().unwrap_or(0);
            e.sample(name, &[("topic", &row.name)], value as f64);
        }
    }
    type Figure = fn(&PartitionRow) -> f64;
    let state: [(&str, &str, Figure); 4] = [
        ("log_size_bytes", "Bytes of record batches held", |p| {
            p.size as f64
        }),
        ("log_segments", "Segment files", |p| p.segments as f64),
        (
            "log_start_offset",
            "First offset held (the log start offset)",
            |p| p.start as f64,
        ),
        (
            "log_end_offset",
            "Next offset to be written (the log end offset)",
            |p| p.end as f64,
        ),
    ];
    for (suffix, help, figure) in state {
        let name = format!("streamline_topic_{suffix}");
        e.family(
            &name,
            Kind::Gauge,
            &format!("{help}, summed over the topic's partitions."),
        );
        for row in &rows {
            let sum: f64 = row.partitions.iter().map(figure).sum();
            e.sample(&name, &[("topic", &row.name)], sum);
        }
    }
    e.family(
        "streamline_topic_partitions",
        Kind::Gauge,
        "Partitions of the topic.",
    );
    for row in &rows {
        e.sample(
            "streamline_topic_partitions",
            &[("topic", &row.name)],
            row.partitions.len() as f64,
        );
    }
    if partition_series {
        for (suffix, help, figure) in state {
            let name = format!("streamline_partition_{suffix}");
            e.family(&name, Kind::Gauge, &format!("{help}, per partition."));
            for row in &rows {
                for p in &row.partitions {
                    e.sample(
                        &name,
                        &[("topic", &row.name), ("partition", &p.index)],
                        figure(p),
                    );
                }
            }
        }
    }
}

fn groups(e: &mut Exposition, broker: &Broker) {
    // Copied out under the groups' lock, which is released before any partition is read.
    struct GroupRow {
        id: String,
        members: usize,
        rebalances: i64,
        committed: Vec<(String, i32, i64)>,
    }
    let rows: Vec<GroupRow> = broker
        .groups
        .lock()
        .values()
        .map(|g| GroupRow {
            id: g.id.clone(),
            members: g
                .consumer
                .as_ref()
                .map_or(g.members.len(), |c| c.members.len()),
            rebalances: g
                .consumer
                .as_ref()
                .map_or(i64::from(g.generation_id), |c| i64::from(c.group_epoch)),
            committed: g
                .offsets
                .iter()
                .map(|((t, p), c)| (t.clone(), *p, c.offset))
                .collect(),
        })
        .collect();
    e.family(
        "streamline_consumer_group_members",
        Kind::Gauge,
        "Members of the consumer group.",
    );
    for g in &rows {
        e.sample(
            "streamline_consumer_group_members",
            &[("group", &g.id)],
            g.members as f64,
        );
    }
    e.family(
        "streamline_consumer_group_rebalances_total",
        Kind::Counter,
        "Rebalances of the group: its generation (classic protocol) or group epoch (consumer \
         protocol).",
    );
    for g in &rows {
        e.sample(
            "streamline_consumer_group_rebalances_total",
            &[("group", &g.id)],
            g.rebalances.max(0) as f64,
        );
    }
    // Lag per (group, topic): the log end offset minus the committed offset, per partition.
    let mut lag: BTreeMap<(&str, &str), (i64, i64)> = BTreeMap::new();
    for g in &rows {
        for (topic, partition, offset) in &g.committed {
            let Some(p) = broker.partition(topic, *partition) else {
                continue;
            };
            let behind = (p.offsets().log_end_offset - offset).max(0);
            let entry = lag.entry((&g.id, topic)).or_insert((0, 0));
            entry.0 = entry.0.max(behind);
            entry.1 += behind;
        }
    }
    e.family(
        "streamline_consumer_group_lag_max",
        Kind::Gauge,
        "Largest lag (log end offset minus committed offset) of the group's partitions of \
         the topic.",
    );
    for ((group, topic), (max, _)) in &lag {
        e.sample(
            "streamline_consumer_group_lag_max",
            &[("group", group), ("topic", topic)],
            *max as f64,
        );
    }
    e.family(
        "streamline_consumer_group_lag_sum",
        Kind::Gauge,
        "Lag summed over the group's partitions of the topic.",
    );
    for ((group, topic), (_, sum)) in &lag {
        e.sample(
            "streamline_consumer_group_lag_sum",
            &[("group", group), ("topic", topic)],
            *sum as f64,
        );
    }
}

fn transactions(e: &mut Exposition, broker: &Broker) {
    let open = broker
        .txns
        .lock()
        .by_id
        .values()
        .filter(|t| {
            matches!(
                t.state,
                TxnState::Ongoing | TxnState::PrepareCommit | TxnState::PrepareAbort
            )
        })
        .count();
    e.family(
        "streamline_transactions_open",
        Kind::Gauge,
        "Transactions begun and not yet completed.",
    );
    e.sample("streamline_transactions_open", &[], open as f64);
    let m = &broker.metrics;
    let ended = [
        (
            "streamline_transactions_committed_total",
            "Transactions completed by a commit.",
            &m.transactions_committed,
        ),
        (
            "streamline_transactions_aborted_total",
            "Transactions completed by an abort.",
            &m.transactions_aborted,
        ),
    ];
    for (name, help, counter) in ended {
        e.family(name, Kind::Counter, help);
        e.sample(name, &[], counter.load(Ordering::Relaxed) as f64);
    }
}
