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

scripts/assemble-site.sh dist
echo "lossplay: built dist/ ($(du -sh dist | cut -f1))"
