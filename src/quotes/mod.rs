//! Quotations: every direct quotation of an article with its speaker ([`extract`]), and the quote-by-quote
//! comparison of two versions ([`diff_quotes`]).
//!
//! A quotation is the unit a reader cares about when a story is edited: a quote that is reworded, trimmed
//! or pinned on another person is the edit most worth reporting. The work is split by concept:
//!
//! - `marks`: which characters open and close quotations (curly, straight, guillemets, CJK brackets),
//!   which are apostrophes, and the top-level quotations of one paragraph;
//! - `spans`: running quotes over several paragraphs and unclosed quotes;
//! - `attribution`: cues (said, told, according to, …) and their subjects, sentence bounds, reported
//!   speech;
//! - `speakers`: titles, organisations, the fullest name the article gives, and [`speaker_key`];
//! - `diff`: matching quotations across versions and naming the change.
//!
//! # How a speaker is found
//! For each quotation, candidates are tried in order and the first that resolves wins: a cue right after
//! the quotation (`“…,” X said`, `“…,” said X`, `“…,” according to X`); cues before it in its sentence,
//! nearest first (`X said: “…”`, `X told CNN that there are “…”`); a verb right after an earlier quotation
//! of the sentence (its subject is the sentence's); an attribution closing the sentence (`…, a petition
//! filed by her lawyers stated.`); a participle after the quotation (`…, saying`); a cue without a subject
//! (`…, adding: “…”`), which continues the sentence's speaker. Subjects are then resolved: titles are
//! stripped and the fullest name the article gives is used; pronouns go to the nearest earlier speaker
//! who fits (a person for he/she, with a common-first-name check, an organisation for it); definite
//! descriptions go to the person the article gives that title ("the attorney general" → Pam Bondi), to
//! the anonymous source described before ("the official" → "an administration official"), or for other
//! person roles to the last named person speaker. A quotation without any cue inherits the previous
//! speaker when it is a whole paragraph or follows another quotation of its paragraph.
//!
//! # Speech or title
//! `title_or_scare` is for a quotation after a naming word ("so-called", "dubbed", "the term", "known
//! as", "a group called", "the show" + capitalised title), a short title-case name (“Board of Peace”),
//! or a short (under five words) quotation with no attribution anywhere in its sentence. Everything that
//! the text attributes, of any length, is `speech`.
//!
//! # JSON
//! A [`Quote`] serialises as `{"text", "speaker": str|null, "paragraph", "cue": str|null,
//! "speaker_resolved_by": str|null, "kind": "speech"|"title_or_scare", "span": [start, end], "flags": [..]}`;
//! the `storydiff quotes` command wraps a list of them as `{"schema_version": 1, "quotes": [...]}`.

mod attribution;
mod diff;
mod lexicon;
mod marks;
mod spans;
mod speakers;

pub use diff::{
    QuoteChange, QuoteChangeOp, QuoteSide, describe, diff_analysed, diff_paragraphs, diff_quotes,
};
pub use speakers::speaker_key;

use std::cell::{OnceCell, RefCell};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use attribution::{Found, Subject};
use spans::RawQuote;
use speakers::{NameIndex, SpeakerSort, sort_of, strip_titles};

/// A quotation of this many words or more with no cue is still speech (someone's sentence); shorter
/// unattributed quotations are scare quotes or terms. Four words covers "so-called" style terms such as
/// “big, beautiful bill”; full sentences quoted without attribution are longer.
const SPEECH_MIN_WORDS: usize = 5;

/// The longest quotation, in words, that can be a title or name when it is written in title case
/// (“Board of Peace”, “One Big Beautiful Bill Act”).
const TITLE_MAX_WORDS: usize = 7;

/// How many earlier speakers a pronoun or description looks back over. A story names a few dozen
/// speakers at most; the cap keeps pathological inputs linear.
const MAX_LOOKBACK: usize = 200;

/// How many paragraphs back a "he said" with no earlier speaker looks for the person it stands for. AP copy
/// carries a pronoun over one paragraph, sometimes over a one-line aside between ("…, said Josh Hirt." /
/// "With a caveat." / "“…,” he added."); two covers both without reaching into unrelated paragraphs.
const MAX_PRONOUN_PARAGRAPHS: usize = 2;

/// How many distinct acronyms an article's analysis looks for spelled out (a pass over the article each).
/// A story names a handful; the cap keeps an article of thousands of made-up acronyms linear.
const MAX_SPELLED_ACRONYMS: usize = 64;

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words someone said or wrote: these take part in the quote diff.
    Speech,
    /// A title of a work, a name, a nickname, a term or an unattributed scare quote.
    TitleOrScare,
}

/// One top-level quotation of an article.
///
/// ```
/// use storydiff::quotes::{extract, QuoteKind};
/// let paragraphs = vec![
///     "Kremlin spokesperson Dmitry Peskov said there was “nothing new.”".to_string(),
///     "“There were discussions in Anchorage,” he said.".to_string(),
/// ];
/// let quotes = extract(&paragraphs);
/// assert_eq!(quotes[1].text, "There were discussions in Anchorage,");
/// assert_eq!(quotes[1].speaker.as_deref(), Some("Dmitry Peskov"));
/// assert_eq!(quotes[1].speaker_resolved_by.as_deref(), Some("pronoun"));
/// assert_eq!(quotes[1].kind, QuoteKind::Speech);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// What stands between the marks, trimmed; a running quote's parts joined by a single space.
    pub text: String,
    /// The fullest name the article gives (titles stripped), an organisation's name, or an anonymous
    /// source's description ("a Russian source"); `None` when nobody is named.
    pub speaker: Option<String>,
    /// Index of the paragraph where the quotation opens.
    pub paragraph: usize,
    /// The cue that attributes it ("said", "told", "according_to", "wrote", …), when there is one.
    pub cue: Option<String>,
    /// How the speaker was found: "adjacent" (named next to the cue), "apposition", "according_to",
    /// "pronoun", "description" ("the attorney general" → a named person), "previous" (inherited from
    /// the previous quotation), "sentence_subject" (no cue: the subject of the quotation's sentence),
    /// "repeated" (words the story quotes again inside a longer quotation by one speaker); `None`
    /// without a speaker.
    pub speaker_resolved_by: Option<String>,
    /// Speech, or a title / name / term / scare quote.
    pub kind: QuoteKind,
    /// Byte offsets `[start, end]` in the opening paragraph of the text between the marks (trimmed),
    /// always on char boundaries. For a running quote, the part in the opening paragraph.
    pub span: [usize; 2],
    /// Anomalies: "unclosed" (no closing mark, ended at the paragraph's end), "running" (continues over
    /// several paragraphs).
    pub flags: Vec<String>,
}

/// A sentence that reports speech without quotation marks ("Peskov said talks would continue"), used to
/// tell a quote turned into paraphrase from a removed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedSpeech {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte offsets of the sentence in its paragraph.
    pub span: [usize; 2],
    /// The speaker, resolved like a quotation's.
    pub speaker: String,
    /// The cue.
    pub cue: String,
}

/// A speaker seen so far, for resolving pronouns and descriptions.
#[derive(Debug, Clone)]
struct Seen {
    speaker: String,
    paragraph: usize,
    sort: SpeakerSort,
    /// The description as written, for anonymous sources ("a person familiar with the talks").
    description: Option<String>,
}

/// The speech quotation before the one being read, in the same paragraph.
struct PrevQuote {
    speaker: Option<String>,
    /// The speaker was only carried over from the paragraph before: no cue named them.
    carried: bool,
}

/// Everything extraction works out about one version, in one pass over its paragraphs ([`analyse`]):
/// what [`extract`] and [`reported_speech`] return, together. A diff needs both for the new version and the
/// quotations of the old one; a caller that compares a whole history (each version twice, as the new side
/// and then as the old side) analyses each version once and hands the analyses to
/// [`diff_analysed`] (or `diff::diff_versions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Every top-level quotation, as [`extract`] gives them.
    pub quotes: Vec<Quote>,
    /// Reported speech, as [`reported_speech`] gives it.
    pub reported: Vec<ReportedSpeech>,
}

/// Extract every top-level quotation of an article's body paragraphs, with its speaker.
///
/// Never fails: unbalanced marks end at the paragraph's end with the flag "unclosed". Runs in time
/// linear in the input (contexts are bounded; no recursion).
pub fn extract(paragraphs: &[String]) -> Vec<Quote> {
    analyse(paragraphs).quotes
}

/// The sentences of an article that report speech without quoting it, with their speakers.
pub fn reported_speech(paragraphs: &[String]) -> Vec<ReportedSpeech> {
    analyse(paragraphs).reported
}

/// Analyse one version's body paragraphs: its quotations and its reported speech (see [`Analysis`]).
///
/// ```
/// use storydiff::quotes::{analyse, extract};
/// let paragraphs = vec!["“We will win,” Jane Doe said. Doe said the team was ready.".to_string()];
/// let analysis = analyse(&paragraphs);
/// assert_eq!(analysis.quotes, extract(&paragraphs));
/// assert_eq!(analysis.reported[0].speaker, "Jane Doe");
/// ```
pub fn analyse(paragraphs: &[String]) -> Analysis {
    analyse_cached(paragraphs, &mut AnalysisCache::default())
}

/// [`analyse`], reusing what `cache` remembers of paragraphs met before.
///
/// Most of the work on a quotation is reading its own paragraph: the contexts around it, the cues there
/// and their subjects as written, the sentences that report speech. That depends on the paragraph's text
/// alone, and the versions of a story share most paragraphs, so a caller comparing versions keeps one
/// cache for all of them (`diff_articles` for its pair, `log --patch` for a whole history) and each
/// unchanged paragraph is read once. Resolving speakers against the rest of the story (pronouns, fullest
/// names) is done afresh for every version, so the result is exactly [`analyse`]'s.
///
/// ```
/// use storydiff::quotes::{AnalysisCache, analyse, analyse_cached};
/// let v1 = vec!["“We will win,” Jane Doe said.".to_string()];
/// let v2 = vec!["“We will win,” Jane Doe said.".to_string(), "“Soon,” she added.".to_string()];
/// let mut cache = AnalysisCache::default();
/// assert_eq!(analyse_cached(&v1, &mut cache), analyse(&v1));
/// assert_eq!(analyse_cached(&v2, &mut cache), analyse(&v2));
/// ```
pub fn analyse_cached(paragraphs: &[String], cache: &mut AnalysisCache) -> Analysis {
    let names = NameIndex::build_cached(paragraphs, &mut cache.names);
    for text in paragraphs {
        if !cache.paragraphs.contains_key(text.as_str()) {
            cache.paragraphs.insert(
                text.clone(),
                CachedParagraph {
                    marks: marks::scan(text),
                    camel: camel_words(text),
                    reading: None,
                },
            );
        }
    }
    let raws = {
        let scans: Vec<&[marks::TopQuote]> =
            paragraphs.iter().map(|text| cache.marks(text)).collect();
        spans::assemble_scanned(paragraphs, &scans)
    };
    // Every part in every paragraph, as (open, close_end or paragraph end), sorted: the bounds of contexts.
    let mut parts_in: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paragraphs.len()];
    // Paragraphs that a quotation running over several paragraphs passes through: reading them needs
    // their neighbours, so they are not cached.
    let mut running: Vec<bool> = vec![false; paragraphs.len()];
    for raw in &raws {
        for part in &raw.parts {
            let len = paragraphs.get(part.paragraph).map_or(0, String::len);
            if let Some(v) = parts_in.get_mut(part.paragraph) {
                v.push((part.open, part.close_end.unwrap_or(len)));
            }
            if raw.parts.len() > 1
                && let Some(r) = running.get_mut(part.paragraph)
            {
                *r = true;
            }
        }
    }
    for v in &mut parts_in {
        v.sort_unstable();
    }
    let mut quotes_in: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
    for (i, raw) in raws.iter().enumerate() {
        if let Some(first) = raw.first()
            && let Some(v) = quotes_in.get_mut(first.paragraph)
        {
            v.push(i);
        }
    }
    let quotes_of = |p: usize| -> Vec<&RawQuote> {
        quotes_in
            .get(p)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&qi| raws.get(qi))
            .collect()
    };
    // Read every paragraph first (from the cache when it was met before), then resolve in order.
    let mut uncached: Vec<Option<ParagraphReading>> = Vec::with_capacity(paragraphs.len());
    for (p, text) in paragraphs.iter().enumerate() {
        let parts = parts_in.get(p).map(Vec::as_slice).unwrap_or(&[]);
        let own = if running.get(p).copied().unwrap_or(false) {
            Some(read_paragraph(paragraphs, &parts_in, p, &quotes_of(p)))
        } else {
            if cache.reading(text, parts).is_none()
                && let Some(cached) = cache.paragraphs.get_mut(text.as_str())
            {
                cached.reading = Some(read_paragraph(paragraphs, &parts_in, p, &quotes_of(p)));
            }
            None
        };
        uncached.push(own);
    }
    let camel_words: Vec<&str> = paragraphs
        .iter()
        .filter_map(|text| Some((text, cache.paragraphs.get(text.as_str())?)))
        .flat_map(|(text, cached)| cached.camel.iter().filter_map(|&(s, e)| text.get(s..e)))
        .collect();
    let camel_heads: FxHashSet<&str> = camel_words
        .iter()
        .flat_map(|w| {
            w.char_indices()
                .zip(w.chars().skip(1))
                .filter(|&((_, c), next)| c.is_ascii_lowercase() && next.is_ascii_uppercase())
                .filter_map(|((k, _), _)| w.get(k + 1..))
                .map(|head| head.trim_end_matches(|c: char| !c.is_alphanumeric()))
        })
        .collect();
    let mut state = State {
        paragraphs,
        names: &names,
        seen: Vec::new(),
        last_quote: None,
        opening: None,
        quote_open: None,
        spelled: RefCell::default(),
        qualified_groups: RefCell::default(),
        body_names: RefCell::default(),
        camel_words,
        camel_heads,
        pronoun_of: FxHashMap::default(),
    };
    let mut out = Analysis {
        quotes: Vec::new(),
        reported: Vec::new(),
    };
    for (p, text) in paragraphs.iter().enumerate() {
        let parts = parts_in.get(p).map(Vec::as_slice).unwrap_or(&[]);
        let reading = match uncached.get(p) {
            Some(Some(own)) => own,
            _ => match cache.reading(text, parts) {
                Some(cached) => cached,
                None => continue,
            },
        };
        let quotes = quotes_of(p);
        let mut prev_in_paragraph: Option<PrevQuote> = None;
        for step in &reading.steps {
            match step {
                Step::Reported {
                    span: [s, e],
                    found,
                } => {
                    let sentence = text.get(*s..*e).unwrap_or("");
                    // As for a quotation: a pronoun in a later sentence may stand for the person who
                    // opens the paragraph ("Alito … returned to the bench. He praised the lawyers.").
                    state.opening = Some((p, &reading.opening)).filter(|_| *s > 0);
                    state.quote_open = Some(*s).filter(|&start| start > 0);
                    if let Some(found) = found
                        .clone()
                        .map(|found| state.named_in_sentence(found, sentence, p))
                        && let (Some(speaker), _) = state.resolve(&found, p)
                    {
                        out.reported.push(ReportedSpeech {
                            paragraph: p,
                            span: [*s, *e],
                            speaker: state.as_written(speaker),
                            cue: found.cue.to_string(),
                        });
                    }
                }
                Step::Quote {
                    index,
                    reading: quote_reading,
                } => {
                    let Some(raw) = quotes.get(*index) else {
                        continue;
                    };
                    let quote =
                        state.quote(raw, quote_reading, &reading.opening, &mut prev_in_paragraph);
                    if let Some(q) = quote {
                        out.quotes.push(q);
                    }
                }
            }
        }
    }
    speak_repeated_words(&mut out.quotes, &names);
    out
}

/// "The people who “control popularity,” she said" (no one she could be) / "“The people who control
/// popularity,” Munn said": words quoted as speech with no speaker, which the story quotes elsewhere
/// inside a longer quotation by one speaker, are that speaker's (`speaker_resolved_by` "repeated"). A
/// lower-case phrase of two words or more, not opening with an article ("a lot"). A scare quote stays
/// one: echoing someone's words as a term ("mental chronometry") is not quoting them.
///
/// So are words the lead borrows from the story ("A soldier who “made you feel important” … were
/// among those killed, the Pentagon said" / "“He made you feel important,” Coleman said"), whoever its
/// cue names, unless a person: the person the story quotes saying them (in the same words or more).
fn speak_repeated_words(quotes: &mut [Quote], names: &NameIndex) {
    let person = |speaker: &str| names.sort_of_name(speaker) == SpeakerSort::Person;
    let lead_echo =
        |q: &Quote| q.paragraph == 0 && q.speaker.as_deref().is_some_and(|s| !person(s));
    let repeatable: Vec<usize> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            (q.speaker.is_none() || lead_echo(q))
                && q.kind == QuoteKind::Speech
                && q.text
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(|c: char| c.is_lowercase())
                && q.text.contains(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect();
    let speech: Vec<usize> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Speech)
        .map(|(i, _)| i)
        .collect();
    // Most stories have no such words; a hostile one with thousands is left as it is.
    if repeatable.is_empty() || repeatable.len().saturating_mul(speech.len()) > MAX_REPEAT_PAIRS {
        return;
    }
    // The quote diff's word keys ([`diff::words_of`]), space-padded so that containment is by whole words.
    let normal = |text: &str| format!(" {} ", diff::words_of(text).0.join(" "));
    // The longer quotations: speech only (a scare quote's words are nobody's).
    let texts: Vec<(usize, String)> = speech
        .iter()
        .filter_map(|&j| Some((j, normal(&quotes.get(j)?.text))))
        .collect();
    for i in repeatable {
        let Some((short, echo)) = quotes
            .get(i)
            .map(|q| (normal(&q.text), q.speaker.is_some()))
        else {
            continue;
        };
        let mut words = short.split_whitespace();
        if words.clone().count() < 2 || matches!(words.next(), Some("a" | "an" | "the")) {
            continue;
        }
        // A lead's echo may be the very words quoted later, and only a person takes them over.
        let mut speakers = texts
            .iter()
            .filter(|(j, long)| {
                *j != i
                    && (long.len() > short.len() || (echo && long.len() == short.len()))
                    && long.contains(short.as_str())
            })
            .map(|(j, _)| quotes.get(*j).and_then(|r| r.speaker.as_deref()));
        let Some(Some(speaker)) = speakers.next() else {
            continue;
        };
        // A person named in full: a lone capitalised word may be no one's name ("Shield").
        let named_person = person(speaker) && speaker.contains(' ');
        if speakers.any(|other| other != Some(speaker)) || (echo && !named_person) {
            continue;
        }
        let speaker = speaker.to_string();
        if let Some(q) = quotes.get_mut(i) {
            q.speaker = Some(speaker);
            q.speaker_resolved_by = Some("repeated".to_string());
        }
    }
}

/// The most pairs of quotations [`speak_repeated_words`] compares in one story (a story quotes a few
/// hundred times at most).
const MAX_REPEAT_PAIRS: usize = 1_000_000;

/// `work`'s answer for `key`, worked out the first time and kept in `answers`.
pub(crate) fn memoised<K: Eq + std::hash::Hash, V: Clone>(
    answers: &RefCell<FxHashMap<K, V>>,
    key: K,
    work: impl FnOnce() -> V,
) -> V {
    if let Some(known) = answers.borrow().get(&key) {
        return known.clone();
    }
    let found = work();
    answers.borrow_mut().insert(key, found.clone());
    found
}

/// What [`analyse_cached`] remembers between versions: each paragraph met so far, by its text. It only
/// grows; keep one per story (or per pair of versions) and drop it after.
#[derive(Debug, Default)]
pub struct AnalysisCache {
    paragraphs: FxHashMap<String, CachedParagraph>,
    /// The names each paragraph mentions, and each name's sort and key.
    names: speakers::NameCache,
}

#[derive(Debug)]
struct CachedParagraph {
    /// Its top-level quotations (`marks::scan`).
    marks: Vec<marks::TopQuote>,
    /// Its words with a capital right after a small letter ([`camel_words`]), as byte ranges.
    camel: Vec<(usize, usize)>,
    /// Its reading, once worked out (not for paragraphs a running quotation passes through).
    reading: Option<ParagraphReading>,
}

impl AnalysisCache {
    /// The top-level quotations of a paragraph already in the cache.
    fn marks(&self, text: &str) -> &[marks::TopQuote] {
        self.paragraphs
            .get(text)
            .map_or(&[], |cached| cached.marks.as_slice())
    }

    /// The reading of a paragraph with this text whose quotations have these parts.
    fn reading(&self, text: &str, parts: &[(usize, usize)]) -> Option<&ParagraphReading> {
        self.paragraphs
            .get(text)
            .and_then(|cached| cached.reading.as_ref())
            .filter(|r| r.parts == parts)
    }
}

/// The byte ranges of the words of `text` with a capital right after a small letter ("ScreamMyName",
/// "andAnnie"): the only words that can hold two words of a name written as one
/// ([`State::as_written`]). ASCII letters only; one pass over the bytes.
fn camel_words(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 1;
    while i < bytes.len() {
        let camel = bytes.get(i).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(i - 1).is_some_and(u8::is_ascii_lowercase);
        if !camel {
            i += 1;
            continue;
        }
        let start = text
            .get(..i)
            .and_then(|t| t.char_indices().rev().find(|(_, c)| c.is_whitespace()))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let end = text
            .get(i..)
            .and_then(|t| t.find(char::is_whitespace))
            .map_or(text.len(), |k| i + k);
        found.push((start, end));
        i = end + 1;
    }
    found
}

/// What one paragraph says on its own, in reading order: its quotations and its sentences that report
/// speech, with the cues and subjects found around them (not yet resolved to speakers).
#[derive(Debug)]
struct ParagraphReading {
    /// The parts of quotations in the paragraph (the cache key besides the text).
    parts: Vec<(usize, usize)>,
    steps: Vec<Step>,
    /// The phrase naming the person who opens the paragraph's first sentence, worked out the first time
    /// a pronoun needs it.
    opening: OnceCell<Option<String>>,
}

#[derive(Debug)]
enum Step {
    /// The `index`-th quotation that starts in the paragraph.
    Quote { index: usize, reading: QuoteReading },
    /// A sentence without quotations, and the cue reporting speech in it, if any.
    Reported {
        span: [usize; 2],
        found: Option<Found>,
    },
}

/// Read paragraph `p`: the steps of [`ParagraphReading`], in the order they appear.
fn read_paragraph(
    paragraphs: &[String],
    parts_in: &[Vec<(usize, usize)>],
    p: usize,
    quotes: &[&RawQuote],
) -> ParagraphReading {
    let text = paragraphs.get(p).map(String::as_str).unwrap_or("");
    let parts = parts_in.get(p).map(Vec::as_slice).unwrap_or(&[]);
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (index, raw) in quotes.iter().enumerate() {
        if let Some(first) = raw.first()
            && let Some(reading) = read_quote(paragraphs, parts_in, raw)
        {
            steps.push((first.open, Step::Quote { index, reading }));
        }
    }
    let mut k = 0;
    for (s, e) in attribution::sentences(text) {
        while parts.get(k).is_some_and(|&(_, pe)| pe <= s) {
            k += 1;
        }
        let overlaps = parts.get(k).is_some_and(|&(ps, _)| ps < e);
        if !overlaps {
            let found = attribution::reported(text.get(s..e).unwrap_or(""));
            steps.push((
                s,
                Step::Reported {
                    span: [s, e],
                    found,
                },
            ));
        }
    }
    steps.sort_by_key(|(pos, _)| *pos);
    ParagraphReading {
        parts: parts.to_vec(),
        steps: steps.into_iter().map(|(_, step)| step).collect(),
        opening: OnceCell::new(),
    }
}

struct State<'a> {
    paragraphs: &'a [String],
    names: &'a NameIndex,
    seen: Vec<Seen>,
    /// The speaker of the last speech quotation, if it had one.
    last_quote: Option<String>,
    /// The current quotation's paragraph and its opening phrase ([`ParagraphReading::opening`]), when
    /// the quotation is not at its start: the person named there is a pronoun's nearest antecedent.
    opening: Option<(usize, &'a OnceCell<Option<String>>)>,
    /// Where the current quotation opens in its paragraph, when something stands before it.
    quote_open: Option<usize>,
    /// [`speakers::spelled_out`] answers so far, by acronym.
    spelled: RefCell<FxHashMap<String, Option<String>>>,
    /// [`State::qualified_group`] answers so far, by group: each is a pass over every paragraph.
    qualified_groups: RefCell<FxHashMap<String, Option<String>>>,
    /// [`State::names_a_body`] answers so far, by name: each is a pass over every paragraph.
    body_names: RefCell<FxHashMap<String, bool>>,
    /// The article's words with a capital right after a small letter ("ScreamMyName", "andAnnie"), in
    /// reading order ([`camel_words`]).
    camel_words: Vec<&'a str>,
    /// What follows each such capital in its word, trailing punctuation dropped ("MyName", "Name",
    /// "Annie"): a name's word the pair before it may be glued to.
    camel_heads: FxHashSet<&'a str>,
    /// The pronoun ("he" or "she") a person's quotations were given by, once one was: "she" does not
    /// go to a Charlie whom "he said" named before.
    pronoun_of: FxHashMap<String, &'static str>,
}

/// What a quotation's own text says about it, before any speaker is resolved against the rest of the
/// story: where its contexts are, the cues around it with their subjects as written, and what its kind
/// depends on. A pure function of its paragraph (and, for a running quote, the paragraphs it runs into).
#[derive(Debug)]
struct QuoteReading {
    /// Where the left context starts (the sentence start, or the previous quotation's close).
    left_start: usize,
    /// The close of the previous quotation of the paragraph, or 0.
    prev_close: usize,
    /// No sentence boundary lies between the previous quotation and this one.
    same_sentence_as_prev: bool,
    /// Nothing but white space stands before the quotation in its paragraph.
    opens_paragraph: bool,
    quoted: String,
    /// Candidate attributions in order of preference (see `read_quote`).
    candidates: Vec<Found>,
    words: usize,
    /// The quotation is its paragraph's only content.
    quote_only: bool,
    /// A naming word introduces it ("so-called", "dubbed").
    naming: bool,
    /// Whether it reads as a title or name, without and with an attribution in its sentence.
    title_like: [bool; 2],
    /// The person named in the sentence before the quotation (titles and place stripped), when a
    /// candidate's subject is "he" or "she": their nearest antecedent.
    sentence_person: Option<String>,
    /// With no candidate of its own, the cues before the previous quotation of its sentence: its
    /// candidates when that quotation has no speaker to pass on (it was a title).
    sentence_cues: Vec<Found>,
}

/// Read one quotation (see [`QuoteReading`]).
fn read_quote(
    paragraphs: &[String],
    parts_in: &[Vec<(usize, usize)>],
    raw: &RawQuote,
) -> Option<QuoteReading> {
    let first = raw.first()?;
    let last = raw.last()?;
    let p = first.paragraph;
    let text_p = paragraphs.get(p)?;
    let text_last = paragraphs.get(last.paragraph)?;
    let parts_p = parts_in.get(p).map(Vec::as_slice).unwrap_or(&[]);
    let parts_last = parts_in
        .get(last.paragraph)
        .map(Vec::as_slice)
        .unwrap_or(&[]);

    // Left context: from the sentence start (not before the previous quotation's close) to the opener.
    // Parts are sorted and do not overlap: binary searches keep a paragraph of many quotes linear.
    let before = parts_p.partition_point(|&(o, _)| o < first.open);
    let prev_close = before
        .checked_sub(1)
        .and_then(|i| parts_p.get(i))
        .map(|&(_, ce)| ce)
        .filter(|&ce| ce <= first.open)
        .unwrap_or(0);
    let mut left_start = attribution::sentence_start(text_p, first.open, prev_close);
    // A semicolon ends the clause that could attribute this quote.
    if let Some(semi) = text_p
        .get(left_start..first.open)
        .and_then(|l| l.rfind(';'))
    {
        left_start += semi + 1;
    }
    let left = text_p.get(left_start..first.open).unwrap_or("");
    // Tokenized once: the readings below look at the left context up to four times.
    let left_toks = attribution::tokenize(left);
    // Whether a sentence boundary lies between the previous quotation and this one.
    let same_sentence_as_prev = prev_close > 0 && left_start == prev_close;

    // Right context: from the closer to the sentence end (not past the next quotation's opener).
    let right = attribution::Window::new(match last.close_end {
        Some(ce) => {
            let next_open = parts_last
                .get(parts_last.partition_point(|&(o, _)| o < ce))
                .map_or(text_last.len(), |&(o, _)| o);
            let end = attribution::sentence_end(text_last, ce, next_open);
            text_last.get(ce..end).unwrap_or("")
        }
        None => "",
    });
    let quoted = raw.text(paragraphs);
    let opens_paragraph = text_p
        .get(..first.open)
        .is_none_or(|before| before.trim_start().is_empty());
    let quote_ends_full_stop = quoted.trim_end().ends_with('.');

    // Candidates in order of preference: after the quote, before it (nearest first), at the end of the
    // sentence, then a subjectless cue. The first whose subject resolves wins.
    let mut candidates: Vec<Found> = Vec::new();
    let at_sentence_start = left_start != prev_close || prev_close == 0;
    let right_found = attribution::right_attribution(&right, quote_ends_full_stop)
        .filter(|f| f.subject != Subject::None);
    let left_candidates = attribution::left_candidates(&left_toks, at_sentence_start);
    let (mut with_subject, without): (Vec<Found>, Vec<Found>) = left_candidates
        .into_iter()
        .partition(|f| f.subject != Subject::None);
    // "the Defense Production Act, a 1950 law that “gives the president …,” according to the Council on
    // Foreign Relations": a relative clause on a thing describes it in the source's words, not in those
    // of whoever spoke earlier in the sentence.
    if right_found
        .as_ref()
        .is_some_and(|f| f.cue == "according_to")
        && attribution::ends_with_relative_pronoun(&left_toks)
    {
        with_subject.clear();
    }
    // A quotation inside an opening "While …" clause is attributed there, not by the main clause after it.
    if at_sentence_start && attribution::inside_opening_clause(&left_toks) {
        candidates.extend(with_subject);
        candidates.extend(right_found);
    } else {
        candidates.extend(right_found);
        candidates.extend(with_subject);
    }
    // The sentence up to the previous quotation in it, tokenized when one of the two rules below needs it.
    let before_prev = OnceCell::new();
    let before_prev = || {
        before_prev.get_or_init(|| {
            let prev_open = before
                .checked_sub(1)
                .and_then(|i| parts_p.get(i))
                .map_or(0, |&(open, _)| open);
            let begin = attribution::sentence_start(text_p, prev_open, 0);
            attribution::tokenize(text_p.get(begin..prev_open).unwrap_or(""))
        })
    };
    // "Lynette Hooker, who an officer said was “highly intoxicated,” told police she had been “…”":
    // a verb right after the previous quotation belongs to the subject that opened the sentence.
    if same_sentence_as_prev
        && let Some(f) = without.first()
        && attribution::starts_with_cue(&left_toks)
    {
        candidates.extend(
            attribution::opening_subject(before_prev()).map(|subject| Found {
                cue: f.cue,
                subject,
            }),
        );
    }
    // "For Pounds, the appointments show that “…”": that person's view, when nothing else attributes it.
    if at_sentence_start && candidates.is_empty() {
        candidates.extend(attribution::perspective_subject(&left_toks));
    }
    // A colon: the sentence's subject speaks, or the document it names right before ("… woke to an
    // emergency alert flashing on her phone: “…”" is the alert's text).
    if at_sentence_start {
        match attribution::document_before_colon(&left_toks) {
            // "… woke to an emergency alert flashing on her phone: “…”": the alert's text.
            Some(document) if candidates.is_empty() => candidates.push(Found {
                cue: "colon",
                subject: document,
            }),
            Some(_) => {}
            // A document named further back is no source of this quotation: the subject speaks.
            None => candidates.extend(attribution::colon_subject(&left_toks)),
        }
    } else if candidates.is_empty() && without.is_empty() && left.trim_end().ends_with(':') {
        // "Buckley, who phoned in from the set of “Fargo,” had a similar experience: “…”": a colon
        // after a quotation no cue attributes ends a sentence whose subject is the one to speak.
        let subject = attribution::opening_subject(before_prev());
        candidates.extend(
            subject
                .filter(|_| !names_a_document(before_prev()) && !names_a_document(&left_toks))
                .map(|subject| Found {
                    cue: "colon",
                    subject,
                }),
        );
    }
    // "Sen. Cory Booker told CNN’s “First of All” the deal is, “…”": nothing attributes this quotation
    // between it and the one before in its sentence, so the cue before that one may (used when that one
    // turns out to have no speaker to pass on).
    let mut sentence_cues = Vec::new();
    if same_sentence_as_prev && candidates.is_empty() {
        sentence_cues.extend(
            attribution::left_candidates(before_prev(), true)
                .into_iter()
                .filter(|f| f.subject != Subject::None),
        );
    }
    // "“… real work.” On Monday, the company announced …": a quotation that ends its sentence is not
    // attributed by the end of the next one.
    // So does one closing a bracketed aside ("(“I was so embarrassed.”) If accounts …").
    let ends_sentence = quoted
        .trim_end()
        .trim_end_matches(['’', '\''])
        .ends_with(['.', '?', '!'])
        && right
            .text
            .trim_start()
            .trim_start_matches([')', ']'])
            .split_whitespace()
            .next()
            .is_some_and(speakers::is_capitalised);
    if !ends_sentence {
        candidates.extend(attribution::trailing_attribution(right.text));
    }
    // "Wasserman cared about “creating the right culture” at his company, saying …": a participle
    // after the quotation shares the subject that opened the sentence.
    if let Some(cue) = attribution::participle_after(&right.toks) {
        candidates
            .extend(attribution::opening_subject(&left_toks).map(|subject| Found { cue, subject }));
    }
    // "Aref dismissed it as “…,” accusing Trump of interfering in the “…”": a participle before the
    // quotation with no subject of its own shares the subject that opens the sentence (after the
    // quotations a cue attributes directly).
    if let Some((cue, at)) = attribution::participle_before(&left_toks) {
        let subject = if at_sentence_start {
            attribution::clause_subject(&left_toks, at)
        } else {
            let before_prev = before_prev();
            attribution::clause_subject(before_prev, before_prev.len())
        };
        // Not "Women like Savino represent “…,” adding …": a lone capitalised word opening a sentence
        // may be any noun; a name of two words, an acronym or a pronoun is a subject.
        let named = |subject: &Subject| match subject {
            Subject::Phrase { text, .. } => {
                text.contains(' ') || text.chars().all(|c| c.is_uppercase() || c == '.')
            }
            _ => true,
        };
        candidates.extend(subject.filter(named).map(|subject| Found { cue, subject }));
    }
    if at_sentence_start {
        candidates.extend(attribution::opening_participle(
            &left_toks,
            &right.toks,
            quoted.trim_end().ends_with(','),
        ));
    }
    // The end of the sentence, past later quotations in it: "… “a great human” who died “doing what
    // she loved,” said her friend Ernesto Nisperos."
    if let Some(ce) = last.close_end {
        let sentence_end = attribution::sentence_end(text_last, ce, text_last.len());
        let tail_start = parts_last
            .get(parts_last.partition_point(|&(o, _)| o < ce)..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(o, _)| o < sentence_end)
            .map(|&(_, pce)| pce)
            .last();
        if let Some(tail_start) = tail_start.filter(|&t| t < sentence_end && !ends_sentence) {
            let tail = text_last.get(tail_start..sentence_end).unwrap_or("");
            candidates.extend(
                attribution::right_attribution(&attribution::Window::new(tail), false)
                    .filter(|f| f.subject != Subject::None),
            );
            candidates.extend(attribution::trailing_attribution(tail));
        }
    }
    candidates.extend(without);

    let words = quoted.split_whitespace().count();
    let quote_only = left.trim().is_empty()
        && prev_close == 0
        && right
            .text
            .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .is_empty()
        && parts_last.partition_point(|&(o, _)| o <= last.open) == parts_last.len();
    // Words on a sign or under a photo are the bearer's when they say something (a sentence, a
    // slogan shouted in capitals); a title-cased name on a banner stays a name.
    let displayed = attribution::displayed_text(&left_toks).filter(|_| {
        let letters = || quoted.chars().filter(|c| c.is_alphabetic());
        is_full_sentence(&quoted)
            || words >= SPEECH_MIN_WORDS
            || (letters().count() > 3 && letters().all(char::is_uppercase))
    });
    let naming = displayed.is_none()
        && (is_naming_context(left, &quoted) || names_a_work(&left_toks, &quoted, &right.toks));
    if let Some(found) = displayed {
        candidates.insert(0, found);
    }
    // A chant or a shout quoted right after its verb is speech, however it is capitalised
    // ("demonstrators chanted “Death to Khamenei”").
    let shouted_after_verb = last_word_lower(left).is_some_and(|w| {
        matches!(
            w.as_str(),
            "chanted"
                | "chanting"
                | "chant"
                | "yelled"
                | "yelling"
                | "shouted"
                | "shouting"
                | "screamed"
                | "screaming"
        )
    });
    let title_like = [false, true]
        .map(|attributed| !shouted_after_verb && is_title_like(&quoted, words, attributed));
    // A person named earlier in this sentence is the nearest antecedent of "he"/"she" ("While Butler
    // said she is glad …, she added, “…”"); only worked out when a candidate is one of those pronouns.
    let he_or_she = candidates
        .iter()
        .any(|f| matches!(&f.subject, Subject::Pronoun(pr) if matches!(pr.as_str(), "he" | "she")));
    let sentence_person = if he_or_she {
        attribution::left_candidates(&left_toks, false)
            .into_iter()
            .find_map(|f| match f.subject {
                Subject::Phrase { text, .. }
                    if sort_of(&text) == SpeakerSort::Person
                        && speakers::strip_possessive(&text) == text =>
                {
                    Some(strip_titles(&speakers::drop_place(&text)))
                }
                _ => None,
            })
    } else {
        None
    };
    Some(QuoteReading {
        left_start,
        prev_close,
        same_sentence_as_prev,
        opens_paragraph,
        quoted,
        candidates,
        words,
        quote_only,
        naming,
        title_like,
        sentence_person,
        sentence_cues,
    })
}

/// `text` up to the last place `word` stands in it as a whole word (any case); all of it when it does not.
fn before_word<'t>(text: &'t str, word: &str) -> &'t str {
    let mut start = None;
    let mut last = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start = start.or(Some(i));
        } else if let Some(s) = start.take()
            && text.get(s..i).is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            last = Some(s);
        }
    }
    text.get(..last.unwrap_or(text.len())).unwrap_or(text)
}

/// The phrase (titles stripped) naming the person who opens a paragraph's first sentence, if its
/// subject is a person.
fn opening_phrase(text: &str) -> Option<String> {
    first_sentence_subject(text).and_then(|subject| match subject {
        // "Prianna Weathers’ mother mourns …": a named person's relative, as the article puts it.
        Subject::Phrase { text, .. } if is_named_relative(&text) => Some(text),
        subject => person_phrase(subject),
    })
}

/// The phrase (titles stripped) of a subject that names a person; callers keep only someone the article
/// names in full, since a sentence may open with any capitalised word.
fn person_phrase(subject: Subject) -> Option<String> {
    match subject {
        Subject::Phrase { text, .. } if sort_of(&text) == SpeakerSort::Person => {
            Some(strip_titles(&text))
        }
        _ => None,
    }
}

/// The subject that opens a paragraph's first sentence, as written.
fn first_sentence_subject(text: &str) -> Option<Subject> {
    let end = attribution::sentence_end(text, 0, text.len());
    attribution::opening_subject(&attribution::tokenize(text.get(..end).unwrap_or("")))
}

/// People copy describes without naming them, besides roles and sources: lower-case heads.
#[rustfmt::skip]
const UNNAMED_PEOPLE: &[&str] = &[
    "pilot", "controller", "attendant", "driver", "passenger", "traveler", "traveller", "resident",
    "neighbor", "neighbour", "bystander", "student", "worker", "employee", "customer", "firefighter",
    "paramedic", "soldier", "guard", "agent", "caller", "voice", "protester", "fan",
];

/// Words an unnamed person's description may take between its article and its head ("a local school
/// bus attendant", "a Frontier Airlines pilot").
const MAX_DESCRIPTION_MODIFIERS: usize = 3;

/// An unnamed person who is the subject of a sentence of a paragraph, the last such ("Just 10 seconds
/// later, a controller seemed to reverse course"): the antecedent of "he" or "she" in the next paragraph
/// when nobody named opens it. Only an indefinite description whose head is a person's role, an anonymous
/// source's noun or one of [`UNNAMED_PEOPLE`].
fn unnamed_subject(text: &str) -> Option<String> {
    attribution::sentences(text)
        .into_iter()
        .rev()
        .find_map(|(start, end)| sentence_unnamed_subject(text.get(start..end)?))
}

/// [`unnamed_subject`] of one sentence.
fn sentence_unnamed_subject(sentence: &str) -> Option<String> {
    let toks = attribution::tokenize(sentence);
    // The subject opens the sentence or the clause after an opening phrase's comma.
    let after_comma = toks
        .iter()
        .position(|t| !t.word && t.text == ",")
        .map(|k| k + 1);
    [Some(0), after_comma].into_iter().flatten().find_map(|s| {
        toks.get(s).filter(|t| {
            t.word
                && matches!(
                    t.text.to_lowercase().as_str(),
                    "a" | "an" | "one" | "another"
                )
        })?;
        (s + 1..=s + 1 + MAX_DESCRIPTION_MODIFIERS).find_map(|h| {
            let head = toks.get(h).filter(|t| t.word)?.text.to_lowercase();
            let human = speakers::is_people_head(&head) || UNNAMED_PEOPLE.contains(&head.as_str());
            let plain = toks.get(s + 1..h).is_some_and(|ts| {
                ts.iter()
                    .all(|t| t.word && !speakers::is_capitalised(t.text))
            });
            // A verb follows, or an apposition or relative clause set off by a comma.
            let clause_goes_on = toks.get(h + 1).is_some_and(|t| t.word || t.text == ",");
            (human && plain && clause_goes_on).then(|| {
                let words: Vec<&str> = toks
                    .get(s..=h)
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| t.text)
                    .collect();
                lower_article(&words.join(" "))
            })
        })
    })
}

/// The body (an organisation) whose name opens a paragraph's first sentence, as written.
fn opening_body(text: &str) -> Option<String> {
    match first_sentence_subject(text)? {
        Subject::Phrase { text, .. } if sort_of(&text) == SpeakerSort::Organisation => Some(text),
        _ => None,
    }
}

/// The name that labels a paragraph of an interview ("McKelvey: He came into my office."): one to three
/// capitalised words, the last ending in a colon, opening the paragraph; not a single letter ("Q:").
fn interview_label(text: &str) -> Option<&str> {
    let (label, _) = text.split_once(':')?;
    let words: Vec<&str> = label.split_whitespace().collect();
    ((1..=3).contains(&words.len())
        && label.chars().filter(|c| c.is_alphabetic()).count() > 1
        && words.iter().all(|w| speakers::is_capitalised(w))
        && !words.iter().any(|w| speakers::is_not_name_word(w)))
    .then(|| label.trim())
}

/// The name that opens a paragraph's first sentence as its subject ("El Al said …") or as its subject's
/// owner ("All of Etihad’s flights …", "Qatar Airways’ operations …"), unless its first word is a first
/// name: what a generic "the airline" may stand for.
fn opening_name(text: &str) -> Option<String> {
    let Subject::Phrase { text: phrase, .. } = first_sentence_subject(text)? else {
        return None;
    };
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let start = words
        .iter()
        .rposition(|w| !speakers::is_capitalised(w))
        .map_or(0, |k| k + 1);
    let run = words.get(start..).unwrap_or(&[]);
    let (first, last) = (run.first()?, run.last()?);
    let owner = speakers::strip_possessive(last) != *last;
    if (start > 0 && !owner)
        || speakers::is_not_name_word(first)
        || speakers::is_known_first_name(first)
    {
        return None;
    }
    let mut name: Vec<&str> = run.to_vec();
    if let Some(last) = name.last_mut() {
        *last = speakers::strip_possessive(last);
    }
    Some(name.join(" "))
}

/// "Prianna Weathers’ mother", "Colin Dorgan's father": a relation word after a name's possessive.
fn is_named_relative(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    match words.as_slice() {
        [.., owner, relation] => {
            speakers::kin_pronoun(relation).is_some()
                && speakers::is_capitalised(owner)
                && speakers::strip_possessive(owner) != *owner
        }
        _ => false,
    }
}

impl<'a> State<'a> {
    /// Resolve one quotation's speaker and kind from its reading, against the story so far.
    /// `opening` is its paragraph's opening phrase ([`ParagraphReading::opening`]).
    fn quote(
        &mut self,
        raw: &RawQuote,
        reading: &QuoteReading,
        opening: &'a OnceCell<Option<String>>,
        prev_in_paragraph: &mut Option<PrevQuote>,
    ) -> Option<Quote> {
        let first = raw.first()?;
        let p = first.paragraph;
        let text_p = self.paragraphs.get(p)?;
        let left = text_p.get(reading.left_start..first.open).unwrap_or("");
        let quoted = &reading.quoted;
        let words = reading.words;
        let quote_only = reading.quote_only;
        // The person who opens the paragraph, for pronouns ("Castro denies …, he said"), only for
        // quotations that do not open it.
        self.opening = Some((p, opening)).filter(|_| !reading.opens_paragraph);
        self.quote_open = Some(first.open).filter(|_| !reading.opens_paragraph);
        let same_sentence_speaker = if reading.same_sentence_as_prev {
            prev_in_paragraph
                .as_ref()
                .and_then(|prev| prev.speaker.clone())
        } else {
            None
        };
        // A speaker only carried over from the paragraph before (no cue named them) passes their
        // speaker to a subject-less cue after it ("…, adding “…”"), but does not make a scare quote
        // after it in the sentence speech ("“… function.” This “mathematical trick” was …").
        let passed_on = same_sentence_speaker
            .as_ref()
            .filter(|_| !prev_in_paragraph.as_ref().is_some_and(|prev| prev.carried));
        // A quotation that follows a speaker's quotation in the same sentence is attributed as much as
        // one with a cue of its own ("… read on one side “METS BELIEVE” and on the other “WE WIN.”").
        // A colon after a clause ([`attribution::colon_subject`]) names a speaker only when it resolves;
        // it does not make a short slogan speech ("each with its own text: “workers first”").
        // With no cue of its own and no speaker passed on by the quotation before it in its sentence (a
        // title), the cues before that quotation ([`QuoteReading::sentence_cues`]).
        let own = if passed_on.is_none() && reading.candidates.is_empty() {
            reading.sentence_cues.as_slice()
        } else {
            reading.candidates.as_slice()
        };
        let attributed = own.iter().any(|f| f.cue != "colon") || passed_on.is_some();
        let title_like = reading.title_like[usize::from(attributed)];
        let mut candidates = std::borrow::Cow::Borrowed(own);
        // "Alverson summed up the journey …: “…”": a one-word name before a colon speaks only when it is
        // the surname of a person named in full ("Similar banners hang …: “…”" names nobody).
        let lone_word = |f: &Found| f.cue == "colon" && self.lone_word(&f.subject);
        if candidates.iter().any(lone_word) {
            candidates.to_mut().retain(|f| !lone_word(f));
        }
        // "Macron said he accepted …, and praised her decision as “…,” according to the Elysée": the
        // sentence's own speaker spoke (named before the quote, or the speaker of an earlier quote in the
        // sentence); "according to" only names the source that reported it.
        if candidates.first().is_some_and(|f| f.cue == "according_to") {
            let own = candidates
                .iter()
                .position(|f| f.cue != "according_to" && f.subject != Subject::None);
            if let Some(k) = own {
                let list = candidates.to_mut();
                let own = list.remove(k);
                list.insert(0, own);
            } else if same_sentence_speaker.is_some() {
                candidates.to_mut().insert(
                    0,
                    Found {
                        cue: "according_to",
                        subject: Subject::None,
                    },
                );
            }
        }
        let mut kind = QuoteKind::Speech;
        let mut speaker: Option<String> = None;
        let mut resolved_by: Option<&'static str> = None;
        let mut carried_on = false;
        let mut cue: Option<&'static str> = None;
        if reading.naming || (title_like && !quote_only) {
            kind = QuoteKind::TitleOrScare;
        } else if let Some(first_found) = candidates.first() {
            cue = Some(first_found.cue);
            let sentence_person = reading
                .sentence_person
                .as_ref()
                .map(|name| self.names.fullest(name));
            for f in candidates.iter() {
                // "He also had pointed words for Carr: “…”": a pronoun opening the sentence has no
                // antecedent in it; it is looked for before the sentence.
                let opens_sentence = f.cue == "colon";
                let sentence_antecedent = match (&f.subject, &sentence_person) {
                    (Subject::Pronoun(_), _) if opens_sentence => None,
                    (Subject::Pronoun(pr), Some(person))
                        if matches!(pr.as_str(), "he" | "she") && self.fits_pronoun(person, pr) =>
                    {
                        Some(person.clone())
                    }
                    // "… and Cohen can remain “concerned, but calm,” as he said": a person named before
                    // the quotation in its sentence, and before the pronoun when it stands there too
                    // (not "He noted that the plant in Abqaiq, Saudi Arabia, had equipment that “…”").
                    (Subject::Pronoun(pr), None) if pr != "it" => {
                        self.person_named_in(before_word(left, pr), p, pr)
                    }
                    // "Iran’s Islamic Revolutionary Guard Corps (IRGC) has warned … it would deliver
                    // what it called a “…”", "But the country’s Ministry of Interior never sent such an
                    // alert. It later cautioned residents against the “fake” message": the body that
                    // opens this sentence before the pronoun, else the sentence before in its paragraph.
                    (Subject::Pronoun(pr), _) if pr == "it" => {
                        self.body_opening(before_word(left, pr), text_p, reading.left_start)
                    }
                    _ => None,
                };
                // The one who spoke last, when the sentence names them too ("Chavez has been a
                // “beloved hero” whom Gutierrez admired, he said" after Gutierrez spoke): the speaker
                // goes on, about someone else.
                let sentence_antecedent = match &f.subject {
                    Subject::Pronoun(pr) if sentence_antecedent.is_some() => {
                        // The sentence after the quotation, up to the pronoun.
                        let after = text_p.get(first.end..).unwrap_or("");
                        let after = after
                            .get(..attribution::sentence_end(after, 0, after.len()))
                            .unwrap_or("");
                        [before_word(left, pr), before_word(after, pr)]
                            .into_iter()
                            .find_map(|text| self.last_speaker_named_in(text, p, pr))
                            .or(sentence_antecedent)
                    }
                    _ => sentence_antecedent,
                };
                let (s, by) = if let Some(person) = sentence_antecedent {
                    (Some(person), Some("pronoun"))
                } else if f.subject == Subject::None {
                    // A cue with no subject ("…, adding: “…”") continues the speaker of the sentence.
                    let s = same_sentence_speaker.clone();
                    let by = s.as_ref().map(|_| "previous");
                    (s, by)
                } else if opens_sentence {
                    let quote_open = self.quote_open;
                    self.quote_open = Some(reading.left_start).filter(|&start| start > 0);
                    let resolved = self.resolve(f, p);
                    self.quote_open = quote_open;
                    resolved
                } else if let Subject::Pronoun(pr) = &f.subject
                    && let cut = before_word(left, pr).len()
                    && cut < left.len()
                {
                    // "He noted that the plant in Abqaiq, Saudi Arabia, had equipment that “…”": a
                    // pronoun before the quotation refers to someone named before the pronoun.
                    let quote_open = self.quote_open;
                    self.quote_open = quote_open.map(|_| reading.left_start + cut);
                    let resolved = self.resolve(f, p);
                    self.quote_open = quote_open;
                    resolved
                } else {
                    self.resolve(f, p)
                };
                if s.is_some() {
                    cue = Some(f.cue);
                    speaker = s;
                    resolved_by = by;
                    break;
                }
            }
        } else if quote_only || passed_on.is_some() {
            speaker = if quote_only {
                // The speaker of the paragraph before (a quotation or reported speech: "Jones said the
                // talks failed." then "“We tried.”"), else the last quotation's.
                self.speaking_opener(p, first.open, quoted).or_else(|| {
                    self.seen
                        .last()
                        .filter(|s| s.paragraph + 1 >= p)
                        .map(|s| s.speaker.clone())
                        .or_else(|| self.last_quote.clone())
                })
            } else {
                same_sentence_speaker.clone()
            };
            resolved_by = speaker.as_ref().map(|_| "previous");
        } else if words >= SPEECH_MIN_WORDS || is_full_sentence(quoted) || raw.parts.len() > 1 {
            // Inside a sentence no cue attributes, the words of its subject
            // ([`attribution::uncued_subject`]).
            let subject = (!reading.same_sentence_as_prev)
                .then(|| attribution::tokenize(left))
                .filter(|left_toks| !names_a_document(left_toks))
                .and_then(|left_toks| attribution::uncued_subject(&left_toks))
                // One capitalised word opening the sentence may be anything ("Women like Savino represent
                // “…”", "That process led to …").
                .filter(|subject| !self.lone_word(subject))
                .and_then(|subject| {
                    let found = Found {
                        cue: "subject",
                        subject,
                    };
                    self.resolve(&found, p).0
                });
            if subject.is_some() {
                speaker = subject;
                resolved_by = Some("sentence_subject");
            }
            // Someone's sentence without a cue: the last speaker of this paragraph (a quotation or
            // reported speech before it: "Medina realized it was ICE, he said. “We couldn’t …”").
            speaker = speaker
                .or_else(|| {
                    prev_in_paragraph
                        .as_ref()
                        .and_then(|prev| prev.speaker.clone())
                })
                .or_else(|| self.speaking_opener(p, first.open, quoted))
                .or_else(|| {
                    // After a quotation running in from the paragraph before, its speaker carries on.
                    self.seen
                        .last()
                        .filter(|s| {
                            s.paragraph == p || (reading.prev_close > 0 && s.paragraph + 1 == p)
                        })
                        .map(|s| s.speaker.clone())
                });
            let carried = if speaker.is_none() {
                // "McDonald said police had visited …" / "The most recent visit was over “…”": in
                // the sentence that opens the paragraph after a named person spoke, a quotation no
                // cue attributes carries on their words. Not later in the paragraph, where the
                // copy has moved on ("Plus, the trademark … It includes … “plastic slippers …”"),
                // nor after a document or a colon, which give the quotation a source of its own
                // ("The video shows officers who are “…”", "The reason was simple: “…”").
                let own_source = || {
                    left.trim_end().ends_with(':') || names_a_document(&attribution::tokenize(left))
                };
                // Anywhere in the paragraph when the paragraph names them again after the quotation,
                // and no other person it names in full before it ("Meanwhile, the Fed’s policy “is as
                // likely to …” Getting rid of it “tells the market …,” Hoenig said.").
                let named_again = |speaker: &str| {
                    let surname = speaker.split_whitespace().next_back().unwrap_or(speaker);
                    let after = text_p.get(first.end..).unwrap_or("");
                    let before = text_p.get(..first.open).unwrap_or("");
                    contains_name(after, surname)
                        && !self.names.mentions_in(p).iter().any(|m| {
                            m.person
                                && !m.name.ends_with(surname)
                                && contains_name(before, &m.name)
                                && self.full_person(&m.name).is_some()
                        })
                };
                // "But hasn’t she had to turn down lots of offers?" then "“I mean. Yes, no. …”": an
                // interviewer's question in a paragraph of its own is asked of the one who answers.
                let asked_before = |paragraph: usize| {
                    paragraph + 2 == p
                        && attribution::sentence_start(text_p, first.open, 0) == 0
                        && self.paragraphs.get(p - 1).is_some_and(|q| is_question(q))
                };
                self.seen
                    .last()
                    .filter(|s| {
                        (s.paragraph + 1 == p || asked_before(s.paragraph))
                            && s.sort == SpeakerSort::Person
                            && s.description.is_none()
                            && ((attribution::sentence_start(text_p, first.open, 0) == 0
                                && !own_source())
                                || named_again(&s.speaker))
                    })
                    .map(|s| s.speaker.clone())
            } else {
                None
            };
            carried_on = carried.is_some();
            speaker = speaker.or(carried);
            resolved_by = resolved_by.or(speaker.as_ref().map(|_| "previous"));
        } else {
            kind = QuoteKind::TitleOrScare;
        }
        if kind == QuoteKind::Speech {
            if let Some(s) = &speaker {
                self.last_quote = Some(s.clone());
            }
            *prev_in_paragraph = Some(PrevQuote {
                speaker: speaker.clone(),
                carried: carried_on,
            });
        }
        let mut flags = Vec::new();
        if raw.parts.len() > 1 {
            flags.push("running".to_string());
        }
        if raw.unclosed {
            flags.push("unclosed".to_string());
        }
        Some(Quote {
            text: quoted.clone(),
            speaker: speaker.map(|s| self.as_written(s)),
            paragraph: p,
            cue: cue.map(str::to_string),
            speaker_resolved_by: resolved_by.map(str::to_string),
            kind,
            span: [first.start, first.end],
            flags,
        })
    }

    /// A speaker's name as the article writes it: two of its words that the article writes as one, twice
    /// or more and never apart, split as if a scraper had glued them ([`speakers::split_glued`]), are one
    /// word again ("ScreamMyName", "PlutoPete", "OpenAI"). A link covers a name whole, so a scraper's
    /// glue is at a name's edge, and the same glue seldom comes twice.
    fn as_written(&self, speaker: String) -> String {
        if self.camel_heads.is_empty() {
            return speaker;
        }
        let words: Vec<&str> = speaker.split(' ').collect();
        // Only the article's few words with a capital after a small letter can hold the two as one, so
        // they are found once and the whole text is searched only for a pair found there.
        let written_as_one = |a: &str, b: &str| {
            let joined = |w: &&&str| {
                w.match_indices(a)
                    .any(|(k, _)| w.get(k + a.len()..).is_some_and(|r| r.starts_with(b)))
            };
            self.camel_words.iter().filter(joined).count() >= 2 && {
                let two = format!("{a} {b}");
                !self.paragraphs.iter().any(|t| t.contains(&two))
            }
        };
        // Whether word k and the next are one word; each pair asked once.
        let glued: Vec<bool> = words
            .windows(2)
            .map(|pair| {
                matches!(pair, [a, b]
                    if self.camel_heads.contains(b)
                        && a.starts_with(char::is_uppercase) && a.ends_with(char::is_lowercase)
                        && written_as_one(a, b))
            })
            .collect();
        if !glued.contains(&true) {
            return speaker;
        }
        let mut out = String::with_capacity(speaker.len());
        for (k, w) in words.iter().enumerate() {
            if k > 0 && !glued.get(k - 1).copied().unwrap_or(false) {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    /// The body (by its fullest name) whose name opens `sentence`, else the sentence of `paragraph` that
    /// ends at `sentence_start`.
    fn body_opening(
        &self,
        sentence: &str,
        paragraph: &str,
        sentence_start: usize,
    ) -> Option<String> {
        let body_of = |text: &str| match attribution::opening_subject(&attribution::tokenize(text))
        {
            Some(Subject::Phrase { text, .. }) if sort_of(&text) == SpeakerSort::Organisation => {
                Some(self.organisation_name(&text))
            }
            _ => None,
        };
        body_of(sentence).or_else(|| {
            let end = sentence_start.checked_sub(1)?;
            let start = attribution::sentence_start(paragraph, end, 0);
            body_of(paragraph.get(start..end)?)
        })
    }

    /// The named person (full name) who is the subject of a paragraph's last sentence ("At a hearing last
    /// month, Rep. Robert Aderholt (R-AL), ranking member of the subcommittee, pushed for greater use of
    /// SLS." then "“…,” he said"), if any.
    fn closing_person(&self, text: &str) -> Option<String> {
        let &(start, end) = attribution::sentences(text).last()?;
        let subject = attribution::opening_subject(&attribution::tokenize(text.get(start..end)?))?;
        person_phrase(subject).and_then(|phrase| self.full_person(&phrase))
    }

    /// The named person (full name) whose name opens a paragraph's first sentence, if any.
    fn opening_person(&self, text: &str) -> Option<String> {
        opening_phrase(text).and_then(|phrase| self.full_person(&phrase))
    }

    /// Whom "his"/"her" (`pronoun` "he"/"she") in a description of paragraph `p` belongs to: the person
    /// named in full who opens the paragraph, else the first named in it, else the one who opens the
    /// paragraph before ("Cody Khork, 35, was …" then "He won awards …, his parents wrote").
    fn owner_of(&self, pronoun: &str, p: usize) -> Option<String> {
        let fits = |name: &String| self.fits_pronoun(name, pronoun);
        let opener = |q: usize| {
            self.paragraphs
                .get(q)
                .and_then(|t| self.opening_person(t))
                .filter(fits)
        };
        opener(p)
            .or_else(|| {
                self.names
                    .person_in(p, true)
                    .map(|m| self.names.fullest(&m.name))
                    .filter(fits)
            })
            .or_else(|| p.checked_sub(1).and_then(opener))
    }

    /// The person a role opening a paragraph's first sentence stands for: "By Friday afternoon, the
    /// president had voiced frustration" → the person the article styles President (up to paragraph `p`).
    fn opening_role_holder(&self, text: &str, p: usize) -> Option<String> {
        let Subject::Phrase { text: phrase, .. } = first_sentence_subject(text)? else {
            return None;
        };
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let (first, role) = words.split_first()?;
        let head = role.last()?;
        (first == "the"
            && speakers::is_person_role(head)
            && !speakers::ANONYMOUS_HEADS.contains(&head.as_str()))
        .then(|| self.names.by_title(role, p))
        .flatten()
    }

    /// "Bridenstine expects to produce three SLS rockets through 2024. “Adding … — I’m not confident that
    /// could happen.”": a quotation with no cue that says "I", or asks, or stands right after the one
    /// sentence its paragraph opens with, after a sentence of its paragraph opened by a named person, is
    /// that person's, unless it names them (then it is about them). `open` is where the quotation opens
    /// in paragraph `p`.
    fn speaking_opener(&self, p: usize, open: usize, quoted: &str) -> Option<String> {
        // The singular only: "we" is as often a body's voice ("Harvard … refers CNN to Garber’s statement:
        // “We do not have quotas …”").
        const FIRST_PERSON: &[&str] = &[
            "i", "i’m", "i'm", "i’ve", "i've", "i’d", "i'd", "i’ll", "i'll", "me", "my", "myself",
        ];
        let before = self.paragraphs.get(p)?.get(..open)?;
        if before.trim().is_empty() {
            return None;
        }
        // "Charles Schultze … once summed up the danger with a metaphor. “It’s not so much …”": right
        // after the one sentence its paragraph opens with, the quotation goes on from it. Not after a
        // colon, nor after a sentence naming a document, whose words it is ("Dana Cole woke to an
        // emergency alert on her phone. “Seek shelter …”").
        // Asked last, and its sentence split and tokenizing only after the full stop is seen.
        let right_after_opener = || {
            before.trim_end().ends_with('.')
                && attribution::sentences(before).len() == 1
                && !names_a_document(&attribution::tokenize(before))
        };
        let speaks = quoted.trim_end().ends_with('?')
            || quoted
                .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\''))
                .any(|w| FIRST_PERSON.contains(&w.to_lowercase().as_str()))
            || right_after_opener();
        if !speaks {
            return None;
        }
        self.opening_person(before).filter(|name| {
            let surname = name.split_whitespace().next_back().unwrap_or(name);
            !contains_name(quoted, surname)
        })
    }

    /// The named person (full name) who opens the current quotation's paragraph, when the quotation is
    /// not at its start.
    fn paragraph_subject(&self) -> Option<String> {
        let (p, cell) = self.opening?;
        let phrase =
            cell.get_or_init(|| opening_phrase(self.paragraphs.get(p).map_or("", String::as_str)));
        phrase
            .as_deref()
            .and_then(|phrase| self.full_person(phrase))
    }

    /// [`speakers::spelled_out`], each acronym looked up once, and at most [`MAX_SPELLED_ACRONYMS`] of
    /// them per article (each is a pass over the article).
    fn spelled_out(&self, acronym: &str) -> Option<String> {
        if let Some(known) = self.spelled.borrow().get(acronym) {
            return known.clone();
        }
        if self.spelled.borrow().len() >= MAX_SPELLED_ACRONYMS {
            return None;
        }
        let found = speakers::spelled_out(acronym, self.paragraphs);
        self.spelled
            .borrow_mut()
            .insert(acronym.to_string(), found.clone());
        found
    }

    /// Whether a subject is one capitalised word that is no surname of a person the article names in
    /// full: a word opening a sentence that may be anything ("Women", "That", "Banners").
    fn lone_word(&self, subject: &Subject) -> bool {
        matches!(subject, Subject::Phrase { text, .. }
            if !text.contains(' ') && self.full_person(text).is_none())
    }

    /// The one way the story qualifies a group with capitalised words right before it ("Suffolk County
    /// prosecutors", "Haitian police"), if it qualifies it one way only; `group` is lower-case. A
    /// determiner opening the words is no qualifier ("The police").
    fn qualified_group(&self, group: &str) -> Option<String> {
        memoised(&self.qualified_groups, group.to_string(), || {
            self.qualified_group_uncached(group)
        })
    }

    fn qualified_group_uncached(&self, group: &str) -> Option<String> {
        let mut found: Option<String> = None;
        for text in self.paragraphs.iter() {
            let words: Vec<&str> = text.split_whitespace().collect();
            for (k, w) in words.iter().enumerate() {
                if !w
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .eq_ignore_ascii_case(group)
                {
                    continue;
                }
                let before = words.get(..k).unwrap_or(&[]);
                let start = before
                    .iter()
                    .rposition(|w| {
                        !speakers::is_capitalised(w)
                            || w.ends_with([',', '.', ';', ':', '”', '"', ')'])
                            || speakers::DETERMINERS_LEX.contains_word(w)
                    })
                    .map_or(0, |s| s + 1);
                let qualifiers = before.get(start..).unwrap_or(&[]);
                if qualifiers.is_empty() || qualifiers.len() > 3 {
                    continue;
                }
                let fuller = format!("{} {group}", qualifiers.join(" "));
                match &found {
                    Some(f) if *f != fuller => return None,
                    _ => found = Some(fuller),
                }
            }
        }
        found
    }

    /// The one person paragraph `p` names with a lawmaker's title ("Rep. Ed Royce", "Sen. Amy
    /// Klobuchar"), by their fullest name.
    fn lawmaker_named_in(&self, p: usize) -> Option<String> {
        const LAWMAKERS: &[&str] = &[
            "rep",
            "sen",
            "senator",
            "representative",
            "congressman",
            "congresswoman",
            "gov",
            "governor",
        ];
        let mut lawmakers = self
            .names
            .mentions_in(p)
            .iter()
            .filter(|m| m.person && m.title.iter().any(|t| LAWMAKERS.contains(&t.as_str())))
            .map(|m| self.names.fullest(&m.name));
        let one = lawmakers.next()?;
        lawmakers.all(|other| other == one).then_some(one)
    }

    /// Whether a name the story gives (see [`opening_name`]) reads as a body's: it comes back in another
    /// paragraph (not a word that only opens a sentence, "Verified videos show …", nor a name glued to the
    /// word after it), and its last word never stands alone (as whole words) as a person's surname would.
    fn names_a_body(&self, name: &str) -> bool {
        memoised(&self.body_names, name.to_string(), || {
            self.names_a_body_uncached(name)
        })
    }

    fn names_a_body_uncached(&self, name: &str) -> bool {
        let last = name.split_whitespace().next_back().unwrap_or(name);
        let (mut paragraphs, mut alone) = (0, false);
        for text in self.paragraphs.iter() {
            let whole = count_names(text, name);
            // Glue may hide the name's start in a paragraph ("All ofEtihad’s").
            paragraphs += usize::from(text.contains(name));
            alone |= last != name && count_names(text, last) > whole;
        }
        paragraphs >= 2 && !alone
    }

    /// The fullest name of a person named by `phrase`, when the article names them in full: a
    /// sentence may open with any capitalised word.
    /// Only a surname or a full name names someone here, not a first name alone: "Israel’s attacks" does
    /// not name Israel Katz.
    fn full_person(&self, phrase: &str) -> Option<String> {
        let one = speakers::strip_possessive(phrase.trim());
        Some(self.names.fullest(phrase)).filter(|name| {
            name.split_whitespace().count() >= 2
                && !(name.split_whitespace().next() == Some(one)
                    && name.split_whitespace().next_back() != Some(one))
        })
    }

    /// "There is no sign that Sandro Castro will stop, even though he admitted that …": a person named
    /// earlier in the sentence is the nearest antecedent of its "he"/"she", nearer than any earlier speaker.
    fn named_in_sentence(&self, found: Found, sentence: &str, p: usize) -> Found {
        let Subject::Pronoun(pronoun) = &found.subject else {
            return found;
        };
        let Some(at) = sentence.split_whitespace().position(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic())
                .eq_ignore_ascii_case(pronoun)
        }) else {
            return found;
        };
        let before: Vec<&str> = sentence.split_whitespace().take(at).collect();
        match self.person_named_in(&before.join(" "), p, pronoun) {
            Some(name) => Found {
                cue: found.cue,
                subject: Subject::phrase(name),
            },
            None => found,
        }
    }

    /// Whether `pronoun` may stand for the person `name`: their first name allows it
    /// ([`speakers::gender_fits`]) and no earlier quotation gave them the other pronoun.
    fn fits_pronoun(&self, name: &str, pronoun: &str) -> bool {
        fits_pronoun(&self.pronoun_of, name, pronoun)
    }

    /// The person a question in paragraph `p` was put to ("said to Mary Liz Eastland", "asked Ann
    /// Lee"), named in full, whom `pronoun` fits: only when the paragraph asks a question.
    fn asked_in(&self, p: usize, pronoun: &str) -> Option<String> {
        let text = self.paragraphs.get(p)?;
        if !text.contains('?') {
            return None;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let is = |k: usize, forms: &[&str]| {
            words
                .get(k)
                .is_some_and(|w| forms.iter().any(|f| w.eq_ignore_ascii_case(f)))
        };
        (0..words.len()).rev().find_map(|k| {
            let put = (is(k, &["to"]) && k > 0 && is(k - 1, &["said", "says"]))
                || is(k, &["asked", "asks"]);
            if !put {
                return None;
            }
            let name: Vec<&str> = words
                .get(k + 1..)?
                .iter()
                .take_while(|w| speakers::is_capitalised(w))
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                .collect();
            let person = self.full_person(&name.join(" "))?;
            self.fits_pronoun(&person, pronoun).then_some(person)
        })
    }

    /// "the ICE agent" for "the agent": the last "the" + capitalised words + `head` in paragraph `p` before
    /// the quotation being read.
    fn fuller_description_before(&self, head: &str, p: usize) -> Option<String> {
        let text = self.paragraphs.get(p)?;
        let before = text.get(..self.quote_open.unwrap_or(text.len()))?;
        let words: Vec<&str> = before.split_whitespace().collect();
        (2..words.len()).rev().find_map(|k| {
            let at_head = words
                .get(k)?
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case(head);
            let qualifier = words.get(k - 1)?;
            let the = words.get(k - 2)?;
            (at_head
                && the.eq_ignore_ascii_case("the")
                && speakers::is_capitalised(qualifier)
                && qualifier.chars().all(char::is_alphanumeric))
            .then(|| format!("the {qualifier} {head}"))
        })
    }

    /// The last speaker (of this paragraph or the one before) when `text` of paragraph `p` names them
    /// and `pronoun` fits them.
    fn last_speaker_named_in(&self, text: &str, p: usize, pronoun: &str) -> Option<String> {
        let last = self.seen.last().filter(|s| s.paragraph + 1 >= p)?;
        self.persons_named_in(text, p, pronoun)
            .any(|name| name == last.speaker)
            .then(|| last.speaker.clone())
    }

    /// The first person of paragraph `p` named in `text` (by a name the article gives in full) whom
    /// `pronoun` ("he"/"she") fits, by their fullest name.
    fn person_named_in(&self, text: &str, p: usize, pronoun: &str) -> Option<String> {
        self.persons_named_in(text, p, pronoun).next()
    }

    /// Every person of paragraph `p` named in `text` whom `pronoun` ("he"/"she") fits, in the order the
    /// paragraph names them, by their fullest names (only names the article gives in full). A name `text`
    /// gives only as a possessive is passed over ("Simmons teed up McDonald’s cameo. “…,” he said": the
    /// owner of a thing is not the one the sentence is about).
    fn persons_named_in<'s>(
        &'s self,
        text: &'s str,
        p: usize,
        pronoun: &'s str,
    ) -> impl Iterator<Item = String> + 's {
        let he_or_she = matches!(pronoun, "he" | "she");
        // The text's quotations, scanned once for all its mentions, and only when one needs them.
        let quotations = OnceCell::new();
        self.names
            .mentions_in(p)
            .iter()
            .filter(move |m| {
                he_or_she
                    && m.person
                    && contains_name(text, &m.name)
                    && !only_possessive(text, &m.name)
                    && !only_quoted(text, quotations.get_or_init(|| marks::scan(text)), &m.name)
            })
            .filter_map(|m| {
                // "Curie, 21, a Korean exchange student, …, but she admitted": a first name alone
                // names the one person the article gives in full with it, when it is no place's
                // ("Israel launched …" does not name Israel Katz) and stands without an article
                // ("the Chinese government" does not name anyone).
                self.full_person(&m.name).or_else(|| {
                    let full = self.names.fullest(&m.name);
                    (!m.name.contains(' ')
                        && !speakers::is_place(&m.name)
                        && full.split_whitespace().count() >= 2
                        && sort_of(&full) == SpeakerSort::Person
                        && named_without_article(text, &m.name))
                    .then_some(full)
                })
            })
            .filter(move |name| self.fits_pronoun(name, pronoun))
    }

    /// Resolve a cue's subject to a speaker, remembering it for later pronouns and descriptions.
    fn resolve(&mut self, found: &Found, p: usize) -> (Option<String>, Option<&'static str>) {
        let adjacent = if found.cue == "according_to" {
            "according_to"
        } else {
            "adjacent"
        };
        match &found.subject {
            Subject::None => (None, None),
            Subject::Pronoun(pronoun) => {
                // "McKelvey: … And I said, “I’m Jim.”": in an interview's answer, "I" is the one whose
                // name labels it.
                if pronoun == "i"
                    && let Some(label) = self.paragraphs.get(p).and_then(|t| interview_label(t))
                {
                    return (Some(self.names.fullest(label)), Some("pronoun"));
                }
                // "“… didn’t you?” Yarnell said to Mary Liz Eastland." / "“Yes,” she replied.": a reply
                // is the answer of the one the question before was put to.
                if matches!(found.cue, "replied" | "responded")
                    && let Some(asked) = p.checked_sub(1).and_then(|q| self.asked_in(q, pronoun))
                {
                    return (Some(asked), Some("pronoun"));
                }
                // The pronouns given so far are passed in, not captured: `self.resolve` below needs
                // `self` mutably while this closure lives.
                let fits =
                    |s: &Seen, given: &FxHashMap<String, &'static str>| match pronoun.as_str() {
                        "he" | "she" | "i" => {
                            (s.sort == SpeakerSort::Person || one_person_described(s))
                                && fits_pronoun(given, &s.speaker, pronoun)
                        }
                        // "“…,” Bullis’ obituary says." / "“…,” it read.": a body, or a document quoted.
                        "it" => {
                            s.sort == SpeakerSort::Organisation
                                || (s.sort == SpeakerSort::Description && is_document(&s.speaker))
                        }
                        _ => true,
                    };
                // "The Israel Defense Forces (IDF), in a statement, gave a differing account." / "It said
                // its troops “…”": a body that opens the paragraph before is nearer than any body that
                // spoke earlier.
                if pronoun == "it"
                    && self
                        .seen
                        .iter()
                        .rev()
                        .take(MAX_LOOKBACK)
                        .find(|s| fits(s, &self.pronoun_of))
                        .is_none_or(|s| s.paragraph + 1 < p)
                    && let Some(body) = p
                        .checked_sub(1)
                        .and_then(|before| self.paragraphs.get(before))
                        .and_then(|text| opening_body(text))
                {
                    let named = Found {
                        cue: found.cue,
                        subject: Subject::phrase(body),
                    };
                    if let (Some(speaker), _) = self.resolve(&named, p) {
                        return (Some(speaker), Some("pronoun"));
                    }
                }
                let nearest = self
                    .seen
                    .iter()
                    .rev()
                    .take(MAX_LOOKBACK)
                    .find(|s| fits(s, &self.pronoun_of));
                // A person who opens this paragraph is nearer than any speaker of earlier paragraphs
                // ("Castro denies his life is easier. His nightclub “only” cost him $50,000, he said").
                let opener = self.paragraph_subject().filter(|subject| {
                    matches!(pronoun.as_str(), "he" | "she")
                        && self.fits_pronoun(subject, pronoun)
                        && nearest.is_none_or(|s| s.paragraph < p)
                });
                // A person who opens the sentence before the quotation's, even after someone else spoke
                // in the paragraph ("“…,” Rideau says. But perhaps Henry Blackaby, the author of the
                // course, puts it best. “…,” he writes.").
                let opener = opener.or_else(|| {
                    // (Otherwise the person named last before the quotation, below, is asked.)
                    if !matches!(pronoun.as_str(), "he" | "she")
                        || nearest.is_none_or(|s| s.paragraph < p)
                    {
                        return None;
                    }
                    let before = self.paragraphs.get(p)?.get(..self.quote_open?)?;
                    // The quotation's sentence starts at `own` (where `before` ends, when a full
                    // stop ends it); the one before it ends there.
                    let own = if before.trim_end().ends_with(['.', '!', '?']) {
                        before.len()
                    } else {
                        attribution::sentence_start(before, before.len(), 0)
                    };
                    let start = attribution::sentence_start(before, own.checked_sub(1)?, 0);
                    before
                        .get(start..own)
                        // Not when the sentence gives its subject the other pronoun ("Shah Alam
                        // struggled with his eyesight …" / "“…,” she said").
                        .filter(|sentence| {
                            let other: &[&str] = if pronoun == "she" {
                                &["he", "his", "him", "himself"]
                            } else {
                                &["she", "her", "hers", "herself"]
                            };
                            !other.iter().any(|w| first_word_at(sentence, w).is_some())
                        })
                        .and_then(|sentence| self.opening_person(sentence))
                        .filter(|name| self.fits_pronoun(name, pronoun))
                });
                // Else the person named last before the quotation in its paragraph ("Her concerns were
                // echoed by Cockram. “I’m not looking forward to it,” she said").
                let opener = opener.or_else(|| {
                    if nearest.is_some_and(|s| s.paragraph >= p) {
                        return None;
                    }
                    let before = self.paragraphs.get(p)?.get(..self.quote_open?)?;
                    // Once the paragraph has said "she", she is someone already known: people named
                    // after that are not whom a later "she" stands for ("Improv was something she had
                    // never heard of. But at the Groundlings, with alumni such as Lisa Kudrow, …").
                    let before = before
                        .get(..first_word_at(before, pronoun).unwrap_or(before.len()))
                        .unwrap_or(before);
                    self.persons_named_in(before, p, pronoun)
                        .last()
                        .or_else(|| {
                            // Else an unnamed person who is the subject of a sentence before it ("Later, a
                            // woman in the crowd stepped forward. She said, “…”").
                            matches!(pronoun.as_str(), "he" | "she")
                                .then(|| unnamed_subject(before))
                                .flatten()
                        })
                });
                // Likewise the person who opens the paragraph before, when nobody spoke in it ("Moore
                // declined to comment as they left." / "“Appreciate it,” he said.").
                let opener = opener.or_else(|| {
                    let before = p.checked_sub(1)?;
                    if !matches!(pronoun.as_str(), "he" | "she")
                        || nearest.is_some_and(|s| s.paragraph >= before)
                    {
                        return None;
                    }
                    let text = self.paragraphs.get(before)?;
                    self.opening_person(text)
                        .or_else(|| self.opening_role_holder(text, before))
                        .or_else(|| self.closing_person(text))
                        .or_else(|| unnamed_subject(text))
                        .filter(|subject| self.fits_pronoun(subject, pronoun))
                });
                let from_seen = opener.or_else(|| nearest.map(|s| s.speaker.clone()));
                let found = from_seen.or_else(|| {
                    if matches!(pronoun.as_str(), "he" | "she" | "i") {
                        // Nobody has spoken yet: the first person named in this paragraph, else in an
                        // earlier one, passing over short paragraphs that name nobody ("With a caveat.").
                        // In a paragraph before, the first person named is its subject, the most salient
                        // antecedent ("Rabbi Jane Roe held a scroll from the Elm Park Township synagogue." /
                        // "“…,” she said."), not whoever is named last.
                        self.names
                            .person_in(p, true)
                            .or_else(|| {
                                (p.saturating_sub(MAX_PRONOUN_PARAGRAPHS)..p)
                                    .rev()
                                    .find_map(|q| self.names.person_in(q, true))
                            })
                            .map(|m| self.names.fullest(&m.name))
                    } else {
                        None
                    }
                });
                match found {
                    Some(s) => {
                        match pronoun.as_str() {
                            "he" => self.pronoun_of.insert(s.clone(), "he"),
                            "she" => self.pronoun_of.insert(s.clone(), "she"),
                            _ => None,
                        };
                        let sort = self.names.sort_of_name(&s);
                        self.seen.push(Seen {
                            speaker: s.clone(),
                            paragraph: p,
                            sort,
                            description: None,
                        });
                        (Some(s), Some("pronoun"))
                    }
                    None => (None, None),
                }
            }
            Subject::Phrase { text, apposition } => {
                // "“…,” his statement read": what a person issues speaks for them, so the owner is the
                // speaker, found as the pronoun would be.
                if let Some((owner, document)) = text.split_once(' ')
                    && attribution::ISSUED_DOCUMENTS.contains(&document.to_lowercase().as_str())
                    && let Some(pronoun) = match owner.to_lowercase().as_str() {
                        "his" => Some("he"),
                        "her" => Some("she"),
                        "their" => Some("they"),
                        _ => None,
                    }
                {
                    let owner = Found {
                        cue: found.cue,
                        subject: Subject::Pronoun(pronoun.to_string()),
                    };
                    if let (Some(speaker), by) = self.resolve(&owner, p) {
                        return (Some(speaker), by);
                    }
                }
                let by = if *apposition { "apposition" } else { adjacent };
                let text = &speakers::drop_place(text);
                let (speaker, by, description) = self.phrase_speaker(text, p, by);
                let sort = if description.is_some() {
                    SpeakerSort::Description
                } else {
                    self.names.sort_of_name(&speaker)
                };
                self.seen.push(Seen {
                    speaker: speaker.clone(),
                    paragraph: p,
                    sort,
                    description,
                });
                (Some(speaker), Some(by))
            }
        }
    }

    /// The speaker a phrase names, by its sort: a person by their fullest name without titles, a body by
    /// its fullest name, a description resolved ([`State::describe`]). Returns the speaker, how it was
    /// found, and the description when it stays one.
    fn phrase_speaker(
        &self,
        text: &str,
        p: usize,
        by: &'static str,
    ) -> (String, &'static str, Option<String>) {
        // "The official Fars news agency": a body's standing is no part of its name.
        let unqualified = text.split_once(' ').and_then(|(the, rest)| {
            let (standing, name) = rest.split_once(' ')?;
            (the.eq_ignore_ascii_case("the")
                && STANDINGS.contains(&standing)
                && speakers::is_capitalised(name))
            .then(|| format!("{the} {name}"))
        });
        let text = unqualified.as_deref().unwrap_or(text);
        // "The separate letters from six families allege …", "The tweet from Vulture magazine reads":
        // a document from someone speaks for them, whatever the sort of their name.
        let words: Vec<&str> = if text.contains(" from ") || text.contains(" by ") {
            text.split_whitespace().collect()
        } else {
            Vec::new()
        };
        if let Some(from) = words.iter().position(|w| matches!(*w, "from" | "by"))
            && from > 0
            && from + 1 < words.len()
            && words.get(from - 1).is_some_and(|&d| {
                let before = from.checked_sub(2).and_then(|j| words.get(j)).copied();
                is_document(d) || attribution::document_before_by(d, before).is_some()
            })
        {
            let author = words.get(from + 1..).unwrap_or(&[]).join(" ");
            return self.phrase_speaker(&author, p, by);
        }
        match self.names.sort_of_name(text) {
            SpeakerSort::Person => {
                let fullest = self.names.fullest(&strip_titles(text));
                // "Castañeda said": a lone surname no full name ends with may be the first of two.
                let surnames = || {
                    (!fullest.contains(' '))
                        .then(|| self.names.first_of_two_surnames(&fullest))
                        .flatten()
                };
                (surnames().unwrap_or(fullest), by, None)
            }
            SpeakerSort::Organisation => (self.organisation_name(text), by, None),
            // "Doctor said" after "analyst Ken Doctor": a capitalised head alone that is the surname of a
            // person the article names in full is that person.
            SpeakerSort::Description
                if speakers::is_capitalised(text)
                    && !text.contains(' ')
                    && let Some(person) = self.full_person(text) =>
            {
                (person, by, None)
            }
            SpeakerSort::Description => self.describe(text, p, by),
        }
    }

    /// The last indefinite description with head `head` ("a Frontier Airlines pilot") in paragraph `p`
    /// before the quotation, or in the two paragraphs before it.
    fn indefinite_antecedent(&self, head: &str, p: usize) -> Option<String> {
        (p.saturating_sub(MAX_PRONOUN_PARAGRAPHS)..=p)
            .rev()
            .find_map(|q| {
                let text = self.paragraphs.get(q)?;
                let text = if q == p {
                    text.get(..self.quote_open?)?
                } else {
                    text.as_str()
                };
                let toks = attribution::tokenize(text);
                (0..toks.len()).rev().find_map(|h| {
                    toks.get(h)
                        .filter(|t| t.word && t.text.eq_ignore_ascii_case(head))?;
                    let a = (h.saturating_sub(MAX_DESCRIPTION_MODIFIERS + 1)..h)
                        .rev()
                        .find(|&k| {
                            toks.get(k).is_some_and(|t| {
                                t.word && matches!(t.text, "a" | "an" | "A" | "An")
                            })
                        })?;
                    let words = toks.get(a..=h)?;
                    words.iter().all(|t| t.word).then(|| {
                        lower_article(&words.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
                    })
                })
            })
    }

    /// A body by the fullest name the article gives it: "the RCMP" → "Royal Canadian Mounted Police"
    /// when the article spells it out, "the Ethics Committee" → "House Ethics Committee" when it names
    /// it so; otherwise as written (a leading "The" lowered).
    fn organisation_name(&self, text: &str) -> String {
        // "Hawaii said": a place is its own fullest name (not "Hawaii Department of Transportation").
        if speakers::is_place(text) {
            return speakers::strip_possessive(text.trim()).to_string();
        }
        let bare = text.trim_start_matches("the ").trim_start_matches("The ");
        let spelled = || self.spelled_out(bare);
        let full = |name: String| self.names.fuller_organisation(&name).unwrap_or(name);
        self.names
            .expand_acronym(bare)
            .or_else(spelled)
            .map(full)
            .or_else(|| self.names.fuller_organisation(bare))
            .unwrap_or_else(|| lower_article(text))
    }

    /// Resolve a description: "the attorney general" → the person with that title; "the source" → the
    /// anonymous source described earlier; "the Massachusetts Democrat" → the last named person speaker.
    /// Returns the speaker, how it was found, and the description when it stays one.
    fn describe(
        &self,
        text: &str,
        p: usize,
        by: &'static str,
    ) -> (String, &'static str, Option<String>) {
        let described = self.describe_as_written(text, p, by);
        // "prosecutors" after "Suffolk County prosecutors", when nothing else tells who they are: a
        // group the story qualifies one way only.
        if described.2.as_deref() == Some(described.0.as_str())
            && let Some(group) = QUALIFIED_GROUPS
                .iter()
                .find(|g| g.eq_ignore_ascii_case(&described.0))
            && let Some(fuller) = self.qualified_group(group)
        {
            return (fuller.clone(), "description", Some(fuller));
        }
        described
    }

    /// [`State::describe`] short of a group's qualifiers.
    fn describe_as_written(
        &self,
        text: &str,
        p: usize,
        by: &'static str,
    ) -> (String, &'static str, Option<String>) {
        let text = lower_article(text);
        let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
        // "The lawyer asked the ICE agent directly …, and the agent said": an unnamed person given a
        // fuller description earlier in the paragraph is described by it.
        if let [the, head] = words.as_slice()
            && the == "the"
            && UNNAMED_PEOPLE.contains(&head.as_str())
            && let Some(fuller) = self.fuller_description_before(head, p)
        {
            return (fuller.clone(), by, Some(fuller));
        }
        // "Members of the commission agreed …": a body's members, as one, speak for the body the
        // story names.
        if let [members, of, the, body] = words.as_slice()
            && members == "members"
            && of == "of"
            && the == "the"
            && speakers::is_org_word(body)
            && let Some(org) = self.names.organisation_for(&format!("the {body}"), p)
        {
            return (org, "description", None);
        }
        // "“Do you think …?” the unidentified male caller asked. “You won’t …,” the man added": "the man"
        // or "the woman" is the one unnamed person who spoke just before in the paragraph.
        if let [the, person] = words.as_slice()
            && the == "the"
            && matches!(person.as_str(), "man" | "woman")
            && let Some(last) = self.seen.last().filter(|s| s.paragraph == p)
            && last.sort == SpeakerSort::Description
            && (one_person_described(last)
                || speakers::description_head(&last.speaker)
                    .is_some_and(|h| UNNAMED_PEOPLE.contains(&h.to_lowercase().as_str())))
        {
            let description = last.description.clone();
            return (last.speaker.clone(), "description", description);
        }
        // "Mateen once had “…” with Rep. Ed Royce, the chairman of the committee, the California
        // Republican said": a party's member is the one lawmaker the quotation's paragraph names.
        if words.first().is_some_and(|w| w == "the")
            && words
                .last()
                .is_some_and(|h| matches!(h.as_str(), "republican" | "democrat"))
            && let Some(lawmaker) = self.lawmaker_named_in(p)
        {
            return (lawmaker, "description", None);
        }
        // "the doctors" after "Doctors for Camp Closure": a group named for its members.
        if let [the, members] = words.as_slice()
            && the == "the"
            && members.ends_with('s')
            && let Some(body) = self.names.body_opening_with(&[members.as_str()], p)
        {
            return (body, "description", None);
        }
        let definite = words.first().is_some_and(|w| w == "the");
        // "the 14th-ranked Schwartzman", "the top-seeded Nadal": a ranked surname of someone the article
        // names in full.
        let written: Vec<&str> = text.split_whitespace().collect();
        if let [.., modifier, surname] = written.as_slice()
            && written.len() >= 3
            && !speakers::is_capitalised(modifier)
            // A ranking or an age ("14th-ranked", "top-seeded", "30-year-old"), not "the fake Trump".
            && (modifier.contains('-') || modifier.contains(|c: char| c.is_ascii_digit()))
            && speakers::is_capitalised(surname)
            && !speakers::is_org_word(surname)
            && let Some(person) = self.full_person(surname)
        {
            return (person, "description", None);
        }
        // "China’s ambassador to Britain": the envoy the article names with that title.
        if let [.., envoy, to, _] = words.as_slice()
            && to == "to"
            && speakers::is_envoy_title(envoy)
            && let Some(name) = self
                .names
                .by_title(words.get(words.len() - 3..).unwrap_or(&[]), p)
        {
            return (name, "description", None);
        }
        // "the Elysée" after "the Elysée Palace": a body's short name stands for its fuller one.
        if let Some(name) = text.strip_prefix("the ")
            && name.split_whitespace().all(speakers::is_capitalised)
            && let Some(full) = self.names.fuller_organisation(name)
        {
            return (full, "description", None);
        }
        let head = words
            .last()
            .map(|h| h.trim_end_matches(['’', '\'', 's']).to_string());
        // "a Kentwood police report", "the police report": a report is the document itself, whoever's
        // name qualifies it (a police force's report is no statement of the force).
        // A bare "the report" is looked for below, among the documents just quoted.
        if head.as_deref() == Some("report")
            && words.len() > 2
            && !words.iter().any(|w| w == "from" || w == "by")
        {
            return (text.clone(), by, Some(text));
        }
        if head.is_some_and(|h| DOCUMENT_HEADS.iter().any(|d| d.trim_end_matches('s') == h)) {
            // "the CENTCOM release": the body named in it; "the petition": the document itself.
            let body: Vec<&str> = text
                .split_whitespace()
                .skip_while(|w| w.eq_ignore_ascii_case("the"))
                .filter(|w| speakers::is_capitalised(w))
                .collect();
            if body.is_empty()
                && let Some(org) = self.names.organisation_for(&text, p)
            {
                return (org, "description", None);
            }
            // "the family’s statement reads", "the airline’s website says": a document a described
            // owner issued speaks for that owner, found as "the family" or "the airline" would be.
            if body.is_empty()
                && let [the, owner @ .., _] = words.as_slice()
                && the == "the"
                && let Some(last) = owner.last()
                && speakers::strip_possessive(last) != last.as_str()
            {
                let mut owner: Vec<&str> = owner.iter().map(String::as_str).collect();
                if let Some(last) = owner.last_mut() {
                    *last = speakers::strip_possessive(last);
                }
                let owner = format!("the {}", owner.join(" "));
                if !is_document(&owner) {
                    return self.describe(&owner, p, by);
                }
            }
            if body.is_empty() {
                // "the statement said" right after someone issued one: theirs.
                // Only for what a speaker issues in person; "the police report" stays a report.
                let issued_kind = words
                    .last()
                    .is_some_and(|w| attribution::ISSUED_DOCUMENTS.contains(&w.as_str()));
                // "the legal aid statement" after "Legal Aid Bureau of Buffalo": the body whose name
                // the words before the document spell.
                if definite
                    && issued_kind
                    && let [_, named @ .., _] = words.as_slice()
                    && let Some(body) = self
                        .names
                        .body_opening_with(&named.iter().map(String::as_str).collect::<Vec<_>>(), p)
                {
                    return (body, "description", None);
                }
                let issued = issued_kind && words.len() == 2;
                // "The RCMP shared a message from Zoey Benoit’s family." / "“…,” the statement read.":
                // the author the text names for it, in this paragraph or the one before.
                let author = (definite && issued)
                    .then(|| {
                        [Some(p), p.checked_sub(1)]
                            .into_iter()
                            .flatten()
                            .find_map(|q| attribution::document_author(self.paragraphs.get(q)?))
                    })
                    .flatten();
                if let Some(author) = author {
                    let author = lower_article(&author);
                    // A person by their fullest name; "police" by the body the article names in full.
                    let speaker = match sort_of(&author) {
                        SpeakerSort::Person => self.names.fullest(&strip_titles(&author)),
                        _ => self.names.organisation_for(&author, p).unwrap_or(author),
                    };
                    return (speaker, "description", None);
                }
                let issuer = self.seen.last().filter(|s| {
                    definite && issued && s.paragraph + 1 >= p && s.description.is_none()
                });
                if let Some(s) = issuer {
                    return (s.speaker.clone(), "description", None);
                }
                // "according to court documents" then "according to the documents": the document
                // just quoted.
                let head = words.last().map(String::as_str);
                let quoted_lately = self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                    definite
                        && s.paragraph + MAX_PRONOUN_PARAGRAPHS >= p
                        && s.description.as_deref().is_some_and(|d| {
                            d.split_whitespace()
                                .next_back()
                                .is_some_and(|w| Some(w.to_lowercase().as_str()) == head)
                        })
                });
                return match quoted_lately {
                    Some(s) => (s.speaker.clone(), "description", s.description.clone()),
                    None => (text.clone(), by, Some(text)),
                };
            }
            let body = body
                .iter()
                .map(|w| speakers::strip_possessive(w))
                .collect::<Vec<_>>()
                .join(" ");
            // "the DHS statement" after "the Department of Homeland Security": the body by its full name.
            let body = match sort_of(&body) {
                SpeakerSort::Organisation => self.organisation_name(&body),
                _ => body,
            };
            return (body, by, None);
        }
        // "two Lebanese officials told CNN … One also said": one of the group just described.
        if let [one] = words.as_slice()
            && matches!(one.as_str(), "one" | "another")
            && let Some(group) = self.seen.iter().rev().take(MAX_LOOKBACK).find_map(|s| {
                let d = s.description.as_deref()?;
                let first = d.split_whitespace().next()?.to_lowercase();
                (s.paragraph + 1 >= p
                    && speakers::DETERMINERS_LEX.contains(&first)
                    && !matches!(first.as_str(), "a" | "an" | "the" | "one" | "another")
                    && d.ends_with('s'))
                .then_some(d)
            })
        {
            let description = format!("one of {group}");
            return (description.clone(), by, Some(description));
        }
        // "police", "the court": the body the article names in full. Not "a Justice Department
        // spokesperson" nor "a spokesperson for the university": an unnamed person of the body, whose
        // head noun is a role ("the president of the union" may be named: the body stands for them).
        let indefinite = words.first().is_some_and(|w| w == "a" || w == "an");
        let person_of_body = indefinite && words.len() > 2 && speakers::has_role_head(&text);
        if !words
            .iter()
            .any(|w| speakers::ANONYMOUS_HEADS.contains(&w.as_str()))
            && !words.last().is_some_and(|h| speakers::is_person_role(h))
            && !person_of_body
            && let Some(org) = self.names.organisation_for(&text, p)
        {
            return (org, "description", None);
        }
        // "Baldoni’s lawyers argued …" then "“…,” his attorneys wrote": a possessive description whose
        // head is the same (or an equivalent) word as a description that spoke lately is that speaker.
        if words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "his" | "her" | "their" | "its"))
            && let Some(head) = words.last().filter(|_| words.len() == 2)
        {
            let singular = |w: &str| w.trim_end_matches('s').to_string();
            let head = singular(head);
            let same = self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                s.paragraph + MAX_PRONOUN_PARAGRAPHS >= p
                    && s.description
                        .as_deref()
                        .and_then(|d| d.split_whitespace().next_back())
                        .is_some_and(|d| {
                            let d = singular(&d.to_lowercase());
                            d == head || speakers::title_equivalent(&d, &head)
                        })
            });
            if let Some(s) = same {
                return (s.speaker.clone(), "description", s.description.clone());
            }
        }
        // "his sister-in-law Miranda Matthews said" then "his sister-in-law wrote"; "his attorney,
        // Terrel Butler," then "Hooker’s attorney says": a person's relation or role that the article
        // gave a name before.
        let person_owner = || {
            let owner = text.split_whitespace().next().unwrap_or_default();
            let name = speakers::strip_possessive(owner);
            matches!(owner, "his" | "her" | "their")
                || (name != owner
                    && speakers::is_capitalised(name)
                    && self.names.sort_of_name(name) == SpeakerSort::Person
                    && self.names.fullest(name).split_whitespace().count() >= 2)
        };
        if let [_, head] = words.as_slice()
            && (speakers::kin_pronoun(head).is_some()
                || (speakers::is_person_role(head)
                    && !speakers::ANONYMOUS_HEADS.contains(&head.as_str())))
            && person_owner()
            && let Some(name) = self.names.by_title_so_far(std::slice::from_ref(head), p)
        {
            return (name, "description", None);
        }
        // "Jeffrey O’Brien found ways to …, his family said": a relation or group owned by "his" or "her"
        // that the article names no further is the owner's, the person the paragraph is about.
        if let Some(k) = words.iter().position(|w| w == "his" || w == "her")
            && (k == 0 || words.get(k - 1).is_some_and(|w| w == "of"))
            && words.last().is_some_and(|head| {
                speakers::kin_pronoun(head).is_some() || OWNED_GROUPS.contains(&head.as_str())
            })
            && let Some(owner) = self.owner_of(if words[k] == "his" { "he" } else { "she" }, p)
        {
            let described = text
                .split_whitespace()
                .enumerate()
                .map(|(j, w)| {
                    if j == k {
                        format!("{owner}’s")
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            return (described.clone(), by, Some(described));
        }
        if !definite {
            return (text.clone(), by, Some(text));
        }
        let rest: Vec<String> = words.iter().skip(1).cloned().collect();
        // "the DHS spokesperson" after "a DHS spokesperson said …": the same words name the same speaker.
        let same_words = self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
            s.description.as_deref().is_some_and(|d| {
                let mut d = d.split_whitespace().map(str::to_lowercase);
                matches!(d.next().as_deref(), Some("a" | "an" | "the"))
                    && d.eq(rest.iter().cloned())
            })
        });
        if let Some(s) = same_words {
            return (s.speaker.clone(), "description", s.description.clone());
        }
        // "an attorney for Live Nation asked …" then "“…?” the lawyer asked": a role just described
        // without a name is that description's speaker, nearer than anyone the article styles so.
        if let Some(head) = rest.last().filter(|h| speakers::is_person_role(h))
            && let Some(s) = self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                s.paragraph + MAX_PRONOUN_PARAGRAPHS >= p
                    && s.description.as_ref().is_some_and(|d| {
                        let d: Vec<String> = d.split_whitespace().map(str::to_lowercase).collect();
                        // Not "the Pentagon spokesperson" after "a DHS spokesperson": the words that
                        // qualify the role must be the earlier description's too.
                        let qualifiers = rest.get(..rest.len() - 1).unwrap_or(&[]);
                        d.iter().any(|w| speakers::title_equivalent(w, head))
                            && qualifiers.iter().all(|q| d.contains(q))
                    })
            })
        {
            return (s.speaker.clone(), "description", s.description.clone());
        }
        if let Some(name) = self.names.by_title(&rest, p) {
            return (name, "description", None);
        }
        let head = rest.last().cloned().unwrap_or_default();
        // "the Danity Kane singer" after "Singer Aubrey O’Day": the qualifiers are new information (AP
        // style adds them on second reference); the role noun alone names the person, named before (not
        // "the Republican leader" for "House Democratic Leader Hakeem Jeffries", named later).
        if rest.len() > 1
            && speakers::is_person_role(&head)
            && !speakers::ANONYMOUS_HEADS.contains(&head.as_str())
            && let Some(name) = self.names.by_title_so_far(std::slice::from_ref(&head), p)
        {
            return (name, "description", None);
        }
        // "the chief executive of Live Nation" before "CEO Michael Rapino": the role before "of" names
        // the person, whatever body follows.
        if let Some(of) = rest.iter().position(|w| w == "of")
            && let Some(role) = rest.get(..of).filter(|r| !r.is_empty())
            && role.last().is_some_and(|h| {
                speakers::is_person_role(h) && !speakers::ANONYMOUS_HEADS.contains(&h.as_str())
            })
            && let Some(name) = self.names.by_title(role, p)
        {
            return (name, "description", None);
        }
        if speakers::ANONYMOUS_HEADS.contains(&head.as_str()) {
            // Not "a US official" for "the Iranian official": the words that qualify the head must be
            // the earlier description's too.
            let qualifiers = rest.get(..rest.len().saturating_sub(1)).unwrap_or(&[]);
            let earlier = self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                s.description.as_ref().is_some_and(|d| {
                    let d: Vec<String> = d.split_whitespace().map(str::to_lowercase).collect();
                    d.contains(&head) && qualifiers.iter().all(|q| d.contains(q))
                })
            });
            // "People familiar with the plans said …" then "the sources cautioned": "the source(s)"
            // is the anonymous description just before, of the same number.
            let earlier = earlier.or_else(|| {
                let plural = head.ends_with('s');
                let bare = rest.len() == 1 && matches!(head.as_str(), "source" | "sources");
                self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                    bare && s.paragraph + MAX_PRONOUN_PARAGRAPHS >= p
                        && s.description.as_deref().is_some_and(|d| {
                            d.split_whitespace().any(|w| {
                                let w = w.to_lowercase();
                                speakers::ANONYMOUS_HEADS.contains(&w.as_str())
                                    && (w.ends_with('s') || w == "people") == plural
                            })
                        })
                })
            });
            // "Rubio said, “…”" then "“…,” the top US diplomat said": a qualified role that no
            // anonymous source was given is the person who spoke just before (AP's second reference).
            // Likewise the person who opens the paragraph before when nobody spoke there ("Secretary
            // of State Marco Rubio also welcomed Coyle’s release." / "“…,” the top US diplomat said").
            let named = || {
                let last = self.seen.last().filter(|s| s.paragraph + 1 >= p);
                match last {
                    Some(s) => (s.sort == SpeakerSort::Person).then(|| s.speaker.clone()),
                    None => p
                        .checked_sub(1)
                        .and_then(|before| self.paragraphs.get(before))
                        .and_then(|t| self.opening_person(t)),
                }
                .filter(|_| rest.len() > 1)
            };
            return match earlier {
                Some(s) => (s.speaker.clone(), "description", s.description.clone()),
                None => match named() {
                    Some(s) => (s, "description", None),
                    None => (text.clone(), by, Some(text)),
                },
            };
        }
        if !speakers::is_person_role(&head) {
            // "the US military", "the studio", "the agency": a body or thing, not a person. "The
            // department" after "the State Department" is that department; "the coalition" after "a
            // coalition of human rights organizations said" is that description's speaker.
            // Not "Qatar’s Ministry of Defense" for "the Saudi defense ministry": a name the
            // description gives must be the body's too.
            let qualifiers: Vec<&str> = text
                .split_whitespace()
                .filter(|w| {
                    speakers::is_capitalised(w) && !speakers::DETERMINERS_LEX.contains_word(w)
                })
                .collect();
            let qualified = |s: &Seen| qualifiers.iter().all(|q| contains_name(&s.speaker, q));
            let named = self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                let body = s.sort == SpeakerSort::Organisation
                    && qualified(s)
                    && s.speaker
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(&head));
                let described = s
                    .description
                    .as_deref()
                    .and_then(speakers::description_head)
                    .is_some_and(|h| h.eq_ignore_ascii_case(&head));
                body || described
            });
            // "the cruise line" after "MSC Cruises said …": the word before the head names the body.
            let named = named.or_else(|| {
                let modifier = rest
                    .len()
                    .checked_sub(2)
                    .and_then(|k| rest.get(k))
                    .filter(|m| m.chars().count() >= 4 && m.chars().all(char::is_alphabetic))?;
                self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                    s.description.is_none()
                        && qualified(s)
                        && s.speaker.split_whitespace().any(|w| {
                            let w = w.to_lowercase();
                            w.strip_prefix(modifier.as_str())
                                .is_some_and(|end| matches!(end, "" | "s" | "es"))
                        })
                })
            });
            // "the team", "the company": a generic noun for a body points back to the body that spoke
            // last, if it spoke lately ("the Cardinals said …" / "“…,” the team said"). A body that
            // spoke in this paragraph comes first, then the body opening it before the quotation ("US
            // Coast Guard boats were deployed, where the agency implored residents to “…”"), then one
            // that spoke in the two paragraphs before, then the body opening the paragraph before ("CBS
            // told a different story in a statement: The network said “…”").
            let generic = GENERIC_BODY_HEADS.contains(&head.as_str());
            let spoke_lately = |nearest: usize| {
                self.seen.iter().rev().take(MAX_LOOKBACK).find(|s| {
                    // A body, not a description: "the Cardinals" reads as a name to the sorter, but no
                    // person's name takes "the". A one-word name the article never gives in full
                    // ("Netflix") is a body's too.
                    (s.sort == SpeakerSort::Organisation
                        || (s.description.is_none() && s.speaker.starts_with("the "))
                        || (s.sort == SpeakerSort::Person
                            && s.description.is_none()
                            && !s.speaker.contains(' ')))
                        && qualified(s)
                        && s.paragraph + nearest >= p
                })
            };
            let opening_here = || {
                self.quote_open
                    .and(self.paragraphs.get(p))
                    .and_then(|t| opening_body(t))
            };
            let opening_before = || {
                p.checked_sub(1)
                    .and_then(|b| self.paragraphs.get(b))
                    .and_then(|t| opening_body(t))
            };
            let spoke = named.or_else(|| spoke_lately(0).filter(|_| generic));
            if let Some(s) = spoke {
                return (s.speaker.clone(), "description", None);
            }
            let opened = generic.then(opening_here).flatten();
            if let Some(body) = opened {
                return (self.organisation_name(&body), "description", None);
            }
            if let Some(s) = spoke_lately(MAX_PRONOUN_PARAGRAPHS).filter(|_| generic) {
                return (s.speaker.clone(), "description", None);
            }
            if let Some(body) = generic.then(opening_before).flatten() {
                return (self.organisation_name(&body), "description", None);
            }
            // "All of Etihad’s flights remain suspended. The airline said …", "El Al said Friday it would
            // …" / "“…,” the airline said": a name opening this paragraph or the one before, as its
            // subject or its subject's owner, when it is nobody's first and last name.
            // Not a person's name, whose surname comes back alone ("Cristina Gil Lladanosa … Lladanosa
            // said"), nor a word that only opens a sentence ([`State::names_a_body`]).
            let named_opening = (generic && !rest.iter().any(|w| speakers::is_capitalised(w)))
                .then(|| {
                    [Some(p), p.checked_sub(1)]
                        .into_iter()
                        .flatten()
                        .filter_map(|q| opening_name(self.paragraphs.get(q)?))
                        .find(|name| self.names_a_body(name))
                })
                .flatten();
            if let Some(body) = named_opening {
                return (self.organisation_name(&body), "description", None);
            }
            // "The exchange took place with a Frontier Airlines pilot …" / "“…,” the pilot said": an
            // unnamed person met just before under a fuller description is described so.
            if UNNAMED_PEOPLE.contains(&head.as_str())
                && let Some(fuller) = self.indefinite_antecedent(&head, p)
            {
                return (fuller.clone(), "description", Some(fuller));
            }
            return (text.clone(), by, None);
        }
        // "the EU’s High Representative", "the company’s spokesperson": a role of a body the article gives
        // no one is that role, not whoever spoke last.
        // So is "the DHS spokesperson", a role a body's name qualifies.
        if rest
            .iter()
            .any(|w| speakers::strip_possessive(w) != w.as_str())
            || text
                .split_whitespace()
                .skip(1)
                .any(|w| speakers::is_capitalised(w) && speakers::is_org_word(w))
        {
            return (text.clone(), by, Some(text));
        }
        let person = self
            .seen
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .find(|s| s.sort == SpeakerSort::Person);
        match person {
            Some(s) => (s.speaker.clone(), "description", None),
            None => (text.clone(), by, Some(text)),
        }
    }
}

/// Whether a speaker is one unnamed person described ("a senior Iranian official", "the spokesperson", "a
/// spokesperson for the union": the head before a postmodifier), whom a later "he" or "she" may stand for;
/// not a group ("officials") nor a body.
fn one_person_described(s: &Seen) -> bool {
    s.sort == SpeakerSort::Description
        && matches!(
            s.speaker.split_whitespace().next(),
            Some("a" | "an" | "the" | "one" | "another")
        )
        && (speakers::has_role_head(&s.speaker)
            || speakers::description_head(&s.speaker).is_some_and(|head| {
                let head = head
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                speakers::is_people_head(&head) && !head.ends_with('s')
            }))
}

/// [`State::fits_pronoun`] against the pronouns given so far.
fn fits_pronoun(given: &FxHashMap<String, &'static str>, name: &str, pronoun: &str) -> bool {
    speakers::gender_fits(name, pronoun)
        && given
            .get(name)
            .is_none_or(|&g| !matches!(pronoun, "he" | "she") || g == pronoun)
}

/// Whether every mention of `name` in `text` stands inside quotation marks ("a sample came in called
/// “Glasgow (“No Place Like Home”)": a title, not a person who is there to speak). `quotes` are the
/// quotations [`marks::scan`] finds in `text`.
fn only_quoted(text: &str, quotes: &[marks::TopQuote], name: &str) -> bool {
    every_mention(text, name, |at| {
        quotes.iter().any(|q| q.start <= at && at < q.end)
    })
}

/// Whether every mention of `name` in `text` is a possessive ("McDonald’s cameo").
fn only_possessive(text: &str, name: &str) -> bool {
    every_mention(text, name, |at| {
        let after = text.get(at + name.len()..).unwrap_or("");
        after.starts_with("’s") || after.starts_with("'s")
    })
}

/// Whether `name` occurs in `text` and every occurrence (by its byte offset) passes `test`.
fn every_mention(text: &str, name: &str, test: impl Fn(usize) -> bool) -> bool {
    let mut at = text.match_indices(name).map(|(at, _)| at).peekable();
    at.peek().is_some() && at.all(test)
}

/// The byte offset of the first occurrence of `word` (lower-case ASCII) in `text` as a whole word, written
/// in lower case or with a capital ("she", "She").
fn first_word_at(text: &str, word: &str) -> Option<usize> {
    let mut capital = String::with_capacity(word.len());
    let mut chars = word.chars();
    capital.extend(chars.next().map(|c| c.to_ascii_uppercase()));
    capital.push_str(chars.as_str());
    [word, capital.as_str()]
        .into_iter()
        .filter_map(|w| whole_name_matches(text, w).next())
        .min()
}

/// Whether `name` occurs in `text` as whole words ("Lee" in "Lee said", not in "Leeds").
fn contains_name(text: &str, name: &str) -> bool {
    whole_name_matches(text, name).next().is_some()
}

/// Whether `name` occurs in `text` as whole words somewhere without an article before it.
fn named_without_article(text: &str, name: &str) -> bool {
    whole_name_matches(text, name).any(|at| {
        let before = text.get(..at).unwrap_or("");
        !before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
    })
}

/// How often `name` occurs in `text` as whole words.
fn count_names(text: &str, name: &str) -> usize {
    whole_name_matches(text, name).count()
}

/// The byte offsets where `name` occurs in `text` as whole words.
fn whole_name_matches<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(name)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = text.get(..at).and_then(|b| b.chars().next_back());
            let after = text.get(at + name.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Generic nouns that stand for a body already named ("the team" for the Arizona Cardinals, "the company"
/// for Anthropic); compared lower-case.
#[rustfmt::skip]
const GENERIC_BODY_HEADS: &[&str] = &[
    "team", "club", "franchise", "company", "firm", "organization", "organisation", "group", "league",
    "streamer", "broadcaster", "network", "airline", "carrier", "automaker", "retailer", "chain", "studio",
    "agency", "site", "website",
];

/// Words for a body's standing before its name ("the official Fars news agency", "the state-run IRNA"),
/// lower-case.
const STANDINGS: &[&str] = &["official", "semi-official", "state-run", "state-owned"];

/// Groups a story qualifies by a place or a body ("Suffolk County prosecutors", "Haitian police"), which
/// a bare "prosecutors" then stands for; lower-case. Not "officials" or "authorities", which a story
/// gives of many bodies at once ("Nassau County …, officials said" in a story of Suffolk County officials).
const QUALIFIED_GROUPS: &[&str] = &["police", "prosecutors"];

/// People a description may give as someone's ("his family", "three of his family members", "her
/// lawyers"), besides relatives; compared lower-case.
#[rustfmt::skip]
const OWNED_GROUPS: &[&str] = &[
    "family", "families", "parents", "relatives", "members", "friends", "friend", "colleague", "colleagues",
    "lawyers", "lawyer", "attorneys", "attorney", "children", "siblings", "teammates", "classmates",
];

/// Head nouns of documents quoted as sources ("the CENTCOM release", "the petition").
#[rustfmt::skip]
const DOCUMENT_HEADS: &[&str] = &[
    "release", "statement", "report", "petition", "filing", "documents", "document", "complaint", "lawsuit",
    "memo", "letter", "post", "indictment", "affidavit", "order", "ruling", "notice", "motion", "warrant",
    "email", "message", "video", "transcript", "announcement", "proclamation", "bill", "law", "policy",
    "guidance", "website", "account", "alert", "posting", "listing", "recording", "record", "tweet", "survey",
];

/// Writings that speak for their author besides [`DOCUMENT_HEADS`] ("her obituary says", "the study says");
/// unlike those, their author is not looked for in the description.
const WRITINGS: &[&str] = &[
    "obituary", "study", "paper", "decree", "book", "article", "song",
];

/// Whether a paragraph is a question of the writer's own, as an interview asks it: short, ending with
/// "?", and quoting no one ("How social was she? Suspended?").
fn is_question(paragraph: &str) -> bool {
    let text = paragraph.trim();
    text.len() <= 200 && text.ends_with('?') && !text.contains(['“', '”', '"', '«', '»', '„'])
}

/// The last word of a text, lower-case, without the punctuation around it.
fn last_word_lower(text: &str) -> Option<String> {
    text.split_whitespace().next_back().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    })
}

/// Whether words before a quotation name a document ("woke to an emergency alert on her phone: “…”"):
/// the quotation is then its text, not the words of the sentence's subject.
fn names_a_document(toks: &[attribution::Tok]) -> bool {
    toks.iter().any(|t| t.word && is_document(t.text))
}

/// Whether a description names a document or a writing ("Bullis’ obituary", "the ruling"): its head is
/// one of [`DOCUMENT_HEADS`] or [`WRITINGS`].
pub(crate) fn is_document(description: &str) -> bool {
    // Without allocating: [`names_a_document`] asks it of every word before a quotation.
    let Some(last) = description.split_whitespace().next_back() else {
        return false;
    };
    let head = lexicon::lower(last.trim_matches(|c: char| !c.is_alphanumeric()));
    let head = head.as_str();
    let singular = head.strip_suffix('s').unwrap_or(head);
    [head, singular]
        .iter()
        .any(|h| DOCUMENT_HEADS.contains(h) || WRITINGS.contains(h))
}

/// "The White House" → "the White House": a leading article is lower-cased (it was capitalised only
/// because it started a sentence).
fn lower_article(text: &str) -> String {
    let trimmed = text.trim();
    // "Another court filing", "Several officials": any determiner, capitalised only by the sentence.
    if let Some((first, rest)) = trimmed.split_once(' ')
        && speakers::is_capitalised(first)
        && speakers::DETERMINERS_LEX.contains_word(first)
    {
        return format!("{} {rest}", first.to_lowercase());
    }
    trimmed.to_string()
}

/// A short title-cased quotation used as a name: before a role or kind of work it qualifies ("a tearful
/// “Today” host Savannah Guthrie said", "the “Today” show reported"), or as the listener right after
/// "told" ("Nanos told “Today” in a phone call").
fn names_a_work(left: &[attribution::Tok], quoted: &str, right: &[attribution::Tok]) -> bool {
    /// Lower-case words that a title before them qualifies.
    const QUALIFIED: &[&str] = &[
        "host",
        "co-host",
        "anchor",
        "star",
        "show",
        "program",
        "programme",
        "series",
        "podcast",
        "interview",
        "episode",
        "segment",
        "correspondent",
        "contributor",
        "viewers",
        "audience",
        "actor",
        "actress",
        "creator",
        "alum",
        "cast",
        "character",
        "franchise",
        "singer",
        "rapper",
    ];
    /// Lower-case nouns that a name before them qualifies ("the “one country, two systems” formula").
    const NAMED_IDEAS: &[&str] = &[
        "formula",
        "policy",
        "doctrine",
        "principle",
        "approach",
        "strategy",
        "model",
        "framework",
        "movement",
        "mantra",
        "agenda",
        "philosophy",
        "concept",
        "era",
    ];
    let after_determiner = left.last().is_some_and(|t| {
        t.word
            && matches!(
                t.text.to_lowercase().as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
            )
    });
    if after_determiner
        && !quoted.trim_end().ends_with(['.', ',', '!', '?'])
        && right
            .first()
            .is_some_and(|t| t.word && NAMED_IDEAS.contains(&t.text.to_lowercase().as_str()))
    {
        return true;
    }
    let words: Vec<&str> = quoted.split_whitespace().collect();
    let title = !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| speakers::is_capitalised(w))
        && !quoted.trim_end().ends_with(['.', ',', '!', '?']);
    if !title {
        return false;
    }
    let before_role = right
        .first()
        .is_some_and(|t| t.word && QUALIFIED.contains(&t.text.to_lowercase().as_str()));
    let listener = left
        .last()
        .is_some_and(|t| t.word && matches!(t.text, "told" | "tells"));
    before_role || listener
}

/// Whether the words just before the opening mark introduce a title, name or term ("the so-called",
/// "a group called", "known as", "the word").
fn is_naming_context(left: &str, quoted: &str) -> bool {
    /// Words after which a quotation is a name or term whatever it looks like.
    #[rustfmt::skip]
    const NAMING: &[&str] = &[
        "so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "term", "word", "words", "phrase",
        "slogan", "hashtag", "motto", "headline", "label", "nickname", "moniker", "catchphrase", "brand",
        "codenamed", "code-named", "renamed", "meme", "caption", "acronym", "tagline",
    ];
    /// Kinds of works: a quotation after them is a title only when it starts with a capital ("the show
    /// “Today”", but "a show “f—ing outrageous”").
    #[rustfmt::skip]
    const WORKS: &[&str] = &[
        "song", "book", "film", "movie", "show", "album", "series", "podcast", "documentary", "novel", "poem",
        "play", "app", "banner", "sign", "signs", "program", "programme", "exhibit", "exhibition", "campaign",
        "initiative", "operation", "page", "account", "website", "biography", "memoir", "autobiography",
    ];
    let capitalised = quoted
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let adjacent = left.split_whitespace().next_back().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    if matches!(
        adjacent.as_deref(),
        Some("called" | "labeled" | "labelled" | "branded")
    ) {
        // "a group called “X”", "Once labeled “the most rehabilitated prisoner …”" name; "what the FBI
        // called a “targeted act”" and "what he called
        // “experiments”" quote.
        let what_subject = left
            .split_whitespace()
            .rev()
            .skip(1)
            .take(4)
            .any(|w| w.eq_ignore_ascii_case("what"));
        return !what_subject;
    }
    let mut words = left
        .split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .skip_while(|w| {
            matches!(
                w.as_str(),
                "a" | "an" | "the" | "its" | "his" | "her" | "their"
            )
        });
    let Some(last) = words.next() else {
        return false;
    };
    let naming_noun = NAMING.contains(&last.as_str()) && !matches!(last.as_str(), "word" | "words");
    let work = capitalised && WORKS.contains(&last.as_str());
    // "Facebook’s current motto, “Making the world open and connected.”", "the documentary, “The
    // Farm.”": set off by a comma, a name is still the noun's. Not "in his words, “I …”", nor a clause
    // or colon that introduces speech.
    if left.trim_end().ends_with(',') && (naming_noun || work) {
        return true;
    }
    if left.trim_end().ends_with([',', ':']) {
        return false;
    }
    if NAMING.contains(&last.as_str()) || work {
        return true;
    }
    // "on a previous episode of “DWTS.”", "the set of “Fargo,”": a short capitalised quotation after a
    // part of a work and "of"; "said on “DWTS.”": after a verb of saying and "on", the show or outlet.
    /// Parts of a work, or people of one, before "of" and its title.
    #[rustfmt::skip]
    const PARTS_OF_WORKS: &[&str] = &[
        "episode", "episodes", "season", "set", "cast", "star", "host", "creator", "edition", "issue",
        "chapter", "finale", "premiere", "version",
    ];
    /// Verbs of saying (or being heard) before "on" and a show or outlet.
    #[rustfmt::skip]
    const SAID_ON: &[&str] = &[
        "said", "says", "appeared", "appearing", "spoke", "speaking", "told", "wrote", "posted", "aired",
        "interview",
    ];
    let short = quoted.split_whitespace().count() <= TITLE_MAX_WORDS;
    if capitalised && short && matches!(last.as_str(), "of" | "on") {
        let before = words.next().unwrap_or_default();
        let part_of_work = last == "of"
            && (WORKS.contains(&before.as_str()) || PARTS_OF_WORKS.contains(&before.as_str()));
        let outlet = last == "on" && SAID_ON.contains(&before.as_str());
        if part_of_work || outlet {
            return true;
        }
    }
    if last == "as" {
        let before = words.next().unwrap_or_default();
        return matches!(
            before.as_str(),
            "known"
                | "billed"
                | "to"
                | "branded"
                | "labeled"
                | "labelled"
                | "nicknamed"
                | "dubbed"
                | "styled"
        );
    }
    false
}

/// Whether a short quotation is a whole sentence of someone's (“Why not me?”): a capital first and
/// terminal punctuation last. A lower-case fragment ending in a full stop (“just in case.”) only
/// carries the full stop of the sentence around it.
fn is_full_sentence(quoted: &str) -> bool {
    let t = quoted.trim();
    t.split_whitespace().count() >= 2
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.ends_with(['.', '?', '!'])
}

/// Whether a short quotation reads as a title or name: every significant word capitalised, at least two
/// words, and no sentence or clause punctuation at its end.
fn is_title_like(quoted: &str, words: usize, has_cue: bool) -> bool {
    #[rustfmt::skip]
    const SMALL: &[&str] = &[
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or", "de", "la", "is",
        "vs", "vs.", "from", "&",
    ];
    if !(2..=TITLE_MAX_WORDS).contains(&words) {
        return false;
    }
    let trimmed = quoted.trim();
    // With a cue, “Thank You,” is speech; without one, “Trump Kennedy Center.” is a name that ends the
    // sentence (American style puts the full stop inside the marks).
    if trimmed.ends_with(['?', '!', '…']) || (has_cue && trimmed.ends_with(['.', ',', ';', ':']))
    {
        return false;
    }
    let mut significant = 0;
    for w in trimmed.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || SMALL.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        if !w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return false;
        }
        significant += 1;
    }
    // An all-capitals shout ("TOO BIG TO RIG") is speech, not a title.
    let letters: Vec<char> = trimmed.chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    significant >= 2 && (!shouted || !has_cue)
}

#[cfg(test)]
mod tests;
