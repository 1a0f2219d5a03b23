//! storydiff keeps the edit history of news stories.
//!
//! Data flows one way: an input ([`source`], later `ingest` for HTML, URLs and feeds) becomes an
//! [`article::Article`] (normalised by [`normalize`], furniture separated by [`furniture`]), which is saved
//! as a snapshot in a [`store::Store`]; two articles are compared by `diff`, and the result is rendered by
//! `report`. The library has no terminal, no argument parsing and no globals; `src/main.rs` is the thin CLI.

pub mod article;
pub mod ci_platform;
pub mod diff;
pub mod error;
pub mod exit_code;
pub mod furniture;
pub mod gate;
pub mod import;
pub mod ingest;
pub mod normalize;
pub mod quotes;
pub mod report;
pub mod source;
pub mod store;
pub mod story_id;
pub mod watchlist;
