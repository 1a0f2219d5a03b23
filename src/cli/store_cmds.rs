//! `save`, `log`, `show`, `list` and `verify`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};
use serde_json::json;
use storydiff::exit_code;
use storydiff::store::SaveOutcome;
use storydiff::store::history::SaveStatus;
use storydiff::story_id::{StoryId, StoryRef};

use super::args::{
    Format, Global, ListArgs, LogArgs, ReportFormat, SaveArgs, ShowArgs, VerifyArgs,
};
use super::output::{emit, emit_json};
use super::sides::{snapshot, story_for_source};
use super::{open_store, open_store_for_writing, open_store_if_exists};

/// The first 12 hex digits of a hash, for text output.
pub fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// Parse `--at`.
pub fn parse_at(at: Option<&str>) -> anyhow::Result<Option<chrono::DateTime<chrono::Utc>>> {
    at.map(|s| {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&chrono::Utc))
            .with_context(|| {
                format!("--at {s:?} is not an RFC 3339 time (e.g. 2026-02-11T16:31:13Z)")
            })
    })
    .transpose()
}

/// The story id for a save: `--story`, else a slug of the file name.
pub fn story_for(story: Option<&str>, source: &str) -> anyhow::Result<StoryId> {
    if let Some(id) = story {
        return Ok(StoryId::new(id)?);
    }
    if source == "-" {
        bail!("reading from standard input needs --story ID");
    }
    let stem = Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    StoryId::slug(&stem).with_context(|| {
        format!("{source}: cannot derive a story id from the file name; give --story ID")
    })
}

pub fn save(global: &Global, a: &SaveArgs) -> anyhow::Result<u8> {
    let story = story_for_source(a.story.as_deref(), &a.source)?;
    // Read the source before creating a store: a bad input writes nothing, not even a new store.
    let existing = open_store_if_exists(global)?;
    let snap = snapshot(
        existing.as_ref(),
        story,
        &a.source,
        a.headline.as_deref(),
        a.at.as_deref(),
    )?;
    let store = match existing {
        Some(store) => store,
        None => open_store_for_writing(global)?,
    };
    let outcome = store
        .save(&snap.story, &snap.article, &snap.options)
        .with_context(|| format!("cannot save {}", snap.story))?;
    match a.format {
        Format::Json => emit_json(&outcome)?,
        Format::Text => emit(&save_line(&outcome))?,
    }
    Ok(exit_code::OK)
}

/// One line describing a save.
pub fn save_line(o: &SaveOutcome) -> String {
    match o.status {
        SaveStatus::New if o.previous_version.is_none() => format!(
            "{}: saved version {} (first snapshot), sha256 {}\n",
            o.story,
            o.version,
            short(&o.sha256)
        ),
        SaveStatus::New => format!(
            "{}: saved version {} (new), sha256 {}\n",
            o.story,
            o.version,
            short(&o.sha256)
        ),
        SaveStatus::Unchanged => format!(
            "{}: unchanged since version {} (observation {}), sha256 {}\n",
            o.story,
            o.version,
            o.observation,
            short(&o.sha256)
        ),
        SaveStatus::Reverted => format!(
            "{}: saved version {} (reverts to version {}), sha256 {}\n",
            o.story,
            o.version,
            o.reverts_to.unwrap_or(0),
            short(&o.sha256)
        ),
    }
}

pub fn log(global: &Global, a: &LogArgs) -> anyhow::Result<u8> {
    let store = open_store(global)?;
    let story = StoryId::new(&a.story)?;
    let history = store.history(&story)?;
    if a.patch {
        return super::patch::log_patch(global, &store, &history, a);
    }
    match a.format {
        ReportFormat::Markdown | ReportFormat::Html => {
            anyhow::bail!("log --format markdown|html needs --patch")
        }
        ReportFormat::Json => emit_json(&json!({
            "story": story.as_str(),
            "versions": history.versions,
        }))?,
        ReportFormat::Text => {
            let mut out = String::new();
            let n = history.versions.len();
            let plural = if n == 1 { "" } else { "s" };
            writeln!(
                out,
                "{story}: {n} version{plural}, {} observations",
                history.records.len()
            )?;
            for v in &history.versions {
                let mut notes = Vec::new();
                if let Some(k) = v.reverts_to {
                    notes.push(format!("reverts to {k}"));
                }
                if v.observations > 1 {
                    notes.push(format!(
                        "seen {} times, last {}",
                        v.observations, v.last_seen_at
                    ));
                }
                let notes = if notes.is_empty() {
                    String::new()
                } else {
                    format!("  ({})", notes.join("; "))
                };
                writeln!(
                    out,
                    "{:>4}  {}  {}  {}{}",
                    v.version,
                    v.captured_at,
                    short(&v.sha256),
                    v.headline.as_deref().unwrap_or("(no headline)"),
                    notes
                )?;
            }
            emit(&out)?;
        }
    }
    Ok(exit_code::OK)
}

pub fn show(global: &Global, a: &ShowArgs) -> anyhow::Result<u8> {
    let store = open_store(global)?;
    let r: StoryRef = a.reference.parse()?;
    let version = store.resolve(&r)?;
    let article = store.article(&version.sha256)?;
    match a.format {
        Format::Json => emit_json(&json!({
            "story": r.story.as_str(),
            "version": version.version,
            "sha256": version.sha256,
            "captured_at": version.captured_at,
            "article": article,
        }))?,
        Format::Text => emit(&article.to_text())?,
    }
    Ok(exit_code::OK)
}

pub fn list(global: &Global, a: &ListArgs) -> anyhow::Result<u8> {
    let store = open_store(global)?;
    let stories = store.list()?;
    match a.format {
        Format::Json => emit_json(&json!({ "stories": stories }))?,
        Format::Text => {
            let mut out = String::new();
            for s in &stories {
                writeln!(
                    out,
                    "{}  {} version{}  last {}  {}",
                    s.story,
                    s.versions,
                    if s.versions == 1 { "" } else { "s" },
                    s.last_captured_at,
                    s.headline.as_deref().unwrap_or("")
                )?;
            }
            if stories.is_empty() {
                out.push_str("(no stories)\n");
            }
            emit(&out)?;
        }
    }
    Ok(exit_code::OK)
}

pub fn verify(global: &Global, a: &VerifyArgs) -> anyhow::Result<u8> {
    let store = open_store(global)?;
    let report = store.verify(a.repair)?;
    match a.format {
        Format::Json => emit_json(&json!({
            "ok": report.is_ok(),
            "objects_checked": report.objects_checked,
            "histories_checked": report.histories_checked,
            "problems": report.problems,
            "notes": report.notes,
            "repairs": report.repairs,
        }))?,
        Format::Text => {
            let mut out = String::new();
            for p in &report.problems {
                writeln!(out, "damaged: {}: {}", p.path, p.what)?;
            }
            for n in &report.notes {
                writeln!(out, "note: {}: {}", n.path, n.what)?;
            }
            for r in &report.repairs {
                writeln!(out, "repaired: {}: {}", r.path, r.what)?;
            }
            let verdict = if report.is_ok() {
                "ok".to_string()
            } else {
                format!("{} problem(s)", report.problems.len())
            };
            writeln!(
                out,
                "{}: {} objects, {} histories checked: {verdict}",
                store.location(),
                report.objects_checked,
                report.histories_checked
            )?;
            emit(&out)?;
        }
    }
    Ok(if report.is_ok() {
        exit_code::OK
    } else {
        exit_code::CHANGES
    })
}
