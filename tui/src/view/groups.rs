//! The consumer groups table — state, members, total lag, its trend, consume rate and an
//! estimate of the time to catch up — and one group's lag per partition.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Sparkline, Table, TableState};
use ratatui::Frame;

use super::{count, duration_secs, heading, paint, rate, selected, sparkline};
use crate::app::App;
use crate::model::GroupSnapshot;

fn catch_up(app: &App, g: &GroupSnapshot) -> String {
    match app.stats.catch_up_secs(g) {
        Some(0.0) => "caught up".into(),
        Some(s) => duration_secs(s),
        None => "not catching up".into(),
    }
}

pub fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let groups = app.visible_groups();
    let total = app.snapshot.as_ref().map_or(0, |s| s.groups.len());
    let rows = groups.iter().map(|g| {
        let trend = app
            .stats
            .lag_history
            .get(&g.name)
            .map(|h| sparkline(h.iter().copied(), 16))
            .unwrap_or_default();
        Row::new(vec![
            g.name.clone(),
            g.state.clone(),
            g.members.to_string(),
            count(g.lag()),
            trend,
            rate(app.stats.groups.get(&g.name).copied().unwrap_or(0.0)),
            catch_up(app, g),
        ])
    });
    let mut title = format!(
        " Consumer groups ({} of {total}) · sort: {} ",
        groups.len(),
        app.group_sort.label()
    );
    if !app.group_filter.is_empty() {
        title.push_str(&format!("· filter: {} ", app.group_filter));
    }
    let table = Table::new(
        rows,
        [
            Constraint::Min(16),
            Constraint::Length(20),
            Constraint::Length(7),
            Constraint::Length(8),
            Constraint::Length(16),
            Constraint::Length(9),
            Constraint::Length(15),
        ],
    )
    .header(
        Row::new(vec![
            "GROUP",
            "STATE",
            "MEMBERS",
            "LAG",
            "LAG TREND",
            "MSG/S",
            "CATCH-UP",
        ])
        .style(heading(app)),
    )
    .row_highlight_style(selected(app))
    .highlight_symbol("▶ ")
    .block(Block::new().borders(Borders::TOP).title(title));
    let mut state =
        TableState::default().with_selected((!groups.is_empty()).then_some(app.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

pub fn render_detail(app: &App, frame: &mut Frame, area: Rect, name: &str) {
    let group = app
        .snapshot
        .as_ref()
        .and_then(|s| s.groups.iter().find(|g| g.name == name));
    let Some(group) = group else {
        frame.render_widget(Paragraph::new(format!(" group {name} is gone")), area);
        return;
    };
    let [trend, table_area] =
        Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(area);
    let history: Vec<u64> = app
        .stats
        .lag_history
        .get(name)
        .map(|h| h.iter().map(|&l| l.max(0) as u64).collect())
        .unwrap_or_default();
    let shown = stretch(
        &history[history.len().saturating_sub(trend.width as usize)..],
        trend.width as usize,
    );
    frame.render_widget(
        Sparkline::default()
            .block(Block::new().borders(Borders::TOP).title(format!(
                " {} · {} · {} member{} · lag {} · {} msg/s · catch-up {} ",
                group.name,
                group.state,
                group.members,
                if group.members == 1 { "" } else { "s" },
                count(group.lag()),
                rate(app.stats.groups.get(name).copied().unwrap_or(0.0)),
                catch_up(app, group)
            )))
            .style(paint(
                app,
                ratatui::style::Style::new().fg(ratatui::style::Color::Magenta),
            ))
            .data(&shown),
        trend,
    );
    let rows = group.partitions.iter().map(|p| {
        Row::new(vec![
            p.topic.clone(),
            p.partition.to_string(),
            p.committed_offset.to_string(),
            p.end_offset.to_string(),
            count(p.lag()),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(10),
        ],
    )
    .header(Row::new(vec!["TOPIC", "PARTITION", "COMMITTED", "END", "LAG"]).style(heading(app)))
    .row_highlight_style(selected(app))
    .highlight_symbol("▶ ")
    .block(
        Block::new()
            .borders(Borders::TOP)
            .title(" Lag per partition "),
    );
    let mut state = TableState::default().with_selected(Some(app.selected));
    frame.render_stateful_widget(table, table_area, &mut state);
}

/// `samples` drawn across `width` columns: while the history is shorter than the chart, each
/// sample takes several columns, so the trend spans the chart instead of a corner of it.
fn stretch(samples: &[u64], width: usize) -> Vec<u64> {
    if samples.is_empty() || samples.len() >= width {
        return samples.to_vec();
    }
    (0..width)
        .map(|column| samples[column * samples.len() / width])
        .collect()
}
