//! The security state's files: `<data_dir>/security/*.json`, readable by the broker's user
//! alone (0600 in a 0700 directory), replaced atomically so that a crash leaves the old or the
//! new contents whole, never a mix.

use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The directory under a data directory that holds credentials and ACLs.
pub const SECURITY_DIR: &str = "security";

/// `<data_dir>/security/<name>`.
pub fn path_in(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.join(SECURITY_DIR).join(name)
}

/// Reads a JSON file; `None` when it does not exist. A file that is not what `T` reads is an
/// error naming it, never silently replaced.
pub fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| Error::CorruptLog {
            path: path.display().to_string(),
            reason: format!("cannot read it: {e}"),
        })
}

/// Replaces `path` with `value` as JSON: a 0600 temporary sibling, fsynced, renamed over it,
/// the directory fsynced.
pub fn write<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::InvalidConfig(format!("{} has no directory", path.display())))?;
    if !dir.exists() {
        fs::create_dir_all(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    let contents = serde_json::to_vec_pretty(value)
        .map_err(|e| Error::InvalidConfig(format!("cannot encode {}: {e}", path.display())))?;
    crate::storage::file::replace_private_file_atomically(path, &contents)
}
