//! Running the real `streamline` binary from tests.

use assert_cmd::Command;

/// Runs `streamline ARGS` (ignoring STREAMLINE_BROKERS from the environment), requires
/// success and returns standard output.
pub fn ok(args: &[&str]) -> String {
    let out = Command::cargo_bin("streamline")
        .expect("binary")
        .env_remove("STREAMLINE_BROKERS")
        .args(args)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "streamline {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}
