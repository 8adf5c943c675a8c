//! Every key of the dashboard, as data: what the key handler in `app` dispatches on and what
//! the `?` help lists are this one table, so they cannot drift apart.

use ratatui::crossterm::event::KeyCode;

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextView,
    PreviousView,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Back,
    Filter,
    Sort,
    Pause,
    Faster,
    Slower,
    Help,
    Quit,
}

/// One line of the help: the keys as it shows them, what they do, and the keys themselves.
pub struct Binding {
    pub label: &'static str,
    pub help: &'static str,
    pub keys: &'static [(KeyCode, Command)],
}

/// The dashboard's keys, in the order the help lists them. Ctrl-C quits too (handled before
/// the table, as it needs its modifier).
pub const KEYMAP: &[Binding] = &[
    Binding {
        label: "Tab / Shift-Tab",
        help: "next / previous view (Overview, Topics, Groups)",
        keys: &[
            (KeyCode::Tab, Command::NextView),
            (KeyCode::BackTab, Command::PreviousView),
        ],
    },
    Binding {
        label: "↑ ↓  k j",
        help: "move the selection",
        keys: &[
            (KeyCode::Up, Command::Up),
            (KeyCode::Char('k'), Command::Up),
            (KeyCode::Down, Command::Down),
            (KeyCode::Char('j'), Command::Down),
        ],
    },
    Binding {
        label: "PgUp PgDn",
        help: "move the selection by a page",
        keys: &[
            (KeyCode::PageUp, Command::PageUp),
            (KeyCode::PageDown, Command::PageDown),
        ],
    },
    Binding {
        label: "Home End  g G",
        help: "first / last row",
        keys: &[
            (KeyCode::Home, Command::First),
            (KeyCode::Char('g'), Command::First),
            (KeyCode::End, Command::Last),
            (KeyCode::Char('G'), Command::Last),
        ],
    },
    Binding {
        label: "Enter",
        help: "open the selected topic or group",
        keys: &[(KeyCode::Enter, Command::Open)],
    },
    Binding {
        label: "Esc",
        help: "back; cancels a filter being typed",
        keys: &[(KeyCode::Esc, Command::Back)],
    },
    Binding {
        label: "/",
        help: "filter: topics and groups by name, a topic's tail by regex",
        keys: &[(KeyCode::Char('/'), Command::Filter)],
    },
    Binding {
        label: "s",
        help: "sort by the next column",
        keys: &[(KeyCode::Char('s'), Command::Sort)],
    },
    Binding {
        label: "p  space",
        help: "pause / resume updates",
        keys: &[
            (KeyCode::Char('p'), Command::Pause),
            (KeyCode::Char(' '), Command::Pause),
        ],
    },
    Binding {
        label: "+ = / -",
        help: "refresh faster / slower",
        keys: &[
            (KeyCode::Char('+'), Command::Faster),
            (KeyCode::Char('='), Command::Faster),
            (KeyCode::Char('-'), Command::Slower),
        ],
    },
    Binding {
        label: "?",
        help: "this help",
        keys: &[(KeyCode::Char('?'), Command::Help)],
    },
    Binding {
        label: "q  Ctrl-C",
        help: "quit",
        keys: &[(KeyCode::Char('q'), Command::Quit)],
    },
];

/// What `code` does, if anything.
pub fn command_for(code: KeyCode) -> Option<Command> {
    KEYMAP
        .iter()
        .flat_map(|b| b.keys.iter())
        .find(|(k, _)| *k == code)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let keys: Vec<KeyCode> = KEYMAP
            .iter()
            .flat_map(|b| b.keys.iter().map(|(k, _)| *k))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k:?} is bound twice");
        }
    }

    #[test]
    fn every_command_has_a_key() {
        use Command::*;
        for c in [
            NextView,
            PreviousView,
            Up,
            Down,
            PageUp,
            PageDown,
            First,
            Last,
            Open,
            Back,
            Filter,
            Sort,
            Pause,
            Faster,
            Slower,
            Help,
            Quit,
        ] {
            assert!(
                KEYMAP
                    .iter()
                    .any(|b| b.keys.iter().any(|(_, bound)| *bound == c)),
                "{c:?} has no key"
            );
        }
    }
}
