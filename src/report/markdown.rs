//! The Markdown report, for pull-request comments, CI job summaries and chat: GitHub-flavoured, with
//! insertions in **bold** and deletions in ~~strike-through~~ (no `<ins>`/`<del>` tags, so it also reads
//! when pasted into Slack or a plain-text field). Article text is escaped, so a `*` or `<b>` in a story is
//! shown, never interpreted.

use std::fmt::Write as _;

use super::{Row, Sides, changed_fields, class_list, describe, field_op, location, rows};
use crate::diff::{ArticleDiff, PARAGRAPH_BREAK, ParagraphChange, ParagraphOp, WordChange, WordOp};

/// Render a diff as GitHub-flavoured Markdown.
///
/// ```
/// use storydiff::article::Article;
/// use storydiff::diff::{diff_articles, DiffOptions};
/// use storydiff::report::{markdown, Side, Sides};
/// let a = Article::from_text("At least 12 died.").unwrap();
/// let b = Article::from_text("At least 15 died.").unwrap();
/// let d = diff_articles(&a, &b, &DiffOptions::default());
/// let sides = Sides {
///     old: Side { label: "a.txt".into(), sha256: a.sha256() },
///     new: Side { label: "b.txt".into(), sha256: b.sha256() },
/// };
/// assert!(markdown::render(&d, &sides).contains("At least ~~12~~ **15** died."));
/// ```
pub fn render(diff: &ArticleDiff, sides: &Sides) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### storydiff: `{}` → `{}`\n",
        code(&sides.old.label),
        code(&sides.new.label)
    );
    let _ = writeln!(out, "**Summary:** {}\n", escape(&diff.summary.text));
    if diff.silent_edit {
        let _ = writeln!(out, "> ⚠️ **{}**\n", escape(super::SILENT_EDIT_WARNING));
    }
    if diff.typography_only && !diff.strict {
        let _ = writeln!(out, "_{}_\n", escape(super::TYPOGRAPHY_NOTE));
    }
    for note in &diff.notes {
        let _ = writeln!(out, "_Note: {}_\n", escape(note));
    }

    let quotes = super::changed_quotes(diff);
    if !quotes.is_empty() {
        out.push_str("**Quotes:**\n\n");
        for (q, phrase) in quotes {
            let _ = writeln!(out, "- **{}**", escape(&phrase));
            if let Some(old) = &q.old {
                let _ = writeln!(out, "  - before: ~~“{}”~~", escape(&old.text));
            }
            if let Some(new) = &q.new {
                let _ = writeln!(out, "  - after: “{}”", escape(&new.text));
            }
        }
        out.push('\n');
    }

    let fields = changed_fields(diff);
    if !fields.is_empty() {
        out.push_str("| Field | Change | Before | After |\n|---|---|---|---|\n");
        for f in fields {
            let op = field_op(f.op);
            let _ = writeln!(
                out,
                "| {} | {op} ({}) | {} | {} |",
                f.field.label(),
                class_list(&f.classes),
                cell(f.old.as_deref()),
                cell(f.new.as_deref())
            );
        }
        out.push('\n');
    }

    if !diff.numbers.is_empty() {
        out.push_str("**Figures:**\n\n");
        for n in &diff.numbers {
            let _ = writeln!(
                out,
                "- {} → {} — {}",
                escape(&n.old),
                escape(&n.new),
                escape(&n.context)
            );
        }
        out.push('\n');
    }

    for row in rows(diff, diff.context) {
        match row {
            Row::Elided { count } => {
                let s = if count == 1 { "" } else { "s" };
                let _ = writeln!(out, "_… {count} unchanged paragraph{s} …_\n");
            }
            Row::Entry(i) => {
                if let Some(p) = diff.paragraphs.get(i) {
                    entry(&mut out, p);
                }
            }
        }
    }
    out
}

fn entry(out: &mut String, p: &ParagraphChange) {
    if p.op == ParagraphOp::Unchanged {
        let _ = writeln!(
            out,
            "_{} unchanged_\n\n{}\n",
            location(p),
            quote(&escape(p.new_text.as_deref().unwrap_or("")))
        );
        return;
    }
    let mut header = format!("**{} {}**", location(p), describe(p));
    if p.old_text.is_some() && p.new_text.is_some() && !p.classes.is_empty() {
        let _ = write!(header, " · {:.0}% similar", p.similarity * 100.0);
    }
    if !p.classes.is_empty() {
        let _ = write!(header, " · _{}_", class_list(&p.classes));
    }
    let _ = writeln!(out, "{header}\n");
    let body = match (&p.old_text, &p.new_text) {
        (Some(old), None) => strike_all(old),
        (None, Some(new)) => bold_all(new),
        (Some(old), Some(new)) if p.rewritten => {
            format!("{}\n\n{}", strike_all(old), bold_all(new))
        }
        (Some(_), Some(new)) if p.words.is_empty() => escape(new),
        _ => words(&p.words),
    };
    let _ = writeln!(out, "{}\n", quote(&body));
}

/// Prefix every line with "> " (a blockquote keeps a multi-paragraph entry together).
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn strike_all(text: &str) -> String {
    text.split(PARAGRAPH_BREAK)
        .map(|p| mark("~~", p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bold_all(text: &str) -> String {
    text.split(PARAGRAPH_BREAK)
        .map(|p| mark("**", p))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Wrap `text` in a Markdown marker. Emphasis cannot start or end with a space in GFM, so surrounding
/// spaces stay outside; a change that is only spacing shows as `␣` (space) or `¶` (paragraph break).
fn mark(marker: &str, text: &str) -> String {
    if text.chars().all(char::is_whitespace) {
        let glyph = if text.contains('\n') { "¶" } else { "␣" };
        return format!("{marker}{glyph}{marker}");
    }
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    let (lead, core, trail) = (
        text.get(..start).unwrap_or(""),
        text.get(start..end).unwrap_or(""),
        text.get(end..).unwrap_or(""),
    );
    let core = core
        .split(PARAGRAPH_BREAK)
        .map(|p| format!("{marker}{}{marker}", escape(p)))
        .collect::<Vec<_>>()
        .join("\n\n");
    format!("{lead}{core}{trail}")
}

/// Word runs with deletions struck and insertions in bold. A deletion directly followed by an insertion
/// gets a space between them ("~~12~~ **15**"), which reads better than "~~12~~**15**" once rendered.
fn words(words: &[WordChange]) -> String {
    let mut s = String::new();
    let mut after_delete = false;
    for w in words {
        if w.op == WordOp::Insert && after_delete && !w.text.starts_with(char::is_whitespace) {
            s.push(' ');
        }
        after_delete = w.op == WordOp::Delete && !w.text.ends_with(char::is_whitespace);
        match w.op {
            WordOp::Equal => s.push_str(&escape(&w.text)),
            WordOp::Delete => s.push_str(&mark("~~", &w.text)),
            WordOp::Insert => {
                s.push_str(&mark("**", &w.text));
                if w.text.contains('\n') && w.text.chars().all(char::is_whitespace) {
                    s.push_str("\n\n");
                }
            }
        }
    }
    s
}

/// A table cell: escaped, pipes escaped, no newlines; an em dash for no value.
fn cell(text: Option<&str>) -> String {
    match text {
        None => "—".to_string(),
        Some(t) => escape(t).replace('\n', " "),
    }
}

/// Text inside an inline code span: backticks cannot be escaped there, so they become a prime.
fn code(text: &str) -> String {
    text.replace('`', "ʹ")
}

/// Escape the characters Markdown (and GitHub's HTML filter) would interpret.
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '#' | '|' | '<' | '>' | '!' => {
                s.push('\\');
                s.push(c);
            }
            '&' => s.push_str("&amp;"),
            _ => s.push(c),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_html() {
        assert_eq!(escape("a*b_<script>"), "a\\*b\\_\\<script\\>");
    }

    #[test]
    fn marks_keep_spaces_outside() {
        assert_eq!(mark("**", " new words "), " **new words** ");
        assert_eq!(mark("**", " "), "**␣**");
    }
}
