//! Integration tests: the real `storydiff` binary on real fixtures and temporary stores. One test binary, a
//! module per area (ripgrep's layout).

mod util;

mod check;
mod crash;
mod diff;
mod import;
mod merge;
mod server;
mod store;
mod web;
