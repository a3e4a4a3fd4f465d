#!/usr/bin/env bash
# The extension in a real VS Code on the 100,000-record folder that out/bench/bench.js generated: the first
# index at start-up, and the longest extension-host stalls when one record changes and during rebuilds
# (test/vscode/scale.bench.ts), then the records table page itself (bench/table-webview.js). A report, not a test: it prints figures and exits 0 unless VS Code fails.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=${TMPDIR:-/tmp}/records-curator-bench-100000/records
if [ ! -d "$ROOT" ]; then echo "bench: $ROOT is missing; run node --expose-gc out/bench/bench.js first"; exit 0; fi
# The extension starts on a folder with a schema file; .records/ is outside the records (excluded).
[ -f "$ROOT/.records/schema.yaml" ] || node dist/cli.js init "$ROOT" >/dev/null
node esbuild.js >/dev/null && node esbuild.js --tests >/dev/null
RC_TEST_FILES=scale.bench.js bash test/harness/run-ext-tests.sh . out/test/vscode/index.js "$ROOT" 2>&1 \
  | sed -n '/^Records Curator in VS Code/,/^$/p'
# The table's page in the workbench, driven through Chromium: its long tasks while scrolled, sorted, filtered.
source test/harness/vscode-env.sh
node bench/table-webview.js "$VSCODE_DIR" "$ROOT" "${TMPDIR:-/tmp}/records-curator-table-100k.png" 2>&1 | sed -n '/^The records table page/,$p'
