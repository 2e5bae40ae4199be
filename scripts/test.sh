#!/usr/bin/env bash
# The test command of the README (`npm test`): set up, type-check, run every jest project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# a real Docker engine, an authenticated registry and the base image, for the image tests
bash scripts/test-env.sh
echo "test: type check"
npx tsc -p tsconfig.json --noEmit
echo "test: lint and format (scripts/check-style.sh)"
bash scripts/check-style.sh
echo "test: the committed GitHub Action and Azure DevOps task bundles equal a fresh build"
bash scripts/bundle.sh action --check
bash scripts/bundle.sh task --check
echo "test: jest"
# dist/ was just built by setup.sh
MODELSHIP_SKIP_BUILD=1 npx jest --ci --maxWorkers=2 "$@"
