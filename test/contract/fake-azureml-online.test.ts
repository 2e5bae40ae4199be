import * as https from 'node:https';
import * as path from 'node:path';
import Docker from 'dockerode';
import { DockerImageBuilder } from '../../shared/image/builder';
import { scoringServerPath } from '../../shared/paths';
import { AzureWorld, startAzureWorld } from '../helpers/azure/azure-world';
import { testCa } from '../helpers/azure/test-ca';
import { FIXTURE } from '../helpers/project';
import { dockerTestEnv } from '../helpers/test-env';
import { CONTAINER_LABEL, INSTANCE_LABEL, armPath, mintFakeAccessToken } from './fakes/fake-azureml';

/**
 * Tests of the FAKE Azure Resource Manager's managed online endpoints (test/contract/fakes/
 * fake-azureml/online): environment versions, endpoints and deployments with their long-running
 * operations, deployments as real containers on the Docker engine of scripts/test-env.sh, the
 * data plane (auth, routing, mirroring) and the Azure Monitor metrics built from it. Everything
 * runs on 127.0.0.1 (HTTPS with the test CA).
 */
jest.setTimeout(180_000);

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
  headers: Record<string, string | string[] | undefined>;
}

const docker = new Docker();
const env = dockerTestEnv();
const ca = testCa().caCert;
let world: AzureWorld;
let image: string;
let envId: string;

const ws = (rest = '') => armPath(world.workspace, rest);
const API = 'api-version=2024-10-01';

function request(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = https.request(
      url,
      {
        method,
        ca,
        agent: false,
        headers: {
          ...(text !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let parsed: Json = {};
          try {
            parsed = raw ? (JSON.parse(raw) as Json) : {};
          } catch {
            parsed = { raw };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const token = () => mintFakeAccessToken({ aud: world.arm.origin, oid: world.objectId, tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' });

function arm(method: string, p: string, body?: unknown): Promise<Answer> {
  const url = p.startsWith('https://') ? p : `${world.arm.origin}${p}${p.includes('?') ? '&' : '?'}${API}`;
  return request(url, method, body, { authorization: `Bearer ${token()}` });
}

const errorOf = (a: Answer) => (a.body.error ?? {}) as { code?: string; message?: string; details?: { target?: string }[] };

/** polls Azure-AsyncOperation until the operation ends; returns the final document and the number of polls */
async function waitOp(a: Answer): Promise<{ doc: Json; polls: number }> {
  const url = a.headers['azure-asyncoperation'] as string;
  expect(url).toMatch(
    /\/providers\/Microsoft\.MachineLearningServices\/locations\/westeurope\/mfeOperationsStatus\/[0-9a-f-]+\?api-version=2024-10-01$/,
  );
  for (let polls = 1; polls <= 900; polls += 1) {
    const s = await arm('GET', url);
    expect(s.status).toBe(200);
    if (s.body.status !== 'InProgress') return { doc: s.body, polls };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the operation did not end');
}

const endpointBody = (props: Json = {}) => ({
  location: 'westeurope',
  identity: { type: 'SystemAssigned' },
  properties: { authMode: 'Key', ...props },
});

function deploymentBody(model: string | undefined, props: Json = {}): Json {
  return {
    location: 'westeurope',
    sku: { name: 'Default', capacity: 1 },
    properties: {
      endpointComputeType: 'Managed',
      environmentId: envId,
      ...(model ? { model: ws(`/models/m/versions/${model}`) } : {}),
      instanceType: 'Standard_DS3_v2',
      requestSettings: { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 4 },
      readinessProbe: { initialDelay: 'PT0S', period: 'PT1S', timeout: 'PT1S', failureThreshold: 30 },
      livenessProbe: { initialDelay: 'PT0S', period: 'PT1S', timeout: 'PT1S', failureThreshold: 30 },
      ...props,
    },
  };
}

async function createDeployment(endpoint: string, name: string, model: string | undefined, props: Json = {}): Promise<Json> {
  const a = await arm('PUT', ws(`/onlineEndpoints/${endpoint}/deployments/${name}`), deploymentBody(model, props));
  expect([200, 201]).toContain(a.status);
  return (await waitOp(a)).doc;
}

async function score(endpoint: string, auth: string | undefined, headers: Record<string, string> = {}, data = [1, 2]): Promise<Answer> {
  const uri = (world.arm.onlineEndpoint(world.workspace, endpoint)?.properties as Json).scoringUri as string;
  return request(uri, 'POST', { data }, { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers });
}

async function keyOf(endpoint: string): Promise<string> {
  const k = await arm('POST', ws(`/onlineEndpoints/${endpoint}/listKeys`));
  expect(k.status).toBe(200);
  return k.body.primaryKey as string;
}

beforeAll(async () => {
  const builder = new DockerImageBuilder({
    docker,
    credential: async () => ({ username: env.username, password: env.password, source: 'test' }),
    log: () => undefined,
  });
  const built = await builder.build({
    repository: `${env.registry}/modelship-tests/fake-azureml-online`,
    inputs: {
      baseImage: env.baseImage,
      model: { name: 'm', version: '1', dir: path.join(FIXTURE, 'models', 'good1') },
      codeDir: path.join(FIXTURE, 'src'),
      scoringScript: 'score.py',
      scoringServer: scoringServerPath(),
      // Route.path must contain a letter, digit or underscore (mfe.json Route: pattern [a-zA-Z0-9_]): '/' is refused
      readyPath: '/ready',
      scorePath: '/score',
    },
  });
  image = built.pinned;
  world = await startAzureWorld({
    online: { minOperationPolls: 2, retryAfterSeconds: 1, metricsGrainMs: 1000, metricsIngestionDelayMs: 1000 },
  });
  await world.seedVersion('m', '1', path.join(FIXTURE, 'models', 'good1'));
  await world.seedVersion('m', '2', path.join(FIXTURE, 'models', 'good2'));
  await world.seedVersion('m', '3', path.join(FIXTURE, 'models', 'init-raises'));
  envId = ws('/environments/serve/versions/1');
});

afterAll(async () => {
  await world?.stop();
});

describe('environment versions', () => {
  it('are created from an image with an inferenceConfig, are immutable, and need an image', async () => {
    const body = {
      properties: {
        image,
        inferenceConfig: {
          livenessRoute: { path: '/ready', port: 5001 },
          readinessRoute: { path: '/ready', port: 5001 },
          scoringRoute: { path: '/score', port: 5001 },
        },
      },
    };
    const a = await arm('PUT', envId, body);
    expect(a.status).toBe(201);
    expect((a.body.properties as Json).provisioningState).toBe('Succeeded');
    expect((await arm('PUT', envId, { properties: { ...body.properties, description: 'tags and descriptions may change' } })).status).toBe(
      200,
    );
    const changed = await arm('PUT', envId, { properties: { ...body.properties, image: `${image}-other` } });
    expect(changed.status).toBe(409);
    expect(errorOf(changed).message).toMatch(/immutable/);
    const none = await arm('PUT', ws('/environments/serve/versions/2'), { properties: { description: 'no image' } });
    expect(none.status).toBe(400);
    const bogus = await arm('PUT', ws('/environments/serve/versions/3'), {
      properties: { image, inferenceConfig: { scoringRoute: { path: '/score' } } },
    });
    expect(bogus.status).toBe(400);
    expect(errorOf(bogus).code).toBe('ValidationError');
    expect(errorOf(bogus).details?.map((d) => d.target)).toContain('properties.inferenceConfig.scoringRoute.port');
  });
});

describe('endpoints and deployments', () => {
  it('rejects bodies the schema forbids, naming the property', async () => {
    const a = await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody({ trafic: { blue: 100 } }));
    expect(a.status).toBe(400);
    expect(errorOf(a).details?.map((d) => d.target)).toContain('properties.trafic');
    const b = await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody({ authMode: 'Password' }));
    expect(errorOf(b).details?.map((d) => d.target)).toContain('properties.authMode');
    const c = await arm('PUT', ws('/onlineEndpoints/1bad'), endpointBody());
    expect(c.status).toBe(400);
    expect(errorOf(c).message).toMatch(/must begin with a letter/);
    const tags = await arm('PUT', ws('/onlineEndpoints/ep-main'), { ...endpointBody(), tags: { 'a/b': 'x' } });
    expect(tags.status).toBe(400);
    expect(errorOf(tags).code).toBe('InvalidTagNameCharacters');
  });

  it('creates an endpoint as a long-running operation that takes several polls', async () => {
    const a = await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody({ description: 'main' }));
    expect(a.status).toBe(201);
    expect((a.body.properties as Json).provisioningState).toBe('Creating');
    expect(a.headers['retry-after']).toBe('1');
    expect(a.headers.location).toMatch(/\/mfeOperationResults\//);
    const { doc, polls } = await waitOp(a);
    expect(doc.status).toBe('Succeeded');
    expect(polls).toBeGreaterThanOrEqual(3);
    const got = await arm('GET', ws('/onlineEndpoints/ep-main'));
    expect((got.body.properties as Json).scoringUri).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/score$/);
    expect((got.body.properties as Json).keys).toBeNull();
  });

  it('rejects deployment bodies and references the service would reject', async () => {
    const bad = await arm(
      'PUT',
      ws('/onlineEndpoints/ep-main/deployments/blue'),
      deploymentBody('1', { requestSettings: { requestTimeout: 'five seconds' } }),
    );
    expect(bad.status).toBe(400);
    expect(errorOf(bad).details?.map((d) => d.target)).toContain('properties.requestSettings.requestTimeout');
    const sku = await arm('PUT', ws('/onlineEndpoints/ep-main/deployments/blue'), deploymentBody('1', { instanceType: 'Standard_Tiny' }));
    expect(sku.status).toBe(400);
    expect(errorOf(sku).message).toMatch(/Instance type 'Standard_Tiny' is not supported/);
    const model = await arm('PUT', ws('/onlineEndpoints/ep-main/deployments/blue'), deploymentBody('99'));
    expect(model.status).toBe(404);
    const name = await arm('PUT', ws('/onlineEndpoints/ep-main/deployments/b'), deploymentBody('1'));
    expect(name.status).toBe(400);
  });

  it('runs deployments as containers; a write while an operation runs is a 409', async () => {
    const blue = await arm('PUT', ws('/onlineEndpoints/ep-main/deployments/blue'), deploymentBody('1'));
    expect(blue.status).toBe(201);
    expect((blue.body.properties as Json).provisioningState).toBe('Creating');
    const busy = await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody());
    expect(busy.status).toBe(409);
    expect((await waitOp(blue)).doc.status).toBe('Succeeded');
    expect((await createDeployment('ep-main', 'green', '2')).status).toBe('Succeeded');
    const got = await arm('GET', ws('/onlineEndpoints/ep-main/deployments/green'));
    expect((got.body.properties as Json).provisioningState).toBe('Succeeded');
    expect((got.body.properties as Json).scaleSettings).toEqual({ scaleType: 'Default' });
    const storage = await arm('POST', ws('/onlineEndpoints/ep-main/deployments/green/getLogs'), { containerType: 'StorageInitializer' });
    expect(storage.body.content).toMatch(/Downloading model m:2/);
  });

  it('enforces the traffic and mirror rules', async () => {
    const put = (traffic: Json, mirrorTraffic?: Json) =>
      arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody({ traffic, ...(mirrorTraffic ? { mirrorTraffic } : {}) }));
    expect(errorOf(await put({ blue: 50, green: 40 })).message).toMatch(/add up to 100/);
    expect(errorOf(await put({ blue: 100, purple: 0 })).message).toMatch(/'purple' does not exist/);
    expect(errorOf(await put({ blue: 100 }, { green: 60 })).message).toMatch(/between 0 and 50/);
    expect(errorOf(await put({ blue: 100 }, { blue: 10 })).message).toMatch(/both live and mirrored/);
    expect(errorOf(await put({ blue: 50, green: 50 }, { green: 10 })).message).toMatch(/both live and mirrored/);
    const ok = await put({ blue: 70, green: 30 });
    expect(ok.status).toBe(200);
    expect((await waitOp(ok)).doc.status).toBe('Succeeded');
    const del = await arm('DELETE', ws('/onlineEndpoints/ep-main/deployments/green'));
    expect(del.status).toBe(400);
    expect(errorOf(del).message).toMatch(/traffic to 0 before deleting/);
  });

  it('serves the data plane with key auth, header routing and a weighted random split', async () => {
    const key = await keyOf('ep-main');
    expect((await score('ep-main', undefined)).status).toBe(401);
    expect((await score('ep-main', 'not-the-key')).status).toBe(401);
    const one = await score('ep-main', key);
    expect(one.status).toBe(200);
    expect(['blue', 'green']).toContain(one.headers['azureml-model-deployment']);
    expect(one.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const green = await score('ep-main', key, { 'azureml-model-deployment': 'green' });
    expect(green.headers['azureml-model-deployment']).toBe('green');
    expect(green.body).toEqual({ prediction: 5, bias: 2 });
    expect((await score('ep-main', key, { 'azureml-model-deployment': 'purple' })).status).toBe(404);
    const counts: Record<string, number> = { blue: 0, green: 0 };
    for (let i = 0; i < 300; i += 1) {
      const r = await score('ep-main', key);
      expect(r.status).toBe(200);
      counts[r.headers['azureml-model-deployment'] as string] += 1;
    }
    expect(counts.blue / 300).toBeGreaterThan(0.55);
    expect(counts.blue / 300).toBeLessThan(0.85);
  });

  it('mirrors a share of the traffic to a deployment without live traffic, and never header-routed requests', async () => {
    const a = await arm(
      'PUT',
      ws('/onlineEndpoints/ep-main'),
      endpointBody({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 50 } }),
    );
    expect((await waitOp(a)).doc.status).toBe('Succeeded');
    const key = await keyOf('ep-main');
    const before = world.arm.scoringRequests().length;
    for (let i = 0; i < 100; i += 1) expect((await score('ep-main', key)).headers['azureml-model-deployment']).toBe('blue');
    await score('ep-main', key, { 'azureml-model-deployment': 'blue' });
    await new Promise((r) => setTimeout(r, 500));
    const recs = world.arm.scoringRequests().slice(before);
    const mirrored = recs.filter((r) => r.mirrored);
    expect(mirrored.every((r) => r.deployment === 'green')).toBe(true);
    expect(mirrored.length).toBeGreaterThan(20);
    expect(mirrored.length).toBeLessThan(80);
    expect(recs.filter((r) => !r.mirrored).every((r) => r.deployment === 'blue')).toBe(true);
  });

  it('a PUT without traffic sets every deployment to 0% and clears the mirror', async () => {
    const a = await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody());
    expect((await waitOp(a)).doc.status).toBe('Succeeded');
    const got = world.arm.onlineEndpoint(world.workspace, 'ep-main')?.properties as Json;
    expect(got.traffic).toEqual({});
    expect(got.mirrorTraffic).toEqual({});
    const key = await keyOf('ep-main');
    const r = await score('ep-main', key);
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/No valid deployments to route to/);
    // a deployment at 0% still answers to its header
    expect((await score('ep-main', key, { 'azureml-model-deployment': 'green' })).status).toBe(200);
    // every endpoint PUT the fake received is in its request log with its parsed body
    const puts = world.arm.requests.filter((q) => q.method === 'PUT' && /\/onlineEndpoints\/ep-main$/.test(q.path) && q.status < 300);
    expect(puts.length).toBeGreaterThanOrEqual(3);
    expect((puts[puts.length - 1].body as { properties: Json }).properties.traffic).toBeUndefined();
  });

  it('answers Azure Monitor metrics from the data plane: buckets appear after the ingestion delay; empty buckets carry no total', async () => {
    const id = ws('/onlineEndpoints/ep-main');
    const start = new Date(Date.now() - 60_000).toISOString();
    await new Promise((r) => setTimeout(r, 2_500));
    const end = new Date(Date.now() + 5_000).toISOString();
    const q = `${id}/providers/Microsoft.Insights/metrics?api-version=2023-10-01&metricnames=RequestsPerMinute,RequestLatency_P90&timespan=${start}/${end}&interval=PT1M&aggregation=Total,Average&$filter=${encodeURIComponent("deployment eq '*'")}`;
    const m = await request(`${world.arm.origin}${q}`, 'GET', undefined, { authorization: `Bearer ${token()}` });
    expect(m.status).toBe(200);
    expect(m.body.interval).toBe('PT1S');
    const rpm = (m.body.value as Json[])[0] as {
      name: Json;
      unit: string;
      timeseries: { metadatavalues: { value: string }[]; data: Json[] }[];
    };
    expect(rpm.name.value).toBe('RequestsPerMinute');
    const byDeployment = Object.fromEntries(rpm.timeseries.map((t) => [t.metadatavalues[0].value, t.data]));
    const recorded = world.arm
      .scoringRequests()
      .filter(
        (r) =>
          r.endpoint === 'ep-main' &&
          r.deployment === 'blue' &&
          r.atMs >= Math.floor(Date.parse(start) / 1000) * 1000 &&
          r.atMs < Date.now() - 2_000,
      );
    const total = (byDeployment.blue ?? []).reduce((s, p) => s + ((p.total as number | undefined) ?? 0), 0);
    expect(total).toBe(recorded.length);
    // the newest buckets are not ingested yet, and seconds without requests have only a timeStamp
    const last = byDeployment.blue[byDeployment.blue.length - 1];
    expect(Object.keys(last)).toEqual(['timeStamp']);
    expect(byDeployment.blue.some((p) => Object.keys(p).length === 1)).toBe(true);
    const unknown = await request(
      `${world.arm.origin}${id}/providers/Microsoft.Insights/metrics?api-version=2023-10-01&metricnames=Nope`,
      'GET',
      undefined,
      {
        authorization: `Bearer ${token()}`,
      },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('BadRequest');
    const badSpan = await request(
      `${world.arm.origin}${id}/providers/Microsoft.Insights/metrics?api-version=2023-10-01&metricnames=RequestsPerMinute&timespan=yesterday`,
      'GET',
      undefined,
      {
        authorization: `Bearer ${token()}`,
      },
    );
    expect(badSpan.status).toBe(400);
  });

  it('a container that never becomes ready, or crashes, ends the operation Failed with its logs', async () => {
    world.arm.injectOnlineFault({ kind: 'neverReady', endpoint: 'ep-main', deployment: 'never' });
    const never = await createDeployment('ep-main', 'never', '1', {
      readinessProbe: { initialDelay: 'PT0S', period: 'PT1S', timeout: 'PT1S', failureThreshold: 3 },
    });
    expect(never.status).toBe('Failed');
    expect((never.error as Json).code).toBe('ResourceNotReady');
    expect((never.error as Json).message).toMatch(/Readiness probe failed/);
    const logs = await arm('POST', ws('/onlineEndpoints/ep-main/deployments/never/getLogs'), {
      containerType: 'InferenceServer',
      tail: 50,
    });
    expect(String(logs.body.content).length).toBeGreaterThan(0);
    const crash = await createDeployment('ep-main', 'crash', '3');
    expect(crash.status).toBe('Failed');
    expect((crash.error as Json).message).toMatch(/crashed or terminated/);
    const crashLogs = await arm('POST', ws('/onlineEndpoints/ep-main/deployments/crash/getLogs'), { tail: 200 });
    expect(crashLogs.body.content).toMatch(/model file is corrupt/);
    expect((world.arm.onlineDeployment(world.workspace, 'ep-main', 'crash')?.properties as Json).provisioningState).toBe('Failed');
  });

  it('injects quota, canceled and failed operations', async () => {
    world.arm.injectOnlineFault({ kind: 'outOfQuota', when: 'initial', deployment: 'quota' });
    const q1 = await arm('PUT', ws('/onlineEndpoints/ep-main/deployments/quota'), deploymentBody('1'));
    expect(q1.status).toBe(400);
    expect(errorOf(q1).code).toBe('OutOfQuota');
    world.arm.injectOnlineFault({ kind: 'outOfQuota', deployment: 'quota' });
    expect(((await createDeployment('ep-main', 'quota', '1')).error as Json).code).toBe('OutOfQuota');
    world.arm.injectOnlineFault({ kind: 'canceled', deployment: 'quota' });
    expect((await createDeployment('ep-main', 'quota', '1')).status).toBe('Canceled');
    world.arm.injectOnlineFault({ kind: 'failed', target: 'endpoint', code: 'InternalServerError', message: 'boom' });
    const ep = await waitOp(await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody()));
    expect(ep.doc.status).toBe('Failed');
    expect(ep.doc.error).toMatchObject({ code: 'InternalServerError', message: 'boom' });
    world.arm.throttle({ path: '/subscriptions/*/providers/Microsoft.MachineLearningServices/locations/*/mfeOperationsStatus/*' }, 1, 1);
    const next = await arm('PUT', ws('/onlineEndpoints/ep-main'), endpointBody());
    const throttled = await arm('GET', next.headers['azure-asyncoperation'] as string);
    expect(throttled.status).toBe(429);
    expect((await waitOp(next)).doc.status).toBe('Succeeded');
  });

  it('issues AML tokens only to AMLToken endpoints and accepts them on the data plane', async () => {
    const a = await arm('PUT', ws('/onlineEndpoints/ep-token'), endpointBody({ authMode: 'AMLToken' }));
    expect((await waitOp(a)).doc.status).toBe('Succeeded');
    expect((await arm('POST', ws('/onlineEndpoints/ep-token/listKeys'))).status).toBe(400);
    expect((await arm('POST', ws('/onlineEndpoints/ep-main/token'))).status).toBe(400);
    const t = await arm('POST', ws('/onlineEndpoints/ep-token/token'));
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ tokenType: 'Bearer' });
    expect(typeof t.body.expiryTimeUtc).toBe('number');
    expect((await score('ep-token', 'made-up')).status).toBe(401);
    // authenticated, and no deployment to route to
    expect((await score('ep-token', t.body.accessToken as string)).status).toBe(404);
  });

  it('deletes an endpoint with its deployments through Location polling; stop() leaves no container', async () => {
    // this fake's containers (other suites may run fakes of their own at the same time)
    const mine = { all: true, filters: { label: [`${CONTAINER_LABEL}=1`, `${INSTANCE_LABEL}=${world.arm.onlineInstanceId}`] } };
    expect((await docker.listContainers(mine)).length).toBeGreaterThan(0);
    const d = await arm('DELETE', ws('/onlineEndpoints/ep-main'));
    expect(d.status).toBe(202);
    const loc = d.headers.location as string;
    let r = await arm('GET', loc);
    let polls = 1;
    while (r.status === 202 && polls < 300) {
      await new Promise((res) => setTimeout(res, 100));
      r = await arm('GET', loc);
      polls += 1;
    }
    expect(r.status).toBe(204);
    expect(polls).toBeGreaterThanOrEqual(3);
    expect((await arm('GET', ws('/onlineEndpoints/ep-main'))).status).toBe(404);
    await world.stop();
    expect(await docker.listContainers(mine)).toEqual([]);
    world = undefined as unknown as AzureWorld;
  });
});
