import { VirtualClock } from '../../shared/clock';
import { blueGreenProduction } from './fakes/scenario';
import { RunReport } from '../../shared/report/report';
import { MAX_TIMELINE_POINTS, renderTimeline, timelinePoints } from '../../shared/report/timeline';
import { runRollout } from '../../shared/rollout/engine';

/** The timeline chart, from the events the real rollout engine emits in virtual time. */
const T0 = Date.UTC(2026, 0, 1);
const SECOND = 1000;

/** production `blue` v1 at 100%, candidate `green` v2; green fails 20% of its requests from `failFrom` on */
async function rollout(opts: { steps: number[]; bake: number; failFrom?: number }) {
  const clock = new VirtualClock(T0);
  const { target, metrics } = blueGreenProduction(clock);
  if (opts.failFrom !== undefined)
    clock.at(T0 + opts.failFrom, () => metrics.profile('green', { ratePerSec: 100, errorRate: 0.2, latencyMs: 20 }));
  const report = new RunReport({ command: 'rollout', endpoint: 'prod', clock });
  report.model = { name: 'm', version: '2' };
  const outcome = await runRollout(
    {
      endpoint: 'prod',
      stable: 'blue',
      candidate: 'green',
      model: { name: 'm', version: '2' },
      steps: opts.steps.map((weight) => ({ kind: 'shift' as const, weight, mirror: 0, preview: false })),
      startAt: 0,
      bake: opts.bake,
      analysis: { interval: 5 * SECOND, minRequests: 20, maxErrorRate: 0.05 },
    },
    { target, metrics, clock, events: report, log: () => undefined },
  );
  report.finish(outcome.result, outcome.reason);
  return report;
}

/** the numbers of a mermaid `line [...]` */
function series(chart: string): number[][] {
  return [...chart.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) => m[1].split(', ').map(Number));
}

describe('timeline', () => {
  it('a rolled-back run: the weight at every analysis (10%, 50%, then 0 at the rollback) and the error rate that caused it', async () => {
    const report = await rollout({ steps: [10, 50, 100], bake: 15 * SECOND, failFrom: 16 * SECOND });
    expect(report.result).toBe('rolled-back');
    const chart = renderTimeline(report);
    expect(chart).toBeDefined();
    const text = chart as string;
    expect(text).toContain('```mermaid');
    expect(text).toContain('xychart-beta');
    expect(text).toContain('title "Rollout of m v2: weight and error rate (%)"');
    const [weights, errorRates] = series(text);
    // every analysis is a point (step 1 at 10% passes three checks; step 2 at 50% fails at its second), then the rollback at 0%
    const analyses = report.events.flatMap((e) => (e.type === 'analysis' ? [e] : []));
    expect(weights).toEqual([...analyses.map((a) => a.weight), 0]);
    expect(weights).toEqual([10, 10, 10, 50, 50, 0]);
    expect(errorRates).toEqual([...analyses.map((a) => a.errorRate * 100), analyses[analyses.length - 1].errorRate * 100]);
    expect(errorRates.slice(0, 4)).toEqual([0, 0, 0, 0]);
    // the rate that caused the rollback, as the reason states it
    expect(report.reason).toContain('error rate 10.0%');
    expect(errorRates.slice(4)).toEqual([10, 10]);
    // x: seconds since the command started, one label per point
    const labels = /x-axis "seconds since start" \[(.*)\]/.exec(text)?.[1].split(', ');
    expect(labels).toEqual(timelinePoints(report.toJSON()).map((p) => `"${Number(p.seconds.toFixed(1))}"`));
    expect(labels).toHaveLength(6);
    expect(text).toContain('The last point is the rollback.');
  });

  it('a promoted run ends at 100% with its clean error rate', async () => {
    const report = await rollout({ steps: [25, 100], bake: 10 * SECOND });
    expect(report.result).toBe('promoted');
    const [weights, errorRates] = series(renderTimeline(report) as string);
    expect(weights).toEqual([25, 25, 100, 100]);
    expect(errorRates).toEqual([0, 0, 0, 0]);
  });

  it('a long rollout is thinned to a small chart that keeps the end of every step', async () => {
    const report = await rollout({ steps: [10, 50, 100], bake: 300 * SECOND });
    const all = report.events.filter((e) => e.type === 'analysis');
    expect(all.length).toBeGreaterThan(MAX_TIMELINE_POINTS);
    const points = timelinePoints(report.toJSON());
    expect(points.length).toBeLessThanOrEqual(MAX_TIMELINE_POINTS);
    const [weights] = series(renderTimeline(report) as string);
    expect(new Set(weights)).toEqual(new Set([10, 50, 100]));
    expect(points.filter((p) => p.stepEnd).map((p) => p.weight)).toEqual([10, 50, 100]);
  });

  it('a command without analysis (a first deployment, a build) has no chart', () => {
    const report = new RunReport({ command: 'run', endpoint: 'prod', clock: new VirtualClock(T0) });
    report.emit({ type: 'promote', at: T0, deployment: 'blue' });
    report.finish('promoted');
    expect(renderTimeline(report)).toBeUndefined();
  });
});
