//! `streamline consume TOPIC`: reads records from chosen offsets of chosen partitions, prints
//! them as text, JSON or raw bytes, and stops at the end of the data (`-e`, the default), after
//! a count (`-n`), or never (`-f`, like `tail -f`). Committed records only by default
//! (`--isolation read_committed`, as librdkafka consumers read); control records never print.
//!
//! Values and keys framed by a schema registry serializer (magic byte 0 and a schema id) are
//! decoded through the registry to JSON before anything else sees them, so --grep, --jq and
//! the JSON formats work on the data; `--raw` keeps the bytes.
//!
//! This file holds the flags and [`run`]; the parts are `position` (where each partition
//! starts and stops), `reader` (the fetch loop, group membership and stop logic) and
//! `printer` (decode, filter, sample, print, check expectations).

mod position;
mod printer;
mod reader;

use std::time::Instant;

use anyhow::Context;
use streamline::client::offsets::Isolation;

use crate::connect::ConnectArgs;
use crate::filter::{parse_sample, RecordFilter, SampleSpec};
use crate::kcat_format::KcatFormat;
use crate::timespec::{parse_duration, parse_when};
use crate::usage::usage_bail;
use printer::Printer;
use reader::Reader;

/// Flags of `streamline consume`.
#[derive(Debug, clap::Args)]
pub struct ConsumeArgs {
    /// Topic to read
    topic: String,

    /// Read only this partition (repeatable; default: every partition)
    #[arg(short, long = "partition", value_name = "N", conflicts_with = "group")]
    partitions: Vec<i32>,

    /// Consume as a member of this consumer group: share the partitions with the group's
    /// other members, start from its committed offsets, and commit as records are printed
    #[arg(short, long, value_name = "GROUP")]
    group: Option<String>,

    /// Start at the earliest offset (the default unless -o says otherwise)
    #[arg(long, conflicts_with = "offset")]
    from_beginning: bool,

    /// Where to start: beginning, end, an offset N, -N for the last N records of each
    /// partition, or @TIMESTAMP (epoch ms)
    #[arg(short, long, value_name = "OFFSET", allow_hyphen_values = true, value_parser = parse_start)]
    offset: Option<Start>,

    /// Start at a moment: '2024-01-15 14:30:00', RFC 3339, epoch ms, 'yesterday',
    /// 'today 09:00', '2 hours ago'
    #[arg(long, value_name = "WHEN", conflicts_with_all = ["offset", "from_beginning", "last"], value_parser = crate::timespec::when_arg)]
    at: Option<String>,

    /// Start this long ago: 30s, 5m, 2h, 1d
    #[arg(long, value_name = "DURATION", conflicts_with_all = ["offset", "from_beginning"], value_parser = crate::timespec::duration_arg)]
    last: Option<String>,

    /// Stop at a moment (same forms as --at): records from then on are not read
    #[arg(long, value_name = "WHEN", value_parser = crate::timespec::when_arg)]
    until: Option<String>,

    /// Stop after this many records
    #[arg(short = 'n', long, value_name = "COUNT")]
    count: Option<u64>,

    /// Keep waiting for new records instead of stopping at the end
    #[arg(short, long, conflicts_with = "exit_at_end")]
    follow: bool,

    /// Stop once every partition is read to the end offset seen at start (the default)
    #[arg(short = 'e', long = "exit")]
    exit_at_end: bool,

    /// Keep only records whose value matches this regular expression
    #[arg(long, value_name = "REGEX", value_parser = RecordFilter::grep_arg)]
    grep: Option<String>,

    /// Succeed once this many records were read (after the filters); exit 1 if the end or
    /// --timeout comes first. With the other --expect-* flags, all must hold
    #[arg(long, value_name = "N")]
    expect_count: Option<u64>,

    /// Succeed once a record's value matches this regular expression; exit 1 if none does
    #[arg(long, value_name = "REGEX", value_parser = RecordFilter::grep_arg)]
    expect_match: Option<String>,

    /// Succeed once this jq filter (or JSONPath) is true for a record's value; exit 1 if it
    /// never is
    #[arg(long, value_name = "EXPR", value_parser = RecordFilter::jq_arg)]
    expect_jq: Option<String>,

    /// Give up after this long (e.g. 30s), exiting 1 if an --expect-* flag does not hold yet;
    /// works with -f
    #[arg(long, value_name = "DURATION", value_parser = crate::timespec::duration_arg)]
    timeout: Option<String>,

    /// Make --grep and --grep-key case-insensitive
    #[arg(short = 'i', long)]
    ignore_case: bool,

    /// Keep only records whose value does NOT match --grep
    #[arg(short = 'v', long = "invert-match", requires = "grep")]
    invert: bool,

    /// Keep only records whose key matches this regular expression
    #[arg(long, value_name = "REGEX", value_parser = RecordFilter::grep_key_arg)]
    grep_key: Option<String>,

    /// Transform and filter JSON values: a jq filter (e.g. 'select(.qty > 5) | .id'), or a
    /// JSONPath expression when it starts with $ (e.g. '$.items[*].sku'); values that are not
    /// JSON are skipped
    #[arg(long, value_name = "EXPR", value_parser = RecordFilter::jq_arg)]
    jq: Option<String>,

    /// Print a sample: a percentage ('10%', each record kept at random) or a count ('100',
    /// exactly that many chosen uniformly, printed at the end)
    #[arg(long, value_name = "SPEC", value_parser = parse_sample)]
    sample: Option<SampleSpec>,

    /// Print each record's key (text format)
    #[arg(long)]
    show_keys: bool,

    /// Print each record's timestamp (text format)
    #[arg(long)]
    show_timestamps: bool,

    /// Print each record's partition and offset (text format)
    #[arg(long)]
    show_offsets: bool,

    /// Print each record's headers (text format)
    #[arg(long)]
    show_headers: bool,

    /// Output format: text (value per line), json (pretty on a terminal, one line per record
    /// when piped), ndjson (always one line per record), raw (value bytes verbatim, one per
    /// line), or a kcat format string such as '%t [%p] %o %k: %s\n' (tokens %s %S %R %k %K %T
    /// %h %t %p %o; escapes \n \r \t \xHH)
    #[arg(long, default_value = "text", value_parser = RecordFormatParser)]
    format: RecordFormat,

    /// With --format json or ndjson: a value or key that is valid JSON is written as JSON (so
    /// `jq .value.total` works), exactly as stored; others stay strings
    #[arg(long)]
    json_values: bool,

    /// Which records of transactions to read: only committed ones, stopping before any open
    /// transaction (read_committed), or everything written, aborted and open transactions
    /// included (read_uncommitted)
    #[arg(long, value_enum, default_value = "read_committed")]
    isolation: IsolationLevel,

    /// Print values and keys as stored: do not decode schema registry framing (Avro,
    /// Protobuf, JSON Schema) through the registry. --format raw implies it
    #[arg(long)]
    raw: bool,

    #[command(flatten)]
    registry: crate::registry::RegistryArgs,

    #[command(flatten)]
    connect: ConnectArgs,
}

/// `--isolation`: Kafka's isolation.level values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum IsolationLevel {
    ReadCommitted,
    ReadUncommitted,
}

impl From<IsolationLevel> for Isolation {
    fn from(level: IsolationLevel) -> Isolation {
        match level {
            IsolationLevel::ReadCommitted => Isolation::ReadCommitted,
            IsolationLevel::ReadUncommitted => Isolation::ReadUncommitted,
        }
    }
}

/// How records are printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordFormat {
    Text,
    Json,
    Ndjson,
    Raw,
    /// A kcat `-f` format string.
    Kcat(KcatFormat),
}

/// Parses `--format`, offering the named formats to help and completion scripts (a kcat
/// format string is free text).
#[derive(Clone)]
struct RecordFormatParser;

impl clap::builder::TypedValueParser for RecordFormatParser {
    type Value = RecordFormat;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<RecordFormat, clap::Error> {
        let text = value.to_str().ok_or_else(|| {
            clap::Error::raw(
                clap::error::ErrorKind::InvalidUtf8,
                "--format must be UTF-8\n",
            )
        })?;
        parse_record_format(text).map_err(|message| {
            let name = arg.map_or_else(|| "--format".to_string(), ToString::to_string);
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!("invalid value '{text}' for '{name}': {message}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ["text", "json", "ndjson", "raw"]
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

fn parse_record_format(s: &str) -> Result<RecordFormat, String> {
    match s {
        "text" => Ok(RecordFormat::Text),
        "json" => Ok(RecordFormat::Json),
        "ndjson" => Ok(RecordFormat::Ndjson),
        "raw" => Ok(RecordFormat::Raw),
        _ if s.contains('%') => KcatFormat::parse(s).map(RecordFormat::Kcat),
        _ => Err(format!(
            "'{s}' is not text, json, ndjson, raw or a kcat format string such as '%k: %s\\n'"
        )),
    }
}

/// A starting position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Beginning,
    End,
    Offset(i64),
    Last(i64),
    Timestamp(i64),
}

fn parse_start(s: &str) -> Result<Start, String> {
    match s {
        "beginning" | "earliest" | "start" => return Ok(Start::Beginning),
        "end" | "latest" => return Ok(Start::End),
        _ => {}
    }
    if let Some(ts) = s.strip_prefix('@') {
        return ts
            .parse::<i64>()
            .ok()
            .filter(|t| *t >= 0)
            .map(Start::Timestamp)
            .ok_or_else(|| format!("'{s}': @ must be followed by an epoch-ms timestamp"));
    }
    match s.parse::<i64>() {
        Ok(n) if n < 0 => Ok(Start::Last(-n)),
        Ok(n) => Ok(Start::Offset(n)),
        Err(_) => Err(format!(
            "'{s}' is not beginning, end, an offset, -N or @TIMESTAMP"
        )),
    }
}

/// Runs `consume`: the options are checked and compiled, the partitions and positions set up
/// (as a group member with `-g`), records read until a stop condition, and the outcome told.
pub async fn run(args: ConsumeArgs) -> anyhow::Result<()> {
    if args.follow && matches!(args.sample, Some(SampleSpec::Count(_))) {
        usage_bail!("--sample COUNT picks from all records up to the end, so it cannot be used with -f; use a percentage such as --sample 10%");
    }
    if args.json_values && !matches!(args.format, RecordFormat::Json | RecordFormat::Ndjson) {
        usage_bail!("--json-values needs --format json or ndjson");
    }
    // Expressions are compiled before anything is read, so a typo fails at once.
    let mut printer = Printer::new(&args)?;
    let deadline = args
        .timeout
        .as_deref()
        .map(parse_duration)
        .transpose()?
        .map(|t| Instant::now() + t);
    let window = Window::from_args(&args)?;
    let client = args.connect.connect().await?;
    if !args.raw && args.format != RecordFormat::Raw {
        printer.decode_with(args.registry.resolve(&args.connect, &client)?);
    }
    let mut reader = Reader::open(&client, &args, window).await?;
    let ended = reader.read(&mut printer, deadline).await?;
    reader.close().await?;
    printer.finish(ended, reader.partition_count(), window.until.is_some())
}

/// Where reading starts and, with --until, the moment it stops.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start: Start,
    /// Epoch ms.
    pub until: Option<i64>,
}

impl Window {
    fn from_args(args: &ConsumeArgs) -> anyhow::Result<Window> {
        let now = chrono::Local::now();
        let start = if let Some(when) = &args.at {
            Start::Timestamp(parse_when(when, now).context("--at")?)
        } else if let Some(span) = &args.last {
            let span = parse_duration(span).context("--last")?;
            Start::Timestamp(
                now.timestamp_millis() - i64::try_from(span.as_millis()).unwrap_or(i64::MAX),
            )
        } else if args.from_beginning {
            Start::Beginning
        } else {
            args.offset.unwrap_or(Start::Beginning)
        };
        let until = args
            .until
            .as_deref()
            .map(|w| parse_when(w, now).context("--until"))
            .transpose()?;
        Ok(Window { start, until })
    }
}

/// Why reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// -n records printed, or every --expect-* held.
    Enough,
    /// Every partition read to its stop.
    AtEnd,
    /// --timeout passed.
    TimedOut,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_positions_parse() {
        assert_eq!(parse_start("beginning"), Ok(Start::Beginning));
        assert_eq!(parse_start("end"), Ok(Start::End));
        assert_eq!(parse_start("42"), Ok(Start::Offset(42)));
        assert_eq!(parse_start("-10"), Ok(Start::Last(10)));
        assert_eq!(
            parse_start("@1700000000000"),
            Ok(Start::Timestamp(1_700_000_000_000))
        );
        assert!(parse_start("soon").is_err());
        assert!(parse_start("@x").is_err());
    }
}
