//! A tiny application tested against an embedded broker, through the `rdkafka` crate
//! (librdkafka) exactly as it would run against Apache Kafka: no Docker, no second process.
//!
//! The application, `shipping`, reads orders (`order-id` → item) from the `orders` topic as
//! consumer group `shipping`, and writes a shipment for each one to `shipments` under the
//! same key. The test starts a broker in the test process, feeds it orders, runs the
//! application, and checks what it wrote.
//!
//! ```sh
//! cargo run --example embedded_rdkafka     # the scenario, printed
//! cargo test --example embedded_rdkafka    # the same scenario as a test
//! ```

use std::time::Duration;

use streamline::embedded::{Embedded, Message};

/// The application under test: nothing in it knows about Streamline.
mod shipping {
    use std::time::Duration;

    use rdkafka::config::ClientConfig;
    use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
    use rdkafka::message::Message as _;
    use rdkafka::producer::{FutureProducer, FutureRecord};

    /// Ships every order that arrives, until `count` are shipped, committing as it goes.
    pub async fn run(bootstrap: &str, count: usize) -> Result<(), rdkafka::error::KafkaError> {
        let consumer: StreamConsumer = ClientConfig::new()
            .set("bootstrap.servers", bootstrap)
            .set("group.id", "shipping")
            .set("auto.offset.reset", "earliest")
            .set("enable.auto.commit", "false")
            .create()?;
        consumer.subscribe(&["orders"])?;
        let producer: FutureProducer = ClientConfig::new()
            .set("bootstrap.servers", bootstrap)
            .create()?;
        for _ in 0..count {
            let order = consumer.recv().await?;
            let item = String::from_utf8_lossy(order.payload().unwrap_or_default());
            let shipment = format!("shipped: {item}");
            let key = order.key().unwrap_or_default();
            producer
                .send(
                    FutureRecord::to("shipments").key(key).payload(&shipment),
                    Duration::from_secs(5),
                )
                .await
                .map_err(|(e, _)| e)?;
            consumer.commit_message(&order, CommitMode::Sync)?;
        }
        Ok(())
    }
}

/// Starts a broker, feeds it orders, runs the application and returns the shipments as
/// (key, value) pairs in offset order.
async fn scenario() -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let broker = Embedded::builder()
        .topic("orders", 1)
        .topic("shipments", 1)
        .start()
        .await?;
    let orders = [("o-1", "kettle"), ("o-2", "teapot"), ("o-3", "mug")];
    broker
        .produce_all(
            "orders",
            orders.map(|(id, item)| Message::new(item).key(id)),
        )
        .await?;

    tokio::time::timeout(
        Duration::from_secs(60),
        shipping::run(&broker.bootstrap(), orders.len()),
    )
    .await??;

    let shipments = broker.consume("shipments", 0, 0, 100).await?;
    broker.shutdown().await?;
    Ok(shipments
        .into_iter()
        .map(|r| {
            let text = |b: Option<bytes::Bytes>| {
                String::from_utf8_lossy(&b.unwrap_or_default()).into_owned()
            };
            (text(r.key), text(r.value))
        })
        .collect())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    for (key, value) in scenario().await? {
        println!("{key}\t{value}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_order_is_shipped_once_under_its_key() {
        let shipments = super::scenario().await.unwrap();
        assert_eq!(
            shipments,
            [
                ("o-1".to_string(), "shipped: kettle".to_string()),
                ("o-2".to_string(), "shipped: teapot".to_string()),
                ("o-3".to_string(), "shipped: mug".to_string()),
            ]
        );
    }
}
