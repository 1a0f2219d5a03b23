//! Classes of a change: what kind of edit a changed run is, from the lightest to the heaviest.
//!
//! - `typography`: the two sides are the same once curly and straight quotes, dash styles, ellipses and all
//!   spacing are folded (see [`crate::normalize::fold_typography`]) — house style or a scraper artefact, not
//!   an edit. It never counts for the exit code unless `--strict`.
//! - `punctuation`: the letters and digits are the same, only punctuation or letter case changed ("U.S." →
//!   "US", "defense ministry" → "Defense Ministry"): house style, an edit but not one of substance.
//! - `number`: a figure changed (a token starting with a digit: "12", "1,200", "3.5", "2nd"; or a number
//!   word: "Two" → "Three").
//! - `name`: a capitalised word that is not the first word of a sentence changed ("Gail" → "Abigail").
//! - `substantive`: any other word changed, or a paragraph was added or removed.
//!
//! A change can carry several classes (a clause rewritten around a new figure is `number` and
//! `substantive`); `typography` and `punctuation` are given only when nothing heavier applies.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::words::Hunk;
use crate::normalize::fold_typography;

/// The kind of a change; see the module documentation. Serialised in snake case (`"typography"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// Quotes, dashes, ellipses or spacing only.
    Typography,
    /// Punctuation or letter case only.
    Punctuation,
    /// A figure changed.
    Number,
    /// A capitalised name changed.
    Name,
    /// Other wording changed, or a paragraph was added or removed.
    Substantive,
}

impl ChangeClass {
    /// Whether a change of this class alters what the story says (number, name, substantive), as opposed
    /// to how it is typeset or punctuated.
    pub fn is_substance(self) -> bool {
        matches!(
            self,
            ChangeClass::Number | ChangeClass::Name | ChangeClass::Substantive
        )
    }

    /// The class as written in JSON and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::Typography => "typography",
            ChangeClass::Punctuation => "punctuation",
            ChangeClass::Number => "number",
            ChangeClass::Name => "name",
            ChangeClass::Substantive => "substantive",
        }
    }
}

/// Whether two texts are the same once typography and spacing are folded.
pub(crate) fn typography_equal(a: &str, b: &str) -> bool {
    let fa = fold_typography(a);
    let fb = fold_typography(b);
    fa.chars()
        .filter(|c| !c.is_whitespace())
        .eq(fb.chars().filter(|c| !c.is_whitespace()))
}

/// Whether two texts have the same letters and digits (only punctuation, typography or spacing differ).
fn punctuation_equal(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| c.is_alphanumeric())
        .eq(b.chars().filter(|c| c.is_alphanumeric()))
}

/// Whether two texts differ only in letter case, punctuation, typography or spacing ("defense ministry" →
/// "Defense Ministry"): a matter of house style, classed with punctuation.
fn case_equal(a: &str, b: &str) -> bool {
    let letters = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    letters(a) == letters(b)
}

/// Whether a word is a figure: it starts with a digit ("12", "1,200", "3.5", "2nd", "1990s").
pub(crate) fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_numeric())
}

/// Number words that AP style spells out (one to nine) and their common neighbours up to twenty, so that
/// "Two" → "Three" is a figure change and "5" → "five" is not.
const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The value of a figure, for matching: digits without thousands separators ("1,200" → "1200"), or a
/// number word's digits ("Five" → "5"); `None` for any other word.
pub(crate) fn figure_value(word: &str) -> Option<String> {
    if is_number(word) {
        return Some(word.replace([',', '\u{2009}', '\u{202F}'], ""));
    }
    let lower = word.to_lowercase();
    NUMBER_WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|n| n.to_string())
}

/// The classes of a set of changed regions, sorted. No hunks (texts equal) gives no class.
pub(crate) fn classify(hunks: &[Hunk]) -> Vec<ChangeClass> {
    let mut classes = BTreeSet::new();
    for hunk in hunks {
        classify_hunk(hunk, &mut classes);
    }
    // The light classes describe a change only when nothing heavier does.
    if classes.iter().any(|c| c.is_substance()) {
        classes.remove(&ChangeClass::Typography);
        classes.remove(&ChangeClass::Punctuation);
    } else if classes.contains(&ChangeClass::Punctuation) {
        classes.remove(&ChangeClass::Typography);
    }
    classes.into_iter().collect()
}

fn classify_hunk(hunk: &Hunk, classes: &mut BTreeSet<ChangeClass>) {
    if typography_equal(&hunk.old, &hunk.new) {
        classes.insert(ChangeClass::Typography);
        return;
    }
    if punctuation_equal(&hunk.old, &hunk.new) || case_equal(&hunk.old, &hunk.new) {
        classes.insert(ChangeClass::Punctuation);
        return;
    }
    let old_words = words_with_starts(&hunk.old, hunk.old_sentence_start);
    let new_words = words_with_starts(&hunk.new, hunk.new_sentence_start);
    let mut any_word = false;
    for (word, start) in only_in(&old_words, &new_words)
        .into_iter()
        .chain(only_in(&new_words, &old_words))
    {
        classes.insert(word_class(word, start));
        any_word = true;
    }
    if !any_word {
        // The same words in another order: still wording.
        classes.insert(ChangeClass::Substantive);
    }
}

fn word_class(word: &str, sentence_start: bool) -> ChangeClass {
    if figure_value(word).is_some() {
        ChangeClass::Number
    } else if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) {
        ChangeClass::Name
    } else {
        ChangeClass::Substantive
    }
}

/// The words of a text (typography folded), each with whether it starts a sentence.
fn words_with_starts(text: &str, first_starts: bool) -> Vec<(String, bool)> {
    let folded = fold_typography(text);
    let mut out = Vec::new();
    let mut start = first_starts;
    for token in folded.split_word_bounds() {
        if token.chars().any(char::is_alphanumeric) {
            out.push((token.to_string(), start));
            start = false;
        } else if token.ends_with(['.', '!', '?', '"', '\'', ':', '(']) {
            start = true;
        }
    }
    out
}

/// The words of `a` that `b` does not have (as a multiset), in order.
fn only_in<'a>(a: &'a [(String, bool)], b: &[(String, bool)]) -> Vec<(&'a str, bool)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (w, _) in b {
        *counts.entry(w.as_str()).or_insert(0) += 1;
    }
    let mut out = Vec::new();
    for (w, start) in a {
        match counts.get_mut(w.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push((w.as_str(), *start)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hunk(old: &str, new: &str, start: bool) -> Hunk {
        Hunk {
            old: old.into(),
            new: new.into(),
            old_at: 0,
            new_at: 0,
            old_sentence_start: start,
            new_sentence_start: start,
        }
    }

    fn classes(old: &str, new: &str, start: bool) -> Vec<ChangeClass> {
        classify(&[hunk(old, new, start)])
    }

    use ChangeClass::*;

    #[test]
    fn quotes_dashes_and_spacing_are_typography() {
        assert_eq!(classes("“no”", "\"no\"", false), vec![Typography]);
        assert_eq!(classes("(CNN) --", "(CNN) —", true), vec![Typography]);
        assert_eq!(classes("inthe", "in the", false), vec![Typography]);
    }

    #[test]
    fn punctuation_only() {
        assert_eq!(classes("U.S.", "US", false), vec![Punctuation]);
        assert_eq!(
            classes("defense ministry", "Defense Ministry", false),
            vec![Punctuation]
        );
        assert_eq!(classes("said,", "said;", false), vec![Punctuation]);
    }

    #[test]
    fn figures_names_and_words() {
        assert_eq!(classes("12", "15", false), vec![Number]);
        assert_eq!(classes("Two", "Three", true), vec![Number]);
        assert_eq!(classes("Gail", "Abigail", false), vec![Name]);
        assert_eq!(classes("rose", "fell", false), vec![Substantive]);
        assert_eq!(classes("The", "A", true), vec![Substantive]);
        assert_eq!(
            classes("at least 12 people", "15 soldiers", false),
            vec![Number, Substantive]
        );
    }

    #[test]
    fn reordered_words_are_substantive() {
        assert_eq!(
            classes("red and blue", "blue and red", false),
            vec![Substantive]
        );
    }

    #[test]
    fn heavier_class_hides_lighter_ones() {
        let hs = [hunk("“a”", "\"a\"", false), hunk("12", "13", false)];
        assert_eq!(classify(&hs), vec![Number]);
    }

    #[test]
    fn number_tokens() {
        assert!(is_number("1,200"));
        assert!(is_number("2nd"));
        assert!(!is_number("COVID"));
    }
}
