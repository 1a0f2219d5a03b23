#!/usr/bin/env python3
"""Word diff of every consecutive pair of versions in the corpus with Python's difflib, timed.

The peer for storydiff's full diff in scripts/bench-peers.sh: NewsEdits' pipeline compared versions with
difflib's SequenceMatcher. Each text is split into words on whitespace, SequenceMatcher (default options,
as commonly used) is built over the two word lists and its opcodes and ratio are taken. The time of one pair
covers the split, the matcher and the opcodes; reading the files does not count.

Usage: difflib_pairs.py CORPUS_DIR ROUNDS [MEDIAN_PAIR_ITERATIONS]
Prints one line per pair, `pair<TAB>story/old->new<TAB>median ns over the rounds`, then
`total<TAB>median over the rounds of the time for all pairs, ns`, `cpu_total<TAB>...` (process CPU time), and
`median_pair_cpu<TAB>story/old->new<TAB>ns`: CPU time of one diff of the median pair (pairs sorted by the UTF-8
bytes of both texts, index len/2, as in examples/diff_all_pairs.rs), median over the rounds of the mean of
MEDIAN_PAIR_ITERATIONS diffs.
"""

import difflib
import os
import statistics
import sys
import time


def corpus_pairs(root):
    pairs = []
    for story in sorted(os.listdir(root)):
        folder = os.path.join(root, story)
        if not os.path.isdir(folder):
            continue
        files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
        texts = []
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts.append(f.read())
        for i in range(len(files) - 1):
            pairs.append((f"{story}/{files[i]}->{files[i + 1]}", texts[i], texts[i + 1]))
    return pairs


def word_diff(old, new):
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, a, b)
    ops = matcher.get_opcodes()
    return len(ops), matcher.ratio()


def main():
    root, rounds = sys.argv[1], int(sys.argv[2])
    iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    pairs = corpus_pairs(root)
    per_pair = [[] for _ in pairs]
    totals, cpu_totals = [], []
    for _ in range(rounds):
        cpu0 = time.process_time_ns()
        t0 = time.perf_counter_ns()
        for k, (_, old, new) in enumerate(pairs):
            s = time.perf_counter_ns()
            word_diff(old, new)
            per_pair[k].append(time.perf_counter_ns() - s)
        totals.append(time.perf_counter_ns() - t0)
        cpu_totals.append(time.process_time_ns() - cpu0)
    for (name, _, _), times in zip(pairs, per_pair):
        print(f"pair\t{name}\t{int(statistics.median(times))}")
    print(f"total\t{int(statistics.median(totals))}")
    print(f"cpu_total\t{int(statistics.median(cpu_totals))}")

    by_size = sorted(pairs, key=lambda p: len(p[1].encode()) + len(p[2].encode()))
    name, old, new = by_size[len(by_size) // 2]
    means = []
    for _ in range(rounds):
        cpu0 = time.process_time_ns()
        for _ in range(iterations):
            word_diff(old, new)
        means.append((time.process_time_ns() - cpu0) // iterations)
    print(f"median_pair_cpu\t{name}\t{int(statistics.median(means))}")


if __name__ == "__main__":
    main()
