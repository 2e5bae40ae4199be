import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { runCli } from '../helpers/cli';
import { freePorts, makeProject, rolloutConfig, TestProject } from '../helpers/project';
import { scoreOnce } from '../../shared/traffic/http-score';
import { HostInfo, PersistedEndpoint } from '../../shared/targets/local/state-store';
import { pidAlive } from '../../shared/targets/process-alive';
import type { EndpointState } from '../../shared/targets/target';

/**
 * The endpoint host is killed with -9 in the middle of a rollout; the next command
 * (any command) brings the endpoint back with the weights it had persisted.
 */
jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('endpoint host killed with -9', () => {
  let project: TestProject;
  let port: number;
  const dirOf = () => path.join(project.dir, '.modelship', 'testep');
  const hostInfo = () => JSON.parse(fs.readFileSync(path.join(dirOf(), 'host.json'), 'utf8')) as HostInfo;
  const persisted = () => JSON.parse(fs.readFileSync(path.join(dirOf(), 'state.json'), 'utf8')) as PersistedEndpoint;
  const cli = (...args: string[]) => runCli([...args, '-c', project.configFile]);

  async function scoreMany(n: number): Promise<Array<{ status: number; deployment?: string }>> {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(
        await scoreOnce({ url: `http://127.0.0.1:${port}/score`, body: '{"data": [1]}', timeoutMs: 5000 }).catch((e: Error) => ({
          status: 0,
          deployment: e.message,
        })),
      );
    }
    return out;
  }

  async function killHost(opts: { expectDown: boolean }): Promise<void> {
    const { pid } = hostInfo();
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !pidAlive(pid), 10_000, 'the host to die');
    // with no command running, nothing answers any more (a running command restarts the host at once)
    if (opts.expectDown) await waitUntil(async () => (await scoreMany(1))[0].status === 0, 10_000, 'the endpoint to go down');
  }

  beforeAll(async () => {
    let stagingPort: number;
    [port, stagingPort] = await freePorts(2);
    project = makeProject(
      rolloutConfig({
        port,
        stagingPort,
        rollout: `  steps: [30, pause, 100]
  bake: 2s
  analysis:
    interval: 1s
    minRequests: 5
    probe: { rate: 20 }`,
      }),
    );
    for (const m of ['good1', 'good2']) expect((await cli('model', 'register', '--path', project.models(m))).code).toBe(0);
    const first = await cli('rollout', '--model-version', '1');
    expect(first.code).toBe(0);
  });

  afterAll(async () => {
    await cli('down');
  });

  it('a paused rollout survives: status restarts the host, which serves the persisted 70/30 split, and promote finishes', async () => {
    const paused = await cli('rollout', '--model-version', '2', '--json');
    expect(paused.code).toBe(0);
    expect((JSON.parse(paused.stdout.trim().split('\n').pop() as string) as { result: string }).result).toBe('paused');
    expect(persisted().traffic).toEqual({ blue: 70, green: 30 });

    await killHost({ expectDown: true });

    const status = await cli('status', '--json');
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { production: EndpointState };
    expect(s.production.traffic).toEqual({ blue: 70, green: 30 });
    expect(s.production.record.rollout?.status).toBe('paused');
    expect(hostInfo().pid).not.toBeUndefined();

    const answers = await scoreMany(100);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.deployment === 'green')).toHaveLength(30);

    const promoted = await cli('promote', '--json');
    expect(promoted.code).toBe(0);
    expect((JSON.parse(promoted.stdout.trim().split('\n').pop() as string) as { result: string }).result).toBe('promoted');
    expect(persisted().traffic).toEqual({ green: 100 });
  });

  it('a rollout whose host is killed mid-step restarts it and the endpoint serves again with the persisted weights', async () => {
    // back to v1 (the previous version), then start a rollout of v2 that bakes long enough to be interrupted
    expect((await cli('rollback')).code).toBe(0);
    const bg = spawn(
      process.execPath,
      [path.resolve(__dirname, '../../bin/modelship.js'), 'rollout', '-c', project.configFile, '--model-version', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    bg.stdout.on('data', (c: Buffer) => (out += c.toString()));
    bg.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number>((r) => bg.on('close', (code) => r(code ?? 1)));
    try {
      await waitUntil(() => (persisted().traffic.green ?? 0) === 30, 60_000, 'the rollout to reach 30%');
      const killed = hostInfo().pid;
      await killHost({ expectDown: false });
      // the rollout command's next call restarts the host, which restores the 70/30 split
      const newHost = (): boolean => {
        try {
          return hostInfo().pid !== killed;
        } catch {
          return false; // host.json is rewritten while a host starts
        }
      };
      await waitUntil(newHost, 60_000, 'a new host');
      await waitUntil(async () => (await scoreMany(1))[0].status === 200, 60_000, 'the endpoint to serve again');
      const answers = await scoreMany(50);
      expect(answers.every((a) => a.status === 200)).toBe(true);
      // the new host came back with the weights persisted at the kill (the running command
      // may change them right after: a window cut short by the restart can roll back)
      const hostLog = fs.readFileSync(path.join(dirOf(), 'host.log'), 'utf8');
      expect(hostLog).toMatch(/restored traffic \{"blue":70,"green":30\}/);
      const code = await exited;
      expect(out).toMatch(/restart/);
      // the interrupted command ends with a verdict: it paused at the pause step or rolled back safely
      expect([0, 1]).toContain(code);
      const traffic = persisted().traffic;
      expect(Object.values(traffic).reduce((a, b) => a + b, 0)).toBe(100);
    } finally {
      bg.kill('SIGKILL');
    }
  });
});
