import { VirtualClock } from '../../shared/clock';
import type { ModelshipConfig } from '../../shared/config/types';
import type { AnalysisEvent, ModelshipEvent, EventOf, ModelshipEventType } from '../../shared/report/events';
import {
  CONSECUTIVE_ERROR_LIMIT,
  RolloutDeps,
  RolloutOutcome,
  RolloutPlanInput,
  runRollout,
  weightMismatch,
} from '../../shared/rollout/engine';
import { Cancellation } from '../../shared/cancellation';
import { planSteps } from '../../shared/rollout/plan';
import { DeploymentProfile, FakeMetrics, FakeProbe } from './fakes/fake-metrics';
import { FakeCall, FakeTarget } from './fakes/fake-target';

type RolloutConfig = ModelshipConfig['rollout'];

const T0 = Date.UTC(2026, 0, 1);
const SECOND = 1000;
const PREVIOUS = { name: 'm', version: '0' };

function rolloutConfig(
  over: Partial<Omit<RolloutConfig, 'analysis'>> & { analysis?: Partial<RolloutConfig['analysis']> } = {},
): RolloutConfig {
  const { analysis, ...rest } = over;
  return {
    strategy: 'canary',
    steps: [10, 50, 100],
    onCancel: 'rollback',
    bake: 30 * SECOND,
    mirror: 0,
    ...rest,
    analysis: { interval: 5 * SECOND, minRequests: 20, maxErrorRate: 0.01, maxLatencyP99: 800, compareToBaseline: false, ...analysis },
  };
}

/** production with `blue` (v1, 100%) and a ready `green` (v2, 0%), 100 requests/s of live traffic */
function setup(opts: { green?: Partial<DeploymentProfile>; probeRate?: number; greenRestarts?: number } = {}) {
  const clock = new VirtualClock(T0);
  const target = new FakeTarget('prod');
  target.addDeployment('blue', { name: 'm', version: '1' }, { image: 'reg/m@sha256:aaa' });
  target.addDeployment('green', { name: 'm', version: '2' }, { restarts: opts.greenRestarts ?? 0 });
  target.traffic = { blue: 100, green: 0 };
  target.record = { previous: PREVIOUS };
  const metrics = new FakeMetrics(clock, target)
    .profile('blue', { ratePerSec: 100, errorRate: 0, latencyMs: 20 })
    .profile('green', { ratePerSec: 100, errorRate: 0, latencyMs: 20, ...opts.green });
  const events: ModelshipEvent[] = [];
  const lines: string[] = [];
  const probe = opts.probeRate ? new FakeProbe(metrics, opts.probeRate) : undefined;
  const deps: RolloutDeps = { target, metrics, clock, events: { emit: (e) => events.push(e) }, log: (l) => lines.push(l), probe };
  const input = (r: RolloutConfig, startAt = 0): RolloutPlanInput => ({
    endpoint: 'prod',
    stable: 'blue',
    candidate: 'green',
    model: { name: 'm', version: '2' },
    steps: planSteps(r),
    startAt,
    bake: r.bake,
    analysis: {
      interval: r.analysis.interval,
      minRequests: r.analysis.minRequests,
      maxErrorRate: r.analysis.maxErrorRate,
      maxLatencyP99: r.analysis.maxLatencyP99,
      compareToBaseline: r.analysis.compareToBaseline,
    },
  });
  const of = <T extends ModelshipEventType>(type: T): Array<EventOf<T>> => events.filter((e): e is EventOf<T> => e.type === type);
  const analysesOf = (step: number): AnalysisEvent[] => of('analysis').filter((a) => a.step === step);
  return { clock, target, metrics, events, lines, probe, deps, input, of, analysesOf };
}

type Setup = ReturnType<typeof setup>;

function indexOf(log: string[], line: string): number {
  const i = log.indexOf(line);
  if (i < 0) throw new Error(`'${line}' not in call log:\n${log.join('\n')}`);
  return i;
}

function expectPromoted(s: Setup, outcome: RolloutOutcome): void {
  expect(outcome).toEqual({ result: 'promoted' });
  const log = s.target.log(['setTraffic', 'deleteDeployment']);
  // the stable is removed only after the router confirmed 100% for the new one, and last
  expect(indexOf(log, 'deleteDeployment blue')).toBe(log.length - 1);
  expect(log[log.length - 2]).toBe('setTraffic green=100');
  // until then the stable stays in every traffic map
  for (const asked of s.target.trafficAsked().slice(0, -1)) expect(asked).toHaveProperty('blue');
  expect([...s.target.deployments.keys()]).toEqual(['green']);
  expect(s.target.traffic).toEqual({ green: 100 });
  expect(s.target.record).toEqual({ previous: { name: 'm', version: '1', image: 'reg/m@sha256:aaa' } });
  expect(s.of('promote')).toEqual([{ type: 'promote', at: s.clock.now(), deployment: 'green' }]);
  expect(s.of('rollback')).toEqual([]);
  expect(s.lines[s.lines.length - 1]).toMatch(/^promoted: 'green' \(m v2\) takes 100% of traffic; removed 'blue' \(m v1\)$/);
}

function expectRolledBack(s: Setup, outcome: RolloutOutcome, reason: RegExp): void {
  expect(outcome.result).toBe('rolled-back');
  expect(outcome.reason).toMatch(reason);
  const log = s.target.log(['setTraffic', 'deleteDeployment']);
  // all traffic back on the stable, confirmed, before the new deployment is removed
  expect(log.slice(-2)).toEqual(['setTraffic blue=100', 'deleteDeployment green']);
  expect(log).not.toContain('deleteDeployment blue');
  expect(s.target.traffic).toEqual({ blue: 100 });
  expect([...s.target.deployments.keys()]).toEqual(['blue']);
  // the rollout is forgotten; the previous version is kept for a later `modelship rollback`
  expect(s.target.record).toEqual({ previous: PREVIOUS });
  expect(s.of('rollback')).toEqual([{ type: 'rollback', at: s.clock.now(), reason: outcome.reason }]);
  expect(s.of('promote')).toEqual([]);
  if (s.probe) expect(s.probe.isRunning).toBe(false);
}

describe('runRollout promotes a good candidate', () => {
  test('canary [10, 50]: steps 10 -> 50 -> 100 (appended), then promotion; record and logs along the way', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig({ steps: [10, 50] })), s.deps);
    expectPromoted(s, outcome);
    expect(s.target.trafficAsked()).toEqual([{ blue: 90, green: 10 }, { blue: 50, green: 50 }, { blue: 0, green: 100 }, { green: 100 }]);
    // the rollout is stored before each step, so another job can resume or roll back
    expect(s.target.log()).toEqual([
      'setRecord rollout running next 0',
      'setTraffic blue=90 green=10',
      'setRecord rollout running next 1',
      'setTraffic blue=50 green=50',
      'setRecord rollout running next 2',
      'setTraffic blue=0 green=100',
      'setTraffic green=100',
      // the final record first: a crash before the removal leaves a leftover, not a stale rollout
      'setRecord no rollout',
      'deleteDeployment blue',
    ]);
    const stored = s.target.calls.find((c: FakeCall) => c.method === 'setRecord')?.record;
    expect(stored).toEqual({
      previous: PREVIOUS,
      rollout: {
        candidate: 'green',
        stable: 'blue',
        model: { name: 'm', version: '2' },
        nextStep: 0,
        status: 'running',
        startedAt: new Date(T0).toISOString(),
      },
    });
    // every step bakes 30s, analysed every 5s
    expect(s.clock.now() - T0).toBe(90 * SECOND);
    for (const step of [1, 2, 3]) {
      expect(s.analysesOf(step).map((a) => a.interval)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(s.analysesOf(step).every((a) => a.verdict === 'pass')).toBe(true);
    }
    // the window counts the new deployment's requests since its step began: 10% of 100/s for 30s
    expect(s.analysesOf(1).map((a) => a.requests)).toEqual([50, 100, 150, 200, 250, 300]);
    expect(s.analysesOf(2)[5]).toMatchObject({
      requests: 1500,
      errors: 0,
      errorRate: 0,
      weight: 50,
      deployment: 'green',
      elapsedMs: 30 * SECOND,
    });
    expect(s.of('step').map((e) => [e.index, e.total, e.weight, e.mirror, e.preview])).toEqual([
      [1, 3, 10, 0, false],
      [2, 3, 50, 0, false],
      [3, 3, 100, 0, false],
    ]);
    expect(s.of('traffic').map((e) => e.traffic)).toEqual([
      { blue: 90, green: 10 },
      { blue: 50, green: 50 },
      { blue: 0, green: 100 },
      { green: 100 },
    ]);
    expect(s.lines).toContain('step 2/3: new 50% / stable 50%');
    expect(s.lines.find((l) => l.startsWith('  [step 2/3 50%] 10s/30s'))).toMatch(
      /^ {2}\[step 2\/3 50%\] 10s\/30s requests 500 errors 0 \(0\.00%\) p99 \d+\.\dms -> pass$/,
    );
  });

  test('linear [25, 50, 75, 100]', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig({ strategy: 'linear', steps: [25, 50, 75, 100] })), s.deps);
    expectPromoted(s, outcome);
    expect(s.target.trafficAsked()).toEqual([
      { blue: 75, green: 25 },
      { blue: 50, green: 50 },
      { blue: 25, green: 75 },
      { blue: 0, green: 100 },
      { green: 100 },
    ]);
  });

  test('blue-green with mirror: a preview at 0% judged on mirrored live requests, then 100%', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig({ strategy: 'blue-green', mirror: 20 })), s.deps);
    expectPromoted(s, outcome);
    expect(s.target.log(['setTraffic'])).toEqual([
      'setTraffic blue=100 green=0 mirror green=20',
      'setTraffic blue=0 green=100',
      'setTraffic green=100',
    ]);
    // 20% of 100/s mirrored for 30s, with no live traffic
    expect(s.analysesOf(1).map((a) => [a.weight, a.requests, a.verdict])[5]).toEqual([0, 600, 'pass']);
    expect(s.of('step')[0]).toMatchObject({ index: 1, total: 2, weight: 0, mirror: 20, preview: true });
    expect(s.lines).toContain('step 1/2: new 0% / stable 100%, mirror 20% of live requests to new (preview)');
    expect(s.target.mirror).toEqual({});
  });

  test('blue-green with probe traffic only: the probe runs during each step and stops after it', async () => {
    const s = setup({ probeRate: 2 });
    const outcome = await runRollout(s.input(rolloutConfig({ strategy: 'blue-green', mirror: 0 })), s.deps);
    expectPromoted(s, outcome);
    expect(s.target.log(['setTraffic'])).toEqual(['setTraffic blue=100 green=0', 'setTraffic blue=0 green=100', 'setTraffic green=100']);
    expect(s.probe?.calls).toEqual(['start prod green', 'stop', 'start prod green', 'stop']);
    // 2 probe requests/s for 30s, nothing else
    expect(s.analysesOf(1)[5]).toMatchObject({ requests: 60, verdict: 'pass' });
  });

  test('all-at-once: 100% with analysis, stable kept at 0% until it passed', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig({ strategy: 'all-at-once' })), s.deps);
    expectPromoted(s, outcome);
    expect(s.target.trafficAsked()).toEqual([{ blue: 0, green: 100 }, { green: 100 }]);
    expect(s.analysesOf(1)).toHaveLength(6);
  });

  test('pause stores the rollout and stops; resuming at nextStep promotes, keeping startedAt', async () => {
    const s = setup();
    const cfg = rolloutConfig({ steps: [10, 'pause', 50] });
    const first = await runRollout(s.input(cfg), s.deps);
    expect(first).toEqual({ result: 'paused' });
    expect(s.target.traffic).toEqual({ blue: 90, green: 10 });
    expect(s.target.log(['deleteDeployment'])).toEqual([]);
    const paused = s.target.record;
    expect(paused).toEqual({
      previous: PREVIOUS,
      rollout: {
        candidate: 'green',
        stable: 'blue',
        model: { name: 'm', version: '2' },
        nextStep: 2,
        status: 'paused',
        startedAt: new Date(T0).toISOString(),
      },
    });
    expect(s.of('pause')).toEqual([{ type: 'pause', at: T0 + 30 * SECOND, step: 2 }]);
    expect(s.lines[s.lines.length - 1]).toMatch(/step 2\/4: paused .*`modelship promote` continues at step 3/);

    await s.clock.sleep(3600 * SECOND); // a person looks at it for an hour
    const callsBefore = s.target.calls.length;
    const second = await runRollout(s.input(cfg, paused.rollout?.nextStep), s.deps);
    expectPromoted(s, second);
    const resumed = s.target.calls.slice(callsBefore);
    expect(resumed.filter((c) => c.method === 'setTraffic').map((c) => c.traffic)).toEqual([
      { blue: 50, green: 50 },
      { blue: 0, green: 100 },
      { green: 100 },
    ]);
    const records = resumed.filter((c) => c.method === 'setRecord' && c.record?.rollout).map((c) => c.record?.rollout);
    expect(records.map((r) => [r?.nextStep, r?.status, r?.startedAt])).toEqual([
      [2, 'running', new Date(T0).toISOString()],
      [3, 'running', new Date(T0).toISOString()],
    ]);
  });

  test('a pause after the last shift pauses before promotion; resuming promotes without another step', async () => {
    const s = setup();
    const cfg = rolloutConfig({ steps: [10, 100, 'pause'] });
    expect(await runRollout(s.input(cfg), s.deps)).toEqual({ result: 'paused' });
    expect(s.target.traffic).toEqual({ blue: 0, green: 100 });
    expect(s.target.deployments.has('blue')).toBe(true);
    expect(s.target.record.rollout?.nextStep).toBe(3);
    const asked = s.target.trafficAsked().length;
    expectPromoted(s, await runRollout(s.input(cfg, 3), s.deps));
    expect(s.target.trafficAsked().slice(asked)).toEqual([{ green: 100 }]);
  });
});

describe('runRollout rolls back', () => {
  test('on an error rate above the limit, at once (not at the end of the bake)', async () => {
    const s = setup({ green: { errorRate: 0.2 } });
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(s, outcome, /^step 1\/3 \(10%\): error rate 20\.0% > 1\.0% \(10 of 50 requests failed\), after 5s of 30s$/);
    expect(s.clock.now() - T0).toBe(5 * SECOND);
    expect(s.analysesOf(1)).toEqual([expect.objectContaining({ verdict: 'fail', requests: 50, errors: 10, errorRate: 0.2 })]);
    expect(s.lines).toContain(`rolling back: ${outcome.reason}`);
  });

  test('on p99 latency above the limit, naming the figure and the limit', async () => {
    const s = setup({ green: { latencyMs: 2000 } });
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(s, outcome, /^step 1\/3 \(10%\): p99 latency \d+\.\dms > 800ms, after 5s of 30s$/);
    const p99 = s.analysesOf(1)[0].p99Ms ?? 0;
    expect(p99).toBeGreaterThan(1600);
    expect(p99).toBeLessThan(2500);
  });

  test('when the new deployment dies during a step', async () => {
    const s = setup();
    s.clock.at(T0 + 40 * SECOND, () => s.target.setHealth('green', 'dead'));
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(s, outcome, /^step 2\/3 \(50%\): deployment green died \(health dead\), after 10s of 30s$/);
    expect(s.analysesOf(2).map((a) => a.verdict)).toEqual(['pass', 'fail']);
  });

  test('when the new deployment restarted since the step began (restarts before it do not count)', async () => {
    const s = setup({ greenRestarts: 2 });
    s.clock.at(T0 + 62 * SECOND, () => s.target.restart('green'));
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(s, outcome, /^step 3\/3 \(100%\): deployment green died \(restarts 2 -> 3\), after 5s of 30s$/);
    expect(s.analysesOf(3).map((a) => a.verdict)).toEqual(['fail']);
  });

  test('when the step stays inconclusive to the end of the bake (too little traffic, no probe)', async () => {
    const s = setup({ green: { ratePerSec: 10 } });
    // 1% of 10 requests/s: 3 requests in 30s
    const outcome = await runRollout(s.input(rolloutConfig({ steps: [1, 100] })), s.deps);
    expectRolledBack(
      s,
      outcome,
      /^step 1\/2 \(1%\): inconclusive after 30s: 3 requests, need 20 \(too few requests reached the new deployment to judge it: send it live traffic, lengthen rollout\.bake, lower rollout\.analysis\.minRequests, or add rollout\.analysis\.probe\)$/,
    );
    expect(s.clock.now() - T0).toBe(30 * SECOND);
    expect(s.analysesOf(1).map((a) => a.verdict)).toEqual(Array(6).fill('inconclusive'));
    expect(s.lines).toContainEqual(
      expect.stringMatching(
        /^ {2}\[step 1\/2 1%\] 30s\/30s requests 3 errors 0 \(0\.00%\) p99 \d+\.\dms -> inconclusive \(3 requests, need 20\)$/,
      ),
    );
  });

  test('a blue-green preview with neither mirror nor probe has no data and rolls back', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig({ strategy: 'blue-green', mirror: 0 })), s.deps);
    expectRolledBack(s, outcome, /^step 1\/2 \(0%, preview\): inconclusive after 30s: 0 requests, need 20 \(too few requests reached/);
  });

  test('probe traffic rescues a quiet step: inconclusive at first, pass at the end of the bake', async () => {
    const s = setup({ green: { ratePerSec: 10 }, probeRate: 1 });
    const outcome = await runRollout(s.input(rolloutConfig({ steps: [1, 100] })), s.deps);
    expectPromoted(s, outcome);
    // 1 probe request/s + 0.1 live: 5 at 5s (inconclusive), 33 at 30s
    const verdicts = s.analysesOf(1).map((a) => [a.requests, a.verdict]);
    expect(verdicts[0]).toEqual([5, 'inconclusive']);
    expect(verdicts[5]).toEqual([33, 'pass']);
  });

  test('when the router does not confirm the weights asked for', async () => {
    const s = setup();
    s.target.distortTraffic = (asked) => (asked.green === 50 ? { blue: 100, green: 0 } : undefined);
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(
      s,
      outcome,
      /^step 2\/3 \(50%\): router did not confirm weights: asked blue 50% \/ green 50%, got blue 100% \/ green 0%$/,
    );
    // no analysis of a step whose weights are unknown
    expect(s.analysesOf(2)).toEqual([]);
  });

  test('when the router does not confirm 100% at promotion, the stable is kept', async () => {
    const s = setup();
    s.target.distortTraffic = (asked) => (Object.keys(asked).length === 1 && asked.green === 100 ? { blue: 10, green: 90 } : undefined);
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(
      s,
      outcome,
      /^promotion of 'green' to 100%: router did not confirm weights: asked green 100%, got blue 10% \/ green 90%$/,
    );
  });

  test.each([
    [
      'setting traffic',
      (c: FakeCall) => c.method === 'setTraffic' && c.traffic?.green === 50,
      /^step 2\/3 \(50%\): setting traffic failed: admin API timed out$/,
    ],
    [
      // one failed read is skipped; four in a row end the step inconclusive
      'reading the state mid-analysis, 4 times in a row',
      (c: FakeCall, now: number) => c.method === 'state' && now >= T0 + 45 * SECOND,
      /^step 2\/3 \(50%\): inconclusive: metrics or state could not be read 4 times in a row \(last: admin API timed out\), after 30s of 30s$/,
    ],
  ])('when the target throws mid-step (%s)', async (_what, when, reason) => {
    const s = setup();
    s.target.failOn = (c) => (when(c, s.clock.now()) ? new Error('admin API timed out') : undefined);
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(s, outcome, reason);
  });

  test('the probe is stopped after a failing step too', async () => {
    const s = setup({ green: { errorRate: 0.2 }, probeRate: 5 });
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    // 10 live + 5 probe requests/s for 5s
    expectRolledBack(s, outcome, /^step 1\/3 \(10%\): error rate 20\.0% > 1\.0% \(15 of 75 requests failed\)/);
    expect(s.probe?.calls).toEqual(['start prod green', 'stop']);
  });

  test('a failing rollback throws an error that says what failed, that the rollback failed, and names the stable', async () => {
    const s = setup({ green: { errorRate: 0.3 } });
    s.target.failOn = (c) => (c.method === 'setTraffic' && c.traffic?.blue === 100 ? new Error('router unreachable') : undefined);
    const err = await runRollout(s.input(rolloutConfig()), s.deps).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toMatch(/^rolling back endpoint prod to the stable deployment 'blue' failed: router unreachable \(after 3 attempts\)/);
    expect(message).toMatch(/the rollback was needed because step 1\/3 \(10%\): error rate 30\.0% > 1\.0%/);
    expect(message).toMatch(/check: .*set the traffic of 'blue' to 100%/);
    // nothing removed, and the record still names the rollout so `modelship rollback` can finish it
    expect(s.target.log(['deleteDeployment'])).toEqual([]);
    expect(s.target.deployments.has('green')).toBe(true);
    expect(s.target.record.rollout).toMatchObject({ candidate: 'green', stable: 'blue', status: 'running' });
    expect(s.target.log(['setTraffic']).filter((l) => l === 'setTraffic blue=100')).toHaveLength(3);
    expect(s.of('rollback')).toEqual([]);
  });

  test('a rollback whose traffic change fails once is retried with a backoff and completes', async () => {
    const s = setup({ green: { errorRate: 0.3 } });
    let failures = 0;
    s.target.failOn = (c) =>
      c.method === 'setTraffic' && c.traffic?.blue === 100 && failures++ === 0 ? new Error('connection reset') : undefined;
    const outcome = await runRollout(s.input(rolloutConfig()), s.deps);
    expectRolledBack(s, outcome, /error rate 30\.0%/);
    expect(s.lines).toContain("  setting all traffic back on 'blue': connection reset (attempt 1/3); retry 1/2 in 1 s");
    expect(s.clock.now() - T0).toBe(6 * SECOND);
  });

  test('a failure to remove the new deployment after traffic is back says the traffic is safe', async () => {
    const s = setup({ green: { errorRate: 0.3 } });
    s.target.failOn = (c) => (c.method === 'deleteDeployment' ? new Error('drain timed out') : undefined);
    await expect(runRollout(s.input(rolloutConfig()), s.deps)).rejects.toThrow(
      /^finishing the rollback of endpoint prod failed: all traffic is back on the stable deployment 'blue', but removing the new deployment 'green' failed: drain timed out/,
    );
    expect(s.target.traffic).toEqual({ blue: 100 });
  });
});

describe('runRollout, other behaviour', () => {
  test('a metrics source that restarts mid-step rebases the window instead of judging across epochs', async () => {
    const s = setup();
    // step 2 runs from 30s to 60s; the source restarts at 42s
    s.clock.at(T0 + 42 * SECOND, () => s.metrics.reset());
    const outcome = await runRollout(s.input(rolloutConfig({ steps: [10, 50] })), s.deps);
    expectPromoted(s, outcome);
    // 50 requests/s; the window starts again at the 45s snapshot
    expect(s.analysesOf(2).map((a) => [a.requests, a.verdict])).toEqual([
      [250, 'pass'],
      [500, 'pass'],
      [0, 'inconclusive'],
      [250, 'pass'],
      [500, 'pass'],
      [750, 'pass'],
    ]);
    expect(s.of('info').map((e) => e.message)).toEqual([
      'metrics source restarted (epoch epoch-1 -> epoch-2): the analysis window of step 2/3 starts again',
    ]);
    expect(s.lines).toContain(
      '  [step 2/3 50%] metrics source restarted (epoch epoch-1 -> epoch-2): the analysis window of step 2/3 starts again',
    );
  });

  test('refuses a plan position outside the plan or a missing deployment, changing nothing', async () => {
    const s = setup();
    await expect(runRollout(s.input(rolloutConfig(), 4), s.deps)).rejects.toThrow(
      /cannot start the rollout on prod at step 5: the plan has 3 steps/,
    );
    await expect(runRollout({ ...s.input(rolloutConfig()), candidate: 'red' }, s.deps)).rejects.toThrow(
      /has no deployment 'red'.*nothing was changed/,
    );
    expect(s.target.log()).toEqual([]);
  });

  test('weightMismatch treats a missing name as 0', () => {
    expect(weightMismatch({ blue: 100 }, { blue: 100, green: 0 })).toBeUndefined();
    expect(weightMismatch({ blue: 0, green: 100 }, { green: 100 })).toBeUndefined();
    expect(weightMismatch({ green: 100 }, { blue: 10, green: 90 })).toBe(
      'router did not confirm weights: asked green 100%, got blue 10% / green 90%',
    );
    expect(weightMismatch({ green: 100 }, {})).toBe('router did not confirm weights: asked green 100%, got none');
  });
});

describe('runRollout with a lagging main signal and a fast one (Azure Monitor and probe traffic)', () => {
  /** the main signal has published nothing yet; `fast` is what the fake metrics measured */
  function lagging(s: Setup) {
    return {
      snapshot: async (endpoint: string) => {
        const measured = await s.metrics.snapshot(endpoint);
        return { ...measured, deployments: {}, fast: measured.deployments };
      },
    };
  }

  test('a candidate failing its probe traffic fails the step at the first check, before the main signal has data', async () => {
    const s = setup({ green: { errorRate: 0.2 } });
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, metrics: lagging(s) });
    expectRolledBack(s, outcome, /^step 1\/3 \(10%\): probe traffic: error rate 2\d\.\d% > 1\.0%.*after 5s of 30s$/);
    expect(s.analysesOf(1)).toHaveLength(1);
    expect(s.lines.find((l) => l.includes('[step 1/3 10%] 5s/30s'))).toMatch(
      /requests 0 errors 0 .* \| probe requests \d+ errors \d+ -> fail/,
    );
  });

  test('a healthy fast signal never passes a step on its own: no main data is inconclusive', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, metrics: lagging(s) });
    expectRolledBack(s, outcome, /^step 1\/3 \(10%\): inconclusive after 30s: 0 requests, need 20 \(too few requests reached/);
  });
});

describe('runRollout when reads fail for a while, and when the command is cancelled', () => {
  /** metrics whose snapshot fails at the given call numbers (1-based), else measures */
  function flaky(s: Setup, failing: (call: number) => boolean) {
    let calls = 0;
    return {
      snapshot: async (endpoint: string) => {
        calls += 1;
        if (failing(calls)) throw new Error(`metrics backend answered 503 (call ${calls})`);
        return s.metrics.snapshot(endpoint);
      },
    };
  }

  test('one failed metrics read mid-step skips that check: a healthy version is still promoted', async () => {
    const s = setup();
    // call 1 is step 1's baseline; calls 2..7 its checks: the 3rd check fails
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, metrics: flaky(s, (n) => n === 4) });
    expectPromoted(s, outcome);
    expect(s.lines.find((l) => l.includes('reading metrics or state failed'))).toMatch(
      /^ {2}\[step 1\/3 10%\] 15s\/30s reading metrics or state failed \(1 of 4 in a row\): metrics backend answered 503 \(call 4\)$/,
    );
  });

  test('a failed read at the last check of a step is tried again before the step is judged', async () => {
    const s = setup();
    // step 1: baseline call 1, checks calls 2..7; call 7 (the end of the bake) fails, call 8 retries it
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, metrics: flaky(s, (n) => n === 7) });
    expectPromoted(s, outcome);
    expect(s.analysesOf(1).at(-1)).toMatchObject({ verdict: 'pass', elapsedMs: 35 * SECOND });
  });

  test(`${CONSECUTIVE_ERROR_LIMIT} failed reads in a row end the step inconclusive and roll back`, async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, metrics: flaky(s, (n) => n >= 3) });
    expectRolledBack(
      s,
      outcome,
      /^step 1\/3 \(10%\): inconclusive: metrics or state could not be read 4 times in a row \(last: metrics backend answered 503 \(call 6\)\), after 25s of 30s$/,
    );
  });

  test('a cancellation mid-step puts all traffic back on stable at once, saying why', async () => {
    const s = setup();
    const cancellation = new Cancellation();
    s.clock.at(T0 + 12 * SECOND, () => cancellation.cancel('received SIGINT'));
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, cancellation });
    expectRolledBack(s, outcome, /^step 1\/3 \(10%\): cancelled \(received SIGINT\) after 15s of 30s$/);
    expect(s.target.trafficAsked()).toEqual([{ blue: 90, green: 10 }, { blue: 100 }]);
  });

  test('a cancellation before a step starts changes no traffic but the rollback', async () => {
    const s = setup();
    const cancellation = new Cancellation();
    cancellation.cancel('received SIGTERM');
    const outcome = await runRollout(s.input(rolloutConfig()), { ...s.deps, cancellation });
    expectRolledBack(s, outcome, /^cancelled \(received SIGTERM\) before step 1\/3$/);
    expect(s.target.trafficAsked()).toEqual([{ blue: 100 }]);
  });
});

describe('runRollout with compareToBaseline', () => {
  test('a new version 50% slower than stable fails the step, though under maxLatencyP99', async () => {
    const s = setup({ green: { latencyMs: 30 } });
    const outcome = await runRollout(s.input(rolloutConfig({ analysis: { compareToBaseline: true } })), s.deps);
    expectRolledBack(
      s,
      outcome,
      /^step 1\/3 \(10%\): against stable: latency median [\d.]+ms vs stable [\d.]+ms \(x1\.[45]\d, Mann-Whitney p < 1e-16\)/,
    );
    expect(s.analysesOf(1)[0].baseline).toMatchObject({ verdict: 'fail', stableRequests: expect.any(Number) as unknown });
  });

  test('an error rate under maxErrorRate but clearly above stable fails the step', async () => {
    const s = setup({ green: { errorRate: 0.009 } });
    s.metrics
      .profile('blue', { ratePerSec: 1000, errorRate: 0, latencyMs: 20 })
      .profile('green', { ratePerSec: 1000, errorRate: 0.009, latencyMs: 20 });
    const outcome = await runRollout(s.input(rolloutConfig({ analysis: { compareToBaseline: true } })), s.deps);
    expectRolledBack(s, outcome, /against stable: error rate 0\.\d+% vs stable 0\.00% \(two-proportion test p = [\d.]+e-\d+\)/);
  });

  test('an equal version passes every comparison and is promoted; the 100% step is not compared (stable takes no traffic)', async () => {
    const s = setup();
    const outcome = await runRollout(s.input(rolloutConfig({ analysis: { compareToBaseline: true } })), s.deps);
    expectPromoted(s, outcome);
    expect(s.analysesOf(1).every((a) => a.baseline?.verdict === 'pass')).toBe(true);
    expect(s.analysesOf(3).every((a) => a.baseline === undefined)).toBe(true);
  });
});
