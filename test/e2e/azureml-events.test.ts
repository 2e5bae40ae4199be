import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { parse } from 'yaml';
import { createClientAssertion } from '../contract/fakes/fake-entra';
import { ActionRun, StepOptions, errorAnnotations, runStep } from '../helpers/action-runner';
import { AzureWorld, SUBSCRIPTION_ID, TENANT_ID, startAzureWorld } from '../helpers/azure/azure-world';
import { azureChildEnv } from '../helpers/azure/azurite';
import { testCa } from '../helpers/azure/test-ca';
import { runCli } from '../helpers/cli';
import { TestProject, freePorts, makeProject, quickRolloutConfig } from '../helpers/project';
import {
  ServiceConnection,
  TaskOptions,
  TaskRun,
  azureRmConnection,
  declaredTaskInputs,
  dockerRegistryConnection,
  runTask,
} from '../helpers/task-runner';

/**
 * Azure Machine Learning ModelRegistered events through the bundled GitHub Action and the
 * bundled Azure Pipelines task (run as a runner and an agent run them: test/helpers/
 * action-runner.ts, task-runner.ts), with `model.registry: azureml`, on the local target with
 * the process runtime. Azure is a FAKE Entra ID and a FAKE Azure Resource Manager (Azure ML,
 * api-version 2024-10-01) with Azurite, the real storage emulator, as the workspace's
 * datastore (test/helpers/azure/azure-world.ts), all HTTPS on 127.0.0.1.
 *
 * The Azure login is each front end's own, with no stored secret where the front end has
 * none: the Action asks the runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) for the
 * job's token and hands it to Entra as a client assertion; the task's Azure Resource Manager
 * service connection with workload identity federation asks Azure DevOps' oidctoken endpoint
 * (SYSTEM_OIDCREQUESTURI, with System.AccessToken) likewise, and once with a service principal
 * secret. Both OIDC endpoints are served here, signing their tokens with keys the fake Entra ID
 * trusts for those issuers; the fake Entra ID exchanges them only for the federated
 * credentials registered on the app. Every child runs with the loopback-only guard.
 */
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MODEL_REGISTERED = 'Microsoft.MachineLearningServices.ModelRegistered';
const AZURE_AUDIENCE = 'api://AzureADTokenExchange';
const APPROVED = { stage: 'approved' };

/** GitHub Actions' OIDC issuer, and the subject of a job on the default branch of octo-org/models (repository_dispatch runs there) */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const GITHUB_SUBJECT = 'repo:octo-org/models:ref:refs/heads/main';
/** the runner's bearer for its OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_TOKEN) */
const RUNNER_REQUEST_TOKEN = `ghr-${crypto.randomBytes(16).toString('hex')}`;

/** the Azure DevOps organization (by id in the issuer, by name in the subject), project and service connections */
const ADO_ORG = 'contoso-ml';
const ADO_ORG_ID = 'a3f1c2d4-6b7e-4f80-9a1b-2c3d4e5f6a7b';
const ADO_PROJECT = 'models';
const ADO_PROJECT_ID = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
const ADO_ISSUER = `https://vstoken.dev.azure.com/${ADO_ORG_ID}`;
const WIF = { id: '5e0f7c1a-3b2d-4e6f-8a9b-0c1d2e3f4a01', name: 'ml-prod-federated' };
const SP = { id: '5e0f7c1a-3b2d-4e6f-8a9b-0c1d2e3f4a02', name: 'ml-prod-secret' };
const adoSubject = (connectionName: string): string => `sc://${ADO_ORG}/${ADO_PROJECT}/${connectionName}`;
/** the job's System.AccessToken: a JWT, as Azure DevOps issues it (so the check for unmasked JWTs covers it) */
const SYSTEM_ACCESS_TOKEN = createClientAssertion({
  issuer: 'app.vstoken.visualstudio.com',
  subject: `Build:${ADO_PROJECT_ID}`,
  audience: 'app.vstoken.visualstudio.com|vso:00000000-0000-0000-0000-000000000000',
  lifetimeSeconds: 3600,
});
const REGISTRY_PASSWORD = `rp-${crypto.randomBytes(8).toString('hex')}`;
const registryConnection = dockerRegistryConnection({
  id: 'd0c4e1f2-5a6b-4c7d-8e9f-00000000aa01',
  registry: 'registry.example.test',
  username: 'ci-bot',
  password: REGISTRY_PASSWORD,
});

let world: AzureWorld;
let oidc: CiOidcIssuers;
let wifConnection: ServiceConnection;
let spConnection: ServiceConnection;
/** everything the Action and the task printed or wrote, for the check on secrets at the end */
const published: Array<{ front: 'action' | 'task'; what: string; text: string; maskCommand: string }> = [];
let stepCount = 0;

// ------------------------------------------------------------------ the CI systems' OIDC endpoints

interface OidcRequest {
  kind: 'github' | 'azure-devops';
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  status: number;
  /** the token handed out */
  token?: string;
}

interface CiOidcIssuers {
  /** ACTIONS_ID_TOKEN_REQUEST_URL of a job */
  githubUrl: string;
  /** SYSTEM_OIDCREQUESTURI of a job */
  azureDevOpsUrl: string;
  requests: OidcRequest[];
  close(): Promise<void>;
}

/**
 * The two token endpoints a job calls, over HTTPS with the test CA:
 * - GitHub Actions: GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=AUD with
 *   `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN` -> `{ "value": JWT }`;
 * - Azure DevOps ("Oidctoken - Create", distributedtask): POST
 *   SYSTEM_OIDCREQUESTURI?api-version=7.1&serviceConnectionId=ID with
 *   `Authorization: Bearer $(System.AccessToken)` -> `{ "oidcToken": JWT }` whose subject is
 *   sc://ORG/PROJECT/CONNECTION NAME.
 * Tokens are RS256-signed with a key per issuer; the fake Entra ID verifies them with it.
 */
async function startCiOidcIssuers(w: AzureWorld, adoConnections: Record<string, string>): Promise<CiOidcIssuers> {
  const keys = {
    github: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
    ado: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  };
  w.entra.trustIssuer(GITHUB_ISSUER, keys.github.publicKey);
  w.entra.trustIssuer(ADO_ISSUER, keys.ado.publicKey);
  const githubPath = '/2fQkT9vX/_apis/distributedtask/hubs/Actions/plans/7c1e5a2b/jobs/9d0f3e4c/idtoken';
  const adoPath = `/${ADO_ORG}/${ADO_PROJECT_ID}/_apis/distributedtask/hubs/build/plans/4b8e2f10/jobs/12ab34cd/oidctoken`;
  const requests: OidcRequest[] = [];
  const answer = (res: http.ServerResponse, entry: OidcRequest, status: number, body: unknown): void => {
    entry.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const server = https.createServer({ key: testCa().key, cert: testCa().cert }, (req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const entry: OidcRequest = {
        kind: url.pathname === githubPath ? 'github' : 'azure-devops',
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization,
        status: 0,
      };
      requests.push(entry);
      if (url.pathname === githubPath && req.method === 'GET') {
        if (req.headers.authorization !== `Bearer ${RUNNER_REQUEST_TOKEN}`) return answer(res, entry, 401, { message: 'Unauthorized' });
        entry.token = createClientAssertion({
          issuer: GITHUB_ISSUER,
          subject: GITHUB_SUBJECT,
          audience: url.searchParams.get('audience') ?? 'https://github.com/octo-org',
          privateKey: keys.github.privateKey,
          kid: 'github-test-key',
          claims: { repository: 'octo-org/models', ref: 'refs/heads/main', event_name: 'repository_dispatch' },
        });
        return answer(res, entry, 200, { value: entry.token });
      }
      if (url.pathname === adoPath && req.method === 'POST') {
        if (req.headers.authorization !== `Bearer ${SYSTEM_ACCESS_TOKEN}`)
          return answer(res, entry, 401, { message: 'TF400813: The user is not authorized to access this resource.' });
        const connection = adoConnections[url.searchParams.get('serviceConnectionId') ?? ''];
        if (!url.searchParams.get('api-version')?.startsWith('7.1') || !connection)
          return answer(res, entry, 400, { message: 'serviceConnectionId and api-version=7.1 are required', typeKey: 'ArgumentException' });
        entry.token = createClientAssertion({
          issuer: ADO_ISSUER,
          subject: adoSubject(connection),
          audience: AZURE_AUDIENCE,
          privateKey: keys.ado.privateKey,
          kid: 'ado-test-key',
        });
        return answer(res, entry, 200, { oidcToken: entry.token });
      }
      return answer(res, entry, 404, { message: `no route ${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    githubUrl: `${origin}${githubPath}?api-version=2.0`,
    azureDevOpsUrl: `${origin}${adoPath}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ------------------------------------------------------------------ setup

beforeAll(async () => {
  world = await startAzureWorld();
  world.entra.addFederatedCredential(world.clientId, { name: 'github-main', issuer: GITHUB_ISSUER, subject: GITHUB_SUBJECT });
  world.entra.addFederatedCredential(world.clientId, { name: 'ado-wif', issuer: ADO_ISSUER, subject: adoSubject(WIF.name) });
  oidc = await startCiOidcIssuers(world, { [WIF.id]: WIF.name });
  const common = { tenantId: TENANT_ID, clientId: world.clientId, subscriptionId: SUBSCRIPTION_ID };
  wifConnection = azureRmConnection({
    id: WIF.id,
    scheme: 'WorkloadIdentityFederation',
    issuer: ADO_ISSUER,
    subject: adoSubject(WIF.name),
    ...common,
  });
  spConnection = azureRmConnection({ id: SP.id, scheme: 'ServicePrincipal', clientSecret: world.clientSecret, ...common });
});

afterAll(async () => {
  await oidc?.close();
  await world?.stop();
});

afterEach(() => {
  // no off-machine connection was even attempted (IMDS, instance discovery, github.com, dev.azure.com)
  expect(fs.readFileSync(world.netlog, 'utf8')).toBe('');
});

/** the environment a runner or an agent starts from: test CA, the fake Entra ID as authority, the loopback-only guard; no Azure variables */
const ciEnv = (): NodeJS.ProcessEnv => azureChildEnv({ authorityHost: world.entra.url, netlog: world.netlog });

/** a project of the test fixture whose model lives in the fake workspace, shipping versions tagged stage=approved */
async function azuremlProject(model: string, prefix: string, steps?: string): Promise<TestProject> {
  const [port, stagingPort] = await freePorts(2);
  let yaml = quickRolloutConfig(port, stagingPort);
  const modelYaml = 'model:\n  name: test-model\n';
  if (!yaml.includes(modelYaml) || !yaml.includes('  steps: [25, 100]\n')) throw new Error('quickRolloutConfig changed: update this test');
  yaml = yaml.replace(modelYaml, `model:\n  registry: azureml\n  name: ${model}\n  tags: { stage: approved }\n${world.modelBlock()}`);
  if (steps) yaml = yaml.replace('  steps: [25, 100]\n', `  steps: ${steps}\n`);
  return makeProject(yaml, prefix);
}

const createdAt = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

/** what the endpoints serve, per the CLI's status: "MODEL vVERSION TRAFFIC%" per deployment */
async function deployed(project: TestProject): Promise<{ production: string[]; staging: string[] }> {
  const r = await runCli(['status', '--json', '-c', project.configFile], { cwd: project.dir, env: world.cliEnv(), timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`modelship status failed: ${r.stderr}`);
  type Endpoint = { traffic: Record<string, number>; deployments: Array<{ name: string; model: { name: string; version: string } }> };
  const status = JSON.parse(r.stdout) as { production: Endpoint; staging: Endpoint };
  const list = (e: Endpoint) => e.deployments.map((d) => `${d.model.name} v${d.model.version} ${e.traffic[d.name] ?? 0}%`).sort();
  return { production: list(status.production), staging: list(status.staging) };
}

/** MODEL/VERSION folders of the project's Azure ML download cache */
function cachedVersions(project: TestProject): string[] {
  const root = path.join(project.dir, '.modelship', 'model-cache');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(`${path.sep}files`))
    .map((f) => f.split(path.sep).slice(-3, -1).join('/'))
    .sort();
}

/** ARM requests since `from` that read this model (or a version of it) or a datastore: what a download starts with */
function armReadsOf(from: number, model: string): string[] {
  return world.arm.requests
    .slice(from)
    .filter((q) => q.path.includes(`/models/${model}`) || q.path.includes('/datastores/'))
    .map((q) => `${q.method} ${q.path}`);
}

const unique = <T>(items: T[]): T[] => [...new Map(items.map((i) => [JSON.stringify(i), i])).values()];

/** an Event Grid schema event as Azure ML publishes it */
function eventGridEvent(o: { topic: string; model: string; version: string | number; data: Record<string, unknown> }) {
  return {
    id: crypto.randomUUID(),
    topic: o.topic,
    subject: `models/${o.model}:${o.version}`,
    eventType: MODEL_REGISTERED,
    eventTime: new Date().toISOString(),
    data: o.data,
    dataVersion: '2',
    metadataVersion: '1',
  };
}

/** a CloudEvents 1.0 schema event as Event Grid delivers it */
function cloudEvent(o: { source: string; model: string; version: string | number; data: Record<string, unknown> }) {
  return {
    specversion: '1.0',
    type: MODEL_REGISTERED,
    source: o.source,
    subject: `models/${o.model}:${o.version}`,
    id: crypto.randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: o.data,
  };
}

/** the workspace id of another workspace of the same resource group */
const otherWorkspace = (): string => world.workspaceId.replace(/\/workspaces\/[^/]+$/, '/workspaces/dev-ws');

/** a repository_dispatch event as GitHub delivers the relay's POST /dispatches { event_type, client_payload } */
function repositoryDispatch(eventType: string, clientPayload: unknown): { name: string; payload: unknown } {
  return {
    name: 'repository_dispatch',
    payload: {
      action: eventType,
      branch: 'main',
      client_payload: clientPayload,
      repository: { full_name: 'octo-org/models', default_branch: 'main' },
      sender: { login: 'modelship-relay[bot]', type: 'Bot' },
    },
  };
}

/** a step of the Action as a job with `permissions: id-token: write` runs it (the runner then sets ACTIONS_ID_TOKEN_REQUEST_*) */
async function actionStep(opts: StepOptions): Promise<ActionRun> {
  const run = await runStep({
    timeoutMs: 150_000,
    ...opts,
    baseEnv: ciEnv(),
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: oidc.githubUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNNER_REQUEST_TOKEN, ...opts.env },
  });
  const what = `step ${++stepCount}, action ${opts.inputs?.command ?? ''} in ${opts.cwd ?? ''}`;
  const add = (part: string, text: string) =>
    published.push({ front: 'action', what: `${what}: ${part}`, text, maskCommand: '::add-mask::' });
  add('stdout', run.stdout);
  add('stderr', run.stderr);
  add('summary', run.summary);
  if (run.outputs.report) add('report', fs.readFileSync(run.outputs.report, 'utf8'));
  return run;
}

/** a step of the task as the agent runs it: System.OidcRequestUri is set for every job; System.AccessToken only where the step maps it */
async function taskStep(opts: Omit<TaskOptions, 'baseEnv'>): Promise<TaskRun> {
  const run = await runTask({
    timeoutMs: 150_000,
    ...opts,
    baseEnv: ciEnv(),
    env: { SYSTEM_OIDCREQUESTURI: oidc.azureDevOpsUrl, ...opts.env },
  });
  const what = `step ${++stepCount}, task ${opts.inputs.command ?? ''} in ${opts.cwd}`;
  const add = (part: string, text: string) =>
    published.push({ front: 'task', what: `${what}: ${part}`, text, maskCommand: '##vso[task.setsecret]' });
  add('stdout', run.stdout);
  add('stderr', run.stderr);
  for (const file of run.summaries) add('summary', fs.readFileSync(file, 'utf8'));
  if (run.outputs.report) add('report', fs.readFileSync(run.outputs.report, 'utf8'));
  return run;
}

/** the last lines of a run, for a failure message */
const tail = (text: string): string => text.split('\n').slice(-40).join('\n');

// ------------------------------------------------------------------ the Action

describe('the bundled Action: ModelRegistered events in a repository_dispatch, GitHub OIDC login', () => {
  const MODEL = 'gh-model';
  let project: TestProject;

  beforeAll(async () => {
    project = await azuremlProject(MODEL, 'ms-aml-action-');
    await world.seedVersion(MODEL, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
    await world.seedVersion(MODEL, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    await world.seedVersion(MODEL, '3', project.models('good1'), { tags: APPROVED, createdAt: createdAt(3) });
    await world.seedVersion('fraud-model', '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(4) });
  });

  afterAll(async () => {
    if (project) await runCli(['down', '-c', project.configFile], { cwd: project.dir, env: world.cliEnv(), timeoutMs: 60_000 });
  });

  const ship = (clientPayload: unknown): Promise<ActionRun> =>
    actionStep({
      cwd: project.dir,
      inputs: {
        command: 'run',
        config: 'modelship.yaml',
        'azure-client-id': world.clientId,
        'azure-tenant-id': TENANT_ID,
        'azure-subscription-id': SUBSCRIPTION_ID,
      },
      event: repositoryDispatch('model-registered', clientPayload),
    });

  it('an Event Grid event (PascalCase data) from the workspace ships that version, logged in with the job OIDC token only', async () => {
    const marks = { oidc: oidc.requests.length, entra: world.entra.requests.length, arm: world.arm.requests.length };
    const r = await ship(
      eventGridEvent({
        topic: world.workspaceId,
        model: MODEL,
        version: '1',
        data: { ModelName: MODEL, ModelVersion: '1', ModelTags: APPROVED, ModelProperties: {} },
      }),
    );
    expect({ code: r.code, errors: errorAnnotations(r.stdout) }).toEqual({ code: 0, errors: [] });
    expect(r.outputs).toMatchObject({ result: 'promoted', 'new-version': 'true', 'model-name': MODEL, 'model-version': '1' });
    expect(r.stdout).toContain(`started by repository_dispatch (Azure Event Grid ModelRegistered): ${MODEL} v1`);
    expect(r.stdout).toContain(`Azure: OIDC login as client ${world.clientId} in tenant ${TENANT_ID}`);
    expect(r.stdout).toContain(`downloaded ${MODEL} v1`);
    expect(r.summary).toContain(`## modelship run: promoted ${MODEL} v1`);

    // the job's token, asked for Entra's token exchange audience with the runner's bearer ...
    const asked = oidc.requests.slice(marks.oidc);
    expect(unique(asked.map((q) => [q.kind, q.method, q.query.audience, q.authorization, q.status]))).toEqual([
      ['github', 'GET', AZURE_AUDIENCE, `Bearer ${RUNNER_REQUEST_TOKEN}`, 200],
    ]);
    // ... registered with the runner as a secret ...
    for (const q of asked) expect(r.stdout).toContain(`::add-mask::${q.token}\n`);
    // ... and exchanged with Entra as a client assertion: no secret anywhere in the login
    const tokenRequests = world.entra.requests.slice(marks.entra).filter((q) => q.grantType !== undefined);
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(unique(tokenRequests.map((q) => [q.clientId, q.clientAuth, q.assertion?.iss, q.assertion?.sub, q.status]))).toEqual([
      [world.clientId, 'client_assertion', GITHUB_ISSUER, GITHUB_SUBJECT, 200],
    ]);
    // Azure ML was called as the app of the federated credential, and the version was read from the workspace
    const arm = world.arm.requests.slice(marks.arm);
    expect(unique(arm.map((q) => q.principalId?.toLowerCase()))).toEqual([world.objectId.toLowerCase()]);
    expect(armReadsOf(marks.arm, MODEL)).toContain(`GET ${world.workspaceId}/models/${MODEL}/versions/1`);
    // downloaded into the project's cache (the refusals below check that nothing else lands there)
    expect(cachedVersions(project)).toEqual([`${MODEL}/1`]);
    expect(await deployed(project)).toMatchObject({ production: [`${MODEL} v1 100%`] });
  });

  it('a CloudEvents event (camelCase data, the version a number) ships the next version', async () => {
    const r = await ship(
      cloudEvent({
        source: world.workspaceId,
        model: MODEL,
        version: 2,
        data: { modelName: MODEL, modelVersion: 2, modelTags: APPROVED, modelProperties: {} },
      }),
    );
    expect({ code: r.code, errors: errorAnnotations(r.stdout) }).toEqual({ code: 0, errors: [] });
    expect(r.outputs).toMatchObject({ result: 'promoted', 'new-version': 'true', 'model-version': '2' });
    expect(r.stdout).toContain(`started by repository_dispatch (Azure Event Grid ModelRegistered): ${MODEL} v2`);
    expect(await deployed(project)).toMatchObject({ production: [`${MODEL} v2 100%`] });
  });

  it('an event from another workspace is refused, naming both workspaces, and nothing is read or deployed', async () => {
    const before = await deployed(project);
    const other = otherWorkspace();
    expect(other).not.toBe(world.workspaceId);
    const armMark = world.arm.requests.length;
    // v3 exists in the configured workspace too: the origin alone must refuse it
    const r = await ship(
      eventGridEvent({ topic: other, model: MODEL, version: '3', data: { ModelName: MODEL, ModelVersion: '3', ModelTags: APPROVED } }),
    );
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('failed');
    const errors = errorAnnotations(r.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(other);
    expect(errors[0]).toContain(world.workspaceId);
    expect(errors[0]).toMatch(/refused/);
    expect(await deployed(project)).toEqual(before);
    expect(armReadsOf(armMark, MODEL)).toEqual([]);
    expect(cachedVersions(project)).not.toContain(`${MODEL}/3`);
  });

  it('an event for another model of the workspace is refused likewise', async () => {
    const before = await deployed(project);
    const armMark = world.arm.requests.length;
    const r = await ship(
      eventGridEvent({
        topic: world.workspaceId,
        model: 'fraud-model',
        version: '1',
        data: { ModelName: 'fraud-model', ModelVersion: '1', ModelTags: APPROVED },
      }),
    );
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('failed');
    expect(errorAnnotations(r.stdout)).toEqual([
      expect.stringMatching(new RegExp(`names model "fraud-model", but this workflow ships '${MODEL}'.*refused`)),
    ]);
    expect(await deployed(project)).toEqual(before);
    expect(armReadsOf(armMark, 'fraud-model')).toEqual([]);
    expect(cachedVersions(project).filter((v) => v.startsWith('fraud-model/'))).toEqual([]);
  });
});

// ------------------------------------------------------------------ the task

describe('the bundled task: ModelRegistered webhook payloads, Azure Resource Manager service connection', () => {
  const MODEL = 'ado-model';
  let project: TestProject;

  beforeAll(async () => {
    project = await azuremlProject(MODEL, 'ms-aml-task-');
    await world.seedVersion(MODEL, '1', project.models('good1'), { tags: APPROVED, createdAt: createdAt(1) });
    await world.seedVersion(MODEL, '2', project.models('good2'), { tags: APPROVED, createdAt: createdAt(2) });
    await world.seedVersion(MODEL, '3', project.models('good1'), { tags: APPROVED, createdAt: createdAt(3) });
  });

  afterAll(async () => {
    if (project) await runCli(['down', '-c', project.configFile], { cwd: project.dir, env: world.cliEnv(), timeoutMs: 60_000 });
  });

  /** a `run` step with the webhook's body; WorkloadIdentityFederation steps map System.AccessToken into their env, as they must */
  const ship = (payload: unknown, connection: ServiceConnection): Promise<TaskRun> =>
    taskStep({
      cwd: project.dir,
      inputs: {
        command: 'run',
        configFile: 'modelship.yaml',
        webhookPayload: JSON.stringify(payload, null, 2),
        azureSubscription: connection.id,
      },
      connections: [connection],
      env: connection.scheme === 'WorkloadIdentityFederation' ? { SYSTEM_ACCESSTOKEN: SYSTEM_ACCESS_TOKEN } : {},
    });

  it('workload identity federation: an Event Grid array of one (camelCase data) ships that version', async () => {
    const marks = { oidc: oidc.requests.length, entra: world.entra.requests.length, arm: world.arm.requests.length };
    const r = await ship(
      [
        eventGridEvent({
          topic: world.workspaceId,
          model: MODEL,
          version: '1',
          data: { modelName: MODEL, modelVersion: '1', modelTags: APPROVED },
        }),
      ],
      wifConnection,
    );
    expect({ complete: r.complete, log: r.complete?.result === 'Succeeded' ? '' : tail(r.stdout) }).toEqual({
      complete: { result: 'Succeeded', message: 'modelship run: promoted' },
      log: '',
    });
    expect(r.outputs).toMatchObject({ result: 'promoted', newVersion: 'true', modelName: MODEL, modelVersion: '1' });
    expect(r.stdout).toContain(`started by Azure DevOps webhook (Azure Event Grid ModelRegistered): ${MODEL} v1`);
    expect(r.stdout).toContain(
      `Azure: WorkloadIdentityFederation login as client ${world.clientId} in tenant ${TENANT_ID} (service connection ${WIF.id})`,
    );
    // System.AccessToken is registered with the agent as a secret before anything else is printed
    expect(r.stdout.split('\n').findIndex((l) => l === `##vso[task.setsecret]${SYSTEM_ACCESS_TOKEN}`)).toBeGreaterThanOrEqual(0);
    // the service connection's OIDC token, asked for with System.AccessToken ...
    expect(
      unique(
        oidc.requests
          .slice(marks.oidc)
          .map((q) => [q.kind, q.method, q.query.serviceConnectionId, q.query['api-version'], q.authorization, q.status]),
      ),
    ).toEqual([['azure-devops', 'POST', WIF.id, '7.1', `Bearer ${SYSTEM_ACCESS_TOKEN}`, 200]]);
    // ... exchanged with Entra as a client assertion with the issuer and subject of the connection
    const tokenRequests = world.entra.requests.slice(marks.entra).filter((q) => q.grantType !== undefined);
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(unique(tokenRequests.map((q) => [q.clientId, q.clientAuth, q.assertion?.iss, q.assertion?.sub, q.status]))).toEqual([
      [world.clientId, 'client_assertion', ADO_ISSUER, adoSubject(WIF.name), 200],
    ]);
    expect(unique(world.arm.requests.slice(marks.arm).map((q) => q.principalId?.toLowerCase()))).toEqual([world.objectId.toLowerCase()]);
    expect(cachedVersions(project)).toEqual([`${MODEL}/1`]);
    expect(await deployed(project)).toMatchObject({ production: [`${MODEL} v1 100%`] });
  });

  it('a service principal secret: a CloudEvents event with PascalCase data ships the next version; the secret is only ever registered', async () => {
    const marks = { oidc: oidc.requests.length, entra: world.entra.requests.length };
    const r = await ship(
      cloudEvent({
        source: world.workspaceId,
        model: MODEL,
        version: '2',
        data: { ModelName: MODEL, ModelVersion: '2', ModelTags: APPROVED },
      }),
      spConnection,
    );
    expect({ complete: r.complete, log: r.complete?.result === 'Succeeded' ? '' : tail(r.stdout) }).toEqual({
      complete: { result: 'Succeeded', message: 'modelship run: promoted' },
      log: '',
    });
    expect(r.outputs).toMatchObject({ result: 'promoted', newVersion: 'true', modelVersion: '2' });
    expect(r.stdout).toContain(
      `Azure: ServicePrincipal login as client ${world.clientId} in tenant ${TENANT_ID} (service connection ${SP.id})`,
    );
    expect(oidc.requests.slice(marks.oidc)).toEqual([]);
    const tokenRequests = world.entra.requests.slice(marks.entra).filter((q) => q.grantType !== undefined);
    expect(unique(tokenRequests.map((q) => [q.clientId, q.clientAuth, q.status]))).toEqual([[world.clientId, 'client_secret', 200]]);
    expect(r.stdout.split('\n').filter((l) => l.includes(world.clientSecret))).toEqual([`##vso[task.setsecret]${world.clientSecret}`]);
    expect(await deployed(project)).toMatchObject({ production: [`${MODEL} v2 100%`] });
  });

  it('an event from another workspace is refused without reading or deploying anything', async () => {
    const before = await deployed(project);
    const other = otherWorkspace();
    const armMark = world.arm.requests.length;
    const r = await ship(
      [eventGridEvent({ topic: other, model: MODEL, version: '3', data: { modelName: MODEL, modelVersion: '3', modelTags: APPROVED } })],
      wifConnection,
    );
    expect(r.complete?.result).toBe('Failed');
    expect(r.complete?.message).toContain(other);
    expect(r.complete?.message).toContain(world.workspaceId);
    expect(r.complete?.message).toMatch(/refused/);
    expect(r.outputs.result).toBe('failed');
    expect(await deployed(project)).toEqual(before);
    expect(armReadsOf(armMark, MODEL)).toEqual([]);
    expect(cachedVersions(project)).not.toContain(`${MODEL}/3`);
  });
});

// ------------------------------------------------------------------ the example workflows

/** `${{ vars.NAME }}` of the examples: the repository variables a user sets, here the fake world's values */
const repositoryVars = (): Record<string, string> => ({
  AZURE_CLIENT_ID: world.clientId,
  AZURE_TENANT_ID: TENANT_ID,
  AZURE_SUBSCRIPTION_ID: SUBSCRIPTION_ID,
});

/** GitHub expressions of the example: `${{ vars.X }}` and `${{ steps.ID.outputs.NAME }}`; anything else fails the test */
function githubExpression(value: string, context: { vars: Record<string, string>; steps: Record<string, Record<string, string>> }): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const v = /^vars\.(\w+)$/.exec(expr);
    if (v) {
      if (!(v[1] in context.vars)) throw new Error(`the example uses vars.${v[1]}, which this test does not set`);
      return context.vars[v[1]];
    }
    const s = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (s) return context.steps[s[1]]?.[s[2]] ?? '';
    throw new Error(`the example uses \${{ ${expr} }}, which this test does not evaluate`);
  });
}

interface GitHubStep {
  name?: string;
  id?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  run?: string;
}

interface GitHubWorkflow {
  on: { repository_dispatch?: { types?: string[] } };
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: GitHubStep[] }>;
}

interface AdoStep {
  task?: string;
  name?: string;
  displayName?: string;
  inputs?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

interface AdoJob {
  job?: string;
  deployment?: string;
  steps?: AdoStep[];
  strategy?: { runOnce?: { deploy?: { steps?: AdoStep[] } } };
}

interface AdoStage {
  stage: string;
  dependsOn?: string | string[];
  condition?: string;
  variables?: Record<string, string>;
  jobs: AdoJob[];
}

interface AdoPipeline {
  resources?: { webhooks?: Array<{ webhook: string; connection: string }> };
  stages: AdoStage[];
}

interface PipelineStepRun {
  stage: string;
  job: string;
  step: string;
  inputs: Record<string, string>;
  run: TaskRun;
}

/**
 * Run the ModelshipV1 steps of an Azure Pipelines YAML stage by stage, as the service would:
 * a stage runs when its dependencies succeeded (or its condition holds); stage variables of
 * the form `$[ stageDependencies.S.J.outputs['STEP.VAR'] ]` take the output variables of
 * named steps; `$(VAR)` macros expand from them and System.AccessToken; the template
 * expression `${{ convertToJson(parameters.WEBHOOK) }}` is the webhook's body; service
 * connection inputs name connections, which the agent passes by id. Other steps (checkout,
 * bash) are not the task's and are not run; an expression this does not know fails the test.
 */
async function runPipeline(
  pipeline: AdoPipeline,
  o: { cwd: string; configFile: string; webhookBody: unknown; connections: Record<string, ServiceConnection> },
): Promise<{ steps: PipelineStepRun[]; stages: Record<string, 'Succeeded' | 'Failed' | 'Skipped'> }> {
  const webhook = pipeline.resources?.webhooks?.[0]?.webhook;
  const connectionInputs = new Set(
    declaredTaskInputs()
      .filter((i) => i.type?.startsWith('connectedService:'))
      .map((i) => i.name),
  );
  /** output variables by stage and job: `STEP.VAR` (jobs), `JOB.STEP.VAR` (runOnce deployment jobs) */
  const outputs: Record<string, Record<string, Record<string, string>>> = {};
  const stages: Record<string, 'Succeeded' | 'Failed' | 'Skipped'> = {};
  const steps: PipelineStepRun[] = [];
  let previous: string | undefined;
  for (const stage of pipeline.stages) {
    const deps = stage.dependsOn === undefined ? (previous ? [previous] : []) : [stage.dependsOn].flat();
    for (const d of deps) if (!(d in stages)) throw new Error(`stage ${stage.stage} depends on ${d}, which does not run before it`);
    previous = stage.stage;
    const succeeded = deps.every((d) => stages[d] === 'Succeeded');
    let runs = succeeded;
    if (stage.condition !== undefined) {
      const c = /^and\(succeeded\(\),\s*eq\(dependencies\.(\w+)\.outputs\['(\w+)\.([\w.]+)'\],\s*'([^']*)'\)\)$/.exec(stage.condition);
      if (!c) throw new Error(`stage ${stage.stage}: condition ${stage.condition} is not one this test evaluates`);
      runs = succeeded && outputs[c[1]]?.[c[2]]?.[c[3]] === c[4];
    }
    if (!runs) {
      stages[stage.stage] = 'Skipped';
      continue;
    }
    const variables: Record<string, string> = {};
    for (const [name, value] of Object.entries(stage.variables ?? {})) {
      const dep = /^\$\[\s*stageDependencies\.(\w+)\.(\w+)\.outputs\['([\w.]+)'\]\s*\]$/.exec(value);
      if (dep) variables[name] = outputs[dep[1]]?.[dep[2]]?.[dep[3]] ?? '';
      else if (String(value).includes('$['))
        throw new Error(`stage ${stage.stage}: variable ${name}: ${value} is not one this test evaluates`);
      else variables[name] = String(value);
    }
    const macro = (value: string): string =>
      value.replace(/\$\(([\w.]+)\)/g, (_, name: string) => {
        if (name === 'System.AccessToken') return SYSTEM_ACCESS_TOKEN;
        if (name in variables) return variables[name];
        throw new Error(`stage ${stage.stage}: $(${name}) is not a variable this test knows`);
      });
    let failed = false;
    for (const job of stage.jobs) {
      const jobName = job.job ?? job.deployment ?? '';
      const jobOutputs = ((outputs[stage.stage] ??= {})[jobName] ??= {});
      for (const step of job.steps ?? job.strategy?.runOnce?.deploy?.steps ?? []) {
        if (failed) break;
        if (step.task === undefined) continue; // checkout, bash: not the task's steps
        if (!/^ModelshipV1@1$/.test(step.task)) throw new Error(`stage ${stage.stage}: unknown task ${step.task}`);
        const inputs: Record<string, string> = {};
        const connections: ServiceConnection[] = [];
        for (const [name, raw] of Object.entries(step.inputs ?? {})) {
          let value = String(raw).replace(/\$\{\{\s*convertToJson\(parameters\.(\w+)\)\s*\}\}/g, (_, alias: string) => {
            if (alias !== webhook) throw new Error(`parameters.${alias} is not the pipeline's webhook (${webhook ?? 'none'})`);
            return JSON.stringify(o.webhookBody, null, 2);
          });
          if (value.includes('${{')) throw new Error(`input ${name}: ${value} is a template expression this test does not evaluate`);
          value = macro(value);
          if (connectionInputs.has(name)) {
            const connection = o.connections[value];
            if (!connection) throw new Error(`input ${name}: service connection '${value}' has no stand-in in this test`);
            connections.push(connection);
            value = connection.id;
          }
          // the test project's config, not the example's (see the test)
          if (name === 'configFile') value = o.configFile;
          inputs[name] = value;
        }
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, macro(String(v))]));
        const run = await taskStep({ cwd: o.cwd, inputs, connections, env });
        steps.push({ stage: stage.stage, job: jobName, step: step.displayName ?? step.name ?? step.task, inputs, run });
        if (step.name)
          for (const [k, v] of Object.entries(run.outputs))
            jobOutputs[job.deployment ? `${jobName}.${step.name}.${k}` : `${step.name}.${k}`] = v;
        if (run.complete?.result !== 'Succeeded' && run.complete?.result !== 'SucceededWithIssues') failed = true;
      }
    }
    stages[stage.stage] = failed ? 'Failed' : 'Succeeded';
  }
  return { steps, stages };
}

describe('the Azure ML registration examples run against the fakes', () => {
  const MODEL = 'diabetes-model';

  beforeAll(async () => {
    const models = path.join(ROOT, 'test', 'fixtures', 'rollout-model', 'models');
    await world.seedVersion(MODEL, '1', path.join(models, 'good1'), { tags: APPROVED, createdAt: createdAt(1) });
    await world.seedVersion(MODEL, '2', path.join(models, 'good2'), { tags: APPROVED, createdAt: createdAt(2) });
  });

  it('workflows-examples/github/on-model-registered.yml: the modelship step, with its inputs, ships what the relay dispatches', async () => {
    const file = path.join(ROOT, 'workflows-examples', 'github', 'on-model-registered.yml');
    const text = fs.readFileSync(file, 'utf8');
    const workflow = parse(text) as GitHubWorkflow;
    // the relay in the comments posts { "event_type": ..., "client_payload": <the Event Grid event> }
    const eventType = /"event_type":\s*"([^"]+)"/.exec(text)?.[1];
    expect(eventType).toBeDefined();
    expect(workflow.on.repository_dispatch?.types).toContain(eventType);
    // the OIDC login needs the job to be allowed an ID token: only then does the runner set ACTIONS_ID_TOKEN_REQUEST_*
    expect(workflow.permissions?.['id-token']).toBe('write');
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const ship = steps.filter((s) => /\/actions\/modelship@/.test(s.uses ?? ''));
    expect(ship).toHaveLength(1);
    const context = { vars: repositoryVars(), steps: {} as Record<string, Record<string, string>> };
    const inputs = Object.fromEntries(Object.entries(ship[0].with ?? {}).map(([k, v]) => [k, githubExpression(String(v), context)]));
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['azure-client-id', 'azure-tenant-id', 'config']));
    // the example's config targets AKS (and builds an image for ACR): the test project's config, local target with
    // the process runtime and the same azureml registry, stands in for it. azure/login and aks-set-context are not run.
    const project = await azuremlProject(MODEL, 'ms-aml-example-gh-');
    try {
      inputs.config = 'modelship.yaml';
      const event = eventGridEvent({
        topic: world.workspaceId,
        model: MODEL,
        version: '1',
        data: { modelName: MODEL, modelVersion: '1', modelTags: APPROVED, modelProperties: {} },
      });
      const r = await actionStep({ cwd: project.dir, inputs, event: repositoryDispatch(eventType ?? '', event) });
      expect({ code: r.code, errors: errorAnnotations(r.stdout) }).toEqual({ code: 0, errors: [] });
      expect(r.outputs).toMatchObject({ result: 'promoted', 'model-name': MODEL, 'model-version': '1' });
      expect(r.stdout).toContain(`started by repository_dispatch (Azure Event Grid ModelRegistered): ${MODEL} v1`);
      expect(r.stdout).toContain(`Azure: OIDC login as client ${world.clientId} in tenant ${TENANT_ID}`);
      expect(await deployed(project)).toMatchObject({ production: [`${MODEL} v1 100%`] });

      // the steps after it read its outputs: the report to keep, and the line that says what happened
      context.steps[ship[0].id ?? ''] = r.outputs;
      const keep = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(fs.existsSync(githubExpression(String(keep?.with?.path ?? ''), context))).toBe(true);
      const say = steps.find((s) => s.run !== undefined);
      const env = Object.fromEntries(Object.entries(say?.env ?? {}).map(([k, v]) => [k, githubExpression(v, context)]));
      const sh = spawnSync('bash', ['-e', '-c', say?.run ?? 'false'], {
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(sh.stdout.trim()).toBe(`modelship: promoted (${MODEL} v1)`);
    } finally {
      await runCli(['down', '-c', project.configFile], { cwd: project.dir, env: world.cliEnv(), timeoutMs: 60_000 });
    }
  });

  it('workflows-examples/azure-pipelines/on-model-registered.yml: build, staging and smoke, production rollout, promote, stage by stage', async () => {
    const pipeline = parse(
      fs.readFileSync(path.join(ROOT, 'workflows-examples', 'azure-pipelines', 'on-model-registered.yml'), 'utf8'),
    ) as AdoPipeline;
    // the example's config targets AKS: the test project's, local target with the process runtime and the same
    // azureml registry, stands in for it, with a `pause` in the rollout as the example's comment describes
    const project = await azuremlProject(MODEL, 'ms-aml-example-ado-', '[25, pause, 100]');
    try {
      // production already serves v1 (a first deployment goes to 100% at once: it would not pause)
      const first = await runCli(['run', '--model-version', '1', '-c', project.configFile], {
        cwd: project.dir,
        env: world.cliEnv(),
        timeoutMs: 120_000,
      });
      expect([first.code, first.stderr.slice(-2000)]).toEqual([0, expect.any(String)]);
      expect(await deployed(project)).toMatchObject({ production: [`${MODEL} v1 100%`] });

      // Event Grid delivers to the incoming webhook an array (of one: --max-events-per-batch 1)
      const body = [
        eventGridEvent({
          topic: world.workspaceId,
          model: MODEL,
          version: '2',
          data: { modelName: MODEL, modelVersion: '2', modelTags: APPROVED, modelProperties: {} },
        }),
      ];
      const result = await runPipeline(pipeline, {
        cwd: project.dir,
        configFile: 'modelship.yaml',
        webhookBody: body,
        connections: { 'my-azure-connection': wifConnection, 'my-registry': registryConnection },
      });
      const summary = result.steps.map((s) => [s.stage, s.step, s.run.complete?.result, s.run.outputs.result]);
      const failedLog = result.steps.find((s) => s.run.complete?.result !== 'Succeeded')?.run.stdout;
      expect({ summary, failedLog: failedLog && tail(failedLog) }).toEqual({
        summary: [
          ['build', 'build the serving image', 'Succeeded', 'no-change'],
          ['staging', 'deploy to staging', 'Succeeded', 'deployed'],
          ['staging', 'smoke tests', 'Succeeded', 'no-change'],
          // held at the pause, traffic split, for the approval of the promote stage
          ['production', 'progressive rollout (automatic rollback)', 'Succeeded', 'paused'],
          ['promote', 'promote to 100%', 'Succeeded', 'promoted'],
        ],
        failedLog: undefined,
      });
      expect(result.stages).toEqual({ build: 'Succeeded', staging: 'Succeeded', production: 'Succeeded', promote: 'Succeeded' });
      const [build, deploy, , rollout, promote] = result.steps;
      expect(build.inputs.webhookPayload).toBe(JSON.stringify(body, null, 2));
      expect(build.run.stdout).toContain(`started by Azure DevOps webhook (Azure Event Grid ModelRegistered): ${MODEL} v2`);
      // the later stages get the version the build resolved, through the stage dependency
      expect([build.run.outputs.modelVersion, deploy.inputs.modelVersion, rollout.inputs.modelVersion]).toEqual(['2', '2', '2']);
      expect(deploy.run.stdout).toContain('model version 2 from the modelVersion input');
      expect([deploy.run.outputs.modelVersion, rollout.run.outputs.modelVersion, promote.run.outputs.modelVersion]).toEqual([
        '2',
        '2',
        '2',
      ]);
      for (const s of result.steps) {
        expect([s.step, s.inputs.azureSubscription]).toEqual([s.step, WIF.id]);
        expect([s.step, s.run.stdout.includes(`Azure: WorkloadIdentityFederation login as client ${world.clientId}`)]).toEqual([
          s.step,
          true,
        ]);
      }
      const after = await deployed(project);
      expect(after.production).toContain(`${MODEL} v2 100%`);
      expect(after.production.filter((d) => !d.endsWith(' 0%') && d !== `${MODEL} v2 100%`)).toEqual([]);
      expect(after.staging).toEqual([`${MODEL} v2 100%`]);
    } finally {
      await runCli(['down', '-c', project.configFile], { cwd: project.dir, env: world.cliEnv(), timeoutMs: 60_000 });
    }
  });
});

// ------------------------------------------------------------------ afterwards

describe('afterwards', () => {
  it('no token, client secret or System.AccessToken appears unmasked in any output, summary or report', () => {
    // every run of this file above: Action steps (stdout, stderr, summary, report) and task steps
    const steps = (front: string) => new Set(published.filter((p) => p.front === front).map((p) => p.what.split(',')[0])).size;
    expect([steps('action'), steps('task')]).toEqual([5, 8]);
    const served = oidc.requests.flatMap((q) => (q.token ? [q.token] : []));
    expect(served.length).toBeGreaterThan(0);
    const secrets = [world.clientSecret, SYSTEM_ACCESS_TOKEN, RUNNER_REQUEST_TOKEN, REGISTRY_PASSWORD, ...served];
    const leaks: string[] = [];
    for (const p of published) {
      // the command that tells the runner / agent to mask a value is never shown in the log
      for (const line of p.text.split('\n').filter((l) => !l.startsWith(p.maskCommand))) {
        const jwt = /eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(line);
        const secret = secrets.some((s) => line.includes(s));
        if (jwt || secret) leaks.push(`${p.what}: ${jwt ? 'a JWT' : 'a secret'}: ${line.slice(0, 100)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(fs.readFileSync(world.netlog, 'utf8')).toBe('');
  });
});
