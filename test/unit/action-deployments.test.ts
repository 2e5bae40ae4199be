import {
  DeploymentReporter,
  DeploymentReporterOptions,
  DeploymentStatusState,
  DeploymentsApi,
  DeploymentsApiError,
  NewDeployment,
  NewDeploymentStatus,
  clip,
  isPublicUrl,
} from '../../actions/modelship/src/deployments';
import { RunReport } from '../../shared/report/report';

/**
 * The action's GitHub deployment reporter over an in-memory API: which calls a command's
 * events make, coalescing and pacing of in_progress updates, and errors that only warn.
 */

interface FakeApi extends DeploymentsApi {
  log: string[];
  bodies: NewDeploymentStatus[];
}

function fakeApi(opts: { fail?: DeploymentsApiError; latest?: Record<number, DeploymentStatusState>; existing?: number[] } = {}): FakeApi {
  const log: string[] = [];
  const bodies: NewDeploymentStatus[] = [];
  return {
    log,
    bodies,
    createDeployment(body: NewDeployment) {
      log.push(`create ${body.payload.version}`);
      return opts.fail ? Promise.reject(opts.fail) : Promise.resolve({ id: 10 });
    },
    async createStatus(id: number, body: NewDeploymentStatus) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      log.push(`${id} ${body.state}`);
      bodies.push(body);
    },
    listDeployments() {
      log.push('list');
      return Promise.resolve([10, ...(opts.existing ?? [])].map((id) => ({ id })));
    },
    latestStatus(id: number) {
      log.push(`latest ${id}`);
      return Promise.resolve(opts.latest?.[id]);
    },
  };
}

function reporter(api: DeploymentsApi, over: Partial<DeploymentReporterOptions> = {}) {
  const warnings: string[] = [];
  const r = new DeploymentReporter(api, {
    command: 'rollout',
    environment: 'production',
    ref: 'abc',
    logUrl: 'https://github.com/o/r/actions/runs/1',
    targetKind: 'local',
    strategy: 'canary',
    endpointUrl: () => Promise.resolve('http://127.0.0.1:8080'),
    warn: (m) => warnings.push(m),
    info: () => undefined,
    progressIntervalMs: 40,
    ...over,
  });
  const report = new RunReport({ command: over.command ?? 'rollout', endpoint: 'ep' });
  r.attach(report);
  return { r, report, warnings };
}

const step = (index: number, weight: number) => ({ type: 'step', at: 0, index, total: 3, weight, mirror: 0, preview: false }) as const;

describe('the GitHub deployment reporter', () => {
  it('a promotion: create, queued, coalesced progress, success, the previous success made inactive', async () => {
    const api = fakeApi({ existing: [7, 6], latest: { 7: 'success', 6: 'inactive' } });
    const { r, report, warnings } = reporter(api);
    report.model = { name: 'm', version: '2' };
    report.emit({ type: 'stage', at: 0, stage: 'rollout', status: 'start' });
    for (let i = 1; i <= 3; i++) report.emit(step(i, i * 30));
    report.finish('promoted');
    await r.finish();
    expect(warnings).toEqual([]);
    expect(api.log).toEqual(['create 2', '10 queued', '10 in_progress', '10 success', 'list', 'latest 7', '7 inactive', 'latest 6']);
    // the latest update wins; loopback endpoints are not shown
    expect(api.bodies[1].description).toBe('canary step 3/3: 90% of traffic');
    expect(api.bodies[2]).toEqual({
      state: 'success',
      description: 'm v2 serves all traffic',
      log_url: 'https://github.com/o/r/actions/runs/1',
      auto_inactive: false,
    });
  });

  it('posts in_progress at most once per interval', async () => {
    const api = fakeApi();
    const { r, report } = reporter(api, { progressIntervalMs: 150 });
    report.model = { name: 'm', version: '2' };
    report.emit({ type: 'stage', at: 0, stage: 'rollout', status: 'start' });
    const started = Date.now();
    for (let i = 1; i <= 20; i++) {
      report.emit(step(1, i));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    report.finish('paused', 'paused at step 2');
    await r.finish();
    const progress = api.log.filter((l) => l.endsWith('in_progress'));
    // about 200 ms of updates at one per 150 ms, and the final word
    expect(progress.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 150) + 1);
    expect(api.bodies.at(-1)).toMatchObject({ state: 'in_progress', description: 'paused: paused at step 2' });
  });

  it('nothing for a rollout that finds the version already served', async () => {
    const api = fakeApi();
    const { r, report } = reporter(api);
    report.model = { name: 'm', version: '2' };
    report.emit({ type: 'stage', at: 0, stage: 'rollout', status: 'start' });
    report.emit({ type: 'stage', at: 0, stage: 'rollout', status: 'done' });
    report.finish('no-change');
    await r.finish();
    expect(api.log).toEqual([]);
  });

  it('a rollback fails the deployment with the reason, cut to 140 characters', async () => {
    const api = fakeApi();
    const { r, report } = reporter(api);
    report.model = { name: 'm', version: '3' };
    report.emit({ type: 'stage', at: 0, stage: 'rollout', status: 'start' });
    report.emit(step(1, 25));
    report.emit({ type: 'rollback', at: 0, reason: `step 1/3 (25%): error rate 30% ${'x'.repeat(200)}` });
    report.finish('rolled-back', 'step 1/3 (25%): error rate 30%');
    await r.finish();
    expect(api.log.at(-1)).toBe('10 failure');
    expect(api.bodies.at(-1)?.description).toHaveLength(140);
    expect(api.bodies.at(-1)?.description.startsWith('rolled back: step 1/3 (25%): error rate 30%')).toBe(true);
  });

  it('a 403 is one warning naming deployments: write, and nothing more is sent', async () => {
    const api = fakeApi({
      fail: new DeploymentsApiError('POST /repos/{owner}/{repo}/deployments', 403, 'Resource not accessible by integration'),
    });
    const { r, report, warnings } = reporter(api);
    report.model = { name: 'm', version: '2' };
    report.emit({ type: 'stage', at: 0, stage: 'rollout', status: 'start' });
    report.emit(step(1, 25));
    report.finish('promoted');
    await r.finish();
    expect(api.log).toEqual(['create 2']);
    expect(warnings).toEqual([expect.stringContaining('`permissions: deployments: write`')]);
  });

  it('environment_url only for addresses users can open', () => {
    expect(isPublicUrl('https://ml.example.com/score')).toBe(true);
    expect(isPublicUrl('http://8.8.8.8:80')).toBe(true);
    for (const url of [
      'http://127.0.0.1:3',
      'http://localhost:80',
      'http://10.1.2.3',
      'http://172.20.0.1',
      'http://192.168.1.1',
      'http://169.254.1.1',
      'http://[::1]:3',
      'http://[fd00::1]/',
      'http://svc.ns.svc.cluster.local',
      'http://scorer',
      'ftp://example.com',
    ])
      expect(isPublicUrl(url)).toBe(false);
    expect(clip('a  b\n c')).toBe('a b c');
  });
});

describe('RunReport.onEvent', () => {
  it('tells listeners of every event with a copy, ignores what they throw, and stops when asked', () => {
    const report = new RunReport({ command: 'rollout', endpoint: 'ep' });
    const seen: string[] = [];
    report.onEvent(() => {
      throw new Error('a broken listener');
    });
    const stop = report.onEvent((event, r) => {
      seen.push(`${event.type} ${r.model?.version ?? '-'}`);
      if (event.type === 'info') event.message = 'rewritten';
    });
    report.emit({ type: 'info', at: 0, message: 'hello' });
    report.model = { name: 'm', version: '4' };
    report.emit({ type: 'pause', at: 0, step: 2 });
    stop();
    report.finish('paused');
    expect(seen).toEqual(['info -', 'pause 4']);
    expect(report.events.map((e) => e.type)).toEqual(['info', 'pause', 'result']);
    expect(report.events[0]).toMatchObject({ message: 'hello' });
  });
});
