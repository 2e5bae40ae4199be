import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readInputs } from '../../actions/modelship/src/inputs';
import { bundleLayout, chunkLoadErrors } from '../helpers/action-runner';
import { frontEndSources, matches, sorted } from '../helpers/sources';

/**
 * The contract between the action's code, its action.yml, its README and the example
 * workflows: what the code reads and sets is declared, nothing else is, and the examples
 * only pass inputs that exist.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ACTION_DIR = path.join(ROOT, 'actions', 'modelship');
const SRC_DIR = path.join(ACTION_DIR, 'src');
const EXAMPLES_DIR = path.join(ROOT, 'workflows-examples', 'github');
/** how the examples refer to this action */
const ACTION_REF = /^(\.\/actions\/modelship|[^/]+\/modelship\/actions\/modelship@.+)$/;

interface ActionYml {
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; post: string };
}

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

const action = parse(fs.readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8')) as ActionYml;
const { sources, allSource } = frontEndSources(SRC_DIR);

describe('action.yml and the code', () => {
  it('declares exactly the inputs the code reads', () => {
    // every input is read through input('name') or secretInput('name') in inputs.ts
    const read = matches(allSource, /\b(?:input|secretInput)\(\s*'([^']+)'\s*\)/g);
    expect(read.length).toBeGreaterThan(0);
    expect(sorted(read)).toEqual(sorted(Object.keys(action.inputs)));
  });

  it('reads inputs in one place only: no other getInput call and no INPUT_ variable', () => {
    expect(matches(allSource, /(core\.get(?:Boolean|Multiline)?Input)\(/g)).toEqual(['core.getInput']);
    expect(allSource).toMatch(/core\.getInput\(name\)/);
    expect(allSource).not.toMatch(/INPUT_/);
  });

  it('declares every output the code sets, and sets every output it declares', () => {
    // set with output('name', ...) or through the table of names publishStepOutputs maps the run's values to
    const table = /const OUTPUT_NAMES = \{([^}]*)\}/.exec(allSource)?.[1] ?? '';
    const set = [...new Set([...matches(allSource, /\boutput\(\s*'([^']+)'/g), ...matches(table, /:\s*'([^']+)'/g)])];
    const union = /export type OutputName = ([^;]+);/.exec(fs.readFileSync(path.join(SRC_DIR, 'outputs.ts'), 'utf8'))?.[1] ?? '';
    const typed = matches(union, /'([^']+)'/g);
    expect(sorted(set)).toEqual(sorted(Object.keys(action.outputs)));
    expect(sorted(typed)).toEqual(sorted(Object.keys(action.outputs)));
    // outputs are set through output() only
    expect(sources.filter((s) => s.text.includes('core.setOutput(')).map((s) => s.file)).toEqual(['outputs.ts']);
  });

  it('describes every input and output, and runs the committed bundle on node24 with a post step', () => {
    for (const [name, i] of Object.entries(action.inputs)) expect([name, (i.description ?? '').length > 20]).toEqual([name, true]);
    for (const [name, o] of Object.entries(action.outputs)) expect([name, (o.description ?? '').length > 20]).toEqual([name, true]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/main.js', post: 'dist/post.js' });
    for (const f of ['main.js', 'main.mjs', 'post.js', 'post.mjs', 'endpoint-host.js', 'score_server.py', 'modelship-bundle.json'])
      expect(fs.existsSync(path.join(ACTION_DIR, 'dist', f))).toBe(true);
  });

  it('starts from CommonJS shims of the ES module entries, whose chunks are all there and load', () => {
    // scripts/bundle.sh: the runner starts main.js and post.js, which import the split ES modules
    for (const entry of ['main', 'post'])
      expect(fs.readFileSync(path.join(ACTION_DIR, 'dist', `${entry}.js`), 'utf8')).toContain(`import('./${entry}.mjs')`);
    expect(bundleLayout(path.join(ACTION_DIR, 'dist'), 'main.mjs').missing).toEqual([]);
    expect(chunkLoadErrors(path.join(ACTION_DIR, 'dist'), ['main.mjs', 'post.mjs'])).toEqual([]);
  });

  it('loads no adapter before the config names it', () => {
    // the main step and the code it loads once the inputs are read; the adapters are chunks of their own
    const { packages } = bundleLayout(path.join(ACTION_DIR, 'dist'), 'main.mjs');
    expect(packages).toContain('@actions/core');
    expect(packages).toContain('yaml');
    for (const adapter of [
      '@kubernetes/client-node',
      '@azure/identity',
      '@azure/msal-node',
      '@azure/storage-blob',
      'dockerode',
      '@actions/github',
    ])
      expect([adapter, packages.has(adapter)]).toEqual([adapter, false]);
  });

  it('the README documents every input and output in its tables', () => {
    const readme = fs.readFileSync(path.join(ACTION_DIR, 'README.md'), 'utf8');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      expect([name, readme.includes(`| \`${name}\` |`)]).toEqual([name, true]);
  });

  it('the shared core imports nothing from @actions (front ends do)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /from '@actions\/|require\('@actions\//.test(fs.readFileSync(p, 'utf8')))
          offenders.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, 'shared'));
    expect(offenders).toEqual([]);
  });
});

describe('the example workflows', () => {
  const examples = fs.readdirSync(EXAMPLES_DIR).filter((f) => /\.ya?ml$/.test(f));

  it('are the documented ones', () => {
    expect(examples.sort()).toEqual([
      'azureml-online-endpoint.yml',
      'matrix.yml',
      'on-model-registered.yml',
      'scheduled-poll.yml',
      'staging-then-production.yml',
    ]);
  });

  it.each(examples)('%s parses as a workflow, and passes this action only declared inputs', (file) => {
    const wf = parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
      on?: unknown;
      jobs?: Record<string, { 'runs-on'?: unknown; steps?: Step[] }>;
    };
    expect(wf.on).toBeDefined();
    const jobs = Object.entries(wf.jobs ?? {});
    expect(jobs.length).toBeGreaterThan(0);
    let uses = 0;
    for (const [jobName, job] of jobs) {
      expect([jobName, job['runs-on'] !== undefined, Array.isArray(job.steps)]).toEqual([jobName, true, true]);
      const ours = (job.steps ?? []).filter((s) => typeof s.uses === 'string' && ACTION_REF.test(s.uses));
      for (const step of ours) {
        uses += 1;
        const unknown = Object.keys(step.with ?? {}).filter((k) => !(k in action.inputs));
        expect([jobName, step.id, unknown]).toEqual([jobName, step.id, []]);
      }
      // steps.<id>.outputs.<name> of this action's steps name declared outputs
      const ids = new Set(ours.map((s) => s.id).filter((id): id is string => Boolean(id)));
      const text = JSON.stringify(job);
      for (const [, id, out] of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
        if (ids.has(id)) expect([id, out, out in action.outputs]).toEqual([id, out, true]);
      }
    }
    expect(uses).toBeGreaterThan(0);
  });

  it('refer to the action the same way everywhere', () => {
    const refs = new Set<string>();
    for (const file of examples) {
      for (const m of fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8').matchAll(/uses:\s*(\S*modelship\S*)/g)) refs.add(m[1]);
    }
    expect([...refs]).toEqual(['OWNER/modelship/actions/modelship@v1']);
  });
});

describe('reading the inputs', () => {
  // the parser is pure over a getter, so it is tested without a runner
  const read = (given: Record<string, string>) => {
    const secrets: string[] = [];
    // as the runner does: every declared input is set, to its default unless the step gives it
    const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
    const result = () =>
      readInputs({ get: (n) => values[n] ?? '', secret: (v) => secrets.push(v), resolvePath: (p) => path.resolve('/work', p) });
    return { result, secrets };
  };

  it('the defaults of action.yml make a valid `run` of modelship.yaml', () => {
    expect(read({}).result()).toEqual({
      command: 'run',
      config: 'modelship.yaml',
      modelVersion: undefined,
      workingDirectory: '/work',
      force: false,
      azure: undefined,
      azureSubscriptionId: undefined,
      registry: undefined,
      endpointKey: undefined,
      // the runner expands the default ${{ github.token }}; this reader passes it as written
      githubToken: '${{ github.token }}',
      environment: undefined,
      githubDeployment: false,
    });
  });

  it('types every input', () => {
    const r = read({
      command: 'rollout',
      'model-version': '12',
      force: 'true',
      'working-directory': 'models/a',
      'azure-client-id': 'c',
      'azure-tenant-id': 't',
      'azure-subscription-id': 's',
      'registry-username': 'u',
      'registry-password': 'p4ss',
      'endpoint-key': 'k3y',
      'github-token': 'ghs_t0k',
      environment: 'production',
      'github-deployment': 'auto',
    });
    expect(r.result()).toEqual({
      command: 'rollout',
      config: 'modelship.yaml',
      modelVersion: '12',
      workingDirectory: '/work/models/a',
      force: true,
      azure: { clientId: 'c', tenantId: 't' },
      azureSubscriptionId: 's',
      registry: { username: 'u', password: 'p4ss' },
      endpointKey: 'k3y',
      githubToken: 'ghs_t0k',
      environment: 'production',
      githubDeployment: true,
    });
    expect(r.secrets).toEqual(['p4ss', 'k3y', 'ghs_t0k']);
  });

  it.each([
    [
      { command: 'deploy-production' },
      /input 'command' takes one of detect, build, deploy, smoke, rollout, promote, rollback, status, run \(got 'deploy-production'\)/,
    ],
    [{ 'model-version': 'v 2' }, /input 'model-version' takes a model version \(letters, digits/],
    [{ 'model-version': '-1' }, /input 'model-version' takes a model version/],
    [{ force: 'yes' }, /input 'force' takes true or false \(got 'yes'\)/],
    [{ 'azure-client-id': 'c' }, /'azure-client-id' and 'azure-tenant-id' go together .*only azure-client-id is set/],
    [{ 'registry-password': 'p4ss' }, /'registry-username' and 'registry-password' go together .*only registry-password is set/],
    [{ 'github-deployment': 'yes' }, /input 'github-deployment' takes auto, true or false \(got 'yes'\)/],
    [{ 'github-deployment': 'true' }, /input 'github-deployment' is true, but 'environment' is empty/],
  ])('refuses %p with a message that names the input', (given, message) => {
    expect(() => read(given).result()).toThrow(message);
  });

  it('registers the secrets before it can refuse another input, so no error message can show them', () => {
    const r = read({
      command: 'nope',
      'registry-username': 'u',
      'registry-password': 'p4ss',
      'endpoint-key': 'k3y',
      'github-token': 'ghs_t0k',
    });
    expect(r.result).toThrow(/input 'command'/);
    expect(r.secrets).toEqual(['p4ss', 'k3y', 'ghs_t0k']);
  });
});
