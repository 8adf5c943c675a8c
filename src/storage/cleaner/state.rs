//! What the cleaner remembers of a partition between passes (Kafka keeps the first part in
//! its `cleaner-offset-checkpoint`): where the last pass's offset map ended (the first dirty
//! offset), when it ran, and the earliest delete horizon it wrote, at which the next pass is
//! due to remove tombstones and markers. Kept in `cleaner-state.json` in the partition
//! directory, replaced atomically; a missing or damaged file only means the next pass
//! treats the whole log as dirty.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::storage::file;
use crate::{Error, Result};

const FILE_NAME: &str = "cleaner-state.json";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanerState {
    /// Where the next pass's dirty section starts.
    pub first_dirty_offset: Option<i64>,
    /// When the last pass finished (epoch ms).
    pub last_cleaned_ms: Option<i64>,
    /// The earliest delete horizon of a batch the last pass kept with a tombstone or a marker.
    pub next_delete_horizon_ms: Option<i64>,
    /// Why cleaning stopped for this partition until the next start, after a failed pass.
    #[serde(skip)]
    pub failed: Option<String>,
}

/// The state saved in `dir`, or the empty state.
pub(crate) fn read(dir: &Path) -> CleanerState {
    let path = dir.join(FILE_NAME);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            tracing::warn!(file = %path.display(), error = %e, "ignoring a damaged cleaner state");
            CleanerState::default()
        }),
        Err(_) => CleanerState::default(),
    }
}

pub(crate) fn write(dir: &Path, state: &CleanerState) -> Result<()> {
    let json = serde_json::to_vec(state)
        .map_err(|e| Error::Storage(format!("encoding the cleaner state: {e}")))?;
    file::replace_file_atomically(&dir.join(FILE_NAME), &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_round_trips_and_damage_reads_as_empty() -> Result<()> {
        let dir = tempfile::tempdir()?;
        assert_eq!(read(dir.path()), CleanerState::default());
        let state = CleanerState {
            first_dirty_offset: Some(42),
            last_cleaned_ms: Some(1_000),
            next_delete_horizon_ms: None,
            failed: None,
        };
        write(dir.path(), &state)?;
        assert_eq!(read(dir.path()), state);
        std::fs::write(dir.path().join(FILE_NAME), b"{\"first_dirty")?;
        assert_eq!(read(dir.path()), CleanerState::default());
        Ok(())
    }
}
