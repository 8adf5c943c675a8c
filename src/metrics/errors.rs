//! The error codes a response carries, for the per-API error counters: every top-level,
//! per-topic and per-partition `error_code` of the responses the broker sends, as Kafka's
//! `RequestMetrics` `ErrorsPerSec` counts them (NONE excluded).

use kafka_protocol::messages::*;

/// A response whose error codes can be walked.
pub trait ErrorCodes {
    /// Calls `each` with every error code the response holds, zero included.
    fn error_codes(&self, each: &mut dyn FnMut(i16));
}

/// Responses with only a top-level error code.
macro_rules! top_level {
    ($($ty:ty),* $(,)?) => {$(
        impl ErrorCodes for $ty {
            fn error_codes(&self, each: &mut dyn FnMut(i16)) {
                each(self.error_code);
            }
        }
    )*};
}

/// Responses whose codes are on each item of one list.
macro_rules! per_item {
    ($($ty:ty => $list:ident),* $(,)?) => {$(
        impl ErrorCodes for $ty {
            fn error_codes(&self, each: &mut dyn FnMut(i16)) {
                self.$list.iter().for_each(|i| each(i.error_code));
            }
        }
    )*};
}

/// Responses whose codes are on each partition of each topic.
macro_rules! per_partition {
    ($($ty:ty => $topics:ident . $partitions:ident),* $(,)?) => {$(
        impl ErrorCodes for $ty {
            fn error_codes(&self, each: &mut dyn FnMut(i16)) {
                for t in &self.$topics {
                    t.$partitions.iter().for_each(|p| each(p.error_code));
                }
            }
        }
    )*};
}

top_level!(
    AddOffsetsToTxnResponse,
    ApiVersionsResponse,
    ConsumerGroupHeartbeatResponse,
    DescribeClusterResponse,
    EndTxnResponse,
    HeartbeatResponse,
    InitProducerIdResponse,
    JoinGroupResponse,
    ListGroupsResponse,
    DescribeAclsResponse,
    ListTransactionsResponse,
    SaslAuthenticateResponse,
    SaslHandshakeResponse,
    SyncGroupResponse,
);

per_item!(
    AlterConfigsResponse => responses,
    AlterUserScramCredentialsResponse => results,
    CreateAclsResponse => results,
    DeleteAclsResponse => filter_results,
    ConsumerGroupDescribeResponse => groups,
    CreatePartitionsResponse => results,
    CreateTopicsResponse => topics,
    DeleteGroupsResponse => results,
    DeleteTopicsResponse => responses,
    DescribeConfigsResponse => results,
    DescribeGroupsResponse => groups,
    DescribeLogDirsResponse => results,
    DescribeTransactionsResponse => transaction_states,
    IncrementalAlterConfigsResponse => responses,
);

per_partition!(
    DeleteRecordsResponse => topics.partitions,
    DescribeProducersResponse => topics.partitions,
    ListOffsetsResponse => topics.partitions,
    OffsetCommitResponse => topics.partitions,
    OffsetForLeaderEpochResponse => topics.partitions,
    TxnOffsetCommitResponse => topics.partitions,
);

impl ErrorCodes for ProduceResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        for t in &self.responses {
            t.partition_responses
                .iter()
                .for_each(|p| each(p.error_code));
        }
    }
}

impl ErrorCodes for FetchResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        each(self.error_code);
        for t in &self.responses {
            t.partitions.iter().for_each(|p| each(p.error_code));
        }
    }
}

impl ErrorCodes for MetadataResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        for t in &self.topics {
            each(t.error_code);
            t.partitions.iter().for_each(|p| each(p.error_code));
        }
    }
}

impl ErrorCodes for DescribeUserScramCredentialsResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        each(self.error_code);
        self.results.iter().for_each(|r| each(r.error_code));
    }
}

impl ErrorCodes for FindCoordinatorResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        // v4+ answers per coordinator key; earlier versions at the top.
        if self.coordinators.is_empty() {
            each(self.error_code);
        }
        self.coordinators.iter().for_each(|c| each(c.error_code));
    }
}

impl ErrorCodes for LeaveGroupResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        each(self.error_code);
        self.members.iter().for_each(|m| each(m.error_code));
    }
}

impl ErrorCodes for OffsetDeleteResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        each(self.error_code);
        for t in &self.topics {
            t.partitions.iter().for_each(|p| each(p.error_code));
        }
    }
}

impl ErrorCodes for OffsetFetchResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        // v8+ answers per group; earlier versions for the one group at the top.
        if self.groups.is_empty() {
            each(self.error_code);
            for t in &self.topics {
                t.partitions.iter().for_each(|p| each(p.error_code));
            }
        }
        for g in &self.groups {
            each(g.error_code);
            for t in &g.topics {
                t.partitions.iter().for_each(|p| each(p.error_code));
            }
        }
    }
}

impl ErrorCodes for AddPartitionsToTxnResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        each(self.error_code);
        for t in &self.results_by_topic_v3_and_below {
            t.results_by_partition
                .iter()
                .for_each(|p| each(p.partition_error_code));
        }
        for txn in &self.results_by_transaction {
            for t in &txn.topic_results {
                t.results_by_partition
                    .iter()
                    .for_each(|p| each(p.partition_error_code));
            }
        }
    }
}

impl ErrorCodes for WriteTxnMarkersResponse {
    fn error_codes(&self, each: &mut dyn FnMut(i16)) {
        for m in &self.markers {
            for t in &m.topics {
                t.partitions.iter().for_each(|p| each(p.error_code));
            }
        }
    }
}

/// Kafka's name for an error code, as its `Errors` enum spells it (`UNKNOWN_TOPIC_OR_PARTITION`).
pub fn kafka_name(code: i16) -> String {
    let Some(error) = kafka_protocol::error::ResponseError::try_from_code(code) else {
        return format!("UNKNOWN_ERROR_CODE_{code}");
    };
    let camel = format!("{error:?}");
    if !camel.chars().all(|c| c.is_ascii_alphanumeric()) {
        // A code the protocol crate does not name (`Unknown(n)`).
        return format!("UNKNOWN_ERROR_CODE_{code}");
    }
    let mut name = String::with_capacity(camel.len() + 8);
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_uppercase());
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_as_kafka_spells_them() {
        assert_eq!(kafka_name(3), "UNKNOWN_TOPIC_OR_PARTITION");
        assert_eq!(kafka_name(36), "TOPIC_ALREADY_EXISTS");
        assert_eq!(kafka_name(-1), "UNKNOWN_SERVER_ERROR");
        assert_eq!(kafka_name(9999), "UNKNOWN_ERROR_CODE_9999");
    }

    #[test]
    fn produce_codes_come_from_every_partition() {
        use kafka_protocol::messages::produce_response::*;
        let resp = ProduceResponse::default().with_responses(vec![TopicProduceResponse::default()
            .with_partition_responses(vec![
                PartitionProduceResponse::default().with_error_code(3),
                PartitionProduceResponse::default(),
            ])]);
        let mut seen = Vec::new();
        resp.error_codes(&mut |c| seen.push(c));
        assert_eq!(seen, vec![3, 0]);
    }
}
