//! URL sources end to end against a server on 127.0.0.1: `save URL`, conditional requests, `extract`,
//! `reextract`, `watch --feed --once`, and errors that save nothing.

use crate::server::{Server, news_page};
use crate::util::Sandbox;

const P1: &str = "Rescuers searched through the night for survivors after the bridge collapsed on Tuesday, officials said.";
const P2: &str = "“We will not stop until everyone is found,” the fire chief, Maria Ortiz, told reporters at the scene.";
const P3: &str = "At least 12 people were taken to hospital, according to the regional health authority, which gave no further details.";

#[test]
fn a_url_is_saved_with_its_page_then_a_304_is_unchanged() {
    let server = Server::start();
    let sb = Sandbox::new();
    server.html(
        "/2026/05/01/world/bridge-collapse?utm_source=x",
        news_page("Bridge collapses", &[P1, P2, P3]),
    );
    let url = server.url("/2026/05/01/world/bridge-collapse?utm_source=x");
    let (code, out, err) = sb.run(&["save", "--format", "json", &url]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let story = v["story"].as_str().unwrap().to_string();
    assert!(
        story.contains("bridge-collapse") && !story.contains("utm"),
        "{story}"
    );
    assert_eq!(v["headline"], "Bridge collapses");
    let (_, log, _) = sb.run(&["log", &story, "--format", "json"]);
    let log: serde_json::Value = serde_json::from_str(&log).unwrap();
    let first = &log["versions"][0];
    assert!(
        first["extractor"]
            .as_str()
            .unwrap()
            .starts_with("dom_smoothie@"),
        "{first}"
    );
    assert!(first["raw_sha256"].is_string(), "raw page kept");
    // Saved again: the ETag goes back, the server answers 304, the save is `unchanged`.
    let (code, out, _) = sb.run(&["save", "--format", "json", &url]);
    assert_eq!(code, 0);
    assert!(out.contains("\"status\": \"unchanged\""), "{out}");
    assert!(
        server.requests().iter().any(|r| r.ends_with(" 304")),
        "{:?}",
        server.requests()
    );
    // The page changes: a new version, and diff sees the figure.
    server.html(
        "/2026/05/01/world/bridge-collapse?utm_source=x",
        news_page("Bridge collapses", &[P1, P2, &P3.replace("12", "15")]),
    );
    let (code, out, _) = sb.run(&["save", "--format", "json", &url]);
    assert_eq!(code, 0);
    assert!(out.contains("\"version\": 2"), "{out}");
    let (code, out, _) = sb.run(&["diff", &story, "--format", "json"]);
    assert_eq!(code, 1);
    assert!(out.contains("\"old\": \"12\""), "{out}");
    // reextract rebuilds the history from the stored pages.
    let (code, out, err) = sb.run(&["reextract", &story]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("re-extracted 2 of 3 observations"), "{out}");
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn extract_prints_the_article_as_storydiff_sees_it() {
    let server = Server::start();
    server.html("/story", news_page("Bridge collapses", &[P1, P2, P3]));
    let sb = Sandbox::new();
    let (code, out, err) = sb.run(&["extract", "--format", "json", &server.url("/story")]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["headline"], "Bridge collapses");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 3);
    assert!(v["extractor"]["name"].is_string() && v["extractor"]["version"].is_string());
    assert!(!sb.store().exists(), "extract saves nothing");
}

#[test]
fn fetch_errors_exit_2_with_one_line_and_save_nothing() {
    let server = Server::start();
    server.plain("/pdf", 200, "application/pdf", b"%PDF-1.4");
    server.html(
        "/tiny",
        "<html><body><p>Subscribe to read.</p></body></html>",
    );
    let sb = Sandbox::new();
    for (path, expect) in [
        ("/nope", "404"),
        ("/pdf", "not an HTML page"),
        ("/tiny", ""),
    ] {
        let (code, _, err) = sb.run(&["save", &server.url(path)]);
        assert_eq!(code, 2, "{path}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(expect), "{path}: {err}");
    }
    let (code, _, err) = sb.run(&["save", "http://127.0.0.1:9/closed"]);
    assert_eq!(code, 2);
    assert!(err.contains("refused") || err.contains("connect"), "{err}");
    assert!(!sb.store().exists());
}

#[test]
fn watch_once_saves_every_feed_item_and_reports_failures() {
    let server = Server::start();
    server.html("/a", news_page("Story A", &[P1, P2]));
    server.html("/b", news_page("Story B", &[P2, P3]));
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>A</title><link>{}</link></item>\
         <item><title>B</title><link>{}</link></item></channel></rss>",
        server.url("/a"),
        server.url("/b")
    );
    server.plain("/feed.xml", 200, "application/rss+xml", feed);
    let sb = Sandbox::new();
    let (code, out, err) = sb.run(&watch_args(&server, &["--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["items"], 2);
    assert_eq!(v["failed"], 0);
    let (_, list, _) = sb.run(&["list", "--format", "json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&list).unwrap()["stories"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // One item disappears from the site: reported, the other still saved, exit 2.
    server.plain("/b", 500, "text/plain", b"oops");
    let (code, out, _) = sb.run(&watch_args(&server, &[]));
    assert_eq!(code, 2);
    assert!(out.contains("2 items, 1 failed"), "{out}");
    // robots.txt disallowing everything is respected.
    server.plain(
        "/robots.txt",
        200,
        "text/plain",
        b"User-agent: *\nDisallow: /\n",
    );
    let other = Sandbox::new();
    let (code, _, err) = other.run(&watch_args(&server, &[]));
    assert_eq!(code, 2);
    assert!(err.contains("robots.txt"), "{err}");
}

/// `watch --feed <server>/feed.xml --once --delay 0` plus `extra`.
fn watch_args(server: &Server, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "watch",
        "--feed",
        &server.url("/feed.xml"),
        "--once",
        "--delay",
        "0",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}
