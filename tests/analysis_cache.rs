//! The analysis cache shared between versions (`quotes::analyse_cached`) changes no result: over every
//! story of the corpus, analysing the versions in order with one cache gives exactly what a fresh
//! `quotes::analyse` of each version gives.

use std::path::PathBuf;

use storydiff::article::Article;
use storydiff::quotes::{AnalysisCache, analyse, analyse_cached};

#[test]
fn one_cache_over_each_corpus_history_gives_fresh_analyses() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/versions");
    let Ok(stories) = std::fs::read_dir(&corpus) else {
        eprintln!("no corpus at {}: nothing checked", corpus.display());
        return;
    };
    let mut stories: Vec<PathBuf> = stories
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    let mut versions_checked = 0;
    for story in &stories {
        let mut files: Vec<PathBuf> = std::fs::read_dir(story)
            .expect("story folder reads")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut cache = AnalysisCache::default();
        for file in &files {
            let text = std::fs::read_to_string(file).expect("version reads");
            let article = Article::from_text(&text).expect("version parses");
            let cached = analyse_cached(&article.paragraphs, &mut cache);
            assert!(
                cached == analyse(&article.paragraphs),
                "{}: the cached analysis differs from a fresh one",
                file.display()
            );
            versions_checked += 1;
        }
    }
    assert!(
        versions_checked > 300,
        "only {versions_checked} versions found"
    );
}
