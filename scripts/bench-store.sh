#!/usr/bin/env bash
# Store scale: does `save` cost the same in a store of 20,000 versions as in an empty one, and how long does
# `import` of 20,000 versions take? Builds a 20,000-version folder from the corpus (each story copied under
# several ids) in a temp dir, imports it, then times single saves into both stores (median of ROUNDS runs).
# Usage: scripts/bench-store.sh [VERSIONS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
versions=${1:-20000}
rounds=${2:-30}
corpus=../shared/corpus/versions
cargo build --release --quiet
bin=$PWD/target/release/storydiff
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building a folder of about $versions versions from $corpus ..."
mkdir -p "$work/in"
n=0; copy=0
while [ "$n" -lt "$versions" ]; do
  for story in "$corpus"/*/; do
    [ "$n" -lt "$versions" ] || break
    dest="$work/in/$(basename "$story")-c$copy"
    cp -r "$story" "$dest"
    n=$((n + $(ls "$dest"/*.txt | wc -l)))
  done
  copy=$((copy + 1))
done

echo "import of $n versions:"
/usr/bin/time -f "  %e s wall, %M KiB peak RSS" "$bin" --store "$work/big" import "$work/in"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Saves alternate between the two stores, so machine noise hits both alike.
: > "$work/empty.us"; : > "$work/big.us"
for i in $(seq 1 "$rounds"); do
  printf '# Bench story %s\n\nA paragraph that changes every round: %s.\n' "$i" "$i" > "$work/s.txt"
  for which in empty big; do
    t0=$(date +%s%N)
    "$bin" --store "$work/$which" save --story "bench-story" "$work/s.txt" > /dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 )) >> "$work/$which.us"
  done
done
empty_us=$(median < "$work/empty.us")
big_us=$(median < "$work/big.us")
echo "save, median of $rounds: empty store ${empty_us} µs, $n-version store ${big_us} µs, ratio $(awk "BEGIN {printf \"%.2f\", $big_us / $empty_us}")"
/usr/bin/time -f "save peak RSS in the big store: %M KiB" "$bin" --store "$work/big" save --story bench-story "$work/s.txt" > /dev/null
