//! The broker's security state: the users' SCRAM credentials and the ACLs, each behind its own
//! lock and stored durably beside the topics, and the authorization check every handler uses.

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::context::RequestContext;
use crate::security::acl::{Action, Operation, ResourceType};
use crate::security::acl_store::AclStore;
use crate::security::credentials::CredentialStore;
use crate::security::oauthbearer::Validation;
use crate::Result;

/// How requests are authorized.
#[derive(Debug, Clone, Default)]
pub struct AuthorizerSettings {
    /// Whether ACLs are enforced at all; without it every request is allowed, as on a Kafka
    /// broker without an authorizer.
    pub enable: bool,
    pub super_users: Vec<String>,
    /// Kafka's `allow.everyone.if.no.acl.found`.
    pub allow_if_no_acl: bool,
}

/// Credentials and ACLs.
pub struct BrokerSecurity {
    pub authorizer_enabled: bool,
    /// How OAUTHBEARER tokens are checked (the JWK set is refreshed in place).
    oauth: RwLock<Validation>,
    credentials: RwLock<CredentialStore>,
    acls: RwLock<AclStore>,
}

impl BrokerSecurity {
    /// Opens the stores of `data_dir` (or empty ones in memory).
    pub fn open(
        data_dir: Option<&std::path::Path>,
        settings: &AuthorizerSettings,
    ) -> Result<BrokerSecurity> {
        Ok(BrokerSecurity {
            authorizer_enabled: settings.enable,
            oauth: RwLock::new(Validation {
                subject_claim: "sub".into(),
                ..Validation::default()
            }),
            credentials: RwLock::new(CredentialStore::open(data_dir)?),
            acls: RwLock::new(AclStore::open(
                data_dir,
                settings.super_users.iter().cloned(),
                settings.allow_if_no_acl,
            )?),
        })
    }

    pub fn oauth(&self) -> RwLockReadGuard<'_, Validation> {
        self.oauth.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces how OAUTHBEARER tokens are checked (at start, and when the JWK set is
    /// refetched).
    pub fn set_oauth(&self, validation: Validation) {
        *self.oauth.write().unwrap_or_else(|e| e.into_inner()) = validation;
    }

    pub fn credentials(&self) -> RwLockReadGuard<'_, CredentialStore> {
        self.credentials.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn credentials_mut(&self) -> RwLockWriteGuard<'_, CredentialStore> {
        self.credentials.write().unwrap_or_else(|e| e.into_inner())
    }

    pub fn acls(&self) -> RwLockReadGuard<'_, AclStore> {
        self.acls.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn acls_mut(&self) -> RwLockWriteGuard<'_, AclStore> {
        self.acls.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the request's principal may do `operation` on the resource. In-process requests
    /// and brokers without the authorizer allow everything.
    pub fn authorize(
        &self,
        ctx: &RequestContext,
        resource_type: ResourceType,
        resource_name: &str,
        operation: Operation,
    ) -> bool {
        if !self.authorizer_enabled || ctx.is_in_process() {
            return true;
        }
        let action = Action {
            resource_type,
            resource_name,
            operation,
        };
        let decision =
            self.acls()
                .authorizer()
                .authorize(ctx.principal.as_str(), &ctx.host(), &action);
        if !decision.allowed() {
            tracing::trace!(
                principal = %ctx.principal,
                host = %ctx.host(),
                ?resource_type,
                resource_name,
                ?operation,
                "denied"
            );
        }
        decision.allowed()
    }

    /// Whether the principal may create the topic `name`: CREATE on the cluster or on the
    /// topic, as Kafka checks for CreateTopics and auto-creation.
    pub fn may_create_topic(&self, ctx: &RequestContext, name: &str) -> bool {
        self.authorize_cluster(ctx, Operation::Create)
            || self.authorize(ctx, ResourceType::Topic, name, Operation::Create)
    }

    /// Whether ACLs can deny anything to `ctx` at all; `false` lets a handler skip its checks.
    pub fn enforced_for(&self, ctx: &RequestContext) -> bool {
        self.authorizer_enabled && !ctx.is_in_process()
    }

    /// The operations of `ops` the principal may do on the resource, as the bit field of
    /// Metadata's and DescribeCluster's `authorized_operations` (bit = operation code); `all`
    /// when ACLs do not apply.
    pub fn authorized_operations(
        &self,
        ctx: &RequestContext,
        resource_type: ResourceType,
        name: &str,
        ops: &[Operation],
        all: i32,
    ) -> i32 {
        if !self.enforced_for(ctx) {
            return all;
        }
        let allowed: Vec<Operation> = ops
            .iter()
            .copied()
            .filter(|op| self.authorize(ctx, resource_type, name, *op))
            .collect();
        super::metadata::operation_bits(&allowed)
    }

    /// Whether the principal may do `operation` on topic `name`.
    pub fn allows_topic(&self, ctx: &RequestContext, name: &str, operation: Operation) -> bool {
        self.authorize(ctx, ResourceType::Topic, name, operation)
    }

    /// Whether the principal may do `operation` on group `id`.
    pub fn allows_group(&self, ctx: &RequestContext, id: &str, operation: Operation) -> bool {
        self.authorize(ctx, ResourceType::Group, id, operation)
    }

    /// Whether the principal may do `operation` on transactional id `id`.
    pub fn allows_transactional_id(
        &self,
        ctx: &RequestContext,
        id: &str,
        operation: Operation,
    ) -> bool {
        self.authorize(ctx, ResourceType::TransactionalId, id, operation)
    }

    /// Whether the principal may be an idempotent producer: IDEMPOTENT_WRITE on the cluster, or
    /// WRITE on some topic (KIP-679), as InitProducerId checks without a transactional id.
    pub fn may_write_idempotently(&self, ctx: &RequestContext) -> bool {
        if !self.enforced_for(ctx) || self.authorize_cluster(ctx, Operation::IdempotentWrite) {
            return true;
        }
        self.acls().authorizer().allows_any(
            ctx.principal.as_str(),
            &ctx.host(),
            ResourceType::Topic,
            Operation::Write,
        )
    }

    /// The cluster-level check (`kafka-cluster`).
    pub fn authorize_cluster(&self, ctx: &RequestContext, operation: Operation) -> bool {
        self.authorize(ctx, ResourceType::Cluster, CLUSTER_NAME, operation)
    }
}

/// The one cluster resource's name, as Kafka names it.
pub const CLUSTER_NAME: &str = "kafka-cluster";
