import { MAX_ANALYSIS_LINE, MAX_ANALYSIS_LINES, analysisRecord, describeAnalysis } from '../../shared/report/verdicts';
import type { EventOf, ModelshipEvent } from '../../shared/report/events';

/** the verdict lines `modelship status` shows for the last rollout, from a run's events */
function check(step: number, interval: number, verdict: 'pass' | 'fail', baseline?: 'pass' | 'marginal' | 'fail'): EventOf<'analysis'> {
  return {
    type: 'analysis',
    at: 0,
    step,
    weight: step * 10,
    deployment: 'green',
    interval,
    elapsedMs: interval * 1000,
    requests: 100 * interval,
    errors: verdict === 'fail' ? 9 : 0,
    errorRate: verdict === 'fail' ? 0.09 : 0,
    p99Ms: 12,
    verdict,
    reasons: [],
    ...(baseline ? { baseline: { verdict: baseline, stableRequests: 900, stableErrorRate: 0, errorP: 0.5, latencyP: 0.0004 } } : {}),
  };
}

const shadow: EventOf<'shadow'> = {
  type: 'shadow',
  at: 0,
  stable: 'blue',
  candidate: 'green',
  requests: 1,
  mirrored: 200,
  pairs: 201,
  agreements: 181,
  noReference: 0,
  rate: 181 / 201,
  lower: 0.85,
  upper: 0.93,
  confidence: 0.95,
  minAgreement: 0.98,
  drift: [{ kind: 'labels', statistic: 1.2, pValue: 0.27, summary: '' }],
  verdict: 'fail',
  reasons: [],
  disagreements: [],
};

it('summarises the shadow step and the last check of each step, with the comparison against stable', () => {
  const events: ModelshipEvent[] = [shadow, check(1, 1, 'pass'), check(1, 2, 'pass', 'pass'), check(2, 1, 'fail', 'fail')];
  const record = analysisRecord(events, {
    version: '4',
    outcome: 'rolled-back',
    at: Date.parse('2026-12-01T10:00:00Z'),
    reason: 'step 2 failed',
  });
  expect(record).toEqual({
    version: '4',
    outcome: 'rolled-back',
    at: '2026-12-01T10:00:00.000Z',
    lines: [
      'shadow: fail, agreement 90.0% on 201 pairs (200 mirrored), 95% interval 85.0%–93.0%, need 98.0%; labels drift p = 0.27',
      expect.stringMatching(
        /^step 1 \(10%\): pass, 200 requests, errors 0\.00%, p99 12(\.0)? ?ms; against stable: pass \(errors p = 0\.5, latency p = 4\.0e-4\)$/,
      ),
      expect.stringMatching(/^step 2 \(20%\): fail, 100 requests, errors 9\.00%, p99 12(\.0)? ?ms; against stable: fail/),
      'why: step 2 failed',
    ],
  });
  expect(describeAnalysis(record!)[0]).toBe('  last rollout: v4 rolled-back at 2026-12-01T10:00:00.000Z');
});

it('is absent when the run analysed nothing, and stays short enough for a tag', () => {
  expect(analysisRecord([{ type: 'info', at: 0, message: 'x' }], { version: '1', outcome: 'promoted', at: 0 })).toBeUndefined();
  const many = Array.from({ length: 20 }, (_, i) => check(i + 1, 1, 'pass'));
  const record = analysisRecord(many, { version: '1', outcome: 'rolled-back', at: 0, reason: 'r'.repeat(1000) });
  expect(record?.lines).toHaveLength(MAX_ANALYSIS_LINES);
  // the reason stays, as the last line, cut
  expect(record?.lines[MAX_ANALYSIS_LINES - 1]).toMatch(/^why: r+…$/);
  for (const line of record?.lines ?? []) expect(line.length).toBeLessThanOrEqual(MAX_ANALYSIS_LINE);
});
