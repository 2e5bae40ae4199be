#!/usr/bin/env bash
# The main job of the README (`npm run demo`): the whole modelship story on this machine.
#   1. register v1 of the example model and ship it (staging, smoke, first production deployment)
#   2. under live load (100 requests/s), register a good v2 and roll it out to 100%
#   3. register a bad v3 (it fails on 20% of real inputs, not on the smoke input) and watch
#      the canary analysis roll it back automatically
#   4. register a wrong v4 (HTTP 200, normal latency, right on the smoke patients, wrong
#      numbers for one patient in five) and watch the shadow step remove it before any
#      client gets one of its answers (modelship.shadow.yaml)
# It ends by printing the rollout summary and the load's per-deployment counts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2

EX=workflows-examples/local
CFG=$EX/modelship.yaml
OUT=${MODELSHIP_DEMO_OUT:-$(mktemp -d /tmp/modelship-demo.XXXXXX)}
ms() { node bin/modelship.js "$@"; }

say() { printf '\n\033[1m### %s\033[0m\n' "$*" >&2; }

# start from nothing: a previous demo's endpoints, registry and state are removed
ms down -c "$CFG" >/dev/null 2>&1 || true
rm -rf "$EX/registry" "$EX/.modelship"
LOAD=
trap '[ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null; ms down -c "$CFG" >/dev/null 2>&1 || true' EXIT

say "v1: register and ship the first version"
ms model register -c "$CFG" --path "$EX/models/v1" --tag stage=approved --description "first model" >/dev/null
ms run -c "$CFG" --summary "$OUT/v1.md" >/dev/null

say "live load: 100 requests/s on the production endpoint for the rest of the demo"
# node directly (not the ms function): $! must be the load process itself, so TERM reaches it
node bin/modelship.js load -c "$CFG" --rate 100 --duration 5m --bodies "$EX/load/requests.jsonl" --json >"$OUT/load.json" 2>"$OUT/load.log" &
LOAD=$!

say "v2: a retrained model, rolled out step by step"
ms model register -c "$CFG" --path "$EX/models/v2" --tag stage=approved --description "retrained" >/dev/null
ms run -c "$CFG" --summary "$OUT/v2.md" --report "$OUT/v2.json" >/dev/null

say "v3: a bad model (fails on inputs with a non-positive feature 3); the canary catches it"
ms model register -c "$CFG" --path "$EX/models/v3" --tag stage=approved --description "bad feature transform" >/dev/null
set +e
ms run -c "$CFG" --summary "$OUT/v3.md" --report "$OUT/v3.json" >/dev/null
v3=$?
set -e

say "v4: HTTP-healthy but wrong (a copied cap cuts predictions at 250); the shadow step catches it"
ms model register -c "$CFG" --path "$EX/models/v4" --tag stage=approved --description "post-processing cap" >/dev/null
set +e
ms run -c "$EX/modelship.shadow.yaml" --summary "$OUT/v4.md" --report "$OUT/v4.json" >/dev/null
v4=$?
set -e

kill -TERM "$LOAD" 2>/dev/null || true
wait "$LOAD" || true
LOAD=

say "status"
ms status -c "$CFG"

say "summary of the v2 rollout"
cat "$OUT/v2.md"
say "summary of the v3 rollout"
cat "$OUT/v3.md"
say "summary of the v4 rollout"
cat "$OUT/v4.md"
say "live load during v2, v3 and v4"
node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`${s.sent} requests at ${s.rate.toFixed(0)}/s: ${s.ok} ok, ${s.failed} failed`);
for (const [d, c] of Object.entries(s.byDeployment)) console.log(`  ${d}: ${c.ok} ok, ${c.failed} failed`);
' "$OUT/load.json"
echo "reports and summaries: $OUT" >&2

if [ "$v3" -ne 1 ]; then
  echo "demo: expected the bad v3 to be rolled back (exit 1), got exit $v3" >&2
  exit 1
fi
if [ "$v4" -ne 1 ]; then
  echo "demo: expected the wrong v4 to be stopped by the shadow step (exit 1), got exit $v4" >&2
  exit 1
fi
echo "demo: v2 promoted, v3 rolled back automatically, v4 stopped in the shadow step" >&2
