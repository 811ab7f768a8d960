#!/usr/bin/env bash
# Builds the static site directory (default dist/) from build/wasm (the core)
# and web/: the page's HTML and CSS, the bundles of web/src/ (scripts/bundle.js,
# esbuild; the wasm glue is bundled in), the core as a binary .wasm and as a
# script for file:// (scripts/site/inline-wasm.js), the formulas rendered to
# MathML (scripts/site/render-formulas.js) and the math font cut down to
# their glyphs (scripts/site/subset-font.py). Needs build/wasm built and
# node_modules/ installed (scripts/build.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
for f in lossplay-core.js lossplay-core.wasm lossplay-core-web.js lossplay-core-web.wasm lossplay-fit.js lossplay-fit.wasm; do
  [[ -f build/wasm/$f ]] || { echo "assemble-site: build/wasm/$f is missing: run scripts/build.sh" >&2; exit 1; }
done
# The page's glue (lossplay-core-web.js) and Node's share one .wasm: the same bytes.
cmp -s build/wasm/lossplay-core.wasm build/wasm/lossplay-core-web.wasm || {
  echo "assemble-site: lossplay-core-web.wasm differs from lossplay-core.wasm: their link flags drifted apart" >&2; exit 1; }
[[ -d node_modules/esbuild ]] || { echo "assemble-site: node_modules/ is missing: run npm ci" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/vendor" build/gen
node scripts/site/render-formulas.js --out build/gen/formulas.json
cp web/*.html web/*.css web/favicon.svg "$out/"
rm "$out/lossplay.css" # only @imports: scripts/bundle.js writes the bundled one
node scripts/bundle.js "$out"
# The core: the .wasm the page fetches on http(s) (and dist/lossplay.js reads
# from beside itself in Node), and the same bytes as a script for file://.
cp build/wasm/lossplay-core.wasm "$out/"
node scripts/site/inline-wasm.js build/wasm/lossplay-core.wasm "$out/lossplay-core-wasm.js"
# The fit core (web/src/fit/fit-api.js loads it when something fits, never
# on the first view), in the same two forms.
cp build/wasm/lossplay-fit.wasm "$out/"
node scripts/site/inline-wasm.js build/wasm/lossplay-fit.wasm "$out/lossplay-fit-wasm.js"
cp node_modules/uplot/dist/uPlot.min.css "$out/vendor/"
# Debian's python3 has fontTools (the one on PATH may not).
/usr/bin/python3 scripts/site/subset-font.py build/gen/formulas.json \
  node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2 "$out/vendor/stix-two-math.woff2"
