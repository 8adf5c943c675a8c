//! The completion scripts in `completions/` must match what `streamline completions` generates
//! from the current flags. Run with `UPDATE_COMPLETIONS=1` to rewrite them after changing a flag.

use std::path::Path;
use std::process::Command;

const SCRIPTS: &[(&str, &str)] = &[
    ("bash", "streamline.bash"),
    ("zsh", "_streamline"),
    ("fish", "streamline.fish"),
    ("powershell", "_streamline.ps1"),
    ("elvish", "streamline.elv"),
];

#[test]
fn completion_scripts_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    for (shell, file) in SCRIPTS {
        let out = Command::new(env!("CARGO_BIN_EXE_streamline"))
            .args(["completions", shell])
            .output()
            .expect("run streamline completions");
        assert!(out.status.success(), "completions {shell} failed");
        let generated = String::from_utf8(out.stdout).expect("UTF-8 script");
        assert!(
            generated.contains("serve"),
            "{shell} script lists the serve command"
        );
        assert!(
            generated.contains("listen-addr"),
            "{shell} script lists serve's flags"
        );
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &generated).expect("write completion script");
            continue;
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == generated,
            "{} is stale; regenerate with UPDATE_COMPLETIONS=1 cargo test --test it completions",
            path.display()
        );
    }
}
