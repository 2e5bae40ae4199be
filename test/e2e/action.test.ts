import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { ACTION_DIST, ActionRun, StepOptions, errorAnnotations, runStep as runActionStep } from '../helpers/action-runner';
import { freePorts, makeProject, quickRolloutConfig, TestProject } from '../helpers/project';

/**
 * The committed bundle (actions/modelship/dist/main.js and post.js) run with node the way
 * a GitHub runner runs it (test/helpers/action-runner.ts): every declared input as
 * INPUT_<NAME>, the GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE files, the event
 * file, RUNNER_TEMP; against the local target with the process runtime.
 */
jest.setTimeout(240_000);

/** secrets given to the action; the config's smoke case is named after them, so log lines and the summary would show them unmasked */
const REGISTRY_PASSWORD = 'rp-3f9c1d2e-never-printed';
const ENDPOINT_KEY = 'ek-77a0b6c4-never-printed';
const KEY_ENV = 'MS_ACTION_ENDPOINT_KEY';

const runs: ActionRun[] = [];

/** a step of this file; every run is kept for the check on secrets at the end */
async function runStep(opts: StepOptions): Promise<ActionRun> {
  const run = await runActionStep(opts);
  runs.push(run);
  return run;
}

const eventGrid = (modelName: string, modelVersion: string) => ({
  name: 'repository_dispatch',
  payload: {
    action: 'model-registered',
    client_payload: {
      id: '6f1d9d6e-0000-4000-8000-000000000001',
      topic: '/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws',
      subject: `models/${modelName}:${modelVersion}`,
      eventType: 'Microsoft.MachineLearningServices.ModelRegistered',
      eventTime: '2026-01-01T10:00:00Z',
      data: { modelName, modelVersion, modelTags: {}, modelProperties: {} },
      dataVersion: '2',
      metadataVersion: '1',
    },
  },
});

function testProject(port: number, stagingPort: number, prefix: string): TestProject {
  return makeProject(
    quickRolloutConfig(port, stagingPort, KEY_ENV).replace('name: sum,', `name: "sum (${REGISTRY_PASSWORD} ${ENDPOINT_KEY})",`),
    prefix,
  );
}

function cli(project: TestProject, ...args: string[]) {
  return runCli([...args, '-c', project.configFile], { env: { [KEY_ENV]: ENDPOINT_KEY } });
}

/** versions are strings through the core (the local registry numbers them '1', '2', ...) */
async function servingVersion(project: TestProject): Promise<string | undefined> {
  const status = JSON.parse((await cli(project, 'status', '--json')).stdout) as {
    production: { traffic: Record<string, number>; deployments: Array<{ name: string; model: { version: string } }> };
  };
  return status.production.deployments.find((d) => status.production.traffic[d.name] === 100)?.model.version;
}

describe('the bundled action on the local target', () => {
  let project: TestProject;
  const step = (opts: StepOptions) =>
    runStep({
      ...opts,
      cwd: project.dir,
      inputs: {
        config: 'modelship.yaml',
        'registry-username': 'ci-bot',
        'registry-password': REGISTRY_PASSWORD,
        'endpoint-key': ENDPOINT_KEY,
        ...opts.inputs,
      },
    });

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = testProject(port, stagingPort, 'ms-action-');
    for (const m of ['good1', 'good2', 'failing'])
      expect((await cli(project, 'model', 'register', '--path', project.models(m))).code).toBe(0);
  });

  afterAll(async () => {
    if (project) await cli(project, 'down');
  });

  it('a wrong input fails the step at once, with a clear error and result=failed', async () => {
    const r = await runStep({ inputs: { command: 'deploi' } });
    expect(r.code).toBe(1);
    expect(errorAnnotations(r.stdout)).toEqual([
      "input 'command' takes one of detect, build, deploy, smoke, rollout, promote, rollback, status, run (got 'deploi')",
    ]);
    expect(r.outputs.result).toBe('failed');
    const v = await runStep({ inputs: { 'model-version': 'v 2' } });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain("input 'model-version' takes a model version");
  });

  it('Azure OIDC without `permissions: id-token: write` fails and says what to add', async () => {
    const r = await step({
      inputs: {
        command: 'status',
        'azure-client-id': '00000000-0000-0000-0000-0000000000c1',
        'azure-tenant-id': '00000000-0000-0000-0000-0000000000a1',
      },
    });
    expect(r.code).toBe(1);
    expect(errorAnnotations(r.stdout)).toEqual([expect.stringContaining('add `permissions: id-token: write` to the workflow')]);
    expect(r.outputs.result).toBe('failed');
  });

  it('an invalid config fails the step with an error annotation on the line of the problem', async () => {
    fs.writeFileSync(
      path.join(project.dir, 'bad.yaml'),
      fs.readFileSync(project.configFile, 'utf8').replace('strategy: canary', 'strategy: sideways'),
    );
    const line =
      fs
        .readFileSync(path.join(project.dir, 'bad.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('sideways')) + 1;
    const r = await step({ inputs: { command: 'run', config: 'bad.yaml' } });
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('failed');
    // the path is relative to the workspace, as GitHub links annotations to files
    expect(r.stdout).toMatch(
      new RegExp(
        `^::error title=modelship,file=bad.yaml,line=${line},col=\\d+::rollout.strategy: must be one of: canary, linear, blue-green, all-at-once \\(got 'sideways'\\)$`,
        'm',
      ),
    );
    expect(errorAnnotations(r.stdout)).toContain('invalid configuration bad.yaml: 1 problem, reported above');
  });

  it('Azure OIDC: the job token is requested for api://AzureADTokenExchange and masked', async () => {
    const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-github-oidc-token.c2lnbmF0dXJl';
    const asked: Array<{ audience: string | null; auth: string | undefined }> = [];
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      asked.push({ audience: url.searchParams.get('audience'), auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: ID_TOKEN }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await step({
        inputs: {
          command: 'status',
          'azure-client-id': '00000000-0000-0000-0000-0000000000c1',
          'azure-tenant-id': '00000000-0000-0000-0000-0000000000a1',
        },
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
        },
      });
      expect(r.code).toBe(0);
      expect(asked).toEqual([{ audience: 'api://AzureADTokenExchange', auth: 'Bearer runner-request-token' }]);
      expect(r.stdout).toContain(`::add-mask::${ID_TOKEN}\n`);
      expect(r.stdout).toContain(
        'Azure: OIDC login as client 00000000-0000-0000-0000-0000000000c1 in tenant 00000000-0000-0000-0000-0000000000a1',
      );
      expect(r.stdout.split('\n').filter((l) => l.includes(ID_TOKEN) && !l.startsWith('::add-mask::'))).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('the model-version input ships v1: first production deployment, promoted, with outputs and a report', async () => {
    const r = await step({ inputs: { command: 'run', 'model-version': '1' } });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ result: 'promoted', 'new-version': 'true', 'model-name': 'test-model', 'model-version': '1' });
    expect(r.outputs.report).toMatch(/modelship-report\.json$/);
    const report = JSON.parse(fs.readFileSync(r.outputs.report, 'utf8')) as { result: string; command: string };
    expect(report).toMatchObject({ result: 'promoted', command: 'run' });
    // a collapsible group per stage
    for (const stage of ['detect', 'build', 'deploy staging', 'smoke', 'rollout']) expect(r.stdout).toContain(`::group::${stage}\n`);
    expect(r.summary).toContain('## modelship run: promoted test-model v1');
    expect(await servingVersion(project)).toBe('1');
  });

  it('a repository_dispatch Event Grid ModelRegistered event selects v2, which is rolled out and promoted', async () => {
    const r = await step({ inputs: { command: 'run' }, event: eventGrid('test-model', '2') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('started by repository_dispatch (Azure Event Grid ModelRegistered): test-model v2');
    expect(r.outputs).toMatchObject({ result: 'promoted', 'model-version': '2', 'new-version': 'true' });
    // the job summary: the rollout table with a row per step, and the timeline chart
    expect(r.summary).toContain('## modelship run: promoted test-model v2');
    expect(r.summary).toContain('| step | weight | requests | error rate | p99 | verdict |');
    expect(r.summary).toMatch(/\| 1\/2 \| 25% \| [\d,]+ \| [\d.]+% \| .+ \| pass \|/);
    expect(r.summary).toMatch(/\| 2\/2 \| 100% \| [\d,]+ \| [\d.]+% \| .+ \| pass \|/);
    expect(r.summary).toContain('```mermaid');
    expect(r.summary).toMatch(/line \[25, (25, )*100/);
    expect(await servingVersion(project)).toBe('2');
  });

  it('a failing v3 (workflow_dispatch input) is rolled back: result=rolled-back, exit 1, an error annotation with the reason', async () => {
    const r = await step({
      inputs: { command: 'run' },
      event: { name: 'workflow_dispatch', payload: { inputs: { 'model-version': '3' } } },
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ result: 'rolled-back', 'model-version': '3' });
    expect(errorAnnotations(r.stdout)).toEqual([
      expect.stringMatching(/^step 1\/2 \(25%\): error rate [\d.]+% > 5.0% \(\d+ of \d+ requests failed\)/),
    ]);
    expect(r.summary).toContain('## modelship run: rolled-back test-model v3');
    expect(r.summary).toMatch(/> step 1\/2 \(25%\): error rate/);
    expect(r.summary).toMatch(/\| 1\/2 \| 25% \| .* \| fail: error rate/);
    // the chart ends with the rollback at 0%
    expect(r.summary).toMatch(/line \[25, [\d, ]*0\]/);
    expect(await servingVersion(project)).toBe('2');
  });

  it('refuses a payload that names another model, or a version the registry does not have', async () => {
    const other = await step({ inputs: { command: 'run' }, event: eventGrid('fraud-model', '2') });
    expect(other.code).toBe(1);
    expect(other.outputs.result).toBe('failed');
    expect(errorAnnotations(other.stdout)).toEqual([
      expect.stringMatching(/names model "fraud-model", but this workflow ships 'test-model'.*refused/),
    ]);
    const missing = await step({
      inputs: { command: 'run' },
      event: { name: 'repository_dispatch', payload: { client_payload: { model: 'test-model', version: 9 } } },
    });
    expect(missing.code).toBe(1);
    expect(missing.outputs.result).toBe('failed');
    expect(errorAnnotations(missing.stdout)).toEqual([
      expect.stringMatching(/test-model v9, which is not in the local registry .*refused/),
    ]);
    const noVersion = await step({
      inputs: { command: 'run' },
      event: { name: 'repository_dispatch', payload: { client_payload: { model: 'test-model' } } },
    });
    expect(noVersion.code).toBe(1);
    expect(errorAnnotations(noVersion.stdout)).toEqual([expect.stringMatching(/carries no model version; refused/)]);
    expect(await servingVersion(project)).toBe('2');
  });

  it('a scheduled run polls: detect compares the newest registered version with the one production serves', async () => {
    // model.version is `latest`: v3 (registered, rolled back), which production does not serve
    const r = await step({ inputs: { command: 'detect' }, event: { name: 'schedule', payload: { schedule: '*/30 * * * *' } } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('started by schedule: no version in the event');
    expect(r.outputs).toMatchObject({ result: 'deployed', 'new-version': 'true', 'model-version': '3' });
    const same = await step({ inputs: { command: 'detect', 'model-version': '2' }, event: { name: 'schedule', payload: {} } });
    expect(same.outputs).toMatchObject({ result: 'no-change', 'new-version': 'false', 'model-version': '2' });
  });

  it('the post step has nothing to clean after a main step that finished', async () => {
    const main = await step({ inputs: { command: 'status' } });
    expect(main.code).toBe(0);
    expect(main.outputs).toMatchObject({ result: 'no-change', 'model-version': '2' });
    expect(main.state['main-pid']).toMatch(/^\d+$/);
    const post = await step({ entry: 'post.js', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('modelship post: nothing to clean');
  });

  it('the post step releases the endpoint lock of a main step that was killed mid-rollout', async () => {
    const lockDir = path.join(project.dir, '.modelship', 'testep');
    let killed = false;
    const main = await step({
      inputs: { command: 'rollout', 'model-version': '1' },
      onSpawn: (child) => {
        // kill it as a cancelled job's runner might, without a chance to clean up, once the
        // rollout holds the lock and has recorded itself in the target (its first step starts)
        let seen = '';
        child.stdout?.on('data', (c: Buffer) => {
          seen += c.toString();
          if (!killed && seen.includes('step 1/2: new 25%')) killed = child.kill('SIGKILL');
        });
      },
    });
    expect(killed).toBe(true);
    expect(main.code).toBe(128);
    // the lock stays behind (a command of this machine would take it over: its process is gone, test/e2e/interrupted.test.ts)
    expect(fs.existsSync(path.join(lockDir, 'command.lock'))).toBe(true);

    const post = await step({ entry: 'post.js', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`modelship post: released the endpoint lock in ${lockDir}`);
    expect(fs.existsSync(path.join(lockDir, 'command.lock'))).toBe(false);
    // the next command is not blocked: it abandons what the killed step left and production still serves v2
    const rollback = await cli(project, 'rollback');
    expect(rollback.code).toBe(0);
    expect(await servingVersion(project)).toBe('2');
  });

  it('secrets given as inputs never appear unmasked in the output, the summary or the report: they read ***', () => {
    expect(runs.length).toBeGreaterThan(5);
    for (const r of runs) {
      for (const [stream, text] of [
        ['stdout', r.stdout],
        ['stderr', r.stderr],
      ] as const) {
        // `::add-mask::VALUE` is the command that tells the runner to mask; the runner never prints it
        const lines = text.split('\n').filter((l) => !l.startsWith('::add-mask::'));
        for (const secret of [REGISTRY_PASSWORD, ENDPOINT_KEY])
          expect([stream, lines.filter((l) => l.includes(secret))]).toEqual([stream, []]);
      }
      expect(r.summary).not.toContain(REGISTRY_PASSWORD);
      expect(r.summary).not.toContain(ENDPOINT_KEY);
      if (r.outputs.report) {
        const report = fs.readFileSync(r.outputs.report, 'utf8');
        expect(report).not.toContain(REGISTRY_PASSWORD);
        expect(report).not.toContain(ENDPOINT_KEY);
      }
    }
    const shipped = runs.find((r) => r.outputs.result === 'promoted') as ActionRun;
    // both were registered with the runner, and the lines that would have shown them show ***
    expect(shipped.stdout).toContain(`::add-mask::${REGISTRY_PASSWORD}\n`);
    expect(shipped.stdout).toContain(`::add-mask::${ENDPOINT_KEY}\n`);
    // once each, however often the core reads them
    expect(shipped.stdout.split(`::add-mask::${ENDPOINT_KEY}\n`)).toHaveLength(2);
    expect(shipped.stdout).toContain("smoke 'sum (*** ***)': pass");
    expect(shipped.summary).toContain('| sum (*** ***) | pass |');
  });
});

describe('the bundle outside the repository', () => {
  let project: TestProject;
  let copy: string;

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = testProject(port, stagingPort, 'ms-action-copy-');
    expect((await cli(project, 'model', 'register', '--path', project.models('good1'))).code).toBe(0);
    // no package.json and no node_modules around it: only the bundle's own files
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-action-dist-'));
    fs.cpSync(ACTION_DIST, copy, { recursive: true });
  });

  afterAll(async () => {
    if (project) await cli(project, 'down');
  });

  it('deploys to staging with the endpoint host and the scoring server from beside the bundle', async () => {
    const r = await runStep({
      dist: copy,
      cwd: project.dir,
      inputs: { command: 'deploy', config: 'modelship.yaml', 'endpoint-key': ENDPOINT_KEY },
    });
    expect([r.code, r.outputs.result]).toEqual([0, 'deployed']);
    const info = JSON.parse(fs.readFileSync(path.join(project.dir, '.modelship', 'testep-staging', 'host.json'), 'utf8')) as {
      pid: number;
    };
    // Linux: the endpoint host runs the copied endpoint-host.js
    expect(fs.readFileSync(`/proc/${info.pid}/cmdline`, 'utf8').split('\0')).toContain(path.join(copy, 'endpoint-host.js'));
    const smoke = await runStep({
      dist: copy,
      cwd: project.dir,
      inputs: { command: 'smoke', config: 'modelship.yaml', 'endpoint-key': ENDPOINT_KEY },
    });
    expect([smoke.code, smoke.outputs.result]).toEqual([0, 'no-change']);
  });
});
