//! Fuzz report rendering: two articles from one input (split at the first 0xFF byte) are diffed and rendered
//! in every format. Never a panic; the HTML report never contains a raw `<script` (everything from the input
//! is escaped, and the report itself has no script).
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::article::Article;
use storydiff::diff::{DiffOptions, diff_articles};
use storydiff::report::{Side, Sides, html, json, markdown, text};

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    let (Ok(old), Ok(new)) = (Article::from_text(&a), Article::from_text(&b)) else {
        return;
    };
    let options = DiffOptions {
        time_budget: None,
        ..DiffOptions::default()
    };
    let d = diff_articles(&old, &new, &options);
    // Labels come from the user (file names, refs): fuzz them too.
    let sides = Sides {
        old: Side {
            label: a.chars().take(40).collect(),
            sha256: old.sha256(),
        },
        new: Side {
            label: b.chars().take(40).collect(),
            sha256: new.sha256(),
        },
    };
    let page = html::render(&d, &sides);
    assert!(
        !page.to_ascii_lowercase().contains("<script"),
        "raw <script in the HTML report"
    );
    let _ = text::render(&d, &sides, false);
    let _ = text::render(&d, &sides, true);
    let _ = markdown::render(&d, &sides);
    let out = json::render(&d, &sides);
    serde_json::from_str::<serde_json::Value>(&out).expect("the JSON report is valid JSON");
});
