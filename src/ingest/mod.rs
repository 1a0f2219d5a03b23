//! Ingestion of real web pages: HTML detection, article extraction, page metadata, URLs, HTTP fetching,
//! feeds and robots.txt. Everything here ends in an [`crate::article::Article`] (through
//! [`html::ExtractedPage::to_article`]) or in bytes for it; nothing here writes to the store.
//!
//! - [`detect`]: is this input HTML or text (by content, not extension)?
//! - [`charset`]: decoding a page by its declared character encoding.
//! - [`html`]: the [`html::Extractor`] trait, the default [`html::NewsExtractor`] and [`html::ExtractedPage`].
//! - [`metadata`]: JSON-LD, Open Graph and canonical-link metadata of a page.
//! - [`url`]: `http(s)` URL checks, canonical URLs, story ids from URLs.
//! - [`http`]: fetching a page with timeouts, caps and conditional requests.
//! - [`robots`]: robots.txt rules.
//! - [`polite`]: a fetcher for many pages that respects robots.txt and a per-host delay.
//! - [`feed`]: item links of RSS and Atom feeds.
//! - [`score`]: the extraction benchmark's scoring (4-word shingles, F1).

pub mod charset;
pub mod detect;
pub mod feed;
pub mod html;
pub mod http;
pub mod metadata;
pub mod nesting;
pub mod polite;
pub mod robots;
pub mod score;
pub mod url;

use crate::article::Article;
use crate::error::InputError;

/// Any failure on the way from an input (bytes, a URL, a feed) to an article; each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The text could not be read as an article.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The page is not an article, or no article was found in it.
    #[error(transparent)]
    Extract(#[from] html::ExtractError),
    /// The URL is not a fetchable `http(s)` URL.
    #[error(transparent)]
    Url(#[from] url::UrlError),
    /// Fetching failed.
    #[error(transparent)]
    Fetch(#[from] http::FetchError),
    /// Fetching was not allowed or failed (polite fetcher).
    #[error(transparent)]
    Polite(#[from] polite::PoliteError),
    /// The feed could not be read.
    #[error(transparent)]
    Feed(#[from] feed::FeedError),
}

/// An input turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    /// The article to save or compare.
    pub article: Article,
    /// For an HTML input, what was extracted from it (URLs, dates, extractor name@version); `None` for text.
    pub page: Option<html::ExtractedPage>,
}

/// Turn input bytes into an article: HTML (detected by content, [`detect::detect`]) is extracted with the
/// default extractor, anything else is read as UTF-8 text with [`Article::from_text`]. `url` is where an HTML
/// page came from, if known (it resolves a relative canonical link).
///
/// HTML is decoded by its declared character encoding ([`charset::decode_html`]); text must be UTF-8.
///
/// ```
/// use storydiff::ingest::ingest_bytes;
/// let text = ingest_bytes(b"# Title\n\nBody.".to_vec(), None).unwrap();
/// assert!(text.page.is_none());
/// let html = format!("<html><body><article>{}</article></body></html>",
///     "<p>The council voted on Tuesday to close the old bridge for repairs, officials said.</p>".repeat(4));
/// let page = ingest_bytes(html.into_bytes(), None).unwrap();
/// assert_eq!(page.article.paragraphs.len(), 4);
/// assert!(page.page.is_some());
/// ```
pub fn ingest_bytes(bytes: Vec<u8>, url: Option<&str>) -> Result<Ingested, IngestError> {
    ingest_with_content_type(bytes, url, None)
}

/// Turn a fetched page into an article, as [`ingest_bytes`] does, using its final URL and its
/// `Content-Type` charset.
pub fn ingest_fetched(fetched: http::Fetched) -> Result<Ingested, IngestError> {
    ingest_with_content_type(
        fetched.body,
        Some(&fetched.url),
        fetched.content_type.as_deref(),
    )
}

fn ingest_with_content_type(
    bytes: Vec<u8>,
    url: Option<&str>,
    content_type: Option<&str>,
) -> Result<Ingested, IngestError> {
    match detect::detect(&bytes) {
        detect::InputKind::Html => {
            let html = charset::decode_html(&bytes, content_type);
            let page = html::extract_html(&html, url)?;
            let article = page.to_article()?;
            Ok(Ingested {
                article,
                page: Some(page),
            })
        }
        detect::InputKind::Text => {
            let text = crate::source::decode_utf8(bytes)?;
            Ok(Ingested {
                article: Article::from_text(&text)?,
                page: None,
            })
        }
    }
}

/// Fetch a feed politely and return its item links, in feed order, duplicates removed.
pub fn feed_links(
    fetcher: &mut polite::PoliteFetcher,
    feed_url: &str,
) -> Result<Vec<String>, IngestError> {
    match fetcher.fetch(feed_url, http::Expect::Any, None)? {
        http::FetchOutcome::Fetched(f) => Ok(feed::parse_feed(&f.body, Some(&f.url))?.links()),
        // Not reachable without validators; an unchanged feed has no new links.
        http::FetchOutcome::NotModified { .. } => Ok(Vec::new()),
    }
}

/// Whether a source names a web page (`http://` or `https://`) rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The scheme of a source written as a URL of a scheme other than `http(s)`: `scheme://…` (a scheme of two
/// or more characters, so a Windows drive `C:\\…` is not one), or `data:`, `javascript:` and `mailto:`,
/// which have no `//`. `None` for `http(s)` URLs and paths.
///
/// ```
/// use storydiff::ingest::other_url_scheme;
/// assert_eq!(other_url_scheme("file:///etc/passwd"), Some("file"));
/// assert_eq!(other_url_scheme("FTP://example.com/a"), Some("FTP"));
/// assert_eq!(other_url_scheme("data:text/html,<p>hi"), Some("data"));
/// assert_eq!(other_url_scheme("https://example.com/a"), None);
/// assert_eq!(other_url_scheme("stories/a.txt"), None);
/// assert_eq!(other_url_scheme("C:\\stories\\a.txt"), None);
/// ```
pub fn other_url_scheme(source: &str) -> Option<&str> {
    if is_url(source) {
        return None;
    }
    let (scheme, rest) = source.split_once(':')?;
    let valid_scheme = scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let opaque = ["data", "javascript", "mailto"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    (valid_scheme && (rest.starts_with("//") || opaque)).then_some(scheme)
}

/// What [`load_source`] read.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// An article, with what is known about where it came from.
    Article(Box<LoadedArticle>),
    /// The server answered `304 Not Modified` to a conditional request: nothing new to read.
    NotModified {
        /// The URL that answered.
        url: String,
    },
}

/// An article read from a file, stdin or a URL.
#[derive(Debug, Clone)]
pub struct LoadedArticle {
    /// The article and, for HTML, the extracted page.
    pub ingested: Ingested,
    /// The raw page bytes, kept for `reextract` (HTML only).
    pub raw: Option<Vec<u8>>,
    /// The URL fetched (after redirects), for URL sources.
    pub url: Option<String>,
    /// Cache validators the server sent, for the next conditional request.
    pub validators: Validators,
}

impl LoadedArticle {
    /// What to record in the store with this article: source, URLs, page dates, raw page, extractor,
    /// validators.
    pub fn save_options(&self, source: &str) -> crate::store::SaveOptions {
        let page = self.ingested.page.as_ref();
        crate::store::SaveOptions {
            captured_at: None,
            source: Some(source.to_string()),
            url: self
                .url
                .clone()
                .or_else(|| page.and_then(|p| p.url.clone())),
            canonical_url: page.and_then(|p| p.canonical_url.clone()),
            modified: page.and_then(|p| p.modified.clone()),
            raw: self.raw.clone(),
            extractor: page.map(|p| p.extractor.to_string()),
            etag: self.validators.etag.clone(),
            last_modified: self.validators.last_modified.clone(),
        }
    }
}

pub use http::Validators;

/// Fetch a page politely (robots.txt, per-host delay) and read it as [`load_source`] reads a URL.
pub fn load_url_politely(
    fetcher: &mut polite::PoliteFetcher,
    url: &str,
    previous: Option<&Validators>,
) -> Result<Loaded, IngestError> {
    loaded_from(fetcher.fetch(url, http::Expect::Html, previous)?)
}

/// The article of a fetch's outcome.
fn loaded_from(outcome: http::FetchOutcome) -> Result<Loaded, IngestError> {
    match outcome {
        http::FetchOutcome::NotModified { url } => Ok(Loaded::NotModified { url }),
        http::FetchOutcome::Fetched(fetched) => {
            let raw = fetched.body.clone();
            let url = fetched.url.clone();
            let validators = fetched.validators.clone();
            let ingested = ingest_fetched(fetched)?;
            Ok(Loaded::Article(Box::new(LoadedArticle {
                raw: ingested.page.is_some().then_some(raw),
                ingested,
                url: Some(url),
                validators,
            })))
        }
    }
}

/// Read a source — a file path, `-` for standard input, or an `http(s)://` URL — into an article. HTML is
/// detected by content and extracted; a URL is fetched with `client`, conditionally when `previous` validators
/// are given.
pub fn load_source(
    source: &str,
    client: &http::HttpClient,
    previous: Option<&Validators>,
) -> Result<Loaded, IngestError> {
    if is_url(source) {
        return loaded_from(client.fetch(source, http::Expect::Html, previous)?);
    }
    let path = std::path::Path::new(source);
    if let Some(scheme) = other_url_scheme(source)
        && !path.exists()
    {
        // `file:///etc/passwd`, `ftp://…`, `data:…`: say that only http(s) is fetched, rather than "no such
        // file" (and never read through another scheme).
        return Err(IngestError::Url(url::UrlError::UnsupportedScheme {
            url: source.to_string(),
            scheme: scheme.to_ascii_lowercase(),
        }));
    }
    let bytes = crate::source::read_bytes(path)?;
    let raw = bytes.clone();
    let ingested = ingest_bytes(bytes, None)?;
    Ok(Loaded::Article(Box::new(LoadedArticle {
        raw: ingested.page.is_some().then_some(raw),
        ingested,
        url: None,
        validators: Validators::default(),
    })))
}
