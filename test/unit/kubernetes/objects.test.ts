import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Lease } from 'kubernetes-models/coordination.k8s.io/v1/Lease';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { DeploymentSpec } from '../../../shared/targets/target';
import {
  autoscalerObject,
  deploymentObject,
  deploymentServiceObject,
  httpRouteObject,
  ingressObject,
  leaseObject,
  microTime,
  poolServiceObject,
  pullSecretObject,
  stateObject,
} from '../../../shared/targets/kubernetes/objects';
import { LABELS, endpointNames, labelValue, objectName } from '../../../shared/targets/kubernetes/names';
import { histogram, fill } from '../../../shared/targets/kubernetes/prometheus';
import { withBearerToken } from '../../../shared/targets/kubernetes/kubeconfig-token';
import { LATENCY_BUCKETS_MS, bucketIndex } from '../../../shared/analysis/metrics';

/** The objects the Kubernetes target applies, checked against the Kubernetes (and Gateway API) schemas. */
const spec: DeploymentSpec = {
  name: 'green',
  model: { name: 'Diabetes_Model', version: '12' },
  modelDir: '',
  codeDir: '',
  scoringScript: 'score.py',
  image: `registry.example:5000/models/diabetes@sha256:${'a'.repeat(64)}`,
  readyPath: '/',
  scorePath: '/score',
  readyTimeout: 45_000,
};

describe('names', () => {
  it('are DNS-1035 labels, truncated with a hash when long, and unique', () => {
    expect(objectName('diabetes', 'green')).toBe('diabetes-green');
    const long = objectName('a'.repeat(80), 'green');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
    expect(objectName('a'.repeat(80), 'blue')).not.toBe(long);
    // a name that had to change gets a hash, so `My_EP` and `my-ep` stay apart
    expect(objectName('My_EP')).toMatch(/^my-ep-[0-9a-f]{8}$/);
    expect(objectName('9lives')).toMatch(/^lives-[0-9a-f]{8}$/);
    expect(labelValue('x'.repeat(100)).length).toBeLessThanOrEqual(63);
    expect(labelValue('-weird name_')).toBe('weird-name');
  });
});

describe('objects validate against the Kubernetes schemas', () => {
  it('Deployment: pinned image, probes on the ready path, resources, selector stable across pool changes', () => {
    const input = {
      endpoint: 'diabetes',
      namespace: 'models',
      spec,
      replicas: 3,
      inPool: false,
      containerPort: 5001,
      resources: { cpu: '250m', memory: '512Mi' },
      pullSecret: 'diabetes-modelship-pull',
      createdAt: '2026-11-23T10:00:00.000Z',
      preStopSeconds: 10,
    };
    const out = deploymentObject(input);
    new Deployment(out as ConstructorParameters<typeof Deployment>[0]).validate();
    const c = out.spec?.template.spec?.containers[0];
    expect(c?.image).toBe(spec.image);
    expect(c?.readinessProbe?.httpGet?.path).toBe('/');
    expect(c?.livenessProbe?.httpGet?.path).toBe('/');
    expect(c?.resources?.requests).toEqual({ cpu: '250m', memory: '512Mi' });
    expect(out.spec?.template.spec?.imagePullSecrets).toEqual([{ name: 'diabetes-modelship-pull' }]);
    expect(out.metadata?.labels?.['app.kubernetes.io/managed-by']).toBe('modelship');
    expect(out.metadata?.labels?.[LABELS.version]).toBe('12');
    expect(out.spec?.progressDeadlineSeconds).toBe(45);
    // a stopping pod keeps serving while endpoints and ingress controllers learn it is going
    expect(c?.lifecycle?.preStop?.sleep?.seconds).toBe(10);
    expect(out.spec?.template.spec?.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(10 + 15);
    expect(deploymentObject({ ...input, preStopSeconds: 0 }).spec?.template.spec?.containers[0].lifecycle).toBeUndefined();
    const inPool = deploymentObject({ ...input, inPool: true });
    new Deployment(inPool as ConstructorParameters<typeof Deployment>[0]).validate();
    // the selector is immutable on the API server: joining the pool must not change it
    expect(inPool.spec?.selector).toEqual(out.spec?.selector);
    expect(inPool.spec?.template.metadata?.labels?.[LABELS.pool]).toBe('diabetes');
    expect(out.spec?.template.metadata?.labels?.[LABELS.pool]).toBeUndefined();
    // every selector label is on the pods
    for (const [k, v] of Object.entries(out.spec?.selector.matchLabels ?? {})) expect(out.spec?.template.metadata?.labels?.[k]).toBe(v);
  });

  it('a Deployment without an image is refused (the target deploys images by digest)', () => {
    expect(() =>
      deploymentObject({
        endpoint: 'e',
        namespace: 'n',
        spec: { ...spec, image: undefined },
        inPool: false,
        containerPort: 5001,
        resources: { cpu: '1', memory: '1Gi' },
        createdAt: '',
        preStopSeconds: 0,
      }),
    ).toThrow(/pinned by digest/);
  });

  it('Services, HPA, pull Secret, state ConfigMap and Lease', () => {
    new Service(deploymentServiceObject('diabetes', 'models', spec) as ConstructorParameters<typeof Service>[0]).validate();
    const pool = poolServiceObject('diabetes', 'models');
    new Service(pool as ConstructorParameters<typeof Service>[0]).validate();
    expect(pool.spec?.selector).toEqual({ [LABELS.endpoint]: 'diabetes', [LABELS.pool]: 'diabetes' });
    new HorizontalPodAutoscaler(
      autoscalerObject('diabetes', 'models', spec, { min: 2, max: 5, cpuUtilization: 70 }) as ConstructorParameters<
        typeof HorizontalPodAutoscaler
      >[0],
    ).validate();
    const secret = pullSecretObject('diabetes', 'models', 'registry.example:5000', 'robot', 's3cret');
    new Secret(secret as ConstructorParameters<typeof Secret>[0]).validate();
    const config = JSON.parse(Buffer.from(secret.data?.['.dockerconfigjson'] ?? '', 'base64').toString()) as {
      auths: Record<string, { auth: string }>;
    };
    expect(Buffer.from(config.auths['registry.example:5000'].auth, 'base64').toString()).toBe('robot:s3cret');
    new ConfigMap(
      stateObject('diabetes', 'models', {
        traffic: { blue: 90, green: 10 },
        mirror: {},
        drainedAt: {},
        record: {},
      }) as ConstructorParameters<typeof ConfigMap>[0],
    ).validate();
    const lease = leaseObject('diabetes', 'models', 'rollout (host pid 1)', 30, new Date('2026-11-23T10:00:00.123Z'));
    expect(lease.spec?.renewTime).toBe('2026-11-23T10:00:00.123000Z');
    new Lease(lease as unknown as ConstructorParameters<typeof Lease>[0]).validate();
    expect(microTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });

  it('nginx Ingresses: the canary one carries canary and canary-weight annotations', () => {
    const cfg = { host: 'models.example.com', className: 'nginx', path: '/' };
    const stable = ingressObject('diabetes', 'models', cfg, 'blue');
    const canary = ingressObject('diabetes', 'models', cfg, 'green', 10);
    new Ingress(stable as ConstructorParameters<typeof Ingress>[0]).validate();
    new Ingress(canary as ConstructorParameters<typeof Ingress>[0]).validate();
    expect(stable.metadata?.annotations).toBeUndefined();
    expect(canary.metadata?.annotations).toEqual({
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '10',
      // probe traffic naming the new deployment reaches it through the ingress
      'nginx.ingress.kubernetes.io/canary-by-header': 'x-modelship-deployment',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'green',
    });
    expect(canary.metadata?.name).toBe(endpointNames('diabetes').canaryIngress);
    expect(canary.spec?.rules?.[0].http?.paths[0].backend.service?.name).toBe('diabetes-green');
    expect(canary.spec?.rules?.[0].host).toBe(stable.spec?.rules?.[0].host);
  });

  it('HTTPRoute: backendRefs weights are the traffic map, mirror is a RequestMirror filter with a percent', () => {
    const route = httpRouteObject(
      'diabetes',
      'models',
      { name: 'shared', namespace: 'gateways', hostnames: ['models.example.com'] },
      { blue: 100, green: 0 },
      { green: 25 },
    );
    new HTTPRoute(route as unknown as ConstructorParameters<typeof HTTPRoute>[0]).validate();
    // one rule per deployment for requests that name it in the deployment header, then the weighted one
    expect(route.spec.rules.slice(0, 2)).toEqual([
      {
        matches: [
          { path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'x-modelship-deployment', value: 'blue' }] },
        ],
        backendRefs: [{ name: 'diabetes-blue', port: 80, weight: 1 }],
      },
      {
        matches: [
          { path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'x-modelship-deployment', value: 'green' }] },
        ],
        backendRefs: [{ name: 'diabetes-green', port: 80, weight: 1 }],
      },
    ]);
    expect(route.spec.rules[2].backendRefs).toEqual([
      { name: 'diabetes-blue', port: 80, weight: 100 },
      { name: 'diabetes-green', port: 80, weight: 0 },
    ]);
    expect(route.spec.rules[2].filters).toEqual([
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'diabetes-green', port: 80 }, percent: 25 } },
    ]);
    expect(route.spec.parentRefs).toEqual([{ name: 'shared', namespace: 'gateways' }]);
  });
});

describe('Prometheus answers', () => {
  const sample = (le: string, v: number) => ({ metric: { le }, value: [0, String(v)] as [number, string] });
  it('cumulative le buckets (seconds) become counts in the latency histogram', () => {
    const h = histogram([sample('0.005', 10), sample('0.1', 30), sample('+Inf', 31), sample('1', 30)]);
    expect(h.reduce((a, b) => a + b, 0)).toBe(31);
    expect(h[bucketIndex(5)]).toBe(10);
    expect(h[bucketIndex(100)]).toBe(20);
    expect(h[LATENCY_BUCKETS_MS.length]).toBe(1);
  });
  it('placeholders name the namespace and the deployment Service', () => {
    expect(fill('sum(x{ns="{namespace}",svc="{service}"})', { namespace: 'models', service: 'diabetes-green', ingress: 'diabetes' })).toBe(
      'sum(x{ns="models",svc="diabetes-green"})',
    );
  });
});

describe('withBearerToken (auth: azure)', () => {
  it('points the current context at a token user and leaves the others alone', () => {
    const kc = {
      clusters: [{ name: 'aks' }],
      users: [{ name: 'clusterUser_rg_aks', exec: { command: 'kubelogin' } }, { name: 'other' }],
      contexts: [
        { name: 'aks', user: 'clusterUser_rg_aks', cluster: 'aks' },
        { name: 'dev', user: 'other', cluster: 'aks' },
      ],
      currentContext: 'aks',
    };
    const out = withBearerToken(kc, 'entra-token');
    expect(out.contexts).toEqual([
      { name: 'aks', user: 'modelship-entra-aks', cluster: 'aks' },
      { name: 'dev', user: 'other', cluster: 'aks' },
    ]);
    expect(out.users).toContainEqual({ name: 'modelship-entra-aks', token: 'entra-token' });
    expect(out.users).toContainEqual({ name: 'other' });
    expect(() => withBearerToken({ ...kc, currentContext: 'gone' }, 't')).toThrow(/no context 'gone'/);
  });
});
