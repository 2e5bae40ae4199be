import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURE } from '../helpers/project';
import { ProcessRuntime } from '../../shared/targets/local/process-runtime';
import { PortInUseError, RunningDeployment, startOnFreePort } from '../../shared/targets/local/runtime';
import { canBind, freeDeploymentPort } from '../../shared/targets/local/ports';
import { scoreOnce } from '../../shared/traffic/http-score';
import type { DeploymentSpec } from '../../shared/targets/target';

/**
 * A deployment's port taken by something else between the host's check and the scoring
 * server's bind (on a busy machine, any listener or explicit bind may land there): the
 * real process runtime says so with a PortInUseError, and the host's start tries another
 * port instead of failing the deployment.
 */
jest.setTimeout(60_000);

const PYTHON = process.env.MODELSHIP_TEST_PYTHON ?? 'python3';

let logDir: string;
const running: RunningDeployment[] = [];
let holder: net.Server;
let takenPort: number;

const spec: DeploymentSpec = {
  name: 'blue',
  model: { name: 'test-model', version: '1' },
  modelDir: path.join(FIXTURE, 'models', 'good1'),
  codeDir: path.join(FIXTURE, 'src'),
  scoringScript: 'score.py',
  readyPath: '/',
  scorePath: '/score',
  readyTimeout: 20_000,
};

beforeAll(async () => {
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-port-taken-'));
  takenPort = await freeDeploymentPort();
  holder = net.createServer((socket) => socket.destroy());
  await new Promise<void>((r) => holder.listen(takenPort, '127.0.0.1', () => r()));
});

afterAll(async () => {
  await Promise.all(running.map((d) => d.stop()));
  holder.close();
  fs.rmSync(logDir, { recursive: true, force: true });
});

function runtime(log: (line: string) => void = () => undefined): ProcessRuntime {
  return new ProcessRuntime({ python: PYTHON, logDir, env: { PATH: process.env.PATH ?? '' }, log });
}

test('the process runtime on a taken port: a PortInUseError naming the port and the server’s own words', async () => {
  const err = await runtime()
    .start(spec, takenPort)
    .then(
      (d) => {
        running.push(d);
        return undefined;
      },
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(PortInUseError);
  expect((err as PortInUseError).port).toBe(takenPort);
  expect((err as Error).message).toContain(`cannot listen on 127.0.0.1:${takenPort}`);
});

test('starting on a free port: a port drawn after the taken one is used, and the deployment answers', async () => {
  const lines: string[] = [];
  const picks = [takenPort];
  const deployment = await startOnFreePort(runtime(), spec, {
    pickPort: async () => picks.shift() ?? freeDeploymentPort(),
    log: (line) => lines.push(line),
  });
  running.push(deployment);
  expect(deployment.port).not.toBe(takenPort);
  expect(await canBind(deployment.port)).toBe(false);
  const answer = await scoreOnce({ url: `http://127.0.0.1:${deployment.port}/score`, body: '{"data": [1, 2]}', timeoutMs: 5000 });
  expect(answer.status).toBe(200);
  expect(lines).toContain(`port ${takenPort} was taken before deployment 'blue' could listen on it; trying another port`);
});

test('a port taken on every attempt: the last PortInUseError, after the stated number of attempts', async () => {
  let picked = 0;
  const err = await startOnFreePort(runtime(), spec, {
    pickPort: async () => {
      picked += 1;
      return takenPort;
    },
    log: () => undefined,
    attempts: 2,
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PortInUseError);
  expect(picked).toBe(2);
});

test('any other failure is not retried', async () => {
  let picked = 0;
  const err = await startOnFreePort(
    runtime(),
    { ...spec, modelDir: path.join(FIXTURE, 'models', 'init-raises') },
    {
      pickPort: async () => {
        picked += 1;
        return freeDeploymentPort();
      },
      log: () => undefined,
    },
  ).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err).not.toBeInstanceOf(PortInUseError);
  expect((err as Error).message).toContain('did not become ready');
  expect(picked).toBe(1);
});
