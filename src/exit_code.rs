//! The exit codes of every storydiff command, after diff(1).

/// Success: nothing changed (diff, check), or the command did what it was asked.
pub const OK: u8 = 0;
/// Changes found (diff, check), or damage found (verify).
pub const CHANGES: u8 = 1;
/// Trouble: bad input, unreadable store, a failed fetch.
pub const TROUBLE: u8 = 2;
