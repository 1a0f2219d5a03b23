//! A story's history: one JSON line per observation (every save, changed or not), chained by hashes.
//!
//! # Line format (`histories/<story>.jsonl`)
//! Each line is a compact JSON object with fields in this fixed order (optional ones left out when empty):
//!
//! | field | meaning |
//! |---|---|
//! | `seq` | observation number, 1, 2, 3… (the line number) |
//! | `version` | the version this observation saw; a new or reverted text gets the next number |
//! | `status` | `new`, `unchanged` (same as the latest version) or `reverted` (same as an older one) |
//! | `sha256` | the canonical article object ([`crate::article::Article::canonical_bytes`]) |
//! | `captured_at` | RFC 3339 UTC time of the capture (`--at`, or the time of the save) |
//! | `headline` | the version's headline, for `log` without reading objects |
//! | `reverts_to` | with `reverted`: the older version whose text came back |
//! | `source` | the file or URL the text came from |
//! | `url`, `canonical_url`, `modified` | what a web page said about itself |
//! | `raw_sha256` | the raw page object (HTML) the article was extracted from |
//! | `extractor` | `name@version` of the extractor that produced the article |
//! | `etag`, `last_modified` | the page's cache validators, sent back on the next fetch (a 304 is `unchanged`) |
//! | `prev` | SHA-256 of the previous line (without its newline); absent on the first line |
//!
//! The `prev` chain makes a torn, edited or badly merged history detectable: when two CI runners append to the
//! same history and git merges the files by union, two lines claim the same `seq` and one of them no longer
//! chains, which [`parse`] reports as damage and [`rebuild`] repairs by renumbering in capture order.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::article::sha256_hex;

/// What a save found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SaveStatus {
    /// A text never seen before in this story: a new version.
    New,
    /// The same text as the latest version: nothing new stored, the observation recorded.
    Unchanged,
    /// The same text as an older (not the latest) version: recorded as a new version that reverts to it.
    Reverted,
}

impl SaveStatus {
    /// The status as written in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            SaveStatus::New => "new",
            SaveStatus::Unchanged => "unchanged",
            SaveStatus::Reverted => "reverted",
        }
    }
}

/// One line of a history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Observation number (1-based line number).
    pub seq: u64,
    /// Version observed.
    pub version: u64,
    /// What the save found.
    pub status: SaveStatus,
    /// Canonical article object.
    pub sha256: String,
    /// When it was captured (RFC 3339, UTC).
    pub captured_at: String,
    /// Headline of the version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// With `reverted`: the version whose text came back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverts_to: Option<u64>,
    /// Where the text came from (file path or URL as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// URL of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Canonical URL the page declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The page's own modification time, as it stated it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// Raw page object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_sha256: Option<String>,
    /// Extractor `name@version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<String>,
    /// The page's `ETag` when captured (sent back on the next fetch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The page's `Last-Modified` when captured (sent back on the next fetch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Hash of the previous line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
}

impl Record {
    /// The record as one history line, without the newline.
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("a Record always serialises")
    }
}

/// Damage found in a history: the 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// 1-based line number (0 for the file as a whole).
    pub line: usize,
    /// What is wrong.
    pub why: String,
}

/// Whether `s` is 64 lower-case hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Parse and check a whole history. Every rule of the format is checked: complete lines, valid JSON,
/// `seq` counting from 1, the `prev` chain, version numbering and statuses consistent with the hashes.
pub fn parse(bytes: &[u8]) -> Result<Vec<Record>, Damage> {
    let text = std::str::from_utf8(bytes).map_err(|e| Damage {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        why: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
    })?;
    if text.is_empty() {
        return Err(Damage {
            line: 0,
            why: "empty history".into(),
        });
    }
    let mut records: Vec<Record> = Vec::new();
    let mut checker = Checker::default();
    let mut prev_line: Option<&str> = None;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let n = i + 1;
        let damage = |why: String| Damage { line: n, why };
        let Some(line) = raw.strip_suffix('\n') else {
            return Err(damage(
                "incomplete last line (a write was interrupted?)".into(),
            ));
        };
        let record: Record =
            serde_json::from_str(line).map_err(|e| damage(format!("not a history record: {e}")))?;
        if record.seq != n as u64 {
            let why = if records.iter().any(|r| r.seq == record.seq) {
                format!(
                    "seq {} appears twice: two histories were merged (run `storydiff verify --repair`)",
                    record.seq
                )
            } else {
                format!("seq is {}, expected {n}", record.seq)
            };
            return Err(damage(why));
        }
        let expected_prev = prev_line.map(|p| sha256_hex(p.as_bytes()));
        if record.prev != expected_prev {
            return Err(damage(
                "does not chain to the line before (`prev` mismatch: edited, reordered or merged)"
                    .into(),
            ));
        }
        checker.check(&record).map_err(damage)?;
        prev_line = Some(line);
        records.push(record);
    }
    Ok(records)
}

/// Checks version numbering and statuses record by record.
#[derive(Default)]
struct Checker {
    /// sha256 of each version, index = version - 1.
    versions: Vec<String>,
}

impl Checker {
    fn check(&mut self, r: &Record) -> Result<(), String> {
        if !is_sha256_hex(&r.sha256) {
            return Err(format!("sha256 {:?} is not 64 hex digits", r.sha256));
        }
        if chrono::DateTime::parse_from_rfc3339(&r.captured_at).is_err() {
            return Err(format!("captured_at {:?} is not RFC 3339", r.captured_at));
        }
        let latest = self.versions.len() as u64;
        match r.status {
            SaveStatus::Unchanged => {
                if latest == 0 {
                    return Err("first record is `unchanged`".into());
                }
                if r.version != latest || self.versions.last() != Some(&r.sha256) {
                    return Err(format!(
                        "`unchanged` record does not repeat the latest version {latest}"
                    ));
                }
            }
            SaveStatus::New | SaveStatus::Reverted => {
                if r.version != latest + 1 {
                    return Err(format!(
                        "version {} follows version {latest}: expected {}",
                        r.version,
                        latest + 1
                    ));
                }
                let earlier = self.versions.iter().position(|s| *s == r.sha256);
                match (r.status, earlier, r.reverts_to) {
                    (SaveStatus::New, None, None) => {}
                    (SaveStatus::New, Some(i), _) => {
                        return Err(format!(
                            "`new` version repeats the text of version {}",
                            i + 1
                        ));
                    }
                    (SaveStatus::Reverted, Some(i), Some(k)) if k == i as u64 + 1 => {
                        if i as u64 + 1 == latest {
                            return Err("`reverted` to the latest version".into());
                        }
                    }
                    _ => {
                        return Err(format!(
                            "status {} with reverts_to {:?} does not match the hashes",
                            r.status.as_str(),
                            r.reverts_to
                        ));
                    }
                }
                self.versions.push(r.sha256.clone());
            }
        }
        Ok(())
    }
}

/// The end of a history: what the next line's `seq`, `version`, `status`, `reverts_to` and `prev` depend on.
/// The one place those rules live; `save`, `import` and [`rebuild`] all append through it.
#[derive(Debug, Clone, Default)]
pub struct Tip {
    seq: u64,
    version_of: HashMap<String, u64>,
    latest: Option<(u64, String)>,
    prev: Option<String>,
}

impl Tip {
    /// The tip after `records`, whose last line hashes to `last_line_hash`.
    pub fn after(records: &[Record], last_line_hash: Option<String>) -> Tip {
        let mut tip = Tip {
            seq: records.len() as u64,
            prev: last_line_hash,
            ..Tip::default()
        };
        for r in records {
            tip.version_of.entry(r.sha256.clone()).or_insert(r.version);
            tip.latest = Some((r.version, r.sha256.clone()));
        }
        tip
    }

    /// The latest version number, if any.
    pub fn latest_version(&self) -> Option<u64> {
        self.latest.as_ref().map(|(v, _)| *v)
    }

    /// Number the observation `record` (its `sha256` set) as the next line: fill `seq`, `version`, `status`,
    /// `reverts_to` and `prev`, advance, and return the line (without its newline).
    pub fn append(&mut self, record: &mut Record) -> String {
        self.seq += 1;
        record.seq = self.seq;
        match &self.latest {
            Some((v, sha)) if *sha == record.sha256 => {
                record.version = *v;
                record.status = SaveStatus::Unchanged;
                record.reverts_to = None;
            }
            _ => {
                let next = self.latest_version().map_or(1, |v| v + 1);
                record.version = next;
                match self.version_of.get(&record.sha256) {
                    Some(&old) => {
                        record.status = SaveStatus::Reverted;
                        record.reverts_to = Some(old);
                    }
                    None => {
                        record.status = SaveStatus::New;
                        record.reverts_to = None;
                    }
                }
                self.version_of.entry(record.sha256.clone()).or_insert(next);
                self.latest = Some((next, record.sha256.clone()));
            }
        }
        record.prev = self.prev.take();
        let line = record.to_line();
        self.prev = Some(sha256_hex(line.as_bytes()));
        line
    }
}

/// Rebuild a consistent history from the lines that parse (e.g. after a union merge of two CI runners'
/// appends): observations are put in capture order (ties keep file order, identical lines are kept once), then
/// `seq`, `version`, `status`, `reverts_to` and `prev` are derived again from the article hashes. Returns the
/// new file and the number of lines that could not be read and were dropped.
pub fn rebuild(bytes: &[u8]) -> (String, Vec<Record>, usize) {
    let text = String::from_utf8_lossy(bytes);
    let mut dropped = 0;
    let mut seen_lines = std::collections::HashSet::new();
    let mut observations: Vec<(chrono::DateTime<chrono::Utc>, usize, Record)> = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let Some(line) = line.strip_suffix('\n') else {
            dropped += 1;
            continue;
        };
        let parsed = serde_json::from_str::<Record>(line).ok().and_then(|r| {
            let at = chrono::DateTime::parse_from_rfc3339(&r.captured_at).ok()?;
            is_sha256_hex(&r.sha256).then_some((at.with_timezone(&chrono::Utc), r))
        });
        match parsed {
            Some((at, r)) if seen_lines.insert(line.to_string()) => observations.push((at, i, r)),
            Some(_) => {}
            None => dropped += 1,
        }
    }
    observations.sort_by_key(|(at, line, _)| (*at, *line));
    let mut tip = Tip::default();
    let mut out = String::new();
    let mut records = Vec::new();
    for (_, _, mut r) in observations {
        out.push_str(&tip.append(&mut r));
        out.push('\n');
        records.push(r);
    }
    (out, records, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(seq: u64, version: u64, status: SaveStatus, sha: char, prev: Option<&str>) -> Record {
        Record {
            seq,
            version,
            status,
            sha256: sha.to_string().repeat(64),
            captured_at: format!("2026-01-01T00:00:0{seq}Z"),
            headline: None,
            reverts_to: None,
            source: None,
            url: None,
            canonical_url: None,
            modified: None,
            raw_sha256: None,
            extractor: None,
            etag: None,
            last_modified: None,
            prev: prev.map(|p| sha256_hex(p.as_bytes())),
        }
    }

    fn chain(records: &mut [Record]) -> String {
        let mut out = String::new();
        let mut prev: Option<String> = None;
        for r in records.iter_mut() {
            r.prev = prev.clone();
            let line = r.to_line();
            prev = Some(sha256_hex(line.as_bytes()));
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    #[test]
    fn a_good_history_parses() {
        let mut rs = vec![
            rec(1, 1, SaveStatus::New, 'a', None),
            rec(2, 1, SaveStatus::Unchanged, 'a', None),
            rec(3, 2, SaveStatus::New, 'b', None),
            rec(4, 3, SaveStatus::Reverted, 'a', None),
        ];
        rs[3].reverts_to = Some(1);
        let text = chain(&mut rs);
        assert_eq!(parse(text.as_bytes()).unwrap(), rs);
    }

    #[test]
    fn a_torn_last_line_is_damage() {
        let mut rs = vec![rec(1, 1, SaveStatus::New, 'a', None)];
        let text = chain(&mut rs);
        let torn = &text[..text.len() - 5];
        assert_eq!(parse(torn.as_bytes()).unwrap_err().line, 1);
    }

    #[test]
    fn a_union_merge_is_caught_and_rebuilt() {
        let mut base = vec![
            rec(1, 1, SaveStatus::New, 'a', None),
            rec(2, 2, SaveStatus::New, 'b', None),
        ];
        let text = chain(&mut base);
        let mut ours = base.clone();
        ours.push(rec(3, 3, SaveStatus::New, 'c', None));
        let ours_text = chain(&mut ours);
        let mut theirs = base.clone();
        theirs.push(rec(3, 3, SaveStatus::New, 'd', None));
        theirs[2].captured_at = "2026-01-01T00:00:09Z".into();
        let theirs_text = chain(&mut theirs);
        let merged = format!(
            "{text}{}{}",
            &ours_text[text.len()..],
            &theirs_text[text.len()..]
        );
        let damage = parse(merged.as_bytes()).unwrap_err();
        assert_eq!(damage.line, 4);
        assert!(damage.why.contains("merged"), "{}", damage.why);
        let (fixed, records, dropped) = rebuild(merged.as_bytes());
        assert_eq!(dropped, 0);
        assert_eq!(parse(fixed.as_bytes()).unwrap(), records);
        assert_eq!(
            records.iter().map(|r| r.version).collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
    }

    #[test]
    fn wrong_status_is_damage() {
        let mut rs = vec![
            rec(1, 1, SaveStatus::New, 'a', None),
            rec(2, 2, SaveStatus::New, 'a', None),
        ];
        let text = chain(&mut rs);
        assert!(parse(text.as_bytes()).unwrap_err().why.contains("repeats"));
    }
}
