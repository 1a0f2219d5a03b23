//! Speakers: telling names from titles, organisations from people, finding the fullest name an article
//! gives for a person, and the key that matches one speaker across versions.
//!
//! The article is read once into a [`NameIndex`] of every capitalised name run (titles stripped), so a
//! quote attributed to "Peskov" can be reported as "Dmitry Peskov" when the article names him in full
//! anywhere, and "the attorney general" can be matched to "Attorney General Pam Bondi".

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::lexicon::{Lexicon, Lower, lower};

/// Job titles and honorifics that may stand before a name ("Kremlin spokesperson Dmitry Peskov",
/// "Army Spokesperson Col. Dave Butler"). Everything up to the last of these in a name run is a title.
/// Compared lower-case, without a trailing period.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
    "spokespeople", "envoy", "special", "principal", "dean", "provost", "teacher", "nurse", "pastor", "sen", "senator", "rep", "representative", "gov", "governor", "mayor",
    "gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "capt", "captain", "sgt",
    "sergeant", "adm", "admiral", "cmdr", "commander", "chief", "director", "deputy", "dr", "mr", "mrs", "ms",
    "miss", "prof", "professor", "judge", "justice", "attorney", "ambassador", "chancellor", "king", "queen",
    "prince", "princess", "pope", "cardinal", "bishop", "rev", "reverend", "father", "sheriff", "coroner",
    "officer", "detective", "inspector", "superintendent", "commissioner", "chair", "chairman", "chairwoman",
    "chairperson", "ceo", "cfo", "coo", "cto", "founder", "co-founder", "executive", "leader", "speaker",
    "whip", "coach", "manager", "councilmember", "councilman", "councilwoman", "assemblyman", "assemblywoman",
    "congressman", "congresswoman", "lawmaker", "adviser", "advisor", "aide", "press", "correspondent",
    "analyst", "economist", "investigator", "prosecutor", "sir", "dame", "lord", "lady", "sheikh", "emir",
    "crown", "pres", "sec", "atty", "supt", "insp", "det", "st", "gov.", "premier", "foreign", "defense",
    "defence", "interior", "state", "treasury", "homeland", "security", "health", "energy", "finance", "trade",
    "labor", "education", "transportation", "first", "former", "acting", "interim", "senior", "top", "head",
    "owner", "host", "anchor", "chairs", "republican", "democrat", "democratic", "gop", "independent", "rabbi",
    "cantor", "pastor", "imam", "archbishop", "rapper", "singer", "actor", "actress", "star", "player",
    "quarterback", "receiver", "lawyer", "activist", "author", "reporter", "journalist", "gen.", "state's",
    "us", "u.s.", "administrator", "filmmaker", "producer", "songwriter", "astronaut", "treasurer",
    "comptroller", "auditor", "physician", "surgeon", "scientist", "researcher", "warden", "chaplain",
    "historian", "columnist",
];

/// Name-run words that are never part of a name: capitalised because they start a sentence, or calendar
/// words. They are dropped from the front of a run (and a run made only of them is no name).
#[rustfmt::skip]
const NOT_NAME: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "when", "after", "before", "in", "on", "at", "as", "if", "while",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "its",
    "according", "during", "since", "although", "despite", "for", "from", "with", "without", "by", "of", "to",
    "under", "over", "asked", "meanwhile", "however", "still", "yet", "so", "then", "there", "here", "what",
    "who", "why", "how", "where", "which", "last", "next", "earlier", "later", "also", "both", "some", "many",
    "most", "all", "among", "between", "instead", "even", "only", "now", "today", "yes", "no", "speaking",
    "writing", "several", "another", "other", "every", "each", "more", "one", "two", "three", "source",
    "sources", "updated", "notably", "separately", "additionally", "similarly", "ultimately", "finally", "previously", "currently", "recently", "importantly", "specifically", "initially", "eventually", "apparently", "officially", "reportedly", "overall", "likewise", "does", "did", "do", "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "following", "amid", "like", "unlike", "including", "see", "full", "web", "article", "while", "because", "once", "though", "late", "early", "similar",
    // Sentence adverbs that open a sentence before a name ("Soon Google was buying servers").
    "soon", "afterward", "afterwards", "suddenly", "perhaps", "maybe", "indeed", "thus", "hence", "otherwise",
    "nevertheless", "nonetheless", "moreover", "furthermore", "besides", "sometimes", "often", "usually",
    "typically", "again", "already",
];

/// Words that make a capitalised name an organisation rather than a person ("the White House", "the
/// Justice Department"). Compared lower-case.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "house", "department", "ministry", "brotherhood", "office", "agency", "pentagon", "kremlin", "vatican", "council",
    "committee", "commission", "court", "police", "service", "administration", "company", "inc", "corp",
    "corporation", "university", "college", "school", "association", "party", "government", "army", "navy",
    "bureau", "institute", "foundation", "union", "group", "network", "times", "post", "journal", "news",
    "press", "airport", "authority", "board", "center", "centre", "campaign", "embassy", "organization",
    "organisation", "fund", "bank", "club", "team", "league", "congress", "senate", "parliament", "downing",
    "cabinet", "force", "guard", "command", "ltd", "llc", "co", "hospital", "church", "station", "coalition",
    "alliance", "federation", "industries", "media", "studios", "systems", "reserve", "nations", "forces",
    "patrol", "prosecutors", "secretariat", "military", "ministry", "fbi", "cia", "states", "kingdom", "emirates", "republic", "ice", "dhs", "doj", "nasa",
    "nato", "un", "eu", "idf", "irgc", "centcom", "palace", "society", "institution", "enforcement", "protection",
    "chamber",
    // A body named for its members, in the plural only ("United Farm Workers", "Communications Workers of
    // America"): "worker" alone is no body's word.
    "workers",
];

/// Legal forms that follow a company's name ("Microsoft Corp", "Alphabet Inc."), lower-case, without the
/// full stop: no part of what tells one company from another.
#[rustfmt::skip]
const CORPORATE_FORMS: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "nv", "gmbh", "limited", "incorporated",
];

/// Head nouns of descriptions: a phrase ending in one of these is a description even when capitalised
/// ("Officials said"). Compared lower-case.
#[rustfmt::skip]
pub(crate) const DESCRIPTOR_HEADS: &[&str] = &[
    "source", "sources", "official", "officials", "person", "people", "aide", "aides", "spokesperson",
    "spokesman", "spokeswoman", "spokespeople", "authorities", "police", "prosecutors", "investigators",
    "witnesses", "witness", "experts", "expert", "critics", "analysts", "analyst", "residents", "resident",
    "officers", "officer", "lawyers", "lawyer", "attorneys", "attorney", "diplomat", "diplomats", "adviser",
    "advisers", "advisor", "advisors", "insider", "insiders", "observers", "statement", "report", "documents",
    "document", "filing", "spokespersons", "representative", "representatives", "member", "members", "leaders",
    "leader", "lawmakers", "lawmaker", "agents", "agent", "friend", "friends", "family", "neighbor",
    "neighbour", "neighbors", "students", "student", "parents", "colleague", "colleagues", "executive",
    "executives", "employee", "employees", "staffer", "staffers", "man", "woman", "men", "women", "judge",
    "doctor", "doctors", "researchers", "scientists", "economists", "economist", "president", "senator",
    "governor", "mayor", "coach", "minister", "secretary", "republican", "republicans", "democrat", "gop",
    "democrats",
];

/// Description heads that stand for anonymous sources, so "the source said" can be tied to "a person
/// familiar with the talks" said earlier.
#[rustfmt::skip]
pub(crate) const ANONYMOUS_HEADS: &[&str] = &[
    "source", "sources", "official", "officials", "person", "people", "aide", "aides", "diplomat", "diplomats",
    "insider", "insiders",
];

/// Head nouns of descriptions that stand for a person ("the senator", "the Danity Kane singer"), which
/// resolve to the last named person speaker when no title matches. Other heads ("the studio", "the
/// agency") stay descriptions.
#[rustfmt::skip]
const PERSON_ROLES: &[&str] = &[
    "democrat", "democratic", "republican", "lawmaker", "singer", "rapper", "actor", "actress", "star",
    "player", "candidate", "nominee", "billionaire", "mogul", "historian", "expert", "man", "woman", "mother",
    "father", "son", "daughter", "wife", "husband", "brother", "sister", "veteran", "survivor", "victim",
    "witness", "monarch", "comedian", "musician", "artist", "designer", "athlete", "pitcher", "entrepreneur",
    "official", "politician", "senator", "congressman", "congresswoman", "congressmember", "legislator",
    "economist", "analyst", "physician", "doctor", "scientist", "researcher", "activist", "investor",
    "executive", "chief", "leader", "founder", "boss", "pontiff", "writer", "director",
];

// The lists above, indexed for lookups (see `lexicon`); the lists stay the place to add words.
static TITLES_LEX: Lexicon = Lexicon::new(TITLES);
static NOT_NAME_LEX: Lexicon = Lexicon::new(NOT_NAME);
static ORG_WORDS_LEX: Lexicon = Lexicon::new(ORG_WORDS);
pub(crate) static DESCRIPTOR_HEADS_LEX: Lexicon = Lexicon::new(DESCRIPTOR_HEADS);
static PERSON_ROLES_LEX: Lexicon = Lexicon::new(PERSON_ROLES);

/// Whether a lower-case head noun names a person's role.
pub(crate) fn is_person_role(word: &str) -> bool {
    PERSON_ROLES_LEX.contains(word) || TITLES_LEX.contains(word)
}

/// Whether a lower-case head noun names people: a role ([`is_person_role`]) or an anonymous source
/// ([`ANONYMOUS_HEADS`]: "official", "source").
pub(crate) fn is_people_head(word: &str) -> bool {
    is_person_role(word) || ANONYMOUS_HEADS.contains(&word)
}

/// Name suffixes that are not the surname ("Martin Luther King Jr.").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];

/// Whether a word is a name suffix: "Jr.", "Sr.", "III", or a regnal number in capitals ("Leo XIV"; not
/// the surnames "Li" and "Xi").
fn is_suffix(word: &str) -> bool {
    let w = bare_lower(word.trim_end_matches(','));
    SUFFIXES.contains(&w.as_str())
        || (w.len() >= 2
            && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))
            && word
                .trim_end_matches([',', '.'])
                .chars()
                .all(|c| c.is_uppercase()))
}

/// Determiners that begin a description rather than a name ("a Russian source", "two officials").
pub(crate) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "two", "three", "four", "five", "several", "multiple", "some", "many",
    "other", "both", "one", "another", "various", "numerous", "few",
];
pub(crate) static DETERMINERS_LEX: Lexicon = Lexicon::new(DETERMINERS);

/// A word's lookup form: possessive and trailing full stops dropped, lower-case ("Sen." → "sen").
fn bare_lower(word: &str) -> Lower<'_> {
    lower(strip_possessive(word).trim_end_matches('.'))
}

fn bare(word: &str) -> String {
    bare_lower(word).to_string()
}

/// Title words that name a field of government ("Foreign", "Homeland Security"): in a body's name after
/// "of" or "on" they are no one's title.
#[rustfmt::skip]
const FIELD_WORDS: &[&str] = &[
    "foreign", "defense", "defence", "interior", "state", "treasury", "homeland", "security", "health",
    "energy", "finance", "trade", "labor", "education", "transportation",
];

/// Words for a school, which copy uses for one another ("Florida Southern College … the university").
const SCHOOL_WORDS: &[&str] = &["university", "college", "school"];

/// `Trump’s` → `Trump`; `officials’` → `officials`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(s) = word.strip_suffix(suffix)
            && !s.is_empty()
        {
            return s;
        }
    }
    word
}

/// Whether a word is a job title, honorific or role ("Sen.", "spokesperson", "coach").
pub(crate) fn is_title_word(word: &str) -> bool {
    is_title_lower(&bare_lower(word))
}

/// [`is_title_word`] of a word in its lookup form ([`bare_lower`]).
fn is_title_lower(bare: &str) -> bool {
    // "his sister-in-law Miranda Matthews": a relation before a name is its title too.
    TITLES_LEX.contains(bare) || PERSON_ROLES_LEX.contains(bare) || kin_of_lower(bare).is_some()
}

/// Places whose names read like a person's (capitalised words, no body word), lower-case: US states,
/// Canadian provinces and countries. Left out are those that are also first names ("Georgia",
/// "Virginia", "Jordan", "Chad", "Israel"), which stay people when the article names someone so.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
    "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "washington state", "west virginia", "wisconsin", "wyoming",
    "alberta", "british columbia", "manitoba", "new brunswick", "newfoundland", "nova scotia", "ontario",
    "quebec", "saskatchewan",
    "afghanistan", "argentina", "australia", "austria", "bangladesh", "belgium", "brazil", "britain",
    "canada", "chile", "china", "colombia", "cuba", "denmark", "egypt", "england", "ethiopia", "finland",
    "france", "germany", "greece", "haiti", "hong kong", "hungary", "india", "indonesia", "iran", "iraq",
    "ireland", "italy", "japan", "kenya", "kuwait", "lebanon", "libya", "mexico", "netherlands",
    "new zealand", "nigeria", "north korea", "norway", "pakistan", "palestine", "peru", "poland",
    "portugal", "qatar", "romania", "russia", "saudi arabia", "scotland", "singapore", "somalia",
    "south africa", "south korea", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan",
    "thailand", "turkey", "ukraine", "venezuela", "vietnam", "wales", "yemen",
];
static PLACES_LEX: Lexicon = Lexicon::new(PLACES);

/// Whether a phrase is one of [`PLACES`] (a possessive "’s" allowed).
pub(crate) fn is_place(phrase: &str) -> bool {
    PLACES_LEX.contains(&lower(strip_possessive(phrase.trim())))
}

/// Whether a word marks an organisation ("Department", "House", "Kremlin").
pub(crate) fn is_org_word(word: &str) -> bool {
    let w = bare_lower(word);
    ORG_WORDS_LEX.contains(&w)
        || w.as_str()
            .strip_suffix('s')
            .is_some_and(|singular| ORG_WORDS_LEX.contains(&singular))
}

/// A word that is a first name when more of a name follows it, though alone it is no name word: "Will
/// Moy" (the verb "will" never comes before a name in an attribution) and a month's abbreviation written
/// without its full stop, "Mar Hicks", "Jan Egeland" (news copy abbreviates a month only before a date, and
/// with a full stop: "Jan. 6").
pub(crate) fn is_first_name_word(word: &str, more_follows: bool) -> bool {
    more_follows && (word == "Will" || MONTH_ABBREVIATIONS.contains(&word))
}

/// Month abbreviations as written without a full stop.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Whether a capitalised word is never part of a name (sentence-initial words, days, months).
pub(crate) fn is_not_name_word(word: &str) -> bool {
    is_not_name_lower(&bare_lower(word))
}

/// [`is_not_name_word`] of a word in its lookup form ([`bare_lower`]).
fn is_not_name_lower(bare: &str) -> bool {
    NOT_NAME_LEX.contains(bare) || CALENDAR_LEX.contains(bare)
}

/// Days and months (and their abbreviations), lower-case: never part of a name, and skipped between a
/// subject and its cue ("Peskov on Wednesday said").
#[rustfmt::skip]
pub(crate) const CALENDAR: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

static CALENDAR_LEX: Lexicon = Lexicon::new(CALENDAR);

/// Whether a word is a day or month.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    CALENDAR_LEX.contains(&bare_lower(word))
}

/// Whether a word starts with an upper-case letter (or is an acronym such as "CNN").
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// What sort of speaker a noun phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerSort {
    /// A named person ("Dmitry Peskov").
    Person,
    /// A named organisation ("the White House", "CNN").
    Organisation,
    /// A description: anonymous sources and roles ("a Russian source", "the attorney general").
    Description,
}

/// Classify a speaker phrase (as written, titles included).
pub(crate) fn sort_of(phrase: &str) -> SpeakerSort {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let Some(first) = words.first() else {
        return SpeakerSort::Description;
    };
    // "South Carolina", "Nova Scotia": a place speaks as its government, a body, never as "he" or "she".
    if words.len() <= 2 && is_capitalised(first) && is_place(phrase) {
        return SpeakerSort::Organisation;
    }
    // "China’s ambassador to Britain": an envoy's title and the place, with no name after it.
    if let [.., envoy, to, place] = words.as_slice()
        && *to == "to"
        && is_envoy_title(&bare_lower(envoy))
        && is_capitalised(place)
    {
        return SpeakerSort::Description;
    }
    // "Doctors for Camp Closure", "Physicians for Human Rights": a group named for its members and a
    // cause.
    if let [members, joiner, rest @ ..] = words.as_slice()
        && *joiner == "for"
        && names_members(members)
        && rest.len() >= 2
        && rest
            .iter()
            .all(|w| is_capitalised(w) || matches!(*w, "the" | "and" | "of"))
    {
        return SpeakerSort::Organisation;
    }
    let caps = words.iter().filter(|w| is_capitalised(w)).count();
    let starts_with_det = DETERMINERS_LEX.contains_word(first);
    // "a spokesperson for the Universities and Colleges Employers’ Association": a person described by
    // their role in a body, not the body.
    if starts_with_det && words.len() > 2 && has_role_head(phrase) {
        return SpeakerSort::Description;
    }
    let last = words.last().copied().unwrap_or("");
    // "Ken Doctor": a capitalised head (singular) after a first name is a surname, not "the doctor".
    // Asked only of a descriptor head: the place check is not cheap.
    let surname_head = || {
        matches!(words.as_slice(), [.., given, _]
            if is_capitalised(given)
                && is_capitalised(last)
                && !last.ends_with('s')
                && !is_title_word(given)
                && !is_org_word(given)
                && !is_not_name_word(given)
                && !DESCRIPTOR_HEADS_LEX.contains(&bare_lower(given))
                && !is_place(given))
    };
    if DESCRIPTOR_HEADS_LEX.contains(&bare_lower(last)) && !surname_head() {
        return SpeakerSort::Description;
    }
    // "Department of Justice", but not "University of Louisville head coach Jeff Brohm".
    // "Department of Homeland Security" too, whose last words can be titles; but a name after them makes a
    // person ("Department of Homeland Security Secretary Kristi Noem").
    // "Institute for the Study of War", "Council on Foreign Relations" too.
    let org_of = words.iter().enumerate().any(|(i, w)| {
        let rest = words.get(i + 2..).unwrap_or(&[]);
        is_org_word(w)
            && words.get(i + 1).is_some_and(|o| {
                ["of", "for", "on", "to"]
                    .iter()
                    .any(|j| o.eq_ignore_ascii_case(j))
            })
            && rest.last().is_some_and(|w| is_capitalised(w))
            && rest
                .iter()
                .all(|w| is_capitalised(w) || matches!(*w, "the" | "of" | "and" | "for" | "on"))
            // "Foreign" of "Council on Foreign Relations" names a field, not a person's title.
            && (rest
                .iter()
                .all(|w| !is_title_word(w) || FIELD_WORDS.contains(&bare_lower(w).as_str()))
                || rest
                    .last()
                    .is_some_and(|w| is_title_word(w) || is_org_word(w)))
    });
    // "Customs and Border Protection": names joined by "and" are a body.
    let joined = words.windows(3).any(|w| {
        w[1] == "and"
            && is_capitalised(w[0])
            && is_capitalised(w[2])
            && !is_title_word(w[0])
            && !is_title_word(w[2])
    });
    // "CNN Chief Law Enforcement and Intelligence Analyst John Miller": a title (however long) before a
    // name of one to three words makes a person, whatever "and" joins inside the title.
    let titled_name = || {
        words
            .iter()
            .rposition(|w| is_title_word(w))
            .is_some_and(|k| {
                let name = words.get(k + 1..).unwrap_or(&[]);
                (1..=3).contains(&name.len())
                    && name
                        .iter()
                        .all(|w| is_capitalised(w) && !is_title_word(w) && !is_org_word(w))
            })
    };
    if (is_org_word(last) || org_of || (joined && !titled_name())) && is_capitalised(last) {
        return SpeakerSort::Organisation;
    }
    if starts_with_det {
        // "the employee Ben Baker": a description in apposition before a full name is that person.
        let trailing_caps = words.iter().rev().take_while(|w| is_capitalised(w)).count();
        let before_run = words
            .len()
            .checked_sub(trailing_caps + 1)
            .and_then(|i| words.get(i));
        if trailing_caps >= 2
            && before_run.is_some_and(|w| {
                !is_capitalised(w)
                    && !DETERMINERS_LEX.contains_word(w)
                    && !matches!(
                        *w,
                        "of" | "at" | "for" | "in" | "from" | "with" | "and" | "on"
                    )
            })
            && !words
                .iter()
                .rev()
                .take(trailing_caps)
                .any(|w| is_org_word(w))
        {
            return SpeakerSort::Person;
        }
        // "the Kremlin", "the FBI": a determiner followed only by capitalised words naming a body.
        let rest_caps = words.iter().skip(1).all(|w| is_capitalised(w));
        let acronym = last.len() > 1 && last.chars().all(|c| c.is_uppercase() || c == '.');
        if rest_caps && words.len() > 1 && (acronym || words.iter().any(|w| is_org_word(w))) {
            return SpeakerSort::Organisation;
        }
        return SpeakerSort::Description;
    }
    if caps == 0 {
        return SpeakerSort::Description;
    }
    if !is_capitalised(last) {
        // "Kremlin spokespeople": capitalised modifier, lower-case head.
        return SpeakerSort::Description;
    }
    let acronym = words.len() == 1 && last.len() > 1 && last.chars().all(|c| c.is_uppercase());
    if acronym {
        return SpeakerSort::Organisation;
    }
    SpeakerSort::Person
}

/// The head noun of a description: the last word before its first postmodifier ("coalition" in "a
/// coalition of human rights groups in Israel"), else its last word.
pub(crate) fn description_head(description: &str) -> Option<&str> {
    description
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "for" | "from" | "in" | "with" | "at" | "on" | "who"
            )
        })
        .last()
}

/// Whether a description's head ([`description_head`]) is a person's role in lower case ("spokesperson" in
/// "a spokesperson for the Universities and Colleges Employers’ Association"): a person of a body.
pub(crate) fn has_role_head(description: &str) -> bool {
    description_head(description).is_some_and(|head| {
        !is_capitalised(head)
            && is_person_role(&bare_lower(
                head.trim_matches(|c: char| !c.is_alphanumeric()),
            ))
    })
}

/// Drop a place or body after a person's name: "Sen. Patty Murray of Washington" → "Sen. Patty Murray";
/// "the MacDill Air Force Base in Florida" → "the MacDill Air Force Base". Only when what follows the
/// preposition is all capitalised, or follows a person's full name, and what precedes it ends in a name,
/// not a title ("Army Chief of Staff Gen. Randy George" and "University of Louisville head coach Jeff
/// Brohm" are kept).
pub(crate) fn drop_place(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        // "with" gives a person's body only ("Patrol Chief James Hall with the New York Police
        // Department"), in the branch for a person's full name below.
        if !matches!(*w, "of" | "in" | "from" | "at" | "with") || i == 0 {
            continue;
        }
        let before = words.get(..i).unwrap_or(&[]);
        let after = words.get(i + 1..).unwrap_or(&[]);
        // "of Washington", "of Washington state".
        let place_words: Vec<&&str> = after
            .iter()
            .rev()
            .skip_while(|w| matches!(**w, "state" | "county" | "city" | "province"))
            .collect();
        // "Joint Chiefs of Staff Chairman Gen. Dan Caine": the name is after the preposition.
        if *w != "with" && place_words.iter().any(|w| is_title_word(w)) {
            continue;
        }
        let after_caps = !place_words.is_empty()
            && place_words
                .iter()
                .all(|w| is_capitalised(w) || matches!(**w, "the" | "of" | "and"));
        let before_ends_name = before
            .last()
            .is_some_and(|w| is_capitalised(w) && !is_title_word(w) && !is_org_word(w));
        // A body's name ("Air Force Base"), not a lower-case description ("a coalition of rights
        // organizations in Israel" is the article's description, place and all).
        let before_has_org = before.iter().any(|w| is_org_word(w) && is_capitalised(w));
        // "of" joins an organisation's own name ("Department of Justice", "Institute for the Study of
        // War"); "in"/"at" give its place.
        let joins_body = before_has_org && *w == "of";
        if *w != "with" && after_caps && !joins_body && (before_ends_name || before_has_org) {
            return before.join(" ");
        }
        // "chief inspector Jennifer Mattinson from the West Mercia police", "Tasos Georgelis of the
        // city’s Department of Environmental Protection": after a person's full name, the body or place
        // they are of is no part of their name, whatever its case.
        let full_name = before
            .iter()
            .rev()
            .take_while(|w| is_capitalised(w) && !is_title_word(w) && !is_org_word(w))
            .count()
            >= 2;
        // Not a body's name ("the U.S. Attorney’s Office for the Western District of New York"); a body's
        // word in a title is no body ("Patrol Chief James Hall with the New York Police Department").
        let body_named = before
            .iter()
            .zip(before.iter().skip(1))
            .any(|(w, next)| is_org_word(w) && is_capitalised(w) && !is_title_word(next));
        if full_name
            && before_ends_name
            && !body_named
            && before
                .first()
                .is_some_and(|b| !DETERMINERS_LEX.contains_word(b))
            && after
                .first()
                .is_some_and(|a| *a == "the" || is_capitalised(a))
        {
            return before.join(" ");
        }
    }
    phrase.to_string()
}

/// Drop titles from the front of a capitalised name: everything up to and including the last title word,
/// as long as at least one word is left. "Army Spokesperson Col. Dave Butler" → "Dave Butler".
pub(crate) fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut cut = 0;
    for (i, w) in words.iter().enumerate() {
        // A title, a lower-case word, a sentence-initial word, or a possessive ("CNN’s Ed Lavandera").
        let possessive = strip_possessive(w) != *w;
        let gerund = is_capitalised(w) && w.ends_with("ing");
        if i + 1 < words.len()
            && (is_title_word(w)
                || !is_capitalised(w)
                || (is_not_name_word(w) && !is_first_name_word(w, true))
                || possessive
                || gerund)
        {
            cut = i + 1;
        }
    }
    // "US Ambassador to Israel Mike Huckabee": the place an envoy is sent to goes with the title.
    if cut > 0 && words.get(cut - 1) == Some(&"to") {
        cut += envoy_place(words.get(cut - 1..).unwrap_or(&[])).saturating_sub(1);
    }
    let kept: Vec<&str> = words
        .get(cut..)
        .unwrap_or(&[])
        .iter()
        .map(|w| strip_possessive(w))
        .collect();
    kept.join(" ")
}

/// How many words at the start of `words` are an envoy's destination rather than a name: "to Israel" in
/// "to Israel Mike Huckabee" (two, when at least two words follow); none otherwise.
fn envoy_place(words: &[&str]) -> usize {
    match words {
        ["to", place, _, _, ..] if is_capitalised(place) => 2,
        _ => 0,
    }
}

/// The key that identifies one speaker across versions of a story: the surname of a person (titles and
/// suffixes stripped, lower-case), the full lower-case name of an organisation, or the lower-case words of
/// a description without its determiner.
///
/// ```
/// use storydiff::quotes::speaker_key;
/// assert_eq!(speaker_key("Peskov"), "peskov");
/// assert_eq!(speaker_key("Dmitry Peskov"), "peskov");
/// assert_eq!(speaker_key("Kremlin spokesperson Dmitry Peskov"), "peskov");
/// assert_eq!(speaker_key("Martin Luther King Jr."), "king");
/// assert_eq!(speaker_key("Lee Jae-myung"), "lee");
/// assert_eq!(speaker_key("the White House"), "white house");
/// assert_eq!(speaker_key("a Russian source"), "russian source");
/// ```
pub fn speaker_key(name: &str) -> String {
    let name = name.trim();
    key_of_sort(name, sort_of(name))
}

/// [`speaker_key`] of a trimmed name whose sort is known already.
fn key_of_sort(name: &str, sort: SpeakerSort) -> String {
    match sort {
        SpeakerSort::Organisation | SpeakerSort::Description => {
            let mut key = String::with_capacity(name.len());
            let mut words: Vec<&str> = name
                .split_whitespace()
                .filter(|w| !DETERMINERS_LEX.contains_word(w))
                .collect();
            // "Kylie Smith’s family" and "Smith’s family" are one speaker: a person who owns the
            // description counts by surname, as persons do.
            if let Some(owner) = words
                .iter()
                .position(|w| is_capitalised(w) && strip_possessive(w) != *w)
            {
                let run = words
                    .get(..owner)
                    .unwrap_or(&[])
                    .iter()
                    .rev()
                    .take_while(|w| is_capitalised(w))
                    .count();
                let names = words.get(owner - run..=owner).unwrap_or(&[]);
                let person = run > 0
                    && !names.iter().any(|w| is_title_word(w) || is_org_word(w))
                    && sort_of(&names.join(" ")) == SpeakerSort::Person;
                if person {
                    words.drain(owner - run..owner);
                }
            }
            // "Iran’s Islamic Revolutionary Guard Corps", "the country’s Ministry of Interior": a body's
            // name after its owner's possessive is the body.
            if let [first, next, rest @ ..] = words.as_slice()
                && strip_possessive(first) != *first
                && is_capitalised(next)
                && std::iter::once(next).chain(rest).any(|w| is_org_word(w))
            {
                words.remove(0);
            }
            // "US Customs and Border Protection" is "Customs and Border Protection": the country
            // qualifying a body's full name is not part of what tells it apart.
            if let [country, _, _, ..] = words.as_slice()
                && matches!(*country, "US" | "U.S.")
            {
                words.remove(0);
            }
            // "the Department of State" is "the State Department", "Ministry of Defense" "Defense
            // Ministry": the same body under its two usual names.
            if let [body, of, rest @ ..] = words.as_slice()
                && matches!(bare_lower(body).as_str(), "department" | "ministry")
                && *of == "of"
                && (1..=3).contains(&rest.len())
                && rest.iter().all(|w| is_capitalised(w))
            {
                let body = *body;
                words.drain(..2);
                words.push(body);
            }
            // "Microsoft Corp" is "Microsoft": a company's legal form after its name tells nothing apart.
            if words.len() >= 2
                && words.last().is_some_and(|w| {
                    CORPORATE_FORMS.contains(&bare_lower(w.trim_end_matches(',')).as_str())
                })
            {
                words.pop();
            }
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(&bare_lower(w));
            }
            key
        }
        // The last word once suffixes are dropped, so "Martin Luther King Jr." keeps "King" as its
        // surname. Titles need no stripping: [`strip_titles`] always keeps the last word. A Korean
        // name, or a Chinese one spelled the older way, puts the family name first and joins the given
        // name with a hyphen and a small letter ("Lee Jae-myung", "Chiang Kai-shek"): its key is the
        // family name, which "Lee said" uses.
        SpeakerSort::Person => {
            let mut words = name.split_whitespace().rev().filter(|w| !is_suffix(w));
            let last = words.next().unwrap_or_default();
            let surname = match words.next() {
                Some(family) if is_hyphenated_given_name(last) && words.next().is_none() => family,
                _ => last,
            };
            bare(strip_possessive(surname).trim_end_matches(','))
        }
    }
}

/// A given name of two syllables joined by a hyphen, the second in small letters ("Jae-myung",
/// "Kai-shek"), as Korean and older Chinese spellings write it; not a double-barrelled surname
/// ("Mountbatten-Windsor") or a name after a particle ("al-Assad").
fn is_hyphenated_given_name(word: &str) -> bool {
    let word = strip_possessive(word.trim_end_matches([',', '.']));
    word.split_once('-').is_some_and(|(first, second)| {
        first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().skip(1).all(char::is_lowercase)
            && first.chars().count() >= 2
            && !second.is_empty()
            && second.chars().all(char::is_lowercase)
    })
}

/// One name as the article writes it, with the title words that stood before it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// The name without titles ("Pam Bondi").
    pub name: String,
    /// The lower-case title words before it ("attorney general"), possibly lower-case descriptors too
    /// ("kremlin spokesperson").
    pub title: Vec<String>,
    /// Whether the name is a person's (not an organisation's).
    pub person: bool,
}

/// Every capitalised name run in an article, for fullest-name lookup and description matching.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct NameIndex {
    mentions: Vec<Mention>,
    /// Surname (lower-case) → (full name → (count, first mention order)).
    by_surname: BTreeMap<String, BTreeMap<String, (usize, usize)>>,
    /// Index of the first mention of each paragraph (mentions are added in paragraph order).
    paragraph_start: Vec<usize>,
    /// First name (lower-case) → full names of two words or more, for "Savannah said".
    by_first: BTreeMap<String, Vec<String>>,
    /// A one-word name → the fuller name the article says the same person is known by ("Ye" →
    /// "Kanye West"), from "known as" phrases.
    aliases: BTreeMap<String, String>,
    /// An acronym → the name spelled out just before it in brackets ("Institute for the Study of War
    /// (ISW)"), function words included.
    bracketed: BTreeMap<String, String>,
    /// Each distinct name indexed → its sort and [`speaker_key`], worked out once.
    keyed: FxHashMap<String, (SpeakerSort, String)>,
    /// [`NameIndex::fullest`] answers so far: a story asks for the same few names over and over.
    fullest_of: RefCell<FxHashMap<String, String>>,
    /// [`NameIndex::expand_acronym`] and [`NameIndex::fuller_organisation`] answers so far (both scan the
    /// mentions: asked once per quotation, they made a story of thousands of quotations slow).
    bodies_of: RefCell<FxHashMap<(bool, String), Option<String>>>,
    /// The mentions those two questions look at, by what could answer them (built once the article has
    /// asked [`BODY_SCANS`] of them), and how many were asked.
    body_keys: OnceCell<BodyKeys>,
    body_lookups: Cell<usize>,
    /// [`NameIndex::first_of_two_surnames`] for every word that could be asked: the one person whose
    /// name has it second to last (none when two have), built the first time a story asks.
    first_surnames: OnceCell<FxHashMap<String, Option<String>>>,
}

/// Whether `written` is `surname` misspelt by a slip of the pen: two neighbouring letters swapped
/// ("Krastios" for "Kratsios"), one letter too many inside the word ("Goladansaz" for "Goldansaz"; not at
/// either end, where "Israeli" would be "Israel" misspelt), or one vowel for another after the first letter
/// ("Hauser" for "Houser").
fn is_slip_of(written: &[char], surname: &str) -> bool {
    const VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];
    let other: Vec<char> = surname.chars().collect();
    if written.len() == other.len() + 1 {
        return (1..written.len() - 1)
            .any(|k| written.get(..k) == other.get(..k) && written.get(k + 1..) == other.get(k..));
    }
    if written.len() != other.len() {
        return false;
    }
    let differ: Vec<usize> = (0..written.len())
        .filter(|&k| written.get(k) != other.get(k))
        .take(3)
        .collect();
    match differ.as_slice() {
        [a, b] => {
            *b == a + 1 && written.get(*a) == other.get(*b) && written.get(*b) == other.get(*a)
        }
        [k] => {
            *k > 0
                && written.get(*k).is_some_and(|c| VOWELS.contains(c))
                && other.get(*k).is_some_and(|c| VOWELS.contains(c))
        }
        _ => false,
    }
}

/// The longest word of a name, in characters ("Schwarzenegger" has 14); longer ones are scraper glue.
const MAX_NAME_WORD_CHARS: usize = 15;

/// Short words the scraper glues to the name before them ("Nisperosin a post").
const GLUED_WORDS: &[&str] = &["in", "on", "at", "and", "the", "to", "of"];

/// The shortest surname taken for a misspelling of another ("Krastios" for "Kratsios"); shorter names
/// are too often different people one swap apart.
const MIN_TYPO_SURNAME_CHARS: usize = 6;

/// How many title mentions [`NameIndex::by_title`] looks at before giving up; a story has far fewer.
const MAX_TITLE_MENTIONS: usize = 1_000;

/// Connectors allowed inside a name run ("Charles de Gaulle", "Mohammed bin Salman").
#[rustfmt::skip]
const NAME_CONNECTORS: &[&str] = &[
    "de", "da", "van", "von", "bin", "al", "la", "del", "di", "der", "le", "du",
];

/// Bodies whose names run on with "to" and a verb ("Committee to Protect Journalists", "Campaign to End
/// Loneliness"); bodies named for themselves ("the Pentagon to Congress") never do.
#[rustfmt::skip]
const TO_BODIES: &[&str] = &[
    "committee", "campaign", "coalition", "alliance", "foundation", "fund", "office", "council",
    "commission", "center", "centre", "institute", "society", "association", "league", "federation",
    "project", "movement",
];

/// Envoys' titles that run on with "to" and the place they are sent to ("US Ambassador to Israel Mike
/// Huckabee").
const TO_TITLES: &[&str] = &["ambassador", "envoy", "representative", "delegate"];

/// Whether a lower-case word is an envoy's title of [`TO_TITLES`].
pub(crate) fn is_envoy_title(word: &str) -> bool {
    TO_TITLES.contains(&word)
}

/// Whether `joiner` between `before` and `next` (then `next2`) is inside a body's name or a title: "of",
/// "for" or "on" after a body's word before a capitalised word ("Department of Homeland Security",
/// "Council on Foreign Relations"), "for" also after the members a group is named for before two
/// capitalised words ("Doctors for Camp Closure", [`names_members`]); "to" after a body word of
/// [`TO_BODIES`] before two capitalised words
/// ("Committee to Protect Journalists", not "the Committee to Congress"), or after an envoy's title of
/// [`TO_TITLES`] before a capitalised word ("Ambassador to Israel").
pub(crate) fn joins_body_name(before: &str, joiner: &str, next: &str, next2: &str) -> bool {
    let name_word = |w: &str| is_capitalised(w) && !is_not_name_word(w);
    // "Doctors for Camp Closure", "Physicians for Human Rights": a group named for its members and a
    // cause of two words or more.
    let members = || names_members(before) && name_word(next2);
    match joiner {
        "of" | "on" => is_capitalised(before) && is_org_word(before) && name_word(next),
        "for" => is_capitalised(before) && (is_org_word(before) || members()) && name_word(next),
        "to" => {
            let before = bare_lower(before);
            (TO_BODIES.contains(&before.as_str()) && name_word(next) && name_word(next2))
                || (TO_TITLES.contains(&before.as_str()) && name_word(next))
        }
        _ => false,
    }
}

/// Whether a capitalised plural can open the name of a group named for its members and a cause
/// ("Doctors" of "Doctors for Camp Closure"): not those who act for someone ("Representatives for
/// Wayfield", "Attorneys for Jane Doe"), nor the field of a title ("Vice President of Sales for Dräger").
fn names_members(word: &str) -> bool {
    #[rustfmt::skip]
    const NOT_MEMBERS: &[&str] = &[
        "representatives", "attorneys", "lawyers", "spokespeople", "spokesmen", "spokeswomen",
        "officials", "aides", "agents", "sales", "operations", "communications", "affairs", "relations",
        "services", "resources", "sciences", "studies", "products", "systems", "markets", "programs",
        "partnerships", "news", "sports", "analytics", "logistics", "events",
    ];
    is_capitalised(word)
        && word.ends_with('s')
        && !is_title_word(word)
        && !is_not_name_word(word)
        && !NOT_MEMBERS.contains(&bare_lower(word).as_str())
}

/// Work shared between the versions of one story: the mentions each paragraph yields and the sort and key
/// of each name. Both depend only on the text, and most paragraphs of a version are in the one before it,
/// so [`NameIndex::build_cached`] reads a paragraph seen before for the cost of copying its mentions.
///
/// ```text
/// let mut cache = NameCache::default();
/// let old = NameIndex::build_cached(&old_paragraphs, &mut cache);
/// let new = NameIndex::build_cached(&new_paragraphs, &mut cache); // shared paragraphs are not re-read
/// ```
#[derive(Debug, Default)]
pub(crate) struct NameCache {
    /// Paragraph text → the mentions it yields, in reading order.
    paragraphs: FxHashMap<String, Vec<Mention>>,
    /// Each distinct name seen → its sort and [`speaker_key`].
    keyed: FxHashMap<String, (SpeakerSort, String)>,
}

impl NameCache {
    /// The sort and key of a name, worked out on first sight.
    fn keyed(&mut self, name: &str) -> &(SpeakerSort, String) {
        // Not `entry`: that would copy the name for every lookup.
        if !self.keyed.contains_key(name) {
            let sort = sort_of(name.trim());
            let key = key_of_sort(name.trim(), sort);
            self.keyed.insert(name.to_string(), (sort, key));
        }
        self.keyed.get(name).unwrap_or(&UNKEYED)
    }
}

/// What [`NameCache::keyed`] would give a name it had not keyed (it never happens: it keys every name asked).
static UNKEYED: (SpeakerSort, String) = (SpeakerSort::Description, String::new());

/// The capitalised name runs of one paragraph, titles split off, in reading order.
fn paragraph_mentions(text: &str, cache: &mut NameCache) -> Vec<Mention> {
    // Each word with its trimmed form, trimmed once: the runs below look at words and their neighbours
    // several times.
    let mut words: Vec<(&str, &str)> = Vec::with_capacity(text.len() / 5 + 1);
    for w in text.split_whitespace() {
        words.extend(split_glued(w).map(|w| (w, trim_word(w))));
    }
    let clean = |k: usize| words.get(k).map_or("", |w| w.1);
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(clean(i)) {
            i += 1;
            continue;
        }
        // Collect the run of capitalised words (with connectors), stopping after a word that ends in
        // punctuation other than an abbreviation's period, or a possessive.
        let start = i;
        let mut run: Vec<&str> = Vec::new();
        // Whether "of", "for" or "on" joined a body's name ("Department of Homeland Security").
        let mut body_joined = false;
        while let Some(&(w, c)) = words.get(i) {
            // "del Valle", "de la Vega": one or two connectors before a capitalised word. "Department of
            // Homeland Security", "Council on Foreign Relations": "of", "for" or "on" after a body's word.
            let connector = || {
                let joins = |k: usize| is_capitalised(clean(k));
                let of_body = run
                    .last()
                    .is_some_and(|last| joins_body_name(last, c, clean(i + 1), clean(i + 2)));
                of_body
                    || NAME_CONNECTORS.contains(&c)
                        && (joins(i + 1)
                            || (NAME_CONNECTORS.contains(&clean(i + 1)) && joins(i + 2)))
            };
            // "Center for Naval Studies (CNS)": a bracketed acronym follows the name, it is not part of it.
            if !(is_capitalised(c) || connector())
                || c.is_empty()
                || (w.starts_with('(') && !run.is_empty())
            {
                break;
            }
            body_joined |= !is_capitalised(c) && matches!(c, "of" | "for" | "on" | "to");
            run.push(c);
            i += 1;
            // "Blue Ribbon Commission on America’s Nuclear Future": a possessive inside a body's name,
            // after its "of" or "on", when a capitalised word goes on that is no title and no first name
            // (not "the Department of Justice’s Inspector General", "the University of Michigan’s John").
            let possessive = w.ends_with("’s") || w.ends_with("'s");
            let name_goes_on = || {
                let next = clean(i);
                body_joined
                    && is_capitalised(next)
                    && !is_title_word(next)
                    && !is_known_first_name(next)
                    && !is_not_name_word(next)
            };
            let ends_clause = w.ends_with([',', ';', ':', '”', '"'])
                || (w.ends_with('.') && !is_abbreviation(w))
                || (possessive && !name_goes_on())
                || w.starts_with('“');
            if ends_clause {
                break;
            }
        }
        if i == start {
            i += 1;
        }
        // Lower-case descriptors just before the run count as title words ("Kremlin spokesperson").
        let mut title: Vec<String> = Vec::new();
        let mut j = start;
        while j > 0 && title.len() < 4 {
            let Some(&(raw_prev, prev)) = words.get(j - 1) else {
                break;
            };
            if raw_prev.ends_with([',', '.', ';', ':', '”', '"', ')']) && !is_abbreviation(raw_prev)
            {
                break;
            }
            let lower_prev = bare_lower(prev);
            if prev.is_empty()
                || is_not_name_lower(&lower_prev)
                || !(is_capitalised(prev) || is_title_lower(&lower_prev))
            {
                break;
            }
            title.insert(0, lower_prev.to_string());
            j -= 1;
        }
        // "Mendoza Hernandez’s attorney, Patrick Kolasinski, said", "said a spokesman, Scott Whiffen.": a
        // lower-case role set off by a comma right before a name that is itself set off is its title (an
        // apposition). Not "told the president, Biden said": there the name runs on into its clause.
        let set_off = i > start
            && words
                .get(i - 1)
                .is_some_and(|&(raw, _)| raw.ends_with([',', '.']) && !is_abbreviation(raw));
        if title.is_empty()
            && set_off
            && let Some(&(raw_prev, prev)) = start.checked_sub(1).and_then(|k| words.get(k))
            && raw_prev.ends_with(',')
            && !is_capitalised(prev)
        {
            let role = bare_lower(prev);
            if is_title_lower(&role) {
                title.push(role.to_string());
            }
        }
        // "Will Moy": "Will" before another word of the run is a first name.
        let run_len = run.len();
        let mut names: Vec<&str> = run
            .into_iter()
            .enumerate()
            .skip_while(|&(k, w)| {
                (is_not_name_word(w) && !is_first_name_word(w, k + 1 < run_len))
                    || w.ends_with("ing")
            })
            .map(|(_, w)| w)
            .collect();
        // Split off leading title words (all but the last word may be one). A body's name ending in a
        // word that can also be a title ("Department of Homeland Security") is kept whole.
        let titled: Vec<bool> = names.iter().map(|w| is_title_word(w)).collect();
        let body = body_joined
            && (titled.last().copied().unwrap_or(false)
                || names.last().is_some_and(|w| is_org_word(w)));
        let cut = titled
            .iter()
            .take(names.len().saturating_sub(1))
            .rposition(|&t| t)
            .filter(|_| !body)
            .map_or(0, |k| k + 1);
        // "US Ambassador to Israel Mike Huckabee": the envoy's place belongs to the title.
        let cut = cut + envoy_place(names.get(cut..).unwrap_or(&[]));
        // "China’s ambassador to Britain Liu Xiaming": after a lower-case envoy's title and "to", the
        // run's first word is the place (when a name of two words follows).
        let lower_envoy = cut == 0
            && names.len() >= 3
            && names.len() == run_len
            && start >= 2
            && clean(start - 1) == "to"
            && is_envoy_title(&bare_lower(clean(start - 2)));
        if lower_envoy && title.is_empty() {
            title.push(bare_lower(clean(start - 2)).to_string());
            title.push("to".to_string());
        }
        let cut = cut + usize::from(lower_envoy);
        for w in names.iter().take(cut) {
            title.push(bare(w));
        }
        names.drain(..cut);
        if names.is_empty() || (!body && titled.iter().skip(cut).all(|&t| t)) {
            continue;
        }
        // Only the last word's possessive is the mention's: one inside is part of a body's name.
        let last = names.len() - 1;
        let name = names
            .iter()
            .enumerate()
            .map(|(k, w)| if k == last { strip_possessive(w) } else { w })
            .collect::<Vec<_>>()
            .join(" ");
        // `sort_of` reads only the words, so the trimmed name's sort is the name's.
        let person = cache.keyed(&name).0 == SpeakerSort::Person;
        mentions.push(Mention {
            name,
            title,
            person,
        });
    }
    mentions
}

impl NameIndex {
    /// Read every paragraph of an article (analysis goes through [`NameIndex::build_cached`]).
    #[cfg(test)]
    pub(crate) fn build(paragraphs: &[String]) -> NameIndex {
        NameIndex::build_cached(paragraphs, &mut NameCache::default())
    }

    /// Read every paragraph of an article, reusing (and adding to) the work `cache` holds from other
    /// versions of the story. The index is the one [`NameIndex::build`] gives.
    pub(crate) fn build_cached(paragraphs: &[String], cache: &mut NameCache) -> NameIndex {
        let mut index = NameIndex::default();
        for text in paragraphs {
            index.paragraph_start.push(index.mentions.len());
            let mentions = match cache.paragraphs.get(text.as_str()) {
                Some(mentions) => mentions.clone(),
                None => {
                    let mentions = paragraph_mentions(text, cache);
                    cache.paragraphs.insert(text.clone(), mentions.clone());
                    mentions
                }
            };
            for mention in mentions {
                // Every name of a cached paragraph was keyed when the paragraph was read.
                let keyed = cache.keyed(&mention.name);
                index.add(mention, keyed);
            }
        }
        index.paragraph_start.push(index.mentions.len());
        index.aliases = aliases(paragraphs);
        index.bracketed = bracketed_acronyms(paragraphs);
        index
    }

    /// Index one mention, whose name has the given sort and key.
    fn add(&mut self, mention: Mention, (sort, key): &(SpeakerSort, String)) {
        let order = self.mentions.len();
        let name = &mention.name;
        if !self.keyed.contains_key(name) {
            self.keyed.insert(name.clone(), (*sort, key.clone()));
        }
        if !key.is_empty() && *sort == SpeakerSort::Person {
            // "Alexis Castro Soto del Valle": a surname joined by a connector follows the first surname,
            // which a later "Alexis Castro" uses; the name is found under both.
            let words: Vec<&str> = name.split_whitespace().collect();
            let first_surnames = words
                .iter()
                .position(|w| NAME_CONNECTORS.contains(w))
                .filter(|&c| c >= 3)
                .map_or(&[][..], |c| words.get(1..c - 1).unwrap_or(&[]));
            for k in first_surnames.iter().map(|w| bare_lower(w)) {
                self.count_surname(&k, name, order);
            }
            self.count_surname(key, name, order);
            if words.len() >= 2
                && let Some(first) = words.first()
            {
                let list = self.by_first.entry(bare(first)).or_default();
                if !list.contains(name) {
                    list.push(name.clone());
                }
            }
        }
        self.mentions.push(mention);
    }

    /// Count one more mention of `name` under `surname` (remembering the order of its first).
    fn count_surname(&mut self, surname: &str, name: &str, order: usize) {
        // Looked up before inserting: most mentions repeat a name, and `entry` would copy both strings.
        let names = match self.by_surname.get_mut(surname) {
            Some(names) => names,
            None => self.by_surname.entry(surname.to_string()).or_default(),
        };
        match names.get_mut(name) {
            Some(entry) => entry.0 += 1,
            None => {
                names.insert(name.to_string(), (1, order));
            }
        }
    }

    /// The fullest name the article gives for a person named `name` (titles already stripped): among the
    /// names with the same surname that include all of `name`'s words, the first one introduced that is
    /// longer than `name`.
    pub(crate) fn fullest(&self, name: &str) -> String {
        if let Some(full) = self.fullest_of.borrow().get(name) {
            return full.clone();
        }
        let full = self.fullest_uncached(name);
        self.fullest_of
            .borrow_mut()
            .insert(name.to_string(), full.clone());
        full
    }

    fn fullest_uncached(&self, name: &str) -> String {
        if let Some(full) = self.aliases.get(name) {
            return self.fullest(full);
        }
        // The key of a name the article gives is known already.
        let key = match self.keyed.get(name.trim()) {
            Some((_, key)) => key.clone(),
            None => speaker_key(name),
        };
        let given: Vec<String> = name.split_whitespace().map(bare).collect();
        // Given names alone ("Savannah said", "says Te Kaurinui") are the one person the article names
        // in full with those first words: every longer name that starts with them has one surname (the
        // first introduced wins: "Te Kaurinui Robert Parata" before "Te Kaurinui Parata"). Not when a
        // longer name ends with these words, and not "Netflix CEO" for "Netflix": a name does not end
        // with a title.
        if let Some(first) = given.first()
            && let Some(names) = self.by_first.get(first)
            && self.by_surname.get(&key).is_none_or(|c| {
                c.keys()
                    .all(|n| n.split_whitespace().count() <= given.len())
            })
        {
            let mut longer = names.iter().filter(|n| {
                let words: Vec<&str> = n.split_whitespace().collect();
                words.len() > given.len()
                    && words.iter().zip(&given).all(|(w, g)| bare(w) == *g)
                    && !words.last().is_some_and(|w| is_title_word(w))
            });
            let surname = |n: &str| self.keyed.get(n).map(|(_, key)| key.as_str());
            if let Some(one) = longer.next()
                && longer.all(|n| surname(n) == surname(one))
            {
                return one.clone();
            }
        }
        // "Krastios wrote" in a story about Michael Kratsios: a lone surname that no full name has, one
        // swap of neighbouring letters away from one that a full name has, is that name misspelt.
        if let [only] = given.as_slice()
            && self
                .by_surname
                .get(&key)
                .is_none_or(|c| c.keys().all(|n| n.split_whitespace().count() < 2))
            && let Some(full) = self.misspelt_surname(only)
        {
            return full;
        }
        // "Ernesto Nisperosin a Facebook post": a word the scraper glued to the surname ("in") is dropped
        // when what is left is a surname the article gives ("Nisperos added"); that surname alone is the
        // glued full name without the glue.
        if let Some((first_words, last)) = name.trim().rsplit_once(' ')
            && let Some(surname) = GLUED_WORDS
                .iter()
                .find_map(|glue| last.strip_suffix(glue))
                .filter(|s| s.chars().count() >= 3)
            && bare(surname) != key
            && self.by_surname.contains_key(&bare(surname))
        {
            return self.fullest(&format!("{first_words} {surname}"));
        }
        if let [only] = given.as_slice()
            && self
                .by_surname
                .get(&key)
                .is_none_or(|c| c.keys().all(|n| n.split_whitespace().count() < 2))
            && let Some(glued) = GLUED_WORDS
                .iter()
                .filter_map(|glue| self.by_surname.get(&format!("{only}{glue}")))
                .flat_map(|c| c.keys())
                .find(|n| n.split_whitespace().count() >= 2)
            && let Some((first_words, _)) = glued.rsplit_once(' ')
        {
            return format!("{first_words} {}", name.trim());
        }
        let Some(candidates) = self.by_surname.get(&key) else {
            return name.to_string();
        };
        let mut best: Option<(&String, usize, usize, usize)> = None;
        for (full, &(count, order)) in candidates {
            // Words glued by the scraper ("Securitythreatenstorevoke Harvard") are no name.
            if full
                .split_whitespace()
                .any(|w| w.chars().count() > MAX_NAME_WORD_CHARS)
            {
                continue;
            }
            if !given
                .iter()
                .all(|g| full.split_whitespace().any(|w| bare_lower(w).as_str() == g))
            {
                continue;
            }
            let words = full.split_whitespace().count();
            // A full name beats a shorter one; among full names the first introduced wins: a bare
            // "Trump" in a story that names Donald Trump before Eric Trump is Donald Trump.
            let is_full = words > given.len();
            let better = match best {
                None => true,
                Some((_, n, _, o)) => {
                    let best_full = n > given.len();
                    (is_full, std::cmp::Reverse(order), words)
                        > (best_full, std::cmp::Reverse(o), n)
                }
            };
            if better {
                best = Some((full, words, count, order));
            }
        }
        match best {
            Some((full, n, _, _)) if n >= given.len() => full.clone(),
            _ => name.to_string(),
        }
    }

    /// The one person named in three words or more whose second-to-last word is `surname`, the first of
    /// two surnames ("Castañeda said" after "Cristóbal Castañeda Camarillo", "José Luis Cervantes
    /// Martínez"); none when two people fit.
    pub(crate) fn first_of_two_surnames(&self, surname: &str) -> Option<String> {
        let holders = self.first_surnames.get_or_init(|| {
            let mut holders: FxHashMap<String, Option<String>> = FxHashMap::default();
            for full in self.by_surname.values().flat_map(|names| names.keys()) {
                let mut words = full.split_whitespace().rev();
                let (Some(_), Some(first), Some(_)) = (words.next(), words.next(), words.next())
                else {
                    continue;
                };
                if first.chars().count() <= 2
                    || full
                        .split_whitespace()
                        .any(|w| NAME_CONNECTORS.contains(&w))
                {
                    continue;
                }
                holders
                    .entry(bare(first))
                    .and_modify(|held| {
                        if held.as_ref() != Some(full) {
                            *held = None;
                        }
                    })
                    .or_insert_with(|| Some(full.clone()));
            }
            holders
        });
        holders.get(&bare(surname)).cloned().flatten()
    }

    /// The one full name whose surname is `surname` misspelt, two neighbouring letters swapped, one letter
    /// too many or one vowel for another (surnames of at least [`MIN_TYPO_SURNAME_CHARS`] letters), if
    /// exactly one fits.
    fn misspelt_surname(&self, surname: &str) -> Option<String> {
        let letters: Vec<char> = surname.chars().collect();
        if letters.len() < MIN_TYPO_SURNAME_CHARS {
            return None;
        }
        let mut found: Option<&String> = None;
        for (other, names) in &self.by_surname {
            if !is_slip_of(&letters, other) {
                continue;
            }
            let full = names
                .iter()
                .filter(|(n, _)| n.split_whitespace().count() >= 2)
                .min_by_key(|(_, (_, order))| *order)
                .map(|(n, _)| n);
            if let Some(full) = full {
                if found.is_some_and(|f| f != full) {
                    return None;
                }
                found = Some(full);
            }
        }
        found.cloned()
    }

    /// A person whose title words include every word of `description` ("attorney general" →
    /// "Pam Bondi"), preferring the last mention at or before `paragraph`.
    pub(crate) fn by_title(&self, description: &[String], paragraph: usize) -> Option<String> {
        self.titled(description, paragraph, true)
    }

    /// [`NameIndex::by_title`] among the people named up to paragraph `paragraph` only: a second
    /// reference ("his sister-in-law wrote") points back to the name it shortens, never ahead.
    pub(crate) fn by_title_so_far(
        &self,
        description: &[String],
        paragraph: usize,
    ) -> Option<String> {
        self.titled(description, paragraph, false)
    }

    fn titled(&self, description: &[String], paragraph: usize, later: bool) -> Option<String> {
        if description.is_empty() {
            return None;
        }
        // "the chief executive of Live Nation": the CEO, of whichever body; function words do not count.
        let mut description: Vec<String> = description
            .iter()
            .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "at" | "in" | "and"))
            .cloned()
            .collect();
        if description.iter().any(|w| w == "chief") && description.iter().any(|w| w == "executive")
        {
            description.retain(|w| w != "chief" && w != "executive");
            description.push("ceo".to_string());
        }
        let description = description.as_slice();
        // "The president" is not a vice president, nor "the director" a deputy director.
        let deputy = |t: &String| matches!(t.as_str(), "vice" | "deputy" | "assistant");
        let fits = |m: &&Mention| {
            m.person
                && description
                    .iter()
                    .all(|d| m.title.iter().any(|t| title_equivalent(t, d)))
                && m.title
                    .iter()
                    .filter(|t| deputy(t))
                    .all(|t| description.contains(t))
        };
        let end = self
            .paragraph_start
            .get(paragraph + 1)
            .copied()
            .unwrap_or(self.mentions.len());
        // The person the article most often gives this title, so far; ties go to the most recent. "The
        // president" is the one styled President most often, not the last person called a president.
        let mut tally: Vec<(String, usize, usize)> = Vec::new(); // (name, count, recency rank)
        let before = self.mentions.get(..end).unwrap_or(&[]);
        for (rank, m) in before
            .iter()
            .rev()
            .take(MAX_TITLE_MENTIONS)
            .filter(fits)
            .enumerate()
        {
            let name = self.fullest(&m.name);
            match tally.iter_mut().find(|(n, _, _)| *n == name) {
                Some(entry) => entry.1 += 1,
                None => tally.push((name, 1, rank)),
            }
        }
        let best = tally
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
            .map(|(name, _, _)| name);
        if !later {
            return best;
        }
        best.or_else(|| {
            self.mentions
                .iter()
                .take(MAX_TITLE_MENTIONS)
                .find(fits)
                .map(|m| self.fullest(&m.name))
        })
    }

    /// The organisation the article names in full that a description stands for: "police" → "Seminole
    /// Police Department", "the court" → "Innsbruck Regional Court". The description's org word must be
    /// in the name; the last such name at or before paragraph `p` wins, else the first after it.
    pub(crate) fn organisation_for(&self, description: &str, p: usize) -> Option<String> {
        let heads: Vec<String> = description
            .split_whitespace()
            .filter(|w| is_org_word(w))
            .map(bare)
            .collect();
        if heads.is_empty() {
            return None;
        }
        // The description's own capitalised words name the body too: "a Justice Department spokesperson"
        // is no "Robert F. Kennedy Department".
        let qualifiers: Vec<String> = description
            .split_whitespace()
            .filter(|w| is_capitalised(w) && !is_org_word(w))
            .map(|w| bare(strip_possessive(w)))
            .collect();
        // "the university" in a paragraph that names "Florida Southern College": a school is called by
        // any word for a school, and the one its paragraph names is the one meant.
        if let [head] = heads.as_slice()
            && qualifiers.is_empty()
            && SCHOOL_WORDS.contains(&head.as_str())
            // The school is the head noun: not "a college friend".
            && description.split_whitespace().next_back().map(bare).as_ref() == Some(head)
            && let Some(school) = self.mentions_in(p).iter().rev().find(|m| {
                !m.person
                    && m.name.split_whitespace().count() >= 2
                    && m.name.split_whitespace().any(|w| {
                        SCHOOL_WORDS.contains(&bare_lower(w).as_str())
                    })
            })
        {
            return Some(
                self.fuller_organisation(&school.name)
                    .unwrap_or_else(|| school.name.clone()),
            );
        }
        let fits = |m: &&Mention| {
            !m.person
                && qualifiers
                    .iter()
                    .all(|q| m.name.split_whitespace().any(|w| bare(w) == *q))
                && m.name.split_whitespace().count() >= 2
                && m.name
                    .split_whitespace()
                    .all(|w| w.chars().count() <= MAX_NAME_WORD_CHARS)
                && heads
                    .iter()
                    .all(|h| m.name.split_whitespace().any(|w| bare(w) == *h))
        };
        self.nearest_mention(p, fits).map(|m| {
            self.fuller_organisation(&m.name)
                .unwrap_or_else(|| m.name.clone())
        })
    }

    /// The last mention that `fits` at or before paragraph `p`, else the first after it (among the
    /// [`MAX_TITLE_MENTIONS`] nearest each way).
    fn nearest_mention(&self, p: usize, fits: impl Fn(&&Mention) -> bool) -> Option<&Mention> {
        let end = self
            .paragraph_start
            .get(p + 1)
            .copied()
            .unwrap_or(self.mentions.len());
        let before = self.mentions.get(..end).unwrap_or(&[]);
        before
            .iter()
            .rev()
            .take(MAX_TITLE_MENTIONS)
            .find(&fits)
            .or_else(|| self.mentions.iter().take(MAX_TITLE_MENTIONS).find(&fits))
    }

    /// The body whose name opens with `words` (lower-case) that a description made of them stands for:
    /// "the doctors" → "Doctors for Camp Closure", "the legal aid statement" → "Legal Aid Bureau of
    /// Buffalo". A name of three words or more, longer than `words`, that is no person's; the nearest
    /// ([`NameIndex::nearest_mention`]).
    pub(crate) fn body_opening_with(&self, words: &[&str], p: usize) -> Option<String> {
        if words.is_empty() {
            return None;
        }
        // Cheapest first: most mentions differ in their first word, compared without allocating.
        let fits = |m: &&Mention| {
            !m.person
                && m.name
                    .split_whitespace()
                    .zip(words)
                    .all(|(w, want)| bare_lower(w).as_str() == *want)
                && m.name.split_whitespace().count() >= 3.max(words.len() + 1)
        };
        self.nearest_mention(p, fits).map(|m| m.name.clone())
    }

    /// The fuller name the article gives a body it also names shortly: "Elysée" → "Elysée Palace",
    /// "Ethics Committee" → "House Ethics Committee" (a name that is not a person's and starts with all of
    /// `name`'s words, or ends with two or more of them; the first one introduced).
    pub(crate) fn fuller_organisation(&self, name: &str) -> Option<String> {
        self.body_memo(false, name, || self.fuller_organisation_uncached(name))
    }

    /// What `work` says about `name`, worked out once per name (`acronym`: which question it answers).
    fn body_memo(
        &self,
        acronym: bool,
        name: &str,
        work: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        super::memoised(&self.bodies_of, (acronym, name.to_string()), work)
    }

    fn fuller_organisation_uncached(&self, name: &str) -> Option<String> {
        let given: Vec<&str> = name.split_whitespace().collect();
        let first = given.first()?;
        // Only mentions that start with the first word or end with the last two can be fuller.
        let candidates = self.body_candidates(|keys| {
            let mut list: Vec<usize> = keys.first_word.get(*first).cloned().unwrap_or_default();
            if let [.., a, b] = given.as_slice()
                && let Some(ending) = keys.last_two.get(&(a.to_string(), b.to_string()))
            {
                list.extend(ending);
                list.sort_unstable();
                list.dedup();
            }
            list
        });
        candidates
            .iter()
            .filter_map(|&k| self.mentions.get(k))
            .find(|m| {
                if m.person || m.name.split_whitespace().count() <= given.len() {
                    return false;
                }
                // "the Elysée" → "Elysée Palace"; "the Ethics Committee" → "House Ethics Committee" (two
                // words or more at the end: one alone, "the Committee", could be any).
                let prefix = m.name.split_whitespace().zip(&given).all(|(w, g)| w == *g);
                let suffix = given.len() >= 2
                    && m.name
                        .split_whitespace()
                        .rev()
                        .zip(given.iter().rev())
                        .all(|(w, g)| w == *g);
                (prefix || suffix) && self.sort_of_name(&m.name) == SpeakerSort::Organisation
            })
            .map(|m| m.name.clone())
    }

    /// [`sort_of`] a name, from the sorts worked out while indexing when the article gives that name.
    pub(crate) fn sort_of_name(&self, name: &str) -> SpeakerSort {
        self.keyed
            .get(name.trim())
            .map_or_else(|| sort_of(name), |(sort, _)| *sort)
    }

    /// The full name behind an acronym, when the article spells it out: "RCMP" → "Royal Canadian
    /// Mounted Police" (the initials of its capitalised words, in order).
    pub(crate) fn expand_acronym(&self, acronym: &str) -> Option<String> {
        self.body_memo(true, acronym, || self.expand_acronym_uncached(acronym))
    }

    fn expand_acronym_uncached(&self, acronym: &str) -> Option<String> {
        let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || !letters.chars().all(char::is_uppercase) {
            return None;
        }
        if let Some(full) = self.bracketed.get(&letters) {
            return Some(full.clone());
        }
        // The first mention (of those the index keeps for this) that spells the acronym out; only the
        // mentions whose initials could be these letters are looked at.
        let candidates =
            self.body_candidates(|keys| keys.initials.get(&letters).cloned().unwrap_or_default());
        candidates.iter().find_map(|&k| {
            let m = self.mentions.get(k)?;
            // "Royal Canadian Mounted Police (RCMP)" is collected as one run with the acronym in it.
            let initials: String = m
                .name
                .split_whitespace()
                .filter(|w| is_capitalised(w) && *w != acronym)
                .map(initials_of)
                .collect();
            let name = || {
                m.name
                    .split_whitespace()
                    .filter(|w| *w != acronym)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            // "US Weather Bureau": "US" was taken for a title word, but it is part of the name.
            if has_us_title(m) && format!("US{initials}") == letters {
                return Some(format!("US {}", name()));
            }
            (initials == letters && m.name.split_whitespace().count() >= 2).then(name)
        })
    }

    /// The mentions (positions, in order) that may answer a body lookup: all of those the lookups look
    /// at for an article's first [`BODY_SCANS`] lookups, then those `pick` takes from [`BodyKeys`] (an
    /// article of thousands of made-up acronyms would make scans quadratic).
    fn body_candidates(&self, pick: impl FnOnce(&BodyKeys) -> Vec<usize>) -> Vec<usize> {
        let asked = self.body_lookups.get();
        self.body_lookups.set(asked.saturating_add(1));
        if asked < BODY_SCANS && self.body_keys.get().is_none() {
            (0..self.mentions.len().min(MAX_TITLE_MENTIONS * 5)).collect()
        } else {
            pick(self.body_keys())
        }
    }

    /// [`BodyKeys`] of this article, worked out on first use.
    fn body_keys(&self) -> &BodyKeys {
        self.body_keys.get_or_init(|| {
            let mut keys = BodyKeys::default();
            for (k, m) in self
                .mentions
                .iter()
                .take(MAX_TITLE_MENTIONS * 5)
                .enumerate()
            {
                let words: Vec<&str> = m.name.split_whitespace().collect();
                let initials = |skip: Option<&str>| -> String {
                    words
                        .iter()
                        .filter(|w| is_capitalised(w) && Some(**w) != skip)
                        .map(|w| initials_of(w))
                        .collect()
                };
                // Every acronym this mention could spell out: its initials, and its initials without
                // a word of capitals that the acronym could be (then left out of the name).
                let mut spelled = vec![initials(None)];
                for w in &words {
                    let capitals = w.chars().filter(|c| c.is_alphabetic());
                    if is_capitalised(w)
                        && capitals.clone().count() >= 2
                        && capitals.clone().all(char::is_uppercase)
                    {
                        spelled.push(initials(Some(w)));
                    }
                }
                for letters in spelled {
                    if has_us_title(m) {
                        keys.initials
                            .entry(format!("US{letters}"))
                            .or_default()
                            .push(k);
                    }
                    keys.initials.entry(letters).or_default().push(k);
                }
                if let Some(first) = words.first() {
                    keys.first_word
                        .entry(first.to_string())
                        .or_default()
                        .push(k);
                }
                if let [.., a, b] = words.as_slice() {
                    keys.last_two
                        .entry((a.to_string(), b.to_string()))
                        .or_default()
                        .push(k);
                }
            }
            // A mention listed twice under one key (two ways to the same letters) is looked at once.
            for list in keys.initials.values_mut() {
                list.dedup();
            }
            keys
        })
    }

    /// The names mentioned in paragraph `p`, in reading order.
    pub(crate) fn mentions_in(&self, p: usize) -> &[Mention] {
        let start = self.paragraph_start.get(p).copied().unwrap_or(0);
        let end = self.paragraph_start.get(p + 1).copied().unwrap_or(start);
        self.mentions.get(start..end).unwrap_or(&[])
    }

    /// A named person (full name) mentioned in paragraph `p`: the first one (the subject a later "he"
    /// most likely refers to) or the last one, looking at no more than [`MAX_TITLE_MENTIONS`] mentions.
    pub(crate) fn person_in(&self, p: usize, first: bool) -> Option<&Mention> {
        let mentions = self.mentions_in(p);
        let ordered: Box<dyn Iterator<Item = &Mention>> = if first {
            Box::new(mentions.iter())
        } else {
            Box::new(mentions.iter().rev())
        };
        ordered
            .take(MAX_TITLE_MENTIONS)
            .find(|m| m.person && m.name.split_whitespace().count() >= 2)
    }
}

/// The names an article says one person goes by: "Sean Combs, also known as Diddy" and "The artist
/// formerly known as Kanye West …" with "Ye, as he is now known, …" map the one-word name to the fuller
/// one. Only a one-word name is mapped, and only to a name of two words or more.
fn aliases(paragraphs: &[String]) -> BTreeMap<String, String> {
    /// The capitalised name run that starts `text` (after "the" or nothing), if it is all of it up to a
    /// comma or the end of the clause.
    fn name_after(text: &str) -> Option<String> {
        let words: Vec<&str> = text
            .split_whitespace()
            .take_while(|w| is_capitalised(trim_word(w)))
            .collect();
        let mut name = Vec::new();
        for w in words {
            name.push(trim_word(w));
            if w.ends_with([',', '.', ';', ':', ')']) {
                break;
            }
        }
        (!name.is_empty()).then(|| name.join(" "))
    }
    /// The capitalised name run that ends `text`.
    fn name_before(text: &str) -> Option<String> {
        let mut words: Vec<&str> = text
            .split_whitespace()
            .rev()
            .take_while(|w| is_capitalised(trim_word(w)) && !is_not_name_word(trim_word(w)))
            .map(trim_word)
            .collect();
        words.reverse();
        (!words.is_empty()).then(|| strip_titles(&words.join(" ")))
    }
    let mut out = BTreeMap::new();
    let mut former: Option<String> = None;
    let mut current: Option<String> = None;
    let mut link = |a: String, b: String| {
        let (short, full) = if a.split_whitespace().count() < b.split_whitespace().count() {
            (a, b)
        } else {
            (b, a)
        };
        if short.split_whitespace().count() == 1 && full.split_whitespace().count() >= 2 {
            out.entry(short).or_insert(full);
        }
    };
    // Both shapes contain " known": one search skips the paragraphs (nearly all) that have neither.
    for text in paragraphs.iter().filter(|t| t.contains(" known")) {
        for (at, _) in text.match_indices(" known as ") {
            let before = text.get(..at).unwrap_or("");
            let after = text.get(at + " known as ".len()..).unwrap_or("");
            let Some(named) = name_after(after) else {
                continue;
            };
            let before = before
                .trim_end()
                .trim_end_matches(|c: char| c.is_alphabetic())
                .trim_end();
            // "Sean Combs, also known as Diddy": the name before the comma.
            match before.strip_suffix(',').and_then(name_before) {
                Some(name) => link(name, named),
                None if text.get(..at).is_some_and(|b| b.ends_with("formerly")) => {
                    former.get_or_insert(named);
                }
                None => {}
            }
        }
        // "Ye, as he is now known, …".
        for marker in [
            ", as he is now known",
            ", as she is now known",
            ", as they are now known",
        ] {
            if let Some(at) = text.find(marker)
                && let Some(name) = name_before(text.get(..at).unwrap_or(""))
            {
                current.get_or_insert(name);
            }
        }
    }
    if let (Some(former), Some(current)) = (former, current) {
        link(current, former);
    }
    out
}

/// What a word gives an acronym: its first letter, or all of an all-capitals word's ("US" in "USPS").
/// How many body lookups ([`NameIndex::expand_acronym`], [`NameIndex::fuller_organisation`]; each name
/// once) an article answers by scanning its mentions before it builds [`BodyKeys`]. A story asks about a
/// handful of bodies: building the maps for every version cost the median corpus pair 0.43 M instructions
/// per diff (callgrind), more than the scans they spared; past 16 lookups the maps win.
const BODY_SCANS: usize = 16;

/// The mentions [`NameIndex::expand_acronym`] and [`NameIndex::fuller_organisation`] look at (the first
/// `MAX_TITLE_MENTIONS * 5`), by position, under what could make them an answer: the acronyms they could
/// spell out, their first word, their last two words. Lists are in mention order, so the first that
/// passes the full check is the one a scan of all the mentions would find; an article of thousands of
/// made-up acronyms asks these maps instead of scanning every mention for each.
#[derive(Debug, Default, PartialEq)]
struct BodyKeys {
    initials: FxHashMap<String, Vec<usize>>,
    first_word: FxHashMap<String, Vec<usize>>,
    last_two: FxHashMap<(String, String), Vec<usize>>,
}

/// "US Weather Bureau": a mention whose last title word is "US", which is also part of a body's name.
fn has_us_title(m: &Mention) -> bool {
    m.title.last().is_some_and(|t| t == "us" || t == "u.s.")
}

fn initials_of(word: &str) -> String {
    if word.chars().all(char::is_uppercase) {
        word.to_string()
    } else {
        word.chars().take(1).collect()
    }
}

/// Function words that stand between the capitalised words of a spelled-out name without giving an
/// initial ("Institute for the Study of War", "Immigration and Customs Enforcement").
const ACRONYM_JOINERS: &[&str] = &["of", "for", "the", "and", "on", "in", "&"];

/// The longest run of words [`spelled_out`] reads as one name.
const MAX_SPELLED_WORDS: usize = 8;

/// The name an acronym stands for, spelled out anywhere in the article as capitalised words joined by
/// function words: "ICE" → "Immigration and Customs Enforcement", which the name index keeps as two runs.
/// The first such run in reading order, by initials, else by syllables ("CENTCOM" → "Central Command", see
/// `spelled_by_syllables`); for when [`NameIndex::expand_acronym`] finds nothing. A pass or two over the
/// article: callers look up each acronym once (see `State::spelled_out` in `quotes`).
pub(crate) fn spelled_out(acronym: &str, paragraphs: &[String]) -> Option<String> {
    if acronym.chars().count() < 2 || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    spelled_by_initials(acronym, paragraphs).or_else(|| spelled_by_syllables(acronym, paragraphs))
}

/// Letters at least of a syllabic acronym: shorter ones are initials ("FEMA", "NATO").
const MIN_SYLLABIC_ACRONYM: usize = 5;
/// Letters at least that each word gives a syllabic acronym ("CENT" + "COM").
const MIN_SYLLABLE: usize = 3;

/// "CENTCOM" → "Central Command", "INTERPOL" → "International Police": an acronym made of the first letters
/// of each of two or more consecutive capitalised words, three or more from each, spelled out in the text.
/// The shortest spelling found wins: a scraper may glue the next word to the last one ("Central
/// Commandannouncedon").
fn spelled_by_syllables(acronym: &str, paragraphs: &[String]) -> Option<String> {
    if acronym.len() < MIN_SYLLABIC_ACRONYM {
        return None;
    }
    let initial = acronym.chars().next()?;
    // The first word starts with the acronym's first syllable ("Cen" of "CENTCOM"): paragraphs without it
    // are passed over before they are split into words.
    let syllable = format!("{initial}{}", acronym.get(1..MIN_SYLLABLE)?.to_lowercase());
    paragraphs
        .iter()
        .filter(|text| text.contains(syllable.as_str()))
        .flat_map(|text| {
            let raw: Vec<&str> = text.split_whitespace().collect();
            (0..raw.len()).filter_map(move |i| {
                let mut at = 0;
                for j in i..raw.len().min(i + MAX_SPELLED_WORDS) {
                    let w = strip_possessive(trim_word(raw.get(j)?));
                    if !is_capitalised(w) || (j == i && !w.starts_with(initial)) {
                        return None;
                    }
                    let rest = acronym.get(at..)?;
                    let common = w
                        .chars()
                        .zip(rest.chars())
                        .take_while(|(a, b)| a.to_ascii_uppercase() == *b)
                        .count();
                    if common < MIN_SYLLABLE {
                        return None;
                    }
                    at += common;
                    if at == acronym.len() {
                        return (j > i).then(|| {
                            let mut name: Vec<&str> =
                                raw.get(i..j)?.iter().map(|w| trim_word(w)).collect();
                            name.push(w);
                            Some(name.join(" "))
                        })?;
                    }
                }
                None
            })
        })
        .min_by_key(String::len)
}

/// [`spelled_out`] by initials: "Royal Canadian Mounted Police" for "RCMP".
fn spelled_by_initials(acronym: &str, paragraphs: &[String]) -> Option<String> {
    let initial = acronym.chars().next()?;
    paragraphs.iter().find_map(|text| {
        // Most words cannot start the name: their first letter is not the acronym's. They are passed
        // over before any trimming (this runs once per acronym over the whole article).
        if !text.contains(initial) {
            return None;
        }
        let raw: Vec<&str> = text.split_whitespace().collect();
        (0..raw.len()).find_map(|i| {
            // The first letter, looked at before the word is trimmed.
            let lead = raw
                .get(i)?
                .trim_start_matches(|c: char| !c.is_alphanumeric());
            if !lead.starts_with(initial) {
                return None;
            }
            let first = trim_word(raw.get(i)?);
            if !first.starts_with(initial) || first == acronym {
                return None;
            }
            let mut initials = String::new();
            for j in i..raw.len().min(i + MAX_SPELLED_WORDS) {
                let w = trim_word(raw.get(j)?);
                if ACRONYM_JOINERS.contains(&w) {
                    continue;
                }
                if !is_capitalised(w) || initials.len() >= acronym.len() {
                    return None;
                }
                initials.push_str(&initials_of(w));
                if initials == acronym {
                    // As written ("Warner Bros. Discovery"), but for the punctuation around the run.
                    // "the Los Angeles County District Attorney’s office": the body, not its possessive.
                    let mut name: Vec<&str> = raw.get(i..j)?.to_vec();
                    name.push(strip_possessive(w));
                    if let Some(first) = name.first_mut() {
                        *first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
                    }
                    return Some(name.join(" "));
                }
                if !acronym.starts_with(initials.as_str()) {
                    return None;
                }
            }
            None
        })
    })
}

/// Acronyms the article spells out right before them in brackets: "the Institute for the Study of War
/// (ISW)" gives "ISW" → "Institute for the Study of War". The capitalised words before the bracket, with
/// the function words between them, must have the acronym's letters as initials (an all-capitals word
/// gives all its letters: "US Postal Service (USPS)").
fn bracketed_acronyms(paragraphs: &[String]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for text in paragraphs {
        // "War (ISW)", or glued by the scraper: "War(ISW)".
        for (open, _) in text.match_indices('(') {
            let Some(close) = text.get(open + 1..).and_then(|r| r.find(')')) else {
                continue;
            };
            let acronym = text.get(open + 1..open + 1 + close).unwrap_or("");
            if acronym.chars().count() < 2 || !acronym.chars().all(char::is_uppercase) {
                continue;
            }
            let before: Vec<&str> = text
                .get(..open)
                .unwrap_or("")
                .split_whitespace()
                .flat_map(split_glued)
                .collect();
            // Walk back over capitalised words and joiners while the initials still end the acronym.
            let mut initials = String::new();
            let mut start = before.len();
            for (k, w) in before.iter().enumerate().rev() {
                let w = strip_possessive(trim_word(w));
                if ACRONYM_JOINERS.contains(&w) {
                    continue;
                }
                if !is_capitalised(w) {
                    break;
                }
                let candidate = format!("{}{initials}", initials_of(w));
                if !acronym.ends_with(&candidate) {
                    break;
                }
                initials = candidate;
                start = k;
                if initials == acronym {
                    break;
                }
            }
            if initials == acronym
                && let Some(words) = before.get(start..)
            {
                let full = words
                    .iter()
                    .map(|w| trim_word(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                out.entry(acronym.to_string()).or_insert(full);
            }
        }
    }
    out
}

/// Common first names by the pronoun a news story uses for their bearer: enough to keep "she said" from
/// resolving to "Paul Yedwab". A name in neither list fits either pronoun.
#[rustfmt::skip]
const MALE_NAMES: &[&str] = &[
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "steve", "paul", "andrew",
    "joshua", "kenneth", "kevin", "brian", "neil", "george", "timothy", "ronald", "edward", "jason", "jeffrey",
    "jeff", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
    "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis",
    "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle",
    "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry",
    "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "billy", "bruce", "albert",
    "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
    "russell", "elijah", "louis", "bobby", "philip", "johnny", "mike", "tom", "bill", "jim", "dan", "dave",
    "chris", "tim", "bob", "vladimir", "dmitry", "sergei", "volodymyr", "marco", "pete", "jd", "kirill", "yuri",
    "ali", "mohammed", "muhammad", "ahmed", "hassan", "benjamin", "emmanuel", "olaf", "keir", "rishi", "xi",
    "narendra", "recep", "mahmoud", "abbas", "tucker", "elon", "mark", "rand", "ted", "chuck", "mitch",
    "hakeem", "gavin", "ron", "greg", "josh", "kash", "mohamad", "troy", "andy", "dwayne", "sandro",
    "josef", "yassin", "spencer", "leo", "danny", "freddie", "dario", "alejandro", "ed", "craig", "carlos",
    "jonn", "colin", "micah", "joey", "brad", "al", "lance", "darryl", "abel", "rick", "jayson", "farzin",
    "everett", "ben", "tedros", "ruben", "rob", "reza", "rahul", "rafi", "orville", "nawaf", "mikal", "miguel",
    "masoud", "markwayne", "maksym", "joel", "joaquin", "francesco", "ernesto", "don", "clay", "brendan",
    "antonio", "yair", "roberto", "hadi", "cory", "zohran", "shawn", "shamar", "paolo", "mohamed", "judd",
    "jeremiyah", "ivan", "hamidreza", "glen", "doug", "dick", "clayton", "stephane", "ray", "oleksandr",
    "drake", "derek", "yuriy", "winston", "volker", "victor", "varun", "tony", "todd", "thom", "neel",
    "mohammad", "luis", "leonid", "lazaro", "julius", "jorge", "itamar", "harvey", "fathi", "evan", "esmail",
    "emil", "eddy", "ebrahim", "clint", "brett", "bezalel", "avichay", "anwar", "amit", "alijah", "tommy",
    "ruslan", "raed", "norbert", "kurt", "hasan", "cam", "andriy", "andrii", "hossein",
];
#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
    "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol",
    "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen",
    "amy", "angela", "shirley", "anna", "brenda", "pamela", "pam", "emma", "nicole", "helen", "samantha",
    "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane",
    "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan",
    "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa",
    "ann", "sara", "madison", "frances", "kathryn", "janice", "abigail", "alice", "judy", "sophia", "grace",
    "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie",
    "brittany", "charlotte", "marie", "kayla", "lori", "kristi", "kamala", "hillary", "nancy", "gail",
    "karoline", "tulsi", "ursula", "giorgia", "kaja", "marine", "jennifer", "arianna", "alexandria", "ilhan",
    "kristen", "tricia", "claudia", "delcy", "melania", "ivanka", "jill", "michele", "susie", "elise",
    "jeanine", "marjorie", "liz", "kate", "katie", "jane", "nina", "rosa", "ana", "sofia", "mia", "ella",
    "savannah", "portia", "lesley", "karli", "ellen", "brandy", "holly", "meredith", "mahbouba", "shanna",
    "marziyeh", "keira", "dolores", "tabatha", "sigrid", "johanna", "jasmine", "maya", "mallory", "kathy",
    "jacki", "fatimah", "cassandra", "shannon", "jenna", "geraldine", "dawn", "veronica", "paige", "molly",
    "lynette", "kirsten", "kay", "kati", "estefany", "dayana", "claudine", "adelita", "miranda", "meg",
    "alyssa", "patty", "khaleda", "bryanna", "sherri",
];

/// Whether a person's first name allows the pronoun ("she" does not fit "Paul Yedwab").
pub(crate) fn gender_fits(name: &str, pronoun: &str) -> bool {
    // "Prianna Weathers’ mother": a relative's gender is the relation's.
    if let Some(kin) = name.split_whitespace().next_back().and_then(kin_pronoun) {
        return !matches!(pronoun, "he" | "she") || pronoun == kin;
    }
    let first = strip_titles(name)
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    match pronoun {
        "he" => !FEMALE_NAMES.contains(&first.as_str()),
        "she" => !MALE_NAMES.contains(&first.as_str()),
        _ => true,
    }
}

/// Whether a word is a first name of [`MALE_NAMES`] or [`FEMALE_NAMES`].
pub(crate) fn is_known_first_name(word: &str) -> bool {
    let first = bare_lower(word);
    MALE_NAMES.contains(&first.as_str()) || FEMALE_NAMES.contains(&first.as_str())
}

/// The pronoun of a word for a relative ("mother" → "she", "son" → "he"), if it is one.
pub(crate) fn kin_pronoun(word: &str) -> Option<&'static str> {
    kin_of_lower(&bare_lower(word))
}

/// [`kin_pronoun`] of a word already in its lookup form (lower-case, bare).
fn kin_of_lower(word: &str) -> Option<&'static str> {
    // "sister-in-law", "stepdaughter", "grandson": the relation's core word.
    let word = word.strip_suffix("-in-law").unwrap_or(word);
    let word = ["step", "grand"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .unwrap_or(word);
    match word {
        "mother" | "wife" | "daughter" | "sister" | "aunt" | "niece" | "widow" | "girlfriend"
        | "mom" => Some("she"),
        "father" | "husband" | "son" | "brother" | "uncle" | "nephew" | "widower" | "boyfriend"
        | "dad" => Some("he"),
        _ => None,
    }
}

/// Whether a title word written one way matches a description word ("sen" ~ "senator").
pub(crate) fn title_equivalent(title: &str, word: &str) -> bool {
    const PAIRS: &[(&str, &str)] = &[
        ("sen", "senator"),
        ("rep", "representative"),
        ("rep", "congressman"),
        ("rep", "congresswoman"),
        ("gov", "governor"),
        ("gen", "general"),
        ("col", "colonel"),
        ("lt", "lieutenant"),
        ("sgt", "sergeant"),
        ("dr", "doctor"),
        ("sec", "secretary"),
        ("atty", "attorney"),
        ("spokesperson", "spokesman"),
        ("spokesperson", "spokeswoman"),
        ("spokesman", "spokesperson"),
        ("spokeswoman", "spokesperson"),
        ("ceo", "executive"),
        ("attorney", "lawyer"),
        ("lawyer", "attorney"),
    ];
    title == word || PAIRS.iter().any(|&(a, b)| title == a && word == b)
}

/// Split a word where the scraper glued two words together at a link ("IsraelMike", "JudgeAllison",
/// "TrumptoldCNN"): a run of three or more lower-case letters followed by a capital. Names such as
/// "McDonald", "DeSantis" or "MacKenzie" have shorter runs and stay whole; a glued leading "The" is
/// split too ("TheDepartment"). The pieces come lazily: this runs for every word of every article, and
/// a `Vec` per word was a measurable share of the allocations.
pub(crate) fn split_glued(word: &str) -> impl Iterator<Item = &str> {
    let mut chars = word.char_indices();
    let mut start = 0;
    let mut lower_run = 0;
    let mut done = false;
    // Most words have no capital after their first letter, so nothing to split: checked on the bytes first.
    let plain = word.is_ascii() && !word.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        if plain {
            done = true;
            return Some(word).filter(|w| !w.is_empty());
        }
        for (i, c) in chars.by_ref() {
            if c.is_uppercase() && i > start {
                let piece = word.get(start..i).unwrap_or("");
                // "blogger,Yuri", "2025:President": a comma or colon the scraper left without its space.
                // Not "GoFundMe": a capital and one letter left are no word of their own (an
                // acronym is: "PresidentJD").
                let split = (lower_run >= 3 && word_goes_on(word, i))
                    || GLUED_OPENERS.contains(&piece)
                    || (start == 0
                        && GLUED_FUNCTION_WORDS.contains(&piece)
                        && word_goes_on(word, i))
                    || piece.ends_with([',', ':']);
                lower_run = 0;
                if split {
                    start = i;
                    return Some(piece);
                }
            } else if c.is_lowercase() {
                lower_run += 1;
            } else {
                lower_run = 0;
            }
        }
        done = true;
        word.get(start..).filter(|rest| !rest.is_empty())
    })
}

/// Capitalised function words the scraper glues to the name after them ("TheKremlin", "AsCNN").
const GLUED_OPENERS: &[&str] = &["The", "As", "In", "At", "On", "By", "For", "From", "With"];

/// Short lower-case function words the scraper glues to the name after them ("according toLloyd’s",
/// "All ofEtihad’s"): too short for the run of three that [`split_glued`] asks of other words. No name
/// starts with one of them and a capital.
const GLUED_FUNCTION_WORDS: &[&str] = &["to", "of", "in", "on", "at", "by", "as", "or"];

/// Whether what starts at byte `i` of `word` can be a word glued on: longer than two bytes, or an
/// acronym ("JD"), not "Me" of "GoFundMe".
fn word_goes_on(word: &str, i: usize) -> bool {
    word.get(i..)
        .is_some_and(|rest| rest.len() > 2 || rest.chars().all(char::is_uppercase))
}

/// Abbreviations whose period does not end a sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    #[rustfmt::skip]
    const ABBREVIATIONS: &[&str] = &[
        "mr.", "mrs.", "ms.", "dr.", "gen.", "col.", "sen.", "rep.", "gov.", "lt.", "sgt.", "st.", "jr.", "sr.",
        "co.", "inc.", "corp.", "capt.", "brig.", "cpl.", "pvt.", "spc.", "sfc.", "msgt.", "rep.", "del.",
        "maj.", "adm.", "cmdr.", "prof.", "rev.", "u.s.", "u.k.", "u.n.", "d.c.", "jan.", "feb.", "aug.",
        "sept.", "sep.", "oct.", "nov.", "dec.", "no.", "vs.", "mt.", "ft.", "pres.", "sec.", "atty.", "supt.",
        "det.", "insp.", "e.g.", "i.e.", "a.m.", "p.m.", "ltd.", "st.",
    ];
    static ABBREVIATIONS_LEX: Lexicon = Lexicon::new(ABBREVIATIONS);
    // Every form below has a full stop; most words have none, so they are refused before lower-casing
    // (this function runs for every word of every article: a hot spot in callgrind).
    if !word.contains('.') {
        return false;
    }
    let w = lower(word.trim_start_matches(|c: char| !c.is_alphanumeric()));
    if ABBREVIATIONS_LEX.contains(&w) {
        return true;
    }
    // Initialisms with full stops: "M.D.", "D.C.".
    if w.contains('.') && w.len() <= 6 && w.chars().all(|c| c.is_alphabetic() || c == '.') {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let dots = w.chars().filter(|&c| c == '.').count();
        if letters == dots {
            return true;
        }
    }
    // An American party tag with its state's abbreviation: "D-Minn.", "R-N.Y.".
    if let Some(state) = w
        .strip_prefix("d-")
        .or_else(|| w.strip_prefix("r-"))
        .or_else(|| w.strip_prefix("i-"))
        && state.len() <= 7
        && state.ends_with('.')
        && state.chars().all(|c| c.is_alphabetic() || c == '.')
    {
        return true;
    }
    // A single initial: "J." in "Michael J. Fox".
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.next() == Some('.')
        && chars.next().is_none()
}

/// A word without surrounding punctuation (but keeping an abbreviation's period and inner apostrophes).
pub(crate) fn trim_word(word: &str) -> &str {
    // Most words start and end with an ASCII letter or digit and have no full stop: nothing to trim (this
    // runs for every word of every article).
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && !bytes.contains(&b'.')
    {
        return word;
    }
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if is_abbreviation(w) {
        return w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    }
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    // Drop a closing quote mark that looks like an apostrophe at the end ("word’" before a quote ends).
    w.trim_end_matches(['’', '\''])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn abbreviations_need_a_full_stop() {
        for w in ["Mr.", "“Dr.", "U.S.", "M.D.", "J.", "sept."] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["Mr", "US", "J", "said", "Sept", "end.", ""] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }

    #[test]
    fn a_company_is_the_same_with_or_without_its_legal_form() {
        assert_eq!(speaker_key("Brightline Corp"), speaker_key("Brightline"));
        assert_eq!(speaker_key("Brightline Inc."), "brightline");
        assert_eq!(speaker_key("Norrland Shipping Co."), "norrland shipping");
        // A lone legal form is no name to drop.
        assert_eq!(speaker_key("Corp"), "corp");
    }

    #[test]
    fn keys_match_across_titles() {
        assert_eq!(speaker_key("Kremlin spokesperson Dmitry Peskov"), "peskov");
        assert_eq!(speaker_key("Army Spokesperson Col. Dave Butler"), "butler");
        assert_eq!(speaker_key("Dave Butler"), "butler");
        assert_eq!(speaker_key("Trump’s"), "trump");
        assert_ne!(
            speaker_key("a Pentagon spokesperson"),
            speaker_key("Dave Butler")
        );
        // A person owning a description counts by surname; a body's name stays whole.
        assert_eq!(
            speaker_key("Kylie Smith’s family"),
            speaker_key("Smith’s family")
        );
        assert_eq!(
            speaker_key("Gavin Newsom's office"),
            speaker_key("Newsom’s office")
        );
        assert_ne!(
            speaker_key("the Brooklyn District Attorney’s office"),
            speaker_key("the Manhattan District Attorney’s office")
        );
        assert_eq!(
            speaker_key("Institute for the Study of War"),
            speaker_key("the Institute for the Study of War")
        );
        // A society is a body, with or without its article.
        assert_eq!(
            speaker_key("Royal Astronomical Society"),
            speaker_key("the Royal Astronomical Society")
        );
    }

    #[test]
    fn sorts() {
        assert_eq!(sort_of("the White House"), SpeakerSort::Organisation);
        assert_eq!(sort_of("the Kremlin"), SpeakerSort::Organisation);
        assert_eq!(sort_of("the attorney general"), SpeakerSort::Description);
        assert_eq!(sort_of("CNN"), SpeakerSort::Organisation);
        assert_eq!(sort_of("Dmitry Peskov"), SpeakerSort::Person);
        assert_eq!(sort_of("a Russian source"), SpeakerSort::Description);
        assert_eq!(
            sort_of("Customs and Border Protection"),
            SpeakerSort::Organisation
        );
        // Agency words name bodies even without the rest of the name ("Immigration and Customs
        // Enforcement" is often split at "and").
        assert_eq!(sort_of("Customs Enforcement"), SpeakerSort::Organisation);
        assert_eq!(sort_of("Consumer Protection"), SpeakerSort::Organisation);
        assert_eq!(sort_of("Hoover Institution"), SpeakerSort::Organisation);
        assert_eq!(sort_of("Royal Society"), SpeakerSort::Organisation);
    }

    #[test]
    fn acronyms_expand_to_the_name_spelled_out() {
        let idx = NameIndex::build(&paras(&["The Royal Canadian Mounted Police said so."]));
        assert_eq!(
            idx.expand_acronym("RCMP").as_deref(),
            Some("Royal Canadian Mounted Police")
        );
        assert_eq!(idx.expand_acronym("FBI"), None);
    }

    #[test]
    fn syllabic_acronyms_expand_to_the_shortest_spelling() {
        let text = paras(&[
            "US Central Commandannouncedon Monday that two soldiers died.",
            "A statement from US Central Command followed.",
        ]);
        assert_eq!(
            spelled_out("CENTCOM", &text).as_deref(),
            Some("Central Command")
        );
        // Initials first, and short acronyms only by initials: "FEMA" is no "Federal Emergency" syllable.
        let text = paras(&["The Federal Emergency Management Agency responded."]);
        assert_eq!(
            spelled_out("FEMA", &text).as_deref(),
            Some("Federal Emergency Management Agency")
        );
        assert_eq!(spelled_out("FEDEM", &paras(&["Federal Emergency"])), None);
    }

    #[test]
    fn body_lookups_past_the_scans_give_what_scans_give() {
        // 30 bodies, so lookups go past BODY_SCANS and through BodyKeys; each answer must be the one a
        // fresh index (scanning) gives.
        let letters = |k: usize| {
            let a = char::from(b'A' + (k % 26) as u8);
            let b = char::from(b'A' + ((k * 7 + 3) % 26) as u8);
            (a, b)
        };
        let text: Vec<String> = (0..30)
            .map(|k| {
                let (a, b) = letters(k);
                format!("Members of the {a}orth {b}aker Council met in Ohio.")
            })
            .collect();
        let shared = NameIndex::build(&text);
        for k in 0..30 {
            let (a, b) = letters(k);
            let acronym = format!("{a}{b}C");
            let fresh = NameIndex::build(&text);
            assert_eq!(
                shared.expand_acronym(&acronym),
                fresh.expand_acronym(&acronym)
            );
            assert_eq!(
                shared.expand_acronym(&acronym),
                Some(format!("{a}orth {b}aker Council"))
            );
            let short = format!("{b}aker Council");
            let fresh = NameIndex::build(&text);
            assert_eq!(
                shared.fuller_organisation(&short),
                fresh.fuller_organisation(&short)
            );
        }
        assert!(shared.body_keys.get().is_some(), "the maps were used");
    }

    #[test]
    fn a_body_spelled_out_before_a_possessive_is_the_body() {
        let text = paras(&["A release from the Cook County District Attorney’s office said so."]);
        assert_eq!(
            spelled_out("DA", &text).as_deref(),
            Some("District Attorney")
        );
    }

    #[test]
    fn glued_words_are_split() {
        let split = |w| split_glued(w).collect::<Vec<_>>();
        assert_eq!(split("IsraelMike"), vec!["Israel", "Mike"]);
        assert_eq!(split("TrumptoldCNN"), vec!["Trumptold", "CNN"]);
        assert_eq!(split("TheDepartment"), vec!["The", "Department"]);
        assert_eq!(split("McDonald"), vec!["McDonald"]);
        assert_eq!(split("DeSantis"), vec!["DeSantis"]);
        assert_eq!(split("MacKenzie"), vec!["MacKenzie"]);
        assert_eq!(split("iPhone"), vec!["iPhone"]);
        assert_eq!(split("blogger,Yuri"), vec!["blogger,", "Yuri"]);
        assert_eq!(split("1,000"), vec!["1,000"]);
        assert!(split("").is_empty());
    }

    /// The eager form `split_glued` had before it became lazy: the property test below holds the two equal.
    fn split_glued_eager(word: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let mut start = 0;
        let mut lower_run = 0;
        for (i, c) in word.char_indices() {
            if c.is_uppercase() && i > start {
                let piece = word.get(start..i).unwrap_or("");
                if (lower_run >= 3 && word_goes_on(word, i))
                    || GLUED_OPENERS.contains(&piece)
                    || (start == 0
                        && GLUED_FUNCTION_WORDS.contains(&piece)
                        && word_goes_on(word, i))
                    || piece.ends_with([',', ':'])
                {
                    parts.push(piece);
                    start = i;
                }
                lower_run = 0;
            } else if c.is_lowercase() {
                lower_run += 1;
            } else {
                lower_run = 0;
            }
        }
        parts.push(word.get(start..).unwrap_or(""));
        parts.retain(|p| !p.is_empty());
        parts
    }

    proptest::proptest! {
        #[test]
        fn lazy_split_is_the_eager_split(w in "[A-Za-zÉé’.,:\\-]{0,24}") {
            proptest::prop_assert_eq!(split_glued(&w).collect::<Vec<_>>(), split_glued_eager(&w));
        }
    }

    #[test]
    fn places_after_names_are_dropped() {
        assert_eq!(
            drop_place("Democratic Rep. Marie Gluesenkamp Perez of Washington state"),
            "Democratic Rep. Marie Gluesenkamp Perez"
        );
        assert_eq!(
            drop_place("Sen. Patty Murray of Washington"),
            "Sen. Patty Murray"
        );
        assert_eq!(
            drop_place("the MacDill Air Force Base in Florida"),
            "the MacDill Air Force Base"
        );
        assert_eq!(
            drop_place("the Department of Justice"),
            "the Department of Justice"
        );
        assert_eq!(
            drop_place("Army Chief of Staff Gen. Randy George"),
            "Army Chief of Staff Gen. Randy George"
        );
        assert_eq!(
            drop_place("University of Louisville head coach Jeff Brohm"),
            "University of Louisville head coach Jeff Brohm"
        );
        assert_eq!(
            drop_place("the Institute for the Study of War"),
            "the Institute for the Study of War"
        );
        assert_eq!(
            drop_place("a coalition of rights organizations in Israel"),
            "a coalition of rights organizations in Israel"
        );
        assert_eq!(
            drop_place("chief inspector Jennifer Mattinson from the West Mercia police"),
            "chief inspector Jennifer Mattinson"
        );
        assert_eq!(
            drop_place("Ann Lee of the city’s water department"),
            "Ann Lee"
        );
        // "with" the body a person works for; a body's word in a title is no body of the name.
        assert_eq!(
            drop_place("Harbor Patrol Captain Ines Moreau with the Port Authority of Tacoma"),
            "Harbor Patrol Captain Ines Moreau"
        );
        assert_eq!(
            drop_place("Ken Adair with the state’s water board"),
            "Ken Adair"
        );
        assert_eq!(
            drop_place("the Partnership with Farmers for Clean Rivers"),
            "the Partnership with Farmers for Clean Rivers"
        );
    }

    #[test]
    fn fullest_name_and_titles() {
        let idx = NameIndex::build(&paras(&[
            "Kremlin spokesperson Dmitry Peskov said so.",
            "Attorney General Pam Bondi spoke. Army Spokesperson Col. Dave Butler did too.",
        ]));
        assert_eq!(idx.fullest("Peskov"), "Dmitry Peskov");
        assert_eq!(idx.fullest("Butler"), "Dave Butler");
        assert_eq!(
            idx.by_title(&["attorney".into(), "general".into()], 1)
                .as_deref(),
            Some("Pam Bondi")
        );
        assert_eq!(
            idx.by_title(&["kremlin".into(), "spokesman".into()], 1)
                .as_deref(),
            Some("Dmitry Peskov")
        );
    }

    /// `trim_word` as it was before its fast path: the property test below holds the two equal.
    fn trim_word_slow(word: &str) -> &str {
        let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        if is_abbreviation(w) {
            return w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        }
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
        w.trim_end_matches(['’', '\''])
    }

    /// A person's key as it was worked out before (titles stripped first), for the property test below.
    fn person_key_slow(name: &str) -> String {
        let without_suffix: Vec<&str> = name.split_whitespace().filter(|w| !is_suffix(w)).collect();
        strip_titles(&without_suffix.join(" "))
            .split_whitespace()
            .last()
            .map(|w| bare(w.trim_end_matches(',')))
            .unwrap_or_default()
    }

    proptest::proptest! {
        #[test]
        fn trim_word_fast_path_changes_nothing(w in "[A-Za-z0-9É’'.,“”\"()\\-]{0,12}") {
            proptest::prop_assert_eq!(trim_word(&w), trim_word_slow(&w));
        }

        #[test]
        fn person_key_needs_no_title_stripping(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Sen.", "Dave", "Butler", "Butler’s", "Jr.", "III", "spokesperson", "the", "Gen.", "King,",
                    "Reading", "CNN’s", "of", "Leo", "XIV", "Col.",
                ]),
                0..5,
            )
        ) {
            let name = words.join(" ");
            proptest::prop_assert_eq!(key_of_sort(&name, SpeakerSort::Person), person_key_slow(&name));
        }
    }

    #[test]
    fn a_warm_cache_gives_the_index_a_fresh_build_gives() {
        let old = paras(&[
            "Kremlin spokesperson Dmitry Peskov said so.",
            "Attorney General Pam Bondi spoke. Army Spokesperson Col. Dave Butler did too.",
            "Sean Combs, also known as Diddy, and the Institute for the Study of War (ISW) agreed.",
        ]);
        let new = paras(&[
            "Attorney General Pam Bondi spoke. Army Spokesperson Col. Dave Butler did too.",
            "Peskov said more, and Alexis Castro Soto del Valle met Alexis Castro.",
            "Kremlin spokesperson Dmitry Peskov said so.",
        ]);
        let mut cache = NameCache::default();
        assert_eq!(
            NameIndex::build_cached(&old, &mut cache),
            NameIndex::build(&old)
        );
        assert_eq!(
            NameIndex::build_cached(&new, &mut cache),
            NameIndex::build(&new)
        );
        assert_eq!(
            NameIndex::build_cached(&old, &mut cache),
            NameIndex::build(&old)
        );
    }

    #[test]
    fn a_warm_cache_gives_the_same_index_on_a_real_history() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/versions/cnn-2026-03-05-pentagon-anthropic-supply-chain-risk"
        );
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("the corpus sits beside the repository")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut cache = NameCache::default();
        let mut built = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let Ok(article) = crate::article::Article::from_text(&text) else {
                continue;
            };
            let fresh = NameIndex::build(&article.paragraphs);
            assert_eq!(
                NameIndex::build_cached(&article.paragraphs, &mut cache),
                fresh
            );
            built += 1;
        }
        assert!(built >= 2, "the history has several versions");
    }
}
