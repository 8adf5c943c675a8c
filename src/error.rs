//! The library's one error type. Every variant knows the Kafka error code a client should see
//! when the error answers a request, so handlers never translate errors by hand.

use kafka_protocol::error::ResponseError;

/// Errors raised by the broker core and its storage.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("corrupt record batch: {0}")]
    CorruptBatch(String),
    #[error("record batch of {size_bytes} bytes exceeds max.message.bytes {limit_bytes}")]
    BatchTooLarge {
        size_bytes: usize,
        limit_bytes: usize,
    },
    #[error("unsupported record batch magic {0}: only v2 batches are accepted")]
    UnsupportedMagic(i8),
    #[error("offset {offset} is outside the log [{log_start_offset}, {log_end_offset}]")]
    OffsetOutOfRange {
        offset: i64,
        log_start_offset: i64,
        log_end_offset: i64,
    },
    #[error("unknown topic or partition: {0}")]
    UnknownTopicOrPartition(String),
    #[error("topic already exists: {0}")]
    TopicAlreadyExists(String),
    #[error("invalid topic name: {0}")]
    InvalidTopic(String),
    #[error("invalid partition count: {0}")]
    InvalidPartitions(String),
    #[error("invalid replication factor: {0}")]
    InvalidReplicationFactor(String),
    #[error("invalid config: {0}")]
    InvalidConfig(String),
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    #[error("invalid timestamp: {0}")]
    InvalidTimestamp(String),
    #[error("data directory {path} is corrupt: {reason}")]
    CorruptLog { path: String, reason: String },
    #[error("data directory {path} is in use by {holder}")]
    DataDirLocked { path: String, holder: String },
    #[error("storage is full or failing: {0}")]
    Storage(String),
    #[error("{0}")]
    Client(String),
    /// A broker could not be reached or its connection broke mid-request: another broker of
    /// the cluster, or the same one later, may answer.
    #[error("{0}")]
    Connection(String),
    #[error("{context} ({error:?})")]
    Kafka {
        error: ResponseError,
        context: String,
    },
}

/// Shorthand for results carrying [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The Kafka error code reported to a client for this error.
    pub fn kafka_code(&self) -> i16 {
        self.response_error().code()
    }

    /// The Kafka error reported to a client for this error.
    pub fn response_error(&self) -> ResponseError {
        match self {
            Error::Io(_) | Error::Storage(_) | Error::CorruptLog { .. } => {
                ResponseError::KafkaStorageError
            }
            Error::CorruptBatch(_) => ResponseError::CorruptMessage,
            Error::BatchTooLarge { .. } => ResponseError::MessageTooLarge,
            Error::UnsupportedMagic(_) => ResponseError::UnsupportedForMessageFormat,
            Error::OffsetOutOfRange { .. } => ResponseError::OffsetOutOfRange,
            Error::UnknownTopicOrPartition(_) => ResponseError::UnknownTopicOrPartition,
            Error::TopicAlreadyExists(_) => ResponseError::TopicAlreadyExists,
            Error::InvalidTopic(_) => ResponseError::InvalidTopicException,
            Error::InvalidPartitions(_) => ResponseError::InvalidPartitions,
            Error::InvalidReplicationFactor(_) => ResponseError::InvalidReplicationFactor,
            Error::InvalidConfig(_) => ResponseError::InvalidConfig,
            Error::InvalidRequest(_) => ResponseError::InvalidRequest,
            Error::InvalidTimestamp(_) => ResponseError::InvalidTimestamp,
            Error::DataDirLocked { .. } => ResponseError::KafkaStorageError,
            Error::Client(_) => ResponseError::UnknownServerError,
            Error::Connection(_) => ResponseError::NetworkException,
            Error::Kafka { error, .. } => *error,
        }
    }
}
