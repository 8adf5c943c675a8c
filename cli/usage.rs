//! Usage errors found after clap has parsed the command line — flags that conflict in a way
//! clap cannot express (a value of one flag against another flag) — so they exit 2 like
//! clap's own, not 1 like a failure while running.

/// A command line that cannot work, found by the command itself before it does anything.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Returns a [`UsageError`] from the enclosing function.
macro_rules! usage_bail {
    ($($arg:tt)*) => {
        return Err(anyhow::Error::new($crate::usage::UsageError(format!($($arg)*))))
    };
}
pub(crate) use usage_bail;

/// Whether `error` is a usage error.
pub fn is_usage(error: &anyhow::Error) -> bool {
    error.downcast_ref::<UsageError>().is_some()
}
