//! Figures that changed: "12 → 15" with a few words of context, so a reader sees a casualty count or a sum
//! of money change without reading the paragraph.
//!
//! Figures are taken from the changed regions of a word diff (see `changed_figures` for the pairing) and
//! reported as written, without units ("$1.5 billion" gives `"1.5"`; the "$" and "billion" are context).
//! Figures spelled out as words (AP style writes one to nine in words) count too: "Two" → "Three" is a
//! change, "5" → "five" is not.

use std::collections::HashMap;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::classify::{figure_value, is_number, typography_equal};
use super::fields::FieldKind;
use super::words::Hunk;

/// Words of context shown on each side of a figure.
const CONTEXT_WORDS: usize = 6;

/// One changed figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberChange {
    /// The figure in the old version, as written (`"28"`, `"1,200"`, `"Two"`).
    pub old: String,
    /// The figure that replaced it in the new version, as written.
    pub new: String,
    /// A few words around the new figure in the new version.
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

/// The figures that were replaced between two texts, from their hunks.
///
/// A figure whose value is on both sides of the changed regions was moved or reformatted ("31-year-old X"
/// → "X, 31"; "5" → "five"), not changed, and is left out. The rest are paired first inside one hunk, in
/// order, then (unless `rewritten`: the hunks of a mostly rewritten text say little about what replaced
/// what) across hunks in order when as many were removed as added; a figure only removed or only added is
/// not a replacement and is not listed. Digits pair with digits and number words with number words
/// ("killing three people" → "on April 19" is not a figure change).
pub(crate) fn changed_figures(
    hunks: &[Hunk],
    new_text: &str,
    rewritten: bool,
) -> Vec<NumberChange> {
    let mut old_figs: Vec<(usize, Figure<'_>)> = Vec::new();
    let mut new_figs: Vec<(usize, Figure<'_>)> = Vec::new();
    for (h, hunk) in hunks.iter().enumerate() {
        if typography_equal(&hunk.old, &hunk.new) {
            continue;
        }
        old_figs.extend(figures(&hunk.old, hunk.old_at).into_iter().map(|f| (h, f)));
        new_figs.extend(figures(&hunk.new, hunk.new_at).into_iter().map(|f| (h, f)));
    }
    let old_only = only_in(&old_figs, &new_figs);
    let new_only = only_in(&new_figs, &old_figs);
    let mut pairs: Vec<(&Figure<'_>, &Figure<'_>)> = Vec::new();
    let mut old_used = vec![false; old_only.len()];
    let mut new_used = vec![false; new_only.len()];
    for (i, (h, o)) in old_only.iter().enumerate() {
        let partner = (0..new_only.len()).find(|&j| {
            new_used.get(j) == Some(&false)
                && new_only
                    .get(j)
                    .is_some_and(|(hn, n)| hn == h && same_kind(o, n))
        });
        if let Some(j) = partner
            && let (Some((_, n)), Some(u), Some(v)) =
                (new_only.get(j), old_used.get_mut(i), new_used.get_mut(j))
        {
            pairs.push((o, n));
            *u = true;
            *v = true;
        }
    }
    let old_left: Vec<&Figure<'_>> = old_only
        .iter()
        .zip(&old_used)
        .filter(|(_, used)| !**used)
        .map(|((_, f), _)| f)
        .collect();
    let new_left: Vec<&Figure<'_>> = new_only
        .iter()
        .zip(&new_used)
        .filter(|(_, used)| !**used)
        .map(|((_, f), _)| f)
        .collect();
    if !rewritten
        && old_left.len() == new_left.len()
        && old_left.iter().zip(&new_left).all(|(o, n)| same_kind(o, n))
    {
        pairs.extend(old_left.into_iter().zip(new_left));
    }
    pairs.sort_by_key(|(_, n)| n.at);
    pairs
        .into_iter()
        .map(|(o, n)| NumberChange {
            old: o.text.to_string(),
            new: n.text.to_string(),
            context: context(new_text, n.at),
            paragraph: None,
            field: None,
        })
        .collect()
}

/// Whether two figures are both written in digits or both in words.
fn same_kind(a: &Figure<'_>, b: &Figure<'_>) -> bool {
    is_number(a.text) == is_number(b.text)
}

fn figures(text: &str, base: usize) -> Vec<Figure<'_>> {
    text.split_word_bound_indices()
        .filter_map(|(at, w)| {
            Some(Figure {
                value: figure_value(w)?,
                text: w,
                at: base + at,
            })
        })
        .collect()
}

/// The figures of `a` whose value `b` does not have (as a multiset), in order.
fn only_in<'a, 'b>(
    a: &'b [(usize, Figure<'a>)],
    b: &[(usize, Figure<'_>)],
) -> Vec<&'b (usize, Figure<'a>)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, f) in b {
        *counts.entry(f.value.as_str()).or_insert(0) += 1;
    }
    a.iter()
        .filter(|(_, f)| match counts.get_mut(f.value.as_str()) {
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

    fn figures_of(a: &str, b: &str) -> Vec<(String, String, String)> {
        let d = diff_words(a, b, &mut Budget::new(None));
        changed_figures(&d.hunks, b, false)
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
        assert_eq!(got[0].0, "12");
        assert_eq!(got[0].1, "15");
        assert_eq!(got[0].2, "At least 15 people were killed in the strike…");
    }

    #[test]
    fn figures_as_written_without_units() {
        let got = figures_of("It cost $1.2 billion.", "It cost $1,500 million.");
        assert_eq!(got[0].0, "1.2");
        assert_eq!(got[0].1, "1,500");
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
    fn number_word_does_not_pair_with_digits() {
        let got = figures_of(
            "Three people died on Monday.",
            "The strike occurred on April 19.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn added_figure_is_not_a_replacement() {
        let got = figures_of(
            "Several people died.",
            "Several people died, 3 of them children.",
        );
        assert!(got.is_empty());
    }

    #[test]
    fn spelled_figures_that_change_are_reported() {
        let got = figures_of("Two passengers were hurt.", "Three passengers were hurt.");
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Two", "Three"));
    }

    #[test]
    fn reformatted_age_is_not_a_change() {
        let got = figures_of(
            "The 31-year-old Prianna Weathers was shot.",
            "Prianna Weathers, 31, was shot.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn figures_in_two_hunks_pair_up() {
        let got = figures_of(
            "The shutdown is in its 13th day, and the talks stalled again on Monday.",
            "The shutdown, now in its 14th day, goes on; the talks stalled again on Monday.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("13th", "14th"));
    }
}
