import * as fs from 'node:fs';
import { configIssues } from '../../helpers/config-issues';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, loadConfigText } from '../../../shared/config/load';
import schema from '../../../shared/config/modelship.schema.json';

/** target.kind: kubernetes in modelship.yaml: defaults, and errors that name the file, line and key */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-k8s-config-'));
fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
fs.writeFileSync(path.join(dir, 'src', 'score.py'), 'def init():\n    pass\n');
fs.writeFileSync(path.join(dir, 'kubeconfig'), 'apiVersion: v1\nkind: Config\n');
const file = path.join(dir, 'modelship.yaml');

const BASE = `endpoint: diabetes
model:
  name: diabetes-model
serve:
  code: ./src
image:
  repository: registry.example/models/diabetes
`;
const PROBE = `rollout:
  analysis:
    probe: { rate: 5 }
`;

const issues = (yaml: string): string[] => configIssues(yaml, file);

describe('target.kind: kubernetes', () => {
  it('resolves the documented defaults', () => {
    const { config } = loadConfigText(`${BASE}target:\n  kind: kubernetes\n${PROBE}`, file);
    const k = config.target.kubernetes;
    expect(k).toEqual({
      auth: 'kubeconfig',
      routing: 'replicas',
      replicas: 2,
      stagingReplicas: 1,
      resources: { cpu: '250m', memory: '512Mi' },
      scaleDownDelay: 30_000,
      preStopSeconds: 10,
      leaseSeconds: 30,
    });
    // the same values the schema documents as defaults
    const props = schema.properties.target.properties.kubernetes.properties;
    expect([
      props.auth.default,
      props.routing.default,
      props.replicas.default,
      props.staging.properties.replicas.default,
      props.leaseSeconds.default,
      props.scaleDownDelay.default,
      props.preStopDelay.default,
    ]).toEqual([k?.auth, k?.routing, k?.replicas, k?.stagingReplicas, k?.leaseSeconds, '30s', '10s']);
    expect([props.resources.properties.cpu.default, props.resources.properties.memory.default]).toEqual([
      k?.resources.cpu,
      k?.resources.memory,
    ]);
  });

  it('reads every setting, resolving the kubeconfig path from the config folder', () => {
    const { config } = loadConfigText(
      `${BASE}target:
  kind: kubernetes
  kubernetes:
    kubeconfig: ./kubeconfig
    context: prod
    auth: azure
    namespace: models
    staging: { namespace: models-staging, replicas: 2 }
    routing: nginx-ingress
    replicas: 4
    resources: { cpu: "1", memory: 2Gi }
    autoscale: { min: 4, max: 12 }
    ingress: { host: models.example.com }
    url: https://models.example.com/
    prometheus:
      url: http://prometheus.monitoring:9090
      queries: { requests: 'sum(my_requests{service="{service}"})' }
${PROBE}`,
      file,
    );
    expect(config.target.kubernetes).toEqual({
      kubeconfig: path.join(dir, 'kubeconfig'),
      context: 'prod',
      auth: 'azure',
      namespace: 'models',
      stagingNamespace: 'models-staging',
      routing: 'nginx-ingress',
      replicas: 4,
      stagingReplicas: 2,
      resources: { cpu: '1', memory: '2Gi' },
      autoscale: { min: 4, max: 12, cpuUtilization: 70 },
      ingress: { host: 'models.example.com', className: 'nginx', path: '/' },
      url: 'https://models.example.com',
      scaleDownDelay: 30_000,
      preStopSeconds: 10,
      leaseSeconds: 30,
      prometheus: {
        url: 'http://prometheus.monitoring:9090',
        queries: { requests: 'sum(my_requests{service="{service}"})' },
      },
    });
  });

  it('fills the blocks of the routing from the schema: Ingress settings, HTTPRoute hostnames, Prometheus queries', () => {
    const load = (kubernetes: string) =>
      loadConfigText(`${BASE}target:\n  kind: kubernetes\n  kubernetes:\n${kubernetes}${PROBE}`, file).config.target.kubernetes;
    const props = schema.properties.target.properties.kubernetes.properties;
    // nginx-ingress has Ingresses whether or not the file says anything about them
    expect(load('    routing: nginx-ingress\n')?.ingress).toEqual({
      className: props.ingress.properties.className.default,
      path: props.ingress.properties.path.default,
    });
    expect(load('    routing: gateway-api\n    gateway: { name: public }\n')?.gateway).toEqual({ name: 'public', hostnames: [] });
    // the routing mode's router supplies the queries the file leaves out (kubernetes.test.ts reads them)
    expect(
      load('    routing: gateway-api\n    gateway: { name: public }\n    prometheus: { url: http://prometheus:9090/ }\n')?.prometheus,
    ).toEqual({
      url: 'http://prometheus:9090',
      queries: {},
    });
  });

  it('warns, and still loads, when the analysis can see only probe traffic', () => {
    const { warnings } = loadConfigText(`${BASE}target:\n  kind: kubernetes\n${PROBE}`, file);
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /^rollout\.analysis\.probe: without target\.kubernetes\.prometheus the analysis sees only modelship's probe traffic/,
      ),
    ]);
    const withPrometheus = loadConfigText(
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    routing: nginx-ingress\n    prometheus: { url: http://p:9090 }\n`,
      file,
    );
    expect(withPrometheus.warnings).toEqual([]);
  });

  it('warns that rollout.shadow.mirror is not paired here: the shadow step replays requests', () => {
    const { warnings } = loadConfigText(
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    routing: nginx-ingress\n    prometheus: { url: http://p:9090 }\nrollout:\n  shadow: { mirror: 20 }\n`,
      file,
    );
    expect(warnings.map((w) => `${w.line} ${w.path}: ${w.message}`)).toEqual([
      expect.stringMatching(
        /^14 rollout\.shadow\.mirror: only the local target's router pairs mirrored answers; on target 'kubernetes' the shadow step replays requests/,
      ),
    ]);
  });

  const cases: Array<[string, string, RegExp]> = [
    [
      'no image repository',
      `endpoint: diabetes\nmodel:\n  name: m\nserve:\n  code: ./src\ntarget:\n  kind: kubernetes\n${PROBE}`,
      /:7:9 target\.kind: target 'kubernetes' runs images/,
    ],
    [
      'no metrics source',
      `${BASE}target:\n  kind: kubernetes\n`,
      /:9:9 target\.kind: the kubernetes target needs metrics for the analysis/,
    ],
    [
      'autoscale with replicas routing',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    autoscale: { max: 5 }\n${PROBE}`,
      /:11:16 target\.kubernetes\.autoscale: cannot be used with routing 'replicas'/,
    ],
    [
      'gateway-api without a gateway',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    routing: gateway-api\n${PROBE}`,
      /:11:14 target\.kubernetes\.routing: routing 'gateway-api' needs target\.kubernetes\.gateway/,
    ],
    [
      'mirror without gateway-api',
      `${BASE}target:\n  kind: kubernetes\nrollout:\n  strategy: blue-green\n  mirror: 20\n  analysis:\n    probe: { rate: 5 }\n`,
      /:12:11 rollout\.mirror: routing 'replicas' cannot mirror/,
    ],
    [
      'bad quantity',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    resources: { cpu: lots }\n${PROBE}`,
      /:11:23 target\.kubernetes\.resources\.cpu: must be a Kubernetes quantity/,
    ],
    [
      'bad namespace',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    namespace: Models_Prod\n${PROBE}`,
      /:11:16 target\.kubernetes\.namespace: must be a DNS-1123 label/,
    ],
    [
      'missing kubeconfig file',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    kubeconfig: ./nope\n${PROBE}`,
      /:11:17 target\.kubernetes\.kubeconfig: .*nope/,
    ],
    [
      'kubernetes settings on the local target',
      `${BASE}target:\n  kubernetes:\n    replicas: 3\n`,
      /:10:5 target\.kubernetes: is only read when target\.kind is 'kubernetes'/,
    ],
    [
      'Prometheus with replicas routing and no queries (no proxy in the path has series)',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    prometheus: { url: http://p:9090, queries: { requests: r } }\n`,
      /:11:17 target\.kubernetes\.prometheus: routing 'replicas' has no ingress or gateway whose series could be read by default: set queries\.errors, queries\.latencyBuckets/,
    ],
    [
      'a pull credential with one variable',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    pullCredential: { usernameEnv: PULL_USER }\n${PROBE}`,
      /:11:21 target\.kubernetes\.pullCredential: needs both usernameEnv and passwordEnv/,
    ],
    [
      'a pull credential in both forms',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    pullCredential: { usernameEnv: U, passwordEnv: P, reusePushCredentials: true }\n${PROBE}`,
      /target\.kubernetes\.pullCredential: set either usernameEnv and passwordEnv .* or reusePushCredentials: true, not both/,
    ],
    [
      'min above max',
      `${BASE}target:\n  kind: kubernetes\n  kubernetes:\n    routing: nginx-ingress\n    autoscale: { min: 6, max: 5 }\n${PROBE}`,
      /target\.kubernetes\.autoscale\.min: must be at most autoscale\.max \(5\)/,
    ],
  ];

  it.each(cases)('%s: one issue naming file, line and key', (_name, yaml, message) => {
    const found = issues(yaml);
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(file)).toBe(true);
    expect(found[0]).toMatch(message);
  });
});

describe('the kubernetes examples of workflows-examples', () => {
  const root = path.resolve(__dirname, '..', '..', '..', 'workflows-examples', 'kubernetes');
  it.each([
    ['modelship-replicas.yaml', 'replicas'],
    ['modelship-nginx-ingress.yaml', 'nginx-ingress'],
    ['modelship-gateway-api.yaml', 'gateway-api'],
  ])('%s loads with routing %s', async (file, routing) => {
    const { config } = await loadConfig(path.join(root, file));
    expect(config.target.kind).toBe('kubernetes');
    expect(config.target.kubernetes?.routing).toBe(routing);
  });
});
