import * as fs from 'node:fs';
import { AzureWorld, startAzureWorld } from '../helpers/azure/azure-world';
import { OnlineEndpoints, createdAt, expectExit, output } from '../helpers/azure/online-endpoints';

/**
 * The azureml target against the FAKE Azure Resource Manager's online endpoints (real
 * containers, real HTTPS scoring on 127.0.0.1), driven through the CLI: what Azure does to a
 * client that the end-to-end suite does not show. Throttling and server errors on the way,
 * operations that end Canceled or outlive their deadline, the three auth modes of the data
 * plane, and a blue-green preview through mirror traffic with a separate staging endpoint.
 */
jest.setTimeout(300_000);

const APPROVED = { stage: 'approved' };
let world: AzureWorld;
let aml: OnlineEndpoints;
let counter = 0;

beforeAll(async () => {
  world = await startAzureWorld({ online: true });
  aml = new OnlineEndpoints(world);
});

afterAll(async () => {
  await world?.stop();
});

afterEach(() => {
  world.arm.clearFaults();
  expect(fs.readFileSync(world.netlog, 'utf8')).toBe('');
});

/** a fresh model with version 1 (good1) and a fresh endpoint name */
async function fresh(prefix: string, opts: Parameters<OnlineEndpoints['project']>[3] = {}) {
  counter += 1;
  const model = `${prefix}-model-${counter}`;
  const endpoint = `${prefix}-${counter}-${process.pid % 10000}`;
  const project = aml.project(model, endpoint, `ms-aml-${prefix}-`, opts);
  await world.seedVersion(model, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
  return { model, endpoint, project };
}

describe('Azure Resource Manager answers the target meets', () => {
  it('throttling (429) and server errors (500), on a PUT and on an operation poll, are retried; operations are followed through several polls', async () => {
    const { endpoint, project } = await fresh('retry');
    world.arm.throttle({ method: 'PUT', path: `**/onlineEndpoints/${endpoint}/deployments/*` }, 2, 1);
    world.arm.injectFault({ method: 'GET', path: '**/mfeOperationsStatus/*', status: 500, count: 1 });
    const from = Date.now();
    const r = await aml.cli(project, ['run']);
    expectExit(r, 0);
    expect(output(r)).toMatch(/Azure Resource Manager answered 429 to PUT .*deployments\/blue; retry 1\/4 in 1\.0 s \(Retry-After\)/);
    expect(output(r)).toMatch(/Azure Resource Manager answered 500 to GET .*mfeOperationsStatus.*; retry 1\/4/);
    expect(aml.endpoint(endpoint)?.properties.traffic).toEqual({ blue: 100 });
    // the deployment's operation was polled until it ended, several times
    const polls = world.arm.requests.filter(
      (q) => Date.parse(q.at) >= from && q.method === 'GET' && q.path.includes('/mfeOperationsStatus/'),
    );
    expect(polls.length).toBeGreaterThanOrEqual(4);
    expectExit(await aml.cli(project, ['down']), 0);
  });

  it('an operation that ends Canceled fails the command with the service code; nothing is left behind', async () => {
    const { endpoint, project } = await fresh('cancel');
    world.arm.injectOnlineFault({ kind: 'canceled', endpoint });
    const r = await aml.cli(project, ['run']);
    expectExit(r, 1);
    expect(output(r)).toMatch(
      /creating deployment 'blue' of online endpoint .* failed: Azure ML: OperationCanceled: .*\(the operation ended Canceled\)/,
    );
    expect(aml.deployment(endpoint, 'blue')).toBeUndefined();
    expect(aml.endpoint(endpoint)?.properties.traffic).toEqual({});
    expectExit(await aml.cli(project, ['down']), 0);
  });

  it('an operation that outlives provisioningTimeout is given up, saying how long it waited and what it last saw', async () => {
    const { endpoint, project } = await fresh('deadline', { target: '    provisioningTimeout: 3s\n    metrics: { ingestionDelay: 1s }\n' });
    world.arm.injectOnlineFault({ kind: 'neverReady', endpoint });
    const r = await aml.cli(project, ['run']);
    expectExit(r, 1);
    expect(output(r)).toMatch(
      /creating deployment 'blue' of online endpoint .* failed: the operation did not finish within 3 s \(last status InProgress\)/,
    );
    expect(output(r)).toMatch(/check: .*provisioningTimeout/);
    // the deployment was still being provisioned: it could not be removed yet, and the command said so
    expect(output(r)).toMatch(/removing the failed deployment 'blue' failed \(the next command removes it\): .*409/);
    expect(aml.endpoint(endpoint)?.properties.traffic).toEqual({});
    // Azure refuses to delete the endpoint while the operation runs: wait until Azure gives up on the deployment
    for (let i = 0; i < 120; i++) {
      const read = (await aml.armCall('GET', `/onlineEndpoints/${endpoint}/deployments/blue`)).body as {
        properties: { provisioningState: string };
      };
      if (read.properties.provisioningState !== 'Creating') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expectExit(await aml.cli(project, ['down']), 0);
  });
});

describe('the data plane in each auth mode', () => {
  it.each([
    ['aml_token', 'AMLToken'],
    ['aad_token', 'AADToken'],
  ])('authMode %s: the endpoint is created so, and smoke tests and probes authenticate with its credential', async (mode, wire) => {
    const { endpoint, project } = await fresh(mode.replace('_', ''), {
      target: `    authMode: ${mode}\n    provisioningTimeout: 3m\n    metrics: { ingestionDelay: 1s }\n`,
    });
    const r = await aml.cli(project, ['run']);
    expectExit(r, 0);
    expect(aml.endpoint(endpoint)?.properties.authMode).toBe(wire);
    const served = world.arm.scoringRequests().filter((s) => s.endpoint === endpoint);
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((s) => s.status === 200)).toBe(true);
    expectExit(await aml.cli(project, ['down']), 0);
  });
});

describe('blue-green with a mirror preview and a separate staging endpoint', () => {
  it('stages on <endpoint>-staging, previews the new deployment on 20% mirror copies at 0% live traffic, then switches', async () => {
    const { model, endpoint, project } = await fresh('bluegreen', {
      target: '    stagingEndpoint: true\n    provisioningTimeout: 3m\n    metrics: { ingestionDelay: 1s }\n',
      rollout: '  strategy: blue-green\n  mirror: 20\n  bake: 8s\n  analysis: { interval: 2s, minRequests: 10, maxErrorRate: 0.02 }\n',
    });
    expectExit(await aml.cli(project, ['run']), 0);
    expect(aml.endpoint(`${endpoint}-staging`)?.properties.traffic).toEqual({ blue: 100 });

    await world.seedVersion(model, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    const from = Date.now();
    const load = aml.startLoad(project);
    let r;
    try {
      r = await aml.cli(project, ['run']);
    } finally {
      await load.stop();
    }
    expectExit(r, 0);
    expect(output(r)).toContain('step 1/2: new 0% / stable 100%, mirror 20% of live requests to new (preview)');
    // the staging endpoint serves v2 alone; production switched after the preview
    expect(aml.deployment(`${endpoint}-staging`, 'green')?.tags).toMatchObject({ 'modelship.version': '2' });
    expect(aml.endpoint(endpoint)?.properties).toMatchObject({ traffic: { green: 100 }, mirrorTraffic: {} });
    const puts = aml.writes(endpoint, from).filter((w) => w.method === 'PUT' && w.below === '');
    const maps = puts.map((p) => (p.body as { properties: { traffic: unknown; mirrorTraffic: unknown } }).properties);
    expect(maps).toContainEqual({
      ...maps.find((m) => JSON.stringify(m.mirrorTraffic) === '{"green":20}'),
      traffic: { blue: 100, green: 0 },
    });
    // the preview's only traffic to green was mirror copies (their answers discarded)
    const toGreen = world.arm
      .scoringRequests()
      .filter((s) => s.endpoint === endpoint && s.deployment === 'green' && s.atMs >= from && s.atMs < Date.now());
    expect(toGreen.some((s) => s.mirrored)).toBe(true);
    expectExit(await aml.cli(project, ['down']), 0);
    expect(aml.endpoint(`${endpoint}-staging`)).toBeUndefined();
  });
});
