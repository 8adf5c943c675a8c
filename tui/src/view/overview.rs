//! The overview: totals (topics, partitions, groups, size on disk, connections), messages/s
//! and bytes/s in and out, a chart of the last minutes, and the busiest topics.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Row, Table};
use ratatui::Frame;

use super::{bytes, count, heading, paint, rate};
use crate::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [totals, chart, busiest] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(6),
        Constraint::Length(7),
    ])
    .areas(area);
    render_totals(app, frame, totals);
    render_chart(app, frame, chart);
    render_busiest(app, frame, busiest);
}

fn render_totals(app: &App, frame: &mut Frame, area: Rect) {
    let Some(s) = &app.snapshot else {
        frame.render_widget(
            Paragraph::new(" waiting for the first look at the cluster…"),
            area,
        );
        return;
    };
    let partitions: usize = s.topics.iter().map(|t| t.partitions.len()).sum();
    let size: Option<i64> = s.topics.iter().map(|t| t.size_bytes()).sum();
    let now = app.stats.current();
    let label = |text: &str| Span::styled(text.to_string(), heading(app));
    let mut first = vec![
        label(" Topics "),
        Span::raw(format!("{}   ", s.topics.len())),
        label("Partitions "),
        Span::raw(format!("{partitions}   ")),
        label("Groups "),
        Span::raw(format!("{}   ", s.groups.len())),
        label("Size "),
        Span::raw(format!(
            "{}   ",
            size.map_or("-".into(), |b| bytes(b as f64))
        )),
        label("Brokers "),
        Span::raw(format!("{}", s.brokers)),
    ];
    if let Some(c) = s.connections {
        first.push(label("   Connections "));
        first.push(Span::raw(c.to_string()));
    }
    if let Some((status, healthy)) = &s.health {
        let colour = if *healthy { Color::Green } else { Color::Red };
        first.push(label("   Health "));
        first.push(Span::styled(
            status.clone(),
            paint(app, Style::new().fg(colour)),
        ));
    }
    let in_style = paint(app, Style::new().fg(Color::Green));
    let out_style = paint(app, Style::new().fg(Color::Magenta));
    let second = vec![
        Span::styled(" In  ", in_style),
        Span::raw(format!(
            "{} msg/s  {}/s",
            rate(now.in_messages),
            now.in_bytes.map_or("-".into(), bytes)
        )),
        Span::styled("     Out ", out_style),
        Span::raw(format!(
            "{} msg/s  {} (committed by groups)",
            rate(now.out_messages),
            now.out_bytes
                .map_or("-".into(), |b| format!("≈{}/s", bytes(b)))
        )),
    ];
    let lag: i64 = s.groups.iter().map(|g| g.lag()).sum();
    let third = vec![
        label(" Messages held "),
        Span::raw(format!(
            "{}   ",
            count(s.topics.iter().map(|t| t.messages()).sum())
        )),
        label("Total lag "),
        Span::raw(count(lag)),
    ];
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(first),
            Line::from(second),
            Line::from(third),
        ]),
        area,
    );
}

fn render_chart(app: &App, frame: &mut Frame, area: Rect) {
    let history = &app.stats.history;
    let last_at = history.back().map_or(0, |s| s.at_ms);
    let points = |pick: fn(&crate::stats::Sample) -> f64| -> Vec<(f64, f64)> {
        history
            .iter()
            .map(|s| ((s.at_ms - last_at) as f64 / 1000.0, pick(s)))
            .collect()
    };
    let ins = points(|s| s.in_messages);
    let outs = points(|s| s.out_messages);
    let span_secs = ins.first().map_or(60.0, |(x, _)| (-x).max(60.0));
    let top = ins
        .iter()
        .chain(&outs)
        .map(|(_, y)| *y)
        .fold(1.0f64, f64::max)
        * 1.1;
    let datasets = vec![
        Dataset::default()
            .name("in msg/s")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(paint(app, Style::new().fg(Color::Green)))
            .data(&ins),
        Dataset::default()
            .name("out msg/s")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(paint(app, Style::new().fg(Color::Magenta)))
            .data(&outs),
    ];
    // The legend goes in the title: drawn inside the chart it would hide the newest values,
    // which sit at its top right.
    let title = Line::from(vec![
        Span::raw(" Messages per second  "),
        Span::styled("━ in", paint(app, Style::new().fg(Color::Green))),
        Span::raw("  "),
        Span::styled("━ out", paint(app, Style::new().fg(Color::Magenta))),
        Span::raw(" "),
    ]);
    let chart = Chart::new(datasets)
        .legend_position(None)
        .block(Block::new().borders(Borders::TOP).title(title))
        .x_axis(
            Axis::default()
                .bounds([-span_secs, 0.0])
                .labels([format!("-{}s", span_secs.round()), "now".to_string()]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(["0".to_string(), rate(top)]),
        );
    frame.render_widget(chart, area);
}

fn render_busiest(app: &App, frame: &mut Frame, area: Rect) {
    let mut rates: Vec<(&String, f64)> = app
        .stats
        .topics
        .iter()
        .map(|(name, r)| (name, r.messages_per_sec))
        .filter(|(_, r)| *r > 0.0)
        .collect();
    rates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let rows = rates
        .iter()
        .take(area.height.saturating_sub(2) as usize)
        .map(|(name, r)| Row::new(vec![name.to_string(), format!("{} msg/s", rate(*r))]));
    let table = Table::new(rows, [Constraint::Min(20), Constraint::Length(16)])
        .header(Row::new(vec!["BUSIEST TOPICS", "RATE"]).style(heading(app)))
        .block(Block::new().borders(Borders::TOP));
    frame.render_widget(table, area);
}
