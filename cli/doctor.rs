//! `streamline doctor`: checks the setup and says what to do about each problem. Every check
//! ends PASS, WARN or FAIL with a hint; the exit code is 1 when any check fails.
//!
//! In-process (no `-b`): the config file, the data directory (exists, writable, free space,
//! who holds its lock), the open-file limit, the listen address (free, or the server on the
//! data directory reachable and the APIs it offers), the clock, and with `--deep` every batch
//! CRC and index of the data directory; the security setup (`doctor_security.rs`). With `-b`:
//! the config file, the cluster reachable, the APIs it offers, how the connection is secured,
//! and the clock against the cluster's newest records.

use std::io::Write;
use std::path::{Path, PathBuf};

use kafka_protocol::messages::{ApiKey, ApiVersionsRequest};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;
use streamline::client::Client;
use streamline::config::{ConfigLayer, ServerConfig};
use streamline::storage::verify::verify_data_dir;

use crate::connect::ConnectArgs;
use crate::output::{human_bytes, write_json, Format};
use crate::style::{paint, DIM, ERROR, HEADING, WARNING};

#[derive(Debug, clap::Args)]
pub struct DoctorArgs {
    #[command(flatten)]
    connect: ConnectArgs,

    /// Server config file to validate (and to take the listen address and data directory from)
    #[arg(short = 'c', long, env = "STREAMLINE_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,

    /// Also read every segment of the data directory: batch CRCs, offsets and indexes
    #[arg(long)]
    deep: bool,

    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
enum Status {
    Pass,
    Warn,
    Fail,
}

#[derive(Debug, Serialize)]
pub struct Check {
    name: &'static str,
    status: Status,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
}

pub fn pass(name: &'static str, detail: impl Into<String>) -> Check {
    Check {
        name,
        status: Status::Pass,
        detail: detail.into(),
        hint: None,
    }
}

pub fn warn(name: &'static str, detail: impl Into<String>, hint: impl Into<String>) -> Check {
    Check {
        name,
        status: Status::Warn,
        detail: detail.into(),
        hint: Some(hint.into()),
    }
}

pub fn fail(name: &'static str, detail: impl Into<String>, hint: impl Into<String>) -> Check {
    Check {
        name,
        status: Status::Fail,
        detail: detail.into(),
        hint: Some(hint.into()),
    }
}

/// APIs without which the toolbox cannot work at all.
const ESSENTIAL: &[ApiKey] = &[
    ApiKey::ApiVersions,
    ApiKey::Metadata,
    ApiKey::Produce,
    ApiKey::Fetch,
    ApiKey::ListOffsets,
];

/// APIs some commands use, with what is lost without them.
const USEFUL: &[(ApiKey, &str)] = &[
    (ApiKey::CreateTopics, "topics create"),
    (ApiKey::DeleteTopics, "topics delete"),
    (ApiKey::CreatePartitions, "topics alter --partitions"),
    (ApiKey::DescribeConfigs, "topics describe configs"),
    (ApiKey::IncrementalAlterConfigs, "topics alter --config"),
    (ApiKey::DescribeLogDirs, "sizes in topics describe and top"),
    (ApiKey::FindCoordinator, "consumer groups"),
    (ApiKey::JoinGroup, "consume -g"),
    (ApiKey::SyncGroup, "consume -g"),
    (ApiKey::Heartbeat, "consume -g"),
    (ApiKey::LeaveGroup, "consume -g"),
    (ApiKey::OffsetCommit, "consume -g, groups reset"),
    (ApiKey::OffsetFetch, "groups describe, consume -g"),
    (ApiKey::ListGroups, "groups list"),
    (ApiKey::DescribeGroups, "groups describe"),
    (ApiKey::DeleteGroups, "groups delete"),
];

async fn check_apis(client: &Client) -> Check {
    let req = ApiVersionsRequest::default()
        .with_client_software_name(StrBytes::from_static_str("streamline-doctor"))
        .with_client_software_version(StrBytes::from_static_str(env!("CARGO_PKG_VERSION")));
    let response = match client.send(&req, Some(3)).await {
        Ok(r) => r,
        Err(e) => {
            return fail(
                "APIs",
                format!("ApiVersions failed: {e}"),
                "the broker does not speak the Kafka protocol as expected; check the address",
            )
        }
    };
    let offered: Vec<i16> = response.api_keys.iter().map(|k| k.api_key).collect();
    let missing_essential: Vec<String> = ESSENTIAL
        .iter()
        .filter(|k| !offered.contains(&(**k as i16)))
        .map(|k| format!("{k:?}"))
        .collect();
    if !missing_essential.is_empty() {
        return fail(
            "APIs",
            format!("missing: {}", missing_essential.join(", ")),
            "this broker cannot serve produce and consume; use a Kafka-compatible broker",
        );
    }
    let missing: Vec<String> = USEFUL
        .iter()
        .filter(|(k, _)| !offered.contains(&(*k as i16)))
        .map(|(k, lost)| format!("{k:?} ({lost})"))
        .collect();
    if missing.is_empty() {
        pass(
            "APIs",
            format!(
                "{} APIs offered; everything the toolbox uses is there",
                offered.len()
            ),
        )
    } else {
        warn(
            "APIs",
            format!("missing: {}", missing.join(", ")),
            "those commands will fail against this broker",
        )
    }
}

fn check_config(path: Option<&Path>) -> (Check, ServerConfig) {
    let Some(path) = path else {
        return (
            pass("config file", "none given (-c); defaults apply"),
            ServerConfig::default(),
        );
    };
    match ServerConfig::load(ConfigLayer::default(), Some(path)) {
        Ok(config) => (pass("config file", format!("{} is valid", path.display())), config),
        Err(e) => (
            fail(
                "config file",
                format!("{}: {e}", path.display()),
                "fix the key named above; `streamline serve --generate-config` prints every key with its default",
            ),
            ServerConfig::default(),
        ),
    }
}

fn check_data_dir(dir: &Path) -> Vec<Check> {
    let mut checks = Vec::new();
    if !dir.is_dir() {
        checks.push(warn(
            "data directory",
            format!("{} does not exist yet", dir.display()),
            "it is created on first use (streamline serve, or any command that writes)",
        ));
        return checks;
    }
    let topics = std::fs::read_dir(dir.join("topics"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .count()
        })
        .unwrap_or(0);
    checks.push(pass(
        "data directory",
        format!("{} ({topics} topics)", dir.display()),
    ));
    let probe = dir.join(format!(".doctor-{}", std::process::id()));
    match std::fs::write(&probe, b"probe").and_then(|()| std::fs::remove_file(&probe)) {
        Ok(()) => checks.push(pass("writable", "files can be created and removed")),
        Err(e) => checks.push(fail(
            "writable",
            format!("cannot write in {}: {e}", dir.display()),
            "give this user write access (chown/chmod), or choose another --data-dir",
        )),
    }
    checks.push(check_free_space(dir));
    checks
}

fn check_free_space(dir: &Path) -> Check {
    const GIB: u64 = 1 << 30;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()) else {
        return warn("free space", "the path cannot be checked", "");
    };
    // SAFETY: statvfs with a NUL-terminated path and a zeroed out-struct it fills.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(path.as_ptr(), &mut stat) } != 0 {
        return warn(
            "free space",
            format!("cannot tell: {}", std::io::Error::last_os_error()),
            "check the file system with df",
        );
    }
    #[allow(clippy::useless_conversion)] // the field types differ between platforms
    let free = u64::from(stat.f_bavail).saturating_mul(stat.f_frsize as u64);
    let shown = human_bytes(i64::try_from(free).unwrap_or(i64::MAX));
    if free < GIB / 10 {
        fail(
            "free space",
            format!("{shown} free"),
            "writes will fail with the disk full: free space, lower retention, or move --data-dir",
        )
    } else if free < GIB {
        warn(
            "free space",
            format!("{shown} free"),
            "less than 1 GiB: free space or lower retention (retention.ms, retention.bytes)",
        )
    } else {
        pass("free space", format!("{shown} free"))
    }
}

/// Descriptors kept for client sockets and the broker's own files beyond the partitions'.
const FD_HEADROOM: u64 = 256;

/// The partitions under `dir/topics`: each has an active segment file serve keeps open while
/// the open-file budget allows.
fn partition_count(dir: &Path) -> u64 {
    let Ok(topics) = std::fs::read_dir(dir.join("topics")) else {
        return 0;
    };
    topics
        .flatten()
        .filter_map(|t| std::fs::read_dir(t.path()).ok())
        .flat_map(|entries| entries.flatten())
        .filter(|e| e.file_name().to_string_lossy().starts_with("partition-"))
        .count() as u64
}

fn check_open_files(dir: &Path) -> Check {
    let Some(soft) = streamline::storage::descriptors::soft_limit() else {
        return pass("open-file limit", "unlimited");
    };
    let partitions = partition_count(dir);
    // serve keeps at most half the limit in segment files and refuses to start below
    // MIN_OPEN_FILES (see storage::descriptors and server::check_open_file_limit).
    let budget = soft / 2;
    let comfortable = (partitions * 2 + FD_HEADROOM).max(1024);
    if soft < 64 {
        fail(
            "open-file limit",
            format!("{soft} is too low: serve refuses to start below 64"),
            format!("raise it before starting serve, e.g. ulimit -n {comfortable}"),
        )
    } else if budget < partitions {
        warn(
            "open-file limit",
            format!(
                "{soft} keeps {budget} of {partitions} partitions' segment files open: serve works, reopening idle partitions' files as they are used"
            ),
            format!("for speed with this many partitions, ulimit -n {comfortable}"),
        )
    } else {
        pass(
            "open-file limit",
            format!("{soft} (every one of {partitions} partitions' segment files stays open)"),
        )
    }
}

async fn check_listen(config: &ServerConfig, dir: &Path, checks: &mut Vec<Check>) {
    match streamline::lock::read_holder(dir) {
        None => checks.push(pass("lock holder", "none: the data directory is free")),
        Some(holder) => match holder.serving_addr {
            Some(addr) => {
                checks.push(pass(
                    "lock holder",
                    format!("streamline serve (pid {}) serving on {addr}", holder.pid),
                ));
                match Client::remote(&addr.to_string()).await {
                    Ok(client) => {
                        checks.push(pass("broker", format!("{addr} answers")));
                        checks.push(check_apis(&client).await);
                    }
                    Err(e) => checks.push(fail(
                        "broker",
                        format!("{addr} does not answer: {e}"),
                        "the server holding the data directory is stuck or gone; stop it, then start serve again",
                    )),
                }
                return;
            }
            None => checks.push(warn(
                "lock holder",
                format!("pid {} holds it (not serving)", holder.pid),
                "another streamline command is using it; wait for it to finish",
            )),
        },
    }
    match std::net::TcpListener::bind(config.listen_addr) {
        Ok(_) => checks.push(pass(
            "listen address",
            format!("{} is free for streamline serve", config.listen_addr),
        )),
        Err(e) => checks.push(warn(
            "listen address",
            format!("{} cannot be bound: {e}", config.listen_addr),
            "another program uses the port: stop it or start serve with --listen-addr",
        )),
    }
}

/// The newest modification time under `dir`, in ms since the epoch.
fn newest_mtime_ms(dir: &Path) -> Option<i64> {
    let mut newest = None;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(ms) = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_millis() as i64)
            {
                newest = newest.max(Some(ms));
            }
        }
    }
    newest
}

fn check_clock(dir: Option<&Path>) -> Check {
    let now = chrono::Utc::now().timestamp_millis();
    // 2024-01-01: a clock before it has not been set.
    if now < 1_704_067_200_000 {
        return fail(
            "clock",
            format!("the system time is {}", chrono::Utc::now().to_rfc3339()),
            "set the clock (NTP): record timestamps, retention and --at all depend on it",
        );
    }
    if let Some(newest) = dir.and_then(newest_mtime_ms) {
        if newest > now + 60_000 {
            return warn(
                "clock",
                format!(
                    "files in the data directory are {}s in the future",
                    (newest - now) / 1000
                ),
                "the clock went back: time-based retention and --at may misbehave until it catches up",
            );
        }
    }
    pass(
        "clock",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )
}

fn check_deep(dir: &Path) -> Check {
    match verify_data_dir(dir) {
        Err(e) => fail("segments", format!("cannot read: {e}"), "check permissions"),
        Ok(report) if report.damage.is_empty() => pass(
            "segments",
            format!(
                "{} partitions, {} segments, {} batches ({}) verified",
                report.partitions,
                report.segments,
                report.batches,
                human_bytes(i64::try_from(report.bytes).unwrap_or(i64::MAX))
            ),
        ),
        Ok(report) => fail(
            "segments",
            report
                .damage
                .iter()
                .map(|d| {
                    let offset = d.offset.map_or(String::new(), |o| format!(", offset {o}"));
                    format!("{} at byte {}{offset}: {}", d.file.display(), d.position, d.reason)
                })
                .collect::<Vec<_>>()
                .join("\n"),
            "a damaged tail of the newest segment is cut off at the next start; damage in an older segment means the file changed on disk: restore it from a backup or delete the topic",
        ),
    }
}

pub async fn run(args: DoctorArgs) -> anyhow::Result<()> {
    let (config_check, config) = check_config(args.config.as_deref());
    let mut checks = vec![config_check];
    let (bootstrap, data_dir) = args.connect.resolve()?;
    let data_dir = data_dir.unwrap_or_else(|| config.data_dir.clone());
    match &bootstrap {
        Some(bootstrap) => match args.connect.remote(bootstrap).await {
            Ok(client) => {
                let brokers = client
                    .metadata(None)
                    .await
                    .map(|m| m.brokers.len())
                    .unwrap_or(0);
                checks.push(pass(
                    "broker",
                    format!("{bootstrap} answers ({brokers} brokers)"),
                ));
                checks.push(check_apis(&client).await);
                checks.push(crate::doctor_security::check_connection(
                    &args.connect.security_settings()?,
                ));
                checks.push(check_clock(None));
            }
            Err(e) => checks.push(fail(
                "broker",
                format!("{e}"),
                "check the address and that the broker runs (and listens on that interface)",
            )),
        },
        None => {
            checks.extend(check_data_dir(&data_dir));
            checks.push(check_open_files(&data_dir));
            check_listen(&config, &data_dir, &mut checks).await;
            checks.extend(crate::doctor_security::check_broker(&config, &data_dir));
            checks.push(check_clock(Some(&data_dir)));
            if args.deep {
                checks.push(check_deep(&data_dir));
            }
        }
    }
    let failed = checks.iter().any(|c| c.status == Status::Fail);
    let mut out = anstream::stdout().lock();
    match args.format {
        Format::Json => write_json(
            &mut out,
            &serde_json::json!({ "ok": !failed, "checks": checks }),
        )?,
        Format::Text => {
            for c in &checks {
                let status = match c.status {
                    Status::Pass => paint(HEADING, "PASS"),
                    Status::Warn => paint(WARNING, "WARN"),
                    Status::Fail => paint(ERROR, "FAIL"),
                };
                let mut lines = c.detail.lines();
                writeln!(
                    out,
                    "{status}  {:<16} {}",
                    c.name,
                    lines.next().unwrap_or("")
                )?;
                for line in lines {
                    writeln!(out, "      {:<16} {line}", "")?;
                }
                if let Some(hint) = c.hint.as_deref().filter(|h| !h.is_empty()) {
                    writeln!(out, "      {:<16} {}", "", paint(DIM, &format!("→ {hint}")))?;
                }
            }
        }
    }
    out.flush()?;
    if failed {
        anyhow::bail!("some checks failed (see above)");
    }
    Ok(())
}
