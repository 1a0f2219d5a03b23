//! The local-folder backend: plain files, friendly to `git`.
//!
//! ```text
//! <root>/storydiff-store.json      format marker
//! <root>/.gitattributes            histories merge with git's union driver
//! <root>/.gitignore                locks and temp files stay out of git
//! <root>/objects/ab/abcdef…        content-addressed objects (canonical articles, raw pages)
//! <root>/histories/<story>.jsonl   one append-only history per story
//! <root>/locks/<story>.lock        per-story lock files (deleted on release)
//! <root>/attic/<story>-<time>.jsonl  histories as they were before `reextract` rewrote them
//! ```
//!
//! Durability: an object is written to a temp file in its own directory, fsynced, renamed into place, and the
//! directory fsynced; a history line is appended with one `write` on a file opened for appending, then the file
//! is fsynced (and, when the file is new, its directory). Symlinks inside the store are never followed.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::story_id::StoryId;

use super::StoreError;
use super::backend::{Backend, StoreFile, StoreFileKind, StoryLock};

/// File name of the store's format marker.
pub const MARKER_FILE: &str = "storydiff-store.json";
/// Prefix of the store's own temp files (leftovers of interrupted writes).
pub const TEMP_PREFIX: &str = ".tmp-";

/// What a store's root holds besides temp files.
const LAYOUT: &[&str] = &[
    MARKER_FILE,
    "objects",
    "histories",
    "locks",
    "attic",
    ".gitattributes",
    ".gitignore",
];
const GITATTRIBUTES: &str = "# Histories are append-only JSON Lines: parallel CI runners' appends merge by union.\n\
# `storydiff verify` catches a merge that made two versions claim one number; `verify --repair` renumbers.\n\
histories/*.jsonl merge=union\n";
const GITIGNORE: &str = "locks/\n.tmp-*\n";

/// A store in a local directory.
#[derive(Debug, Clone)]
pub struct LocalBackend {
    root: PathBuf,
}

impl LocalBackend {
    /// A backend rooted at `root` (which need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> LocalBackend {
        LocalBackend { root: root.into() }
    }

    fn object_path(&self, hash: &str) -> PathBuf {
        let fan = hash.get(..2).unwrap_or("00");
        self.root.join("objects").join(fan).join(hash)
    }

    fn history_path(&self, story: &StoryId) -> PathBuf {
        self.root.join("histories").join(format!("{story}.jsonl"))
    }

    fn lock_path(&self, story: &StoryId) -> PathBuf {
        self.root.join("locks").join(format!("{story}.lock"))
    }

    /// Refuse to follow a symlink at `path` (or at its parent directory inside the store).
    fn no_symlink(&self, path: &Path) -> Result<(), StoreError> {
        let mut check = Some(path);
        while let Some(p) = check {
            if p == self.root {
                break;
            }
            if let Ok(meta) = fs::symlink_metadata(p)
                && meta.file_type().is_symlink()
            {
                return Err(StoreError::Symlink(p.to_path_buf()));
            }
            check = p.parent();
        }
        Ok(())
    }

    /// Append `lines` to a story's history with one write; with `durable`, fsync it (and its directory when
    /// the file is new).
    fn append_lines(&self, story: &StoryId, line: &[u8], durable: bool) -> Result<(), StoreError> {
        let path = self.history_path(story);
        self.no_symlink(&path)?;
        let dir = self.root.join("histories");
        ensure_dir(&dir)?;
        let is_new = !path.exists();
        let mut file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(|e| io_err(&path, e))?;
        let before = file.metadata().map_err(|e| io_err(&path, e))?.len();
        // One write call for the whole line: an append of this size is not interleaved with another process's.
        let written = file.write(line);
        if !matches!(written, Ok(n) if n == line.len()) {
            // A full disk can cut a write short: take the partial line back so the history stays whole (we
            // hold the story's lock, so nobody appended after us).
            let _ = file.set_len(before);
            let error = match written {
                Err(e) => e,
                Ok(_) => {
                    std::io::Error::new(ErrorKind::WriteZero, "short write appending history line")
                }
            };
            return Err(io_err(&path, error));
        }
        if !durable {
            return Ok(());
        }
        file.sync_all().map_err(|e| io_err(&path, e))?;
        if is_new {
            sync_dir(&dir)?;
        }
        Ok(())
    }

    fn read_regular(&self, path: &Path) -> Result<Vec<u8>, StoreError> {
        self.no_symlink(path)?;
        fs::read(path).map_err(|e| io_err(path, e))
    }
}

/// An I/O error at `path`.
fn io_err(path: &Path, error: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Fsync a directory so a rename or a new file in it survives a crash.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_err(dir, e))
}

/// Write `bytes` to `dest` atomically: temp file in the same directory, fsync, rename, fsync the directory.
fn write_atomic(dest: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_replacing(dest, bytes, true)
}

/// Write `bytes` to `dest` through a temp file and a rename; with `durable`, fsync the file before the rename
/// and the directory after it.
fn write_replacing(dest: &Path, bytes: &[u8], durable: bool) -> Result<(), StoreError> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| io_err(dir, e))?;
    tmp.write_all(bytes).map_err(|e| io_err(tmp.path(), e))?;
    // Store files are meant to be shared (committed, read by CI): world-readable like any other file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))
            .map_err(|e| io_err(tmp.path(), e))?;
    }
    if !durable {
        tmp.persist(dest).map_err(|e| io_err(dest, e.error))?;
        return Ok(());
    }
    tmp.as_file().sync_all().map_err(|e| io_err(dest, e))?;
    tmp.persist(dest).map_err(|e| io_err(dest, e.error))?;
    sync_dir(dir)
}

/// Flush every pending write of the file system holding `root` (one `syncfs`, instead of an fsync per file).
#[cfg(target_os = "linux")]
fn sync_filesystem(root: &Path) -> Result<(), StoreError> {
    use std::os::fd::AsRawFd;
    let dir = File::open(root).map_err(|e| io_err(root, e))?;
    // SAFETY: `syncfs` only reads the file descriptor, which `dir` keeps open for the duration of the call.
    let rc = unsafe { libc::syncfs(dir.as_raw_fd()) };
    if rc != 0 {
        return Err(io_err(root, std::io::Error::last_os_error()));
    }
    Ok(())
}

/// Flush pending writes (portable fallback: a global `sync`).
#[cfg(all(unix, not(target_os = "linux")))]
fn sync_filesystem(root: &Path) -> Result<(), StoreError> {
    // SAFETY: `sync` takes no arguments and cannot fail.
    unsafe { libc::sync() };
    sync_dir(root)
}

/// Create `dir` (and parents) if missing, fsyncing the parent of each directory created.
fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => sync_dir(parent),
        _ => sync_dir(Path::new(".")),
    }
}

/// The lock on one story: a lock file held with an exclusive OS lock, deleted on release.
struct LocalLock {
    file: File,
    path: PathBuf,
}

impl StoryLock for LocalLock {}

impl Drop for LocalLock {
    fn drop(&mut self) {
        // Delete while still holding the lock: a waiter that then gets the lock on the old file sees the path no
        // longer names it and tries again (see `lock_story`).
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names the file `file` is open on.
#[cfg(unix)]
fn still_names(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(path), file.metadata()) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_names(path: &Path, _file: &File) -> bool {
    path.exists()
}

impl Backend for LocalBackend {
    fn location(&self) -> String {
        self.root.display().to_string()
    }

    fn read_marker(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let path = self.root.join(MARKER_FILE);
        match fs::symlink_metadata(&self.root) {
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(&self.root, e)),
            Ok(_) if !self.root.is_dir() => {
                return Err(StoreError::NotADirectory(self.root.clone()));
            }
            Ok(_) => {}
        }
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_err(&path, e)),
        }
    }

    fn create(&self, marker: &[u8]) -> Result<(), StoreError> {
        if self.root.exists() {
            // Only an empty folder, or one holding nothing but a store's own layout (a creation that was
            // interrupted, or is running in another process right now), becomes a store.
            for entry in fs::read_dir(&self.root).map_err(|e| io_err(&self.root, e))? {
                let name = entry.map_err(|e| io_err(&self.root, e))?.file_name();
                let name = name.to_string_lossy();
                let ours = LAYOUT.contains(&name.as_ref()) || name.starts_with(TEMP_PREFIX);
                if !ours {
                    return Err(StoreError::NotAStore(self.root.clone()));
                }
            }
        }
        ensure_dir(&self.root)?;
        for dir in ["objects", "histories", "locks"] {
            ensure_dir(&self.root.join(dir))?;
        }
        write_atomic(&self.root.join(".gitattributes"), GITATTRIBUTES.as_bytes())?;
        write_atomic(&self.root.join(".gitignore"), GITIGNORE.as_bytes())?;
        // The marker goes last: a store whose creation was interrupted has no marker and is created again.
        write_atomic(&self.root.join(MARKER_FILE), marker)
    }

    fn has_object(&self, hash: &str) -> Result<bool, StoreError> {
        let path = self.object_path(hash);
        self.no_symlink(&path)?;
        match fs::symlink_metadata(&path) {
            Ok(meta) => Ok(meta.is_file()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io_err(&path, e)),
        }
    }

    fn put_object(&self, hash: &str, bytes: &[u8]) -> Result<(), StoreError> {
        if self.has_object(hash)? {
            return Ok(());
        }
        let path = self.object_path(hash);
        if let Some(dir) = path.parent() {
            ensure_dir(dir)?;
        }
        write_atomic(&path, bytes)
    }

    fn put_object_unsynced(&self, hash: &str, bytes: &[u8]) -> Result<(), StoreError> {
        if self.has_object(hash)? {
            return Ok(());
        }
        let path = self.object_path(hash);
        if let Some(dir) = path.parent()
            && !dir.is_dir()
        {
            fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        }
        write_replacing(&path, bytes, false)
    }

    fn append_history_unsynced(&self, story: &StoryId, lines: &[u8]) -> Result<(), StoreError> {
        self.append_lines(story, lines, false)
    }

    fn sync(&self) -> Result<(), StoreError> {
        sync_filesystem(&self.root)
    }

    fn get_object(&self, hash: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.object_path(hash);
        match self.read_regular(&path) {
            Err(StoreError::Io { error, .. }) if error.kind() == ErrorKind::NotFound => {
                Err(StoreError::MissingObject {
                    path,
                    hash: hash.to_string(),
                })
            }
            other => other,
        }
    }

    fn read_history(&self, story: &StoryId) -> Result<Option<Vec<u8>>, StoreError> {
        let path = self.history_path(story);
        match self.read_regular(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(StoreError::Io { error, .. }) if error.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn append_history(&self, story: &StoryId, line: &[u8]) -> Result<(), StoreError> {
        self.append_lines(story, line, true)
    }

    fn replace_history(&self, story: &StoryId, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.history_path(story);
        self.no_symlink(&path)?;
        write_atomic(&path, bytes)
    }

    fn lock_story(&self, story: &StoryId) -> Result<Box<dyn StoryLock>, StoreError> {
        let dir = self.root.join("locks");
        ensure_dir(&dir)?;
        let path = self.lock_path(story);
        self.no_symlink(&path)?;
        loop {
            let file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| io_err(&path, e))?;
            file.lock().map_err(|e| io_err(&path, e))?;
            if still_names(&path, &file) {
                return Ok(Box::new(LocalLock { file, path }));
            }
            // The holder before us deleted this lock file on release; lock the new one.
        }
    }

    fn list_stories(&self) -> Result<Vec<StoryId>, StoreError> {
        let dir = self.root.join("histories");
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err(&dir, e)),
        };
        let mut stories = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| io_err(&dir, e))?;
            let name = entry.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".jsonl")) else {
                continue;
            };
            if let Ok(id) = StoryId::new(stem) {
                stories.push(id);
            }
        }
        stories.sort();
        Ok(stories)
    }

    fn list_files(&self) -> Result<Vec<StoreFile>, StoreError> {
        let mut out = Vec::new();
        let mut pending = vec![(self.root.clone(), String::new())];
        while let Some((dir, rel)) = pending.pop() {
            let entries = fs::read_dir(&dir).map_err(|e| io_err(&dir, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| io_err(&dir, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel_path = if rel.is_empty() {
                    name.clone()
                } else {
                    format!("{rel}/{name}")
                };
                let file_type = entry.file_type().map_err(|e| io_err(&entry.path(), e))?;
                if file_type.is_symlink() {
                    out.push(StoreFile {
                        path: rel_path,
                        kind: StoreFileKind::Symlink,
                    });
                } else if file_type.is_dir() {
                    pending.push((entry.path(), rel_path));
                } else if file_type.is_file() {
                    out.push(StoreFile {
                        path: rel_path,
                        kind: StoreFileKind::File,
                    });
                } else {
                    out.push(StoreFile {
                        path: rel_path,
                        kind: StoreFileKind::Other,
                    });
                }
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn read_file(&self, path: &str) -> Result<Vec<u8>, StoreError> {
        if path.split('/').any(|part| part == ".." || part.is_empty()) {
            return Err(StoreError::Symlink(self.root.join(path)));
        }
        self.read_regular(&self.root.join(path))
    }

    fn put_attic(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let dir = self.root.join("attic");
        ensure_dir(&dir)?;
        let path = dir.join(name);
        self.no_symlink(&path)?;
        write_atomic(&path, bytes)
    }

    fn remove_leftover(&self, path: &str) -> Result<(), StoreError> {
        let full = self.root.join(path);
        self.no_symlink(&full)?;
        fs::remove_file(&full).map_err(|e| io_err(&full, e))
    }

    fn lock_is_held(&self, path: &str) -> Result<bool, StoreError> {
        let full = self.root.join(path);
        self.no_symlink(&full)?;
        let file = File::open(&full).map_err(|e| io_err(&full, e))?;
        match file.try_lock() {
            Ok(()) => {
                let _ = file.unlock();
                Ok(false)
            }
            Err(std::fs::TryLockError::WouldBlock) => Ok(true),
            Err(std::fs::TryLockError::Error(e)) => Err(io_err(&full, e)),
        }
    }
}
