//! Unit tests of the shared layout decisions.

use super::*;
use crate::article::Article;
use crate::diff::{DiffOptions, diff_articles};

fn diff_of(a: &[&str], b: &[&str], context: usize) -> ArticleDiff {
    let art = |p: &[&str]| Article {
        paragraphs: p.iter().map(|s| s.to_string()).collect(),
        ..Article::default()
    };
    diff_articles(
        &art(a),
        &art(b),
        &DiffOptions {
            context,
            time_budget: None,
            ..DiffOptions::default()
        },
    )
}

const PS: [&str; 6] = [
    "First paragraph about the storm and its landfall on the coast.",
    "Second paragraph about evacuations ordered by the county officials.",
    "Third paragraph about power cuts across three counties overnight.",
    "Fourth paragraph about schools that will stay closed this week.",
    "Fifth paragraph about the federal aid the governor requested.",
    "Sixth paragraph about the forecast for the rest of the weekend.",
];

#[test]
fn context_elides_far_unchanged_paragraphs() {
    let mut b = PS.to_vec();
    b[5] = "Sixth paragraph about the forecast for the rest of the month.";
    let d = diff_of(&PS, &b, 1);
    assert_eq!(
        rows(&d, 1),
        vec![Row::Elided { count: 4 }, Row::Entry(4), Row::Entry(5)]
    );
    assert_eq!(rows(&d, 0), vec![Row::Elided { count: 5 }, Row::Entry(5)]);
    assert_eq!(rows(&d, 10).len(), 6);
}

#[test]
fn moved_paragraph_old_place_is_after_its_old_predecessor() {
    // The third paragraph moves to the top: its old place is after the second paragraph.
    let b = [PS[2], PS[0], PS[1], PS[3], PS[4], PS[5]];
    let d = diff_of(&PS, &b, 1);
    assert_eq!(d.paragraphs[0].direction, Some(Direction::Up));
    // Entries: 0 = moved ¶3, 1 = ¶1, 2 = ¶2, 3 = ¶4… The old place is before entry 3.
    assert_eq!(old_places(&d), vec![(3, 0)]);
}

#[test]
fn locations_count_from_one() {
    let mut b = PS.to_vec();
    b.remove(0);
    let d = diff_of(&PS, &b, 1);
    assert_eq!(location(&d.paragraphs[0]), "old ¶1");
    assert_eq!(location(&d.paragraphs[1]), "¶2 → ¶1");
    assert_eq!(numbers(&[2, 3]), "¶3–4");
}
