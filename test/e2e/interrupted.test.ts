import * as fs from 'node:fs';
import * as path from 'node:path';
import { BackgroundCli, CliResult, ProductionSummary, runCli, startCli, summariseProduction } from '../helpers/cli';
import { TestProject, freePorts, makeProject, rolloutConfig } from '../helpers/project';

/**
 * A rollout whose command is interrupted the way CI interrupts it, on the local target
 * (process runtime) under steady live load from a second process: SIGINT (a cancelled
 * GitHub job, Azure Pipelines, Ctrl-C) and SIGTERM end the rollout with all traffic back on
 * the stable deployment and the lock released; SIGKILL (a runner that died) leaves a lock
 * whose process is gone, which the next command takes over at once. Each test names what it
 * injected and checks what the live traffic saw: no failed request served by stable.
 */
jest.setTimeout(240_000);

let project: TestProject;

const cli = (args: string[], timeoutMs = 120_000): Promise<CliResult> =>
  runCli([...args, '-c', project.configFile], { cwd: project.dir, timeoutMs });

/** a CLI command in the background on this project */
const start = (args: string[]): BackgroundCli => startCli([...args, '-c', project.configFile], { cwd: project.dir });

const production = async (): Promise<ProductionSummary> => summariseProduction((await cli(['status', '--json'])).stdout);

/** failed answers per deployment in the summary line of `modelship load` */
function loadFailures(r: CliResult): Record<string, number> {
  const line = /load: \d+ requests .*?; (\w+: .*)$/m.exec(r.stderr)?.[1];
  if (!line) throw new Error(`no summary line from modelship load:\n${r.stderr}`);
  return Object.fromEntries([...line.matchAll(/(\w+): (\d+) ok, (\d+) failed/g)].map((m) => [m[1], Number(m[3])]));
}

beforeAll(async () => {
  const [port, stagingPort] = await freePorts(2);
  project = makeProject(
    rolloutConfig({
      port,
      stagingPort,
      rollout: `  strategy: canary
  steps: [50, 100]
  bake: 60s
  analysis: { interval: 2s, minRequests: 5, maxErrorRate: 0.05, probe: { rate: 5 } }`,
    }),
    'ms-interrupt-',
  );
  for (const model of ['good1', 'good2']) expect((await cli(['model', 'register', '--path', project.models(model)])).code).toBe(0);
  const first = await cli(['run', '--model-version', '1']);
  expect(first.code).toBe(0);
});

afterAll(async () => {
  await cli(['down']);
});

describe.each(['SIGINT', 'SIGTERM'] as const)('%s mid-rollout', (signal) => {
  it(`injected: ${signal} to the CLI at the first analysis check of the 50% step; seen: all traffic back on stable, the lock released, no failed request on stable`, async () => {
    const load = start(['load', '--rate', '20', '--duration', '60s']);
    const run = start(['rollout', '--model-version', '2']);
    await run.waitFor(/\[step 1\/2 50%\] [\d.]+s\/1m/);
    run.child().kill(signal);
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`received ${signal}: stopping at the next step boundary`);
    expect(r.stderr).toMatch(new RegExp(`rolling back: step 1/2 \\(50%\\): cancelled \\(received ${signal}\\) after [\\d.]+s of 1m`));
    expect(r.stderr).toContain("all traffic back on the stable deployment 'blue'");
    expect(await production()).toEqual({ traffic: { blue: 100 }, versions: { blue: '1' }, rollout: false });
    // the lock is free: another command starts at once
    const next = await cli(['rollback']);
    expect(next.stderr).not.toMatch(/is busy/);
    load.child().kill('SIGTERM');
    // the load saw stable answer throughout, and never fail
    expect(loadFailures(await load.done)).toMatchObject({ blue: 0 });
  });
});

describe('SIGINT mid-rollout with rollout.onCancel: pause', () => {
  it('injected: SIGINT at the first analysis check of the 50% step; seen: the weights kept, the rollout recorded paused, a later promote runs the step again and promotes; no failed request on stable', async () => {
    const original = fs.readFileSync(project.configFile, 'utf8');
    fs.writeFileSync(project.configFile, original.replace('  strategy: canary\n', '  strategy: canary\n  onCancel: pause\n'));
    try {
      const load = start(['load', '--rate', '20', '--duration', '60s']);
      const run = start(['rollout', '--model-version', '2']);
      await run.waitFor(/\[step 1\/2 50%\] [\d.]+s\/1m/);
      run.child().kill('SIGINT');
      const r = await run.done;
      expect(r.stderr).toMatch(
        /cancelled \(received SIGINT\): rollout paused at step 1\/2 with the new deployment 'green' at its current traffic \(rollout\.onCancel: pause\)/,
      );
      expect(r.stderr).not.toContain('rolling back');
      expect(await production()).toEqual({ traffic: { blue: 50, green: 50 }, versions: { blue: '1', green: '2' }, rollout: true });
      const status = await cli(['status']);
      expect(status.stdout + status.stderr).toMatch(/rollout of v2 paused \(next step 1\)/);
      // a later job takes it from there: the interrupted step again, then the promotion
      fs.writeFileSync(project.configFile, original.replace('bake: 60s', 'bake: 3s'));
      const promote = await cli(['promote']);
      expect(promote.code).toBe(0);
      expect(promote.stderr).toMatch(/step 1\/2: new 50%/);
      expect(await production()).toEqual({ traffic: { green: 100 }, versions: { green: '2' }, rollout: false });
      load.child().kill('SIGTERM');
      expect(loadFailures(await load.done)).toMatchObject({ blue: 0 });
    } finally {
      fs.writeFileSync(project.configFile, original);
      // back to v1 on blue for the tests that follow
      await cli(['rollback']);
    }
  });
});

describe('SIGKILL mid-rollout (the runner died)', () => {
  it('injected: SIGKILL at the first analysis check of the 50% step; seen: the next command takes the dead process lock over at once and rolls back; no failed request on stable', async () => {
    const load = start(['load', '--rate', '20', '--duration', '60s']);
    const run = start(['rollout', '--model-version', '2']);
    await run.waitFor(/\[step 1\/2 50%\] [\d.]+s\/1m/);
    const pid = run.child().pid;
    run.child().kill('SIGKILL');
    await run.done;
    // the endpoint keeps serving both deployments at 50%, with the rollout recorded
    expect(await production()).toEqual({ traffic: { blue: 50, green: 50 }, versions: { blue: '1', green: '2' }, rollout: true });
    const rollback = await cli(['rollback']);
    expect(rollback.code).toBe(0);
    expect(rollback.stderr).toMatch(
      new RegExp(`taking over the lock of 'rollout' \\(pid ${pid}, since .*\\): that process no longer runs`),
    );
    expect(rollback.stderr).toMatch(/all traffic back on 'blue'/);
    expect(await production()).toEqual({ traffic: { blue: 100 }, versions: { blue: '1' }, rollout: false });
    load.child().kill('SIGTERM');
    // the load saw stable answer throughout, and never fail
    expect(loadFailures(await load.done)).toMatchObject({ blue: 0 });
  });
});

describe('the bundled Action, cancelled', () => {
  it('injected: SIGINT to the step (a cancelled GitHub job) at the first analysis check; seen: result rolled-back, the summary says why', async () => {
    const { runStep } = await import('../helpers/action-runner');
    let printed = '';
    let signalled = false;
    const step = await runStep({
      cwd: project.dir,
      inputs: { command: 'rollout', config: 'modelship.yaml', 'model-version': '2' },
      timeoutMs: 150_000,
      onSpawn: (child) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (!signalled && /\[step 1\/2 50%\] [\d.]+s\/1m/.test(printed)) {
            signalled = true;
            child.kill('SIGINT');
          }
        });
      },
    });
    expect(signalled).toBe(true);
    expect(step.code).toBe(1);
    expect(step.outputs.result).toBe('rolled-back');
    expect(step.stdout).toMatch(/::warning.*received SIGINT: stopping at the next step boundary/);
    expect(step.summary).toMatch(/cancelled \(received SIGINT\)/);
    expect(await production()).toEqual({ traffic: { blue: 100 }, versions: { blue: '1' }, rollout: false });
  });
});

describe('staging takes turns', () => {
  it('smoke tests reach the deployment of the version asked for, never another run’s; a command that stages while another holds staging is told who', async () => {
    // another run (this test process, alive) holds the staging endpoint while it stages and smoke-tests
    const { LocalTarget } = await import('../../shared/targets/local/local-target');
    const other = new LocalTarget({
      stateDir: path.join(project.dir, '.modelship'),
      ports: {},
      runtime: 'process',
      python: 'python3',
      scorePath: '/score',
      log: () => undefined,
      childEnv: () => ({}),
      passEnv: [],
    });
    const release = await other.acquireLock('testep-staging', 'deploy staging and smoke');
    const meanwhile = await cli(['smoke', '--model-version', '2']);
    await release();
    expect(meanwhile.code).toBe(1);
    expect(meanwhile.stderr).toContain(`endpoint testep-staging is busy: 'deploy staging and smoke' (pid ${process.pid}) holds it since`);
    expect((await cli(['deploy', '--stage', 'staging', '--model-version', '2'])).code).toBe(0);

    const stale = await cli(['smoke', '--model-version', '1']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /testep-staging has no staged deployment of test-model v1 \(it has '\w+' \(v2\)\): another run staged over it/,
    );
    const mine = await cli(['smoke', '--model-version', '2']);
    expect(mine.code).toBe(0);
    expect(mine.stderr).toMatch(/smoke tests go to '\w+' \(test-model v2\) in testep-staging, by the deployment header/);
  });
});

describe('a lost lock', () => {
  it('injected: the rollout lock removed from under a running rollout; seen: the command stops at its next check and rolls back, saying why', async () => {
    const run = start(['rollout', '--model-version', '2']);
    await run.waitFor(/\[step 1\/2 50%\] [\d.]+s\/1m/);
    const fs = await import('node:fs');
    fs.rmSync(path.join(project.dir, '.modelship', 'testep', 'command.lock'), { recursive: true, force: true });
    const r = await run.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the lock of endpoint testep was lost: /);
    expect(r.stderr).toMatch(/rolling back: step 1\/2 \(50%\): cancelled \(lost the lock of endpoint testep: .*\) after [\d.]+s of 1m/);
    expect(await production()).toEqual({ traffic: { blue: 100 }, versions: { blue: '1' }, rollout: false });
  });
});
