#!/usr/bin/env bash
# Rebuild the demo store shipped in snapshots/: the seed story (../shared/seed) as version 2, preceded by an
# earlier version written by hand (tests/fixtures/demo/v1-hand-written.txt) to show typical edits. The seed
# text has no headline line, so both headlines are given here (written by us, not CNN's).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf snapshots
cargo run --quiet -- --store snapshots save --story cnn-ukraine-peace-plan \
  --at 2025-11-19T14:05:00Z tests/fixtures/demo/v1-hand-written.txt
cargo run --quiet -- --store snapshots save --story cnn-ukraine-peace-plan \
  --headline "Trump administration quietly drafting new Ukraine peace plan with Russia" \
  --at 2025-11-19T21:40:00Z ../shared/seed/000_6082022efbbf9ef9.txt
