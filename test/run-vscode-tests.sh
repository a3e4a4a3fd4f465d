#!/usr/bin/env bash
# The integration suite: mocha inside the extension host of a real VS Code 1.100.3, on a copy of the sample.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
node esbuild.js --tests
WS=$(mktemp -d /tmp/rc-sample.XXXXXX)
trap 'rm -rf "$WS"' EXIT
cp -r examples/sample-records/. "$WS/"
rc=0
bash test/harness/run-ext-tests.sh . out/test/vscode/index.js "$WS" || rc=1
# Restricted Mode: a fresh copy opened without workspace trust.
WS2=$(mktemp -d /tmp/rc-sample-untrusted.XXXXXX)
trap 'rm -rf "$WS" "$WS2"' EXIT
cp -r examples/sample-records/. "$WS2/"
git -C "$WS2" init -q && git -C "$WS2" add -A && git -C "$WS2" -c user.name=t -c user.email=t@example.com commit -qm sample
RC_UNTRUSTED=1 bash test/harness/run-ext-tests.sh . out/test/vscode/index.js "$WS2" --untrusted || rc=1
# The first day (issue 16): Chinese records the project was not built on, no schema yet — in a folder with a
# space and Chinese in its name, two levels inside a git repository (as the README's demo opens the sample).
REPO3=$(mktemp -d /tmp/rc-firstday.XXXXXX)
trap 'rm -rf "$WS" "$WS2" "$REPO3"' EXIT
WS3="$REPO3/公司 档案/客户资料"
mkdir -p "$WS3"
node test/fixtures/first-day/build.js "$WS3"
git -C "$REPO3" init -q && git -C "$REPO3" add -A && git -C "$REPO3" -c user.name=t -c user.email=t@example.com commit -qm records
RC_FIRSTDAY=1 bash test/harness/run-ext-tests.sh . out/test/vscode/index.js "$WS3" || rc=1
exit $rc
