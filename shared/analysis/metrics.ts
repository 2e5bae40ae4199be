/**
 * Request metrics per deployment, as cumulative counters (like Prometheus): the
 * analysis takes the difference of two snapshots to get a window.
 */
export const LATENCY_BUCKETS_MS: readonly number[] = buildBuckets();

function buildBuckets(): number[] {
  // log-spaced upper bounds from 0.25 ms to ~2 min, 25% apart: quantiles within ~12%
  const out: number[] = [];
  for (let bound = 0.25; bound < 120_000; bound *= 1.25) out.push(Math.round(bound * 1000) / 1000);
  return out;
}

export interface DeploymentCounters {
  requests: number;
  /** 5xx answers and connection failures */
  errors: number;
  /** counts per bucket of LATENCY_BUCKETS_MS, plus one overflow bucket at the end */
  latency: number[];
}

export interface MetricsSnapshot {
  /** changes when the source restarted and counters started again from zero */
  epoch: string;
  at: number;
  deployments: Record<string, DeploymentCounters>;
  /**
   * A second, faster signal when the main one lags (Azure Monitor publishes minutes late):
   * the probe requests modelship itself sent, counted as they are answered. A step fails
   * when either signal fails; only the main one can make it pass.
   */
  fast?: Record<string, DeploymentCounters>;
}

export interface MetricsSource {
  snapshot(endpoint: string): Promise<MetricsSnapshot>;
  /** what this source cannot see, said at the start of every rollout (e.g. only probe traffic) */
  readonly limitation?: string;
}

export function emptyCounters(): DeploymentCounters {
  return { requests: 0, errors: 0, latency: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0) };
}

export function bucketIndex(ms: number): number {
  // binary search for the first bound >= ms
  let lo = 0;
  let hi = LATENCY_BUCKETS_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (LATENCY_BUCKETS_MS[mid] >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function recordRequest(counters: DeploymentCounters, latencyMs: number, failed: boolean): void {
  counters.requests += 1;
  if (failed) counters.errors += 1;
  counters.latency[bucketIndex(latencyMs)] += 1;
}

/** counters in `later` minus counters in `earlier` (a deployment missing earlier counts from zero) */
export function diffCounters(later: DeploymentCounters | undefined, earlier: DeploymentCounters | undefined): DeploymentCounters {
  const out = emptyCounters();
  if (!later) return out;
  out.requests = later.requests - (earlier?.requests ?? 0);
  out.errors = later.errors - (earlier?.errors ?? 0);
  for (let i = 0; i < out.latency.length; i++) out.latency[i] = (later.latency[i] ?? 0) - (earlier?.latency[i] ?? 0);
  return out;
}

/** the `quantile` (0..1, 0.99 for p99) of a latency histogram, interpolated within its bucket; undefined if empty */
export function quantileMs(latency: readonly number[], quantile: number): number | undefined {
  const total = latency.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const rank = quantile * total;
  let seen = 0;
  for (let i = 0; i < latency.length; i++) {
    const count = latency[i];
    if (count === 0) continue;
    if (seen + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1];
      const upper = i < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[i] : lower * 1.25;
      return lower + ((rank - seen) / count) * (upper - lower);
    }
    seen += count;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1];
}
