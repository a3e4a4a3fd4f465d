#!/usr/bin/env bash
# Builds the command line inside the action's own checkout, once (dist/ is not committed).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
[ -f dist/cli.js ] && exit 0
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
node esbuild.js --production
