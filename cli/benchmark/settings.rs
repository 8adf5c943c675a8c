//! The settings of a benchmark run: named scenarios (`--scenario`, `--list-scenarios`) and
//! the flags given explicitly, merged and checked.

use anyhow::{bail, Context};
use serde::Serialize;

use super::{BenchmarkArgs, Mode};
use crate::produce::Codec;
use crate::timespec::parse_duration;

/// A named set of defaults.
pub(super) struct Scenario {
    pub(super) name: &'static str,
    pub(super) about: &'static str,
    pub(super) mode: Mode,
    pub(super) messages: u64,
    pub(super) size: usize,
    pub(super) partitions: i32,
    pub(super) acks: &'static str,
    pub(super) producers: usize,
    pub(super) rate: Option<f64>,
}

pub(super) const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "quick",
        about: "a first look: 10,000 records of 100 B, acks=all",
        mode: Mode::Produce,
        messages: 10_000,
        size: 100,
        partitions: 1,
        acks: "all",
        producers: 1,
        rate: None,
    },
    Scenario {
        name: "throughput",
        about: "1,000,000 records of 100 B over 4 partitions from 2 producers, acks=1",
        mode: Mode::Produce,
        messages: 1_000_000,
        size: 100,
        partitions: 4,
        acks: "1",
        producers: 2,
        rate: None,
    },
    Scenario {
        name: "durable",
        about: "200,000 records of 1 KiB, acks=all: what fsync costs",
        mode: Mode::Produce,
        messages: 200_000,
        size: 1024,
        partitions: 1,
        acks: "all",
        producers: 1,
        rate: None,
    },
    Scenario {
        name: "large",
        about: "2,000 records of 100 KiB, acks=all",
        mode: Mode::Produce,
        messages: 2_000,
        size: 100 * 1024,
        partitions: 1,
        acks: "all",
        producers: 1,
        rate: None,
    },
    Scenario {
        name: "latency",
        about: "end to end at 1,000 records/s for 10,000 records of 100 B",
        mode: Mode::EndToEnd,
        messages: 10_000,
        size: 100,
        partitions: 1,
        acks: "1",
        producers: 1,
        rate: Some(1000.0),
    },
];

/// The settings of one run, scenario and flags merged.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Settings {
    pub(super) mode: Mode,
    pub(super) topic: String,
    pub(super) messages: Option<u64>,
    pub(super) duration_ms: Option<u64>,
    pub(super) size: usize,
    pub(super) partitions: i32,
    pub(super) acks: i16,
    #[serde(serialize_with = "codec_name")]
    pub(super) compression: Codec,
    pub(super) producers: usize,
    pub(super) consumers: usize,
    pub(super) rate: Option<f64>,
}

/// A codec as `--compression` names it.
pub(super) fn codec_name<S: serde::Serializer>(
    codec: &Codec,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use clap::ValueEnum;
    let name = codec
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string());
    serializer.serialize_str(&name)
}

pub(super) fn settings(args: &BenchmarkArgs) -> anyhow::Result<Settings> {
    let scenario = match &args.scenario {
        None => None,
        Some(name) => Some(
            SCENARIOS
                .iter()
                .find(|s| s.name == name)
                .with_context(|| format!("no scenario '{name}' (see --list-scenarios)"))?,
        ),
    };
    let mode = match scenario {
        // A scenario's mode applies unless another one is named (produce is the default).
        Some(s) if args.mode == Mode::Produce => s.mode,
        _ => args.mode,
    };
    let duration = args.duration.as_deref().map(parse_duration).transpose()?;
    let acks = args
        .acks
        .as_deref()
        .or(scenario.map(|s| s.acks))
        .unwrap_or("all");
    let settings = Settings {
        mode,
        topic: args.topic.clone(),
        messages: match duration {
            Some(_) => args.messages,
            None => Some(
                args.messages
                    .or(scenario.map(|s| s.messages))
                    .unwrap_or(100_000),
            ),
        },
        duration_ms: duration.map(|d| d.as_millis() as u64),
        size: args.size.or(scenario.map(|s| s.size)).unwrap_or(100),
        partitions: args
            .partitions
            .or(scenario.map(|s| s.partitions))
            .unwrap_or(1),
        acks: match acks {
            "0" => 0,
            "1" => 1,
            _ => -1,
        },
        compression: args.compression.unwrap_or(Codec::None),
        producers: args
            .producers
            .or(scenario.map(|s| s.producers))
            .unwrap_or(1),
        consumers: args.consumers.unwrap_or(1),
        rate: args.rate.or(scenario.and_then(|s| s.rate)).or(match mode {
            Mode::EndToEnd => Some(1000.0),
            _ => None,
        }),
    };
    // Flags that mean nothing in this mode are refused rather than silently ignored.
    let irrelevant: &[(&str, bool)] = match mode {
        Mode::Produce => &[("--consumers", args.consumers.is_some())],
        Mode::Consume => &[
            ("--producers", args.producers.is_some()),
            ("--acks", args.acks.is_some()),
            ("--compression", args.compression.is_some()),
            ("--size", args.size.is_some()),
            ("--rate", args.rate.is_some()),
        ],
        Mode::EndToEnd => &[
            ("--producers", args.producers.is_some()),
            ("--consumers", args.consumers.is_some()),
        ],
    };
    if let Some((flag, _)) = irrelevant.iter().find(|(_, given)| *given) {
        bail!(
            "{flag} does not apply to a {} run",
            match mode {
                Mode::Produce => "produce",
                Mode::Consume => "consume",
                Mode::EndToEnd => "end-to-end (one producer, one consumer)",
            }
        );
    }
    if settings.messages == Some(0) {
        bail!("--messages must be at least 1");
    }
    if settings.size < 8 {
        bail!("--size must be at least 8 bytes (end-to-end stamps each value)");
    }
    if settings.producers == 0 || settings.consumers == 0 || settings.partitions < 1 {
        bail!("--producers, --consumers and --partitions must be at least 1");
    }
    if settings.rate.is_some_and(|r| !(r.is_finite() && r > 0.0)) {
        bail!("--rate must be a positive number of records per second");
    }
    Ok(settings)
}
