import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { ActionRun, StepOptions, runStep } from '../helpers/action-runner';
import { freePorts, makeProject, quickRolloutConfig, TestProject } from '../helpers/project';
import { FakeGitHub } from './fakes/fake-github';

/**
 * The bundled action reports its rollouts as GitHub deployments: the committed bundle runs
 * as a runner runs it (test/helpers/action-runner.ts), against the local target with the
 * process runtime, with GITHUB_API_URL pointing at a strict fake of the deployments REST
 * API (fakes/fake-github.ts), which records every call.
 */
jest.setTimeout(300_000);

const TOKEN = 'ghs_fAkE0123456789deploymentsToken';
const RUN_URL = 'https://github.example/acme/models/actions/runs/4242';
const SHA = 'a'.repeat(40);
const REPO = '/repos/acme/models';

/** the calls as lines, a status POST with its state; repeated in_progress updates (their number depends on timing) as one */
function sequence(fake: FakeGitHub): string[] {
  const out: string[] = [];
  for (const call of fake.calls) {
    const q = Object.keys(call.query)
      .sort()
      .map((k) => `${k}=${call.query[k]}`)
      .join('&');
    let line = `${call.method} ${call.path.replace(REPO, '')}${q ? `?${q}` : ''}`;
    if (call.method === 'POST' && call.path.endsWith('/statuses')) line += ` ${(call.body as { state: string }).state}`;
    if (call.status >= 300) line += ` -> ${call.status}`;
    if (line.endsWith(' in_progress') && out[out.length - 1] === line) continue;
    out.push(line);
  }
  return out;
}

/** the status bodies posted for one deployment, in order */
function statusBodies(fake: FakeGitHub, id: number): Array<Record<string, unknown>> {
  return fake.calls
    .filter((c) => c.method === 'POST' && c.path === `${REPO}/deployments/${id}/statuses`)
    .map((c) => c.body as Record<string, unknown>);
}

describe('GitHub deployments from the bundled action', () => {
  let project: TestProject;
  let fake: FakeGitHub;
  const runs: ActionRun[] = [];

  const step = async (opts: StepOptions): Promise<ActionRun> => {
    fake.clearCalls();
    const run = await runStep({
      ...opts,
      cwd: project.dir,
      inputs: { config: 'modelship.yaml', environment: 'production', 'github-token': TOKEN, ...opts.inputs },
      env: {
        GITHUB_API_URL: fake.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: 'acme/models',
        GITHUB_RUN_ID: '4242',
        GITHUB_SHA: SHA,
        GITHUB_REF: 'refs/heads/main',
      },
    });
    runs.push(run);
    return run;
  };

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    const yaml = quickRolloutConfig(port, stagingPort);
    project = makeProject(yaml, 'ms-ghdeploy-');
    fs.writeFileSync(path.join(project.dir, 'pause.yaml'), yaml.replace('steps: [25, 100]', 'steps: [25, pause, 100]'));
    for (const m of ['good1', 'good2', 'failing'])
      expect((await runCli(['model', 'register', '--path', project.models(m), '-c', project.configFile])).code).toBe(0);
    fake = new FakeGitHub({ token: TOKEN });
    await fake.start();
  });

  afterAll(async () => {
    if (project) await runCli(['down', '-c', project.configFile]);
    await fake?.stop();
  });

  it('a promotion: created, queued, in progress, success; the next one makes the previous deployment inactive', async () => {
    const first = await step({ inputs: { command: 'run', 'model-version': '1' } });
    expect(first.code).toBe(0);
    expect(first.outputs.result).toBe('promoted');
    expect(sequence(fake)).toEqual([
      'POST /deployments',
      'POST /deployments/1000/statuses queued',
      'POST /deployments/1000/statuses in_progress',
      'POST /deployments/1000/statuses success',
      'GET /deployments?environment=production&per_page=10',
    ]);
    const create = fake.calls[0];
    expect(create.headers.accept).toBe('application/vnd.github+json');
    expect(create.body).toEqual({
      ref: SHA,
      task: 'deploy:model',
      environment: 'production',
      description: 'modelship run: test-model v1',
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      payload: {
        model: 'test-model',
        version: '1',
        image: null,
        digest: null,
        target: 'local',
        endpoint: 'testep',
      },
    });
    const bodies = statusBodies(fake, 1000);
    for (const b of bodies) expect(b.log_url).toBe(RUN_URL);
    // the endpoint listens on loopback: no environment_url
    expect(bodies[bodies.length - 1]).toEqual({
      state: 'success',
      description: 'test-model v1 serves all traffic',
      log_url: RUN_URL,
      auto_inactive: false,
    });

    const second = await step({ inputs: { command: 'run', 'model-version': '2' } });
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ result: 'promoted', 'model-version': '2' });
    expect(sequence(fake)).toEqual([
      'POST /deployments',
      'POST /deployments/1001/statuses queued',
      'POST /deployments/1001/statuses in_progress',
      'POST /deployments/1001/statuses success',
      'GET /deployments?environment=production&per_page=10',
      'GET /deployments/1000/statuses?per_page=1',
      'POST /deployments/1000/statuses inactive',
    ]);
    const progress = statusBodies(fake, 1001)
      .filter((b) => b.state === 'in_progress')
      .map((b) => String(b.description));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const d of progress) expect(d.length).toBeLessThanOrEqual(140);
    expect(statusBodies(fake, 1000)).toEqual([
      { state: 'inactive', description: 'replaced by deployment 1001 (test-model v2)', log_url: RUN_URL },
    ]);
    const states = fake.statuses.get(1000)?.map((st) => st.state) ?? [];
    expect([states[0], ...states.slice(-2)]).toEqual(['queued', 'success', 'inactive']);
  });

  it('a rollback: the deployment fails with the reason, and the one that serves stays as it is', async () => {
    const r = await step({ inputs: { command: 'run', 'model-version': '3' } });
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('rolled-back');
    expect(sequence(fake)).toEqual([
      'POST /deployments',
      'POST /deployments/1002/statuses queued',
      'POST /deployments/1002/statuses in_progress',
      'POST /deployments/1002/statuses failure',
    ]);
    const last = statusBodies(fake, 1002).at(-1);
    expect(Object.keys(last ?? {}).sort()).toEqual(['description', 'log_url', 'state']);
    expect(last).toMatchObject({ state: 'failure', log_url: RUN_URL });
    expect(String(last?.description)).toMatch(/^rolled back: step 1\/2 \(25%\): error rate/);
    expect(String(last?.description).length).toBeLessThanOrEqual(140);
    expect(fake.statuses.get(1001)?.at(-1)?.state).toBe('success');
  });

  it('a pause stays in progress; promote finishes it and makes the paused and the previous deployments inactive', async () => {
    const paused = await step({ inputs: { command: 'rollout', config: 'pause.yaml', 'model-version': '1' } });
    expect(paused.code).toBe(0);
    expect(paused.outputs.result).toBe('paused');
    expect(sequence(fake)).toEqual([
      'POST /deployments',
      'POST /deployments/1003/statuses queued',
      'POST /deployments/1003/statuses in_progress',
    ]);
    const pausedStatus = statusBodies(fake, 1003).at(-1);
    expect(pausedStatus).toMatchObject({ state: 'in_progress', log_url: RUN_URL });
    expect(String(pausedStatus?.description)).toMatch(/^paused/);

    const promoted = await step({ inputs: { command: 'promote', config: 'pause.yaml' } });
    expect(promoted.code).toBe(0);
    expect(promoted.outputs).toMatchObject({ result: 'promoted', 'model-version': '1' });
    expect(sequence(fake)).toEqual([
      'POST /deployments',
      'POST /deployments/1004/statuses queued',
      'POST /deployments/1004/statuses in_progress',
      'POST /deployments/1004/statuses success',
      'GET /deployments?environment=production&per_page=10',
      // the paused rollout's deployment, superseded
      'GET /deployments/1003/statuses?per_page=1',
      'POST /deployments/1003/statuses inactive',
      // the failed one stays failed
      'GET /deployments/1002/statuses?per_page=1',
      // v2, which served until now
      'GET /deployments/1001/statuses?per_page=1',
      'POST /deployments/1001/statuses inactive',
      'GET /deployments/1000/statuses?per_page=1',
    ]);
    expect(fake.calls[0].body).toMatchObject({ description: 'modelship promote: test-model v1', payload: { version: '1' } });
  });

  it('a token without deployments: write: one warning naming the permission; result and outputs unchanged', async () => {
    fake.forbidden = true;
    try {
      const r = await step({ inputs: { command: 'rollout', 'model-version': '2' } });
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({ result: 'promoted', 'model-name': 'test-model', 'model-version': '2' });
      expect(sequence(fake)).toEqual(['POST /deployments -> 403']);
      const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
      expect(warnings).toEqual([expect.stringContaining('`permissions: deployments: write`')]);
      expect(warnings[0]).toContain('Resource not accessible by integration');
    } finally {
      fake.forbidden = false;
    }
  });

  it('the token is masked and never printed', () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.stdout.split(`::add-mask::${TOKEN}\n`)).toHaveLength(2);
      const rest = run.stdout.replace(`::add-mask::${TOKEN}\n`, '');
      expect(rest).not.toContain(TOKEN);
      expect(run.stderr).not.toContain(TOKEN);
      expect(run.summary).not.toContain(TOKEN);
    }
  });
});
