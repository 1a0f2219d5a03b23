//! Article furniture: recognising the byline, dateline, source line, update notices, corrections, editor's
//! notes and contributor credits among a story's paragraphs, so the diff can report them as fields.
//!
//! Recognition is deliberately conservative: a paragraph is furniture only when it has the fixed shape news
//! copy gives it (a short "By …" line, "Correction: …", "… contributed to this report."). Anything else stays
//! a body paragraph, where a change is still reported, just not as a field.

use crate::article::Article;

/// Longest paragraph (in characters) that can be a byline, source line, notice or credit.
const MAX_FURNITURE_CHARS: usize = 400;
/// Longest dateline prefix (in characters) before its dash, e.g. "KYIV, Ukraine (Reuters)".
const MAX_DATELINE_CHARS: usize = 60;

/// The kind of furniture a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Notice,
    Correction,
    EditorsNote,
    Credit,
}

/// Split body paragraphs into an [`Article`]: furniture goes to its fields, the rest stays in `paragraphs`.
/// The headline is left unset.
pub fn separate(raw_paragraphs: Vec<String>) -> Article {
    let mut article = Article::default();
    let paragraphs = unglue(raw_paragraphs);
    let mut body_started = false;
    for (index, paragraph) in paragraphs.into_iter().enumerate() {
        let near_top = !body_started && index < 4;
        if near_top {
            if article.source.is_none()
                && let Some(source) = source_line(&paragraph)
            {
                article.source = Some(source.to_string());
                continue;
            }
            if article.byline.is_none() {
                if let Some((published, byline)) = metadata_line(&paragraph) {
                    article.published = Some(published.to_string());
                    article.byline = byline.map(str::to_string);
                    continue;
                }
                if let Some(byline) = byline(&paragraph) {
                    article.byline = Some(byline.to_string());
                    continue;
                }
            }
        }
        match classify(&paragraph) {
            Some(Kind::Notice) => article.notices.push(paragraph),
            Some(Kind::Correction) => article.corrections.push(paragraph),
            Some(Kind::EditorsNote) => article.editors_notes.push(paragraph),
            Some(Kind::Credit) => article.credits.push(paragraph),
            None => {
                if !body_started {
                    body_started = true;
                    if let Some((dateline, rest)) = split_dateline(&paragraph) {
                        article.dateline = Some(dateline.to_string());
                        if !rest.is_empty() {
                            article.paragraphs.push(rest.to_string());
                        }
                        continue;
                    }
                }
                article.paragraphs.push(paragraph);
            }
        }
    }
    article
}

/// Lower-case `text` with curly apostrophes straightened, for matching fixed phrases.
fn folded(text: &str) -> String {
    text.to_lowercase().replace(['’', '‘'], "'")
}

/// Labels that open a correction, editor's note or notice and that scraped copy sometimes glues onto the
/// previous sentence ("…information.Correction: An earlier…").
const GLUED_LABELS: &[&str] = &[
    "Correction:",
    "Clarification:",
    "Editor’s note:",
    "Editor's note:",
];

/// Split paragraphs where a furniture label was glued to the end of the previous sentence.
fn unglue(paragraphs: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        let mut rest = paragraph.as_str();
        'outer: loop {
            for label in GLUED_LABELS {
                if let Some(at) = rest.find(label) {
                    let before = &rest[..at];
                    if at > 0 && before.ends_with(['.', '!', '?', '”', '"']) {
                        out.push(before.trim_end().to_string());
                        rest = &rest[at..];
                        continue 'outer;
                    }
                }
            }
            break;
        }
        out.push(rest.to_string());
    }
    out
}

/// "Source: CNN" → "CNN".
fn source_line(paragraph: &str) -> Option<&str> {
    let rest = paragraph.strip_prefix("Source:")?.trim();
    (!rest.is_empty() && rest.chars().count() <= 60).then_some(rest)
}

/// The seed's metadata line, "date 2025-11-19 By A, B, CNN" → ("2025-11-19", Some("A, B, CNN")).
fn metadata_line(paragraph: &str) -> Option<(&str, Option<&str>)> {
    let rest = paragraph.strip_prefix("date ")?;
    let (date, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let is_date = date.len() >= 10
        && date.bytes().take(10).enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !is_date {
        return None;
    }
    let after = after.trim();
    let byline = after
        .strip_prefix("By ")
        .map(str::trim)
        .filter(|b| !b.is_empty());
    Some((date, byline))
}

/// "By Alayna Treene, Kevin Liptak, CNN" → "Alayna Treene, Kevin Liptak, CNN": a short line of names.
fn byline(paragraph: &str) -> Option<&str> {
    let rest = paragraph
        .strip_prefix("By ")
        .or_else(|| paragraph.strip_prefix("BY "))?
        .trim();
    if rest.is_empty() || rest.chars().count() > 200 || rest.contains(". ") {
        return None;
    }
    let first = rest.chars().next()?;
    first.is_uppercase().then_some(rest)
}

/// What kind of furniture a paragraph is, if any.
fn classify(paragraph: &str) -> Option<Kind> {
    let len = paragraph.chars().count();
    let f = folded(paragraph);
    let f = f.trim_start_matches(['(', '[', '*', '_']);
    if f.starts_with("editor's note")
        || f.starts_with("editors' note")
        || f.starts_with("editors note")
    {
        return Some(Kind::EditorsNote);
    }
    if f.starts_with("correction:")
        || f.starts_with("corrections:")
        || f.starts_with("clarification:")
        || f.starts_with("an earlier version of this")
        || f.starts_with("a previous version of this")
        || f.starts_with("an earlier version of the")
    {
        return Some(Kind::Correction);
    }
    if len > MAX_FURNITURE_CHARS {
        return None;
    }
    let notice_openers = [
        "this story",
        "this article",
        "this post",
        "this report",
        "this timeline",
        "this headline",
        "the story",
        "the article",
        "the timeline",
        "the headline",
        "update:",
        "updated:",
    ];
    if notice_openers.iter().any(|o| f.starts_with(o))
        && (f.contains("been updated") || f.starts_with("update"))
    {
        return Some(Kind::Notice);
    }
    let credit_phrases = [
        "contributed to this report",
        "contributed reporting",
        "contributed to this story",
        "contributed to this article",
        "contributed to this post",
    ];
    if credit_phrases.iter().any(|p| f.contains(p)) {
        return Some(Kind::Credit);
    }
    None
}

/// Split a dateline off the first body paragraph: "(CNN) — The Trump…" → ("(CNN) —", "The Trump…").
///
/// A dateline is a short prefix ending in a dash (em, en, `--` or a spaced hyphen) that is either a
/// parenthesised agency, optionally after a place ("WASHINGTON (AP)", "Kyiv, Ukraine (CNN)"), or a place in
/// capitals ("NEW YORK").
fn split_dateline(paragraph: &str) -> Option<(&str, &str)> {
    let window: String = paragraph.chars().take(MAX_DATELINE_CHARS + 4).collect();
    let (dash_at, dash_len) = [" — ", "—", " – ", "–", " -- ", "--", " - "]
        .iter()
        .filter_map(|d| window.find(d).map(|i| (i, d.len())))
        .min_by_key(|&(i, _)| i)?;
    let prefix = paragraph[..dash_at].trim();
    if prefix.is_empty() || prefix.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let agency = prefix.ends_with(')')
        && prefix.rfind('(').is_some_and(|open| {
            let inner = &prefix[open + 1..prefix.len() - 1];
            !inner.is_empty()
                && inner.chars().count() <= 24
                && inner.chars().next().is_some_and(char::is_uppercase)
        });
    let capitals = prefix.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && prefix
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '\'' | '’' | '-'));
    if !(agency || capitals) {
        return None;
    }
    let end = dash_at + dash_len;
    let dateline = paragraph[..end].trim();
    let rest = paragraph[end..].trim_start();
    Some((dateline, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sep(ps: &[&str]) -> Article {
        separate(ps.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn seed_shape_is_recognised() {
        let a = sep(&[
            "date 2025-11-19 By Alayna Treene, Kevin Liptak, Matthew Chance, CNN",
            "(CNN) — The Trump administration has been quietly hammering out a plan.",
            "Body two.",
            "CNN’s Haley Britzky contributed to this report.",
            "This story and headline have been updated with additional information.",
        ]);
        assert_eq!(a.published.as_deref(), Some("2025-11-19"));
        assert_eq!(
            a.byline.as_deref(),
            Some("Alayna Treene, Kevin Liptak, Matthew Chance, CNN")
        );
        assert_eq!(a.dateline.as_deref(), Some("(CNN) —"));
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.paragraphs[0].starts_with("The Trump"));
        assert_eq!(a.credits.len(), 1);
        assert_eq!(a.notices.len(), 1);
    }

    #[test]
    fn metadata_line_with_a_full_timestamp() {
        assert_eq!(
            metadata_line("date 2019-11-20T06:35:39+0000 By Tom Krisher, AP"),
            Some(("2019-11-20T06:35:39+0000", Some("Tom Krisher, AP")))
        );
        assert_eq!(metadata_line("date 2019-11-20"), Some(("2019-11-20", None)));
        assert_eq!(metadata_line("date night plans"), None);
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            split_dateline("WASHINGTON (AP) — Lawmakers voted."),
            Some(("WASHINGTON (AP) —", "Lawmakers voted."))
        );
        assert_eq!(
            split_dateline("KYIV, Ukraine (Reuters) - Drones hit."),
            Some(("KYIV, Ukraine (Reuters) -", "Drones hit."))
        );
        assert_eq!(
            split_dateline("NEW YORK -- Stocks fell."),
            Some(("NEW YORK --", "Stocks fell."))
        );
        assert_eq!(split_dateline("The vote — a surprise — passed."), None);
        assert_eq!(split_dateline("Hiring picked up – with caveats."), None);
    }

    #[test]
    fn source_line_and_byline() {
        let a = sep(&["Source: CNN", "By Jo Bloggs and Sam Smith, CNN", "Text."]);
        assert_eq!(a.source.as_deref(), Some("CNN"));
        assert_eq!(a.byline.as_deref(), Some("Jo Bloggs and Sam Smith, CNN"));
        assert_eq!(a.paragraphs, vec!["Text."]);
    }

    #[test]
    fn a_sentence_starting_with_by_is_not_a_byline() {
        let a = sep(&["By Tuesday, the talks had collapsed. Nobody knew why."]);
        assert!(a.byline.is_none());
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn glued_correction_is_split_from_notice() {
        let a = sep(&[
            "Text.",
            "This story has been updated with additional information.Correction: An earlier version of this story stated the USS Miguel Keith was involved.",
        ]);
        assert_eq!(a.notices.len(), 1);
        assert_eq!(a.corrections.len(), 1);
        assert!(a.corrections[0].starts_with("Correction:"));
    }

    #[test]
    fn corrections_and_editors_notes() {
        let a = sep(&[
            "EDITOR’S NOTE:This story was reported in collaboration with a centre.",
            "Text.",
            "Clarification: This story has been updated to reflect the figure.",
        ]);
        assert_eq!(a.editors_notes.len(), 1);
        assert_eq!(a.corrections.len(), 1);
        assert_eq!(a.paragraphs, vec!["Text."]);
    }
}
