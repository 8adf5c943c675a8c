//! A validated placeholder and how it renders.
//!
//! Invariant: a `Placeholder` only exists once its arguments were checked (see
//! `arguments.rs`), so rendering cannot fail and never allocates beyond growing the output.
//! Random values use only platform-independent draws (`u64` words, `Uniform` over fixed-width
//! integers, `f64` in [0, 1)) so a seed reproduces the same text on every platform.

use std::fmt::Write as _;

use chrono::format::Item;
use rand::distr::{Alphanumeric, Distribution, Uniform};
use rand::{Rng, RngCore};

use super::context::RenderContext;

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// One `{{...}}` of a template, ready to render.
#[derive(Debug, Clone)]
pub(super) enum Placeholder {
    /// `{{uuid}}`: a version 4 UUID from the seeded generator.
    Uuid,
    /// `{{timestamp}}`: the current time as epoch milliseconds.
    Timestamp,
    /// `{{i}}`: the 0-based message number.
    Index,
    /// `{{random:MIN:MAX}}`: an integer in MIN..=MAX.
    Random(Uniform<i64>),
    /// `{{now:FORMAT}}`: the current UTC time through a strftime format. `with_offset` is set
    /// when an item needs the slower, zone-aware formatter (only `%+`; constant zone items
    /// such as `%z` were replaced by their UTC text at parse time).
    Now {
        items: Vec<Item<'static>>,
        with_offset: bool,
    },
    /// `{{seq:START}}`: START plus the message number.
    Seq(i64),
    /// `{{choice:a,b,c}}`: one of the items, uniformly.
    Choice {
        items: Vec<String>,
        pick: Uniform<u32>,
    },
    /// `{{float:MIN:MAX:DIGITS}}`: a float in [MIN, MAX) printed with DIGITS decimals.
    Float { range: Uniform<f64>, digits: usize },
    /// `{{bool}}`: `true` or `false`.
    Bool,
    /// `{{hex:N}}`: N lowercase hex digits.
    Hex(usize),
    /// `{{string:N}}`: N characters from `[A-Za-z0-9]`.
    Alphanumeric(usize),
}

impl Placeholder {
    /// Appends this placeholder's value for the current message to `out`.
    pub(super) fn render(&self, ctx: &mut RenderContext, out: &mut String) {
        // `write!` into a `String` cannot fail, so its `fmt::Result` carries no information.
        match self {
            Placeholder::Uuid => {
                let mut bytes = [0u8; 16];
                ctx.rng().fill_bytes(&mut bytes);
                let id = uuid::Builder::from_random_bytes(bytes).into_uuid();
                out.push_str(
                    id.hyphenated()
                        .encode_lower(&mut uuid::Uuid::encode_buffer()),
                );
            }
            Placeholder::Timestamp => {
                let _ = write!(out, "{}", ctx.now().timestamp_millis());
            }
            Placeholder::Index => {
                let _ = write!(out, "{}", ctx.index());
            }
            Placeholder::Random(range) => {
                let _ = write!(out, "{}", range.sample(ctx.rng()));
            }
            Placeholder::Now { items, with_offset } => {
                let now = ctx.now();
                // Items were test-formatted at parse time, so formatting cannot fail here.
                let _ = if *with_offset {
                    now.format_with_items(items.iter()).write_to(out)
                } else {
                    // The naive formatter skips allocating the zone name on every message.
                    now.naive_utc()
                        .format_with_items(items.iter())
                        .write_to(out)
                };
            }
            Placeholder::Seq(start) => {
                // i128 cannot overflow: |START| < 2^63 and the index < 2^64.
                let _ = write!(out, "{}", i128::from(*start) + i128::from(ctx.index()));
            }
            Placeholder::Choice { items, pick } => {
                let index = pick.sample(ctx.rng()) as usize;
                if let Some(item) = items.get(index) {
                    out.push_str(item);
                }
            }
            Placeholder::Float { range, digits } => {
                let _ = write!(out, "{:.*}", digits, range.sample(ctx.rng()));
            }
            Placeholder::Bool => {
                out.push_str(if ctx.rng().random::<bool>() {
                    "true"
                } else {
                    "false"
                });
            }
            Placeholder::Hex(len) => push_hex(ctx, *len, out),
            Placeholder::Alphanumeric(len) => {
                let rng = ctx.rng();
                out.extend((0..*len).map(|_| char::from(Alphanumeric.sample(rng))));
            }
        }
    }
}

/// Appends `len` hex digits, sixteen per random word.
fn push_hex(ctx: &mut RenderContext, len: usize, out: &mut String) {
    let mut remaining = len;
    while remaining > 0 {
        let mut word = ctx.rng().next_u64();
        let take = remaining.min(16);
        for _ in 0..take {
            out.push(char::from(HEX_DIGITS[(word & 0xf) as usize]));
            word >>= 4;
        }
        remaining -= take;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn fixed() -> DateTime<Utc> {
        // 2024-01-15T14:30:00.123Z
        DateTime::from_timestamp_millis(1_705_329_000_123).expect("in range")
    }

    fn render(placeholder: &Placeholder, ctx: &mut RenderContext) -> String {
        let mut out = String::new();
        ctx.begin_message();
        placeholder.render(ctx, &mut out);
        out
    }

    fn ctx() -> RenderContext {
        RenderContext::new(Some(42)).with_clock(fixed)
    }

    #[test]
    fn uuid_is_version_4_and_lowercase() {
        let out = render(&Placeholder::Uuid, &mut ctx());
        let parsed = uuid::Uuid::parse_str(&out).expect("a UUID");
        assert_eq!(parsed.get_version_num(), 4);
        assert_eq!(out, out.to_lowercase());
        assert_eq!(out.len(), 36);
    }

    #[test]
    fn timestamp_and_index_and_seq() {
        let mut ctx = ctx();
        assert_eq!(render(&Placeholder::Timestamp, &mut ctx), "1705329000123");
        ctx.set_index(5);
        assert_eq!(render(&Placeholder::Index, &mut ctx), "5");
        assert_eq!(render(&Placeholder::Seq(-10), &mut ctx), "-5");
        ctx.set_index(u64::MAX);
        assert_eq!(
            render(&Placeholder::Seq(i64::MAX), &mut ctx),
            "27670116110564327422"
        );
    }

    #[test]
    fn random_covers_the_full_i64_range_without_panicking() {
        let range = Uniform::new_inclusive(i64::MIN, i64::MAX).expect("valid range");
        let placeholder = Placeholder::Random(range);
        let mut ctx = ctx();
        for _ in 0..100 {
            assert!(render(&placeholder, &mut ctx).parse::<i64>().is_ok());
        }
    }

    #[test]
    fn hex_lengths_cross_word_boundaries() {
        let mut ctx = ctx();
        for len in [1, 15, 16, 17, 33] {
            let out = render(&Placeholder::Hex(len), &mut ctx);
            assert_eq!(out.len(), len);
            assert!(out.bytes().all(|b| HEX_DIGITS.contains(&b)));
        }
    }

    #[test]
    fn alphanumeric_has_the_requested_length() {
        let out = render(&Placeholder::Alphanumeric(40), &mut ctx());
        assert_eq!(out.len(), 40);
        assert!(out.bytes().all(|b| b.is_ascii_alphanumeric()));
    }

    #[test]
    fn bool_produces_both_values() {
        let mut ctx = ctx();
        let seen: std::collections::HashSet<String> = (0..64)
            .map(|_| render(&Placeholder::Bool, &mut ctx))
            .collect();
        assert_eq!(seen.len(), 2);
        assert!(seen.contains("true") && seen.contains("false"));
    }
}
