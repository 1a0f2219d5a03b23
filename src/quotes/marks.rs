//! Quote-mark scanning: which characters of a paragraph open or close a quotation, which are apostrophes,
//! and where the top-level quotations of one paragraph start and end.
//!
//! The scanner is a single left-to-right pass with an explicit stack (no recursion), so 50,000 nested
//! quotes cost 50,000 stack entries and nothing more. Only top-level quotations are reported: anything
//! nested inside stays part of the outer quotation's text.
//!
//! Decisions:
//! - Curly, straight, low-9 (`„ “`), Swedish (`” ”`), guillemets in both directions (`« »`, `» «`), single
//!   guillemets and CJK corner brackets (`「」`, `『』`) are recognised.
//! - A `’` or `'` between letters or digits is an apostrophe (`don’t`), as is one that opens an elision
//!   (`’90s`, `rock ’n’ roll`, `’em`); a `’` after a word (`players’`) closes a quotation only when a
//!   single quotation is open, otherwise it is a possessive apostrophe.
//! - A single quotation mark opens a quotation only if a closing candidate follows later in the paragraph,
//!   and a top-level single quotation must close in its own paragraph (single quotes never run across
//!   paragraphs in news copy); otherwise its opener is taken as an apostrophe and the scan is redone
//!   without top-level single quotes.

/// How far down the stack a closer may look for its opener when the top does not match. Bounded so that
/// a stray closer over deeply nested input stays cheap; real copy never nests more than three deep.
const MAX_CLOSE_SEARCH: usize = 8;

/// Families of quotation marks: a closer only closes an opener of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

/// One top-level quotation in a paragraph, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TopQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset where the quoted text starts (just after the opening mark).
    pub start: usize,
    /// Byte offset where the quoted text ends (the closing mark, or the paragraph's end when unclosed).
    pub end: usize,
    /// Byte offset just after the closing mark; `None` when the quotation is not closed in this paragraph.
    pub close_end: Option<usize>,
    /// The family of the opening mark.
    pub family: Family,
    /// The closing mark was missing: the quotation was ended by the next opening mark of its kind.
    pub missing_closer: bool,
}

#[derive(Clone, Copy)]
struct Open {
    family: Family,
    ch: char,
    pos: usize,
    len: usize,
}

/// Words that follow an eliding apostrophe (`’n’`, `’em`, `’til`): the apostrophe does not open a quote.
#[rustfmt::skip]
const ELISIONS: &[&str] = &[
    "n", "em", "til", "cause", "tis", "twas", "bout", "round", "nuff", "kay",
];

fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '—'
            | '–'
            | '-'
            | '/'
            | '“'
            | '‘'
            | '«'
            | '„'
            | '‚'
            | '「'
            | '『'
            | '"'
            | '\''
    )
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '—'
            | '–'
            | '-'
            | '/'
            | '…'
            | '”'
            | '’'
            | '»'
            | '」'
            | '』'
            | '"'
            | '\''
    )
}

/// Whether the mark at this position is preceded by a space, the start, or opening punctuation.
fn left_flank(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || is_opening_punct(p))
}

/// Whether the mark at this position is followed by a space, the end, or closing punctuation.
fn right_flank(next: Option<char>) -> bool {
    next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n))
}

/// Whether an apostrophe-like mark at `i` (of byte length `len`) starts an elision such as `’90s` or `’n’`.
fn starts_elision(text: &str, i: usize, len: usize) -> bool {
    let rest = text.get(i + len..).unwrap_or("");
    if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(6)
        .collect::<String>()
        .to_lowercase();
    let after = rest.get(word.len()..).and_then(|r| r.chars().next());
    ELISIONS.contains(&word.as_str())
        && after.is_none_or(|c| c.is_whitespace() || matches!(c, '’' | '\'' | ',' | '.'))
}

/// Scan one paragraph and return its top-level quotations in order.
pub(crate) fn scan(text: &str) -> Vec<TopQuote> {
    let (quotes, bad_single) = scan_with(text, None);
    match bad_single {
        Some(_) => scan_with(text, bad_single).0,
        None => quotes,
    }
}

/// Whether `c` is a mark [`scan_with`] acts on (every character its `match` has an arm for).
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '„'
            | '‟'
            | '"'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '‘'
            | '‚'
            | '’'
            | '\''
    )
}

/// One pass. `no_top_single_from`: from this byte on, single marks never open a top-level quotation.
/// Returns the quotations and, when a top-level single quotation was left open, the offset of its opener.
fn scan_with(text: &str, no_top_single_from: Option<usize>) -> (Vec<TopQuote>, Option<usize>) {
    // The last position of a mark that could close a single quotation: openers after it are apostrophes.
    let last_single_closer = last_single_closer(text);
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut skip_next_apostrophe = false;
    // The second apostrophe of a typewriter closer `''`, already taken with the first.
    let mut skip_at = None;
    // Only marks change anything below: the loop visits them alone, with their neighbours, rather than
    // working out flanks for every character (this scan runs over every paragraph of both versions).
    for (i, c) in text.char_indices().filter(|&(_, c)| is_mark(c)) {
        if skip_at == Some(i) {
            continue;
        }
        let mut len = c.len_utf8();
        let prev = text.get(..i).and_then(|before| before.chars().next_back());
        let next = text.get(i + len..).and_then(|after| after.chars().next());
        let lf = left_flank(prev);
        let rf = right_flank(next);
        let top = stack.last().copied();
        let top_is = |f: Family| top.is_some_and(|t| t.family == f);
        let mut action: Option<(bool, Family)> = None; // (is_open, family)
        match c {
            '“' => {
                if top.is_some_and(|t| t.family == Family::Double && t.ch == '„') {
                    action = Some((false, Family::Double));
                } else {
                    action = Some((true, Family::Double));
                }
            }
            '”' => {
                if top_is(Family::Double) {
                    action = Some((false, Family::Double));
                } else if lf && !rf {
                    action = Some((true, Family::Double));
                } else {
                    action = Some((false, Family::Double));
                }
            }
            '„' | '‟' => action = Some((true, Family::Double)),
            '"' => {
                if top_is(Family::Double) && (!lf || rf) {
                    action = Some((false, Family::Double));
                } else if lf {
                    action = Some((true, Family::Double));
                } else if prev.is_some_and(|p| p.is_ascii_digit()) {
                    // 5'10" – an inch mark.
                } else if stack.iter().any(|o| o.family == Family::Double) {
                    action = Some((false, Family::Double));
                } else {
                    // Glued scraper text (`said"We`): still an opener.
                    action = Some((true, Family::Double));
                }
            }
            '«' => {
                if top.is_some_and(|t| t.family == Family::Guillemet && t.ch == '»') {
                    action = Some((false, Family::Guillemet));
                } else {
                    action = Some((true, Family::Guillemet));
                }
            }
            '»' => {
                if top.is_some_and(|t| t.family == Family::Guillemet && t.ch == '«') {
                    action = Some((false, Family::Guillemet));
                } else if lf && !rf {
                    action = Some((true, Family::Guillemet));
                } else {
                    action = Some((false, Family::Guillemet));
                }
            }
            '‹' => action = Some((true, Family::SingleGuillemet)),
            '›' => action = Some((false, Family::SingleGuillemet)),
            '「' => action = Some((true, Family::Corner)),
            '」' => action = Some((false, Family::Corner)),
            '『' => action = Some((true, Family::WhiteCorner)),
            '』' => action = Some((false, Family::WhiteCorner)),
            // "We played hard,'' he said", "“It was an attempt to mislead voters,’’ Moy told": wire copy
            // typed on old systems closes a double quotation with two apostrophes, straight or curled.
            '\'' | '’'
                if text.get(i + len..).is_some_and(|r| r.starts_with(c))
                    && stack.iter().any(|o| o.family == Family::Double)
                    && !text
                        .get(i + 2 * len..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric) =>
            {
                skip_at = Some(i + len);
                len *= 2;
                action = Some((false, Family::Double));
            }
            '‘' | '‚' | '’' | '\'' => {
                let alnum_both = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if skip_next_apostrophe && c != '‘' && c != '‚' {
                    skip_next_apostrophe = false;
                } else if alnum_both && c != '‘' && c != '‚' {
                    // don’t, O’Brien
                } else if lf && starts_elision(text, i, len) {
                    // ’90s, ’n’ (the closing ’ of ’n’ is skipped too), ’em
                    skip_next_apostrophe = text
                        .get(i + len..)
                        .is_some_and(|r| r.starts_with("n’") || r.starts_with("n'"));
                } else if lf && (c == '‘' || c == '‚' || !rf) {
                    let top_level = stack.is_empty();
                    let allowed_top = no_top_single_from.is_none_or(|from| i < from);
                    if i < last_single_closer && (!top_level || allowed_top) {
                        action = Some((true, Family::Single));
                    }
                } else if (c == '’' || c == '\'')
                    && stack
                        .iter()
                        .rev()
                        .take(MAX_CLOSE_SEARCH)
                        .any(|o| o.family == Family::Single)
                {
                    action = Some((false, Family::Single));
                }
                // otherwise: players’ — a possessive apostrophe.
            }
            _ => {}
        }
        // English copy nests single quotes inside double ones, so a second “ while a top-level “ is
        // still open means the first lost its closing mark ("was “legitimizing violence, and warned that
        // “Afghanistan is …”"): end the first there, flagged, and open the next.
        if c == '“'
            && action == Some((true, Family::Double))
            && stack.len() == 1
            && let Some(o) = stack.first().copied()
            && o.family == Family::Double
            && o.ch == '“'
        {
            out.push(TopQuote {
                open: o.pos,
                start: o.pos + o.len,
                end: i,
                close_end: Some(i),
                family: o.family,
                missing_closer: true,
            });
            stack.clear();
        }
        match action {
            Some((true, family)) => {
                stack.push(Open {
                    family,
                    ch: c,
                    pos: i,
                    len,
                });
            }
            Some((false, family)) => {
                let found = stack
                    .iter()
                    .rev()
                    .take(MAX_CLOSE_SEARCH)
                    .position(|o| o.family == family);
                if let Some(depth) = found {
                    let keep = stack.len() - 1 - depth;
                    if keep == 0
                        && let Some(o) = stack.first()
                    {
                        out.push(TopQuote {
                            open: o.pos,
                            start: o.pos + o.len,
                            end: i,
                            close_end: Some(i + len),
                            family: o.family,
                            missing_closer: false,
                        });
                    }
                    stack.truncate(keep);
                }
                // A closer with nothing to close is a stray mark: ignored.
            }
            None => {}
        }
    }
    if let Some(o) = stack.first() {
        if o.family == Family::Single {
            return (out, Some(o.pos));
        }
        out.push(TopQuote {
            open: o.pos,
            start: o.pos + o.len,
            end: text.len(),
            close_end: None,
            family: o.family,
            missing_closer: false,
        });
    }
    (out, None)
}

/// The byte offset of the last mark that could close a single quotation (a `’` or `'` that is not between
/// two letters), or 0 when there is none.
fn last_single_closer(text: &str) -> usize {
    let mut last = 0;
    for (i, c) in text.char_indices().filter(|&(_, c)| c == '’' || c == '\'') {
        let prev = text.get(..i).and_then(|before| before.chars().next_back());
        let next = text
            .get(i + c.len_utf8()..)
            .and_then(|after| after.chars().next());
        // Not inside a word, and either after a word or standing alone ("… this.” ’ ”").
        if !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric))
            && (!left_flank(prev) || right_flank(next))
        {
            last = i;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        scan(text).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(inner("He said “yes” and \"no\"."), vec!["yes", "no"]);
    }

    #[test]
    fn single_inside_double_stays_inside() {
        assert_eq!(
            inner("“He called it ‘a hoax,’ and left,” she said."),
            vec!["He called it ‘a hoax,’ and left,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = "The players’ union, born in the ’90s, loves rock ’n’ roll and ‘real’ music.";
        assert_eq!(inner(t), vec!["real"]);
        assert_eq!(
            inner("“The players’ union loves rock ’n’ roll,” he said."),
            vec!["The players’ union loves rock ’n’ roll,"]
        );
    }

    #[test]
    fn unmatched_top_level_single_is_an_apostrophe() {
        assert!(inner("Some ‘odd mark here and nothing else").is_empty());
    }

    #[test]
    fn foreign_marks() {
        assert_eq!(inner("Il a dit « oui » hier."), vec![" oui "]);
        assert_eq!(inner("Er sagte „ja“ gestern."), vec!["ja"]);
        assert_eq!(inner("Han sa ”ja” i går."), vec!["ja"]);
        assert_eq!(inner("Er sagte »ja« gestern."), vec!["ja"]);
        assert_eq!(
            inner("彼は「はい『いいえ』」と言った"),
            vec!["はい『いいえ』"]
        );
    }

    #[test]
    fn unclosed_runs_to_the_end() {
        let q = scan("He said “we will");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].close_end, None);
        assert_eq!(q[0].end, "He said “we will".len());
    }

    #[test]
    fn spaced_closers_close_nested_quotes() {
        let t = "says Green, “We thought, ‘I don’t think so. They’ll go, “I can’t do this.” ’ ”";
        assert_eq!(inner(t).len(), 1);
        assert!(scan(t)[0].close_end.is_some());
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert!(inner("He is 5'10\" tall.").is_empty());
    }

    #[test]
    fn two_apostrophes_close_a_straight_double_quotation() {
        let t = "\"We played hard,'' Boudreau said, \"and the 'kids' were great.''";
        assert_eq!(
            inner(t),
            vec!["We played hard,", "and the 'kids' were great."]
        );
        let q = scan(t);
        assert_eq!(q[0].close_end, Some(q[0].end + 2));
        // Curled the same way by a later conversion: “…’’
        assert_eq!(
            inner("“It was an attempt,’’ Will Moy told the BBC."),
            vec!["It was an attempt,"]
        );
        // Inside a word, two apostrophes stay what they are.
        assert_eq!(inner("\"rock''n''roll\" night"), vec!["rock''n''roll"]);
    }
}
