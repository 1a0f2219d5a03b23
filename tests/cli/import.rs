//! `import`: folders of histories with sidecars, re-runs that add nothing, git file histories.

use crate::util::{Sandbox, shared};

#[test]
fn importing_the_corpus_twice_adds_nothing_the_second_time() {
    let sb = Sandbox::new();
    let corpus = shared().join("corpus/versions");
    let corpus = corpus.to_str().unwrap();
    let (code, out, err) = sb.run(&["import", corpus, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let first: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(first["stories"], 150);
    assert_eq!(first["versions_found"], 382);
    assert_eq!(first["added"], 382);
    let (code, out, _) = sb.run(&["import", corpus, "--format", "json"]);
    assert_eq!(code, 0);
    let second: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(second["added"], 0);
    assert_eq!(second["skipped"], 382);
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("150 histories"), "{out}");
}

#[test]
fn sidecar_times_and_titles_become_capture_times_and_headlines() {
    let sb = Sandbox::new();
    let story = "cnn-2026-02-11-us-jobs-report-january-final";
    let dir = sb.path("in");
    std::fs::create_dir_all(dir.join(story)).unwrap();
    let src = shared().join("corpus/versions").join(story);
    for f in ["01.txt", "02.txt", "meta.json", "SOURCE.md"] {
        std::fs::copy(src.join(f), dir.join(story).join(f)).unwrap();
    }
    std::fs::write(dir.join("INDEX.json"), "[]").unwrap();
    let (code, _, err) = sb.run(&["import", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = sb.run(&["log", story, "--format", "json"]);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let v = log["versions"].as_array().unwrap();
    assert_eq!(v.len(), 2, "SOURCE.md and meta.json are not versions");
    // meta.json: scraped_at 2026-02-11T16:31:13.339080+00:00, title "… last month | CNN Business".
    assert_eq!(v[0]["captured_at"], "2026-02-11T16:31:13Z");
    assert_eq!(
        v[0]["headline"],
        "The US economy added a stronger-than-expected 130,000 jobs last month"
    );
}

#[test]
fn a_broken_sidecar_is_named() {
    let sb = Sandbox::new();
    sb.write("in/story-a/01.txt", "Text.");
    sb.write("in/story-a/meta.json", "{\"versions\": 3}");
    let (code, _, err) = sb.run(&["import", sb.path("in").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("story-a/meta.json: not a valid sidecar"),
        "{err}"
    );
}

#[test]
fn a_bad_file_is_reported_and_the_rest_imported() {
    let sb = Sandbox::new();
    sb.write("in/story-a/01.txt", "Text one.");
    sb.write("in/story-a/02.txt", b"bad \xff bytes".as_slice());
    sb.write("in/story-b/01.txt", "Other text.");
    let (code, out, err) = sb.run(&["import", sb.path("in").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("02.txt: invalid UTF-8 at byte 4"), "{err}");
    assert!(out.contains("2 added"), "{out}");
}

#[test]
fn a_git_file_history_becomes_versions_at_commit_times() {
    let sb = Sandbox::new();
    let repo = sb.path("repo");
    std::fs::create_dir_all(&repo).unwrap();
    let git = |args: &[&str], date: &str| {
        let ok = std::process::Command::new("git")
            .arg("-C")
            .arg(&repo)
            .args(args)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
            .output()
            .unwrap();
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
    };
    git(&["init", "-q"], "2026-01-01T00:00:00Z");
    let texts = [
        ("First text of the story.", "2026-03-01T10:00:00Z"),
        ("First text of the story, updated.", "2026-03-02T11:00:00Z"),
        ("First text of the story.", "2026-03-03T12:00:00Z"),
    ];
    for (text, date) in texts {
        std::fs::write(repo.join("story.txt"), text).unwrap();
        std::fs::write(repo.join("other.txt"), date).unwrap();
        git(&["add", "."], date);
        git(&["commit", "-q", "-m", "scrape"], date);
    }
    let (code, out, err) = sb.run(&[
        "import",
        "--git",
        repo.to_str().unwrap(),
        "--path",
        "story.txt",
        "--story",
        "scraped",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 added"), "{out}");
    let (_, out, _) = sb.run(&["log", "scraped", "--format", "json"]);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let v = log["versions"].as_array().unwrap();
    assert_eq!(v.len(), 3);
    assert_eq!(v[1]["captured_at"], "2026-03-02T11:00:00Z");
    assert_eq!(v[2]["status"], "reverted");
    assert_eq!(v[2]["reverts_to"], 1);
}
