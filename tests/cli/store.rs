//! The foundation: save / log / show / list / verify against temporary stores.

use std::path::Path;

use crate::util::{Sandbox, is_root, seed};

const A: &str = "# First headline\n\nBy Jo Bloggs, CNN\n\n(CNN) — The council voted 7-2 on Tuesday.\n\n“We are pleased,” the mayor said.\n";
const B: &str = "# First headline\n\nBy Jo Bloggs, CNN\n\n(CNN) — The council voted 7-3 on Tuesday.\n\n“We are pleased,” the mayor said.\n";

fn single_line(stderr: &str) -> &str {
    let trimmed = stderr.trim_end();
    assert!(!trimmed.is_empty(), "expected an error message");
    assert_eq!(
        trimmed.lines().count(),
        1,
        "error must be one line: {stderr:?}"
    );
    trimmed
}

#[test]
fn saving_the_same_text_twice_stores_nothing_new() {
    let sb = Sandbox::new();
    let first = sb.save("seed", &seed());
    assert_eq!(first["status"], "new");
    assert_eq!(first["version"], 1);
    let second = sb.save("seed", &seed());
    assert_eq!(second["status"], "unchanged");
    assert_eq!(second["version"], 1);
    assert_eq!(first["sha256"], second["sha256"]);
    let objects = walk(&sb.store().join("objects"));
    assert_eq!(objects.len(), 1, "one object for one text: {objects:?}");
}

#[test]
fn line_ends_spaces_and_nbsp_do_not_make_a_new_version() {
    let sb = Sandbox::new();
    let plain = sb.write("a.txt", A);
    let noisy = sb.write(
        "b.txt",
        A.replace('\n', "  \r\n")
            .replace("voted 7-2", "voted\u{A0}7-2"),
    );
    sb.save("s", &plain);
    assert_eq!(sb.save("s", &noisy)["status"], "unchanged");
}

#[test]
fn a_text_seen_before_is_a_revert() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    let b = sb.write("b.txt", B);
    sb.save("s", &a);
    assert_eq!(sb.save("s", &b)["version"], 2);
    let back = sb.save("s", &a);
    assert_eq!(back["status"], "reverted");
    assert_eq!(back["version"], 3);
    assert_eq!(back["reverts_to"], 1);
}

#[test]
fn headline_only_edit_is_a_new_version_and_flag_overrides_heading() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    sb.save("s", &a);
    let (code, out, _) = sb.run(&[
        "save",
        "--story",
        "s",
        "--headline",
        "Second headline",
        "--format",
        "json",
        a.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["status"], "new");
    assert_eq!(v["headline"], "Second headline");
}

#[test]
fn every_save_is_an_observation_and_log_says_when_last_seen() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    let b = sb.write("b.txt", B);
    let p = |p: &Path| p.to_str().unwrap().to_string();
    for (file, at) in [
        (p(&a), "2026-02-01T10:00:00Z"),
        (p(&a), "2026-02-01T12:00:00+02:00"),
        (p(&b), "2026-02-02T09:00:00Z"),
    ] {
        let (code, _, err) = sb.run(&["save", "--story", "s", "--at", at, &file]);
        assert_eq!(code, 0, "{err}");
    }
    let (code, out, _) = sb.run(&["log", "s", "--format", "json"]);
    assert_eq!(code, 0);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["story"], "s");
    let versions = log["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[0]["captured_at"], "2026-02-01T10:00:00Z");
    assert_eq!(versions[0]["observations"], 2);
    // 12:00 at +02:00 is 10:00 UTC; stored in UTC.
    assert_eq!(versions[0]["last_seen_at"], "2026-02-01T10:00:00Z");
    assert_eq!(versions[1]["headline"], "First headline");
    assert_eq!(versions[1]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn show_resolves_every_ref_form() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    let b = sb.write("b.txt", B);
    sb.save("s", &a);
    sb.save("s", &b);
    let body = |r: &str| {
        let (code, out, err) = sb.run(&["show", r]);
        assert_eq!(code, 0, "{r}: {err}");
        out
    };
    assert!(body("s").contains("7-3"));
    assert!(body("s@latest").contains("7-3"));
    assert!(body("s@1").contains("7-2"));
    assert!(body("s@latest~1").contains("7-2"));
    assert!(body("s@2").starts_with("# First headline\n"));
    for bad in ["s@3", "s@latest~2", "s@0", "s@x", "nope", "../s"] {
        let (code, _, err) = sb.run(&["show", bad]);
        assert_eq!(code, 2, "{bad}");
        single_line(&err);
    }
    let (code, out, _) = sb.run(&["show", "s@1", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["article"]["byline"], "Jo Bloggs, CNN");
    assert_eq!(v["article"]["dateline"], "(CNN) —");
}

#[test]
fn list_shows_stories() {
    let sb = Sandbox::new();
    sb.save("one", &sb.write("a.txt", A));
    sb.save("two", &sb.write("b.txt", B));
    let (code, out, _) = sb.run(&["list", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[0]["story"], "one");
    assert_eq!(stories[0]["versions"], 1);
    assert!(stories[0]["last_captured_at"].is_string());
}

#[test]
fn story_id_defaults_to_the_file_name_and_stdin_needs_one() {
    let sb = Sandbox::new();
    let path = sb.write("Peace Plan.txt", A);
    let (code, out, _) = sb.run(&["save", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("\"story\": \"peace-plan\""), "{out}");
    let (code, _, err) = output_with_stdin(&sb, &["save", "-"], A);
    assert_eq!(code, 2);
    assert!(single_line(&err).contains("--story"));
    let (code, out, _) = output_with_stdin(&sb, &["save", "--story", "piped", "-"], A);
    assert_eq!(code, 0, "{out}");
}

fn output_with_stdin(sb: &Sandbox, args: &[&str], input: &str) -> (i32, String, String) {
    let mut cmd = sb.cmd(args);
    cmd.write_stdin(input.as_bytes().to_vec());
    crate::util::output(cmd)
}

#[test]
fn hostile_story_ids_are_refused_before_any_write() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    for bad in [
        "..",
        "../escape",
        "a/b",
        "a\\b",
        "",
        "Upper",
        ".hidden",
        "x y",
    ] {
        let (code, _, err) = sb.run(&["save", "--story", bad, a.to_str().unwrap()]);
        assert_eq!(code, 2, "{bad:?} accepted");
        assert!(single_line(&err).contains("invalid story id"), "{err}");
    }
    assert!(
        !sb.store().exists(),
        "a refused save must not create the store"
    );
}

#[test]
fn bad_inputs_get_one_line_naming_the_file_and_exit_2() {
    let sb = Sandbox::new();
    let cases: Vec<(String, &str)> = vec![
        (sb.path("missing.txt").display().to_string(), "No such file"),
        (sb.dir.path().display().to_string(), "is a directory"),
        (
            sb.write("bad.txt", b"Hello\n\nwor\xffld".as_slice())
                .display()
                .to_string(),
            "invalid UTF-8 at byte 10",
        ),
        (
            sb.write("empty.txt", "  \n\u{A0}\n\r\n")
                .display()
                .to_string(),
            "empty article",
        ),
    ];
    for (path, expect) in cases {
        let (code, out, err) = sb.run(&["save", "--story", "s", &path]);
        assert_eq!(code, 2, "{path}: {out}");
        let line = single_line(&err);
        assert!(line.contains(&path), "names the file: {line}");
        assert!(line.contains(expect), "says {expect:?}: {line}");
    }
    assert!(!sb.store().exists(), "nothing written for bad input");
}

#[test]
fn read_commands_on_a_missing_store_exit_2() {
    let sb = Sandbox::new();
    for args in [&["log", "s"][..], &["list"], &["show", "s"], &["verify"]] {
        let (code, _, err) = sb.run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(single_line(&err).contains("no store here"), "{err}");
    }
    assert!(!sb.store().exists());
}

#[test]
fn a_store_path_that_is_a_file_or_a_foreign_folder_is_refused() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    std::fs::write(sb.store(), "not a folder").unwrap();
    let (code, _, err) = sb.run(&["save", "--story", "s", a.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(single_line(&err).contains("not a directory"), "{err}");
    std::fs::remove_file(sb.store()).unwrap();
    sb.write("store/notes.txt", "mine");
    let (code, _, err) = sb.run(&["save", "--story", "s", a.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(single_line(&err).contains("not a storydiff store"), "{err}");
}

#[test]
fn a_store_of_a_newer_format_is_refused() {
    let sb = Sandbox::new();
    sb.save("s", &sb.write("a.txt", A));
    std::fs::write(
        sb.store().join("storydiff-store.json"),
        "{\"storydiff_store\":99}\n",
    )
    .unwrap();
    let (code, _, err) = sb.run(&["log", "s"]);
    assert_eq!(code, 2);
    assert!(single_line(&err).contains("newer"), "{err}");
}

#[test]
fn a_damaged_history_is_named_and_nothing_is_appended() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    let b = sb.write("b.txt", B);
    sb.save("s", &a);
    let history = sb.store().join("histories/s.jsonl");
    let mut bytes = std::fs::read(&history).unwrap();
    bytes.truncate(bytes.len() - 7); // a torn last line
    std::fs::write(&history, &bytes).unwrap();
    for args in [
        &["log", "s"][..],
        &["save", "--story", "s", b.to_str().unwrap()],
    ] {
        let (code, _, err) = sb.run(args);
        assert_eq!(code, 2, "{args:?}");
        let line = single_line(&err);
        assert!(line.contains("histories/s.jsonl:1"), "{line}");
        assert!(line.contains("incomplete"), "{line}");
    }
    assert_eq!(std::fs::read(&history).unwrap(), bytes, "history untouched");
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("histories/s.jsonl"), "{out}");
}

#[test]
fn a_read_only_store_is_an_error_not_a_panic() {
    let sb = Sandbox::new();
    let a = sb.write("a.txt", A);
    let b = sb.write("b.txt", B);
    sb.save("s", &a);
    let Some(_guard) = ReadOnly::make(&sb.store()) else {
        eprintln!("skipped: cannot make a read-only store here (root without mount rights)");
        return;
    };
    let (code, _, err) = sb.run(&["save", "--story", "s", b.to_str().unwrap()]);
    assert_eq!(code, 2);
    let line = single_line(&err);
    assert!(
        line.contains("Read-only") || line.contains("Permission denied"),
        "{line}"
    );
    let (code, out, _) = sb.run(&["log", "s"]);
    assert_eq!(code, 0, "reading a read-only store works");
    assert!(out.contains("1 version"), "{out}");
}

/// Makes a store read-only: permission bits for a normal user; for root (whom bits do not stop) a read-only
/// bind mount of the folder over itself. Undone on drop.
struct ReadOnly {
    path: std::path::PathBuf,
    mounted: bool,
}

impl ReadOnly {
    fn make(path: &Path) -> Option<ReadOnly> {
        if is_root() {
            let p = path.to_str()?;
            let ok = |args: &[&str]| {
                std::process::Command::new("mount")
                    .args(args)
                    .output()
                    .is_ok_and(|o| o.status.success())
            };
            if ok(&["--bind", p, p]) {
                if ok(&["-o", "remount,bind,ro", p]) {
                    return Some(ReadOnly {
                        path: path.to_path_buf(),
                        mounted: true,
                    });
                }
                let _ = std::process::Command::new("umount").arg(p).output();
            }
            None
        } else {
            set_mode_recursive(path, true);
            Some(ReadOnly {
                path: path.to_path_buf(),
                mounted: false,
            })
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(&self.path)
                .output();
        } else {
            set_mode_recursive(&self.path, false);
        }
    }
}

fn set_mode_recursive(path: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    for p in walk_all(path) {
        let meta = std::fs::metadata(&p).unwrap();
        let mode = match (meta.is_dir(), read_only) {
            (true, true) => 0o555,
            (false, true) => 0o444,
            (true, false) => 0o755,
            (false, false) => 0o644,
        };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn eight_concurrent_saves_number_versions_without_gaps_or_repeats() {
    let sb = Sandbox::new();
    sb.save("s", &sb.write("base.txt", A));
    let children: Vec<_> = (0..8)
        .map(|i| {
            let file = sb.write(
                &format!("v{i}.txt"),
                format!("{A}\nParagraph number {i}.\n"),
            );
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("storydiff"));
            cmd.arg("--store")
                .arg(sb.store())
                .args(["save", "--story", "s", "--format", "json"])
                .arg(file)
                .stdout(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    let mut versions: Vec<u64> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success());
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v["version"].as_u64().unwrap()
        })
        .collect();
    versions.sort();
    assert_eq!(versions, (2..=9).collect::<Vec<_>>());
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn verify_catches_a_flipped_byte_and_names_the_object() {
    let sb = Sandbox::new();
    let sha = sb.save("s", &seed())["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, _, _) = sb.run(&["verify"]);
    assert_eq!(code, 0);
    let object = sb.store().join("objects").join(&sha[..2]).join(&sha);
    let mut bytes = std::fs::read(&object).unwrap();
    bytes[100] ^= 0x01;
    std::fs::write(&object, bytes).unwrap();
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("objects/{}/{sha}", &sha[..2])),
        "{out}"
    );
    assert!(out.contains("content altered"), "{out}");
    let (code, _, err) = sb.run(&["show", "s"]);
    assert_eq!(code, 2);
    assert!(single_line(&err).contains("damaged object"), "{err}");
}

#[test]
fn verify_notes_leftovers_and_fails_on_unknown_files() {
    let sb = Sandbox::new();
    sb.save("s", &sb.write("a.txt", A));
    sb.write("store/objects/ab/.tmp-XyZ123", "partial");
    let orphan = "0".repeat(64);
    let orphan_bytes = "orphan";
    let orphan_sha = sha256(orphan_bytes);
    sb.write(
        &format!("store/objects/{}/{}", &orphan_sha[..2], orphan_sha),
        orphan_bytes,
    );
    sb.write("store/locks/s.lock", "");
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 0, "leftovers are notes: {out}");
    assert!(out.contains("note: objects/ab/.tmp-XyZ123"), "{out}");
    assert!(
        out.contains("referenced by no history") || out.contains("no history refers"),
        "{out}"
    );
    assert!(out.contains("stale lock"), "{out}");
    let _ = orphan;
    sb.write("store/histories/stray.txt", "?");
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("damaged: histories/stray.txt: unknown file"),
        "{out}"
    );
}

#[test]
fn a_symlink_in_the_store_is_not_followed() {
    let sb = Sandbox::new();
    sb.save("s", &sb.write("a.txt", A));
    let outside = sb.write("outside.jsonl", "{}\n");
    std::os::unix::fs::symlink(&outside, sb.store().join("histories/evil.jsonl")).unwrap();
    let (code, _, err) = sb.run(&["log", "evil"]);
    assert_eq!(code, 2);
    assert!(single_line(&err).contains("symbolic link"), "{err}");
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 1);
    assert!(out.contains("histories/evil.jsonl: symbolic link"), "{out}");
}

fn sha256(text: &str) -> String {
    storydiff::article::sha256_hex(text.as_bytes())
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    walk_all(dir).into_iter().filter(|p| p.is_file()).collect()
}

fn walk_all(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if dir.is_dir() {
        for entry in std::fs::read_dir(dir).unwrap() {
            out.extend(walk_all(&entry.unwrap().path()));
        }
    }
    out
}

#[test]
fn the_shipped_demo_store_verifies_and_its_seed_version_is_current() {
    let sb = Sandbox::new();
    let (code, out, err) = crate::util::output({
        let mut c = crate::util::bin();
        c.current_dir(crate::util::repo()).args(["verify"]);
        c
    });
    assert_eq!(code, 0, "{out}{err}");
    // Re-saving the seed with the demo headline into a copy of the store must find it unchanged: the canonical
    // form of an article has not drifted since the store was written.
    copy_dir(&crate::util::repo().join("snapshots"), &sb.store());
    let (code, out, err) = sb.run(&[
        "save",
        "--story",
        "cnn-ukraine-peace-plan",
        "--headline",
        "Trump administration quietly drafting new Ukraine peace plan with Russia",
        "--format",
        "json",
        seed().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"status\": \"unchanged\""), "{out}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

#[test]
fn the_store_is_found_by_flag_after_the_subcommand_by_environment_and_by_default() {
    let sb = Sandbox::new();
    sb.save("s", &sb.write("a.txt", A));
    let store = sb.store();
    let mut after = crate::util::bin();
    after
        .current_dir(sb.dir.path())
        .args(["log", "s", "--store"])
        .arg(&store);
    assert_eq!(crate::util::output(after).0, 0);
    let mut env = crate::util::bin();
    env.current_dir(sb.dir.path())
        .env("STORYDIFF_STORE", &store)
        .args(["log", "s"]);
    assert_eq!(crate::util::output(env).0, 0);
    std::fs::rename(&store, sb.path("snapshots")).unwrap();
    let mut default = crate::util::bin();
    default.current_dir(sb.dir.path()).args(["log", "s"]);
    assert_eq!(crate::util::output(default).0, 0, "./snapshots by default");
}
