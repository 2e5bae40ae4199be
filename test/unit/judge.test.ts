import { AnalysisThresholds, formatLimitMs, formatMs, formatPercentPair, judge } from '../../shared/analysis/judge';
import { DeploymentCounters, emptyCounters, recordRequest } from '../../shared/analysis/metrics';

/** a window of `requests` answers at `latencyMs`, the first `errors` of them failed */
function window(requests: number, errors: number, latencyMs = 10): DeploymentCounters {
  const c = emptyCounters();
  for (let i = 0; i < requests; i++) recordRequest(c, latencyMs, i < errors);
  return c;
}

const limits: AnalysisThresholds = { minRequests: 20, maxErrorRate: 0.01, maxLatencyP99: 800 };

describe('judge', () => {
  test('fewer than minRequests is inconclusive, never pass, even with no errors', () => {
    const v = judge(window(19, 0), limits);
    expect(v).toMatchObject({ status: 'inconclusive', requests: 19, errors: 0, errorRate: 0, reasons: ['19 requests, need 20'] });
  });

  test('exactly minRequests is judged', () => {
    expect(judge(window(20, 0), limits).status).toBe('pass');
  });

  test('an empty window is inconclusive with error rate 0 and no p99', () => {
    const v = judge(emptyCounters(), limits);
    expect(v).toEqual({ status: 'inconclusive', requests: 0, errors: 0, errorRate: 0, p99Ms: undefined, reasons: ['0 requests, need 20'] });
  });

  test('few requests that all failed are still inconclusive (the judge needs the sample)', () => {
    expect(judge(window(5, 5), limits).status).toBe('inconclusive');
  });

  test('an error rate of exactly maxErrorRate passes; above it fails, naming the figure and the limit', () => {
    const atLimit = judge(window(1000, 10), limits);
    expect(atLimit).toMatchObject({ status: 'pass', errorRate: 0.01, reasons: [] });
    const above = judge(window(1000, 11), limits);
    expect(above).toMatchObject({
      status: 'fail',
      errors: 11,
      errorRate: 0.011,
      reasons: ['error rate 1.1% > 1.0% (11 of 1000 requests failed)'],
    });
    expect(judge(window(100, 20), limits).reasons).toEqual(['error rate 20.0% > 1.0% (20 of 100 requests failed)']);
  });

  test('a p99 above maxLatencyP99 fails; at or below it passes; no limit, no latency check', () => {
    const slow = judge(window(100, 0, 1500), limits);
    expect(slow.status).toBe('fail');
    expect(slow.reasons).toHaveLength(1);
    expect(slow.reasons[0]).toMatch(/^p99 latency \d+\.\dms > 800ms$/);
    expect(slow.p99Ms).toBeGreaterThan(1200);
    const fast = judge(window(100, 0, 100), limits);
    expect(fast.status).toBe('pass');
    expect(fast.p99Ms).toBeLessThan(800);
    const p99 = fast.p99Ms ?? 0;
    expect(judge(window(100, 0, 100), { ...limits, maxLatencyP99: p99 }).status).toBe('pass');
    expect(judge(window(100, 0, 1500), { minRequests: 20, maxErrorRate: 0.01 }).status).toBe('pass');
  });

  test('both limits broken: both reasons', () => {
    const v = judge(window(100, 50, 5000), limits);
    expect(v.status).toBe('fail');
    expect(v.reasons.map((r) => r.split(' ')[0])).toEqual(['error', 'p99']);
  });

  test('minRequests 0 judges an empty window as pass', () => {
    expect(judge(emptyCounters(), { minRequests: 0, maxErrorRate: 0 }).status).toBe('pass');
  });
});

describe('formatting', () => {
  test('percent pairs get more decimals only when one would print them equal', () => {
    expect(formatPercentPair(0.2, 0.01)).toEqual(['20.0%', '1.0%']);
    expect(formatPercentPair(0.0012, 0.001)).toEqual(['0.12%', '0.10%']);
    expect(formatPercentPair(0.0010004, 0.001)).toEqual(['0.1000%', '0.1000%']);
  });

  test('durations in ms', () => {
    expect(formatMs(12.345)).toBe('12.3ms');
    expect(formatLimitMs(800)).toBe('800ms');
    expect(formatLimitMs(12.5)).toBe('12.5ms');
  });
});
