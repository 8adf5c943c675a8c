//! DescribeConfigs (32), AlterConfigs (33) and IncrementalAlterConfigs (44) for topics, and
//! DescribeConfigs for this broker (whose settings come from flags and the config file, so
//! they are read-only over the wire).

use std::collections::HashSet;

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::alter_configs_request::AlterConfigsRequest;
use kafka_protocol::messages::alter_configs_response::{
    AlterConfigsResourceResponse, AlterConfigsResponse,
};
use kafka_protocol::messages::describe_configs_request::DescribeConfigsRequest;
use kafka_protocol::messages::describe_configs_response::{
    DescribeConfigsResourceResult, DescribeConfigsResponse, DescribeConfigsResult,
};
use kafka_protocol::messages::incremental_alter_configs_request::IncrementalAlterConfigsRequest;
use kafka_protocol::messages::incremental_alter_configs_response::{
    AlterConfigsResourceResponse as IncrementalResult, IncrementalAlterConfigsResponse,
};
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::topic::Topic;
use super::topic_config::{lookup, ConfigType, TopicConfig, TOPIC_CONFIG_KEYS};
use super::topics::{SOURCE_DEFAULT, SOURCE_TOPIC};
use super::Broker;
use crate::security::acl::Operation;
use crate::Error;

/// Kafka's ConfigResource types.
pub const RESOURCE_TOPIC: i8 = 2;
pub const RESOURCE_BROKER: i8 = 4;

const SOURCE_STATIC_BROKER: i8 = 4;

const OP_SET: i8 = 0;
const OP_DELETE: i8 = 1;
const OP_APPEND: i8 = 2;
const OP_SUBTRACT: i8 = 3;

fn text(s: String) -> Option<StrBytes> {
    Some(StrBytes::from_string(s))
}

/// One described config entry before encoding.
struct Entry {
    name: String,
    value: String,
    source: i8,
    read_only: bool,
    kind: ConfigType,
    doc: &'static str,
}

/// The error for a resource whose configs the principal may not see or change: DESCRIBE_CONFIGS
/// or ALTER_CONFIGS on the topic, or on the cluster for the broker's own.
fn config_denied(
    broker: &Broker,
    ctx: &RequestContext,
    resource_type: i8,
    name: &str,
    operation: Operation,
) -> Option<ResponseError> {
    let security = &broker.security;
    match resource_type {
        RESOURCE_TOPIC if !security.allows_topic(ctx, name, operation) => {
            Some(ResponseError::TopicAuthorizationFailed)
        }
        RESOURCE_BROKER if !security.authorize_cluster(ctx, operation) => {
            Some(ResponseError::ClusterAuthorizationFailed)
        }
        _ => None,
    }
}

/// Handles DescribeConfigs.
pub fn describe(
    broker: &Broker,
    req: DescribeConfigsRequest,
    version: i16,
    ctx: &RequestContext,
) -> DescribeConfigsResponse {
    let results = req
        .resources
        .into_iter()
        .map(|r| {
            let result = DescribeConfigsResult::default()
                .with_error_message(None)
                .with_resource_type(r.resource_type)
                .with_resource_name(r.resource_name.clone());
            if let Some(code) = config_denied(
                broker,
                ctx,
                r.resource_type,
                &r.resource_name,
                Operation::DescribeConfigs,
            ) {
                return result.with_error_code(code.code());
            }
            let entries = match r.resource_type {
                RESOURCE_TOPIC => topic_entries(broker, &r.resource_name),
                RESOURCE_BROKER => broker_entries(broker, &r.resource_name),
                other => Err(Error::refused(
                    ResponseError::InvalidRequest,
                    format!("config resource type {other} is not supported"),
                )),
            };
            match entries.map_err(|e| e.refusal()) {
                Ok(entries) => {
                    let wanted: Option<HashSet<&str>> = r
                        .configuration_keys
                        .as_ref()
                        .map(|keys| keys.iter().map(|k| k.as_str()).collect());
                    let configs = entries
                        .into_iter()
                        .filter(|e| wanted.as_ref().is_none_or(|w| w.contains(e.name.as_str())))
                        .map(|e| {
                            let mut c = DescribeConfigsResourceResult::default()
                                .with_name(StrBytes::from_string(e.name))
                                .with_value(Some(StrBytes::from_string(e.value)))
                                .with_read_only(e.read_only)
                                .with_config_source(e.source);
                            if version >= 3 {
                                c.config_type = e.kind as i8;
                                if req.include_documentation {
                                    c.documentation = Some(StrBytes::from_static_str(e.doc));
                                }
                            }
                            c
                        })
                        .collect();
                    result.with_configs(configs)
                }
                Err((code, message)) => result
                    .with_error_code(code.code())
                    .with_error_message(text(message)),
            }
        })
        .collect();
    DescribeConfigsResponse::default().with_results(results)
}

fn find_topic(broker: &Broker, name: &str) -> Result<std::sync::Arc<Topic>, Error> {
    broker.topic(name).ok_or(Error::refused(
        ResponseError::UnknownTopicOrPartition,
        format!("topic '{name}' does not exist"),
    ))
}

fn topic_entries(broker: &Broker, name: &str) -> Result<Vec<Entry>, Error> {
    let topic = find_topic(broker, name)?;
    let config = topic.config();
    Ok(TOPIC_CONFIG_KEYS
        .iter()
        .filter_map(|k| {
            let (value, is_default) = config.effective(k.name, &broker.settings.defaults)?;
            Some(Entry {
                name: k.name.to_string(),
                value,
                source: if is_default {
                    SOURCE_DEFAULT
                } else {
                    SOURCE_TOPIC
                },
                read_only: false,
                kind: k.kind,
                doc: k.doc,
            })
        })
        .collect())
}

fn broker_entries(broker: &Broker, name: &str) -> Result<Vec<Entry>, Error> {
    let s = &broker.settings;
    if !name.is_empty() && name != s.node_id.to_string() {
        return Err(Error::refused(
            ResponseError::InvalidRequest,
            format!("broker '{name}' is not this broker ({})", s.node_id),
        ));
    }
    let log_dirs = s
        .data_dir
        .as_ref()
        .map_or_else(String::new, |d| d.display().to_string());
    let entry = |name: &str, value: String, kind: ConfigType, doc: &'static str| Entry {
        name: name.to_string(),
        value,
        source: SOURCE_STATIC_BROKER,
        read_only: true,
        kind,
        doc,
    };
    Ok(vec![
        entry(
            "auto.create.topics.enable",
            s.auto_create_topics.to_string(),
            ConfigType::Boolean,
            "Create unknown topics on Metadata and Produce.",
        ),
        entry(
            "broker.id",
            s.node_id.to_string(),
            ConfigType::Int,
            "This broker's node id.",
        ),
        entry(
            "log.dirs",
            log_dirs,
            ConfigType::String,
            "The data directory (empty when in memory).",
        ),
        entry(
            "log.retention.bytes",
            s.defaults.log.retention_bytes.to_string(),
            ConfigType::Long,
            "Default retention.bytes.",
        ),
        entry(
            "log.retention.ms",
            s.defaults.log.retention_ms.to_string(),
            ConfigType::Long,
            "Default retention.ms.",
        ),
        entry(
            "log.roll.ms",
            s.defaults.log.segment_ms.to_string(),
            ConfigType::Long,
            "Default segment.ms.",
        ),
        entry(
            "log.segment.bytes",
            s.defaults.log.segment_bytes.to_string(),
            ConfigType::Int,
            "Default segment.bytes.",
        ),
        entry(
            "message.max.bytes",
            s.defaults.max_message_bytes.to_string(),
            ConfigType::Int,
            "Default max.message.bytes.",
        ),
        entry(
            "num.partitions",
            s.default_partitions.to_string(),
            ConfigType::Int,
            "Partitions of auto-created topics.",
        ),
    ])
}

fn read_only_broker(resource_type: i8, name: &str) -> Result<(), Error> {
    match resource_type {
        RESOURCE_TOPIC => Ok(()),
        RESOURCE_BROKER => Err(Error::refused(
            ResponseError::InvalidRequest,
            format!("broker {name} settings are read-only over the wire; set them with flags, STREAMLINE_* variables or the config file"),
        )),
        other => Err(Error::refused(
            ResponseError::InvalidRequest,
            format!("config resource type {other} is not supported"),
        )),
    }
}

fn duplicates<'a>(names: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for n in names {
        if !seen.insert(n) {
            return Err(Error::refused(
                ResponseError::InvalidRequest,
                format!("config '{n}' appears more than once"),
            ));
        }
    }
    Ok(())
}

/// Handles AlterConfigs: replaces a topic's whole set of overrides.
pub fn alter(
    broker: &Broker,
    req: AlterConfigsRequest,
    ctx: &RequestContext,
) -> AlterConfigsResponse {
    let responses = req
        .resources
        .into_iter()
        .map(|r| {
            if let Some(code) = config_denied(
                broker,
                ctx,
                r.resource_type,
                &r.resource_name,
                Operation::AlterConfigs,
            ) {
                return AlterConfigsResourceResponse::default()
                    .with_resource_type(r.resource_type)
                    .with_resource_name(r.resource_name)
                    .with_error_code(code.code());
            }
            let names = r.configs.iter().map(|c| c.name.as_str());
            let outcome = alter_topic(
                broker,
                r.resource_type,
                &r.resource_name,
                names,
                req.validate_only,
                |topic| {
                    let mut overrides = std::collections::BTreeMap::new();
                    for c in &r.configs {
                        let value = c.value.as_ref().ok_or(Error::refused(
                            ResponseError::InvalidConfig,
                            format!("config '{}' has a null value", c.name.as_str()),
                        ))?;
                        overrides.insert(c.name.to_string(), value.to_string());
                    }
                    topic.config().replaced_by(overrides)
                },
            );
            let response = AlterConfigsResourceResponse::default()
                .with_resource_type(r.resource_type)
                .with_resource_name(r.resource_name);
            match outcome.map_err(|e| e.refusal()) {
                Ok(()) => response,
                Err((code, message)) => response
                    .with_error_code(code.code())
                    .with_error_message(text(message)),
            }
        })
        .collect();
    AlterConfigsResponse::default().with_responses(responses)
}

pub fn incremental_alter(
    broker: &Broker,
    req: IncrementalAlterConfigsRequest,
    ctx: &RequestContext,
) -> IncrementalAlterConfigsResponse {
    let responses = req
        .resources
        .into_iter()
        .map(|r| {
            if let Some(code) = config_denied(
                broker,
                ctx,
                r.resource_type,
                &r.resource_name,
                Operation::AlterConfigs,
            ) {
                return IncrementalResult::default()
                    .with_resource_type(r.resource_type)
                    .with_resource_name(r.resource_name)
                    .with_error_code(code.code());
            }
            let names = r.configs.iter().map(|c| c.name.as_str());
            let outcome = alter_topic(
                broker,
                r.resource_type,
                &r.resource_name,
                names,
                req.validate_only,
                |topic| {
                    let mut config = topic.config();
                    for c in &r.configs {
                        let key = c.name.as_str();
                        let value = c.value.as_ref().map(|v| v.to_string());
                        apply(&mut config, key, c.config_operation, value, broker)?;
                    }
                    Ok(config)
                },
            );
            let response = IncrementalResult::default()
                .with_resource_type(r.resource_type)
                .with_resource_name(r.resource_name);
            match outcome.map_err(|e| e.refusal()) {
                Ok(()) => response,
                Err((code, message)) => response
                    .with_error_code(code.code())
                    .with_error_message(text(message)),
            }
        })
        .collect();
    IncrementalAlterConfigsResponse::default().with_responses(responses)
}

/// One resource of either alter API: the checks both make (a topic, not the read-only broker;
/// no key twice), then `build` turns the topic's configs into the new ones, which are stored
/// unless the request only validates.
fn alter_topic<'a>(
    broker: &Broker,
    resource_type: i8,
    name: &str,
    names: impl Iterator<Item = &'a str>,
    validate_only: bool,
    build: impl FnOnce(&Topic) -> Result<TopicConfig, Error>,
) -> Result<(), Error> {
    read_only_broker(resource_type, name)?;
    duplicates(names)?;
    let topic = find_topic(broker, name)?;
    let config = build(&topic)?;
    if !validate_only {
        topic.set_config(config, &broker.settings.defaults)?;
        tracing::info!(topic = %topic.name, "altered topic configs");
    }
    Ok(())
}

fn apply(
    config: &mut TopicConfig,
    key: &str,
    op: i8,
    value: Option<String>,
    broker: &Broker,
) -> Result<(), Error> {
    let def = lookup(key)?;
    let need_value = || {
        value
            .clone()
            .ok_or_else(|| Error::InvalidConfig(format!("config '{key}' needs a value")))
    };
    match op {
        OP_SET => config.set(key, &need_value()?),
        OP_DELETE => config.unset(key),
        OP_APPEND | OP_SUBTRACT => {
            if def.kind != ConfigType::List {
                return Err(Error::InvalidConfig(format!(
                    "config '{key}' is not a list; APPEND and SUBTRACT apply only to lists"
                )));
            }
            let (current, _) = config
                .effective(key, &broker.settings.defaults)
                .unwrap_or_default();
            let mut items: Vec<String> = current
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            for v in need_value()?
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                if op == OP_APPEND {
                    if !items.iter().any(|i| i == v) {
                        items.push(v.to_string());
                    }
                } else {
                    items.retain(|i| i != v);
                }
            }
            config.set(key, &items.join(","))
        }
        other => Err(Error::InvalidRequest(format!(
            "unknown config operation {other}"
        ))),
    }
}
