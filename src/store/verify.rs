//! `verify`: re-hash every object, check every history, and sort what is found into damage (exit 1) and notes
//! (leftovers of interrupted writes, which do no harm). `--repair` rebuilds what can be rebuilt and says what
//! it did.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::article::{Article, sha256_hex};
use crate::story_id::StoryId;

use super::backend::StoreFileKind;
use super::history::{self, is_sha256_hex};
use super::local::{MARKER_FILE, TEMP_PREFIX};
use super::{Store, StoreError};

/// One finding: a file of the store and what is wrong with it (or what it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Path relative to the store root.
    pub path: String,
    /// What was found.
    pub what: String,
}

/// What `verify` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    /// Objects re-hashed.
    pub objects_checked: usize,
    /// Histories checked.
    pub histories_checked: usize,
    /// Damage: a verify with any exits 1.
    pub problems: Vec<Finding>,
    /// Harmless leftovers and observations.
    pub notes: Vec<Finding>,
    /// What `--repair` did.
    pub repairs: Vec<Finding>,
}

impl VerifyReport {
    /// Whether the store is sound (no problems).
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Files a store may hold at its root besides its folders.
const KNOWN_ROOT_FILES: &[&str] = &[MARKER_FILE, ".gitattributes", ".gitignore", "README.md"];

impl Store {
    /// Check the whole store. With `repair`, rebuild damaged histories from their readable lines (renumbered in
    /// capture order, see [`history::rebuild`]) and delete leftover temp files and stale locks, recording each
    /// action in `repairs`.
    pub fn verify(&self, repair: bool) -> Result<VerifyReport, StoreError> {
        let backend = self.backend();
        let mut report = VerifyReport::default();
        let mut objects: BTreeMap<String, String> = BTreeMap::new(); // hash -> path
        let mut referenced: BTreeSet<String> = BTreeSet::new();
        let mut article_refs: BTreeMap<String, String> = BTreeMap::new(); // hash -> history path
        let problem = |report: &mut VerifyReport, path: &str, what: String| {
            report.problems.push(Finding {
                path: path.to_string(),
                what,
            })
        };
        let note = |report: &mut VerifyReport, path: &str, what: String| {
            report.notes.push(Finding {
                path: path.to_string(),
                what,
            })
        };
        for file in backend.list_files()? {
            let path = file.path.as_str();
            let name = path.rsplit('/').next().unwrap_or(path);
            if file.kind == StoreFileKind::Symlink {
                problem(
                    &mut report,
                    path,
                    "symbolic link inside the store (not followed)".into(),
                );
                continue;
            }
            if name.starts_with(TEMP_PREFIX) {
                note(
                    &mut report,
                    path,
                    "leftover temp file of an interrupted write".into(),
                );
                if repair {
                    self.remove_leftover(&mut report, path);
                }
                continue;
            }
            if file.kind != StoreFileKind::File {
                problem(&mut report, path, "not a regular file".into());
                continue;
            }
            let parts: Vec<&str> = path.split('/').collect();
            match parts.as_slice() {
                [root] if KNOWN_ROOT_FILES.contains(root) => {}
                ["objects", fan, hash] => {
                    if !is_sha256_hex(hash) || !hash.starts_with(fan) {
                        problem(&mut report, path, "unknown file among objects".into());
                        continue;
                    }
                    report.objects_checked += 1;
                    match backend.read_file(path) {
                        Ok(bytes) => {
                            let actual = sha256_hex(&bytes);
                            if actual != *hash {
                                problem(
                                    &mut report,
                                    path,
                                    format!("content altered: it hashes to {actual}"),
                                );
                            } else {
                                objects.insert(hash.to_string(), path.to_string());
                            }
                        }
                        Err(e) => problem(&mut report, path, format!("unreadable: {e}")),
                    }
                }
                ["histories", file_name] => {
                    let Some(id) = file_name
                        .strip_suffix(".jsonl")
                        .and_then(|s| StoryId::new(s).ok())
                    else {
                        problem(&mut report, path, "unknown file among histories".into());
                        continue;
                    };
                    report.histories_checked += 1;
                    let bytes = match backend.read_file(path) {
                        Ok(b) => b,
                        Err(e) => {
                            problem(&mut report, path, format!("unreadable: {e}"));
                            continue;
                        }
                    };
                    let records = match history::parse(&bytes) {
                        Ok(records) => records,
                        Err(d) => {
                            problem(&mut report, path, format!("line {}: {}", d.line, d.why));
                            if repair {
                                self.repair_history(&mut report, &id, path, &bytes)?;
                            }
                            // Keep the references of the readable lines so their objects are not called orphans.
                            history::rebuild(&bytes).1
                        }
                    };
                    for r in records {
                        article_refs
                            .entry(r.sha256.clone())
                            .or_insert(path.to_string());
                        referenced.insert(r.sha256);
                        if let Some(raw) = r.raw_sha256 {
                            referenced.insert(raw);
                        }
                    }
                }
                ["attic", file_name] if file_name.ends_with(".jsonl") => {}
                ["locks", file_name] if file_name.ends_with(".lock") => {
                    match backend.lock_is_held(path) {
                        Ok(true) => note(&mut report, path, "lock held by a running save".into()),
                        Ok(false) => {
                            note(
                                &mut report,
                                path,
                                "stale lock left by an interrupted save (no process holds it; harmless)"
                                    .into(),
                            );
                            if repair {
                                self.remove_leftover(&mut report, path);
                            }
                        }
                        Err(e) => problem(&mut report, path, format!("unreadable lock: {e}")),
                    }
                }
                _ => problem(&mut report, path, "unknown file in the store".into()),
            }
        }
        for (hash, history_path) in &article_refs {
            match objects.get(hash) {
                None => {
                    if !report
                        .problems
                        .iter()
                        .any(|p| p.path.ends_with(hash.as_str()))
                    {
                        problem(
                            &mut report,
                            history_path,
                            format!("refers to missing object {hash}"),
                        );
                    }
                }
                Some(object_path) => {
                    if let Ok(bytes) = backend.read_file(object_path)
                        && let Err(why) = Article::from_canonical_bytes(&bytes)
                    {
                        problem(&mut report, object_path, why);
                    }
                }
            }
        }
        for (hash, path) in &objects {
            if !referenced.contains(hash) {
                note(
                    &mut report,
                    path,
                    "object no history refers to (left by an interrupted save; harmless)".into(),
                );
            }
        }
        report.problems.sort_by(|a, b| a.path.cmp(&b.path));
        report.notes.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(report)
    }

    fn repair_history(
        &self,
        report: &mut VerifyReport,
        story: &StoryId,
        path: &str,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        let (fixed, records, dropped) = history::rebuild(bytes);
        if records.is_empty() {
            report.repairs.push(Finding {
                path: path.to_string(),
                what: "no readable line: left as it is".into(),
            });
            return Ok(());
        }
        self.backend().replace_history(story, fixed.as_bytes())?;
        report.repairs.push(Finding {
            path: path.to_string(),
            what: format!(
                "rebuilt from {} readable line(s) in capture order, {} version(s); {} unreadable line(s) dropped",
                records.len(),
                records.last().map_or(0, |r| r.version),
                dropped
            ),
        });
        Ok(())
    }

    fn remove_leftover(&self, report: &mut VerifyReport, path: &str) {
        let what = match self.backend().remove_leftover(path) {
            Ok(()) => "deleted".to_string(),
            Err(e) => format!("could not delete: {e}"),
        };
        report.repairs.push(Finding {
            path: path.to_string(),
            what,
        });
    }
}
