#!/usr/bin/env bash
# Builds the native core and tests, the WebAssembly module, and the static
# site in dist/ (index.html and its assets: nothing else is needed to host it).
set -euo pipefail
cd "$(dirname "$0")/.."

# Emscripten 3.1.6's optimiser needs Debian's acorn, found through NODE_PATH.
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DLOSSPLAY_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build/native -j "$jobs"

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DLOSSPLAY_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build/wasm -j "$jobs"

rm -rf dist
mkdir -p dist/vendor
cp web/index.html web/*.css web/*.js dist/
cp build/wasm/lossplay-core.js dist/
cp node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css dist/vendor/
cp node_modules/temml/dist/temml.min.js dist/vendor/
cp node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2 dist/vendor/stix-two-math.woff2
echo "lossplay: built dist/ ($(du -sh dist | cut -f1))"
