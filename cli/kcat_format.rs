//! kcat's output format strings for `consume --format`: `'%t [%p] %o %k: %s\n'` prints what
//! `kcat -f` would. Tokens: `%s` value, `%S` value length, `%R` value length as a big-endian
//! 32-bit integer, `%k` key, `%K` key length (-1 for none), `%T` timestamp (ms), `%h` headers
//! (`n=v` comma-separated), `%t` topic, `%p` partition, `%o` offset, `%%` a percent sign; escapes
//! `\n`, `\r`, `\t`, `\\` and `\xHH`.

use std::io::Write;

use streamline::client::records::Record;

/// One piece of a format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(Vec<u8>),
    Value,
    ValueLength,
    ValueLengthBinary,
    Key,
    KeyLength,
    Timestamp,
    Headers,
    Topic,
    Partition,
    Offset,
}

/// A parsed format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KcatFormat(pub(crate) Vec<Piece>);

impl KcatFormat {
    /// Parses `text`; an unknown token or escape is an error naming it.
    pub fn parse(text: &str) -> Result<KcatFormat, String> {
        let mut pieces = Vec::new();
        let mut literal = Vec::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '%' => {
                    let token = chars
                        .next()
                        .ok_or("the format ends with a lone '%' (write %% for a percent sign)")?;
                    let piece = match token {
                        '%' => {
                            literal.push(b'%');
                            continue;
                        }
                        's' => Piece::Value,
                        'S' => Piece::ValueLength,
                        'R' => Piece::ValueLengthBinary,
                        'k' => Piece::Key,
                        'K' => Piece::KeyLength,
                        'T' => Piece::Timestamp,
                        'h' => Piece::Headers,
                        't' => Piece::Topic,
                        'p' => Piece::Partition,
                        'o' => Piece::Offset,
                        other => {
                            return Err(format!(
                                "unknown format token %{other} (tokens: %s %S %R %k %K %T %h %t %p %o %%)"
                            ))
                        }
                    };
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(piece);
                }
                '\\' => match chars.next() {
                    Some('n') => literal.push(b'\n'),
                    Some('r') => literal.push(b'\r'),
                    Some('t') => literal.push(b'\t'),
                    Some('\\') => literal.push(b'\\'),
                    Some('x') => {
                        let hex: String =
                            [chars.next(), chars.next()].into_iter().flatten().collect();
                        let byte = u8::from_str_radix(&hex, 16)
                            .ok()
                            .filter(|_| hex.len() == 2)
                            .ok_or_else(|| format!("\\x{hex} is not \\x and two hex digits"))?;
                        literal.push(byte);
                    }
                    Some(other) => {
                        return Err(format!(
                            "unknown escape \\{other} (escapes: \\n \\r \\t \\\\ \\xHH)"
                        ))
                    }
                    None => literal.push(b'\\'),
                },
                c => {
                    let mut buf = [0u8; 4];
                    literal.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        Ok(KcatFormat(pieces))
    }

    /// Writes one record as the format says.
    pub fn write(
        &self,
        out: &mut dyn Write,
        topic: &str,
        partition: i32,
        r: &Record,
    ) -> std::io::Result<()> {
        let length = |b: &Option<bytes::Bytes>| b.as_ref().map_or(-1, |b| b.len() as i64);
        for piece in &self.0 {
            match piece {
                Piece::Literal(bytes) => out.write_all(bytes)?,
                Piece::Value => out.write_all(r.value.as_deref().unwrap_or_default())?,
                Piece::ValueLength => write!(out, "{}", length(&r.value))?,
                Piece::ValueLengthBinary => {
                    let n = i32::try_from(length(&r.value)).unwrap_or(i32::MAX);
                    out.write_all(&n.to_be_bytes())?
                }
                Piece::Key => out.write_all(r.key.as_deref().unwrap_or_default())?,
                Piece::KeyLength => write!(out, "{}", length(&r.key))?,
                Piece::Timestamp => write!(out, "{}", r.timestamp)?,
                Piece::Headers => {
                    for (i, (k, v)) in r.headers.iter().enumerate() {
                        if i > 0 {
                            out.write_all(b",")?;
                        }
                        out.write_all(k.as_bytes())?;
                        out.write_all(b"=")?;
                        out.write_all(v.as_deref().unwrap_or_default())?;
                    }
                }
                Piece::Topic => out.write_all(topic.as_bytes())?,
                Piece::Partition => write!(out, "{partition}")?,
                Piece::Offset => write!(out, "{}", r.offset)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn record() -> Record {
        Record {
            offset: 7,
            timestamp: 1_700_000_000_000,
            key: Some(Bytes::from_static(b"k1")),
            value: Some(Bytes::from_static(b"hello")),
            headers: vec![
                ("a".into(), Some(Bytes::from_static(b"1"))),
                ("b".into(), None),
            ],
        }
    }

    fn render(format: &str, r: &Record) -> Vec<u8> {
        let mut out = Vec::new();
        KcatFormat::parse(format)
            .expect("parses")
            .write(&mut out, "orders", 2, r)
            .expect("writes");
        out
    }

    #[test]
    fn every_token_renders_as_kcat_does() {
        let r = record();
        assert_eq!(
            render(r"Topic %t [%p] at offset %o: key %k: %s\n", &r),
            b"Topic orders [2] at offset 7: key k1: hello\n"
        );
        assert_eq!(
            render("%S %K %T %h 100%%", &r),
            b"5 2 1700000000000 a=1,b= 100%"
        );
        assert_eq!(render("%R", &r), 5i32.to_be_bytes());
        assert_eq!(render(r"\t\x41\\", &r), b"\tA\\");
        let empty = Record {
            key: None,
            value: None,
            headers: vec![],
            ..r
        };
        assert_eq!(render("%K|%S|%k|%s", &empty), b"-1|-1||");
    }

    #[test]
    fn unknown_tokens_and_escapes_are_refused() {
        assert!(KcatFormat::parse("%z").unwrap_err().contains("%z"));
        assert!(KcatFormat::parse("50%").unwrap_err().contains("%%"));
        assert!(KcatFormat::parse(r"\q").unwrap_err().contains(r"\q"));
        assert!(KcatFormat::parse(r"\xZ1").is_err());
    }
}
