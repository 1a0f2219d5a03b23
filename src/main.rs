//! The `storydiff` command line: parses arguments, calls the library, renders, maps results to exit codes.

fn main() {}
