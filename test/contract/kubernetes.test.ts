import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import YAML from 'yaml';
import { BIN, runCli } from '../helpers/cli';
import { ClusterUnderTest, Routing, cli, configYaml, expectExit, fakeCluster, output, register } from '../helpers/kube-cluster';
import { TestProject, makeProject } from '../helpers/project';
import { dockerTestEnv } from '../helpers/test-env';
import { FakeKube, HistoryEntry, startFakeKube } from './fakes/fake-kube';
import { startFakePrometheus } from './fakes/fake-prometheus';

/**
 * The Kubernetes target, driven through the `modelship` CLI as a user runs it, against a
 * FAKE Kubernetes API server (test/contract/fakes/fake-kube.ts): it validates every object
 * against the Kubernetes schemas, enforces resourceVersion conflicts, apply and
 * merge-patch semantics and immutable selectors, simulates the Deployment controller, and
 * runs each pod as a real container of the image modelship built and pushed to the real
 * test registry. Scoring goes through the fake's service proxy to those containers.
 *
 * With MODELSHIP_TEST_KUBECONFIG (and MODELSHIP_TEST_K8S_REPOSITORY, a repository the
 * cluster can pull from) the cluster-agnostic part also runs against that real cluster.
 */
jest.setTimeout(300_000);

/** the whole story on any cluster: first deployment, a good version promoted, a failing one rolled back, a crash-looping one stopped at staging */
function clusterAgnosticSuite(name: string, cluster: () => ClusterUnderTest, routing: Routing): void {
  describe(`${name}: routing ${routing}`, () => {
    let project: TestProject;
    const endpoint = `ep-${routing.replace(/[^a-z]/g, '')}-${process.pid}`.slice(0, 30);

    beforeAll(() => {
      project = makeProject(configYaml(cluster(), endpoint, routing), 'ms-k8s-');
    });
    afterAll(async () => {
      if (project) await cli(cluster(), project, ['down'], 120_000);
    });

    it('ships a first version, then rolls a good one out to 100% step by step', async () => {
      await register(project, 'good1');
      const first = await cli(cluster(), project, ['run']);
      expectExit(first, 0);
      expect(output(first)).toMatch(/first production deployment/);
      await register(project, 'good2');
      const second = await cli(cluster(), project, ['run', '--json']);
      expectExit(second, 0);
      const result = JSON.parse(second.stdout) as { result: string };
      expect(result.result).toBe('promoted');
      const out = output(second);
      expect(out).toMatch(/step 1\/3: new 10% \/ stable 90%/);
      expect(out).toMatch(/step 3\/3: new 100%/);
      // what each routing mode did at each step (CI logs show it)
      const routingLines = out.split('\n').filter((l) => /step \d\/3|real share|Ingress|HTTPRoute|promoted|analysis/.test(l));
      process.stderr.write(`${name} ${routing}:\n${routingLines.slice(0, 40).join('\n')}\n`);
      const status = await cli(cluster(), project, ['status']);
      expectExit(status, 0);
      expect(status.stdout + status.stderr).toMatch(/test-model v2\s+traffic 100%/);
      expect(status.stdout + status.stderr).toMatch(/previous version: v1/);
    });

    it('rolls back a version that fails 20% of its requests; the stable one keeps serving', async () => {
      await register(project, 'failing');
      const r = await cli(cluster(), project, ['run']);
      expectExit(r, 1);
      expect(output(r)).toMatch(/rolled back|roll(ing)? back/i);
      expect(output(r)).toMatch(/error rate/);
      const status = await cli(cluster(), project, ['status']);
      const production = (status.stdout + status.stderr).split(`${endpoint}-staging (`)[0];
      expect(production).toMatch(/test-model v2\s+traffic 100%/);
      expect(production).not.toMatch(/test-model v3/);
    });

    it('stops a crash-looping version at staging with its events and last log lines; production untouched', async () => {
      await register(project, 'init-raises');
      const r = await cli(cluster(), project, ['run']);
      expectExit(r, 1);
      const out = output(r);
      expect(out).toMatch(/deploy staging/);
      expect(out).toMatch(/CrashLoopBackOff/);
      expect(out).toMatch(/event Warning BackOff/);
      expect(out).toMatch(/model file is corrupt/);
      const status = await cli(cluster(), project, ['status']);
      expect(status.stdout + status.stderr).toMatch(/test-model v2\s+traffic 100%/);
    });
  });
}

// ---- against the fake API server ---------------------------------------------------------

/**
 * The rollback names an error rate whose failed count is that of a scripted `share` of
 * fake-prometheus requests. The fake counts whole requests per ingress replica (the floor
 * of `share` of each replica's count): the first window with minRequests may hold a dozen
 * requests, where that rounding moves the share by several points (3 of 13 is 23% of a
 * scripted 30%). Each replica moves the failed count by at most 2 (its rounding at both
 * ends of the window, or at a counter reset).
 */
function expectFailedShareNear(text: string, share: number, replicas: number): void {
  const judged = /error rate \d+\.\d% > \d+\.\d% \((\d+) of (\d+) requests failed\)/.exec(text);
  expect(judged).not.toBeNull();
  const [failed, requests] = [Number(judged?.[1]), Number(judged?.[2])];
  expect(Math.abs(failed - share * requests)).toBeLessThanOrEqual(2 * replicas);
}

describe('kubernetes target against a fake API server (real containers as pods)', () => {
  let fake: FakeKube;
  let cluster: ClusterUnderTest;

  beforeAll(async () => {
    // every request is authorised as the ServiceAccount of the example Role: a verb it lacks is a 403
    fake = await startFakeKube({ rbac: { file: path.join(__dirname, '../../workflows-examples/kubernetes/rbac.yaml') } });
    // the ingress controller and gateway of the cluster: the gateway accepts HTTPRoutes (their status)
    await fake.dataPlane();
    cluster = fakeCluster(fake, `k8s-${process.pid}`);
  });
  afterAll(async () => {
    await fake?.close();
  });

  for (const routing of ['replicas', 'nginx-ingress', 'gateway-api'] as const) clusterAgnosticSuite('fake', () => cluster, routing);

  describe('what the API server saw', () => {
    let project: TestProject;
    const endpoint = `seen-${process.pid}`;
    const objectName = (d: string) => `${endpoint}-${d}`;

    beforeAll(async () => {
      project = makeProject(configYaml(cluster, endpoint, 'replicas'), 'ms-k8s-');
      await register(project, 'good1');
      expectExit(await cli(cluster, project, ['run']), 0);
    });
    afterAll(async () => {
      await cli(cluster, project, ['down'], 120_000);
    });

    it('a canary adds replicas and never scales the stable deployment down before it leaves the pool', async () => {
      await register(project, 'good2');
      expectExit(await cli(cluster, project, ['run']), 0);
      const blue = fake.history('Deployment', 'models', objectName('blue'));
      const green = fake.history('Deployment', 'models', objectName('green'));
      // stable: 2 replicas in every version it had (it was deleted after the promotion, never scaled down first)
      expect(blue.length).toBeGreaterThan(0);
      type DeploymentVersion = { spec: { replicas: number }; status?: { readyReplicas?: number } };
      const live = (entries: HistoryEntry[]) =>
        entries.filter((v) => v.type !== 'DELETED').map((v) => ({ time: v.time, d: v.object as unknown as DeploymentVersion }));
      const blueVersions = live(blue);
      const greenVersions = live(green);
      // the stable one joined the pool with all its replicas when it was first shipped
      const joined = blueVersions.findIndex((v) => v.d.spec.replicas === 2);
      expect(joined).toBeGreaterThanOrEqual(0);
      // the new one: 1 pod outside the pool, 1 at 10% and 50% of 2, then all 2
      expect(greenVersions[0].d.spec.replicas).toBe(1);
      expect(greenVersions[greenVersions.length - 1].d.spec.replicas).toBe(2);
      const greenFull = greenVersions.find((v) => v.d.spec.replicas === 2 && v.d.status?.readyReplicas === 2);
      expect(greenFull).toBeDefined();
      // the stable one kept all its replicas until it was deleted after the promotion (at 0% it
      // left the pool with them, ready for a rollback)
      expect(blueVersions.slice(joined).map((v) => v.d.spec.replicas)).toEqual(blueVersions.slice(joined).map(() => 2));
      const leftPool = blueVersions
        .slice(joined)
        .find(
          (v) =>
            !(v.d as unknown as { spec: { template: { metadata: { labels: Record<string, string> } } } }).spec.template.metadata.labels[
              'modelship.dev/pool'
            ],
        );
      expect(leftPool).toBeDefined();
      // and it left the pool only after the new one was read back ready with all of its own
      expect(leftPool?.time).toBeGreaterThanOrEqual(greenFull?.time ?? Infinity);
      expect(fake.get('Deployment', 'models', objectName('blue'))).toBeUndefined();
      // every object carries the managed-by label
      expect(
        (fake.get('Deployment', 'models', objectName('green')) as { metadata: { labels: Record<string, string> } }).metadata.labels[
          'app.kubernetes.io/managed-by'
        ],
      ).toBe('modelship');
    });

    it('a failing canary is rolled back while the stable deployment keeps all its replicas; the pull Secret carries the pull credential, never printed', async () => {
      const startedAt = Date.now();
      await register(project, 'failing');
      const r = await cli(cluster, project, ['run']);
      expectExit(r, 1);
      expect(output(r)).toMatch(/error rate/);
      // green is the stable one now: every version written during this run kept its 2 replicas
      const greenDuring = fake.history('Deployment', 'models', objectName('green')).filter((v) => v.time >= startedAt);
      for (const v of greenDuring)
        expect({ type: v.type, replicas: (v.object as unknown as { spec: { replicas: number } }).spec.replicas }).toEqual({
          type: 'MODIFIED',
          replicas: 2,
        });
      // the candidate is gone, and the routing state says so
      expect(fake.get('Deployment', 'models', objectName('blue'))).toBeUndefined();
      const state = fake.get('ConfigMap', 'models', `${endpoint}-modelship`) as { metadata: { annotations: Record<string, string> } };
      expect(JSON.parse(state.metadata.annotations['modelship.dev/traffic'])).toEqual({ green: 100 });
      // image pull credentials: a dockerconfigjson Secret the Deployment references, from target.kubernetes.pullCredential
      const secret = fake.get('Secret', 'models', `${endpoint}-modelship-pull`) as unknown as {
        type: string;
        data: Record<string, string>;
      };
      expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
      const auths = (
        JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString()) as {
          auths: Record<string, { username: string; password: string }>;
        }
      ).auths;
      const env = dockerTestEnv();
      expect(auths[env.registry]).toMatchObject({ username: env.username, password: env.password });
      const green = fake.get('Deployment', 'models', objectName('green')) as {
        spec: { template: { spec: { imagePullSecrets: Array<{ name: string }> } } };
      };
      expect(green.spec.template.spec.imagePullSecrets).toEqual([{ name: `${endpoint}-modelship-pull` }]);
      expect(output(r)).not.toContain(env.password);
    });

    it('API 429 and 500 answers are retried with backoff; a lasting outage fails after the attempt limit, naming server and context', async () => {
      fake.failNext(2, 429, { retryAfterSeconds: 1 });
      fake.failNext(2, 500);
      const ok = await cli(cluster, project, ['status']);
      expectExit(ok, 0);
      expect(output(ok)).toMatch(/429.*retry 1\/5/);
      expect(output(ok)).toMatch(/500.*retry/);
      // an outage of the object status reads first (one call): its attempts can be counted
      const statePath = `/api/v1/namespaces/models/configmaps/${endpoint}-modelship`;
      fake.failFor(60_000, 500, { match: (_m, p) => p === statePath });
      const seen = fake.requests.length;
      const down = await cli(cluster, project, ['status']);
      fake.failFor(0, 500);
      expectExit(down, 1);
      expect(output(down)).toMatch(/after 6 attempts/);
      expect(output(down)).toMatch(new RegExp(`${fake.url.replace(/[.]/g, '\\.')} \\(context fake\\)`));
      // the command gave up while the outage went on, after exactly 6 attempts of that call
      expect(fake.requests.slice(seen).filter((q) => q.path === statePath && q.status === 500)).toHaveLength(6);
    });

    it('two concurrent commands are serialised by the Lease: the second fails naming the holder', async () => {
      const v = await register(project, 'good1');
      const first = cli(cluster, project, ['rollout', '--model-version', String(v)]);
      // wait until the first one holds the Lease
      const deadline = Date.now() + 60_000;
      while (
        Date.now() < deadline &&
        !(fake.get('Lease', 'models', `${endpoint}-modelship-lock`) as { spec?: { holderIdentity?: string } } | undefined)?.spec
          ?.holderIdentity
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const second = await cli(cluster, project, ['promote']);
      expectExit(second, 1);
      expect(output(second)).toMatch(/is busy: 'rollout \(.+ pid \d+\)' holds its Lease models\/.+-modelship-lock/);
      expectExit(await first, 0);
      // released: the next command runs at once
      expectExit(await cli(cluster, project, ['promote']), 0);
    });

    it('a run killed mid-rollout is resumed by the next run, which converges', async () => {
      const v = await register(project, 'good2');
      const child = spawn(process.execPath, [BIN, 'run', '--config', project.configFile], {
        cwd: project.dir,
        env: { ...process.env, ...cluster.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      const killed = new Promise<void>((resolve) => {
        const onData = (c: Buffer) => {
          text += c.toString();
          if (/step 2\/3/.test(text) && !child.killed) {
            child.kill('SIGKILL');
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('close', () => resolve());
      });
      await killed;
      expect(text).toMatch(/step 2\/3/);
      // no waiting for the Lease to expire: its holder was a process of this machine that is gone
      const rerun = await cli(cluster, project, ['run']);
      expectExit(rerun, 0);
      expect(output(rerun)).toMatch(
        new RegExp(`taking over the Lease of '[a-z ]+ \\(.+ pid ${child.pid}\\)': process ${child.pid} of this machine no longer exists`),
      );
      expect(output(rerun)).toMatch(new RegExp(`resuming the interrupted rollout of test-model v${v} at step [23]`));
      const status = await cli(cluster, project, ['status']);
      const s = status.stdout + status.stderr;
      expect(s).toMatch(new RegExp(`test-model v${v}\\s+traffic 100%`));
      // one deployment left: nothing from the killed run lingers
      expect(s.match(/traffic \d+%/g)).toHaveLength(2); // production + staging
    });
  });

  it('connection errors say which kubeconfig, context and server were tried', async () => {
    const wrongContext = makeProject(configYaml(cluster, 'conn-errors', 'replicas', '\n    context: nope'), 'ms-k8s-');
    const r1 = await cli(cluster, wrongContext, ['status']);
    expectExit(r1, 1);
    expect(output(r1)).toMatch(new RegExp(`context 'nope' is not in ${cluster.kubeconfig.replace(/[.]/g, '\\.')} \\(contexts: fake\\)`));
    const noKubeconfig = makeProject(configYaml(cluster, 'conn-errors', 'replicas').replace(/^ {4}kubeconfig: .*\n/m, ''), 'ms-k8s-');
    const emptyHome = fs.mkdtempSync('/tmp/ms-empty-home-');
    const r2 = await runCli(['status', '--config', noKubeconfig.configFile], {
      cwd: noKubeconfig.dir,
      env: { HOME: emptyHome, KUBECONFIG: '', KUBERNETES_SERVICE_HOST: '' },
      timeoutMs: 60_000,
    });
    expectExit(r2, 1);
    expect(output(r2)).toMatch(/connecting to the cluster.*no kubeconfig: target\.kubernetes\.kubeconfig is not set/s);
    // an unreachable server: retried, then named with its context
    const deadConfig = path.join(emptyHome, 'dead-kubeconfig');
    fs.writeFileSync(deadConfig, fs.readFileSync(cluster.kubeconfig, 'utf8').replace(fake.url, 'http://127.0.0.1:9'));
    const dead = makeProject(configYaml({ ...cluster, kubeconfig: deadConfig }, 'conn-errors', 'replicas'), 'ms-k8s-');
    const r3 = await cli(cluster, dead, ['status']);
    expectExit(r3, 1);
    expect(output(r3)).toMatch(/on http:\/\/127\.0\.0\.1:9 \(context fake\): .*ECONNREFUSED.*after 6 attempts/);
  });

  it("the kubeconfig user's token, password and client key are each registered as secrets before anything can log them", async () => {
    const dir = fs.mkdtempSync('/tmp/ms-kube-secrets-');
    const file = path.join(dir, 'kubeconfig');
    const keyBody = [
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
      'VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNb',
    ];
    const pem = `-----BEGIN PRIVATE KEY-----\n${keyBody.join('\n')}\n-----END PRIVATE KEY-----\n`;
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'file-token-0123456789abcdef\n');
    fs.writeFileSync(
      file,
      YAML.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: fake.url, 'insecure-skip-tls-verify': true } }],
        users: [
          {
            name: 'inline',
            user: { token: 'inline-token-0123456789', password: 'pass-0123456789', 'client-key-data': Buffer.from(pem).toString('base64') },
          },
          { name: 'files', user: { 'token-file': tokenFile } },
        ],
        contexts: [
          { name: 'inline', context: { cluster: 'c', user: 'inline' } },
          { name: 'files', context: { cluster: 'c', user: 'files' } },
        ],
        'current-context': 'inline',
      }),
    );
    const dist = path.join(__dirname, '..', '..', 'dist', 'shared', 'targets', 'kubernetes');
    const secretsOf = async (context: string): Promise<string[]> => {
      const script = `
        const { connect } = require(${JSON.stringify(path.join(dist, 'connection.js'))});
        const secrets = [];
        connect({ kubeconfig: ${JSON.stringify(file)}, context: '${context}', auth: 'kubeconfig', env: () => undefined, setSecret: (v) => secrets.push(v) })
          .then(() => console.log(JSON.stringify(secrets)), (e) => { console.error(e.message); process.exit(1); });`;
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let text = '';
        child.stdout.on('data', (c: Buffer) => (text += c.toString()));
        child.stderr.on('data', (c: Buffer) => (text += c.toString()));
        child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(text))));
      });
      return JSON.parse(out) as string[];
    };
    const inline = await secretsOf('inline');
    expect(inline).toEqual(expect.arrayContaining(['inline-token-0123456789', 'pass-0123456789', pem.trim(), ...keyBody]));
    expect(await secretsOf('files')).toContain('file-token-0123456789abcdef');
  });

  it("auth: azure replaces the context's user with an Entra ID token for the AKS scope, renewed before it expires (the fake accepts only the renewed token)", async () => {
    const entraToken = `entra-${process.pid}-token`;
    const aks = await startFakeKube({ token: entraToken });
    try {
      const file = path.join(fs.mkdtempSync('/tmp/ms-aks-'), 'kubeconfig');
      aks.kubeconfig({ file, context: 'aks', namespace: 'models' });
      // the kubeconfig's own user has a token the fake refuses, as kubelogin's exec user would fail here
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(entraToken, 'not-the-entra-token'));
      const dist = path.join(__dirname, '..', '..', 'dist', 'shared', 'targets', 'kubernetes');
      const script = `
        const { connect, AKS_ENTRA_SCOPE } = require(${JSON.stringify(path.join(dist, 'connection.js'))});
        const { KubeApi } = require(${JSON.stringify(path.join(dist, 'kube-api.js'))});
        const asked = [];
        const logs = [];
        // the first token is about to expire (an hour-long rollout's token): it must be renewed before it is used again
        const credential = { getToken: async (scope) => { asked.push(scope); return asked.length === 1 ? { token: 'expiring-token', expiresOnTimestamp: Date.now() + 1000 } : { token: process.env.ENTRA_TOKEN, expiresOnTimestamp: Date.now() + 3600e3 }; } };
        (async () => {
          const c = await connect({ kubeconfig: ${JSON.stringify(file)}, auth: 'azure', env: (n) => process.env[n], setSecret: () => {}, azureCredential: () => credential, tokenCheckMs: 100, log: (l) => logs.push(l) });
          const api = new KubeApi(c.kc, () => {});
          await new Promise((r) => setTimeout(r, 600));
          const items = await api.list('v1', 'ConfigMap', 'models', 'a=b');
          console.log(JSON.stringify({ asked, logs, describe: c.describe, items: items.length, scope: AKS_ENTRA_SCOPE }));
        })().catch((e) => { console.error(e.message); process.exit(1); });`;
      const r = await new Promise<{ code: number; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['-e', script], {
          env: { ...process.env, ENTRA_TOKEN: entraToken },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (code) => resolve({ code: code ?? 1, out }));
      });
      expect(r.code).toBe(0);
      const got = JSON.parse(r.out) as { asked: string[]; logs: string[]; describe: string; items: number; scope: string };
      // the expiring token was renewed (once: the new one lasts an hour), for the AKS server application
      expect(got.asked).toEqual(['6dae42f8-4368-4678-94ff-3960e28e3630/.default', '6dae42f8-4368-4678-94ff-3960e28e3630/.default']);
      expect(got.logs.join('\n')).toMatch(/Entra ID token renewed/);
      expect(got.describe).toBe(`context aks at ${aks.url}`);
      expect(aks.requests.filter((q) => q.status === 401)).toHaveLength(0);
      expect(aks.requests.some((q) => q.path === '/api/v1/namespaces/models/configmaps' && q.status === 200)).toBe(true);
    } finally {
      await aks.close();
    }
  });

  it('with target.kubernetes.prometheus the analysis reads Prometheus (FAKE): a new version whose series show 30% 5xx is rolled back', async () => {
    const prometheus = await startFakePrometheus();
    try {
      const endpoint = `prom-${process.pid}`;
      const project = makeProject(
        configYaml(cluster, endpoint, 'nginx-ingress', `\n    prometheus: { url: ${prometheus.url} }`).replace(
          /\n {4}probe: \{ rate: 20 \}/,
          '',
        ),
        'ms-k8s-',
      );
      await register(project, 'good1');
      expectExit(await cli(cluster, project, ['run']), 0);
      // the new deployment will be 'green': its Service's series say 30% of 40 requests/s fail, in the 50 ms bucket
      prometheus.script(`${endpoint}-green`, { rate: 40, errorShare: 0.3, latencySeconds: 0.05 });
      prometheus.script(`${endpoint}-blue`, { rate: 40, errorShare: 0, latencySeconds: 0.005 });
      await register(project, 'good2');
      const r = await cli(cluster, project, ['run']);
      expectExit(r, 1);
      // no probe traffic is configured: only the Prometheus series can have produced these figures
      expect(output(r)).toMatch(/step 1\/3 \(10%\): error rate \d+\.\d% > 5\.0%/);
      expectFailedShareNear(output(r), 0.3, prometheus.replicas);
      // the nginx-ingress router's default queries, per series, with the namespace and the deployment's Service filled in
      expect(prometheus.queries).toContain(
        `nginx_ingress_controller_requests{exported_namespace="models",exported_service="${endpoint}-green",status=~"5.."}`,
      );
      expect(prometheus.queries).toContain(
        `nginx_ingress_controller_request_duration_seconds_bucket{exported_namespace="models",exported_service="${endpoint}-green"}`,
      );
      await cli(cluster, project, ['down'], 120_000);
    } finally {
      await prometheus.close();
    }
  });

  it('an ingress replica restarting during the steps (its counters back to zero) neither rolls back a healthy version nor passes a failing one', async () => {
    const prometheus = await startFakePrometheus();
    // one ingress-nginx replica restarts every 400 ms: most analysis windows see a counter go down
    const restarts = setInterval(() => prometheus.restartReplica(0), 400);
    try {
      const endpoint = `reset-${process.pid}`;
      const project = makeProject(
        configYaml(cluster, endpoint, 'nginx-ingress', `\n    prometheus: { url: ${prometheus.url} }`)
          .replace(/\n {4}probe: \{ rate: 20 \}/, '')
          .replace('bake: 1s', 'bake: 2s'),
        'ms-k8s-',
      );
      await register(project, 'good1');
      expectExit(await cli(cluster, project, ['run']), 0);
      prometheus.script(`${endpoint}-blue`, { rate: 40, errorShare: 0, latencySeconds: 0.005 });
      prometheus.script(`${endpoint}-green`, { rate: 40, errorShare: 0, latencySeconds: 0.005 });
      await register(project, 'good2');
      const healthy = await cli(cluster, project, ['run']);
      // raw sums went down at each restart: the window would have had fewer requests than it started with
      expectExit(healthy, 0);
      expect(output(healthy)).toMatch(/promoted/);
      prometheus.script(`${endpoint}-blue`, { rate: 40, errorShare: 0.3, latencySeconds: 0.005 });
      await register(project, 'good1');
      const failing = await cli(cluster, project, ['run']);
      expectExit(failing, 1);
      expectFailedShareNear(output(failing), 0.3, prometheus.replicas);
      await cli(cluster, project, ['down'], 120_000);
    } finally {
      clearInterval(restarts);
      await prometheus.close();
    }
  });

  it('a version whose pods cannot be scheduled fails at staging at once, with the FailedScheduling event', async () => {
    const project = makeProject(
      configYaml(cluster, `sched-${process.pid}`, 'replicas').replace(
        'resources: { cpu: 100m, memory: 128Mi }',
        'resources: { cpu: "64", memory: 128Mi }',
      ),
      'ms-k8s-',
    );
    await register(project, 'good1');
    const r = await cli(cluster, project, ['run']);
    expectExit(r, 1);
    expect(output(r)).toMatch(/deploy staging/);
    expect(output(r)).toMatch(/is unschedulable/);
    expect(output(r)).toMatch(/event Warning FailedScheduling/);
    // it stopped on the pod's state, not at the serve.readyTimeout deadline
    expect(output(r)).not.toMatch(/not ready within/);
    await cli(cluster, project, ['down'], 120_000);
  });

  it('a new version whose container is OOMKilled during a step is rolled back: production goes back to the stable one', async () => {
    const endpoint = `oom-${process.pid}`;
    const project = makeProject(
      configYaml(cluster, endpoint, 'replicas').replace('steps: [10, 50, 100]\n  bake: 1s', 'steps: [50, 100]\n  bake: 8s'),
      'ms-k8s-',
    );
    await register(project, 'good1');
    expectExit(await cli(cluster, project, ['run']), 0);
    const v2 = await register(project, 'good2');
    const child = spawn(process.execPath, [BIN, 'rollout', '--model-version', String(v2), '--config', project.configFile], {
      cwd: project.dir,
      env: { ...process.env, ...cluster.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    let killed = false;
    const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    const onData = (c: Buffer) => {
      text += c.toString();
      if (!killed && /\[step 1\/2 50%\]/.test(text)) {
        killed = true;
        // the new deployment's pod in the pool runs out of memory, as the kernel would kill it
        const pod = fake.list('Pod', 'models').find((p) => {
          const labels = (p.metadata as { labels?: Record<string, string> }).labels ?? {};
          return (
            labels['modelship.dev/endpoint'] === endpoint &&
            labels['modelship.dev/deployment'] === 'green' &&
            labels['modelship.dev/pool'] === endpoint
          );
        });
        if (pod) void fake.killContainer(String(pod.metadata.name), { oom: true, namespace: 'models' });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const code = await done;
    expect(killed).toBe(true);
    expect({ code, tail: code === 1 ? '' : text.slice(-3000) }).toEqual({ code: 1, tail: '' });
    // whichever the analysis sees first: the restart count, or the requests failing before the container is back
    expect(text).toMatch(/rolling back: step 1\/2 \(50%\): (deployment green died \(restarts 0 -> 1\)|error rate \d+\.\d% > 5\.0%)/);
    const status = await cli(cluster, project, ['status']);
    const production = (status.stdout + status.stderr).split(`${endpoint}-staging (`)[0];
    expect(production).toMatch(/blue\s+test-model v1\s+traffic 100%/);
    // no deployment line for green (the last rollout's verdicts below may name it)
    expect(production).not.toMatch(/^\s+green\s/m);
    expect(production).toMatch(/last rollout: v2 rolled-back .*\n\s+step 1 \(50%\): fail/);
    await cli(cluster, project, ['down'], 120_000);
  });

  it('every request modelship made is allowed by the example Role (workflows-examples/kubernetes/rbac.yaml)', () => {
    // the fake ran this whole suite under that Role (RBAC mode): nothing was denied
    expect(fake.rbacDenials()).toEqual([]);
    const role = YAML.parseAllDocuments(
      fs.readFileSync(path.join(__dirname, '..', '..', 'workflows-examples', 'kubernetes', 'rbac.yaml'), 'utf8'),
    )
      .map((d) => d.toJS() as { kind: string; rules?: Array<{ apiGroups: string[]; resources: string[]; verbs: string[] }> })
      .find((d) => d.kind === 'Role');
    expect(role?.rules?.length).toBeGreaterThan(0);
    const allowed = (group: string, resource: string, verb: string) =>
      role?.rules?.some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));
    const verbs: Record<string, string> = { GET: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };
    const used = new Set<string>();
    for (const r of fake.requests) {
      // /api/v1/namespaces/NS/RESOURCE[/NAME[/SUB...]] or /apis/GROUP/VERSION/namespaces/...
      const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)\/namespaces\/[^/]+\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?/.exec(r.path);
      if (!m) continue; // discovery and /version: allowed to every authenticated user
      const [, group = '', plural, name, sub] = m;
      const resource = sub ? `${plural}/${sub}` : plural;
      const verb = !name && r.method === 'GET' ? 'list' : verbs[r.method];
      used.add(`${group}/${resource}:${verb}`);
      expect({ request: `${r.method} ${r.path}`, allowed: allowed(group, resource, verb) }).toEqual({
        request: `${r.method} ${r.path}`,
        allowed: true,
      });
    }
    // the suite exercised the whole surface: objects, the lock, the proxy, pod evidence
    for (const k of [
      'apps/deployments:patch',
      '/services/proxy:create',
      'coordination.k8s.io/leases:update',
      '/pods/log:get',
      '/events:list',
      'networking.k8s.io/ingresses:patch',
      'gateway.networking.k8s.io/httproutes:patch',
      'autoscaling/horizontalpodautoscalers:patch',
      'apps/replicasets:list',
      '/secrets:patch',
      '/secrets:delete',
    ]) {
      expect([...used]).toContain(k);
    }
    // the pull Secret is written and deleted by name, never read: the Role grants no get or list on Secrets
    expect([...used].filter((k) => /^\/secrets:(get|list)$/.test(k))).toEqual([]);
  });

  describe('the shadow step, through the deployment header', () => {
    it('stops a classifier wrong on 10% of inputs before any live request reaches it; no traffic object ever named it', async () => {
      const endpoint = `shadow-${process.pid}`;
      const shadow = `  shadow:\n    requests: shadow/requests.jsonl\n    compare: { paths: [$.label] }\n    minSamples: 200\n`;
      const project = makeProject(configYaml(cluster, endpoint, 'replicas') + shadow, 'ms-k8s-shadow-');
      fs.mkdirSync(path.join(project.dir, 'shadow'));
      const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ data: [i, (i * 7) % 13, (i * 3) % 5] }));
      fs.writeFileSync(path.join(project.dir, 'shadow', 'requests.jsonl'), `${lines.join('\n')}\n`);
      try {
        await register(project, 'classify-a');
        expectExit(await cli(cluster, project, ['run']), 0);
        await register(project, 'classify-wrong');
        const r = await cli(cluster, project, ['run']);
        expectExit(r, 1);
        expect(output(r)).toMatch(/shadow: 301 distinct requests to 'blue' \(stable\) and 'green' \(new\) by the deployment header/);
        expect(output(r)).toMatch(/shadow step fail: agreement 90\.\d% on 301 pairs/);
        expect(output(r)).not.toMatch(/step 1\/3/);
        const state = fake.get('ConfigMap', 'models', `${endpoint}-modelship`) as { metadata: { annotations: Record<string, string> } };
        expect(JSON.parse(state.metadata.annotations['modelship.dev/traffic'])).toEqual({ blue: 100 });
        expect(fake.get('Deployment', 'models', `${endpoint}-green`)).toBeUndefined();
      } finally {
        await cli(cluster, project, ['down'], 120_000);
      }
    });
  });
});

// ---- against a real cluster, when one is given ---------------------------------------------

const realKubeconfig = process.env.MODELSHIP_TEST_KUBECONFIG;
const realRepository = process.env.MODELSHIP_TEST_K8S_REPOSITORY;
(realKubeconfig ? describe : describe.skip)(
  'kubernetes target against the real cluster of MODELSHIP_TEST_KUBECONFIG (skipped when it is not set)',
  () => {
    beforeAll(() => {
      // a cluster without a registry it can pull from cannot run anything: say so rather than skip
      if (!realRepository)
        throw new Error(
          'MODELSHIP_TEST_KUBECONFIG is set but MODELSHIP_TEST_K8S_REPOSITORY is not: name an image repository this runner can push to and the cluster can pull from',
        );
    });
    const cluster = (): ClusterUnderTest => ({
      kubeconfig: realKubeconfig ?? '',
      namespace: process.env.MODELSHIP_TEST_K8S_NAMESPACE ?? 'default',
      repository: realRepository ?? '',
      baseImage: process.env.MODELSHIP_TEST_BASE_IMAGE ?? 'python:3.11-slim',
      env: {},
    });
    // MODELSHIP_TEST_K8S_ROUTINGS: the routing modes the cluster has what they need for (the kind workflow installs all)
    const routings = (process.env.MODELSHIP_TEST_K8S_ROUTINGS ?? 'replicas').split(',').map((r) => r.trim()) as Routing[];
    for (const routing of routings) clusterAgnosticSuite('real cluster', cluster, routing);
  },
);
