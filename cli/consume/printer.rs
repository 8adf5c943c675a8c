//! The output side of `consume`: each record read is decoded through the schema registry
//! when it is framed for one, then goes through the filters (--grep, --jq), the sampler, the
//! printer (text, JSON, raw or a kcat format) and the --expect-* checks, in that order; at the end the outcome is told (an expectation that failed, or fewer records
//! than -n asked for).

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use anyhow::bail;
use streamline::client::records::Record;
use streamline::schema::client::RegistryClient;

use super::{ConsumeArgs, Ended, RecordFormat};
use crate::expect::Expectations;
use crate::filter::{FilterSpec, RecordFilter, Sampler, Verdict};
use crate::json_values::JsonValuesRecord;
use crate::jsonl::JsonRecord;
use crate::style::{paint, DIM, KEY, TIME, WARNING};

/// Where records go, and what was printed so far.
pub struct Printer<'a> {
    args: &'a ConsumeArgs,
    filter: RecordFilter,
    /// Records with the flag saying their value or key was decoded through the registry.
    sampler: Option<Sampler<(i32, Record, bool)>>,
    /// The registry framed values are decoded through; `None` with --raw or when none is
    /// known.
    registry: Option<Arc<RegistryClient>>,
    /// Framed values were seen without a registry to decode them (said once).
    told_no_registry: bool,
    expect: Option<Expectations>,
    out: Box<dyn Write>,
    /// JSON indented for a person at a terminal.
    pretty: bool,
    printed: u64,
    /// A record the filter could not read has been reported (once is enough).
    warned: bool,
}

impl<'a> Printer<'a> {
    /// Compiles the filters and expectations (a typo fails before anything is read) and opens
    /// standard output.
    pub fn new(args: &'a ConsumeArgs) -> anyhow::Result<Printer<'a>> {
        let filter = RecordFilter::new(&FilterSpec {
            grep: args.grep.as_deref(),
            ignore_case: args.ignore_case,
            invert: args.invert,
            grep_key: args.grep_key.as_deref(),
            jq: args.jq.as_deref(),
        })?;
        let expect = Expectations::new(
            args.expect_count,
            args.expect_match.as_deref(),
            args.expect_jq.as_deref(),
        )?;
        // Text goes through anstream (colour, stripped when off); JSON and raw bytes go out
        // as they are.
        let out: Box<dyn Write> = match args.format {
            RecordFormat::Text => Box::new(std::io::BufWriter::new(anstream::AutoStream::auto(
                std::io::stdout().lock(),
            ))),
            _ => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        };
        Ok(Printer {
            args,
            filter,
            sampler: args.sample.map(|spec| Sampler::new(spec, None)),
            registry: None,
            told_no_registry: false,
            expect,
            out,
            pretty: args.format == RecordFormat::Json && std::io::stdout().is_terminal(),
            printed: 0,
            warned: false,
        })
    }

    /// Whether reading can stop: -n records printed, or every expectation held.
    pub fn enough(&self) -> bool {
        self.args.count.is_some_and(|c| self.printed >= c)
            || self.expect.as_ref().is_some_and(Expectations::held)
    }

    /// Decodes framed values through `registry` (none: they are printed as stored).
    pub fn decode_with(&mut self, registry: Option<Arc<RegistryClient>>) {
        self.registry = registry;
    }

    /// Takes one record of `partition` through decoding, the filters, the sampler and the
    /// printer.
    pub async fn take(&mut self, partition: i32, record: &Record) -> anyhow::Result<()> {
        match self.decode(record).await {
            Some(decoded) => self.take_decoded(partition, &decoded, true),
            None => self.take_decoded(partition, record, false),
        }
    }

    /// The record with its framed key and value replaced by their JSON, when either was
    /// decoded; `None` when it prints as stored (what cannot be decoded stays so, with a
    /// warning). Records without framing are not copied.
    async fn decode(&mut self, record: &Record) -> Option<Record> {
        let value = self.decode_part(record.value.as_ref(), record.offset).await;
        let key = self.decode_part(record.key.as_ref(), record.offset).await;
        if value.is_none() && key.is_none() {
            return None;
        }
        let mut out = record.clone();
        if value.is_some() {
            out.value = value;
        }
        if key.is_some() {
            out.key = key;
        }
        Some(out)
    }

    /// One framed key or value as JSON text, if it is framed and decodes.
    async fn decode_part(
        &mut self,
        bytes: Option<&bytes::Bytes>,
        offset: i64,
    ) -> Option<bytes::Bytes> {
        let bytes = bytes?;
        let framed = streamline::schema::wire::unframe(bytes)?;
        let Some(registry) = &self.registry else {
            if !self.told_no_registry && !self.args.raw && self.args.format != RecordFormat::Raw {
                anstream::eprintln!(
                    "{} records carry a schema registry header (schema id {}); give \
                     --schema-registry URL to decode them, or --raw to keep the bytes quietly",
                    paint(WARNING, "note:"),
                    framed.schema_id
                );
                self.told_no_registry = true;
            }
            return None;
        };
        match registry.decode(bytes).await? {
            Ok(json) => Some(bytes::Bytes::from(json.to_string())),
            Err(e) => {
                if !self.warned {
                    anstream::eprintln!(
                        "{} {e} (at offset {offset}; printed as stored)",
                        paint(WARNING, "warning:"),
                    );
                    self.warned = true;
                }
                None
            }
        }
    }

    fn take_decoded(
        &mut self,
        partition: i32,
        record: &Record,
        decoded: bool,
    ) -> anyhow::Result<()> {
        let verdict = if self.filter.is_pass_through() {
            Verdict::Keep
        } else {
            self.filter
                .apply(record.key.as_deref(), record.value.as_deref())
        };
        let output = match verdict {
            Verdict::Drop => return Ok(()),
            Verdict::Keep => vec![record.clone()],
            Verdict::Replace(values) => values
                .into_iter()
                .map(|v| Record {
                    value: Some(bytes::Bytes::from(v)),
                    ..record.clone()
                })
                .collect(),
            Verdict::Error(e) => {
                if !self.warned {
                    anstream::eprintln!(
                        "{} {e} (at offset {}; such records are skipped)",
                        paint(WARNING, "warning:"),
                        record.offset
                    );
                    self.warned = true;
                }
                return Ok(());
            }
        };
        for r in output {
            let r = match &mut self.sampler {
                Some(s) => match s.offer((partition, r, decoded)) {
                    Some((_, r, _)) => r,
                    None => continue,
                },
                None => r,
            };
            if self.enough() {
                break;
            }
            self.print(partition, &r, decoded)?;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> anyhow::Result<()> {
        Ok(self.out.flush()?)
    }

    fn print(&mut self, partition: i32, r: &Record, decoded: bool) -> anyhow::Result<()> {
        print_record(&mut self.out, self.args, partition, r, self.pretty, decoded)?;
        self.printed += 1;
        if let Some(e) = self.expect.as_mut() {
            e.observe(r.value.as_deref());
        }
        Ok(())
    }

    /// Prints what the sampler kept back, then tells the outcome: an error when an
    /// expectation does not hold; on a terminal, a note when fewer records than -n came
    /// before the end of `partitions` partitions (or the --until moment, with `until`).
    pub fn finish(mut self, ended: Ended, partitions: usize, until: bool) -> anyhow::Result<()> {
        if let Some(sampler) = self.sampler.take() {
            for (partition, r, decoded) in sampler.finish() {
                if self.enough() {
                    break;
                }
                self.print(partition, &r, decoded)?;
            }
        }
        self.flush()?;
        if let Some(e) = &self.expect {
            if !e.held() {
                bail!(
                    "{}",
                    e.shortfall(if ended == Ended::TimedOut {
                        "--timeout passed"
                    } else {
                        "reached the end"
                    })
                );
            }
            return Ok(());
        }
        // Fewer records than -n asked for is not an error, but a person at a terminal should
        // not have to count; a script sees the count in the output itself.
        let printed = self.printed;
        if let Some(wanted) = self.args.count.filter(|&c| printed < c) {
            if std::io::stderr().is_terminal() {
                let what = if until {
                    "the --until moment on"
                } else {
                    "the end of"
                };
                let n = partitions;
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
}

fn print_record(
    out: &mut dyn Write,
    args: &ConsumeArgs,
    partition: i32,
    r: &Record,
    pretty: bool,
    decoded: bool,
) -> anyhow::Result<()> {
    match &args.format {
        RecordFormat::Kcat(format) => format.write(out, &args.topic, partition, r)?,
        RecordFormat::Raw => {
            if let Some(v) = &r.value {
                out.write_all(v)?;
            }
            out.write_all(b"\n")?;
        }
        // Decoded values are JSON: written as JSON, as --json-values writes them.
        RecordFormat::Json | RecordFormat::Ndjson if args.json_values || decoded => {
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
