#!/usr/bin/env bash
# Every test: type check, unit tests, the integration suite in a real VS Code, the package test, UI checks.
# Each suite ends with its own `N passed, N failed` line; the run fails if any suite failed.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
failed=()
run() { local name=$1; shift; echo; echo "=== $name ==="; "$@" || failed+=("$name"); }
run "type check" npx --no-install tsc -p . --noEmit
run "lint" npm run --silent lint
run "unit" bash test/run-unit-tests.sh
run "vscode" bash test/run-vscode-tests.sh
run "package" bash test/package/run-package-test.sh
run "ui" bash test/run-ui-tests.sh
echo
if [ ${#failed[@]} -gt 0 ]; then echo "FAILED suites: ${failed[*]}"; exit 1; fi
echo "all suites passed"
