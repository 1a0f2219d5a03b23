//! The extraction quality bar: F1 (the article-extraction benchmark's scoring, see
//! `storydiff::ingest::score`) of the default extractor on the corpus pages in `../shared/corpus/extraction`.
//! `aeb-*` pages have hand-made ground truth; `rdb-*` pages have Readability.js's output as reference.
//! Figures on 2026-11-26: aeb-* F1 0.977 (P 0.968, R 0.985), rdb-* F1 0.987 (P 0.996, R 0.977) (`cargo run --release --example extraction_score`).

use std::path::Path;

use storydiff::ingest::html::extract_html;
use storydiff::ingest::score::{PageScore, Summary, score_directory, summarize};

/// The bar for the hand-annotated pages.
const MIN_AEB_F1: f64 = 0.95;
/// The Readability reference is softer (it is one extractor's output); hold it to the same bar so a change
/// that breaks pages outside the benchmark shows up too.
const MIN_RDB_F1: f64 = 0.95;

/// Score the pages starting with `prefix`; also check that none of them (all real articles) is refused as a
/// non-article, which would be a false refusal of the near-empty, paywall or consent rules.
fn score(prefix: &str) -> Summary {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/extraction");
    let refused = std::cell::RefCell::new(Vec::new());
    let scores = score_directory(&dir, prefix, |html| match extract_html(html, None) {
        Ok(page) => page.body_text(),
        Err(e) => {
            refused.borrow_mut().push(e.to_string());
            String::new()
        }
    })
    .expect("corpus readable");
    assert!(
        refused.borrow().is_empty(),
        "refused: {:?}",
        refused.borrow()
    );
    assert!(
        !scores.is_empty(),
        "no {prefix}* pages in {}",
        dir.display()
    );
    summarize(&scores.iter().map(|(_, s)| *s).collect::<Vec<PageScore>>())
}

#[test]
fn aeb_pages_score_at_least_the_bar() {
    let s = score("aeb-");
    eprintln!("aeb-*: {s:?}");
    assert!(s.f1 >= MIN_AEB_F1, "aeb-* F1 {:.3} < {MIN_AEB_F1}", s.f1);
}

#[test]
fn rdb_pages_score_at_least_the_bar() {
    let s = score("rdb-");
    eprintln!("rdb-*: {s:?}");
    assert!(s.f1 >= MIN_RDB_F1, "rdb-* F1 {:.3} < {MIN_RDB_F1}", s.f1);
}
