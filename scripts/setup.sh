#!/usr/bin/env bash
# Install what modelship's tests and demo need on a fresh machine, idempotently:
# Node dependencies (the locked versions, only when package-lock.json changed), python3 for the
# scoring server, and a compiled dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null 2>&1; then
  echo "setup: installing python3 (the scoring server runs on it)"
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq python3 >/dev/null
  else
    echo "setup: python3 is missing and apt-get is not available: install Python 3.9+ and retry" >&2
    exit 1
  fi
fi

stamp=node_modules/.modelship-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  # `npm install` with the committed lock file, not `npm ci`: the registry reachable here
  # lacks some other platforms' optional binaries (@swc/core-darwin-*, ...), which npm ci
  # insists on finding in the lock file; the locked versions are installed all the same
  echo "setup: npm install (locked versions)"
  npm install --no-fund --no-audit --loglevel=error
  touch "$stamp"
fi

echo "setup: building dist/"
npx tsc -p tsconfig.build.json
