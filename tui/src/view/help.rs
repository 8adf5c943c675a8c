//! The `?` overlay: every key, drawn over the current view.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::heading;
use crate::app::App;

const KEYS: &[(&str, &str)] = &[
    (
        "Tab / Shift-Tab",
        "next / previous view (Overview, Topics, Groups)",
    ),
    (
        "↑ ↓  j k",
        "move the selection (PgUp PgDn, g G: page, ends)",
    ),
    ("Enter", "open the selected topic or group"),
    ("Esc", "back; cancels a filter being typed"),
    (
        "/",
        "filter: topics and groups by name, a topic's tail by regex",
    ),
    ("s", "sort by the next column"),
    ("p  space", "pause / resume updates"),
    ("+ / -", "refresh faster / slower"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width.min(72);
    let height = area.height.min(KEYS.len() as u16 + 4);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(format!(" {k:<16}"), heading(app)),
                Span::raw(*what),
            ])
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(Block::new().borders(Borders::ALL).title(" Keys ")),
        popup,
    );
}
