//! The `streamline` executable: parses the command line, runs one command and turns its
//! outcome into an exit code — 0 on success, 1 on a runtime failure (after printing
//! `error: …` with the cause chain), 2 on a usage error (clap's own). Output cut short by a
//! closed pipe (`streamline … | head`) is not a failure and exits 0 quietly.

/// Large allocations are mapped lazily so that a hostile frame's claimed element count cannot
/// abort the process (see the library's `alloc` module). Chosen here, in the executable: a
/// library must leave the global allocator to the program that embeds it.
#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: streamline::alloc::LazyLargeAlloc = streamline::alloc::LazyLargeAlloc;

mod acls;
mod argv;
mod benchmark;
mod completions;
mod connect;
mod consume;
mod doctor;
mod doctor_security;
mod expect;
mod filter;
mod groups;
mod health;
mod history;
mod info;
mod json_values;
mod jsonl;
mod kcat_format;
mod kcat_input;
mod migrate;
mod output;
mod playground;
mod playground_avro;
mod playground_secure;
mod produce;
mod produce_schema;
mod profile;
mod quickstart;
mod registry;
mod schemas;
mod security;
mod serve;
mod shell;
mod signal;
mod style;
mod template;
mod timespec;
mod top;
mod topics;
mod transactions;
mod transfer;
mod usage;
mod users;
mod wait;
mod watch;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// A Kafka-compatible broker and streaming toolbox in one binary.
#[derive(Debug, Parser)]
#[command(name = "streamline", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// When to use colour in human-readable output
    #[arg(
        long,
        value_enum,
        default_value = "auto",
        global = true,
        help_heading = "Global options"
    )]
    color: style::ColorWhen,

    /// No colour: the same as --color never
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        conflicts_with = "color"
    )]
    no_color: bool,

    /// Write the command's output to FILE instead of standard output (replacing FILE)
    #[arg(
        long,
        value_name = "FILE",
        global = true,
        help_heading = "Global options"
    )]
    output: Option<std::path::PathBuf>,
}

impl Cli {
    /// The colour choice of --color and --no-color.
    fn color_when(&self) -> style::ColorWhen {
        if self.no_color {
            style::ColorWhen::Never
        } else {
            self.color
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the Kafka-compatible broker
    Serve(Box<serve::ServeArgs>),
    /// Send messages: from -m, a file, standard input or a template
    Produce(Box<produce::ProduceArgs>),
    /// Read records: from any offset or time, as text, JSON or raw bytes
    Consume(Box<consume::ConsumeArgs>),
    /// List, create, describe, alter and delete topics
    Topics(topics::TopicsArgs),
    /// List, describe (members, lag), reset and delete consumer groups
    Groups(groups::GroupsArgs),
    /// List transactional ids and describe one (producer, state, open partitions)
    Transactions(transactions::TransactionsArgs),
    /// List, create, delete SASL/SCRAM users and change their passwords
    Users(users::UsersArgs),
    /// List, create and delete ACLs
    Acls(acls::AclsArgs),
    /// List, show, register, check and delete registry schemas; compatibility levels
    Schemas(schemas::SchemasArgs),
    /// Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)
    Top(Box<top::TopArgs>),
    /// Check data directory, limits, broker, APIs and clock; --deep reads every batch
    Doctor(Box<doctor::DoctorArgs>),
    /// Version, build and features, and what the data directory or cluster holds
    Info(Box<info::InfoArgs>),
    /// Measure produce, consume or end-to-end throughput and latency
    Benchmark(Box<benchmark::BenchmarkArgs>),
    /// Copy topics and consumer group offsets from another Kafka-compatible cluster
    Migrate(migrate::MigrateArgs),
    /// Interactive shell: every command without the `streamline` prefix, one connection
    Shell(Box<shell::ShellArgs>),
    /// Save, list and remove connection profiles (used with -P NAME)
    Profile(profile::ProfileArgs),
    /// First set-up: local or remote, a checked connection, a profile, a demo topic
    Quickstart(Box<quickstart::QuickstartArgs>),
    /// Wait until a broker answers (and a topic is ready): for scripts and CI
    Wait(Box<wait::WaitArgs>),
    /// Commands run in the shell (and, after `history enable`, on the command line)
    History(history::HistoryArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(completions::CompletionsArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(argv::hoist_leading_options(
        Cli::command,
        std::env::args_os().collect(),
    )) {
        Ok(cli) => cli,
        Err(e) => {
            // A usage error is history too (--help and --version are not).
            if e.use_stderr() && history::cli_enabled() {
                let words: Vec<String> = std::env::args_os()
                    .skip(1)
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect();
                if words.first().is_none_or(|w| w != "history") {
                    history::record("cli", &words, e.exit_code(), std::time::Duration::ZERO);
                }
            }
            e.exit()
        }
    };
    if let Some(path) = &cli.output {
        if let Err(e) = output::redirect_stdout(path) {
            anstream::eprintln!("{} {e:#}", style::paint(style::ERROR, "error:"));
            return ExitCode::FAILURE;
        }
    }
    style::apply(cli.color_when());
    // Recorded once it ran, when the user asked for command-line history.
    let recorded = (!matches!(cli.command, Command::History(_) | Command::Shell(_))
        && history::cli_enabled())
    .then(|| {
        (
            std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<String>>(),
            std::time::Instant::now(),
        )
    });
    let outcome = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("streamline")
        .build()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| match cli.command {
            Command::Shell(args) => shell::run(*args, &runtime),
            command => runtime.block_on(run_command(command)),
        });
    let code = exit_code(&outcome);
    if let Err(e) = &outcome {
        if code != 0 {
            anstream::eprintln!("{} {e:#}", style::paint(style::ERROR, "error:"));
        }
    }
    if let Some((words, started)) = recorded {
        history::record("cli", &words, i32::from(code), started.elapsed());
    }
    ExitCode::from(code)
}

/// The exit code of a command's outcome: 0, 1 for a failure, 2 for a usage error.
fn exit_code(outcome: &anyhow::Result<()>) -> u8 {
    match outcome {
        Ok(()) => 0,
        Err(e) if is_broken_pipe(e) => 0,
        Err(e) if usage::is_usage(e) => 2,
        Err(_) => 1,
    }
}

/// Runs one command to completion (the shell runs each of its lines through this too).
async fn run_command(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve::run(*args).await,
        Command::Produce(args) => produce::run(*args).await,
        Command::Consume(args) => consume::run(*args).await,
        Command::Topics(args) => topics::run(args).await,
        Command::Groups(args) => groups::run(args).await,
        Command::Users(args) => users::run(args).await,
        Command::Acls(args) => acls::run(args).await,
        Command::Schemas(args) => schemas::run(args).await,
        Command::Transactions(args) => transactions::run(args).await,
        Command::Top(args) => top::run(*args).await,
        Command::Doctor(args) => doctor::run(*args).await,
        Command::Info(args) => info::run(*args).await,
        Command::Benchmark(args) => benchmark::run(*args).await,
        Command::Migrate(args) => migrate::run(args).await,
        Command::Shell(_) => anyhow::bail!("already in the shell"),
        Command::Profile(args) => profile::run(args),
        Command::Quickstart(args) => quickstart::run(*args).await,
        Command::Wait(args) => wait::run(*args).await,
        Command::History(args) => history::run(args),
        Command::Completions(args) => completions::run(args),
    }
}

/// Whether `error` comes from writing to a pipe whose reader has gone away.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind);
        // serde_json wraps the writer's error without exposing it as a source.
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}
