/**
 * Benchmark: what one traffic shift costs on the Kubernetes target, per routing mode,
 * against the FAKE API server of the contract tests (pods are real containers of a real
 * image). For the canary steps 10/50/100% and a rollback to the stable deployment:
 * wall time and API requests of setTraffic, and the time as a ratio to one API round
 * trip (a GET of the state ConfigMap) measured in the same run.
 *
 * Read the request counts as exact and the times as lower bounds: the fake answers in
 * well under a millisecond, and no ingress controller or gateway has to sync here. On a
 * real cluster the replicas mode also waits for pods, as it does here.
 *
 *   bash scripts/bench.sh runs it (bundled with esbuild: the fake loads ESM-only schema packages)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { KubeConfig } from '@kubernetes/client-node';
import { DockerImageBuilder } from '../shared/image/builder';
import { scoringServerPath } from '../shared/paths';
import { KubernetesRouting, KubernetesTargetConfig } from '../shared/config/types';
import { KubeApi } from '../shared/targets/kubernetes/kube-api';
import { KubernetesTarget } from '../shared/targets/kubernetes/kubernetes-target';
import { DeploymentSpec } from '../shared/targets/target';
import { FIXTURE } from '../test/helpers/project';
import { dockerTestEnv } from '../test/helpers/test-env';
import { startFakeKube } from '../test/contract/fakes/fake-kube';
import { quantile } from './common';

const log = (line: string): void => {
  if (process.env.MODELSHIP_BENCH_VERBOSE === '1') process.stderr.write(`${line}\n`);
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function main(): Promise<void> {
  const env = dockerTestEnv();
  const image = await new DockerImageBuilder({
    docker: new Docker(),
    credential: async () => ({ username: env.username, password: env.password, source: 'bench' }),
    log,
  }).build({
    repository: `${env.registry}/modelship-bench/k8s`,
    inputs: {
      baseImage: env.baseImage,
      model: { name: 'bench-model', version: '1', dir: path.join(FIXTURE, 'models', 'good1') },
      codeDir: path.join(FIXTURE, 'src'),
      scoringScript: 'score.py',
      scoringServer: scoringServerPath(),
      readyPath: '/',
      scorePath: '/score',
    },
  });
  const fake = await startFakeKube();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-k8s-')), 'kubeconfig');
  fake.kubeconfig({ file, context: 'bench', namespace: 'bench' });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(file);
  const api = new KubeApi(kubeConfig, log);
  try {
    // baseline: one API round trip
    const rtt: number[] = [];
    for (let i = 0; i < 30; i++)
      rtt.push((await timed(() => api.read({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'bench', name: 'nothing' }))).ms);
    rtt.sort((a, b) => a - b);
    const round = quantile(rtt, 0.5);
    console.log(`one API round trip (GET, median of 30): ${round.toFixed(2)} ms\n`);
    console.log(
      `${'routing'.padEnd(14)} ${'shift'.padEnd(22)} ${'ms'.padStart(8)} ${'x round trip'.padStart(13)} ${'API requests'.padStart(13)}`,
    );
    for (const routing of ['replicas', 'nginx-ingress', 'gateway-api'] as KubernetesRouting[]) {
      const endpoint = `bench-${routing.replace(/[^a-z]/g, '')}`;
      const config: KubernetesTargetConfig = {
        auth: 'kubeconfig',
        routing,
        replicas: 2,
        stagingReplicas: 1,
        resources: { cpu: '100m', memory: '128Mi' },
        leaseSeconds: 30,
        // the benchmark times the API calls of a shift, not the drain waits
        scaleDownDelay: 0,
        preStopSeconds: 0,
        ingress: { className: 'nginx', path: '/' },
        gateway: { name: 'shared', hostnames: [] },
      };
      const target = new KubernetesTarget({
        api,
        config,
        containerPort: 5001,
        scorePath: '/score',
        log,
        pollMs: 100,
        endpoints: { [endpoint]: { namespace: 'bench', routing, replicas: 2 } },
      });
      const spec = (name: string): DeploymentSpec => ({
        name,
        model: { name: 'bench-model', version: '1' },
        modelDir: '',
        codeDir: '',
        scoringScript: 'score.py',
        image: image.pinned,
        readyPath: '/',
        scorePath: '/score',
        readyTimeout: 60_000,
      });
      await target.createDeployment(endpoint, spec('blue'));
      await target.setTraffic(endpoint, { blue: 100 });
      await target.createDeployment(endpoint, spec('green'));
      const shifts: Array<[string, Record<string, number>]> = [
        ['canary 10%', { blue: 90, green: 10 }],
        ['canary 50%', { blue: 50, green: 50 }],
        ['rollback from 50%', { blue: 100, green: 0 }],
        ['canary 100%', { blue: 0, green: 100 }],
        ['rollback from 100%', { blue: 100, green: 0 }],
      ];
      for (const [label, traffic] of shifts) {
        const before = fake.requests.length;
        const { ms } = await timed(() => target.setTraffic(endpoint, traffic));
        const requests = fake.requests.length - before;
        console.log(
          `${routing.padEnd(14)} ${label.padEnd(22)} ${ms.toFixed(1).padStart(8)} ${`x${(ms / round).toFixed(0)}`.padStart(13)} ${String(requests).padStart(13)}`,
        );
      }
      await target.destroy(endpoint);
    }
  } finally {
    await fake.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
