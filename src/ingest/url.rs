//! Page URLs: checking that a URL is one storydiff may fetch (`http` or `https`), putting it in canonical
//! form, and deriving the default story id from it.
//!
//! The canonical form is what makes "the same story saved twice lands in one history" true: a link shared
//! with `?utm_source=twitter#comments` and the plain link give one canonical URL, hence one story id.

use crate::story_id::{MAX_STORY_ID_LEN, StoryId};

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// The text does not parse as an absolute URL.
    #[error("invalid URL {url:?}: {why}")]
    Invalid {
        /// The URL as given.
        url: String,
        /// The parser's reason.
        why: String,
    },
    /// A scheme other than `http` or `https` (`file:`, `ftp:`, `javascript:` …).
    #[error("unsupported URL scheme {scheme:?} in {url:?}: only http and https are fetched")]
    UnsupportedScheme {
        /// The URL as given.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// An `http(s)` URL without a host.
    #[error("URL {0:?} has no host")]
    NoHost(String),
}

/// Query parameters that only say where a click came from, never which page it is. Matched
/// case-insensitively; names starting with `utm_` are tracking parameters too. The list is the union of the
/// parameters the big platforms document (Google Analytics `utm_*`, `gclid`, `dclid`; Facebook `fbclid`;
/// Microsoft `msclkid`; Mailchimp `mc_cid`/`mc_eid`; HubSpot `_hsenc`/`_hsmi`; Instagram `igshid`; Yandex
/// `yclid`; Twitter `s`/`t` are left alone because news sites use them for real content).
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gclsrc",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "_hsenc",
    "_hsmi",
    "igshid",
    "yclid",
    "twclid",
    "ttclid",
    "li_fat_id",
    "wt.mc_id",
    "cmpid",
    "ocid",
    "ref_src",
    "ref_url",
    "smid",
    "smtyp",
    "mkt_tok",
    "_ga",
    "_gl",
    "oly_enc_id",
    "oly_anon_id",
    "vero_id",
    "rb_clickid",
    "s_cid",
    "ncid",
    "ito",
    "cid_source",
];

/// Whether the query parameter `name` only tracks where a click came from.
///
/// ```
/// use storydiff::ingest::url::is_tracking_param;
/// assert!(is_tracking_param("utm_source"));
/// assert!(is_tracking_param("FBCLID"));
/// assert!(!is_tracking_param("id"));
/// ```
pub fn is_tracking_param(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("utm_") || TRACKING_PARAMS.contains(&lower.as_str())
}

/// Parse `text` as an absolute `http(s)` URL.
///
/// ```
/// use storydiff::ingest::url::parse_http_url;
/// assert!(parse_http_url("https://example.com/a").is_ok());
/// assert!(parse_http_url("file:///etc/passwd").is_err());
/// ```
pub fn parse_http_url(text: &str) -> Result<url::Url, UrlError> {
    let parsed = url::Url::parse(text.trim()).map_err(|e| UrlError::Invalid {
        url: text.to_string(),
        why: e.to_string(),
    })?;
    check_http(parsed, text)
}

/// Resolve `reference` (absolute or relative, e.g. a `Location` header or an `href`) against `base`, refusing
/// anything that is not `http(s)`.
///
/// ```
/// use storydiff::ingest::url::{parse_http_url, resolve};
/// let base = parse_http_url("https://example.com/news/a").unwrap();
/// assert_eq!(resolve(&base, "/b?x=1").unwrap().as_str(), "https://example.com/b?x=1");
/// ```
pub fn resolve(base: &url::Url, reference: &str) -> Result<url::Url, UrlError> {
    let joined = base.join(reference.trim()).map_err(|e| UrlError::Invalid {
        url: reference.to_string(),
        why: e.to_string(),
    })?;
    check_http(joined, reference)
}

fn check_http(parsed: url::Url, original: &str) -> Result<url::Url, UrlError> {
    match parsed.scheme() {
        "http" | "https" => {}
        other => {
            return Err(UrlError::UnsupportedScheme {
                url: original.to_string(),
                scheme: other.to_string(),
            });
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(UrlError::NoHost(original.to_string()));
    }
    Ok(parsed)
}

/// The canonical form of a page URL: scheme and host lower-cased (the URL parser does that, and drops a
/// default port), the fragment dropped, tracking parameters ([`is_tracking_param`]) removed from the query (the
/// order of the others kept: some sites give it meaning), an empty query dropped, and user name and password
/// removed.
///
/// ```
/// use storydiff::ingest::url::canonical_url;
/// assert_eq!(
///     canonical_url("HTTPS://Example.COM:443/world/story.html?utm_source=x&id=7&fbclid=y#top").unwrap(),
///     "https://example.com/world/story.html?id=7"
/// );
/// ```
pub fn canonical_url(text: &str) -> Result<String, UrlError> {
    let mut parsed = parse_http_url(text)?;
    parsed.set_fragment(None);
    // Setting credentials only fails for URLs that cannot have them, which http(s) URLs always can.
    let _ = parsed.set_username("");
    let _ = parsed.set_password(None);
    if parsed.query().is_some() {
        let kept: Vec<(String, String)> = parsed
            .query_pairs()
            .filter(|(name, _)| !is_tracking_param(name))
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            parsed.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Ok(parsed.to_string())
}

/// Last path segments that name a directory's default page and add nothing to a story's identity.
const INDEX_PAGES: &[&str] = &["index.html", "index.htm", "index.php", "index.shtml"];

/// Length of the hash suffix appended when a URL slug must be shortened to fit a story id (12 hex digits =
/// 48 bits: collisions between two stories of one store are out of reach).
const SLUG_HASH_HEX: usize = 12;

/// The default story id of a page: a slug of its canonical URL's host (without `www.`), path (without a
/// trailing `index.html`) and remaining query. A slug that would be longer than a story id may be keeps its
/// start and ends with a hash of the whole canonical URL, so two long URLs that share a prefix stay apart.
///
/// ```
/// use storydiff::ingest::url::story_id_for_url;
/// let a = story_id_for_url("https://www.cnn.com/2026/02/11/politics/jobs-report/index.html?utm_source=x").unwrap();
/// let b = story_id_for_url("https://cnn.com/2026/02/11/politics/jobs-report/index.html#comments").unwrap();
/// assert_eq!(a.as_str(), "cnn.com-2026-02-11-politics-jobs-report");
/// assert_eq!(a, b);
/// ```
pub fn story_id_for_url(text: &str) -> Result<StoryId, UrlError> {
    let canonical = canonical_url(text)?;
    let parsed = parse_http_url(&canonical)?;
    let host = parsed.host_str().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let mut path = parsed.path().trim_end_matches('/');
    for index in INDEX_PAGES {
        if let Some(stripped) = path.strip_suffix(index) {
            path = stripped.trim_end_matches('/');
            break;
        }
    }
    let mut raw = format!("{host}{path}");
    if let Some(q) = parsed.query() {
        raw.push('-');
        raw.push_str(q);
    }
    let full = StoryId::slug(&raw).ok_or_else(|| UrlError::NoHost(text.to_string()))?;
    // `StoryId::slug` cuts at the maximum length, so a slug shorter than that was not cut. One of exactly the
    // maximum may or may not have been: it gets the hash too, which is deterministic either way.
    if full.as_str().len() < MAX_STORY_ID_LEN {
        return Ok(full);
    }
    let hash = crate::article::sha256_hex(canonical.as_bytes());
    let hash = hash.get(..SLUG_HASH_HEX).unwrap_or(&hash);
    let keep = MAX_STORY_ID_LEN - SLUG_HASH_HEX - 1;
    // Slugs are ASCII, so a byte cut is a character cut; `get` keeps it panic-free regardless.
    let prefix = full.as_str().get(..keep).unwrap_or(full.as_str());
    let prefix = prefix.trim_end_matches(['-', '.', '_']);
    StoryId::slug(&format!("{prefix}-{hash}")).ok_or_else(|| UrlError::NoHost(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tracking_parameters_and_fragment_are_dropped() {
        assert_eq!(
            canonical_url(
                "https://www.bbc.co.uk/news/world-123?at_medium=RSS&utm_campaign=x#share"
            )
            .unwrap(),
            "https://www.bbc.co.uk/news/world-123?at_medium=RSS"
        );
        assert_eq!(
            canonical_url("https://example.com/a?gclid=1&UTM_Medium=2").unwrap(),
            "https://example.com/a"
        );
    }

    #[test]
    fn credentials_are_removed() {
        assert_eq!(
            canonical_url("https://user:pw@example.com/a").unwrap(),
            "https://example.com/a"
        );
    }

    #[test]
    fn non_http_schemes_are_refused() {
        for bad in [
            "file:///etc/passwd",
            "ftp://example.com/a",
            "javascript:alert(1)",
            "data:text/html,hi",
        ] {
            assert!(
                matches!(parse_http_url(bad), Err(UrlError::UnsupportedScheme { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_http_url("not a url"),
            Err(UrlError::Invalid { .. })
        ));
    }

    #[test]
    fn relative_references_resolve_but_not_to_other_schemes() {
        let base = parse_http_url("https://example.com/news/a.html").unwrap();
        assert_eq!(
            resolve(&base, "b.html").unwrap().as_str(),
            "https://example.com/news/b.html"
        );
        assert!(resolve(&base, "mailto:x@example.com").is_err());
    }

    #[test]
    fn query_that_identifies_the_story_stays_in_the_id() {
        let a = story_id_for_url("https://example.com/article.php?id=12").unwrap();
        let b = story_id_for_url("https://example.com/article.php?id=13").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str(), "example.com-article.php-id-12");
    }

    #[test]
    fn long_urls_keep_a_hash_so_they_stay_apart() {
        let long = "x".repeat(300);
        let a = story_id_for_url(&format!("https://example.com/{long}/one")).unwrap();
        let b = story_id_for_url(&format!("https://example.com/{long}/two")).unwrap();
        assert_ne!(a, b);
        assert!(a.as_str().len() <= MAX_STORY_ID_LEN);
    }

    proptest! {
        #[test]
        fn canonical_url_is_idempotent(path in "[a-zA-Z0-9/._-]{0,40}", q in "[a-z_]{1,8}=[a-z0-9]{0,5}") {
            let u = format!("https://Example.com/{path}?{q}&utm_x=1#f");
            if let Ok(c) = canonical_url(&u) {
                prop_assert_eq!(canonical_url(&c).unwrap(), c.clone());
                prop_assert!(story_id_for_url(&c).is_ok());
            }
        }
    }
}
