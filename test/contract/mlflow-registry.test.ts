import * as fs from 'node:fs';
import * as path from 'node:path';
import { ModelVersion } from '../../shared/registry/registry';
import { CliResult, runCli } from '../helpers/cli';
import { FIXTURE, TestProject, freePorts, makeProject, quickRolloutConfig } from '../helpers/project';
import { FakeMlflowServer } from './fakes/fake-mlflow';

/**
 * The MLflow Model Registry as the source of versions, through the `modelship` CLI run as a
 * process, against a FAKE MLflow tracking server (written from the MLflow 2.x REST API and
 * server source; see its header) that serves the versions' files through its artifact proxy.
 */
jest.setTimeout(240_000);

const USER = 'ci-bot';
const PASSWORD = 'mlflow-pw-5c1e-never-printed';
const TOKEN = 'dapi-0123456789abcdef-never-printed';
let mlflow: FakeMlflowServer;
const outputs: string[] = [];

beforeAll(async () => {
  mlflow = new FakeMlflowServer({ pageSize: 4, auth: { kind: 'basic', users: { [USER]: { password: PASSWORD } } } });
  await mlflow.start();
  const t0 = Date.UTC(2026, 0, 1);
  const files = (model: string): string => path.join(FIXTURE, 'models', model);
  // 9 versions: 1-4 plain, 5 tagged approved, 6 failing, 7 approved, 8 archived, 9 still registering
  for (let v = 1; v <= 9; v++) {
    mlflow.addVersion('test-model', {
      version: String(v),
      creationTimestamp: t0 + v * 60_000,
      files: files(v === 6 ? 'failing' : v % 2 ? 'good1' : 'good2'),
      tags: v === 5 || v === 7 || v === 8 ? { validation: 'passed' } : {},
      stage: v === 8 ? 'Archived' : v === 4 ? 'Production' : 'None',
      status: v === 9 ? 'PENDING_REGISTRATION' : 'READY',
    });
  }
  mlflow.setAlias('test-model', 'champion', '5');
  mlflow.setAlias('test-model', 'challenger', '6');
  // a version whose artifacts live where the server proxies nothing
  mlflow.addVersion('s3-model', { version: '1', source: 's3://models-bucket/diabetes/1' });
});

afterAll(async () => {
  await mlflow?.stop();
  const all = outputs.join('\n');
  expect(all).not.toContain(PASSWORD);
  expect(all).not.toContain(TOKEN);
});

function mlflowProject(port: number, stagingPort: number, block: string, opts: { name?: string; tags?: string } = {}): TestProject {
  const yaml = quickRolloutConfig(port, stagingPort).replace(
    'model:\n  name: test-model\n',
    `model:\n  registry: mlflow\n  name: ${opts.name ?? 'test-model'}\n${opts.tags ? `  tags: ${opts.tags}\n` : ''}  mlflow:\n    trackingUri: ${mlflow.origin}\n${block}`,
  );
  return makeProject(yaml, 'ms-mlflow-');
}

async function cli(project: TestProject, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const r = await runCli([...args, '-c', project.configFile], {
    cwd: project.dir,
    env: { MLFLOW_TRACKING_USERNAME: USER, MLFLOW_TRACKING_PASSWORD: PASSWORD, ...env },
    timeoutMs: 200_000,
  });
  outputs.push(r.stdout, r.stderr);
  return r;
}

async function ports(): Promise<[number, number]> {
  const [a, b] = await freePorts(2);
  return [a, b];
}

describe('selecting a version', () => {
  it('lists every version over several pages, oldest first', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n');
    mlflow.clearRequests();
    const r = await cli(project, ['model', 'list', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ModelVersion[]).map((v) => v.version)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // pages of 4: three search calls, each with HTTP basic credentials
    const searches = mlflow.requests.filter((q) => q.path.endsWith('/model-versions/search'));
    expect(searches.map((q) => [q.status, q.authScheme])).toEqual([
      [200, 'basic'],
      [200, 'basic'],
      [200, 'basic'],
    ]);
  });

  it('by alias: champion is v5', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n    alias: champion\n');
    const r = await cli(project, ['detect', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'deployed', model: { version: '5' } });
  });

  it('by tags: the newest READY, unarchived version carrying them is v7 (not the archived v8)', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n', { tags: '{ validation: passed }' });
    const r = await cli(project, ['detect', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: { version: '7' } });
  });

  it('latest without tags skips the version still registering: v8 is archived, v9 pending, so v7', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n');
    const r = await cli(project, ['detect', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: { version: '7' } });
  });

  it('by a pinned version', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n');
    const r = await cli(project, ['detect', '--json', '--model-version', '3']);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: { version: '3' } });
  });

  it('by the deprecated stage, with a warning that names the replacement', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n    stage: Production\n');
    const r = await cli(project, ['detect', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: { version: '4' } });
    expect(r.stderr).toContain("model.mlflow.stage 'Production' selects by MLflow model stage, which MLflow deprecated");
    expect(r.stderr).toContain('model.mlflow.alias');
  });

  it('an alias that does not exist selects nothing, and says so', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n    alias: nobody\n');
    const r = await cli(project, ['detect']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no version .*test-model/);
  });
});

describe('errors name the server and the model', () => {
  it('401: wrong password names the variables that hold it, and never prints it', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n');
    const r = await cli(project, ['model', 'list'], { MLFLOW_TRACKING_PASSWORD: 'wrong-password-xyz' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`MLflow registry at ${mlflow.origin} answered 401`);
    expect(r.stderr).toContain('MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD');
    expect(r.stderr).not.toContain('wrong-password-xyz');
  });

  it('403: a user without permission on the model', async () => {
    mlflow.setAuth({ kind: 'basic', users: { [USER]: { password: PASSWORD }, reader: { password: 'pw-reader-1' } } });
    mlflow.setPermission('reader', { model: 'test-model' }, 'NO_PERMISSIONS');
    try {
      const project = mlflowProject(...(await ports()), '    auth: basic\n    alias: champion\n');
      const r = await cli(project, ['detect'], { MLFLOW_TRACKING_USERNAME: 'reader', MLFLOW_TRACKING_PASSWORD: 'pw-reader-1' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('answered 403');
      expect(r.stderr).toContain('the permissions of this identity on the registered model');
    } finally {
      mlflow.clearPermissions();
      mlflow.setAuth({ kind: 'basic', users: { [USER]: { password: PASSWORD } } });
    }
  });

  it('404: an unknown pinned version names the model and version', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n');
    const r = await cli(project, ['detect', '--model-version', '42']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test-model');
    expect(r.stderr).toContain('42');
  });

  it('a bearer token (Databricks) from the variable the config names', async () => {
    mlflow.setAuth({ kind: 'bearer', tokens: { [TOKEN]: USER } });
    try {
      const project = mlflowProject(...(await ports()), '    auth: bearer\n    tokenEnv: DATABRICKS_TOKEN\n    alias: champion\n');
      const ok = await cli(project, ['detect', '--json'], { DATABRICKS_TOKEN: TOKEN });
      expect(JSON.parse(ok.stdout)).toMatchObject({ model: { version: '5' } });
      const missing = await cli(project, ['detect']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('DATABRICKS_TOKEN is not set');
    } finally {
      mlflow.setAuth({ kind: 'basic', users: { [USER]: { password: PASSWORD } } });
    }
  });

  it('artifacts in a storage the server does not proxy: the error names the scheme', async () => {
    const project = mlflowProject(...(await ports()), '    auth: basic\n', { name: 's3-model' });
    const r = await cli(project, ['deploy', '--stage', 'staging']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scheme s3');
    expect(r.stderr).toContain('--serve-artifacts');
  });
});

describe('shipping from MLflow on the local target', () => {
  let project: TestProject;

  beforeAll(async () => {
    project = mlflowProject(...(await ports()), '    auth: basic\n    alias: champion\n');
  });

  afterAll(async () => {
    await cli(project, ['down']);
  });

  it('run downloads the champion through the artifact proxy and ships it; moving the alias ships the next one', async () => {
    const first = await cli(project, ['run', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ result: 'promoted', model: { version: '5' } });
    expect(first.stderr).toMatch(/downloaded test-model v5: 1 files/);
    const cached = fs.readdirSync(path.join(project.dir, '.modelship', 'model-cache'), { recursive: true }).map(String);
    expect(cached.some((f) => f.endsWith(path.join('test-model', '5', 'files', 'model.json')))).toBe(true);

    mlflow.setAlias('test-model', 'champion', '7');
    const second = await cli(project, ['run', '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ result: 'promoted', model: { version: '7' } });
  });

  it('a champion that fails on real inputs is rolled back', async () => {
    mlflow.setAlias('test-model', 'champion', '6');
    const r = await cli(project, ['run', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'rolled-back', model: { version: '6' } });
  });
});
