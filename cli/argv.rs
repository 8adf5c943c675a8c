//! Options a user puts before the command: `streamline -P prod topics list`,
//! `streamline --data-dir D -y topics delete t`. Connection, output-format and confirmation
//! options belong to each command (their meaning differs: `--format` takes record formats in
//! `consume`, table formats elsewhere), so clap only knows them after the command's name. Before
//! parsing, those written ahead of the command are moved to just after its full name
//! (`topics list`), where they mean what they mean there; anything else stays where it is, so
//! clap still judges it.

use std::ffi::OsString;

/// The options that may precede the command, and whether each takes a value.
const LEADING: &[(&str, bool)] = &[
    ("-b", true),
    ("--bootstrap-server", true),
    ("--data-dir", true),
    ("-P", true),
    ("--profile", true),
    ("--format", true),
    ("-X", true),
    ("--connect-timeout", true),
    ("--request-timeout", true),
    ("-y", false),
    ("--yes", false),
];

/// How `token` names one of [`LEADING`]: `Some(true)` if its value is the next argument,
/// `Some(false)` if the token is complete (a flag, `--x=v` or `-bHOST`).
fn leading(token: &str) -> Option<bool> {
    LEADING.iter().find_map(|(name, takes_value)| {
        if token == *name {
            Some(*takes_value)
        } else if *takes_value
            && token.starts_with(name)
            && (name.starts_with("--") && token[name.len()..].starts_with('=')
                || !name.starts_with("--"))
        {
            Some(false)
        } else {
            None
        }
    })
}

/// Whether `token` names an option of `cmd` that takes a value as the next argument.
fn takes_next_value(cmd: &clap::Command, token: &str) -> bool {
    if token.contains('=') {
        return false;
    }
    let arg = if let Some(long) = token.strip_prefix("--") {
        cmd.get_arguments().find(|a| a.get_long() == Some(long))
    } else {
        let mut chars = token.chars().skip(1);
        match (chars.next(), chars.next()) {
            (Some(short), None) => cmd.get_arguments().find(|a| a.get_short() == Some(short)),
            _ => None,
        }
    };
    arg.is_some_and(|a| a.get_action().takes_values())
}

/// `args` (program name first) with the [`LEADING`] options written before the command moved
/// to just after the command's full name. `command` makes the program's clap definition; it is
/// only called when an option comes first, so the usual command line costs nothing here.
pub fn hoist_leading_options(
    command: impl FnOnce() -> clap::Command,
    args: Vec<OsString>,
) -> Vec<OsString> {
    let option_first = args
        .get(1)
        .and_then(|a| a.to_str())
        .is_some_and(|a| a.starts_with('-') && a != "-" && a != "--");
    if !option_first {
        return args;
    }
    let mut cmd = command();
    cmd.build();
    let text: Vec<Option<&str>> = args.iter().map(|a| a.to_str()).collect();
    // The options before the first command name that are ours to move.
    let mut moved = Vec::new();
    let mut i = 1;
    let mut first_command = None;
    while i < args.len() {
        let Some(token) = text[i] else { break };
        if token == "--" || !token.starts_with('-') || token == "-" {
            if cmd.find_subcommand(token).is_some() {
                first_command = Some(i);
            }
            break;
        }
        match leading(token) {
            Some(next_is_value) => {
                moved.push(i);
                if next_is_value && i + 1 < args.len() {
                    moved.push(i + 1);
                    i += 1;
                }
            }
            None if takes_next_value(&cmd, token) => i += 1,
            None => {}
        }
        i += 1;
    }
    let (Some(start), false) = (first_command, moved.is_empty()) else {
        return args;
    };
    // The command's full name: descend while the next word names a subcommand, stepping over
    // options (and their values) given at each level.
    let mut level = cmd
        .find_subcommand(text[start].unwrap_or_default())
        .expect("found above");
    let mut insert_at = start + 1;
    let mut j = start + 1;
    while j < args.len() {
        let Some(token) = text[j] else { break };
        if token == "--" {
            break;
        }
        if token.starts_with('-') && token != "-" {
            if takes_next_value(level, token) {
                j += 1;
            }
            j += 1;
            continue;
        }
        match level.find_subcommand(token) {
            Some(sub) => {
                level = sub;
                j += 1;
                insert_at = j;
            }
            None => break,
        }
    }
    let len = args.len();
    let mut hoisted: Vec<OsString> = moved.iter().map(|&k| args[k].clone()).collect();
    let mut out = Vec::with_capacity(len);
    for (k, arg) in args.into_iter().enumerate() {
        if k == insert_at {
            out.append(&mut hoisted);
        }
        if !moved.contains(&k) {
            out.push(arg);
        }
    }
    // The command's name was the last word.
    out.append(&mut hoisted);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> clap::Command {
        let connect = |c: clap::Command| {
            c.arg(
                clap::Arg::new("bootstrap")
                    .short('b')
                    .long("bootstrap-server")
                    .global(true),
            )
            .arg(
                clap::Arg::new("profile")
                    .short('P')
                    .long("profile")
                    .global(true),
            )
            .arg(clap::Arg::new("data_dir").long("data-dir").global(true))
        };
        clap::Command::new("streamline")
            .arg(clap::Arg::new("color").long("color").global(true))
            .subcommand(
                connect(clap::Command::new("topics"))
                    .subcommand(clap::Command::new("list"))
                    .subcommand(
                        clap::Command::new("delete")
                            .arg(clap::Arg::new("name"))
                            .arg(
                                clap::Arg::new("yes")
                                    .short('y')
                                    .action(clap::ArgAction::SetTrue),
                            ),
                    ),
            )
            .subcommand(connect(clap::Command::new("consume")).arg(clap::Arg::new("topic")))
    }

    fn hoist(line: &str) -> String {
        let args = line.split(' ').map(OsString::from).collect();
        hoist_leading_options(demo, args)
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn leading_options_move_after_the_full_command_name() {
        assert_eq!(hoist("s -P prod topics list"), "s topics list -P prod");
        assert_eq!(
            hoist("s --data-dir D -y topics delete t"),
            "s topics delete --data-dir D -y t"
        );
        assert_eq!(hoist("s -bHOST:1 consume t"), "s consume -bHOST:1 t");
        assert_eq!(
            hoist("s --bootstrap-server=h:1 topics -P x list"),
            "s topics -P x list --bootstrap-server=h:1"
        );
        // Root options stay where they are; so does everything after the command.
        assert_eq!(
            hoist("s --color never -b h topics list"),
            "s --color never topics list -b h"
        );
    }

    #[test]
    fn nothing_moves_without_a_command_or_a_leading_option() {
        assert_eq!(hoist("s topics list -b h"), "s topics list -b h");
        assert_eq!(hoist("s -b h"), "s -b h");
        assert_eq!(hoist("s -b h nonsense"), "s -b h nonsense");
        assert_eq!(hoist("s --unknown topics list"), "s --unknown topics list");
    }
}
