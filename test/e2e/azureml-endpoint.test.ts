import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { parse } from 'yaml';
import { mintFakeAccessToken } from '../contract/fakes/fake-azureml';
import { ActionRun, errorAnnotations, runStep } from '../helpers/action-runner';
import { AzureWorld, TENANT_ID, startAzureWorld } from '../helpers/azure/azure-world';
import { azureChildEnv } from '../helpers/azure/azurite';
import { testCa } from '../helpers/azure/test-ca';
import { BIN, CliResult, runCli, runNode } from '../helpers/cli';
import { TestProject, makeProject } from '../helpers/project';
import { dockerTestEnv } from '../helpers/test-env';

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
const docker = dockerTestEnv();
let world: AzureWorld;

beforeAll(async () => {
  world = await startAzureWorld({ online: true });
});

afterAll(async () => {
  await world?.stop();
});

afterEach(() => {
  // no off-machine connection was even attempted (IMDS, instance discovery)
  expect(fs.readFileSync(world.netlog, 'utf8')).toBe('');
});

const createdAt = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

/** live traffic: 10 kinds of request, 3 of them with an input above 100 */
const BODIES = Array.from({ length: 10 }, (_, i) => JSON.stringify({ data: [i, i + 1, i < 3 ? 150 + i : i + 2] }));

function projectFor(model: string, endpoint: string, prefix: string): TestProject {
  const yaml = `endpoint: ${endpoint}
model:
  registry: azureml
  name: ${model}
  tags: { stage: approved }
${world.modelBlock()}serve:
  code: ./src
  baseImage: ${docker.baseImage}
image:
  repository: ${docker.registry}/modelship-tests/aml-${process.pid}
target:
${world.targetBlock(`    instanceType: Standard_DS2_v2
    requestSettings: { requestTimeout: 10s, maxConcurrentRequestsPerInstance: 16 }
    readinessProbe: { initialDelay: 1s, period: 1s, failureThreshold: 15 }
    livenessProbe: { initialDelay: 1s, period: 1s }
    provisioningTimeout: 3m
    pollInterval: 1s
    metrics: { ingestionDelay: 1s }
`)}staging:
  smoke:
    cases:
      - { name: known input, request: smoke/request.json }
rollout:
  strategy: canary
  steps: [10, 50, 100]
  bake: 8s
  analysis: { interval: 2s, minRequests: 15, maxErrorRate: 0.02, probe: { rate: 5 } }
`;
  const project = makeProject(yaml, prefix);
  fs.writeFileSync(path.join(project.dir, 'bodies.jsonl'), `${BODIES.join('\n')}\n`);
  return project;
}

/** the environment of a user's shell: the Azure service principal and the registry login */
const userEnv = (): NodeJS.ProcessEnv =>
  world.cliEnv({ MODELSHIP_REGISTRY_USERNAME: docker.username, MODELSHIP_REGISTRY_PASSWORD: docker.password });

function cli(project: TestProject, args: string[], timeoutMs = 300_000): Promise<CliResult> {
  return runCli([...args, '-c', project.configFile], { cwd: project.dir, env: userEnv(), timeoutMs });
}

/** `modelship load` in its own process, as live traffic for the length of a command */
function startLoad(project: TestProject): { stop: () => Promise<CliResult> } {
  let child: ChildProcess | undefined;
  const done = runNode(BIN, ['load', '-c', project.configFile, '--bodies', 'bodies.jsonl', '--rate', '30', '--duration', '5m'], {
    cwd: project.dir,
    env: { ...process.env, ...userEnv() },
    timeoutMs: 400_000,
    onSpawn: (c) => (child = c),
  });
  return {
    stop: async () => {
      child?.kill('SIGTERM');
      return done;
    },
  };
}

const output = (r: { stdout: string; stderr: string }): string => `${r.stdout}\n${r.stderr}`;

function expectExit(r: CliResult, code: number): void {
  if (r.code !== code) throw new Error(`exit ${r.code}, expected ${code}:\n${output(r).split('\n').slice(-60).join('\n')}`);
}

interface EndpointJson {
  tags?: Record<string, string>;
  properties: { traffic?: Record<string, number>; mirrorTraffic?: Record<string, number>; scoringUri?: string };
}

const endpointOf = (name: string): EndpointJson | undefined => world.arm.onlineEndpoint(world.workspace, name) as EndpointJson | undefined;
const deploymentOf = (endpoint: string, name: string) =>
  world.arm.onlineDeployment(world.workspace, endpoint, name) as
    { tags?: Record<string, string>; properties: { model?: string; environmentId?: string; provisioningState?: string } } | undefined;

/** ARM requests since `from` to this endpoint (its deployments included), as METHOD + path below the endpoint */
function endpointWrites(endpoint: string, from: number): Array<{ method: string; below: string; body: unknown }> {
  const marker = `/onlineEndpoints/${endpoint}`;
  return world.arm.requests
    .filter((r) => Date.parse(r.at) >= from && r.path.includes(marker) && (r.method === 'PUT' || r.method === 'DELETE'))
    .map((r) => ({ method: r.method, below: r.path.slice(r.path.indexOf(marker) + marker.length), body: r.body }));
}

/** a call to the fake ARM as another client of the workspace makes it (over the test CA) */
function armCall(method: string, below: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const token = mintFakeAccessToken({ aud: world.arm.origin, tid: TENANT_ID, oid: world.objectId });
  const url = new URL(`${world.arm.origin}${world.workspaceId}${below}`);
  url.searchParams.set('api-version', '2024-10-01');
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca: testCa().caCert,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        let answer = '';
        res.on('data', (c: Buffer) => (answer += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer ? (JSON.parse(answer) as unknown) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** the endpoint's keys, as another client of the workspace reads them */
async function endpointKeys(endpoint: string): Promise<string[]> {
  const keys = (await armCall('POST', `/onlineEndpoints/${endpoint}/listKeys`)).body as { primaryKey: string; secondaryKey: string };
  return [keys.primaryKey, keys.secondaryKey];
}

/** PUT the endpoint as read, with `tags` replaced: what another tool writing the lock tag does */
async function writeTags(endpoint: string, tags: Record<string, string>): Promise<void> {
  const current = endpointOf(endpoint) as EndpointJson & { location: string; identity?: { type: string } };
  const res = await armCall('PUT', `/onlineEndpoints/${endpoint}`, {
    location: current.location,
    identity: { type: current.identity?.type ?? 'SystemAssigned' },
    tags,
    properties: { authMode: 'Key', traffic: current.properties.traffic ?? {}, mirrorTraffic: current.properties.mirrorTraffic ?? {} },
  });
  if (res.status >= 300) throw new Error(`PUT endpoint: ${res.status} ${JSON.stringify(res.body)}`);
  // wait for the operation to end, reading the endpoint as a client polls it
  for (let i = 0; i < 60; i++) {
    const read = (await armCall('GET', `/onlineEndpoints/${endpoint}`)).body as { properties: { provisioningState?: string } };
    if (read.properties.provisioningState === 'Succeeded') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the endpoint update did not finish`);
}

describe('the CLI ships Azure ML model versions to a managed online endpoint', () => {
  const MODEL = 'aml-cli-model';
  const ENDPOINT = `aml-cli-${process.pid % 100000}`;
  let project: TestProject;
  const published: string[] = [];
  const run = async (args: string[]): Promise<CliResult> => {
    const r = await cli(project, args);
    published.push(output(r));
    return r;
  };

  beforeAll(async () => {
    project = projectFor(MODEL, ENDPOINT, 'ms-aml-cli-');
    await world.seedVersion(MODEL, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
  });

  afterAll(async () => {
    const r = await cli(project, ['down'], 180_000);
    expectExit(r, 0);
    expect(endpointOf(ENDPOINT)).toBeUndefined();
  });

  it('a first version becomes the endpoint and its first deployment, at 100%, with the registered model attached', async () => {
    const r = await run(['run']);
    expectExit(r, 0);
    expect(output(r)).toMatch(/creating the online endpoint \(auth mode Key\)/);
    expect(output(r)).toMatch(/smoke tests go to 'blue'/);
    const endpoint = endpointOf(ENDPOINT);
    expect(endpoint?.properties.traffic).toEqual({ blue: 100 });
    const blue = deploymentOf(ENDPOINT, 'blue');
    expect(blue?.properties.model).toBe(`${world.workspaceId}/models/${MODEL}/versions/1`);
    expect(blue?.properties.environmentId).toMatch(new RegExp(`/environments/modelship-${ENDPOINT}/versions/[0-9a-f]{16}$`));
    expect(blue?.tags).toMatchObject({ 'modelship.model': MODEL, 'modelship.version': '1' });
    // the lock was released
    expect(Object.keys(endpoint?.tags ?? {}).filter((t) => t.startsWith('modelship.lock'))).toEqual([]);
  });

  it('a good version is staged at 0%, smoke-tested by the deployment header, and goes 10 -> 50 -> 100 under live load', async () => {
    await world.seedVersion(MODEL, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    const from = Date.now();
    const load = startLoad(project);
    let r: CliResult;
    try {
      r = await run(['run']);
    } finally {
      published.push(output(await load.stop()));
    }
    expectExit(r, 0);
    const out = output(r);
    expect(out).toMatch(/staging aml-cli-model v2 in .* as 'green' with no traffic/);
    expect(out).toMatch(/'green' serves aml-cli-model v2 with no traffic \(staged\): rolling it out/);
    for (const step of ['step 1/3: new 10% / stable 90%', 'step 2/3: new 50% / stable 50%', 'step 3/3: new 100% / stable 0%'])
      expect(out).toContain(step);
    expect(out).toMatch(/\[step 1\/3 10%\] .* requests \d+ errors 0 .* \| probe requests \d+ errors 0 -> pass/);
    expect(endpointOf(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(deploymentOf(ENDPOINT, 'blue')).toBeUndefined();

    // green was provisioned once (the staged deployment is the one rolled out)
    const writes = endpointWrites(ENDPOINT, from);
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
    const load = startLoad(project);
    let r: CliResult;
    try {
      r = await run(['run']);
    } finally {
      published.push(output(await load.stop()));
    }
    expectExit(r, 1);
    const out = output(r);
    expect(out).toMatch(/smoke tests go to 'blue'/);
    expect(out).toMatch(/rolled back/i);
    expect(out).toMatch(/step 1\/3 \(10%\): error rate \d+\.\d% > 2\.0%/);
    expect(out).not.toContain('step 2/3');
    expect(endpointOf(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(deploymentOf(ENDPOINT, 'blue')).toBeUndefined();
    expect(deploymentOf(ENDPOINT, 'green')?.tags).toMatchObject({ 'modelship.version': '2' });
    // the stable deployment's instances were never touched: no write to it during the run
    expect(endpointWrites(ENDPOINT, from).filter((w) => w.below.startsWith('/deployments/green'))).toEqual([]);
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
    expect(endpointOf(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    expect(deploymentOf(ENDPOINT, 'blue')).toBeUndefined();
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
    expect(endpointOf(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
  });

  it('a command waits for no one: a lock another runner holds stops it, naming the holder; an expired one is taken over', async () => {
    const tags = endpointOf(ENDPOINT)?.tags ?? {};
    const later = new Date(Date.now() + 10 * 60_000).toISOString();
    await writeTags(ENDPOINT, {
      ...tags,
      'modelship.lock.holder': 'rollout (runner-7 pid 4242, abcd1234)',
      'modelship.lock.expires': later,
    });
    const r = await run(['rollout', '--model-version', '2']);
    expectExit(r, 1);
    expect(output(r)).toContain(`endpoint ${ENDPOINT} is busy: 'rollout (runner-7 pid 4242, abcd1234)' holds its lock`);
    const earlier = new Date(Date.now() - 60_000).toISOString();
    await writeTags(ENDPOINT, {
      ...tags,
      'modelship.lock.holder': 'rollout (runner-7 pid 4242, abcd1234)',
      'modelship.lock.expires': earlier,
    });
    const r2 = await run(['rollout', '--model-version', '2']);
    expectExit(r2, 0);
    expect(output(r2)).toMatch(/taking over the lock of 'rollout \(runner-7 pid 4242, abcd1234\)', expired at/);
    expect(output(r2)).toMatch(/production already serves aml-cli-model v2/);
    expect(Object.keys(endpointOf(ENDPOINT)?.tags ?? {}).filter((t) => t.startsWith('modelship.lock'))).toEqual([]);
  });

  it('status reads the endpoint; no key appears in any output', async () => {
    const r = await run(['status']);
    expectExit(r, 0);
    expect(output(r)).toMatch(/green\s+aml-cli-model v2\s+traffic 100%\s+ready/);
    const keys = await endpointKeys(ENDPOINT);
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
        MODELSHIP_REGISTRY_USERNAME: docker.username,
        MODELSHIP_REGISTRY_PASSWORD: docker.password,
      },
      timeoutMs: 300_000,
    });
  }

  beforeAll(async () => {
    project = projectFor(MODEL, ENDPOINT, 'ms-aml-gh-');
    await world.seedVersion(MODEL, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
  });

  afterAll(async () => {
    expectExit(await cli(project, ['down'], 180_000), 0);
  });

  it('ships the first version, then a second one step by step, with the key masked', async () => {
    const first = await step();
    expect({ code: first.code, errors: errorAnnotations(first.stdout) }).toEqual({ code: 0, errors: [] });
    expect(first.outputs).toMatchObject({ result: 'promoted', 'model-version': '1' });

    await world.seedVersion(MODEL, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    const load = startLoad(project);
    let second: ActionRun;
    try {
      second = await step();
    } finally {
      await load.stop();
    }
    expect({ code: second.code, errors: errorAnnotations(second.stdout) }).toEqual({ code: 0, errors: [] });
    expect(second.outputs).toMatchObject({ result: 'promoted', 'model-version': '2' });
    for (const s of ['step 1/3: new 10%', 'step 2/3: new 50%', 'step 3/3: new 100%']) expect(second.stdout).toContain(s);
    expect(endpointOf(ENDPOINT)?.properties.traffic).toEqual({ green: 100 });
    // the key was registered as a secret with the runner, and is nowhere in what the step published
    const [primary] = await endpointKeys(ENDPOINT);
    expect(second.stdout).toContain(`::add-mask::${primary}`);
    // (the runner consumes ::add-mask:: lines; they are never shown)
    const shown = (text: string) => text.replaceAll(`::add-mask::${primary}\n`, '');
    const published = [first, second].flatMap((r) => [shown(r.stdout), r.stderr, r.summary]);
    for (const text of published) expect(text).not.toContain(primary);
  });
});
