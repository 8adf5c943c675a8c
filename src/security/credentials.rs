//! The users' SCRAM credentials (KIP-554): per user and mechanism the salt, iteration count,
//! StoredKey and ServerKey — never a password. Kept in memory and, unless the broker runs in
//! memory, in `<data_dir>/security/scram-credentials.json`, rewritten atomically on every change
//! before the change is answered.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::scram::{Credential, Mechanism, MAX_ITERATIONS, MIN_ITERATIONS};
use super::store_file;
use crate::{Error, Result};

/// The file's name under `<data_dir>/security/`.
pub const FILE_NAME: &str = "scram-credentials.json";

/// One credential as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    salt: String,
    iterations: u32,
    stored_key: String,
    server_key: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct FileContents {
    version: u32,
    /// user → mechanism name → credential.
    users: BTreeMap<String, BTreeMap<String, Stored>>,
}

/// A change to the credentials.
#[derive(Debug, Clone)]
pub enum Change {
    Upsert {
        user: String,
        credential: Credential,
    },
    Delete {
        user: String,
        mechanism: Mechanism,
    },
}

/// The credentials in force.
#[derive(Debug, Default)]
pub struct CredentialStore {
    /// Where they are kept; `None` in memory.
    path: Option<PathBuf>,
    users: BTreeMap<String, BTreeMap<Mechanism, Credential>>,
}

impl CredentialStore {
    /// The credentials of the data directory `dir` (none yet if it has none), or an empty store
    /// kept in memory when `dir` is `None`.
    pub fn open(dir: Option<&Path>) -> Result<CredentialStore> {
        let Some(dir) = dir else {
            return Ok(CredentialStore::default());
        };
        let path = store_file::path_in(dir, FILE_NAME);
        let mut store = CredentialStore {
            path: Some(path.clone()),
            users: BTreeMap::new(),
        };
        let Some(contents) = store_file::read::<FileContents>(&path)? else {
            return Ok(store);
        };
        let corrupt = |reason: String| Error::CorruptLog {
            path: path.display().to_string(),
            reason,
        };
        for (user, mechanisms) in contents.users {
            for (name, stored) in mechanisms {
                let mechanism = Mechanism::from_name(&name)
                    .ok_or_else(|| corrupt(format!("unknown mechanism {name} for user {user}")))?;
                let decode = |field: &str, text: &str| {
                    STANDARD
                        .decode(text)
                        .map_err(|_| corrupt(format!("{field} of {user} ({name}) is not base64")))
                };
                let credential = Credential {
                    mechanism,
                    salt: decode("salt", &stored.salt)?,
                    iterations: stored.iterations,
                    stored_key: decode("stored_key", &stored.stored_key)?,
                    server_key: decode("server_key", &stored.server_key)?,
                };
                store
                    .users
                    .entry(user.clone())
                    .or_default()
                    .insert(mechanism, credential);
            }
        }
        Ok(store)
    }

    /// `user`'s credential for `mechanism`.
    pub fn get(&self, user: &str, mechanism: Mechanism) -> Option<&Credential> {
        self.users.get(user)?.get(&mechanism)
    }

    /// Every credential `user` has (PLAIN logins are checked against any of them).
    pub fn all_of(&self, user: &str) -> impl Iterator<Item = &Credential> {
        self.users.get(user).into_iter().flat_map(|m| m.values())
    }

    /// Whether `user` has any credential.
    pub fn has_user(&self, user: &str) -> bool {
        self.users.contains_key(user)
    }

    /// Every user with their mechanisms and iteration counts, by name.
    pub fn users(&self) -> impl Iterator<Item = (&str, Vec<(Mechanism, u32)>)> {
        self.users.iter().map(|(user, mechanisms)| {
            let infos = mechanisms
                .values()
                .map(|c| (c.mechanism, c.iterations))
                .collect();
            (user.as_str(), infos)
        })
    }

    /// Applies `changes` (already validated) and, for a data directory, writes the file before
    /// returning: a change is durable once this returns `Ok`. On a write failure nothing
    /// changes in memory either.
    pub fn apply(&mut self, changes: Vec<Change>) -> Result<()> {
        let mut next = self.users.clone();
        for change in changes {
            match change {
                Change::Upsert { user, credential } => {
                    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&credential.iterations) {
                        return Err(Error::InvalidRequest(format!(
                            "{} iterations for {user}",
                            credential.iterations
                        )));
                    }
                    next.entry(user)
                        .or_default()
                        .insert(credential.mechanism, credential);
                }
                Change::Delete { user, mechanism } => {
                    if let Some(mechanisms) = next.get_mut(&user) {
                        mechanisms.remove(&mechanism);
                        if mechanisms.is_empty() {
                            next.remove(&user);
                        }
                    }
                }
            }
        }
        if let Some(path) = &self.path {
            store_file::write(path, &to_file(&next))?;
        }
        self.users = next;
        Ok(())
    }
}

fn to_file(users: &BTreeMap<String, BTreeMap<Mechanism, Credential>>) -> FileContents {
    FileContents {
        version: 1,
        users: users
            .iter()
            .map(|(user, mechanisms)| {
                let stored = mechanisms
                    .values()
                    .map(|c| {
                        let stored = Stored {
                            salt: STANDARD.encode(&c.salt),
                            iterations: c.iterations,
                            stored_key: STANDARD.encode(&c.stored_key),
                            server_key: STANDARD.encode(&c.server_key),
                        };
                        (c.mechanism.name().to_string(), stored)
                    })
                    .collect();
                (user.clone(), stored)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn credentials_survive_a_reopen_and_the_file_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = CredentialStore::open(Some(dir.path())).unwrap();
        let alice = Credential::new(Mechanism::Sha256, "pw", 4096).unwrap();
        let alice512 = Credential::new(Mechanism::Sha512, "pw", 8192).unwrap();
        store
            .apply(vec![
                Change::Upsert {
                    user: "alice".into(),
                    credential: alice.clone(),
                },
                Change::Upsert {
                    user: "alice".into(),
                    credential: alice512,
                },
            ])
            .unwrap();
        let path = store_file::path_in(dir.path(), FILE_NAME);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("\"pw\""), "{text}");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let reopened = CredentialStore::open(Some(dir.path())).unwrap();
        assert_eq!(reopened.get("alice", Mechanism::Sha256), Some(&alice));
        assert_eq!(
            reopened.users().collect::<Vec<_>>(),
            vec![(
                "alice",
                vec![(Mechanism::Sha256, 4096), (Mechanism::Sha512, 8192)]
            )]
        );
        let mut store = reopened;
        store
            .apply(vec![
                Change::Delete {
                    user: "alice".into(),
                    mechanism: Mechanism::Sha256,
                },
                Change::Delete {
                    user: "alice".into(),
                    mechanism: Mechanism::Sha512,
                },
            ])
            .unwrap();
        assert!(!store.has_user("alice"));
        assert!(!CredentialStore::open(Some(dir.path()))
            .unwrap()
            .has_user("alice"));
    }

    #[test]
    fn a_damaged_file_is_an_error_not_an_empty_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = store_file::path_in(dir.path(), FILE_NAME);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"{\"version\":1,\"users\":").unwrap();
        let e = CredentialStore::open(Some(dir.path())).unwrap_err();
        assert!(e.to_string().contains("scram-credentials.json"), "{e}");
    }
}
