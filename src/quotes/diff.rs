//! The quote diff: which quotations of one version became which of the next, and what happened to each
//! (unchanged, added, removed, reworded, truncated, extended, re-attributed, moved, turned into
//! paraphrase).
//!
//! Independent of the paragraph diff: the caller says, through `paragraph_moved`, whether the paragraph
//! diff reports a pair of paragraphs as moved, so a quote pushed down by inserted paragraphs stays
//! `unchanged` and only a quote whose paragraph really moved is `moved`.
//!
//! Matching is a greedy assignment over all pairs of speech quotations by word similarity (ties broken by
//! same speaker, then nearness, then order), so the result is deterministic and each quotation of both
//! versions appears exactly once.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::lexicon::lower;
use super::{Quote, QuoteKind, reported_speech, speaker_key};
use crate::diff::words::Interner;
use crate::diff::{WordChange, WordOp};
use crate::normalize::fold_typography_cow;

/// Two quotations are the same quotation edited when their word-level Dice similarity reaches this.
/// Half the words shared in order is where a reader still sees "the same quote, reworded"; below it the
/// quotes are unrelated (checked on the corpus's reworded quotes, which sit at 0.6–0.95).
const MATCH_MIN_SIMILARITY: f64 = 0.5;

/// A shorter quotation whose words are nearly all (this share) found in order in a longer one is the
/// same quotation truncated or extended, however much was cut.
const MATCH_MIN_CONTAINMENT: f64 = 0.9;

/// Containment only counts for quotations of at least this many words (two-word fragments are contained
/// in many quotes by chance).
const CONTAINMENT_MIN_WORDS: usize = 3;

/// A removed quotation survives as paraphrase when this share of its content words appears in a
/// reported-speech sentence by the same speaker.
const PARAPHRASE_MIN_OVERLAP: f64 = 0.5;

/// ...and at least this many content words are shared.
const PARAPHRASE_MIN_WORDS: usize = 2;

/// Above this many quotation pairs only identical texts are matched, to keep the diff fast on
/// pathological inputs (a real story has at most a few dozen quotes; below the cap, a cheap shared-word
/// bound screens pairs before the word diff runs).
const MAX_PAIRS: usize = 1_000_000;

/// What happened to one quotation between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteChangeOp {
    /// Same words, same speaker, same place.
    Unchanged,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// Words replaced.
    Reworded,
    /// Words only removed.
    Truncated,
    /// Words only added.
    Extended,
    /// The speaker changed (wins over every other change).
    Reattributed,
    /// Same words, but the paragraph diff reports the paragraph as moved.
    Moved,
    /// Removed as a quotation, but its content survives as reported speech by the same speaker.
    ToParaphrase,
}

/// One side of a quote change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSide {
    /// The quoted text (for `to_paraphrase`'s new side: the reported-speech sentence).
    pub text: String,
    /// The speaker, if any.
    pub speaker: Option<String>,
    /// Paragraph index in its version.
    pub paragraph: usize,
}

/// One quotation's fate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteChange {
    /// What happened.
    pub op: QuoteChangeOp,
    /// The quotation in the old version.
    pub old: Option<QuoteSide>,
    /// The quotation in the new version.
    pub new: Option<QuoteSide>,
    /// Word similarity of old and new (Dice over normalised words, 0–1, three decimals).
    pub similarity: f64,
    /// Word-level changes from old to new (empty for added and removed quotations). The same runs as the
    /// paragraph diff's, except that a quotation's runs hold its words joined by single spaces (quote text is
    /// already whitespace-normalised, so there are no spaces to keep).
    pub words: Vec<WordChange>,
}

/// Normalised word keys of a text: typography folded, lower-case, punctuation trimmed; with the original
/// words alongside.
pub(super) fn words_of(text: &str) -> (Vec<String>, Vec<&str>) {
    let mut keys = Vec::new();
    let mut originals = Vec::new();
    for_each_word(text, |key, _, w| {
        keys.push(key.to_string());
        originals.push(w);
    });
    (keys, originals)
}

/// Each word of a text with a non-empty key ([`words_of`]): `f(key, in_text, word)`. `in_text` is the key
/// as a slice of the text itself when folding and lower-casing changed nothing (most words), so that it can
/// be kept without a copy.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&str, Option<&'t str>, &'t str)) {
    let not_key = |c: char| !c.is_alphanumeric();
    for w in text.split_whitespace() {
        let folded = fold_typography_cow(w);
        let lowered = lower(&folded);
        match folded {
            Cow::Borrowed(unfolded) if lowered.as_str() == unfolded => {
                let key = unfolded.trim_matches(not_key);
                if !key.is_empty() {
                    f(key, Some(key), w);
                }
            }
            _ => {
                let key = lowered.trim_matches(not_key);
                if !key.is_empty() {
                    f(key, None, w);
                }
            }
        }
    }
}

/// A quotation's words, as the quote diff compares them.
struct QuoteWords<'t> {
    /// The number in the diff's [`Interner`] of each word's key ([`words_of`]).
    ids: Vec<u32>,
    /// The original words.
    words: Vec<&'t str>,
    /// `ids` sorted, for the shared-word screen ([`could_match`]).
    sorted: Vec<u32>,
}

impl<'t> QuoteWords<'t> {
    fn of(text: &'t str, interner: &mut Interner<'t>) -> QuoteWords<'t> {
        let mut ids = Vec::new();
        let mut words = Vec::new();
        for_each_word(text, |key, in_text, w| {
            ids.push(match in_text {
                Some(key) => interner.id_borrowed(key),
                None => interner.id(key),
            });
            words.push(w);
        });
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        QuoteWords { ids, words, sorted }
    }
}

fn side(q: &Quote) -> QuoteSide {
    QuoteSide {
        text: q.text.clone(),
        speaker: q.speaker.clone(),
        paragraph: q.paragraph,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Word counts of a comparison.
struct Comparison {
    equal: usize,
    deleted: usize,
    inserted: usize,
    ops: Vec<DiffOp>,
}

fn compare(a: &[u32], b: &[u32]) -> Comparison {
    // Most matched quotations are unchanged, and `similar` gives one equal run for two equal sequences
    // (none for two empty ones): known without running the diff.
    if a == b {
        let ops = if a.is_empty() {
            Vec::new()
        } else {
            vec![DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: a.len(),
            }]
        };
        return Comparison {
            equal: a.len(),
            deleted: 0,
            inserted: 0,
            ops,
        };
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let (mut equal, mut deleted, mut inserted) = (0, 0, 0);
    for op in &ops {
        match *op {
            DiffOp::Equal { len, .. } => equal += len,
            DiffOp::Delete { old_len, .. } => deleted += old_len,
            DiffOp::Insert { new_len, .. } => inserted += new_len,
            DiffOp::Replace {
                old_len, new_len, ..
            } => {
                deleted += old_len;
                inserted += new_len;
            }
        }
    }
    Comparison {
        equal,
        deleted,
        inserted,
        ops,
    }
}

/// Whether two quotations share enough words (as multisets, an upper bound on their common
/// subsequence) to reach either matching threshold; cheap, so the word diff runs only on candidates.
fn could_match(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = a.len().min(b.len());
    dice(shared, a.len(), b.len()) >= MATCH_MIN_SIMILARITY
        || (shorter >= CONTAINMENT_MIN_WORDS
            && shared as f64 / shorter as f64 >= MATCH_MIN_CONTAINMENT)
}

fn dice(equal: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        return 1.0;
    }
    2.0 * equal as f64 / (a + b) as f64
}

fn push_run(out: &mut Vec<WordChange>, op: WordOp, words: &[&str]) {
    if words.is_empty() {
        return;
    }
    let text = words.join(" ");
    match out.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => out.push(WordChange { op, text }),
    }
}

fn word_ops(cmp: &Comparison, old: &[&str], new: &[&str]) -> Vec<WordChange> {
    let mut out = Vec::new();
    for op in &cmp.ops {
        let (_, o, n) = op.as_tag_tuple();
        match op {
            DiffOp::Equal { .. } => push_run(&mut out, WordOp::Equal, new.get(n).unwrap_or(&[])),
            DiffOp::Delete { .. } => push_run(&mut out, WordOp::Delete, old.get(o).unwrap_or(&[])),
            DiffOp::Insert { .. } => push_run(&mut out, WordOp::Insert, new.get(n).unwrap_or(&[])),
            DiffOp::Replace { .. } => {
                push_run(&mut out, WordOp::Delete, old.get(o).unwrap_or(&[]));
                push_run(&mut out, WordOp::Insert, new.get(n).unwrap_or(&[]));
            }
        }
    }
    out
}

fn key_of(speaker: Option<&str>) -> Option<String> {
    speaker.map(speaker_key).filter(|k| !k.is_empty())
}

/// Compare the quotations of two versions.
///
/// `old` and `new` are the quotations of each version (as [`extract`](super::extract) returns them; `title_or_scare`
/// quotations are left out here). `paragraph_moved(old_paragraph, new_paragraph)` says whether the
/// paragraph diff reports that pair as moved. `new_paragraphs` is the new version's body, searched for
/// reported speech that a removed quote turned into.
///
/// Every speech quotation of both versions appears in exactly one change; changes are in the new
/// version's reading order, removed quotations placed after the quotation that preceded them.
///
/// ```
/// use storydiff::quotes::{diff_quotes, extract, QuoteChangeOp};
/// let old = vec!["“We will win big,” Jane Doe said.".to_string()];
/// let new = vec!["“We will win,” Jane Doe said.".to_string()];
/// let changes = diff_quotes(&extract(&old), &extract(&new), &|_, _| false, &new);
/// assert_eq!(changes[0].op, QuoteChangeOp::Truncated);
/// ```
pub fn diff_quotes(
    old: &[Quote],
    new: &[Quote],
    paragraph_moved: &dyn Fn(usize, usize) -> bool,
    new_paragraphs: &[String],
) -> Vec<QuoteChange> {
    diff_quotes_with(old, new, paragraph_moved, new_paragraphs, &mut || {
        reported_speech(new_paragraphs)
    })
}

/// [`diff_quotes`], taking the new version's reported speech from `reported` (called at most once, and only
/// when a quotation was removed), so a caller that analysed the new version already does not analyse it again.
fn diff_quotes_with(
    old: &[Quote],
    new: &[Quote],
    paragraph_moved: &dyn Fn(usize, usize) -> bool,
    new_paragraphs: &[String],
    reported: &mut dyn FnMut() -> Vec<super::ReportedSpeech>,
) -> Vec<QuoteChange> {
    let old: Vec<&Quote> = old.iter().filter(|q| q.kind == QuoteKind::Speech).collect();
    let new: Vec<&Quote> = new.iter().filter(|q| q.kind == QuoteKind::Speech).collect();
    // Word keys as small integers (one per distinct key): every pair of quotations is screened and compared,
    // and integers compare without a `memcmp` per word. Only equality of keys matters to the screen and the
    // word diff, so the results are those of the keys themselves.
    let mut ids = Interner::default();
    // Words once per distinct text: most quotations of a new version are word for word an old one's.
    let mut text_number: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(old.len() + new.len(), Default::default());
    let mut texts: Vec<QuoteWords> = Vec::new();
    let mut text_of: Vec<usize> = Vec::with_capacity(old.len() + new.len());
    for &q in old.iter().chain(&new) {
        let next = texts.len();
        let t = *text_number.entry(q.text.as_str()).or_insert(next);
        if t == next {
            texts.push(QuoteWords::of(&q.text, &mut ids));
        }
        text_of.push(t);
    }
    let (old_text, new_text) = text_of.split_at(old.len().min(text_of.len()));
    let words_of_texts = |numbers: &[usize]| -> Vec<&QuoteWords> {
        numbers.iter().filter_map(|&t| texts.get(t)).collect()
    };
    let (old_words, new_words) = (words_of_texts(old_text), words_of_texts(new_text));
    let exhaustive = old.len().saturating_mul(new.len()) <= MAX_PAIRS;
    // Speaker keys once per distinct speaker (a story quotes a few people many times), not once per
    // quotation or candidate pair.
    let mut speaker_keys: FxHashMap<&str, Option<String>> = FxHashMap::default();
    for speaker in old.iter().chain(&new).filter_map(|q| q.speaker.as_deref()) {
        speaker_keys
            .entry(speaker)
            .or_insert_with(|| key_of(Some(speaker)));
    }
    let speaker_key_of = |q: &&Quote| {
        q.speaker
            .as_deref()
            .and_then(|s| speaker_keys.get(s)?.as_deref())
    };
    let old_keys: Vec<Option<&str>> = old.iter().map(speaker_key_of).collect();
    let new_keys: Vec<Option<&str>> = new.iter().map(speaker_key_of).collect();
    let same_speaker = |i: usize, j: usize| old_keys.get(i) == new_keys.get(j);

    // Candidate pairs with their score.
    struct Candidate {
        score: f64,
        same_speaker: bool,
        distance: usize,
        i: usize,
        j: usize,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    for (i, ow) in old_words.iter().enumerate() {
        for (j, nw) in new_words.iter().enumerate() {
            let (ok, nk) = (&ow.ids, &nw.ids);
            let score = if ok == nk {
                1.0
            } else if !exhaustive
                || ok.is_empty()
                || nk.is_empty()
                || !could_match(&ow.sorted, &nw.sorted)
            {
                continue;
            } else {
                let cmp = compare(ok, nk);
                let sim = dice(cmp.equal, ok.len(), nk.len());
                let shorter = ok.len().min(nk.len());
                let containment = if shorter >= CONTAINMENT_MIN_WORDS {
                    cmp.equal as f64 / shorter as f64
                } else {
                    0.0
                };
                if sim >= MATCH_MIN_SIMILARITY {
                    sim
                } else if containment >= MATCH_MIN_CONTAINMENT {
                    // Ranked below any proper similarity match but above nothing.
                    MATCH_MIN_SIMILARITY * containment
                } else {
                    continue;
                }
            };
            let (Some(o), Some(n)) = (old.get(i), new.get(j)) else {
                continue;
            };
            candidates.push(Candidate {
                score,
                same_speaker: same_speaker(i, j),
                distance: o.paragraph.abs_diff(n.paragraph),
                i,
                j,
            });
        }
    }
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.same_speaker.cmp(&a.same_speaker))
            .then(a.distance.cmp(&b.distance))
            .then(a.i.cmp(&b.i))
            .then(a.j.cmp(&b.j))
    });
    let mut old_match: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.len()];
    for c in &candidates {
        if old_match.get(c.i).copied().flatten().is_none()
            && new_match.get(c.j).copied().flatten().is_none()
        {
            if let Some(slot) = old_match.get_mut(c.i) {
                *slot = Some(c.j);
            }
            if let Some(slot) = new_match.get_mut(c.j) {
                *slot = Some(c.i);
            }
        }
    }

    // (sort key, change): matched and added quotes at 2*j, removed ones after the new position of the
    // closest earlier matched old quote.
    let mut keyed: Vec<((usize, usize), QuoteChange)> = Vec::new();
    for (j, n) in new.iter().enumerate() {
        let change = match new_match.get(j).copied().flatten() {
            None => QuoteChange {
                op: QuoteChangeOp::Added,
                old: None,
                new: Some(side(n)),
                similarity: 0.0,
                words: Vec::new(),
            },
            Some(i) => {
                let (Some(o), Some(ow), Some(nw)) =
                    (old.get(i), old_words.get(i), new_words.get(j))
                else {
                    continue;
                };
                let (ok, nk) = (&ow.ids, &nw.ids);
                let cmp = compare(ok, nk);
                let similarity = round3(dice(cmp.equal, ok.len(), nk.len()));
                let op = if !same_speaker(i, j) {
                    QuoteChangeOp::Reattributed
                } else if cmp.deleted > 0 && cmp.inserted > 0 {
                    QuoteChangeOp::Reworded
                } else if cmp.deleted > 0 {
                    QuoteChangeOp::Truncated
                } else if cmp.inserted > 0 {
                    QuoteChangeOp::Extended
                } else if paragraph_moved(o.paragraph, n.paragraph) {
                    QuoteChangeOp::Moved
                } else {
                    QuoteChangeOp::Unchanged
                };
                QuoteChange {
                    op,
                    old: Some(side(o)),
                    new: Some(side(n)),
                    similarity,
                    words: word_ops(&cmp, &ow.words, &nw.words),
                }
            }
        };
        keyed.push(((2 * j, 0), change));
    }
    let reported = if old_match.iter().any(Option::is_none) {
        reported()
    } else {
        Vec::new()
    };
    let mut anchor = 0;
    for (i, o) in old.iter().enumerate() {
        if let Some(j) = old_match.get(i).copied().flatten() {
            anchor = 2 * j + 1;
            continue;
        }
        let paraphrase = paraphrase_of(o, &reported, new_paragraphs);
        let change = match paraphrase {
            Some(p) => QuoteChange {
                op: QuoteChangeOp::ToParaphrase,
                old: Some(side(o)),
                new: Some(p),
                similarity: 0.0,
                words: Vec::new(),
            },
            None => QuoteChange {
                op: QuoteChangeOp::Removed,
                old: Some(side(o)),
                new: None,
                similarity: 0.0,
                words: Vec::new(),
            },
        };
        keyed.push(((anchor, i + 1), change));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// Compare the quotations of two versions' body paragraphs: [`extract`](super::extract) on each, then [`diff_quotes`].
pub fn diff_paragraphs(
    old_paragraphs: &[String],
    new_paragraphs: &[String],
    paragraph_moved: &dyn Fn(usize, usize) -> bool,
) -> Vec<QuoteChange> {
    diff_analysed(
        &super::analyse(old_paragraphs),
        &super::analyse(new_paragraphs),
        new_paragraphs,
        paragraph_moved,
    )
}

/// [`diff_paragraphs`] for versions analysed already ([`super::analyse`]): `new_paragraphs` are the body
/// paragraphs `new` was worked out from. The analyses are only read, so a caller diffing a history analyses
/// each version once, though it takes part in two diffs.
pub fn diff_analysed(
    old: &super::Analysis,
    new: &super::Analysis,
    new_paragraphs: &[String],
    paragraph_moved: &dyn Fn(usize, usize) -> bool,
) -> Vec<QuoteChange> {
    diff_quotes_with(
        &old.quotes,
        &new.quotes,
        paragraph_moved,
        new_paragraphs,
        &mut || new.reported.clone(),
    )
}

/// Content words of a text for paraphrase matching: normalised words of four letters or more, with a
/// crude stem (a trailing "s", "ed", "ing" dropped) so "discussions" meets "discussion".
fn content_words(text: &str) -> Vec<String> {
    #[rustfmt::skip]
    const FUNCTION: &[&str] = &[
        "that", "this", "there", "they", "their", "them", "what", "when", "with", "have", "been", "were",
        "will", "would", "could", "should", "from", "about", "into", "than", "then", "also", "just", "very",
        "because", "which", "while", "where", "these", "those", "some", "said", "says",
    ];
    let (keys, _) = words_of(text);
    let mut out: Vec<String> = keys
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !FUNCTION.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn stem(w: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 4
        {
            return s.to_string();
        }
    }
    w.to_string()
}

fn paraphrase_of(
    quote: &Quote,
    reported: &[super::ReportedSpeech],
    new_paragraphs: &[String],
) -> Option<QuoteSide> {
    let key = key_of(quote.speaker.as_deref())?;
    let content = content_words(&quote.text);
    if content.len() < PARAPHRASE_MIN_WORDS {
        return None;
    }
    let mut best: Option<(f64, &super::ReportedSpeech, &str)> = None;
    for r in reported {
        if speaker_key(&r.speaker) != key {
            continue;
        }
        let Some(sentence) = new_paragraphs
            .get(r.paragraph)
            .and_then(|p| p.get(r.span[0]..r.span[1]))
        else {
            continue;
        };
        let words = content_words(sentence);
        let shared = content
            .iter()
            .filter(|w| words.binary_search(w).is_ok())
            .count();
        let overlap = shared as f64 / content.len() as f64;
        if shared >= PARAPHRASE_MIN_WORDS
            && overlap >= PARAPHRASE_MIN_OVERLAP
            && best.is_none_or(|(b, _, _)| overlap > b)
        {
            best = Some((overlap, r, sentence));
        }
    }
    best.map(|(_, r, sentence)| QuoteSide {
        text: sentence.trim().to_string(),
        speaker: Some(r.speaker.clone()),
        paragraph: r.paragraph,
    })
}

/// A one-line summary of a change, for the head of a report ("quote by Dmitry Peskov reworded",
/// "quote by Dave Butler re-attributed to a Pentagon spokesperson"); `None` for an unchanged quote.
///
/// ```
/// use storydiff::quotes::{describe, QuoteChange, QuoteChangeOp, QuoteSide};
/// let side = |s: &str| Some(QuoteSide { text: "x".into(), speaker: Some(s.into()), paragraph: 0 });
/// let c = QuoteChange { op: QuoteChangeOp::Reattributed, old: side("Dave Butler"),
///     new: side("a Pentagon spokesperson"), similarity: 1.0, words: vec![] };
/// assert_eq!(describe(&c).as_deref(), Some("quote by Dave Butler re-attributed to a Pentagon spokesperson"));
/// ```
pub fn describe(change: &QuoteChange) -> Option<String> {
    let speaker_of = |s: &Option<QuoteSide>| s.as_ref().and_then(|s| s.speaker.clone());
    let old_speaker = speaker_of(&change.old);
    let new_speaker = speaker_of(&change.new);
    let by = |s: &Option<String>| match s {
        Some(name) => format!("quote by {name}"),
        None => "unattributed quote".to_string(),
    };
    let subject = by(&old_speaker.clone().or_else(|| new_speaker.clone()));
    let phrase = match change.op {
        QuoteChangeOp::Unchanged => return None,
        QuoteChangeOp::Added => format!("{} added", by(&new_speaker)),
        QuoteChangeOp::Removed => format!("{} removed", by(&old_speaker)),
        QuoteChangeOp::Reworded => format!("{subject} reworded"),
        QuoteChangeOp::Truncated => format!("{subject} truncated"),
        QuoteChangeOp::Extended => format!("{subject} extended"),
        QuoteChangeOp::Moved => format!("{subject} moved"),
        QuoteChangeOp::ToParaphrase => format!("{} turned into paraphrase", by(&old_speaker)),
        QuoteChangeOp::Reattributed => match (&old_speaker, &new_speaker) {
            (None, Some(new)) => format!("unattributed quote now attributed to {new}"),
            (Some(old), None) => format!("quote by {old} no longer attributed"),
            _ => format!(
                "{} re-attributed to {}",
                by(&old_speaker),
                new_speaker.as_deref().unwrap_or("no one")
            ),
        },
    };
    Some(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_sequences_compare_as_similar_diffs_them() {
        for words in [vec![], vec![7], vec![1, 2, 3, 2, 1]] {
            let cmp = compare(&words, &words);
            assert_eq!(
                cmp.ops,
                capture_diff_slices(Algorithm::Myers, &words, &words)
            );
            assert_eq!((cmp.equal, cmp.deleted, cmp.inserted), (words.len(), 0, 0));
        }
    }

    #[test]
    fn interned_keys_are_the_same_borrowed_or_copied() {
        // "Said" is lower-cased (a copy), "said" is borrowed from the text: one key, one number.
        let mut interner = Interner::default();
        let a = QuoteWords::of("Said it. “Said”", &mut interner);
        let b = QuoteWords::of("said it, said", &mut interner);
        assert_eq!(a.ids, b.ids);
        assert_eq!(a.words, ["Said", "it.", "“Said”"]);
        assert_eq!(a.sorted, [0, 0, 1]);
    }
}
