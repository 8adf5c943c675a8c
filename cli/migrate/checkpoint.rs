//! Where a migration stands, kept on the destination so that an interrupted `migrate
//! from-kafka --execute` resumes exactly where it stopped: per partition, the next source
//! offset to copy and the destination end offset at that moment, committed as the offsets of
//! the group [`GROUP`] (offset = next source offset, metadata = source cluster and
//! destination end). The checkpoint is written before the first record is copied and after
//! every acknowledged batch; a crash between a batch and its checkpoint leaves the
//! destination ahead of the checkpoint by exactly that batch, which the next run skips.

use std::collections::BTreeMap;

use streamline::client::Client;

/// The destination group whose committed offsets hold the checkpoints.
pub const GROUP: &str = "streamline-migrate";

/// How far one partition has been copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The cluster id of the source the copy came from.
    pub source_cluster: String,
    /// The next source offset to copy.
    pub source_next: i64,
    /// The destination end offset when `source_next` was reached.
    pub dest_at: i64,
}

impl Checkpoint {
    fn metadata(&self) -> String {
        format!("source={} dest={}", self.source_cluster, self.dest_at)
    }

    fn parse(source_next: i64, metadata: &str) -> Option<Checkpoint> {
        let mut source_cluster = None;
        let mut dest_at = None;
        for field in metadata.split_whitespace() {
            match field.split_once('=')? {
                ("source", v) => source_cluster = Some(v.to_string()),
                ("dest", v) => dest_at = v.parse().ok(),
                _ => {}
            }
        }
        Some(Checkpoint {
            source_cluster: source_cluster?,
            source_next,
            dest_at: dest_at?,
        })
    }
}

/// Every checkpoint on the destination, by (topic, partition); none when the group does not
/// exist. Commits under [`GROUP`] that are not checkpoints are ignored.
pub async fn load(dest: &Client) -> anyhow::Result<BTreeMap<(String, i32), Checkpoint>> {
    let committed = dest.committed_offsets_with_metadata(GROUP).await?;
    Ok(committed
        .into_iter()
        .filter_map(|(tp, (offset, metadata))| {
            Checkpoint::parse(offset, metadata.as_deref()?).map(|c| (tp, c))
        })
        .collect())
}

/// Records `checkpoint` for `topic`/`partition`.
pub async fn save(
    dest: &Client,
    topic: &str,
    partition: i32,
    checkpoint: &Checkpoint,
) -> anyhow::Result<()> {
    let entry = BTreeMap::from([(
        (topic.to_string(), partition),
        (checkpoint.source_next, checkpoint.metadata()),
    )]);
    dest.commit_offsets_with_metadata(GROUP, &entry).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_round_trips() {
        let c = Checkpoint {
            source_cluster: "Zk3-abc_1".into(),
            source_next: 42,
            dest_at: 40,
        };
        assert_eq!(Checkpoint::parse(42, &c.metadata()), Some(c));
    }

    #[test]
    fn foreign_metadata_is_not_a_checkpoint() {
        assert_eq!(Checkpoint::parse(1, ""), None);
        assert_eq!(Checkpoint::parse(1, "hello"), None);
        assert_eq!(Checkpoint::parse(1, "source=x dest=notanumber"), None);
    }
}
