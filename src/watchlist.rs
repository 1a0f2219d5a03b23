//! The watch list of `storydiff check --config FILE`: which stories to check, from where, and what fails the
//! build for each.
//!
//! ```toml
//! # storydiff.toml
//! fail_on = ["substantive"]          # default for every story (optional; this is the default)
//!
//! [[story]]
//! id = "cnn-ukraine-peace-plan"
//! source = "https://example.com/2025/11/19/politics/peace-plan"   # a URL or a file path
//!
//! [[story]]
//! id = "local-copy"
//! source = "pages/story.html"          # relative paths are relative to the config file
//! fail_on = ["quotes", "headline"]
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::story_id::StoryId;

/// Errors reading a watch list; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum WatchListError {
    /// Unreadable file.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// Not valid TOML or not the documented shape.
    #[error("{path}: {why}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong (with line and column from the TOML parser).
        why: String,
    },
}

/// One story to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchedStory {
    /// The story id.
    pub id: StoryId,
    /// A URL, or a file path resolved against the config file's folder.
    pub source: String,
    /// Gate kinds for this story (`None`: the list's default).
    pub fail_on: Option<Vec<String>>,
}

/// A parsed watch list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchList {
    /// Default gate kinds.
    pub fail_on: Option<Vec<String>>,
    /// The stories, in file order.
    pub stories: Vec<WatchedStory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    fail_on: Option<Vec<String>>,
    #[serde(default)]
    story: Vec<RawStory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    id: String,
    source: String,
    #[serde(default)]
    fail_on: Option<Vec<String>>,
}

impl WatchList {
    /// Read and check a watch list file.
    pub fn read(path: &Path) -> Result<WatchList, WatchListError> {
        let text = std::fs::read_to_string(path).map_err(|error| WatchListError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        WatchList::parse(&text, path.parent().unwrap_or(Path::new(""))).map_err(|why| {
            WatchListError::Invalid {
                path: path.to_path_buf(),
                why,
            }
        })
    }

    /// Parse watch-list text; relative file sources are resolved against `base`.
    pub fn parse(text: &str, base: &Path) -> Result<WatchList, String> {
        let raw: RawList = toml::from_str(text).map_err(|e| e.to_string().replace('\n', " "))?;
        if raw.story.is_empty() {
            return Err("no [[story]] entries".into());
        }
        let mut stories = Vec::with_capacity(raw.story.len());
        let mut seen = std::collections::HashSet::new();
        for s in raw.story {
            let id = StoryId::new(&s.id).map_err(|e| e.to_string())?;
            if !seen.insert(id.clone()) {
                return Err(format!("story {id} is listed twice"));
            }
            let is_url = s.source.starts_with("http://") || s.source.starts_with("https://");
            let source = if is_url || Path::new(&s.source).is_absolute() {
                s.source
            } else {
                base.join(&s.source).display().to_string()
            };
            stories.push(WatchedStory {
                id,
                source,
                fail_on: s.fail_on,
            });
        }
        Ok(WatchList {
            fail_on: raw.fail_on,
            stories,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_shape() {
        let list = WatchList::parse(
            "fail_on = [\"any\"]\n[[story]]\nid = \"a\"\nsource = \"https://x.test/a\"\n\n[[story]]\nid = \"b\"\nsource = \"b.html\"\nfail_on = [\"quotes\", \"headline\"]\n",
            Path::new("/cfg"),
        )
        .unwrap();
        assert_eq!(list.fail_on, Some(vec!["any".to_string()]));
        assert_eq!(list.stories.len(), 2);
        assert_eq!(list.stories[0].source, "https://x.test/a");
        assert_eq!(list.stories[1].source, "/cfg/b.html");
        assert_eq!(
            list.stories[1].fail_on,
            Some(vec!["quotes".to_string(), "headline".to_string()])
        );
    }

    #[test]
    fn refuses_bad_lists() {
        for bad in [
            "",
            "[[story]]\nid = \"../x\"\nsource = \"a\"\n",
            "[[story]]\nid = \"a\"\n",
            "[[story]]\nid = \"a\"\nsource = \"s\"\nsurprise = 1\n",
            "[[story]]\nid = \"a\"\nsource = \"s\"\n[[story]]\nid = \"a\"\nsource = \"t\"\n",
            "not toml at all [",
        ] {
            assert!(WatchList::parse(bad, Path::new("")).is_err(), "{bad:?}");
        }
    }
}
