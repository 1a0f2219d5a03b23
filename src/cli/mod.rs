//! The CLI's commands: each turns parsed arguments into library calls and renders the result.

pub mod args;
mod check_cmd;
mod diff_cmd;
mod import_cmd;
mod ingest_cmds;
pub mod output;
mod patch;
mod sides;
mod store_cmds;

use std::path::PathBuf;

use anyhow::Context;
use storydiff::store::Store;

use args::{Cli, Command};

/// The store's folder: `--store`, else `$STORYDIFF_STORE` (clap reads both), else `./snapshots`.
fn store_dir(cli: &args::Global) -> PathBuf {
    cli.store
        .clone()
        .unwrap_or_else(|| PathBuf::from("snapshots"))
}

/// Open the store for reading (it must exist).
fn open_store(global: &args::Global) -> anyhow::Result<Store> {
    let dir = store_dir(global);
    Store::open_local(&dir).context("cannot open store")
}

/// Open the store if it exists (`None` when the folder is missing or has no store marker yet).
fn open_store_if_exists(global: &args::Global) -> anyhow::Result<Option<Store>> {
    match Store::open_local(store_dir(global)) {
        Ok(store) => Ok(Some(store)),
        // A folder being created by a concurrent save (or a foreign one, which the writer then refuses).
        Err(
            storydiff::store::StoreError::NotFound(_) | storydiff::store::StoreError::NotAStore(_),
        ) => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context("cannot open store")),
    }
}

/// Open the store for writing (created when missing).
fn open_store_for_writing(global: &args::Global) -> anyhow::Result<Store> {
    let dir = store_dir(global);
    Store::open_or_create_local(&dir).context("cannot open store")
}

/// Run one command; the result is the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match &cli.command {
        Command::Save(a) => store_cmds::save(&cli.global, a),
        Command::Log(a) => store_cmds::log(&cli.global, a),
        Command::Show(a) => store_cmds::show(&cli.global, a),
        Command::List(a) => store_cmds::list(&cli.global, a),
        Command::Verify(a) => store_cmds::verify(&cli.global, a),
        Command::Import(a) => import_cmd::import(&cli.global, a),
        Command::Diff(a) => diff_cmd::diff(&cli.global, a),
        Command::Check(a) => check_cmd::check(&cli.global, a),
        Command::Extract(a) => ingest_cmds::extract(a),
        Command::Quotes(a) => diff_cmd::quotes(&cli.global, a),
        Command::Reextract(a) => ingest_cmds::reextract(&cli.global, a),
        Command::Watch(a) => ingest_cmds::watch(&cli.global, a),
    }
}
