//! Retention policy: how many of the oldest sealed segments may be deleted. Pure logic over
//! segment statistics; the log does the deleting.
//!
//! Invariant: only a prefix of the sealed segments is ever chosen (the log stays contiguous
//! from its start offset) and the active segment is never a candidate. Mirrors Kafka: a
//! segment expires by time when its newest timestamp is older than `now - retention.ms`; by
//! size while dropping it still leaves the log at least `retention.bytes`; and it is garbage
//! once wholly below the log start offset. Only the last rule applies to a compacted topic whose
//! `cleanup.policy` does not also hold `delete`.

use super::LogConfig;

/// What retention needs to know about one sealed segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SegmentStats {
    pub size_bytes: u64,
    pub newest_timestamp_ms: i64,
    /// One past the segment's last offset.
    pub next_offset: i64,
}

/// How many of `sealed` (oldest first) to delete. `total_bytes` is the whole log's size,
/// active segment included.
pub(crate) fn deletable_prefix(
    sealed: &[SegmentStats],
    total_bytes: u64,
    log_start_offset: i64,
    config: &LogConfig,
    now_ms: i64,
) -> usize {
    let mut count = 0;
    while sealed
        .get(count)
        .is_some_and(|s| s.next_offset <= log_start_offset)
    {
        count += 1;
    }
    if !config.delete {
        return count;
    }
    if config.retention_ms >= 0 {
        let cutoff_ms = now_ms.saturating_sub(config.retention_ms);
        while sealed
            .get(count)
            .is_some_and(|s| s.newest_timestamp_ms < cutoff_ms)
        {
            count += 1;
        }
    }
    if let Ok(limit_bytes) = u64::try_from(config.retention_bytes) {
        let deleted_bytes: u64 = sealed.iter().take(count).map(|s| s.size_bytes).sum();
        let mut remaining_bytes = total_bytes.saturating_sub(deleted_bytes);
        while let Some(after) = sealed
            .get(count)
            .and_then(|s| remaining_bytes.checked_sub(s.size_bytes))
            .filter(|&after| after >= limit_bytes)
        {
            remaining_bytes = after;
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_only_policy_deletes_nothing_by_time_or_size() {
        let config = LogConfig {
            retention_ms: 0,
            retention_bytes: 0,
            delete: false,
            compact: true,
            ..LogConfig::default()
        };
        assert_eq!(deletable_prefix(&sealed(), 450, 10, &config, 1_000), 1);
        let both = LogConfig {
            delete: true,
            ..config
        };
        assert_eq!(deletable_prefix(&sealed(), 450, 10, &both, 1_000), 4);
    }

    /// Four sealed segments of 100 bytes, newest timestamps 10, 20, 30, 40, offsets 10 each,
    /// plus a 50-byte active segment.
    fn sealed() -> Vec<SegmentStats> {
        (1..=4)
            .map(|i| SegmentStats {
                size_bytes: 100,
                newest_timestamp_ms: i * 10,
                next_offset: i * 10,
            })
            .collect()
    }

    fn config(retention_ms: i64, retention_bytes: i64) -> LogConfig {
        LogConfig {
            retention_ms,
            retention_bytes,
            ..LogConfig::default()
        }
    }

    #[test]
    fn deletes_by_time() {
        assert_eq!(
            deletable_prefix(&sealed(), 450, 0, &config(100, -1), 115),
            1
        );
        assert_eq!(
            deletable_prefix(&sealed(), 450, 0, &config(100, -1), 131),
            3
        );
        assert_eq!(
            deletable_prefix(&sealed(), 450, 0, &config(100, -1), 1_000),
            4
        );
        assert_eq!(
            deletable_prefix(&sealed(), 450, 0, &config(-1, -1), 1_000),
            0
        );
    }

    #[test]
    fn deletes_by_size_keeping_at_least_the_limit() {
        assert_eq!(deletable_prefix(&sealed(), 450, 0, &config(-1, 250), 0), 2);
        assert_eq!(deletable_prefix(&sealed(), 450, 0, &config(-1, 251), 0), 1);
        assert_eq!(deletable_prefix(&sealed(), 450, 0, &config(-1, 0), 0), 4);
        assert_eq!(
            deletable_prefix(&sealed(), 450, 0, &config(-1, 1_000), 0),
            0
        );
    }

    #[test]
    fn deletes_segments_below_the_log_start_offset() {
        assert_eq!(deletable_prefix(&sealed(), 450, 25, &config(-1, -1), 0), 2);
        // Time and size continue from there.
        assert_eq!(
            deletable_prefix(&sealed(), 450, 25, &config(100, -1), 131),
            3
        );
        assert_eq!(deletable_prefix(&sealed(), 450, 25, &config(-1, 100), 0), 3);
    }
}
