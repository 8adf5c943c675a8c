//! Where the dashboard's data comes from. Calls block (the dashboard runs them on a thread of
//! their own) and fail with a message the status line can show; a source is expected to
//! reconnect by itself on the next call after a failure.

use crate::model::{Snapshot, TailRecord};

pub trait Source: Send {
    /// A fresh look at every topic and group.
    fn snapshot(&mut self) -> Result<Snapshot, String>;

    /// The newest records of `topic`, at most `max` of them, oldest first.
    fn tail(&mut self, topic: &str, max: usize) -> Result<Vec<TailRecord>, String>;

    /// What a schema registry holds for `topic` (its subjects' latest versions), one line
    /// each; nothing where no registry is known.
    fn schemas(&mut self, _topic: &str) -> Result<Vec<String>, String> {
        Ok(Vec::new())
    }
}
