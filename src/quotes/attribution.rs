//! Attribution: finding the verb of saying (the cue) near a quotation and the noun phrase that is its
//! subject, before the quote (`X said: “…”`), after it (`“…,” X said`, `“…,” said X`), or as
//! `according to X`; sentence boundaries; and reported speech in sentences without quotation marks.
//!
//! The scanner works on a bounded window of words around each quotation (a sentence, capped at
//! [`MAX_CONTEXT_BYTES`]), so its cost is linear in the paragraph whatever the input. It is deliberately
//! a hand-written pattern matcher over a small lexicon, like the rule-based extractors it is modelled on
//! (CoreNLP's QuoteAnnotator, the Gender Gap Tracker): news attribution is formulaic.

use super::lexicon::{Lexicon, Lower, lower};
// `DETERMINERS` here is the indexed list: its `contains` reads like the slice's, without a linear scan.
use super::speakers::{DETERMINERS_LEX as DETERMINERS, is_abbreviation, is_capitalised};

/// How many bytes on either side of a quotation are read for its attribution. A news sentence rarely
/// exceeds 400 bytes; the cap keeps a 1 MB paragraph without full stops linear.
pub(crate) const MAX_CONTEXT_BYTES: usize = 600;

/// The longest subject noun phrase taken, in words ("a person familiar with the talks" is 6).
const MAX_NP_WORDS: usize = 14;

/// How many words after a quotation's closing mark the cue may stand (`“…,” Army Spokesperson Col. Dave
/// Butler said` puts it fifth; `“…,” Peskov, the Kremlin's spokesman, said` eighth; a long apposition
/// such as `Andy Piazza, senior director of threat intelligence at Unit 42 in …, said` needs more). The
/// subject must still start right after the quotation, which keeps far cues out.
const MAX_RIGHT_CUE_WORDS: usize = 30;

/// Verbs and phrases of saying, with the cue name reported for them.
const CUES: &[(&str, &str)] = &[
    ("said", "said"),
    ("says", "said"),
    ("say", "said"),
    ("saying", "said"),
    ("told", "told"),
    ("tells", "told"),
    ("telling", "told"),
    ("tell", "told"),
    ("added", "added"),
    ("adds", "added"),
    ("adding", "added"),
    ("wrote", "wrote"),
    ("writes", "wrote"),
    ("writing", "wrote"),
    ("posted", "posted"),
    ("posts", "posted"),
    ("tweeted", "posted"),
    ("stated", "stated"),
    ("asked", "asked"),
    ("asks", "asked"),
    ("asking", "asked"),
    ("explained", "explained"),
    ("commented", "commented"),
    ("explains", "explained"),
    ("noted", "noted"),
    ("notes", "noted"),
    ("continued", "continued"),
    ("replied", "replied"),
    ("responded", "responded"),
    ("recalled", "recalled"),
    ("recalls", "recalled"),
    ("warned", "warned"),
    ("warns", "warned"),
    ("insisted", "insisted"),
    ("claimed", "claimed"),
    ("claims", "claimed"),
    ("declared", "declared"),
    ("announced", "announced"),
    ("acknowledged", "acknowledged"),
    ("admitted", "admitted"),
    ("testified", "testified"),
    ("argued", "argued"),
    ("argues", "argued"),
    ("urged", "urged"),
    ("implored", "urged"),
    ("vowed", "vowed"),
    ("pledged", "vowed"),
    ("pledges", "vowed"),
    ("promised", "promised"),
    ("predicted", "predicted"),
    ("conceded", "conceded"),
    ("cautioned", "cautioned"),
    ("complained", "complained"),
    ("emphasized", "emphasized"),
    ("emphasised", "emphasized"),
    ("stressed", "stressed"),
    ("agreed", "agreed"),
    ("countered", "countered"),
    ("concluded", "concluded"),
    ("shouted", "shouted"),
    ("yelled", "yelled"),
    ("screamed", "screamed"),
    ("whispered", "whispered"),
    ("joked", "joked"),
    ("quipped", "quipped"),
    ("remarked", "remarked"),
    ("observed", "observed"),
    ("called", "called"),
    ("calls", "called"),
    ("calling", "called"),
    ("described", "described"),
    ("describes", "described"),
    ("describing", "described"),
    ("labeled", "called"),
    ("labelled", "called"),
    ("branded", "called"),
    ("confirmed", "confirmed"),
    ("denied", "denied"),
    ("suggested", "suggested"),
    ("suggests", "suggested"),
    ("suggesting", "suggested"),
    ("announces", "announced"),
    ("reported", "reported"),
    ("texted", "wrote"),
    ("emailed", "wrote"),
    ("messaged", "wrote"),
    ("pleaded", "pleaded"),
    ("demanded", "demanded"),
    ("blasted", "blasted"),
    ("slammed", "slammed"),
    ("praised", "praised"),
    ("thanked", "thanked"),
    ("mused", "mused"),
    ("read", "read"),
    ("reads", "read"),
    // What a bill or a contract lays down ("The bill stipulates that … “…”").
    ("stipulates", "stipulated"),
    ("stipulated", "stipulated"),
    ("laughed", "laughed"),
    ("scoffed", "scoffed"),
    ("sighed", "sighed"),
    ("exclaimed", "exclaimed"),
    ("boasted", "boasted"),
    ("lamented", "lamented"),
    ("insists", "insisted"),
    ("acknowledges", "acknowledged"),
    ("replies", "replied"),
    ("laughs", "laughed"),
    ("chuckled", "laughed"),
    ("chuckles", "laughed"),
    ("responds", "responded"),
    ("responding", "responded"),
    ("continues", "continued"),
    ("explains", "explained"),
    ("recalls", "recalled"),
    ("shared", "shared"),
    ("shares", "shared"),
    ("replying", "replied"),
    ("explaining", "explained"),
    ("noting", "noted"),
    ("warning", "warned"),
    ("arguing", "argued"),
    ("insisting", "insisted"),
    ("stressing", "stressed"),
    ("retorted", "retorted"),
    ("accused", "accused"),
    ("accusing", "accused"),
    ("stating", "stated"),
    ("clarifying", "clarified"),
    ("clarified", "clarified"),
    ("claiming", "claimed"),
    ("expressed", "expressed"),
    ("chanted", "chanted"),
    ("chanting", "chanted"),
    ("chant", "chanted"),
    ("alleges", "alleged"),
    ("allege", "alleged"),
    ("alleged", "alleged"),
    ("urging", "urged"),
    ("urges", "urged"),
    ("accuse", "accused"),
    ("warn", "warned"),
    ("argue", "argued"),
    ("insist", "insisted"),
    ("claim", "claimed"),
    ("describe", "described"),
    ("write", "wrote"),
    ("add", "added"),
    ("ask", "asked"),
    ("yelling", "yelled"),
    ("shouting", "shouted"),
    ("screaming", "screamed"),
    ("decried", "decried"),
    ("denounced", "denounced"),
    ("condemned", "condemned"),
    ("hailed", "hailed"),
    ("wondered", "wondered"),
    ("commended", "commended"),
    // Present tenses and participles of the verbs above, as feature and timeline copy writes them.
    ("emphasizes", "emphasized"),
    ("emphasizing", "emphasized"),
    ("stresses", "stressed"),
    ("admits", "admitted"),
    ("admitting", "admitted"),
    ("concedes", "conceded"),
    ("conceding", "conceded"),
    ("predicts", "predicted"),
    ("vows", "vowed"),
    ("vowing", "vowed"),
    ("complains", "complained"),
    ("complaining", "complained"),
    ("jokes", "joked"),
    ("joking", "joked"),
    ("denies", "denied"),
    ("denying", "denied"),
    ("confirms", "confirmed"),
    ("tweets", "posted"),
    ("cautions", "cautioned"),
    ("cautioning", "cautioned"),
    ("declares", "declared"),
    ("declaring", "declared"),
    ("testifies", "testified"),
    ("testifying", "testified"),
    ("praises", "praised"),
    ("praising", "praised"),
    ("decries", "decried"),
    ("decrying", "decried"),
    ("denounces", "denounced"),
    ("denouncing", "denounced"),
    ("condemns", "condemned"),
    ("condemning", "condemned"),
    ("hails", "hailed"),
    ("hailing", "hailed"),
    // "dismissed the rumours as “delusions”": a verdict in the speaker's words, as "called" is.
    ("dismissed", "dismissed"),
    ("dismisses", "dismissed"),
    ("dismissing", "dismissed"),
    ("dismiss", "dismissed"),
    // Exchanges and gestures that feature and courtroom copy writes as tags ("“…,” Alito interjected",
    // "“…,” he rejoined", "“…,” she sings", "“…,” he shrugs").
    ("interjected", "interjected"),
    ("interjects", "interjected"),
    ("rejoined", "replied"),
    ("reaffirmed", "reaffirmed"),
    ("reaffirms", "reaffirmed"),
    ("sang", "sang"),
    ("sings", "sang"),
    ("shrugged", "shrugged"),
    ("shrugs", "shrugged"),
    // Not "remembered": "a young boom operator remembered for his “million-dollar smile”".
    ("remembers", "recalled"),
    // Present tenses of tags above, as feature copy writes them ("… and whispers, “…”"); not the
    // ones that are nouns as often ("shouts", "remarks", "counters") or mean "has" ("boasts a …").
    ("whispers", "whispered"),
    ("yells", "yelled"),
    ("quips", "quipped"),
    ("sighs", "sighed"),
    ("scoffs", "scoffed"),
    ("muses", "mused"),
    ("observes", "observed"),
    ("retorts", "retorted"),
    ("exclaims", "exclaimed"),
    ("laments", "lamented"),
    ("according", "according_to"),
];

/// Cues that may come before their subject ("“…,” said a spokesman").
#[rustfmt::skip]
const INVERTIBLE: &[&str] = &[
    "said", "added", "wrote", "continued", "asked", "replied", "explained", "noted", "posted", "stated",
    "laughed", "exclaimed", "responded", "reported", "announced", "recalled", "declared", "insisted",
    "warned", "argued", "read", "tweeted", "shared", "commented", "quipped", "joked", "remarked", "observed",
    "whispered", "shouted", "countered", "conceded", "admitted", "acknowledged", "cautioned", "stressed",
    "emphasized", "interjected", "boasted", "mused", "sighed", "retorted", "confirmed", "predicted",
    "complained",
];

/// Words that end a subject noun phrase (scanning away from the cue) without being part of it.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "and", "or", "but", "as",
    "because", "if", "after", "before", "since", "although", "though", "than", "then", "so", "had", "has",
    "have", "was", "were", "is", "are", "be", "been", "being", "would", "will", "could", "should", "can", "may",
    "might", "must", "do", "does", "did", "not", "it", "its", "his", "her", "their", "our", "my", "your", "i",
    "he", "she", "they", "we", "you", "him", "them", "us", "me", "there", "here", "also", "however", "why",
    "how", "to", "by", "about", "into", "during", "until", "without", "against", "over", "under", "through",
    "this", "these", "those", "such", "very", "just", "even", "only", "like", "if", "whether", "once", "upon",
    "all", "no", "yes", "more", "most", "less", "up", "out", "off", "down", "rather",
];

/// Prepositions that may join a postmodifier to a subject ("a person familiar with the talks", "a
/// spokesperson for the agency", "the top US Army commander in Europe").
const LINK_PREPS: &[&str] = &["with", "of", "for", "from", "in", "at", "on"];

/// Pronoun subjects, resolved later to a named speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Words between a subject and its cue that are skipped ("Peskov also said", "Trump has said",
/// "the Kremlin on Wednesday said").
const SKIPPABLE: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "then",
    "further",
    "again",
    "once",
    "recently",
    "repeatedly",
    "separately",
    "publicly",
    "privately",
    "already",
    "first",
    "has",
    "had",
    "have",
    "would",
    "will",
    "reportedly",
    "still",
    "simply",
    "flatly",
    "bluntly",
    "directly",
    "initially",
    "subsequently",
    "last",
    "this",
    "on",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "tonight",
    "often",
    "never",
    "always",
    "once",
    "frequently",
    "quickly",
    "soon",
    "finally",
    "both",
    "each",
    "similarly",
    "likewise",
    "too",
    "however",
    "meanwhile",
];

// The lists above, indexed for lookups (see `lexicon`); the lists stay the place to add words.
static CUES_LEX: Lexicon<(&str, &str)> = Lexicon::new(CUES);
static STOP_LEX: Lexicon = Lexicon::new(STOP);
static SKIPPABLE_LEX: Lexicon = Lexicon::new(SKIPPABLE);

/// Whether a token may stand between a subject and its cue.
fn is_skippable(t: &Tok) -> bool {
    SKIPPABLE_LEX.contains(&t.lower()) || super::speakers::is_calendar_word(t.text)
}

/// Whether a word is an adverb of manner in -ly ("tearfully", "quietly"), not one of [`LY_NOUNS`].
fn is_manner_adverb(t: &Tok) -> bool {
    t.word
        && !is_capitalised(t.text)
        && t.text.len() > 5
        && t.text.ends_with("ly")
        && !LY_NOUNS.contains(&t.text)
}

/// One token of a context window: a word (letters, digits, inner apostrophes and hyphens, an
/// abbreviation's period) or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    pub text: &'a str,
    pub word: bool,
}

impl<'a> Tok<'a> {
    fn lower(&self) -> Lower<'a> {
        lower(self.text)
    }
    fn is_punct(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }
}

/// A context with its tokens: read once, then looked at by each reading of it (cues on the left, a sign
/// being displayed, a participle after the quotation …).
pub(crate) struct Window<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
}

impl<'a> Window<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Window {
            text,
            toks: tokenize(text),
        }
    }
}

/// Split a window into tokens. Scraper artefacts that glue a name to "said" ("Brohmsaidin a statement")
/// are split back into words, since the corpus has them around every link.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    // About one token per five bytes of news text; reserving that spares most regrowth.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // Zero-width characters left by the scraper ("Coady\u{FEFF}wrote") separate words like spaces.
        if c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}') {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                // Letters and digits first: they are most of what this loop sees.
                if d.is_alphanumeric() {
                    chars.next();
                    end = j + d.len_utf8();
                    continue;
                }
                let inner_joiner = matches!(d, '’' | '\'' | '-' | '‑')
                    && text
                        .get(j + d.len_utf8()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric);
                let abbrev_dot = d == '.' && {
                    let candidate = text.get(i..j + 1).unwrap_or("");
                    is_abbreviation(candidate)
                        || text
                            .get(j + 1..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_alphabetic)
                };
                // "0.25", "1,000": a point or comma between digits is inside a number.
                let in_number = matches!(d, '.' | ',')
                    && text
                        .get(i..j)
                        .is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()))
                    && text
                        .get(j + 1..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(|c| c.is_ascii_digit());
                if inner_joiner || abbrev_dot || in_number {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            // "Bullis’ obituary": a plural possessive keeps its apostrophe.
            if text.get(i..end).is_some_and(|w| w.ends_with('s'))
                && let Some(&(j, d)) = chars.peek()
                && matches!(d, '’' | '\'')
                && text
                    .get(j + d.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_whitespace)
            {
                chars.next();
                end = j + d.len_utf8();
            }
            let word = text.get(i..end).unwrap_or("");
            for piece in super::speakers::split_glued(word) {
                // "according tothe Ohio National Guard", "according toLloyd’s List": after
                // "according" only "to" can follow, so "to" glued to the next word is split off.
                if piece.len() > 2
                    && let Some(rest) = piece.strip_prefix("to")
                    && out
                        .last()
                        .is_some_and(|t: &Tok| t.word && t.lower() == "according")
                {
                    out.push(Tok {
                        text: piece.get(..2).unwrap_or(piece),
                        word: true,
                    });
                    push_unglued(&mut out, rest);
                    continue;
                }
                push_unglued(&mut out, piece);
            }
        } else {
            let end = i + c.len_utf8();
            out.push(Tok {
                text: text.get(i..end).unwrap_or(""),
                word: false,
            });
        }
    }
    out
}

/// Cue forms that the corpus's scraper glues to their neighbours ("Brohmsaidin", "whowrote",
/// "saidwas").
#[rustfmt::skip]
const GLUABLE: &[&str] = &[
    "said", "says", "told", "tells", "wrote", "writes", "added", "adds", "posted", "claimed", "stated",
    "noted", "warned", "argued", "announced", "insisted", "called", "emailed", "declared", "shared",
    "reported", "reports",
];

/// Push a word, splitting a glued cue out of it ("Johnsonsaidin" → "Johnson", "said", "in").
fn push_unglued<'a>(out: &mut Vec<Tok<'a>>, word: &'a str) {
    /// Words that may be glued after a cue.
    const AFTER: &[&str] = &[
        "", "in", "the", "his", "her", "that", "on", "at", "all", "it", "a", "was", "were", "is",
        "to", "CNN", "they", "he", "she", "this",
    ];
    /// Lower-case words that may be glued before a cue.
    #[rustfmt::skip]
    const BEFORE: &[&str] = &[
        "who", "and", "he", "she", "it", "they", "which", "also", "have", "has", "had", "later", "earlier", "previously", "then", "recently",
        "he’s", "she’s", "it’s", "he's", "she's", "it's",
    ];
    if word.len() >= 6 && holds_gluable(word) && !GLUABLE.contains(&word) {
        for form in GLUABLE {
            let Some(pos) = find_short(word, form) else {
                continue;
            };
            let (prefix, rest) = word.split_at(pos);
            let suffix = rest.get(form.len()..).unwrap_or("");
            let capitalised_suffix = suffix.len() >= 2
                && is_capitalised(suffix)
                && super::speakers::strip_possessive(suffix)
                    .chars()
                    .all(char::is_alphabetic);
            if !(AFTER.contains(&suffix) || capitalised_suffix)
                || (prefix.is_empty() && suffix.is_empty())
            {
                continue;
            }
            // "Hetold CBS": a pronoun opening the sentence is capitalised.
            let prefix_ok = prefix.is_empty()
                || BEFORE.iter().any(|b| b.eq_ignore_ascii_case(prefix))
                || (prefix.len() >= 3
                    && is_capitalised(prefix)
                    && prefix.chars().all(char::is_alphabetic))
                || (prefix.len() >= 3
                    && !suffix.is_empty()
                    && prefix.chars().all(char::is_alphabetic))
                || super::speakers::is_person_role(prefix)
                || super::speakers::is_org_word(prefix)
                || super::speakers::DESCRIPTOR_HEADS.contains(&prefix);
            if !prefix_ok {
                continue;
            }
            // "he’scalledthe": the contraction ("has") is dropped, leaving the pronoun.
            let prefix = ["’s", "'s"]
                .iter()
                .find_map(|c| prefix.strip_suffix(c))
                .filter(|p| PRONOUNS.contains(p))
                .unwrap_or(prefix);
            for part in [prefix, *form, suffix] {
                if !part.is_empty() {
                    out.push(Tok {
                        text: part,
                        word: true,
                    });
                }
            }
            return;
        }
    }
    out.push(Tok {
        text: word,
        word: true,
    });
}

/// Whether some [`GLUABLE`] form occurs in `word`: a screen that lets nearly every word skip the search
/// form by form in `push_unglued` (which ran for every word of six bytes or more). Only where a word's two
/// bytes open some form are the forms compared.
fn holds_gluable(word: &str) -> bool {
    /// Which byte pairs open a form: bit `first * 256 + second`.
    static OPENINGS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let openings = OPENINGS.get_or_init(|| {
        let mut bits = vec![0u64; 65_536 / 64];
        for form in GLUABLE {
            if let [a, b, ..] = form.as_bytes() {
                let k = usize::from(*a) << 8 | usize::from(*b);
                if let Some(w) = bits.get_mut(k / 64) {
                    *w |= 1 << (k % 64);
                }
            }
        }
        bits
    });
    let bytes = word.as_bytes();
    bytes.windows(2).enumerate().any(|(i, pair)| {
        let &[a, b] = pair else { return false };
        let k = usize::from(a) << 8 | usize::from(b);
        openings
            .get(k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
            && bytes
                .get(i..)
                .is_some_and(|rest| GLUABLE.iter().any(|form| rest.starts_with(form.as_bytes())))
    })
}

/// `haystack.find(needle)` for a short haystack (one word): a plain byte scan. `str::find` sets up a
/// two-way searcher on every call, which callgrind showed as 11% of a full diff's instructions here. A match
/// of a valid UTF-8 needle always starts on a character boundary, so the index is one `find` would return.
fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let Some(&first) = needle.as_bytes().first() else {
        return Some(0);
    };
    // Comparing the first byte before the slices keeps the scan free of a `memcmp` call per position
    // (push_unglued runs this for every cue form over every long word).
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.first() == Some(&first) && w == needle.as_bytes())
}

/// The cue a token starts, if any: `(canonical name, number of tokens it spans)`.
fn cue_at(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    if !t.word {
        return None;
    }
    let lower = t.lower();
    // "per the IRS" is "according to the IRS".
    if lower == "per"
        && toks
            .get(i + 1)
            .is_some_and(|n| n.word && (n.lower() == "the" || is_capitalised(n.text)))
    {
        return Some(("according_to", 1));
    }
    if lower == "according" {
        return toks
            .get(i + 1)
            .filter(|n| n.lower() == "to")
            .map(|_| ("according_to", 2));
    }
    // Cue verbs are lower-case in running text; "Said" at a sentence start is too rare to risk names.
    if is_capitalised(t.text) {
        return None;
    }
    // Verbs of saying with their particle: "spoke of a “handful of tyrants”", "talked about “robbing
    // fans blind”", "as some Cubans refer to them".
    let particle = || toks.get(i + 1).filter(|n| n.word).map(Tok::lower);
    match lower.as_str() {
        "spoke" | "speaks" | "speak" | "speaking" | "talked" | "talks" | "talk" | "talking"
            if particle().is_some_and(|p| matches!(p.as_str(), "of" | "about")) =>
        {
            return Some(("spoke", 2));
        }
        "refer" | "refers" | "referred" | "referring"
            if particle().is_some_and(|p| p.as_str() == "to") =>
        {
            return Some(("referred", 2));
        }
        // "as the committee has pointed out" (not "pointed a gun").
        "point" | "points" | "pointed" | "pointing"
            if particle().is_some_and(|p| p.as_str() == "out") =>
        {
            return Some(("pointed_out", 2));
        }
        // "Another court filing shows a defendant … pleaded guilty to “…”": a written record shows what
        // it says, when nobody before it in the sentence says anything ("Spadaro told CNN Bannon’s
        // messages show a desire to …" is Spadaro's). Anything else showing something ("the video
        // shows", "polls show") says nothing, and "show" is no cue word for phrase scans ("the show
        // said").
        "shows" | "show" | "showed" => {
            let record = i > 0
                && toks
                    .get(i - 1)
                    .is_some_and(|p| p.word && p.lower() != "video" && super::is_document(p.text))
                && !toks
                    .get(..i)
                    .unwrap_or(&[])
                    .iter()
                    .any(|t| t.word && is_cue_word(t.lower()));
            return record.then_some(("showed", 1));
        }
        // "Mayor Andrew Ginther extended his “deepest condolences”": giving someone words of one's own,
        // the quotation right after the possessive (the left context ends there); not "extended the
        // deadline", "offered a “generous” package".
        "extended" | "extends" | "offered" | "offers" | "sent" | "sends"
            if toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower().as_str(),
                    "his" | "her" | "their" | "its" | "our" | "my"
                )
            }) && toks
                .get(i + 2)
                .is_none_or(|n| n.is_punct('“') || n.is_punct('"')) =>
        {
            return Some(("expressed", 1));
        }
        // "Howard Gleckman … has written": the participle after an auxiliary (not "a written statement").
        "written"
            if i > 0
                && toks
                    .get(i - 1)
                    .is_some_and(|p| matches!(p.lower().as_str(), "has" | "have" | "had")) =>
        {
            return Some(("wrote", 1));
        }
        _ => {}
    }
    // Every other cue is a word of the list; the checks below only refuse some of them (most words are
    // no cue at all, so they are looked up first).
    let &(_, canonical) = CUES_LEX.find(&lower)?;
    // "the economy added 130,000 jobs": adding a number is no speech.
    if matches!(lower.as_str(), "added" | "adds" | "adding")
        && toks.get(i + 1).is_some_and(|n| {
            n.text.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || matches!(
                    n.lower().as_str(),
                    "about" | "nearly" | "roughly" | "more" | "fewer" | "another"
                )
        })
    {
        return None;
    }
    // "Iran and the US agreed to “an immediate ceasefire”", "pleaded guilty to …": a cue word before these
    // says no words.
    if NO_SPEECH_AFTER.iter().any(|&(cue, next)| {
        lower == cue
            && toks
                .get(i + 1)
                .is_some_and(|n| next.contains(&n.lower().as_str()))
    }) {
        return None;
    }
    // "Trump claimed in a video posted to social media that …": a document posted or shared somewhere is
    // what a cue before it said, not a cue itself.
    if matches!(lower.as_str(), "posted" | "shared")
        && i > 0
        && toks
            .get(i - 1)
            .is_some_and(|p| p.word && !is_capitalised(p.text) && super::is_document(p.text))
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower().as_str(), "to" | "on" | "in" | "by"))
    {
        return None;
    }
    // "dismissed the rumours as “delusions”" says something; "the court dismissed the claims" does
    // not: "dismissed" is a cue only with its "as".
    if canonical == "dismissed"
        && !toks
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .take(MAX_QUOTED_OBJECT_WORDS + 1)
            .any(|n| n.lower() == "as")
    {
        return None;
    }
    // "continued" and "read" are cues only when nothing follows them ("…,” he continued."), not in
    // "Israel’s continued attacks" or "read the report".
    if matches!(lower.as_str(), "continued" | "continues" | "read" | "reads")
        && toks.get(i + 1).is_some_and(|n| n.word)
    {
        return None;
    }
    // "joined calls for", "handwritten notes", "renewed claims": a cue word that is also a plural noun,
    // after a participle or an adjective, is the noun.
    if matches!(lower.as_str(), "calls" | "notes" | "claims" | "posts")
        && i > 0
        && toks.get(i - 1).is_some_and(|p| {
            let l = p.lower();
            p.word
                && !is_capitalised(p.text)
                && !PRONOUNS.contains(&l.as_str())
                && (["ed", "en", "ing"].iter().any(|end| l.ends_with(end))
                    || matches!(
                        l.as_str(),
                        "new" | "false" | "recent" | "many" | "several" | "fresh"
                    ))
        })
    {
        return None;
    }
    // "the alleged conduct", "a reported attack": a participle right after a determiner modifies a noun;
    // "Carr’s claims were misleading", "the claims": after a determiner or a name's possessive a cue word
    // is a noun. Either way it says nothing.
    if i > 0
        && toks.get(i - 1).is_some_and(|p| {
            matches!(
                p.lower().as_str(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "my"
            ) || (is_capitalised(p.text)
                && (p.text.ends_with("’s") || p.text.ends_with("'s"))
                && !PRONOUNS.contains(&super::speakers::strip_possessive(&p.lower())))
        })
    {
        return None;
    }
    // "When she heard a few laughs", "many whispers": after a quantifier a cue word in -s is a plural
    // noun (a verb after "some" or "many" takes no -s: "some say").
    if i > 0
        && lower.ends_with('s')
        && toks.get(i - 1).is_some_and(|p| {
            matches!(
                p.lower().as_str(),
                "few" | "some" | "many" | "several" | "more" | "no" | "any" | "these" | "those"
            )
        })
    {
        return None;
    }
    Some((canonical, 1))
}

/// Cue words that say nothing before the words listed with them: agreeing to something, a plea in court.
const NO_SPEECH_AFTER: &[(&str, &[&str])] = &[
    ("agreed", &["to", "on", "upon"]),
    ("pleaded", &["guilty", "not", "no"]),
];

/// Whether a word is a cue verb (for stopping noun-phrase scans).
fn is_cue_word(lower: impl AsRef<[u8]>) -> bool {
    CUES_LEX.find(&lower).is_some()
}

/// The subject found for a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// No subject next to the cue ("…, adding that …").
    None,
    /// A personal pronoun ("he"), lower-case.
    Pronoun(String),
    /// A noun phrase as written ("Kremlin spokesperson Dmitry Peskov"); `apposition` when the name came
    /// from an apposition ("said a spokesman, Scott Whiffen").
    Phrase { text: String, apposition: bool },
}

impl Subject {
    /// A noun phrase found in the clause itself, not in an apposition.
    pub(crate) fn phrase(text: String) -> Subject {
        Subject::Phrase {
            text,
            apposition: false,
        }
    }
}

/// "…,” TASS quoted the ministry as saying": the speaker is the one quoted, not the outlet quoting. Only
/// right after the closing mark, within the clause.
fn quoted_as_saying(ctx: &str) -> Option<Found> {
    let clause = ctx.split(['.', ';', '!', '?']).next()?;
    let (_, rest) = clause.split_once(" quoted ")?;
    let (object, _) = rest
        .split_once(" as saying")
        .or_else(|| rest.split_once(" as telling"))?;
    let object = object.trim();
    let words = object.split_whitespace().count();
    if object.is_empty() || words > MAX_QUOTED_OBJECT_WORDS || object.contains(',') {
        return None;
    }
    let subject = match object.to_lowercase().as_str() {
        "him" => Subject::Pronoun("he".to_string()),
        "her" => Subject::Pronoun("she".to_string()),
        "them" => Subject::Pronoun("they".to_string()),
        _ => Subject::phrase(object.to_string()),
    };
    Some(Found {
        cue: "quoted_as_saying",
        subject,
    })
}

/// Longest object of "quoted … as saying" taken as a speaker ("the ministry", "Defense Minister Andrei
/// Belousov"); longer runs are a clause of their own.
const MAX_QUOTED_OBJECT_WORDS: usize = 8;

/// A cue and its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub cue: &'static str,
    pub subject: Subject,
}

/// Lower-case words ending in "ly" that are nouns, not adverbs.
#[rustfmt::skip]
const LY_NOUNS: &[&str] = &[
    "family", "ally", "assembly", "rally", "supply", "monopoly", "anomaly", "bully", "reply", "daily",
    "weekly", "monthly", "quarterly", "homily", "belly", "jelly", "folly",
];

/// Lower-case words ending in "ing" that are no participles: documents ("a court filing says") and
/// "acting" before a title ("acting deputy administrator Adam Stahl said").
const ING_WORDS: &[&str] = &[
    "filing",
    "ruling",
    "posting",
    "listing",
    "recording",
    "acting",
];

fn is_stop(t: &Tok) -> bool {
    let lower_text = t.text;
    if !is_capitalised(lower_text)
        && ((lower_text.ends_with("ly") && !LY_NOUNS.contains(&lower_text))
            || (lower_text.ends_with("ing")
                && lower_text.len() > 5
                && !ING_WORDS.contains(&lower_text))
            || lower_text.ends_with("n’t")
            || lower_text.ends_with("n't"))
    {
        return true;
    }
    // "US", "IT": acronyms, not the pronoun.
    if t.text.chars().count() >= 2 && t.text.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let l = t.lower();
    STOP_LEX.contains(&l) || is_cue_word(&l)
}

/// [`super::speakers::is_first_name_word`] for token `k`: "Will" or "Mar" before a capitalised word.
fn is_first_name_word(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        super::speakers::is_first_name_word(
            t.text,
            toks.get(k + 1)
                .is_some_and(|n| n.word && is_capitalised(n.text)),
        )
    })
}

/// The text of token `k` when it is a word, else "".
fn word_text<'a>(toks: &[Tok<'a>], k: usize) -> &'a str {
    toks.get(k).filter(|t| t.word).map_or("", |t| t.text)
}

fn phrase(toks: &[Tok], start: usize, end: usize) -> String {
    toks.get(start..end)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether token `k` (an "and" or a comma) stands between two job titles: "chairman and CEO",
/// "chairman, CEO and president".
fn joins_titles(toks: &[Tok], k: usize) -> bool {
    let title = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.word && super::speakers::is_title_word(t.text))
    };
    k > 0
        && toks
            .get(k)
            .is_some_and(|t| t.is_punct(',') || t.lower() == "and")
        && title(k - 1)
        && title(k + 1)
}

/// Words at most in a relative clause between a description and its cue ("who’d been in line for about
/// an hour").
const MAX_RELATIVE_CLAUSE_WORDS: usize = 12;

/// Past participles that may stand between a document and "by" its author ("the memo signed by Trump").
#[rustfmt::skip]
const AUTHORING: &[&str] = &[
    "signed", "written", "issued", "authored", "published", "released", "compiled", "prepared",
];

/// Whether the words right before a "by" end a document whose author it introduces ("a report by",
/// "the memo signed by"): how many of them come after the document's head (0, or 1 for a participle).
/// `prev` is the word before "by", `prev2` the one before that.
pub(crate) fn document_before_by(prev: &str, prev2: Option<&str>) -> Option<usize> {
    if super::is_document(prev) {
        return Some(0);
    }
    let participle = AUTHORING.contains(&lower(prev).as_str());
    (participle && prev2.is_some_and(super::is_document)).then_some(1)
}

/// [`document_before_by`] for the "by" at token `k`.
fn authored_by(toks: &[Tok], k: usize) -> Option<usize> {
    if !toks.get(k).is_some_and(|t| t.word && t.lower() == "by") {
        return None;
    }
    let prev = toks.get(k.checked_sub(1)?).filter(|t| t.word)?;
    let prev2 = k
        .checked_sub(2)
        .and_then(|j| toks.get(j))
        .filter(|t| t.word)
        .map(|t| t.text);
    document_before_by(prev.text, prev2)
}

/// The noun phrase that ends just before token `end`, as `(start, end)`.
fn np_backward(toks: &[Tok], end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut i = end;
    let mut words = 0;
    while i > floor && words < MAX_NP_WORDS {
        let Some(t) = toks.get(i - 1) else { break };
        if !t.word {
            break;
        }
        let l = t.lower();
        // "a report by the Central Bank said", "the memo signed by Trump adds": the author belongs to
        // the document's phrase.
        if words > 0
            && let Some(between) = authored_by(toks, i - 1)
            && i > floor + 2 + between
        {
            i -= 1 + between;
            words += 1 + between;
            continue;
        }
        let possessive = matches!(l.as_str(), "his" | "her" | "their" | "its" | "our");
        if possessive && words > 0 {
            // "his family said", "a spokesperson for her campaign said": the possessive opens the phrase.
            i -= 1;
            words += 1;
            let prep_before = i > floor + 1
                && toks
                    .get(i - 1)
                    .is_some_and(|p| p.word && LINK_PREPS.contains(&p.lower().as_str()));
            if prep_before {
                continue;
            }
            break;
        }
        if l == "and" && words > 0 {
            // "Customs and Border Protection", "his parents and stepmother": both sides alike; "chairman
            // and CEO": two titles.
            let right_cap = toks.get(i).is_some_and(|t| is_capitalised(t.text));
            let left = toks.get(i.wrapping_sub(2)).filter(|_| i >= floor + 2);
            let joins = left
                .is_some_and(|w| w.word && !is_stop(w) && is_capitalised(w.text) == right_cap)
                || (i >= floor + 2 && joins_titles(toks, i - 1));
            if joins {
                i -= 1;
                words += 1;
                continue;
            }
            break;
        }
        if DETERMINERS.contains(&l.as_str()) {
            i -= 1;
            words += 1;
            let prep_before = i > floor + 1
                && toks
                    .get(i - 1)
                    .is_some_and(|p| p.word && LINK_PREPS.contains(&p.lower().as_str()))
                && toks.get(i - 2).is_some_and(|w| w.word && !is_stop(w));
            if prep_before || (i > floor + 1 && authored_by(toks, i - 1).is_some()) {
                continue;
            }
            break;
        }
        // "“…,” the Committee to Protect Journalists said": "to" inside a body's name.
        if l == "to"
            && words > 0
            && i >= floor + 2
            && super::speakers::joins_body_name(
                word_text(toks, i - 2),
                "to",
                word_text(toks, i),
                word_text(toks, i + 1),
            )
        {
            i -= 1;
            words += 1;
            continue;
        }
        if LINK_PREPS.contains(&l.as_str()) {
            let joins = words > 0
                && i >= floor + 2
                && toks.get(i - 2).is_some_and(|w| w.word && !is_stop(w));
            if joins {
                i -= 1;
                words += 1;
                continue;
            }
            break;
        }
        // "the noticeably distraught controller": an adverb right after a determiner is inside the phrase.
        let adverb_after_det = l.ends_with("ly")
            && i >= floor + 2
            && toks
                .get(i - 2)
                .is_some_and(|d| DETERMINERS.contains(&d.lower().as_str()));
        // "a top ticketing employee", "the visiting professor": a word in -ing before the noun, after a
        // determiner (and at most one modifier), is a modifier, not a verb.
        let is_det = |j: usize| {
            toks.get(j)
                .is_some_and(|d| DETERMINERS.contains(&d.lower().as_str()))
        };
        let modifier_ing = words > 0
            && l.ends_with("ing")
            && i >= floor + 2
            && (is_det(i - 2)
                || (i >= floor + 3
                    && is_det(i - 3)
                    && toks.get(i - 2).is_some_and(|m| m.word && !is_stop(m))));
        let first_name = words > 0 && is_first_name_word(toks, i - 1);
        if (is_stop(t) && !adverb_after_det && !modifier_ing && !first_name)
            || PRONOUNS.contains(&l.as_str())
        {
            break;
        }
        i -= 1;
        words += 1;
    }
    if words == 0 {
        return None;
    }
    // Start at the first determiner, capitalised word or number: drop stray lower-case words before it.
    let start = (i..end)
        .find(|&j| {
            let after_link = j > i
                && toks
                    .get(j - 1)
                    .is_some_and(|p| LINK_PREPS.contains(&p.lower().as_str()));
            !after_link
                && toks.get(j).is_some_and(|t| {
                    let l = t.lower();
                    DETERMINERS.contains(&l.as_str())
                        || matches!(l.as_str(), "his" | "her" | "their" | "its" | "our")
                        || (is_capitalised(t.text) && !super::speakers::is_not_name_word(t.text))
                        || t.text.starts_with(|c: char| c.is_ascii_digit())
                        || is_first_name_word(toks, j)
                })
        })
        .unwrap_or(i);
    // Sentence-initial words that are no part of a name ("Meanwhile Trump said").
    let start = (start..end)
        .find(|&j| {
            toks.get(j).is_some_and(|t| {
                let l = t.lower();
                DETERMINERS.contains(&l.as_str())
                    || matches!(l.as_str(), "his" | "her" | "their" | "its" | "our")
                    || !(is_capitalised(t.text) && super::speakers::is_not_name_word(t.text))
                    || is_first_name_word(toks, j)
            })
        })
        .unwrap_or(end);
    if start >= end {
        return None;
    }
    // A phrase must not start with a linking preposition.
    let start = (start..end).find(|&j| {
        toks.get(j)
            .is_some_and(|t| !LINK_PREPS.contains(&t.lower().as_str()))
    })?;
    Some((start, end))
}

/// The noun phrase that starts at token `start`, as `(start, end)`.
fn np_forward(toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    let mut i = start;
    let mut words = 0;
    while words < MAX_NP_WORDS {
        let Some(t) = toks.get(i) else { break };
        if !t.word {
            break;
        }
        let l = t.lower();
        // "the Committee to Protect Journalists", "the Council on Foreign Relations": "to" or "on"
        // inside a body's name.
        if matches!(l.as_str(), "to" | "on")
            && words > 0
            && super::speakers::joins_body_name(
                word_text(toks, i - 1),
                &l,
                word_text(toks, i + 1),
                word_text(toks, i + 2),
            )
        {
            i += 1;
            words += 1;
            continue;
        }
        // "said Faith and Julius Melegrito": a first name and a full name, sharing its surname.
        if l == "and"
            && words == 1
            && toks.get(i - 1).is_some_and(|t| {
                is_capitalised(t.text)
                    && !super::speakers::is_not_name_word(t.text)
                    && !super::speakers::is_org_word(t.text)
                    && !super::speakers::is_title_word(t.text)
                    && !super::speakers::is_place(t.text)
            })
            && toks
                .get(i + 1)
                .is_some_and(|t| t.word && super::speakers::is_known_first_name(t.text))
            && toks
                .get(i + 2)
                .is_some_and(|t| t.word && is_capitalised(t.text))
        {
            i += 1;
            words += 1;
            continue;
        }
        // "according to a report by the Central Bank", "a letter signed by the mayor".
        if words > 0 {
            let by_next = usize::from(AUTHORING.contains(&l.as_str()));
            if authored_by(toks, i + by_next).is_some() {
                i += 1 + by_next;
                words += 1 + by_next;
                continue;
            }
        }
        // A stop word ends the phrase, but not "Will" of "Will Moy", nor the "and" of "chairman and CEO".
        let stops =
            is_stop(t) && !is_first_name_word(toks, i) && !(words > 0 && joins_titles(toks, i));
        let prep = matches!(l.as_str(), "with" | "of" | "for" | "from");
        if prep {
            let joins = words > 0
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.word && !is_stop(n) && !is_skippable(n));
            if !joins {
                break;
            }
        } else if l == "in"
            && words > 0
            && toks
                .get(i.wrapping_sub(1))
                .is_some_and(|p| super::speakers::ANONYMOUS_HEADS.contains(&p.lower().as_str()))
            && toks
                .get(i + 1)
                .is_some_and(|n| n.lower() == "the" || is_capitalised(n.text))
        {
            // "said another person in the room", "an official in the administration": where an
            // anonymous source stands is part of its description.
            i += 1;
            words += 1;
            continue;
        } else if matches!(l.as_str(), "in" | "on" | "at")
            || (DETERMINERS.contains(&l.as_str())
                && words > 0
                && !toks
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| LINK_PREPS.contains(&p.lower().as_str()))
                && authored_by(toks, i.wrapping_sub(1)).is_none())
            || (stops
                && !(words > 0 && DETERMINERS.contains(&l.as_str()))
                && !(words == 0 && matches!(l.as_str(), "his" | "her" | "their" | "its" | "our")))
            || (words == 0 && is_skippable(t) && !is_first_name_word(toks, i))
            || PRONOUNS.contains(&l.as_str())
        {
            break;
        }
        i += 1;
        words += 1;
    }
    // Drop a trailing preposition or determiner.
    while i > start
        && toks.get(i - 1).is_some_and(|t| {
            let l = t.lower();
            matches!(l.as_str(), "with" | "of" | "for" | "from")
                || DETERMINERS.contains(&l.as_str())
        })
    {
        i -= 1;
    }
    (i > start).then_some((start, i))
}

fn is_name_phrase(toks: &[Tok], start: usize, end: usize) -> bool {
    toks.get(start..end).is_some_and(|ts| {
        !ts.is_empty()
            && ts.last().is_some_and(|t| is_capitalised(t.text))
            && !DETERMINERS.contains(&ts.first().map(|t| t.lower()).unwrap_or_default().as_str())
    })
}

/// Lower-case words that qualify a title between the capitalised words of a subject ("Iran’s new Supreme
/// Leader Mojtaba Khamenei", "the company’s longtime chief executive Ann Lee").
const TITLE_MODIFIERS: &[&str] = &[
    "new", "incoming", "outgoing", "longtime", "interim", "current",
];

/// Common past tenses not in -ed, which end a subject as a verb does ("one fan in a red scarf held …").
/// Cue verbs ("said", "told", "wrote") are not listed: every cue already ends a subject.
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "held", "wore", "bore", "took", "gave", "made", "brought", "led", "put", "set", "stood", "sat", "kept",
    "left", "sent", "won", "lost", "got", "saw", "went", "came", "ran", "began", "spoke", "met", "found",
    "paid", "sold", "thought", "felt", "knew", "became", "built", "hung", "drew",
];

/// The noun phrase that opens the clause starting at `floor` (before `limit`): a determiner and the words
/// up to the first verb-like word, or a run of capitalised words ("US Defense Secretary Pete Hegseth").
/// Where a sentence's subject may start, from token `s`: past a conjunction opening the sentence ("But
/// Talarico has used …", "And he downplayed …"), which is not part of it.
fn past_opening_conjunction(toks: &[Tok], s: usize) -> usize {
    let conjunction = toks.get(s).is_some_and(|t| {
        matches!(t.text, "But" | "And" | "Yet" | "So" | "Or")
            && toks.get(s + 1).is_some_and(|n| n.word)
    });
    let s = s + usize::from(conjunction);
    // "But perhaps Henry Blackaby … puts it best": a sentence adverb after the conjunction.
    let adverb = conjunction
        && toks.get(s).is_some_and(|t| {
            matches!(
                t.text,
                "perhaps" | "maybe" | "then" | "now" | "still" | "also"
            ) && toks
                .get(s + 1)
                .is_some_and(|n| n.word && is_capitalised(n.text))
        });
    s + usize::from(adverb)
}

/// Where a sentence's subject starts, from `floor`, looking no further than `limit`: past an opening
/// conjunction and an opening adverbial or subordinate clause ("Meanwhile,", "On Monday,", "As protests
/// grew,"). A pronoun subject opens no clause to skip ("He noted that the plant in Abqaiq, Saudi Arabia,
/// …"). `None` when an opening clause runs past `limit` without its comma ("While praising his
/// grandfather" of "While praising his grandfather, Sandro Castro refused …"): the subject is not reached.
fn subject_start(toks: &[Tok], floor: usize, limit: usize) -> Option<usize> {
    /// Words an opening phrase of time takes at most ("Three years later,").
    const MAX_TIME_PHRASE_WORDS: usize = 4;
    let s = past_opening_conjunction(toks, floor);
    let t = toks.get(s)?;
    let lower = t.lower();
    let comma = || (s..limit).find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',')));
    // "Three years later, he …": a phrase of time opened by a number is no subject.
    if DETERMINERS.contains(&lower.as_str())
        && let Some(c) = comma()
        && c > s + 1
        && c - s <= MAX_TIME_PHRASE_WORDS
        && toks.get(c - 1).is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "later" | "ago" | "earlier" | "afterward" | "afterwards"
            )
        })
    {
        return Some(c + 1);
    }
    // "Second, the Fed will reinvest …": an ordinal opening a point of a list is no name.
    let ordinal = matches!(
        lower.as_str(),
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "firstly"
            | "secondly"
            | "thirdly"
            | "lastly"
    ) && toks.get(s + 1).is_some_and(|n| n.is_punct(','));
    if PRONOUNS.contains(&lower.as_str())
        || DETERMINERS.contains(&lower.as_str())
        || !(super::speakers::is_not_name_word(t.text) || ordinal)
    {
        return Some(s);
    }
    match comma() {
        Some(comma) => Some(comma + 1),
        None if is_subordinator(t) => None,
        None => Some(s),
    }
}

fn sentence_subject(toks: &[Tok], floor: usize, limit: usize) -> Option<(usize, usize)> {
    let s = subject_start(toks, floor, limit)?;
    let first = toks.get(s)?;
    if PRONOUNS.contains(&first.lower().as_str()) {
        return None;
    }
    if !first.word {
        return None;
    }
    // "More than 50 former staffers", "At least two officials": a quantifier opens the phrase as a
    // determiner does.
    let quantifier = match (
        first.lower().as_str(),
        toks.get(s + 1).map(Tok::lower).as_deref(),
    ) {
        ("more" | "fewer" | "less", Some("than")) | ("at", Some("least" | "most")) => true,
        ("nearly" | "almost" | "about" | "roughly" | "over", _) => toks
            .get(s + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())),
        _ => false,
    };
    // "On Tuesday, his brother Ahmad Habibi welcomed …": a possessive pronoun opens a phrase as a
    // determiner does.
    let possessive = matches!(first.lower().as_str(), "his" | "her" | "their");
    let mut e = s;
    if quantifier || possessive || DETERMINERS.contains(&first.lower().as_str()) {
        if quantifier
            && toks
                .get(s + 1)
                .is_some_and(|n| !n.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            e += 1;
        }
        e += 1;
        // A word in -ed is the verb, unless a determiner stands before it ("a retired officer", "a red
        // scarf").
        let adjective = |e: usize| {
            e > 0
                && toks
                    .get(e - 1)
                    .is_some_and(|p| DETERMINERS.contains(&p.lower().as_str()))
        };
        while e < limit
            && e - s < MAX_NP_WORDS
            && toks.get(e).is_some_and(|t| {
                t.word
                    && !is_stop(t)
                    && (!t.text.ends_with("ed") || adjective(e))
                    && !IRREGULAR_PAST.contains(&t.lower().as_str())
                    && !is_skippable(t)
            })
        {
            e += 1;
        }
    } else {
        // Capitalised words, and lower-case titles between them ("White House press secretary Karoline
        // Leavitt").
        let mut last_cap = s;
        while e < limit && e - s < MAX_NP_WORDS {
            let Some(t) = toks.get(e) else { break };
            let cap = t.word && is_capitalised(t.text) && !is_skippable(t);
            // "Secretary of State Marco Rubio", "Department of Justice": "of" inside a name or title;
            // "Iran’s new Supreme Leader Mojtaba Khamenei": a lower-case modifier of a title.
            let title = t.word
                && (super::speakers::is_title_word(t.text)
                    || TITLE_MODIFIERS.contains(&t.text)
                    || (t.text == "of"
                        && e > s
                        && toks
                            .get(e + 1)
                            .is_some_and(|n| n.word && is_capitalised(n.text))));
            // "Prianna Weathers’ mother": a relation after a name's possessive ends the phrase.
            let relative = t.word
                && super::speakers::kin_pronoun(t.text).is_some()
                && e > s
                && toks.get(e - 1).is_some_and(|p| {
                    is_capitalised(p.text) && super::speakers::strip_possessive(p.text) != p.text
                });
            if relative {
                last_cap = e + 1;
                break;
            }
            if cap {
                last_cap = e + 1;
            } else if !title {
                break;
            }
            e += 1;
        }
        e = last_cap.max(s);
    }
    if e <= s {
        return None;
    }
    // "Shah Alam’s wife, Fatimah Abdul Roshid, appeared …": a role or relation with the full name in
    // apposition after it is that person.
    let described = toks
        .get(e - 1)
        .is_some_and(|h| h.word && !is_capitalised(h.text));
    if described && let Some(name) = apposed_name(toks, e, limit) {
        return Some(name);
    }
    Some((s, e))
}

/// A person's full name set off by commas right after the phrase that ends before token `end`, within
/// `limit` ("his sister, Elizabeth Marzan, as"), lower-case titles before it allowed and a bracket after
/// it ("Steenburgen’s son, filmmaker Charlie McDowell (“The Discovery”), also"): `(start, end)` of the
/// name.
fn apposed_name(toks: &[Tok], end: usize, limit: usize) -> Option<(usize, usize)> {
    if end >= limit || !toks.get(end).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    let (ns, ne) = np_forward(toks, end + 1)?;
    let ns = (ns..ne)
        .find(|&k| {
            toks.get(k)
                .is_some_and(|t| is_capitalised(t.text) || !super::speakers::is_title_word(t.text))
        })
        .unwrap_or(ne);
    (ne >= ns + 2
        && ne < limit
        && toks
            .get(ne)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('('))
        && toks
            .get(ns..ne)
            .is_some_and(|ts| ts.iter().all(|t| is_capitalised(t.text)))
        && super::speakers::sort_of(&phrase(toks, ns, ne)) == super::speakers::SpeakerSort::Person)
        .then_some((ns, ne))
}

/// The subject after token `start` ("said a spokesman, Scott Whiffen", "according to X").
fn subject_after(toks: &[Tok], start: usize) -> Subject {
    let Some((s, e)) = np_forward(toks, start) else {
        return Subject::None;
    };
    // A document as the source ("according to a statement from the White House"): the body behind it.
    #[rustfmt::skip]
    const DOCUMENTS: &[&str] = &[
        "statement", "statements", "report", "release", "post", "letter", "memo", "filing", "email",
    ];
    for k in s..e {
        let is_doc = toks
            .get(k)
            .is_some_and(|t| DOCUMENTS.contains(&t.lower().as_str()));
        let from = toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.lower().as_str(), "from" | "by" | "of"));
        if is_doc && from && k + 2 < e {
            return Subject::phrase(phrase(toks, k + 2, e));
        }
    }
    // Apposition: "a spokesman, Scott Whiffen".
    if toks.get(e).is_some_and(|t| t.is_punct(','))
        && !is_name_phrase(toks, s, e)
        && let Some((s2, e2)) = np_forward(toks, e + 1)
    {
        let ends = toks.get(e2).is_none_or(|t| !t.word);
        if ends && is_name_phrase(toks, s2, e2) {
            return Subject::Phrase {
                text: phrase(toks, s2, e2),
                apposition: true,
            };
        }
    }
    Subject::phrase(phrase(toks, s, e))
}

/// Where the party tag that ends at `end` opens, in American style: ", D-Minn.," or "(R-Texas)" or "(R)",
/// the party's initial, then, after a hyphen, the state. `None` when `toks[..end]` does not end with one.
fn party_tag_start(toks: &[Tok], end: usize, floor: usize) -> Option<usize> {
    let closer = toks.get(end.checked_sub(1)?)?;
    let opener = if closer.is_punct(')') {
        '('
    } else if closer.is_punct(',') {
        ','
    } else {
        return None;
    };
    // The tag, then at most the full stop of the state's abbreviation.
    let mut i = end - 1;
    if i > floor && toks.get(i - 1).is_some_and(|t| t.is_punct('.')) {
        i -= 1;
    }
    let tag = toks.get(i.checked_sub(1)?).filter(|t| t.word)?;
    let open = i.checked_sub(2).filter(|&o| o >= floor)?;
    let (party, state) = tag.text.split_once('-').unwrap_or((tag.text, ""));
    let party_ok = matches!(party, "D" | "R" | "I");
    let state_ok = state.is_empty() && opener == '('
        || state.chars().next().is_some_and(char::is_uppercase)
            && state.chars().all(|c| c.is_alphabetic() || c == '.');
    (party_ok && state_ok && toks.get(open).is_some_and(|t| t.is_punct(opener))).then_some(open)
}

/// The subject before the cue at token `cue` (not looking before token `floor`), with the index of its
/// first token.
fn subject_before(toks: &[Tok], cue: usize, floor: usize) -> (Subject, usize) {
    let mut k = cue;
    // A participle ("…, adding", "…, saying") has no subject of its own: it shares the sentence's, which
    // is the noun phrase that opens it ("Trump struck a similar note, telling CNN …").
    if toks.get(cue).is_some_and(|t| t.text.ends_with("ing")) {
        // "a voice is heard saying “…”", "he can be heard saying": the one heard is the one saying it.
        if cue > floor + 1 && toks.get(cue - 1).is_some_and(|t| t.lower() == "heard") {
            let mut j = cue - 1;
            while j > floor
                && toks.get(j - 1).is_some_and(|t| {
                    matches!(
                        t.lower().as_str(),
                        "is" | "was" | "were" | "are" | "be" | "been" | "can" | "could"
                    )
                })
            {
                j -= 1;
            }
            if j < cue - 1 {
                if let Some(at) = j.checked_sub(1)
                    && let Some(t) = toks
                        .get(at)
                        .filter(|t| t.word && PRONOUNS.contains(&t.lower().as_str()))
                {
                    return (Subject::Pronoun(t.lower().to_string()), at);
                }
                if let Some((s, e)) = np_backward(toks, j, floor) {
                    return (Subject::phrase(phrase(toks, s, e)), s);
                }
            }
        }
        // "with US Defense Secretary Pete Hegseth telling media that …": a name after "with", right
        // before the participle, is its own subject (not "emailed Maxwell asking", where the name is
        // the object).
        if cue > floor
            && toks.get(cue - 1).is_some_and(|t| {
                t.word
                    && is_capitalised(t.text)
                    && !super::speakers::is_calendar_word(t.text)
                    && !super::speakers::is_not_name_word(t.text)
            })
            && let Some((s, e)) = np_backward(toks, cue, floor)
            && is_name_phrase(toks, s, e)
            && s > floor
            && toks.get(s - 1).is_some_and(|t| t.lower() == "with")
        {
            return (Subject::phrase(phrase(toks, s, e)), s);
        }
        // "the US military said, adding": the earlier cue's subject is the participle's.
        if (floor..cue).any(|i| cue_at(toks, i).is_some()) {
            return (Subject::None, cue);
        }
        // "Netanyahu’s Likud party, which tried to rally support by saying …": inside a relative clause
        // the participle shares the clause's subject, the noun phrase before ", which".
        if let Some(which) = (floor + 1..cue).rev().find(|&i| {
            toks.get(i)
                .is_some_and(|t| t.word && matches!(t.lower().as_str(), "which" | "who"))
                && toks.get(i - 1).is_some_and(|c| c.is_punct(','))
        }) && let Some((s, e)) = np_backward(toks, which - 1, floor)
        {
            // "Reza Pahlavi, the son of Iran’s ousted shah, who …": the name the description is set
            // beside.
            if toks
                .get(s)
                .is_some_and(|t| DETERMINERS.contains(&t.lower().as_str()))
                && s > floor + 1
                && toks.get(s - 1).is_some_and(|c| c.is_punct(','))
            {
                let ne = s - 1;
                let ns = (floor..ne)
                    .rev()
                    .take_while(|&k| {
                        toks.get(k)
                            .is_some_and(|t| t.word && is_capitalised(t.text))
                    })
                    .last()
                    .unwrap_or(ne);
                if ne >= ns + 2
                    && super::speakers::sort_of(&phrase(toks, ns, ne))
                        == super::speakers::SpeakerSort::Person
                {
                    return (Subject::phrase(phrase(toks, ns, ne)), ns);
                }
            }
            return (Subject::phrase(phrase(toks, s, e)), s);
        }
        return match sentence_subject(toks, floor, cue) {
            Some((s, e)) => (Subject::phrase(phrase(toks, s, e)), s),
            None => (Subject::None, cue),
        };
    }
    // "was told" is passive: the subject heard, not spoke.
    if toks.get(cue).is_some_and(|t| t.lower() == "told")
        && k > floor
        && toks.get(k - 1).is_some_and(|t| {
            matches!(
                t.lower().as_str(),
                "was" | "were" | "been" | "being" | "be" | "is" | "are"
            )
        })
    {
        return (Subject::None, cue);
    }
    while k > floor && toks.get(k - 1).is_some_and(|t| t.word && is_skippable(t)) {
        k -= 1;
    }
    // "Brooke tearfully asked", "he quietly said": an adverb in -ly between the name or pronoun that opens
    // the clause and the cue (not "the embassy in the US briefly shared", where the name ends a longer
    // phrase).
    if k >= floor + 2
        && toks.get(k - 1).is_some_and(is_manner_adverb)
        && toks.get(k - 2).is_some_and(|t| {
            t.word && (is_capitalised(t.text) || PRONOUNS.contains(&t.lower().as_str()))
        })
        && np_backward(toks, k - 1, floor)
            .is_some_and(|(s, _)| s == floor || toks.get(s - 1).is_some_and(|t| !t.word))
    {
        k -= 1;
    }
    // Infinitive: "declined to say", "refused to comment" — not an attribution; but "Trump continued to
    // accuse", "went on to say" are the subject's words.
    if k > floor && toks.get(k - 1).is_some_and(|t| t.lower() == "to") {
        let carries = k >= floor + 2
            && toks.get(k - 2).is_some_and(|t| {
                matches!(
                    t.lower().as_str(),
                    "continued"
                        | "continues"
                        | "went"
                        | "goes"
                        | "on"
                        | "proceeded"
                        | "repeated"
                        | "seemed"
                        | "appeared"
                        | "appears"
                        | "seems"
                        // "Warsh plans to tell senators", "she is expected to say": words prepared
                        // for the subject to say are the subject's.
                        | "plans"
                        | "planned"
                        | "plan"
                        | "intends"
                        | "intended"
                        | "expected"
                        | "scheduled"
                )
            });
        if !carries {
            return (Subject::None, cue);
        }
        k -= 2;
        while k > floor
            && toks.get(k - 1).is_some_and(|t| {
                t.word
                    && (is_skippable(t)
                        || matches!(t.lower().as_str(), "went" | "is" | "was" | "are" | "were"))
            })
        {
            k -= 1;
        }
    }
    // "an assessment from the Defense Intelligence Agency (DIA) from 2025 said": a date after the
    // subject is no part of it.
    while k >= floor + 2
        && toks
            .get(k - 1)
            .is_some_and(|t| t.word && t.text.chars().all(|c| c.is_ascii_digit()))
        && toks
            .get(k - 2)
            .is_some_and(|t| matches!(t.lower().as_str(), "from" | "in" | "of"))
    {
        k -= 2;
    }
    // "Rep. Ilhan Omar, D-Minn., said", "Gov. Greg Abbott (R) said": a party tag after the name is no
    // part of the subject.
    if let Some(open) = party_tag_start(toks, k, floor) {
        k = open;
    }
    if k == floor {
        return (Subject::None, k);
    }
    let Some(prev) = toks.get(k - 1) else {
        return (Subject::None, k);
    };
    if prev.word && PRONOUNS.contains(&prev.lower().as_str()) {
        return (Subject::Pronoun(prev.lower().to_string()), k - 1);
    }
    // "Ukraine’s anti-corruption bureau (NABU) said": the acronym in brackets names the body.
    if prev.is_punct(')')
        && k >= floor + 3
        && toks.get(k - 3).is_some_and(|t| t.is_punct('('))
        && let Some(acronym) = toks.get(k - 2).filter(|t| {
            t.word && t.text.chars().count() >= 2 && t.text.chars().all(char::is_uppercase)
        })
    {
        let start = np_backward(toks, k - 3, floor).map_or(k - 3, |(s, _)| s);
        // "a spokesperson for the Universities and Colleges Employers’ Association (UCEA) said": the
        // acronym is the body's; the one who spoke is the person described.
        let described = toks.get(start..k - 3).unwrap_or(&[]);
        let person = (described.len() > 2
            && described
                .first()
                .is_some_and(|t| matches!(t.lower().as_str(), "a" | "an")))
        .then(|| phrase(toks, start, k - 3))
        .filter(|text| super::speakers::has_role_head(text));
        if let Some(person) = person {
            return (Subject::phrase(person), start);
        }
        return (Subject::phrase(acronym.text.to_string()), start);
    }
    // "a career Army officer who described the call as “improper”": a restrictive relative clause's
    // subject is the noun phrase before "who".
    // "Senator James Lankford, an Oklahoma Republican who warned of …": a description in apposition
    // after a name is that person.
    if prev.word
        && prev.lower() == "who"
        && k >= floor + 2
        && toks.get(k - 2).is_some_and(|t| t.word)
        && let Some((s, e)) = np_backward(toks, k - 1, floor)
    {
        if toks
            .get(s)
            .is_some_and(|t| matches!(t.lower().as_str(), "a" | "an"))
            && s > floor + 1
            && toks.get(s - 1).is_some_and(|t| t.is_punct(','))
            && let Some((ns, ne)) = np_backward(toks, s - 1, floor)
            && is_name_phrase(toks, ns, ne)
        {
            return (Subject::phrase(phrase(toks, ns, ne)), ns);
        }
        return (Subject::phrase(phrase(toks, s, e)), s);
    }
    // "Rep. Joaquin Castro, who wrote on X": the subject is the noun phrase before ", who".
    if prev.word
        && matches!(prev.lower().as_str(), "who" | "which")
        && k >= floor + 2
        && toks.get(k - 2).is_some_and(|t| t.is_punct(','))
        && let Some((s, e)) = np_backward(toks, k - 2, floor)
    {
        return (Subject::phrase(phrase(toks, s, e)), s);
    }
    // "Abel Mwansa, Sr. told CBC": the suffix belongs to the name before the comma.
    if prev.word
        && matches!(
            prev.lower().trim_end_matches('.'),
            "sr" | "jr" | "ii" | "iii"
        )
        && k >= floor + 2
        && toks.get(k - 2).is_some_and(|t| t.is_punct(','))
        && let Some((s, e)) = np_backward(toks, k - 2, floor)
    {
        return (Subject::phrase(phrase(toks, s, e)), s);
    }
    if prev.is_punct(',') {
        // Apposition or relative clause between commas: "Scott Whiffen, a spokesman, said";
        // "Peskov, who spoke to reporters, said".
        let a_end = k - 1;
        let mut a_start = a_end;
        while a_start > floor && a_end - a_start < 25 {
            match toks.get(a_start - 1) {
                Some(t) if t.is_punct(',') => break,
                // Hyphens, apostrophes and the signs of amounts ("$1,500,000", "5%") stay inside.
                Some(t)
                    if !t.word
                        && !['-', '’', '$', '€', '£', '%']
                            .iter()
                            .any(|&c| t.is_punct(c)) =>
                {
                    a_start = floor;
                    break;
                }
                _ => a_start -= 1,
            }
        }
        // "The Institute for the Study of War (ISW), a Washington-based think tank, said": the name
        // before its bracketed acronym.
        let mut name_end = a_start.saturating_sub(1);
        let bracketed = name_end >= floor + 3
            && toks.get(name_end - 1).is_some_and(|t| t.is_punct(')'))
            && toks.get(name_end - 3).is_some_and(|t| t.is_punct('('));
        if bracketed {
            name_end -= 3;
        }
        if a_start > floor
            && toks.get(a_start - 1).is_some_and(|t| t.is_punct(','))
            && let Some((bs, be)) = np_backward(toks, name_end, floor)
            && (is_name_phrase(toks, bs, be)
                || (bracketed && is_name_phrase(toks, bs + 1, be))
                // "The UFW Foundation, a nonprofit …, said": a body's name after "the".
                || (toks.get(bs).is_some_and(|t| t.lower() == "the")
                    && be > bs + 1
                    && is_name_phrase(toks, bs + 1, be)
                    && toks
                        .get(bs + 1..be)
                        .is_some_and(|ts| ts.iter().all(|t| is_capitalised(t.text))))
                || toks
                    .get(a_start)
                    .is_some_and(|t| matches!(t.lower().as_str(), "who" | "which" | "whose")))
        {
            // "Beau Busch, President of FIFPRO Asia/Oceania, which represents players, told": the body
            // before "which" ends a title in apposition; the name before the title speaks.
            // So does "Juan Gutierrez, executive director of the Full Rights Coalition, who worked with
            // Chavez, said": the person before a lower-case role in apposition.
            let relative = toks
                .get(a_start)
                .is_some_and(|t| matches!(t.lower().as_str(), "which" | "who"));
            if relative
                && let Some(title_comma) = (floor..a_start.saturating_sub(1))
                    .rev()
                    .find(|&j| toks.get(j).is_some_and(|t| t.is_punct(',')))
                && title_comma < bs
                && toks.get(title_comma + 1).is_some_and(|t| {
                    t.word && (super::speakers::is_title_word(t.text) || !is_capitalised(t.text))
                })
                && let Some(named) = clause_opening_name(toks, title_comma, floor)
            {
                return named;
            }
            return (Subject::phrase(phrase(toks, bs, be)), bs);
        }
        // An apposition with commas of its own ("Montgomery, himself a father, grandfather and
        // great-grandfather, said"): the name before an earlier comma, up to three back.
        let mut c = a_start;
        for _ in 0..3 {
            let Some(prev_comma) = (floor..c.saturating_sub(1))
                .rev()
                .find(|&j| toks.get(j).is_some_and(|t| t.is_punct(',')))
            else {
                break;
            };
            if let Some(named) = clause_opening_name(toks, prev_comma, floor) {
                return named;
            }
            c = prev_comma;
        }
        if let Some((s, e)) = np_backward(toks, a_end, a_start)
            && s == a_start
        {
            // "his wife, Heather Nicole, wrote": the name, but the phrase starts at "his wife".
            let start = if a_start > floor && toks.get(a_start - 1).is_some_and(|t| t.is_punct(','))
            {
                np_backward(toks, a_start - 1, floor).map_or(s, |(bs, _)| bs)
            } else {
                s
            };
            return (
                Subject::Phrase {
                    text: phrase(toks, s, e),
                    apposition: start != s,
                },
                start,
            );
        }
        return (Subject::None, k);
    }
    // "another traveler who’d been in line for about an hour told WPLG": an unnamed person described with
    // a relative clause that runs up to the cue, the clause and all.
    if let Some(who) = (floor..k)
        .rev()
        .take(MAX_RELATIVE_CLAUSE_WORDS)
        .take_while(|&j| toks.get(j).is_some_and(|t| t.word))
        .find(|&j| {
            toks.get(j).is_some_and(|t| {
                matches!(
                    t.lower().replace('’', "'").as_str(),
                    "who" | "who'd" | "who's" | "who've"
                )
            })
        })
        && who + 1 < k
        && let Some((s, e)) = np_backward(toks, who, floor)
        && e == who
        && toks
            .get(s)
            .is_some_and(|t| DETERMINERS.contains(&t.lower().as_str()))
    {
        return (Subject::phrase(phrase(toks, s, k)), s);
    }
    match np_backward(toks, k, floor) {
        Some((s, e)) => {
            // "Andy Piazza, senior director of threat intelligence at Unit 42 told CNN": an apposition
            // whose closing comma was left out; the name before it speaks.
            if s > floor + 1
                && toks.get(s - 1).is_some_and(|t| t.is_punct(','))
                && toks.get(s).is_some_and(|t| !is_capitalised(t.text))
                && let Some(named) = clause_opening_name(toks, s - 1, floor)
            {
                return named;
            }
            // "…, a decision Beijing decried as “…”": a name after a thing's noun, inside the sentence,
            // is the subject of a relative clause without "that"; the thing is its object. Not "the
            // employee Ben Baker", an apposition to a person's role, nor "“…,” the fake Trump tells
            // the real Castro", a phrase that opens its clause.
            let name_start = (s..e)
                .rev()
                .take_while(|&j| toks.get(j).is_some_and(|t| is_capitalised(t.text)))
                .last();
            if let Some(n) = name_start
                && n >= s + 2
                && s > floor
                && toks
                    .get(s)
                    .is_some_and(|t| DETERMINERS.contains(&t.lower().as_str()))
                && toks.get(n - 1).is_some_and(|t| {
                    let l = t.lower();
                    t.word
                        && !is_capitalised(t.text)
                        && !super::speakers::is_person_role(&l)
                        && !super::speakers::DESCRIPTOR_HEADS_LEX.contains(&l)
                        && !LINK_PREPS.contains(&l.as_str())
                        && !matches!(l.as_str(), "and" | "of")
                })
                && toks.get(n..e).is_some_and(|ts| {
                    ts.iter()
                        .all(|t| !super::speakers::is_calendar_word(t.text))
                })
            {
                return (Subject::phrase(phrase(toks, n, e)), n);
            }
            (Subject::phrase(phrase(toks, s, e)), s)
        }
        None => (Subject::None, k),
    }
}

/// Attribution after a quotation: `ctx` is the text from just after the closing mark to the end of the
/// sentence. `after_full_stop` is true when the quotation ended with a full stop, so a capitalised word
/// after it more likely starts a new sentence.
pub(crate) fn right_attribution(window: &Window, after_full_stop: bool) -> Option<Found> {
    let ctx = window.text;
    if let Some(found) = quoted_as_saying(ctx) {
        return Some(found);
    }
    // "“…” Marcus Semien — a 35-year-old second baseman — said": an apposition set off by dashes
    // between the subject and its cue is read past.
    if let Some((before, rest)) = ctx.split_once(" — ")
        && let Some((aside, after)) = rest.split_once(" — ")
        && !aside.contains(['.', '“', '”'])
        && !before.contains(['.', '“', '”'])
    {
        let joined = format!("{before} {after}");
        if let Some(found) = right_attribution_plain(&Window::new(&joined), after_full_stop) {
            return Some(found);
        }
    }
    right_attribution_plain(window, after_full_stop)
}

/// [`right_attribution`] without reading past dashed asides.
fn right_attribution_plain(window: &Window, after_full_stop: bool) -> Option<Found> {
    let (ctx, toks) = (window.text, &window.toks);
    let first = toks.iter().position(|t| {
        t.word || t.is_punct('.') || t.is_punct(';') || t.is_punct('(') || t.is_punct('“')
    })?;
    let first_tok = toks.get(first)?;
    if !first_tok.word {
        return None;
    }
    // After a full stop inside the marks a capitalised word starts a new sentence, unless the rest is
    // only "Napolitano said." (a comma misprinted as a full stop).
    let new_sentence = after_full_stop && is_capitalised(first_tok.text);
    if new_sentence {
        let words: Vec<&Tok> = toks.iter().filter(|t| t.word).collect();
        let short = words.len() <= 4
            && words.iter().any(|t| cue_at(&[**t], 0).is_some())
            && ctx.trim_end().ends_with(['.', '!', '?']);
        if !short {
            return None;
        }
    }
    let mut words = 0;
    for i in first..toks.len() {
        let t = toks.get(i)?;
        if !t.word {
            if t.is_punct('.')
                || t.is_punct(';')
                || t.is_punct(':')
                || t.is_punct('?')
                || t.is_punct('!')
            {
                return None;
            }
            continue;
        }
        words += 1;
        if words > MAX_RIGHT_CUE_WORDS {
            return None;
        }
        // "“…,” comments Robin Biesbroek of the CDF": "comments" is a cue only inverted right after the
        // quotation; elsewhere it is mostly the noun ("made sexual comments").
        if i == first && t.lower() == "comments" {
            return Some(Found {
                cue: "commented",
                subject: subject_after(toks, i + 1),
            });
        }
        let Some((cue, span)) = cue_at(toks, i) else {
            continue;
        };
        if cue == "according_to" {
            // Right after the quote, or closing its clause after a comma ("“many” have since been
            // released, according to Garcia").
            let after_comma = i > 0 && toks.get(i - 1).is_some_and(|p| p.is_punct(','));
            if i != first && !after_comma {
                return None;
            }
            return Some(Found {
                cue,
                subject: subject_after(toks, i + span),
            });
        }
        if i == first {
            // "“…,” said Dmitry Peskov" (not "told CNN": the object of "told" is the listener).
            if !INVERTIBLE.contains(&cue) || t.text.ends_with("ing") {
                return None;
            }
            return Some(Found {
                cue,
                subject: subject_after(toks, i + span),
            });
        }
        if let Some(subject) = inverted_after_comma(toks, i, cue, span) {
            return Some(Found { cue, subject });
        }
        // "“…,” police say Brian Hooker told them": the person the cue's subject says spoke.
        if cue == "said"
            && let Some((s, e)) = np_forward(toks, i + span)
            && is_name_phrase(toks, s, e)
            && let Some(("told" | "said", _)) = cue_at(toks, e)
        {
            return Some(Found {
                cue: "told",
                subject: Subject::phrase(phrase(toks, s, e)),
            });
        }
        let (subject, start) = subject_before(toks, i, first);
        // "then-Suffolk County Police Commissioner Geraldine Hart told reporters": a lower-case prefix
        // of the phrase is still its start. "“…,” as he said before the game": "as" opens the attribution.
        let prefixed = start == first + 1
            && toks.get(first).is_some_and(|t| {
                t.text.contains('-')
                    || matches!(t.lower().as_str(), "former" | "late" | "then" | "as")
            });
        // "fire department chief Rob Churchill said": lower-case words the phrase scan walked through are
        // still part of it.
        // So are modifiers in -ing before a lower-case noun ("voter organizing group Voto Latino said").
        let modifier = |j: usize| {
            toks.get(j).is_some_and(|t| t.text.ends_with("ing"))
                && toks.get(j + 1).is_some_and(|n| {
                    n.word && !is_capitalised(n.text) && !is_stop(n) && j + 1 < start
                })
        };
        // So is a list of titles ("“…,” chairman, CEO and president Craig Menear said"), and roles a name
        // qualifies, joined by "and" ("former Google engineer and Gmail inventor Paul Buchheit told").
        let lower_word = |j: usize| {
            toks.get(j)
                .is_some_and(|t| t.word && !is_capitalised(t.text) && !is_stop(t))
        };
        let qualifies_role = |j: usize| {
            toks.get(j)
                .is_some_and(|t| t.word && is_capitalised(t.text))
                && j + 1 < start
                && lower_word(j + 1)
        };
        let joins_roles = |j: usize| {
            j > first
                && toks.get(j).is_some_and(|t| t.lower() == "and")
                && lower_word(j - 1)
                && (j + 1 == start || lower_word(j + 1) || qualifies_role(j + 1))
        };
        let lowercase_lead = start > first
            && (first..start).all(|j| {
                toks.get(j).is_some_and(|t| {
                    t.word
                        && ((!is_capitalised(t.text) && (!is_stop(t) || modifier(j)))
                            || super::speakers::is_title_word(t.text))
                }) || joins_titles(toks, j)
                    || qualifies_role(j)
                    || joins_roles(j)
            });
        if (start == first || prefixed || lowercase_lead) && subject != Subject::None {
            return Some(Found { cue, subject });
        }
        if let Some(name) = opening_name_before_apposition(toks, first, i) {
            return Some(Found {
                cue,
                subject: Subject::phrase(name),
            });
        }
        // "“…,” Andy Piazza, senior director of threat intelligence at Unit 42 told CNN": an
        // apposition that lost its closing comma; the name before it is the subject.
        if let Some(comma) = (first..i).find(|&k| toks.get(k).is_some_and(|t| !t.word))
            && comma >= first + 2
            && toks.get(comma).is_some_and(|t| t.is_punct(','))
            && toks
                .get(first..comma)
                .is_some_and(|ts| ts.iter().all(|t| is_capitalised(t.text)))
            && toks
                .get(comma + 1..i)
                .is_some_and(|ts| ts.iter().all(|t| t.word))
        {
            return Some(Found {
                cue,
                subject: Subject::phrase(phrase(toks, first, comma)),
            });
        }
        return None;
    }
    None
}

/// "“…,” study lead author Lucas Paganini, a planetary scientist at …, Maryland, and American University in
/// Washington, D.C., said": the name that opens the words after a quotation (lower-case role words may lead
/// it), set off by a comma that opens a lower-case apposition, is the subject of the cue at `cue`, however
/// many commas the apposition holds. `first` is the first word after the quotation.
fn opening_name_before_apposition(toks: &[Tok], first: usize, cue: usize) -> Option<String> {
    let comma = (first..cue).find(|&k| toks.get(k).is_some_and(|t| !t.word))?;
    if !toks.get(comma).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    // The capitalised run that ends at the comma, and only lower-case role words before it.
    let name_start = (first..comma)
        .rev()
        .take_while(|&k| toks.get(k).is_some_and(|t| is_capitalised(t.text)))
        .last()?;
    let roles_only = toks.get(first..name_start).is_some_and(|ts| {
        ts.iter().all(|t| {
            !is_capitalised(t.text)
                && !is_stop(t)
                && !LINK_PREPS.contains(&t.lower().as_str())
                && cue_at(std::slice::from_ref(t), 0).is_none()
        })
    });
    let opens_apposition = toks.get(comma + 1).is_some_and(|t| {
        t.word
            && (DETERMINERS.contains(&t.lower().as_str())
                || matches!(t.lower().as_str(), "who" | "whose")
                || !is_capitalised(t.text))
            && cue_at(toks, comma + 1).is_none()
    });
    (comma >= name_start + 2
        && roles_only
        && opens_apposition
        && is_name_phrase(toks, name_start, comma))
    .then(|| phrase(toks, name_start, comma))
}

/// A participle cue that follows a quotation after a comma (", saying", ", adding"), if any.
pub(crate) fn participle_after(toks: &[Tok]) -> Option<&'static str> {
    let comma = toks.iter().position(|t| t.is_punct(','))?;
    let next = comma + 1;
    let t = toks.get(next)?;
    if !t.text.ends_with("ing") || t.lower() == "according" {
        return None;
    }
    cue_at(toks, next).map(|(cue, _)| cue)
}

/// "Declaring “…” is at stake, Defense Secretary Robert Gates has ordered …": a participle of a cue
/// opening the sentence before the quotation (`left`), whose subject opens the main clause after the
/// first comma past the quotation (`right`), or right after it when the quotation itself ends with the
/// comma (`comma_inside`: "Writing that “…,” Trump directed …"). Returns the cue and that subject.
pub(crate) fn opening_participle(left: &[Tok], right: &[Tok], comma_inside: bool) -> Option<Found> {
    let first = left.iter().find(|t| t.word)?;
    let lower = first.lower();
    if !(is_capitalised(first.text) && lower.ends_with("ing")) || lower.as_str() == "according" {
        return None;
    }
    let &(_, cue) = CUES_LEX.find(&lower)?;
    let main_clause = if comma_inside {
        0
    } else {
        right.iter().position(|t| t.is_punct(','))? + 1
    };
    let subject = opening_subject(right.get(main_clause..)?)?;
    Some(Found { cue, subject })
}

/// A participle cue after a comma before a quotation (", accusing Trump of interfering in the “…”",
/// ", arguing Republicans hold an edge on the “…”"), with where it stands: the clause has no subject of
/// its own; it shares the one that opens the sentence.
pub(crate) fn participle_before(toks: &[Tok]) -> Option<(&'static str, usize)> {
    let first_word = toks.iter().position(|t| t.word);
    (0..toks.len()).rev().find_map(|i| {
        let t = toks.get(i)?;
        // After a comma, or first in a context that follows a quotation ("“…,” accusing …").
        let after_comma = Some(i) == first_word
            || i.checked_sub(1)
                .and_then(|b| toks.get(b))
                .is_some_and(|c| c.is_punct(','));
        (after_comma && t.text.ends_with("ing") && t.lower() != "according")
            .then(|| cue_at(toks, i).map(|(cue, _)| (cue, i)))
            .flatten()
    })
}

/// Whether a context ends with a relative pronoun on a thing right before the quotation ("a 1950 law
/// that “…”", "the rule, which “…”"): not "said that", where "that" opens what was said, nor "is that".
pub(crate) fn ends_with_relative_pronoun(toks: &[Tok]) -> bool {
    let mut words = toks.iter().enumerate().rev().filter(|(_, t)| t.word);
    let Some((at, pronoun)) = words.next() else {
        return false;
    };
    if !matches!(pronoun.lower().as_str(), "that" | "which") || at + 1 != toks.len() {
        return false;
    }
    words.next().is_some_and(|(before, t)| {
        before + 1 == at
            && !is_stop(t)
            && !matches!(
                t.lower().as_str(),
                "is" | "was" | "are" | "were" | "so" | "such" | "now"
            )
            && cue_at(toks, before).is_none()
    })
}

/// Whether the first word of a context is a finite cue verb ("told police …"), not a participle.
pub(crate) fn starts_with_cue(toks: &[Tok]) -> bool {
    let Some(first) = toks.iter().position(|t| t.word) else {
        return false;
    };
    toks.get(first).is_some_and(|t| !t.text.ends_with("ing")) && cue_at(toks, first).is_some()
}

/// The subject that opens a sentence (for a participle that shares it), from its tokens.
pub(crate) fn opening_subject(toks: &[Tok]) -> Option<Subject> {
    opening_subject_before(toks, toks.len())
}

/// The subject that opens a sentence before token `limit`, a pronoun included ("On Friday, he toured
/// the depot, arguing …"): what a participle later in the sentence shares.
pub(crate) fn clause_subject(toks: &[Tok], limit: usize) -> Option<Subject> {
    let s = subject_start(toks, 0, limit)?;
    match toks.get(s).filter(|t| t.word) {
        Some(t) if PRONOUNS.contains(&t.lower().as_str()) => {
            Some(Subject::Pronoun(t.lower().to_string()))
        }
        _ => opening_subject_before(toks, limit),
    }
}

/// [`opening_subject`] of the sentence's first `limit` tokens.
fn opening_subject_before(toks: &[Tok], limit: usize) -> Option<Subject> {
    let (s, e) = sentence_subject(toks, 0, limit.min(toks.len()))?;
    let text = phrase(toks, s, e);
    (!text.is_empty()).then_some(Subject::phrase(text))
}

/// Text on display: "one supporter carried a sign that read on one side “…”", "she posted a photo with
/// the caption “…”". `ctx` runs from the sentence start to the opening mark; when it ends with a sign,
/// banner, caption or the like (and at most a few words such as "that read on one side"), the words
/// shown are the bearer's, the subject that opens the sentence.
pub(crate) fn displayed_text(toks: &[Tok]) -> Option<Found> {
    /// Things that carry words for someone.
    const DISPLAYS: &[&str] = &[
        "sign", "signs", "banner", "banners", "placard", "placards", "caption", "poster",
        "posters", "shirt", "t-shirt", "shirts", "t-shirts", "hat", "note",
    ];
    /// Words that may stand between the display and the quotation.
    const LINKS: &[&str] = &[
        "that", "which", "read", "reads", "reading", "said", "says", "saying", "on", "one", "side",
        "the", "front", "back", "other", "it",
    ];
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks.get(i).is_some_and(|t| t.word))
        .collect();
    let display = words.iter().rev().take(7).find(|&&i| {
        toks.get(i)
            .is_some_and(|t| DISPLAYS.contains(&t.lower().as_str()))
    })?;
    let linked = words.iter().filter(|&&i| i > *display).all(|&i| {
        toks.get(i)
            .is_some_and(|t| LINKS.contains(&t.lower().as_str()))
    });
    if !linked
        || toks
            .get(display + 1..)
            .is_some_and(|rest| rest.iter().any(|t| t.is_punct('.')))
    {
        return None;
    }
    let (s, e) = sentence_subject(toks, 0, *display)?;
    Some(Found {
        cue: "read",
        subject: Subject::phrase(phrase(toks, s, e)),
    })
}

/// Attribution at the end of the sentence, after its last comma: `… “critical of the practices” by ICE,
/// a petition filed by her lawyers stated.`
pub(crate) fn trailing_attribution(ctx: &str) -> Option<Found> {
    if !ctx.trim_end().ends_with(['.', '!', '?']) {
        // The sentence was cut by the context cap or the next quotation: not its end.
        return None;
    }
    // From the last comma back (at most four): "…, his attorney, Patrick Kolasinski, said in a news
    // conference." A description found first gives way to a name before it ("…, Michael Kratsios,
    // White House director of the office of science and technology policy, said").
    let mut end = ctx.len();
    let mut fallback = None;
    for _ in 0..4 {
        let Some(comma) = ctx.get(..end).and_then(|c| c.rfind(',')) else {
            break;
        };
        end = comma;
        let Some(tail) = ctx.get(comma..) else { break };
        let tail = Window::new(tail);
        let Some(found) = right_attribution(&tail, false).filter(|f| f.subject != Subject::None)
        else {
            continue;
        };
        let Some(&first_word) = tail.toks.iter().find(|t| t.word) else {
            continue;
        };
        // Only "…, X said." here: an inverted "…, said X." this far from the quote is someone else's.
        if cue_at(&[first_word], 0).is_some() {
            continue;
        }
        let named = match &found.subject {
            Subject::Phrase { text, .. } => {
                text.split_whitespace().last().is_some_and(is_capitalised)
            }
            _ => true,
        };
        if named {
            return Some(found);
        }
        fallback.get_or_insert(found);
    }
    fallback
}

/// Attribution before a quotation: `ctx` is the text from the start of the sentence (or the previous
/// quotation's closing mark) to the opening mark. The last cue with a subject wins; a cue without one
/// ("…, adding:") is returned when there is nothing better.
/// The name phrase that ends just before token `end` and opens its clause (starts at `floor` or after a
/// punctuation token), as a subject starting where the name starts.
fn clause_opening_name(toks: &[Tok], end: usize, floor: usize) -> Option<(Subject, usize)> {
    let (bs, be) = np_backward(toks, end, floor)?;
    let opens_clause = bs == floor || toks.get(bs - 1).is_some_and(|t| !t.word);
    (is_name_phrase(toks, bs, be) && opens_clause)
        .then(|| (Subject::phrase(phrase(toks, bs, be)), bs))
}

/// "And he downplayed the urgency …: “…”", "Ray Doyle was blunt: “…”": a quotation after a colon that ends
/// its sentence's opening clause is the words of that clause's subject, a pronoun or a name (not "The
/// reason was simple: “…”"; a one-word name speaks only when it is a person's surname the article names
/// in full, which the caller checks). `toks` run from the sentence start to the quotation.
pub(crate) fn colon_subject(toks: &[Tok]) -> Option<Found> {
    if !toks.last().is_some_and(|t| t.is_punct(':')) {
        return None;
    }
    let first = toks.get(past_opening_conjunction(toks, 0))?;
    let subject = if matches!(first.lower().as_str(), "he" | "she" | "they") {
        Subject::Pronoun(first.lower().to_string())
    } else {
        // A name: of two words or more, or one the caller checks is a person's surname the article
        // names in full (a lone capitalised word opening a sentence may be anything: "Similar banners
        // hang …, each with its own text: “…”").
        let (s, e) = sentence_subject(toks, 0, toks.len())?;
        if !is_name_phrase(toks, s, e) || toks.get(e).is_none_or(|t| !t.word) {
            return None;
        }
        Subject::phrase(phrase(toks, s, e))
    };
    Some(Found {
        cue: "colon",
        subject,
    })
}

/// "woke to an emergency alert flashing on her phone: “…”": the document a colon opens, named within the
/// last few words before it, whose text the quotation is. Its noun phrase.
pub(crate) fn document_before_colon(toks: &[Tok]) -> Option<Subject> {
    /// Words at most between the document and the colon ("flashing on her phone").
    const MAX_AFTER: usize = 5;
    if !toks.last().is_some_and(|t| t.is_punct(':')) {
        return None;
    }
    let head = (0..toks.len().saturating_sub(1))
        .rev()
        .filter(|&k| toks.get(k).is_some_and(|t| t.word))
        .take(MAX_AFTER + 1)
        .find(|&k| toks.get(k).is_some_and(|t| super::is_document(t.text)))?;
    // Not "writing on X after Amodei’s statement was released: “…”": a clause of its own after the
    // document is about it, and the colon opens someone else's words.
    let finite = toks.get(head + 1..).unwrap_or(&[]).iter().any(|t| {
        t.word
            && matches!(
                t.lower().as_str(),
                "was" | "were" | "is" | "are" | "has" | "had" | "have" | "been" | "be"
            )
    });
    if finite {
        return None;
    }
    let (s, e) = np_backward(toks, head + 1, 0)?;
    Some(Subject::phrase(phrase(toks, s, e)))
}

/// "European leaders pushed for “…”", "Governor Delfina Gómez offered support, sending her “…”": a
/// quotation inside a sentence that no cue attributes is the words of the sentence's subject, when that is
/// a name, "he" or "she", or a description of people ("the authors", "a senior official"), and the
/// quotation follows it closely (not in a later clause about others). A thing ("The merger will create a
/// “…”") speaks no words (nor does anyone after a document, which the caller checks). `toks` run from the
/// sentence start to the quotation.
pub(crate) fn uncued_subject(toks: &[Tok]) -> Option<Subject> {
    /// Words at most between the subject and the quotation.
    const MAX_WORDS_TO_QUOTE: usize = 20;
    let words_after = |e: usize| toks.iter().skip(e).filter(|t| t.word).count();
    let s = subject_start(toks, 0, toks.len())?;
    let first = toks.get(s)?;
    let lower = first.lower();
    if matches!(lower.as_str(), "he" | "she") {
        return (words_after(s + 1) <= MAX_WORDS_TO_QUOTE)
            .then(|| Subject::Pronoun(lower.to_string()));
    }
    let people_head = |t: &Tok| {
        let l = t.lower();
        let singular = l.strip_suffix('s').unwrap_or(&l);
        t.word
            && !is_capitalised(t.text)
            && (super::speakers::is_people_head(&l) || super::speakers::is_person_role(singular))
    };
    let (s, mut e) = sentence_subject(toks, 0, toks.len())?;
    // "European leaders", "Israeli officials": a capitalised word before people.
    let qualified = e == s + 1 && toks.get(e).is_some_and(people_head);
    e += usize::from(qualified);
    // The subject is followed by its verb (or an apposition), and is not all the context.
    if toks.get(e).is_none() || words_after(e) > MAX_WORDS_TO_QUOTE {
        return None;
    }
    let people = qualified
        || (toks
            .get(s)
            .is_some_and(|d| DETERMINERS.contains(&d.lower().as_str()))
            && toks.get(e - 1).is_some_and(people_head));
    // "The Department of Homeland Security": a body's name after "the".
    let body = toks.get(s).is_some_and(|t| t.lower() == "the") && is_name_phrase(toks, s + 1, e);
    (is_name_phrase(toks, s, e) || people || body).then(|| Subject::phrase(phrase(toks, s, e)))
}

/// "For Pounds, the appointments show that “…”": a sentence that opens with "For" and a name set off by a
/// comma gives that person's view, so a quotation in it with no cue of its own is theirs. `toks` run from
/// the sentence start to the quotation.
pub(crate) fn perspective_subject(toks: &[Tok]) -> Option<Found> {
    if toks.first().is_none_or(|t| t.text != "For") {
        return None;
    }
    let (s, e) = np_forward(toks, 1)?;
    (s == 1 && is_name_phrase(toks, s, e) && toks.get(e).is_some_and(|t| t.is_punct(','))).then(
        || Found {
            cue: "for",
            subject: Subject::phrase(phrase(toks, s, e)),
        },
    )
}

/// Words that open a subordinate clause at the start of a sentence.
const SUBORDINATORS: &[&str] = &[
    "after", "when", "while", "although", "though", "as", "since", "before", "if", "because",
    "once", "until", "whereas",
];

fn is_subordinator(t: &Tok) -> bool {
    t.word && SUBORDINATORS.contains(&t.lower().as_str())
}

/// Whether a quotation stands inside the subordinate clause that opens its sentence: `toks` (from the
/// sentence start to the quotation) open with "While", "Although", … and no comma has closed the clause
/// yet ("While Thune told reporters that he believed the “…,” House leaders told CNN …"). What follows
/// the quotation then is the main clause, whose cue is about something else.
pub(crate) fn inside_opening_clause(toks: &[Tok]) -> bool {
    toks.first().is_some_and(is_subordinator) && !toks.iter().any(|t| t.is_punct(','))
}

#[cfg(test)]
pub(crate) fn left_attribution(ctx: &str) -> Option<Found> {
    left_candidates(&tokenize(ctx), true).into_iter().next()
}

/// Every cue with a subject before a quotation, nearest first (a pronoun that resolves to nobody, like
/// "it suggested", gives way to the one before: "Moore said it suggested …"), then a subjectless
/// participle cue if there is one.
pub(crate) fn left_candidates(toks: &[Tok], at_sentence_start: bool) -> Vec<Found> {
    // "Special Envoy Steve Witkoff – one of two main US negotiators – claimed …": an aside set off by
    // dashes is read past, as on the right.
    let mut dashes = (0..toks.len()).filter(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_punct('–') || t.is_punct('—'))
    });
    let (open, close, more) = (dashes.next(), dashes.next(), dashes.next());
    // Not "If the Castros are – as some Cubans refer to them – “the royal family”": an aside that runs
    // up to the quotation is where its attribution is.
    if let (Some(open), Some(close), None) = (open, close, more)
        && close - open <= MAX_NP_WORDS
        && toks
            .get(close + 1..)
            .is_some_and(|after| after.iter().any(|t| t.word))
        && toks
            .get(open + 1..close)
            .is_some_and(|aside| aside.iter().all(|t| t.word || t.is_punct(',')))
    {
        let read_past: Vec<Tok> = toks
            .iter()
            .enumerate()
            .filter(|&(k, _)| k < open || k > close)
            .map(|(_, t)| *t)
            .collect();
        return left_candidates_plain(&read_past, at_sentence_start);
    }
    left_candidates_plain(toks, at_sentence_start)
}

/// [`left_candidates`] without reading past a dashed aside.
fn left_candidates_plain(toks: &[Tok], at_sentence_start: bool) -> Vec<Found> {
    let mut out = Vec::new();
    let mut fallback = None;
    // "After the Lebanese army announced …, Israel dismissed it as “far from sufficient”": a cue in an
    // opening subordinate clause does not attribute what follows the clause.
    let floor = match toks.first() {
        Some(t) if at_sentence_start && is_subordinator(t) => toks
            .iter()
            .position(|t| t.is_punct(','))
            .map_or(0, |c| c + 1),
        _ => 0,
    };
    // "As the senator noted, the law would be used “…”": a clause of "as" and a cue is the source of
    // what follows it, when the rest of the sentence has no cue of its own ("As we’ve noted, a study
    // … concluded that “…”"), and not when the writer is its subject ("As we’ve noted").
    let as_clause = (floor > 1 && toks.first().is_some_and(|t| t.lower() == "as"))
        .then(|| {
            (1..floor - 1)
                .filter_map(|k| cue_found(toks.get(..floor - 1)?, k))
                .find(|f| match &f.subject {
                    Subject::None => false,
                    Subject::Pronoun(p) | Subject::Phrase { text: p, .. } => !is_writer(p),
                })
        })
        .flatten();
    let is_word = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.word && t.lower() == w);
    // "Trump said Monday that Iran had called the administration and that “…”": "and that" opens a
    // second clause of an earlier "said … that", so a cue inside the first one attributes nothing here.
    let last_and_that = (0..toks.len())
        .rev()
        .find(|&j| is_word(j, "and") && is_word(j + 1, "that"));
    for i in (floor..toks.len()).rev() {
        let Some(found) = inverted_opening(toks, i)
            .or_else(|| cue_found(toks, i))
            .or_else(|| possessed_saying(toks, i))
        else {
            continue;
        };
        // "Aylesworth said she was processing what he said and felt like “…”": a cue inside "what he
        // said", with the sentence going on past it, names what was said, not who says the quotation.
        // "Moore said it suggested the abduction was “…”": "it" after a cue is the reported clause's
        // subject, a thing; the cue before speaks.
        let word_at = |k: usize| toks.get(k).filter(|t| t.word).map(Tok::lower);
        // Not "what he called an “unconscionable” bill", "what ICE described as a “…”": naming cues
        // say what stands after them.
        let what_clause = i >= 2
            && matches!(found.cue, "said" | "told" | "wrote" | "added")
            && word_at(i - 2).as_deref() == Some("what")
            && toks
                .get(i + 1..)
                .is_some_and(|rest| rest.iter().filter(|t| t.word).count() >= 2);
        let reported_it = matches!(&found.subject, Subject::Pronoun(p) if p == "it")
            && i >= 2
            && word_at(i - 1).as_deref() == Some("it")
            && toks
                .get(i - 2)
                .is_some_and(|t| t.word && is_cue_word(t.lower()));
        let clause_closed = || {
            last_and_that.is_some_and(|a| a > i)
                && (floor..i).any(|k| {
                    cue_at(toks, k).is_some() && (k + 1..(k + 4).min(i)).any(|j| is_word(j, "that"))
                })
        };
        if what_clause || reported_it || clause_closed() {
            continue;
        }
        if found.subject != Subject::None {
            out.push(found);
        } else if coordinated(toks, i)
            && let Some(subject) = (0..i)
                .rev()
                .filter_map(|k| cue_found(toks, k))
                .map(|f| f.subject)
                .find(|s| matches!(s, Subject::Phrase { .. }))
                .or_else(|| {
                    sentence_subject(toks, 0, i).map(|(s, e)| Subject::phrase(phrase(toks, s, e)))
                })
        {
            // "Beatty indicated she had received the materials, but said that “…”": the sentence's
            // subject said it; "Water levels were down, the fire department said, but noted …": the
            // subject of the cue before said it.
            out.push(Found {
                cue: found.cue,
                subject,
            });
        } else if fallback.is_none() && subjectless_ok(toks, i) {
            fallback = Some(found);
        }
    }
    out.extend(fallback);
    out.extend(as_clause);
    out
}

/// Whether a subject is the writer or the reader ("we", "I’ve", "you"): no speaker of a quotation.
fn is_writer(subject: &str) -> bool {
    const WRITER: &[&str] = &["i", "we", "you", "us", "me"];
    let first = subject
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let stem = first.split(['’', '\'']).next().unwrap_or("");
    WRITER.contains(&stem)
}

/// Nouns of saying and the cue each stands for: "Trump’s claim that …" is Trump claiming it.
const SAYING_NOUNS: &[(&str, &str)] = &[
    ("claim", "claimed"),
    ("claims", "claimed"),
    ("assertion", "asserted"),
    ("insistence", "insisted"),
    ("remark", "remarked"),
    ("remarks", "remarked"),
    ("warning", "warned"),
    ("promise", "promised"),
    ("pledge", "pledged"),
    ("vow", "vowed"),
    ("boast", "boasted"),
    ("accusation", "accused"),
];

/// "…, contradicting US President Donald Trump’s claim that Tehran has “no navy.”": a noun of saying
/// ([`SAYING_NOUNS`]) after a name's possessive, at token `i`, with its "that" clause running on to the
/// quotation, attributes the quotation to that name (not "Carr’s claims were misleading: “…”", where the
/// claims are talked about).
fn possessed_saying(toks: &[Tok], i: usize) -> Option<Found> {
    // Cheap checks first: this is asked of every word of a left context.
    let owner = toks.get(i.checked_sub(1)?).filter(|t| t.word)?;
    let name = super::speakers::strip_possessive(owner.text);
    if name == owner.text || !is_capitalised(name) {
        return None;
    }
    let noun = toks.get(i).filter(|t| t.word)?.lower();
    let &(_, cue) = SAYING_NOUNS.iter().find(|(n, _)| *n == noun.as_str())?;
    if !toks
        .get(i + 1..)
        .is_some_and(|rest| rest.iter().any(|t| t.word && t.lower() == "that"))
    {
        return None;
    }
    let (s, _) = np_backward(toks, i - 1, 0).unwrap_or((i - 1, i));
    let subject = format!("{} {name}", phrase(toks, s, i - 1))
        .trim()
        .to_string();
    Some(Found {
        cue,
        subject: Subject::phrase(subject),
    })
}

/// "Says Green, “…”", "Then, said the mayor: “…”": a cue opening its clause, its subject after it and
/// nothing but punctuation after the subject up to the quotation. The cue must be one that inverts.
fn inverted_opening(toks: &[Tok], i: usize) -> Option<Found> {
    let t = toks.get(i).filter(|t| t.word && !t.text.ends_with("ing"))?;
    // Cheap checks first: this is asked of every word of a left context.
    let after_comma = i > 0 && toks.get(i - 1).is_some_and(|t| t.is_punct(','));
    let first = !after_comma && toks.get(..i)?.iter().all(|t| !t.word);
    if !(first || after_comma) {
        return None;
    }
    // Capitalised only as the clause's first word ("Says Green,"), where [`cue_at`] does not look.
    let cue = match cue_at(toks, i) {
        Some((cue, 1)) => cue,
        Some(_) => return None,
        None if first => CUES_LEX.find(&t.lower()).map(|&(_, cue)| cue)?,
        None => return None,
    };
    if !INVERTIBLE.contains(&cue) {
        return None;
    }
    let (_, e) = np_forward(toks, i + 1)?;
    let rest = toks.get(e..)?;
    (!rest.is_empty() && rest.iter().all(|t| t.is_punct(',') || t.is_punct(':'))).then(|| Found {
        cue,
        subject: subject_after(toks, i + 1),
    })
}

/// The agent of a passive cue: "Robert Marzan was described by his sister, Elizabeth Marzan, as “…”"
/// → "Elizabeth Marzan" (a name in apposition to the agent is the agent); "his sister" without one.
fn passive_agent(toks: &[Tok], i: usize, span: usize) -> Option<Subject> {
    let passive = i > 0
        && toks.get(i - 1).is_some_and(|t| {
            matches!(
                t.lower().as_str(),
                "was" | "were" | "been" | "being" | "is" | "are" | "be"
            )
        });
    if !passive || !toks.get(i + span).is_some_and(|t| t.lower() == "by") {
        return None;
    }
    let (s, e) = np_forward(toks, i + span + 1)?;
    let (s, e) = apposed_name(toks, e, toks.len()).unwrap_or((s, e));
    Some(Subject::phrase(phrase(toks, s, e)))
}

fn cue_found(toks: &[Tok], i: usize) -> Option<Found> {
    let (cue, span) = cue_at(toks, i)?;
    let subject = if cue == "according_to" {
        subject_after(toks, i + span)
    } else if let Some(agent) = passive_agent(toks, i, span) {
        agent
    } else if let Some(subject) =
        inverted_after_comma(toks, i, cue, span).filter(|_| !object_before_quote(toks, i, span))
    {
        subject
    } else {
        subject_before(toks, i, 0).0
    };
    Some(Found { cue, subject })
}

/// "Josh Campbell, a former FBI agent, said the individual’s garb “could have been …”": the phrase after
/// a cue runs right up to the quotation (`toks` end at its opening mark), with a subject before the cue:
/// it is what the subject talked about, not an inverted subject (which a comma or colon would close:
/// "…, said the mayor: “…”").
fn object_before_quote(toks: &[Tok], i: usize, span: usize) -> bool {
    np_forward(toks, i + span).is_some_and(|(_, end)| end == toks.len())
        && matches!(subject_before(toks, i, 0).0, Subject::Phrase { .. })
}

/// "“torpedo” the US-Iran ceasefire, said Fawaz Gerges, …": after a comma, a cue that inverts, with a
/// name (or a determiner's phrase) right after it, has its subject after it.
fn inverted_after_comma(toks: &[Tok], i: usize, cue: &str, span: usize) -> Option<Subject> {
    let after_comma = i > 0 && toks.get(i - 1).is_some_and(|p| p.is_punct(','));
    let t = toks.get(i)?;
    let next = toks.get(i + span)?;
    if !(after_comma
        && INVERTIBLE.contains(&cue)
        && !t.text.ends_with("ing")
        && next.word
        && (is_capitalised(next.text) || DETERMINERS.contains(&next.lower().as_str())))
    {
        return None;
    }
    // The name closes the sentence or stands before an apposition: not "…, said South Korea would
    // always remain …", where the cue's object clause starts.
    let (_, end) = np_forward(toks, i + span)?;
    if toks.get(end).is_some_and(|t| t.word) {
        return None;
    }
    match subject_after(toks, i + span) {
        subject @ Subject::Phrase { .. } => Some(subject),
        _ => None,
    }
}

/// Whether the cue at `i` is a second verb of its sentence's subject ("…, but said", "and told").
fn coordinated(toks: &[Tok], i: usize) -> bool {
    let mut k = i;
    while k > 0 && toks.get(k - 1).is_some_and(|t| t.word && is_skippable(t)) {
        k -= 1;
    }
    k > 0
        && toks
            .get(k - 1)
            .is_some_and(|t| matches!(t.lower().as_str(), "and" | "but"))
}

/// A cue without a subject continues the sentence's speaker only as a participle or after "and"
/// ("…, adding: “…”", "and called it “…”"); "has reported stories" is no attribution.
fn subjectless_ok(toks: &[Tok], i: usize) -> bool {
    let participle = toks.get(i).is_some_and(|t| t.text.ends_with("ing"));
    let after_and = i > 0 && toks.get(i - 1).is_some_and(|t| t.lower() == "and");
    let according = toks.get(i).is_some_and(|t| t.lower() == "according");
    // A verb opening the context right after a previous quotation ("…,” told police …").
    let opens = toks.iter().position(|t| t.word) == Some(i);
    (participle || after_and || opens) && !according
}

/// What a speaker issues in person ("the statement said" is its issuer's); lower-case.
pub(crate) const ISSUED_DOCUMENTS: &[&str] = &["statement", "post", "email", "letter", "message"];

/// Who a text says wrote a document it mentions: "shared a message from Zoey Benoit’s family" → "Zoey
/// Benoit’s family" (the last such author in the text), for a later "the statement read".
/// Also the subject of a verb that issues one: "More than 50 former staffers signed a letter" → "More
/// than 50 former staffers".
pub(crate) fn document_author(text: &str) -> Option<String> {
    let toks = tokenize(text);
    (0..toks.len()).rev().find_map(|k| {
        let doc = toks
            .get(k)
            .is_some_and(|t| t.word && ISSUED_DOCUMENTS.contains(&t.lower().as_str()));
        if !doc {
            return None;
        }
        if toks.get(k + 1).is_some_and(|t| t.lower() == "from") {
            let (s, e) = np_forward(&toks, k + 2)?;
            return Some(phrase(&toks, s, e)).filter(|a| !a.is_empty());
        }
        let verb = k.checked_sub(2)?;
        let issued = toks
            .get(k - 1)
            .is_some_and(|t| matches!(t.lower().as_str(), "a" | "an"))
            && toks.get(verb).is_some_and(|t| {
                matches!(
                    t.lower().as_str(),
                    "signed" | "issued" | "released" | "sent" | "published" | "penned"
                )
            });
        if !issued {
            return None;
        }
        let start = (0..verb)
            .rev()
            .find(|&j| {
                toks.get(j)
                    .is_some_and(|t| ".!?".contains(t.text) && !t.word)
            })
            .map_or(0, |j| j + 1);
        let (s, e) = sentence_subject(&toks, start, verb)?;
        (e == verb).then(|| phrase(&toks, s, e))
    })
}

/// Reported speech in a sentence without quotation marks: its first cue with a subject
/// ("Peskov said talks would continue").
pub(crate) fn reported(sentence: &str) -> Option<Found> {
    let toks = tokenize(sentence);
    best_cue(&toks, false)
        .filter(|f| f.subject != Subject::None)
        .or_else(|| inverted_cue(&toks))
}

/// Reported speech whose cue comes after a comma with its subject after it: "… another company, said Alan
/// Rozenshtein, a law professor." (the order AP copy uses for a paraphrase's source).
fn inverted_cue(toks: &[Tok]) -> Option<Found> {
    (1..toks.len()).rev().find_map(|i| {
        if !toks.get(i - 1).is_some_and(|t| t.is_punct(',')) {
            return None;
        }
        let (cue, span) = cue_at(toks, i).filter(|(cue, _)| *cue != "according_to")?;
        if !toks
            .get(i)
            .is_some_and(|t| matches!(t.text, "said" | "says"))
        {
            return None;
        }
        match subject_after(toks, i + span) {
            Subject::None => None,
            subject => Some(Found { cue, subject }),
        }
    })
}

fn best_cue(toks: &[Tok], last_first: bool) -> Option<Found> {
    let mut fallback: Option<Found> = None;
    let order: Vec<usize> = if last_first {
        (0..toks.len()).rev().collect()
    } else {
        (0..toks.len()).collect()
    };
    for i in order {
        let Some(found) = cue_found(toks, i) else {
            continue;
        };
        if found.subject != Subject::None {
            return Some(found);
        }
        if fallback.is_none() && subjectless_ok(toks, i) {
            fallback = Some(found);
        }
    }
    fallback
}

/// Largest char boundary at or below `i`.
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary at or above `i`.
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the sentence ends when its terminal punctuation is at byte `i` of `text`: just after the
/// terminal, or after the closing quotation mark right behind it ("… any panic.” Both passengers …").
/// `None` when no sentence ends there: a sentence ends at a `.`, `?` or `!` followed by a space and an
/// upper-case letter or opening quote, not after an abbreviation.
fn sentence_break(text: &str, i: usize, c: char) -> Option<usize> {
    if !matches!(c, '.' | '?' | '!') {
        return None;
    }
    let mut end = i + 1;
    let mut rest = text.get(end..).unwrap_or("");
    // A closing mark right after the terminal belongs to the sentence it ends.
    if let Some(closer) = rest.chars().next().filter(|m| matches!(m, '”' | '"'))
        && rest
            .get(closer.len_utf8()..)
            .is_some_and(|r| r.starts_with(char::is_whitespace))
    {
        end += closer.len_utf8();
        rest = text.get(end..).unwrap_or("");
    }
    let mut rest_chars = rest.chars();
    // "… posted to X.“But it’s …": the scraper dropped the space before an opening mark.
    let glued_opener = end == i + 1
        && rest.starts_with('“')
        && rest_chars.clone().nth(1).is_some_and(char::is_uppercase);
    if !glued_opener && !rest_chars.next().is_some_and(char::is_whitespace) {
        return None;
    }
    let next = rest.trim_start().chars().next();
    if !next.is_some_and(|n| n.is_uppercase() || matches!(n, '“' | '"' | '‘' | '«' | '(')) {
        return None;
    }
    // An initial is not glued to an opening mark and a capital ("posted to X.“But …" is a platform).
    if c == '.' && !glued_opener {
        let before = text.get(..i + 1).unwrap_or("");
        let word_start = before.rfind(char::is_whitespace).map_or(0, |p| p + 1);
        if is_abbreviation(before.get(word_start..).unwrap_or("")) {
            return None;
        }
    }
    Some(end)
}

/// Start of the sentence containing byte `upto`, looking back no further than `floor` and
/// [`MAX_CONTEXT_BYTES`].
pub(crate) fn sentence_start(text: &str, upto: usize, floor: usize) -> usize {
    let lo = ceil_boundary(text, floor.max(upto.saturating_sub(MAX_CONTEXT_BYTES)));
    let upto = floor_boundary(text, upto);
    let mut start = lo;
    if let Some(window) = text.get(lo..upto) {
        for (j, c) in terminals(window) {
            if let Some(end) = sentence_break(text, lo + j, c).filter(|&end| end <= upto) {
                start = end;
            }
        }
    }
    start
}

/// The `.`, `?` and `!` of a text with their byte offsets: the only characters that can end a sentence
/// ([`sentence_break`]). Found by byte (ASCII never occurs inside a multi-byte character), so the sentence
/// scans do not decode every character.
fn terminals(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'.' | b'?' | b'!'))
        .map(|(i, b)| (i, char::from(b)))
}

/// End of the sentence containing byte `from` (just after its terminal punctuation), looking no further
/// than `ceiling` and [`MAX_CONTEXT_BYTES`].
pub(crate) fn sentence_end(text: &str, from: usize, ceiling: usize) -> usize {
    let from = ceil_boundary(text, from);
    let hi = floor_boundary(text, ceiling.min(from.saturating_add(MAX_CONTEXT_BYTES)));
    if let Some(window) = text.get(from..hi) {
        for (j, c) in terminals(window) {
            if let Some(end) = sentence_break(text, from + j, c) {
                return end.min(hi.max(from));
            }
        }
    }
    hi.max(from)
}

/// Split a text into sentences (byte ranges), without a cap on length.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in terminals(text) {
        if let Some(end) = sentence_break(text, i, c) {
            out.push((start, end));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subj(f: Option<Found>) -> Option<String> {
        match f?.subject {
            Subject::Phrase { text, .. } => Some(text),
            Subject::Pronoun(p) => Some(p),
            Subject::None => None,
        }
    }

    #[test]
    fn right_side_subjects() {
        let right = |ctx| right_attribution(&Window::new(ctx), false);
        assert_eq!(
            subj(right(" he said, referencing a meeting.")).as_deref(),
            Some("he")
        );
        assert_eq!(
            subj(right(
                ", Army Spokesperson Col. Dave Butler said in a statement."
            ))
            .as_deref(),
            Some("Army Spokesperson Col. Dave Butler")
        );
        assert_eq!(
            subj(right(" said a spokesman, Scott Whiffen.")).as_deref(),
            Some("Scott Whiffen")
        );
        assert_eq!(
            subj(right(" the Massachusetts Democratic said.")).as_deref(),
            Some("the Massachusetts Democratic")
        );
        assert_eq!(subj(right(" regarding an end to the war.")), None);
        assert_eq!(
            subj(right(
                ", according to a separate source who is a US official."
            ))
            .as_deref(),
            Some("a separate source")
        );
        assert_eq!(
            subj(right(" Brohmsaidin a statement.")).as_deref(),
            Some("Brohm")
        );
    }

    #[test]
    fn quantified_subjects_open_with_their_quantifier() {
        let text = |s: Option<Subject>| match s {
            Some(Subject::Phrase { text, .. }) => Some(text),
            _ => None,
        };
        assert_eq!(
            text(opening_subject(&tokenize(
                "More than 50 former staffers signed a letter"
            )))
            .as_deref(),
            Some("More than 50 former staffers")
        );
        assert_eq!(
            text(opening_subject(&tokenize(
                "At least two officials confirmed it"
            )))
            .as_deref(),
            Some("At least two officials")
        );
    }

    #[test]
    fn left_side_subjects() {
        assert_eq!(
            subj(left_attribution("In 2003, Morrowemailed Maxwell: ")).as_deref(),
            Some("Morrow")
        );
        assert_eq!(
            subj(left_attribution(
                "When asked about it, Kremlin spokesperson Dmitry Peskov said that there are "
            ))
            .as_deref(),
            Some("Kremlin spokesperson Dmitry Peskov")
        );
        assert_eq!(
            subj(left_attribution("Russian Special Envoy Kirill Dmitriev went to the US in October to meet Witkoff and others and had what a Russian source told CNN were ")).as_deref(),
            Some("a Russian source")
        );
        assert_eq!(
            subj(left_attribution("Scott Whiffen, a spokesman, said: ")).as_deref(),
            Some("Scott Whiffen")
        );
        assert_eq!(
            subj(left_attribution("The Trump administration has been hammering out a plan, a person familiar with the talks told CNN, and ")).as_deref(),
            Some("a person familiar with the talks")
        );
        assert_eq!(subj(left_attribution("Peskov declined to say ")), None);
        assert_eq!(
            subj(left_attribution(
                "The state’s anti-fraud office (SAFO) said its agents "
            ))
            .as_deref(),
            Some("SAFO")
        );
    }

    #[test]
    fn sentence_bounds_skip_abbreviations() {
        let t = "He met Col. Dave Butler. Then he left.";
        assert_eq!(
            sentence_start(t, t.len(), 0),
            "He met Col. Dave Butler.".len()
        );
        assert_eq!(sentences(t).len(), 2);
        // A full stop glued to the next sentence's opening mark still ends the sentence.
        let t = "“Due process matters,” Swan said in a post to X.“But I will resign.”";
        assert_eq!(sentences(t).len(), 2);
        // An abbreviation glued to an opening mark is no sentence end only when a capital does not follow.
        let t = "the U.S.“embassy” said";
        assert_eq!(sentences(t).len(), 1);
    }

    #[test]
    fn find_short_is_find() {
        for (h, n) in [
            ("Brohmsaidin", "said"),
            ("saidsaid", "said"),
            ("Zelenskyy’saidthat", "said"),
            ("aïsaid", "said"),
            ("told", "wrote"),
            ("", "said"),
            ("sai", "said"),
            ("word", ""),
        ] {
            assert_eq!(find_short(h, n), h.find(n), "{h:?} {n:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_glue_screen_passes_every_word_holding_a_form(
            pre in "[A-Za-z’]{0,6}", k in 0..GLUABLE.len(), post in "[A-Za-z]{0,6}", other in "[a-zA-Z’]{0,14}"
        ) {
            let form = GLUABLE.get(k).copied().unwrap_or("said");
            let glued = format!("{pre}{form}{post}");
            proptest::prop_assert!(holds_gluable(&glued));
            proptest::prop_assert_eq!(
                holds_gluable(&other),
                GLUABLE.iter().any(|f| other.contains(f))
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn find_short_agrees_with_find(h in "[a-zé’s]{0,12}", n in "[a-zé’]{0,3}") {
            proptest::prop_assert_eq!(find_short(&h, &n), h.find(n.as_str()));
        }
    }
}
