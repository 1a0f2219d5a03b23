//! Run the diff engine over every consecutive pair of versions in `../shared/corpus/versions` and print
//! what it found: counts by op, moves, splits, merges, rewrites, silent edits, and timings. Used to tune the
//! thresholds in `src/diff/align.rs`; `--show OP` prints the entries of one op for reading.
//!
//! `cargo run --example diff_corpus_stats [-- --show moved|split|merged|rewritten|modified|summaries]`
//! `cargo run --example diff_corpus_stats -- --html STORY N OUT.html` writes the HTML report of N → N+1.

use std::path::Path;
use std::time::Instant;

use storydiff::article::Article;
use storydiff::diff::{DiffOptions, diff_articles};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, story, n, out] = args.as_slice()
        && flag == "--html"
    {
        return write_html(story, n.parse().expect("version number"), out);
    }
    let show = std::env::args().skip_while(|a| a != "--show").nth(1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/versions");
    let mut stories: Vec<_> = std::fs::read_dir(&root)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    stories.sort();
    let (mut pairs, mut changed, mut silent, mut typo, mut capped) = (0, 0, 0, 0, 0);
    let mut ops = std::collections::BTreeMap::<&str, usize>::new();
    let (mut rewritten, mut low_sim) = (0, 0);
    let mut slowest = (0.0f64, String::new());
    let mut total_time = 0.0;
    for story in &stories {
        let mut files: Vec<_> = std::fs::read_dir(story)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let articles: Vec<Article> = files
            .iter()
            .map(|f| Article::from_text(&std::fs::read_to_string(f).unwrap()).unwrap())
            .collect();
        for (k, w) in articles.windows(2).enumerate() {
            let t = Instant::now();
            let d = diff_articles(&w[0], &w[1], &DiffOptions::default());
            let secs = t.elapsed().as_secs_f64();
            total_time += secs;
            let name = format!(
                "{}@{}→{}",
                story.file_name().unwrap().to_string_lossy(),
                k + 1,
                k + 2
            );
            if secs > slowest.0 {
                slowest = (secs, name.clone());
            }
            pairs += 1;
            if show.as_deref() == Some("summaries") {
                println!(
                    "{name}\t{}\t{}\t{}",
                    w[1].paragraphs.len(),
                    d.silent_edit,
                    d.summary.text
                );
            }
            changed += d.changed as usize;
            silent += d.silent_edit as usize;
            typo += d.typography_only as usize;
            capped += d.capped as usize;
            for p in &d.paragraphs {
                *ops.entry(p.op.as_str()).or_default() += 1;
                rewritten += p.rewritten as usize;
                if p.similarity < 0.3 && p.old_text.is_some() && p.new_text.is_some() {
                    low_sim += 1;
                }
                let wanted = match show.as_deref() {
                    Some("rewritten") => p.rewritten,
                    Some(op) => p.op.as_str() == op,
                    None => false,
                };
                if wanted {
                    println!(
                        "== {name} {} {:?}->{:?} sim {} {:?} {:?}\n-- {}\n++ {}\n",
                        p.op.as_str(),
                        p.old,
                        p.new,
                        p.similarity,
                        p.direction,
                        p.classes,
                        p.old_text.as_deref().unwrap_or(""),
                        p.new_text.as_deref().unwrap_or("")
                    );
                }
            }
        }
    }
    println!(
        "stories {} pairs {pairs} changed {changed} silent_edit {silent} typography_only {typo} capped {capped}",
        stories.len()
    );
    println!("entries by op: {ops:?}");
    println!("rewritten (sim < 0.5) {rewritten}; paired with sim < 0.3: {low_sim}");
    println!(
        "total diff time {total_time:.2}s; slowest {:.3}s {}",
        slowest.0, slowest.1
    );
}

/// Write the HTML report of versions `n` → `n + 1` of a corpus story.
fn write_html(story: &str, n: usize, out: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/versions")
        .join(story);
    let load = |k: usize| {
        let text = std::fs::read_to_string(dir.join(format!("{k:02}.txt"))).expect("version");
        Article::from_text(&text).expect("article")
    };
    let (old, new) = (load(n), load(n + 1));
    let d = diff_articles(&old, &new, &DiffOptions::default());
    let side = |k: usize, a: &Article| storydiff::report::Side {
        label: format!("{story}@{k}"),
        sha256: a.sha256(),
    };
    let sides = storydiff::report::Sides {
        old: side(n, &old),
        new: side(n + 1, &new),
    };
    std::fs::write(out, storydiff::report::html::render(&d, &sides)).expect("write");
}
