//! Two CI runners commit `snapshots/` in parallel: git merges the histories by union (the store's
//! `.gitattributes`), `verify` catches the doubled numbering, `verify --repair` renumbers.

use std::path::Path;
use std::process::Command;

use crate::util::{Sandbox, bin, output};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "ci")
        .env("GIT_AUTHOR_EMAIL", "ci@example.invalid")
        .env("GIT_COMMITTER_NAME", "ci")
        .env("GIT_COMMITTER_EMAIL", "ci@example.invalid")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn storydiff(repo: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = bin();
    cmd.current_dir(repo).args(args);
    output(cmd)
}

#[test]
fn parallel_runners_merge_by_union_and_verify_repairs_the_numbering() {
    let sb = Sandbox::new();
    let a = sb.path("a");
    std::fs::create_dir_all(&a).unwrap();
    git(&a, &["init", "-q", "-b", "main"]);
    let v1 = sb.write("v1.txt", "First text of the story.");
    let v2a = sb.write("v2a.txt", "First text of the story, edited by runner A.");
    let v2b = sb.write("v2b.txt", "First text of the story, edited by runner B.");
    let save = |repo: &Path, file: &Path, at: &str| {
        let (code, _, err) = storydiff(
            repo,
            &["save", "--story", "s", "--at", at, file.to_str().unwrap()],
        );
        assert_eq!(code, 0, "{err}");
    };
    save(&a, &v1, "2026-03-01T10:00:00Z");
    git(&a, &["add", "snapshots"]);
    git(&a, &["commit", "-q", "-m", "v1"]);
    let b = sb.path("b");
    git(
        sb.dir.path(),
        &["clone", "-q", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    save(&a, &v2a, "2026-03-01T11:00:00Z");
    git(&a, &["add", "snapshots"]);
    git(&a, &["commit", "-q", "-m", "runner A"]);
    save(&b, &v2b, "2026-03-01T11:05:00Z");
    git(&b, &["add", "snapshots"]);
    git(&b, &["commit", "-q", "-m", "runner B"]);
    git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(
        !git(&b, &["status", "--porcelain"]).contains("UU"),
        "no conflict"
    );

    let (code, out, _) = storydiff(&b, &["verify"]);
    assert_eq!(code, 1, "a doubled seq is damage: {out}");
    assert!(out.contains("two histories were merged"), "{out}");
    let (code, out, _) = storydiff(&b, &["verify", "--repair"]);
    assert!(out.contains("repaired: histories/s.jsonl"), "{out}");
    assert_eq!(code, 1, "the run that repairs still reports what it found");
    let (code, out, _) = storydiff(&b, &["verify"]);
    assert_eq!(code, 0, "{out}");
    let (_, log, _) = storydiff(&b, &["log", "s", "--format", "json"]);
    let log: serde_json::Value = serde_json::from_str(&log).unwrap();
    let times: Vec<&str> = log["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["captured_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        times,
        [
            "2026-03-01T10:00:00Z",
            "2026-03-01T11:00:00Z",
            "2026-03-01T11:05:00Z"
        ]
    );
}
