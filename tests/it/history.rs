//! `streamline history`: the shell's commands are recorded, the command line's once enabled,
//! each with its exit code; searchable and as JSON; secrets never reach the file.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::common::pty::Terminal;

struct Home {
    _tmp: tempfile::TempDir,
    data_home: std::path::PathBuf,
    data_dir: String,
}

impl Home {
    fn new() -> Home {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data_home = tmp.path().join("share");
        let data_dir = tmp.path().join("data").to_str().unwrap().to_string();
        Home {
            _tmp: tmp,
            data_home,
            data_dir,
        }
    }

    fn run(&self, args: &[&str], input: Option<&str>) -> std::process::Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_streamline"))
            .args(args)
            .env("XDG_DATA_HOME", &self.data_home)
            .env_remove("STREAMLINE_HISTORY")
            .env_remove("STREAMLINE_BROKERS")
            .env("STREAMLINE_DATA_DIR", &self.data_dir)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        if let Some(input) = input {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        }
        child.wait_with_output().expect("run")
    }

    fn entries(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["history", "--format", "json"];
        args.extend(extra);
        let out = self.run(&args, None);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

#[test]
fn commands_are_recorded_with_exit_codes_and_without_secrets() {
    let home = Home::new();
    assert!(home
        .run(&["topics", "create", "seen"], None)
        .status
        .success());
    assert!(home.entries(&[]).is_empty(), "the command line is opt-in");

    let script = home.run(&["shell"], Some("topics list\n"));
    assert!(script.status.success());
    assert!(
        home.entries(&[]).is_empty(),
        "a shell script is command-line use"
    );

    // An interactive shell's lines are always recorded, with how each ended.
    let data_home = home.data_home.to_str().unwrap().to_string();
    let data_dir = home.data_dir.clone();
    let mut shell = Terminal::start(
        &["shell", "--data-dir", &data_dir],
        &[("XDG_DATA_HOME", data_home.as_str())],
    );
    shell.wait_for("the prompt", |s| s.contains("streamline> "));
    for (n, line) in [
        "topics list",
        "topics describe nowhere",
        "consume seen -X sasl.password=hunter2",
    ]
    .into_iter()
    .enumerate()
    {
        shell.send(format!("{line}\r").as_bytes());
        // Done when the next prompt is up.
        shell.wait_for("the next prompt", |s| {
            s.matches("streamline> ").count() >= n + 2
        });
    }
    shell.send(b"exit\r");
    assert!(shell.wait_exit());
    let recorded = home.entries(&["--source", "shell"]);
    let seen: Vec<(&str, i64)> = recorded
        .iter()
        .map(|e| {
            (
                e["command"].as_str().unwrap(),
                e["exit_code"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("topics list", 0),
            ("topics describe nowhere", 1),
            ("consume seen -X 'sasl.password=***'", 0)
        ]
    );
    let recall = std::fs::read_to_string(home.data_home.join("streamline/history"))
        .expect("the shell's line history");
    assert!(!recall.contains("hunter2"), "{recall}");

    assert!(home.run(&["history", "enable"], None).status.success());
    assert!(home.run(&["topics", "list"], None).status.success());
    let refused = home.run(&["topics", "list", "--password", "hunter2"], None);
    assert_eq!(refused.status.code(), Some(2));
    let script = home.run(&["shell"], Some("topics list\n"));
    assert!(script.status.success());
    assert_eq!(home.entries(&["--source", "shell"]).len(), 4);
    let cli = home.entries(&["--source", "cli"]);
    assert_eq!(cli.len(), 2, "{cli:?}");
    assert_eq!(cli[0]["command"], "topics list");
    assert_eq!(cli[0]["exit_code"], 0);
    assert!(cli[0]["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(cli[1]["exit_code"], 2);

    let stored = std::fs::read_to_string(home.data_home.join("streamline/commands.jsonl"))
        .expect("history file");
    assert!(!stored.contains("hunter2"), "{stored}");

    let found = home.entries(&["--grep", "describe"]);
    assert_eq!(found.len(), 1);
    assert_eq!(home.entries(&["-n", "1"]).len(), 1);
    let text = home.run(&["history", "--grep", "^topics list$"], None);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("TIME"), "{text}");
    assert_eq!(text.lines().count(), 4, "{text}");

    assert!(home.run(&["history", "disable"], None).status.success());
    assert!(home.run(&["topics", "list"], None).status.success());
    assert_eq!(home.entries(&["--source", "cli"]).len(), 2);
    assert!(home.run(&["history", "clear"], None).status.success());
    assert!(home.entries(&[]).is_empty());
}
