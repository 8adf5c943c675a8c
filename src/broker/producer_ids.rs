//! Producer id allocation for InitProducerId. Ids are handed out from blocks; the start of the
//! next block is persisted (`<data>/producer-ids.json`, replaced atomically) before any id of
//! the current block is used, so an id is never reused, even after a crash — at worst the rest
//! of a block is skipped.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Ids reserved per persisted block.
pub const BLOCK_SIZE: i64 = 1000;

const FILE: &str = "producer-ids.json";

#[derive(Serialize, Deserialize)]
struct Persisted {
    next_block_start: i64,
}

struct Block {
    next: i64,
    end: i64,
}

/// Hands out unique producer ids.
pub struct ProducerIds {
    file: Option<PathBuf>,
    block: Mutex<Block>,
}

impl ProducerIds {
    /// Allocation state for `data_dir` (or in memory when `None`).
    pub fn open(data_dir: Option<&Path>) -> Result<ProducerIds> {
        let file = data_dir.map(|d| d.join(FILE));
        let start = match &file {
            Some(path) => match std::fs::read(path) {
                Ok(raw) => {
                    let p: Persisted =
                        serde_json::from_slice(&raw).map_err(|e| Error::CorruptLog {
                            path: path.display().to_string(),
                            reason: e.to_string(),
                        })?;
                    p.next_block_start
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
                Err(e) => return Err(e.into()),
            },
            None => 0,
        };
        Ok(ProducerIds {
            file,
            block: Mutex::new(Block {
                next: start,
                end: start,
            }),
        })
    }

    /// A producer id never handed out before.
    pub fn next(&self) -> Result<i64> {
        let mut block = self.block.lock().unwrap_or_else(|e| e.into_inner());
        if block.next >= block.end {
            let end = block
                .end
                .checked_add(BLOCK_SIZE)
                .ok_or_else(|| Error::Storage("producer ids are exhausted".into()))?;
            if let Some(path) = &self.file {
                let json = serde_json::to_vec(&Persisted {
                    next_block_start: end,
                })
                .map_err(|e| Error::Storage(format!("encoding {FILE}: {e}")))?;
                super::topic::write_atomically(path, &json)?;
            }
            block.next = block.end;
            block.end = end;
        }
        let id = block.next;
        block.next += 1;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let first = ProducerIds::open(Some(dir.path())).unwrap();
        let a = first.next().unwrap();
        let b = first.next().unwrap();
        assert_ne!(a, b);
        drop(first);
        let second = ProducerIds::open(Some(dir.path())).unwrap();
        let c = second.next().unwrap();
        assert!(c > b, "a restart never reuses an id ({c} after {b})");
    }

    #[test]
    fn in_memory_ids_count_up() {
        let ids = ProducerIds::open(None).unwrap();
        let got: Vec<i64> = (0..1500).map(|_| ids.next().unwrap()).collect();
        assert_eq!(got[0], 0);
        assert_eq!(got[1499], 1499);
    }
}
