//! The `?` overlay: every key of the keymap, drawn over the current view.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::heading;
use crate::app::App;
use crate::keymap::KEYMAP;

/// Columns the key column takes, its leading space included.
const KEY_COLUMN: usize = 17;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    // As wide as the longest line (plus the borders) where the frame allows; narrower, lines
    // wrap, and the popup is as tall as the wrapped lines, so nothing is cut off.
    let longest = KEYMAP
        .iter()
        .map(|b| KEY_COLUMN + b.help.chars().count())
        .max()
        .unwrap_or(0);
    let width = area.width.min(longest as u16 + 2);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = KEYMAP
        .iter()
        .map(|b| (KEY_COLUMN + b.help.chars().count()).div_ceil(inner))
        .sum();
    let height = area.height.min(rows as u16 + 2);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let lines: Vec<Line> = KEYMAP
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(
                    format!(" {:<width$}", b.label, width = KEY_COLUMN - 1),
                    heading(app),
                ),
                Span::raw(b.help),
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
