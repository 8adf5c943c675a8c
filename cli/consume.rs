//! `streamline consume TOPIC`: reads records from chosen offsets of chosen partitions, prints
//! them as text, JSON or raw bytes, and stops at the end of the data (`-e`, the default), after
//! a count (`-n`), or never (`-f`, like `tail -f`). Committed records only by default
//! (`--isolation read_committed`, as librdkafka consumers read); control records never print.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};

use anyhow::{bail, Context};
use kafka_protocol::error::ResponseError;
use streamline::client::fetch::FetchPosition;
use streamline::client::member::{GroupMember, Heartbeat, HEARTBEAT_INTERVAL};
use streamline::client::offsets::{Isolation, OffsetSpec};
use streamline::client::records::decode_fetched;
use streamline::client::records::Record;
use streamline::client::Client;

use crate::connect::{ConnectArgs, Property};
use crate::expect::Expectations;
use crate::filter::{parse_sample, FilterSpec, RecordFilter, SampleSpec, Sampler, Verdict};
use crate::json_values::JsonValuesRecord;
use crate::jsonl::JsonRecord;
use crate::kcat_format::KcatFormat;
use crate::style::{paint, DIM, KEY, TIME, WARNING};
use crate::timespec::{parse_duration, parse_when};
use crate::usage::usage_bail;

/// How long one fetch waits for new data while following.
const FOLLOW_WAIT_MS: i32 = 500;
/// How long one fetch waits when reading up to the end.
const CATCH_UP_WAIT_MS: i32 = 100;

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

/// Runs `consume`.
pub async fn run(args: ConsumeArgs) -> anyhow::Result<()> {
    // Expressions are compiled before anything is read, so a typo fails at once.
    let filter = RecordFilter::new(&FilterSpec {
        grep: args.grep.as_deref(),
        ignore_case: args.ignore_case,
        invert: args.invert,
        grep_key: args.grep_key.as_deref(),
        jq: args.jq.as_deref(),
    })?;
    if args.follow && matches!(args.sample, Some(SampleSpec::Count(_))) {
        usage_bail!("--sample COUNT picks from all records up to the end, so it cannot be used with -f; use a percentage such as --sample 10%");
    }
    if args.json_values && !matches!(args.format, RecordFormat::Json | RecordFormat::Ndjson) {
        usage_bail!("--json-values needs --format json or ndjson");
    }
    let mut sampler = args.sample.map(|spec| Sampler::new(spec, None));
    let mut expect = Expectations::new(
        args.expect_count,
        args.expect_match.as_deref(),
        args.expect_jq.as_deref(),
    )?;
    let deadline = args
        .timeout
        .as_deref()
        .map(parse_duration)
        .transpose()?
        .map(|t| std::time::Instant::now() + t);
    let mut timed_out = false;
    let mut warned = false;
    let client = args.connect.connect().await?;
    let all = client.partitions(&args.topic, false).await?;
    let mut member = match &args.group {
        Some(group) => Some(
            client
                .join_group(group, std::slice::from_ref(&args.topic))
                .await?,
        ),
        None => None,
    };
    let mut partitions = if let Some(m) = &member {
        m.assignment.get(&args.topic).cloned().unwrap_or_default()
    } else if args.partitions.is_empty() {
        all.clone()
    } else {
        for p in &args.partitions {
            if !all.contains(p) {
                bail!("topic '{}' has no partition {p}", args.topic);
            }
        }
        args.partitions.clone()
    };
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
    let mut positions = positions_for(&client, &args, &member, &partitions, start).await?;
    let mut stops = stops_for(&client, &args, &partitions, until).await?;
    let mut last_heartbeat = std::time::Instant::now();
    let done = |pos: &FetchPosition, stops: &HashMap<i32, i64>| {
        stops
            .get(&pos.partition)
            .is_some_and(|stop| pos.offset >= *stop)
    };

    // Text goes through anstream (colour, stripped when off); JSON and raw bytes go out as
    // they are.
    let mut out: Box<dyn Write> = match args.format {
        RecordFormat::Text => Box::new(std::io::BufWriter::new(anstream::AutoStream::auto(
            std::io::stdout().lock(),
        ))),
        _ => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let pretty = args.format == RecordFormat::Json && std::io::stdout().is_terminal();
    // -X fetch.wait.max.ms: librdkafka's name for how long a fetch may wait for records.
    // Set on every run: inside the shell the client outlives this command.
    client.set_fetch_min_bytes(
        args.connect
            .property(|p| match p {
                Property::FetchMinBytes(b) => Some(*b),
                _ => None,
            })
            .unwrap_or(1),
    );
    let follow_wait_ms = args
        .connect
        .property(|p| match p {
            Property::FetchWaitMax(d) => Some(i32::try_from(d.as_millis()).unwrap_or(i32::MAX)),
            _ => None,
        })
        .unwrap_or(FOLLOW_WAIT_MS);
    let mut printed = 0u64;
    let enough = |printed: u64, expect: &Option<Expectations>| {
        args.count.is_some_and(|c| printed >= c) || expect.as_ref().is_some_and(Expectations::held)
    };
    loop {
        let active: Vec<FetchPosition> = positions
            .iter()
            .filter(|p| !done(p, &stops))
            .cloned()
            .collect();
        if enough(printed, &expect) {
            break;
        }
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            timed_out = true;
            break;
        }
        if let Some(m) = member.as_mut() {
            if last_heartbeat.elapsed() >= HEARTBEAT_INTERVAL {
                last_heartbeat = std::time::Instant::now();
                if m.heartbeat(&client).await? == Heartbeat::Rejoin {
                    // Best effort: a commit after the group moved on is refused, and the
                    // records since the last commit are read again by their new owner.
                    let _ = m.commit(&client, &next_offsets(&positions)).await;
                    m.rejoin(&client).await?;
                    partitions = m.assignment.get(&args.topic).cloned().unwrap_or_default();
                    positions = positions_for(&client, &args, &member, &partitions, start).await?;
                    stops = stops_for(&client, &args, &partitions, until).await?;
                    continue;
                }
            }
            if active.is_empty() && args.follow {
                // Nothing assigned (more members than partitions): stay a member.
                tokio::time::sleep(HEARTBEAT_INTERVAL).await;
                continue;
            }
        }
        if active.is_empty() {
            break;
        }
        let wait = if args.follow {
            follow_wait_ms
        } else {
            CATCH_UP_WAIT_MS.min(follow_wait_ms)
        };
        // A long poll never outlasts --timeout.
        let wait = match deadline {
            Some(d) => wait.min(
                i32::try_from(
                    d.saturating_duration_since(std::time::Instant::now())
                        .as_millis(),
                )
                .unwrap_or(i32::MAX),
            ),
            None => wait,
        };
        let fetched = client
            .fetch_as(&active, wait, args.isolation.into())
            .await?;
        for part in fetched {
            let Some(pos) = positions.iter_mut().find(|p| p.partition == part.partition) else {
                continue;
            };
            match part.error {
                None => {}
                Some(ResponseError::OffsetOutOfRange) => {
                    // Retention moved the start (or the log was truncated): resume at the
                    // nearest valid offset, as Kafka's auto.offset.reset=earliest would.
                    let spec = if pos.offset < part.log_start_offset.max(0) {
                        OffsetSpec::Earliest
                    } else {
                        OffsetSpec::Latest
                    };
                    let reset = client
                        .list_offsets_as(&args.topic, &[pos.partition], spec, args.isolation.into())
                        .await?;
                    if let Some(r) = reset.first() {
                        pos.offset = r.offset;
                    }
                    continue;
                }
                Some(e) => bail!(
                    "reading {}/{}: {}",
                    args.topic,
                    part.partition,
                    streamline::error::in_words(e)
                ),
            }
            let decoded = decode_fetched(&part, pos.offset)
                .with_context(|| format!("decoding {}/{}", args.topic, part.partition))?;
            // Where this partition's reading stopped inside the fetched records, if it did:
            // the committed position must not pass records that were never looked at.
            let mut stopped_at = None;
            for record in &decoded.records {
                if enough(printed, &expect) {
                    stopped_at = Some(record.offset);
                    break;
                }
                if until.is_some_and(|ts| record.timestamp >= ts)
                    && !stops.contains_key(&part.partition)
                {
                    // Following towards a future --until: this record is the first past it.
                    stops.insert(part.partition, record.offset);
                }
                if stops
                    .get(&part.partition)
                    .is_some_and(|stop| record.offset >= *stop)
                {
                    stopped_at = Some(record.offset);
                    break;
                }
                let verdict = if filter.is_pass_through() {
                    Verdict::Keep
                } else {
                    filter.apply(record.key.as_deref(), record.value.as_deref())
                };
                let output = match verdict {
                    Verdict::Drop => continue,
                    Verdict::Keep => vec![record.clone()],
                    Verdict::Replace(values) => values
                        .into_iter()
                        .map(|v| Record {
                            value: Some(bytes::Bytes::from(v)),
                            ..record.clone()
                        })
                        .collect(),
                    Verdict::Error(e) => {
                        if !warned {
                            anstream::eprintln!(
                                "{} {e} (at offset {}; such records are skipped)",
                                paint(WARNING, "warning:"),
                                record.offset
                            );
                            warned = true;
                        }
                        continue;
                    }
                };
                for r in output {
                    let r = match &mut sampler {
                        Some(s) => match s.offer((part.partition, r)) {
                            Some((_, r)) => r,
                            None => continue,
                        },
                        None => r,
                    };
                    if enough(printed, &expect) {
                        break;
                    }
                    print_record(&mut out, &args, part.partition, &r, pretty)?;
                    printed += 1;
                    if let Some(e) = expect.as_mut() {
                        e.observe(r.value.as_deref());
                    }
                }
            }
            match (stopped_at, decoded.next_offset) {
                (Some(at), _) => pos.offset = pos.offset.max(at),
                (None, Some(next)) => pos.offset = pos.offset.max(next),
                (None, None) => {}
            }
        }
        out.flush()?;
        if let Some(m) = &member {
            m.commit(&client, &next_offsets(&positions)).await?;
        }
    }
    if let Some(m) = member.take() {
        m.commit(&client, &next_offsets(&positions)).await?;
        m.leave(&client).await?;
    }
    if let Some(sampler) = sampler {
        for (partition, r) in sampler.finish() {
            if enough(printed, &expect) {
                break;
            }
            print_record(&mut out, &args, partition, &r, pretty)?;
            printed += 1;
            if let Some(e) = expect.as_mut() {
                e.observe(r.value.as_deref());
            }
        }
    }
    out.flush()?;
    if let Some(e) = &expect {
        if !e.held() {
            bail!(
                "{}",
                e.shortfall(if timed_out {
                    "--timeout passed"
                } else {
                    "reached the end"
                })
            );
        }
        return Ok(());
    }
    // Fewer records than -n asked for is not an error, but a person at a terminal should not
    // have to count; a script sees the count in the output itself.
    if let Some(wanted) = args.count.filter(|&c| printed < c) {
        if std::io::stderr().is_terminal() {
            let what = if until.is_some() {
                "the --until moment on"
            } else {
                "the end of"
            };
            let n = positions.len();
            anstream::eprintln!(
                "{}",
                paint(
                    DIM,
                    &format!(
                        "reached {what} {n} partition{} after {printed} of {wanted} record{}",
                        if n == 1 { "" } else { "s" },
                        if wanted == 1 { "" } else { "s" }
                    )
                )
            );
        }
    }
    Ok(())
}

/// Where to start reading `partitions`: for a group member, its committed offsets where it
/// has them; otherwise (and for partitions without one) as `start` says.
async fn positions_for(
    client: &Client,
    args: &ConsumeArgs,
    member: &Option<GroupMember>,
    partitions: &[i32],
    start: Start,
) -> anyhow::Result<Vec<FetchPosition>> {
    if partitions.is_empty() {
        return Ok(Vec::new());
    }
    let mut positions = start_positions(
        client,
        &args.topic,
        partitions,
        start,
        args.isolation.into(),
    )
    .await?;
    if let (Some(_), Some(group)) = (member, &args.group) {
        let committed = client.committed_offsets(group).await?;
        for p in &mut positions {
            if let Some(offset) = committed.get(&(args.topic.clone(), p.partition)) {
                p.offset = *offset;
            }
        }
    }
    Ok(positions)
}

/// Where each partition stops (exclusive): the end offset seen now unless following; with
/// --until, the first offset at or after that moment, resolved by the broker's time index. A
/// partition with no stop is followed until --until's moment shows up in its records.
async fn stops_for(
    client: &Client,
    args: &ConsumeArgs,
    partitions: &[i32],
    until: Option<i64>,
) -> anyhow::Result<HashMap<i32, i64>> {
    let mut stops = HashMap::new();
    if partitions.is_empty() {
        return Ok(stops);
    }
    if !args.follow {
        for o in client
            .list_offsets_as(
                &args.topic,
                partitions,
                OffsetSpec::Latest,
                args.isolation.into(),
            )
            .await?
        {
            stops.insert(o.partition, o.offset);
        }
    }
    if let Some(ts) = until {
        for o in client
            .list_offsets(&args.topic, partitions, OffsetSpec::Timestamp(ts))
            .await?
        {
            if o.offset >= 0 {
                stops.insert(o.partition, o.offset);
            }
        }
    }
    Ok(stops)
}

/// The next offset to read per partition, as committed offsets.
fn next_offsets(positions: &[FetchPosition]) -> std::collections::BTreeMap<(String, i32), i64> {
    positions
        .iter()
        .map(|p| ((p.topic.clone(), p.partition), p.offset))
        .collect()
}

/// Where each partition starts; the end is the last stable offset under read_committed.
async fn start_positions(
    client: &Client,
    topic: &str,
    partitions: &[i32],
    start: Start,
    isolation: Isolation,
) -> anyhow::Result<Vec<FetchPosition>> {
    let earliest = client
        .list_offsets(topic, partitions, OffsetSpec::Earliest)
        .await?;
    let latest = client
        .list_offsets_as(topic, partitions, OffsetSpec::Latest, isolation)
        .await?;
    let by_time = match start {
        Start::Timestamp(ts) => Some(
            client
                .list_offsets(topic, partitions, OffsetSpec::Timestamp(ts))
                .await?,
        ),
        _ => None,
    };
    let find = |list: &[streamline::client::offsets::PartitionOffset], p: i32| {
        list.iter()
            .find(|o| o.partition == p)
            .map_or(0, |o| o.offset)
    };
    Ok(partitions
        .iter()
        .map(|&p| {
            let (lo, hi) = (find(&earliest, p), find(&latest, p));
            let offset = match start {
                Start::Beginning => lo,
                Start::End => hi,
                Start::Offset(n) => n.clamp(lo, hi),
                Start::Last(n) => (hi - n).max(lo),
                Start::Timestamp(_) => {
                    let o = by_time.as_deref().map_or(-1, |l| find(l, p));
                    if o < 0 {
                        hi
                    } else {
                        o
                    }
                }
            };
            FetchPosition {
                topic: topic.to_string(),
                partition: p,
                offset,
            }
        })
        .collect())
}

fn print_record(
    out: &mut dyn Write,
    args: &ConsumeArgs,
    partition: i32,
    r: &Record,
    pretty: bool,
) -> anyhow::Result<()> {
    match &args.format {
        RecordFormat::Kcat(format) => format.write(out, &args.topic, partition, r)?,
        RecordFormat::Raw => {
            if let Some(v) = &r.value {
                out.write_all(v)?;
            }
            out.write_all(b"\n")?;
        }
        RecordFormat::Json | RecordFormat::Ndjson if args.json_values => {
            let record = JsonValuesRecord::new(&args.topic, partition, r);
            if pretty {
                serde_json::to_writer_pretty(&mut *out, &record)?;
            } else {
                serde_json::to_writer(&mut *out, &record)?;
            }
            out.write_all(b"\n")?;
        }
        RecordFormat::Json | RecordFormat::Ndjson => {
            let record = JsonRecord::from_record(&args.topic, partition, r);
            if pretty {
                serde_json::to_writer_pretty(&mut *out, &record)?;
            } else {
                serde_json::to_writer(&mut *out, &record)?;
            }
            out.write_all(b"\n")?;
        }
        RecordFormat::Text => {
            let mut fields: Vec<String> = Vec::new();
            if args.show_offsets {
                fields.push(paint(DIM, &format!("{partition}:{}", r.offset)));
            }
            if args.show_timestamps {
                fields.push(paint(TIME, &format_timestamp(r.timestamp)));
            }
            if args.show_keys {
                let key = r.key.as_ref().map_or_else(
                    || "(null)".into(),
                    |k| String::from_utf8_lossy(k).into_owned(),
                );
                fields.push(paint(KEY, &key));
            }
            if args.show_headers {
                let headers: Vec<String> = r
                    .headers
                    .iter()
                    .map(|(k, v)| match v {
                        Some(v) => format!("{}={}", k.as_str(), String::from_utf8_lossy(v)),
                        None => k.to_string(),
                    })
                    .collect();
                fields.push(paint(DIM, &headers.join(",")));
            }
            fields.push(r.value.as_ref().map_or_else(
                || "(null)".into(),
                |v| String::from_utf8_lossy(v).into_owned(),
            ));
            writeln!(out, "{}", fields.join("\t"))?;
        }
    }
    Ok(())
}

/// Epoch ms as RFC 3339 in UTC with milliseconds.
fn format_timestamp(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map_or_else(
        || ms.to_string(),
        |t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
    )
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
