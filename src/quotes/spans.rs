//! Spans: turning each paragraph's top-level quotations into whole quotations of the article — joining a
//! running quote over several paragraphs (AP style), and flagging a quote whose closing mark is missing.

use super::marks::TopQuote;

/// One piece of a quotation inside one paragraph, in byte offsets of that paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub paragraph: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted text, trimmed of surrounding whitespace.
    pub start: usize,
    pub end: usize,
    /// Byte offset after the closing mark, when the part is closed in its paragraph.
    pub close_end: Option<usize>,
    /// The part was ended by the next opening mark, its own closing mark missing.
    pub missing_closer: bool,
}

/// A quotation of the article before attribution: one or more parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawQuote {
    pub parts: Vec<Part>,
    /// The last part ends without a closing mark and no paragraph continues it.
    pub unclosed: bool,
}

impl RawQuote {
    /// The first part (a quotation always has one).
    pub(crate) fn first(&self) -> Option<&Part> {
        self.parts.first()
    }
    /// The last part.
    pub(crate) fn last(&self) -> Option<&Part> {
        self.parts.last()
    }
    /// The quoted text: the parts joined by a single space.
    pub(crate) fn text(&self, paragraphs: &[String]) -> String {
        self.parts
            .iter()
            .filter_map(|p| {
                paragraphs
                    .get(p.paragraph)
                    .and_then(|t| t.get(p.start..p.end))
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn trimmed(text: &str, q: &TopQuote, paragraph: usize) -> Part {
    let inner = text.get(q.start..q.end).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let start = q.start + lead;
    let end = (q.end - trail).max(start);
    Part {
        paragraph,
        open: q.open,
        start,
        end,
        close_end: q.close_end,
        missing_closer: q.missing_closer,
    }
}

/// Whether a paragraph opens with a quotation mark (ignoring leading spaces).
fn opens_with_quote(text: &str, q: &TopQuote) -> bool {
    text.get(..q.open)
        .is_some_and(|before| before.trim().is_empty())
}

/// All quotations of an article in reading order (by their first part).
#[cfg(test)]
pub(crate) fn assemble(paragraphs: &[String]) -> Vec<RawQuote> {
    let scans: Vec<Vec<TopQuote>> = paragraphs.iter().map(|p| super::marks::scan(p)).collect();
    let scans: Vec<&[TopQuote]> = scans.iter().map(Vec::as_slice).collect();
    assemble_scanned(paragraphs, &scans)
}

/// [`assemble`] from each paragraph's top-level quotations (`marks::scan` of it), which callers may
/// have kept from an earlier version.
pub(crate) fn assemble_scanned(
    paragraphs: &[String],
    per_paragraph: &[&[TopQuote]],
) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    // The index in `out` of a quotation still running at the end of the previous paragraph.
    let mut running: Option<usize> = None;
    for (p, quotes) in per_paragraph.iter().enumerate() {
        let text = paragraphs.get(p).map(String::as_str).unwrap_or("");
        let mut skip_first = false;
        if let Some(r) = running.take() {
            match quotes.first() {
                Some(q) if opens_with_quote(text, q) => {
                    if let Some(raw) = out.get_mut(r) {
                        raw.parts.push(trimmed(text, q, p));
                        if q.close_end.is_none() {
                            running = Some(r);
                        }
                    }
                    skip_first = true;
                }
                _ => {
                    if let Some(raw) = out.get_mut(r) {
                        raw.unclosed = true;
                    }
                }
            }
        }
        for q in quotes.iter().skip(usize::from(skip_first)) {
            out.push(RawQuote {
                parts: vec![trimmed(text, q, p)],
                unclosed: false,
            });
            if q.close_end.is_none() {
                running = Some(out.len() - 1);
            }
        }
    }
    if let Some(r) = running
        && let Some(raw) = out.get_mut(r)
    {
        raw.unclosed = true;
    }
    for q in &mut out {
        if q.parts.iter().any(|p| p.missing_closer) {
            q.unclosed = true;
        }
    }
    // A quotation with nothing between its marks is no quotation.
    out.retain(|q| q.parts.iter().any(|p| p.end > p.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn running_quote_joins_paragraphs() {
        let p = paras(&[
            "She said: “We will win.",
            "“And we will win big.",
            "“Nobody can stop us,” she added. “Never.”",
        ]);
        let q = assemble(&p);
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[0].text(&p),
            "We will win. And we will win big. Nobody can stop us,"
        );
        assert!(!q[0].unclosed);
        assert_eq!(q[1].text(&p), "Never.");
    }

    #[test]
    fn missing_closer_is_flagged() {
        let p = paras(&["She said: “We will win.", "Then she left."]);
        let q = assemble(&p);
        assert_eq!(q.len(), 1);
        assert!(q[0].unclosed);
        assert_eq!(q[0].text(&p), "We will win.");
    }
}
