#!/usr/bin/env bash
# Speed against peers measured in the same run (the machine is shared and
# noisy: read the ratios, not the milliseconds):
#   scripts/bench.sh           N = 1e4, 1e5, 1e6 (1e7 for MSE), parse 1e5 and 1e6
#   scripts/bench.sh --quick   a short run (N = 1e4, 1e5), as scripts/test.sh does once
# Per loss and N: lossplay's lp.compute end to end from Float64Array, and its
# time divided by plain JS loops (value; value + gradient: lossplay asked for
# the same outputs), tfjs with the wasm and cpu backends, and the native core;
# parse throughput in MB/s against split + Number and the native parser. Then
# the page end to end in headless Chromium (1e5 and 1e6 rows; 1e4 with
# --quick): two files -> the MSE row, Ctrl+V -> the MSE row, the longest
# main-thread task, against split + Number + an MSE loop in the same page.
# Between them the fit core's wasm (scripts/bench/fit.js) against the native
# core: one GD step and the exact optimum at 1e5, a 100 x 100 landscape at
# 1e4, for MSE, MAE and Huber.
# Writes build/bench/kernels*.json, fit*.json and page*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
case "${1:-}" in
  "") ;;
  --quick) quick=(--quick) ;;
  *) echo "usage: scripts/bench.sh [--quick]" >&2; exit 2 ;;
esac

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! scripts/build.sh >"$log" 2>&1 ||
  ! cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DLOSSPLAY_TESTS=OFF -DLOSSPLAY_BENCH=ON >>"$log" 2>&1 ||
  ! cmake --build build/bench -j "$(nproc)" --target lossplay_native_bench >>"$log" 2>&1; then
  cat "$log" >&2
  echo "bench: the build failed" >&2
  exit 1
fi
node scripts/bench/kernels.js "${quick[@]}" --native build/bench/lossplay_native_bench
node scripts/bench/fit.js "${quick[@]}" --native build/bench/lossplay_native_bench
exec node scripts/bench/page.js "${quick[@]}"
