import * as fs from 'node:fs';
import * as path from 'node:path';
import { ModelVersion } from '../../shared/registry/registry';
import { runCli, CliResult } from '../helpers/cli';
import { FIXTURE, TestProject, freePorts, makeProject, quickRolloutConfig } from '../helpers/project';
import { AzureWorld, DATASTORE_CONTAINER, startAzureWorld } from '../helpers/azure/azure-world';
import { dockerTestEnv } from '../helpers/test-env';

/**
 * Azure Machine Learning as the model registry, through the `modelship` CLI run as a
 * process, against a FAKE Azure Resource Manager and a FAKE Entra ID (written from the
 * public references; see their headers) and Azurite, the real Azure Storage emulator. The
 * CLI logs in with the real DefaultAzureCredential from AZURE_* variables, as a user's
 * pipeline would; every connection it makes is checked to stay on loopback.
 */
jest.setTimeout(240_000);

let world: AzureWorld;
const outputs: string[] = [];

beforeAll(async () => {
  world = await startAzureWorld();
});

afterAll(async () => {
  await world?.stop();
});

afterEach(() => {
  // no off-machine connection was even attempted (IMDS, instance discovery, telemetry)
  expect(fs.readFileSync(world.netlog, 'utf8')).toBe('');
});

function azuremlProject(opts: { port: number; stagingPort: number; tags?: string; model?: string; extra?: string }): TestProject {
  const yaml = quickRolloutConfig(opts.port, opts.stagingPort).replace(
    'model:\n  name: test-model\n',
    `model:\n  registry: azureml\n  name: ${opts.model ?? 'test-model'}\n${opts.tags ? `  tags: ${opts.tags}\n` : ''}${world.modelBlock()}`,
  );
  return makeProject(`${yaml}${opts.extra ?? ''}`, 'ms-aml-');
}

async function cli(project: TestProject, args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const r = await runCli([...args, '-c', project.configFile], { cwd: project.dir, env: world.cliEnv(env), timeoutMs: 200_000 });
  outputs.push(r.stdout, r.stderr);
  return r;
}

const iso = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

describe('versions of an Azure ML workspace', () => {
  let project: TestProject;

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = azuremlProject({ port, stagingPort, model: 'catalog-model', tags: '{ stage: approved }' });
    // 30 versions, created a minute apart: 27 numbered, some archived, some approved, and
    // three with string versions (the newest approved one among them)
    for (let i = 1; i <= 27; i++) {
      await world.seedVersion(
        'catalog-model',
        String(i),
        { 'model.json': `{"bias": ${i}}` },
        {
          createdAt: iso(i),
          tags: i % 4 === 0 ? { stage: 'approved' } : {},
          isArchived: i === 25 || i === 26,
        },
      );
    }
    await world.seedVersion(
      'catalog-model',
      '2024-05-01.1',
      { 'model.json': '{"bias": 100}' },
      { createdAt: iso(28), tags: { stage: 'approved' } },
    );
    await world.seedVersion(
      'catalog-model',
      '2024-05-01.2',
      { 'model.json': '{"bias": 101}' },
      { createdAt: iso(29), tags: { stage: 'candidate' } },
    );
    // the newest approved version is archived: `latest` must not pick it
    await world.seedVersion(
      'catalog-model',
      'rc-3',
      { 'model.json': '{"bias": 102}' },
      { createdAt: iso(30), tags: { stage: 'approved' }, isArchived: true },
    );
  });

  it('lists every active version over several pages, oldest first, with string versions', async () => {
    world.arm.clearRequests();
    const r = await cli(project, ['model', 'list', '--json']);
    expect(r.code).toBe(0);
    const versions = JSON.parse(r.stdout) as ModelVersion[];
    const expected = [
      ...Array.from({ length: 27 }, (_, i) => String(i + 1)).filter((v) => v !== '25' && v !== '26'),
      '2024-05-01.1',
      '2024-05-01.2',
    ];
    expect(versions.map((v) => v.version)).toEqual(expected);
    expect(versions.find((v) => v.version === '8')?.tags).toEqual({ stage: 'approved' });
    expect(versions[0].registeredAt).toBe(iso(1));
    // the fake's pages hold 7 versions: 27 active versions (the list asks for active ones only) take 4 pages
    const pages = world.arm.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/models/catalog-model/versions'));
    expect(pages.length).toBe(4);
    expect(pages.every((q) => q.status === 200)).toBe(true);
  });

  it('detect picks the newest active version that carries the configured tags (not the highest number, not an archived one)', async () => {
    const r = await cli(project, ['detect', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      result: 'deployed',
      newVersion: true,
      model: { name: 'catalog-model', version: '2024-05-01.1' },
    });
  });

  it('a pinned version that is archived is refused with a way out', async () => {
    const r = await cli(project, ['detect', '--model-version', '25']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('that version is archived, and archived versions are never shipped');
    expect(r.stderr).toContain('az ml model restore --name catalog-model --version 25');
  });

  it('throttling (429 with Retry-After) is waited out, and says so', async () => {
    const fault = world.arm.throttle({ method: 'GET', path: '**/models/catalog-model/versions' }, 2, 1);
    const r = await cli(project, ['model', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(fault.hits).toBe(2);
    expect(r.stderr).toMatch(
      /Azure Resource Manager answered 429 to GET .*models\/catalog-model\/versions; retry 1\/4 in 1\.0 s \(Retry-After\)/,
    );
    expect(JSON.parse(r.stdout)).toHaveLength(27);
  });
});

describe('register in Azure ML, then ship from it on the local target', () => {
  let project: TestProject;

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = azuremlProject({ port, stagingPort, tags: '{ stage: approved }' });
  });

  afterAll(async () => {
    await cli(project, ['down']);
  });

  it('model register uploads the files to the default datastore and creates version 1', async () => {
    world.arm.clearRequests();
    const r = await cli(project, [
      'model',
      'register',
      '--path',
      project.models('good1'),
      '--tag',
      'stage=approved',
      '--description',
      'first',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('1');
    const created = world.arm.modelVersion(world.workspace, 'test-model', '1') as { properties?: { modelUri?: string } } | undefined;
    expect(created?.properties).toMatchObject({ tags: { stage: 'approved' }, description: 'first', modelType: 'custom_model' });
    const uri = String(created?.properties?.modelUri);
    expect(uri).toMatch(
      /^azureml:\/\/subscriptions\/.+\/workspaces\/prod-ws\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/good1$/,
    );
    // the PUT was checked against the published schema by the fake, and it answered 201
    expect(world.arm.requests.filter((q) => q.method === 'PUT').map((q) => q.status)).toEqual([201]);
  });

  it('run downloads the version from the datastore and ships it; a rerun finds nothing new, and staging again uses the cached files', async () => {
    const r = await cli(project, ['run', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'promoted', model: { name: 'test-model', version: '1' } });
    expect(r.stderr).toContain("downloading test-model v1 from datastore 'workspaceblobstore'");
    expect(r.stderr).toMatch(/downloaded test-model v1: 1 files/);
    const cached = path.join(project.dir, '.modelship', 'model-cache');
    const modelFiles = fs.readdirSync(cached, { recursive: true }).map(String);
    expect(modelFiles.some((f) => f.endsWith(path.join('test-model', '1', 'files', 'model.json')))).toBe(true);
    expect(fs.readFileSync(path.join(project.models('good1'), 'model.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(cached, modelFiles.find((f) => f.endsWith('model.json')) ?? ''), 'utf8'),
    );

    const again = await cli(project, ['run', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ result: 'no-change' });

    // staging again: the files come from the cache, the datastore is not read
    world.arm.clearRequests();
    const staging = await cli(project, ['deploy', '--stage', 'staging']);
    expect(staging.code).toBe(0);
    expect(staging.stderr).toContain('test-model v1: files already downloaded');
    expect(world.arm.requests.filter((q) => q.path.includes('/datastores/'))).toEqual([]);
  });

  it('a second registration becomes version 2 and rolls out', async () => {
    const reg = await cli(project, ['model', 'register', '--path', project.models('good2'), '--tag', 'stage=approved']);
    expect(reg.stdout.trim()).toBe('2');
    const r = await cli(project, ['run', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'promoted', model: { version: '2' } });
    expect(r.stderr).toContain('downloaded test-model v2');
  });
});

describe('the docker runtime builds its image from the downloaded files', () => {
  let project: TestProject;

  beforeAll(async () => {
    const env = dockerTestEnv();
    const [port, stagingPort] = await freePorts(2);
    project = azuremlProject({
      port,
      stagingPort,
      model: 'docker-model',
      extra: `image:\n  repository: ${env.registry}/modelship-tests/azureml-${process.pid}\n`,
    });
    const config = fs.readFileSync(project.configFile, 'utf8').replace('runtime: process', 'runtime: docker');
    fs.writeFileSync(project.configFile, config.replace('  readyTimeout: 20s', `  readyTimeout: 60s\n  baseImage: ${env.baseImage}`));
    await world.seedVersion('docker-model', '7', path.join(FIXTURE, 'models', 'good1'), { createdAt: iso(1) });
  });

  afterAll(async () => {
    await cli(project, ['down']);
  });

  it('run builds, pushes and ships; build on a fresh cache reuses the pushed image', async () => {
    const env = dockerTestEnv();
    const creds = { MODELSHIP_REGISTRY_USERNAME: env.username, MODELSHIP_REGISTRY_PASSWORD: env.password };
    const r = await cli(project, ['run', '--json'], creds);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'promoted', model: { version: '7' } });
    expect(r.stderr).toContain('downloaded docker-model v7');

    // another machine: no cache of the files, the image is found in the registry by its content tag
    fs.rmSync(path.join(project.dir, '.modelship', 'model-cache'), { recursive: true, force: true });
    const build = await cli(project, ['build'], creds);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('downloaded docker-model v7');
    expect(build.stderr).toMatch(/the registry already has this tag \(sha256:[0-9a-f]{64}\): no build, no push/);
  });
});

describe('a datastore that holds an account key', () => {
  it('the key comes from listSecrets, reaches the files, and never shows', async () => {
    world.arm.addDatastore(world.workspace, {
      name: 'keyedstore',
      accountName: world.azurite.accountName,
      containerName: DATASTORE_CONTAINER,
      endpoint: `127.0.0.1:${world.azurite.port}`,
      protocol: 'https',
      credentials: { credentialsType: 'AccountKey', key: world.azurite.accountKey },
    });
    await world.seedVersion('keyed-model', '3', { 'model.json': '{"bias": 3}' }, { datastore: 'keyedstore' });
    const [port, stagingPort] = await freePorts(2);
    const project = azuremlProject({ port, stagingPort, model: 'keyed-model' });
    world.arm.clearRequests();
    const r = await cli(project, ['deploy', '--stage', 'staging']);
    await cli(project, ['down']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("downloading keyed-model v3 from datastore 'keyedstore'");
    expect(
      world.arm.requests.filter((q) => q.path.endsWith('/datastores/keyedstore/listSecrets')).map((q) => [q.method, q.status]),
    ).toEqual([['POST', 200]]);
    expect(r.stdout + r.stderr).not.toContain(world.azurite.accountKey);
  });

  it('an identity that may not read the key is told which action it lacks', async () => {
    const [port, stagingPort] = await freePorts(2);
    const project = azuremlProject({ port, stagingPort, model: 'keyed-model' });
    world.arm.assignRole(world.objectId, 'Reader');
    try {
      const r = await cli(project, ['deploy', '--stage', 'staging']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("reading the AccountKey secret of datastore 'keyedstore'");
      expect(r.stderr).toContain('Microsoft.MachineLearningServices/workspaces/datastores/listsecrets/action');
    } finally {
      world.arm.clearRoleAssignments();
    }
  });
});

describe('failures name what failed and what to check', () => {
  let project: TestProject;

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = azuremlProject({ port, stagingPort, model: 'catalog-model' });
  });

  it('a wrong client secret names the credential and the Entra ID error', async () => {
    const r = await cli(project, ['model', 'list'], { AZURE_CLIENT_SECRET: 'not-the-secret' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DefaultAzureCredential');
    expect(r.stderr).toContain('AADSTS7000215');
    expect(r.stderr).not.toContain('not-the-secret');
  });

  it('an unknown workspace is named', async () => {
    const other = makeProject(
      fs.readFileSync(project.configFile, 'utf8').replace('workspace: prod-ws', 'workspace: no-such-ws'),
      'ms-aml-',
    );
    const r = await cli(other, ['model', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ResourceNotFound');
    expect(r.stderr).toContain('no-such-ws');
  });

  it('a Reader cannot register: the error names the missing action and the role to grant', async () => {
    world.arm.assignRole(world.objectId, 'Reader');
    try {
      const r = await cli(project, ['model', 'register', '--path', project.models('good1')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('403 AuthorizationFailed');
      expect(r.stderr).toMatch(/it needs a role with the action Microsoft\.MachineLearningServices\/workspaces\/\S+ on the workspace/);
      expect(r.stderr).toContain('AzureML Data Scientist');
    } finally {
      world.arm.clearRoleAssignments();
    }
  });
});

afterAll(() => {
  // no bearer token (a JWT starts with eyJ) and no client secret in anything the CLI printed
  const all = outputs.join('\n');
  expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  expect(all).not.toContain(world.clientSecret);
});
