//! `consume --expect-count/--expect-match/--expect-jq`: assertions for CI scripts. Each looks
//! at the records `consume` prints (after its own filters); the command stops as soon as every
//! expectation given holds and exits 0, or exits 1 with what it saw when the end of the topic
//! (without `-f`) or `--timeout` comes first.

use std::time::Instant;

use crate::filter::{FilterSpec, RecordFilter, Verdict};

/// The expectations of one `consume`, and what has been seen of them.
pub struct Expectations {
    count: Option<u64>,
    matcher: Option<(String, RecordFilter)>,
    jq: Option<(String, RecordFilter)>,
    seen: u64,
    matched: bool,
    jq_true: bool,
    started: Instant,
}

impl Expectations {
    /// `None` when no expectation was given. The expressions were checked while parsing.
    pub fn new(
        count: Option<u64>,
        matcher: Option<&str>,
        jq: Option<&str>,
    ) -> anyhow::Result<Option<Expectations>> {
        if count.is_none() && matcher.is_none() && jq.is_none() {
            return Ok(None);
        }
        let filter = |grep: Option<&str>, jq: Option<&str>| {
            RecordFilter::new(&FilterSpec {
                grep,
                ignore_case: false,
                invert: false,
                grep_key: None,
                jq,
            })
        };
        Ok(Some(Expectations {
            count,
            matcher: matcher
                .map(|m| filter(Some(m), None).map(|f| (m.to_string(), f)))
                .transpose()?,
            jq: jq
                .map(|e| filter(None, Some(e)).map(|f| (e.to_string(), f)))
                .transpose()?,
            seen: 0,
            matched: false,
            jq_true: false,
            started: Instant::now(),
        }))
    }

    /// Looks at one printed record's value.
    pub fn observe(&mut self, value: Option<&[u8]>) {
        self.seen += 1;
        if let (false, Some((_, m))) = (self.matched, &self.matcher) {
            self.matched = matches!(m.apply(None, value), Verdict::Keep);
        }
        if let (false, Some((_, jq))) = (self.jq_true, &self.jq) {
            // jq's truth: some output that is neither false nor null.
            self.jq_true = match jq.apply(None, value) {
                Verdict::Replace(outputs) => outputs
                    .iter()
                    .any(|o| !matches!(o.as_slice(), b"false" | b"null")),
                Verdict::Keep => true,
                Verdict::Drop | Verdict::Error(_) => false,
            };
        }
    }

    /// Whether every expectation holds.
    pub fn held(&self) -> bool {
        self.count.is_none_or(|c| self.seen >= c)
            && (self.matcher.is_none() || self.matched)
            && (self.jq.is_none() || self.jq_true)
    }

    /// Why the expectations do not hold, for the error message.
    pub fn shortfall(&self, why: &str) -> String {
        let mut unmet = Vec::new();
        if let Some(c) = self.count.filter(|&c| self.seen < c) {
            unmet.push(format!("expected {c} record(s)"));
        }
        if let (false, Some((m, _))) = (self.matched, &self.matcher) {
            unmet.push(format!("no record matched /{m}/"));
        }
        if let (false, Some((e, _))) = (self.jq_true, &self.jq) {
            unmet.push(format!("no record made `{e}` true"));
        }
        format!(
            "expectation not met ({}): {why} after {} record(s) in {:.1} s",
            unmet.join("; "),
            self.seen,
            self.started.elapsed().as_secs_f64()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_expectation_latches_and_all_must_hold() {
        let mut e = Expectations::new(Some(2), Some("pear"), Some(".qty > 3"))
            .expect("compiles")
            .expect("some");
        e.observe(Some(br#"{"sku":"apple","qty":1}"#));
        assert!(!e.held());
        e.observe(Some(br#"{"sku":"pear","qty":2}"#));
        assert!(!e.held(), "qty > 3 never true yet");
        assert!(e
            .shortfall("end")
            .contains("no record made `.qty > 3` true"));
        e.observe(Some(br#"{"sku":"fig","qty":9}"#));
        assert!(e.held());
    }

    #[test]
    fn no_expectation_is_none() {
        assert!(Expectations::new(None, None, None).expect("ok").is_none());
    }
}
