//! Fuzz history parsing and repair: never a panic; whatever `rebuild` writes, `parse` accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::store::history::{parse, rebuild};

fuzz_target!(|data: &[u8]| {
    let _ = parse(data);
    let (fixed, records, _) = rebuild(data);
    if !records.is_empty() {
        assert_eq!(
            parse(fixed.as_bytes()).expect("a rebuilt history parses"),
            records
        );
    }
});
