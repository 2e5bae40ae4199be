import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ActionRun, errorAnnotations, runStep } from '../helpers/action-runner';
import { AzureWorld, TENANT_ID, startAzureWorld } from '../helpers/azure/azure-world';
import { azureChildEnv } from '../helpers/azure/azurite';
import { EndpointJson, OnlineEndpoints, createdAt, expectExit, output } from '../helpers/azure/online-endpoints';
import { CliResult } from '../helpers/cli';
import { TestProject } from '../helpers/project';

/**
 * `target.kind: azureml` end to end: the CLI and the bundled GitHub Action ship model versions
 * registered in an Azure ML workspace to a managed online endpoint, as a user runs them. Azure
 * is the FAKE Entra ID and the FAKE Azure Resource Manager (Microsoft.MachineLearningServices
 * 2024-10-01 with online endpoints, Azure Monitor metrics 2023-10-01) with Azurite as the
 * datastore (test/helpers/azure/azure-world.ts); the deployments are real containers of the
 * image modelship builds and pushes to the real registry with authentication; the scoring
 * URI is real HTTPS on 127.0.0.1, and live traffic comes from `modelship load` in a second
 * process. The fake's Azure Monitor minute is one second (its answers say so).
 */
jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '..', '..');
const APPROVED = { stage: 'approved' };
let world: AzureWorld;

beforeAll(async () => {
  world = await startAzureWorld({ online: true });
  aml = new OnlineEndpoints(world);
});

afterAll(async () => {
  await world?.stop();
});

afterEach(() => {
  // no off-machine connection was even attempted (IMDS, instance discovery)
  expect(fs.readFileSync(world.netlog, 'utf8')).toBe('');
});

let aml: OnlineEndpoints;

describe('the CLI ships Azure ML model versions to a managed online endpoint', () => {
  const MODEL = 'aml-cli-model';
  const ENDPOINT = `aml-cli-${process.pid % 100000}`;
  let project: TestProject;
  const published: string[] = [];
  const run = async (args: string[]): Promise<CliResult> => {
    const r = await aml.cli(project, args);
    published.push(output(r));
    return r;
  };
  /** a command while `modelship load` sends live traffic from a second process */
  const runUnderLoad = async (args: string[]): Promise<CliResult> => {
    const load = aml.startLoad(project);
    try {
      return await run(args);
    } finally {
      published.push(output(await load.stop()));
    }
  };

  beforeAll(async () => {
    project = aml.project(MODEL, ENDPOINT, 'ms-aml-cli-');
    await world.seedVersion(MODEL, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
  });

  afterAll(async () => {
    const r = await aml.cli(project, ['down'], 180_000);
    expectExit(r, 0);
    expect(aml.endpoint(ENDPOINT)).toBeUndefined();
  });

  it('a first version becomes the endpoint and its first deployment, at 100%, with the registered model attached', async () => {
    const r = await run(['run']);
    expectExit(r, 0);
    expect(output(r)).toMatch(/creating the online endpoint \(auth mode Key\)/);
    expect(output(r)).toMatch(/smoke tests go to 'blue'/);
    const endpoint = aml.endpoint(ENDPOINT);
    expect(endpoint?.properties.traffic).toEqual({ blue: 100 });
    const blue = aml.deployment(ENDPOINT, 'blue');
    expect(blue?.properties.model).toBe(`${world.workspaceId}/models/${MODEL}/versions/1`);
    expect(blue?.properties.environmentId).toMatch(new RegExp(`/environments/modelship-${ENDPOINT}/versions/[0-9a-f]{16}$`));
    expect(blue?.tags).toMatchObject({ 'modelship.model': MODEL, 'modelship.version': '1' });
    // the lock was released
    expect(Object.keys(endpoint?.tags ?? {}).filter((t) => t.startsWith('modelship.lock'))).toEqual([]);
  });

  it('a good version is staged at 0%, smoke-tested by the deployment header, and goes 10 -> 50 -> 100 under live load', async () => {
    await world.seedVersion(MODEL, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    const from = Date.now();
    const r = await runUnderLoad(['run']);
    expectExit(r, 0);
    const out = output(r);
    expect(out).toMatch(/staging aml-cli-model v2 in .* as 'green' with no traffic/);
    expect(out).toMatch(/'green' serves aml-cli-model v2 with no traffic \(staged\): rolling it out/);
    for (const step of ['step 1/3: new 10% / stable 90%', 'step 2/3: new 50% / stable 50%', 'step 3/3: new 100% / stable 0%'])
      expect(out).toContain(step);
    expect(out).toMatch(/\[step 1\/3 10%\] .* requests \d+ errors 0 .* \| probe requests \d+ errors 0 -> pass/);
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(aml.deployment(ENDPOINT, 'blue')).toBeUndefined();

    // green was provisioned once (the staged deployment is the one rolled out)
    const writes = aml.writes(ENDPOINT, from);
    expect(writes.filter((w) => w.method === 'PUT' && w.below === '/deployments/green')).toHaveLength(1);
    // every endpoint PUT carried both maps, and the traffic it asked for only ever had stable + new
    const endpointPuts = writes.filter((w) => w.method === 'PUT' && w.below === '');
    expect(endpointPuts.length).toBeGreaterThan(5);
    for (const put of endpointPuts) {
      const properties = (put.body as EndpointJson).properties;
      expect(properties.traffic).toBeDefined();
      expect(properties.mirrorTraffic).toBeDefined();
    }
    expect(endpointPuts.map((p) => (p.body as EndpointJson).properties.traffic).filter((t) => t?.green !== undefined)).toEqual(
      expect.arrayContaining([
        { blue: 90, green: 10 },
        { blue: 50, green: 50 },
        { blue: 0, green: 100 },
      ]),
    );
    // smoke requests reached green by the header before any live request did
    const toGreen = world.arm.scoringRequests().filter((s) => s.endpoint === ENDPOINT && s.deployment === 'green' && s.atMs >= from);
    const firstLive = toGreen.findIndex((s) => !s.byHeader && !s.mirrored);
    expect(firstLive).toBeGreaterThan(0);
    expect(toGreen.slice(0, firstLive).every((s) => s.byHeader)).toBe(true);
  });

  it('a version that fails on some inputs passes its smoke tests, fails the 10% step on live traffic, and is rolled back; the stable deployment is never touched', async () => {
    await world.seedVersion(MODEL, '3', project.models('input-sensitive'), { tags: APPROVED, createdAt: createdAt(3) });
    const from = Date.now();
    const r = await runUnderLoad(['run']);
    expectExit(r, 1);
    const out = output(r);
    expect(out).toMatch(/smoke tests go to 'blue'/);
    expect(out).toMatch(/rolled back/i);
    expect(out).toMatch(/step 1\/3 \(10%\): error rate \d+\.\d% > 2\.0%/);
    expect(out).not.toContain('step 2/3');
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(aml.deployment(ENDPOINT, 'blue')).toBeUndefined();
    expect(aml.deployment(ENDPOINT, 'green')?.tags).toMatchObject({ 'modelship.version': '2' });
    // the stable deployment's instances were never touched: no write to it during the run
    expect(aml.writes(ENDPOINT, from).filter((w) => w.below.startsWith('/deployments/green'))).toEqual([]);
    // the failures were the model's (424), on the live inputs above 100 only
    const failed = world.arm
      .scoringRequests()
      .filter((s) => s.endpoint === ENDPOINT && s.deployment === 'blue' && s.atMs >= from && s.status >= 400);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((s) => s.status))).toEqual(new Set([424]));
  });

  it('a version that never becomes ready fails its provisioning with the service error and the log tail; production keeps serving', async () => {
    await world.seedVersion(MODEL, '4', project.models('init-raises'), { tags: APPROVED, createdAt: createdAt(4) });
    const r = await run(['run']);
    expectExit(r, 1);
    const out = output(r);
    expect(out).toMatch(/creating deployment 'blue' of online endpoint .* failed: Azure ML: ResourceNotReady/);
    expect(out).toMatch(/InferenceServer log \(last lines\):[\s\S]*model file is corrupt/);
    expect(out).toMatch(/removing the failed deployment 'blue'/);
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(aml.deployment(ENDPOINT, 'blue')).toBeUndefined();
  });

  it('quota exceeded at create is named, and nothing changes', async () => {
    world.arm.injectOnlineFault({ kind: 'outOfQuota', endpoint: ENDPOINT });
    const r = await run(['deploy', '--stage', 'staging', '--model-version', '2']);
    // v2 is what production serves: nothing to stage
    expectExit(r, 0);
    expect(output(r)).toMatch(/production already serves aml-cli-model v2: nothing to stage/);
    const r2 = await run(['deploy', '--stage', 'staging', '--model-version', '1']);
    expectExit(r2, 1);
    expect(output(r2)).toMatch(/Azure ML: OutOfQuota/);
    expect(output(r2)).toMatch(/check: .*instanceType and your quota/);
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
  });

  it('a command waits for no one: a lock another runner holds stops it, naming the holder; an expired one is taken over', async () => {
    const tags = aml.endpoint(ENDPOINT)?.tags ?? {};
    const later = new Date(Date.now() + 10 * 60_000).toISOString();
    await aml.writeTags(ENDPOINT, {
      ...tags,
      'modelship.lock.holder': 'rollout (runner-7 pid 4242, abcd1234)',
      'modelship.lock.expires': later,
    });
    const r = await run(['rollout', '--model-version', '2']);
    expectExit(r, 1);
    expect(output(r)).toContain(`endpoint ${ENDPOINT} is busy: 'rollout (runner-7 pid 4242, abcd1234)' holds its lock`);
    const earlier = new Date(Date.now() - 60_000).toISOString();
    await aml.writeTags(ENDPOINT, {
      ...tags,
      'modelship.lock.holder': 'rollout (runner-7 pid 4242, abcd1234)',
      'modelship.lock.expires': earlier,
    });
    const r2 = await run(['rollout', '--model-version', '2']);
    expectExit(r2, 0);
    expect(output(r2)).toMatch(/taking over the lock of 'rollout \(runner-7 pid 4242, abcd1234\)', expired at/);
    expect(output(r2)).toMatch(/production already serves aml-cli-model v2/);
    expect(Object.keys(aml.endpoint(ENDPOINT)?.tags ?? {}).filter((t) => t.startsWith('modelship.lock'))).toEqual([]);
  });

  it('a rollback after the promotion redeploys the recorded image of the previous version: nothing is built or downloaded', async () => {
    const cache = path.join(project.dir, '.modelship', 'model-cache');
    fs.rmSync(cache, { recursive: true, force: true });
    const r = await run(['rollback']);
    expectExit(r, 0);
    expect(output(r)).toMatch(/redeploying the previous version aml-cli-model v1/);
    expect(output(r)).toMatch(/redeploying the recorded image \S+@sha256:[0-9a-f]{64} of aml-cli-model v1: nothing to build or download/);
    expect(output(r)).not.toMatch(/== build|downloading/);
    expect(fs.existsSync(cache)).toBe(false);
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ blue: 100 });
    expect(aml.deployment(ENDPOINT, 'blue')?.tags).toMatchObject({ 'modelship.version': '1' });
  });

  it('status reads the endpoint; no key appears in any output', async () => {
    const r = await run(['status']);
    expectExit(r, 0);
    expect(output(r)).toMatch(/blue\s+aml-cli-model v1\s+traffic 100%\s+ready/);
    const keys = await aml.keys(ENDPOINT);
    for (const text of published) for (const key of keys) expect(text).not.toContain(key);
  });
});

describe('the bundled Action ships to a managed online endpoint', () => {
  const MODEL = 'aml-gh-model';
  const ENDPOINT = `aml-gh-${process.pid % 100000}`;
  let project: TestProject;

  /** the example workflow's modelship step, its inputs evaluated; the OIDC inputs left out (the service principal of the environment logs in instead) */
  function exampleInputs(): Record<string, string> {
    const workflow = parse(fs.readFileSync(path.join(ROOT, 'workflows-examples', 'github', 'azureml-online-endpoint.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
    };
    const step = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .find((s) => /\/actions\/modelship@/.test(s.uses ?? ''));
    const inputs = { ...(step?.with ?? {}) };
    expect(inputs).toMatchObject({ command: 'run', config: 'workflows-examples/azureml-endpoint/modelship.yaml' });
    delete inputs['azure-client-id'];
    delete inputs['azure-tenant-id'];
    delete inputs['azure-subscription-id'];
    delete inputs['model-version'];
    return { ...inputs, config: 'modelship.yaml' };
  }

  async function step(): Promise<ActionRun> {
    return runStep({
      cwd: project.dir,
      inputs: exampleInputs(),
      baseEnv: azureChildEnv({ authorityHost: world.entra.url, netlog: world.netlog }),
      env: {
        AZURE_CLIENT_ID: world.clientId,
        AZURE_TENANT_ID: TENANT_ID,
        AZURE_CLIENT_SECRET: world.clientSecret,
        MODELSHIP_REGISTRY_USERNAME: aml.docker.username,
        MODELSHIP_REGISTRY_PASSWORD: aml.docker.password,
      },
      timeoutMs: 300_000,
    });
  }

  beforeAll(async () => {
    project = aml.project(MODEL, ENDPOINT, 'ms-aml-gh-');
    await world.seedVersion(MODEL, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
  });

  afterAll(async () => {
    expectExit(await aml.cli(project, ['down'], 180_000), 0);
  });

  it('ships the first version, then a second one step by step, with the key masked', async () => {
    const first = await step();
    expect({ code: first.code, errors: errorAnnotations(first.stdout) }).toEqual({ code: 0, errors: [] });
    expect(first.outputs).toMatchObject({ result: 'promoted', 'model-version': '1' });

    await world.seedVersion(MODEL, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    const load = aml.startLoad(project);
    let second: ActionRun;
    try {
      second = await step();
    } finally {
      await load.stop();
    }
    expect({ code: second.code, errors: errorAnnotations(second.stdout) }).toEqual({ code: 0, errors: [] });
    expect(second.outputs).toMatchObject({ result: 'promoted', 'model-version': '2' });
    for (const s of ['step 1/3: new 10%', 'step 2/3: new 50%', 'step 3/3: new 100%']) expect(second.stdout).toContain(s);
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    // the key was registered as a secret with the runner, and is nowhere in what the step published
    const [primary] = await aml.keys(ENDPOINT);
    expect(second.stdout).toContain(`::add-mask::${primary}`);
    // (the runner consumes ::add-mask:: lines; they are never shown)
    const shown = (text: string) => text.replaceAll(`::add-mask::${primary}\n`, '');
    const published = [first, second].flatMap((r) => [shown(r.stdout), r.stderr, r.summary]);
    for (const text of published) expect(text).not.toContain(primary);
  });

  it('rolls back a version that fails on some inputs: result rolled-back, the stable deployment untouched', async () => {
    await world.seedVersion(MODEL, '3', project.models('input-sensitive'), { tags: APPROVED, createdAt: createdAt(3) });
    const from = Date.now();
    const load = aml.startLoad(project);
    let third: ActionRun;
    try {
      third = await step();
    } finally {
      await load.stop();
    }
    expect(third.code).toBe(1);
    expect(third.outputs).toMatchObject({ result: 'rolled-back', 'model-version': '3' });
    expect(third.stdout).toMatch(/rolling back: step 1\/3 \(10%\): error rate \d+\.\d% > 2\.0%/);
    expect(third.summary).toMatch(/rolled-back/);
    expect(aml.endpoint(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(aml.writes(ENDPOINT, from).filter((w) => w.below.startsWith('/deployments/green'))).toEqual([]);
  });
});
