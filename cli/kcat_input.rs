//! kcat format strings read backwards, for `produce --input-format`: each input line is
//! matched against the format and its `%k`, `%s`, `%p`, `%T` and `%h` fields become the
//! record's key, value, partition, timestamp and headers — so what `consume --format FMT`
//! wrote, `produce --input-format FMT` reads back (`%t` and `%o` are matched and ignored: the
//! records go to the topic produced to, at its next offsets).
//!
//! A field runs to the first occurrence of the literal after it, the last one to the end of
//! the line; two fields with nothing between them could split anywhere, so such a format is
//! refused, as are the length tokens (`%S`, `%K`, `%R`), which need binary framing, not lines.

use bytes::Bytes;

use crate::kcat_format::{KcatFormat, Piece};

/// What one input line said.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ParsedLine {
    pub key: Option<Vec<u8>>,
    pub value: Vec<u8>,
    pub partition: Option<i32>,
    pub timestamp: Option<i64>,
    pub headers: Vec<(String, Option<Bytes>)>,
}

/// A format checked for reading lines.
#[derive(Debug, Clone)]
pub struct InputFormat(Vec<Piece>);

impl InputFormat {
    /// Parses `text` as a kcat format and checks that lines can be read with it.
    pub fn parse(text: &str) -> Result<InputFormat, String> {
        let mut pieces = KcatFormat::parse(text)?.0;
        // The line's end is the record's end: a trailing newline in the format is implied.
        if let Some(Piece::Literal(last)) = pieces.last_mut() {
            while last.last() == Some(&b'\n') {
                last.pop();
            }
            if last.is_empty() {
                pieces.pop();
            }
        }
        let mut previous_was_field = false;
        for piece in &pieces {
            let field = match piece {
                Piece::Literal(bytes) if bytes.contains(&b'\n') => {
                    return Err("an input format cannot span lines (a \\n before its end)".into())
                }
                Piece::Literal(_) => false,
                Piece::ValueLength | Piece::KeyLength | Piece::ValueLengthBinary => {
                    return Err(
                        "%S, %K and %R are lengths for binary output; an input format reads lines"
                            .into(),
                    )
                }
                _ => true,
            };
            if field && previous_was_field {
                return Err(
                    "two fields with nothing between them cannot be told apart: put a separator \
                     between them, e.g. '%k\\t%s'"
                        .into(),
                );
            }
            previous_was_field = field;
        }
        if !pieces.iter().any(|p| matches!(p, Piece::Value)) {
            return Err("an input format needs %s, the value".into());
        }
        Ok(InputFormat(pieces))
    }

    /// Reads `line` as the format says; the error says where it stopped matching.
    pub fn read(&self, line: &[u8]) -> Result<ParsedLine, String> {
        let mut parsed = ParsedLine::default();
        let mut at = 0usize;
        for (i, piece) in self.0.iter().enumerate() {
            let rest = line.get(at..).unwrap_or_default();
            if let Piece::Literal(bytes) = piece {
                if !rest.starts_with(bytes) {
                    return Err(format!(
                        "expected '{}' at byte {}",
                        String::from_utf8_lossy(bytes).escape_debug(),
                        at + 1
                    ));
                }
                at += bytes.len();
                continue;
            }
            // The field ends where the next literal begins, or with the line.
            let end = match self.0.get(i + 1) {
                Some(Piece::Literal(next)) => find(rest, next).ok_or_else(|| {
                    format!(
                        "expected '{}' after byte {}",
                        String::from_utf8_lossy(next).escape_debug(),
                        at
                    )
                })?,
                _ => rest.len(),
            };
            let field = &rest[..end];
            let number = |what: &str| -> Result<i64, String> {
                std::str::from_utf8(field)
                    .ok()
                    .and_then(|t| t.trim().parse().ok())
                    .ok_or_else(|| {
                        format!(
                            "{what} '{}' at byte {} is not a number",
                            String::from_utf8_lossy(field),
                            at + 1
                        )
                    })
            };
            match piece {
                Piece::Value => parsed.value = field.to_vec(),
                Piece::Key => parsed.key = Some(field.to_vec()),
                Piece::Partition => {
                    parsed.partition = Some(
                        i32::try_from(number("the partition")?)
                            .map_err(|_| "the partition is out of range".to_string())?,
                    )
                }
                Piece::Timestamp => parsed.timestamp = Some(number("the timestamp")?),
                Piece::Headers => parsed.headers = headers(field)?,
                Piece::Offset => {
                    number("the offset")?;
                }
                _ => {}
            }
            at += end;
        }
        if at != line.len() {
            return Err(format!("unexpected text after byte {at}"));
        }
        Ok(parsed)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len().max(1))
        .position(|w| w == needle)
}

/// Headers as kcat prints them: `name=value` pairs separated by commas.
fn headers(field: &[u8]) -> Result<Vec<(String, Option<Bytes>)>, String> {
    if field.is_empty() {
        return Ok(Vec::new());
    }
    field
        .split(|&b| b == b',')
        .map(|pair| {
            let at = pair.iter().position(|&b| b == b'=').ok_or_else(|| {
                format!(
                    "header '{}' is not name=value",
                    String::from_utf8_lossy(pair)
                )
            })?;
            let name = String::from_utf8(pair[..at].to_vec())
                .map_err(|_| "a header name is not UTF-8".to_string())?;
            Ok((name, Some(Bytes::copy_from_slice(&pair[at + 1..]))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_consume_writes() {
        let f = InputFormat::parse("%t [%p] %o %T %k: %s\\n").unwrap();
        let p = f
            .read(b"orders [2] 41 1700000000000 c-7: {\"total\": 3}")
            .unwrap();
        assert_eq!(p.key.as_deref(), Some(&b"c-7"[..]));
        assert_eq!(p.value, b"{\"total\": 3}");
        assert_eq!(p.partition, Some(2));
        assert_eq!(p.timestamp, Some(1_700_000_000_000));
    }

    #[test]
    fn the_value_keeps_separators_after_its_start() {
        let f = InputFormat::parse("%k\\t%s").unwrap();
        let p = f.read(b"k\tv\twith\ttabs").unwrap();
        assert_eq!(p.key.as_deref(), Some(&b"k"[..]));
        assert_eq!(p.value, b"v\twith\ttabs");
        let h = InputFormat::parse("%h|%s")
            .unwrap()
            .read(b"a=1,b=2|v")
            .unwrap();
        assert_eq!(h.headers.len(), 2);
        assert_eq!(h.headers[1].0, "b");
    }

    #[test]
    fn lines_that_do_not_match_say_where() {
        let f = InputFormat::parse("%k:%s").unwrap();
        assert_eq!(
            f.read(b"no separator").unwrap_err(),
            "expected ':' after byte 0"
        );
        let f = InputFormat::parse("[%p] %s").unwrap();
        assert!(f.read(b"[x] v").unwrap_err().contains("not a number"));
        assert!(f.read(b"v").unwrap_err().contains("expected '['"));
    }

    #[test]
    fn formats_that_cannot_read_lines_are_refused() {
        assert!(InputFormat::parse("%k%s")
            .unwrap_err()
            .contains("separator"));
        assert!(InputFormat::parse("%S %s").unwrap_err().contains("lengths"));
        assert!(InputFormat::parse("%k").unwrap_err().contains("%s"));
        assert!(InputFormat::parse("%s\\n%k")
            .unwrap_err()
            .contains("span lines"));
    }
}
