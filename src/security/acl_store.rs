//! The ACLs in force, kept in memory by the [`Authorizer`] and, unless the broker runs in
//! memory, in `<data_dir>/security/acls.json`: every CreateAcls or DeleteAcls that changes
//! something rewrites the file atomically before it is answered, so an acknowledged change
//! survives a crash and a failed write changes nothing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::acl::{Acl, AclFilter, Authorizer, Operation, PatternType, Permission, ResourceType};
use super::store_file;
use crate::{Error, Result};

/// The file's name under `<data_dir>/security/`.
pub const FILE_NAME: &str = "acls.json";

/// One ACL as stored: Kafka's names, so the file reads like `kafka-acls --list`.
#[derive(Debug, Serialize, Deserialize)]
struct StoredAcl {
    resource_type: String,
    resource_name: String,
    pattern_type: String,
    principal: String,
    host: String,
    operation: String,
    permission: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct FileContents {
    version: u32,
    acls: Vec<StoredAcl>,
}

/// The ACLs and where they are kept.
#[derive(Debug)]
pub struct AclStore {
    path: Option<PathBuf>,
    authorizer: Authorizer,
}

impl AclStore {
    /// The ACLs of the data directory `dir` (none if it has none yet), or an empty set kept in
    /// memory when `dir` is `None`, checked with these settings.
    pub fn open(
        dir: Option<&Path>,
        super_users: impl IntoIterator<Item = String>,
        allow_if_no_acl: bool,
    ) -> Result<AclStore> {
        let mut authorizer = Authorizer::new(super_users, allow_if_no_acl);
        let path = dir.map(|d| store_file::path_in(d, FILE_NAME));
        if let Some(path) = &path {
            if let Some(contents) = store_file::read::<FileContents>(path)? {
                for stored in contents.acls {
                    let acl = from_stored(&stored).ok_or_else(|| Error::CorruptLog {
                        path: path.display().to_string(),
                        reason: format!("an ACL it cannot read: {stored:?}"),
                    })?;
                    authorizer.add(acl);
                }
            }
        }
        Ok(AclStore { path, authorizer })
    }

    pub fn authorizer(&self) -> &Authorizer {
        &self.authorizer
    }

    /// Adds `acls` (already validated), keeping them durably. An ACL already there counts as
    /// created, as in Kafka.
    pub fn create(&mut self, acls: Vec<Acl>) -> Result<()> {
        let mut next = self.authorizer.clone();
        let mut changed = false;
        for acl in acls {
            changed |= next.add(acl);
        }
        if changed {
            self.persist(&next)?;
        }
        self.authorizer = next;
        Ok(())
    }

    /// Removes what each filter matches, keeping the result durably; returns the ACLs each
    /// filter removed.
    pub fn delete(&mut self, filters: &[AclFilter]) -> Result<Vec<Vec<Acl>>> {
        let mut next = self.authorizer.clone();
        // Each filter reports every ACL it matches, even one an earlier filter of the same
        // request also matched (Kafka answers per filter from the same starting set).
        let removed: Vec<Vec<Acl>> = filters
            .iter()
            .map(|f| next.describe(f).into_iter().cloned().collect())
            .collect();
        for f in filters {
            next.remove(f);
        }
        if removed.iter().any(|r| !r.is_empty()) {
            self.persist(&next)?;
        }
        self.authorizer = next;
        Ok(removed)
    }

    fn persist(&self, authorizer: &Authorizer) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let contents = FileContents {
            version: 1,
            acls: authorizer.acls().iter().map(to_stored).collect(),
        };
        store_file::write(path, &contents)
    }
}

fn to_stored(acl: &Acl) -> StoredAcl {
    StoredAcl {
        resource_type: acl.resource_type.name().into(),
        resource_name: acl.resource_name.clone(),
        pattern_type: acl.pattern_type.name().into(),
        principal: acl.principal.clone(),
        host: acl.host.clone(),
        operation: acl.operation.name().into(),
        permission: acl.permission.name().into(),
    }
}

fn from_stored(s: &StoredAcl) -> Option<Acl> {
    Some(Acl {
        resource_type: ResourceType::parse(&s.resource_type)?,
        resource_name: s.resource_name.clone(),
        pattern_type: PatternType::parse(&s.pattern_type)?,
        principal: s.principal.clone(),
        host: s.host.clone(),
        operation: Operation::parse(&s.operation)?,
        permission: Permission::parse(&s.permission)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::acl::PatternFilter;

    fn read_orders(principal: &str) -> Acl {
        Acl {
            resource_type: ResourceType::Topic,
            resource_name: "orders".into(),
            pattern_type: PatternType::Prefixed,
            principal: principal.into(),
            host: "*".into(),
            operation: Operation::Read,
            permission: Permission::Allow,
        }
    }

    #[test]
    fn acls_survive_a_reopen_and_deletes_report_per_filter() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = AclStore::open(Some(dir.path()), [], false).unwrap();
        store
            .create(vec![read_orders("User:alice"), read_orders("User:bob")])
            .unwrap();
        store.create(vec![read_orders("User:alice")]).unwrap();
        let mut store = AclStore::open(Some(dir.path()), [], false).unwrap();
        assert_eq!(store.authorizer().acls().len(), 2);
        let alice = AclFilter {
            principal: Some("User:alice".into()),
            ..AclFilter::any()
        };
        let everything = AclFilter {
            pattern: PatternFilter::Any,
            ..AclFilter::any()
        };
        let removed = store.delete(&[alice, everything]).unwrap();
        assert_eq!(removed[0].len(), 1);
        assert_eq!(removed[1].len(), 2);
        let store = AclStore::open(Some(dir.path()), [], false).unwrap();
        assert!(store.authorizer().acls().is_empty());
    }
}
