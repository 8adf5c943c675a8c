//! Output helpers shared by commands: the `--format` choice, JSON that is pretty on a
//! terminal and one line per value when piped, human-readable sizes, and aligned tables.

use std::io::{IsTerminal, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::style::{paint, HEADING};

/// `--format` for commands that print structured results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned, human-readable text
    Text,
    /// JSON: pretty on a terminal, one value per line when piped
    Json,
}

/// Writes `value` as JSON followed by a newline: pretty on a terminal, compact otherwise.
pub fn write_json<T: Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    if std::io::stdout().is_terminal() {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

/// Points standard output at `path` (created or truncated) for the rest of the process, for
/// the global `--output FILE`: every writer, and every "is it a terminal" decision, then
/// sees the file, exactly as with a shell's `> FILE`.
pub fn redirect_stdout(path: &std::path::Path) -> anyhow::Result<()> {
    use std::os::fd::AsRawFd;
    let file = std::fs::File::create(path)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
    // SAFETY: dup2 on two valid descriptors; nothing has written to standard output yet, so
    // no buffered output is left behind on the old descriptor.
    if unsafe { libc::dup2(file.as_raw_fd(), libc::STDOUT_FILENO) } < 0 {
        let e = std::io::Error::last_os_error();
        anyhow::bail!("cannot redirect output to {}: {e}", path.display());
    }
    Ok(())
}

/// Bytes as B, KiB, MiB, GiB with one decimal.
pub fn human_bytes(bytes: i64) -> String {
    // One formatter for the dashboard and the commands, so a size reads the same in both.
    if bytes < 0 {
        return "-".to_string();
    }
    streamline_tui::format::bytes(bytes as f64)
}

/// Prints rows as left-aligned columns separated by two spaces.
pub fn write_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    // Columns line up by what a terminal shows: a CJK character or an emoji takes two cells.
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.width());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len().saturating_sub(1);
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == last {
                    c.to_string()
                } else {
                    let pad = widths
                        .get(i)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(c.width());
                    format!("{c}{}", " ".repeat(pad))
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{}", paint(HEADING, &line(header.to_vec())))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// Asks a yes/no question on the terminal; refuses when standard input is not a terminal.
pub fn confirm(question: &str) -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("{question} — standard input is not a terminal; pass -y to confirm");
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_keep_columns_aligned() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["注文".to_string(), "1".to_string()],
            vec!["orders".to_string(), "2".to_string()],
        ];
        write_table(&mut out, &["TOPIC", "N"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // "注文" is four cells wide: padded with two spaces to "orders"'s six.
        assert_eq!(lines[1], "注文    1");
        assert_eq!(lines[2], "orders  2");
    }

    #[test]
    fn sizes_are_human_readable() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(5 * 1024 * 1024 * 1024), "5.0 GiB");
        assert_eq!(human_bytes(-1), "-");
    }

    #[test]
    fn tables_align_columns() {
        let mut out = Vec::new();
        write_table(
            &mut out,
            &["NAME", "PARTITIONS"],
            &[
                vec!["a".into(), "1".into()],
                vec!["longer".into(), "12".into()],
            ],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let plain = text
            .replace(&HEADING.render().to_string(), "")
            .replace(&HEADING.render_reset().to_string(), "");
        assert_eq!(plain, "NAME    PARTITIONS\na       1\nlonger  12\n");
    }
}
