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
