#!/usr/bin/env python3
"""Write a `git fast-import` stream holding the corpus's histories the way a git-scraping repository would.

One file per story (`<story-id>.txt`), one commit per version, all versions of all stories in capture order
(`scraped_at` from each story's meta.json; ties broken by story id and file name), each commit dated at its
capture time. Used by scripts/bench-peers.sh to compare `storydiff log --patch` with
`git log -p --word-diff` on the same histories.

Usage: corpus_to_git.py CORPUS_DIR | git fast-import  (into refs/heads/main)
"""

import datetime
import json
import os
import sys


def versions(root):
    rows = []
    for story in sorted(os.listdir(root)):
        meta_path = os.path.join(root, story, "meta.json")
        if not os.path.isfile(meta_path):
            continue
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        for v in meta["versions"]:
            at = datetime.datetime.fromisoformat(v["scraped_at"])
            rows.append((at, story, v["file"], v.get("title") or ""))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows


def main():
    root = sys.argv[1]
    out = sys.stdout.buffer
    # Successive commits to one branch in a stream continue from its tip, so no `from` line is needed.
    for at, story, file, title in versions(root):
        with open(os.path.join(root, story, file), "rb") as f:
            data = f.read()
        when = f"{int(at.timestamp())} +0000"
        message = f"{story} {file}: {title}".encode()
        out.write(b"commit refs/heads/main\n")
        out.write(f"committer scraper <scraper@example.invalid> {when}\n".encode())
        out.write(f"data {len(message)}\n".encode() + message + b"\n")
        out.write(f"M 100644 inline {story}.txt\n".encode())
        out.write(f"data {len(data)}\n".encode() + data + b"\n")


if __name__ == "__main__":
    main()
