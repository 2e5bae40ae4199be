import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { FakeMlflowServer } from '../contract/fakes/fake-mlflow';
import { runCli } from '../helpers/cli';
import { ActionRun, errorAnnotations, runStep } from '../helpers/action-runner';
import { FIXTURE, TestProject, freePorts, makeProject, quickRolloutConfig } from '../helpers/project';

/**
 * The bundled Action, run as a runner runs it, started by a repository_dispatch that
 * relays an MLflow model registry webhook (workflows-examples/mlflow/on-alias-moved.yml),
 * against a FAKE MLflow tracking server (see its header): moving the `champion` alias
 * ships the version it now points to; moving another alias ships nothing.
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..');
const PASSWORD = 'mlflow-pw-e2e-never-printed';
let mlflow: FakeMlflowServer;
let project: TestProject;
const runs: ActionRun[] = [];

/** the modelship step of the example workflow, as the runner would run it */
const example = parse(fs.readFileSync(path.join(ROOT, 'workflows-examples', 'mlflow', 'on-alias-moved.yml'), 'utf8')) as {
  on: { repository_dispatch: { types: string[] } };
  jobs: { ship: { steps: Array<{ uses?: string; with?: Record<string, string>; env?: Record<string, string> }> } };
};
const shipStep = example.jobs.ship.steps.find((s) => s.uses?.includes('/actions/modelship@'));

function aliasMoved(alias: string, version: string): { name: string; payload: unknown } {
  return {
    name: 'repository_dispatch',
    payload: {
      action: example.on.repository_dispatch.types[0],
      client_payload: {
        entity: 'model_version_alias',
        action: 'created',
        timestamp: '2026-12-01T10:00:00.000000+00:00',
        data: { name: 'test-model', alias, version },
      },
    },
  };
}

async function step(event: { name: string; payload: unknown }): Promise<ActionRun> {
  if (!shipStep?.with) throw new Error('the example has no modelship step');
  // the example's inputs, with `${{ vars.* }}` / `${{ secrets.* }}` filled in; the config is
  // this test's (the example's serves from a docker runtime on port 8080 of a self-hosted runner)
  const inputs = Object.fromEntries(Object.entries(shipStep.with).map(([k, v]) => [k, String(v).replace(/\$\{\{[^}]*\}\}/g, 'x')]));
  const run = await runStep({
    inputs: { ...inputs, config: 'modelship.yaml' },
    event,
    cwd: project.dir,
    env: { MLFLOW_TRACKING_USERNAME: 'ci-bot', MLFLOW_TRACKING_PASSWORD: PASSWORD },
  });
  runs.push(run);
  return run;
}

async function serving(): Promise<string | undefined> {
  const status = JSON.parse((await runCli(['status', '--json', '-c', project.configFile])).stdout) as {
    production: { traffic: Record<string, number>; deployments: Array<{ name: string; model: { version: string } }> };
  };
  return status.production.deployments.find((d) => status.production.traffic[d.name] === 100)?.model.version;
}

beforeAll(async () => {
  mlflow = new FakeMlflowServer({ auth: { kind: 'basic', users: { 'ci-bot': { password: PASSWORD } } } });
  await mlflow.start();
  for (const [version, files] of [
    ['1', 'good1'],
    ['2', 'good2'],
  ])
    mlflow.addVersion('test-model', { version, files: path.join(FIXTURE, 'models', files) });
  mlflow.setAlias('test-model', 'champion', '1');
  const [port, stagingPort] = await freePorts(2);
  const yaml = quickRolloutConfig(port, stagingPort).replace(
    'model:\n  name: test-model\n',
    `model:\n  registry: mlflow\n  name: test-model\n  mlflow:\n    trackingUri: ${mlflow.origin}\n    alias: champion\n    auth: basic\n`,
  );
  project = makeProject(yaml, 'ms-mlflow-action-');
});

afterAll(async () => {
  if (project)
    await runCli(['down', '-c', project.configFile], { env: { MLFLOW_TRACKING_USERNAME: 'ci-bot', MLFLOW_TRACKING_PASSWORD: PASSWORD } });
  await mlflow?.stop();
});

it('the example workflow listens for the event type its relay sends', () => {
  expect(example.on.repository_dispatch.types).toEqual(['mlflow-alias-moved']);
  expect(shipStep?.env).toMatchObject({ MLFLOW_TRACKING_PASSWORD: expect.stringContaining('secrets.') as unknown });
});

it('moving champion to v1 ships v1; moving it to v2 ships v2', async () => {
  const first = await step(aliasMoved('champion', '1'));
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('started by repository_dispatch (MLflow webhook model_version_alias.created): test-model v1');
  expect(first.outputs).toMatchObject({ result: 'promoted', 'model-version': '1' });

  mlflow.setAlias('test-model', 'champion', '2');
  const second = await step(aliasMoved('champion', '2'));
  expect(second.code).toBe(0);
  expect(second.outputs).toMatchObject({ result: 'promoted', 'model-version': '2' });
  expect(await serving()).toBe('2');
});

it('moving another alias ships nothing and says why; an alias deleted is refused', async () => {
  mlflow.setAlias('test-model', 'challenger', '1');
  const other = await step(aliasMoved('challenger', '1'));
  expect(other.code).toBe(0);
  expect(other.outputs.result).toBe('no-change');
  expect(other.stdout).toContain("the event moved alias 'challenger', and model.mlflow.alias ships 'champion': not shipped");

  const deleted = await step({
    name: 'repository_dispatch',
    payload: { client_payload: { entity: 'model_version_alias', action: 'deleted', data: { name: 'test-model', alias: 'champion' } } },
  });
  expect(deleted.code).toBe(1);
  expect(errorAnnotations(deleted.stdout)).toEqual([expect.stringContaining('model_version_alias.deleted') as unknown]);
  expect(await serving()).toBe('2');
});

it('the MLflow password never appears unmasked', () => {
  for (const run of runs) {
    const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(lines.filter((l) => l.includes(PASSWORD))).toEqual([]);
    expect(run.summary).not.toContain(PASSWORD);
  }
});
