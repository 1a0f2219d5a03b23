//! Fuzz quote extraction and the quote diff: never a panic; every span lies on char boundaries of its
//! paragraph; a quote that is not running over several paragraphs is exactly the text its span covers.
//! Input: two versions split at the first 0xFF byte; paragraphs are the raw lines (not normalised, so
//! controls and odd spacing reach the extractor) and the parsed article's paragraphs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::article::Article;
use storydiff::quotes::{diff_paragraphs, extract, reported_speech};

fn check(paragraphs: &[String]) {
    for q in extract(paragraphs) {
        let p = &paragraphs[q.paragraph];
        let [start, end] = q.span;
        assert!(
            start <= end && end <= p.len(),
            "span {start}..{end} outside paragraph"
        );
        assert!(
            p.is_char_boundary(start) && p.is_char_boundary(end),
            "span off char boundary"
        );
        if !q.flags.iter().any(|f| f == "running") {
            assert_eq!(&p[start..end], q.text, "span covers the quote");
        }
    }
    for r in reported_speech(paragraphs) {
        let p = &paragraphs[r.paragraph];
        let [start, end] = r.span;
        assert!(start <= end && end <= p.len());
        assert!(p.is_char_boundary(start) && p.is_char_boundary(end));
    }
}

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let raw = |t: &str| t.split('\n').map(str::to_string).collect::<Vec<_>>();
    let (raw_a, raw_b) = (raw(&a), raw(&b));
    check(&raw_a);
    let _ = diff_paragraphs(&raw_a, &raw_b, &|x, y| x != y);
    if let (Ok(old), Ok(new)) = (Article::from_text(&a), Article::from_text(&b)) {
        check(&old.paragraphs);
        check(&new.paragraphs);
        let _ = diff_paragraphs(&old.paragraphs, &new.paragraphs, &|_, _| false);
    }
});
