import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { BIN } from '../helpers/cli';
import { ClusterUnderTest, Routing, cli, configYaml, expectExit, fakeCluster, output, register } from '../helpers/kube-cluster';
import { TestProject, makeProject } from '../helpers/project';
import { FakeKube, startFakeKube } from './fakes/fake-kube';
import { FakeDataPlane } from './fakes/fake-kube-dataplane';

/**
 * The Kubernetes target where real clusters hurt users, against the FAKE API server with
 * a lagging network: endpoints reach the data plane 1 s after the API changed, and the
 * ingress controller / gateway apply a routing change 1 s after it was written (as
 * ingress-nginx's sync and a gateway's xDS push lag). Real containers serve; steady load
 * runs through the data plane during the rollouts.
 */
jest.setTimeout(600_000);

const LAG_MS = 1000;

interface LoadResult {
  sent: number;
  /** 2xx answers */
  ok: number;
  /** the other answers by status */
  others: Record<string, number>;
  /** answers the data plane or the service proxy gave itself (no pod reached: 502, 503) */
  dropped: Array<{ status: number; body: string }>;
  /** 5xx answers of any kind */
  failed: number;
}

/**
 * Steady load until stopped (bounded by `maxMs`): two clients in a loop, each request the
 * smoke body, to `url` (through the data plane or the API server's service proxy).
 */
function steadyLoad(url: string, headers: Record<string, string>, body: string, maxMs = 300_000): { stop: () => Promise<LoadResult> } {
  const result: LoadResult = { sent: 0, ok: 0, others: {}, dropped: [], failed: 0 };
  let stopped = false;
  const deadline = Date.now() + maxMs;
  const client = async () => {
    while (!stopped && Date.now() < deadline) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        result.sent += 1;
        if (res.status < 300) result.ok += 1;
        else result.others[res.status] = (result.others[res.status] ?? 0) + 1;
        if (res.status >= 500) result.failed += 1;
        // the model's own answers carry the deployment header; the proxy's do not
        if (res.status >= 500 && !res.headers.get('x-modelship-deployment'))
          result.dropped.push({ status: res.status, body: text.slice(0, 200) });
      } catch (err: unknown) {
        result.sent += 1;
        result.failed += 1;
        result.dropped.push({ status: 0, body: err instanceof Error ? err.message : String(err) });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const clients = [client(), client()];
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(clients);
      return result;
    },
  };
}

describe('kubernetes target on a lagging network (FAKE API server, real containers)', () => {
  let fake: FakeKube;
  let plane: FakeDataPlane;
  let cluster: ClusterUnderTest;

  beforeAll(async () => {
    fake = await startFakeKube({ endpointPropagationMs: LAG_MS });
    plane = await fake.dataPlane({ configPropagationMs: LAG_MS });
    cluster = fakeCluster(fake, `k8s-hard-${process.pid}`);
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** a project whose drain settings cover the network's lag (the defaults, 30 s and 10 s, cover real clusters) */
  function project(endpoint: string, routing: Routing, extra = ''): TestProject {
    const yaml = configYaml(cluster, endpoint, routing, `\n    url: ${plane.url}${extra}`)
      .replace('scaleDownDelay: 1s', `scaleDownDelay: ${(LAG_MS * 3) / 1000}s`)
      .replace('preStopDelay: 1s', `preStopDelay: ${(LAG_MS * 2) / 1000}s`)
      // the data plane is reached by its loopback address: no host name in the rules
      .replace('ingress: { host: models.test }', 'ingress: { className: nginx }');
    return makeProject(yaml, 'ms-k8s-hard-');
  }

  for (const routing of ['replicas', 'nginx-ingress', 'gateway-api'] as const) {
    it(`${routing}: no request is dropped at a promotion or at a rollback under steady load`, async () => {
      const endpoint = `drain-${routing.replace(/[^a-z]/g, '')}-${process.pid}`.slice(0, 30);
      const p = project(endpoint, routing);
      const body = fs.readFileSync(path.join(p.dir, 'smoke', 'request.json'), 'utf8');
      await register(p, 'good1');
      expectExit(await cli(cluster, p, ['run']), 0);
      // live traffic enters where a user's clients enter: the ingress / gateway, or the endpoint's Service
      const [url, headers] =
        routing === 'replicas'
          ? [
              `${fake.url}/api/v1/namespaces/models/services/${endpoint}:http/proxy/score`,
              { authorization: `Bearer ${fake.token}` } as Record<string, string>,
            ]
          : [`${plane.url}/score`, {} as Record<string, string>];
      try {
        await register(p, 'good2');
        const load = steadyLoad(url, headers, body);
        const promoted = await cli(cluster, p, ['run']);
        const atPromotion = await load.stop();
        expectExit(promoted, 0);
        expect(output(promoted)).toMatch(/promoted/);
        expect(atPromotion.sent).toBeGreaterThan(50);
        expect({ dropped: atPromotion.dropped, others: atPromotion.others }).toEqual({ dropped: [], others: {} });
        expect(atPromotion.ok).toBe(atPromotion.sent);
        if (routing !== 'replicas') expect(output(promoted)).toMatch(/waiting \d+ s before removing 'blue'/);

        await register(p, 'failing');
        const load2 = steadyLoad(url, headers, body);
        const rolledBack = await cli(cluster, p, ['run']);
        const atRollback = await load2.stop();
        expectExit(rolledBack, 1);
        expect(output(rolledBack)).toMatch(/rolled back/);
        expect(atRollback.sent).toBeGreaterThan(50);
        // the failing version's own 500s are what the rollout judged; nothing was dropped by the switch
        expect(atRollback.dropped).toEqual([]);
        expect(Object.keys(atRollback.others).filter((status) => status !== '500')).toEqual([]);
      } finally {
        await cli(cluster, p, ['down'], 120_000);
      }
    });
  }

  it('replicas: the real share is reported (10% of 5 replicas is 1 pod of 6, 16.7%) in the log, the state and the report', async () => {
    const endpoint = `share-${process.pid}`;
    const p = makeProject(configYaml(cluster, endpoint, 'replicas').replace('    replicas: 2\n', '    replicas: 5\n'), 'ms-k8s-hard-');
    try {
      await register(p, 'good1');
      expectExit(await cli(cluster, p, ['run']), 0);
      await register(p, 'good2');
      const summary = path.join(p.dir, 'summary.json');
      const r = await cli(cluster, p, ['run', '--report', summary]);
      expectExit(r, 0);
      expect(output(r)).toMatch(/step 1\/3: new 10% \/ stable 90%/);
      expect(output(r)).toMatch(/real share green 16\.7%, blue 83\.3% \(asked green 10%, blue 90%\)|real share blue 83\.3%, green 16\.7%/);
      expect(output(r)).toMatch(/served share: new 16\.7% \/ stable 83\.3%/);
      // the endpoint's state held the real share during the step
      const states = fake
        .history('ConfigMap', 'models', `${endpoint}-modelship`)
        .map((v) => (v.object as { metadata: { annotations?: Record<string, string> } }).metadata.annotations?.['modelship.dev/traffic']);
      expect(states.map((t) => (t ? (JSON.parse(t) as Record<string, number>) : {}))).toContainEqual({ blue: 83.3, green: 16.7 });
      const report = JSON.parse(fs.readFileSync(summary, 'utf8')) as { events: Array<{ type: string; traffic?: Record<string, number> }> };
      expect(report.events.filter((e) => e.type === 'traffic').map((e) => e.traffic)).toContainEqual({ blue: 83.3, green: 16.7 });
    } finally {
      await cli(cluster, p, ['down'], 120_000);
    }
  });

  it('a crash between removing the stable deployment and clearing the record (older modelship) is recognised as a finished promotion', async () => {
    const endpoint = `crash-${process.pid}`;
    const p = makeProject(configYaml(cluster, endpoint, 'nginx-ingress'), 'ms-k8s-hard-');
    try {
      await register(p, 'good1');
      expectExit(await cli(cluster, p, ['run']), 0);
      // what such a crash leaves: 'blue' at 100%, the stable 'green' gone, the record says a rollout runs
      const name = `${endpoint}-modelship`;
      const current = fake.get('ConfigMap', 'models', name) as { metadata: { annotations: Record<string, string> } };
      const record = {
        rollout: {
          candidate: 'blue',
          stable: 'green',
          model: { name: 'test-model', version: '1' },
          nextStep: 3,
          status: 'running',
          startedAt: new Date().toISOString(),
        },
      };
      const res = await fetch(`${fake.url}/api/v1/namespaces/models/configmaps/${name}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({
          metadata: { annotations: { ...current.metadata.annotations, 'modelship.dev/record': JSON.stringify(record) } },
        }),
      });
      expect(res.status).toBe(200);
      const status = await cli(cluster, p, ['status']);
      expect(output(status)).toMatch(/rollout of v1 running/);
      // promote (as rollback and a rerun would) sees the promotion had finished, and says so
      const promote = await cli(cluster, p, ['promote']);
      expectExit(promote, 0);
      expect(output(promote)).toMatch(/the promotion of test-model v1 had finished \('blue' takes all traffic, 'green' is gone\)/);
      const after = await cli(cluster, p, ['status']);
      expect(output(after)).not.toMatch(/rollout of v1/);
      await register(p, 'good2');
      expectExit(await cli(cluster, p, ['run']), 0);
    } finally {
      await cli(cluster, p, ['down'], 120_000);
    }
  });

  it("Lease expiry is judged on this runner's clock: a renewed Lease with an old renewTime is busy, an abandoned one with a future renewTime is taken over", async () => {
    const name = `clock-${process.pid}-modelship-lock`;
    const leaseUrl = `${fake.url}/apis/coordination.k8s.io/v1/namespaces/models/leases`;
    const headers = { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' };
    const micro = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    // another runner whose clock is an hour behind ours holds it, and renews it every 500 ms
    const lease = (renewTime: string) => ({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: 'models' },
      spec: { holderIdentity: 'other-runner (elsewhere pid 1)', leaseDurationSeconds: 2, acquireTime: renewTime, renewTime },
    });
    expect((await fetch(leaseUrl, { method: 'POST', headers, body: JSON.stringify(lease(micro(Date.now() - 3_600_000))) })).status).toBe(
      201,
    );
    let renewing = true;
    const renewer = (async () => {
      while (renewing) {
        const current = fake.get('Lease', 'models', name) as { metadata: { resourceVersion: string } };
        const next = lease(micro(Date.now() - 3_600_000));
        await fetch(`${leaseUrl}/${name}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ ...next, metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion } }),
        });
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const dist = path.join(__dirname, '..', '..', 'dist', 'shared', 'targets', 'kubernetes');
    const acquire = async (): Promise<{ code: number; out: string }> => {
      const script = `
        const { connect } = require(${JSON.stringify(path.join(dist, 'connection.js'))});
        const { KubeApi } = require(${JSON.stringify(path.join(dist, 'kube-api.js'))});
        const { LeaseLock } = require(${JSON.stringify(path.join(dist, 'lease.js'))});
        (async () => {
          const c = await connect({ kubeconfig: ${JSON.stringify(cluster.kubeconfig)}, auth: 'kubeconfig', env: (n) => process.env[n], setSecret: () => {}, azureCredential: () => { throw new Error('no'); }, log: () => {} });
          const lock = new LeaseLock({ api: new KubeApi(c.kc, () => {}), namespace: 'models', endpoint: 'clock-${process.pid}', seconds: 2, log: (l) => console.log(l) });
          const started = Date.now();
          const release = await lock.acquire('test');
          console.log('acquired after ' + (Date.now() - started) + ' ms');
          await release();
        })().catch((e) => { console.log(e.message); process.exit(1); });`;
      return new Promise((resolve) => {
        const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (code) => resolve({ code: code ?? -1, out }));
      });
    };
    try {
      // renewed: busy, although its renewTime is an hour old by our clock
      const busy = await acquire();
      expect(busy.code).toBe(1);
      expect(busy.out).toMatch(/is busy: 'other-runner \(elsewhere pid 1\)' holds its Lease .* and renews it/);
    } finally {
      renewing = false;
      await renewer;
    }
    // abandoned by a runner whose clock is an hour ahead: taken over once unchanged for 2 s on OUR clock
    const current = fake.get('Lease', 'models', name) as { metadata: { resourceVersion: string } };
    const ahead = lease(micro(Date.now() + 3_600_000));
    await fetch(`${leaseUrl}/${name}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...ahead, metadata: { ...ahead.metadata, resourceVersion: current.metadata.resourceVersion } }),
    });
    const taken = await acquire();
    expect(taken.code).toBe(0);
    expect(taken.out).toMatch(/taking over the Lease of 'other-runner \(elsewhere pid 1\)': not renewed for 2 s by this runner's clock/);
    expect(Number(/acquired after (\d+) ms/.exec(taken.out)?.[1])).toBeGreaterThanOrEqual(2000);
  });

  it('a command whose Lease is taken over stops at the next step boundary without changing the endpoint further', async () => {
    const endpoint = `fence-${process.pid}`;
    const p = makeProject(configYaml(cluster, endpoint, 'gateway-api').replace('bake: 1s', 'bake: 8s'), 'ms-k8s-hard-');
    try {
      await register(p, 'good1');
      expectExit(await cli(cluster, p, ['run']), 0);
      await register(p, 'good2');
      const child = spawn(process.execPath, [BIN, 'run', '--config', p.configFile], {
        cwd: p.dir,
        env: { ...process.env, ...cluster.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      const leaseName = `${endpoint}-modelship-lock`;
      const tookOver = new Promise<void>((resolve, reject) => {
        const onData = (c: Buffer) => {
          text += c.toString();
          if (/step 1\/3: new 10%/.test(text) && !/stolen/.test(text)) {
            text += '\n(stolen)\n';
            // another runner takes the Lease (as one whose clock says ours expired would)
            const lease = fake.get('Lease', 'models', leaseName) as {
              metadata: { resourceVersion: string };
              spec: Record<string, unknown>;
            };
            fetch(`${fake.url}/apis/coordination.k8s.io/v1/namespaces/models/leases/${leaseName}`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ ...lease, spec: { ...lease.spec, holderIdentity: 'other-runner (elsewhere pid 1)' } }),
            }).then((res) => (res.status === 200 ? resolve() : reject(new Error(`PUT Lease: ${res.status}`))), reject);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      await tookOver;
      expect(code).toBe(1);
      expect(text).toMatch(/lost the Lease models\/.+: 'other-runner \(elsewhere pid 1\)' holds it now/);
      expect(text).toMatch(/stopped without changing the endpoint any further/);
      expect(text).not.toMatch(/all traffic back on the stable deployment/);
      // the new deployment still has the weight it had: the new holder decides
      const route = fake.get('HTTPRoute', 'models', endpoint) as {
        spec: { rules: Array<{ backendRefs: Array<{ name: string; weight: number }> }> };
      };
      const weighted = route.spec.rules[route.spec.rules.length - 1].backendRefs;
      expect(weighted).toContainEqual(expect.objectContaining({ name: `${endpoint}-green`, weight: 10 }));
    } finally {
      // the stolen Lease is not ours: wait for it to be judged abandoned (leaseSeconds 4) and clean up
      await cli(cluster, p, ['down'], 120_000);
    }
  });
});
