//! Waiting out a cluster's passing states — an election, a coordinator loading, a broker gone —
//! the way Kafka's clients do: retry with a doubling pause, for at most [`LEADER_WAIT`].

use std::time::Duration;

use tokio::time::Instant;

use super::{LEADER_WAIT, RETRY_BACKOFF_MAX, RETRY_BACKOFF_MIN};

/// The deadline and the next pause of one retried operation.
pub(crate) struct Retry {
    deadline: Instant,
    backoff: Duration,
}

impl Retry {
    /// A retry budget of [`LEADER_WAIT`] from now.
    pub(crate) fn new() -> Retry {
        Retry {
            deadline: Instant::now() + LEADER_WAIT,
            backoff: RETRY_BACKOFF_MIN,
        }
    }

    /// Whether the budget is spent: the caller gives up with what it has.
    pub(crate) fn expired(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Sleeps before the next attempt, each pause twice the last up to [`RETRY_BACKOFF_MAX`].
    pub(crate) async fn pause(&mut self) {
        tokio::time::sleep(self.backoff).await;
        self.backoff = (self.backoff * 2).min(RETRY_BACKOFF_MAX);
    }
}
