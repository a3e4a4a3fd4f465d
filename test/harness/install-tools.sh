#!/usr/bin/env bash
# Debian packages the tests run: age (a sealed value must decrypt with the standard `age -d`, test/unit/seal-age-cli.test.ts); pre-commit (the hook test, test/package/cli-package.test.js); git-filter-repo (the purge of destroyed records from git history; its
# fallback, git filter-branch, comes with git and is tested too). Installed when run as root; otherwise the
# exact apt-get line is printed and the run stops. Cheap when they are there already.
set -euo pipefail
need=(); for p in git git-filter-repo pre-commit age; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "These Debian packages are needed by the tests; install them and run again:" >&2
  echo "  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
