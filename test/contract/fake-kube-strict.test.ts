import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeKube, startFakeKube } from './fakes/fake-kube';
import { Json, kubeApply, kubeRequest, waitFor } from './fakes/fake-kube-client';
import { FakePrometheus, startFakePrometheus } from './fakes/fake-prometheus';

/**
 * The strict parts of the FAKE Kubernetes API server and the FAKE Prometheus: RBAC mode
 * (fake-kube-rbac.ts), Lease updates that must be conditional, the HPA controller
 * (fake-kube-hpa.ts) and Prometheus' per-series ingress / gateway counters with replica
 * restarts (fake-prometheus.ts). No pod here is schedulable: no container runs.
 */
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const RBAC_EXAMPLE = path.join(ROOT, 'workflows-examples/kubernetes/rbac.yaml');
const NS = 'models';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kube-strict-'));

const call = kubeRequest;
const apply = (fake: FakeKube, urlPath: string, obj: unknown, manager: string, force = false) =>
  kubeApply(fake, urlPath, JSON.stringify(obj), manager, force);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** a Deployment whose pods no node can take (64 cpus): the controllers run, no container does */
function deployment(name: string, replicas: number): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'registry.invalid/never:1', resources: { requests: { cpu: '64' } } }] },
      },
    },
  };
}

function forbiddenStatus(message: string, details: Json): Json {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
}

describe('RBAC mode with workflows-examples/kubernetes/rbac.yaml', () => {
  let fake: FakeKube;
  const user = `system:serviceaccount:${NS}:modelship`;

  beforeAll(async () => {
    fake = await startFakeKube({ rbac: { file: RBAC_EXAMPLE } });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('allows what the Role grants: discovery, the objects modelship writes, pods, logs, the service proxy, the Lease', async () => {
    for (const p of ['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/version', '/healthz'])
      expect([p, (await call(fake, 'GET', p)).status]).toEqual([p, 200]);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'state' }, data: { a: '1' } };
    expect((await call(fake, 'POST', `/api/v1/namespaces/${NS}/configmaps`, cm)).status).toBe(201);
    expect((await call(fake, 'GET', `/api/v1/namespaces/${NS}/configmaps/state`)).status).toBe(200);
    // (a's value unchanged: the creating POST's manager owns it)
    expect((await apply(fake, `/api/v1/namespaces/${NS}/configmaps/state`, { ...cm, data: { a: '1', b: '2' } }, 'modelship')).status).toBe(
      200,
    );
    // an apply that creates needs create and patch: both granted for deployments
    expect((await apply(fake, `/apis/apps/v1/namespaces/${NS}/deployments/web`, deployment('web', 1), 'modelship')).status).toBe(201);
    expect((await call(fake, 'GET', `/apis/apps/v1/namespaces/${NS}/deployments`)).status).toBe(200);
    expect((await call(fake, 'GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dweb`)).status).toBe(200);
    expect((await call(fake, 'GET', `/api/v1/namespaces/${NS}/events`)).status).toBe(200);
    // authorised, then answered by the handler: no such pod, no such service
    expect((await call(fake, 'GET', `/api/v1/namespaces/${NS}/pods/nope/log`)).status).toBe(404);
    expect((await call(fake, 'GET', `/api/v1/namespaces/${NS}/services/nope:http/proxy/health`)).status).toBe(404);
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'lock' },
      spec: { holderIdentity: 'a', leaseDurationSeconds: 30 },
    };
    const created = await call(fake, 'POST', `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases`, lease);
    expect(created.status).toBe(201);
    const renewed = await call(fake, 'PUT', `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases/lock`, created.body);
    expect(renewed.status).toBe(200);
    // the pull Secret is written and deleted by name; ReplicaSets are read for readiness
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pull' }, type: 'Opaque', data: {} };
    expect((await call(fake, 'POST', `/api/v1/namespaces/${NS}/secrets`, secret)).status).toBe(201);
    expect((await call(fake, 'DELETE', `/api/v1/namespaces/${NS}/secrets/pull`)).status).toBe(200);
    expect((await call(fake, 'GET', `/apis/apps/v1/namespaces/${NS}/replicasets`)).status).toBe(200);
    // the wrong token is still 401: authentication comes first
    const res = await fetch(`${fake.url}/api/v1/namespaces/${NS}/configmaps`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(fake.rbacDenials()).toEqual([]);
  });

  it("denies what the Role lacks with the API server's 403 Status, and lists it in rbacDenials()", async () => {
    const cases: Array<[string, string, unknown, Json]> = [
      [
        'PUT',
        `/api/v1/namespaces/${NS}/configmaps/state`,
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'state' } },
        forbiddenStatus(
          `configmaps "state" is forbidden: User "${user}" cannot update resource "configmaps" in API group "" in the namespace "${NS}"`,
          { name: 'state', kind: 'configmaps' },
        ),
      ],
      [
        'DELETE',
        `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases/lock`,
        undefined,
        forbiddenStatus(
          `leases.coordination.k8s.io "lock" is forbidden: User "${user}" cannot delete resource "leases" in API group "coordination.k8s.io" in the namespace "${NS}"`,
          { name: 'lock', group: 'coordination.k8s.io', kind: 'leases' },
        ),
      ],
      [
        // modelship never reads Secrets: the Role grants no get
        'GET',
        `/api/v1/namespaces/${NS}/secrets/pull`,
        undefined,
        forbiddenStatus(
          `secrets "pull" is forbidden: User "${user}" cannot get resource "secrets" in API group "" in the namespace "${NS}"`,
          { name: 'pull', kind: 'secrets' },
        ),
      ],
      [
        'GET',
        `/apis/apps/v1/namespaces/${NS}/deployments?watch=true`,
        undefined,
        forbiddenStatus(
          `deployments.apps is forbidden: User "${user}" cannot watch resource "deployments" in API group "apps" in the namespace "${NS}"`,
          { group: 'apps', kind: 'deployments' },
        ),
      ],
      [
        'DELETE',
        `/api/v1/namespaces/${NS}/configmaps`,
        undefined,
        forbiddenStatus(
          `configmaps is forbidden: User "${user}" cannot deletecollection resource "configmaps" in API group "" in the namespace "${NS}"`,
          { kind: 'configmaps' },
        ),
      ],
      [
        'DELETE',
        `/api/v1/namespaces/${NS}/services/web:http/proxy/x`,
        undefined,
        forbiddenStatus(
          `services "web:http" is forbidden: User "${user}" cannot delete resource "services/proxy" in API group "" in the namespace "${NS}"`,
          { name: 'web:http', kind: 'services' },
        ),
      ],
      [
        'GET',
        `/api/v1/namespaces/${NS}`,
        undefined,
        forbiddenStatus(
          `namespaces "${NS}" is forbidden: User "${user}" cannot get resource "namespaces" in API group "" in the namespace "${NS}"`,
          { name: NS, kind: 'namespaces' },
        ),
      ],
      [
        'GET',
        '/api/v1/pods',
        undefined,
        forbiddenStatus(
          'pods is forbidden: User "system:serviceaccount:default:modelship" cannot list resource "pods" in API group "" at the cluster scope',
          { kind: 'pods' },
        ),
      ],
      [
        'GET',
        '/metrics',
        undefined,
        forbiddenStatus('forbidden: User "system:serviceaccount:default:modelship" cannot get path "/metrics"', {}),
      ],
    ];
    for (const [method, p, body, want] of cases) {
      const r = await call(fake, method, p, body);
      expect([method, p, r.status, r.body]).toEqual([method, p, 403, want]);
    }
    // a write RBAC denies changed nothing
    expect(fake.get('Lease', NS, 'lock')).toBeDefined();
    const denials = fake.rbacDenials();
    expect(denials.map((d) => [d.verb, d.apiGroup, d.resource, d.subresource, d.name, d.namespace])).toEqual([
      ['update', '', 'configmaps', '', 'state', NS],
      ['delete', 'coordination.k8s.io', 'leases', '', 'lock', NS],
      ['get', '', 'secrets', '', 'pull', NS],
      ['watch', 'apps', 'deployments', '', '', NS],
      ['deletecollection', '', 'configmaps', '', '', NS],
      ['delete', '', 'services', 'proxy', 'web:http', NS],
      ['get', '', 'namespaces', '', NS, NS],
      ['list', '', 'pods', '', '', ''],
      ['get', '', '', '', '', ''],
    ]);
    expect(denials[0]).toEqual(expect.objectContaining({ user, method: 'PUT', message: (cases[0][3] as { message: string }).message }));
  });
});

describe('RBAC mode with a Role written by the test', () => {
  let fake: FakeKube;
  const file = path.join(tmp, 'reader.yaml');
  const user = `system:serviceaccount:${NS}:ci`;

  beforeAll(async () => {
    fs.writeFileSync(
      file,
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata: { name: reader }',
        'rules:',
        '  - apiGroups: [""]',
        '    resources: [configmaps]',
        '    verbs: [get, list, patch]',
        '  - apiGroups: [""]',
        '    resources: [services/proxy]',
        '    verbs: [get]',
        '  - apiGroups: [coordination.k8s.io]',
        '    resources: [leases]',
        '    verbs: [get, list]',
        '    resourceNames: [lock]',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: RoleBinding',
        'metadata: { name: reader }',
        'roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }',
        'subjects: [{ kind: ServiceAccount, name: ci }]',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: RoleBinding',
        'metadata: { name: broken }',
        'roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: missing }',
        'subjects: [{ kind: ServiceAccount, name: other }]',
        '',
      ].join('\n'),
    );
    fake = await startFakeKube({ rbac: { file } });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('a get on a Secret through a Role without secrets is 403 with the exact message', async () => {
    const r = await call(fake, 'GET', `/api/v1/namespaces/${NS}/secrets/pull`);
    expect(r.status).toBe(403);
    expect(r.body).toEqual(
      forbiddenStatus(
        `secrets "pull" is forbidden: User "${user}" cannot get resource "secrets" in API group "" in the namespace "${NS}"`,
        {
          name: 'pull',
          kind: 'secrets',
        },
      ),
    );
  });

  it('denies the verbs it lacks: create (also when an apply would create), the proxy by POST, other Lease names', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'state' }, data: { a: '1' } };
    const post = await call(fake, 'POST', `/api/v1/namespaces/${NS}/configmaps`, cm);
    expect(post.body.message).toBe(
      `configmaps is forbidden: User "${user}" cannot create resource "configmaps" in API group "" in the namespace "${NS}"`,
    );
    // patch is granted, but an apply that finds no object creates it: the API server then also checks create
    const applied = await apply(fake, `/api/v1/namespaces/${NS}/configmaps/state`, cm, 'modelship');
    expect(applied.status).toBe(403);
    expect(applied.body).toEqual(forbiddenStatus('configmaps "state" is forbidden: ', { name: 'state', kind: 'configmaps' }));
    expect(fake.get('ConfigMap', NS, 'state')).toBeUndefined();
    expect((await call(fake, 'POST', `/api/v1/namespaces/${NS}/services/web/proxy/predict`, {})).body.message).toBe(
      `services "web" is forbidden: User "${user}" cannot create resource "services/proxy" in API group "" in the namespace "${NS}"`,
    );
    expect((await call(fake, 'GET', `/api/v1/namespaces/${NS}/services/web/proxy/health`)).status).toBe(404);
    // resourceNames: the named Lease only, and a list only when its fieldSelector names it
    expect((await call(fake, 'GET', `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases/lock`)).status).toBe(404);
    expect(
      (await call(fake, 'GET', `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases?fieldSelector=metadata.name%3Dlock`)).status,
    ).toBe(200);
    expect((await call(fake, 'GET', `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases/other`)).body.message).toBe(
      `leases.coordination.k8s.io "other" is forbidden: User "${user}" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "${NS}"`,
    );
    expect((await call(fake, 'GET', `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases`)).status).toBe(403);
    // another namespace: the Role binds in every namespace, the user is that namespace's ServiceAccount
    expect((await call(fake, 'GET', '/api/v1/namespaces/staging/secrets/pull')).body.message).toBe(
      'secrets "pull" is forbidden: User "system:serviceaccount:staging:ci" cannot get resource "secrets" in API group "" in the namespace "staging"',
    );
    expect(fake.rbacDenials().map((d) => `${d.method} ${d.verb} ${d.resource}${d.subresource ? `/${d.subresource}` : ''}`)).toEqual([
      'GET get secrets',
      'POST create configmaps',
      'PATCH create configmaps',
      'POST create services/proxy',
      'GET get leases',
      'GET list leases',
      'GET get secrets',
    ]);
  });

  it("the subject option picks the token's subject; a binding to a missing Role adds the RBAC reason", async () => {
    const other = await startFakeKube({ rbac: { file, subject: 'other' } });
    try {
      const r = await call(other, 'GET', `/api/v1/namespaces/${NS}/configmaps/state`);
      expect(r.body.message).toBe(
        `configmaps "state" is forbidden: User "system:serviceaccount:${NS}:other" cannot get resource "configmaps" in API group "" in the namespace "${NS}": RBAC: role.rbac.authorization.k8s.io "missing" not found`,
      );
    } finally {
      await other.close();
    }
    expect(() => new FakeKube({ rbac: { file, subject: 'nobody' } })).toThrow(/binds no ServiceAccount or User "nobody"/);
  });

  it('@kubernetes/client-node surfaces the 403 as an ApiException carrying the Status', async () => {
    const kubeconfig = fake.kubeconfig({ file: path.join(tmp, 'kubeconfig'), namespace: NS });
    const script = `
      import { KubeConfig, CoreV1Api } from '@kubernetes/client-node';
      const kc = new KubeConfig();
      kc.loadFromFile(${JSON.stringify(kubeconfig)});
      try {
        await kc.makeApiClient(CoreV1Api).readNamespacedSecret({ name: 'pull', namespace: ${JSON.stringify(NS)} });
        console.log(JSON.stringify({ ok: true }));
      } catch (err) {
        const body = typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
        console.log(JSON.stringify({ code: err.code, name: err.constructor.name, body }));
      }
    `;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const got = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Json;
    expect(got).toEqual({
      code: 403,
      name: 'ApiException',
      body: forbiddenStatus(
        `secrets "pull" is forbidden: User "${user}" cannot get resource "secrets" in API group "" in the namespace "${NS}"`,
        { name: 'pull', kind: 'secrets' },
      ),
    });
  });
});

describe('Lease updates and the HPA controller', () => {
  let fake: FakeKube;

  beforeAll(async () => {
    fake = await startFakeKube();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('a Lease PUT without resourceVersion is 422 Invalid, with a stale one 409 Conflict; a ConfigMap may be replaced unconditionally', async () => {
    const base = `/apis/coordination.k8s.io/v1/namespaces/${NS}/leases`;
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'lock' },
      spec: { holderIdentity: 'a', leaseDurationSeconds: 30 },
    };
    const created = await call(fake, 'POST', base, lease);
    expect(created.status).toBe(201);
    const firstRv = (created.body.metadata as Json).resourceVersion as string;
    for (const rv of [undefined, '', '0']) {
      const r = await call(fake, 'PUT', `${base}/lock`, {
        ...lease,
        metadata: { name: 'lock', ...(rv !== undefined ? { resourceVersion: rv } : {}) },
        spec: { holderIdentity: 'b', leaseDurationSeconds: 30 },
      });
      expect([rv, r.status, r.body]).toEqual([
        rv,
        422,
        {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message:
            'leases.coordination.k8s.io "lock" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
          reason: 'Invalid',
          details: {
            name: 'lock',
            group: 'coordination.k8s.io',
            kind: 'leases',
            causes: [
              {
                reason: 'FieldValueInvalid',
                message: 'Invalid value: 0x0: must be specified for an update',
                field: 'metadata.resourceVersion',
              },
            ],
          },
          code: 422,
        },
      ]);
    }
    expect((fake.get('Lease', NS, 'lock')?.spec as Json).holderIdentity).toBe('a');
    const renewed = await call(fake, 'PUT', `${base}/lock`, { ...created.body, spec: { holderIdentity: 'b', leaseDurationSeconds: 30 } });
    expect(renewed.status).toBe(200);
    const stale = await call(fake, 'PUT', `${base}/lock`, {
      ...created.body,
      metadata: { ...(created.body.metadata as Json), resourceVersion: firstRv },
      spec: { holderIdentity: 'c', leaseDurationSeconds: 30 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual(
      expect.objectContaining({
        reason: 'Conflict',
        message:
          'Operation cannot be fulfilled on leases.coordination.k8s.io "lock": the object has been modified; please apply your changes to the latest version and try again',
      }),
    );
    expect((fake.get('Lease', NS, 'lock')?.spec as Json).holderIdentity).toBe('b');
    // a ConfigMap's strategy allows unconditional update
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'free' }, data: { a: '1' } };
    expect((await call(fake, 'POST', `/api/v1/namespaces/${NS}/configmaps`, cm)).status).toBe(201);
    expect((await call(fake, 'PUT', `/api/v1/namespaces/${NS}/configmaps/free`, { ...cm, data: { a: '2' } })).status).toBe(200);
  });

  it('the HPA clamps its Deployment into [minReplicas, maxReplicas] as an Update by horizontal-pod-autoscaler, and writes its status', async () => {
    const dep = `/apis/apps/v1/namespaces/${NS}/deployments/scaled`;
    expect((await apply(fake, dep, deployment('scaled', 5), 'modelship')).status).toBe(201);
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'scaled' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'scaled' }, minReplicas: 2, maxReplicas: 3 },
    };
    expect((await apply(fake, `/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers/scaled`, hpa, 'modelship')).status).toBe(201);
    const replicas = () => (fake.get('Deployment', NS, 'scaled')?.spec as Json).replicas;
    await waitFor('the HPA to scale down to maxReplicas', () => replicas() === 3);
    expect(fake.managedFields('Deployment', NS, 'scaled')).toEqual(
      expect.arrayContaining([{ manager: 'horizontal-pod-autoscaler', operation: 'Update', fields: ['.spec.replicas'] }]),
    );
    expect(fake.managedFields('Deployment', NS, 'scaled').find((m) => m.manager === 'modelship')?.fields).not.toContain('.spec.replicas');
    const status = await waitFor('the HPA status to settle', () => {
      const st = fake.get('HorizontalPodAutoscaler', NS, 'scaled')?.status as Json | undefined;
      const active = ((st?.conditions as Json[] | undefined) ?? []).find((c) => c.type === 'ScalingActive');
      return st?.currentReplicas === 3 && active ? st : undefined;
    });
    expect(status).toEqual(
      expect.objectContaining({
        currentReplicas: 3,
        desiredReplicas: 3,
        lastScaleTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as unknown,
      }),
    );
    const conditions = (status.conditions as Json[]).map((c) => [c.type, c.status, c.reason]);
    expect(conditions).toEqual([
      ['AbleToScale', 'True', 'SucceededGetScale'],
      ['ScalingActive', 'False', 'FailedGetResourceMetric'],
    ]);
    const events = (
      await call(
        fake,
        'GET',
        `/api/v1/namespaces/${NS}/events?fieldSelector=involvedObject.name%3Dscaled,involvedObject.kind%3DHorizontalPodAutoscaler`,
      )
    ).body.items as Json[];
    expect(events.map((e) => [e.type, e.reason, e.message])).toEqual(
      expect.arrayContaining([['Normal', 'SuccessfulRescale', 'New size: 3; reason: Current number of replicas above Spec.MaxReplicas']]),
    );
    expect(events.map((e) => e.reason)).toContain('FailedGetResourceMetric');

    // server-side apply of another replica count conflicts with the HPA's ownership, as with a real one
    const conflict = await apply(fake, dep, deployment('scaled', 5), 'modelship');
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "horizontal-pod-autoscaler" using apps/v1: .spec.replicas',
    );
    // the same count is no conflict
    expect((await apply(fake, dep, deployment('scaled', 3), 'modelship')).status).toBe(200);
    // forced below minReplicas: the HPA scales it back up
    expect((await apply(fake, dep, deployment('scaled', 1), 'modelship', true)).status).toBe(200);
    expect(replicas()).toBe(1);
    await waitFor('the HPA to scale up to minReplicas', () => replicas() === 2);
    // 0 replicas disable autoscaling: left alone
    expect((await apply(fake, dep, deployment('scaled', 0), 'modelship', true)).status).toBe(200);
    await waitFor('ScalingDisabled', () => {
      const st = fake.get('HorizontalPodAutoscaler', NS, 'scaled')?.status as Json | undefined;
      return ((st?.conditions as Json[] | undefined) ?? []).some((c) => c.type === 'ScalingActive' && c.reason === 'ScalingDisabled');
    });
    await sleep(1200);
    expect(replicas()).toBe(0);
  });

  it('an HPA whose target does not exist reports AbleToScale False FailedGetScale', async () => {
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'orphan' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'absent' }, maxReplicas: 3 },
    };
    expect((await call(fake, 'POST', `/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers`, hpa)).status).toBe(201);
    const cond = await waitFor('FailedGetScale', () => {
      const st = fake.get('HorizontalPodAutoscaler', NS, 'orphan')?.status as Json | undefined;
      return ((st?.conditions as Json[] | undefined) ?? []).find((c) => c.type === 'AbleToScale');
    });
    expect(cond).toEqual(
      expect.objectContaining({
        status: 'False',
        reason: 'FailedGetScale',
        message: `the HPA controller was unable to get the target's current scale: deployments.apps "absent" not found`,
      }),
    );
  });
});

describe('FAKE Prometheus: per-series ingress and gateway counters', () => {
  let prom: FakePrometheus;

  interface Sample {
    metric: Record<string, string>;
    value: [number, string];
  }

  async function query(q: string): Promise<{ status: number; body: Json; result: Sample[] }> {
    const res = await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = (await res.json()) as Json;
    const data = body.data as { result?: Sample[] } | undefined;
    return { status: res.status, body, result: data?.result ?? [] };
  }

  const value = (s: Sample | undefined) => Number(s?.value[1]);
  const NGINX = `{exported_namespace="${NS}",exported_service="svc"}`;
  const ISTIO = `{reporter="source",destination_service_namespace="${NS}",destination_service_name="svc"}`;

  beforeAll(async () => {
    prom = await startFakePrometheus();
    prom.script('svc', { rate: 40, errorShare: 0.25, latencySeconds: 0.05, namespace: NS });
    await sleep(1000);
  });
  afterAll(async () => {
    await prom?.close();
  });

  it('answers the nginx-ingress per-series queries: one series per scraped replica and status', async () => {
    const all = await query(`nginx_ingress_controller_requests${NGINX}`);
    expect(all.status).toBe(200);
    expect(all.body.status).toBe('success');
    expect(all.result.map((s) => [s.metric.pod, s.metric.status]).sort()).toEqual([
      ['ingress-nginx-controller-0', '200'],
      ['ingress-nginx-controller-0', '500'],
      ['ingress-nginx-controller-1', '200'],
      ['ingress-nginx-controller-1', '500'],
    ]);
    expect(all.result[0].metric).toEqual(
      expect.objectContaining({ __name__: 'nginx_ingress_controller_requests', exported_namespace: NS, exported_service: 'svc' }),
    );
    // 20 requests/s per replica for about a second, a quarter of them 5xx
    const perPod = (pod: string) => all.result.filter((s) => s.metric.pod === pod).reduce((a, s) => a + value(s), 0);
    expect(perPod('ingress-nginx-controller-0')).toBeGreaterThanOrEqual(18);
    const errors = await query(`nginx_ingress_controller_requests{exported_namespace="${NS}",exported_service="svc",status=~"5.."}`);
    expect(errors.result.map((s) => s.metric.status)).toEqual(['500', '500']);
    const buckets = await query(`nginx_ingress_controller_request_duration_seconds_bucket${NGINX}`);
    expect(buckets.result).toHaveLength(2 * 2 * 12);
    const pod0ok = buckets.result.filter((s) => s.metric.pod === 'ingress-nginx-controller-0' && s.metric.status === '200');
    const le = (l: string) => value(pod0ok.find((s) => s.metric.le === l));
    expect(le('0.025')).toBe(0);
    expect(le('0.05')).toBe(le('+Inf'));
    expect(le('+Inf')).toBeGreaterThan(0);
    // the old aggregated shapes still answer
    const sum = await query(`sum(nginx_ingress_controller_requests{exported_namespace="${NS}",exported_service="svc",status=~"5.."})`);
    expect(sum.result).toHaveLength(1);
    expect(sum.result[0].metric).toEqual({});
    const byLe = await query(`sum by (le) (nginx_ingress_controller_request_duration_seconds_bucket${NGINX})`);
    expect(byLe.result.map((s) => s.metric.le)).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1',
      '2.5',
      '5',
      '10',
      '+Inf',
    ]);
    expect((await query(`sum by (le)(nginx_ingress_controller_request_duration_seconds_bucket${NGINX})`)).result).toHaveLength(12);
    // another namespace has no such series
    expect((await query(`nginx_ingress_controller_requests{exported_namespace="other",exported_service="svc"}`)).result).toEqual([]);
  });

  it('answers the Istio gateway per-series queries, le in milliseconds', async () => {
    const all = await query(`istio_requests_total${ISTIO}`);
    expect(all.result.map((s) => [s.metric.pod, s.metric.response_code]).sort()).toEqual([
      ['gateway-0', '200'],
      ['gateway-0', '500'],
      ['gateway-1', '200'],
      ['gateway-1', '500'],
    ]);
    const errors = await query(
      `istio_requests_total{reporter="source",destination_service_namespace="${NS}",destination_service_name="svc",response_code=~"5.."}`,
    );
    expect(errors.result.map((s) => s.metric.response_code)).toEqual(['500', '500']);
    const buckets = await query(`istio_request_duration_milliseconds_bucket${ISTIO}`);
    const ok = buckets.result.filter((s) => s.metric.pod === 'gateway-1' && s.metric.response_code === '200');
    const le = (l: string) => value(ok.find((s) => s.metric.le === l));
    expect(le('25')).toBe(0);
    expect(le('50')).toBe(le('+Inf'));
    expect(le('+Inf')).toBeGreaterThan(0);
  });

  it("restartReplica(i): that replica's series drop to a small value while the others keep growing", async () => {
    const requests = async () => {
      const r = await query(`nginx_ingress_controller_requests{exported_namespace="${NS}",exported_service="svc",status="200"}`);
      const g = await query(
        `istio_requests_total{reporter="source",destination_service_namespace="${NS}",destination_service_name="svc",response_code="200"}`,
      );
      return {
        n0: value(r.result.find((s) => s.metric.pod === 'ingress-nginx-controller-0')),
        n1: value(r.result.find((s) => s.metric.pod === 'ingress-nginx-controller-1')),
        g0: value(g.result.find((s) => s.metric.pod === 'gateway-0')),
        sum: value((await query(`sum(nginx_ingress_controller_requests${NGINX})`)).result[0]),
      };
    };
    const before = await requests();
    // 15 ok requests/s per replica since the start, more than a second ago
    expect(before.n0).toBeGreaterThanOrEqual(15);
    prom.restartReplica(0, 'nginx');
    await sleep(300);
    const after = await requests();
    // 15 ok requests/s for 0.3 s on the restarted replica
    expect(after.n0).toBeLessThan(8);
    expect(after.n0).toBeLessThan(before.n0);
    expect(after.n1).toBeGreaterThan(before.n1);
    // the gateway's replica 0 did not restart; the sum over replicas shows the reset too
    expect(after.g0).toBeGreaterThan(before.g0);
    expect(after.sum).toBeLessThan(before.sum);
    expect(() => prom.restartReplica(2)).toThrow(/no replica 2/);
  });

  it('rejects a query it does not understand with 400 bad_data naming it', async () => {
    for (const q of [
      'rate(nginx_ingress_controller_requests[5m])',
      'nginx_ingress_controller_request{exported_namespace="models",exported_service="svc"}',
      'nginx_ingress_controller_requests{exported_service="svc"}',
      'nginx_ingress_controller_requests{namespace="models",service="svc"}',
      `istio_requests_total{destination_service_namespace="${NS}",destination_service_name="svc"}`,
      'sum by (status) (istio_requests_total{reporter="source",destination_service_namespace="models",destination_service_name="svc"})',
      'nginx_ingress_controller_requests{exported_namespace="models",exported_service="svc",status=~"5.("}',
    ]) {
      const r = await query(q);
      expect([q, r.status, r.body.status, r.body.errorType]).toEqual([q, 400, 'error', 'bad_data']);
      expect(r.body.error).toContain(JSON.stringify(q));
    }
    expect(prom.queries).toContain('rate(nginx_ingress_controller_requests[5m])');
  });

  it('a Service scripted without a namespace answers in any namespace a query names (the existing script() API)', async () => {
    prom.script('legacy', { rate: 40, errorShare: 0.3, latencySeconds: 0.05 });
    await sleep(500);
    const r = await query('sum(nginx_ingress_controller_requests{exported_namespace="anywhere",exported_service="legacy",status=~"5.."})');
    expect(r.result).toHaveLength(1);
    expect(value(r.result[0])).toBeGreaterThan(0);
  });
});
