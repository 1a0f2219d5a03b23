//! The CLI's commands: each turns parsed arguments into library calls and renders the result.

pub mod args;
mod import_cmd;
pub mod output;
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
    }
}
