//! The terminal report: a header naming both versions, the summary, warnings, changed fields, changed
//! figures, then one block per changed paragraph with the words that changed marked inline, and unchanged
//! paragraphs elided beyond the diff's context.
//!
//! With `color`, deletions are red and insertions green (ANSI SGR codes); without it they are marked the
//! way `git diff --word-diff=plain` does, `[-deleted-]` and `{+inserted+}`, so the report stays readable in
//! a log file and in snapshots. A change that is only spacing shows as `␣` (a space) or `¶` (a paragraph
//! break), which would otherwise be invisible. The caller decides `color` (NO_COLOR, `--color`, a TTY).

use std::fmt::Write as _;

use super::{Row, Sides, changed_fields, class_list, describe, field_op, location, rows};
use crate::diff::{ArticleDiff, ParagraphChange, ParagraphOp, WordChange, WordOp};

/// Render a diff for the terminal.
///
/// ```
/// use storydiff::article::Article;
/// use storydiff::diff::{diff_articles, DiffOptions};
/// use storydiff::report::{text, Side, Sides};
/// let a = Article::from_text("At least 12 died.").unwrap();
/// let b = Article::from_text("At least 15 died.").unwrap();
/// let d = diff_articles(&a, &b, &DiffOptions::default());
/// let sides = Sides {
///     old: Side { label: "a.txt".into(), sha256: a.sha256() },
///     new: Side { label: "b.txt".into(), sha256: b.sha256() },
/// };
/// assert!(text::render(&d, &sides, false).contains("At least [-12-]{+15+} died."));
/// ```
pub fn render(diff: &ArticleDiff, sides: &Sides, color: bool) -> String {
    let paint = Paint { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({})",
        paint.bold("old:"),
        sides.old.label,
        sides.old.short_sha()
    );
    let _ = writeln!(
        out,
        "{} {} ({})",
        paint.bold("new:"),
        sides.new.label,
        sides.new.short_sha()
    );
    let _ = writeln!(out, "{} {}", paint.bold("Summary:"), diff.summary.text);
    if diff.silent_edit {
        let _ = writeln!(out, "{}", paint.warn(super::SILENT_EDIT_WARNING));
    }
    if diff.typography_only && !diff.strict {
        let _ = writeln!(out, "{}", super::TYPOGRAPHY_NOTE);
    }
    for note in &diff.notes {
        let _ = writeln!(out, "Note: {note}");
    }

    let quotes = super::changed_quotes(diff);
    if !quotes.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold("Quotes:"));
        for (q, phrase) in quotes {
            let _ = writeln!(out, "  {phrase}");
            if let Some(old) = &q.old {
                let _ = writeln!(out, "    {}", paint.del_line(&format!("“{}”", old.text)));
            }
            if let Some(new) = &q.new {
                let _ = writeln!(out, "    {}", paint.ins_line(&format!("“{}”", new.text)));
            }
        }
    }

    let fields = changed_fields(diff);
    if !fields.is_empty() {
        out.push('\n');
        for f in fields {
            let classes = class_list(&f.classes);
            let op = field_op(f.op);
            let _ = writeln!(out, "{} {op} [{classes}]", paint.bold(f.field.label()));
            if f.words.is_empty()
                || f.words.len() == 2 && f.similarity < crate::diff::REWRITE_THRESHOLD
            {
                if let Some(old) = &f.old {
                    let _ = writeln!(out, "  {}", paint.del_line(old));
                }
                if let Some(new) = &f.new {
                    let _ = writeln!(out, "  {}", paint.ins_line(new));
                }
            } else {
                let _ = writeln!(out, "  {}", paint.words(&f.words));
            }
        }
    }

    if !diff.numbers.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold("Figures:"));
        for n in &diff.numbers {
            let _ = writeln!(out, "  {} → {}  {}", n.old, n.new, paint.dim(&n.context));
        }
    }

    for row in rows(diff, diff.context) {
        match row {
            Row::Elided { count } => {
                let _ = writeln!(
                    out,
                    "\n{}",
                    paint.dim(&format!("… {count} unchanged paragraph{} …", plural(count)))
                );
            }
            Row::Entry(i) => {
                if let Some(p) = diff.paragraphs.get(i) {
                    out.push('\n');
                    entry(&mut out, p, &paint);
                }
            }
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One paragraph entry: a header line, then its text with changes marked.
fn entry(out: &mut String, p: &ParagraphChange, paint: &Paint) {
    if p.op == ParagraphOp::Unchanged {
        let _ = writeln!(
            out,
            "  {} {}",
            paint.dim(&location(p)),
            paint.dim(p.new_text.as_deref().unwrap_or(""))
        );
        return;
    }
    let mut header = format!("@@ {} {}", location(p), describe(p));
    if p.old_text.is_some() && p.new_text.is_some() && !p.classes.is_empty() {
        let _ = write!(header, " · {:.0}% similar", p.similarity * 100.0);
    }
    if !p.classes.is_empty() {
        let _ = write!(header, " [{}]", class_list(&p.classes));
    }
    let _ = writeln!(out, "{}", paint.header(&header));
    match (&p.old_text, &p.new_text) {
        (Some(old), None) => lines(out, old, |l| paint.del_line(l)),
        (None, Some(new)) => lines(out, new, |l| paint.ins_line(l)),
        (Some(old), Some(new)) if p.rewritten => {
            lines(out, old, |l| paint.del_line(l));
            lines(out, new, |l| paint.ins_line(l));
        }
        (Some(_), Some(new)) if p.words.is_empty() => lines(out, new, |l| l.to_string()),
        _ => {
            let _ = writeln!(out, "{}", paint.words(&p.words));
        }
    }
}

/// Write each paragraph of a (possibly multi-paragraph) text through `style`.
fn lines(out: &mut String, text: &str, style: impl Fn(&str) -> String) {
    for (k, para) in text.split(crate::diff::PARAGRAPH_BREAK).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", style(para));
    }
}

/// How changes look: ANSI colours or word-diff markers.
struct Paint {
    color: bool,
}

const RESET: &str = "\x1b[0m";

impl Paint {
    fn sgr(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.sgr("1", text)
    }

    fn dim(&self, text: &str) -> String {
        self.sgr("2", text)
    }

    fn header(&self, text: &str) -> String {
        self.sgr("36", text)
    }

    fn warn(&self, text: &str) -> String {
        self.sgr("1;33", text)
    }

    fn del_line(&self, text: &str) -> String {
        self.sgr("31", &format!("- {text}"))
    }

    fn ins_line(&self, text: &str) -> String {
        self.sgr("32", &format!("+ {text}"))
    }

    /// Word runs with deletions and insertions marked.
    fn words(&self, words: &[WordChange]) -> String {
        let mut s = String::new();
        for w in words {
            match w.op {
                WordOp::Equal => s.push_str(&w.text),
                WordOp::Delete => {
                    let shown = visible(&w.text);
                    if self.color {
                        s.push_str(&self.sgr("31;9", &shown));
                    } else {
                        let _ = write!(s, "[-{shown}-]");
                    }
                }
                WordOp::Insert => {
                    let shown = visible(&w.text);
                    if self.color {
                        s.push_str(&self.sgr("32;4", &shown));
                    } else {
                        let _ = write!(s, "{{+{shown}+}}");
                    }
                    if shown == "¶" {
                        // Show the new paragraph break itself, so a split reads as two paragraphs.
                        s.push_str(crate::diff::PARAGRAPH_BREAK);
                    }
                }
            }
        }
        s
    }
}

/// Make a change that is only spacing visible: `¶` for a paragraph break, `␣` for each space.
fn visible(text: &str) -> String {
    if !text.chars().all(char::is_whitespace) {
        return text.to_string();
    }
    if text.contains('\n') {
        return "¶".to_string();
    }
    "␣".repeat(text.chars().count())
}
