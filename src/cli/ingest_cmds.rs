//! `extract`, `reextract` and `watch`: the commands about web pages.

use std::fmt::Write as _;
use std::time::Duration;

use anyhow::Context;
use serde_json::json;
use storydiff::exit_code;
use storydiff::ingest::http::HttpClient;
use storydiff::ingest::polite::{PoliteFetcher, Politeness};
use storydiff::ingest::url::story_id_for_url;
use storydiff::ingest::{feed_links, ingest_bytes, load_url_politely};
use storydiff::store::{ImportItem, SaveOptions};
use storydiff::story_id::StoryId;

use super::args::{ExtractArgs, Format, Global, ReextractArgs, WatchArgs};
use super::output::{emit, emit_json};
use super::sides::{load_article, snapshot_with};
use super::store_cmds::save_line;
use super::{open_store, open_store_for_writing, open_store_if_exists};

pub fn extract(a: &ExtractArgs) -> anyhow::Result<u8> {
    let loaded = load_article(&a.source)?;
    let article = &loaded.ingested.article;
    match (a.format, &loaded.ingested.page) {
        (Format::Json, Some(page)) => emit(&page.to_json_string())?,
        (Format::Json, None) => emit_json(&json!({
            "schema_version": 1,
            "url": null,
            "canonical_url": null,
            "headline": article.headline,
            "byline": article.byline,
            "published": article.published,
            "modified": null,
            "paragraphs": article.paragraphs,
            "extractor": {"name": "text", "version": env!("CARGO_PKG_VERSION")},
        }))?,
        (Format::Text, _) => emit(&article.to_text())?,
    }
    Ok(exit_code::OK)
}

pub fn reextract(global: &Global, a: &ReextractArgs) -> anyhow::Result<u8> {
    let store = open_store(global)?;
    let story = StoryId::new(&a.story)?;
    let history = store.history(&story)?;
    let mut items = Vec::with_capacity(history.records.len());
    let mut reextracted = 0;
    for r in &history.records {
        let captured_at = chrono::DateTime::parse_from_rfc3339(&r.captured_at)
            .map(|t| t.with_timezone(&chrono::Utc))
            .ok();
        let base = SaveOptions {
            captured_at,
            source: r.source.clone(),
            url: r.url.clone(),
            canonical_url: r.canonical_url.clone(),
            modified: r.modified.clone(),
            raw: None,
            extractor: r.extractor.clone(),
            etag: r.etag.clone(),
            last_modified: r.last_modified.clone(),
        };
        let item = match &r.raw_sha256 {
            Some(raw_sha) => {
                let raw = store.raw_object(raw_sha)?;
                let ingested = ingest_bytes(raw.clone(), r.url.as_deref()).with_context(|| {
                    format!("{story} observation {}: raw page {raw_sha}", r.seq)
                })?;
                reextracted += 1;
                let extractor = ingested.page.as_ref().map(|p| p.extractor.to_string());
                ImportItem {
                    article: ingested.article,
                    options: SaveOptions {
                        raw: Some(raw),
                        extractor,
                        ..base
                    },
                }
            }
            None => ImportItem {
                article: store.article(&r.sha256)?,
                options: base,
            },
        };
        items.push(item);
    }
    if reextracted == 0 {
        anyhow::bail!(
            "{story} has no stored raw page (it was saved from text): nothing to re-extract"
        );
    }
    let attic = store.rewrite_history(&story, &items)?;
    let after = store.history(&story)?;
    let summary = json!({
        "story": story.as_str(),
        "observations": items.len(),
        "reextracted": reextracted,
        "versions_before": history.versions.len(),
        "versions_after": after.versions.len(),
        "previous_history": format!("attic/{attic}"),
    });
    match a.format {
        Format::Json => emit_json(&summary)?,
        Format::Text => emit(&format!(
            "{story}: re-extracted {reextracted} of {} observations: {} versions before, {} after (old history kept in attic/{attic})\n",
            items.len(),
            history.versions.len(),
            after.versions.len()
        ))?,
    }
    Ok(exit_code::OK)
}

/// Parse a duration such as `90s`, `15m`, `1h` (a bare number is seconds).
pub fn parse_duration(text: &str) -> anyhow::Result<Duration> {
    let text = text.trim();
    let (number, unit) = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map_or((text, "s"), |i| text.split_at(i));
    let value: f64 = number
        .parse()
        .with_context(|| format!("{text:?} is not a duration (e.g. 30s, 15m, 1h)"))?;
    let seconds = match unit {
        "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => anyhow::bail!("{text:?}: unknown unit {unit:?} (use s, m or h)"),
    };
    if !(seconds.is_finite() && seconds > 0.0) {
        anyhow::bail!("{text:?}: a duration must be positive");
    }
    Ok(Duration::from_secs_f64(seconds))
}

pub fn watch(global: &Global, a: &WatchArgs) -> anyhow::Result<u8> {
    let interval = a.interval.as_deref().map(parse_duration).transpose()?;
    if !(a.delay.is_finite() && a.delay >= 0.0) {
        anyhow::bail!("--delay must be a number of seconds, 0 or more");
    }
    let mut fetcher = PoliteFetcher::new(
        HttpClient::default(),
        Politeness {
            delay: Duration::from_secs_f64(a.delay),
            ..Politeness::default()
        },
    );
    loop {
        let code = watch_once(global, a, &mut fetcher)?;
        match interval {
            Some(pause) if !a.once => std::thread::sleep(pause),
            _ => return Ok(code),
        }
    }
}

fn watch_once(global: &Global, a: &WatchArgs, fetcher: &mut PoliteFetcher) -> anyhow::Result<u8> {
    let links = feed_links(fetcher, &a.feed)?;
    let mut out = String::new();
    let mut results = Vec::new();
    let mut failed = 0;
    for link in &links {
        let result = (|| -> anyhow::Result<storydiff::store::SaveOutcome> {
            let story = story_id_for_url(link)?;
            let existing = open_store_if_exists(global)?;
            let snap = snapshot_with(existing.as_ref(), story, link, None, None, &mut |s, v| {
                load_url_politely(fetcher, s, v)
            })?;
            let store = match existing {
                Some(store) => store,
                None => open_store_for_writing(global)?,
            };
            Ok(store.save(&snap.story, &snap.article, &snap.options)?)
        })();
        match result {
            Ok(outcome) => {
                out.push_str(&save_line(&outcome));
                results.push(json!({"url": link, "save": outcome}));
            }
            Err(e) => {
                failed += 1;
                eprintln!("storydiff: {e:#}");
                results.push(json!({"url": link, "error": format!("{e:#}")}));
            }
        }
    }
    match a.format {
        Format::Json => emit_json(&json!({
            "feed": a.feed,
            "items": links.len(),
            "failed": failed,
            "results": results,
        }))?,
        Format::Text => {
            writeln!(out, "{}: {} items, {failed} failed", a.feed, links.len())?;
            emit(&out)?;
        }
    }
    Ok(if failed == 0 {
        exit_code::OK
    } else {
        exit_code::TROUBLE
    })
}

#[cfg(test)]
mod tests {
    use super::parse_duration;
    use std::time::Duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("1.5h").unwrap(), Duration::from_secs(5400));
        for bad in ["", "x", "0s", "5d", "-1m"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
