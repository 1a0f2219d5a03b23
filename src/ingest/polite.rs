//! Fetching many pages politely, for `storydiff watch`: robots.txt is read once per site and respected, and
//! requests to one host are spaced by a delay (the larger of ours and the site's `Crawl-delay`, capped).
//!
//! [`PoliteFetcher::fetch`] takes `&mut self`, so one fetcher makes one request at a time, per host and in
//! all; share it behind a `Mutex` if several threads fetch.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::http::{Expect, FetchError, FetchOutcome, HttpClient, Validators};
use super::robots::{ROBOTS_TOKEN, Robots};
use super::url::parse_http_url;

/// Default pause between two requests to the same host: 1 s (the issue asks for at most 2 s; one request a
/// second is the common courtesy for crawlers that have not agreed on a rate).
pub const DEFAULT_DELAY: Duration = Duration::from_secs(1);

/// Longest `Crawl-delay` honoured: a site asking for more than a minute between requests would make one
/// `watch --once` over a feed take hours; we wait a minute and say so in the documentation.
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// How polite a [`PoliteFetcher`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Politeness {
    /// Pause between two requests to one host (robots.txt included).
    pub delay: Duration,
    /// The robots.txt product token to obey (default [`ROBOTS_TOKEN`]).
    pub robots_token: String,
}

impl Default for Politeness {
    fn default() -> Self {
        Politeness {
            delay: DEFAULT_DELAY,
            robots_token: ROBOTS_TOKEN.to_string(),
        }
    }
}

/// Why a polite fetch did not happen or failed.
#[derive(Debug, thiserror::Error)]
pub enum PoliteError {
    /// The fetch itself failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// robots.txt does not allow this URL for us.
    #[error("{url}: disallowed by robots.txt ({why})")]
    Disallowed {
        /// The URL.
        url: String,
        /// Which rule or condition.
        why: String,
    },
}

#[derive(Debug)]
struct HostState {
    robots: Robots,
    /// Why everything is disallowed, when robots.txt answered with a server error.
    robots_note: Option<String>,
    last_request: Option<Instant>,
}

/// An HTTP client that respects robots.txt and a per-host delay.
///
/// ```no_run
/// use storydiff::ingest::http::{Expect, HttpClient};
/// use storydiff::ingest::polite::{PoliteFetcher, Politeness};
/// let mut fetcher = PoliteFetcher::new(HttpClient::default(), Politeness::default());
/// for url in ["https://example.com/a", "https://example.com/b"] {
///     match fetcher.fetch(url, Expect::Html, None) {
///         Ok(outcome) => println!("{url}: {outcome:?}"),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
#[derive(Debug)]
pub struct PoliteFetcher {
    client: HttpClient,
    politeness: Politeness,
    hosts: BTreeMap<String, HostState>,
}

impl PoliteFetcher {
    /// A fetcher over `client` with `politeness`.
    pub fn new(client: HttpClient, politeness: Politeness) -> PoliteFetcher {
        PoliteFetcher {
            client,
            politeness,
            hosts: BTreeMap::new(),
        }
    }

    /// Fetch `url` as [`HttpClient::fetch`] does, after checking the site's robots.txt (fetched on first
    /// contact with the site and kept) and waiting out the host's delay.
    pub fn fetch(
        &mut self,
        url: &str,
        expect: Expect,
        previous: Option<&Validators>,
    ) -> Result<FetchOutcome, PoliteError> {
        let parsed = parse_http_url(url).map_err(FetchError::from)?;
        let origin = parsed.origin().ascii_serialization();
        if !self.hosts.contains_key(&origin) {
            let state = self.load_robots(&origin)?;
            self.hosts.insert(origin.clone(), state);
        }
        let mut path = parsed.path().to_string();
        if let Some(q) = parsed.query() {
            path.push('?');
            path.push_str(q);
        }
        let delay = self.delay_for(&origin);
        let Some(state) = self.hosts.get_mut(&origin) else {
            return Err(PoliteError::Disallowed {
                url: url.to_string(),
                why: "no robots.txt state".to_string(),
            });
        };
        if !state.robots.is_allowed(&path) {
            let why = state
                .robots_note
                .clone()
                .unwrap_or_else(|| format!("a Disallow rule matches {path}"));
            return Err(PoliteError::Disallowed {
                url: url.to_string(),
                why,
            });
        }
        wait(state.last_request, delay);
        state.last_request = Some(Instant::now());
        Ok(self.client.fetch(parsed.as_str(), expect, previous)?)
    }

    /// The pause for `origin`: our delay, or the site's `Crawl-delay` when longer (capped).
    fn delay_for(&self, origin: &str) -> Duration {
        let asked = self
            .hosts
            .get(origin)
            .and_then(|h| h.robots.crawl_delay())
            .unwrap_or_default()
            .min(MAX_CRAWL_DELAY);
        self.politeness.delay.max(asked)
    }

    /// Fetch and parse `origin`'s robots.txt: a 4xx answer allows everything, a 5xx disallows everything
    /// (RFC 9309 §2.3.1); a network failure is returned, since the page itself would fail the same way.
    fn load_robots(&mut self, origin: &str) -> Result<HostState, PoliteError> {
        let robots_url = format!("{origin}/robots.txt");
        let result = self.client.fetch(&robots_url, Expect::Any, None);
        let now = Some(Instant::now());
        let (robots, robots_note) = match result {
            Ok(FetchOutcome::Fetched(f)) => (
                Robots::parse(
                    &String::from_utf8_lossy(&f.body),
                    &self.politeness.robots_token,
                ),
                None,
            ),
            Ok(FetchOutcome::NotModified { .. }) | Err(FetchError::Client { .. }) => {
                (Robots::allow_all(), None)
            }
            Err(FetchError::Server { status, .. }) => (
                Robots::disallow_all(),
                Some(format!(
                    "robots.txt answered HTTP {status}, so the site is off limits for now"
                )),
            ),
            // A robots.txt that redirects too often or is huge is treated like a missing one.
            Err(FetchError::TooManyRedirects { .. } | FetchError::TooLarge { .. }) => {
                (Robots::allow_all(), None)
            }
            Err(e) => return Err(PoliteError::Fetch(e)),
        };
        Ok(HostState {
            robots,
            robots_note,
            last_request: now,
        })
    }
}

/// Sleep until `delay` has passed since `last`.
fn wait(last: Option<Instant>, delay: Duration) {
    if let Some(last) = last {
        let elapsed = last.elapsed();
        if elapsed < delay {
            std::thread::sleep(delay - elapsed);
        }
    }
}
