import { ArmClient, ArmRequestError } from '../../azure/arm-client';
import { DeploymentCounters, MetricsSnapshot, MetricsSource, bucketIndex, emptyCounters } from '../../analysis/metrics';
import { StageError } from '../../errors';

/**
 * The requests, errors and latency of an online endpoint's deployments from Azure Monitor
 * (Metrics - List, api-version 2023-10-01): `RequestsPerMinute` split by deployment and
 * status code, and `RequestLatency_P50/_P90/_P95/_P99` split by deployment.
 *
 * Azure Monitor publishes one figure per minute (the grain is read from each answer's
 * `interval`) some minutes after the minute ends. A snapshot therefore counts only the
 * minutes that started after this source was created and ended at least `ingestionDelayMs`
 * ago; a minute with no data point counts zero requests, so a step whose minutes have not
 * been published yet is inconclusive, never a pass. The analysis window of a step lags the
 * step by the ingestion delay; the docs say how long a step must bake for that.
 *
 * Errors are answers with status 5xx, 408 (the request timed out) and 424 (Azure ML's
 * answer when the model's container answered with an error). Latency: Azure Monitor
 * publishes percentiles per minute, not a histogram; each minute's requests are spread over
 * its published percentiles (50% at p50, 40% at p90, 5% at p95, 5% at p99), so the window's
 * p99 is close to the worst minute's p99.
 *
 * The snapshot carries the probe traffic modelship itself sent (`fast`): it is measured at
 * once, so a candidate that fails its probes fails the step before Azure Monitor has a minute.
 */
export const MONITOR_API_VERSION = '2023-10-01';

const LATENCY_SHARES: ReadonlyArray<[metric: string, share: number]> = [
  ['RequestLatency_P50', 0.5],
  ['RequestLatency_P90', 0.4],
  ['RequestLatency_P95', 0.05],
  ['RequestLatency_P99', 0.05],
];

export interface AzureMonitorMetricsOptions {
  /** an ArmClient for MONITOR_API_VERSION */
  arm: Pick<ArmClient, 'get'>;
  /** the ARM id of an endpoint */
  endpointId: (endpoint: string) => string;
  ingestionDelayMs: number;
  /** the probe traffic this run sent (the fast signal) */
  probe: MetricsSource;
  now?: () => number;
}

interface MetricValue {
  name?: { value?: string };
  timeseries?: Array<{
    metadatavalues?: Array<{ name?: { value?: string }; value?: string }>;
    data?: Array<{ timeStamp?: string; total?: number; average?: number }>;
  }>;
}

interface MetricsAnswer {
  interval?: string;
  value?: MetricValue[];
}

export class AzureMonitorMetrics implements MetricsSource {
  private readonly now: () => number;
  /** minutes before this are not counted: they belong to earlier runs */
  private readonly origin: number;

  constructor(private readonly options: AzureMonitorMetricsOptions) {
    this.now = options.now ?? Date.now;
    this.origin = this.now();
  }

  async snapshot(endpoint: string): Promise<MetricsSnapshot> {
    const at = this.now();
    const fast = (await this.options.probe.snapshot(endpoint)).deployments;
    const deployments: Record<string, DeploymentCounters> = {};
    if (at > this.origin) {
      const timespan = `${new Date(this.origin - 60_000).toISOString()}/${new Date(at).toISOString()}`;
      const requests = await this.query(endpoint, {
        metricnames: 'RequestsPerMinute',
        aggregation: 'Total',
        $filter: "deployment eq '*' and statusCode eq '*'",
        timespan,
      });
      const latency = await this.query(endpoint, {
        metricnames: LATENCY_SHARES.map(([metric]) => metric).join(','),
        aggregation: 'Average',
        $filter: "deployment eq '*'",
        timespan,
      });
      const perMinute = this.countRequests(requests, at, deployments);
      this.spreadLatency(latency, at, perMinute, deployments);
    }
    return { epoch: `azure-monitor@${this.origin}`, at, deployments, fast };
  }

  private async query(endpoint: string, query: Record<string, string>): Promise<MetricsAnswer> {
    const doing = `reading Azure Monitor metrics (${query.metricnames}) of online endpoint ${endpoint}`;
    try {
      return await this.options.arm.get<MetricsAnswer>(`${this.options.endpointId(endpoint)}/providers/Microsoft.Insights/metrics`, doing, {
        ...query,
        interval: 'PT1M',
        top: '100',
      });
    } catch (err: unknown) {
      if (err instanceof ArmRequestError && err.info.status === 403)
        throw new StageError(
          doing,
          `Azure Resource Manager answered 403 ${err.info.code}: ${err.info.message}`,
          'a role with Microsoft.Insights/metrics/read on the endpoint (Monitoring Reader), or target.azureml.metrics.source: probe',
        );
      throw err;
    }
  }

  /** counts requests and errors per deployment; answers the requests per deployment and minute, for latency */
  private countRequests(answer: MetricsAnswer, at: number, into: Record<string, DeploymentCounters>): Map<string, number> {
    const grain = grainMs(answer.interval);
    const perMinute = new Map<string, number>();
    for (const metric of answer.value ?? []) {
      if (metric.name?.value !== 'RequestsPerMinute') continue;
      for (const series of metric.timeseries ?? []) {
        const deployment = dimension(series.metadatavalues, 'deployment');
        const status = Number(dimension(series.metadatavalues, 'statusCode'));
        if (!deployment) continue;
        for (const point of series.data ?? []) {
          if (!this.counted(point.timeStamp, grain, at) || typeof point.total !== 'number' || point.total <= 0) continue;
          const counters = (into[deployment] ??= emptyCounters());
          counters.requests += point.total;
          if (status >= 500 || status === 408 || status === 424) counters.errors += point.total;
          const key = `${deployment}@${point.timeStamp}`;
          perMinute.set(key, (perMinute.get(key) ?? 0) + point.total);
        }
      }
    }
    return perMinute;
  }

  private spreadLatency(answer: MetricsAnswer, at: number, perMinute: Map<string, number>, into: Record<string, DeploymentCounters>): void {
    const grain = grainMs(answer.interval);
    for (const metric of answer.value ?? []) {
      const share = LATENCY_SHARES.find(([name]) => name === metric.name?.value)?.[1];
      if (share === undefined) continue;
      for (const series of metric.timeseries ?? []) {
        const deployment = dimension(series.metadatavalues, 'deployment');
        if (!deployment) continue;
        for (const point of series.data ?? []) {
          if (!this.counted(point.timeStamp, grain, at) || typeof point.average !== 'number') continue;
          const requests = perMinute.get(`${deployment}@${point.timeStamp}`) ?? 0;
          if (requests <= 0) continue;
          const counters = (into[deployment] ??= emptyCounters());
          counters.latency[bucketIndex(point.average)] += requests * share;
        }
      }
    }
  }

  /** a minute that ended after the origin and is published (ended ingestionDelay ago) */
  private counted(timeStamp: string | undefined, grain: number, at: number): boolean {
    const start = Date.parse(timeStamp ?? '');
    return Number.isFinite(start) && start + grain > this.origin && start + grain + this.options.ingestionDelayMs <= at;
  }
}

function dimension(values: Array<{ name?: { value?: string }; value?: string }> | undefined, name: string): string | undefined {
  return values?.find((v) => v.name?.value?.toLowerCase() === name.toLowerCase())?.value;
}

/** an ISO 8601 duration of days, hours, minutes and seconds in milliseconds (PT1M -> 60000); a minute when absent */
export function grainMs(interval: string | undefined): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(interval ?? '');
  if (!match || !interval || interval === 'P' || interval.endsWith('T')) return 60_000;
  const [, days, hours, minutes, seconds] = match;
  const total = ((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60_000 + Number(seconds ?? 0) * 1000;
  return total > 0 ? total : 60_000;
}
