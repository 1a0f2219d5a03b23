//! Article furniture compared as fields rather than as body paragraphs: headline, byline, dateline,
//! publication date, source line, update notices, corrections, editor's notes and credits.
//!
//! Single-valued fields compare directly. List fields (notices, corrections, editor's notes, credits) pair
//! their items: identical items first, then items equal up to typography, then the rest in order when they
//! are similar enough to be the same item reworded ([`super::align::CHANGE_THRESHOLD`]); an item with no
//! partner was added or removed.

use serde::Serialize;

use super::align::CHANGE_THRESHOLD;
use super::budget::Budget;
use super::classify::{ChangeClass, typography_equal};
use super::numbers::NumberChange;
use super::words::{Bag, Interner, WordChange};
use super::{Compared, compare_texts};
use crate::article::Article;

/// Which piece of furniture a [`FieldChange`] is about. Serialised in snake case (`"editors_note"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// The headline.
    Headline,
    /// The byline.
    Byline,
    /// The dateline ("WASHINGTON (AP) —").
    Dateline,
    /// The publication date the source states.
    Published,
    /// The wire-service source line ("Source: Reuters").
    Source,
    /// An update notice ("This story has been updated…").
    Notice,
    /// A correction or clarification.
    Correction,
    /// An editor's note.
    EditorsNote,
    /// A contributor credit.
    Credit,
}

impl FieldKind {
    /// The field as a reader names it: "headline", "update notice", "editor's note".
    pub fn label(self) -> &'static str {
        match self {
            FieldKind::Headline => "headline",
            FieldKind::Byline => "byline",
            FieldKind::Dateline => "dateline",
            FieldKind::Published => "publication date",
            FieldKind::Source => "source line",
            FieldKind::Notice => "update notice",
            FieldKind::Correction => "correction",
            FieldKind::EditorsNote => "editor's note",
            FieldKind::Credit => "credit",
        }
    }

    /// Whether adding or changing this field tells the reader the story was edited (an update notice, a
    /// correction, an editor's note), so that an edit made with it is not silent.
    pub fn discloses_edit(self) -> bool {
        matches!(
            self,
            FieldKind::Notice | FieldKind::Correction | FieldKind::EditorsNote
        )
    }
}

/// What happened to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldOp {
    /// The same in both versions.
    Unchanged,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with different text.
    Changed,
}

/// One field of the two versions. Every field present in either version appears once in
/// [`super::ArticleDiff::fields`], unchanged ones included.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// Which field.
    pub field: FieldKind,
    /// What happened to it.
    pub op: FieldOp,
    /// The old value (`null` when added).
    pub old: Option<String>,
    /// The new value (`null` when removed).
    pub new: Option<String>,
    /// Word-level similarity of old and new, 0..=1 (1 when unchanged, 0 when added or removed).
    pub similarity: f64,
    /// Classes of the change (empty when unchanged; `substantive` when added or removed).
    pub classes: Vec<ChangeClass>,
    /// Word-level detail of a changed value (empty otherwise; old and new whole when mostly rewritten).
    pub words: Vec<WordChange>,
}

/// Compare the furniture of two articles: the field changes in a fixed order (headline, byline, dateline,
/// published, source, notices, corrections, editor's notes, credits) and the figures that changed in them.
pub(crate) fn diff_fields(
    old: &Article,
    new: &Article,
    budget: &mut Budget,
) -> (Vec<FieldChange>, Vec<NumberChange>) {
    let mut out = Vec::new();
    let mut numbers = Vec::new();
    let singles = [
        (FieldKind::Headline, &old.headline, &new.headline),
        (FieldKind::Byline, &old.byline, &new.byline),
        (FieldKind::Dateline, &old.dateline, &new.dateline),
        (FieldKind::Published, &old.published, &new.published),
        (FieldKind::Source, &old.source, &new.source),
    ];
    for (kind, a, b) in singles {
        if a.is_some() || b.is_some() {
            push(
                &mut out,
                &mut numbers,
                kind,
                a.as_deref(),
                b.as_deref(),
                budget,
            );
        }
    }
    let lists = [
        (FieldKind::Notice, &old.notices, &new.notices),
        (FieldKind::Correction, &old.corrections, &new.corrections),
        (
            FieldKind::EditorsNote,
            &old.editors_notes,
            &new.editors_notes,
        ),
        (FieldKind::Credit, &old.credits, &new.credits),
    ];
    for (kind, a, b) in lists {
        for (i, j) in pair_items(a, b) {
            let a = i.and_then(|i| a.get(i)).map(String::as_str);
            let b = j.and_then(|j| b.get(j)).map(String::as_str);
            push(&mut out, &mut numbers, kind, a, b, budget);
        }
    }
    (out, numbers)
}

fn push(
    out: &mut Vec<FieldChange>,
    numbers: &mut Vec<NumberChange>,
    field: FieldKind,
    old: Option<&str>,
    new: Option<&str>,
    budget: &mut Budget,
) {
    let (op, compared) = match (old, new) {
        (Some(a), Some(b)) if a == b => (FieldOp::Unchanged, Compared::unchanged()),
        (Some(a), Some(b)) => (FieldOp::Changed, compare_texts(a, b, budget)),
        (Some(_), None) => (FieldOp::Removed, Compared::one_sided()),
        (None, Some(_)) => (FieldOp::Added, Compared::one_sided()),
        (None, None) => return,
    };
    numbers.extend(compared.numbers.into_iter().map(|mut n| {
        n.field = Some(field);
        n
    }));
    out.push(FieldChange {
        field,
        op,
        old: old.map(str::to_string),
        new: new.map(str::to_string),
        similarity: compared.similarity,
        classes: compared.classes,
        words: compared.words,
    });
}

/// Pair the items of a list field: `(Some(old), Some(new))` for items kept (changed or not), `(Some, None)`
/// for removed and `(None, Some)` for added ones. Pairs come in the new list's order, removed items last.
fn pair_items(old: &[String], new: &[String]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_partner: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_partner: Vec<Option<usize>> = vec![None; new.len()];
    let mut interner = Interner::default();
    let old_bags: Vec<Bag> = old.iter().map(|t| Bag::of(t, &mut interner)).collect();
    let new_bags: Vec<Bag> = new.iter().map(|t| Bag::of(t, &mut interner)).collect();
    let rules: [&dyn Fn(usize, usize) -> bool; 3] = [
        &|i, j| old.get(i) == new.get(j),
        &|i, j| match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => typography_equal(a, b),
            _ => false,
        },
        &|i, j| match (old_bags.get(i), new_bags.get(j)) {
            (Some(a), Some(b)) => a.dice(b) >= CHANGE_THRESHOLD,
            _ => false,
        },
    ];
    for rule in rules {
        for j in 0..new.len() {
            if new_partner.get(j).is_some_and(Option::is_some) {
                continue;
            }
            let found = (0..old.len()).find(|&i| old_partner.get(i) == Some(&None) && rule(i, j));
            if let Some(i) = found {
                old_partner[i] = Some(j);
                new_partner[j] = Some(i);
            }
        }
    }
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = new_partner
        .iter()
        .enumerate()
        .map(|(j, i)| (*i, Some(j)))
        .collect();
    pairs.extend(
        old_partner
            .iter()
            .enumerate()
            .filter(|(_, j)| j.is_none())
            .map(|(i, _)| (Some(i), None)),
    );
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(old: &Article, new: &Article) -> Vec<FieldChange> {
        diff_fields(old, new, &mut Budget::new(None)).0
    }

    #[test]
    fn dateline_dash_styles_are_typography() {
        let a = Article {
            dateline: Some("(CNN) --".into()),
            ..Default::default()
        };
        let b = Article {
            dateline: Some("(CNN) —".into()),
            ..Default::default()
        };
        let f = fields(&a, &b);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].op, FieldOp::Changed);
        assert_eq!(f[0].classes, vec![ChangeClass::Typography]);
    }

    #[test]
    fn notice_added_and_carried_over() {
        let a = Article {
            notices: vec!["This story has been updated.".into()],
            ..Default::default()
        };
        let b = Article {
            notices: vec![
                "This story has been updated.".into(),
                "Correction: the earlier version misspelled a name.".into(),
            ],
            ..Default::default()
        };
        let f = fields(&a, &b);
        let ops: Vec<_> = f.iter().map(|f| f.op).collect();
        assert_eq!(ops, vec![FieldOp::Unchanged, FieldOp::Added]);
    }

    #[test]
    fn reworded_credit_pairs_and_unrelated_one_does_not() {
        let a = Article {
            credits: vec!["CNN’s Haley Britzky contributed to this report.".into()],
            ..Default::default()
        };
        let b = Article {
            credits: vec![
                "CNN’s Haley Britzky and Zachary Cohen contributed to this report.".into(),
            ],
            ..Default::default()
        };
        let f = fields(&a, &b);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].op, FieldOp::Changed);
        assert!(f[0].classes.contains(&ChangeClass::Name));
        let c = Article {
            credits: vec!["Reuters wire.".into()],
            ..Default::default()
        };
        let ops: Vec<_> = fields(&a, &c).iter().map(|f| f.op).collect();
        assert_eq!(ops, vec![FieldOp::Added, FieldOp::Removed]);
    }

    #[test]
    fn headline_figure_is_reported_with_its_field() {
        let a = Article {
            headline: Some("Quake kills 12".into()),
            ..Default::default()
        };
        let b = Article {
            headline: Some("Quake kills 40".into()),
            ..Default::default()
        };
        let (_, numbers) = diff_fields(&a, &b, &mut Budget::new(None));
        assert_eq!(numbers.len(), 1);
        assert_eq!(numbers[0].field, Some(FieldKind::Headline));
    }
}
