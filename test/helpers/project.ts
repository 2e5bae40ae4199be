import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import { packageRoot } from '../../shared/paths';

/**
 * A throw-away modelship project in a temp folder, made from test/fixtures/rollout-model:
 * the scoring code, the model versions and a modelship.yaml written from `yaml`.
 */
// from the package root: this file also runs compiled (dist/test/helpers) for the benchmarks
export const FIXTURE = path.join(packageRoot(), 'test', 'fixtures', 'rollout-model');

export interface TestProject {
  dir: string;
  configFile: string;
  /** model file folders: good1, good2, failing, init-raises, slow */
  models: (name: string) => string;
}

export function makeProject(yamlText: string, prefix = 'ms-'): TestProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(path.join(FIXTURE, 'src'), path.join(dir, 'src'), { recursive: true });
  fs.cpSync(path.join(FIXTURE, 'smoke'), path.join(dir, 'smoke'), { recursive: true });
  const configFile = path.join(dir, 'modelship.yaml');
  fs.writeFileSync(configFile, yamlText);
  return { dir, configFile, models: (name) => path.join(FIXTURE, 'models', name) };
}

/** a port nobody listens on right now (two in a row differ) */
export async function freePorts(n: number): Promise<number[]> {
  const servers: net.Server[] = [];
  const ports: number[] = [];
  for (let i = 0; i < n; i++) {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    servers.push(srv);
    ports.push((srv.address() as net.AddressInfo).port);
  }
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

export function rolloutConfig(opts: {
  port: number;
  stagingPort: number;
  rollout: string;
  extra?: string;
  runtime?: 'process' | 'docker';
  baseImage?: string;
}): string {
  return `endpoint: testep
model:
  name: test-model
serve:
  code: ./src
  readyTimeout: 20s${opts.baseImage ? `\n  baseImage: ${opts.baseImage}` : ''}
target:
  local:
    runtime: ${opts.runtime ?? 'process'}
    port: ${opts.port}
    stagingPort: ${opts.stagingPort}
staging:
  smoke:
    repeat: 2
    cases:
      - { name: sum, request: smoke/request.json }
rollout:
${opts.rollout}
${opts.extra ?? ''}`;
}

/** a quick canary (25% then 100%, 2 s bakes, probe traffic) for front-end tests, optionally behind an endpoint key */
export function quickRolloutConfig(port: number, stagingPort: number, keyEnv?: string): string {
  const yaml = rolloutConfig({
    port,
    stagingPort,
    rollout: `  strategy: canary
  steps: [25, 100]
  bake: 2s
  analysis:
    interval: 500ms
    minRequests: 10
    maxErrorRate: 0.05
    probe: { rate: 40 }`,
  });
  return keyEnv ? yaml.replace('    stagingPort:', `    auth: { keyEnv: ${keyEnv} }\n    stagingPort:`) : yaml;
}
