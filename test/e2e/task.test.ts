import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { runCli } from '../helpers/cli';
import { freePorts, makeProject, quickRolloutConfig, TestProject } from '../helpers/project';
import {
  TASK_DIR,
  TASK_DIST,
  TaskOptions,
  TaskRun,
  commandsOf,
  dockerRegistryConnection,
  runTask as runAgentTask,
} from '../helpers/task-runner';
import { FakeKube, startFakeKube } from '../contract/fakes/fake-kube';

/**
 * The bundled Azure Pipelines task (tasks/ModelshipV1/dist/main.js) run with node the way
 * the agent runs it (test/helpers/task-runner.ts): every declared input as INPUT_<NAME>, a
 * Docker registry service connection as ENDPOINT_* variables, AGENT_TEMPDIRECTORY and
 * SYSTEM_DEFAULTWORKINGDIRECTORY; against the local target with the process runtime. The
 * agent reads `##vso[...]` logging commands from stdout.
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(TASK_DIR, '..', '..');

/** the service connection's password; the config's smoke case is named after it, so log lines and the summary would show it unmasked */
const REGISTRY_PASSWORD = 'rp-8e21c0d4-never-printed';
const REGISTRY_CONNECTION = 'd0c4e1f2-5a6b-4c7d-8e9f-00000000d0c4';
const registryConnection = dockerRegistryConnection({
  id: REGISTRY_CONNECTION,
  registry: 'registry.example.test',
  username: 'ci-bot',
  password: REGISTRY_PASSWORD,
});

const runs: TaskRun[] = [];

/** a step of this file, with the Docker registry connection; every run is kept for the check on secrets */
async function runTask(cwd: string, inputs: Record<string, string>, more: Pick<TaskOptions, 'connections' | 'env'> = {}): Promise<TaskRun> {
  const run = await runAgentTask({ cwd, inputs, connections: [registryConnection, ...(more.connections ?? [])], env: more.env });
  runs.push(run);
  return run;
}

const eventGrid = (modelName: string, modelVersion: string) =>
  JSON.stringify([
    {
      id: '6f1d9d6e-0000-4000-8000-000000000002',
      topic: '/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws',
      subject: `models/${modelName}:${modelVersion}`,
      eventType: 'Microsoft.MachineLearningServices.ModelRegistered',
      eventTime: '2026-01-01T10:00:00Z',
      data: { modelName, modelVersion, modelTags: {}, modelProperties: {} },
      dataVersion: '2',
      metadataVersion: '1',
    },
  ]);

/** versions are strings through the core (the local registry numbers them '1', '2', ...) */
async function servingVersion(project: TestProject): Promise<string | undefined> {
  const status = JSON.parse((await runCli(['status', '--json', '-c', project.configFile])).stdout) as {
    production: { traffic: Record<string, number>; deployments: Array<{ name: string; model: { version: string } }> };
  };
  return status.production.deployments.find((d) => status.production.traffic[d.name] === 100)?.model.version;
}

describe('the bundled task on the local target', () => {
  let project: TestProject;
  const step = (inputs: Record<string, string>) =>
    runTask(project.dir, { configFile: 'modelship.yaml', dockerRegistryServiceConnection: REGISTRY_CONNECTION, ...inputs });

  beforeAll(async () => {
    const [port, stagingPort] = await freePorts(2);
    project = makeProject(quickRolloutConfig(port, stagingPort).replace('name: sum,', `name: "sum (${REGISTRY_PASSWORD})",`), 'ms-task-');
    for (const m of ['good1', 'good2', 'failing'])
      expect((await runCli(['model', 'register', '--path', project.models(m), '-c', project.configFile])).code).toBe(0);
  });

  afterAll(async () => {
    if (project) await runCli(['down', '-c', project.configFile]);
  });

  it('a wrong input fails the step at once with a clear error and result=failed', async () => {
    const r = await runTask(os.tmpdir(), { command: 'deploi' });
    expect(r.complete).toEqual({
      result: 'Failed',
      message: "input 'command' takes one of detect, build, deploy, smoke, rollout, promote, rollback, status, run (got 'deploi')",
    });
    expect(r.outputs.result).toBe('failed');
    // the agent reads the result from the logging command, not the exit code: the task never calls process.exit
    expect(r.code).toBe(0);
  });

  it('an invalid config is reported as an error issue on the file and line of the problem', async () => {
    const bad = path.join(project.dir, 'bad.yaml');
    fs.writeFileSync(bad, fs.readFileSync(project.configFile, 'utf8').replace('strategy: canary', 'strategy: sideways'));
    const line =
      fs
        .readFileSync(bad, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('sideways')) + 1;
    const r = await step({ command: 'run', configFile: 'bad.yaml' });
    expect(r.stdout).toMatch(
      new RegExp(
        `^##vso\\[task\\.logissue type=error;sourcepath=${bad.replace(/[.]/g, '\\.')};linenumber=${line};columnnumber=\\d+;\\]rollout\\.strategy: must be one of`,
        'm',
      ),
    );
    expect(r.complete).toEqual({ result: 'Failed', message: 'invalid configuration bad.yaml: 1 problem, reported above' });
  });

  it('the modelVersion input ships v1: promoted, output variables set, the summary uploaded', async () => {
    const r = await step({ command: 'run', modelVersion: '1' });
    expect(r.complete?.result).toBe('Succeeded');
    expect(r.outputs).toMatchObject({ result: 'promoted', newVersion: 'true', modelName: 'test-model', modelVersion: '1' });
    expect(r.stdout).toMatch(/^##vso\[task\.setvariable variable=result;isOutput=true;issecret=false;\]promoted$/m);
    // the JSON report, in the agent's temp folder
    expect(r.outputs.report.startsWith(os.tmpdir())).toBe(true);
    expect(JSON.parse(fs.readFileSync(r.outputs.report, 'utf8'))).toMatchObject({ result: 'promoted', command: 'run' });
    for (const stage of ['detect', 'build', 'deploy staging', 'smoke', 'rollout']) expect(r.stdout).toContain(`##[group]${stage}\n`);
    expect(r.summaries).toHaveLength(1);
    const summary = fs.readFileSync(r.summaries[0], 'utf8');
    expect(summary).toContain('## modelship run: promoted test-model v1');
    expect(summary).toContain('| sum (***) | pass |');
    expect(r.stdout).toContain('container registry: user ci-bot from service connection');
    expect(await servingVersion(project)).toBe('1');
  });

  it('a webhook payload with an Event Grid ModelRegistered event selects v2, which is promoted', async () => {
    const r = await step({ command: 'run', webhookPayload: eventGrid('test-model', '2') });
    expect(r.stdout).toContain('started by Azure DevOps webhook (Azure Event Grid ModelRegistered): test-model v2');
    expect(r.complete?.result).toBe('Succeeded');
    expect(r.outputs).toMatchObject({ result: 'promoted', modelVersion: '2' });
    // the uploaded summary: the rollout table with a row per step
    const summary = fs.readFileSync(r.summaries[0], 'utf8');
    expect(summary).toContain('## modelship run: promoted test-model v2');
    expect(summary).toContain('| step | weight | requests | error rate | p99 | verdict |');
    expect(summary).toMatch(/\| 1\/2 \| 25% \| [\d,]+ \| [\d.]+% \| .+ \| pass \|/);
    expect(summary).toMatch(/\| 2\/2 \| 100% \| [\d,]+ \| [\d.]+% \| .+ \| pass \|/);
    expect(await servingVersion(project)).toBe('2');
  });

  it('a failing v3 is rolled back: the step ends Failed with the rollback reason', async () => {
    const r = await step({ command: 'run', webhookPayload: JSON.stringify({ model: 'test-model', version: 3 }) });
    expect(r.outputs).toMatchObject({ result: 'rolled-back', modelVersion: '3' });
    expect(r.complete?.result).toBe('Failed');
    expect(r.complete?.message).toMatch(/^step 1\/2 \(25%\): error rate [\d.]+% > 5.0% \(\d+ of \d+ requests failed\)/);
    const summary = fs.readFileSync(r.summaries[0], 'utf8');
    expect(summary).toContain('## modelship run: rolled-back test-model v3');
    expect(summary).toMatch(/\| 1\/2 \| 25% \| .* \| fail: error rate/);
    expect(await servingVersion(project)).toBe('2');
  });

  it('refuses a payload that names another model, or a version the registry does not have', async () => {
    const other = await step({ command: 'run', webhookPayload: eventGrid('fraud-model', '2') });
    expect(other.complete?.result).toBe('Failed');
    expect(other.complete?.message).toMatch(/names model "fraud-model", but this workflow ships 'test-model'.*refused/);
    expect(other.outputs.result).toBe('failed');
    const missing = await step({ command: 'run', webhookPayload: eventGrid('test-model', '9') });
    expect(missing.complete?.message).toMatch(/test-model v9, which is not in the local registry .*refused/);
    // a payload cannot write logging commands into the log
    const sneaky = await step({
      command: 'run',
      webhookPayload: JSON.stringify({ model: 'test-model', version: '##vso[task.complete result=Succeeded;]x' }),
    });
    expect(sneaky.complete?.result).toBe('Failed');
    expect(commandsOf(sneaky.stdout).filter((c) => c === 'task.complete')).toHaveLength(1);
    expect(await servingVersion(project)).toBe('2');
  });

  it('the registry password from the service connection is registered as a secret and never printed otherwise', () => {
    expect(runs.length).toBeGreaterThanOrEqual(6);
    for (const r of runs) {
      expect(r.stderr).not.toContain(REGISTRY_PASSWORD);
      for (const file of r.summaries) expect(fs.readFileSync(file, 'utf8')).not.toContain(REGISTRY_PASSWORD);
    }
    const shipped = runs.filter((r) => r.outputs.result === 'promoted');
    expect(shipped.length).toBeGreaterThan(0);
    for (const r of shipped) {
      expect(r.stdout.split('\n').filter((l) => l.includes(REGISTRY_PASSWORD))).toEqual([`##vso[task.setsecret]${REGISTRY_PASSWORD}`]);
      // the smoke case named after it shows masked
      expect(r.stdout).toContain("smoke 'sum (***)': pass");
      expect(fs.readFileSync(r.summaries[0], 'utf8')).toContain('| sum (***) | pass |');
    }
    for (const r of runs)
      expect(
        r.stdout.split('\n').filter((l) => l.includes(REGISTRY_PASSWORD) && l !== `##vso[task.setsecret]${REGISTRY_PASSWORD}`),
      ).toEqual([]);
  });
});

/** the entries of a zip file, read with node's zlib (stored and deflated entries) */
function readZip(file: string): Map<string, Buffer> {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('the bundled task with a Kubernetes service connection (FAKE API server)', () => {
  const K8S_CONNECTION = 'k8s-0000-4000-8000-00000000c0de';
  let fake: FakeKube;
  afterAll(async () => {
    await fake?.close();
  });

  it("a Service Account connection becomes the step's kubeconfig; its token is masked and never printed", async () => {
    fake = await startFakeKube();
    const project = makeProject(
      `endpoint: taskk8s
model:
  name: test-model
serve:
  code: ./src
image:
  repository: 127.0.0.1:5055/modelship-tests/task-k8s
target:
  kind: kubernetes
  kubernetes:
    namespace: models
rollout:
  analysis:
    probe: { rate: 5 }
`,
      'ms-task-k8s-',
    );
    const run = await runTask(
      project.dir,
      { command: 'status', kubernetesServiceConnection: K8S_CONNECTION },
      {
        // as the agent passes a Kubernetes service connection of type Service Account
        connections: [
          {
            id: K8S_CONNECTION,
            url: fake.url,
            scheme: 'Token',
            parameters: { apiToken: Buffer.from(fake.token).toString('base64') },
            data: { authorizationType: 'ServiceAccount', acceptUntrustedCerts: 'true' },
          },
        ],
      },
    );
    expect({ complete: run.complete, tail: run.complete?.result === 'Succeeded' ? '' : run.stdout.slice(-3000) }).toEqual({
      complete: { result: 'Succeeded', message: expect.any(String) as unknown },
      tail: '',
    });
    expect(run.stdout).toContain(`Kubernetes: ServiceAccount login from service connection ${K8S_CONNECTION}`);
    expect(run.stdout).toContain(`kubernetes: context ${K8S_CONNECTION} at ${fake.url}; production in namespace models`);
    expect(run.stdout).toContain('taskk8s: nothing deployed');
    // the API server saw the connection's token (the fake answers 401 otherwise) ...
    expect(fake.requests.some((r) => r.path.startsWith('/api/v1/namespaces/models/') && r.status === 200)).toBe(true);
    // ... and the log has it only in the command that tells the agent to mask it
    const lines = run.stdout.split('\n').filter((l) => l.includes(fake.token));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^##vso\[task\.setsecret\]/);
    expect(run.stderr).not.toContain(fake.token);
  });
});

describe('npm run package:extension', () => {
  it('writes a .vsix whose manifest contributes the task, holding task.json and the bundle', () => {
    const out = path.join(ROOT, 'dist', 'extension');
    fs.rmSync(out, { recursive: true, force: true });
    execFileSync('npm', ['run', '--silent', 'package:extension'], { cwd: ROOT, stdio: 'ignore' });
    const vsix = fs.readdirSync(out).filter((f) => f.endsWith('.vsix'));
    expect(vsix).toEqual(['modelship.modelship-1.0.0.vsix']);
    const zip = readZip(path.join(out, vsix[0]));
    const manifest = JSON.parse(zip.get('extension.vsomanifest')?.toString('utf8') ?? '{}') as {
      contributions?: Array<{ type: string; properties: { name: string } }>;
    };
    expect(manifest.contributions).toEqual([
      expect.objectContaining({ type: 'ms.vss-distributed-task.task', properties: { name: 'tasks/ModelshipV1' } }),
    ]);
    expect(zip.get('extension.vsixmanifest')?.toString('utf8')).toContain('Id="modelship"');
    const task = JSON.parse(zip.get('tasks/ModelshipV1/task.json')?.toString('utf8') ?? '{}') as { name?: string };
    expect(task.name).toBe('ModelshipV1');
    // the bundle, and nothing from node_modules: the task runs from its one file
    for (const f of ['main.js', 'endpoint-host.js', 'score_server.py', 'modelship-bundle.json'])
      expect(zip.has(`tasks/ModelshipV1/dist/${f}`)).toBe(true);
    expect([...zip.keys()].filter((k) => k.includes('node_modules'))).toEqual([]);
    expect(zip.get('tasks/ModelshipV1/dist/main.js')?.equals(fs.readFileSync(path.join(TASK_DIST, 'main.js')))).toBe(true);
  });
});
