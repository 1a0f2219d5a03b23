//! Tests of quotation extraction on the hard cases of real copy.

use super::*;

fn paras(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn smoke() {
    let q = extract(&paras(&["“Hi there, all of you,” she said."]));
    assert_eq!(q.len(), 1);
}
