//! `serve --playground`: demo topics with live, realistic data, so that `top`, `consume -f`
//! and `groups describe` show something real the moment the broker is up.
//!
//! Four topics — `orders`, `clickstream`, `sensors`, `logs` — are created if missing and fed
//! by templates (JSON with keys and headers; plain log lines) at a modest rate, about 30
//! records a second in all. A consumer group, `playground-analytics`, reads `orders` more
//! slowly than it grows, so it always has a lag to show. With the server's schema registry
//! (on in the playground), a fifth topic, `payments`, carries Avro records of a registered
//! schema (`playground_avro`). All run as ordinary clients of the server over its listeners,
//! and stop (the member leaving its group) before the server shuts down. Failures are logged
//! and retried; they never stop the broker.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::records::Compression;
use streamline::client::fetch::FetchPosition;
use streamline::client::member::Heartbeat;
use streamline::client::produce::OutgoingRecord;
use streamline::client::records::decode;
use streamline::client::Client;
use streamline::server::Server;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing::{info, warn};

use crate::playground_avro as avro;
use crate::template::{RenderContext, Template};

/// The demo consumer group.
pub const GROUP: &str = "playground-analytics";

/// How often the feeds produce.
const TICK: Duration = Duration::from_millis(200);

/// One demo topic and what is written to it.
struct Feed {
    topic: &'static str,
    partitions: i32,
    key: Option<&'static str>,
    value: &'static str,
    headers: &'static [(&'static str, &'static str)],
    per_second: f64,
}

const FEEDS: &[Feed] = &[
    Feed {
        topic: "orders",
        partitions: 3,
        key: Some("customer-{{random:1:200}}"),
        value: r#"{"order_id":"{{uuid}}","items":{{random:1:5}},"total":{{float:5:250:2}},"currency":"{{choice:EUR,USD,GBP}}","status":"{{choice:placed,placed,paid,shipped}}","at":"{{now}}"}"#,
        headers: &[("source", "web-shop"), ("content-type", "application/json")],
        per_second: 5.0,
    },
    Feed {
        topic: "clickstream",
        partitions: 6,
        key: Some("session-{{hex:8}}"),
        value: r#"{"page":"{{choice:/,/search,/product/42,/product/7,/cart,/checkout}}","referrer":"{{choice:google,direct,newsletter,ads}}","device":"{{choice:mobile,desktop,tablet}}","ms_on_page":{{random:200:30000}},"at":"{{now}}"}"#,
        headers: &[("source", "web"), ("content-type", "application/json")],
        per_second: 12.0,
    },
    Feed {
        topic: "sensors",
        partitions: 3,
        key: Some("sensor-{{random:1:20}}"),
        value: r#"{"temperature_c":{{float:18:32:1}},"humidity_pct":{{float:30:70:1}},"battery_pct":{{random:5:100}},"at":"{{now}}"}"#,
        headers: &[("content-type", "application/json")],
        per_second: 4.0,
    },
    Feed {
        topic: "logs",
        partitions: 2,
        key: None,
        value: "{{now}} {{choice:INFO,INFO,INFO,INFO,WARN,ERROR}} {{choice:api,worker,scheduler}} request {{hex:12}} took {{random:1:900}}ms",
        headers: &[("content-type", "text/plain")],
        per_second: 8.0,
    },
];

/// The running demo: stop it before shutting the server down.
pub struct Playground {
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

/// Creates the demo topics and starts the feeds and the lagging group.
pub fn start(server: &Server) -> anyhow::Result<Playground> {
    let broker = server.broker();
    for feed in FEEDS {
        if broker.topic(feed.topic).is_none() {
            broker.create_topic(feed.topic, feed.partitions, Default::default(), false)?;
        }
    }
    let addr = server.local_addr();
    let (stop, stopped) = watch::channel(false);
    let mut tasks = vec![
        tokio::spawn(feed_loop(addr, stopped.clone())),
        tokio::spawn(member_loop(addr, stopped.clone())),
    ];
    if let Some(registry) = server.schema_registry_addr() {
        if broker.topic(avro::TOPIC).is_none() {
            broker.create_topic(avro::TOPIC, avro::PARTITIONS, Default::default(), false)?;
        }
        tasks.push(tokio::spawn(avro::feed_loop(addr, registry, stopped)));
    }
    info!(
        "playground: topics {} get live data; group {GROUP} reads orders and lags behind",
        FEEDS.iter().map(|f| f.topic).collect::<Vec<_>>().join(", ")
    );
    Ok(Playground { stop, tasks })
}

impl Playground {
    /// Stops the feeds and lets the demo member leave its group (waiting at most 2 s).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let all = futures_util::future::join_all(self.tasks);
        let _ = tokio::time::timeout(Duration::from_secs(2), all).await;
    }
}

/// The next steps printed when the playground is up. `-b` is only needed when the CLI cannot
/// find the server through the data directory.
pub fn welcome(addr: SocketAddr, needs_bootstrap: bool, registry: Option<SocketAddr>) -> String {
    let b = if needs_bootstrap {
        format!(" -b {addr}")
    } else {
        String::new()
    };
    let (avro_topic, avro_try, registry_line) = match registry {
        Some(r) => (
            ", and payments (Avro, schema registry at http://{r})".replace("{r}", &r.to_string()),
            {
                // Found through the data directory, the CLI finds the registry too.
                let sr = if needs_bootstrap {
                    format!(" --schema-registry http://{r}")
                } else {
                    String::new()
                };
                format!(
                    "\n  streamline consume payments -f{b}{sr}\n  streamline schemas list{b}{sr}"
                )
            },
            format!(" Serializers can use schema.registry.url=http://{r}."),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    format!(
        "\nWelcome to the Streamline playground: orders, clickstream, sensors and logs{avro_topic} \
         are receiving live data.\nTry next, in another terminal:\n\n  streamline top{b}\n  \
         streamline consume orders -f{b}\n  streamline groups describe {GROUP}{b}{avro_try}\n\nAny \
         Kafka client can connect to {addr}.{registry_line} Stop with Ctrl-C.\n"
    )
}

pub(crate) async fn connect(
    addr: SocketAddr,
    stopped: &mut watch::Receiver<bool>,
) -> Option<Client> {
    loop {
        match Client::remote(&addr.to_string()).await {
            Ok(client) => return Some(client),
            Err(e) => warn!(error = %e, "playground: cannot connect; retrying"),
        }
        if wait_or_stop(stopped, Duration::from_secs(1)).await {
            return None;
        }
    }
}

/// Sleeps for `d`; true if asked to stop meanwhile.
pub(crate) async fn wait_or_stop(stopped: &mut watch::Receiver<bool>, d: Duration) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(d) => *stopped.borrow(),
        _ = stopped.changed() => true,
    }
}

pub(crate) fn parse(template: &str) -> Template {
    // The templates are constants checked by a test; a broken one would be a build defect.
    Template::parse(template).unwrap_or_else(|e| panic!("playground template {template}: {e}"))
}

async fn feed_loop(addr: SocketAddr, mut stopped: watch::Receiver<bool>) {
    let Some(client) = connect(addr, &mut stopped).await else {
        return;
    };
    let templates: Vec<(Option<Template>, Template)> = FEEDS
        .iter()
        .map(|f| (f.key.map(parse), parse(f.value)))
        .collect();
    let mut ctx = RenderContext::new(None);
    let mut owed = vec![0.0f64; FEEDS.len()];
    let mut next_partition = vec![0i32; FEEDS.len()];
    let mut i = 0u64;
    while !wait_or_stop(&mut stopped, TICK).await {
        for (f, feed) in FEEDS.iter().enumerate() {
            owed[f] += feed.per_second * TICK.as_secs_f64();
            let due = owed[f].floor() as usize;
            owed[f] -= due as f64;
            let (key, value) = &templates[f];
            for _ in 0..due {
                ctx.set_index(i);
                i += 1;
                let key = key.as_ref().map(|k| k.render(&mut ctx));
                let partition = match &key {
                    Some(k) => streamline::client::partitioner::partition_for_key(
                        k.as_bytes(),
                        feed.partitions,
                    ),
                    None => {
                        next_partition[f] = (next_partition[f] + 1) % feed.partitions;
                        next_partition[f]
                    }
                };
                let record = OutgoingRecord {
                    key: key.map(Bytes::from),
                    value: Some(Bytes::from(value.render(&mut ctx))),
                    headers: feed
                        .headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), Some(Bytes::from_static(v.as_bytes()))))
                        .collect(),
                    timestamp: chrono::Utc::now().timestamp_millis(),
                };
                let sent = client
                    .produce(feed.topic, partition, &[record], Compression::None, 1)
                    .await;
                if let Err(e) = sent {
                    warn!(topic = feed.topic, error = %e, "playground: produce failed");
                }
            }
        }
    }
}

/// Reads `orders` as a member of [`GROUP`], one record per partition a second — slower than
/// the feed writes — committing as it goes.
async fn member_loop(addr: SocketAddr, mut stopped: watch::Receiver<bool>) {
    let Some(client) = connect(addr, &mut stopped).await else {
        return;
    };
    let topics = vec!["orders".to_string()];
    let mut member = loop {
        match client.join_group(GROUP, &topics).await {
            Ok(m) => break m,
            Err(e) => warn!(error = %e, "playground: cannot join {GROUP}; retrying"),
        }
        if wait_or_stop(&mut stopped, Duration::from_secs(1)).await {
            return;
        }
    };
    let mut positions: BTreeMap<(String, i32), i64> =
        client.committed_offsets(GROUP).await.unwrap_or_default();
    while !wait_or_stop(&mut stopped, Duration::from_secs(1)).await {
        match member.heartbeat(&client).await {
            Ok(Heartbeat::Ok) => {}
            Ok(Heartbeat::Rejoin) => {
                if let Err(e) = member.rejoin(&client).await {
                    warn!(error = %e, "playground: rejoining {GROUP} failed");
                }
                continue;
            }
            Err(e) => {
                warn!(error = %e, "playground: heartbeat failed");
                continue;
            }
        }
        let wanted: Vec<FetchPosition> = member
            .assignment
            .iter()
            .flat_map(|(topic, partitions)| {
                partitions.iter().map(|&p| FetchPosition {
                    topic: topic.clone(),
                    partition: p,
                    offset: positions.get(&(topic.clone(), p)).copied().unwrap_or(0),
                })
            })
            .collect();
        let Ok(fetched) = client.fetch(&wanted, 0).await else {
            continue;
        };
        let mut advanced = BTreeMap::new();
        for part in fetched {
            let from = wanted
                .iter()
                .find(|w| w.partition == part.partition && w.topic == part.topic)
                .map_or(0, |w| w.offset);
            // One record a second per partition: the group falls behind on purpose.
            if let Ok(decoded) = decode(&part.records, from) {
                if let Some(r) = decoded.records.first() {
                    advanced.insert((part.topic.clone(), part.partition), r.offset + 1);
                }
            }
        }
        if advanced.is_empty() {
            continue;
        }
        if let Err(e) = member.commit(&client, &advanced).await {
            warn!(error = %e, "playground: commit failed");
            continue;
        }
        positions.extend(advanced);
    }
    if let Err(e) = member.leave(&client).await {
        warn!(error = %e, "playground: leaving {GROUP} failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feed_template_parses_and_renders_json_where_it_says_so() {
        let mut ctx = RenderContext::new(Some(1));
        for feed in FEEDS {
            let value = parse(feed.value).render(&mut ctx);
            if feed.headers.contains(&("content-type", "application/json")) {
                let parsed: serde_json::Value = serde_json::from_str(&value)
                    .unwrap_or_else(|e| panic!("{}: {e}: {value}", feed.topic));
                assert!(parsed.is_object());
            }
            if let Some(key) = feed.key {
                assert!(!parse(key).render(&mut ctx).is_empty());
            }
        }
    }
}
