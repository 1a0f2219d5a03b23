//! `diff` and the report rendering shared by `diff`, `log --patch` and `check`.

use storydiff::diff::{ArticleDiff, DiffOptions, diff_articles};
use storydiff::exit_code;
use storydiff::report::{Sides, html, json, markdown, text};
use storydiff::story_id::{StoryRef, VersionSelector};

use super::args::{DiffArgs, DiffFlags, Global, ReportFormat};
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
