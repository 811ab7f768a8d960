#!/usr/bin/env bash
# Evaluates every case of loss-conformance/1 files through the WebAssembly
# module in Node, building it first:
#   scripts/conformance.sh FILE.json [FILE.json ...]
# Prints a line per failing case and "N passed, M failed"; exit 0 only if all passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -eq 0 ]]; then
  echo "usage: scripts/conformance.sh FILE.json [FILE.json ...]" >&2
  exit 2
fi
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
"$here/install-deps.sh" >&2
log=$(mktemp)
if ! "$here/build.sh" >"$log" 2>&1; then
  cat "$log" >&2
  echo "conformance: the build failed" >&2
  exit 2
fi
rm -f "$log"
exec node "$here/conformance.js" "${files[@]}"
