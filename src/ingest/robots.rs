//! robots.txt (RFC 9309): which paths of a site storydiff may fetch, and the `Crawl-delay` a site asks for.
//!
//! A small parser written to the RFC rather than a crate: the rules are short, and the crates we looked at
//! bring a parser-combinator stack for it. What it does:
//! - groups start with one or more `User-agent` lines; a group applies when its product token matches ours
//!   ([`ROBOTS_TOKEN`], case-insensitively), else the `*` group applies, else everything is allowed; several
//!   groups for the same agent are merged;
//! - `Allow` and `Disallow` rules match path prefixes, with `*` for any run of characters and a final `$` for
//!   the end of the path; the longest matching rule wins, and `Allow` wins a tie; an empty `Disallow` allows;
//! - `/robots.txt` itself is always allowed; unknown lines and comments are ignored; the file is read only
//!   up to [`MAX_ROBOTS_BYTES`], as the RFC allows (500 KiB).

use std::time::Duration;

/// The product token storydiff looks for in `User-agent` lines (the part of [`super::http::USER_AGENT`] before
/// the `/`).
pub const ROBOTS_TOKEN: &str = "storydiff";

/// Only this much of a robots.txt is parsed (RFC 9309 §2.5: at least 500 kibibytes).
pub const MAX_ROBOTS_BYTES: usize = 500 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    pattern: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Group {
    agents: Vec<String>,
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

/// The rules of one robots.txt for one user agent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

impl Robots {
    /// Rules that allow everything (no robots.txt, or a 4xx answer for it, RFC 9309 §2.3.1.3).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Rules that allow nothing (robots.txt unreachable with a 5xx answer, RFC 9309 §2.3.1.4).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![Rule {
                allow: false,
                pattern: "/".to_string(),
            }],
            crawl_delay: None,
        }
    }

    /// Parse `text` and keep the rules that apply to `token` (e.g. [`ROBOTS_TOKEN`]).
    ///
    /// ```
    /// use storydiff::ingest::robots::Robots;
    /// let r = Robots::parse("User-agent: *\nDisallow: /private\nAllow: /private/ok\n", "storydiff");
    /// assert!(r.is_allowed("/news/1"));
    /// assert!(!r.is_allowed("/private/x"));
    /// assert!(r.is_allowed("/private/ok.html"));
    /// ```
    pub fn parse(text: &str, token: &str) -> Robots {
        let mut cut = text.len().min(MAX_ROBOTS_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = text.get(..cut).unwrap_or_default();
        let groups = parse_groups(text);
        let token = token.to_ascii_lowercase();
        let mine: Vec<&Group> = groups
            .iter()
            .filter(|g| g.agents.contains(&token))
            .collect();
        let chosen = if mine.is_empty() {
            groups
                .iter()
                .filter(|g| g.agents.iter().any(|a| a == "*"))
                .collect()
        } else {
            mine
        };
        Robots {
            rules: chosen
                .iter()
                .flat_map(|g| g.rules.iter().cloned())
                .collect(),
            crawl_delay: chosen.iter().find_map(|g| g.crawl_delay),
        }
    }

    /// Whether `path` (path and query of a URL, e.g. `/news/1?page=2`) may be fetched.
    pub fn is_allowed(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let path = if path.is_empty() { "/" } else { path };
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if matches(&rule.pattern, path) {
                let len = rule.pattern.len();
                best = match best {
                    Some((l, allow)) if l > len || (l == len && allow) => Some((l, allow)),
                    _ => Some((len, rule.allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// The `Crawl-delay` the site asks of us, if any (not in RFC 9309, but widely used).
    pub fn crawl_delay(&self) -> Option<Duration> {
        self.crawl_delay
    }
}

fn parse_groups(text: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut current: Option<Group> = None;
    let mut last_was_agent = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        match key.as_str() {
            "user-agent" => {
                if !last_was_agent {
                    if let Some(g) = current.take() {
                        groups.push(g);
                    }
                    current = Some(Group::default());
                }
                // The product token is the name before any "/version".
                let agent = value.split('/').next().unwrap_or_default().trim();
                if let Some(g) = current.as_mut() {
                    g.agents.push(agent.to_ascii_lowercase());
                }
                last_was_agent = true;
            }
            "allow" | "disallow" => {
                last_was_agent = false;
                let Some(g) = current.as_mut() else { continue };
                if value.is_empty() {
                    // "Disallow:" with no path allows everything; "Allow:" with none says nothing.
                    continue;
                }
                g.rules.push(Rule {
                    allow: key == "allow",
                    pattern: normalize_pattern(value),
                });
            }
            "crawl-delay" => {
                last_was_agent = false;
                if let Some(g) = current.as_mut() {
                    g.crawl_delay = value
                        .parse::<f64>()
                        .ok()
                        .and_then(|d| Duration::try_from_secs_f64(d).ok());
                }
            }
            _ => {
                // Sitemap and unknown keys do not end a group's agent list in RFC 9309, but they are not
                // agent lines either.
                last_was_agent = false;
            }
        }
    }
    if let Some(g) = current {
        groups.push(g);
    }
    groups
}

/// Rules are compared with paths as sent: make sure a pattern starts with `/` or `*`.
fn normalize_pattern(value: &str) -> String {
    if value.starts_with('/') || value.starts_with('*') {
        value.to_string()
    } else {
        format!("/{value}")
    }
}

/// Whether `pattern` (with `*` wildcards and an optional final `$`) matches the start of `path`.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pieces: Vec<&str> = pattern.split('*').collect();
    let Some((first, rest)) = pieces.split_first() else {
        return true;
    };
    let Some(mut remaining) = path.strip_prefix(first) else {
        return false;
    };
    let last_index = rest.len();
    for (i, piece) in rest.iter().enumerate() {
        if i + 1 == last_index && anchored {
            return remaining.ends_with(piece);
        }
        match remaining.find(piece) {
            Some(at) => remaining = remaining.get(at + piece.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    !anchored || remaining.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SITE: &str = "# example\nUser-agent: Googlebot\nDisallow: /\n\nUser-agent: StoryDiff/0.1\nUser-agent: other\nDisallow: /archive/\nAllow: /archive/public\nDisallow: /*.pdf$\nCrawl-delay: 3\n\nUser-agent: *\nDisallow: /\n";

    #[test]
    fn our_group_is_chosen_over_the_star_group() {
        let r = Robots::parse(SITE, ROBOTS_TOKEN);
        assert!(r.is_allowed("/news/story.html"));
        assert!(!r.is_allowed("/archive/2019"));
        assert!(r.is_allowed("/archive/public/1"));
        assert!(!r.is_allowed("/files/report.pdf"));
        assert!(r.is_allowed("/files/report.pdf?x=1"));
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(3)));
    }

    #[test]
    fn star_group_applies_to_unknown_agents() {
        let r = Robots::parse(SITE, "someoneelse");
        assert!(!r.is_allowed("/news/story.html"));
        assert!(r.is_allowed("/robots.txt"));
    }

    #[test]
    fn longest_match_wins_and_allow_wins_ties() {
        let r = Robots::parse(
            "User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /ab/c\n",
            "x",
        );
        assert!(r.is_allowed("/a/1"));
        assert!(!r.is_allowed("/ab/c/d"));
        let empty = Robots::parse("User-agent: *\nDisallow:\n", "x");
        assert!(empty.is_allowed("/anything"));
    }

    #[test]
    fn wildcards_in_the_middle() {
        assert!(matches("/*/print", "/news/print"));
        assert!(matches("/news*story", "/news/big-story/1"));
        assert!(!matches("/news*story$", "/news/big-story/1"));
        assert!(matches("/$", "/"));
        assert!(!matches("/$", "/a"));
    }

    proptest! {
        #[test]
        fn parsing_and_matching_never_panic(text in "\\PC{0,200}", path in "/\\PC{0,30}") {
            let r = Robots::parse(&text, ROBOTS_TOKEN);
            let _ = r.is_allowed(&path);
        }
    }
}
