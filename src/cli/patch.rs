//! `log --patch`: every version's diff against the one before, like `git log -p`, in any report format.

use std::fmt::Write as _;

use serde_json::json;
use storydiff::article::Article;
use storydiff::diff::{Analysed, diff_versions};
use storydiff::exit_code;
use storydiff::quotes;
use storydiff::report::html::esc;
use storydiff::report::json::JsonReport;
use storydiff::report::{Side, Sides};
use storydiff::store::{History, Store};

use super::args::{Global, LogArgs, ReportFormat};
use super::diff_cmd::render;
use super::output::emit;

pub fn log_patch(
    global: &Global,
    store: &Store,
    history: &History,
    a: &LogArgs,
) -> anyhow::Result<u8> {
    let story = &history.story;
    let options = super::diff_cmd::options(&a.diff);
    let color = global.color.enabled();
    let mut text = String::new();
    let mut json_versions = Vec::new();
    let mut pages: Vec<(String, String)> = Vec::new();
    // Each version is the new side of one diff and the old side of the next: its quotations are analysed
    // once and kept with it; the paragraphs versions share are read once for the whole history.
    let mut previous: Option<(Side, Article, quotes::Analysis)> = None;
    let mut cache = quotes::AnalysisCache::default();
    for v in &history.versions {
        let article = store.article(&v.sha256)?;
        let analysis = quotes::analyse_cached(&article.paragraphs, &mut cache);
        let side = Side {
            label: format!("{story}@{}", v.version),
            sha256: v.sha256.clone(),
        };
        let headline = v.headline.as_deref().unwrap_or("(no headline)");
        let diff = previous.as_ref().map(|(old_side, old, old_analysis)| {
            let diff = diff_versions(
                Analysed::new(old, old_analysis),
                Analysed::new(&article, &analysis),
                &options,
            );
            let sides = Sides {
                old: old_side.clone(),
                new: side.clone(),
            };
            (diff, sides)
        });
        match a.format {
            ReportFormat::Text => {
                writeln!(
                    text,
                    "version {}  {}  {}  {headline}",
                    v.version,
                    v.captured_at,
                    side.short_sha()
                )?;
                match &diff {
                    Some((d, s)) => text.push_str(&render(d, s, a.format, color)),
                    None => text.push_str("(first version)\n"),
                }
                text.push('\n');
            }
            ReportFormat::Markdown => {
                writeln!(text, "## Version {} — {}\n", v.version, v.captured_at)?;
                match &diff {
                    Some((d, s)) => text.push_str(&render(d, s, a.format, color)),
                    None => writeln!(text, "First version: {headline}")?,
                }
                text.push('\n');
            }
            ReportFormat::Json => {
                let report = diff
                    .as_ref()
                    .map(|(d, s)| serde_json::to_value(JsonReport::new(d, s)));
                let mut entry = serde_json::to_value(v)?;
                entry["diff"] = report.transpose()?.unwrap_or(serde_json::Value::Null);
                json_versions.push(entry);
            }
            ReportFormat::Html => {
                if let Some((d, s)) = &diff {
                    pages.push((
                        format!("Version {} — {}", v.version, v.captured_at),
                        render(d, s, a.format, false),
                    ));
                }
            }
        }
        previous = Some((side, article, analysis));
    }
    match a.format {
        ReportFormat::Json => {
            let mut out = serde_json::to_string_pretty(&json!({
                "schema_version": 1,
                "story": story.as_str(),
                "versions": json_versions,
            }))?;
            out.push('\n');
            emit(&out)?;
        }
        ReportFormat::Html => emit(&html_history(story.as_str(), &pages))?,
        _ => emit(&text)?,
    }
    Ok(exit_code::OK)
}

/// One self-contained page holding each version's report page in a sandboxed `srcdoc` frame (no network,
/// no scripts).
fn html_history(story: &str, pages: &[(String, String)]) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = write!(out, "<title>History of {}</title>", esc(story));
    out.push_str(
        "<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:90rem;padding:0 1rem}\
         iframe{width:100%;height:80vh;border:1px solid #ccc;border-radius:6px}</style></head><body>",
    );
    let _ = write!(out, "<h1>History of {}</h1>", esc(story));
    if pages.is_empty() {
        out.push_str("<p>Only one version: nothing to compare.</p>");
    }
    for (title, page) in pages {
        let _ = write!(
            out,
            "<section><h2>{}</h2><iframe sandbox title=\"{}\" srcdoc=\"{}\"></iframe></section>",
            esc(title),
            esc(title),
            esc(page)
        );
    }
    out.push_str("</body></html>\n");
    out
}
