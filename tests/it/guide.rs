//! Runs the examples of docs/GUIDE.md so the guide cannot rot.
//!
//! Every ```` ```console ```` block is a session: lines starting with `$ ` are commands (a
//! trailing `\` continues one), run in order by bash in one scratch directory with the built
//! `streamline` first on PATH, in-process against `./data`; the lines after a command are its
//! expected output (stdout and stderr together). In expected output a line `...` stands for
//! any number of lines and `[..]` for any text within a line; a line `? N` expects exit code N
//! instead of 0. ```` ```sh ```` blocks are not run: they hold commands that run until stopped
//! (`serve`, `consume -f`) or need a cluster. `GUIDE_TRACE=1` prints what every command printed,
//! for writing new examples.

use std::path::Path;
use std::process::Command;

struct Step {
    line: usize,
    command: String,
    expected: Vec<String>,
    status: i32,
}

/// The commands of every console block, with their expected output.
fn sessions(markdown: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_console = false;
    let mut continuing = false;
    for (n, line) in markdown.lines().enumerate() {
        if line.starts_with("```") {
            in_console = !in_console && line.trim() == "```console";
            continuing = false;
            continue;
        }
        if !in_console {
            continue;
        }
        if continuing {
            let step = steps.last_mut().expect("a command to continue");
            step.command.push('\n');
            step.command
                .push_str(line.strip_prefix("> ").unwrap_or(line));
            continuing = line.ends_with('\\');
        } else if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                line: n + 1,
                command: command.to_string(),
                expected: Vec::new(),
                status: 0,
            });
            continuing = command.ends_with('\\');
        } else {
            let step = steps.last_mut().expect("output follows a command");
            match line.strip_prefix("? ") {
                Some(code) => step.status = code.parse().expect("an exit code after '? '"),
                None => step.expected.push(line.to_string()),
            }
        }
    }
    steps
}

/// Whether `actual` matches the pattern line `expected`, where `[..]` matches any text.
fn line_matches(expected: &str, actual: &str) -> bool {
    let mut parts = expected.split("[..]");
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Whether the output lines match the expected lines, where a `...` line matches any number.
fn lines_match(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, tail)| line_matches(first, line) && lines_match(rest, tail)),
    }
}

#[test]
fn every_console_example_in_the_guide_runs_as_shown() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/GUIDE.md");
    let markdown = std::fs::read_to_string(&guide).expect("docs/GUIDE.md");
    let steps = sessions(&markdown);
    assert!(
        steps.len() > 20,
        "the guide shows its examples as console sessions"
    );

    let scratch = tempfile::tempdir().expect("scratch dir");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_streamline"))
        .parent()
        .expect("binary dir");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for step in &steps {
        let mut command = Command::new("bash");
        command
            .arg("-c")
            .arg(format!("exec 2>&1\n{}", step.command))
            .current_dir(scratch.path())
            .env("PATH", &path)
            .env("HOME", scratch.path())
            .env("XDG_CONFIG_HOME", scratch.path().join(".config"))
            .env("NO_COLOR", "1")
            .env("TZ", "UTC");
        for (key, _) in std::env::vars() {
            if key.starts_with("STREAMLINE_") {
                command.env_remove(key);
            }
        }
        let output = command.output().expect("bash runs");
        let text = String::from_utf8_lossy(&output.stdout);
        let actual: Vec<&str> = text.lines().collect();
        let status = output.status.code().unwrap_or(-1);
        if std::env::var_os("GUIDE_TRACE").is_some() {
            eprintln!("$ {}\n{}? {status}", step.command, text);
        }
        if status != step.status || !lines_match(&step.expected, &actual) {
            failures.push(format!(
                "docs/GUIDE.md:{}: $ {}\n--- expected (exit {}):\n{}\n--- got (exit {status}):\n{}",
                step.line,
                step.command,
                step.status,
                step.expected.join("\n"),
                text.trim_end()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn patterns_match_as_documented() {
    assert!(line_matches("a [..] c", "a b c"));
    assert!(line_matches("[..]", ""));
    assert!(line_matches("x[..]y[..]z", "x1y2z"));
    assert!(!line_matches("x[..]y", "x1z"));
    assert!(!line_matches("abc", "abcd"));
    let lines = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(lines_match(
        &lines(&["a", "...", "d"]),
        &["a", "b", "c", "d"]
    ));
    assert!(lines_match(&lines(&["..."]), &[]));
    assert!(!lines_match(&lines(&["a"]), &["a", "b"]));
}
