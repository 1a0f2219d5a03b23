//! RSS and Atom feeds: the links of their items, for `storydiff watch --feed URL`.
//!
//! Only what `watch` needs is read: each item's (or entry's) link, title, and id/guid. RSS 0.9x/2.0
//! (`<item><link>`, or a permalink `<guid>` when there is no link), RSS 1.0/RDF (`<item rdf:about>` and
//! `<link>`) and Atom (`<entry><link rel="alternate" href>`, the first `<link>` without `rel` otherwise) are
//! recognised by element names, namespaces ignored. A pull parser (`quick-xml`) keeps this small: the
//! full-featured feed crates bring date parsers, MIME and UUID crates we would not use.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::url::{parse_http_url, resolve};

/// The flavour of a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// RSS 0.9x, 1.0 (RDF) or 2.0.
    Rss,
    /// Atom 1.0.
    Atom,
}

/// One item of a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's page, absolute (resolved against the feed's URL when relative).
    pub link: String,
    /// The item's title, if any.
    pub title: Option<String>,
}

/// A parsed feed: its kind and its items in document order, those without a usable `http(s)` link left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// RSS or Atom.
    pub kind: FeedKind,
    /// The feed's own title, if any.
    pub title: Option<String>,
    /// The items.
    pub items: Vec<FeedItem>,
}

impl Feed {
    /// The item links, in document order, duplicates removed (the first stays).
    pub fn links(&self) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        self.items
            .iter()
            .filter(|i| seen.insert(i.link.clone()))
            .map(|i| i.link.clone())
            .collect()
    }
}

/// Why a feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The XML is malformed.
    #[error("feed is not well-formed XML: {0}")]
    Xml(String),
    /// Well-formed, but neither RSS nor Atom.
    #[error("not an RSS or Atom feed (root element <{0}>)")]
    NotAFeed(String),
}

/// Parse an RSS or Atom feed. `base` is the feed's URL, used to resolve relative item links.
///
/// ```
/// use storydiff::ingest::feed::{parse_feed, FeedKind};
/// let xml = br#"<rss version="2.0"><channel><title>News</title>
///   <item><title>One</title><link>https://example.com/1</link></item>
///   <item><title>Two</title><link>/2</link></item></channel></rss>"#;
/// let feed = parse_feed(xml, Some("https://example.com/feed.xml")).unwrap();
/// assert_eq!(feed.kind, FeedKind::Rss);
/// assert_eq!(feed.links(), vec!["https://example.com/1", "https://example.com/2"]);
/// ```
pub fn parse_feed(bytes: &[u8], base: Option<&str>) -> Result<Feed, FeedError> {
    let base = base.and_then(|b| parse_http_url(b).ok());
    let mut reader = Reader::from_reader(bytes);
    // No trimming: it would also trim around entity references ("A &amp; B" → "A&B"); text is collapsed at the end.
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut kind: Option<FeedKind> = None;
    let mut feed_title: Option<String> = None;
    // State of the item being read.
    let mut in_item = false;
    let mut item = RawItem::default();
    let mut items = Vec::new();
    // Name of the element whose text is being collected, and the text.
    let mut collecting: Option<String> = None;
    let mut text = String::new();
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| FeedError::Xml(e.to_string()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                let name = local_name(&e);
                if depth == 1 {
                    kind = Some(root_kind(&name)?);
                }
                match name.as_str() {
                    "item" | "entry" => {
                        in_item = true;
                        item = RawItem::default();
                        if let Some(about) = attribute(&e, "rdf:about") {
                            item.about = Some(about);
                        }
                    }
                    "link" if in_item => {
                        if let Some(href) = attribute(&e, "href") {
                            item.offer_atom_link(href, attribute(&e, "rel"));
                        } else {
                            collecting = Some(name);
                            text.clear();
                        }
                    }
                    "title" | "guid" | "id" => {
                        collecting = Some(name);
                        text.clear();
                        item.guid_is_permalink = attribute(&e, "isPermaLink")
                            .is_none_or(|v| !v.eq_ignore_ascii_case("false"));
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = local_name(&e);
                if depth == 0 {
                    kind = Some(root_kind(&name)?);
                }
                if name == "link"
                    && in_item
                    && let Some(href) = attribute(&e, "href")
                {
                    item.offer_atom_link(href, attribute(&e, "rel"));
                }
            }
            Event::Text(t) if collecting.is_some() => {
                text.push_str(&t.decode().map_err(|e| FeedError::Xml(e.to_string()))?);
            }
            Event::CData(t) if collecting.is_some() => {
                text.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) if collecting.is_some() => match r.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                _ => {
                    let name = r.decode().map_err(|e| FeedError::Xml(e.to_string()))?;
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            },
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                if collecting.as_deref() == Some(name.as_str()) {
                    let value = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    collecting = None;
                    if !value.is_empty() {
                        match (name.as_str(), in_item) {
                            ("title", true) => item.title = Some(value),
                            ("title", false) => {
                                feed_title.get_or_insert(value);
                            }
                            ("link", true) => item.link = item.link.take().or(Some(value)),
                            ("guid", true) if item.guid_is_permalink => item.guid = Some(value),
                            ("id", true) => item.guid = Some(value),
                            _ => {}
                        }
                    }
                }
                if in_item && (name == "item" || name == "entry") {
                    in_item = false;
                    if let Some(link) = std::mem::take(&mut item).resolve(base.as_ref()) {
                        items.push(link);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let kind = kind.ok_or_else(|| FeedError::NotAFeed(String::new()))?;
    Ok(Feed {
        kind,
        title: feed_title,
        items,
    })
}

/// What one item said before its link is chosen.
#[derive(Debug, Default)]
struct RawItem {
    link: Option<String>,
    atom_alternate: Option<String>,
    atom_other: Option<String>,
    guid: Option<String>,
    guid_is_permalink: bool,
    about: Option<String>,
    title: Option<String>,
}

impl RawItem {
    /// An Atom `<link href rel>`: `alternate` (or no `rel`) is the page; others (`enclosure`, `related`) are
    /// kept only as a last resort.
    fn offer_atom_link(&mut self, href: String, rel: Option<String>) {
        match rel.as_deref() {
            None | Some("alternate") => {
                self.atom_alternate.get_or_insert(href);
            }
            Some(_) => {
                self.atom_other.get_or_insert(href);
            }
        }
    }

    /// Choose the link: RSS `<link>`, Atom alternate link, RDF `about`, permalink guid or Atom id, other Atom
    /// link; resolved against the feed's URL and kept only when it is `http(s)`.
    fn resolve(self, base: Option<&url::Url>) -> Option<FeedItem> {
        let candidates = [
            self.link,
            self.atom_alternate,
            self.about,
            self.guid,
            self.atom_other,
        ];
        let title = self.title;
        candidates.into_iter().flatten().find_map(|c| {
            let url = match base {
                Some(b) => resolve(b, &c).ok()?,
                None => parse_http_url(&c).ok()?,
            };
            Some(FeedItem {
                link: url.to_string(),
                title: title.clone(),
            })
        })
    }
}

fn local_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).to_string()
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_string()))
        .filter(|v| !v.is_empty())
}

fn root_kind(name: &str) -> Result<FeedKind, FeedError> {
    match name {
        "rss" | "RDF" => Ok(FeedKind::Rss),
        "feed" => Ok(FeedKind::Atom),
        other => Err(FeedError::NotAFeed(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_alternate_links_win_and_relative_links_resolve() {
        let xml = br#"<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title>
          <entry><title>A &amp; B</title><link rel="enclosure" href="https://cdn.example.com/a.mp3"/>
            <link rel="alternate" href="/2026/a"/><id>tag:example.com,2026:a</id></entry>
          <entry><title><![CDATA[C]]></title><link href="https://example.com/c"/></entry>
        </feed>"#;
        let feed = parse_feed(xml, Some("https://example.com/atom.xml")).unwrap();
        assert_eq!(feed.kind, FeedKind::Atom);
        assert_eq!(feed.title.as_deref(), Some("Site"));
        assert_eq!(
            feed.links(),
            vec!["https://example.com/2026/a", "https://example.com/c"]
        );
        assert_eq!(feed.items[0].title.as_deref(), Some("A & B"));
        assert_eq!(feed.items[1].title.as_deref(), Some("C"));
    }

    #[test]
    fn rss_guid_permalink_is_used_without_link_and_duplicates_drop() {
        let xml = br#"<rss version="2.0"><channel>
          <item><guid>https://example.com/g1</guid></item>
          <item><guid isPermaLink="false">123</guid><link>https://example.com/l2</link></item>
          <item><link>https://example.com/l2</link></item>
          <item><link>javascript:alert(1)</link></item>
        </channel></rss>"#;
        let feed = parse_feed(xml, None).unwrap();
        assert_eq!(
            feed.links(),
            vec!["https://example.com/g1", "https://example.com/l2"]
        );
    }

    #[test]
    fn rdf_items_and_errors() {
        let xml = br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
          <item rdf:about="https://example.com/r1"><title>R1</title></item></rdf:RDF>"#;
        assert_eq!(
            parse_feed(xml, None).unwrap().links(),
            vec!["https://example.com/r1"]
        );
        assert!(matches!(
            parse_feed(b"<html><body>hi</body></html>", None),
            Err(FeedError::NotAFeed(_))
        ));
        assert!(matches!(
            parse_feed(b"<rss><channel><item></channel>", None),
            Err(FeedError::Xml(_))
        ));
    }
}
