#!/usr/bin/env bash
# The style gate of `npm test`: ESLint (type-aware rules: floating and misused promises,
# exhaustive switches, no `any`) and Prettier's check. Without arguments, the whole tree;
# with file arguments, only those files (the gate's own test uses that).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  set -- .
fi
status=0
node_modules/.bin/eslint --max-warnings 0 "$@" || status=1
node_modules/.bin/prettier --check --ignore-path .prettierignore --log-level warn "$@" || { echo "style: run 'npm run format' to format the files listed above" >&2; status=1; }
exit $status
