import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { AzurePipelinesCredential, ClientSecretCredential } from '@azure/identity';
import { STEP_COMMANDS } from '../../shared/front-end';
import { parseAzureDevOpsPayload } from '../../shared/trigger/azure-devops';
import { azureCredential } from '../../tasks/ModelshipV1/src/azure';
import { Endpoint, readInputs } from '../../tasks/ModelshipV1/src/inputs';
import { bundleLayout, chunkLoadErrors } from '../helpers/action-runner';
import { frontEndSources, matches, sorted } from '../helpers/sources';

/**
 * The contract between the task's code, its task.json and the example pipelines: what the
 * code reads and sets is declared, nothing else is, task.json carries the fields the task
 * schema requires, and the examples only pass inputs that exist.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const TASK_DIR = path.join(ROOT, 'tasks', 'ModelshipV1');
const SRC_DIR = path.join(TASK_DIR, 'src');
const EXAMPLES_DIR = path.join(ROOT, 'workflows-examples', 'azure-pipelines');

interface TaskJsonInput {
  name: string;
  type: string;
  label: string;
  defaultValue?: string;
  helpMarkDown?: string;
  groupName?: string;
  visibleRule?: string;
  options?: Record<string, string>;
}
interface TaskJson {
  id: string;
  name: string;
  friendlyName: string;
  description: string;
  category: string;
  author: string;
  version: { Major: number; Minor: number; Patch: number };
  instanceNameFormat: string;
  groups?: Array<{ name: string }>;
  inputs: TaskJsonInput[];
  outputVariables: Array<{ name: string; description?: string }>;
  execution: Record<string, { target: string }>;
}

const task = JSON.parse(fs.readFileSync(path.join(TASK_DIR, 'task.json'), 'utf8')) as TaskJson;
const { sources, allSource } = frontEndSources(SRC_DIR);
const declared = new Set(task.inputs.map((i) => i.name));

describe('task.json and the code', () => {
  it('declares exactly the inputs the code reads', () => {
    const read = matches(allSource, /\b(?:input|secretInput|connectionInput)\(\s*'([^']+)'/g);
    expect(read.length).toBeGreaterThan(5);
    expect(sorted(read)).toEqual(sorted(declared));
  });

  it('reads inputs in one place only: no other getInput call and no INPUT_ variable', () => {
    expect(matches(allSource, /(tl\.get\w*Input)\(/g)).toEqual(['tl.getInput']);
    expect(allSource).toMatch(/tl\.getInput\(name\)/);
    expect(allSource).not.toMatch(/INPUT_/);
  });

  it('declares every output variable the code sets, and sets every one it declares', () => {
    // set with output('name', ...) or through the table of names publishStepOutputs maps the run's values to
    const table = /const OUTPUT_NAMES = \{([^}]*)\}/.exec(allSource)?.[1] ?? '';
    const set = [...new Set([...matches(allSource, /\boutput\(\s*'([^']+)'/g), ...matches(table, /:\s*'([^']+)'/g)])];
    const union = /export type OutputName = ([^;]+);/.exec(fs.readFileSync(path.join(SRC_DIR, 'outputs.ts'), 'utf8'))?.[1] ?? '';
    const names = task.outputVariables.map((o) => o.name);
    expect(sorted(set)).toEqual(sorted(names));
    expect(sorted(matches(union, /'([^']+)'/g))).toEqual(sorted(names));
    expect(sorted(names)).toEqual(sorted(['result', 'newVersion', 'modelName', 'modelVersion', 'image', 'digest', 'report']));
    // output variables are set through output() only
    expect(sources.filter((s) => s.text.includes('tl.setVariable(')).map((s) => s.file)).toEqual(['outputs.ts']);
  });

  it('has the required fields of the task schema', () => {
    expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(task.id).toBe('857df8fb-3221-4a16-bb6a-2adaac947e5f'); // fixed for ever: the agent keys installed tasks by it
    expect(task.name).toBe('ModelshipV1');
    for (const f of ['friendlyName', 'description', 'author', 'instanceNameFormat'] as const)
      expect([f, typeof task[f] === 'string' && task[f].length > 0]).toEqual([f, true]);
    expect(task.category).toBe('Deploy');
    expect(task.version).toEqual({ Major: 1, Minor: 0, Patch: 0 });
    expect(task.execution).toEqual({
      Node20_1: expect.objectContaining({ target: 'dist/main.js' }) as unknown,
      Node24: expect.objectContaining({ target: 'dist/main.js' }) as unknown,
    });
    // $(name) in instanceNameFormat names inputs
    for (const n of matches(task.instanceNameFormat, /\$\(([^)]+)\)/g)) expect(declared.has(n)).toBe(true);
  });

  it('starts from a CommonJS shim of the ES module entry, whose chunks are all there and load', () => {
    // scripts/bundle.sh: the agent starts main.js, which imports the split ES modules
    expect(fs.readFileSync(path.join(TASK_DIR, 'dist', 'main.js'), 'utf8')).toContain("import('./main.mjs')");
    expect(bundleLayout(path.join(TASK_DIR, 'dist'), 'main.mjs').missing).toEqual([]);
    expect(chunkLoadErrors(path.join(TASK_DIR, 'dist'), ['main.mjs'])).toEqual([]);
  });

  it('loads no adapter before the config names it', () => {
    // the task and the code it loads once the inputs are read; the adapters are chunks of their own
    const { packages } = bundleLayout(path.join(TASK_DIR, 'dist'), 'main.mjs');
    expect(packages).toContain('azure-pipelines-task-lib');
    expect(packages).toContain('yaml');
    for (const adapter of ['@kubernetes/client-node', '@azure/identity', '@azure/msal-node', '@azure/storage-blob', 'dockerode'])
      expect([adapter, packages.has(adapter)]).toEqual([adapter, false]);
  });

  it('gives every input a name, type, label and help, in a declared group', () => {
    const groups = new Set((task.groups ?? []).map((g) => g.name));
    const types = /^(string|multiLine|pickList|boolean|filePath|connectedService:(AzureRM|kubernetes|dockerregistry))$/;
    for (const i of task.inputs) {
      expect([i.name, types.test(i.type), i.label.length > 0, (i.helpMarkDown ?? '').length > 20]).toEqual([i.name, true, true, true]);
      if (i.groupName) expect([i.name, groups.has(i.groupName)]).toEqual([i.name, true]);
    }
    const byName = new Map(task.inputs.map((i) => [i.name, i]));
    expect(Object.keys(byName.get('command')?.options ?? {})).toEqual([...STEP_COMMANDS]);
    expect(byName.get('azureSubscription')?.type).toBe('connectedService:AzureRM');
    expect(byName.get('kubernetesServiceConnection')?.type).toBe('connectedService:kubernetes');
    expect(byName.get('kubernetesServiceConnection')?.helpMarkDown).toMatch(/Kubeconfig or Service Account/);
    expect(byName.get('dockerRegistryServiceConnection')?.type).toBe('connectedService:dockerregistry');
  });

  it('visibleRule references only declared inputs, and pickList values that exist', () => {
    const rules = task.inputs.filter((i) => i.visibleRule);
    expect(rules.length).toBeGreaterThan(0);
    for (const i of rules) {
      for (const clause of (i.visibleRule ?? '').split(/\|\||&&/)) {
        const m = /^\s*([A-Za-z0-9_.]+)\s*(=|!=|<|>|<=|>=|NotEndsWith|EndsWith|NotContains|Contains)\s*(.*?)\s*$/.exec(clause);
        expect([i.name, clause, m !== null]).toEqual([i.name, clause, true]);
        if (!m) continue;
        expect([i.name, m[1], declared.has(m[1])]).toEqual([i.name, m[1], true]);
        const target = task.inputs.find((t) => t.name === m[1]);
        if (target?.options) expect([i.name, m[3], m[3] in target.options]).toEqual([i.name, m[3], true]);
      }
    }
  });

  it('the shared core imports nothing from azure-pipelines-task-lib (front ends do)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /azure-pipelines-task-lib/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, 'shared'));
    expect(offenders).toEqual([]);
  });

  it('vss-extension.json contributes this task folder and ships it', () => {
    const ext = JSON.parse(fs.readFileSync(path.join(ROOT, 'vss-extension.json'), 'utf8')) as {
      contributions: Array<{ type: string; properties: { name: string } }>;
      files: Array<{ path: string }>;
    };
    expect(ext.contributions).toEqual([
      expect.objectContaining({ type: 'ms.vss-distributed-task.task', properties: { name: 'tasks/ModelshipV1' } }),
    ]);
    expect(ext.files.map((f) => f.path).sort()).toEqual(['tasks/ModelshipV1/dist', 'tasks/ModelshipV1/task.json']);
  });
});

describe('the example pipelines', () => {
  const examples = fs.readdirSync(EXAMPLES_DIR).filter((f) => /\.ya?ml$/.test(f));
  /** every `- task: ModelshipV1@1` step anywhere in a pipeline */
  const taskSteps = (node: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> => {
    if (Array.isArray(node)) for (const n of node) taskSteps(n, found);
    else if (typeof node === 'object' && node !== null) {
      const rec = node as Record<string, unknown>;
      if (typeof rec.task === 'string' && rec.task.startsWith('ModelshipV1')) found.push(rec);
      for (const v of Object.values(rec)) taskSteps(v, found);
    }
    return found;
  };

  it('are the documented ones', () => {
    expect(examples.sort()).toEqual(['azureml-online-endpoint.yml', 'on-model-registered.yml', 'scheduled-poll.yml']);
    expect(fs.existsSync(path.join(EXAMPLES_DIR, 'eventgrid-subscription.md'))).toBe(true);
  });

  it.each(examples)('%s parses as YAML, and passes this task only declared inputs', (file) => {
    const doc = parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Record<string, unknown>;
    expect(doc.stages ?? doc.jobs).toBeDefined();
    const steps = taskSteps(doc);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(s.task).toBe('ModelshipV1@1');
      const unknown = Object.keys((s.inputs as Record<string, unknown> | undefined) ?? {}).filter((k) => !declared.has(k));
      expect([s.displayName ?? s.name, unknown]).toEqual([s.displayName ?? s.name, []]);
    }
  });

  it('the webhook pipeline passes the webhook body, and gates production with an environment', () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'on-model-registered.yml'), 'utf8');
    const doc = parse(text) as { resources: { webhooks: Array<{ webhook: string }> } };
    const alias = doc.resources.webhooks[0].webhook;
    expect(text).toContain(`webhookPayload: \${{ convertToJson(parameters.${alias}) }}`);
    expect(text).toMatch(/environment: production\b/);
    expect(text).toMatch(/command: promote/);
  });
});

describe('reading the inputs', () => {
  const REG = 'reg-conn';
  const ARM = 'arm-conn';
  const endpoints: Record<string, Endpoint> = {
    [REG]: {
      url: 'https://r.example/',
      scheme: 'UsernamePassword',
      params: { username: 'u', password: 'p4ss', registry: 'r.example' },
      data: () => undefined,
    },
  };
  const read = (given: Record<string, string>, extra: Record<string, Endpoint> = {}, variables: Record<string, string> = {}) => {
    const secrets: string[] = [];
    // as the agent does: every declared input is set, to its default unless the step gives it
    const values = Object.fromEntries(task.inputs.map((i) => [i.name, given[i.name] ?? i.defaultValue ?? '']));
    const all = { ...endpoints, ...extra };
    const result = () =>
      readInputs({
        get: (n) => values[n] ?? '',
        endpoint: (id) => all[id],
        variable: (n) => variables[n],
        secret: (v) => secrets.push(v),
        resolvePath: (p) => path.resolve('/work', p),
      });
    return { result, secrets };
  };
  const arm = (scheme: string, params: Record<string, string>): Endpoint => ({
    scheme,
    params: { tenantid: 't', serviceprincipalid: 'c', ...params },
    data: (k) => (k === 'subscriptionId' ? 'sub-1' : undefined),
  });

  it('the defaults of task.json make a valid `run` of modelship.yaml', () => {
    expect(read({}).result()).toEqual({
      command: 'run',
      configFile: 'modelship.yaml',
      modelVersion: undefined,
      workingDirectory: '/work',
      force: false,
      azure: undefined,
      azureSubscriptionId: undefined,
      kubernetes: undefined,
      registry: undefined,
      endpointKey: undefined,
      webhookPayload: undefined,
    });
  });

  it('reads the Docker registry connection and registers its password as a secret', () => {
    const r = read({ dockerRegistryServiceConnection: REG, endpointKey: 'k3y', modelVersion: '4', force: 'True' });
    expect(r.result()).toMatchObject({
      registry: { connection: REG, server: 'r.example', username: 'u', password: 'p4ss' },
      endpointKey: 'k3y',
      modelVersion: '4',
      force: true,
    });
    expect(r.secrets.sort()).toEqual(['k3y', 'p4ss']);
  });

  describe('Kubernetes service connections', () => {
    const K8S = 'aks-conn';
    const k8s = (type: string | undefined, params: Record<string, string>, url?: string): Endpoint => ({
      url,
      scheme: 'Token',
      params,
      data: (k) => (k === 'authorizationType' ? type : undefined),
    });

    it('Kubeconfig: the file itself (a secret) and the chosen context', () => {
      const r = read(
        { kubernetesServiceConnection: K8S },
        { [K8S]: k8s('Kubeconfig', { kubeconfig: 'apiVersion: v1\nkind: Config\n', clusterContext: 'prod' }) },
      );
      expect(r.result().kubernetes).toEqual({
        connection: K8S,
        type: 'Kubeconfig',
        kubeconfig: 'apiVersion: v1\nkind: Config\n',
        context: 'prod',
      });
      expect(r.secrets).toEqual(['apiVersion: v1\nkind: Config\n']);
    });

    it('ServiceAccount: the server URL, the base64 token decoded, both forms masked', () => {
      const token = 'eyJhbGciOi.sa-token';
      const encoded = Buffer.from(token).toString('base64');
      const r = read(
        { kubernetesServiceConnection: K8S },
        { [K8S]: k8s('ServiceAccount', { apiToken: encoded, serviceAccountCertificate: 'Q0EK' }, 'https://aks.example:443') },
      );
      expect(r.result().kubernetes).toEqual({
        connection: K8S,
        type: 'ServiceAccount',
        server: 'https://aks.example:443',
        token,
        certificateAuthorityData: 'Q0EK',
        acceptUntrustedCerts: false,
      });
      expect(r.secrets.sort()).toEqual([encoded, token].sort());
    });

    it('AzureSubscription connections are refused with what to use instead', () => {
      const r = read({ kubernetesServiceConnection: K8S }, { [K8S]: k8s('AzureSubscription', {}) });
      expect(r.result).toThrow(
        /uses AzureSubscription authorization; modelship takes Kubeconfig or Service Account connections \(for AKS with Azure sign-in, set target\.kubernetes\.auth: azure/,
      );
    });
  });

  it('workload identity federation: an AzurePipelinesCredential for the connection, System.AccessToken masked', async () => {
    const r = read({ azureSubscription: ARM }, { [ARM]: arm('WorkloadIdentityFederation', {}) }, { 'System.AccessToken': 'tok3n' });
    const inputs = r.result();
    expect(inputs.azure).toEqual({
      scheme: 'WorkloadIdentityFederation',
      connection: ARM,
      tenantId: 't',
      clientId: 'c',
      systemAccessToken: 'tok3n',
    });
    expect(inputs.azureSubscriptionId).toBe('sub-1');
    expect(r.secrets).toEqual(['tok3n']);
    const saved = process.env.SYSTEM_OIDCREQUESTURI;
    process.env.SYSTEM_OIDCREQUESTURI = 'http://127.0.0.1:9/oidc';
    try {
      await expect(azureCredential(inputs.azure!)).resolves.toBeInstanceOf(AzurePipelinesCredential);
    } finally {
      if (saved === undefined) delete process.env.SYSTEM_OIDCREQUESTURI;
      else process.env.SYSTEM_OIDCREQUESTURI = saved;
    }
    expect(() => read({ azureSubscription: ARM }, { [ARM]: arm('WorkloadIdentityFederation', {}) }).result()).toThrow(
      /needs the job's System.AccessToken/,
    );
  });

  it('a service principal with a secret: a ClientSecretCredential, the secret masked', async () => {
    const r = read(
      { azureSubscription: ARM },
      { [ARM]: arm('ServicePrincipal', { serviceprincipalkey: 's3cret', authenticationType: 'spnKey' }) },
    );
    const inputs = r.result();
    expect(inputs.azure).toMatchObject({ scheme: 'ServicePrincipal', clientSecret: 's3cret' });
    await expect(azureCredential(inputs.azure!)).resolves.toBeInstanceOf(ClientSecretCredential);
    expect(r.secrets).toEqual(['s3cret']);
  });

  it.each([
    [
      { command: 'deploy-production' },
      /input 'command' takes one of detect, build, deploy, smoke, rollout, promote, rollback, status, run \(got 'deploy-production'\)/,
    ],
    [{ modelVersion: 'a;b' }, /input 'modelVersion' takes a model version \(letters, digits/],
    [{ force: 'yes' }, /input 'force' takes true or false \(got 'yes'\)/],
    [{ dockerRegistryServiceConnection: 'gone' }, /input 'dockerRegistryServiceConnection': the agent passed no service connection 'gone'/],
  ])('refuses %p with a message that names the input', (given, message) => {
    expect(() => read(given).result()).toThrow(message);
  });

  it('refuses an AzureRM connection with a certificate, naming what it takes', () => {
    expect(() =>
      read({ azureSubscription: ARM }, { [ARM]: arm('ServicePrincipal', { authenticationType: 'spnCertificate' }) }).result(),
    ).toThrow(/takes workload identity federation or a service principal with a secret/);
  });

  it('registers the secrets before it can refuse another input', () => {
    const r = read({ command: 'nope', dockerRegistryServiceConnection: REG, endpointKey: 'k3y' });
    expect(r.result).toThrow(/input 'command'/);
    expect(r.secrets.sort()).toEqual(['k3y', 'p4ss']);
  });
});

describe('the webhook payload', () => {
  const event = (type: string, data: unknown) => ({
    id: '1',
    eventType: type,
    subject: 's',
    data,
    dataVersion: '2',
    metadataVersion: '1',
    eventTime: '2026-01-01T00:00:00Z',
  });

  it('empty: a poll', () => {
    expect(parseAzureDevOpsPayload(undefined)).toEqual({ kind: 'poll', source: 'a pipeline run without webhookPayload' });
    expect(parseAzureDevOpsPayload('  ')).toMatchObject({ kind: 'poll' });
  });

  it('an Event Grid ModelRegistered event, alone, in an array of one, or as a CloudEvent', () => {
    const e = event('Microsoft.MachineLearningServices.ModelRegistered', { modelName: 'm', modelVersion: '3' });
    const expected = { kind: 'version', model: 'm', version: '3', registration: true };
    expect(parseAzureDevOpsPayload(JSON.stringify(e))).toMatchObject(expected);
    expect(parseAzureDevOpsPayload(JSON.stringify([e]))).toMatchObject(expected);
    expect(
      parseAzureDevOpsPayload(
        JSON.stringify({
          specversion: '1.0',
          type: 'Microsoft.MachineLearningServices.ModelRegistered',
          data: { modelName: 'm', modelVersion: '3' },
        }),
      ),
    ).toMatchObject(expected);
    expect(parseAzureDevOpsPayload('{"model":"m","version":3}')).toMatchObject({
      kind: 'version',
      model: 'm',
      version: 3,
      registration: true,
    });
  });

  it.each([
    ['not json', /is not JSON; refused/],
    ['[]', /holds 0 events; refused/],
    ['"text"', /is not an object; refused/],
    [
      JSON.stringify(event('Microsoft.MachineLearningServices.ModelDeployed', {})),
      /"Microsoft.MachineLearningServices.ModelDeployed" event, not .*ModelRegistered; refused/,
    ],
    [
      JSON.stringify([event('Microsoft.EventGrid.SubscriptionValidationEvent', { validationUrl: 'https://x' })]),
      /subscription validation event.*refused/,
    ],
    ['{"hello":1}', /neither an Azure Event Grid ModelRegistered event nor \{ model, version \}; refused/],
  ])('refuses %s', (payload, message) => {
    expect(() => parseAzureDevOpsPayload(payload)).toThrow(message);
  });
});
