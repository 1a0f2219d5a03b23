//! The JSON report: the contract programs rely on (`storydiff diff --format json`).
//!
//! One object, pretty-printed, fields in this order:
//!
//! ```text
//! {
//!   "schema_version": 1,
//!   "old": {"ref": "<label of the old version>", "sha256": "<64 hex>"},
//!   "new": {"ref": "<label of the new version>", "sha256": "<64 hex>"},
//!   "changed": bool,          // an edit that counts: exit code 1 (typography only counts with --strict)
//!   "substantive": bool,      // some change of class number, name or substantive
//!   "typography_only": bool,  // the versions differ in typography and spacing only
//!   "silent_edit": bool,      // substance changed, no update notice/correction/editor's note added or changed
//!   "strict": bool,           // whether --strict was given
//!   "summary": {
//!     "paragraphs": {"added", "removed", "modified", "moved", "split", "merged", "unchanged",
//!                    "typography_only"},                       // counts of entries
//!     "clauses": [str],                                        // most important first
//!     "text": str                                              // the clauses joined by "; "
//!   },
//!   "fields": [{"field": "headline"|"byline"|"dateline"|"published"|"source"|"notice"|"correction"|
//!               "editors_note"|"credit", "op": "unchanged"|"added"|"removed"|"changed",
//!               "old": str|null, "new": str|null, "similarity": float, "classes": [class],
//!               "words": [word]}],
//!   "paragraphs": [{"op": "unchanged"|"modified"|"added"|"removed"|"moved"|"split"|"merged",
//!                   "old": [index], "new": [index],            // 0-based paragraph indices
//!                   "old_text": str|null, "new_text": str|null, // split/merged parts joined by "\n\n"
//!                   "similarity": float,                       // 0..1, three decimals
//!                   "classes": [class],                        // "typography"|"punctuation"|"number"|"name"|"substantive"
//!                   "words": [{"op": "equal"|"insert"|"delete", "text": str}],
//!                   "direction": "up"|"down",                  // only for entries out of order
//!                   "rewritten": true}],                       // only when shown whole (similarity < 0.5)
//!   "numbers": [{"old": str|null, "new": str|null, "context": str,
//!                "paragraph": index, "field": field}],         // paragraph or field, whichever applies
//!   "quotes": [{"op": "unchanged"|"added"|"removed"|"reworded"|"truncated"|"extended"|"reattributed"|
//!               "moved"|"to_paraphrase",
//!               "old": {"text", "speaker", "paragraph"}|null, "new": {…}|null,
//!               "similarity": float, "words": [word]}],        // every speech quote of both versions once
//!   "capped": bool,                                            // a work cap or the time budget was hit
//!   "notes": [str]                                             // what was capped
//! }
//! ```
//!
//! Every paragraph of both versions appears in `paragraphs` exactly once, in reading order of the new
//! version, removed paragraphs where they were. `words` is empty for unchanged, added and removed entries.
//! Fields are only ever added to this object; a removal or a change of meaning raises `schema_version`.

use serde::Serialize;

use super::Sides;
use crate::diff::ArticleDiff;

/// The version of the JSON contract described in this module.
pub const SCHEMA_VERSION: u32 = 1;

/// One side as written in the JSON: `{"ref", "sha256"}`.
#[derive(Debug, Serialize)]
pub struct JsonSide<'a> {
    /// The version's label (a path or a stored ref).
    #[serde(rename = "ref")]
    pub reference: &'a str,
    /// Its SHA-256.
    pub sha256: &'a str,
}

/// The whole JSON object, for callers that embed it in a larger one (e.g. `storydiff check` adds `save`
/// and `gate`): serialise this, or flatten [`ArticleDiff`] into your own struct.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The old version.
    pub old: JsonSide<'a>,
    /// The new version.
    pub new: JsonSide<'a>,
    /// The diff, its fields at the top level.
    #[serde(flatten)]
    pub diff: &'a ArticleDiff,
}

impl<'a> JsonReport<'a> {
    /// Wrap a diff and its sides.
    pub fn new(diff: &'a ArticleDiff, sides: &'a Sides) -> JsonReport<'a> {
        JsonReport {
            schema_version: SCHEMA_VERSION,
            old: JsonSide {
                reference: &sides.old.label,
                sha256: &sides.old.sha256,
            },
            new: JsonSide {
                reference: &sides.new.label,
                sha256: &sides.new.sha256,
            },
            diff,
        }
    }
}

/// Render the diff as the JSON object described in the module documentation (pretty-printed, with a
/// trailing newline).
pub fn render(diff: &ArticleDiff, sides: &Sides) -> String {
    // Serialising plain structs of strings, numbers and vectors cannot fail; an empty object is a safe
    // fallback that keeps the function total.
    let mut s = serde_json::to_string_pretty(&JsonReport::new(diff, sides))
        .unwrap_or_else(|_| String::from("{}"));
    s.push('\n');
    s
}
