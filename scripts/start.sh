#!/usr/bin/env bash
# Builds, then opens the extension on the bundled sample workspace in a real VS Code: the desktop `code` when
# it is on PATH, otherwise the VS Code server (installed on first use), whose URL is printed.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
node esbuild.js
WS=${1:-examples/sample-records}
if command -v code >/dev/null 2>&1 && [ -z "${RC_USE_SERVER:-}" ]; then
  exec code --extensionDevelopmentPath="$PWD" "$WS"
fi
. test/harness/vscode-env.sh
exec "$VSCODE_DIR/bin/node" scripts/serve.js "$VSCODE_DIR" "$WS"
