#!/usr/bin/env bash
# The README's first command on a machine without the test tools: copies the
# tree as a fresh clone has it (no build/, dist/ or node_modules/), hides
# Boost, nlohmann-json and Chromium in a private mount namespace, runs
# scripts/run.sh there and checks that it builds, serves and prints a URL
# whose page and assets load. Needs root (unshare -m); ends with
# "N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
passed=0
failed=0
check() { # $1 what, rest: the command that must succeed
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $what"
  else
    failed=$((failed + 1))
    echo "not ok - $what"
  fi
}
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}

work=$(mktemp -d)
server=""
cleanup() {
  [[ -n $server ]] && kill -- -"$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The tree as `git clone` gives it: tracked files and new, unignored ones.
mkdir "$work/tree"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$work/tree") ||
  { echo "cannot copy the tree"; failed=1; finish; }
check "the copy has no build outputs or node_modules" \
  test ! -e "$work/tree/build" -a ! -e "$work/tree/dist" -a ! -e "$work/tree/node_modules"

# What the private namespace hides: the test suite's headers and CMake
# packages, and the browser.
hide=(/usr/include/boost /usr/include/nlohmann /usr/share/cmake/nlohmann_json /usr/lib/chromium
  /usr/lib/x86_64-linux-gnu/cmake/Boost-* /usr/lib/x86_64-linux-gnu/cmake/boost_*)
cat >"$work/inside.sh" <<'INSIDE'
set -uo pipefail
for d in "$@"; do [[ -d $d ]] && mount -t tmpfs none "$d"; done
[[ -e /usr/bin/chromium ]] && mount --bind /dev/null /usr/bin/chromium
if [[ -e /usr/include/boost/version.hpp || -e /usr/include/nlohmann/json.hpp ]]; then
  echo "HIDING FAILED"
  exit 3
fi
echo "test tools hidden"
cd "$LOSSPLAY_TREE"
PORT=0 exec scripts/run.sh
INSIDE
log="$work/run.log"
LOSSPLAY_TREE="$work/tree" setsid unshare -m --propagation private bash "$work/inside.sh" "${hide[@]}" >"$log" 2>&1 &
server=$!

# A cold build takes about a minute; give it ten.
url=""
for _ in $(seq 600); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$log" | head -1)
  [[ -n $url ]] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
check "Boost, nlohmann-json and Chromium were hidden" grep -q "^test tools hidden" "$log"
check "scripts/run.sh printed the URL it serves" test -n "$url"
if [[ -z $url ]]; then
  echo "--- scripts/run.sh said:"
  tail -40 "$log"
  finish
fi
check "run.sh installed the npm packages itself" test -d "$work/tree/node_modules"
check "the native test suite was not configured" test ! -e "$work/tree/build/native"

page="$work/index.html"
check "index.html is served" curl -fsS -o "$page" "$url"
# Every script and stylesheet the page names must be served too.
assets=$(grep -oE '(src|href)="[^"#:]+"' "$page" | sed -E 's/^(src|href)="(.*)"$/\2/' | sort -u)
check "the page names its scripts" test -n "$(grep -oE '<script[^>]+src=' "$page")"
for a in $assets; do
  check "asset $a is served" curl -fsS -o /dev/null "$url$a"
done
finish
