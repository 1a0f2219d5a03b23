//! `check`: every exit-code path, the gate kinds, `--dry-run`, GitHub annotations and job summary, watch lists.

use std::path::Path;

use crate::util::Sandbox;

const V1: &str = "# Council votes on bridge\n\n(CNN) — The council voted 7-2 on Tuesday to close the bridge.\n\n“We had no choice,” Mayor Ann Lee said.\n";
const V1_TYPO: &str = "# Council votes on bridge\n\n(CNN) -- The council voted 7-2 on Tuesday to close the bridge.\n\n\"We had no choice,\" Mayor Ann Lee said.\n";
const V2: &str = "# Council votes on bridge\n\n(CNN) — The council voted 7-3 on Tuesday to close the bridge.\n\n“We had no choice,” Mayor Ann Lee said.\n";
const V3_HEADLINE: &str = "# Council closes bridge after 50% rise in cracks\n\n(CNN) — The council voted 7-3 on Tuesday to close the bridge.\n\n“We had no choice,” Mayor Ann Lee said.\n";

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn check(sb: &Sandbox, file: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["check", "--story", "bridge"];
    args.extend_from_slice(extra);
    args.push(file.to_str().unwrap());
    sb.run(&args)
}

#[test]
fn first_snapshot_is_a_baseline_and_exits_0() {
    let sb = Sandbox::new();
    let f = sb.write("v1.txt", V1);
    let (code, out, _) = check(&sb, &f, &[]);
    assert_eq!(code, 0);
    assert!(out.contains("baseline"), "{out}");
    let (code, out, _) = check(&sb, &f, &["--format", "json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["baseline"], false);
    assert_eq!(v["changed"], false);
    assert_eq!(v["save"]["status"], "unchanged");
}

#[test]
fn typography_never_fails_substance_does() {
    let sb = Sandbox::new();
    check(&sb, &sb.write("v1.txt", V1), &[]);
    let (code, out, _) = check(&sb, &sb.write("t.txt", V1_TYPO), &[]);
    assert_eq!(code, 0, "typography only: {out}");
    assert!(out.contains("gate: passed"), "{out}");
    let (code, out, _) = check(&sb, &sb.write("v2.txt", V2), &["--format", "json"]);
    assert_eq!(code, 1);
    let v = json(&out);
    for key in [
        "changed",
        "silent_edit",
        "summary",
        "paragraphs",
        "fields",
        "numbers",
        "quotes",
    ] {
        assert!(!v[key].is_null(), "{key} at top level");
    }
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["silent_edit"], true);
    assert_eq!(v["save"]["status"], "new");
    assert_eq!(v["save"]["version"], 3);
    assert_eq!(v["gate"]["fail_on"], serde_json::json!(["substantive"]));
    assert_eq!(v["gate"]["failed"], true);
}

#[test]
fn fail_on_selects_the_kinds_that_fail() {
    let sb = Sandbox::new();
    check(&sb, &sb.write("v1.txt", V1), &[]);
    let v2 = sb.write("v2.txt", V2);
    let (code, _, _) = check(&sb, &v2, &["--dry-run", "--fail-on", "headline,quotes"]);
    assert_eq!(code, 0, "a figure change is neither headline nor quote");
    let (code, _, _) = check(&sb, &v2, &["--dry-run", "--fail-on", "numbers"]);
    assert_eq!(code, 1);
    let (code, _, _) = check(&sb, &v2, &["--dry-run", "--fail-on", "silent"]);
    assert_eq!(code, 1);
    let (code, _, _) = check(
        &sb,
        &sb.write("t.txt", V1_TYPO),
        &["--dry-run", "--fail-on", "any"],
    );
    assert_eq!(code, 0, "any: typography is not an edit without --strict");
    let (code, _, err) = check(&sb, &v2, &["--fail-on", "typos"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown --fail-on kind"), "{err}");
}

#[test]
fn dry_run_leaves_the_store_untouched() {
    let sb = Sandbox::new();
    check(&sb, &sb.write("v1.txt", V1), &[]);
    let before = snapshot_tree(&sb.store());
    let (code, out, _) = check(
        &sb,
        &sb.write("v2.txt", V2),
        &["--dry-run", "--format", "json"],
    );
    assert_eq!(code, 1);
    assert!(json(&out)["save"].is_null());
    assert_eq!(snapshot_tree(&sb.store()), before);
    let fresh = Sandbox::new();
    let (code, _, _) = check(&fresh, &fresh.write("v1.txt", V1), &["--dry-run"]);
    assert_eq!(code, 0);
    assert!(!fresh.store().exists(), "a dry run creates no store");
}

#[test]
fn trouble_exits_2() {
    let sb = Sandbox::new();
    let (code, _, err) = check(&sb, &sb.path("missing.txt"), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn github_actions_gets_escaped_annotations_and_a_job_summary() {
    let sb = Sandbox::new();
    let summary = sb.write("summary.md", "earlier step\n");
    check(&sb, &sb.write("v2.txt", V2), &[]);
    let mut cmd = sb.cmd(&[
        "check",
        "--story",
        "bridge",
        sb.write("v3.txt", V3_HEADLINE).to_str().unwrap(),
    ]);
    cmd.env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary);
    let (code, out, _) = crate::util::output(cmd);
    assert_eq!(code, 1);
    let line = out
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.starts_with("::error title=storydiff%3A bridge edited::"),
        "{line}"
    );
    assert!(line.contains("50%25"), "percent escaped: {line}");
    assert!(!line.contains('\r'));
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("earlier step\n"),
        "appended, not overwritten"
    );
    assert!(md.contains("### storydiff"), "{md}");
    assert!(md.contains("gate: FAILED"), "{md}");
    // Outside GitHub Actions: no workflow commands.
    let (_, out, _) = check(&sb, &sb.write("v2b.txt", V2), &[]);
    assert!(
        !out.contains("::error") && !out.contains("::warning"),
        "{out}"
    );
}

#[test]
fn a_watch_list_checks_every_story_and_exits_with_the_worst_code() {
    let sb = Sandbox::new();
    sb.write("pages/a.txt", V1);
    sb.write("pages/b.txt", V1);
    let config = sb.write(
        "storydiff.toml",
        "fail_on = [\"substantive\"]\n\n[[story]]\nid = \"a\"\nsource = \"pages/a.txt\"\n\n[[story]]\nid = \"b\"\nsource = \"pages/b.txt\"\nfail_on = [\"headline\"]\n\n[[story]]\nid = \"gone\"\nsource = \"pages/gone.txt\"\n",
    );
    let config = config.to_str().unwrap();
    let (code, out, err) = sb.run(&["check", "--config", config, "--format", "json"]);
    assert_eq!(
        code, 2,
        "the missing page is trouble; the rest were checked: {err}"
    );
    let v = json(&out);
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 3);
    assert_eq!(stories[0]["baseline"], true);
    assert_eq!(stories[1]["baseline"], true);
    assert!(stories[2]["error"].as_str().unwrap().contains("gone.txt"));
    sb.write("pages/a.txt", V2);
    sb.write("pages/b.txt", V2);
    std::fs::remove_file(sb.path("storydiff.toml")).unwrap();
    let config = sb.write(
        "storydiff.toml",
        "[[story]]\nid = \"a\"\nsource = \"pages/a.txt\"\n\n[[story]]\nid = \"b\"\nsource = \"pages/b.txt\"\nfail_on = [\"headline\"]\n",
    );
    let (code, out, _) = sb.run(&[
        "check",
        "--config",
        config.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "a fails (substantive), b passes (headline only)");
    let v = json(&out);
    assert_eq!(v["stories"][0]["gate"]["failed"], true);
    assert_eq!(v["stories"][1]["gate"]["failed"], false);
    let (code, _, err) = sb.run(&[
        "check",
        "--config",
        sb.write("bad.toml", "[[story]]\nid = \"../x\"\nsource = \"a\"\n")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml"), "{err}");
}

#[test]
fn the_example_workflow_runs_the_commands_tested_here() {
    let workflow =
        std::fs::read_to_string(crate::util::repo().join("examples/github-actions.yml")).unwrap();
    for needle in [
        "schedule:",
        "storydiff check --config storydiff.toml",
        "git add snapshots",
        "storydiff verify --repair",
        "git push",
    ] {
        assert!(workflow.contains(needle), "workflow lacks {needle}");
    }
    let list = crate::util::repo().join("examples/storydiff.toml");
    let parsed = storydiff::watchlist::WatchList::read(&list).unwrap();
    assert_eq!(parsed.stories.len(), 2);
}

fn snapshot_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}
