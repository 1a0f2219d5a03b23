//! `import`: bulk-load a folder of histories or one file's git history, in batches, with a progress bar.

use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use storydiff::exit_code;
use storydiff::import::{FoundStory, FoundVersion, git_history, scan_dir};
use storydiff::ingest::{LoadedArticle, Validators, ingest_bytes};
use storydiff::source::read_bytes;
use storydiff::store::{ImportItem, ImportOutcome, SaveOptions};

use super::args::{Format, Global, ImportArgs};
use super::open_store_for_writing;
use super::output::{emit, emit_json};
use super::store_cmds::story_for;

/// Stories per batch: one `syncfs` for the objects of this many stories (their locks are held meanwhile).
const BATCH_STORIES: usize = 256;

pub fn import(global: &Global, a: &ImportArgs) -> anyhow::Result<u8> {
    let stories = match (&a.dir, &a.git, &a.path) {
        (_, Some(repo), Some(path)) => {
            let story = story_for(a.story.as_deref(), path)?;
            let versions = git_history(repo, path)?;
            vec![FoundStory { story, versions }]
        }
        (Some(dir), _, _) => {
            scan_dir(dir).with_context(|| format!("cannot import {}", dir.display()))?
        }
        _ => anyhow::bail!("give a folder, or --git REPO --path FILE"),
    };
    let store = open_store_for_writing(global)?;
    let total: u64 = stories.iter().map(|s| s.versions.len() as u64).sum();
    let bar = if a.progress {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {pos}/{len} versions  {per_sec}  eta {eta}  {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut totals = ImportOutcome::default();
    let mut failures: Vec<String> = Vec::new();
    for chunk in stories.chunks(BATCH_STORIES) {
        let mut batch = Vec::with_capacity(chunk.len());
        for found in chunk {
            let mut items = Vec::with_capacity(found.versions.len());
            for v in &found.versions {
                bar.inc(1);
                match load(v) {
                    Ok(item) => items.push(item),
                    Err(e) => failures.push(format!("{}: {e:#}", v.source)),
                }
            }
            bar.set_message(found.story.to_string());
            batch.push((found.story.clone(), items));
        }
        let outcomes = store.import_batch(&batch)?;
        for o in outcomes {
            totals.added += o.added;
            totals.skipped += o.skipped;
        }
    }
    store.sync()?;
    bar.finish_and_clear();
    for f in &failures {
        eprintln!("storydiff: {f}");
    }
    match a.format {
        Format::Json => emit_json(&json!({
            "stories": stories.len(),
            "versions_found": total,
            "added": totals.added,
            "skipped": totals.skipped,
            "failed": failures.len(),
        }))?,
        Format::Text => emit(&format!(
            "{}: {} stories, {total} versions found: {} added, {} already there, {} failed\n",
            store.location(),
            stories.len(),
            totals.added,
            totals.skipped,
            failures.len()
        ))?,
    }
    Ok(if failures.is_empty() {
        exit_code::OK
    } else {
        exit_code::TROUBLE
    })
}

/// Read one version into an import item.
fn load(v: &FoundVersion) -> anyhow::Result<ImportItem> {
    let bytes = match (&v.bytes, &v.path) {
        (Some(bytes), _) => bytes.clone(),
        (None, Some(path)) => read_bytes(path)?,
        (None, None) => read_bytes(Path::new(&v.source))?,
    };
    let ingested = ingest_bytes(bytes.clone(), None)?;
    let loaded = LoadedArticle {
        raw: ingested.page.is_some().then_some(bytes),
        ingested,
        url: None,
        validators: Validators::default(),
    };
    let mut article = loaded.ingested.article.clone();
    if let Some(h) = &v.headline {
        article.set_headline(h);
    }
    let options = SaveOptions {
        captured_at: Some(v.captured_at),
        ..loaded.save_options(&v.source)
    };
    Ok(ImportItem { article, options })
}
