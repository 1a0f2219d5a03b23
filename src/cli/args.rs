//! Command-line arguments (clap derive). The doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::output::ColorWhen;

/// Keep the edit history of news stories: save snapshots, diff versions paragraph by paragraph and quote by
/// quote, and alert in CI when a story was edited.
///
/// Exit codes: 0 no change / success, 1 changes found (or damage, for verify), 2 trouble.
#[derive(Debug, Parser)]
#[command(name = "storydiff", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, before or after the subcommand.
#[derive(Debug, Args)]
pub struct Global {
    /// The snapshot store (default: $STORYDIFF_STORE, else ./snapshots).
    #[arg(long, global = true, env = "STORYDIFF_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Colour text output: auto (terminal and no NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

/// Output format of the store commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Human-readable text.
    #[default]
    Text,
    /// One JSON object.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Save a snapshot of a story (a text file, or `-` for stdin).
    Save(SaveArgs),
    /// List a story's versions, oldest first.
    Log(LogArgs),
    /// Print one version: ID (latest), ID@N or ID@latest~K.
    Show(ShowArgs),
    /// List the stories in the store.
    List(ListArgs),
    /// Re-hash every object and check every history (exit 1 on damage).
    Verify(VerifyArgs),
    /// Compare two versions: files, URLs or stored refs (ID, ID@N, ID@latest~K); `diff ID` compares the
    /// latest version with the one before. Exit 0 no change, 1 changed, 2 trouble.
    Diff(DiffArgs),
    /// Snapshot a story, compare it with its latest version, save it, and alert (for CI).
    Check(CheckArgs),
    /// List every direct quotation with its speaker (a file, URL or stored ref).
    Quotes(QuotesArgs),
    /// Print the article storydiff extracts from a file or URL, without saving it.
    Extract(ExtractArgs),
    /// Rebuild a story's history by extracting its stored raw pages again (after an extractor upgrade).
    Reextract(ReextractArgs),
    /// Read an RSS or Atom feed and save every item's page.
    Watch(WatchArgs),
    /// Bulk-import histories: a folder DIR/<story-id>/<NN>.txt, or one file's history in a git repository.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Folder of stories: DIR/<story-id>/<NN>.txt|.html, with optional meta.json sidecars.
    #[arg(required_unless_present = "git", conflicts_with = "git")]
    pub dir: Option<PathBuf>,
    /// Import the history of one file in this git repository instead.
    #[arg(long, value_name = "REPO", requires = "path")]
    pub git: Option<PathBuf>,
    /// With --git: the file, relative to the repository root.
    #[arg(long, value_name = "FILE", requires = "git")]
    pub path: Option<String>,
    /// With --git: the story id (default: from the file name).
    #[arg(long, value_name = "ID", requires = "git")]
    pub story: Option<String>,
    /// Show a progress bar (on a terminal).
    #[arg(long)]
    pub progress: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Story id (default: derived from the file name).
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
    /// Headline (overrides a `# Heading` first line).
    #[arg(long, value_name = "TEXT")]
    pub headline: Option<String>,
    /// Capture time, RFC 3339 (default: now).
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The story: a file path, or `-` for standard input.
    pub source: String,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The story id.
    pub story: String,
    /// Print each version's diff against the one before (like `git log -p`).
    #[arg(long, short = 'p')]
    pub patch: bool,
    /// Output format (html and markdown with --patch only).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub diff: DiffFlags,
}

/// Output format of diff reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    /// Coloured terminal text.
    #[default]
    Text,
    /// One JSON object (schema_version 1).
    Json,
    /// GitHub-flavoured Markdown, for pull requests and CI job summaries.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// How diffs are made and shown.
#[derive(Debug, Clone, Args)]
pub struct DiffFlags {
    /// Unchanged paragraphs shown around each change.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub context: usize,
    /// Count typography-only changes (quotes, dashes, spacing) as edits.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a file, a URL or a stored ref (ID, ID@N, ID@latest~K).
    pub old: String,
    /// The new version (omit to compare ID's latest version with the one before).
    pub new: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub diff: DiffFlags,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Story id (default: from the URL or file name).
    #[arg(long, value_name = "ID", conflicts_with = "config")]
    pub story: Option<String>,
    /// What fails the check: any, substantive, quotes, headline, numbers, silent (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub fail_on: Option<Vec<String>>,
    /// Compare and report, but save nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Check every story of a watch list (TOML) instead of one SOURCE.
    #[arg(long, value_name = "FILE", required_unless_present = "source")]
    pub config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    #[command(flatten)]
    pub diff: DiffFlags,
    /// The story: a file, `-` or a URL.
    #[arg(conflicts_with = "config")]
    pub source: Option<String>,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckFormat {
    /// Text.
    #[default]
    Text,
    /// One JSON object (a list of them for --config).
    Json,
    /// Markdown.
    Markdown,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// A file, `-`, a URL, or a stored ref (ID, ID@N, ID@latest~K).
    pub source: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// An HTML or text file, `-`, or a URL.
    pub source: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// The story id.
    pub story: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The RSS or Atom feed.
    #[arg(long, value_name = "URL")]
    pub feed: String,
    /// Read the feed once and exit (for cron and CI).
    #[arg(long, conflicts_with = "interval")]
    pub once: bool,
    /// Read the feed again after this long (e.g. 30s, 15m, 1h), until interrupted.
    #[arg(long, value_name = "DURATION", required_unless_present = "once")]
    pub interval: Option<String>,
    /// Pause between two requests to one host, in seconds (robots.txt Crawl-delay can make it longer).
    #[arg(long, default_value_t = 1.0, value_name = "SECONDS")]
    pub delay: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// ID, ID@N or ID@latest~K.
    pub reference: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Rebuild damaged histories from their readable lines and delete leftovers; says what it did.
    #[arg(long)]
    pub repair: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
