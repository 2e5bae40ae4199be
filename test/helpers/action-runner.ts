import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNode } from './cli';
import { parse } from 'yaml';

/**
 * The committed bundle of the GitHub Action (actions/modelship/dist/main.js and post.js) run
 * with node the way a GitHub runner runs a step: every input action.yml declares as
 * INPUT_<NAME> (its default unless the step sets it), the GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
 * and GITHUB_STATE files, the event file, RUNNER_TEMP; bounded in time.
 */
export const ACTION_DIR = path.resolve(__dirname, '..', '..', 'actions', 'modelship');
export const ACTION_DIST = path.join(ACTION_DIR, 'dist');

/** the inputs action.yml declares, with their defaults */
export function declaredActionInputs(actionDir = ACTION_DIR): Record<string, { default?: string }> {
  const action = parse(fs.readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return action.inputs;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** the step's outputs, from the GITHUB_OUTPUT file */
  outputs: Record<string, string>;
  /** the job summary the step wrote (GITHUB_STEP_SUMMARY) */
  summary: string;
  /** the values saved for the post step (GITHUB_STATE) */
  state: Record<string, string>;
}

export interface StepOptions {
  /** the step's `with:` (undeclared names are ignored, as the runner ignores them with a warning) */
  inputs?: Record<string, string>;
  /** GITHUB_EVENT_NAME and the payload of GITHUB_EVENT_PATH; default a `push` with `{}` */
  event?: { name: string; payload: unknown };
  entry?: 'main.js' | 'post.js';
  /** the bundle's folder (default the committed actions/modelship/dist) */
  dist?: string;
  /** the folder of the action.yml whose inputs the runner passes (default actions/modelship) */
  actionDir?: string;
  /** STATE_* values for the post step */
  state?: Record<string, string>;
  /** the environment the runner starts from (default this process's); runner variables in it are dropped */
  baseEnv?: NodeJS.ProcessEnv;
  /** more environment, as the runner sets it for a job (e.g. ACTIONS_ID_TOKEN_REQUEST_URL) */
  env?: Record<string, string>;
  /** the working directory and GITHUB_WORKSPACE (default a fresh temp folder) */
  cwd?: string;
  /** called once the process runs, e.g. to kill it */
  onSpawn?: (child: ChildProcess) => void;
  /** the step is killed (SIGKILL) after this long; default 180 s */
  timeoutMs?: number;
}

/** `name<<delimiter\nvalue\ndelimiter` records of GITHUB_OUTPUT / GITHUB_STATE */
export function parseFileCommands(file: string): Record<string, string> {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3];
  return out;
}

/** the messages of `::error ...::MESSAGE` workflow commands, unescaped as the runner does */
export function errorAnnotations(stdout: string): string[] {
  return [...stdout.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) =>
    m[1].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
  );
}

/** `base` without anything a real runner around the tests could have set */
export function cleanEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v;
  return env;
}

export async function runStep(opts: StepOptions = {}): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-runner-'));
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary.md'),
    state: path.join(dir, 'state'),
    event: path.join(dir, 'event.json'),
    temp: path.join(dir, 'temp'),
  };
  fs.mkdirSync(files.temp);
  for (const f of [files.output, files.summary, files.state]) fs.writeFileSync(f, '');
  const event = opts.event ?? { name: 'push', payload: {} };
  fs.writeFileSync(files.event, JSON.stringify(event.payload));
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(opts.baseEnv),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.cwd ?? dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    RUNNER_TEMP: files.temp,
  };
  const dist = opts.dist ?? ACTION_DIST;
  // as the runner does: every declared input, with its default unless the step sets it
  for (const [name, spec] of Object.entries(declaredActionInputs(opts.actionDir))) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = opts.inputs?.[name] ?? spec.default ?? '';
  }
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v;
  Object.assign(env, opts.env);
  const run = await runNode(path.join(dist, opts.entry ?? 'main.js'), [], {
    cwd: opts.cwd ?? dir,
    env,
    timeoutMs: opts.timeoutMs ?? 180_000,
    onSpawn: opts.onSpawn,
  });
  return {
    ...run,
    outputs: parseFileCommands(files.output),
    summary: fs.readFileSync(files.summary, 'utf8'),
    state: parseFileCommands(files.state),
  };
}
