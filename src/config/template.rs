//! `streamline serve --generate-config`: a commented TOML file listing every key with its
//! default. It is built from the same sources the server uses — the keys and their help text
//! from [`ConfigLayer`]'s clap definitions, the values from [`ServerConfig::default`] — so it
//! cannot drift from what the server actually does.

use std::fmt::Write as _;

use clap::{Arg, Args, Command};

use super::{ConfigLayer, ServerConfig};

/// Longest comment text on one line of the generated file, not counting the `# `.
const COMMENT_WIDTH: usize = 90;

/// Returns a TOML config file with every key set to its default, each preceded by a one-line
/// explanation and the flag and environment variable that override it.
pub fn generate_config() -> String {
    let defaults = default_values();
    let mut out = String::from(
        "# Streamline server configuration, read by `streamline serve -c FILE`.\n\
         # Every key is optional; the values below are the defaults.\n\
         # Precedence: command-line flag > STREAMLINE_* environment variable > this file > default.\n",
    );
    for arg in config_args().get_arguments() {
        let key = arg.get_id().as_str();
        let mut comment = format!("{}.", summary(arg));
        if let (Some(flag), Some(env)) = (arg.get_long(), arg.get_env()) {
            let _ = write!(
                comment,
                " Overridden by --{flag} and {}.",
                env.to_string_lossy()
            );
        }
        out.push('\n');
        push_comment(&mut out, &comment);
        match defaults.get(key) {
            Some(value) => {
                let _ = writeln!(out, "{key} = {value}");
            }
            // Keys without a default (only strings today) are shown commented out, with the
            // shape of a value, so uncommenting one is the obvious edit.
            None if takes_a_list(arg) => {
                let _ = writeln!(out, "# {key} = [\"{}\"]", value_name(arg));
            }
            None => {
                let _ = writeln!(out, "# {key} = \"{}\"", value_name(arg));
            }
        }
    }
    out
}

/// Appends `text` as `# ` comment lines, wrapped so the file reads well in any editor.
fn push_comment(out: &mut String, text: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > COMMENT_WIDTH {
            let _ = writeln!(out, "# {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "# {line}");
    }
}

/// The clap definition of every config key, in declaration order.
fn config_args() -> Command {
    ConfigLayer::augment_args(Command::new("streamline"))
}

/// The default of each key as a TOML value; keys whose default is unset are absent.
fn default_values() -> toml::Table {
    // Every field is a string, integer, boolean, list or unset option, which TOML always
    // represents; a unit test checks it, and an empty table would only leave the defaults out.
    // An empty list is no default worth showing: such keys are shown commented out, as unset
    // options are.
    let mut table = toml::Table::try_from(ServerConfig::default()).unwrap_or_default();
    table.retain(|_, value| !matches!(value, toml::Value::Array(items) if items.is_empty()));
    table
}

/// The short help of `arg` without clap's trailing `[default: …]`, which the file shows as
/// the value itself.
fn summary(arg: &Arg) -> String {
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    match help.split_once(" [default: ") {
        Some((text, _)) => text.to_owned(),
        None => help,
    }
}

/// Whether the key is a list (a repeatable flag).
fn takes_a_list(arg: &Arg) -> bool {
    matches!(arg.get_action(), clap::ArgAction::Append)
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| "VALUE".to_owned(), ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `value` as written in help text: strings without their TOML quotes.
    fn plain(value: &toml::Value) -> String {
        match value {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    #[test]
    fn generated_file_parses_back_into_the_defaults() {
        let layer = ConfigLayer::from_toml(&generate_config()).unwrap();
        assert_eq!(
            ServerConfig::resolve(&[layer]).unwrap(),
            ServerConfig::default()
        );
    }

    #[test]
    fn generated_file_mentions_every_key_with_its_flag_and_variable() {
        let text = generate_config();
        for arg in config_args().get_arguments() {
            let key = arg.get_id().as_str();
            let set = text.lines().any(|l| l.starts_with(&format!("{key} = ")));
            let commented = text.lines().any(|l| l.starts_with(&format!("# {key} = ")));
            assert!(set || commented, "{key} missing from the generated config");
            let flag = format!("--{}", key.replace('_', "-"));
            let env = format!("STREAMLINE_{}.", key.to_uppercase());
            let mut words = text.split_whitespace();
            assert!(
                words.clone().any(|w| w == flag),
                "{key}: flag not mentioned"
            );
            assert!(words.any(|w| w == env), "{key}: variable not mentioned");
        }
    }

    #[test]
    fn comments_are_wrapped() {
        let text = generate_config();
        for line in text.lines() {
            assert!(line.len() <= COMMENT_WIDTH + 2, "too long: {line}");
        }
    }

    #[test]
    fn every_key_has_its_streamline_variable_and_flag() {
        for arg in config_args().get_arguments() {
            let key = arg.get_id().as_str();
            let env = arg.get_env().map(|e| e.to_string_lossy().into_owned());
            assert_eq!(
                env,
                Some(format!("STREAMLINE_{}", key.to_uppercase())),
                "{key}"
            );
            assert_eq!(
                arg.get_long(),
                Some(key.replace('_', "-").as_str()),
                "{key}"
            );
        }
    }

    #[test]
    fn config_keys_are_exactly_the_server_fields() {
        // JSON keeps unset options as null, so every field is listed, unlike in TOML.
        let mut fields = match serde_json::to_value(ServerConfig::default()).unwrap() {
            serde_json::Value::Object(map) => map.keys().cloned().collect::<Vec<_>>(),
            other => panic!("ServerConfig serialized as {other}"),
        };
        fields.sort();
        let mut keys: Vec<String> = config_args()
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        keys.sort();
        assert_eq!(keys, fields);
    }

    #[test]
    fn help_states_each_default_accurately() {
        let defaults = default_values();
        for arg in config_args().get_arguments() {
            let key = arg.get_id().as_str();
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            match defaults.get(key) {
                Some(value) => assert!(
                    help.ends_with(&format!("[default: {}]", plain(value))),
                    "{key}: help {help:?} does not end with its default {}",
                    plain(value)
                ),
                None => assert!(!help.contains("[default:"), "{key} has no default"),
            }
        }
    }
}
