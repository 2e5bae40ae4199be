#!/usr/bin/env bash
# Benchmarks (not tests): each prints ratios against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
node dist/bench/router-overhead.js "$@"
echo
node dist/bench/rollback-reaction.js
echo
bash scripts/test-env.sh
node dist/bench/image-build.js
