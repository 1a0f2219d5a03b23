//! Typed errors of the library. Each names what went wrong in one line; the CLI adds the file or ref it was
//! working on and maps every error to exit code 2.

use std::path::PathBuf;

/// Problems with an input text (a file, stdin, a page) before it becomes an article.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Nothing is left after normalisation: no headline, no paragraph.
    #[error("empty article: no text after normalisation")]
    EmptyArticle,
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte {byte}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        byte: usize,
    },
    /// The input is larger than storydiff accepts (see [`crate::source::MAX_INPUT_BYTES`]).
    #[error("input is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Size of the input, or a lower bound of it.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The path names a directory.
    #[error("is a directory, not a file")]
    IsDirectory(PathBuf),
    /// The file could not be read.
    #[error("{error}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why (not chained as a source: the message already says it).
        error: std::io::Error,
    },
    /// A story id or ref that storydiff refuses.
    #[error("invalid story id {id:?}: {why}")]
    InvalidStoryId {
        /// The id as given.
        id: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// A ref that is not `ID`, `ID@N` or `ID@latest~K`.
    #[error("invalid ref {0:?}: expected ID, ID@N or ID@latest~K")]
    InvalidRef(String),
}
