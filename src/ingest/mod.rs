//! Ingestion of real web pages: HTML detection, article extraction, page metadata, URLs, HTTP fetching,
//! feeds and robots.txt. Everything here ends in an [`crate::article::Article`] (through
//! [`html::ExtractedPage::to_article`]) or in bytes for it; nothing here writes to the store.
//!
//! - [`detect`]: is this input HTML or text (by content, not extension)?
//! - [`html`]: the [`html::Extractor`] trait, the default [`html::NewsExtractor`] and [`html::ExtractedPage`].
//! - [`metadata`]: JSON-LD, Open Graph and canonical-link metadata of a page.
//! - [`url`]: `http(s)` URL checks, canonical URLs, story ids from URLs.
//! - [`http`]: fetching a page with timeouts, caps and conditional requests.
//! - [`robots`]: robots.txt rules.
//! - [`polite`]: a fetcher for many pages that respects robots.txt and a per-host delay.
//! - [`feed`]: item links of RSS and Atom feeds.
//! - [`score`]: the extraction benchmark's scoring (4-word shingles, F1).

pub mod detect;
pub mod feed;
pub mod html;
pub mod http;
pub mod metadata;
pub mod polite;
pub mod robots;
pub mod score;
pub mod url;
