//! Fuzz input ingestion on arbitrary bytes: HTML detection, charset decoding, extraction with dom_smoothie,
//! text reading. Never a panic; whatever is accepted is a non-empty article whose canonical bytes read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::article::Article;
use storydiff::ingest::ingest_bytes;

fuzz_target!(|data: &[u8]| {
    if let Ok(ingested) = ingest_bytes(data.to_vec(), Some("https://example.com/news/story.html")) {
        assert!(!ingested.article.is_empty());
        let bytes = ingested.article.canonical_bytes();
        assert_eq!(
            Article::from_canonical_bytes(&bytes).expect("canonical parses"),
            ingested.article
        );
    }
});
