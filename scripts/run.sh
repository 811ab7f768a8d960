#!/usr/bin/env bash
# Installs what is missing, builds, and serves the playground on 127.0.0.1.
# Needs only what building and serving need: no test tools.
# PORT=9000 scripts/run.sh picks another port (default 8080; 0 takes any free one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.js dist "${PORT:-8080}"
