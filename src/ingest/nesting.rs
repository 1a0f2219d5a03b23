//! How deeply a page nests its elements, measured by a cheap linear scan of the text before the page is
//! parsed, so that a hostile page cannot make extraction take minutes.
//!
//! Parsing and extraction cost grows faster than linearly with nesting depth: a page of 20,000 nested
//! `<div>`s took about 250 s in `dom_smoothie`/`html5ever`, while real news pages nest a few dozen levels
//! deep. [`nesting_depth`] follows the HTML tokenizer closely enough to count what the tree builder would
//! nest: start tags of elements that need an end tag push, end tags pop back to their element (a stray end
//! tag is ignored, as the tree builder ignores it), comments, doctypes and the contents of raw-text elements
//! (`<script>`, `<style>`, `<textarea>`, `<title>`, …) are skipped, quoted attribute values may hold `>`.
//! Void elements (`<br>`, `<img>`, …) and elements whose end tag is optional and that close each other
//! (`<p>`, `<li>`, `<td>`, `<option>`, …) are not counted, so the measure may be lower than the real tree
//! depth, never higher for well-formed pages. Nesting through those elements still needs a counted element
//! in between: a list (`<ul><li><ul><li>`) shows half of its depth, a table (`<table>`, implied `<tbody>`,
//! `<tr>`, `<td>`) a quarter, so a page under the cap is at most four times as deep as the cap in the
//! worst case, and such a page still extracts quickly (255 nested tables: 0.3 s, `tests/hostile.rs`).

use std::collections::HashMap;

/// Deepest element nesting (as counted by [`nesting_depth`]) a page may have to be extracted.
///
/// Measured: the deepest of the 157 pages in `shared/corpus/extraction` counts 49, most count under 30, so
/// 256 leaves five times the deepest real page. Extraction cost per element grows with its depth (debug
/// build, `dom_smoothie` 0.19: an article under 511 nested `<div>`s takes 0.1–0.2 s, 1,000 levels 0.4 s,
/// 2,000 levels 1.9 s, 4,000 levels 4.7 s, 20,000 levels about 250 s), so a lower cap also bounds what a
/// large page made of many deep subtrees costs: at 500 levels such a page costs about three times as much
/// per byte as flat markup.
pub const MAX_NESTING_DEPTH: usize = 256;

/// Elements that never have contents or an end tag.
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"basefont",
    b"bgsound",
    b"br",
    b"col",
    b"embed",
    b"frame",
    b"hr",
    b"image",
    b"img",
    b"input",
    b"keygen",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
];

/// Elements whose end tag may be left out and that the tree builder closes when a sibling opens (so a run of
/// them does not nest), plus the document's own `html`, `head` and `body`.
const OPTIONAL_END: &[&[u8]] = &[
    b"body",
    b"caption",
    b"colgroup",
    b"dd",
    b"dt",
    b"head",
    b"html",
    b"li",
    b"optgroup",
    b"option",
    b"p",
    b"rb",
    b"rp",
    b"rt",
    b"rtc",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"tr",
];

/// Elements whose contents are text up to their end tag, not markup.
const RAW_TEXT: &[&[u8]] = &[
    b"iframe",
    b"noembed",
    b"noframes",
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
];

/// The deepest nesting of elements in `html`, as the tree builder would build it (see the module
/// documentation for what is counted). Linear in the length of the page.
///
/// ```
/// use storydiff::ingest::nesting::nesting_depth;
/// assert_eq!(nesting_depth("<div><section><p>a<br>b</section></div>"), 2);
/// assert_eq!(nesting_depth(&"<div>".repeat(1000)), 1000);
/// // A stray end tag does not close anything; a comment or a script is not markup.
/// assert_eq!(nesting_depth("<div></span><div><!-- <div> --><script>'<div>'</script>"), 2);
/// ```
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut names = Names::default();
    // Open counted elements, innermost last, as ids from `names`.
    let mut stack: Vec<usize> = Vec::new();
    // Open `<svg>` and `<math>` elements: inside them `<x/>` closes itself, as in XML.
    let mut foreign = 0usize;
    let mut deepest = 0usize;
    let mut name = Vec::new();
    let mut i = 0usize;
    while let Some(off) = memchr(b'<', bytes, i) {
        i = off + 1;
        let rest = bytes.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            i = memchr(b'>', bytes, i).map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        if !bytes
            .get(name_start)
            .is_some_and(|b| b.is_ascii_alphabetic())
        {
            continue; // a `<` that opens no tag is text
        }
        let name_end = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>'))
            .map_or(bytes.len(), |p| name_start + p);
        name.clear();
        name.extend(
            bytes
                .get(name_start..name_end)
                .unwrap_or_default()
                .iter()
                .map(u8::to_ascii_lowercase),
        );
        let (tag_end, self_closing) = tag_end(bytes, name_end);
        i = tag_end;
        let is_foreign = |n: &[u8]| n == b"svg" || n == b"math";
        if closing {
            // Pop back to (and including) the innermost open element of this name; an end tag with nothing
            // to close is ignored.
            if let Some(id) = names.get(&name)
                && names.open[id] > 0
            {
                while let Some(top) = stack.pop() {
                    names.open[top] -= 1;
                    if is_foreign(&names.text[top]) {
                        foreign = foreign.saturating_sub(1);
                    }
                    if top == id {
                        break;
                    }
                }
            }
            continue;
        }
        let skip = VOID.contains(&name.as_slice())
            || OPTIONAL_END.contains(&name.as_slice())
            || (self_closing && foreign > 0);
        if skip {
            continue;
        }
        if RAW_TEXT.contains(&name.as_slice()) {
            i = raw_text_end(bytes, i, &name);
            continue;
        }
        if name == b"plaintext" {
            break; // the rest of the page is text
        }
        if is_foreign(&name) {
            foreign += 1;
        }
        let id = names.intern(&name);
        names.open[id] += 1;
        stack.push(id);
        deepest = deepest.max(stack.len());
    }
    deepest
}

/// Element names seen so far, each with a small id, and how many elements of each are open (so an end tag
/// finds, or misses, its element without searching the stack, and no tag allocates).
#[derive(Default)]
struct Names {
    ids: HashMap<Vec<u8>, usize>,
    text: Vec<Vec<u8>>,
    open: Vec<usize>,
}

impl Names {
    fn get(&self, name: &[u8]) -> Option<usize> {
        self.ids.get(name).copied()
    }

    fn intern(&mut self, name: &[u8]) -> usize {
        if let Some(id) = self.get(name) {
            return id;
        }
        let id = self.text.len();
        self.ids.insert(name.to_vec(), id);
        self.text.push(name.to_vec());
        self.open.push(0);
        id
    }
}

/// Where the tag whose name ends at `from` ends (just past its `>`, skipping quoted attribute values), and
/// whether it ends with `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote = None;
    let mut prev = 0u8;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (k + 1, prev == b'/'),
            None => {}
        }
        prev = b;
    }
    (bytes.len(), false)
}

/// Where the contents of a raw-text element that started at `from` end: at its end tag `</name`, compared
/// without case.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = find(bytes, i, b"</") {
        let candidate = bytes.get(off + 2..off + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return off;
        }
        i = off + 2;
    }
    bytes.len()
}

/// The first `needle` byte at or after `from`.
fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| from + p)
}

/// The first occurrence of `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_elements_that_need_an_end_tag() {
        assert_eq!(nesting_depth(""), 0);
        assert_eq!(nesting_depth("plain text, no tags < 3"), 0);
        assert_eq!(
            nesting_depth("<html><body><div><div></div><div><span>x</span></div></div>"),
            3
        );
        assert_eq!(nesting_depth(&"<div>".repeat(20_000)), 20_000);
        assert_eq!(nesting_depth(&"<DIV class=a>".repeat(3)), 3);
    }

    #[test]
    fn runs_of_optional_end_and_void_elements_do_not_nest() {
        assert_eq!(nesting_depth(&"<p>para".repeat(10_000)), 0);
        assert_eq!(nesting_depth(&"<li>item<br><img src=x>".repeat(10_000)), 0);
        // Nesting through lists still counts the lists.
        assert_eq!(nesting_depth(&"<ul><li>".repeat(100)), 100);
    }

    #[test]
    fn end_tags_close_back_to_their_element_and_stray_ones_are_ignored() {
        // `</div>` closes the unclosed `<span>` inside it too.
        assert_eq!(nesting_depth(&"<div><span></div>".repeat(1000)), 2);
        // A stray `</span>` closes nothing: the divs still nest.
        assert_eq!(nesting_depth(&"<div></span>".repeat(1000)), 1000);
        assert_eq!(nesting_depth(&"</div>".repeat(1000)), 0);
    }

    #[test]
    fn comments_scripts_and_quoted_attributes_are_not_markup() {
        let hidden = format!(
            "<!-- {d} --><script>var s = '{d}';</script><style>/* {d} */</style><textarea>{d}</TEXTAREA>\
             <div title='>{d}'></div>",
            d = "<div>".repeat(100)
        );
        assert_eq!(nesting_depth(&hidden), 1);
        // An unclosed comment or script hides the rest of the page, as it does from the parser.
        assert_eq!(nesting_depth(&format!("<!-- {}", "<div>".repeat(100))), 0);
    }

    #[test]
    fn self_closing_tags_close_only_in_svg_and_math() {
        assert_eq!(nesting_depth(&"<div/>".repeat(100)), 100);
        let svg = format!("<svg>{}</svg>", "<path d='M0 0'/>".repeat(100));
        assert_eq!(nesting_depth(&svg), 1);
    }

    #[test]
    fn truncated_tags_do_not_panic() {
        for page in [
            "<",
            "</",
            "<div",
            "<div class='x",
            "<!",
            "<!--",
            "<script>",
            "<a/",
            "</x",
        ] {
            let _ = nesting_depth(page);
        }
    }
}
