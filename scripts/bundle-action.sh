#!/usr/bin/env bash
# Bundles the GitHub Action into actions/modelship/dist/: one self-contained file per
# process entry (main.js, post.js, and endpoint-host.js, which the local target starts as
# a detached process), the Python scoring server the process runtime runs, and the marker
# that tells shared/paths.ts to look beside the bundle for both.
#   scripts/bundle-action.sh           write actions/modelship/dist/
#   scripts/bundle-action.sh --check   build into a temp folder; fail if it differs from the committed dist/
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=actions/modelship/dist
mode=${1:-write}
case "$mode" in
  write) out=$DIST ;;
  --check) out=$(mktemp -d); trap 'rm -rf "$out"' EXIT ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

esbuild=node_modules/.bin/esbuild
# Node 20 is the oldest runtime we support; the action itself runs on node24.
# Native add-ons of dockerode's ssh transport (ssh2's sshcrypto, cpu-features) are optional:
# their requires sit in try/catch and fall back to JavaScript, so they stay outside.
common=(--bundle --platform=node --target=node20 --format=cjs --log-level=warning
  --external:cpu-features '--external:*.node' --legal-comments=none --charset=utf8)

if [ "$mode" = write ]; then rm -rf "$DIST"; fi
mkdir -p "$out"
# endpoint-host.ts starts itself when it is the process entry (require.main === module);
# inside main.js it is only a library, so require.main must not match there.
"$esbuild" actions/modelship/src/main.ts actions/modelship/src/post.ts "${common[@]}" --define:require.main=undefined --outdir="$out"
"$esbuild" shared/targets/local/endpoint-host.ts "${common[@]}" --outfile="$out/endpoint-host.js"
cp shared/serve/score_server.py "$out/score_server.py"
cat > "$out/modelship-bundle.json" <<JSON
{
  "about": "modelship GitHub Action bundle: built by scripts/bundle-action.sh; shared/paths.ts finds endpoint-host.js and score_server.py beside this file",
  "entries": ["main.js", "post.js", "endpoint-host.js"],
  "assets": ["score_server.py"]
}
JSON

if [ "$mode" = --check ]; then
  if ! diff -r -q "$DIST" "$out" >/dev/null 2>&1; then
    diff -r -q "$DIST" "$out" || true
    echo "check:action-dist: $DIST differs from a fresh build: run \`npm run bundle:action\` and commit $DIST" >&2
    exit 1
  fi
  echo "check:action-dist: $DIST matches a fresh build"
else
  ls -l "$DIST"
fi
