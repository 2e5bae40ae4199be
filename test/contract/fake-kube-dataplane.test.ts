import Docker from 'dockerode';
import * as http from 'node:http';
import * as net from 'node:net';
import { dockerTestEnv } from '../helpers/test-env';
import { FakeKube, startFakeKube } from './fakes/fake-kube';
import { Answer, kubeRequest, waitFor } from './fakes/fake-kube-client';
import { FakeDataPlane, GATEWAY_CONTROLLER } from './fakes/fake-kube-dataplane';
import { CONTAINER_LABEL } from './fakes/fake-kube-node';

/**
 * Tests of the FAKE cluster's termination and network (fake-kube-node.ts graceful
 * termination, fake-kube-dataplane.ts endpoints and data plane): pods are deleted
 * gracefully, endpoints lag the API, and one data plane is an ingress-nginx controller
 * and a Gateway API implementation whose configuration lags the store.
 */
jest.setTimeout(90_000);

type Json = Record<string, unknown>;

/** the endpoints lag the API by this much */
const ENDPOINT_LAG = 2_000;
/** the data plane programs a change this much after it was written */
const CONFIG_LAG = 1_000;
const HEADER = 'x-modelship-deployment';

let fake: FakeKube;
let plane: FakeDataPlane;
const docker = new Docker();

const api = (method: string, urlPath: string, body?: unknown, contentType = 'application/json') =>
  kubeRequest(fake, method, urlPath, body, body !== undefined ? { 'content-type': contentType } : {});
const mergePatch = (urlPath: string, patch: unknown) => api('PATCH', urlPath, patch, 'application/merge-patch+json');

interface Reply {
  status: number;
  text: string;
  /** the pod that answered (its x-served-by header) */
  pod?: string;
  error?: string;
  time: number;
}

/** one request to a loopback port with a Host header (fetch cannot set Host) */
function request(port: number, host: string, path = '/', headers: Record<string, string> = {}): Promise<Reply> {
  const time = Date.now();
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host, ...headers }, agent: false, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const served = res.headers['x-served-by'];
        const error = res.headers['x-fake-dataplane-error'];
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          ...(typeof served === 'string' ? { pod: served } : {}),
          ...(typeof error === 'string' ? { error } : {}),
          time,
        });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: Error) => resolve({ status: 0, text: err.message, error: err.message, time }));
    req.end();
  });
}

function planePort(): number {
  return Number(new URL(plane.url).port);
}

const send = (host: string, path = '/', headers: Record<string, string> = {}) => request(planePort(), host, path, headers);

async function burst(n: number, host: string, headers: Record<string, string> = {}, concurrency = 8): Promise<Reply[]> {
  const out: Reply[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        out.push(await send(host, `/r${next}`, headers));
      }
    }),
  );
  return out;
}

function countBy(replies: Reply[], f: (r: Reply) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) out[f(r)] = (out[f(r)] ?? 0) + 1;
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** a server that prints each request, answers STATUS (200) except on /healthz, and ignores SIGTERM with IGNORE_TERM */
const SERVER = [
  'python3',
  '-u',
  '-c',
  [
    'import os, signal, http.server',
    "if os.environ.get('IGNORE_TERM'): signal.signal(signal.SIGTERM, signal.SIG_IGN)",
    'class H(http.server.BaseHTTPRequestHandler):',
    // headers and body are two writes: without TCP_NODELAY each answer waits out a delayed ACK
    '    disable_nagle_algorithm = True',
    '    def answer(self):',
    "        n = int(self.headers.get('content-length') or 0)",
    '        self.rfile.read(n)',
    // one write per line: print() writes its parts separately, and threads interleave them
    "        if self.path != '/healthz': os.write(1, ' '.join([self.command, self.path, str(self.headers.get('host'))]).encode() + b'\\n')",
    "        status = 200 if self.path == '/healthz' else int(os.environ.get('STATUS', '200'))",
    "        b = ('hello from ' + os.environ['HOSTNAME'] + ' ' + self.path).encode()",
    '        self.send_response(status)',
    "        self.send_header('content-length', str(len(b)))",
    "        self.send_header('x-served-by', os.environ['HOSTNAME'])",
    '        self.end_headers()',
    '        self.wfile.write(b)',
    '    do_GET = answer',
    '    do_POST = answer',
    '    def log_message(self, *a):',
    '        pass',
    // the default listen backlog (5) drops SYNs of a burst: each then waits a 1 s retransmission
    'class S(http.server.ThreadingHTTPServer):',
    '    request_queue_size = 128',
    "S((os.environ['MODELSHIP_HOST'], int(os.environ['PORT'])), H).serve_forever()",
  ].join('\n'),
];

function deployment(
  ns: string,
  name: string,
  o: { replicas?: number; env?: Record<string, string>; preStop?: Json; grace?: number } = {},
): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(o.grace !== undefined ? { terminationGracePeriodSeconds: o.grace } : {}),
          containers: [
            {
              name: 'app',
              image: dockerTestEnv().baseImage,
              command: SERVER,
              ports: [{ name: 'http', containerPort: 5001 }],
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1, failureThreshold: 2 },
              ...(o.env ? { env: Object.entries(o.env).map(([k, v]) => ({ name: k, value: v })) } : {}),
              ...(o.preStop ? { lifecycle: { preStop: o.preStop } } : {}),
            },
          ],
        },
      },
    },
  };
}

async function service(ns: string, name: string, app = name): Promise<void> {
  const r = await api('POST', `/api/v1/namespaces/${ns}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  expect(r.status).toBe(201);
}

async function ingress(ns: string, name: string, host: string, backend: string, annotations?: Record<string, string>): Promise<void> {
  const r = await api('POST', `/apis/networking.k8s.io/v1/namespaces/${ns}/ingresses`, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        { host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { name: 'http' } } } }] } },
      ],
    },
  });
  expect(r.status).toBe(201);
}

function podName(p: Json): string {
  return String((p.metadata as Json).name);
}

function isReady(p: Json): boolean {
  return (((p.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

async function podsOf(ns: string, app: string): Promise<Json[]> {
  const r = await api('GET', `/api/v1/namespaces/${ns}/pods?labelSelector=${encodeURIComponent(`app=${app}`)}`);
  return r.body.items as Json[];
}

/** the names of `n` ready pods of an app (none terminating) */
function readyPods(ns: string, app: string, n: number): Promise<string[]> {
  return waitFor(`${n} ready pods of ${app}`, async () => {
    const pods = (await podsOf(ns, app)).filter((p) => isReady(p) && !(p.metadata as Json).deletionTimestamp);
    return pods.length === n ? pods.map(podName).sort() : undefined;
  });
}

async function podEvents(ns: string, pod: string): Promise<Json[]> {
  const r = await api(
    'GET',
    `/api/v1/namespaces/${ns}/events?fieldSelector=${encodeURIComponent(`involvedObject.kind=Pod,involvedObject.name=${pod}`)}`,
  );
  return r.body.items as Json[];
}

function route(name: string, hostnames: string[], rules: Json[]): Json {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name },
    spec: { parentRefs: [{ name: 'fake-gw' }], hostnames, rules },
  };
}

function routeConditions(r: Answer): Json[] | undefined {
  const parents = ((r.body.status as Json | undefined)?.parents as Json[] | undefined) ?? [];
  const ours = parents.find((p) => p.controllerName === GATEWAY_CONTROLLER);
  return ours ? (ours.conditions as Json[]) : undefined;
}

const cond = (conds: Json[] | undefined, type: string) => conds?.find((c) => c.type === type);

beforeAll(async () => {
  fake = await startFakeKube({ endpointPropagationMs: ENDPOINT_LAG });
  plane = await fake.dataPlane({ configPropagationMs: CONFIG_LAG });
});

afterAll(async () => {
  const id = fake?.instanceId;
  await fake?.close();
  if (id) expect(await docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}=${id}`] } })).toHaveLength(0);
});

describe('graceful termination and lagging endpoints', () => {
  it('a terminating pod with a preStop sleep keeps answering during the sleep, then is gone; no request fails', async () => {
    const ns = 'drain';
    expect(
      (
        await api(
          'POST',
          `/apis/apps/v1/namespaces/${ns}/deployments`,
          deployment(ns, 'drain', { replicas: 2, preStop: { sleep: { seconds: 4 } }, grace: 10 }),
        )
      ).status,
    ).toBe(201);
    await service(ns, 'drain');
    await ingress(ns, 'drain', 'drain.test', 'drain');
    const [victim, survivor] = await readyPods(ns, 'drain', 2);
    // both pods are behind the data plane once the endpoints caught up
    await waitFor('both pods routed', async () => {
      const served = new Set((await burst(10, 'drain.test')).map((r) => r.pod));
      return served.has(victim) && served.has(survivor);
    });

    const load: Reply[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        load.push(await send('drain.test', '/load'));
        await sleep(20);
      }
    })();
    await sleep(300);
    const deletedAt = Date.now();
    const del = await api('DELETE', `/api/v1/namespaces/${ns}/pods/${victim}`);
    expect(del.status).toBe(200);
    expect(del.body.metadata).toMatchObject({
      name: victim,
      deletionGracePeriodSeconds: 10,
      deletionTimestamp: expect.any(String) as unknown,
    });
    // deletionTimestamp is when the grace period ends
    const at = Date.parse(String((del.body.metadata as Json).deletionTimestamp));
    expect(at).toBeGreaterThan(deletedAt + 8_000);
    expect(at).toBeLessThan(deletedAt + 11_000);

    // still readable, not ready, its container still serving during the sleep
    const terminating = await api('GET', `/api/v1/namespaces/${ns}/pods/${victim}`);
    expect(terminating.status).toBe(200);
    expect((terminating.body.metadata as Json).deletionTimestamp).toBeDefined();
    expect(isReady(terminating.body)).toBe(false);
    expect((await podsOf(ns, 'drain')).map(podName)).toContain(victim);
    await sleep(1_000);
    const direct = await request(fake.podPort(victim, ns) as number, 'pod', '/direct');
    expect(direct).toMatchObject({ status: 200, pod: victim });

    await waitFor('the pod to be gone', async () => (await api('GET', `/api/v1/namespaces/${ns}/pods/${victim}`)).status === 404, 15_000);
    const goneAfter = Date.now() - deletedAt;
    expect(goneAfter).toBeGreaterThanOrEqual(4_000);
    expect(goneAfter).toBeLessThan(9_000);
    await sleep(300);
    stop = true;
    await loop;

    // the lagging endpoints sent the victim requests after its deletion: its preStop sleep answered them
    expect(load.filter((r) => r.pod === victim && r.time > deletedAt + 100).length).toBeGreaterThan(0);
    expect(load.filter((r) => r.status !== 200)).toEqual([]);
    const stats = plane.stats(deletedAt);
    expect(stats.failed).toBe(0);
    expect(stats.byPod[victim]).toBeGreaterThan(0);
    expect(stats.byPod[survivor]).toBeGreaterThan(0);

    const versions = fake.history('Pod', ns, victim);
    expect(versions[versions.length - 1].type).toBe('DELETED');
    expect(versions.some((v) => v.object.metadata.deletionTimestamp !== undefined && v.type === 'MODIFIED')).toBe(true);
    expect((await podEvents(ns, victim)).map((e) => e.reason)).toContain('Killing');
    await waitFor(
      'the container to be removed',
      async () =>
        (await docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}.pod=${victim}`] } })).length === 0 || undefined,
      10_000,
    );
  });

  it('without preStop, a request the lagging endpoints still send to the stopped pod fails with 502 (and 503 from the service proxy)', async () => {
    const ns = 'abrupt';
    expect((await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'abrupt'))).status).toBe(201);
    await service(ns, 'abrupt');
    await ingress(ns, 'abrupt', 'abrupt.test', 'abrupt');
    const [victim] = await readyPods(ns, 'abrupt', 1);
    await waitFor('the pod routed', async () => (await send('abrupt.test')).pod === victim);

    const deletedAt = Date.now();
    expect((await api('DELETE', `/api/v1/namespaces/${ns}/pods/${victim}`)).status).toBe(200);
    const seen: Reply[] = [];
    let proxied: Answer | undefined;
    while (Date.now() - deletedAt < ENDPOINT_LAG + 1_500) {
      const r = await send('abrupt.test', '/after-delete');
      seen.push(r);
      // the API server's service proxy reads the same lagging endpoints
      if (r.status === 502 && !proxied) proxied = await api('GET', `/api/v1/namespaces/${ns}/services/abrupt:http/proxy/via-api`);
      await sleep(25);
    }
    const refused = seen.filter((r) => r.status === 502);
    expect(refused.length).toBeGreaterThan(0);
    // (a request the dying process had accepted is reset; every later one is refused)
    expect(refused.every((r) => r.error === 'connection refused' || r.error === 'connection reset')).toBe(true);
    expect(refused[refused.length - 1].error).toBe('connection refused');
    expect(refused[0].text).toContain('502 Bad Gateway');
    expect(plane.requests.filter((r) => r.status === 502 && r.time >= deletedAt).every((r) => r.pod === victim)).toBe(true);
    expect(proxied?.status).toBe(503);
    expect(String(proxied?.body.message)).toMatch(/error trying to reach service: dial tcp 127\.0\.0\.1:\d+: connect: connection refused/);
    // once the endpoints dropped it: no endpoint (the replacement is not routed yet)
    // refused until the endpoints dropped it, ENDPOINT_LAG after the deletion; then no endpoint
    // until the replacement is ready (and as late), which then answers
    const last502 = refused[refused.length - 1].time - deletedAt;
    expect(last502).toBeGreaterThan(ENDPOINT_LAG - 300);
    expect(last502).toBeLessThan(ENDPOINT_LAG + 300);
    const after = seen.filter((r) => r.time - deletedAt > last502);
    expect(after.every((r) => (r.status === 503 && r.error === 'no endpoints') || (r.status === 200 && r.pod !== victim))).toBe(true);

    // the replacement; ?gracePeriodSeconds=0 deletes at once
    const [replacement] = await readyPods(ns, 'abrupt', 1);
    expect(replacement).not.toBe(victim);
    const now = await api('DELETE', `/api/v1/namespaces/${ns}/pods/${replacement}?gracePeriodSeconds=0`);
    expect(now.status).toBe(200);
    expect((await api('GET', `/api/v1/namespaces/${ns}/pods/${replacement}`)).status).toBe(404);
  });

  it('terminationGracePeriodSeconds caps the preStop hook and the stop; a container that ignores SIGTERM gets SIGKILL', async () => {
    const ns = 'cap';
    await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'slowhook', { preStop: { sleep: { seconds: 60 } }, grace: 2 }),
    );
    await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'stubborn', { env: { IGNORE_TERM: '1' }, grace: 2 }));
    const [slow] = await readyPods(ns, 'slowhook', 1);
    const [stubborn] = await readyPods(ns, 'stubborn', 1);
    const gone = async (pod: string) => {
      const t = Date.now();
      expect((await api('DELETE', `/api/v1/namespaces/${ns}/pods/${pod}`)).status).toBe(200);
      await waitFor(`${pod} to be gone`, async () => (await api('GET', `/api/v1/namespaces/${ns}/pods/${pod}`)).status === 404, 15_000);
      return Date.now() - t;
    };
    const [slowMs, stubbornMs] = await Promise.all([gone(slow), gone(stubborn)]);
    // the 60 s sleep is cut at 2 s, then SIGTERM stops it
    expect(slowMs).toBeGreaterThanOrEqual(1_900);
    expect(slowMs).toBeLessThan(6_000);
    // SIGTERM is ignored: SIGKILL after the grace period (the kubelet's minimum 2 s)
    expect(stubbornMs).toBeGreaterThanOrEqual(1_900);
    expect(stubbornMs).toBeLessThan(6_000);
    const lastState = (pod: string) => {
      const versions = fake.history('Pod', ns, pod);
      const status = versions[versions.length - 1].object.status as Json;
      return ((status.containerStatuses as Json[])[0].state as Json).terminated as Json;
    };
    expect(lastState(stubborn)).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(lastState(slow)).toMatchObject({ exitCode: 143 });
  });

  it('a preStop exec runs in the container before SIGTERM; a failing one is a FailedPreStopHook event', async () => {
    const ns = 'hooks';
    const hits: Array<{ path: string; time: number }> = [];
    const recorder = http.createServer((req, res) => {
      hits.push({ path: req.url ?? '', time: Date.now() });
      res.end('ok');
    });
    await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', () => r()));
    const port = (recorder.address() as net.AddressInfo).port;
    try {
      const call = `import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}/prestop/' + os.environ['HOSTNAME']).read()`;
      await api(
        'POST',
        `/apis/apps/v1/namespaces/${ns}/deployments`,
        deployment(ns, 'hook', { preStop: { exec: { command: ['python3', '-c', call] } }, grace: 10 }),
      );
      await api(
        'POST',
        `/apis/apps/v1/namespaces/${ns}/deployments`,
        deployment(ns, 'badhook', { preStop: { exec: { command: ['sh', '-c', 'echo no drain for you; exit 3'] } }, grace: 10 }),
      );
      const [hook] = await readyPods(ns, 'hook', 1);
      const [bad] = await readyPods(ns, 'badhook', 1);
      expect((await api('DELETE', `/api/v1/namespaces/${ns}/pods/${hook}`)).status).toBe(200);
      expect((await api('DELETE', `/api/v1/namespaces/${ns}/pods/${bad}`)).status).toBe(200);
      for (const pod of [hook, bad])
        await waitFor(`${pod} to be gone`, async () => (await api('GET', `/api/v1/namespaces/${ns}/pods/${pod}`)).status === 404, 15_000);
      const hit = hits.find((h) => h.path === `/prestop/${hook}`);
      expect(hit).toBeDefined();
      // the hook ran while the pod was terminating, before the container stopped
      const versions = fake.history('Pod', ns, hook);
      const marked = versions.find((v) => v.object.metadata.deletionTimestamp !== undefined);
      const terminated = versions.find((v) =>
        (((v.object.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []).some(
          (c) => (c.state as Json).terminated !== undefined,
        ),
      );
      expect(marked && terminated && hit).toBeTruthy();
      expect(hit?.time).toBeGreaterThanOrEqual(marked?.time ?? Infinity);
      expect(hit?.time).toBeLessThanOrEqual(terminated?.time ?? 0);
      const badEvents = await podEvents(ns, bad);
      expect(badEvents.find((e) => e.reason === 'FailedPreStopHook')).toMatchObject({ type: 'Warning' });
      expect(String(badEvents.find((e) => e.reason === 'FailedPreStopHook')?.message)).toContain('no drain for you');
    } finally {
      await new Promise<void>((r) => recorder.close(() => r()));
    }
  });

  it('a scale-down and the garbage collector of a deleted Deployment terminate pods gracefully', async () => {
    const ns = 'scale';
    await api(
      'POST',
      `/apis/apps/v1/namespaces/${ns}/deployments`,
      deployment(ns, 'sc', { replicas: 2, preStop: { sleep: { seconds: 1 } } }),
    );
    await readyPods(ns, 'sc', 2);
    expect((await mergePatch(`/apis/apps/v1/namespaces/${ns}/deployments/sc`, { spec: { replicas: 1 } })).status).toBe(200);
    const draining = await waitFor('a terminating pod', async () =>
      (await podsOf(ns, 'sc')).find((p) => (p.metadata as Json).deletionTimestamp !== undefined),
    );
    expect((draining.metadata as Json).deletionGracePeriodSeconds).toBe(30);
    await waitFor('one pod left', async () => (await podsOf(ns, 'sc')).length === 1);
    expect(fake.history('Pod', ns, podName(draining)).pop()?.type).toBe('DELETED');

    expect((await api('DELETE', `/apis/apps/v1/namespaces/${ns}/deployments/sc`)).status).toBe(200);
    // the pod is still there, terminating, while its preStop sleep runs
    const left = await podsOf(ns, 'sc');
    expect(left).toHaveLength(1);
    expect((left[0].metadata as Json).deletionTimestamp).toBeDefined();
    await waitFor('no pod left', async () => (await podsOf(ns, 'sc')).length === 0, 10_000);
  });
});

describe('the data plane', () => {
  const ns = 'routes';
  const pods: Record<string, string> = {};

  beforeAll(async () => {
    await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'blue'));
    await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'green'));
    await api('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment(ns, 'shadow', { env: { STATUS: '500' } }));
    for (const app of ['blue', 'green', 'shadow']) await service(ns, app);
    for (const app of ['blue', 'green', 'shadow']) [pods[app]] = await readyPods(ns, app, 1);
    // the endpoints caught up: the service proxy reads the same view
    for (const app of ['blue', 'green'])
      await waitFor(
        `${app} behind its Service`,
        async () => (await api('GET', `/api/v1/namespaces/${ns}/services/${app}:http/proxy/`)).status === 200,
      );
  });

  it('nginx: the stable Ingress routes to its backend, canary-weight takes its share at random, canary-by-header always reaches the canary', async () => {
    await ingress(ns, 'stable', 'nginx.test', 'blue');
    await ingress(ns, 'canary', 'nginx.test', 'green', {
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '30',
      'nginx.ingress.kubernetes.io/canary-by-header': HEADER,
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'green',
    });
    await sleep(CONFIG_LAG + 300);
    const since = Date.now();
    const weighted = countBy(await burst(400, 'nginx.test'), (r) => `${r.status} ${r.pod}`);
    expect(Object.keys(weighted).sort()).toEqual([`200 ${pods.blue}`, `200 ${pods.green}`]);
    expect(weighted[`200 ${pods.green}`]).toBeGreaterThan(80);
    expect(weighted[`200 ${pods.green}`]).toBeLessThan(160);
    expect(plane.stats(since)).toMatchObject({ total: 400, failed: 0, byStatus: { '200': 400 } });
    expect(plane.stats(since).byPod[pods.green]).toBe(weighted[`200 ${pods.green}`]);
    // by header: the value named goes to the canary; any other value falls through to the weight
    expect(countBy(await burst(30, 'nginx.test', { [HEADER]: 'green' }), (r) => String(r.pod))).toEqual({ [pods.green]: 30 });
    expect(Object.keys(countBy(await burst(100, 'nginx.test', { [HEADER]: 'blue' }), (r) => String(r.pod))).sort()).toEqual(
      [pods.blue, pods.green].sort(),
    );

    // weight 0: nothing without the header, everything with it
    await mergePatch(`/apis/networking.k8s.io/v1/namespaces/${ns}/ingresses/canary`, {
      metadata: { annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '0' } },
    });
    await sleep(CONFIG_LAG + 300);
    expect(countBy(await burst(60, 'nginx.test'), (r) => String(r.pod))).toEqual({ [pods.blue]: 60 });
    expect(countBy(await burst(20, 'nginx.test', { [HEADER]: 'green' }), (r) => String(r.pod))).toEqual({ [pods.green]: 20 });

    // no Ingress for the host: the default backend's 404
    const none = await send('nowhere.test');
    expect(none).toMatchObject({ status: 404, error: 'no route' });
  });

  it('applies a configuration change only configPropagationMs after it was written', async () => {
    // the canary Ingress of the last test is at weight 0
    const changedAt = Date.now();
    await mergePatch(`/apis/networking.k8s.io/v1/namespaces/${ns}/ingresses/canary`, {
      metadata: { annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '100' } },
    });
    await ingress(ns, 'late', 'late.test', 'green');
    const early = await burst(20, 'nginx.test');
    const lateEarly = await send('late.test');
    // the guard: the requests above were sent well before the change was due
    expect(Date.now() - changedAt).toBeLessThan(CONFIG_LAG - 200);
    expect(countBy(early, (r) => String(r.pod))).toEqual({ [pods.blue]: 20 });
    expect(lateEarly.status).toBe(404);

    await sleep(changedAt + CONFIG_LAG + 200 - Date.now());
    expect(countBy(await burst(20, 'nginx.test'), (r) => String(r.pod))).toEqual({ [pods.green]: 20 });
    expect(await send('late.test')).toMatchObject({ status: 200, pod: pods.green });
  });

  it('gateway: header rules take precedence, backendRefs by weight (0 gets nothing), status with observedGeneration', async () => {
    const rules = (blue: number, green: number): Json[] => [
      ...['blue', 'green'].map((d) => ({
        matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: HEADER, value: d }] }],
        backendRefs: [{ name: d, port: 80, weight: 1 }],
      })),
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [
          { name: 'blue', port: 80, weight: blue },
          { name: 'green', port: 80, weight: green },
        ],
      },
    ];
    const base = `/apis/gateway.networking.k8s.io/v1/namespaces/${ns}/httproutes`;
    const createdAt = Date.now();
    const created = await api('POST', base, route('web', ['gw.test'], rules(1, 3)));
    expect(created.status).toBe(201);
    expect((created.body.metadata as Json).generation).toBe(1);
    // not programmed yet: no status, no route
    expect(routeConditions(await api('GET', `${base}/web`))).toBeUndefined();
    expect((await send('gw.test')).status).toBe(404);
    expect(Date.now() - createdAt).toBeLessThan(CONFIG_LAG - 200);

    const conds = await waitFor('the route status', async () => routeConditions(await api('GET', `${base}/web`)));
    expect(Date.now() - createdAt).toBeGreaterThanOrEqual(CONFIG_LAG - 50);
    expect(cond(conds, 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted', observedGeneration: 1 });
    expect(cond(conds, 'ResolvedRefs')).toMatchObject({ status: 'True', reason: 'ResolvedRefs', observedGeneration: 1 });
    const withStatus = await api('GET', `${base}/web`);
    expect((withStatus.body.metadata as Json).generation).toBe(1);
    expect(((withStatus.body.status as Json).parents as Json[])[0]).toMatchObject({
      parentRef: { name: 'fake-gw' },
      controllerName: GATEWAY_CONTROLLER,
    });

    const weighted = countBy(await burst(400, 'gw.test'), (r) => String(r.pod));
    expect(Object.keys(weighted).sort()).toEqual([pods.blue, pods.green].sort());
    expect(weighted[pods.green]).toBeGreaterThan(250);
    expect(weighted[pods.green]).toBeLessThan(350);
    expect(countBy(await burst(20, 'gw.test', { [HEADER]: 'blue' }), (r) => String(r.pod))).toEqual({ [pods.blue]: 20 });

    // green's weight to 0: a spec change is a new generation; the status follows when programmed
    const updated = await mergePatch(`${base}/web`, { spec: { rules: rules(1, 0) } });
    expect((updated.body.metadata as Json).generation).toBe(2);
    expect(cond(routeConditions(updated), 'Accepted')?.observedGeneration).toBe(1);
    await waitFor(
      'observedGeneration 2',
      async () => cond(routeConditions(await api('GET', `${base}/web`)), 'Accepted')?.observedGeneration === 2,
    );
    expect(countBy(await burst(60, 'gw.test'), (r) => String(r.pod))).toEqual({ [pods.blue]: 60 });
    // the header rule wins over the weight-0 path rule
    expect(countBy(await burst(20, 'gw.test', { [HEADER]: 'green' }), (r) => String(r.pod))).toEqual({ [pods.green]: 20 });

    // the status write changed the resourceVersion, not the generation
    const versions = fake.history('HTTPRoute', ns, 'web').filter((v) => v.object.metadata.generation === 2);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(Number(versions[1].resourceVersion)).toBeGreaterThan(Number(versions[0].resourceVersion));
    expect(versions[0].object.spec).toEqual(versions[1].object.spec);
  });

  it('gateway: RequestMirror sends a copy whose answer is ignored; a missing backend is ResolvedRefs False until its Service exists', async () => {
    const base = `/apis/gateway.networking.k8s.io/v1/namespaces/${ns}/httproutes`;
    await api(
      'POST',
      base,
      route(
        'mirrored',
        ['mirror.test'],
        [
          {
            backendRefs: [{ name: 'blue', port: 80 }],
            filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 80 } } }],
          },
        ],
      ),
    );
    await api('POST', base, route('broken', ['broken.test'], [{ backendRefs: [{ name: 'later', port: 80 }] }]));
    await waitFor('the mirrored route', async () => (await send('mirror.test')).status === 200);
    const since = Date.now();
    const answers = await burst(20, 'mirror.test', {}, 4);
    // the shadow answers 500: the client never sees it
    expect(countBy(answers, (r) => `${r.status} ${r.pod}`)).toEqual({ [`200 ${pods.blue}`]: 20 });
    await waitFor(
      '20 mirrored copies answered',
      () => plane.requests.filter((r) => r.mirror && r.time >= since && r.status !== 0).length === 20,
      10_000,
    );
    expect(plane.stats(since).mirroredByPod).toEqual({ [pods.shadow]: 20 });
    expect(plane.stats(since)).toMatchObject({ total: 20, failed: 0 });
    expect(
      plane.requests.filter((r) => r.mirror && r.time >= since).every((r) => r.status === 500 && r.host === 'mirror.test-shadow'),
    ).toBe(true);
    // the shadow's own log (docker writes it a little later)
    await waitFor('the copies in the shadow log', async () => {
      const log = await api('GET', `/api/v1/namespaces/${ns}/pods/${pods.shadow}/log`);
      return log.text.split('\n').filter((l) => /^GET \/r\d+ mirror\.test-shadow$/.test(l)).length === 20;
    });

    const broken = await waitFor('the broken route status', async () => routeConditions(await api('GET', `${base}/broken`)));
    expect(cond(broken, 'Accepted')).toMatchObject({ status: 'True', observedGeneration: 1 });
    expect(cond(broken, 'ResolvedRefs')).toMatchObject({
      status: 'False',
      reason: 'BackendNotFound',
      observedGeneration: 1,
      message: `Service "${ns}/later" not found`,
    });
    expect(await send('broken.test')).toMatchObject({ status: 500 });

    await service(ns, 'later', 'green');
    await waitFor(
      'ResolvedRefs True',
      async () => cond(routeConditions(await api('GET', `${base}/broken`)), 'ResolvedRefs')?.status === 'True',
    );
    await waitFor('the backend routed', async () => (await send('broken.test')).pod === pods.green, 10_000);

    // a Service with no ready pod: no healthy upstream
    await service(ns, 'nobody', 'none');
    await api('POST', base, route('empty', ['empty.test'], [{ backendRefs: [{ name: 'nobody', port: 80 }] }]));
    // (a 404 until the route is programmed, a 500 until the endpoints know the Service)
    const empty = await waitFor('the empty route', async () => {
      const r = await send('empty.test');
      return r.status === 503 ? r : undefined;
    });
    expect(empty).toMatchObject({ status: 503, error: 'no endpoints', text: 'no healthy upstream' });
  });
});
