//! Article extraction from an HTML page: the [`Extractor`] trait, the page it produces ([`ExtractedPage`]),
//! its conversion into an [`Article`], and the refusal of pages that are not articles.
//!
//! The default extractor, [`NewsExtractor`], runs the `dom_smoothie` crate (a port of Readability.js, pinned
//! to an exact version) to find the article container, then does what news pages allow on top of it:
//! paragraphs are read block by block from the container with figures, captions and "related" boxes left
//! out; when the page's JSON-LD carries a real `articleBody`, paragraphs that are not part of that body are
//! dropped; headline, byline and dates come from the page's metadata ([`super::metadata`]).
//!
//! Every extracted page records `name@version` of the extractor that produced it ([`ExtractorInfo`]): a
//! stored version keeps it, so an extractor upgrade is a deliberate re-extraction and never looks like an
//! edit to every story.

use std::collections::HashSet;
use std::fmt;

use dom_query::{Document, NodeRef};
use serde::Serialize;

use super::metadata::{PageMetadata, read_metadata};
use super::nesting::{MAX_NESTING_DEPTH, nesting_depth};
use super::score::tokens;
use super::url::canonical_url;
use crate::article::Article;
use crate::error::InputError;
use crate::furniture;
use crate::normalize::normalize_text;

/// Which extractor produced a page, recorded in every snapshot as `name@version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractorInfo {
    /// The extractor's name, e.g. `dom_smoothie`.
    pub name: String,
    /// Its exact version; for [`NewsExtractor`] the crate version plus storydiff's own revision of the
    /// post-processing as semver build metadata, e.g. `0.19.0+storydiff.1`.
    pub version: String,
}

impl fmt::Display for ExtractorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.name, self.version)
    }
}

/// The article storydiff found in a page, before furniture is separated.
///
/// Serialises (with `serde`) to the fields of `storydiff extract --format json` in this order; see
/// [`ExtractedPage::to_json_string`] for the document with its `schema_version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractedPage {
    /// The URL the page was fetched from (after redirects), if known.
    pub url: Option<String>,
    /// The page's canonical URL ([`super::url::canonical_url`] of `<link rel=canonical>`, else `og:url`,
    /// else `url`), if any.
    pub canonical_url: Option<String>,
    /// The headline (JSON-LD `headline`, `og:title`, `<title>`).
    pub headline: Option<String>,
    /// The byline from metadata (JSON-LD `author`, `<meta name=author>`, or the extractor's byline).
    pub byline: Option<String>,
    /// `datePublished` / `article:published_time`, as written.
    pub published: Option<String>,
    /// `dateModified` / `article:modified_time`, as written.
    pub modified: Option<String>,
    /// The body paragraphs in reading order, normalised ([`normalize_text`]) but with furniture (byline,
    /// dateline, notices, credits) still in place; [`ExtractedPage::to_article`] separates it.
    pub paragraphs: Vec<String>,
    /// The extractor that produced this page.
    pub extractor: ExtractorInfo,
}

/// Version of the `extract --format json` document.
pub const EXTRACT_JSON_SCHEMA_VERSION: u32 = 1;

impl ExtractedPage {
    /// The JSON document `storydiff extract --format json` prints, pretty-printed with a final newline, keys
    /// in this order: `{"schema_version": 1, "url", "canonical_url", "headline", "byline", "published",
    /// "modified", "paragraphs": ["…", …], "extractor": {"name", "version"}}`. Absent values are `null`.
    pub fn to_json_string(&self) -> String {
        /// The document: the version first, then the page's fields in declaration order.
        #[derive(Serialize)]
        struct Document<'a> {
            schema_version: u32,
            #[serde(flatten)]
            page: &'a ExtractedPage,
        }
        let doc = Document {
            schema_version: EXTRACT_JSON_SCHEMA_VERSION,
            page: self,
        };
        // Serialising plain strings, options and vectors cannot fail; an empty object is the safe fallback.
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
        text.push('\n');
        text
    }

    /// The body as plain text: paragraphs separated by a blank line, with a final newline (what
    /// `storydiff extract --format text` prints after the headline).
    pub fn body_text(&self) -> String {
        let mut text = self.paragraphs.join("\n\n");
        text.push('\n');
        text
    }

    /// Convert into the article model: paragraphs normalised with [`normalize_text`] (again: the fields are
    /// public and may have been edited; a paragraph that contains line breaks becomes several), furniture (dateline, notices, credits, …) separated with
    /// [`furniture::separate`], and headline, byline and publication date taken from the page's metadata
    /// where it has them (they are cleaner than what is found in the text).
    ///
    /// Returns [`InputError::EmptyArticle`] when nothing is left.
    pub fn to_article(&self) -> Result<Article, InputError> {
        let mut article = furniture::separate(normalize_paragraphs(&self.paragraphs));
        if let Some(h) = &self.headline {
            article.set_headline(h);
        }
        // The article keeps a byline without its "By " (as text bylines are kept): "By TOM KRISHER, AP".
        if let Some(b) = self.byline.as_deref().map(normalize_one_line).map(|b| {
            let lower = b.get(..3).map(str::to_ascii_lowercase);
            match lower.as_deref() {
                Some("by ") => b[3..].trim_start().to_string(),
                _ => b,
            }
        }) && !b.is_empty()
        {
            article.byline = Some(b);
        }
        if let Some(p) = self.published.as_deref().map(normalize_one_line)
            && !p.is_empty()
        {
            article.published = Some(p);
        }
        if article.paragraphs.is_empty() {
            return Err(InputError::EmptyArticle);
        }
        Ok(article)
    }
}

/// Each paragraph through [`normalize_text`]; one that contains line breaks becomes several, empty ones go.
fn normalize_paragraphs(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| {
            normalize_text(p)
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn normalize_one_line(text: &str) -> String {
    normalize_text(text).replace('\n', " ").trim().to_string()
}

/// Why a page was not taken as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// So little text was found that saving it would look like the story was deleted.
    #[error(
        "not an article: only {chars} characters of text found (at least {min} needed); is this a front page, a video or an error page?"
    )]
    TooShort {
        /// Characters found (not words, so that Chinese or Japanese text counts fairly).
        chars: usize,
        /// The minimum, [`MIN_ARTICLE_CHARS`].
        min: usize,
    },
    /// A paywall stands where the article should be.
    #[error("not an article: the page is behind a paywall ({0})")]
    Paywall(String),
    /// A cookie or privacy consent page stands where the article should be.
    #[error("not an article: the page is a cookie or consent notice ({0})")]
    Consent(String),
    /// The extractor found no article container at all.
    #[error("no article found in the page: {0}")]
    NoArticle(String),
    /// The page nests its elements deeper than any article page does (a hostile or broken page, whose
    /// parsing would take minutes); see [`super::nesting`].
    #[error("page refused: elements nested {depth} deep, over the limit of {limit}")]
    TooDeep {
        /// Depth measured by [`super::nesting::nesting_depth`].
        depth: usize,
        /// The limit, [`super::nesting::MAX_NESTING_DEPTH`].
        limit: usize,
    },
    /// The page is larger than any article page ([`MAX_HTML_BYTES`]); extracting it would take tens of
    /// seconds.
    #[error("page refused: {bytes} bytes of HTML, over the limit of {limit}")]
    TooLarge {
        /// Size of the page.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
}

/// Largest HTML page extracted (10 MiB, the HTTP body cap too): news pages in the extraction corpus are under
/// 250 KB, and flat HTML near the 32 MiB input cap takes `dom_smoothie` tens of seconds.
pub const MAX_HTML_BYTES: usize = super::http::DEFAULT_MAX_BYTES as usize;

/// Fewest characters of body text a page must yield to be an article. The shortest hand-annotated body in
/// the article-extraction benchmark pages we keep (`shared/corpus/extraction/aeb-*`) is 419 characters; a
/// short wire brief is about 250. 200 characters is two or three sentences, and in Chinese or Japanese a short
/// article, which a word count would wrongly refuse.
pub const MIN_ARTICLE_CHARS: usize = 200;

/// Below this many characters, a page that also shows paywall or consent wording is refused as such: a real
/// article that merely mentions cookies is longer. Two short paragraphs' worth (a teaser before a paywall is
/// typically one or two paragraphs).
pub const WALL_MAX_CHARS: usize = 1200;

/// Phrases of paywall notices (compared lower-case).
const PAYWALL_PHRASES: &[&str] = &[
    "subscribe to continue reading",
    "subscribe to read",
    "to continue reading",
    "already a subscriber",
    "this content is for subscribers",
    "subscribers only",
    "sign in to read",
    "create a free account to continue",
];

/// Phrases of cookie and consent notices (compared lower-case).
const CONSENT_PHRASES: &[&str] = &[
    "we use cookies",
    "this site uses cookies",
    "cookie policy",
    "cookie settings",
    "accept all cookies",
    "manage your privacy",
    "your privacy choices",
    "consent to the use",
    "before you continue",
];

/// An HTML article extractor. Implementations must be deterministic: the same page and URL give the same
/// result, and [`Extractor::info`] names exactly the code that produced it.
pub trait Extractor {
    /// Name and exact version of this extractor, recorded with every extracted page.
    fn info(&self) -> ExtractorInfo;

    /// Extract the article of `html`. `url` is where the page came from (used to resolve a relative canonical
    /// link), if known.
    fn extract(&self, html: &str, url: Option<&str>) -> Result<ExtractedPage, ExtractError>;
}

/// Exact version of `dom_smoothie` in Cargo.toml (`=0.19.0`); a unit test keeps the two equal.
pub const DOM_SMOOTHIE_VERSION: &str = "0.19.0";

/// Revision of storydiff's own processing on top of `dom_smoothie` (paragraph reading, JSON-LD filter,
/// boilerplate filter). Bump it whenever that processing changes what is extracted from any page.
pub const NEWS_EXTRACTOR_REVISION: u32 = 1;

/// The default extractor: `dom_smoothie` for the article container, storydiff's news-page processing on top
/// (see the module documentation).
///
/// ```
/// use storydiff::ingest::html::{Extractor, NewsExtractor};
/// let html = format!("<html><head><title>T</title></head><body><nav>Home | World</nav><article>{}</article></body></html>",
///     "<p>The council voted on Tuesday to close the old bridge for repairs, officials said.</p>".repeat(5));
/// let page = NewsExtractor.extract(&html, None).unwrap();
/// assert_eq!(page.paragraphs.len(), 5);
/// assert_eq!(page.extractor.to_string(), "dom_smoothie@0.19.0+storydiff.1");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct NewsExtractor;

impl Extractor for NewsExtractor {
    fn info(&self) -> ExtractorInfo {
        ExtractorInfo {
            name: "dom_smoothie".to_string(),
            version: format!("{DOM_SMOOTHIE_VERSION}+storydiff.{NEWS_EXTRACTOR_REVISION}"),
        }
    }

    fn extract(&self, html: &str, url: Option<&str>) -> Result<ExtractedPage, ExtractError> {
        if html.len() > MAX_HTML_BYTES {
            return Err(ExtractError::TooLarge {
                bytes: html.len(),
                limit: MAX_HTML_BYTES,
            });
        }
        // Measured before parsing: parsing and extracting a deeply nested page is what takes minutes.
        let depth = nesting_depth(html);
        if depth > MAX_NESTING_DEPTH {
            return Err(ExtractError::TooDeep {
                depth,
                limit: MAX_NESTING_DEPTH,
            });
        }
        // One parse serves both: metadata is read first, then dom_smoothie takes (and mutates) the tree.
        let doc = Document::from(html);
        let meta = read_metadata(&doc);
        let container = readability_container(doc)?;
        let mut paragraphs = read_blocks(&Document::from(container.content.as_ref()));
        paragraphs.retain(|p| !is_boilerplate(p));
        // The container often repeats the headline as its first block; it is kept in `headline` instead.
        let titles: Vec<String> = [meta.headline.as_deref(), Some(container.title.as_str())]
            .into_iter()
            .flatten()
            .map(|t| {
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .collect();
        paragraphs.retain(|p| !titles.contains(&p.to_lowercase()));
        if let Some(body) = &meta.article_body {
            paragraphs = filter_by_article_body(paragraphs, body);
        }
        let paragraphs = normalize_paragraphs(&paragraphs);
        let page = ExtractedPage {
            url: url.map(str::to_string),
            canonical_url: page_canonical_url(&meta, url),
            headline: meta
                .headline
                .clone()
                .or_else(|| Some(container.title.clone()).filter(|t| !t.trim().is_empty())),
            byline: meta.byline.clone().or(container.byline.clone()),
            published: meta.published.clone().or(container.published_time.clone()),
            modified: meta.modified.clone().or(container.modified_time.clone()),
            paragraphs,
            extractor: self.info(),
        };
        refuse_non_article(&page, &meta)?;
        Ok(page)
    }
}

/// Extract the article of `html` with the default extractor, [`NewsExtractor`].
pub fn extract_html(html: &str, url: Option<&str>) -> Result<ExtractedPage, ExtractError> {
    NewsExtractor.extract(html, url)
}

/// Run `dom_smoothie` and return its article (container HTML, title, byline, dates).
fn readability_container(doc: Document) -> Result<dom_smoothie::Article, ExtractError> {
    let cfg = dom_smoothie::Config {
        // Keep classes so that captions and "related" boxes inside the container can be recognised.
        keep_classes: true,
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .map_err(|e| ExtractError::NoArticle(e.to_string()))
}

/// The canonical URL of a page: `<link rel=canonical>`, else `og:url`, else the fetch URL, resolved against
/// the fetch URL and put in canonical form. Unusable links are skipped.
fn page_canonical_url(meta: &PageMetadata, url: Option<&str>) -> Option<String> {
    let base = url.and_then(|u| super::url::parse_http_url(u).ok());
    [meta.canonical.as_deref(), meta.og_url.as_deref(), url]
        .into_iter()
        .flatten()
        .find_map(|candidate| {
            let absolute = match &base {
                Some(b) => super::url::resolve(b, candidate).ok()?.to_string(),
                None => candidate.to_string(),
            };
            canonical_url(&absolute).ok()
        })
}

/// Elements inside the article container that are not article text: media and their captions, asides,
/// navigation, forms and buttons, and boxes whose class names say what they are.
const SKIPPED_TAGS: &[&str] = &[
    "figure",
    "figcaption",
    "aside",
    "nav",
    "footer",
    "header",
    "form",
    "button",
    "script",
    "style",
    "noscript",
    "svg",
    "iframe",
    "video",
    "audio",
    "picture",
    "img",
];

/// Class-name fragments (compared lower-case) that mark boxes inside the container that are not article
/// text. Each was seen in the benchmark pages wrapping captions, share bars, related-story lists or ads.
const SKIPPED_CLASS_FRAGMENTS: &[&str] = &[
    "caption",
    "related",
    "share",
    "social",
    "newsletter",
    "promo",
    "advert",
    "byline",
    "credit",
    "read-more",
    "readmore",
    "more-stories",
    "recommended",
    "signup",
    "sign-up",
];

/// Block-level elements: each starts a new paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "hr",
    "br",
    "address",
    "details",
    "summary",
];

/// Share of a block's characters inside links above which the block is a link list item ("Related: …",
/// "More on this story") rather than article text. Article paragraphs with a linked name or two stay far
/// below it; on the benchmark pages, blocks above it were related-story links in all cases we looked at.
const MAX_LINK_SHARE: f64 = 0.8;

/// Only blocks up to this many characters are dropped for their links: a teaser link is a headline, and a
/// long block made of links is more often an article that links every source.
const MAX_LINK_BLOCK_CHARS: usize = 150;

/// Read the text of a container block by block: every block element (and `<br>`) ends a paragraph; inline
/// text is joined with whitespace collapsed. Elements of [`SKIPPED_TAGS`] and boxes matching
/// [`SKIPPED_CLASS_FRAGMENTS`] are left out, and so are blocks that are mostly link text ([`MAX_LINK_SHARE`]).
fn read_blocks(doc: &Document) -> Vec<String> {
    let mut reader = BlockReader::default();
    for root in doc.select("body").nodes() {
        reader.walk(root);
    }
    reader.flush();
    reader.out
}

/// State of [`read_blocks`]: finished paragraphs, the one being read, and how much of it is link text.
#[derive(Default)]
struct BlockReader {
    out: Vec<String>,
    current: String,
    /// Non-space characters of `current` that are inside an `<a>`.
    link_chars: usize,
}

impl BlockReader {
    /// Walk the subtree under `root` in document order. The walk keeps its own stack instead of recursing, so
    /// a page with absurdly deep nesting cannot overflow the thread's stack.
    fn walk(&mut self, root: &NodeRef) {
        enum Step<'a> {
            Visit(NodeRef<'a>, bool),
            EndBlock,
        }
        let mut stack: Vec<Step> = root
            .children()
            .into_iter()
            .rev()
            .map(|c| Step::Visit(c, false))
            .collect();
        while let Some(step) = stack.pop() {
            let (node, in_link) = match step {
                Step::EndBlock => {
                    self.flush();
                    continue;
                }
                Step::Visit(node, in_link) => (node, in_link),
            };
            if node.is_text() {
                // Text nodes are joined as they are: inline markup inside a word ("Arte<b>mis</b>") must not
                // split it.
                let text = node.text();
                if in_link {
                    self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                }
                self.current.push_str(&text);
                continue;
            }
            if !node.is_element() {
                continue;
            }
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIPPED_TAGS.contains(&name.as_str()) || has_skipped_class(&node) {
                continue;
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                self.flush();
                stack.push(Step::EndBlock);
            }
            let child_in_link = in_link || name == "a";
            stack.extend(
                node.children()
                    .into_iter()
                    .rev()
                    .map(|c| Step::Visit(c, child_in_link)),
            );
        }
    }

    fn flush(&mut self) {
        let text = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let link_share = if chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / chars as f64
        };
        self.current.clear();
        self.link_chars = 0;
        if !text.is_empty() && (link_share <= MAX_LINK_SHARE || chars > MAX_LINK_BLOCK_CHARS) {
            self.out.push(text);
        }
    }
}

fn has_skipped_class(node: &NodeRef) -> bool {
    node.attr("class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        SKIPPED_CLASS_FRAGMENTS.iter().any(|f| class.contains(f))
    })
}

/// Whole paragraphs (compared lower-case, trailing punctuation ignored) that are page furniture, never
/// article text.
const BOILERPLATE_PARAGRAPHS: &[&str] = &[
    "advertisement",
    "ad",
    "story continues below advertisement",
    "continue reading below",
    "article continues below",
    "read more",
    "share this article",
    "share",
    "related",
    "related articles",
    "related stories",
    "more on this story",
    "watch",
    "listen",
    "image",
    "photo",
    "video",
    "advert",
    "this slideshow requires javascript",
    "you may also like",
    "comments",
    "tell us what you think",
    "subscribe",
    "loading content",
    "loading",
    "post comment",
    "post comment (+)",
];

/// Openings (lower-case) of short paragraphs that are captions, credits or cross-links, not article text.
const BOILERPLATE_OPENINGS: &[&str] = &[
    "(image:",
    "image:",
    "(photo:",
    "photo:",
    "image credit:",
    "photo credit:",
    "credit:",
    "related:",
    "read more:",
    "read also:",
    "see also:",
    "also read:",
];

/// Openings (lower-case) of timestamp lines ("Posted: Fri 6:45 PM, Feb 16, 2018", "First Published: …"). The
/// page's dates are kept from its metadata; in the body such a line would turn every update into an edit.
const TIMESTAMP_OPENINGS: &[&str] = &[
    "published",
    "first published",
    "posted",
    "updated",
    "last updated",
    "last modified",
];

/// Longest timestamp line (characters): a date, a time and a label.
const MAX_TIMESTAMP_CHARS: usize = 80;

/// Phrases (lower-case) that make a short paragraph a call to action ("GET FOX BUSINESS ON THE GO BY CLICKING
/// HERE").
const CALL_TO_ACTION_PHRASES: &[&str] = &[
    "click here",
    "clicking here",
    "sign up for our",
    "subscribe to our",
    "follow us on",
    "follow him on",
    "follow her on",
    "follow him @",
    "follow her @",
    "join our",
];

/// Longest paragraph (characters) that [`BOILERPLATE_OPENINGS`] and [`CALL_TO_ACTION_PHRASES`] can drop: a
/// caption or a call to action is a line or two; a longer paragraph with these words is kept.
const MAX_BOILERPLATE_CHARS: usize = 200;

/// Whether a paragraph is furniture: one of [`BOILERPLATE_PARAGRAPHS`], a bare number (a gallery counter), or
/// a short caption, credit, cross-link or call to action.
fn is_boilerplate(paragraph: &str) -> bool {
    let lower = paragraph
        .trim_end_matches([':', '.', '…', '!'])
        .trim()
        .to_lowercase();
    if BOILERPLATE_PARAGRAPHS.contains(&lower.as_str())
        || (!lower.is_empty() && lower.chars().all(|c| c.is_ascii_digit() || c == '/'))
    {
        return true;
    }
    if is_gallery_counter(&lower) {
        return true;
    }
    let chars = lower.chars().count();
    if chars <= MAX_TIMESTAMP_CHARS
        && TIMESTAMP_OPENINGS.iter().any(|o| lower.starts_with(o))
        && lower.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    chars <= MAX_BOILERPLATE_CHARS
        && (BOILERPLATE_OPENINGS.iter().any(|o| lower.starts_with(o))
            || CALL_TO_ACTION_PHRASES.iter().any(|p| lower.contains(p)))
}

/// "Image 1 of 5", "photo 2/9", "3 of 12": a gallery's position label.
fn is_gallery_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    let numbers = match words.as_slice() {
        [label, a, "of", b] if matches!(*label, "image" | "photo" | "slide" | "picture") => [a, b],
        [label, a, b] if matches!(*label, "image" | "photo" | "slide" | "picture") => [a, b],
        [a, "of", b] => [a, b],
        _ => return false,
    };
    numbers
        .iter()
        .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The JSON-LD body counts as "real" when it is at least this many characters long: shorter ones are
/// descriptions or teasers (measured: the benchmark pages' real bodies are 400+ characters).
const MIN_JSON_LD_BODY_CHARS: usize = 400;

/// Share of the JSON-LD body's 4-word shingles that the extracted paragraphs must contain before the body is
/// trusted as a filter: below it the body is a teaser or a different text, and filtering would drop real
/// paragraphs.
const MIN_BODY_COVERAGE: f64 = 0.8;

/// Share of a paragraph's shingles that must occur in the JSON-LD body for the paragraph to stay.
const MIN_PARAGRAPH_IN_BODY: f64 = 0.5;

/// Share of the extracted text (in shingles) the filter must keep. The filter is meant to drop a few captions
/// and teasers; when it would drop more, the JSON-LD body is a shortened copy (some publishers put only the
/// first paragraphs there) and the extraction is kept whole.
const MIN_KEPT_SHARE: f64 = 0.7;

/// Drop extracted paragraphs that are not part of the page's JSON-LD `articleBody`, when that body is a real
/// one (long, and mostly found among the paragraphs). Captions, "read more" links and teasers of other
/// stories inside the article container are not in the body the publisher declared.
fn filter_by_article_body(paragraphs: Vec<String>, body: &str) -> Vec<String> {
    if body.chars().count() < MIN_JSON_LD_BODY_CHARS {
        return paragraphs;
    }
    let body_tokens = tokens(body);
    let body_shingles: HashSet<&[String]> = body_tokens.windows(4).collect();
    if body_shingles.is_empty() {
        return paragraphs;
    }
    let paragraph_tokens: Vec<Vec<String>> = paragraphs.iter().map(|p| tokens(p)).collect();
    let extracted: HashSet<&[String]> =
        paragraph_tokens.iter().flat_map(|t| t.windows(4)).collect();
    let covered = body_shingles
        .iter()
        .filter(|s| extracted.contains(*s))
        .count();
    if (covered as f64) < MIN_BODY_COVERAGE * body_shingles.len() as f64 {
        return paragraphs;
    }
    let body_token_set: HashSet<&String> = body_tokens.iter().collect();
    let keep: Vec<bool> = paragraph_tokens
        .iter()
        .map(|toks| {
            if toks.len() < 4 {
                // Too short for shingles: keep it when all its words are in the body.
                return !toks.is_empty() && toks.iter().all(|t| body_token_set.contains(t));
            }
            let windows = toks.windows(4).count();
            let inside = toks
                .windows(4)
                .filter(|w| body_shingles.contains(w))
                .count();
            inside as f64 >= MIN_PARAGRAPH_IN_BODY * windows as f64
        })
        .collect();
    let total: usize = paragraph_tokens.iter().map(|t| t.len()).sum();
    let kept: usize = paragraph_tokens
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(t, _)| t.len())
        .sum();
    if (kept as f64) < MIN_KEPT_SHARE * total as f64 {
        return paragraphs;
    }
    paragraphs
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| p)
        .collect()
}

/// Refuse pages that are not articles (see [`ExtractError`]).
fn refuse_non_article(page: &ExtractedPage, meta: &PageMetadata) -> Result<(), ExtractError> {
    let chars: usize = page.paragraphs.iter().map(|p| p.chars().count()).sum();
    if chars < WALL_MAX_CHARS {
        let lower = page.paragraphs.join(" ").to_lowercase();
        if let Some(phrase) = PAYWALL_PHRASES.iter().find(|p| lower.contains(*p)) {
            return Err(ExtractError::Paywall(format!("the page says {phrase:?}")));
        }
        if meta.paywalled && chars < MIN_ARTICLE_CHARS * 2 {
            return Err(ExtractError::Paywall(
                "its metadata says isAccessibleForFree: false and little text is shown".to_string(),
            ));
        }
        if let Some(phrase) = CONSENT_PHRASES.iter().find(|p| lower.contains(*p)) {
            return Err(ExtractError::Consent(format!("the page says {phrase:?}")));
        }
    }
    if chars < MIN_ARTICLE_CHARS {
        return Err(ExtractError::TooShort {
            chars,
            min: MIN_ARTICLE_CHARS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod size_cap_tests {
    use super::*;

    #[test]
    fn a_page_over_the_size_cap_is_refused_before_parsing() {
        let html = format!(
            "<html><body>{}</body></html>",
            "<p>x</p>".repeat(MAX_HTML_BYTES / 8 + 1)
        );
        let started = std::time::Instant::now();
        let err = extract_html(&html, None).unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("over the limit"));
        // Refused without parsing: far quicker than an extraction of this size (no timed assertion; the
        // elapsed time is printed for the curious).
        eprintln!("refused in {:?}", started.elapsed());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>Title</title></head><body><div id=main>{body}</div></body></html>"
        )
    }

    const PARA: &str = "<p>The council voted on Tuesday to close the old bridge for repairs, officials said on Wednesday.</p>";

    #[test]
    fn pinned_version_matches_cargo_toml() {
        let toml = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"));
        assert!(
            toml.contains(&format!("dom_smoothie = \"={DOM_SMOOTHIE_VERSION}\"")),
            "Cargo.toml must pin dom_smoothie to ={DOM_SMOOTHIE_VERSION}"
        );
    }

    #[test]
    fn near_empty_pages_are_refused_by_characters() {
        let err = extract_html(&page("<p>Breaking news.</p>"), None).unwrap_err();
        assert!(matches!(err, ExtractError::TooShort { .. }), "{err:?}");
    }

    #[test]
    fn short_chinese_article_is_not_refused() {
        // 60 Chinese characters per paragraph, four paragraphs: 240 characters but only a handful of
        // whitespace-separated "words".
        let zh = "<p>市议会星期二投票决定关闭旧桥进行维修工程，官员表示维修工程预计将持续六个月时间，期间车辆需要绕行附近的新桥通过，市民对此表示理解和支持并希望早日完工。</p>";
        let page = extract_html(&page(&zh.repeat(4)), None).unwrap();
        assert_eq!(page.paragraphs.len(), 4);
    }

    #[test]
    fn paywall_and_consent_pages_are_refused() {
        let paywall = page(&format!(
            "{PARA}<p>Subscribe to continue reading this story and support local journalism today.</p>{PARA}"
        ));
        assert!(matches!(
            extract_html(&paywall, None),
            Err(ExtractError::Paywall(_))
        ));
        let consent = page(concat!(
            "<p>We use cookies to improve your experience on our website and to show you relevant ",
            "advertising. By continuing you agree.</p><p>Before you continue, please review your privacy ",
            "choices and accept or reject the use of cookies by our partners.</p>"
        ));
        assert!(matches!(
            extract_html(&consent, None),
            Err(ExtractError::Consent(_))
        ));
    }

    #[test]
    fn captions_and_counters_are_left_out() {
        let html = page(&format!(
            "{PARA}<figure><img src=x><figcaption>The bridge in 1950. Credit: Archive</figcaption></figure><p>6</p>{PARA}<p>Advertisement</p>{PARA}"
        ));
        let page = extract_html(&html, None).unwrap();
        assert_eq!(page.paragraphs.len(), 3, "{:?}", page.paragraphs);
    }

    #[test]
    fn json_ld_body_filters_teasers_and_metadata_fills_fields() {
        let body_text = "The council voted on Tuesday to close the old bridge for repairs, officials said on Wednesday. ".repeat(6);
        let html = format!(
            r#"<html><head><title>Bridge | Paper</title>
            <link rel="canonical" href="/news/bridge?utm_source=x">
            <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge to close",
            "author":{{"@type":"Person","name":"Jo Bloggs"}},"datePublished":"2026-02-11T10:00:00Z","articleBody":"{body_text}"}}</script>
            </head><body><div id=main>{}<p>Read our other story about potholes on the high street this winter season.</p></div></body></html>"#,
            PARA.repeat(6)
        );
        let page = extract_html(&html, Some("https://example.com/news/bridge#top")).unwrap();
        assert_eq!(page.paragraphs.len(), 6, "{:?}", page.paragraphs);
        assert_eq!(page.headline.as_deref(), Some("Bridge to close"));
        assert_eq!(page.byline.as_deref(), Some("Jo Bloggs"));
        assert_eq!(
            page.canonical_url.as_deref(),
            Some("https://example.com/news/bridge")
        );
        let article = page.to_article().unwrap();
        assert_eq!(article.headline.as_deref(), Some("Bridge to close"));
        assert_eq!(article.published.as_deref(), Some("2026-02-11T10:00:00Z"));
        let text = page.to_json_string();
        assert!(text.starts_with(
            "{\n  \"schema_version\": 1,\n  \"url\": \"https://example.com/news/bridge#top\","
        ));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["extractor"]["name"], "dom_smoothie");
        assert_eq!(json["paragraphs"].as_array().map(Vec::len), Some(6));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn extraction_never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("<p>".to_string()),
                    proptest::prelude::Just("</p>".to_string()),
                    proptest::prelude::Just("<div class=caption>".to_string()),
                    proptest::prelude::Just("<a href=x>".to_string()),
                    proptest::prelude::Just("</div>".to_string()),
                    proptest::prelude::Just("<script type=\"application/ld+json\">{\"@type\":".to_string()),
                    "\\PC{0,40}",
                ],
                0..40,
            )
        ) {
            let html = parts.concat();
            if let Ok(page) = extract_html(&html, Some("https://example.com/a")) {
                let _ = page.to_article();
                proptest::prop_assert!(page.paragraphs.iter().all(|p| !p.is_empty()));
            }
        }
    }

    #[test]
    fn boilerplate_lines() {
        for line in [
            "Image 1 of 5",
            "photo 2/9",
            "3 of 12",
            "Advertisement",
            "Posted: Fri 6:45 PM, Feb 16, 2018",
            "(Image: © NASA)",
            "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "One of five people died.",
            "Updated figures show the fund grew.",
            "12",
        ] {
            assert_eq!(is_boilerplate(line), line == "12", "{line}");
        }
    }

    #[test]
    fn deeply_nested_containers_do_not_overflow_the_stack() {
        // A recursive walk needs a few hundred bytes of stack per level in a debug build, so megabytes here;
        // the test thread has 2 MiB. (Deeper is slow: html5ever's parsing is quadratic in nesting depth.)
        let depth = 10_000;
        let html = format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(
            read_blocks(&Document::from(html.as_str())),
            vec!["Deep text."]
        );
    }

    #[test]
    fn furniture_is_separated_in_the_article() {
        let html = page(&format!(
            "<p>WASHINGTON (AP) — The council voted on Tuesday to close the old bridge, officials said.</p>{PARA}{PARA}<p>This story has been updated with additional information.</p>"
        ));
        let article = extract_html(&html, None).unwrap().to_article().unwrap();
        assert_eq!(article.dateline.as_deref(), Some("WASHINGTON (AP) —"));
        assert_eq!(article.notices.len(), 1);
    }
}
