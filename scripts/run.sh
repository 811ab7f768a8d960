#!/usr/bin/env bash
# Installs what is missing, builds, and serves the playground on 127.0.0.1.
# PORT=9000 scripts/run.sh picks another port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec node scripts/serve.js dist "${PORT:-8080}"
