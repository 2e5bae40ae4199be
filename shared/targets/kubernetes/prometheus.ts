import { PrometheusQueries } from '../../config/types';
import { DeploymentCounters, LATENCY_BUCKETS_MS, MetricsSnapshot, MetricsSource, bucketIndex, emptyCounters } from '../../analysis/metrics';
import { endpointNames } from './names';

/**
 * Analysis metrics from the Prometheus HTTP API (`/api/v1/query`): cumulative request
 * and error counters and a latency histogram per deployment, read with instant queries
 * whose placeholders name the deployment's Service. The engine diffs two snapshots, as
 * it does with the local router's counters.
 */
export interface PrometheusOptions {
  url: string;
  queries: PrometheusQueries;
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
  constructor(private readonly options: PrometheusOptions) {}

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    const names = await this.options.deployments(endpoint);
    const deployments: Record<string, DeploymentCounters> = {};
    for (const name of names) deployments[name] = await this.counters(endpoint, name);
    // Prometheus keeps counters across restarts of the pods it scrapes (rate() handles resets): one epoch
    return { epoch: `prometheus ${this.options.url}`, at: Date.now(), deployments };
  }

  private async counters(endpoint: string, deployment: string): Promise<DeploymentCounters> {
    const vars = {
      namespace: this.options.namespace,
      service: endpointNames(endpoint).deployment(deployment),
      ingress: endpointNames(endpoint).route,
    };
    const counters = emptyCounters();
    counters.requests = sumOf(await this.query(fill(this.options.queries.requests, vars)));
    counters.errors = sumOf(await this.query(fill(this.options.queries.errors, vars)));
    counters.latency = histogram(await this.query(fill(this.options.queries.latencyBuckets, vars)));
    return counters;
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
  return Math.round(samples.reduce((a, s) => a + (Number(s.value[1]) || 0), 0));
}

/** cumulative `le` buckets in seconds → counts per LATENCY_BUCKETS_MS bucket (each Prometheus bucket lands where its upper bound falls) */
export function histogram(samples: VectorSample[]): number[] {
  const out = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  const buckets = samples
    .map((s) => ({ le: s.metric.le === '+Inf' ? Infinity : Number(s.metric.le), count: Number(s.value[1]) || 0 }))
    .filter((b) => !Number.isNaN(b.le))
    .sort((a, b) => a.le - b.le);
  let previous = 0;
  for (const bucket of buckets) {
    const count = Math.max(0, Math.round(bucket.count - previous));
    previous = Math.max(previous, bucket.count);
    if (count === 0) continue;
    out[bucket.le === Infinity ? out.length - 1 : bucketIndex(bucket.le * 1000)] += count;
  }
  return out;
}
