import { DeploymentCounters, LATENCY_BUCKETS_MS, quantileMs } from './metrics';
import { mannWhitneyU, twoProportionTest } from './statistics';
import { formatMs, formatP, formatPercent } from './judge';

/**
 * The new deployment against the stable one in the same analysis window, in the manner of
 * Kayenta (Spinnaker's canary judge): each metric is compared with a statistical test and
 * classified pass / marginal / fail, and the comparison's verdict is the worst of them.
 * - error rate: two-proportion z-test, one-sided (is the new one's higher?);
 * - latency: Mann-Whitney U on the two windows' latency samples, one-sided (are the new
 *   one's slower?), together with the ratio of the medians, so that a tiny but
 *   significant difference over many requests is not a failure.
 * The thresholds of rollout.analysis stay the floor: this comparison only adds failures.
 */
export type BaselineVerdict = 'pass' | 'marginal' | 'fail' | 'inconclusive';

export interface BaselineComparison {
  verdict: BaselineVerdict;
  stableRequests: number;
  stableErrorRate: number;
  errorRate: number;
  /** one-sided p-value that the new one's error rate is higher */
  errorP: number;
  stableP50Ms?: number;
  p50Ms?: number;
  /** one-sided p-value that the new one's latency is higher */
  latencyP: number;
  /** why the verdict is not pass */
  reasons: string[];
}

/** p-values under this fail a metric, under MARGINAL_P make it marginal */
export const FAIL_P = 0.01;
export const MARGINAL_P = 0.05;
/** a latency difference smaller than this ratio of the medians never fails a step */
export const LATENCY_RATIO = 1.2;
/** samples per side taken from a histogram; larger windows are scaled down (conservative) */
const MAX_SAMPLES = 20_000;

export function compareWithBaseline(candidate: DeploymentCounters, stable: DeploymentCounters, minRequests: number): BaselineComparison {
  const errorRate = candidate.requests > 0 ? candidate.errors / candidate.requests : 0;
  const stableErrorRate = stable.requests > 0 ? stable.errors / stable.requests : 0;
  const base = {
    stableRequests: stable.requests,
    stableErrorRate,
    errorRate,
    stableP50Ms: quantileMs(stable.latency, 0.5),
    p50Ms: quantileMs(candidate.latency, 0.5),
  };
  if (stable.requests < minRequests || candidate.requests < minRequests)
    return {
      verdict: 'inconclusive',
      errorP: 1,
      latencyP: 1,
      reasons: [`stable served ${stable.requests} requests in the window, need ${minRequests}`],
      ...base,
    };

  const reasons: string[] = [];
  const verdicts: BaselineVerdict[] = [];
  const errors = twoProportionTest(candidate.errors, candidate.requests, stable.errors, stable.requests);
  const errorP = errors.pGreater;
  if (errorP < MARGINAL_P && errorRate > stableErrorRate) {
    verdicts.push(errorP < FAIL_P ? 'fail' : 'marginal');
    reasons.push(
      `error rate ${formatPercent(errorRate, 2)} vs stable ${formatPercent(stableErrorRate, 2)} (two-proportion test p ${formatP(errorP)})`,
    );
  }
  const latency = mannWhitneyU(samples(candidate.latency), samples(stable.latency));
  const latencyP = latency.pGreater;
  const ratio = base.p50Ms !== undefined && base.stableP50Ms !== undefined && base.stableP50Ms > 0 ? base.p50Ms / base.stableP50Ms : 1;
  if (latencyP < MARGINAL_P && ratio > 1) {
    verdicts.push(latencyP < FAIL_P && ratio >= LATENCY_RATIO ? 'fail' : 'marginal');
    reasons.push(
      `latency median ${formatMs(base.p50Ms ?? 0)} vs stable ${formatMs(base.stableP50Ms ?? 0)} (x${ratio.toFixed(2)}, Mann-Whitney p ${formatP(latencyP)})`,
    );
  }
  const verdict: BaselineVerdict = verdicts.includes('fail') ? 'fail' : verdicts.includes('marginal') ? 'marginal' : 'pass';
  return { verdict, errorP, latencyP, reasons, ...base };
}

/** latency samples from a histogram: each request at its bucket's middle, at most MAX_SAMPLES */
function samples(latency: readonly number[]): number[] {
  const total = latency.reduce((a, b) => a + b, 0);
  const scale = total > MAX_SAMPLES ? MAX_SAMPLES / total : 1;
  const out: number[] = [];
  latency.forEach((count, i) => {
    const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1];
    const upper = i < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[i] : lower * 1.25;
    const n = Math.round(count * scale);
    for (let k = 0; k < n; k++) out.push((lower + upper) / 2);
  });
  return out;
}
