//! Text normalisation: the one place that decides which differences in raw text are not differences at all.
//!
//! Every text that enters storydiff (a file, stdin, an extracted web page) goes through
//! [`normalize_text`] before it is split into paragraphs and hashed, so that the same article with CRLF line
//! ends, trailing spaces, no-break spaces or decomposed accents hashes the same. The rules, in order:
//!
//! 1. a leading byte-order mark is dropped;
//! 2. CRLF and lone CR become LF; the Unicode line and paragraph separators (U+2028, U+2029) become LF;
//! 3. tabs, no-break spaces (U+00A0, U+202F) and every other Unicode space separator (category Zs)
//!    become an ASCII space;
//! 4. other control characters (C0, DEL, C1) are removed, as are the bidirectional override and isolate
//!    controls (U+202A–U+202E, U+2066–U+2069), which can only disguise text;
//! 5. runs of spaces collapse to one; spaces at the start and end of every line are removed;
//! 6. each line is put in Unicode Normalization Form C.
//!
//! Typographic variants that carry no meaning to a machine but do to a reader (curly vs straight quotes,
//! dashes) are *not* folded here: they are part of what was published. The diff classes such changes as
//! `typography` instead (see [`fold_typography`]).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Normalise raw article text by the rules in this module's documentation.
///
/// ```
/// use storydiff::normalize::normalize_text;
/// assert_eq!(normalize_text("a\u{00A0} b  \r\nc\t"), "a b\nc");
/// ```
pub fn normalize_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let mut unified = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                unified.push('\n');
            }
            '\u{2028}' | '\u{2029}' => unified.push('\n'),
            _ => unified.push(c),
        }
    }
    let mut out = String::with_capacity(unified.len());
    for (i, line) in unified.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_normalized_line(&mut out, line);
    }
    out
}

/// Append one line (without its newline) to `out`, normalised: spaces folded, controls removed, trimmed at
/// both ends, then NFC (composition last, so removing a control between a letter and its accent still composes
/// them and normalising twice changes nothing).
fn push_normalized_line(out: &mut String, line: &str) {
    let mut folded = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if is_space(c) {
            pending_space = !folded.is_empty();
            continue;
        }
        if is_removed_control(c) {
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.push(c);
    }
    out.extend(folded.nfc());
}

/// Whether `c` counts as a space for normalisation (tab, ASCII space, every Unicode space separator).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Control characters that are dropped: C0 (but LF, which is handled by the caller), DEL, C1, and the
/// bidirectional embedding, override and isolate controls.
fn is_removed_control(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Fold the typographic variants a reader does not count as an edit: curly quotes and apostrophes to
/// straight ones, every dash (hyphen-minus, en, em, figure, minus, `--`) to `-`, ellipsis to `...`.
///
/// Used to decide whether a change is typography only; never applied to stored text.
///
/// ```
/// use storydiff::normalize::fold_typography;
/// assert_eq!(fold_typography("“Yes” — it’s"), fold_typography("\"Yes\" -- it's"));
/// ```
pub fn fold_typography(text: &str) -> String {
    fold_typography_cow(text).into_owned()
}

/// [`fold_typography`], borrowing the text when there is nothing to fold (most single words, as the quote
/// diff folds them).
pub(crate) fn fold_typography_cow(text: &str) -> Cow<'_, str> {
    // This runs on every paragraph of both versions and every quoted word (a hot spot in callgrind), so
    // unchanged runs are copied whole and only the characters that fold are looked at one by one.
    if text.bytes().all(|b| b.is_ascii() && b != b'-' && b != b'`') {
        return Cow::Borrowed(text);
    }
    let mut mapped = String::with_capacity(text.len());
    let mut run_start = 0;
    let mut after_hyphen = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII other than '-' and '`' never folds: skipped by the byte, without decoding.
        if bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii() && b != b'-' && b != b'`')
        {
            after_hyphen = false;
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let at = i;
        i += c.len_utf8();
        let folded = match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => Some("\""),
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => Some("'"),
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Some("-"),
            // A run of hyphen-minuses is one dash: the ones after the first are dropped.
            '-' if after_hyphen => Some(""),
            '…' => Some("..."),
            _ => None,
        };
        after_hyphen = c == '-';
        if let Some(f) = folded {
            mapped.push_str(text.get(run_start..at).unwrap_or(""));
            mapped.push_str(f);
            run_start = i;
        }
    }
    mapped.push_str(text.get(run_start..).unwrap_or(""));
    // Spacing around a dash is a matter of house style too ("a — b", "a—b" and "a--b" are one text): a space
    // next to a dash goes. Both are ASCII, so this works on bytes.
    if !mapped.contains('-') {
        return Cow::Owned(mapped);
    }
    let bytes = mapped.as_bytes();
    let mut out = String::with_capacity(mapped.len());
    let mut run_start = 0;
    for (k, &b) in bytes.iter().enumerate() {
        let dropped = b == b' '
            && ((k > 0 && bytes.get(k - 1) == Some(&b'-')) || bytes.get(k + 1) == Some(&b'-'));
        if dropped {
            out.push_str(mapped.get(run_start..k).unwrap_or(""));
            run_start = k + 1;
        }
    }
    out.push_str(mapped.get(run_start..).unwrap_or(""));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_trailing_spaces_and_nbsp_fold_away() {
        let a = "Headline\n\nThe  quick\u{A0}fox.\n";
        let b = "Headline  \r\n\r\nThe quick fox. \r\n";
        assert_eq!(normalize_text(a), normalize_text(b));
    }

    #[test]
    fn nfc_composes_accents() {
        assert_eq!(normalize_text("Zelenskyy cafe\u{301}"), "Zelenskyy café");
    }

    #[test]
    fn controls_and_bidi_overrides_are_removed_but_newlines_kept() {
        assert_eq!(normalize_text("a\u{0}b\u{202E}c\nd\u{7}"), "abc\nd");
    }

    #[test]
    fn lone_cr_and_unicode_separators_become_newlines() {
        assert_eq!(normalize_text("a\rb\u{2029}c"), "a\nb\nc");
    }

    #[test]
    fn a_control_between_a_letter_and_its_accent_still_composes() {
        // Found by the idempotence property: NFC used to run before controls were removed.
        let once = normalize_text("G\u{0}\u{301}");
        assert_eq!(once, "Ǵ");
        assert_eq!(normalize_text(&once), once);
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(normalize_text("\u{FEFF}text"), "text");
    }

    #[test]
    fn curly_quotes_are_kept_by_normalisation() {
        assert_eq!(normalize_text("“no”"), "“no”");
    }

    /// The char-by-char, two-pass form `fold_typography` had before it copied runs: the property test below holds
    /// the two equal.
    fn fold_typography_two_pass(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '“' | '”' | '„' | '‟' | '«' | '»' | '″' => out.push('"'),
                '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => out.push('\''),
                '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => out.push('-'),
                '-' => {
                    while chars.peek() == Some(&'-') {
                        chars.next();
                    }
                    out.push('-');
                }
                '…' => out.push_str("..."),
                _ => out.push(c),
            }
        }
        let mut spaced = String::with_capacity(out.len());
        let chars: Vec<char> = out.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_dash = chars.get(i + 1) == Some(&'-');
                let prev_dash = i > 0 && chars.get(i - 1) == Some(&'-');
                if next_dash || prev_dash {
                    continue;
                }
            }
            spaced.push(c);
        }
        spaced
    }

    proptest::proptest! {
        #[test]
        fn fold_is_the_reference_fold(t in "[ aé.\\-—–…“’`]{0,24}") {
            proptest::prop_assert_eq!(fold_typography(&t), fold_typography_two_pass(&t));
        }
    }

    #[test]
    fn typography_fold_equates_dash_styles() {
        assert_eq!(fold_typography("(CNN) —"), fold_typography("(CNN) --"));
        assert_eq!(fold_typography("(CNN) –"), fold_typography("(CNN)-"));
        assert_ne!(fold_typography("(CNN) —"), fold_typography("(AP) —"));
    }
}
