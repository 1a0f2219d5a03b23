//! The summary a human reads first: paragraph counts and one line of clauses, most important first
//! ("6 paragraphs added, 1 removed, 2 reworded, 1 moved; headline changed; update notice added").

use super::{ArticleDiff, FieldOp, ParagraphCounts, ParagraphOp, Summary};

/// The clause when nothing differs.
pub(super) const NO_CHANGES: &str = "no changes";

/// Most replaced figures named in the summary line; the rest are counted.
const MAX_FIGURES_IN_SUMMARY: usize = 3;

/// Count the entries and write the clauses of a diff.
pub(super) fn summarize(diff: &ArticleDiff) -> Summary {
    let mut counts = ParagraphCounts::default();
    let mut reworded = 0;
    for p in &diff.paragraphs {
        match p.op {
            ParagraphOp::Unchanged => counts.unchanged += 1,
            ParagraphOp::Modified => {
                counts.modified += 1;
                if !p.is_typography_only() {
                    reworded += 1;
                }
            }
            ParagraphOp::Added => counts.added += 1,
            ParagraphOp::Removed => counts.removed += 1,
            ParagraphOp::Moved => counts.moved += 1,
            ParagraphOp::Split => counts.split += 1,
            ParagraphOp::Merged => counts.merged += 1,
        }
        if p.is_typography_only() {
            counts.typography_only += 1;
        }
    }

    let mut clauses = Vec::new();
    let parts: Vec<String> = [
        (counts.added, "added"),
        (counts.removed, "removed"),
        (reworded, "reworded"),
        (counts.moved, "moved"),
        (counts.split, "split"),
        (counts.merged, "merged"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .enumerate()
    .map(|(k, (n, what))| match k {
        0 => format!("{n} {} {what}", plural(*n, "paragraph")),
        _ => format!("{n} {what}"),
    })
    .collect();
    if !parts.is_empty() {
        clauses.push(parts.join(", "));
    }

    // Field changes, one clause per field kind and op, in field order.
    let mut field_clauses: Vec<(String, usize)> = Vec::new();
    for f in diff.fields.iter().filter(|f| f.op != FieldOp::Unchanged) {
        let typography = f.classes == [super::ChangeClass::Typography];
        let verb = match f.op {
            FieldOp::Added => "added",
            FieldOp::Removed => "removed",
            _ if typography => "changed (typography only)",
            _ => "changed",
        };
        let key = format!("{}\u{0}{verb}", f.field.label());
        match field_clauses.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => field_clauses.push((key, 1)),
        }
    }
    for (key, n) in field_clauses {
        let (label, verb) = key.split_once('\u{0}').unwrap_or((&key, ""));
        clauses.push(match n {
            1 => format!("{label} {verb}"),
            _ => format!("{n} {label}s {verb}"),
        });
    }

    // The same change in the headline and the lede is one change to a reader.
    let mut replaced: Vec<String> = Vec::new();
    for n in &diff.numbers {
        let change = format!("{} → {}", n.old, n.new);
        if !replaced.contains(&change) {
            replaced.push(change);
        }
    }
    if !replaced.is_empty() {
        let shown = replaced
            .iter()
            .take(MAX_FIGURES_IN_SUMMARY)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let more = replaced.len().saturating_sub(MAX_FIGURES_IN_SUMMARY);
        clauses.push(match more {
            0 => format!("figures changed: {shown}"),
            _ => format!("figures changed: {shown} and {more} more"),
        });
    }
    if counts.typography_only > 0 {
        let n = counts.typography_only;
        clauses.push(format!("typography only in {n} {}", plural(n, "paragraph")));
    }

    let mut summary = Summary {
        paragraphs: counts,
        ..Summary::default()
    };
    summary.set_clauses(clauses);
    summary
}

fn plural(n: usize, word: &str) -> String {
    match n {
        1 => word.to_string(),
        _ => format!("{word}s"),
    }
}
