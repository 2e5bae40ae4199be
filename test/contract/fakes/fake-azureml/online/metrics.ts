import type { ScoringRequestRecord } from './data-plane';
import { durationMs, msToIso } from './util';

/**
 * A FAKE Azure Monitor metrics API (Metrics - List, api-version 2023-10-01,
 * specification/monitor/resource-manager/Microsoft.Insights/stable/2023-10-01/metrics_API.json) for
 * one resource type, Microsoft.MachineLearningServices/workspaces/onlineEndpoints, computed from the
 * fake data plane's request log. Metrics, units and dimensions follow "Supported metrics for
 * Microsoft.MachineLearningServices/workspaces/onlineEndpoints".
 *
 * Time is scaled: one minute of Azure Monitor is `grainMs` of the fake (default 60000, so real
 * minutes); `interval=PT5M` means 5 x grainMs buckets, and the answer's `interval` states the real
 * bucket length (e.g. PT1S). RequestsPerMinute counts the requests of each bucket. A bucket's values
 * appear `ingestionDelayMs` after it ends; until then, and when it has no request, its data point
 * carries only timeStamp (as Azure Monitor answers an empty bucket).
 */

export const METRIC_NAMESPACE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';

interface MetricDef {
  display: string;
  description: string;
  unit: 'Count' | 'Milliseconds';
  dims: string[];
  primary: Aggregation;
  value: (rs: ScoringRequestRecord[]) => number[] | undefined;
}

type Aggregation = 'Average' | 'Count' | 'Minimum' | 'Maximum' | 'Total';
const AGGREGATIONS: Aggregation[] = ['Average', 'Count', 'Minimum', 'Maximum', 'Total'];

function percentile(p: number) {
  return (rs: ScoringRequestRecord[]) => {
    if (rs.length === 0) return undefined;
    const sorted = rs.map((r) => r.latencyMs).sort((a, b) => a - b);
    return [sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]];
  };
}

const METRICS: Record<string, MetricDef> = {
  RequestsPerMinute: {
    display: 'Requests Per Minute',
    description: 'The number of requests sent to online endpoint within a minute',
    unit: 'Count',
    dims: ['deployment', 'statusCode', 'statusCodeClass', 'modelStatusCode'],
    primary: 'Average',
    value: (rs) => [rs.length],
  },
  RequestLatency: {
    display: 'Request Latency',
    description: 'The complete interval of time taken for a request to be responded',
    unit: 'Milliseconds',
    dims: ['deployment'],
    primary: 'Average',
    value: (rs) => (rs.length === 0 ? undefined : rs.map((r) => r.latencyMs)),
  },
  RequestLatency_P50: {
    display: 'Request Latency P50',
    description: 'P50 request latency',
    unit: 'Milliseconds',
    dims: ['deployment'],
    primary: 'Average',
    value: percentile(50),
  },
  RequestLatency_P90: {
    display: 'Request Latency P90',
    description: 'P90 request latency',
    unit: 'Milliseconds',
    dims: ['deployment'],
    primary: 'Average',
    value: percentile(90),
  },
  RequestLatency_P95: {
    display: 'Request Latency P95',
    description: 'P95 request latency',
    unit: 'Milliseconds',
    dims: ['deployment'],
    primary: 'Average',
    value: percentile(95),
  },
  RequestLatency_P99: {
    display: 'Request Latency P99',
    description: 'P99 request latency',
    unit: 'Milliseconds',
    dims: ['deployment'],
    primary: 'Average',
    value: percentile(99),
  },
};

/** Azure Monitor's error body: {code, message} at the top level (metrics_API.json ErrorResponse) */
export class MetricsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  body() {
    return { code: this.code, message: this.message };
  }
}

const bad = (message: string) => new MetricsError(400, 'BadRequest', message);

function dimValue(r: ScoringRequestRecord, dim: string): string {
  switch (dim) {
    case 'deployment':
      return r.deployment ?? '';
    case 'statusCode':
      return String(r.status);
    case 'statusCodeClass':
      return `${String(r.status)[0]}xx`;
    case 'modelStatusCode':
      return r.modelStatus === undefined ? '' : String(r.modelStatus);
    default:
      return '';
  }
}

interface FilterTerm {
  dim: string;
  values: string[]; // '*' = split
}

/** `deployment eq '*' and statusCodeClass eq '*'`, `deployment eq 'a' or deployment eq 'b'`, `(a eq 'x' or a eq 'y') and b eq '*'` */
function parseFilter(raw: string | undefined, allowed: string[]): FilterTerm[] {
  if (raw === undefined || raw.trim() === '') return [];
  const terms = new Map<string, FilterTerm>();
  for (const group of raw.split(/\s+and\s+/i)) {
    const inner = group.trim().replace(/^\((.*)\)$/, '$1');
    for (const clause of inner.split(/\s+or\s+/i)) {
      const m = /^\s*([A-Za-z][\w]*)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
      if (!m) throw bad(`The $filter '${raw}' is not valid: expected clauses of the form dimension eq 'value' joined by 'and' / 'or'.`);
      const dim = allowed.find((d) => d.toLowerCase() === m[1].toLowerCase());
      if (!dim) throw bad(`Dimension '${m[1]}' is not a dimension of this metric. Valid dimensions: ${allowed.join(', ') || '(none)'}.`);
      const t = terms.get(dim) ?? { dim, values: [] };
      t.values.push(m[2]);
      terms.set(dim, t);
    }
  }
  return [...terms.values()];
}

function parseTimespan(raw: string | undefined, now: number): { start: number; end: number } {
  if (raw === undefined) return { start: now - 3_600_000, end: now };
  const parts = raw.split('/');
  const time = (s: string) => {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  };
  const dur = (s: string) => {
    try {
      return durationMs(s);
    } catch {
      return undefined;
    }
  };
  let start: number | undefined;
  let end: number | undefined;
  if (parts.length === 1) {
    const d = dur(parts[0]);
    if (d !== undefined) [start, end] = [now - d, now];
  } else if (parts.length === 2) {
    const [a, b] = parts;
    if (time(a) !== undefined && time(b) !== undefined) [start, end] = [time(a), time(b)];
    else if (time(a) !== undefined && dur(b) !== undefined) [start, end] = [time(a), (time(a) as number) + (dur(b) as number)];
    else if (dur(a) !== undefined && time(b) !== undefined) [start, end] = [(time(b) as number) - (dur(a) as number), time(b)];
  }
  if (start === undefined || end === undefined || !(start < end))
    throw bad(
      `Invalid timespan '${raw}': expected 'startDateTime_ISO/endDateTime_ISO' (start before end), 'start/duration', 'duration/end' or a duration.`,
    );
  return { start, end };
}

export interface MetricsQuery {
  resourceId: string;
  region: string;
  query: Map<string, string[]>;
  requests: ScoringRequestRecord[];
  grainMs: number;
  ingestionDelayMs: number;
  now: number;
}

export function listMetrics(q: MetricsQuery): unknown {
  const one = (name: string) => {
    const v = q.query.get(name.toLowerCase());
    if (v && v.length > 1) throw bad(`The query parameter '${name}' is given ${v.length} times.`);
    return v?.[0];
  };
  const ns = one('metricnamespace');
  if (ns !== undefined && ns.toLowerCase() !== METRIC_NAMESPACE.toLowerCase())
    throw bad(`Metric namespace '${ns}' is not valid for this resource; use '${METRIC_NAMESPACE}'.`);
  const namesRaw = one('metricnames');
  if (namesRaw === undefined || namesRaw.trim() === '')
    throw bad('metricnames is required by this fake (Azure Monitor would answer the default metric).');
  const names = namesRaw.split(',').map((s) => s.trim());
  const defs = names.map((n) => {
    const key = Object.keys(METRICS).find((k) => k.toLowerCase() === n.toLowerCase());
    if (!key)
      throw bad(
        `Failed to find metric configuration for provider: Microsoft.MachineLearningServices, resource Type: workspaces/onlineEndpoints, metric: ${n}, Valid metrics: ${Object.keys(METRICS).join(',')}`,
      );
    return [key, METRICS[key]] as const;
  });
  const { start, end } = parseTimespan(one('timespan'), q.now);
  const intervalRaw = one('interval');
  let bucketMs = q.grainMs;
  if (intervalRaw !== undefined && intervalRaw.toUpperCase() !== 'FULL') {
    let ms: number;
    try {
      ms = durationMs(intervalRaw);
    } catch {
      throw bad(`Invalid interval '${intervalRaw}': expected an ISO 8601 duration such as PT1M, or FULL.`);
    }
    if (ms < 60_000 || ms % 60_000 !== 0) throw bad(`Invalid interval '${intervalRaw}': the smallest time grain of these metrics is PT1M.`);
    bucketMs = (ms / 60_000) * q.grainMs;
  } else if (intervalRaw !== undefined) {
    bucketMs = end - start;
  }
  const aggRaw = one('aggregation');
  const aggs: Aggregation[] | undefined = aggRaw?.split(',').map((a) => {
    const hit = AGGREGATIONS.find((x) => x.toLowerCase() === a.trim().toLowerCase());
    if (!hit) throw bad(`Invalid aggregation '${a}': valid aggregations are ${AGGREGATIONS.join(', ')}.`);
    return hit;
  });
  const topRaw = one('top');
  const top = topRaw === undefined ? 10 : Number(topRaw);
  if (!Number.isInteger(top) || top < 1) throw bad(`Invalid top '${topRaw}'.`);
  const filterRaw = one('$filter');
  const aligned = intervalRaw?.toUpperCase() === 'FULL' ? start : Math.floor(start / bucketMs) * bucketMs;
  const buckets: number[] = [];
  for (let t = aligned; t < end; t += bucketMs) buckets.push(t);
  if (buckets.length > 2000) throw bad('The timespan and interval ask for more than 2000 data points (fake limit).');
  const visibleUntil = q.now - q.ingestionDelayMs;

  const value = defs.map(([name, def]) => {
    const filter = parseFilter(filterRaw, def.dims);
    const wanted = aggs ?? [def.primary];
    const inRange = q.requests.filter((r) => r.atMs >= aligned && r.atMs < end && r.status !== 0);
    const matches = inRange.filter((r) => filter.every((t) => t.values.includes('*') || t.values.includes(dimValue(r, t.dim))));
    const splitDims = filter.filter((t) => t.values.includes('*')).map((t) => t.dim);
    const groups = new Map<string, ScoringRequestRecord[]>();
    if (splitDims.length === 0) groups.set('', matches);
    for (const r of splitDims.length ? matches : []) {
      const key = JSON.stringify(splitDims.map((d) => dimValue(r, d)));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const timeseries = [...groups.entries()].slice(0, splitDims.length ? top : undefined).map(([key, rs]) => {
      const dimValues: string[] = key ? (JSON.parse(key) as string[]) : [];
      // filtered (non-split) dimensions are reported as metadata too
      const meta = [
        ...splitDims.map((d, i) => ({ name: { value: d, localizedValue: d }, value: dimValues[i] })),
        ...filter
          .filter((t) => !t.values.includes('*') && t.values.length === 1)
          .map((t) => ({ name: { value: t.dim, localizedValue: t.dim }, value: t.values[0] })),
      ];
      const data = buckets.map((b) => {
        const point: Record<string, unknown> = { timeStamp: new Date(b).toISOString() };
        const bucketEnd = b + bucketMs;
        if (bucketEnd > visibleUntil) return point;
        const inBucket = rs.filter((r) => r.atMs >= b && r.atMs < bucketEnd);
        // RequestsPerMinute: one sample per fake minute; latencies: one sample per request
        let samples: number[] | undefined;
        if (name === 'RequestsPerMinute') {
          if (inBucket.length === 0) return point;
          const minutes = Math.max(1, Math.round(bucketMs / q.grainMs));
          samples = Array.from({ length: minutes }, (_, i) => {
            const from = b + i * q.grainMs;
            return inBucket.filter((r) => r.atMs >= from && r.atMs < from + q.grainMs).length;
          });
        } else samples = def.value(inBucket);
        if (!samples || samples.length === 0) return point;
        const total = samples.reduce((s, x) => s + x, 0);
        for (const a of wanted) {
          if (a === 'Total') point.total = total;
          if (a === 'Average') point.average = total / samples.length;
          if (a === 'Count') point.count = samples.length;
          if (a === 'Minimum') point.minimum = Math.min(...samples);
          if (a === 'Maximum') point.maximum = Math.max(...samples);
        }
        return point;
      });
      return { metadatavalues: meta, data };
    });
    return {
      id: `${q.resourceId}/providers/Microsoft.Insights/metrics/${name}`,
      type: 'Microsoft.Insights/metrics',
      name: { value: name, localizedValue: def.display },
      displayDescription: def.description,
      unit: def.unit,
      timeseries,
      errorCode: 'Success',
    };
  });
  return {
    cost: 0,
    timespan: `${new Date(start).toISOString()}/${new Date(end).toISOString()}`,
    interval: msToIso(bucketMs),
    value,
    namespace: METRIC_NAMESPACE,
    resourceregion: q.region,
  };
}
