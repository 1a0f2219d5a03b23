//! Fetching, feeds and robots.txt against a small HTTP server that the tests start on 127.0.0.1 (never the
//! internet). The server answers each connection once and closes it; its routes are in `respond`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use storydiff::ingest::feed::parse_feed;
use storydiff::ingest::html::extract_html;
use storydiff::ingest::http::{
    Expect, FetchError, FetchOptions, FetchOutcome, HttpClient, Validators,
};
use storydiff::ingest::polite::{PoliteError, PoliteFetcher, Politeness};

const CORPUS_PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/extraction/aeb-bd673bd7988144f0.html"
);

/// Requests the server saw: path and when.
type Log = Arc<Mutex<Vec<(String, Instant)>>>;

struct Server {
    base: String,
    log: Log,
}

fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("local addr"));
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let server_log = Arc::clone(&log);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let log = Arc::clone(&server_log);
            thread::spawn(move || handle(stream, &log));
        }
    });
    Server { base, log }
}

fn handle(mut stream: TcpStream, log: &Log) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&request).to_string();
    let path = text.split_whitespace().nth(1).unwrap_or("/").to_string();
    let header = |name: &str| {
        text.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    };
    log.lock().unwrap().push((path.clone(), Instant::now()));
    // Routes ignore the query, as most sites ignore tracking parameters.
    let route = path.split('?').next().unwrap_or("/");
    let (status, headers, body) = respond(route, header("if-none-match"), header("user-agent"));
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    let mut has_length = false;
    for (k, v) in &headers {
        has_length |=
            k.eq_ignore_ascii_case("content-length") || k.eq_ignore_ascii_case("transfer-encoding");
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !has_length {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

type Response = (&'static str, Vec<(&'static str, String)>, Vec<u8>);

fn html(body: Vec<u8>) -> Response {
    (
        "200 OK",
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        body,
    )
}

fn respond(path: &str, if_none_match: Option<String>, user_agent: Option<String>) -> Response {
    let page = || std::fs::read(CORPUS_PAGE).expect("corpus page");
    match path {
        "/robots.txt" => (
            "200 OK",
            vec![("Content-Type", "text/plain".into())],
            b"User-agent: *\nDisallow: /private\n".to_vec(),
        ),
        "/page.html" => {
            if if_none_match.as_deref() == Some("\"v1\"") {
                ("304 Not Modified", vec![("ETag", "\"v1\"".into())], Vec::new())
            } else {
                let (s, mut h, b) = html(page());
                h.push(("ETag", "\"v1\"".into()));
                h.push(("Last-Modified", "Mon, 18 Nov 2019 19:09:22 GMT".into()));
                (s, h, b)
            }
        }
        "/ua" => html(format!("<p>{}</p>", user_agent.unwrap_or_default()).into_bytes()),
        "/gzip.html" => {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(&page()).expect("gzip");
            let (s, mut h, _) = html(Vec::new());
            h.push(("Content-Encoding", "gzip".into()));
            (s, h, enc.finish().expect("gzip"))
        }
        "/moved" => ("301 Moved Permanently", vec![("Location", "/page.html".into())], Vec::new()),
        "/loop" => ("302 Found", vec![("Location", "/loop".into())], Vec::new()),
        "/to-file" => ("302 Found", vec![("Location", "file:///etc/passwd".into())], Vec::new()),
        "/big" => html(vec![b'a'; 5000]),
        "/big-unannounced" => {
            // Chunked, so no length up front: the cap must hold while reading.
            let (s, mut h, _) = html(Vec::new());
            h.push(("Transfer-Encoding", "chunked".into()));
            let mut body = Vec::new();
            for _ in 0..10 {
                body.extend_from_slice(b"3e8\r\n");
                body.extend_from_slice(&[b'a'; 1000]);
                body.extend_from_slice(b"\r\n");
            }
            body.extend_from_slice(b"0\r\n\r\n");
            (s, h, body)
        }
        "/missing" => ("404 Not Found", vec![], b"nope".to_vec()),
        "/broken" => ("500 Internal Server Error", vec![], b"oops".to_vec()),
        "/report.pdf" => ("200 OK", vec![("Content-Type", "application/pdf".into())], b"%PDF-1.4".to_vec()),
        "/untyped" => ("200 OK", vec![], b"just some text, not a page".to_vec()),
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            html(b"<p>late</p>".to_vec())
        }
        "/feed.rss" => (
            "200 OK",
            vec![("Content-Type", "application/rss+xml".into())],
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
              <item><title>One</title><link>/page.html?utm_source=rss</link></item>\
              <item><title>Two</title><link>/private/secret.html</link></item></channel></rss>"
                .to_vec(),
        ),
        "/feed.atom" => (
            "200 OK",
            vec![("Content-Type", "application/atom+xml".into())],
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\
              <entry><title>One</title><link rel=\"alternate\" href=\"/page.html\"/></entry></feed>"
                .to_vec(),
        ),
        _ => ("404 Not Found", vec![], Vec::new()),
    }
}

fn client() -> HttpClient {
    HttpClient::new(FetchOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    })
}

fn fetched(outcome: FetchOutcome) -> storydiff::ingest::http::Fetched {
    match outcome {
        FetchOutcome::Fetched(f) => f,
        FetchOutcome::NotModified { url } => panic!("unexpected 304 for {url}"),
    }
}

#[test]
fn corpus_page_is_fetched_extracted_and_then_not_modified() {
    let s = start();
    let url = format!("{}/page.html", s.base);
    let page = fetched(client().fetch(&url, Expect::Html, None).unwrap());
    assert_eq!(page.validators.etag.as_deref(), Some("\"v1\""));
    assert!(page.validators.last_modified.is_some());
    let html = String::from_utf8(page.body).unwrap();
    let extracted = extract_html(&html, Some(&page.url)).unwrap();
    assert!(extracted.paragraphs.iter().any(|p| p.contains("feather")));
    let again = client()
        .fetch(&url, Expect::Html, Some(&page.validators))
        .unwrap();
    assert_eq!(again, FetchOutcome::NotModified { url });
    // A different validator gets the full page again.
    let other = Validators {
        etag: Some("\"v0\"".into()),
        last_modified: None,
    };
    assert!(matches!(
        client().fetch(&format!("{}/page.html", s.base), Expect::Html, Some(&other)),
        Ok(FetchOutcome::Fetched(_))
    ));
}

#[test]
fn user_agent_is_sent() {
    let s = start();
    let page = fetched(
        client()
            .fetch(&format!("{}/ua", s.base), Expect::Html, None)
            .unwrap(),
    );
    let body = String::from_utf8(page.body).unwrap();
    assert!(
        body.contains(&format!("storydiff/{}", env!("CARGO_PKG_VERSION"))),
        "{body}"
    );
}

#[test]
fn gzip_is_decoded() {
    let s = start();
    let page = fetched(
        client()
            .fetch(&format!("{}/gzip.html", s.base), Expect::Html, None)
            .unwrap(),
    );
    assert_eq!(page.body, std::fs::read(CORPUS_PAGE).unwrap());
}

#[test]
fn redirects_are_followed_loops_capped_and_other_schemes_refused() {
    let s = start();
    let page = fetched(
        client()
            .fetch(&format!("{}/moved", s.base), Expect::Html, None)
            .unwrap(),
    );
    assert_eq!(page.url, format!("{}/page.html", s.base));
    let err = client()
        .fetch(&format!("{}/loop", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(
        matches!(err, FetchError::TooManyRedirects { max: 5, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("redirect"));
    let err = client()
        .fetch(&format!("{}/to-file", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(matches!(err, FetchError::Url(_)), "{err}");
}

#[test]
fn oversize_bodies_are_refused() {
    let s = start();
    let small = HttpClient::new(FetchOptions {
        max_bytes: 1000,
        ..FetchOptions::default()
    });
    for path in ["/big", "/big-unannounced"] {
        let err = small
            .fetch(&format!("{}{path}", s.base), Expect::Html, None)
            .unwrap_err();
        assert!(
            matches!(err, FetchError::TooLarge { limit: 1000, .. }),
            "{path}: {err}"
        );
    }
}

#[test]
fn status_and_content_type_errors_are_typed_one_liners() {
    let s = start();
    let c = client();
    let err = c
        .fetch(&format!("{}/missing", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(
        matches!(err, FetchError::Client { status: 404, .. }),
        "{err}"
    );
    let err = c
        .fetch(&format!("{}/broken", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(
        matches!(err, FetchError::Server { status: 500, .. }),
        "{err}"
    );
    let err = c
        .fetch(&format!("{}/report.pdf", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(matches!(err, FetchError::NotHtml { .. }), "{err}");
    let err = c
        .fetch(&format!("{}/untyped", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(matches!(err, FetchError::NotHtml { .. }), "{err}");
    {
        let e = err;
        assert!(!e.to_string().contains('\n'));
    }
}

#[test]
fn timeouts_and_refused_connections() {
    let s = start();
    let impatient = HttpClient::new(FetchOptions {
        total_timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    });
    let err = impatient
        .fetch(&format!("{}/slow", s.base), Expect::Html, None)
        .unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    // A port that was just free: nothing listens there any more.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = client()
        .fetch(&format!("http://127.0.0.1:{port}/"), Expect::Html, None)
        .unwrap_err();
    assert!(matches!(err, FetchError::Refused { .. }), "{err}");
}

#[test]
fn rss_and_atom_feeds_give_item_links() {
    let s = start();
    let rss = fetched(
        client()
            .fetch(&format!("{}/feed.rss", s.base), Expect::Any, None)
            .unwrap(),
    );
    let feed = parse_feed(&rss.body, Some(&rss.url)).unwrap();
    assert_eq!(
        feed.links(),
        vec![
            format!("{}/page.html?utm_source=rss", s.base),
            format!("{}/private/secret.html", s.base)
        ]
    );
    let atom = fetched(
        client()
            .fetch(&format!("{}/feed.atom", s.base), Expect::Any, None)
            .unwrap(),
    );
    let feed = parse_feed(&atom.body, Some(&atom.url)).unwrap();
    assert_eq!(feed.links(), vec![format!("{}/page.html", s.base)]);
}

#[test]
fn polite_fetcher_respects_robots_and_spaces_requests() {
    let s = start();
    let delay = Duration::from_millis(300);
    let mut fetcher = PoliteFetcher::new(
        client(),
        Politeness {
            delay,
            ..Politeness::default()
        },
    );
    let err = fetcher
        .fetch(
            &format!("{}/private/secret.html", s.base),
            Expect::Html,
            None,
        )
        .unwrap_err();
    assert!(matches!(err, PoliteError::Disallowed { .. }), "{err}");
    for _ in 0..2 {
        assert!(
            fetcher
                .fetch(&format!("{}/page.html", s.base), Expect::Html, None)
                .is_ok()
        );
    }
    let log = s.log.lock().unwrap().clone();
    let paths: Vec<&str> = log.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, vec!["/robots.txt", "/page.html", "/page.html"]);
    for pair in log.windows(2) {
        let gap = pair[1].1.duration_since(pair[0].1);
        // The server stamps arrival; allow a little scheduling slack below the delay.
        assert!(
            gap + Duration::from_millis(20) >= delay,
            "requests {gap:?} apart"
        );
    }
}

#[test]
fn watch_flow_feed_links_to_articles_with_stable_story_ids() {
    let s = start();
    let mut fetcher = PoliteFetcher::new(
        client(),
        Politeness {
            delay: Duration::from_millis(50),
            ..Politeness::default()
        },
    );
    let links =
        storydiff::ingest::feed_links(&mut fetcher, &format!("{}/feed.rss", s.base)).unwrap();
    assert_eq!(links.len(), 2);
    // The feed's tracking parameter does not change the story id.
    let id = storydiff::ingest::url::story_id_for_url(&links[0]).unwrap();
    let plain = storydiff::ingest::url::story_id_for_url(&format!("{}/page.html", s.base)).unwrap();
    assert_eq!(id, plain);
    let page = fetched(fetcher.fetch(&links[0], Expect::Html, None).unwrap());
    let ingested = storydiff::ingest::ingest_fetched(page).unwrap();
    let extracted = ingested.page.expect("an HTML page");
    assert_eq!(extracted.extractor.name, "dom_smoothie");
    assert!(!ingested.article.paragraphs.is_empty());
    assert!(ingested.article.headline.is_some());
    let err = fetcher.fetch(&links[1], Expect::Html, None).unwrap_err();
    assert!(matches!(err, PoliteError::Disallowed { .. }), "{err}");
}
