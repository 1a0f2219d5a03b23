//! Work limits of one diff: a wall-clock deadline handed to `similar`, and counted caps on word-level and
//! pairing work, so that a huge or entirely rewritten article still finishes in seconds.
//!
//! The counted caps are deterministic (the same input always hits the same cap); the deadline is a backstop
//! for machines slower than expected and is the only place the wall clock can influence a diff. Every cap or
//! deadline that is hit leaves a note, which the diff reports (`capped: true`, `notes`).

use std::time::{Duration, Instant};

/// Most token comparisons (old tokens × new tokens) one word-level diff may cost; above it the paragraph is
/// shown whole (old and new) instead of word by word. The value is wikidiff2's default
/// `max_word_level_diff_complexity` (40,000,000).
pub const MAX_WORD_DIFF_COMPLEXITY: u64 = 40_000_000;

/// Total word-level work (the sum of old tokens × new tokens over every word diff) one article diff may
/// spend; ten single diffs at [`MAX_WORD_DIFF_COMPLEXITY`]. Chosen so that the worst case stays within a few
/// seconds in a debug build; the real corpus never comes near it (largest article diff ≈ 0.3 million).
pub const MAX_TOTAL_WORD_WORK: u64 = 400_000_000;

/// Most (old, new) paragraph pairs whose similarity is scored when pairing paragraphs that did not match
/// exactly (500 × 500). Above it only pairs near each other inside the same changed region are scored (see
/// [`PAIR_BAND`]). Stories in the corpus have at most 130 paragraphs, so it never applies to real copy.
pub const MAX_PAIR_CANDIDATES: usize = 250_000;

/// When [`MAX_PAIR_CANDIDATES`] is exceeded: how far (in paragraphs) from the same relative place a pair
/// may be and still be scored.
pub const PAIR_BAND: usize = 10;

/// The default time budget of one article diff; see [`crate::diff::DiffOptions::time_budget`].
pub const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(3);

/// The work left for one diff, and the notes about limits that were hit.
pub(crate) struct Budget {
    deadline: Option<Instant>,
    word_work_left: u64,
    notes: Vec<String>,
}

impl Budget {
    /// A fresh budget; `time_budget` of `None` means no deadline (fully deterministic).
    pub(crate) fn new(time_budget: Option<Duration>) -> Budget {
        Budget {
            deadline: time_budget.and_then(|d| Instant::now().checked_add(d)),
            word_work_left: MAX_TOTAL_WORD_WORK,
            notes: Vec::new(),
        }
    }

    /// The deadline to hand to `similar`.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Whether the deadline has passed; records a note the first time it is seen.
    pub(crate) fn out_of_time(&mut self) -> bool {
        let late = self.deadline.is_some_and(|d| Instant::now() > d);
        if late {
            self.note(
                "the time budget ran out: the rest of the diff is coarser (paragraphs shown whole)",
            );
        }
        late
    }

    /// Ask to spend `work` (old tokens × new tokens) on one word diff. Refused, with a note, when the single
    /// diff is over [`MAX_WORD_DIFF_COMPLEXITY`], the total is spent, or time ran out.
    pub(crate) fn allow_word_diff(&mut self, work: u64) -> bool {
        if work > MAX_WORD_DIFF_COMPLEXITY {
            self.note("a paragraph is too long for a word-level diff: shown whole");
            return false;
        }
        if work > self.word_work_left {
            self.note("the word-level work cap was reached: some paragraphs are shown whole");
            return false;
        }
        if self.out_of_time() {
            return false;
        }
        self.word_work_left -= work;
        true
    }

    /// Record a note once (notes keep the order in which they first happened).
    pub(crate) fn note(&mut self, note: &str) {
        if !self.notes.iter().any(|n| n == note) {
            self.notes.push(note.to_string());
        }
    }

    /// The notes, sorted so the output does not depend on the order of the work.
    pub(crate) fn into_notes(mut self) -> Vec<String> {
        self.notes.sort();
        self.notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_complex_word_diff_is_refused_with_one_note() {
        let mut b = Budget::new(None);
        assert!(!b.allow_word_diff(MAX_WORD_DIFF_COMPLEXITY + 1));
        assert!(!b.allow_word_diff(MAX_WORD_DIFF_COMPLEXITY + 1));
        assert!(b.allow_word_diff(100));
        assert_eq!(b.into_notes().len(), 1);
    }

    #[test]
    fn total_work_runs_out() {
        let mut b = Budget::new(None);
        let mut allowed = 0;
        while b.allow_word_diff(MAX_WORD_DIFF_COMPLEXITY) {
            allowed += 1;
        }
        assert_eq!(allowed, MAX_TOTAL_WORD_WORK / MAX_WORD_DIFF_COMPLEXITY);
    }

    #[test]
    fn zero_time_budget_runs_out_at_once() {
        let mut b = Budget::new(Some(Duration::ZERO));
        std::thread::sleep(Duration::from_millis(2));
        assert!(!b.allow_word_diff(1));
        assert!(!b.into_notes().is_empty());
    }
}
