import { LatencyUnit, PrometheusQueries } from '../../config/types';
import { DeploymentCounters, LATENCY_BUCKETS_MS, MetricsSnapshot, MetricsSource, bucketIndex, emptyCounters } from '../../analysis/metrics';
import { endpointNames } from './names';

/**
 * Analysis metrics from the Prometheus HTTP API (`/api/v1/query`): cumulative request and
 * error counters and a latency histogram per deployment, read with instant queries whose
 * placeholders name the deployment's Service. The queries return one series per scraped
 * instance (an ingress controller replica, a gateway pod); each series is followed on its
 * own, and one that goes down was restarted and counts from zero again, as rate() and
 * increase() treat counter resets. The engine diffs two snapshots of the running totals,
 * so a restarted ingress replica never makes a failing version look healthy.
 */
export interface PrometheusOptions {
  url: string;
  queries: PrometheusQueries;
  /** unit of the `le` label of the latency buckets */
  latencyUnit: LatencyUnit;
  namespace: string;
  /** the deployments of an endpoint (from the target) */
  deployments: (endpoint: string) => Promise<string[]>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

interface QueryAnswer {
  status: 'success' | 'error';
  data?: { resultType: string; result: VectorSample[] };
  error?: string;
  errorType?: string;
}

export class PrometheusMetrics implements MetricsSource {
  /** the last value of every series seen, by query kind, deployment and labels */
  private readonly last = new Map<string, number>();
  /** running totals per series key, reset-corrected */
  private readonly totals = new Map<string, number>();

  constructor(private readonly options: PrometheusOptions) {}

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    const names = await this.options.deployments(endpoint);
    const deployments: Record<string, DeploymentCounters> = {};
    for (const name of names) deployments[name] = await this.counters(endpoint, name);
    // resets are handled per series above: one epoch for the life of this source
    return { epoch: `prometheus ${this.options.url}`, at: Date.now(), deployments };
  }

  private async counters(endpoint: string, deployment: string): Promise<DeploymentCounters> {
    const vars = {
      namespace: this.options.namespace,
      service: endpointNames(endpoint).deployment(deployment),
      ingress: endpointNames(endpoint).route,
    };
    const counters = emptyCounters();
    const scope = `${endpoint}\u0000${deployment}`;
    counters.requests = Math.round(sumOf(this.follow(`requests ${scope}`, await this.query(fill(this.options.queries.requests, vars)))));
    counters.errors = Math.round(sumOf(this.follow(`errors ${scope}`, await this.query(fill(this.options.queries.errors, vars)))));
    const buckets = this.follow(`latency ${scope}`, await this.query(fill(this.options.queries.latencyBuckets, vars)));
    counters.latency = histogram(buckets, this.options.latencyUnit === 'milliseconds' ? 1 : 1000);
    return counters;
  }

  /** each sample's value replaced by its series' reset-corrected running total */
  private follow(kind: string, samples: VectorSample[]): VectorSample[] {
    return samples.map((sample) => {
      const key = `${kind}\u0000${seriesKey(sample.metric)}`;
      const value = Number(sample.value[1]) || 0;
      const previous = this.last.get(key);
      // a lower value: the instance restarted and its counter started again from zero
      const increase = previous === undefined ? value : value >= previous ? value - previous : value;
      this.last.set(key, value);
      const total = (this.totals.get(key) ?? 0) + increase;
      this.totals.set(key, total);
      return { metric: sample.metric, value: [sample.value[0], String(total)] };
    });
  }

  private async query(promql: string): Promise<VectorSample[]> {
    const doFetch = this.options.fetch ?? fetch;
    const url = `${this.options.url}/api/v1/query?query=${encodeURIComponent(promql)}`;
    let res: Response;
    try {
      res = await doFetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    } catch (err: unknown) {
      throw new Error(
        `Prometheus at ${this.options.url} is unreachable: ${err instanceof Error ? err.message : String(err)} (check target.kubernetes.prometheus.url)`,
      );
    }
    const text = await res.text();
    let answer: QueryAnswer;
    try {
      answer = JSON.parse(text) as QueryAnswer;
    } catch {
      throw new Error(`Prometheus at ${this.options.url} answered ${res.status} with no JSON: ${text.slice(0, 200)}`);
    }
    if (answer.status !== 'success' || !answer.data)
      throw new Error(`Prometheus query failed (${answer.errorType ?? res.status}: ${answer.error ?? 'no data'}): ${promql}`);
    if (answer.data.resultType !== 'vector')
      throw new Error(`Prometheus query must return an instant vector, got ${answer.data.resultType}: ${promql}`);
    return answer.data.result;
  }
}

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(namespace|service|ingress)\}/g, (_, name: string) => vars[name]);
}

function sumOf(samples: VectorSample[]): number {
  return samples.reduce((a, s) => a + (Number(s.value[1]) || 0), 0);
}

/** the labels of a series, order-independent */
function seriesKey(metric: Record<string, string>): string {
  return JSON.stringify(Object.entries(metric).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Cumulative `le` buckets (of any number of series) → counts per LATENCY_BUCKETS_MS bucket:
 * series are summed per `le` first, then each bucket lands where its upper bound falls.
 * `msPerUnit`: 1000 when `le` is in seconds, 1 in milliseconds.
 */
export function histogram(samples: VectorSample[], msPerUnit = 1000): number[] {
  const out = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  const byLe = new Map<number, number>();
  for (const sample of samples) {
    const le = sample.metric.le === '+Inf' ? Infinity : Number(sample.metric.le);
    if (sample.metric.le === undefined || Number.isNaN(le)) continue;
    byLe.set(le, (byLe.get(le) ?? 0) + (Number(sample.value[1]) || 0));
  }
  const buckets = [...byLe.entries()].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
  let previous = 0;
  for (const bucket of buckets) {
    const count = Math.max(0, Math.round(bucket.count - previous));
    previous = Math.max(previous, bucket.count);
    if (count === 0) continue;
    out[bucket.le === Infinity ? out.length - 1 : bucketIndex(bucket.le * msPerUnit)] += count;
  }
  return out;
}
