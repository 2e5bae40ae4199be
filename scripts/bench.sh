#!/usr/bin/env bash
# Benchmarks (not tests): each prints ratios against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
node dist/bench/router-overhead.js "$@"
echo
node dist/bench/rollback-reaction.js
echo
# the router against nginx (installed from the Debian packages when missing) and direct calls
node dist/bench/router-nginx.js
echo
# startup of the committed Action and task bundles against a bare `node -e 0`
node dist/bench/startup.js
echo
bash scripts/test-env.sh
node dist/bench/image-build.js
echo
# bundled, not compiled with tsc: the fake API server it runs loads ESM-only schema packages
node_modules/.bin/esbuild bench/kubernetes-routing.ts --bundle --platform=node --target=node20 --format=cjs --log-level=warning \
  --external:cpu-features '--external:*.node' --outfile=dist/bench-bundles/kubernetes-routing.js
node dist/bench-bundles/kubernetes-routing.js
