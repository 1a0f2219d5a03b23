//! Figures that changed: "12 → 15" with a few words of context, so a reader sees a casualty count or a sum
//! of money change without reading the paragraph.
//!
//! Figures are taken from the changed regions of a word diff: the figures only the old side has are paired
//! in order with the figures only the new side has; what is left over was removed or added. Figures are
//! reported as written, without units ("$1.5 billion" gives `"1.5"`; the "$" and "billion" are context).

use std::collections::HashMap;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::classify::{is_number, typography_equal};
use super::fields::FieldKind;
use super::words::Hunk;

/// Words of context shown on each side of a figure.
const CONTEXT_WORDS: usize = 6;

/// One changed figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberChange {
    /// The figure in the old version, as written (`"28"`, `"1,200"`); `null` when the figure was added.
    pub old: Option<String>,
    /// The figure in the new version; `null` when the figure was removed.
    pub new: Option<String>,
    /// A few words around the figure in the new version (the old one when it was removed).
    pub context: String,
    /// The paragraph it is in: index in the new version (the old one when the paragraph was removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The field it is in, when it is in the headline or other furniture.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<FieldKind>,
}

/// A figure found in one side of a hunk: its text, its value for matching, and byte offset in the text.
struct Figure<'a> {
    text: &'a str,
    value: String,
    at: usize,
}

/// Number words that AP style spells out (one to nine) and their common neighbours, so that "5" → "five"
/// is not reported as a figure that changed.
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

/// The value a figure is matched on: digits without thousands separators, or a number word's digits.
fn value(word: &str) -> Option<String> {
    if is_number(word) {
        return Some(word.replace([',', '\u{2009}', '\u{202F}'], ""));
    }
    let lower = word.to_lowercase();
    NUMBER_WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|n| n.to_string())
}

/// The changed figures of a pair of texts, from their hunks. `whole_only` limits the result to figures that
/// were replaced (used for rewritten paragraphs, whose added and removed figures would be noise).
pub(crate) fn changed_figures(
    hunks: &[Hunk],
    old_text: &str,
    new_text: &str,
    replaced_only: bool,
) -> Vec<NumberChange> {
    let mut out = Vec::new();
    for hunk in hunks {
        if typography_equal(&hunk.old, &hunk.new) {
            continue;
        }
        let old_figs = figures(&hunk.old, hunk.old_at);
        let new_figs = figures(&hunk.new, hunk.new_at);
        let old_only = only_in(&old_figs, &new_figs);
        let new_only = only_in(&new_figs, &old_figs);
        let paired = old_only.len().min(new_only.len());
        for i in 0..old_only.len().max(new_only.len()) {
            let o = old_only.get(i);
            let n = new_only.get(i);
            if replaced_only && i >= paired {
                break;
            }
            let context = match (n, o) {
                (Some(n), _) => context(new_text, n.at),
                (None, Some(o)) => context(old_text, o.at),
                (None, None) => String::new(),
            };
            out.push(NumberChange {
                old: o.map(|f| f.text.to_string()),
                new: n.map(|f| f.text.to_string()),
                context,
                paragraph: None,
                field: None,
            });
        }
    }
    out
}

fn figures(text: &str, base: usize) -> Vec<Figure<'_>> {
    text.split_word_bound_indices()
        .filter_map(|(at, w)| {
            Some(Figure {
                value: value(w)?,
                text: w,
                at: base + at,
            })
        })
        .collect()
}

/// The figures of `a` that `b` does not have (as a multiset of values), in order. Number words ("five")
/// take part in the matching only, so that a figure spelled out is not a change; a number word left over
/// is not reported as a figure.
fn only_in<'a, 'b>(a: &'b [Figure<'a>], b: &[Figure<'_>]) -> Vec<&'b Figure<'a>> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for f in b {
        *counts.entry(f.value.as_str()).or_insert(0) += 1;
    }
    a.iter()
        .filter(|f| is_number(f.text))
        .filter(|f| match counts.get_mut(f.value.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// [`CONTEXT_WORDS`] words either side of byte offset `at`, with "…" where the text goes on.
fn context(text: &str, at: usize) -> String {
    let tokens: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    let Some(center) = tokens.iter().rposition(|(start, _)| *start <= at) else {
        return String::new();
    };
    let is_word = |t: &&(usize, &str)| t.1.chars().any(char::is_alphanumeric);
    let mut first = center;
    let mut seen = 0;
    while first > 0 && seen < CONTEXT_WORDS {
        first -= 1;
        if tokens.get(first).is_some_and(|t| is_word(&t)) {
            seen += 1;
        }
    }
    let mut last = center;
    seen = 0;
    while last + 1 < tokens.len() && seen < CONTEXT_WORDS {
        last += 1;
        if tokens.get(last).is_some_and(|t| is_word(&t)) {
            seen += 1;
        }
    }
    let body: String = tokens
        .get(first..=last)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.1)
        .collect();
    let mut out = String::new();
    if first > 0 {
        out.push('…');
    }
    out.push_str(body.trim());
    if last + 1 < tokens.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::budget::Budget;
    use crate::diff::words::diff_words;

    fn figures_of(a: &str, b: &str) -> Vec<(Option<String>, Option<String>, String)> {
        let d = diff_words(a, b, &mut Budget::new(None));
        changed_figures(&d.hunks, a, b, false)
            .into_iter()
            .map(|n| (n.old, n.new, n.context))
            .collect()
    }

    #[test]
    fn replaced_figure_with_context() {
        let got = figures_of(
            "At least 12 people were killed in the strike on Tuesday, officials said.",
            "At least 15 people were killed in the strike on Tuesday, officials said.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0.as_deref(), Some("12"));
        assert_eq!(got[0].1.as_deref(), Some("15"));
        assert_eq!(got[0].2, "At least 15 people were killed in the strike…");
    }

    #[test]
    fn figures_as_written_without_units() {
        let got = figures_of("It cost $1.2 billion.", "It cost $1,500 million.");
        assert_eq!(got[0].0.as_deref(), Some("1.2"));
        assert_eq!(got[0].1.as_deref(), Some("1,500"));
    }

    #[test]
    fn unchanged_figure_in_a_changed_region_is_not_reported() {
        let got = figures_of("In 2024 sales rose", "In 2024 revenue fell");
        assert!(got.is_empty());
    }

    #[test]
    fn spelled_out_figure_is_not_a_change() {
        let got = figures_of(
            "Between 5 and 7 shots were fired.",
            "Between five and seven shots were fired.",
        );
        assert!(got.is_empty(), "{got:?}");
        let got = figures_of("About 1,200 people", "About 1200 people");
        assert!(got.is_empty());
    }

    #[test]
    fn added_figure_has_no_old() {
        let got = figures_of(
            "Several people died.",
            "Several people died, 3 of them children.",
        );
        assert_eq!(
            got,
            vec![(
                None,
                Some("3".into()),
                "Several people died, 3 of them children.".into()
            )]
        );
    }
}
