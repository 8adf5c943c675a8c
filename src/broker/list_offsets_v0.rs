//! ListOffsets v0 (API key 2), which the `kafka-protocol` crate no longer models (Kafka 4
//! dropped it) but old clients still send: a hand-written codec for its request and response,
//! answered with the same lookups as later versions.
//!
//! Request v0: replica_id i32, topics [name string, partitions [partition i32, timestamp i64,
//! max_num_offsets i32]]. Response v0: topics [name string, partitions [partition i32,
//! error_code i16, old_style_offsets [i64]]]. Header versions: request 1, response 0.

use bytes::{BufMut, Bytes, BytesMut};

use super::context::RequestContext;
use super::list_offsets::lookup;
use super::lookup::partition_of;
use super::Broker;
use crate::protocol::legacy::{put_len, put_string, Reader};
use crate::security::acl::Operation;

struct PartitionQuery {
    partition: i32,
    timestamp: i64,
    max_num_offsets: i32,
}

fn decode(body: Bytes) -> Option<Vec<(String, Vec<PartitionQuery>)>> {
    let mut r = Reader(body);
    let _replica_id = r.i32()?;
    let topic_count = r.len(6)?;
    let mut topics = Vec::with_capacity(topic_count);
    for _ in 0..topic_count {
        let name = r.string()?;
        let partition_count = r.len(16)?;
        let mut partitions = Vec::with_capacity(partition_count);
        for _ in 0..partition_count {
            partitions.push(PartitionQuery {
                partition: r.i32()?,
                timestamp: r.i64()?,
                max_num_offsets: r.i32()?,
            });
        }
        topics.push((name, partitions));
    }
    r.is_done().then_some(topics)
}

/// Answers a v0 request body (after the request header), returning the response body, or
/// `None` when the body is malformed.
pub fn handle(broker: &Broker, body: Bytes, ctx: &RequestContext) -> Option<BytesMut> {
    let topics = decode(body)?;
    let mut out = BytesMut::new();
    put_len(&mut out, topics.len())?;
    for (name, partitions) in topics {
        put_string(&mut out, &name)?;
        put_len(&mut out, partitions.len())?;
        let denied = !broker
            .security
            .allows_topic(ctx, &name, Operation::Describe);
        let topic = broker.topic(&name);
        for q in partitions {
            out.put_i32(q.partition);
            let result = if denied {
                Err(kafka_protocol::error::ResponseError::TopicAuthorizationFailed)
            } else {
                partition_of(topic.as_ref(), q.partition)
                    .and_then(|p| lookup(&p, q.timestamp, 0, false))
            };
            match result {
                Ok(offset) => {
                    let offsets: Vec<i64> = offset
                        .map(|(o, _)| o)
                        .into_iter()
                        .take(usize::try_from(q.max_num_offsets).unwrap_or(0))
                        .collect();
                    out.put_i16(0);
                    out.put_i32(offsets.len() as i32);
                    for o in offsets {
                        out.put_i64(o);
                    }
                }
                Err(code) => {
                    out.put_i16(code.code());
                    out.put_i32(0);
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Buf;

    fn broker() -> Broker {
        let broker = crate::broker::test_broker();
        broker
            .create_topic("t", 2, Default::default(), false)
            .unwrap();
        broker
    }

    fn request(topic: &str, partition: i32, timestamp: i64, max: i32) -> Bytes {
        let mut b = BytesMut::new();
        b.put_i32(-1);
        b.put_i32(1);
        b.put_i16(topic.len() as i16);
        b.put_slice(topic.as_bytes());
        b.put_i32(1);
        b.put_i32(partition);
        b.put_i64(timestamp);
        b.put_i32(max);
        b.freeze()
    }

    /// (error code, offsets) of the single partition in a response.
    fn answer(mut resp: Bytes) -> (i16, Vec<i64>) {
        assert_eq!(resp.get_i32(), 1);
        let len = resp.get_i16() as usize;
        resp.advance(len);
        assert_eq!(resp.get_i32(), 1);
        resp.get_i32();
        let code = resp.get_i16();
        let n = resp.get_i32();
        let offsets = (0..n).map(|_| resp.get_i64()).collect();
        assert!(!resp.has_remaining());
        (code, offsets)
    }

    #[test]
    fn latest_and_earliest_offsets() {
        let b = broker();
        let latest = handle(&b, request("t", 1, -1, 1), &RequestContext::in_process())
            .unwrap()
            .freeze();
        assert_eq!(answer(latest), (0, vec![0]));
        let none = handle(&b, request("t", 1, -2, 0), &RequestContext::in_process())
            .unwrap()
            .freeze();
        assert_eq!(answer(none), (0, vec![]));
        let unknown = handle(&b, request("nope", 0, -1, 1), &RequestContext::in_process())
            .unwrap()
            .freeze();
        assert_eq!(answer(unknown), (3, vec![]));
    }

    #[test]
    fn malformed_requests_are_refused_without_allocating() {
        let b = broker();
        let full = request("t", 0, -1, 1);
        for cut in 0..full.len() {
            assert!(
                handle(&b, full.slice(..cut), &RequestContext::in_process()).is_none(),
                "cut at {cut}"
            );
        }
        let mut claim = BytesMut::new();
        claim.put_i32(-1);
        claim.put_i32(i32::MAX);
        assert!(handle(&b, claim.freeze(), &RequestContext::in_process()).is_none());
        let mut trailing = BytesMut::from(&full[..]);
        trailing.put_u8(0);
        assert!(handle(&b, trailing.freeze(), &RequestContext::in_process()).is_none());
    }
}
