import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { formatDuration, parseDuration } from '../../shared/config/duration';
import { loadConfig, loadConfigText, resolveSteps } from '../../shared/config/load';
import schema from '../../shared/config/modelship.schema.json';
import { ModelshipConfig } from '../../shared/config/types';
import { ConfigError, ConfigIssue, formatConfigIssue } from '../../shared/errors';
import { malformedCases, writeFixtureFolder } from '../fixtures/config/malformed-cases';

const FULL = path.resolve(__dirname, '..', 'fixtures', 'config', 'full');
const ROOT = path.resolve(__dirname, '..', '..');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-config-'));
  writeFixtureFolder(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** the ConfigError a load throws; fails the test when the load succeeds or throws something else */
function issuesOf(load: () => unknown): ConfigIssue[] {
  try {
    load();
  } catch (err: unknown) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues;
  }
  throw new Error('expected a ConfigError, the config loaded');
}

const MINIMAL = `endpoint: diabetes
model:
  name: diabetes-model
serve:
  code: ./src
`;

describe('parseDuration / formatDuration', () => {
  it('reads ms, s, m and h, with decimals', () => {
    expect(['250ms', '1.5s', '30s', '5m', '1h', '0.5m', '0s'].map(parseDuration)).toEqual([
      250, 1500, 30_000, 300_000, 3_600_000, 30_000, 0,
    ]);
  });

  it('rejects anything else', () => {
    for (const text of ['30', '30 s', '30secs', '-5s', '1d', 's', '.5s', '5.s', ' 5s', '5S']) expect(parseDuration(text)).toBeUndefined();
  });

  it('formats with the largest exact unit, and reads back the same value', () => {
    const values = [0, 1, 250, 1000, 1500, 1234, 30_000, 90_000, 300_000, 3_600_000, 5_400_000];
    expect(values.map(formatDuration)).toEqual(['0ms', '1ms', '250ms', '1s', '1.5s', '1.234s', '30s', '90s', '5m', '1h', '90m']);
    for (const ms of values) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe('loadConfig: valid files', () => {
  it('loads a minimal config with every default', () => {
    const file = path.join(dir, 'modelship.yaml');
    const { config, warnings } = loadConfigText(MINIMAL, file);
    const expected: ModelshipConfig = {
      file,
      dir,
      endpoint: 'diabetes',
      model: { registry: 'local', name: 'diabetes-model', version: 'latest', tags: {}, local: { path: path.join(dir, 'registry') } },
      serve: {
        code: path.join(dir, 'src'),
        scoringScript: 'score.py',
        baseImage: 'python:3.11-slim',
        readyPath: '/',
        scorePath: '/score',
        readyTimeout: 60_000,
      },
      target: {
        kind: 'local',
        local: {
          runtime: 'process',
          port: 8080,
          stagingPort: 8081,
          stateDir: path.join(dir, '.modelship'),
          python: 'python3',
          passEnv: [],
        },
      },
      staging: { smoke: { cases: [], repeat: 5, timeout: 10_000 } },
      rollout: {
        strategy: 'canary',
        steps: [10, 50, 100],
        onCancel: 'rollback',
        bake: 30_000,
        mirror: 0,
        analysis: { interval: 5000, minRequests: 20, maxErrorRate: 0.01, compareToBaseline: false },
      },
    };
    expect(config).toStrictEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('loads a full config from its file: every key set, paths resolved from its folder', async () => {
    const file = path.join(FULL, 'modelship.yaml');
    const { config, warnings } = await loadConfig(file);
    const expected: ModelshipConfig = {
      file,
      dir: FULL,
      endpoint: 'diabetes',
      model: {
        registry: 'local',
        name: 'diabetes-model',
        version: 'latest',
        tags: { stage: 'approved' },
        local: { path: path.join(FULL, 'registry') },
      },
      serve: {
        code: path.join(FULL, 'src'),
        scoringScript: 'score.py',
        requirements: path.join(FULL, 'requirements.txt'),
        baseImage: 'python:3.12-slim',
        dockerfile: path.join(FULL, 'Dockerfile'),
        readyPath: '/healthz',
        scorePath: '/predict',
        readyTimeout: 90_000,
      },
      image: { repository: 'localhost:5000/models/diabetes' },
      target: {
        kind: 'local',
        local: {
          runtime: 'docker',
          port: 18080,
          stagingPort: 18090,
          stateDir: path.join(FULL, 'state'),
          python: path.join(FULL, 'venv', 'bin', 'python'),
          authKeyEnv: 'MODELSHIP_ENDPOINT_KEY',
          passEnv: ['FEATURE_STORE_URL', 'MODEL_CACHE_DIR'],
        },
      },
      staging: {
        smoke: {
          cases: [
            {
              name: 'known input',
              request: path.join(FULL, 'smoke', 'request.json'),
              expect: path.join(FULL, 'smoke', 'expected.json'),
              tolerance: 0.01,
            },
            { name: 'any answer', request: path.join(FULL, 'smoke', 'request.json'), tolerance: 0 },
          ],
          maxLatencyP95: 500,
          repeat: 3,
          timeout: 2000,
        },
      },
      rollout: {
        strategy: 'canary',
        steps: [10, 'pause', 50, 100],
        onCancel: 'rollback',
        bake: 60_000,
        mirror: 0,
        analysis: { interval: 5000, minRequests: 30, maxErrorRate: 0.02, maxLatencyP99: 800, compareToBaseline: true, probe: { rate: 20 } },
      },
    };
    expect(config).toStrictEqual(expected);
    expect(warnings.map(formatConfigIssue)).toEqual([]);
  });

  it('resolves relative paths from the config file, not from the working directory', () => {
    const relative = path.relative(process.cwd(), path.join(dir, 'modelship.yaml'));
    const { config } = loadConfigText(`${MINIMAL}  requirements: smoke/request.json\n`, relative);
    expect(config.serve.code).toBe(path.join(dir, 'src'));
    expect(config.serve.requirements).toBe(path.join(dir, 'smoke', 'request.json'));
    expect(config.file).toBe(path.join(dir, 'modelship.yaml'));
  });

  it('stagingPort defaults to port + 1; a bare python command stays a command', () => {
    const { config } = loadConfigText(`${MINIMAL}target:\n  local: { port: 9000, python: python3.11 }\n`, path.join(dir, 'm.yaml'));
    expect(config.target.local).toMatchObject({ port: 9000, stagingPort: 9001, python: 'python3.11' });
  });

  it('expands linear steps into N equal steps', () => {
    const load = (rollout: string) => loadConfigText(`${MINIMAL}rollout:\n${rollout}`, path.join(dir, 'm.yaml')).config.rollout.steps;
    expect(load('  strategy: linear\n  steps: 4\n')).toEqual([25, 50, 75, 100]);
    expect(load('  strategy: linear\n  steps: 3\n')).toEqual([33, 67, 100]);
    expect(load('  strategy: linear\n  steps: 1\n')).toEqual([100]);
    expect(load('  strategy: linear\n')).toEqual([25, 50, 75, 100]);
    expect(resolveSteps('linear', 20)).toEqual(Array.from({ length: 20 }, (_, i) => 5 * (i + 1)));
  });

  it('keeps canary steps as given and gives blue-green and all-at-once no steps', () => {
    const load = (rollout: string) => loadConfigText(`${MINIMAL}rollout:\n${rollout}`, path.join(dir, 'm.yaml')).config.rollout;
    expect(load('  steps: [5, pause, 40]\n').steps).toEqual([5, 'pause', 40]);
    expect(load('  strategy: all-at-once\n').steps).toEqual([]);
    const blueGreen = load('  strategy: blue-green\n  mirror: 20\n');
    expect(blueGreen).toMatchObject({ strategy: 'blue-green', steps: [], mirror: 20 });
    expect(load('  strategy: blue-green\n  analysis: { probe: { rate: 5 } }\n').analysis.probe).toEqual({ rate: 5 });
  });

  it('warns about a mirror that only a blue-green preview would use', () => {
    const { warnings } = loadConfigText(`${MINIMAL}rollout:\n  mirror: 10\n`, path.join(dir, 'm.yaml'));
    expect(warnings).toEqual([
      expect.objectContaining({ line: 7, path: 'rollout.mirror', message: expect.stringMatching(/blue-green preview only/) as unknown }),
    ]);
  });

  it.each(['local', 'local-docker', 'azureml', 'azureml-endpoint', 'mlflow'])(
    'loads the %s example of workflows-examples',
    async (name) => {
      const { config } = await loadConfig(path.join(ROOT, 'workflows-examples', name, 'modelship.yaml'));
      expect(config.model.name).toBe('diabetes-model');
    },
  );
});

describe('loadConfig: malformed files', () => {
  it('has at least 20 cases with distinct names', () => {
    expect(malformedCases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(malformedCases.map((c) => c.name)).size).toBe(malformedCases.length);
  });

  it.each(malformedCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const file = path.join(dir, 'modelship.yaml');
    fs.writeFileSync(file, c.yaml);
    let error: unknown;
    await loadConfig(file).catch((err: unknown) => {
      error = err;
    });
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    // one problem, one issue: no cascades
    expect(issues.map(formatConfigIssue)).toHaveLength(1);
    const [issue] = issues;
    expect({ line: issue.line, path: issue.path }).toEqual({ line: c.line, path: c.key });
    expect(issue.file).toBe(file);
    expect(issue.message).toMatch(c.message);
    expect(formatConfigIssue(issue).startsWith(`${file}:${c.line}:${issue.col} ${c.key}`)).toBe(true);
    expect((error as ConfigError).message).toBe(formatConfigIssue(issue));
  });

  it('points at the key for an unknown key, at the value for a wrong value, at the mapping for a missing key', () => {
    const file = path.join(dir, 'm.yaml');
    const issues = issuesOf(() =>
      loadConfigText(
        `endpoint: diabetes
model:
  name: diabetes-model
serve:
    scoringScript: score.py
target:
  local: { port: 0, portt: 1 }
`,
        file,
      ),
    );
    expect(issues.map(formatConfigIssue)).toEqual([
      `${file}:5:5 serve.code: missing required key 'code'`,
      `${file}:7:18 target.local.port: must be an integer from 1 to 65535 (got 0)`,
      `${file}:7:21 target.local.portt: unknown key 'portt' (allowed: runtime, port, stagingPort, stateDir, python, auth, passEnv)`,
    ]);
  });

  it('reports every problem of a file at once, in file order', () => {
    const file = path.join(dir, 'm.yaml');
    const issues = issuesOf(() =>
      loadConfigText(
        `endpoint: Diabetes
model:
  registry: azureml
  name: diabetes-model
  tags: { stage: 1 }
serve:
  code: ./src
  scoringScript: predict.py
  readyTimeout: 30
target:
  local: { port: 70000, runtime: docker }
staging:
  smoke:
    cases:
      - { name: a, request: smoke/bad.json }
      - { name: a, request: smoke/missing.json }
rollout:
  stratgy: canary
  steps: [pause, 50, 50, 101]
  bake: 30 secs
  analysis:
    interval: 0s
`,
        file,
      ),
    );
    expect(issues.map((i) => `${i.line} ${i.path}`)).toEqual([
      '1 endpoint',
      '3 model.registry',
      '5 model.tags.stage',
      '8 serve.scoringScript',
      '9 serve.readyTimeout',
      '11 target.local.port',
      '11 target.local.runtime',
      '15 staging.smoke.cases[0].request',
      '16 staging.smoke.cases[1].name',
      '16 staging.smoke.cases[1].request',
      '18 rollout.stratgy',
      '19 rollout.steps[0]',
      '19 rollout.steps[2]',
      '19 rollout.steps[3]',
      '20 rollout.bake',
      '22 rollout.analysis.interval',
    ]);
    expect(issuesOf(() => loadConfigText('endpoint: x\n', file)).map((i) => i.path)).toEqual(['model', 'serve']);
  });

  it('reports several YAML errors and duplicate keys with their lines', () => {
    const file = path.join(dir, 'm.yaml');
    const issues = issuesOf(() =>
      loadConfigText(`${MINIMAL}rollout:\n  bake: 5s\n  bake: 6s\nstaging:\n  smoke: { repeat: 2, repeat: 3 }\n`, file),
    );
    expect(issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`)).toEqual([
      "8:3 rollout.bake: duplicate key 'bake' (a key may appear once per mapping)",
      "10:23 staging.smoke.repeat: duplicate key 'repeat' (a key may appear once per mapping)",
    ]);
  });

  it('does not report a file that cannot be read as a config problem', async () => {
    await expect(loadConfig(path.join(dir, 'missing.yaml'))).rejects.toThrow(/ENOENT/);
    await expect(loadConfig(path.join(dir, 'missing.yaml'))).rejects.not.toBeInstanceOf(ConfigError);
  });
});

describe('modelship.schema.json', () => {
  type SchemaObject = Record<string, unknown>;
  const isObject = (v: unknown): v is SchemaObject => v !== null && typeof v === 'object' && !Array.isArray(v);

  /** every schema node with its location, following properties, items and definitions */
  function nodes(
    node: unknown,
    at: string,
    out: Array<{ at: string; node: SchemaObject }> = [],
  ): Array<{ at: string; node: SchemaObject }> {
    if (!isObject(node)) return out;
    out.push({ at, node });
    if (isObject(node.properties)) for (const [k, v] of Object.entries(node.properties)) nodes(v, `${at}.${k}`, out);
    if (isObject(node.items)) nodes(node.items, `${at}[]`, out);
    if (isObject(node.definitions)) for (const [k, v] of Object.entries(node.definitions)) nodes(v, `#${k}`, out);
    return out;
  }

  it('is a valid draft-07 schema with an $id, a title and a description', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('https://modelship.dev/schema/modelship.schema.json');
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.any(String));
  });

  it('closes every mapping and describes every key', () => {
    for (const { at, node } of nodes(schema, '')) {
      if (node.properties) expect({ at, additionalProperties: node.additionalProperties }).toEqual({ at, additionalProperties: false });
      if (!at.startsWith('#') && at !== '') expect({ at, description: typeof node.description }).toEqual({ at, description: 'string' });
    }
  });

  it('documents the defaults the loader applies', () => {
    const { config } = loadConfigText(MINIMAL, path.join(dir, 'modelship.yaml'));
    const resolvedPaths = new Set(['.model.local.path', '.target.local.stateDir']);
    let checked = 0;
    for (const { at, node } of nodes(schema, '')) {
      // the kubernetes target's defaults: test/unit/kubernetes/config.test.ts; the azureml target's: test/unit/azureml/; the azureml registry's: below
      if (
        !('default' in node) ||
        at.includes('[]') ||
        at.startsWith('.target.kubernetes') ||
        at.startsWith('.target.azureml') ||
        at.startsWith('.rollout.shadow') ||
        at.startsWith('.model.azureml') ||
        at.startsWith('.model.mlflow')
      )
        continue;
      let value: unknown = config;
      for (const key of at.slice(1).split('.')) value = (value as Record<string, unknown>)[key];
      let documented = node.default;
      if (typeof documented === 'string' && parseDuration(documented) !== undefined) documented = parseDuration(documented);
      if (typeof documented === 'string' && resolvedPaths.has(at)) documented = path.resolve(dir, documented);
      if (isObject(documented)) expect(value).toEqual(expect.objectContaining(documented));
      else expect({ at, value }).toEqual({ at, value: documented });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(25);
  });
});

describe('model.registry: azureml', () => {
  const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
  /** a valid file with registry azureml and `block` (indented under model) */
  const withAzureml = (block: string, version = 'latest') => `endpoint: diabetes
model:
  registry: azureml
  name: diabetes-model
  version: ${version}
  tags: { stage: approved }
${block}serve:
  code: ./src
`;

  it('resolves a workspace with the defaults: the public cloud, the cache under the config folder', () => {
    const file = path.join(dir, 'modelship.yaml');
    const { config, warnings } = loadConfigText(
      withAzureml(`  azureml:
    subscriptionId: ${SUBSCRIPTION}
    resourceGroup: ml-rg
    workspace: prod-ws
`),
      file,
    );
    expect(config.model).toStrictEqual({
      registry: 'azureml',
      name: 'diabetes-model',
      version: 'latest',
      tags: { stage: 'approved' },
      local: { path: path.join(dir, 'registry') },
      azureml: {
        subscriptionId: SUBSCRIPTION,
        resourceGroup: 'ml-rg',
        workspace: 'prod-ws',
        resourceManagerUrl: 'https://management.azure.com',
        cacheDir: path.join(dir, '.modelship', 'model-cache'),
      },
    });
    // the values the schema documents as defaults
    const props = schema.properties.model.properties.azureml.properties;
    expect(config.model.azureml?.resourceManagerUrl).toBe(props.resourceManagerUrl.default);
    expect(config.model.azureml?.cacheDir).toBe(path.resolve(dir, props.cacheDir.default));
    expect(warnings).toEqual([]);
  });

  it('reads every setting: a registry, a stage, a sovereign cloud (without its trailing slash), a cache folder', () => {
    const relative = path.relative(process.cwd(), path.join(dir, 'modelship.yaml'));
    const { config } = loadConfigText(
      withAzureml(
        `  azureml:
    subscriptionId: ${SUBSCRIPTION.replace(/0/g, 'a')}
    resourceGroup: ml-rg.prod(1)
    registryName: shared-models
    stage: Production
    resourceManagerUrl: https://management.chinacloudapi.cn/
    cacheDir: ../model-cache
`,
        '"2024-05-01.1"',
      ),
      relative,
    );
    expect(config.model.version).toBe('2024-05-01.1');
    expect(config.model.azureml).toStrictEqual({
      subscriptionId: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
      resourceGroup: 'ml-rg.prod(1)',
      registryName: 'shared-models',
      stage: 'Production',
      resourceManagerUrl: 'https://management.chinacloudapi.cn',
      // relative to the config file's folder, not to the working directory
      cacheDir: path.resolve(dir, '..', 'model-cache'),
    });
  });

  it('takes a flow mapping and a numeric version', () => {
    const { config } = loadConfigText(
      withAzureml(
        `  azureml: { subscriptionId: ${SUBSCRIPTION}, resourceGroup: ml-rg, workspace: prod-ws, resourceManagerUrl: 'https://management.usgovcloudapi.net' }\n`,
        '3',
      ),
      path.join(dir, 'm.yaml'),
    );
    expect(config.model.version).toBe('3');
    expect(config.model.azureml?.resourceManagerUrl).toBe('https://management.usgovcloudapi.net');
  });

  it('has no azureml settings with the local registry', () => {
    const { config } = loadConfigText(MINIMAL, path.join(dir, 'm.yaml'));
    expect(config.model.registry).toBe('local');
    expect('azureml' in config.model).toBe(false);
  });

  it.each([
    ['a', true],
    ['a'.repeat(90), true],
    ['Ml_Rg-(prod).1', true],
    ['a'.repeat(91), false],
    ['ml-rg.', false],
    ['ml rg', false],
    ['ml/rg', false],
  ])('resourceGroup %s is accepted: %s', (group, ok) => {
    const yaml = withAzureml(`  azureml: { subscriptionId: ${SUBSCRIPTION}, resourceGroup: '${group}', workspace: prod-ws }\n`);
    if (ok) expect(loadConfigText(yaml, path.join(dir, 'm.yaml')).config.model.azureml?.resourceGroup).toBe(group);
    else expect(issuesOf(() => loadConfigText(yaml, path.join(dir, 'm.yaml'))).map((i) => i.path)).toEqual(['model.azureml.resourceGroup']);
  });

  it('reports every azureml problem of a file at once', () => {
    const file = path.join(dir, 'm.yaml');
    const issues = issuesOf(() =>
      loadConfigText(
        withAzureml(`  azureml:
    subscriptionId: not-a-guid
    resourceGroup: ml-rg
    workspace: prod-ws
    registryName: shared-models
    resourceManagerUrl: https://management.azure.com/x
`),
        file,
      ),
    );
    expect(issues.map((i) => `${i.line}:${i.col} ${i.path}`)).toEqual([
      '8:5 model.azureml',
      '8:21 model.azureml.subscriptionId',
      '12:25 model.azureml.resourceManagerUrl',
    ]);
  });
});

describe('defaults: written once, in the schema', () => {
  type Json = Record<string, unknown>;
  const file = () => path.join(dir, 'modelship.yaml');

  /** a copy of the shipped schema with other values for defaults it has; `changes` maps a JSON pointer into the schema to a value */
  function schemaWith(changes: Record<string, unknown>): object {
    const copy = structuredClone(schema) as unknown as Json;
    for (const [pointer, value] of Object.entries(changes)) {
      let node = copy;
      for (const part of pointer.split('/').slice(1)) node = node[part] as Json;
      // only an existing default is changed: the test adds none
      expect({ pointer, has: 'default' in node }).toEqual({ pointer, has: true });
      node.default = value;
    }
    return copy;
  }
  const prop = (...keys: string[]) => keys.map((k) => `/properties/${k}`).join('');
  const stepsOf = (strategy: number) => `${prop('rollout')}/allOf/${strategy}/then/properties/steps`;

  it('a changed default in the schema changes the loaded config, and nothing else does', () => {
    const shipped = loadConfigText(MINIMAL, file()).config;
    const modified = schemaWith({
      [prop('model', 'local', 'path')]: './models',
      [prop('serve', 'baseImage')]: 'python:3.12-slim',
      [prop('serve', 'readyPath')]: '/healthz',
      [prop('serve', 'readyTimeout')]: '2m',
      [prop('target', 'local', 'port')]: 9000,
      [prop('target', 'local', 'stateDir')]: '.state',
      [prop('target', 'local', 'python')]: './venv/bin/python',
      [prop('staging', 'smoke', 'repeat')]: 7,
      [prop('staging', 'smoke', 'timeout')]: '1500ms',
      [stepsOf(0)]: [20, 100],
      [prop('rollout', 'bake')]: '45s',
      [prop('rollout', 'analysis', 'interval')]: '15s',
      [prop('rollout', 'analysis', 'minRequests')]: 50,
      [prop('rollout', 'analysis', 'maxErrorRate')]: 0.05,
    });
    const { config } = loadConfigText(MINIMAL, file(), { schema: modified });
    expect(config).toStrictEqual({
      ...shipped,
      model: { ...shipped.model, local: { path: path.join(dir, 'models') } },
      serve: { ...shipped.serve, baseImage: 'python:3.12-slim', readyPath: '/healthz', readyTimeout: 120_000 },
      target: {
        ...shipped.target,
        // stagingPort follows port: the one default computed in code, from the other
        local: {
          ...shipped.target.local,
          port: 9000,
          stagingPort: 9001,
          stateDir: path.join(dir, '.state'),
          python: path.join(dir, 'venv', 'bin', 'python'),
        },
      },
      staging: { smoke: { ...shipped.staging.smoke, repeat: 7, timeout: 1500 } },
      rollout: {
        ...shipped.rollout,
        steps: [20, 100],
        bake: 45_000,
        analysis: { ...shipped.rollout.analysis, interval: 15_000, minRequests: 50, maxErrorRate: 0.05 },
      },
    });
    // the shipped schema is untouched: a load without the option has its defaults
    expect(loadConfigText(MINIMAL, file()).config).toStrictEqual(shipped);
  });

  it('a defaulted strategy gets the steps the schema gives that strategy', () => {
    const linear = schemaWith({ [prop('rollout', 'strategy')]: 'linear' });
    expect(loadConfigText(MINIMAL, file(), { schema: linear }).config.rollout).toMatchObject({
      strategy: 'linear',
      steps: [25, 50, 75, 100],
    });
    const fiveSteps = schemaWith({ [prop('rollout', 'strategy')]: 'linear', [stepsOf(1)]: 5 });
    expect(loadConfigText(MINIMAL, file(), { schema: fiveSteps }).config.rollout.steps).toEqual([20, 40, 60, 80, 100]);
    expect(resolveSteps('linear', undefined)).toEqual([25, 50, 75, 100]);
    expect(resolveSteps('canary', undefined)).toEqual([10, 50, 100]);
  });

  it('the checks read the defaults from the schema too', () => {
    // the default interval is what a bake is compared with
    const interval = schemaWith({ [prop('rollout', 'analysis', 'interval')]: '10s' });
    expect(issuesOf(() => loadConfigText(`${MINIMAL}rollout:\n  bake: 8s\n`, file(), { schema: interval })).map((i) => i.message)).toEqual([
      "must be at least rollout.analysis.interval, 10s by default (got '8s')",
    ]);
    expect(loadConfigText(`${MINIMAL}rollout:\n  bake: 8s\n`, file()).config.rollout.bake).toBe(8000);
    // the default scoring script is the one looked for
    const script = schemaWith({ [prop('serve', 'scoringScript')]: 'predict.py' });
    expect(issuesOf(() => loadConfigText(MINIMAL, file(), { schema: script })).map((i) => i.message)).toEqual([
      expect.stringMatching(/^no scoring script 'predict\.py' in this folder/),
    ]);
    // the default port leaves no room for the staging port
    const port = schemaWith({ [prop('target', 'local', 'port')]: 65535 });
    expect(issuesOf(() => loadConfigText(MINIMAL, file(), { schema: port })).map((i) => i.path)).toEqual(['target.local.port']);
  });

  it('the kubernetes target and the azureml registry take theirs from the schema', () => {
    const k8s = prop('target', 'kubernetes');
    const modified = schemaWith({
      [`${k8s}${prop('leaseSeconds')}`]: 60,
      [`${k8s}${prop('replicas')}`]: 3,
      [`${k8s}${prop('resources', 'memory')}`]: '1Gi',
      [`${k8s}${prop('ingress', 'className')}`]: 'traefik',
      [`${k8s}${prop('scaleDownDelay')}`]: '45s',
      [prop('model', 'azureml', 'resourceManagerUrl')]: 'https://management.usgovcloudapi.net/',
      [prop('model', 'azureml', 'cacheDir')]: '.cache/models',
    });
    const yaml = `endpoint: diabetes
model:
  registry: azureml
  name: diabetes-model
  azureml: { subscriptionId: 00000000-0000-0000-0000-000000000000, resourceGroup: ml-rg, workspace: prod-ws }
serve:
  code: ./src
image:
  repository: registry.example/models/diabetes
target:
  kind: kubernetes
  kubernetes:
    routing: nginx-ingress
    prometheus: { url: http://prometheus:9090 }
`;
    const { config } = loadConfigText(yaml, file(), { schema: modified });
    expect(config.target.kubernetes).toMatchObject({
      leaseSeconds: 60,
      replicas: 3,
      resources: { cpu: '250m', memory: '1Gi' },
      ingress: { className: 'traefik', path: '/' },
      scaleDownDelay: 45_000,
    });
    expect(config.model.azureml).toMatchObject({
      resourceManagerUrl: 'https://management.usgovcloudapi.net',
      cacheDir: path.join(dir, '.cache', 'models'),
    });
  });

  it('no default is written in the loader: its sources quote no string the schema has as a default', () => {
    const sources = ['load.ts', 'resolve.ts', 'defaults.ts', 'schema.ts', 'yaml-source.ts', 'issues.ts', 'semantic']
      .flatMap((name) => {
        const p = path.join(ROOT, 'shared', 'config', name);
        return fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p];
      })
      .map((p) => fs.readFileSync(p, 'utf8'))
      .join('\n');
    const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
    const defaults: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (isObject(node)) {
        // (an enum's values are compared in code: they are not defaults there)
        if (typeof node.default === 'string' && node.default.length > 1 && !node.enum) defaults.push(node.default);
        Object.values(node).forEach(walk);
      }
    };
    walk(schema);
    expect(defaults.length).toBeGreaterThanOrEqual(15);
    for (const value of defaults) expect({ value, quoted: sources.includes(`'${value}'`) }).toEqual({ value, quoted: false });
  });
});

describe('rollout.shadow', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'shadow.yaml');
    fs.mkdirSync(path.join(dir, 'shadow'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'shadow', 'requests.jsonl'), '{"data":[1]}\n');
  });

  it('resolves the documented defaults and the requests file from the config folder', () => {
    const { config } = loadConfigText(`${MINIMAL}rollout:\n  shadow: { requests: shadow/requests.jsonl }\n`, file);
    const props = schema.properties.rollout.properties.shadow.properties;
    expect(config.rollout.shadow).toStrictEqual({
      requests: path.join(dir, 'shadow', 'requests.jsonl'),
      paths: props.compare.properties.paths.default,
      tolerance: props.compare.properties.tolerance.default,
      minAgreement: props.minAgreement.default,
      minSamples: props.minSamples.default,
      confidence: props.confidence.default,
      driftAlpha: props.driftAlpha.default,
      concurrency: props.concurrency.default,
      reportBodies: props.reportBodies.default,
      mirror: 0,
      durationMs: parseDuration(props.duration.default),
    });
    expect(props.duration.default).toBe('5m');
    expect(loadConfigText(MINIMAL, file).config.rollout.shadow).toBeUndefined();
  });

  it('names a missing requests file, a script in a path, a bad duration, and a mirror no router of the target can pair', () => {
    const issues = issuesOf(() =>
      loadConfigText(`${MINIMAL}rollout:\n  shadow:\n    requests: nope.jsonl\n    compare: { paths: ['$.a[?(@.x)]'] }\n`, file),
    );
    expect(issues.map((i) => `${i.line} ${i.path}: ${i.message}`)).toEqual([
      expect.stringMatching(/^8 rollout\.shadow\.requests: file 'nope\.jsonl' does not exist/),
      expect.stringMatching(/^9 rollout\.shadow\.compare\.paths\[0\]: JSONPath filter and script expressions/),
    ]);
    const local = loadConfigText(`${MINIMAL}rollout:\n  shadow: { mirror: 20, duration: 2m }\n`, file);
    expect(local.warnings).toEqual([]);
    expect(local.config.rollout.shadow).toMatchObject({ mirror: 20, durationMs: 120_000 });
    expect(issuesOf(() => loadConfigText(`${MINIMAL}rollout:\n  shadow: { mirror: 20, duration: 0s }\n`, file))).toEqual([
      expect.objectContaining({ line: 7, path: 'rollout.shadow.duration', message: "must be a duration greater than 0 (got '0s')" }),
    ]);
    expect(issuesOf(() => loadConfigText(`${MINIMAL}rollout:\n  shadow: { mirror: 101 }\n`, file)).map((i) => i.path)).toEqual([
      'rollout.shadow.mirror',
    ]);
  });
});
