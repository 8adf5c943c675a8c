//! The Prometheus text exposition format (version 0.0.4): `# HELP` and `# TYPE` once per
//! family, then one line per series, with label values escaped as the format requires.
//!
//! The writer also enforces the series cap: labelled series beyond it are counted, not
//! written, so a broker with a hundred thousand partitions or groups cannot make a scrape
//! (and the scraper's storage) explode. Unlabelled series are always written.

use std::fmt::Write;

use super::histogram::{Snapshot, BOUNDS_SECONDS};

/// The content type of the format, as Prometheus asks for it.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// A scrape being written.
pub struct Exposition {
    out: String,
    series: usize,
    max_series: usize,
    dropped: usize,
}

/// Metric kinds, as `# TYPE` names them.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Counter,
    Gauge,
    Histogram,
}

impl Exposition {
    pub fn new(max_series: usize) -> Exposition {
        Exposition {
            out: String::with_capacity(64 * 1024),
            series: 0,
            max_series,
            dropped: 0,
        }
    }

    /// Starts a family: its help text and kind.
    pub fn family(&mut self, name: &str, kind: Kind, help: &str) {
        let kind = match kind {
            Kind::Counter => "counter",
            Kind::Gauge => "gauge",
            Kind::Histogram => "histogram",
        };
        let _ = writeln!(self.out, "# HELP {name} {}", escape_help(help));
        let _ = writeln!(self.out, "# TYPE {name} {kind}");
    }

    /// One sample of the current family.
    pub fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: f64) {
        if !self.admit(labels) {
            return;
        }
        self.line(name, labels, None, value);
    }

    /// The series of one histogram: cumulative buckets, `+Inf`, `_sum` and `_count`.
    pub fn histogram(&mut self, name: &str, labels: &[(&str, &str)], h: &Snapshot) {
        if !self.admit(labels) {
            return;
        }
        let bucket = format!("{name}_bucket");
        for (bound, count) in BOUNDS_SECONDS.iter().zip(&h.cumulative) {
            self.line(&bucket, labels, Some(&format_value(*bound)), *count as f64);
        }
        self.line(&bucket, labels, Some("+Inf"), h.count as f64);
        self.line(&format!("{name}_sum"), labels, None, h.sum_seconds);
        self.line(&format!("{name}_count"), labels, None, h.count as f64);
    }

    /// Labelled series written and left out so far.
    pub fn counts(&self) -> (usize, usize) {
        (self.series, self.dropped)
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn admit(&mut self, labels: &[(&str, &str)]) -> bool {
        if labels.is_empty() {
            return true;
        }
        if self.series >= self.max_series {
            self.dropped += 1;
            return false;
        }
        self.series += 1;
        true
    }

    fn line(&mut self, name: &str, labels: &[(&str, &str)], le: Option<&str>, value: f64) {
        self.out.push_str(name);
        if !labels.is_empty() || le.is_some() {
            self.out.push('{');
            let mut first = true;
            for (key, value) in labels.iter().copied().chain(le.map(|le| ("le", le))) {
                if !first {
                    self.out.push(',');
                }
                first = false;
                self.out.push_str(key);
                self.out.push_str("=\"");
                escape_label_into(&mut self.out, value);
                self.out.push('"');
            }
            self.out.push('}');
        }
        self.out.push(' ');
        self.out.push_str(&format_value(value));
        self.out.push('\n');
    }
}

/// A sample value as the format spells it: integers without a fraction, `+Inf`, `NaN`.
fn format_value(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Label values escape backslash, double quote and line feed.
fn escape_label_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
}

/// Help texts escape backslash and line feed.
fn escape_help(help: &str) -> String {
    help.replace('\\', "\\\\").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_families_samples_and_escaped_labels() {
        let mut e = Exposition::new(10);
        e.family(
            "streamline_topic_records_in_total",
            Kind::Counter,
            "Records.",
        );
        e.sample(
            "streamline_topic_records_in_total",
            &[("topic", "a\"b\\c\nd")],
            3.0,
        );
        e.sample("streamline_uptime_seconds", &[], 1.5);
        let text = e.finish();
        assert_eq!(
            text,
            "# HELP streamline_topic_records_in_total Records.\n\
             # TYPE streamline_topic_records_in_total counter\n\
             streamline_topic_records_in_total{topic=\"a\\\"b\\\\c\\nd\"} 3\n\
             streamline_uptime_seconds 1.5\n"
        );
    }

    #[test]
    fn labelled_series_beyond_the_cap_are_counted_not_written() {
        let mut e = Exposition::new(2);
        for t in ["a", "b", "c", "d"] {
            e.sample("m", &[("topic", t)], 1.0);
        }
        e.sample("unlabelled", &[], 1.0);
        assert_eq!(e.counts(), (2, 2));
        let text = e.finish();
        assert!(text.contains("topic=\"b\"") && !text.contains("topic=\"c\""));
        assert!(text.contains("unlabelled 1"));
    }

    #[test]
    fn histograms_are_cumulative_with_inf_sum_and_count() {
        let h = super::super::histogram::Histogram::new();
        h.observe(std::time::Duration::from_millis(2));
        let mut e = Exposition::new(10);
        e.histogram("d_seconds", &[("api", "Fetch")], &h.snapshot());
        let text = e.finish();
        assert!(text.contains("d_seconds_bucket{api=\"Fetch\",le=\"0.001\"} 0\n"));
        assert!(text.contains("d_seconds_bucket{api=\"Fetch\",le=\"0.0025\"} 1\n"));
        assert!(text.contains("d_seconds_bucket{api=\"Fetch\",le=\"+Inf\"} 1\n"));
        assert!(text.contains("d_seconds_count{api=\"Fetch\"} 1\n"));
    }
}
