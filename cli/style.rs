//! Colour for human-readable output. `--color auto|always|never` (with `NO_COLOR` and
//! `CLICOLOR_FORCE` honoured under `auto`) sets one global choice; text is written through
//! `anstream`, which drops the escape codes wherever colour is off. JSON and raw output never
//! go through it, so their bytes are never altered.

use anstyle::{AnsiColor, Style};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// Makes `when` the process-wide choice.
pub fn apply(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// Whether colour is wanted on standard error (for the log formatter, which is not anstream).
pub fn stderr_colored() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const HEADING: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const KEY: Style = AnsiColor::Cyan.on_default();
pub const TIME: Style = AnsiColor::Green.on_default();

/// `text` wrapped in `style`'s escape codes.
pub fn paint(style: Style, text: &str) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}
