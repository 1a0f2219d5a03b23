//! CI platforms: how `storydiff check` speaks to the CI system it runs in. GitHub Actions gets workflow commands
//! (`::warning …::`, `::error …::`) and a Markdown job summary; anywhere else, plain output. A new platform
//! (GitLab, Buildkite…) is one more variant here.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The CI system storydiff runs under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Platform {
    /// GitHub Actions (`GITHUB_ACTIONS=true`), with the job summary file if the runner gave one.
    GitHubActions {
        /// `$GITHUB_STEP_SUMMARY`.
        step_summary: Option<PathBuf>,
    },
    /// No CI system recognised: plain output only.
    Plain,
}

/// Severity of an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Shown as a warning: a story changed.
    Warning,
    /// Shown as an error: a change that fails the gate.
    Error,
}

impl Platform {
    /// Recognise the platform from environment variables, read through `var` (so tests need no globals).
    ///
    /// ```
    /// use storydiff::ci_platform::Platform;
    /// let env = |k: &str| (k == "GITHUB_ACTIONS").then(|| "true".to_string());
    /// assert!(matches!(Platform::detect(env), Platform::GitHubActions { step_summary: None }));
    /// assert_eq!(Platform::detect(|_| None), Platform::Plain);
    /// ```
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Platform {
        if var("GITHUB_ACTIONS").as_deref() == Some("true") {
            Platform::GitHubActions {
                step_summary: var("GITHUB_STEP_SUMMARY")
                    .filter(|p| !p.is_empty())
                    .map(PathBuf::from),
            }
        } else {
            Platform::Plain
        }
    }

    /// The annotation line for a story, or `None` on a platform without annotations.
    pub fn annotation(&self, level: Level, title: &str, message: &str) -> Option<String> {
        match self {
            Platform::GitHubActions { .. } => {
                let command = match level {
                    Level::Warning => "warning",
                    Level::Error => "error",
                };
                Some(format!(
                    "::{command} title={}::{}",
                    escape_property(title),
                    escape_data(message)
                ))
            }
            Platform::Plain => None,
        }
    }

    /// Append a Markdown report to the job summary, if the platform has one.
    pub fn append_summary(&self, markdown: &str) -> std::io::Result<()> {
        match self {
            Platform::GitHubActions {
                step_summary: Some(path),
            } => append(path, markdown),
            _ => Ok(()),
        }
    }
}

fn append(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    Ok(())
}

/// Escape a workflow command's message as GitHub requires: `%`, `\r`, `\n`.
///
/// ```
/// use storydiff::ci_platform::escape_data;
/// assert_eq!(escape_data("50% off\nnow"), "50%25 off%0Anow");
/// ```
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value: as [`escape_data`], plus `:` and `,`.
///
/// ```
/// use storydiff::ci_platform::escape_property;
/// assert_eq!(escape_property("a: b, c"), "a%3A b%2C c");
/// ```
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_every_special_character() {
        let gh = Platform::GitHubActions { step_summary: None };
        let line = gh
            .annotation(Level::Error, "story: a, b", "100%\r\nedited: yes, twice")
            .unwrap();
        assert_eq!(
            line,
            "::error title=story%3A a%2C b::100%25%0D%0Aedited: yes, twice"
        );
        assert_eq!(Platform::Plain.annotation(Level::Warning, "t", "m"), None);
    }

    #[test]
    fn summary_is_appended_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.md");
        std::fs::write(&path, "earlier step\n").unwrap();
        let gh = Platform::GitHubActions {
            step_summary: Some(path.clone()),
        };
        gh.append_summary("## storydiff").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "earlier step\n## storydiff\n"
        );
    }
}
