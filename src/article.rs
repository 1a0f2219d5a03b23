//! The article model: a story's headline, its furniture (byline, dateline, notices, corrections, credits)
//! and its body paragraphs, plus the canonical form that is hashed and stored.
//!
//! Text enters through [`Article::from_text`]; HTML enters through the ingest module, which fills the same
//! struct. Furniture is recognised by [`crate::furniture`] and kept as fields beside the body, so the diff can
//! report "update notice added" apart from the paragraphs.
//!
//! # Canonical form
//! The bytes that are hashed and stored for a version are the article serialised as pretty-printed JSON
//! (two-space indent, fields in the fixed order of [`Article`], empty fields left out, `\n` at the end),
//! preceded by the field `"format": "storydiff-article/1"`. The SHA-256 of exactly those bytes is the
//! version's id. Because empty fields are left out, adding an optional field in a later format does not change
//! the hash of articles that do not use it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::InputError;
use crate::furniture;
use crate::normalize::normalize_text;

/// The format tag written at the top of every canonical article.
pub const ARTICLE_FORMAT: &str = "storydiff-article/1";

/// One version of a story as storydiff sees it: normalised text, furniture separated from the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline, if the source gave one (`# Heading` first line, `--headline`, or the page's title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The byline as written, without a leading "By " (e.g. "Alayna Treene, Kevin Liptak, CNN").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The dateline that opened the first paragraph, as written (e.g. "(CNN) —", "WASHINGTON (AP) —").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The publication date the source states (e.g. the seed's "date 2025-11-19" line, or a page's
    /// `datePublished`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// A wire-service source line such as "Source: CNN", without the "Source:" label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Update notices ("This story has been updated with additional information."), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    /// Corrections and clarifications ("Correction: An earlier version of this story…").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<String>,
    /// Editor's notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors_notes: Vec<String>,
    /// Contributor credits ("CNN’s Haley Britzky contributed to this report.").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
    /// The body paragraphs, in reading order, furniture removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
}

/// The serialised shape of [`Article`] in the store: the article with its format tag first.
#[derive(Serialize, Deserialize)]
struct CanonicalArticle {
    format: String,
    #[serde(flatten)]
    article: Article,
}

impl Article {
    /// Build an article from plain text.
    ///
    /// The text is normalised ([`normalize_text`]); a first line that is a Markdown heading (`# …`) becomes the
    /// headline. Paragraphs are separated by blank lines; a text with no blank line at all (common in scraped
    /// copy) takes each non-empty line as a paragraph. Furniture is then recognised and moved to its fields.
    ///
    /// Returns [`InputError::EmptyArticle`] when nothing is left.
    ///
    /// ```
    /// use storydiff::article::Article;
    /// let a = Article::from_text("# Title\n\nBy Jo Bloggs, CNN\n\n(CNN) — It happened.\n").unwrap();
    /// assert_eq!(a.headline.as_deref(), Some("Title"));
    /// assert_eq!(a.byline.as_deref(), Some("Jo Bloggs, CNN"));
    /// assert_eq!(a.dateline.as_deref(), Some("(CNN) —"));
    /// assert_eq!(a.paragraphs, vec!["It happened.".to_string()]);
    /// ```
    pub fn from_text(raw: &str) -> Result<Article, InputError> {
        let text = normalize_text(raw);
        let mut lines = text.lines().skip_while(|l| l.is_empty()).peekable();
        let mut headline = None;
        if let Some(first) = lines.peek()
            && let Some(h) = first.strip_prefix('#')
        {
            let h = h.trim_start_matches('#').trim();
            if !h.is_empty() {
                headline = Some(h.to_string());
            }
            lines.next();
        }
        let rest: Vec<&str> = lines.collect();
        let paragraphs = split_paragraphs(&rest);
        let mut article = furniture::separate(paragraphs);
        article.headline = headline;
        if article.is_empty() {
            return Err(InputError::EmptyArticle);
        }
        Ok(article)
    }

    /// Whether the article has no headline and no body at all.
    pub fn is_empty(&self) -> bool {
        self.headline.is_none() && self.paragraphs.is_empty()
    }

    /// Set the headline (normalised); an empty headline clears it.
    pub fn set_headline(&mut self, headline: &str) {
        let h = normalize_text(headline).replace('\n', " ");
        let h = h.trim();
        self.headline = (!h.is_empty()).then(|| h.to_string());
    }

    /// The canonical bytes of this article (see the module documentation), which are hashed and stored.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let canonical = CanonicalArticle {
            format: ARTICLE_FORMAT.to_string(),
            article: self.clone(),
        };
        let mut bytes =
            serde_json::to_vec_pretty(&canonical).expect("an Article always serialises to JSON");
        bytes.push(b'\n');
        bytes
    }

    /// The SHA-256 of [`Article::canonical_bytes`], as 64 lower-case hex digits.
    pub fn sha256(&self) -> String {
        sha256_hex(&self.canonical_bytes())
    }

    /// Parse canonical bytes back into an article, checking the format tag.
    pub fn from_canonical_bytes(bytes: &[u8]) -> Result<Article, String> {
        let canonical: CanonicalArticle =
            serde_json::from_slice(bytes).map_err(|e| format!("not a canonical article: {e}"))?;
        if canonical.format != ARTICLE_FORMAT {
            return Err(format!(
                "article format {:?} is not {ARTICLE_FORMAT:?} (written by a newer storydiff?)",
                canonical.format
            ));
        }
        Ok(canonical.article)
    }

    /// The article as readable text: headline as a `#` heading, furniture and body in reading order.
    /// Saving this text again yields the same article.
    pub fn to_text(&self) -> String {
        let mut blocks: Vec<String> = Vec::new();
        if let Some(h) = &self.headline {
            blocks.push(format!("# {h}"));
        }
        if let Some(s) = &self.source {
            blocks.push(format!("Source: {s}"));
        }
        blocks.extend(self.editors_notes.iter().cloned());
        match (&self.published, &self.byline) {
            (Some(p), Some(b)) => blocks.push(format!("date {p} By {b}")),
            (Some(p), None) => blocks.push(format!("date {p}")),
            (None, Some(b)) => blocks.push(format!("By {b}")),
            (None, None) => {}
        }
        for (i, p) in self.paragraphs.iter().enumerate() {
            match (&self.dateline, i) {
                (Some(d), 0) => blocks.push(format!("{d} {p}")),
                _ => blocks.push(p.clone()),
            }
        }
        blocks.extend(self.credits.iter().cloned());
        blocks.extend(self.corrections.iter().cloned());
        blocks.extend(self.notices.iter().cloned());
        let mut text = blocks.join("\n\n");
        text.push('\n');
        text
    }
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Split normalised lines into paragraphs: blank lines separate paragraphs and the lines of one block are
/// joined with a space (hard-wrapped text); with no blank line anywhere, each line is a paragraph.
fn split_paragraphs(lines: &[&str]) -> Vec<String> {
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    let lines = &lines[..end];
    let has_blank = lines.iter().any(|l| l.is_empty());
    if !has_blank {
        return lines.iter().map(|l| l.to_string()).collect();
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_article_in_crlf_trailing_spaces_and_nbsp_hashes_the_same() {
        let a =
            Article::from_text("# Peace plan\n\nFirst paragraph.\n\nSecond\u{A0}one.\n").unwrap();
        let b = Article::from_text("# Peace plan  \r\n\r\nFirst  paragraph. \r\n\r\nSecond one.")
            .unwrap();
        assert_eq!(a, b);
        assert_eq!(a.sha256(), b.sha256());
    }

    #[test]
    fn headline_change_hashes_differently() {
        let a = Article::from_text("# Peace plan\n\nBody.").unwrap();
        let b = Article::from_text("# Peace plan revealed\n\nBody.").unwrap();
        assert_ne!(a.sha256(), b.sha256());
    }

    #[test]
    fn single_newline_text_takes_each_line_as_a_paragraph() {
        let a = Article::from_text("One.\nTwo.\n\n").unwrap();
        assert_eq!(a.paragraphs, vec!["One.", "Two."]);
    }

    #[test]
    fn blank_line_text_joins_wrapped_lines() {
        let a = Article::from_text("One line\nwrapped.\n\nTwo.").unwrap();
        assert_eq!(a.paragraphs, vec!["One line wrapped.", "Two."]);
    }

    #[test]
    fn empty_and_whitespace_only_text_is_refused() {
        assert!(matches!(
            Article::from_text(" \n\u{A0}\n"),
            Err(InputError::EmptyArticle)
        ));
    }

    #[test]
    fn canonical_bytes_round_trip() {
        let a = Article::from_text("# H\n\nBy A and B, CNN\n\n(CNN) — Body.\n\nMore.").unwrap();
        let back = Article::from_canonical_bytes(&a.canonical_bytes()).unwrap();
        assert_eq!(a, back);
    }

    #[test]
    fn to_text_round_trips_through_from_text() {
        let text = "# H\n\nSource: CNN\n\ndate 2025-11-19 By A, CNN\n\n(CNN) — Body “quoted.”\n\nMore.\n\nX contributed to this report.\n\nThis story has been updated with additional information.";
        let a = Article::from_text(text).unwrap();
        let b = Article::from_text(&a.to_text()).unwrap();
        assert_eq!(a, b);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Normalisation is idempotent and parsing never panics, whatever the text.
        #[test]
        fn normalisation_is_idempotent(text in "(?s)[ -~\u{a0}\u{2014}\u{201c}\u{201d}\r\n\t#é\u{301}\u{202e}\u{0}]{0,300}") {
            let once = normalize_text(&text);
            proptest::prop_assert_eq!(normalize_text(&once), once.clone());
            let _ = Article::from_text(&text);
        }

        /// An article printed with `to_text` and read back is the same article: `show` output can be saved.
        #[test]
        fn to_text_round_trips(lines in proptest::collection::vec("[A-Za-z(][A-Za-z ,.:’“”()—-]{0,60}", 1..8),
                               blank in proptest::bool::ANY) {
            let sep = if blank { "\n\n" } else { "\n" };
            let text = lines.join(sep);
            if let Ok(a) = Article::from_text(&text) {
                let back = Article::from_text(&a.to_text()).unwrap();
                proptest::prop_assert_eq!(back, a);
            }
        }
    }

    #[test]
    fn unknown_format_is_refused() {
        let bytes = br#"{"format": "storydiff-article/9", "paragraphs": ["x"]}"#;
        assert!(Article::from_canonical_bytes(bytes).is_err());
    }
}
