import Docker from 'dockerode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { dockerTestEnv } from '../helpers/test-env';
import { FakeKube, startFakeKube } from './fakes/fake-kube';
import { Json, kubeApply, kubeRequest, waitFor } from './fakes/fake-kube-client';
import { CONTAINER_LABEL } from './fakes/fake-kube-node';

/**
 * Tests of the FAKE Kubernetes API server itself (test/contract/fakes/fake-kube.ts), over
 * plain HTTP with fetch: the API semantics the Kubernetes adapter relies on, and the
 * simulated cluster whose pods are real Docker containers.
 */
jest.setTimeout(60_000);

let fake: FakeKube;
const docker = new Docker();

const api = (method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) =>
  kubeRequest(fake, method, urlPath, body, headers);
const apply = (urlPath: string, obj: unknown, manager: string, force = false) => kubeApply(fake, urlPath, obj, manager, force);

function deployment(
  ns: string,
  name: string,
  o: {
    image?: string;
    command?: string[];
    replicas?: number;
    labels?: Record<string, string>;
    selector?: Record<string, string>;
    requests?: Json;
    extra?: Json;
    pds?: number;
    readiness?: boolean;
  } = {},
): Json {
  const labels = o.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: o.selector ?? { app: name } },
      ...(o.pds ? { progressDeadlineSeconds: o.pds } : {}),
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'app',
              image: o.image ?? dockerTestEnv().baseImage,
              ...(o.command ? { command: o.command } : {}),
              ports: [{ name: 'http', containerPort: 5001 }],
              ...(o.readiness === false
                ? {}
                : { readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 1, failureThreshold: 2 } }),
              ...(o.requests ? { resources: { requests: o.requests } } : {}),
              ...(o.extra ?? {}),
            },
          ],
        },
      },
    },
  };
}

const SERVER = [
  'python3',
  '-u',
  '-c',
  [
    'import os, http.server',
    'class H(http.server.BaseHTTPRequestHandler):',
    '    def do_GET(self):',
    "        b = ('hello from ' + os.environ['HOSTNAME'] + ' ' + self.path).encode()",
    "        self.send_response(int(os.environ.get('STATUS', '200')))",
    "        self.send_header('content-length', str(len(b)))",
    "        self.send_header('x-served-by', os.environ['HOSTNAME'])",
    '        self.end_headers()',
    '        self.wfile.write(b)',
    '    def do_POST(self):',
    "        n = int(self.headers.get('content-length') or 0)",
    '        b = self.rfile.read(n)',
    '        self.send_response(201)',
    "        self.send_header('content-length', str(len(b)))",
    '        self.end_headers()',
    '        self.wfile.write(b)',
    '    def log_message(self, *a):',
    '        pass',
    "print('serving on', os.environ['MODELSHIP_HOST'], os.environ['PORT'], flush=True)",
    "http.server.HTTPServer((os.environ['MODELSHIP_HOST'], int(os.environ['PORT'])), H).serve_forever()",
  ].join('\n'),
];

async function podsOf(ns: string, app: string): Promise<Json[]> {
  const r = await api('GET', `/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(`app=${app}`)}`);
  return r.body.items as Json[];
}

function containerStatus(pod: Json): Json {
  return ((pod.status as Json).containerStatuses as Json[])?.[0] ?? {};
}

async function podEvents(ns: string, pod: string): Promise<Json[]> {
  const r = await api(
    'GET',
    `/api/v1/namespaces/${ns}/events?fieldSelector=${encodeURIComponent(`involvedObject.kind=Pod,involvedObject.name=${pod}`)}`,
  );
  expect(r.status).toBe(200);
  return r.body.items as Json[];
}

async function containersOf(): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}=${fake.instanceId}`] } });
}

beforeAll(async () => {
  fake = await startFakeKube();
});

afterAll(async () => {
  const id = fake?.instanceId;
  await fake?.close();
  if (id) expect(await docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}=${id}`] } })).toHaveLength(0);
});

describe('API semantics', () => {
  it('serves discovery: deployments in apps/v1, pods/log and services/proxy in v1, the groups', async () => {
    const apps = await api('GET', '/apis/apps/v1');
    expect(apps.status).toBe(200);
    expect(apps.body.kind).toBe('APIResourceList');
    expect(apps.body.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'deployments',
          singularName: 'deployment',
          namespaced: true,
          kind: 'Deployment',
          verbs: expect.arrayContaining(['get', 'patch', 'create']) as unknown,
        }),
      ]),
    );
    const core = await api('GET', '/api/v1');
    const names = (core.body.resources as Json[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['configmaps', 'secrets', 'services', 'pods', 'pods/log', 'events', 'services/proxy']));
    const groups = await api('GET', '/apis');
    expect((groups.body.groups as Json[]).map((g) => g.name)).toEqual(
      expect.arrayContaining(['apps', 'networking.k8s.io', 'coordination.k8s.io', 'autoscaling', 'gateway.networking.k8s.io']),
    );
    for (const gv of [
      '/apis/networking.k8s.io/v1',
      '/apis/coordination.k8s.io/v1',
      '/apis/autoscaling/v2',
      '/apis/gateway.networking.k8s.io/v1',
    ])
      expect((await api('GET', gv)).status).toBe(200);
    expect((await api('GET', '/version')).body.major).toBe('1');
    expect((await api('GET', '/api')).body.versions).toEqual(['v1']);
  });

  it('refuses a request without the bearer token with a 401 Status', async () => {
    const res = await fetch(`${fake.url}/api/v1/namespaces/default/configmaps`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401 });
    const wrong = await fetch(`${fake.url}/version`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(fake.requests.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses invalid objects with 422 naming the field', async () => {
    const bad = deployment('val', 'web', { replicas: 0, selector: { app: 'other' } });
    const r = await api('POST', '/apis/apps/v1/namespaces/val/deployments', bad);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422 });
    expect(r.body.message).toMatch(/spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`/);
    expect(((r.body.details as Json).causes as Json[])[0].field).toBe('spec.template.metadata.labels');

    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'My-Service' },
      spec: { selector: { app: 'x' }, ports: [{ port: 80 }] },
    };
    const s = await api('POST', '/api/v1/namespaces/val/services', svc);
    expect(s.status).toBe(422);
    expect(s.body.message).toMatch(/metadata\.name: Invalid value: "My-Service": a DNS-1035 label/);

    // schema checks of kubernetes-models: a port that is not a number
    const typed = await api('POST', '/api/v1/namespaces/val/services', {
      ...svc,
      metadata: { name: 'ok' },
      spec: { selector: { app: 'x' }, ports: [{ port: 'eighty' }] },
    });
    expect(typed.status).toBe(422);
    expect(typed.body.message).toMatch(/spec\.ports\[0\]\.port/);

    const label = await api('POST', '/api/v1/namespaces/val/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { k: 'x'.repeat(64) } },
    });
    expect(label.status).toBe(422);
    expect(label.body.message).toMatch(/metadata\.labels: Invalid value: .*must be no more than 63 characters/);

    const secret = await api('POST', '/api/v1/namespaces/val/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { k: 'not base64!' },
    });
    expect(secret.status).toBe(422);
    expect(secret.body.message).toMatch(/data\[k\]/);
  });

  it('keeps a Deployment selector and a Service clusterIP immutable', async () => {
    const d = deployment('imm', 'web', { replicas: 0 });
    const created = await api('POST', '/apis/apps/v1/namespaces/imm/deployments', d);
    expect(created.status).toBe(201);
    expect((created.body.metadata as Json).generation).toBe(1);
    const changed = deployment('imm', 'web', { replicas: 0, selector: { app: 'web', tier: 'x' }, labels: { app: 'web', tier: 'x' } });
    const r = await api('PUT', '/apis/apps/v1/namespaces/imm/deployments/web', changed);
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/spec\.selector: Invalid value: .*field is immutable/);
    const byApply = await apply('/apis/apps/v1/namespaces/imm/deployments/web', changed, 'someone', true);
    expect(byApply.status).toBe(422);

    const svc = await api('POST', '/api/v1/namespaces/imm/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    expect(svc.status).toBe(201);
    const ip = (svc.body.spec as Json).clusterIP;
    expect(ip).toMatch(/^10\.96\./);
    const moved = await api(
      'PATCH',
      '/api/v1/namespaces/imm/services/web',
      { spec: { clusterIP: '10.96.200.200' } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(moved.status).toBe(422);
    expect(moved.body.message).toMatch(/spec\.clusterIP.*field is immutable/);
  });

  it('refuses a PUT with a stale resourceVersion with 409 Conflict, and a missing object with 404', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'state' }, data: { a: '1' } };
    const created = await api('POST', '/api/v1/namespaces/rv/configmaps', cm);
    expect(created.status).toBe(201);
    const rv1 = (created.body.metadata as Json).resourceVersion as string;
    expect(rv1).toMatch(/^\d+$/);
    expect((await api('POST', '/api/v1/namespaces/rv/configmaps', cm)).body.reason).toBe('AlreadyExists');
    const ok = await api('PUT', '/api/v1/namespaces/rv/configmaps/state', {
      ...cm,
      metadata: { name: 'state', resourceVersion: rv1 },
      data: { a: '2' },
    });
    expect(ok.status).toBe(200);
    expect(Number((ok.body.metadata as Json).resourceVersion)).toBeGreaterThan(Number(rv1));
    const stale = await api('PUT', '/api/v1/namespaces/rv/configmaps/state', {
      ...cm,
      metadata: { name: 'state', resourceVersion: rv1 },
      data: { a: '3' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(stale.body.message).toMatch(/the object has been modified/);
    expect((await api('PUT', '/api/v1/namespaces/rv/configmaps/nope', { ...cm, metadata: { name: 'nope' } })).status).toBe(404);
    // leases: the same semantics (the adapter's lock)
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'lock' },
      spec: { holderIdentity: 'a', leaseDurationSeconds: 4, renewTime: '2024-01-01T00:00:00.000000Z' },
    };
    const l = await api('POST', '/apis/coordination.k8s.io/v1/namespaces/rv/leases', lease);
    expect(l.status).toBe(201);
    const lrv = (l.body.metadata as Json).resourceVersion as string;
    expect(
      (
        await api('PUT', '/apis/coordination.k8s.io/v1/namespaces/rv/leases/lock', {
          ...lease,
          metadata: { name: 'lock', resourceVersion: lrv },
          spec: { ...lease.spec, holderIdentity: 'b' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api('PUT', '/apis/coordination.k8s.io/v1/namespaces/rv/leases/lock', {
          ...lease,
          metadata: { name: 'lock', resourceVersion: lrv },
          spec: { ...lease.spec, holderIdentity: 'c' },
        })
      ).status,
    ).toBe(409);
    expect(fake.history('ConfigMap', 'rv', 'state').map((h) => (h.object.data as Json).a)).toEqual(['1', '2']);
  });

  it('server-side apply converges, removes fields the manager dropped, and refuses a conflicting manager unless forced', async () => {
    const url = '/api/v1/namespaces/ssa/configmaps/cfg';
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', labels: { team: 'a' }, annotations: { note: 'x' } },
      data: { a: '1', b: '2' },
    };
    expect((await apply(url, cm, '')).status).toBe(400); // fieldManager is required
    const first = await apply(url, cm, 'modelship');
    expect(first.status).toBe(201);
    const rv = (first.body.metadata as Json).resourceVersion;
    // the same body again is a no-op: the resourceVersion does not move
    const again = await apply(url, YAML.stringify(cm), 'modelship');
    expect(again.status).toBe(200);
    expect((again.body.metadata as Json).resourceVersion).toBe(rv);
    expect(fake.history('ConfigMap', 'ssa', 'cfg')).toHaveLength(1);
    // a field the manager no longer applies is removed
    const dropped = await apply(url, { ...cm, metadata: { name: 'cfg', labels: { team: 'a' } }, data: { a: '1' } }, 'modelship');
    expect(dropped.status).toBe(200);
    expect(dropped.body.data).toEqual({ a: '1' });
    expect((dropped.body.metadata as Json).annotations).toBeUndefined();
    // another manager setting the same value shares the field; a different value conflicts
    const other = await apply(url, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '9', c: '3' } }, 'kubectl');
    expect(other.status).toBe(409);
    expect(other.body.reason).toBe('Conflict');
    expect(other.body.message).toMatch(/conflict with "modelship".*\.data\.a/);
    const forced = await apply(
      url,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '9', c: '3' } },
      'kubectl',
      true,
    );
    expect(forced.status).toBe(200);
    expect(forced.body.data).toEqual({ a: '9', c: '3' });
    expect(fake.managedFields('ConfigMap', 'ssa', 'cfg')).toEqual(
      expect.arrayContaining([
        { manager: 'kubectl', operation: 'Apply', fields: ['.data.a', '.data.c'] },
        { manager: 'modelship', operation: 'Apply', fields: ['.metadata.labels.team'] },
      ]),
    );
    // an apply of the wrong content type or body is refused
    expect((await api('PATCH', `${url}?fieldManager=x`, '[]', { 'content-type': 'application/json-patch+json' })).status).toBe(415);
    expect(
      fake.requests.some(
        (r) =>
          r.method === 'PATCH' &&
          r.contentType === 'application/apply-patch+yaml' &&
          r.query.fieldManager === 'kubectl' &&
          r.status === 409,
      ),
    ).toBe(true);
  });

  it('server-side apply of a Deployment: defaults survive a re-apply, dropped list items go, an Update manager conflicts', async () => {
    const url = '/apis/apps/v1/namespaces/ssa/deployments/api';
    const d = deployment('ssa', 'api', {
      replicas: 0,
      extra: {
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    });
    const first = await apply(url, d, 'modelship');
    expect(first.status).toBe(201);
    const spec = first.body.spec as { replicas: number; strategy: Json; template: { spec: { containers: Json[] } } };
    // defaulted by the API server, owned by no one
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(spec.template.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      ports: [{ name: 'http', containerPort: 5001, protocol: 'TCP' }],
    });
    const rv = await waitFor('the controller to settle', async () => {
      const a = (await api('GET', url)).body.metadata as Json;
      await new Promise((r) => setTimeout(r, 50));
      const b = (await api('GET', url)).body.metadata as Json;
      return a.resourceVersion === b.resourceVersion ? b.resourceVersion : undefined;
    });
    const again = await apply(url, d, 'modelship');
    expect((again.body.metadata as Json).resourceVersion).toBe(rv);
    expect((again.body.metadata as Json).generation).toBe(1);
    const fewer = deployment('ssa', 'api', { replicas: 0, extra: { env: [{ name: 'B', value: '2' }] } });
    const dropped = await apply(url, fewer, 'modelship');
    expect((dropped.body.spec as typeof spec).template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
    expect((dropped.body.metadata as Json).generation).toBe(2);
    // `kubectl scale` (an Update by another manager) takes spec.replicas; applying another value then conflicts
    const scaled = await api(
      'PATCH',
      `${url}?fieldManager=kubectl-scale`,
      { spec: { replicas: 0 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(scaled.status).toBe(200);
    const patched = await api(
      'PATCH',
      `${url}?fieldManager=kubectl-edit`,
      { spec: { revisionHistoryLimit: 3 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(patched.status).toBe(200);
    const conflict = await apply(url, { ...fewer, spec: { ...(fewer.spec as Json), revisionHistoryLimit: 5 } }, 'modelship');
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toMatch(/conflict with "kubectl-edit" using apps\/v1: \.spec\.revisionHistoryLimit/);
  });

  it('merge patch removes an annotation with null, and checks a resourceVersion precondition', async () => {
    const created = await api('POST', '/api/v1/namespaces/mp/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'm', annotations: { keep: 'k', drop: 'd' } },
      data: { x: '1' },
    });
    const rv = (created.body.metadata as Json).resourceVersion as string;
    const patched = await api(
      'PATCH',
      '/api/v1/namespaces/mp/configmaps/m',
      { metadata: { annotations: { drop: null, added: 'a' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(patched.status).toBe(200);
    expect((patched.body.metadata as Json).annotations).toEqual({ keep: 'k', added: 'a' });
    const stale = await api(
      'PATCH',
      '/api/v1/namespaces/mp/configmaps/m',
      { metadata: { resourceVersion: rv, annotations: { x: 'y' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(stale.status).toBe(409);
    const smp = await api(
      'PATCH',
      '/api/v1/namespaces/mp/configmaps/m',
      { data: { y: '2' } },
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    expect(smp.body.data).toEqual({ x: '1', y: '2' });
    expect(
      (await api('PATCH', '/api/v1/namespaces/mp/configmaps/gone', { data: {} }, { 'content-type': 'application/merge-patch+json' }))
        .status,
    ).toBe(404);
  });

  it('lists with label selectors and returns Lists with a resourceVersion', async () => {
    for (const [name, labels] of [
      ['one', { app: 'a', tier: 'web' }],
      ['two', { app: 'a' }],
      ['three', { app: 'b', tier: 'web' }],
    ] as const)
      await api('POST', '/api/v1/namespaces/sel/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels } });
    const names = async (sel: string) =>
      ((await api('GET', `/api/v1/namespaces/sel/configmaps?labelSelector=${encodeURIComponent(sel)}`)).body.items as Json[])
        .map((i) => (i.metadata as Json).name)
        .sort();
    expect(await names('app=a')).toEqual(['one', 'two']);
    expect(await names('app=a,tier!=web')).toEqual(['two']);
    expect(await names('tier')).toEqual(['one', 'three']);
    expect(await names('!tier')).toEqual(['two']);
    expect(await names('app in (a,b),tier')).toEqual(['one', 'three']);
    const list = await api('GET', '/api/v1/namespaces/sel/configmaps');
    expect(list.body).toMatchObject({
      kind: 'ConfigMapList',
      apiVersion: 'v1',
      metadata: { resourceVersion: expect.stringMatching(/^\d+$/) as unknown },
    });
    expect((await api('GET', '/api/v1/namespaces/sel/configmaps?labelSelector=a%20b')).status).toBe(400);
  });

  it('answers the next N requests with an injected 429 (Retry-After) or 500, then normally', async () => {
    fake.failNext(2, 429, { retryAfterSeconds: 3 });
    const a = await api('GET', '/api/v1/namespaces/faults/configmaps');
    const b = await api('GET', '/api/v1/namespaces/faults/configmaps');
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(a.headers.get('retry-after')).toBe('3');
    expect(a.body).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429, details: { retryAfterSeconds: 3 } });
    expect((await api('GET', '/api/v1/namespaces/faults/configmaps')).status).toBe(200);
    fake.failNext(1, 500, { match: (method) => method === 'POST' });
    expect((await api('GET', '/api/v1/namespaces/faults/configmaps')).status).toBe(200);
    const post = await api('POST', '/api/v1/namespaces/faults/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
    });
    expect(post.body).toMatchObject({ reason: 'InternalError', code: 500 });
    fake.failFor(60_000, 503);
    expect((await api('GET', '/version')).status).toBe(503);
    fake.failFor(0, 503);
    expect((await api('GET', '/version')).status).toBe(200);
  });

  it('writes a kubeconfig that names the server, the token and the context', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kube-')), 'config');
    fake.kubeconfig({ file, context: 'ctx', namespace: 'models' });
    const cfg = YAML.parse(fs.readFileSync(file, 'utf8')) as {
      clusters: Array<{ cluster: { server: string } }>;
      users: Array<{ user: { token: string } }>;
      contexts: Array<{ name: string; context: { namespace: string } }>;
      'current-context': string;
    };
    expect(cfg.clusters[0].cluster.server).toBe(fake.url);
    expect(cfg.users[0].user.token).toBe(fake.token);
    expect(cfg['current-context']).toBe('ctx');
    expect(cfg.contexts[0].context.namespace).toBe('models');
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});

describe('the simulated cluster (real containers)', () => {
  it('a Deployment of the base image becomes available and the service proxy reaches its pods', async () => {
    const ns = 'run';
    const created = await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'web', { command: SERVER, replicas: 2 }),
    );
    expect(created.status).toBe(201);
    await api('POST', `/api/v1/namespaces/${ns}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    const d = await waitFor('the deployment to be available', async () => {
      const r = await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/web`);
      const st = r.body.status as Json;
      return st?.availableReplicas === 2 && st.updatedReplicas === 2 ? r.body : undefined;
    });
    const st = d.status as Json;
    expect(st).toMatchObject({ observedGeneration: 1, replicas: 2, readyReplicas: 2 });
    expect(st.unavailableReplicas).toBeUndefined();
    expect(st.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Available', status: 'True' }),
        expect.objectContaining({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }),
      ]),
    );
    const pods = await podsOf(ns, 'web');
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect((pod.metadata as Json).name).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
      expect(((pod.metadata as Json).labels as Json)['pod-template-hash']).toMatch(/./);
      expect(((pod.metadata as Json).ownerReferences as Json[])[0]).toMatchObject({ kind: 'ReplicaSet', controller: true });
      expect((pod.status as Json).phase).toBe('Running');
      expect((pod.status as Json).conditions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'Ready', status: 'True' }),
          expect.objectContaining({ type: 'PodScheduled', status: 'True' }),
        ]),
      );
      expect(containerStatus(pod)).toMatchObject({
        name: 'app',
        ready: true,
        restartCount: 0,
        state: { running: expect.any(Object) as unknown },
      });
    }
    // the proxy forwards method, path, query and body, round-robin over the ready pods
    const answers = await Promise.all([0, 1, 2, 3].map(() => api('GET', `/api/v1/namespaces/${ns}/services/web:http/proxy/hello?x=1`)));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.text).toMatch(/^hello from web-.* \/hello\?x=1$/);
    }
    expect(new Set(answers.map((a) => a.headers.get('x-served-by'))).size).toBe(2);
    const posted = await api('POST', `/api/v1/namespaces/${ns}/services/http:web:80/proxy/score`, { rows: [1, 2] });
    expect(posted.status).toBe(201);
    expect(JSON.parse(posted.text)).toEqual({ rows: [1, 2] });
    const podNames = pods.map((p) => String((p.metadata as Json).name));
    expect(podNames.reduce((n, p) => n + fake.proxiedRequests(p), 0)).toBe(5);
    const log = await api('GET', `/api/v1/namespaces/${ns}/pods/${podNames[0]}/log?tailLines=5`);
    expect(log.status).toBe(200);
    expect(log.headers.get('content-type')).toMatch(/text\/plain/);
    expect(log.text).toMatch(/serving on 127\.0\.0\.1 \d+/);
    const events = await podEvents(ns, podNames[0]);
    expect(events.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']));
    // a Service with no ready pod behind it
    await api('POST', `/api/v1/namespaces/${ns}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nobody' },
      spec: { selector: { app: 'none' }, ports: [{ port: 80 }] },
    });
    const none = await api('GET', `/api/v1/namespaces/${ns}/services/nobody/proxy/`);
    expect(none.status).toBe(503);
    expect(none.body.message).toBe('no endpoints available for service "nobody"');

    // a template change: new pods first, the old ones go once the new ones are ready
    const oldPods = new Set(podNames);
    const changed = deployment(ns, 'web', { command: SERVER, replicas: 2, extra: { env: [{ name: 'V', value: '2' }] } });
    const updated = await api('PUT', `/apis/apps/v1/namespaces/${ns}/deployments/web`, changed);
    expect((updated.body.metadata as Json).generation).toBe(2);
    await waitFor('the rollout to finish', async () => {
      const r = await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/web`);
      const s = r.body.status as Json;
      const now = await podsOf(ns, 'web');
      return s.observedGeneration === 2 &&
        s.updatedReplicas === 2 &&
        s.availableReplicas === 2 &&
        s.replicas === 2 &&
        now.every((p) => !oldPods.has(String((p.metadata as Json).name)))
        ? true
        : undefined;
    });
    const seen = fake.history('Deployment', ns, 'web').map((h) => (h.object.status as Json | undefined)?.availableReplicas ?? 0);
    // never below the 2 - maxUnavailable (25% of 2 rounds down to 0) = 2 available once it was available
    expect(seen.slice(seen.indexOf(2))).not.toContain(1);
  });

  it('a container that exits at once goes to CrashLoopBackOff with restarts, a BackOff event and previous logs', async () => {
    const ns = 'crash';
    await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'boom', {
        command: ['python3', '-c', "import sys; print('model file is corrupt', flush=True); sys.exit(3)"],
        readiness: false,
      }),
    );
    const pod = await waitFor('CrashLoopBackOff after a restart', async () => {
      const [p] = await podsOf(ns, 'boom');
      const cs = p ? containerStatus(p) : {};
      return (cs.state as Json | undefined)?.waiting &&
        ((cs.state as Json).waiting as Json).reason === 'CrashLoopBackOff' &&
        Number(cs.restartCount) >= 2
        ? p
        : undefined;
    });
    const cs = containerStatus(pod);
    expect(cs.lastState).toMatchObject({ terminated: { reason: 'Error', exitCode: 3 } });
    expect(cs.ready).toBe(false);
    const name = String((pod.metadata as Json).name);
    const events = await podEvents(ns, name);
    const backoff = events.find((e) => e.reason === 'BackOff');
    expect(backoff).toMatchObject({
      type: 'Warning',
      involvedObject: expect.objectContaining({ kind: 'Pod', name, namespace: ns }) as unknown,
    });
    expect(backoff?.message).toMatch(/^Back-off restarting failed container app in pod/);
    const prev = await api('GET', `/api/v1/namespaces/${ns}/pods/${name}/log?previous=true&tailLines=1`);
    expect(prev.status).toBe(200);
    expect(prev.text).toBe('model file is corrupt\n');
    const d = await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/boom`);
    expect((d.body.status as Json).unavailableReplicas).toBe(1);
    expect((d.body.status as Json).availableReplicas).toBeUndefined();
  });

  it('a nonexistent image goes to ImagePullBackOff with a Failed event', async () => {
    const ns = 'pull';
    await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'ghost', { image: `127.0.0.1:5055/nope/nope@sha256:${'0'.repeat(64)}`, readiness: false }),
    );
    const pod = await waitFor('ImagePullBackOff', async () => {
      const [p] = await podsOf(ns, 'ghost');
      const waiting = p ? ((containerStatus(p).state as Json | undefined)?.waiting as Json | undefined) : undefined;
      return waiting?.reason === 'ImagePullBackOff' ? p : undefined;
    });
    expect((pod.status as Json).phase).toBe('Pending');
    const events = await podEvents(ns, String((pod.metadata as Json).name));
    const failed = events.find((e) => e.reason === 'Failed' && String(e.message).startsWith('Failed to pull image'));
    expect(failed).toMatchObject({ type: 'Warning' });
    expect(failed?.message).toContain('127.0.0.1:5055/nope/nope@sha256:');
    expect(events.map((e) => e.reason)).toEqual(expect.arrayContaining(['Pulling', 'BackOff']));
  });

  it('a pod requesting more than the node has stays Pending with FailedScheduling; the deadline then passes', async () => {
    const ns = 'sched';
    await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'big', { requests: { cpu: '64' }, pds: 2, readiness: false }),
    );
    const pod = await waitFor('an unschedulable pod', async () => {
      const [p] = await podsOf(ns, 'big');
      const c = p ? ((p.status as Json).conditions as Json[] | undefined)?.find((x) => x.type === 'PodScheduled') : undefined;
      return c?.status === 'False' ? p : undefined;
    });
    const cond = ((pod.status as Json).conditions as Json[]).find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ reason: 'Unschedulable', message: expect.stringMatching(/Insufficient cpu/) as unknown });
    expect((pod.status as Json).phase).toBe('Pending');
    const events = await podEvents(ns, String((pod.metadata as Json).name));
    expect(events.find((e) => e.reason === 'FailedScheduling')).toMatchObject({
      type: 'Warning',
      source: { component: 'default-scheduler' },
    });
    const d = await waitFor(
      'ProgressDeadlineExceeded',
      async () => {
        const r = await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/big`);
        const p = ((r.body.status as Json).conditions as Json[]).find((c) => c.type === 'Progressing');
        return p?.reason === 'ProgressDeadlineExceeded' ? p : undefined;
      },
      10_000,
    );
    expect(d).toMatchObject({ status: 'False', message: expect.stringMatching(/has timed out progressing/) as unknown });
  });

  it('an OOM kill is reported as OOMKilled and the container restarts', async () => {
    const ns = 'oom';
    await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'mem', { command: SERVER }));
    const [pod] = await waitFor('a ready pod', async () => {
      const ps = await podsOf(ns, 'mem');
      return ps.length === 1 && containerStatus(ps[0]).ready === true ? ps : undefined;
    });
    const name = String((pod.metadata as Json).name);
    await fake.killContainer(name, { oom: true });
    const after = await waitFor('the OOM kill in the status', async () => {
      const r = await api('GET', `/api/v1/namespaces/${ns}/pods/${name}`);
      const cs = containerStatus(r.body);
      return ((cs.lastState as Json).terminated as Json | undefined)?.reason === 'OOMKilled' ? cs : undefined;
    });
    expect(after.restartCount).toBe(1);
    await waitFor(
      'the restarted container to be ready',
      async () => containerStatus((await api('GET', `/api/v1/namespaces/${ns}/pods/${name}`)).body).ready === true,
    );
  });

  it('a failing readiness probe keeps the pod unready, with Unhealthy events, out of the Service', async () => {
    const ns = 'unready';
    await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'sick', { command: SERVER, extra: { env: [{ name: 'STATUS', value: '503' }] } }),
    );
    await api('POST', `/api/v1/namespaces/${ns}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'sick' },
      spec: { selector: { app: 'sick' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    const pod = await waitFor('an Unhealthy event', async () => {
      const [p] = await podsOf(ns, 'sick');
      const events = p ? await podEvents(ns, String((p.metadata as Json).name)) : [];
      return events.some(
        (e) =>
          e.reason === 'Unhealthy' &&
          e.message === 'Readiness probe failed: HTTP probe failed with statuscode: 503' &&
          e.type === 'Warning',
      )
        ? p
        : undefined;
    });
    const now = (await api('GET', `/api/v1/namespaces/${ns}/pods/${String((pod.metadata as Json).name)}`)).body;
    expect((now.status as Json).phase).toBe('Running');
    expect(containerStatus(now)).toMatchObject({ ready: false, started: true, state: { running: expect.any(Object) as unknown } });
    expect(((now.status as Json).conditions as Json[]).find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
    });
    expect((await api('GET', `/api/v1/namespaces/${ns}/services/sick:http/proxy/`)).status).toBe(503);
    const d = await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/sick`);
    expect(((d.body.status as Json).conditions as Json[]).find((c) => c.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
  });

  it("pulls a private image from the registry with the pod's imagePullSecrets, and fails without them", async () => {
    const env = dockerTestEnv();
    const repo = `${env.registry}/fake-kube-tests/python`;
    const tag = 'fake-kube-pull-test';
    const image = `${repo}:${tag}`;
    const authconfig = { username: env.username, password: env.password, serveraddress: env.registry };
    await docker.getImage(env.baseImage).tag({ repo, tag });
    const pushed = await docker.getImage(image).push({ authconfig });
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(pushed, (err: Error | null) => (err ? reject(err) : resolve())),
    );
    // only the registry has it now: the kubelet has to pull
    await docker.getImage(image).remove();
    const ns = 'private';
    try {
      await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'anon', { image, command: SERVER }));
      const anon = await waitFor('ErrImagePull without credentials', async () => {
        const [p] = await podsOf(ns, 'anon');
        const waiting = p ? ((containerStatus(p).state as Json | undefined)?.waiting as Json | undefined) : undefined;
        return waiting && ['ErrImagePull', 'ImagePullBackOff'].includes(String(waiting.reason)) ? waiting : undefined;
      });
      expect(anon.message).toMatch(/auth|unauthorized/i);
      const dockerconfig = {
        auths: {
          [env.registry]: {
            username: env.username,
            password: env.password,
            auth: Buffer.from(`${env.username}:${env.password}`).toString('base64'),
          },
        },
      };
      const secret = await api('POST', `/api/v1/namespaces/${ns}/secrets`, {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'regcred' },
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': Buffer.from(JSON.stringify(dockerconfig)).toString('base64') },
      });
      expect(secret.status).toBe(201);
      const d = deployment(ns, 'priv', { image, command: SERVER });
      ((d.spec as Json).template as { spec: Json }).spec.imagePullSecrets = [{ name: 'regcred' }];
      await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, d);
      const [pod] = await waitFor('the pulled pod to be ready', async () => {
        const ps = await podsOf(ns, 'priv');
        return ps.length === 1 && containerStatus(ps[0]).ready === true ? ps : undefined;
      });
      const events = await podEvents(ns, String((pod.metadata as Json).name));
      expect(events.map((e) => `${String(e.reason)}: ${String(e.message)}`)).toEqual(
        expect.arrayContaining([
          `Pulling: Pulling image "${image}"`,
          expect.stringMatching(/^Pulled: Successfully pulled image ".*" in [\d.]+s/),
        ]),
      );
    } finally {
      await api('DELETE', `/apis/apps/v1/namespaces/${ns}/deployments/priv`);
      await api('DELETE', `/apis/apps/v1/namespaces/${ns}/deployments/anon`);
      await docker
        .getImage(image)
        .remove()
        .catch(() => undefined);
    }
  });

  it('deleting a Deployment deletes its pods and removes their containers', async () => {
    const ns = 'del';
    await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'gone', { command: SERVER, replicas: 2 }));
    await waitFor('two running containers', async () =>
      (await containersOf()).filter((c) => c.Labels[`${CONTAINER_LABEL}.namespace`] === ns && c.State === 'running').length === 2
        ? true
        : undefined,
    );
    const del = await api('DELETE', `/apis/apps/v1/namespaces/${ns}/deployments/gone`);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'gone', group: 'apps', kind: 'deployments' } });
    // the pods terminate gracefully (deletionTimestamp set at once), then go
    expect((await podsOf(ns, 'gone')).every((p) => (p.metadata as Json).deletionTimestamp !== undefined)).toBe(true);
    await waitFor('the pods to be gone', async () => ((await podsOf(ns, 'gone')).length === 0 ? true : undefined), 20_000);
    expect((await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/gone`)).status).toBe(404);
    await waitFor(
      'the containers to be removed',
      async () => ((await containersOf()).filter((c) => c.Labels[`${CONTAINER_LABEL}.namespace`] === ns).length === 0 ? true : undefined),
      20_000,
    );
    const history = fake.history('Deployment', ns, 'gone');
    expect(history[history.length - 1].type).toBe('DELETED');
  });
});
