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

mod properties {
    use proptest::prelude::*;

    use super::super::{Side, Sides, html, json, markdown, text};
    use crate::article::Article;
    use crate::diff::{DiffOptions, diff_articles};

    /// Paragraph text with the characters that renderers must escape, quotes, dashes and non-ASCII.
    fn paragraph() -> impl Strategy<Value = String> {
        "[a-c A-C0-9<>&*_~|#`\\[\\]\"'“”’—.\u{e9}\u{4e2d}\u{1F600}]{0,40}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn renderers_never_panic_and_html_stays_escaped(
            a in prop::collection::vec(paragraph(), 0..5),
            b in prop::collection::vec(paragraph(), 0..5),
            ha in proptest::option::of(paragraph()),
            hb in proptest::option::of(paragraph()),
        ) {
            let old = Article { headline: ha, paragraphs: a, ..Article::default() };
            let new = Article { headline: hb, paragraphs: b, ..Article::default() };
            let d = diff_articles(&old, &new, &DiffOptions { time_budget: None, ..DiffOptions::default() });
            let sides = Sides {
                old: Side { label: "<old>".into(), sha256: old.sha256() },
                new: Side { label: "<new>".into(), sha256: new.sha256() },
            };
            let page = html::render(&d, &sides);
            // The only '<' in the page are our own tags: every '<' is followed by a tag name, '/' or '!'.
            for (i, _) in page.match_indices('<') {
                let next = page[i + 1..].chars().next().unwrap_or(' ');
                prop_assert!(next.is_ascii_alphabetic() || next == '/' || next == '!', "raw '<' at {i}");
            }
            let _ = text::render(&d, &sides, true);
            let _ = markdown::render(&d, &sides);
            let v: serde_json::Value = serde_json::from_str(&json::render(&d, &sides)).unwrap();
            prop_assert_eq!(&v["schema_version"], 1);
        }
    }
}
