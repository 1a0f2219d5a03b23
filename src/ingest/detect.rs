//! Telling an HTML page from plain text by its content, not its file name: a saved page may be called
//! `story.txt`, `page` or `index.php`, and a text file may mention `<p>` in its prose.
//!
//! The test is the one browsers use for content of unknown type (WHATWG MIME Sniffing, "rules for
//! identifying an unknown MIME type", HTML patterns): after a byte-order mark and whitespace, the content
//! starts with one of a fixed set of tags (`<!DOCTYPE HTML`, `<html`, `<head`, `<body`, `<div`, `<p`, …) or a
//! comment, followed by a space or `>`. We add `<?xml` followed within the first kilobyte by an XHTML
//! `<html` element, which browsers learn from the content type instead.

/// The kind of an input, decided by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An HTML (or XHTML) page: extract the article from it.
    Html,
    /// Anything else: taken as plain article text.
    Text,
}

/// Tags that open an HTML document in the WHATWG sniffing table; each must be followed by a space or `>`.
const HTML_OPENERS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<meta",
    b"<link",
];

/// How far into an `<?xml` document to look for the `<html` root (bytes).
const XML_PROLOGUE_WINDOW: usize = 1024;

/// Decide whether `bytes` are an HTML page or text.
///
/// ```
/// use storydiff::ingest::detect::{detect, InputKind};
/// assert_eq!(detect(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"), InputKind::Html);
/// assert_eq!(detect(b"<p>Hello</p>"), InputKind::Html);
/// assert_eq!(detect(b"# Headline\n\nThe <p> tag is a paragraph."), InputKind::Text);
/// ```
pub fn detect(bytes: &[u8]) -> InputKind {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C'))
        .unwrap_or(bytes.len());
    let rest = bytes.get(start..).unwrap_or_default();
    if rest.starts_with(b"<!--") {
        return InputKind::Html;
    }
    for opener in HTML_OPENERS {
        if starts_with_ignore_case(rest, opener)
            && matches!(
                rest.get(opener.len()),
                Some(b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'\x0C')
            )
        {
            return InputKind::Html;
        }
    }
    if rest.starts_with(b"<?xml") {
        let window = rest.get(..XML_PROLOGUE_WINDOW).unwrap_or(rest);
        if window.windows(5).any(|w| w.eq_ignore_ascii_case(b"<html")) {
            return InputKind::Html;
        }
    }
    InputKind::Text
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// Whether a `Content-Type` header value names HTML (`text/html`, `application/xhtml+xml`), ignoring
/// parameters such as `charset`.
///
/// ```
/// use storydiff::ingest::detect::is_html_content_type;
/// assert!(is_html_content_type("text/html; charset=utf-8"));
/// assert!(!is_html_content_type("application/pdf"));
/// ```
pub fn is_html_content_type(content_type: &str) -> bool {
    matches!(
        content_type_essence(content_type).as_str(),
        "text/html" | "application/xhtml+xml"
    )
}

/// The MIME type of a `Content-Type` value without its parameters, lower-cased ("Text/HTML; charset=x" →
/// "text/html").
pub fn content_type_essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn corpus_pages_are_html_and_corpus_texts_are_not() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/extraction");
        let entries = std::fs::read_dir(dir).expect("shared/ corpus beside the project");
        let mut seen = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.to_string_lossy().to_string();
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if name.ends_with(".expected.txt") {
                assert_eq!(detect(&bytes), InputKind::Text, "{name}");
            } else if name.ends_with(".html") && !name.ends_with(".expected.html") {
                assert_eq!(detect(&bytes), InputKind::Html, "{name}");
                seen += 1;
            }
        }
        assert!(seen > 100);
    }

    #[test]
    fn lookalikes_are_text() {
        assert_eq!(detect(b"<pizza> is not a tag we know"), InputKind::Text);
        assert_eq!(detect(b"<b"), InputKind::Text);
        assert_eq!(detect(b""), InputKind::Text);
        assert_eq!(detect(b"<?xml version=\"1.0\"?><rss>"), InputKind::Text);
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"),
            InputKind::Html
        );
    }

    proptest! {
        #[test]
        fn detect_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = detect(&bytes);
        }
    }
}
