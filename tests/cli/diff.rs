//! `diff` and `log --patch` through the real binary: exit codes, the JSON contract, colour, formats.

use crate::util::{Sandbox, bin, output, repo};

fn demo(args: &[&str]) -> (i32, String, String) {
    let mut cmd = bin();
    cmd.current_dir(repo()).args(args);
    output(cmd)
}

#[test]
fn diff_of_the_demo_story_exits_1_and_keeps_the_json_contract() {
    let (code, out, err) = demo(&["diff", "cnn-ukraine-peace-plan", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["old"]["ref"], "cnn-ukraine-peace-plan@1");
    assert_eq!(v["new"]["ref"], "cnn-ukraine-peace-plan@2");
    assert_eq!(v["new"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["changed"], true);
    // The hand-written first version has no notice; the seed adds "This story and headline have been updated".
    assert_eq!(v["silent_edit"], false);
    let counts = &v["summary"]["paragraphs"];
    for key in [
        "added",
        "removed",
        "modified",
        "moved",
        "split",
        "merged",
        "unchanged",
    ] {
        assert!(counts[key].is_u64(), "summary.paragraphs.{key}");
    }
    assert!(
        v["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["old"] == "20" && n["new"] == "28")
    );
    let fields = v["fields"].as_array().unwrap();
    let headline = fields.iter().find(|f| f["field"] == "headline").unwrap();
    assert_eq!(headline["op"], "changed");
    let dateline = fields.iter().find(|f| f["field"] == "dateline").unwrap();
    assert_eq!(
        dateline["classes"],
        serde_json::json!(["typography"]),
        "-- vs — is typography"
    );
    // Every paragraph of both versions appears exactly once.
    let paragraphs = v["paragraphs"].as_array().unwrap();
    let mut old: Vec<u64> = paragraphs
        .iter()
        .flat_map(|p| {
            p["old"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap())
        })
        .collect();
    let mut new: Vec<u64> = paragraphs
        .iter()
        .flat_map(|p| {
            p["new"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap())
        })
        .collect();
    old.sort();
    assert_eq!(old, (0..10).collect::<Vec<_>>());
    assert_eq!(new.len(), 20);
    new.dedup();
    assert_eq!(
        new,
        (0..20).collect::<Vec<_>>(),
        "new side in reading order"
    );
    for p in paragraphs {
        for w in p["words"].as_array().unwrap() {
            assert!(["equal", "insert", "delete"].contains(&w["op"].as_str().unwrap()));
        }
    }
}

#[test]
fn identical_and_typography_only_versions_exit_0_unless_strict() {
    let sb = Sandbox::new();
    let a = sb.write(
        "a.txt",
        "(CNN) — He said “yes” on Tuesday.\n\nSecond paragraph here.",
    );
    let b = sb.write(
        "b.txt",
        "(CNN) -- He said \"yes\" on Tuesday.\n\nSecond paragraph here.",
    );
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    assert_eq!(sb.run(&["diff", a, a]).0, 0);
    let (code, out, _) = sb.run(&["diff", a, b]);
    assert_eq!(code, 0, "typography only: {out}");
    assert!(out.to_lowercase().contains("typography"), "{out}");
    assert_eq!(sb.run(&["diff", "--strict", a, b]).0, 1);
}

#[test]
fn files_and_stored_refs_mix() {
    let sb = Sandbox::new();
    let a = sb.write(
        "a.txt",
        "At least 12 people died.\n\nRescuers are searching.",
    );
    let b = sb.write(
        "b.txt",
        "At least 15 people died.\n\nRescuers are searching.",
    );
    sb.save("s", &a);
    let (code, out, _) = sb.run(&["diff", "s@1", b.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["old"]["ref"], "s@1");
    assert_eq!(v["numbers"][0]["old"], "12");
    assert_eq!(v["numbers"][0]["new"], "15");
    assert_eq!(v["silent_edit"], true);
    let (code, _, err) = sb.run(&["diff", "s"]);
    assert_eq!(code, 2, "one version only");
    assert!(err.contains("only one version"), "{err}");
    let (code, _, err) = sb.run(&["diff", "missing.txt", b.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn colour_follows_no_color_and_the_flag() {
    let args = ["diff", "cnn-ukraine-peace-plan"];
    let (_, plain, _) = demo(&args);
    assert!(!plain.contains('\u{1b}'), "NO_COLOR and a pipe: no escapes");
    let (_, forced, _) = demo(&["--color", "always", "diff", "cnn-ukraine-peace-plan"]);
    assert!(forced.contains("\u{1b}["), "--color always colours");
    let mut cmd = bin();
    cmd.current_dir(repo()).env_remove("NO_COLOR").args([
        "diff",
        "cnn-ukraine-peace-plan",
        "--color",
        "never",
    ]);
    assert!(!output(cmd).1.contains('\u{1b}'));
}

#[test]
fn markdown_and_html_reports() {
    let (code, md, _) = demo(&["diff", "cnn-ukraine-peace-plan", "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(
        md.contains("**") && md.contains("~~"),
        "bold and strike for changes"
    );
    assert!(!md.contains("<ins>") && !md.contains("<del>"));
    let (_, html, _) = demo(&["diff", "cnn-ukraine-peace-plan", "--format", "html"]);
    assert!(html.starts_with("<!doctype html>") || html.starts_with("<!DOCTYPE html>"));
    for external in [
        "<script src",
        "<link rel=\"stylesheet\" href",
        "http://",
        "https://",
    ] {
        assert!(!html.contains(external), "self-contained: found {external}");
    }
}

#[test]
fn a_script_in_an_article_stays_text_in_every_report() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", "A harmless first paragraph of the story.");
    let b = sb.write("b.txt", "A harmless first paragraph of the story.\n\n<script>alert('x')</script> and <img src=x onerror=alert(1)>");
    let run = |format| {
        sb.run(&[
            "diff",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            format,
        ])
        .1
    };
    let html = run("html");
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert("),
        "the text is still shown"
    );
    let md = run("markdown");
    let bare = md
        .match_indices('<')
        .filter(|(i, _)| !md[..*i].ends_with('\\'))
        .count();
    assert_eq!(bare, 0, "every < is escaped in Markdown: {md}");
}

#[test]
fn log_patch_in_every_format() {
    let (code, text, _) = demo(&["log", "cnn-ukraine-peace-plan", "--patch"]);
    assert_eq!(code, 0);
    assert!(
        text.contains("version 1")
            && text.contains("(first version)")
            && text.contains("version 2")
    );
    assert!(
        text.contains("20 → 28") || text.contains("[-20-]{+28+}"),
        "{text}"
    );
    let (_, json, _) = demo(&["log", "cnn-ukraine-peace-plan", "-p", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["versions"][0]["diff"].is_null());
    assert_eq!(
        v["versions"][1]["diff"]["old"]["ref"],
        "cnn-ukraine-peace-plan@1"
    );
    let (_, md, _) = demo(&[
        "log",
        "cnn-ukraine-peace-plan",
        "-p",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("## Version 2"));
    let (_, html, _) = demo(&["log", "cnn-ukraine-peace-plan", "-p", "--format", "html"]);
    assert_eq!(html.matches("<iframe sandbox").count(), 1);
    let (code, _, err) = demo(&["log", "cnn-ukraine-peace-plan", "--format", "html"]);
    assert_eq!(code, 2);
    assert!(err.contains("--patch"));
}
