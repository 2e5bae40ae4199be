import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeAzureResourceManager, OnlineOptions, WorkspaceRef } from '../../contract/fakes/fake-azureml';
import { FakeEntra, startFakeEntra } from '../../contract/fakes/fake-entra';
import { Azurite, azureChildEnv, azuriteSharedKeyClient, seedContainer, startAzurite } from './azurite';
import { dockerTestEnv } from '../test-env';
import { testCa } from './test-ca';

/**
 * An Azure Machine Learning workspace for end-to-end tests, made of fakes and one real
 * emulator, all on 127.0.0.1 over HTTPS with the test CA:
 * - a FAKE Entra ID that issues tokens to one service principal (client secret);
 * - a FAKE Azure Resource Manager (Microsoft.MachineLearningServices 2024-10-01) holding a
 *   workspace whose default datastore `workspaceblobstore` is identity-based;
 * - Azurite, the real Azure Storage emulator, as the datastore's storage account.
 * `cliEnv()` is the environment a CLI (or Action, or task) process needs to log in to it as
 * a user would: the standard AZURE_* variables, the test CA, and the loopback-only guard.
 */
export const SUBSCRIPTION_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const RESOURCE_GROUP = 'ml-rg';
export const WORKSPACE = 'prod-ws';
export const DATASTORE_CONTAINER = 'azureml-blobstore-test';

export interface AzureWorld {
  entra: FakeEntra;
  arm: FakeAzureResourceManager;
  azurite: Azurite;
  workspace: WorkspaceRef;
  /** ARM id of the workspace (the `topic` of its Event Grid events) */
  workspaceId: string;
  clientId: string;
  clientSecret: string;
  /** the service principal's object id (the `oid` the fake ARM sees) */
  objectId: string;
  /** a file the loopback-only guard appends refused connections to; must stay empty */
  netlog: string;
  /** environment for a child process that logs in as the service principal */
  cliEnv(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
  /** the config block `model.azureml` for this workspace (YAML, indented for `model:`) */
  modelBlock(extra?: string): string;
  /** the config's `target:` section for this workspace: `kind: azureml` and the `azureml:` block (YAML, indented for `target:`) */
  targetBlock(extra?: string): string;
  /** put files into the datastore's container and register a version pointing at them */
  seedVersion(
    name: string,
    version: string,
    files: Record<string, string> | string,
    opts?: { tags?: Record<string, string>; createdAt?: string; isArchived?: boolean; stage?: string; datastore?: string },
  ): Promise<void>;
  stop(): Promise<void>;
}

export interface AzureWorldOptions {
  /**
   * serve managed online endpoints (deployments as Docker containers, the engine and registry of
   * scripts/test-env.sh): `true` for the defaults (models downloaded from Azurite, registry
   * credentials from dockerTestEnv(), metrics grain 1 s, ingestion delay 1 s, 2 polls, Retry-After 1 s),
   * or options that override them
   */
  online?: boolean | OnlineOptions;
}

export async function startAzureWorld(opts: AzureWorldOptions = {}): Promise<AzureWorld> {
  const ca = testCa();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-azure-world-'));
  const netlog = path.join(dir, 'netlog');
  fs.writeFileSync(netlog, '');
  const entra = await startFakeEntra();
  entra.addTenant(TENANT_ID);
  const clientId = crypto.randomUUID();
  const clientSecret = `s3cr3t-${crypto.randomBytes(12).toString('hex')}`;
  const app = entra.addApp({ tenantId: TENANT_ID, clientId, secrets: [clientSecret] });
  const arm = new FakeAzureResourceManager({ tls: { key: ca.key, cert: ca.cert }, pageSize: 7 });
  await arm.start();
  const azurite = await startAzurite({ netlog });
  const workspace: WorkspaceRef = { subscriptionId: SUBSCRIPTION_ID, resourceGroup: RESOURCE_GROUP, workspace: WORKSPACE };
  arm.addSubscription(SUBSCRIPTION_ID, { tenantId: TENANT_ID });
  arm.addWorkspace({ ...workspace, location: 'westeurope' });
  arm.addDatastore(workspace, {
    name: 'workspaceblobstore',
    accountName: azurite.accountName,
    containerName: DATASTORE_CONTAINER,
    endpoint: `127.0.0.1:${azurite.port}`,
    protocol: 'https',
    isDefault: true,
    credentials: { credentialsType: 'None' },
  });
  await azuriteSharedKeyClient(azurite).getContainerClient(DATASTORE_CONTAINER).createIfNotExists();
  if (opts.online) {
    const docker = dockerTestEnv();
    arm.enableOnlineEndpoints({
      modelFiles: (ref, name, version) => downloadModelVersion(arm, azurite, dir, ref, name, version),
      registryAuth: { username: docker.username, password: docker.password, serveraddress: docker.registry },
      metricsGrainMs: 1000,
      metricsIngestionDelayMs: 1000,
      minOperationPolls: 2,
      retryAfterSeconds: 1,
      ...(typeof opts.online === 'object' ? opts.online : {}),
    });
  }
  const workspaceId = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.MachineLearningServices/workspaces/${WORKSPACE}`;

  return {
    entra,
    arm,
    azurite,
    workspace,
    workspaceId,
    clientId,
    clientSecret,
    objectId: app.objectId,
    netlog,
    cliEnv: (extra = {}) =>
      azureChildEnv({
        authorityHost: entra.url,
        netlog,
        env: { AZURE_CLIENT_ID: clientId, AZURE_TENANT_ID: TENANT_ID, AZURE_CLIENT_SECRET: clientSecret, ...extra },
      }),
    modelBlock: (extra = '') =>
      `  azureml:
    subscriptionId: ${SUBSCRIPTION_ID}
    resourceGroup: ${RESOURCE_GROUP}
    workspace: ${WORKSPACE}
    resourceManagerUrl: ${arm.origin}
${extra}`,
    targetBlock: (extra = '') =>
      `  kind: azureml
  azureml:
    subscriptionId: ${SUBSCRIPTION_ID}
    resourceGroup: ${RESOURCE_GROUP}
    workspace: ${WORKSPACE}
    resourceManagerUrl: ${arm.origin}
${extra}`,
    seedVersion: async (name, version, files, opts = {}) => {
      const folder = typeof files === 'string' ? files : fs.mkdtempSync(path.join(dir, 'seed-'));
      if (typeof files !== 'string') for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, f), text);
      const prefix = `azureml/ExperimentRun/dcid.${name}-${version}/model`;
      await seedContainer(azurite, DATASTORE_CONTAINER, folder, prefix);
      arm.addModelVersion(workspace, name, {
        version,
        modelUri: `azureml://subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/workspaces/${WORKSPACE}/datastores/${opts.datastore ?? 'workspaceblobstore'}/paths/${prefix}`,
        modelType: 'custom_model',
        tags: opts.tags ?? {},
        ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
        ...(opts.isArchived ? { isArchived: true } : {}),
        ...(opts.stage ? { stage: opts.stage } : {}),
      });
    },
    stop: async () => {
      await azurite.stop();
      await arm.stop();
      await entra.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The storage initializer of the fake's online deployments: the blobs of a model version (its
 * modelUri `azureml://.../datastores/{ds}/paths/{prefix}`, all in the world's datastore container)
 * downloaded from Azurite with the shared key into a fresh folder.
 */
async function downloadModelVersion(
  arm: FakeAzureResourceManager,
  azurite: Azurite,
  dir: string,
  ref: WorkspaceRef,
  name: string,
  version: string,
): Promise<string> {
  const v = arm.modelVersion(ref, name, version) as { properties?: { modelUri?: string | null } } | undefined;
  const uri = v?.properties?.modelUri ?? '';
  const m = /\/datastores\/[^/]+\/paths\/(.+)$/.exec(uri);
  if (!m) throw new Error(`model ${name}:${version} has no datastore modelUri ('${uri}')`);
  const prefix = m[1].replace(/\/+$/, '');
  const target = fs.mkdtempSync(path.join(dir, `model-${name}-${version}-`));
  fs.chmodSync(target, 0o755);
  const container = azuriteSharedKeyClient(azurite).getContainerClient(DATASTORE_CONTAINER);
  let count = 0;
  for await (const blob of container.listBlobsFlat({ prefix: `${prefix}/` })) {
    const rel = blob.name.slice(prefix.length + 1);
    const file = path.join(target, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await container.getBlobClient(blob.name).downloadToFile(file);
    fs.chmodSync(file, 0o644);
    count += 1;
  }
  if (count === 0) throw new Error(`no blob under '${prefix}/' for model ${name}:${version}`);
  return target;
}
