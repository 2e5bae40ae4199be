#!/usr/bin/env bash
# Bundles a pipeline front end into its dist/ folder: the step's entries, endpoint-host.js
# (which the local target starts as a detached process), the Python scoring server the
# process runtime runs, and the marker that tells shared/paths.ts to look beside the bundle
# for both. The dist/ folders are committed: runners and agents run them as they are.
#   scripts/bundle.sh action|task           write actions/modelship/dist/ or tasks/ModelshipV1/dist/
#   scripts/bundle.sh action|task --check   build into a temp folder; fail if it differs from the committed dist/
#
# Startup: a step must not parse what its config does not use (the Kubernetes client, Azure
# identity, dockerode, Octokit: 12 MB in one file took ~6x a bare `node -e 0` to fail on a
# wrong input). esbuild keeps an `await import()` as a separate file only when it splits
# code, and it splits only ES modules, so the step's entries are built as ES modules
# (`<entry>.mjs`) with split chunks beside them; each adapter lands in a chunk of its own
# that is read when the config names it.
#
# What the runner starts stays a CommonJS `<entry>.js` (action.yml runs.main/runs.post and
# task.json execution.*.target are unchanged): a shim of a few lines that import()s the ES
# module. Why a shim rather than pointing action.yml/task.json at the .mjs: a host that
# require()s or wraps its target instead of running `node <target>` would get
# ERR_REQUIRE_ESM from a .mjs on Node 20 before 20.19, while a CommonJS file loads
# either way; the entry paths that runners, agents, docs and tests know keep working; and
# a module that cannot load (a chunk missing from a hand-copied dist/) still fails the
# step in the host's own format. The shim costs one small file read.
#
# Chunks sit in dist/ itself, not in a subfolder: bundled code sees its own file's folder as
# __dirname, and shared/paths.ts finds endpoint-host.js and score_server.py through the
# marker in that folder, whichever chunk it lands in.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  action) DIST=actions/modelship/dist; ENTRIES=(actions/modelship/src/main.ts actions/modelship/src/post.ts); ABOUT='GitHub Action'; HOST=runner; FIX='npm run bundle:action' ;;
  task) DIST=tasks/ModelshipV1/dist; ENTRIES=(tasks/ModelshipV1/src/main.ts); ABOUT='Azure Pipelines task'; HOST=agent; FIX='npm run bundle:task' ;;
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
common=(--bundle --platform=node --target=node20 --log-level=warning
  --external:cpu-features '--external:*.node' --legal-comments=none --charset=utf8)
# Bundled CommonJS dependencies call require() for Node's built-ins and read __filename and
# __dirname; an ES module has none of the three, so every output file defines them. esbuild
# renames a bundled module's own top-level `require` (it keeps the name for its require
# helper), but not a top-level `__dirname` (`open` declares one): the banner gives those two
# names of their own, and --define points the dependencies' free references at them.
esm_banner='import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);'
esm_globals=(--define:__filename=__msFilename --define:__dirname=__msDirname)

if [ "$mode" = write ]; then rm -rf "$DIST"; fi
mkdir -p "$out"
"$esbuild" "${ENTRIES[@]}" "${common[@]}" --format=esm --splitting --out-extension:.js=.mjs --chunk-names='[name]-[hash]' \
  --banner:js="$esm_banner" "${esm_globals[@]}" --outdir="$out"
"$esbuild" src/endpoint-host/endpoint-host.ts "${common[@]}" --format=cjs --outfile="$out/endpoint-host.js"
cp shared/serve/score_server.py "$out/score_server.py"

for e in "${ENTRIES[@]}"; do
  name=$(basename "${e%.ts}")
  # how the shim fails when the module cannot load: a workflow command or a logging command
  case "$1" in
    action) report="process.stdout.write(\`::error::modelship: cannot load ${name}.mjs: \${message}\\n\`);" ;;
    task) report="process.stdout.write(\`##vso[task.issue type=error;]modelship: cannot load ${name}.mjs: \${message}\\n##vso[task.complete result=Failed;]modelship: cannot load ${name}.mjs\\n\`);" ;;
  esac
  cat > "$out/$name.js" <<JS
// modelship $ABOUT: the $HOST starts this file; the step is the ES module ${name}.mjs beside it (scripts/bundle.sh says why).
import('./${name}.mjs').catch((err) => {
  const message = String((err && err.stack) || err).replace(/\\r?\\n/g, ' ');
  ${report}
  process.exitCode = 1;
});
JS
done

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
