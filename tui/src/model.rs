//! What a [`crate::Source`] reports: one consistent-enough look at the cluster. Plain data,
//! so the binary can fill it from any client and tests can write it by hand.

/// One partition of a topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartitionSnapshot {
    pub partition: i32,
    pub start_offset: i64,
    pub end_offset: i64,
    /// Bytes on disk, when the broker reports log directories (DescribeLogDirs).
    pub size_bytes: Option<i64>,
}

/// One topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicSnapshot {
    pub name: String,
    pub partitions: Vec<PartitionSnapshot>,
    /// `retention.ms`, when known; -1 keeps records forever.
    pub retention_ms: Option<i64>,
    /// Kept in memory only by a broker that writes its other topics to disk
    /// (`diskless.enable`).
    pub diskless: bool,
    /// Compacted: the latest record of each key is kept (`cleanup.policy` holds `compact`),
    /// so the offsets it spans are more than the records it holds.
    pub compacted: bool,
}

impl TopicSnapshot {
    /// Records currently held (end minus start over the partitions).
    pub fn messages(&self) -> i64 {
        self.partitions
            .iter()
            .map(|p| (p.end_offset - p.start_offset).max(0))
            .sum()
    }

    /// Sum of the end offsets: what rates are computed from.
    pub fn end_offsets(&self) -> i64 {
        self.partitions.iter().map(|p| p.end_offset.max(0)).sum()
    }

    /// Bytes on disk, if every partition's size is known.
    pub fn size_bytes(&self) -> Option<i64> {
        self.partitions.iter().map(|p| p.size_bytes).sum()
    }
}

/// One partition a consumer group has a committed offset for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupPartition {
    pub topic: String,
    pub partition: i32,
    pub committed_offset: i64,
    pub end_offset: i64,
}

impl GroupPartition {
    pub fn lag(&self) -> i64 {
        (self.end_offset - self.committed_offset).max(0)
    }
}

/// One consumer group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupSnapshot {
    pub name: String,
    pub state: String,
    pub members: usize,
    pub partitions: Vec<GroupPartition>,
}

impl GroupSnapshot {
    pub fn lag(&self) -> i64 {
        self.partitions.iter().map(GroupPartition::lag).sum()
    }

    /// Sum of the committed offsets: what the consume rate is computed from.
    pub fn committed(&self) -> i64 {
        self.partitions
            .iter()
            .map(|p| p.committed_offset.max(0))
            .sum()
    }
}

/// The whole cluster at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// When it was taken, in milliseconds since the Unix epoch.
    pub taken_at_ms: i64,
    /// Where it came from, for the title bar (a data directory, `host:port`, ...).
    pub target: String,
    pub brokers: usize,
    /// Open client connections, where the broker reports them.
    pub connections: Option<u64>,
    /// The broker's HTTP readiness (`ready`, `recovering`, `unreachable (…)`), when its
    /// HTTP address is known; `healthy` says whether that is good news.
    pub health: Option<(String, bool)>,
    pub topics: Vec<TopicSnapshot>,
    pub groups: Vec<GroupSnapshot>,
}

/// One record of the live tail of a topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TailRecord {
    pub partition: i32,
    pub offset: i64,
    pub timestamp_ms: i64,
    /// Key and value as text (not UTF-8 is shown escaped by the source).
    pub key: Option<String>,
    pub value: Option<String>,
}
