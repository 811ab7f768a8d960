#!/usr/bin/env bash
# Copies the page, the built wasm module and the vendored npm assets into a
# static site directory (default dist/). Needs build/wasm built first
# (scripts/build.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
[[ -f build/wasm/lossplay-core.js ]] || { echo "assemble-site: build/wasm/lossplay-core.js is missing: run scripts/build.sh" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/vendor"
cp web/*.html web/*.css web/*.js "$out/"
cp build/wasm/lossplay-core.js "$out/"
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css "$out/vendor/"
cp node_modules/temml/dist/temml.min.js "$out/vendor/"
cp node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2 "$out/vendor/stix-two-math.woff2"
