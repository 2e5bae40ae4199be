import { ChildProcess, spawnSync } from 'node:child_process';
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

/** what an ES module chunk of a bundle imports from its folder, at load (`import ... from`) and on demand (`import()`) */
function bundleImports(source: string): { static: string[]; onDemand: string[] } {
  return {
    static: [...source.matchAll(/^(?:import [^;]*?from|\} from|import) "\.\/([^"]+\.mjs)";$/gm)].map((m) => m[1]),
    onDemand: [...source.matchAll(/\bimport\("\.\/([^"]+\.mjs)"\)/g)].map((m) => m[1]),
  };
}

/**
 * A bundled front end as scripts/bundle.sh writes it: ES module chunks beside their entries.
 * `packages`: the npm packages it reads before it loads any adapter, those of `entry` (e.g.
 * main.mjs) and the chunks it imports, and of the chunks it imports on demand (run.ts, once
 * the inputs are read) with theirs, but not what those import on demand in turn (registries,
 * targets, dockerode, @azure/identity, @actions/github); read from esbuild's
 * `// node_modules/<package>/...` comments. `missing`: imports of any chunk that name no file.
 */
export function bundleLayout(dist: string, entry: string): { packages: Set<string>; missing: string[] } {
  const sources = new Map<string, string>();
  for (const f of fs.readdirSync(dist)) if (f.endsWith('.mjs')) sources.set(f, fs.readFileSync(path.join(dist, f), 'utf8'));
  const missing: string[] = [];
  for (const [file, source] of sources) {
    const { static: loaded, onDemand } = bundleImports(source);
    for (const target of [...loaded, ...onDemand]) if (!sources.has(target)) missing.push(`${file} imports ${target}`);
  }
  const packages = new Set<string>();
  const seen = new Set<string>();
  /** `file` and what it imports at load; answers what they import on demand */
  const visit = (file: string): string[] => {
    const pending = [file];
    const onDemand: string[] = [];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const source = sources.get(next);
      if (seen.has(next) || source === undefined) continue;
      seen.add(next);
      for (const m of source.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1]);
      const imports = bundleImports(source);
      pending.push(...imports.static);
      onDemand.push(...imports.onDemand);
    }
    return onDemand;
  };
  for (const chunk of visit(entry)) visit(chunk);
  return { packages, missing };
}

/**
 * The chunks of a bundle (scripts/bundle.sh) that do not load as ES modules, each with its
 * error: a name declared twice (a bundled module's own and the banner's), a dependency that
 * breaks at its top level in strict mode. Every .mjs but the entries is imported, in a node
 * process of its own with no runner or agent variables; adapters load there that no e2e
 * test reaches (the Kubernetes client, for one).
 */
export function chunkLoadErrors(dist: string, entries: string[]): string[] {
  const script = `
    import * as fs from 'node:fs';
    import * as path from 'node:path';
    import { pathToFileURL } from 'node:url';
    const [dist, ...entries] = process.argv.slice(1);
    const errors = [];
    for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.mjs') && !entries.includes(f)).sort()) {
      try {
        await import(pathToFileURL(path.join(dist, file)).href);
      } catch (err) {
        errors.push(file + ': ' + String(err && err.message).split('\\n')[0]);
      }
    }
    process.stdout.write('\\nchunk-load-errors ' + JSON.stringify(errors) + '\\n');
  `;
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir() };
  const done = spawnSync(process.execPath, ['--input-type=module', '-e', script, dist, ...entries], {
    cwd: os.tmpdir(),
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = /^chunk-load-errors (.*)$/m.exec(done.stdout ?? '');
  if (!line) return [`the loader did not finish (exit ${done.status}): ${done.stderr}`];
  return JSON.parse(line[1]) as string[];
}
