//! The broker's security state: the users' SCRAM credentials and the ACLs, each behind its own
//! lock and stored durably beside the topics, and the authorization check every handler uses.

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::context::RequestContext;
use crate::security::acl::{Action, Operation, ResourceType};
use crate::security::acl_store::AclStore;
use crate::security::credentials::CredentialStore;
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
            credentials: RwLock::new(CredentialStore::open(data_dir)?),
            acls: RwLock::new(AclStore::open(
                data_dir,
                settings.super_users.iter().cloned(),
                settings.allow_if_no_acl,
            )?),
        })
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
            tracing::debug!(
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

    /// The cluster-level check (`kafka-cluster`).
    pub fn authorize_cluster(&self, ctx: &RequestContext, operation: Operation) -> bool {
        self.authorize(ctx, ResourceType::Cluster, CLUSTER_NAME, operation)
    }
}

/// The one cluster resource's name, as Kafka names it.
pub const CLUSTER_NAME: &str = "kafka-cluster";
