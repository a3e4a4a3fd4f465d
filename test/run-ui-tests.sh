#!/usr/bin/env bash
# UI checks in headless Chromium against the real workbench, with screenshots in test-results/.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. test/harness/vscode-env.sh
node esbuild.js
"$VSCODE_DIR/bin/node" test/ui/run-ui-checks.js "$VSCODE_DIR"
