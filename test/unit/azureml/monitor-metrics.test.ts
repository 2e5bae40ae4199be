import { MetricsSnapshot, MetricsSource, diffCounters, emptyCounters, quantileMs, recordRequest } from '../../../shared/analysis/metrics';
import { AzureMonitorMetrics, grainMs } from '../../../shared/targets/azureml/monitor-metrics';

/**
 * The Azure Monitor metrics source in virtual time, over answers shaped as the Metrics - List
 * REST reference (api-version 2023-10-01) publishes them: which minutes count, when they
 * count, and what becomes of status codes and latency percentiles.
 */
const MINUTE = 60_000;
const T0 = Date.parse('2026-12-01T10:00:30.000Z');

interface Point {
  minute: number;
  deployment: string;
  status: number;
  requests: number;
  p50?: number;
  p99?: number;
}

/** a Metrics - List answer for the points published by `now` (each minute `delay` after it ends) */
function answer(points: Point[], now: number, delay: number, query: Record<string, string>) {
  const published = points.filter((p) => T0 - 30_000 + (p.minute + 1) * MINUTE + delay <= now);
  const stamp = (minute: number) => new Date(T0 - 30_000 + minute * MINUTE).toISOString();
  const names = query.metricnames.split(',');
  return {
    interval: 'PT1M',
    value: names.map((name) => {
      if (name === 'RequestsPerMinute') {
        const series = new Map<string, Point[]>();
        for (const p of published) series.set(`${p.deployment}|${p.status}`, [...(series.get(`${p.deployment}|${p.status}`) ?? []), p]);
        return {
          name: { value: name },
          timeseries: [...series.entries()].map(([key, list]) => ({
            metadatavalues: [
              { name: { value: 'deployment' }, value: key.split('|')[0] },
              { name: { value: 'statusCode' }, value: key.split('|')[1] },
            ],
            data: list.map((p) => ({ timeStamp: stamp(p.minute), total: p.requests })),
          })),
        };
      }
      const pick = name === 'RequestLatency_P50' ? 'p50' : name === 'RequestLatency_P99' ? 'p99' : undefined;
      const byDeployment = new Map<string, Point[]>();
      for (const p of published) byDeployment.set(p.deployment, [...(byDeployment.get(p.deployment) ?? []), p]);
      return {
        name: { value: name },
        timeseries: [...byDeployment.entries()].map(([deployment, list]) => ({
          metadatavalues: [{ name: { value: 'deployment' }, value: deployment }],
          // a minute with no figure is a data point with only its timeStamp
          data: list.map((p) =>
            pick && p[pick] !== undefined ? { timeStamp: stamp(p.minute), average: p[pick] } : { timeStamp: stamp(p.minute) },
          ),
        })),
      };
    }),
  };
}

function source(points: Point[], clock: { now: number }, delay: number, probe: MetricsSource) {
  const queries: Record<string, string>[] = [];
  const metrics = new AzureMonitorMetrics({
    arm: {
      get: <T>(_path: string, _doing: string, query: Record<string, string> = {}): Promise<T> => {
        queries.push(query);
        return Promise.resolve(answer(points, clock.now, delay, query) as T);
      },
    },
    endpointId: (endpoint) =>
      `/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/${endpoint}`,
    ingestionDelayMs: delay,
    probe,
    now: () => clock.now,
  });
  return { metrics, queries };
}

const noProbe: MetricsSource = { snapshot: () => Promise.resolve({ epoch: 'p', at: 0, deployments: {} }) };

describe('AzureMonitorMetrics', () => {
  it('counts a minute only once it is published, and nothing from before it was created', async () => {
    const clock = { now: T0 };
    const points: Point[] = [
      { minute: -3, deployment: 'green', status: 500, requests: 40 }, // an earlier run's
      { minute: 1, deployment: 'green', status: 200, requests: 30 },
      { minute: 1, deployment: 'green', status: 500, requests: 2 },
      { minute: 1, deployment: 'green', status: 424, requests: 1 },
      { minute: 1, deployment: 'blue', status: 200, requests: 300 },
      { minute: 2, deployment: 'green', status: 408, requests: 1 },
      { minute: 2, deployment: 'green', status: 404, requests: 4 },
    ];
    const { metrics } = source(points, clock, 3 * MINUTE, noProbe);
    const start = await metrics.snapshot('diabetes');
    clock.now = T0 + 3 * MINUTE;
    // minute 1 ends at T0 + 90 s: not published before T0 + 4.5 min
    expect((await metrics.snapshot('diabetes')).deployments.green).toBeUndefined();
    clock.now = T0 + 5 * MINUTE;
    const later = await metrics.snapshot('diabetes');
    expect(diffCounters(later.deployments.green, start.deployments.green)).toMatchObject({ requests: 33, errors: 3 });
    clock.now = T0 + 6 * MINUTE;
    const last = await metrics.snapshot('diabetes');
    // 408 (timed out) is an error, 404 (the client's mistake) is not
    expect(diffCounters(last.deployments.green, later.deployments.green)).toMatchObject({ requests: 5, errors: 1 });
    expect(last.deployments.blue).toMatchObject({ requests: 300, errors: 0 });
    expect(last.epoch).toBe(start.epoch);
  });

  it("spreads each minute's requests over its published percentiles", async () => {
    const clock = { now: T0 };
    const points: Point[] = [
      { minute: 1, deployment: 'green', status: 200, requests: 100, p50: 20, p99: 400 },
      { minute: 2, deployment: 'green', status: 200, requests: 100, p50: 25, p99: 900 },
    ];
    const { metrics, queries } = source(points, clock, 0, noProbe);
    await metrics.snapshot('diabetes');
    clock.now = T0 + 4 * MINUTE;
    const snap = await metrics.snapshot('diabetes');
    const latency = snap.deployments.green.latency;
    // only p50 and p99 published here: their shares (50% and 5%) of the 200 requests
    expect(latency.reduce((a, b) => a + b, 0)).toBeCloseTo(110, 6);
    expect(quantileMs(latency, 0.5)).toBeLessThan(30);
    expect(quantileMs(latency, 0.99)).toBeGreaterThan(700);
    // what is asked: both metrics at the one-minute grain, split by deployment (and status code for requests)
    expect(queries.slice(-2)).toEqual([
      expect.objectContaining({
        metricnames: 'RequestsPerMinute',
        aggregation: 'Total',
        interval: 'PT1M',
        $filter: "deployment eq '*' and statusCode eq '*'",
      }),
      expect.objectContaining({
        metricnames: 'RequestLatency_P50,RequestLatency_P90,RequestLatency_P95,RequestLatency_P99',
        aggregation: 'Average',
        $filter: "deployment eq '*'",
      }),
    ]);
  });

  it('carries the probe traffic as the fast signal', async () => {
    const counters = emptyCounters();
    recordRequest(counters, 12, true);
    const probe: MetricsSource = {
      snapshot: (): Promise<MetricsSnapshot> => Promise.resolve({ epoch: 'probe', at: 0, deployments: { green: counters } }),
    };
    const { metrics } = source([], { now: T0 }, 0, probe);
    expect((await metrics.snapshot('diabetes')).fast).toEqual({ green: counters });
  });

  it('reads the grain an answer states', () => {
    expect(grainMs('PT1M')).toBe(60_000);
    expect(grainMs('PT1S')).toBe(1000);
    expect(grainMs('PT5M')).toBe(300_000);
    expect(grainMs('PT1H')).toBe(3_600_000);
    expect(grainMs('P1D')).toBe(86_400_000);
    expect(grainMs(undefined)).toBe(60_000);
    expect(grainMs('garbage')).toBe(60_000);
  });
});
