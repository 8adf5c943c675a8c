//! Produce/consume round trips through librdkafka: every compression codec, keys, headers,
//! null and empty values, large values and many partitions.

use std::time::Duration;

use crate::common::{consume, producer, value_str, TestServer};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::FutureRecord;

const TIMEOUT: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_compression_codec_round_trips() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    for codec in ["none", "gzip", "snappy", "lz4", "zstd"] {
        let topic = format!("codec-{codec}");
        let p = producer(
            &bootstrap,
            &[("compression.type", codec), ("linger.ms", "20")],
        );
        let mut deliveries = Vec::new();
        for i in 0..200 {
            let value = format!("{codec} message {i} {}", "x".repeat(i % 50));
            let key = format!("k{i}");
            deliveries.push(
                p.send_result(
                    FutureRecord::to(&topic)
                        .partition(0)
                        .key(&key)
                        .payload(&value),
                )
                .expect("enqueue"),
            );
        }
        for (i, d) in deliveries.into_iter().enumerate() {
            let delivery = d.await.expect("not cancelled").expect("delivered");
            assert_eq!(
                delivery.offset, i as i64,
                "{codec}: offsets are assigned in order"
            );
        }
        let got = consume(&bootstrap, &topic, 0, 0, 200);
        for (i, m) in got.iter().enumerate() {
            assert_eq!(m.offset(), i as i64);
            assert_eq!(m.key(), Some(format!("k{i}").as_bytes()));
            assert_eq!(
                value_str(m),
                format!("{codec} message {i} {}", "x".repeat(i % 50))
            );
        }
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_headers_null_and_empty_values_survive() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    let p = producer(&bootstrap, &[]);
    let headers = OwnedHeaders::new()
        .insert(Header {
            key: "trace",
            value: Some("abc"),
        })
        .insert(Header {
            key: "empty",
            value: Some(""),
        })
        .insert(Header::<&str> {
            key: "null",
            value: None,
        });
    p.send(
        FutureRecord::to("shapes")
            .partition(0)
            .key("with-headers")
            .payload("v")
            .headers(headers),
        TIMEOUT,
    )
    .await
    .expect("headers delivered");
    p.send(
        FutureRecord::<str, str>::to("shapes")
            .partition(0)
            .key("null-value"),
        TIMEOUT,
    )
    .await
    .expect("null value delivered");
    p.send(
        FutureRecord::to("shapes")
            .partition(0)
            .key("empty-value")
            .payload(""),
        TIMEOUT,
    )
    .await
    .expect("empty value delivered");
    p.send(
        FutureRecord::<str, str>::to("shapes")
            .partition(0)
            .payload("no key"),
        TIMEOUT,
    )
    .await
    .expect("keyless delivered");

    let got = consume(&bootstrap, "shapes", 0, 0, 4);
    let h = got[0].headers().expect("headers present");
    assert_eq!(h.count(), 3);
    assert_eq!(h.get(0).key, "trace");
    assert_eq!(h.get(0).value, Some(&b"abc"[..]));
    assert_eq!(h.get(1).value, Some(&b""[..]));
    assert_eq!(h.get(2).key, "null");
    assert_eq!(h.get(2).value, None);
    assert_eq!(got[1].key(), Some(&b"null-value"[..]));
    assert_eq!(got[1].payload(), None, "a null value stays null");
    assert_eq!(
        got[2].payload(),
        Some(&b""[..]),
        "an empty value stays empty"
    );
    assert_eq!(got[3].key(), None);
    assert_eq!(value_str(&got[3]), "no key");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_megabyte_values_round_trip() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    // librdkafka's own limit (message.max.bytes, 1,000,000 by default) counts record overhead.
    let p = producer(&bootstrap, &[("message.max.bytes", "1048588")]);
    let big: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
    for _ in 0..3 {
        p.send(
            FutureRecord::<str, [u8]>::to("big")
                .partition(0)
                .payload(&big[..]),
            TIMEOUT,
        )
        .await
        .map_err(|(e, _)| e)
        .expect("1 MB value delivered");
    }
    let got = consume(&bootstrap, "big", 0, 0, 3);
    for m in &got {
        assert_eq!(m.payload().map(<[u8]>::len), Some(big.len()));
        assert_eq!(m.payload(), Some(&big[..]));
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_partitions_each_keep_their_own_offsets() {
    let server = TestServer::start_with(|c| c.default_partitions = 32).await;
    let bootstrap = server.bootstrap();
    let p = producer(&bootstrap, &[]);
    let mut deliveries = Vec::new();
    for partition in 0..32 {
        for i in 0..5 {
            let value = format!("p{partition}-m{i}");
            deliveries.push(
                p.send_result(
                    FutureRecord::<str, str>::to("wide")
                        .partition(partition)
                        .payload(&value),
                )
                .expect("enqueue"),
            );
        }
    }
    for d in deliveries {
        d.await.expect("not cancelled").expect("delivered");
    }
    for partition in 0..32 {
        let got = consume(&bootstrap, "wide", partition, 0, 5);
        let values: Vec<String> = got.iter().map(value_str).collect();
        let expected: Vec<String> = (0..5).map(|i| format!("p{partition}-m{i}")).collect();
        assert_eq!(values, expected);
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consuming_from_the_middle_of_a_batch_skips_earlier_records() {
    let server = TestServer::start().await;
    let bootstrap = server.bootstrap();
    // A long linger puts all ten records into one batch.
    let p = producer(&bootstrap, &[("linger.ms", "200")]);
    let mut deliveries = Vec::new();
    for i in 0..10 {
        let value = format!("m{i}");
        deliveries.push(
            p.send_result(
                FutureRecord::<str, str>::to("mid")
                    .partition(0)
                    .payload(&value),
            )
            .expect("enqueue"),
        );
    }
    for d in deliveries {
        d.await.expect("not cancelled").expect("delivered");
    }
    let got = consume(&bootstrap, "mid", 0, 7, 3);
    let values: Vec<String> = got.iter().map(value_str).collect();
    assert_eq!(values, ["m7", "m8", "m9"]);
    assert_eq!(got[0].offset(), 7);
    server.stop().await;
}
