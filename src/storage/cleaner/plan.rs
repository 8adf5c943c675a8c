//! Whether a compacted partition is due for cleaning, and what a pass covers — Kafka's
//! LogCleanerManager rules, over whole segments:
//!
//! - the *clean* section runs from the log start to the first dirty offset (where the last
//!   pass's offset map ended); the *dirty* section from there to the first uncleanable offset;
//! - the first uncleanable offset is the lowest of the active segment's base (the active
//!   segment is never cleaned), the last stable offset (an open transaction's records may
//!   still abort), and the first segment whose newest record is younger than
//!   `min.compaction.lag.ms`, each rounded down to the base of the segment holding it;
//! - the dirty ratio is dirty bytes over clean plus dirty bytes; a partition is due when it
//!   reaches `min.cleanable.dirty.ratio`, when its oldest dirty record is older than
//!   `max.compaction.lag.ms`, or when a delete horizon set by an earlier pass has passed.

use crate::storage::LogConfig;

/// What the planner needs of one sealed segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SegmentInfo {
    pub base_offset: i64,
    pub size_bytes: u64,
    /// The max timestamp of its first batch, or -1 when it has none.
    pub first_timestamp_ms: i64,
    /// Its newest record's timestamp, or its file's modification time without one.
    pub newest_timestamp_ms: i64,
}

/// The sections of a log as a pass would see them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cleanability {
    pub first_dirty_offset: i64,
    pub first_uncleanable_offset: i64,
    pub clean_bytes: u64,
    pub dirty_bytes: u64,
}

impl Cleanability {
    /// Dirty bytes over all cleanable bytes, 0 for an empty log.
    pub fn dirty_ratio(&self) -> f64 {
        let total = self.clean_bytes + self.dirty_bytes;
        if total == 0 {
            0.0
        } else {
            self.dirty_bytes as f64 / total as f64
        }
    }
}

/// Why a pass runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    DirtyRatio,
    MaxCompactionLag,
    DeleteHorizon,
}

/// The base of the segment holding `offset` (the active one's when it is past every sealed).
fn segment_floor(sealed: &[SegmentInfo], active_base: i64, offset: i64) -> i64 {
    if offset >= active_base {
        return active_base;
    }
    let i = sealed.partition_point(|s| s.base_offset <= offset);
    i.checked_sub(1)
        .and_then(|i| sealed.get(i))
        .map_or(offset, |s| s.base_offset)
}

/// The sections of a log with `sealed` segments (ascending) before the active one at
/// `active_base`.
pub(crate) fn assess(
    sealed: &[SegmentInfo],
    active_base: i64,
    log_start_offset: i64,
    checkpoint: Option<i64>,
    last_stable_offset: i64,
    config: &LogConfig,
    now_ms: i64,
) -> Cleanability {
    // A checkpoint outside the log (records deleted, or a log rebuilt) starts over.
    let first_dirty = checkpoint
        .filter(|&c| c >= log_start_offset && c <= active_base)
        .unwrap_or(log_start_offset);
    let mut uncleanable = active_base.min(segment_floor(sealed, active_base, last_stable_offset));
    if config.min_compaction_lag_ms > 0 {
        let young = now_ms.saturating_sub(config.min_compaction_lag_ms);
        if let Some(s) = sealed
            .iter()
            .skip_while(|s| s.base_offset < segment_floor(sealed, active_base, first_dirty))
            .find(|s| s.newest_timestamp_ms > young)
        {
            uncleanable = uncleanable.min(s.base_offset);
        }
    }
    let first_dirty = first_dirty.min(uncleanable);
    let dirty_from = segment_floor(sealed, active_base, first_dirty);
    let mut clean_bytes = 0;
    let mut dirty_bytes = 0;
    for s in sealed.iter().filter(|s| s.base_offset < uncleanable) {
        if s.base_offset < dirty_from {
            clean_bytes += s.size_bytes;
        } else {
            dirty_bytes += s.size_bytes;
        }
    }
    Cleanability {
        first_dirty_offset: first_dirty,
        first_uncleanable_offset: uncleanable,
        clean_bytes,
        dirty_bytes,
    }
}

/// Whether a pass is due now, and why.
pub(crate) fn due(
    c: &Cleanability,
    sealed: &[SegmentInfo],
    config: &LogConfig,
    next_delete_horizon_ms: Option<i64>,
    now_ms: i64,
) -> Option<Due> {
    if c.dirty_bytes > 0 {
        // Strictly above, as Kafka's LogCleanerManager compares.
        if c.dirty_ratio() > config.min_cleanable_dirty_ratio {
            return Some(Due::DirtyRatio);
        }
        // The earliest first-batch timestamp of the segments from the first dirty one on.
        let dirty_from = sealed
            .iter()
            .rposition(|s| s.base_offset <= c.first_dirty_offset)
            .unwrap_or(0);
        let oldest_dirty = sealed
            .get(dirty_from..)
            .unwrap_or_default()
            .iter()
            .map(|s| {
                if s.first_timestamp_ms >= 0 {
                    s.first_timestamp_ms
                } else {
                    s.newest_timestamp_ms
                }
            })
            .min();
        if oldest_dirty.is_some_and(|ts| now_ms.saturating_sub(ts) > config.max_compaction_lag_ms) {
            return Some(Due::MaxCompactionLag);
        }
    }
    if next_delete_horizon_ms.is_some_and(|h| h <= now_ms) && c.first_uncleanable_offset > 0 {
        return Some(Due::DeleteHorizon);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(bases: &[i64], newest: &[i64]) -> Vec<SegmentInfo> {
        bases
            .iter()
            .zip(newest)
            .map(|(&base_offset, &newest_timestamp_ms)| SegmentInfo {
                base_offset,
                size_bytes: 100,
                first_timestamp_ms: newest_timestamp_ms - 10,
                newest_timestamp_ms,
            })
            .collect()
    }

    fn compact() -> LogConfig {
        LogConfig {
            compact: true,
            ..LogConfig::default()
        }
    }

    #[test]
    fn the_dirty_section_runs_from_the_checkpoint_to_the_active_segment() {
        let sealed = segments(&[0, 10, 20, 30], &[1, 2, 3, 4]);
        let c = assess(&sealed, 40, 0, Some(20), i64::MAX, &compact(), 100);
        assert_eq!((c.first_dirty_offset, c.first_uncleanable_offset), (20, 40));
        assert_eq!((c.clean_bytes, c.dirty_bytes), (200, 200));
        assert_eq!(c.dirty_ratio(), 0.5);
        // Due strictly above the minimum ratio, as in Kafka.
        assert_eq!(due(&c, &sealed, &compact(), None, 100), None);
        let eager = LogConfig {
            min_cleanable_dirty_ratio: 0.49,
            ..compact()
        };
        assert_eq!(due(&c, &sealed, &eager, None, 100), Some(Due::DirtyRatio));

        // Never cleaned: everything is dirty. A checkpoint below the log start is ignored.
        let c = assess(&sealed, 40, 10, Some(5), i64::MAX, &compact(), 100);
        assert_eq!(
            (c.first_dirty_offset, c.clean_bytes, c.dirty_bytes),
            (10, 100, 300)
        );
    }

    #[test]
    fn open_transactions_and_young_segments_are_not_cleaned() {
        let sealed = segments(&[0, 10, 20, 30], &[1_000, 2_000, 3_000, 4_000]);
        // The last stable offset inside segment 10 stops the dirty section at 10.
        let c = assess(&sealed, 40, 0, None, 15, &compact(), 5_000);
        assert_eq!(c.first_uncleanable_offset, 10);
        assert_eq!(c.dirty_bytes, 100);
        let lagged = LogConfig {
            min_compaction_lag_ms: 2_500,
            ..compact()
        };
        // Newer than 5000 - 2500: segments 20 (3000) and 30 (4000).
        let c = assess(&sealed, 40, 0, None, i64::MAX, &lagged, 5_000);
        assert_eq!(c.first_uncleanable_offset, 20);
    }

    #[test]
    fn max_lag_and_delete_horizons_make_a_pass_due_below_the_ratio() {
        let sealed = segments(&[0, 10, 20, 30], &[1_000, 2_000, 3_000, 4_000]);
        let c = assess(&sealed, 40, 0, Some(30), i64::MAX, &compact(), 5_000);
        assert!(c.dirty_ratio() < 0.5);
        assert_eq!(due(&c, &sealed, &compact(), None, 5_000), None);
        let lag = LogConfig {
            max_compaction_lag_ms: 1_000,
            ..compact()
        };
        assert_eq!(
            due(&c, &sealed, &lag, None, 5_000),
            Some(Due::MaxCompactionLag)
        );
        assert_eq!(due(&c, &sealed, &compact(), Some(6_000), 5_000), None);
        assert_eq!(
            due(&c, &sealed, &compact(), Some(5_000), 5_000),
            Some(Due::DeleteHorizon)
        );
    }
}
