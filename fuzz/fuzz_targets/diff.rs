//! Fuzz paragraph alignment and the full diff: one input is two articles split at the first 0xFF byte (a byte
//! that never occurs in UTF-8). Never a panic; a version diffed against itself has no change; every paragraph
//! of both versions is in exactly one entry, and the old and new sides of the entries (and of their word runs)
//! reassemble the paragraphs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::article::Article;
use storydiff::diff::{DiffOptions, PARAGRAPH_BREAK, WordOp, diff_articles};

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let (Ok(a), Ok(b)) = (
        Article::from_text(&String::from_utf8_lossy(a)),
        Article::from_text(&String::from_utf8_lossy(b)),
    ) else {
        return;
    };
    // No wall-clock budget: a hang shows up as a libFuzzer timeout instead of being hidden by the deadline.
    let options = DiffOptions {
        time_budget: None,
        ..DiffOptions::default()
    };

    let same = diff_articles(&a, &a, &options);
    assert!(!same.changed && !same.differs(), "a diffed against itself");
    assert!(same.numbers.is_empty());

    let d = diff_articles(&a, &b, &options);
    for (paragraphs, side_of) in [(&a.paragraphs, 0usize), (&b.paragraphs, 1usize)] {
        let mut seen = vec![0u32; paragraphs.len()];
        for p in &d.paragraphs {
            let (indices, text) = if side_of == 0 {
                (&p.old, &p.old_text)
            } else {
                (&p.new, &p.new_text)
            };
            assert!(indices.windows(2).all(|w| w[1] == w[0] + 1), "consecutive");
            for &i in indices {
                seen[i] += 1;
            }
            let joined = indices
                .iter()
                .map(|&i| paragraphs[i].as_str())
                .collect::<Vec<_>>()
                .join(PARAGRAPH_BREAK);
            assert_eq!(text.is_some(), !indices.is_empty());
            if let Some(text) = text {
                assert_eq!(*text, joined, "side text reassembles its paragraphs");
            }
        }
        assert!(
            seen.iter().all(|&n| n == 1),
            "every paragraph in exactly one entry"
        );
    }
    for p in &d.paragraphs {
        if p.words.is_empty() {
            continue;
        }
        let side = |keep: WordOp| -> String {
            p.words
                .iter()
                .filter(|w| w.op == WordOp::Equal || w.op == keep)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(
            Some(side(WordOp::Delete)),
            p.old_text,
            "word runs give the old text"
        );
        assert_eq!(
            Some(side(WordOp::Insert)),
            p.new_text,
            "word runs give the new text"
        );
    }
});
