//! DescribeConfigs v0 (API key 32), which the `kafka-protocol` crate no longer models (Kafka 4
//! dropped it, KIP-896) but older clients — Sarama before 1.27, for one — still send: a
//! hand-written codec around the same handler as later versions.
//!
//! Request v0: resources \[resource_type i8, resource_name string, configuration_keys
//! nullable \[string\]\]. Response v0: throttle_time_ms i32, results \[error_code i16,
//! error_message nullable string, resource_type i8, resource_name string, configs \[name
//! string, value nullable string, read_only bool, is_default bool, is_sensitive bool\]\]. v1
//! replaced is_default with the config source. Header versions: request 1, response 0.

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
use kafka_protocol::messages::DescribeConfigsRequest;
use kafka_protocol::protocol::StrBytes;

use super::configs;
use super::context::RequestContext;
use super::topics::SOURCE_DEFAULT;
use super::Broker;
use crate::protocol::legacy::{put_len, put_nullable_string, put_string, Reader};

fn decode(body: Bytes) -> Option<DescribeConfigsRequest> {
    let mut r = Reader(body);
    let count = r.len(7)?;
    let mut resources = Vec::with_capacity(count);
    for _ in 0..count {
        let resource_type = r.i8()?;
        let resource_name = r.string()?;
        let keys = match r.nullable_len(2)? {
            None => None,
            Some(n) => Some(
                (0..n)
                    .map(|_| r.string().map(StrBytes::from_string))
                    .collect::<Option<Vec<_>>>()?,
            ),
        };
        resources.push(
            DescribeConfigsResource::default()
                .with_resource_type(resource_type)
                .with_resource_name(StrBytes::from_string(resource_name))
                .with_configuration_keys(keys),
        );
    }
    r.is_done()
        .then(|| DescribeConfigsRequest::default().with_resources(resources))
}

/// Answers a v0 request body (after the request header), returning the response body, or
/// `None` when the body is malformed.
pub fn handle(broker: &Broker, body: Bytes, ctx: &RequestContext) -> Option<BytesMut> {
    let response = configs::describe(broker, decode(body)?, 1, ctx);
    let mut out = BytesMut::new();
    out.put_i32(response.throttle_time_ms);
    put_len(&mut out, response.results.len())?;
    for result in &response.results {
        out.put_i16(result.error_code);
        put_nullable_string(&mut out, result.error_message.as_deref())?;
        out.put_i8(result.resource_type);
        put_string(&mut out, &result.resource_name)?;
        put_len(&mut out, result.configs.len())?;
        for c in &result.configs {
            put_string(&mut out, &c.name)?;
            put_nullable_string(&mut out, c.value.as_deref())?;
            out.put_u8(u8::from(c.read_only));
            out.put_u8(u8::from(c.config_source == SOURCE_DEFAULT));
            out.put_u8(u8::from(c.is_sensitive));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::legacy::Reader;

    fn broker() -> Broker {
        crate::broker::test_broker()
    }

    fn request(topic: &str, keys: Option<&[&str]>) -> Bytes {
        let mut b = BytesMut::new();
        b.put_i32(1);
        b.put_i8(2);
        put_string(&mut b, topic);
        match keys {
            None => b.put_i32(-1),
            Some(keys) => {
                b.put_i32(keys.len() as i32);
                for k in keys {
                    put_string(&mut b, k);
                }
            }
        }
        b.freeze()
    }

    #[test]
    fn answers_in_the_v0_layout_with_is_default() {
        let broker = broker();
        broker
            .create_topic(
                "t",
                1,
                [("retention.ms".to_string(), "1000".to_string())].into(),
                false,
            )
            .expect("topic");
        let body = handle(
            &broker,
            request("t", Some(&["retention.ms", "segment.ms"])),
            &RequestContext::in_process(),
        )
        .expect("answered");
        let mut r = Reader(body.freeze());
        assert_eq!(r.i32(), Some(0), "throttle");
        assert_eq!(r.len(1), Some(1));
        assert_eq!((r.i16(), r.nullable_string()), (Some(0), Some(None)));
        assert_eq!((r.i8(), r.string().as_deref()), (Some(2), Some("t")));
        assert_eq!(r.len(1), Some(2));
        let mut configs = Vec::new();
        for _ in 0..2 {
            let name = r.string().expect("name");
            let value = r.nullable_string().expect("value").expect("set");
            let (read_only, is_default, sensitive) = (r.i8(), r.i8(), r.i8());
            configs.push((name, value, read_only, is_default, sensitive));
        }
        assert!(r.is_done());
        assert_eq!(
            configs,
            [
                (
                    "retention.ms".into(),
                    "1000".into(),
                    Some(0),
                    Some(0),
                    Some(0)
                ),
                (
                    "segment.ms".into(),
                    "604800000".into(),
                    Some(0),
                    Some(1),
                    Some(0)
                ),
            ]
        );
    }

    #[test]
    fn malformed_bodies_are_refused() {
        let broker = broker();
        let good = request("t", None);
        for cut in 0..good.len() {
            assert!(
                handle(&broker, good.slice(..cut), &RequestContext::in_process()).is_none(),
                "cut at {cut}"
            );
        }
        let mut trailing = BytesMut::from(&good[..]);
        trailing.put_u8(0);
        assert!(handle(&broker, trailing.freeze(), &RequestContext::in_process()).is_none());
    }
}
