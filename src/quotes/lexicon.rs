//! Word lists (titles, cues, stop words, …) and the lower-casing they are looked up with, without
//! allocating.
//!
//! Quote analysis asks "is this word a title / an organisation word / a cue?" for every word of every
//! article, several times over. With the lists as plain slices each question was a lower-case `String` plus a
//! linear scan of up to two hundred entries; callgrind put that (memcmp, malloc, free) at over a third of a
//! full diff's instructions. A [`Lexicon`] wraps a list that stays written as a plain slice beside the
//! comment that explains it, and builds a hash index of it on first use; [`lower`] lower-cases a word in a
//! stack buffer when it is short ASCII (nearly every word of English news text) and on the heap otherwise, so
//! results are exactly those of `str::to_lowercase` and `slice::contains`.

use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use rustc_hash::FxBuildHasher;

/// Longest word lower-cased on the stack, in bytes; longer or non-ASCII words go to the heap. No list
/// entry is this long, and few words are.
const INLINE: usize = 24;

/// A word lower-cased (as `str::to_lowercase` would): the word itself when it is lower-case ASCII
/// already, a copy on the stack when it is short ASCII, else a `String`.
#[derive(Clone)]
pub(crate) struct Lower<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    Borrowed(&'a str),
    Inline { buf: [u8; INLINE], len: usize },
    Heap(String),
}

/// `word` lower-cased, without allocating when it is ASCII and at most [`INLINE`] bytes long.
pub(crate) fn lower(word: &str) -> Lower<'_> {
    let bytes = word.as_bytes();
    if !bytes
        .iter()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        return Lower(Repr::Borrowed(word));
    }
    if bytes.len() <= INLINE && word.is_ascii() {
        let mut buf = [0u8; INLINE];
        if let Some(dst) = buf.get_mut(..bytes.len()) {
            dst.copy_from_slice(bytes);
            dst.make_ascii_lowercase();
            return Lower(Repr::Inline {
                buf,
                len: bytes.len(),
            });
        }
    }
    Lower(Repr::Heap(word.to_lowercase()))
}

impl Lower<'_> {
    /// The lower-case text as bytes (no UTF-8 check: what lookups use).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Borrowed(s) => s.as_bytes(),
            Repr::Inline { buf, len } => buf.get(..*len).unwrap_or(&[]),
            Repr::Heap(s) => s.as_bytes(),
        }
    }

    /// The lower-case text.
    pub(crate) fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(s) => s,
            // Only ever ASCII (copied from a `str` and ASCII-lower-cased), so always valid UTF-8.
            Repr::Inline { buf, len } => {
                std::str::from_utf8(buf.get(..*len).unwrap_or(&[])).unwrap_or("")
            }
            Repr::Heap(s) => s,
        }
    }
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower(Repr::Borrowed(""))
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for Lower<'_> {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entry of a word list: a word, or a word with a value (a cue form and its canonical name).
pub(crate) trait Entry: Sync + 'static {
    /// The word the entry is looked up by (lower-case).
    fn key(&self) -> &'static str;
}

impl Entry for &'static str {
    fn key(&self) -> &'static str {
        self
    }
}

impl<V: Sync + 'static> Entry for (&'static str, V) {
    fn key(&self) -> &'static str {
        self.0
    }
}

/// A word list with a hash index built on first use. Lookups answer as `slice::contains` (or, for a list
/// of pairs, `iter().find`) on the list would.
///
/// ```text
/// static DETERMINERS: Lexicon = Lexicon::new(&["a", "an", "the"]);
/// assert!(DETERMINERS.contains("the"));
/// assert!(DETERMINERS.contains_word("The"));
/// ```
pub(crate) struct Lexicon<T: Entry = &'static str> {
    entries: &'static [T],
    /// Keyed by bytes, so a word lower-cased on the stack is looked up without a UTF-8 check.
    index: OnceLock<HashMap<&'static [u8], usize, FxBuildHasher>>,
}

impl<T: Entry> Lexicon<T> {
    /// Wrap a list; nothing is built until the first lookup.
    pub(crate) const fn new(entries: &'static [T]) -> Self {
        Lexicon {
            entries,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &HashMap<&'static [u8], usize, FxBuildHasher> {
        self.index.get_or_init(|| {
            let mut map = HashMap::with_capacity_and_hasher(self.entries.len(), FxBuildHasher);
            for (i, e) in self.entries.iter().enumerate() {
                // The first entry of a key wins, as with a linear search.
                map.entry(e.key().as_bytes()).or_insert(i);
            }
            map
        })
    }

    /// The first entry whose key is `word` exactly (callers pass a lower-case word).
    pub(crate) fn find<W: AsRef<[u8]> + ?Sized>(&self, word: &W) -> Option<&'static T> {
        let entries: &'static [T] = self.entries;
        self.index()
            .get(word.as_ref())
            .and_then(|&i| entries.get(i))
    }

    /// Whether the list holds `word` exactly (callers pass a lower-case word: a [`Lower`] or a `str`, by
    /// reference, `&&str` included, so it reads like `slice::contains` at call sites).
    pub(crate) fn contains<W: AsRef<[u8]> + ?Sized>(&self, word: &W) -> bool {
        self.index().contains_key(word.as_ref())
    }

    /// Whether the list holds `word` lower-cased.
    pub(crate) fn contains_word(&self, word: &str) -> bool {
        self.contains(&lower(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_to_lowercase() {
        for w in [
            "",
            "Said",
            "U.S.",
            "ÉLYSÉE",
            "Trump’s",
            "\u{212A}elvin",
            "İstanbul",
            "A-very-long-hyphenated-word-beyond-the-stack-buffer",
            "abcdefghijklmnopqrstuvwx",
            "ABCDEFGHIJKLMNOPQRSTUVWXY",
        ] {
            assert_eq!(lower(w).as_str(), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn lookups_are_slice_lookups() {
        const WORDS: &[&str] = &["the", "a", "kelvin", "the"];
        static LEX: Lexicon = Lexicon::new(WORDS);
        for w in [
            "the",
            "The",
            "a",
            "A",
            "an",
            "",
            "\u{212A}elvin",
            "kelvin",
            "KELVIN",
        ] {
            assert_eq!(LEX.contains(w), WORDS.contains(&w), "{w:?}");
            assert_eq!(
                LEX.contains_word(w),
                WORDS.contains(&w.to_lowercase().as_str()),
                "{w:?}"
            );
        }
        const PAIRS: &[(&str, &str)] = &[("says", "said"), ("said", "said"), ("says", "other")];
        static CUES: Lexicon<(&str, &str)> = Lexicon::new(PAIRS);
        assert_eq!(CUES.find("says"), Some(&("says", "said")));
        assert_eq!(CUES.find("told"), None);
    }

    proptest::proptest! {
        #[test]
        fn lower_agrees_with_to_lowercase(w in "\\PC{0,30}") {
            let lowered = lower(&w);
            proptest::prop_assert_eq!(lowered.as_str(), w.to_lowercase());
        }
    }
}
