//! The dashboard's state and what each key does to it. Nothing here draws or touches the
//! terminal, so tests drive it with key events and inspect the result.
//!
//! Views: Overview, Topics and Groups (Tab cycles them), and the detail of one topic or one
//! group (Enter drills in, Esc goes back). A filter being typed (after `/`) takes every key and
//! applies as it is typed; Enter keeps it, Esc returns to the one before.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::keymap::{self, Command};
use regex::{Regex, RegexBuilder};

use crate::model::{GroupSnapshot, Snapshot, TailRecord, TopicSnapshot};
use crate::stats::Stats;

/// Refresh intervals `+` and `-` step through.
pub const REFRESH_STEPS: [Duration; 7] = [
    Duration::from_millis(250),
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(5),
    Duration::from_secs(10),
    Duration::from_secs(30),
];

/// Records the topic view's live tail keeps.
pub const TAIL_RECORDS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Overview,
    Topics,
    Groups,
    Topic(String),
    Group(String),
}

impl View {
    /// The top-level view a detail view belongs to.
    fn parent(&self) -> View {
        match self {
            View::Topic(_) => View::Topics,
            View::Group(_) => View::Groups,
            other => other.clone(),
        }
    }
}

/// Columns the topics table sorts by (`s` cycles them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicSort {
    Name,
    Rate,
    Bytes,
    Messages,
    Size,
    Partitions,
}

impl TopicSort {
    fn next(self) -> TopicSort {
        match self {
            TopicSort::Name => TopicSort::Rate,
            TopicSort::Rate => TopicSort::Bytes,
            TopicSort::Bytes => TopicSort::Messages,
            TopicSort::Messages => TopicSort::Size,
            TopicSort::Size => TopicSort::Partitions,
            TopicSort::Partitions => TopicSort::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TopicSort::Name => "name",
            TopicSort::Rate => "msg/s",
            TopicSort::Bytes => "bytes/s",
            TopicSort::Messages => "messages",
            TopicSort::Size => "size",
            TopicSort::Partitions => "partitions",
        }
    }
}

/// Columns the groups table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupSort {
    Name,
    Lag,
    Members,
}

impl GroupSort {
    fn next(self) -> GroupSort {
        match self {
            GroupSort::Name => GroupSort::Lag,
            GroupSort::Lag => GroupSort::Members,
            GroupSort::Members => GroupSort::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GroupSort::Name => "name",
            GroupSort::Lag => "lag",
            GroupSort::Members => "members",
        }
    }
}

/// What the event loop must do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    Quit,
    /// Poll at the new [`App::refresh`] from now on.
    RefreshChanged,
    /// Tail this topic (or none) from now on.
    Tail(Option<String>),
}

#[derive(Debug)]
pub struct App {
    pub view: View,
    pub snapshot: Option<Snapshot>,
    pub stats: Stats,
    /// Row selected in the current list.
    pub selected: usize,
    pub topic_filter: String,
    pub group_filter: String,
    pub tail_filter: Option<Regex>,
    /// A filter being typed, if any.
    pub editing: Option<String>,
    /// The filter in force when typing began, restored by Esc.
    filter_before_edit: Option<String>,
    pub topic_sort: TopicSort,
    pub group_sort: GroupSort,
    /// Updates are not shown while paused (the view holds still).
    pub paused: bool,
    pub refresh: Duration,
    pub show_help: bool,
    /// A problem to show in the status line (a lost connection, a bad filter).
    pub status: Option<String>,
    pub tail: Vec<TailRecord>,
    /// The tailed topic's schemas (its subjects' latest versions), one line each.
    pub tail_schemas: Vec<String>,
    /// Whether to use colour (off for NO_COLOR and `--color never`).
    pub color: bool,
}

impl App {
    pub fn new(refresh: Duration, color: bool) -> App {
        App {
            view: View::Overview,
            snapshot: None,
            stats: Stats::default(),
            selected: 0,
            topic_filter: String::new(),
            group_filter: String::new(),
            tail_filter: None,
            editing: None,
            filter_before_edit: None,
            topic_sort: TopicSort::Name,
            group_sort: GroupSort::Name,
            paused: false,
            refresh,
            show_help: false,
            status: None,
            tail: Vec::new(),
            tail_schemas: Vec::new(),
            color,
        }
    }

    /// Takes in a new snapshot (ignored while paused).
    pub fn apply_snapshot(&mut self, snapshot: Snapshot) {
        if self.paused {
            return;
        }
        self.stats.update(&snapshot);
        self.snapshot = Some(snapshot);
        self.status = None;
        self.clamp_selection();
    }

    /// Takes in the newest records of the tailed topic (ignored while paused).
    pub fn apply_tail(&mut self, records: Vec<TailRecord>) {
        if self.paused {
            return;
        }
        self.tail = records;
        let excess = self.tail.len().saturating_sub(TAIL_RECORDS);
        self.tail.drain(..excess);
    }

    /// A failed poll: the last data stays on screen with the reason in the status line.
    pub fn apply_error(&mut self, message: String) {
        self.status = Some(message);
    }

    /// Topics passing the filter, in the chosen order.
    pub fn visible_topics(&self) -> Vec<&TopicSnapshot> {
        let Some(s) = &self.snapshot else {
            return Vec::new();
        };
        let filter = self.topic_filter.to_lowercase();
        let mut topics: Vec<&TopicSnapshot> = s
            .topics
            .iter()
            .filter(|t| t.name.to_lowercase().contains(&filter))
            .collect();
        let rate = |t: &TopicSnapshot| self.stats.topics.get(&t.name).copied().unwrap_or_default();
        match self.topic_sort {
            TopicSort::Name => topics.sort_by(|a, b| a.name.cmp(&b.name)),
            TopicSort::Rate => topics.sort_by(|a, b| {
                rate(b)
                    .messages_per_sec
                    .total_cmp(&rate(a).messages_per_sec)
            }),
            TopicSort::Bytes => topics.sort_by(|a, b| {
                let bytes = |t| rate(t).bytes_per_sec.unwrap_or(0.0);
                bytes(b).total_cmp(&bytes(a))
            }),
            TopicSort::Messages => topics.sort_by_key(|t| std::cmp::Reverse(t.messages())),
            TopicSort::Size => {
                topics.sort_by_key(|t| std::cmp::Reverse(t.size_bytes().unwrap_or(0)))
            }
            TopicSort::Partitions => topics.sort_by_key(|t| std::cmp::Reverse(t.partitions.len())),
        }
        topics
    }

    /// Groups passing the filter, in the chosen order.
    pub fn visible_groups(&self) -> Vec<&GroupSnapshot> {
        let Some(s) = &self.snapshot else {
            return Vec::new();
        };
        let filter = self.group_filter.to_lowercase();
        let mut groups: Vec<&GroupSnapshot> = s
            .groups
            .iter()
            .filter(|g| g.name.to_lowercase().contains(&filter))
            .collect();
        match self.group_sort {
            GroupSort::Name => groups.sort_by(|a, b| a.name.cmp(&b.name)),
            GroupSort::Lag => groups.sort_by_key(|g| std::cmp::Reverse(g.lag())),
            GroupSort::Members => groups.sort_by_key(|g| std::cmp::Reverse(g.members)),
        }
        groups
    }

    /// The tail records passing the tail filter.
    pub fn visible_tail(&self) -> Vec<&TailRecord> {
        self.tail
            .iter()
            .filter(|r| {
                self.tail_filter.as_ref().is_none_or(|re| {
                    r.value.as_deref().is_some_and(|v| re.is_match(v))
                        || r.key.as_deref().is_some_and(|k| re.is_match(k))
                })
            })
            .collect()
    }

    fn list_len(&self) -> usize {
        match &self.view {
            View::Topics => self.visible_topics().len(),
            View::Groups => self.visible_groups().len(),
            View::Topic(name) => self
                .snapshot
                .as_ref()
                .and_then(|s| s.topics.iter().find(|t| &t.name == name))
                .map_or(0, |t| t.partitions.len()),
            View::Group(name) => self
                .snapshot
                .as_ref()
                .and_then(|s| s.groups.iter().find(|g| &g.name == name))
                .map_or(0, |g| g.partitions.len()),
            View::Overview => 0,
        }
    }

    fn clamp_selection(&mut self) {
        self.selected = self.selected.min(self.list_len().saturating_sub(1));
    }

    fn go(&mut self, view: View) -> Action {
        let tail = match &view {
            View::Topic(name) => Some(name.clone()),
            _ => None,
        };
        let was_tailing = matches!(self.view, View::Topic(_));
        self.view = view;
        self.selected = 0;
        self.tail.clear();
        self.tail_schemas.clear();
        if tail.is_some() || was_tailing {
            Action::Tail(tail)
        } else {
            Action::None
        }
    }

    /// Applies one key press.
    pub fn handle_key(&mut self, key: KeyEvent) -> Action {
        if key.kind == KeyEventKind::Release {
            return Action::None;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Action::Quit;
        }
        if let Some(text) = self.editing.as_mut() {
            match key.code {
                KeyCode::Char(c) => {
                    text.push(c);
                    let text = text.clone();
                    self.apply_filter_live(text);
                }
                KeyCode::Backspace => {
                    text.pop();
                    let text = text.clone();
                    self.apply_filter_live(text);
                }
                KeyCode::Esc => {
                    // Back to the filter that was in force before typing began.
                    self.editing = None;
                    if let Some(before) = self.filter_before_edit.take() {
                        self.apply_filter(before);
                    }
                }
                KeyCode::Enter => {
                    let text = self.editing.take().unwrap_or_default();
                    self.filter_before_edit = None;
                    self.apply_filter(text);
                }
                _ => {}
            }
            return Action::None;
        }
        if self.show_help {
            // Any key closes the help; q still quits.
            self.show_help = false;
            return if key.code == KeyCode::Char('q') {
                Action::Quit
            } else {
                Action::None
            };
        }
        let Some(command) = keymap::command_for(key.code) else {
            return Action::None;
        };
        match command {
            Command::Quit => Action::Quit,
            Command::Help => {
                self.show_help = true;
                Action::None
            }
            Command::NextView | Command::PreviousView => {
                let next = match (self.view.parent(), command == Command::PreviousView) {
                    (View::Overview, false) | (View::Groups, true) => View::Topics,
                    (View::Topics, false) | (View::Overview, true) => View::Groups,
                    _ => View::Overview,
                };
                self.go(next)
            }
            Command::Open => match &self.view {
                View::Overview => self.go(View::Topics),
                View::Topics => match self.visible_topics().get(self.selected) {
                    Some(t) => {
                        let name = t.name.clone();
                        self.go(View::Topic(name))
                    }
                    None => Action::None,
                },
                View::Groups => match self.visible_groups().get(self.selected) {
                    Some(g) => {
                        let name = g.name.clone();
                        self.go(View::Group(name))
                    }
                    None => Action::None,
                },
                _ => Action::None,
            },
            Command::Back => {
                if self.view != self.view.parent() {
                    let parent = self.view.parent();
                    self.go(parent)
                } else {
                    Action::None
                }
            }
            Command::Up => {
                self.selected = self.selected.saturating_sub(1);
                Action::None
            }
            Command::Down => {
                self.selected = (self.selected + 1).min(self.list_len().saturating_sub(1));
                Action::None
            }
            Command::PageUp => {
                self.selected = self.selected.saturating_sub(10);
                Action::None
            }
            Command::PageDown => {
                self.selected = (self.selected + 10).min(self.list_len().saturating_sub(1));
                Action::None
            }
            Command::First => {
                self.selected = 0;
                Action::None
            }
            Command::Last => {
                self.selected = self.list_len().saturating_sub(1);
                Action::None
            }
            Command::Filter => {
                self.editing = Some(match &self.view {
                    View::Topics => self.topic_filter.clone(),
                    View::Groups => self.group_filter.clone(),
                    View::Topic(_) => self
                        .tail_filter
                        .as_ref()
                        .map(|r| r.as_str().to_string())
                        .unwrap_or_default(),
                    _ => String::new(),
                });
                self.filter_before_edit = self.editing.clone();
                if matches!(self.view, View::Overview | View::Group(_)) {
                    // Filtering happens in the lists: go to the topics.
                    self.view = View::Topics;
                    self.selected = 0;
                }
                Action::None
            }
            Command::Sort => {
                match self.view {
                    View::Topics => self.topic_sort = self.topic_sort.next(),
                    View::Groups => self.group_sort = self.group_sort.next(),
                    _ => {}
                }
                self.selected = 0;
                Action::None
            }
            Command::Pause => {
                self.paused = !self.paused;
                Action::None
            }
            Command::Faster => self.step_refresh(-1),
            Command::Slower => self.step_refresh(1),
        }
    }

    fn step_refresh(&mut self, direction: isize) -> Action {
        let at = REFRESH_STEPS
            .iter()
            .position(|&d| d >= self.refresh)
            .unwrap_or(REFRESH_STEPS.len() - 1);
        let next = at
            .saturating_add_signed(direction)
            .min(REFRESH_STEPS.len() - 1);
        if REFRESH_STEPS[next] == self.refresh {
            return Action::None;
        }
        self.refresh = REFRESH_STEPS[next];
        Action::RefreshChanged
    }

    /// Applies a filter while it is typed: names at every key; a tail regex whenever what is
    /// typed so far compiles (half a regex is not an error yet).
    fn apply_filter_live(&mut self, text: String) {
        if matches!(self.view, View::Topic(_))
            && !text.is_empty()
            && RegexBuilder::new(&text).build().is_err()
        {
            return;
        }
        self.apply_filter(text);
    }

    fn apply_filter(&mut self, text: String) {
        match &self.view {
            View::Topics => self.topic_filter = text,
            View::Groups => self.group_filter = text,
            View::Topic(_) if text.is_empty() => self.tail_filter = None,
            View::Topic(_) => match RegexBuilder::new(&text).case_insensitive(true).build() {
                Ok(re) => self.tail_filter = Some(re),
                Err(e) => {
                    self.status = Some(format!(
                        "bad filter: {}",
                        e.to_string().lines().last().unwrap_or("invalid regex")
                    ));
                }
            },
            _ => {}
        }
        self.selected = 0;
    }

    /// The keys that apply now, for the footer: (key, what it does).
    pub fn keys(&self) -> Vec<(&'static str, &'static str)> {
        if self.editing.is_some() {
            return vec![
                ("Enter", "apply"),
                ("Esc", "cancel"),
                ("Backspace", "delete"),
            ];
        }
        if self.show_help {
            return vec![("any key", "close help"), ("q", "quit")];
        }
        let mut keys = vec![("q", "quit"), ("?", "help"), ("Tab", "view")];
        match self.view {
            View::Overview => keys.push(("Enter", "topics")),
            View::Topics | View::Groups => {
                keys.extend([
                    ("↑↓", "move"),
                    ("Enter", "open"),
                    ("/", "filter"),
                    ("s", "sort"),
                ]);
            }
            View::Topic(_) => keys.extend([("Esc", "back"), ("/", "filter tail")]),
            View::Group(_) => keys.push(("Esc", "back")),
        }
        keys.push(("p", if self.paused { "resume" } else { "pause" }));
        keys.push(("+/-", "refresh"));
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn refresh_steps_stop_at_the_ends() {
        let mut app = App::new(Duration::from_secs(1), false);
        assert_eq!(
            app.handle_key(key(KeyCode::Char('+'))),
            Action::RefreshChanged
        );
        assert_eq!(app.refresh, Duration::from_millis(500));
        app.handle_key(key(KeyCode::Char('+')));
        assert_eq!(app.handle_key(key(KeyCode::Char('+'))), Action::None);
        assert_eq!(app.refresh, Duration::from_millis(250));
        for _ in 0..10 {
            app.handle_key(key(KeyCode::Char('-')));
        }
        assert_eq!(app.refresh, Duration::from_secs(30));
    }
}
