#!/usr/bin/env bash
# Builds the wasm core once per candidate set of size/speed flags into
# build/flags/<name>/, then times them all with flag-bench.js.
#   scripts/site/flag-bench.sh [name ...]   (default: every candidate below)
# A candidate is "name|compile+link optimisation flags|extra link flags"; an
# -O in the extra link flags comes last on the link line, so it sets the
# level of the link-time (wasm-opt) passes alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NODE_PATH=/usr/share/nodejs

candidates=(
  'O3|-O3|'
  'O2|-O2|'
  'Os|-Os|'
  'Oz|-Oz|'
  'O3-emmalloc|-O3|-sMALLOC=emmalloc'
  'O2-emmalloc|-O2|-sMALLOC=emmalloc'
  'Os-emmalloc|-Os|-sMALLOC=emmalloc'
  'Oz-emmalloc|-Oz|-sMALLOC=emmalloc'
  'O3-evalctors|-O3|-sEVAL_CTORS=1'
  'O3-lto|-O3 -flto|-flto'
  'O3-closure|-O3|--closure=1'
  'O3-lto-emmalloc|-O3 -flto|-flto -sMALLOC=emmalloc'
  'O3-Oslink|-O3|-Os'
  'O3-Ozlink|-O3|-Oz'
  'O3-lto-Ozlink|-O3 -flto|-flto -Oz'
  'O3-lto-Ozlink-emmalloc|-O3 -flto|-flto -Oz -sMALLOC=emmalloc'
)
wanted=("$@")

mkdir -p build/flags
built=()
for c in "${candidates[@]}"; do
  IFS='|' read -r name opt link <<<"$c"
  if ((${#wanted[@]})) && [[ ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
  dir=build/flags/$name
  echo "flag-bench: building $name ($opt $link)" >&2
  if emcmake cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DLOSSPLAY_TESTS=OFF \
      "-DCMAKE_CXX_FLAGS_RELEASE=$opt -DNDEBUG" "-DCMAKE_EXE_LINKER_FLAGS=$link" >"$dir.log" 2>&1 \
    && cmake --build "$dir" -j "$(nproc)" --target lossplay_wasm >>"$dir.log" 2>&1; then
    built+=("$dir")
  else
    echo "flag-bench: $name did not build (see $dir.log)" >&2
  fi
done
node scripts/site/flag-bench.js "${built[@]}"
