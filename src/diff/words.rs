//! Word-level detail inside a pair of paragraphs (or two values of a field), and the word-bag similarity
//! used to pair paragraphs.
//!
//! Tokens are Unicode words and the runs between them (UAX #29 word bounds, via `unicode-segmentation`), so
//! every change starts and ends on a whole word. Two refinements make the output read like an editor's
//! change rather than like a diff algorithm's:
//! - an unchanged run of only spaces or punctuation between two changes is folded into one change, so a
//!   rewritten clause reads as one deletion and one insertion, not confetti;
//! - a change whose two sides differ only in spacing or typography is refined to characters, so a scraper
//!   artefact ("Economistswere expectingthat" → "Economists were expecting that") shows as the spaces that
//!   were added, and a straightened quote as the quote mark alone.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation;

use super::budget::Budget;
use super::classify::typography_equal;
use crate::normalize::fold_typography_cow;

/// What happened to one run of text in a word-level diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    /// In both versions.
    Equal,
    /// Only in the new version.
    Insert,
    /// Only in the old version.
    Delete,
}

/// One run of a word-level diff. Concatenating the `equal` and `delete` runs gives the old text; the
/// `equal` and `insert` runs give the new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordChange {
    /// Equal, inserted or deleted.
    pub op: WordOp,
    /// The text of the run, spaces included.
    pub text: String,
}

/// One changed region of a pair of texts (the old and new runs between two unchanged runs), with where it
/// starts in each text. Classification and figure extraction work on hunks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hunk {
    /// The old side of the region (may be empty).
    pub old: String,
    /// The new side of the region (may be empty).
    pub new: String,
    /// Byte offset of the region in the old text.
    pub old_at: usize,
    /// Byte offset of the region in the new text.
    pub new_at: usize,
    /// Whether the old side starts a sentence (so a capitalised first word is not necessarily a name).
    pub old_sentence_start: bool,
    /// Whether the new side starts a sentence.
    pub new_sentence_start: bool,
}

/// The result of [`diff_words`].
#[derive(Debug, Clone)]
pub(crate) struct WordDiff {
    /// The runs, adjacent runs of the same op merged.
    pub words: Vec<WordChange>,
    /// The changed regions.
    pub hunks: Vec<Hunk>,
    /// How much of the text the two versions share, 0..=1 (see [`diff_words`]).
    pub similarity: f64,
}

/// Diff two texts word by word.
///
/// `similarity` is `2 × shared / (old + new)`, counting the non-space characters of the unchanged runs (and of
/// changes that are typography or spacing only) against all non-space characters of both texts: 1.0 for texts
/// that differ only in spacing or typography, 0.0 for texts with nothing in common.
///
/// When the budget refuses the work (a huge paragraph, or the article's cap is spent) the texts are given as
/// one deletion and one insertion, with the word-bag similarity instead.
pub(crate) fn diff_words(old: &str, new: &str, budget: &mut Budget) -> WordDiff {
    if old == new {
        return WordDiff {
            words: push_run(Vec::new(), WordOp::Equal, old),
            hunks: Vec::new(),
            similarity: 1.0,
        };
    }
    let ot: Vec<&str> = old.split_word_bounds().collect();
    let nt: Vec<&str> = new.split_word_bounds().collect();
    let work = (ot.len() as u64).saturating_mul(nt.len() as u64);
    if !budget.allow_word_diff(work) {
        return whole(old, new);
    }
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &ot, &nt, budget.deadline());
    let segments = fold_weak_equals(segments_of(&ops), &ot);

    let old_at = offsets(&ot);
    let new_at = offsets(&nt);
    let mut words = Vec::new();
    let mut hunks = Vec::new();
    let mut shared = 0usize;
    for seg in segments {
        let a = concat(&ot, &seg.old);
        match seg.changed {
            false => {
                shared += visible_chars(&a);
                words = push_run(words, WordOp::Equal, &a);
            }
            true => {
                let b = concat(&nt, &seg.new);
                if typography_equal(&a, &b) {
                    shared += visible_chars(&a).min(visible_chars(&b));
                    words = refine_chars(words, &a, &b, budget);
                } else {
                    words = push_run(words, WordOp::Delete, &a);
                    words = push_run(words, WordOp::Insert, &b);
                }
                hunks.push(Hunk {
                    old_sentence_start: sentence_start(&ot, seg.old.start),
                    new_sentence_start: sentence_start(&nt, seg.new.start),
                    old_at: old_at.get(seg.old.start).copied().unwrap_or(old.len()),
                    new_at: new_at.get(seg.new.start).copied().unwrap_or(new.len()),
                    old: a,
                    new: b,
                });
            }
        }
    }
    let total = visible_chars(old) + visible_chars(new);
    let similarity = if total == 0 {
        1.0
    } else {
        (2 * shared) as f64 / total as f64
    };
    WordDiff {
        words,
        hunks,
        similarity: similarity.min(1.0),
    }
}

/// Old and new as one deletion and one insertion (for a rewrite, or when the work was capped), with the
/// word-bag similarity and the whole texts as the single hunk.
pub(crate) fn whole(old: &str, new: &str) -> WordDiff {
    let mut interner = Interner::default();
    let similarity = Bag::of(old, &mut interner).dice(&Bag::of(new, &mut interner));
    WordDiff {
        words: whole_words(old, new),
        hunks: vec![Hunk {
            old: old.to_string(),
            new: new.to_string(),
            old_at: 0,
            new_at: 0,
            old_sentence_start: true,
            new_sentence_start: true,
        }],
        similarity,
    }
}

/// The word runs that show `old` deleted and `new` inserted, whole.
pub(crate) fn whole_words(old: &str, new: &str) -> Vec<WordChange> {
    let words = push_run(Vec::new(), WordOp::Delete, old);
    push_run(words, WordOp::Insert, new)
}

/// A run of tokens that is unchanged or changed, as token ranges of each side.
struct Segment {
    changed: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// Turn `similar`'s ops into alternating unchanged and changed segments (a deletion next to an insertion
/// becomes one changed segment).
fn segments_of(ops: &[similar::DiffOp]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        let changed = tag != DiffTag::Equal;
        match out.last_mut() {
            Some(last) if last.changed == changed => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => out.push(Segment { changed, old, new }),
        }
    }
    out
}

/// Fold an unchanged run of only spaces and punctuation that stands between two changes into one change: a
/// lone comma kept between two rewritten clauses says nothing to a reader.
fn fold_weak_equals(segments: Vec<Segment>, old_tokens: &[&str]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for seg in segments {
        if seg.changed && out.len() >= 2 {
            let weak_between = out.last().is_some_and(|eq| {
                !eq.changed
                    && old_tokens
                        .get(eq.old.clone())
                        .is_some_and(|t| t.iter().all(|w| !has_alphanumeric(w)))
            });
            if weak_between {
                out.pop();
                if let Some(prev) = out.last_mut() {
                    prev.old.end = seg.old.end;
                    prev.new.end = seg.new.end;
                    continue;
                }
            }
        }
        out.push(seg);
    }
    out
}

/// Character-level diff of a change that is spacing or typography only.
fn refine_chars(
    words: Vec<WordChange>,
    old: &str,
    new: &str,
    budget: &mut Budget,
) -> Vec<WordChange> {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let work = (a.len() as u64).saturating_mul(b.len() as u64);
    if !budget.allow_word_diff(work) {
        let words = push_run(words, WordOp::Delete, old);
        return push_run(words, WordOp::Insert, new);
    }
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, budget.deadline());
    let mut words = words;
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let old_part: String = a.get(o).unwrap_or(&[]).iter().collect();
        let new_part: String = b.get(n).unwrap_or(&[]).iter().collect();
        match tag {
            DiffTag::Equal => words = push_run(words, WordOp::Equal, &old_part),
            _ => {
                words = push_run(words, WordOp::Delete, &old_part);
                words = push_run(words, WordOp::Insert, &new_part);
            }
        }
    }
    words
}

/// Append a run, merging it into the previous one when it has the same op; empty runs are dropped.
fn push_run(mut words: Vec<WordChange>, op: WordOp, text: &str) -> Vec<WordChange> {
    if text.is_empty() {
        return words;
    }
    match words.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => words.push(WordChange {
            op,
            text: text.to_string(),
        }),
    }
    words
}

/// Byte offset of every token (and one past the last).
fn offsets(tokens: &[&str]) -> Vec<usize> {
    let mut at = Vec::with_capacity(tokens.len() + 1);
    let mut sum = 0;
    for t in tokens {
        at.push(sum);
        sum += t.len();
    }
    at.push(sum);
    at
}

fn concat(tokens: &[&str], range: &Range<usize>) -> String {
    tokens.get(range.clone()).unwrap_or(&[]).concat()
}

/// Whether the token at `index` begins a sentence: nothing but spaces before it, or a sentence end or an
/// opening mark right before it.
fn sentence_start(tokens: &[&str], index: usize) -> bool {
    let before = tokens.get(..index).unwrap_or(&[]);
    match before.iter().rev().find(|t| !t.trim().is_empty()) {
        None => true,
        Some(t) => t.ends_with(['.', '!', '?', '“', '"', '‘', '\'', '”', '’', '(', '[', ':']),
    }
}

/// Count of non-space characters: what similarity is measured in (so re-spacing costs nothing).
pub(crate) fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

pub(crate) fn has_alphanumeric(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Gives every distinct word of a diff a small number, so word bags compare as sorted integer lists.
#[derive(Default)]
pub(crate) struct Interner<'t> {
    // FxHash: short keys, and ids go by insertion order, so the hasher cannot change a result. Words that
    // live as long as the interner are kept borrowed ([`Interner::id_borrowed`]).
    ids: FxHashMap<Cow<'t, str>, u32>,
}

impl<'t> Interner<'t> {
    /// The number of `word`, given in order of first sight (the word is copied only the first time).
    pub(crate) fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.next_id();
        self.ids.insert(Cow::Owned(word.to_string()), id);
        id
    }

    /// [`Interner::id`] of a word that outlives the interner: it is kept borrowed, never copied (an
    /// allocation per distinct word was a large part of the quote diff).
    pub(crate) fn id_borrowed(&mut self, word: &'t str) -> u32 {
        let next = self.next_id();
        *self.ids.entry(Cow::Borrowed(word)).or_insert(next)
    }

    fn next_id(&self) -> u32 {
        u32::try_from(self.ids.len()).unwrap_or(u32::MAX)
    }
}

/// The words of a text as a multiset (typography folded, lower-cased, punctuation left out), each word
/// weighted by its length in characters so that "the" counts less than "Zelenskyy".
///
/// Order is ignored on purpose: pairing asks "is this the same paragraph, reworded?", and a paragraph whose
/// sentences were swapped is still the same paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Bag {
    /// (word id, total weight), sorted by id.
    entries: Vec<(u32, u64)>,
    total: u64,
}

impl Bag {
    pub(crate) fn of(text: &str, interner: &mut Interner) -> Bag {
        let folded = fold_typography_cow(text).to_lowercase();
        // Each word's (id, weight), sorted by id and summed per id: cheaper than a map from id to weight.
        let mut words: Vec<(u32, u64)> = folded
            .unicode_words()
            .map(|word| (interner.id(word), word.chars().count() as u64))
            .collect();
        words.sort_unstable_by_key(|&(id, _)| id);
        let mut entries: Vec<(u32, u64)> = Vec::with_capacity(words.len());
        for (id, weight) in words {
            match entries.last_mut() {
                Some(last) if last.0 == id => last.1 += weight,
                _ => entries.push((id, weight)),
            }
        }
        let total = entries.iter().map(|e| e.1).sum();
        Bag { entries, total }
    }

    /// The weight two bags share.
    pub(crate) fn overlap(&self, other: &Bag) -> u64 {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while let (Some(a), Some(b)) = (self.entries.get(i), other.entries.get(j)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += a.1.min(b.1);
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    /// Dice similarity: 2 × shared / (self + other); 1.0 for two empty bags.
    pub(crate) fn dice(&self, other: &Bag) -> f64 {
        let total = self.total + other.total;
        if total == 0 {
            return 1.0;
        }
        (2 * self.overlap(other)) as f64 / total as f64
    }

    /// How much of this bag is found in `whole`, 0..=1 (0 for an empty bag).
    pub(crate) fn contained_in(&self, whole: &Bag) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        self.overlap(whole) as f64 / self.total as f64
    }

    /// The multiset sum of two bags.
    pub(crate) fn plus(&self, other: &Bag) -> Bag {
        let mut entries = Vec::with_capacity(self.entries.len() + other.entries.len());
        let (mut i, mut j) = (0, 0);
        loop {
            match (self.entries.get(i), other.entries.get(j)) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    entries.push((a.0, a.1 + b.1));
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(b)) if a.0 < b.0 => {
                    entries.push(*a);
                    i += 1;
                }
                (_, Some(b)) => {
                    entries.push(*b);
                    j += 1;
                }
                (Some(a), None) => {
                    entries.push(*a);
                    i += 1;
                }
                (None, None) => break,
            }
        }
        Bag {
            entries,
            total: self.total + other.total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> WordDiff {
        diff_words(a, b, &mut Budget::new(None))
    }

    fn side(words: &[WordChange], skip: WordOp) -> String {
        words
            .iter()
            .filter(|w| w.op != skip)
            .map(|w| w.text.as_str())
            .collect()
    }

    #[test]
    fn changed_word_is_a_whole_word() {
        let d = diff(
            "The toll rose to 12 on Tuesday.",
            "The toll rose to 15 on Tuesday.",
        );
        let changed: Vec<_> = d.words.iter().filter(|w| w.op != WordOp::Equal).collect();
        assert_eq!(changed.len(), 2);
        assert_eq!(changed[0].text, "12");
        assert_eq!(changed[1].text, "15");
        assert!(d.similarity > 0.9);
    }

    #[test]
    fn glued_words_show_as_inserted_spaces() {
        let d = diff(
            "Economistswere expectingthat the rate would fall.",
            "Economists were expecting that the rate would fall.",
        );
        let inserted: Vec<_> = d.words.iter().filter(|w| w.op != WordOp::Equal).collect();
        assert!(
            inserted
                .iter()
                .all(|w| w.op == WordOp::Insert && w.text == " ")
        );
        assert_eq!(inserted.len(), 2);
        assert_eq!(d.similarity, 1.0);
    }

    #[test]
    fn sides_reassemble_both_texts() {
        let a = "Kremlin spokesperson Dmitry Peskov said on Thursday there was “nothing new.”";
        let b =
            "Peskov, the Kremlin spokesman, said Friday that there was \"nothing new\" to report.";
        let d = diff(a, b);
        assert_eq!(side(&d.words, WordOp::Insert), a);
        assert_eq!(side(&d.words, WordOp::Delete), b);
    }

    #[test]
    fn punctuation_between_two_changes_is_folded_into_one_change() {
        let d = diff("alpha, beta", "gamma, delta");
        assert_eq!(d.hunks.len(), 1);
        assert_eq!(d.hunks[0].old, "alpha, beta");
    }

    #[test]
    fn capped_work_shows_texts_whole() {
        let mut budget = Budget::new(None);
        let long = "word ".repeat(7000);
        let other = "other ".repeat(7000);
        let d = diff_words(&long, &other, &mut budget);
        assert_eq!(d.words.len(), 2);
        assert_eq!(d.similarity, 0.0);
        assert!(!budget.into_notes().is_empty());
    }

    #[test]
    fn sentence_start_after_period_and_quote() {
        let t: Vec<&str> = "He left. “We won".split_word_bounds().collect();
        let we = t.iter().position(|w| *w == "We").unwrap();
        assert!(sentence_start(&t, we));
        assert!(sentence_start(&t, 0));
        let left = t.iter().position(|w| *w == "left").unwrap();
        assert!(!sentence_start(&t, left));
    }

    #[test]
    fn bags_ignore_order_case_and_typography() {
        let mut i = Interner::default();
        let a = Bag::of("It’s over, he said.", &mut i);
        let b = Bag::of("he said it's OVER", &mut i);
        assert_eq!(a.dice(&b), 1.0);
        let c = Bag::of("Nothing in common", &mut i);
        assert_eq!(a.dice(&c), 0.0);
        let sum = a.plus(&c);
        assert_eq!(a.contained_in(&sum), 1.0);
        assert!(sum.dice(&a) < 1.0);
    }
}
