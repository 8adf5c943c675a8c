//! CreateAcls (API key 30), DescribeAcls (29) and DeleteAcls (31), as Apache Kafka answers
//! them: ALTER on the cluster to create or delete, DESCRIBE to describe (else
//! CLUSTER_AUTHORIZATION_FAILED), SECURITY_DISABLED on a broker that enforces no ACLs (a
//! request in process — the toolbox on a data directory — may manage them anyway, for the
//! server that will), INVALID_REQUEST with Kafka's messages for a binding or filter that cannot
//! be one. Changes are durable before they are answered.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::create_acls_request::AclCreation;
use kafka_protocol::messages::create_acls_response::AclCreationResult;
use kafka_protocol::messages::delete_acls_request::DeleteAclsFilter;
use kafka_protocol::messages::delete_acls_response::{
    DeleteAclsFilterResult, DeleteAclsMatchingAcl,
};
use kafka_protocol::messages::describe_acls_response::{AclDescription, DescribeAclsResource};
use kafka_protocol::messages::{
    CreateAclsRequest, CreateAclsResponse, DeleteAclsRequest, DeleteAclsResponse,
    DescribeAclsRequest, DescribeAclsResponse,
};
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::security::CLUSTER_NAME;
use super::Broker;
use crate::security::acl::{
    Acl, AclFilter, Operation, PatternFilter, PatternType, Permission, ResourceType,
};
use crate::security::principal;

/// Wire code of ANY in filters (resource type, operation, permission, pattern type).
const ANY: i8 = 1;

fn text(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

/// Why a request is not answered at all: the ACLs cannot be used or seen.
fn refusal(
    broker: &Broker,
    ctx: &RequestContext,
    operation: Operation,
) -> Option<(i16, &'static str)> {
    if !broker.security.authorizer_enabled && !ctx.is_in_process() {
        return Some((
            ResponseError::SecurityDisabled.code(),
            "No Authorizer is configured on the broker",
        ));
    }
    if !broker.security.authorize_cluster(ctx, operation) {
        return Some((
            ResponseError::ClusterAuthorizationFailed.code(),
            "Cluster authorization failed.",
        ));
    }
    None
}

/// Handles CreateAcls.
pub fn create(broker: &Broker, req: CreateAclsRequest, ctx: &RequestContext) -> CreateAclsResponse {
    if let Some((code, message)) = refusal(broker, ctx, Operation::Alter) {
        let results = req
            .creations
            .iter()
            .map(|_| {
                AclCreationResult::default()
                    .with_error_code(code)
                    .with_error_message(Some(StrBytes::from_static_str(message)))
            })
            .collect();
        return CreateAclsResponse::default().with_results(results);
    }
    let checked: Vec<Result<Acl, String>> = req.creations.iter().map(binding).collect();
    let valid: Vec<Acl> = checked
        .iter()
        .filter_map(|r| r.as_ref().ok().cloned())
        .collect();
    let stored = if valid.is_empty() {
        Ok(())
    } else {
        broker.security.acls_mut().create(valid)
    };
    let results = checked
        .into_iter()
        .map(|result| match (result, &stored) {
            (Err(message), _) => AclCreationResult::default()
                .with_error_code(ResponseError::InvalidRequest.code())
                .with_error_message(Some(text(&message))),
            (Ok(_), Ok(())) => AclCreationResult::default(),
            (Ok(_), Err(e)) => AclCreationResult::default()
                .with_error_code(ResponseError::KafkaStorageError.code())
                .with_error_message(Some(text(&format!("the ACLs could not be stored: {e}")))),
        })
        .collect();
    CreateAclsResponse::default().with_results(results)
}

/// The ACL a creation asks for, or Kafka's message for why it cannot be one.
fn binding(c: &AclCreation) -> Result<Acl, String> {
    let resource_type = ResourceType::from_code(c.resource_type)
        .ok_or_else(|| format!("Invalid resourceType {}", code_name(c.resource_type)))?;
    let pattern_type = PatternType::from_code(c.resource_pattern_type).ok_or_else(|| {
        format!(
            "Invalid patternType {}",
            pattern_name(c.resource_pattern_type)
        )
    })?;
    let operation = Operation::from_code(c.operation)
        .ok_or_else(|| format!("Invalid operation {}", code_name(c.operation)))?;
    let permission = Permission::from_code(c.permission_type)
        .ok_or_else(|| format!("Invalid permissionType {}", code_name(c.permission_type)))?;
    let name = c.resource_name.as_str();
    if resource_type == ResourceType::Cluster && name != CLUSTER_NAME {
        return Err(format!(
            "The only valid name for the CLUSTER resource is {CLUSTER_NAME}"
        ));
    }
    if name.is_empty() {
        return Err("Invalid empty resource name".into());
    }
    if principal::parse(&c.principal).is_none() {
        return Err(format!(
            "expected a string in format principalType:principalName but got {}",
            c.principal.as_str()
        ));
    }
    Ok(Acl {
        resource_type,
        resource_name: name.to_string(),
        pattern_type,
        principal: c.principal.to_string(),
        host: c.host.to_string(),
        operation,
        permission,
    })
}

fn code_name(code: i8) -> &'static str {
    match code {
        0 => "UNKNOWN",
        ANY => "ANY",
        _ => "UNKNOWN",
    }
}

fn pattern_name(code: i8) -> &'static str {
    match code {
        ANY => "ANY",
        2 => "MATCH",
        _ => "UNKNOWN",
    }
}

/// The filter a request describes, or why it cannot be one.
#[allow(clippy::too_many_arguments)]
fn filter(
    resource_type: i8,
    resource_name: Option<&StrBytes>,
    pattern_type: i8,
    principal: Option<&StrBytes>,
    host: Option<&StrBytes>,
    operation: i8,
    permission: i8,
) -> Result<AclFilter, String> {
    let resource_type = match resource_type {
        ANY => None,
        code => Some(ResourceType::from_code(code).ok_or("Invalid resource type filter")?),
    };
    let pattern = PatternFilter::from_code(pattern_type).ok_or("Unknown patternFilter.")?;
    let operation = match operation {
        ANY => None,
        code => Some(Operation::from_code(code).ok_or("Unknown entryFilter.")?),
    };
    let permission = match permission {
        ANY => None,
        code => Some(Permission::from_code(code).ok_or("Unknown entryFilter.")?),
    };
    Ok(AclFilter {
        resource_type,
        resource_name: resource_name.map(|n| n.to_string()),
        pattern,
        principal: principal.map(|p| p.to_string()),
        host: host.map(|h| h.to_string()),
        operation,
        permission,
    })
}

/// Handles DescribeAcls.
pub fn describe(
    broker: &Broker,
    req: DescribeAclsRequest,
    ctx: &RequestContext,
) -> DescribeAclsResponse {
    if let Some((code, message)) = refusal(broker, ctx, Operation::Describe) {
        return DescribeAclsResponse::default()
            .with_error_code(code)
            .with_error_message(Some(StrBytes::from_static_str(message)));
    }
    let filter = match filter(
        req.resource_type_filter,
        req.resource_name_filter.as_ref(),
        req.pattern_type_filter,
        req.principal_filter.as_ref(),
        req.host_filter.as_ref(),
        req.operation,
        req.permission_type,
    ) {
        Ok(f) => f,
        Err(message) => {
            return DescribeAclsResponse::default()
                .with_error_code(ResponseError::InvalidRequest.code())
                .with_error_message(Some(text(&message)))
        }
    };
    let store = broker.security.acls();
    let mut matched: Vec<&Acl> = store.authorizer().describe(&filter);
    matched.sort_by(|a, b| {
        (a.resource_type, &a.resource_name, a.pattern_type).cmp(&(
            b.resource_type,
            &b.resource_name,
            b.pattern_type,
        ))
    });
    let mut resources: Vec<DescribeAclsResource> = Vec::new();
    for acl in matched {
        let description = AclDescription::default()
            .with_principal(text(&acl.principal))
            .with_host(text(&acl.host))
            .with_operation(acl.operation.code())
            .with_permission_type(acl.permission.code());
        match resources.last_mut() {
            Some(r)
                if r.resource_type == acl.resource_type.code()
                    && r.resource_name.as_str() == acl.resource_name
                    && r.pattern_type == acl.pattern_type.code() =>
            {
                r.acls.push(description)
            }
            _ => resources.push(
                DescribeAclsResource::default()
                    .with_resource_type(acl.resource_type.code())
                    .with_resource_name(text(&acl.resource_name))
                    .with_pattern_type(acl.pattern_type.code())
                    .with_acls(vec![description]),
            ),
        }
    }
    DescribeAclsResponse::default().with_resources(resources)
}

/// Handles DeleteAcls.
pub fn delete(broker: &Broker, req: DeleteAclsRequest, ctx: &RequestContext) -> DeleteAclsResponse {
    let failed = |code: i16, message: &str| {
        DeleteAclsFilterResult::default()
            .with_error_code(code)
            .with_error_message(Some(text(message)))
    };
    if let Some((code, message)) = refusal(broker, ctx, Operation::Alter) {
        return DeleteAclsResponse::default()
            .with_filter_results(req.filters.iter().map(|_| failed(code, message)).collect());
    }
    let filters: Vec<Result<AclFilter, String>> = req.filters.iter().map(delete_filter).collect();
    let valid: Vec<AclFilter> = filters
        .iter()
        .filter_map(|f| f.as_ref().ok().cloned())
        .collect();
    let removed = broker.security.acls_mut().delete(&valid);
    let mut removed = match removed {
        Ok(removed) => removed.into_iter(),
        Err(e) => {
            let message = format!("the ACLs could not be stored: {e}");
            return DeleteAclsResponse::default().with_filter_results(
                req.filters
                    .iter()
                    .map(|_| failed(ResponseError::KafkaStorageError.code(), &message))
                    .collect(),
            );
        }
    };
    let results = filters
        .into_iter()
        .map(|f| match f {
            Err(message) => failed(ResponseError::InvalidRequest.code(), &message),
            Ok(_) => DeleteAclsFilterResult::default().with_matching_acls(
                removed
                    .next()
                    .unwrap_or_default()
                    .iter()
                    .map(|acl| {
                        DeleteAclsMatchingAcl::default()
                            .with_resource_type(acl.resource_type.code())
                            .with_resource_name(text(&acl.resource_name))
                            .with_pattern_type(acl.pattern_type.code())
                            .with_principal(text(&acl.principal))
                            .with_host(text(&acl.host))
                            .with_operation(acl.operation.code())
                            .with_permission_type(acl.permission.code())
                    })
                    .collect(),
            ),
        })
        .collect();
    DeleteAclsResponse::default().with_filter_results(results)
}

fn delete_filter(f: &DeleteAclsFilter) -> Result<AclFilter, String> {
    filter(
        f.resource_type_filter,
        f.resource_name_filter.as_ref(),
        f.pattern_type_filter,
        f.principal_filter.as_ref(),
        f.host_filter.as_ref(),
        f.operation,
        f.permission_type,
    )
}
