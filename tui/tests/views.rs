//! Every view of the dashboard rendered from deterministic data into ratatui's TestBackend at
//! 80×24 and 160×48, compared with insta snapshots in `snapshots/` (`top-*.snap`); and key
//! sequences driven through the event handler, checking where they leave the dashboard.
//! After an intended change: `INSTA_UPDATE=always cargo test -p streamline-tui`.

use std::time::Duration;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use streamline_tui::app::{Action, GroupSort, TopicSort, View};
use streamline_tui::{
    view, App, GroupPartition, GroupSnapshot, PartitionSnapshot, Snapshot, TailRecord,
    TopicSnapshot,
};

fn topic(name: &str, partitions: i32, end: i64, size_per_record: i64) -> TopicSnapshot {
    TopicSnapshot {
        name: name.into(),
        partitions: (0..partitions)
            .map(|p| PartitionSnapshot {
                partition: p,
                start_offset: 0,
                end_offset: end + i64::from(p) * 10,
                size_bytes: Some((end + i64::from(p) * 10) * size_per_record),
            })
            .collect(),
        retention_ms: Some(604_800_000),
        // One topic kept in memory only and one compacted, to show how the views mark them.
        diskless: name == "logs",
        compacted: name == "clickstream",
    }
}

fn group(name: &str, topic: &str, partitions: i32, committed: i64, end: i64) -> GroupSnapshot {
    GroupSnapshot {
        name: name.into(),
        state: "Stable".into(),
        members: partitions as usize,
        partitions: (0..partitions)
            .map(|p| GroupPartition {
                topic: topic.into(),
                partition: p,
                committed_offset: committed + i64::from(p) * 10,
                end_offset: end + i64::from(p) * 10,
            })
            .collect(),
    }
}

/// The cluster at second `t`: orders grows 100 msg/s per partition, billing consumes 150/s.
fn snapshot(t: i64) -> Snapshot {
    Snapshot {
        taken_at_ms: 1_700_000_000_000 + t * 1000,
        target: "127.0.0.1:9092".into(),
        brokers: 1,
        connections: Some(7),
        health: None,
        topics: vec![
            topic("orders", 6, 10_000 + 100 * t, 120),
            topic("clickstream", 3, 50_000 + 1000 * t, 300),
            topic("logs", 1, 1_234, 80),
        ],
        groups: vec![
            group("billing", "orders", 6, 8_000 + 150 * t, 10_000 + 100 * t),
            group("audit", "logs", 1, 1_234, 1_234),
        ],
    }
}

fn app() -> App {
    let mut app = App::new(Duration::from_secs(1), false);
    for t in 0..5 {
        app.apply_snapshot(snapshot(t));
    }
    app.apply_tail(
        (0..30)
            .map(|i| TailRecord {
                partition: i % 6,
                offset: 10_000 + i64::from(i),
                timestamp_ms: 1_700_000_004_000,
                key: Some(format!("customer-{}", i % 7)),
                value: Some(format!("{{\"order\":{i},\"total\":{}.50}}", i * 3)),
            })
            .collect(),
    );
    app
}

fn key(app: &mut App, code: KeyCode) -> Action {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    terminal.backend().to_string()
}

fn snapshot_all(name: &str, app: &App) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(format!("top-{name}-{w}x{h}"), render(app, w, h));
        }
    });
}

#[test]
fn overview() {
    snapshot_all("overview", &app());
}

/// With the broker's HTTP address known, the header says how its readiness probe answered.
#[test]
fn overview_shows_http_health() {
    for (status, healthy) in [("ready", true), ("recovering", false)] {
        let mut app = App::new(Duration::from_secs(1), false);
        app.apply_snapshot(Snapshot {
            health: Some((status.to_string(), healthy)),
            ..snapshot(0)
        });
        let screen = render(&app, 160, 48);
        assert!(
            screen.contains(&format!("Connections 7   Health {status}")),
            "{screen}"
        );
    }
}

#[test]
fn topics_table() {
    let mut app = app();
    key(&mut app, KeyCode::Tab);
    snapshot_all("topics", &app);
}

#[test]
fn topic_detail_with_tail() {
    let mut app = app();
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Down);
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Action::Tail(Some("logs".into()))
    );
    // The tail arrives after drilling in.
    let records = app_tail();
    app.apply_tail(records);
    snapshot_all("topic-detail", &app);
}

fn app_tail() -> Vec<TailRecord> {
    (0..5)
        .map(|i| TailRecord {
            partition: 0,
            offset: 1_229 + i,
            timestamp_ms: 1_700_000_004_000,
            key: None,
            value: Some(format!("GET /item/{i} 200")),
        })
        .collect()
}

#[test]
fn groups_table_and_detail() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.view, View::Groups);
    snapshot_all("groups", &app);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Group("billing".into()));
    snapshot_all("group-detail", &app);
}

#[test]
fn help_overlay_and_status_line() {
    let mut app = app();
    key(&mut app, KeyCode::Char('?'));
    app.apply_error("connection lost (127.0.0.1:9092: connection refused); retrying".into());
    snapshot_all("help", &app);
}

#[test]
fn a_tiny_terminal_shows_what_fits() {
    let app = app();
    let tiny = render(&app, 12, 4);
    assert!(tiny.contains("too small"), "{tiny}");
    let narrow = render(&app, 40, 10);
    assert!(narrow.contains("streamline top"), "{narrow}");
}

#[test]
fn keys_move_filter_sort_drill_in_and_out() {
    let mut app = app();
    assert_eq!(key(&mut app, KeyCode::Enter), Action::None);
    assert_eq!(app.view, View::Topics);
    let names = |app: &App| -> Vec<String> {
        app.visible_topics()
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    assert_eq!(names(&app), ["clickstream", "logs", "orders"]);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.topic_sort, TopicSort::Rate);
    assert_eq!(
        names(&app),
        ["clickstream", "orders", "logs"],
        "busiest first"
    );
    // Filter: typed after '/', applied as it is typed and kept with Enter; Esc while typing
    // returns to the filter in force before.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "O");
    assert_eq!(names(&app), ["orders", "logs"], "applied at the first key");
    typed(&mut app, "RD");
    assert_eq!(names(&app), ["orders"], "applied while typing");
    key(&mut app, KeyCode::Enter);
    assert_eq!(names(&app), ["orders"]);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.topic_filter, "OR", "the shorter filter applies at once");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.topic_filter, "ORD");
    // j/k and arrows stay inside the list.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, 0, "one topic listed");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Action::Tail(Some("orders".into()))
    );
    assert_eq!(app.view, View::Topic("orders".into()));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.selected, 2, "partitions are selectable");
    // A tail filter is a case-insensitive regex; a broken one is reported, not applied.
    app.apply_tail(app_tail());
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "item/[13]");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.visible_tail().len(), 2);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "(");
    key(&mut app, KeyCode::Enter);
    assert!(app
        .status
        .as_deref()
        .is_some_and(|s| s.starts_with("bad filter")));
    assert_eq!(app.visible_tail().len(), 2, "the previous filter stays");
    // Pause freezes what is shown.
    key(&mut app, KeyCode::Char('p'));
    let before = app.snapshot.clone();
    app.apply_snapshot(snapshot(9));
    assert_eq!(app.snapshot, before);
    key(&mut app, KeyCode::Char('p'));
    app.apply_snapshot(snapshot(9));
    assert_ne!(app.snapshot, before);
    // Esc goes back and stops the tail; Tab cycles the top-level views.
    assert_eq!(key(&mut app, KeyCode::Esc), Action::Tail(None));
    assert_eq!(app.view, View::Topics);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.view, View::Groups);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.group_sort, GroupSort::Lag);
    assert_eq!(app.visible_groups()[0].name, "billing");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.view, View::Overview);
    // Help takes the next key; q quits from anywhere, Ctrl-C too.
    key(&mut app, KeyCode::Char('?'));
    assert!(app.show_help);
    assert_eq!(key(&mut app, KeyCode::Char('x')), Action::None);
    assert!(!app.show_help);
    assert_eq!(key(&mut app, KeyCode::Char('q')), Action::Quit);
    assert_eq!(
        app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Action::Quit
    );
    // The footer lists the keys that apply.
    let footer: Vec<&str> = app.keys().iter().map(|(k, _)| *k).collect();
    assert!(footer.contains(&"q") && footer.contains(&"?") && footer.contains(&"Tab"));
}

/// A long target gives way in the title bar: the refresh interval stays whole at 80 columns.
#[test]
fn a_long_target_never_cuts_the_refresh_interval() {
    let mut app = App::new(Duration::from_secs(1), false);
    let mut s = snapshot(0);
    s.target = "/home/someone/projects/streaming/data/of/a/rather/deep/directory".into();
    app.apply_snapshot(s);
    let screen = render(&app, 80, 24);
    let title = screen.lines().next().expect("title line");
    assert!(
        title
            .trim_end()
            .trim_end_matches('"')
            .trim_end()
            .ends_with("every 1s"),
        "{title}"
    );
    assert!(title.contains("…"), "{title}");
    assert!(title.contains("directory"), "{title}");
}
