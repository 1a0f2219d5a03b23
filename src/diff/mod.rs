//! The diff engine: what an editor did between two versions of a story.
//!
//! [`diff_articles`] compares two [`Article`]s and returns an [`ArticleDiff`]: furniture compared as fields
//! ([`fields`]), body paragraphs aligned with moves, splits and merges ([`align`]), word-level detail inside
//! changed paragraphs ([`words`]), every change classed ([`classify`]) and changed figures listed
//! ([`numbers`]). Work is bounded ([`budget`]) so a huge or entirely rewritten article still finishes in
//! seconds. The model knows nothing about display: `crate::report` renders it as text, JSON, Markdown or
//! HTML.
//!
//! # What counts as an edit
//! - [`ArticleDiff::changed`] (and [`ArticleDiff::is_edit`]) is what the exit code reports: some change
//!   other than typography (a paragraph added, removed, moved, or reworded; a field added, removed or
//!   changed beyond typography). With [`DiffOptions::strict`], any difference at all counts, typography
//!   included.
//! - [`ArticleDiff::substantive`]: some change alters what the story says (class `number`, `name` or
//!   `substantive`), as opposed to punctuation, typography or order.
//! - [`ArticleDiff::silent_edit`]: a substantive change to the body or furniture while the new version
//!   adds or changes no update notice, correction or editor's note (one carried over unchanged does not
//!   cover a new edit).
//!
//! Quote changes (issue 4) are not part of this module; they are meant to join [`ArticleDiff`] as a field of
//! their own and to add their clauses to the summary with [`Summary::prepend`].

pub mod align;
pub mod budget;
pub mod classify;
pub mod fields;
pub mod numbers;
mod summary;
pub mod words;

use crate::quotes::QuoteChange;
use std::time::Duration;

use serde::Serialize;

pub use align::Direction;
pub use classify::ChangeClass;
pub use fields::{FieldChange, FieldKind, FieldOp};
pub use numbers::NumberChange;
pub use words::{WordChange, WordOp};

use crate::article::Article;
use budget::Budget;

/// Below this word-level similarity a paired paragraph is shown whole (old, then new) instead of word by
/// word: past half rewritten, inline changes are confetti. Value from the issue (and wikidiff2's practice);
/// on the corpus, paragraphs between 0.4 and 0.5 read as rewrites in the sample we checked.
pub const REWRITE_THRESHOLD: f64 = 0.5;

/// What separates the paragraphs of a split or merge in [`ParagraphChange::old_text`] and
/// [`ParagraphChange::new_text`] (paragraphs never contain a newline themselves).
pub const PARAGRAPH_BREAK: &str = "\n\n";

/// How to diff.
///
/// ```
/// use storydiff::diff::DiffOptions;
/// let strict = DiffOptions { strict: true, ..DiffOptions::default() };
/// assert_eq!(strict.context, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// Count typography-only changes as edits ([`ArticleDiff::changed`]).
    pub strict: bool,
    /// Unchanged paragraphs shown around each change by the text, Markdown and HTML reports (`--context`).
    /// Recorded here for the renderers; it does not change the diff.
    pub context: usize,
    /// Wall-clock budget for the whole diff, handed to `similar` as a deadline; when it runs out the rest is
    /// done coarsely and a note says so. `None` means no deadline, which makes the result depend only on the
    /// input (the counted caps in [`budget`] still apply).
    pub time_budget: Option<Duration>,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            strict: false,
            context: 1,
            time_budget: Some(budget::DEFAULT_TIME_BUDGET),
        }
    }
}

/// What happened to a paragraph (or a group of paragraphs, for splits and merges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphOp {
    /// The same text in the same place.
    Unchanged,
    /// The same paragraph, reworded (or retypeset), in its place.
    Modified,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// A paragraph whose place in the story changed, edited or not (see `direction`).
    Moved,
    /// One old paragraph became several consecutive new ones.
    Split,
    /// Several consecutive old paragraphs became one.
    Merged,
}

impl ParagraphOp {
    /// The op as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphOp::Unchanged => "unchanged",
            ParagraphOp::Modified => "modified",
            ParagraphOp::Added => "added",
            ParagraphOp::Removed => "removed",
            ParagraphOp::Moved => "moved",
            ParagraphOp::Split => "split",
            ParagraphOp::Merged => "merged",
        }
    }
}

/// One entry of the paragraph diff. Every paragraph of both versions is in exactly one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphChange {
    /// What happened.
    pub op: ParagraphOp,
    /// Indices (0-based) of the old paragraphs of this entry, ascending and consecutive; empty when added.
    pub old: Vec<usize>,
    /// Indices of the new paragraphs, ascending and consecutive; empty when removed.
    pub new: Vec<usize>,
    /// The old text (paragraphs of a merge joined by [`PARAGRAPH_BREAK`]); `null` when added.
    pub old_text: Option<String>,
    /// The new text (paragraphs of a split joined by [`PARAGRAPH_BREAK`]); `null` when removed.
    pub new_text: Option<String>,
    /// Word-level similarity of old and new, 0..=1, three decimals (1 when unchanged, 0 when added or
    /// removed).
    pub similarity: f64,
    /// Classes of the change, sorted; empty when the text is unchanged (also for a move without edits).
    pub classes: Vec<ChangeClass>,
    /// Word-level detail when the text changed (empty otherwise). When the paragraph was mostly rewritten
    /// (`rewritten: true`) it is the old text deleted and the new text inserted, whole.
    pub words: Vec<WordChange>,
    /// For an entry out of order (moved, or a split or merge that also moved): which way it went.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Whether the similarity is below [`REWRITE_THRESHOLD`], so `words` shows old and new whole.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rewritten: bool,
}

impl ParagraphChange {
    /// Whether anything happened to this entry (it is not `unchanged`).
    pub fn is_change(&self) -> bool {
        self.op != ParagraphOp::Unchanged
    }

    /// Whether the entry's only change is typography or spacing (in place: a move is more than that).
    pub fn is_typography_only(&self) -> bool {
        self.is_change() && self.direction.is_none() && self.classes == [ChangeClass::Typography]
    }
}

/// How many entries of each op the paragraph diff has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ParagraphCounts {
    /// Entries `added`.
    pub added: usize,
    /// Entries `removed`.
    pub removed: usize,
    /// Entries `modified` (including typography-only ones).
    pub modified: usize,
    /// Entries `moved`.
    pub moved: usize,
    /// Entries `split`.
    pub split: usize,
    /// Entries `merged`.
    pub merged: usize,
    /// Entries `unchanged`.
    pub unchanged: usize,
    /// Entries of any op whose only change is typography (see [`ParagraphChange::is_typography_only`]).
    pub typography_only: usize,
}

/// The part of a diff a human reads first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Counts of paragraph entries by op.
    pub paragraphs: ParagraphCounts,
    /// The clauses of [`Summary::text`], most important first.
    pub clauses: Vec<String>,
    /// One line: the clauses joined by "; ", e.g. "6 paragraphs added, 1 removed, 2 reworded, 1 moved;
    /// byline changed; update notice added", or "no changes".
    pub text: String,
}

impl Summary {
    /// Put clauses in front of the others (quote changes lead the summary) and rewrite the text.
    pub fn prepend(&mut self, clauses: impl IntoIterator<Item = String>) {
        let mut all: Vec<String> = clauses.into_iter().collect();
        all.extend(
            std::mem::take(&mut self.clauses)
                .into_iter()
                .filter(|c| c != summary::NO_CHANGES),
        );
        self.set_clauses(all);
    }

    fn set_clauses(&mut self, clauses: Vec<String>) {
        self.clauses = if clauses.is_empty() {
            vec![summary::NO_CHANGES.to_string()]
        } else {
            clauses
        };
        self.text = self.clauses.join("; ");
    }
}

/// The difference between two versions of a story.
///
/// Serialised (with `crate::report::json`, which adds `schema_version` and the two sides) it is the JSON
/// contract of `storydiff diff --format json`; field order here is the order in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleDiff {
    /// An edit that counts (what exit code 1 means); see the module documentation.
    pub changed: bool,
    /// Some change alters what the story says (class number, name or substantive).
    pub substantive: bool,
    /// The versions differ, but only in typography and spacing (never an edit unless strict).
    pub typography_only: bool,
    /// Substance changed and no update notice, correction or editor's note was added or changed.
    pub silent_edit: bool,
    /// Whether the diff was made with [`DiffOptions::strict`].
    pub strict: bool,
    /// Counts and the human summary.
    pub summary: Summary,
    /// Every furniture field present in either version, in a fixed order.
    pub fields: Vec<FieldChange>,
    /// Every paragraph of both versions, in reading order of the new version; removed paragraphs are placed
    /// where they were (after the paragraph that preceded them in the old version).
    pub paragraphs: Vec<ParagraphChange>,
    /// Figures that changed, in fields then paragraphs, in reading order.
    pub numbers: Vec<NumberChange>,
    /// Every direct quotation of both versions and what happened to it ([`crate::quotes::diff_quotes`]), in
    /// the new version's reading order; `title_or_scare` quotes stay out.
    pub quotes: Vec<QuoteChange>,
    /// Whether a work cap or the time budget was hit (the diff is then coarser somewhere; see `notes`).
    pub capped: bool,
    /// What was capped, in words.
    pub notes: Vec<String>,
    /// The context the renderers should show ([`DiffOptions::context`]); not part of the JSON.
    #[serde(skip)]
    pub context: usize,
}

impl ArticleDiff {
    /// Whether this diff is an edit that counts (exit code 1): the same as [`ArticleDiff::changed`].
    pub fn is_edit(&self) -> bool {
        self.changed
    }

    /// Whether the two versions differ at all (typography included).
    pub fn differs(&self) -> bool {
        self.paragraphs.iter().any(ParagraphChange::is_change)
            || self.fields.iter().any(|f| f.op != FieldOp::Unchanged)
    }
}

/// Compare two versions of a story. Pure: the result depends only on the two articles and the options
/// (and, only when [`DiffOptions::time_budget`] runs out, on the machine's speed — reported in `notes`).
///
/// ```
/// use storydiff::article::Article;
/// use storydiff::diff::{diff_articles, DiffOptions, ParagraphOp};
/// let old = Article::from_text("(CNN) — At least 12 people died.\n\nRescuers are searching.").unwrap();
/// let new = Article::from_text("(CNN) — At least 15 people died.\n\nRescuers are searching.").unwrap();
/// let d = diff_articles(&old, &new, &DiffOptions::default());
/// assert!(d.changed && d.silent_edit);
/// assert_eq!(d.paragraphs[0].op, ParagraphOp::Modified);
/// assert_eq!(d.numbers[0].old, "12");
/// assert_eq!(d.summary.text, "1 paragraph reworded; figures changed: 12 → 15");
/// ```
pub fn diff_articles(old: &Article, new: &Article, options: &DiffOptions) -> ArticleDiff {
    // The two versions share most paragraphs: one cache reads each shared paragraph once.
    let mut cache = crate::quotes::AnalysisCache::default();
    let old_quotes = crate::quotes::analyse_cached(&old.paragraphs, &mut cache);
    let new_quotes = crate::quotes::analyse_cached(&new.paragraphs, &mut cache);
    diff_versions(
        Analysed::new(old, &old_quotes),
        Analysed::new(new, &new_quotes),
        options,
    )
}

/// One side of a comparison: an article with the analysis of its quotations
/// ([`crate::quotes::analyse`] of its paragraphs).
///
/// Quote analysis is most of the cost of a diff, and a history diff (`log --patch`) compares every version
/// twice, as the new side and then as the old side of the next pair; analysing each version once and
/// comparing with [`diff_versions`] halves that work.
///
/// ```
/// use storydiff::article::Article;
/// use storydiff::diff::{diff_articles, diff_versions, Analysed, DiffOptions};
/// use storydiff::quotes::analyse;
/// let v1 = Article::from_text("“We will win big,” Jane Doe said.").unwrap();
/// let v2 = Article::from_text("“We will win,” Jane Doe said.").unwrap();
/// let (q1, q2) = (analyse(&v1.paragraphs), analyse(&v2.paragraphs));
/// let options = DiffOptions { time_budget: None, ..DiffOptions::default() };
/// let d = diff_versions(Analysed::new(&v1, &q1), Analysed::new(&v2, &q2), &options);
/// assert_eq!(d, diff_articles(&v1, &v2, &options));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Analysed<'a> {
    article: &'a Article,
    quotes: &'a crate::quotes::Analysis,
}

impl<'a> Analysed<'a> {
    /// Pair an article with its quote analysis, which must be `quotes::analyse(&article.paragraphs)` (the
    /// analysis is not checked; another one gives a wrong quote diff).
    pub fn new(article: &'a Article, quotes: &'a crate::quotes::Analysis) -> Analysed<'a> {
        Analysed { article, quotes }
    }
}

/// [`diff_articles`] for versions whose quotations were analysed already (see [`Analysed`]): the same
/// result.
pub fn diff_versions(old_side: Analysed, new_side: Analysed, options: &DiffOptions) -> ArticleDiff {
    let (old, new) = (old_side.article, new_side.article);
    let mut budget = Budget::new(options.time_budget);
    let (fields, mut numbers) = fields::diff_fields(old, new, &mut budget);
    let groups = align::align(&old.paragraphs, &new.paragraphs, &mut budget);
    let mut paragraphs = Vec::with_capacity(groups.len());
    for group in groups {
        let (change, figures) =
            paragraph_change(group, &old.paragraphs, &new.paragraphs, &mut budget);
        numbers.extend(figures);
        paragraphs.push(change);
    }

    let counts_as_edit = |strict: bool| {
        paragraphs.iter().any(|p| paragraph_is_edit(p, strict))
            || fields.iter().any(|f| field_is_edit(f, strict))
    };
    let changed = counts_as_edit(options.strict);
    let beyond_typography = counts_as_edit(false);
    let substance = |classes: &[ChangeClass]| classes.iter().any(|c| c.is_substance());
    let body_substance = paragraphs.iter().any(|p| substance(&p.classes));
    let substantive = body_substance || fields.iter().any(|f| substance(&f.classes));
    let edited_content = body_substance
        || fields.iter().any(|f| {
            !f.field.discloses_edit() && f.field != FieldKind::Published && substance(&f.classes)
        });
    let disclosed = fields.iter().any(|f| {
        f.field.discloses_edit()
            && matches!(f.op, FieldOp::Added | FieldOp::Changed)
            && substance(&f.classes)
    });
    let notes = budget.into_notes();
    let mut diff = ArticleDiff {
        changed,
        substantive,
        typography_only: false,
        silent_edit: edited_content && !disclosed,
        strict: options.strict,
        summary: Summary::default(),
        fields,
        paragraphs,
        numbers,
        quotes: Vec::new(),
        capped: !notes.is_empty(),
        notes,
        context: options.context,
    };
    diff.typography_only = diff.differs() && !beyond_typography;
    diff.summary = summary::summarize(&diff);
    diff.quotes = quote_changes(&old_side, &new_side, &diff.paragraphs);
    // Quote changes lead the summary: they are the edits a reader most needs to know about.
    diff.summary
        .prepend(diff.quotes.iter().filter_map(crate::quotes::describe));
    diff
}

/// The quote diff of two versions, told by the paragraph alignment which paragraphs moved (a quote pushed
/// down by inserted paragraphs is not moved; one whose paragraph the alignment calls moved is).
fn quote_changes(
    old: &Analysed,
    new: &Analysed,
    paragraphs: &[ParagraphChange],
) -> Vec<QuoteChange> {
    let moved: std::collections::HashSet<(usize, usize)> = paragraphs
        .iter()
        .filter(|p| p.op == ParagraphOp::Moved)
        .flat_map(|p| {
            p.old
                .iter()
                .flat_map(move |&o| p.new.iter().map(move |&n| (o, n)))
        })
        .collect();
    crate::quotes::diff_analysed(old.quotes, new.quotes, &new.article.paragraphs, &|o, n| {
        moved.contains(&(o, n))
    })
}

/// Whether a paragraph entry counts as an edit: anything but unchanged when strict; otherwise a move or a
/// change beyond typography.
fn paragraph_is_edit(p: &ParagraphChange, strict: bool) -> bool {
    p.is_change()
        && (strict
            || p.direction.is_some()
            || p.classes.iter().any(|c| *c != ChangeClass::Typography))
}

/// Whether a field change counts as an edit (see [`paragraph_is_edit`]).
fn field_is_edit(f: &FieldChange, strict: bool) -> bool {
    f.op != FieldOp::Unchanged
        && (strict || f.classes.iter().any(|c| *c != ChangeClass::Typography))
}

/// The comparison of two texts, as used for paragraphs and fields.
pub(crate) struct Compared {
    pub similarity: f64,
    pub classes: Vec<ChangeClass>,
    pub words: Vec<WordChange>,
    pub numbers: Vec<NumberChange>,
    pub rewritten: bool,
}

impl Compared {
    /// Two equal texts.
    pub(crate) fn unchanged() -> Compared {
        Compared {
            similarity: 1.0,
            classes: Vec::new(),
            words: Vec::new(),
            numbers: Vec::new(),
            rewritten: false,
        }
    }

    /// A text with no counterpart (added or removed).
    pub(crate) fn one_sided() -> Compared {
        Compared {
            similarity: 0.0,
            classes: vec![ChangeClass::Substantive],
            ..Compared::unchanged()
        }
    }
}

/// Compare two texts word by word, class the change and find its figures; a text mostly rewritten
/// ([`REWRITE_THRESHOLD`]) is given whole.
pub(crate) fn compare_texts(old: &str, new: &str, budget: &mut Budget) -> Compared {
    if old == new {
        return Compared::unchanged();
    }
    let diff = words::diff_words(old, new, budget);
    let classes = classify::classify(&diff.hunks);
    let rewritten = diff.similarity < REWRITE_THRESHOLD;
    let numbers = numbers::changed_figures(&diff.hunks, new, rewritten);
    Compared {
        similarity: round3(diff.similarity),
        classes,
        words: if rewritten {
            words::whole_words(old, new)
        } else {
            diff.words
        },
        numbers,
        rewritten,
    }
}

/// Round to three decimals, so JSON similarities are short and stable.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Build the entry for one aligned group, with the figures that changed in it.
fn paragraph_change(
    group: align::Group,
    old: &[String],
    new: &[String],
    budget: &mut Budget,
) -> (ParagraphChange, Vec<NumberChange>) {
    let join = |paragraphs: &[String], indices: &[usize]| -> Option<String> {
        match indices {
            [] => None,
            // Most entries hold one paragraph: a copy of it, without a list to join.
            [i] => Some(paragraphs.get(*i).cloned().unwrap_or_default()),
            _ => Some(
                indices
                    .iter()
                    .filter_map(|&i| paragraphs.get(i).map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(PARAGRAPH_BREAK),
            ),
        }
    };
    let old_text = join(old, &group.old);
    let new_text = join(new, &group.new);
    let (op, compared) = match (&old_text, &new_text) {
        (Some(a), Some(b)) => {
            let op = if group.old.len() > 1 {
                ParagraphOp::Merged
            } else if group.new.len() > 1 {
                ParagraphOp::Split
            } else if group.direction.is_some() {
                ParagraphOp::Moved
            } else if a == b {
                ParagraphOp::Unchanged
            } else {
                ParagraphOp::Modified
            };
            (op, compare_texts(a, b, budget))
        }
        (Some(_), None) => (ParagraphOp::Removed, Compared::one_sided()),
        _ => (ParagraphOp::Added, Compared::one_sided()),
    };
    let at = group.new.first().or(group.old.first()).copied();
    let numbers = compared
        .numbers
        .into_iter()
        .map(|mut n| {
            n.paragraph = at;
            n
        })
        .collect();
    let change = ParagraphChange {
        op,
        old: group.old,
        new: group.new,
        old_text,
        new_text,
        similarity: compared.similarity,
        classes: compared.classes,
        words: compared.words,
        direction: group.direction,
        rewritten: compared.rewritten,
    };
    (change, numbers)
}

#[cfg(test)]
mod tests;
