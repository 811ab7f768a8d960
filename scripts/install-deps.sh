#!/usr/bin/env bash
# Installs what lossplay needs from Debian and npm, and nothing that is
# already there: a second run takes about a second.
#   scripts/install-deps.sh          build and serve (compilers, Node packages)
#   scripts/install-deps.sh --test   also the test tools (Boost.Test, Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

# fonttools and python3-brotli cut the math font to the formulas' glyphs
# (scripts/site/subset-font.py writes woff2, which needs brotli).
packages=(cmake g++ make emscripten libfast-float-dev fonttools python3-brotli)
# Node and npm may come from Debian or from another Node distribution (one
# that bundles npm conflicts with Debian's npm package): need the commands only.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [[ "${1:-}" == "--test" ]]; then
  # The CJK font is for screenshots of the Chinese text; readers use their own fonts.
  # python3-torch runs the generated PyTorch code in tests/js/pytorch-code.test.js.
  # hugo builds a small blog with the shortcode in tests/browser/embed.test.js.
  # clang and its compiler-rt build the libFuzzer harnesses (scripts/fuzz.sh).
  packages+=(libboost-test-dev nlohmann-json3-dev chromium fonts-wqy-microhei python3-torch hugo clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "lossplay: installing Debian packages: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "lossplay: these Debian packages are missing: ${missing[*]}" >&2
      echo "lossplay: install them as root (apt-get install ${missing[*]}) and run this again" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  if ! command -v apt-get >/dev/null; then
    echo "lossplay: no apt-get here: install the equivalents of ${missing[*]} and run this again" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules is missing or older than the lockfile.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "lossplay: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
