//! The HTML report: one self-contained page (inline CSS, no script, no external asset, nothing fetched)
//! with a side-by-side view and an inline view of the paragraph diff, switched by CSS-only tabs.
//!
//! - Every text from an article or a label is HTML-escaped; a `<script>` in a story stays text.
//! - Deletions are `<del>` and insertions `<ins>`, each carrying visually hidden "Before:"/"After:" text
//!   so a screen reader says what changed; the side-by-side table has "Before"/"After" column headers.
//! - A moved paragraph links to a marker left at its old place, and the marker links back.
//! - Runs of unchanged paragraphs beyond the diff's context fold into `<details>`.
//! - Light and dark colour schemes follow the reader's system setting.

use std::fmt::Write as _;

use super::{Row, Sides, class_list, describe, field_op, location, old_places, rows};
use crate::diff::{
    ArticleDiff, Direction, FieldChange, FieldOp, PARAGRAPH_BREAK, ParagraphChange, ParagraphOp,
    WordChange, WordOp,
};

/// Render a diff as a self-contained HTML page.
///
/// ```
/// use storydiff::article::Article;
/// use storydiff::diff::{diff_articles, DiffOptions};
/// use storydiff::report::{html, Side, Sides};
/// let a = Article::from_text("Said <b>hi</b>.").unwrap();
/// let b = Article::from_text("Said <script>alert(1)</script>.").unwrap();
/// let d = diff_articles(&a, &b, &DiffOptions::default());
/// let sides = Sides {
///     old: Side { label: "a".into(), sha256: a.sha256() },
///     new: Side { label: "b".into(), sha256: b.sha256() },
/// };
/// let page = html::render(&d, &sides);
/// assert!(page.contains("&lt;script&gt;") && !page.contains("<script>"));
/// ```
pub fn render(diff: &ArticleDiff, sides: &Sides) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let title = format!("storydiff: {} → {}", sides.old.label, sides.new.label);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    header(&mut out, diff, sides);
    quotes(&mut out, diff);
    fields(&mut out, &diff.fields);
    figures(&mut out, diff);

    let rows = rows(diff, diff.context);
    let places = old_places(diff);
    out.push_str("<main>\n<h2 class=\"visually-hidden\">Paragraphs</h2>\n");
    out.push_str(
        "<input type=\"radio\" name=\"view\" id=\"tab-sbs\" class=\"tab-input\" checked>\
         <label for=\"tab-sbs\" class=\"tab\">Side by side</label>\
         <input type=\"radio\" name=\"view\" id=\"tab-inline\" class=\"tab-input\">\
         <label for=\"tab-inline\" class=\"tab\">Inline</label>\n",
    );
    side_by_side(&mut out, diff, &rows, &places);
    inline(&mut out, diff, &rows, &places);
    out.push_str("</main>\n<footer>Made by storydiff. Paragraph numbers count body paragraphs from 1.</footer>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, diff: &ArticleDiff, sides: &Sides) {
    out.push_str("<header class=\"top\">\n<h1>What changed</h1>\n<p class=\"versions\">");
    let _ = writeln!(
        out,
        "<span class=\"ver\"><span class=\"ver-tag before\">Before</span> <code>{}</code> <small title=\"{}\">{}</small></span>\
         <span class=\"arrow\" aria-hidden=\"true\">→</span>\
         <span class=\"ver\"><span class=\"ver-tag after\">After</span> <code>{}</code> <small title=\"{}\">{}</small></span></p>",
        esc(&sides.old.label),
        esc(&sides.old.sha256),
        esc(sides.old.short_sha()),
        esc(&sides.new.label),
        esc(&sides.new.sha256),
        esc(sides.new.short_sha()),
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        esc(&capitalise(&diff.summary.text))
    );
    out.push_str("<ul class=\"chips\" aria-label=\"Paragraph counts\">");
    let c = &diff.summary.paragraphs;
    let reworded = c.modified - c.typography_only.min(c.modified);
    for (n, label, class) in [
        (c.added, "added", "added"),
        (c.removed, "removed", "removed"),
        (reworded, "reworded", "modified"),
        (c.moved, "moved", "moved"),
        (c.split, "split", "split"),
        (c.merged, "merged", "split"),
        (c.typography_only, "typography only", "typo"),
        (c.unchanged, "unchanged", "unchanged"),
    ] {
        if n > 0 {
            let _ = write!(
                out,
                "<li class=\"chip {class}\"><strong>{n}</strong> {label}</li>"
            );
        }
    }
    out.push_str("</ul>\n");
    if diff.silent_edit {
        let _ = writeln!(
            out,
            "<p class=\"alert\" role=\"note\"><strong>Silent edit.</strong> {}</p>",
            esc(super::SILENT_EDIT_WARNING.trim_start_matches("Silent edit: "))
        );
    }
    if diff.typography_only && !diff.strict {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(super::TYPOGRAPHY_NOTE));
    }
    for note in &diff.notes {
        let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", esc(note));
    }
    out.push_str("</header>\n");
}

fn fields(out: &mut String, fields: &[FieldChange]) {
    let changed: Vec<&FieldChange> = fields
        .iter()
        .filter(|f| f.op != FieldOp::Unchanged)
        .collect();
    if changed.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"fields\">\n<h2>Headline and furniture</h2>\n<table>\n\
         <thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n<tbody>\n",
    );
    for f in changed {
        let op = field_op(f.op);
        let (before, after) = if f.words.is_empty() {
            (
                f.old
                    .as_deref()
                    .map_or(String::new(), |t| whole(t, Column::Old)),
                f.new
                    .as_deref()
                    .map_or(String::new(), |t| whole(t, Column::New)),
            )
        } else {
            (words(&f.words, Column::Old), words(&f.words, Column::New))
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}<span class=\"field-op\">{op}{}</span></th><td>{before}</td><td>{after}</td></tr>",
            esc(&capitalise(f.field.label())),
            classes_suffix(&class_list(&f.classes)),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn classes_suffix(classes: &str) -> String {
    if classes.is_empty() {
        String::new()
    } else {
        format!(" · {}", esc(classes))
    }
}

/// The quote changes, first after the header: the edits a reader most needs to know about.
fn quotes(out: &mut String, diff: &ArticleDiff) {
    let quotes = super::changed_quotes(diff);
    if quotes.is_empty() {
        return;
    }
    out.push_str("<section class=\"figures quotes\">\n<h2>Quotes</h2>\n<ul>\n");
    for (q, phrase) in quotes {
        let _ = write!(out, "<li><strong>{}</strong>", esc(&phrase));
        if let Some(old) = &q.old {
            let _ = write!(out, "<br><del>{SR_BEFORE}“{}”</del>", esc(&old.text));
        }
        if let Some(new) = &q.new {
            let _ = write!(out, "<br><ins>{SR_AFTER}“{}”</ins>", esc(&new.text));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn figures(out: &mut String, diff: &ArticleDiff) {
    if diff.numbers.is_empty() {
        return;
    }
    out.push_str("<section class=\"figures\">\n<h2>Figures</h2>\n<ul>\n");
    for n in &diff.numbers {
        let _ = writeln!(
            out,
            "<li><span class=\"fig\"><del>{}{}</del> <span aria-hidden=\"true\">→</span> <ins>{}{}</ins></span> <span class=\"ctx\">{}</span></li>",
            SR_BEFORE,
            esc(&n.old),
            SR_AFTER,
            esc(&n.new),
            esc(&n.context)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// Which side of a pair a cell shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Old,
    New,
}

const SR_BEFORE: &str = "<span class=\"visually-hidden\">Before: </span>";
const SR_AFTER: &str = "<span class=\"visually-hidden\">After: </span>";

/// The marker rows for moved entries whose old place is before row entry `e`.
fn ghosts_before(places: &[(usize, usize)], e: usize) -> impl Iterator<Item = usize> + '_ {
    places
        .iter()
        .filter(move |(at, _)| *at == e)
        .map(|(_, m)| *m)
}

/// Which of the two paragraph views is being written (their element ids differ by prefix).
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    SideBySide,
    Inline,
}

impl View {
    fn prefix(self) -> &'static str {
        match self {
            View::SideBySide => "sbs",
            View::Inline => "inl",
        }
    }
}

fn side_by_side(out: &mut String, diff: &ArticleDiff, rows: &[Row], places: &[(usize, usize)]) {
    out.push_str(
        "<section id=\"view-sbs\" class=\"view\" aria-label=\"Side by side\">\n<table class=\"sbs\">\n\
         <colgroup><col class=\"half\"><col class=\"half\"></colgroup>\n\
         <thead><tr><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n",
    );
    walk(out, diff, rows, places, View::SideBySide);
    out.push_str("</table>\n</section>\n");
}

fn inline(out: &mut String, diff: &ArticleDiff, rows: &[Row], places: &[(usize, usize)]) {
    out.push_str("<section id=\"view-inline\" class=\"view\" aria-label=\"Inline\">\n");
    walk(out, diff, rows, places, View::Inline);
    out.push_str("</section>\n");
}

/// Write the rows of one view in order, with a marker at the old place of each moved entry.
fn walk(out: &mut String, diff: &ArticleDiff, rows: &[Row], places: &[(usize, usize)], view: View) {
    let mut shown_ghosts = Vec::new();
    for (position, row) in rows.iter().enumerate() {
        match *row {
            Row::Elided { count } => {
                let details = elided_details(diff, rows, position, count);
                let _ = match view {
                    View::SideBySide => writeln!(
                        out,
                        "<tbody class=\"elided\"><tr><td colspan=\"2\">{details}</td></tr></tbody>"
                    ),
                    View::Inline => writeln!(out, "<div class=\"elided\">{details}</div>"),
                };
            }
            Row::Entry(e) => {
                for m in ghosts_before(places, e) {
                    shown_ghosts.push(m);
                    ghost(out, diff, m, view);
                }
                if let Some(p) = diff.paragraphs.get(e) {
                    match view {
                        View::SideBySide => sbs_entry(out, p, e),
                        View::Inline => inline_entry(out, p, e),
                    }
                }
            }
        }
    }
    // Markers whose place fell inside an elided run or after the last row.
    for &(_, m) in places {
        if !shown_ghosts.contains(&m) {
            ghost(out, diff, m, view);
        }
    }
}

/// The marker left at the old place of moved entry `m`, linking to where it went.
fn ghost(out: &mut String, diff: &ArticleDiff, m: usize, view: View) {
    let Some(p) = diff.paragraphs.get(m) else {
        return;
    };
    let prefix = view.prefix();
    let text = format!(
        "old {} was here — <a href=\"#{prefix}-e{m}\">{} to {} {}</a>",
        esc(&super::numbers(&p.old)),
        moved_word(p),
        esc(&super::numbers(&p.new)),
        arrow(p.direction),
    );
    let _ = match view {
        View::SideBySide => writeln!(
            out,
            "<tbody class=\"ghost\" id=\"sbs-from-{m}\"><tr><td colspan=\"2\">{text}</td></tr></tbody>"
        ),
        View::Inline => writeln!(out, "<div class=\"ghost\" id=\"inl-from-{m}\">{text}</div>"),
    };
}

fn moved_word(p: &ParagraphChange) -> &'static str {
    match p.direction {
        Some(Direction::Up) => "moved up",
        _ => "moved down",
    }
}

fn arrow(d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Up) => "↑",
        _ => "↓",
    }
}

fn entry_head(p: &ParagraphChange, from_link: Option<String>) -> String {
    let mut h = format!(
        "<span class=\"loc\">{}</span> <span class=\"badge {}\">{}</span>",
        esc(&location(p)),
        op_class(p),
        esc(&describe(p))
    );
    if p.old_text.is_some() && p.new_text.is_some() && !p.classes.is_empty() {
        let _ = write!(
            h,
            " <span class=\"sim\">{:.0}% similar</span>",
            p.similarity * 100.0
        );
    }
    for c in &p.classes {
        let _ = write!(h, " <span class=\"cls\">{}</span>", c.as_str());
    }
    if let Some(link) = from_link {
        h.push(' ');
        h.push_str(&link);
    }
    h
}

fn op_class(p: &ParagraphChange) -> &'static str {
    match p.op {
        ParagraphOp::Unchanged => "unchanged",
        ParagraphOp::Modified if p.is_typography_only() => "typo",
        ParagraphOp::Modified => "modified",
        ParagraphOp::Added => "added",
        ParagraphOp::Removed => "removed",
        ParagraphOp::Moved => "moved",
        ParagraphOp::Split | ParagraphOp::Merged => "split",
    }
}

fn sbs_entry(out: &mut String, p: &ParagraphChange, e: usize) {
    let (old, new) = cells(p);
    if p.op == ParagraphOp::Unchanged {
        let _ = writeln!(
            out,
            "<tbody class=\"entry unchanged\" id=\"sbs-e{e}\"><tr><td class=\"text\">{old}</td><td class=\"text\">{new}</td></tr></tbody>"
        );
        return;
    }
    let link = p.direction.map(|_| {
        format!(
            "<a class=\"from\" href=\"#sbs-from-{e}\">old place {}</a>",
            arrow(p.direction.map(flip))
        )
    });
    let _ = writeln!(
        out,
        "<tbody class=\"entry {}\" id=\"sbs-e{e}\"><tr class=\"head\"><th colspan=\"2\" scope=\"rowgroup\">{}</th></tr>\
         <tr><td class=\"text{}\">{old}</td><td class=\"text{}\">{new}</td></tr></tbody>",
        op_class(p),
        entry_head(p, link),
        if p.old_text.is_none() { " empty" } else { "" },
        if p.new_text.is_none() { " empty" } else { "" },
    );
}

fn flip(d: Direction) -> Direction {
    match d {
        Direction::Up => Direction::Down,
        Direction::Down => Direction::Up,
    }
}

/// The before and after cells of an entry.
fn cells(p: &ParagraphChange) -> (String, String) {
    let old = p.old_text.as_deref();
    let new = p.new_text.as_deref();
    match (old, new) {
        (Some(o), None) => (whole(o, Column::Old), String::new()),
        (None, Some(n)) => (String::new(), whole(n, Column::New)),
        (Some(o), Some(n)) if p.words.is_empty() => (plain(o), plain(n)),
        (Some(o), Some(n)) if p.rewritten => (whole(o, Column::Old), whole(n, Column::New)),
        _ => (words(&p.words, Column::Old), words(&p.words, Column::New)),
    }
}

/// Text as paragraphs, escaped.
fn plain(text: &str) -> String {
    text.split(PARAGRAPH_BREAK)
        .map(|p| format!("<p>{}</p>", esc(p)))
        .collect()
}

/// A whole text deleted (old side) or inserted (new side).
fn whole(text: &str, side: Column) -> String {
    text.split(PARAGRAPH_BREAK)
        .map(|p| match side {
            Column::Old => format!("<p><del class=\"all\">{SR_BEFORE}{}</del></p>", esc(p)),
            Column::New => format!("<p><ins class=\"all\">{SR_AFTER}{}</ins></p>", esc(p)),
        })
        .collect()
}

/// One side of a word diff: equal runs plain, this side's changes marked. Paragraph breaks become `<p>`s.
fn words(words: &[WordChange], side: Column) -> String {
    marked(words, Some(side))
}

/// Both sides of a word diff in one text: deletions and insertions marked in place.
fn inline_words(words: &[WordChange]) -> String {
    marked(words, None)
}

/// Word runs as HTML: equal runs plain; deletions as `<del>` and insertions as `<ins>` (only those of
/// `side` when one is given), each with screen-reader text. A change that is only spacing shows a glyph
/// (`␣`, `¶`) so it can be seen; an inserted paragraph break also starts a new paragraph.
fn marked(words: &[WordChange], side: Option<Column>) -> String {
    let mut s = String::from("<p>");
    for w in words {
        let (tag, sr) = match (w.op, side) {
            (WordOp::Equal, _) => {
                s.push_str(&esc_breaks(&w.text));
                continue;
            }
            (WordOp::Delete, None | Some(Column::Old)) => ("del", SR_BEFORE),
            (WordOp::Insert, None | Some(Column::New)) => ("ins", SR_AFTER),
            _ => continue,
        };
        if !w.text.chars().all(char::is_whitespace) {
            let _ = write!(s, "<{tag}>{sr}{}</{tag}>", esc_breaks(&w.text));
            continue;
        }
        let paragraph_break = w.text.contains('\n');
        let (glyph, title) = if paragraph_break {
            ("¶", "paragraph break")
        } else {
            ("␣", "space")
        };
        let _ = write!(
            s,
            "<{tag} class=\"ws\" title=\"{title}\">{sr}{glyph}</{tag}>"
        );
        match (w.op, paragraph_break) {
            (WordOp::Insert, true) => s.push_str("</p><p>"),
            // On the new side alone the space itself is shown too, so words do not run together.
            (WordOp::Insert, false) if side.is_some() => s.push(' '),
            _ => {}
        }
    }
    s.push_str("</p>");
    s
}

/// Escape, turning paragraph breaks into paragraph boundaries.
fn esc_breaks(text: &str) -> String {
    esc(text).replace(PARAGRAPH_BREAK, "</p><p>")
}

/// A `<details>` holding the unchanged paragraphs of an elided row.
fn elided_details(diff: &ArticleDiff, rows: &[Row], position: usize, count: usize) -> String {
    // The entries an elided row stands for are those between the previous shown entry and the next.
    let start = rows
        .get(..position)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find_map(|r| match r {
            Row::Entry(e) => Some(e + 1),
            Row::Elided { .. } => None,
        })
        .unwrap_or(0);
    let texts: String = diff
        .paragraphs
        .get(start..start + count)
        .unwrap_or(&[])
        .iter()
        .map(|p| {
            format!(
                "<p><span class=\"loc\">{}</span> {}</p>",
                esc(&location(p)),
                esc(p.new_text.as_deref().unwrap_or(""))
            )
        })
        .collect();
    let s = if count == 1 { "" } else { "s" };
    format!(
        "<details><summary>{count} unchanged paragraph{s}</summary><div class=\"elided-text\">{texts}</div></details>"
    )
}

fn inline_entry(out: &mut String, p: &ParagraphChange, e: usize) {
    if p.op == ParagraphOp::Unchanged {
        let _ = writeln!(
            out,
            "<article class=\"entry unchanged\" id=\"inl-e{e}\"><div class=\"text\">{}</div></article>",
            plain(p.new_text.as_deref().unwrap_or(""))
        );
        return;
    }
    let link = p.direction.map(|_| {
        format!(
            "<a class=\"from\" href=\"#inl-from-{e}\">old place {}</a>",
            arrow(p.direction.map(flip))
        )
    });
    let body = match (p.old_text.as_deref(), p.new_text.as_deref()) {
        (Some(o), None) => whole(o, Column::Old),
        (None, Some(n)) => whole(n, Column::New),
        (Some(_), Some(n)) if p.words.is_empty() => plain(n),
        (Some(o), Some(n)) if p.rewritten => {
            format!("{}{}", whole(o, Column::Old), whole(n, Column::New))
        }
        _ => inline_words(&p.words),
    };
    let _ = writeln!(
        out,
        "<article class=\"entry {}\" id=\"inl-e{e}\"><header>{}</header><div class=\"text\">{body}</div></article>",
        op_class(p),
        entry_head(p, link)
    );
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Escape text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            _ => s.push(c),
        }
    }
    s
}

const CSS: &str = r#"
:root{--bg:#f6f7f9;--card:#fff;--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--del-bg:#ffebe9;--del-ink:#a40e26;--ins-bg:#dafbe1;--ins-ink:#116329;--mod:#9a6700;--mod-bg:#fff8c5;--move:#6639ba;--move-bg:#fbefff;--split:#0550ae;--split-bg:#ddf4ff;--warn-bg:#fff1e5;--warn:#953800;--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--ink:#e6edf3;--muted:#8d96a0;--line:#30363d;--del-bg:#3c1618;--del-ink:#ffa198;--ins-bg:#12361f;--ins-ink:#7ee787;--mod:#e3b341;--mod-bg:#2e2a1a;--move:#d2a8ff;--move-bg:#271d39;--split:#79c0ff;--split-bg:#102a43;--warn-bg:#3d2411;--warn:#ffa657;--accent:#58a6ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top,section.fields,section.figures,main,footer{max-width:1200px;margin:0 auto;padding:0 24px}
header.top{padding-top:28px}
h1{font-size:28px;margin:0 0 8px;letter-spacing:-.01em}
h2{font-size:15px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:28px 0 10px}
.versions{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 14px;color:var(--muted)}
.ver code{font-size:13px;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:2px 6px;color:var(--ink)}
.ver small{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
.ver-tag{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;padding:2px 7px;border-radius:999px}
.ver-tag.before{background:var(--del-bg);color:var(--del-ink)}.ver-tag.after{background:var(--ins-bg);color:var(--ins-ink)}
.summary{font-size:19px;font-weight:600;margin:0 0 12px}
.chips{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0 0 14px}
.chip{border-radius:999px;padding:3px 12px;font-size:13px;border:1px solid var(--line);background:var(--card)}
.chip.added{background:var(--ins-bg);color:var(--ins-ink);border-color:transparent}
.chip.removed{background:var(--del-bg);color:var(--del-ink);border-color:transparent}
.chip.modified{background:var(--mod-bg);color:var(--mod);border-color:transparent}
.chip.moved{background:var(--move-bg);color:var(--move);border-color:transparent}
.chip.split{background:var(--split-bg);color:var(--split);border-color:transparent}
.chip.typo,.chip.unchanged{color:var(--muted)}
.alert{background:var(--warn-bg);color:var(--warn);border-left:4px solid var(--warn);padding:10px 14px;border-radius:6px;margin:0 0 12px}
.note{color:var(--muted);margin:0 0 8px}
table{border-collapse:separate;border-spacing:0;width:100%}
section.fields table,section.figures ul{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
section.fields th,section.fields td{padding:10px 14px;border-top:1px solid var(--line);text-align:left;vertical-align:top}
section.fields thead th{border-top:0;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);background:var(--bg)}
section.fields th[scope=row]{width:170px;font-weight:600}
.field-op{display:block;font-weight:400;font-size:12px;color:var(--muted)}
section.fields td p{margin:0}
section.figures ul{list-style:none;margin:0;padding:6px 0}
section.figures li{padding:6px 14px}
.fig{font-weight:700;font-variant-numeric:tabular-nums;margin-right:8px}
.ctx{color:var(--muted)}
main{padding-bottom:24px}
.tab-input{position:absolute;opacity:0;pointer-events:none}
.tab{display:inline-block;margin:28px 6px 12px 0;padding:7px 16px;border-radius:999px;border:1px solid var(--line);background:var(--card);cursor:pointer;font-weight:600;font-size:14px;color:var(--muted)}
.tab-input:checked+.tab{background:var(--ink);color:var(--card);border-color:var(--ink)}
.tab-input:focus-visible+.tab{outline:2px solid var(--accent);outline-offset:2px}
.view{display:none}
#tab-sbs:checked~#view-sbs,#tab-inline:checked~#view-inline{display:block}
table.sbs{background:var(--card);border:1px solid var(--line);border-radius:10px;table-layout:fixed}
col.half{width:50%}
table.sbs thead th{position:sticky;top:0;z-index:1;background:var(--card);text-align:left;padding:10px 16px;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--line)}
table.sbs tbody td{padding:10px 16px;vertical-align:top;border-top:1px solid var(--line)}
table.sbs tbody td+td{border-left:1px solid var(--line)}
table.sbs tr.head th{text-align:left;font-weight:400;padding:10px 16px 0;border-top:1px solid var(--line)}
table.sbs tr.head+tr td{border-top:0}
.text{font:17px/1.6 Georgia,"Iowan Old Style","Times New Roman",serif}
.text p{margin:0 0 .6em}.text p:last-child{margin-bottom:0}
.text.empty{background:repeating-linear-gradient(135deg,transparent 0 8px,var(--bg) 8px 16px)}
tbody.unchanged .text,article.unchanged .text{color:var(--muted)}
.loc{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;color:var(--muted)}
.badge{display:inline-block;font-size:12px;font-weight:700;padding:1px 9px;border-radius:999px;background:var(--mod-bg);color:var(--mod)}
.badge.added{background:var(--ins-bg);color:var(--ins-ink)}.badge.removed{background:var(--del-bg);color:var(--del-ink)}
.badge.moved{background:var(--move-bg);color:var(--move)}.badge.split{background:var(--split-bg);color:var(--split)}
.badge.typo{background:var(--bg);color:var(--muted)}
.sim{font-size:12px;color:var(--muted)}
.cls{font-size:11px;text-transform:uppercase;letter-spacing:.05em;border:1px solid var(--line);border-radius:4px;padding:0 5px;color:var(--muted)}
a{color:var(--accent)}
a.from{font-size:12px}
del{background:var(--del-bg);color:var(--del-ink);text-decoration:line-through;text-decoration-color:color-mix(in srgb,var(--del-ink) 55%,transparent);border-radius:3px;padding:0 1px}
ins{background:var(--ins-bg);color:var(--ins-ink);text-decoration:none;border-radius:3px;padding:0 1px}
del.all{text-decoration:none;background:none;color:var(--del-ink);border-left:3px solid var(--del-ink);padding-left:10px;display:block}
ins.all{background:none;color:var(--ins-ink);border-left:3px solid var(--ins-ink);padding-left:10px;display:block}
del+ins{margin-left:3px}
del.ws,ins.ws{font-family:ui-monospace,monospace;font-size:.8em;padding:0 3px;margin:0 1px;outline:1px solid currentColor;text-decoration:none}
tbody.ghost td,div.ghost{font-size:13px;color:var(--move);background:var(--move-bg);padding:6px 16px;border-top:1px dashed var(--line)}
div.ghost{border:1px dashed var(--move);border-radius:8px;margin:8px 0}
tbody.elided td{padding:0;border-top:1px solid var(--line)}
details summary{cursor:pointer;color:var(--muted);font-size:13px;padding:8px 16px;list-style:none;text-align:center;background:var(--bg)}
details summary::before{content:"⋯ "}
details[open] summary{border-bottom:1px solid var(--line)}
.elided-text{padding:10px 16px;color:var(--muted);font:15px/1.55 Georgia,serif}
.elided-text p{margin:0 0 .5em}
#view-inline article.entry{background:var(--card);border:1px solid var(--line);border-left-width:4px;border-radius:8px;padding:12px 16px;margin:0 0 10px}
#view-inline article.entry header{margin-bottom:6px}
#view-inline article.added{border-left-color:var(--ins-ink)}#view-inline article.removed{border-left-color:var(--del-ink)}
#view-inline article.modified{border-left-color:var(--mod)}#view-inline article.moved{border-left-color:var(--move)}
#view-inline article.split{border-left-color:var(--split)}
#view-inline article.unchanged{padding:8px 16px}
#view-inline div.elided{margin:0 0 10px;border:1px solid var(--line);border-radius:8px;overflow:hidden}
:target{scroll-margin-top:48px;outline:3px solid var(--accent);outline-offset:-3px}
footer{color:var(--muted);font-size:12px;padding-bottom:32px}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
"#;
