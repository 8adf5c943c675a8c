//! The playground's Avro topic: `payments`, its schema registered in the server's own schema
//! registry (subject `payments-value`) and fed live with records framed as a registry
//! serializer frames them — what `consume` decodes by default and what any Confluent
//! deserializer reads.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::records::Compression;
use serde_json::{json, Value};
use streamline::client::produce::OutgoingRecord;
use streamline::client::security::ClientTls;
use streamline::schema::client::{Endpoint, RegistryClient};
use streamline::schema::parsed::ParsedSchema;
use streamline::schema::wire;
use tokio::sync::watch;
use tracing::warn;

use crate::template::{RenderContext, Template};

/// The Avro topic.
pub const TOPIC: &str = "payments";
pub const PARTITIONS: i32 = 3;

/// Records a second.
const PER_SECOND: f64 = 3.0;

pub const SCHEMA: &str = r#"{"type":"record","name":"Payment","namespace":"playground","fields":[
  {"name":"payment_id","type":"string"},
  {"name":"order_id","type":"string"},
  {"name":"amount","type":"double"},
  {"name":"currency","type":{"type":"enum","name":"Currency","symbols":["EUR","USD","GBP"]}},
  {"name":"method","type":"string"},
  {"name":"card_last4","type":["null","string"],"default":null},
  {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}"#;

pub const VALUE: &str = r#"{"payment_id":"{{uuid}}","order_id":"{{uuid}}","amount":{{float:5:250:2}},"currency":"{{choice:EUR,USD,GBP}}","method":"{{choice:card,card,paypal,transfer}}","card_last4":{{choice:null,"4242","1881","0005"}},"at":{{timestamp}}}"#;

/// Registers the schema (retrying until the registry answers) and feeds the topic until
/// stopped.
pub async fn feed_loop(addr: SocketAddr, registry: SocketAddr, mut stopped: watch::Receiver<bool>) {
    let Some(client) = super::playground::connect(addr, &mut stopped).await else {
        return;
    };
    let registry = Arc::new(RegistryClient::new(Endpoint::Http {
        url: format!("http://{registry}"),
        user: None,
        tls: ClientTls::default(),
    }));
    let (id, schema) = loop {
        match register(&registry).await {
            Ok(registered) => break registered,
            Err(e) => warn!(error = %e, "playground: registering the payments schema; retrying"),
        }
        if super::playground::wait_or_stop(&mut stopped, Duration::from_secs(1)).await {
            return;
        }
    };
    let template = super::playground::parse(VALUE);
    let mut ctx = RenderContext::new(None);
    let tick = Duration::from_secs_f64(1.0 / PER_SECOND);
    let mut partition = 0;
    while !super::playground::wait_or_stop(&mut stopped, tick).await {
        let Some(value) = encode(&template, &mut ctx, id, &schema) else {
            continue;
        };
        partition = (partition + 1) % PARTITIONS;
        let record = OutgoingRecord {
            key: None,
            value: Some(Bytes::from(value)),
            headers: Vec::new(),
            timestamp: chrono::Utc::now().timestamp_millis(),
        };
        if let Err(e) = client
            .produce(TOPIC, partition, &[record], Compression::None, 1)
            .await
        {
            warn!(topic = TOPIC, error = %e, "playground: produce failed");
        }
    }
}

async fn register(registry: &RegistryClient) -> anyhow::Result<(i32, Arc<ParsedSchema>)> {
    let answer = registry
        .call(
            "POST",
            &format!("/subjects/{TOPIC}-value/versions"),
            Some(&json!({ "schema": SCHEMA })),
        )
        .await?;
    let id = answer
        .get("id")
        .and_then(Value::as_i64)
        .and_then(|i| i32::try_from(i).ok())
        .ok_or_else(|| anyhow::anyhow!("no schema id in {answer}"))?;
    Ok((id, registry.schema(id).await?))
}

/// One rendered payment, Avro-encoded and framed.
fn encode(
    template: &Template,
    ctx: &mut RenderContext,
    id: i32,
    schema: &ParsedSchema,
) -> Option<Vec<u8>> {
    let json: Value = serde_json::from_str(&template.render(ctx)).ok()?;
    match schema.encode(&json, None) {
        Ok(encoded) => {
            let mut framed = wire::frame_header(id);
            framed.extend_from_slice(&encoded);
            Some(framed)
        }
        Err(e) => {
            warn!(error = %e, "playground: a payment does not fit its schema");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use streamline::schema::types::SchemaType;

    #[test]
    fn rendered_payments_fit_the_schema() {
        let schema = ParsedSchema::parse(SchemaType::Avro, SCHEMA, &[]).unwrap();
        let template = Template::parse(VALUE).unwrap();
        let mut ctx = RenderContext::new(Some(7));
        for _ in 0..50 {
            let framed = encode(&template, &mut ctx, 1, &schema).expect("fits");
            let back = schema.decode(&framed[5..]).unwrap();
            assert!(back["amount"].is_f64(), "{back}");
        }
    }
}
