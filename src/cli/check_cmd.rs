//! `check`: snapshot a story (or every story of a watch list), compare it with its latest version, save it,
//! and report for CI: exit code by the `--fail-on` gate, GitHub annotations and job summary, JSON for webhooks.

use std::fmt::Write as _;

use serde_json::{Value, json};
use storydiff::ci_platform::{Level, Platform};
use storydiff::diff::{ArticleDiff, diff_articles};
use storydiff::exit_code;
use storydiff::gate::{Gate, GateKind};
use storydiff::report::json::JsonReport;
use storydiff::report::{Side, Sides, markdown, text};
use storydiff::store::SaveOutcome;
use storydiff::watchlist::WatchList;

use super::args::{CheckArgs, CheckFormat, Global};
use super::diff_cmd::options;
use super::output::emit;
use super::sides::{snapshot, story_for_source};
use super::store_cmds::save_line;
use super::{open_store_for_writing, open_store_if_exists};

/// What checking one story found.
struct Checked {
    story: String,
    diff: Option<(ArticleDiff, Sides)>,
    save: Option<SaveOutcome>,
    gate: Gate,
    failed: bool,
    reasons: Vec<GateKind>,
}

pub fn check(global: &Global, a: &CheckArgs) -> anyhow::Result<u8> {
    let platform = Platform::detect(|k| std::env::var(k).ok());
    let cli_gate = a.fail_on.as_deref().map(Gate::parse).transpose()?;
    let (targets, list_gate) = match (&a.config, &a.source) {
        (Some(config), _) => {
            let list = WatchList::read(config)?;
            let default = list.fail_on.as_deref().map(Gate::parse).transpose()?;
            let targets: Vec<(Option<String>, String, Option<Gate>)> = list
                .stories
                .iter()
                .map(|s| {
                    let gate = s.fail_on.as_deref().map(Gate::parse).transpose()?;
                    Ok((Some(s.id.to_string()), s.source.clone(), gate))
                })
                .collect::<anyhow::Result<_>>()?;
            (targets, default)
        }
        (None, Some(source)) => (vec![(a.story.clone(), source.clone(), None)], None),
        (None, None) => anyhow::bail!("give a SOURCE or --config FILE"),
    };
    let many = a.config.is_some();
    let mut worst = exit_code::OK;
    let mut text_out = String::new();
    let mut markdown_out = String::new();
    let mut json_out: Vec<Value> = Vec::new();
    for (story, source, story_gate) in targets {
        // --fail-on on the command line wins, then the story's own, then the list's, then the default.
        let gate = cli_gate
            .clone()
            .or(story_gate)
            .or_else(|| list_gate.clone())
            .unwrap_or_default();
        match check_one(global, a, story.as_deref(), &source, gate) {
            Ok(checked) => {
                let code = if checked.failed {
                    exit_code::CHANGES
                } else {
                    exit_code::OK
                };
                worst = worst.max(code);
                annotate(&platform, &checked);
                text_out.push_str(&render_text(&checked, global.color.enabled()));
                markdown_out.push_str(&render_markdown(&checked));
                json_out.push(render_json(&checked)?);
            }
            Err(e) => {
                worst = exit_code::TROUBLE;
                let name = story.unwrap_or_else(|| source.clone());
                let message = format!("{e:#}");
                eprintln!("storydiff: {name}: {message}");
                if let Some(line) =
                    platform.annotation(Level::Error, &format!("storydiff: {name}"), &message)
                {
                    println!("{line}");
                }
                let _ = writeln!(text_out, "{name}: trouble: {message}");
                let _ = writeln!(
                    markdown_out,
                    "### storydiff: `{name}`\n\n**Trouble:** {message}\n"
                );
                json_out.push(json!({"story": name, "source": source, "error": message}));
                if !many {
                    // One story: its error line is the report.
                    platform.append_summary(&markdown_out)?;
                    return Ok(exit_code::TROUBLE);
                }
            }
        }
    }
    platform.append_summary(&markdown_out)?;
    match a.format {
        CheckFormat::Text => emit(&text_out)?,
        CheckFormat::Markdown => emit(&markdown_out)?,
        CheckFormat::Json => {
            let value = if many {
                json!({"schema_version": 1, "stories": json_out, "exit_code": worst})
            } else {
                json_out.pop().unwrap_or(Value::Null)
            };
            let mut out = serde_json::to_string_pretty(&value)?;
            out.push('\n');
            emit(&out)?;
        }
    }
    Ok(worst)
}

fn check_one(
    global: &Global,
    a: &CheckArgs,
    story: Option<&str>,
    source: &str,
    gate: Gate,
) -> anyhow::Result<Checked> {
    let story = story_for_source(story, source)?;
    let existing = open_store_if_exists(global)?;
    let snap = snapshot(existing.as_ref(), story, source, None, None)?;
    let previous = match (&snap.previous, &existing) {
        (Some(info), Some(store)) => Some((info, store.article(&info.sha256)?)),
        _ => None,
    };
    let diff = previous.as_ref().map(|(info, old)| {
        let diff = diff_articles(old, &snap.article, &options(&a.diff));
        let sides = Sides {
            old: Side {
                label: format!("{}@{}", snap.story, info.version),
                sha256: info.sha256.clone(),
            },
            new: Side {
                label: source.to_string(),
                sha256: snap.article.sha256(),
            },
        };
        (diff, sides)
    });
    let save = if a.dry_run {
        None
    } else {
        let store = match existing {
            Some(store) => store,
            None => open_store_for_writing(global)?,
        };
        Some(store.save(&snap.story, &snap.article, &snap.options)?)
    };
    let reasons = diff
        .as_ref()
        .map(|(d, _)| gate.triggered_by(d))
        .unwrap_or_default();
    Ok(Checked {
        story: snap.story.to_string(),
        failed: !reasons.is_empty(),
        diff,
        save,
        gate,
        reasons,
    })
}

/// A warning per changed story, an error when the change fails the gate.
fn annotate(platform: &Platform, c: &Checked) {
    let Some((diff, _)) = &c.diff else { return };
    if !diff.differs() {
        return;
    }
    let level = if c.failed {
        Level::Error
    } else {
        Level::Warning
    };
    let mut message = diff.summary.text.clone();
    if let Some(headline) = diff
        .fields
        .iter()
        .find(|f| {
            f.field == storydiff::diff::FieldKind::Headline
                && f.op != storydiff::diff::FieldOp::Unchanged
        })
        .and_then(|f| f.new.as_deref())
    {
        let _ = write!(message, " — headline now: {headline}");
    }
    if diff.silent_edit {
        message.push_str(" (silent edit: no update notice)");
    }
    if c.failed {
        let _ = write!(message, " — fails --fail-on {}", kinds(&c.reasons));
    }
    if let Some(line) =
        platform.annotation(level, &format!("storydiff: {} edited", c.story), &message)
    {
        println!("{line}");
    }
}

fn kinds(list: &[GateKind]) -> String {
    list.iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn gate_line(c: &Checked) -> String {
    if c.failed {
        format!("gate: FAILED (--fail-on {}: {})", c.gate, kinds(&c.reasons))
    } else {
        format!("gate: passed (--fail-on {})", c.gate)
    }
}

fn render_text(c: &Checked, color: bool) -> String {
    let mut out = String::new();
    match &c.diff {
        None => {
            let _ = writeln!(out, "{}: first snapshot: saved as the baseline", c.story);
        }
        Some((diff, sides)) => {
            if diff.differs() {
                out.push_str(&text::render(diff, sides, color));
            } else {
                let _ = writeln!(out, "{}: no change", c.story);
            }
        }
    }
    match &c.save {
        Some(save) => out.push_str(&save_line(save)),
        None => {
            let _ = writeln!(out, "{}: dry run: nothing saved", c.story);
        }
    }
    let _ = writeln!(out, "{}", gate_line(c));
    out
}

fn render_markdown(c: &Checked) -> String {
    let mut out = String::new();
    match &c.diff {
        None => {
            let _ = writeln!(
                out,
                "### storydiff: `{}`\n\nFirst snapshot: saved as the baseline.\n",
                c.story
            );
        }
        Some((diff, sides)) if diff.differs() => out.push_str(&markdown::render(diff, sides)),
        Some(_) => {
            let _ = writeln!(out, "### storydiff: `{}`\n\nNo change.\n", c.story);
        }
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        if c.failed {
            format!("**{}**", gate_line(c))
        } else {
            gate_line(c)
        }
    );
    out
}

fn render_json(c: &Checked) -> anyhow::Result<Value> {
    let mut value = match &c.diff {
        Some((diff, sides)) => serde_json::to_value(JsonReport::new(diff, sides))?,
        None => json!({
            "schema_version": storydiff::report::json::SCHEMA_VERSION,
            "changed": false,
            "silent_edit": false,
        }),
    };
    value["story"] = json!(c.story);
    value["baseline"] = json!(c.diff.is_none());
    value["save"] = serde_json::to_value(&c.save)?;
    value["gate"] = json!({
        "fail_on": c.gate.kinds().iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "failed": c.failed,
        "reasons": c.reasons.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
    });
    Ok(value)
}
