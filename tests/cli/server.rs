//! A tiny HTTP server on 127.0.0.1 for end-to-end tests of URL sources: pages the test can change between
//! requests, ETags answered with 304, a request log. Never the internet.

#![allow(dead_code)] // each test module uses a different part of the server

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// A page the server answers with.
#[derive(Clone)]
pub struct Page {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub etag: Option<String>,
}

/// A running server; pages can be replaced while it runs.
pub struct Server {
    pub base: String,
    pages: Arc<Mutex<HashMap<String, Page>>>,
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let pages: Arc<Mutex<HashMap<String, Page>>> = Arc::default();
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let (p, l) = (pages.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (p, l) = (p.clone(), l.clone());
                std::thread::spawn(move || handle(stream, &p, &l));
            }
        });
        Server { base, pages, log }
    }

    /// Serve `body` as HTML at `path`, with an ETag derived from its content.
    pub fn html(&self, path: &str, body: impl Into<Vec<u8>>) {
        let body = body.into();
        let etag = format!("\"{}\"", &storydiff::article::sha256_hex(&body)[..16]);
        self.set(
            path,
            Page {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body,
                etag: Some(etag),
            },
        );
    }

    /// Serve `body` with a status and content type, without an ETag.
    pub fn plain(
        &self,
        path: &str,
        status: u16,
        content_type: &'static str,
        body: impl Into<Vec<u8>>,
    ) {
        self.set(
            path,
            Page {
                status,
                content_type,
                body: body.into(),
                etag: None,
            },
        );
    }

    pub fn set(&self, path: &str, page: Page) {
        self.pages.lock().unwrap().insert(path.to_string(), page);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Request lines seen, e.g. "GET /a 304".
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

fn handle(mut stream: TcpStream, pages: &Mutex<HashMap<String, Page>>, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(v.trim().to_string());
        }
    }
    let page = pages.lock().unwrap().get(&path).cloned();
    let (status, content_type, body, etag) = match page {
        None => (404, "text/plain", b"not found".to_vec(), None),
        Some(p) if p.etag.is_some() && p.etag == if_none_match => {
            (304, p.content_type, Vec::new(), p.etag)
        }
        Some(p) => (p.status, p.content_type, p.body, p.etag),
    };
    log.lock().unwrap().push(format!("GET {path} {status}"));
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(e) = etag {
        head.push_str(&format!("ETag: {e}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// A news page with a headline and paragraphs, the way sites mark them up.
pub fn news_page(headline: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{headline} | Test News</title>\
         <meta property=\"og:title\" content=\"{headline}\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{headline}</h1>{body}</article>\
         <footer>© Test News</footer></body></html>"
    )
}
