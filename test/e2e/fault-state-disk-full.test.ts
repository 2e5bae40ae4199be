import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BackgroundCli, CliResult, ProductionSummary, runCli, startCli, summariseProduction } from '../helpers/cli';
import { TestProject, freePorts, makeProject, rolloutConfig } from '../helpers/project';
import type { EndpointState } from '../../shared/targets/target';

/**
 * The local target's state folder (target.local.stateDir) on a full filesystem: a real
 * tmpfs of 256 KiB mounted for this test (root only), filled until the kernel answers
 * ENOSPC. Steady live load from a second process runs against production while a command
 * cannot write its state; each test names what it injected and what the load saw.
 */
jest.setTimeout(300_000);

const FS_SIZE = '256k';

/** whether this machine lets the test mount a tmpfs (root with CAP_SYS_ADMIN); why not, if not */
function tmpfsSupport(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${FS_SIZE}`, 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return undefined;
  } catch (err: unknown) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    return `\`mount -t tmpfs\` failed here (${stderr || String(err)})`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const cannotMount = tmpfsSupport();

interface StatusJson {
  production: EndpointState;
}

/** a file that grows until the filesystem it is on refuses more (ENOSPC), as a log or another program would */
function fillUp(file: string, line = 'filler: a line the test writes until the filesystem is full\n'): number {
  const chunk = Buffer.from(line.repeat(Math.ceil(4096 / line.length)));
  const fd = fs.openSync(file, 'a');
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, chunk);
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

/** free bytes on the filesystem of `dir` */
function freeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** the pid of the process listening on 127.0.0.1:port (Linux /proc) */
function listenerPid(port: number): number | undefined {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const row = fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols[1] === local && cols[3] === '0A');
  const inode = row?.[9];
  if (!inode) return undefined;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`))
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(pid);
    } catch {
      // a process that ended meanwhile, or not ours to read
    }
  }
  return undefined;
}

(cannotMount ? describe.skip : describe)(
  `the state folder on a full filesystem (a real ${FS_SIZE} tmpfs; skipped when this machine cannot mount one${cannotMount ? `: ${cannotMount}` : ''})`,
  () => {
    let project: TestProject;
    let stateDir: string;
    let mounted = false;

    const cli = (args: string[], timeoutMs = 120_000): Promise<CliResult> =>
      runCli([...args, '-c', project.configFile], { cwd: project.dir, timeoutMs });

    /** a CLI command in the background on this project */
    const start = (args: string[]): BackgroundCli => startCli([...args, '-c', project.configFile], { cwd: project.dir });

    /** live load on production for the length of fn; resolves with the failed answers per deployment */
    async function underLoad<T>(fn: () => Promise<T>): Promise<{ value: T; failed: Record<string, number>; summary: string }> {
      const load = start(['load', '--rate', '20', '--duration', '120s']);
      await load.waitFor(/sending 20 requests\/s/);
      let value: T;
      try {
        value = await fn();
      } finally {
        load.child().kill('SIGTERM');
      }
      const r = await load.done;
      const summary = /load: \d+ requests .*$/m.exec(r.stderr)?.[0];
      if (!summary) throw new Error(`no summary line from modelship load:\n${r.stderr}`);
      const failed = Object.fromEntries([...summary.matchAll(/(\S+): (\d+) ok, (\d+) failed/g)].map((m) => [m[1], Number(m[3])]));
      return { value, failed, summary };
    }

    const production = async (): Promise<ProductionSummary> => summariseProduction((await cli(['status', '--json'])).stdout);

    /** what production's state file on disk says (what a restarted endpoint host would serve) */
    function persisted(): { traffic: Record<string, number>; versions: Record<string, string>; rollout: boolean } {
      const saved = JSON.parse(fs.readFileSync(path.join(stateDir, 'testep', 'state.json'), 'utf8')) as {
        traffic: Record<string, number>;
        deployments: Array<{ spec: { name: string; model: { version: string } } }>;
        record: { rollout?: unknown };
      };
      return {
        traffic: saved.traffic,
        versions: Object.fromEntries(saved.deployments.map((d) => [d.spec.name, d.spec.model.version])),
        rollout: saved.record.rollout !== undefined,
      };
    }

    /** the clear error the brief asks for: the file, what the filesystem said, what to check */
    function expectDiskFullError(r: CliResult, file: RegExp): void {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`cannot write ${file.source}: no space left on device \\(ENOSPC\\)`));
      expect(r.stderr).toMatch(
        /check free space on the filesystem that holds \S+ \(`df -h \S+`\), or point target\.local\.stateDir at another one/,
      );
      expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }

    beforeAll(async () => {
      const [port, stagingPort] = await freePorts(2);
      stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-state-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${FS_SIZE},mode=0700`, 'tmpfs', stateDir]);
      mounted = true;
      project = makeProject(
        rolloutConfig({
          port,
          stagingPort,
          rollout: `  strategy: canary
  steps: [50, 100]
  bake: 6s
  analysis: { interval: 2s, minRequests: 5, maxErrorRate: 0.05, probe: { rate: 5 } }`,
        }).replace(`    stagingPort: ${stagingPort}\n`, `    stagingPort: ${stagingPort}\n    stateDir: ${stateDir}\n`),
        'ms-state-full-',
      );
      // model files and the registry live in the project folder, not on the small filesystem
      for (const model of ['good1', 'good2', 'good1'])
        expect((await cli(['model', 'register', '--path', project.models(model)])).code).toBe(0);
      const first = await cli(['run', '--model-version', '1']);
      expect({ code: first.code, stderr: first.code === 0 ? '' : first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await production()).toEqual({ traffic: { blue: 100 }, versions: { blue: '1' }, rollout: false });
    });

    afterAll(async () => {
      if (!mounted) return;
      fs.rmSync(path.join(stateDir, 'filler'), { force: true });
      await cli(['down']);
      try {
        execFileSync('umount', [stateDir]);
      } catch {
        // a process still holds a file there: detach the mount, the kernel frees it when they end
        execFileSync('umount', ['-l', stateDir]);
      }
      fs.rmSync(stateDir, { recursive: true, force: true });
    });

    it('injected: the state filesystem full (a file filled it to ENOSPC) before a rollout; seen: the rollout fails at once naming the file, "no space left on device" and what to check; production serves v1 with no failed request; after the file is removed, the same rollout promotes', async () => {
      const before = fs.readFileSync(path.join(stateDir, 'testep', 'state.json'), 'utf8');
      const filler = path.join(stateDir, 'filler');
      let filled = 0;
      let seen: Awaited<ReturnType<typeof underLoad<CliResult>>>;
      try {
        filled = fillUp(filler);
        expect(freeBytes(stateDir)).toBe(0);
        seen = await underLoad(async () => {
          const r = await cli(['rollout', '--model-version', '2']);
          // the endpoint under load a few seconds more, the filesystem still full
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          return r;
        });
      } finally {
        fs.rmSync(filler, { force: true });
      }
      const { value: r, failed, summary } = seen;
      expectDiskFullError(r, new RegExp(`${stateDir}/testep/\\S+`));
      // production untouched, in memory and on disk, and every live request answered by blue
      expect({ failed, summary }).toEqual({ failed: { blue: 0 }, summary });
      expect(await production()).toEqual({ traffic: { blue: 100 }, versions: { blue: '1' }, rollout: false });
      expect(fs.readFileSync(path.join(stateDir, 'testep', 'state.json'), 'utf8')).toBe(before);

      // the filler removed: the same command again
      const again = await cli(['rollout', '--model-version', '2']);
      expect({ code: again.code, stderr: again.code === 0 ? '' : again.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await production()).toEqual({ traffic: { green: 100 }, versions: { green: '2' }, rollout: false });
      expect(persisted()).toEqual({ traffic: { green: 100 }, versions: { green: '2' }, rollout: false });
      console.log(
        `state filesystem full before the rollout (${filled} bytes of filler): ${r.stderr.split('\n').find((l) => /error: /.test(l))}\nlive load meanwhile: ${summary}`,
      );
    });

    it('injected: the endpoint log fills the state filesystem in the middle of a rollout step; seen: the command fails naming state.json and "no space left on device", all traffic back on the stable deployment and the new one stopped though neither could be saved; the endpoint host survives (its log lines dropped) and production answers every request; after the log is truncated, the same rollout converges', async () => {
      // stable: what production serves now (green v2 after the test before; blue v1 if that one failed early)
      const start0 = await production();
      const stable = Object.keys(start0.traffic).find((name) => start0.traffic[name] === 100) ?? '';
      const stableVersion = start0.versions[stable] ?? '';
      const candidate = stable === 'green' ? 'blue' : 'green';
      const hostLog = path.join(stateDir, 'testep', 'host.log');
      const logSize = fs.statSync(hostLog).size;
      let filled = 0;
      let seen: Awaited<ReturnType<typeof underLoad<CliResult>>>;
      try {
        seen = await underLoad(async () => {
          const run = start(['rollout', '--model-version', '3']);
          await run.waitFor(/\[step 1\/2 50%\] [\d.]+s\/6s/);
          const during = (JSON.parse((await cli(['status', '--json'])).stdout) as StatusJson).production.deployments as Array<
            EndpointState['deployments'][number] & { port?: number }
          >;
          const candidatePort = during.find((d) => d.name === candidate)?.port;
          expect(candidatePort !== undefined && listenerPid(candidatePort) !== undefined).toBe(true);
          // the endpoint's own log grows until the kernel refuses more, its last page full
          filled = fillUp(hostLog, `${new Date().toISOString()} (test) a verbose log line that fills the state filesystem\n`);
          const r = await run.done;
          // the rollback still reached the router (traffic is served from memory), and the new deployment was stopped;
          // the host logged all that onto a full filesystem (lines dropped) and goes on serving
          const view = JSON.parse((await cli(['status', '--json'])).stdout) as StatusJson;
          expect(view.production.traffic).toEqual({ [stable]: 100 });
          expect(view.production.deployments.map((d) => d.name)).toEqual([stable]);
          expect(candidatePort !== undefined ? listenerPid(candidatePort) : 'no port').toBeUndefined();
          // the command's end freed its lock file: the log takes that space too, its last page full again
          filled += fillUp(hostLog, `${new Date().toISOString()} (test) a verbose log line that fills the state filesystem\n`);
          expect(freeBytes(stateDir)).toBe(0);
          // a few seconds more of live load on the full filesystem
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          return r;
        });
      } finally {
        // space freed the way an operator would: the log truncated to what it held before
        fs.truncateSync(hostLog, logSize);
      }
      const { value, failed, summary } = seen;
      expectDiskFullError(value, new RegExp(`${stateDir}/testep/state\\.json`));
      // the stable deployment answered every live request; the endpoint host never stopped (no answer without a deployment)
      // (the summary line of the load is compared with itself: a failure prints it)
      const unanswered = Object.keys(failed).filter((k) => k !== stable && k !== candidate);
      expect({ stableFailed: failed[stable], unanswered, summary }).toEqual({ stableFailed: 0, unanswered: [], summary });
      expect((await production()).versions).toMatchObject({ [stable]: stableVersion });

      const again = await cli(['rollout', '--model-version', '3']);
      expect({ code: again.code, stderr: again.code === 0 ? '' : again.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await production()).toEqual({ traffic: { [candidate]: 100 }, versions: { [candidate]: '3' }, rollout: false });
      expect(persisted()).toEqual({ traffic: { [candidate]: 100 }, versions: { [candidate]: '3' }, rollout: false });
      console.log(
        `state filesystem filled by the endpoint log mid-step (${filled} bytes): ${value.stderr
          .split('\n')
          .filter((l) => /error: |check: /.test(l))
          .join('\n')}\nlive load meanwhile: ${summary}`,
      );
    });
  },
);
