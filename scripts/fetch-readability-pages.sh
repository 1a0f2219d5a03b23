#!/usr/bin/env bash
# Fetch news pages of Mozilla Readability's test suite that `../shared` does not hold, for the quote
# gold set `tests/fixtures/quotes-gold-heldout-17.json`.
#
# The pages travel inside the crate readabilityrs 0.1.4 on crates.io (a copy of Readability's
# `test/test-pages/`, Apache-2.0; the article text belongs to its publishers). The crate file is checked
# against the SHA-256 that crates.io's index publishes for it. Each page's `expected.html` (Readability's
# own output) becomes `<page>.expected.txt` the way `../shared/corpus/extraction/rdb-*.expected.txt` was
# made (see ../shared/corpus/README.md): block elements are paragraph breaks, script and style are dropped,
# runs of whitespace become one space, empty paragraphs go, paragraphs are joined by a blank line.
#
# Usage: scripts/fetch-readability-pages.sh [OUT_DIR]   (default: target/readability-pages)
# Nothing is committed: the pages stay out of the repository, like ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/readability-pages}
crate=readabilityrs-0.1.4
sha=7c42603b08707aa2d44baa0ff2ec8fb89d66fbce4bc8eb5eec894009b6d18159
pages="article-author-tag breitbart bug-1255978 buzzfeed-1 cnet cnn guardian-1 herald-sun-1 keep-images msn
nytimes-3 nytimes-4 schema-org-context-object spiceworks theverge wapo-2 wordpress yahoo-1 yahoo-3"

if [ -f "$out/.complete" ] && [ "$(cat "$out/.complete")" = "$sha" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -sSfL --retry 3 -o "$work/$crate.crate" "https://static.crates.io/crates/readabilityrs/$crate.crate"
echo "$sha  $work/$crate.crate" | sha256sum -c --quiet -
tar xzf "$work/$crate.crate" -C "$work"
mkdir -p "$out"
for page in $pages; do
  python3 - "$work/$crate/tests/test-pages/$page/expected.html" > "$out/$page.expected.txt.tmp" <<'PY'
import re
import sys
from html.parser import HTMLParser

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table",
         "tr", "td", "th", "figure", "figcaption", "br", "section", "article", "header", "footer", "hr",
         "dl", "dt", "dd", "main", "aside", "nav"}


class Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = [""]
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in BLOCK:
            self.parts.append("")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK:
            self.parts.append("")

    def handle_data(self, data):
        if not self.hidden:
            self.parts[-1] += data


parser = Paragraphs()
with open(sys.argv[1], encoding="utf-8") as page:
    parser.feed(page.read())
parser.close()
paragraphs = (re.sub(r"\s+", " ", part).strip() for part in parser.parts)
sys.stdout.write("\n\n".join(p for p in paragraphs if p))
PY
  mv "$out/$page.expected.txt.tmp" "$out/$page.expected.txt"
done
echo "$sha" > "$out/.complete"
echo "fetched $(echo $pages | wc -w) Readability test pages into $out"
