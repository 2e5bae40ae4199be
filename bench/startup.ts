/**
 * Benchmark: startup of the bundled front ends, the committed GitHub Action
 * (actions/modelship/dist) and Azure Pipelines task (tasks/ModelshipV1/dist), each started
 * with node as its runner or agent starts it (every declared input as INPUT_*, the
 * runner's files or the agent's folders), against a bare `node -e 0` in the same run:
 *
 *   node -e 0                   the baseline: Node's own startup
 *   action: missing input       github-deployment: true without environment; fails in the input check
 *   action: post step           the post step with nothing to clean (the trivial path)
 *   action: no config           valid inputs, no modelship.yaml; fails after loading the core
 *   task: missing connection    azureSubscription names a connection the agent did not pass
 *   task: no config             valid inputs, no modelship.yaml
 *
 * A round starts every run once, in an order that rotates from round to round; a few
 * warm-up rounds are not counted. Prints each run's median and p90 wall time, and its
 * startup as a multiple of bare node: the median over rounds of its time divided by the
 * baseline's time in the same round, so that the machine's drift cancels. Every run's exit
 * and output are checked, so a broken bundle cannot post a good figure.
 *
 *   node dist/bench/startup.js [--rounds 15] [--warmup 2] [--action-dist DIR] [--task-dist DIR]
 *
 * --action-dist / --task-dist measure another build, e.g. the last commit's:
 *   mkdir -p /tmp/old && git archive HEAD actions/modelship/dist tasks/ModelshipV1/dist | tar -x -C /tmp/old
 */
import * as child from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../shared/paths';
import { cleanEnv as runnerEnv, declaredActionInputs } from '../test/helpers/action-runner';
import { cleanEnv as agentEnv, declaredTaskInputs } from '../test/helpers/task-runner';
import { parseArgs, quantile } from './common';

interface Run {
  name: string;
  /** node's arguments */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** what a correct run prints; checked on every run */
  expect: RegExp;
  /** the exit code of a correct run; undefined: not checked (the agent reads the result from stdout) */
  code?: number;
  /** undone before every run (outside the timing): files the run appends to */
  reset?: () => void;
}

function stringArg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? path.resolve(process.argv[at + 1]) : fallback;
}

/** a folder with no modelship.yaml, the runner's files in it */
function actionRuns(root: string, dist: string, tmp: string): Run[] {
  const dir = fs.mkdtempSync(path.join(tmp, 'action-'));
  const files = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary.md'),
    event: path.join(dir, 'event.json'),
  };
  const reset = (): void => {
    for (const f of [files.output, files.state, files.summary]) fs.writeFileSync(f, '');
  };
  fs.writeFileSync(files.event, '{}');
  const env = (inputs: Record<string, string>): NodeJS.ProcessEnv => {
    const out: NodeJS.ProcessEnv = {
      ...runnerEnv(),
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: files.event,
      RUNNER_TEMP: dir,
    };
    // as the runner does: every declared input, with its default unless the step sets it
    for (const [name, spec] of Object.entries(declaredActionInputs(path.join(root, 'actions', 'modelship'))))
      out[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
    return out;
  };
  const main = path.join(dist, 'main.js');
  return [
    {
      name: 'action: missing input',
      args: [main],
      cwd: dir,
      env: env({ 'github-deployment': 'true', 'github-token': 'bench-token' }),
      expect: /::error::input 'github-deployment' is true, but 'environment' is empty/,
      code: 1,
      reset,
    },
    {
      name: 'action: post step',
      args: [path.join(dist, 'post.js')],
      cwd: dir,
      env: env({}),
      expect: /modelship post: nothing to clean/,
      code: 0,
      reset,
    },
    {
      name: 'action: no config',
      args: [main],
      cwd: dir,
      env: env({}),
      expect: /::error::cannot read the configuration modelship\.yaml/,
      code: 1,
      reset,
    },
  ];
}

function taskRuns(root: string, dist: string, tmp: string): Run[] {
  const dir = fs.mkdtempSync(path.join(tmp, 'task-'));
  const env = (inputs: Record<string, string>): NodeJS.ProcessEnv => {
    const out: NodeJS.ProcessEnv = { ...agentEnv(), TF_BUILD: 'True', AGENT_TEMPDIRECTORY: dir, SYSTEM_DEFAULTWORKINGDIRECTORY: dir };
    // as the agent does: every declared input, with its default unless the step sets it
    for (const i of declaredTaskInputs(path.join(root, 'tasks', 'ModelshipV1')))
      out[`INPUT_${i.name.replace(/[ .]/g, '_').toUpperCase()}`] = inputs[i.name] ?? i.defaultValue ?? '';
    return out;
  };
  const main = path.join(dist, 'main.js');
  return [
    {
      name: 'task: missing connection',
      args: [main],
      cwd: dir,
      env: env({ azureSubscription: 'bench-connection' }),
      expect: /##vso\[task\.complete result=Failed;\]input 'azureSubscription': the agent passed no service connection/,
    },
    {
      name: 'task: no config',
      args: [main],
      cwd: dir,
      env: env({}),
      expect: /##vso\[task\.complete result=Failed;\]cannot read the configuration modelship\.yaml/,
    },
  ];
}

/** wall time of one run in ms, after checking that it did what it should */
function timeRun(run: Run): number {
  run.reset?.();
  const started = process.hrtime.bigint();
  const done = child.spawnSync(process.execPath, run.args, { cwd: run.cwd, env: run.env, encoding: 'utf8', timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const output = `${done.stdout}${done.stderr}`;
  if (done.error || (run.code !== undefined && done.status !== run.code) || !run.expect.test(output))
    throw new Error(`${run.name}: unexpected run (exit ${done.status}, ${done.error?.message ?? 'no spawn error'}):\n${output}`);
  return ms;
}

function main(): void {
  const args = parseArgs({ rounds: 15, warmup: 2 });
  const root = packageRoot();
  const actionDist = stringArg('action-dist', path.join(root, 'actions', 'modelship', 'dist'));
  const taskDist = stringArg('task-dist', path.join(root, 'tasks', 'ModelshipV1', 'dist'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-startup-'));
  try {
    const baseline: Run = { name: 'node -e 0', args: ['-e', '0'], cwd: tmp, env: process.env, expect: /^$/, code: 0 };
    const action = actionRuns(root, actionDist, tmp);
    const task = taskRuns(root, taskDist, tmp);
    const runs = [baseline, ...action, ...task];
    console.log(
      `startup of the bundled front ends: ${args.rounds} interleaved rounds (+${args.warmup} warm-up), node ${process.version}, ${os.cpus().length} cores`,
    );
    console.log(`action: ${actionDist}\ntask:   ${taskDist}`);
    const times = new Map<Run, number[]>(runs.map((r) => [r, []]));
    for (let round = 0; round < args.warmup + args.rounds; round++) {
      // rotate the order, so that no run always follows the same one
      const order = runs.map((_r, i) => runs[(i + round) % runs.length]);
      const measured = new Map(order.map((r) => [r, timeRun(r)]));
      if (round >= args.warmup) for (const [r, ms] of measured) times.get(r)?.push(ms);
    }

    const base = times.get(baseline) as number[];
    const ratioOf = (r: Run): number => {
      const ratios = (times.get(r) as number[]).map((ms, i) => ms / base[i]).sort((a, b) => a - b);
      return quantile(ratios, 0.5);
    };
    const sortedOf = (r: Run): number[] => [...(times.get(r) as number[])].sort((a, b) => a - b);
    console.log(`\n${'run'.padEnd(26)} ${'median ms'.padStart(10)} ${'p90 ms'.padStart(8)} ${'x node -e 0'.padStart(12)}`);
    for (const r of runs) {
      const sorted = sortedOf(r);
      console.log(
        `${r.name.padEnd(26)} ${quantile(sorted, 0.5).toFixed(0).padStart(10)} ${quantile(sorted, 0.9).toFixed(0).padStart(8)} ${ratioOf(r).toFixed(2).padStart(12)}`,
      );
    }
    // the first run of each front end is its failure on a missing input
    console.log(
      `\nfailing on a missing input: the Action x${ratioOf(action[0]).toFixed(2)}, the task x${ratioOf(task[0]).toFixed(2)} of bare node (goal: at most x3)`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
