//! The small interface every store backend implements: objects by hash, per-story append-only histories, a
//! per-story lock, and the listings `list` and `verify` need.
//!
//! The local folder ([`super::local::LocalBackend`]) is the first backend; an object-storage backend
//! (S3-compatible: objects as keys, histories appended with conditional writes, the lock as a lease object) fits
//! the same interface. Nothing above this trait knows about paths, so nothing above it can address a file
//! outside the store.

use crate::story_id::StoryId;

use super::StoreError;

/// A held per-story lock; released when dropped.
pub trait StoryLock {}

/// One file of the store, as seen by [`Backend::list_files`], for `verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreFile {
    /// Path relative to the store root, with `/` separators.
    pub path: String,
    /// What the backend found there.
    pub kind: StoreFileKind,
}

/// What kind of entry a [`StoreFile`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreFileKind {
    /// A regular file.
    File,
    /// A symbolic link (never followed).
    Symlink,
    /// A directory where a file was expected, or anything else.
    Other,
}

/// Storage operations a [`super::Store`] is built on.
///
/// Object names are 64 lower-case hex digits (the SHA-256 of the object's bytes); the backend may trust that
/// callers pass only such names. All writes are atomic: a reader sees a whole object or none, a whole history
/// line or none.
pub trait Backend {
    /// A human-readable name of the store (a path or URL) for messages.
    fn location(&self) -> String;
    /// The bytes of the store's format marker, or `None` when the store does not exist yet.
    fn read_marker(&self) -> Result<Option<Vec<u8>>, StoreError>;
    /// Create the store's layout and write its marker (idempotent; only called when the marker is missing).
    fn create(&self, marker: &[u8]) -> Result<(), StoreError>;
    /// Whether an object exists.
    fn has_object(&self, hash: &str) -> Result<bool, StoreError>;
    /// Store an object atomically and durably; storing an existing object is a no-op.
    fn put_object(&self, hash: &str, bytes: &[u8]) -> Result<(), StoreError>;
    /// Store an object atomically but without waiting for the disk; [`Backend::sync`] makes it durable.
    /// For bulk imports, which would otherwise pay one fsync per file.
    fn put_object_unsynced(&self, hash: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.put_object(hash, bytes)
    }
    /// Append complete lines to a history with a single write, without waiting for the disk.
    fn append_history_unsynced(&self, story: &StoryId, lines: &[u8]) -> Result<(), StoreError> {
        self.append_history(story, lines)
    }
    /// Make every unsynced write durable.
    fn sync(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// Read an object.
    fn get_object(&self, hash: &str) -> Result<Vec<u8>, StoreError>;
    /// The whole history of a story, or `None` when the story has none.
    fn read_history(&self, story: &StoryId) -> Result<Option<Vec<u8>>, StoreError>;
    /// Append one complete line (ending in `\n`) to a story's history with a single write, durably.
    fn append_history(&self, story: &StoryId, line: &[u8]) -> Result<(), StoreError>;
    /// Replace a story's history atomically (used only by `verify --repair`).
    fn replace_history(&self, story: &StoryId, bytes: &[u8]) -> Result<(), StoreError>;
    /// Take the story's exclusive lock, waiting for other holders.
    fn lock_story(&self, story: &StoryId) -> Result<Box<dyn StoryLock>, StoreError>;
    /// The stories that have a history.
    fn list_stories(&self) -> Result<Vec<StoryId>, StoreError>;
    /// Every entry in the store, for `verify` (symlinks reported, never followed).
    fn list_files(&self) -> Result<Vec<StoreFile>, StoreError>;
    /// Read any store file by its relative path from [`Backend::list_files`], for `verify`.
    fn read_file(&self, path: &str) -> Result<Vec<u8>, StoreError>;
    /// Keep a copy of a history that is about to be rewritten (`reextract`), under `attic/NAME`.
    fn put_attic(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError>;
    /// Delete a leftover (temp file, stale lock) at `path` from [`Backend::list_files`], for `verify --repair`.
    fn remove_leftover(&self, path: &str) -> Result<(), StoreError>;
    /// Whether the lock file at `path` (from [`Backend::list_files`]) is held by a live process.
    fn lock_is_held(&self, path: &str) -> Result<bool, StoreError>;
}
