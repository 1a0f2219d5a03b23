//! Reports rendered from real corpus pairs (snapshots), the JSON contract, HTML safety, a big rewritten
//! article, and a screenshot of the HTML report in headless Chromium when one is installed.

use std::path::{Path, PathBuf};

use storydiff::article::Article;
use storydiff::diff::{ArticleDiff, DiffOptions, ParagraphOp, diff_articles};
use storydiff::report::{Side, Sides, html, json, markdown, text};

fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/versions"
    ))
}

/// Version `n` of a corpus story, with its headline from `meta.json` (the text files have none).
fn version(story: &str, n: usize) -> Article {
    let dir = corpus().join(story);
    let raw = std::fs::read_to_string(dir.join(format!("{n:02}.txt"))).expect("corpus version");
    let mut article = Article::from_text(&raw).expect("article");
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).expect("meta"))
            .expect("json");
    if let Some(title) = meta["versions"][n - 1]["title"].as_str() {
        article.set_headline(title.trim_end_matches(" | CNN"));
    }
    article
}

fn pair(story: &str, n: usize) -> (ArticleDiff, Sides) {
    let old = version(story, n);
    let new = version(story, n + 1);
    let options = DiffOptions {
        time_budget: None,
        ..DiffOptions::default()
    };
    let diff = diff_articles(&old, &new, &options);
    let sides = Sides {
        old: Side {
            label: format!("{story}@{n}"),
            sha256: old.sha256(),
        },
        new: Side {
            label: format!("{story}@{}", n + 1),
            sha256: new.sha256(),
        },
    };
    (diff, sides)
}

/// Pairs whose changes were checked by reading both versions.
const CORRECTION: (&str, usize) = ("cnn-2026-02-19-trump-banner-justice-department-building", 1);
const SPLIT_AND_NOTICE: (&str, usize) = ("cnn-2026-03-08-rihanna-shooting-home-los-angeles", 1);
const FIGURES: (&str, usize) = (
    "cnn-2025-11-02-timeline-us-strikes-caribbean-pacific-vis",
    13,
);

fn snapshot_all(name: &str, (story, n): (&str, usize)) {
    let (diff, sides) = pair(story, n);
    insta::assert_snapshot!(format!("{name}.text"), text::render(&diff, &sides, false));
    insta::assert_snapshot!(format!("{name}.markdown"), markdown::render(&diff, &sides));
    insta::assert_snapshot!(format!("{name}.json"), json::render(&diff, &sides));
}

#[test]
fn snapshot_correction_pair() {
    snapshot_all("correction", CORRECTION);
}

#[test]
fn snapshot_split_and_notice_pair() {
    snapshot_all("split_and_notice", SPLIT_AND_NOTICE);
}

#[test]
fn snapshot_figures_pair() {
    snapshot_all("figures", FIGURES);
}

#[test]
fn correction_discloses_the_edit() {
    let (diff, _) = pair(CORRECTION.0, CORRECTION.1);
    assert!(diff.changed);
    assert!(!diff.silent_edit, "a correction was added");
    assert!(
        diff.numbers
            .iter()
            .any(|n| n.old == "2020" && n.new == "2024")
    );
}

#[test]
fn figures_pair_reports_the_new_death_toll() {
    let (diff, _) = pair(FIGURES.0, FIGURES.1);
    assert!(diff.silent_edit, "no notice was added");
    assert!(
        diff.numbers
            .iter()
            .any(|n| n.old == "177" && n.new == "180")
    );
    assert_eq!(diff.summary.paragraphs.split, 1);
}

#[test]
fn json_contract_lists_every_paragraph_once_in_new_reading_order() {
    let (story, n) = SPLIT_AND_NOTICE;
    let (diff, sides) = pair(story, n);
    let v: serde_json::Value = serde_json::from_str(&json::render(&diff, &sides)).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["old"]["ref"], format!("{story}@{n}"));
    assert_eq!(v["new"]["sha256"].as_str().unwrap().len(), 64);
    for key in [
        "changed",
        "silent_edit",
        "summary",
        "fields",
        "paragraphs",
        "numbers",
        "capped",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for key in [
        "added",
        "removed",
        "modified",
        "moved",
        "split",
        "merged",
        "unchanged",
    ] {
        assert!(
            v["summary"]["paragraphs"][key].is_u64(),
            "missing count {key}"
        );
    }
    let old_len = version(story, n).paragraphs.len();
    let new_len = version(story, n + 1).paragraphs.len();
    let paragraphs = v["paragraphs"].as_array().unwrap();
    let idx = |side: &str| -> Vec<u64> {
        paragraphs
            .iter()
            .flat_map(|p| {
                p[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i.as_u64().unwrap())
            })
            .collect()
    };
    assert_eq!(idx("new"), (0..new_len as u64).collect::<Vec<_>>());
    let mut old = idx("old");
    old.sort_unstable();
    assert_eq!(old, (0..old_len as u64).collect::<Vec<_>>());
    for p in paragraphs {
        for w in p["words"].as_array().unwrap() {
            assert!(["equal", "insert", "delete"].contains(&w["op"].as_str().unwrap()));
        }
    }
}

fn tiny_sides() -> Sides {
    Sides {
        old: Side {
            label: "old <b>.txt".into(),
            sha256: "0".repeat(64),
        },
        new: Side {
            label: "new.txt".into(),
            sha256: "1".repeat(64),
        },
    }
}

#[test]
fn html_escapes_article_text_and_labels() {
    let old = Article::from_text(
        "# Quiet day\n\nNothing happened at the town hall today, officials said.",
    )
    .unwrap();
    let new = Article::from_text(
        "# Quiet <img src=x onerror=alert(1)> day\n\nNothing <script>alert('x')</script> happened at the town hall today, officials said.\n\nA second \"paragraph\" & more.",
    )
    .unwrap();
    let diff = diff_articles(&old, &new, &DiffOptions::default());
    let page = html::render(&diff, &tiny_sides());
    assert!(!page.contains("<script"), "a script tag must stay text");
    assert!(!page.contains("<img"), "an img tag must stay text");
    assert!(!page.contains("<b>"), "labels are escaped too");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("&amp; more"));
    // Self-contained: nothing is fetched.
    for needle in ["http://", "https://", "src=\"", "<link", "@import"] {
        assert!(!page.contains(needle), "page refers to {needle}");
    }
    // Screen-reader text on both sides.
    assert!(page.contains(">Before: </span>") && page.contains(">After: </span>"));
}

#[test]
fn markdown_escapes_article_text() {
    let old = Article::from_text("Plain words here for the test paragraph.").unwrap();
    let new = Article::from_text("Plain *words* here <b>for</b> the test paragraph.").unwrap();
    let diff = diff_articles(&old, &new, &DiffOptions::default());
    let md = markdown::render(&diff, &tiny_sides());
    // The inserted asterisks are shown in bold, escaped: `**\***words**\***`.
    assert!(md.contains("**\\***words**\\***"), "{md}");
    assert!(md.contains("\\<b\\>"));
    assert!(!md.contains("<ins>") && !md.contains("<del>"));
}

#[test]
fn coloured_text_uses_ansi_and_plain_text_does_not() {
    let (diff, sides) = pair(CORRECTION.0, CORRECTION.1);
    assert!(text::render(&diff, &sides, true).contains("\x1b["));
    assert!(!text::render(&diff, &sides, false).contains('\x1b'));
}

#[test]
fn moved_paragraph_links_to_its_old_place_in_html() {
    let (diff, sides) = pair(SPLIT_AND_NOTICE.0, SPLIT_AND_NOTICE.1);
    let moved = diff
        .paragraphs
        .iter()
        .position(|p| p.op == ParagraphOp::Moved)
        .expect("this pair has a moved paragraph");
    let page = html::render(&diff, &sides);
    for id in [format!("sbs-from-{moved}"), format!("inl-from-{moved}")] {
        assert!(page.contains(&format!("id=\"{id}\"")), "marker {id}");
        assert!(page.contains(&format!("href=\"#{id}\"")), "link to {id}");
    }
}

/// A 2 MB article entirely rewritten: must finish, and say that work was capped.
#[test]
fn two_megabyte_rewrite_finishes_and_reports_the_cap() {
    let make = |seed: u64| -> Article {
        let mut x = seed;
        let mut paragraphs = Vec::new();
        let mut size = 0;
        while size < 2_000_000 {
            let mut p = String::new();
            for _ in 0..60 {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                p.push_str(&format!("w{} ", (x >> 33) % 5000));
            }
            size += p.len();
            paragraphs.push(p.trim_end().to_string());
        }
        Article {
            paragraphs,
            ..Article::default()
        }
    };
    let old = make(1);
    let new = make(2);
    let diff = diff_articles(&old, &new, &DiffOptions::default());
    assert!(diff.changed);
    assert!(
        diff.capped,
        "a rewrite this large must hit a cap: {:?}",
        diff.notes
    );
    println!(
        "2 MB rewrite: {} entries, notes: {:?}",
        diff.paragraphs.len(),
        diff.notes
    );
    let total: usize = diff.paragraphs.iter().map(|p| p.new.len()).sum();
    assert_eq!(total, new.paragraphs.len());
}

/// Render a real pair as HTML and screenshot it with headless Chromium, when one is installed.
#[test]
fn html_report_screenshot_in_headless_chromium() {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(Path::new)
        .find(|p| p.exists());
    let Some(chromium) = chromium else {
        println!(
            "SKIPPED html_report_screenshot_in_headless_chromium: no /usr/bin/chromium (install Debian's `chromium` to run it)"
        );
        return;
    };
    let (diff, sides) = pair(SPLIT_AND_NOTICE.0, SPLIT_AND_NOTICE.1);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, html::render(&diff, &sides)).unwrap();
    // STORYDIFF_SCREENSHOT=path.png keeps the screenshot (and the page, as path.html) for a look.
    let png = std::env::var_os("STORYDIFF_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("report.png"));
    if std::env::var_os("STORYDIFF_SCREENSHOT").is_some() {
        std::fs::copy(&page, png.with_extension("html")).unwrap();
    }
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,2000")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    assert!(
        bytes.len() > 20_000,
        "screenshot suspiciously small ({} bytes): blank page?",
        bytes.len()
    );
    println!("screenshot: {}", png.display());
}
