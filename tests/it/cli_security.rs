//! The toolbox's secured connections end to end: each step that can fail says so — TCP, the
//! TLS handshake (an untrusted certificate, TLS against a plaintext listener and the reverse),
//! a SASL mechanism the listener does not enable, SASL on a listener without it, refused
//! credentials — and profiles keep a password file's path (refused when others can read it),
//! or the password itself only when asked, in a file only its owner can read.

use std::os::unix::fs::PermissionsExt;
use std::process::Output;

use assert_cmd::Command;

use crate::common::secure::{Secured, ALICE};

fn streamline(home: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::cargo_bin("streamline").unwrap();
    cmd.env_remove("STREAMLINE_BROKERS")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .args(args)
        .write_stdin("");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// Flags, environment, and the words the error must hold.
type Check = (Vec<String>, Vec<(&'static str, &'static str)>, &'static str);

fn failure(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "succeeded: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_failed_step_is_named_and_profiles_keep_secrets_private() {
    let s = Secured::start(|c| c.sasl_enabled_mechanisms = "SCRAM-SHA-512".into()).await;
    let home = tempfile::tempdir().unwrap();
    let h = home.path().to_path_buf();
    let ca = s.files.ca.to_str().unwrap().to_string();
    let (plain, ssl, sasl_ssl, sasl) = (
        s.addr("PLAINTEXT"),
        s.addr("SSL"),
        s.addr("SASL_SSL"),
        s.addr("SASL_PLAINTEXT"),
    );
    let pw = [("STREAMLINE_SASL_PASSWORD", ALICE.1)];
    let checks: Vec<Check> = vec![
        (
            vec!["-b".into(), "127.0.0.1:1".into()],
            vec![],
            "cannot connect to 127.0.0.1:1",
        ),
        (
            vec![
                "-b".into(),
                ssl.clone(),
                "--security-protocol".into(),
                "SSL".into(),
            ],
            vec![],
            "not signed by a trusted CA: set ssl.ca.location",
        ),
        (
            vec!["-b".into(), ssl.clone()],
            vec![],
            "this listener speaks TLS",
        ),
        (
            vec![
                "-b".into(),
                plain.clone(),
                "--security-protocol".into(),
                "SSL".into(),
                "--ssl-ca-location".into(),
                ca.clone(),
            ],
            vec![],
            "TLS handshake failed",
        ),
        (
            vec![
                "-b".into(),
                sasl.clone(),
                "--sasl-mechanism".into(),
                "PLAIN".into(),
                "--sasl-username".into(),
                "alice".into(),
            ],
            pw.to_vec(),
            "PLAIN is not enabled on this listener (it offers: SCRAM-SHA-512)",
        ),
        (
            vec![
                "-b".into(),
                plain.clone(),
                "--security-protocol".into(),
                "SASL_PLAINTEXT".into(),
                "--sasl-mechanism".into(),
                "SCRAM-SHA-512".into(),
                "--sasl-username".into(),
                "alice".into(),
            ],
            pw.to_vec(),
            "is not used by this listener",
        ),
        (
            vec![
                "-b".into(),
                sasl_ssl.clone(),
                "--security-protocol".into(),
                "SASL_SSL".into(),
                "--sasl-mechanism".into(),
                "SCRAM-SHA-512".into(),
                "--sasl-username".into(),
                "alice".into(),
                "--ssl-ca-location".into(),
                ca.clone(),
            ],
            vec![("STREAMLINE_SASL_PASSWORD", "wrong")],
            "authentication of user 'alice' with SCRAM-SHA-512 was refused",
        ),
        (
            vec![
                "-b".into(),
                sasl.clone(),
                "--sasl-mechanism".into(),
                "SCRAM-SHA-512".into(),
                "--sasl-username".into(),
                "alice".into(),
            ],
            vec![],
            "SASL needs a password for 'alice'",
        ),
    ];
    for (flags, env, expected) in checks {
        let h = h.clone();
        let out = tokio::task::spawn_blocking(move || {
            let mut args = vec!["topics", "list"];
            args.extend(flags.iter().map(String::as_str));
            streamline(&h, &args, &env)
        })
        .await
        .unwrap();
        let e = failure(&out);
        assert!(e.contains(expected), "{expected:?} not in: {e}");
    }

    // A profile keeps the password file's path; the file must be private.
    let password_file = h.join("alice.pw");
    std::fs::write(&password_file, format!("{}\n", ALICE.1)).unwrap();
    std::fs::set_permissions(&password_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (h2, pf, sasl_ssl2, ca2) = (
        h.clone(),
        password_file.to_str().unwrap().to_string(),
        sasl_ssl.clone(),
        ca.clone(),
    );
    let (listed, refused, stored) = tokio::task::spawn_blocking(move || {
        let add = streamline(
            &h2,
            &[
                "profile",
                "add",
                "secure",
                "-b",
                &sasl_ssl2,
                "--security-protocol",
                "SASL_SSL",
                "--sasl-mechanism",
                "SCRAM-SHA-512",
                "--sasl-username",
                "alice",
                "--sasl-password-file",
                &pf,
                "--ssl-ca-location",
                &ca2,
            ],
            &[],
        );
        assert!(
            add.status.success(),
            "{}",
            String::from_utf8_lossy(&add.stderr)
        );
        let refused = failure(&streamline(&h2, &["topics", "list", "-P", "secure"], &[]));
        std::fs::set_permissions(&pf, std::fs::Permissions::from_mode(0o600)).unwrap();
        let listed = streamline(&h2, &["topics", "list", "-P", "secure"], &[]);
        assert!(
            listed.status.success(),
            "{}",
            String::from_utf8_lossy(&listed.stderr)
        );
        let stored = streamline(
            &h2,
            &[
                "profile",
                "add",
                "stored",
                "-b",
                &sasl_ssl2,
                "--security-protocol",
                "SASL_SSL",
                "--sasl-mechanism",
                "SCRAM-SHA-512",
                "--sasl-username",
                "alice",
                "--store-password",
                "--ssl-ca-location",
                &ca2,
            ],
            &[("STREAMLINE_SASL_PASSWORD", "alice-secret")],
        );
        assert!(
            stored.status.success(),
            "{}",
            String::from_utf8_lossy(&stored.stderr)
        );
        let via_stored = streamline(&h2, &["topics", "list", "-P", "stored"], &[]);
        (listed, refused, via_stored)
    })
    .await
    .unwrap();
    assert!(refused.contains("chmod 600"), "{refused}");
    assert!(String::from_utf8_lossy(&listed.stdout).starts_with("TOPIC"));
    assert!(
        stored.status.success(),
        "{}",
        String::from_utf8_lossy(&stored.stderr)
    );
    let profiles = h.join(".config/streamline/profiles.toml");
    let text = std::fs::read_to_string(&profiles).unwrap();
    assert!(text.contains("sasl_password_file"), "{text}");
    assert_eq!(
        text.matches("alice-secret").count(),
        1,
        "only the stored profile: {text}"
    );
    assert_eq!(
        std::fs::metadata(&profiles).unwrap().permissions().mode() & 0o777,
        0o600
    );
}
