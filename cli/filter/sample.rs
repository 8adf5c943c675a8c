//! Record sampling for `--sample`: a fraction kept as records stream by, or a fixed count chosen
//! uniformly among all records seen (reservoir sampling) and emitted at the end.
//!
//! The reservoir is Vitter's Algorithm R: after `n` offers each of them is in the reservoir
//! with probability `capacity / n`. Each kept item remembers when it was offered, so `finish`
//! can give them back in offer (that is, offset) order. A seed makes both modes reproducible.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What `--sample` asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SampleSpec {
    /// Keep each record independently with this probability, in `(0, 1]`.
    Fraction(f64),
    /// Keep exactly this many records (fewer if fewer are seen), chosen uniformly.
    Count(usize),
}

/// Parses `10%` / `0.5%` (a fraction) or `100` (a count). Zero, negative values, more than
/// 100 %, fractional counts and anything else are rejected with a message for the user.
pub fn parse_sample(s: &str) -> Result<SampleSpec, String> {
    let text = s.trim();
    if let Some(percent) = text.strip_suffix('%') {
        let percent: f64 = percent
            .trim_end()
            .parse()
            .map_err(|_| format!("invalid sample {s:?}: expected a percentage such as 10%"))?;
        // `!(x > 0.0)` rather than `x <= 0.0` so that NaN is rejected too.
        if !(percent > 0.0 && percent <= 100.0) {
            return Err(format!(
                "invalid sample {s:?}: the percentage must be above 0% and at most 100%"
            ));
        }
        return Ok(SampleSpec::Fraction(percent / 100.0));
    }
    match text.parse::<usize>() {
        Ok(0) => Err(format!(
            "invalid sample {s:?}: the record count must be at least 1"
        )),
        Ok(count) => Ok(SampleSpec::Count(count)),
        Err(_) => Err(format!(
            "invalid sample {s:?}: expected a record count such as 100 or a percentage such as 10%"
        )),
    }
}

/// Samples items of whatever record type the caller uses.
pub struct Sampler<T> {
    rng: ChaCha8Rng,
    mode: Mode<T>,
}

enum Mode<T> {
    Fraction(f64),
    Reservoir {
        capacity: usize,
        /// How many items have been offered so far.
        offered: u64,
        /// Kept items, each with its offer index.
        slots: Vec<(u64, T)>,
    },
}

impl<T> Sampler<T> {
    /// A sampler following `spec`; with a `seed`, the choice is the same on every run.
    pub fn new(spec: SampleSpec, seed: Option<u64>) -> Sampler<T> {
        let rng = match seed {
            Some(seed) => ChaCha8Rng::seed_from_u64(seed),
            None => ChaCha8Rng::from_rng(&mut rand::rng()),
        };
        let mode = match spec {
            SampleSpec::Fraction(fraction) => Mode::Fraction(fraction),
            SampleSpec::Count(capacity) => Mode::Reservoir {
                capacity,
                offered: 0,
                slots: Vec::new(),
            },
        };
        Sampler { rng, mode }
    }

    /// For a fraction: the item back if it is kept. For a count: the item goes into the
    /// reservoir (or not) and `None` is returned; kept items come out of [`Sampler::finish`].
    pub fn offer(&mut self, item: T) -> Option<T> {
        match &mut self.mode {
            // Comparing against a uniform draw never panics, whatever the fraction (a
            // hand-built spec of NaN or 2.0 keeps nothing or everything).
            Mode::Fraction(fraction) => (self.rng.random::<f64>() < *fraction).then_some(item),
            Mode::Reservoir {
                capacity,
                offered,
                slots,
            } => {
                let index = *offered;
                *offered += 1;
                if slots.len() < *capacity {
                    slots.push((index, item));
                } else if let Ok(slot) = usize::try_from(self.rng.random_range(0..=index)) {
                    // Item number `index` (0-based) replaces a random slot with probability
                    // capacity / (index + 1), which keeps every item equally likely.
                    if let Some(kept) = slots.get_mut(slot) {
                        *kept = (index, item);
                    }
                }
                None
            }
        }
    }

    /// For a count: the reservoir's items in the order they were offered. For a fraction:
    /// nothing, since kept items were already handed back by [`Sampler::offer`].
    pub fn finish(self) -> Vec<T> {
        match self.mode {
            Mode::Fraction(_) => Vec::new(),
            Mode::Reservoir { mut slots, .. } => {
                slots.sort_unstable_by_key(|(index, _)| *index);
                slots.into_iter().map(|(_, item)| item).collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_percentages_as_fractions() {
        assert_eq!(parse_sample("10%"), Ok(SampleSpec::Fraction(0.1)));
        assert_eq!(parse_sample("0.5%"), Ok(SampleSpec::Fraction(0.005)));
        assert_eq!(parse_sample("100%"), Ok(SampleSpec::Fraction(1.0)));
        assert_eq!(parse_sample(" 25 %"), Ok(SampleSpec::Fraction(0.25)));
    }

    #[test]
    fn parses_counts() {
        assert_eq!(parse_sample("100"), Ok(SampleSpec::Count(100)));
        assert_eq!(parse_sample("1"), Ok(SampleSpec::Count(1)));
    }

    #[test]
    fn rejects_zero_negative_too_large_and_garbage() {
        for text in [
            "0",
            "0%",
            "0.0%",
            "-1",
            "-5%",
            "100.1%",
            "250%",
            "NaN%",
            "inf%",
            "1.5",
            "",
            "%",
            "ten",
            "10%%",
            "1e3",
            "10 percent",
        ] {
            assert!(parse_sample(text).is_err(), "{text:?} must be rejected");
        }
    }

    #[test]
    fn error_message_quotes_the_input() {
        let Err(message) = parse_sample("abc") else {
            panic!("garbage must be rejected");
        };
        assert!(message.contains("\"abc\""), "{message}");
    }

    #[test]
    fn fraction_keeps_roughly_that_share() {
        let mut sampler = Sampler::new(SampleSpec::Fraction(0.1), Some(7));
        let kept = (0..100_000).filter_map(|i| sampler.offer(i)).count();
        // Binomial(100k, 0.1) has a standard deviation of ~95; allow five of them.
        assert!((9_525..=10_475).contains(&kept), "kept {kept}");
        assert!(sampler.finish().is_empty());
    }

    #[test]
    fn fraction_of_one_keeps_everything_in_order() {
        let mut sampler = Sampler::new(SampleSpec::Fraction(1.0), Some(1));
        let kept: Vec<_> = (0..1_000).filter_map(|i| sampler.offer(i)).collect();
        assert_eq!(kept, (0..1_000).collect::<Vec<_>>());
    }

    #[test]
    fn out_of_range_fractions_do_not_panic() {
        for fraction in [f64::NAN, -1.0, 0.0] {
            let mut sampler = Sampler::new(SampleSpec::Fraction(fraction), Some(3));
            assert_eq!((0..100).filter_map(|i| sampler.offer(i)).count(), 0);
        }
        let mut sampler = Sampler::new(SampleSpec::Fraction(2.0), Some(3));
        assert_eq!((0..100).filter_map(|i| sampler.offer(i)).count(), 100);
    }

    #[test]
    fn same_seed_same_choice() {
        let run = |seed| {
            let mut sampler = Sampler::new(SampleSpec::Count(5), Some(seed));
            (0..1_000).for_each(|i| assert_eq!(sampler.offer(i), None));
            sampler.finish()
        };
        assert_eq!(run(42), run(42));
        assert_ne!(run(42), run(43));
    }

    #[test]
    fn reservoir_has_exact_size_in_offer_order() {
        let mut sampler = Sampler::new(SampleSpec::Count(100), Some(11));
        (0..10_000).for_each(|i| assert_eq!(sampler.offer(i), None));
        let kept = sampler.finish();
        assert_eq!(kept.len(), 100);
        assert!(kept.windows(2).all(|pair| pair[0] < pair[1]), "{kept:?}");
        // With 10k offers, a sample that never left the first 100 would be a broken reservoir.
        assert!(kept.iter().any(|&item| item >= 100));
    }

    #[test]
    fn reservoir_larger_than_input_keeps_everything() {
        let mut sampler = Sampler::new(SampleSpec::Count(100), Some(5));
        (0..30).for_each(|i| assert_eq!(sampler.offer(i), None));
        assert_eq!(sampler.finish(), (0..30).collect::<Vec<_>>());
    }

    #[test]
    fn empty_input_gives_empty_reservoir() {
        assert!(Sampler::<u32>::new(SampleSpec::Count(3), Some(0))
            .finish()
            .is_empty());
    }

    #[test]
    fn reservoir_chooses_each_item_about_equally() {
        let runs = 20_000;
        let mut chosen = [0u32; 10];
        for seed in 0..runs {
            let mut sampler = Sampler::new(SampleSpec::Count(3), Some(seed));
            (0..10).for_each(|i| assert_eq!(sampler.offer(i), None));
            let kept = sampler.finish();
            assert_eq!(kept.len(), 3);
            for item in kept {
                chosen[item] += 1;
            }
        }
        // Each item is expected 20k * 3/10 = 6000 times (standard deviation ~65).
        for (item, &count) in chosen.iter().enumerate() {
            assert!((5_650..=6_350).contains(&count), "item {item}: {count}");
        }
    }

    #[test]
    fn unseeded_samplers_work() {
        let mut sampler = Sampler::new(SampleSpec::Count(2), None);
        (0..10).for_each(|i| assert_eq!(sampler.offer(i), None));
        assert_eq!(sampler.finish().len(), 2);
    }
}
