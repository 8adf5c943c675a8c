//! Users and ACLs over the wire: DescribeUserScramCredentials / AlterUserScramCredentials
//! (KIP-554) and CreateAcls / DescribeAcls / DeleteAcls, against our broker or any Kafka
//! cluster. A password never travels: the client salts and hashes it (PBKDF2, as
//! `kafka-configs --alter --add-config SCRAM-SHA-512=[password=...]` does) and sends the salted
//! password with its salt and iteration count.

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::alter_user_scram_credentials_request::{
    ScramCredentialDeletion, ScramCredentialUpsertion,
};
use kafka_protocol::messages::create_acls_request::AclCreation;
use kafka_protocol::messages::delete_acls_request::DeleteAclsFilter;
use kafka_protocol::messages::describe_user_scram_credentials_request::UserName;
use kafka_protocol::messages::{
    AlterUserScramCredentialsRequest, CreateAclsRequest, DeleteAclsRequest, DescribeAclsRequest,
    DescribeUserScramCredentialsRequest,
};
use kafka_protocol::protocol::StrBytes;

use super::admin::check;
use super::Client;
use crate::security::acl::{
    Acl, AclFilter, Operation, PatternFilter, PatternType, Permission, ResourceType,
};
use crate::security::scram::Mechanism;
use crate::{Error, Result};

/// A user and the SCRAM mechanisms it has credentials for, with their iteration counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScramUser {
    pub name: String,
    pub credentials: Vec<(Mechanism, i32)>,
}

/// Bytes of random salt for a new credential.
const SALT_BYTES: usize = 32;

fn text(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

impl Client {
    /// The users with SCRAM credentials: all of them, or those named (an unknown name is an
    /// error naming it).
    pub async fn describe_scram_users(&self, names: &[String]) -> Result<Vec<ScramUser>> {
        let req = DescribeUserScramCredentialsRequest::default().with_users(if names.is_empty() {
            None
        } else {
            Some(
                names
                    .iter()
                    .map(|n| UserName::default().with_name(text(n)))
                    .collect(),
            )
        });
        let resp = self.send(&req, None).await?;
        check(
            resp.error_code,
            resp.error_message.as_ref(),
            "describing SCRAM users",
        )?;
        let mut users = Vec::new();
        for r in resp.results {
            check(
                r.error_code,
                r.error_message.as_ref(),
                &format!("user '{}'", r.user.as_str()),
            )?;
            users.push(ScramUser {
                name: r.user.to_string(),
                credentials: r
                    .credential_infos
                    .iter()
                    .filter_map(|c| Some((Mechanism::from_code(c.mechanism)?, c.iterations)))
                    .collect(),
            });
        }
        users.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(users)
    }

    /// Sets `user`'s password for `mechanism`, creating the user if need be.
    pub async fn upsert_scram_credential(
        &self,
        user: &str,
        mechanism: Mechanism,
        password: &str,
        iterations: u32,
    ) -> Result<()> {
        let mut salt = vec![0u8; SALT_BYTES];
        getrandom::fill(&mut salt).map_err(|e| Error::Client(format!("no randomness: {e}")))?;
        let salted = mechanism.salted_password(password.as_bytes(), &salt, iterations);
        let req = AlterUserScramCredentialsRequest::default().with_upsertions(vec![
            ScramCredentialUpsertion::default()
                .with_name(text(user))
                .with_mechanism(mechanism.code())
                .with_iterations(iterations as i32)
                .with_salt(salt.into())
                .with_salted_password(salted.into()),
        ]);
        self.alter_scram(req, user).await
    }

    /// Removes `user`'s credential for `mechanism`.
    pub async fn delete_scram_credential(&self, user: &str, mechanism: Mechanism) -> Result<()> {
        let req = AlterUserScramCredentialsRequest::default().with_deletions(vec![
            ScramCredentialDeletion::default()
                .with_name(text(user))
                .with_mechanism(mechanism.code()),
        ]);
        self.alter_scram(req, user).await
    }

    async fn alter_scram(&self, req: AlterUserScramCredentialsRequest, user: &str) -> Result<()> {
        let resp = self.send(&req, None).await?;
        for r in &resp.results {
            check(
                r.error_code,
                r.error_message.as_ref(),
                &format!("user '{}'", r.user.as_str()),
            )?;
        }
        if resp.results.is_empty() {
            return Err(Error::Client(format!(
                "the broker did not answer for user '{user}'"
            )));
        }
        Ok(())
    }

    /// Creates ACLs; the first refused one is an error.
    pub async fn create_acls(&self, acls: &[Acl]) -> Result<()> {
        let req = CreateAclsRequest::default().with_creations(
            acls.iter()
                .map(|a| {
                    AclCreation::default()
                        .with_resource_type(a.resource_type.code())
                        .with_resource_name(text(&a.resource_name))
                        .with_resource_pattern_type(a.pattern_type.code())
                        .with_principal(text(&a.principal))
                        .with_host(text(&a.host))
                        .with_operation(a.operation.code())
                        .with_permission_type(a.permission.code())
                })
                .collect(),
        );
        let resp = self.send(&req, None).await?;
        for r in &resp.results {
            check(r.error_code, r.error_message.as_ref(), "creating ACLs")?;
        }
        Ok(())
    }

    /// The ACLs `filter` matches.
    pub async fn describe_acls(&self, filter: &AclFilter) -> Result<Vec<Acl>> {
        let req = DescribeAclsRequest::default()
            .with_resource_type_filter(filter.resource_type.map_or(ANY, ResourceType::code))
            .with_resource_name_filter(filter.resource_name.as_deref().map(text))
            .with_pattern_type_filter(pattern_code(filter.pattern))
            .with_principal_filter(filter.principal.as_deref().map(text))
            .with_host_filter(filter.host.as_deref().map(text))
            .with_operation(filter.operation.map_or(ANY, Operation::code))
            .with_permission_type(filter.permission.map_or(ANY, Permission::code));
        let resp = self.send(&req, None).await?;
        check(resp.error_code, resp.error_message.as_ref(), "listing ACLs")?;
        let mut acls = Vec::new();
        for r in resp.resources {
            let (Some(resource_type), Some(pattern_type)) = (
                ResourceType::from_code(r.resource_type),
                PatternType::from_code(r.pattern_type),
            ) else {
                continue;
            };
            for a in r.acls {
                let (Some(operation), Some(permission)) = (
                    Operation::from_code(a.operation),
                    Permission::from_code(a.permission_type),
                ) else {
                    continue;
                };
                acls.push(Acl {
                    resource_type,
                    resource_name: r.resource_name.to_string(),
                    pattern_type,
                    principal: a.principal.to_string(),
                    host: a.host.to_string(),
                    operation,
                    permission,
                });
            }
        }
        Ok(acls)
    }

    /// Deletes what each filter matches; returns the ACLs deleted, per filter.
    pub async fn delete_acls(&self, filters: &[AclFilter]) -> Result<Vec<Vec<Acl>>> {
        let req = DeleteAclsRequest::default().with_filters(
            filters
                .iter()
                .map(|f| {
                    DeleteAclsFilter::default()
                        .with_resource_type_filter(f.resource_type.map_or(ANY, ResourceType::code))
                        .with_resource_name_filter(f.resource_name.as_deref().map(text))
                        .with_pattern_type_filter(pattern_code(f.pattern))
                        .with_principal_filter(f.principal.as_deref().map(text))
                        .with_host_filter(f.host.as_deref().map(text))
                        .with_operation(f.operation.map_or(ANY, Operation::code))
                        .with_permission_type(f.permission.map_or(ANY, Permission::code))
                })
                .collect(),
        );
        let resp = self.send(&req, None).await?;
        let mut out = Vec::new();
        for r in resp.filter_results {
            check(r.error_code, r.error_message.as_ref(), "deleting ACLs")?;
            out.push(
                r.matching_acls
                    .iter()
                    .filter(|m| m.error_code == 0)
                    .filter_map(|m| {
                        Some(Acl {
                            resource_type: ResourceType::from_code(m.resource_type)?,
                            resource_name: m.resource_name.to_string(),
                            pattern_type: PatternType::from_code(m.pattern_type)?,
                            principal: m.principal.to_string(),
                            host: m.host.to_string(),
                            operation: Operation::from_code(m.operation)?,
                            permission: Permission::from_code(m.permission_type)?,
                        })
                    })
                    .collect(),
            );
        }
        Ok(out)
    }
}

/// ANY, as filters encode it.
const ANY: i8 = 1;

fn pattern_code(p: PatternFilter) -> i8 {
    match p {
        PatternFilter::Any => 1,
        PatternFilter::Match => 2,
        PatternFilter::Exactly(t) => t.code(),
    }
}

/// Whether an error is "the broker enforces no ACLs".
pub fn is_security_disabled(e: &Error) -> bool {
    matches!(
        e,
        Error::Kafka {
            error: ResponseError::SecurityDisabled,
            ..
        }
    )
}
