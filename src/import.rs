//! Finding the versions to bulk-import: a folder of histories, or the history of one file in a git repository
//! (the "git scraping" pattern).
//!
//! # Folder layout
//! `DIR/<story-id>/<NN>.txt` (or `.html`): one folder per story, versions in file-name order. Other files
//! (`SOURCE.md`, `meta.json`, a top-level `INDEX.json`) are skipped. A folder name that is not a valid story id
//! is turned into one by [`StoryId::slug`].
//!
//! # Sidecar: `DIR/<story-id>/meta.json`
//! Capture times and headlines come from a sidecar when one exists; otherwise from each file's modification time.
//! The sidecar is the shape git-scraping archives typically hold (and the corpus's `meta.json`):
//!
//! ```json
//! {"versions": [{"file": "01.txt", "captured_at": "2026-02-11T16:31:13Z", "headline": "…"}]}
//! ```
//!
//! Per version: `file` (required), the capture time as `captured_at` or `scraped_at` (RFC 3339), and the headline
//! as `headline` or `title`. A `title` that ends in a site name after a bar ("… | CNN Business") loses that
//! suffix; a `headline` is taken as written. Files the sidecar does not list fall back to their modification time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::story_id::StoryId;

/// File extensions that hold versions.
pub const VERSION_EXTENSIONS: &[&str] = &["txt", "html", "htm"];
/// Longest site-name suffix (after " | ") removed from a sidecar `title`.
const MAX_SITE_SUFFIX_CHARS: usize = 40;

/// Errors while finding versions.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A folder or file could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// A sidecar that is not the documented shape.
    #[error("{path}: not a valid sidecar: {why}")]
    Sidecar {
        /// The sidecar.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// A folder name that cannot become a story id.
    #[error("{0}: cannot derive a story id from the folder name")]
    StoryId(PathBuf),
    /// `git` failed or is missing.
    #[error("git: {0}")]
    Git(String),
}

/// One version to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundVersion {
    /// The file (or, for git, `COMMIT:PATH`).
    pub source: String,
    /// Capture time.
    pub captured_at: DateTime<Utc>,
    /// Headline from the sidecar.
    pub headline: Option<String>,
    /// The bytes, for git versions (folder versions are read by the caller, one at a time).
    pub bytes: Option<Vec<u8>>,
    /// The file path, for folder versions.
    pub path: Option<PathBuf>,
}

/// One story's versions, oldest first.
#[derive(Debug, Clone)]
pub struct FoundStory {
    /// The story.
    pub story: StoryId,
    /// Its versions, in file-name (or commit) order.
    pub versions: Vec<FoundVersion>,
}

#[derive(Deserialize)]
struct Sidecar {
    versions: Vec<SidecarVersion>,
}

#[derive(Deserialize)]
struct SidecarVersion {
    file: String,
    #[serde(default)]
    captured_at: Option<String>,
    #[serde(default)]
    scraped_at: Option<String>,
    #[serde(default)]
    headline: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Every story folder under `dir`, sorted by story id, with its versions in file-name order.
pub fn scan_dir(dir: &Path) -> Result<Vec<FoundStory>, ImportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| ImportError::Io { path, error }
    };
    let mut stories = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        if !entry.file_type().map_err(io(&path))?.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let story = StoryId::new(&name)
            .ok()
            .or_else(|| StoryId::slug(&name))
            .ok_or_else(|| ImportError::StoryId(path.clone()))?;
        let versions = scan_story(&path)?;
        if !versions.is_empty() {
            stories.push(FoundStory { story, versions });
        }
    }
    stories.sort_by(|a, b| a.story.cmp(&b.story));
    Ok(stories)
}

/// The versions in one story folder.
fn scan_story(dir: &Path) -> Result<Vec<FoundVersion>, ImportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| ImportError::Io { path, error }
    };
    let sidecar = read_sidecar(&dir.join("meta.json"))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let is_version = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| VERSION_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if is_version && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    let mut versions = Vec::with_capacity(files.len());
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let listed = sidecar.get(&name);
        let captured_at = match listed.and_then(|(at, _)| *at) {
            Some(at) => at,
            None => {
                let modified = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .map_err(io(&path))?;
                DateTime::<Utc>::from(modified)
            }
        };
        versions.push(FoundVersion {
            source: path.display().to_string(),
            captured_at,
            headline: listed.and_then(|(_, h)| h.clone()),
            bytes: None,
            path: Some(path),
        });
    }
    Ok(versions)
}

/// A sidecar's entries by file name: (capture time, headline).
type SidecarEntries = HashMap<String, (Option<DateTime<Utc>>, Option<String>)>;

fn read_sidecar(path: &Path) -> Result<SidecarEntries, ImportError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(error) => {
            return Err(ImportError::Io {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    let bad = |why: String| ImportError::Sidecar {
        path: path.to_path_buf(),
        why,
    };
    let sidecar: Sidecar = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    let mut out = HashMap::new();
    for v in sidecar.versions {
        let at = match v.captured_at.as_deref().or(v.scraped_at.as_deref()) {
            Some(s) => Some(
                DateTime::parse_from_rfc3339(s)
                    .map_err(|e| bad(format!("{}: time {s:?}: {e}", v.file)))?
                    .with_timezone(&Utc),
            ),
            None => None,
        };
        let headline = v
            .headline
            .or_else(|| v.title.map(|t| strip_site_suffix(&t)));
        out.insert(v.file, (at, headline));
    }
    Ok(out)
}

/// "Jobs report beats forecasts | CNN Business" → "Jobs report beats forecasts".
///
/// ```
/// use storydiff::import::strip_site_suffix;
/// assert_eq!(strip_site_suffix("Jobs rose | CNN Business"), "Jobs rose");
/// assert_eq!(strip_site_suffix("Left | right and more words than any site name has in it at all"),
///            "Left | right and more words than any site name has in it at all");
/// ```
pub fn strip_site_suffix(title: &str) -> String {
    match title.rsplit_once(" | ") {
        Some((head, site))
            if !head.trim().is_empty() && site.chars().count() <= MAX_SITE_SUFFIX_CHARS =>
        {
            head.trim().to_string()
        }
        _ => title.trim().to_string(),
    }
}

/// The versions of `path` in the git repository `repo`, oldest commit first, with commit times as capture
/// times. Uses the `git` command.
pub fn git_history(repo: &Path, path: &str) -> Result<Vec<FoundVersion>, ImportError> {
    let git = |args: &[&str]| -> Result<Vec<u8>, ImportError> {
        let out = Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(args)
            .output()
            .map_err(|e| ImportError::Git(format!("cannot run git: {e}")))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(ImportError::Git(
                err.lines().next().unwrap_or("failed").to_string(),
            ));
        }
        Ok(out.stdout)
    };
    let log = git(&[
        "log",
        "--reverse",
        "--format=%H %cI",
        "--no-renames",
        "--diff-filter=AM",
        "--",
        path,
    ])?;
    let log = String::from_utf8_lossy(&log);
    let mut versions = Vec::new();
    for line in log.lines() {
        let Some((commit, time)) = line.split_once(' ') else {
            continue;
        };
        let captured_at = DateTime::parse_from_rfc3339(time)
            .map_err(|e| ImportError::Git(format!("commit {commit}: time {time:?}: {e}")))?
            .with_timezone(&Utc);
        let bytes = git(&["show", &format!("{commit}:{path}")])?;
        versions.push(FoundVersion {
            source: format!("{}@{commit}:{path}", repo.display()),
            captured_at,
            headline: None,
            bytes: Some(bytes),
            path: None,
        });
    }
    if versions.is_empty() {
        return Err(ImportError::Git(format!("no commit changes {path}")));
    }
    Ok(versions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_are_stripped_only_from_titles() {
        assert_eq!(strip_site_suffix("A | CNN Politics"), "A");
        assert_eq!(strip_site_suffix("No bar here"), "No bar here");
        assert_eq!(strip_site_suffix(" | CNN"), "| CNN");
    }
}
