#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the native
# Boost.Test suite (through ctest), the conformance runner on every golden
# file, the JS tests of the WebAssembly API and the headless-Chromium tests
# of dist/. Ends with one pass/fail summary.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/build.sh --tests || { echo "lossplay: build failed"; exit 1; }

logs=build/test-logs
mkdir -p "$logs"
passed=0
failed=0
summary=()

# Runs one suite, keeps its log, and adds its counts to the totals.
# $1 name, $2 how to read counts (boost|node), rest: the command.
suite() {
  local name=$1 kind=$2
  shift 2
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]} p=0 f=0
  if [[ $kind == plain ]]; then
    p=$(grep -oE '^[0-9]+ passed, [0-9]+ failed' "$logs/$name.log" | tail -1 | cut -d' ' -f1)
    f=$(grep -oE '^[0-9]+ passed, [0-9]+ failed' "$logs/$name.log" | tail -1 | cut -d' ' -f3)
  elif [[ $kind == exit ]]; then
    # A tool, not a test runner: one check, that it ran to the end.
    if [[ $status -eq 0 ]]; then p=1; fi
  elif [[ $kind == boost ]]; then
    p=$(grep -oE '[0-9]+ test cases? out of [0-9]+ passed' "$logs/$name.log" | tail -1 | cut -d' ' -f1)
    f=$(grep -oE '[0-9]+ test cases? out of [0-9]+ failed' "$logs/$name.log" | tail -1 | cut -d' ' -f1)
  else
    p=$(grep -E '^# pass [0-9]+' "$logs/$name.log" | tail -1 | awk '{print $3}')
    f=$(grep -E '^# fail [0-9]+' "$logs/$name.log" | tail -1 | awk '{print $3}')
  fi
  p=${p:-0}
  f=${f:-0}
  # A suite that failed without reporting a failed test (a crash, a build
  # error) still counts as one failure.
  if [[ $status -ne 0 && $f -eq 0 ]]; then f=1; fi
  if [[ $status -eq 0 && $p -eq 0 ]]; then f=$((f + 1)); echo "lossplay: $name ran no test"; fi
  passed=$((passed + p))
  failed=$((failed + f))
  summary+=("$(printf '%-8s %s passed, %s failed' "$name" "$p" "$f")")
}

suite cpp boost ctest --test-dir build/native --output-on-failure -V
suite conform plain node scripts/conformance.js tests/golden/*.json
suite js node node --test tests/js/
suite browser node node --test --test-concurrency=1 tests/browser/
# scripts/bench.sh works (its figures are for reading, not asserting).
suite bench exit scripts/bench.sh --quick
# The fuzz harnesses, briefly, from the committed seeds (scripts/fuzz.sh 600 for the long run).
suite fuzz plain scripts/fuzz.sh 20
# Last, as it builds a second copy of the site: scripts/run.sh on a fresh
# copy of the tree with the test tools hidden, as a newcomer's machine is.
suite fresh plain tests/fresh/run-without-test-tools.sh

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "tests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
