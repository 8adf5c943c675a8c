//! The state a template renders against: the random generator, the message number and
//! the clock.
//!
//! Invariant: everything random comes from one ChaCha8 generator, so a seed plus the
//! sequence of `set_index` calls fully determines the output, on every platform and run
//! (the clock aside). ChaCha8 is chosen because its output is specified independently of
//! the platform's word size and endianness, unlike `StdRng`, whose algorithm may change.

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// Per-producer render state; one context serves every template of a produce run so the
/// key and value templates of a message see the same index.
#[derive(Debug, Clone)]
pub struct RenderContext {
    rng: ChaCha8Rng,
    index: u64,
    clock: fn() -> DateTime<Utc>,
    /// The clock reading for the message being rendered, taken at most once per message so
    /// `{{timestamp}}` and `{{now:...}}` in one message agree.
    now: Option<DateTime<Utc>>,
}

impl RenderContext {
    /// A context whose randomness is reproducible when `seed` is given, and seeded from the
    /// operating system's entropy otherwise.
    pub fn new(seed: Option<u64>) -> RenderContext {
        let rng = match seed {
            Some(seed) => ChaCha8Rng::seed_from_u64(seed),
            None => ChaCha8Rng::try_from_os_rng().unwrap_or_else(|_| {
                // Test data does not need cryptographic seeds, and failing to produce
                // because the OS entropy source is unavailable would help nobody.
                ChaCha8Rng::seed_from_u64(fallback_seed())
            }),
        };
        RenderContext {
            rng,
            index: 0,
            clock: Utc::now,
            now: None,
        }
    }

    /// Sets the 0-based number of the message about to be rendered (`{{i}}`, `{{seq:N}}`).
    pub fn set_index(&mut self, i: u64) {
        self.index = i;
    }

    /// Replaces the clock, so tests can pin `{{timestamp}}` and `{{now:...}}`.
    #[cfg(test)]
    pub fn with_clock(self, now: fn() -> DateTime<Utc>) -> Self {
        RenderContext { clock: now, ..self }
    }

    pub(super) fn index(&self) -> u64 {
        self.index
    }

    pub(super) fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    /// Forgets the previous message's clock reading.
    pub(super) fn begin_message(&mut self) {
        self.now = None;
    }

    /// The clock reading for the current message, read on first use.
    pub(super) fn now(&mut self) -> DateTime<Utc> {
        *self.now.get_or_insert_with(self.clock)
    }
}

/// A seed from the wall clock and a stack address; only used when the OS cannot supply
/// entropy.
fn fallback_seed() -> u64 {
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let marker = 0u8;
    let address = std::ptr::addr_of!(marker) as u64;
    (nanos as u64) ^ address.rotate_left(32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngCore;

    fn fixed() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_705_329_000_000).expect("in range")
    }

    #[test]
    fn same_seed_same_stream() {
        let mut a = RenderContext::new(Some(7));
        let mut b = RenderContext::new(Some(7));
        assert_eq!(a.rng().next_u64(), b.rng().next_u64());
    }

    #[test]
    fn different_seeds_differ() {
        let mut a = RenderContext::new(Some(7));
        let mut b = RenderContext::new(Some(8));
        assert_ne!(a.rng().next_u64(), b.rng().next_u64());
    }

    #[test]
    fn unseeded_contexts_differ() {
        let mut a = RenderContext::new(None);
        let mut b = RenderContext::new(None);
        assert_ne!(a.rng().next_u64(), b.rng().next_u64());
    }

    #[test]
    fn clock_is_read_once_per_message() {
        let mut ctx = RenderContext::new(Some(1)).with_clock(fixed);
        assert_eq!(ctx.now(), fixed());
        ctx.begin_message();
        assert_eq!(ctx.now(), fixed());
    }

    #[test]
    fn index_round_trips() {
        let mut ctx = RenderContext::new(Some(1));
        assert_eq!(ctx.index(), 0);
        ctx.set_index(u64::MAX);
        assert_eq!(ctx.index(), u64::MAX);
    }
}
