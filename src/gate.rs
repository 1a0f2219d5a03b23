//! The `check --fail-on` gate: which kinds of change fail a CI build.
//!
//! | kind | fails when |
//! |---|---|
//! | `any` | the diff is an edit that counts ([`ArticleDiff::changed`]: anything beyond typography, or anything at all with `--strict`) |
//! | `substantive` (default) | a change of class number, name or substantive ([`ArticleDiff::substantive`]): typography-only and punctuation-only changes never fail |
//! | `quotes` | a quotation was added, removed, reworded, truncated, extended, re-attributed, moved or paraphrased |
//! | `headline` | the headline changed beyond typography |
//! | `numbers` | a figure changed |
//! | `silent` | substance changed without an update notice, correction or editor's note ([`ArticleDiff::silent_edit`]) |

use std::fmt;

use crate::diff::{ArticleDiff, ChangeClass, FieldKind, FieldOp};

/// One kind of change the gate can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GateKind {
    /// Any edit that counts.
    Any,
    /// A substantive change.
    Substantive,
    /// A quotation changed.
    Quotes,
    /// The headline changed.
    Headline,
    /// A figure changed.
    Numbers,
    /// A silent edit.
    Silent,
}

impl GateKind {
    /// Every kind, in documentation order.
    pub const ALL: [GateKind; 6] = [
        GateKind::Any,
        GateKind::Substantive,
        GateKind::Quotes,
        GateKind::Headline,
        GateKind::Numbers,
        GateKind::Silent,
    ];

    /// The kind's name on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            GateKind::Any => "any",
            GateKind::Substantive => "substantive",
            GateKind::Quotes => "quotes",
            GateKind::Headline => "headline",
            GateKind::Numbers => "numbers",
            GateKind::Silent => "silent",
        }
    }

    /// Whether `diff` has this kind of change.
    pub fn is_in(self, diff: &ArticleDiff) -> bool {
        match self {
            GateKind::Any => diff.changed,
            GateKind::Substantive => diff.substantive,
            GateKind::Quotes => diff
                .quotes
                .iter()
                .any(|q| q.op != crate::quotes::QuoteChangeOp::Unchanged),
            GateKind::Headline => diff.fields.iter().any(|f| {
                f.field == FieldKind::Headline
                    && f.op != FieldOp::Unchanged
                    && f.classes.iter().any(|c| *c != ChangeClass::Typography)
            }),
            GateKind::Numbers => !diff.numbers.is_empty(),
            GateKind::Silent => diff.silent_edit,
        }
    }
}

/// The kinds that fail a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate(Vec<GateKind>);

/// A `--fail-on` value that names no known kind.
#[derive(Debug, thiserror::Error)]
#[error(
    "unknown --fail-on kind {0:?} (expected any, substantive, quotes, headline, numbers or silent)"
)]
pub struct UnknownKind(pub String);

impl Default for Gate {
    /// `substantive`.
    fn default() -> Self {
        Gate(vec![GateKind::Substantive])
    }
}

impl Gate {
    /// Parse kind names (each may itself be comma-separated).
    ///
    /// ```
    /// use storydiff::gate::{Gate, GateKind};
    /// let gate = Gate::parse(&["quotes,headline".to_string()]).unwrap();
    /// assert_eq!(gate.kinds(), &[GateKind::Quotes, GateKind::Headline]);
    /// assert!(Gate::parse(&["typos".to_string()]).is_err());
    /// ```
    pub fn parse(names: &[String]) -> Result<Gate, UnknownKind> {
        let mut kinds = Vec::new();
        for name in names.iter().flat_map(|n| n.split(',')) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let kind = GateKind::ALL
                .into_iter()
                .find(|k| k.as_str() == name)
                .ok_or_else(|| UnknownKind(name.to_string()))?;
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        if kinds.is_empty() {
            return Err(UnknownKind(String::new()));
        }
        Ok(Gate(kinds))
    }

    /// The selected kinds.
    pub fn kinds(&self) -> &[GateKind] {
        &self.0
    }

    /// The selected kinds that `diff` has (empty: the check passes).
    pub fn triggered_by(&self, diff: &ArticleDiff) -> Vec<GateKind> {
        self.0.iter().copied().filter(|k| k.is_in(diff)).collect()
    }
}

impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.0.iter().map(|k| k.as_str()).collect();
        f.write_str(&names.join(","))
    }
}
