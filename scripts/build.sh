#!/usr/bin/env bash
# Builds the WebAssembly module and the static site in dist/ (index.html and
# its assets: nothing else is needed to host it). Installs what building
# needs first (scripts/install-deps.sh: a second run takes about a second).
#   scripts/build.sh           the site only: what scripts/run.sh needs
#   scripts/build.sh --tests   also the native core and its Boost.Test suite,
#                              installing the test tools (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

tests=0
case "${1:-}" in
  "") ;;
  --tests) tests=1 ;;
  *) echo "usage: scripts/build.sh [--tests]" >&2; exit 2 ;;
esac

if ((tests)); then scripts/install-deps.sh --test; else scripts/install-deps.sh; fi

# Emscripten 3.1.6's optimiser needs Debian's acorn, found through NODE_PATH.
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

if ((tests)); then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DLOSSPLAY_WARNINGS_AS_ERRORS=ON -DLOSSPLAY_TESTS=ON >/dev/null
  cmake --build build/native -j "$jobs"
fi

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DLOSSPLAY_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build/wasm -j "$jobs"

scripts/assemble-site.sh dist
echo "lossplay: built dist/ ($(du -sh dist | cut -f1))"
