import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../../shared/paths';
import { canBind } from '../../shared/targets/local/ports';

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

/**
 * Ports a test hands to a process that binds them later (an endpoint, a scoring server).
 * Not the kernel's listen(0) ports: those come from the ephemeral range, where any
 * outgoing connection on the machine may take one before the process binds it. Each Jest
 * worker walks its own block below the ports the product gives deployments
 * (shared/targets/local/ports.ts), so two workers never hand out the same port.
 */
const TEST_PORTS_LOW = 10_000;
const TEST_PORT_BLOCK = 2_000;
const TEST_PORT_BLOCKS = 5;
let nextTestPort = -1;

/** `n` distinct ports nobody listens on right now; later calls in this process give other ports */
export async function freePorts(n: number): Promise<number[]> {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const blockLow = TEST_PORTS_LOW + ((Number.isInteger(worker) && worker > 0 ? worker - 1 : 0) % TEST_PORT_BLOCKS) * TEST_PORT_BLOCK;
  // a random start, so that a rerun does not meet the ports a previous run may still hold
  if (nextTestPort < 0) nextTestPort = Math.floor(Math.random() * TEST_PORT_BLOCK);
  const ports: number[] = [];
  for (let tried = 0; ports.length < n; tried++) {
    if (tried > TEST_PORT_BLOCK) throw new Error(`no free port in ${blockLow}-${blockLow + TEST_PORT_BLOCK - 1}`);
    const port = blockLow + (nextTestPort++ % TEST_PORT_BLOCK);
    if (await canBind(port)) ports.push(port);
  }
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
