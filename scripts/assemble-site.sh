#!/usr/bin/env bash
# Builds the static site directory (default dist/): the page's HTML and CSS,
# the bundles of web/src/ (scripts/bundle.js, esbuild), the built wasm module
# and the math font. Needs build/wasm built first and node_modules/
# installed (scripts/build.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
[[ -f build/wasm/lossplay-core.js ]] || { echo "assemble-site: build/wasm/lossplay-core.js is missing: run scripts/build.sh" >&2; exit 1; }
[[ -d node_modules/esbuild ]] || { echo "assemble-site: node_modules/ is missing: run npm ci" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/vendor"
cp web/*.html web/*.css "$out/"
node scripts/bundle.js "$out"
cp build/wasm/lossplay-core.js "$out/"
cp node_modules/uplot/dist/uPlot.min.css "$out/vendor/"
cp node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2 "$out/vendor/stix-two-math.woff2"
