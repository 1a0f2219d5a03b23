//! Scoring article extraction the way the article-extraction benchmark does (and `shared/tools/extraction-f1`
//! reproduces): the text is split into word tokens, each page's expected and extracted texts become multisets
//! of 4-token shingles, true/false positives and false negatives are counted and normalised to sum 1 per page,
//! precision and recall are averaged over pages, and F1 is taken of the two means.
//!
//! Tokens are runs of alphanumeric characters and `_`, like Python's `\w+`; the one difference is that
//! combining marks that Unicode counts as alphabetic (some Indic vowel signs) join a token here and split one
//! there, which does not touch the languages of the corpus in any way we could measure (the example
//! `extraction_score` and the shared tool agree to three decimals).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Shingle length of the benchmark.
pub const SHINGLE_LEN: usize = 4;

/// Word tokens of `text`: maximal runs of alphanumeric characters and `_`.
///
/// ```
/// use storydiff::ingest::score::tokens;
/// assert_eq!(tokens("It's 9:30 — 東京"), vec!["It", "s", "9", "30", "東京"]);
/// ```
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Multiset of shingles; a text shorter than a shingle is one shorter shingle (as in the benchmark).
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let toks = tokens(text);
    let mut counts = HashMap::new();
    if toks.is_empty() {
        return counts;
    }
    if toks.len() < SHINGLE_LEN {
        counts.insert(toks, 1);
        return counts;
    }
    for w in toks.windows(SHINGLE_LEN) {
        *counts.entry(w.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// One page's shingle counts, normalised so that `tp + fp + fn_ == 1` (all zero when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Shingles both in the expected and the extracted text.
    pub tp: f64,
    /// Shingles extracted but not expected.
    pub fp: f64,
    /// Shingles expected but not extracted.
    pub fn_: f64,
}

impl PageScore {
    /// Score `extracted` against `expected`.
    ///
    /// ```
    /// use storydiff::ingest::score::PageScore;
    /// let s = PageScore::of("one two three four five", "one two three four");
    /// assert_eq!((s.tp, s.fp, s.fn_), (0.5, 0.0, 0.5));
    /// ```
    pub fn of(expected: &str, extracted: &str) -> PageScore {
        let a = shingles(expected);
        let b = shingles(extracted);
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (k, &x) in &a {
            let y = b.get(k).copied().unwrap_or(0);
            tp += x.min(y);
            fn_ += x.saturating_sub(y);
        }
        for (k, &y) in &b {
            let x = a.get(k).copied().unwrap_or(0);
            fp += y.saturating_sub(x);
        }
        let sum = (tp + fp + fn_) as f64;
        if sum == 0.0 {
            return PageScore {
                tp: 0.0,
                fp: 0.0,
                fn_: 0.0,
            };
        }
        PageScore {
            tp: tp as f64 / sum,
            fp: fp as f64 / sum,
            fn_: fn_ as f64 / sum,
        }
    }

    /// Precision of this page (1 when nothing was expected and nothing extracted).
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Recall of this page.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Precision, recall and F1 over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Number of pages scored.
    pub pages: usize,
    /// Mean precision over pages that extracted anything.
    pub precision: f64,
    /// Mean recall over pages that expected anything.
    pub recall: f64,
    /// F1 of the two means.
    pub f1: f64,
}

/// Summarise page scores the benchmark's way: precision averaged over pages with `tp + fp > 0`, recall
/// over pages with `tp + fn > 0`, F1 of the two means.
pub fn summarize(scores: &[PageScore]) -> Summary {
    let mean = |values: Vec<f64>| values.iter().sum::<f64>() / values.len().max(1) as f64;
    let precision = mean(
        scores
            .iter()
            .filter(|s| s.tp + s.fp > 0.0)
            .map(PageScore::precision)
            .collect(),
    );
    let recall = mean(
        scores
            .iter()
            .filter(|s| s.tp + s.fn_ > 0.0)
            .map(PageScore::recall)
            .collect(),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        pages: scores.len(),
        precision,
        recall,
        f1,
    }
}

/// Score `extract` on every `<prefix>*.html` page of `dir` (the layout of `shared/corpus/extraction`: the
/// expected text of `X.html` is `X.expected.txt`; `X.expected.html` files are skipped). `extract` gets the
/// page's HTML and returns the extracted text (empty when it refuses the page). Pages come back sorted by name.
pub fn score_directory(
    dir: &Path,
    prefix: &str,
    extract: impl Fn(&str) -> String,
) -> std::io::Result<Vec<(String, PageScore)>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with(prefix) && name.ends_with(".html") && !name.ends_with(".expected.html")
        })
        .collect();
    pages.sort();
    let mut scores = Vec::with_capacity(pages.len());
    for page in pages {
        let html = super::charset::decode_html(&std::fs::read(&page)?, None);
        let expected = std::fs::read_to_string(page.with_extension("expected.txt"))?;
        let name = page
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        scores.push((name, PageScore::of(&expected, &extract(&html))));
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_shingles_count_as_a_multiset() {
        let s = PageScore::of("a b c d a b c d", "a b c d");
        // expected shingles: abcd, bcda, cdab, dabc, abcd → 5; extracted: abcd → 1 in common.
        assert!((s.tp - 0.2).abs() < 1e-9 && (s.fn_ - 0.8).abs() < 1e-9);
    }

    #[test]
    fn empty_extraction_scores_zero_recall_and_no_precision() {
        let s = PageScore::of("some expected words here", "");
        assert_eq!(s.recall(), 0.0);
        let summary = summarize(&[s]);
        assert_eq!(summary.precision, 0.0);
        assert_eq!(summary.f1, 0.0);
    }
}
