//! Hostile input never panics, hangs or eats the machine (issue 8): pathological texts through the library,
//! bad files, a full disk and path tricks through the binary, and the inputs the fuzz targets (`fuzz/`) found,
//! kept as regression tests. Every test here runs in seconds; times are printed (`-- --nocapture`), never
//! asserted: a hang or a quadratic blow-up shows as a test suite that suddenly takes minutes.

#[path = "cli/util.rs"]
mod util;

use std::path::Path;
use std::time::Instant;

use storydiff::article::Article;
use storydiff::diff::{ArticleDiff, DiffOptions, PARAGRAPH_BREAK, WordOp, diff_articles};
use storydiff::ingest::html::{ExtractError, extract_html};
use storydiff::ingest::nesting::MAX_NESTING_DEPTH;
use storydiff::normalize::normalize_text;
use storydiff::quotes;
use storydiff::report::{Side, Sides, html, json, markdown, text};
use util::Sandbox;

/// The one line of an error message (a test fails if there is more than one, or a panic).
fn single_line(stderr: &str) -> &str {
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line: {stderr:?}");
    lines[0]
}

/// Diff two texts and render every report, checking what must hold for any input: the old and new sides of
/// the entries (and of their word runs) reassemble the paragraphs; the HTML report has no raw `<script`.
fn diff_and_render(old: &str, new: &str) -> ArticleDiff {
    let (a, b) = (
        Article::from_text(old).expect("old parses"),
        Article::from_text(new).expect("new parses"),
    );
    let d = diff_articles(&a, &b, &DiffOptions::default());
    for p in &d.paragraphs {
        let join = |paras: &[String], idx: &[usize]| {
            (!idx.is_empty()).then(|| {
                idx.iter()
                    .map(|&i| paras[i].as_str())
                    .collect::<Vec<_>>()
                    .join(PARAGRAPH_BREAK)
            })
        };
        assert_eq!(p.old_text, join(&a.paragraphs, &p.old));
        assert_eq!(p.new_text, join(&b.paragraphs, &p.new));
        if !p.words.is_empty() {
            let side = |keep| -> String {
                p.words
                    .iter()
                    .filter(|w| w.op == WordOp::Equal || w.op == keep)
                    .map(|w| w.text.as_str())
                    .collect()
            };
            assert_eq!(Some(side(WordOp::Delete)), p.old_text);
            assert_eq!(Some(side(WordOp::Insert)), p.new_text);
        }
    }
    let sides = Sides {
        old: Side {
            label: "old".into(),
            sha256: a.sha256(),
        },
        new: Side {
            label: "new".into(),
            sha256: b.sha256(),
        },
    };
    let page = html::render(&d, &sides);
    assert!(!page.to_ascii_lowercase().contains("<script"));
    let _ = text::render(&d, &sides, true);
    let _ = markdown::render(&d, &sides);
    let out = json::render(&d, &sides);
    serde_json::from_str::<serde_json::Value>(&out).expect("JSON report parses");
    let same = diff_articles(&a, &a, &DiffOptions::default());
    assert!(!same.differs(), "a version diffed against itself");
    d
}

#[test]
fn fifty_thousand_nested_and_unbalanced_quote_marks() {
    let start = Instant::now();
    let nested = format!(
        "{}the words at the bottom{}",
        "“‘«„".repeat(12_500),
        "’”»“".repeat(12_500)
    );
    let unbalanced = format!("He said {} and left.", "\"".repeat(50_001));
    let openers_only = "“".repeat(50_000);
    let old = format!("{nested}\n\n{unbalanced}\n\n{openers_only}");
    // Straightening the quotes is a typography change; dropping half of them is not.
    let new = format!(
        "{}\n\n{}\n\n{}",
        nested.replace('“', "\""),
        unbalanced.replace("\"\"", "\""),
        openers_only
    );
    let d = diff_and_render(&old, &new);
    assert!(d.differs());
    for text in [&old, &new] {
        let paragraphs = Article::from_text(text).unwrap().paragraphs;
        check_quote_spans(&paragraphs);
    }
    let _ = quotes::diff_paragraphs(
        &Article::from_text(&old).unwrap().paragraphs,
        &Article::from_text(&new).unwrap().paragraphs,
        &|_, _| false,
    );
    eprintln!("took {:?}", start.elapsed());
}

/// Every quotation's span lies on char boundaries of its paragraph and, unless it runs over several
/// paragraphs, covers exactly its text.
fn check_quote_spans(paragraphs: &[String]) -> Vec<quotes::Quote> {
    let found = quotes::extract(paragraphs);
    for q in &found {
        let p = &paragraphs[q.paragraph];
        let [start, end] = q.span;
        assert!(start <= end && end <= p.len(), "{q:?}");
        assert!(
            p.is_char_boundary(start) && p.is_char_boundary(end),
            "{q:?}"
        );
        if !q.flags.iter().any(|f| f == "running") {
            assert_eq!(p[start..end], q.text);
        }
    }
    found
}

#[test]
fn a_megabyte_paragraph_without_spaces() {
    let start = Instant::now();
    let old = "x".repeat(1 << 20);
    let mut new = old.clone();
    new.replace_range(500_000..500_001, "y");
    let d = diff_and_render(&old, &new);
    assert!(d.changed);
    // A typography-only change inside the one long word is refined to characters.
    let curly = format!("{}’{}", &old[..1000], &old[1000..]);
    let straight = format!("{}'{}", &old[..1000], &old[1000..]);
    let d = diff_and_render(&curly, &straight);
    assert!(d.typography_only, "{:?}", d.summary.text);
    eprintln!("took {:?}", start.elapsed());
}

#[test]
fn nul_control_characters_and_bidi_overrides_are_removed() {
    let clean = "Officials said the bridge will close.\n\nRepairs start Monday.";
    let dirty = "Offi\0cials said\x01 the\x07 bridge\x1b[31m will\x7f close.\u{85}\n\n\u{202E}Repairs\u{202C} \
                 start \u{2066}Monday\u{2069}.\u{9f}";
    let normalized = normalize_text(dirty);
    assert_eq!(normalize_text(&normalized), normalized, "idempotent");
    for c in normalized.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control {c:?} left in {normalized:?}"
        );
        assert!(
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            "bidi control {c:?} left"
        );
    }
    // `ESC [31m` loses its ESC only; the rest is text as published.
    let with_escape_text = clean.replace("bridge", "bridge[31m");
    assert_eq!(
        Article::from_text(dirty).unwrap().sha256(),
        Article::from_text(&with_escape_text).unwrap().sha256()
    );
    diff_and_render(clean, dirty);
    // A text of nothing but controls is an empty article, not a crash.
    assert!(Article::from_text("\0\x01\u{202E}\u{2066}\x7f\n\n\x1f").is_err());
}

#[test]
fn emoji_sequences_and_combining_marks_stay_whole() {
    let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦";
    let other_family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    let zalgo = format!("Z{}", "\u{0336}\u{0301}\u{0489}".repeat(300));
    let old = format!(
        "The {family} waved 🇺🇦 and 👍🏽 at the cafe\u{301}.\n\n{zalgo} said nothing.\n\n{}",
        "🏳️\u{200D}🌈".repeat(5_000)
    );
    let new = old.replace(family, other_family).replace("👍🏽", "👍🏿");
    let a = Article::from_text(&old).unwrap();
    assert!(
        a.paragraphs[0].contains("café"),
        "combining accent composed (NFC)"
    );
    // Quotations around emoji, combining marks and a raw RTL override (paragraphs not normalised).
    let tricky = vec![
        format!("“{zalgo},” said Jane Doe. “{family} forever!”"),
        "«\u{202E}txet desrever» he said, “e\u{301}".to_string(),
        format!("„{}“ she said.", "👍🏽".repeat(1000)),
    ];
    assert!(check_quote_spans(&tricky).len() >= 3);
    check_quote_spans(&a.paragraphs);
    let d = diff_and_render(&old, &new);
    assert!(d.changed);
    // Word runs are whole strings; the changed runs keep each emoji sequence intact.
    let inserted: String = d.paragraphs[0]
        .words
        .iter()
        .filter(|w| w.op == WordOp::Insert)
        .map(|w| w.text.as_str())
        .collect();
    assert!(
        inserted.contains('👨') && inserted.contains('🏿'),
        "{inserted:?}"
    );
}

#[test]
fn a_deeply_nested_page_is_refused_quickly() {
    let body =
        "<p>The council voted on Tuesday to close the old bridge for repairs, officials said.</p>"
            .repeat(5);
    let deep = format!(
        "<html><body>{}<article>{body}</article>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let start = Instant::now();
    let err = extract_html(&deep, None).unwrap_err();
    assert_eq!(
        err,
        ExtractError::TooDeep {
            depth: 20_001,
            limit: MAX_NESTING_DEPTH
        }
    );
    eprintln!("refused in {:?}", start.elapsed());
    // At the cap a page is still read (and an ordinary article inside it found).
    let at_cap = format!(
        "<html><body>{}<article>{body}</article>{}</body></html>",
        "<div>".repeat(MAX_NESTING_DEPTH - 1),
        "</div>".repeat(MAX_NESTING_DEPTH - 1)
    );
    let start = Instant::now();
    let page = extract_html(&at_cap, None).expect("a page at the cap is extracted");
    assert_eq!(page.paragraphs.len(), 5);
    eprintln!("took {:?}", start.elapsed());
}

#[test]
fn a_page_of_nested_tables_under_the_cap_is_read_in_seconds() {
    // Tables hide three of every four levels from the count (implied `<tbody>`, `<tr>`, `<td>`): the worst
    // case under the cap is a tree about four times as deep.
    let levels = MAX_NESTING_DEPTH - 1; // and the `<article>`
    let page = format!(
        "<html><body>{}<article>{}</article>{}</body></html>",
        "<table><tr><td>".repeat(levels),
        "<p>The council voted on Tuesday to close the old bridge for repairs, officials said.</p>"
            .repeat(5),
        "</td></tr></table>".repeat(levels)
    );
    let start = Instant::now();
    let result = extract_html(&page, None);
    let took = start.elapsed();
    println!(
        "{levels} nested tables: {took:?}, {:?}",
        result.as_ref().map(|p| p.paragraphs.len())
    );
    assert!(!matches!(result, Err(ExtractError::TooDeep { .. })));
}

#[test]
fn a_deeply_nested_page_is_refused_by_save_with_one_line() {
    let sb = Sandbox::new();
    let page = sb.write(
        "deep.html",
        format!("<!doctype html><html><body>{}", "<div>".repeat(20_000)),
    );
    let start = Instant::now();
    let (code, _, err) = sb.run(&["save", "--story", "deep", page.to_str().unwrap()]);
    assert_eq!(code, 2);
    let line = single_line(&err);
    assert!(
        line.contains("nested 20000 deep") && line.contains(&MAX_NESTING_DEPTH.to_string()),
        "{line}"
    );
    eprintln!("took {:?}", start.elapsed());
}

#[test]
fn invalid_utf8_names_the_byte_and_exits_2() {
    let sb = Sandbox::new();
    let mut bytes = b"# Headline\n\nA caf".to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(b"\xe9 in Latin-1.\n");
    let path = sb.write("latin1.txt", bytes);
    let (code, _, err) = sb.run(&["save", "--story", "s", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    let line = single_line(&err);
    assert!(
        line.contains(&format!("invalid UTF-8 at byte {at}")),
        "{line}"
    );
    // A lone continuation byte, a truncated sequence at the end, an overlong encoding.
    for (bytes, at) in [
        (&b"ok \x80"[..], 3),
        (&b"abc\xe2\x82"[..], 3),
        (&b"\xc0\xafslash"[..], 0),
    ] {
        let path = sb.write("bad.txt", bytes);
        let (code, _, err) = sb.run(&["save", "--story", "s", path.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(
            single_line(&err).contains(&format!("invalid UTF-8 at byte {at}")),
            "{err}"
        );
    }
}

#[test]
fn a_file_over_the_size_cap_is_refused_without_reading_it() {
    let sb = Sandbox::new();
    let path = sb.path("huge.txt");
    // Sparse: a 1 GiB file that takes no disk and, if it were read, would take seconds and a gigabyte.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(1 << 30).unwrap();
    drop(file);
    let start = Instant::now();
    let (code, _, err) = sb.run(&["save", "--story", "s", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    let line = single_line(&err);
    assert!(
        line.contains(&format!(
            "over the {}-byte limit",
            storydiff::source::MAX_INPUT_BYTES
        )),
        "{line}"
    );
    eprintln!("refused in {:?}", start.elapsed());
    // Just over the cap is refused too.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(storydiff::source::MAX_INPUT_BYTES + 1)
        .unwrap();
    drop(file);
    let (code, _, err) = sb.run(&["save", "--story", "s", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
}

/// A small tmpfs mounted for the duration of a test, unmounted on drop.
struct Tmpfs {
    dir: std::path::PathBuf,
}

impl Tmpfs {
    /// Mount a tmpfs of `size` at `dir`, or `None` (with a message) where that is not possible.
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        if !util::is_root() {
            println!("skipped: mounting a tmpfs needs root");
            return None;
        }
        std::fs::create_dir_all(dir).unwrap();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status();
        match status {
            Ok(s) if s.success() => Some(Tmpfs {
                dir: dir.to_path_buf(),
            }),
            other => {
                println!("skipped: mount -t tmpfs failed ({other:?})");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.dir).status();
    }
}

#[test]
fn a_full_disk_fails_with_one_line_and_leaves_the_store_whole() {
    let sb = Sandbox::new();
    let Some(_disk) = Tmpfs::mount(&sb.store(), "64k") else {
        return;
    };
    let mut saved = 0;
    let mut failure = None;
    for n in 0..200 {
        // Distinct versions of one story and of a second one, each about 1.5 kB.
        let body = format!(
            "# Version {n}\n\n{}",
            format!("Paragraph {n} of a story that keeps growing. ").repeat(30)
        );
        let file = sb.write("v.txt", body);
        let story = if n % 2 == 0 { "even" } else { "odd" };
        let (code, _, err) = sb.run(&["save", "--story", story, file.to_str().unwrap()]);
        if code != 0 {
            failure = Some((code, err));
            break;
        }
        saved += 1;
    }
    let (code, err) = failure.expect("a 64 kB disk fills up");
    assert_eq!(code, 2);
    let line = single_line(&err);
    assert!(line.contains("No space left on device"), "{line}");
    assert!(saved > 0, "some saves fit");
    let (code, out, err) = sb.run(&["verify"]);
    assert_eq!(code, 0, "store damaged by a full disk: {out}{err}");
    // Every save that succeeded is there.
    let versions = |story: &str| -> usize {
        let (code, out, _) = sb.run(&["log", story, "--format", "json"]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["versions"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(versions("even") + versions("odd"), saved);
}

#[test]
fn refs_and_story_ids_never_leave_the_store() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", "# A\n\nThe first version of the story.");
    sb.save("s", &a);
    // Something outside the store a path trick would reach.
    sb.write("x.jsonl", "{}\n");
    sb.write("store/../outside.jsonl", "{}\n");
    for bad in [
        "../x@1",
        "../x",
        "..@1",
        "s/../../x@1",
        "/etc/passwd@1",
        "/etc/passwd",
        "s@../1",
        "s@latest~../x",
        "%2e%2e/x@1",
        "s\u{202E}@1",
    ] {
        // `diff` takes files too: an existing file (`/etc/passwd`) is read as one, not as a ref.
        let diff = [&["diff", bad, "s@1"][..]];
        let diff = if Path::new(bad).exists() {
            &[][..]
        } else {
            &diff[..]
        };
        for cmd in [&["show", bad][..], &["log", bad]].iter().chain(diff) {
            let (code, out, err) = sb.run(cmd);
            assert_eq!(code, 2, "{cmd:?} accepted: {out}");
            let line = single_line(&err);
            assert!(
                line.contains("invalid story id") || line.contains("invalid ref"),
                "{cmd:?}: {line}"
            );
        }
    }
    let outside = sb.path("abs-story");
    for bad in [outside.to_str().unwrap(), "/tmp/x", "s/../../x", "C:\\x"] {
        let (code, _, err) = sb.run(&["save", "--story", bad, a.to_str().unwrap()]);
        assert_eq!(code, 2, "--story {bad:?} accepted");
        assert!(single_line(&err).contains("invalid story id"), "{err}");
    }
    assert!(!outside.exists() && !Path::new("/tmp/x.jsonl").exists());
}

#[test]
fn symlinked_store_directories_are_refused_never_followed() {
    for dir in ["objects", "histories"] {
        let sb = Sandbox::new();
        let a = sb.write("a.txt", "# A\n\nThe first version of the story.");
        let b = sb.write("b.txt", "# A\n\nThe second version of the story.");
        sb.save("s", &a);
        // Move the directory out of the store and leave a symlink to it in its place.
        let elsewhere = sb.path(&format!("elsewhere-{dir}"));
        std::fs::rename(sb.store().join(dir), &elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, sb.store().join(dir)).unwrap();
        let before = walk(&elsewhere);
        // `log` reads only the history, so it has nothing to refuse when `objects/` is a link.
        let log = [&["log", "s"][..]];
        let log = if dir == "histories" {
            &log[..]
        } else {
            &[][..]
        };
        for cmd in log.iter().chain(&[
            &["show", "s"][..],
            &["diff", "s@1", a.to_str().unwrap()],
            &["save", "--story", "s", b.to_str().unwrap()],
            &["save", "--story", "t", b.to_str().unwrap()],
        ]) {
            let (code, _, err) = sb.run(cmd);
            assert_eq!(code, 2, "{dir}: {cmd:?} followed the symlink");
            assert!(
                single_line(&err).contains("symbolic link"),
                "{dir}: {cmd:?}: {err}"
            );
        }
        assert_eq!(
            walk(&elsewhere),
            before,
            "{dir}: written through the symlink"
        );
        let (code, out, _) = sb.run(&["verify"]);
        assert_eq!(code, 1, "{dir}: verify must report the symlink");
        assert!(out.contains("symbolic link"), "{out}");
    }
}

/// Every file under `dir` with its contents, sorted.
fn walk(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn only_http_and_https_urls_are_fetched() {
    let sb = Sandbox::new();
    let secret = sb.write("secret.txt", "# Secret\n\nNot to be read through a URL.");
    for url in [
        format!("file://{}", secret.display()),
        "file:///etc/passwd".to_string(),
        "ftp://example.com/story.html".to_string(),
        "data:text/html,<p>The council voted.</p>".to_string(),
        "javascript:alert(1)".to_string(),
        "gopher://example.com/1".to_string(),
    ] {
        for args in [
            &["save", "--story", "s", url.as_str()][..],
            &["save", url.as_str()],
            &["extract", url.as_str()],
        ] {
            let (code, _, err) = sb.run(args);
            assert_eq!(code, 2, "{args:?} accepted");
            let line = single_line(&err);
            assert!(
                line.contains("only http and https") || line.contains("invalid story id"),
                "{args:?}: {line}"
            );
        }
    }
    assert!(
        !sb.store().join("histories").exists() || walk(&sb.store().join("histories")).is_empty()
    );
}

#[test]
fn a_script_in_a_page_title_or_paragraph_stays_text_in_the_html_report() {
    let sb = Sandbox::new();
    let paragraph = |extra: &str| {
        format!(
            "<p>The council voted on Tuesday to close the old bridge for repairs, officials said {extra}.</p>"
        )
    };
    let page = |title: &str, extra: &str| {
        format!(
            "<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{}{}\
             </article></body></html>",
            paragraph("first"),
            [paragraph("second"), paragraph("third"), paragraph(extra)].concat()
        )
    };
    // A title is text to the parser (RCDATA): its `<script>` is the headline's text. In a paragraph the
    // script is written escaped, as a page quoting code would.
    let a = sb.write("a.html", page("Bridge closes", "again"));
    let b = sb.write(
        "b.html",
        page(
            "<script>alert('title')</script> Bridge closes",
            "&lt;script&gt;alert('body')&lt;/script&gt; and <b>&lt;SCRIPT src=//evil&gt;</b>",
        ),
    );
    let (code, out, err) = sb.run(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.to_ascii_lowercase().contains("<script"), "{out}");
    assert!(
        out.contains("&lt;script&gt;alert(&#39;title&#39;)"),
        "title shown as text"
    );
    assert!(
        out.contains("&lt;script&gt;alert(&#39;body&#39;)"),
        "paragraph shown as text"
    );
    assert!(out.contains("&lt;SCRIPT src=//evil&gt;"));
}

#[test]
fn every_real_page_is_under_the_nesting_cap() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/extraction"
    ));
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: no corpus at {}", dir.display());
        return;
    };
    let mut pages = 0;
    for path in entries.map(|e| e.unwrap().path()) {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let depth = storydiff::ingest::nesting::nesting_depth(&html);
            assert!(
                depth <= MAX_NESTING_DEPTH / 4,
                "{}: {depth}",
                path.display()
            );
            pages += 1;
        }
    }
    assert!(pages > 100, "{pages} pages");
}
