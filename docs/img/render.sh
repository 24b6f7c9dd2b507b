#!/usr/bin/env bash
# Re-render the pictures in docs/img from the bundled corpus (run from the
# repository root after the corpus changes). Needs Graphviz (dot) for the PDF
# and librsvg (rsvg-convert) for the PNGs.
set -euo pipefail
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=0

# The hero: the Hyodo-Trenin debate on one A4 page, as SVG, PDF and PNG.
argmap diagram -a hyodo -a trenin --view debate --page a4 -o debate-hyodo-trenin.svg
argmap diagram -a hyodo -a trenin --view debate --page a4 -o debate-hyodo-trenin.pdf
rsvg-convert -z 1.6 -b white debate-hyodo-trenin.svg -o debate-hyodo-trenin.png

# Who rebuts and agrees with whom, across the whole corpus.
argmap diagram --view speakers -o speakers.svg
rsvg-convert -b white speakers.svg -o speakers.png

# One claim and what is one relation away from it (the map view).
argmap diagram --focus csis-trenin-no-russia-card --depth 1 -o focus-trenin-no-card.svg
rsvg-convert -b white focus-trenin-no-card.svg -o focus-trenin-no-card.png

# The interactive page, with a claim selected, as Chromium shows it at 1280x800.
page="$(mktemp -d)/debate.html"
argmap diagram -a hyodo -a trenin --view debate -o "$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,800 \
  --virtual-time-budget=3000 --screenshot="$PWD/html-debate.png" \
  "file://$page#csis-trenin-no-russia-card" >/dev/null 2>&1

# The whole corpus as a phone opens it.
page="$(mktemp -d)/corpus.html"
argmap diagram -o "$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,844 \
  --virtual-time-budget=3000 --screenshot="$PWD/html-phone.png" "file://$page" >/dev/null 2>&1

# The same focus as Mermaid draws it, when the Mermaid CLI is installed
# (docs/development.md; $ARGMAP_MMDC, else mmdc on PATH; $MMDC_PUPPETEER: a -p config).
mmdc="${ARGMAP_MMDC:-$(command -v mmdc || true)}"
if [ -n "$mmdc" ]; then
  focus="$(mktemp -d)/focus.mmd"
  argmap diagram --focus csis-trenin-no-russia-card --depth 1 -o "$focus"
  "$mmdc" ${MMDC_PUPPETEER:+-p "$MMDC_PUPPETEER"} -q -w 1400 -b white -i "$focus" \
    -o mermaid-focus-trenin-no-card.png
else
  echo "mmdc not found: kept the old mermaid-focus-trenin-no-card.png" >&2
fi
