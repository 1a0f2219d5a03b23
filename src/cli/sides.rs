//! Turning what the user typed into articles: a stored ref, a file, a URL; and snapshotting a source against a
//! story's latest version (shared by `save`, `check` and `watch`).

use std::path::Path;

use anyhow::Context;
use storydiff::article::Article;
use storydiff::ingest::http::HttpClient;
use storydiff::ingest::url::story_id_for_url;
use storydiff::ingest::{IngestError, Loaded, Validators, is_url, load_source};
use storydiff::report::Side;
use storydiff::store::{SaveOptions, Store, VersionInfo};
use storydiff::story_id::{StoryId, StoryRef};

use super::store_cmds::{parse_at, story_for};

/// One version to compare, with the label and hash the report shows.
pub struct Version {
    /// The article.
    pub article: Article,
    /// How the report names it.
    pub side: Side,
}

/// Load `spec`: an existing file (or `-`), a URL, or else a stored ref. The store is opened only for refs.
pub fn load_version(
    spec: &str,
    store: &mut Option<Store>,
    open: impl FnOnce() -> anyhow::Result<Store>,
) -> anyhow::Result<Version> {
    if spec == "-" || Path::new(spec).exists() || is_url(spec) {
        let article = load_article(spec)?.ingested.article;
        return Ok(Version {
            side: Side {
                label: spec.to_string(),
                sha256: article.sha256(),
            },
            article,
        });
    }
    let r: StoryRef = spec
        .parse()
        .with_context(|| format!("{spec:?}: no such file, and not a stored ref"))?;
    if store.is_none() {
        *store = Some(open()?);
    }
    let store = store.as_ref().expect("opened above");
    stored_version(store, &r)
}

/// Name the source in a load error: fetch errors name their URL already, file errors get the path.
pub fn with_source<T>(source: &str, result: Result<T, IngestError>) -> anyhow::Result<T> {
    if is_url(source) {
        Ok(result?)
    } else {
        result.with_context(|| source.to_string())
    }
}

/// Read a file, `-` or URL (unconditionally) into an article.
pub fn load_article(source: &str) -> anyhow::Result<storydiff::ingest::LoadedArticle> {
    match with_source(source, load_source(source, &HttpClient::default(), None))? {
        Loaded::Article(loaded) => Ok(*loaded),
        Loaded::NotModified { .. } => {
            anyhow::bail!("{source}: server answered 304 to an unconditional request")
        }
    }
}

/// A stored version, labelled `ID@N`.
pub fn stored_version(store: &Store, r: &StoryRef) -> anyhow::Result<Version> {
    let info = store.resolve(r)?;
    Ok(Version {
        article: store.article(&info.sha256)?,
        side: Side {
            label: format!("{}@{}", r.story, info.version),
            sha256: info.sha256,
        },
    })
}

/// A source read and ready to save as the next observation of its story.
pub struct Snapshot {
    /// The story.
    pub story: StoryId,
    /// The story's latest version before this snapshot (its article is read only by those who compare).
    pub previous: Option<VersionInfo>,
    /// The article read now.
    pub article: Article,
    /// What to record with it.
    pub options: SaveOptions,
}

/// The story id for a source: `--story`, else a slug of the URL or of the file name.
pub fn story_for_source(story: Option<&str>, source: &str) -> anyhow::Result<StoryId> {
    if story.is_none() && is_url(source) {
        return Ok(story_id_for_url(source)?);
    }
    story_for(story, source)
}

/// Read `source` as the next snapshot of `story`. A URL is fetched conditionally with the validators recorded
/// by the story's latest observation of the same source; a 304 yields the latest version again.
pub fn snapshot(
    store: Option<&Store>,
    story: StoryId,
    source: &str,
    headline: Option<&str>,
    at: Option<&str>,
) -> anyhow::Result<Snapshot> {
    let client = HttpClient::default();
    snapshot_with(store, story, source, headline, at, &mut |s, v| {
        load_source(s, &client, v)
    })
}

/// How a snapshot reads its source: the source and the validators of its last capture.
pub type LoadFn<'a> = dyn FnMut(&str, Option<&Validators>) -> Result<Loaded, IngestError> + 'a;

/// [`snapshot`], reading the source with `load` (the polite fetcher of `watch`, for one).
pub fn snapshot_with(
    store: Option<&Store>,
    story: StoryId,
    source: &str,
    headline: Option<&str>,
    at: Option<&str>,
    load: &mut LoadFn<'_>,
) -> anyhow::Result<Snapshot> {
    let captured_at = parse_at(at)?;
    let history = match store {
        Some(s) => s.history_if_any(&story)?,
        None => None,
    };
    let previous = history.as_ref().and_then(|h| h.latest().cloned());
    let validators = history
        .as_ref()
        .and_then(|h| {
            h.records
                .iter()
                .rev()
                .find(|r| r.source.as_deref() == Some(source))
        })
        .map(|r| Validators {
            etag: r.etag.clone(),
            last_modified: r.last_modified.clone(),
        })
        .filter(|v| !v.is_empty() && previous.is_some());
    let loaded = with_source(source, load(source, validators.as_ref()))?;
    let (mut article, mut options) = match loaded {
        Loaded::Article(loaded) => {
            let options = loaded.save_options(source);
            (loaded.ingested.article, options)
        }
        Loaded::NotModified { url } => {
            let (Some(store), Some(latest)) = (store, &previous) else {
                anyhow::bail!("{source}: server answered 304 but the story has no version");
            };
            let article = store.article(&latest.sha256)?;
            let options = SaveOptions {
                source: Some(source.to_string()),
                url: Some(url),
                etag: validators.as_ref().and_then(|v| v.etag.clone()),
                last_modified: validators.as_ref().and_then(|v| v.last_modified.clone()),
                ..SaveOptions::default()
            };
            (article, options)
        }
    };
    if let Some(h) = headline {
        article.set_headline(h);
    }
    options.captured_at = captured_at;
    Ok(Snapshot {
        story,
        previous,
        article,
        options,
    })
}
