//! Benchmarks of the diff pipeline on real story pairs from `../shared/corpus/versions` (issue 7), with
//! `divan`: `cargo bench --bench diff` (add a filter such as `full_diff` to run one group).
//!
//! # The pairs
//! Every consecutive pair of versions in the corpus (232 pairs) was sorted by the bytes of both texts together;
//! we take the smallest, the median (index 116 of 232) and the largest:
//! - `small`: `cnn-2026-04-05-iran-us-israel-war-what-we-know-week-6-intl-hnk` 01 → 02 (879 bytes together),
//! - `median`: `cnn-2026-03-05-pentagon-anthropic-supply-chain-risk` 01 → 02 (10,988 bytes),
//! - `largest`: `cnn-2025-04-26-harvard-university-trump-timeline` 01 → 02 (62,419 bytes; a long timeline).
//!
//! # What each benchmark measures
//! - `normalise_hash`: [`Article::from_text`] and [`Article::sha256`] of the new version (what `save` does
//!   to every input before it touches the store).
//! - `paragraphs`: [`diff_articles`] on the two bodies without furniture. Paragraph alignment (`diff::align`)
//!   is crate-private, so this is alignment plus the word diffs of the reworded paragraphs it pairs (and the
//!   quote diff, which `diff_articles` always runs);
//!   `paragraphs` minus `word_diff` is the alignment's share (callgrind gives the exact split, see
//!   `scripts/bench-peers.sh` and the README).
//! - `word_diff`: the word diff (`diff::words`, also crate-private) of one reworded paragraph, diffed as a
//!   one-paragraph article so the alignment around it is trivial. The median story pair above only adds
//!   paragraphs, so these inputs are chosen among paragraphs instead: every paragraph pair of the corpus that
//!   the full diff shows `modified` (or `moved` with edits), sorted by the bytes of both texts, the smallest,
//!   the median and the largest of the 1,066 such pairs: `small` (64 bytes, "day 10" → "Day 10" in
//!   `cnn-2026-03-08-us-israel-iran-middle-east-war-what-we-know-intl-hnk`), `median` (431 bytes, a reworded
//!   sentence in `cnn-2026-04-17-lauren-bullis-prianna-weathers-atlanta-shootings`) and `largest` (1,303 bytes,
//!   a rewritten last sentence in `cnn-2025-11-02-timeline-us-strikes-caribbean-pacific-vis`).
//! - `quote_extract`: [`quotes::extract`] of the new version's paragraphs (every quotation with its speaker).
//! - `quote_diff`: [`quotes::diff_quotes`] of the two versions' quotations, extracted beforehand (no paragraph
//!   counts as moved).
//! - `full_diff`: [`diff_articles`] on the two parsed articles with the default options (what `storydiff
//!   diff` and `log --patch` do per pair, before rendering).
//!
//! Inputs are read and parsed outside the timed closures; nothing timed touches the file system.

/// The binary's allocator (see `src/main.rs`), so the figures are what `storydiff` itself does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use divan::Bencher;
use storydiff::article::Article;
use storydiff::diff::{DiffOptions, ParagraphOp, diff_articles};
use storydiff::quotes;

fn main() {
    divan::main();
}

/// Where the corpus lives (beside the repository, as in CI).
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/versions");

/// The benchmarked pairs by name: (story id, old file, new file). See the module documentation for how they
/// were chosen.
const PAIRS: [(&str, &str, &str, &str); 3] = [
    (
        "small",
        "cnn-2026-04-05-iran-us-israel-war-what-we-know-week-6-intl-hnk",
        "01.txt",
        "02.txt",
    ),
    (
        "median",
        "cnn-2026-03-05-pentagon-anthropic-supply-chain-risk",
        "01.txt",
        "02.txt",
    ),
    (
        "largest",
        "cnn-2025-04-26-harvard-university-trump-timeline",
        "01.txt",
        "02.txt",
    ),
];

/// The names divan shows as the argument of each benchmark.
const NAMES: [&str; 3] = ["small", "median", "largest"];

/// The raw texts of a named pair. Panics (failing the benchmark run) when the corpus is missing.
fn raw_pair(name: &str) -> (String, String) {
    let (_, story, old, new) = PAIRS
        .iter()
        .find(|p| p.0 == name)
        .unwrap_or_else(|| panic!("unknown pair {name}"));
    let read = |file: &str| {
        let path = format!("{CORPUS}/{story}/{file}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
    };
    (read(old), read(new))
}

/// The parsed articles of a named pair.
fn articles(name: &str) -> (Article, Article) {
    let (old, new) = raw_pair(name);
    let parse = |raw: &str| Article::from_text(raw).unwrap_or_else(|e| panic!("{name}: {e}"));
    (parse(&old), parse(&new))
}

/// An article holding only these paragraphs (no headline or other furniture).
fn body_only(paragraphs: Vec<String>) -> Article {
    Article {
        paragraphs,
        ..Article::default()
    }
}

/// No deadline: the result, and so the work measured, depends only on the input.
fn options() -> DiffOptions {
    DiffOptions {
        time_budget: None,
        ..DiffOptions::default()
    }
}

#[divan::bench(args = NAMES)]
fn normalise_hash(bencher: Bencher, name: &str) {
    let (_, new) = raw_pair(name);
    bencher
        .counter(divan::counter::BytesCount::new(new.len()))
        .bench_local(|| {
            let article = Article::from_text(black_box(&new)).map(|a| a.sha256());
            black_box(article)
        });
}

#[divan::bench(args = NAMES)]
fn paragraphs(bencher: Bencher, name: &str) {
    let (old, new) = articles(name);
    let (old, new) = (body_only(old.paragraphs), body_only(new.paragraphs));
    let options = options();
    bencher.bench_local(|| diff_articles(black_box(&old), black_box(&new), &options));
}

/// Every paragraph pair of the corpus that the full diff shows reworded (`modified`, or `moved` with edits):
/// (bytes of both texts, story, old text, new text), sorted by size then story.
fn reworded_paragraphs() -> Vec<(usize, String, String, String)> {
    let mut stories: Vec<_> = std::fs::read_dir(CORPUS)
        .unwrap_or_else(|e| panic!("reading {CORPUS}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    let options = options();
    let mut found = Vec::new();
    for story in stories {
        let mut files: Vec<_> = std::fs::read_dir(&story)
            .unwrap_or_else(|e| panic!("reading {}: {e}", story.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let versions: Vec<Article> = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .filter_map(|t| Article::from_text(&t).ok())
            .collect();
        let id = story.file_name().map(|n| n.to_string_lossy().into_owned());
        for w in versions.windows(2) {
            let [old, new] = w else { continue };
            for p in diff_articles(old, new, &options).paragraphs {
                if !matches!(p.op, ParagraphOp::Modified | ParagraphOp::Moved) {
                    continue;
                }
                if let (Some(a), Some(b)) = (p.old_text, p.new_text)
                    && a != b
                {
                    found.push((a.len() + b.len(), id.clone().unwrap_or_default(), a, b));
                }
            }
        }
    }
    found.sort();
    found
}

#[divan::bench(args = NAMES)]
fn word_diff(bencher: Bencher, name: &str) {
    let all = reworded_paragraphs();
    let at = match name {
        "small" => 0,
        "median" => all.len() / 2,
        _ => all.len().saturating_sub(1),
    };
    let (bytes, _story, a, b) = all
        .get(at)
        .unwrap_or_else(|| panic!("no reworded paragraph in the corpus"));
    let (old, new) = (body_only(vec![a.clone()]), body_only(vec![b.clone()]));
    let options = options();
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench_local(|| diff_articles(black_box(&old), black_box(&new), &options));
}

#[divan::bench(args = NAMES)]
fn quote_extract(bencher: Bencher, name: &str) {
    let (_, new) = articles(name);
    bencher.bench_local(|| quotes::extract(black_box(&new.paragraphs)));
}

#[divan::bench(args = NAMES)]
fn quote_diff(bencher: Bencher, name: &str) {
    let (old, new) = articles(name);
    let (old_quotes, new_quotes) = (
        quotes::extract(&old.paragraphs),
        quotes::extract(&new.paragraphs),
    );
    bencher.bench_local(|| {
        quotes::diff_quotes(
            black_box(&old_quotes),
            black_box(&new_quotes),
            &|_, _| false,
            &new.paragraphs,
        )
    });
}

#[divan::bench(args = NAMES)]
fn full_diff(bencher: Bencher, name: &str) {
    let (old, new) = articles(name);
    let options = DiffOptions::default();
    bencher.bench_local(|| diff_articles(black_box(&old), black_box(&new), &options));
}
