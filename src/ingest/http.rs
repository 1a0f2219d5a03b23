//! Fetching one URL over HTTP(S): `ureq` with rustls and gzip, connect and total timeouts, a body size cap,
//! redirects followed by hand (a cap, `http(s)` only, the final URL known), conditional requests, and typed
//! errors that each read as one clear line.
//!
//! A conditional request sends the validators of the previous fetch (`ETag` as `If-None-Match`,
//! `Last-Modified` as `If-Modified-Since`); a `304 Not Modified` answer is [`FetchOutcome::NotModified`], not
//! an error, so an unchanged page costs one small response.
//!
//! This module fetches exactly what it is asked for; robots.txt and per-host delays are [`super::polite`]'s.

use std::io::ErrorKind;
use std::time::Duration;

use super::detect::{InputKind, content_type_essence, detect, is_html_content_type};
use super::url::{UrlError, parse_http_url, resolve};

/// The `User-Agent` storydiff sends: the program and its version, so that a site's operator can tell what
/// is fetching (and match it in robots.txt, see [`super::robots::ROBOTS_TOKEN`]).
pub const USER_AGENT: &str = concat!("storydiff/", env!("CARGO_PKG_VERSION"));

/// Default connect timeout: a host that does not accept a TCP connection within 10 s is down for our purposes.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default total timeout for one request, redirects excluded (each hop gets its own): a 10 MB page over a
/// slow link takes well under 30 s.
pub const DEFAULT_TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// Default body cap (after gzip decoding), 10 MiB: the largest news pages we have seen are about 3 MB of
/// HTML; anything bigger is not an article page (and a gzip bomb stops here).
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// Default redirect cap, 5: http→https, www, a trailing slash and a tracking hop are four at most in practice.
pub const DEFAULT_MAX_REDIRECTS: u32 = 5;

/// How a fetch behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Longest wait for a TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// Longest time for one request and its whole body.
    pub total_timeout: Duration,
    /// Largest body accepted, in bytes after decompression.
    pub max_bytes: u64,
    /// Most redirects followed.
    pub max_redirects: u32,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            total_timeout: DEFAULT_TOTAL_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            user_agent: USER_AGENT.to_string(),
        }
    }
}

/// What kind of body the caller can use; anything else is refused before the body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// An HTML page: the `Content-Type` must be `text/html` or `application/xhtml+xml`, or, when the server
    /// sends none or a generic one, the body must look like HTML ([`super::detect`]).
    Html,
    /// Any body (feeds, whose servers label them in a dozen ways; robots.txt).
    Any,
}

/// Cache validators of a fetched page, to be stored with it and sent back next time.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` header, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    /// Whether there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A page that was fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL the body came from, after redirects.
    pub url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, gzip already decoded.
    pub body: Vec<u8>,
    /// Validators for the next conditional request.
    pub validators: Validators,
}

/// The result of a fetch that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome {
    /// A `200`-class answer with its body.
    Fetched(Fetched),
    /// `304 Not Modified`: the page is unchanged since the validators were issued.
    NotModified {
        /// The URL that answered 304, after redirects.
        url: String,
    },
}

/// Why a fetch failed. Each message is one line naming the URL and what went wrong.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL (or a redirect's `Location`) is not a fetchable `http(s)` URL.
    #[error(transparent)]
    Url(#[from] UrlError),
    /// The host name did not resolve.
    #[error("{url}: host not found (DNS lookup failed)")]
    Dns {
        /// The URL.
        url: String,
    },
    /// The host refused or dropped the connection.
    #[error("{url}: connection refused")]
    Refused {
        /// The URL.
        url: String,
    },
    /// A connect or total timeout passed.
    #[error("{url}: timed out ({what})")]
    Timeout {
        /// The URL.
        url: String,
        /// Which timeout.
        what: String,
    },
    /// TLS failed (bad certificate, protocol error).
    #[error("{url}: TLS error: {why}")]
    Tls {
        /// The URL.
        url: String,
        /// The TLS library's reason.
        why: String,
    },
    /// A 4xx answer.
    #[error("{url}: HTTP {status} (client error)")]
    Client {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// A 5xx answer.
    #[error("{url}: HTTP {status} (server error)")]
    Server {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// Any other status that is neither success, redirect nor 304 (1xx, odd 3xx).
    #[error("{url}: unexpected HTTP status {status}")]
    UnexpectedStatus {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// The body is larger than the cap.
    #[error("{url}: response is larger than the {limit}-byte limit")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: u64,
    },
    /// An HTML page was expected and something else came.
    #[error("{url}: not an HTML page (content type {content_type:?})")]
    NotHtml {
        /// The URL.
        url: String,
        /// The `Content-Type` sent, or "none".
        content_type: String,
    },
    /// More redirects than the cap (often a loop).
    #[error("{url}: more than {max} redirects (a redirect loop?)")]
    TooManyRedirects {
        /// The URL first asked for.
        url: String,
        /// The cap.
        max: u32,
    },
    /// A redirect status without a `Location` header.
    #[error("{url}: HTTP {status} redirect without a Location header")]
    RedirectWithoutLocation {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// Any other network or protocol failure.
    #[error("{url}: {why}")]
    Network {
        /// The URL.
        url: String,
        /// What the HTTP library said.
        why: String,
    },
}

/// An HTTP client with storydiff's settings. Cheap to clone; keeps connections alive between requests.
#[derive(Debug, Clone)]
pub struct HttpClient {
    agent: ureq::Agent,
    options: FetchOptions,
}

impl Default for HttpClient {
    fn default() -> Self {
        HttpClient::new(FetchOptions::default())
    }
}

impl HttpClient {
    /// A client with `options`.
    pub fn new(options: FetchOptions) -> HttpClient {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.total_timeout))
            // Redirects are followed by hand (see `fetch`), statuses are mapped to our own errors.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(options.user_agent.as_str())
            .build();
        HttpClient {
            agent: ureq::Agent::new_with_config(config),
            options,
        }
    }

    /// The options this client was made with.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetch `url`, following up to `max_redirects` redirects. With `previous` validators the request is
    /// conditional and an unchanged page is [`FetchOutcome::NotModified`].
    ///
    /// ```no_run
    /// use storydiff::ingest::http::{Expect, FetchOutcome, HttpClient};
    /// let client = HttpClient::default();
    /// match client.fetch("https://example.com/news/story", Expect::Html, None)? {
    ///     FetchOutcome::Fetched(page) => println!("{} bytes from {}", page.body.len(), page.url),
    ///     FetchOutcome::NotModified { .. } => println!("unchanged"),
    /// }
    /// # Ok::<(), storydiff::ingest::http::FetchError>(())
    /// ```
    pub fn fetch(
        &self,
        url: &str,
        expect: Expect,
        previous: Option<&Validators>,
    ) -> Result<FetchOutcome, FetchError> {
        let first = parse_http_url(url)?;
        let mut current = first.clone();
        let mut redirects = 0;
        loop {
            let mut request = self.agent.get(current.as_str());
            if let Some(v) = previous {
                if let Some(etag) = &v.etag {
                    request = request.header("If-None-Match", etag.as_str());
                }
                if let Some(lm) = &v.last_modified {
                    request = request.header("If-Modified-Since", lm.as_str());
                }
            }
            if expect == Expect::Html {
                request =
                    request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
            }
            let here = current.to_string();
            let mut response = request.call().map_err(|e| map_error(&here, e))?;
            let status = response.status().as_u16();
            match status {
                200..=299 => {
                    return self.read_body(here, &mut response, expect);
                }
                304 => return Ok(FetchOutcome::NotModified { url: here }),
                301 | 302 | 303 | 307 | 308 => {
                    let location = header(&response, "location").ok_or(
                        FetchError::RedirectWithoutLocation {
                            url: here.clone(),
                            status,
                        },
                    )?;
                    redirects += 1;
                    if redirects > self.options.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            url: first.to_string(),
                            max: self.options.max_redirects,
                        });
                    }
                    current = resolve(&current, &location)?;
                }
                400..=499 => return Err(FetchError::Client { url: here, status }),
                500..=599 => return Err(FetchError::Server { url: here, status }),
                _ => return Err(FetchError::UnexpectedStatus { url: here, status }),
            }
        }
    }

    /// Check the content type and read the body of a successful answer, within the size cap.
    fn read_body(
        &self,
        url: String,
        response: &mut ureq::http::Response<ureq::Body>,
        expect: Expect,
    ) -> Result<FetchOutcome, FetchError> {
        let limit = self.options.max_bytes;
        let content_type = header(response, "content-type");
        let declared_len =
            header(response, "content-length").and_then(|l| l.trim().parse::<u64>().ok());
        let encoded = header(response, "content-encoding").is_some();
        // An identity-encoded body that announces more than the cap is refused before reading it.
        if !encoded && declared_len.is_some_and(|l| l > limit) {
            return Err(FetchError::TooLarge { url, limit });
        }
        if expect == Expect::Html
            && let Some(ct) = &content_type
            && !is_html_content_type(ct)
            && !is_generic_content_type(ct)
        {
            return Err(FetchError::NotHtml {
                url,
                content_type: ct.clone(),
            });
        }
        let validators = Validators {
            etag: header(response, "etag"),
            last_modified: header(response, "last-modified"),
        };
        let body = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| map_error(&url, e))?;
        if expect == Expect::Html
            && !content_type.as_deref().is_some_and(is_html_content_type)
            && detect(&body) != InputKind::Html
        {
            return Err(FetchError::NotHtml {
                url,
                content_type: content_type.unwrap_or_else(|| "none".to_string()),
            });
        }
        Ok(FetchOutcome::Fetched(Fetched {
            url,
            content_type,
            body,
            validators,
        }))
    }
}

/// Content types that say nothing about the body, for which we look at the body instead.
fn is_generic_content_type(content_type: &str) -> bool {
    matches!(
        content_type_essence(content_type).as_str(),
        "" | "application/octet-stream" | "text/plain"
    )
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Map a `ureq` error to ours.
fn map_error(url: &str, error: ureq::Error) -> FetchError {
    let url = url.to_string();
    match error {
        ureq::Error::HostNotFound => FetchError::Dns { url },
        ureq::Error::ConnectionFailed => FetchError::Refused { url },
        ureq::Error::Timeout(what) => FetchError::Timeout {
            url,
            what: what.to_string(),
        },
        ureq::Error::BodyExceedsLimit(limit) => FetchError::TooLarge { url, limit },
        ureq::Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted => FetchError::Refused { url },
            ErrorKind::TimedOut => FetchError::Timeout {
                url,
                what: "network read".to_string(),
            },
            _ => FetchError::Network {
                url,
                why: e.to_string(),
            },
        },
        ureq::Error::Tls(why) => FetchError::Tls {
            url,
            why: why.to_string(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            why: e.to_string(),
        },
        other => FetchError::Network {
            url,
            why: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agent_names_the_program_and_version() {
        assert_eq!(
            USER_AGENT,
            format!("storydiff/{}", env!("CARGO_PKG_VERSION"))
        );
    }

    #[test]
    fn non_http_urls_are_refused_before_any_request() {
        let client = HttpClient::default();
        let err = client
            .fetch("file:///etc/passwd", Expect::Html, None)
            .unwrap_err();
        assert!(matches!(
            err,
            FetchError::Url(UrlError::UnsupportedScheme { .. })
        ));
    }

    #[test]
    fn library_errors_map_to_typed_one_line_errors() {
        let url = "https://example.com/a";
        let cases = [
            (ureq::Error::HostNotFound, "host not found"),
            (
                ureq::Error::Io(std::io::Error::from(ErrorKind::ConnectionRefused)),
                "connection refused",
            ),
            (ureq::Error::Timeout(ureq::Timeout::Connect), "timed out"),
            (
                ureq::Error::BodyExceedsLimit(10),
                "larger than the 10-byte limit",
            ),
        ];
        for (error, words) in cases {
            let mapped = map_error(url, error).to_string();
            assert!(mapped.starts_with(url), "{mapped}");
            assert!(mapped.contains(words), "{mapped}");
            assert!(!mapped.contains('\n'));
        }
        assert!(matches!(
            map_error(url, ureq::Error::HostNotFound),
            FetchError::Dns { .. }
        ));
    }

    #[test]
    fn generic_content_types_are_sniffed() {
        assert!(is_generic_content_type("application/octet-stream"));
        assert!(!is_generic_content_type("application/pdf"));
    }
}
