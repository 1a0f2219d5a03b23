//! What a news page says about itself, apart from its visible text: the schema.org JSON-LD `NewsArticle` /
//! `Article` block (`headline`, `author`, `datePublished`, `dateModified`, `articleBody`,
//! `isAccessibleForFree`), Open Graph and `article:` meta tags, `<link rel=canonical>` and `<title>`.
//!
//! Publishers write these for search engines and social cards, so they are usually cleaner than what a
//! reader-mode heuristic finds in the page: the headline without the site name, the authors as a list, dates
//! in ISO 8601. The extractor ([`super::html`]) prefers them when they are present.

use dom_query::Document;
use serde_json::Value;

/// Metadata read from a page's `<head>` and JSON-LD. Every field is optional; text is trimmed, with inner
/// whitespace collapsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    /// `<link rel="canonical" href>`, as written (may be relative).
    pub canonical: Option<String>,
    /// `og:url`.
    pub og_url: Option<String>,
    /// JSON-LD `headline`, else `og:title`, else `<title>`.
    pub headline: Option<String>,
    /// JSON-LD `author` names joined with ", ", else `<meta name=author>`.
    pub byline: Option<String>,
    /// JSON-LD `datePublished`, else `article:published_time`.
    pub published: Option<String>,
    /// JSON-LD `dateModified`, else `article:modified_time`.
    pub modified: Option<String>,
    /// JSON-LD `articleBody`, as written (plain text; paragraphs may or may not be separated by newlines).
    pub article_body: Option<String>,
    /// JSON-LD `isAccessibleForFree` is false: the publisher says the page is behind a paywall.
    pub paywalled: bool,
    /// `og:type` (e.g. `article`, `website`).
    pub og_type: Option<String>,
}

/// schema.org types whose JSON-LD block describes the story on the page.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

/// Read the metadata of a parsed page.
///
/// ```
/// use storydiff::ingest::metadata::read_metadata;
/// let doc = dom_query::Document::from(r#"<html><head>
///   <link rel="canonical" href="https://example.com/a">
///   <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
///     "headline":"Dam bursts","author":[{"@type":"Person","name":"A. Writer"}],"datePublished":"2026-02-11"}</script>
/// </head><body></body></html>"#);
/// let m = read_metadata(&doc);
/// assert_eq!(m.headline.as_deref(), Some("Dam bursts"));
/// assert_eq!(m.byline.as_deref(), Some("A. Writer"));
/// assert_eq!(m.canonical.as_deref(), Some("https://example.com/a"));
/// ```
pub fn read_metadata(doc: &Document) -> PageMetadata {
    let mut m = PageMetadata::default();
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let text = script.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        // Some publishers put raw newlines inside JSON strings; JSON forbids them, so replace them first.
        let cleaned = text.replace(['\n', '\r', '\t'], " ");
        // Some put two objects (or stray text) in one script: read values until the first that fails.
        let values = serde_json::Deserializer::from_str(&cleaned)
            .into_iter::<Value>()
            .map_while(Result::ok);
        for value in values {
            let mut articles = Vec::new();
            collect_articles(&value, &mut articles);
            for article in articles {
                merge_json_ld(&mut m, article);
            }
        }
    }
    let meta = |attr: &str, name: &str| -> Option<String> {
        doc.select(&format!(r#"meta[{attr}="{name}"]"#))
            .iter()
            .filter_map(|s| s.attr("content").map(|c| clean(&c)))
            .find(|c| !c.is_empty())
    };
    m.canonical = doc
        .select(r#"link[rel="canonical"]"#)
        .iter()
        .filter_map(|s| s.attr("href").map(|h| h.trim().to_string()))
        .find(|h| !h.is_empty());
    m.og_url = meta("property", "og:url");
    m.og_type = meta("property", "og:type");
    if m.headline.is_none() {
        m.headline = meta("property", "og:title").or_else(|| {
            let title = clean(&doc.select("head title").text());
            (!title.is_empty()).then_some(title)
        });
    }
    if m.byline.is_none() {
        m.byline = meta("name", "author").filter(|a| !a.starts_with("http"));
    }
    if m.published.is_none() {
        m.published = meta("property", "article:published_time");
    }
    if m.modified.is_none() {
        m.modified = meta("property", "article:modified_time");
    }
    m
}

/// Find the JSON-LD objects of an article type, looking into arrays and `@graph`.
fn collect_articles<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_articles(v, out)),
        Value::Object(map) => {
            if is_article_type(map.get("@type")) {
                out.push(value);
            }
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, out);
            }
        }
        _ => {}
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(items)) => items.iter().any(|v| is_article_type(Some(v))),
        _ => false,
    }
}

/// Fill the fields `article` has and `m` does not yet (the first article block on a page wins).
fn merge_json_ld(m: &mut PageMetadata, article: &Value) {
    let text = |key: &str| -> Option<String> {
        match article.get(key) {
            Some(Value::String(s)) => Some(clean(s)).filter(|s| !s.is_empty()),
            _ => None,
        }
    };
    if m.headline.is_none() {
        m.headline = text("headline").or_else(|| text("name"));
    }
    if m.byline.is_none() {
        let mut names = Vec::new();
        if let Some(author) = article.get("author") {
            author_names(author, &mut names);
        }
        names.dedup();
        if !names.is_empty() {
            m.byline = Some(names.join(", "));
        }
    }
    if m.published.is_none() {
        m.published = text("datePublished");
    }
    if m.modified.is_none() {
        m.modified = text("dateModified");
    }
    if m.article_body.is_none()
        && let Some(Value::String(body)) = article.get("articleBody")
    {
        let body = body.trim();
        if !body.is_empty() {
            m.article_body = Some(body.to_string());
        }
    }
    match article.get("isAccessibleForFree") {
        Some(Value::Bool(false)) => m.paywalled = true,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => m.paywalled = true,
        _ => {}
    }
}

/// Author names from a JSON-LD `author`: a string, a Person/Organization object, or an array of them.
fn author_names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            let s = clean(s);
            if !s.is_empty() && !s.starts_with("http") {
                out.push(s);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| author_names(v, out)),
        Value::Object(map) => {
            if let Some(Value::String(name)) = map.get("name") {
                let name = clean(name);
                if !name.is_empty() {
                    out.push(name);
                }
            }
        }
        _ => {}
    }
}

/// Trim and collapse whitespace runs to one space.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMetadata {
        read_metadata(&Document::from(html))
    }

    #[test]
    fn graph_and_type_arrays_are_searched() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Site"},
                {"@type":["NewsArticle"],"headline":"H","author":"Jo Bloggs","dateModified":"2026-01-02",
                 "articleBody":"Body text.","isAccessibleForFree":"False"}]}</script>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("H"));
        assert_eq!(m.byline.as_deref(), Some("Jo Bloggs"));
        assert_eq!(m.modified.as_deref(), Some("2026-01-02"));
        assert_eq!(m.article_body.as_deref(), Some("Body text."));
        assert!(m.paywalled);
    }

    #[test]
    fn open_graph_and_title_fill_in() {
        let m = meta_of(
            r#"<html><head><title>  Page  title </title>
            <meta property="og:type" content="article">
            <meta property="article:published_time" content="2019-11-18T19:09:22+00:00">
            <meta name="author" content="Debbie White"></head></html>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Page title"));
        assert_eq!(m.og_type.as_deref(), Some("article"));
        assert_eq!(m.published.as_deref(), Some("2019-11-18T19:09:22+00:00"));
        assert_eq!(m.byline.as_deref(), Some("Debbie White"));
        assert!(!m.paywalled);
    }

    #[test]
    fn two_objects_in_one_script_are_both_read() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@type":"WebPage"} {"@type":"NewsArticle","headline":"Second"} trailing</script>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Second"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta_of(r#"<script type="application/ld+json">{"@type":"NewsArticle",</script>"#);
        assert_eq!(m, PageMetadata::default());
    }
}
