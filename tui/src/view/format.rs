//! Numbers as people read them in a narrow column: counts with k/M/G, bytes with KiB/MiB,
//! rates with one decimal, durations as 1h2m.

pub fn count(n: i64) -> String {
    let a = n.unsigned_abs() as f64;
    let sign = if n < 0 { "-" } else { "" };
    if a < 10_000.0 {
        format!("{n}")
    } else if a < 1e6 {
        format!("{sign}{:.1}k", a / 1e3)
    } else if a < 1e9 {
        format!("{sign}{:.1}M", a / 1e6)
    } else {
        format!("{sign}{:.1}G", a / 1e9)
    }
}

pub fn rate(per_sec: f64) -> String {
    if per_sec < 10.0 {
        format!("{per_sec:.1}")
    } else {
        count(per_sec.round() as i64)
    }
}

pub fn bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n.max(0.0);
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{v:.0} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

pub fn duration_secs(secs: f64) -> String {
    let s = secs.round() as u64;
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{}s", s / 60, s % 60),
        3600..86_400 => format!("{}h{}m", s / 3600, (s % 3600) / 60),
        _ => format!("{}d{}h", s / 86_400, (s % 86_400) / 3600),
    }
}

pub fn retention(ms: Option<i64>) -> String {
    match ms {
        None => "-".into(),
        Some(ms) if ms < 0 => "forever".into(),
        Some(ms) => duration_secs(ms as f64 / 1000.0),
    }
}

/// A text sparkline of `values` (the last `width` of them), scaled to their maximum.
pub fn sparkline(values: impl DoubleEndedIterator<Item = i64> + Clone, width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let mut last: Vec<i64> = values.rev().take(width).collect();
    last.reverse();
    let max = last.iter().copied().max().unwrap_or(0).max(1);
    last.iter()
        .map(|&v| BARS[((v.max(0) * 7) / max) as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_fit_narrow_columns() {
        assert_eq!(count(9_999), "9999");
        assert_eq!(count(12_345), "12.3k");
        assert_eq!(count(4_500_000), "4.5M");
        assert_eq!(rate(2.25), "2.2");
        assert_eq!(bytes(1536.0), "1.5 KiB");
        assert_eq!(duration_secs(3725.0), "1h2m");
        assert_eq!(retention(Some(-1)), "forever");
        assert_eq!(sparkline([0, 5, 10].into_iter(), 10), "▁▄█");
        assert_eq!(sparkline([1, 2, 3, 4].into_iter(), 2), "▆█");
    }
}
