//! `--help` of every command, pinned as insta snapshots in `snapshots/`: a change to a flag or
//! its help text shows up in review. After an intended change, accept the new texts with
//! `INSTA_UPDATE=always cargo test --test it help_snapshots` (or `cargo insta review`).

use std::process::Command;

const COMMANDS: &[&[&str]] = &[
    &[],
    &["serve"],
    &["produce"],
    &["consume"],
    &["topics"],
    &["topics", "list"],
    &["topics", "create"],
    &["topics", "describe"],
    &["topics", "alter"],
    &["topics", "delete"],
    &["topics", "export"],
    &["topics", "import"],
    &["topics", "watch"],
    &["groups"],
    &["groups", "describe"],
    &["groups", "reset"],
    &["users"],
    &["users", "create"],
    &["users", "delete"],
    &["acls"],
    &["acls", "create"],
    &["acls", "list"],
    &["acls", "delete"],
    &["schemas"],
    &["schemas", "register"],
    &["schemas", "check"],
    &["schemas", "delete"],
    &["schemas", "config"],
    &["transactions"],
    &["transactions", "describe"],
    &["top"],
    &["doctor"],
    &["info"],
    &["shell"],
    &["benchmark"],
    &["migrate", "from-kafka"],
    &["profile"],
    &["profile", "add"],
    &["wait"],
    &["history"],
    &["quickstart"],
    &["completions"],
];

#[test]
fn help_texts() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for command in COMMANDS {
            let out = Command::new(env!("CARGO_BIN_EXE_streamline"))
                .args(*command)
                .arg("--help")
                // Fixed width and no environment-provided defaults, so the text is stable.
                .env("COLUMNS", "100")
                .env_remove("STREAMLINE_BROKERS")
                .env_remove("STREAMLINE_DATA_DIR")
                .env_remove("STREAMLINE_PROFILE")
                .output()
                .expect("run --help");
            assert!(out.status.success(), "{command:?} --help failed");
            let name = if command.is_empty() {
                "help".to_string()
            } else {
                format!("help-{}", command.join("-"))
            };
            insta::assert_snapshot!(name, String::from_utf8_lossy(&out.stdout));
        }
    });
}
