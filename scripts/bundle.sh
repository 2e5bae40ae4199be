#!/usr/bin/env bash
# Bundles a pipeline front end into its dist/ folder: one self-contained file per process
# entry (the step's entries, and endpoint-host.js, which the local target starts as a
# detached process), the Python scoring server the process runtime runs, and the marker
# that tells shared/paths.ts to look beside the bundle for both. The dist/ folders are
# committed: runners and agents run them as they are.
#   scripts/bundle.sh action|task           write actions/modelship/dist/ or tasks/ModelshipV1/dist/
#   scripts/bundle.sh action|task --check   build into a temp folder; fail if it differs from the committed dist/
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  action) DIST=actions/modelship/dist; ENTRIES=(actions/modelship/src/main.ts actions/modelship/src/post.ts); ABOUT='GitHub Action'; FIX='npm run bundle:action' ;;
  task) DIST=tasks/ModelshipV1/dist; ENTRIES=(tasks/ModelshipV1/src/main.ts); ABOUT='Azure Pipelines task'; FIX='npm run bundle:task' ;;
  *) echo "usage: $0 action|task [--check]" >&2; exit 2 ;;
esac
mode=${2:-write}
case "$mode" in
  write) out=$DIST ;;
  --check) out=$(mktemp -d); trap 'rm -rf "$out"' EXIT ;;
  *) echo "usage: $0 action|task [--check]" >&2; exit 2 ;;
esac

esbuild=node_modules/.bin/esbuild
# Node 20 is the oldest runtime we support (the task's Node20_1 handler); node24 runs it too.
# Native add-ons of dockerode's ssh transport (ssh2's sshcrypto, cpu-features) are optional:
# their requires sit in try/catch and fall back to JavaScript, so they stay outside.
common=(--bundle --platform=node --target=node20 --format=cjs --log-level=warning
  --external:cpu-features '--external:*.node' --legal-comments=none --charset=utf8)

if [ "$mode" = write ]; then rm -rf "$DIST"; fi
mkdir -p "$out"
"$esbuild" "${ENTRIES[@]}" "${common[@]}" --outdir="$out"
"$esbuild" src/endpoint-host/endpoint-host.ts "${common[@]}" --outfile="$out/endpoint-host.js"
cp shared/serve/score_server.py "$out/score_server.py"
names=$(for e in "${ENTRIES[@]}"; do printf '"%s", ' "$(basename "${e%.ts}").js"; done)
cat > "$out/modelship-bundle.json" <<JSON
{
  "about": "modelship $ABOUT bundle: built by scripts/bundle.sh; shared/paths.ts finds endpoint-host.js and score_server.py beside this file",
  "entries": [${names}"endpoint-host.js"],
  "assets": ["score_server.py"]
}
JSON

if [ "$mode" = --check ]; then
  if ! diff -r -q "$DIST" "$out" >/dev/null 2>&1; then
    diff -r -q "$DIST" "$out" || true
    echo "bundle: $DIST differs from a fresh build: run \`$FIX\` and commit $DIST" >&2
    exit 1
  fi
  echo "bundle: $DIST matches a fresh build"
else
  ls -l "$DIST"
fi
