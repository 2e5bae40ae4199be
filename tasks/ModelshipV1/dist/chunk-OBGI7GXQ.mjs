import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/analysis/metrics.ts
function buildBuckets() {
  const out = [];
  for (let bound = 0.25; bound < 12e4; bound *= 1.25) out.push(Math.round(bound * 1e3) / 1e3);
  return out;
}
function emptyCounters() {
  return { requests: 0, errors: 0, latency: new Array(LATENCY_BUCKETS_MS.length + 1).fill(0) };
}
function bucketIndex(ms) {
  let lo = 0;
  let hi = LATENCY_BUCKETS_MS.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (LATENCY_BUCKETS_MS[mid] >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
function recordRequest(counters, latencyMs, failed) {
  counters.requests += 1;
  if (failed) counters.errors += 1;
  counters.latency[bucketIndex(latencyMs)] += 1;
}
function diffCounters(later, earlier) {
  const out = emptyCounters();
  if (!later) return out;
  out.requests = later.requests - (earlier?.requests ?? 0);
  out.errors = later.errors - (earlier?.errors ?? 0);
  for (let i = 0; i < out.latency.length; i++) out.latency[i] = (later.latency[i] ?? 0) - (earlier?.latency[i] ?? 0);
  return out;
}
function quantileMs(latency, quantile) {
  const total = latency.reduce((a, b) => a + b, 0);
  if (total === 0) return void 0;
  const rank = quantile * total;
  let seen = 0;
  for (let i = 0; i < latency.length; i++) {
    const count = latency[i];
    if (count === 0) continue;
    if (seen + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1];
      const upper = i < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[i] : lower * 1.25;
      return lower + (rank - seen) / count * (upper - lower);
    }
    seen += count;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1];
}
var LATENCY_BUCKETS_MS;
var init_metrics = __esm({
  "shared/analysis/metrics.ts"() {
    "use strict";
    LATENCY_BUCKETS_MS = buildBuckets();
  }
});

export {
  LATENCY_BUCKETS_MS,
  emptyCounters,
  bucketIndex,
  recordRequest,
  diffCounters,
  quantileMs,
  init_metrics
};
