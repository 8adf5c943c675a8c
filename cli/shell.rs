//! `streamline shell`: every command without the `streamline` prefix, parsed by the same clap
//! definitions, over one connection kept for the whole session (see
//! [`ConnectArgs::connect_session`]).
//!
//! On a terminal it is a line editor (rustyline) with persistent history under the user's data
//! directory, hints from that history, and Tab completion of commands, flags, and the topic,
//! group and transactional-id names the connection currently sees. Ctrl-C cancels the running
//! command (a `consume -f`, say) and returns to the prompt; Ctrl-C at the prompt clears the line; Ctrl-D
//! or `exit` leaves. From a pipe or file (`streamline shell < script.txt`) it runs each line,
//! echoing it with its errors, and exits 1 if any command failed; Ctrl-C stops the script.

use std::borrow::Cow;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use clap::{CommandFactory, Parser};
use futures_util::FutureExt;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use tokio::runtime::Runtime;
use tokio::signal::unix::{signal, Signal, SignalKind};

use crate::connect::ConnectArgs;
use crate::style::{paint, DIM, ERROR};
use crate::{run_command, Cli, Command};

#[derive(Debug, clap::Args)]
pub struct ShellArgs {
    #[command(flatten)]
    connect: ConnectArgs,
}

/// Where the history is kept: `$XDG_DATA_HOME/streamline/history` (`~/.local/share/...`).
fn history_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("streamline").join("history"))
}

/// Names the completion offers besides commands and flags, refreshed after every command.
#[derive(Default)]
struct Names {
    topics: Vec<String>,
    groups: Vec<String>,
    transactional_ids: Vec<String>,
}

struct ShellHelper {
    names: Arc<Mutex<Names>>,
    hinter: HistoryHinter,
}

impl ShellHelper {
    /// Candidates for the word being typed, given the words before it.
    fn candidates(&self, before: &[String], word: &str) -> Vec<String> {
        let mut cmd = Cli::command();
        let mut path: Vec<String> = Vec::new();
        // Walk down the subcommands named so far.
        for w in before {
            if w.starts_with('-') {
                continue;
            }
            match cmd.find_subcommand(w) {
                Some(sub) => {
                    path.push(w.clone());
                    cmd = sub.clone();
                }
                None => break,
            }
        }
        let mut out: Vec<String> = Vec::new();
        if word.starts_with('-') {
            for arg in cmd.get_arguments() {
                if let Some(long) = arg.get_long() {
                    out.push(format!("--{long}"));
                }
                if let Some(short) = arg.get_short() {
                    out.push(format!("-{short}"));
                }
            }
        } else {
            out.extend(
                cmd.get_subcommands()
                    .filter(|s| s.get_name() != "help")
                    .map(|s| s.get_name().to_string()),
            );
            if path.is_empty() {
                out.extend(["help", "exit"].map(String::from));
            }
            let names = self.names.lock().unwrap_or_else(|e| e.into_inner());
            let first = path.first().map(String::as_str);
            let positional_done = before.len() > path.len();
            if !positional_done || first == Some("produce") || first == Some("consume") {
                match first {
                    Some("produce" | "consume" | "topics") => out.extend(names.topics.clone()),
                    Some("groups") => out.extend(names.groups.clone()),
                    Some("transactions") => out.extend(names.transactional_ids.clone()),
                    _ => {}
                }
            }
            let previous = before.last().map(String::as_str);
            if matches!(previous, Some("-g" | "--group")) {
                out = names.groups.clone();
            }
            if matches!(previous, Some("--topic")) {
                out = names.topics.clone();
            }
        }
        out.retain(|c| c.starts_with(word));
        out.sort();
        out.dedup();
        out
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = &line[..pos];
        let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let before = shlex::split(&head[..start]).unwrap_or_default();
        let word = &head[start..];
        let pairs = self
            .candidates(&before, word)
            .into_iter()
            .map(|c| Pair {
                display: c.clone(),
                replacement: format!("{c} "),
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for ShellHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(paint(DIM, hint))
    }
}

impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

/// What one line asks for.
enum Line {
    Empty,
    Exit,
    Help,
    Run(Box<Cli>),
    /// A usage error, with clap's message.
    Usage(String),
}

fn parse(line: &str) -> Line {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Line::Empty;
    }
    let Some(mut words) = shlex::split(trimmed) else {
        return Line::Usage("unbalanced quotes".into());
    };
    if words.first().is_some_and(|w| w == "streamline") {
        words.remove(0);
    }
    match words.first().map(String::as_str) {
        Some("exit" | "quit") => return Line::Exit,
        Some("help") if words.len() == 1 => return Line::Help,
        _ => {}
    }
    let args = std::iter::once("streamline".to_string())
        .chain(words)
        .map(std::ffi::OsString::from)
        .collect();
    match Cli::try_parse_from(crate::argv::hoist_leading_options(Cli::command, args)) {
        Ok(cli) => match cli.command {
            Command::Serve(_) => {
                Line::Usage("serve runs until stopped: start it in another terminal".into())
            }
            Command::Shell(_) => Line::Usage("already in the shell".into()),
            _ => Line::Run(Box::new(cli)),
        },
        // --help and --version are not errors: clap's text is the answer.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            Line::Empty
        }
        Err(e) => Line::Usage(e.render().to_string()),
    }
}

/// How one command line ended.
enum Ran {
    Done(anyhow::Result<()>),
    /// Stopped by Ctrl-C: the normal way out of `consume -f`, `top` or a long produce, so not an
    /// error. Dropping the command's future cancels its requests; the client layer drops any
    /// connection left mid-exchange, so the next command finds the session in step.
    Interrupted,
}

impl Ran {
    /// The exit code the command would have had on the command line (130 for Ctrl-C).
    fn exit_code(&self) -> i32 {
        match self {
            Ran::Done(outcome) => i32::from(crate::exit_code(outcome)),
            Ran::Interrupted => 130,
        }
    }
}

/// Records a shell line in the command history (`streamline history`).
fn record(line: &str, exit_code: i32, took: std::time::Duration) {
    let mut words = shlex::split(line.trim()).unwrap_or_default();
    if words.first().is_some_and(|w| w == "streamline") {
        words.remove(0);
    }
    crate::history::record("shell", &words, exit_code, took);
}

/// Runs one parsed command, cancelled by Ctrl-C (SIGINT, listened to for the whole session so
/// that none is missed between commands, and drained first so an old one cancels nothing).
fn execute(runtime: &Runtime, cli: Cli, interrupts: &mut Signal) -> Ran {
    crate::style::apply(cli.color_when());
    while interrupts.recv().now_or_never().flatten().is_some() {}
    runtime.block_on(async {
        tokio::select! {
            result = run_command(cli.command) => Ran::Done(result),
            _ = interrupts.recv() => {
                // End the line the interrupted output (or the terminal's ^C) left open.
                eprintln!();
                Ran::Interrupted
            }
        }
    })
}

fn refresh_names(runtime: &Runtime, client: &streamline::client::Client, names: &Mutex<Names>) {
    let (topics, groups, transactional_ids) = runtime.block_on(async {
        let topics = client
            .all_partitions()
            .await
            .map(|t| t.into_iter().map(|(name, _)| name).collect())
            .unwrap_or_default();
        let groups = client
            .list_groups()
            .await
            .map(|g| g.into_iter().map(|g| g.group_id).collect())
            .unwrap_or_default();
        let transactional_ids = client
            .list_transactions()
            .await
            .map(|t| t.into_iter().map(|t| t.transactional_id).collect())
            .unwrap_or_default();
        (topics, groups, transactional_ids)
    });
    *names.lock().unwrap_or_else(|e| e.into_inner()) = Names {
        topics,
        groups,
        transactional_ids,
    };
}

fn report_error(e: &anyhow::Error) {
    anstream::eprintln!("{} {e:#}", paint(ERROR, "error:"));
}

pub fn run(args: ShellArgs, runtime: &Runtime) -> anyhow::Result<()> {
    let client = runtime.block_on(args.connect.connect_session())?;
    let mut interrupts = runtime
        .block_on(async { signal(SignalKind::interrupt()) })
        .context("cannot listen for Ctrl-C")?;
    let result = if std::io::stdin().is_terminal() {
        interactive(runtime, &client, &mut interrupts)
    } else {
        scripted(runtime, &mut interrupts)
    };
    ConnectArgs::end_session();
    drop(client);
    result
}

fn scripted(runtime: &Runtime, interrupts: &mut Signal) -> anyhow::Result<()> {
    let mut failures = 0usize;
    // A script's lines are history only where the command line's are (as in bash, which
    // records interactive sessions only).
    let recording = crate::history::cli_enabled();
    let record = |line: &str, exit_code: i32, took: std::time::Duration| {
        if recording {
            record(line, exit_code, took);
        }
    };
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line.context("reading the script")?;
        let echo = || {
            anstream::eprintln!(
                "{} {}",
                paint(DIM, &format!("line {}:", n + 1)),
                line.trim()
            );
        };
        match parse(&line) {
            Line::Empty | Line::Help => {}
            Line::Exit => break,
            Line::Usage(message) => {
                failures += 1;
                echo();
                eprint!("{message}");
                record(&line, 2, std::time::Duration::ZERO);
            }
            Line::Run(cli) => {
                let started = std::time::Instant::now();
                let ran = execute(runtime, *cli, interrupts);
                record(&line, ran.exit_code(), started.elapsed());
                match ran {
                    Ran::Done(Ok(())) => {}
                    Ran::Done(Err(e)) => {
                        failures += 1;
                        echo();
                        report_error(&e);
                    }
                    // Ctrl-C stops a script, as it would a shell script.
                    Ran::Interrupted => anyhow::bail!("interrupted at line {}", n + 1),
                }
            }
        }
    }
    if failures > 0 {
        anyhow::bail!("{failures} command(s) failed");
    }
    Ok(())
}

fn interactive(
    runtime: &Runtime,
    client: &streamline::client::Client,
    interrupts: &mut Signal,
) -> anyhow::Result<()> {
    let names = Arc::new(Mutex::new(Names::default()));
    refresh_names(runtime, client, &names);
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::new()?;
    editor.set_helper(Some(ShellHelper {
        names: names.clone(),
        hinter: HistoryHinter::new(),
    }));
    let history = history_path();
    if let Some(path) = &history {
        // A missing history is a first session, not an error.
        let _ = editor.load_history(path);
    }
    println!(
        "streamline {} shell — commands without the `streamline` prefix; Tab completes, `help` lists them, Ctrl-D leaves.",
        env!("CARGO_PKG_VERSION")
    );
    loop {
        let line = match editor.readline("streamline> ") {
            Ok(line) => line,
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(rustyline::error::ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        };
        if !line.trim().is_empty() {
            // Recalled with the arrow keys, never with its secrets.
            let recallable = shlex::split(&line)
                .map_or_else(|| line.clone(), |words| crate::history::redact(&words));
            let _ = editor.add_history_entry(recallable.as_str());
            if let Some(path) = &history {
                if let Some(dir) = path.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                if let Err(e) = editor.save_history(path) {
                    report_error(&anyhow::anyhow!(
                        "cannot save the history to {}: {e}",
                        path.display()
                    ));
                }
            }
        }
        match parse(&line) {
            Line::Empty => {}
            Line::Exit => break,
            Line::Help => {
                let _ = Cli::command().print_help();
                println!("\nAlso: help, exit (or Ctrl-D). Ctrl-C stops a running command.");
            }
            Line::Usage(message) => {
                eprint!("{message}");
                record(&line, 2, std::time::Duration::ZERO);
            }
            Line::Run(cli) => {
                let started = std::time::Instant::now();
                let ran = execute(runtime, *cli, interrupts);
                record(&line, ran.exit_code(), started.elapsed());
                if let Ran::Done(Err(e)) = ran {
                    report_error(&e);
                }
                refresh_names(runtime, client, &names);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper(topics: &[&str], groups: &[&str]) -> ShellHelper {
        ShellHelper {
            names: Arc::new(Mutex::new(Names {
                topics: topics.iter().map(|s| s.to_string()).collect(),
                groups: groups.iter().map(|s| s.to_string()).collect(),
                transactional_ids: vec!["payments-tx".to_string()],
            })),
            hinter: HistoryHinter::new(),
        }
    }

    fn words(s: &str) -> Vec<String> {
        shlex::split(s).unwrap_or_default()
    }

    #[test]
    fn completes_commands_flags_topics_and_groups() {
        let h = helper(&["orders", "other", "logs"], &["billing"]);
        assert_eq!(h.candidates(&[], "con"), ["consume"]);
        assert_eq!(h.candidates(&words("topics"), "de"), ["delete", "describe"]);
        assert_eq!(h.candidates(&words("consume"), "o"), ["orders", "other"]);
        assert_eq!(h.candidates(&words("topics describe"), "l"), ["logs"]);
        assert_eq!(h.candidates(&words("consume orders -g"), ""), ["billing"]);
        assert_eq!(h.candidates(&words("groups describe"), "b"), ["billing"]);
        assert_eq!(
            h.candidates(&words("transactions describe"), "pay"),
            ["payments-tx"]
        );
        assert!(h
            .candidates(&words("consume orders"), "--fr")
            .contains(&"--from-beginning".to_string()));
    }

    #[test]
    fn lines_parse_like_the_command_line() {
        assert!(matches!(parse("  "), Line::Empty));
        assert!(matches!(parse("# a comment"), Line::Empty));
        assert!(matches!(parse("exit"), Line::Exit));
        assert!(matches!(parse("help"), Line::Help));
        assert!(matches!(parse("topics list"), Line::Run(_)));
        assert!(matches!(parse("streamline topics list"), Line::Run(_)));
        assert!(matches!(parse("produce t -m 'two words'"), Line::Run(_)));
        assert!(matches!(parse("serve"), Line::Usage(_)));
        assert!(matches!(parse("topics frobnicate"), Line::Usage(_)));
        assert!(matches!(parse("consume 'unclosed"), Line::Usage(_)));
    }
}
