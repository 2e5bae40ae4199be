import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StageError } from '../../shared/errors';
import { LocalModelRegistry } from '../../shared/registry/local';
import { MODEL_REGISTERED } from '../../shared/trigger/event-grid';
import { parseGitHubEvent } from '../../shared/trigger/github';
import { MlflowModelRegistry } from '../../shared/registry/mlflow';
import { ModelRegistry, ModelSelector, ModelVersion } from '../../shared/registry/registry';
import { versionString } from '../../shared/registry/version';
import { ConfiguredModel, TriggerDecision, resolveTrigger } from '../../shared/trigger/trigger';

/** GitHub events -> the model version a run works on, checked against the config and a real local registry. */
let tmp: string;
let registry: LocalModelRegistry;
const model: ConfiguredModel = { name: 'diabetes-model', tags: {}, file: '/repo/modelship.yaml' };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-trigger-'));
  registry = new LocalModelRegistry(path.join(tmp, 'registry'));
  const file = path.join(tmp, 'model.json');
  fs.writeFileSync(file, '{"bias": 1}');
  await registry.register({ name: 'diabetes-model', source: file, tags: { stage: 'approved' } }); // v1
  await registry.register({ name: 'diabetes-model', source: file, tags: {} }); // v2
  await registry.register({ name: 'diabetes-model', source: file, tags: { stage: 'approved' } }); // v3
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** an Event Grid event as an Azure ML workspace subscription delivers it (modelVersion is a string) */
function eventGridEvent(modelName: unknown, modelVersion: unknown, eventType = MODEL_REGISTERED): Record<string, unknown> {
  return {
    id: '831e1650-001e-001b-66ab-eeb76e069631',
    topic: '/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws',
    subject: typeof modelName === 'string' ? `models/${modelName}:${String(modelVersion)}` : 'models',
    eventType,
    eventTime: '2026-01-01T10:00:00Z',
    data: { modelName, modelVersion, modelTags: { stage: 'approved' }, modelProperties: {} },
    dataVersion: '2',
    metadataVersion: '1',
  };
}

const dispatch = (clientPayload: unknown) => ({ action: 'model-registered', client_payload: clientPayload });

async function decide(eventName: string | undefined, payload: unknown, m: ConfiguredModel = model): Promise<TriggerDecision> {
  return resolveTrigger(parseGitHubEvent(eventName, payload), m, registry);
}

/** the StageError the decision throws (fails the test when it does not throw one) */
async function refusal(eventName: string, payload: unknown, m: ConfiguredModel = model): Promise<string> {
  try {
    await decide(eventName, payload, m);
  } catch (err: unknown) {
    expect(err).toBeInstanceOf(StageError);
    return (err as Error).message;
  }
  throw new Error('expected the event to be refused');
}

describe('repository_dispatch', () => {
  it('an Azure Event Grid ModelRegistered event selects its version', async () => {
    expect(await decide('repository_dispatch', dispatch(eventGridEvent('diabetes-model', '3')))).toEqual({
      kind: 'version',
      version: '3',
      source: 'repository_dispatch (Azure Event Grid ModelRegistered)',
    });
  });

  it('an array holding one Event Grid event (as Event Grid delivers them) selects its version', async () => {
    expect(await decide('repository_dispatch', dispatch([eventGridEvent('diabetes-model', '2')]))).toMatchObject({
      kind: 'version',
      version: '2',
    });
  });

  it('the CloudEvents schema of the same event selects its version', async () => {
    const cloudEvent = {
      specversion: '1.0',
      type: MODEL_REGISTERED,
      source: '/subscriptions/0000/.../workspaces/ws',
      id: '1',
      data: { modelName: 'diabetes-model', modelVersion: '1' },
    };
    expect(await decide('repository_dispatch', dispatch(cloudEvent))).toMatchObject({ kind: 'version', version: '1' });
  });

  it('a plain { model, version } payload selects its version (number or digits)', async () => {
    expect(await decide('repository_dispatch', dispatch({ model: 'diabetes-model', version: 2 }))).toMatchObject({
      kind: 'version',
      version: '2',
      source: 'repository_dispatch',
    });
    expect(await decide('repository_dispatch', dispatch({ model: 'diabetes-model', version: '1' }))).toMatchObject({
      kind: 'version',
      version: '1',
    });
  });

  it('refuses an event for another model, and says which model the workflow ships', async () => {
    const msg = await refusal('repository_dispatch', dispatch(eventGridEvent('fraud-model', '3')));
    expect(msg).toMatch(
      /names model "fraud-model", but this workflow ships 'diabetes-model' \(model.name in \/repo\/modelship.yaml\); refused/,
    );
    expect(await refusal('repository_dispatch', dispatch({ model: 'fraud-model', version: 1 }))).toMatch(/"fraud-model".*refused/);
  });

  it('refuses an event that names no model', async () => {
    expect(await refusal('repository_dispatch', dispatch({ version: 1 }))).toMatch(/names no model; refused/);
    expect(await refusal('repository_dispatch', dispatch(eventGridEvent(undefined, '1')))).toMatch(/names no model; refused/);
  });

  it('refuses an event without a version', async () => {
    expect(await refusal('repository_dispatch', dispatch({ model: 'diabetes-model' }))).toMatch(/carries no model version; refused/);
    expect(await refusal('repository_dispatch', dispatch(eventGridEvent('diabetes-model', '')))).toMatch(
      /carries no model version; refused/,
    );
  });

  it.each([['-2'], ['3; rm -rf /'], ['../../etc'], ['a b'], [2.5], [0], [true], [{ v: 1 }], ['x'.repeat(129)]])(
    'refuses the version %p: not a version string',
    async (version) => {
      const msg = await refusal('repository_dispatch', dispatch({ model: 'diabetes-model', version }));
      expect(msg).toMatch(/which is not a version \(letters, digits/);
    },
  );

  it.each([['01'], ['1.5'], ['0']])('refuses the well-formed version %p that the local registry does not hold', async (version) => {
    const msg = await refusal('repository_dispatch', dispatch({ model: 'diabetes-model', version }));
    expect(msg).toContain(`diabetes-model v${version}, which is not in the local registry`);
  });

  it('refuses a version that is not in the registry', async () => {
    const msg = await refusal('repository_dispatch', dispatch(eventGridEvent('diabetes-model', '9')));
    expect(msg).toContain('diabetes-model v9, which is not in the local registry');
  });

  it('refuses other Event Grid event types, several events at once, and payloads of no known shape', async () => {
    expect(
      await refusal(
        'repository_dispatch',
        dispatch(eventGridEvent('diabetes-model', '1', 'Microsoft.MachineLearningServices.ModelDeployed')),
      ),
    ).toMatch(/"Microsoft.MachineLearningServices.ModelDeployed" event, not Microsoft.MachineLearningServices.ModelRegistered/);
    expect(
      await refusal('repository_dispatch', dispatch([eventGridEvent('diabetes-model', '1'), eventGridEvent('diabetes-model', '2')])),
    ).toMatch(/holds 2 events/);
    expect(await refusal('repository_dispatch', dispatch({ hello: 'world' }))).toMatch(
      /neither an Azure Event Grid ModelRegistered event nor \{ model, version \}/,
    );
    expect(await refusal('repository_dispatch', { action: 'model-registered' })).toMatch(/no client_payload/);
  });

  it('quotes untrusted text, so a payload cannot start a line of its own in the log (no workflow commands)', async () => {
    const msg = await refusal('repository_dispatch', dispatch({ model: 'x\n::add-mask::oops', version: 1 }));
    expect(msg).not.toContain('\n::add-mask::');
    expect(msg).toContain('"x\\n::add-mask::oops"');
  });

  it('ships only versions that carry the configured tags; others are skipped, not failed', async () => {
    const approved: ConfiguredModel = { ...model, tags: { stage: 'approved' } };
    expect(await decide('repository_dispatch', dispatch(eventGridEvent('diabetes-model', '3')), approved)).toMatchObject({
      kind: 'version',
      version: '3',
    });
    const skipped = await decide('repository_dispatch', dispatch(eventGridEvent('diabetes-model', '2')), approved);
    expect(skipped).toEqual({
      kind: 'skip',
      source: 'repository_dispatch (Azure Event Grid ModelRegistered)',
      reason: 'diabetes-model v2 does not carry stage=approved (model.tags in /repo/modelship.yaml): not shipped',
    });
  });
});

describe('workflow_dispatch', () => {
  it('the model-version input selects the version, even without the configured tags (a person pinned it)', async () => {
    const approved: ConfiguredModel = { ...model, tags: { stage: 'approved' } };
    expect(await decide('workflow_dispatch', { inputs: { 'model-version': '2' } }, approved)).toEqual({
      kind: 'version',
      version: '2',
      source: 'workflow_dispatch',
    });
  });

  it('an empty or missing model-version input polls', async () => {
    expect(await decide('workflow_dispatch', { inputs: { 'model-version': '' } })).toEqual({
      kind: 'poll',
      source: 'workflow_dispatch (no model-version input)',
    });
    expect(await decide('workflow_dispatch', { inputs: {} })).toMatchObject({ kind: 'poll' });
  });

  it('refuses a model-version that is not an integer, or not in the registry', async () => {
    expect(await refusal('workflow_dispatch', { inputs: { 'model-version': 'v 2' } })).toMatch(/"v 2", which is not a version/);
    expect(await refusal('workflow_dispatch', { inputs: { 'model-version': '12' } })).toMatch(/v12, which is not in the local registry/);
  });
});

describe('schedule and other events', () => {
  it.each([['schedule'], ['push'], [undefined]])('%p polls: no version from the event', async (name) => {
    const d = await decide(name, { schedule: '*/30 * * * *', client_payload: { model: 'fraud-model', version: 'x' } });
    expect(d.kind).toBe('poll');
  });
});

describe('versionString', () => {
  it('takes positive whole numbers and strings of letters, digits, dot, dash and underscore', () => {
    expect([1, '7', ' 20 ', 2 ** 40, '2024-05-01.1', 'v2_rc'].map(versionString)).toEqual([
      '1',
      '7',
      '20',
      String(2 ** 40),
      '2024-05-01.1',
      'v2_rc',
    ]);
    expect([0, -1, 1.5, '', '-1', '.hidden', 'a/b', 'a:b', 'a b', Number.NaN, null, 'x'.repeat(129)].map(versionString)).toEqual(
      Array(12).fill(undefined),
    );
  });
});

/**
 * Azure ML workspaces: versions are strings, the event's data keys come in either casing,
 * and an event from another workspace is refused. The registry here is a small in-memory
 * one that says which workspace it reads (its eventOrigin), as the Azure ML registry does.
 */
describe('Azure ML ModelRegistered events', () => {
  const WORKSPACE = '/subscriptions/1111/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/prod-ws';
  const versions: ModelVersion[] = ['1', '2', '2024-05-01.1'].map((version) => ({
    name: 'diabetes-model',
    version,
    tags: { stage: 'approved' },
    registeredAt: '2026-01-01T00:00:00Z',
  }));
  const workspaceRegistry: ModelRegistry = {
    description: 'Azure ML workspace prod-ws',
    eventOrigin: WORKSPACE,
    list: async () => versions,
    resolve: async (sel: ModelSelector) => versions.find((v) => v.name === sel.name && v.version === sel.version),
    register: () => Promise.reject(new Error('not used')),
    materialize: () => Promise.reject(new Error('not used')),
  };
  const decideAml = (payload: unknown): Promise<TriggerDecision> =>
    resolveTrigger(parseGitHubEvent('repository_dispatch', dispatch(payload)), model, workspaceRegistry);

  function amlEvent(data: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
    return { ...eventGridEvent('diabetes-model', '2'), topic: WORKSPACE, data, ...over };
  }

  it('reads camelCase and PascalCase data keys, and a version given as a number or a string', async () => {
    expect(await decideAml(amlEvent({ modelName: 'diabetes-model', modelVersion: '2' }))).toMatchObject({ kind: 'version', version: '2' });
    expect(await decideAml(amlEvent({ ModelName: 'diabetes-model', ModelVersion: 2 }))).toMatchObject({ kind: 'version', version: '2' });
    expect(await decideAml(amlEvent({ ModelName: 'diabetes-model', ModelVersion: '2024-05-01.1' }))).toMatchObject({
      kind: 'version',
      version: '2024-05-01.1',
    });
  });

  it('falls back to the subject models/NAME:VERSION when the data lacks them', async () => {
    expect(await decideAml(amlEvent({}, { subject: 'models/diabetes-model:1' }))).toMatchObject({ kind: 'version', version: '1' });
  });

  it('reads the CloudEvents schema, whose source names the workspace', async () => {
    const cloudEvent = {
      specversion: '1.0',
      type: MODEL_REGISTERED,
      source: WORKSPACE.toLowerCase(),
      subject: 'models/diabetes-model:2024-05-01.1',
      id: '1',
      data: { ModelName: 'diabetes-model', ModelVersion: '2024-05-01.1' },
    };
    expect(await decideAml(cloudEvent)).toMatchObject({ kind: 'version', version: '2024-05-01.1' });
  });

  it('refuses an event from another workspace, naming both', async () => {
    const other = WORKSPACE.replace('prod-ws', 'dev-ws');
    const msg = await decideAml(amlEvent({ modelName: 'diabetes-model', modelVersion: '2' }, { topic: other })).then(
      () => 'accepted',
      (err: unknown) => (err as Error).message,
    );
    expect(msg).toContain(`comes from "${other}", but this workflow ships from ${WORKSPACE}`);
    expect(msg).toContain('refused');
  });
});

/**
 * MLflow and Databricks model registry webhooks, relayed as a repository_dispatch
 * client_payload: the version they name ships when it is what the config selects (its
 * alias, its stage), and events that ship nothing are refused with what they are.
 */
describe('MLflow and Databricks registry webhooks', () => {
  const versions: ModelVersion[] = ['4', '5'].map((version) => ({ name: 'diabetes-model', version, tags: {}, registeredAt: '' }));
  function registryFor(settings: { alias?: string; stage?: string }): ModelRegistry {
    const mlflowRegistry = new MlflowModelRegistry({
      settings: {
        trackingUri: 'https://mlflow.example.com',
        auth: 'none',
        usernameEnv: 'U',
        passwordEnv: 'P',
        tokenEnv: 'T',
        cacheDir: tmp,
        ...settings,
      },
      env: () => undefined,
      setSecret: () => undefined,
      log: () => undefined,
      warn: () => undefined,
    });
    return {
      description: mlflowRegistry.description,
      list: async () => versions,
      resolve: async (sel: ModelSelector) => versions.find((v) => v.version === sel.version),
      register: () => Promise.reject(new Error('not used')),
      materialize: () => Promise.reject(new Error('not used')),
      eventSkipReason: (event) => mlflowRegistry.eventSkipReason(event),
    };
  }
  const decideWith = async (payload: unknown, settings: { alias?: string; stage?: string } = {}): Promise<TriggerDecision> =>
    resolveTrigger(parseGitHubEvent('repository_dispatch', dispatch(payload)), model, registryFor(settings));
  const aliasMoved = (alias: string, version: string) => ({
    entity: 'model_version_alias',
    action: 'created',
    timestamp: '2026-12-01T10:00:00+00:00',
    data: { name: 'diabetes-model', alias, version },
  });

  it('an alias moved to a version ships that version when the config ships that alias', async () => {
    expect(await decideWith(aliasMoved('champion', '5'), { alias: 'champion' })).toEqual({
      kind: 'version',
      version: '5',
      source: 'repository_dispatch (MLflow webhook model_version_alias.created)',
    });
  });

  it('another alias, or a new version without an alias, is skipped when the config ships an alias', async () => {
    expect(await decideWith(aliasMoved('challenger', '5'), { alias: 'champion' })).toMatchObject({
      kind: 'skip',
      reason: "diabetes-model v5: the event moved alias 'challenger', and model.mlflow.alias ships 'champion': not shipped",
    });
    const created = { entity: 'model_version', action: 'created', data: { name: 'diabetes-model', version: '5', source: 'models:/m/5' } };
    expect(await decideWith(created, { alias: 'champion' })).toMatchObject({ kind: 'skip' });
    // without an alias in the config, a new version is a registration like any other
    expect(await decideWith(created)).toMatchObject({ kind: 'version', version: '5' });
  });

  it('a Databricks stage transition ships the version when it moved to the configured stage', async () => {
    const transition = (toStage: string) => ({
      event: 'MODEL_VERSION_TRANSITIONED_STAGE',
      webhook_id: 'c5596721253c4b429368cf6f4341b88a',
      event_timestamp: 1764583200000,
      model_name: 'diabetes-model',
      version: '4',
      to_stage: toStage,
      from_stage: 'Staging',
    });
    expect(await decideWith(transition('Production'), { stage: 'Production' })).toMatchObject({
      kind: 'version',
      version: '4',
      source: 'repository_dispatch (Databricks registry webhook MODEL_VERSION_TRANSITIONED_STAGE)',
    });
    expect(await decideWith(transition('Staging'), { stage: 'Production' })).toMatchObject({ kind: 'skip' });
  });

  it('events that ship nothing are refused with what they are; another model is refused', async () => {
    const deleted = { entity: 'model_version_alias', action: 'deleted', data: { name: 'diabetes-model', alias: 'champion' } };
    await expect(decideWith(deleted)).rejects.toThrow(
      'is an MLflow webhook for "model_version_alias.deleted", which ships nothing; refused',
    );
    const request = { event: 'TRANSITION_REQUEST_CREATED', model_name: 'diabetes-model', version: '4', to_stage: 'Production' };
    await expect(decideWith(request)).rejects.toThrow('Databricks registry webhook for "TRANSITION_REQUEST_CREATED", which ships nothing');
    const otherModel = { ...aliasMoved('champion', '5'), data: { name: 'fraud-model', alias: 'champion', version: '5' } };
    await expect(decideWith(otherModel, { alias: 'champion' })).rejects.toThrow('names model "fraud-model"');
  });
});
