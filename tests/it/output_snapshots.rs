//! The formatted output of the toolbox — consume in every format, topics and groups in text
//! and JSON — pinned as insta snapshots in `snapshots/` (`output-*.snap`), on a data directory
//! whose records all have fixed timestamps (imported from a JSON Lines fixture), so the output
//! is the same on every run. Topic IDs are the one random field and are masked. After an
//! intended change: `INSTA_UPDATE=always cargo test --test it output_snapshots`.

use std::path::Path;
use std::process::Command;

/// Records with every shape: keys and none, headers with and without values, null, empty and
/// non-UTF-8 values, three partitions.
const FIXTURE: &[&str] = &[
    r#"{"partition":0,"timestamp":1705329000000,"key":"customer-1","value":"{\"id\":1,\"total\":12.5}","headers":[{"key":"source","value":"web"}]}"#,
    r#"{"partition":0,"timestamp":1705329001000,"key":"customer-2","value":"{\"id\":2,\"total\":250}","headers":[]}"#,
    r#"{"partition":0,"timestamp":1705329002000,"key":null,"value":null,"headers":[{"key":"tombstone","value":null}]}"#,
    r#"{"partition":1,"timestamp":1705329003000,"key":"customer-3","value":"","headers":[]}"#,
    r#"{"partition":1,"timestamp":1705329004000,"key":{"base64":"/wA="},"value":{"base64":"AAEC/w=="},"headers":[{"key":"bin","value":{"base64":"gA=="}}]}"#,
    r#"{"partition":2,"timestamp":1705329005000,"key":"customer-4","value":"plain text, not JSON","headers":[]}"#,
];

fn run(data_dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_streamline"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .env_remove("STREAMLINE_BROKERS")
        .env_remove("STREAMLINE_DATA_DIR")
        .env_remove("STREAMLINE_PROFILE")
        .output()
        .expect("run streamline");
    assert!(
        out.status.success(),
        "streamline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Replaces the topic's random UUID with a fixed mark.
fn mask_topic_id(text: &str, data_dir: &Path) -> String {
    let described = run(
        data_dir,
        &["topics", "describe", "orders", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&described).expect("JSON");
    let id = json["id"].as_str().expect("a topic id");
    text.replace(id, "<topic-id>")
}

#[test]
fn formatted_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let fixture = tmp.path().join("orders.jsonl");
    std::fs::write(&fixture, FIXTURE.join("\n") + "\n").expect("write fixture");
    run(
        &data,
        &[
            "topics",
            "import",
            "orders",
            "-i",
            fixture.to_str().expect("utf-8"),
        ],
    );
    run(&data, &["consume", "orders", "-g", "billing", "-n", "2"]);

    let cases: &[(&str, &[&str])] = &[
        ("consume-text", &["consume", "orders"]),
        (
            "consume-text-show-all",
            &[
                "consume",
                "orders",
                "--show-offsets",
                "--show-keys",
                "--show-timestamps",
                "--show-headers",
            ],
        ),
        ("consume-json", &["consume", "orders", "--format", "json"]),
        (
            "consume-ndjson",
            &["consume", "orders", "--format", "ndjson", "-p", "1"],
        ),
        (
            "consume-raw",
            &["consume", "orders", "--format", "raw", "-p", "0"],
        ),
        (
            "consume-jq",
            &["consume", "orders", "--jq", "{id, big: (.total > 100)}"],
        ),
        ("topics-list", &["topics", "list"]),
        ("topics-list-json", &["topics", "list", "--format", "json"]),
        ("topics-describe", &["topics", "describe", "orders"]),
        (
            "topics-describe-json",
            &["topics", "describe", "orders", "--format", "json"],
        ),
        ("groups-list", &["groups", "list"]),
        ("groups-describe", &["groups", "describe", "billing"]),
        (
            "groups-describe-json",
            &["groups", "describe", "billing", "--format", "json"],
        ),
        (
            "groups-reset-plan",
            &[
                "groups",
                "reset",
                "billing",
                "--all-topics",
                "--to-earliest",
            ],
        ),
    ];
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, args) in cases {
            let output = mask_topic_id(&run(&data, args), &data);
            insta::assert_snapshot!(format!("output-{name}"), output);
        }
    });
}
