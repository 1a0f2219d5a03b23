//! The snapshot store: content-addressed article objects plus one append-only history per story.
//!
//! [`Store`] holds the rules (deduplication, reverts, observations, version numbering, format marker); the
//! bytes live behind a [`backend::Backend`], of which the local folder ([`local::LocalBackend`]) is the first.
//! `save`, `log` and `show` touch only the story they name: their cost does not grow with the store.

pub mod backend;
pub mod history;
pub mod local;
pub mod verify;

use std::path::PathBuf;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::article::{Article, sha256_hex};
use crate::story_id::{StoryId, StoryRef, VersionSelector};
use backend::Backend;
use history::{Record, SaveStatus};

/// The store format this build writes and reads.
pub const STORE_FORMAT: u64 = 1;

/// Errors of the store. Each displays as one line naming the file or story concerned.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store does not exist (read-only commands do not create one).
    #[error("{0}: no store here (a `storydiff save` creates one)")]
    NotFound(PathBuf),
    /// The path exists and is not a directory.
    #[error("{0}: store path is not a directory")]
    NotADirectory(PathBuf),
    /// A non-empty directory without a store marker.
    #[error(
        "{0}: not a storydiff store (no storydiff-store.json) and not empty; refusing to write into it"
    )]
    NotAStore(PathBuf),
    /// A marker this build cannot read.
    #[error(
        "{path}: store format {found} is newer than this storydiff supports ({supported}); upgrade storydiff"
    )]
    NewerFormat {
        /// The marker file.
        path: PathBuf,
        /// Format found.
        found: u64,
        /// Format supported.
        supported: u64,
    },
    /// A damaged marker.
    #[error("{path}: damaged store marker: {why}")]
    BadMarker {
        /// The marker file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// An I/O error.
    #[error("{path}: {error}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// A symbolic link inside the store, which storydiff does not follow.
    #[error("{0}: is a symbolic link; storydiff does not follow links inside the store")]
    Symlink(PathBuf),
    /// An object a history refers to is missing.
    #[error("{path}: missing object {hash}")]
    MissingObject {
        /// Where it should be.
        path: PathBuf,
        /// Its hash.
        hash: String,
    },
    /// An object whose bytes do not hash to its name or do not parse.
    #[error("{location}: damaged object {hash}: {why}")]
    DamagedObject {
        /// The store.
        location: String,
        /// The object.
        hash: String,
        /// What is wrong.
        why: String,
    },
    /// A history that breaks the format's rules.
    #[error("{location}/histories/{story}.jsonl:{line}: damaged history: {why}")]
    DamagedHistory {
        /// The store.
        location: String,
        /// The story.
        story: StoryId,
        /// 1-based line (0: the whole file).
        line: usize,
        /// What is wrong.
        why: String,
    },
    /// The story has no history in this store.
    #[error("no story {story} in {location}")]
    UnknownStory {
        /// The store.
        location: String,
        /// The story.
        story: StoryId,
    },
    /// The ref names a version the story does not have.
    #[error("{story} has no version {wanted} (it has {latest})")]
    NoSuchVersion {
        /// The story.
        story: StoryId,
        /// What was asked for, as written.
        wanted: String,
        /// How many versions there are.
        latest: u64,
    },
}

/// What is recorded with a save besides the article.
#[derive(Debug, Clone, Default)]
pub struct SaveOptions {
    /// Capture time; `None` means now.
    pub captured_at: Option<DateTime<Utc>>,
    /// Where the text came from.
    pub source: Option<String>,
    /// The page URL.
    pub url: Option<String>,
    /// The page's canonical URL.
    pub canonical_url: Option<String>,
    /// The page's own modification time.
    pub modified: Option<String>,
    /// The raw page bytes (stored as an object beside the article).
    pub raw: Option<Vec<u8>>,
    /// Extractor `name@version`.
    pub extractor: Option<String>,
    /// The page's `ETag`, for the next conditional request.
    pub etag: Option<String>,
    /// The page's `Last-Modified`, for the next conditional request.
    pub last_modified: Option<String>,
}

/// The result of a save (the `save --format json` object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveOutcome {
    /// The story.
    pub story: String,
    /// The version the saved text is (the latest, for `unchanged`).
    pub version: u64,
    /// Canonical article hash.
    pub sha256: String,
    /// `new`, `unchanged` or `reverted`.
    pub status: SaveStatus,
    /// Capture time (RFC 3339, UTC).
    pub captured_at: String,
    /// The version before this save (absent for the first save).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_version: Option<u64>,
    /// With `reverted`: the older version whose text came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverts_to: Option<u64>,
    /// Observation number of this save.
    pub observation: u64,
    /// The headline saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
}

/// One version of a story as `log` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionInfo {
    /// Version number, from 1.
    pub version: u64,
    /// Canonical article hash.
    pub sha256: String,
    /// When this version was first captured.
    pub captured_at: String,
    /// When it was last seen (the latest observation of it while it was current).
    pub last_seen_at: String,
    /// How many saves observed it while it was current.
    pub observations: u64,
    /// Its headline.
    pub headline: Option<String>,
    /// `new` or `reverted`.
    pub status: SaveStatus,
    /// With `reverted`: the version whose text came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverts_to: Option<u64>,
    /// Where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The page URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Extractor `name@version`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extractor: Option<String>,
    /// Raw page object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_sha256: Option<String>,
}

/// A story's history, read and checked.
#[derive(Debug, Clone)]
pub struct History {
    /// The story.
    pub story: StoryId,
    /// Every observation, in order.
    pub records: Vec<Record>,
    /// The versions, oldest first.
    pub versions: Vec<VersionInfo>,
}

impl History {
    fn from_records(story: StoryId, records: Vec<Record>) -> History {
        let mut versions: Vec<VersionInfo> = Vec::new();
        for r in &records {
            match r.status {
                SaveStatus::Unchanged => {
                    if let Some(v) = versions.last_mut() {
                        v.observations += 1;
                        if r.captured_at > v.last_seen_at {
                            v.last_seen_at = r.captured_at.clone();
                        }
                    }
                }
                SaveStatus::New | SaveStatus::Reverted => versions.push(VersionInfo {
                    version: r.version,
                    sha256: r.sha256.clone(),
                    captured_at: r.captured_at.clone(),
                    last_seen_at: r.captured_at.clone(),
                    observations: 1,
                    headline: r.headline.clone(),
                    status: r.status,
                    reverts_to: r.reverts_to,
                    source: r.source.clone(),
                    url: r.url.clone(),
                    extractor: r.extractor.clone(),
                    raw_sha256: r.raw_sha256.clone(),
                }),
            }
        }
        History {
            story,
            records,
            versions,
        }
    }

    /// The latest version, if any.
    pub fn latest(&self) -> Option<&VersionInfo> {
        self.versions.last()
    }

    /// The version a selector names.
    pub fn select(&self, selector: VersionSelector) -> Result<&VersionInfo, StoreError> {
        let latest = self.versions.len() as u64;
        let (number, wanted) = match selector {
            VersionSelector::Latest => (latest, "latest".to_string()),
            VersionSelector::Number(n) => (n, n.to_string()),
            VersionSelector::LatestMinus(k) => (latest.saturating_sub(k), format!("latest~{k}")),
        };
        let too_far = matches!(selector, VersionSelector::LatestMinus(k) if k >= latest);
        if number == 0 || number > latest || too_far {
            return Err(StoreError::NoSuchVersion {
                story: self.story.clone(),
                wanted,
                latest,
            });
        }
        Ok(&self.versions[(number - 1) as usize])
    }
}

/// A story in the store, as `list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySummary {
    /// The story.
    pub story: String,
    /// Number of versions.
    pub versions: u64,
    /// Capture time of the latest observation.
    pub last_captured_at: String,
    /// Latest headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
}

/// A snapshot store.
pub struct Store {
    backend: Box<dyn Backend>,
}

/// The marker's JSON shape.
#[derive(Serialize, serde::Deserialize)]
struct Marker {
    storydiff_store: u64,
}

impl Store {
    /// Open an existing store in a local folder.
    pub fn open_local(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        Store::open(Box::new(local::LocalBackend::new(root)))
    }

    /// Open a local store, creating it when the folder is missing or empty.
    pub fn open_or_create_local(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        Store::open_or_create(Box::new(local::LocalBackend::new(root)))
    }

    /// Open an existing store.
    pub fn open(backend: Box<dyn Backend>) -> Result<Store, StoreError> {
        let store = Store { backend };
        match store.backend.read_marker()? {
            Some(bytes) => store.check_marker(&bytes)?,
            None => {
                let path = PathBuf::from(store.backend.location());
                return Err(if path.exists() {
                    StoreError::NotAStore(path)
                } else {
                    StoreError::NotFound(path)
                });
            }
        }
        Ok(store)
    }

    /// Open a store, creating it if it does not exist.
    pub fn open_or_create(backend: Box<dyn Backend>) -> Result<Store, StoreError> {
        let store = Store { backend };
        match store.backend.read_marker()? {
            Some(bytes) => store.check_marker(&bytes)?,
            None => {
                let marker = serde_json::to_vec(&Marker {
                    storydiff_store: STORE_FORMAT,
                })
                .expect("marker serialises");
                let mut marker = marker;
                marker.push(b'\n');
                store.backend.create(&marker)?;
            }
        }
        Ok(store)
    }

    fn marker_path(&self) -> PathBuf {
        PathBuf::from(self.backend.location()).join(local::MARKER_FILE)
    }

    fn check_marker(&self, bytes: &[u8]) -> Result<(), StoreError> {
        let marker: Marker = serde_json::from_slice(bytes).map_err(|e| StoreError::BadMarker {
            path: self.marker_path(),
            why: e.to_string(),
        })?;
        if marker.storydiff_store > STORE_FORMAT {
            return Err(StoreError::NewerFormat {
                path: self.marker_path(),
                found: marker.storydiff_store,
                supported: STORE_FORMAT,
            });
        }
        Ok(())
    }

    /// Where the store is.
    pub fn location(&self) -> String {
        self.backend.location()
    }

    /// The backend (for `verify`).
    pub fn backend(&self) -> &dyn Backend {
        self.backend.as_ref()
    }

    /// Save `article` as the next observation of `story`.
    ///
    /// Identical (canonical) text to the latest version stores nothing new and reports `unchanged`; identical
    /// text to an older version becomes a new version that `reverts_to` it. Serialised per story by the
    /// backend's lock, so concurrent saves number versions without gaps or repeats.
    pub fn save(
        &self,
        story: &StoryId,
        article: &Article,
        options: &SaveOptions,
    ) -> Result<SaveOutcome, StoreError> {
        let bytes = article.canonical_bytes();
        let sha = sha256_hex(&bytes);
        let raw_sha = options.raw.as_ref().map(|raw| sha256_hex(raw));
        let _lock = self.backend.lock_story(story)?;
        let history_bytes = self.backend.read_history(story)?;
        let history = match &history_bytes {
            Some(bytes) => Some(self.parse_history(story, bytes)?),
            None => None,
        };
        let prev = history_bytes.as_deref().and_then(last_line_hash);
        self.backend.put_object(&sha, &bytes)?;
        if let (Some(raw), Some(raw_sha)) = (&options.raw, &raw_sha) {
            self.backend.put_object(raw_sha, raw)?;
        }
        let records = history.as_ref().map_or(&[][..], |h| h.records.as_slice());
        let mut tip = history::Tip::after(records, prev);
        let previous_version = tip.latest_version();
        let mut record = Record::observation(sha.clone(), article, options, raw_sha);
        let mut line = tip.append(&mut record);
        line.push('\n');
        self.backend.append_history(story, line.as_bytes())?;
        Ok(SaveOutcome {
            story: story.to_string(),
            version: record.version,
            sha256: sha,
            status: record.status,
            captured_at: record.captured_at,
            previous_version,
            reverts_to: record.reverts_to,
            observation: record.seq,
            headline: article.headline.clone(),
        })
    }

    fn read_history_opt(&self, story: &StoryId) -> Result<Option<History>, StoreError> {
        match self.backend.read_history(story)? {
            Some(bytes) => Ok(Some(self.parse_history(story, &bytes)?)),
            None => Ok(None),
        }
    }

    fn parse_history(&self, story: &StoryId, bytes: &[u8]) -> Result<History, StoreError> {
        let records = history::parse(bytes).map_err(|d| StoreError::DamagedHistory {
            location: self.location(),
            story: story.clone(),
            line: d.line,
            why: d.why,
        })?;
        Ok(History::from_records(story.clone(), records))
    }

    /// A story's history; an unknown story is an error.
    pub fn history(&self, story: &StoryId) -> Result<History, StoreError> {
        self.read_history_opt(story)?
            .ok_or_else(|| StoreError::UnknownStory {
                location: self.location(),
                story: story.clone(),
            })
    }

    /// A story's history, or `None` when it has none yet.
    pub fn history_if_any(&self, story: &StoryId) -> Result<Option<History>, StoreError> {
        self.read_history_opt(story)
    }

    /// Resolve a ref to its version.
    pub fn resolve(&self, r: &StoryRef) -> Result<VersionInfo, StoreError> {
        Ok(self.history(&r.story)?.select(r.version)?.clone())
    }

    /// Read the article with hash `sha`, checking that its bytes hash to it.
    pub fn article(&self, sha: &str) -> Result<Article, StoreError> {
        let bytes = self.backend.get_object(sha)?;
        let damaged = |why: String| StoreError::DamagedObject {
            location: self.location(),
            hash: sha.to_string(),
            why,
        };
        let actual = sha256_hex(&bytes);
        if actual != sha {
            return Err(damaged(format!("content hashes to {actual}")));
        }
        Article::from_canonical_bytes(&bytes).map_err(damaged)
    }

    /// Read a raw object (e.g. the page an article was extracted from), checking its hash.
    pub fn raw_object(&self, sha: &str) -> Result<Vec<u8>, StoreError> {
        let bytes = self.backend.get_object(sha)?;
        let actual = sha256_hex(&bytes);
        if actual != sha {
            return Err(StoreError::DamagedObject {
                location: self.location(),
                hash: sha.to_string(),
                why: format!("content hashes to {actual}"),
            });
        }
        Ok(bytes)
    }

    /// Every story with its version count and last capture.
    pub fn list(&self) -> Result<Vec<StorySummary>, StoreError> {
        let mut out = Vec::new();
        for story in self.backend.list_stories()? {
            let h = self.history(&story)?;
            let last = h
                .records
                .last()
                .map(|r| r.captured_at.clone())
                .unwrap_or_default();
            out.push(StorySummary {
                story: story.to_string(),
                versions: h.versions.len() as u64,
                last_captured_at: last,
                headline: h.latest().and_then(|v| v.headline.clone()),
            });
        }
        Ok(out)
    }
}

impl Record {
    /// A record for observing `article` (stored as `sha`) with `options`; numbering is left to
    /// [`history::Tip::append`].
    fn observation(
        sha: String,
        article: &Article,
        options: &SaveOptions,
        raw_sha256: Option<String>,
    ) -> Record {
        Record {
            seq: 0,
            version: 0,
            status: SaveStatus::New,
            sha256: sha,
            captured_at: options
                .captured_at
                .unwrap_or_else(Utc::now)
                .to_rfc3339_opts(SecondsFormat::Secs, true),
            headline: article.headline.clone(),
            reverts_to: None,
            source: options.source.clone(),
            url: options.url.clone(),
            canonical_url: options.canonical_url.clone(),
            modified: options.modified.clone(),
            raw_sha256,
            extractor: options.extractor.clone(),
            etag: options.etag.clone(),
            last_modified: options.last_modified.clone(),
            prev: None,
        }
    }
}

/// Hash of the last complete line of a history (the `prev` of the next record).
fn last_line_hash(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_suffix(b"\n")?;
    let start = body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    Some(sha256_hex(&body[start..]))
}

/// One version handed to [`Store::import_batch`].
#[derive(Debug, Clone)]
pub struct ImportItem {
    /// The article.
    pub article: Article,
    /// Its capture time, source and page metadata.
    pub options: SaveOptions,
}

/// What [`Store::import_batch`] did for one story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    /// Observations appended.
    pub added: usize,
    /// Items already in the history (same text, same capture time): not added again.
    pub skipped: usize,
}

impl Store {
    /// Append many observations of many stories at once, for bulk imports. Items already in a history (same
    /// article hash and capture time) are skipped, so re-running an import adds nothing twice. Objects are
    /// written without an fsync each; one [`Backend::sync`] makes them durable before the history lines that
    /// name them are appended (one write per story); call [`Store::sync`] after the last batch. The stories'
    /// locks are held for the whole batch.
    pub fn import_batch(
        &self,
        batch: &[(StoryId, Vec<ImportItem>)],
    ) -> Result<Vec<ImportOutcome>, StoreError> {
        let mut locks = Vec::with_capacity(batch.len());
        let mut pending: Vec<(&StoryId, String)> = Vec::with_capacity(batch.len());
        let mut outcomes = Vec::with_capacity(batch.len());
        for (story, items) in batch {
            locks.push(self.backend.lock_story(story)?);
            let history_bytes = self.backend.read_history(story)?;
            let history = match &history_bytes {
                Some(bytes) => Some(self.parse_history(story, bytes)?),
                None => None,
            };
            let records = history.as_ref().map_or(&[][..], |h| h.records.as_slice());
            let mut seen: std::collections::HashSet<(String, String)> = records
                .iter()
                .map(|r| (r.sha256.clone(), r.captured_at.clone()))
                .collect();
            let mut tip =
                history::Tip::after(records, history_bytes.as_deref().and_then(last_line_hash));
            let mut lines = String::new();
            let mut outcome = ImportOutcome::default();
            for item in items {
                let bytes = item.article.canonical_bytes();
                let sha = sha256_hex(&bytes);
                let raw_sha = item.options.raw.as_ref().map(|raw| sha256_hex(raw));
                let mut record =
                    Record::observation(sha.clone(), &item.article, &item.options, raw_sha);
                if !seen.insert((sha.clone(), record.captured_at.clone())) {
                    outcome.skipped += 1;
                    continue;
                }
                self.backend.put_object_unsynced(&sha, &bytes)?;
                if let (Some(raw), Some(raw_sha)) = (&item.options.raw, &record.raw_sha256) {
                    self.backend.put_object_unsynced(raw_sha, raw)?;
                }
                lines.push_str(&tip.append(&mut record));
                lines.push('\n');
                outcome.added += 1;
            }
            pending.push((story, lines));
            outcomes.push(outcome);
        }
        // Objects reach the disk before any line that names them.
        self.backend.sync()?;
        for (story, lines) in pending {
            if !lines.is_empty() {
                self.backend
                    .append_history_unsynced(story, lines.as_bytes())?;
            }
        }
        drop(locks);
        Ok(outcomes)
    }

    /// Replace a story's history with `items` (same order; numbering derived again), keeping the old history
    /// under `attic/<story>-<time>.jsonl`. Used by `reextract`, when a better extractor turns the same raw
    /// pages into different articles: versions are renumbered, capture times and sources kept.
    /// Returns the attic file name.
    pub fn rewrite_history(
        &self,
        story: &StoryId,
        items: &[ImportItem],
    ) -> Result<String, StoreError> {
        let _lock = self.backend.lock_story(story)?;
        let old = self
            .backend
            .read_history(story)?
            .ok_or_else(|| StoreError::UnknownStory {
                location: self.location(),
                story: story.clone(),
            })?;
        let mut tip = history::Tip::default();
        let mut lines = String::new();
        for item in items {
            let bytes = item.article.canonical_bytes();
            let sha = sha256_hex(&bytes);
            self.backend.put_object(&sha, &bytes)?;
            let raw_sha = item.options.raw.as_ref().map(|raw| sha256_hex(raw));
            let mut record = Record::observation(sha, &item.article, &item.options, raw_sha);
            lines.push_str(&tip.append(&mut record));
            lines.push('\n');
        }
        let attic = format!("{story}-{}.jsonl", Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
        self.backend.put_attic(&attic, &old)?;
        self.backend.replace_history(story, lines.as_bytes())?;
        Ok(attic)
    }

    /// Make every write of [`Store::import_batch`] durable.
    pub fn sync(&self) -> Result<(), StoreError> {
        self.backend.sync()
    }
}
