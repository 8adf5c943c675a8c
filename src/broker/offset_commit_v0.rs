//! OffsetCommit v0 and v1 (API key 8), which the `kafka-protocol` crate no longer models
//! (Kafka 4 dropped them, KIP-896) but older clients — Sarama before 1.27 among them — still
//! send: a hand-written request decoder feeding the same handler as later versions.
//!
//! Request v0: group_id string, topics [name string, partitions [partition i32,
//! committed_offset i64, committed_metadata nullable string]]. v1 adds generation_id i32 and
//! member_id string after the group id, and a commit_timestamp i64 after each offset (ignored:
//! the broker stamps commits itself, as Kafka does since v2). The response of v0–v2 is the
//! same — topics [name, partitions [partition, error_code]] — so it is encoded as v2. A v0
//! commit carries no member, so it counts as generation -1: accepted while the group has no
//! members. Header versions: request 1, response 0.

use bytes::Bytes;
use kafka_protocol::messages::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use kafka_protocol::messages::{GroupId, OffsetCommitRequest, TopicName};
use kafka_protocol::protocol::StrBytes;

use crate::protocol::legacy::Reader;

/// The v0 or v1 request body as the request type the handler takes; `None` when malformed.
pub fn decode(body: Bytes, version: i16) -> Option<OffsetCommitRequest> {
    let mut r = Reader(body);
    let group_id = r.string()?;
    let (generation, member_id) = if version >= 1 {
        (r.i32()?, r.string()?)
    } else {
        (-1, String::new())
    };
    let topic_count = r.len(6)?;
    let mut topics = Vec::with_capacity(topic_count);
    for _ in 0..topic_count {
        let name = r.string()?;
        let partition_count = r.len(14)?;
        let mut partitions = Vec::with_capacity(partition_count);
        for _ in 0..partition_count {
            let partition = r.i32()?;
            let offset = r.i64()?;
            if version >= 1 {
                let _commit_timestamp = r.i64()?;
            }
            let metadata = r.nullable_string()?;
            partitions.push(
                OffsetCommitRequestPartition::default()
                    .with_partition_index(partition)
                    .with_committed_offset(offset)
                    .with_committed_metadata(metadata.map(StrBytes::from_string)),
            );
        }
        topics.push(
            OffsetCommitRequestTopic::default()
                .with_name(TopicName(StrBytes::from_string(name)))
                .with_partitions(partitions),
        );
    }
    r.is_done().then(|| {
        OffsetCommitRequest::default()
            .with_group_id(GroupId(StrBytes::from_string(group_id)))
            .with_generation_id_or_member_epoch(generation)
            .with_member_id(StrBytes::from_string(member_id))
            .with_topics(topics)
    })
}

#[cfg(test)]
mod tests {
    use bytes::{BufMut, BytesMut};

    use super::*;
    use crate::protocol::legacy::put_string;

    fn v1_body() -> Bytes {
        let mut b = BytesMut::new();
        put_string(&mut b, "g");
        b.put_i32(3);
        put_string(&mut b, "member-1");
        b.put_i32(1);
        put_string(&mut b, "t");
        b.put_i32(1);
        b.put_i32(2);
        b.put_i64(42);
        b.put_i64(-1);
        put_string(&mut b, "meta");
        b.freeze()
    }

    #[test]
    fn v1_decodes_to_the_same_request_as_later_versions() {
        let req = decode(v1_body(), 1).expect("decoded");
        assert_eq!(req.group_id.as_str(), "g");
        assert_eq!(req.generation_id_or_member_epoch, 3);
        assert_eq!(req.member_id.as_str(), "member-1");
        let p = &req.topics[0].partitions[0];
        assert_eq!(req.topics[0].name.as_str(), "t");
        assert_eq!((p.partition_index, p.committed_offset), (2, 42));
        assert_eq!(p.committed_metadata.as_deref(), Some("meta"));
    }

    #[test]
    fn v0_has_no_member_and_malformed_bodies_are_refused() {
        let mut b = BytesMut::new();
        put_string(&mut b, "g");
        b.put_i32(1);
        put_string(&mut b, "t");
        b.put_i32(1);
        b.put_i32(0);
        b.put_i64(7);
        b.put_i16(-1);
        let body = b.freeze();
        let req = decode(body.clone(), 0).expect("decoded");
        assert_eq!(req.generation_id_or_member_epoch, -1);
        assert!(req.topics[0].partitions[0].committed_metadata.is_none());
        for cut in 0..body.len() {
            assert!(decode(body.slice(..cut), 0).is_none(), "cut at {cut}");
        }
        let good = v1_body();
        for cut in 0..good.len() {
            assert!(decode(good.slice(..cut), 1).is_none(), "cut at {cut}");
        }
    }
}
