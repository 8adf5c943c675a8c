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
    /// The sentence says which topic ("topic 'orders' already exists").
    #[error("{0}")]
    TopicAlreadyExists(String),
    /// The sentence says what is wrong with the name.
    #[error("{0}")]
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
    /// A listener could not be bound ("cannot listen on 127.0.0.1:9092: address in use").
    #[error("cannot listen{} on {addr}: {reason}", listener_kind(.http))]
    Listen {
        addr: std::net::SocketAddr,
        /// The HTTP listener rather than the Kafka one.
        http: bool,
        /// Part of the message rather than a source, so a cause chain names it once.
        reason: std::io::Error,
    },
    /// The broker cannot start in this environment (an open-file limit too low to serve).
    #[error("{0}")]
    Start(String),
    #[error("{0}")]
    Client(String),
    /// A broker could not be reached or its connection broke mid-request: another broker of
    /// the cluster, or the same one later, may answer.
    #[error("{0}")]
    Connection(String),
    /// A Kafka error code: from a broker's answer, or raised by our broker to be answered.
    /// Shown as the broker's own message when it sent one (it names the subject), otherwise
    /// as what was being done and the error in words — never as a bare code name.
    #[error("{}", kafka_text(.error, .context, .message.as_deref()))]
    Kafka {
        error: ResponseError,
        /// What was being done or asked ("deleting group 'g'").
        context: String,
        /// The broker's error message, if it sent one.
        message: Option<String>,
    },
}

fn listener_kind(http: &bool) -> &'static str {
    if *http {
        " for HTTP"
    } else {
        ""
    }
}

fn kafka_text(error: &ResponseError, context: &str, message: Option<&str>) -> String {
    match (message.filter(|m| !m.is_empty()), context.is_empty()) {
        (Some(message), _) => message.to_string(),
        (None, true) => in_words(*error),
        (None, false) => format!("{context}: {}", in_words(*error)),
    }
}

/// A Kafka error in words: a phrase for the ones people meet, otherwise its name spelt out
/// ("InvalidProducerEpoch" → "invalid producer epoch").
pub fn in_words(error: ResponseError) -> String {
    let phrase = match error {
        ResponseError::UnknownTopicOrPartition => "no such topic or partition",
        ResponseError::UnknownTopicId => "no such topic id",
        ResponseError::GroupIdNotFound => "no such group",
        ResponseError::NonEmptyGroup => "the group still has members",
        ResponseError::TopicAlreadyExists => "the topic already exists",
        ResponseError::CoordinatorNotAvailable => "its coordinator is not available",
        ResponseError::NotCoordinator => "the broker asked is not its coordinator",
        ResponseError::TopicAuthorizationFailed => "not authorized for the topic",
        ResponseError::GroupAuthorizationFailed => "not authorized for the group",
        ResponseError::ClusterAuthorizationFailed => "not authorized for the cluster",
        ResponseError::TransactionalIdAuthorizationFailed => {
            "not authorized for the transactional id"
        }
        ResponseError::PolicyViolation => "refused by the cluster's policy",
        ResponseError::UnsupportedVersion => "the broker does not support this request version",
        ResponseError::UnknownServerError => "the broker failed unexpectedly",
        _ => "",
    };
    if !phrase.is_empty() {
        return phrase.to_string();
    }
    let name = error.to_string();
    let name = name.strip_suffix("Exception").unwrap_or(&name);
    let mut words = String::with_capacity(name.len() + 8);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    words
}

/// Shorthand for results carrying [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The Kafka error code reported to a client for this error.
    pub fn kafka_code(&self) -> i16 {
        self.response_error().code()
    }

    /// A refusal of (part of) a request: `error` is answered with `message`, which is also
    /// how the error reads.
    pub fn refused(error: ResponseError, message: impl Into<String>) -> Error {
        Error::Kafka {
            error,
            context: String::new(),
            message: Some(message.into()),
        }
    }

    /// The error code and message a client is answered with for this error.
    pub fn refusal(&self) -> (ResponseError, String) {
        (self.response_error(), self.to_string())
    }

    /// The Kafka error reported to a client for this error.
    pub fn response_error(&self) -> ResponseError {
        match self {
            Error::Listen { .. } | Error::Start(_) => ResponseError::UnknownServerError,
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
