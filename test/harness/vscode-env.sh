# Sourced by the test and start scripts: where the test VS Code lives (outside the repository), installed on
# first use and reused after.
VSCODE_DIR=${RC_VSCODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/records-curator/vscode-1.100.3}
HARNESS=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
bash "$HARNESS/install-tools.sh" || exit 1
bash "$HARNESS/install-vscode-server.sh" "$VSCODE_DIR" 4.100.3 || { echo "could not install the test VS Code" >&2; exit 1; }
SERVER_MAIN="$VSCODE_DIR/node_modules/code-server/lib/vscode/out/server-main.js"
export NODE_PATH="$VSCODE_DIR/node_modules${NODE_PATH:+:$NODE_PATH}"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
