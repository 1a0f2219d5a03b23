//! Paragraph alignment: which paragraph of the old version became which of the new, in the spirit of
//! MediaWiki's wikidiff2 and of the NewsEdits work on news revisions.
//!
//! 1. **Anchors.** Paragraphs identical up to typography and spacing are matched by a patience diff of
//!    their folded texts (`similar`), which keeps them in order; everything between two anchors is a *gap*.
//! 2. **Identical paragraphs elsewhere** (moved without edits) are matched across gaps, first occurrence
//!    with first occurrence.
//! 3. **Similar paragraphs** are paired greedily, most similar first, by word-bag similarity (see
//!    `words::Bag`), down to [`CHANGE_THRESHOLD`]; a paragraph left over was added or removed.
//! 4. **Splits and merges.** A pair grows into a split (one old paragraph, several consecutive new ones)
//!    or a merge when adding an unpaired neighbour raises the combined similarity, each added part is mostly
//!    made of the other side's words ([`SPLIT_PART_CONTAINMENT`]), and the result reaches
//!    [`SPLIT_THRESHOLD`].
//! 5. **Moves.** The matched groups that stay in order are a maximum-weight increasing subsequence (weight:
//!    the groups' letters and digits); the others moved. Only paragraphs with at least
//!    [`MIN_MOVED_ALNUM`] letters or digits and a similarity of at least [`MOVE_THRESHOLD`] are called
//!    moved; any other group out of order becomes a removal plus an addition.
//!
//! Whether a pair is "in place" is decided by the order of all pairs (step 5), not by the gaps of step 1:
//! the longest common subsequence of step 1 is not unique, and deciding by it would make the diff of b→a
//! differ from the mirror of a→b.
//! 6. **Reading order.** Groups are ordered by their first new paragraph; removed paragraphs sit right after
//!    the in-order paragraph that preceded them in the old version.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::budget::{Budget, MAX_PAIR_CANDIDATES, PAIR_BAND};
use super::words::{Bag, Interner};
use crate::normalize::fold_typography_cow;

/// Least similarity for two paragraphs in the same changed region to be the same paragraph reworded;
/// below it they are a removal plus an addition. wikidiff2's `change_threshold` (0.2). On the corpus, of a
/// sample of in-place pairs between 0.2 and 0.3 most were the same paragraph heavily rewritten; a few were
/// two different quotes on the same subject (kept: such pairs are shown whole, as rewritten).
pub const CHANGE_THRESHOLD: f64 = 0.2;

/// Least similarity for a pair that is out of order to be called a move (below it the pair becomes a
/// removal plus an addition): stricter than an in-place pairing, because a false move is more confusing
/// than an addition. wikidiff2's `moved_line_threshold` (0.4). Checked on the corpus: lowering it to 0.3
/// adds 21 moves over 232 version pairs, about half of them different paragraphs on the same subject.
pub const MOVE_THRESHOLD: f64 = 0.4;

/// Least combined similarity for a split or merge: one paragraph against the concatenation of the
/// others. wikidiff2's `final_split_threshold` (0.6).
pub const SPLIT_THRESHOLD: f64 = 0.6;

/// Least share of a split part's words (by weight) that must come from the paragraph it was split from,
/// so that a new paragraph written next to a reworded one is not taken for a piece of it. Tuned on the
/// corpus: at 0.7 nine splits and merges that read as genuine (split while being reworded) were missed; at
/// 0.5 every extra one found was genuine in our reading (now 20 splits and 10 merges over 232 pairs).
pub const SPLIT_PART_CONTAINMENT: f64 = 0.5;

/// Least count of letters and digits for a paragraph to be called moved (the rule: a two-word
/// line out of order is noise, not a move).
pub const MIN_MOVED_ALNUM: usize = 20;

/// Which way a moved paragraph went in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Earlier in the story (towards the top).
    Up,
    /// Later in the story.
    Down,
}

/// A set of old paragraphs matched with a set of new ones: 1:1 (kept, reworded, moved), 1:n (split), n:1
/// (merged), 1:0 (removed) or 0:1 (added). Indices are consecutive and ascending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    /// Set when the group is out of order (moved).
    pub direction: Option<Direction>,
}

/// Align the paragraphs of two versions; the groups come in the output order (see the module docs), and
/// every paragraph of both versions is in exactly one group.
pub(crate) fn align(old: &[String], new: &[String], budget: &mut Budget) -> Vec<Group> {
    let (old_keys, new_keys) = key_ids(old, new);
    let mut state = State {
        old_group: vec![None; old.len()],
        new_group: vec![None; new.len()],
        old_gap: vec![0; old.len()],
        new_gap: vec![0; new.len()],
        groups: Vec::new(),
    };

    // 1. Anchors.
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, budget.deadline());
    let mut gap = 0;
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in o.zip(n) {
                state.add(vec![i], vec![j]);
            }
            gap += 1;
        } else {
            for i in o {
                state.old_gap[i] = gap;
            }
            for j in n {
                state.new_gap[j] = gap;
            }
        }
    }

    // 2. Identical paragraphs in other places.
    let mut free_by_key: FxHashMap<u32, VecDeque<usize>> = FxHashMap::default();
    for (i, &key) in old_keys.iter().enumerate() {
        if state.old_free(i) {
            free_by_key.entry(key).or_default().push_back(i);
        }
    }
    for (j, key) in new_keys.iter().enumerate() {
        if state.new_free(j)
            && let Some(i) = free_by_key.get_mut(key).and_then(VecDeque::pop_front)
        {
            state.add(vec![i], vec![j]);
        }
    }

    // 3. Similar paragraphs.
    let mut interner = Interner::default();
    let old_bags: Vec<Option<Bag>> = bags(old, |i| state.old_free(i), &mut interner);
    let new_bags: Vec<Option<Bag>> = bags(new, |j| state.new_free(j), &mut interner);
    let mut candidates = candidates(&state, &old_bags, &new_bags, budget);
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.distance.cmp(&b.distance))
            .then((a.old + a.new).cmp(&(b.old + b.new)))
            .then(a.old.cmp(&b.old))
    });
    let mut seeds = Vec::new();
    for c in &candidates {
        if state.old_free(c.old) && state.new_free(c.new) {
            state.add(vec![c.old], vec![c.new]);
            seeds.push((c.old, c.new));
        }
    }

    // Settle which copy of a repeated paragraph is paired before pairs grow into splits and merges.
    // Without a repeated paragraph in either version (most stories) there is no copy to choose.
    let repeats = has_repeats(&old_keys) || has_repeats(&new_keys);
    if repeats {
        rehome_duplicates(&mut state.groups, &old_keys, &new_keys, budget);
        uncross_duplicates(&mut state.groups, &old_keys, &new_keys);
        state.reindex();
    }

    // 4. Splits and merges, grown from the similarity pairs, most similar first.
    for (o, n) in seeds {
        let (Some(Some(old_bag)), Some(Some(new_bag))) = (old_bags.get(o), new_bags.get(n)) else {
            continue;
        };
        let split = grow(old_bag, n, &new_bags, |j| state.new_free(j));
        let merge = grow(new_bag, o, &old_bags, |i| state.old_free(i));
        let pick_split = match (&split, &merge) {
            (Some(s), Some(m)) => s.score >= m.score,
            (Some(_), None) => true,
            _ => false,
        };
        // The seed may have been re-paired by `rehome_duplicates`.
        let Some(g) = state.old_group.get(o).copied().flatten() else {
            continue;
        };
        if state.groups.get(g).is_none_or(|grp| grp.new != [n]) {
            continue;
        }
        if pick_split {
            if let Some(s) = split {
                state.extend(g, vec![o], s.run);
            }
        } else if let Some(m) = merge {
            state.extend(g, m.run, vec![n]);
        }
    }

    // 5. Moves, then 6. reading order.
    let mut groups = state.groups;
    if repeats {
        rehome_duplicates(&mut groups, &old_keys, &new_keys, budget);
        uncross_duplicates(&mut groups, &old_keys, &new_keys);
    }
    mark_moves(&mut groups, old, new);
    order(groups, old.len(), new.len())
}

/// Whether some key occurs more than once: without that, [`rehome_duplicates`] and [`uncross_duplicates`]
/// have nothing to do for this version.
fn has_repeats(keys: &[u32]) -> bool {
    let mut sorted = keys.to_vec();
    sorted.sort_unstable();
    sorted
        .windows(2)
        .any(|pair| matches!(pair, [a, b] if a == b))
}

/// Most pair comparisons [`rehome_duplicates`] may make (copies × [`MAX_COPIES`] × groups): a story made of
/// thousands of identical paragraphs would otherwise take quadratic time. Far above real copy (a repeated
/// credit or "Watch:" line).
const MAX_REHOME_WORK: u64 = 20_000_000;

/// Most identical copies of a paragraph considered by [`rehome_duplicates`] (bounds its work on
/// pathological input; real stories repeat a paragraph at most a few times).
const MAX_COPIES: usize = 16;

/// A paragraph that is repeated in one version may be paired through any of its copies; pick the copy
/// that crosses the fewest other pairs (then the one at the nearest relative place), so that which copy
/// the diff algorithm happened to anchor does not turn into a move. Copies left unpaired stay added or
/// removed.
fn rehome_duplicates(
    groups: &mut [Group],
    old_keys: &[u32],
    new_keys: &[u32],
    budget: &mut Budget,
) {
    for old_side in [true, false] {
        let (keys, other_len) = if old_side {
            (old_keys, new_keys.len())
        } else {
            (new_keys, old_keys.len())
        };
        let mut taken = vec![false; keys.len()];
        for g in groups.iter() {
            for &i in if old_side { &g.old } else { &g.new } {
                if let Some(t) = taken.get_mut(i) {
                    *t = true;
                }
            }
        }
        let mut copies: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, &key) in keys.iter().enumerate() {
            copies.entry(key).or_default().push(i);
        }
        copies.retain(|_, v| v.len() > 1);
        if copies.is_empty() {
            continue;
        }
        let repeated = copies.values().map(Vec::len).sum::<usize>();
        let work = (repeated as u64)
            .saturating_mul(MAX_COPIES as u64)
            .saturating_mul(groups.len() as u64);
        if work > MAX_REHOME_WORK {
            budget.note("too many repeated paragraphs to choose the best copy of each: some may show as moved");
            continue;
        }
        for g in 0..groups.len() {
            let Some((mine, theirs)) =
                groups
                    .get(g)
                    .and_then(|grp| match (grp.old.as_slice(), grp.new.as_slice()) {
                        ([o], [n]) => Some(if old_side { (*o, *n) } else { (*n, *o) }),
                        _ => None,
                    })
            else {
                continue;
            };
            let Some(list) = keys.get(mine).and_then(|k| copies.get(k)) else {
                continue;
            };
            let crossings = |c: usize| {
                groups
                    .iter()
                    .enumerate()
                    .filter(|(h, _)| *h != g)
                    .filter_map(
                        |(_, other)| match (other.old.as_slice(), other.new.as_slice()) {
                            ([o], [n]) => Some(if old_side { (*o, *n) } else { (*n, *o) }),
                            _ => None,
                        },
                    )
                    .filter(|&(x, y)| (x < c) != (y < theirs))
                    .count()
            };
            let place = |c: usize| (c * other_len).abs_diff(theirs * keys.len());
            let best = list
                .iter()
                .copied()
                .filter(|&c| c == mine || taken.get(c) == Some(&false))
                .take(MAX_COPIES)
                .min_by_key(|&c| (crossings(c), place(c), c));
            if let (Some(c), Some(grp)) = (best, groups.get_mut(g))
                && c != mine
            {
                if old_side {
                    grp.old = vec![c];
                } else {
                    grp.new = vec![c];
                }
                if let Some(t) = taken.get_mut(mine) {
                    *t = false;
                }
                if let Some(t) = taken.get_mut(c) {
                    *t = true;
                }
            }
        }
    }
}

/// Among 1:1 groups whose old paragraphs are identical (or whose new paragraphs are), hand out the
/// partners in order. Which copy of a repeated paragraph anchors is otherwise an accident of the diff
/// algorithm, and a crossing it leaves would show as a move (in one direction of the diff and not in the
/// other); swapping partners between identical texts changes no similarity, so the order-keeping choice
/// is free.
fn uncross_duplicates(groups: &mut [Group], old_keys: &[u32], new_keys: &[u32]) {
    for by_old in [true, false] {
        // Each bucket's groups are edited among themselves only, so the order buckets come in is free.
        let mut buckets: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (g, group) in groups.iter().enumerate() {
            if let ([o], [n]) = (group.old.as_slice(), group.new.as_slice()) {
                let key = if by_old {
                    old_keys.get(*o)
                } else {
                    new_keys.get(*n)
                };
                if let Some(&key) = key {
                    buckets.entry(key).or_default().push(g);
                }
            }
        }
        for members in buckets.into_values().filter(|m| m.len() > 1) {
            let mut olds: Vec<usize> = members
                .iter()
                .filter_map(|&g| groups.get(g)?.old.first().copied())
                .collect();
            let mut news: Vec<usize> = members
                .iter()
                .filter_map(|&g| groups.get(g)?.new.first().copied())
                .collect();
            olds.sort_unstable();
            news.sort_unstable();
            for ((&g, o), n) in members.iter().zip(olds).zip(news) {
                if let Some(group) = groups.get_mut(g) {
                    group.old = vec![o];
                    group.new = vec![n];
                }
            }
        }
    }
}

/// The anchor key ([`anchor_key`]) of every paragraph of both versions, as a number per distinct key
/// (numbered in order of first sight, old version first), so the steps that compare and bucket paragraphs
/// by key hash a number rather than a paragraph.
///
/// Building a key is a pass over the text that folds and copies it (once a tenth of a diff), and most keys
/// only ever equal themselves. Folding typography and dropping spaces never touch ASCII letters and digits,
/// so two paragraphs with the same key have the same [`letter_signature`]; a key is built only for a
/// distinct text whose signature another distinct text shares (a retyped or re-spaced copy, or a hash
/// collision, which costs only the keys).
fn key_ids(old: &[String], new: &[String]) -> (Vec<u32>, Vec<u32>) {
    // Distinct texts in order of first sight (a paragraph kept as it was is one text in both versions).
    // Maps sized up front: growing them cost more than filling them.
    let paragraphs = old.len() + new.len();
    let mut text_number: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(paragraphs, Default::default());
    let mut texts: Vec<&str> = Vec::with_capacity(paragraphs);
    let text_of: Vec<usize> = old
        .iter()
        .chain(new)
        .map(|p| {
            *text_number.entry(p.as_str()).or_insert_with(|| {
                texts.push(p);
                texts.len() - 1
            })
        })
        .collect();
    let signatures: Vec<u64> = texts.iter().map(|t| letter_signature(t)).collect();
    let mut signature_count: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(texts.len(), Default::default());
    for &s in &signatures {
        *signature_count.entry(s).or_default() += 1;
    }
    // Each distinct text's class: the first distinct text with the same key.
    let mut first_with_key: FxHashMap<String, usize> = FxHashMap::default();
    let class_of: Vec<usize> = texts
        .iter()
        .zip(&signatures)
        .enumerate()
        .map(|(t, (text, s))| {
            if signature_count.get(s) == Some(&1) {
                t
            } else {
                *first_with_key.entry(anchor_key(text)).or_insert(t)
            }
        })
        .collect();
    // Number the classes in order of first sight, paragraph by paragraph.
    let mut class_ids: FxHashMap<usize, u32> =
        FxHashMap::with_capacity_and_hasher(texts.len(), Default::default());
    let mut ids: Vec<u32> = text_of
        .iter()
        .map(|&t| {
            let next = u32::try_from(class_ids.len()).unwrap_or(u32::MAX);
            *class_ids
                .entry(class_of.get(t).copied().unwrap_or(t))
                .or_insert(next)
        })
        .collect();
    let new_ids = ids.split_off(old.len().min(ids.len()));
    (ids, new_ids)
}

/// A hash of the ASCII letters and digits of a text, in order: equal for texts with equal
/// [`anchor_key`]s (see [`key_ids`]).
fn letter_signature(text: &str) -> u64 {
    text.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .fold(0, |hash, b| {
            // FNV's 64-bit prime: a multiply and an add per letter, well mixed for text.
            hash.wrapping_mul(0x0100_0000_01b3)
                .wrapping_add(u64::from(b))
        })
}

/// The text an anchor is matched on: typography folded, all spacing removed, so a re-spaced or re-quoted
/// paragraph still anchors (and is then reported as a typography change).
fn anchor_key(paragraph: &str) -> String {
    // The folded text without its whitespace, copied a run at a time (every paragraph of both versions gets
    // a key: this was a tenth of a diff's time when built character by character).
    let folded = fold_typography_cow(paragraph);
    let mut key = String::with_capacity(folded.len());
    let mut run = 0;
    for (i, c) in folded.char_indices() {
        if c.is_whitespace() {
            key.push_str(folded.get(run..i).unwrap_or(""));
            run = i + c.len_utf8();
        }
    }
    key.push_str(folded.get(run..).unwrap_or(""));
    key
}

/// Pairing bookkeeping: which group each paragraph is in, and which gap (changed region) it lies in.
struct State {
    old_group: Vec<Option<usize>>,
    new_group: Vec<Option<usize>>,
    old_gap: Vec<usize>,
    new_gap: Vec<usize>,
    groups: Vec<Group>,
}

impl State {
    fn old_free(&self, i: usize) -> bool {
        self.old_group.get(i) == Some(&None)
    }

    fn new_free(&self, j: usize) -> bool {
        self.new_group.get(j) == Some(&None)
    }

    /// Recompute which group each paragraph is in after groups were edited in place.
    fn reindex(&mut self) {
        self.old_group.iter_mut().for_each(|g| *g = None);
        self.new_group.iter_mut().for_each(|g| *g = None);
        for (g, group) in self.groups.iter().enumerate() {
            for &i in &group.old {
                if let Some(slot) = self.old_group.get_mut(i) {
                    *slot = Some(g);
                }
            }
            for &j in &group.new {
                if let Some(slot) = self.new_group.get_mut(j) {
                    *slot = Some(g);
                }
            }
        }
    }

    fn add(&mut self, old: Vec<usize>, new: Vec<usize>) {
        let g = self.groups.len();
        self.groups.push(Group {
            old: Vec::new(),
            new: Vec::new(),
            direction: None,
        });
        self.extend(g, old, new);
    }

    /// Put paragraphs into group `g` (the group's lists stay sorted and free of repeats).
    fn extend(&mut self, g: usize, old: Vec<usize>, new: Vec<usize>) {
        for &i in &old {
            if let Some(slot) = self.old_group.get_mut(i) {
                *slot = Some(g);
            }
        }
        for &j in &new {
            if let Some(slot) = self.new_group.get_mut(j) {
                *slot = Some(g);
            }
        }
        if let Some(group) = self.groups.get_mut(g) {
            group.old.extend(old);
            group.old.sort_unstable();
            group.old.dedup();
            group.new.extend(new);
            group.new.sort_unstable();
            group.new.dedup();
        }
    }
}

/// Word bags of the paragraphs still free (None for the others, which are never compared).
fn bags(
    paragraphs: &[String],
    free: impl Fn(usize) -> bool,
    interner: &mut Interner,
) -> Vec<Option<Bag>> {
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| free(i).then(|| Bag::of(p, interner)))
        .collect()
}

/// A possible pairing of a free old and a free new paragraph.
struct Candidate {
    old: usize,
    new: usize,
    score: f64,
    /// How far apart the two are in relative position (old × new-length vs new × old-length), so that of two
    /// equally similar partners the one at the same place wins.
    distance: u128,
}

/// Score the free pairs that may be paired: all of them, or (over [`MAX_PAIR_CANDIDATES`]) those in the
/// same gap within [`PAIR_BAND`] of each other. Pairs below [`CHANGE_THRESHOLD`] are left out.
fn candidates(
    state: &State,
    old_bags: &[Option<Bag>],
    new_bags: &[Option<Bag>],
    budget: &mut Budget,
) -> Vec<Candidate> {
    let free_old: Vec<usize> = (0..old_bags.len()).filter(|&i| state.old_free(i)).collect();
    let free_new: Vec<usize> = (0..new_bags.len()).filter(|&j| state.new_free(j)).collect();
    let (old_len, new_len) = (old_bags.len() as u128, new_bags.len() as u128);
    let mut out = Vec::new();
    let mut consider = |i: usize, j: usize| {
        let (Some(Some(a)), Some(Some(b))) = (old_bags.get(i), new_bags.get(j)) else {
            return;
        };
        let score = a.dice(b);
        if score >= CHANGE_THRESHOLD {
            out.push(Candidate {
                old: i,
                new: j,
                score,
                distance: (i as u128 * new_len).abs_diff(j as u128 * old_len),
            });
        }
    };
    if free_old.len().saturating_mul(free_new.len()) <= MAX_PAIR_CANDIDATES {
        for &i in &free_old {
            for &j in &free_new {
                consider(i, j);
            }
        }
        return out;
    }
    budget.note("too many changed paragraphs to compare them all: moves across the story were not looked for");
    let mut by_gap: FxHashMap<usize, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for &i in &free_old {
        by_gap
            .entry(state.old_gap.get(i).copied().unwrap_or(0))
            .or_default()
            .0
            .push(i);
    }
    for &j in &free_new {
        by_gap
            .entry(state.new_gap.get(j).copied().unwrap_or(0))
            .or_default()
            .1
            .push(j);
    }
    let mut gaps: Vec<_> = by_gap.into_values().collect();
    gaps.sort();
    let mut scored = 0usize;
    for (olds, news) in gaps {
        for (a, &i) in olds.iter().enumerate() {
            // Compare with the new paragraphs at the same relative place in the gap.
            let center = if olds.is_empty() {
                0
            } else {
                a * news.len() / olds.len()
            };
            let lo = center.saturating_sub(PAIR_BAND);
            let hi = (center + PAIR_BAND + 1).min(news.len());
            for &j in news.get(lo..hi).unwrap_or(&[]) {
                if scored >= MAX_PAIR_CANDIDATES {
                    budget.note("the paragraph pairing cap was reached: some reworded paragraphs show as removed and added");
                    return out;
                }
                scored += 1;
                consider(i, j);
            }
        }
    }
    out
}

/// A grown split or merge: the run of consecutive paragraphs on the growing side, and its similarity to
/// the single paragraph.
struct Grown {
    run: Vec<usize>,
    score: f64,
}

/// Grow the run `[start]` on one side by free neighbours while the combined similarity to `single` rises
/// and each added part is mostly made of `single`'s words. `None` when nothing was added or the result is
/// below [`SPLIT_THRESHOLD`].
fn grow(
    single: &Bag,
    start: usize,
    side_bags: &[Option<Bag>],
    free: impl Fn(usize) -> bool,
) -> Option<Grown> {
    let mut combined = side_bags.get(start)?.clone()?;
    let mut score = single.dice(&combined);
    let (mut lo, mut hi) = (start, start);
    loop {
        let mut best: Option<(usize, f64, Bag)> = None;
        for next in [lo.checked_sub(1), hi.checked_add(1)].into_iter().flatten() {
            if !free(next) {
                continue;
            }
            let Some(Some(part)) = side_bags.get(next) else {
                continue;
            };
            if part.contained_in(single) < SPLIT_PART_CONTAINMENT {
                continue;
            }
            let merged = combined.plus(part);
            let s = single.dice(&merged);
            if s > score && best.as_ref().is_none_or(|b| s > b.1) {
                best = Some((next, s, merged));
            }
        }
        let Some((next, s, merged)) = best else {
            break;
        };
        if next < lo {
            lo = next;
        } else {
            hi = next;
        }
        score = s;
        combined = merged;
    }
    (hi > lo && score >= SPLIT_THRESHOLD).then(|| Grown {
        run: (lo..=hi).collect(),
        score,
    })
}

/// Count of letters and digits of some paragraphs.
fn alnum(paragraphs: &[String], indices: &[usize]) -> usize {
    indices
        .iter()
        .filter_map(|&i| paragraphs.get(i))
        .map(|p| alnum_chars(p))
        .sum()
}

/// Count of letters and digits of a text, byte by byte: an ASCII byte is looked up in [`BYTE_CLASS`], and
/// only the first byte of a multi-byte character is decoded (every paragraph of both versions is counted;
/// decoding every character was a quarter of alignment).
fn alnum_chars(text: &str) -> usize {
    let mut count = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match BYTE_CLASS.get(usize::from(b)) {
            Some(&ASCII_ALNUM) => count += 1,
            Some(&LEAD_BYTE) => {
                let c = text.get(i..).and_then(|rest| rest.chars().next());
                count += usize::from(c.is_some_and(char::is_alphanumeric));
            }
            _ => {}
        }
    }
    count
}

/// [`BYTE_CLASS`] of an ASCII letter or digit.
const ASCII_ALNUM: u8 = 1;
/// [`BYTE_CLASS`] of the first byte of a multi-byte character (`0xC0` up; `0x80..0xC0` continue one).
const LEAD_BYTE: u8 = 2;

/// What each byte value is to [`alnum_chars`]: [`ASCII_ALNUM`], [`LEAD_BYTE`] or 0 (anything else).
static BYTE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b: u8 = 0;
    loop {
        class[b as usize] = if b.is_ascii_alphanumeric() {
            ASCII_ALNUM
        } else if b >= 0xC0 {
            LEAD_BYTE
        } else {
            0
        };
        if b == u8::MAX {
            break;
        }
        b += 1;
    }
    class
};

/// The word-bag similarity of a group's two sides.
fn group_similarity(group: &Group, old: &[String], new: &[String]) -> f64 {
    let mut interner = Interner::default();
    let mut side = |paragraphs: &[String], indices: &[usize]| {
        indices
            .iter()
            .filter_map(|&i| paragraphs.get(i))
            .fold(Bag::default(), |bag, p| {
                bag.plus(&Bag::of(p, &mut interner))
            })
    };
    let a = side(old, &group.old);
    let b = side(new, &group.new);
    a.dice(&b)
}

/// Find the matched groups that are out of order and set their direction; those too short to be called
/// moved are broken into a removal and an addition.
fn mark_moves(groups: &mut Vec<Group>, old: &[String], new: &[String]) {
    let matched: Vec<usize> = (0..groups.len())
        .filter(|&g| {
            groups
                .get(g)
                .is_some_and(|g| !g.old.is_empty() && !g.new.is_empty())
        })
        .collect();
    let firsts: Vec<(usize, usize, usize)> = matched
        .iter()
        .map(|&g| {
            let grp = groups.get(g);
            let of = grp.and_then(|g| g.old.first().copied()).unwrap_or(0);
            let nf = grp.and_then(|g| g.new.first().copied()).unwrap_or(0);
            let nl = grp.and_then(|g| g.new.last().copied()).unwrap_or(0);
            (of, nf, nl)
        })
        .collect();
    // When nothing is out of order (most version pairs) every group is kept: weights are never negative
    // and ties go to more groups, so weighing the groups (counting the letters of every matched paragraph)
    // cannot change the answer.
    let keep = if all_in_order(&firsts) {
        vec![true; firsts.len()]
    } else {
        let weights: Vec<OrderWeight> = matched
            .iter()
            .map(|&g| {
                groups
                    .get(g)
                    .map_or_else(OrderWeight::default, |g| order_weight(g, old, new))
            })
            .collect();
        increasing_subset(&firsts, &weights, new.len())
    };

    let mut in_order_old: Vec<usize> = Vec::new();
    let mut in_order_new: Vec<usize> = Vec::new();
    for (k, &(of, nf, _)) in firsts.iter().enumerate() {
        if keep.get(k) == Some(&true) {
            in_order_old.push(of);
            in_order_new.push(nf);
        }
    }
    in_order_old.sort_unstable();
    in_order_new.sort_unstable();

    let mut dissolved = Vec::new();
    for (k, &g) in matched.iter().enumerate() {
        if keep.get(k) == Some(&true) {
            continue;
        }
        let Some(group) = groups.get_mut(g) else {
            continue;
        };
        let long_enough =
            alnum(old, &group.old) >= MIN_MOVED_ALNUM && alnum(new, &group.new) >= MIN_MOVED_ALNUM;
        if !long_enough || group_similarity(group, old, new) < MOVE_THRESHOLD {
            dissolved.push(g);
            continue;
        }
        let (of, nf, _) = firsts.get(k).copied().unwrap_or_default();
        let before_old = in_order_old.partition_point(|&x| x < of);
        let before_new = in_order_new.partition_point(|&x| x < nf);
        group.direction = Some(if before_new < before_old {
            Direction::Up
        } else {
            Direction::Down
        });
    }
    for g in dissolved {
        if let Some(group) = groups.get_mut(g) {
            let old_side = std::mem::take(&mut group.old);
            groups.push(Group {
                old: old_side,
                new: Vec::new(),
                direction: None,
            });
        }
    }
}

/// How strongly a matched group claims to stay in order ([`increasing_subset`]'s weight), compared field by
/// field in this order and summed field by field along a chain: its letters and digits, old and new; ties
/// go to the one whose sides are closer in size (more likely one paragraph), then to one left unchanged,
/// then to a hash of the two sides' texts. Every field is the same whichever version is called old, so a
/// diff and its reverse keep the same groups in order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct OrderWeight {
    letters: u64,
    closer: u64,
    unchanged: u64,
    hash: u64,
}

impl std::ops::Add for OrderWeight {
    type Output = OrderWeight;

    fn add(self, other: OrderWeight) -> OrderWeight {
        OrderWeight {
            letters: self.letters.saturating_add(other.letters),
            closer: self.closer.saturating_add(other.closer),
            unchanged: self.unchanged.saturating_add(other.unchanged),
            hash: self.hash.saturating_add(other.hash),
        }
    }
}

/// [`OrderWeight`] of one matched group.
fn order_weight(group: &Group, old: &[String], new: &[String]) -> OrderWeight {
    fn side<'p>(paragraphs: &'p [String], indices: &[usize]) -> Vec<&'p str> {
        indices
            .iter()
            .filter_map(|&i| paragraphs.get(i).map(String::as_str))
            .collect()
    }
    let (old_side, new_side) = (side(old, &group.old), side(new, &group.new));
    let (a, b) = (alnum(old, &group.old) as u64, alnum(new, &group.new) as u64);
    // FNV-1a of each side, summed: the same for (old, new) and (new, old).
    let fnv = |parts: &[&str]| {
        parts
            .iter()
            .flat_map(|p| p.bytes())
            .fold(0xcbf2_9ce4_8422_2325u64, |h, byte| {
                (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            })
    };
    OrderWeight {
        letters: a + b,
        closer: a.min(b),
        unchanged: u64::from(old_side == new_side),
        // Kept to 32 bits so that sums along a chain cannot saturate.
        hash: fnv(&old_side).wrapping_add(fnv(&new_side)) >> 32,
    }
}

/// Whether the groups (given as for [`increasing_subset`]) already form one increasing chain: taken in
/// order of their first old paragraph, each starts in the new version after the previous one ends. Then
/// [`increasing_subset`] keeps them all, whatever their weights.
fn all_in_order(groups: &[(usize, usize, usize)]) -> bool {
    let mut by_old: Vec<&(usize, usize, usize)> = groups.iter().collect();
    by_old.sort_unstable_by_key(|g| g.0);
    by_old
        .windows(2)
        .all(|pair| matches!(pair, [before, after] if before.2 < after.1))
}

/// A maximum-weight subset of groups whose old and new positions both increase (groups given as (first old,
/// first new, last new)); ties go to the subset with more groups. Returns a flag per group. O(n log n) with a
/// Fenwick tree over new positions. A chain's weight is the sum of its groups'.
fn increasing_subset<W>(
    groups: &[(usize, usize, usize)],
    weights: &[W],
    new_len: usize,
) -> Vec<bool>
where
    W: Copy + Default + Ord + std::ops::Add<Output = W>,
{
    let zero = W::default();
    let mut tree: Vec<(W, u32, Option<usize>)> = vec![(zero, 0, None); new_len + 1];
    let better = |a: &(W, u32, Option<usize>), b: &(W, u32, Option<usize>)| (a.0, a.1) > (b.0, b.1);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&k| groups.get(k).map(|g| g.0));
    let mut dp: Vec<(W, u32, Option<usize>)> = vec![(zero, 0, None); groups.len()];
    for &k in &order {
        let Some(&(_, first_new, last_new)) = groups.get(k) else {
            continue;
        };
        // Best chain among groups that end before `first_new`: prefix query over positions 1..=first_new.
        let mut best = (zero, 0, None);
        let mut p = first_new;
        while p > 0 {
            if let Some(t) = tree.get(p)
                && better(t, &best)
            {
                best = *t;
            }
            p &= p - 1;
        }
        let w = weights.get(k).copied().unwrap_or(zero);
        let here = (best.0 + w, best.1 + 1, best.2);
        if let Some(d) = dp.get_mut(k) {
            *d = here;
        }
        let entry = (here.0, here.1, Some(k));
        let mut p = last_new + 1;
        while p <= new_len {
            if let Some(t) = tree.get_mut(p)
                && better(&entry, t)
            {
                *t = entry;
            }
            p += p & p.wrapping_neg();
        }
    }
    let mut end: Option<usize> = None;
    let mut top = (zero, 0);
    for &k in &order {
        if let Some(d) = dp.get(k)
            && (d.0, d.1) > top
        {
            top = (d.0, d.1);
            end = Some(k);
        }
    }
    let mut keep = vec![false; groups.len()];
    while let Some(k) = end {
        if let Some(flag) = keep.get_mut(k) {
            if *flag {
                break;
            }
            *flag = true;
        }
        end = dp.get(k).and_then(|d| d.2);
    }
    keep
}

/// Put the groups in reading order of the new version (see the module documentation), adding a removal
/// for every old paragraph and an addition for every new paragraph that no group holds.
fn order(mut groups: Vec<Group>, old_len: usize, new_len: usize) -> Vec<Group> {
    let mut old_seen = vec![false; old_len];
    let mut new_seen = vec![false; new_len];
    for g in &groups {
        for &i in &g.old {
            if let Some(s) = old_seen.get_mut(i) {
                *s = true;
            }
        }
        for &j in &g.new {
            if let Some(s) = new_seen.get_mut(j) {
                *s = true;
            }
        }
    }
    // Paragraphs that lost their partner (a dissolved move's new side is still in its group).
    for (i, seen) in old_seen.iter().enumerate() {
        if !seen {
            groups.push(Group {
                old: vec![i],
                new: Vec::new(),
                direction: None,
            });
        }
    }
    for (j, seen) in new_seen.iter().enumerate() {
        if !seen {
            groups.push(Group {
                old: Vec::new(),
                new: vec![j],
                direction: None,
            });
        }
    }
    // Break removals of several paragraphs into one group per paragraph.
    let mut flat = Vec::with_capacity(groups.len());
    for g in groups {
        if g.new.is_empty() && g.old.len() > 1 {
            flat.extend(g.old.into_iter().map(|i| Group {
                old: vec![i],
                new: Vec::new(),
                direction: None,
            }));
        } else if !g.old.is_empty() || !g.new.is_empty() {
            flat.push(g);
        }
    }
    // For each old paragraph: the last new index of the in-order group that holds it.
    let mut in_order_new_end: Vec<Option<usize>> = vec![None; old_len];
    for g in &flat {
        if g.direction.is_none()
            && let Some(&last_new) = g.new.last()
        {
            for &i in &g.old {
                if let Some(slot) = in_order_new_end.get_mut(i) {
                    *slot = Some(last_new);
                }
            }
        }
    }
    // Where a removed old paragraph goes: right after the in-order paragraph before it.
    let mut slot_after = vec![0usize; old_len];
    let mut last: Option<usize> = None;
    for i in 0..old_len {
        if let Some(s) = slot_after.get_mut(i) {
            *s = last.map_or(0, |n| n + 1);
        }
        if let Some(Some(n)) = in_order_new_end.get(i) {
            last = Some(last.map_or(*n, |l| l.max(*n)));
        }
    }
    let key = |g: &Group| match (g.new.first(), g.old.first()) {
        (Some(&n), _) => (n, 1u8, 0usize),
        (None, Some(&o)) => (slot_after.get(o).copied().unwrap_or(0), 0u8, o),
        (None, None) => (usize::MAX, 2u8, 0),
    };
    flat.sort_by_key(|g| key(g));
    flat
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #[test]
        fn alnum_by_bytes_counts_what_chars_count(text in "[a-zA-Z0-9 .,’“”éÉß€—日本\u{a0}\u{2009}]{0,40}") {
            let by_chars = text.chars().filter(|c| c.is_alphanumeric()).count();
            proptest::prop_assert_eq!(alnum_chars(&text), by_chars);
        }

        #[test]
        fn anchor_key_drops_what_is_whitespace(text in "[a-z .’“—\\-\t\n\u{b}\u{a0}\u{2009}\u{3000}é]{0,40}") {
            let by_chars: String = fold_typography_cow(&text).chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(anchor_key(&text), by_chars);
        }

        #[test]
        fn anchor_key_keeps_the_letter_signature(text in "[a-zA-Z0-9 .’“”‘—–…\\-`´′″«»\t\u{a0}éß日ﬁ]{0,40}|\\PC{0,40}") {
            // What lets `key_ids` skip building most keys: a key has the ASCII letters and digits of its
            // text, in order.
            proptest::prop_assert_eq!(letter_signature(&anchor_key(&text)), letter_signature(&text));
        }
    }

    fn paras(text: &str) -> Vec<String> {
        text.split('|')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    }

    fn run(a: &str, b: &str) -> Vec<(Vec<usize>, Vec<usize>, Option<Direction>)> {
        align(&paras(a), &paras(b), &mut Budget::new(None))
            .into_iter()
            .map(|g| (g.old, g.new, g.direction))
            .collect()
    }

    const A: &str = "The storm made landfall near the coast on Tuesday morning.";
    const B: &str = "Officials ordered evacuations of several low-lying neighbourhoods.";
    const C: &str = "Power was cut to thousands of homes across three counties.";
    const D: &str = "Schools will stay closed until the end of the week, the governor said.";

    #[test]
    fn identical_versions_pair_in_order() {
        let t = format!("{A}|{B}|{C}");
        assert_eq!(
            run(&t, &t),
            vec![
                (vec![0], vec![0], None),
                (vec![1], vec![1], None),
                (vec![2], vec![2], None)
            ]
        );
    }

    #[test]
    fn moved_paragraph_has_a_direction() {
        let got = run(&format!("{A}|{B}|{C}|{D}"), &format!("{D}|{A}|{B}|{C}"));
        assert_eq!(got[0], (vec![3], vec![0], Some(Direction::Up)));
        assert_eq!(got.iter().filter(|g| g.2.is_some()).count(), 1);
    }

    #[test]
    fn removed_paragraph_stays_where_it_was() {
        let got = run(&format!("{A}|{B}|{C}"), &format!("{A}|{C}"));
        assert_eq!(
            got,
            vec![
                (vec![0], vec![0], None),
                (vec![1], vec![], None),
                (vec![2], vec![1], None)
            ]
        );
    }

    #[test]
    fn split_and_merge() {
        let joined = format!("{A} {B}");
        let got = run(&format!("{joined}|{C}"), &format!("{A}|{B}|{C}"));
        assert_eq!(got[0], (vec![0], vec![0, 1], None));
        let got = run(&format!("{A}|{B}|{C}"), &format!("{joined}|{C}"));
        assert_eq!(got[0], (vec![0, 1], vec![0], None));
    }

    #[test]
    fn unrelated_replacement_is_removed_and_added() {
        let got = run(&format!("{A}|{B}"), &format!("{A}|{D}"));
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (vec![1], vec![], None));
        assert_eq!(got[2], (vec![], vec![1], None));
    }

    #[test]
    fn short_line_out_of_order_is_not_a_move() {
        let got = run(&format!("Watch:|{A}|{B}"), &format!("{A}|{B}|Watch:"));
        assert!(got.iter().all(|g| g.2.is_none()));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn repeated_paragraph_does_not_cross_into_a_move() {
        // Found by the mirror property: which copy of B anchors must not create a move.
        let ab = run(&format!("{B}|{B}"), &format!("{A} {B}|{B}"));
        let ba = run(&format!("{A} {B}|{B}"), &format!("{B}|{B}"));
        assert!(ab.iter().chain(&ba).all(|g| g.2.is_none()), "{ab:?} {ba:?}");
    }

    #[test]
    fn unpaired_copy_of_a_repeated_paragraph_is_used_to_keep_order() {
        // Found by the mirror property: P is repeated in one version; pairing through the wrong copy
        // would make the reworded paragraph after it look moved.
        let (p, s, t, r) = (C, D, A, B);
        let one = format!("{p}|{s} {t}");
        let two = format!("{r}|{p}|{s}|{p}|{t}");
        for got in [run(&one, &two), run(&two, &one)] {
            assert!(got.iter().all(|g| g.2.is_none()), "{got:?}");
        }
    }

    #[test]
    fn crossing_groups_of_equal_weight_resolve_the_same_both_ways() {
        // Found by the reverse-diff property test: two crossing pairs of equal weight kept a different
        // one in order depending on which version was old.
        let a = "Rescue teams searched the flooded streets. | The death toll is expected to rise. Schools will stay closed, the governor said. The death toll is expected to rise. | “We are doing everything we can,” the mayor said. Schools will stay closed, the governor said.";
        let b = "Rescue teams searched the flooded streets. | Schools will stay closed, the governor said. Schools will stay closed, the governor said. | The death toll is expected to rise. At least 12 people were killed.";
        mirrored_groups(a, b);
    }

    /// The groups of `a` → `b` as (old, new, moved), sorted, after checking that `b` → `a` gives the same
    /// groups with their sides swapped.
    fn mirrored_groups(a: &str, b: &str) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
        let sorted = |mut g: Vec<(Vec<usize>, Vec<usize>, bool)>| {
            g.sort();
            g
        };
        let ab = sorted(
            run(a, b)
                .into_iter()
                .map(|(o, n, d)| (o, n, d.is_some()))
                .collect(),
        );
        let ba = sorted(
            run(b, a)
                .into_iter()
                .map(|(o, n, d)| (n, o, d.is_some()))
                .collect(),
        );
        assert_eq!(ab, ba);
        ab
    }

    #[test]
    fn crossing_groups_of_equal_weight_and_size_resolve_the_same_both_ways() {
        // Found by the reverse-diff property test: two crossing pairs whose sides are all the same size
        // (one unchanged, one with its sentences swapped) kept a different one in order depending on
        // which version was old.
        let a = "Officials ordered evacuations of the coast. Power was cut to thousands of homes. | Officials ordered evacuations of the coast. The storm made landfall on Tuesday. | The storm made landfall on Tuesday.";
        let b = "The storm made landfall on Tuesday. Officials ordered evacuations of the coast. | Officials ordered evacuations of the coast. Power was cut to thousands of homes.";
        let ab = mirrored_groups(a, b);
        // The unchanged pair stays in order; the reordered one moved.
        assert!(ab.contains(&(vec![0], vec![1], false)), "{ab:?}");
    }

    proptest::proptest! {
        #[test]
        fn all_in_order_is_when_increasing_subset_keeps_all(
            (news, weights) in (0usize..9).prop_flat_map(|n| (
                proptest::strategy::Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                proptest::collection::vec(0u64..4, n),
            ))
        ) {
            // 1:1 groups: old paragraph i went to new paragraph news[i].
            let groups: Vec<(usize, usize, usize)> =
                news.iter().enumerate().map(|(i, &j)| (i, j, j)).collect();
            let kept = increasing_subset(&groups, &weights, news.len());
            proptest::prop_assert_eq!(all_in_order(&groups), kept.iter().all(|&k| k));
        }
    }

    #[test]
    fn increasing_subset_prefers_heavier_chain() {
        // Group 0 is heavy and goes last; groups 1 and 2 are light and stay in order.
        let groups = [(0, 2, 2), (1, 0, 0), (2, 1, 1)];
        assert_eq!(
            increasing_subset(&groups, &[10, 1, 1], 3),
            vec![true, false, false]
        );
        assert_eq!(
            increasing_subset(&groups, &[1, 1, 1], 3),
            vec![false, true, true]
        );
    }
}
