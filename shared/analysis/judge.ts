import { DeploymentCounters, quantileMs } from './metrics';

/**
 * The judge: one verdict on one analysis window (the candidate's requests since its
 * step's weights were confirmed). "No data is not success": too few requests is
 * inconclusive, never pass.
 */
export interface AnalysisThresholds {
  minRequests: number;
  /** fraction of requests (0..1); a step fails when the error rate is above it */
  maxErrorRate: number;
  /** milliseconds; a step fails when the window's p99 is above it */
  maxLatencyP99?: number;
}

export type VerdictStatus = 'pass' | 'fail' | 'inconclusive';

export interface Verdict {
  status: VerdictStatus;
  requests: number;
  errors: number;
  /** errors / requests; 0 for an empty window */
  errorRate: number;
  p99Ms?: number;
  /** why the verdict is not pass, with the figures and the limits */
  reasons: string[];
}

export function judge(window: DeploymentCounters, thresholds: AnalysisThresholds): Verdict {
  const requests = window.requests;
  const errors = window.errors;
  const errorRate = requests > 0 ? errors / requests : 0;
  const p99Ms = quantileMs(window.latency, 0.99);
  const figures = { requests, errors, errorRate, p99Ms };
  if (!(requests >= thresholds.minRequests)) {
    return { status: 'inconclusive', ...figures, reasons: [`${requests} requests, need ${thresholds.minRequests}`] };
  }
  const reasons: string[] = [];
  if (errorRate > thresholds.maxErrorRate) {
    const [rate, limit] = formatPercentPair(errorRate, thresholds.maxErrorRate);
    reasons.push(`error rate ${rate} > ${limit} (${errors} of ${requests} requests failed)`);
  }
  if (thresholds.maxLatencyP99 !== undefined && p99Ms !== undefined && p99Ms > thresholds.maxLatencyP99) {
    reasons.push(`p99 latency ${formatMs(p99Ms)} > ${formatLimitMs(thresholds.maxLatencyP99)}`);
  }
  return { status: reasons.length ? 'fail' : 'pass', ...figures, reasons };
}

/** a fraction as a percentage with `digits` decimals: 0.2 -> "20.0%" */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/**
 * A figure and its limit as percentages with one decimal, or more when one decimal
 * would print them equal ("0.1% > 0.1%" helps nobody).
 */
export function formatPercentPair(value: number, limit: number): [string, string] {
  for (let digits = 1; digits < 4; digits++) {
    const pair: [string, string] = [formatPercent(value, digits), formatPercent(limit, digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [formatPercent(value, 4), formatPercent(limit, 4)];
}

/** a measured duration in milliseconds with one decimal: 12.34 -> "12.3ms" */
export function formatMs(ms: number): string {
  return `${ms.toFixed(1)}ms`;
}

/** a configured limit as written: 800 -> "800ms", 12.5 -> "12.5ms" */
export function formatLimitMs(ms: number): string {
  return Number.isInteger(ms) ? `${ms}ms` : formatMs(ms);
}

/** a p-value for people: `= 0.0123`, `= 3.4e-7`, or `< 1e-16` where double precision runs out */
export function formatP(p: number): string {
  if (p < 1e-16) return '< 1e-16';
  return p >= 1e-3 ? `= ${Number(p.toPrecision(3))}` : `= ${p.toExponential(1)}`;
}
