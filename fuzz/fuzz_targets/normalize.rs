//! Fuzz text normalisation and article parsing: never a panic; normalising twice changes nothing; an article
//! printed and read back is the same article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::article::Article;
use storydiff::normalize::normalize_text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let once = normalize_text(text);
    assert_eq!(normalize_text(&once), once);
    if let Ok(article) = Article::from_text(text) {
        let back = Article::from_text(&article.to_text()).expect("printed article parses");
        assert_eq!(back, article);
        let bytes = article.canonical_bytes();
        assert_eq!(
            Article::from_canonical_bytes(&bytes).expect("canonical parses"),
            article
        );
    }
});
