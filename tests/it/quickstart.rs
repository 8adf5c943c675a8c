//! `streamline quickstart`: scripted with flags (a local data directory or a remote broker),
//! interactive on a terminal, refusing to prompt without one, and saving nothing when the
//! connection fails.

use std::process::{Command, Stdio};

use crate::common::pty::Terminal;
use crate::common::TestServer;

struct Home {
    tmp: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            tmp: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn config(&self) -> String {
        self.tmp.path().join("config").to_str().unwrap().to_string()
    }

    fn run(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_streamline"))
            .args(args)
            .env("XDG_CONFIG_HOME", self.config())
            .env_remove("STREAMLINE_BROKERS")
            .env_remove("STREAMLINE_DATA_DIR")
            .env_remove("STREAMLINE_PROFILE")
            .current_dir(self.tmp.path())
            .stdin(Stdio::null())
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn profiles(&self) -> String {
        std::fs::read_to_string(self.tmp.path().join("config/streamline/profiles.toml"))
            .unwrap_or_default()
    }
}

#[test]
fn scripted_quickstarts_save_a_profile_that_works() {
    let home = Home::new();
    let (code, _, err) = home.run(&["quickstart"]);
    assert_eq!(code, Some(2), "no terminal, no flags: {err}");
    assert!(err.contains("-y"), "{err}");

    let (code, out, err) = home.run(&[
        "quickstart",
        "--data-dir",
        "mine",
        "--name",
        "dev",
        "--demo-topic",
        "demo",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("✓ saved profile dev"), "{out}");
    assert!(out.contains("streamline -P dev consume demo -f"), "{out}");
    assert!(
        home.profiles().contains("[profiles.dev]"),
        "{}",
        home.profiles()
    );
    let (code, consumed, err) = home.run(&["-P", "dev", "consume", "demo", "-n", "5"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(consumed.lines().count(), 5, "{consumed}");

    // -y: every default, in the working directory's ./data.
    let (code, out, err) = home.run(&["quickstart", "-y"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("✓ saved profile local"), "{out}");
    assert!(home.tmp.path().join("data/topics/quickstart").is_dir());

    // A broker that is not there: an error, and no profile saved for it.
    let (code, _, err) = home.run(&[
        "quickstart",
        "-b",
        "127.0.0.1:1",
        "--name",
        "nowhere",
        "--no-demo",
        "--connect-timeout",
        "1s",
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("cannot connect to 127.0.0.1:1"), "{err}");
    assert!(!home.profiles().contains("nowhere"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interactive_quickstart_asks_and_sets_up_a_remote_broker() {
    let server = TestServer::start().await;
    let addr = server.bootstrap();
    let home = Home::new();
    let config = home.config();
    let screen = tokio::task::spawn_blocking(move || {
        let mut t = Terminal::start(&["quickstart"], &[("XDG_CONFIG_HOME", config.as_str())]);
        t.wait_for("the first question", |s| s.contains("Where is your Kafka?"));
        t.send(b"remote\r");
        t.wait_for("the address question", |s| s.contains("Bootstrap servers"));
        t.send(format!("{addr}\r").as_bytes());
        t.wait_for("the profile question", |s| {
            s.contains("Save it as profile [remote]")
        });
        t.send(b"\r");
        t.wait_for("the demo question", |s| s.contains("Create a demo topic"));
        t.send(b"y\r");
        let screen = t.wait_for("the next steps", |s| {
            s.contains("streamline -P remote shell")
        });
        assert!(t.wait_exit());
        screen
    })
    .await
    .expect("terminal");
    assert!(screen.contains("✓ connected to"), "{screen}");
    assert!(screen.contains("✓ created topic quickstart"), "{screen}");
    assert!(
        home.profiles().contains("[profiles.remote]"),
        "{}",
        home.profiles()
    );
    assert_eq!(
        server
            .server
            .broker()
            .topic("quickstart")
            .expect("created")
            .partitions()
            .len(),
        3
    );
    server.stop().await;
}
