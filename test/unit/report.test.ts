import { VirtualClock } from '../../shared/clock';
import { blueGreenProduction } from './fakes/scenario';
import { planSteps } from '../../shared/rollout/plan';
import { runRollout } from '../../shared/rollout/engine';
import { renderMarkdown } from '../../shared/report/markdown';
import { ReportDocument, RunReport } from '../../shared/report/report';

const T0 = Date.UTC(2026, 0, 1);

/** a `run` that passed smoke, passed step 1 and was rolled back at step 2 */
function rolledBackReport(): { report: RunReport; clock: VirtualClock } {
  const clock = new VirtualClock(T0);
  const report = new RunReport({ command: 'run', endpoint: 'diabetes', configFile: 'modelship.yaml', clock });
  report.model = { name: 'diabetes-model', version: '3' };
  report.image = 'localhost:5000/models/diabetes@sha256:abc';
  const at = (s: number) => T0 + s * 1000;
  report.emit({ type: 'stage', at: at(0), stage: 'smoke', status: 'start' });
  report.emit({ type: 'smoke', at: at(2), passed: true, p95Ms: 12.345, cases: [{ name: 'known input', passed: true, failures: [] }] });
  report.emit({ type: 'stage', at: at(2), stage: 'smoke', status: 'done' });
  report.emit({ type: 'step', at: at(3), index: 1, total: 3, weight: 10, mirror: 0, preview: false });
  report.emit({
    type: 'analysis',
    at: at(8),
    step: 1,
    weight: 10,
    deployment: 'green',
    interval: 1,
    elapsedMs: 5000,
    requests: 10,
    errors: 0,
    errorRate: 0,
    p99Ms: 11,
    verdict: 'inconclusive',
    reasons: ['10 requests, need 20'],
  });
  report.emit({
    type: 'analysis',
    at: at(33),
    step: 1,
    weight: 10,
    deployment: 'green',
    interval: 6,
    elapsedMs: 30000,
    requests: 1234,
    errors: 1,
    errorRate: 1 / 1234,
    p99Ms: 12.34,
    verdict: 'pass',
    reasons: [],
  });
  report.emit({ type: 'step', at: at(33), index: 2, total: 3, weight: 50, mirror: 0, preview: false });
  report.emit({
    type: 'analysis',
    at: at(38),
    step: 2,
    weight: 50,
    deployment: 'green',
    interval: 1,
    elapsedMs: 5000,
    requests: 250,
    errors: 50,
    errorRate: 0.2,
    p99Ms: 15.06,
    verdict: 'fail',
    reasons: ['error rate 20.0% > 1.0% (50 of 250 requests failed)'],
  });
  const reason = 'step 2/3 (50%): error rate 20.0% > 1.0% (50 of 250 requests failed), after 5s of 30s';
  report.emit({ type: 'rollback', at: at(39), reason });
  return { report, clock };
}

describe('RunReport', () => {
  test('toJSON is a stable document: schema version, every key in a fixed order, events in order', async () => {
    const { report, clock } = rolledBackReport();
    await clock.sleep(40_000);
    report.finish('rolled-back', 'step 2/3 (50%): error rate 20.0% > 1.0%');
    const doc = report.toJSON();
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'command',
      'endpoint',
      'configFile',
      'model',
      'image',
      'startedAt',
      'finishedAt',
      'durationMs',
      'result',
      'reason',
      'events',
    ]);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      command: 'run',
      endpoint: 'diabetes',
      configFile: 'modelship.yaml',
      model: { name: 'diabetes-model', version: '3' },
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:40.000Z',
      durationMs: 40_000,
      result: 'rolled-back',
    });
    expect(doc.events.map((e) => e.type)).toEqual([
      'stage',
      'smoke',
      'stage',
      'step',
      'analysis',
      'analysis',
      'step',
      'analysis',
      'rollback',
      'result',
    ]);
    expect(doc.events[doc.events.length - 1]).toEqual({
      type: 'result',
      at: T0 + 40_000,
      result: 'rolled-back',
      reason: 'step 2/3 (50%): error rate 20.0% > 1.0%',
    });
    // a JSON round trip keeps it as it is
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  test('unknown context is null, not missing', () => {
    const doc = new RunReport({ command: 'status', endpoint: 'e', clock: new VirtualClock(T0) }).toJSON();
    expect(doc).toEqual({
      schemaVersion: 1,
      command: 'status',
      endpoint: 'e',
      configFile: null,
      model: null,
      image: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: null,
      durationMs: null,
      result: null,
      reason: null,
      events: [],
    });
  });

  test('events are copied when emitted', () => {
    const report = new RunReport({ command: 'run', endpoint: 'e', clock: new VirtualClock(T0) });
    const e = { type: 'info' as const, at: T0, message: 'first' };
    report.emit(e);
    e.message = 'changed';
    expect(report.events).toEqual([{ type: 'info', at: T0, message: 'first' }]);
  });
});

describe('renderMarkdown', () => {
  test('a rolled-back run: heading with result and version, the reason, smoke results, and one row per step from its last analysis', async () => {
    const { report, clock } = rolledBackReport();
    await clock.sleep(40_000);
    report.finish(
      'rolled-back',
      'step 2/3 (50%): error rate 20.0% > 1.0% (50 of 250 requests failed), after 5s of 30s\n  check: the new model version',
    );
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## modelship run: rolled-back diabetes-model v3');
    expect(md).toContain('endpoint `diabetes` · image `localhost:5000/models/diabetes@sha256:abc` · took 40s');
    expect(lines).toContain('> step 2/3 (50%): error rate 20.0% > 1.0% (50 of 250 requests failed), after 5s of 30s');
    expect(lines).toContain('>   check: the new model version');
    expect(lines).toContain('Stages: smoke done');
    expect(lines).toContain('### Smoke tests: passed (p95 12.3ms)');
    expect(lines).toContain('| known input | pass |  |');
    const header = lines.indexOf('| step | weight | requests | error rate | p99 | verdict |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('| --- | --- | --- | --- | --- | --- |');
    expect(lines.slice(header + 2, header + 4)).toEqual([
      '| 1/3 | 10% | 1,234 | 0.08% | 12.3 ms | pass |',
      '| 2/3 | 50% | 250 | 20.00% | 15.1 ms | fail: error rate 20.0% > 1.0% (50 of 250 requests failed) |',
    ]);
    expect(lines[header + 4] ?? '').not.toMatch(/^\|/);
  });

  test('renders a saved JSON report the same way', async () => {
    const { report, clock } = rolledBackReport();
    await clock.sleep(1000);
    report.finish('rolled-back', 'why');
    expect(renderMarkdown(JSON.parse(JSON.stringify(report.toJSON())) as ReportDocument)).toBe(renderMarkdown(report));
  });

  test('a step that never got analysed shows dashes; a preview shows its mirror; pipes are escaped', () => {
    const report = new RunReport({ command: 'rollout', endpoint: 'e', clock: new VirtualClock(T0) });
    report.emit({ type: 'step', at: T0, index: 1, total: 2, weight: 0, mirror: 20, preview: true });
    report.emit({
      type: 'analysis',
      at: T0,
      step: 1,
      weight: 0,
      deployment: 'green',
      interval: 1,
      elapsedMs: 1,
      requests: 3,
      errors: 0,
      errorRate: 0,
      verdict: 'inconclusive',
      reasons: ['a | b'],
    });
    report.emit({ type: 'step', at: T0, index: 2, total: 2, weight: 100, mirror: 0, preview: false });
    report.finish('rolled-back', 'step 2/2 (100%): router did not confirm weights');
    const md = renderMarkdown(report);
    expect(md).toContain('| 1/2 | 0% (preview, mirror 20%) | 3 | 0.00% | — | inconclusive: a \\| b |');
    expect(md).toContain('| 2/2 | 100% | — | — | — | not analysed |');
  });

  test('a promoted run has no reason block; a paused one says how to continue; no table without steps', () => {
    const clock = new VirtualClock(T0);
    const promoted = new RunReport({ command: 'run', endpoint: 'e', clock });
    promoted.model = { name: 'm', version: '1' };
    promoted.emit({ type: 'promote', at: T0, deployment: 'blue' });
    promoted.finish('promoted');
    const md = renderMarkdown(promoted);
    expect(md.split('\n')[0]).toBe('## modelship run: promoted m v1');
    expect(md).not.toContain('>');
    expect(md).not.toContain('| step |');
    expect(md).toContain('`blue` takes 100% of traffic.');

    const paused = new RunReport({ command: 'rollout', endpoint: 'e', clock });
    paused.emit({ type: 'pause', at: T0, step: 2 });
    paused.finish('paused');
    expect(renderMarkdown(paused)).toContain(
      'Paused at step 2: `modelship promote` continues the rollout, `modelship rollback` abandons it.',
    );
  });

  test("the engine's events of a rolled-back rollout make the table", async () => {
    const clock = new VirtualClock(T0);
    const { target, metrics } = blueGreenProduction(clock);
    // from the check at 35s on (counted for the time after it), green fails 10% of its requests
    clock.at(T0 + 35_000, () => metrics.update('green', { errorRate: 0.1 }));
    const report = new RunReport({ command: 'rollout', endpoint: 'prod', clock });
    report.model = { name: 'm', version: '2' };
    const r = {
      strategy: 'canary' as const,
      steps: [10, 50],
      bake: 30_000,
      mirror: 0,
      onCancel: 'rollback' as const,
      analysis: { interval: 5000, minRequests: 20, maxErrorRate: 0.01, compareToBaseline: false },
    };
    const outcome = await runRollout(
      {
        endpoint: 'prod',
        stable: 'blue',
        candidate: 'green',
        model: { name: 'm', version: '2' },
        steps: planSteps(r),
        startAt: 0,
        bake: r.bake,
        analysis: r.analysis,
      },
      { target, metrics, clock, events: report, log: () => undefined },
    );
    report.finish(outcome.result, outcome.reason);
    const md = renderMarkdown(report);
    expect(md).toContain('## modelship rollout: rolled-back m v2');
    expect(md).toMatch(/\n\| 1\/3 \| 10% \| 300 \| 0\.00% \| \d+\.\d ms \| pass \|\n/);
    // 50 requests/s: at 40s, 500 in the step's window, 25 of them failed; the row shows that last analysis
    expect(md).toMatch(
      /\n\| 2\/3 \| 50% \| 500 \| 5\.00% \| \d+\.\d ms \| fail: error rate 5\.0% > 1\.0% \(25 of 500 requests failed\) \|$/,
    );
    expect(md).toContain('> step 2/3 (50%): error rate 5.0% > 1.0% (25 of 500 requests failed), after 10s of 30s');
  });
});
