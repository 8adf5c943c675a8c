//! Produce and consume in-process: a broker embedded in a plain program (no tokio runtime of
//! the caller's, no network round trip for these calls), with its logs in a data directory
//! that outlives the broker.
//!
//! ```sh
//! cargo run --example in_process -- [DATA_DIR]   # default: a fresh temporary directory
//! cargo test --example in_process
//! ```

use std::path::{Path, PathBuf};

use streamline::embedded::Message;
use streamline::Embedded;

/// Writes three readings, stops the broker, starts a new one on the same directory and reads
/// them back: (offset, key, value) per record.
fn round_trip(data_dir: &Path) -> streamline::Result<Vec<(i64, String, String)>> {
    let broker = Embedded::builder()
        .data_dir(data_dir)
        .topic("readings", 1)
        .start_blocking()?;
    let readings = [
        ("sensor-1", "20.5"),
        ("sensor-2", "19.0"),
        ("sensor-1", "21.0"),
    ];
    broker.produce_all(
        "readings",
        readings.map(|(sensor, celsius)| Message::new(celsius).key(sensor)),
    )?;
    broker.shutdown()?;

    let broker = Embedded::builder().data_dir(data_dir).start_blocking()?;
    let end = broker.end_offset("readings", 0)?;
    let records = broker.consume("readings", 0, 0, usize::try_from(end).unwrap_or(0))?;
    broker.shutdown()?;
    let text =
        |b: Option<bytes::Bytes>| String::from_utf8_lossy(&b.unwrap_or_default()).into_owned();
    Ok(records
        .into_iter()
        .map(|r| (r.offset, text(r.key), text(r.value)))
        .collect())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir: PathBuf = match std::env::args_os().nth(1) {
        Some(dir) => dir.into(),
        None => std::env::temp_dir().join(format!("streamline-in-process-{}", std::process::id())),
    };
    for (offset, key, value) in round_trip(&dir)? {
        println!("{offset}\t{key}\t{value}");
    }
    println!("data directory: {}", dir.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn records_survive_a_restart_with_their_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let records = super::round_trip(dir.path()).unwrap();
        let expected = [
            (0, "sensor-1", "20.5"),
            (1, "sensor-2", "19.0"),
            (2, "sensor-1", "21.0"),
        ]
        .map(|(o, k, v)| (o, k.to_string(), v.to_string()));
        assert_eq!(records, expected);
    }
}
