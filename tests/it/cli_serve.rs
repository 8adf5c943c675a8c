//! `streamline serve` end to end through the built binary: its flags, its generated config
//! file, configuration errors and the exit codes they map to. None of these tests lets a
//! server start: each either exits before serving or fails validation first.

use std::path::Path;

use assert_cmd::Command;
use clap::{Args, Command as ClapCommand};
use streamline::config::{ConfigLayer, ServerConfig};

/// The binary with no inherited `STREAMLINE_*` or `RUST_LOG` settings, so the developer's
/// environment cannot change what a test sees.
fn streamline() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_streamline"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("STREAMLINE_") {
            cmd.env_remove(&name);
        }
    }
    cmd.env_remove("RUST_LOG");
    cmd
}

/// Every config key, as declared for the command line and the file.
fn config_keys() -> Vec<String> {
    ConfigLayer::augment_args(ClapCommand::new("keys"))
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect()
}

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

fn write_config(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("streamline.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn generate_config_prints_every_key_as_valid_toml() {
    let assert = streamline()
        .args(["serve", "--generate-config"])
        .assert()
        .success();
    let text = stdout_of(&assert);
    assert!(
        stderr_of(&assert).is_empty(),
        "nothing but the file is printed"
    );

    let table: toml::Table = toml::from_str(&text).unwrap();
    for key in config_keys() {
        let commented = text.lines().any(|l| l.starts_with(&format!("# {key} = ")));
        assert!(table.contains_key(&key) || commented, "{key} missing");
    }
    let layer = ConfigLayer::from_toml(&text).unwrap();
    assert_eq!(
        ServerConfig::resolve(&[layer]).unwrap(),
        ServerConfig::default()
    );
}

#[test]
fn generated_config_is_accepted_by_serve() {
    let dir = tempfile::tempdir().unwrap();
    let generated = streamline()
        .args(["serve", "--generate-config"])
        .assert()
        .success();
    // The file is accepted; the invalid flag then proves which layer the error came from.
    let path = write_config(dir.path(), &stdout_of(&generated));
    let assert = streamline()
        .args(["serve", "--default-partitions", "0", "-c"])
        .arg(&path)
        .assert()
        .code(1);
    assert!(stderr_of(&assert).contains("default_partitions must be at least 1, got 0"));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let assert = streamline().args(["serve", "--bogus"]).assert().code(2);
    assert!(stderr_of(&assert).contains("--bogus"));
}

#[test]
fn invalid_flag_value_is_a_usage_error() {
    let assert = streamline()
        .args(["serve", "--fsync", "sometimes"])
        .assert()
        .code(2);
    assert!(stderr_of(&assert).contains("sometimes"));
}

#[test]
fn unknown_key_in_config_file_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(dir.path(), "listen_addr = \"127.0.0.1:0\"\nbogus_key = 3\n");
    let assert = streamline()
        .args(["serve", "-c"])
        .arg(&path)
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("bogus_key"), "{stderr}");
}

#[test]
fn missing_config_file_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.toml");
    let assert = streamline()
        .args(["serve", "--config"])
        .arg(&path)
        .assert()
        .code(1);
    assert!(stderr_of(&assert).contains("absent.toml"));
}

#[test]
fn flag_beats_variable_beats_file() {
    // Each layer holds a distinct invalid default_partitions; the error names the value of
    // the layer that won.
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(dir.path(), "default_partitions = -4\n");
    let run = |flag: Option<&str>, env: Option<&str>| {
        let mut cmd = streamline();
        cmd.args(["serve", "-c"]).arg(&path);
        if let Some(value) = flag {
            cmd.args(["--default-partitions", value]);
        }
        if let Some(value) = env {
            cmd.env("STREAMLINE_DEFAULT_PARTITIONS", value);
        }
        stderr_of(&cmd.assert().code(1))
    };
    assert!(run(Some("0"), Some("-3")).contains("got 0"));
    assert!(run(None, Some("-3")).contains("got -3"));
    assert!(run(None, None).contains("got -4"));
}

#[test]
fn config_file_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(dir.path(), "max_connections = 0\n");
    let assert = streamline()
        .arg("serve")
        .env("STREAMLINE_CONFIG", &path)
        .assert()
        .code(1);
    assert!(stderr_of(&assert).contains("max_connections must be at least 1, got 0"));
}

#[test]
fn serve_help_lists_every_flag() {
    let assert = streamline().args(["serve", "--help"]).assert().success();
    let help = stdout_of(&assert);
    for key in config_keys() {
        let flag = format!("--{}", key.replace('_', "-"));
        assert!(help.contains(&flag), "{flag} missing from serve --help");
    }
    for flag in [
        "-c, --config <FILE>",
        "--generate-config",
        "STREAMLINE_LISTEN_ADDR",
    ] {
        assert!(help.contains(flag), "{flag} missing from serve --help");
    }
}

#[test]
fn root_help_offers_only_working_commands() {
    let assert = streamline().arg("--help").assert().success();
    let help = stdout_of(&assert);
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(
        commands,
        [
            "serve",
            "produce",
            "consume",
            "topics",
            "groups",
            "transactions",
            "users",
            "acls",
            "schemas",
            "top",
            "doctor",
            "info",
            "benchmark",
            "migrate",
            "shell",
            "profile",
            "quickstart",
            "wait",
            "history",
            "completions",
            "help"
        ]
    );
}

/// A port already in use is a runtime failure (exit 1) that names the address and the
/// operating system's reason once each.
#[test]
fn a_busy_port_is_named_once() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let assert = streamline()
        .args(["serve", "--in-memory", "--listen-addr", &addr])
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    let error = stderr
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap_or_else(|| panic!("no error line in {stderr}"));
    assert_eq!(error.matches(addr.as_str()).count(), 1, "{error}");
    assert_eq!(error.matches("in use").count(), 1, "{error}");
    assert!(
        error.starts_with(&format!("error: cannot listen on {addr}: ")),
        "{error}"
    );
}
