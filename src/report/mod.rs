//! Rendering an [`ArticleDiff`] for people and programs: [`text`] for the terminal, [`json`] for programs
//! (the contract), [`markdown`] for pull requests and chat, [`html`] for a page to read in a browser.
//!
//! Renderers take the diff, the two [`Sides`] (labels and hashes the caller knows: a file name, a stored
//! ref) and display options; the diff model never knows how it is shown. Shared layout decisions (which
//! paragraphs are shown as context, where a moved paragraph used to be, how an entry is labelled) live here
//! so every format makes the same ones.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::diff::{ArticleDiff, Direction, ParagraphChange, ParagraphOp};

/// One version being compared, as the caller names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// What the reader knows the version as: a path, or a stored ref like `cnn-2026-…@2`.
    pub label: String,
    /// SHA-256 of the version's canonical bytes ([`crate::article::Article::sha256`]).
    pub sha256: String,
}

/// The two versions being compared.
///
/// ```
/// use storydiff::report::{Side, Sides};
/// let sides = Sides {
///     old: Side { label: "story@1".into(), sha256: "ab".repeat(32) },
///     new: Side { label: "story@2".into(), sha256: "cd".repeat(32) },
/// };
/// assert_eq!(sides.old.short_sha(), "abababababab");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sides {
    /// The earlier version.
    pub old: Side,
    /// The later version.
    pub new: Side,
}

impl Side {
    /// The first 12 hex digits of the hash, for headers.
    pub fn short_sha(&self) -> &str {
        self.sha256.get(..12).unwrap_or(&self.sha256)
    }
}

/// One row of a report's paragraph list: an entry of the diff, a run of unchanged paragraphs left out, or
/// (for HTML) the old place of a moved paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Row {
    /// Show entry `i` of [`ArticleDiff::paragraphs`].
    Entry(usize),
    /// `count` unchanged paragraphs are not shown.
    Elided { count: usize },
}

/// The rows to show: every changed entry, up to `context` unchanged entries on each side of it, and the
/// runs of unchanged entries in between as [`Row::Elided`].
pub(crate) fn rows(diff: &ArticleDiff, context: usize) -> Vec<Row> {
    let changed: Vec<usize> = diff
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_change())
        .map(|(i, _)| i)
        .collect();
    let near = |i: usize| {
        let k = changed.partition_point(|&c| c < i);
        let after = changed.get(k).is_some_and(|&c| c - i <= context);
        let before = k > 0 && changed.get(k - 1).is_some_and(|&c| i - c <= context);
        after || before
    };
    let mut out = Vec::new();
    let mut elided = 0;
    for (i, p) in diff.paragraphs.iter().enumerate() {
        if p.is_change() || near(i) {
            if elided > 0 {
                out.push(Row::Elided { count: elided });
                elided = 0;
            }
            out.push(Row::Entry(i));
        } else {
            elided += 1;
        }
    }
    if elided > 0 {
        out.push(Row::Elided { count: elided });
    }
    out
}

/// For each out-of-order entry (moved, or a split or merge that moved), the entry before which its old place
/// is (`diff.paragraphs.len()` for the end), so a report can leave a marker there that links to it.
pub(crate) fn old_places(diff: &ArticleDiff) -> Vec<(usize, usize)> {
    let old_len = diff
        .paragraphs
        .iter()
        .filter_map(|p| p.old.last())
        .max()
        .map_or(0, |m| m + 1);
    // For each old paragraph, the in-order entry holding it.
    let mut holder: Vec<Option<usize>> = vec![None; old_len];
    for (e, p) in diff.paragraphs.iter().enumerate() {
        if p.direction.is_none() {
            for &o in &p.old {
                if let Some(h) = holder.get_mut(o) {
                    *h = Some(e);
                }
            }
        }
    }
    // For each old paragraph, the nearest in-order entry holding an earlier one.
    let mut before: Vec<Option<usize>> = Vec::with_capacity(old_len);
    let mut last = None;
    for h in &holder {
        before.push(last);
        if h.is_some() {
            last = *h;
        }
    }
    let mut out: Vec<(usize, usize)> = diff
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.direction.is_some())
        .filter_map(|(e, p)| {
            let first_old = *p.old.first()?;
            let place = before
                .get(first_old)
                .copied()
                .flatten()
                .map_or(0, |b| b + 1);
            Some((place, e))
        })
        .collect();
    out.sort_unstable();
    out
}

/// 1-based paragraph numbers as a reader counts them: "¶3", "¶3–4".
pub(crate) fn numbers(indices: &[usize]) -> String {
    match (indices.first(), indices.last()) {
        (Some(a), Some(b)) if a == b => format!("¶{}", a + 1),
        (Some(a), Some(b)) => format!("¶{}–{}", a + 1, b + 1),
        _ => String::new(),
    }
}

/// Where an entry is: "¶3", "¶3 → ¶5", "old ¶4".
pub(crate) fn location(p: &ParagraphChange) -> String {
    match (p.old.is_empty(), p.new.is_empty()) {
        (true, _) => numbers(&p.new),
        (_, true) => format!("old {}", numbers(&p.old)),
        _ if p.old == p.new => numbers(&p.new),
        _ => format!("{} → {}", numbers(&p.old), numbers(&p.new)),
    }
}

/// What happened, in a reader's words: "reworded", "moved up", "split in 2", "typography".
pub(crate) fn describe(p: &ParagraphChange) -> String {
    let moved = match p.direction {
        Some(Direction::Up) => " (moved up)",
        Some(Direction::Down) => " (moved down)",
        None => "",
    };
    let base = match p.op {
        ParagraphOp::Unchanged => "unchanged".to_string(),
        ParagraphOp::Modified if p.is_typography_only() => "typography".to_string(),
        ParagraphOp::Modified if p.rewritten => "rewritten".to_string(),
        ParagraphOp::Modified => "reworded".to_string(),
        ParagraphOp::Added => "added".to_string(),
        ParagraphOp::Removed => "removed".to_string(),
        ParagraphOp::Moved => {
            let how = match p.direction {
                Some(Direction::Up) => "moved up",
                _ => "moved down",
            };
            return match (p.classes.is_empty(), p.rewritten) {
                (true, _) => how.to_string(),
                (false, true) => format!("{how} and rewritten"),
                (false, false) => format!("{how} and reworded"),
            };
        }
        ParagraphOp::Split => format!("split in {}", p.new.len()),
        ParagraphOp::Merged => format!("{} merged", p.old.len()),
    };
    format!("{base}{moved}")
}

/// The fields that changed (a report shows only those).
/// The quote changes a report lists (everything but `unchanged`), each with its summary phrase
/// ("quote by Dmitry Peskov reworded") and the paragraph numbers (from 1) it stands in.
pub(crate) fn changed_quotes(diff: &ArticleDiff) -> Vec<(&crate::quotes::QuoteChange, String)> {
    diff.quotes
        .iter()
        .filter(|q| q.op != crate::quotes::QuoteChangeOp::Unchanged)
        .filter_map(|q| {
            let phrase = crate::quotes::describe(q)?;
            let at = |s: &Option<crate::quotes::QuoteSide>| {
                s.as_ref().map(|s| format!("¶{}", s.paragraph + 1))
            };
            let place = match (at(&q.old), at(&q.new)) {
                (Some(o), Some(n)) if o != n => format!("{o} → {n}"),
                (Some(p), _) | (None, Some(p)) => p,
                (None, None) => String::new(),
            };
            Some((q, format!("{phrase} ({place})")))
        })
        .collect()
}

pub(crate) fn changed_fields(diff: &ArticleDiff) -> Vec<&crate::diff::FieldChange> {
    diff.fields
        .iter()
        .filter(|f| f.op != crate::diff::FieldOp::Unchanged)
        .collect()
}

/// What happened to a field, in a reader's words ("added", "removed", "changed", "unchanged").
pub(crate) fn field_op(op: crate::diff::FieldOp) -> &'static str {
    match op {
        crate::diff::FieldOp::Unchanged => "unchanged",
        crate::diff::FieldOp::Added => "added",
        crate::diff::FieldOp::Removed => "removed",
        crate::diff::FieldOp::Changed => "changed",
    }
}

/// The classes of an entry as a comma-separated list ("number, substantive"), empty when none.
pub(crate) fn class_list(classes: &[crate::diff::ChangeClass]) -> String {
    classes
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The warning a report shows for a silent edit.
pub(crate) const SILENT_EDIT_WARNING: &str = "Silent edit: the story's substance changed, and no update notice, correction or editor's note was added or changed.";

/// The note a report shows when the versions differ in typography only.
pub(crate) const TYPOGRAPHY_NOTE: &str =
    "Typography only: these changes do not count as an edit (use --strict to count them).";

#[cfg(test)]
pub(crate) mod tests;
