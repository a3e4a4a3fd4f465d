#!/usr/bin/env bash
# Unit tests of src/core and src/cli with Node's test runner, on real files in temp folders.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
bash test/harness/install-tools.sh
rm -rf out/test/unit
node esbuild.js --tests
node --test --test-concurrency=2 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./test/harness/summary-reporter.mjs --test-reporter-destination=stdout \
  out/test/unit/
