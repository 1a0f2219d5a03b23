//! Story ids and refs: the only names a user gives that can reach the file system, so they are checked here,
//! before any write.
//!
//! A story id is lower-case `[a-z0-9][a-z0-9._-]{0,127}` and never `.`-only; a ref is `ID` (the latest
//! version), `ID@N` (version N, from 1) or `ID@latest~K` (K versions before the latest).

use std::fmt;
use std::str::FromStr;

use crate::error::InputError;

/// Longest story id, in bytes.
pub const MAX_STORY_ID_LEN: usize = 128;

/// A validated story id: safe to use as a file name inside the store.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StoryId(String);

impl StoryId {
    /// Validate `id`.
    ///
    /// ```
    /// use storydiff::story_id::StoryId;
    /// assert!(StoryId::new("cnn-2026-02-11-jobs").is_ok());
    /// assert!(StoryId::new("../etc").is_err());
    /// assert!(StoryId::new("Upper").is_err());
    /// ```
    pub fn new(id: &str) -> Result<StoryId, InputError> {
        let refuse = |why| InputError::InvalidStoryId {
            id: id.to_string(),
            why,
        };
        if id.is_empty() {
            return Err(refuse("empty"));
        }
        if id.len() > MAX_STORY_ID_LEN {
            return Err(refuse("longer than 128 characters"));
        }
        let first = id.as_bytes()[0];
        if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
            return Err(refuse("must start with a lower-case letter or digit"));
        }
        if !id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        }) {
            return Err(refuse("only a-z, 0-9, '.', '_' and '-' are allowed"));
        }
        Ok(StoryId(id.to_string()))
    }

    /// Derive an id from free text (a file stem, a URL path): lower-cased, every run of other characters
    /// becomes `-`, trimmed to 128 characters. Returns `None` when nothing usable is left.
    ///
    /// ```
    /// use storydiff::story_id::StoryId;
    /// assert_eq!(StoryId::slug("Peace Plan (draft)").unwrap().as_str(), "peace-plan-draft");
    /// ```
    pub fn slug(text: &str) -> Option<StoryId> {
        let mut out = String::new();
        for c in text.chars() {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_' {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        let trimmed: &str = out.trim_matches(|c| c == '-' || c == '.' || c == '_');
        let mut id: String = trimmed.chars().take(MAX_STORY_ID_LEN).collect();
        while id.ends_with(['-', '.', '_']) {
            id.pop();
        }
        StoryId::new(&id).ok()
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which version of a story a ref names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionSelector {
    /// The latest version.
    Latest,
    /// Version N (1-based).
    Number(u64),
    /// K versions before the latest (`latest~0` is the latest).
    LatestMinus(u64),
}

/// A reference to one version of a story: `ID`, `ID@N` or `ID@latest~K`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRef {
    /// The story.
    pub story: StoryId,
    /// Which of its versions.
    pub version: VersionSelector,
}

impl FromStr for StoryRef {
    type Err = InputError;

    fn from_str(s: &str) -> Result<StoryRef, InputError> {
        let (id, selector) = match s.split_once('@') {
            None => (s, VersionSelector::Latest),
            Some((id, sel)) => {
                let version = if sel == "latest" {
                    VersionSelector::Latest
                } else if let Some(k) = sel.strip_prefix("latest~") {
                    VersionSelector::LatestMinus(
                        k.parse()
                            .map_err(|_| InputError::InvalidRef(s.to_string()))?,
                    )
                } else {
                    match sel.parse::<u64>() {
                        Ok(n) if n >= 1 => VersionSelector::Number(n),
                        _ => return Err(InputError::InvalidRef(s.to_string())),
                    }
                };
                (id, version)
            }
        };
        Ok(StoryRef {
            story: StoryId::new(id)?,
            version: selector,
        })
    }
}

impl fmt::Display for StoryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.version {
            VersionSelector::Latest => write!(f, "{}", self.story),
            VersionSelector::Number(n) => write!(f, "{}@{n}", self.story),
            VersionSelector::LatestMinus(k) => write!(f, "{}@latest~{k}", self.story),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_ids_are_refused() {
        for bad in [
            "", "..", ".", "/etc", "a/b", "a\\b", "-x", "_x", "A", "a b", "é", "a\0",
        ] {
            assert!(StoryId::new(bad).is_err(), "{bad:?} accepted");
        }
        assert!(StoryId::new(&"a".repeat(129)).is_err());
        assert!(StoryId::new(&"a".repeat(128)).is_ok());
    }

    #[test]
    fn refs_parse() {
        let r: StoryRef = "s@3".parse().unwrap();
        assert_eq!(r.version, VersionSelector::Number(3));
        let r: StoryRef = "s@latest~2".parse().unwrap();
        assert_eq!(r.version, VersionSelector::LatestMinus(2));
        assert!("s@0".parse::<StoryRef>().is_err());
        assert!("s@x".parse::<StoryRef>().is_err());
        assert!("../s@1".parse::<StoryRef>().is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(
            StoryId::slug("../../etc/passwd").unwrap().as_str(),
            "etc-passwd"
        );
        assert!(StoryId::slug("///").is_none());
    }
}
