//! `diff` and the report rendering shared by `diff`, `log --patch` and `check`.

use storydiff::diff::{ArticleDiff, DiffOptions, diff_articles};
use storydiff::exit_code;
use storydiff::report::{Sides, html, json, markdown, text};
use storydiff::story_id::{StoryRef, VersionSelector};

use super::args::{DiffArgs, DiffFlags, Format, Global, QuotesArgs, ReportFormat};
use super::open_store;
use super::output::emit;
use super::sides::{Version, load_version, stored_version};

/// Diff options from the command line.
pub fn options(flags: &DiffFlags) -> DiffOptions {
    DiffOptions {
        strict: flags.strict,
        context: flags.context,
        ..DiffOptions::default()
    }
}

/// Compare two versions.
pub fn compare(old: &Version, new: &Version, flags: &DiffFlags) -> (ArticleDiff, Sides) {
    let diff = diff_articles(&old.article, &new.article, &options(flags));
    let sides = Sides {
        old: old.side.clone(),
        new: new.side.clone(),
    };
    (diff, sides)
}

/// Render a diff in a report format.
pub fn render(diff: &ArticleDiff, sides: &Sides, format: ReportFormat, color: bool) -> String {
    match format {
        ReportFormat::Text => text::render(diff, sides, color),
        ReportFormat::Json => json::render(diff, sides),
        ReportFormat::Markdown => markdown::render(diff, sides),
        ReportFormat::Html => html::render(diff, sides),
    }
}

pub fn diff(global: &Global, a: &DiffArgs) -> anyhow::Result<u8> {
    let mut store = None;
    let (old, new) = match &a.new {
        Some(new) => {
            let old = load_version(&a.old, &mut store, || open_store(global))?;
            let new = load_version(new, &mut store, || open_store(global))?;
            (old, new)
        }
        None => {
            let r: StoryRef = a.old.parse()?;
            if r.version != VersionSelector::Latest {
                anyhow::bail!(
                    "`diff {}` alone needs a story id; give two versions to compare",
                    a.old
                );
            }
            let store = open_store(global)?;
            let history = store.history(&r.story)?;
            if history.versions.len() < 2 {
                anyhow::bail!("{} has only one version: nothing to compare", r.story);
            }
            let at = |k| StoryRef {
                story: r.story.clone(),
                version: VersionSelector::LatestMinus(k),
            };
            (
                stored_version(&store, &at(1))?,
                stored_version(&store, &at(0))?,
            )
        }
    };
    let (diff, sides) = compare(&old, &new, &a.diff);
    emit(&render(&diff, &sides, a.format, global.color.enabled()))?;
    Ok(if diff.changed {
        exit_code::CHANGES
    } else {
        exit_code::OK
    })
}

/// `quotes SOURCE`: every top-level quotation with its speaker.
pub fn quotes(global: &Global, a: &QuotesArgs) -> anyhow::Result<u8> {
    let mut store = None;
    let version = load_version(&a.source, &mut store, || open_store(global))?;
    let quotes = storydiff::quotes::extract(&version.article.paragraphs);
    match a.format {
        Format::Json => super::output::emit_json(&serde_json::json!({
            "schema_version": 1,
            "source": version.side.label,
            "sha256": version.side.sha256,
            "quotes": quotes,
        }))?,
        Format::Text => {
            let mut out = String::new();
            for q in &quotes {
                let who = q.speaker.as_deref().unwrap_or("(no speaker)");
                let how = match (&q.cue, &q.speaker_resolved_by) {
                    (Some(cue), Some(by)) => format!(" [{cue}; {by}]"),
                    (Some(cue), None) => format!(" [{cue}]"),
                    (None, Some(by)) => format!(" [{by}]"),
                    (None, None) => String::new(),
                };
                let kind = match q.kind {
                    storydiff::quotes::QuoteKind::Speech => "",
                    storydiff::quotes::QuoteKind::TitleOrScare => " (title or scare quote)",
                };
                out.push_str(&format!(
                    "¶{:<3} {who}{how}{kind}: “{}”\n",
                    q.paragraph + 1,
                    q.text
                ));
            }
            if quotes.is_empty() {
                out.push_str("(no quotations)\n");
            }
            emit(&out)?;
        }
    }
    Ok(exit_code::OK)
}
