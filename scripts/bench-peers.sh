#!/usr/bin/env bash
# storydiff against its peers on the corpus (issue 7), side by side in one run, ROUNDS rounds (default 5),
# medians reported as ratios:
#  (a) whole-history patches: `storydiff log ID --patch` over all 150 corpus stories (one process per story,
#      text to /dev/null, NO_COLOR) vs `git log -p --word-diff -- FILE` over the same 150 file histories in a
#      git repository built from the corpus (scripts/corpus_to_git.py: one file per story, one commit per
#      version in capture order, dated at the capture time);
#  (b) the full diff of every consecutive pair in process (examples/diff_all_pairs.rs) vs Python's difflib
#      word diff of the same pairs (scripts/difflib_pairs.py, what NewsEdits' pipeline used), plus the CPU time
#      of one full diff of the median pair.
# The two sides of each comparison alternate within every round, so machine noise hits both alike; still, on a
# shared machine prefer the CPU columns and callgrind instruction counts for stable comparisons.
# Needs: cargo, git, python3, /usr/bin/time. Usage: scripts/bench-peers.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
corpus=$(cd ../shared/corpus/versions && pwd)
cargo build --release --quiet --bin storydiff --example diff_all_pairs
bin=$PWD/target/release/storydiff
pairs_bin=$PWD/target/release/examples/diff_all_pairs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 GIT_PAGER=cat

echo "git repository of the corpus histories ..."
git init -q "$work/repo"
python3 scripts/corpus_to_git.py "$corpus" | git -C "$work/repo" fast-import --quiet
git -C "$work/repo" symbolic-ref HEAD refs/heads/main
git -C "$work/repo" ls-tree --name-only HEAD > "$work/files"
echo "  $(git -C "$work/repo" rev-list --count HEAD) commits, $(wc -l < "$work/files") files"

echo "storydiff import of the corpus ..."
/usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KiB peak RSS" \
  "$bin" --store "$work/store" import "$corpus" > "$work/import.out"
tail -n 1 "$work/import.out" | sed 's/^/  /'
find "$corpus" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort > "$work/stories"

# One loop over every story, timed as a whole: wall, user and sys seconds (children included).
storydiff_loop() {
  while read -r id; do "$bin" --store "$work/store" log "$id" --patch > /dev/null; done < "$work/stories"
}
git_loop() {
  while read -r f; do git -C "$work/repo" log -p --word-diff -- "$f" > /dev/null; done < "$work/files"
}
export -f storydiff_loop git_loop
export bin work

# A warm-up pass (untimed) that also checks every story's patch log works and is not empty.
while read -r id; do
  "$bin" --store "$work/store" log "$id" --patch > "$work/log.out" || { echo "log $id failed" >&2; exit 2; }
  [ -s "$work/log.out" ] || { echo "log $id printed nothing" >&2; exit 2; }
done < "$work/stories"
git_loop

echo "running $rounds rounds ..."
: > "$work/a.tsv"
for r in $(seq 1 "$rounds"); do
  for side in storydiff git; do
    /usr/bin/time -f "$side	%e	%U	%S" -a -o "$work/a.tsv" bash -c "${side}_loop"
  done
  "$pairs_bin" 1 200 > "$work/rs.$r"
  python3 scripts/difflib_pairs.py "$corpus" 1 200 > "$work/py.$r"
  echo "  round $r done"
done

python3 - "$work" "$rounds" <<'EOF'
import statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
med = statistics.median

# (a) whole-history patches
a = {"storydiff": [], "git": []}
for line in open(f"{work}/a.tsv"):
    side, wall, user, sys_ = line.rstrip("\n").split("\t")
    a[side].append((float(wall), float(user) + float(sys_)))
sd_wall, sd_cpu = med(w for w, _ in a["storydiff"]), med(c for _, c in a["storydiff"])
git_wall, git_cpu = med(w for w, _ in a["git"]), med(c for _, c in a["git"])

# (b) full diff of every pair: per-pair medians over the rounds, totals
def load(prefix):
    pairs, totals, cpu, median_pair = {}, [], [], []
    for r in range(1, rounds + 1):
        for line in open(f"{work}/{prefix}.{r}"):
            f = line.rstrip("\n").split("\t")
            if f[0] == "pair":
                pairs.setdefault(f[1], []).append(int(f[2]))
            elif f[0] == "total":
                totals.append(int(f[1]))
            elif f[0] == "cpu_total":
                cpu.append(int(f[1]))
            elif f[0] == "median_pair_cpu":
                median_pair.append((f[1], int(f[2])))
    return {k: med(v) for k, v in pairs.items()}, med(totals), med(cpu), median_pair
rs_pairs, rs_total, rs_cpu, rs_mp = load("rs")
py_pairs, py_total, py_cpu, py_mp = load("py")
assert rs_pairs.keys() == py_pairs.keys(), "the two sides diffed different pairs"
ratios = [py_pairs[k] / max(rs_pairs[k], 1) for k in rs_pairs]
rs_mp_ns, py_mp_ns = med(n for _, n in rs_mp), med(n for _, n in py_mp)

print()
print(f"medians of {rounds} rounds; ratio = peer / storydiff (above 1: storydiff is faster)")
print(f"{'comparison':<58} {'storydiff':>12} {'peer':>12} {'ratio':>7}")
row = lambda name, s, p, unit: print(f"{name:<58} {s:>10.3f}{unit} {p:>10.3f}{unit} {p / s:>7.2f}")
row("(a) log --patch, 150 stories, wall  [peer: git log -p --word-diff]", sd_wall, git_wall, " s")
row("(a) log --patch, 150 stories, CPU (user+sys)", sd_cpu, git_cpu, " s")
row(f"(b) full diff, all {len(rs_pairs)} pairs, wall  [peer: difflib]", rs_total / 1e6, py_total / 1e6, "ms")
row(f"(b) full diff, all {len(rs_pairs)} pairs, CPU", rs_cpu / 1e6, py_cpu / 1e6, "ms")
row("(b) per pair: median over pairs of the per-pair median, wall",
    med(rs_pairs.values()) / 1e3, med(py_pairs.values()) / 1e3, "µs")
print(f"(b) per pair: median over pairs of the ratio difflib/storydiff: {med(ratios):.2f} "
      f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
print(f"median pair ({rs_mp[0][0]}), CPU of one full diff: storydiff {rs_mp_ns / 1e3:.1f} µs, "
      f"difflib {py_mp_ns / 1e3:.1f} µs (ratio {py_mp_ns / rs_mp_ns:.2f}); target: well under 1000 µs")
EOF
