#!/usr/bin/env bash
# Builds the .vsix, checks what is inside, installs it into the VS Code server and checks it activates there.
# This catches files missing from the package, which the development-host suite cannot see.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
. test/harness/vscode-env.sh
npm run --silent package >/dev/null
VSIX=records-curator.vsix
node test/package/check-vsix.js "$VSIX"
TMP=$(mktemp -d /tmp/rc-package.XXXXXX); trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/ext" "$TMP/ud"
"$VSCODE_DIR/bin/node" "$SERVER_MAIN" --install-extension "$(readlink -f "$VSIX")" --extensions-dir "$TMP/ext" \
  --user-data-dir "$TMP/ud" --server-data-dir "$TMP/ud" --accept-server-license-terms >"$TMP/install.log" 2>&1 \
  || { cat "$TMP/install.log"; exit 1; }
cp -r examples/sample-records/. "$TMP/ws"
export RC_EXTENSIONS_DIR="$TMP/ext"
bash test/harness/run-ext-tests.sh test/package/probe test/package/probe/tests.js "$TMP/ws" --extensions-dir "$TMP/ext"
# Put back the development build the other suites and `npm start` use (package made a minified one).
node esbuild.js
# The command line outside this repository: npm pack and install, the pre-commit hook, the GitHub Action.
node --test test/package/cli-package.test.js
