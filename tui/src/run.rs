//! The terminal and the event loop. The source is polled on a thread of its own — every
//! refresh interval, and at once when the interval or the tailed topic changes — and its
//! results come back over a channel, so keys are handled while a poll waits on the network.
//! The screen is redrawn only when something changed, and the loop sleeps in the terminal's
//! event poll otherwise, so an idle dashboard costs next to no CPU.
//!
//! `ratatui::init` puts the terminal in raw mode on the alternate screen and installs a panic
//! hook that restores it; the normal exit restores it too. Ctrl-C arrives as a key in raw mode
//! and quits like `q`.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::app::{Action, App, TAIL_RECORDS};
use crate::model::{Snapshot, TailRecord};
use crate::source::Source;
use crate::view;

/// How long the loop waits for a key before looking for new data.
const INPUT_POLL: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    pub refresh: Duration,
    pub color: bool,
}

enum Update {
    Snapshot(Snapshot),
    Tail(Vec<TailRecord>),
    Schemas(Vec<String>),
    Error(String),
}

enum Command {
    Refresh(Duration),
    Tail(Option<String>),
}

/// Runs the dashboard until the user quits.
pub fn run(source: Box<dyn Source>, options: RunOptions) -> std::io::Result<()> {
    let (update_tx, updates) = mpsc::channel();
    let (commands, command_rx) = mpsc::channel();
    let refresh = options.refresh;
    // Not joined at exit: a poll may be stuck on an unreachable broker, and the process is
    // about to end anyway.
    std::thread::Builder::new()
        .name("top-poller".into())
        .spawn(move || poll(source, refresh, command_rx, update_tx))?;
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &updates, &commands, options);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    updates: &Receiver<Update>,
    commands: &Sender<Command>,
    options: RunOptions,
) -> std::io::Result<()> {
    let mut app = App::new(options.refresh, options.color);
    let mut dirty = true;
    loop {
        while let Ok(update) = updates.try_recv() {
            match update {
                Update::Snapshot(s) => app.apply_snapshot(s),
                Update::Tail(records) => app.apply_tail(records),
                Update::Schemas(lines) => app.tail_schemas = lines,
                Update::Error(e) => app.apply_error(e),
            }
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| view::render(&app, frame))?;
            dirty = false;
        }
        if !event::poll(INPUT_POLL)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                dirty = true;
                // A closed channel only means the poller is gone; the keys still work.
                match app.handle_key(key) {
                    Action::Quit => return Ok(()),
                    Action::RefreshChanged => {
                        let _ = commands.send(Command::Refresh(app.refresh));
                    }
                    Action::Tail(topic) => {
                        let _ = commands.send(Command::Tail(topic));
                    }
                    Action::None => {}
                }
            }
            Event::Resize(..) => dirty = true,
            _ => {}
        }
    }
}

fn poll(
    mut source: Box<dyn Source>,
    mut refresh: Duration,
    commands: Receiver<Command>,
    updates: Sender<Update>,
) {
    let mut tail: Option<String> = None;
    loop {
        let update = match source.snapshot() {
            Ok(s) => Update::Snapshot(s),
            Err(e) => Update::Error(e),
        };
        if updates.send(update).is_err() {
            return;
        }
        if let Some(topic) = &tail {
            let update = match source.tail(topic, TAIL_RECORDS) {
                Ok(records) => Update::Tail(records),
                Err(e) => Update::Error(e),
            };
            if updates.send(update).is_err() {
                return;
            }
            if let Ok(lines) = source.schemas(topic) {
                if updates.send(Update::Schemas(lines)).is_err() {
                    return;
                }
            }
        }
        match commands.recv_timeout(refresh) {
            Ok(Command::Refresh(d)) => refresh = d,
            Ok(Command::Tail(t)) => tail = t,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}
