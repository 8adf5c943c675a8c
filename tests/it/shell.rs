//! `streamline shell` end to end: in a pseudo-terminal against a live server — a topic name
//! completed with Tab, Ctrl-C out of a `consume -f` back to the prompt (quietly, the session's
//! connection still in step for `groups list`), the history kept
//! across sessions — and from a script, with failing lines reported and the exit code 1.

use crate::common::pty::Terminal;
use crate::common::TestServer;
use assert_cmd::Command;

/// Prompts on the screen (each command's line starts with one).
fn prompts(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| l.starts_with("streamline> "))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shell_completes_cancels_and_remembers() {
    let server = TestServer::start().await;
    server
        .server
        .broker()
        .create_topic("payments", 1, Default::default(), false)
        .expect("topic");
    let b = server.bootstrap();
    let home = tempfile::tempdir().expect("home");
    let data_home = home.path().join("share");
    let data = data_home.to_str().expect("utf-8").to_string();
    tokio::task::spawn_blocking(move || {
        let env = [("XDG_DATA_HOME", data.as_str())];
        let mut shell = Terminal::start(&["shell", "-b", &b], &env);
        shell.wait_for("the prompt", |s| s.contains("streamline> "));
        // Tab completes the topic name from the live connection.
        shell.send(b"produce pay\t");
        shell.wait_for("the completed name", |s| s.contains("produce payments "));
        shell.send(b"-m first -m second\r");
        shell.wait_for("the produce summary and a prompt", |s| {
            s.contains("Produced 2 message(s)") && prompts(s) == 2
        });
        shell.send(b"consume payments -f -g shellers\r");
        // The records on lines of their own (the typed command line mentions them too).
        shell.wait_for("the records", |s| {
            s.lines().any(|l| l.trim_end() == "second")
        });
        // Ctrl-C stops the follow — its fetch long poll and group heartbeats in flight on the
        // session's connections — and returns to the prompt quietly: it is the way out.
        shell.send(b"\x03");
        let after_follow = shell.wait_for("a new prompt", |s| prompts(s) == 3);
        assert!(
            !after_follow.contains("cancelled") && !after_follow.contains("error"),
            "{after_follow}"
        );
        // The connection is in step: the next commands get their own answers.
        shell.send(b"groups list\r");
        let listed = shell.wait_for("the group listing", |s| {
            s.contains("shellers") && prompts(s) == 4
        });
        assert!(!listed.contains("error"), "{listed}");
        shell.send(b"topics list\r");
        let topics = shell.wait_for("the listing", |s| s.contains("TOPIC") && prompts(s) == 5);
        assert!(!topics.contains("error"), "{topics}");
        shell.send(b"\x04");
        assert!(shell.wait_exit(), "Ctrl-D exits 0");

        // A new session has the history: Up brings back the last command.
        let history =
            std::fs::read_to_string(std::path::Path::new(&data).join("streamline/history"))
                .expect("history file");
        assert!(history.contains("consume payments -f"), "{history}");
        let mut again = Terminal::start(&["shell", "-b", &b], &env);
        again.wait_for("the prompt", |s| s.contains("streamline> "));
        again.send(b"\x1b[A");
        again.wait_for("the last command", |s| {
            s.contains("streamline> topics list")
        });
        // Ctrl-C at the prompt drops the line; Ctrl-D on an empty line leaves.
        again.send(b"\x03");
        again.wait_for("an empty prompt", |s| prompts(s) == 2);
        again.send(b"\x04");
        assert!(again.wait_exit());
    })
    .await
    .expect("shell session");
    server.stop().await;
}

#[test]
fn a_script_runs_every_line_and_fails_if_any_line_failed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let script = "# set up\ntopics create s -p 1\nproduce s -m 'one two'\nconsume s\nconsume nowhere\ntopics list\n";
    let out = Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .args(["shell", "--data-dir", dir.to_str().expect("utf-8")])
        .write_stdin(script)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stdout,
        "Created topic s with 1 partition(s)\none two\nTOPIC  PARTITIONS\ns      1\n"
    );
    assert!(stderr.contains("line 5: consume nowhere"), "{stderr}");
    assert!(stderr.contains("1 command(s) failed"), "{stderr}");

    // A script without failures exits 0.
    let ok = Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .args(["shell", "--data-dir", dir.to_str().expect("utf-8")])
        .write_stdin("topics list\nexit\nthis line is never read\n")
        .output()
        .expect("run");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}
