//! Integration tests: the real `storydiff` binary on real fixtures and temporary stores. One test binary, a
//! module per area (ripgrep's layout).

mod util;

mod crash;
mod import;
mod store;
