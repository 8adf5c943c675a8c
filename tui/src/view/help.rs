//! The `?` overlay: every key, drawn over the current view.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
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

/// Columns the key column takes, its leading space included.
const KEY_COLUMN: usize = 17;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    // As wide as the longest line (plus the borders) where the frame allows; narrower, lines
    // wrap, and the popup is as tall as the wrapped lines, so nothing is cut off.
    let longest = KEYS
        .iter()
        .map(|(_, what)| KEY_COLUMN + what.chars().count())
        .max()
        .unwrap_or(0);
    let width = area.width.min(longest as u16 + 2);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = KEYS
        .iter()
        .map(|(_, what)| (KEY_COLUMN + what.chars().count()).div_ceil(inner))
        .sum();
    let height = area.height.min(rows as u16 + 2);
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
                Span::styled(
                    format!(" {k:<width$}", width = KEY_COLUMN - 1),
                    heading(app),
                ),
                Span::raw(*what),
            ])
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::new().borders(Borders::ALL).title(" Keys ")),
        popup,
    );
}
