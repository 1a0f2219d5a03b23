//! The `storydiff` command line: parses arguments, calls the library, renders, and maps results to exit codes
//! (0 no change, 1 changes or damage, 2 trouble). Errors print as one line with their causes.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: see its line in `Cargo.toml` for the measurement.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if cli::output::is_broken_pipe(&err) {
                return ExitCode::from(storydiff::exit_code::OK);
            }
            eprintln!("storydiff: {err:#}");
            ExitCode::from(storydiff::exit_code::TROUBLE)
        }
    }
}
