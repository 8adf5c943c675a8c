//! Drawing the [`App`] into a frame: a title bar with the view tabs, the current view, a
//! status line when something is wrong, and a footer with the keys that apply. One file per
//! view. Everything adapts to the frame's size: what does not fit is cut, never wrapped over
//! other parts, and a frame too small for anything says so.

pub mod format;
mod groups;
mod help;
mod overview;
mod topics;

pub use format::{bytes, count, duration_secs, rate, retention, sparkline};

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::{App, View};

/// Smallest frame the dashboard draws into; below it only a note is shown.
const MIN_WIDTH: u16 = 20;
const MIN_HEIGHT: u16 = 5;

/// A style, or no style at all when colour is off (modifiers such as bold and reverse stay:
/// they are not colour).
pub(crate) fn paint(app: &App, style: Style) -> Style {
    if app.color {
        style
    } else {
        Style {
            fg: None,
            bg: None,
            ..style
        }
    }
}

pub(crate) fn heading(app: &App) -> Style {
    paint(
        app,
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    )
}

pub(crate) fn selected(app: &App) -> Style {
    paint(
        app,
        Style::new()
            .bg(Color::Blue)
            .add_modifier(Modifier::REVERSED),
    )
}

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame.render_widget(Paragraph::new("too small"), area);
        return;
    }
    let status_height = u16::from(app.status.is_some());
    let [title, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_height),
        Constraint::Length(1),
    ])
    .areas(area);
    render_title(app, frame, title);
    match &app.view {
        View::Overview => overview::render(app, frame, body),
        View::Topics => topics::render_list(app, frame, body),
        View::Topic(name) => topics::render_detail(app, frame, body, name),
        View::Groups => groups::render_list(app, frame, body),
        View::Group(name) => groups::render_detail(app, frame, body, name),
    }
    if let Some(message) = &app.status {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" ⚠ {message}"),
                paint(
                    app,
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ),
            ))),
            status,
        );
    }
    render_footer(app, frame, footer);
    if app.show_help {
        help::render(app, frame, body);
    }
}

fn render_title(app: &App, frame: &mut Frame, area: Rect) {
    let current = match app.view {
        View::Overview => 0,
        View::Topics | View::Topic(_) => 1,
        View::Groups | View::Group(_) => 2,
    };
    let mut spans = vec![Span::styled(" streamline top ", heading(app))];
    for (i, name) in ["Overview", "Topics", "Groups"].iter().enumerate() {
        let style = if i == current {
            paint(
                app,
                Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            )
        } else {
            Style::new()
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(*name, style));
    }
    let target = app
        .snapshot
        .as_ref()
        .map_or("connecting…", |s| s.target.as_str());
    // The refresh interval always shows whole: a long target gives way first, keeping its end
    // (the port, the last directory).
    let every = format!(" │ every {}", refresh_label(app));
    let used: usize = spans
        .iter()
        .map(|s| s.content.chars().count())
        .sum::<usize>()
        + "  │ ".chars().count()
        + every.chars().count()
        + if app.paused { " PAUSED".len() } else { 0 };
    let room = usize::from(area.width).saturating_sub(used);
    spans.push(Span::raw(format!(
        "  │ {}{every}",
        elide_start(target, room)
    )));
    if app.paused {
        spans.push(Span::styled(
            " PAUSED",
            paint(
                app,
                Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            ),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// `text` in at most `room` characters, its start replaced by "…" when it does not fit.
fn elide_start(text: &str, room: usize) -> String {
    let n = text.chars().count();
    if n <= room {
        return text.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let kept: String = text.chars().skip(n - (room - 1)).collect();
    format!("…{kept}")
}

fn refresh_label(app: &App) -> String {
    let ms = app.refresh.as_millis();
    if ms.is_multiple_of(1000) {
        format!("{}s", ms / 1000)
    } else {
        format!("{:.2}s", ms as f64 / 1000.0)
    }
}

fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    if let Some(text) = &app.editing {
        spans.push(Span::styled(" filter: ", heading(app)));
        spans.push(Span::raw(format!("{text}▏  ")));
    }
    for (key, what) in app.keys() {
        spans.push(Span::styled(
            format!(" {key}"),
            paint(app, Style::new().fg(Color::Black).bg(Color::Cyan)).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
