#!/usr/bin/env bash
# Runs a mocha suite inside the extension host of a real VS Code server opened in headless Chromium.
# usage: run-ext-tests.sh EXT_DIR TESTS_ENTRY WORKSPACE [--untrusted] [--extensions-dir DIR]
#   --untrusted       leave workspace trust on, so WORKSPACE opens in Restricted Mode
#   --extensions-dir  use (and keep) this extensions folder, e.g. one a .vsix was installed into
set -uo pipefail
. "$(dirname "$(readlink -f "$0")")/vscode-env.sh"
EXT=$(readlink -f "$1"); TESTS=$(readlink -f "$2"); WS=$(readlink -f "$3"); shift 3
TRUST=--disable-workspace-trust; EXTDIR=
while [ $# -gt 0 ]; do case $1 in
  --untrusted) TRUST=;;
  --extensions-dir) EXTDIR=$2; shift;;
esac; shift; done
# RC_PORT: a given port. The web workbench names a folder's storage after its URI, port included: a second
# start on RC_USER_DATA finds the first one's storage (the index cache) only on the same port.
PORT=${RC_PORT:-$(free_port)}
RUN=$(mktemp -d /tmp/rc-vscode-run.XXXXXX); mkdir -p "$RUN/ud/User" "$RUN/ext"
# RC_USER_DATA=DIR: user data (settings, the extension's storage: its index cache) kept in DIR across runs,
# for a bench that starts VS Code a second time on what the first left.
if [ -n "${RC_USER_DATA:-}" ]; then mkdir -p "$RC_USER_DATA/User"; rmdir "$RUN/ud/User" "$RUN/ud"; ln -s "$(readlink -f "$RC_USER_DATA")" "$RUN/ud"; fi
[ -n "$EXTDIR" ] || EXTDIR=$RUN/ext
echo '{"workbench.startupEditor":"none","telemetry.telemetryLevel":"off","extensions.autoCheckUpdates":false,"extensions.autoUpdate":false,"security.workspace.trust.startupPrompt":"never","files.autoSave":"off"}' > "$RUN/ud/User/settings.json"
# server-main.js directly (not the code-server CLI): it takes --enable-smoke-test-driver, which lets the
# workbench honour extensionDevelopmentPath/extensionTestsPath from the URL payload.
setsid "$VSCODE_DIR/bin/node" "$SERVER_MAIN" --host 127.0.0.1 --port "$PORT" \
  --without-connection-token --accept-server-license-terms --enable-smoke-test-driver --disable-telemetry \
  $TRUST --user-data-dir "$RUN/ud" --server-data-dir "$RUN/ud" --extensions-dir "$EXTDIR" \
  > "$RUN/server.log" 2>&1 < /dev/null &
SPID=$!
# The server keeps extension hosts alive waiting for the browser to reconnect: end the whole group.
trap 'kill -- -$SPID 2>/dev/null; sleep 0.5; rm -rf "$RUN"' EXIT
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/version" && break; sleep 0.2; done
"$VSCODE_DIR/bin/node" "$HARNESS/runtests.js" "$PORT" "$EXT" "$TESTS" "$WS"
rc=$?
[ $rc -ne 0 ] && { echo "--- server log ---"; tail -40 "$RUN/server.log"; }
exit $rc
