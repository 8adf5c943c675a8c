//! The topics table (sortable, filterable) and one topic's detail: its partitions with
//! offsets, sizes and rates, and a live tail of its newest records (with the topic's schemas,
//! when a registry is known).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState};
use ratatui::Frame;

use super::{bytes, count, heading, rate, retention, selected};
use crate::app::App;

fn title(label: &str, shown: usize, total: usize, sort: &str, filter: &str) -> String {
    let mut t = format!(" {label} ({shown} of {total}) · sort: {sort} ");
    if !filter.is_empty() {
        t.push_str(&format!("· filter: {filter} "));
    }
    t
}

pub fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let topics = app.visible_topics();
    let total = app.snapshot.as_ref().map_or(0, |s| s.topics.len());
    let rows = topics.iter().map(|t| {
        let r = app.stats.topics.get(&t.name).copied().unwrap_or_default();
        Row::new(vec![
            match (t.diskless, t.compacted) {
                (true, true) => format!("{} (diskless, compacted)", t.name),
                (true, false) => format!("{} (diskless)", t.name),
                (false, true) => format!("{} (compacted)", t.name),
                (false, false) => t.name.clone(),
            },
            t.partitions.len().to_string(),
            rate(r.messages_per_sec),
            r.bytes_per_sec
                .map_or("-".into(), |b| format!("{}/s", bytes(b))),
            count(t.messages()),
            t.size_bytes().map_or("-".into(), |b| bytes(b as f64)),
            retention(t.retention_ms),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(9),
            Constraint::Length(13),
            Constraint::Length(9),
            Constraint::Length(10),
            Constraint::Length(9),
        ],
    )
    .header(
        Row::new(vec![
            "TOPIC",
            "PARTITIONS",
            "MSG/S",
            "BYTES/S",
            "MESSAGES",
            "SIZE",
            "RETENTION",
        ])
        .style(heading(app)),
    )
    .row_highlight_style(selected(app))
    .highlight_symbol("▶ ")
    .block(Block::new().borders(Borders::TOP).title(title(
        "Topics",
        topics.len(),
        total,
        app.topic_sort.label(),
        &app.topic_filter,
    )));
    let mut state =
        TableState::default().with_selected((!topics.is_empty()).then_some(app.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

pub fn render_detail(app: &App, frame: &mut Frame, area: Rect, name: &str) {
    let topic = app
        .snapshot
        .as_ref()
        .and_then(|s| s.topics.iter().find(|t| t.name == name));
    let Some(topic) = topic else {
        frame.render_widget(Paragraph::new(format!(" topic {name} is gone")), area);
        return;
    };
    let partition_rows = (topic.partitions.len() as u16 + 2)
        .min(area.height / 2)
        .max(3);
    let [top, tail] =
        Layout::vertical([Constraint::Length(partition_rows), Constraint::Min(3)]).areas(area);
    let rows = topic.partitions.iter().map(|p| {
        let r = app
            .stats
            .partitions
            .get(&(topic.name.clone(), p.partition))
            .copied()
            .unwrap_or(0.0);
        Row::new(vec![
            p.partition.to_string(),
            p.start_offset.to_string(),
            p.end_offset.to_string(),
            count((p.end_offset - p.start_offset).max(0)),
            p.size_bytes.map_or("-".into(), |b| bytes(b as f64)),
            rate(r),
        ])
    });
    let r = app
        .stats
        .topics
        .get(&topic.name)
        .copied()
        .unwrap_or_default();
    let table = Table::new(
        rows,
        [
            Constraint::Length(10),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(9),
        ],
    )
    .header(
        Row::new(vec![
            "PARTITION",
            "START",
            "END",
            "MESSAGES",
            "SIZE",
            "MSG/S",
        ])
        .style(heading(app)),
    )
    .row_highlight_style(selected(app))
    .highlight_symbol("▶ ")
    .block(Block::new().borders(Borders::TOP).title(format!(
        " {} · {} partitions · {} msg/s · {} held · retention {}{}{} ",
        topic.name,
        topic.partitions.len(),
        rate(r.messages_per_sec),
        count(topic.messages()),
        retention(topic.retention_ms),
        if topic.diskless { " · diskless" } else { "" },
        if topic.compacted { " · compacted" } else { "" }
    )));
    let mut state = TableState::default().with_selected(Some(app.selected));
    frame.render_stateful_widget(table, top, &mut state);

    let records = app.visible_tail();
    let height = tail.height.saturating_sub(1) as usize;
    let lines: Vec<Line> = records
        .iter()
        .skip(records.len().saturating_sub(height))
        .map(|r| {
            Line::raw(format!(
                "{:>3}:{:<8} {} {}",
                r.partition,
                r.offset,
                r.key.as_deref().map_or(String::new(), |k| format!("{k} →")),
                r.value.as_deref().unwrap_or("(null)")
            ))
        })
        .collect();
    let mut title = format!(" Newest records ({} shown) ", records.len());
    for schema in &app.tail_schemas {
        title.push_str(&format!("· {schema} "));
    }
    if let Some(re) = &app.tail_filter {
        title.push_str(&format!("· filter: {} ", re.as_str()));
    }
    if app.paused {
        title.push_str("· paused ");
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::new().borders(Borders::TOP).title(title)),
        tail,
    );
}
