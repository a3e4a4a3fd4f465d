#!/usr/bin/env bash
# The integration suite: mocha inside the extension host of a real VS Code 1.100.3, on a copy of the sample.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
node esbuild.js --tests
WS=$(mktemp -d /tmp/rc-sample.XXXXXX)
trap 'rm -rf "$WS"' EXIT
cp -r examples/sample-records/. "$WS/"
bash test/harness/run-ext-tests.sh . out/test/vscode/index.js "$WS"
