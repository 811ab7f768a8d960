#!/usr/bin/env bash
# Builds the fuzz harnesses with clang, ASan and UBSan, and runs each for
# SECONDS (default 600) from the committed seed corpus in tests/fuzz/corpus/:
#   scripts/fuzz.sh [SECONDS]
# The C++ harnesses (libFuzzer) cover the parser and evaluate() over every
# registry entry; the JS ones (a seeded random generator in Node) cover the
# share-link decoder and the table reader. Findings are saved under
# build/fuzz/findings/ and should become regression tests. Prints, per
# harness, its executions, and ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }

out=build/fuzz
mkdir -p "$out/findings"
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link -g"
if ! cmake -S . -B "$out" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
  -DLOSSPLAY_FUZZ=ON -DCMAKE_CXX_FLAGS="$flags" >"$out/configure.log" 2>&1 ||
  ! cmake --build "$out" -j "$(nproc)" --target lossplay_parse_fuzz lossplay_evaluate_fuzz >"$out/build.log" 2>&1; then
  cat "$out/configure.log" "$out/build.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
for harness in parse evaluate; do
  work="$out/corpus-$harness"  # grows as the fuzzer finds new paths; the seeds stay as committed
  mkdir -p "$work"
  log="$out/$harness.log"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$out/tests/fuzz/lossplay_${harness}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$out/findings/$harness-" "$work" "tests/fuzz/corpus/$harness" >"$log" 2>&1
  status=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
    echo "ok - $harness: ${runs:-?} executions in ${seconds} s, no finding"
  else
    failed=$((failed + 1))
    echo "not ok - $harness: finding after ${runs:-?} executions (exit $status); input saved in $out/findings/"
    grep -E 'ERROR|SUMMARY|runtime error|deadly signal' "$log" | head -5
  fi
done
# The JS harnesses run through the built site's core (dist/lossplay.js).
if [[ ! -f dist/lossplay.js ]]; then
  echo "not ok - the JS harnesses need the built site: run scripts/build.sh first"
  failed=$((failed + 1))
else
  for harness in table-reader share-link; do
    if node "tests/fuzz/$harness-fuzz.js" "$seconds" 1; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  done
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
