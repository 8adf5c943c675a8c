//! `streamline history`: the commands run in the shell — and, once enabled, on the command
//! line — with when they ran, how long they took and how they exited, searchable.
//!
//! Entries are JSON lines in `$XDG_DATA_HOME/streamline/commands.jsonl`
//! (`~/.local/share/streamline/` by default), appended one write each so concurrent commands
//! do not interleave; the file is cut back to its newest [`KEEP`] entries when it passes
//! [`MAX_BYTES`]. Secrets are never written: the value of any option or `-X` property whose
//! name says password, secret, token or credential is replaced by `***` before the line is
//! stored (the shell's own line history gets the same treatment).

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::output::{write_json, write_table, Format};

/// Size past which the file is cut back.
const MAX_BYTES: u64 = 4 << 20;
/// Entries kept when it is.
const KEEP: usize = 10_000;

/// What `history` can do besides listing.
#[derive(Debug, clap::Subcommand)]
enum HistoryAction {
    /// Also record commands run on the command line (the shell's are always recorded)
    Enable,
    /// Stop recording command-line commands
    Disable,
    /// Forget every recorded command
    Clear,
}

/// Flags of `streamline history`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HistoryArgs {
    #[command(subcommand)]
    action: Option<HistoryAction>,

    /// Only commands matching this regular expression
    #[arg(long, value_name = "REGEX")]
    grep: Option<String>,

    /// Only the newest N matching commands
    #[arg(short = 'n', long, value_name = "N")]
    count: Option<usize>,

    /// Only commands run here: shell or cli
    #[arg(long, value_parser = ["shell", "cli"])]
    source: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// One recorded command.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// When it started, RFC 3339 in UTC.
    pub time: String,
    /// `shell` or `cli`.
    pub source: String,
    /// The command line, secrets redacted.
    pub command: String,
    pub exit_code: i32,
    pub duration_ms: u64,
}

fn dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("streamline"))
}

fn file() -> Option<PathBuf> {
    dir().map(|d| d.join("commands.jsonl"))
}

/// Whether command-line commands are recorded: `history enable`, or STREAMLINE_HISTORY=1.
pub fn cli_enabled() -> bool {
    match std::env::var("STREAMLINE_HISTORY").ok().as_deref() {
        Some("1" | "true" | "on" | "yes") => return true,
        Some("0" | "false" | "off" | "no") => return false,
        _ => {}
    }
    dir().is_some_and(|d| d.join("cli-history-enabled").exists())
}

/// Names whose values are never recorded.
fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["password", "secret", "token", "credential"]
        .iter()
        .any(|s| name.contains(s))
}

/// `words` as one shell-quoted line, secrets replaced by `***`: `--password X`,
/// `--password=X`, `-X sasl.password=X`, `-Xsasl.password=X`.
pub fn redact(words: &[String]) -> String {
    let mut out = Vec::with_capacity(words.len());
    let mut hide_next = false;
    for word in words {
        if hide_next {
            out.push("***".to_string());
            hide_next = false;
            continue;
        }
        let redacted = if let Some(flag) = word.strip_prefix("--") {
            match flag.split_once('=') {
                Some((name, _)) if is_secret_name(name) => format!("--{name}=***"),
                None if is_secret_name(flag) => {
                    hide_next = true;
                    word.clone()
                }
                _ => word.clone(),
            }
        } else {
            let (prefix, property) = match word.strip_prefix("-X") {
                Some(rest) if !rest.is_empty() => ("-X", rest),
                _ => ("", word.as_str()),
            };
            match property.split_once('=') {
                Some((name, _)) if is_secret_name(name) => format!("{prefix}{name}=***"),
                _ => word.clone(),
            }
        };
        out.push(redacted);
    }
    shlex::try_join(out.iter().map(String::as_str)).unwrap_or_else(|_| out.join(" "))
}

/// Records one command; failures to record are reported once on standard error and
/// otherwise ignored (the command itself already ran).
pub fn record(source: &str, words: &[String], exit_code: i32, took: Duration) {
    let Some(path) = file() else {
        return;
    };
    let entry = Entry {
        time: (chrono::Utc::now() - chrono::Duration::from_std(took).unwrap_or_default())
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        source: source.to_string(),
        command: redact(words),
        exit_code,
        duration_ms: u64::try_from(took.as_millis()).unwrap_or(u64::MAX),
    };
    if let Err(e) = append(&path, &entry) {
        eprintln!(
            "warning: cannot record the command in {}: {e:#}",
            path.display()
        );
    }
}

fn append(path: &std::path::Path, entry: &Entry) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_vec(entry)?;
    line.push(b'\n');
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(&line)?;
    if file.metadata()?.len() > MAX_BYTES {
        let entries = read(path)?;
        let keep = &entries[entries.len().saturating_sub(KEEP)..];
        let mut text = Vec::new();
        for e in keep {
            text.extend(serde_json::to_vec(e)?);
            text.push(b'\n');
        }
        let temporary = path.with_extension("jsonl.tmp");
        std::fs::write(&temporary, text)?;
        std::fs::rename(&temporary, path)?;
    }
    Ok(())
}

/// Every entry, oldest first; lines that are not entries (a torn write) are skipped.
fn read(path: &std::path::Path) -> anyhow::Result<Vec<Entry>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Runs `history`.
pub fn run(args: HistoryArgs) -> anyhow::Result<()> {
    let dir = dir().context("neither XDG_DATA_HOME nor HOME is set")?;
    let marker = dir.join("cli-history-enabled");
    let path = dir.join("commands.jsonl");
    let mut out = anstream::stdout().lock();
    match args.action {
        Some(HistoryAction::Enable) => {
            std::fs::create_dir_all(&dir)?;
            std::fs::write(&marker, b"")?;
            writeln!(out, "Recording command-line commands in {}", path.display())?;
            return Ok(());
        }
        Some(HistoryAction::Disable) => {
            match std::fs::remove_file(&marker) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
            writeln!(
                out,
                "No longer recording command-line commands (the shell's still are)"
            )?;
            return Ok(());
        }
        Some(HistoryAction::Clear) => {
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
            writeln!(out, "History cleared")?;
            return Ok(());
        }
        None => {}
    }
    let pattern = args
        .grep
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .map_err(|e| crate::usage::UsageError(format!("--grep: {e}")))?;
    let mut entries: Vec<Entry> = read(&path)?
        .into_iter()
        .filter(|e| args.source.as_deref().is_none_or(|s| e.source == s))
        .filter(|e| pattern.as_ref().is_none_or(|p| p.is_match(&e.command)))
        .collect();
    if let Some(n) = args.count {
        entries.drain(..entries.len().saturating_sub(n));
    }
    match args.format {
        Format::Json => write_json(&mut out, &entries)?,
        Format::Text => {
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    vec![
                        e.time.replace('T', " ").trim_end_matches('Z').to_string(),
                        e.source.clone(),
                        e.exit_code.to_string(),
                        e.command.clone(),
                    ]
                })
                .collect();
            write_table(&mut out, &["TIME", "SOURCE", "EXIT", "COMMAND"], &rows)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        shlex::split(s).unwrap()
    }

    #[test]
    fn secrets_are_redacted_in_every_spelling() {
        assert_eq!(
            redact(&words("topics list -X sasl.password=hunter2 -b host:9092")),
            "topics list -X 'sasl.password=***' -b host:9092"
        );
        assert_eq!(
            redact(&words(
                "consume t -Xsasl.oauthbearer.token=abc --password pw --api-secret=s"
            )),
            "consume t '-Xsasl.oauthbearer.token=***' --password '***' '--api-secret=***'"
        );
        assert_eq!(redact(&words("produce t -m 'a b'")), "produce t -m 'a b'");
    }
}
