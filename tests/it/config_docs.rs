//! Keeps docs/CONFIG.md honest: every config key has a table row naming its flag, its
//! environment variable and its actual default.

use clap::{Args, Command};
use streamline::config::{ConfigLayer, ServerConfig};

const CONFIG_MD: &str = include_str!("../../docs/CONFIG.md");

#[test]
fn every_key_is_documented_with_its_flag_variable_and_default() {
    let defaults = toml::Table::try_from(ServerConfig::default()).unwrap();
    for arg in ConfigLayer::augment_args(Command::new("keys")).get_arguments() {
        let key = arg.get_id().as_str();
        let row = CONFIG_MD
            .lines()
            .find(|line| line.starts_with(&format!("| `{key}` |")))
            .unwrap_or_else(|| panic!("docs/CONFIG.md has no row for {key}"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert_eq!(
            cells.get(2),
            Some(&format!("`--{}`", key.replace('_', "-")).as_str())
        );
        let env = format!("`STREAMLINE_{}`", key.to_uppercase());
        assert_eq!(cells.get(3), Some(&env.as_str()), "{key}");
        let default = match defaults.get(key) {
            Some(toml::Value::String(s)) => format!("`{s}`"),
            Some(toml::Value::Array(items)) if items.is_empty() => "unset".to_owned(),
            Some(other) => format!("`{other}`"),
            None => "unset".to_owned(),
        };
        let documented = cells.get(4).copied().unwrap_or_default();
        assert!(
            documented.starts_with(&default),
            "{key}: documented default {documented:?}, actual {default}"
        );
    }
}
