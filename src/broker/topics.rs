//! CreateTopics (19), DeleteTopics (20) and CreatePartitions (37): the topic lifecycle, with
//! Kafka's validation and error codes. A single node can hold one replica per partition, so a
//! replication factor or assignment asking for more, or for another broker, is refused.

use std::collections::{BTreeMap, HashSet};

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::create_partitions_request::CreatePartitionsRequest;
use kafka_protocol::messages::create_partitions_response::{
    CreatePartitionsResponse, CreatePartitionsTopicResult,
};
use kafka_protocol::messages::create_topics_request::{CreatableTopic, CreateTopicsRequest};
use kafka_protocol::messages::create_topics_response::{
    CreatableTopicConfigs, CreatableTopicResult, CreateTopicsResponse,
};
use kafka_protocol::messages::delete_topics_request::DeleteTopicsRequest;
use kafka_protocol::messages::delete_topics_response::{
    DeletableTopicResult, DeleteTopicsResponse,
};
use kafka_protocol::messages::{BrokerId, TopicName};
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::topic_config::TOPIC_CONFIG_KEYS;
use super::{check_partition_count, Broker, MAX_PARTITIONS_PER_TOPIC};
use crate::security::acl::Operation;
use crate::Error;

/// Config sources as DescribeConfigs and CreateTopics report them.
pub const SOURCE_TOPIC: i8 = 1;
pub const SOURCE_DEFAULT: i8 = 5;

fn msg(s: &str) -> Option<StrBytes> {
    Some(StrBytes::from_string(s.to_string()))
}

/// Names that appear more than once in a request; Kafka refuses all of their entries.
fn repeated<'a>(names: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut seen = HashSet::new();
    names
        .filter(|n| !seen.insert(*n))
        .map(str::to_string)
        .collect()
}

/// Kafka's message for a topic the principal may not act on.
const AUTHORIZATION_FAILED: &str = "Authorization failed.";

/// Handles CreateTopics; creating needs CREATE on the cluster or the topic, and the answer
/// shows the topic's configs only with DESCRIBE_CONFIGS on it.
pub fn create(
    broker: &Broker,
    req: CreateTopicsRequest,
    version: i16,
    ctx: &RequestContext,
) -> CreateTopicsResponse {
    let duplicates = repeated(req.topics.iter().map(|t| t.name.as_str()));
    let results = req
        .topics
        .into_iter()
        .map(|t| {
            let name = t.name.clone();
            let mut result = CreatableTopicResult::default().with_name(name.clone());
            if duplicates.contains(name.as_str()) {
                return result
                    .with_error_code(ResponseError::InvalidRequest.code())
                    .with_error_message(msg(&format!(
                        "topic '{}' appears more than once in the request",
                        name.as_str()
                    )));
            }
            if !broker.security.may_create_topic(ctx, name.as_str()) {
                return result
                    .with_error_code(ResponseError::TopicAuthorizationFailed.code())
                    .with_error_message(msg(AUTHORIZATION_FAILED));
            }
            // The answer describes the topic's configs only to a principal that may
            // DESCRIBE_CONFIGS it, as Kafka's controller answers.
            let describable =
                broker
                    .security
                    .allows_topic(ctx, name.as_str(), Operation::DescribeConfigs);
            match create_one(broker, t, req.validate_only).map_err(|e| e.refusal()) {
                Ok((_, topic_id, _)) if !describable => {
                    result.num_partitions = -1;
                    result.replication_factor = -1;
                    if version >= 5 {
                        result.configs = Some(Vec::new());
                        result.topic_config_error_code =
                            ResponseError::TopicAuthorizationFailed.code();
                    }
                    if version >= 7 {
                        result.topic_id = topic_id;
                    }
                    result
                }
                Ok((partitions, topic_id, configs)) => {
                    result.num_partitions = partitions;
                    result.replication_factor = 1;
                    if version >= 5 {
                        result.configs = Some(configs);
                    }
                    if version >= 7 {
                        result.topic_id = topic_id;
                    }
                    result
                }
                Err((code, text)) => {
                    result.num_partitions = -1;
                    result.replication_factor = -1;
                    result
                        .with_error_code(code.code())
                        .with_error_message(msg(&text))
                }
            }
        })
        .collect();
    CreateTopicsResponse::default().with_topics(results)
}

fn create_one(
    broker: &Broker,
    t: CreatableTopic,
    validate_only: bool,
) -> Result<(i32, uuid::Uuid, Vec<CreatableTopicConfigs>), Error> {
    let node = BrokerId(broker.settings.node_id);
    let partitions = if t.assignments.is_empty() {
        match t.replication_factor {
            -1 | 1 => {}
            rf if rf < 1 => {
                return Err(Error::refused(
                    ResponseError::InvalidReplicationFactor,
                    "replication factor must be larger than 0, or -1 to use the default",
                ))
            }
            rf => {
                return Err(Error::refused(
                    ResponseError::InvalidReplicationFactor,
                    format!("replication factor: {rf} larger than available brokers: 1"),
                ))
            }
        }
        t.num_partitions
    } else {
        if t.num_partitions != -1 || t.replication_factor != -1 {
            return Err(Error::refused(
                ResponseError::InvalidRequest,
                "both partition count/replication factor and manual assignments were given",
            ));
        }
        let mut indexes: Vec<i32> = t.assignments.iter().map(|a| a.partition_index).collect();
        indexes.sort_unstable();
        let expected: Vec<i32> = (0..indexes.len() as i32).collect();
        if indexes != expected || t.assignments.iter().any(|a| a.broker_ids != [node]) {
            return Err(Error::refused(
                ResponseError::InvalidReplicaAssignment,
                format!(
                    "assignments must cover partitions 0..n once each, on broker {} only",
                    node.0
                ),
            ));
        }
        i32::try_from(t.assignments.len()).unwrap_or(i32::MAX)
    };
    let mut configs = BTreeMap::new();
    for c in t.configs {
        let Some(value) = c.value else {
            return Err(Error::refused(
                ResponseError::InvalidConfig,
                format!("config '{}' has a null value", c.name.as_str()),
            ));
        };
        configs.insert(c.name.to_string(), value.to_string());
    }
    let topic = broker.create_topic(&t.name, partitions, configs, validate_only)?;
    let config = topic.config();
    let described = TOPIC_CONFIG_KEYS
        .iter()
        .filter_map(|k| {
            let (value, is_default) = config.effective(k.name, &broker.settings.defaults)?;
            Some(
                CreatableTopicConfigs::default()
                    .with_name(StrBytes::from_static_str(k.name))
                    .with_value(Some(StrBytes::from_string(value)))
                    .with_config_source(if is_default {
                        SOURCE_DEFAULT
                    } else {
                        SOURCE_TOPIC
                    }),
            )
        })
        .collect();
    let partitions = if validate_only {
        if partitions == -1 {
            broker.settings.default_partitions
        } else {
            partitions
        }
    } else {
        topic.partition_count()
    };
    Ok((partitions, topic.id, described))
}

/// Handles DeleteTopics, by name (all versions) or by topic ID (v6+); deleting needs DELETE on
/// the topic.
pub fn delete(
    broker: &Broker,
    req: DeleteTopicsRequest,
    version: i16,
    ctx: &RequestContext,
) -> DeleteTopicsResponse {
    let wanted: Vec<(Option<TopicName>, uuid::Uuid)> = if version >= 6 {
        req.topics
            .into_iter()
            .map(|t| (t.name, t.topic_id))
            .collect()
    } else {
        req.topic_names
            .into_iter()
            .map(|n| (Some(n), uuid::Uuid::nil()))
            .collect()
    };
    let responses = wanted
        .into_iter()
        .map(|(name, id)| {
            let may_delete = |n: &str| broker.security.allows_topic(ctx, n, Operation::Delete);
            let topic = match &name {
                Some(n) if !may_delete(n) => Err(ResponseError::TopicAuthorizationFailed),
                Some(n) => broker
                    .topic(n)
                    .ok_or(ResponseError::UnknownTopicOrPartition),
                None => broker
                    .topic_by_id(id)
                    .ok_or(ResponseError::UnknownTopicId)
                    .and_then(|t| {
                        if may_delete(&t.name) {
                            Ok(t)
                        } else {
                            Err(ResponseError::TopicAuthorizationFailed)
                        }
                    }),
            };
            let mut result = DeletableTopicResult::default().with_name(name.clone());
            if version >= 6 {
                result.topic_id = id;
            }
            match topic {
                Ok(t) => {
                    if version >= 6 {
                        result.topic_id = t.id;
                        result.name = Some(TopicName(StrBytes::from_string(t.name.clone())));
                    }
                    match broker.delete_topic(&t) {
                        Ok(()) => result,
                        Err(e) => {
                            let (code, text) = e.refusal();
                            with_delete_error(result, code, &text, version)
                        }
                    }
                }
                Err(code) => {
                    let text = match &name {
                        _ if code == ResponseError::TopicAuthorizationFailed => {
                            AUTHORIZATION_FAILED.to_string()
                        }
                        Some(n) => format!("topic '{}' does not exist", n.as_str()),
                        None => format!("no topic has id {id}"),
                    };
                    with_delete_error(result, code, &text, version)
                }
            }
        })
        .collect();
    DeleteTopicsResponse::default().with_responses(responses)
}

fn with_delete_error(
    r: DeletableTopicResult,
    code: ResponseError,
    text: &str,
    version: i16,
) -> DeletableTopicResult {
    let r = r.with_error_code(code.code());
    if version >= 5 {
        r.with_error_message(msg(text))
    } else {
        r
    }
}

/// Handles CreatePartitions: grows topics to a new total partition count (ALTER on the topic).
pub fn create_partitions(
    broker: &Broker,
    req: CreatePartitionsRequest,
    ctx: &RequestContext,
) -> CreatePartitionsResponse {
    let node = BrokerId(broker.settings.node_id);
    let duplicates = repeated(req.topics.iter().map(|t| t.name.as_str()));
    let results = req
        .topics
        .into_iter()
        .map(|t| {
            let outcome: Result<(), Error> = (|| {
                if duplicates.contains(t.name.as_str()) {
                    return Err(Error::refused(ResponseError::InvalidRequest, "topic appears more than once in the request"));
                }
                if !broker.security.allows_topic(ctx, &t.name, Operation::Alter) {
                    return Err(Error::refused(ResponseError::TopicAuthorizationFailed, "Topic authorization failed."));
                }
                let topic = broker
                    .topic(&t.name)
                    .ok_or(Error::refused(ResponseError::UnknownTopicOrPartition, format!("topic '{}' does not exist", t.name.as_str())))?;
                let current = topic.partition_count();
                if t.count <= current {
                    return Err(Error::refused(
                        ResponseError::InvalidPartitions,
                        format!("topic currently has {current} partitions, which is not fewer than the requested {}", t.count),
                    ));
                }
                if t.count > MAX_PARTITIONS_PER_TOPIC {
                    check_partition_count(t.count)?;
                }
                if let Some(assignments) = &t.assignments {
                    let added = (t.count - current) as usize;
                    if assignments.len() != added || assignments.iter().any(|a| a.broker_ids != [node]) {
                        return Err(Error::refused(
                            ResponseError::InvalidReplicaAssignment,
                            format!("expected {added} assignments, each on broker {} only", node.0),
                        ));
                    }
                }
                if req.validate_only {
                    return Ok(());
                }
                topic
                    .add_partitions(t.count - current, &broker.settings.defaults)
                    ?;
                tracing::info!(topic = %topic.name, partitions = t.count, "added partitions");
                Ok(())
            })();
            let result = CreatePartitionsTopicResult::default().with_name(t.name);
            match outcome.map_err(|e| e.refusal()) {
                Ok(()) => result,
                Err((code, text)) => result.with_error_code(code.code()).with_error_message(msg(&text)),
            }
        })
        .collect();
    CreatePartitionsResponse::default().with_results(results)
}
